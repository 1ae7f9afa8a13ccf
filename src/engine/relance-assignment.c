/* relance-assignment.c — which scenario and which agent follow an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hand choice wins: a scenario code set on the actor, an agent set
 * by hand. Otherwise the first active rule (by position) whose conditions
 * all hold gives the scenario, and its agent when it names one; an actor
 * that no rule matches follows the standard scenario with its own agent.
 */
#define G_LOG_DOMAIN "relance-assignment"

#include "config.h"

#include "relance-assignment.h"
#include "relance-collections.h"

/**
 * relance_assignment_rule_matches:
 * @rule: a rule
 * @profile: an actor
 * @outstanding_cents: its outstanding in the company currency
 * @days_late: days late of its oldest overdue item (0 when none)
 *
 * Returns: %TRUE when every condition that @rule sets holds; segments
 *   are compared without regard to case
 */
gboolean
relance_assignment_rule_matches (const RelanceAssignmentRule *rule,
                                 const RelanceActorProfile   *profile,
                                 gint64                       outstanding_cents,
                                 int                          days_late)
{
  g_return_val_if_fail (rule != NULL && profile != NULL, FALSE);

  if (!rule->active)
    return FALSE;
  if (rule->segment != NULL &&
      (profile->segment == NULL || g_ascii_strcasecmp (rule->segment, profile->segment) != 0))
    return FALSE;
  if (rule->actor_kind != RELANCE_RULE_ANY && rule->actor_kind != (int) profile->kind)
    return FALSE;
  if (rule->has_min_outstanding && outstanding_cents < rule->min_outstanding_cents)
    return FALSE;
  if (rule->has_max_outstanding && outstanding_cents > rule->max_outstanding_cents)
    return FALSE;
  if (rule->min_days_late != RELANCE_RULE_ANY && days_late < rule->min_days_late)
    return FALSE;
  return TRUE;
}

/**
 * relance_assignment_pick:
 * @profile: an actor
 * @rules: (element-type RelanceAssignmentRule): the rules by position
 * @outstanding_cents: the actor's outstanding in the company currency
 * @days_late: days late of its oldest overdue item (0 when none)
 * @assignment: (out caller-allocates): the choice
 */
void
relance_assignment_pick (const RelanceActorProfile *profile,
                         GPtrArray                 *rules,
                         gint64                     outstanding_cents,
                         int                        days_late,
                         RelanceAssignment         *assignment)
{
  const RelanceAssignmentRule *rule = NULL;

  g_return_if_fail (profile != NULL && assignment != NULL);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    if (relance_assignment_rule_matches (g_ptr_array_index (rules, i), profile,
                                         outstanding_cents, days_late))
      {
        rule = g_ptr_array_index (rules, i);
        break;
      }

  assignment->rule = rule;
  assignment->scenario_by_hand = profile->scenario_code != NULL;
  if (assignment->scenario_by_hand)
    assignment->scenario_code = profile->scenario_code;
  else if (rule != NULL)
    assignment->scenario_code = rule->scenario_code;
  else
    assignment->scenario_code = RELANCE_SCENARIO_STANDARD;

  assignment->agent_by_hand = profile->agent_by_hand;
  if (!profile->agent_by_hand && rule != NULL && rule->agent_login != NULL)
    assignment->agent_login = rule->agent_login;
  else
    assignment->agent_login = profile->agent;
}
