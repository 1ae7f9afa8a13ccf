/* test-csv-import.c — importing customers, invoices and payments from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is written by hand from the file of the test:
 * lines count from 1 (the header), amounts are cents, dates are built
 * with relance_date_new().
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-csv-import.h"

typedef struct
{
  char            *dir;
  char            *db_path;
  RelanceDatabase *db;
} Fixture;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static int
setup (void **state)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("relance-test-import-XXXXXX", &error);
  assert_non_null (fixture->dir);
  fixture->db_path = g_build_filename (fixture->dir, "relance.db", NULL);
  fixture->db = relance_database_open (fixture->db_path, &error);
  assert_null (error);
  assert_non_null (fixture->db);
  relance_database_set_user (fixture->db, "tester");
  *state = fixture;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fixture = *state;

  g_clear_object (&fixture->db);
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
  g_free (fixture);
  return 0;
}

/* Helpers */

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *content,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  assert_true (g_file_set_contents (path, content, length, &error));
  return path;
}

/* Imports @content as a file named @name; the report, NULL on failure */
static RelanceImportReport *
import_text (Fixture            *fixture,
             RelanceImportKind   kind,
             const char         *name,
             const char         *content,
             gboolean            dry_run,
             GError            **error)
{
  g_autofree char *path = write_file (fixture, name, content, -1);

  return relance_csv_import (fixture->db, kind, path, dry_run, NULL, NULL, NULL, error);
}

/* Imports and expects a written import without error */
static RelanceImportReport *
import_ok (Fixture           *fixture,
           RelanceImportKind  kind,
           const char        *name,
           const char        *content)
{
  g_autoptr(GError) error = NULL;
  RelanceImportReport *report = import_text (fixture, kind, name, content, FALSE, &error);

  if (report == NULL)
    fail_msg ("import failed: %s", error->message);
  if (relance_import_report_has_errors (report))
    {
      g_autofree char *text = relance_import_report_to_string (report);

      fail_msg ("import has errors: %s", text);
    }
  assert_true (relance_import_report_get_written (report));
  return report;
}

/* Imports and expects rows refused: nothing written */
static RelanceImportReport *
import_refused (Fixture           *fixture,
                RelanceImportKind  kind,
                const char        *name,
                const char        *content)
{
  g_autoptr(GError) error = NULL;
  RelanceImportReport *report = import_text (fixture, kind, name, content, FALSE, &error);

  if (report == NULL)
    fail_msg ("import failed as a whole: %s", error->message);
  assert_true (relance_import_report_has_errors (report));
  assert_false (relance_import_report_get_written (report));
  assert_int_equal (relance_import_report_get_rows_imported (report), 0);
  return report;
}

static void
assert_error_at (RelanceImportReport *report,
                 guint                line,
                 const char          *column)
{
  const RelanceImportIssue *issue = relance_import_report_find_error (report, line, column);

  if (issue == NULL)
    {
      g_autofree char *text = relance_import_report_to_string (report);

      fail_msg ("no error at line %u, column %s in:\n%s", line, column ? column : "(any)", text);
    }
}

static gint64
query_int64 (Fixture    *fixture,
             const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  /* A connection of its own: what another program would see */
  assert_int_equal (sqlite3_open_v2 (fixture->db_path, &handle, SQLITE_OPEN_READONLY, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static void
import_two_customers (Fixture *fixture)
{
  g_autoptr(RelanceImportReport) report =
    import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "customers.csv",
               "code;name;kind\n"
               "C001;Martin et Fils;company\n"
               "C002;Claire Dubois;person\n");

  assert_int_equal (relance_import_report_get_rows_imported (report), 2);
}

static void
add_user (Fixture    *fixture,
          const char *login,
          const char *name)
{
  g_autoptr(RelanceUser) user = relance_user_new (login, name, RELANCE_USER_ROLE_AGENT);
  g_autoptr(GError) error = NULL;

  assert_true (relance_user_store_insert (fixture->db, user, &error));
  assert_null (error);
}

static RelanceInvoice *
find_invoice (Fixture    *fixture,
              const char *number)
{
  g_autoptr(GError) error = NULL;
  RelanceInvoice *invoice = relance_invoice_store_find_by_number (fixture->db, number, &error);

  assert_null (error);
  if (invoice == NULL)
    fail_msg ("no invoice %s", number);
  return invoice;
}

static gint64
actor_id (Fixture    *fixture,
          const char *code)
{
  g_autoptr(RelanceActor) actor = relance_actor_store_find_by_code (fixture->db, code, NULL);

  assert_non_null (actor);
  return relance_actor_get_id (actor);
}

/* Accepted variants */

static void
test_import_customers_with_semicolons (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceActor) actor = NULL;

  /* 732 829 320 is a valid SIREN (Luhn); its VAT key is
   * (12 + 3 × (732829320 mod 97)) mod 97 = (12 + 3 × 43) mod 97 = 44 */
  report = import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "customers.csv",
                      "code;name;kind;siren;vat;email;phone;address;postcode;city;"
                      "country;language;segment;credit_limit\n"
                      "C001;Dubois S.A.S.;société;732 829 320;FR44732829320;"
                      "compta@dubois.example.com;+33 1 23 45 67 89;12 rue Victor Hugo;"
                      "75008;Paris;fr;FR;PME;12 500,00\n");
  assert_int_equal (relance_import_report_get_rows_read (report), 1);
  assert_int_equal (relance_import_report_get_rows_imported (report), 1);

  actor = relance_actor_store_find_by_code (fixture->db, "C001", NULL);
  assert_non_null (actor);
  assert_string_equal (relance_actor_get_name (actor), "Dubois S.A.S.");
  assert_string_equal (relance_actor_get_siren (actor), "732 829 320");
  assert_string_equal (relance_actor_get_city (actor), "Paris");
  /* country and language are normalized: "fr" → "FR", "FR" → "fr" */
  assert_string_equal (relance_actor_get_country (actor), "FR");
  assert_string_equal (relance_actor_get_language (actor), "fr");
  assert_string_equal (relance_actor_get_segment (actor), "PME");
  /* 12 500,00 € = 1 250 000 cents */
  assert_int_equal (relance_actor_get_credit_limit_cents (actor), 1250000);
}

static void
test_import_customers_extension_columns (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceActor) actor = NULL;

  /* SIRET 732 829 320 00074: the SIREN and a NIC whose 14 digits pass
   * Luhn. IBAN FR76 3000 6000 0112 3456 7890 189 passes mod 97. The
   * agent is a user's login. */
  add_user (fixture, "claurent", "Camille Laurent");
  report = import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "customers.csv",
                      "code;name;siren;siret;mobile;agent;iban;payment_terms_days\n"
                      "C001;Dubois S.A.S.;732829320;73282932000074;+33 6 12 34 56 78;"
                      "claurent;FR7630006000011234567890189;45\n");
  actor = relance_actor_store_find_by_code (fixture->db, "C001", NULL);
  assert_string_equal (relance_actor_get_siret (actor), "73282932000074");
  assert_string_equal (relance_actor_get_mobile (actor), "+33 6 12 34 56 78");
  assert_string_equal (relance_actor_get_agent (actor), "claurent");
  assert_string_equal (relance_actor_get_iban (actor), "FR7630006000011234567890189");
  assert_int_equal (relance_actor_get_payment_terms_days (actor), 45);
}

static void
test_import_invoices_with_commas_and_decimal_points (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                      "number,customer,issue_date,due_date,amount\n"
                      "FA-1,C001,2025-03-01,2025-03-31,1234.56\n");
  invoice = find_invoice (fixture, "FA-1");
  assert_int_equal (relance_invoice_get_amount_cents (invoice), 123456);
  assert_int_equal (relance_invoice_get_actor_id (invoice), actor_id (fixture, "C001"));
  assert_string_equal (relance_invoice_get_currency (invoice), "EUR");
  assert_int_equal (relance_invoice_get_kind (invoice), RELANCE_INVOICE_KIND_INVOICE);
}

static void
test_import_invoices_with_tabs (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "invoices.tsv",
                      "number\tcustomer\tissue_date\tdue_date\tamount\n"
                      "FA-1\tC002\t2025-03-01\t2025-03-31\t99,90\n");
  invoice = find_invoice (fixture, "FA-1");
  assert_int_equal (relance_invoice_get_amount_cents (invoice), 9990);
  assert_int_equal (relance_invoice_get_actor_id (invoice), actor_id (fixture, "C002"));
}

static void
test_import_with_utf8_bom (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceActor) actor = NULL;

  report = import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "bom.csv",
                      "\xef\xbb\xbf" "code;name;kind\n"
                      "C001;Société Générale des Transports Lefèvre;société\n");
  actor = relance_actor_store_find_by_code (fixture->db, "C001", NULL);
  assert_non_null (actor);
  assert_string_equal (relance_actor_get_name (actor), "Société Générale des Transports Lefèvre");
}

static void
test_import_with_crlf_line_ends (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "crlf.csv",
                      "number;customer;issue_date;due_date;amount\r\n"
                      "FA-1;C001;2025-03-01;2025-03-31;100,00\r\n"
                      "FA-2;C002;2025-03-02;2025-04-01;200,00\r\n");
  assert_int_equal (relance_import_report_get_rows_imported (report), 2);
  assert_int_equal (relance_invoice_store_count (fixture->db), 2);
}

static void
test_import_crlf_errors_name_the_right_line (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "crlf.csv",
                           "number;customer;issue_date;due_date;amount\r\n"
                           "FA-1;C001;2025-03-01;2025-03-31;100,00\r\n"
                           "FA-2;C002;2025-03-02;2025-04-01;deux cents\r\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_error_at (report, 3, "amount");
}

/* Plain lines are split without libcsv (split_plain_line()); quoted
 * ones, records over several lines and a lone CR go through it: both
 * must read the same values and count the same lines. */
#define MIXED_LINES(amount_of_fa4) \
  "number;customer;issue_date;due_date;amount;note\n"          /* 1 */ \
  "\n"                                                          /* 2: no record */ \
  "  \t \n"                                                     /* 3: no record */ \
  " FA-1 ; C001 ;2025-03-01; 2025-03-31 ;100,00 ;\n"            /* 4 */ \
  "\"FA-2\";C002;2025-03-02;2025-04-01;\"1 234,50\";\n"          /* 5 */ \
  "FA-3;C001;2025-03-03;2025-04-02;5,00;\"two\nlines\"\n"        /* 6-7 */ \
  "FA-4;C002;2025-03-04;2025-04-03;" amount_of_fa4 ";\n"       /* 8 */ \
  "FA-5;C001;2025-03-05;2025-04-04;6,00;\r"                     /* 9, and */ \
  "FA-6;C002;2025-03-06;2025-04-05;7,00;\n"                     /* 9 again */

static void
test_import_plain_and_quoted_lines_read_alike (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) refused = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) first = NULL;
  g_autoptr(RelanceInvoice) second = NULL;
  g_autoptr(RelanceInvoice) sixth = NULL;
  const char *bad = MIXED_LINES ("dix");
  const char *good = MIXED_LINES ("10,00");

  import_two_customers (fixture);
  refused = import_refused (fixture, RELANCE_IMPORT_INVOICES, "mixed.csv", bad);
  assert_int_equal (relance_import_report_get_rows_read (refused), 6);
  assert_int_equal (relance_import_report_get_n_errors_total (refused), 1);
  assert_error_at (refused, 8, "amount");

  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "mixed-good.csv", good);
  assert_int_equal (relance_import_report_get_rows_imported (report), 6);
  first = relance_invoice_store_find_by_number (fixture->db, "FA-1", NULL);
  assert_non_null (first);
  assert_int_equal (relance_invoice_get_actor_id (first), actor_id (fixture, "C001"));
  assert_int_equal (relance_invoice_get_amount_cents (first), 10000);
  assert_int_equal (relance_invoice_get_due_date (first), relance_date_new (2025, 3, 31));
  second = relance_invoice_store_find_by_number (fixture->db, "FA-2", NULL);
  assert_non_null (second);
  assert_int_equal (relance_invoice_get_amount_cents (second), 123450);
  sixth = relance_invoice_store_find_by_number (fixture->db, "FA-6", NULL);
  assert_non_null (sixth);
  assert_int_equal (relance_invoice_get_actor_id (sixth), actor_id (fixture, "C002"));
}

static void
test_import_quoted_fields_with_separators_newlines_and_quotes (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceActor) first = NULL;
  g_autoptr(RelanceActor) second = NULL;

  report = import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "quoted.csv",
                      "code;name;address;city\n"
                      "C001;\"Dupont; Fils et Cie\";\"12 rue de la Gare\nBP 45\";Lyon\n"
                      "C002;\"Café \"\"Le Petit Zinc\"\"\";\"3 place Carnot\";\"Nîmes\"\n");
  first = relance_actor_store_find_by_code (fixture->db, "C001", NULL);
  second = relance_actor_store_find_by_code (fixture->db, "C002", NULL);
  assert_string_equal (relance_actor_get_name (first), "Dupont; Fils et Cie");
  assert_string_equal (relance_actor_get_address (first), "12 rue de la Gare\nBP 45");
  assert_string_equal (relance_actor_get_city (first), "Lyon");
  assert_string_equal (relance_actor_get_name (second), "Café \"Le Petit Zinc\"");
  assert_string_equal (relance_actor_get_city (second), "Nîmes");
}

static void
test_import_line_numbers_count_newlines_inside_quotes (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  /* Line 1 header; lines 2–3 the record of C001 (a newline in its
   * address); line 4 the record of C002, whose SIREN is wrong */
  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "lines.csv",
                           "code;name;address;siren\n"
                           "C001;Dupont;\"12 rue de la Gare\nBP 45\";732829320\n"
                           "C002;Durand;1 rue Pasteur;123456789\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_error_at (report, 4, "siren");
}

static void
test_import_decimal_comma_and_point (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) comma = NULL;
  g_autoptr(RelanceInvoice) point = NULL;
  g_autoptr(RelanceInvoice) credit = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "amounts.csv",
                      "number;customer;issue_date;due_date;amount;kind\n"
                      "FA-1;C001;2025-03-01;2025-03-31;1 234,56;invoice\n"
                      "FA-2;C001;2025-03-01;2025-03-31;1234.5;invoice\n"
                      "AV-1;C001;2025-03-05;2025-03-05;-150,00;avoir\n");
  comma = find_invoice (fixture, "FA-1");
  point = find_invoice (fixture, "FA-2");
  credit = find_invoice (fixture, "AV-1");
  /* 1 234,56 → 123 456 cents; 1234.5 → 123 450; -150,00 → -15 000 */
  assert_int_equal (relance_invoice_get_amount_cents (comma), 123456);
  assert_int_equal (relance_invoice_get_amount_cents (point), 123450);
  assert_int_equal (relance_invoice_get_amount_cents (credit), -15000);
  assert_int_equal (relance_invoice_get_kind (credit), RELANCE_INVOICE_KIND_CREDIT_NOTE);
}

static void
test_import_both_date_forms (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) iso = NULL;
  g_autoptr(RelanceInvoice) french = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "dates.csv",
                      "number;customer;issue_date;due_date;amount\n"
                      "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                      "FA-2;C001;01/03/2025;31/03/2025;10,00\n");
  iso = find_invoice (fixture, "FA-1");
  french = find_invoice (fixture, "FA-2");
  assert_int_equal (relance_invoice_get_issue_date (iso), relance_date_new (2025, 3, 1));
  assert_int_equal (relance_invoice_get_due_date (iso), relance_date_new (2025, 3, 31));
  assert_int_equal (relance_invoice_get_issue_date (french), relance_date_new (2025, 3, 1));
  assert_int_equal (relance_invoice_get_due_date (french), relance_date_new (2025, 3, 31));
}

static void
test_import_columns_in_any_order_and_case (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "order.csv",
                      " Amount ;NUMBER;Due_Date;customer;Issue_date;CURRENCY\n"
                      "42,00;FA-1;2025-04-30;C002;2025-04-01;usd\n");
  invoice = find_invoice (fixture, "FA-1");
  assert_int_equal (relance_invoice_get_amount_cents (invoice), 4200);
  assert_int_equal (relance_invoice_get_actor_id (invoice), actor_id (fixture, "C002"));
  assert_int_equal (relance_invoice_get_due_date (invoice), relance_date_new (2025, 4, 30));
  assert_string_equal (relance_invoice_get_currency (invoice), "USD");
}

static void
test_import_unknown_column_is_reported_and_ignored (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *warning;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "unknown.csv",
                      "number;customer;comment;issue_date;due_date;amount\n"
                      "FA-1;C001;à relancer;2025-03-01;2025-03-31;10,00\n");
  assert_int_equal (relance_import_report_get_n_warnings (report), 1);
  warning = relance_import_report_get_warning (report, 0);
  assert_int_equal (warning->line, 1);
  assert_string_equal (warning->column, "comment");
  assert_non_null (strstr (warning->message, "ignored"));
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
}

static void
test_import_validation_warning_does_not_stop_the_import (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *warning;

  /* A French company without SIREN is an orange control */
  report = import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "warn.csv",
                      "code;name\n"
                      "C001;Garage Moreau\n");
  assert_int_equal (relance_import_report_get_n_warnings (report), 1);
  warning = relance_import_report_get_warning (report, 0);
  assert_int_equal (warning->line, 2);
  assert_string_equal (warning->column, "siren");
}

/* Rejections */

static void
test_import_missing_required_column_is_a_format_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  import_two_customers (fixture);
  report = import_text (fixture, RELANCE_IMPORT_INVOICES, "missing.csv",
                        "number;customer;issue_date;due_date\n"
                        "FA-1;C001;2025-03-01;2025-03-31\n", FALSE, &error);
  assert_null (report);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT));
  assert_non_null (strstr (error->message, "amount"));
  assert_non_null (strstr (error->message, "line 1"));
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

static void
test_import_header_of_another_kind_is_a_format_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = import_text (fixture, RELANCE_IMPORT_PAYMENTS, "wrong.csv",
                        "foo;bar\n1;2\n", FALSE, &error);
  assert_null (report);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT));
}

static void
test_import_empty_file_is_a_format_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = import_text (fixture, RELANCE_IMPORT_CUSTOMERS, "empty.csv", "", FALSE, &error);
  assert_null (report);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT));
}

static void
test_import_header_without_rows_is_a_format_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = import_text (fixture, RELANCE_IMPORT_CUSTOMERS, "header.csv", "code;name\n",
                        FALSE, &error);
  assert_null (report);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT));
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM import_batch"), 0);
}

static void
test_import_missing_file_is_a_file_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.csv", NULL);
  g_autoptr(RelanceImportReport) report =
    relance_csv_import (fixture->db, RELANCE_IMPORT_CUSTOMERS, path, FALSE, NULL, NULL, NULL,
                        &error);

  assert_null (report);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FILE));
}

static void
test_import_bad_amount_names_line_and_column (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "amount.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                           "FA-2;C001;2025-03-01;2025-03-31;12,3x\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "amount");
  assert_string_equal (issue->value, "12,3x");
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

static void
test_import_bad_date_names_line_and_column (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "date.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C001;2025-02-30;2025-03-31;10,00\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 2);
  assert_string_equal (issue->column, "issue_date");
  assert_string_equal (issue->value, "2025-02-30");
}

static void
test_import_malformed_dates_are_errors (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "dates.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C001;2025-03-0x;2025-03-31;10,00\n"
                           "FA-2;C001;2025-3-1;2025-03-31;10,00\n"
                           "FA-3;C001;31-03-2025;2025-03-31;10,00\n"
                           "FA-4;C001;2025/03/01;2025-03-31;10,00\n"
                           "FA-5;C001;29/02/2025;2025-03-31;10,00\n"
                           "FA-6;C001;29/02/2024;2025-03-31;10,00\n");
  /* 29/02/2024 is a day of a leap year: only lines 2 to 6 are wrong */
  assert_int_equal (relance_import_report_get_n_errors_total (report), 5);
  for (guint line = 2; line <= 6; line++)
    assert_error_at (report, line, "issue_date");
}

static void
test_import_due_date_before_issue_date_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "due.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C001;2025-03-31;2025-03-01;10,00\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_error_at (report, 2, "due_date");
}

static void
test_import_unknown_customer_names_line_and_value (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "unknown.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                           "FA-2;C999;2025-03-01;2025-03-31;10,00\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "customer");
  assert_string_equal (issue->value, "C999");
}

static void
test_import_duplicate_number_in_file_names_both_lines (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "twice.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                           "FA-2;C001;2025-03-01;2025-03-31;20,00\n"
                           "FA-1;C002;2025-03-01;2025-03-31;30,00\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 4);
  assert_string_equal (issue->column, "number");
  assert_string_equal (issue->value, "FA-1");
  assert_non_null (strstr (issue->message, "line 2"));
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

static void
test_import_duplicate_number_of_the_database_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) first = NULL;
  g_autoptr(RelanceImportReport) second = NULL;
  const RelanceImportIssue *issue;

  import_two_customers (fixture);
  first = import_ok (fixture, RELANCE_IMPORT_INVOICES, "march.csv",
                     "number;customer;issue_date;due_date;amount\n"
                     "FA-1;C001;2025-03-01;2025-03-31;10,00\n");
  second = import_refused (fixture, RELANCE_IMPORT_INVOICES, "april.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-2;C001;2025-04-01;2025-04-30;20,00\n"
                           "FA-1;C001;2025-04-01;2025-04-30;30,00\n");
  issue = relance_import_report_get_error (second, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "number");
  assert_non_null (strstr (issue->message, "database"));
  /* FA-2 is not written either */
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
}

/* The invoices go in 64 to a statement: a duplicate inside one of them,
 * one of the database in another, and a bad row, each named on its line,
 * in the order of the file. */
static void
test_import_duplicates_in_many_rows_name_their_lines (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) first = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GString) csv = g_string_new ("number;customer;issue_date;due_date;amount\n");
  const RelanceImportIssue *issue;

  import_two_customers (fixture);
  first = import_ok (fixture, RELANCE_IMPORT_INVOICES, "march.csv",
                     "number;customer;issue_date;due_date;amount\n"
                     "FA-DB;C001;2025-03-01;2025-03-31;10,00\n");
  /* Row i is on line i + 2 */
  for (guint i = 0; i < 300; i++)
    {
      const char *number = NULL;
      g_autofree char *own = g_strdup_printf ("FA-%03u", i);

      if (i == 58)
        number = "FA-008";   /* line 60 repeats line 10 */
      else if (i == 198)
        number = "FA-DB";    /* line 200: in the database */
      g_string_append_printf (csv, "%s;C00%u;2025-04-01;2025-04-30;%s\n",
                              number ? number : own, 1 + i % 2, i == 248 ? "vingt" : "20,00");
    }
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "april.csv", csv->str);
  assert_int_equal (relance_import_report_get_n_errors_total (report), 3);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 60);
  assert_string_equal (issue->column, "number");
  assert_non_null (strstr (issue->message, "line 10"));
  issue = relance_import_report_get_error (report, 1);
  assert_int_equal (issue->line, 200);
  assert_string_equal (issue->column, "number");
  assert_non_null (strstr (issue->message, "database"));
  assert_error_at (report, 250, "amount");
  assert_int_equal (relance_import_report_get_rows_valid (report), 297);
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
}

static void
test_import_invalid_siren_names_line_and_column (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  /* 732 829 321: the last digit breaks the Luhn key */
  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "siren.csv",
                           "code;name;siren\n"
                           "C001;Dubois S.A.S.;732829321\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 2);
  assert_string_equal (issue->column, "siren");
  assert_string_equal (issue->value, "732829321");
  assert_int_equal (relance_actor_store_count (fixture->db), 0);
}

static void
test_import_invalid_utf8_names_the_line (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  /* "Société" in ISO-8859-15: é is the single byte 0xE9 */
  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "latin9.csv",
                           "code;name\n"
                           "C001;Garage Moreau\n"
                           "C002;Soci\xe9t\xe9 Durand\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "name");
  assert_non_null (strstr (issue->message, "UTF-8"));
}

static void
test_import_customer_twice_in_file_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "twice.csv",
                           "code;name;kind\n"
                           "C001;Claire Dubois;person\n"
                           "C001;Claire Dubois;person\n");
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "code");
  assert_non_null (strstr (issue->message, "line 2"));
}

static void
test_import_customer_of_the_database_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "again.csv",
                           "code;name;kind\n"
                           "C003;Julien Moreau;person\n"
                           "C002;Claire Dubois;person\n");
  assert_error_at (report, 3, "code");
  assert_int_equal (relance_actor_store_count (fixture->db), 2);
}

static void
test_import_row_with_wrong_number_of_fields_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "fields.csv",
                           "code;name;kind\n"
                           "C001;Claire Dubois;person;en trop\n");
  assert_error_at (report, 2, NULL);
}

static void
test_import_every_error_is_reported (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "many.csv",
                           "number;customer;issue_date;due_date;amount\n"
                           "FA-1;C404;2025-03-01;2025-03-31;10,00\n"
                           "FA-2;C001;2025-13-01;2025-03-31;10,00\n"
                           "FA-3;C001;2025-03-01;2025-03-31;zéro\n"
                           ";C001;2025-03-01;2025-03-31;10,00\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 4);
  assert_error_at (report, 2, "customer");
  assert_error_at (report, 3, "issue_date");
  assert_error_at (report, 4, "amount");
  assert_error_at (report, 5, "number");
}

static void
test_import_errors_beyond_the_cap_are_counted (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GString) text = g_string_new ("number;customer;issue_date;due_date;amount\n");
  g_autofree char *summary = NULL;

  import_two_customers (fixture);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "FA-%u;C404;2025-03-01;2025-03-31;10,00\n", i);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "cap.csv", text->str);
  assert_int_equal (relance_import_report_get_n_errors (report), RELANCE_IMPORT_MAX_ISSUES);
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1500);
  summary = relance_import_report_to_string (report);
  /* 1 500 − 1 000 kept */
  assert_non_null (strstr (summary, "and 500 more"));
}

/* All or nothing */

static void
test_import_one_bad_row_in_100_writes_nothing (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GString) text = g_string_new ("number;customer;issue_date;due_date;amount\n");
  g_autoptr(GError) error = NULL;
  gint64 audit_before;

  import_two_customers (fixture);
  audit_before = query_int64 (fixture, "SELECT count(*) FROM audit");
  for (guint i = 1; i <= 100; i++)
    g_string_append_printf (text, "FA-%03u;C001;2025-03-01;2025-03-31;%s\n", i,
                            i == 57 ? "cinquante" : "50,00");
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "hundred.csv", text->str);
  assert_int_equal (relance_import_report_get_rows_read (report), 100);
  assert_int_equal (relance_import_report_get_rows_valid (report), 99);
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  /* Row 57 is on line 58, after the header */
  assert_error_at (report, 58, "amount");
  assert_false (relance_import_report_check (report, &error));
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_INVALID_ROWS));

  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM invoice"), 0);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM import_batch WHERE kind = 'invoices'"), 0);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM audit"), audit_before);
}

static void
test_import_dry_run_writes_nothing (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) dry = NULL;
  g_autoptr(RelanceImportReport) real = NULL;
  g_autoptr(GError) error = NULL;
  const char *content = "number;customer;issue_date;due_date;amount\n"
                        "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                        "FA-2;C002;2025-03-01;2025-03-31;20,00\n";

  import_two_customers (fixture);
  dry = import_text (fixture, RELANCE_IMPORT_INVOICES, "dry.csv", content, TRUE, &error);
  assert_non_null (dry);
  assert_true (relance_import_report_get_dry_run (dry));
  assert_false (relance_import_report_has_errors (dry));
  assert_false (relance_import_report_get_written (dry));
  assert_int_equal (relance_import_report_get_rows_valid (dry), 2);
  assert_int_equal (relance_import_report_get_rows_imported (dry), 0);
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM import_batch WHERE kind = 'invoices'"), 0);

  /* A dry run does not count as an import of the file */
  real = import_ok (fixture, RELANCE_IMPORT_INVOICES, "dry.csv", content);
  assert_int_equal (relance_invoice_store_count (fixture->db), 2);
}

static void
test_import_dry_run_reports_the_errors_of_an_import (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  import_two_customers (fixture);
  report = import_text (fixture, RELANCE_IMPORT_INVOICES, "dry.csv",
                        "number;customer;issue_date;due_date;amount\n"
                        "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                        "FA-1;C002;2025-03-01;2025-03-31;20,00\n", TRUE, &error);
  assert_non_null (report);
  assert_error_at (report, 3, "number");
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

static void
test_import_same_file_twice_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) first = NULL;
  g_autoptr(RelanceImportReport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *content = "number;customer;issue_date;due_date;amount\n"
                        "FA-1;C001;2025-03-01;2025-03-31;10,00\n";

  import_two_customers (fixture);
  first = import_ok (fixture, RELANCE_IMPORT_INVOICES, "march.csv", content);
  /* The same content under another name is the same file */
  second = import_text (fixture, RELANCE_IMPORT_INVOICES, "march-copy.csv", content, FALSE, &error);
  assert_null (second);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_ALREADY_IMPORTED));
  /* The message names the date of the first import and its file */
  assert_non_null (strstr (error->message, today));
  assert_non_null (strstr (error->message, "march.csv"));
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
}

static void
test_import_records_the_batch_and_one_audit_line (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
    "number;customer;issue_date;due_date;amount\n"
    "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
    "FA-2;C001;2025-03-01;2025-03-31;10,00\n", -1);
  g_autofree char *sql = g_strdup_printf ("SELECT rows FROM import_batch WHERE kind = 'invoices'"
                                          " AND sha256 = '%s' AND file_name = 'audit.csv'", sha);

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "audit.csv",
                      "number;customer;issue_date;due_date;amount\n"
                      "FA-1;C001;2025-03-01;2025-03-31;10,00\n"
                      "FA-2;C001;2025-03-01;2025-03-31;10,00\n");
  assert_int_equal (query_int64 (fixture, sql), 2);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM audit WHERE entity = 'import'"
                                          " AND action = 'import' AND after = 'invoices, audit.csv, 2'"), 1);
  /* No line per invoice */
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM audit WHERE entity = 'invoice'"), 0);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM invoice WHERE import_id = "
                                          "(SELECT id FROM import_batch WHERE kind = 'invoices')"), 2);
}

static void
test_import_cancelled_writes_nothing (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autofree char *path = NULL;

  import_two_customers (fixture);
  path = write_file (fixture, "cancel.csv",
                     "number;customer;issue_date;due_date;amount\n"
                     "FA-1;C001;2025-03-01;2025-03-31;10,00\n", -1);
  g_cancellable_cancel (cancellable);
  report = relance_csv_import (fixture->db, RELANCE_IMPORT_INVOICES, path, FALSE, cancellable,
                               NULL, NULL, &error);
  assert_null (report);
  assert_true (g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_CANCELLED));
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

typedef struct
{
  guint  calls;
  double last;
  gboolean decreased;
} Progress;

static void
progress_cb (double      fraction,
             const char *what,
             gpointer    data)
{
  Progress *progress = data;

  if (fraction < progress->last)
    progress->decreased = TRUE;
  progress->last = fraction;
  progress->calls++;
}

static void
test_import_reports_progress_up_to_one (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GString) text = g_string_new ("number;customer;issue_date;due_date;amount\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autofree char *path = NULL;
  Progress progress = { 0 };

  import_two_customers (fixture);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "FA-%05u;C001;2025-03-01;2025-03-31;10,00\n", i);
  path = write_file (fixture, "progress.csv", text->str, -1);
  report = relance_csv_import (fixture->db, RELANCE_IMPORT_INVOICES, path, FALSE, NULL,
                               progress_cb, &progress, &error);
  assert_non_null (report);
  assert_true (progress.calls >= 3);
  assert_false (progress.decreased);
  assert_true (progress.last == 1.0);
}

static gboolean
has_index (Fixture    *fixture,
           const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema"
                                          " WHERE type = 'index' AND name = '%s'", name);

  return query_int64 (fixture, sql) == 1;
}

static void
test_import_big_file_keeps_the_indexes (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GString) good = g_string_new ("number;customer;issue_date;due_date;amount\n");
  g_autoptr(GString) bad = g_string_new ("number;customer;issue_date;due_date;amount\n");
  g_autoptr(RelanceImportReport) refused = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GArray) open = NULL;

  /* 30 000 rows: enough for the indexes to be built at the end */
  import_two_customers (fixture);
  for (guint i = 0; i < 30000; i++)
    {
      g_string_append_printf (good, "FA-%05u;C00%u;2025-03-01;2025-03-31;10,00\n", i, 1 + i % 2);
      g_string_append_printf (bad, "FB-%05u;C001;2025-03-01;2025-03-31;%s\n", i,
                              i == 29999 ? "dix" : "10,00");
    }

  /* Refused: the rollback brings everything back, indexes included */
  refused = import_refused (fixture, RELANCE_IMPORT_INVOICES, "bad.csv", bad->str);
  assert_error_at (refused, 30001, "amount");
  assert_true (has_index (fixture, "invoice_actor"));
  assert_true (has_index (fixture, "invoice_open"));

  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "good.csv", good->str);
  assert_int_equal (relance_import_report_get_rows_imported (report), 30000);
  assert_true (has_index (fixture, "invoice_actor"));
  assert_true (has_index (fixture, "invoice_open"));
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  assert_true (relance_database_check_integrity (fixture->db, NULL));
  /* Half of them are C002's: 15 000 */
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM invoice INDEXED BY invoice_actor"
                                          " WHERE actor_id = (SELECT id FROM actor WHERE code = 'C002')"),
                    15000);
}

/* In customer order the indexes are kept row by row rather than built at
 * the end (follow_customer_order()): the same indexes either way. */
static void
test_import_big_file_in_customer_order_keeps_the_indexes (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GString) good = g_string_new ("number;customer;issue_date;due_date;amount\n");
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (good, "FA-%05u;C00%u;2025-03-01;2025-03-%02u;10,00\n", i,
                            i < 10000 ? 1 : 2, 1 + i % 31);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "good.csv", good->str);
  assert_int_equal (relance_import_report_get_rows_imported (report), 30000);
  assert_true (has_index (fixture, "invoice_actor"));
  assert_true (has_index (fixture, "invoice_open"));
  assert_true (relance_database_check_integrity (fixture->db, NULL));
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM invoice INDEXED BY invoice_actor"
                                          " WHERE actor_id = (SELECT id FROM actor WHERE code = 'C002')"),
                    20000);
  /* C001's open items due on the 31st: i = 30 + 31 k < 10000, k = 0 … 321 */
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM invoice INDEXED BY invoice_open"
                                          " WHERE actor_id = (SELECT id FROM actor WHERE code = 'C001')"
                                          " AND due_date = (SELECT max (due_date) FROM invoice)"
                                          " AND allocated_cents <> amount_cents AND cancelled = 0"),
                    322);
}

/* Payments */

static void
import_one_invoice (Fixture *fixture)
{
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                      "number;customer;issue_date;due_date;amount\n"
                      "FA-1;C001;2025-03-01;2025-03-31;1 000,00\n");
}

static void
test_import_payment_with_invoice_allocates (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(RelancePayment) first = NULL;
  g_autoptr(RelancePayment) second = NULL;
  const RelanceImportIssue *warning;

  import_one_invoice (fixture);
  /* 400,00 then 700,00 on an invoice of 1 000,00: the second pays the
   * 600,00 left, and 100,00 of it stays unallocated */
  report = import_ok (fixture, RELANCE_IMPORT_PAYMENTS, "payments.csv",
                      "reference;customer;date;amount;invoice\n"
                      "RG-1;C001;2025-04-02;400,00;FA-1\n"
                      "RG-2;C001;2025-04-20;700,00;FA-1\n");
  invoice = find_invoice (fixture, "FA-1");
  first = relance_payment_store_find_by_reference (fixture->db, "RG-1", NULL);
  second = relance_payment_store_find_by_reference (fixture->db, "RG-2", NULL);
  assert_int_equal (relance_invoice_get_allocated_cents (invoice), 100000);
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 0);
  assert_int_equal (relance_payment_get_allocated_cents (first), 40000);
  assert_int_equal (relance_payment_get_allocated_cents (second), 60000);
  assert_int_equal (relance_payment_get_unallocated_cents (second), 10000);
  assert_int_equal (relance_payment_get_date (second), relance_date_new (2025, 4, 20));

  assert_int_equal (relance_import_report_get_n_warnings (report), 1);
  warning = relance_import_report_get_warning (report, 0);
  assert_int_equal (warning->line, 3);
  assert_string_equal (warning->column, "amount");
  assert_int_equal (query_int64 (fixture, "SELECT sum(amount_cents) FROM allocation"), 100000);
}

static void
test_import_payment_without_invoice_is_unallocated (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelancePayment) payment = NULL;

  import_one_invoice (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_PAYMENTS, "payments.csv",
                      "reference;customer;date;amount;currency;invoice\n"
                      "RG-1;C002;15/04/2025;250,50;EUR;\n");
  payment = relance_payment_store_find_by_reference (fixture->db, "RG-1", NULL);
  assert_non_null (payment);
  assert_int_equal (relance_payment_get_amount_cents (payment), 25050);
  assert_int_equal (relance_payment_get_allocated_cents (payment), 0);
  assert_int_equal (relance_payment_get_actor_id (payment), actor_id (fixture, "C002"));
}

static void
test_import_payment_for_an_invoice_of_another_customer_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_PAYMENTS, "payments.csv",
                           "reference;customer;date;amount;invoice\n"
                           "RG-1;C002;2025-04-02;400,00;FA-1\n");
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 2);
  assert_string_equal (issue->column, "invoice");
  assert_string_equal (issue->value, "FA-1");
  assert_null (relance_payment_store_find_by_reference (fixture->db, "RG-1", NULL));
}

static void
test_import_payment_for_an_unknown_invoice_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_PAYMENTS, "payments.csv",
                           "reference;customer;date;amount;invoice\n"
                           "RG-1;C001;2025-04-02;400,00;FA-404\n");
  assert_error_at (report, 2, "invoice");
}

static void
test_import_duplicate_payment_reference_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_PAYMENTS, "payments.csv",
                           "reference;customer;date;amount\n"
                           "RG-1;C001;2025-04-02;400,00\n"
                           "RG-1;C001;2025-04-03;100,00\n");
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "reference");
  assert_non_null (strstr (issue->message, "line 2"));
}

static void
test_import_negative_payment_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_PAYMENTS, "payments.csv",
                           "reference;customer;date;amount\n"
                           "RG-1;C001;2025-04-02;-400,00\n");
  assert_error_at (report, 2, "amount");
}

/* The agent of a customer: a user's login */

static void
test_import_agent_login_in_any_case_is_the_user (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceActor) first = NULL;
  g_autoptr(RelanceActor) second = NULL;
  g_autoptr(RelanceActor) third = NULL;

  add_user (fixture, "arossi", "Alex Rossi");
  add_user (fixture, "smarchand", "Sophie Marchand");
  report = import_ok (fixture, RELANCE_IMPORT_CUSTOMERS, "customers.csv",
                      "code;name;agent\n"
                      "C001;Martin et Fils;arossi\n"
                      "C002;Claire Dubois;SMarchand\n"
                      "C003;Dupont SARL;\n");
  assert_int_equal (relance_import_report_get_rows_imported (report), 3);
  first = relance_actor_store_find_by_code (fixture->db, "C001", NULL);
  second = relance_actor_store_find_by_code (fixture->db, "C002", NULL);
  third = relance_actor_store_find_by_code (fixture->db, "C003", NULL);
  assert_string_equal (relance_actor_get_agent (first), "arossi");
  /* Logins are in lower case: "SMarchand" is smarchand */
  assert_string_equal (relance_actor_get_agent (second), "smarchand");
  assert_null (relance_actor_get_agent (third));
}

static void
test_import_unknown_agent_login_names_line_column_and_value (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  const RelanceImportIssue *issue;

  add_user (fixture, "claurent", "Camille Laurent");
  /* The agent's name is not the login */
  report = import_refused (fixture, RELANCE_IMPORT_CUSTOMERS, "customers.csv",
                           "code;name;agent\n"
                           "C001;Martin et Fils;claurent\n"
                           "C002;Claire Dubois;Camille Laurent\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  issue = relance_import_report_get_error (report, 0);
  assert_int_equal (issue->line, 3);
  assert_string_equal (issue->column, "agent");
  assert_string_equal (issue->value, "Camille Laurent");
  assert_non_null (strstr (issue->message, "login “Camille Laurent”"));
  assert_int_equal (relance_actor_store_count (fixture->db), 0);
}

/* A credit note applied to an invoice (applies_to) */

static gint64
credit_applied (Fixture    *fixture,
                const char *credit_note,
                const char *invoice)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT coalesce(sum(c.amount_cents), 0) FROM credit_allocation c"
                     " JOIN invoice n ON n.id = c.credit_note_id"
                     " JOIN invoice i ON i.id = c.invoice_id"
                     " WHERE n.number = '%s' AND i.number = '%s'", credit_note, invoice);

  return query_int64 (fixture, sql);
}

static void
test_import_credit_note_applies_to_an_invoice_of_the_file (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(RelanceInvoice) credit = NULL;
  g_autofree char *date_sql = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                      "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                      "FA-1;C001;2025-03-01;2025-03-31;1 000,00;facture;\n"
                      "AV-1;C001;2025-03-10;2025-03-10;-250,00;avoir;FA-1\n");
  assert_int_equal (relance_import_report_get_rows_imported (report), 2);
  assert_int_equal (relance_import_report_get_n_warnings_total (report), 0);
  /* 1 000,00 − 250,00 = 750,00 left on the invoice; the credit note is
   * used up: remaining −250,00 − (−250,00) = 0 */
  invoice = find_invoice (fixture, "FA-1");
  credit = find_invoice (fixture, "AV-1");
  assert_int_equal (relance_invoice_get_allocated_cents (invoice), 25000);
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 75000);
  assert_int_equal (relance_invoice_get_allocated_cents (credit), -25000);
  assert_int_equal (relance_invoice_get_remaining_cents (credit), 0);
  assert_int_equal (credit_applied (fixture, "AV-1", "FA-1"), 25000);
  /* On the credit note's issue date */
  date_sql = g_strdup_printf ("SELECT count(*) FROM credit_allocation WHERE date = %d",
                              relance_date_new (2025, 3, 10));
  assert_int_equal (query_int64 (fixture, date_sql), 1);
}

static void
test_import_credit_note_applies_to_an_invoice_of_the_database (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  import_one_invoice (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "credit-notes.csv",
                      "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                      "AV-1;C001;2025-03-10;2025-03-10;-100,00;credit_note;FA-1\n"
                      "AV-2;C001;2025-03-12;2025-03-12;-50,00;credit_note;\n");
  /* 1 000,00 − 100,00; AV-2 names no invoice and stays open */
  invoice = find_invoice (fixture, "FA-1");
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 90000);
  assert_int_equal (credit_applied (fixture, "AV-1", "FA-1"), 10000);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM credit_allocation"), 1);
  assert_int_equal (query_int64 (fixture, "SELECT allocated_cents FROM invoice WHERE number = 'AV-2'"),
                    0);
}

/* The invoice may come after its credit note in the file */
static void
test_import_credit_note_before_its_invoice_in_the_file (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                      "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                      "AV-1;C002;2025-03-10;2025-03-10;-30,00;avoir;FA-2\n"
                      "FA-2;C002;2025-03-01;2025-03-31;120,00;facture;\n");
  /* 120,00 − 30,00 = 90,00 */
  invoice = find_invoice (fixture, "FA-2");
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 9000);
  assert_int_equal (credit_applied (fixture, "AV-1", "FA-2"), 3000);
  assert_int_equal (relance_import_report_get_rows_valid (report), 2);
}

/* min(credit note, invoice remaining): the rest of the credit note stays
 * open, with a warning; a settled invoice takes nothing */
static void
test_import_credit_note_above_what_the_invoice_owes_stays_open (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(RelanceInvoice) first = NULL;
  g_autoptr(RelanceInvoice) second = NULL;
  const RelanceImportIssue *warning;

  import_two_customers (fixture);
  report = import_ok (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                      "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                      "FA-1;C001;2025-03-01;2025-03-31;100,00;facture;\n"
                      "AV-1;C001;2025-03-10;2025-03-10;-150,00;avoir;FA-1\n"
                      "AV-2;C001;2025-03-11;2025-03-11;-20,00;avoir;FA-1\n");
  invoice = find_invoice (fixture, "FA-1");
  first = find_invoice (fixture, "AV-1");
  second = find_invoice (fixture, "AV-2");
  /* AV-1 takes the 100,00 that FA-1 owes, 50,00 of it stays open; AV-2
   * finds nothing left */
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 0);
  assert_int_equal (relance_invoice_get_remaining_cents (first), -5000);
  assert_int_equal (relance_invoice_get_remaining_cents (second), -2000);
  assert_int_equal (credit_applied (fixture, "AV-1", "FA-1"), 10000);
  assert_int_equal (credit_applied (fixture, "AV-2", "FA-1"), 0);

  assert_int_equal (relance_import_report_get_n_warnings (report), 2);
  warning = relance_import_report_get_warning (report, 0);
  assert_int_equal (warning->line, 3);
  assert_string_equal (warning->column, "applies_to");
  /* 150,00 − 100,00 = 50,00, in the format of the locale */
  assert_non_null (strstr (warning->message, "50"));
  assert_non_null (strstr (warning->message, "stays open"));
  warning = relance_import_report_get_warning (report, 1);
  assert_int_equal (warning->line, 4);
  assert_string_equal (warning->column, "applies_to");
  assert_string_equal (warning->value, "FA-1");
}

static void
assert_applies_to_error (RelanceImportReport *report,
                         guint                line,
                         const char          *value,
                         const char          *words)
{
  const RelanceImportIssue *issue = relance_import_report_find_error (report, line, "applies_to");

  if (issue == NULL)
    {
      g_autofree char *text = relance_import_report_to_string (report);

      fail_msg ("no error at line %u, column applies_to in:\n%s", line, text);
    }
  assert_string_equal (issue->value, value);
  if (strstr (issue->message, words) == NULL)
    fail_msg ("line %u: “%s” does not say “%s”", line, issue->message, words);
}

static void
test_import_applies_to_on_an_invoice_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                           "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                           "FA-2;C001;2025-03-05;2025-04-04;80,00;facture;FA-1\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_applies_to_error (report, 2, "FA-1", "Only a credit note");
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
}

static void
test_import_applies_to_an_unknown_invoice_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                           "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                           "AV-1;C001;2025-03-10;2025-03-10;-10,00;avoir;FA-1\n"
                           "AV-2;C001;2025-03-10;2025-03-10;-10,00;avoir;FA-404\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_applies_to_error (report, 3, "FA-404", "no invoice FA-404");
  assert_int_equal (relance_import_report_get_rows_valid (report), 1);
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM credit_allocation"), 0);
}

static void
test_import_applies_to_an_invoice_of_another_customer_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;

  /* FA-1 is C001's; one in the database, one of the file */
  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                           "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                           "AV-1;C002;2025-03-10;2025-03-10;-10,00;avoir;FA-1\n"
                           "FA-2;C001;2025-03-05;2025-04-04;80,00;facture;\n"
                           "AV-2;C002;2025-03-10;2025-03-10;-10,00;avoir;FA-2\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 2);
  assert_applies_to_error (report, 2, "FA-1", "another customer");
  assert_applies_to_error (report, 4, "FA-2", "another customer");
  invoice = find_invoice (fixture, "FA-1");
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 100000);
}

static void
test_import_applies_to_an_invoice_of_another_currency_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_one_invoice (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                           "number;customer;issue_date;due_date;amount;currency;kind;applies_to\n"
                           "AV-1;C001;2025-03-10;2025-03-10;-10,00;USD;avoir;FA-1\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_applies_to_error (report, 2, "FA-1", "USD");
}

static void
test_import_applies_to_a_credit_note_is_an_error (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;

  import_two_customers (fixture);
  report = import_refused (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                           "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                           "AV-1;C001;2025-03-10;2025-03-10;-10,00;avoir;\n"
                           "AV-2;C001;2025-03-11;2025-03-11;-10,00;avoir;AV-1\n");
  assert_int_equal (relance_import_report_get_n_errors_total (report), 1);
  assert_applies_to_error (report, 3, "AV-1", "another credit note");
}

/* A dry run checks and applies as an import would, and writes nothing */
static void
test_import_dry_run_checks_applies_to (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  import_one_invoice (fixture);
  report = import_text (fixture, RELANCE_IMPORT_INVOICES, "invoices.csv",
                        "number;customer;issue_date;due_date;amount;kind;applies_to\n"
                        "AV-1;C001;2025-03-10;2025-03-10;-1 200,00;avoir;FA-1\n",
                        TRUE, &error);
  assert_non_null (report);
  assert_false (relance_import_report_has_errors (report));
  assert_int_equal (relance_import_report_get_n_warnings (report), 1);
  assert_false (relance_import_report_get_written (report));
  assert_int_equal (query_int64 (fixture, "SELECT count(*) FROM credit_allocation"), 0);
  assert_int_equal (query_int64 (fixture, "SELECT allocated_cents FROM invoice WHERE number = 'FA-1'"),
                    0);
}

/* The example files of docs/ */

static void
test_import_documented_examples_in_order (void **state)
{
  Fixture *fixture = *state;
  const char *srcdir = g_getenv ("RELANCE_TEST_SRCDIR");
  static const struct
  {
    RelanceImportKind kind;
    const char       *name;
  } files[] = {
    { RELANCE_IMPORT_CUSTOMERS, "customers.csv" },
    { RELANCE_IMPORT_INVOICES, "invoices.csv" },
    { RELANCE_IMPORT_PAYMENTS, "payments.csv" },
  };

  if (srcdir == NULL)
    skip ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (srcdir, "..", "docs", "examples",
                                                files[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RelanceImportReport) report =
        relance_csv_import (fixture->db, files[i].kind, path, FALSE, NULL, NULL, NULL, &error);

      if (report == NULL)
        fail_msg ("%s: %s", files[i].name, error->message);
      if (!relance_import_report_check (report, &error))
        fail_msg ("%s: %s", files[i].name, error->message);
      assert_true (relance_import_report_get_written (report));
    }
  assert_true (relance_actor_store_count (fixture->db) > 0);
  assert_true (relance_invoice_store_count (fixture->db) > 0);
  /* AV2025-000011 applies to FA2025-000107: 7 212,36 − 1 200,00 = 6 012,36 */
  {
    g_autoptr(RelanceInvoice) invoice = find_invoice (fixture, "FA2025-000107");
    g_autoptr(RelanceInvoice) credit = find_invoice (fixture, "AV2025-000011");

    assert_int_equal (relance_invoice_get_remaining_cents (invoice), 601236);
    assert_int_equal (relance_invoice_get_remaining_cents (credit), 0);
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_import_customers_with_semicolons),
    TEST (test_import_customers_extension_columns),
    TEST (test_import_invoices_with_commas_and_decimal_points),
    TEST (test_import_invoices_with_tabs),
    TEST (test_import_with_utf8_bom),
    TEST (test_import_with_crlf_line_ends),
    TEST (test_import_crlf_errors_name_the_right_line),
    TEST (test_import_plain_and_quoted_lines_read_alike),
    TEST (test_import_quoted_fields_with_separators_newlines_and_quotes),
    TEST (test_import_line_numbers_count_newlines_inside_quotes),
    TEST (test_import_decimal_comma_and_point),
    TEST (test_import_both_date_forms),
    TEST (test_import_columns_in_any_order_and_case),
    TEST (test_import_unknown_column_is_reported_and_ignored),
    TEST (test_import_validation_warning_does_not_stop_the_import),
    TEST (test_import_missing_required_column_is_a_format_error),
    TEST (test_import_header_of_another_kind_is_a_format_error),
    TEST (test_import_empty_file_is_a_format_error),
    TEST (test_import_header_without_rows_is_a_format_error),
    TEST (test_import_missing_file_is_a_file_error),
    TEST (test_import_bad_amount_names_line_and_column),
    TEST (test_import_bad_date_names_line_and_column),
    TEST (test_import_malformed_dates_are_errors),
    TEST (test_import_due_date_before_issue_date_is_an_error),
    TEST (test_import_unknown_customer_names_line_and_value),
    TEST (test_import_duplicate_number_in_file_names_both_lines),
    TEST (test_import_duplicate_number_of_the_database_is_an_error),
    TEST (test_import_duplicates_in_many_rows_name_their_lines),
    TEST (test_import_invalid_siren_names_line_and_column),
    TEST (test_import_invalid_utf8_names_the_line),
    TEST (test_import_customer_twice_in_file_is_an_error),
    TEST (test_import_customer_of_the_database_is_an_error),
    TEST (test_import_row_with_wrong_number_of_fields_is_an_error),
    TEST (test_import_every_error_is_reported),
    TEST (test_import_errors_beyond_the_cap_are_counted),
    TEST (test_import_one_bad_row_in_100_writes_nothing),
    TEST (test_import_dry_run_writes_nothing),
    TEST (test_import_dry_run_reports_the_errors_of_an_import),
    TEST (test_import_same_file_twice_is_refused),
    TEST (test_import_records_the_batch_and_one_audit_line),
    TEST (test_import_cancelled_writes_nothing),
    TEST (test_import_reports_progress_up_to_one),
    TEST (test_import_big_file_keeps_the_indexes),
    TEST (test_import_big_file_in_customer_order_keeps_the_indexes),
    TEST (test_import_payment_with_invoice_allocates),
    TEST (test_import_payment_without_invoice_is_unallocated),
    TEST (test_import_payment_for_an_invoice_of_another_customer_is_an_error),
    TEST (test_import_payment_for_an_unknown_invoice_is_an_error),
    TEST (test_import_duplicate_payment_reference_is_an_error),
    TEST (test_import_negative_payment_is_an_error),
    TEST (test_import_agent_login_in_any_case_is_the_user),
    TEST (test_import_unknown_agent_login_names_line_column_and_value),
    TEST (test_import_credit_note_applies_to_an_invoice_of_the_file),
    TEST (test_import_credit_note_applies_to_an_invoice_of_the_database),
    TEST (test_import_credit_note_before_its_invoice_in_the_file),
    TEST (test_import_credit_note_above_what_the_invoice_owes_stays_open),
    TEST (test_import_applies_to_on_an_invoice_is_an_error),
    TEST (test_import_applies_to_an_unknown_invoice_is_an_error),
    TEST (test_import_applies_to_an_invoice_of_another_customer_is_an_error),
    TEST (test_import_applies_to_an_invoice_of_another_currency_is_an_error),
    TEST (test_import_applies_to_a_credit_note_is_an_error),
    TEST (test_import_dry_run_checks_applies_to),
    TEST (test_import_documented_examples_in_order),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
