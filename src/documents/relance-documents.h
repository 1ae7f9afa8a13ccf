/* relance-documents.h — the documents a debtor receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-engine.h"
#include "relance-progress.h"
#include "relance-company-store.h"
#include "relance-document-store.h"
#include "relance-template-store.h"

G_BEGIN_DECLS

#define RELANCE_DOCUMENT_ERROR (relance_document_error_quark ())
GQuark relance_document_error_quark (void);

typedef enum
{
  RELANCE_DOCUMENT_ERROR_TEMPLATE,     /* unknown or malformed placeholder, missing template */
  RELANCE_DOCUMENT_ERROR_COMPANY,      /* the creditor's name is not set */
  RELANCE_DOCUMENT_ERROR_NOT_OFFERED,  /* this document is not for this customer now */
  RELANCE_DOCUMENT_ERROR_NOTHING,      /* no open item, no promise… */
  RELANCE_DOCUMENT_ERROR_PDF,          /* libharu failed, the font is missing */
} RelanceDocumentError;

typedef enum
{
  RELANCE_DOCUMENT_LETTER,     /* dunning letter of a level 0, 1 or 2 */
  RELANCE_DOCUMENT_NOTICE,     /* formal notice (mise en demeure) */
  RELANCE_DOCUMENT_STATEMENT,  /* account statement (relevé de compte) */
  RELANCE_DOCUMENT_INTEREST,   /* interest and indemnity statement */
  RELANCE_DOCUMENT_PLAN,       /* payment-plan confirmation */
  RELANCE_N_DOCUMENT_KINDS,
} RelanceDocumentKind;

/* "letter", "notice", "statement", "interest", "plan" */
const char *relance_document_kind_to_string   (RelanceDocumentKind  kind);
gboolean    relance_document_kind_from_string (const char          *text,
                                               RelanceDocumentKind *kind);
/* Translated, for people: « Dunning letter », « Formal notice »… */
const char *relance_document_kind_label       (RelanceDocumentKind  kind);

/**
 * RelanceDocumentRequest:
 * @kind: what to make
 * @actor_id: the customer
 * @day: the date printed on it and of the figures
 * @level: letters: 0 courtesy, 1 first reminder, 2 second reminder; -1
 *   for the level of the customer's open case (1 without a case)
 * @template_code: (nullable): the template, NULL for the kind's default
 *   (chosen by kind, level and whether the debtor is a consumer)
 * @language: (nullable): "fr" or "en"; NULL for the dunning contact's
 *   language (else the customer's, else French)
 * @action_id: the action it is made for, 0 by hand
 * @invoice_ids: (nullable) (element-type gint64): the items it is about;
 *   NULL for the customer's open items (the action's items when
 *   @action_id is set)
 * @promise_id: the promise of a plan, 0 for the customer's open one
 * @deadline_days: days to pay given by a letter or notice, 0 for the
 *   default (8 for a notice, 15 for a letter)
 *
 * What to make; the caller owns what the pointers point at.
 */
typedef struct
{
  RelanceDocumentKind  kind;
  gint64               actor_id;
  RelanceDate          day;
  int                  level;
  const char          *template_code;
  const char          *language;
  gint64               action_id;
  GArray              *invoice_ids;
  gint64               promise_id;
  int                  deadline_days;
} RelanceDocumentRequest;

void        relance_document_request_init     (RelanceDocumentRequest *request,
                                               RelanceDocumentKind     kind,
                                               gint64                  actor_id,
                                               RelanceDate             day);

/* Which documents can be made for @actor_id on @day, as Cassiopae makes
 * them depend on the entity's kind, status and phase: a formal notice only
 * for a case at that level or above, a plan only with an open promise, an
 * interest statement only for a debtor owing interest… @offered is set
 * for each kind; @why, when not NULL, gets for each kind not offered a
 * translated reason (free with g_strfreev). */
gboolean    relance_documents_offered         (RelanceDatabase        *db,
                                               gint64                  actor_id,
                                               RelanceDate             day,
                                               gboolean                offered[RELANCE_N_DOCUMENT_KINDS],
                                               char                 ***why,
                                               GError                **error);

/* Checks the template and data of @request without making anything:
 * FALSE with the error a user must fix (unknown placeholder, no company
 * name, not offered, nothing to claim). */
gboolean    relance_document_check            (RelanceDatabase              *db,
                                               const RelanceDocumentRequest *request,
                                               GError                      **error);

/* Makes the PDF and returns its bytes, storing nothing (a preview).
 * @title, when not NULL, gets the document's title. */
GBytes     *relance_document_render           (RelanceDatabase              *db,
                                               const RelanceDocumentRequest *request,
                                               char                        **title,
                                               GError                      **error);

/* Makes the PDF and stores it (relance-document-store.h) for the timeline:
 * @info gets the stored row, @content the bytes (both optional). */
gboolean    relance_document_generate         (RelanceDatabase              *db,
                                               const RelanceDocumentRequest *request,
                                               RelanceDocumentInfo         **info,
                                               GBytes                      **content,
                                               GError                      **error);

/* The newest document of @kind made for @action_id, made and stored now
 * when there is none */
gboolean    relance_document_for_action       (RelanceDatabase        *db,
                                               gint64                  actor_id,
                                               gint64                  action_id,
                                               RelanceDocumentKind     kind,
                                               RelanceDate             day,
                                               gint64                 *document_id,
                                               GError                **error);

/* The template of @request as it will be used (after the defaults):
 * NULL with an error when there is none. */
RelanceTemplate *relance_document_find_template (RelanceDatabase              *db,
                                                 const RelanceDocumentRequest *request,
                                                 GError                      **error);

/* The subject and body of a template of kind email or SMS for @actor_id,
 * placeholders filled (the same values as the documents) */
gboolean    relance_document_expand_message   (RelanceDatabase        *db,
                                               const char             *template_code,
                                               gint64                  actor_id,
                                               gint64                  action_id,
                                               RelanceDate             day,
                                               const char             *language,
                                               char                  **subject,
                                               char                  **body,
                                               GError                **error);

/* The batch of the daily run: for every automatic letter or formal-notice
 * action done by the run of @day that has no document yet, makes and
 * stores its document (one transaction per document), reporting progress;
 * stops between two documents when @cancellable is cancelled.
 * @n_generated gets how many were made. Running it twice makes nothing
 * twice. */
gboolean    relance_documents_generate_for_run (RelanceDatabase        *db,
                                                RelanceDate             day,
                                                RelanceProgressFunc     progress,
                                                gpointer                progress_data,
                                                GCancellable           *cancellable,
                                                guint                  *n_generated,
                                                GError                **error);

G_END_DECLS
