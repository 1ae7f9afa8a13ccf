/* test-run-dialog.c — the daily run started from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo portfolio of 60 customers on Monday 23 November 2026 (D), with
 * no run yet, and a byte copy of it. The manager mvallet runs the day
 * from the dialog; relance_daily_run(), relance_documents_generate_for_run()
 * and relance_mail_dispatch_run() of D on the copy must report the same
 * numbers. A second run from the dialog creates nothing. The agent
 * arossi cannot start it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gui-fixture.h"
#include "relance-documents.h"
#include "relance-mail.h"
#include "relance-run-dialog.h"
#include "relance-window-private.h"

#define N_CUSTOMERS 60
#define SEED        5
#define MANAGER     "mvallet"
#define AGENT       "arossi"

static char *db_dir;
static char *db_path;
static char *copy_path;

/* Helpers */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &contents, &length, &error) ||
      !g_file_set_contents (to, contents, length, &error))
    fail_msg ("copy: %s", error->message);
}

/* Removes the outbox folder the runs wrote beside the databases */
static void
remove_outbox (void)
{
  g_autofree char *outbox = g_build_filename (db_dir, "outbox", NULL);
  g_autoptr(GDir) dir = g_dir_open (outbox, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (outbox, name, NULL);

      g_remove (file);
    }
  g_rmdir (outbox);
}

static RelanceRunDialog *
find_run_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RELANCE_IS_RUN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
run_finished (gpointer data)
{
  return !relance_run_dialog_get_running (RELANCE_RUN_DIALOG (data));
}

/* Opens the dialog through win.daily-run, runs it and waits for the end */
static RelanceRunDialog *
run_from_window (RelanceWindow *window)
{
  RelanceRunDialog *dialog;

  /* the figures of the last run are computed again first */
  gui_wait_until (gui_workspace_shown, window, "the workspace");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.daily-run", NULL));
  dialog = find_run_dialog ();
  assert_non_null (dialog);
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (dialog), RELANCE_TYPE_RUN_DIALOG, "stack"))),
                       "intro");
  gui_hold ("intro");
  relance_run_dialog_start (dialog);
  assert_true (relance_run_dialog_get_running (dialog));
  gui_wait_until (run_finished, dialog, "the daily run");
  gui_hold ("done");
  return dialog;
}

static const char *
dialog_page (RelanceRunDialog *dialog)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                              RELANCE_TYPE_RUN_DIALOG, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* Fixtures */

static int
database_setup (void **state)
{
  g_autoptr(RelanceDatabase) db = NULL;
  g_autofree char *wal = NULL;

  db = gui_demo_database_new ("relance-test-run-XXXXXX", "run.db", N_CUSTOMERS, SEED, gui_day (),
                              FALSE, &db_dir, &db_path);
  /* closed, the database is whole in its file: the copy is the same */
  g_clear_object (&db);
  wal = g_strconcat (db_path, "-wal", NULL);
  assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_path = g_build_filename (db_dir, "copy.db", NULL);
  copy_file (db_path, copy_path);
  return 0;
}

static int
database_teardown (void **state)
{
  remove_outbox ();
  gui_database_remove_files (copy_path);
  g_clear_pointer (&copy_path, g_free);
  gui_database_remove (&db_dir, &db_path);
  return 0;
}

/* Tests */

static void
test_run_dialog_agent_cannot_run (void **state)
{
  RelanceWindow *window = gui_window_open (db_path);

  relance_window_set_user (window, AGENT);
  /* disabled: the action does nothing, no dialog opens */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.daily-run", NULL);
  gui_spin (50);
  assert_null (find_run_dialog ());

  /* a manager picked in the same window may */
  relance_window_set_user (window, MANAGER);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.daily-run", NULL));
  assert_non_null (find_run_dialog ());
  gui_destroy_and_check (find_run_dialog (), "run dialog");
  gui_destroy_and_check (window, "window");
}

static void
test_run_dialog_report_equals_engine_then_nothing (void **state)
{
  g_autoptr(RelanceDatabase) copy = NULL;
  g_autoptr(RelanceRunReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  RelanceMailReport expected_mails = { 0 };
  guint expected_documents = 0;
  RelanceWindow *window = gui_window_open (db_path);
  RelanceRunDialog *dialog;
  const RelanceRunReport *report;
  const RelanceMailReport *mails;

  relance_window_set_user (window, MANAGER);
  dialog = run_from_window (window);
  assert_string_equal (dialog_page (dialog), "done");
  report = relance_run_dialog_get_report (dialog);
  assert_non_null (report);
  assert_int_equal (report->day, gui_day ());

  /* the same three steps of D on the copy */
  copy = relance_database_open (copy_path, &error);
  assert_non_null (copy);
  if (!relance_daily_run (copy, gui_day (), NULL, NULL, NULL, NULL, &expected, &error) ||
      !relance_documents_generate_for_run (copy, gui_day (), NULL, NULL, NULL,
                                           &expected_documents, &error) ||
      !relance_mail_dispatch_run (copy, gui_day (), NULL, NULL, NULL, &expected_mails, &error))
    fail_msg ("run of the copy: %s", error->message);

  /* a demo of 60 customers has overdue items: the run does something */
  assert_true (expected->actions_created > 0);
  assert_int_equal (report->actors, expected->actors);
  assert_int_equal (report->cases_opened, expected->cases_opened);
  assert_int_equal (report->cases_closed, expected->cases_closed);
  assert_int_equal (report->actions_created, expected->actions_created);
  assert_int_equal (report->actions_automatic, expected->actions_automatic);
  assert_int_equal (report->actions_manual, expected->actions_manual);
  assert_int_equal (relance_run_dialog_get_documents_generated (dialog), expected_documents);
  mails = relance_run_dialog_get_mail_report (dialog);
  assert_int_equal (mails->sent, expected_mails.sent);
  assert_int_equal (mails->outbox, expected_mails.outbox);
  assert_int_equal (mails->failed, expected_mails.failed);
  gui_destroy_and_check (dialog, "run dialog");

  /* idempotent: the second run of D creates nothing */
  dialog = run_from_window (window);
  assert_string_equal (dialog_page (dialog), "done");
  report = relance_run_dialog_get_report (dialog);
  assert_non_null (report);
  assert_int_equal (report->actions_created, 0);
  assert_int_equal (report->cases_opened, 0);
  assert_int_equal (relance_run_dialog_get_documents_generated (dialog), 0);
  mails = relance_run_dialog_get_mail_report (dialog);
  assert_int_equal (mails->sent + mails->outbox, 0);
  gui_destroy_and_check (dialog, "run dialog");
  gui_destroy_and_check (window, "window");
}

int
main (void)
{
  gui_set_environment ();
  g_setenv ("LANGUAGE", "C", TRUE);
  if (!gui_init ())
    return 77;
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_run_dialog_agent_cannot_run),
    cmocka_unit_test (test_run_dialog_report_equals_engine_then_nothing),
  };

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
