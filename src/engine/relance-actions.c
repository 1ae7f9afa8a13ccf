/* relance-actions.c — performing an action: outcome, notifications, what comes next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-actions.h"
#include "relance-engine-error.h"

/* Helpers */

/* The case's undisputed items overdue on @day, in its currency */
static GArray *
overdue_items (RelanceDatabase    *db,
               const RelanceCase  *c,
               RelanceDate         day,
               GError            **error)
{
  g_autoptr(GPtrArray) invoices = relance_invoice_store_list_for_actor (db, c->actor_id, TRUE,
                                                                       error);
  g_autoptr(GArray) disputed = NULL;
  g_autoptr(GArray) ids = NULL;

  if (invoices == NULL)
    return NULL;
  disputed = relance_dispute_store_open_invoice_ids (db, c->actor_id, error);
  if (disputed == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < invoices->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (invoices, i);
      gint64 id = relance_invoice_get_id (invoice);

      if (relance_invoice_get_remaining_cents (invoice) > 0 &&
          relance_invoice_get_due_date (invoice) < day &&
          strcmp (relance_invoice_get_currency (invoice), c->currency) == 0 &&
          !relance_dispute_ids_contain (disputed, id))
        g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* The case moves on from the step its action performed, or from the
 * failed blocking step that a follow-up releases */
static gboolean
move_case (RelanceDatabase      *db,
           const RelanceAction  *action,
           RelanceDate           day,
           gboolean              success,
           GError              **error)
{
  g_autoptr(RelanceCase) stored = NULL;
  g_autoptr(RelanceScenario) scenario = NULL;
  g_autofree char *why = NULL;
  const RelanceScenarioStep *step = NULL;
  RelanceCase moved;
  gboolean current;
  gboolean ok = TRUE;
  int target = 0;

  stored = relance_case_store_find (db, action->case_id, error);
  if (stored == NULL)
    return error == NULL || *error == NULL;
  scenario = relance_scenario_store_get (db, stored->scenario_id, error);
  if (scenario == NULL)
    return error == NULL || *error == NULL;

  if (action->step_id != 0)
    {
      step = relance_scenario_get_step_by_id (scenario, action->step_id);
      current = step != NULL && step->position == stored->step_position;
      if (step != NULL)
        target = success ? step->next_success : step->next_failure;
    }
  else
    current = TRUE;

  if (step != NULL && step->channel == RELANCE_CHANNEL_LITIGATION && success)
    {
      g_autoptr(GArray) ids = overdue_items (db, stored, day, error);

      if (ids == NULL ||
          !relance_case_store_hand_over (db, stored->id, (const gint64 *) (const void *) ids->data,
                                         ids->len, error))
        return FALSE;
    }
  if (!current)
    return TRUE;

  if (step != NULL && target > 0)
    why = g_strdup_printf ("action %" G_GINT64_FORMAT " (step %d) %s; next: step %d",
                           action->id, step->position, success ? "succeeded" : "failed",
                           target);
  else if (step != NULL)
    why = g_strdup_printf ("action %" G_GINT64_FORMAT " (step %d) %s", action->id,
                           step->position, success ? "succeeded" : "failed");
  else
    why = g_strdup_printf ("action %" G_GINT64_FORMAT " %s", action->id,
                           success ? "succeeded" : "failed");
  relance_case_copy_to (stored, &moved);
  moved.last_step_date = MAX (moved.last_step_date, day);
  ok = relance_case_store_update (db, stored, &moved, why, error);
  relance_case_clear (&moved);
  return ok;
}

static gboolean
notify (RelanceDatabase      *db,
        const RelanceAction  *action,
        const char * const   *logins,
        const char           *comment,
        GError              **error)
{
  for (guint i = 0; logins != NULL && logins[i] != NULL; i++)
    {
      g_autoptr(RelanceUser) user = NULL;
      g_autofree char *message = NULL;
      GError *local_error = NULL;

      if (*logins[i] == '\0')
        continue;
      user = relance_user_store_find (db, logins[i], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (user == NULL)
        {
          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                       _("There is no user with the login “%s” to notify"), logins[i]);
          return FALSE;
        }
      message = comment != NULL && *comment != '\0' ? g_strdup (comment) : g_strdup (action->title);
      if (!relance_notification_store_insert (db, action->id, user->login, message, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
plan_next (RelanceDatabase              *db,
           const RelanceAction          *action,
           RelanceDate                   day,
           const RelancePerformRequest  *request,
           gint64                       *next_action_id,
           GError                      **error)
{
  g_autoptr(RelanceAction) next = NULL;
  g_autoptr(RelanceUser) performer = NULL;
  g_autofree char *title = NULL;
  GError *local_error = NULL;

  if (request->next_date < day)
    {
      g_autofree char *when = relance_date_to_iso (day);

      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The next action must be planned on %s or later"), when);
      return FALSE;
    }
  title = request->next_title != NULL && *request->next_title != '\0'
            ? g_strdup (request->next_title)
            : g_strdup_printf ("Suivi : %s", action->title);
  next = relance_action_new (action->actor_id, request->next_channel, title, request->next_date);
  next->case_id = action->case_id;
  next->level = action->level;
  next->contact_id = action->contact_id;
  g_array_append_vals (next->invoice_ids, action->invoice_ids->data, action->invoice_ids->len);

  /* On the agenda of who planned it when they are a user, else of the
   * one the action was for */
  performer = relance_user_store_find (db, relance_database_get_user (db), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  next->assigned_to = g_strdup (performer != NULL ? performer->login : action->assigned_to);
  if (!relance_action_store_insert (db, next, NULL, error))
    return FALSE;
  if (next_action_id != NULL)
    *next_action_id = next->id;
  return TRUE;
}

/* Public API */

gboolean
relance_action_perform (RelanceDatabase              *db,
                        gint64                        action_id,
                        RelanceDate                   day,
                        const RelancePerformRequest  *request,
                        gint64                       *next_action_id,
                        GError                      **error)
{
  g_autoptr(RelanceAction) action = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  if (next_action_id != NULL)
    *next_action_id = 0;
  if (!relance_database_begin (db, error))
    return FALSE;

  action = relance_action_store_find (db, action_id, &local_error);
  if (action == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no action %" PRId64), action_id);
      goto failed;
    }
  if (action->status != RELANCE_ACTION_PLANNED)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The action %" PRId64 " is %s already: only a planned action "
                     "can be performed"),
                   action_id, relance_action_status_to_string (action->status));
      goto failed;
    }

  if (!relance_action_store_perform (db, action_id,
                                     request->success ? RELANCE_ACTION_DONE : RELANCE_ACTION_FAILED,
                                     day, request->comment, error))
    goto failed;
  if (action->case_id != 0 && !move_case (db, action, day, request->success, error))
    goto failed;
  if (!notify (db, action, request->notify, request->comment, error))
    goto failed;
  if (request->next_date != 0 &&
      !plan_next (db, action, day, request, next_action_id, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  if (next_action_id != NULL)
    *next_action_id = 0;
  return FALSE;
}
