/* relance-dso.c — days sales outstanding: count-back and simple methods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts stay integer cents; only the DSO itself, a number of days, is a
 * double, and it is rounded for display only.
 */
#define G_LOG_DOMAIN "relance-dso"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-dso.h"
#include "relance-engine-error.h"
#include "relance-engine-private.h"
#include "relance-figures.h"
#include "relance-sales-store.h"

typedef struct
{
  const RelanceSalesCalendar *cal;
  char                        currency[4];
  gint64                      sales[RELANCE_DSO_MAX_MONTHS];
  gint64                      sales_90;
  RelanceDate                 first_of_90;
  gint64                      outstanding;
} DsoState;

/* Helpers */

static gboolean
same_currency (const char *a,
               const char *b)
{
  return memcmp (a, b, 3) == 0;
}

static gboolean
add_open_item_cb (const RelanceInvoiceRow *row,
                  gpointer                 user_data)
{
  DsoState *st = user_data;

  if (same_currency (row->currency, st->currency))
    st->outstanding += row->amount_cents - row->allocated_cents;
  return TRUE;
}

static gboolean
subtract_unallocated_cb (const RelanceUnallocatedRow *row,
                         gpointer                     user_data)
{
  DsoState *st = user_data;

  if (same_currency (row->currency, st->currency))
    st->outstanding -= row->unallocated_cents;
  return TRUE;
}

static void
add_sale (DsoState    *st,
          const char  *currency,
          RelanceDate  issue_date,
          gint64       amount_cents)
{
  int month;

  if (!same_currency (currency, st->currency))
    return;
  month = relance_sales_calendar_month (st->cal, issue_date);
  if (month >= 0)
    st->sales[month] += amount_cents;
  if (issue_date >= st->first_of_90 && issue_date <= st->cal->day)
    st->sales_90 += amount_cents;
}

static gboolean
add_issued_item_cb (const RelanceInvoiceRow *row,
                    gpointer                 user_data)
{
  /* Fees and late interest are no sales (DOMAIN.md: invoices and credit
   * notes), as in the portfolio's scan of relance-sales-store.c */
  if (row->kind == RELANCE_INVOICE_KIND_INVOICE || row->kind == RELANCE_INVOICE_KIND_CREDIT_NOTE)
    add_sale (user_data, row->currency, row->issue_date, row->amount_cents);
  return TRUE;
}

static gboolean
add_sale_cb (const RelanceSaleRow *row,
             gpointer              user_data)
{
  add_sale (user_data, row->currency, row->issue_date, row->amount_cents);
  return TRUE;
}

/* Private API */

/**
 * relance_sales_calendar_init:
 * @cal: (out caller-allocates): the calendar
 * @day: the evaluation day D
 *
 * Period 0 runs from the 1st of D's month to D; period k ≥ 1 is the whole
 * k-th month before.
 */
void
relance_sales_calendar_init (RelanceSalesCalendar *cal,
                             RelanceDate           day)
{
  int dom;
  guint k;
  gint64 offset, span;

  g_return_if_fail (day > 0);

  memset (cal, 0, sizeof *cal);
  cal->day = day;
  cal->n_months = RELANCE_DSO_MAX_MONTHS;

  relance_date_get_ymd (day, NULL, NULL, &dom);
  cal->first[0] = relance_date_first_of_month (day);
  cal->days[0] = dom;
  for (k = 1; k < cal->n_months; k++)
    {
      cal->first[k] = relance_date_add_months (cal->first[0], -(int) k);
      cal->days[k] = relance_date_days_in_month (cal->first[k]);
    }
  cal->from = cal->first[cal->n_months - 1];

  span = (gint64) day - cal->from + 1;
  g_assert (span <= RELANCE_SALES_CALENDAR_MAX_DAYS);
  for (offset = 0, k = 0; offset < span; offset++)
    {
      RelanceDate date = day - (RelanceDate) offset;

      while (date < cal->first[k])
        k++;
      cal->month_of_offset[offset] = (guint8) k;
    }
}

void
relance_dso_walk (const RelanceSalesCalendar *cal,
                  gint64                      outstanding_cents,
                  const gint64               *monthly_sales_cents,
                  guint                       n_months,
                  double                     *days,
                  gboolean                   *capped,
                  RelanceDsoPeriod           *periods,
                  guint                      *n_periods)
{
  gint64 balance = outstanding_cents;
  gint64 whole_days = 0;
  double fraction = 0.0;
  gboolean done = FALSE;
  guint k, used = 0;

  if (balance <= 0)
    {
      *days = 0.0;
      if (capped)
        *capped = FALSE;
      if (n_periods)
        *n_periods = 0;
      return;
    }

  for (k = 0; k < n_months && !done; k++)
    {
      gint64 sales = monthly_sales_cents[k];
      int period_days = cal->days[k];
      double counted;

      if (periods != NULL)
        {
          periods[k].first = cal->first[k];
          periods[k].last = k == 0 ? cal->day : cal->first[k] + period_days - 1;
          periods[k].days = period_days;
          periods[k].sales_cents = sales;
          periods[k].balance_before_cents = balance;
        }

      /* Covered: the balance pays for the whole period's sales. A period
       * with no sales or net credit notes is covered by any positive
       * balance; subtracting negative sales raises the balance. */
      if (sales <= 0 || balance >= sales)
        {
          whole_days += period_days;
          balance -= sales;
          counted = period_days;
          /* Exactly explained: older months play no part */
          if (balance == 0)
            done = TRUE;
        }
      else
        {
          /* days × balance / sales, the only non-integer step */
          fraction = (double) period_days * (double) balance / (double) sales;
          counted = fraction;
          done = TRUE;
        }

      if (periods != NULL)
        periods[k].counted_days = counted;
      used++;
    }

  *days = (double) whole_days + fraction;
  if (capped)
    *capped = !done;
  if (n_periods)
    *n_periods = used;
}

/* Public API */

gboolean
relance_dso_count_back (gint64         outstanding_cents,
                        RelanceDate    evaluation_day,
                        const gint64  *monthly_sales_cents,
                        guint          n_months,
                        double        *days,
                        gboolean      *capped)
{
  RelanceSalesCalendar cal;

  g_return_val_if_fail (days != NULL, FALSE);
  g_return_val_if_fail (n_months <= RELANCE_DSO_MAX_MONTHS, FALSE);
  g_return_val_if_fail (n_months == 0 || monthly_sales_cents != NULL, FALSE);

  if (outstanding_cents <= 0)
    {
      *days = 0.0;
      if (capped)
        *capped = FALSE;
      return TRUE;
    }

  g_return_val_if_fail (evaluation_day > 0, FALSE);
  g_return_val_if_fail (n_months > 0, FALSE);

  relance_sales_calendar_init (&cal, evaluation_day);
  relance_dso_walk (&cal, outstanding_cents, monthly_sales_cents, n_months,
                    days, capped, NULL, NULL);
  return TRUE;
}

gboolean
relance_dso_simple (gint64  outstanding_cents,
                    gint64  sales_90_cents,
                    double *days)
{
  g_return_val_if_fail (days != NULL, FALSE);

  *days = 0.0;
  if (sales_90_cents <= 0)
    return FALSE;
  if (outstanding_cents > 0)
    *days = (double) outstanding_cents * RELANCE_DSO_SIMPLE_DAYS / (double) sales_90_cents;
  return TRUE;
}

gboolean
relance_dso_compute (RelanceDatabase  *db,
                     gint64            actor_id,
                     RelanceDate       day,
                     const char       *currency,
                     RelanceDsoResult *result,
                     GError          **error)
{
  g_autofree RelanceSalesCalendar *cal = g_new (RelanceSalesCalendar, 1);
  g_autofree char *company = NULL;
  DsoState st = { 0 };

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (currency == NULL)
    currency = company = relance_company_currency (db);
  if (!relance_currency_is_valid (currency))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_CURRENCY,
                   _("“%s” is not a currency code: use three capital letters (ISO 4217), e.g. EUR"),
                   currency);
      return FALSE;
    }

  relance_sales_calendar_init (cal, day);
  st.cal = cal;
  memcpy (st.currency, currency, 4);
  st.first_of_90 = day - (RELANCE_DSO_SIMPLE_DAYS - 1);

  if (!relance_invoice_store_foreach_open (db, actor_id, add_open_item_cb, &st, error) ||
      !relance_payment_store_foreach_unallocated (db, actor_id, subtract_unallocated_cb, &st, error))
    return FALSE;
  /* 24 months reach further back than 90 days: one pass gives both.
   * The portfolio's sales in storage order: the fastest scan. */
  if (actor_id != 0
      ? !relance_invoice_store_foreach_issued (db, actor_id, cal->from, day,
                                               add_issued_item_cb, &st, error)
      : !relance_sales_store_foreach_unordered (db, cal->from, day, add_sale_cb, &st, error))
    return FALSE;

  memset (result, 0, sizeof *result);
  memcpy (result->currency, currency, 4);
  result->day = day;
  result->outstanding_cents = st.outstanding;
  relance_dso_walk (cal, st.outstanding, st.sales, cal->n_months,
                    &result->count_back_days, &result->count_back_capped,
                    result->periods, &result->n_periods);
  result->sales_90_cents = st.sales_90;
  result->has_simple = relance_dso_simple (st.outstanding, st.sales_90,
                                           &result->simple_days);
  return TRUE;
}
