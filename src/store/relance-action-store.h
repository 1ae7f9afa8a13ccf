/* relance-action-store.h — actions on cases, and the notifications between colleagues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"
#include "relance-scenario-store.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_ACTION_PLANNED,
  RELANCE_ACTION_DONE,       /* performed, outcome success */
  RELANCE_ACTION_CANCELLED,
  RELANCE_ACTION_FAILED,     /* performed, outcome failure */
} RelanceActionStatus;

const char *relance_action_status_to_string   (RelanceActionStatus  status);
gboolean    relance_action_status_from_string (const char          *text,
                                               RelanceActionStatus *status);

/* The user name that the daily run records (« par serveur ») */
#define RELANCE_SERVER_USER "server"

/**
 * RelanceAction:
 * @case_id: the case, 0 for an action on an actor without a case
 * @step_id: the scenario step it performs, 0 for an action planned by hand
 * @assigned_to: (nullable): the login whose agenda it is on
 * @fee_invoice_id: the fee item the action charged, 0 when none
 * @run_date: the daily run that created it, 0 when created by a person
 * @invoice_ids: (element-type gint64): the items the action is about
 *
 * One thing done or to do on a case.
 */
typedef struct
{
  gint64               id;
  gint64               case_id;
  gint64               actor_id;
  gint64               step_id;
  RelanceChannel       channel;
  gboolean             automatic;
  RelanceActionStatus  status;
  int                  level;
  RelanceDate          planned_date;
  RelanceDate          done_date;
  char                *assigned_to;
  gint64               contact_id;
  char                *title;
  char                *outcome;
  char                *comment;
  char                *done_by;
  gint64               fee_invoice_id;
  RelanceDate          run_date;
  char                *created_at;
  char                *created_by;
  GArray              *invoice_ids;
} RelanceAction;

RelanceAction *relance_action_new  (gint64          actor_id,
                                    RelanceChannel  channel,
                                    const char     *title,
                                    RelanceDate     planned_date);
void           relance_action_free (RelanceAction  *action);

/* Stores a new action with its items. The action of a scenario step is
 * stored once per case: when it exists, nothing is written, @created is
 * FALSE and @action's id stays 0. The action's status, done date and
 * outcome are stored as given (the daily run stores an automatic action
 * already done). created_by is the database user. */
gboolean       relance_action_store_insert        (RelanceDatabase      *db,
                                                   RelanceAction        *action,
                                                   gboolean             *created,
                                                   GError              **error);
/* Links the fee item that performing the action charged */
gboolean       relance_action_store_set_fee_invoice (RelanceDatabase    *db,
                                                     gint64              id,
                                                     gint64              invoice_id,
                                                     GError            **error);
/* NULL with no error when there is none; with its items */
RelanceAction *relance_action_store_find          (RelanceDatabase      *db,
                                                   gint64                id,
                                                   GError              **error);
/* The action of @step_id in @case_id (without its items); NULL with no
 * error when the step has none yet */
RelanceAction *relance_action_store_find_for_step (RelanceDatabase      *db,
                                                   gint64                case_id,
                                                   gint64                step_id,
                                                   GError              **error);
/* The status and done date of the action of @step_id in @case_id, with
 * no other column: what the daily run asks of every case that waits on
 * a step. *@found is FALSE when the step has no action in the case. */
gboolean       relance_action_store_get_step_state (RelanceDatabase      *db,
                                                    gint64                case_id,
                                                    gint64                step_id,
                                                    gboolean             *found,
                                                    RelanceActionStatus  *status,
                                                    RelanceDate          *done_date,
                                                    GError              **error);
/* The latest action planned by hand (no step) in @case_id, done on or
 * after @since (without its items); NULL with no error when none: a
 * follow-up that releases a case held by a failed blocking step */
RelanceAction *relance_action_store_find_follow_up (RelanceDatabase     *db,
                                                    gint64               case_id,
                                                    RelanceDate          since,
                                                    GError             **error);
/* A case's actions by planned date then id (without their items) */
GPtrArray     *relance_action_store_list_for_case (RelanceDatabase      *db,
                                                   gint64                case_id,
                                                   GError              **error);
/* An actor's actions, newest planned date first (without their items) */
GPtrArray     *relance_action_store_list_for_actor (RelanceDatabase     *db,
                                                    gint64               actor_id,
                                                    GError             **error);
/* Records the outcome of a planned action: @status DONE (success) or
 * FAILED (failure), with an audit line before → after.
 * RELANCE_STORE_ERROR_INVALID when the action is not planned. */
gboolean       relance_action_store_perform       (RelanceDatabase      *db,
                                                   gint64                id,
                                                   RelanceActionStatus   status,
                                                   RelanceDate           done_date,
                                                   const char           *comment,
                                                   GError              **error);
/* Cancels a planned action (nothing used is deleted) */
gboolean       relance_action_store_cancel        (RelanceDatabase      *db,
                                                   gint64                id,
                                                   RelanceDate           day,
                                                   const char           *comment,
                                                   GError              **error);
/* Cancels every planned action of a case (the case closes) */
gboolean       relance_action_store_cancel_planned_for_case (RelanceDatabase *db,
                                                             gint64           case_id,
                                                             RelanceDate      day,
                                                             const char      *comment,
                                                             guint           *n_cancelled,
                                                             GError         **error);

/**
 * RelanceAgendaQuery:
 * @assigned_to: (nullable): whose agenda; %NULL = everybody's
 * @from: the first planned date, 0 for no bound
 * @to: the last planned date (included)
 * @has_channel: whether @channel filters
 * @customer_code: (nullable): only this customer
 * @agent: (nullable): only the cases followed by this agent
 *
 * Which planned manual actions the agenda reads.
 */
typedef struct
{
  const char     *assigned_to;
  RelanceDate     from;
  RelanceDate     to;
  gboolean        has_channel;
  RelanceChannel  channel;
  const char     *customer_code;
  const char     *agent;
} RelanceAgendaQuery;

/**
 * RelanceAgendaRow:
 *
 * A planned manual action with what the agenda shows of its customer and
 * case. @currency is the case's, empty for an action without a case.
 */
typedef struct
{
  gint64          action_id;
  gint64          case_id;
  gint64          actor_id;
  gint64          step_id;
  RelanceChannel  channel;
  RelanceDate     planned_date;
  int             level;
  char           *assigned_to;
  char           *title;
  char           *actor_code;
  char           *actor_name;
  char           *case_agent;
  char            currency[4];
  gboolean        blocking;
} RelanceAgendaRow;

void       relance_agenda_row_free          (RelanceAgendaRow         *row);
/* By planned date then id */
GPtrArray *relance_action_store_list_agenda (RelanceDatabase          *db,
                                             const RelanceAgendaQuery *query,
                                             GError                  **error);

/**
 * RelanceNotification:
 *
 * A message to a colleague about an action, shown to them until read.
 * @actor_code and @action_title say what it is about.
 */
typedef struct
{
  gint64  id;
  gint64  action_id;
  char   *recipient;
  char   *message;
  char   *created_at;
  char   *created_by;
  char   *read_at;
  char   *actor_code;
  char   *action_title;
} RelanceNotification;

void       relance_notification_free              (RelanceNotification *notification);
/* One row per recipient; in the caller's transaction or its own */
gboolean   relance_notification_store_insert      (RelanceDatabase  *db,
                                                   gint64            action_id,
                                                   const char       *recipient,
                                                   const char       *message,
                                                   gint64           *id,
                                                   GError          **error);
/* The unread notifications of @recipient, oldest first */
GPtrArray *relance_notification_store_list_unread (RelanceDatabase  *db,
                                                   const char       *recipient,
                                                   GError          **error);
/* RELANCE_STORE_ERROR_NOT_FOUND when @recipient has no unread
 * notification @id */
gboolean   relance_notification_store_mark_read   (RelanceDatabase  *db,
                                                   gint64            id,
                                                   const char       *recipient,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAction, relance_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAgendaRow, relance_agenda_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceNotification, relance_notification_free)

G_END_DECLS
