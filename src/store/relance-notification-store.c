/* relance-notification-store.c — the notifications as the window shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * relance-action-store.c writes the notifications and marks one read;
 * the window's bell needs more of each row (the customer's name, the
 * sender's name, the newest first) and a way to clear them all at once.
 */
#define G_LOG_DOMAIN "relance-notification-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-notification-store.h"
#include "relance-database-private.h"

/* The sender may have left the users (or be the system login of the
 * daily run): a left join, and the login when there is no name */
#define SQL_ENTRIES \
  "SELECT n.id, n.action_id, a.actor_id, ac.code, ac.name, a.title, n.message," \
  " n.created_at, n.created_by, coalesce (u.name, n.created_by)" \
  " FROM notification n JOIN action a ON a.id = n.action_id" \
  " JOIN actor ac ON ac.id = a.actor_id" \
  " LEFT JOIN app_user u ON u.login = n.created_by" \
  " WHERE n.recipient = ?1 AND n.read_at IS NULL" \
  " ORDER BY n.created_at DESC, n.id DESC"
/* Uses the index notification_recipient (recipient, read_at) */
#define SQL_MARK_ALL_READ \
  "UPDATE notification SET read_at = ?2 WHERE recipient = ?1 AND read_at IS NULL"

/* Helpers */

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (relance_column_text (stmt, index));
}

static RelanceNotificationEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  RelanceNotificationEntry *entry = g_new0 (RelanceNotificationEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->action_id = sqlite3_column_int64 (stmt, 1);
  entry->actor_id = sqlite3_column_int64 (stmt, 2);
  entry->actor_code = dup_column (stmt, 3);
  entry->actor_name = dup_column (stmt, 4);
  entry->action_title = dup_column (stmt, 5);
  entry->message = dup_column (stmt, 6);
  entry->created_at = dup_column (stmt, 7);
  entry->created_by = dup_column (stmt, 8);
  entry->created_by_name = dup_column (stmt, 9);
  return entry;
}

/* Public API */

/**
 * relance_notification_entry_free:
 * @entry: (nullable): a #RelanceNotificationEntry
 *
 * Frees @entry and its strings.
 */
void
relance_notification_entry_free (RelanceNotificationEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor_code);
  g_free (entry->actor_name);
  g_free (entry->action_title);
  g_free (entry->message);
  g_free (entry->created_at);
  g_free (entry->created_by);
  g_free (entry->created_by_name);
  g_free (entry);
}

/**
 * relance_notification_store_list_entries:
 * @db: a #RelanceDatabase
 * @recipient: a login
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceNotificationEntry):
 *   the unread notifications of @recipient, newest first; %NULL with
 *   @error set on failure
 */
GPtrArray *
relance_notification_store_list_entries (RelanceDatabase  *db,
                                         const char       *recipient,
                                         GError          **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_ENTRIES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, recipient, -1, SQLITE_STATIC);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_notification_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the notifications"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

/**
 * relance_notification_store_mark_all_read:
 * @db: a #RelanceDatabase
 * @recipient: a login
 * @n_marked: (out) (optional): how many were unread
 * @error: a #GError
 *
 * Marks every unread notification of @recipient read, now. Having none
 * is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_notification_store_mark_all_read (RelanceDatabase  *db,
                                          const char       *recipient,
                                          guint            *n_marked,
                                          GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  sqlite3_stmt *stmt;
  guint changes;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_MARK_ALL_READ, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, recipient, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  changes = (guint) sqlite3_changes (relance_database_get_handle (db));
  if (!relance_database_commit (db, error))
    return FALSE;
  if (n_marked != NULL)
    *n_marked = changes;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}
