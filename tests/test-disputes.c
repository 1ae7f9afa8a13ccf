/* test-disputes.c — disputes (litiges), and the disputed and litigation
 * figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluation day is 30 June 2025. Customer C1 owes:
 *   F1 1 000,00 due 1 May, 200,00 of it paid: remaining   800,00
 *   F2   500,00 due 31 May, nothing paid:     remaining   500,00
 *   F3   300,00 due 1 July (not due):         remaining   300,00
 * global = 1 000,00 + 500,00 + 300,00 = 1 800,00; partial = 200,00;
 * outstanding = 1 800,00 − 200,00 = 1 600,00;
 * overdue = 800,00 + 500,00 = 1 300,00.
 * Customer C2 owes G1 400,00 due 15 June.
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

#define DAY D (2025, 6, 30)

typedef struct
{
  EngineFixture *fx;
  gint64         c1;
  gint64         c2;
  gint64         f1;
  gint64         f2;
  gint64         f3;
  gint64         g1;
} Data;

static int
setup (void **state)
{
  Data *data = g_new0 (Data, 1);
  gint64 payment;

  engine_fixture_setup ((void **) &data->fx);
  data->c1 = add_actor (data->fx->db, "C1", "Customer one");
  data->c2 = add_actor (data->fx->db, "C2", "Customer two");
  data->f1 = add_invoice (data->fx->db, data->c1, "F1", D (2025, 4, 1), D (2025, 5, 1), 100000);
  data->f2 = add_invoice (data->fx->db, data->c1, "F2", D (2025, 5, 1), D (2025, 5, 31), 50000);
  data->f3 = add_invoice (data->fx->db, data->c1, "F3", D (2025, 6, 1), D (2025, 7, 1), 30000);
  data->g1 = add_invoice (data->fx->db, data->c2, "G1", D (2025, 5, 16), D (2025, 6, 15), 40000);
  payment = add_payment (data->fx->db, data->c1, "P1", D (2025, 5, 20), 20000, "EUR");
  allocate (data->fx->db, payment, data->f1, 20000, D (2025, 5, 20));
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

/* Opens a dispute on @n invoices; 0 with @error set when refused */
static gint64
open_dispute (RelanceDatabase  *db,
              gint64            actor_id,
              const gint64     *invoice_ids,
              guint             n,
              gint64            amount_cents,
              GError          **error)
{
  g_autoptr(RelanceDispute) dispute = relance_dispute_new ();

  dispute->actor_id = actor_id;
  dispute->reason = g_strdup ("price");
  dispute->amount_cents = amount_cents;
  dispute->opened_on = D (2025, 6, 20);
  dispute->comment = g_strdup ("the customer says the agreed price was lower");
  g_array_append_vals (dispute->invoice_ids, invoice_ids, n);
  if (!relance_disputes_open (db, dispute, error))
    {
      assert_int_equal (dispute->id, 0);
      return 0;
    }
  assert_true (dispute->id > 0);
  return dispute->id;
}

static gint64
open_dispute_ok (Data   *data,
                 gint64  amount_cents)
{
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { data->f1, data->f2 };
  gint64 id = open_dispute (data->fx->db, data->c1, ids, G_N_ELEMENTS (ids), amount_cents, &error);

  if (id == 0)
    fail_msg ("open a dispute: %s", error->message);
  return id;
}

static RelanceFiguresRow
figures_on (RelanceDatabase *db,
            gint64           actor_id,
            RelanceDate      day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = relance_customer_figures_compute (db, actor_id, day, &error);

  if (rows == NULL)
    fail_msg ("figures: %s", error->message);
  assert_string_equal (g_array_index (rows, RelanceFiguresRow, 0).currency, "EUR");
  return g_array_index (rows, RelanceFiguresRow, 0);
}

static void
assert_refused (GError *error)
{
  assert_non_null (error);
  if (!g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED))
    fail_msg ("expected a refusal, got: %s", error->message);
}

static guint
count_disputes (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) disputes = relance_dispute_store_list (db, 0, FALSE, &error);

  assert_non_null (disputes);
  return disputes->len;
}

/* Tests */

static void
test_dispute_counts_the_remaining_of_its_items (void **state)
{
  Data *data = *state;
  RelanceFiguresRow before = figures_on (data->fx->db, data->c1, DAY);
  RelanceFiguresRow after;

  assert_int_equal (before.disputed_cents, 0);
  open_dispute_ok (data, 0);
  after = figures_on (data->fx->db, data->c1, DAY);

  /* F1 800,00 + F2 500,00 = 1 300,00 */
  assert_int_equal (after.disputed_cents, 130000);
  /* The other figures do not move */
  assert_int_equal (after.global_cents, 180000);
  assert_int_equal (after.partial_cents, 20000);
  assert_int_equal (after.outstanding_cents, 160000);
  assert_int_equal (after.overdue_cents, 130000);
  assert_int_equal (after.litigation_cents, 0);
  /* C2 has no dispute */
  assert_int_equal (figures_on (data->fx->db, data->c2, DAY).disputed_cents, 0);
}

static void
test_dispute_amount_defaults_to_the_remaining (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDispute) dispute = NULL;
  gint64 id = open_dispute_ok (data, 0);

  dispute = relance_dispute_store_find (data->fx->db, id, &error);
  assert_non_null (dispute);
  assert_int_equal (dispute->actor_id, data->c1);
  assert_int_equal (dispute->amount_cents, 130000);   /* 800,00 + 500,00 */
  assert_string_equal (dispute->currency, "EUR");
  assert_int_equal (dispute->status, RELANCE_DISPUTE_STATUS_OPEN);
  assert_string_equal (dispute->owner, "test");       /* the database's user */
  assert_string_equal (dispute->created_by, "test");
  assert_int_equal (dispute->opened_on, D (2025, 6, 20));
  assert_int_equal (dispute->invoice_ids->len, 2);
  assert_string_equal (g_ptr_array_index (dispute->invoice_numbers, 0), "F1");
  assert_string_equal (g_ptr_array_index (dispute->invoice_numbers, 1), "F2");
}

static void
test_dispute_partial_amount_still_counts_the_items (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceDispute) dispute = NULL;
  gint64 id = open_dispute_ok (data, 100000);

  dispute = relance_dispute_store_find (data->fx->db, id, NULL);
  assert_int_equal (dispute->amount_cents, 100000);
  /* The disputed amount is Σ remaining of the items: 800,00 + 500,00 */
  assert_int_equal (figures_on (data->fx->db, data->c1, DAY).disputed_cents, 130000);
}

static void
test_dispute_open_invoice_ids_leave_the_items_out (void **state)
{
  Data *data = *state;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) theirs = NULL;

  none = relance_dispute_store_open_invoice_ids (data->fx->db, 0, NULL);
  assert_int_equal (none->len, 0);

  open_dispute_ok (data, 0);
  mine = relance_dispute_store_open_invoice_ids (data->fx->db, data->c1, NULL);
  all = relance_dispute_store_open_invoice_ids (data->fx->db, 0, NULL);
  theirs = relance_dispute_store_open_invoice_ids (data->fx->db, data->c2, NULL);

  assert_int_equal (mine->len, 2);
  assert_int_equal (g_array_index (mine, gint64, 0), data->f1);   /* ascending */
  assert_int_equal (g_array_index (mine, gint64, 1), data->f2);
  assert_int_equal (all->len, 2);
  assert_int_equal (theirs->len, 0);
  assert_true (relance_dispute_ids_contain (all, data->f1));
  assert_true (relance_dispute_ids_contain (all, data->f2));
  assert_false (relance_dispute_ids_contain (all, data->f3));
  assert_false (relance_dispute_ids_contain (all, data->g1));
}

static void
test_dispute_justified_issues_a_credit_note (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDispute) dispute = NULL;
  g_autoptr(RelanceInvoice) credit = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *number = NULL;
  RelanceFiguresRow on_day, next_day;
  gint64 credit_id = 0;
  gint64 id = open_dispute_ok (data, 0);

  assert_true (relance_disputes_resolve (data->fx->db, id, RELANCE_DISPUTE_STATUS_JUSTIFIED,
                                         DAY, "wrong price confirmed by sales", &credit_id,
                                         &error));
  assert_null (error);
  assert_true (credit_id > 0);

  number = g_strdup_printf ("AV-LIT-%" G_GINT64_FORMAT, id);
  credit = relance_invoice_store_find_by_number (data->fx->db, number, NULL);
  assert_non_null (credit);
  assert_int_equal (relance_invoice_get_id (credit), credit_id);
  assert_int_equal (relance_invoice_get_kind (credit), RELANCE_INVOICE_KIND_CREDIT_NOTE);
  assert_int_equal (relance_invoice_get_actor_id (credit), data->c1);
  assert_int_equal (relance_invoice_get_amount_cents (credit), -130000);
  assert_int_equal (relance_invoice_get_issue_date (credit), DAY);
  assert_int_equal (relance_invoice_get_due_date (credit), DAY);

  dispute = relance_dispute_store_find (data->fx->db, id, NULL);
  assert_int_equal (dispute->status, RELANCE_DISPUTE_STATUS_JUSTIFIED);
  assert_int_equal (dispute->resolved_on, DAY);
  assert_int_equal (dispute->credit_note_id, credit_id);
  assert_string_equal (dispute->credit_note_number, number);
  assert_string_equal (dispute->resolution, "wrong price confirmed by sales");

  ids = relance_dispute_store_open_invoice_ids (data->fx->db, 0, NULL);
  assert_int_equal (ids->len, 0);

  /* The credit note settles the contested items: F1 (1 000,00 − 200,00
   * paid = 800,00 left) and F2 (500,00), 800,00 + 500,00 = 1 300,00, the
   * whole credit note, which is used up. */
  {
    g_autoptr(RelanceInvoice) f1 = relance_invoice_store_find_by_id (data->fx->db, data->f1, NULL);
    g_autoptr(RelanceInvoice) f2 = relance_invoice_store_find_by_id (data->fx->db, data->f2, NULL);
    g_autoptr(RelanceInvoice) used = relance_invoice_store_find_by_id (data->fx->db, credit_id, NULL);

    assert_int_equal (relance_invoice_get_remaining_cents (f1), 0);
    assert_int_equal (relance_invoice_get_remaining_cents (f2), 0);
    assert_int_equal (relance_invoice_get_remaining_cents (used), 0);
  }

  on_day = figures_on (data->fx->db, data->c1, DAY);
  /* Only F3 (300,00, due 1 July) stays open: global 300,00, no partial
   * payment on an open item, outstanding 300,00, nothing overdue, nothing
   * disputed */
  assert_int_equal (on_day.global_cents, 30000);
  assert_int_equal (on_day.partial_cents, 0);
  assert_int_equal (on_day.outstanding_cents, 30000);
  assert_int_equal (on_day.disputed_cents, 0);
  assert_int_equal (on_day.open_items, 1);
  assert_int_equal (on_day.overdue_cents, 0);
  /* F3, due 1 July, is not overdue on 1 July either */
  next_day = figures_on (data->fx->db, data->c1, D (2025, 7, 1));
  assert_int_equal (next_day.overdue_cents, 0);
  assert_int_equal (next_day.outstanding_cents, 30000);
}

static void
test_dispute_unjustified_goes_back_into_dunning (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDispute) dispute = NULL;
  g_autoptr(GArray) ids = NULL;
  RelanceFiguresRow after;
  gint64 credit_id = -1;
  gint64 n_invoices = relance_invoice_store_count (data->fx->db);
  gint64 id = open_dispute_ok (data, 0);

  assert_true (relance_disputes_resolve (data->fx->db, id, RELANCE_DISPUTE_STATUS_UNJUSTIFIED,
                                         DAY, NULL, &credit_id, &error));
  assert_int_equal (credit_id, 0);
  assert_int_equal (relance_invoice_store_count (data->fx->db), n_invoices);

  dispute = relance_dispute_store_find (data->fx->db, id, NULL);
  assert_int_equal (dispute->status, RELANCE_DISPUTE_STATUS_UNJUSTIFIED);
  assert_int_equal (dispute->credit_note_id, 0);
  assert_null (dispute->credit_note_number);

  ids = relance_dispute_store_open_invoice_ids (data->fx->db, data->c1, NULL);
  assert_int_equal (ids->len, 0);
  after = figures_on (data->fx->db, data->c1, DAY);
  assert_int_equal (after.disputed_cents, 0);
  assert_int_equal (after.global_cents, 180000);
  assert_int_equal (after.outstanding_cents, 160000);
  assert_int_equal (after.overdue_cents, 130000);
}

static void
test_dispute_item_can_be_disputed_again_after_resolution (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { data->f2 };
  gint64 id = open_dispute_ok (data, 0);

  assert_true (relance_disputes_resolve (data->fx->db, id, RELANCE_DISPUTE_STATUS_UNJUSTIFIED,
                                         DAY, NULL, NULL, NULL));
  assert_true (open_dispute (data->fx->db, data->c1, ids, 1, 0, &error) > 0);
  /* F2 alone: 500,00 */
  assert_int_equal (figures_on (data->fx->db, data->c1, DAY).disputed_cents, 50000);
}

static void
test_dispute_refuses_an_invoice_of_another_customer (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { data->f1, data->g1 };
  gint64 audit_lines = audit_count (data->fx->db, "dispute", NULL);

  assert_int_equal (open_dispute (data->fx->db, data->c1, ids, 2, 0, &error), 0);
  assert_refused (error);
  assert_contains (error->message, "G1");
  /* Nothing written */
  assert_int_equal (count_disputes (data->fx->db), 0);
  assert_int_equal (audit_count (data->fx->db, "dispute", NULL), audit_lines);
}

static void
test_dispute_refuses_an_item_already_disputed (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  const gint64 first[] = { data->f1 };
  const gint64 second[] = { data->f2, data->f1 };

  assert_true (open_dispute (data->fx->db, data->c1, first, 1, 0, NULL) > 0);
  assert_int_equal (open_dispute (data->fx->db, data->c1, second, 2, 0, &error), 0);
  assert_refused (error);
  assert_contains (error->message, "F1");
  assert_int_equal (count_disputes (data->fx->db), 1);
  /* F1 alone: 800,00 */
  assert_int_equal (figures_on (data->fx->db, data->c1, DAY).disputed_cents, 80000);
}

static void
test_dispute_refuses_an_amount_above_the_remaining (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) negative_error = NULL;
  const gint64 ids[] = { data->f1, data->f2 };

  /* 1 300,00 + 0,01 */
  assert_int_equal (open_dispute (data->fx->db, data->c1, ids, 2, 130001, &error), 0);
  assert_refused (error);
  assert_int_equal (open_dispute (data->fx->db, data->c1, ids, 2, -100, &negative_error), 0);
  assert_refused (negative_error);
  assert_int_equal (count_disputes (data->fx->db), 0);
  /* Exactly the remaining is fine */
  assert_true (open_dispute (data->fx->db, data->c1, ids, 2, 130000, NULL) > 0);
}

static void
test_dispute_refuses_a_paid_item (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  gint64 paid = add_invoice (data->fx->db, data->c1, "F0", D (2025, 3, 1), D (2025, 3, 31), 10000);
  gint64 payment = add_payment (data->fx->db, data->c1, "P0", D (2025, 3, 30), 10000, "EUR");
  const gint64 ids[] = { paid };

  allocate (data->fx->db, payment, paid, 10000, D (2025, 3, 30));
  assert_int_equal (open_dispute (data->fx->db, data->c1, ids, 1, 0, &error), 0);
  assert_refused (error);
  assert_contains (error->message, "F0");
}

static void
test_dispute_refuses_to_resolve_twice (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;
  gint64 id = open_dispute_ok (data, 0);

  assert_true (relance_disputes_resolve (data->fx->db, id, RELANCE_DISPUTE_STATUS_JUSTIFIED,
                                         DAY, NULL, NULL, NULL));
  assert_false (relance_disputes_resolve (data->fx->db, id, RELANCE_DISPUTE_STATUS_UNJUSTIFIED,
                                          DAY, NULL, NULL, &error));
  assert_refused (error);
  /* One credit note only: 5 items (F1, F2, F3, G1 and the credit note) */
  assert_int_equal (relance_invoice_store_count (data->fx->db), 5);
  assert_false (relance_disputes_resolve (data->fx->db, id + 100, RELANCE_DISPUTE_STATUS_JUSTIFIED,
                                          DAY, NULL, NULL, &missing_error));
  assert_true (g_error_matches (missing_error, RELANCE_ENGINE_ERROR,
                                RELANCE_ENGINE_ERROR_NOT_FOUND));
}

static void
test_dispute_audits_opening_and_resolution (void **state)
{
  Data *data = *state;
  g_autofree char *created = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *credit = NULL;
  gint64 credit_id = 0;
  gint64 id = open_dispute_ok (data, 0);

  created = audit_text (data->fx->db, "dispute", id, "create", "after");
  assert_contains (created, "invoices: F1, F2");
  assert_contains (created, "reason: price");
  assert_contains (created, "amount: 1300.00 EUR");
  assert_contains (created, "status: open");

  assert_true (relance_disputes_resolve (data->fx->db, id, RELANCE_DISPUTE_STATUS_JUSTIFIED,
                                         DAY, "agreed", &credit_id, NULL));
  before = audit_text (data->fx->db, "dispute", id, "resolve", "before");
  after = audit_text (data->fx->db, "dispute", id, "resolve", "after");
  assert_contains (before, "status: open");
  assert_null (strstr (before, "resolved-on"));
  assert_contains (after, "status: justified");
  assert_contains (after, "resolved-on: 2025-06-30");
  assert_contains (after, "resolution: agreed");
  assert_contains (after, "credit-note: AV-LIT-");
  /* The credit note has its own line, as any invoice entered by hand */
  credit = audit_text (data->fx->db, "invoice", credit_id, "create", "after");
  assert_contains (credit, "kind: credit_note");
  assert_contains (credit, "amount: -1300.00 EUR");
  assert_int_equal (audit_count (data->fx->db, "dispute", NULL), 2);
}

static void
test_litigation_counts_the_flagged_items (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  RelanceFiguresRow figures;

  assert_true (relance_invoice_store_set_litigation (data->fx->db, data->f1, TRUE, &error));
  assert_true (relance_invoice_store_set_litigation (data->fx->db, data->f3, TRUE, &error));
  figures = figures_on (data->fx->db, data->c1, DAY);
  /* F1 800,00 + F3 300,00 = 1 100,00 */
  assert_int_equal (figures.litigation_cents, 110000);
  assert_int_equal (figures.disputed_cents, 0);
  assert_int_equal (figures_on (data->fx->db, data->c2, DAY).litigation_cents, 0);

  after = audit_text (data->fx->db, "invoice", data->f1, "litigation", "after");
  assert_string_equal (after, "number: F1\nlitigation: yes");

  /* Taken back from litigation: F3 300,00 alone */
  assert_true (relance_invoice_store_set_litigation (data->fx->db, data->f1, FALSE, &error));
  assert_int_equal (figures_on (data->fx->db, data->c1, DAY).litigation_cents, 30000);
}

static void
test_litigation_leaves_out_a_paid_item (void **state)
{
  Data *data = *state;
  gint64 payment = add_payment (data->fx->db, data->c1, "P2", D (2025, 6, 25), 50000, "EUR");

  assert_true (relance_invoice_store_set_litigation (data->fx->db, data->f2, TRUE, NULL));
  allocate (data->fx->db, payment, data->f2, 50000, D (2025, 6, 25));
  /* F2 is paid: not open, in no figure */
  assert_int_equal (figures_on (data->fx->db, data->c1, DAY).litigation_cents, 0);
}

static void
test_portfolio_cache_has_the_disputed_and_litigation_figures (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cached = NULL;
  const RelanceFiguresRow *row;

  open_dispute_ok (data, 0);
  assert_true (relance_invoice_store_set_litigation (data->fx->db, data->f3, TRUE, NULL));
  assert_true (relance_portfolio_refresh (data->fx->db, DAY, NULL, NULL, NULL, &error));

  cached = relance_figures_store_get (data->fx->db, data->c1, &error);
  assert_non_null (cached);
  row = &g_array_index (cached, RelanceFiguresRow, 0);
  assert_int_equal (row->disputed_cents, 130000);     /* 800,00 + 500,00 */
  assert_int_equal (row->litigation_cents, 30000);    /* F3 */
  g_clear_pointer (&cached, g_array_unref);
  cached = relance_figures_store_get (data->fx->db, data->c2, &error);
  assert_int_equal (g_array_index (cached, RelanceFiguresRow, 0).disputed_cents, 0);
}

static void
test_dispute_list_filters_by_customer_and_status (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  const gint64 g[] = { data->g1 };
  gint64 first = open_dispute_ok (data, 0);
  gint64 second = open_dispute (data->fx->db, data->c2, g, 1, 0, NULL);

  assert_true (second > 0);
  assert_true (relance_disputes_resolve (data->fx->db, first, RELANCE_DISPUTE_STATUS_UNJUSTIFIED,
                                         DAY, NULL, NULL, NULL));
  open = relance_dispute_store_list (data->fx->db, 0, TRUE, NULL);
  all = relance_dispute_store_list (data->fx->db, 0, FALSE, NULL);
  theirs = relance_dispute_store_list (data->fx->db, data->c2, FALSE, NULL);
  assert_int_equal (open->len, 1);
  assert_int_equal (((RelanceDispute *) g_ptr_array_index (open, 0))->id, second);
  assert_int_equal (all->len, 2);
  assert_int_equal (theirs->len, 1);
  assert_string_equal (g_ptr_array_index (((RelanceDispute *) g_ptr_array_index (theirs, 0))->invoice_numbers, 0),
                       "G1");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_dispute_counts_the_remaining_of_its_items),
    TEST (test_dispute_amount_defaults_to_the_remaining),
    TEST (test_dispute_partial_amount_still_counts_the_items),
    TEST (test_dispute_open_invoice_ids_leave_the_items_out),
    TEST (test_dispute_justified_issues_a_credit_note),
    TEST (test_dispute_unjustified_goes_back_into_dunning),
    TEST (test_dispute_item_can_be_disputed_again_after_resolution),
    TEST (test_dispute_refuses_an_invoice_of_another_customer),
    TEST (test_dispute_refuses_an_item_already_disputed),
    TEST (test_dispute_refuses_an_amount_above_the_remaining),
    TEST (test_dispute_refuses_a_paid_item),
    TEST (test_dispute_refuses_to_resolve_twice),
    TEST (test_dispute_audits_opening_and_resolution),
    TEST (test_litigation_counts_the_flagged_items),
    TEST (test_litigation_leaves_out_a_paid_item),
    TEST (test_portfolio_cache_has_the_disputed_and_litigation_figures),
    TEST (test_dispute_list_filters_by_customer_and_status),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
