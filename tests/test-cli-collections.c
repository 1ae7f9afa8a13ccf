/* test-cli-collections.c — relance-cli dispute, promise, note, timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built executable (RELANCE_CLI) on a fresh database, as
 * test-cli.c does, with the same data; the evaluation day is 31 March
 * 2025.
 *   C1  F1 1 200,00 issued 15/01/2025, due 14/02/2025, 500,00 paid (P1):
 *          remaining 700,00
 *       F2   300,00 issued 20/03/2025, due 19/04/2025: remaining 300,00
 *       P2    50,00 on 10/03/2025, not allocated
 *       outstanding = 1 500,00 − 500,00 − 50,00 = 950,00
 *   C2  F3   100,00 issued 01/02/2025, due 03/03/2025
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
} Fixture;

static const char customers_csv[] =
  "code;name;segment\n"
  "C1;Société Générale d'Équipement;Grand compte\n"
  "C2;Dupont SARL;PME\n";

static const char invoices_csv[] =
  "number;customer;issue_date;due_date;amount\n"
  "F1;C1;2025-01-15;2025-02-14;1200,00\n"
  "F2;C1;2025-03-20;2025-04-19;300,00\n"
  "F3;C2;2025-02-01;2025-03-03;100,00\n";

static const char payments_csv[] =
  "reference;customer;date;amount;invoice\n"
  "P1;C1;2025-03-01;500,00;F1\n"
  "P2;C1;2025-03-10;50,00;\n";

/* Helpers */

#include "cli-fixture.h"

/* The customers whose promise `promise check` found broken on @day */
static guint
check_promises (Fixture    *f,
                const char *day,
                char      **first_code)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *broken;

  run_cli (&run, f, "--date", day, "promise", "check", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  broken = json_object_get_array_member (json_node_get_object (root), "broken_customers");
  if (first_code != NULL && json_array_get_length (broken) > 0)
    *first_code = g_strdup (json_array_get_string_element (broken, 0));
  return json_array_get_length (broken);
}

static gboolean
is_null_member (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    fail_msg ("no member “%s”", name);
  return JSON_NODE_HOLDS_NULL (node);
}

static void
import (Fixture    *f,
        const char *kind,
        const char *contents)
{
  g_autofree char *name = g_strconcat (kind, ".csv", NULL);
  g_autofree char *path = write_file (f, name, contents);
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "import", kind, path, NULL);
  assert_status (&run, 0);
}

/* C1's figure @member on the evaluation day, from customer show */
static gint64
c1_figure (Fixture    *f,
           const char *member)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (&run, f, "customer", "show", "C1", "--json", NULL);
  assert_status (&run, 0);
  root = parse_json (run.out);
  return int_member (json_node_get_object (root), member);
}

static void
open_c1_dispute (Fixture *f)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "dispute", "open", "C1", "--invoices", "F1,F2", "--reason", "price",
           "--owner", "alice", NULL);
  assert_status (&run, 0);
  assert_contains (run.out, "Dispute 1 opened for C1 on F1, F2");
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

/* Fixtures */

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  g_auto(Run) init = { 0 };

  f->dir = g_dir_make_tmp ("relance-cli-collections-XXXXXX", &error);
  if (f->dir == NULL)
    fail_msg ("%s", error->message);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  run_cli (&init, f, "init", NULL);
  assert_status (&init, 0);
  import (f, "customers", customers_csv);
  import (f, "invoices", invoices_csv);
  import (f, "payments", payments_csv);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f);
  return 0;
}

/* Tests */

static void
test_cli_dispute_open_counts_in_the_customer_figures (void **state)
{
  Fixture *f = *state;
  g_auto(Run) list = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *dispute;
  JsonArray *invoices;

  open_c1_dispute (f);
  /* F1 700,00 + F2 300,00 = 1 000,00 */
  assert_int_equal (c1_figure (f, "disputed_cents"), 100000);

  run_cli (&list, f, "dispute", "list", "--customer", "C1", "--status", "open", "--json", NULL);
  assert_status (&list, 0);
  root = parse_json (list.out);
  assert_int_equal (json_array_get_length (json_node_get_array (root)), 1);
  dispute = json_array_get_object_element (json_node_get_array (root), 0);
  assert_int_equal (int_member (dispute, "id"), 1);
  assert_string_equal (string_member (dispute, "customer"), "C1");
  assert_string_equal (string_member (dispute, "reason"), "price");
  assert_int_equal (int_member (dispute, "amount_cents"), 100000);
  assert_string_equal (string_member (dispute, "currency"), "EUR");
  assert_string_equal (string_member (dispute, "owner"), "alice");
  assert_string_equal (string_member (dispute, "status"), "open");
  assert_string_equal (string_member (dispute, "opened_on"), DAY);
  assert_true (is_null_member (dispute, "resolved_on"));
  assert_true (is_null_member (dispute, "credit_note"));
  invoices = json_object_get_array_member (dispute, "invoices");
  assert_int_equal (json_array_get_length (invoices), 2);
  assert_string_equal (json_array_get_string_element (invoices, 0), "F1");
}

static void
test_cli_dispute_open_refusals (void **state)
{
  Fixture *f = *state;
  g_auto(Run) other = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) too_much = { 0 };
  g_auto(Run) bad_amount = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (&other, f, "dispute", "open", "C1", "--invoices", "F1,F3", "--reason", "x", NULL);
  assert_status (&other, 1);
  assert_contains (other.err, "F3");
  run_cli (&no_reason, f, "dispute", "open", "C1", "--invoices", "F1", NULL);
  assert_status (&no_reason, 2);
  run_cli (&unknown, f, "dispute", "open", "C1", "--invoices", "F9", "--reason", "x", NULL);
  assert_status (&unknown, 1);
  /* 700,01 on F1, whose remaining is 700,00 */
  run_cli (&too_much, f, "dispute", "open", "C1", "--invoices", "F1", "--reason", "x",
           "--amount", "700,01", NULL);
  assert_status (&too_much, 1);
  run_cli (&bad_amount, f, "dispute", "open", "C1", "--invoices", "F1", "--reason", "x",
           "--amount", "seven", NULL);
  assert_status (&bad_amount, 2);

  run_cli (&list, f, "dispute", "list", "--json", NULL);
  assert_status (&list, 0);
  root = parse_json (list.out);
  assert_int_equal (json_array_get_length (json_node_get_array (root)), 0);
}

static void
test_cli_dispute_resolve_justified_issues_the_credit_note (void **state)
{
  Fixture *f = *state;
  g_auto(Run) resolve = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *dispute;

  open_c1_dispute (f);
  run_cli (&usage, f, "dispute", "resolve", "1", "maybe", NULL);
  assert_status (&usage, 2);

  run_cli (&resolve, f, "dispute", "resolve", "1", "justified", "--comment", "agreed",
           "--json", NULL);
  assert_status (&resolve, 0);
  root = parse_json (resolve.out);
  dispute = json_node_get_object (root);
  assert_string_equal (string_member (dispute, "status"), "justified");
  assert_string_equal (string_member (dispute, "credit_note"), "AV-LIT-1");
  assert_string_equal (string_member (dispute, "resolution"), "agreed");
  assert_string_equal (string_member (dispute, "resolved_on"), DAY);

  /* outstanding 950,00 − 1 000,00 = −50,00; nothing disputed */
  assert_int_equal (c1_figure (f, "outstanding_cents"), -5000);
  assert_int_equal (c1_figure (f, "disputed_cents"), 0);

  run_cli (&again, f, "dispute", "resolve", "1", "unjustified", NULL);
  assert_status (&again, 1);
}

static void
test_cli_dispute_resolve_unjustified (void **state)
{
  Fixture *f = *state;
  g_auto(Run) resolve = { 0 };

  open_c1_dispute (f);
  run_cli (&resolve, f, "dispute", "resolve", "1", "unjustified", NULL);
  assert_status (&resolve, 0);
  assert_contains (resolve.out, "Dispute 1 resolved as unjustified");
  assert_int_equal (c1_figure (f, "disputed_cents"), 0);
  assert_int_equal (c1_figure (f, "outstanding_cents"), 95000);
}

static void
test_cli_promise_add_list_and_check (void **state)
{
  Fixture *f = *state;
  g_auto(Run) add = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) list = { 0 };
  g_autofree char *broken = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) listed = NULL;
  JsonObject *promise;
  JsonArray *instalments;

  run_cli (&bad, f, "promise", "add", "C1", "--instalment", "2025-04-31:100", NULL);
  assert_status (&bad, 2);

  run_cli (&add, f, "promise", "add", "C1", "--instalment", "2025-04-10:300,00",
           "--instalment", "2025-04-30:400,00", "--comment", "by transfer", "--json", NULL);
  assert_status (&add, 0);
  added = parse_json (add.out);
  promise = json_node_get_object (added);
  assert_int_equal (int_member (promise, "id"), 1);
  assert_int_equal (int_member (promise, "total_cents"), 70000);  /* 300,00 + 400,00 */
  assert_int_equal (int_member (promise, "grace_days"), 3);
  assert_string_equal (string_member (promise, "made_on"), DAY);
  assert_string_equal (string_member (promise, "status"), "open");

  run_cli (&list, f, "promise", "list", "--customer", "C1", "--json", NULL);
  assert_status (&list, 0);
  listed = parse_json (list.out);
  promise = json_array_get_object_element (json_node_get_array (listed), 0);
  instalments = json_object_get_array_member (promise, "instalments");
  assert_int_equal (json_array_get_length (instalments), 2);
  assert_string_equal (string_member (json_array_get_object_element (instalments, 0), "due_date"),
                       "2025-04-10");

  /* 10 April + 3 days = 13 April, the last day of grace */
  assert_int_equal (check_promises (f, "2025-04-13", NULL), 0);
  assert_int_equal (check_promises (f, "2025-04-14", &broken), 1);
  assert_string_equal (broken, "C1");
  /* Found once */
  assert_int_equal (check_promises (f, "2025-04-14", NULL), 0);
}

static void
test_cli_note_and_timeline (void **state)
{
  Fixture *f = *state;
  g_auto(Run) note = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) timeline = { 0 };
  g_auto(Run) limited = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) limited_root = NULL;
  JsonArray *rows;
  JsonObject *first, *last;

  open_c1_dispute (f);
  run_cli (&note, f, "note", "add", "C1", "called the accountant", NULL);
  assert_status (&note, 0);
  run_cli (&empty, f, "note", "add", "C1", " ", NULL);
  assert_status (&empty, 1);

  run_cli (&timeline, f, "timeline", "C1", "--json", NULL);
  assert_status (&timeline, 0);
  root = parse_json (timeline.out);
  rows = json_node_get_array (root);
  /* F1, F2, P1, its allocation, P2, the dispute, the note */
  assert_int_equal (json_array_get_length (rows), 7);
  first = json_array_get_object_element (rows, 0);
  assert_string_equal (string_member (first, "kind"), "note");
  assert_string_equal (string_member (first, "title"), "called the accountant");
  assert_true (is_null_member (first, "amount_cents"));
  assert_true (is_null_member (first, "currency"));
  assert_true (is_null_member (first, "status"));
  assert_non_null (string_member (first, "who"));
  assert_non_null (string_member (first, "reference"));
  assert_string_equal (string_member (json_array_get_object_element (rows, 1), "kind"), "dispute");
  last = json_array_get_object_element (rows, 6);
  assert_string_equal (string_member (last, "kind"), "invoice");
  assert_string_equal (string_member (last, "date"), "2025-01-15");
  assert_string_equal (string_member (last, "title"), "Invoice F1, due 2025-02-14");
  assert_string_equal (string_member (last, "status"), "disputed");
  assert_int_equal (int_member (last, "amount_cents"), 120000);
  assert_string_equal (string_member (last, "currency"), "EUR");
  assert_string_equal (string_member (last, "reference"), "F1");

  run_cli (&limited, f, "timeline", "C1", "--limit", "2", "--json", NULL);
  assert_status (&limited, 0);
  limited_root = parse_json (limited.out);
  assert_int_equal (json_array_get_length (json_node_get_array (limited_root)), 2);

  run_cli (&text, f, "timeline", "C1", "--limit", "3", NULL);
  assert_status (&text, 0);
  assert_contains (text.out, "3 of 7 events shown");
}

static void
test_cli_unknown_customer_fails (void **state)
{
  Fixture *f = *state;
  g_auto(Run) timeline = { 0 };
  g_auto(Run) note = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&timeline, f, "timeline", "C9", NULL);
  assert_status (&timeline, 1);
  run_cli (&note, f, "note", "add", "C9", "hello", NULL);
  assert_status (&note, 1);
  run_cli (&usage, f, "dispute", "frobnicate", NULL);
  assert_status (&usage, 2);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_cli_dispute_open_counts_in_the_customer_figures),
    TEST (test_cli_dispute_open_refusals),
    TEST (test_cli_dispute_resolve_justified_issues_the_credit_note),
    TEST (test_cli_dispute_resolve_unjustified),
    TEST (test_cli_promise_add_list_and_check),
    TEST (test_cli_note_and_timeline),
    TEST (test_cli_unknown_customer_fails),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
