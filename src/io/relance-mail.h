/* relance-mail.h — dunning emails: made, stored, sent or put in the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-documents.h"
#include "relance-mail-store.h"
#include "relance-mail-error.h"
#include "relance-mail-settings.h"
#include "relance-mail-message.h"
#include "relance-smtp.h"
#include "relance-outbox.h"

G_BEGIN_DECLS

/* Makes the email of @template_code for @actor_id (subject and body
 * filled by the documents layer), attaches the stored document
 * @document_id (0: none), stores it in mail_message and delivers it: to
 * the outbox when no server is configured, else through SMTP. The action
 * @action_id (0: none) gets in its delivery what became of it. A failed
 * delivery or a customer with no address is stored as failed, never
 * dropped, and this returns TRUE: @error is for what stops the message
 * from being made or stored at all (a template, the database). @recipients
 * (nullable): NULL for the action's contact, else the dunning contact,
 * else the customer's address. @mail_id (optional) gets the message's id. */
gboolean relance_mail_send_document (RelanceDatabase     *db,
                                     gint64               actor_id,
                                     gint64               action_id,
                                     gint64               document_id,
                                     const char          *template_code,
                                     const char * const  *recipients,
                                     RelanceDate          day,
                                     gint64              *mail_id,
                                     GError             **error);

/* Delivers again the stored message @mail_id (rebuilt from its row and
 * its document, under its Message-ID), updating its status and its
 * action's delivery; TRUE when it could be tried */
gboolean relance_mail_deliver       (RelanceDatabase     *db,
                                     gint64               mail_id,
                                     GCancellable        *cancellable,
                                     GError             **error);

/**
 * RelanceMailReport:
 * @sent: messages the server accepted
 * @outbox: messages written to the outbox
 * @failed: messages that failed (kept, retried by the next run)
 * @retried: of those, messages of earlier runs tried again
 *
 * What relance_mail_dispatch_run() did.
 */
typedef struct
{
  guint sent;
  guint outbox;
  guint failed;
  guint retried;
} RelanceMailReport;

/* The emails of the daily run of @day: for each automatic email action of
 * that run with no message yet, makes its attachment (the account
 * statement for email_statement and email_courtesy, else the action's
 * documents) and sends it with its step's template; then tries again
 * every pending failed message. Idempotent: nothing is sent twice.
 * Stops between two messages when @cancellable is cancelled. */
gboolean relance_mail_dispatch_run  (RelanceDatabase     *db,
                                     RelanceDate          day,
                                     RelanceProgressFunc  progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     RelanceMailReport   *report,
                                     GError             **error);

/* Sends a short test message to @to with the stored settings (and the
 * keyring's password): the error says why it did not go */
gboolean relance_mail_send_test     (RelanceDatabase     *db,
                                     const char          *to,
                                     GError             **error);

G_END_DECLS
