/* relance-user-customer-store.c — a user's favourite and recently opened customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The control panel of Cassiopae lists the customers an agent starred
 * and the ones they opened last. These rows are the user's preferences,
 * not business data: they carry no audit line, and each write is one
 * statement outside any transaction of ours, so that opening a card does
 * not bump the data version and make the portfolio figures look stale.
 */
#define G_LOG_DOMAIN "relance-user-customer-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-user-customer-store.h"
#include "relance-database-private.h"

#define USER_CUSTOMER_COLUMNS \
  "uc.actor_id, a.code, a.name, uc.favourite, uc.last_opened"
#define SQL_RECENT \
  "SELECT " USER_CUSTOMER_COLUMNS " FROM user_customer uc" \
  " JOIN actor a ON a.id = uc.actor_id" \
  " WHERE uc.login = ?1 AND uc.last_opened IS NOT NULL" \
  " ORDER BY uc.last_opened DESC, a.code" \
  " LIMIT ?2"
#define SQL_FAVOURITES \
  "SELECT " USER_CUSTOMER_COLUMNS " FROM user_customer uc" \
  " JOIN actor a ON a.id = uc.actor_id" \
  " WHERE uc.login = ?1 AND uc.favourite = 1" \
  " ORDER BY a.search_key, a.code"
#define SQL_TOUCH \
  "INSERT INTO user_customer (login, actor_id, last_opened) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (login, actor_id) DO UPDATE SET last_opened = excluded.last_opened"
#define SQL_SET_FAVOURITE \
  "INSERT INTO user_customer (login, actor_id, favourite) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (login, actor_id) DO UPDATE SET favourite = excluded.favourite"
#define SQL_IS_FAVOURITE \
  "SELECT favourite FROM user_customer WHERE login = ?1 AND actor_id = ?2"

/* Helpers */

/* To the microsecond, unlike relance_database_now_iso(): two cards
 * opened within one second must still come back in the order opened.
 * The fixed width keeps the text order the time order. */
static char *
now_precise (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static GPtrArray *
list_rows (RelanceDatabase  *db,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_user_customer_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceUserCustomer *row = g_new0 (RelanceUserCustomer, 1);

      row->actor_id = sqlite3_column_int64 (stmt, 0);
      row->code = g_strdup (relance_column_text (stmt, 1));
      row->name = g_strdup (relance_column_text (stmt, 2));
      row->favourite = sqlite3_column_int (stmt, 3) != 0;
      row->last_opened = g_strdup (relance_column_text (stmt, 4));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the user's customers"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/* Public API */

void
relance_user_customer_free (RelanceUserCustomer *customer)
{
  if (customer == NULL)
    return;
  g_free (customer->code);
  g_free (customer->name);
  g_free (customer->last_opened);
  g_free (customer);
}

/**
 * relance_user_customer_store_list_recent:
 * @db: a #RelanceDatabase
 * @login: the user
 * @limit: at most this many rows
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceUserCustomer): the
 *   customers @login opened, most recent first; %NULL with @error set
 *   when SQLite fails
 */
GPtrArray *
relance_user_customer_store_list_recent (RelanceDatabase  *db,
                                         const char       *login,
                                         guint             limit,
                                         GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_RECENT, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  return list_rows (db, stmt, error);
}

/**
 * relance_user_customer_store_list_favourites:
 * @db: a #RelanceDatabase
 * @login: the user
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceUserCustomer): the
 *   customers @login starred, by name; %NULL with @error set when SQLite
 *   fails
 */
GPtrArray *
relance_user_customer_store_list_favourites (RelanceDatabase  *db,
                                             const char       *login,
                                             GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FAVOURITES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  return list_rows (db, stmt, error);
}

/**
 * relance_user_customer_store_touch:
 * @db: a #RelanceDatabase
 * @login: the user
 * @actor_id: the customer whose card they opened
 * @error: a #GError
 *
 * Records that @login opened the card of @actor_id now; the favourite
 * flag is kept.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_user_customer_store_touch (RelanceDatabase  *db,
                                   const char       *login,
                                   gint64            actor_id,
                                   GError          **error)
{
  g_autofree char *now = now_precise ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_TOUCH, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, actor_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return relance_database_step_done (db, stmt, error);
}

/**
 * relance_user_customer_store_set_favourite:
 * @db: a #RelanceDatabase
 * @login: the user
 * @actor_id: the customer
 * @favourite: star it, or not
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_user_customer_store_set_favourite (RelanceDatabase  *db,
                                           const char       *login,
                                           gint64            actor_id,
                                           gboolean          favourite,
                                           GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_SET_FAVOURITE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, actor_id);
  sqlite3_bind_int (stmt, 3, favourite ? 1 : 0);
  return relance_database_step_done (db, stmt, error);
}

/**
 * relance_user_customer_store_is_favourite:
 * @db: a #RelanceDatabase
 * @login: the user
 * @actor_id: the customer
 * @favourite: (out): whether @login starred @actor_id
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_user_customer_store_is_favourite (RelanceDatabase  *db,
                                          const char       *login,
                                          gint64            actor_id,
                                          gboolean         *favourite,
                                          GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);
  g_return_val_if_fail (favourite != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_IS_FAVOURITE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, actor_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read a favourite customer"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *favourite = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}
