/* dunning-fixture.h — scenarios, runs and counts for the tests of the
 * collections engine (test-scenarios, test-daily-run, test-agenda)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included after engine-fixture.h. Counts are read through a read-only
 * connection of the test's own, as a person checking the file would;
 * the store has no function that counts rows of every table.
 */
#pragma once

#include <sqlite3.h>
#include <string.h>

/* One step of a test scenario */
typedef struct
{
  const char        *name;
  int                days;
  RelanceTriggerRef  ref;
  RelanceChannel     channel;
  gboolean           automatic;
  gboolean           blocking;
  int                next_success;
  int                next_failure;
  gint64             fee_cents;
  int                level;
} StepSpec;

#define STEP(name, days, channel, automatic) \
  { (name), (days), RELANCE_TRIGGER_DUE_DATE, (channel), (automatic), FALSE, 0, 0, 0, 1 }

/* Stores a scenario made of @steps and returns it (with ids) */
static inline RelanceScenario *
add_scenario (RelanceDatabase *db,
              const char      *code,
              const StepSpec  *steps,
              guint            n_steps)
{
  g_autoptr(GError) error = NULL;
  RelanceScenario *scenario = relance_scenario_new (code, code);

  for (guint i = 0; i < n_steps; i++)
    {
      RelanceScenarioStep *step = relance_scenario_add_step (scenario, steps[i].name,
                                                             steps[i].days, steps[i].ref,
                                                             steps[i].channel,
                                                             steps[i].automatic);

      step->blocking = steps[i].blocking;
      step->next_success = steps[i].next_success;
      step->next_failure = steps[i].next_failure;
      step->fee_cents = steps[i].fee_cents;
      step->level = steps[i].level;
    }
  if (!relance_scenario_store_insert (db, scenario, &error))
    fail_msg ("scenario %s: %s", code, error->message);
  return scenario;
}

static inline void
add_user (RelanceDatabase *db,
          const char      *login,
          const char      *name,
          RelanceUserRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceUser) user = relance_user_new (login, name, role);

  if (!relance_user_store_insert (db, user, &error))
    fail_msg ("user %s: %s", login, error->message);
}

/* An actor with an agent and a kind */
static inline gint64
add_customer (RelanceDatabase  *db,
              const char       *code,
              const char       *name,
              const char       *agent,
              RelanceActorKind  kind,
              const char       *segment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = relance_actor_new (code, name);

  relance_actor_set_agent (actor, agent);
  relance_actor_set_kind (actor, kind);
  relance_actor_set_segment (actor, segment);
  if (!relance_actor_store_insert (db, actor, 0, &error))
    fail_msg ("actor %s: %s", code, error->message);
  return relance_actor_get_id (actor);
}

/* Runs day @day (one actor per transaction, as the crash test needs)
 * and returns the report */
static inline RelanceRunReport *
run_day (RelanceDatabase *db,
         RelanceDate      day)
{
  g_autoptr(GError) error = NULL;
  RelanceDailyRunOptions options = { 1 };
  RelanceRunReport *report = NULL;

  if (!relance_daily_run (db, day, &options, NULL, NULL, NULL, &report, &error))
    fail_msg ("run: %s", error->message);
  assert_non_null (report);
  return report;
}

/* The single value of @sql (an integer) on the database of @db */
static inline gint64
query_int (RelanceDatabase *db,
           const char      *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    fail_msg ("%s: %s", sql, sqlite3_errmsg (handle));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

/* The rows of @sql joined as "a|b,c|d" (one row per comma), for
 * comparing a whole result with a literal */
static inline char *
query_rows (RelanceDatabase *db,
            const char      *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    fail_msg ("%s: %s", sql, sqlite3_errmsg (handle));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (out->len > 0)
        g_string_append_c (out, ',');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, text ? text : "NULL");
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

/* The actions of @actor_id as "step position:planned ISO:status" by
 * planned date then id; actions planned by hand show their title */
static inline char *
actions_of (RelanceDatabase *db,
            gint64           actor_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce(s.position, a.title) || ':' ||"
    " date(a.planned_date + 1721424.5) || ':' || a.status"
    " FROM action a LEFT JOIN scenario_step s ON s.id = a.step_id"
    " WHERE a.actor_id = %" G_GINT64_FORMAT " ORDER BY a.planned_date, a.id",
    actor_id);

  return query_rows (db, sql);
}

/* The id of the action of step @position of @actor_id's case, 0 if none */
static inline gint64
action_of_step (RelanceDatabase *db,
                gint64           actor_id,
                int              position)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT a.id FROM action a JOIN scenario_step s ON s.id = a.step_id"
    " WHERE a.actor_id = %" G_GINT64_FORMAT " AND s.position = %d ORDER BY a.id DESC LIMIT 1",
    actor_id, position);
  gint64 id = query_int (db, sql);

  return id < 0 ? 0 : id;
}

static inline void
perform (RelanceDatabase *db,
         gint64           action_id,
         RelanceDate      day,
         gboolean         success)
{
  g_autoptr(GError) error = NULL;
  RelancePerformRequest request = { 0 };

  request.success = success;
  if (!relance_action_perform (db, action_id, day, &request, NULL, &error))
    fail_msg ("perform %" G_GINT64_FORMAT ": %s", action_id, error->message);
}

#define assert_rows(db, sql, expected) \
  do { \
    g_autofree char *rows_ = query_rows ((db), (sql)); \
    assert_string_equal (rows_, (expected)); \
  } while (0)
