/* relance-action-edit-store.c — changing a planned action: what it is,
 * when, for whom; and how it was delivered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-action-edit-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-action-edit-store.h"
#include "relance-database-private.h"

/* Only a planned action changes: what is done is history */
#define SQL_UPDATE \
  "UPDATE action SET title = ?2, channel = ?3, planned_date = ?4, assigned_to = ?5," \
  " contact_id = ?6 WHERE id = ?1 AND status = 'planned'"
#define SQL_DELIVERY "SELECT delivery FROM action WHERE id = ?1"

/* Helpers */

static void
describe_change (GString    *text,
                 const char *field,
                 const char *before,
                 const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  g_string_append_printf (text, "%s%s: %s → %s", text->len > 0 ? "\n" : "", field,
                          before != NULL ? before : "", after != NULL ? after : "");
}

static char *
describe_changes (const RelanceAction *before,
                  const RelanceAction *after)
{
  GString *text = g_string_new (NULL);
  g_autofree char *date_before = relance_date_to_iso (before->planned_date);
  g_autofree char *date_after = relance_date_to_iso (after->planned_date);
  g_autofree char *contact_before = g_strdup_printf ("%" PRId64, before->contact_id);
  g_autofree char *contact_after = g_strdup_printf ("%" PRId64, after->contact_id);

  describe_change (text, "title", before->title, after->title);
  describe_change (text, "channel", relance_channel_to_string (before->channel),
                   relance_channel_to_string (after->channel));
  describe_change (text, "planned", date_before, date_after);
  describe_change (text, "assigned-to", before->assigned_to, after->assigned_to);
  describe_change (text, "contact-id", contact_before, contact_after);
  return g_string_free (text, FALSE);
}

/* Public API */

/**
 * relance_action_store_update:
 * @db: a #RelanceDatabase
 * @before: the action as stored
 * @after: the same action (same id) as it becomes
 * @why: (nullable): the first line of the audit
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_INVALID when
 *   the action is not planned, or an SQL error
 */
gboolean
relance_action_store_update (RelanceDatabase      *db,
                             const RelanceAction  *before,
                             const RelanceAction  *after,
                             const char           *why,
                             GError              **error)
{
  g_autofree char *changes = NULL;
  g_autofree char *audit = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);
  g_return_val_if_fail (before->id == after->id && after->id > 0, FALSE);
  g_return_val_if_fail (after->title != NULL && after->planned_date > 0, FALSE);

  changes = describe_changes (before, after);
  if (*changes == '\0')
    return TRUE;
  audit = why != NULL ? g_strconcat (why, "\n", changes, NULL) : g_strdup (changes);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_UPDATE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, after->id);
  sqlite3_bind_text (stmt, 2, after->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, relance_channel_to_string (after->channel), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, after->planned_date);
  relance_bind_text_or_null (stmt, 5, after->assigned_to);
  if (after->contact_id > 0)
    sqlite3_bind_int64 (stmt, 6, after->contact_id);
  else
    sqlite3_bind_null (stmt, 6);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("The action %" PRId64 " is not planned any more: it cannot be changed"),
                   after->id);
      goto failed;
    }
  if (!relance_database_audit (db, "action", after->id, "edit", NULL, audit, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_action_store_get_delivery:
 * @db: a #RelanceDatabase
 * @id: an action
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the delivery text, %NULL when there
 *   is none (check @error)
 */
char *
relance_action_store_get_delivery (RelanceDatabase  *db,
                                   gint64            id,
                                   GError          **error)
{
  sqlite3_stmt *stmt;
  char *delivery = NULL;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_DELIVERY, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    delivery = g_strdup (relance_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read the delivery of an action"));
  sqlite3_reset (stmt);
  return delivery;
}
