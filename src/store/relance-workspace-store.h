/* relance-workspace-store.h — what the agent's workspace lists: the
 * figures of the day, the disputes and the promises of the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-dispute-store.h"
#include "relance-promise-store.h"

G_BEGIN_DECLS

/**
 * RelanceDayFigures:
 * @done: manual actions performed on the day (done or failed)
 * @to_do: the manual actions of the day: @done, plus those still planned
 *   on or before the day
 * @automatic: automatic actions planned on the day
 * @total: every action planned on the day, not cancelled
 *
 * The two figures at the top of the agenda: the share of the day's
 * actions done (@done / @to_do) and the share of automatic actions
 * (@automatic / @total).
 */
typedef struct
{
  gint64 done;
  gint64 to_do;
  gint64 automatic;
  gint64 total;
} RelanceDayFigures;

/* The figures of @day for the actions assigned to @user (%NULL: to
 * anybody). */
gboolean   relance_workspace_store_day_figures    (RelanceDatabase    *db,
                                                   const char         *user,
                                                   RelanceDate         day,
                                                   RelanceDayFigures  *figures,
                                                   GError            **error);

/**
 * RelanceDisputeRow:
 * @n_items: how many invoices it contests
 *
 * A dispute with its customer, as the disputes page lists it.
 */
typedef struct
{
  gint64                id;
  gint64                actor_id;
  char                 *actor_code;
  char                 *actor_name;
  RelanceDisputeStatus  status;
  gint64                amount_cents;
  char                  currency[4];
  char                 *reason;
  char                 *owner;
  RelanceDate           opened_on;
  RelanceDate           resolved_on;
  guint                 n_items;
} RelanceDisputeRow;

void       relance_dispute_row_free               (RelanceDisputeRow  *row);
/* The portfolio's disputes (RelanceDisputeRow *, freed by the array):
 * the open ones first, each part by opening day, newest first; with
 * @open_only only the open ones. */
GPtrArray *relance_workspace_store_list_disputes  (RelanceDatabase    *db,
                                                   gboolean            open_only,
                                                   GError            **error);

/**
 * RelancePromiseRow:
 * @total_cents: the sum of its instalments
 * @paid_cents: what payments cover of them
 * @next_due: the earliest instalment not fully paid, 0 when none
 * @next_cents: what remains to pay of it
 *
 * A promise with its customer, as the promises page lists it.
 */
typedef struct
{
  gint64                id;
  gint64                actor_id;
  char                 *actor_code;
  char                 *actor_name;
  RelancePromiseStatus  status;
  char                  currency[4];
  gint64                total_cents;
  gint64                paid_cents;
  RelanceDate           made_on;
  RelanceDate           next_due;
  gint64                next_cents;
  guint                 n_instalments;
} RelancePromiseRow;

void       relance_promise_row_free               (RelancePromiseRow  *row);
/* The portfolio's promises (RelancePromiseRow *, freed by the array):
 * open ones first by next instalment due, then the others, newest
 * first; with @open_only only the open ones. */
GPtrArray *relance_workspace_store_list_promises  (RelanceDatabase    *db,
                                                   gboolean            open_only,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceDisputeRow, relance_dispute_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelancePromiseRow, relance_promise_row_free)

G_END_DECLS
