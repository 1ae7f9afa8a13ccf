/* test-scenarios.c — scenarios, versions, the seed, assignment rules,
 * users, and performing an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine-fixture.h"
#include "dunning-fixture.h"

static void
seed (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;

  if (!relance_collections_seed (db, NULL, &error))
    fail_msg ("seed: %s", error->message);
}

/* "a,b,c" of a per-step value */
static char *
join_steps (const RelanceScenario *scenario,
            int (*value) (const RelanceScenarioStep *step))
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < scenario->steps->len; i++)
    g_string_append_printf (out, "%s%d", i > 0 ? "," : "",
                            value (g_ptr_array_index (scenario->steps, i)));
  return g_string_free (out, FALSE);
}

static int step_trigger (const RelanceScenarioStep *s) { return s->trigger_days; }
static int step_automatic (const RelanceScenarioStep *s) { return s->automatic; }
static int step_level (const RelanceScenarioStep *s) { return s->level; }
static int step_fee (const RelanceScenarioStep *s) { return (int) s->fee_cents; }
static int step_interest (const RelanceScenarioStep *s) { return s->charge_interest; }
static int step_blocking (const RelanceScenarioStep *s) { return s->blocking; }

/* The seed */

static void
test_seed_writes_three_scenarios_their_rules_and_a_manager (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(RelanceUser) user = NULL;
  gboolean seeded = FALSE;

  assert_true (relance_collections_seed (fx->db, &seeded, &error));
  assert_true (seeded);
  scenarios = relance_scenario_store_list (fx->db, FALSE, &error);
  assert_int_equal (scenarios->len, 3);
  /* By code */
  assert_string_equal (((RelanceScenario *) g_ptr_array_index (scenarios, 0))->code, "GRANDS_COMPTES");
  assert_string_equal (((RelanceScenario *) g_ptr_array_index (scenarios, 1))->code, "PARTICULIERS");
  assert_string_equal (((RelanceScenario *) g_ptr_array_index (scenarios, 2))->code, "STANDARD");

  rules = relance_assignment_store_list_rules (fx->db, FALSE, &error);
  assert_int_equal (rules->len, 3);
  assert_string_equal (((RelanceAssignmentRule *) g_ptr_array_index (rules, 0))->segment, "Grand compte");
  assert_int_equal (((RelanceAssignmentRule *) g_ptr_array_index (rules, 1))->actor_kind,
                    RELANCE_ACTOR_KIND_PERSON);
  assert_null (((RelanceAssignmentRule *) g_ptr_array_index (rules, 2))->segment);
  assert_string_equal (((RelanceAssignmentRule *) g_ptr_array_index (rules, 2))->scenario_code,
                       "STANDARD");

  /* The database user becomes its first manager */
  user = relance_user_store_find (fx->db, "test", &error);
  assert_non_null (user);
  assert_int_equal (user->role, RELANCE_USER_ROLE_MANAGER);
}

static void
test_seed_twice_writes_nothing (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  gboolean seeded = TRUE;

  seed (fx->db);
  assert_true (relance_collections_seed (fx->db, &seeded, &error));
  assert_false (seeded);
  assert_int_equal (relance_scenario_store_count (fx->db), 3);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM assignment_rule"), 3);
}

static void
test_seed_standard_scenario_follows_seed_001 (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) standard = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *automatic = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *fees = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *blocking = NULL;
  const RelanceScenarioStep *notice;
  const RelanceScenarioStep *litigation;

  seed (fx->db);
  standard = relance_scenario_store_find_active (fx->db, "STANDARD", &error);
  assert_non_null (standard);
  assert_string_equal (standard->name, "Scénario Standard");
  assert_int_equal (standard->version, 1);
  triggers = join_steps (standard, step_trigger);
  automatic = join_steps (standard, step_automatic);
  levels = join_steps (standard, step_level);
  fees = join_steps (standard, step_fee);
  interest = join_steps (standard, step_interest);
  blocking = join_steps (standard, step_blocking);
  /* J-15 courtesy e-mail, J+0 statement, J+10 and J+20 letters, J+30
   * call, J+45 formal notice, J+60 call, J+75 litigation */
  assert_string_equal (triggers, "-15,0,10,20,30,45,60,75");
  assert_string_equal (automatic, "1,1,1,1,0,1,0,0");
  assert_string_equal (levels, "0,1,1,2,2,3,4,5");
  assert_string_equal (fees, "0,0,0,0,0,1500,0,0");
  assert_string_equal (interest, "0,0,0,0,0,1,0,0");
  assert_string_equal (blocking, "0,0,0,0,0,0,1,0");
  notice = relance_scenario_get_step (standard, 6);
  assert_int_equal (notice->channel, RELANCE_CHANNEL_FORMAL_NOTICE);
  assert_string_equal (notice->template_key, "formal_notice");
  litigation = relance_scenario_get_step (standard, 8);
  assert_int_equal (litigation->channel, RELANCE_CHANNEL_LITIGATION);
  assert_string_equal (litigation->assignee_role, "manager");
}

static void
test_seed_consumer_scenario_charges_no_fee_nor_interest (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) consumers = NULL;
  g_autoptr(RelanceScenario) large = NULL;
  g_autofree char *fees = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *large_automatic = NULL;

  seed (fx->db);
  consumers = relance_scenario_store_find_active (fx->db, "PARTICULIERS", &error);
  fees = join_steps (consumers, step_fee);
  interest = join_steps (consumers, step_interest);
  assert_string_equal (fees, "0,0,0,0,0,0,0,0");
  assert_string_equal (interest, "0,0,0,0,0,0,0,0");
  assert_int_equal (((RelanceScenarioStep *) g_ptr_array_index (consumers->steps, 0))->channel,
                    RELANCE_CHANNEL_SMS);

  /* Large accounts: more calls by hand, the formal notice manual and
   * later (J+70 rather than J+45) */
  large = relance_scenario_store_find_active (fx->db, "GRANDS_COMPTES", &error);
  large_automatic = join_steps (large, step_automatic);
  assert_string_equal (large_automatic, "1,1,0,1,0,0,0,0");
  assert_int_equal (relance_scenario_get_step (large, 7)->trigger_days, 70);
  assert_int_equal (relance_scenario_get_step (large, 6)->trigger_ref,
                    RELANCE_TRIGGER_PREVIOUS_STEP);
}

/* Versions */

static void
test_scenario_edit_stores_a_new_version_and_deactivates_the_old (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) first = NULL;
  g_autoptr(RelanceScenario) edit = NULL;
  g_autoptr(RelanceScenario) active = NULL;
  g_autoptr(RelanceScenario) old = NULL;
  g_autoptr(GPtrArray) all = NULL;

  seed (fx->db);
  first = relance_scenario_store_find_active (fx->db, "STANDARD", &error);
  edit = relance_scenario_copy (first);
  ((RelanceScenarioStep *) g_ptr_array_index (edit->steps, 2))->trigger_days = 12;
  assert_true (relance_scenario_store_new_version (fx->db, edit, &error));
  assert_int_equal (edit->version, 2);
  assert_true (edit->id != first->id);

  active = relance_scenario_store_find_active (fx->db, "STANDARD", &error);
  assert_int_equal (active->version, 2);
  assert_int_equal (relance_scenario_get_step (active, 3)->trigger_days, 12);
  old = relance_scenario_store_get (fx->db, first->id, &error);
  assert_false (old->active);
  assert_int_equal (relance_scenario_get_step (old, 3)->trigger_days, 10);
  /* 3 active versions, 4 in all */
  all = relance_scenario_store_list (fx->db, TRUE, &error);
  assert_int_equal (all->len, 4);
}

static void
test_scenario_insert_refuses_an_existing_code (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) again = relance_scenario_new ("STANDARD", "Autre");

  seed (fx->db);
  relance_scenario_add_step (again, "Relance", 10, RELANCE_TRIGGER_DUE_DATE,
                             RELANCE_CHANNEL_LETTER, TRUE);
  assert_false (relance_scenario_store_insert (fx->db, again, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  assert_int_equal (relance_scenario_store_count (fx->db), 3);
}

static void
test_scenario_validation_refuses_what_cannot_run (void **state)
{
  g_autoptr(RelanceScenario) backward = relance_scenario_new ("B", "Retour");
  g_autoptr(RelanceScenario) from_previous = relance_scenario_new ("P", "Précédent");
  g_autoptr(RelanceScenario) empty = relance_scenario_new ("E", "Vide");
  g_autoptr(RelanceScenario) bad_code = relance_scenario_new ("bad code", "Code");
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GError) e4 = NULL;
  RelanceScenarioStep *step;

  relance_scenario_add_step (backward, "Un", 0, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_CALL, FALSE);
  step = relance_scenario_add_step (backward, "Deux", 5, RELANCE_TRIGGER_DUE_DATE,
                                    RELANCE_CHANNEL_CALL, FALSE);
  /* A branch back to step 1 would run a step twice in a case */
  step->next_failure = 1;
  assert_false (relance_scenario_validate (backward, &e1));
  assert_true (g_error_matches (e1, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));

  relance_scenario_add_step (from_previous, "Un", 5, RELANCE_TRIGGER_PREVIOUS_STEP,
                             RELANCE_CHANNEL_CALL, FALSE);
  assert_false (relance_scenario_validate (from_previous, &e2));
  assert_false (relance_scenario_validate (empty, &e3));
  relance_scenario_add_step (bad_code, "Un", 0, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_CALL, FALSE);
  assert_false (relance_scenario_validate (bad_code, &e4));
}

static void
test_case_keeps_the_version_it_started_on (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) first = NULL;
  g_autoptr(RelanceScenario) edit = NULL;
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *cases = NULL;
  gint64 c1 = add_customer (fx->db, "C1", "Un", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  gint64 c2 = add_customer (fx->db, "C2", "Deux", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");

  seed (fx->db);
  add_invoice (fx->db, c1, "F1", D (2025, 3, 1), D (2025, 3, 31), 100000);
  r1 = run_day (fx->db, D (2025, 4, 2));
  first = relance_scenario_store_find_active (fx->db, "STANDARD", &error);
  edit = relance_scenario_copy (first);
  assert_true (relance_scenario_store_new_version (fx->db, edit, &error));

  /* C2 falls overdue after the edit: its case follows version 2 */
  add_invoice (fx->db, c2, "F2", D (2025, 3, 2), D (2025, 4, 1), 100000);
  r2 = run_day (fx->db, D (2025, 4, 3));
  sql = g_strdup_printf ("SELECT c.actor_id, s.version FROM dunning_case c"
                         " JOIN scenario s ON s.id = c.scenario_id"
                         " WHERE c.actor_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                         " ORDER BY c.actor_id", c1, c2);
  cases = query_rows (fx->db, sql);
  assert_string_equal (cases, "1|1,2|2");
}

/* Assignment */

static void
test_assignment_rules_pick_the_seeded_scenarios (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  RelanceActorProfile large = { 1, RELANCE_ACTOR_KIND_COMPANY, "Grand compte", "arossi", NULL, FALSE };
  RelanceActorProfile person = { 2, RELANCE_ACTOR_KIND_PERSON, "Particuliers", "smarchand", NULL, FALSE };
  RelanceActorProfile sme = { 3, RELANCE_ACTOR_KIND_COMPANY, "PME", "jbesson", NULL, FALSE };
  RelanceActorProfile lower = { 4, RELANCE_ACTOR_KIND_COMPANY, "grand COMPTE", NULL, NULL, FALSE };
  RelanceAssignment a;

  seed (fx->db);
  rules = relance_assignment_store_list_rules (fx->db, FALSE, &error);
  relance_assignment_pick (&large, rules, 100000, 10, &a);
  assert_string_equal (a.scenario_code, "GRANDS_COMPTES");
  assert_string_equal (a.agent_login, "arossi");
  assert_false (a.scenario_by_hand);
  relance_assignment_pick (&person, rules, 100000, 10, &a);
  assert_string_equal (a.scenario_code, "PARTICULIERS");
  relance_assignment_pick (&sme, rules, 100000, 10, &a);
  assert_string_equal (a.scenario_code, "STANDARD");
  assert_string_equal (a.rule->name, "Par défaut");
  /* Segments compare without regard to case */
  relance_assignment_pick (&lower, rules, 0, 0, &a);
  assert_string_equal (a.scenario_code, "GRANDS_COMPTES");
}

static void
test_assignment_rule_conditions_on_amount_and_days_late (void **state)
{
  g_autoptr(RelanceAssignmentRule) big = relance_assignment_rule_new (1, "Gros retards", "CONTENTIEUX");
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  RelanceActorProfile sme = { 1, RELANCE_ACTOR_KIND_COMPANY, "PME", "jbesson", NULL, FALSE };
  RelanceAssignment a;

  /* At least 10 000,00 € outstanding and 90 days late: to claurent */
  big->has_min_outstanding = TRUE;
  big->min_outstanding_cents = 1000000;
  big->min_days_late = 90;
  big->agent_login = g_strdup ("claurent");
  g_ptr_array_add (rules, big);

  relance_assignment_pick (&sme, rules, 1000000, 90, &a);
  assert_string_equal (a.scenario_code, "CONTENTIEUX");
  assert_string_equal (a.agent_login, "claurent");
  /* 9 999,99 €: no rule: the standard scenario and the actor's agent */
  relance_assignment_pick (&sme, rules, 999999, 90, &a);
  assert_string_equal (a.scenario_code, "STANDARD");
  assert_string_equal (a.agent_login, "jbesson");
  assert_null (a.rule);
  relance_assignment_pick (&sme, rules, 1000000, 89, &a);
  assert_string_equal (a.scenario_code, "STANDARD");
}

static void
test_assignment_hand_choice_wins_over_the_rules (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64);
  g_autoptr(RelanceAssignmentRule) rule = relance_assignment_rule_new (0, "Tout à claurent", "STANDARD");
  gint64 actor = add_customer (fx->db, "C1", "Groupe", "arossi", RELANCE_ACTOR_KIND_COMPANY,
                               "Grand compte");
  RelanceActorProfile profile;
  RelanceAssignment a;

  seed (fx->db);
  rule->agent_login = g_strdup ("claurent");
  rule->segment = g_strdup ("Grand compte");
  assert_true (relance_assignment_store_insert_rule (fx->db, rule, &error));
  rules = relance_assignment_store_list_rules (fx->db, FALSE, &error);

  /* By the rules: the new rule (position 0) comes first */
  assert_true (relance_assignment_store_get_profile (fx->db, actor, strings, &profile, &error));
  relance_assignment_pick (&profile, rules, 0, 0, &a);
  assert_string_equal (a.scenario_code, "STANDARD");
  assert_string_equal (a.agent_login, "claurent");

  /* By hand: the consumers' scenario and arossi, whatever the rules say */
  assert_true (relance_assignment_store_set_scenario (fx->db, actor, "PARTICULIERS", &error));
  assert_true (relance_assignment_store_set_agent (fx->db, actor, "arossi", TRUE, &error));
  assert_true (relance_assignment_store_get_profile (fx->db, actor, strings, &profile, &error));
  relance_assignment_pick (&profile, rules, 0, 0, &a);
  assert_string_equal (a.scenario_code, "PARTICULIERS");
  assert_true (a.scenario_by_hand);
  assert_string_equal (a.agent_login, "arossi");
  assert_true (a.agent_by_hand);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM audit WHERE entity = 'actor'"
                                       " AND action = 'assign'"), 2);
}

/* Users */

static void
test_user_store_refuses_a_duplicate_and_a_bad_login (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) duplicate = NULL;
  g_autoptr(GError) bad = NULL;
  g_autoptr(RelanceUser) again = relance_user_new ("arossi", "Alex Rossi", RELANCE_USER_ROLE_AGENT);
  g_autoptr(RelanceUser) upper = relance_user_new ("ARossi", "Alex Rossi", RELANCE_USER_ROLE_AGENT);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  add_user (fx->db, "arossi", "Alex Rossi", RELANCE_USER_ROLE_AGENT);
  add_user (fx->db, "mvallet", "Marie Vallet", RELANCE_USER_ROLE_MANAGER);
  assert_false (relance_user_store_insert (fx->db, again, &duplicate));
  assert_true (g_error_matches (duplicate, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  assert_false (relance_user_store_insert (fx->db, upper, &bad));
  assert_true (g_error_matches (bad, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  users = relance_user_store_list (fx->db, &error);
  assert_int_equal (users->len, 2);
  assert_string_equal (((RelanceUser *) g_ptr_array_index (users, 1))->login, "mvallet");
}

/* Performing actions */

static gint64
planned_call (RelanceDatabase *db)
{
  g_autoptr(RelanceScenario) scenario = relance_scenario_new ("STANDARD", "Standard");
  gint64 actor = add_customer (db, "C1", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  g_autoptr(RelanceRunReport) report = NULL;
  g_autoptr(GError) error = NULL;
  RelanceScenarioStep *step;

  /* A call on the due date, the hand-over to litigation ten days later,
   * by the manager */
  relance_scenario_add_step (scenario, "Appel", 0, RELANCE_TRIGGER_DUE_DATE,
                             RELANCE_CHANNEL_CALL, FALSE);
  step = relance_scenario_add_step (scenario, "Contentieux", 10, RELANCE_TRIGGER_DUE_DATE,
                                    RELANCE_CHANNEL_LITIGATION, FALSE);
  step->level = RELANCE_LEVEL_LITIGATION;
  step->assignee_role = g_strdup ("manager");
  if (!relance_scenario_store_insert (db, scenario, &error))
    fail_msg ("scenario: %s", error->message);

  add_user (db, "arossi", "Alex Rossi", RELANCE_USER_ROLE_AGENT);
  add_user (db, "claurent", "Camille Laurent", RELANCE_USER_ROLE_AGENT);
  add_user (db, "mvallet", "Marie Vallet", RELANCE_USER_ROLE_MANAGER);
  add_invoice (db, actor, "F1", D (2025, 3, 1), D (2025, 3, 31), 100000);
  report = run_day (db, D (2025, 4, 1));
  return action_of_step (db, actor, 1);
}

static void
test_perform_notifies_colleagues_and_plans_the_next_action (void **state)
{
  EngineFixture *fx = *state;
  gint64 call = planned_call (fx->db);
  const char * const colleagues[] = { "claurent", "mvallet", NULL };
  RelancePerformRequest request = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unread = NULL;
  g_autoptr(RelanceAction) done = NULL;
  g_autoptr(RelanceAction) next = NULL;
  gint64 next_id = 0;

  relance_database_set_user (fx->db, "arossi");
  request.success = TRUE;
  request.comment = "Le client paiera vendredi";
  request.notify = colleagues;
  request.next_date = D (2025, 4, 4);
  request.next_channel = RELANCE_CHANNEL_CALL;
  request.next_title = "Vérifier le paiement";
  assert_true (relance_action_perform (fx->db, call, D (2025, 4, 2), &request, &next_id, &error));

  done = relance_action_store_find (fx->db, call, &error);
  assert_int_equal (done->status, RELANCE_ACTION_DONE);
  assert_string_equal (done->outcome, "success");
  assert_string_equal (done->done_by, "arossi");
  assert_int_equal (done->done_date, D (2025, 4, 2));
  assert_string_equal (done->comment, "Le client paiera vendredi");

  /* One notification per colleague */
  unread = relance_notification_store_list_unread (fx->db, "claurent", &error);
  assert_int_equal (unread->len, 1);
  assert_string_equal (((RelanceNotification *) g_ptr_array_index (unread, 0))->message,
                       "Le client paiera vendredi");
  assert_string_equal (((RelanceNotification *) g_ptr_array_index (unread, 0))->created_by, "arossi");
  assert_true (relance_notification_store_mark_read (fx->db,
                                                     ((RelanceNotification *) g_ptr_array_index (unread, 0))->id,
                                                     "claurent", &error));
  g_clear_pointer (&unread, g_ptr_array_unref);
  unread = relance_notification_store_list_unread (fx->db, "claurent", &error);
  assert_int_equal (unread->len, 0);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM notification"), 2);

  /* The next action, on the agenda of who planned it */
  next = relance_action_store_find (fx->db, next_id, &error);
  assert_string_equal (next->title, "Vérifier le paiement");
  assert_string_equal (next->assigned_to, "arossi");
  assert_int_equal (next->planned_date, D (2025, 4, 4));
  assert_int_equal (next->case_id, done->case_id);
  assert_int_equal (next->step_id, 0);
}

static void
test_perform_refuses_an_unknown_colleague_and_writes_nothing (void **state)
{
  EngineFixture *fx = *state;
  gint64 call = planned_call (fx->db);
  const char * const colleagues[] = { "claurent", "nobody", NULL };
  RelancePerformRequest request = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) still = NULL;

  request.success = TRUE;
  request.notify = colleagues;
  assert_false (relance_action_perform (fx->db, call, D (2025, 4, 2), &request, NULL, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED));
  g_clear_error (&error);
  still = relance_action_store_find (fx->db, call, &error);
  assert_int_equal (still->status, RELANCE_ACTION_PLANNED);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM notification"), 0);
}

static void
test_perform_refuses_an_action_already_done (void **state)
{
  EngineFixture *fx = *state;
  gint64 call = planned_call (fx->db);
  g_autoptr(GError) error = NULL;
  RelancePerformRequest request = { 0 };

  perform (fx->db, call, D (2025, 4, 2), FALSE);
  request.success = TRUE;
  assert_false (relance_action_perform (fx->db, call, D (2025, 4, 3), &request, NULL, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED));
  assert_rows (fx->db, "SELECT status, outcome FROM action", "failed|failure");
}

static void
test_perform_records_the_case_move_in_the_audit_trail (void **state)
{
  EngineFixture *fx = *state;
  gint64 call = planned_call (fx->db);
  g_autofree char *after = NULL;

  perform (fx->db, call, D (2025, 4, 3), TRUE);
  after = query_rows (fx->db, "SELECT after FROM audit WHERE entity = 'dunning_case'"
                              " AND action = 'update' ORDER BY id DESC LIMIT 1");
  /* Why, then the fields before → after (the call of J, 31/03, was
   * planned on 01/04, the day its case opened) */
  assert_non_null (strstr (after, "succeeded"));
  assert_non_null (strstr (after, "last-step-date: 2025-04-01 → 2025-04-03"));
}

static void
test_manual_litigation_step_done_hands_the_items_over (void **state)
{
  EngineFixture *fx = *state;
  gint64 call = planned_call (fx->db);
  g_autoptr(RelanceRunReport) report = NULL;

  perform (fx->db, call, D (2025, 4, 2), TRUE);
  /* 31/03 + 10 = 10/04: the hand-over goes to the manager (its role) */
  report = run_day (fx->db, D (2025, 4, 10));
  assert_rows (fx->db, "SELECT assigned_to, status FROM action WHERE channel = 'litigation'",
               "mvallet|planned");
  assert_rows (fx->db, "SELECT litigation FROM invoice", "0");
  perform (fx->db, action_of_step (fx->db, 1, 2), D (2025, 4, 11), TRUE);
  assert_rows (fx->db, "SELECT litigation FROM invoice", "1");
}

int
main (void)
{
#define FIXTURE(test) cmocka_unit_test_setup_teardown (test, engine_fixture_setup, engine_fixture_teardown)
  const struct CMUnitTest tests[] = {
    FIXTURE (test_seed_writes_three_scenarios_their_rules_and_a_manager),
    FIXTURE (test_seed_twice_writes_nothing),
    FIXTURE (test_seed_standard_scenario_follows_seed_001),
    FIXTURE (test_seed_consumer_scenario_charges_no_fee_nor_interest),
    FIXTURE (test_scenario_edit_stores_a_new_version_and_deactivates_the_old),
    FIXTURE (test_scenario_insert_refuses_an_existing_code),
    cmocka_unit_test (test_scenario_validation_refuses_what_cannot_run),
    FIXTURE (test_case_keeps_the_version_it_started_on),
    FIXTURE (test_assignment_rules_pick_the_seeded_scenarios),
    cmocka_unit_test (test_assignment_rule_conditions_on_amount_and_days_late),
    FIXTURE (test_assignment_hand_choice_wins_over_the_rules),
    FIXTURE (test_user_store_refuses_a_duplicate_and_a_bad_login),
    FIXTURE (test_perform_notifies_colleagues_and_plans_the_next_action),
    FIXTURE (test_perform_refuses_an_unknown_colleague_and_writes_nothing),
    FIXTURE (test_perform_refuses_an_action_already_done),
    FIXTURE (test_perform_records_the_case_move_in_the_audit_trail),
    FIXTURE (test_manual_litigation_step_done_hands_the_items_over),
  };
#undef FIXTURE

  return cmocka_run_group_tests (tests, NULL, NULL);
}
