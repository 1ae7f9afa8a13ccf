/* test-promises.c — promises to pay and arrangements, kept and broken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Customer C1 promises on 1 June 2025, with 3 days of grace:
 *   300,00 on 10 June (broken from 14 June: 10 + 3 = 13 is the last day)
 *   200,00 on 20 June (broken from 24 June)
 * C1 owes F1 1 000,00 due 1 May, so that its payments have an item.
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

typedef struct
{
  EngineFixture *fx;
  gint64         c1;
  gint64         c2;
  gint64         f1;
} Data;

static int
setup (void **state)
{
  Data *data = g_new0 (Data, 1);

  engine_fixture_setup ((void **) &data->fx);
  data->c1 = add_actor (data->fx->db, "C1", "Customer one");
  data->c2 = add_actor (data->fx->db, "C2", "Customer two");
  data->f1 = add_invoice (data->fx->db, data->c1, "F1", D (2025, 4, 1), D (2025, 5, 1), 100000);
  *state = data;
  return 0;
}

static int
teardown (void **state)
{
  Data *data = *state;
  void *fx = data->fx;

  engine_fixture_teardown (&fx);
  g_free (data);
  return 0;
}

static RelancePromise *
new_promise (gint64 actor_id)
{
  RelancePromise *promise = relance_promise_new ();

  promise->actor_id = actor_id;
  promise->made_on = D (2025, 6, 1);
  promise->grace_days = 3;
  promise->comment = g_strdup ("agreed on the phone");
  /* Given out of order: the store sorts them by date */
  relance_promise_add_instalment (promise, D (2025, 6, 20), 20000);
  relance_promise_add_instalment (promise, D (2025, 6, 10), 30000);
  return promise;
}

static gint64
add_promise (Data *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePromise) promise = new_promise (data->c1);

  if (!relance_promises_add (data->fx->db, promise, &error))
    fail_msg ("add a promise: %s", error->message);
  assert_true (promise->id > 0);
  return promise->id;
}

/* Evaluates on @day; returns how many actors were found broken */
static guint
evaluate (Data        *data,
          RelanceDate  day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) broken = NULL;

  if (!relance_promises_evaluate (data->fx->db, day, &broken, &error))
    fail_msg ("evaluate: %s", error->message);
  assert_non_null (broken);
  for (guint i = 0; i < broken->len; i++)
    assert_int_equal (g_array_index (broken, gint64, i), data->c1);
  return broken->len;
}

static RelancePromise *
find (Data   *data,
      gint64  id)
{
  g_autoptr(GError) error = NULL;
  RelancePromise *promise = relance_promise_store_find (data->fx->db, id, &error);

  assert_non_null (promise);
  assert_int_equal (promise->instalments->len, 2);
  return promise;
}

static gint64
paid_of (RelancePromise *promise,
         guint           index)
{
  return g_array_index (promise->instalments, RelancePromiseInstalment, index).paid_cents;
}

static void
assert_refused (GError *error)
{
  assert_non_null (error);
  if (!g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED))
    fail_msg ("expected a refusal, got: %s", error->message);
}

/* Tests */

static void
test_promise_is_stored_with_sorted_instalments (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = find (data, id);
  const RelancePromiseInstalment *first =
    &g_array_index (promise->instalments, RelancePromiseInstalment, 0);

  assert_int_equal (promise->actor_id, data->c1);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_OPEN);
  assert_int_equal (promise->case_id, 0);   /* C1 has no dunning case */
  assert_string_equal (promise->currency, "EUR");
  assert_int_equal (promise->grace_days, 3);
  assert_string_equal (promise->created_by, "test");
  assert_int_equal (first->due_date, D (2025, 6, 10));
  assert_int_equal (first->amount_cents, 30000);
  assert_int_equal (relance_promise_get_total_cents (promise), 50000);  /* 300 + 200 */
}

static void
test_promise_kept_when_payments_cover_the_instalments (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = NULL;
  gint64 payment = add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 9), 30000, "EUR");

  /* One allocated, one not: both count */
  allocate (data->fx->db, payment, data->f1, 30000, D (2025, 6, 9));
  add_payment (data->fx->db, data->c1, "P2", D (2025, 6, 19), 20000, "EUR");

  assert_int_equal (evaluate (data, D (2025, 6, 19)), 0);
  promise = find (data, id);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_KEPT);
  assert_int_equal (promise->closed_on, D (2025, 6, 19));
  assert_int_equal (paid_of (promise, 0), 30000);
  assert_int_equal (paid_of (promise, 1), 20000);
}

static void
test_promise_kept_by_one_payment_for_all_instalments (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = NULL;

  /* 500,00 = 300,00 + 200,00, paid before the first date */
  add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 5), 50000, "EUR");
  assert_int_equal (evaluate (data, D (2025, 6, 5)), 0);
  promise = find (data, id);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_KEPT);
}

static void
test_promise_fills_instalments_oldest_first (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = NULL;
  g_autoptr(GArray) open = NULL;
  const RelanceOpenPromise *row;

  /* 350,00: 300,00 to the first, 50,00 to the second */
  add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 8), 35000, "EUR");
  assert_int_equal (evaluate (data, D (2025, 6, 12)), 0);
  promise = find (data, id);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_OPEN);
  assert_int_equal (paid_of (promise, 0), 30000);
  assert_int_equal (paid_of (promise, 1), 5000);

  open = relance_promise_store_list_open (data->fx->db, NULL);
  assert_int_equal (open->len, 1);
  row = &g_array_index (open, RelanceOpenPromise, 0);
  assert_int_equal (row->actor_id, data->c1);
  assert_int_equal (row->promise_id, id);
  assert_int_equal (row->next_due, D (2025, 6, 20));  /* the first is paid */
  assert_int_equal (row->until, D (2025, 6, 20));
}

static void
test_promise_not_broken_on_the_last_day_of_grace (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = NULL;

  /* 10 June + 3 days = 13 June: still fine */
  assert_int_equal (evaluate (data, D (2025, 6, 10)), 0);
  assert_int_equal (evaluate (data, D (2025, 6, 13)), 0);
  promise = find (data, id);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_OPEN);
  assert_int_equal (promise->closed_on, 0);
}

static void
test_promise_broken_after_due_date_and_grace (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = NULL;

  /* 100,00 of the 300,00 due 10 June: not enough */
  add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 10), 10000, "EUR");
  assert_int_equal (evaluate (data, D (2025, 6, 14)), 1);
  promise = find (data, id);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_BROKEN);
  assert_int_equal (promise->closed_on, D (2025, 6, 14));
  assert_int_equal (paid_of (promise, 0), 10000);
  assert_int_equal (paid_of (promise, 1), 0);
}

static void
test_promise_found_broken_once_only (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(GArray) open = NULL;

  assert_int_equal (evaluate (data, D (2025, 6, 14)), 1);
  assert_int_equal (evaluate (data, D (2025, 6, 14)), 0);
  assert_int_equal (evaluate (data, D (2025, 6, 15)), 0);
  assert_int_equal (audit_count (data->fx->db, "promise", "broken"), 1);
  open = relance_promise_store_list_open (data->fx->db, NULL);
  assert_int_equal (open->len, 0);
  (void) id;
}

static void
test_promise_late_payment_does_not_mend_a_missed_run (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autoptr(RelancePromise) promise = NULL;

  /* Paid on 15 June, after the last day of grace (13 June); no run between
   * 13 and 16 June: the run of 16 June finds what the 14 June run would
   * have found */
  add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 15), 50000, "EUR");
  assert_int_equal (evaluate (data, D (2025, 6, 16)), 1);
  promise = find (data, id);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_BROKEN);
  /* What was received is still recorded: 300,00 + 200,00 */
  assert_int_equal (paid_of (promise, 0), 30000);
  assert_int_equal (paid_of (promise, 1), 20000);
}

static void
test_promise_counts_only_its_payments (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePayment) rejected = relance_payment_new ("P3", data->c1);
  g_autoptr(RelancePromise) promise = NULL;
  gint64 id = add_promise (data);

  /* Before the promise, in another currency, of another customer,
   * rejected by the bank, after the evaluation day: none counts */
  add_payment (data->fx->db, data->c1, "P0", D (2025, 5, 31), 50000, "EUR");
  add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 5), 50000, "USD");
  add_payment (data->fx->db, data->c2, "P2", D (2025, 6, 5), 50000, "EUR");
  relance_payment_set_date (rejected, D (2025, 6, 5));
  relance_payment_set_amount_cents (rejected, 50000);
  relance_payment_set_rejected (rejected, TRUE);
  assert_true (relance_payment_store_insert (data->fx->db, rejected, 0, &error));
  add_payment (data->fx->db, data->c1, "P4", D (2025, 6, 13), 50000, "EUR");

  assert_int_equal (evaluate (data, D (2025, 6, 12)), 0);
  promise = find (data, id);
  assert_int_equal (paid_of (promise, 0), 0);
  assert_int_equal (promise->status, RELANCE_PROMISE_STATUS_OPEN);
}

static void
test_promise_audits_each_change (void **state)
{
  Data *data = *state;
  gint64 id = add_promise (data);
  g_autofree char *created = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *paid = NULL;

  created = audit_text (data->fx->db, "promise", id, "create", "after");
  assert_contains (created, "made-on: 2025-06-01");
  assert_contains (created, "grace-days: 3");
  assert_contains (created,
                   "instalments: 2025-06-10 300.00 (paid 0.00); 2025-06-20 200.00 (paid 0.00)");
  assert_contains (created, "status: open");

  add_payment (data->fx->db, data->c1, "P1", D (2025, 6, 9), 50000, "EUR");
  assert_int_equal (evaluate (data, D (2025, 6, 9)), 0);

  /* One line per instalment whose paid amount changed, and the closing */
  assert_int_equal (audit_count (data->fx->db, "promise", "instalment-paid"), 2);
  paid = audit_text (data->fx->db, "promise", id, "instalment-paid", "after");
  assert_string_equal (paid, "instalment: 2025-06-20 200.00 (paid 200.00)");
  before = audit_text (data->fx->db, "promise", id, "kept", "before");
  after = audit_text (data->fx->db, "promise", id, "kept", "after");
  assert_contains (before, "status: open");
  assert_contains (after, "status: kept");
  assert_contains (after, "closed-on: 2025-06-09");

  /* Idempotent: a second evaluation writes nothing */
  assert_int_equal (evaluate (data, D (2025, 6, 9)), 0);
  assert_int_equal (audit_count (data->fx->db, "promise", NULL), 4);
}

static void
test_promise_refuses_bad_instalments (void **state)
{
  Data *data = *state;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GError) zero_error = NULL;
  g_autoptr(GError) early_error = NULL;
  g_autoptr(RelancePromise) empty = relance_promise_new ();
  g_autoptr(RelancePromise) zero = new_promise (data->c1);
  g_autoptr(RelancePromise) early = new_promise (data->c1);
  g_autoptr(GPtrArray) all = NULL;

  empty->actor_id = data->c1;
  empty->made_on = D (2025, 6, 1);
  assert_false (relance_promises_add (data->fx->db, empty, &empty_error));
  assert_refused (empty_error);

  relance_promise_add_instalment (zero, D (2025, 6, 30), 0);
  assert_false (relance_promises_add (data->fx->db, zero, &zero_error));
  assert_refused (zero_error);

  relance_promise_add_instalment (early, D (2025, 5, 31), 100);
  assert_false (relance_promises_add (data->fx->db, early, &early_error));
  assert_refused (early_error);

  all = relance_promise_store_list (data->fx->db, 0, FALSE, NULL);
  assert_int_equal (all->len, 0);
}

static void
test_promise_refuses_a_second_open_promise (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePromise) second = new_promise (data->c1);
  g_autoptr(RelancePromise) dollars = new_promise (data->c1);
  gint64 first = add_promise (data);

  assert_false (relance_promises_add (data->fx->db, second, &error));
  assert_refused (error);
  assert_int_equal (second->id, 0);

  /* Another currency is another promise */
  g_strlcpy (dollars->currency, "USD", sizeof dollars->currency);
  assert_true (relance_promises_add (data->fx->db, dollars, NULL));

  /* Once the first is cancelled, a new one can be made */
  assert_true (relance_promises_cancel (data->fx->db, first, D (2025, 6, 2), NULL));
  g_clear_error (&error);
  assert_true (relance_promises_add (data->fx->db, second, &error));
  assert_int_equal (audit_count (data->fx->db, "promise", "cancelled"), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_promise_is_stored_with_sorted_instalments),
    TEST (test_promise_kept_when_payments_cover_the_instalments),
    TEST (test_promise_kept_by_one_payment_for_all_instalments),
    TEST (test_promise_fills_instalments_oldest_first),
    TEST (test_promise_not_broken_on_the_last_day_of_grace),
    TEST (test_promise_broken_after_due_date_and_grace),
    TEST (test_promise_found_broken_once_only),
    TEST (test_promise_late_payment_does_not_mend_a_missed_run),
    TEST (test_promise_counts_only_its_payments),
    TEST (test_promise_audits_each_change),
    TEST (test_promise_refuses_bad_instalments),
    TEST (test_promise_refuses_a_second_open_promise),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
