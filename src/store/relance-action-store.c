/* relance-action-store.c — actions on cases, and the notifications between colleagues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-action-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-action-store.h"
#include "relance-database-private.h"

#define ACTION_COLUMNS \
  "id, case_id, actor_id, step_id, channel, automatic, status, level, planned_date," \
  " done_date, assigned_to, contact_id, title, outcome, comment, done_by, fee_invoice_id," \
  " run_date, created_at, created_by"
/* A step's action exists at most once per case (the unique index
 * action_once_per_step): a second insert is a no-op that the caller
 * sees, not an error that would spoil its transaction. */
#define SQL_INSERT \
  "INSERT INTO action (case_id, actor_id, step_id, channel, automatic, status, level," \
  " planned_date, done_date, assigned_to, contact_id, title, outcome, comment, done_by," \
  " fee_invoice_id, run_date, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17," \
  " ?18, ?19)" \
  " ON CONFLICT DO NOTHING"
#define SQL_INSERT_INVOICE \
  "INSERT OR IGNORE INTO action_invoice (action_id, invoice_id) VALUES (?1, ?2)"
#define SQL_SET_FEE "UPDATE action SET fee_invoice_id = ?2 WHERE id = ?1"
#define SQL_FIND "SELECT " ACTION_COLUMNS " FROM action WHERE id = ?1"
#define SQL_FIND_FOR_STEP \
  "SELECT " ACTION_COLUMNS " FROM action WHERE case_id = ?1 AND step_id = ?2"
#define SQL_STEP_STATE \
  "SELECT status, done_date FROM action WHERE case_id = ?1 AND step_id = ?2"
#define SQL_FIND_FOLLOW_UP \
  "SELECT " ACTION_COLUMNS " FROM action" \
  " WHERE case_id = ?1 AND step_id IS NULL AND status = 'done' AND done_date >= ?2" \
  " ORDER BY done_date DESC, id DESC LIMIT 1"
#define SQL_INVOICES \
  "SELECT invoice_id FROM action_invoice WHERE action_id = ?1 ORDER BY invoice_id"
#define SQL_LIST_FOR_CASE \
  "SELECT " ACTION_COLUMNS " FROM action WHERE case_id = ?1 ORDER BY planned_date, id"
#define SQL_LIST_FOR_ACTOR \
  "SELECT " ACTION_COLUMNS " FROM action WHERE actor_id = ?1" \
  " ORDER BY planned_date DESC, id DESC"
#define SQL_PERFORM \
  "UPDATE action SET status = ?2, done_date = ?3, outcome = ?4, comment = ?5, done_by = ?6" \
  " WHERE id = ?1 AND status = 'planned'"
#define SQL_CANCEL \
  "UPDATE action SET status = 'cancelled', done_date = ?2, comment = ?3, done_by = ?4" \
  " WHERE id = ?1 AND status = 'planned'"
#define SQL_PLANNED_FOR_CASE \
  "SELECT id FROM action WHERE case_id = ?1 AND status = 'planned' ORDER BY id"

/* The agenda: with an assignee, the partial index action_agenda gives the
 * rows in planned order; the WHERE repeats its condition. */
#define AGENDA_SELECT \
  "SELECT a.id, a.case_id, a.actor_id, a.step_id, a.channel, a.planned_date, a.level," \
  " a.assigned_to, a.title, ac.code, ac.name, c.agent_login, c.currency," \
  " coalesce(s.blocking, 0)" \
  " FROM action a" \
  " JOIN actor ac ON ac.id = a.actor_id" \
  " LEFT JOIN dunning_case c ON c.id = a.case_id" \
  " LEFT JOIN scenario_step s ON s.id = a.step_id"
#define AGENDA_FILTERS \
  " AND a.automatic = 0 AND a.planned_date BETWEEN ?2 AND ?3" \
  " AND (?4 IS NULL OR a.channel = ?4)" \
  " AND (?5 IS NULL OR ac.code = ?5)" \
  " AND (?6 IS NULL OR c.agent_login = ?6)" \
  " ORDER BY a.planned_date, a.id"
#define SQL_AGENDA_USER \
  AGENDA_SELECT " WHERE a.status = 'planned' AND a.assigned_to = ?1" AGENDA_FILTERS
#define SQL_AGENDA_ALL \
  AGENDA_SELECT " WHERE a.status = 'planned' AND ?1 IS NULL" AGENDA_FILTERS

#define SQL_NOTIFY \
  "INSERT INTO notification (action_id, recipient, message, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"
#define SQL_NOTIFICATIONS_UNREAD \
  "SELECT n.id, n.action_id, n.recipient, n.message, n.created_at, n.created_by, n.read_at," \
  " ac.code, a.title" \
  " FROM notification n JOIN action a ON a.id = n.action_id" \
  " JOIN actor ac ON ac.id = a.actor_id" \
  " WHERE n.recipient = ?1 AND n.read_at IS NULL ORDER BY n.id"
#define SQL_MARK_READ \
  "UPDATE notification SET read_at = ?3 WHERE id = ?1 AND recipient = ?2 AND read_at IS NULL"

static const char * const status_names[] = {
  [RELANCE_ACTION_PLANNED] = "planned",
  [RELANCE_ACTION_DONE] = "done",
  [RELANCE_ACTION_CANCELLED] = "cancelled",
  [RELANCE_ACTION_FAILED] = "failed",
};

/* Helpers */

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_date_or_null (sqlite3_stmt *stmt,
                   int           index,
                   RelanceDate   date)
{
  if (date != RELANCE_DATE_NONE)
    sqlite3_bind_int (stmt, index, date);
  else
    sqlite3_bind_null (stmt, index);
}

static RelanceAction *
action_from_row (sqlite3_stmt *stmt)
{
  RelanceAction *action = g_new0 (RelanceAction, 1);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->case_id = sqlite3_column_int64 (stmt, 1);
  action->actor_id = sqlite3_column_int64 (stmt, 2);
  action->step_id = sqlite3_column_int64 (stmt, 3);
  if (!relance_channel_from_string (relance_column_text (stmt, 4), &action->channel))
    action->channel = RELANCE_CHANNEL_TASK;
  action->automatic = sqlite3_column_int (stmt, 5) != 0;
  if (!relance_action_status_from_string (relance_column_text (stmt, 6), &action->status))
    action->status = RELANCE_ACTION_PLANNED;
  action->level = sqlite3_column_int (stmt, 7);
  action->planned_date = sqlite3_column_int (stmt, 8);
  action->done_date = sqlite3_column_int (stmt, 9);
  action->assigned_to = g_strdup (relance_column_text (stmt, 10));
  action->contact_id = sqlite3_column_int64 (stmt, 11);
  action->title = g_strdup (relance_column_text (stmt, 12));
  action->outcome = g_strdup (relance_column_text (stmt, 13));
  action->comment = g_strdup (relance_column_text (stmt, 14));
  action->done_by = g_strdup (relance_column_text (stmt, 15));
  action->fee_invoice_id = sqlite3_column_int64 (stmt, 16);
  action->run_date = sqlite3_column_int (stmt, 17);
  action->created_at = g_strdup (relance_column_text (stmt, 18));
  action->created_by = g_strdup (relance_column_text (stmt, 19));
  action->invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return action;
}

static char *
describe_action (const RelanceAction *action)
{
  g_autofree char *planned = relance_date_to_iso (action->planned_date);
  g_autofree char *done = action->done_date ? relance_date_to_iso (action->done_date) : g_strdup ("");

  return g_strdup_printf ("case-id: %" G_GINT64_FORMAT "\nactor-id: %" G_GINT64_FORMAT "\n"
                          "step-id: %" G_GINT64_FORMAT "\nchannel: %s\nstatus: %s\n"
                          "planned: %s\ndone: %s\nassigned-to: %s\ntitle: %s\noutcome: %s\n"
                          "comment: %s\ndone-by: %s",
                          action->case_id, action->actor_id, action->step_id,
                          relance_channel_to_string (action->channel),
                          relance_action_status_to_string (action->status), planned, done,
                          action->assigned_to ? action->assigned_to : "", action->title,
                          action->outcome ? action->outcome : "",
                          action->comment ? action->comment : "",
                          action->done_by ? action->done_by : "");
}

static gboolean
load_invoices (RelanceDatabase  *db,
               RelanceAction    *action,
               GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_INVOICES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (action->invoice_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the invoices of an action"));
      return FALSE;
    }
  return TRUE;
}

static RelanceAction *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  RelanceAction *action = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    action = action_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an action"));
  sqlite3_reset (stmt);
  return action;
}

static GPtrArray *
list_actions (RelanceDatabase  *db,
              sqlite3_stmt     *stmt,
              GError          **error)
{
  g_autoptr(GPtrArray) actions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) relance_action_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actions, action_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the actions"));
      return NULL;
    }
  return g_steal_pointer (&actions);
}

static gboolean
set_not_planned_error (RelanceDatabase  *db,
                       gint64            id,
                       GError          **error)
{
  g_autoptr(RelanceAction) action = relance_action_store_find (db, id, error);

  if (action == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no action %" PRId64), id);
      return FALSE;
    }
  g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
               _("The action %" PRId64 " is %s, not planned: it cannot be "
                 "performed or cancelled again"),
               id, relance_action_status_to_string (action->status));
  return FALSE;
}

/* Public API: actions in memory */

const char *
relance_action_status_to_string (RelanceActionStatus status)
{
  g_return_val_if_fail (status <= RELANCE_ACTION_FAILED, "planned");
  return status_names[status];
}

gboolean
relance_action_status_from_string (const char          *text,
                                   RelanceActionStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (RelanceActionStatus) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_action_new:
 * @actor_id: the actor
 * @channel: the channel
 * @title: what to do, as shown on the agenda
 * @planned_date: the day it is due
 *
 * Returns: (transfer full): a planned manual action, not stored yet
 */
RelanceAction *
relance_action_new (gint64          actor_id,
                    RelanceChannel  channel,
                    const char     *title,
                    RelanceDate     planned_date)
{
  RelanceAction *action = g_new0 (RelanceAction, 1);

  action->actor_id = actor_id;
  action->channel = channel;
  action->title = g_strdup (title);
  action->planned_date = planned_date;
  action->status = RELANCE_ACTION_PLANNED;
  action->invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return action;
}

void
relance_action_free (RelanceAction *action)
{
  if (action == NULL)
    return;
  g_free (action->assigned_to);
  g_free (action->title);
  g_free (action->outcome);
  g_free (action->comment);
  g_free (action->done_by);
  g_free (action->created_at);
  g_free (action->created_by);
  g_clear_pointer (&action->invoice_ids, g_array_unref);
  g_free (action);
}

/* Public API: the store */

/**
 * relance_action_store_insert:
 * @db: a #RelanceDatabase
 * @action: a new action (id 0); its id is set when it is created
 * @created: (out) (optional): %FALSE when the step's action existed
 * @error: a #GError
 *
 * Returns: %TRUE on success (also when the step's action existed)
 */
gboolean
relance_action_store_insert (RelanceDatabase  *db,
                             RelanceAction    *action,
                             gboolean         *created,
                             GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3 *handle = relance_database_get_handle (db);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (action != NULL && action->id == 0, FALSE);
  g_return_val_if_fail (action->planned_date > 0 && action->title != NULL, FALSE);

  if (created != NULL)
    *created = FALSE;
  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  bind_id_or_null (stmt, 1, action->case_id);
  sqlite3_bind_int64 (stmt, 2, action->actor_id);
  bind_id_or_null (stmt, 3, action->step_id);
  sqlite3_bind_text (stmt, 4, relance_channel_to_string (action->channel), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, action->automatic ? 1 : 0);
  sqlite3_bind_text (stmt, 6, relance_action_status_to_string (action->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, action->level);
  sqlite3_bind_int (stmt, 8, action->planned_date);
  bind_date_or_null (stmt, 9, action->done_date);
  relance_bind_text_or_null (stmt, 10, action->assigned_to);
  bind_id_or_null (stmt, 11, action->contact_id);
  sqlite3_bind_text (stmt, 12, action->title, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 13, action->outcome);
  relance_bind_text_or_null (stmt, 14, action->comment);
  relance_bind_text_or_null (stmt, 15, action->done_by);
  bind_id_or_null (stmt, 16, action->fee_invoice_id);
  bind_date_or_null (stmt, 17, action->run_date);
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 19, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    {
      if (error != NULL && *error != NULL && (*error)->code == RELANCE_STORE_ERROR_INVALID)
        g_prefix_error (error, _("The action names a case, step, contact or customer that "
                                 "does not exist: "));
      goto failed;
    }
  if (sqlite3_changes (handle) == 0)
    {
      /* The step's action exists: nothing to do */
      return relance_database_commit (db, error);
    }
  id = sqlite3_last_insert_rowid (handle);

  if (action->invoice_ids != NULL && action->invoice_ids->len > 0)
    {
      stmt = relance_database_prepare (db, SQL_INSERT_INVOICE, error);
      if (stmt == NULL)
        goto failed;
      for (guint i = 0; i < action->invoice_ids->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (action->invoice_ids, gint64, i));
          if (!relance_database_step_done (db, stmt, error))
            goto failed;
        }
    }

  after = describe_action (action);
  if (!relance_database_audit (db, "action", id, "create", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  action->id = id;
  g_free (action->created_at);
  action->created_at = g_steal_pointer (&now);
  g_free (action->created_by);
  action->created_by = g_strdup (relance_database_get_user (db));
  if (created != NULL)
    *created = TRUE;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_action_store_set_fee_invoice:
 * @db: a #RelanceDatabase
 * @id: an action
 * @invoice_id: the fee item it charged
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_action_store_set_fee_invoice (RelanceDatabase  *db,
                                      gint64            id,
                                      gint64            invoice_id,
                                      GError          **error)
{
  g_autofree char *after = g_strdup_printf ("fee-invoice-id: %" G_GINT64_FORMAT, invoice_id);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_SET_FEE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  if (!relance_database_step_done (db, stmt, error) ||
      !relance_database_audit (db, "action", id, "fee", NULL, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_action_store_find:
 * @db: a #RelanceDatabase
 * @id: an action's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the action with its items, %NULL
 *   with @error unset when there is none
 */
RelanceAction *
relance_action_store_find (RelanceDatabase  *db,
                           gint64            id,
                           GError          **error)
{
  g_autoptr(RelanceAction) action = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  action = find_one (db, stmt, error);
  if (action != NULL && !load_invoices (db, action, error))
    return NULL;
  return g_steal_pointer (&action);
}

/**
 * relance_action_store_find_for_step:
 * @db: a #RelanceDatabase
 * @case_id: a case
 * @step_id: a step of its scenario
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the step's action in the case
 *   (without its items), %NULL with @error unset when there is none
 */
RelanceAction *
relance_action_store_find_for_step (RelanceDatabase  *db,
                                    gint64            case_id,
                                    gint64            step_id,
                                    GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND_FOR_STEP, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, step_id);
  return find_one (db, stmt, error);
}

/**
 * relance_action_store_get_step_state:
 * @db: a #RelanceDatabase
 * @case_id: a case
 * @step_id: a step of its scenario
 * @found: (out): whether the step has an action in the case
 * @status: (out): its status
 * @done_date: (out): its done date, 0 when not done
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_action_store_get_step_state (RelanceDatabase      *db,
                                     gint64                case_id,
                                     gint64                step_id,
                                     gboolean             *found,
                                     RelanceActionStatus  *status,
                                     RelanceDate          *done_date,
                                     GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  *found = FALSE;
  stmt = relance_database_prepare (db, SQL_STEP_STATE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, step_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      if (!relance_action_status_from_string (relance_column_text (stmt, 0), status))
        *status = RELANCE_ACTION_PLANNED;
      *done_date = sqlite3_column_int (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an action"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * relance_action_store_find_follow_up:
 * @db: a #RelanceDatabase
 * @case_id: a case
 * @since: the first day that counts
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the latest action planned by hand
 *   in the case and done on or after @since, %NULL with @error unset
 *   when there is none
 */
RelanceAction *
relance_action_store_find_follow_up (RelanceDatabase  *db,
                                     gint64            case_id,
                                     RelanceDate       since,
                                     GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND_FOLLOW_UP, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, since);
  return find_one (db, stmt, error);
}

/**
 * relance_action_store_list_for_case:
 * @db: a #RelanceDatabase
 * @case_id: a case
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceAction): the case's
 *   actions by planned date then id; %NULL with @error set on failure
 */
GPtrArray *
relance_action_store_list_for_case (RelanceDatabase  *db,
                                    gint64            case_id,
                                    GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_FOR_CASE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return list_actions (db, stmt, error);
}

/**
 * relance_action_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceAction): the actor's
 *   actions, newest planned date first; %NULL with @error set on failure
 */
GPtrArray *
relance_action_store_list_for_actor (RelanceDatabase  *db,
                                     gint64            actor_id,
                                     GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_FOR_ACTOR, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  return list_actions (db, stmt, error);
}

/**
 * relance_action_store_perform:
 * @db: a #RelanceDatabase
 * @id: a planned action
 * @status: %RELANCE_ACTION_DONE (success) or %RELANCE_ACTION_FAILED
 * @done_date: the day it was done
 * @comment: (nullable): what happened
 * @error: a #GError
 *
 * Records the outcome, done by the database user, with an audit line.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND or
 *   RELANCE_STORE_ERROR_INVALID (the action is not planned)
 */
gboolean
relance_action_store_perform (RelanceDatabase      *db,
                              gint64                id,
                              RelanceActionStatus   status,
                              RelanceDate           done_date,
                              const char           *comment,
                              GError              **error)
{
  g_autoptr(RelanceAction) action = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status == RELANCE_ACTION_DONE || status == RELANCE_ACTION_FAILED, FALSE);
  g_return_val_if_fail (done_date > 0, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  action = relance_action_store_find (db, id, error);
  if (action == NULL || action->status != RELANCE_ACTION_PLANNED)
    {
      if (error == NULL || *error == NULL)
        set_not_planned_error (db, id, error);
      goto failed;
    }
  before = describe_action (action);

  stmt = relance_database_prepare (db, SQL_PERFORM, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, relance_action_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, done_date);
  sqlite3_bind_text (stmt, 4, status == RELANCE_ACTION_DONE ? "success" : "failure", -1,
                     SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 5, comment);
  sqlite3_bind_text (stmt, 6, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  action->status = status;
  action->done_date = done_date;
  g_free (action->outcome);
  action->outcome = g_strdup (status == RELANCE_ACTION_DONE ? "success" : "failure");
  g_free (action->comment);
  action->comment = g_strdup (comment);
  g_free (action->done_by);
  action->done_by = g_strdup (relance_database_get_user (db));
  after = describe_action (action);
  if (!relance_database_audit (db, "action", id, "perform", before, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_action_store_cancel:
 * @db: a #RelanceDatabase
 * @id: a planned action
 * @day: the day of the cancellation
 * @comment: (nullable): why
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND or
 *   RELANCE_STORE_ERROR_INVALID (the action is not planned)
 */
gboolean
relance_action_store_cancel (RelanceDatabase  *db,
                             gint64            id,
                             RelanceDate       day,
                             const char       *comment,
                             GError          **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_CANCEL, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, day);
  relance_bind_text_or_null (stmt, 3, comment);
  sqlite3_bind_text (stmt, 4, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      set_not_planned_error (db, id, error);
      goto failed;
    }
  after = g_strdup_printf ("status: planned → cancelled\ncomment: %s", comment ? comment : "");
  if (!relance_database_audit (db, "action", id, "cancel", NULL, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_action_store_cancel_planned_for_case:
 * @db: a #RelanceDatabase
 * @case_id: a case
 * @day: the day of the cancellation
 * @comment: (nullable): why
 * @n_cancelled: (out) (optional): how many actions were cancelled
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_action_store_cancel_planned_for_case (RelanceDatabase  *db,
                                              gint64            case_id,
                                              RelanceDate       day,
                                              const char       *comment,
                                              guint            *n_cancelled,
                                              GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (n_cancelled != NULL)
    *n_cancelled = 0;
  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_PLANNED_FOR_CASE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the actions"));
      goto failed;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!relance_action_store_cancel (db, g_array_index (ids, gint64, i), day, comment, error))
      goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  if (n_cancelled != NULL)
    *n_cancelled = ids->len;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/* Public API: the agenda */

void
relance_agenda_row_free (RelanceAgendaRow *row)
{
  if (row == NULL)
    return;
  g_free (row->assigned_to);
  g_free (row->title);
  g_free (row->actor_code);
  g_free (row->actor_name);
  g_free (row->case_agent);
  g_free (row);
}

/**
 * relance_action_store_list_agenda:
 * @db: a #RelanceDatabase
 * @query: what to read
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceAgendaRow): the
 *   planned manual actions that @query selects, by planned date then id;
 *   %NULL with @error set on failure
 */
GPtrArray *
relance_action_store_list_agenda (RelanceDatabase           *db,
                                  const RelanceAgendaQuery  *query,
                                  GError                   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = relance_database_prepare (db, query->assigned_to ? SQL_AGENDA_USER : SQL_AGENDA_ALL,
                                   error);
  if (stmt == NULL)
    return NULL;
  relance_bind_text_or_null (stmt, 1, query->assigned_to);
  sqlite3_bind_int (stmt, 2, query->from);
  sqlite3_bind_int (stmt, 3, query->to);
  if (query->has_channel)
    sqlite3_bind_text (stmt, 4, relance_channel_to_string (query->channel), -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 5, query->customer_code);
  relance_bind_text_or_null (stmt, 6, query->agent);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_agenda_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceAgendaRow *row = g_new0 (RelanceAgendaRow, 1);
      const char *currency;

      row->action_id = sqlite3_column_int64 (stmt, 0);
      row->case_id = sqlite3_column_int64 (stmt, 1);
      row->actor_id = sqlite3_column_int64 (stmt, 2);
      row->step_id = sqlite3_column_int64 (stmt, 3);
      if (!relance_channel_from_string (relance_column_text (stmt, 4), &row->channel))
        row->channel = RELANCE_CHANNEL_TASK;
      row->planned_date = sqlite3_column_int (stmt, 5);
      row->level = sqlite3_column_int (stmt, 6);
      row->assigned_to = g_strdup (relance_column_text (stmt, 7));
      row->title = g_strdup (relance_column_text (stmt, 8));
      row->actor_code = g_strdup (relance_column_text (stmt, 9));
      row->actor_name = g_strdup (relance_column_text (stmt, 10));
      row->case_agent = g_strdup (relance_column_text (stmt, 11));
      currency = relance_column_text (stmt, 12);
      g_strlcpy (row->currency, currency ? currency : "", sizeof row->currency);
      row->blocking = sqlite3_column_int (stmt, 13) != 0;
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the agenda"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Public API: notifications */

void
relance_notification_free (RelanceNotification *notification)
{
  if (notification == NULL)
    return;
  g_free (notification->recipient);
  g_free (notification->message);
  g_free (notification->created_at);
  g_free (notification->created_by);
  g_free (notification->read_at);
  g_free (notification->actor_code);
  g_free (notification->action_title);
  g_free (notification);
}

/**
 * relance_notification_store_insert:
 * @db: a #RelanceDatabase
 * @action_id: the action it is about
 * @recipient: the colleague's login
 * @message: (nullable): the message
 * @id: (out) (optional): the notification's id
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_notification_store_insert (RelanceDatabase  *db,
                                   gint64            action_id,
                                   const char       *recipient,
                                   const char       *message,
                                   gint64           *id,
                                   GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_NOTIFY, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, recipient, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 3, message);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  new_id = sqlite3_last_insert_rowid (relance_database_get_handle (db));
  after = g_strdup_printf ("action-id: %" G_GINT64_FORMAT "\nrecipient: %s\nmessage: %s",
                           action_id, recipient, message ? message : "");
  if (!relance_database_audit (db, "notification", new_id, "create", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_notification_store_list_unread:
 * @db: a #RelanceDatabase
 * @recipient: a login
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceNotification): the
 *   unread notifications of @recipient, oldest first; %NULL with @error
 *   set on failure
 */
GPtrArray *
relance_notification_store_list_unread (RelanceDatabase  *db,
                                        const char       *recipient,
                                        GError          **error)
{
  g_autoptr(GPtrArray) notifications = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_NOTIFICATIONS_UNREAD, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, recipient, -1, SQLITE_STATIC);
  notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_notification_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceNotification *n = g_new0 (RelanceNotification, 1);

      n->id = sqlite3_column_int64 (stmt, 0);
      n->action_id = sqlite3_column_int64 (stmt, 1);
      n->recipient = g_strdup (relance_column_text (stmt, 2));
      n->message = g_strdup (relance_column_text (stmt, 3));
      n->created_at = g_strdup (relance_column_text (stmt, 4));
      n->created_by = g_strdup (relance_column_text (stmt, 5));
      n->read_at = g_strdup (relance_column_text (stmt, 6));
      n->actor_code = g_strdup (relance_column_text (stmt, 7));
      n->action_title = g_strdup (relance_column_text (stmt, 8));
      g_ptr_array_add (notifications, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the notifications"));
      return NULL;
    }
  return g_steal_pointer (&notifications);
}

/**
 * relance_notification_store_mark_read:
 * @db: a #RelanceDatabase
 * @id: a notification
 * @recipient: the login it was sent to
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_notification_store_mark_read (RelanceDatabase  *db,
                                      gint64            id,
                                      const char       *recipient,
                                      GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_MARK_READ, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, recipient, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("%s has no unread notification %" PRId64), recipient, id);
      goto failed;
    }
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
