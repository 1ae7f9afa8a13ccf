/* relance-interest.h — late payment interest and the 40 € indemnity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * relance_interest_charge:
 * @db: a database, inside the caller's transaction (the daily run's)
 * @actor_id: the customer
 * @day: the evaluation day D
 * @interest_cents: (out) (optional): interest invoiced by this call
 * @indemnity_cents: (out) (optional): fixed indemnities invoiced by this call
 * @error: a #GError
 *
 * Invoices the late interest not yet charged on the customer's late items
 * (up to their payment, or to D) as one item of kind interest, and the
 * 40 € indemnity (D441-5) once per late invoice of a professional debtor
 * as items of kind fee; records what was charged so that a second call for
 * the same day charges nothing. Rules and rates: DOMAIN.md.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean relance_interest_charge (RelanceDatabase  *db,
                                  gint64            actor_id,
                                  RelanceDate       day,
                                  gint64           *interest_cents,
                                  gint64           *indemnity_cents,
                                  GError          **error);

G_END_DECLS
