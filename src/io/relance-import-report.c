/* relance-import-report.c — what an import read, wrote and refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-import-report-private.h"

struct _RelanceImportReport
{
  GObject            parent_instance;

  RelanceImportKind  kind;
  char              *path;
  gboolean           dry_run;
  gboolean           written;
  gint64             import_id;
  guint              rows_read;
  guint              rows_valid;
  guint              rows_imported;

  /* RelanceImportIssue, at most RELANCE_IMPORT_MAX_ISSUES of each */
  GArray            *errors;
  GArray            *warnings;
  guint              n_errors_total;
  guint              n_warnings_total;
};

G_DEFINE_FINAL_TYPE (RelanceImportReport, relance_import_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (relance-import-error-quark, relance_import_error)

/* A value is quoted back to the user; a whole paragraph pasted in a cell
 * would drown the message. */
#define MAX_VALUE_CHARS 80

static void
clear_issue (gpointer data)
{
  RelanceImportIssue *issue = data;

  g_free (issue->column);
  g_free (issue->value);
  g_free (issue->message);
}

static char *
shorten_value (const char *value)
{
  g_autofree char *valid = NULL;
  g_autofree char *start = NULL;

  if (value == NULL)
    return NULL;
  /* Bytes that are not UTF-8 are shown as U+FFFD, so that the message
   * itself stays valid text. */
  valid = g_utf8_make_valid (value, -1);
  if (g_utf8_strlen (valid, -1) <= MAX_VALUE_CHARS)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, MAX_VALUE_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static void
add_issue (GArray     *issues,
           guint      *total,
           guint       line,
           const char *column,
           const char *value,
           const char *message)
{
  RelanceImportIssue issue;

  (*total)++;
  if (issues->len >= RELANCE_IMPORT_MAX_ISSUES)
    return;
  issue.line = line;
  issue.column = g_strdup (column);
  issue.value = shorten_value (value);
  issue.message = g_strdup (message);
  g_array_append_val (issues, issue);
}

static void
relance_import_report_finalize (GObject *object)
{
  RelanceImportReport *self = (RelanceImportReport *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->errors, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);

  G_OBJECT_CLASS (relance_import_report_parent_class)->finalize (object);
}

static void
relance_import_report_class_init (RelanceImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_import_report_finalize;
}

static void
relance_import_report_init (RelanceImportReport *self)
{
  self->errors = g_array_new (FALSE, FALSE, sizeof (RelanceImportIssue));
  g_array_set_clear_func (self->errors, clear_issue);
  self->warnings = g_array_new (FALSE, FALSE, sizeof (RelanceImportIssue));
  g_array_set_clear_func (self->warnings, clear_issue);
}

RelanceImportReport *
relance_import_report_new (RelanceImportKind  kind,
                           const char        *path,
                           gboolean           dry_run)
{
  RelanceImportReport *self = g_object_new (RELANCE_TYPE_IMPORT_REPORT, NULL);

  self->kind = kind;
  self->path = g_strdup (path);
  self->dry_run = dry_run;
  return self;
}

void
relance_import_report_add_error (RelanceImportReport *self,
                                 guint                line,
                                 const char          *column,
                                 const char          *value,
                                 const char          *message)
{
  g_return_if_fail (RELANCE_IS_IMPORT_REPORT (self));
  add_issue (self->errors, &self->n_errors_total, line, column, value, message);
}

void
relance_import_report_add_warning (RelanceImportReport *self,
                                   guint                line,
                                   const char          *column,
                                   const char          *value,
                                   const char          *message)
{
  g_return_if_fail (RELANCE_IS_IMPORT_REPORT (self));
  add_issue (self->warnings, &self->n_warnings_total, line, column, value, message);
}

void
relance_import_report_set_counts (RelanceImportReport *self,
                                  guint                rows_read,
                                  guint                rows_valid)
{
  self->rows_read = rows_read;
  self->rows_valid = rows_valid;
}

void
relance_import_report_set_written (RelanceImportReport *self,
                                   gint64               import_id,
                                   guint                rows_imported)
{
  self->written = TRUE;
  self->import_id = import_id;
  self->rows_imported = rows_imported;
}

/**
 * relance_import_kind_to_string:
 * @kind: a #RelanceImportKind
 *
 * Returns: "customers", "invoices" or "payments": the word of the command
 *   line and of the import record
 */
const char *
relance_import_kind_to_string (RelanceImportKind kind)
{
  switch (kind)
    {
    case RELANCE_IMPORT_CUSTOMERS:
      return "customers";
    case RELANCE_IMPORT_INVOICES:
      return "invoices";
    case RELANCE_IMPORT_PAYMENTS:
      return "payments";
    default:
      g_return_val_if_reached ("customers");
    }
}

/**
 * relance_import_kind_from_string:
 * @text: (nullable): "customers", "invoices" or "payments"
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @text names a kind; @kind is left alone otherwise
 */
gboolean
relance_import_kind_from_string (const char        *text,
                                 RelanceImportKind *kind)
{
  static const RelanceImportKind kinds[] = {
    RELANCE_IMPORT_CUSTOMERS, RELANCE_IMPORT_INVOICES, RELANCE_IMPORT_PAYMENTS,
  };

  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (text, relance_import_kind_to_string (kinds[i])) == 0)
      {
        *kind = kinds[i];
        return TRUE;
      }
  return FALSE;
}

RelanceImportKind
relance_import_report_get_kind (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), RELANCE_IMPORT_CUSTOMERS);
  return self->kind;
}

const char *
relance_import_report_get_path (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), NULL);
  return self->path;
}

/**
 * relance_import_report_get_dry_run:
 * @self: a #RelanceImportReport
 *
 * Returns: %TRUE when the file was only checked
 */
gboolean
relance_import_report_get_dry_run (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), FALSE);
  return self->dry_run;
}

/**
 * relance_import_report_get_written:
 * @self: a #RelanceImportReport
 *
 * Returns: %TRUE when the rows were written and committed; %FALSE after a
 *   dry run or when any row was refused (then nothing was written)
 */
gboolean
relance_import_report_get_written (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), FALSE);
  return self->written;
}

/**
 * relance_import_report_get_import_id:
 * @self: a #RelanceImportReport
 *
 * Returns: the id of the import record that the written rows point to,
 *   0 when nothing was written
 */
gint64
relance_import_report_get_import_id (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->import_id;
}

/**
 * relance_import_report_get_rows_read:
 * @self: a #RelanceImportReport
 *
 * Returns: the records after the header (blank lines are not records)
 */
guint
relance_import_report_get_rows_read (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->rows_read;
}

/**
 * relance_import_report_get_rows_valid:
 * @self: a #RelanceImportReport
 *
 * Returns: the records that passed every check: after a dry run with no
 *   error, the rows that an import would write
 */
guint
relance_import_report_get_rows_valid (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->rows_valid;
}

/**
 * relance_import_report_get_rows_imported:
 * @self: a #RelanceImportReport
 *
 * Returns: the rows written, 0 unless relance_import_report_get_written()
 */
guint
relance_import_report_get_rows_imported (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->rows_imported;
}

gboolean
relance_import_report_has_errors (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), FALSE);
  return self->n_errors_total > 0;
}

/**
 * relance_import_report_get_n_errors:
 * @self: a #RelanceImportReport
 *
 * Returns: the errors kept (at most %RELANCE_IMPORT_MAX_ISSUES)
 */
guint
relance_import_report_get_n_errors (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->errors->len;
}

/**
 * relance_import_report_get_n_errors_total:
 * @self: a #RelanceImportReport
 *
 * Returns: all the errors found, those beyond the kept ones included
 */
guint
relance_import_report_get_n_errors_total (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->n_errors_total;
}

/**
 * relance_import_report_get_error:
 * @self: a #RelanceImportReport
 * @index: below relance_import_report_get_n_errors()
 *
 * Errors come in the order of the file.
 *
 * Returns: (transfer none): the error
 */
const RelanceImportIssue *
relance_import_report_get_error (RelanceImportReport *self,
                                 guint                index)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->errors->len, NULL);
  return &g_array_index (self->errors, RelanceImportIssue, index);
}

guint
relance_import_report_get_n_warnings (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->warnings->len;
}

guint
relance_import_report_get_n_warnings_total (RelanceImportReport *self)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), 0);
  return self->n_warnings_total;
}

/**
 * relance_import_report_get_warning:
 * @self: a #RelanceImportReport
 * @index: below relance_import_report_get_n_warnings()
 *
 * Warnings (unknown columns, orange controls, a payment left unallocated)
 * do not stop an import.
 *
 * Returns: (transfer none): the warning
 */
const RelanceImportIssue *
relance_import_report_get_warning (RelanceImportReport *self,
                                   guint                index)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);
  return &g_array_index (self->warnings, RelanceImportIssue, index);
}

/**
 * relance_import_report_find_error:
 * @self: a #RelanceImportReport
 * @line: a line of the file
 * @column: (nullable): a column name, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the first kept error of that line
 *   (and column), or %NULL
 */
const RelanceImportIssue *
relance_import_report_find_error (RelanceImportReport *self,
                                  guint                line,
                                  const char          *column)
{
  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), NULL);

  for (guint i = 0; i < self->errors->len; i++)
    {
      const RelanceImportIssue *issue = &g_array_index (self->errors, RelanceImportIssue, i);

      if (issue->line == line && (column == NULL || g_strcmp0 (issue->column, column) == 0))
        return issue;
    }
  return NULL;
}

/**
 * relance_import_issue_to_string:
 * @issue: an error or a warning
 *
 * Returns: (transfer full): "line 12, column amount (“12,3x”): reason",
 *   the form of the command line and of the import dialog
 */
char *
relance_import_issue_to_string (const RelanceImportIssue *issue)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->line > 0 && issue->column != NULL)
    g_string_append_printf (text, _("line %u, column %s"), issue->line, issue->column);
  else if (issue->line > 0)
    g_string_append_printf (text, _("line %u"), issue->line);
  else if (issue->column != NULL)
    g_string_append_printf (text, _("column %s"), issue->column);

  if (issue->value != NULL && *issue->value != '\0')
    g_string_append_printf (text, " (“%s”)", issue->value);
  if (text->len > 0)
    g_string_append (text, ": ");
  g_string_append (text, issue->message);
  return g_string_free (text, FALSE);
}

static void
append_issues (GString *text,
               GArray  *issues,
               guint    total,
               const char *label)
{
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = relance_import_issue_to_string (&g_array_index (issues, RelanceImportIssue, i));

      g_string_append_printf (text, "%s: %s\n", label, line);
    }
  if (total > issues->len)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "… and %u more\n", "… and %u more\n",
                                         total - issues->len),
                            total - issues->len);
}

/**
 * relance_import_report_to_string:
 * @self: a #RelanceImportReport
 *
 * Returns: (transfer full): the outcome in one sentence, then every kept
 *   error and warning, one a line
 */
char *
relance_import_report_to_string (RelanceImportReport *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *name = NULL;

  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), NULL);

  name = g_path_get_basename (self->path);
  if (self->n_errors_total > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %u error in %u rows; nothing was imported.\n",
                                         "%s: %u errors in %u rows; nothing was imported.\n",
                                         self->n_errors_total),
                            name, self->n_errors_total, self->rows_read);
  else if (self->written)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %u row imported.\n",
                                         "%s: %u rows imported.\n",
                                         self->rows_imported),
                            name, self->rows_imported);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %u row checked, no error; nothing was written (dry run).\n",
                                         "%s: %u rows checked, no error; nothing was written (dry run).\n",
                                         self->rows_read),
                            name, self->rows_read);

  append_issues (text, self->errors, self->n_errors_total, _("error"));
  append_issues (text, self->warnings, self->n_warnings_total, _("warning"));
  return g_string_free (text, FALSE);
}

/**
 * relance_import_report_check:
 * @self: a #RelanceImportReport
 * @error: a #GError
 *
 * For callers that handle failures as a #GError: rows refused become
 * %RELANCE_IMPORT_ERROR_INVALID_ROWS, whose message lists the errors.
 *
 * Returns: %TRUE when the report has no error
 */
gboolean
relance_import_report_check (RelanceImportReport  *self,
                             GError              **error)
{
  GString *text;

  g_return_val_if_fail (RELANCE_IS_IMPORT_REPORT (self), FALSE);

  if (self->n_errors_total == 0)
    return TRUE;

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u error; nothing was imported. Correct the file and import it again.",
                                       "%u errors; nothing was imported. Correct the file and import it again.",
                                       self->n_errors_total),
                          self->n_errors_total);
  for (guint i = 0; i < self->errors->len; i++)
    {
      g_autofree char *line = relance_import_issue_to_string (&g_array_index (self->errors, RelanceImportIssue, i));

      g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (self->n_errors_total > self->errors->len)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more",
                                           self->n_errors_total - self->errors->len),
                              self->n_errors_total - self->errors->len);
    }
  g_set_error_literal (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_INVALID_ROWS, text->str);
  g_string_free (text, TRUE);
  return FALSE;
}
