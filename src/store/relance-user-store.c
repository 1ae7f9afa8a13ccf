/* relance-user-store.c — the people who use Relance: agents and managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-user-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-user-store.h"
#include "relance-database-private.h"

#define USER_COLUMNS "id, login, name, role, email, active"
#define SQL_INSERT \
  "INSERT INTO app_user (login, name, role, email, active) VALUES (?1, ?2, ?3, ?4, ?5)"
#define SQL_FIND "SELECT " USER_COLUMNS " FROM app_user WHERE login = ?1"
#define SQL_FIND_BY_ROLE \
  "SELECT " USER_COLUMNS " FROM app_user WHERE role = ?1 AND active = 1 ORDER BY login LIMIT 1"
#define SQL_LIST "SELECT " USER_COLUMNS " FROM app_user ORDER BY login"
#define SQL_COUNT "SELECT count(*) FROM app_user"

static const char * const role_names[] = {
  [RELANCE_USER_ROLE_AGENT] = "agent",
  [RELANCE_USER_ROLE_MANAGER] = "manager",
  [RELANCE_USER_ROLE_ADMIN] = "admin",
};

/* Helpers */

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static RelanceUser *
user_from_row (sqlite3_stmt *stmt)
{
  RelanceUser *user = g_new0 (RelanceUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->login = g_strdup (relance_column_text (stmt, 1));
  user->name = g_strdup (relance_column_text (stmt, 2));
  if (!relance_user_role_from_string (relance_column_text (stmt, 3), &user->role))
    user->role = RELANCE_USER_ROLE_AGENT;
  user->email = g_strdup (relance_column_text (stmt, 4));
  user->active = sqlite3_column_int (stmt, 5) != 0;
  return user;
}

static RelanceUser *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  RelanceUser *user = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    user = user_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a user"));
  sqlite3_reset (stmt);
  return user;
}

/* Public API */

/**
 * relance_user_new:
 * @login: the login
 * @name: the name shown to people
 * @role: the role
 *
 * Returns: (transfer full): a new, active user not stored yet
 */
RelanceUser *
relance_user_new (const char      *login,
                  const char      *name,
                  RelanceUserRole  role)
{
  RelanceUser *user = g_new0 (RelanceUser, 1);

  user->login = g_strdup (login);
  user->name = g_strdup (name);
  user->role = role;
  user->active = TRUE;
  return user;
}

void
relance_user_free (RelanceUser *user)
{
  if (user == NULL)
    return;
  g_free (user->login);
  g_free (user->name);
  g_free (user->email);
  g_free (user);
}

const char *
relance_user_role_to_string (RelanceUserRole role)
{
  g_return_val_if_fail (role <= RELANCE_USER_ROLE_ADMIN, "agent");
  return role_names[role];
}

gboolean
relance_user_role_from_string (const char      *text,
                               RelanceUserRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = (RelanceUserRole) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
relance_user_login_is_valid (const char *login)
{
  gsize length;

  if (login == NULL)
    return FALSE;
  length = strlen (login);
  if (length == 0 || length > 64)
    return FALSE;
  for (const char *p = login; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

/**
 * relance_user_store_insert:
 * @db: a #RelanceDatabase
 * @user: a new user (id 0); its id is set on success
 * @error: a #GError
 *
 * Stores a user, with an audit line, in one transaction or the caller's.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_INVALID (a
 *   login or name that cannot be used) or RELANCE_STORE_ERROR_DUPLICATE
 */
gboolean
relance_user_store_insert (RelanceDatabase  *db,
                           RelanceUser      *user,
                           GError          **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (user != NULL && user->id == 0, FALSE);

  if (!relance_user_login_is_valid (user->login))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("“%s” cannot be a login: use 1 to 64 lower-case letters, digits, "
                     "dots, dashes or underscores"),
                   user->login ? user->login : "");
      return FALSE;
    }
  if (!has_text (user->name))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("The user “%s” needs a name"), user->login);
      return FALSE;
    }

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, user->login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, user->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, relance_user_role_to_string (user->role), -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 4, user->email);
  sqlite3_bind_int (stmt, 5, user->active ? 1 : 0);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                     _("A user with the login “%s” already exists"), user->login);
      else
        relance_database_set_sql_error (db, error, _("save the user"));
      goto failed;
    }
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = g_strdup_printf ("login: %s\nname: %s\nrole: %s\nemail: %s",
                           user->login, user->name,
                           relance_user_role_to_string (user->role),
                           user->email ? user->email : "");
  if (!relance_database_audit (db, "app_user", id, "create", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  user->id = id;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_user_store_find:
 * @db: a #RelanceDatabase
 * @login: a login
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with @error
 *   unset when there is none
 */
RelanceUser *
relance_user_store_find (RelanceDatabase  *db,
                         const char       *login,
                         GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_user_store_find_by_role:
 * @db: a #RelanceDatabase
 * @role: a role
 * @error: a #GError
 *
 * For a scenario step assigned to a role: the first active user with
 * that role, by login, so that the choice is the same every day.
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with @error
 *   unset when there is none
 */
RelanceUser *
relance_user_store_find_by_role (RelanceDatabase  *db,
                                 RelanceUserRole   role,
                                 GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND_BY_ROLE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, relance_user_role_to_string (role), -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_user_store_list:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceUser): every user
 *   by login, or %NULL with @error set
 */
GPtrArray *
relance_user_store_list (RelanceDatabase  *db,
                         GError          **error)
{
  g_autoptr(GPtrArray) users = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  users = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_user_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (users, user_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the users"));
      return NULL;
    }
  return g_steal_pointer (&users);
}

/**
 * relance_user_store_count:
 * @db: a #RelanceDatabase
 *
 * Returns: the number of users, -1 when SQLite fails
 */
gint64
relance_user_store_count (RelanceDatabase *db)
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
