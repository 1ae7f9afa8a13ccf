/* relance-new-action-dialog.h — a new action for a customer, with the
 * preview of the letter or formal notice it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_NEW_ACTION_DIALOG (relance_new_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceNewActionDialog, relance_new_action_dialog, RELANCE, NEW_ACTION_DIALOG, GtkWindow)

/* The widgets are template children that tests reach by their id with
 * gtk_widget_get_template_child (dialog, RELANCE_TYPE_NEW_ACTION_DIALOG, id):
 * "channel_dropdown" (positions are RelanceChannel values),
 * "level_dropdown" (0 courtesy, 1 first, 2 second reminder), "title_entry",
 * "contact_dropdown" (0: no contact), "date_entry" (dd/mm/yyyy),
 * "assignee_dropdown", "send_switch", "items_list", "problems",
 * "create_button", "preview_pane", "preview_stack" (pages "loading",
 * "preview", "error"), "preview" (a RelancePdfPreview), "preview_error"
 * (an AdwStatusPage whose description is the error).
 *
 * Once it has stored the action, the dialog emits "action-created" with
 * the new action's id, then closes. */
RelanceNewActionDialog *relance_new_action_dialog_new         (RelanceWindow           *window,
                                                               gint64                   actor_id,
                                                               GArray                  *invoice_ids,
                                                               GError                 **error);
void                    relance_new_action_dialog_select_item (RelanceNewActionDialog  *self,
                                                               gint64                   invoice_id,
                                                               gboolean                 selected);

G_END_DECLS
