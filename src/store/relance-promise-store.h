/* relance-promise-store.h — payment promises and their instalments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceOpenPromise:
 *
 * An open promise of an actor: the case waits while it holds.
 * @next_due is the earliest instalment not fully paid (0 when all are
 * paid and the promise waits to be found kept), @until the last
 * instalment's date.
 */
typedef struct
{
  gint64      actor_id;
  gint64      promise_id;
  RelanceDate next_due;
  RelanceDate until;
} RelanceOpenPromise;

/* Every open promise (status 'open'), ordered by actor id. */
GArray *relance_promise_store_list_open (RelanceDatabase  *db,
                                         GError          **error);

typedef enum
{
  RELANCE_PROMISE_STATUS_OPEN,
  RELANCE_PROMISE_STATUS_KEPT,       /* every instalment paid */
  RELANCE_PROMISE_STATUS_BROKEN,     /* an instalment unpaid after its date + grace */
  RELANCE_PROMISE_STATUS_CANCELLED,
} RelancePromiseStatus;

const char *relance_promise_status_to_string   (RelancePromiseStatus  status);
gboolean    relance_promise_status_from_string (const char           *text,
                                                RelancePromiseStatus *status);

/**
 * RelancePromiseInstalment:
 * @id: 0 until stored
 * @due_date: the day the customer promised to pay
 * @amount_cents: the amount promised, > 0
 * @paid_cents: what the payments received cover of it (set by
 *   relance_promises_evaluate())
 */
typedef struct
{
  gint64      id;
  RelanceDate due_date;
  gint64      amount_cents;
  gint64      paid_cents;
} RelancePromiseInstalment;

/**
 * RelancePromise:
 * @id: 0 until stored
 * @actor_id: the customer
 * @case_id: the customer's open dunning case when the promise was made,
 *   else 0 (set by the store)
 * @currency: the currency of the instalments
 * @status: open, kept, broken or cancelled
 * @grace_days: days after an instalment's date before it breaks the
 *   promise
 * @made_on: the day the promise was made; payments from that day count
 * @closed_on: the day it was found kept or broken, 0 while open
 * @comment: (nullable): a comment
 * @created_at: (nullable): UTC timestamp, set by the store
 * @created_by: (nullable): login, set by the store
 * @instalments: (element-type RelancePromiseInstalment): by due date
 *
 * A promise to pay (promesse) or an arrangement (échéancier) with one or
 * more dated instalments, as a plain struct; free it with
 * relance_promise_free().
 */
typedef struct
{
  gint64                id;
  gint64                actor_id;
  gint64                case_id;
  char                  currency[4];
  RelancePromiseStatus  status;
  int                   grace_days;
  RelanceDate           made_on;
  RelanceDate           closed_on;
  char                 *comment;
  char                 *created_at;
  char                 *created_by;
  GArray               *instalments;
} RelancePromise;

RelancePromise *relance_promise_new              (void);
void            relance_promise_free             (RelancePromise *promise);
void            relance_promise_add_instalment   (RelancePromise *promise,
                                                  RelanceDate     due_date,
                                                  gint64          amount_cents);
gint64          relance_promise_get_total_cents  (const RelancePromise *promise);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelancePromise, relance_promise_free)

/* Writes a new promise (id 0) and its instalments (sorted by due date
 * first) with an audit line, linked to the actor's open case in that
 * currency if any; sets the ids, case_id, created_at and created_by. No
 * business check: relance_promises_add() validates first. */
gboolean        relance_promise_store_insert     (RelanceDatabase      *db,
                                                  RelancePromise       *promise,
                                                  GError              **error);
/* Returns NULL with no error when there is no such promise. */
RelancePromise *relance_promise_store_find       (RelanceDatabase      *db,
                                                  gint64                id,
                                                  GError              **error);
/* Promises (RelancePromise *, freed by the array) of one actor or of all
 * (@actor_id 0), newest first; with @open_only only the open ones. */
GPtrArray      *relance_promise_store_list       (RelanceDatabase      *db,
                                                  gint64                actor_id,
                                                  gboolean              open_only,
                                                  GError              **error);
/* Sets the status (and the day it closed, 0 for none) with an audit line
 * holding the state before and after. */
gboolean        relance_promise_store_set_status (RelanceDatabase      *db,
                                                  gint64                id,
                                                  RelancePromiseStatus  status,
                                                  RelanceDate           closed_on,
                                                  GError              **error);
/* Records what the payments cover of an instalment, with an audit line
 * on its promise; nothing is written when the value is unchanged. */
gboolean        relance_promise_store_set_instalment_paid (RelanceDatabase  *db,
                                                           gint64            instalment_id,
                                                           gint64            paid_cents,
                                                           GError          **error);

/**
 * RelancePromisePayment:
 *
 * A payment that counts for a promise: its day and amount.
 */
typedef struct
{
  RelanceDate date;
  gint64      amount_cents;
} RelancePromisePayment;

/* The payments of @actor_id in @currency, not rejected, allocated or
 * not, dated in [@from, @to], by date (RelancePromisePayment). */
GArray         *relance_promise_store_payments   (RelanceDatabase      *db,
                                                  gint64                actor_id,
                                                  const char           *currency,
                                                  RelanceDate           from,
                                                  RelanceDate           to,
                                                  GError              **error);

G_END_DECLS
