/* relance-template-editor.h — the templates (modèles de courrier), editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_TEMPLATE_EDITOR (relance_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (RelanceTemplateEditor, relance_template_editor, RELANCE, TEMPLATE_EDITOR, GtkWidget)

GtkWidget     *relance_template_editor_new           (void);
void           relance_template_editor_set_database  (RelanceTemplateEditor *self,
                                                      RelanceDatabase       *db);
void           relance_template_editor_set_language  (RelanceTemplateEditor *self,
                                                      const char            *language);
guint          relance_template_editor_get_n_shown   (RelanceTemplateEditor *self);
gboolean       relance_template_editor_select        (RelanceTemplateEditor *self,
                                                      const char            *code,
                                                      const char            *language);
GtkTextBuffer *relance_template_editor_get_buffer    (RelanceTemplateEditor *self);
const char    *relance_template_editor_get_problem   (RelanceTemplateEditor *self);
gboolean       relance_template_editor_can_save      (RelanceTemplateEditor *self);
gboolean       relance_template_editor_save          (RelanceTemplateEditor *self,
                                                      GError               **error);
AdwMessageDialog *relance_template_editor_get_prompt (RelanceTemplateEditor *self);
const RelanceTemplate *relance_template_editor_get_current (RelanceTemplateEditor *self);

G_END_DECLS
