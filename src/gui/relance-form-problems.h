/* relance-form-problems.h — a form's problems: blocking in red, warnings
 * in orange, each with its field, and a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-model.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_FORM_PROBLEMS (relance_form_problems_get_type ())

G_DECLARE_FINAL_TYPE (RelanceFormProblems, relance_form_problems, RELANCE, FORM_PROBLEMS, GtkWidget)

GtkWidget *relance_form_problems_new            (void);
void       relance_form_problems_add_field      (RelanceFormProblems *self,
                                                 const char          *field,
                                                 GtkWidget           *widget,
                                                 const char          *label);
void       relance_form_problems_remove_field   (RelanceFormProblems *self,
                                                 const char          *field);
void       relance_form_problems_show           (RelanceFormProblems *self,
                                                 RelanceValidation   *validation);
guint      relance_form_problems_get_n_blocking (RelanceFormProblems *self);
guint      relance_form_problems_get_n_warnings (RelanceFormProblems *self);
const char *relance_form_problems_get_summary   (RelanceFormProblems *self);

G_END_DECLS
