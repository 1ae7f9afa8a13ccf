/* relance-actor.c — a party: customer, and later supplier, guarantor…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-actor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-actor.h"
#include "relance-money.h"

struct _RelanceActor
{
  GObject           parent_instance;

  gint64            id;
  char             *code;
  char             *name;
  RelanceActorKind  kind;
  char             *siren;
  char             *siret;
  char             *vat_number;
  char             *email;
  char             *phone;
  char             *mobile;
  char             *address;
  char             *postcode;
  char             *city;
  char             *country;
  char             *language;
  char             *segment;
  char             *agent;
  gint64            credit_limit_cents;
  char             *credit_limit_currency;
  RelanceDate       credit_limit_end;
  char             *iban;
  int               payment_terms_days;
  gboolean          active;
  char             *notes;
};

G_DEFINE_FINAL_TYPE (RelanceActor, relance_actor, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RelanceActorKind, relance_actor_kind,
  G_DEFINE_ENUM_VALUE (RELANCE_ACTOR_KIND_COMPANY, "company"),
  G_DEFINE_ENUM_VALUE (RELANCE_ACTOR_KIND_PERSON, "person"))

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_KIND,
  PROP_SIREN,
  PROP_SIRET,
  PROP_VAT_NUMBER,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_MOBILE,
  PROP_ADDRESS,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_LANGUAGE,
  PROP_SEGMENT,
  PROP_AGENT,
  PROP_CREDIT_LIMIT_CENTS,
  PROP_CREDIT_LIMIT_CURRENCY,
  PROP_CREDIT_LIMIT_END,
  PROP_IBAN,
  PROP_PAYMENT_TERMS_DAYS,
  PROP_ACTIVE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_COUNTRY            "FR"
#define DEFAULT_LANGUAGE           "fr"
#define DEFAULT_PAYMENT_TERMS_DAYS 30

/* Names for the country line of a postal address. Mail posted in France
 * names the destination country in French, so the names are translated
 * with the user interface. */
static const struct
{
  const char *code;
  const char *name;
} country_names[] = {
  { "AD", N_("Andorra") },
  { "AT", N_("Austria") },
  { "BE", N_("Belgium") },
  { "BG", N_("Bulgaria") },
  { "CA", N_("Canada") },
  { "CH", N_("Switzerland") },
  { "CN", N_("China") },
  { "CY", N_("Cyprus") },
  { "CZ", N_("Czechia") },
  { "DE", N_("Germany") },
  { "DK", N_("Denmark") },
  { "DZ", N_("Algeria") },
  { "EE", N_("Estonia") },
  { "ES", N_("Spain") },
  { "FI", N_("Finland") },
  { "GB", N_("United Kingdom") },
  { "GR", N_("Greece") },
  { "HR", N_("Croatia") },
  { "HU", N_("Hungary") },
  { "IE", N_("Ireland") },
  { "IS", N_("Iceland") },
  { "IT", N_("Italy") },
  { "JP", N_("Japan") },
  { "LI", N_("Liechtenstein") },
  { "LT", N_("Lithuania") },
  { "LU", N_("Luxembourg") },
  { "LV", N_("Latvia") },
  { "MA", N_("Morocco") },
  { "MC", N_("Monaco") },
  { "MT", N_("Malta") },
  { "NL", N_("Netherlands") },
  { "NO", N_("Norway") },
  { "PL", N_("Poland") },
  { "PT", N_("Portugal") },
  { "RO", N_("Romania") },
  { "SE", N_("Sweden") },
  { "SI", N_("Slovenia") },
  { "SK", N_("Slovakia") },
  { "SN", N_("Senegal") },
  { "TN", N_("Tunisia") },
  { "US", N_("United States") },
};

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

static const char *
country_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (country_names); i++)
    if (g_ascii_strcasecmp (country_names[i].code, code) == 0)
      return _(country_names[i].name);
  return code;
}

static gboolean
is_france (const char *country)
{
  g_autofree char *code = NULL;

  if (country == NULL)
    return FALSE;
  code = g_strstrip (g_strdup (country));
  return g_ascii_strcasecmp (code, "FR") == 0;
}

static void
append_line (GString    *text,
             const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));

  if (*stripped == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, stripped);
}

static void
validate_identifiers (RelanceActor      *self,
                      RelanceValidation *validation)
{
  g_autofree char *siren = relance_normalize_identifier (self->siren);
  g_autofree char *siret = relance_normalize_identifier (self->siret);
  gboolean has_siren = !is_blank (self->siren);
  gboolean has_siret = !is_blank (self->siret);

  if (has_siren && !relance_check_siren (self->siren))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "siren",
                            _("The SIREN “%s” is not valid: it must have 9 digits, "
                              "the last one being a check digit. Copy it again from "
                              "the Kbis extract or the INSEE directory."),
                            self->siren);

  if (has_siret && !relance_check_siret (self->siret))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "siret",
                            _("The SIRET “%s” is not valid: it must have 14 digits, "
                              "the last one being a check digit. Copy it again from "
                              "the Kbis extract or the INSEE directory."),
                            self->siret);

  /* Compare as soon as both have the right number of characters, so that
   * a SIRET of another company is reported even when its key is right. */
  if (has_siren && has_siret && strlen (siren) == 9 && strlen (siret) == 14 &&
      strncmp (siren, siret, 9) != 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "siret",
                            _("The SIRET “%s” does not belong to the SIREN “%s”: "
                              "its first nine digits must be the SIREN. Correct "
                              "one or the other."),
                            self->siret, self->siren);

  if (!has_siren && self->kind == RELANCE_ACTOR_KIND_COMPANY && is_france (self->country))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "siren",
                            _("This French company has no SIREN: enter it, as "
                              "formal notices and court claims must identify "
                              "the debtor."));

  if (!is_blank (self->vat_number))
    {
      g_autofree char *vat = relance_normalize_identifier (self->vat_number);

      if (g_str_has_prefix (vat, "FR") &&
          !relance_check_french_vat (vat, has_siren ? siren : NULL))
        relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "vat-number",
                                _("The VAT number “%s” does not match the SIREN: a "
                                  "French VAT number is FR, a two-digit key and the "
                                  "SIREN. Check both numbers."),
                                self->vat_number);
    }

  if (!is_blank (self->iban) && !relance_check_iban (self->iban))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "iban",
                            _("The IBAN “%s” is not valid: its length or its "
                              "check digits are wrong. Copy it again from the "
                              "customer’s bank details."),
                            self->iban);
}

static void
relance_actor_finalize (GObject *object)
{
  RelanceActor *self = (RelanceActor *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->siren);
  g_free (self->siret);
  g_free (self->vat_number);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->mobile);
  g_free (self->address);
  g_free (self->postcode);
  g_free (self->city);
  g_free (self->country);
  g_free (self->language);
  g_free (self->segment);
  g_free (self->agent);
  g_free (self->credit_limit_currency);
  g_free (self->iban);
  g_free (self->notes);

  G_OBJECT_CLASS (relance_actor_parent_class)->finalize (object);
}

static void
relance_actor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RelanceActor *self = RELANCE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SIREN:
      g_value_set_string (value, self->siren);
      break;
    case PROP_SIRET:
      g_value_set_string (value, self->siret);
      break;
    case PROP_VAT_NUMBER:
      g_value_set_string (value, self->vat_number);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_MOBILE:
      g_value_set_string (value, self->mobile);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_POSTCODE:
      g_value_set_string (value, self->postcode);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_AGENT:
      g_value_set_string (value, self->agent);
      break;
    case PROP_CREDIT_LIMIT_CENTS:
      g_value_set_int64 (value, self->credit_limit_cents);
      break;
    case PROP_CREDIT_LIMIT_CURRENCY:
      g_value_set_string (value, self->credit_limit_currency);
      break;
    case PROP_CREDIT_LIMIT_END:
      g_value_set_int (value, self->credit_limit_end);
      break;
    case PROP_IBAN:
      g_value_set_string (value, self->iban);
      break;
    case PROP_PAYMENT_TERMS_DAYS:
      g_value_set_int (value, self->payment_terms_days);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_actor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RelanceActor *self = RELANCE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      relance_actor_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CODE:
      relance_actor_set_code (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      relance_actor_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      relance_actor_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SIREN:
      relance_actor_set_siren (self, g_value_get_string (value));
      break;
    case PROP_SIRET:
      relance_actor_set_siret (self, g_value_get_string (value));
      break;
    case PROP_VAT_NUMBER:
      relance_actor_set_vat_number (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      relance_actor_set_email (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      relance_actor_set_phone (self, g_value_get_string (value));
      break;
    case PROP_MOBILE:
      relance_actor_set_mobile (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      relance_actor_set_address (self, g_value_get_string (value));
      break;
    case PROP_POSTCODE:
      relance_actor_set_postcode (self, g_value_get_string (value));
      break;
    case PROP_CITY:
      relance_actor_set_city (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      relance_actor_set_country (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      relance_actor_set_language (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      relance_actor_set_segment (self, g_value_get_string (value));
      break;
    case PROP_AGENT:
      relance_actor_set_agent (self, g_value_get_string (value));
      break;
    case PROP_CREDIT_LIMIT_CENTS:
      relance_actor_set_credit_limit_cents (self, g_value_get_int64 (value));
      break;
    case PROP_CREDIT_LIMIT_CURRENCY:
      relance_actor_set_credit_limit_currency (self, g_value_get_string (value));
      break;
    case PROP_CREDIT_LIMIT_END:
      relance_actor_set_credit_limit_end (self, g_value_get_int (value));
      break;
    case PROP_IBAN:
      relance_actor_set_iban (self, g_value_get_string (value));
      break;
    case PROP_PAYMENT_TERMS_DAYS:
      relance_actor_set_payment_terms_days (self, g_value_get_int (value));
      break;
    case PROP_ACTIVE:
      relance_actor_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      relance_actor_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                              G_PARAM_EXPLICIT_NOTIFY);
}

static void
relance_actor_class_init (RelanceActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = relance_actor_finalize;
  object_class->get_property = relance_actor_get_property;
  object_class->set_property = relance_actor_set_property;

  /**
   * RelanceActor:id:
   *
   * The row id in the database, 0 until the actor is stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * RelanceActor:code:
   *
   * The code that identifies the actor, usually its customer account.
   */
  properties[PROP_CODE] = string_property ("code", NULL);
  properties[PROP_NAME] = string_property ("name", NULL);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RELANCE_TYPE_ACTOR_KIND, RELANCE_ACTOR_KIND_COMPANY, flags);

  properties[PROP_SIREN] = string_property ("siren", NULL);
  properties[PROP_SIRET] = string_property ("siret", NULL);
  properties[PROP_VAT_NUMBER] = string_property ("vat-number", NULL);
  properties[PROP_EMAIL] = string_property ("email", NULL);
  properties[PROP_PHONE] = string_property ("phone", NULL);
  properties[PROP_MOBILE] = string_property ("mobile", NULL);

  /**
   * RelanceActor:address:
   *
   * The street lines of the postal address, separated by newlines,
   * without the postcode, city and country.
   */
  properties[PROP_ADDRESS] = string_property ("address", NULL);
  properties[PROP_POSTCODE] = string_property ("postcode", NULL);
  properties[PROP_CITY] = string_property ("city", NULL);

  /**
   * RelanceActor:country:
   *
   * The ISO 3166 alpha-2 code of the country, "FR" by default.
   */
  properties[PROP_COUNTRY] = string_property ("country", DEFAULT_COUNTRY);

  /**
   * RelanceActor:language:
   *
   * The language of the letters and e-mails: "fr" (default) or "en".
   */
  properties[PROP_LANGUAGE] = string_property ("language", DEFAULT_LANGUAGE);
  properties[PROP_SEGMENT] = string_property ("segment", NULL);
  properties[PROP_AGENT] = string_property ("agent", NULL);

  /**
   * RelanceActor:credit-limit-cents:
   *
   * The credit limit in cents, or %RELANCE_CREDIT_LIMIT_NONE (-1).
   * Any value is accepted, so that an import can be validated.
   */
  properties[PROP_CREDIT_LIMIT_CENTS] =
    g_param_spec_int64 ("credit-limit-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, RELANCE_CREDIT_LIMIT_NONE, flags);
  properties[PROP_CREDIT_LIMIT_CURRENCY] =
    string_property ("credit-limit-currency", RELANCE_DEFAULT_CURRENCY);

  /**
   * RelanceActor:credit-limit-end:
   *
   * The #RelanceDate when the credit limit ends, 0 for none.
   */
  properties[PROP_CREDIT_LIMIT_END] =
    g_param_spec_int ("credit-limit-end", NULL, NULL,
                      0, G_MAXINT32, RELANCE_DATE_NONE, flags);
  properties[PROP_IBAN] = string_property ("iban", NULL);

  /**
   * RelanceActor:payment-terms-days:
   *
   * The days from the issue date to the due date of an invoice, used when
   * an import gives no due date.
   */
  properties[PROP_PAYMENT_TERMS_DAYS] =
    g_param_spec_int ("payment-terms-days", NULL, NULL,
                      0, G_MAXINT, DEFAULT_PAYMENT_TERMS_DAYS, flags);

  /**
   * RelanceActor:active:
   *
   * %FALSE when the actor is deactivated: it is kept, as it has been used,
   * but no longer offered.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  properties[PROP_NOTES] = string_property ("notes", NULL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_actor_init (RelanceActor *self)
{
  self->kind = RELANCE_ACTOR_KIND_COMPANY;
  self->country = g_strdup (DEFAULT_COUNTRY);
  self->language = g_strdup (DEFAULT_LANGUAGE);
  self->credit_limit_cents = RELANCE_CREDIT_LIMIT_NONE;
  self->credit_limit_currency = g_strdup (RELANCE_DEFAULT_CURRENCY);
  self->credit_limit_end = RELANCE_DATE_NONE;
  self->payment_terms_days = DEFAULT_PAYMENT_TERMS_DAYS;
  self->active = TRUE;
}

/**
 * relance_actor_new:
 * @code: (nullable): the code of the actor, e.g. its customer account
 * @name: (nullable): the company or person name
 *
 * Creates a company in France, without credit limit, paying at 30 days.
 *
 * Returns: (transfer full): a new #RelanceActor
 */
RelanceActor *
relance_actor_new (const char *code,
                   const char *name)
{
  return g_object_new (RELANCE_TYPE_ACTOR,
                       "code", code,
                       "name", name,
                       NULL);
}

gint64
relance_actor_get_id (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), 0);

  return self->id;
}

/**
 * relance_actor_set_id:
 * @self: a #RelanceActor
 * @id: the row id, set by the store
 */
void
relance_actor_set_id (RelanceActor *self,
                      gint64        id)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
relance_actor_get_code (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->code;
}

void
relance_actor_set_code (RelanceActor *self,
                        const char   *code)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
relance_actor_get_name (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->name;
}

void
relance_actor_set_name (RelanceActor *self,
                        const char   *name)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

RelanceActorKind
relance_actor_get_kind (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), RELANCE_ACTOR_KIND_COMPANY);

  return self->kind;
}

void
relance_actor_set_kind (RelanceActor     *self,
                        RelanceActorKind  kind)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));
  g_return_if_fail (kind == RELANCE_ACTOR_KIND_COMPANY || kind == RELANCE_ACTOR_KIND_PERSON);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
relance_actor_get_siren (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->siren;
}

/**
 * relance_actor_set_siren:
 * @self: a #RelanceActor
 * @siren: (nullable): the SIREN, kept as given; relance_actor_validate()
 *   checks it
 */
void
relance_actor_set_siren (RelanceActor *self,
                         const char   *siren)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->siren, siren))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIREN]);
}

const char *
relance_actor_get_siret (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->siret;
}

void
relance_actor_set_siret (RelanceActor *self,
                         const char   *siret)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->siret, siret))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIRET]);
}

const char *
relance_actor_get_vat_number (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->vat_number;
}

void
relance_actor_set_vat_number (RelanceActor *self,
                              const char   *vat_number)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->vat_number, vat_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAT_NUMBER]);
}

const char *
relance_actor_get_email (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->email;
}

void
relance_actor_set_email (RelanceActor *self,
                         const char   *email)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
relance_actor_get_phone (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->phone;
}

void
relance_actor_set_phone (RelanceActor *self,
                         const char   *phone)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
relance_actor_get_mobile (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->mobile;
}

void
relance_actor_set_mobile (RelanceActor *self,
                          const char   *mobile)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->mobile, mobile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOBILE]);
}

const char *
relance_actor_get_address (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->address;
}

void
relance_actor_set_address (RelanceActor *self,
                           const char   *address)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
relance_actor_get_postcode (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->postcode;
}

void
relance_actor_set_postcode (RelanceActor *self,
                            const char   *postcode)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->postcode, postcode))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTCODE]);
}

const char *
relance_actor_get_city (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->city;
}

void
relance_actor_set_city (RelanceActor *self,
                        const char   *city)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->city, city))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
relance_actor_get_country (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->country;
}

/**
 * relance_actor_set_country:
 * @self: a #RelanceActor
 * @country: (nullable): an ISO 3166 alpha-2 code such as "FR" or "BE"
 */
void
relance_actor_set_country (RelanceActor *self,
                           const char   *country)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
relance_actor_get_language (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->language;
}

/**
 * relance_actor_set_language:
 * @self: a #RelanceActor
 * @language: (nullable): "fr" or "en", the language of letters and e-mails
 */
void
relance_actor_set_language (RelanceActor *self,
                            const char   *language)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
relance_actor_get_segment (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->segment;
}

void
relance_actor_set_segment (RelanceActor *self,
                           const char   *segment)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->segment, segment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

const char *
relance_actor_get_agent (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->agent;
}

void
relance_actor_set_agent (RelanceActor *self,
                         const char   *agent)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->agent, agent))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENT]);
}

gint64
relance_actor_get_credit_limit_cents (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), RELANCE_CREDIT_LIMIT_NONE);

  return self->credit_limit_cents;
}

/**
 * relance_actor_set_credit_limit_cents:
 * @self: a #RelanceActor
 * @cents: the credit limit in cents of the credit-limit currency, or
 *   %RELANCE_CREDIT_LIMIT_NONE
 */
void
relance_actor_set_credit_limit_cents (RelanceActor *self,
                                      gint64        cents)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (self->credit_limit_cents == cents)
    return;
  self->credit_limit_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_LIMIT_CENTS]);
}

const char *
relance_actor_get_credit_limit_currency (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->credit_limit_currency;
}

void
relance_actor_set_credit_limit_currency (RelanceActor *self,
                                         const char   *currency)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->credit_limit_currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_LIMIT_CURRENCY]);
}

RelanceDate
relance_actor_get_credit_limit_end (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), RELANCE_DATE_NONE);

  return self->credit_limit_end;
}

void
relance_actor_set_credit_limit_end (RelanceActor *self,
                                    RelanceDate   date)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));
  g_return_if_fail (date >= 0);

  if (self->credit_limit_end == date)
    return;
  self->credit_limit_end = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_LIMIT_END]);
}

const char *
relance_actor_get_iban (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->iban;
}

void
relance_actor_set_iban (RelanceActor *self,
                        const char   *iban)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->iban, iban))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IBAN]);
}

int
relance_actor_get_payment_terms_days (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), DEFAULT_PAYMENT_TERMS_DAYS);

  return self->payment_terms_days;
}

/**
 * relance_actor_set_payment_terms_days:
 * @self: a #RelanceActor
 * @days: the payment terms, zero or more days
 */
void
relance_actor_set_payment_terms_days (RelanceActor *self,
                                      int           days)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));
  g_return_if_fail (days >= 0);

  if (self->payment_terms_days == days)
    return;
  self->payment_terms_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYMENT_TERMS_DAYS]);
}

gboolean
relance_actor_get_active (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), FALSE);

  return self->active;
}

void
relance_actor_set_active (RelanceActor *self,
                          gboolean      active)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

const char *
relance_actor_get_notes (RelanceActor *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  return self->notes;
}

void
relance_actor_set_notes (RelanceActor *self,
                         const char   *notes)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * relance_actor_dup_full_address:
 * @self: a #RelanceActor
 *
 * The postal address as it goes on an envelope: the street lines, then
 * "postcode city", then the country name when it is not France. Blank
 * lines are left out.
 *
 * Returns: (transfer full): the lines joined with "\n", empty when the
 *   actor has no address
 */
char *
relance_actor_dup_full_address (RelanceActor *self)
{
  GString *text;
  g_autofree char *town = NULL;

  g_return_val_if_fail (RELANCE_IS_ACTOR (self), NULL);

  text = g_string_new (NULL);
  if (self->address != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (self->address, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        append_line (text, lines[i]);
    }

  town = g_strdup_printf ("%s %s",
                          self->postcode ? self->postcode : "",
                          self->city ? self->city : "");
  append_line (text, g_strstrip (town));

  if (!is_blank (self->country) && !is_france (self->country))
    {
      g_autofree char *code = g_strstrip (g_strdup (self->country));

      append_line (text, country_name (code));
    }

  return g_string_free (text, FALSE);
}

/**
 * relance_actor_validate:
 * @self: a #RelanceActor
 * @validation: where to add the issues
 *
 * Checks the actor before it is saved: code and name, SIREN, SIRET, VAT
 * number, e-mail, IBAN, credit limit, language and currency. Blocking
 * issues forbid saving; warnings are shown in orange.
 */
void
relance_actor_validate (RelanceActor      *self,
                        RelanceValidation *validation)
{
  g_return_if_fail (RELANCE_IS_ACTOR (self));
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (is_blank (self->code))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "code",
                            _("The code is empty: enter the code that identifies "
                              "this actor, such as its customer account."));

  if (is_blank (self->name))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "name",
                            _("The name is empty: enter the company name or the "
                              "person’s full name."));

  validate_identifiers (self, validation);

  if (!is_blank (self->email) && !relance_check_email (self->email))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "email",
                            _("“%s” is not an e-mail address: write a single "
                              "address such as name@example.fr, without spaces."),
                            self->email);

  if (self->credit_limit_cents < 0 && self->credit_limit_cents != RELANCE_CREDIT_LIMIT_NONE)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "credit-limit-cents",
                            _("The credit limit is negative: enter zero or a "
                              "positive amount, or no limit at all."));

  if (!relance_currency_is_valid (self->credit_limit_currency))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "credit-limit-currency",
                            _("“%s” is not a currency code: use the three capital "
                              "letters of ISO 4217, such as EUR."),
                            self->credit_limit_currency ? self->credit_limit_currency : "");

  if (g_strcmp0 (self->language, "fr") != 0 && g_strcmp0 (self->language, "en") != 0)
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "language",
                            _("Letters and e-mails exist in French (fr) and English "
                              "(en) only, not in “%s”: choose one of them."),
                            self->language ? self->language : "");
}

/**
 * relance_actor_kind_to_string:
 * @kind: a #RelanceActorKind
 *
 * Returns: the name used in files and the database: "company" or "person"
 */
const char *
relance_actor_kind_to_string (RelanceActorKind kind)
{
  switch (kind)
    {
    case RELANCE_ACTOR_KIND_COMPANY:
      return "company";
    case RELANCE_ACTOR_KIND_PERSON:
      return "person";
    default:
      g_return_val_if_reached ("company");
    }
}

/**
 * relance_actor_kind_from_string:
 * @text: (nullable): "company" or "person", or the French words of an
 *   import ("société", "entreprise", "personne", "particulier"), in any case
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @text names a kind; @kind is left alone otherwise
 */
gboolean
relance_actor_kind_from_string (const char       *text,
                                RelanceActorKind *kind)
{
  static const struct
  {
    const char       *name;
    RelanceActorKind  kind;
  } names[] = {
    { "company", RELANCE_ACTOR_KIND_COMPANY },
    { "societe", RELANCE_ACTOR_KIND_COMPANY },
    { "société", RELANCE_ACTOR_KIND_COMPANY },
    { "entreprise", RELANCE_ACTOR_KIND_COMPANY },
    { "person", RELANCE_ACTOR_KIND_PERSON },
    { "personne", RELANCE_ACTOR_KIND_PERSON },
    { "particulier", RELANCE_ACTOR_KIND_PERSON },
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
