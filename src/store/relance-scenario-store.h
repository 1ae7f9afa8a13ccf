/* relance-scenario-store.h — dunning scenarios (scénarios de relance) and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* How an action reaches the customer (or whom it involves). The names
 * are the ones stored in scenario_step.channel and action.channel. */
typedef enum
{
  RELANCE_CHANNEL_EMAIL,
  RELANCE_CHANNEL_LETTER,
  RELANCE_CHANNEL_REGISTERED_LETTER, /* recommandé avec accusé de réception */
  RELANCE_CHANNEL_CALL,
  RELANCE_CHANNEL_SMS,
  RELANCE_CHANNEL_TASK,              /* an internal task */
  RELANCE_CHANNEL_VISIT,
  RELANCE_CHANNEL_FORMAL_NOTICE,     /* mise en demeure */
  RELANCE_CHANNEL_LITIGATION,        /* hand-over to litigation (contentieux) */
  RELANCE_N_CHANNELS
} RelanceChannel;

const char *relance_channel_to_string   (RelanceChannel  channel);
gboolean    relance_channel_from_string (const char     *text,
                                         RelanceChannel *channel);

/* What a step's trigger_days counts from */
typedef enum
{
  RELANCE_TRIGGER_DUE_DATE      = 0, /* the due date of the case's oldest overdue item */
  RELANCE_TRIGGER_PREVIOUS_STEP = 1, /* the day the previous step was done */
} RelanceTriggerRef;

/* Levels (niveaux de relance) that steps bring a case to */
typedef enum
{
  RELANCE_LEVEL_COURTESY       = 0,
  RELANCE_LEVEL_REMINDER_1     = 1,
  RELANCE_LEVEL_REMINDER_2     = 2,
  RELANCE_LEVEL_FORMAL_NOTICE  = 3,
  RELANCE_LEVEL_PRE_LITIGATION = 4,
  RELANCE_LEVEL_LITIGATION     = 5,
} RelanceLevel;

/**
 * RelanceScenarioStep:
 * @position: 1, 2, … in the scenario; the order of the walk
 * @trigger_days: days after (negative: before) the reference of
 *   @trigger_ref
 * @assignee_role: (nullable): "agent", "manager" or "admin": a manual
 *   step goes to the first user with that role when @assignee_login is
 *   not set
 * @next_success: the position the case goes to when the step's action
 *   succeeds; 0 = the next position
 * @next_failure: the position the case goes to when it fails; 0 = stay
 *   (a blocking step keeps the case waiting; the agent plans what
 *   follows by hand)
 *
 * One step of a scenario. Branches only go forward: a step runs at most
 * once per case, which is what makes the daily run idempotent.
 */
typedef struct
{
  gint64             id;
  gint64             scenario_id;
  int                position;
  char              *name;
  int                trigger_days;
  RelanceTriggerRef  trigger_ref;
  RelanceChannel     channel;
  gboolean           automatic;
  char              *template_key;
  char              *assignee_role;
  char              *assignee_login;
  gint64             fee_cents;
  gboolean           charge_interest;
  gboolean           blocking;
  int                level;
  int                duration_days;
  int                reminder_days;
  int                next_success;
  int                next_failure;
} RelanceScenarioStep;

/**
 * RelanceScenario:
 * @code: what actors and rules name the scenario by ("STANDARD"); the
 *   versions of a scenario share it
 * @steps: (element-type RelanceScenarioStep): by position
 *
 * A scenario version. Editing a scenario stores a new version; cases keep
 * the version they started on.
 */
typedef struct
{
  gint64      id;
  char       *code;
  int         version;
  char       *name;
  char       *description;
  gboolean    active;
  char       *created_at;
  char       *created_by;
  GPtrArray  *steps;
} RelanceScenario;

RelanceScenario           *relance_scenario_new        (const char            *code,
                                                        const char            *name);
void                       relance_scenario_free       (RelanceScenario       *scenario);
RelanceScenario           *relance_scenario_copy       (const RelanceScenario *scenario);
/* Appends a step at the next position, level 1, not blocking, no fee;
 * the caller sets the other fields on the returned step. */
RelanceScenarioStep       *relance_scenario_add_step   (RelanceScenario       *scenario,
                                                        const char            *name,
                                                        int                    trigger_days,
                                                        RelanceTriggerRef      trigger_ref,
                                                        RelanceChannel         channel,
                                                        gboolean               automatic);
const RelanceScenarioStep *relance_scenario_get_step   (const RelanceScenario *scenario,
                                                        int                    position);
const RelanceScenarioStep *relance_scenario_get_step_by_id (const RelanceScenario *scenario,
                                                            gint64                 step_id);
/* The step after @position in order, NULL at the end (@position 0: the first) */
const RelanceScenarioStep *relance_scenario_next_step  (const RelanceScenario *scenario,
                                                        int                    position);
gboolean                   relance_scenario_validate   (const RelanceScenario *scenario,
                                                        GError               **error);

/* A new scenario: version 1 of a code that no version uses yet.
 * RELANCE_STORE_ERROR_DUPLICATE when the code exists. */
gboolean         relance_scenario_store_insert      (RelanceDatabase  *db,
                                                     RelanceScenario  *scenario,
                                                     GError          **error);
/* An edit: stores @scenario as version + 1 of its code, active, and
 * deactivates the previous versions. RELANCE_STORE_ERROR_NOT_FOUND when
 * the code has no version yet. */
gboolean         relance_scenario_store_new_version (RelanceDatabase  *db,
                                                     RelanceScenario  *scenario,
                                                     GError          **error);
/* With their steps, by code then version; only the active versions
 * unless @include_inactive. */
GPtrArray       *relance_scenario_store_list        (RelanceDatabase  *db,
                                                     gboolean          include_inactive,
                                                     GError          **error);
/* The active version of @code with its steps; NULL with no error when none */
RelanceScenario *relance_scenario_store_find_active (RelanceDatabase  *db,
                                                     const char       *code,
                                                     GError          **error);
/* Any version by id with its steps; NULL with no error when none */
RelanceScenario *relance_scenario_store_get         (RelanceDatabase  *db,
                                                     gint64            id,
                                                     GError          **error);
gint64           relance_scenario_store_count       (RelanceDatabase  *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceScenario, relance_scenario_free)

G_END_DECLS
