/* relance-validation.c — data controls: blocking (red) and warning (orange)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-validation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-validation.h"

struct _RelanceValidation
{
  GObject    parent_instance;

  GPtrArray *issues;  /* of RelanceIssue */
};

G_DEFINE_FINAL_TYPE (RelanceValidation, relance_validation, G_TYPE_OBJECT)

/* Lengths of the IBAN of the countries that Relance's customers are most
 * likely to use (ISO 13616 registry). A country missing from this table is
 * only held to the general 15..34 bound. */
static const struct
{
  const char *country;
  guint       length;
} iban_lengths[] = {
  { "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "AZ", 28 },
  { "BA", 20 }, { "BE", 16 }, { "BG", 22 }, { "BH", 22 }, { "BR", 29 },
  { "CH", 21 }, { "CR", 22 }, { "CY", 28 }, { "CZ", 24 }, { "DE", 22 },
  { "DK", 18 }, { "DO", 28 }, { "EE", 20 }, { "ES", 24 }, { "FI", 18 },
  { "FO", 18 }, { "FR", 27 }, { "GB", 22 }, { "GE", 22 }, { "GI", 23 },
  { "GL", 18 }, { "GR", 27 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 },
  { "IL", 23 }, { "IS", 26 }, { "IT", 27 }, { "JO", 30 }, { "KW", 30 },
  { "KZ", 20 }, { "LB", 28 }, { "LI", 21 }, { "LT", 20 }, { "LU", 20 },
  { "LV", 21 }, { "MC", 27 }, { "MD", 24 }, { "ME", 22 }, { "MK", 19 },
  { "MR", 27 }, { "MT", 31 }, { "MU", 30 }, { "NL", 18 }, { "NO", 15 },
  { "PK", 24 }, { "PL", 28 }, { "PT", 25 }, { "QA", 29 }, { "RO", 24 },
  { "RS", 22 }, { "SA", 24 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 },
  { "SM", 27 }, { "TN", 24 }, { "TR", 26 }, { "UA", 29 }, { "VA", 22 },
  { "XK", 20 },
};

/* The SIREN of La Poste, whose establishments' SIRETs are not all Luhn
 * numbers: INSEE gives them a sum of digits that is a multiple of 5. */
#define LA_POSTE_SIREN "356000000"

static void
issue_free (gpointer data)
{
  RelanceIssue *issue = data;

  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The Luhn check: doubling every second digit from the right, the sum of
 * the digits is a multiple of 10. */
static gboolean
luhn_is_valid (const char *digits)
{
  gsize n = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint d = (guint) (digits[n - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return sum % 10 == 0;
}

static guint
digit_sum (const char *digits)
{
  guint sum = 0;

  for (const char *p = digits; *p; p++)
    sum += (guint) (*p - '0');
  return sum;
}

static gboolean
is_stripped_character (gunichar c)
{
  return c == '.' || c == '-' || g_unichar_isspace (c);
}

static guint
iban_expected_length (const char *country)
{
  static const char * const french_territories[] = {
    "BL", "GF", "GP", "MF", "MQ", "NC", "PF", "PM", "RE", "TF", "WF", "YT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (iban_lengths); i++)
    if (strncmp (iban_lengths[i].country, country, 2) == 0)
      return iban_lengths[i].length;
  /* The French overseas territories use the French format. */
  for (guint i = 0; i < G_N_ELEMENTS (french_territories); i++)
    if (strncmp (french_territories[i], country, 2) == 0)
      return 27;
  return 0;
}

static gboolean
is_forbidden_in_email (gunichar c)
{
  /* Control characters and spaces (CR and LF included) would let an
   * address inject mail headers; the punctuation below is what people
   * paste around or between addresses ("Name <a@b.fr>", "a@b.fr; c@d.fr"). */
  if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
    return TRUE;
  return c < 128 && strchr ("<>()[],;:\\\"", (int) c) != NULL;
}

static void
relance_validation_finalize (GObject *object)
{
  RelanceValidation *self = (RelanceValidation *) object;

  g_clear_pointer (&self->issues, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_validation_parent_class)->finalize (object);
}

static void
relance_validation_class_init (RelanceValidationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_validation_finalize;
}

static void
relance_validation_init (RelanceValidation *self)
{
  self->issues = g_ptr_array_new_with_free_func (issue_free);
}

/**
 * relance_validation_new:
 *
 * Creates an empty list of issues, that the validate functions of the
 * model types fill.
 *
 * Returns: (transfer full): a new #RelanceValidation
 */
RelanceValidation *
relance_validation_new (void)
{
  return g_object_new (RELANCE_TYPE_VALIDATION, NULL);
}

/**
 * relance_validation_add:
 * @self: a #RelanceValidation
 * @severity: blocking (the record cannot be saved) or warning
 * @field: the name of the property at fault, e.g. "siren"
 * @format: a printf() format for the message, already translated
 * @...: the arguments of @format
 *
 * Adds an issue. The message says what is wrong and what to do.
 */
void
relance_validation_add (RelanceValidation *self,
                        RelanceSeverity    severity,
                        const char        *field,
                        const char        *format,
                        ...)
{
  RelanceIssue *issue;
  va_list args;

  g_return_if_fail (RELANCE_IS_VALIDATION (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (format != NULL);

  issue = g_new0 (RelanceIssue, 1);
  issue->severity = severity;
  issue->field = g_strdup (field);
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->issues, issue);
}

/**
 * relance_validation_get_n_issues:
 * @self: a #RelanceValidation
 *
 * Returns: the number of issues, blocking and warnings
 */
guint
relance_validation_get_n_issues (RelanceValidation *self)
{
  g_return_val_if_fail (RELANCE_IS_VALIDATION (self), 0);

  return self->issues->len;
}

/**
 * relance_validation_get_issue:
 * @self: a #RelanceValidation
 * @index: an index below relance_validation_get_n_issues()
 *
 * Returns: (transfer none): the issue, in the order they were added
 */
const RelanceIssue *
relance_validation_get_issue (RelanceValidation *self,
                              guint              index)
{
  g_return_val_if_fail (RELANCE_IS_VALIDATION (self), NULL);
  g_return_val_if_fail (index < self->issues->len, NULL);

  return g_ptr_array_index (self->issues, index);
}

/**
 * relance_validation_has_blocking:
 * @self: a #RelanceValidation
 *
 * Returns: %TRUE when at least one issue is blocking
 */
gboolean
relance_validation_has_blocking (RelanceValidation *self)
{
  g_return_val_if_fail (RELANCE_IS_VALIDATION (self), FALSE);

  for (guint i = 0; i < self->issues->len; i++)
    {
      const RelanceIssue *issue = g_ptr_array_index (self->issues, i);

      if (issue->severity == RELANCE_SEVERITY_BLOCKING)
        return TRUE;
    }
  return FALSE;
}

/**
 * relance_validation_find:
 * @self: a #RelanceValidation
 * @field: a property name
 *
 * Finds the issue about @field, so that a form can mark the entry. When
 * there are several, a blocking one comes before a warning.
 *
 * Returns: (transfer none) (nullable): the issue, or %NULL when @field has
 *   none
 */
const RelanceIssue *
relance_validation_find (RelanceValidation *self,
                         const char        *field)
{
  const RelanceIssue *found = NULL;

  g_return_val_if_fail (RELANCE_IS_VALIDATION (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < self->issues->len; i++)
    {
      const RelanceIssue *issue = g_ptr_array_index (self->issues, i);

      if (strcmp (issue->field, field) != 0)
        continue;
      if (issue->severity == RELANCE_SEVERITY_BLOCKING)
        return issue;
      if (found == NULL)
        found = issue;
    }
  return found;
}

/**
 * relance_validation_to_string:
 * @self: a #RelanceValidation
 *
 * Lists the issues one per line, as "blocking: siren: message", for the
 * command line and logs.
 *
 * Returns: (transfer full): the text, empty when there is no issue
 */
char *
relance_validation_to_string (RelanceValidation *self)
{
  GString *text;

  g_return_val_if_fail (RELANCE_IS_VALIDATION (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->issues->len; i++)
    {
      const RelanceIssue *issue = g_ptr_array_index (self->issues, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s: %s",
                              issue->severity == RELANCE_SEVERITY_BLOCKING
                                ? _("blocking") : _("warning"),
                              issue->field, issue->message);
    }
  return g_string_free (text, FALSE);
}

/**
 * relance_validation_clear:
 * @self: a #RelanceValidation
 *
 * Removes every issue, to validate again.
 */
void
relance_validation_clear (RelanceValidation *self)
{
  g_return_if_fail (RELANCE_IS_VALIDATION (self));

  g_ptr_array_set_size (self->issues, 0);
}

/**
 * relance_normalize_identifier:
 * @text: (nullable): an identifier as people write it: "732 829 320",
 *   "fr76 3000 6000 …", "FR-44.732…"
 *
 * Removes the spaces (no-break and narrow no-break included), dots and
 * dashes that group the characters of an identifier, and upper-cases it.
 *
 * Returns: (transfer full) (nullable): the identifier, %NULL for %NULL
 */
char *
relance_normalize_identifier (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_stripped_character (c))
        g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

/**
 * relance_check_siren:
 * @siren: (nullable): a SIREN, spaces allowed
 *
 * A SIREN is 9 digits, the last of which is a Luhn check digit.
 *
 * Returns: %TRUE when @siren is a valid SIREN
 */
gboolean
relance_check_siren (const char *siren)
{
  g_autofree char *s = relance_normalize_identifier (siren);

  return s != NULL && all_digits (s, 9) && luhn_is_valid (s);
}

/**
 * relance_check_siret:
 * @siret: (nullable): a SIRET, spaces allowed
 *
 * A SIRET is the SIREN followed by a 5-digit establishment number, the
 * whole being a Luhn number; except for La Poste (SIREN 356 000 000),
 * whose SIRETs have a sum of digits that is a multiple of 5.
 *
 * Returns: %TRUE when @siret is a valid SIRET
 */
gboolean
relance_check_siret (const char *siret)
{
  g_autofree char *s = relance_normalize_identifier (siret);

  if (s == NULL || !all_digits (s, 14))
    return FALSE;
  if (luhn_is_valid (s))
    return TRUE;
  return g_str_has_prefix (s, LA_POSTE_SIREN) && digit_sum (s) % 5 == 0;
}

/**
 * relance_check_iban:
 * @iban: (nullable): an IBAN, in any case, spaces allowed
 *
 * Checks the form (country code, two check digits, letters and digits),
 * the length of the country (27 for France; 15 to 34 for a country that
 * Relance does not know) and the ISO 13616 check: the number moved and
 * read with A = 10 … Z = 35 is 1 modulo 97.
 *
 * Returns: %TRUE when @iban is a valid IBAN
 */
gboolean
relance_check_iban (const char *iban)
{
  g_autofree char *s = relance_normalize_identifier (iban);
  guint expected;
  guint remainder = 0;
  gsize n;

  if (s == NULL)
    return FALSE;
  n = strlen (s);
  if (n < 15 || n > 34)
    return FALSE;
  if (!g_ascii_isupper (s[0]) || !g_ascii_isupper (s[1]) ||
      !g_ascii_isdigit (s[2]) || !g_ascii_isdigit (s[3]))
    return FALSE;
  for (gsize i = 4; i < n; i++)
    if (!g_ascii_isdigit (s[i]) && !g_ascii_isupper (s[i]))
      return FALSE;

  expected = iban_expected_length (s);
  if (expected != 0 && n != expected)
    return FALSE;

  /* Read from the fifth character on, then the first four; a letter
   * stands for two digits. The remainder stays below 97, so that
   * remainder × 100 + 35 never overflows. */
  for (gsize k = 0; k < n; k++)
    {
      char c = s[(k + 4) % n];

      if (g_ascii_isdigit (c))
        remainder = (remainder * 10 + (guint) (c - '0')) % 97;
      else
        remainder = (remainder * 100 + (guint) (c - 'A' + 10)) % 97;
    }
  return remainder == 1;
}

/**
 * relance_check_email:
 * @email: (nullable): an e-mail address
 *
 * A pragmatic check, not RFC 5322: one '@', a local part, a domain with a
 * dot between non-empty labels, no space, no control character, and none
 * of the characters that surround or separate addresses in mail headers.
 *
 * Returns: %TRUE when @email looks like a deliverable address
 */
gboolean
relance_check_email (const char *email)
{
  const char *at;
  const char *domain;
  const char *dot;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;

  for (const char *p = email; *p; p = g_utf8_next_char (p))
    if (is_forbidden_in_email (g_utf8_get_char (p)))
      return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  dot = strchr (domain, '.');
  if (dot == NULL)
    return FALSE;
  if (domain[0] == '.' || domain[strlen (domain) - 1] == '.' ||
      strstr (domain, "..") != NULL)
    return FALSE;
  return TRUE;
}

/**
 * relance_check_french_vat:
 * @vat: (nullable): a French VAT number, "FR44732829320", spaces allowed
 * @siren: (nullable): the SIREN it should contain, or %NULL to check the
 *   number alone
 *
 * A French intra-community VAT number is "FR", a two-digit key and the
 * SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97.
 *
 * Returns: %TRUE when @vat is well formed, its key matches the SIREN it
 *   contains, and that SIREN is @siren when given
 */
gboolean
relance_check_french_vat (const char *vat,
                          const char *siren)
{
  g_autofree char *v = relance_normalize_identifier (vat);
  g_autofree char *expected_siren = relance_normalize_identifier (siren);
  guint64 number;
  guint key;

  if (v == NULL || strlen (v) != 13 || !g_str_has_prefix (v, "FR") ||
      !all_digits (v + 2, 11))
    return FALSE;
  if (expected_siren != NULL && strcmp (v + 4, expected_siren) != 0)
    return FALSE;

  number = g_ascii_strtoull (v + 4, NULL, 10);
  key = (guint) ((v[2] - '0') * 10 + (v[3] - '0'));
  return key == (12 + 3 * (number % 97)) % 97;
}

/**
 * relance_format_iban:
 * @iban: an IBAN, with or without spaces
 *
 * Returns: (transfer full): @iban in upper case, in groups of four
 *   characters separated by a space, the way banks print it
 */
char *
relance_format_iban (const char *iban)
{
  GString *out;
  guint n = 0;

  g_return_val_if_fail (iban != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = iban; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (n > 0 && n % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, g_ascii_toupper (*p));
      n++;
    }
  return g_string_free (out, FALSE);
}
