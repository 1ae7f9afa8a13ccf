/* relance-money.c — amounts as integer cents with an ISO 4217 currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "relance-money.h"

G_DEFINE_QUARK (relance-money-error-quark, relance_money_error)

/* U+202F NARROW NO-BREAK SPACE groups thousands in French, and U+00A0
 * NO-BREAK SPACE stands before the currency symbol, so that an amount is
 * never broken across lines in a letter. */
#define NNBSP "\xe2\x80\xaf"
#define NBSP  "\xc2\xa0"

/* What separates groups of thousands. Spaces of all kinds are one kind,
 * since people mix them without meaning anything by it. */
typedef enum
{
  SEPARATOR_NONE,
  SEPARATOR_SPACE,
  SEPARATOR_DOT,
  SEPARATOR_COMMA,
  SEPARATOR_APOSTROPHE,
} SeparatorKind;

static SeparatorKind
separator_at (const char *p,
              gsize      *len)
{
  *len = 1;
  switch (*p)
    {
    case ' ':
      return SEPARATOR_SPACE;
    case '.':
      return SEPARATOR_DOT;
    case ',':
      return SEPARATOR_COMMA;
    case '\'':
      return SEPARATOR_APOSTROPHE;
    default:
      break;
    }
  if (strncmp (p, NNBSP, 3) == 0)
    {
      *len = 3;
      return SEPARATOR_SPACE;
    }
  if (strncmp (p, NBSP, 2) == 0)
    {
      *len = 2;
      return SEPARATOR_SPACE;
    }
  *len = 0;
  return SEPARATOR_NONE;
}

/* Removes ASCII spaces, no-break spaces and narrow no-break spaces at both
 * ends, in place. */
static char *
strip_spaces (char *s)
{
  char *start = s;
  gsize len;
  gsize sep_len;

  while (separator_at (start, &sep_len) == SEPARATOR_SPACE || *start == '\t')
    start += sep_len ? sep_len : 1;
  memmove (s, start, strlen (start) + 1);

  len = strlen (s);
  for (;;)
    {
      if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len -= 1;
      else if (len >= 2 && strncmp (s + len - 2, NBSP, 2) == 0)
        len -= 2;
      else if (len >= 3 && strncmp (s + len - 3, NNBSP, 3) == 0)
        len -= 3;
      else
        break;
    }
  s[len] = '\0';
  return s;
}

/* Removes a currency sign or code at the start or the end. */
static void
strip_currency (char *s)
{
  static const char * const signs[] = { "€", "EUR" };
  gsize len = strlen (s);

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      gsize n = strlen (signs[i]);

      if (len >= n && strcmp (s + len - n, signs[i]) == 0)
        {
          s[len - n] = '\0';
          strip_spaces (s);
          return;
        }
      if (g_str_has_prefix (s, signs[i]))
        {
          memmove (s, s + n, len - n + 1);
          strip_spaces (s);
          return;
        }
    }
}

/* Finds the decimal mark of the number at p, or NULL when it has none.
 * With both '.' and ',' the last one is the decimal mark ("1,234.56",
 * "1.234,56"). With one of them once, it is the decimal mark unless it is
 * followed by exactly three digits after a group of one to three digits
 * that does not start with 0: "1,234" is a thousand, "0,500" a half. With
 * one of them several times, they group thousands ("1.234.567"). */
static const char *
find_decimal_mark (const char *p)
{
  const char *last = NULL;
  int count = 0;
  gboolean both = strchr (p, '.') != NULL && strchr (p, ',') != NULL;
  int after = 0;
  int before = 0;
  const char *first;

  for (const char *q = p; *q; q++)
    if (*q == '.' || *q == ',')
      {
        last = q;
        count++;
      }
  if (last == NULL)
    return NULL;
  if (both)
    return last;
  if (count > 1)
    return NULL;

  for (const char *r = last + 1; g_ascii_isdigit (*r); r++)
    after++;
  first = last;
  while (first > p && g_ascii_isdigit (first[-1]))
    {
      first--;
      before++;
    }
  if (after == 3 && last[4] == '\0' && before >= 1 && before <= 3 && *first != '0')
    return NULL;
  return last;
}

static const char *
currency_symbol (const char *currency)
{
  if (g_strcmp0 (currency, "EUR") == 0)
    return "€";
  if (g_strcmp0 (currency, "USD") == 0)
    return "$";
  if (g_strcmp0 (currency, "GBP") == 0)
    return "£";
  if (g_strcmp0 (currency, "CHF") == 0)
    return "CHF";
  return NULL;
}

/**
 * relance_money_init:
 * @cents: the amount in cents
 * @currency: (nullable): an ISO 4217 code, %NULL for the default (EUR)
 *
 * Returns: a #RelanceMoney
 */
RelanceMoney
relance_money_init (gint64      cents,
                    const char *currency)
{
  RelanceMoney m = { cents, "EUR" };

  if (currency != NULL && relance_currency_is_valid (currency))
    memcpy (m.currency, currency, 4);
  return m;
}

gboolean
relance_money_same_currency (const RelanceMoney *a,
                             const RelanceMoney *b)
{
  return strcmp (a->currency, b->currency) == 0;
}

/**
 * relance_currency_is_valid:
 * @code: (nullable): a currency code
 *
 * Returns: %TRUE when @code is three upper-case ASCII letters
 */
gboolean
relance_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (code[i] < 'A' || code[i] > 'Z')
      return FALSE;
  return TRUE;
}

/**
 * relance_money_parse_cents:
 * @text: an amount as people write it: "1 234,56", "1234.56", "-150,00",
 *   "1,234.56", "1.234,56", "12 €", "(12,50)"
 * @cents: (out): the amount in cents
 * @error: a #GError
 *
 * The decimal mark is '.' or ',' (see find_decimal_mark()). Thousands are
 * grouped by spaces (no-break and narrow no-break included), by the other
 * mark or by an apostrophe, always the same one, in groups of three
 * digits: "1,2,3" or "12 34" are refused, as they are more likely two
 * numbers or a typing error than an amount. A euro sign or "EUR" before
 * or after is ignored; a leading minus sign or parentheses make the amount
 * negative. More than two decimals is refused rather than rounded: an
 * imported amount is never silently changed.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_money_parse_cents (const char  *text,
                           gint64      *cents,
                           GError     **error)
{
  const char *p;
  const char *decimal_mark;
  gboolean negative = FALSE;
  gint64 units = 0;
  gint64 fraction = 0;
  int nfrac = 0;
  gboolean any_digit = FALSE;
  SeparatorKind group_kind = SEPARATOR_NONE;
  int group_len = 0;
  int ngroups = 0;
  g_autofree char *s = NULL;
  gsize len;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL)
    text = "";
  s = strip_spaces (g_strdup (text));

  len = strlen (s);
  if (len >= 2 && s[0] == '(' && s[len - 1] == ')')
    {
      /* accounting notation for a negative amount */
      negative = TRUE;
      s[len - 1] = '\0';
      memmove (s, s + 1, len - 1);
      strip_spaces (s);
    }
  else if (s[0] == '-' || s[0] == '+')
    {
      negative = (s[0] == '-');
      memmove (s, s + 1, len);
      strip_spaces (s);
    }
  strip_currency (s);

  p = s;
  decimal_mark = find_decimal_mark (p);

  for (; *p && p != decimal_mark; )
    {
      gsize sep_len;
      SeparatorKind kind;

      if (g_ascii_isdigit (*p))
        {
          if (units > (G_MAXINT64 / 100 - 9) / 10)
            {
              g_set_error (error, RELANCE_MONEY_ERROR, RELANCE_MONEY_ERROR_OVERFLOW,
                           _("“%s” is too large an amount"), text);
              return FALSE;
            }
          units = units * 10 + (*p - '0');
          any_digit = TRUE;
          group_len++;
          p++;
          continue;
        }

      kind = separator_at (p, &sep_len);
      if (kind == SEPARATOR_NONE)
        goto syntax;
      /* A separator closes a group: the first of one to three digits, the
       * others of three, all separated by the same kind. */
      if (group_len == 0 || (ngroups == 0 && group_len > 3) ||
          (ngroups > 0 && group_len != 3) ||
          (group_kind != SEPARATOR_NONE && kind != group_kind))
        goto syntax;
      group_kind = kind;
      ngroups++;
      group_len = 0;
      p += sep_len;
    }

  if (ngroups > 0 && group_len != 3)
    goto syntax;

  if (p == decimal_mark)
    {
      for (p++; *p; p++)
        {
          if (!g_ascii_isdigit (*p))
            goto syntax;
          if (nfrac == 2)
            {
              g_set_error (error, RELANCE_MONEY_ERROR, RELANCE_MONEY_ERROR_PRECISION,
                           _("“%s” has more than two decimals: round it to the cent"),
                           text);
              return FALSE;
            }
          fraction = fraction * 10 + (*p - '0');
          nfrac++;
          any_digit = TRUE;
        }
    }

  if (!any_digit)
    goto syntax;

  if (nfrac == 1)
    fraction *= 10;
  *cents = units * 100 + fraction;
  if (negative)
    *cents = -*cents;
  return TRUE;

syntax:
  g_set_error (error, RELANCE_MONEY_ERROR, RELANCE_MONEY_ERROR_SYNTAX,
               _("“%s” is not an amount (expected a number such as 1 234,56 or 1234.56)"),
               text);
  return FALSE;
}

static char *
group_digits (guint64     value,
              const char *separator)
{
  g_autofree char *raw = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (raw);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, raw[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * relance_money_current_language:
 *
 * Returns: "fr" when the messages locale is French, else "en"
 */
const char *
relance_money_current_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "fr"))
        return "fr";
      if (g_str_has_prefix (names[i], "en") || strcmp (names[i], "C") == 0)
        return "en";
    }
  return "en";
}

/**
 * relance_money_format_cents:
 * @cents: an amount
 * @currency: (nullable): ISO 4217 code; %NULL prints no currency
 * @language: (nullable): "fr" or "en"; %NULL for the current locale
 *
 * French: "1 234,56 €" (narrow no-break space between thousands, no-break
 * space before the symbol, minus sign in front); English: "€1,234.56".
 *
 * Returns: (transfer full): the formatted amount
 */
char *
relance_money_format_cents (gint64      cents,
                            const char *currency,
                            const char *language)
{
  gboolean negative = cents < 0;
  guint64 abs_cents = negative ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  gboolean french;
  g_autofree char *units = NULL;
  const char *symbol;

  if (language == NULL)
    language = relance_money_current_language ();
  french = g_str_has_prefix (language, "fr");
  units = group_digits (abs_cents / 100, french ? NNBSP : ",");
  symbol = currency_symbol (currency);

  if (french)
    return g_strdup_printf ("%s%s,%02u%s%s",
                            negative ? "-" : "", units, (guint) (abs_cents % 100),
                            currency ? NBSP : "",
                            currency ? (symbol ? symbol : currency) : "");
  if (currency == NULL)
    return g_strdup_printf ("%s%s.%02u", negative ? "-" : "", units, (guint) (abs_cents % 100));
  if (symbol != NULL && g_utf8_strlen (symbol, -1) == 1)
    return g_strdup_printf ("%s%s%s.%02u", negative ? "-" : "", symbol, units,
                            (guint) (abs_cents % 100));
  return g_strdup_printf ("%s%s %s.%02u", negative ? "-" : "", currency, units,
                          (guint) (abs_cents % 100));
}

char *
relance_money_format (const RelanceMoney *money,
                      const char         *language)
{
  return relance_money_format_cents (money->cents, money->currency, language);
}

/**
 * relance_money_format_plain:
 * @cents: an amount
 *
 * Returns: the amount with a point and no grouping, "-1234.56", for files
 *   read by programs
 */
char *
relance_money_format_plain (gint64 cents)
{
  gboolean negative = cents < 0;
  guint64 abs_cents = negative ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", negative ? "-" : "",
                          abs_cents / 100, (guint) (abs_cents % 100));
}

/**
 * relance_money_div_round:
 * @numerator: any value
 * @denominator: a non-zero value
 *
 * Integer division rounded half away from zero, the rule for computed
 * amounts (DOMAIN.md).
 *
 * Returns: the rounded quotient
 */
gint64
relance_money_div_round (gint64 numerator,
                         gint64 denominator)
{
  g_return_val_if_fail (denominator != 0, 0);

  /* In 128 bits, so that neither 2 × remainder nor the negation of
   * G_MININT64 overflows. */
  return relance_money_mul_div_round (numerator, 1, denominator);
}

/**
 * relance_money_mul_div_round:
 * @amount: an amount in cents
 * @multiplier: a multiplier
 * @divisor: a non-zero divisor
 *
 * amount × multiplier / divisor, rounded half away from zero, with a 128-bit
 * intermediate so that no product overflows.
 *
 * Returns: the rounded result
 */
gint64
relance_money_mul_div_round (gint64 amount,
                             gint64 multiplier,
                             gint64 divisor)
{
  __int128 num = (__int128) amount * multiplier;
  __int128 den = divisor;
  __int128 q, r;

  g_return_val_if_fail (divisor != 0, 0);

  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  q = num / den;
  r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += (num < 0) ? -1 : 1;
  /* A result that does not fit is a caller's error, never an amount. */
  g_return_val_if_fail (q >= G_MININT64 && q <= G_MAXINT64, 0);
  return (gint64) q;
}
