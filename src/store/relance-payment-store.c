/* relance-payment-store.c — payments and their allocation to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-payment-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-payment-store.h"
#include "relance-invoice-store.h"
#include "relance-database-private.h"

#define SQL_INSERT \
  "INSERT INTO payment (reference, actor_id, date, amount_cents, currency," \
  " allocated_cents, rejected, import_id, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* The columns of a payment in the order of payment_from_row() */
#define PAYMENT_COLUMNS \
  "id, reference, actor_id, date, amount_cents, currency, allocated_cents, rejected"
#define SQL_FIND_BY_REFERENCE "SELECT " PAYMENT_COLUMNS " FROM payment WHERE reference = ?1"
#define SQL_FIND_BY_ID "SELECT " PAYMENT_COLUMNS " FROM payment WHERE id = ?1"
#define SQL_REFERENCE_EXISTS "SELECT 1 FROM payment WHERE reference = ?1"
#define SQL_LIST_FOR_ACTOR \
  "SELECT " PAYMENT_COLUMNS " FROM payment WHERE actor_id = ?1" \
  " ORDER BY date DESC, id DESC"

#define SQL_ALLOCATION_INSERT \
  "INSERT INTO allocation (payment_id, invoice_id, amount_cents, date, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
#define SQL_INVOICE_ADD_ALLOCATED \
  "UPDATE invoice SET allocated_cents = allocated_cents + ?1 WHERE id = ?2"
#define SQL_PAYMENT_ADD_ALLOCATED \
  "UPDATE payment SET allocated_cents = allocated_cents + ?1 WHERE id = ?2"
#define SQL_ALLOCATION_LIST_FOR_ACTOR \
  "SELECT al.id, al.payment_id, al.invoice_id, al.amount_cents, al.date" \
  " FROM allocation al JOIN payment p ON p.id = al.payment_id" \
  " WHERE p.actor_id = ?1" \
  " ORDER BY al.date DESC, al.id DESC"

/* The WHERE repeats the condition of the partial index
 * payment_unallocated word for word, so that SQLite uses it. */
#define SQL_UNALLOCATED_ALL \
  "SELECT actor_id, currency, SUM(amount_cents - allocated_cents) FROM payment" \
  " WHERE allocated_cents <> amount_cents AND rejected = 0" \
  " GROUP BY actor_id, currency ORDER BY actor_id, currency"
#define SQL_UNALLOCATED_ONE \
  "SELECT actor_id, currency, SUM(amount_cents - allocated_cents) FROM payment" \
  " WHERE actor_id = ?1 AND allocated_cents <> amount_cents AND rejected = 0" \
  " GROUP BY actor_id, currency ORDER BY actor_id, currency"

static RelancePayment *
payment_from_row (sqlite3_stmt *stmt)
{
  RelancePayment *payment = relance_payment_new (relance_column_text (stmt, 1),
                                                 sqlite3_column_int64 (stmt, 2));

  g_object_freeze_notify (G_OBJECT (payment));
  relance_payment_set_id (payment, sqlite3_column_int64 (stmt, 0));
  relance_payment_set_date (payment, sqlite3_column_int (stmt, 3));
  relance_payment_set_amount_cents (payment, sqlite3_column_int64 (stmt, 4));
  relance_payment_set_currency (payment, relance_column_text (stmt, 5));
  relance_payment_set_allocated_cents (payment, sqlite3_column_int64 (stmt, 6));
  relance_payment_set_rejected (payment, sqlite3_column_int (stmt, 7) != 0);
  g_object_thaw_notify (G_OBJECT (payment));

  return payment;
}

static RelanceAllocation *
allocation_from_row (sqlite3_stmt *stmt)
{
  RelanceAllocation *allocation = relance_allocation_new (sqlite3_column_int64 (stmt, 1),
                                                          sqlite3_column_int64 (stmt, 2),
                                                          sqlite3_column_int64 (stmt, 3));

  relance_allocation_set_id (allocation, sqlite3_column_int64 (stmt, 0));
  relance_allocation_set_date (allocation, sqlite3_column_int (stmt, 4));
  return allocation;
}

static char *
describe_payment (RelancePayment *payment)
{
  g_autofree char *amount = relance_money_format_plain (relance_payment_get_amount_cents (payment));
  g_autofree char *date = relance_date_to_iso (relance_payment_get_date (payment));

  return g_strdup_printf ("reference: %s\n"
                          "actor-id: %" G_GINT64_FORMAT "\n"
                          "date: %s\n"
                          "amount: %s %s%s",
                          relance_payment_get_reference (payment),
                          relance_payment_get_actor_id (payment),
                          date, amount, relance_payment_get_currency (payment),
                          relance_payment_get_rejected (payment) ? "\nrejected: yes" : "");
}

static char *
describe_allocation (RelancePayment *payment,
                     RelanceInvoice *invoice,
                     gint64          amount_cents,
                     RelanceDate     date)
{
  g_autofree char *amount = relance_money_format_plain (amount_cents);
  g_autofree char *day = relance_date_to_iso (date);

  return g_strdup_printf ("payment: %s\n"
                          "invoice: %s\n"
                          "amount: %s %s\n"
                          "date: %s",
                          relance_payment_get_reference (payment),
                          relance_invoice_get_number (invoice),
                          amount, relance_payment_get_currency (payment), day);
}

static RelancePayment *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  RelancePayment *payment = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    payment = payment_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a payment"));
  sqlite3_reset (stmt);
  return payment;
}

static gboolean
add_allocated (RelanceDatabase  *db,
               const char       *sql,
               gint64            amount_cents,
               gint64            id,
               GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, amount_cents);
  sqlite3_bind_int64 (stmt, 2, id);
  return relance_database_step_done (db, stmt, error);
}

/**
 * relance_payment_store_insert:
 * @db: a #RelanceDatabase
 * @payment: a new payment (id 0) of a stored actor; its id is set on
 *   success
 * @import_id: the import that loads it, or 0 when entered by hand
 * @error: a #GError
 *
 * Stores a payment, unallocated. A payment entered by hand gets an audit
 * line; an imported one does not, as the importer writes one line for
 * the file.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_payment_store_insert (RelanceDatabase  *db,
                              RelancePayment   *payment,
                              gint64            import_id,
                              GError          **error)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RELANCE_IS_PAYMENT (payment), FALSE);
  g_return_val_if_fail (relance_payment_get_id (payment) == 0, FALSE);

  relance_payment_validate (payment, validation);
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
  sqlite3_bind_text (stmt, 1, relance_payment_get_reference (payment), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, relance_payment_get_actor_id (payment));
  sqlite3_bind_int (stmt, 3, relance_payment_get_date (payment));
  sqlite3_bind_int64 (stmt, 4, relance_payment_get_amount_cents (payment));
  sqlite3_bind_text (stmt, 5, relance_payment_get_currency (payment), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, relance_payment_get_allocated_cents (payment));
  sqlite3_bind_int (stmt, 7, relance_payment_get_rejected (payment) ? 1 : 0);
  if (import_id > 0)
    sqlite3_bind_int64 (stmt, 8, import_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                     _("A payment with the reference “%s” already exists; a payment is "
                       "entered once"),
                     relance_payment_get_reference (payment));
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                     _("The payment “%s” is from a customer that does not exist: create "
                       "the customer first"),
                     relance_payment_get_reference (payment));
      else
        relance_database_set_sql_error (db, error, _("save the payment"));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  if (import_id == 0)
    {
      g_autofree char *after = describe_payment (payment);

      if (!relance_database_audit (db, "payment", id, "create", NULL, after, error))
        goto failed;
    }

  if (!relance_database_commit (db, error))
    return FALSE;
  relance_payment_set_id (payment, id);
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_payment_store_find_by_reference:
 * @db: a #RelanceDatabase
 * @reference: a payment's reference
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the payment, or %NULL with @error
 *   unset when there is none
 */
RelancePayment *
relance_payment_store_find_by_reference (RelanceDatabase  *db,
                                         const char       *reference,
                                         GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FIND_BY_REFERENCE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_payment_store_find_by_id:
 * @db: a #RelanceDatabase
 * @id: a payment's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the payment, or %NULL with @error
 *   unset when there is none
 */
RelancePayment *
relance_payment_store_find_by_id (RelanceDatabase  *db,
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
 * relance_payment_store_reference_exists:
 * @db: a #RelanceDatabase
 * @reference: a payment's reference
 *
 * Returns: %TRUE when a payment has that reference
 */
gboolean
relance_payment_store_reference_exists (RelanceDatabase *db,
                                        const char      *reference)
{
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_REFERENCE_EXISTS, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/**
 * relance_payment_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelancePayment): the
 *   actor's payments, rejected ones included, newest first; %NULL with
 *   @error set when SQLite fails
 */
GPtrArray *
relance_payment_store_list_for_actor (RelanceDatabase  *db,
                                      gint64            actor_id,
                                      GError          **error)
{
  g_autoptr(GPtrArray) payments = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_FOR_ACTOR, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

  payments = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (payments, payment_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the payments"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&payments);
}

/**
 * relance_payment_store_allocate:
 * @db: a #RelanceDatabase
 * @payment_id: the payment the money comes from
 * @invoice_id: the invoice it settles
 * @amount_cents: the amount, positive
 * @date: the day of the allocation; %RELANCE_DATE_NONE for today
 * @error: a #GError
 *
 * Allocates part of a payment to an invoice: checks it with
 * relance_allocation_validate() against the stored payment and invoice,
 * writes the allocation, adds it to both allocated sums and records an
 * audit line, all in one transaction.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND
 *   when the payment or the invoice does not exist,
 *   RELANCE_STORE_ERROR_INVALID when the allocation breaks a control
 */
gboolean
relance_payment_store_allocate (RelanceDatabase  *db,
                                gint64            payment_id,
                                gint64            invoice_id,
                                gint64            amount_cents,
                                RelanceDate       date,
                                GError          **error)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(RelanceAllocation) allocation = NULL;
  g_autoptr(RelancePayment) payment = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autofree char *after = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (date == RELANCE_DATE_NONE)
    date = relance_date_today ();

  /* Read both inside the write transaction: no other connection can
   * allocate the same money between the check and the write. */
  if (!relance_database_begin (db, error))
    return FALSE;

  payment = relance_payment_store_find_by_id (db, payment_id, &local_error);
  if (payment == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("The payment to allocate no longer exists; reload the customer"));
      goto failed;
    }
  invoice = relance_invoice_store_find_by_id (db, invoice_id, &local_error);
  if (invoice == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("The invoice to settle no longer exists; reload the customer"));
      goto failed;
    }

  allocation = relance_allocation_new (payment_id, invoice_id, amount_cents);
  relance_allocation_set_date (allocation, date);
  relance_allocation_validate (allocation, payment, invoice, validation);
  if (relance_validation_has_blocking (validation))
    {
      g_autofree char *text = relance_validation_to_string (validation);

      g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID, text);
      goto failed;
    }

  stmt = relance_database_prepare (db, SQL_ALLOCATION_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int (stmt, 4, date);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  if (!add_allocated (db, SQL_INVOICE_ADD_ALLOCATED, amount_cents, invoice_id, error) ||
      !add_allocated (db, SQL_PAYMENT_ADD_ALLOCATED, amount_cents, payment_id, error))
    goto failed;

  after = describe_allocation (payment, invoice, amount_cents, date);
  if (!relance_database_audit (db, "allocation", id, "create", NULL, after, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_allocation_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceAllocation): the
 *   allocations of the actor's payments, newest first; %NULL with @error
 *   set when SQLite fails
 */
GPtrArray *
relance_allocation_store_list_for_actor (RelanceDatabase  *db,
                                         gint64            actor_id,
                                         GError          **error)
{
  g_autoptr(GPtrArray) allocations = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_ALLOCATION_LIST_FOR_ACTOR, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

  allocations = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (allocations, allocation_from_row (stmt));
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
 * relance_payment_store_foreach_unallocated:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id, or 0 for every actor
 * @func: called for each actor and currency; returns %FALSE to stop
 * @user_data: data for @func
 * @error: a #GError
 *
 * Walks the sums of the unallocated parts of the payments that the bank
 * did not reject, per actor and currency, by actor.
 *
 * Returns: %FALSE with @error set when SQLite fails (not when @func
 *   stops the walk)
 */
gboolean
relance_payment_store_foreach_unallocated (RelanceDatabase         *db,
                                           gint64                   actor_id,
                                           RelanceUnallocatedFunc   func,
                                           gpointer                 user_data,
                                           GError                 **error)
{
  RelanceUnallocatedRow row;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = relance_database_prepare (db,
                                   actor_id != 0 ? SQL_UNALLOCATED_ONE : SQL_UNALLOCATED_ALL,
                                   error);
  if (stmt == NULL)
    return FALSE;
  if (actor_id != 0)
    sqlite3_bind_int64 (stmt, 1, actor_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *currency = relance_column_text (stmt, 1);

      row.actor_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (row.currency, currency ? currency : "", sizeof row.currency);
      row.unallocated_cents = sqlite3_column_int64 (stmt, 2);
      if (!func (&row, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the unallocated payments"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
