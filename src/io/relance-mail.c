/* relance-mail.c — dunning emails: made, stored, sent or put in the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every email is stored (mail_message) before it is delivered, and the
 * outcome of each delivery is written back to the row and to the
 * action's delivery line that the agent reads: sent to whom, waiting in
 * the outbox (no server set), or the error and that the next run will
 * try again. A message is never dropped, even without an address.
 */
#define G_LOG_DOMAIN "relance-mail"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-mail.h"

/* What a batch of deliveries shares: the settings, and the password read
 * from the keyring once rather than once per message */
typedef struct
{
  RelanceDatabase     *db;
  RelanceMailSettings *settings;
  gboolean             password_read;
  char                *password;
  GError              *password_error;
} Delivery;

/* Helpers */

static gboolean
delivery_init (Delivery         *delivery,
               RelanceDatabase  *db,
               GError          **error)
{
  memset (delivery, 0, sizeof *delivery);
  delivery->db = db;
  delivery->settings = relance_mail_settings_load (db, error);
  return delivery->settings != NULL;
}

static void
delivery_clear (Delivery *delivery)
{
  g_clear_pointer (&delivery->settings, relance_mail_settings_free);
  if (delivery->password != NULL)
    {
      memset (delivery->password, 0, strlen (delivery->password));
      g_clear_pointer (&delivery->password, g_free);
    }
  g_clear_error (&delivery->password_error);
}

/* The password of the server's user, NULL when no user is set */
static gboolean
delivery_get_password (Delivery      *delivery,
                       GCancellable  *cancellable,
                       const char   **password,
                       GError       **error)
{
  const char *user = delivery->settings->user;

  *password = NULL;
  if (user == NULL || user[0] == '\0')
    return TRUE;
  if (!delivery->password_read)
    {
      delivery->password = relance_mail_password_lookup (delivery->settings, cancellable,
                                                         &delivery->password_error);
      delivery->password_read = TRUE;
    }
  if (delivery->password_error != NULL)
    {
      g_propagate_error (error, g_error_copy (delivery->password_error));
      return FALSE;
    }
  if (delivery->password == NULL)
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_KEYRING,
                   _("No password is kept for the user %s of the mail server %s; "
                     "enter it in the mail settings"),
                   user, delivery->settings->host);
      return FALSE;
    }
  *password = delivery->password;
  return TRUE;
}

/* The sender: the mail settings', else the company's address */
static char *
find_sender (Delivery *delivery)
{
  g_autoptr(RelanceCompany) company = NULL;

  if (delivery->settings->from_address != NULL)
    return g_strdup (delivery->settings->from_address);
  company = relance_company_store_load (delivery->db, NULL);
  if (company != NULL && company->email != NULL && company->email[0] != '\0')
    return g_strdup (company->email);
  return NULL;
}

static char *
find_sender_name (Delivery *delivery)
{
  g_autoptr(RelanceCompany) company = NULL;

  if (delivery->settings->from_name != NULL)
    return g_strdup (delivery->settings->from_name);
  company = relance_company_store_load (delivery->db, NULL);
  if (company != NULL && company->name != NULL && company->name[0] != '\0')
    return g_strdup (company->name);
  return NULL;
}

/* The action's contact, else the dunning contact, else the customer's
 * own address: the first of them that has an email */
static char **
find_recipients (RelanceDatabase  *db,
                 RelanceActor     *actor,
                 gint64            action_id,
                 GError          **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 contact_id = 0;
  const char *address = NULL;

  if (action_id != 0)
    {
      g_autoptr(RelanceAction) action = relance_action_store_find (db, action_id, error);

      if (action == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                         _("There is no action number %" PRId64), action_id);
          return NULL;
        }
      contact_id = action->contact_id;
    }
  contacts = relance_contact_store_list_for_actor (db, relance_actor_get_id (actor), error);
  if (contacts == NULL)
    return NULL;

  for (guint i = 0; address == NULL && contact_id != 0 && i < contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);

      if (relance_contact_get_id (contact) == contact_id &&
          relance_check_email (relance_contact_get_email (contact)))
        address = relance_contact_get_email (contact);
    }
  for (guint i = 0; address == NULL && i < contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);

      if (relance_contact_get_dunning (contact) &&
          relance_check_email (relance_contact_get_email (contact)))
        address = relance_contact_get_email (contact);
    }
  if (address == NULL && relance_check_email (relance_actor_get_email (actor)))
    address = relance_actor_get_email (actor);

  if (address != NULL)
    g_strv_builder_add (builder, address);
  return g_strv_builder_end (builder);
}

/* The name shown beside an address: its contact's, or the customer's */
static const char *
find_display_name (GPtrArray    *contacts,
                   RelanceActor *actor,
                   const char   *address)
{
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);
      const char *email = relance_contact_get_email (contact);

      if (email != NULL && g_ascii_strcasecmp (email, address) == 0)
        return relance_contact_get_name (contact);
    }
  return relance_actor_get_name (actor);
}

static char *
make_message_id (const char *sender)
{
  g_autofree char *uuid = g_uuid_string_random ();
  const char *at = sender != NULL ? strchr (sender, '@') : NULL;
  GString *id = g_string_new ("<");

  for (const char *p = uuid; *p; p++)
    if (*p != '-')
      g_string_append_c (id, *p);
  g_string_append_printf (id, ".relance@%s>", at != NULL ? at + 1 : "relance.invalid");
  return g_string_free (id, FALSE);
}

/* The message of @record as it goes out now: the settings' sender name
 * and reply-to, the stored text and the stored document */
static RelanceMailMessage *
build_message (Delivery           *delivery,
               RelanceMailRecord  *record,
               RelanceActor       *actor,
               GError            **error)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *from_name = find_sender_name (delivery);

  contacts = relance_contact_store_list_for_actor (delivery->db, record->actor_id, NULL);
  if (!relance_mail_message_set_from (message, from_name, record->sender, error) ||
      !relance_mail_message_set_reply_to (message, delivery->settings->reply_to, error) ||
      !relance_mail_message_set_subject (message, record->subject, error) ||
      !relance_mail_message_set_body (message, record->body, error) ||
      !relance_mail_message_set_message_id (message, record->message_id, error))
    return NULL;
  for (guint i = 0; record->recipients[i] != NULL; i++)
    if (!relance_mail_message_add_to (message,
                                      find_display_name (contacts, actor, record->recipients[i]),
                                      record->recipients[i], error))
      return NULL;

  if (record->document_id != 0)
    {
      g_autoptr(RelanceDocumentInfo) info = NULL;
      g_autoptr(GBytes) content = NULL;

      info = relance_document_store_find (delivery->db, record->document_id, error);
      if (info == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                         _("The document number %" PRId64 " to attach is missing"),
                         record->document_id);
          return NULL;
        }
      content = relance_document_store_get_content (delivery->db, record->document_id, error);
      if (content == NULL ||
          !relance_mail_message_add_attachment (message, info->file_name, info->mime_type,
                                                content, error))
        return NULL;
    }
  return g_steal_pointer (&message);
}

static char *
describe_failure (const RelanceMailRecord *record,
                  const char              *reason)
{
  if (record->attempts >= RELANCE_MAIL_MAX_ATTEMPTS)
    return g_strdup_printf (_("Not sent: %s; given up after %d attempts"), reason,
                            record->attempts);
  return g_strdup_printf (_("Not sent: %s; retried by the next run"), reason);
}

/* Writes the outcome of an attempt to the message and to its action */
static gboolean
record_outcome (Delivery           *delivery,
                RelanceMailRecord  *record,
                RelanceMailStatus   status,
                const char         *reason,
                const char         *outbox_path,
                GError            **error)
{
  g_autofree char *text = NULL;

  if (!relance_mail_store_set_status (delivery->db, record->id, status, reason, outbox_path,
                                      error))
    return FALSE;
  record->status = status;
  record->attempts++;
  g_free (record->last_error);
  record->last_error = g_strdup (status == RELANCE_MAIL_STATUS_FAILED ? reason : NULL);
  if (outbox_path != NULL)
    {
      g_free (record->outbox_path);
      record->outbox_path = g_strdup (outbox_path);
    }
  if (record->action_id == 0)
    return TRUE;

  if (status == RELANCE_MAIL_STATUS_SENT)
    {
      g_autofree char *to = relance_mail_record_join_recipients (record);

      text = g_strdup_printf (_("Sent to %s"), to);
    }
  else if (status == RELANCE_MAIL_STATUS_OUTBOX)
    text = g_strdup_printf (_("Waiting in the outbox: %s"), outbox_path);
  else
    text = describe_failure (record, reason);
  return relance_mail_store_set_action_delivery (delivery->db, record->action_id, text, error);
}

/* Fills in what a message lacked when it was stored (no address yet)
 * from the customer's data as it is now */
static gboolean
complete_addresses (Delivery           *delivery,
                    RelanceMailRecord  *record,
                    RelanceActor       *actor,
                    GError            **error)
{
  gboolean changed = FALSE;

  if (record->sender == NULL || record->sender[0] == '\0')
    {
      g_autofree char *sender = find_sender (delivery);

      if (sender != NULL)
        {
          g_free (record->sender);
          record->sender = g_steal_pointer (&sender);
          changed = TRUE;
        }
    }
  if (record->recipients[0] == NULL)
    {
      char **recipients = find_recipients (delivery->db, actor, record->action_id, error);

      if (recipients == NULL)
        return FALSE;
      if (recipients[0] != NULL)
        {
          g_strfreev (record->recipients);
          record->recipients = recipients;
          changed = TRUE;
        }
      else
        g_strfreev (recipients);
    }
  if (changed && record->sender != NULL)
    return relance_mail_store_set_addresses (delivery->db, record, error);
  return TRUE;
}

/* One attempt to deliver a stored message. A failure to deliver is
 * recorded and is no error; @error is for the database, or for a
 * cancellation, which leaves the message as it was. */
static gboolean
deliver_record (Delivery           *delivery,
                RelanceMailRecord  *record,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(RelanceMailMessage) message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) failure = NULL;
  const char *password;

  actor = relance_actor_store_find_by_id (delivery->db, record->actor_id, error);
  if (actor == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer number %" PRId64), record->actor_id);
      return FALSE;
    }
  if (!complete_addresses (delivery, record, actor, error))
    return FALSE;

  if (record->recipients[0] == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("No email address for %s (%s)"),
                                                 relance_actor_get_name (actor),
                                                 relance_actor_get_code (actor));

      return record_outcome (delivery, record, RELANCE_MAIL_STATUS_FAILED, reason, NULL, error);
    }
  if (record->sender == NULL || record->sender[0] == '\0')
    return record_outcome (delivery, record, RELANCE_MAIL_STATUS_FAILED,
                           _("No sender address; give it in the mail settings"), NULL, error);

  message = build_message (delivery, record, actor, &failure);
  if (message != NULL)
    bytes = relance_mail_message_to_bytes (message, &failure);
  if (bytes == NULL)
    {
      if (g_error_matches (failure, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_SQL) ||
          g_error_matches (failure, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_BUSY))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      return record_outcome (delivery, record, RELANCE_MAIL_STATUS_FAILED, failure->message,
                             NULL, error);
    }

  if (!relance_mail_settings_is_configured (delivery->settings))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *folder = relance_mail_settings_get_outbox (delivery->settings,
                                                                  delivery->db);
      g_autofree char *path = relance_outbox_write (folder, now, record->id,
                                                    relance_actor_get_code (actor), bytes,
                                                    &failure);

      if (path == NULL)
        return record_outcome (delivery, record, RELANCE_MAIL_STATUS_FAILED,
                               failure->message, NULL, error);
      return record_outcome (delivery, record, RELANCE_MAIL_STATUS_OUTBOX, NULL, path, error);
    }

  if (!delivery_get_password (delivery, cancellable, &password, &failure) ||
      !relance_smtp_send (delivery->settings, password,
                          relance_mail_message_get_envelope_from (message),
                          relance_mail_message_get_recipients (message),
                          bytes, cancellable, &failure))
    {
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      return record_outcome (delivery, record, RELANCE_MAIL_STATUS_FAILED, failure->message,
                             NULL, error);
    }
  return record_outcome (delivery, record, RELANCE_MAIL_STATUS_SENT, NULL, NULL, error);
}

static gboolean
send_document (Delivery            *delivery,
               gint64               actor_id,
               gint64               action_id,
               gint64               document_id,
               const char          *template_code,
               const char * const  *recipients,
               RelanceDate          day,
               GCancellable        *cancellable,
               RelanceMailRecord  **stored,
               GError             **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  actor = relance_actor_store_find_by_id (delivery->db, actor_id, error);
  if (actor == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer number %" PRId64), actor_id);
      return FALSE;
    }
  if (!relance_document_expand_message (delivery->db, template_code, actor_id, action_id, day,
                                        NULL, &subject, &body, error))
    return FALSE;

  record = relance_mail_record_new ();
  record->actor_id = actor_id;
  record->action_id = action_id;
  record->document_id = document_id;
  record->sender = find_sender (delivery);
  if (record->sender == NULL)
    record->sender = g_strdup ("");
  record->subject = g_steal_pointer (&subject);
  record->body = g_steal_pointer (&body);
  record->message_id = make_message_id (record->sender);
  g_strfreev (record->recipients);
  if (recipients != NULL)
    record->recipients = g_strdupv ((char **) recipients);
  else
    record->recipients = find_recipients (delivery->db, actor, action_id, error);
  if (record->recipients == NULL)
    {
      record->recipients = g_new0 (char *, 1);
      return FALSE;
    }

  if (!relance_mail_store_insert (delivery->db, record, error) ||
      !deliver_record (delivery, record, cancellable, error))
    return FALSE;
  if (stored != NULL)
    *stored = g_steal_pointer (&record);
  return TRUE;
}

static gboolean
is_statement_template (const char *template_code)
{
  return g_strcmp0 (template_code, "email_statement") == 0 ||
         g_strcmp0 (template_code, "email_courtesy") == 0;
}

/* The document an email of the run carries: the account statement for
 * the statement and courtesy emails, the letter or notice that the
 * reminder and notice emails carry (made by an earlier, interrupted
 * dispatch or made now), else the action's newest document; 0 for none */
static gboolean
find_attachment (RelanceDatabase  *db,
                 RelanceMailJob   *job,
                 const char       *template_code,
                 RelanceDate       day,
                 gint64           *document_id,
                 GError          **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  RelanceDocumentKind kind;

  *document_id = 0;
  if (is_statement_template (template_code))
    kind = RELANCE_DOCUMENT_STATEMENT;
  else if (g_strcmp0 (template_code, "email_formal_notice") == 0)
    kind = RELANCE_DOCUMENT_NOTICE;
  else if (g_strcmp0 (template_code, "email_reminder") == 0)
    kind = RELANCE_DOCUMENT_LETTER;
  else
    {
      /* an email that names no document carries what was made for it */
      documents = relance_document_store_list_for_action (db, job->action_id, error);
      if (documents == NULL)
        return FALSE;
      if (documents->len > 0)
        *document_id = ((RelanceDocumentInfo *) g_ptr_array_index (documents, 0))->id;
      return TRUE;
    }
  return relance_document_for_action (db, job->actor_id, job->action_id, kind, day,
                                      document_id, error);
}

static gboolean
is_database_error (const GError *error)
{
  return error->domain == RELANCE_STORE_ERROR &&
         (error->code == RELANCE_STORE_ERROR_SQL || error->code == RELANCE_STORE_ERROR_BUSY);
}

static void
count_outcome (RelanceMailReport       *report,
               const RelanceMailRecord *record)
{
  switch (record->status)
    {
    case RELANCE_MAIL_STATUS_SENT:
      report->sent++;
      break;
    case RELANCE_MAIL_STATUS_OUTBOX:
      report->outbox++;
      break;
    case RELANCE_MAIL_STATUS_QUEUED:
    case RELANCE_MAIL_STATUS_FAILED:
    default:
      report->failed++;
      break;
    }
}

/* Public API */

/**
 * relance_mail_send_document:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @action_id: the action it is sent for, 0 for none
 * @document_id: the stored document to attach, 0 for none
 * @template_code: an email template ("email_reminder"…)
 * @recipients: (nullable) (array zero-terminated=1): the addresses, %NULL
 *   for the action's contact, else the dunning contact, else the customer
 * @day: the day of the figures in the text
 * @mail_id: (out) (optional): the stored message's id
 * @error: a #GError
 *
 * Makes, stores and delivers one email (see relance-mail.h).
 *
 * Returns: %TRUE when the message is stored, whatever became of it
 */
gboolean
relance_mail_send_document (RelanceDatabase     *db,
                            gint64               actor_id,
                            gint64               action_id,
                            gint64               document_id,
                            const char          *template_code,
                            const char * const  *recipients,
                            RelanceDate          day,
                            gint64              *mail_id,
                            GError             **error)
{
  g_autoptr(RelanceMailRecord) record = NULL;
  Delivery delivery;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (template_code != NULL, FALSE);

  if (!delivery_init (&delivery, db, error))
    return FALSE;
  ok = send_document (&delivery, actor_id, action_id, document_id, template_code, recipients,
                      day, NULL, &record, error);
  delivery_clear (&delivery);
  if (ok && mail_id != NULL)
    *mail_id = record->id;
  return ok;
}

/**
 * relance_mail_deliver:
 * @db: a #RelanceDatabase
 * @mail_id: a stored message
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Returns: %TRUE when the attempt was made and recorded
 */
gboolean
relance_mail_deliver (RelanceDatabase  *db,
                      gint64            mail_id,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(RelanceMailRecord) record = NULL;
  Delivery delivery;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  record = relance_mail_store_find (db, mail_id, error);
  if (record == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no email number %" PRId64), mail_id);
      return FALSE;
    }
  if (!delivery_init (&delivery, db, error))
    return FALSE;
  ok = deliver_record (&delivery, record, cancellable, error);
  delivery_clear (&delivery);
  return ok;
}

/**
 * relance_mail_dispatch_run:
 * @db: a #RelanceDatabase
 * @day: the day of the run
 * @progress: (nullable): called between messages
 * @progress_data: its data
 * @cancellable: (nullable): a #GCancellable
 * @report: (out caller-allocates) (optional): what was done
 * @error: a #GError
 *
 * Returns: %TRUE when every message was stored and tried; %FALSE on a
 *   database error or a cancellation (what was done stays done)
 */
gboolean
relance_mail_dispatch_run (RelanceDatabase      *db,
                           RelanceDate           day,
                           RelanceProgressFunc   progress,
                           gpointer              progress_data,
                           GCancellable         *cancellable,
                           RelanceMailReport    *report,
                           GError              **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  RelanceMailReport counts = { 0 };
  Delivery delivery;
  gboolean ok = FALSE;
  guint n_messages, done = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (report != NULL)
    memset (report, 0, sizeof *report);
  /* the messages of earlier runs are listed first, so that a message
   * that fails now is not tried twice in the same run */
  pending = relance_mail_store_list_pending (db, error);
  if (pending == NULL)
    return FALSE;
  jobs = relance_mail_store_list_unsent_actions (db, day, error);
  if (jobs == NULL)
    return FALSE;
  if (!delivery_init (&delivery, db, error))
    return FALSE;
  n_messages = jobs->len + pending->len;

  for (guint i = 0; i < jobs->len; i++, done++)
    {
      RelanceMailJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(RelanceMailRecord) record = NULL;
      g_autoptr(GError) failure = NULL;
      const char *template_code = job->template_code ? job->template_code : "email_reminder";
      gint64 document_id = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (progress != NULL)
        progress ((double) done / n_messages, _("Sending the emails"), progress_data);

      if (find_attachment (db, job, template_code, day, &document_id, &failure) &&
          send_document (&delivery, job->actor_id, job->action_id, document_id, template_code,
                         NULL, day, cancellable, &record, &failure))
        {
          count_outcome (&counts, record);
          continue;
        }
      if (is_database_error (failure) ||
          g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          goto out;
        }
      /* no message could be made (a template, nothing to claim): the
       * action says why, and the next run of this day tries again */
      {
        g_autofree char *text = g_strdup_printf (_("Not sent: %s"), failure->message);

        if (!relance_mail_store_set_action_delivery (db, job->action_id, text, error))
          goto out;
        counts.failed++;
      }
    }

  for (guint i = 0; i < pending->len; i++, done++)
    {
      RelanceMailRecord *record = g_ptr_array_index (pending, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (progress != NULL)
        progress ((double) done / n_messages, _("Sending the emails again"), progress_data);
      if (!deliver_record (&delivery, record, cancellable, error))
        goto out;
      counts.retried++;
      count_outcome (&counts, record);
    }
  if (progress != NULL)
    progress (1.0, NULL, progress_data);
  ok = TRUE;

out:
  delivery_clear (&delivery);
  if (report != NULL)
    *report = counts;
  return ok;
}

/**
 * relance_mail_send_test:
 * @db: a #RelanceDatabase
 * @to: the address to send to
 * @error: a #GError
 *
 * Sends a short message with the stored settings, to check them.
 *
 * Returns: %TRUE when the server accepted it
 */
gboolean
relance_mail_send_test (RelanceDatabase  *db,
                        const char       *to,
                        GError          **error)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *from_name = NULL;
  g_autofree char *body = NULL;
  const char *password;
  Delivery delivery;
  gboolean ok = FALSE;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!delivery_init (&delivery, db, error))
    return FALSE;
  if (!relance_mail_settings_is_configured (delivery.settings))
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("No mail server is set: the emails go to the outbox. "
                             "Give a server to send a test message"));
      goto out;
    }
  sender = find_sender (&delivery);
  from_name = find_sender_name (&delivery);
  body = g_strdup_printf (_("This message was sent by Relance to check the mail settings "
                            "(server %s, port %u).\n"),
                          delivery.settings->host, delivery.settings->port);
  if (sender == NULL)
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("Give the sender’s email address in the mail settings"));
      goto out;
    }
  if (!relance_mail_message_set_from (message, from_name, sender, error) ||
      !relance_mail_message_set_reply_to (message, delivery.settings->reply_to, error) ||
      !relance_mail_message_add_to (message, NULL, to, error) ||
      !relance_mail_message_set_subject (message, _("Relance test message"), error) ||
      !relance_mail_message_set_body (message, body, error))
    goto out;
  bytes = relance_mail_message_to_bytes (message, error);
  if (bytes == NULL || !delivery_get_password (&delivery, NULL, &password, error))
    goto out;
  ok = relance_smtp_send (delivery.settings, password,
                          relance_mail_message_get_envelope_from (message),
                          relance_mail_message_get_recipients (message),
                          bytes, NULL, error);

out:
  delivery_clear (&delivery);
  return ok;
}
