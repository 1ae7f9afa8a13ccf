/* relance-action-edit.c — editing a planned action, rescheduling it,
 * closing a case by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's action screen offers Edit, Change the schedule and Close
 * the case beside Perform. Each checks inside its write transaction, so
 * that the action cannot be performed by a colleague between the check
 * and the write.
 */
#define G_LOG_DOMAIN "relance-action-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-action-edit.h"
#include "relance-action-edit-store.h"
#include "relance-engine-error.h"

/* Helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static RelanceAction *
find_planned (RelanceDatabase  *db,
              gint64            action_id,
              GError          **error)
{
  GError *local_error = NULL;
  g_autoptr(RelanceAction) action = relance_action_store_find (db, action_id, &local_error);

  if (action == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no action %" PRId64), action_id);
      return NULL;
    }
  if (action->status != RELANCE_ACTION_PLANNED)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The action %" PRId64 " is %s: only a planned action can be changed."),
                   action_id, relance_action_status_to_string (action->status));
      return NULL;
    }
  return g_steal_pointer (&action);
}

static gboolean
check_assignee (RelanceDatabase  *db,
                const char       *login,
                GError          **error)
{
  g_autoptr(RelanceUser) user = NULL;
  GError *local_error = NULL;

  if (login == NULL)
    return TRUE;
  user = relance_user_store_find (db, login, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (user == NULL || !user->active)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("There is no active user “%s” to assign the action to."), login);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_contact (RelanceDatabase  *db,
               gint64            actor_id,
               gint64            contact_id,
               GError          **error)
{
  g_autoptr(GPtrArray) contacts = NULL;

  if (contact_id <= 0)
    return TRUE;
  contacts = relance_contact_store_list_for_actor (db, actor_id, error);
  if (contacts == NULL)
    return FALSE;
  for (guint i = 0; i < contacts->len; i++)
    if (relance_contact_get_id (g_ptr_array_index (contacts, i)) == contact_id)
      return TRUE;
  g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
               _("The contact %" PRId64 " is not one of the customer's."), contact_id);
  return FALSE;
}

static gboolean
check_date (RelanceDate   planned_date,
            RelanceDate   day,
            GError      **error)
{
  if (planned_date < day)
    {
      g_autofree char *today = relance_date_format (day, relance_money_current_language ());

      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("An action cannot be planned before today (%s)."), today);
      return FALSE;
    }
  return TRUE;
}

/* Public API */

/**
 * relance_action_edit:
 * @db: a database; its user is who changes the action
 * @action_id: a planned action
 * @edit: what it becomes
 * @day: today: the action cannot be moved before it
 * @error: a #GError
 *
 * Changes the title, channel, planned date, assignee and contact of a
 * planned action, with an audit line of what changed.
 *
 * Returns: %FALSE with @error set: RELANCE_ENGINE_ERROR_NOT_FOUND,
 *   RELANCE_ENGINE_ERROR_REFUSED (not planned, blank title, date before
 *   @day, unknown user, another customer's contact) or a store error
 */
gboolean
relance_action_edit (RelanceDatabase          *db,
                     gint64                    action_id,
                     const RelanceActionEdit  *edit,
                     RelanceDate               day,
                     GError                  **error)
{
  g_autoptr(RelanceAction) before = NULL;
  RelanceAction after;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (is_blank (edit->title))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("Say what the action is in its title."));
      return FALSE;
    }
  if (!check_date (edit->planned_date, day, error))
    return FALSE;

  if (!relance_database_begin (db, error))
    return FALSE;
  before = find_planned (db, action_id, error);
  if (before == NULL ||
      !check_assignee (db, edit->assigned_to, error) ||
      !check_contact (db, before->actor_id, edit->contact_id, error))
    goto failed;

  after = *before;
  after.title = (char *) edit->title;
  after.channel = edit->channel;
  after.planned_date = edit->planned_date;
  after.assigned_to = (char *) edit->assigned_to;
  after.contact_id = edit->contact_id;
  if (!relance_action_store_update (db, before, &after, "edited", error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_action_reschedule:
 * @db: a database
 * @action_id: a planned action
 * @planned_date: its new date, not before @day
 * @day: today
 * @error: a #GError
 *
 * Moves a planned action to another day (the agenda shows it then).
 *
 * Returns: %FALSE with @error set, as relance_action_edit()
 */
gboolean
relance_action_reschedule (RelanceDatabase  *db,
                           gint64            action_id,
                           RelanceDate       planned_date,
                           RelanceDate       day,
                           GError          **error)
{
  g_autoptr(RelanceAction) before = NULL;
  g_autofree char *why = NULL;
  RelanceAction after;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (!check_date (planned_date, day, error))
    return FALSE;
  if (!relance_database_begin (db, error))
    return FALSE;
  before = find_planned (db, action_id, error);
  if (before == NULL)
    goto failed;
  after = *before;
  after.planned_date = planned_date;
  if (!relance_action_store_update (db, before, &after, "rescheduled", error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_case_close:
 * @db: a database
 * @case_id: a case not closed
 * @day: the day it closes
 * @comment: (nullable): why, kept on the actions cancelled
 * @n_cancelled: (out) (optional): how many planned actions were cancelled
 * @error: a #GError
 *
 * Closes a case by hand and cancels its planned actions, in one
 * transaction with audit lines. The items stay open: if they are still
 * overdue, the next daily run opens a new case for them.
 *
 * Returns: %FALSE with @error set: RELANCE_ENGINE_ERROR_NOT_FOUND,
 *   RELANCE_ENGINE_ERROR_REFUSED (already closed) or a store error
 */
gboolean
relance_case_close (RelanceDatabase  *db,
                    gint64            case_id,
                    RelanceDate       day,
                    const char       *comment,
                    guint            *n_cancelled,
                    GError          **error)
{
  g_autoptr(RelanceCase) stored = NULL;
  GError *local_error = NULL;
  RelanceCase closed;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (n_cancelled != NULL)
    *n_cancelled = 0;
  if (!relance_database_begin (db, error))
    return FALSE;
  stored = relance_case_store_find (db, case_id, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no case %" PRId64), case_id);
      goto failed;
    }
  if (stored->status == RELANCE_CASE_CLOSED)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The case %" PRId64 " is already closed."), case_id);
      goto failed;
    }

  relance_case_copy_to (stored, &closed);
  closed.status = RELANCE_CASE_CLOSED;
  closed.closed_on = day;
  ok = relance_case_store_update (db, stored, &closed, "closed by hand", error) &&
       relance_action_store_cancel_planned_for_case (db, case_id, day,
                                                     comment != NULL ? comment : "closed by hand",
                                                     n_cancelled, error);
  relance_case_clear (&closed);
  if (!ok)
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
