/* relance-mail-store.h — the dunning emails sent, waiting or failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* A failed message is tried again by the next runs, this many times in all */
#define RELANCE_MAIL_MAX_ATTEMPTS 5

typedef enum
{
  RELANCE_MAIL_STATUS_QUEUED,  /* stored, not delivered yet */
  RELANCE_MAIL_STATUS_SENT,    /* the server accepted it */
  RELANCE_MAIL_STATUS_OUTBOX,  /* no server: written as an .eml file */
  RELANCE_MAIL_STATUS_FAILED,  /* the last attempt failed: retried */
} RelanceMailStatus;

/* "queued", "sent", "outbox", "failed" */
const char *relance_mail_status_to_string   (RelanceMailStatus  status);
gboolean    relance_mail_status_from_string (const char        *text,
                                             RelanceMailStatus *status);

/**
 * RelanceMailRecord:
 * @id: 0 until stored
 * @actor_id: the customer
 * @action_id: the action it was sent for, 0 when sent by hand
 * @document_id: the document attached, 0 for none
 * @sender: the sender's address
 * @recipients: (array zero-terminated=1): the addresses, at least one
 *   unless the message failed for lack of an address
 * @subject: the subject
 * @body: the text
 * @message_id: the Message-ID header, "<…@…>", unique
 * @status: what became of it
 * @attempts: how many deliveries were attempted
 * @last_error: (nullable): why the last attempt failed
 * @outbox_path: (nullable): the .eml file of a message in the outbox
 * @created_at: (nullable): UTC timestamp, set by the store
 * @created_by: (nullable): login, set by the store
 * @sent_at: (nullable): UTC timestamp of the delivery
 *
 * One dunning email, as kept for the timeline and the retries.
 */
typedef struct
{
  gint64              id;
  gint64              actor_id;
  gint64              action_id;
  gint64              document_id;
  char               *sender;
  char              **recipients;
  char               *subject;
  char               *body;
  char               *message_id;
  RelanceMailStatus   status;
  int                 attempts;
  char               *last_error;
  char               *outbox_path;
  char               *created_at;
  char               *created_by;
  char               *sent_at;
} RelanceMailRecord;

RelanceMailRecord *relance_mail_record_new  (void);
void               relance_mail_record_free (RelanceMailRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceMailRecord, relance_mail_record_free)

/* The recipients as stored and shown: "a@b.fr, c@d.fr" */
char              *relance_mail_record_join_recipients (const RelanceMailRecord *record);

/* Stores @record (id 0) as queued with an audit line; sets its id,
 * created_at and created_by */
gboolean           relance_mail_store_insert      (RelanceDatabase    *db,
                                                   RelanceMailRecord  *record,
                                                   GError            **error);
/* Records an attempt: @status sent, outbox or failed; attempts + 1;
 * @error_text (failed) and @outbox_path (outbox) kept, sent_at set when
 * sent. Audited. */
gboolean           relance_mail_store_set_status  (RelanceDatabase    *db,
                                                   gint64              id,
                                                   RelanceMailStatus   status,
                                                   const char         *error_text,
                                                   const char         *outbox_path,
                                                   GError            **error);
/* Replaces the sender and recipients of a message not sent yet (an
 * address added to the customer since it failed for lack of one) */
gboolean           relance_mail_store_set_addresses (RelanceDatabase         *db,
                                                     const RelanceMailRecord *record,
                                                     GError                 **error);
/* NULL with no error when there is none */
RelanceMailRecord *relance_mail_store_find        (RelanceDatabase    *db,
                                                   gint64              id,
                                                   GError            **error);
/* The newest message of @action_id; NULL with no error when none */
RelanceMailRecord *relance_mail_store_find_by_action (RelanceDatabase *db,
                                                      gint64           action_id,
                                                      GError         **error);
/* What the next run delivers: queued messages, and failed ones with
 * fewer than RELANCE_MAIL_MAX_ATTEMPTS attempts, oldest first */
GPtrArray         *relance_mail_store_list_pending (RelanceDatabase   *db,
                                                    GError           **error);
/* An actor's messages, newest first */
GPtrArray         *relance_mail_store_list_for_actor (RelanceDatabase *db,
                                                      gint64           actor_id,
                                                      GError         **error);

/**
 * RelanceMailJob:
 * @action_id: an automatic email action
 * @actor_id: its customer
 * @contact_id: its contact, 0 for the dunning contact
 * @template_code: (nullable): its step's template
 *
 * An email that the daily run decided and nobody sent yet.
 */
typedef struct
{
  gint64  action_id;
  gint64  actor_id;
  gint64  contact_id;
  char   *template_code;
} RelanceMailJob;

void               relance_mail_job_free          (RelanceMailJob     *job);

/* The automatic email actions done by the run of @day that have no
 * message yet (RelanceMailJob *), by action id */
GPtrArray         *relance_mail_store_list_unsent_actions (RelanceDatabase *db,
                                                           RelanceDate      day,
                                                           GError         **error);
/* Sets action.delivery, what became of the action's letter or email
 * (« Sent to a@b.fr »); @text nullable */
gboolean           relance_mail_store_set_action_delivery (RelanceDatabase *db,
                                                           gint64           action_id,
                                                           const char      *text,
                                                           GError         **error);
/* action.delivery, NULL when not set */
char              *relance_mail_store_get_action_delivery (RelanceDatabase *db,
                                                           gint64           action_id,
                                                           GError         **error);

G_END_DECLS
