/* relance-disputes.h — disputes (litiges): opened, resolved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * relance_disputes_open:
 * @db: a database
 * @dispute: a new dispute (id 0): @actor_id, @invoice_ids (one or more),
 *   @reason, @opened_on, and optionally @amount_cents (0: the sum of the
 *   items' remaining amounts), @owner (%NULL: the database's user) and
 *   @comment. The engine sets the currency, the amount and the owner.
 * @error: a #GError
 *
 * Opens a dispute after checking that the customer exists, that each
 * invoice belongs to it, is open (something left to pay, not cancelled)
 * and is not in another open dispute, that the invoices share one
 * currency, and that the amount is more than zero and no more than the
 * sum of their remaining amounts. From then on the items are left out of
 * dunning and counted in the customer's disputed amount. Audited.
 *
 * Returns: %FALSE with @error set (RELANCE_ENGINE_ERROR_NOT_FOUND,
 *   RELANCE_ENGINE_ERROR_REFUSED, or a store error); nothing written
 */
gboolean relance_disputes_open    (RelanceDatabase       *db,
                                   RelanceDispute        *dispute,
                                   GError               **error);

/**
 * relance_disputes_resolve:
 * @db: a database
 * @dispute_id: an open dispute
 * @resolution: %RELANCE_DISPUTE_STATUS_JUSTIFIED or
 *   %RELANCE_DISPUTE_STATUS_UNJUSTIFIED
 * @day: the day of the resolution, not before the dispute was opened
 * @comment: (nullable): why
 * @credit_note_id: (out) (optional): the credit note written, 0 for none
 * @error: a #GError
 *
 * Justified: issues a credit note (an item of kind credit note numbered
 * "AV-LIT-<dispute id>", of minus the disputed amount, issued and due on
 * @day), records it on the dispute, and applies it to the disputed
 * invoices in their order (relance_credit_store_apply_to()), so that it
 * settles them rather than standing open beside them.
 * Unjustified: the items go back into dunning. Either way the items leave
 * the disputed amount, and an audit line keeps the dispute before and
 * after, in one transaction.
 *
 * Returns: %FALSE with @error set; nothing written
 */
gboolean relance_disputes_resolve (RelanceDatabase       *db,
                                   gint64                 dispute_id,
                                   RelanceDisputeStatus   resolution,
                                   RelanceDate            day,
                                   const char            *comment,
                                   gint64                *credit_note_id,
                                   GError               **error);

G_END_DECLS
