/* relance-date.c — calendar dates without time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "relance-date.h"

G_DEFINE_QUARK (relance-date-error-quark, relance_date_error)

static const char * const french_months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
  "août", "septembre", "octobre", "novembre", "décembre",
};

static const char * const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/**
 * relance_date_new:
 * @year: the year, 1 to 9999
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Returns: the date, or %RELANCE_DATE_NONE when the triple is not a date
 */
RelanceDate
relance_date_new (int year,
                  int month,
                  int day)
{
  GDate d;

  /* Range-check before g_date_valid_dmy(), whose GDateDay is 8 bits: day
   * 257 would pass as day 1. */
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return RELANCE_DATE_NONE;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return (RelanceDate) g_date_get_julian (&d);
}

RelanceDate
relance_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return relance_date_new (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

/* Reads between min_digits and max_digits ASCII digits, and nothing else:
 * sscanf's %d would also take a sign or leading spaces. */
static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      *value = *value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *p += n;
  return TRUE;
}

static gboolean
parse_iso (const char *s,
           int        *y,
           int        *m,
           int        *d)
{
  return read_number (&s, 4, 4, y) && *s++ == '-' &&
         read_number (&s, 2, 2, m) && *s++ == '-' &&
         read_number (&s, 2, 2, d) && *s == '\0';
}

static gboolean
parse_french (const char *s,
              int        *y,
              int        *m,
              int        *d)
{
  return read_number (&s, 1, 2, d) && *s++ == '/' &&
         read_number (&s, 1, 2, m) && *s++ == '/' &&
         read_number (&s, 4, 4, y) && *s == '\0';
}

/**
 * relance_date_parse:
 * @text: "YYYY-MM-DD" or "DD/MM/YYYY" (day and month may have one digit,
 *   "1/3/2026", as spreadsheets write them)
 * @date: (out): the date
 * @error: a #GError
 *
 * Returns: %TRUE when @text is a real calendar date in one of both forms
 */
gboolean
relance_date_parse (const char  *text,
                    RelanceDate *date,
                    GError     **error)
{
  int y = 0, m = 0, d = 0;
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));

  g_return_val_if_fail (date != NULL, FALSE);

  if (!parse_iso (s, &y, &m, &d) && !parse_french (s, &y, &m, &d))
    {
      g_set_error (error, RELANCE_DATE_ERROR, RELANCE_DATE_ERROR_SYNTAX,
                   _("“%s” is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"), s);
      return FALSE;
    }

  *date = relance_date_new (y, m, d);
  if (*date == RELANCE_DATE_NONE)
    {
      g_set_error (error, RELANCE_DATE_ERROR, RELANCE_DATE_ERROR_INVALID,
                   _("“%s” is not a day of the calendar"), s);
      return FALSE;
    }
  return TRUE;
}

void
relance_date_get_ymd (RelanceDate date,
                      int        *year,
                      int        *month,
                      int        *day)
{
  GDate d;

  /* Defined outputs even on a programmer error. */
  if (year)
    *year = 0;
  if (month)
    *month = 0;
  if (day)
    *day = 0;
  g_return_if_fail (date > 0);

  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32) date);
  if (year)
    *year = g_date_get_year (&d);
  if (month)
    *month = g_date_get_month (&d);
  if (day)
    *day = g_date_get_day (&d);
}

/**
 * relance_date_to_iso:
 * @date: a date
 *
 * Returns: "YYYY-MM-DD", or an empty string for no date
 */
char *
relance_date_to_iso (RelanceDate date)
{
  int y, m, d;

  if (date <= 0)
    return g_strdup ("");
  relance_date_get_ymd (date, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * relance_date_format:
 * @date: a date
 * @language: (nullable): "fr", "en" or %NULL for ISO
 *
 * Returns: "23/11/2026" in French, "2026-11-23" otherwise
 */
char *
relance_date_format (RelanceDate date,
                     const char *language)
{
  int y, m, d;

  if (date <= 0)
    return g_strdup ("");
  relance_date_get_ymd (date, &y, &m, &d);
  if (language != NULL && g_str_has_prefix (language, "fr"))
    return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * relance_date_format_long:
 * @date: a date
 * @language: (nullable): "fr" or "en"
 *
 * Returns: "23 novembre 2026" or "23 November 2026"
 */
char *
relance_date_format_long (RelanceDate date,
                          const char *language)
{
  int y, m, d;
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");

  if (date <= 0)
    return g_strdup ("");
  relance_date_get_ymd (date, &y, &m, &d);
  if (french)
    return g_strdup_printf ("%d%s %s %d", d, d == 1 ? "er" : "", french_months[m - 1], y);
  return g_strdup_printf ("%d %s %d", d, english_months[m - 1], y);
}

/**
 * relance_date_add_months:
 * @date: a date
 * @months: months to add, negative to go back
 *
 * The day is clamped to the end of the target month (31 January + 1 month
 * is 28 or 29 February).
 *
 * Returns: the new date
 */
RelanceDate
relance_date_add_months (RelanceDate date,
                         int         months)
{
  int y, m, d, total, dim;

  g_return_val_if_fail (date > 0, RELANCE_DATE_NONE);

  /* Before year 1 or after 9999 is no date (and g_date_get_days_in_month()
   * would complain of year 0); months is bounded first so that the sum
   * cannot overflow. */
  if (months < -12 * 10000 || months > 12 * 10000)
    return RELANCE_DATE_NONE;
  relance_date_get_ymd (date, &y, &m, &d);
  total = y * 12 + (m - 1) + months;
  if (total < 12 || total >= 12 * 10000)
    return RELANCE_DATE_NONE;
  y = total / 12;
  m = total % 12 + 1;
  dim = g_date_get_days_in_month (m, y);
  if (d > dim)
    d = dim;
  return relance_date_new (y, m, d);
}

RelanceDate
relance_date_first_of_month (RelanceDate date)
{
  int y, m;

  g_return_val_if_fail (date > 0, RELANCE_DATE_NONE);

  relance_date_get_ymd (date, &y, &m, NULL);
  return relance_date_new (y, m, 1);
}

int
relance_date_days_in_month (RelanceDate date)
{
  int y, m;

  g_return_val_if_fail (date > 0, 0);

  relance_date_get_ymd (date, &y, &m, NULL);
  return g_date_get_days_in_month (m, y);
}
