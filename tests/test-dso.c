/* test-dso.c — days sales outstanding: count-back and simple methods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values are worked by hand from DOMAIN.md ("DSO and aged
 * balance"); the arithmetic is in the comments.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine-fixture.h"

#define EPSILON 1e-9

static void
assert_days (double actual,
             double expected)
{
  if (fabs (actual - expected) > EPSILON)
    fail_msg ("DSO %.12f days, expected %.12f", actual, expected);
}

/* The pure function */

static void
test_dso_count_back_worked_example (void **state)
{
  /* DOMAIN.md: 5 899,99 € on 31 March 2025; March 999,99 (covered: +31,
   * 4 900,00 left), February 2 000,00 (covered: +28, 2 900,00 left),
   * January 3 450,50 (not covered: +31 × 2 900,00 / 3 450,50) */
  const gint64 sales[] = { 99999, 200000, 345050 };
  g_autofree char *shown = NULL;
  gboolean capped = TRUE;
  double days = 0;

  assert_true (relance_dso_count_back (589999, D (2025, 3, 31), sales, 3, &days, &capped));
  assert_days (days, 31 + 28 + 31 * 290000.0 / 345050.0);   /* 85.0542… */
  assert_false (capped);
  shown = g_strdup_printf ("%.2f", days);
  assert_string_equal (shown, "85.05");
}

static void
test_dso_count_back_stops_in_partial_month (void **state)
{
  /* D = 10 March 2025: period 0 has 10 days. 500,00 against March sales
   * of 1 000,00: 10 × 500,00 / 1 000,00 = 5 days */
  const gint64 sales[] = { 100000, 999999 };
  gboolean capped = TRUE;
  double days = 0;

  assert_true (relance_dso_count_back (50000, D (2025, 3, 10), sales, 2, &days, &capped));
  assert_days (days, 5.0);
  assert_false (capped);
}

static void
test_dso_count_back_partial_month_counts_its_days_only (void **state)
{
  /* D = 10 March 2025: 500,00 covers March's 300,00 (+10 days, the days
   * of period 0, not 31), 200,00 left against February's 400,00:
   * 28 × 200 / 400 = 14; 10 + 14 = 24 days */
  const gint64 sales[] = { 30000, 40000 };
  double days = 0;

  assert_true (relance_dso_count_back (50000, D (2025, 3, 10), sales, 2, &days, NULL));
  assert_days (days, 24.0);
}

static void
test_dso_count_back_leap_february (void **state)
{
  /* D = 31 March 2024: February 2024 has 29 days. 1 500,00 covers March's
   * 1 000,00 (+31), 500,00 left against February's 1 000,00: 29 × ½ =
   * 14,5; 45,5 days */
  const gint64 sales[] = { 100000, 100000 };
  double days = 0;

  assert_true (relance_dso_count_back (150000, D (2024, 3, 31), sales, 2, &days, NULL));
  assert_days (days, 45.5);
}

static void
test_dso_count_back_capped_after_24_months (void **state)
{
  /* Sales of 10,00 a month never use up 1 000 000,00: the walk adds all
   * 24 months, 1 April 2023 to 31 March 2025 = 365 + 366 (29 Feb 2024)
   * = 731 days, and says it was capped */
  gint64 sales[RELANCE_DSO_MAX_MONTHS];
  gboolean capped = FALSE;
  double days = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    sales[i] = 1000;
  assert_true (relance_dso_count_back (100000000, D (2025, 3, 31), sales,
                                       RELANCE_DSO_MAX_MONTHS, &days, &capped));
  assert_days (days, 731.0);
  assert_true (capped);
}

static void
test_dso_count_back_zero_outstanding_is_zero_days (void **state)
{
  const gint64 sales[] = { 100000 };
  gboolean capped = TRUE;
  double days = -1;

  assert_true (relance_dso_count_back (0, D (2025, 3, 31), sales, 1, &days, &capped));
  assert_days (days, 0.0);
  assert_false (capped);

  /* A credit balance (more unallocated than owed) is not a negative DSO */
  days = -1;
  assert_true (relance_dso_count_back (-5000, D (2025, 3, 31), sales, 1, &days, &capped));
  assert_days (days, 0.0);
  assert_false (capped);
}

static void
test_dso_count_back_exactly_covered_stops (void **state)
{
  /* 999,99 = March sales exactly: 31 days, and the empty months before
   * add nothing */
  const gint64 sales[] = { 99999, 0, 0 };
  gboolean capped = TRUE;
  double days = 0;

  assert_true (relance_dso_count_back (99999, D (2025, 3, 31), sales, 3, &days, &capped));
  assert_days (days, 31.0);
  assert_false (capped);
}

static void
test_dso_count_back_month_without_sales_adds_its_days (void **state)
{
  /* 31 March 2025: nothing sold in March (+31, 500,00 left), February
   * 1 000,00: 28 × 500 / 1 000 = 14; 45 days */
  const gint64 sales[] = { 0, 100000 };
  double days = 0;

  assert_true (relance_dso_count_back (50000, D (2025, 3, 31), sales, 2, &days, NULL));
  assert_days (days, 45.0);
}

static void
test_dso_count_back_credit_note_month_raises_balance (void **state)
{
  /* March: net credit notes −100,00 (+31 days, balance 400,00 + 100,00
   * = 500,00), February 1 000,00: 28 × 500 / 1 000 = 14; 45 days */
  const gint64 sales[] = { -10000, 100000 };
  double days = 0;

  assert_true (relance_dso_count_back (40000, D (2025, 3, 31), sales, 2, &days, NULL));
  assert_days (days, 45.0);
}

static void
test_dso_simple_method (void **state)
{
  double days = -1;

  /* 3 000,00 / 9 000,00 × 90 = 30 days */
  assert_true (relance_dso_simple (300000, 900000, &days));
  assert_days (days, 30.0);

  /* 5 899,99 / 6 450,49 × 90 = 82,3194… */
  assert_true (relance_dso_simple (589999, 645049, &days));
  assert_days (days, 589999 * 90.0 / 645049.0);

  /* No sales: undefined */
  assert_false (relance_dso_simple (300000, 0, &days));
  assert_false (relance_dso_simple (300000, -100, &days));

  /* Nothing owed: 0 */
  assert_true (relance_dso_simple (-100, 900000, &days));
  assert_days (days, 0.0);
}

/* Through the store */

/* The worked example as data: invoices of 999,99 (March), 2 000,00
 * (February) and 3 450,50 (January) of which 550,50 is paid, so that
 * the outstanding is 999,99 + 2 000,00 + 2 900,00 = 5 899,99 */
static gint64
insert_worked_example (RelanceDatabase *db,
                       const char      *code)
{
  g_autofree char *n1 = g_strconcat (code, "-JAN", NULL);
  g_autofree char *n2 = g_strconcat (code, "-FEB", NULL);
  g_autofree char *n3 = g_strconcat (code, "-MAR", NULL);
  g_autofree char *p1 = g_strconcat (code, "-PAY", NULL);
  gint64 actor = add_actor (db, code, "Worked example");
  gint64 jan = add_invoice (db, actor, n1, D (2025, 1, 5), D (2025, 2, 4), 345050);
  gint64 pay;

  add_invoice (db, actor, n2, D (2025, 2, 10), D (2025, 3, 12), 200000);
  add_invoice (db, actor, n3, D (2025, 3, 15), D (2025, 4, 14), 99999);
  pay = add_payment (db, actor, p1, D (2025, 2, 20), 55050, "EUR");
  allocate (db, pay, jan, 55050, D (2025, 2, 20));
  return actor;
}

static void
test_dso_compute_worked_example_from_store (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  RelanceDsoResult result;
  gint64 actor = insert_worked_example (fx->db, "C001");

  /* Neither a sale in another currency nor one after D counts */
  add_item (fx->db, actor, "C001-USD", RELANCE_INVOICE_KIND_INVOICE,
            D (2025, 3, 20), D (2025, 4, 19), 777700, "USD");
  add_invoice (fx->db, actor, "C001-APR", D (2025, 4, 1), D (2025, 5, 1), 123400);

  /* On 31 March the April invoice is open too; evaluate the sales only
   * up to D but the outstanding of what is open (5 899,99 + 1 234,00) */
  assert_true (relance_dso_compute (fx->db, actor, D (2025, 3, 31), "EUR", &result, &error));
  assert_null (error);
  assert_string_equal (result.currency, "EUR");
  assert_int_equal (result.outstanding_cents, 589999 + 123400);

  /* So check the walk on the example itself: another actor without the
   * April invoice */
  actor = insert_worked_example (fx->db, "C002");
  assert_true (relance_dso_compute (fx->db, actor, D (2025, 3, 31), NULL, &result, &error));
  assert_int_equal (result.outstanding_cents, 589999);
  assert_days (result.count_back_days, 31 + 28 + 31 * 290000.0 / 345050.0);
  assert_false (result.count_back_capped);
  assert_int_equal (result.n_periods, 3);
  assert_int_equal (result.periods[0].first, D (2025, 3, 1));
  assert_int_equal (result.periods[0].last, D (2025, 3, 31));
  assert_int_equal (result.periods[0].days, 31);
  assert_int_equal (result.periods[0].sales_cents, 99999);
  assert_int_equal (result.periods[0].balance_before_cents, 589999);
  assert_int_equal (result.periods[1].first, D (2025, 2, 1));
  assert_int_equal (result.periods[1].last, D (2025, 2, 28));
  assert_int_equal (result.periods[1].sales_cents, 200000);
  assert_int_equal (result.periods[1].balance_before_cents, 490000);   /* 5 899,99 − 999,99 */
  assert_int_equal (result.periods[2].sales_cents, 345050);
  assert_int_equal (result.periods[2].balance_before_cents, 290000);   /* 4 900,00 − 2 000,00 */
  assert_days (result.periods[2].counted_days, 31 * 290000.0 / 345050.0);

  /* 90 days up to 31 March 2025 = 1 January to 31 March (31 + 28 + 31):
   * all three invoices, 6 450,49 */
  assert_int_equal (result.sales_90_cents, 645049);
  assert_true (result.has_simple);
  assert_days (result.simple_days, 589999 * 90.0 / 645049.0);
}

static void
test_dso_compute_portfolio_adds_customers (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  RelanceDsoResult result;

  /* Two copies of the example: every amount doubles, the DSO stays */
  insert_worked_example (fx->db, "C001");
  insert_worked_example (fx->db, "C002");

  assert_true (relance_portfolio_dso (fx->db, D (2025, 3, 31), "EUR", &result, &error));
  assert_int_equal (result.outstanding_cents, 2 * 589999);
  assert_int_equal (result.periods[0].sales_cents, 2 * 99999);
  assert_days (result.count_back_days, 31 + 28 + 31 * 580000.0 / 690100.0);
}

static void
test_dso_compute_cancelled_sale_not_counted (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceInvoice) cancelled = NULL;
  RelanceDsoResult result;
  gint64 actor = insert_worked_example (fx->db, "C001");

  cancelled = relance_invoice_new ("C001-CANCELLED", actor);
  relance_invoice_set_issue_date (cancelled, D (2025, 3, 20));
  relance_invoice_set_due_date (cancelled, D (2025, 4, 19));
  relance_invoice_set_amount_cents (cancelled, 500000);
  relance_invoice_set_cancelled (cancelled, TRUE);
  assert_true (relance_invoice_store_insert (fx->db, cancelled, 0, &error));

  assert_true (relance_dso_compute (fx->db, actor, D (2025, 3, 31), "EUR", &result, &error));
  assert_int_equal (result.outstanding_cents, 589999);
  assert_int_equal (result.periods[0].sales_cents, 99999);
  assert_days (result.count_back_days, 31 + 28 + 31 * 290000.0 / 345050.0);
}

/* DOMAIN.md: a period's sales are the invoices and credit notes issued in
 * it; the fees and interest that dunning charges are owed (outstanding)
 * but are no sales */
static void
test_dso_fees_and_interest_are_not_sales (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  RelanceDsoResult one, all;
  gint64 actor = insert_worked_example (fx->db, "C001");

  add_item (fx->db, actor, "C001-FEE", RELANCE_INVOICE_KIND_FEE,
            D (2025, 3, 20), D (2025, 3, 20), 4000, "EUR");
  add_item (fx->db, actor, "C001-IR", RELANCE_INVOICE_KIND_INTEREST,
            D (2025, 3, 21), D (2025, 3, 21), 1234, "EUR");

  /* outstanding 5 899,99 + 40,00 + 12,34 = 5 952,33; March sales stay
   * 999,99: 31 + 28 (4 952,34 − 2 000,00 = 2 952,34 left) + 31 ×
   * 2 952,34 / 3 450,50 */
  assert_true (relance_dso_compute (fx->db, actor, D (2025, 3, 31), "EUR", &one, &error));
  assert_null (error);
  assert_int_equal (one.outstanding_cents, 595233);
  assert_int_equal (one.periods[0].sales_cents, 99999);
  assert_days (one.count_back_days, 31 + 28 + 31 * 295234.0 / 345050.0);
  /* the portfolio's scan says the same */
  assert_true (relance_portfolio_dso (fx->db, D (2025, 3, 31), "EUR", &all, &error));
  assert_int_equal (all.periods[0].sales_cents, 99999);
  assert_days (all.count_back_days, one.count_back_days);
}

static void
test_dso_compute_rejects_bad_currency (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  RelanceDsoResult result;

  assert_false (relance_dso_compute (fx->db, 0, D (2025, 3, 31), "euro", &result, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_CURRENCY));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_dso_count_back_worked_example),
    cmocka_unit_test (test_dso_count_back_stops_in_partial_month),
    cmocka_unit_test (test_dso_count_back_partial_month_counts_its_days_only),
    cmocka_unit_test (test_dso_count_back_leap_february),
    cmocka_unit_test (test_dso_count_back_capped_after_24_months),
    cmocka_unit_test (test_dso_count_back_zero_outstanding_is_zero_days),
    cmocka_unit_test (test_dso_count_back_exactly_covered_stops),
    cmocka_unit_test (test_dso_count_back_month_without_sales_adds_its_days),
    cmocka_unit_test (test_dso_count_back_credit_note_month_raises_balance),
    cmocka_unit_test (test_dso_simple_method),
    cmocka_unit_test_setup_teardown (test_dso_compute_worked_example_from_store,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_dso_compute_portfolio_adds_customers,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_dso_compute_cancelled_sale_not_counted,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_dso_fees_and_interest_are_not_sales,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_dso_compute_rejects_bad_currency,
                                     engine_fixture_setup, engine_fixture_teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
