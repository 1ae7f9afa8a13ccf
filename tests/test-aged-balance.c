/* test-aged-balance.c — open amounts per actor by days past due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values are worked by hand from DOMAIN.md ("DSO and aged
 * balance"); the arithmetic is in the comments. The evaluation day is
 * 30 June 2025 throughout.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine-fixture.h"

#define DAY D (2025, 6, 30)

enum { NOT_DUE, B1_30, B31_60, B61_90, B91_120, OVER_120, N_DEFAULT };

/* The actors of the report:
 *   A: due today 100,00 and 15 July 200,00 (not due); 29 June 10,00
 *      (1 day) and 31 May 20,00 (30 days) in 1–30; 30 May 40,00 (31 days)
 *      in 31–60; 2 March 160,00 (120 days) in 91–120; 1 March 80,00
 *      (121 days: 30 to 31 March, + 30 April + 31 May + 30 June) over 120;
 *      50,00 unallocated; a USD item that is not in the EUR report
 *   B: 30 April 300,00 (61 days) and 1 April 100,00 (90 days) in 61–90
 *   C: only 25,00 unallocated */
static void
insert_report_data (RelanceDatabase *db,
                    gint64          *a,
                    gint64          *b,
                    gint64          *c)
{
  /* created in an order other than the codes, to see the rows sorted */
  *c = add_actor (db, "C", "Gamma");
  *b = add_actor (db, "B", "Beta");
  *a = add_actor (db, "A", "Alpha");

  add_invoice (db, *a, "A-TODAY", D (2025, 5, 31), D (2025, 6, 30), 10000);
  add_invoice (db, *a, "A-LATER", D (2025, 6, 15), D (2025, 7, 15), 20000);
  add_invoice (db, *a, "A-1", D (2025, 5, 30), D (2025, 6, 29), 1000);
  add_invoice (db, *a, "A-30", D (2025, 5, 1), D (2025, 5, 31), 2000);
  add_invoice (db, *a, "A-31", D (2025, 4, 30), D (2025, 5, 30), 4000);
  add_invoice (db, *a, "A-120", D (2025, 2, 1), D (2025, 3, 2), 16000);
  add_invoice (db, *a, "A-121", D (2025, 1, 30), D (2025, 3, 1), 8000);
  add_payment (db, *a, "A-PAY", D (2025, 6, 1), 5000, "EUR");
  add_item (db, *a, "A-USD", RELANCE_INVOICE_KIND_INVOICE,
            D (2025, 1, 1), D (2025, 1, 31), 99900, "USD");

  add_invoice (db, *b, "B-61", D (2025, 3, 31), D (2025, 4, 30), 30000);
  add_invoice (db, *b, "B-90", D (2025, 3, 1), D (2025, 4, 1), 10000);

  add_payment (db, *c, "C-PAY", D (2025, 6, 2), 2500, "EUR");
}

static RelanceAgedBalance *
compute (RelanceDatabase          *db,
         const RelanceAgedBuckets *buckets,
         gint64                    actor_id)
{
  g_autoptr(GError) error = NULL;
  RelanceAgedBalance *balance =
    relance_aged_balance_compute (db, buckets, DAY, "EUR", actor_id, &error);

  if (balance == NULL)
    fail_msg ("aged balance: %s", error->message);
  return balance;
}

/* Bucket definitions */

static void
test_aged_buckets_default_labels (void **state)
{
  g_autoptr(RelanceAgedBuckets) buckets = relance_aged_buckets_new_default ();
  const char *labels[] = { "Not due", "1–30", "31–60", "61–90", "91–120", "Over 120" };
  const int bounds[] = { 0, 30, 60, 90, 120, RELANCE_AGED_UNBOUNDED };

  assert_int_equal (relance_aged_buckets_get_n (buckets), N_DEFAULT);
  for (guint i = 0; i < N_DEFAULT; i++)
    {
      assert_string_equal (relance_aged_buckets_get_label (buckets, i), labels[i]);
      assert_int_equal (relance_aged_buckets_get_max_days (buckets, i), bounds[i]);
    }
}

static void
test_aged_buckets_boundaries (void **state)
{
  g_autoptr(RelanceAgedBuckets) buckets = relance_aged_buckets_new_default ();

  assert_int_equal (relance_aged_buckets_find (buckets, -15), NOT_DUE);
  assert_int_equal (relance_aged_buckets_find (buckets, 0), NOT_DUE);   /* due today */
  assert_int_equal (relance_aged_buckets_find (buckets, 1), B1_30);
  assert_int_equal (relance_aged_buckets_find (buckets, 30), B1_30);
  assert_int_equal (relance_aged_buckets_find (buckets, 31), B31_60);
  assert_int_equal (relance_aged_buckets_find (buckets, 60), B31_60);
  assert_int_equal (relance_aged_buckets_find (buckets, 61), B61_90);
  assert_int_equal (relance_aged_buckets_find (buckets, 90), B61_90);
  assert_int_equal (relance_aged_buckets_find (buckets, 91), B91_120);
  assert_int_equal (relance_aged_buckets_find (buckets, 120), B91_120);
  assert_int_equal (relance_aged_buckets_find (buckets, 121), OVER_120);
  assert_int_equal (relance_aged_buckets_find (buckets, 5000), OVER_120);
}

static void
test_aged_buckets_from_spec (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAgedBuckets) buckets =
    relance_aged_buckets_new_from_spec (" 0, 15 ,45,46", &error);

  assert_non_null (buckets);
  assert_int_equal (relance_aged_buckets_get_n (buckets), 5);
  assert_string_equal (relance_aged_buckets_get_label (buckets, 0), "Not due");
  assert_string_equal (relance_aged_buckets_get_label (buckets, 1), "1–15");
  assert_string_equal (relance_aged_buckets_get_label (buckets, 2), "16–45");
  assert_string_equal (relance_aged_buckets_get_label (buckets, 3), "46");
  assert_string_equal (relance_aged_buckets_get_label (buckets, 4), "Over 46");
  assert_int_equal (relance_aged_buckets_find (buckets, 15), 1);
  assert_int_equal (relance_aged_buckets_find (buckets, 16), 2);
  assert_int_equal (relance_aged_buckets_find (buckets, 45), 2);
  assert_int_equal (relance_aged_buckets_find (buckets, 46), 3);
  assert_int_equal (relance_aged_buckets_find (buckets, 47), 4);
}

static void
test_aged_buckets_spec_with_other_first_bound (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAgedBuckets) buckets = relance_aged_buckets_new_from_spec ("30", &error);

  assert_non_null (buckets);
  assert_int_equal (relance_aged_buckets_get_n (buckets), 2);
  assert_string_equal (relance_aged_buckets_get_label (buckets, 0), "Up to 30");
  assert_string_equal (relance_aged_buckets_get_label (buckets, 1), "Over 30");
  assert_int_equal (relance_aged_buckets_find (buckets, -10), 0);
  assert_int_equal (relance_aged_buckets_find (buckets, 31), 1);
}

static void
test_aged_buckets_bad_spec_is_an_error (void **state)
{
  const char *bad[] = { "", "30,10", "0,30,30", "0,thirty", "0,,30", "0;30", "99999999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RelanceAgedBuckets) buckets = relance_aged_buckets_new_from_spec (bad[i], &error);

      if (buckets != NULL)
        fail_msg ("“%s” was accepted", bad[i]);
      assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR,
                                    RELANCE_ENGINE_ERROR_INVALID_BUCKETS));
    }
}

static void
test_aged_buckets_custom_labels (void **state)
{
  g_autoptr(RelanceAgedBuckets) buckets = relance_aged_buckets_new ();

  assert_true (relance_aged_buckets_add (buckets, "Current", 0));
  assert_true (relance_aged_buckets_add (buckets, "Late", RELANCE_AGED_UNBOUNDED));
  assert_int_equal (relance_aged_buckets_get_n (buckets), 2);
  assert_string_equal (relance_aged_buckets_get_label (buckets, 1), "Late");
}

/* The report */

static void
test_aged_balance_items_in_their_buckets (void **state)
{
  EngineFixture *fx = *state;
  gint64 a, b, c;
  g_autoptr(RelanceAgedBalance) balance = NULL;
  const RelanceAgedBalanceRow *row;

  insert_report_data (fx->db, &a, &b, &c);
  balance = compute (fx->db, NULL, 0);

  assert_int_equal (balance->n_buckets, N_DEFAULT);
  assert_int_equal (balance->n_rows, 3);
  row = &balance->rows[0];
  assert_int_equal (row->actor_id, a);
  assert_string_equal (row->code, "A");
  assert_string_equal (row->name, "Alpha");
  assert_int_equal (row->bucket_cents[NOT_DUE], 30000);   /* 100,00 due today + 200,00 */
  assert_int_equal (row->bucket_cents[B1_30], 3000);      /* 10,00 (1 day) + 20,00 (30 days) */
  assert_int_equal (row->bucket_cents[B31_60], 4000);     /* 40,00 (31 days) */
  assert_int_equal (row->bucket_cents[B61_90], 0);
  assert_int_equal (row->bucket_cents[B91_120], 16000);   /* 160,00 (120 days) */
  assert_int_equal (row->bucket_cents[OVER_120], 8000);   /* 80,00 (121 days) */
  assert_int_equal (row->open_items, 7);                  /* not the USD one */

  row = &balance->rows[1];
  assert_int_equal (row->actor_id, b);
  assert_string_equal (row->code, "B");
  assert_int_equal (row->bucket_cents[B61_90], 40000);    /* 300,00 (61) + 100,00 (90) */
}

static void
test_aged_balance_unallocated_column_is_negative (void **state)
{
  EngineFixture *fx = *state;
  gint64 a, b, c;
  g_autoptr(RelanceAgedBalance) balance = NULL;

  insert_report_data (fx->db, &a, &b, &c);
  balance = compute (fx->db, NULL, 0);

  assert_int_equal (balance->rows[0].unallocated_cents, -5000);
  assert_int_equal (balance->rows[1].unallocated_cents, 0);
  /* C has no open item, only its payment */
  assert_int_equal (balance->rows[2].actor_id, c);
  assert_string_equal (balance->rows[2].name, "Gamma");
  assert_int_equal (balance->rows[2].unallocated_cents, -2500);
  assert_int_equal (balance->rows[2].total_cents, -2500);
  assert_int_equal (balance->rows[2].open_items, 0);
}

static void
test_aged_balance_rows_sum_to_outstanding (void **state)
{
  EngineFixture *fx = *state;
  gint64 a, b, c;
  g_autoptr(RelanceAgedBalance) balance = NULL;

  insert_report_data (fx->db, &a, &b, &c);
  balance = compute (fx->db, NULL, 0);

  /* A: 300,00 + 30,00 + 40,00 + 160,00 + 80,00 − 50,00 = 560,00 */
  assert_int_equal (balance->rows[0].total_cents, 56000);
  for (guint i = 0; i < balance->n_rows; i++)
    {
      const RelanceAgedBalanceRow *row = &balance->rows[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) figures =
        relance_customer_figures_compute (fx->db, row->actor_id, DAY, &error);
      gint64 sum = row->unallocated_cents;

      for (guint k = 0; k < balance->n_buckets; k++)
        sum += row->bucket_cents[k];
      assert_int_equal (sum, row->total_cents);
      assert_string_equal (g_array_index (figures, RelanceFiguresRow, 0).currency, "EUR");
      assert_int_equal (row->total_cents,
                        g_array_index (figures, RelanceFiguresRow, 0).outstanding_cents);
    }
}

static void
test_aged_balance_totals_and_percentages (void **state)
{
  EngineFixture *fx = *state;
  gint64 a, b, c;
  g_autoptr(RelanceAgedBalance) balance = NULL;

  insert_report_data (fx->db, &a, &b, &c);
  balance = compute (fx->db, NULL, 0);

  assert_int_equal (balance->total_bucket_cents[NOT_DUE], 30000);
  assert_int_equal (balance->total_bucket_cents[B1_30], 3000);
  assert_int_equal (balance->total_bucket_cents[B31_60], 4000);
  assert_int_equal (balance->total_bucket_cents[B61_90], 40000);
  assert_int_equal (balance->total_bucket_cents[B91_120], 16000);
  assert_int_equal (balance->total_bucket_cents[OVER_120], 8000);
  assert_int_equal (balance->total_unallocated_cents, -7500);   /* −50,00 − 25,00 */
  /* 300 + 30 + 40 + 400 + 160 + 80 − 75 = 935,00 */
  assert_int_equal (balance->total_cents, 93500);

  /* basis points = total × 10 000 / 93 500, half away from zero */
  assert_int_equal (balance->bucket_basis_points[NOT_DUE], 3209);   /* 3 208,56 */
  assert_int_equal (balance->bucket_basis_points[B1_30], 321);      /*   320,86 */
  assert_int_equal (balance->bucket_basis_points[B31_60], 428);     /*   427,81 */
  assert_int_equal (balance->bucket_basis_points[B61_90], 4278);    /* 4 278,07 */
  assert_int_equal (balance->bucket_basis_points[B91_120], 1711);   /* 1 711,23 */
  assert_int_equal (balance->bucket_basis_points[OVER_120], 856);   /*   855,61 */
  assert_int_equal (balance->unallocated_basis_points, -802);       /*  −802,14 */
  assert_true (fabs (relance_aged_balance_percent (balance, NOT_DUE) - 32.09) < 1e-9);
  assert_true (fabs (relance_aged_balance_percent (balance, N_DEFAULT) + 8.02) < 1e-9);
}

static void
test_aged_balance_custom_buckets (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAgedBuckets) buckets = relance_aged_buckets_new_from_spec ("30,90", &error);
  g_autoptr(RelanceAgedBalance) balance = NULL;
  gint64 a, b, c;

  insert_report_data (fx->db, &a, &b, &c);
  balance = compute (fx->db, buckets, 0);

  assert_int_equal (balance->n_buckets, 3);
  assert_string_equal (relance_aged_buckets_get_label (balance->buckets, 0), "Up to 30");
  /* A: ≤ 30 = 300,00 + 30,00; 31–90 = 40,00; over 90 = 160,00 + 80,00 */
  assert_int_equal (balance->rows[0].bucket_cents[0], 33000);
  assert_int_equal (balance->rows[0].bucket_cents[1], 4000);
  assert_int_equal (balance->rows[0].bucket_cents[2], 24000);
  assert_int_equal (balance->rows[0].total_cents, 56000);
  assert_int_equal (balance->total_cents, 93500);
}

static void
test_aged_balance_one_actor (void **state)
{
  EngineFixture *fx = *state;
  gint64 a, b, c;
  g_autoptr(RelanceAgedBalance) balance = NULL;

  insert_report_data (fx->db, &a, &b, &c);
  balance = compute (fx->db, NULL, b);

  assert_int_equal (balance->n_rows, 1);
  assert_int_equal (balance->rows[0].actor_id, b);
  assert_string_equal (balance->rows[0].code, "B");
  assert_int_equal (balance->total_cents, 40000);
  assert_int_equal (balance->bucket_basis_points[B61_90], 10000);
}

static void
test_aged_balance_other_currency_apart (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAgedBalance) balance = NULL;
  gint64 a, b, c;

  insert_report_data (fx->db, &a, &b, &c);
  balance = relance_aged_balance_compute (fx->db, NULL, DAY, "USD", 0, &error);
  assert_non_null (balance);
  assert_string_equal (balance->currency, "USD");
  assert_int_equal (balance->n_rows, 1);
  /* 31 January → 30 June = 150 days */
  assert_int_equal (balance->rows[0].bucket_cents[OVER_120], 99900);
  assert_int_equal (balance->total_cents, 99900);
}

static void
test_aged_balance_empty_portfolio (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(RelanceAgedBalance) balance = compute (fx->db, NULL, 0);

  assert_int_equal (balance->n_rows, 0);
  assert_int_equal (balance->total_cents, 0);
  assert_int_equal (balance->bucket_basis_points[NOT_DUE], 0);
}

int
main (void)
{
#define FIXTURE(test) cmocka_unit_test_setup_teardown (test, engine_fixture_setup, engine_fixture_teardown)
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_aged_buckets_default_labels),
    cmocka_unit_test (test_aged_buckets_boundaries),
    cmocka_unit_test (test_aged_buckets_from_spec),
    cmocka_unit_test (test_aged_buckets_spec_with_other_first_bound),
    cmocka_unit_test (test_aged_buckets_bad_spec_is_an_error),
    cmocka_unit_test (test_aged_buckets_custom_labels),
    FIXTURE (test_aged_balance_items_in_their_buckets),
    FIXTURE (test_aged_balance_unallocated_column_is_negative),
    FIXTURE (test_aged_balance_rows_sum_to_outstanding),
    FIXTURE (test_aged_balance_totals_and_percentages),
    FIXTURE (test_aged_balance_custom_buckets),
    FIXTURE (test_aged_balance_one_actor),
    FIXTURE (test_aged_balance_other_currency_apart),
    FIXTURE (test_aged_balance_empty_portfolio),
  };
#undef FIXTURE

  return cmocka_run_group_tests (tests, NULL, NULL);
}
