/* relance-action-delivery.c — what performing a manual action makes for
 * the debtor: its letter or formal notice, its email
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily run makes the documents and emails of its automatic actions
 * (relance_documents_generate_for_run, relance_mail_dispatch_run). An
 * agent who performs a manual letter, formal notice or email from the
 * action dialog gets the same things made here, so that everything done
 * is in the timeline without the command line.
 */
#define G_LOG_DOMAIN "relance-action-delivery"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-action-delivery.h"
#include "relance-actions.h"

/* The highest level of a letter: above, the formal notice takes over */
#define LETTER_MAX_LEVEL 2

/**
 * relance_action_makes_document:
 * @channel: a channel
 *
 * Returns: whether performing an action of @channel makes a document
 */
gboolean
relance_action_makes_document (RelanceChannel channel)
{
  return channel == RELANCE_CHANNEL_LETTER ||
         channel == RELANCE_CHANNEL_REGISTERED_LETTER ||
         channel == RELANCE_CHANNEL_FORMAL_NOTICE;
}

/**
 * relance_action_document_request:
 * @action: an action that makes a document
 * @day: the day it is made
 * @request: (out caller-allocates): the request
 *
 * Fills @request with the document that performing @action makes.
 */
void
relance_action_document_request (const RelanceAction    *action,
                                 RelanceDate             day,
                                 RelanceDocumentRequest *request)
{
  g_return_if_fail (action != NULL);
  g_return_if_fail (request != NULL);

  relance_document_request_init (request,
                                 action->channel == RELANCE_CHANNEL_FORMAL_NOTICE
                                 ? RELANCE_DOCUMENT_NOTICE : RELANCE_DOCUMENT_LETTER,
                                 action->actor_id, day);
  /* a registered letter sent at the notice level stays a letter: the
   * strongest one there is */
  request->level = CLAMP (action->level, 0, LETTER_MAX_LEVEL);
  request->action_id = action->id;
  /* NULL: the documents layer takes the action's items */
  request->invoice_ids = NULL;
}

/**
 * relance_action_perform_with_document:
 * @db: a database; its user is who performs the action
 * @action_id: a planned action
 * @day: the day it is done
 * @request: the outcome and what follows
 * @make_document: whether to make the action's document
 * @next_action_id: (out) (optional): the next action planned by hand
 * @document: (out) (optional) (nullable): the document made
 * @error: a #GError
 *
 * Returns: %FALSE with @error set, the database unchanged
 */
gboolean
relance_action_perform_with_document (RelanceDatabase              *db,
                                      gint64                        action_id,
                                      RelanceDate                   day,
                                      const RelancePerformRequest  *request,
                                      gboolean                      make_document,
                                      gint64                       *next_action_id,
                                      RelanceDocumentInfo         **document,
                                      GError                      **error)
{
  g_autoptr(RelanceAction) action = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  if (document != NULL)
    *document = NULL;
  if (!relance_database_begin (db, error))
    return FALSE;

  if (make_document)
    {
      action = relance_action_store_find (db, action_id, &local_error);
      if (action == NULL)
        {
          if (local_error == NULL)
            g_set_error (&local_error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                         _("There is no action %" PRId64), action_id);
          goto failed;
        }
      if (!relance_action_makes_document (action->channel))
        {
          g_set_error (&local_error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                       _("A %s makes no document"),
                       relance_channel_to_string (action->channel));
          goto failed;
        }
      if (action->status != RELANCE_ACTION_PLANNED)
        {
          g_set_error (&local_error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                       _("The action %" PRId64 " is not planned any more"), action_id);
          goto failed;
        }
      /* made before performing, so that it shows the case as the
       * customer is asked to settle it, not the step that follows */
      {
        RelanceDocumentRequest doc_request;

        relance_action_document_request (action, day, &doc_request);
        if (!relance_document_generate (db, &doc_request, &info, NULL, &local_error))
          goto failed;
      }
    }
  if (!relance_action_perform (db, action_id, day, request, next_action_id, &local_error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  if (document != NULL)
    *document = g_steal_pointer (&info);
  return TRUE;

failed:
  relance_database_rollback (db);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* The document an email carries, and the template that goes with it: a
 * letter or notice made for the action goes with the reminder, unless a
 * statement was made by an earlier attempt; else the statement, reused
 * or made now */
static gboolean
find_attachment (RelanceDatabase      *db,
                 const RelanceAction  *action,
                 RelanceDate           day,
                 gint64               *document_id,
                 const char          **template_code,
                 GError              **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  RelanceDocumentInfo *letter = NULL;

  documents = relance_document_store_list_for_action (db, action->id, error);
  if (documents == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      RelanceDocumentInfo *existing = g_ptr_array_index (documents, i);

      if (g_strcmp0 (existing->kind, "statement") == 0)
        {
          letter = NULL;
          break;
        }
      if (letter == NULL && (g_strcmp0 (existing->kind, "letter") == 0 ||
                             g_strcmp0 (existing->kind, "notice") == 0))
        letter = existing;
    }
  if (letter != NULL)
    {
      *document_id = letter->id;
      *template_code = "email_reminder";
      return TRUE;
    }
  *template_code = "email_statement";
  return relance_document_for_action (db, action->actor_id, action->id,
                                      RELANCE_DOCUMENT_STATEMENT, day, document_id, error);
}

/**
 * relance_action_send_email:
 * @db: a database
 * @action_id: an email action
 * @day: the day it is sent
 * @record: (out) (optional): the stored message
 * @error: a #GError
 *
 * Returns: %TRUE when the message is stored, whatever became of it
 */
gboolean
relance_action_send_email (RelanceDatabase    *db,
                           gint64              action_id,
                           RelanceDate         day,
                           RelanceMailRecord **record,
                           GError            **error)
{
  g_autoptr(RelanceAction) action = NULL;
  GError *local_error = NULL;
  const char *template_code = NULL;
  gint64 document_id = 0;
  gint64 mail_id = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (record != NULL)
    *record = NULL;
  action = relance_action_store_find (db, action_id, &local_error);
  if (action == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no action %" PRId64), action_id);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (action->channel != RELANCE_CHANNEL_EMAIL)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The action %" PRId64 " is not an email"), action_id);
      return FALSE;
    }
  if (!find_attachment (db, action, day, &document_id, &template_code, &local_error))
    {
      /* nothing to attach (nothing to claim, a template to fix): the
       * action says why, as the run's emails do */
      if (local_error->domain == RELANCE_DOCUMENT_ERROR)
        {
          g_autofree char *text = g_strdup_printf (_("Not sent: %s"), local_error->message);

          relance_mail_store_set_action_delivery (db, action->id, text, NULL);
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!relance_mail_send_document (db, action->actor_id, action->id, document_id, template_code,
                                   NULL, day, &mail_id, error))
    return FALSE;
  if (record != NULL)
    {
      *record = relance_mail_store_find (db, mail_id, error);
      if (*record == NULL)
        return FALSE;
    }
  return TRUE;
}
