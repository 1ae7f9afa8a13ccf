/* relance-sales-store.c — the sales of a period in one sequential scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-sales-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-database-private.h"
#include "relance-sales-store.h"

/* A scan: the period of the count-back DSO (24 months) is most of a
 * typical invoice table, and an index on the issue date would point all
 * over the table when the invoices were imported customer by customer:
 * measured on 1,000,000 invoices, 0.18 s for the scan against 1.8 s
 * through such an index (3.2 s with an ORDER BY). A scan costs the same
 * whatever the physical order. NOT INDEXED keeps the planner from
 * walking invoice_actor for the range. */
/* Sales are the invoices and credit notes (kinds 0 and 1): the fees and
 * late interest that dunning charges are no sales (DOMAIN.md). */
#define SQL_SALES \
  "SELECT actor_id, issue_date, amount_cents, currency FROM invoice NOT INDEXED" \
  " WHERE issue_date BETWEEN ?1 AND ?2 AND cancelled = 0 AND kind IN (0, 1)"

/**
 * relance_sales_store_foreach_unordered:
 * @db: a #RelanceDatabase
 * @from: the first issue date
 * @to: the last issue date, included
 * @func: called for each item; returns %FALSE to stop
 * @user_data: data for @func
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when SQLite fails (not when @func stops
 *   the walk)
 */
gboolean
relance_sales_store_foreach_unordered (RelanceDatabase  *db,
                                       RelanceDate       from,
                                       RelanceDate       to,
                                       RelanceSaleFunc   func,
                                       gpointer          user_data,
                                       GError          **error)
{
  sqlite3_stmt *stmt;
  RelanceSaleRow row;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_SALES, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int (stmt, 2, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *currency = relance_column_text (stmt, 3);

      row.actor_id = sqlite3_column_int64 (stmt, 0);
      row.issue_date = sqlite3_column_int (stmt, 1);
      row.amount_cents = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (row.currency, currency ? currency : "", sizeof row.currency);
      if (!func (&row, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }

  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the sales"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
