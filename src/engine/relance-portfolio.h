/* relance-portfolio.h — the figures of every customer at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"
#include "relance-dso.h"
#include "relance-progress.h"

G_BEGIN_DECLS

/**
 * relance_portfolio_refresh:
 * @db: a database (in a GTask thread: that thread's own connection)
 * @day: the evaluation day D
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called now and then with the fraction done
 * @progress_data: data for @progress
 * @error: a #GError (%G_IO_ERROR_CANCELLED when cancelled)
 *
 * Computes the figures of every actor in every currency (the same rows as
 * relance_customer_figures_compute(), one per actor and currency that has
 * an open item or an unallocated payment) in single passes over the open
 * items, the unallocated payments and the last 24 months of sales, and
 * replaces the figures cache with them, stamped with the data version
 * read before the computation. Does nothing when the cache is already
 * current for @day. When cancelled, the cache is left as it was.
 *
 * Returns: %FALSE with @error set on failure or cancellation
 */
gboolean relance_portfolio_refresh (RelanceDatabase     *db,
                                    RelanceDate          day,
                                    GCancellable        *cancellable,
                                    RelanceProgressFunc  progress,
                                    gpointer             progress_data,
                                    GError             **error);

/* The whole portfolio's DSO in @currency: relance_dso_compute() with
 * actor 0. */
gboolean relance_portfolio_dso     (RelanceDatabase     *db,
                                    RelanceDate          day,
                                    const char          *currency,
                                    RelanceDsoResult    *result,
                                    GError             **error);

G_END_DECLS
