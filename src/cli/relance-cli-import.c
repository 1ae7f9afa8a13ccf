/* relance-cli-import.c — relance-cli import customers|invoices|payments FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"
#include "relance-csv-import.h"

/* Helpers */

/* "FILE:LINE: column COL: reason", the form compilers use, so that
 * editors can jump to the line */
static void
print_issue (const char               *file,
             const RelanceImportIssue *issue,
             gboolean                  warning)
{
  g_autoptr(GString) text = g_string_new (file);

  if (issue->line > 0)
    g_string_append_printf (text, ":%u", issue->line);
  g_string_append (text, ": ");
  if (warning)
    g_string_append_printf (text, "%s: ", _("warning"));
  if (issue->column != NULL && *issue->column != '\0')
    {
      g_string_append_printf (text, _("column %s"), issue->column);
      g_string_append (text, ": ");
    }
  g_string_append (text, issue->message);
  g_printerr ("%s\n", text->str);
}

static void
add_issues_json (JsonBuilder                *builder,
                 const char                 *member,
                 RelanceImportReport        *report,
                 guint                       n,
                 const RelanceImportIssue *(*get) (RelanceImportReport *, guint),
                 const GError               *error)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; report != NULL && i < n; i++)
    {
      const RelanceImportIssue *issue = get (report, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "line", issue->line);
      relance_cli_json_add_string (builder, "column", issue->column);
      relance_cli_json_add_string (builder, "value", issue->value);
      relance_cli_json_add_string (builder, "reason", issue->message);
      json_builder_end_object (builder);
    }
  /* A failure of the whole file (unreadable, imported before…) is an
   * error of line 0, so that scripts find every error in one place */
  if (error != NULL)
    {
      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "line", 0);
      relance_cli_json_add_string (builder, "column", NULL);
      relance_cli_json_add_string (builder, "value", NULL);
      relance_cli_json_add_string (builder, "reason", error->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (RelanceImportKind    kind,
            const char          *file,
            gboolean             dry_run,
            RelanceImportReport *report,
            const GError        *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  relance_cli_json_add_string (builder, "kind", relance_import_kind_to_string (kind));
  relance_cli_json_add_string (builder, "file", file);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  relance_cli_json_add_int (builder, "rows_read",
                            report ? relance_import_report_get_rows_read (report) : 0);
  relance_cli_json_add_int (builder, "rows_imported",
                            report ? relance_import_report_get_rows_imported (report) : 0);
  relance_cli_json_add_int (builder, "rows_valid",
                            report ? relance_import_report_get_rows_valid (report) : 0);
  json_builder_set_member_name (builder, "written");
  json_builder_add_boolean_value (builder, report ? relance_import_report_get_written (report) : FALSE);
  relance_cli_json_add_int (builder, "errors_total",
                            (report ? relance_import_report_get_n_errors_total (report) : 0) +
                            (error ? 1 : 0));
  relance_cli_json_add_int (builder, "warnings_total",
                            report ? relance_import_report_get_n_warnings_total (report) : 0);
  add_issues_json (builder, "errors", report,
                   report ? relance_import_report_get_n_errors (report) : 0,
                   relance_import_report_get_error, error);
  add_issues_json (builder, "warnings", report,
                   report ? relance_import_report_get_n_warnings (report) : 0,
                   relance_import_report_get_warning, NULL);
  json_builder_end_object (builder);
  relance_cli_print_json (builder);
}

static void
print_text (const char          *file,
            gboolean             dry_run,
            RelanceImportReport *report)
{
  guint rows_read = relance_import_report_get_rows_read (report);
  guint n_errors = relance_import_report_get_n_errors_total (report);

  if (n_errors > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u row read", "%s: %u rows read", rows_read),
               file, rows_read);
      g_print (g_dngettext (GETTEXT_PACKAGE, ", %u error: nothing imported\n",
                            ", %u errors: nothing imported\n", n_errors),
               n_errors);
    }
  else if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%s: %u row read: checked, nothing written\n",
                          "%s: %u rows read: checked, nothing written\n",
                          rows_read),
             file, rows_read);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%s: %u row read, %u imported\n",
                          "%s: %u rows read, %u imported\n",
                          rows_read),
             file, rows_read, relance_import_report_get_rows_imported (report));
}

static void
print_issues (const char          *file,
              RelanceImportReport *report)
{
  guint n_errors = relance_import_report_get_n_errors (report);
  guint n_errors_total = relance_import_report_get_n_errors_total (report);
  guint n_warnings = relance_import_report_get_n_warnings (report);
  guint n_warnings_total = relance_import_report_get_n_warnings_total (report);

  for (guint i = 0; i < n_warnings; i++)
    print_issue (file, relance_import_report_get_warning (report, i), TRUE);
  if (n_warnings_total > n_warnings)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: … and %u more warning\n",
                             "%s: … and %u more warnings\n", n_warnings_total - n_warnings),
                file, n_warnings_total - n_warnings);

  for (guint i = 0; i < n_errors; i++)
    print_issue (file, relance_import_report_get_error (report, i), FALSE);
  if (n_errors_total > n_errors)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: … and %u more error\n",
                             "%s: … and %u more errors\n", n_errors_total - n_errors),
                file, n_errors_total - n_errors);
}

/* Public */

int
relance_cli_import (RelanceCli  *cli,
                    int          argc,
                    char       **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report its errors, write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print the report as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  RelanceImportKind kind = RELANCE_IMPORT_CUSTOMERS;
  RelanceCliProgress progress;
  const char *file;
  int status;

  context = relance_cli_option_context_new (cli, "import customers|invoices|payments FILE",
                                            _("Import a CSV file (docs/import-formats.md). An import "
                                              "is all or nothing: one wrong row and nothing is "
                                              "written; every error is printed as "
                                              "FILE:LINE: column COLUMN: reason. The same file is "
                                              "never imported twice."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 2);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 3)
    return relance_cli_usage_error (context, "%s",
                                    _("import needs what to import (customers, invoices or "
                                      "payments) and a file"));
  if (!relance_import_kind_from_string (argv[1], &kind))
    return relance_cli_usage_error (context,
                                    _("Cannot import “%s”: use customers, invoices or payments"),
                                    argv[1]);
  file = argv[2];

  db = relance_cli_open_database (cli, FALSE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);

  relance_cli_progress_init (&progress);
  report = relance_csv_import (db, kind, file, dry_run, NULL,
                               relance_cli_progress_cb, &progress, &error);
  relance_cli_progress_end (&progress);

  if (report == NULL || error != NULL)
    {
      if (cli->json)
        print_json (kind, file, dry_run, report, error);
      g_printerr ("%s: %s\n", file, error ? error->message : _("Unknown error"));
      return RELANCE_CLI_EXIT_FAILURE;
    }

  if (cli->json)
    print_json (kind, file, dry_run, report, NULL);
  else
    print_text (file, dry_run, report);
  print_issues (file, report);

  return relance_import_report_has_errors (report) ? RELANCE_CLI_EXIT_FAILURE : RELANCE_CLI_EXIT_OK;
}
