/* relance-notification-store.h — the notifications as the window shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceNotificationEntry:
 * @id: the notification
 * @action_id: the action it is about
 * @actor_id: the customer of that action
 * @actor_code: the customer's code
 * @actor_name: the customer's name
 * @action_title: the action's title
 * @message: (nullable): what the colleague wrote
 * @created_at: when, ISO 8601 in UTC ("2026-11-23T09:12:00Z")
 * @created_by: the colleague's login
 * @created_by_name: the colleague's name, their login when they are not
 *   a user of the database
 *
 * An unread notification with what a reader needs to see at a glance.
 */
typedef struct
{
  gint64  id;
  gint64  action_id;
  gint64  actor_id;
  char   *actor_code;
  char   *actor_name;
  char   *action_title;
  char   *message;
  char   *created_at;
  char   *created_by;
  char   *created_by_name;
} RelanceNotificationEntry;

void       relance_notification_entry_free         (RelanceNotificationEntry *entry);
/* The unread notifications of @recipient, newest first */
GPtrArray *relance_notification_store_list_entries (RelanceDatabase  *db,
                                                    const char       *recipient,
                                                    GError          **error);
gboolean   relance_notification_store_mark_all_read (RelanceDatabase  *db,
                                                     const char       *recipient,
                                                     guint            *n_marked,
                                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceNotificationEntry, relance_notification_entry_free)

G_END_DECLS
