/* relance-cli-output.c — JSON, tables and formatting for relance-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "relance-cli-private.h"

struct _RelanceCliTable
{
  guint            n_columns;
  char           **titles;
  RelanceCliAlign *aligns;
  gsize           *max_widths;
  GPtrArray       *rows;   /* char ** of n_columns strings, or NULL for a rule */
};

/* Helpers */

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* JsonGenerator prints every double with 17 significant digits
 * (85.049999999999997); write the shortest form that reads back as the
 * same double (85.05), which is what a reader of "2 decimals" expects. */
static void
append_shortest_double (GString    *out,
                        const char *token,
                        gsize       length)
{
  g_autofree char *copy = g_strndup (token, length);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value = g_ascii_strtod (copy, NULL);

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  /* Keep it a visibly fractional number, as the generator does */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static gsize
unichar_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;
  return 1;
}

static char *
truncate_to_width (const char *text,
                   gsize       max_width)
{
  GString *out = g_string_new (NULL);
  gsize width = 0;

  if (relance_cli_text_width (text) <= max_width)
    {
      g_string_append (out, text);
      return g_string_free (out, FALSE);
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = unichar_width (c);

      if (width + w + 1 > max_width)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
append_padded (GString         *line,
               const char      *text,
               gsize            width,
               RelanceCliAlign  align,
               gboolean         last)
{
  gsize text_width = relance_cli_text_width (text);
  gsize pad = width > text_width ? width - text_width : 0;

  if (align == RELANCE_CLI_ALIGN_RIGHT)
    for (gsize i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (align == RELANCE_CLI_ALIGN_LEFT && !last)
    for (gsize i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
}

/* JSON */

double
relance_cli_round2 (double value)
{
  /* round() is half away from zero, the rule of DOMAIN.md */
  return round (value * 100.0) / 100.0;
}

char *
relance_cli_json_to_string (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *raw = NULL;
  GString *out;
  gboolean in_string = FALSE;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  raw = json_generator_to_data (generator, NULL);

  out = g_string_sized_new (strlen (raw) + 1);
  for (const char *p = raw; *p != '\0';)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            {
              g_string_append_len (out, p, 2);
              p += 2;
              continue;
            }
          if (*p == '"')
            in_string = FALSE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;

          while (is_number_char (*p))
            p++;
          if (memchr (start, '.', p - start) || memchr (start, 'e', p - start) ||
              memchr (start, 'E', p - start))
            append_shortest_double (out, start, p - start);
          else
            g_string_append_len (out, start, p - start);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

void
relance_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = relance_cli_json_to_string (root);

  g_print ("%s\n", text);
}

/* @days rounded to 2 decimals */
void
relance_cli_json_add_days (JsonBuilder *builder,
                           const char  *member,
                           double       days)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, relance_cli_round2 (days));
}

/* YYYY-MM-DD, or null for no date */
void
relance_cli_json_add_date (JsonBuilder *builder,
                           const char  *member,
                           RelanceDate  date)
{
  json_builder_set_member_name (builder, member);
  if (date == RELANCE_DATE_NONE)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *iso = relance_date_to_iso (date);

      json_builder_add_string_value (builder, iso);
    }
}

void
relance_cli_json_add_int (JsonBuilder *builder,
                          const char  *member,
                          gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* A string, or null when @value is NULL */
void
relance_cli_json_add_string (JsonBuilder *builder,
                             const char  *member,
                             const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* Text */

char *
relance_cli_format_amount (RelanceCli *cli,
                           gint64      cents,
                           const char *currency)
{
  return relance_money_format_cents (cents, currency, cli->language);
}

/* "85.05" in English, "85,05" in French */
char *
relance_cli_format_days (RelanceCli *cli,
                         double      days)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.2f", relance_cli_round2 (days));
  if (g_str_has_prefix (cli->language, "fr"))
    {
      char *point = strchr (buf, '.');

      if (point != NULL)
        *point = ',';
    }
  return g_strdup (buf);
}

char *
relance_cli_format_date (RelanceCli  *cli,
                         RelanceDate  date)
{
  return relance_date_format (date, cli->language);
}

/* The number of terminal columns @text takes: wide characters count two,
 * combining marks none, so that accented names line up. */
gsize
relance_cli_text_width (const char *text)
{
  gsize width = 0;

  if (text == NULL)
    return 0;
  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += unichar_width (g_utf8_get_char (p));
  return width;
}

/* Tables */

RelanceCliTable *
relance_cli_table_new (guint n_columns)
{
  RelanceCliTable *table = g_new0 (RelanceCliTable, 1);

  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  table->aligns = g_new0 (RelanceCliAlign, n_columns);
  table->max_widths = g_new0 (gsize, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
relance_cli_table_free (RelanceCliTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->titles);
  g_free (table->aligns);
  g_free (table->max_widths);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* @max_width: 0 for no limit; longer cells end with "…" */
void
relance_cli_table_set_column (RelanceCliTable *table,
                              guint            column,
                              const char      *title,
                              RelanceCliAlign  align,
                              gsize            max_width)
{
  g_return_if_fail (column < table->n_columns);

  g_free (table->titles[column]);
  table->titles[column] = g_strdup (title);
  table->aligns[column] = align;
  table->max_widths[column] = max_width;
}

void
relance_cli_table_add_row (RelanceCliTable *table)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  /* g_strfreev stops at the first NULL: fill every cell */
  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup ("");
  g_ptr_array_add (table->rows, row);
}

void
relance_cli_table_add_rule (RelanceCliTable *table)
{
  g_ptr_array_add (table->rows, NULL);
}

/* Sets a cell of the last row */
void
relance_cli_table_take (RelanceCliTable *table,
                        guint            column,
                        char            *text)
{
  char **row;

  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (table->rows->len > 0);

  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_return_if_fail (row != NULL);
  g_free (row[column]);
  row[column] = text ? text : g_strdup ("");
}

void
relance_cli_table_set (RelanceCliTable *table,
                       guint            column,
                       const char      *text)
{
  relance_cli_table_take (table, column, g_strdup (text ? text : ""));
}

void
relance_cli_table_print (RelanceCliTable *table,
                         FILE            *out)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);
  gsize total = 0;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* Truncate first, then measure what will be printed */
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      char **cells;

      if (row == NULL)
        {
          g_ptr_array_add (shown, NULL);
          continue;
        }
      cells = g_new0 (char *, table->n_columns + 1);
      for (guint c = 0; c < table->n_columns; c++)
        {
          cells[c] = table->max_widths[c] > 0
                       ? truncate_to_width (row[c], table->max_widths[c])
                       : g_strdup (row[c]);
          widths[c] = MAX (widths[c], relance_cli_text_width (cells[c]));
        }
      g_ptr_array_add (shown, cells);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      widths[c] = MAX (widths[c], relance_cli_text_width (table->titles[c]));
      total += widths[c] + (c > 0 ? 2 : 0);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append (line, "  ");
      append_padded (line, table->titles[c] ? table->titles[c] : "", widths[c],
                     table->aligns[c], c + 1 == table->n_columns);
    }
  fprintf (out, "%s\n", line->str);
  g_string_truncate (line, 0);
  for (gsize i = 0; i < total; i++)
    g_string_append_c (line, '-');
  fprintf (out, "%s\n", line->str);

  for (guint r = 0; r < shown->len; r++)
    {
      char **cells = g_ptr_array_index (shown, r);

      g_string_truncate (line, 0);
      if (cells == NULL)
        {
          for (gsize i = 0; i < total; i++)
            g_string_append_c (line, '-');
        }
      else
        {
          for (guint c = 0; c < table->n_columns; c++)
            {
              if (c > 0)
                g_string_append (line, "  ");
              append_padded (line, cells[c], widths[c], table->aligns[c],
                             c + 1 == table->n_columns);
            }
          /* An empty right-aligned last cell leaves only padding */
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
        }
      fprintf (out, "%s\n", line->str);
    }
}
