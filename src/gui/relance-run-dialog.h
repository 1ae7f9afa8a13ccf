/* relance-run-dialog.h — the daily run, started from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-daily-run.h"
#include "relance-mail.h"
#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_RUN_DIALOG (relance_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceRunDialog, relance_run_dialog, RELANCE, RUN_DIALOG, GtkWindow)

/* Template children for tests (gtk_widget_get_template_child):
 * "stack" (pages "intro", "running", "done", "failed"), "run_button",
 * "cancel_button", "progress_bar", "summary_list". */
RelanceRunDialog        *relance_run_dialog_new                     (RelanceWindow    *window);
void                     relance_run_dialog_start                   (RelanceRunDialog *self);
void                     relance_run_dialog_cancel                  (RelanceRunDialog *self);
gboolean                 relance_run_dialog_get_running             (RelanceRunDialog *self);
const RelanceRunReport  *relance_run_dialog_get_report              (RelanceRunDialog *self);
guint                    relance_run_dialog_get_documents_generated (RelanceRunDialog *self);
const RelanceMailReport *relance_run_dialog_get_mail_report         (RelanceRunDialog *self);

G_END_DECLS
