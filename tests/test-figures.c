/* test-figures.c — the amounts of a customer, and the portfolio cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values are worked by hand from DOMAIN.md ("Amounts of a
 * customer"); the arithmetic is in the comments. The evaluation day is
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

static const RelanceFiguresRow *
row_at (GArray *rows,
        guint   index)
{
  assert_true (index < rows->len);
  return &g_array_index (rows, RelanceFiguresRow, index);
}

static GArray *
figures (RelanceDatabase *db,
         gint64           actor_id)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = relance_customer_figures_compute (db, actor_id, DAY, &error);

  if (rows == NULL)
    fail_msg ("figures: %s", error->message);
  return rows;
}

/* Seed 001's first customer, with data designed to give its figures:
 *   invoice A1 100 000,00 due 1 May (overdue), 1 139,07 of it paid
 *   invoice A2  15 783,55 due 1 July (not due)
 *   credit note −1 000,00 due 15 June
 *   invoice A0     500,00 paid in full: not open, in no figure
 *   payment of 48,40 not allocated
 * global = 100 000,00 + 15 783,55 − 1 000,00 = 114 783,55 */
static gint64
insert_seed_customer_1 (RelanceDatabase *db)
{
  gint64 actor = add_actor (db, "S001", "Seed customer one");
  gint64 a0 = add_invoice (db, actor, "A0", D (2025, 3, 1), D (2025, 3, 31), 50000);
  gint64 a1 = add_invoice (db, actor, "A1", D (2025, 4, 1), D (2025, 5, 1), 10000000);
  gint64 p0, p1;

  add_invoice (db, actor, "A2", D (2025, 6, 1), D (2025, 7, 1), 1578355);
  add_item (db, actor, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
            D (2025, 6, 15), D (2025, 6, 15), -100000, "EUR");
  p0 = add_payment (db, actor, "P0", D (2025, 3, 30), 50000, "EUR");
  allocate (db, p0, a0, 50000, D (2025, 3, 30));
  p1 = add_payment (db, actor, "P1", D (2025, 5, 10), 113907, "EUR");
  allocate (db, p1, a1, 113907, D (2025, 5, 10));
  add_payment (db, actor, "P2", D (2025, 6, 2), 4840, "EUR");
  return actor;
}

/* Seed 001's second customer: 12 000,00 + 10 606,65 = 22 606,65 open,
 * nothing allocated, 1 000,00 + 714,56 = 1 714,56 unallocated */
static gint64
insert_seed_customer_2 (RelanceDatabase *db)
{
  gint64 actor = add_actor (db, "S002", "Seed customer two");

  add_invoice (db, actor, "B1", D (2025, 5, 15), D (2025, 6, 14), 1200000);
  add_invoice (db, actor, "B2", D (2025, 6, 10), D (2025, 7, 10), 1060665);
  add_payment (db, actor, "P3", D (2025, 6, 20), 100000, "EUR");
  add_payment (db, actor, "P4", D (2025, 6, 25), 71456, "EUR");
  return actor;
}

static void
test_figures_seed_001_first_customer (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = insert_seed_customer_1 (fx->db);
  g_autoptr(GArray) rows = figures (fx->db, actor);
  const RelanceFiguresRow *r;

  assert_int_equal (rows->len, 1);
  r = row_at (rows, 0);
  assert_int_equal (r->actor_id, actor);
  assert_string_equal (r->currency, "EUR");
  assert_int_equal (r->global_cents, 11478355);       /* 114 783,55 */
  assert_int_equal (r->partial_cents, 113907);        /*   1 139,07 */
  assert_int_equal (r->unallocated_cents, 4840);      /*      48,40 */
  assert_int_equal (r->outstanding_cents, 11359608);  /* 114 783,55 − 1 139,07 − 48,40 = 113 596,08 */
  /* overdue: A1's remaining 100 000,00 − 1 139,07 = 98 860,93 and the
   * credit note due 15 June −1 000,00: 97 860,93 */
  assert_int_equal (r->overdue_cents, 9786093);
  assert_int_equal (r->open_items, 3);
  /* the oldest overdue item is A1: 1 May → 30 June = 30 + 30 = 60 days */
  assert_int_equal (r->oldest_due_date, D (2025, 5, 1));
  assert_int_equal (r->days_late, 60);
  assert_int_equal (r->disputed_cents, 0);
  assert_int_equal (r->litigation_cents, 0);
  assert_true (r->has_dso);
}

static void
test_figures_seed_001_second_customer (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = insert_seed_customer_2 (fx->db);
  g_autoptr(GArray) rows = figures (fx->db, actor);
  const RelanceFiguresRow *r = row_at (rows, 0);

  assert_int_equal (rows->len, 1);
  assert_int_equal (r->global_cents, 2260665);        /* 22 606,65 */
  assert_int_equal (r->partial_cents, 0);
  assert_int_equal (r->unallocated_cents, 171456);    /*  1 714,56 */
  assert_int_equal (r->outstanding_cents, 2089209);   /* 22 606,65 − 0 − 1 714,56 = 20 892,09 */
  /* B1 due 14 June is overdue by 16 days; B2 due 10 July is not */
  assert_int_equal (r->overdue_cents, 1200000);
  assert_int_equal (r->days_late, 16);
  assert_int_equal (r->open_items, 2);
}

static void
test_figures_customers_do_not_mix (void **state)
{
  EngineFixture *fx = *state;
  gint64 first = insert_seed_customer_1 (fx->db);
  gint64 second = insert_seed_customer_2 (fx->db);
  g_autoptr(GArray) rows1 = figures (fx->db, first);
  g_autoptr(GArray) rows2 = figures (fx->db, second);

  assert_int_equal (row_at (rows1, 0)->outstanding_cents, 11359608);
  assert_int_equal (row_at (rows2, 0)->outstanding_cents, 2089209);
}

static void
test_figures_overdue_only_strictly_before_day (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *r;

  add_invoice (fx->db, actor, "DUE-TODAY", D (2025, 5, 31), D (2025, 6, 30), 10000);
  add_invoice (fx->db, actor, "DUE-YESTERDAY", D (2025, 5, 30), D (2025, 6, 29), 2500);
  add_invoice (fx->db, actor, "DUE-TOMORROW", D (2025, 6, 1), D (2025, 7, 1), 4000);

  rows = figures (fx->db, actor);
  r = row_at (rows, 0);
  /* due on the day is not late: only 25,00 */
  assert_int_equal (r->overdue_cents, 2500);
  assert_int_equal (r->oldest_due_date, D (2025, 6, 29));
  assert_int_equal (r->days_late, 1);
  assert_int_equal (r->global_cents, 16500);   /* 100,00 + 25,00 + 40,00 */
}

static void
test_figures_nothing_overdue_means_zero_days_late (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *r;

  add_invoice (fx->db, actor, "DUE-TODAY", D (2025, 5, 31), D (2025, 6, 30), 10000);
  rows = figures (fx->db, actor);
  r = row_at (rows, 0);
  assert_int_equal (r->overdue_cents, 0);
  assert_int_equal (r->oldest_due_date, 0);
  assert_int_equal (r->days_late, 0);
}

static void
test_figures_days_late_of_oldest_overdue_item (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *r;
  gint64 old, pay;

  /* 31 March → 30 June = 30 (April) + 31 (May) + 30 (June) = 91 days */
  old = add_invoice (fx->db, actor, "OLD", D (2025, 3, 1), D (2025, 3, 31), 30000);
  add_invoice (fx->db, actor, "NEWER", D (2025, 4, 15), D (2025, 5, 15), 20000);
  /* partly paid: still open, still the oldest */
  pay = add_payment (fx->db, actor, "PAY", D (2025, 4, 10), 10000, "EUR");
  allocate (fx->db, pay, old, 10000, D (2025, 4, 10));
  /* an older credit note is not a late item */
  add_item (fx->db, actor, "AV", RELANCE_INVOICE_KIND_CREDIT_NOTE,
            D (2025, 1, 10), D (2025, 1, 10), -5000, "EUR");

  rows = figures (fx->db, actor);
  r = row_at (rows, 0);
  assert_int_equal (r->oldest_due_date, D (2025, 3, 31));
  assert_int_equal (r->days_late, 91);
  /* 200,00 + 200,00 − 50,00 */
  assert_int_equal (r->overdue_cents, 35000);
}

static void
test_figures_credit_note_reduces_global (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *r;

  add_invoice (fx->db, actor, "F1", D (2025, 6, 1), D (2025, 7, 1), 100000);
  add_item (fx->db, actor, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
            D (2025, 6, 5), D (2025, 7, 5), -20000, "EUR");

  rows = figures (fx->db, actor);
  r = row_at (rows, 0);
  assert_int_equal (r->global_cents, 80000);        /* 1 000,00 − 200,00 */
  assert_int_equal (r->outstanding_cents, 80000);
  assert_int_equal (r->open_items, 2);
  assert_int_equal (r->overdue_cents, 0);
}

static void
test_figures_fee_and_interest_items_are_open_items (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *r;

  add_invoice (fx->db, actor, "F1", D (2025, 4, 1), D (2025, 5, 1), 100000);
  add_item (fx->db, actor, "FEE1", RELANCE_INVOICE_KIND_FEE,
            D (2025, 5, 2), D (2025, 5, 2), 4000, "EUR");
  add_item (fx->db, actor, "INT1", RELANCE_INVOICE_KIND_INTEREST,
            D (2025, 6, 1), D (2025, 6, 1), 1234, "EUR");

  rows = figures (fx->db, actor);
  r = row_at (rows, 0);
  assert_int_equal (r->global_cents, 105234);   /* 1 000,00 + 40,00 + 12,34 */
  assert_int_equal (r->overdue_cents, 105234);  /* all three due before 30 June */
  assert_int_equal (r->open_items, 3);
}

static void
test_figures_two_currencies_never_mixed (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *eur, *usd;

  add_invoice (fx->db, actor, "F-EUR", D (2025, 5, 1), D (2025, 5, 31), 100000);
  add_item (fx->db, actor, "F-USD", RELANCE_INVOICE_KIND_INVOICE,
            D (2025, 6, 1), D (2025, 6, 15), 50000, "USD");
  add_payment (fx->db, actor, "P-USD", D (2025, 6, 20), 10000, "USD");

  rows = figures (fx->db, actor);
  assert_int_equal (rows->len, 2);
  eur = row_at (rows, 0);
  usd = row_at (rows, 1);
  assert_string_equal (eur->currency, "EUR");
  assert_int_equal (eur->global_cents, 100000);
  assert_int_equal (eur->unallocated_cents, 0);
  assert_int_equal (eur->outstanding_cents, 100000);
  assert_int_equal (eur->days_late, 30);           /* 31 May → 30 June */
  assert_string_equal (usd->currency, "USD");
  assert_int_equal (usd->global_cents, 50000);
  assert_int_equal (usd->unallocated_cents, 10000);
  assert_int_equal (usd->outstanding_cents, 40000);  /* 500,00 − 100,00 */
  assert_int_equal (usd->days_late, 15);           /* 15 June → 30 June */
}

static void
test_figures_company_currency_first_even_when_zero (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *r;

  add_item (fx->db, actor, "F-USD", RELANCE_INVOICE_KIND_INVOICE,
            D (2025, 6, 1), D (2025, 7, 1), 50000, "USD");
  add_item (fx->db, actor, "F-CHF", RELANCE_INVOICE_KIND_INVOICE,
            D (2025, 6, 1), D (2025, 7, 1), 70000, "CHF");

  rows = figures (fx->db, actor);
  assert_int_equal (rows->len, 3);
  r = row_at (rows, 0);
  assert_string_equal (r->currency, "EUR");
  assert_int_equal (r->actor_id, actor);
  assert_int_equal (r->outstanding_cents, 0);
  assert_int_equal (r->open_items, 0);
  assert_true (r->has_dso);
  assert_true (r->dso_days == 0.0);
  assert_string_equal (row_at (rows, 1)->currency, "CHF");
  assert_string_equal (row_at (rows, 2)->currency, "USD");
}

static void
test_figures_company_currency_from_setting (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;

  add_invoice (fx->db, actor, "F-EUR", D (2025, 6, 1), D (2025, 7, 1), 100000);
  assert_true (relance_database_set_setting (fx->db, "company_currency", "USD", &error));

  rows = figures (fx->db, actor);
  assert_int_equal (rows->len, 2);
  assert_string_equal (row_at (rows, 0)->currency, "USD");
  assert_int_equal (row_at (rows, 0)->outstanding_cents, 0);
  assert_string_equal (row_at (rows, 1)->currency, "EUR");
  assert_int_equal (row_at (rows, 1)->outstanding_cents, 100000);
}

static void
test_figures_dso_matches_count_back (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = NULL;

  /* 30 June 2025: June sales 1 000,00 (+30 days, 500,00 left of 1 500,00),
   * May 2 000,00: 31 × 500 / 2 000 = 7,75; 37,75 days */
  add_invoice (fx->db, actor, "MAY", D (2025, 5, 10), D (2025, 7, 9), 200000);
  add_invoice (fx->db, actor, "JUN", D (2025, 6, 10), D (2025, 7, 10), 100000);
  add_payment (fx->db, actor, "P", D (2025, 6, 12), 150000, "EUR");

  rows = figures (fx->db, actor);
  assert_int_equal (row_at (rows, 0)->outstanding_cents, 150000);
  assert_true (row_at (rows, 0)->has_dso);
  assert_true (fabs (row_at (rows, 0)->dso_days - 37.75) < 1e-9);
}

static void
test_figures_customer_with_nothing_has_zero_row (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_actor (fx->db, "C001", "Customer");
  g_autoptr(GArray) rows = figures (fx->db, actor);

  assert_int_equal (rows->len, 1);
  assert_string_equal (row_at (rows, 0)->currency, "EUR");
  assert_int_equal (row_at (rows, 0)->global_cents, 0);
  assert_int_equal (row_at (rows, 0)->outstanding_cents, 0);
}

/* The portfolio cache */

static void
test_portfolio_refresh_writes_the_customer_figures (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  gint64 first = insert_seed_customer_1 (fx->db);
  gint64 second = insert_seed_customer_2 (fx->db);
  gint64 ids[] = { first, second };

  assert_false (relance_figures_store_is_current (fx->db, DAY));
  assert_true (relance_portfolio_refresh (fx->db, DAY, NULL, NULL, NULL, &error));
  assert_null (error);
  assert_true (relance_figures_store_is_current (fx->db, DAY));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GArray) computed = figures (fx->db, ids[i]);
      g_autoptr(GArray) cached = relance_figures_store_get (fx->db, ids[i], &error);
      const RelanceFiguresRow *a, *b;

      assert_non_null (cached);
      assert_int_equal (cached->len, 1);
      a = row_at (computed, 0);
      b = row_at (cached, 0);
      assert_int_equal (b->actor_id, ids[i]);
      assert_string_equal (b->currency, a->currency);
      assert_int_equal (b->global_cents, a->global_cents);
      assert_int_equal (b->partial_cents, a->partial_cents);
      assert_int_equal (b->unallocated_cents, a->unallocated_cents);
      assert_int_equal (b->outstanding_cents, a->outstanding_cents);
      assert_int_equal (b->overdue_cents, a->overdue_cents);
      assert_int_equal (b->open_items, a->open_items);
      assert_int_equal (b->oldest_due_date, a->oldest_due_date);
      assert_int_equal (b->days_late, a->days_late);
      assert_true (fabs (b->dso_days - a->dso_days) < 1e-9);
    }
}

static void
progress_cb (double      fraction,
             const char *what,
             gpointer    data)
{
  double *last = data;

  assert_true (fraction >= *last);
  assert_true (fraction <= 1.0);
  *last = fraction;
}

static void
test_portfolio_refresh_reports_progress_to_the_end (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  double last = 0.0;

  insert_seed_customer_1 (fx->db);
  assert_true (relance_portfolio_refresh (fx->db, DAY, NULL, progress_cb, &last, &error));
  assert_true (last == 1.0);
}

static void
test_portfolio_refresh_is_stale_after_a_write (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cached = NULL;
  gint64 actor = insert_seed_customer_2 (fx->db);

  assert_true (relance_portfolio_refresh (fx->db, DAY, NULL, NULL, NULL, &error));
  assert_true (relance_figures_store_is_current (fx->db, DAY));
  /* another day is not current */
  assert_false (relance_figures_store_is_current (fx->db, DAY + 1));

  add_invoice (fx->db, actor, "B3", D (2025, 6, 28), D (2025, 7, 28), 1000);
  assert_false (relance_figures_store_is_current (fx->db, DAY));
  assert_true (relance_portfolio_refresh (fx->db, DAY, NULL, NULL, NULL, &error));
  assert_true (relance_figures_store_is_current (fx->db, DAY));

  cached = relance_figures_store_get (fx->db, actor, &error);
  assert_int_equal (row_at (cached, 0)->outstanding_cents, 2089209 + 1000);
}

static void
test_portfolio_refresh_cancelled_leaves_cache (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  insert_seed_customer_1 (fx->db);
  g_cancellable_cancel (cancellable);
  assert_false (relance_portfolio_refresh (fx->db, DAY, cancellable, NULL, NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_false (relance_figures_store_is_current (fx->db, DAY));
}

int
main (void)
{
#define FIXTURE(test) cmocka_unit_test_setup_teardown (test, engine_fixture_setup, engine_fixture_teardown)
  const struct CMUnitTest tests[] = {
    FIXTURE (test_figures_seed_001_first_customer),
    FIXTURE (test_figures_seed_001_second_customer),
    FIXTURE (test_figures_customers_do_not_mix),
    FIXTURE (test_figures_overdue_only_strictly_before_day),
    FIXTURE (test_figures_nothing_overdue_means_zero_days_late),
    FIXTURE (test_figures_days_late_of_oldest_overdue_item),
    FIXTURE (test_figures_credit_note_reduces_global),
    FIXTURE (test_figures_fee_and_interest_items_are_open_items),
    FIXTURE (test_figures_two_currencies_never_mixed),
    FIXTURE (test_figures_company_currency_first_even_when_zero),
    FIXTURE (test_figures_company_currency_from_setting),
    FIXTURE (test_figures_dso_matches_count_back),
    FIXTURE (test_figures_customer_with_nothing_has_zero_row),
    FIXTURE (test_portfolio_refresh_writes_the_customer_figures),
    FIXTURE (test_portfolio_refresh_reports_progress_to_the_end),
    FIXTURE (test_portfolio_refresh_is_stale_after_a_write),
    FIXTURE (test_portfolio_refresh_cancelled_leaves_cache),
  };
#undef FIXTURE

  return cmocka_run_group_tests (tests, NULL, NULL);
}
