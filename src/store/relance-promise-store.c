/* relance-promise-store.c — payment promises and their instalments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A promise (promesse de paiement) or an arrangement (échéancier) is one
 * row of promise and its dated instalments. The engine
 * (relance-promises.c) matches the payments received against the
 * instalments and finds promises kept or broken; this file only reads
 * and writes, each change with its audit line.
 */
#define G_LOG_DOMAIN "relance-promise-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-promise-store.h"
#include "relance-database-private.h"

#define SQL_OPEN_CASE \
  "SELECT id FROM dunning_case" \
  " WHERE actor_id = ?1 AND currency = ?2 AND status <> 'closed'"
#define SQL_INSERT \
  "INSERT INTO promise (actor_id, case_id, currency, status, grace_days, made_on," \
  " comment, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, ?7, ?8)"
#define SQL_INSERT_INSTALMENT \
  "INSERT INTO promise_instalment (promise_id, due_date, amount_cents, paid_cents)" \
  " VALUES (?1, ?2, ?3, ?4)"

/* The columns of a promise in the order of promise_from_row() */
#define PROMISE_COLUMNS \
  "id, actor_id, case_id, currency, status, grace_days, made_on, closed_on," \
  " comment, created_at, created_by"
#define SQL_FIND "SELECT " PROMISE_COLUMNS " FROM promise WHERE id = ?1"
/* Few rows: one statement for every filter */
#define SQL_LIST \
  "SELECT " PROMISE_COLUMNS " FROM promise" \
  " WHERE (?1 = 0 OR actor_id = ?1) AND (?2 = 0 OR status = 'open')" \
  " ORDER BY made_on DESC, id DESC"
#define SQL_INSTALMENTS \
  "SELECT id, due_date, amount_cents, paid_cents FROM promise_instalment" \
  " WHERE promise_id = ?1 ORDER BY due_date, id"
#define SQL_LIST_OPEN \
  "SELECT p.actor_id, p.id," \
  " (SELECT MIN(due_date) FROM promise_instalment" \
  "   WHERE promise_id = p.id AND paid_cents < amount_cents)," \
  " (SELECT MAX(due_date) FROM promise_instalment WHERE promise_id = p.id)" \
  " FROM promise p WHERE p.status = 'open'" \
  " ORDER BY p.actor_id, p.id"

#define SQL_SET_STATUS \
  "UPDATE promise SET status = ?2, closed_on = ?3 WHERE id = ?1"
#define SQL_INSTALMENT \
  "SELECT promise_id, due_date, amount_cents, paid_cents FROM promise_instalment" \
  " WHERE id = ?1"
#define SQL_SET_PAID \
  "UPDATE promise_instalment SET paid_cents = ?2 WHERE id = ?1"

#define SQL_PAYMENTS \
  "SELECT date, amount_cents FROM payment" \
  " WHERE actor_id = ?1 AND currency = ?2 AND rejected = 0" \
  " AND date BETWEEN ?3 AND ?4" \
  " ORDER BY date, id"

static const char * const status_names[] = {
  [RELANCE_PROMISE_STATUS_OPEN] = "open",
  [RELANCE_PROMISE_STATUS_KEPT] = "kept",
  [RELANCE_PROMISE_STATUS_BROKEN] = "broken",
  [RELANCE_PROMISE_STATUS_CANCELLED] = "cancelled",
};

/* Helpers */

static int
compare_instalments (gconstpointer a,
                     gconstpointer b)
{
  const RelancePromiseInstalment *ia = a;
  const RelancePromiseInstalment *ib = b;

  if (ia->due_date != ib->due_date)
    return ia->due_date < ib->due_date ? -1 : 1;
  if (ia->id != ib->id)
    return ia->id < ib->id ? -1 : 1;
  return 0;
}

static RelancePromise *
promise_from_row (sqlite3_stmt *stmt)
{
  RelancePromise *promise = relance_promise_new ();
  const char *currency = relance_column_text (stmt, 3);

  promise->id = sqlite3_column_int64 (stmt, 0);
  promise->actor_id = sqlite3_column_int64 (stmt, 1);
  promise->case_id = sqlite3_column_int64 (stmt, 2);
  g_strlcpy (promise->currency, currency ? currency : "", sizeof promise->currency);
  relance_promise_status_from_string (relance_column_text (stmt, 4), &promise->status);
  promise->grace_days = sqlite3_column_int (stmt, 5);
  promise->made_on = sqlite3_column_int (stmt, 6);
  promise->closed_on = sqlite3_column_int (stmt, 7);
  promise->comment = g_strdup (relance_column_text (stmt, 8));
  promise->created_at = g_strdup (relance_column_text (stmt, 9));
  promise->created_by = g_strdup (relance_column_text (stmt, 10));
  return promise;
}

static gboolean
read_instalments (RelanceDatabase  *db,
                  RelancePromise   *promise,
                  GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_INSTALMENTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, promise->id);
  g_array_set_size (promise->instalments, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelancePromiseInstalment instalment;

      instalment.id = sqlite3_column_int64 (stmt, 0);
      instalment.due_date = sqlite3_column_int (stmt, 1);
      instalment.amount_cents = sqlite3_column_int64 (stmt, 2);
      instalment.paid_cents = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (promise->instalments, instalment);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the instalments of a promise"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
append_instalment (GString                        *text,
                   const RelancePromiseInstalment *instalment)
{
  g_autofree char *due = relance_date_to_iso (instalment->due_date);
  g_autofree char *amount = relance_money_format_plain (instalment->amount_cents);
  g_autofree char *paid = relance_money_format_plain (instalment->paid_cents);

  g_string_append_printf (text, "%s %s (paid %s)", due, amount, paid);
}

/* The text of the audit trail: one "key: value" per line */
static char *
describe_promise (const RelancePromise *promise)
{
  g_autofree char *made = relance_date_to_iso (promise->made_on);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "actor-id: %" G_GINT64_FORMAT "\n", promise->actor_id);
  if (promise->case_id > 0)
    g_string_append_printf (text, "case-id: %" G_GINT64_FORMAT "\n", promise->case_id);
  g_string_append_printf (text, "currency: %s\n", promise->currency);
  g_string_append_printf (text, "made-on: %s\n", made);
  g_string_append_printf (text, "grace-days: %d\n", promise->grace_days);
  g_string_append (text, "instalments: ");
  for (guint i = 0; i < promise->instalments->len; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      append_instalment (text, &g_array_index (promise->instalments,
                                               RelancePromiseInstalment, i));
    }
  if (promise->comment != NULL)
    g_string_append_printf (text, "\ncomment: %s", promise->comment);
  g_string_append_printf (text, "\nstatus: %s",
                          relance_promise_status_to_string (promise->status));
  if (promise->closed_on != RELANCE_DATE_NONE)
    {
      g_autofree char *closed = relance_date_to_iso (promise->closed_on);

      g_string_append_printf (text, "\nclosed-on: %s", closed);
    }
  return g_string_free (text, FALSE);
}

/* Reads a promise inside the transaction, for the audit trail;
 * NOT_FOUND when it is not there */
static RelancePromise *
find_for_audit (RelanceDatabase  *db,
                gint64            id,
                GError          **error)
{
  GError *local_error = NULL;
  RelancePromise *promise = relance_promise_store_find (db, id, &local_error);

  if (promise == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no promise number %" PRId64), id);
    }
  return promise;
}

/* The actor's open case in @currency, 0 when there is none */
static gboolean
find_open_case (RelanceDatabase  *db,
                gint64            actor_id,
                const char       *currency,
                gint64           *case_id,
                GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_OPEN_CASE, error);
  int rc;

  *case_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, currency, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *case_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the dunning case"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Public API */

const char *
relance_promise_status_to_string (RelancePromiseStatus status)
{
  g_return_val_if_fail (status <= RELANCE_PROMISE_STATUS_CANCELLED, "open");
  return status_names[status];
}

gboolean
relance_promise_status_from_string (const char           *text,
                                    RelancePromiseStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (RelancePromiseStatus) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_promise_new:
 *
 * Returns: (transfer full): an empty open promise in the default
 *   currency, with the default 3 days of grace
 */
RelancePromise *
relance_promise_new (void)
{
  RelancePromise *promise = g_new0 (RelancePromise, 1);

  g_strlcpy (promise->currency, RELANCE_DEFAULT_CURRENCY, sizeof promise->currency);
  promise->grace_days = 3;
  promise->instalments = g_array_new (FALSE, TRUE, sizeof (RelancePromiseInstalment));
  return promise;
}

void
relance_promise_free (RelancePromise *promise)
{
  if (promise == NULL)
    return;
  g_free (promise->comment);
  g_free (promise->created_at);
  g_free (promise->created_by);
  g_array_unref (promise->instalments);
  g_free (promise);
}

void
relance_promise_add_instalment (RelancePromise *promise,
                                RelanceDate     due_date,
                                gint64          amount_cents)
{
  RelancePromiseInstalment instalment = { 0, due_date, amount_cents, 0 };

  g_return_if_fail (promise != NULL);
  g_array_append_val (promise->instalments, instalment);
}

/* Σ of the instalments' amounts */
gint64
relance_promise_get_total_cents (const RelancePromise *promise)
{
  gint64 total = 0;

  g_return_val_if_fail (promise != NULL, 0);
  for (guint i = 0; i < promise->instalments->len; i++)
    total += g_array_index (promise->instalments, RelancePromiseInstalment, i).amount_cents;
  return total;
}

/**
 * relance_promise_store_insert:
 * @db: a #RelanceDatabase
 * @promise: a new promise (id 0) with at least one instalment
 * @error: a #GError
 *
 * Writes the promise, its instalments and an audit line in one
 * transaction (or in the caller's). The promise is linked to the actor's
 * open dunning case in its currency, when there is one.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_promise_store_insert (RelanceDatabase  *db,
                              RelancePromise   *promise,
                              GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 case_id;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (promise != NULL && promise->id == 0, FALSE);

  g_array_sort (promise->instalments, compare_instalments);

  if (!relance_database_begin (db, error))
    return FALSE;

  if (!find_open_case (db, promise->actor_id, promise->currency, &case_id, error))
    goto failed;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, promise->actor_id);
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 2, case_id);
  sqlite3_bind_text (stmt, 3, promise->currency, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, promise->grace_days);
  sqlite3_bind_int (stmt, 5, promise->made_on);
  relance_bind_text_or_null (stmt, 6, promise->comment);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  for (guint i = 0; i < promise->instalments->len; i++)
    {
      RelancePromiseInstalment *instalment =
        &g_array_index (promise->instalments, RelancePromiseInstalment, i);

      stmt = relance_database_prepare (db, SQL_INSERT_INSTALMENT, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, instalment->due_date);
      sqlite3_bind_int64 (stmt, 3, instalment->amount_cents);
      sqlite3_bind_int64 (stmt, 4, instalment->paid_cents);
      if (!relance_database_step_done (db, stmt, error))
        goto failed;
      instalment->id = sqlite3_last_insert_rowid (relance_database_get_handle (db));
    }

  promise->case_id = case_id;
  promise->status = RELANCE_PROMISE_STATUS_OPEN;
  after = describe_promise (promise);
  if (!relance_database_audit (db, "promise", id, "create", NULL, after, error))
    goto failed;

  if (!relance_database_commit (db, error))
    goto forget_ids;

  promise->id = id;
  g_free (promise->created_at);
  promise->created_at = g_steal_pointer (&now);
  g_free (promise->created_by);
  promise->created_by = g_strdup (relance_database_get_user (db));
  return TRUE;

failed:
  relance_database_rollback (db);
forget_ids:
  for (guint i = 0; i < promise->instalments->len; i++)
    g_array_index (promise->instalments, RelancePromiseInstalment, i).id = 0;
  promise->case_id = 0;
  return FALSE;
}

/**
 * relance_promise_store_find:
 * @db: a #RelanceDatabase
 * @id: a promise's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the promise with its instalments,
 *   or %NULL with @error unset when there is none
 */
RelancePromise *
relance_promise_store_find (RelanceDatabase  *db,
                            gint64            id,
                            GError          **error)
{
  g_autoptr(RelancePromise) promise = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    promise = promise_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a promise"));
  sqlite3_reset (stmt);

  if (promise != NULL && !read_instalments (db, promise, error))
    return NULL;
  return g_steal_pointer (&promise);
}

/**
 * relance_promise_store_list:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id, or 0 for every actor
 * @open_only: only the open promises
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelancePromise): the
 *   promises with their instalments, newest first; %NULL with @error set
 *   when SQLite fails
 */
GPtrArray *
relance_promise_store_list (RelanceDatabase  *db,
                            gint64            actor_id,
                            gboolean          open_only,
                            GError          **error)
{
  g_autoptr(GPtrArray) promises = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int (stmt, 2, open_only ? 1 : 0);

  promises = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_promise_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (promises, promise_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the promises"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < promises->len; i++)
    if (!read_instalments (db, g_ptr_array_index (promises, i), error))
      return NULL;
  return g_steal_pointer (&promises);
}

/**
 * relance_promise_store_list_open:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * For the daily run: the open promises of every actor, with the date of
 * the first instalment not fully paid (@next_due, 0 when all are paid
 * and the promise waits to be found kept) and of the last instalment
 * (@until).
 *
 * Returns: (transfer full) (element-type RelanceOpenPromise): ordered by
 *   actor id, then promise id; %NULL with @error set when SQLite fails
 */
GArray *
relance_promise_store_list_open (RelanceDatabase  *db,
                                 GError          **error)
{
  g_autoptr(GArray) open = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_OPEN, error);
  if (stmt == NULL)
    return NULL;

  open = g_array_new (FALSE, TRUE, sizeof (RelanceOpenPromise));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceOpenPromise row;

      row.actor_id = sqlite3_column_int64 (stmt, 0);
      row.promise_id = sqlite3_column_int64 (stmt, 1);
      row.next_due = sqlite3_column_int (stmt, 2);
      row.until = sqlite3_column_int (stmt, 3);
      g_array_append_val (open, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the open promises"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&open);
}

/**
 * relance_promise_store_set_status:
 * @db: a #RelanceDatabase
 * @id: a promise's id
 * @status: the new status
 * @closed_on: the day it closed, or 0 (open)
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND
 *   when there is no promise @id
 */
gboolean
relance_promise_store_set_status (RelanceDatabase       *db,
                                  gint64                 id,
                                  RelancePromiseStatus   status,
                                  RelanceDate            closed_on,
                                  GError               **error)
{
  g_autoptr(RelancePromise) promise = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status <= RELANCE_PROMISE_STATUS_CANCELLED, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  promise = find_for_audit (db, id, error);
  if (promise == NULL)
    goto failed;
  before = describe_promise (promise);

  stmt = relance_database_prepare (db, SQL_SET_STATUS, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, relance_promise_status_to_string (status), -1, SQLITE_STATIC);
  if (closed_on != RELANCE_DATE_NONE)
    sqlite3_bind_int (stmt, 3, closed_on);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  promise->status = status;
  promise->closed_on = closed_on;
  after = describe_promise (promise);
  if (!relance_database_audit (db, "promise", id, relance_promise_status_to_string (status),
                               before, after, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_promise_store_set_instalment_paid:
 * @db: a #RelanceDatabase
 * @instalment_id: an instalment's id
 * @paid_cents: what the payments cover of it, 0 to its amount
 * @error: a #GError
 *
 * Returns: %TRUE on success (also when nothing changed)
 */
gboolean
relance_promise_store_set_instalment_paid (RelanceDatabase  *db,
                                           gint64            instalment_id,
                                           gint64            paid_cents,
                                           GError          **error)
{
  RelancePromiseInstalment before = { 0 };
  RelancePromiseInstalment after;
  g_autoptr(GString) before_text = g_string_new ("instalment: ");
  g_autoptr(GString) after_text = g_string_new ("instalment: ");
  sqlite3_stmt *stmt;
  gint64 promise_id = 0;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_INSTALMENT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, instalment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      promise_id = sqlite3_column_int64 (stmt, 0);
      before.id = instalment_id;
      before.due_date = sqlite3_column_int (stmt, 1);
      before.amount_cents = sqlite3_column_int64 (stmt, 2);
      before.paid_cents = sqlite3_column_int64 (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an instalment"));
  else
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("There is no instalment number %" PRId64), instalment_id);
  sqlite3_reset (stmt);
  if (promise_id == 0)
    goto failed;

  if (before.paid_cents == paid_cents)
    return relance_database_commit (db, error);

  stmt = relance_database_prepare (db, SQL_SET_PAID, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, instalment_id);
  sqlite3_bind_int64 (stmt, 2, paid_cents);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  after = before;
  after.paid_cents = paid_cents;
  append_instalment (before_text, &before);
  append_instalment (after_text, &after);
  if (!relance_database_audit (db, "promise", promise_id, "instalment-paid",
                               before_text->str, after_text->str, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_promise_store_payments:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @currency: the promise's currency
 * @from: the first day counted (the day the promise was made)
 * @to: the last day counted (the evaluation day)
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelancePromisePayment): the
 *   payments by date; %NULL with @error set when SQLite fails
 */
GArray *
relance_promise_store_payments (RelanceDatabase  *db,
                                gint64            actor_id,
                                const char       *currency,
                                RelanceDate       from,
                                RelanceDate       to,
                                GError          **error)
{
  g_autoptr(GArray) payments = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_PAYMENTS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, currency, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, from);
  sqlite3_bind_int (stmt, 4, to);

  payments = g_array_new (FALSE, TRUE, sizeof (RelancePromisePayment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelancePromisePayment payment;

      payment.date = sqlite3_column_int (stmt, 0);
      payment.amount_cents = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (payments, payment);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the payments"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&payments);
}
