/* relance-settings-private.h — what the forms of the settings page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-model.h"

G_BEGIN_DECLS

/* A toast on the settings page that holds @widget (nothing when alone) */
void       _relance_settings_toast        (GtkWidget         *widget,
                                           const char        *title);
/* Tells the main window, when @widget is in one, that the database changed */
void       _relance_settings_data_changed (GtkWidget         *widget);
/* Marks @row red (blocking), orange (warning) or not at all (@issue NULL),
 * with a suffix icon whose tooltip and accessible description say the
 * problem; @icon is the row's suffix made by _relance_settings_issue_icon() */
void       _relance_settings_mark_row     (GtkWidget         *row,
                                           GtkWidget         *icon,
                                           const RelanceIssue *issue);
GtkWidget *_relance_settings_issue_icon   (void);
/* Fills @box (a GtkListBox) with one row per issue of @validation, the
 * title of each field from @field_title; hides @group when there is none */
void       _relance_settings_fill_summary (GtkListBox        *box,
                                           GtkWidget         *group,
                                           RelanceValidation *validation,
                                           const char *     (*field_title) (const char *field));

G_END_DECLS
