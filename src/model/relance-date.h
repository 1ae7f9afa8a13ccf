/* relance-date.h — calendar dates without time, as GDate Julian day numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RELANCE_DATE_ERROR (relance_date_error_quark ())

typedef enum
{
  RELANCE_DATE_ERROR_SYNTAX,
  RELANCE_DATE_ERROR_INVALID,
} RelanceDateError;

/**
 * RelanceDate:
 *
 * A date without time zone: the GDate Julian day number (1 = 1 January of
 * year 1). 0 means "no date". Differences are numbers of days, and the
 * store keeps dates in this form so that SQL compares and subtracts them
 * as integers.
 */
typedef gint32 RelanceDate;

#define RELANCE_DATE_NONE 0

GQuark       relance_date_error_quark   (void);

RelanceDate  relance_date_new           (int          year,
                                         int          month,
                                         int          day);
RelanceDate  relance_date_today         (void);
gboolean     relance_date_parse         (const char  *text,
                                         RelanceDate *date,
                                         GError     **error);
char        *relance_date_to_iso        (RelanceDate  date);
char        *relance_date_format        (RelanceDate  date,
                                         const char  *language);
char        *relance_date_format_long   (RelanceDate  date,
                                         const char  *language);
void         relance_date_get_ymd       (RelanceDate  date,
                                         int         *year,
                                         int         *month,
                                         int         *day);
RelanceDate  relance_date_add_months    (RelanceDate  date,
                                         int          months);
RelanceDate  relance_date_first_of_month (RelanceDate date);
int          relance_date_days_in_month (RelanceDate  date);

G_END_DECLS
