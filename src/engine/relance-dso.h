/* relance-dso.h — days sales outstanding: count-back and simple methods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/* The count-back walks back at most this many calendar months */
#define RELANCE_DSO_MAX_MONTHS 24

/* The simple method divides by the sales of this many days up to D */
#define RELANCE_DSO_SIMPLE_DAYS 90

/**
 * RelanceDsoPeriod:
 * @first: the first day of the period (the 1st of its month)
 * @last: its last day (D for period 0, else the end of the month)
 * @days: its number of days
 * @sales_cents: Σ amount incl. tax of the items issued in it
 * @balance_before_cents: the balance left to explain when the walk
 *   reached it
 * @counted_days: the days it added to the DSO: @days when covered, a
 *   fraction for the last period of the walk
 *
 * One step of the count-back walk, for a report that shows it.
 */
typedef struct
{
  RelanceDate first;
  RelanceDate last;
  int         days;
  gint64      sales_cents;
  gint64      balance_before_cents;
  double      counted_days;
} RelanceDsoPeriod;

/**
 * RelanceDsoResult:
 * @currency: the ISO 4217 code of all the amounts
 * @day: the evaluation day D
 * @outstanding_cents: the outstanding (encours) on D
 * @count_back_days: the count-back DSO, full precision (round for display)
 * @count_back_capped: %TRUE when the balance still covered the sales
 *   after %RELANCE_DSO_MAX_MONTHS months: the DSO is "at least" that
 * @has_simple: %FALSE when the sales of the 90 days are ≤ 0
 * @simple_days: outstanding / sales of the 90 days × 90, when @has_simple
 * @sales_90_cents: Σ sales of the 90 days up to D inclusive
 * @n_periods: how many of @periods the walk used (0 when outstanding ≤ 0)
 * @periods: the walk, period 0 (the month of D up to D) first
 *
 * A plain value, nothing to free.
 */
typedef struct
{
  char             currency[4];
  RelanceDate      day;
  gint64           outstanding_cents;
  double           count_back_days;
  gboolean         count_back_capped;
  gboolean         has_simple;
  double           simple_days;
  gint64           sales_90_cents;
  guint            n_periods;
  RelanceDsoPeriod periods[RELANCE_DSO_MAX_MONTHS];
} RelanceDsoResult;

/**
 * relance_dso_count_back:
 * @outstanding_cents: the outstanding incl. tax on @evaluation_day
 * @evaluation_day: D
 * @monthly_sales_cents: (array length=n_months): [0] = sales from the
 *   1st of D's month to D, [1] = the whole month before, and so on
 * @n_months: 1 to %RELANCE_DSO_MAX_MONTHS (0 only when outstanding ≤ 0)
 * @days: (out): the DSO in days, full precision
 * @capped: (out) (optional): %TRUE when the sales of all @n_months were
 *   covered and the walk stopped for want of months
 *
 * The count-back method (méthode par épuisement), DOMAIN.md: while the
 * balance covers a period's sales, add the period's days and subtract its
 * sales; for the first period it does not cover, add days × balance /
 * sales and stop.
 *
 * Periods with zero or negative sales (nothing issued, or more credit
 * notes than invoices) are covered by any positive balance: their days
 * are added and their sales subtracted, so that a month of net credit
 * notes raises the balance that older months must explain (those credit
 * notes lowered the outstanding; the invoices still open are older).
 * The walk ends as soon as the balance is exactly explained (reaches 0),
 * so a zero-sales month after that adds nothing. An outstanding ≤ 0 gives
 * 0 days.
 *
 * Returns: %FALSE only on a programmer error (bad arguments)
 */
gboolean relance_dso_count_back (gint64         outstanding_cents,
                                 RelanceDate    evaluation_day,
                                 const gint64  *monthly_sales_cents,
                                 guint          n_months,
                                 double        *days,
                                 gboolean      *capped);

/**
 * relance_dso_simple:
 * @outstanding_cents: the outstanding on D
 * @sales_90_cents: the sales of the 90 days up to D inclusive
 * @days: (out): outstanding / sales × 90 (0 when the outstanding is ≤ 0)
 *
 * Returns: %FALSE when @sales_90_cents ≤ 0: the simple DSO is undefined
 */
gboolean relance_dso_simple     (gint64         outstanding_cents,
                                 gint64         sales_90_cents,
                                 double        *days);

/**
 * relance_dso_compute:
 * @db: a database
 * @actor_id: a customer, or 0 for the whole portfolio
 * @day: the evaluation day D
 * @currency: (nullable): ISO 4217 code; %NULL for the company currency
 * @result: (out caller-allocates): the outstanding, both DSOs and the walk
 * @error: a #GError
 *
 * Sales of a period are the items of every kind (invoices, credit notes,
 * fees, interest) issued in it and not cancelled, in @currency.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean relance_dso_compute    (RelanceDatabase  *db,
                                 gint64            actor_id,
                                 RelanceDate       day,
                                 const char       *currency,
                                 RelanceDsoResult *result,
                                 GError          **error);

G_END_DECLS
