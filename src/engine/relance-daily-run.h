/* relance-daily-run.h — the nightly run « par serveur »
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"
#include "relance-progress.h"

G_BEGIN_DECLS

/**
 * RelanceRunAmounts:
 * @currency: ISO 4217: amounts of two currencies are never added
 * @fees_cents: fees of automatic steps, invoiced as items of kind fee
 * @interest_cents: late interest invoiced (relance_interest_charge())
 * @indemnity_cents: fixed recovery indemnities invoiced (40 € each)
 */
typedef struct
{
  char   currency[4];
  gint64 fees_cents;
  gint64 interest_cents;
  gint64 indemnity_cents;
} RelanceRunAmounts;

/**
 * RelanceRunReport:
 * @day: the run's day D
 * @resumed: the journal held an unfinished run of @day: this one
 *   finished its job
 * @previous_run: the last day before @day whose run finished, 0 if none
 *   (the days between are caught up)
 * @actors: actors evaluated (an open item or a case)
 * @cases_opened: cases opened
 * @cases_closed: cases closed (nothing overdue any more)
 * @cases_suspended: cases that a promise suspended this run
 * @cases_resumed: suspended cases that went on (promise over or broken)
 * @actions_created: actions created, @actions_automatic +
 *   @actions_manual
 * @actions_automatic: of them, performed at once by the server
 * @actions_manual: of them, put on an agenda
 * @actions_by_channel: created, per #RelanceChannel
 * @actions_cancelled: planned actions of the cases closed
 * @escalations: broken promises escalated (a call « Promesse non tenue »)
 * @items_handed_over: items handed over to litigation
 * @amounts: (element-type RelanceRunAmounts): what was invoiced, per
 *   currency, the company currency first (always present)
 *
 * What a run did. A second run of the same day reports zeros.
 */
typedef struct
{
  RelanceDate  day;
  gboolean     resumed;
  RelanceDate  previous_run;
  gboolean     seeded;
  guint        actors;
  guint        cases_opened;
  guint        cases_closed;
  guint        cases_suspended;
  guint        cases_resumed;
  guint        actions_created;
  guint        actions_automatic;
  guint        actions_manual;
  guint        actions_by_channel[RELANCE_N_CHANNELS];
  guint        actions_cancelled;
  guint        escalations;
  guint        items_handed_over;
  GArray      *amounts;
} RelanceRunReport;

RelanceRunReport *relance_run_report_new     (RelanceDate             day,
                                              const char             *company_currency);
void              relance_run_report_free    (RelanceRunReport       *report);
/* The amounts in @currency, added to the report when missing */
RelanceRunAmounts *relance_run_report_amounts (RelanceRunReport      *report,
                                               const char            *currency);
/* The report as a JSON object (UTF-8, compact): the form kept in the
 * run journal and printed by `relance-cli run --json` */
char             *relance_run_report_to_json (const RelanceRunReport *report);

/**
 * RelanceDailyRunOptions:
 * @actors_per_transaction: how many actors' work one transaction holds
 *   at most (0: the default, 4096); whatever the value, an actor's work is
 *   never split between two transactions
 */
typedef struct
{
  guint actors_per_transaction;
} RelanceDailyRunOptions;

gboolean relance_daily_run (RelanceDatabase               *db,
                            RelanceDate                    day,
                            const RelanceDailyRunOptions  *options,
                            GCancellable                  *cancellable,
                            RelanceProgressFunc            progress,
                            gpointer                       progress_data,
                            RelanceRunReport             **report,
                            GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceRunReport, relance_run_report_free)

G_END_DECLS
