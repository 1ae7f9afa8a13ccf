/* relance-assignment-store.h — the rules that give an actor its scenario and agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* A condition of a rule that is not set */
#define RELANCE_RULE_ANY (-1)

/**
 * RelanceAssignmentRule:
 * @position: rules are tried by position; the first whose conditions all
 *   hold wins
 * @segment: (nullable): the actor's segment, compared without regard to
 *   case; %NULL = any
 * @actor_kind: a #RelanceActorKind, or %RELANCE_RULE_ANY
 * @has_min_outstanding: whether @min_outstanding_cents is a condition
 * @has_max_outstanding: whether @max_outstanding_cents is a condition
 * @min_days_late: the oldest item's days late at least, or
 *   %RELANCE_RULE_ANY
 * @scenario_code: the scenario given
 * @agent_login: (nullable): the agent given; %NULL keeps the actor's own
 *
 * A rule of the segmentation (the seeds' queues): amounts are the
 * outstanding in the company currency.
 */
typedef struct
{
  gint64    id;
  int       position;
  char     *name;
  char     *segment;
  int       actor_kind;
  gboolean  has_min_outstanding;
  gint64    min_outstanding_cents;
  gboolean  has_max_outstanding;
  gint64    max_outstanding_cents;
  int       min_days_late;
  char     *scenario_code;
  char     *agent_login;
  gboolean  active;
} RelanceAssignmentRule;

RelanceAssignmentRule *relance_assignment_rule_new  (int          position,
                                                     const char  *name,
                                                     const char  *scenario_code);
void                   relance_assignment_rule_free (RelanceAssignmentRule *rule);

gboolean   relance_assignment_store_insert_rule (RelanceDatabase        *db,
                                                 RelanceAssignmentRule  *rule,
                                                 GError                **error);
/* The rules (RelanceAssignmentRule *) by position, the active ones only
 * unless @include_inactive */
GPtrArray *relance_assignment_store_list_rules  (RelanceDatabase        *db,
                                                 gboolean                include_inactive,
                                                 GError                **error);

/**
 * RelanceActorProfile:
 *
 * What the assignment of one actor depends on. The strings belong to the
 * #GStringChunk given to relance_assignment_store_load_profiles().
 * @scenario_code is the scenario set by hand (%NULL: by the rules);
 * @agent is the actor's agent login, set by hand when @agent_by_hand.
 */
typedef struct
{
  gint64            actor_id;
  RelanceActorKind  kind;
  const char       *segment;
  const char       *agent;
  const char       *scenario_code;
  gboolean          agent_by_hand;
} RelanceActorProfile;

/* Every actor's profile (RelanceActorProfile), by actor id; the strings
 * are interned in @strings so that a hundred thousand actors share a few
 * segment and agent strings. */
GArray   *relance_assignment_store_load_profiles (RelanceDatabase      *db,
                                                  GStringChunk         *strings,
                                                  GError              **error);
/* One actor's profile; FALSE with RELANCE_STORE_ERROR_NOT_FOUND when
 * there is no such actor */
gboolean  relance_assignment_store_get_profile   (RelanceDatabase      *db,
                                                  gint64                actor_id,
                                                  GStringChunk         *strings,
                                                  RelanceActorProfile  *profile,
                                                  GError              **error);

/* The hand choices, which win over the rules; each with an audit line.
 * @scenario_code NULL gives the choice back to the rules. */
gboolean  relance_assignment_store_set_scenario  (RelanceDatabase      *db,
                                                  gint64                actor_id,
                                                  const char           *scenario_code,
                                                  GError              **error);
/* @by_hand FALSE lets the rules choose the agent again (the login stays
 * the actor's default agent) */
gboolean  relance_assignment_store_set_agent     (RelanceDatabase      *db,
                                                  gint64                actor_id,
                                                  const char           *login,
                                                  gboolean              by_hand,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAssignmentRule, relance_assignment_rule_free)

G_END_DECLS
