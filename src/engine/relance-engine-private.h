/* relance-engine-private.h — shared by the files of src/engine/ only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"
#include "relance-progress.h"
#include "relance-dso.h"

G_BEGIN_DECLS

/* The longest span of the count-back periods: period 0 (≤ 31 days) and 23
 * whole months (≤ 31 days each). */
#define RELANCE_SALES_CALENDAR_MAX_DAYS (RELANCE_DSO_MAX_MONTHS * 31)

/**
 * RelanceSalesCalendar:
 *
 * The count-back periods of an evaluation day D, and a table from
 * "D − issue date" to the period index, so that a pass over a million
 * sales rows finds each row's month with one subtraction and one load.
 */
typedef struct
{
  RelanceDate day;
  RelanceDate from;            /* the 1st of the oldest month */
  guint       n_months;        /* RELANCE_DSO_MAX_MONTHS */
  int         days[RELANCE_DSO_MAX_MONTHS];        /* days of each period */
  RelanceDate first[RELANCE_DSO_MAX_MONTHS];       /* first day of each period */
  guint8      month_of_offset[RELANCE_SALES_CALENDAR_MAX_DAYS];
} RelanceSalesCalendar;

void relance_sales_calendar_init (RelanceSalesCalendar *cal,
                                  RelanceDate           day);

/* The period of an item issued on @issue_date, −1 when outside them */
static inline int
relance_sales_calendar_month (const RelanceSalesCalendar *cal,
                              RelanceDate                 issue_date)
{
  gint64 offset = (gint64) cal->day - issue_date;

  if (offset < 0 || issue_date < cal->from)
    return -1;
  return cal->month_of_offset[offset];
}

/* The count-back walk over the periods of @cal, filling @periods
 * (nullable, RELANCE_DSO_MAX_MONTHS long) with the steps it took.
 * @n_months ≤ cal->n_months. */
void relance_dso_walk (const RelanceSalesCalendar *cal,
                       gint64                      outstanding_cents,
                       const gint64               *monthly_sales_cents,
                       guint                       n_months,
                       double                     *days,
                       gboolean                   *capped,
                       RelanceDsoPeriod           *periods,
                       guint                      *n_periods);

/**
 * relance_figures_compute_rows:
 *
 * The figures of one actor (@actor_id ≠ 0) or of all, one row per actor
 * and currency that has an open item or an unallocated payment, sorted by
 * actor then currency code. The single code path behind the customer card
 * and the portfolio cache, so that both always agree.
 */
GArray *relance_figures_compute_rows (RelanceDatabase     *db,
                                      gint64               actor_id,
                                      RelanceDate          day,
                                      GCancellable        *cancellable,
                                      RelanceProgressFunc  progress,
                                      gpointer             progress_data,
                                      GError             **error);

G_END_DECLS
