/* test-money.c — parsing, formatting and rounding of amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>

#include "relance-money.h"

#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */

static gint64
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = G_MININT64;

  if (!relance_money_parse_cents (text, &cents, &error))
    fail_msg ("“%s” refused: %s", text, error->message);
  assert_null (error);
  return cents;
}

static void
assert_parse_fails (const char *text,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = 42;

  if (relance_money_parse_cents (text, &cents, &error))
    fail_msg ("“%s” accepted as %" G_GINT64_FORMAT, text, cents);
  assert_non_null (error);
  assert_true (error->domain == RELANCE_MONEY_ERROR);
  assert_int_equal (error->code, code);
  /* A failed parse leaves the output alone. */
  assert_int_equal (cents, 42);
}

static void
assert_formats (gint64      cents,
                const char *currency,
                const char *language,
                const char *expected)
{
  g_autofree char *text = relance_money_format_cents (cents, currency, language);

  assert_string_equal (text, expected);
}

/* Parsing */

static void
test_parse_french_with_space_groups (void **state)
{
  assert_int_equal (parse_ok ("1 234,56"), 123456);
}

static void
test_parse_point_decimal (void **state)
{
  assert_int_equal (parse_ok ("1234.56"), 123456);
}

static void
test_parse_negative_french (void **state)
{
  /* -150,00 € = -15000 cents */
  assert_int_equal (parse_ok ("-150,00"), -15000);
}

static void
test_parse_english_with_comma_groups (void **state)
{
  assert_int_equal (parse_ok ("1,234.56"), 123456);
}

static void
test_parse_french_with_dot_groups (void **state)
{
  assert_int_equal (parse_ok ("1.234,56"), 123456);
}

static void
test_parse_integer_is_whole_euros (void **state)
{
  /* 12 € = 1200 cents */
  assert_int_equal (parse_ok ("12"), 1200);
}

static void
test_parse_one_decimal_is_tens_of_cents (void **state)
{
  /* 0,5 € = 50 cents, not 5 */
  assert_int_equal (parse_ok ("0,5"), 50);
}

static void
test_parse_ignores_euro_sign (void **state)
{
  assert_int_equal (parse_ok ("12 €"), 1200);
  assert_int_equal (parse_ok ("12" NBSP "€"), 1200);
  assert_int_equal (parse_ok ("12 EUR"), 1200);
  assert_int_equal (parse_ok ("€12"), 1200);
}

static void
test_parse_narrow_and_no_break_space_groups (void **state)
{
  assert_int_equal (parse_ok ("1" NNBSP "234,56"), 123456);
  assert_int_equal (parse_ok ("1" NBSP "234,56"), 123456);
  /* 1 234 567,89 € with narrow no-break spaces */
  assert_int_equal (parse_ok ("1" NNBSP "234" NNBSP "567,89"), 123456789);
}

static void
test_parse_reads_its_own_formats (void **state)
{
  /* What relance_money_format_cents() writes, in both languages */
  assert_int_equal (parse_ok ("1" NNBSP "234,56" NBSP "€"), 123456);
  assert_int_equal (parse_ok ("-150,00" NBSP "€"), -15000);
  assert_int_equal (parse_ok ("€1,234.56"), 123456);
  assert_int_equal (parse_ok ("-€1,234.56"), -123456);
}

static void
test_parse_round_trips_format (void **state)
{
  static const gint64 amounts[] = { 0, 5, -5, 99, 100, 123456, -123456,
                                    100000000, 123456789012 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *fr = relance_money_format_cents (amounts[i], "EUR", "fr");
      g_autofree char *en = relance_money_format_cents (amounts[i], "EUR", "en");
      g_autofree char *plain = relance_money_format_plain (amounts[i]);

      assert_int_equal (parse_ok (fr), amounts[i]);
      assert_int_equal (parse_ok (en), amounts[i]);
      assert_int_equal (parse_ok (plain), amounts[i]);
    }
}

static void
test_parse_accounting_parentheses_are_negative (void **state)
{
  assert_int_equal (parse_ok ("(12,50)"), -1250);
}

static void
test_parse_single_mark_before_three_digits_groups_thousands (void **state)
{
  /* "1,234" and "1.234": one thousand two hundred and thirty-four euros */
  assert_int_equal (parse_ok ("1,234"), 123400);
  assert_int_equal (parse_ok ("1.234"), 123400);
  assert_int_equal (parse_ok ("1.234.567"), 123456700);
}

static void
test_parse_apostrophe_groups (void **state)
{
  /* Swiss notation: 1'234.50 */
  assert_int_equal (parse_ok ("1'234.50"), 123450);
}

static void
test_parse_surrounding_spaces_are_ignored (void **state)
{
  assert_int_equal (parse_ok ("  -12,30 "), -1230);
  assert_int_equal (parse_ok ("- 12"), -1200);
}

static void
test_parse_rejects_empty (void **state)
{
  assert_parse_fails ("", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("   ", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails (NULL, RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("€", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("-", RELANCE_MONEY_ERROR_SYNTAX);
}

static void
test_parse_rejects_letters (void **state)
{
  assert_parse_fails ("abc", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("12a", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1e5", RELANCE_MONEY_ERROR_SYNTAX);
}

static void
test_parse_rejects_more_than_two_decimals (void **state)
{
  assert_parse_fails ("1,234,567.891", RELANCE_MONEY_ERROR_PRECISION);
  assert_parse_fails ("12,345.678", RELANCE_MONEY_ERROR_PRECISION);
  assert_parse_fails ("1234,567", RELANCE_MONEY_ERROR_PRECISION);
  /* A leading zero is no thousands group: 0,500 is half a euro to three
   * decimals, not 500 euros. */
  assert_parse_fails ("0,500", RELANCE_MONEY_ERROR_PRECISION);
}

static void
test_parse_rejects_bad_groups (void **state)
{
  assert_parse_fails ("1.2.3,4,5", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1,2,3", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("12 34", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1234 567", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1,234,56", RELANCE_MONEY_ERROR_SYNTAX);
  /* two kinds of separator in the integer part */
  assert_parse_fails ("1 234.567,89", RELANCE_MONEY_ERROR_SYNTAX);
}

static void
test_parse_rejects_two_signs (void **state)
{
  assert_parse_fails ("--5", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("+-5", RELANCE_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("5-", RELANCE_MONEY_ERROR_SYNTAX);
}

static void
test_parse_rejects_overflow (void **state)
{
  assert_parse_fails ("99999999999999999999", RELANCE_MONEY_ERROR_OVERFLOW);
}

/* Formatting */

static void
test_format_french_groups_with_narrow_space (void **state)
{
  assert_formats (123456, "EUR", "fr", "1" NNBSP "234,56" NBSP "€");
}

static void
test_format_french_negative (void **state)
{
  assert_formats (-15000, "EUR", "fr", "-150,00" NBSP "€");
}

static void
test_format_french_small_amounts_keep_two_decimals (void **state)
{
  assert_formats (0, "EUR", "fr", "0,00" NBSP "€");
  assert_formats (5, "EUR", "fr", "0,05" NBSP "€");
  assert_formats (-5, "EUR", "fr", "-0,05" NBSP "€");
}

static void
test_format_french_millions (void **state)
{
  /* 11 478 355 cents = 114 783,55 € (seed 001's global amount) */
  assert_formats (11478355, "EUR", "fr", "114" NNBSP "783,55" NBSP "€");
  assert_formats (123456789, "EUR", "fr", "1" NNBSP "234" NNBSP "567,89" NBSP "€");
}

static void
test_format_english_symbol_first (void **state)
{
  assert_formats (123456, "EUR", "en", "€1,234.56");
  assert_formats (-123456, "EUR", "en", "-€1,234.56");
}

static void
test_format_without_currency (void **state)
{
  assert_formats (123456, NULL, "fr", "1" NNBSP "234,56");
  assert_formats (123456, NULL, "en", "1,234.56");
}

static void
test_format_unknown_currency_shows_code (void **state)
{
  assert_formats (123456, "SEK", "fr", "1" NNBSP "234,56" NBSP "SEK");
  assert_formats (123456, "SEK", "en", "SEK 1,234.56");
}

static void
test_format_plain_for_files (void **state)
{
  g_autofree char *a = relance_money_format_plain (-123456);
  g_autofree char *b = relance_money_format_plain (5);
  g_autofree char *c = relance_money_format_plain (G_MININT64);

  assert_string_equal (a, "-1234.56");
  assert_string_equal (b, "0.05");
  /* G_MININT64 = -9223372036854775808 cents, whose opposite does not fit
   * in a gint64 */
  assert_string_equal (c, "-92233720368547758.08");
}

/* Rounding */

static void
test_div_round_half_away_from_zero (void **state)
{
  assert_int_equal (relance_money_div_round (5, 2), 3);    /* 2.5 → 3 */
  assert_int_equal (relance_money_div_round (-5, 2), -3);  /* -2.5 → -3 */
  assert_int_equal (relance_money_div_round (4, 3), 1);    /* 1.33 → 1 */
  assert_int_equal (relance_money_div_round (-7, 2), -4);  /* -3.5 → -4 */
  assert_int_equal (relance_money_div_round (2, 3), 1);    /* 0.67 → 1 */
  assert_int_equal (relance_money_div_round (1, 3), 0);    /* 0.33 → 0 */
  assert_int_equal (relance_money_div_round (-1, 3), 0);   /* -0.33 → 0 */
}

static void
test_div_round_negative_denominator (void **state)
{
  assert_int_equal (relance_money_div_round (5, -2), -3);  /* -2.5 → -3 */
  assert_int_equal (relance_money_div_round (-5, -2), 3);  /* 2.5 → 3 */
}

static void
test_div_round_large_values (void **state)
{
  /* (2^63 − 2) / (2^63 − 1) is just below 1: rounds to 1. 2 × remainder
   * overflows 64 bits here. */
  assert_int_equal (relance_money_div_round (G_MAXINT64 - 1, G_MAXINT64), 1);
  assert_int_equal (relance_money_div_round (G_MININT64, 1), G_MININT64);
  /* G_MININT64 / 2 = -4611686018427387904 exactly */
  assert_int_equal (relance_money_div_round (G_MININT64, 2), G_GINT64_CONSTANT (-4611686018427387904));
}

static void
test_mul_div_round_interest (void **state)
{
  /* 1 000,00 € at 14.50 % for 30 days:
   * 100000 × (1450 × 30) / (10000 × 365) = 4 350 000 000 / 3 650 000
   * = 1191.78 → 1192 cents */
  assert_int_equal (relance_money_mul_div_round (100000, 1450 * 30, 10000 * 365), 1192);
  assert_int_equal (relance_money_mul_div_round (-100000, 1450 * 30, 10000 * 365), -1192);
}

static void
test_mul_div_round_large_values_do_not_overflow (void **state)
{
  /* 9 × 10^18 × 3 / 4 = 6.75 × 10^18: the product 2.7 × 10^19 exceeds
   * 2^63 ≈ 9.22 × 10^18 */
  assert_int_equal (relance_money_mul_div_round (G_GINT64_CONSTANT (9000000000000000000), 3, 4),
                    G_GINT64_CONSTANT (6750000000000000000));
  /* (2^63 − 1)² / (2^63 − 1) = 2^63 − 1 */
  assert_int_equal (relance_money_mul_div_round (G_MAXINT64, G_MAXINT64, G_MAXINT64), G_MAXINT64);
  /* (10^18 + 1) × 10 / 20 = 5 × 10^17 + 0.5 → 5 × 10^17 + 1, either sign */
  assert_int_equal (relance_money_mul_div_round (G_GINT64_CONSTANT (1000000000000000001), 10, 20),
                    G_GINT64_CONSTANT (500000000000000001));
  assert_int_equal (relance_money_mul_div_round (G_GINT64_CONSTANT (-1000000000000000001), 10, 20),
                    G_GINT64_CONSTANT (-500000000000000001));
}

/* Values */

static void
test_currency_code_is_three_capitals (void **state)
{
  assert_true (relance_currency_is_valid ("EUR"));
  assert_true (relance_currency_is_valid ("CHF"));
  assert_false (relance_currency_is_valid ("eur"));
  assert_false (relance_currency_is_valid ("EURO"));
  assert_false (relance_currency_is_valid ("E1R"));
  assert_false (relance_currency_is_valid (""));
  assert_false (relance_currency_is_valid (NULL));
}

static void
test_money_init_defaults_to_euro (void **state)
{
  RelanceMoney a = relance_money_init (100, NULL);
  RelanceMoney b = relance_money_init (100, "USD");
  RelanceMoney c = relance_money_init (100, "bad");

  assert_string_equal (a.currency, "EUR");
  assert_string_equal (b.currency, "USD");
  assert_string_equal (c.currency, "EUR");
  assert_false (relance_money_same_currency (&a, &b));
  assert_true (relance_money_same_currency (&a, &c));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_parse_french_with_space_groups),
    cmocka_unit_test (test_parse_point_decimal),
    cmocka_unit_test (test_parse_negative_french),
    cmocka_unit_test (test_parse_english_with_comma_groups),
    cmocka_unit_test (test_parse_french_with_dot_groups),
    cmocka_unit_test (test_parse_integer_is_whole_euros),
    cmocka_unit_test (test_parse_one_decimal_is_tens_of_cents),
    cmocka_unit_test (test_parse_ignores_euro_sign),
    cmocka_unit_test (test_parse_narrow_and_no_break_space_groups),
    cmocka_unit_test (test_parse_reads_its_own_formats),
    cmocka_unit_test (test_parse_round_trips_format),
    cmocka_unit_test (test_parse_accounting_parentheses_are_negative),
    cmocka_unit_test (test_parse_single_mark_before_three_digits_groups_thousands),
    cmocka_unit_test (test_parse_apostrophe_groups),
    cmocka_unit_test (test_parse_surrounding_spaces_are_ignored),
    cmocka_unit_test (test_parse_rejects_empty),
    cmocka_unit_test (test_parse_rejects_letters),
    cmocka_unit_test (test_parse_rejects_more_than_two_decimals),
    cmocka_unit_test (test_parse_rejects_bad_groups),
    cmocka_unit_test (test_parse_rejects_two_signs),
    cmocka_unit_test (test_parse_rejects_overflow),
    cmocka_unit_test (test_format_french_groups_with_narrow_space),
    cmocka_unit_test (test_format_french_negative),
    cmocka_unit_test (test_format_french_small_amounts_keep_two_decimals),
    cmocka_unit_test (test_format_french_millions),
    cmocka_unit_test (test_format_english_symbol_first),
    cmocka_unit_test (test_format_without_currency),
    cmocka_unit_test (test_format_unknown_currency_shows_code),
    cmocka_unit_test (test_format_plain_for_files),
    cmocka_unit_test (test_div_round_half_away_from_zero),
    cmocka_unit_test (test_div_round_negative_denominator),
    cmocka_unit_test (test_div_round_large_values),
    cmocka_unit_test (test_mul_div_round_interest),
    cmocka_unit_test (test_mul_div_round_large_values_do_not_overflow),
    cmocka_unit_test (test_currency_code_is_three_capitals),
    cmocka_unit_test (test_money_init_defaults_to_euro),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
