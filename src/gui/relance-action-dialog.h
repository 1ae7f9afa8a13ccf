/* relance-action-dialog.h — one action: summary, perform, edit,
 * reschedule, close the case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_ACTION_DIALOG (relance_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceActionDialog, relance_action_dialog, RELANCE, ACTION_DIALOG, GtkWindow)

/* The widgets are template children that tests reach by their id with
 * gtk_widget_get_template_child (dialog, RELANCE_TYPE_ACTION_DIALOG, id):
 * "stack" (pages "summary", "outcome", "follow", "edit", "reschedule",
 * "delivery"),
 * "perform_button", "success_check", "failure_check", "comment_view",
 * "continue_button", "user_picker", "next_switch", "next_date_entry",
 * "next_title_entry", "follow_problems", "confirm_button",
 * "edit_title_entry", "edit_date_entry", "edit_problems",
 * "edit_save_button", "reschedule_date_entry", "reschedule_problems",
 * "reschedule_save_button"; for what performing makes: "document_pane",
 * "preview_stack" (pages "loading", "preview", "error"), "preview",
 * "document_switch", "email_group", "email_switch", and after an email
 * the page "delivery" with "delivery_status" and "delivery_spinner"
 * (spinning while the email goes). */
RelanceActionDialog *relance_action_dialog_new           (RelanceWindow        *window,
                                                          gint64                action_id,
                                                          GError              **error);
gint64               relance_action_dialog_get_action_id (RelanceActionDialog  *self);

G_END_DECLS
