/* relance-workspace-store.c — what the agent's workspace lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list is one statement joined with the customer, so that a page of
 * the window reads its rows in one step rather than one customer at a
 * time. Disputes and promises are few (hundreds): no paging.
 */
#define G_LOG_DOMAIN "relance-workspace-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-workspace-store.h"
#include "relance-database-private.h"

/* ?1 the user (NULL for anybody), ?2 the day. The manual actions of the
 * day are those performed on it and those still waiting from it or
 * before; cancelled ones count nowhere. */
#define SQL_DAY_FIGURES \
  "SELECT" \
  " COALESCE(SUM(automatic = 0 AND status IN ('done', 'failed') AND done_date = ?2), 0)," \
  " COALESCE(SUM(automatic = 0 AND ((status IN ('done', 'failed') AND done_date = ?2)" \
  "   OR (status = 'planned' AND planned_date <= ?2))), 0)," \
  " COALESCE(SUM(automatic = 1 AND status <> 'cancelled' AND planned_date = ?2), 0)," \
  " COALESCE(SUM(status <> 'cancelled' AND planned_date = ?2), 0)" \
  " FROM action" \
  " WHERE (?1 IS NULL OR assigned_to = ?1)" \
  " AND (planned_date <= ?2 OR done_date = ?2)"

#define SQL_DISPUTES \
  "SELECT d.id, d.actor_id, a.code, a.name, d.status, d.amount_cents, d.currency," \
  " d.reason, d.owner, d.opened_on, d.resolved_on," \
  " (SELECT COUNT(*) FROM dispute_invoice di WHERE di.dispute_id = d.id)" \
  " FROM dispute d JOIN actor a ON a.id = d.actor_id" \
  " WHERE ?1 = 0 OR d.status = 'open'" \
  " ORDER BY d.status <> 'open', d.opened_on DESC, d.id DESC"

/* The next instalment is the first one by date that payments do not
 * cover */
#define SQL_PROMISES \
  "SELECT p.id, p.actor_id, a.code, a.name, p.status, p.currency, p.made_on," \
  " (SELECT COALESCE(SUM(amount_cents), 0) FROM promise_instalment WHERE promise_id = p.id)," \
  " (SELECT COALESCE(SUM(paid_cents), 0) FROM promise_instalment WHERE promise_id = p.id)," \
  " (SELECT COUNT(*) FROM promise_instalment WHERE promise_id = p.id)," \
  " n.due_date, n.amount_cents - n.paid_cents" \
  " FROM promise p JOIN actor a ON a.id = p.actor_id" \
  " LEFT JOIN promise_instalment n ON n.id =" \
  "  (SELECT id FROM promise_instalment WHERE promise_id = p.id AND paid_cents < amount_cents" \
  "   ORDER BY due_date, id LIMIT 1)" \
  " WHERE ?1 = 0 OR p.status = 'open'" \
  " ORDER BY p.status <> 'open', CASE WHEN p.status = 'open' THEN n.due_date END," \
  " p.made_on DESC, p.id DESC"

/* Helpers */

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (relance_column_text (stmt, index));
}

static void
copy_currency (char         *currency,
               sqlite3_stmt *stmt,
               int           index)
{
  const char *text = relance_column_text (stmt, index);

  g_strlcpy (currency, text != NULL ? text : RELANCE_DEFAULT_CURRENCY, 4);
}

/* Public API */

/**
 * relance_workspace_store_day_figures:
 * @db: a #RelanceDatabase
 * @user: (nullable): the login the actions are assigned to; %NULL for
 *   every user
 * @day: the day
 * @figures: (out caller-allocates): the counts
 * @error: a #GError
 *
 * Counts the actions of @day (see #RelanceDayFigures).
 *
 * Returns: %FALSE with @error set when SQLite fails
 */
gboolean
relance_workspace_store_day_figures (RelanceDatabase    *db,
                                     const char         *user,
                                     RelanceDate         day,
                                     RelanceDayFigures  *figures,
                                     GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_DAY_FIGURES, error);
  if (stmt == NULL)
    return FALSE;
  relance_bind_text_or_null (stmt, 1, user);
  sqlite3_bind_int (stmt, 2, day);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      relance_database_set_sql_error (db, error, _("count the actions of the day"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  figures->done = sqlite3_column_int64 (stmt, 0);
  figures->to_do = sqlite3_column_int64 (stmt, 1);
  figures->automatic = sqlite3_column_int64 (stmt, 2);
  figures->total = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

void
relance_dispute_row_free (RelanceDisputeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->actor_code);
  g_free (row->actor_name);
  g_free (row->reason);
  g_free (row->owner);
  g_free (row);
}

/**
 * relance_workspace_store_list_disputes:
 * @db: a #RelanceDatabase
 * @open_only: only the open disputes
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceDisputeRow): the
 *   disputes, open first; %NULL with @error set when SQLite fails
 */
GPtrArray *
relance_workspace_store_list_disputes (RelanceDatabase  *db,
                                       gboolean          open_only,
                                       GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_DISPUTES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_dispute_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceDisputeRow *row = g_new0 (RelanceDisputeRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->actor_id = sqlite3_column_int64 (stmt, 1);
      row->actor_code = dup_column (stmt, 2);
      row->actor_name = dup_column (stmt, 3);
      relance_dispute_status_from_string (relance_column_text (stmt, 4), &row->status);
      row->amount_cents = sqlite3_column_int64 (stmt, 5);
      copy_currency (row->currency, stmt, 6);
      row->reason = dup_column (stmt, 7);
      row->owner = dup_column (stmt, 8);
      row->opened_on = sqlite3_column_int (stmt, 9);
      row->resolved_on = sqlite3_column_int (stmt, 10);
      row->n_items = sqlite3_column_int (stmt, 11);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the disputes"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

void
relance_promise_row_free (RelancePromiseRow *row)
{
  if (row == NULL)
    return;
  g_free (row->actor_code);
  g_free (row->actor_name);
  g_free (row);
}

/**
 * relance_workspace_store_list_promises:
 * @db: a #RelanceDatabase
 * @open_only: only the open promises
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelancePromiseRow): the
 *   promises, open first by next instalment due; %NULL with @error set
 *   when SQLite fails
 */
GPtrArray *
relance_workspace_store_list_promises (RelanceDatabase  *db,
                                       gboolean          open_only,
                                       GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_PROMISES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_promise_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelancePromiseRow *row = g_new0 (RelancePromiseRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->actor_id = sqlite3_column_int64 (stmt, 1);
      row->actor_code = dup_column (stmt, 2);
      row->actor_name = dup_column (stmt, 3);
      relance_promise_status_from_string (relance_column_text (stmt, 4), &row->status);
      copy_currency (row->currency, stmt, 5);
      row->made_on = sqlite3_column_int (stmt, 6);
      row->total_cents = sqlite3_column_int64 (stmt, 7);
      row->paid_cents = sqlite3_column_int64 (stmt, 8);
      row->n_instalments = sqlite3_column_int (stmt, 9);
      row->next_due = sqlite3_column_int (stmt, 10);
      row->next_cents = sqlite3_column_int64 (stmt, 11);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the promises"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}
