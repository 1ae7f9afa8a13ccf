/* relance-payment.h — money received, and its allocation to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "relance-date.h"
#include "relance-invoice.h"
#include "relance-validation.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PAYMENT (relance_payment_get_type ())

G_DECLARE_FINAL_TYPE (RelancePayment, relance_payment, RELANCE, PAYMENT, GObject)

/* Properties: id (int64), reference, actor-id (int64), date (RelanceDate),
 * amount-cents (int64, positive), currency ("EUR"), allocated-cents (int64,
 * Σ of its allocations, maintained by the store), rejected (boolean: the
 * bank returned it). unallocated = amount − allocated, also the read-only
 * property unallocated-cents. */
RelancePayment *relance_payment_new                 (const char     *reference,
                                                     gint64          actor_id);
gint64          relance_payment_get_id              (RelancePayment *self);
void            relance_payment_set_id              (RelancePayment *self, gint64 id);
const char     *relance_payment_get_reference       (RelancePayment *self);
void            relance_payment_set_reference       (RelancePayment *self, const char *reference);
gint64          relance_payment_get_actor_id        (RelancePayment *self);
void            relance_payment_set_actor_id        (RelancePayment *self, gint64 actor_id);
RelanceDate     relance_payment_get_date            (RelancePayment *self);
void            relance_payment_set_date            (RelancePayment *self, RelanceDate date);
gint64          relance_payment_get_amount_cents    (RelancePayment *self);
void            relance_payment_set_amount_cents    (RelancePayment *self, gint64 cents);
const char     *relance_payment_get_currency        (RelancePayment *self);
void            relance_payment_set_currency        (RelancePayment *self, const char *currency);
gint64          relance_payment_get_allocated_cents (RelancePayment *self);
void            relance_payment_set_allocated_cents (RelancePayment *self, gint64 cents);
gboolean        relance_payment_get_rejected        (RelancePayment *self);
void            relance_payment_set_rejected        (RelancePayment *self, gboolean rejected);

gint64          relance_payment_get_unallocated_cents (RelancePayment *self);

void            relance_payment_validate            (RelancePayment    *self,
                                                     RelanceValidation *validation);

#define RELANCE_TYPE_ALLOCATION (relance_allocation_get_type ())

G_DECLARE_FINAL_TYPE (RelanceAllocation, relance_allocation, RELANCE, ALLOCATION, GObject)

/* Properties: id, payment-id, invoice-id (int64), amount-cents (int64),
 * date (RelanceDate). payment-id, invoice-id and amount-cents are
 * construct-only. */
RelanceAllocation *relance_allocation_new              (gint64             payment_id,
                                                        gint64             invoice_id,
                                                        gint64             amount_cents);
gint64             relance_allocation_get_id           (RelanceAllocation *self);
void               relance_allocation_set_id           (RelanceAllocation *self, gint64 id);
gint64             relance_allocation_get_payment_id   (RelanceAllocation *self);
gint64             relance_allocation_get_invoice_id   (RelanceAllocation *self);
gint64             relance_allocation_get_amount_cents (RelanceAllocation *self);
RelanceDate        relance_allocation_get_date         (RelanceAllocation *self);
void               relance_allocation_set_date         (RelanceAllocation *self, RelanceDate date);

/* Checks an allocation against the payment and invoice it links: blocking
 * when the amount is zero or of the wrong sign, above the payment's
 * unallocated amount, above the invoice's remaining amount, or in another
 * currency; when the payment and the invoice are of two actors; when the
 * payment was rejected or the invoice cancelled. @payment or @invoice may
 * be NULL to skip the checks that need it. */
void               relance_allocation_validate         (RelanceAllocation *self,
                                                        RelancePayment    *payment,
                                                        RelanceInvoice    *invoice,
                                                        RelanceValidation *validation);

G_END_DECLS
