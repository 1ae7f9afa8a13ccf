/* relance-import-report.h — what an import read, wrote and refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RELANCE_IMPORT_ERROR (relance_import_error_quark ())

/**
 * RelanceImportError:
 * @RELANCE_IMPORT_ERROR_FILE: the file cannot be read
 * @RELANCE_IMPORT_ERROR_FORMAT: the file is not a CSV file of that kind
 *   (empty, no header, a required column missing…)
 * @RELANCE_IMPORT_ERROR_INVALID_ROWS: rows are wrong; nothing was written
 *   (from relance_import_report_check())
 * @RELANCE_IMPORT_ERROR_ALREADY_IMPORTED: the same content was imported
 *   before as the same kind
 * @RELANCE_IMPORT_ERROR_CANCELLED: the import was cancelled; nothing was
 *   written
 *
 * A failure of the database itself (busy, disk full…) comes as the
 * #RELANCE_STORE_ERROR that the store raised; nothing is written then
 * either.
 */
typedef enum
{
  RELANCE_IMPORT_ERROR_FILE,
  RELANCE_IMPORT_ERROR_FORMAT,
  RELANCE_IMPORT_ERROR_INVALID_ROWS,
  RELANCE_IMPORT_ERROR_ALREADY_IMPORTED,
  RELANCE_IMPORT_ERROR_CANCELLED,
} RelanceImportError;

/**
 * RelanceImportKind:
 * @RELANCE_IMPORT_CUSTOMERS: a file of customers (actors)
 * @RELANCE_IMPORT_INVOICES: a file of invoices, credit notes, fees…
 * @RELANCE_IMPORT_PAYMENTS: a file of payments
 */
typedef enum
{
  RELANCE_IMPORT_CUSTOMERS,
  RELANCE_IMPORT_INVOICES,
  RELANCE_IMPORT_PAYMENTS,
} RelanceImportKind;

/**
 * RelanceImportIssue:
 * @line: the physical line of the file where the record starts (1 is the
 *   header), or 0 for the file as a whole
 * @column: (nullable): the column name as the format names it ("amount")
 * @value: (nullable): the value found, shortened when very long
 * @message: the translated reason, saying what to do
 *
 * An error or a warning about one value of one record.
 */
typedef struct
{
  guint  line;
  char  *column;
  char  *value;
  char  *message;
} RelanceImportIssue;

/* Errors and warnings beyond this many are counted, not kept */
#define RELANCE_IMPORT_MAX_ISSUES 1000

#define RELANCE_TYPE_IMPORT_REPORT (relance_import_report_get_type ())

G_DECLARE_FINAL_TYPE (RelanceImportReport, relance_import_report, RELANCE, IMPORT_REPORT, GObject)

GQuark                    relance_import_error_quark            (void);

const char               *relance_import_kind_to_string         (RelanceImportKind    kind);
gboolean                  relance_import_kind_from_string       (const char          *text,
                                                                 RelanceImportKind   *kind);

RelanceImportKind         relance_import_report_get_kind        (RelanceImportReport *self);
const char               *relance_import_report_get_path        (RelanceImportReport *self);
gboolean                  relance_import_report_get_dry_run     (RelanceImportReport *self);
gboolean                  relance_import_report_get_written     (RelanceImportReport *self);
gint64                    relance_import_report_get_import_id   (RelanceImportReport *self);
guint                     relance_import_report_get_rows_read   (RelanceImportReport *self);
guint                     relance_import_report_get_rows_valid  (RelanceImportReport *self);
guint                     relance_import_report_get_rows_imported (RelanceImportReport *self);

gboolean                  relance_import_report_has_errors      (RelanceImportReport *self);
guint                     relance_import_report_get_n_errors    (RelanceImportReport *self);
guint                     relance_import_report_get_n_errors_total (RelanceImportReport *self);
const RelanceImportIssue *relance_import_report_get_error       (RelanceImportReport *self,
                                                                 guint                index);
guint                     relance_import_report_get_n_warnings  (RelanceImportReport *self);
guint                     relance_import_report_get_n_warnings_total (RelanceImportReport *self);
const RelanceImportIssue *relance_import_report_get_warning     (RelanceImportReport *self,
                                                                 guint                index);
const RelanceImportIssue *relance_import_report_find_error      (RelanceImportReport *self,
                                                                 guint                line,
                                                                 const char          *column);

char                     *relance_import_issue_to_string        (const RelanceImportIssue *issue);
char                     *relance_import_report_to_string       (RelanceImportReport *self);
gboolean                  relance_import_report_check           (RelanceImportReport *self,
                                                                 GError             **error);

G_END_DECLS
