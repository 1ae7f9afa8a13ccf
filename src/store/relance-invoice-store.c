/* relance-invoice-store.c — invoices, credit notes, fees and interest items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-invoice-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-invoice-store.h"
#include "relance-database-private.h"

/* created_at comes from SQLite's clock, so that a bulk import allocates
 * no timestamp string per row. */
#define SQL_INSERT \
  "INSERT INTO invoice (number, actor_id, kind, issue_date, due_date, amount_cents," \
  " currency, allocated_cents, cancelled, import_id, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10," \
  " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* The columns of an invoice in the order of invoice_from_row() */
#define INVOICE_COLUMNS \
  "id, number, actor_id, kind, issue_date, due_date, amount_cents, currency," \
  " allocated_cents, cancelled"
#define SQL_FIND_BY_NUMBER "SELECT " INVOICE_COLUMNS " FROM invoice WHERE number = ?1"
#define SQL_FIND_BY_ID "SELECT " INVOICE_COLUMNS " FROM invoice WHERE id = ?1"
#define SQL_NUMBER_EXISTS "SELECT 1 FROM invoice WHERE number = ?1"
#define SQL_COUNT "SELECT count(*) FROM invoice"
#define SQL_GET_LITIGATION "SELECT number, litigation FROM invoice WHERE id = ?1"
#define SQL_SET_LITIGATION "UPDATE invoice SET litigation = ?2 WHERE id = ?1"
#define SQL_LIST_FOR_ACTOR \
  "SELECT " INVOICE_COLUMNS " FROM invoice" \
  " WHERE actor_id = ?1 AND cancelled = 0" \
  " ORDER BY due_date, number"
/* The WHERE repeats the condition of the partial index invoice_open word
 * for word, which is how SQLite knows it may use it. */
#define SQL_LIST_OPEN_FOR_ACTOR \
  "SELECT " INVOICE_COLUMNS " FROM invoice" \
  " WHERE actor_id = ?1 AND allocated_cents <> amount_cents AND cancelled = 0" \
  " ORDER BY due_date, number"

/* The columns of a RelanceInvoiceRow, in the order of fill_row() */
#define ROW_COLUMNS \
  "id, actor_id, number, kind, issue_date, due_date, amount_cents," \
  " allocated_cents, currency, litigation"
#define SQL_FOREACH_OPEN_ALL \
  "SELECT " ROW_COLUMNS " FROM invoice" \
  " WHERE allocated_cents <> amount_cents AND cancelled = 0" \
  " ORDER BY actor_id, due_date, id"
#define SQL_FOREACH_OPEN_ONE \
  "SELECT " ROW_COLUMNS " FROM invoice" \
  " WHERE actor_id = ?1 AND allocated_cents <> amount_cents AND cancelled = 0" \
  " ORDER BY due_date, id"
#define SQL_FOREACH_ISSUED_ALL \
  "SELECT " ROW_COLUMNS " FROM invoice" \
  " WHERE issue_date BETWEEN ?2 AND ?3 AND cancelled = 0" \
  " ORDER BY actor_id, issue_date, id"
#define SQL_FOREACH_ISSUED_ONE \
  "SELECT " ROW_COLUMNS " FROM invoice" \
  " WHERE actor_id = ?1 AND issue_date BETWEEN ?2 AND ?3 AND cancelled = 0" \
  " ORDER BY issue_date, id"

/* One validation reused for every row of a connection: a bulk import
 * then allocates nothing for a valid row. A connection belongs to one
 * thread, and so does its validation. */
static RelanceValidation *
get_scratch_validation (RelanceDatabase *db)
{
  static gsize quark = 0;
  RelanceValidation *validation;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("relance-invoice-store-validation"));

  validation = g_object_get_qdata (G_OBJECT (db), (GQuark) quark);
  if (validation == NULL)
    {
      validation = relance_validation_new ();
      g_object_set_qdata_full (G_OBJECT (db), (GQuark) quark, validation, g_object_unref);
    }
  else
    relance_validation_clear (validation);
  return validation;
}

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
fill_row (sqlite3_stmt      *stmt,
          RelanceInvoiceRow *row)
{
  const char *currency;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->actor_id = sqlite3_column_int64 (stmt, 1);
  row->number = relance_column_text (stmt, 2);
  row->kind = sqlite3_column_int (stmt, 3);
  row->issue_date = sqlite3_column_int (stmt, 4);
  row->due_date = sqlite3_column_int (stmt, 5);
  row->amount_cents = sqlite3_column_int64 (stmt, 6);
  row->allocated_cents = sqlite3_column_int64 (stmt, 7);
  currency = relance_column_text (stmt, 8);
  g_strlcpy (row->currency, currency ? currency : "", sizeof row->currency);
  row->litigation = sqlite3_column_int (stmt, 9) != 0;
}

static char *
describe_invoice (RelanceInvoice *invoice)
{
  g_autofree char *amount = relance_money_format_plain (relance_invoice_get_amount_cents (invoice));
  g_autofree char *issued = relance_date_to_iso (relance_invoice_get_issue_date (invoice));
  g_autofree char *due = relance_date_to_iso (relance_invoice_get_due_date (invoice));

  return g_strdup_printf ("number: %s\n"
                          "actor-id: %" G_GINT64_FORMAT "\n"
                          "kind: %s\n"
                          "issue-date: %s\n"
                          "due-date: %s\n"
                          "amount: %s %s",
                          relance_invoice_get_number (invoice),
                          relance_invoice_get_actor_id (invoice),
                          relance_invoice_kind_to_string (relance_invoice_get_kind (invoice)),
                          issued, due, amount, relance_invoice_get_currency (invoice));
}

static void
set_insert_error (RelanceDatabase  *db,
                  int               rc,
                  RelanceInvoice   *invoice,
                  GError          **error)
{
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                 _("An invoice numbered “%s” already exists; an invoice number is "
                   "entered once"),
                 relance_invoice_get_number (invoice));
  else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                 _("The invoice “%s” is for a customer that does not exist: create "
                   "the customer first"),
                 relance_invoice_get_number (invoice));
  else
    relance_database_set_sql_error (db, error, _("save the invoice"));
}

static RelanceInvoice *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  RelanceInvoice *invoice = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    invoice = invoice_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an invoice"));
  sqlite3_reset (stmt);
  return invoice;
}

static gboolean
walk (RelanceDatabase        *db,
      sqlite3_stmt           *stmt,
      RelanceInvoiceRowFunc   func,
      gpointer                user_data,
      GError                **error)
{
  RelanceInvoiceRow row;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      fill_row (stmt, &row);
      if (!func (&row, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the invoices"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * relance_invoice_store_insert:
 * @db: a #RelanceDatabase
 * @invoice: a new invoice (id 0) of a stored actor; its id is set on
 *   success
 * @import_id: the import that loads it, or 0 when entered by hand
 * @error: a #GError
 *
 * Stores an invoice. Made for bulk imports too: the caller opens one
 * transaction around many calls, has resolved the actor, and a duplicate
 * number is caught by the UNIQUE constraint rather than by a query. An
 * invoice entered by hand gets an audit line; an imported one does not,
 * as the importer writes one line for the file.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_INVALID,
 *   RELANCE_STORE_ERROR_DUPLICATE or another code
 */
gboolean
relance_invoice_store_insert (RelanceDatabase  *db,
                              RelanceInvoice   *invoice,
                              gint64            import_id,
                              GError          **error)
{
  RelanceValidation *validation;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RELANCE_IS_INVOICE (invoice), FALSE);
  g_return_val_if_fail (relance_invoice_get_id (invoice) == 0, FALSE);

  /* Refused before anything is written, so that an importer can report
   * the row and go on in its transaction. */
  validation = get_scratch_validation (db);
  relance_invoice_validate (invoice, validation);
  if (relance_validation_has_blocking (validation))
    {
      g_autofree char *text = relance_validation_to_string (validation);

      g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID, text);
      return FALSE;
    }

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, relance_invoice_get_number (invoice), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, relance_invoice_get_actor_id (invoice));
  sqlite3_bind_int (stmt, 3, relance_invoice_get_kind (invoice));
  sqlite3_bind_int (stmt, 4, relance_invoice_get_issue_date (invoice));
  sqlite3_bind_int (stmt, 5, relance_invoice_get_due_date (invoice));
  sqlite3_bind_int64 (stmt, 6, relance_invoice_get_amount_cents (invoice));
  sqlite3_bind_text (stmt, 7, relance_invoice_get_currency (invoice), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, relance_invoice_get_allocated_cents (invoice));
  sqlite3_bind_int (stmt, 9, relance_invoice_get_cancelled (invoice) ? 1 : 0);
  if (import_id > 0)
    sqlite3_bind_int64 (stmt, 10, import_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_insert_error (db, rc, invoice, error);
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  if (import_id == 0)
    {
      g_autofree char *after = describe_invoice (invoice);

      if (!relance_database_audit (db, "invoice", id, "create", NULL, after, error))
        goto failed;
    }

  if (!relance_database_commit (db, error))
    return FALSE;
  relance_invoice_set_id (invoice, id);
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_invoice_store_find_by_number:
 * @db: a #RelanceDatabase
 * @number: an invoice number
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the invoice, or %NULL with @error
 *   unset when there is none
 */
RelanceInvoice *
relance_invoice_store_find_by_number (RelanceDatabase  *db,
                                      const char       *number,
                                      GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FIND_BY_NUMBER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_invoice_store_find_by_id:
 * @db: a #RelanceDatabase
 * @id: an invoice's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the invoice, or %NULL with @error
 *   unset when there is none
 */
RelanceInvoice *
relance_invoice_store_find_by_id (RelanceDatabase  *db,
                                  gint64            id,
                                  GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND_BY_ID, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return find_one (db, stmt, error);
}

/**
 * relance_invoice_store_number_exists:
 * @db: a #RelanceDatabase
 * @number: an invoice number
 *
 * Returns: %TRUE when an invoice has that number (%FALSE too when SQLite
 *   fails, which the insert then reports)
 */
gboolean
relance_invoice_store_number_exists (RelanceDatabase *db,
                                     const char      *number)
{
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_NUMBER_EXISTS, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/**
 * relance_invoice_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @open_only: only the items whose remaining amount is not zero
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceInvoice): the
 *   actor's items that are not cancelled, by due date then number; %NULL
 *   with @error set when SQLite fails
 */
GPtrArray *
relance_invoice_store_list_for_actor (RelanceDatabase  *db,
                                      gint64            actor_id,
                                      gboolean          open_only,
                                      GError          **error)
{
  g_autoptr(GPtrArray) invoices = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db,
                                   open_only ? SQL_LIST_OPEN_FOR_ACTOR : SQL_LIST_FOR_ACTOR,
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

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
 * relance_invoice_store_count:
 * @db: a #RelanceDatabase
 *
 * Returns: the number of invoices, cancelled ones included; -1 when
 *   SQLite fails
 */
gint64
relance_invoice_store_count (RelanceDatabase *db)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT, NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * relance_invoice_store_set_litigation:
 * @db: a #RelanceDatabase
 * @invoice_id: an invoice's id
 * @litigation: %TRUE when the item is handed over to litigation
 * @error: a #GError
 *
 * Sets the litigation flag in one transaction (or in the caller's) with
 * an audit line; nothing is written when the flag is already so.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND
 *   when there is no such invoice
 */
gboolean
relance_invoice_store_set_litigation (RelanceDatabase  *db,
                                      gint64            invoice_id,
                                      gboolean          litigation,
                                      GError          **error)
{
  g_autofree char *number = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean was = FALSE;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_GET_LITIGATION, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      number = g_strdup (relance_column_text (stmt, 0));
      was = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an invoice"));
  else
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("There is no invoice with the id %" PRId64), invoice_id);
  sqlite3_reset (stmt);
  if (number == NULL)
    goto failed;

  if (was == !!litigation)
    return relance_database_commit (db, error);

  stmt = relance_database_prepare (db, SQL_SET_LITIGATION, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, litigation ? 1 : 0);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  before = g_strdup_printf ("number: %s\nlitigation: %s", number, was ? "yes" : "no");
  after = g_strdup_printf ("number: %s\nlitigation: %s", number, litigation ? "yes" : "no");
  if (!relance_database_audit (db, "invoice", invoice_id, "litigation", before, after, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_invoice_store_foreach_open:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id, or 0 for every actor
 * @func: called for each open item; returns %FALSE to stop
 * @user_data: data for @func
 * @error: a #GError
 *
 * Walks the open items (remaining amount not zero, not cancelled) with
 * one statement, by actor, then due date.
 *
 * Returns: %FALSE with @error set when SQLite fails (not when @func
 *   stops the walk)
 */
gboolean
relance_invoice_store_foreach_open (RelanceDatabase        *db,
                                    gint64                  actor_id,
                                    RelanceInvoiceRowFunc   func,
                                    gpointer                user_data,
                                    GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Two statements rather than "?1 = 0 OR actor_id = ?1", so that each
   * has the plan that suits it. */
  stmt = relance_database_prepare (db,
                                   actor_id != 0 ? SQL_FOREACH_OPEN_ONE : SQL_FOREACH_OPEN_ALL,
                                   error);
  if (stmt == NULL)
    return FALSE;
  if (actor_id != 0)
    sqlite3_bind_int64 (stmt, 1, actor_id);
  return walk (db, stmt, func, user_data, error);
}

/**
 * relance_invoice_store_foreach_issued:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id, or 0 for every actor
 * @from: the first issue date
 * @to: the last issue date, included
 * @func: called for each item; returns %FALSE to stop
 * @user_data: data for @func
 * @error: a #GError
 *
 * Walks the items issued in [@from, @to] (any kind, not cancelled), by
 * actor, then issue date: the sales that DSO counts back through.
 *
 * Returns: %FALSE with @error set when SQLite fails (not when @func
 *   stops the walk)
 */
gboolean
relance_invoice_store_foreach_issued (RelanceDatabase        *db,
                                      gint64                  actor_id,
                                      RelanceDate             from,
                                      RelanceDate             to,
                                      RelanceInvoiceRowFunc   func,
                                      gpointer                user_data,
                                      GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = relance_database_prepare (db,
                                   actor_id != 0 ? SQL_FOREACH_ISSUED_ONE : SQL_FOREACH_ISSUED_ALL,
                                   error);
  if (stmt == NULL)
    return FALSE;
  if (actor_id != 0)
    sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);
  return walk (db, stmt, func, user_data, error);
}
