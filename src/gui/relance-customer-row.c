/* relance-customer-row.c — one visible line of the portfolio list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio model creates one of these only for the rows that a view
 * asks for, from the plain RelancePortfolioRow of a page: a copy, so that
 * the item outlives the page it came from. Read-only: the figures change
 * by reloading the model, not by editing an item.
 */
#define G_LOG_DOMAIN "relance-customer-row"

#include "config.h"

#include <string.h>

#include "relance-customer-row.h"

struct _RelanceCustomerRow
{
  GObject   parent_instance;

  gint64    actor_id;
  char     *code;
  char     *name;
  char     *segment;
  char     *siren;
  char     *agent;
  char      currency[4];
  gint64    outstanding_cents;
  gint64    overdue_cents;
  int       days_late;
  gboolean  has_dso;
  double    dso_days;
};

G_DEFINE_FINAL_TYPE (RelanceCustomerRow, relance_customer_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_SEGMENT,
  PROP_SIREN,
  PROP_AGENT,
  PROP_CURRENCY,
  PROP_OUTSTANDING_CENTS,
  PROP_OVERDUE_CENTS,
  PROP_DAYS_LATE,
  PROP_HAS_DSO,
  PROP_DSO_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
relance_customer_row_finalize (GObject *object)
{
  RelanceCustomerRow *self = (RelanceCustomerRow *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->segment, g_free);
  g_clear_pointer (&self->siren, g_free);
  g_clear_pointer (&self->agent, g_free);

  G_OBJECT_CLASS (relance_customer_row_parent_class)->finalize (object);
}

static void
relance_customer_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RelanceCustomerRow *self = RELANCE_CUSTOMER_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_SIREN:
      g_value_set_string (value, self->siren);
      break;
    case PROP_AGENT:
      g_value_set_string (value, self->agent);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_OUTSTANDING_CENTS:
      g_value_set_int64 (value, self->outstanding_cents);
      break;
    case PROP_OVERDUE_CENTS:
      g_value_set_int64 (value, self->overdue_cents);
      break;
    case PROP_DAYS_LATE:
      g_value_set_int (value, self->days_late);
      break;
    case PROP_HAS_DSO:
      g_value_set_boolean (value, self->has_dso);
      break;
    case PROP_DSO_DAYS:
      g_value_set_double (value, self->dso_days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_customer_row_class_init (RelanceCustomerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = relance_customer_row_finalize;
  object_class->get_property = relance_customer_row_get_property;

  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SEGMENT] = g_param_spec_string ("segment", NULL, NULL, NULL, flags);
  properties[PROP_SIREN] = g_param_spec_string ("siren", NULL, NULL, NULL, flags);
  properties[PROP_AGENT] = g_param_spec_string ("agent", NULL, NULL, NULL, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_OUTSTANDING_CENTS] =
    g_param_spec_int64 ("outstanding-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_OVERDUE_CENTS] =
    g_param_spec_int64 ("overdue-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DAYS_LATE] =
    g_param_spec_int ("days-late", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_HAS_DSO] = g_param_spec_boolean ("has-dso", NULL, NULL, FALSE, flags);
  properties[PROP_DSO_DAYS] =
    g_param_spec_double ("dso-days", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_customer_row_init (RelanceCustomerRow *self)
{
}

/**
 * relance_customer_row_new:
 * @row: a row of a portfolio page
 *
 * Returns: (transfer full): an item holding a copy of @row
 */
RelanceCustomerRow *
relance_customer_row_new (const RelancePortfolioRow *row)
{
  RelanceCustomerRow *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_CUSTOMER_ROW, NULL);
  self->actor_id = row->actor_id;
  self->code = g_strdup (row->code);
  self->name = g_strdup (row->name);
  self->segment = g_strdup (row->segment);
  self->siren = g_strdup (row->siren);
  self->agent = g_strdup (row->agent);
  memcpy (self->currency, row->currency, sizeof self->currency);
  self->currency[3] = '\0';
  self->outstanding_cents = row->outstanding_cents;
  self->overdue_cents = row->overdue_cents;
  self->days_late = row->days_late;
  self->has_dso = row->has_dso;
  self->dso_days = row->dso_days;

  return self;
}

gint64
relance_customer_row_get_actor_id (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), 0);
  return self->actor_id;
}

const char *
relance_customer_row_get_code (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), NULL);
  return self->code;
}

const char *
relance_customer_row_get_name (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), NULL);
  return self->name;
}

const char *
relance_customer_row_get_segment (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), NULL);
  return self->segment;
}

const char *
relance_customer_row_get_siren (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), NULL);
  return self->siren;
}

const char *
relance_customer_row_get_agent (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), NULL);
  return self->agent;
}

const char *
relance_customer_row_get_currency (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), NULL);
  return self->currency;
}

gint64
relance_customer_row_get_outstanding_cents (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), 0);
  return self->outstanding_cents;
}

gint64
relance_customer_row_get_overdue_cents (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), 0);
  return self->overdue_cents;
}

int
relance_customer_row_get_days_late (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), 0);
  return self->days_late;
}

gboolean
relance_customer_row_get_has_dso (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), FALSE);
  return self->has_dso;
}

double
relance_customer_row_get_dso_days (RelanceCustomerRow *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_ROW (self), 0);
  return self->dso_days;
}
