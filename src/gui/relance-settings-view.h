/* relance-settings-view.h — the settings page: letterhead, mail server,
 * templates and users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_SETTINGS_VIEW (relance_settings_view_get_type ())

G_DECLARE_FINAL_TYPE (RelanceSettingsView, relance_settings_view, RELANCE, SETTINGS_VIEW, GtkWidget)

GtkWidget *relance_settings_view_new          (void);
void       relance_settings_view_set_database (RelanceSettingsView *self,
                                               RelanceDatabase     *db,
                                               const char          *user);

G_END_DECLS
