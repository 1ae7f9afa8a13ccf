/* relance-user-edit-store.c — changing a user: name, role, email, active
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A user is never deleted: actions, cases and the audit trail name them
 * by login. One who leaves is deactivated, and the login stays theirs.
 * The check that some active user still manages is made here, inside
 * the transaction that writes, so that two windows demoting the last two
 * managers at once cannot both succeed.
 */
#define G_LOG_DOMAIN "relance-user-edit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-user-edit-store.h"
#include "relance-database-private.h"

#define SQL_FIND_BY_ID \
  "SELECT login, name, role, email, active FROM app_user WHERE id = ?1"
#define SQL_COUNT_MANAGERS \
  "SELECT count(*) FROM app_user " \
  "WHERE role IN ('manager', 'admin') AND active = 1 AND id <> ?1"
#define SQL_UPDATE \
  "UPDATE app_user SET name = ?2, role = ?3, email = ?4, active = ?5 WHERE id = ?1"

/* Helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The stored user @id, NULL with @error set (NOT_FOUND when none) */
static RelanceUser *
find_by_id (RelanceDatabase  *db,
            gint64            id,
            GError          **error)
{
  RelanceUser *user = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = relance_database_prepare (db, SQL_FIND_BY_ID, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      RelanceUserRole role = RELANCE_USER_ROLE_AGENT;

      relance_user_role_from_string (relance_column_text (stmt, 2), &role);
      user = relance_user_new (relance_column_text (stmt, 0), relance_column_text (stmt, 1), role);
      user->id = id;
      user->email = g_strdup (relance_column_text (stmt, 3));
      user->active = sqlite3_column_int (stmt, 4) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("The user was not found: another window may have changed it"));
  else
    relance_database_set_sql_error (db, error, _("read a user"));
  sqlite3_reset (stmt);
  return user;
}

/* Appends "field: before → after" to @text when the two differ */
static void
append_change (GString    *text,
               const char *field,
               const char *before,
               const char *after)
{
  if (g_strcmp0 (before != NULL ? before : "", after != NULL ? after : "") == 0)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, "%s: %s → %s", field,
                          before != NULL ? before : "", after != NULL ? after : "");
}

/* Public API */

/**
 * relance_user_role_manages:
 * @role: a role
 *
 * Returns: %TRUE for a credit manager or an administrator
 */
gboolean
relance_user_role_manages (RelanceUserRole role)
{
  return role == RELANCE_USER_ROLE_MANAGER || role == RELANCE_USER_ROLE_ADMIN;
}

/**
 * relance_user_store_count_managers:
 * @db: a #RelanceDatabase
 * @except_id: a user to leave out of the count, 0 for none
 * @error: a #GError
 *
 * Returns: how many active users are credit managers or administrators,
 *   @except_id left out; -1 with @error set when SQLite fails
 */
gint64
relance_user_store_count_managers (RelanceDatabase  *db,
                                   gint64            except_id,
                                   GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT_MANAGERS, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("count the managers"));
  sqlite3_reset (stmt);
  return count;
}

/**
 * relance_user_store_update:
 * @db: a #RelanceDatabase
 * @user: a stored user (id set) with its new name, role, email and
 *   active flag; its login is not read
 * @error: a #GError
 *
 * Writes the changes of @user in one transaction (or the caller's), with
 * an audit line of what changed; nothing is written when nothing changed.
 *
 * Returns: %FALSE with @error set: RELANCE_STORE_ERROR_INVALID when the
 *   name is empty or no active manager or administrator would remain,
 *   RELANCE_STORE_ERROR_NOT_FOUND when there is no such user, or the
 *   store's error
 */
gboolean
relance_user_store_update (RelanceDatabase    *db,
                           const RelanceUser  *user,
                           GError            **error)
{
  g_autoptr(RelanceUser) before = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 others;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (user != NULL && user->id > 0, FALSE);

  if (is_blank (user->name))
    {
      g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                           _("The name is required: letters and the agenda show it."));
      return FALSE;
    }

  if (!relance_database_begin (db, error))
    return FALSE;
  before = find_by_id (db, user->id, error);
  if (before == NULL)
    goto failed;

  /* only a change that takes away the last manager is refused: a
   * database that has none already can still be edited */
  if (before->active && relance_user_role_manages (before->role) &&
      (!user->active || !relance_user_role_manages (user->role)))
    {
      others = relance_user_store_count_managers (db, user->id, error);
      if (others < 0)
        goto failed;
      if (others == 0)
        {
          g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                       _("%s is the last active manager: make another user a credit "
                         "manager first, or nobody could run the daily run and the scenarios."),
                       before->name);
          goto failed;
        }
    }

  append_change (changes, "name", before->name, user->name);
  append_change (changes, "role", relance_user_role_to_string (before->role),
                 relance_user_role_to_string (user->role));
  append_change (changes, "email", before->email, is_blank (user->email) ? NULL : user->email);
  append_change (changes, "active", before->active ? "1" : "0", user->active ? "1" : "0");
  if (changes->len == 0)
    return relance_database_commit (db, error);

  stmt = relance_database_prepare (db, SQL_UPDATE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, user->id);
  sqlite3_bind_text (stmt, 2, user->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, relance_user_role_to_string (user->role), -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 4, is_blank (user->email) ? NULL : user->email);
  sqlite3_bind_int (stmt, 5, user->active ? 1 : 0);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (!relance_database_audit (db, "app_user", user->id,
                               user->active == before->active ? "update"
                               : user->active ? "reactivate" : "deactivate",
                               NULL, changes->str, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
