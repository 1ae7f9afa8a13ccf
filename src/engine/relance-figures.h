/* relance-figures.h — the amounts of a customer (DOMAIN.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * relance_company_currency:
 * @db: a database
 *
 * Returns: (transfer full): the setting 'company_currency', "EUR" when
 *   it is missing or not a currency code
 */
char   *relance_company_currency         (RelanceDatabase *db);

/**
 * relance_customer_figures_compute:
 * @db: a database
 * @actor_id: the customer
 * @evaluation_day: the day of evaluation D (overdue = due strictly before D)
 * @error: a #GError
 *
 * Computes the customer card figures, one #RelanceFiguresRow per currency:
 * global (Σ amount incl. tax of the open items, credit notes negative),
 * partial (Σ allocated to them), unallocated payments, outstanding
 * (global − partial − unallocated), overdue (Σ remaining of the open items
 * due before D), open item count, oldest overdue due date and its days
 * late, and the count-back DSO in that currency (has_dso always TRUE),
 * disputed (Σ remaining of the open items in an open dispute) and
 * litigation (Σ remaining of the open items handed over to litigation).
 *
 * The company currency comes first and is always present (zeros when the
 * customer has nothing in it); the other currencies follow in
 * alphabetical order. Amounts of two currencies are never added.
 *
 * These are the same rows, computed by the same code, as the ones
 * relance_portfolio_refresh() writes into the cache.
 *
 * Returns: (transfer full): a #GArray of #RelanceFiguresRow, or %NULL
 *   with @error set
 */
GArray *relance_customer_figures_compute (RelanceDatabase *db,
                                          gint64           actor_id,
                                          RelanceDate      evaluation_day,
                                          GError         **error);

G_END_DECLS
