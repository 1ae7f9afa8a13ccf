/* relance-card-store.c — the queries of the customer card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card of a large customer shows thousands of items: its list of
 * every item is paged here, in the order of the index invoice_actor
 * (actor_id, issue_date), so that a page is read without a sort.
 */
#define G_LOG_DOMAIN "relance-card-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-card-store.h"
#include "relance-database-private.h"

#define INVOICE_COLUMNS \
  "id, number, actor_id, kind, issue_date, due_date, amount_cents, currency," \
  " allocated_cents, cancelled"
/* instr() on lower(): a case-insensitive "contains"; LIKE would read % and
 * _ typed in the filter as wildcards. ?2 = '' matches every row. */
#define SQL_LIST_INVOICES \
  "SELECT " INVOICE_COLUMNS " FROM invoice" \
  " WHERE actor_id = ?1 AND (?2 = '' OR instr(lower(number), lower(?2)) > 0)" \
  " ORDER BY issue_date DESC, id DESC" \
  " LIMIT ?3 OFFSET ?4"
#define SQL_COUNT_INVOICES \
  "SELECT count(*) FROM invoice" \
  " WHERE actor_id = ?1 AND (?2 = '' OR instr(lower(number), lower(?2)) > 0)"
#define SQL_ALLOCATIONS \
  "SELECT al.payment_id, al.invoice_id, i.number, al.amount_cents, al.date" \
  " FROM payment p" \
  " JOIN allocation al ON al.payment_id = p.id" \
  " JOIN invoice i ON i.id = al.invoice_id" \
  " WHERE p.actor_id = ?1" \
  " ORDER BY al.payment_id, al.date, i.number"
/* The WHERE repeats the partial index invoice_open's condition */
#define SQL_LITIGATION_IDS \
  "SELECT id FROM invoice" \
  " WHERE actor_id = ?1 AND allocated_cents <> amount_cents AND cancelled = 0" \
  " AND litigation = 1" \
  " ORDER BY id"

/* Helpers */

static RelanceInvoice *
invoice_from_row (sqlite3_stmt *stmt)
{
  RelanceInvoice *invoice = relance_invoice_new (relance_column_text (stmt, 1),
                                                 sqlite3_column_int64 (stmt, 2));

  g_object_freeze_notify (G_OBJECT (invoice));
  relance_invoice_set_id (invoice, sqlite3_column_int64 (stmt, 0));
  relance_invoice_set_kind (invoice, sqlite3_column_int (stmt, 3));
  relance_invoice_set_issue_date (invoice, sqlite3_column_int (stmt, 4));
  relance_invoice_set_due_date (invoice, sqlite3_column_int (stmt, 5));
  relance_invoice_set_amount_cents (invoice, sqlite3_column_int64 (stmt, 6));
  relance_invoice_set_currency (invoice, relance_column_text (stmt, 7));
  relance_invoice_set_allocated_cents (invoice, sqlite3_column_int64 (stmt, 8));
  relance_invoice_set_cancelled (invoice, sqlite3_column_int (stmt, 9) != 0);
  g_object_thaw_notify (G_OBJECT (invoice));
  return invoice;
}

static void
bind_filter (sqlite3_stmt *stmt,
             int           index,
             const char   *number_filter)
{
  sqlite3_bind_text (stmt, index, number_filter != NULL ? number_filter : "", -1,
                     SQLITE_TRANSIENT);
}

/* Public API */

/**
 * relance_card_store_list_invoices:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @number_filter: (nullable): a part of the number, "" or %NULL for all
 * @offset: the first row
 * @limit: at most this many rows
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceInvoice): a page of
 *   the customer's items, newest first; %NULL with @error set when SQLite
 *   fails
 */
GPtrArray *
relance_card_store_list_invoices (RelanceDatabase  *db,
                                  gint64            actor_id,
                                  const char       *number_filter,
                                  guint             offset,
                                  guint             limit,
                                  GError          **error)
{
  g_autoptr(GPtrArray) invoices = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_INVOICES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  bind_filter (stmt, 2, number_filter);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, offset);

  invoices = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (invoices, invoice_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the invoices"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&invoices);
}

/**
 * relance_card_store_count_invoices:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @number_filter: (nullable): as for relance_card_store_list_invoices()
 * @error: a #GError
 *
 * Returns: the number of rows, or -1 with @error set
 */
gint64
relance_card_store_count_invoices (RelanceDatabase  *db,
                                   gint64            actor_id,
                                   const char       *number_filter,
                                   GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT_INVOICES, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  bind_filter (stmt, 2, number_filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("count the invoices"));
  sqlite3_reset (stmt);
  return count;
}

void
relance_card_allocation_free (RelanceCardAllocation *allocation)
{
  if (allocation == NULL)
    return;
  g_free (allocation->invoice_number);
  g_free (allocation);
}

/**
 * relance_card_store_list_allocations:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceCardAllocation): the
 *   allocations of the customer's payments, by payment; %NULL with @error
 *   set when SQLite fails
 */
GPtrArray *
relance_card_store_list_allocations (RelanceDatabase  *db,
                                     gint64            actor_id,
                                     GError          **error)
{
  g_autoptr(GPtrArray) allocations = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_ALLOCATIONS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

  allocations = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_card_allocation_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceCardAllocation *allocation = g_new0 (RelanceCardAllocation, 1);

      allocation->payment_id = sqlite3_column_int64 (stmt, 0);
      allocation->invoice_id = sqlite3_column_int64 (stmt, 1);
      allocation->invoice_number = g_strdup (relance_column_text (stmt, 2));
      allocation->amount_cents = sqlite3_column_int64 (stmt, 3);
      allocation->date = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (allocations, allocation);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the allocations"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&allocations);
}

/**
 * relance_card_store_litigation_ids:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type gint64): the ids, ascending, for
 *   relance_dispute_ids_contain(); %NULL with @error set when SQLite fails
 */
GArray *
relance_card_store_litigation_ids (RelanceDatabase  *db,
                                   gint64            actor_id,
                                   GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LITIGATION_IDS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the items in litigation"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}
