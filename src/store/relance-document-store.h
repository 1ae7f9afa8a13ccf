/* relance-document-store.h — the documents generated, with their bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceDocumentInfo:
 * @id: 0 until stored
 * @actor_id: the customer it is for
 * @action_id: the action it was made for, 0 when made by hand
 * @kind: "letter", "notice", "statement", "interest" or "plan"
 * @level: the dunning level of a letter or notice, -1 otherwise
 * @template_code: (nullable): the template it was made from
 * @language: "fr" or "en"
 * @title: a line for people (« Mise en demeure du 23/11/2026 »)
 * @file_name: a file name to save it as
 * @mime_type: "application/pdf"
 * @size: bytes
 * @sha256: lowercase hex of the content's SHA-256
 * @document_date: the date printed on it
 * @created_at: (nullable): UTC timestamp, set by the store
 * @created_by: (nullable): login, set by the store
 *
 * What is known of a stored document, without its bytes.
 */
typedef struct
{
  gint64       id;
  gint64       actor_id;
  gint64       action_id;
  char        *kind;
  int          level;
  char        *template_code;
  char        *language;
  char        *title;
  char        *file_name;
  char        *mime_type;
  gint64       size;
  char        *sha256;
  RelanceDate  document_date;
  char        *created_at;
  char        *created_by;
} RelanceDocumentInfo;

RelanceDocumentInfo *relance_document_info_new  (void);
void                 relance_document_info_free (RelanceDocumentInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceDocumentInfo, relance_document_info_free)

/* Stores @content as a new document: sets @info's id, size, sha256,
 * created_at and created_by. Never replaces a row. */
gboolean             relance_document_store_insert         (RelanceDatabase      *db,
                                                            RelanceDocumentInfo  *info,
                                                            GBytes               *content,
                                                            GError              **error);
/* NULL with no error when there is none */
RelanceDocumentInfo *relance_document_store_find           (RelanceDatabase      *db,
                                                            gint64                id,
                                                            GError              **error);
GBytes              *relance_document_store_get_content    (RelanceDatabase      *db,
                                                            gint64                id,
                                                            GError              **error);
/* Newest first (RelanceDocumentInfo *) */
GPtrArray           *relance_document_store_list_for_actor  (RelanceDatabase     *db,
                                                            gint64                actor_id,
                                                            GError              **error);
GPtrArray           *relance_document_store_list_for_action (RelanceDatabase     *db,
                                                            gint64                action_id,
                                                            GError              **error);
/* The automatic letter and formal-notice actions done by the run of
 * @run_date that have no document yet (gint64 ids) */
GArray              *relance_document_store_list_run_pending (RelanceDatabase    *db,
                                                             RelanceDate          run_date,
                                                             GError             **error);
/* The ids (gint64, ascending) of @actor_id's fee items that charged the
 * 40 € indemnity (interest_charge of kind indemnity): a document counts
 * them as indemnity, not as fees */
GArray              *relance_document_store_indemnity_items (RelanceDatabase     *db,
                                                            gint64               actor_id,
                                                            GError             **error);

G_END_DECLS
