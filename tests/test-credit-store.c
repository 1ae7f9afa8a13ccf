/* test-credit-store.c — credit notes applied to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine-fixture.h"

#ifndef D
#define D(y, m, d) relance_date_new ((y), (m), (d))
#endif

#define assert_error(e, domain, code) \
  do { assert_non_null (e); assert_true (g_error_matches ((e), (domain), (code))); } while (0)

static gint64
remaining (RelanceDatabase *db,
           gint64           id)
{
  g_autoptr(RelanceInvoice) item = relance_invoice_store_find_by_id (db, id, NULL);

  assert_non_null (item);
  return relance_invoice_get_remaining_cents (item);
}

static void
test_credit_note_settles_part_of_an_invoice (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  const RelanceFiguresRow *f;
  gint64 c = add_actor (fx->db, "C1", "Client un");
  gint64 inv = add_invoice (fx->db, c, "F1", D (2026, 1, 5), D (2026, 2, 4), 120000);
  gint64 av = add_item (fx->db, c, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
                        D (2026, 1, 20), D (2026, 1, 20), -30000, "EUR");

  assert_true (relance_credit_store_apply (fx->db, av, inv, 20000, D (2026, 1, 21), &error));
  assert_null (error);
  /* F1: 1 200,00 − 200,00 = 1 000,00 left; AV1: −300,00 + 200,00 = −100,00 left */
  assert_int_equal (remaining (fx->db, inv), 100000);
  assert_int_equal (remaining (fx->db, av), -10000);

  rows = relance_customer_figures_compute (fx->db, c, D (2026, 3, 1), &error);
  assert_null (error);
  f = &g_array_index (rows, RelanceFiguresRow, 0);
  /* global = 1 200,00 − 300,00 = 900,00; partial = 200,00 − 200,00 = 0;
   * outstanding 900,00; overdue = 1 000,00 − 100,00 = 900,00 */
  assert_int_equal (f->global_cents, 90000);
  assert_int_equal (f->partial_cents, 0);
  assert_int_equal (f->outstanding_cents, 90000);
  assert_int_equal (f->overdue_cents, 90000);
}

static void
test_credit_note_above_what_is_left_is_refused (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  gint64 c = add_actor (fx->db, "C1", "Client un");
  gint64 inv = add_invoice (fx->db, c, "F1", D (2026, 1, 5), D (2026, 2, 4), 50000);
  gint64 av = add_item (fx->db, c, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
                        D (2026, 1, 20), D (2026, 1, 20), -30000, "EUR");

  /* 300,01 is more than the credit note's 300,00 */
  assert_false (relance_credit_store_apply (fx->db, av, inv, 30001, D (2026, 1, 21), &error));
  assert_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (remaining (fx->db, inv), 50000);
  assert_int_equal (remaining (fx->db, av), -30000);
}

static void
test_credit_note_of_another_customer_is_refused (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  gint64 c1 = add_actor (fx->db, "C1", "Client un");
  gint64 c2 = add_actor (fx->db, "C2", "Client deux");
  gint64 inv = add_invoice (fx->db, c1, "F1", D (2026, 1, 5), D (2026, 2, 4), 50000);
  gint64 av = add_item (fx->db, c2, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
                        D (2026, 1, 20), D (2026, 1, 20), -30000, "EUR");

  assert_false (relance_credit_store_apply (fx->db, av, inv, 10000, D (2026, 1, 21), &error));
  assert_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID);
  assert_int_equal (remaining (fx->db, inv), 50000);
}

static void
test_credit_note_spreads_over_invoices_in_order (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 applied = 0;
  gint64 c = add_actor (fx->db, "C1", "Client un");
  gint64 f1 = add_invoice (fx->db, c, "F1", D (2026, 1, 5), D (2026, 2, 4), 40000);
  gint64 f2 = add_invoice (fx->db, c, "F2", D (2026, 1, 6), D (2026, 2, 5), 40000);
  gint64 f3 = add_invoice (fx->db, c, "F3", D (2026, 1, 7), D (2026, 2, 6), 40000);
  gint64 av = add_item (fx->db, c, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
                        D (2026, 1, 20), D (2026, 1, 20), -50000, "EUR");

  g_array_append_val (ids, f1);
  g_array_append_val (ids, f2);
  g_array_append_val (ids, f3);
  assert_true (relance_credit_store_apply_to (fx->db, av, ids, D (2026, 1, 21), &applied, &error));
  assert_null (error);
  /* 500,00 = 400,00 on F1 + 100,00 on F2; F3 untouched */
  assert_int_equal (applied, 50000);
  assert_int_equal (remaining (fx->db, f1), 0);
  assert_int_equal (remaining (fx->db, f2), 30000);
  assert_int_equal (remaining (fx->db, f3), 40000);
  assert_int_equal (remaining (fx->db, av), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_credit_note_settles_part_of_an_invoice,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_credit_note_above_what_is_left_is_refused,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_credit_note_of_another_customer_is_refused,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_credit_note_spreads_over_invoices_in_order,
                                     engine_fixture_setup, engine_fixture_teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
