/* relance-scenario-store.c — dunning scenarios (scénarios de relance) and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-scenario-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-scenario-store.h"
#include "relance-user-store.h"
#include "relance-database-private.h"

#define SCENARIO_COLUMNS \
  "id, code, version, name, description, active, created_at, created_by"
#define STEP_COLUMNS \
  "id, scenario_id, position, name, trigger_days, trigger_ref, channel, automatic," \
  " template_key, assignee_role, assignee_login, fee_cents, charge_interest, blocking," \
  " level, duration_days, reminder_days, next_success, next_failure"

#define SQL_INSERT \
  "INSERT INTO scenario (code, version, name, description, active, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)"
#define SQL_INSERT_STEP \
  "INSERT INTO scenario_step (scenario_id, position, name, trigger_days, trigger_ref," \
  " channel, automatic, template_key, assignee_role, assignee_login, fee_cents," \
  " charge_interest, blocking, level, duration_days, reminder_days, next_success," \
  " next_failure)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
#define SQL_MAX_VERSION "SELECT max(version) FROM scenario WHERE code = ?1"
#define SQL_DEACTIVATE_OTHERS \
  "UPDATE scenario SET active = 0 WHERE code = ?1 AND id <> ?2 AND active = 1"
#define SQL_LIST_ALL \
  "SELECT " SCENARIO_COLUMNS " FROM scenario ORDER BY code, version"
#define SQL_LIST_ACTIVE \
  "SELECT " SCENARIO_COLUMNS " FROM scenario WHERE active = 1 ORDER BY code, version"
#define SQL_FIND_ACTIVE \
  "SELECT " SCENARIO_COLUMNS " FROM scenario WHERE code = ?1 AND active = 1" \
  " ORDER BY version DESC LIMIT 1"
#define SQL_GET "SELECT " SCENARIO_COLUMNS " FROM scenario WHERE id = ?1"
#define SQL_STEPS \
  "SELECT " STEP_COLUMNS " FROM scenario_step WHERE scenario_id = ?1 ORDER BY position"
#define SQL_COUNT "SELECT count(*) FROM scenario"

static const char * const channel_names[RELANCE_N_CHANNELS] = {
  [RELANCE_CHANNEL_EMAIL] = "email",
  [RELANCE_CHANNEL_LETTER] = "letter",
  [RELANCE_CHANNEL_REGISTERED_LETTER] = "registered_letter",
  [RELANCE_CHANNEL_CALL] = "call",
  [RELANCE_CHANNEL_SMS] = "sms",
  [RELANCE_CHANNEL_TASK] = "task",
  [RELANCE_CHANNEL_VISIT] = "visit",
  [RELANCE_CHANNEL_FORMAL_NOTICE] = "formal_notice",
  [RELANCE_CHANNEL_LITIGATION] = "litigation",
};

/* Helpers */

static void
step_free (gpointer data)
{
  RelanceScenarioStep *step = data;

  g_free (step->name);
  g_free (step->template_key);
  g_free (step->assignee_role);
  g_free (step->assignee_login);
  g_free (step);
}

static RelanceScenarioStep *
step_copy (const RelanceScenarioStep *step)
{
  RelanceScenarioStep *copy = g_memdup2 (step, sizeof *step);

  copy->name = g_strdup (step->name);
  copy->template_key = g_strdup (step->template_key);
  copy->assignee_role = g_strdup (step->assignee_role);
  copy->assignee_login = g_strdup (step->assignee_login);
  return copy;
}

static gboolean
code_is_valid (const char *code)
{
  gsize length = code ? strlen (code) : 0;

  if (length == 0 || length > 32)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!(g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID, message);
  return FALSE;
}

static char *
describe_scenario (const RelanceScenario *scenario)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "code: %s\nversion: %d\nname: %s\n",
                          scenario->code, scenario->version, scenario->name);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      g_string_append_printf (text,
                              "step %d: %s; %+d days from the %s; %s; %s%s%s; level %d;"
                              " fee %" G_GINT64_FORMAT "; success → %d; failure → %d\n",
                              step->position, step->name, step->trigger_days,
                              step->trigger_ref == RELANCE_TRIGGER_DUE_DATE
                                ? "due date" : "previous step",
                              relance_channel_to_string (step->channel),
                              step->automatic ? "automatic" : "manual",
                              step->blocking ? ", blocking" : "",
                              step->charge_interest ? ", interest" : "",
                              step->level, step->fee_cents,
                              step->next_success, step->next_failure);
    }
  return g_string_free (text, FALSE);
}

static RelanceScenario *
scenario_from_row (sqlite3_stmt *stmt)
{
  RelanceScenario *scenario = g_new0 (RelanceScenario, 1);

  scenario->id = sqlite3_column_int64 (stmt, 0);
  scenario->code = g_strdup (relance_column_text (stmt, 1));
  scenario->version = sqlite3_column_int (stmt, 2);
  scenario->name = g_strdup (relance_column_text (stmt, 3));
  scenario->description = g_strdup (relance_column_text (stmt, 4));
  scenario->active = sqlite3_column_int (stmt, 5) != 0;
  scenario->created_at = g_strdup (relance_column_text (stmt, 6));
  scenario->created_by = g_strdup (relance_column_text (stmt, 7));
  scenario->steps = g_ptr_array_new_with_free_func (step_free);
  return scenario;
}

static RelanceScenarioStep *
step_from_row (sqlite3_stmt *stmt)
{
  RelanceScenarioStep *step = g_new0 (RelanceScenarioStep, 1);

  step->id = sqlite3_column_int64 (stmt, 0);
  step->scenario_id = sqlite3_column_int64 (stmt, 1);
  step->position = sqlite3_column_int (stmt, 2);
  step->name = g_strdup (relance_column_text (stmt, 3));
  step->trigger_days = sqlite3_column_int (stmt, 4);
  step->trigger_ref = sqlite3_column_int (stmt, 5) == 1 ? RELANCE_TRIGGER_PREVIOUS_STEP
                                                         : RELANCE_TRIGGER_DUE_DATE;
  if (!relance_channel_from_string (relance_column_text (stmt, 6), &step->channel))
    step->channel = RELANCE_CHANNEL_TASK;
  step->automatic = sqlite3_column_int (stmt, 7) != 0;
  step->template_key = g_strdup (relance_column_text (stmt, 8));
  step->assignee_role = g_strdup (relance_column_text (stmt, 9));
  step->assignee_login = g_strdup (relance_column_text (stmt, 10));
  step->fee_cents = sqlite3_column_int64 (stmt, 11);
  step->charge_interest = sqlite3_column_int (stmt, 12) != 0;
  step->blocking = sqlite3_column_int (stmt, 13) != 0;
  step->level = sqlite3_column_int (stmt, 14);
  step->duration_days = sqlite3_column_int (stmt, 15);
  step->reminder_days = sqlite3_column_int (stmt, 16);
  step->next_success = sqlite3_column_int (stmt, 17);
  step->next_failure = sqlite3_column_int (stmt, 18);
  return step;
}

static gboolean
load_steps (RelanceDatabase  *db,
            RelanceScenario  *scenario,
            GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_STEPS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (scenario->steps, step_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the steps of a scenario"));
      return FALSE;
    }
  return TRUE;
}

static RelanceScenario *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  g_autoptr(RelanceScenario) scenario = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    scenario = scenario_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a scenario"));
  sqlite3_reset (stmt);
  if (scenario != NULL && !load_steps (db, scenario, error))
    return NULL;
  return g_steal_pointer (&scenario);
}

/* The highest version of @code, 0 when it has none, -1 on error */
static int
max_version (RelanceDatabase  *db,
             const char       *code,
             GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_MAX_VERSION, error);
  int version = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("read a scenario"));
  sqlite3_reset (stmt);
  return version;
}

static gboolean
insert_step (RelanceDatabase      *db,
             gint64                scenario_id,
             RelanceScenarioStep  *step,
             GError              **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_INSERT_STEP, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int (stmt, 2, step->position);
  sqlite3_bind_text (stmt, 3, step->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, step->trigger_days);
  sqlite3_bind_int (stmt, 5, step->trigger_ref);
  sqlite3_bind_text (stmt, 6, relance_channel_to_string (step->channel), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, step->automatic ? 1 : 0);
  relance_bind_text_or_null (stmt, 8, step->template_key);
  relance_bind_text_or_null (stmt, 9, step->assignee_role);
  relance_bind_text_or_null (stmt, 10, step->assignee_login);
  sqlite3_bind_int64 (stmt, 11, step->fee_cents);
  sqlite3_bind_int (stmt, 12, step->charge_interest ? 1 : 0);
  sqlite3_bind_int (stmt, 13, step->blocking ? 1 : 0);
  sqlite3_bind_int (stmt, 14, step->level);
  sqlite3_bind_int (stmt, 15, step->duration_days);
  sqlite3_bind_int (stmt, 16, step->reminder_days);
  if (step->next_success > 0)
    sqlite3_bind_int (stmt, 17, step->next_success);
  if (step->next_failure > 0)
    sqlite3_bind_int (stmt, 18, step->next_failure);
  if (!relance_database_step_done (db, stmt, error))
    return FALSE;
  step->id = sqlite3_last_insert_rowid (relance_database_get_handle (db));
  step->scenario_id = scenario_id;
  return TRUE;
}

/* Inserts @scenario as @version, with its steps and an audit line. In
 * the caller's transaction. */
static gboolean
insert_version (RelanceDatabase  *db,
                RelanceScenario  *scenario,
                int               version,
                const char       *audit_action,
                GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scenario->code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, scenario->name, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 4, scenario->description);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, relance_database_get_user (db), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                     _("The scenario “%s” already has a version %d"), scenario->code, version);
      else
        relance_database_set_sql_error (db, error, _("save the scenario"));
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  for (guint i = 0; i < scenario->steps->len; i++)
    if (!insert_step (db, id, g_ptr_array_index (scenario->steps, i), error))
      return FALSE;

  scenario->id = id;
  scenario->version = version;
  scenario->active = TRUE;
  g_free (scenario->created_at);
  scenario->created_at = g_strdup (now);
  g_free (scenario->created_by);
  scenario->created_by = g_strdup (relance_database_get_user (db));

  after = describe_scenario (scenario);
  return relance_database_audit (db, "scenario", id, audit_action, NULL, after, error);
}

static GPtrArray *
list_scenarios (RelanceDatabase  *db,
                sqlite3_stmt     *stmt,
                GError          **error)
{
  g_autoptr(GPtrArray) scenarios =
    g_ptr_array_new_with_free_func ((GDestroyNotify) relance_scenario_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (scenarios, scenario_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the scenarios"));
      return NULL;
    }
  for (guint i = 0; i < scenarios->len; i++)
    if (!load_steps (db, g_ptr_array_index (scenarios, i), error))
      return NULL;
  return g_steal_pointer (&scenarios);
}

/* Public API: channels */

const char *
relance_channel_to_string (RelanceChannel channel)
{
  g_return_val_if_fail (channel < RELANCE_N_CHANNELS, "task");
  return channel_names[channel];
}

gboolean
relance_channel_from_string (const char     *text,
                             RelanceChannel *channel)
{
  for (guint i = 0; i < RELANCE_N_CHANNELS; i++)
    if (g_strcmp0 (text, channel_names[i]) == 0)
      {
        *channel = (RelanceChannel) i;
        return TRUE;
      }
  return FALSE;
}

/* Public API: scenarios in memory */

/**
 * relance_scenario_new:
 * @code: the code (upper-case letters, digits, '_' and '-')
 * @name: the name shown to people
 *
 * Returns: (transfer full): a scenario with no step, not stored yet
 */
RelanceScenario *
relance_scenario_new (const char *code,
                      const char *name)
{
  RelanceScenario *scenario = g_new0 (RelanceScenario, 1);

  scenario->code = g_strdup (code);
  scenario->name = g_strdup (name);
  scenario->version = 1;
  scenario->active = TRUE;
  scenario->steps = g_ptr_array_new_with_free_func (step_free);
  return scenario;
}

void
relance_scenario_free (RelanceScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->code);
  g_free (scenario->name);
  g_free (scenario->description);
  g_free (scenario->created_at);
  g_free (scenario->created_by);
  g_clear_pointer (&scenario->steps, g_ptr_array_unref);
  g_free (scenario);
}

/**
 * relance_scenario_copy:
 * @scenario: a scenario
 *
 * A deep copy, for an edit that will be stored as a new version.
 *
 * Returns: (transfer full): the copy
 */
RelanceScenario *
relance_scenario_copy (const RelanceScenario *scenario)
{
  RelanceScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = relance_scenario_new (scenario->code, scenario->name);
  copy->id = scenario->id;
  copy->version = scenario->version;
  copy->description = g_strdup (scenario->description);
  copy->active = scenario->active;
  copy->created_at = g_strdup (scenario->created_at);
  copy->created_by = g_strdup (scenario->created_by);
  for (guint i = 0; i < scenario->steps->len; i++)
    g_ptr_array_add (copy->steps, step_copy (g_ptr_array_index (scenario->steps, i)));
  return copy;
}

/**
 * relance_scenario_add_step:
 * @scenario: a scenario
 * @name: the step's name (data, in the language of the letters)
 * @trigger_days: days from the reference; negative = before the due date
 * @trigger_ref: the reference
 * @channel: the channel
 * @automatic: performed by the daily run rather than by a person
 *
 * Returns: (transfer none): the new step, at the next position
 */
RelanceScenarioStep *
relance_scenario_add_step (RelanceScenario   *scenario,
                           const char        *name,
                           int                trigger_days,
                           RelanceTriggerRef  trigger_ref,
                           RelanceChannel     channel,
                           gboolean           automatic)
{
  RelanceScenarioStep *step;
  int position = 1;

  g_return_val_if_fail (scenario != NULL, NULL);

  if (scenario->steps->len > 0)
    {
      const RelanceScenarioStep *last = g_ptr_array_index (scenario->steps, scenario->steps->len - 1);

      position = last->position + 1;
    }
  step = g_new0 (RelanceScenarioStep, 1);
  step->position = position;
  step->name = g_strdup (name);
  step->trigger_days = trigger_days;
  step->trigger_ref = trigger_ref;
  step->channel = channel;
  step->automatic = automatic;
  step->level = RELANCE_LEVEL_REMINDER_1;
  g_ptr_array_add (scenario->steps, step);
  return step;
}

/**
 * relance_scenario_get_step:
 * @scenario: a scenario
 * @position: a position
 *
 * Returns: (transfer none) (nullable): the step at @position
 */
const RelanceScenarioStep *
relance_scenario_get_step (const RelanceScenario *scenario,
                           int                    position)
{
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      if (step->position == position)
        return step;
    }
  return NULL;
}

const RelanceScenarioStep *
relance_scenario_get_step_by_id (const RelanceScenario *scenario,
                                 gint64                 step_id)
{
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      if (step->id == step_id)
        return step;
    }
  return NULL;
}

/**
 * relance_scenario_next_step:
 * @scenario: a scenario
 * @position: a position, or 0 for the start
 *
 * Returns: (transfer none) (nullable): the step with the smallest
 *   position above @position, %NULL after the last step
 */
const RelanceScenarioStep *
relance_scenario_next_step (const RelanceScenario *scenario,
                            int                    position)
{
  /* Steps are kept by position */
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      if (step->position > position)
        return step;
    }
  return NULL;
}

/**
 * relance_scenario_validate:
 * @scenario: a scenario
 * @error: a #GError
 *
 * The controls that a stored scenario passes: a code and a name, at least
 * one step, positions increasing from 1, known roles, levels 0 to 5, no
 * negative fee, a first step that does not count from a previous one,
 * and branches that go forward to an existing step.
 *
 * Returns: %TRUE when the scenario can be stored; %FALSE with
 *   RELANCE_STORE_ERROR_INVALID saying what to change
 */
gboolean
relance_scenario_validate (const RelanceScenario  *scenario,
                           GError                **error)
{
  int previous = 0;

  g_return_val_if_fail (scenario != NULL, FALSE);

  if (!code_is_valid (scenario->code))
    return invalid (error, _("“%s” cannot be a scenario code: use 1 to 32 upper-case letters, "
                             "digits, dashes or underscores"),
                    scenario->code ? scenario->code : "");
  if (!has_text (scenario->name))
    return invalid (error, _("The scenario “%s” needs a name"), scenario->code);
  if (scenario->steps->len == 0)
    return invalid (error, _("The scenario “%s” needs at least one step"), scenario->code);

  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);
      RelanceUserRole role;

      if (step->position <= previous)
        return invalid (error, _("The steps of the scenario “%s” must have increasing positions "
                                 "from 1 (step %d)"),
                        scenario->code, step->position);
      previous = step->position;
      if (!has_text (step->name))
        return invalid (error, _("Step %d of the scenario “%s” needs a name"),
                        step->position, scenario->code);
      if (step->channel >= RELANCE_N_CHANNELS)
        return invalid (error, _("Step %d of the scenario “%s” has no valid channel"),
                        step->position, scenario->code);
      if (step->level < RELANCE_LEVEL_COURTESY || step->level > RELANCE_LEVEL_LITIGATION)
        return invalid (error, _("Step %d of the scenario “%s” has level %d: levels go from 0 "
                                 "(courtesy) to 5 (litigation)"),
                        step->position, scenario->code, step->level);
      if (step->fee_cents < 0)
        return invalid (error, _("Step %d of the scenario “%s” has a negative fee"),
                        step->position, scenario->code);
      if (i == 0 && step->trigger_ref == RELANCE_TRIGGER_PREVIOUS_STEP)
        return invalid (error, _("The first step of the scenario “%s” cannot count from a "
                                 "previous step: count it from the due date"),
                        scenario->code);
      if (step->assignee_role != NULL &&
          !relance_user_role_from_string (step->assignee_role, &role))
        return invalid (error, _("Step %d of the scenario “%s” is assigned to the unknown role "
                                 "“%s”: use agent, manager or admin"),
                        step->position, scenario->code, step->assignee_role);
      if (step->assignee_login != NULL && !relance_user_login_is_valid (step->assignee_login))
        return invalid (error, _("Step %d of the scenario “%s” is assigned to “%s”, which is "
                                 "not a login"),
                        step->position, scenario->code, step->assignee_login);
    }

  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);
      int targets[2] = { step->next_success, step->next_failure };

      for (guint k = 0; k < G_N_ELEMENTS (targets); k++)
        if (targets[k] != 0 &&
            (targets[k] <= step->position || relance_scenario_get_step (scenario, targets[k]) == NULL))
          return invalid (error, _("Step %d of the scenario “%s” goes on to step %d, which is not "
                                   "a later step of the scenario"),
                          step->position, scenario->code, targets[k]);
    }
  return TRUE;
}

/* Public API: the store */

/**
 * relance_scenario_store_insert:
 * @db: a #RelanceDatabase
 * @scenario: a new scenario; its id, version (1) and step ids are set on
 *   success
 * @error: a #GError
 *
 * Stores the first version of a scenario with its steps and an audit
 * line, in one transaction or the caller's.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_INVALID or
 *   RELANCE_STORE_ERROR_DUPLICATE (the code exists: store a new version)
 */
gboolean
relance_scenario_store_insert (RelanceDatabase  *db,
                               RelanceScenario  *scenario,
                               GError          **error)
{
  int version;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  if (!relance_scenario_validate (scenario, error))
    return FALSE;
  if (!relance_database_begin (db, error))
    return FALSE;
  version = max_version (db, scenario->code, error);
  if (version < 0)
    goto failed;
  if (version > 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                   _("A scenario with the code “%s” exists: change it by storing a new version"),
                   scenario->code);
      goto failed;
    }
  if (!insert_version (db, scenario, 1, "create", error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_scenario_store_new_version:
 * @db: a #RelanceDatabase
 * @scenario: the changed scenario (its id and version are ignored and
 *   set on success)
 * @error: a #GError
 *
 * Stores an edit of a scenario as a new version with the same code
 * (version + 1), active, and deactivates the older versions, with an
 * audit line. Cases that started on an older version keep it.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_INVALID or
 *   RELANCE_STORE_ERROR_NOT_FOUND (no scenario with that code)
 */
gboolean
relance_scenario_store_new_version (RelanceDatabase  *db,
                                    RelanceScenario  *scenario,
                                    GError          **error)
{
  sqlite3_stmt *stmt;
  int version;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  if (!relance_scenario_validate (scenario, error))
    return FALSE;
  if (!relance_database_begin (db, error))
    return FALSE;
  version = max_version (db, scenario->code, error);
  if (version < 0)
    goto failed;
  if (version == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no scenario with the code “%s” to change"), scenario->code);
      goto failed;
    }
  if (!insert_version (db, scenario, version + 1, "new-version", error))
    goto failed;

  stmt = relance_database_prepare (db, SQL_DEACTIVATE_OTHERS, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, scenario->code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, scenario->id);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_scenario_store_list:
 * @db: a #RelanceDatabase
 * @include_inactive: also the older versions
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceScenario): the
 *   scenarios with their steps, by code then version; %NULL with @error
 *   set on failure
 */
GPtrArray *
relance_scenario_store_list (RelanceDatabase  *db,
                             gboolean          include_inactive,
                             GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, include_inactive ? SQL_LIST_ALL : SQL_LIST_ACTIVE, error);
  if (stmt == NULL)
    return NULL;
  return list_scenarios (db, stmt, error);
}

/**
 * relance_scenario_store_find_active:
 * @db: a #RelanceDatabase
 * @code: a scenario code
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the active version of @code with
 *   its steps, %NULL with @error unset when there is none
 */
RelanceScenario *
relance_scenario_store_find_active (RelanceDatabase  *db,
                                    const char       *code,
                                    GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FIND_ACTIVE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_scenario_store_get:
 * @db: a #RelanceDatabase
 * @id: a scenario version's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): that version with its steps,
 *   %NULL with @error unset when there is none
 */
RelanceScenario *
relance_scenario_store_get (RelanceDatabase  *db,
                            gint64            id,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_GET, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return find_one (db, stmt, error);
}

/**
 * relance_scenario_store_count:
 * @db: a #RelanceDatabase
 *
 * Returns: the number of scenario versions, -1 when SQLite fails
 */
gint64
relance_scenario_store_count (RelanceDatabase *db)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT, NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}
