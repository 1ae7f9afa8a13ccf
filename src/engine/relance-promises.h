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

G_END_DECLS
