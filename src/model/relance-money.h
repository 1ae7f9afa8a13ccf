/* relance-money.h — amounts as integer cents with an ISO 4217 currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RELANCE_MONEY_ERROR (relance_money_error_quark ())

typedef enum
{
  RELANCE_MONEY_ERROR_SYNTAX,
  RELANCE_MONEY_ERROR_OVERFLOW,
  RELANCE_MONEY_ERROR_PRECISION,
} RelanceMoneyError;

/**
 * RelanceMoney:
 * @cents: the amount in the currency's minor unit (cents)
 * @currency: the ISO 4217 code, three upper-case letters and a NUL
 *
 * A plain value: copy it, compare it, never add two of different currencies.
 */
typedef struct
{
  gint64 cents;
  char   currency[4];
} RelanceMoney;

#define RELANCE_DEFAULT_CURRENCY "EUR"

GQuark       relance_money_error_quark       (void);

RelanceMoney relance_money_init              (gint64        cents,
                                              const char   *currency);
gboolean     relance_money_same_currency     (const RelanceMoney *a,
                                              const RelanceMoney *b);
gboolean     relance_currency_is_valid       (const char   *code);

gboolean     relance_money_parse_cents       (const char   *text,
                                              gint64       *cents,
                                              GError      **error);
char        *relance_money_format_cents      (gint64        cents,
                                              const char   *currency,
                                              const char   *language);
char        *relance_money_format            (const RelanceMoney *money,
                                              const char   *language);
char        *relance_money_format_plain      (gint64        cents);
const char  *relance_money_current_language  (void);

gint64       relance_money_div_round         (gint64        numerator,
                                              gint64        denominator);
gint64       relance_money_mul_div_round     (gint64        amount,
                                              gint64        multiplier,
                                              gint64        divisor);

G_END_DECLS
