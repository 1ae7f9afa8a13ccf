/* test-cli-documents.c — relance-cli document, template, company, mail, and
 * the documents and emails of run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built executable (RELANCE_CLI) on a demo database of 100
 * customers (seed 1) whose last day is the evaluation day, 23 November
 * 2026, as a user would: `demo`, then the commands. The demo sets the
 * creditor (Rhône Équipements Industriels, SIREN 852074137) and no mail
 * server: emails go to the outbox.
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

#define DAY "2026-11-23"

typedef struct
{
  char *dir;
  char *db;
  char *outbox;
} Fixture;

/* Helpers */

#include "cli-fixture.h"

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

static guint
count_files (const char *path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, suffix))
        n++;
  return n;
}

/* Runs a program that must succeed; its standard output */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    fail_msg ("could not run %s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    fail_msg ("%s failed:\n%s\n%s", argv[0], out, err);
  return out;
}

/* The codes of the customers, most days late first, with their days late */
static JsonNode *
customers_by_days_late (Fixture *f)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "customer", "list", "--sort", "days-late", "--desc", "--json", NULL);
  assert_status (&run, 0);
  return parse_json (run.out);
}

static void
daily_run (Fixture     *f,
           JsonObject **report,
           JsonNode   **root)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, f, "run", "--json", NULL);
  assert_status (&run, 0);
  *root = parse_json (run.out);
  *report = json_node_get_object (*root);
}

/* Fixtures */

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) mail = { 0 };

  f->dir = g_dir_make_tmp ("relance-cli-documents-XXXXXX", &error);
  if (f->dir == NULL)
    fail_msg ("%s", error->message);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->outbox = g_build_filename (f->dir, "outbox", NULL);
  run_cli (&demo, f, "demo", "--customers", "100", "--seed", "1", NULL);
  assert_status (&demo, 0);
  run_cli (&mail, f, "mail", "set", "--outbox", f->outbox, NULL);
  assert_status (&mail, 0);
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
  g_free (f->outbox);
  g_free (f);
  return 0;
}

/* Tests */

static void
test_cli_document_notice_writes_a_pdf_with_the_words_and_the_name (void **state)
{
  Fixture *f = *state;
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) customers = NULL;
  g_autoptr(JsonNode) made = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "notice.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *qpdf = NULL;
  JsonObject *report;
  JsonArray *list;
  JsonObject *document = NULL;
  const char *name = NULL;

  /* The run puts the latest customers' cases at the formal notice or
   * beyond */
  daily_run (f, &report, &report_root);
  customers = customers_by_days_late (f);
  list = json_node_get_array (customers);
  for (guint i = 0; i < json_array_get_length (list) && document == NULL; i++)
    {
      JsonObject *customer = json_array_get_object_element (list, i);
      g_auto(Run) run = { 0 };

      if (json_object_get_int_member (customer, "days_late") < 45)
        break;
      run_cli (&run, f, "document", "notice", string_member (customer, "code"),
               "--language", "fr", "-o", pdf, "--json", NULL);
      if (run.status != 0)
        continue;
      made = parse_json (run.out);
      document = json_node_get_object (made);
      name = string_member (customer, "name");
      assert_string_equal (string_member (document, "customer"),
                           string_member (customer, "code"));
    }
  if (document == NULL)
    fail_msg ("no customer 45 days late or more was offered a formal notice");

  assert_true (int_member (document, "document_id") > 0);
  assert_string_equal (string_member (document, "kind"), "notice");
  assert_string_equal (string_member (document, "language"), "fr");
  assert_string_equal (string_member (document, "file"), pdf);
  assert_int_equal (strlen (string_member (document, "sha256")), 64);
  assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  {
    const char *check[] = { "qpdf", "--check", pdf, NULL };
    const char *extract[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    qpdf = run_tool (check);
    text = run_tool (extract);
  }
  assert_contains (qpdf, "No syntax or stream encoding errors");
  assert_contains (text, "MISE EN DEMEURE");
  assert_contains (text, name);
  /* The creditor the demo set */
  assert_contains (text, "Rhône Équipements Industriels");
}

static void
test_cli_document_not_offered_says_why_and_stores_nothing (void **state)
{
  Fixture *f = *state;
  g_autoptr(JsonNode) customers = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "refused.pdf", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) listed = { 0 };
  JsonArray *list;
  const char *code = NULL;

  /* A customer with nothing overdue has no case at the formal notice */
  customers = customers_by_days_late (f);
  list = json_node_get_array (customers);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *customer = json_array_get_object_element (list, i);

      if (json_object_get_int_member (customer, "overdue_cents") == 0)
        code = string_member (customer, "code");
    }
  assert_non_null (code);

  run_cli (&run, f, "document", "notice", code, "-o", pdf, NULL);
  assert_status (&run, 1);
  assert_contains (run.err, "relance-cli: ");
  assert_contains (run.err, "formal notice");
  assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_cli (&listed, f, "document", "list", code, "--json", NULL);
  assert_status (&listed, 0);
  documents = parse_json (listed.out);
  assert_int_equal (json_array_get_length (json_node_get_array (documents)), 0);
}

static void
test_cli_template_set_refuses_an_unknown_placeholder_with_line_and_column (void **state)
{
  Fixture *f = *state;
  /* [[FOO]] starts on line 3 after "Votre solde : " (14 characters):
   * column 15 */
  g_autofree char *body = write_file (f, "body.txt",
                                      "Madame, Monsieur,\n\nVotre solde : [[FOO]].\n");
  g_auto(Run) run = { 0 };
  g_auto(Run) show = { 0 };

  run_cli (&run, f, "template", "set", "my_letter", "--language", "fr", "--kind", "letter",
           "--level", "1", "--name", "Ma lettre", "--subject", "Relance", "--body-file", body,
           NULL);
  assert_status (&run, 1);
  assert_contains (run.err, "[[FOO]]");
  assert_contains (run.err, "line 3");
  assert_contains (run.err, "column 15");

  /* Nothing was written */
  run_cli (&show, f, "template", "show", "my_letter", "--language", "fr", NULL);
  assert_status (&show, 1);
}

static void
test_cli_template_set_check_and_deactivate (void **state)
{
  Fixture *f = *state;
  g_autofree char *body = write_file (f, "body.txt",
                                      "[[SALUTATION]]\n\nVotre encours : [[OUTSTANDING]].\n");
  g_autoptr(JsonNode) shown = NULL;
  g_auto(Run) set = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) off = { 0 };
  g_auto(Run) show = { 0 };
  JsonObject *tpl;

  run_cli (&set, f, "template", "set", "my_letter", "--language", "fr", "--kind", "letter",
           "--level", "1", "--name", "Ma lettre", "--subject", "Relance", "--body-file", body,
           NULL);
  assert_status (&set, 0);
  run_cli (&check, f, "template", "check", NULL);
  assert_status (&check, 0);
  run_cli (&off, f, "template", "deactivate", "my_letter", "--language", "fr", NULL);
  assert_status (&off, 0);

  run_cli (&show, f, "template", "show", "my_letter", "--language", "fr", "--json", NULL);
  assert_status (&show, 0);
  shown = parse_json (show.out);
  tpl = json_node_get_object (shown);
  assert_string_equal (string_member (tpl, "language"), "fr");
  assert_string_equal (string_member (tpl, "kind"), "letter");
  assert_int_equal (int_member (tpl, "level"), 1);
  assert_false (json_object_get_boolean_member (tpl, "active"));
  assert_string_equal (string_member (tpl, "body"),
                       "[[SALUTATION]]\n\nVotre encours : [[OUTSTANDING]].\n");
}

static void
test_cli_company_set_refuses_a_wrong_siren (void **state)
{
  Fixture *f = *state;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) set = { 0 };
  g_auto(Run) show = { 0 };

  run_cli (&set, f, "company", "set", "siren", "123", "city", "Villeurbanne", NULL);
  assert_status (&set, 1);
  assert_contains (set.err, "siren");
  assert_contains (set.err, "“123”");

  /* Nothing was written, not even the valid city */
  run_cli (&show, f, "company", "show", "--json", NULL);
  assert_status (&show, 0);
  root = parse_json (show.out);
  assert_string_equal (string_member (json_node_get_object (root), "siren"), "852074137");
  assert_string_equal (string_member (json_node_get_object (root), "city"), "Lyon");
}

static void
test_cli_company_set_normalises_identifiers (void **state)
{
  Fixture *f = *state;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) set = { 0 };
  g_auto(Run) show = { 0 };

  /* The demo's IBAN, written in groups of four as on a RIB */
  run_cli (&set, f, "company", "set", "iban", "fr76 3000 4019 6900 0102 5478 963", NULL);
  assert_status (&set, 0);
  run_cli (&show, f, "company", "show", "--json", NULL);
  root = parse_json (show.out);
  assert_string_equal (string_member (json_node_get_object (root), "iban"),
                       "FR7630004019690001025478963");
}

static void
test_cli_run_reports_documents_and_mails_once (void **state)
{
  Fixture *f = *state;
  g_autoptr(JsonNode) first_root = NULL;
  g_autoptr(JsonNode) second_root = NULL;
  JsonObject *first, *second;

  daily_run (f, &first, &first_root);
  /* The demo's first run: letters and formal notices of the automatic
   * steps, emails written to the outbox (no server) */
  assert_true (int_member (first, "documents_generated") > 0);
  assert_int_equal (int_member (first, "mails_sent"), 0);
  assert_true (int_member (first, "mails_outbox") > 0);
  assert_int_equal (int_member (first, "mails_failed"), 0);
  /* The engine's keys are still there */
  assert_true (int_member (first, "actions_created") > 0);

  daily_run (f, &second, &second_root);
  assert_int_equal (int_member (second, "actions_created"), 0);
  assert_int_equal (int_member (second, "documents_generated"), 0);
  assert_int_equal (int_member (second, "mails_sent"), 0);
  assert_int_equal (int_member (second, "mails_outbox"), 0);
  assert_int_equal (int_member (second, "mails_failed"), 0);
}

static void
test_cli_mail_without_server_writes_eml_files_to_the_outbox (void **state)
{
  Fixture *f = *state;
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) sent_root = NULL;
  g_autoptr(JsonNode) made_root = NULL;
  g_autoptr(JsonNode) listed_root = NULL;
  g_autoptr(JsonNode) customers = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "statement.pdf", NULL);
  g_auto(Run) show = { 0 };
  g_auto(Run) made = { 0 };
  g_auto(Run) sent = { 0 };
  g_auto(Run) listed = { 0 };
  g_autofree char *document_id = NULL;
  JsonObject *report, *message;
  JsonArray *list;
  const char *code = NULL;
  gint64 outbox;

  run_cli (&show, f, "mail", "show", NULL);
  assert_status (&show, 0);
  assert_contains (show.out, f->outbox);

  daily_run (f, &report, &report_root);
  outbox = int_member (report, "mails_outbox");
  assert_true (outbox > 0);
  assert_int_equal (count_files (f->outbox, ".eml"), outbox);

  /* A statement emailed by hand goes there too */
  customers = customers_by_days_late (f);
  list = json_node_get_array (customers);
  code = string_member (json_array_get_object_element (list, 0), "code");
  run_cli (&made, f, "document", "statement", code, "-o", pdf, "--json", NULL);
  assert_status (&made, 0);
  made_root = parse_json (made.out);
  document_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 int_member (json_node_get_object (made_root), "document_id"));
  run_cli (&sent, f, "mail", "send", document_id, "--to", "compta@client.example.com", "--json",
           NULL);
  assert_status (&sent, 0);
  sent_root = parse_json (sent.out);
  message = json_node_get_object (sent_root);
  assert_string_equal (string_member (message, "status"), "outbox");
  assert_true (g_file_test (string_member (message, "outbox_path"), G_FILE_TEST_IS_REGULAR));
  assert_int_equal (count_files (f->outbox, ".eml"), outbox + 1);

  run_cli (&listed, f, "mail", "list", code, "--json", NULL);
  assert_status (&listed, 0);
  listed_root = parse_json (listed.out);
  /* Newest first: the statement sent by hand */
  message = json_array_get_object_element (json_node_get_array (listed_root), 0);
  assert_string_equal (string_member (message, "status"), "outbox");
  assert_string_equal (json_array_get_string_element (json_object_get_array_member (message,
                                                                                    "recipients"),
                                                      0),
                       "compta@client.example.com");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_cli_document_notice_writes_a_pdf_with_the_words_and_the_name),
    TEST (test_cli_document_not_offered_says_why_and_stores_nothing),
    TEST (test_cli_template_set_refuses_an_unknown_placeholder_with_line_and_column),
    TEST (test_cli_template_set_check_and_deactivate),
    TEST (test_cli_company_set_refuses_a_wrong_siren),
    TEST (test_cli_company_set_normalises_identifiers),
    TEST (test_cli_run_reports_documents_and_mails_once),
    TEST (test_cli_mail_without_server_writes_eml_files_to_the_outbox),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
