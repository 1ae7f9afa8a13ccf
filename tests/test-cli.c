/* test-cli.c — relance-cli as a program: commands, exit status, JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built executable (RELANCE_CLI, set by tests/meson.build) on a
 * fresh database in a temporary directory, with small CSV files written
 * here. Expected values are worked by hand from DOMAIN.md; the arithmetic
 * is in the comments. The evaluation day is 31 March 2025 throughout.
 *
 * The data:
 *   C1  F1 1 200,00 issued 15/01/2025, due 14/02/2025 (overdue on D)
 *       F2   300,00 issued 20/03/2025, due 19/04/2025 (not due on D)
 *       P1   500,00 on 01/03/2025, allocated to F1
 *       P2    50,00 on 10/03/2025, not allocated
 *   C2  F3   100,00 issued 01/02/2025, due 03/03/2025 (overdue on D)
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define DAY "2025-03-31"

typedef struct
{
  char *dir;
  char *db;
  char *customers;
  char *invoices;
  char *payments;
} Fixture;

static const char customers_csv[] =
  "code;name;segment;siren\n"
  "C1;Société Générale d'Équipement;Grand compte;732829320\n"
  "C2;Dupont SARL;PME;\n";

static const char invoices_csv[] =
  "number;customer;issue_date;due_date;amount\n"
  "F1;C1;2025-01-15;2025-02-14;1200,00\n"
  "F2;C1;2025-03-20;2025-04-19;300,00\n"
  "F3;C2;01/02/2025;03/03/2025;100,00\n";

static const char payments_csv[] =
  "reference;customer;date;amount;invoice\n"
  "P1;C1;2025-03-01;500,00;F1\n"
  "P2;C1;2025-03-10;50,00;\n";

/* Helpers */

#include "cli-fixture.h"

static double
number_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    fail_msg ("no member “%s”", name);
  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    fail_msg ("member “%s” is not a number", name);
  return json_node_get_double (node);
}

static void
assert_days (double      actual,
             double      expected)
{
  if (actual < expected - 0.005 || actual > expected + 0.005)
    fail_msg ("%.4f days, expected %.2f", actual, expected);
}

static void
import_all (Fixture *f)
{
  g_auto(Run) customers = { 0 };
  g_auto(Run) invoices = { 0 };
  g_auto(Run) payments = { 0 };

  run_cli (&customers, f, "import", "customers", f->customers, NULL);
  assert_status (&customers, 0);
  run_cli (&invoices, f, "import", "invoices", f->invoices, NULL);
  assert_status (&invoices, 0);
  run_cli (&payments, f, "import", "payments", f->payments, NULL);
  assert_status (&payments, 0);
}

static guint
count_customers (Fixture *f)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (&run, f, "customer", "list", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static guint
count_open_items (Fixture    *f,
                  const char *code)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (&run, f, "customer", "show", code, "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                              "open_items"));
}

/* Fixtures */

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  g_auto(Run) init = { 0 };

  f->dir = g_dir_make_tmp ("relance-cli-XXXXXX", &error);
  if (f->dir == NULL)
    fail_msg ("%s", error->message);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->customers = write_file (f, "customers.csv", customers_csv);
  f->invoices = write_file (f, "invoices.csv", invoices_csv);
  f->payments = write_file (f, "payments.csv", payments_csv);

  run_cli (&init, f, "init", NULL);
  assert_status (&init, 0);

  *state = f;
  return 0;
}

static int
setup_imported (void **state)
{
  setup (state);
  import_all (*state);
  return 0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->customers);
  g_free (f->invoices);
  g_free (f->payments);
  g_free (f);
  return 0;
}

/* Tests */

static void
test_cli_init_prints_path_and_schema_version (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  /* A second init on the same file only checks the migrations */
  run_cli (&run, f, "init", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_string_equal (string_member (object, "path"), f->db);
  assert_true (int_member (object, "schema_version") >= 1);
  assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_init_default_path_in_user_data_dir (void **state)
{
  Fixture *f = *state;
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_autofree char *env_data_home = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  g_autofree char *expected = g_build_filename (data_home, "relance", "relance.db", NULL);
  g_autofree char *env_db = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  const char *args[] = { "init", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run_env = { 0 };

  /* Neither --db nor RELANCE_DB: $XDG_DATA_HOME/relance/relance.db, its
   * folder created */
  {
    const char *env[] = { env_data_home, NULL };

    run_argv (&run, args, env);
  }
  assert_status (&run, 0);
  assert_contains (run.out, expected);
  assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));

  /* RELANCE_DB wins over the default */
  env_db = g_strconcat ("RELANCE_DB=", other, NULL);
  {
    const char *env[] = { env_data_home, env_db, NULL };

    run_argv (&run_env, args, env);
  }
  assert_status (&run_env, 0);
  assert_contains (run_env.out, other);
  assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_import_prints_summary (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "import", "customers", f->customers, NULL);
  assert_status (&run, 0);
  /* 2 data rows, both imported */
  assert_contains (run.out, "2 rows read, 2 imported");
}

static void
test_cli_import_json_report (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&run, f, "import", "customers", f->customers, "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_string_equal (string_member (object, "kind"), "customers");
  assert_string_equal (string_member (object, "file"), f->customers);
  assert_false (json_object_get_boolean_member (object, "dry_run"));
  assert_int_equal (int_member (object, "rows_read"), 2);
  assert_int_equal (int_member (object, "rows_imported"), 2);
  assert_int_equal (json_array_get_length (json_object_get_array_member (object, "errors")), 0);
  assert_true (json_object_has_member (object, "warnings"));
}

static void
test_cli_import_dry_run_writes_nothing (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  run_cli (&run, f, "import", "customers", f->customers, "--dry-run", NULL);
  assert_status (&run, 0);
  assert_contains (run.out, "checked, nothing written");
  assert_int_equal (count_customers (f), 0);

  /* …and does not count as an import of that file */
  run_cli (&again, f, "import", "customers", f->customers, NULL);
  assert_status (&again, 0);
  assert_int_equal (count_customers (f), 2);
}

static void
test_cli_import_bad_row_fails_and_writes_nothing (void **state)
{
  Fixture *f = *state;
  /* Line 2 is right, line 3 has an amount that is not one: all or
   * nothing, so F4 is not written either */
  g_autofree char *bad = write_file (f, "bad-invoices.csv",
                                     "number;customer;issue_date;due_date;amount\n"
                                     "F4;C2;2025-03-01;2025-03-31;10,00\n"
                                     "F5;C2;2025-03-01;2025-03-31;12,3x\n");
  g_autofree char *expected = g_strdup_printf ("%s:3: column amount:", bad);
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *error;

  assert_int_equal (count_open_items (f, "C2"), 1);

  run_cli (&run, f, "import", "invoices", bad, NULL);
  assert_status (&run, 1);
  assert_contains (run.err, expected);
  assert_int_equal (count_open_items (f, "C2"), 1);

  run_cli (&json, f, "import", "invoices", bad, "--json", NULL);
  assert_status (&json, 1);
  root = parse_json (json.out);
  assert_int_equal (int_member (json_node_get_object (root), "rows_read"), 2);
  assert_int_equal (int_member (json_node_get_object (root), "rows_imported"), 0);
  error = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                       "errors"), 0);
  assert_int_equal (int_member (error, "line"), 3);
  assert_string_equal (string_member (error, "column"), "amount");
  assert_string_equal (string_member (error, "value"), "12,3x");
  assert_true (strlen (string_member (error, "reason")) > 0);
  assert_int_equal (count_open_items (f, "C2"), 1);
}

static void
test_cli_import_same_file_twice_refused (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };

  /* setup_imported imported it once */
  run_cli (&run, f, "import", "customers", f->customers, NULL);
  assert_status (&run, 1);
  assert_true (strlen (run.err) > 0);
  assert_int_equal (count_customers (f), 2);
}

static void
test_cli_import_unknown_kind_is_usage_error (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "import", "contracts", f->customers, NULL);
  assert_status (&run, 2);
}

static void
test_cli_customer_show_json (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *c1;
  JsonArray *items;
  JsonObject *f1, *f2;

  run_cli (&run, f, "customer", "show", "C1", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  assert_true (JSON_NODE_HOLDS_OBJECT (root));
  c1 = json_node_get_object (root);

  assert_string_equal (string_member (c1, "code"), "C1");
  assert_string_equal (string_member (c1, "name"), "Société Générale d'Équipement");
  assert_string_equal (string_member (c1, "currency"), "EUR");
  assert_string_equal (string_member (c1, "evaluation_date"), DAY);
  assert_string_equal (string_member (c1, "segment"), "Grand compte");
  /* global = F1 + F2 = 1 200,00 + 300,00 = 1 500,00 */
  assert_int_equal (int_member (c1, "global_cents"), 150000);
  /* partial = P1 allocated to F1 = 500,00 */
  assert_int_equal (int_member (c1, "partial_payments_cents"), 50000);
  /* unallocated = P2 = 50,00 */
  assert_int_equal (int_member (c1, "unallocated_cents"), 5000);
  /* outstanding = 1 500,00 − 500,00 − 50,00 = 950,00 */
  assert_int_equal (int_member (c1, "outstanding_cents"), 95000);
  /* overdue = remaining of F1 (due 14/02 < 31/03) = 1 200,00 − 500,00 =
   * 700,00; F2 is due 19/04, not overdue */
  assert_int_equal (int_member (c1, "overdue_cents"), 70000);
  assert_int_equal (int_member (c1, "disputed_cents"), 0);
  assert_int_equal (int_member (c1, "litigation_cents"), 0);
  /* Count-back from 950,00 on 31/03:
   *   March (31 days) sales 300,00 (F2): covered, +31, 650,00 left
   *   February (28 days) sales 0: covered, +28, 650,00 left
   *   January (31 days) sales 1 200,00 (F1): not covered,
   *     +31 × 650,00 / 1 200,00 = 16,79
   *   DSO = 31 + 28 + 16,79 = 75,79 days */
  assert_days (number_member (c1, "dso_days"), 75.79);
  assert_contains (run.out, "\"dso_days\" : 75.79,");
  assert_string_equal (string_member (c1, "dso_method"), "count-back");
  /* Simple: sales of the 90 days 01/01–31/03 = 1 500,00;
   * 950,00 / 1 500,00 × 90 = 57,00 */
  assert_days (number_member (c1, "simple_dso_days"), 57.0);

  items = json_object_get_array_member (c1, "open_items");
  assert_int_equal (json_array_get_length (items), 2);
  /* By due date: F1 then F2 */
  f1 = json_array_get_object_element (items, 0);
  assert_string_equal (string_member (f1, "number"), "F1");
  assert_string_equal (string_member (f1, "due_date"), "2025-02-14");
  assert_int_equal (int_member (f1, "amount_cents"), 120000);
  assert_int_equal (int_member (f1, "remaining_cents"), 70000);
  /* 31/03 − 14/02 = 14 days of February + 31 of March = 45 */
  assert_int_equal (int_member (f1, "days_late"), 45);
  assert_string_equal (string_member (f1, "issue_date"), "2025-01-15");
  f2 = json_array_get_object_element (items, 1);
  assert_string_equal (string_member (f2, "number"), "F2");
  assert_string_equal (string_member (f2, "due_date"), "2025-04-19");
  assert_int_equal (int_member (f2, "amount_cents"), 30000);
  assert_int_equal (int_member (f2, "remaining_cents"), 30000);
  assert_int_equal (int_member (f2, "days_late"), 0);

  assert_int_equal (json_array_get_length (json_object_get_array_member (c1, "other_currencies")), 0);
}

static void
test_cli_customer_show_dso_zero_when_nothing_outstanding (void **state)
{
  Fixture *f = *state;
  /* C3 has one invoice of 80,00 paid in full: outstanding 0, DSO 0 */
  g_autofree char *customers = write_file (f, "c3.csv", "code;name\nC3;Martin\n");
  g_autofree char *invoices = write_file (f, "c3-invoices.csv",
                                          "number;customer;issue_date;due_date;amount\n"
                                          "F9;C3;2025-03-01;2025-03-31;80,00\n");
  g_autofree char *payments = write_file (f, "c3-payments.csv",
                                          "reference;customer;date;amount;invoice\n"
                                          "P9;C3;2025-03-15;80,00;F9\n");
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *c3;
  JsonNode *dso;

  run_cli (&a, f, "import", "customers", customers, NULL);
  assert_status (&a, 0);
  run_cli (&b, f, "import", "invoices", invoices, NULL);
  assert_status (&b, 0);
  run_cli (&c, f, "import", "payments", payments, NULL);
  assert_status (&c, 0);

  run_cli (&run, f, "customer", "show", "C3", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  c3 = json_node_get_object (root);
  assert_int_equal (int_member (c3, "global_cents"), 0);
  assert_int_equal (int_member (c3, "outstanding_cents"), 0);
  dso = json_object_get_member (c3, "dso_days");
  assert_non_null (dso);
  assert_false (JSON_NODE_HOLDS_NULL (dso));
  assert_days (json_node_get_double (dso), 0.0);
  assert_int_equal (json_array_get_length (json_object_get_array_member (c3, "open_items")), 0);
}

static void
test_cli_customer_show_text_card (void **state)
{
  Fixture *f = *state;
  g_auto(Run) en = { 0 };
  g_auto(Run) fr = { 0 };
  const char *args[] = { "--db", f->db, "--date", DAY, "customer", "show", "C1", NULL };
  const char *french[] = { "LANGUAGE=fr", NULL };

  run_argv (&en, args, NULL);
  assert_status (&en, 0);
  assert_contains (en.out, "C1 — Société Générale d'Équipement");
  assert_contains (en.out, "732829320");
  assert_contains (en.out, "€950.00");
  assert_contains (en.out, "F1");

  /* French amounts: 950,00 €, no-break space before the symbol */
  run_argv (&fr, args, french);
  assert_status (&fr, 0);
  assert_contains (fr.out, "950,00\u00a0€");
  assert_contains (fr.out, "1\u202f500,00\u00a0€");
}

static void
test_cli_customer_show_other_currencies (void **state)
{
  Fixture *f = *state;
  /* C2 also owes 250,00 USD, not due: never added to its euros */
  g_autofree char *usd = write_file (f, "usd.csv",
                                     "number;customer;issue_date;due_date;amount;currency\n"
                                     "F7;C2;2025-03-10;2025-04-09;250,00;USD\n");
  g_auto(Run) import = { 0 };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *c2, *dollars;
  JsonArray *others;

  run_cli (&import, f, "import", "invoices", usd, NULL);
  assert_status (&import, 0);

  run_cli (&run, f, "customer", "show", "C2", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  c2 = json_node_get_object (root);
  /* The company currency first: F3 only */
  assert_string_equal (string_member (c2, "currency"), "EUR");
  assert_int_equal (int_member (c2, "global_cents"), 10000);
  assert_int_equal (int_member (c2, "outstanding_cents"), 10000);
  assert_int_equal (json_array_get_length (json_object_get_array_member (c2, "open_items")), 1);

  others = json_object_get_array_member (c2, "other_currencies");
  assert_int_equal (json_array_get_length (others), 1);
  dollars = json_array_get_object_element (others, 0);
  assert_string_equal (string_member (dollars, "currency"), "USD");
  assert_int_equal (int_member (dollars, "global_cents"), 25000);
  assert_int_equal (int_member (dollars, "partial_payments_cents"), 0);
  assert_int_equal (int_member (dollars, "unallocated_cents"), 0);
  assert_int_equal (int_member (dollars, "outstanding_cents"), 25000);
  assert_int_equal (int_member (dollars, "overdue_cents"), 0);
  assert_int_equal (int_member (dollars, "disputed_cents"), 0);
  assert_int_equal (int_member (dollars, "litigation_cents"), 0);
  /* March sales 250,00 cover the 250,00 outstanding exactly: 31 days */
  assert_days (number_member (dollars, "dso_days"), 31.0);
  assert_int_equal (json_array_get_length (json_object_get_array_member (dollars, "open_items")), 1);
}

static void
test_cli_json_is_utf8_in_any_locale (void **state)
{
  Fixture *f = *state;
  const char *args[] = { "--db", f->db, "--date", DAY, "customer", "show", "C1", "--json", NULL };
  const char *c_locale[] = { "LC_ALL=C", "LANG", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  /* A script run from cron has no UTF-8 locale: the names must not turn
   * into question marks */
  run_argv (&run, args, c_locale);
  assert_status (&run, 0);
  root = parse_json (run.out);
  assert_string_equal (string_member (json_node_get_object (root), "name"),
                       "Société Générale d'Équipement");
}

static void
test_cli_customer_show_unknown_code (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "customer", "show", "NOPE", NULL);
  assert_status (&run, 1);
  assert_contains (run.err, "No customer with code “NOPE”");
}

static void
test_cli_customer_list_json_sorted (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;
  JsonObject *first, *second;

  run_cli (&run, f, "customer", "list", "--sort", "outstanding", "--desc", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  rows = json_node_get_array (root);
  assert_int_equal (json_array_get_length (rows), 2);

  /* C1 owes 950,00, C2 100,00 */
  first = json_array_get_object_element (rows, 0);
  assert_string_equal (string_member (first, "code"), "C1");
  assert_string_equal (string_member (first, "name"), "Société Générale d'Équipement");
  assert_string_equal (string_member (first, "segment"), "Grand compte");
  assert_string_equal (string_member (first, "currency"), "EUR");
  assert_int_equal (int_member (first, "outstanding_cents"), 95000);
  assert_int_equal (int_member (first, "overdue_cents"), 70000);
  /* The oldest overdue item, F1: 45 days */
  assert_int_equal (int_member (first, "days_late"), 45);
  assert_days (number_member (first, "dso_days"), 75.79);

  second = json_array_get_object_element (rows, 1);
  assert_string_equal (string_member (second, "code"), "C2");
  assert_int_equal (int_member (second, "outstanding_cents"), 10000);
  assert_int_equal (int_member (second, "overdue_cents"), 10000);
  /* 31/03 − 03/03 = 28 days */
  assert_int_equal (int_member (second, "days_late"), 28);
  assert_true (json_object_has_member (second, "dso_days"));
}

static void
test_cli_customer_list_filter_and_limit (void **state)
{
  Fixture *f = *state;
  g_auto(Run) filtered = { 0 };
  g_auto(Run) limited = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;

  /* Accents and case ignored in the name */
  run_cli (&filtered, f, "customer", "list", "--filter", "generale", "--json", NULL);
  assert_status (&filtered, 0);
  root = parse_json (filtered.out);
  assert_int_equal (json_array_get_length (json_node_get_array (root)), 1);

  run_cli (&limited, f, "customer", "list", "--limit", "1", "--json", NULL);
  assert_status (&limited, 0);
  root2 = parse_json (limited.out);
  assert_int_equal (json_array_get_length (json_node_get_array (root2)), 1);

  run_cli (&text, f, "customer", "list", NULL);
  assert_status (&text, 0);
  assert_contains (text.out, "Dupont SARL");
  assert_contains (text.out, "950.00");
}

static void
test_cli_customer_list_bad_sort_is_usage_error (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "customer", "list", "--sort", "colour", NULL);
  assert_status (&run, 2);
}

static void
test_cli_aged_balance_rows_sum_to_outstanding (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *totals;
  JsonArray *buckets, *rows, *amounts, *percentages;
  gint64 sum_of_totals = 0;

  run_cli (&run, f, "aged-balance", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_string_equal (string_member (object, "evaluation_date"), DAY);
  assert_string_equal (string_member (object, "currency"), "EUR");

  /* Not due, 1–30, 31–60, 61–90, 91–120, over 120 */
  buckets = json_object_get_array_member (object, "buckets");
  assert_int_equal (json_array_get_length (buckets), 6);

  rows = json_object_get_array_member (object, "rows");
  assert_int_equal (json_array_get_length (rows), 2);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      gint64 sum = int_member (row, "unallocated_cents");

      string_member (row, "customer");
      string_member (row, "name");
      amounts = json_object_get_array_member (row, "amounts_cents");
      assert_int_equal (json_array_get_length (amounts), 6);
      for (guint i = 0; i < 6; i++)
        sum += json_array_get_int_element (amounts, i);
      assert_int_equal (sum, int_member (row, "total_cents"));
      sum_of_totals += sum;
    }

  /* C1: not due F2 300,00; 31–60 F1 700,00 (45 days); unallocated −50,00;
   * 300,00 + 700,00 − 50,00 = 950,00 = its outstanding */
  {
    JsonObject *c1 = json_array_get_object_element (rows, 0);

    assert_string_equal (string_member (c1, "customer"), "C1");
    amounts = json_object_get_array_member (c1, "amounts_cents");
    assert_int_equal (json_array_get_int_element (amounts, 0), 30000);
    assert_int_equal (json_array_get_int_element (amounts, 1), 0);
    assert_int_equal (json_array_get_int_element (amounts, 2), 70000);
    assert_int_equal (int_member (c1, "unallocated_cents"), -5000);
    assert_int_equal (int_member (c1, "total_cents"), 95000);
  }

  /* 950,00 + 100,00 = 1 050,00 */
  totals = json_object_get_object_member (object, "totals");
  assert_int_equal (int_member (totals, "total_cents"), 105000);
  assert_int_equal (sum_of_totals, 105000);
  assert_int_equal (int_member (totals, "unallocated_cents"), -5000);
  amounts = json_object_get_array_member (totals, "amounts_cents");
  assert_int_equal (json_array_get_length (amounts), 6);
  /* 1–30: F3 100,00 (28 days) */
  assert_int_equal (json_array_get_int_element (amounts, 1), 10000);
  percentages = json_object_get_array_member (totals, "percentages");
  assert_int_equal (json_array_get_length (percentages), 6);
  /* 300,00 / 1 050,00 = 28,57 %; 700,00 / 1 050,00 = 66,67 % */
  assert_days (json_array_get_double_element (percentages, 0), 28.57);
  assert_days (json_array_get_double_element (percentages, 2), 66.67);
}

static void
test_cli_aged_balance_options (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *rows;

  /* Buckets 0,60: not due, 1–60, over 60; only C1 */
  run_cli (&run, f, "aged-balance", "--buckets", "0,60", "--customer", "C1", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_int_equal (json_array_get_length (json_object_get_array_member (object, "buckets")), 3);
  rows = json_object_get_array_member (object, "rows");
  assert_int_equal (json_array_get_length (rows), 1);
  assert_int_equal (int_member (json_object_get_object_member (object, "totals"), "total_cents"),
                    95000);

  run_cli (&bad, f, "aged-balance", "--buckets", "60,30", NULL);
  assert_status (&bad, 2);

  run_cli (&text, f, "aged-balance", NULL);
  assert_status (&text, 0);
  assert_contains (text.out, "1,050.00");
}

static void
test_cli_dso_json (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_auto(Run) one = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root_one = NULL;
  JsonObject *object;
  JsonArray *periods;

  /* The portfolio: outstanding 950,00 + 100,00 = 1 050,00 on 31/03
   *   March sales 300,00: covered, +31, 750,00 left
   *   February sales 100,00 (F3): covered, +28, 650,00 left
   *   January sales 1 200,00: +31 × 650,00 / 1 200,00 = 16,79
   *   count-back = 75,79 days
   * simple: 1 050,00 / 1 600,00 × 90 = 59,06 days */
  run_cli (&run, f, "dso", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_days (number_member (object, "count_back_days"), 75.79);
  assert_days (number_member (object, "simple_days"), 59.06);
  assert_int_equal (int_member (object, "outstanding_cents"), 105000);
  assert_string_equal (string_member (object, "evaluation_date"), DAY);
  assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "customer")));
  periods = json_object_get_array_member (object, "periods");
  assert_int_equal (json_array_get_length (periods), 3);
  {
    JsonObject *march = json_array_get_object_element (periods, 0);

    assert_string_equal (string_member (march, "start"), "2025-03-01");
    assert_string_equal (string_member (march, "end"), DAY);
    assert_int_equal (int_member (march, "days"), 31);
    assert_int_equal (int_member (march, "sales_cents"), 30000);
    assert_days (number_member (march, "counted_days"), 31.0);
  }

  run_cli (&one, f, "dso", "--customer", "C1", "--json", NULL);
  assert_status (&one, 0);
  root_one = parse_json (one.out);
  object = json_node_get_object (root_one);
  assert_string_equal (string_member (object, "customer"), "C1");
  assert_days (number_member (object, "count_back_days"), 75.79);
  assert_days (number_member (object, "simple_days"), 57.0);
}

static void
test_cli_dso_unknown_customer (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "dso", "--customer", "NOPE", NULL);
  assert_status (&run, 1);
  assert_contains (run.err, "NOPE");
}

static void
test_cli_interest_json (void **state)
{
  Fixture *f = *state;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *invoice, *segment;
  JsonArray *invoices, *segments;

  /* F1 1 200,00 due 14/02/2025, 500,00 paid on 01/03/2025, company
   * debtor, H1 2025 rate = ECB 3.15 % on 1 January + 10 = 13.15 %:
   *   15/02–01/03 (15 days) on 1 200,00, 02/03–31/03 (30 days) on 700,00
   *   1315 × (120 000 × 15 + 70 000 × 30) / 3 650 000
   *   = 5 128 500 000 / 3 650 000 = 1 405.07 → 14,05 €; indemnity 40,00 €.
   * F2 is not due. */
  run_cli (&run, f, "interest", "C1", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_string_equal (string_member (object, "customer"), "C1");
  assert_string_equal (string_member (object, "evaluation_date"), DAY);
  invoices = json_object_get_array_member (object, "invoices");
  assert_int_equal (json_array_get_length (invoices), 1);
  invoice = json_array_get_object_element (invoices, 0);
  assert_string_equal (string_member (invoice, "number"), "F1");
  assert_string_equal (string_member (invoice, "due_date"), "2025-02-14");
  assert_int_equal (int_member (invoice, "base_cents"), 120000);
  assert_string_equal (string_member (invoice, "until"), DAY);
  segments = json_object_get_array_member (invoice, "segments");
  assert_int_equal (json_array_get_length (segments), 2);
  segment = json_array_get_object_element (segments, 0);
  assert_string_equal (string_member (segment, "from"), "2025-02-15");
  assert_string_equal (string_member (segment, "to"), "2025-03-01");
  assert_int_equal (int_member (segment, "days"), 15);
  assert_int_equal (int_member (segment, "rate_bp"), 1315);
  assert_string_equal (string_member (segment, "half_year"), "2025-H1");
  assert_int_equal (int_member (invoice, "interest_cents"), 1405);
  assert_int_equal (int_member (invoice, "indemnity_cents"), 4000);
  assert_int_equal (int_member (invoice, "charged_interest_cents"), 0);
  assert_int_equal (int_member (invoice, "charged_indemnity_cents"), 0);
  assert_int_equal (int_member (object, "total_interest_cents"), 1405);
  assert_int_equal (int_member (object, "total_indemnity_cents"), 4000);
  assert_int_equal (json_array_get_length (json_object_get_array_member (object, "warnings")), 0);
}

static void
test_cli_rate_add_changes_interest (void **state)
{
  Fixture *f = *state;
  g_auto(Run) add = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) replace = { 0 };
  g_auto(Run) decimals = { 0 };
  g_auto(Run) legal = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) interest = { 0 };
  g_autoptr(JsonNode) list_root = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rates;
  gboolean seen = FALSE;

  run_cli (&add, f, "rate", "add", "ecb", "2025-01-01", "4,90", NULL);
  assert_status (&add, 0);
  run_cli (&again, f, "rate", "add", "ecb", "2025-01-01", "5,00", NULL);
  assert_status (&again, 1);
  run_cli (&replace, f, "rate", "add", "ecb", "2025-01-01", "5.00", "--replace", NULL);
  assert_status (&replace, 0);
  run_cli (&decimals, f, "rate", "add", "ecb", "2025-01-01", "5,005", NULL);
  assert_status (&decimals, 2);
  run_cli (&legal, f, "rate", "add", "legal-professional", "2025-02-01", "3,00", NULL);
  assert_status (&legal, 1);

  run_cli (&list, f, "rate", "list", "--kind", "ecb", "--json", NULL);
  assert_status (&list, 0);
  list_root = parse_json (list.out);
  rates = json_node_get_array (list_root);
  for (guint i = 0; i < json_array_get_length (rates); i++)
    {
      JsonObject *rate = json_array_get_object_element (rates, i);

      assert_string_equal (string_member (rate, "kind"), "ecb");
      if (g_strcmp0 (string_member (rate, "valid_from"), "2025-01-01") == 0)
        {
          assert_int_equal (int_member (rate, "rate_bp"), 500);
          seen = TRUE;
        }
    }
  assert_true (seen);

  /* H1 2025 is now 5.00 + 10 = 15.00 %:
   * 1500 × 3 900 000 / 3 650 000 = 1 602.74 → 1 603 */
  run_cli (&interest, f, "interest", "C1", "--json", NULL);
  assert_status (&interest, 0);
  root = parse_json (interest.out);
  assert_int_equal (int_member (json_node_get_object (root), "total_interest_cents"), 1603);
}

static void
test_cli_invalid_date_is_usage_error (void **state)
{
  Fixture *f = *state;
  const char *not_a_day[] = { "--db", f->db, "--date", "2025-02-30", "customer", "list", NULL };
  const char *not_a_date[] = { "--db", f->db, "--date", "tomorrow", "dso", NULL };
  const char *after[] = { "--db", f->db, "dso", "--date", "31/03/2025", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };

  run_argv (&a, not_a_day, NULL);
  assert_status (&a, 2);
  assert_contains (a.err, "2025-02-30");
  run_argv (&b, not_a_date, NULL);
  assert_status (&b, 2);
  /* Global options after the command are read too */
  run_argv (&c, after, NULL);
  assert_status (&c, 2);
}

static void
test_cli_global_options_after_command (void **state)
{
  Fixture *f = *state;
  const char *args[] = { "customer", "show", "C1", "--json", "--db", f->db, "--date", DAY, NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_argv (&run, args, NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  assert_int_equal (int_member (json_node_get_object (root), "overdue_cents"), 70000);
}

static void
test_cli_usage_errors (void **state)
{
  Fixture *f = *state;
  const char *none[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *bad_option[] = { "dso", "--frob", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };

  (void) f;
  run_argv (&a, none, NULL);
  assert_status (&a, 2);
  run_argv (&b, unknown, NULL);
  assert_status (&b, 2);
  run_argv (&c, bad_option, NULL);
  assert_status (&c, 2);
}

static void
test_cli_help_and_version (void **state)
{
  const char *version[] = { "--version", NULL };
  const char *help[] = { "--help", NULL };
  const char *commands[] = { "init", "demo", "import", "customer", "aged-balance", "dso", NULL };
  g_auto(Run) v = { 0 };
  g_auto(Run) h = { 0 };

  run_argv (&v, version, NULL);
  assert_status (&v, 0);
  assert_contains (v.out, PACKAGE_VERSION);

  run_argv (&h, help, NULL);
  assert_status (&h, 0);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      const char *args[] = { commands[i], "--help", NULL };
      g_auto(Run) run = { 0 };

      assert_contains (h.out, commands[i]);
      run_argv (&run, args, NULL);
      assert_status (&run, 0);
      assert_contains (run.out, commands[i]);
    }
}

static void
test_cli_read_commands_need_a_database (void **state)
{
  Fixture *f = *state;
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  const char *args[] = { "--db", missing, "customer", "list", NULL };
  g_auto(Run) run = { 0 };

  run_argv (&run, args, NULL);
  assert_status (&run, 1);
  assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_cli_demo_small_portfolio (void **state)
{
  Fixture *f = *state;
  g_autofree char *demo_db = g_build_filename (f->dir, "demo.db", NULL);
  const char *demo[] = { "--db", demo_db, "--date", DAY, "demo", "--customers", "20",
                         "--seed", "7", NULL };
  const char *list[] = { "--db", demo_db, "--date", DAY, "customer", "list", "--json", NULL };
  const char *ab[] = { "--db", demo_db, "--date", DAY, "aged-balance", "--json", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) aged = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) aged_root = NULL;
  JsonArray *rows;
  gint64 outstanding = 0;

  run_argv (&run, demo, NULL);
  assert_status (&run, 0);

  /* A database with customers is refused */
  run_argv (&again, demo, NULL);
  assert_status (&again, 1);
  assert_true (strlen (again.err) > 0);

  run_argv (&listed, list, NULL);
  assert_status (&listed, 0);
  root = parse_json (listed.out);
  rows = json_node_get_array (root);
  assert_int_equal (json_array_get_length (rows), 20);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    outstanding += int_member (json_array_get_object_element (rows, i), "outstanding_cents");

  /* The aged balance explains the same outstanding, customer by customer */
  run_argv (&aged, ab, NULL);
  assert_status (&aged, 0);
  aged_root = parse_json (aged.out);
  assert_int_equal (int_member (json_object_get_object_member (json_node_get_object (aged_root),
                                                               "totals"), "total_cents"),
                    outstanding);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_cli_init_prints_path_and_schema_version, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_init_default_path_in_user_data_dir, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_import_prints_summary, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_import_json_report, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_import_dry_run_writes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_import_bad_row_fails_and_writes_nothing, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_import_same_file_twice_refused, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_import_unknown_kind_is_usage_error, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_show_json, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_show_dso_zero_when_nothing_outstanding, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_show_text_card, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_show_other_currencies, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_json_is_utf8_in_any_locale, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_show_unknown_code, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_list_json_sorted, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_list_filter_and_limit, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_customer_list_bad_sort_is_usage_error, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_aged_balance_rows_sum_to_outstanding, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_aged_balance_options, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_dso_json, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_dso_unknown_customer, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_interest_json, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_rate_add_changes_interest, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_invalid_date_is_usage_error, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_global_options_after_command, setup_imported, teardown),
    cmocka_unit_test_setup_teardown (test_cli_usage_errors, setup, teardown),
    cmocka_unit_test (test_cli_help_and_version),
    cmocka_unit_test_setup_teardown (test_cli_read_commands_need_a_database, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_demo_small_portfolio, setup, teardown),
  };

  return cmocka_run_group_tests_name ("cli", tests, NULL, NULL);
}
