/* relance-credit-store.h — credit notes applied to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* Applies @amount_cents (positive) of a credit note to an invoice of the
 * same customer and currency (imputation d'avoir): the invoice's remaining
 * amount goes down and so does what is left of the credit note, in one
 * transaction with an audit line. Refused (RELANCE_STORE_ERROR_INVALID)
 * above what is left of either item. */
gboolean relance_credit_store_apply     (RelanceDatabase  *db,
                                         gint64            credit_note_id,
                                         gint64            invoice_id,
                                         gint64            amount_cents,
                                         RelanceDate       date,
                                         GError          **error);

/* Applies what is left of a credit note to the open invoices of
 * @invoice_ids (gint64), in that order, until either runs out. Returns
 * the amount applied in @applied_cents. */
gboolean relance_credit_store_apply_to  (RelanceDatabase  *db,
                                         gint64            credit_note_id,
                                         GArray           *invoice_ids,
                                         RelanceDate       date,
                                         gint64           *applied_cents,
                                         GError          **error);

G_END_DECLS
