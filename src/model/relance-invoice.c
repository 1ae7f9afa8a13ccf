/* relance-invoice.c — a receivable: invoice, credit note, fee or interest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-invoice"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-invoice.h"
#include "relance-money.h"

struct _RelanceInvoice
{
  GObject             parent_instance;

  gint64              id;
  char               *number;
  gint64              actor_id;
  RelanceInvoiceKind  kind;
  RelanceDate         issue_date;
  RelanceDate         due_date;
  gint64              amount_cents;
  char               *currency;
  gint64              allocated_cents;
  gboolean            cancelled;
};

G_DEFINE_FINAL_TYPE (RelanceInvoice, relance_invoice, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RelanceInvoiceKind, relance_invoice_kind,
  G_DEFINE_ENUM_VALUE (RELANCE_INVOICE_KIND_INVOICE, "invoice"),
  G_DEFINE_ENUM_VALUE (RELANCE_INVOICE_KIND_CREDIT_NOTE, "credit-note"),
  G_DEFINE_ENUM_VALUE (RELANCE_INVOICE_KIND_FEE, "fee"),
  G_DEFINE_ENUM_VALUE (RELANCE_INVOICE_KIND_INTEREST, "interest"))

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_ACTOR_ID,
  PROP_KIND,
  PROP_ISSUE_DATE,
  PROP_DUE_DATE,
  PROP_AMOUNT_CENTS,
  PROP_CURRENCY,
  PROP_ALLOCATED_CENTS,
  PROP_CANCELLED,
  PROP_REMAINING_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A due date further than this after the issue date is most often a
 * typing error in the year. */
#define MAX_USUAL_TERMS_DAYS 365

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

static void
validate_dates (RelanceInvoice    *self,
                RelanceValidation *validation)
{
  if (self->issue_date == RELANCE_DATE_NONE)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "issue-date",
                            _("The issue date is missing: enter the date printed "
                              "on the invoice."));

  if (self->due_date == RELANCE_DATE_NONE)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "due-date",
                            _("The due date is missing: enter it, or compute it "
                              "from the issue date and the customer’s payment "
                              "terms."));

  if (self->issue_date == RELANCE_DATE_NONE || self->due_date == RELANCE_DATE_NONE)
    return;

  if (self->due_date < self->issue_date)
    {
      const char *language = relance_money_current_language ();
      g_autofree char *due = relance_date_format (self->due_date, language);
      g_autofree char *issue = relance_date_format (self->issue_date, language);

      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "due-date",
                              _("The due date %s is before the issue date %s: "
                                "correct one of them."),
                              due, issue);
    }
  else if (self->due_date - self->issue_date > MAX_USUAL_TERMS_DAYS)
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "due-date",
                            _("The due date is %d days after the issue date, more "
                              "than a year: check the year of both dates."),
                            (int) (self->due_date - self->issue_date));
}

static void
validate_amount (RelanceInvoice    *self,
                 RelanceValidation *validation)
{
  if (self->amount_cents == 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                            _("The amount is zero: enter the total including tax."));
  else if (self->kind == RELANCE_INVOICE_KIND_CREDIT_NOTE && self->amount_cents > 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                            _("A credit note has a negative amount: enter the "
                              "amount with a minus sign, or make it an invoice."));
  else if (self->kind != RELANCE_INVOICE_KIND_CREDIT_NOTE && self->amount_cents < 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount-cents",
                            _("The amount is negative: enter a positive amount, or "
                              "record the document as a credit note."));
}

static void
relance_invoice_finalize (GObject *object)
{
  RelanceInvoice *self = (RelanceInvoice *) object;

  g_free (self->number);
  g_free (self->currency);

  G_OBJECT_CLASS (relance_invoice_parent_class)->finalize (object);
}

static void
relance_invoice_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RelanceInvoice *self = RELANCE_INVOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ISSUE_DATE:
      g_value_set_int (value, self->issue_date);
      break;
    case PROP_DUE_DATE:
      g_value_set_int (value, self->due_date);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_ALLOCATED_CENTS:
      g_value_set_int64 (value, self->allocated_cents);
      break;
    case PROP_CANCELLED:
      g_value_set_boolean (value, self->cancelled);
      break;
    case PROP_REMAINING_CENTS:
      g_value_set_int64 (value, relance_invoice_get_remaining_cents (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_invoice_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RelanceInvoice *self = RELANCE_INVOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      relance_invoice_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NUMBER:
      relance_invoice_set_number (self, g_value_get_string (value));
      break;
    case PROP_ACTOR_ID:
      relance_invoice_set_actor_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      relance_invoice_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_ISSUE_DATE:
      relance_invoice_set_issue_date (self, g_value_get_int (value));
      break;
    case PROP_DUE_DATE:
      relance_invoice_set_due_date (self, g_value_get_int (value));
      break;
    case PROP_AMOUNT_CENTS:
      relance_invoice_set_amount_cents (self, g_value_get_int64 (value));
      break;
    case PROP_CURRENCY:
      relance_invoice_set_currency (self, g_value_get_string (value));
      break;
    case PROP_ALLOCATED_CENTS:
      relance_invoice_set_allocated_cents (self, g_value_get_int64 (value));
      break;
    case PROP_CANCELLED:
      relance_invoice_set_cancelled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_invoice_class_init (RelanceInvoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = relance_invoice_finalize;
  object_class->get_property = relance_invoice_get_property;
  object_class->set_property = relance_invoice_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RELANCE_TYPE_INVOICE_KIND, RELANCE_INVOICE_KIND_INVOICE, flags);

  /**
   * RelanceInvoice:issue-date:
   *
   * The #RelanceDate of the invoice, 0 when unknown.
   */
  properties[PROP_ISSUE_DATE] =
    g_param_spec_int ("issue-date", NULL, NULL, 0, G_MAXINT32, RELANCE_DATE_NONE, flags);
  properties[PROP_DUE_DATE] =
    g_param_spec_int ("due-date", NULL, NULL, 0, G_MAXINT32, RELANCE_DATE_NONE, flags);

  /**
   * RelanceInvoice:amount-cents:
   *
   * The total including tax, in cents; negative for a credit note.
   */
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, RELANCE_DEFAULT_CURRENCY, flags);

  /**
   * RelanceInvoice:allocated-cents:
   *
   * The sum of the payments allocated to the invoice, kept by the store.
   */
  properties[PROP_ALLOCATED_CENTS] =
    g_param_spec_int64 ("allocated-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CANCELLED] =
    g_param_spec_boolean ("cancelled", NULL, NULL, FALSE, flags);

  /**
   * RelanceInvoice:remaining-cents:
   *
   * What is still owed: amount − allocated. Read-only, notified when the
   * amount or the allocated amount changes it.
   */
  properties[PROP_REMAINING_CENTS] =
    g_param_spec_int64 ("remaining-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_invoice_init (RelanceInvoice *self)
{
  self->kind = RELANCE_INVOICE_KIND_INVOICE;
  self->currency = g_strdup (RELANCE_DEFAULT_CURRENCY);
}

/**
 * relance_invoice_new:
 * @number: (nullable): the invoice number
 * @actor_id: the id of the customer
 *
 * Returns: (transfer full): a new invoice in euros, without dates or amount
 */
RelanceInvoice *
relance_invoice_new (const char *number,
                     gint64      actor_id)
{
  g_return_val_if_fail (actor_id >= 0, NULL);

  return g_object_new (RELANCE_TYPE_INVOICE,
                       "number", number,
                       "actor-id", actor_id,
                       NULL);
}

gint64
relance_invoice_get_id (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->id;
}

void
relance_invoice_set_id (RelanceInvoice *self,
                        gint64          id)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
relance_invoice_get_number (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), NULL);

  return self->number;
}

void
relance_invoice_set_number (RelanceInvoice *self,
                            const char     *number)
{
  char *copy;

  g_return_if_fail (RELANCE_IS_INVOICE (self));

  if (g_strcmp0 (self->number, number) == 0)
    return;
  copy = g_strdup (number);
  g_free (self->number);
  self->number = copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

gint64
relance_invoice_get_actor_id (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->actor_id;
}

void
relance_invoice_set_actor_id (RelanceInvoice *self,
                              gint64          actor_id)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));
  g_return_if_fail (actor_id >= 0);

  if (self->actor_id == actor_id)
    return;
  self->actor_id = actor_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

RelanceInvoiceKind
relance_invoice_get_kind (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), RELANCE_INVOICE_KIND_INVOICE);

  return self->kind;
}

void
relance_invoice_set_kind (RelanceInvoice     *self,
                          RelanceInvoiceKind  kind)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));
  g_return_if_fail (kind >= RELANCE_INVOICE_KIND_INVOICE &&
                    kind <= RELANCE_INVOICE_KIND_INTEREST);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

RelanceDate
relance_invoice_get_issue_date (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), RELANCE_DATE_NONE);

  return self->issue_date;
}

void
relance_invoice_set_issue_date (RelanceInvoice *self,
                                RelanceDate     date)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));
  g_return_if_fail (date >= 0);

  if (self->issue_date == date)
    return;
  self->issue_date = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE_DATE]);
}

RelanceDate
relance_invoice_get_due_date (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), RELANCE_DATE_NONE);

  return self->due_date;
}

void
relance_invoice_set_due_date (RelanceInvoice *self,
                              RelanceDate     date)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));
  g_return_if_fail (date >= 0);

  if (self->due_date == date)
    return;
  self->due_date = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

gint64
relance_invoice_get_amount_cents (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->amount_cents;
}

/**
 * relance_invoice_set_amount_cents:
 * @self: a #RelanceInvoice
 * @cents: the total including tax, negative for a credit note
 */
void
relance_invoice_set_amount_cents (RelanceInvoice *self,
                                  gint64          cents)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));

  if (self->amount_cents == cents)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->amount_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_CENTS]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
relance_invoice_get_currency (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), NULL);

  return self->currency;
}

void
relance_invoice_set_currency (RelanceInvoice *self,
                              const char     *currency)
{
  char *copy;

  g_return_if_fail (RELANCE_IS_INVOICE (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  copy = g_strdup (currency);
  g_free (self->currency);
  self->currency = copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
relance_invoice_get_allocated_cents (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->allocated_cents;
}

/**
 * relance_invoice_set_allocated_cents:
 * @self: a #RelanceInvoice
 * @cents: the sum of the allocations to the invoice
 *
 * Only the store calls this, in the transaction that writes an
 * allocation.
 */
void
relance_invoice_set_allocated_cents (RelanceInvoice *self,
                                     gint64          cents)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));

  if (self->allocated_cents == cents)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->allocated_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOCATED_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_CENTS]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
relance_invoice_get_cancelled (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), FALSE);

  return self->cancelled;
}

void
relance_invoice_set_cancelled (RelanceInvoice *self,
                               gboolean        cancelled)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));

  cancelled = !!cancelled;
  if (self->cancelled == cancelled)
    return;
  self->cancelled = cancelled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED]);
}

/**
 * relance_invoice_get_remaining_cents:
 * @self: a #RelanceInvoice
 *
 * Returns: amount − allocated: what the customer still owes on this item
 *   (negative for a credit note not yet used)
 */
gint64
relance_invoice_get_remaining_cents (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->amount_cents - self->allocated_cents;
}

/**
 * relance_invoice_days_late:
 * @self: a #RelanceInvoice
 * @evaluation_day: the day of evaluation
 *
 * An item is late only while something is owed on it: a cancelled item,
 * a settled one or a credit note is never late. Use relance_days_late()
 * for the plain difference of two dates.
 *
 * Returns: the days from the due date to @evaluation_day when the item is
 *   open with a positive remaining amount, else 0
 */
int
relance_invoice_days_late (RelanceInvoice *self,
                           RelanceDate     evaluation_day)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  if (self->cancelled || relance_invoice_get_remaining_cents (self) <= 0)
    return 0;
  return relance_days_late (self->due_date, evaluation_day);
}

/**
 * relance_invoice_validate:
 * @self: a #RelanceInvoice
 * @validation: where to add the issues
 *
 * Checks the invoice before it is saved: number, customer, dates, amount
 * and its sign for the kind, currency (blocking), and a due date more
 * than a year after the issue date (warning).
 */
void
relance_invoice_validate (RelanceInvoice    *self,
                          RelanceValidation *validation)
{
  g_return_if_fail (RELANCE_IS_INVOICE (self));
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (is_blank (self->number))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "number",
                            _("The number is empty: enter the invoice number as "
                              "printed on the invoice."));

  if (self->actor_id <= 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "actor-id",
                            _("The invoice has no customer: choose the actor who "
                              "owes it."));

  validate_dates (self, validation);
  validate_amount (self, validation);

  if (!relance_currency_is_valid (self->currency))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "currency",
                            _("“%s” is not a currency code: use the three capital "
                              "letters of ISO 4217, such as EUR."),
                            self->currency ? self->currency : "");
}

/**
 * relance_invoice_kind_to_string:
 * @kind: a #RelanceInvoiceKind
 *
 * Returns: the name used in files and the database: "invoice",
 *   "credit_note", "fee" or "interest"
 */
const char *
relance_invoice_kind_to_string (RelanceInvoiceKind kind)
{
  switch (kind)
    {
    case RELANCE_INVOICE_KIND_INVOICE:
      return "invoice";
    case RELANCE_INVOICE_KIND_CREDIT_NOTE:
      return "credit_note";
    case RELANCE_INVOICE_KIND_FEE:
      return "fee";
    case RELANCE_INVOICE_KIND_INTEREST:
      return "interest";
    default:
      g_return_val_if_reached ("invoice");
    }
}

/**
 * relance_invoice_kind_from_string:
 * @text: (nullable): a name from relance_invoice_kind_to_string(), or the
 *   words of an import ("facture", "avoir", "credit-note", "frais",
 *   "intérêts"…), in any case
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @text names a kind; @kind is left alone otherwise
 */
gboolean
relance_invoice_kind_from_string (const char         *text,
                                  RelanceInvoiceKind *kind)
{
  static const struct
  {
    const char         *name;
    RelanceInvoiceKind  kind;
  } names[] = {
    { "invoice", RELANCE_INVOICE_KIND_INVOICE },
    { "facture", RELANCE_INVOICE_KIND_INVOICE },
    { "credit_note", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "credit-note", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "credit note", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "creditnote", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "avoir", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "fee", RELANCE_INVOICE_KIND_FEE },
    { "fees", RELANCE_INVOICE_KIND_FEE },
    { "frais", RELANCE_INVOICE_KIND_FEE },
    { "interest", RELANCE_INVOICE_KIND_INTEREST },
    { "interets", RELANCE_INVOICE_KIND_INTEREST },
    { "intérêts", RELANCE_INVOICE_KIND_INTEREST },
    { "interet", RELANCE_INVOICE_KIND_INTEREST },
    { "intérêt", RELANCE_INVOICE_KIND_INTEREST },
  };
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  /* Composed first, so that an "é" typed as "e" and a combining accent
   * matches too. */
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (g_strstrip (composed), -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (folded, names[i].name) == 0)
      {
        *kind = names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_days_late:
 * @due_date: the due date
 * @evaluation_day: the day of evaluation
 *
 * Days late of an item (DOMAIN.md): evaluation day − due date, when
 * positive.
 *
 * Returns: the days late, 0 when not yet due or when either date is
 *   missing
 */
int
relance_days_late (RelanceDate due_date,
                   RelanceDate evaluation_day)
{
  if (due_date == RELANCE_DATE_NONE || evaluation_day == RELANCE_DATE_NONE)
    return 0;
  if (evaluation_day <= due_date)
    return 0;
  return evaluation_day - due_date;
}
