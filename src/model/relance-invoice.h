/* relance-invoice.h — a receivable: invoice, credit note, fee or interest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "relance-date.h"
#include "relance-validation.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_INVOICE_KIND_INVOICE,
  RELANCE_INVOICE_KIND_CREDIT_NOTE,
  RELANCE_INVOICE_KIND_FEE,
  RELANCE_INVOICE_KIND_INTEREST,
} RelanceInvoiceKind;

#define RELANCE_TYPE_INVOICE_KIND (relance_invoice_kind_get_type ())

GType               relance_invoice_kind_get_type    (void) G_GNUC_CONST;

#define RELANCE_TYPE_INVOICE (relance_invoice_get_type ())

G_DECLARE_FINAL_TYPE (RelanceInvoice, relance_invoice, RELANCE, INVOICE, GObject)

/* Properties: id (int64), number, actor-id (int64), kind,
 * issue-date, due-date (RelanceDate), amount-cents (int64, incl. tax;
 * negative for a credit note), currency ("EUR"), allocated-cents (int64:
 * Σ of the allocations to it, maintained by the store), cancelled
 * (boolean). remaining = amount − allocated, also the read-only property
 * remaining-cents. */
RelanceInvoice     *relance_invoice_new              (const char     *number,
                                                      gint64          actor_id);
gint64              relance_invoice_get_id           (RelanceInvoice *self);
void                relance_invoice_set_id           (RelanceInvoice *self, gint64 id);
const char         *relance_invoice_get_number       (RelanceInvoice *self);
void                relance_invoice_set_number       (RelanceInvoice *self, const char *number);
gint64              relance_invoice_get_actor_id     (RelanceInvoice *self);
void                relance_invoice_set_actor_id     (RelanceInvoice *self, gint64 actor_id);
RelanceInvoiceKind  relance_invoice_get_kind         (RelanceInvoice *self);
void                relance_invoice_set_kind         (RelanceInvoice *self, RelanceInvoiceKind kind);
RelanceDate         relance_invoice_get_issue_date   (RelanceInvoice *self);
void                relance_invoice_set_issue_date   (RelanceInvoice *self, RelanceDate date);
RelanceDate         relance_invoice_get_due_date     (RelanceInvoice *self);
void                relance_invoice_set_due_date     (RelanceInvoice *self, RelanceDate date);
gint64              relance_invoice_get_amount_cents (RelanceInvoice *self);
void                relance_invoice_set_amount_cents (RelanceInvoice *self, gint64 cents);
const char         *relance_invoice_get_currency     (RelanceInvoice *self);
void                relance_invoice_set_currency     (RelanceInvoice *self, const char *currency);
gint64              relance_invoice_get_allocated_cents (RelanceInvoice *self);
void                relance_invoice_set_allocated_cents (RelanceInvoice *self, gint64 cents);
gboolean            relance_invoice_get_cancelled    (RelanceInvoice *self);
void                relance_invoice_set_cancelled    (RelanceInvoice *self, gboolean cancelled);

gint64              relance_invoice_get_remaining_cents (RelanceInvoice *self);
int                 relance_invoice_days_late        (RelanceInvoice *self,
                                                      RelanceDate     evaluation_day);

void                relance_invoice_validate         (RelanceInvoice    *self,
                                                      RelanceValidation *validation);

const char         *relance_invoice_kind_to_string   (RelanceInvoiceKind kind);
gboolean            relance_invoice_kind_from_string (const char         *text,
                                                      RelanceInvoiceKind *kind);

int                 relance_days_late                (RelanceDate due_date,
                                                      RelanceDate evaluation_day);

G_END_DECLS
