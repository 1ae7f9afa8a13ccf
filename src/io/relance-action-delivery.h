/* relance-action-delivery.h — what performing a manual action makes for
 * the debtor: its letter or formal notice, its email
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-mail.h"

G_BEGIN_DECLS

/* Whether an action of @channel makes a document when it is performed:
 * letters, registered letters and formal notices */
gboolean relance_action_makes_document        (RelanceChannel                channel);

/* Fills @request with the document of @action on @day: a formal notice
 * for a formal_notice action, else a letter at the action's level (0 to
 * 2); the action's items. @request points into @action. */
void     relance_action_document_request      (const RelanceAction          *action,
                                               RelanceDate                   day,
                                               RelanceDocumentRequest       *request);

/* Performs @action_id as relance_action_perform() does and, when
 * @make_document, makes and stores its document first, in one
 * transaction: a document that cannot be made leaves the action planned
 * (the error says why). @document (optional) gets the stored row, NULL
 * when none was made. */
gboolean relance_action_perform_with_document (RelanceDatabase              *db,
                                               gint64                        action_id,
                                               RelanceDate                   day,
                                               const RelancePerformRequest  *request,
                                               gboolean                      make_document,
                                               gint64                       *next_action_id,
                                               RelanceDocumentInfo         **document,
                                               GError                      **error);

/* Sends the email of the action @action_id as the daily run would:
 * with the action's letter or notice (template email_reminder), else
 * with its account statement, made now if there is none
 * (email_statement). @record (optional) gets the stored message, whose
 * status says whether it was sent, put in the outbox or failed, and
 * the action's delivery (relance_action_store_get_delivery) says it for
 * people. FALSE when no message could be made or stored. */
gboolean relance_action_send_email            (RelanceDatabase              *db,
                                               gint64                        action_id,
                                               RelanceDate                   day,
                                               RelanceMailRecord           **record,
                                               GError                      **error);

G_END_DECLS
