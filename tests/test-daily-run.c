/* test-daily-run.c — the daily run: triggers, branches, blocking steps,
 * disputes, promises, fees, idempotence, catch-up and a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most tests follow one invoice of 1 000,00 € issued on 1 March 2025 and
 * due on 31 March 2025 through a small scenario stored under the code
 * STANDARD, which the run gives to every customer when no rule exists.
 *
 * A case enters its scenario at the level its lateness calls for on the
 * day it opens (the first run's day, or the day after the last run), and
 * only the steps after that are created each on its own day: the tests
 * that follow steps from their own days run from before they fall due.
 */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "engine-fixture.h"
#include "dunning-fixture.h"

#define DUE_DATE D (2025, 3, 31)

static gint64
customer_with_invoice (RelanceDatabase *db,
                       const char      *code,
                       const char      *number)
{
  gint64 actor = add_customer (db, code, "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");

  add_invoice (db, actor, number, D (2025, 3, 1), DUE_DATE, 100000);
  return actor;
}

/* Triggers */

static void
test_run_negative_trigger_fires_fifteen_days_before_the_due_date (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    { "Courtoisie", -15, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_EMAIL, TRUE, FALSE, 0, 0, 0,
      RELANCE_LEVEL_COURTESY },
    STEP ("Relance", 10, RELANCE_CHANNEL_LETTER, TRUE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 2);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) before = NULL;
  g_autoptr(RelanceRunReport) on_the_day = NULL;
  g_autofree char *actions = NULL;

  /* 31/03 − 15 = 16/03: on the 15th nothing yet, not even a case */
  before = run_day (fx->db, D (2025, 3, 15));
  assert_int_equal (before->cases_opened, 0);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM dunning_case"), 0);

  on_the_day = run_day (fx->db, D (2025, 3, 16));
  assert_int_equal (on_the_day->cases_opened, 1);
  assert_int_equal (on_the_day->actions_created, 1);
  assert_int_equal (on_the_day->actions_automatic, 1);
  assert_int_equal (on_the_day->actions_by_channel[RELANCE_CHANNEL_EMAIL], 1);
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions, "1:2025-03-16:done");
  /* Done by the server on the day it was planned; the case is anchored
   * on the item soon due, at the courtesy level */
  assert_rows (fx->db, "SELECT done_by, outcome, done_date = planned_date FROM action",
               "server|success|1");
  assert_rows (fx->db, "SELECT date(anchor_date + 1721424.5), level, step_position, status"
                       " FROM dunning_case",
               "2025-03-31|0|1|open");
}

static void
test_run_positive_trigger_fires_ten_days_after_the_due_date (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = { STEP ("Relance", 10, RELANCE_CHANNEL_LETTER, TRUE) };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 1);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) ninth = NULL;
  g_autoptr(RelanceRunReport) tenth = NULL;
  g_autofree char *actions = NULL;

  /* Overdue from 01/04: the case opens, the step waits for 31/03 + 10 */
  ninth = run_day (fx->db, D (2025, 4, 9));
  assert_int_equal (ninth->cases_opened, 1);
  assert_int_equal (ninth->actions_created, 0);
  tenth = run_day (fx->db, D (2025, 4, 10));
  assert_int_equal (tenth->actions_created, 1);
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions, "1:2025-04-10:done");
}

static void
test_run_trigger_from_the_previous_step_counts_from_its_done_date (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Appel", 0, RELANCE_CHANNEL_CALL, FALSE),
    { "Courrier", 5, RELANCE_TRIGGER_PREVIOUS_STEP, RELANCE_CHANNEL_LETTER, TRUE, FALSE, 0, 0, 0, 1 },
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 2);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autoptr(RelanceRunReport) r3 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *after = NULL;

  r1 = run_day (fx->db, D (2025, 4, 1));
  first = actions_of (fx->db, actor);
  /* The manual call of J (31/03) is planned on 01/04, the day the case
   * opens (the item is overdue from then on); it is not done: step 2
   * waits */
  assert_string_equal (first, "1:2025-04-01:planned");

  /* Done on 03/04: step 2 falls due on 03/04 + 5 = 08/04 */
  perform (fx->db, action_of_step (fx->db, actor, 1), D (2025, 4, 3), TRUE);
  r2 = run_day (fx->db, D (2025, 4, 7));
  waiting = actions_of (fx->db, actor);
  assert_string_equal (waiting, "1:2025-04-01:done");
  r3 = run_day (fx->db, D (2025, 4, 8));
  after = actions_of (fx->db, actor);
  assert_string_equal (after, "1:2025-04-01:done,2:2025-04-08:done");
}

/* Branches and blocking steps */

static const StepSpec branching_steps[] = {
  { "Appel", 0, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_CALL, FALSE, FALSE, 3, 2, 0, 1 },
  STEP ("Courrier", 5, RELANCE_CHANNEL_LETTER, TRUE),
  STEP ("Courriel", 10, RELANCE_CHANNEL_EMAIL, TRUE),
};

static void
test_run_success_branch_goes_to_its_step (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", branching_steps, 3);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autofree char *actions = NULL;

  r1 = run_day (fx->db, D (2025, 4, 1));
  perform (fx->db, action_of_step (fx->db, actor, 1), D (2025, 4, 2), TRUE);
  r2 = run_day (fx->db, D (2025, 4, 20));
  /* The call of J is planned on 01/04, when the case opens. Success →
   * step 3, due 31/03 + 10 = 10/04; the letter of step 2 is skipped */
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions, "1:2025-04-01:done,3:2025-04-10:done");
  assert_rows (fx->db, "SELECT step_position, level FROM dunning_case", "3|1");
}

static void
test_run_failure_branch_goes_to_its_step (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", branching_steps, 3);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autofree char *actions = NULL;

  r1 = run_day (fx->db, D (2025, 4, 1));
  perform (fx->db, action_of_step (fx->db, actor, 1), D (2025, 4, 2), FALSE);
  r2 = run_day (fx->db, D (2025, 4, 20));
  /* Failure → step 2 (31/03 + 5 = 05/04), then on to step 3 (10/04) */
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions, "1:2025-04-01:failed,2:2025-04-05:done,3:2025-04-10:done");
}

static const StepSpec blocking_steps[] = {
  { "Appel", 0, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_CALL, FALSE, TRUE, 0, 0, 0, 4 },
  STEP ("Courrier", 5, RELANCE_CHANNEL_LETTER, TRUE),
};

static void
test_run_blocking_step_stops_the_walk_until_done (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", blocking_steps, 2);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) r0 = NULL;
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autofree char *blocked = NULL;
  g_autofree char *released = NULL;

  /* Runs from before the due date: on 01/04 the case opens with the
   * call of J; on 20/04 step 2 is long due (05/04), but the call blocks */
  r0 = run_day (fx->db, D (2025, 3, 30));
  r1 = run_day (fx->db, D (2025, 4, 1));
  g_clear_pointer (&r1, relance_run_report_free);
  r1 = run_day (fx->db, D (2025, 4, 20));
  blocked = actions_of (fx->db, actor);
  assert_string_equal (blocked, "1:2025-04-01:planned");

  /* Done on 21/04: step 2 is planned that day, not on 05/04 */
  perform (fx->db, action_of_step (fx->db, actor, 1), D (2025, 4, 21), TRUE);
  r2 = run_day (fx->db, D (2025, 4, 21));
  released = actions_of (fx->db, actor);
  assert_string_equal (released, "1:2025-04-01:done,2:2025-04-21:done");
}

static void
test_run_failed_blocking_step_waits_for_a_follow_up (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", blocking_steps, 2);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autoptr(RelanceRunReport) r3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *released = NULL;
  RelancePerformRequest request = { 0 };
  gint64 follow_up = 0;

  r1 = run_day (fx->db, D (2025, 4, 1));
  /* No answer: the agent plans a call again on 04/04 */
  request.success = FALSE;
  request.next_date = D (2025, 4, 4);
  request.next_channel = RELANCE_CHANNEL_CALL;
  assert_true (relance_action_perform (fx->db, action_of_step (fx->db, actor, 1), D (2025, 4, 2),
                                       &request, &follow_up, &error));
  assert_null (error);
  assert_true (follow_up > 0);

  r2 = run_day (fx->db, D (2025, 4, 10));
  waiting = actions_of (fx->db, actor);
  assert_string_equal (waiting, "1:2025-04-01:failed,Suivi : Appel:2025-04-04:planned");

  perform (fx->db, follow_up, D (2025, 4, 11), TRUE);
  r3 = run_day (fx->db, D (2025, 4, 11));
  released = actions_of (fx->db, actor);
  assert_string_equal (released,
                       "1:2025-04-01:failed,Suivi : Appel:2025-04-04:done,2:2025-04-11:done");
}

/* Disputes and promises */

static void
test_run_leaves_disputed_items_out (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = { STEP ("Relance", 10, RELANCE_CHANNEL_LETTER, TRUE) };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 1);
  gint64 actor = add_customer (fx->db, "C1", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  gint64 only_disputed = add_customer (fx->db, "C2", "Client", "arossi",
                                       RELANCE_ACTOR_KIND_COMPANY, "PME");
  gint64 disputed = add_invoice (fx->db, actor, "FA", D (2025, 2, 1), D (2025, 3, 1), 50000);
  gint64 kept = add_invoice (fx->db, actor, "FB", D (2025, 3, 1), DUE_DATE, 100000);
  gint64 other = add_invoice (fx->db, only_disputed, "FC", D (2025, 2, 1), D (2025, 3, 1), 20000);
  gint64 ids[] = { disputed, other };
  gint64 owners[] = { actor, only_disputed };
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *linked = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(RelanceDispute) dispute = relance_dispute_new ();
      g_autoptr(GError) error = NULL;

      dispute->actor_id = owners[i];
      dispute->reason = g_strdup ("Prix contesté");
      dispute->opened_on = D (2025, 3, 5);
      g_array_append_val (dispute->invoice_ids, ids[i]);
      if (!relance_disputes_open (fx->db, dispute, &error))
        fail_msg ("dispute: %s", error->message);
    }

  /* FA (due 01/03) would have made the letter due on 11/03: disputed, it
   * is ignored; FB is overdue from 01/04, its letter due on 10/04. C2
   * owes only a disputed item: no case. */
  r1 = run_day (fx->db, D (2025, 4, 5));
  assert_int_equal (r1->cases_opened, 1);
  assert_int_equal (r1->actions_created, 0);
  assert_rows (fx->db, "SELECT actor_id = 1, date(anchor_date + 1721424.5) FROM dunning_case",
               "1|2025-03-31");
  r2 = run_day (fx->db, D (2025, 4, 10));
  assert_int_equal (r2->actions_created, 1);
  /* The letter is about FB only */
  sql = g_strdup_printf ("SELECT invoice_id = %" G_GINT64_FORMAT " FROM action_invoice", kept);
  linked = query_rows (fx->db, sql);
  assert_string_equal (linked, "1");
}

static void
test_run_promise_suspends_the_case_and_a_broken_one_escalates (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Relance", 10, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Appel", 20, RELANCE_CHANNEL_CALL, FALSE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 2);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) suspended = NULL;
  g_autoptr(RelanceRunReport) over = NULL;
  g_autoptr(RelanceRunReport) broken = NULL;
  g_autoptr(RelanceRunReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *while_suspended = NULL;
  g_autofree char *actions = NULL;

  r1 = run_day (fx->db, D (2025, 4, 10));

  /* On 12/04 the customer promises 1 000,00 € for 25/04, 3 days' grace */
  promise->actor_id = actor;
  g_strlcpy (promise->currency, "EUR", sizeof promise->currency);
  promise->grace_days = 3;
  promise->made_on = D (2025, 4, 12);
  relance_promise_add_instalment (promise, D (2025, 4, 25), 100000);
  if (!relance_promises_add (fx->db, promise, &error))
    fail_msg ("promise: %s", error->message);

  /* 21/04: the call (due 20/04) waits while the promise holds */
  suspended = run_day (fx->db, D (2025, 4, 21));
  assert_int_equal (suspended->cases_suspended, 1);
  assert_int_equal (suspended->actions_created, 0);
  assert_rows (fx->db, "SELECT status FROM dunning_case", "suspended");
  while_suspended = actions_of (fx->db, actor);
  assert_string_equal (while_suspended, "1:2025-04-10:done");

  /* 26/04: the promise date has passed: the case goes on from that day */
  over = run_day (fx->db, D (2025, 4, 26));
  assert_int_equal (over->cases_resumed, 1);
  assert_int_equal (over->actions_created, 1);

  /* 29/04 > 25/04 + 3 and nothing paid: broken, escalated once */
  broken = run_day (fx->db, D (2025, 4, 29));
  assert_int_equal (broken->escalations, 1);
  assert_int_equal (broken->actions_manual, 1);
  again = run_day (fx->db, D (2025, 4, 29));
  assert_int_equal (again->escalations, 0);
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions,
                       "1:2025-04-10:done,2:2025-04-26:planned,Promesse non tenue:2025-04-29:planned");
  assert_rows (fx->db, "SELECT assigned_to, channel FROM action WHERE title = 'Promesse non tenue'",
               "arossi|call");
}

/* Fees, interest, litigation, closing */

static void
test_run_charges_the_fee_of_an_automatic_step (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    { "Mise en demeure", 45, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_FORMAL_NOTICE, TRUE, FALSE,
      0, 0, 1500, 3 },
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 1);
  g_autoptr(RelanceRunReport) report = NULL;
  const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, 0);
  g_autofree char *number = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *fee = NULL;

  customer_with_invoice (fx->db, "C1", "F1");
  /* 31/03 + 45 = 15/05 */
  report = run_day (fx->db, D (2025, 5, 15));
  assert_int_equal (report->actions_created, 1);
  assert_string_equal (g_array_index (report->amounts, RelanceRunAmounts, 0).currency, "EUR");
  assert_int_equal (g_array_index (report->amounts, RelanceRunAmounts, 0).fees_cents, 1500);

  number = g_strdup_printf ("FR-1-%" G_GINT64_FORMAT, step->id);
  sql = g_strdup_printf ("SELECT kind, amount_cents, date(issue_date + 1721424.5),"
                         " date(due_date + 1721424.5), a.fee_invoice_id = i.id"
                         " FROM invoice i, action a WHERE i.number = '%s'", number);
  fee = query_rows (fx->db, sql);
  /* kind 2 = fee, 15,00 €, issued and due on the day of the step */
  assert_string_equal (fee, "2|1500|2025-05-15|2025-05-15|1");
}

static void
test_run_formal_notice_invoices_interest_and_indemnity (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    { "Mise en demeure", 45, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_FORMAL_NOTICE, TRUE, FALSE,
      0, 0, 0, 3 },
  };
  g_autoptr(RelanceScenario) scenario = NULL;
  g_autoptr(RelanceRunReport) report = NULL;
  g_autoptr(GError) error = NULL;
  RelanceScenarioStep *step;
  RelanceScenario *edit;
  gint64 actor;
  guint added = 0;

  assert_true (relance_rates_seed (fx->db, &added, &error));
  edit = relance_scenario_new ("STANDARD", "STANDARD");
  step = relance_scenario_add_step (edit, steps[0].name, 45, RELANCE_TRIGGER_DUE_DATE,
                                    RELANCE_CHANNEL_FORMAL_NOTICE, TRUE);
  step->charge_interest = TRUE;
  step->level = 3;
  assert_true (relance_scenario_store_insert (fx->db, edit, &error));
  scenario = edit;

  actor = add_customer (fx->db, "C1", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  add_invoice (fx->db, actor, "F1", D (2025, 1, 1), D (2025, 1, 31), 100000);
  /* 31/01 + 45 = 17/03: 45 days late in the first half of 2025 at
   * ECB 3,15 % (in force on 1 January) + 10 = 13,15 %:
   * 100 000 × 1 315 × 45 / (10 000 × 365) = 1 621,23 → 1 621 cents;
   * and the 40 € indemnity of a company debtor */
  report = run_day (fx->db, D (2025, 3, 17));
  assert_int_equal (g_array_index (report->amounts, RelanceRunAmounts, 0).interest_cents, 1621);
  assert_int_equal (g_array_index (report->amounts, RelanceRunAmounts, 0).indemnity_cents, 4000);
  /* Kind 3 = interest, kind 2 = fee (the indemnity) */
  assert_rows (fx->db, "SELECT kind, amount_cents FROM invoice WHERE number <> 'F1' ORDER BY kind",
               "2|4000,3|1621");
}

static void
test_run_litigation_step_hands_the_items_over (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    { "Contentieux", 75, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_LITIGATION, TRUE, FALSE,
      0, 0, 0, 5 },
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 1);
  g_autoptr(RelanceRunReport) report = NULL;

  customer_with_invoice (fx->db, "C1", "F1");
  /* 31/03 + 75 = 14/06 */
  report = run_day (fx->db, D (2025, 6, 14));
  assert_int_equal (report->items_handed_over, 1);
  assert_rows (fx->db, "SELECT number, litigation FROM invoice", "F1|1");
  assert_rows (fx->db, "SELECT level FROM dunning_case", "5");
}

static void
test_run_closes_a_paid_case_and_cancels_its_planned_actions (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = { STEP ("Appel", 5, RELANCE_CHANNEL_CALL, FALSE) };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 1);
  gint64 actor = add_customer (fx->db, "C1", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  gint64 invoice = add_invoice (fx->db, actor, "F1", D (2025, 3, 1), DUE_DATE, 100000);
  gint64 payment;
  g_autoptr(RelanceRunReport) r0 = NULL;
  g_autoptr(RelanceRunReport) r1 = NULL;
  g_autoptr(RelanceRunReport) r2 = NULL;
  g_autofree char *actions = NULL;

  /* Runs on 31/03 and then on 06/04: the case opens on 01/04, the day
   * after the last run, and the call of 05/04 is caught up on its day */
  r0 = run_day (fx->db, D (2025, 3, 31));
  r1 = run_day (fx->db, D (2025, 4, 6));
  payment = add_payment (fx->db, actor, "RG1", D (2025, 4, 7), 100000, "EUR");
  allocate (fx->db, payment, invoice, 100000, D (2025, 4, 7));
  r2 = run_day (fx->db, D (2025, 4, 8));
  assert_int_equal (r2->cases_closed, 1);
  assert_int_equal (r2->actions_cancelled, 1);
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions, "1:2025-04-05:cancelled");
  assert_rows (fx->db, "SELECT status, date(closed_on + 1721424.5) FROM dunning_case",
               "closed|2025-04-08");
}

/* Idempotence, catch-up, crash */

/* The seeded scenarios on four customers, on 20/04/2025, after a first
 * run on 01/02/2025 (before every step: so each case is caught up from
 * the day its first step fell due, each step on its own day):
 *  C1, a company (STANDARD), 1 000 € due 01/03: steps due 14/02 (J-15),
 *    01/03, 11/03, 21/03, 31/03 (call), 15/04 (formal notice: fee, interest
 *    and indemnity); 30/04 not yet: 6 actions, 5 automatic;
 *  C2, a person (PARTICULIERS), 200 € due 18/04: the SMS of J-3 (15/04);
 *    J+3 is 21/04: 1 action;
 *  C3, a large account (GRANDS_COMPTES), 5 000 € due 25/04: the courtesy
 *    e-mail of J-7 (18/04): 1 action;
 *  C4, a company, due 30/05: J-15 is 15/05, no case yet. */
static void
add_seeded_portfolio (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 c1 = add_customer (db, "C1", "Garage Martin", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  gint64 c2 = add_customer (db, "C2", "Jeanne Petit", "arossi", RELANCE_ACTOR_KIND_PERSON,
                            "Particuliers");
  gint64 c3 = add_customer (db, "C3", "Groupe Durand", "arossi", RELANCE_ACTOR_KIND_COMPANY,
                            "Grand compte");
  gint64 c4 = add_customer (db, "C4", "Boulangerie Roux", "arossi", RELANCE_ACTOR_KIND_COMPANY,
                            "TPE");
  guint added;

  assert_true (relance_rates_seed (db, &added, &error));
  add_invoice (db, c1, "F1", D (2025, 1, 30), D (2025, 3, 1), 100000);
  add_invoice (db, c2, "F2", D (2025, 3, 19), D (2025, 4, 18), 20000);
  add_invoice (db, c3, "F3", D (2025, 2, 24), D (2025, 4, 25), 500000);
  add_invoice (db, c4, "F4", D (2025, 4, 15), D (2025, 5, 30), 30000);
}

static void
test_run_twice_the_same_day_creates_nothing_more (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceRunReport) earlier = NULL;
  g_autoptr(RelanceRunReport) first = NULL;
  g_autoptr(RelanceRunReport) second = NULL;
  const char *counts = "SELECT (SELECT count(*) FROM dunning_case), (SELECT count(*) FROM action),"
                       " (SELECT count(*) FROM action_invoice), (SELECT count(*) FROM invoice),"
                       " (SELECT count(*) FROM interest_charge)";
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;

  add_seeded_portfolio (fx->db);
  earlier = run_day (fx->db, D (2025, 2, 1));
  assert_true (earlier->seeded);
  assert_int_equal (earlier->cases_opened, 0);
  first = run_day (fx->db, D (2025, 4, 20));
  assert_int_equal (first->previous_run, D (2025, 2, 1));
  assert_int_equal (first->cases_opened, 3);
  /* 6 + 1 + 1 actions; 5 + 1 + 1 automatic, the call of C1 manual */
  assert_int_equal (first->actions_created, 8);
  assert_int_equal (first->actions_automatic, 7);
  assert_int_equal (first->actions_manual, 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_EMAIL], 3);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_LETTER], 2);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_SMS], 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_CALL], 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_FORMAL_NOTICE], 1);
  /* The fee of the formal notice, 15,00 €; interest on C1's 1 000 € for
   * 50 days (01/03 → 20/04) at 13,15 %: 100 000 × 1 315 × 50 / 3 650 000
   * = 1 801,37 → 1 801 cents; one indemnity of 40 € */
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).fees_cents, 1500);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).interest_cents, 1801);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).indemnity_cents, 4000);
  after_first = query_rows (fx->db, counts);
  /* 3 cases, 8 actions, 8 links (one item each), 4 + fee + interest +
   * indemnity = 7 items, 2 interest charges (interest, indemnity) */
  assert_string_equal (after_first, "3|8|8|7|2");

  second = run_day (fx->db, D (2025, 4, 20));
  assert_int_equal (second->cases_opened, 0);
  assert_int_equal (second->actions_created, 0);
  assert_int_equal (g_array_index (second->amounts, RelanceRunAmounts, 0).fees_cents, 0);
  assert_int_equal (g_array_index (second->amounts, RelanceRunAmounts, 0).interest_cents, 0);
  after_second = query_rows (fx->db, counts);
  assert_string_equal (after_second, after_first);
}

static void
test_run_catches_up_missed_days_with_their_own_dates (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Courtoisie", -15, RELANCE_CHANNEL_EMAIL, TRUE),
    STEP ("Relevé", 0, RELANCE_CHANNEL_EMAIL, TRUE),
    STEP ("Relance 1", 10, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Appel", 12, RELANCE_CHANNEL_CALL, FALSE),
    STEP ("Relance 2", 20, RELANCE_CHANNEL_LETTER, TRUE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 5);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelanceRunReport) before = NULL;
  g_autoptr(RelanceRunReport) caught_up = NULL;
  g_autoptr(RelanceRunReport) again = NULL;
  g_autofree char *actions = NULL;

  /* Runs every day from 14/03 to 30/03: the courtesy e-mail goes out on
   * 16/03 */
  for (RelanceDate day = D (2025, 3, 14); day <= D (2025, 3, 30); day++)
    {
      g_clear_pointer (&before, relance_run_report_free);
      before = run_day (fx->db, day);
    }
  /* No run from 31/03 to 11/04 (12 days): on 12/04, the steps of 31/03,
   * 10/04 and 12/04 are created, each on its own day */
  caught_up = run_day (fx->db, D (2025, 4, 12));
  assert_int_equal (caught_up->previous_run, D (2025, 3, 30));
  assert_int_equal (caught_up->actions_created, 3);
  again = run_day (fx->db, D (2025, 4, 12));
  assert_int_equal (again->actions_created, 0);
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions,
                       "1:2025-03-16:done,2:2025-03-31:done,3:2025-04-10:done,4:2025-04-12:planned");
}

/* Entering a case at its current level */

/* Steps like the seeded STANDARD's: J-15, J, J+10, J+20 (with a 5,00 €
 * fee, to show that a passed step charges nothing), J+30 (a blocking
 * call), J+45 (the formal notice: 15,00 €, late interest and the 40 €
 * indemnity) */
static RelanceScenario *
add_standard_like_scenario (RelanceDatabase *db)
{
  const StepSpec steps[] = {
    { "Courtoisie", -15, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_EMAIL, TRUE, FALSE, 0, 0, 0,
      RELANCE_LEVEL_COURTESY },
    { "Relevé", 0, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_EMAIL, TRUE, FALSE, 0, 0, 0,
      RELANCE_LEVEL_REMINDER_1 },
    { "Relance 1", 10, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_LETTER, TRUE, FALSE, 0, 0, 0,
      RELANCE_LEVEL_REMINDER_1 },
    { "Relance 2", 20, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_LETTER, TRUE, FALSE, 0, 0, 500,
      RELANCE_LEVEL_REMINDER_2 },
    { "Appel", 30, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_CALL, FALSE, TRUE, 0, 0, 0,
      RELANCE_LEVEL_REMINDER_2 },
    { "Mise en demeure", 45, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_FORMAL_NOTICE, TRUE, FALSE,
      0, 0, 1500, RELANCE_LEVEL_FORMAL_NOTICE },
  };
  g_autoptr(GError) error = NULL;
  RelanceScenario *scenario = relance_scenario_new ("STANDARD", "STANDARD");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      RelanceScenarioStep *step = relance_scenario_add_step (scenario, steps[i].name,
                                                             steps[i].days, steps[i].ref,
                                                             steps[i].channel,
                                                             steps[i].automatic);

      step->blocking = steps[i].blocking;
      step->fee_cents = steps[i].fee_cents;
      step->level = steps[i].level;
      step->charge_interest = steps[i].channel == RELANCE_CHANNEL_FORMAL_NOTICE;
    }
  if (!relance_scenario_store_insert (db, scenario, &error))
    fail_msg ("scenario: %s", error->message);
  return scenario;
}

static void
test_first_run_enters_case_at_its_current_level (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceScenario) scenario = add_standard_like_scenario (fx->db);
  g_autoptr(RelanceRunReport) first = NULL;
  g_autoptr(RelanceRunReport) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *c1_actions = NULL;
  g_autofree char *c2_actions = NULL;
  g_autofree char *c2_later = NULL;
  g_autofree char *audit = NULL;
  guint added = 0;
  gint64 c1, c2;

  assert_true (relance_rates_seed (fx->db, &added, &error));
  c1 = add_customer (fx->db, "C1", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  c2 = add_customer (fx->db, "C2", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  add_invoice (fx->db, c1, "F1", D (2025, 3, 1), D (2025, 3, 31), 100000);
  add_invoice (fx->db, c2, "F2", D (2025, 3, 16), D (2025, 4, 15), 50000);

  /* The first run ever, on 20/05/2025 (O = D):
   *  C1, due 31/03, 50 days late: its steps fell due on 16/03, 31/03,
   *    10/04, 20/04, 30/04 and 15/05, all on or before 20/05: it enters
   *    at the last, the formal notice (level 3), one action done on 20/05
   *    by the server; the fee of step 4 and the blocking call of step 5
   *    are passed (the lateness wins over the blocking call);
   *  C2, due 15/04, 35 days late: 31/03, 15/04, 25/04, 05/05, 15/05 have
   *    fallen due, the formal notice (30/05) not yet: it enters at the
   *    blocking call (level 2), on arossi's agenda from 20/05.
   * Invoiced: the formal notice's fee, 15,00 €; interest on C1's
   * 1 000,00 € for 50 days (01/04 → 20/05) in the first half of 2025 at
   * 3,15 % + 10 = 13,15 %: 100 000 × 1 315 × 50 / 3 650 000 = 1 801,37
   * → 1 801 cents; one 40 € indemnity. */
  first = run_day (fx->db, D (2025, 5, 20));
  assert_int_equal (first->previous_run, 0);
  assert_int_equal (first->cases_opened, 2);
  assert_int_equal (first->actions_created, 2);
  assert_int_equal (first->actions_automatic, 1);
  assert_int_equal (first->actions_manual, 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_FORMAL_NOTICE], 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_CALL], 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_LETTER], 0);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_EMAIL], 0);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).fees_cents, 1500);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).interest_cents, 1801);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).indemnity_cents, 4000);

  c1_actions = actions_of (fx->db, c1);
  assert_string_equal (c1_actions, "6:2025-05-20:done");
  c2_actions = actions_of (fx->db, c2);
  assert_string_equal (c2_actions, "5:2025-05-20:planned");
  assert_rows (fx->db, "SELECT actor_id, level, step_position, date(opened_on + 1721424.5),"
                       " date(last_step_date + 1721424.5), status FROM dunning_case ORDER BY actor_id",
               "1|3|6|2025-05-20|2025-05-20|open,2|2|5|2025-05-20|2025-05-20|open");
  assert_rows (fx->db, "SELECT done_by, date(done_date + 1721424.5), assigned_to FROM action"
                       " WHERE automatic = 1",
               "server|2025-05-20|arossi");
  /* F1, F2, the fee, the interest, the indemnity: no fee of step 4 */
  assert_rows (fx->db, "SELECT kind, amount_cents FROM invoice WHERE number NOT IN ('F1', 'F2')"
                       " ORDER BY kind, amount_cents",
               "2|1500,2|4000,3|1801");
  /* The case is opened at its entry step, and its audit says so: one
   * line, no move */
  audit = query_rows (fx->db, "SELECT action, after FROM audit WHERE entity = 'dunning_case'"
                              " AND entity_id = 1");
  assert_true (g_str_has_prefix (audit, "open|opened, entered at step 6: the steps before it "
                                        "passed\n"));
  assert_non_null (strstr (audit, "\nstep: 6\n"));
  assert_non_null (strstr (audit, "\nlevel: 3\n"));
  assert_null (strstr (audit, "update|"));

  /* From there on, the steps follow day by day: on 30/05 C2's formal
   * notice is due, but the call it entered at blocks it */
  later = run_day (fx->db, D (2025, 5, 30));
  assert_int_equal (later->actions_created, 0);
  c2_later = actions_of (fx->db, c2);
  assert_string_equal (c2_later, "5:2025-05-20:planned");
}

static void
test_case_opened_during_missed_days_catches_up_from_the_day_it_fell_overdue (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Relevé", 0, RELANCE_CHANNEL_EMAIL, TRUE),
    STEP ("Relance 1", 3, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Appel", 6, RELANCE_CHANNEL_CALL, FALSE),
    STEP ("Relance 2", 20, RELANCE_CHANNEL_LETTER, TRUE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 4);
  g_autoptr(RelanceRunReport) before = NULL;
  g_autoptr(RelanceRunReport) caught_up = NULL;
  g_autoptr(RelanceRunReport) again = NULL;
  g_autofree char *c1_actions = NULL;
  g_autofree char *c2_actions = NULL;
  gint64 c1 = add_customer (fx->db, "C1", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  gint64 c2 = add_customer (fx->db, "C2", "Client", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");

  add_invoice (fx->db, c1, "F1", D (2025, 3, 3), D (2025, 4, 3), 100000);
  /* Runs every day from 25/03 to 01/04: nothing overdue yet */
  for (RelanceDate day = D (2025, 3, 25); day <= D (2025, 4, 1); day++)
    {
      g_clear_pointer (&before, relance_run_report_free);
      before = run_day (fx->db, day);
      assert_int_equal (before->cases_opened, 0);
    }
  /* During the gap, an old invoice of C2 (due 31/01) is entered */
  add_invoice (fx->db, c2, "F2", D (2025, 1, 1), D (2025, 1, 31), 20000);

  /* No run from 02/04 to 11/04 (10 days); on 12/04:
   *  C1's F1 fell overdue on 04/04 (due 03/04 + 1), inside the gap: its
   *    case opens on O = 04/04 and enters at the step of J (03/04),
   *    planned on 04/04; then J+3 (06/04) and J+6 (09/04, the call) are
   *    created each on its own day; J+20 (23/04) is not due;
   *  C2's F2 has been overdue since 01/02, before the last run: its case
   *    opens on O = 02/04, the day after the last run, where every step
   *    had fallen due (J+20 = 20/02): it enters at J+20, on 02/04. */
  caught_up = run_day (fx->db, D (2025, 4, 12));
  assert_int_equal (caught_up->previous_run, D (2025, 4, 1));
  assert_int_equal (caught_up->cases_opened, 2);
  assert_int_equal (caught_up->actions_created, 4);
  c1_actions = actions_of (fx->db, c1);
  assert_string_equal (c1_actions, "1:2025-04-04:done,2:2025-04-06:done,3:2025-04-09:planned");
  c2_actions = actions_of (fx->db, c2);
  assert_string_equal (c2_actions, "4:2025-04-02:done");
  assert_rows (fx->db, "SELECT actor_id, date(opened_on + 1721424.5), step_position"
                       " FROM dunning_case ORDER BY actor_id",
               "1|2025-04-04|3,2|2025-04-02|4");

  again = run_day (fx->db, D (2025, 4, 12));
  assert_int_equal (again->actions_created, 0);
  assert_int_equal (again->cases_opened, 0);
}

/* A case opened under a promise waits at no step; when the promise is
 * broken it enters its scenario at the level of its opening day, and
 * the steps that fell due while it waited come on the day it resumes */
static void
test_case_opened_under_a_promise_enters_its_level_when_it_resumes (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Relance 1", 10, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Relance 2", 20, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Appel", 30, RELANCE_CHANNEL_CALL, FALSE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 3);
  gint64 actor = customer_with_invoice (fx->db, "C1", "F1");
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  g_autoptr(RelanceRunReport) waiting = NULL;
  g_autoptr(RelanceRunReport) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actions = NULL;

  /* On 20/04 the customer promised 1 000,00 € for 30/04, 3 days' grace */
  promise->actor_id = actor;
  g_strlcpy (promise->currency, "EUR", sizeof promise->currency);
  promise->grace_days = 3;
  promise->made_on = D (2025, 4, 20);
  relance_promise_add_instalment (promise, D (2025, 4, 30), 100000);
  if (!relance_promises_add (fx->db, promise, &error))
    fail_msg ("promise: %s", error->message);

  /* The first run, on 25/04: the case opens (O = 25/04), suspended, at
   * no step */
  waiting = run_day (fx->db, D (2025, 4, 25));
  assert_int_equal (waiting->cases_opened, 1);
  assert_int_equal (waiting->cases_suspended, 1);
  assert_int_equal (waiting->actions_created, 0);
  assert_rows (fx->db, "SELECT status, step_position, date(opened_on + 1721424.5) FROM dunning_case",
               "suspended|0|2025-04-25");

  /* 05/05 > 30/04 + 3, nothing paid: broken, escalated, the case resumes
   * on 05/05. It enters at the last step due by 25/04, J+20 (20/04), on
   * 05/05; J+10 (10/04) is passed; J+30 (30/04) fell due while it
   * waited: planned on 05/05 */
  resumed = run_day (fx->db, D (2025, 5, 5));
  assert_int_equal (resumed->escalations, 1);
  assert_int_equal (resumed->cases_resumed, 1);
  assert_int_equal (resumed->actions_created, 3);
  actions = actions_of (fx->db, actor);
  assert_string_equal (actions, "Promesse non tenue:2025-05-05:planned,2:2025-05-05:done,"
                                "3:2025-05-05:planned");
  assert_rows (fx->db, "SELECT status, step_position FROM dunning_case", "open|3");
  assert_rows (fx->db, "SELECT count(*) FROM audit WHERE entity = 'dunning_case'"
                       " AND after LIKE 'daily run, entered at step 2: the steps before it passed%'",
               "1");
}

/* The seeded portfolio of add_seeded_portfolio() on its first run ever,
 * 20/04/2025: each case enters at its current level:
 *  C1 (STANDARD), due 01/03, 50 days late: J-15 … J+45 (15/04) have
 *    fallen due, J+60 (30/04) not: the formal notice, with its 15,00 €
 *    fee, interest on 1 000 € for 50 days at 13,15 % (100 000 × 1 315 ×
 *    50 / 3 650 000 = 1 801,37 → 1 801 cents) and one 40 € indemnity;
 *  C2 (PARTICULIERS), due 18/04: J-3 (15/04), the SMS;
 *  C3 (GRANDS_COMPTES), due 25/04: J-7 (18/04), the e-mail;
 *  C4, due 30/05: no case.
 * 3 cases, 3 actions (all automatic), 3 links, 4 + fee + interest +
 * indemnity = 7 items, 2 interest charges (interest, indemnity). */
static void
test_first_run_is_idempotent (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceRunReport) first = NULL;
  g_autoptr(RelanceRunReport) second = NULL;
  const char *counts = "SELECT (SELECT count(*) FROM dunning_case), (SELECT count(*) FROM action),"
                       " (SELECT count(*) FROM action_invoice), (SELECT count(*) FROM invoice),"
                       " (SELECT count(*) FROM interest_charge), (SELECT count(*) FROM audit)";
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;

  add_seeded_portfolio (fx->db);
  first = run_day (fx->db, D (2025, 4, 20));
  assert_true (first->seeded);
  assert_int_equal (first->cases_opened, 3);
  assert_int_equal (first->actions_created, 3);
  assert_int_equal (first->actions_automatic, 3);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_FORMAL_NOTICE], 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_SMS], 1);
  assert_int_equal (first->actions_by_channel[RELANCE_CHANNEL_EMAIL], 1);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).fees_cents, 1500);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).interest_cents, 1801);
  assert_int_equal (g_array_index (first->amounts, RelanceRunAmounts, 0).indemnity_cents, 4000);
  assert_rows (fx->db, "SELECT c.actor_id, s.code, c.step_position, c.level"
                       " FROM dunning_case c JOIN scenario s ON s.id = c.scenario_id"
                       " ORDER BY c.actor_id",
               "1|STANDARD|6|3,2|PARTICULIERS|1|0,3|GRANDS_COMPTES|1|0");
  assert_rows (fx->db, "SELECT DISTINCT date(planned_date + 1721424.5) FROM action", "2025-04-20");
  after_first = query_rows (fx->db, counts);
  assert_true (g_str_has_prefix (after_first, "3|3|3|7|2|"));

  /* Again: nothing at all, not even an audit line */
  second = run_day (fx->db, D (2025, 4, 20));
  assert_false (second->seeded);
  assert_int_equal (second->cases_opened, 0);
  assert_int_equal (second->actions_created, 0);
  assert_int_equal (g_array_index (second->amounts, RelanceRunAmounts, 0).fees_cents, 0);
  assert_int_equal (g_array_index (second->amounts, RelanceRunAmounts, 0).interest_cents, 0);
  assert_int_equal (g_array_index (second->amounts, RelanceRunAmounts, 0).indemnity_cents, 0);
  after_second = query_rows (fx->db, counts);
  assert_string_equal (after_second, after_first);
}

typedef struct
{
  int after_actors;
  int actors;
} KillAt;

static void
kill_after_actors_cb (double      fraction,
                      const char *what,
                      gpointer    data)
{
  KillAt *kill_at = data;

  /* After the start of the walk over the actors (0.1), one call per
   * actor */
  if (fraction > 0.1 && fraction < 1.0 && ++kill_at->actors == kill_at->after_actors)
    raise (SIGKILL);
}

/* Runs @day in a child process of its own, killed after its 3rd actor
 * (one actor per transaction); then reopens the database, which must
 * pass the integrity check */
static void
run_killed_after_three_actors (EngineFixture *fx,
                               RelanceDate    day)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  pid_t child;

  g_clear_object (&fx->db);
  child = fork ();
  assert_true (child >= 0);
  if (child == 0)
    {
      RelanceDailyRunOptions options = { 1 };
      KillAt kill_at = { 3, 0 };
      RelanceDatabase *db = relance_database_open (fx->path, NULL);

      relance_daily_run (db, day, &options, NULL, kill_after_actors_cb, &kill_at, NULL, NULL);
      _exit (3);
    }
  assert_int_equal (waitpid (child, &status, 0), child);
  assert_true (WIFSIGNALED (status));
  assert_int_equal (WTERMSIG (status), SIGKILL);

  fx->db = relance_database_open (fx->path, &error);
  assert_non_null (fx->db);
  relance_database_set_user (fx->db, "test");
  assert_true (relance_database_check_integrity (fx->db, &error));
}

static void
test_run_killed_in_the_middle_is_finished_by_the_next (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Relevé", 0, RELANCE_CHANNEL_EMAIL, TRUE),
    STEP ("Relance 1", 10, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Relance 2", 20, RELANCE_CHANNEL_LETTER, TRUE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 3);
  g_autoptr(RelanceRunReport) earlier = NULL;
  g_autoptr(RelanceRunReport) finish = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%d", i);
      g_autofree char *number = g_strdup_printf ("F%d", i);

      customer_with_invoice (fx->db, code, number);
    }
  /* Seeds (the user) before the crash, so that only the run is killed;
   * a run on 30/03 (nothing overdue yet), so that the run of 20/04 opens
   * the cases on 01/04 and catches up their three steps */
  assert_true (relance_collections_seed (fx->db, NULL, &error));
  earlier = run_day (fx->db, D (2025, 3, 30));
  g_clear_object (&fx->db);

  run_killed_after_three_actors (fx, D (2025, 4, 20));
  /* Whole actors: 3 cases with their 3 steps each: the e-mail of J
   * (31/03) entered on 01/04, the letters of 10/04 and 20/04 */
  assert_int_equal (relance_run_journal_get (fx->db, D (2025, 4, 20), NULL, NULL),
                    RELANCE_RUN_RUNNING);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM dunning_case"), 3);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM action"), 9);

  finish = run_day (fx->db, D (2025, 4, 20));
  assert_true (finish->resumed);
  assert_int_equal (finish->cases_opened, 3);
  assert_int_equal (finish->actions_created, 9);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM action"), 18);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM (SELECT case_id, step_id FROM action"
                                       " GROUP BY case_id, step_id HAVING count(*) > 1)"), 0);
  assert_int_equal (relance_run_journal_get (fx->db, D (2025, 4, 20), NULL, NULL),
                    RELANCE_RUN_DONE);
  /* As one run without a crash: the same days for all six */
  assert_rows (fx->db, "SELECT date(opened_on + 1721424.5), step_position, count(*)"
                       " FROM dunning_case GROUP BY 1, 2",
               "2025-04-01|3|6");
  assert_rows (fx->db, "SELECT date(planned_date + 1721424.5), count(*) FROM action GROUP BY 1",
               "2025-04-01|6,2025-04-10|6,2025-04-20|6");
}

/* The same crash on a first run ever: the cases the killed run opened
 * and the ones the next run opens all enter on 20/04, at step 3 (J+20 =
 * 20/04, the last due), with one action each, as one run would do */
static void
test_first_run_killed_in_the_middle_gives_the_same_as_one_run (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = {
    STEP ("Relevé", 0, RELANCE_CHANNEL_EMAIL, TRUE),
    STEP ("Relance 1", 10, RELANCE_CHANNEL_LETTER, TRUE),
    STEP ("Relance 2", 20, RELANCE_CHANNEL_LETTER, TRUE),
  };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 3);
  g_autoptr(RelanceRunReport) finish = NULL;
  g_autoptr(RelanceRunReport) again = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%d", i);
      g_autofree char *number = g_strdup_printf ("F%d", i);

      customer_with_invoice (fx->db, code, number);
    }
  assert_true (relance_collections_seed (fx->db, NULL, &error));
  run_killed_after_three_actors (fx, D (2025, 4, 20));

  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM dunning_case"), 3);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM action"), 3);
  finish = run_day (fx->db, D (2025, 4, 20));
  assert_true (finish->resumed);
  assert_int_equal (finish->previous_run, 0);
  assert_int_equal (finish->cases_opened, 3);
  assert_int_equal (finish->actions_created, 3);
  assert_rows (fx->db, "SELECT date(opened_on + 1721424.5), step_position, level, count(*)"
                       " FROM dunning_case GROUP BY 1, 2, 3",
               "2025-04-20|3|1|6");
  assert_rows (fx->db, "SELECT s.position, date(a.planned_date + 1721424.5), a.status, count(*)"
                       " FROM action a JOIN scenario_step s ON s.id = a.step_id GROUP BY 1, 2, 3",
               "3|2025-04-20|done|6");
  again = run_day (fx->db, D (2025, 4, 20));
  assert_int_equal (again->actions_created, 0);
}

static void
cancel_after_first_actor_cb (double      fraction,
                             const char *what,
                             gpointer    data)
{
  if (fraction > 0.1)
    g_cancellable_cancel (data);
}

static void
test_run_cancelled_keeps_what_is_done (void **state)
{
  EngineFixture *fx = *state;
  const StepSpec steps[] = { STEP ("Relevé", 0, RELANCE_CHANNEL_EMAIL, TRUE) };
  g_autoptr(RelanceScenario) scenario = add_scenario (fx->db, "STANDARD", steps, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RelanceRunReport) finish = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDailyRunOptions options = { 1 };

  customer_with_invoice (fx->db, "C1", "F1");
  customer_with_invoice (fx->db, "C2", "F2");
  /* Cancelled after the first customer: it is kept, the second is not
   * done, the journal says running */
  assert_false (relance_daily_run (fx->db, D (2025, 4, 1), &options, cancellable,
                                   cancel_after_first_actor_cb, cancellable, NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM dunning_case"), 1);
  assert_int_equal (relance_run_journal_get (fx->db, D (2025, 4, 1), NULL, NULL),
                    RELANCE_RUN_RUNNING);
  finish = run_day (fx->db, D (2025, 4, 1));
  assert_true (finish->resumed);
  assert_int_equal (finish->cases_opened, 1);
  assert_int_equal (query_int (fx->db, "SELECT count(*) FROM action"), 2);
}

static void
test_run_report_json_names_every_count (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceRunReport) earlier = NULL;
  g_autoptr(RelanceRunReport) report = NULL;
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;

  /* As in test_run_twice_the_same_day_creates_nothing_more */
  add_seeded_portfolio (fx->db);
  earlier = run_day (fx->db, D (2025, 2, 1));
  report = run_day (fx->db, D (2025, 4, 20));
  json = relance_run_report_to_json (report);
  assert_non_null (strstr (json, "\"date\":\"2025-04-20\""));
  assert_non_null (strstr (json, "\"actions_created\":8"));
  assert_non_null (strstr (json, "\"formal_notice\":1"));
  assert_non_null (strstr (json, "{\"currency\":\"EUR\",\"fees_cents\":1500,"
                                 "\"interest_cents\":1801,\"indemnity_cents\":4000}"));
  /* The journal keeps the same summary */
  assert_int_equal (relance_run_journal_get (fx->db, D (2025, 4, 20), &summary, NULL),
                    RELANCE_RUN_DONE);
  assert_string_equal (summary, json);
}

int
main (void)
{
#define FIXTURE(test) cmocka_unit_test_setup_teardown (test, engine_fixture_setup, engine_fixture_teardown)
  const struct CMUnitTest tests[] = {
    FIXTURE (test_run_negative_trigger_fires_fifteen_days_before_the_due_date),
    FIXTURE (test_run_positive_trigger_fires_ten_days_after_the_due_date),
    FIXTURE (test_run_trigger_from_the_previous_step_counts_from_its_done_date),
    FIXTURE (test_run_success_branch_goes_to_its_step),
    FIXTURE (test_run_failure_branch_goes_to_its_step),
    FIXTURE (test_run_blocking_step_stops_the_walk_until_done),
    FIXTURE (test_run_failed_blocking_step_waits_for_a_follow_up),
    FIXTURE (test_run_leaves_disputed_items_out),
    FIXTURE (test_run_promise_suspends_the_case_and_a_broken_one_escalates),
    FIXTURE (test_run_charges_the_fee_of_an_automatic_step),
    FIXTURE (test_run_formal_notice_invoices_interest_and_indemnity),
    FIXTURE (test_run_litigation_step_hands_the_items_over),
    FIXTURE (test_run_closes_a_paid_case_and_cancels_its_planned_actions),
    FIXTURE (test_run_twice_the_same_day_creates_nothing_more),
    FIXTURE (test_run_catches_up_missed_days_with_their_own_dates),
    FIXTURE (test_first_run_enters_case_at_its_current_level),
    FIXTURE (test_case_opened_during_missed_days_catches_up_from_the_day_it_fell_overdue),
    FIXTURE (test_case_opened_under_a_promise_enters_its_level_when_it_resumes),
    FIXTURE (test_first_run_is_idempotent),
    FIXTURE (test_run_killed_in_the_middle_is_finished_by_the_next),
    FIXTURE (test_first_run_killed_in_the_middle_gives_the_same_as_one_run),
    FIXTURE (test_run_cancelled_keeps_what_is_done),
    FIXTURE (test_run_report_json_names_every_count),
  };
#undef FIXTURE

  return cmocka_run_group_tests (tests, NULL, NULL);
}
