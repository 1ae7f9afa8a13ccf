/* relance-actor-index.c — actors' codes and names in one pass, for reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-actor-index"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-actor-index.h"
#include "relance-database-private.h"

/* Two statements rather than "?1 = 0 OR id = ?1", so that the one-actor
 * query is a primary-key lookup and the other a plain table scan. */
#define SQL_ALL "SELECT id, code, name FROM actor ORDER BY id"
#define SQL_ONE "SELECT id, code, name FROM actor WHERE id = ?1"

/**
 * relance_actor_index_foreach:
 * @db: a database
 * @actor_id: one actor, or 0 for all
 * @func: called for each actor, in id order; returns %FALSE to stop
 * @user_data: data for @func
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when SQLite fails (not when @func stops
 *   the walk)
 */
gboolean
relance_actor_index_foreach (RelanceDatabase        *db,
                             gint64                  actor_id,
                             RelanceActorIndexFunc   func,
                             gpointer                user_data,
                             GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = relance_database_prepare (db, actor_id != 0 ? SQL_ONE : SQL_ALL, error);
  if (stmt == NULL)
    return FALSE;
  if (actor_id != 0)
    sqlite3_bind_int64 (stmt, 1, actor_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceActorIndexRow row;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.code = relance_column_text (stmt, 1);
      row.name = relance_column_text (stmt, 2);
      if (!func (&row, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }

  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the actors"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
