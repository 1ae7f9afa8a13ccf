/* test-date.c — calendar dates without time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>

#include "relance-date.h"

static RelanceDate
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  RelanceDate date = RELANCE_DATE_NONE;

  if (!relance_date_parse (text, &date, &error))
    fail_msg ("“%s” refused: %s", text, error->message);
  return date;
}

static void
assert_parse_fails (const char *text,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  RelanceDate date = RELANCE_DATE_NONE;

  if (relance_date_parse (text, &date, &error))
    fail_msg ("“%s” accepted", text);
  assert_non_null (error);
  assert_true (error->domain == RELANCE_DATE_ERROR);
  assert_int_equal (error->code, code);
}

static void
assert_iso (RelanceDate  date,
            const char  *expected)
{
  g_autofree char *iso = relance_date_to_iso (date);

  assert_string_equal (iso, expected);
}

static void
test_date_is_julian_day_number (void **state)
{
  /* Day 1 is 1 January of year 1; 1 January 2026 is day 739 617 (the
   * proleptic Gregorian ordinal) */
  assert_int_equal (relance_date_new (1, 1, 1), 1);
  assert_int_equal (relance_date_new (2026, 1, 1), 739617);
}

static void
test_date_difference_is_days (void **state)
{
  /* 1 March 2026 − 1 January 2026 = 31 (January) + 28 (February) = 59 */
  assert_int_equal (relance_date_new (2026, 3, 1) - relance_date_new (2026, 1, 1), 59);
}

static void
test_new_rejects_impossible_days (void **state)
{
  assert_int_equal (relance_date_new (2026, 2, 29), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_new (2026, 13, 1), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_new (2026, 0, 1), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_new (0, 1, 1), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_new (10000, 1, 1), RELANCE_DATE_NONE);
  /* 257 = 256 + 1 would read as day 1 in an 8-bit GDateDay */
  assert_int_equal (relance_date_new (2026, 1, 257), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_new (2026, 1, 32), RELANCE_DATE_NONE);
}

static void
test_parse_iso (void **state)
{
  assert_int_equal (parse_ok ("2026-11-23"), relance_date_new (2026, 11, 23));
}

static void
test_parse_french (void **state)
{
  assert_int_equal (parse_ok ("23/11/2026"), relance_date_new (2026, 11, 23));
  assert_int_equal (parse_ok ("01/03/2026"), relance_date_new (2026, 3, 1));
}

static void
test_parse_french_with_one_digit_day_and_month (void **state)
{
  assert_int_equal (parse_ok ("1/3/2026"), relance_date_new (2026, 3, 1));
}

static void
test_parse_ignores_surrounding_spaces (void **state)
{
  assert_int_equal (parse_ok ("  2026-11-23 "), relance_date_new (2026, 11, 23));
}

static void
test_parse_rejects_30_february (void **state)
{
  assert_parse_fails ("2026-02-30", RELANCE_DATE_ERROR_INVALID);
  assert_parse_fails ("30/02/2026", RELANCE_DATE_ERROR_INVALID);
  /* 2026 is not a leap year, 2024 is */
  assert_parse_fails ("2026-02-29", RELANCE_DATE_ERROR_INVALID);
  assert_int_equal (parse_ok ("2024-02-29"), relance_date_new (2024, 2, 29));
}

static void
test_parse_rejects_other_forms (void **state)
{
  assert_parse_fails ("", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails (NULL, RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("23.11.2026", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("2026/11/23", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("23/11/26", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("2026-1-5", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("2026-11-23T10:00", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("+202-01-01", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("2026- 1-01", RELANCE_DATE_ERROR_SYNTAX);
  assert_parse_fails ("tomorrow", RELANCE_DATE_ERROR_SYNTAX);
}

static void
test_format_french_and_iso (void **state)
{
  RelanceDate date = relance_date_new (2026, 3, 1);
  g_autofree char *fr = relance_date_format (date, "fr");
  g_autofree char *en = relance_date_format (date, "en");
  g_autofree char *none = relance_date_format (RELANCE_DATE_NONE, "fr");

  assert_string_equal (fr, "01/03/2026");
  assert_string_equal (en, "2026-03-01");
  assert_string_equal (none, "");
  assert_iso (date, "2026-03-01");
  assert_iso (RELANCE_DATE_NONE, "");
}

static void
test_format_long_french_first_of_month (void **state)
{
  g_autofree char *text = relance_date_format_long (relance_date_new (2026, 3, 1), "fr");

  assert_string_equal (text, "1er mars 2026");
}

static void
test_format_long_french (void **state)
{
  g_autofree char *november = relance_date_format_long (relance_date_new (2026, 11, 23), "fr");
  g_autofree char *august = relance_date_format_long (relance_date_new (2026, 8, 2), "fr");

  assert_string_equal (november, "23 novembre 2026");
  assert_string_equal (august, "2 août 2026");
}

static void
test_format_long_english (void **state)
{
  g_autofree char *text = relance_date_format_long (relance_date_new (2026, 3, 1), "en");

  assert_string_equal (text, "1 March 2026");
}

static void
test_add_month_to_31_january_gives_end_of_february (void **state)
{
  assert_iso (relance_date_add_months (relance_date_new (2026, 1, 31), 1), "2026-02-28");
  assert_iso (relance_date_add_months (relance_date_new (2024, 1, 31), 1), "2024-02-29");
}

static void
test_add_months_across_years (void **state)
{
  assert_iso (relance_date_add_months (relance_date_new (2026, 12, 15), 1), "2027-01-15");
  assert_iso (relance_date_add_months (relance_date_new (2026, 1, 15), -1), "2025-12-15");
  /* 31 March − 1 month: 28 February */
  assert_iso (relance_date_add_months (relance_date_new (2026, 3, 31), -1), "2026-02-28");
  /* 24 months back, as the DSO count-back does */
  assert_iso (relance_date_add_months (relance_date_new (2026, 11, 1), -24), "2024-11-01");
}

static void
test_add_months_beyond_calendar_is_no_date (void **state)
{
  assert_int_equal (relance_date_add_months (relance_date_new (1, 1, 1), -1), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_add_months (relance_date_new (9999, 12, 1), 1), RELANCE_DATE_NONE);
  assert_int_equal (relance_date_add_months (relance_date_new (2026, 1, 1), G_MAXINT), RELANCE_DATE_NONE);
}

static void
test_first_of_month (void **state)
{
  assert_iso (relance_date_first_of_month (relance_date_new (2026, 11, 23)), "2026-11-01");
  assert_iso (relance_date_first_of_month (relance_date_new (2026, 11, 1)), "2026-11-01");
}

static void
test_days_in_month (void **state)
{
  assert_int_equal (relance_date_days_in_month (relance_date_new (2026, 2, 10)), 28);
  assert_int_equal (relance_date_days_in_month (relance_date_new (2024, 2, 10)), 29);
  /* 1900 is divisible by 100 but not 400: not a leap year; 2000 is */
  assert_int_equal (relance_date_days_in_month (relance_date_new (1900, 2, 1)), 28);
  assert_int_equal (relance_date_days_in_month (relance_date_new (2000, 2, 1)), 29);
  assert_int_equal (relance_date_days_in_month (relance_date_new (2026, 4, 30)), 30);
  assert_int_equal (relance_date_days_in_month (relance_date_new (2026, 12, 31)), 31);
}

static void
test_get_ymd (void **state)
{
  int y, m, d;

  relance_date_get_ymd (relance_date_new (2026, 11, 23), &y, &m, &d);
  assert_int_equal (y, 2026);
  assert_int_equal (m, 11);
  assert_int_equal (d, 23);
}

static void
test_today_is_a_date (void **state)
{
  assert_true (relance_date_today () > relance_date_new (2020, 1, 1));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_date_is_julian_day_number),
    cmocka_unit_test (test_date_difference_is_days),
    cmocka_unit_test (test_new_rejects_impossible_days),
    cmocka_unit_test (test_parse_iso),
    cmocka_unit_test (test_parse_french),
    cmocka_unit_test (test_parse_french_with_one_digit_day_and_month),
    cmocka_unit_test (test_parse_ignores_surrounding_spaces),
    cmocka_unit_test (test_parse_rejects_30_february),
    cmocka_unit_test (test_parse_rejects_other_forms),
    cmocka_unit_test (test_format_french_and_iso),
    cmocka_unit_test (test_format_long_french_first_of_month),
    cmocka_unit_test (test_format_long_french),
    cmocka_unit_test (test_format_long_english),
    cmocka_unit_test (test_add_month_to_31_january_gives_end_of_february),
    cmocka_unit_test (test_add_months_across_years),
    cmocka_unit_test (test_add_months_beyond_calendar_is_no_date),
    cmocka_unit_test (test_first_of_month),
    cmocka_unit_test (test_days_in_month),
    cmocka_unit_test (test_get_ymd),
    cmocka_unit_test (test_today_is_a_date),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
