/* relance-window.h — the main window: the areas of the agent's workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_WINDOW (relance_window_get_type ())

G_DECLARE_FINAL_TYPE (RelanceWindow, relance_window, RELANCE, WINDOW, AdwApplicationWindow)

RelanceWindow   *relance_window_new                (GtkApplication *application);
gboolean         relance_window_open_database      (RelanceWindow  *self,
                                                    const char     *path,
                                                    GError        **error);
const char      *relance_window_get_database_path  (RelanceWindow  *self);
RelanceDatabase *relance_window_get_database       (RelanceWindow  *self);
RelanceDate      relance_window_get_evaluation_day (RelanceWindow  *self);
void             relance_window_set_evaluation_day (RelanceWindow  *self,
                                                    RelanceDate     day);
gboolean         relance_window_get_busy           (RelanceWindow  *self);
/* The login of the user working in the window (the agenda is theirs) */
const char      *relance_window_get_user           (RelanceWindow  *self);
void             relance_window_set_user           (RelanceWindow  *self,
                                                    const char     *login);
void             relance_window_show_error         (RelanceWindow  *self,
                                                    const char     *heading,
                                                    const char     *body);

G_END_DECLS
