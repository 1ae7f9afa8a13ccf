/* relance-template-store.h — templates (modèles de courrier)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_TEMPLATE_KIND_LETTER,     /* dunning letter, levels 0–2, hand-over to litigation */
  RELANCE_TEMPLATE_KIND_NOTICE,     /* formal notice (mise en demeure), level 3 */
  RELANCE_TEMPLATE_KIND_STATEMENT,  /* account statement (relevé de compte) */
  RELANCE_TEMPLATE_KIND_INTEREST,   /* interest and indemnity statement */
  RELANCE_TEMPLATE_KIND_PLAN,       /* payment-plan confirmation */
  RELANCE_TEMPLATE_KIND_EMAIL,      /* the text of a dunning email */
  RELANCE_TEMPLATE_KIND_SMS,
} RelanceTemplateKind;

const char *relance_template_kind_to_string   (RelanceTemplateKind  kind);
gboolean    relance_template_kind_from_string (const char          *text,
                                               RelanceTemplateKind *kind);

/**
 * RelanceTemplate:
 * @id: 0 until stored
 * @code: the code scenario steps name it by (`letter_reminder_1`,
 *   `formal_notice`…), the same in every language
 * @language: "fr" or "en"
 * @kind: what it makes
 * @level: the dunning level it is for, -1 when none
 * @name: what people call it
 * @subject: the subject line (« Objet : » of a letter, an email's subject)
 * @body: paragraphs separated by a blank line, with [[PLACEHOLDERS]]
 * @active: FALSE once deactivated (nothing used is deleted)
 * @updated_at: (nullable): UTC timestamp, set by the store
 * @updated_by: (nullable): login, set by the store
 */
typedef struct
{
  gint64               id;
  char                *code;
  char                *language;
  RelanceTemplateKind  kind;
  int                  level;
  char                *name;
  char                *subject;
  char                *body;
  gboolean             active;
  char                *updated_at;
  char                *updated_by;
} RelanceTemplate;

RelanceTemplate *relance_template_new  (void);
void             relance_template_free (RelanceTemplate *tpl);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceTemplate, relance_template_free)

/* The template @code in @language; NULL with no error when there is none
 * (also when it is inactive and @active_only) */
RelanceTemplate *relance_template_store_find       (RelanceDatabase  *db,
                                                    const char       *code,
                                                    const char       *language,
                                                    gboolean          active_only,
                                                    GError          **error);
/* Every template (RelanceTemplate *), by code then language */
GPtrArray       *relance_template_store_list       (RelanceDatabase  *db,
                                                    GError          **error);
/* Inserts @tpl (id 0) or updates the row with its id; the change is
 * recorded in the audit trail with the text before and after */
gboolean         relance_template_store_save       (RelanceDatabase  *db,
                                                    RelanceTemplate  *tpl,
                                                    GError          **error);
gboolean         relance_template_store_set_active (RelanceDatabase  *db,
                                                    gint64            id,
                                                    gboolean          active,
                                                    GError          **error);

G_END_DECLS
