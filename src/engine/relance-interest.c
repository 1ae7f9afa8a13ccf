/* relance-interest.c — late payment interest and the 40 € indemnity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (DOMAIN.md, « French law »):
 *
 * - Which items: invoices (kind invoice) of the customer, not cancelled,
 *   due before D and either unpaid or paid after their due date. Credit
 *   notes, fees and interest items bear neither interest nor indemnity.
 *
 * - Which days: from the day after the due date to the payment date (the
 *   date of the allocation that settles it), or to D while unpaid; both
 *   ends included, so that an invoice due on 15 June and paid on 15 July
 *   is late 30 days (15 July − 15 June). A partial payment lowers the base
 *   from the day after its date: the day of a payment still bears interest
 *   on the amount it pays, as the day of the final payment does. Payments
 *   dated after D are not known on D.
 *
 * - Which rate, per half-year (1 January–30 June, 1 July–31 December),
 *   each day at the rate of its half-year:
 *   - company debtor (B2B, L441-10): the ECB main refinancing rate in
 *     force on 1 January for the first half-year and on 1 July for the
 *     second, + 10 points; when the customer has a contractual rate, that
 *     rate instead, with a warning when it is below 3 × the legal interest
 *     rate « autres cas » of the half-year (the floor, which may be above
 *     ECB + 10: 3 × 5.07 % = 15.21 % against 14.50 % in the first half of
 *     2024);
 *   - consumer (B2C): the legal interest rate. Of its two published
 *     values, the one for « créances des personnes physiques n'agissant
 *     pas pour des besoins professionnels » is for a CREDITOR who is a
 *     private person (Code monétaire et financier L313-2); the creditor
 *     here is the company that uses Relance, so the value « pour tous les
 *     autres cas » applies, whoever the debtor is. The private value stays
 *     in the table for the user's reference. No contractual rate, no
 *     indemnity.
 *
 * - How much: simple interest, base × rate × days / 365, 365 even in a
 *   leap year. The exact sum over an invoice's segments is rounded once,
 *   half away from zero, to the cent: interest =
 *   round (Σ base_cents × rate_bp × days / (10 000 × 365)).
 *
 * - The indemnity (D441-5): 40 €, not subject to VAT, once per invoice
 *   paid late or unpaid past its due date, from the first day late, for a
 *   company debtor only.
 *
 * - Charging: the interest of an invoice is charged as the difference
 *   between the rounded total up to D and what was already charged, so
 *   that the charges of an invoice always add up to its rounded total; a
 *   second call for the same day (or an earlier one) finds nothing more
 *   to charge. All the interest of a call goes into one item of kind
 *   interest per currency, numbered IR-<customer>-<YYYYMMDD>; each
 *   indemnity into an item of kind fee numbered IND-<invoice>.
 *
 * Amounts are integer cents; rates integer basis points; the sums are
 * 128-bit integers. Nothing here is floating point.
 */
#define G_LOG_DOMAIN "relance-interest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "relance-engine-error.h"
#include "relance-figures.h"
#include "relance-interest.h"

typedef struct
{
  RelanceRateKind  kind;
  int              year;
  int              month;
  int              day;
  int              rate_bp;
  const char      *source;
} SeedRate;

typedef struct
{
  RelanceDate first_day;
  int         rate_bp;
} HalfYearRate;

typedef struct
{
  RelanceDatabase          *db;
  RelanceInterestStatement *st;
  const char               *language;
  GArray                   *rates;   /* HalfYearRate, per half-year met */
} Compute;

/* The published values the table starts with (DOMAIN.md gives the ECB
 * rates of 20 Sep 2023, 12 Jun 2024, 18 Dec 2024 and 23 Apr 2025 and the
 * legal rate of H1 2024; the other rows are the ECB's decisions between
 * them and the arrêtés of each half-year). The user adds the later ones
 * with "relance-cli rate add". */
#define ECB_SOURCE "ECB, main refinancing operations"
static const SeedRate seed_rates[] = {
  { RELANCE_RATE_KIND_ECB, 2023, 6, 21, 400, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2023, 8, 2, 425, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2023, 9, 20, 450, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2024, 6, 12, 425, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2024, 9, 18, 365, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2024, 10, 23, 340, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2024, 12, 18, 315, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2025, 2, 5, 290, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2025, 3, 12, 265, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2025, 4, 23, 240, ECB_SOURCE },
  { RELANCE_RATE_KIND_ECB, 2025, 6, 11, 215, ECB_SOURCE },
  { RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, 2023, 7, 1, 422, "arrêté du 27 juin 2023" },
  { RELANCE_RATE_KIND_LEGAL_PRIVATE, 2023, 7, 1, 682, "arrêté du 27 juin 2023" },
  { RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, 2024, 1, 1, 507, "arrêté du 21 décembre 2023" },
  { RELANCE_RATE_KIND_LEGAL_PRIVATE, 2024, 1, 1, 801, "arrêté du 21 décembre 2023" },
  { RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, 2024, 7, 1, 492, "arrêté du 26 juin 2024" },
  { RELANCE_RATE_KIND_LEGAL_PRIVATE, 2024, 7, 1, 816, "arrêté du 26 juin 2024" },
  { RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, 2025, 1, 1, 371, "arrêté du 17 décembre 2024" },
  { RELANCE_RATE_KIND_LEGAL_PRIVATE, 2025, 1, 1, 721, "arrêté du 17 décembre 2024" },
  { RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, 2025, 7, 1, 276, "arrêté du 19 juin 2025" },
  { RELANCE_RATE_KIND_LEGAL_PRIVATE, 2025, 7, 1, 665, "arrêté du 19 juin 2025" },
  { RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, 2026, 1, 1, 262, "arrêté du 15 décembre 2025" },
  { RELANCE_RATE_KIND_LEGAL_PRIVATE, 2026, 1, 1, 667, "arrêté du 15 décembre 2025" },
};

/* Helpers */

/* @num / @den rounded half away from zero, @den > 0 */
static gint64
div_round_128 (__int128 num,
               __int128 den)
{
  __int128 q = num / den;
  __int128 r = num % den;

  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;
  return (gint64) q;
}

static void
line_clear (RelanceInterestLine *line)
{
  g_clear_pointer (&line->number, g_free);
  g_clear_pointer (&line->segments, g_array_unref);
}

static void
warning_clear (RelanceInterestWarning *warning)
{
  g_clear_pointer (&warning->invoice_number, g_free);
  g_clear_pointer (&warning->message, g_free);
}

static gboolean
ensure_rates (RelanceDatabase  *db,
              GError          **error)
{
  gint64 count = relance_rate_store_count (db, error);

  if (count < 0)
    return FALSE;
  return count > 0 || relance_rates_seed (db, NULL, error);
}

static void
add_warning (Compute                    *c,
             RelanceInterestWarningKind  kind,
             const char                 *half_year,
             int                         rate_bp,
             int                         floor_bp,
             const char                 *invoice_number,
             const char                 *format,
             ...) G_GNUC_PRINTF (7, 8);

/* One warning per kind, half-year and invoice */
static void
add_warning (Compute                    *c,
             RelanceInterestWarningKind  kind,
             const char                 *half_year,
             int                         rate_bp,
             int                         floor_bp,
             const char                 *invoice_number,
             const char                 *format,
             ...)
{
  GArray *warnings = c->st->warnings;
  RelanceInterestWarning warning = { 0 };
  va_list args;

  for (guint i = 0; i < warnings->len; i++)
    {
      const RelanceInterestWarning *w = &g_array_index (warnings, RelanceInterestWarning, i);

      if (w->kind == kind && g_strcmp0 (w->half_year, half_year ? half_year : "") == 0 &&
          g_strcmp0 (w->invoice_number, invoice_number) == 0)
        return;
    }

  warning.kind = kind;
  g_strlcpy (warning.half_year, half_year ? half_year : "", sizeof warning.half_year);
  warning.rate_bp = rate_bp;
  warning.floor_bp = floor_bp;
  warning.invoice_number = g_strdup (invoice_number);
  va_start (args, format);
  warning.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (warnings, warning);
}

/* The legal rate « autres cas » of the half-year that starts on
 * @first_day, with a warning when the table only has an older one.
 * FALSE with @error unset when the table has none at all. */
static gboolean
legal_rate_of_half_year (Compute      *c,
                         RelanceDate   first_day,
                         const char   *label,
                         int          *rate_bp,
                         gboolean     *found,
                         GError      **error)
{
  RelanceRateRow row;

  if (!relance_rate_store_in_force (c->db, RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, first_day,
                                    found, &row, error))
    return FALSE;
  if (!*found)
    return TRUE;
  *rate_bp = row.rate_bp;
  if (row.valid_from < first_day)
    {
      char older[8];
      g_autofree char *rate = relance_rate_format (row.rate_bp, c->language);
      g_autofree char *iso = relance_date_to_iso (first_day);

      relance_half_year_label (row.valid_from, older);
      add_warning (c, RELANCE_INTEREST_WARNING_STALE_LEGAL_RATE, label, row.rate_bp, 0, NULL,
                   _("The table has no legal interest rate for %s: the rate of %s (%s) was "
                     "used; add the published one with “relance-cli rate add "
                     "legal-professional %s RATE”"),
                   label, older, rate, iso);
    }
  relance_rate_row_clear (&row);
  return TRUE;
}

/* Warns when a contractual rate is below the floor of the half-year
 * starting on @first_day, or when the floor cannot be known */
static gboolean
check_floor (Compute      *c,
             RelanceDate   first_day,
             const char   *label,
             int           rate_bp,
             GError      **error)
{
  gboolean found = FALSE;
  int legal_bp = 0;

  if (!legal_rate_of_half_year (c, first_day, label, &legal_bp, &found, error))
    return FALSE;
  if (!found)
    {
      g_autofree char *iso = relance_date_to_iso (first_day);

      add_warning (c, RELANCE_INTEREST_WARNING_FLOOR_UNCHECKED, label, rate_bp, 0, NULL,
                   _("The contractual rate could not be checked against the legal floor for "
                     "%s: the table has no legal interest rate for it; add it with "
                     "“relance-cli rate add legal-professional %s RATE”"),
                   label, iso);
      return TRUE;
    }

  if (rate_bp < RELANCE_CONTRACTUAL_FLOOR_FACTOR * legal_bp)
    {
      int floor_bp = RELANCE_CONTRACTUAL_FLOOR_FACTOR * legal_bp;
      g_autofree char *rate = relance_rate_format (rate_bp, c->language);
      g_autofree char *legal = relance_rate_format (legal_bp, c->language);
      g_autofree char *floor = relance_rate_format (floor_bp, c->language);

      add_warning (c, RELANCE_INTEREST_WARNING_BELOW_FLOOR, label, rate_bp, floor_bp, NULL,
                   _("The contractual rate %s is below the legal floor for %s: 3 × the legal "
                     "interest rate %s = %s (Code de commerce L441-10). It is applied as "
                     "agreed; check the customer’s terms of sale"),
                   rate, label, legal, floor);
    }
  return TRUE;
}

/* The annual rate of the half-year starting on @first_day for this
 * debtor, computed once per half-year and statement */
static gboolean
rate_of_half_year (Compute      *c,
                   RelanceDate   first_day,
                   int          *rate_bp,
                   GError      **error)
{
  HalfYearRate entry;
  char label[8];
  gboolean found = FALSE;

  for (guint i = 0; i < c->rates->len; i++)
    if (g_array_index (c->rates, HalfYearRate, i).first_day == first_day)
      {
        *rate_bp = g_array_index (c->rates, HalfYearRate, i).rate_bp;
        return TRUE;
      }

  relance_half_year_label (first_day, label);
  entry.first_day = first_day;
  switch (c->st->basis)
    {
    case RELANCE_INTEREST_BASIS_LEGAL:
      if (!legal_rate_of_half_year (c, first_day, label, &entry.rate_bp, &found, error))
        return FALSE;
      if (!found)
        {
          g_autofree char *iso = relance_date_to_iso (first_day);

          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NO_RATE,
                       _("The table has no legal interest rate for %s, which a consumer’s "
                         "late interest needs: add it with “relance-cli rate add "
                         "legal-professional %s RATE”"),
                       label, iso);
          return FALSE;
        }
      break;

    case RELANCE_INTEREST_BASIS_CONTRACTUAL:
      entry.rate_bp = c->st->contractual_rate_bp;
      if (!check_floor (c, first_day, label, entry.rate_bp, error))
        return FALSE;
      break;

    case RELANCE_INTEREST_BASIS_ECB_PLUS_10:
    default:
      if (!relance_b2b_rate_for_day (c->db, first_day, &entry.rate_bp, error))
        return FALSE;
      break;
    }

  g_array_append_val (c->rates, entry);
  *rate_bp = entry.rate_bp;
  return TRUE;
}

static void
add_segment (RelanceInterestLine *line,
             RelanceDate          from,
             RelanceDate          to,
             int                  rate_bp,
             gint64               base_cents)
{
  RelanceInterestSegment segment = { 0 };

  segment.from = from;
  segment.to = to;
  segment.days = to - from + 1;
  segment.rate_bp = rate_bp;
  segment.base_cents = base_cents;
  relance_half_year_label (from, segment.half_year);
  g_array_append_val (line->segments, segment);
}

/* The days late of one invoice, cut at half-years and payments, and
 * their interest rounded once. FALSE only on error; a line with no day
 * late has no segment. */
static gboolean
compute_line (Compute                  *c,
              const RelanceLateItemRow *item,
              RelanceInterestLine      *line,
              GError                  **error)
{
  g_autoptr(GArray) allocations = NULL;
  const RelanceDatedAmount *alloc;
  RelanceDate day = c->st->day;
  RelanceDate due = item->due_date;
  RelanceDate t;
  __int128 sum = 0;
  gint64 base = item->amount_cents;
  guint i = 0;

  allocations = relance_interest_store_list_allocations (c->db, item->id, error);
  if (allocations == NULL)
    return FALSE;
  alloc = (const RelanceDatedAmount *) (void *) allocations->data;

  line->invoice_id = item->id;
  line->number = g_strdup (item->number);
  memcpy (line->currency, item->currency, sizeof line->currency);
  line->due_date = due;
  line->amount_cents = item->amount_cents;
  line->segments = g_array_new (FALSE, TRUE, sizeof (RelanceInterestSegment));

  /* What was paid by the due date never bore interest */
  while (i < allocations->len && alloc[i].date <= due)
    base -= alloc[i++].amount_cents;
  line->base_cents = MAX (base, 0);

  /* Invariant: the allocations dated before t are in base; the next one
   * is dated t or later. The base holds through the day of the next
   * allocation included. */
  t = due + 1;
  while (t <= day)
    {
      RelanceDate next_change = i < allocations->len && alloc[i].date <= day ? alloc[i].date : day;
      RelanceDate end;

      if (base > 0)
        {
          int rate_bp;

          end = MIN (next_change, relance_half_year_last_day (t));
          if (!rate_of_half_year (c, relance_half_year_first_day (t), &rate_bp, error))
            return FALSE;
          add_segment (line, t, end, rate_bp, base);
          sum += (__int128) base * rate_bp * (end - t + 1);
          line->until = end;
        }
      else
        end = next_change;

      t = end + 1;
      while (i < allocations->len && alloc[i].date < t)
        base -= alloc[i++].amount_cents;
    }

  line->interest_cents = div_round_128 (sum, RELANCE_INTEREST_DIVISOR);
  return TRUE;
}

static RelanceInterestTotal *
find_other_total (GArray     *totals,
                  const char *currency)
{
  RelanceInterestTotal fresh = { 0 };

  for (guint i = 0; i < totals->len; i++)
    if (strcmp (g_array_index (totals, RelanceInterestTotal, i).currency, currency) == 0)
      return &g_array_index (totals, RelanceInterestTotal, i);
  g_strlcpy (fresh.currency, currency, sizeof fresh.currency);
  g_array_append_val (totals, fresh);
  return &g_array_index (totals, RelanceInterestTotal, totals->len - 1);
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const RelanceInterestTotal *) a)->currency,
                 ((const RelanceInterestTotal *) b)->currency);
}

static void
add_totals (Compute *c)
{
  RelanceInterestStatement *st = c->st;

  for (guint i = 0; i < st->lines->len; i++)
    {
      RelanceInterestLine *line = &g_array_index (st->lines, RelanceInterestLine, i);

      if (strcmp (line->currency, st->currency) == 0)
        {
          st->total_interest_cents += line->interest_cents;
          st->total_charged_interest_cents += line->charged_interest_cents;
        }
      else
        {
          RelanceInterestTotal *total = find_other_total (st->other_totals, line->currency);

          total->interest_cents += line->interest_cents;
          total->charged_interest_cents += line->charged_interest_cents;
        }
      st->total_indemnity_cents += line->indemnity_cents;
      st->total_charged_indemnity_cents += line->charged_indemnity_cents;
    }
  g_array_sort (st->other_totals, compare_totals);
}

static char *
charge_number (RelanceDatabase *db,
               const char      *base)
{
  /* Deterministic: the same data always gives the same numbers. A
   * number already taken (a correction charged the same day, an item
   * entered by hand) gets the next suffix. */
  if (!relance_invoice_store_number_exists (db, base))
    return g_strdup (base);
  for (guint n = 2; ; n++)
    {
      g_autofree char *number = g_strdup_printf ("%s-%u", base, n);

      if (!relance_invoice_store_number_exists (db, number))
        return g_steal_pointer (&number);
    }
}

static gint64
insert_charge_item (RelanceDatabase     *db,
                    gint64               actor_id,
                    const char          *number,
                    RelanceInvoiceKind   kind,
                    RelanceDate          day,
                    gint64               amount_cents,
                    const char          *currency,
                    GError             **error)
{
  g_autoptr(RelanceInvoice) item = relance_invoice_new (number, actor_id);

  relance_invoice_set_kind (item, kind);
  relance_invoice_set_issue_date (item, day);
  relance_invoice_set_due_date (item, day);
  relance_invoice_set_amount_cents (item, amount_cents);
  relance_invoice_set_currency (item, currency);
  if (!relance_invoice_store_insert (db, item, 0, error))
    return 0;
  return relance_invoice_get_id (item);
}

static gint64
interest_to_charge (const RelanceInterestLine *line)
{
  return MAX (0, line->interest_cents - line->charged_interest_cents);
}

/* Items in an open dispute are out of dunning: their interest and
 * indemnity stay in the statement (relance-cli interest) but are not
 * invoiced until the dispute is resolved against the customer. */
static gboolean
chargeable (const RelanceInterestStatement *st,
            const RelanceInterestLine      *line,
            GArray                         *disputed)
{
  return !relance_dispute_ids_contain (disputed, line->invoice_id);
}

/* One interest item for the lines in @currency; adds to @charged */
static gboolean
charge_interest_in (RelanceDatabase          *db,
                    RelanceInterestStatement *st,
                    GArray                   *disputed,
                    const char               *currency,
                    gboolean                  suffix,
                    gint64                   *charged,
                    GError                  **error)
{
  g_autofree char *base_number = NULL;
  g_autofree char *number = NULL;
  gint64 amount = 0;
  gint64 item_id;
  int y, m, d;

  for (guint i = 0; i < st->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (st->lines, RelanceInterestLine, i);

      if (strcmp (line->currency, currency) == 0 && chargeable (st, line, disputed))
        amount += interest_to_charge (line);
    }
  if (amount <= 0)
    return TRUE;

  relance_date_get_ymd (st->day, &y, &m, &d);
  base_number = suffix ? g_strdup_printf ("IR-%s-%04d%02d%02d-%s", st->code, y, m, d, currency)
                       : g_strdup_printf ("IR-%s-%04d%02d%02d", st->code, y, m, d);
  number = charge_number (db, base_number);
  item_id = insert_charge_item (db, st->actor_id, number, RELANCE_INVOICE_KIND_INTEREST,
                                st->day, amount, currency, error);
  if (item_id == 0)
    return FALSE;

  for (guint i = 0; i < st->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (st->lines, RelanceInterestLine, i);
      gint64 delta = interest_to_charge (line);
      RelanceDate from;

      if (strcmp (line->currency, currency) != 0 || delta <= 0 || !chargeable (st, line, disputed))
        continue;
      from = line->charged_until != RELANCE_DATE_NONE ? line->charged_until + 1 : line->due_date + 1;
      /* No new day: a correction of days charged before */
      if (from > line->until)
        from = RELANCE_DATE_NONE;
      if (!relance_interest_store_record (db, line->invoice_id, item_id, RELANCE_CHARGE_KIND_INTEREST,
                                          from, line->until, delta, error))
        return FALSE;
    }
  *charged += amount;
  return TRUE;
}

static gboolean
charge_indemnities (RelanceDatabase          *db,
                    RelanceInterestStatement *st,
                    GArray                   *disputed,
                    gint64                   *charged,
                    GError                  **error)
{
  for (guint i = 0; i < st->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (st->lines, RelanceInterestLine, i);
      g_autofree char *base_number = NULL;
      g_autofree char *number = NULL;
      gint64 item_id;

      if (line->indemnity_cents <= 0 || line->charged_indemnity_cents > 0 ||
          !chargeable (st, line, disputed))
        continue;
      base_number = g_strdup_printf ("IND-%s", line->number);
      number = charge_number (db, base_number);
      item_id = insert_charge_item (db, st->actor_id, number, RELANCE_INVOICE_KIND_FEE, st->day,
                                    line->indemnity_cents, RELANCE_INDEMNITY_CURRENCY, error);
      if (item_id == 0 ||
          !relance_interest_store_record (db, line->invoice_id, item_id, RELANCE_CHARGE_KIND_INDEMNITY,
                                          line->due_date + 1, RELANCE_DATE_NONE,
                                          line->indemnity_cents, error))
        return FALSE;
      *charged += line->indemnity_cents;
    }
  return TRUE;
}

/* Public: half-years and rates as people write them */

/**
 * relance_half_year_first_day:
 * @day: a day
 *
 * Returns: 1 January or 1 July: the first day of @day's half-year
 */
RelanceDate
relance_half_year_first_day (RelanceDate day)
{
  int year, month;

  relance_date_get_ymd (day, &year, &month, NULL);
  return relance_date_new (year, month <= 6 ? 1 : 7, 1);
}

/**
 * relance_half_year_last_day:
 * @day: a day
 *
 * Returns: 30 June or 31 December: the last day of @day's half-year
 */
RelanceDate
relance_half_year_last_day (RelanceDate day)
{
  int year, month;

  relance_date_get_ymd (day, &year, &month, NULL);
  return month <= 6 ? relance_date_new (year, 6, 30) : relance_date_new (year, 12, 31);
}

/**
 * relance_half_year_label:
 * @day: a day
 * @label: (out caller-allocates): "2024-H1" for 1 January–30 June 2024,
 *   "2024-H2" for 1 July–31 December
 */
void
relance_half_year_label (RelanceDate day,
                         char        label[8])
{
  int year, month;

  relance_date_get_ymd (day, &year, &month, NULL);
  g_snprintf (label, 8, "%04d-H%d", year, month <= 6 ? 1 : 2);
}

/**
 * relance_rate_parse:
 * @text: a rate in percent as people write it: "4,50", "4.5", "12",
 *   "4,50 %", "-0,50"
 * @rate_bp: (out): the rate in basis points (450)
 * @error: a #GError (RELANCE_ENGINE_ERROR_INVALID_RATE)
 *
 * More than two decimals is refused rather than rounded: a rate is
 * copied from a publication, never changed.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_rate_parse (const char  *text,
                    int         *rate_bp,
                    GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  const char *p = s;
  gboolean negative = FALSE;
  gint64 units = 0;
  int decimals = 0, fraction = 0, digits = 0;
  gsize len = strlen (s);

  g_return_val_if_fail (rate_bp != NULL, FALSE);

  /* A trailing percent sign, after a space or not */
  if (len > 0 && s[len - 1] == '%')
    {
      s[len - 1] = '\0';
      g_strchomp (s);
    }
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      units = units * 10 + (*p - '0');
      if (units > 100000)
        goto invalid;
    }
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (++decimals > 2)
          {
            g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_RATE,
                         _("“%s” has more than two decimals: a rate is entered to the "
                           "hundredth of a percent, such as 4,50"), text);
            return FALSE;
          }
        fraction = fraction * 10 + (*p - '0');
      }
  if (*p != '\0' || (digits == 0 && decimals == 0))
    goto invalid;
  if (decimals == 1)
    fraction *= 10;

  *rate_bp = (int) (units * 100 + fraction) * (negative ? -1 : 1);
  return TRUE;

invalid:
  g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_RATE,
               _("“%s” is not a rate: write it in percent with at most two decimals, "
                 "such as 4,50 or 4.50"), text ? text : "");
  return FALSE;
}

/**
 * relance_rate_format:
 * @rate_bp: a rate in basis points
 * @language: "fr" for "14,50 %", else "14.50%"
 *
 * Returns: (transfer full): the rate in percent with two decimals
 */
char *
relance_rate_format (int         rate_bp,
                     const char *language)
{
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  int magnitude = ABS (rate_bp);

  /* A no-break space before the percent sign, as French typography has */
  return g_strdup_printf ("%s%d%s%02d%s", rate_bp < 0 ? "-" : "", magnitude / 100,
                          french ? "," : ".", magnitude % 100, french ? "\u00a0%" : "%");
}

/* Public: the rate table */

/**
 * relance_rates_seed:
 * @db: a database
 * @n_added: (out) (optional): how many rates were added
 * @error: a #GError
 *
 * Fills an empty reference rate table with the published ECB rates and
 * legal interest rates that Relance ships with; does nothing when the
 * table has any row, so that the user's own values and corrections are
 * kept. Called by "relance-cli init" and, when the table is empty, by the
 * interest computations.
 *
 * Returns: %FALSE with @error set on failure (nothing is added then)
 */
gboolean
relance_rates_seed (RelanceDatabase  *db,
                    guint            *n_added,
                    GError          **error)
{
  gint64 count;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (!relance_database_begin (db, error))
    return FALSE;
  count = relance_rate_store_count (db, error);
  if (count < 0)
    goto failed;
  if (count == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (seed_rates); i++)
        {
          const SeedRate *seed = &seed_rates[i];

          if (!relance_rate_store_add (db, seed->kind,
                                       relance_date_new (seed->year, seed->month, seed->day),
                                       seed->rate_bp, seed->source, FALSE, error))
            goto failed;
        }
      if (n_added != NULL)
        *n_added = G_N_ELEMENTS (seed_rates);
    }
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  if (n_added != NULL)
    *n_added = 0;
  return FALSE;
}

/**
 * relance_b2b_rate_for_day:
 * @db: a database
 * @day: a day
 * @rate_bp: (out): the statutory B2B late interest rate of @day's
 *   half-year: the ECB rate in force on its first day + 10 points
 * @error: a #GError
 *
 * Returns: %FALSE with RELANCE_ENGINE_ERROR_NO_RATE when the table has no
 *   ECB rate in force on that first day
 */
gboolean
relance_b2b_rate_for_day (RelanceDatabase  *db,
                          RelanceDate       day,
                          int              *rate_bp,
                          GError          **error)
{
  RelanceDate first_day = relance_half_year_first_day (day);
  RelanceRateRow row;
  gboolean found = FALSE;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rate_bp != NULL, FALSE);

  if (!ensure_rates (db, error) ||
      !relance_rate_store_in_force (db, RELANCE_RATE_KIND_ECB, first_day, &found, &row, error))
    return FALSE;
  if (!found)
    {
      g_autofree char *iso = relance_date_to_iso (first_day);

      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NO_RATE,
                   _("The table has no ECB rate in force on %s, which the late interest of "
                     "that half-year needs: add it with “relance-cli rate add ecb DATE RATE”"),
                   iso);
      return FALSE;
    }
  *rate_bp = row.rate_bp + RELANCE_B2B_MARGIN_BP;
  relance_rate_row_clear (&row);
  return TRUE;
}

/**
 * relance_legal_rate_for_day:
 * @db: a database
 * @kind: %RELANCE_RATE_KIND_LEGAL_PROFESSIONAL or
 *   %RELANCE_RATE_KIND_LEGAL_PRIVATE
 * @day: a day
 * @rate_bp: (out): the legal interest rate of @day's half-year
 * @valid_from: (out) (optional): the first day of the row used: earlier
 *   than the half-year when the table lacks the half-year's own
 * @error: a #GError
 *
 * Returns: %FALSE with RELANCE_ENGINE_ERROR_NO_RATE when the table has no
 *   such rate in force on the half-year's first day
 */
gboolean
relance_legal_rate_for_day (RelanceDatabase  *db,
                            RelanceRateKind   kind,
                            RelanceDate       day,
                            int              *rate_bp,
                            RelanceDate      *valid_from,
                            GError          **error)
{
  RelanceDate first_day = relance_half_year_first_day (day);
  RelanceRateRow row;
  gboolean found = FALSE;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind == RELANCE_RATE_KIND_LEGAL_PROFESSIONAL ||
                        kind == RELANCE_RATE_KIND_LEGAL_PRIVATE, FALSE);
  g_return_val_if_fail (rate_bp != NULL, FALSE);

  if (!ensure_rates (db, error) ||
      !relance_rate_store_in_force (db, kind, first_day, &found, &row, error))
    return FALSE;
  if (!found)
    {
      char label[8];

      relance_half_year_label (first_day, label);
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NO_RATE,
                   _("The table has no legal interest rate for %s: add it from the arrêté of "
                     "that half-year with “relance-cli rate add”"),
                   label);
      return FALSE;
    }
  *rate_bp = row.rate_bp;
  if (valid_from != NULL)
    *valid_from = row.valid_from;
  relance_rate_row_clear (&row);
  return TRUE;
}

/* Public: the statement and the charge */

RelanceInterestStatement *
relance_interest_compute (RelanceDatabase  *db,
                          gint64            actor_id,
                          RelanceDate       day,
                          GError          **error)
{
  g_autoptr(RelanceInterestStatement) st = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) rates = NULL;
  g_autofree char *currency = NULL;
  RelanceInterestDebtor debtor;
  Compute c;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day > RELANCE_DATE_NONE, NULL);

  if (!ensure_rates (db, error))
    return NULL;
  if (!relance_interest_store_get_debtor (db, actor_id, &debtor, error))
    return NULL;

  st = g_new0 (RelanceInterestStatement, 1);
  st->actor_id = actor_id;
  st->code = g_steal_pointer (&debtor.code);
  st->day = day;
  st->debtor_kind = debtor.kind;
  st->lines = g_array_new (FALSE, TRUE, sizeof (RelanceInterestLine));
  g_array_set_clear_func (st->lines, (GDestroyNotify) line_clear);
  st->other_totals = g_array_new (FALSE, TRUE, sizeof (RelanceInterestTotal));
  st->warnings = g_array_new (FALSE, TRUE, sizeof (RelanceInterestWarning));
  g_array_set_clear_func (st->warnings, (GDestroyNotify) warning_clear);
  currency = relance_company_currency (db);
  g_strlcpy (st->currency, currency, sizeof st->currency);

  rates = g_array_new (FALSE, FALSE, sizeof (HalfYearRate));
  c.db = db;
  c.st = st;
  c.language = relance_money_current_language ();
  c.rates = rates;

  if (debtor.kind == RELANCE_ACTOR_KIND_PERSON)
    {
      st->basis = RELANCE_INTEREST_BASIS_LEGAL;
      if (debtor.has_contractual_rate)
        {
          g_autofree char *rate = relance_rate_format (debtor.contractual_rate_bp, c.language);

          add_warning (&c, RELANCE_INTEREST_WARNING_CONTRACTUAL_IGNORED, NULL,
                       debtor.contractual_rate_bp, 0, NULL,
                       _("The customer is a consumer: the legal interest rate applies, not the "
                         "contractual rate of %s set on it"), rate);
        }
    }
  else if (debtor.has_contractual_rate)
    {
      st->basis = RELANCE_INTEREST_BASIS_CONTRACTUAL;
      st->contractual_rate_bp = debtor.contractual_rate_bp;
    }
  else
    st->basis = RELANCE_INTEREST_BASIS_ECB_PLUS_10;
  relance_interest_debtor_clear (&debtor);

  items = relance_interest_store_list_late_items (db, actor_id, day, error);
  if (items == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const RelanceLateItemRow *item = &g_array_index (items, RelanceLateItemRow, i);
      RelanceInterestLine line = { 0 };
      RelanceInterestCharged charged;

      /* Only invoices bear interest and the indemnity: not credit notes,
       * and not the fees and interest items charged on them */
      if (item->kind != RELANCE_INVOICE_KIND_INVOICE || item->amount_cents <= 0)
        continue;

      if (!compute_line (&c, item, &line, error))
        {
          line_clear (&line);
          return NULL;
        }
      if (line.segments->len == 0)
        {
          line_clear (&line);
          continue;
        }
      if (!relance_interest_store_get_charged (db, item->id, &charged, error))
        {
          line_clear (&line);
          return NULL;
        }
      line.indemnity_cents = st->debtor_kind == RELANCE_ACTOR_KIND_COMPANY ? RELANCE_INDEMNITY_CENTS : 0;
      line.charged_interest_cents = charged.interest_cents;
      line.charged_until = charged.interest_until;
      line.charged_indemnity_cents = charged.indemnity_cents;

      /* Charged further than D: an evaluation before the last charge,
       * not an overcharge */
      if (line.charged_interest_cents > line.interest_cents && line.charged_until <= day)
        {
          g_autofree char *computed = relance_money_format_cents (line.interest_cents, line.currency,
                                                                  c.language);
          g_autofree char *already = relance_money_format_cents (line.charged_interest_cents,
                                                                 line.currency, c.language);

          add_warning (&c, RELANCE_INTEREST_WARNING_OVERCHARGED, NULL, 0, 0, line.number,
                       _("%s of interest was charged on invoice %s, which now bears %s (a "
                         "payment or a rate entered since): nothing more is charged; issue a "
                         "credit note if the difference should be given back"),
                       already, line.number, computed);
        }
      g_array_append_val (st->lines, line);
    }

  add_totals (&c);
  return g_steal_pointer (&st);
}

/**
 * relance_interest_statement_free:
 * @self: (nullable): a statement
 */
void
relance_interest_statement_free (RelanceInterestStatement *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->other_totals, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);
  g_free (self);
}

/* relance_interest_charge: documented in the header. @interest_cents is
 * the interest charged in the company currency; interest on invoices in
 * another currency is invoiced in that currency (an item numbered
 * IR-<customer>-<YYYYMMDD>-<currency>) and not added to it. */
gboolean
relance_interest_charge (RelanceDatabase  *db,
                         gint64            actor_id,
                         RelanceDate       day,
                         gint64           *interest_cents,
                         gint64           *indemnity_cents,
                         GError          **error)
{
  g_autoptr(RelanceInterestStatement) st = NULL;
  g_autoptr(GArray) disputed = NULL;
  gint64 interest = 0, indemnity = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > RELANCE_DATE_NONE, FALSE);

  if (interest_cents != NULL)
    *interest_cents = 0;
  if (indemnity_cents != NULL)
    *indemnity_cents = 0;

  /* The statement is read inside the write transaction, so that what is
   * charged is what nobody else changed in between. */
  if (!relance_database_begin (db, error))
    return FALSE;
  st = relance_interest_compute (db, actor_id, day, error);
  if (st == NULL)
    goto failed;
  disputed = relance_dispute_store_open_invoice_ids (db, actor_id, error);
  if (disputed == NULL)
    goto failed;

  if (!charge_interest_in (db, st, disputed, st->currency, FALSE, &interest, error))
    goto failed;
  /* Other currencies in code order, each its own item */
  for (guint i = 0; i < st->other_totals->len; i++)
    {
      gint64 other = 0;

      if (!charge_interest_in (db, st, disputed,
                               g_array_index (st->other_totals, RelanceInterestTotal, i).currency,
                               TRUE, &other, error))
        goto failed;
    }
  if (!charge_indemnities (db, st, disputed, &indemnity, error))
    goto failed;

  if (!relance_database_commit (db, error))
    return FALSE;
  if (interest_cents != NULL)
    *interest_cents = interest;
  if (indemnity_cents != NULL)
    *indemnity_cents = indemnity;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}
