/* relance-gui-utils.c — small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-gui-utils"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "relance-gui-utils.h"
#include "relance-resources.h"

/**
 * relance_gui_ensure_resources:
 *
 * Registers the templates, menus and style sheet of the GResource once.
 * Every widget class with a template calls it in its class_init, so that
 * the tests, which create widgets without the application, find them.
 */
void
relance_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      relance_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * relance_gui_evaluation_day:
 *
 * The day on which the figures are computed: the environment variable
 * RELANCE_DATE (YYYY-MM-DD) when it is set and valid, so that screenshots
 * and tests are reproducible, else today.
 *
 * Returns: the evaluation day
 */
RelanceDate
relance_gui_evaluation_day (void)
{
  const char *text = g_getenv ("RELANCE_DATE");
  g_autoptr(GError) error = NULL;
  RelanceDate day;

  if (text == NULL || *text == '\0')
    return relance_date_today ();
  if (!relance_date_parse (text, &day, &error))
    {
      g_warning ("RELANCE_DATE is not used: %s", error->message);
      return relance_date_today ();
    }
  return day;
}

/**
 * relance_gui_language:
 *
 * Returns: the language of the user interface ("fr" or "en") that amounts
 *   and dates are formatted in
 */
const char *
relance_gui_language (void)
{
  return relance_money_current_language ();
}

/**
 * relance_gui_format_amount:
 * @cents: an amount
 * @currency: (nullable): its currency, %NULL when a column header says it
 *
 * Returns: (transfer full): the amount in the language of the interface
 */
char *
relance_gui_format_amount (gint64      cents,
                           const char *currency)
{
  return relance_money_format_cents (cents, currency, relance_gui_language ());
}

/**
 * relance_gui_currency_symbol:
 * @currency: an ISO 4217 code
 *
 * The sign that relance_money_format_cents() writes for @currency ("€"
 * for EUR), or the code itself when it writes none; for the headers of
 * amount columns, where space is short.
 *
 * Returns: (transfer full): the symbol
 */
char *
relance_gui_currency_symbol (const char *currency)
{
  g_autofree char *formatted = relance_money_format_cents (0, currency, relance_gui_language ());
  GString *symbol = g_string_new (NULL);

  for (const char *p = formatted; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isdigit (c) && !g_unichar_isspace (c) && c != '.' && c != ',' &&
          c != 0x00A0 && c != 0x202F && c != '-')
        g_string_append_unichar (symbol, c);
    }
  if (symbol->len == 0)
    g_string_append (symbol, currency);
  return g_string_free (symbol, FALSE);
}

/**
 * relance_gui_format_date:
 * @date: a date, or %RELANCE_DATE_NONE
 *
 * Returns: (transfer full): the date in the language of the interface
 *   (French: dd/mm/yyyy), an empty string for no date
 */
char *
relance_gui_format_date (RelanceDate date)
{
  if (date == RELANCE_DATE_NONE)
    return g_strdup ("");
  return relance_date_format (date, relance_gui_language ());
}

/**
 * relance_gui_format_days:
 * @days: a number of days, maybe fractional (a DSO)
 *
 * Returns: (transfer full): "104 days", rounded half away from zero
 */
char *
relance_gui_format_days (double days)
{
  long n = lround (days);

  return g_strdup_printf (ngettext ("%ld day", "%ld days", (unsigned long) labs (n)), n);
}

/**
 * relance_gui_set_amount_class:
 * @widget: a widget that shows an amount
 * @cents: the amount
 *
 * Marks negative amounts (credit balances) so that the style sheet shows
 * them apart; a recycled list cell loses the mark of its previous amount.
 */
void
relance_gui_set_amount_class (GtkWidget *widget,
                              gint64     cents)
{
  if (cents < 0)
    gtk_widget_add_css_class (widget, "negative");
  else
    gtk_widget_remove_css_class (widget, "negative");
}

/**
 * relance_gui_new_cell:
 * @xalign: 0 for text, 1 for numbers (which get tabular figures)
 * @min_chars: the width below which the column does not shrink
 * @nat_chars: the width it asks for
 *
 * Returns: (transfer floating): a GtkInscription for a cell of a table:
 *   light for long lists, ellipsized when the column is too narrow
 */
GtkWidget *
relance_gui_new_cell (float xalign,
                      guint min_chars,
                      guint nat_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (xalign > 0.5f)
    gtk_widget_add_css_class (cell, "numeric");
  return cell;
}

/**
 * relance_gui_profiling:
 *
 * Returns: %TRUE when RELANCE_PROFILE=1: the application prints when its
 *   stages end, in milliseconds since the process started
 */
gboolean
relance_gui_profiling (void)
{
  return g_strcmp0 (g_getenv ("RELANCE_PROFILE"), "1") == 0;
}

/* Milliseconds since the kernel started this process: field 22 of
 * /proc/self/stat counts clock ticks since boot, as CLOCK_BOOTTIME does.
 * Returns a negative number when that cannot be read. */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  unsigned long long start_ticks = 0;
  const char *p;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;
  /* the command name may hold spaces: count fields after its ')' */
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  /* after ')' come field 3 (state) … field 22 (starttime) */
  if (sscanf (p + 2,
              "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1)
    return -1;
  if (clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;
  return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6)
         - (double) start_ticks * 1000.0 / (double) sysconf (_SC_CLK_TCK);
}

/**
 * relance_gui_profile_mark:
 * @what: the stage that ended
 *
 * With RELANCE_PROFILE=1, prints on stderr when @what happened, in
 * milliseconds since the process started.
 */
void
relance_gui_profile_mark (const char *what)
{
  if (!relance_gui_profiling ())
    return;
  g_printerr ("relance-profile: %s: %.0f ms since process start\n",
              what, ms_since_process_start ());
}
