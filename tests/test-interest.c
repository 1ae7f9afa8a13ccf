/* test-interest.c — late payment interest, the 40 € indemnity, the rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values are worked by hand from DOMAIN.md (« French law ») with
 * the seeded rates:
 *   ECB in force on 1 Jan 2024 4.50 %, 1 Jul 2024 4.25 %, 1 Jan 2025
 *   3.15 %, 1 Jul 2025 2.15 %: B2B rates 14.50 %, 14.25 %, 13.15 %,
 *   12.15 %;
 *   legal rate « autres cas » H1 2024 5.07 %, H2 2024 4.92 %.
 * interest = round (Σ base × rate_bp × days / (10 000 × 365)), the sum
 * over an invoice's segments rounded once, half away from zero.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine-fixture.h"
#include "relance-disputes.h"

/* Helpers */

static gint64
add_debtor (RelanceDatabase  *db,
            const char       *code,
            RelanceActorKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = relance_actor_new (code, code);

  relance_actor_set_kind (actor, kind);
  if (!relance_actor_store_insert (db, actor, 0, &error))
    fail_msg ("actor %s: %s", code, error->message);
  return relance_actor_get_id (actor);
}

static void
set_contractual_rate (RelanceDatabase *db,
                      gint64           actor_id,
                      int              rate_bp)
{
  g_autoptr(GError) error = NULL;

  if (!relance_interest_store_set_contractual_rate (db, actor_id, TRUE, rate_bp, &error))
    fail_msg ("contractual rate: %s", error->message);
}

/* A payment of @amount_cents on @date, allocated the same day */
static void
pay (RelanceDatabase *db,
     gint64           actor_id,
     gint64           invoice_id,
     const char      *reference,
     RelanceDate      date,
     gint64           amount_cents)
{
  gint64 payment = add_payment (db, actor_id, reference, date, amount_cents, "EUR");

  allocate (db, payment, invoice_id, amount_cents, date);
}

static RelanceInterestStatement *
compute (RelanceDatabase *db,
         gint64           actor_id,
         RelanceDate      day)
{
  g_autoptr(GError) error = NULL;
  RelanceInterestStatement *st = relance_interest_compute (db, actor_id, day, &error);

  if (st == NULL)
    fail_msg ("interest: %s", error->message);
  return st;
}

static const RelanceInterestLine *
line_at (const RelanceInterestStatement *st,
         guint                           index)
{
  assert_true (index < st->lines->len);
  return &g_array_index (st->lines, RelanceInterestLine, index);
}

static const RelanceInterestSegment *
segment_at (const RelanceInterestLine *line,
            guint                      index)
{
  assert_true (index < line->segments->len);
  return &g_array_index (line->segments, RelanceInterestSegment, index);
}

static guint
count_warnings (const RelanceInterestStatement *st,
                RelanceInterestWarningKind      kind)
{
  guint n = 0;

  for (guint i = 0; i < st->warnings->len; i++)
    if (g_array_index (st->warnings, RelanceInterestWarning, i).kind == kind)
      n++;
  return n;
}

static const RelanceInterestWarning *
find_warning (const RelanceInterestStatement *st,
              RelanceInterestWarningKind      kind,
              const char                     *half_year)
{
  for (guint i = 0; i < st->warnings->len; i++)
    {
      const RelanceInterestWarning *w = &g_array_index (st->warnings, RelanceInterestWarning, i);

      if (w->kind == kind && g_strcmp0 (w->half_year, half_year) == 0)
        return w;
    }
  return NULL;
}

static void
charge (RelanceDatabase *db,
        gint64           actor_id,
        RelanceDate      day,
        gint64          *interest,
        gint64          *indemnity)
{
  g_autoptr(GError) error = NULL;

  if (!relance_interest_charge (db, actor_id, day, interest, indemnity, &error))
    fail_msg ("charge: %s", error->message);
}

/* The amount of the item numbered @number, -1 when there is none */
static gint64
item_amount (RelanceDatabase    *db,
             const char         *number,
             RelanceInvoiceKind  kind)
{
  g_autoptr(RelanceInvoice) item = relance_invoice_store_find_by_number (db, number, NULL);

  if (item == NULL)
    return -1;
  assert_int_equal (relance_invoice_get_kind (item), kind);
  return relance_invoice_get_amount_cents (item);
}

/* 10 000,00 € due 15 June 2024, paid 15 July 2024 */
static gint64
add_june_invoice (RelanceDatabase *db,
                  gint64           actor_id)
{
  gint64 invoice = add_invoice (db, actor_id, "F1", D (2024, 5, 16), D (2024, 6, 15), 1000000);

  pay (db, actor_id, invoice, "P1", D (2024, 7, 15), 1000000);
  return invoice;
}

/* Tests: the rates */

static void
test_interest_seeded_rates_give_b2b_rates_per_half_year (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  RelanceDate valid_from = 0;
  int rate = 0;

  /* ECB in force on each 1 January / 1 July + 1000 */
  assert_true (relance_b2b_rate_for_day (fx->db, D (2024, 3, 1), &rate, &error));
  assert_int_equal (rate, 1450);   /* 4.50 + 10 */
  assert_true (relance_b2b_rate_for_day (fx->db, D (2024, 6, 30), &rate, &error));
  assert_int_equal (rate, 1450);   /* the 12 June cut waits for 1 July */
  assert_true (relance_b2b_rate_for_day (fx->db, D (2024, 7, 1), &rate, &error));
  assert_int_equal (rate, 1425);   /* 4.25 + 10 */
  assert_true (relance_b2b_rate_for_day (fx->db, D (2025, 2, 10), &rate, &error));
  assert_int_equal (rate, 1315);   /* 3.15 + 10 */
  assert_true (relance_b2b_rate_for_day (fx->db, D (2025, 12, 31), &rate, &error));
  assert_int_equal (rate, 1215);   /* 2.15 (11 June 2025) + 10 */

  assert_true (relance_legal_rate_for_day (fx->db, RELANCE_RATE_KIND_LEGAL_PROFESSIONAL,
                                           D (2024, 5, 5), &rate, &valid_from, &error));
  assert_int_equal (rate, 507);
  assert_int_equal (valid_from, D (2024, 1, 1));
  assert_true (relance_legal_rate_for_day (fx->db, RELANCE_RATE_KIND_LEGAL_PRIVATE,
                                           D (2025, 8, 1), &rate, NULL, &error));
  assert_int_equal (rate, 665);
}

static void
test_interest_rate_in_force_is_latest_row_not_after_day (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  RelanceRateRow row;
  gboolean found = FALSE;

  assert_true (relance_rates_seed (fx->db, NULL, &error));
  assert_true (relance_rate_store_in_force (fx->db, RELANCE_RATE_KIND_ECB, D (2024, 6, 11),
                                            &found, &row, &error));
  assert_true (found);
  assert_int_equal (row.rate_bp, 450);
  assert_int_equal (row.valid_from, D (2023, 9, 20));
  relance_rate_row_clear (&row);
  assert_true (relance_rate_store_in_force (fx->db, RELANCE_RATE_KIND_ECB, D (2024, 6, 12),
                                            &found, &row, &error));
  assert_int_equal (row.rate_bp, 425);
  relance_rate_row_clear (&row);
  /* Before the first row there is none */
  assert_true (relance_rate_store_in_force (fx->db, RELANCE_RATE_KIND_ECB, D (2020, 1, 1),
                                            &found, NULL, &error));
  assert_false (found);
}

static void
test_interest_seed_only_fills_an_empty_table (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  assert_true (relance_rates_seed (fx->db, &added, &error));
  assert_true (added > 0);
  assert_int_equal (relance_rate_store_count (fx->db, NULL), added);
  assert_true (relance_rates_seed (fx->db, &added, &error));
  assert_int_equal (added, 0);
}

static void
test_interest_rate_store_refuses_duplicate_and_corrects_with_replace (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  int rate = 0;

  assert_true (relance_rate_store_add (fx->db, RELANCE_RATE_KIND_ECB, D (2030, 1, 10), 300,
                                       NULL, FALSE, &error));
  assert_false (relance_rate_store_add (fx->db, RELANCE_RATE_KIND_ECB, D (2030, 1, 10), 310,
                                        NULL, FALSE, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  g_clear_error (&error);
  assert_true (relance_rate_store_add (fx->db, RELANCE_RATE_KIND_ECB, D (2030, 1, 10), 310,
                                       "corrected", TRUE, &error));
  /* The table was not empty, so nothing was seeded: only this row */
  assert_true (relance_b2b_rate_for_day (fx->db, D (2030, 8, 1), &rate, &error));
  assert_int_equal (rate, 1310);
}

static void
test_interest_legal_rate_must_start_a_half_year (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;

  assert_false (relance_rate_store_add (fx->db, RELANCE_RATE_KIND_LEGAL_PROFESSIONAL,
                                        D (2026, 7, 2), 250, NULL, FALSE, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  g_clear_error (&error);
  assert_true (relance_rate_store_add (fx->db, RELANCE_RATE_KIND_LEGAL_PROFESSIONAL,
                                       D (2026, 7, 1), 250, NULL, FALSE, &error));
}

static void
test_interest_rate_parse_and_format (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fr = NULL;
  g_autofree char *en = NULL;
  int rate = 0;

  (void) state;
  assert_true (relance_rate_parse ("4,50", &rate, &error));
  assert_int_equal (rate, 450);
  assert_true (relance_rate_parse ("4.5", &rate, &error));
  assert_int_equal (rate, 450);
  assert_true (relance_rate_parse ("12", &rate, &error));
  assert_int_equal (rate, 1200);
  assert_true (relance_rate_parse (" 14,50 % ", &rate, &error));
  assert_int_equal (rate, 1450);
  assert_true (relance_rate_parse ("0,05", &rate, &error));
  assert_int_equal (rate, 5);
  assert_true (relance_rate_parse ("-0,50", &rate, &error));
  assert_int_equal (rate, -50);

  assert_false (relance_rate_parse ("4,505", &rate, &error));
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_RATE));
  g_clear_error (&error);
  assert_false (relance_rate_parse ("4,5x", &rate, &error));
  g_clear_error (&error);
  assert_false (relance_rate_parse ("", &rate, &error));
  g_clear_error (&error);
  assert_false (relance_rate_parse ("1,2,3", &rate, &error));
  g_clear_error (&error);

  fr = relance_rate_format (1450, "fr");
  en = relance_rate_format (5, "en");
  assert_string_equal (fr, "14,50\u00a0%");
  assert_string_equal (en, "0.05%");
}

/* Tests: the computation */

static void
test_interest_across_two_half_years_with_different_rates (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestLine *line;
  const RelanceInterestSegment *seg;

  add_june_invoice (fx->db, actor);
  st = compute (fx->db, actor, D (2024, 8, 1));

  assert_int_equal (st->basis, RELANCE_INTEREST_BASIS_ECB_PLUS_10);
  assert_int_equal (st->lines->len, 1);
  line = line_at (st, 0);
  assert_string_equal (line->number, "F1");
  assert_int_equal (line->due_date, D (2024, 6, 15));
  assert_int_equal (line->base_cents, 1000000);
  assert_int_equal (line->until, D (2024, 7, 15));   /* the payment date, not D */
  assert_int_equal (line->segments->len, 2);

  /* 16–30 June: 15 days at 14.50 % */
  seg = segment_at (line, 0);
  assert_int_equal (seg->from, D (2024, 6, 16));
  assert_int_equal (seg->to, D (2024, 6, 30));
  assert_int_equal (seg->days, 15);
  assert_int_equal (seg->rate_bp, 1450);
  assert_string_equal (seg->half_year, "2024-H1");
  /* 1–15 July: 15 days at 14.25 % */
  seg = segment_at (line, 1);
  assert_int_equal (seg->from, D (2024, 7, 1));
  assert_int_equal (seg->to, D (2024, 7, 15));
  assert_int_equal (seg->days, 15);
  assert_int_equal (seg->rate_bp, 1425);
  assert_string_equal (seg->half_year, "2024-H2");

  /* 1 000 000 × (1450 × 15 + 1425 × 15) / 3 650 000
   * = 1 000 000 × 43 125 / 3 650 000 = 43 125 000 000 / 3 650 000
   * = 11 815.07 → 11 815 cents = 118,15 € */
  assert_int_equal (line->interest_cents, 11815);
  assert_int_equal (line->indemnity_cents, 4000);
  assert_int_equal (st->total_interest_cents, 11815);
  assert_int_equal (st->total_indemnity_cents, 4000);
  assert_int_equal (st->warnings->len, 0);
}

static void
test_interest_partial_payment_reduces_the_base_from_its_date (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 invoice = add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 1000000);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestLine *line;

  pay (fx->db, actor, invoice, "P1", D (2024, 4, 30), 400000);
  st = compute (fx->db, actor, D (2024, 5, 31));

  line = line_at (st, 0);
  assert_int_equal (line->segments->len, 2);
  /* 1–30 April (30 days, the day of the payment included) on 10 000,00 */
  assert_int_equal (segment_at (line, 0)->from, D (2024, 4, 1));
  assert_int_equal (segment_at (line, 0)->to, D (2024, 4, 30));
  assert_int_equal (segment_at (line, 0)->base_cents, 1000000);
  /* 1–31 May (31 days) on 10 000,00 − 4 000,00 = 6 000,00 */
  assert_int_equal (segment_at (line, 1)->from, D (2024, 5, 1));
  assert_int_equal (segment_at (line, 1)->to, D (2024, 5, 31));
  assert_int_equal (segment_at (line, 1)->days, 31);
  assert_int_equal (segment_at (line, 1)->base_cents, 600000);
  assert_int_equal (line->until, D (2024, 5, 31));
  /* 1450 × (1 000 000 × 30 + 600 000 × 31) / 3 650 000
   * = 1450 × 48 600 000 / 3 650 000 = 70 470 000 000 / 3 650 000
   * = 19 306.85 → 19 307 */
  assert_int_equal (line->interest_cents, 19307);
}

static void
test_interest_payment_before_due_date_lowers_the_first_base (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 invoice = add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 1000000);
  g_autoptr(RelanceInterestStatement) st = NULL;

  pay (fx->db, actor, invoice, "P1", D (2024, 3, 20), 750000);
  st = compute (fx->db, actor, D (2024, 4, 30));

  assert_int_equal (line_at (st, 0)->base_cents, 250000);
  assert_int_equal (line_at (st, 0)->segments->len, 1);
  /* 250 000 × 1450 × 30 / 3 650 000 = 10 875 000 000 / 3 650 000
   * = 2 979.45 → 2 979 */
  assert_int_equal (line_at (st, 0)->interest_cents, 2979);
}

static void
test_interest_unpaid_runs_until_evaluation_day (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestLine *line;

  add_invoice (fx->db, actor, "F1", D (2024, 11, 20), D (2024, 12, 20), 500000);
  st = compute (fx->db, actor, D (2025, 1, 10));

  line = line_at (st, 0);
  assert_int_equal (line->until, D (2025, 1, 10));
  assert_int_equal (line->segments->len, 2);
  assert_int_equal (segment_at (line, 0)->days, 11);       /* 21–31 Dec */
  assert_int_equal (segment_at (line, 0)->rate_bp, 1425);
  assert_int_equal (segment_at (line, 1)->days, 10);       /* 1–10 Jan */
  assert_int_equal (segment_at (line, 1)->rate_bp, 1315);
  assert_string_equal (segment_at (line, 1)->half_year, "2025-H1");
  /* 500 000 × (1425 × 11 + 1315 × 10) / 3 650 000
   * = 500 000 × 28 825 / 3 650 000 = 14 412 500 000 / 3 650 000
   * = 3 948.63 → 3 949 */
  assert_int_equal (line->interest_cents, 3949);
  assert_int_equal (line->indemnity_cents, 4000);
}

static void
test_interest_payment_dated_after_evaluation_day_is_not_known (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;

  add_june_invoice (fx->db, actor);   /* paid 15 July */
  st = compute (fx->db, actor, D (2024, 6, 30));

  /* 16–30 June at 14.50 %: 1 000 000 × 1450 × 15 / 3 650 000
   * = 21 750 000 000 / 3 650 000 = 5 958.90 → 5 959 */
  assert_int_equal (line_at (st, 0)->until, D (2024, 6, 30));
  assert_int_equal (line_at (st, 0)->interest_cents, 5959);
}

static void
test_interest_paid_on_time_or_not_yet_due_is_not_late (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 on_time = add_invoice (fx->db, actor, "F1", D (2024, 5, 1), D (2024, 5, 31), 100000);
  g_autoptr(RelanceInterestStatement) st = NULL;

  pay (fx->db, actor, on_time, "P1", D (2024, 5, 31), 100000);
  add_invoice (fx->db, actor, "F2", D (2024, 6, 1), D (2024, 7, 1), 100000);
  /* Due on D: not late yet */
  add_invoice (fx->db, actor, "F3", D (2024, 5, 1), D (2024, 6, 30), 100000);
  st = compute (fx->db, actor, D (2024, 6, 30));

  assert_int_equal (st->lines->len, 0);
  assert_int_equal (st->total_interest_cents, 0);
  assert_int_equal (st->total_indemnity_cents, 0);
}

static void
test_interest_credit_notes_fees_and_interest_items_bear_none (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;

  add_item (fx->db, actor, "AV1", RELANCE_INVOICE_KIND_CREDIT_NOTE,
            D (2024, 1, 10), D (2024, 1, 10), -50000, "EUR");
  add_item (fx->db, actor, "FR1", RELANCE_INVOICE_KIND_FEE,
            D (2024, 1, 10), D (2024, 1, 10), 4000, "EUR");
  add_item (fx->db, actor, "IR1", RELANCE_INVOICE_KIND_INTEREST,
            D (2024, 1, 10), D (2024, 1, 10), 12345, "EUR");
  st = compute (fx->db, actor, D (2024, 6, 30));

  assert_int_equal (st->lines->len, 0);
}

static void
test_interest_rounded_once_half_away_from_zero_per_invoice (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 invoice = add_invoice (fx->db, actor, "F1", D (2024, 6, 1), D (2024, 6, 25), 12250);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestLine *line;

  /* 36.50 %, so that base × rate × days / 3 650 000 = base × days / 1000 */
  set_contractual_rate (fx->db, actor, 3650);
  pay (fx->db, actor, invoice, "P1", D (2024, 7, 5), 12250);
  st = compute (fx->db, actor, D (2024, 7, 31));

  line = line_at (st, 0);
  assert_int_equal (line->segments->len, 2);
  assert_int_equal (segment_at (line, 0)->days, 5);   /* 26–30 June */
  assert_int_equal (segment_at (line, 1)->days, 5);   /* 1–5 July */
  /* Each segment is 12 250 × 5 / 1000 = 61.25, which rounded alone would
   * give 61 + 61 = 122; the invoice's total 12 250 × 10 / 1000 = 122.5
   * exactly, rounded once, half away from zero: 123 */
  assert_int_equal (line->interest_cents, 123);
  assert_int_equal (st->warnings->len, 0);   /* 36.50 % is above both floors */
}

static void
test_interest_b2c_legal_rate_and_no_indemnity (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "P1", RELANCE_ACTOR_KIND_PERSON);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestLine *line;

  add_june_invoice (fx->db, actor);
  st = compute (fx->db, actor, D (2024, 8, 1));

  assert_int_equal (st->basis, RELANCE_INTEREST_BASIS_LEGAL);
  line = line_at (st, 0);
  /* The creditor is a company: the « autres cas » legal rate,
   * H1 2024 5.07 %, H2 2024 4.92 % (not the 8.01 % / 8.16 % of a private
   * creditor) */
  assert_int_equal (segment_at (line, 0)->rate_bp, 507);
  assert_int_equal (segment_at (line, 1)->rate_bp, 492);
  /* 1 000 000 × (507 × 15 + 492 × 15) / 3 650 000
   * = 1 000 000 × 14 985 / 3 650 000 = 4 105.48 → 4 105 */
  assert_int_equal (line->interest_cents, 4105);
  assert_int_equal (line->indemnity_cents, 0);
  assert_int_equal (st->total_indemnity_cents, 0);
}

static void
test_interest_b2c_ignores_contractual_rate_with_warning (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "P1", RELANCE_ACTOR_KIND_PERSON);
  g_autoptr(RelanceInterestStatement) st = NULL;

  set_contractual_rate (fx->db, actor, 2000);
  add_june_invoice (fx->db, actor);
  st = compute (fx->db, actor, D (2024, 8, 1));

  assert_int_equal (st->basis, RELANCE_INTEREST_BASIS_LEGAL);
  assert_int_equal (line_at (st, 0)->interest_cents, 4105);   /* as above */
  assert_int_equal (count_warnings (st, RELANCE_INTEREST_WARNING_CONTRACTUAL_IGNORED), 1);
}

static void
test_interest_contractual_rate_below_floor_warns (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestWarning *w;

  set_contractual_rate (fx->db, actor, 1200);
  add_june_invoice (fx->db, actor);
  st = compute (fx->db, actor, D (2024, 8, 1));

  assert_int_equal (st->basis, RELANCE_INTEREST_BASIS_CONTRACTUAL);
  /* Applied as agreed: 1 000 000 × 1200 × 30 / 3 650 000
   * = 36 000 000 000 / 3 650 000 = 9 863.01 → 9 863 */
  assert_int_equal (segment_at (line_at (st, 0), 0)->rate_bp, 1200);
  assert_int_equal (line_at (st, 0)->interest_cents, 9863);
  /* Floors: H1 2024 3 × 5.07 = 15.21 %, H2 2024 3 × 4.92 = 14.76 % */
  assert_int_equal (count_warnings (st, RELANCE_INTEREST_WARNING_BELOW_FLOOR), 2);
  w = find_warning (st, RELANCE_INTEREST_WARNING_BELOW_FLOOR, "2024-H1");
  assert_non_null (w);
  assert_int_equal (w->rate_bp, 1200);
  assert_int_equal (w->floor_bp, 1521);
  w = find_warning (st, RELANCE_INTEREST_WARNING_BELOW_FLOOR, "2024-H2");
  assert_non_null (w);
  assert_int_equal (w->floor_bp, 1476);
}

static void
test_interest_contractual_rate_checked_against_floor_not_ecb_plus_10 (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;

  /* 15.00 % is above ECB + 10 (14.50 %) in H1 2024 but below its floor
   * 15.21 %; in H2 2024 it is above the floor 14.76 % */
  set_contractual_rate (fx->db, actor, 1500);
  add_june_invoice (fx->db, actor);
  st = compute (fx->db, actor, D (2024, 8, 1));

  assert_int_equal (count_warnings (st, RELANCE_INTEREST_WARNING_BELOW_FLOOR), 1);
  assert_non_null (find_warning (st, RELANCE_INTEREST_WARNING_BELOW_FLOOR, "2024-H1"));
}

static void
test_interest_contractual_rate_above_floor_is_used (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestLine *line;

  set_contractual_rate (fx->db, actor, 2000);
  add_june_invoice (fx->db, actor);
  st = compute (fx->db, actor, D (2024, 8, 1));

  line = line_at (st, 0);
  assert_int_equal (segment_at (line, 0)->rate_bp, 2000);
  assert_int_equal (segment_at (line, 1)->rate_bp, 2000);
  /* 1 000 000 × 2000 × 30 / 3 650 000 = 60 000 000 000 / 3 650 000
   * = 16 438.36 → 16 438 */
  assert_int_equal (line->interest_cents, 16438);
  assert_int_equal (line->indemnity_cents, 4000);
  assert_int_equal (st->warnings->len, 0);
}

static void
test_interest_user_added_rate_changes_the_result (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) before = NULL;
  g_autoptr(RelanceInterestStatement) after = NULL;
  g_autoptr(GError) error = NULL;

  add_june_invoice (fx->db, actor);
  before = compute (fx->db, actor, D (2024, 8, 1));
  assert_int_equal (line_at (before, 0)->interest_cents, 11815);

  /* The user says the ECB rate was 5.00 % from 1 July 2024 */
  assert_true (relance_rate_store_add (fx->db, RELANCE_RATE_KIND_ECB, D (2024, 7, 1), 500,
                                       "test", FALSE, &error));
  after = compute (fx->db, actor, D (2024, 8, 1));
  assert_int_equal (segment_at (line_at (after, 0), 1)->rate_bp, 1500);
  /* 1 000 000 × (1450 × 15 + 1500 × 15) / 3 650 000
   * = 1 000 000 × 44 250 / 3 650 000 = 12 123.29 → 12 123 */
  assert_int_equal (line_at (after, 0)->interest_cents, 12123);
}

static void
test_interest_missing_ecb_rate_is_an_error (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(GError) error = NULL;
  RelanceInterestStatement *st;

  /* The seeded table starts on 21 June 2023: nothing in force on
   * 1 January 2023 */
  add_invoice (fx->db, actor, "F1", D (2022, 12, 15), D (2023, 1, 15), 100000);
  st = relance_interest_compute (fx->db, actor, D (2023, 2, 1), &error);
  assert_null (st);
  assert_true (g_error_matches (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NO_RATE));
}

static void
test_interest_missing_legal_rate_uses_the_last_one_with_warning (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "P1", RELANCE_ACTOR_KIND_PERSON);
  g_autoptr(RelanceInterestStatement) st = NULL;

  /* The seeded table ends with H1 2026 (2.62 %) */
  add_invoice (fx->db, actor, "F1", D (2026, 5, 20), D (2026, 6, 20), 1000000);
  st = compute (fx->db, actor, D (2026, 7, 10));

  assert_int_equal (segment_at (line_at (st, 0), 1)->rate_bp, 262);
  assert_non_null (find_warning (st, RELANCE_INTEREST_WARNING_STALE_LEGAL_RATE, "2026-H2"));
  /* 1 000 000 × 262 × 20 / 3 650 000 = 5 240 000 000 / 3 650 000
   * = 1 435.62 → 1 436 */
  assert_int_equal (line_at (st, 0)->interest_cents, 1436);
}

/* Tests: charging */

static void
test_interest_charge_invoices_interest_and_indemnity (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  gint64 interest = -1, indemnity = -1;

  add_june_invoice (fx->db, actor);
  charge (fx->db, actor, D (2024, 8, 1), &interest, &indemnity);

  assert_int_equal (interest, 11815);
  assert_int_equal (indemnity, 4000);
  assert_int_equal (item_amount (fx->db, "IR-C1-20240801", RELANCE_INVOICE_KIND_INTEREST), 11815);
  assert_int_equal (item_amount (fx->db, "IND-F1", RELANCE_INVOICE_KIND_FEE), 4000);

  st = compute (fx->db, actor, D (2024, 8, 1));
  assert_int_equal (line_at (st, 0)->charged_interest_cents, 11815);
  assert_int_equal (line_at (st, 0)->charged_until, D (2024, 7, 15));
  assert_int_equal (line_at (st, 0)->charged_indemnity_cents, 4000);
  /* The charged items are not late on D (due on D) and bear nothing */
  assert_int_equal (st->lines->len, 1);
}

static void
test_interest_charge_same_or_earlier_day_charges_nothing (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 count;
  gint64 interest = -1, indemnity = -1;

  add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 1000000);
  charge (fx->db, actor, D (2024, 5, 31), &interest, &indemnity);
  assert_true (interest > 0);
  count = relance_invoice_store_count (fx->db);

  charge (fx->db, actor, D (2024, 5, 31), &interest, &indemnity);
  assert_int_equal (interest, 0);
  assert_int_equal (indemnity, 0);
  charge (fx->db, actor, D (2024, 5, 1), &interest, &indemnity);
  assert_int_equal (interest, 0);
  assert_int_equal (indemnity, 0);
  assert_int_equal (relance_invoice_store_count (fx->db), count);
}

static void
test_interest_charge_later_day_charges_only_the_extra_days (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  gint64 interest = -1, indemnity = -1;

  add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 1000000);

  /* 1–30 April: 1 000 000 × 1450 × 30 / 3 650 000 = 11 917.81 → 11 918 */
  charge (fx->db, actor, D (2024, 4, 30), &interest, &indemnity);
  assert_int_equal (interest, 11918);
  assert_int_equal (indemnity, 4000);

  /* 1 April–31 May, 61 days: 1 000 000 × 1450 × 61 / 3 650 000
   * = 24 232.88 → 24 233; already charged 11 918: 24 233 − 11 918
   * = 12 315 more (the 31 days of May alone: 12 315.07) */
  charge (fx->db, actor, D (2024, 5, 31), &interest, &indemnity);
  assert_int_equal (interest, 12315);
  assert_int_equal (indemnity, 0);
  assert_int_equal (item_amount (fx->db, "IR-C1-20240430", RELANCE_INVOICE_KIND_INTEREST), 11918);
  assert_int_equal (item_amount (fx->db, "IR-C1-20240531", RELANCE_INVOICE_KIND_INTEREST), 12315);

  st = compute (fx->db, actor, D (2024, 5, 31));
  assert_int_equal (line_at (st, 0)->charged_interest_cents, 24233);
  assert_int_equal (line_at (st, 0)->charged_until, D (2024, 5, 31));
  assert_int_equal (line_at (st, 0)->interest_cents, 24233);
}

/* A disputed item is out of dunning: the run invoices neither its
 * interest nor its indemnity while the dispute is open */
static void
test_interest_charge_leaves_disputed_items_alone (void **state)
{
  EngineFixture *fx = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDispute) dispute = relance_dispute_new ();
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 invoice = add_invoice (fx->db, actor, "F1", D (2024, 5, 16), D (2024, 6, 15), 1000000);
  gint64 interest = -1, indemnity = -1;

  dispute->actor_id = actor;
  dispute->reason = g_strdup ("quality");
  dispute->opened_on = D (2024, 7, 1);
  g_array_append_val (dispute->invoice_ids, invoice);
  assert_true (relance_disputes_open (fx->db, dispute, &error));
  assert_null (error);

  charge (fx->db, actor, D (2024, 8, 1), &interest, &indemnity);
  assert_int_equal (interest, 0);
  assert_int_equal (indemnity, 0);
}

static void
test_interest_indemnity_once_per_late_invoice (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 f1 = add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 100000);
  gint64 f3 = add_invoice (fx->db, actor, "F3", D (2024, 3, 1), D (2024, 4, 30), 100000);
  gint64 interest = -1, indemnity = -1;

  add_invoice (fx->db, actor, "F2", D (2024, 3, 1), D (2024, 4, 15), 100000);
  pay (fx->db, actor, f1, "P1", D (2024, 4, 2), 100000);   /* paid 2 days late */
  pay (fx->db, actor, f3, "P3", D (2024, 4, 30), 100000);  /* paid on its due date */

  /* F1 (paid late) and F2 (unpaid): 2 × 40,00 €; not F3 */
  charge (fx->db, actor, D (2024, 5, 15), &interest, &indemnity);
  assert_int_equal (indemnity, 8000);
  assert_int_equal (item_amount (fx->db, "IND-F1", RELANCE_INVOICE_KIND_FEE), 4000);
  assert_int_equal (item_amount (fx->db, "IND-F2", RELANCE_INVOICE_KIND_FEE), 4000);
  assert_int_equal (item_amount (fx->db, "IND-F3", RELANCE_INVOICE_KIND_FEE), -1);

  /* Never twice, whatever the day */
  charge (fx->db, actor, D (2024, 6, 15), &interest, &indemnity);
  assert_int_equal (indemnity, 0);
  assert_true (interest > 0);   /* F2's days since 15 May */
  assert_int_equal (item_amount (fx->db, "IND-F2-2", RELANCE_INVOICE_KIND_FEE), -1);
}

static void
test_interest_charge_b2c_has_no_indemnity (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "P1", RELANCE_ACTOR_KIND_PERSON);
  gint64 interest = -1, indemnity = -1;

  add_june_invoice (fx->db, actor);
  charge (fx->db, actor, D (2024, 8, 1), &interest, &indemnity);

  assert_int_equal (interest, 4105);
  assert_int_equal (indemnity, 0);
  assert_int_equal (item_amount (fx->db, "IND-F1", RELANCE_INVOICE_KIND_FEE), -1);
}

static void
test_interest_charge_joins_the_callers_transaction (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(GError) error = NULL;
  gint64 interest = -1, indemnity = -1;
  gint64 count;

  add_june_invoice (fx->db, actor);
  /* Seeded outside, so that the rollback below concerns the charge only */
  assert_true (relance_rates_seed (fx->db, NULL, &error));
  count = relance_invoice_store_count (fx->db);

  assert_true (relance_database_begin (fx->db, &error));
  charge (fx->db, actor, D (2024, 8, 1), &interest, &indemnity);
  assert_int_equal (interest, 11815);
  relance_database_rollback (fx->db);

  /* Nothing kept: the next run charges it all again */
  assert_int_equal (relance_invoice_store_count (fx->db), count);
  charge (fx->db, actor, D (2024, 8, 1), &interest, &indemnity);
  assert_int_equal (interest, 11815);
  assert_int_equal (indemnity, 4000);
}

static void
test_interest_backdated_payment_warns_instead_of_charging (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  gint64 invoice = add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 1000000);
  g_autoptr(RelanceInterestStatement) st = NULL;
  gint64 interest = -1, indemnity = -1;

  charge (fx->db, actor, D (2024, 5, 31), &interest, &indemnity);
  assert_int_equal (interest, 24233);   /* 61 days, as above */
  /* A payment entered afterwards, dated 30 April */
  pay (fx->db, actor, invoice, "P1", D (2024, 4, 30), 1000000);

  st = compute (fx->db, actor, D (2024, 6, 30));
  assert_int_equal (line_at (st, 0)->interest_cents, 11918);   /* 30 days */
  assert_int_equal (count_warnings (st, RELANCE_INTEREST_WARNING_OVERCHARGED), 1);
  charge (fx->db, actor, D (2024, 6, 30), &interest, &indemnity);
  assert_int_equal (interest, 0);
}

static void
test_interest_other_currency_charged_in_its_own_item (void **state)
{
  EngineFixture *fx = *state;
  gint64 actor = add_debtor (fx->db, "C1", RELANCE_ACTOR_KIND_COMPANY);
  g_autoptr(RelanceInterestStatement) st = NULL;
  const RelanceInterestTotal *usd;
  gint64 interest = -1, indemnity = -1;

  add_invoice (fx->db, actor, "F1", D (2024, 3, 1), D (2024, 3, 31), 1000000);
  add_item (fx->db, actor, "U1", RELANCE_INVOICE_KIND_INVOICE,
            D (2024, 3, 1), D (2024, 3, 31), 1000000, "USD");
  st = compute (fx->db, actor, D (2024, 4, 30));

  /* Each 11 918 (30 days at 14.50 %), never added together */
  assert_string_equal (st->currency, "EUR");
  assert_int_equal (st->total_interest_cents, 11918);
  assert_int_equal (st->other_totals->len, 1);
  usd = &g_array_index (st->other_totals, RelanceInterestTotal, 0);
  assert_string_equal (usd->currency, "USD");
  assert_int_equal (usd->interest_cents, 11918);
  /* The indemnity is 40 € for each */
  assert_int_equal (st->total_indemnity_cents, 8000);

  charge (fx->db, actor, D (2024, 4, 30), &interest, &indemnity);
  assert_int_equal (interest, 11918);
  assert_int_equal (item_amount (fx->db, "IR-C1-20240430", RELANCE_INVOICE_KIND_INTEREST), 11918);
  assert_int_equal (item_amount (fx->db, "IR-C1-20240430-USD", RELANCE_INVOICE_KIND_INTEREST),
                    11918);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_interest_seeded_rates_give_b2b_rates_per_half_year,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_rate_in_force_is_latest_row_not_after_day,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_seed_only_fills_an_empty_table,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_rate_store_refuses_duplicate_and_corrects_with_replace,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_legal_rate_must_start_a_half_year,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test (test_interest_rate_parse_and_format),
    cmocka_unit_test_setup_teardown (test_interest_across_two_half_years_with_different_rates,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_partial_payment_reduces_the_base_from_its_date,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_payment_before_due_date_lowers_the_first_base,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_unpaid_runs_until_evaluation_day,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_payment_dated_after_evaluation_day_is_not_known,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_paid_on_time_or_not_yet_due_is_not_late,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_credit_notes_fees_and_interest_items_bear_none,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_rounded_once_half_away_from_zero_per_invoice,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_b2c_legal_rate_and_no_indemnity,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_b2c_ignores_contractual_rate_with_warning,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_contractual_rate_below_floor_warns,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_contractual_rate_checked_against_floor_not_ecb_plus_10,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_contractual_rate_above_floor_is_used,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_user_added_rate_changes_the_result,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_missing_ecb_rate_is_an_error,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_missing_legal_rate_uses_the_last_one_with_warning,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_charge_invoices_interest_and_indemnity,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_charge_same_or_earlier_day_charges_nothing,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_charge_later_day_charges_only_the_extra_days,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_charge_leaves_disputed_items_alone,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_indemnity_once_per_late_invoice,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_charge_b2c_has_no_indemnity,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_charge_joins_the_callers_transaction,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_backdated_payment_warns_instead_of_charging,
                                     engine_fixture_setup, engine_fixture_teardown),
    cmocka_unit_test_setup_teardown (test_interest_other_currency_charged_in_its_own_item,
                                     engine_fixture_setup, engine_fixture_teardown),
  };

  return cmocka_run_group_tests_name ("interest", tests, NULL, NULL);
}
