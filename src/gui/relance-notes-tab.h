/* relance-notes-tab.h — free notes on a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_NOTES_TAB (relance_notes_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelanceNotesTab, relance_notes_tab, RELANCE, NOTES_TAB, GtkWidget)

gboolean relance_notes_tab_show     (RelanceNotesTab  *self,
                                     RelanceDatabase  *db,
                                     gint64            actor_id,
                                     GError          **error);
void     relance_notes_tab_clear    (RelanceNotesTab  *self);
gboolean relance_notes_tab_add_note (RelanceNotesTab  *self,
                                     const char       *text,
                                     GError          **error);
guint    relance_notes_tab_get_n_notes (RelanceNotesTab *self);

G_END_DECLS
