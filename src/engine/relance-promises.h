/* relance-promises.h — promises kept and broken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * relance_promises_evaluate:
 * @db: a database, inside the caller's transaction or not
 * @day: the evaluation day D
 * @broken_actor_ids: (out) (transfer full): the actors (gint64) whose
 *   promise this call found broken, for the daily run to escalate
 * @error: a #GError
 *
 * Matches the payments received against the instalments of every open
 * promise; a promise whose instalments are all paid is kept; an instalment
 * not paid by its date plus the grace period breaks it (recorded, with an
 * audit line). Idempotent: a promise is found broken once.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean relance_promises_evaluate (RelanceDatabase  *db,
                                    RelanceDate       day,
                                    GArray          **broken_actor_ids,
                                    GError          **error);

/**
 * relance_promises_add:
 * @db: a database
 * @promise: a new promise (id 0): actor, currency, grace days, the day
 *   it was made, a comment and one or more instalments
 * @error: a #GError
 *
 * Checks and records a promise to pay or an arrangement: the customer
 * exists, the currency is a currency, there is at least one instalment,
 * each of a positive amount and due on or after the day the promise was
 * made, the grace is not negative, and the customer has no other open
 * promise in that currency (payments would count for both). Linked to
 * the customer's open case in that currency, if any; audited.
 *
 * Returns: %FALSE with @error set (RELANCE_ENGINE_ERROR_NOT_FOUND,
 *   RELANCE_ENGINE_ERROR_REFUSED, or a store error)
 */
gboolean relance_promises_add      (RelanceDatabase  *db,
                                    RelancePromise   *promise,
                                    GError          **error);

/**
 * relance_promises_cancel:
 * @db: a database
 * @promise_id: an open promise
 * @day: the day it is cancelled
 * @error: a #GError
 *
 * Returns: %FALSE with @error set, RELANCE_ENGINE_ERROR_REFUSED when the
 *   promise is not open
 */
gboolean relance_promises_cancel   (RelanceDatabase  *db,
                                    gint64            promise_id,
                                    RelanceDate       day,
                                    GError          **error);

G_END_DECLS
