/* test-form-checks.c — the controls of the agent's forms, and editing,
 * rescheduling and closing by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today is Monday 23 November 2026 (1 January 2026 is a Thursday; 23
 * November is day 327, 326 days later = 46 weeks + 4 days: Monday).
 * Saturday is the 28th, Sunday the 29th.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine-fixture.h"
#include "collections-fixture.h"
#include "relance-action-edit.h"
#include "relance-form-checks.h"

#define TODAY D (2026, 11, 23)

static void
assert_issue (RelanceValidation *validation,
              const char        *field,
              RelanceSeverity    severity)
{
  const RelanceIssue *issue = relance_validation_find (validation, field);

  if (issue == NULL)
    fail_msg ("no problem on “%s”", field);
  assert_int_equal (issue->severity, severity);
}

static void
test_date_check_refuses_what_is_no_date (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  RelanceDate date;

  assert_true (relance_form_check_date (validation, "a", " 23/11/2026 ", &date));
  assert_int_equal (date, TODAY);
  assert_false (relance_form_check_date (validation, "b", "31/02/2026", &date));
  assert_int_equal (date, 0);
  assert_false (relance_form_check_date (validation, "c", "", &date));
  assert_int_equal (relance_validation_get_n_issues (validation), 2);
  assert_issue (validation, "b", RELANCE_SEVERITY_BLOCKING);
  assert_issue (validation, "c", RELANCE_SEVERITY_BLOCKING);
}

static void
test_amount_check_wants_more_than_zero (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  gint64 cents;

  /* 1 234,56 € = 123 456 cents */
  assert_true (relance_form_check_amount (validation, "a", "1 234,56", &cents));
  assert_int_equal (cents, 123456);
  assert_false (relance_form_check_amount (validation, "b", "0", &cents));
  assert_false (relance_form_check_amount (validation, "c", "douze", &cents));
  assert_issue (validation, "b", RELANCE_SEVERITY_BLOCKING);
  assert_issue (validation, "c", RELANCE_SEVERITY_BLOCKING);
}

static void
test_planned_date_in_the_past_blocks_and_weekend_warns (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_form_check_planned_date (validation, "yesterday", TODAY - 1, TODAY);
  relance_form_check_planned_date (validation, "saturday", D (2026, 11, 28), TODAY);
  relance_form_check_planned_date (validation, "sunday", D (2026, 11, 29), TODAY);
  relance_form_check_planned_date (validation, "today", TODAY, TODAY);
  relance_form_check_planned_date (validation, "friday", D (2026, 11, 27), TODAY);
  assert_int_equal (relance_validation_get_n_issues (validation), 3);
  assert_issue (validation, "yesterday", RELANCE_SEVERITY_BLOCKING);
  assert_issue (validation, "saturday", RELANCE_SEVERITY_WARNING);
  assert_issue (validation, "sunday", RELANCE_SEVERITY_WARNING);
}

static void
test_new_action_letter_needs_items_and_email_an_address (void **state)
{
  g_autoptr(RelanceValidation) letter = relance_validation_new ();
  g_autoptr(RelanceValidation) email = relance_validation_new ();
  RelanceNewActionForm form = { " ", RELANCE_CHANNEL_FORMAL_NOTICE, TODAY, NULL, 0 };

  relance_form_check_new_action (letter, &form, TODAY);
  assert_int_equal (relance_validation_get_n_issues (letter), 2);
  assert_issue (letter, "title", RELANCE_SEVERITY_BLOCKING);
  assert_issue (letter, "items", RELANCE_SEVERITY_BLOCKING);

  form.title = "Relance";
  form.channel = RELANCE_CHANNEL_EMAIL;
  relance_form_check_new_action (email, &form, TODAY);
  assert_int_equal (relance_validation_get_n_issues (email), 1);
  assert_issue (email, "contact", RELANCE_SEVERITY_WARNING);
  assert_false (relance_validation_has_blocking (email));
}

static void
test_dispute_amount_above_the_remaining_blocks (void **state)
{
  g_autoptr(RelanceValidation) above = relance_validation_new ();
  g_autoptr(RelanceValidation) part = relance_validation_new ();
  g_autoptr(RelanceValidation) all = relance_validation_new ();

  /* items 800,00 + 500,00 = 1 300,00 remaining; 1 300,01 is above */
  relance_form_check_dispute (above, "Prix", 2, TRUE, 130001, 130000, "EUR");
  assert_int_equal (relance_validation_get_n_issues (above), 1);
  assert_issue (above, "amount", RELANCE_SEVERITY_BLOCKING);

  relance_form_check_dispute (part, "Prix", 2, TRUE, 50000, 130000, "EUR");
  assert_issue (part, "amount", RELANCE_SEVERITY_WARNING);
  assert_false (relance_validation_has_blocking (part));

  /* 0: the whole remaining, nothing to say; no reason is blocking */
  relance_form_check_dispute (all, "", 2, TRUE, 0, 130000, "EUR");
  assert_int_equal (relance_validation_get_n_issues (all), 1);
  assert_issue (all, "reason", RELANCE_SEVERITY_BLOCKING);
}

static void
test_dispute_needs_items_of_one_currency (void **state)
{
  g_autoptr(RelanceValidation) none = relance_validation_new ();
  g_autoptr(RelanceValidation) mixed = relance_validation_new ();

  relance_form_check_dispute (none, "Qualité", 0, TRUE, 0, 0, "EUR");
  assert_issue (none, "items", RELANCE_SEVERITY_BLOCKING);
  relance_form_check_dispute (mixed, "Qualité", 2, FALSE, 0, 0, "EUR");
  assert_issue (mixed, "items", RELANCE_SEVERITY_BLOCKING);
}

static void
test_promise_total_differing_from_overdue_warns (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(RelancePromise) promise = relance_promise_new ();

  /* 150,00 + 150,00 = 300,00 promised against 350,00 overdue */
  g_strlcpy (promise->currency, "EUR", sizeof promise->currency);
  relance_promise_add_instalment (promise, D (2026, 11, 30), 15000);
  relance_promise_add_instalment (promise, D (2026, 12, 30), 15000);
  relance_form_check_promise (validation, promise, 35000, TODAY);
  assert_int_equal (relance_validation_get_n_issues (validation), 1);
  assert_issue (validation, "total", RELANCE_SEVERITY_WARNING);
  assert_false (relance_validation_has_blocking (validation));

  relance_validation_clear (validation);
  relance_form_check_promise (validation, promise, 30000, TODAY);
  assert_int_equal (relance_validation_get_n_issues (validation), 0);
}

static void
test_promise_without_instalment_or_in_the_past_blocks (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(RelancePromise) promise = relance_promise_new ();

  relance_form_check_promise (validation, promise, 35000, TODAY);
  assert_issue (validation, "instalments", RELANCE_SEVERITY_BLOCKING);

  relance_form_check_instalment (validation, 0, D (2026, 11, 20), 10000, TODAY);
  relance_form_check_instalment (validation, 1, D (2026, 11, 28), 10000, TODAY);
  relance_form_check_instalment (validation, 2, D (2026, 11, 30), 10000, TODAY);
  assert_issue (validation, "instalment-0", RELANCE_SEVERITY_BLOCKING);
  assert_issue (validation, "instalment-1", RELANCE_SEVERITY_WARNING);
  assert_null (relance_validation_find (validation, "instalment-2"));
}

static void
test_follow_up_comes_from_duration_and_reminder (void **state)
{
  g_autoptr(RelanceScenario) scenario = relance_scenario_new ("T", "Test");
  RelanceScenarioStep *call;
  RelanceDate end, reminder;

  call = relance_scenario_add_step (scenario, "Appel", 30, RELANCE_TRIGGER_DUE_DATE,
                                    RELANCE_CHANNEL_CALL, FALSE);
  relance_scenario_add_step (scenario, "Mise en demeure", 45, RELANCE_TRIGGER_DUE_DATE,
                             RELANCE_CHANNEL_FORMAL_NOTICE, TRUE);

  /* no duration: until the next step, 45 − 30 = 15 days: 23/11 + 15 =
   * Tuesday 8/12; no reminder: follow up that day */
  relance_form_propose_follow_up (scenario, call, TODAY, &end, &reminder);
  assert_int_equal (end, D (2026, 12, 8));
  assert_int_equal (reminder, D (2026, 12, 8));

  /* duration 10, reminder 3: end Thursday 3/12, reminder Monday 30/11 */
  call->duration_days = 10;
  call->reminder_days = 3;
  relance_form_propose_follow_up (scenario, call, TODAY, &end, &reminder);
  assert_int_equal (end, D (2026, 12, 3));
  assert_int_equal (reminder, D (2026, 11, 30));

  /* duration 5 lands on Saturday 28/11: moved to Monday 30/11; reminder
   * 1 day before = Sunday 29/11: moved to Monday 30/11 too */
  call->duration_days = 5;
  call->reminder_days = 1;
  relance_form_propose_follow_up (scenario, call, TODAY, &end, &reminder);
  assert_int_equal (end, D (2026, 11, 30));
  assert_int_equal (reminder, D (2026, 11, 30));

  /* by hand: 8 days, Tuesday 1/12 */
  relance_form_propose_follow_up (NULL, NULL, TODAY, &end, &reminder);
  assert_int_equal (end, D (2026, 12, 1));
  assert_int_equal (reminder, D (2026, 12, 1));
}

/* Editing needs a database: a customer, an agent and an action */

static gint64
add_action (RelanceDatabase *db,
            gint64           actor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) action = relance_action_new (actor_id, RELANCE_CHANNEL_CALL,
                                                        "Appel", TODAY);
  gboolean created = FALSE;

  action->assigned_to = g_strdup ("test");
  if (!relance_action_store_insert (db, action, &created, &error))
    fail_msg ("insert: %s", error->message);
  assert_true (created);
  return action->id;
}

static void
add_user (RelanceDatabase *db,
          const char      *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceUser) user = relance_user_new (login, login, RELANCE_USER_ROLE_AGENT);

  if (!relance_user_store_insert (db, user, &error))
    fail_msg ("user: %s", error->message);
}

static void
test_edit_changes_a_planned_action_with_an_audit_line (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) stored = NULL;
  gint64 actor = add_actor (fx->db, "C1", "Client 1");
  gint64 id = add_action (fx->db, actor);
  RelanceActionEdit edit = { "Visite", RELANCE_CHANNEL_VISIT, D (2026, 11, 25), "claurent", 0 };

  add_user (fx->db, "claurent");
  assert_true (relance_action_edit (fx->db, id, &edit, TODAY, &error));
  assert_null (error);
  stored = relance_action_store_find (fx->db, id, &error);
  assert_string_equal (stored->title, "Visite");
  assert_int_equal (stored->channel, RELANCE_CHANNEL_VISIT);
  assert_int_equal (stored->planned_date, D (2026, 11, 25));
  assert_string_equal (stored->assigned_to, "claurent");
  assert_int_equal (audit_count (fx->db, "action", "edit"), 1);
}

static void
test_edit_refuses_past_date_and_unknown_user (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor = add_actor (fx->db, "C1", "Client 1");
  gint64 id = add_action (fx->db, actor);
  RelanceActionEdit edit = { "Appel", RELANCE_CHANNEL_CALL, TODAY - 1, NULL, 0 };

  assert_false (relance_action_edit (fx->db, id, &edit, TODAY, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED));
  g_clear_error (&error);

  edit.planned_date = TODAY;
  edit.assigned_to = "nobody";
  assert_false (relance_action_edit (fx->db, id, &edit, TODAY, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED));
  assert_int_equal (audit_count (fx->db, "action", "edit"), 0);
}

static void
test_reschedule_moves_only_a_planned_action (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) stored = NULL;
  gint64 actor = add_actor (fx->db, "C1", "Client 1");
  gint64 id = add_action (fx->db, actor);

  assert_true (relance_action_reschedule (fx->db, id, D (2026, 12, 1), TODAY, &error));
  stored = relance_action_store_find (fx->db, id, &error);
  assert_int_equal (stored->planned_date, D (2026, 12, 1));

  assert_true (relance_action_store_cancel (fx->db, id, TODAY, NULL, &error));
  assert_false (relance_action_reschedule (fx->db, id, D (2026, 12, 2), TODAY, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED));
}

static void
test_delivery_is_null_until_recorded (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *delivery = NULL;
  gint64 actor = add_actor (fx->db, "C1", "Client 1");
  gint64 id = add_action (fx->db, actor);

  delivery = relance_action_store_get_delivery (fx->db, id, &error);
  assert_null (delivery);
  assert_null (error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_date_check_refuses_what_is_no_date),
    cmocka_unit_test (test_amount_check_wants_more_than_zero),
    cmocka_unit_test (test_planned_date_in_the_past_blocks_and_weekend_warns),
    cmocka_unit_test (test_new_action_letter_needs_items_and_email_an_address),
    cmocka_unit_test (test_dispute_amount_above_the_remaining_blocks),
    cmocka_unit_test (test_dispute_needs_items_of_one_currency),
    cmocka_unit_test (test_promise_total_differing_from_overdue_warns),
    cmocka_unit_test (test_promise_without_instalment_or_in_the_past_blocks),
    cmocka_unit_test (test_follow_up_comes_from_duration_and_reminder),
#define TEST(name) cmocka_unit_test_setup_teardown (name, engine_fixture_setup, engine_fixture_teardown)
    TEST (test_edit_changes_a_planned_action_with_an_audit_line),
    TEST (test_edit_refuses_past_date_and_unknown_user),
    TEST (test_reschedule_moves_only_a_planned_action),
    TEST (test_delivery_is_null_until_recorded),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
