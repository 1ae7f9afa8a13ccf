/* relance-assignment.h — which scenario and which agent follow an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * RelanceAssignment:
 * @scenario_code: the scenario the actor's new cases follow
 * @agent_login: (nullable): the agent who follows its cases
 * @scenario_by_hand: @scenario_code was set on the actor by hand
 * @agent_by_hand: @agent_login was set on the actor by hand
 * @rule: (nullable): the rule that chose what was not set by hand
 *
 * The strings belong to the profile and the rules given to
 * relance_assignment_pick().
 */
typedef struct
{
  const char                  *scenario_code;
  const char                  *agent_login;
  gboolean                     scenario_by_hand;
  gboolean                     agent_by_hand;
  const RelanceAssignmentRule *rule;
} RelanceAssignment;

gboolean relance_assignment_rule_matches (const RelanceAssignmentRule *rule,
                                          const RelanceActorProfile   *profile,
                                          gint64                       outstanding_cents,
                                          int                          days_late);

void     relance_assignment_pick         (const RelanceActorProfile   *profile,
                                          GPtrArray                   *rules,
                                          gint64                       outstanding_cents,
                                          int                          days_late,
                                          RelanceAssignment           *assignment);

G_END_DECLS
