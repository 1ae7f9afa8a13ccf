/* test-agenda.c — the agent's agenda: rows, colours, priority, filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The day D is Sunday 20 April 2025. Three customers, each with one
 * invoice and a case:
 *
 *   C1, agent arossi: 1 500,00 € issued 01/03, due 11/03: 40 days late;
 *       DSO: April 1–20 no sales (+20), March 1 500,00 covered (+31) = 51
 *   C2, agent arossi: 25 000,00 € issued 01/04, due 10/04: 10 days late;
 *       DSO: April's 25 000,00 covered by the balance (+20) = 20
 *   C3, agent claurent: 800,00 € issued 20/02, due 05/04: 15 days late;
 *       DSO: April +20, March +31, February's 800,00 (+28) = 79; a
 *       promise of 800,00 € due on D
 *
 * Actions (ids in order):
 *   1 C1 call, step 1, planned 17/04 (red), arossi
 *   2 C2 call, step 2 (blocking), planned 20/04 (orange), arossi
 *   3 C2 task by hand, planned 21/04 (orange: within 24 h), arossi
 *   4 C1 visit, step 3, planned 22/04 (grey, shown only with --to), arossi
 *   5 C3 call, step 1, planned 19/04 (red), claurent
 *   6 C1 e-mail, automatic, done: never on an agenda
 *
 * Priorities (1 point per 100 € overdue + days late + 200 promise due +
 * 100 blocking):
 *   1: 150 000 / 10 000 = 15 + 40             =  55
 *   2: 2 500 000 / 10 000 = 250 + 10 + 100     = 360
 *   3: 250 + 10                                = 260
 *   4: 15 + 40                                 =  55
 *   5: 80 000 / 10 000 = 8 + 15 + 200          = 223
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine-fixture.h"
#include "dunning-fixture.h"

#define DAY D (2025, 4, 20)

static gint64
open_case (RelanceDatabase       *db,
           gint64                 actor,
           const RelanceScenario *scenario,
           RelanceDate            anchor,
           const char            *agent)
{
  g_autoptr(GError) error = NULL;
  RelanceCase c = { 0 };

  c.actor_id = actor;
  g_strlcpy (c.currency, "EUR", sizeof c.currency);
  c.scenario_id = scenario->id;
  c.anchor_date = anchor;
  c.opened_on = anchor + 1;
  c.agent_login = g_strdup (agent);
  if (!relance_case_store_open (db, &c, NULL, &error))
    fail_msg ("case: %s", error->message);
  relance_case_clear (&c);
  return c.id;
}

static void
add_action (RelanceDatabase       *db,
            gint64                 actor,
            gint64                 case_id,
            const RelanceScenario *scenario,
            int                    position,
            RelanceChannel         channel,
            const char            *title,
            RelanceDate            planned,
            const char            *assignee,
            gboolean               done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) action = relance_action_new (actor, channel, title, planned);

  action->case_id = case_id;
  if (position > 0)
    action->step_id = relance_scenario_get_step (scenario, position)->id;
  action->assigned_to = g_strdup (assignee);
  if (done)
    {
      action->automatic = TRUE;
      action->status = RELANCE_ACTION_DONE;
      action->done_date = planned;
    }
  if (!relance_action_store_insert (db, action, NULL, &error))
    fail_msg ("action: %s", error->message);
}

static int
agenda_setup (void **state)
{
  const StepSpec steps[] = {
    STEP ("Appel de relance", 0, RELANCE_CHANNEL_CALL, FALSE),
    { "Appel avant contentieux", 30, RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_CALL, FALSE, TRUE,
      0, 0, 0, 4 },
    STEP ("Visite", 40, RELANCE_CHANNEL_VISIT, FALSE),
  };
  g_autoptr(RelanceScenario) scenario = NULL;
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  g_autoptr(GError) error = NULL;
  EngineFixture *fx;
  gint64 c1, c2, c3, k1, k2, k3;

  engine_fixture_setup (state);
  fx = *state;
  add_user (fx->db, "arossi", "Alex Rossi", RELANCE_USER_ROLE_AGENT);
  add_user (fx->db, "claurent", "Camille Laurent", RELANCE_USER_ROLE_AGENT);
  add_user (fx->db, "mvallet", "Marie Vallet", RELANCE_USER_ROLE_MANAGER);
  scenario = add_scenario (fx->db, "AGENDA", steps, G_N_ELEMENTS (steps));

  c1 = add_customer (fx->db, "C1", "Garage Martin", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  c2 = add_customer (fx->db, "C2", "Groupe Durand", "arossi", RELANCE_ACTOR_KIND_COMPANY, "PME");
  c3 = add_customer (fx->db, "C3", "Jeanne Petit", "claurent", RELANCE_ACTOR_KIND_PERSON,
                     "Particuliers");
  add_invoice (fx->db, c1, "F1", D (2025, 3, 1), D (2025, 3, 11), 150000);
  add_invoice (fx->db, c2, "F2", D (2025, 4, 1), D (2025, 4, 10), 2500000);
  add_invoice (fx->db, c3, "F3", D (2025, 2, 20), D (2025, 4, 5), 80000);
  k1 = open_case (fx->db, c1, scenario, D (2025, 3, 11), "arossi");
  k2 = open_case (fx->db, c2, scenario, D (2025, 4, 10), "arossi");
  k3 = open_case (fx->db, c3, scenario, D (2025, 4, 5), "claurent");

  promise->actor_id = c3;
  g_strlcpy (promise->currency, "EUR", sizeof promise->currency);
  promise->grace_days = 3;
  promise->made_on = D (2025, 4, 10);
  relance_promise_add_instalment (promise, DAY, 80000);
  if (!relance_promises_add (fx->db, promise, &error))
    fail_msg ("promise: %s", error->message);

  add_action (fx->db, c1, k1, scenario, 1, RELANCE_CHANNEL_CALL, "Appel de relance",
              D (2025, 4, 17), "arossi", FALSE);
  add_action (fx->db, c2, k2, scenario, 2, RELANCE_CHANNEL_CALL, "Appel avant contentieux",
              DAY, "arossi", FALSE);
  add_action (fx->db, c2, k2, scenario, 0, RELANCE_CHANNEL_TASK, "Rappeler le DAF",
              D (2025, 4, 21), "arossi", FALSE);
  add_action (fx->db, c1, k1, scenario, 3, RELANCE_CHANNEL_VISIT, "Visite",
              D (2025, 4, 22), "arossi", FALSE);
  add_action (fx->db, c3, k3, scenario, 1, RELANCE_CHANNEL_CALL, "Appel de relance",
              D (2025, 4, 19), "claurent", FALSE);
  add_action (fx->db, c1, k1, scenario, 0, RELANCE_CHANNEL_EMAIL, "Relevé",
              D (2025, 4, 10), "arossi", TRUE);
  return 0;
}

/* The ids of the items in order, "2,3,1" */
static char *
ids_of (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ((RelanceAgendaItem *) g_ptr_array_index (items, i))->action_id);
  return g_string_free (out, FALSE);
}

static GPtrArray *
agenda (RelanceDatabase           *db,
        const char                *user,
        const RelanceAgendaFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = relance_agenda_list (db, user, DAY, filter, &error);

  if (items == NULL)
    fail_msg ("agenda: %s", error->message);
  return items;
}

#define assert_agenda(db, user, filter, expected) \
  do { \
    g_autoptr(GPtrArray) items_ = agenda ((db), (user), (filter)); \
    g_autofree char *ids_ = ids_of (items_); \
    assert_string_equal (ids_, (expected)); \
  } while (0)

static void
test_agenda_of_an_agent_sorted_by_priority (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GPtrArray) items = agenda (fx->db, "arossi", NULL);
  const RelanceAgendaItem *blocking;
  const RelanceAgendaItem *late;

  /* 360, 260, 55: action 4 (22/04) is beyond D + 1, 5 is claurent's, 6
   * is done */
  assert_int_equal (items->len, 3);
  blocking = g_ptr_array_index (items, 0);
  assert_int_equal (blocking->action_id, 2);
  assert_int_equal (blocking->priority, 360);
  assert_int_equal (blocking->parts.amount, 250);
  assert_int_equal (blocking->parts.days_late, 10);
  assert_int_equal (blocking->parts.promise_due, 0);
  assert_int_equal (blocking->parts.blocking, 100);
  assert_string_equal (blocking->customer_code, "C2");
  assert_string_equal (blocking->customer_name, "Groupe Durand");
  assert_string_equal (blocking->title, "Appel avant contentieux");
  assert_string_equal (blocking->assigned_to, "arossi");
  assert_int_equal (blocking->overdue_cents, 2500000);
  assert_int_equal (blocking->days_late, 10);
  assert_true (blocking->has_dso);
  assert_float_equal (blocking->dso_days, 20.0, 0.001);

  assert_int_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 1))->action_id, 3);
  assert_int_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 1))->priority, 260);

  late = g_ptr_array_index (items, 2);
  assert_int_equal (late->action_id, 1);
  assert_int_equal (late->priority, 55);
  assert_int_equal (late->overdue_cents, 150000);
  assert_int_equal (late->days_late, 40);
  assert_float_equal (late->dso_days, 51.0, 0.001);
  assert_int_equal (late->promise_due, 0);
}

static void
test_agenda_colours_red_orange_grey (void **state)
{
  EngineFixture *fx = *state;
  RelanceAgendaFilter filter = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  GString *colours = g_string_new (NULL);
  g_autofree char *text = NULL;

  filter.date_to = D (2025, 4, 25);
  items = agenda (fx->db, "arossi", &filter);
  /* 2 (20/04: D) orange, 3 (21/04: D + 1) orange, 1 (17/04) red, 4
   * (22/04) grey; 1 and 4 tie at 55: the earlier planned first */
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (colours, "%s%s", i > 0 ? "," : "",
                            relance_agenda_colour_to_string (((RelanceAgendaItem *) g_ptr_array_index (items, i))->colour));
  text = g_string_free (colours, FALSE);
  assert_string_equal (text, "orange,orange,red,grey");
  assert_int_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 3))->action_id, 4);
}

static void
test_agenda_of_every_user_for_a_manager (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GPtrArray) items = agenda (fx->db, NULL, NULL);
  const RelanceAgendaItem *promised = g_ptr_array_index (items, 2);

  /* 360, 260, 223, 55 */
  assert_agenda (fx->db, NULL, NULL, "2,3,5,1");
  assert_int_equal (promised->action_id, 5);
  assert_int_equal (promised->priority, 223);
  assert_int_equal (promised->parts.amount, 8);
  assert_int_equal (promised->parts.days_late, 15);
  assert_int_equal (promised->parts.promise_due, 200);
  assert_int_equal (promised->promise_due, DAY);
  assert_float_equal (promised->dso_days, 79.0, 0.001);
  assert_int_equal (promised->colour, RELANCE_AGENDA_RED);
  assert_agenda (fx->db, "claurent", NULL, "5");
  assert_agenda (fx->db, "mvallet", NULL, "");
}

static void
test_agenda_filters_by_channel_and_dates (void **state)
{
  EngineFixture *fx = *state;
  RelanceAgendaFilter calls = { 0 };
  RelanceAgendaFilter from_today = { 0 };
  RelanceAgendaFilter visits = { 0 };

  calls.has_channel = TRUE;
  calls.channel = RELANCE_CHANNEL_CALL;
  assert_agenda (fx->db, "arossi", &calls, "2,1");
  from_today.date_from = DAY;
  assert_agenda (fx->db, "arossi", &from_today, "2,3");
  visits.has_channel = TRUE;
  visits.channel = RELANCE_CHANNEL_VISIT;
  visits.date_to = D (2025, 4, 30);
  assert_agenda (fx->db, "arossi", &visits, "4");
}

static void
test_agenda_filters_by_amount_customer_and_agent (void **state)
{
  EngineFixture *fx = *state;
  RelanceAgendaFilter at_least_1000 = { 0 };
  RelanceAgendaFilter at_least_2000 = { 0 };
  RelanceAgendaFilter at_most_1600 = { 0 };
  RelanceAgendaFilter customer = { 0 };
  RelanceAgendaFilter agent = { 0 };

  /* C2 owes 25 000,00 € overdue, C1 1 500,00 €, C3 800,00 € */
  at_least_1000.has_amount_min = TRUE;
  at_least_1000.amount_min_cents = 100000;
  assert_agenda (fx->db, NULL, &at_least_1000, "2,3,1");
  at_least_2000.has_amount_min = TRUE;
  at_least_2000.amount_min_cents = 200000;
  assert_agenda (fx->db, NULL, &at_least_2000, "2,3");
  at_most_1600.has_amount_max = TRUE;
  at_most_1600.amount_max_cents = 160000;
  assert_agenda (fx->db, NULL, &at_most_1600, "5,1");
  customer.customer_code = "C2";
  assert_agenda (fx->db, NULL, &customer, "2,3");
  agent.agent = "claurent";
  assert_agenda (fx->db, NULL, &agent, "5");
}

static void
test_agenda_drops_an_action_once_performed (void **state)
{
  EngineFixture *fx = *state;

  perform (fx->db, 2, DAY, TRUE);
  assert_agenda (fx->db, "arossi", NULL, "3,1");
}

static void
test_agenda_reads_the_figures_cache_when_current (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  /* The same figures, read from the portfolio cache */
  assert_true (relance_portfolio_refresh (fx->db, DAY, NULL, NULL, NULL, &error));
  assert_true (relance_figures_store_is_current (fx->db, DAY));
  items = agenda (fx->db, NULL, NULL);
  assert_int_equal (items->len, 4);
  assert_int_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 0))->overdue_cents, 2500000);
  assert_float_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 3))->dso_days, 51.0, 0.001);
}

static void
test_agenda_computes_few_customers_one_by_one (void **state)
{
  EngineFixture *fx = *state;
  RelanceAgendaFilter customer = { 0 };
  g_autoptr(GPtrArray) items = NULL;

  /* 16 customers: one customer on the agenda is a sixteenth, computed by
   * itself rather than by a pass over the portfolio; same figures */
  for (int i = 4; i <= 16; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%d", i);

      add_customer (fx->db, code, "Autre", "claurent", RELANCE_ACTOR_KIND_COMPANY, "PME");
    }
  customer.customer_code = "C2";
  items = agenda (fx->db, NULL, &customer);
  assert_int_equal (items->len, 2);
  assert_int_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 0))->overdue_cents, 2500000);
  assert_int_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 0))->priority, 360);
  assert_float_equal (((RelanceAgendaItem *) g_ptr_array_index (items, 0))->dso_days, 20.0, 0.001);
}

int
main (void)
{
#define FIXTURE(test) cmocka_unit_test_setup_teardown (test, agenda_setup, engine_fixture_teardown)
  const struct CMUnitTest tests[] = {
    FIXTURE (test_agenda_of_an_agent_sorted_by_priority),
    FIXTURE (test_agenda_colours_red_orange_grey),
    FIXTURE (test_agenda_of_every_user_for_a_manager),
    FIXTURE (test_agenda_filters_by_channel_and_dates),
    FIXTURE (test_agenda_filters_by_amount_customer_and_agent),
    FIXTURE (test_agenda_drops_an_action_once_performed),
    FIXTURE (test_agenda_reads_the_figures_cache_when_current),
    FIXTURE (test_agenda_computes_few_customers_one_by_one),
  };
#undef FIXTURE

  return cmocka_run_group_tests (tests, NULL, NULL);
}
