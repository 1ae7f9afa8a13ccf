/* relance-dispute-dialog.h — opening a dispute on items, resolving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_DISPUTE_DIALOG (relance_dispute_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDisputeDialog, relance_dispute_dialog, RELANCE, DISPUTE_DIALOG, GtkWindow)

/* Template children for tests (gtk_widget_get_template_child): "stack"
 * (pages "open" and "resolve"), "items_list", "reason_entry",
 * "amount_entry", "owner_dropdown", "problems", "save_button",
 * "justified_check", "unjustified_check", "resolution_entry",
 * "resolve_button". */
RelanceDisputeDialog *relance_dispute_dialog_new_open    (RelanceWindow         *window,
                                                          gint64                 actor_id,
                                                          GArray                *invoice_ids,
                                                          GError               **error);
RelanceDisputeDialog *relance_dispute_dialog_new_resolve (RelanceWindow         *window,
                                                          gint64                 dispute_id,
                                                          GError               **error);
void                  relance_dispute_dialog_select_item (RelanceDisputeDialog  *self,
                                                          gint64                 invoice_id,
                                                          gboolean               selected);

G_END_DECLS
