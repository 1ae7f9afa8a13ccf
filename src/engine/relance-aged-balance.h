/* relance-aged-balance.h — open amounts per actor by days past due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/* The max_days of the last bucket, which has no upper bound */
#define RELANCE_AGED_UNBOUNDED G_MAXINT

/* At most this many buckets (the unbounded one included) */
#define RELANCE_AGED_MAX_BUCKETS 32

/**
 * RelanceAgedBuckets:
 *
 * An ordered list of buckets of days past due (D − due date). Bucket i
 * holds the items whose days past due are > the bound of bucket i − 1
 * and ≤ its own inclusive bound; the first has no lower bound (items not
 * yet due have ≤ 0 days), the last has %RELANCE_AGED_UNBOUNDED.
 */
typedef struct _RelanceAgedBuckets RelanceAgedBuckets;

/* "Not due" (≤ 0), "1–30", "31–60", "61–90", "91–120", "Over 120" */
RelanceAgedBuckets *relance_aged_buckets_new_default   (void);
/**
 * relance_aged_buckets_new_from_spec:
 * @spec: strictly ascending inclusive upper bounds, comma separated,
 *   e.g. "0,30,60,90,120"; an unbounded bucket is added after the last
 * @error: a #GError (%RELANCE_ENGINE_ERROR_INVALID_BUCKETS)
 *
 * Labels are made from the bounds: "Not due" for a first bound of 0,
 * "Up to N" for another first bound, "A–B" (or "A" when A = B) in between,
 * "Over N" last.
 */
RelanceAgedBuckets *relance_aged_buckets_new_from_spec (const char *spec,
                                                        GError    **error);
/* An empty list for labels of one's own: add the buckets in ascending
 * order, the last with %RELANCE_AGED_UNBOUNDED. */
RelanceAgedBuckets *relance_aged_buckets_new           (void);
gboolean            relance_aged_buckets_add           (RelanceAgedBuckets       *self,
                                                        const char               *label,
                                                        int                       max_days);
RelanceAgedBuckets *relance_aged_buckets_copy          (const RelanceAgedBuckets *self);
void                relance_aged_buckets_free          (RelanceAgedBuckets       *self);
guint               relance_aged_buckets_get_n         (const RelanceAgedBuckets *self);
const char         *relance_aged_buckets_get_label     (const RelanceAgedBuckets *self,
                                                        guint                     index);
int                 relance_aged_buckets_get_max_days  (const RelanceAgedBuckets *self,
                                                        guint                     index);
/* The bucket of an item @days_past_due days past due (≤ 0: not yet due) */
guint               relance_aged_buckets_find          (const RelanceAgedBuckets *self,
                                                        int                       days_past_due);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAgedBuckets, relance_aged_buckets_free)

/**
 * RelanceAgedBalanceRow:
 * @actor_id: the actor
 * @code: its code (owned by the #RelanceAgedBalance)
 * @name: its name (owned by the #RelanceAgedBalance)
 * @bucket_cents: (array length=n_buckets): Σ remaining of its open items
 *   in each bucket (credit notes negative)
 * @unallocated_cents: −Σ of its unallocated payments (≤ 0)
 * @total_cents: Σ @bucket_cents + @unallocated_cents = its outstanding
 * @open_items: how many open items
 */
typedef struct
{
  gint64      actor_id;
  const char *code;
  const char *name;
  gint64     *bucket_cents;
  gint64      unallocated_cents;
  gint64      total_cents;
  int         open_items;
} RelanceAgedBalanceRow;

/**
 * RelanceAgedBalance:
 * @day: the evaluation day
 * @currency: the only currency of every amount
 * @buckets: a copy of the bucket definitions
 * @n_buckets: relance_aged_buckets_get_n (@buckets)
 * @rows: (array length=n_rows): one per actor with an open item or an
 *   unallocated payment in @currency, sorted by code
 * @total_bucket_cents: (array length=n_buckets): the portfolio totals
 * @total_unallocated_cents: Σ of the rows' (negative) unallocated column
 * @total_cents: Σ of everything = the portfolio outstanding
 * @bucket_basis_points: (array length=n_buckets): each bucket total as a
 *   share of @total_cents in hundredths of a percent (2 500 = 25.00 %),
 *   rounded half away from zero; 0 when @total_cents is 0
 * @unallocated_basis_points: the same for the unallocated column
 */
typedef struct
{
  RelanceDate            day;
  char                   currency[4];
  RelanceAgedBuckets    *buckets;
  guint                  n_buckets;
  RelanceAgedBalanceRow *rows;
  guint                  n_rows;
  gint64                *total_bucket_cents;
  gint64                 total_unallocated_cents;
  gint64                 total_cents;
  int                   *bucket_basis_points;
  int                    unallocated_basis_points;
} RelanceAgedBalance;

/**
 * relance_aged_balance_compute:
 * @db: a database
 * @buckets: (nullable): the buckets; %NULL for the default ones
 * @day: the evaluation day D
 * @currency: (nullable): ISO 4217 code; %NULL for the company currency
 * @actor_id: one actor, or 0 for all
 * @error: a #GError
 *
 * Each open item (remaining ≠ 0) goes with its remaining amount into the
 * bucket of its days past due (D − due date: due on D is not due).
 * Unallocated payments stand in their own negative column so that each
 * row sums to the actor's outstanding.
 *
 * Returns: (transfer full): the balance, or %NULL with @error set
 */
RelanceAgedBalance *relance_aged_balance_compute (RelanceDatabase          *db,
                                                  const RelanceAgedBuckets *buckets,
                                                  RelanceDate               day,
                                                  const char               *currency,
                                                  gint64                    actor_id,
                                                  GError                  **error);
void                relance_aged_balance_free    (RelanceAgedBalance       *self);

/* The share of a column as a percentage (basis points / 100), for display;
 * @bucket = n_buckets is the unallocated column */
double              relance_aged_balance_percent (const RelanceAgedBalance *self,
                                                  guint                     bucket);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAgedBalance, relance_aged_balance_free)

G_END_DECLS
