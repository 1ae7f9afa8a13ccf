/* relance-credit-store.c — credit notes applied to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-credit-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-credit-store.h"
#include "relance-invoice-store.h"
#include "relance-database-private.h"

#define SQL_INSERT \
  "INSERT INTO credit_allocation (credit_note_id, invoice_id, amount_cents, date, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"
#define SQL_ADD_ALLOCATED \
  "UPDATE invoice SET allocated_cents = allocated_cents + ?1 WHERE id = ?2"

static RelanceInvoice *
load (RelanceDatabase  *db,
      gint64            id,
      GError          **error)
{
  GError *local_error = NULL;
  RelanceInvoice *invoice = relance_invoice_store_find_by_id (db, id, &local_error);

  if (invoice == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("The item %" PRId64 " no longer exists; reload the customer"),
                     id);
    }
  return invoice;
}

static gboolean
check (RelanceInvoice  *credit,
       RelanceInvoice  *invoice,
       gint64           amount_cents,
       GError         **error)
{
  const char *credit_number = relance_invoice_get_number (credit);
  const char *number = relance_invoice_get_number (invoice);
  const char *reason = NULL;
  g_autofree char *message = NULL;

  if (relance_invoice_get_kind (credit) != RELANCE_INVOICE_KIND_CREDIT_NOTE)
    reason = _("it is not a credit note");
  else if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_CREDIT_NOTE)
    reason = _("a credit note cannot settle another credit note");
  else if (relance_invoice_get_actor_id (credit) != relance_invoice_get_actor_id (invoice))
    reason = _("both items must be of the same customer");
  else if (g_strcmp0 (relance_invoice_get_currency (credit),
                      relance_invoice_get_currency (invoice)) != 0)
    reason = _("both items must be in the same currency");
  else if (relance_invoice_get_cancelled (credit) || relance_invoice_get_cancelled (invoice))
    reason = _("a cancelled item cannot be settled");
  else if (amount_cents <= 0)
    reason = _("the amount must be positive");
  else if (amount_cents > -relance_invoice_get_remaining_cents (credit))
    reason = _("the amount is above what is left of the credit note");
  else if (amount_cents > relance_invoice_get_remaining_cents (invoice))
    reason = _("the amount is above what remains due on the invoice");

  if (reason == NULL)
    return TRUE;
  /* TRANSLATORS: "Cannot apply credit note AV-1 to invoice FA-2: <reason>" */
  message = g_strdup_printf (_("Cannot apply credit note %s to invoice %s: %s"),
                             credit_number, number, reason);
  g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
write_application (RelanceDatabase  *db,
                   RelanceInvoice   *credit,
                   RelanceInvoice   *invoice,
                   gint64            amount_cents,
                   RelanceDate       date,
                   GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  g_autofree char *iso = relance_date_to_iso (date);
  g_autofree char *amount = relance_money_format_plain (amount_cents);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, relance_invoice_get_id (credit));
  sqlite3_bind_int64 (stmt, 2, relance_invoice_get_id (invoice));
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int (stmt, 4, date);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  /* The invoice is settled by the amount; the credit note, negative, is
   * used up by the same amount. */
  stmt = relance_database_prepare (db, SQL_ADD_ALLOCATED, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, amount_cents);
  sqlite3_bind_int64 (stmt, 2, relance_invoice_get_id (invoice));
  if (!relance_database_step_done (db, stmt, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_ADD_ALLOCATED, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, -amount_cents);
  sqlite3_bind_int64 (stmt, 2, relance_invoice_get_id (credit));
  if (!relance_database_step_done (db, stmt, error))
    return FALSE;

  after = g_strdup_printf ("credit note %s → invoice %s: %s %s on %s",
                           relance_invoice_get_number (credit),
                           relance_invoice_get_number (invoice), amount,
                           relance_invoice_get_currency (invoice), iso);
  return relance_database_audit (db, "credit_allocation", id, "create", NULL, after, error);
}

/**
 * relance_credit_store_apply:
 * @db: a #RelanceDatabase
 * @credit_note_id: the credit note
 * @invoice_id: the invoice (or fee, or interest item) it settles
 * @amount_cents: the amount applied, positive
 * @date: the day of the application; %RELANCE_DATE_NONE for today
 * @error: a #GError
 *
 * Returns: %TRUE on success; nothing is written otherwise
 */
gboolean
relance_credit_store_apply (RelanceDatabase  *db,
                            gint64            credit_note_id,
                            gint64            invoice_id,
                            gint64            amount_cents,
                            RelanceDate       date,
                            GError          **error)
{
  g_autoptr(RelanceInvoice) credit = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (date == RELANCE_DATE_NONE)
    date = relance_date_today ();
  if (!relance_database_begin (db, error))
    return FALSE;
  /* Read inside the write transaction, as an allocation does */
  if ((credit = load (db, credit_note_id, error)) == NULL ||
      (invoice = load (db, invoice_id, error)) == NULL ||
      !check (credit, invoice, amount_cents, error) ||
      !write_application (db, credit, invoice, amount_cents, date, error))
    {
      relance_database_rollback (db);
      return FALSE;
    }
  return relance_database_commit (db, error);
}

/**
 * relance_credit_store_apply_to:
 * @db: a #RelanceDatabase
 * @credit_note_id: the credit note
 * @invoice_ids: (element-type gint64): the invoices to settle, in order
 * @date: the day of the application; %RELANCE_DATE_NONE for today
 * @applied_cents: (out) (optional): the total applied
 * @error: a #GError
 *
 * Items already settled are skipped; the rest of the credit note, if any,
 * stays open for later use.
 *
 * Returns: %TRUE on success; nothing is written otherwise
 */
gboolean
relance_credit_store_apply_to (RelanceDatabase  *db,
                               gint64            credit_note_id,
                               GArray           *invoice_ids,
                               RelanceDate       date,
                               gint64           *applied_cents,
                               GError          **error)
{
  g_autoptr(RelanceInvoice) credit = NULL;
  gint64 left, applied = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (invoice_ids != NULL, FALSE);

  if (date == RELANCE_DATE_NONE)
    date = relance_date_today ();
  if (!relance_database_begin (db, error))
    return FALSE;
  if ((credit = load (db, credit_note_id, error)) == NULL)
    goto failed;
  left = -relance_invoice_get_remaining_cents (credit);

  for (guint i = 0; i < invoice_ids->len && left > 0; i++)
    {
      g_autoptr(RelanceInvoice) invoice = load (db, g_array_index (invoice_ids, gint64, i), error);
      gint64 amount;

      if (invoice == NULL)
        goto failed;
      amount = MIN (left, relance_invoice_get_remaining_cents (invoice));
      if (amount <= 0)
        continue;
      if (!check (credit, invoice, amount, error) ||
          !write_application (db, credit, invoice, amount, date, error))
        goto failed;
      left -= amount;
      applied += amount;
    }

  if (!relance_database_commit (db, error))
    return FALSE;
  if (applied_cents != NULL)
    *applied_cents = applied;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}
