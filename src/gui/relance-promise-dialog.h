/* relance-promise-dialog.h — recording a promise to pay and its instalments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PROMISE_DIALOG (relance_promise_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelancePromiseDialog, relance_promise_dialog, RELANCE, PROMISE_DIALOG, GtkWindow)

/* Template children for tests (gtk_widget_get_template_child):
 * "instalments_list", "grace_spin", "comment_entry", "total_label",
 * "problems", "save_button". */
RelancePromiseDialog *relance_promise_dialog_new                (RelanceWindow        *window,
                                                                 gint64                actor_id,
                                                                 GError              **error);
void                  relance_promise_dialog_clear_instalments  (RelancePromiseDialog *self);
void                  relance_promise_dialog_add_instalment     (RelancePromiseDialog *self,
                                                                 const char           *date,
                                                                 const char           *amount);
gint64                relance_promise_dialog_get_overdue_cents  (RelancePromiseDialog *self);

G_END_DECLS
