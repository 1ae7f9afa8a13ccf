/* relance-interest-store.c — what late interest is computed from, and
 * what was already charged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine (relance-interest.c) owns the rules; this file only reads
 * the rows they need and records the charges: the debtor's kind and
 * contractual rate, its late items, the dated allocations of an item
 * (an allocation's date is the day the money settled it), and the
 * interest_charge rows that keep the daily run from charging a day or an
 * indemnity twice.
 */
#define G_LOG_DOMAIN "relance-interest-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-interest-store.h"
#include "relance-rate-store.h"
#include "relance-database-private.h"

#define SQL_DEBTOR \
  "SELECT id, code, kind, contractual_rate_bp FROM actor WHERE id = ?1"
#define SQL_SET_CONTRACTUAL_RATE \
  "UPDATE actor SET contractual_rate_bp = ?2, updated_at = ?3 WHERE id = ?1"
/* Late on @day: due before it, and either not settled yet or settled by
 * an allocation dated after the due date (paid late). An allocation
 * dated after @day still counts as unpaid on @day, which the engine
 * sees from the dates. */
#define SQL_LATE_ITEMS \
  "SELECT i.id, i.number, i.kind, i.due_date, i.amount_cents, i.allocated_cents, i.currency" \
  " FROM invoice i" \
  " WHERE i.actor_id = ?1 AND i.cancelled = 0 AND i.due_date < ?2" \
  "   AND (i.allocated_cents <> i.amount_cents" \
  "        OR EXISTS (SELECT 1 FROM allocation a" \
  "                   WHERE a.invoice_id = i.id AND a.date > i.due_date))" \
  " ORDER BY i.due_date, i.id"
/* A credit note applied to the item (imputation d'avoir) says that part
 * of it was never owed: it lowers the base from the due date on, as if
 * dated on the due date, so that it bears no interest. */
#define SQL_ALLOCATIONS \
  "SELECT date, amount_cents, id FROM allocation WHERE invoice_id = ?1" \
  " UNION ALL" \
  " SELECT i.due_date, c.amount_cents, 0 FROM credit_allocation c" \
  "   JOIN invoice i ON i.id = c.invoice_id WHERE c.invoice_id = ?1" \
  " ORDER BY 1, 3"
#define SQL_CHARGED \
  "SELECT kind, SUM(amount_cents), MAX(to_date) FROM interest_charge" \
  " WHERE invoice_id = ?1 GROUP BY kind"
#define SQL_RECORD \
  "INSERT INTO interest_charge (invoice_id, charge_invoice_id, kind, from_date, to_date," \
  " amount_cents) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"

/* Helpers */

static const char *
charge_kind_to_string (RelanceChargeKind kind)
{
  return kind == RELANCE_CHARGE_KIND_INDEMNITY ? "indemnity" : "interest";
}

static char *
describe_contractual_rate (gboolean has_rate,
                           int      rate_bp)
{
  if (!has_rate)
    return g_strdup ("contractual-rate-bp: none");
  return g_strdup_printf ("contractual-rate-bp: %d", rate_bp);
}

static void
bind_date_or_null (sqlite3_stmt *stmt,
                   int           index,
                   RelanceDate   date)
{
  if (date == RELANCE_DATE_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, date);
}

/* Public */

/**
 * relance_interest_store_get_debtor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @debtor: (out caller-allocates): its code, kind and contractual rate;
 *   clear it with relance_interest_debtor_clear()
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND
 *   when there is no such actor
 */
gboolean
relance_interest_store_get_debtor (RelanceDatabase        *db,
                                   gint64                  actor_id,
                                   RelanceInterestDebtor  *debtor,
                                   GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (debtor != NULL, FALSE);

  memset (debtor, 0, sizeof *debtor);
  stmt = relance_database_prepare (db, SQL_DEBTOR, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      debtor->actor_id = sqlite3_column_int64 (stmt, 0);
      debtor->code = g_strdup (relance_column_text (stmt, 1));
      debtor->kind = sqlite3_column_int (stmt, 2) == RELANCE_ACTOR_KIND_PERSON
                       ? RELANCE_ACTOR_KIND_PERSON : RELANCE_ACTOR_KIND_COMPANY;
      debtor->has_contractual_rate = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      debtor->contractual_rate_bp = sqlite3_column_int (stmt, 3);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("The customer no longer exists; reload the portfolio"));
  else
    relance_database_set_sql_error (db, error, _("read the customer"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

void
relance_interest_debtor_clear (RelanceInterestDebtor *debtor)
{
  g_clear_pointer (&debtor->code, g_free);
}

/**
 * relance_interest_store_set_contractual_rate:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @has_rate: %FALSE to remove the contractual rate (the legal rules then
 *   apply)
 * @rate_bp: the contractual late interest rate in basis points
 * @error: a #GError
 *
 * Sets the late interest rate agreed with the customer (its terms of
 * sale), with an audit line. Whether it respects the legal floor is the
 * engine's warning, not a refusal: the contract says what it says.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND or
 *   RELANCE_STORE_ERROR_INVALID
 */
gboolean
relance_interest_store_set_contractual_rate (RelanceDatabase  *db,
                                             gint64            actor_id,
                                             gboolean          has_rate,
                                             int               rate_bp,
                                             GError          **error)
{
  RelanceInterestDebtor debtor;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (has_rate && (rate_bp < 0 || rate_bp > RELANCE_RATE_MAX_BP))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("A late interest rate of %d basis points is out of range: enter the "
                     "rate in percent, between 0 and 100"), rate_bp);
      return FALSE;
    }

  if (!relance_database_begin (db, error))
    return FALSE;
  if (!relance_interest_store_get_debtor (db, actor_id, &debtor, error))
    goto failed;
  before = describe_contractual_rate (debtor.has_contractual_rate, debtor.contractual_rate_bp);
  relance_interest_debtor_clear (&debtor);

  stmt = relance_database_prepare (db, SQL_SET_CONTRACTUAL_RATE, error);
  if (stmt == NULL)
    goto failed;
  now = relance_database_now_iso ();
  sqlite3_bind_int64 (stmt, 1, actor_id);
  if (has_rate)
    sqlite3_bind_int (stmt, 2, rate_bp);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  after = describe_contractual_rate (has_rate, rate_bp);
  if (!relance_database_audit (db, "actor", actor_id, "update", before, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_interest_store_list_late_items:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @day: the evaluation day D
 * @error: a #GError
 *
 * The actor's items (any kind, not cancelled) due before @day that are
 * either open or were settled by an allocation dated after their due
 * date: the open overdue items and the items paid late. Which of them
 * bear interest is the engine's rule.
 *
 * Returns: (transfer full) (element-type RelanceLateItemRow): the rows
 *   by due date, cleared with the array; %NULL with @error set when
 *   SQLite fails
 */
GArray *
relance_interest_store_list_late_items (RelanceDatabase  *db,
                                        gint64            actor_id,
                                        RelanceDate       day,
                                        GError          **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LATE_ITEMS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int (stmt, 2, day);

  rows = g_array_new (FALSE, TRUE, sizeof (RelanceLateItemRow));
  g_array_set_clear_func (rows, (GDestroyNotify) relance_late_item_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceLateItemRow row = { 0 };
      const char *currency = relance_column_text (stmt, 6);

      row.id = sqlite3_column_int64 (stmt, 0);
      row.number = g_strdup (relance_column_text (stmt, 1));
      row.kind = sqlite3_column_int (stmt, 2);
      row.due_date = sqlite3_column_int (stmt, 3);
      row.amount_cents = sqlite3_column_int64 (stmt, 4);
      row.allocated_cents = sqlite3_column_int64 (stmt, 5);
      g_strlcpy (row.currency, currency ? currency : "", sizeof row.currency);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the late items"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

void
relance_late_item_row_clear (RelanceLateItemRow *row)
{
  g_clear_pointer (&row->number, g_free);
}

/**
 * relance_interest_store_list_allocations:
 * @db: a #RelanceDatabase
 * @invoice_id: an item's id
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelanceDatedAmount): the
 *   allocations to the item by date; %NULL with @error set when SQLite
 *   fails
 */
GArray *
relance_interest_store_list_allocations (RelanceDatabase  *db,
                                         gint64            invoice_id,
                                         GError          **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_ALLOCATIONS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);

  rows = g_array_new (FALSE, TRUE, sizeof (RelanceDatedAmount));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceDatedAmount row;

      row.date = sqlite3_column_int (stmt, 0);
      row.amount_cents = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the allocations"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/**
 * relance_interest_store_get_charged:
 * @db: a #RelanceDatabase
 * @invoice_id: an item's id
 * @charged: (out caller-allocates): what was already invoiced on it
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when SQLite fails
 */
gboolean
relance_interest_store_get_charged (RelanceDatabase         *db,
                                    gint64                   invoice_id,
                                    RelanceInterestCharged  *charged,
                                    GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (charged != NULL, FALSE);

  memset (charged, 0, sizeof *charged);
  stmt = relance_database_prepare (db, SQL_CHARGED, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 (relance_column_text (stmt, 0), "indemnity") == 0)
        {
          charged->indemnity_cents = sqlite3_column_int64 (stmt, 1);
          charged->has_indemnity = TRUE;
        }
      else
        {
          charged->interest_cents = sqlite3_column_int64 (stmt, 1);
          charged->interest_until = sqlite3_column_int (stmt, 2);
        }
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the interest already charged"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * relance_interest_store_record:
 * @db: a #RelanceDatabase
 * @invoice_id: the late item
 * @charge_invoice_id: the interest or fee item that invoices the charge
 * @kind: interest or the fixed indemnity
 * @from_date: the first day the interest covers, or %RELANCE_DATE_NONE
 *   (an indemnity; a correction of days charged before)
 * @to_date: the last day it covers, or %RELANCE_DATE_NONE
 * @amount_cents: the amount charged
 * @error: a #GError
 *
 * Records a charge on a late item, with an audit line, in the caller's
 * transaction (that of the item that invoices it).
 *
 * Returns: %TRUE on success
 */
gboolean
relance_interest_store_record (RelanceDatabase    *db,
                               gint64              invoice_id,
                               gint64              charge_invoice_id,
                               RelanceChargeKind   kind,
                               RelanceDate         from_date,
                               RelanceDate         to_date,
                               gint64              amount_cents,
                               GError            **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_RECORD, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, charge_invoice_id);
  sqlite3_bind_text (stmt, 3, charge_kind_to_string (kind), -1, SQLITE_STATIC);
  bind_date_or_null (stmt, 4, from_date);
  bind_date_or_null (stmt, 5, to_date);
  sqlite3_bind_int64 (stmt, 6, amount_cents);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  from_text = from_date != RELANCE_DATE_NONE ? relance_date_to_iso (from_date) : g_strdup ("");
  to_text = to_date != RELANCE_DATE_NONE ? relance_date_to_iso (to_date) : g_strdup ("");
  amount = relance_money_format_plain (amount_cents);
  after = g_strdup_printf ("invoice-id: %" G_GINT64_FORMAT "\n"
                           "charge-invoice-id: %" G_GINT64_FORMAT "\n"
                           "kind: %s\n"
                           "from: %s\n"
                           "to: %s\n"
                           "amount: %s",
                           invoice_id, charge_invoice_id, charge_kind_to_string (kind),
                           from_text, to_text, amount);
  if (!relance_database_audit (db, "interest_charge", id, "create", NULL, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
