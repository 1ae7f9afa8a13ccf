/* relance-payment.c — money received, and its allocation to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-payment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-money.h"
#include "relance-payment.h"

struct _RelancePayment
{
  GObject      parent_instance;

  gint64       id;
  char        *reference;
  gint64       actor_id;
  RelanceDate  date;
  gint64       amount_cents;
  char        *currency;
  gint64       allocated_cents;
  gboolean     rejected;
};

struct _RelanceAllocation
{
  GObject      parent_instance;

  gint64       id;
  gint64       payment_id;
  gint64       invoice_id;
  gint64       amount_cents;
  RelanceDate  date;
};

G_DEFINE_FINAL_TYPE (RelancePayment, relance_payment, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RelanceAllocation, relance_allocation, G_TYPE_OBJECT)

enum {
  PROP_PAYMENT_0,
  PROP_PAYMENT_ID,
  PROP_PAYMENT_REFERENCE,
  PROP_PAYMENT_ACTOR_ID,
  PROP_PAYMENT_DATE,
  PROP_PAYMENT_AMOUNT_CENTS,
  PROP_PAYMENT_CURRENCY,
  PROP_PAYMENT_ALLOCATED_CENTS,
  PROP_PAYMENT_REJECTED,
  PROP_PAYMENT_UNALLOCATED_CENTS,
  N_PAYMENT_PROPS
};

enum {
  PROP_ALLOCATION_0,
  PROP_ALLOCATION_ID,
  PROP_ALLOCATION_PAYMENT_ID,
  PROP_ALLOCATION_INVOICE_ID,
  PROP_ALLOCATION_AMOUNT_CENTS,
  PROP_ALLOCATION_DATE,
  N_ALLOCATION_PROPS
};

static GParamSpec *payment_properties[N_PAYMENT_PROPS];
static GParamSpec *allocation_properties[N_ALLOCATION_PROPS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Replaces *field by a copy of value; FALSE when it was already equal, so
 * that the setter notifies only a change. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

static char *
format_amount (gint64      cents,
               const char *currency)
{
  return relance_money_format_cents (cents,
                                     relance_currency_is_valid (currency) ? currency : NULL,
                                     relance_money_current_language ());
}

static void
validate_against_payment (RelanceAllocation *self,
                          RelancePayment    *payment,
                          RelanceValidation *validation)
{
  gint64 unallocated = relance_payment_get_unallocated_cents (payment);

  if (payment->rejected)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "payment-id",
                            _("The payment “%s” was rejected by the bank: it "
                              "cannot settle an invoice. Choose another payment."),
                            payment->reference ? payment->reference : "");

  if (self->amount_cents > 0 && self->amount_cents > unallocated)
    {
      g_autofree char *available = format_amount (unallocated, payment->currency);

      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                              _("The amount is more than what remains of the "
                                "payment (%s): lower it to that amount at most."),
                              available);
    }
}

static void
validate_against_invoice (RelanceAllocation *self,
                          RelanceInvoice    *invoice,
                          RelanceValidation *validation)
{
  gint64 remaining = relance_invoice_get_remaining_cents (invoice);

  if (relance_invoice_get_cancelled (invoice))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "invoice-id",
                            _("The invoice “%s” is cancelled: choose another "
                              "invoice."),
                            relance_invoice_get_number (invoice)
                              ? relance_invoice_get_number (invoice) : "");

  /* A credit note has a negative remaining amount that a payment does not
   * reduce; the check is for what the customer owes. */
  if (relance_invoice_get_amount_cents (invoice) > 0 &&
      self->amount_cents > 0 && self->amount_cents > remaining)
    {
      g_autofree char *owed = format_amount (MAX (remaining, 0),
                                             relance_invoice_get_currency (invoice));

      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                              _("The amount is more than what remains due on the "
                                "invoice (%s): lower it, and leave the rest of the "
                                "payment unallocated."),
                              owed);
    }
}

/* RelancePayment */

static void
relance_payment_finalize (GObject *object)
{
  RelancePayment *self = (RelancePayment *) object;

  g_free (self->reference);
  g_free (self->currency);

  G_OBJECT_CLASS (relance_payment_parent_class)->finalize (object);
}

static void
relance_payment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RelancePayment *self = RELANCE_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_PAYMENT_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PAYMENT_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_PAYMENT_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    case PROP_PAYMENT_DATE:
      g_value_set_int (value, self->date);
      break;
    case PROP_PAYMENT_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_PAYMENT_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_PAYMENT_ALLOCATED_CENTS:
      g_value_set_int64 (value, self->allocated_cents);
      break;
    case PROP_PAYMENT_REJECTED:
      g_value_set_boolean (value, self->rejected);
      break;
    case PROP_PAYMENT_UNALLOCATED_CENTS:
      g_value_set_int64 (value, relance_payment_get_unallocated_cents (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_payment_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RelancePayment *self = RELANCE_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_PAYMENT_ID:
      relance_payment_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PAYMENT_REFERENCE:
      relance_payment_set_reference (self, g_value_get_string (value));
      break;
    case PROP_PAYMENT_ACTOR_ID:
      relance_payment_set_actor_id (self, g_value_get_int64 (value));
      break;
    case PROP_PAYMENT_DATE:
      relance_payment_set_date (self, g_value_get_int (value));
      break;
    case PROP_PAYMENT_AMOUNT_CENTS:
      relance_payment_set_amount_cents (self, g_value_get_int64 (value));
      break;
    case PROP_PAYMENT_CURRENCY:
      relance_payment_set_currency (self, g_value_get_string (value));
      break;
    case PROP_PAYMENT_ALLOCATED_CENTS:
      relance_payment_set_allocated_cents (self, g_value_get_int64 (value));
      break;
    case PROP_PAYMENT_REJECTED:
      relance_payment_set_rejected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_payment_class_init (RelancePaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = relance_payment_finalize;
  object_class->get_property = relance_payment_get_property;
  object_class->set_property = relance_payment_set_property;

  payment_properties[PROP_PAYMENT_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * RelancePayment:reference:
   *
   * The bank's or the customer's reference of the payment.
   */
  payment_properties[PROP_PAYMENT_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  payment_properties[PROP_PAYMENT_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * RelancePayment:date:
   *
   * The #RelanceDate the money was received, 0 when unknown.
   */
  payment_properties[PROP_PAYMENT_DATE] =
    g_param_spec_int ("date", NULL, NULL, 0, G_MAXINT32, RELANCE_DATE_NONE, flags);

  /**
   * RelancePayment:amount-cents:
   *
   * The amount received, in cents; positive for a valid payment. Any value
   * is accepted so that an import can be validated.
   */
  payment_properties[PROP_PAYMENT_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  payment_properties[PROP_PAYMENT_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, RELANCE_DEFAULT_CURRENCY, flags);

  /**
   * RelancePayment:allocated-cents:
   *
   * The sum of the payment's allocations, kept by the store.
   */
  payment_properties[PROP_PAYMENT_ALLOCATED_CENTS] =
    g_param_spec_int64 ("allocated-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  /**
   * RelancePayment:rejected:
   *
   * Whether the bank returned the payment (impayé bancaire).
   */
  payment_properties[PROP_PAYMENT_REJECTED] =
    g_param_spec_boolean ("rejected", NULL, NULL, FALSE, flags);

  /**
   * RelancePayment:unallocated-cents:
   *
   * amount − allocated: what is left to allocate. Read-only, notified when
   * the amount or the allocated amount changes it.
   */
  payment_properties[PROP_PAYMENT_UNALLOCATED_CENTS] =
    g_param_spec_int64 ("unallocated-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PAYMENT_PROPS, payment_properties);
}

static void
relance_payment_init (RelancePayment *self)
{
  self->currency = g_strdup (RELANCE_DEFAULT_CURRENCY);
}

/**
 * relance_payment_new:
 * @reference: (nullable): the payment's reference
 * @actor_id: the id of the customer who paid
 *
 * Returns: (transfer full): a new payment in euros, without date or amount
 */
RelancePayment *
relance_payment_new (const char *reference,
                     gint64      actor_id)
{
  g_return_val_if_fail (actor_id >= 0, NULL);

  return g_object_new (RELANCE_TYPE_PAYMENT,
                       "reference", reference,
                       "actor-id", actor_id,
                       NULL);
}

gint64
relance_payment_get_id (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), 0);

  return self->id;
}

void
relance_payment_set_id (RelancePayment *self,
                        gint64          id)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_ID]);
}

const char *
relance_payment_get_reference (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), NULL);

  return self->reference;
}

void
relance_payment_set_reference (RelancePayment *self,
                               const char     *reference)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));

  if (set_string (&self->reference, reference))
    g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_REFERENCE]);
}

gint64
relance_payment_get_actor_id (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), 0);

  return self->actor_id;
}

void
relance_payment_set_actor_id (RelancePayment *self,
                              gint64          actor_id)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));
  g_return_if_fail (actor_id >= 0);

  if (self->actor_id == actor_id)
    return;
  self->actor_id = actor_id;
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_ACTOR_ID]);
}

RelanceDate
relance_payment_get_date (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), RELANCE_DATE_NONE);

  return self->date;
}

void
relance_payment_set_date (RelancePayment *self,
                          RelanceDate     date)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));
  g_return_if_fail (date >= 0);

  if (self->date == date)
    return;
  self->date = date;
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_DATE]);
}

gint64
relance_payment_get_amount_cents (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), 0);

  return self->amount_cents;
}

void
relance_payment_set_amount_cents (RelancePayment *self,
                                  gint64          cents)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));

  if (self->amount_cents == cents)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->amount_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_AMOUNT_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_UNALLOCATED_CENTS]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
relance_payment_get_currency (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), NULL);

  return self->currency;
}

void
relance_payment_set_currency (RelancePayment *self,
                              const char     *currency)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));

  if (set_string (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_CURRENCY]);
}

gint64
relance_payment_get_allocated_cents (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), 0);

  return self->allocated_cents;
}

/**
 * relance_payment_set_allocated_cents:
 * @self: a #RelancePayment
 * @cents: the sum of the payment's allocations
 *
 * Only the store calls this, in the transaction that writes an
 * allocation.
 */
void
relance_payment_set_allocated_cents (RelancePayment *self,
                                     gint64          cents)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));

  if (self->allocated_cents == cents)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->allocated_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_ALLOCATED_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_UNALLOCATED_CENTS]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
relance_payment_get_rejected (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), FALSE);

  return self->rejected;
}

void
relance_payment_set_rejected (RelancePayment *self,
                              gboolean        rejected)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));

  rejected = !!rejected;
  if (self->rejected == rejected)
    return;
  self->rejected = rejected;
  g_object_notify_by_pspec (G_OBJECT (self), payment_properties[PROP_PAYMENT_REJECTED]);
}

/**
 * relance_payment_get_unallocated_cents:
 * @self: a #RelancePayment
 *
 * Returns: amount − allocated: what is left to allocate to invoices
 */
gint64
relance_payment_get_unallocated_cents (RelancePayment *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENT (self), 0);

  return self->amount_cents - self->allocated_cents;
}

/**
 * relance_payment_validate:
 * @self: a #RelancePayment
 * @validation: where to add the issues
 *
 * Checks the payment before it is saved: a reference, a date, a positive
 * amount and a valid currency, all blocking.
 */
void
relance_payment_validate (RelancePayment    *self,
                          RelanceValidation *validation)
{
  g_return_if_fail (RELANCE_IS_PAYMENT (self));
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (is_blank (self->reference))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "reference",
                            _("The reference is empty: enter the reference of the "
                              "transfer or the cheque number."));

  if (self->date == RELANCE_DATE_NONE)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "date",
                            _("The date is missing: enter the day the money was "
                              "received."));

  if (self->amount_cents <= 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                            _("The amount must be more than zero: enter the amount "
                              "received. A payment returned by the bank is marked "
                              "as rejected, not entered as negative."));

  if (!relance_currency_is_valid (self->currency))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "currency",
                            _("“%s” is not a currency code: use the three capital "
                              "letters of ISO 4217, such as EUR."),
                            self->currency ? self->currency : "");
}

/* RelanceAllocation */

static void
relance_allocation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RelanceAllocation *self = RELANCE_ALLOCATION (object);

  switch (prop_id)
    {
    case PROP_ALLOCATION_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ALLOCATION_PAYMENT_ID:
      g_value_set_int64 (value, self->payment_id);
      break;
    case PROP_ALLOCATION_INVOICE_ID:
      g_value_set_int64 (value, self->invoice_id);
      break;
    case PROP_ALLOCATION_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_ALLOCATION_DATE:
      g_value_set_int (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_allocation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RelanceAllocation *self = RELANCE_ALLOCATION (object);

  switch (prop_id)
    {
    case PROP_ALLOCATION_ID:
      relance_allocation_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ALLOCATION_PAYMENT_ID:
      self->payment_id = g_value_get_int64 (value);
      break;
    case PROP_ALLOCATION_INVOICE_ID:
      self->invoice_id = g_value_get_int64 (value);
      break;
    case PROP_ALLOCATION_AMOUNT_CENTS:
      self->amount_cents = g_value_get_int64 (value);
      break;
    case PROP_ALLOCATION_DATE:
      relance_allocation_set_date (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_allocation_class_init (RelanceAllocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags construct_flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = relance_allocation_get_property;
  object_class->set_property = relance_allocation_set_property;

  allocation_properties[PROP_ALLOCATION_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * RelanceAllocation:payment-id:
   *
   * The payment that settles the invoice. An allocation is not moved: it
   * is cancelled and another one written.
   */
  allocation_properties[PROP_ALLOCATION_PAYMENT_ID] =
    g_param_spec_int64 ("payment-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  allocation_properties[PROP_ALLOCATION_INVOICE_ID] =
    g_param_spec_int64 ("invoice-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  allocation_properties[PROP_ALLOCATION_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, construct_flags);

  /**
   * RelanceAllocation:date:
   *
   * The #RelanceDate of the allocation, 0 when unknown.
   */
  allocation_properties[PROP_ALLOCATION_DATE] =
    g_param_spec_int ("date", NULL, NULL, 0, G_MAXINT32, RELANCE_DATE_NONE, flags);

  g_object_class_install_properties (object_class, N_ALLOCATION_PROPS, allocation_properties);
}

static void
relance_allocation_init (RelanceAllocation *self)
{
}

/**
 * relance_allocation_new:
 * @payment_id: the id of the payment
 * @invoice_id: the id of the invoice it settles
 * @amount_cents: the amount allocated, positive
 *
 * Returns: (transfer full): a new #RelanceAllocation, to check with
 *   relance_allocation_validate() before it is stored
 */
RelanceAllocation *
relance_allocation_new (gint64 payment_id,
                        gint64 invoice_id,
                        gint64 amount_cents)
{
  g_return_val_if_fail (payment_id >= 0, NULL);
  g_return_val_if_fail (invoice_id >= 0, NULL);

  return g_object_new (RELANCE_TYPE_ALLOCATION,
                       "payment-id", payment_id,
                       "invoice-id", invoice_id,
                       "amount-cents", amount_cents,
                       NULL);
}

gint64
relance_allocation_get_id (RelanceAllocation *self)
{
  g_return_val_if_fail (RELANCE_IS_ALLOCATION (self), 0);

  return self->id;
}

void
relance_allocation_set_id (RelanceAllocation *self,
                           gint64             id)
{
  g_return_if_fail (RELANCE_IS_ALLOCATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), allocation_properties[PROP_ALLOCATION_ID]);
}

gint64
relance_allocation_get_payment_id (RelanceAllocation *self)
{
  g_return_val_if_fail (RELANCE_IS_ALLOCATION (self), 0);

  return self->payment_id;
}

gint64
relance_allocation_get_invoice_id (RelanceAllocation *self)
{
  g_return_val_if_fail (RELANCE_IS_ALLOCATION (self), 0);

  return self->invoice_id;
}

gint64
relance_allocation_get_amount_cents (RelanceAllocation *self)
{
  g_return_val_if_fail (RELANCE_IS_ALLOCATION (self), 0);

  return self->amount_cents;
}

RelanceDate
relance_allocation_get_date (RelanceAllocation *self)
{
  g_return_val_if_fail (RELANCE_IS_ALLOCATION (self), RELANCE_DATE_NONE);

  return self->date;
}

void
relance_allocation_set_date (RelanceAllocation *self,
                             RelanceDate        date)
{
  g_return_if_fail (RELANCE_IS_ALLOCATION (self));
  g_return_if_fail (date >= 0);

  if (self->date == date)
    return;
  self->date = date;
  g_object_notify_by_pspec (G_OBJECT (self), allocation_properties[PROP_ALLOCATION_DATE]);
}

/**
 * relance_allocation_validate:
 * @self: a #RelanceAllocation, not yet counted in the allocated amounts
 *   of @payment and @invoice
 * @payment: (nullable): the payment it takes money from
 * @invoice: (nullable): the invoice it settles
 * @validation: where to add the issues
 *
 * Checks an allocation before it is stored; every issue is blocking: an
 * amount that is not positive, more than the payment's unallocated amount
 * or than the invoice's remaining amount, a rejected payment, a cancelled
 * invoice, two currencies, or a payment and an invoice of two customers.
 * The checks that need @payment or @invoice are skipped when it is %NULL.
 */
void
relance_allocation_validate (RelanceAllocation *self,
                             RelancePayment    *payment,
                             RelanceInvoice    *invoice,
                             RelanceValidation *validation)
{
  g_return_if_fail (RELANCE_IS_ALLOCATION (self));
  g_return_if_fail (payment == NULL || RELANCE_IS_PAYMENT (payment));
  g_return_if_fail (invoice == NULL || RELANCE_IS_INVOICE (invoice));
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (self->amount_cents <= 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                            _("The amount allocated must be more than zero: enter "
                              "the part of the payment that settles this invoice."));

  if (payment != NULL)
    validate_against_payment (self, payment, validation);
  if (invoice != NULL)
    validate_against_invoice (self, invoice, validation);
  if (payment == NULL || invoice == NULL)
    return;

  if (g_strcmp0 (payment->currency, relance_invoice_get_currency (invoice)) != 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "invoice-id",
                            _("The payment is in %s and the invoice in %s: a payment "
                              "settles only invoices in its own currency."),
                            payment->currency ? payment->currency : "",
                            relance_invoice_get_currency (invoice)
                              ? relance_invoice_get_currency (invoice) : "");

  if (payment->actor_id != relance_invoice_get_actor_id (invoice))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "invoice-id",
                            _("The payment and the invoice belong to two different "
                              "customers: choose an invoice of the customer who "
                              "paid."));
}
