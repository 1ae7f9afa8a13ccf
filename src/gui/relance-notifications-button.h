/* relance-notifications-button.h — the bell of the header bar: what colleagues sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_NOTIFICATIONS_BUTTON (relance_notifications_button_get_type ())

G_DECLARE_FINAL_TYPE (RelanceNotificationsButton, relance_notifications_button, RELANCE,
                      NOTIFICATIONS_BUTTON, GtkWidget)

GtkWidget  *relance_notifications_button_new          (void);
void        relance_notifications_button_set_database (RelanceNotificationsButton *self,
                                                       RelanceDatabase            *db,
                                                       const char                 *user);
void        relance_notifications_button_reload       (RelanceNotificationsButton *self);
guint       relance_notifications_button_get_n_unread (RelanceNotificationsButton *self);
GtkListBox *relance_notifications_button_get_list     (RelanceNotificationsButton *self);
void        relance_notifications_button_popup        (RelanceNotificationsButton *self);
char       *relance_notifications_format_when         (const char                 *created_at,
                                                       GDateTime                  *now);

G_END_DECLS
