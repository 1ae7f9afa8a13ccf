/* relance-actions.h — performing an action: outcome, notifications, what comes next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * RelancePerformRequest:
 * @success: the outcome: success (the case goes on along the step's
 *   success branch) or failure (along its failure branch; a blocking
 *   step without one keeps the case waiting until a follow-up succeeds)
 * @comment: (nullable): what happened
 * @notify: (nullable) (array zero-terminated=1): logins of colleagues to
 *   notify, one notification each
 * @next_date: a next action planned by hand on that day, 0 for none
 * @next_channel: its channel
 * @next_title: (nullable): its title; %NULL: « Suivi : » and the title
 *   of the action performed
 *
 * What the agent records when performing an action.
 */
typedef struct
{
  gboolean            success;
  const char         *comment;
  const char * const *notify;
  RelanceDate         next_date;
  RelanceChannel      next_channel;
  const char         *next_title;
} RelancePerformRequest;

/**
 * relance_action_perform:
 * @db: a database; the database user is who performs the action
 * @action_id: a planned action
 * @day: the day it is done
 * @request: the outcome and what follows
 * @next_action_id: (out) (optional): the id of the next action planned
 *   by hand, 0 when none
 * @error: a #GError
 *
 * Records the outcome, moves the case on (the next daily run creates the
 * steps that follow; a hand-over to litigation done flags the case's
 * overdue items), notifies the colleagues and plans the next action, in
 * one transaction with audit lines.
 *
 * Returns: %FALSE with @error set: RELANCE_ENGINE_ERROR_NOT_FOUND (no such
 *   action), RELANCE_ENGINE_ERROR_REFUSED (not planned, unknown
 *   colleague, next action before @day), or a store error
 */
gboolean relance_action_perform (RelanceDatabase             *db,
                                 gint64                       action_id,
                                 RelanceDate                  day,
                                 const RelancePerformRequest *request,
                                 gint64                      *next_action_id,
                                 GError                     **error);

G_END_DECLS
