/* relance-dispute-store.c — disputes (litiges) on invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dispute covers one or more invoices of one actor. While it is open
 * its items are left out of dunning and counted in the disputed amount;
 * the engine (relance-disputes.c) checks the business rules and writes
 * through these functions inside one transaction.
 */
#define G_LOG_DOMAIN "relance-dispute-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-dispute-store.h"
#include "relance-database-private.h"

#define SQL_OPEN_IDS_ALL \
  "SELECT DISTINCT di.invoice_id FROM dispute d" \
  " JOIN dispute_invoice di ON di.dispute_id = d.id" \
  " WHERE d.status = 'open'" \
  " ORDER BY di.invoice_id"
#define SQL_OPEN_IDS_ONE \
  "SELECT DISTINCT di.invoice_id FROM dispute d" \
  " JOIN dispute_invoice di ON di.dispute_id = d.id" \
  " WHERE d.actor_id = ?1 AND d.status = 'open'" \
  " ORDER BY di.invoice_id"

#define SQL_INSERT \
  "INSERT INTO dispute (actor_id, reason, amount_cents, currency, owner, status," \
  " opened_on, comment, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?8, ?9)"
#define SQL_INSERT_INVOICE \
  "INSERT INTO dispute_invoice (dispute_id, invoice_id) VALUES (?1, ?2)"

/* The columns of a dispute in the order of dispute_from_row() */
#define DISPUTE_COLUMNS \
  "d.id, d.actor_id, d.reason, d.amount_cents, d.currency, d.owner, d.status," \
  " d.opened_on, d.resolved_on, d.resolution, d.credit_note_id, cn.number," \
  " d.comment, d.created_at, d.created_by"
#define SQL_FIND \
  "SELECT " DISPUTE_COLUMNS " FROM dispute d" \
  " LEFT JOIN invoice cn ON cn.id = d.credit_note_id" \
  " WHERE d.id = ?1"
/* Few rows: one statement for every filter */
#define SQL_LIST \
  "SELECT " DISPUTE_COLUMNS " FROM dispute d" \
  " LEFT JOIN invoice cn ON cn.id = d.credit_note_id" \
  " WHERE (?1 = 0 OR d.actor_id = ?1) AND (?2 = 0 OR d.status = 'open')" \
  " ORDER BY d.opened_on DESC, d.id DESC"
#define SQL_INVOICES \
  "SELECT i.id, i.number FROM dispute_invoice di" \
  " JOIN invoice i ON i.id = di.invoice_id" \
  " WHERE di.dispute_id = ?1" \
  " ORDER BY i.due_date, i.number"

#define SQL_RESOLVE \
  "UPDATE dispute SET status = ?2, resolved_on = ?3, resolution = ?4," \
  " credit_note_id = ?5" \
  " WHERE id = ?1 AND status = 'open'"

static const char * const status_names[] = {
  [RELANCE_DISPUTE_STATUS_OPEN] = "open",
  [RELANCE_DISPUTE_STATUS_JUSTIFIED] = "justified",
  [RELANCE_DISPUTE_STATUS_UNJUSTIFIED] = "unjustified",
};

/* Helpers */

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (relance_column_text (stmt, index));
}

static RelanceDispute *
dispute_from_row (sqlite3_stmt *stmt)
{
  RelanceDispute *dispute = relance_dispute_new ();
  const char *currency = relance_column_text (stmt, 4);

  dispute->id = sqlite3_column_int64 (stmt, 0);
  dispute->actor_id = sqlite3_column_int64 (stmt, 1);
  dispute->reason = dup_column (stmt, 2);
  dispute->amount_cents = sqlite3_column_int64 (stmt, 3);
  g_strlcpy (dispute->currency, currency ? currency : "", sizeof dispute->currency);
  dispute->owner = dup_column (stmt, 5);
  relance_dispute_status_from_string (relance_column_text (stmt, 6), &dispute->status);
  dispute->opened_on = sqlite3_column_int (stmt, 7);
  dispute->resolved_on = sqlite3_column_int (stmt, 8);
  dispute->resolution = dup_column (stmt, 9);
  dispute->credit_note_id = sqlite3_column_int64 (stmt, 10);
  dispute->credit_note_number = dup_column (stmt, 11);
  dispute->comment = dup_column (stmt, 12);
  dispute->created_at = dup_column (stmt, 13);
  dispute->created_by = dup_column (stmt, 14);
  return dispute;
}

static gboolean
read_invoices (RelanceDatabase  *db,
               RelanceDispute   *dispute,
               GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_INVOICES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dispute->id);
  g_array_set_size (dispute->invoice_ids, 0);
  g_ptr_array_set_size (dispute->invoice_numbers, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (dispute->invoice_ids, id);
      g_ptr_array_add (dispute->invoice_numbers, dup_column (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the invoices of a dispute"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The text of the audit trail: one "key: value" per line */
static char *
describe_dispute (const RelanceDispute *dispute)
{
  g_autofree char *amount = relance_money_format_plain (dispute->amount_cents);
  g_autofree char *opened = relance_date_to_iso (dispute->opened_on);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "actor-id: %" G_GINT64_FORMAT "\n", dispute->actor_id);
  g_string_append (text, "invoices:");
  for (guint i = 0; i < dispute->invoice_numbers->len; i++)
    g_string_append_printf (text, "%s %s", i == 0 ? "" : ",",
                            (const char *) g_ptr_array_index (dispute->invoice_numbers, i));
  g_string_append_printf (text, "\nreason: %s\n", dispute->reason);
  g_string_append_printf (text, "amount: %s %s\n", amount, dispute->currency);
  if (dispute->owner != NULL)
    g_string_append_printf (text, "owner: %s\n", dispute->owner);
  g_string_append_printf (text, "opened-on: %s\n", opened);
  if (dispute->comment != NULL)
    g_string_append_printf (text, "comment: %s\n", dispute->comment);
  g_string_append_printf (text, "status: %s",
                          relance_dispute_status_to_string (dispute->status));
  if (dispute->resolved_on != RELANCE_DATE_NONE)
    {
      g_autofree char *resolved = relance_date_to_iso (dispute->resolved_on);

      g_string_append_printf (text, "\nresolved-on: %s", resolved);
    }
  if (dispute->resolution != NULL)
    g_string_append_printf (text, "\nresolution: %s", dispute->resolution);
  if (dispute->credit_note_number != NULL)
    g_string_append_printf (text, "\ncredit-note: %s", dispute->credit_note_number);
  return g_string_free (text, FALSE);
}

/* Reads a dispute inside the transaction, for the audit trail; NOT_FOUND
 * when it is not there */
static RelanceDispute *
find_for_audit (RelanceDatabase  *db,
                gint64            id,
                GError          **error)
{
  GError *local_error = NULL;
  RelanceDispute *dispute = relance_dispute_store_find (db, id, &local_error);

  if (dispute == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no dispute number %" PRId64), id);
    }
  return dispute;
}

/* Public API */

const char *
relance_dispute_status_to_string (RelanceDisputeStatus status)
{
  g_return_val_if_fail (status <= RELANCE_DISPUTE_STATUS_UNJUSTIFIED, "open");
  return status_names[status];
}

gboolean
relance_dispute_status_from_string (const char           *text,
                                    RelanceDisputeStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (RelanceDisputeStatus) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_dispute_new:
 *
 * Returns: (transfer full): an empty dispute, status open, in the
 *   default currency
 */
RelanceDispute *
relance_dispute_new (void)
{
  RelanceDispute *dispute = g_new0 (RelanceDispute, 1);

  g_strlcpy (dispute->currency, RELANCE_DEFAULT_CURRENCY, sizeof dispute->currency);
  dispute->invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  dispute->invoice_numbers = g_ptr_array_new_with_free_func (g_free);
  return dispute;
}

void
relance_dispute_free (RelanceDispute *dispute)
{
  if (dispute == NULL)
    return;
  g_free (dispute->reason);
  g_free (dispute->owner);
  g_free (dispute->resolution);
  g_free (dispute->credit_note_number);
  g_free (dispute->comment);
  g_free (dispute->created_at);
  g_free (dispute->created_by);
  g_array_unref (dispute->invoice_ids);
  g_ptr_array_unref (dispute->invoice_numbers);
  g_free (dispute);
}

/**
 * relance_dispute_store_open_invoice_ids:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id, or 0 for every actor
 * @error: a #GError
 *
 * One query for the whole portfolio: the daily run and the figures look
 * an item up in the result with relance_dispute_ids_contain().
 *
 * Returns: (transfer full) (element-type gint64): the ids, ascending and
 *   distinct; %NULL with @error set when SQLite fails
 */
GArray *
relance_dispute_store_open_invoice_ids (RelanceDatabase  *db,
                                        gint64            actor_id,
                                        GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, actor_id != 0 ? SQL_OPEN_IDS_ONE : SQL_OPEN_IDS_ALL,
                                   error);
  if (stmt == NULL)
    return NULL;
  if (actor_id != 0)
    sqlite3_bind_int64 (stmt, 1, actor_id);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the disputed invoices"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/**
 * relance_dispute_ids_contain:
 * @ids: (element-type gint64): sorted ascending, as
 *   relance_dispute_store_open_invoice_ids() returns them
 * @invoice_id: an invoice's id
 *
 * Returns: %TRUE when @invoice_id is one of @ids
 */
gboolean
relance_dispute_ids_contain (GArray *ids,
                             gint64  invoice_id)
{
  const gint64 *values;
  guint lo = 0, hi;

  if (ids == NULL)
    return FALSE;
  values = (const gint64 *) (const void *) ids->data;
  hi = ids->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < invoice_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < ids->len && values[lo] == invoice_id;
}

/**
 * relance_dispute_store_insert:
 * @db: a #RelanceDatabase
 * @dispute: a new dispute (id 0) with its @invoice_ids; its id,
 *   created_at, created_by and invoice numbers are set on success
 * @error: a #GError
 *
 * Writes the dispute, its invoices and an audit line in one transaction
 * (or in the caller's). The business rules are the engine's.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_dispute_store_insert (RelanceDatabase  *db,
                              RelanceDispute   *dispute,
                              GError          **error)
{
  g_autoptr(RelanceDispute) stored = NULL;
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dispute != NULL && dispute->id == 0, FALSE);
  g_return_val_if_fail (dispute->reason != NULL, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, dispute->actor_id);
  sqlite3_bind_text (stmt, 2, dispute->reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, dispute->amount_cents);
  sqlite3_bind_text (stmt, 4, dispute->currency, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 5, dispute->owner);
  sqlite3_bind_int (stmt, 6, dispute->opened_on);
  relance_bind_text_or_null (stmt, 7, dispute->comment);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  for (guint i = 0; i < dispute->invoice_ids->len; i++)
    {
      stmt = relance_database_prepare (db, SQL_INSERT_INVOICE, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (dispute->invoice_ids, gint64, i));
      if (!relance_database_step_done (db, stmt, error))
        goto failed;
    }

  stored = find_for_audit (db, id, error);
  if (stored == NULL)
    goto failed;
  after = describe_dispute (stored);
  if (!relance_database_audit (db, "dispute", id, "create", NULL, after, error))
    goto failed;

  if (!relance_database_commit (db, error))
    return FALSE;

  dispute->id = id;
  g_free (dispute->created_at);
  dispute->created_at = g_steal_pointer (&stored->created_at);
  g_free (dispute->created_by);
  dispute->created_by = g_steal_pointer (&stored->created_by);
  g_array_set_size (dispute->invoice_ids, 0);
  g_array_append_vals (dispute->invoice_ids, stored->invoice_ids->data, stored->invoice_ids->len);
  g_ptr_array_set_size (dispute->invoice_numbers, 0);
  for (guint i = 0; i < stored->invoice_numbers->len; i++)
    g_ptr_array_add (dispute->invoice_numbers,
                     g_strdup (g_ptr_array_index (stored->invoice_numbers, i)));
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_dispute_store_find:
 * @db: a #RelanceDatabase
 * @id: a dispute's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the dispute with its invoices, or
 *   %NULL with @error unset when there is none
 */
RelanceDispute *
relance_dispute_store_find (RelanceDatabase  *db,
                            gint64            id,
                            GError          **error)
{
  g_autoptr(RelanceDispute) dispute = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    dispute = dispute_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a dispute"));
  sqlite3_reset (stmt);

  if (dispute != NULL && !read_invoices (db, dispute, error))
    return NULL;
  return g_steal_pointer (&dispute);
}

/**
 * relance_dispute_store_list:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id, or 0 for every actor
 * @open_only: only the disputes still open
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceDispute): the
 *   disputes with their invoices, newest first; %NULL with @error set
 *   when SQLite fails
 */
GPtrArray *
relance_dispute_store_list (RelanceDatabase  *db,
                            gint64            actor_id,
                            gboolean          open_only,
                            GError          **error)
{
  g_autoptr(GPtrArray) disputes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int (stmt, 2, open_only ? 1 : 0);

  disputes = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_dispute_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (disputes, dispute_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the disputes"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* After the walk: the invoices' statement is another one, but a
   * statement left mid-walk would hold its read lock meanwhile. */
  for (guint i = 0; i < disputes->len; i++)
    if (!read_invoices (db, g_ptr_array_index (disputes, i), error))
      return NULL;
  return g_steal_pointer (&disputes);
}

/**
 * relance_dispute_store_resolve:
 * @db: a #RelanceDatabase
 * @id: an open dispute
 * @status: %RELANCE_DISPUTE_STATUS_JUSTIFIED or
 *   %RELANCE_DISPUTE_STATUS_UNJUSTIFIED
 * @resolved_on: the day of the resolution
 * @resolution: (nullable): a comment
 * @credit_note_id: the credit note written by the caller in its
 *   transaction, or 0
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND
 *   when there is no open dispute @id
 */
gboolean
relance_dispute_store_resolve (RelanceDatabase       *db,
                               gint64                 id,
                               RelanceDisputeStatus   status,
                               RelanceDate            resolved_on,
                               const char            *resolution,
                               gint64                 credit_note_id,
                               GError               **error)
{
  g_autoptr(RelanceDispute) before = NULL;
  g_autoptr(RelanceDispute) after = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status == RELANCE_DISPUTE_STATUS_JUSTIFIED ||
                        status == RELANCE_DISPUTE_STATUS_UNJUSTIFIED, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  before = find_for_audit (db, id, error);
  if (before == NULL)
    goto failed;
  if (before->status != RELANCE_DISPUTE_STATUS_OPEN)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("The dispute number %" PRId64 " is not open any more"), id);
      goto failed;
    }

  stmt = relance_database_prepare (db, SQL_RESOLVE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, relance_dispute_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, resolved_on);
  relance_bind_text_or_null (stmt, 4, resolution);
  if (credit_note_id > 0)
    sqlite3_bind_int64 (stmt, 5, credit_note_id);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  after = find_for_audit (db, id, error);
  if (after == NULL)
    goto failed;
  before_text = describe_dispute (before);
  after_text = describe_dispute (after);
  if (!relance_database_audit (db, "dispute", id, "resolve", before_text, after_text, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
