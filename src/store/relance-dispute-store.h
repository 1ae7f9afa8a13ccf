/* relance-dispute-store.h — disputes (litiges) on invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* The ids (gint64) of the invoices in an open dispute, of one actor or of
 * all (@actor_id 0), sorted ascending, for a binary search: a disputed
 * item is left out of dunning and counted in the disputed amount. */
GArray *relance_dispute_store_open_invoice_ids (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                GError          **error);

G_END_DECLS
