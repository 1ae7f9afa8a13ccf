/* relance-gui-utils.h — small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-model.h"

G_BEGIN_DECLS

void         relance_gui_ensure_resources   (void);
RelanceDate  relance_gui_evaluation_day     (void);
const char  *relance_gui_language           (void);
char        *relance_gui_format_amount      (gint64      cents,
                                             const char *currency);
char        *relance_gui_currency_symbol    (const char *currency);
char        *relance_gui_format_date        (RelanceDate date);
char        *relance_gui_format_days        (double      days);
void         relance_gui_set_amount_class   (GtkWidget  *widget,
                                             gint64      cents);
GtkWidget   *relance_gui_new_cell           (float       xalign,
                                             guint       min_chars,
                                             guint       nat_chars);
gboolean     relance_gui_profiling          (void);
void         relance_gui_profile_mark       (const char *what);

G_END_DECLS
