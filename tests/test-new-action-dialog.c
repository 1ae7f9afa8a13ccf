/* test-new-action-dialog.c — the new action dialog and its PDF preview on
 * a small demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb as test-action-dialog.c does: a demo portfolio with
 * the daily run of Monday 23 November 2026 done, the real window and the
 * real dialog from its template. The tests fill the dialog through its
 * widgets (reached by template id, see relance-new-action-dialog.h),
 * wait for the preview made in its thread, press Create and check the
 * store and the agenda.
 *
 * For screenshots, RELANCE_TEST_HOLD=notice keeps the dialog showing the
 * preview of a formal notice for 30 seconds.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "relance-documents.h"
#include "relance-form-problems.h"
#include "relance-new-action-dialog.h"
#include "relance-pdf-preview.h"
#include "gui-fixture.h"
#include "relance-window-private.h"

#define N_CUSTOMERS 120
#define USER        "arossi"

static char *db_dir;
static char *db_path;

typedef struct
{
  RelanceWindow *window;
} Fixture;

static gpointer
child (gpointer    dialog,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   RELANCE_TYPE_NEW_ACTION_DIALOG, id);

  if (object == NULL)
    fail_msg ("no template child “%s”", id);
  return object;
}

static gboolean
preview_settled (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "loading") != 0;
}

/* Waits until the preview is made or refused: its page is no longer
 * "loading" */
static const char *
wait_preview (RelanceNewActionDialog *dialog)
{
  GtkStack *stack = child (dialog, "preview_stack");

  gui_wait_until (preview_settled, stack, "the preview");
  return gtk_stack_get_visible_child_name (stack);
}

static void
action_created_cb (RelanceNewActionDialog *dialog,
                   gint64                  action_id,
                   gint64                 *result)
{
  *result = action_id;
}

/* Presses Create and returns the id of the action stored; the dialog
 * closes */
static gint64
create (RelanceNewActionDialog *dialog)
{
  GtkWidget *button = child (dialog, "create_button");
  gint64 action_id = 0;

  assert_true (gtk_widget_is_sensitive (button));
  g_signal_connect (dialog, "action-created", G_CALLBACK (action_created_cb), &action_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (dialog);
  assert_true (action_id > 0);
  return action_id;
}

static int
database_setup (void **state)
{
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-new-action-XXXXXX", "demo.db",
                                                         N_CUSTOMERS, 1, gui_day (), TRUE,
                                                         &db_dir, &db_path);

  return 0;
}

static int
database_teardown (void **state)
{
  gui_database_remove (&db_dir, &db_path);
  return 0;
}

static int
window_setup (void **state)
{
  Fixture *fx = g_new0 (Fixture, 1);

  fx->window = gui_window_open (db_path);
  relance_window_set_user (fx->window, USER);
  *state = fx;
  return 0;
}

static int
window_teardown (void **state)
{
  Fixture *fx = *state;

  gui_destroy_and_check (g_steal_pointer (&fx->window), "window");
  g_free (fx);
  return 0;
}

/* The customer of an open case whose level is in [@min_level,
 * @max_level], with at least @n_items open invoices in EUR; their ids go
 * to @ids */
static gint64
customer_at_level (RelanceDatabase *db,
                   int              min_level,
                   int              max_level,
                   guint            n_items,
                   GArray          *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cases = relance_case_store_list_active (db, &error);

  assert_non_null (cases);
  for (guint i = 0; i < cases->len; i++)
    {
      RelanceCase *each = &g_array_index (cases, RelanceCase, i);
      g_autoptr(GPtrArray) open = NULL;
      g_autoptr(GArray) disputed = NULL;

      if (each->status != RELANCE_CASE_OPEN || strcmp (each->currency, "EUR") != 0 ||
          each->level < min_level || each->level > max_level)
        continue;
      open = relance_invoice_store_list_for_actor (db, each->actor_id, TRUE, &error);
      disputed = relance_dispute_store_open_invoice_ids (db, each->actor_id, &error);
      g_array_set_size (ids, 0);
      for (guint j = 0; j < open->len && ids->len < n_items; j++)
        {
          RelanceInvoice *invoice = g_ptr_array_index (open, j);
          gint64 id = relance_invoice_get_id (invoice);

          if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_INVOICE &&
              relance_invoice_get_remaining_cents (invoice) > 0 &&
              strcmp (relance_invoice_get_currency (invoice), "EUR") == 0 &&
              !relance_dispute_ids_contain (disputed, id))
            g_array_append_val (ids, id);
        }
      if (ids->len == n_items)
        return each->actor_id;
    }
  fail_msg ("no open case at a level from %d to %d with %u items", min_level, max_level, n_items);
  return 0;
}

static gboolean
agenda_has (RelanceDatabase *db,
            const char      *user,
            gint64           action_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = relance_agenda_list (db, user, gui_day (), NULL, &error);

  assert_non_null (items);
  for (guint i = 0; i < items->len; i++)
    if (((RelanceAgendaItem *) g_ptr_array_index (items, i))->action_id == action_id)
      return TRUE;
  return FALSE;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_call_on_two_items_is_stored_and_on_the_agenda (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RelanceAction) stored = NULL;
  g_autoptr(GError) error = NULL;
  RelanceNewActionDialog *dialog;
  gint64 actor_id = customer_at_level (db, 0, 5, 2, ids);
  gint64 action_id;

  dialog = relance_new_action_dialog_new (fx->window, actor_id, ids, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_spin (50);

  /* a call, today, for the window's user, with no document to preview */
  assert_int_equal (gtk_drop_down_get_selected (child (dialog, "channel_dropdown")),
                    RELANCE_CHANNEL_CALL);
  assert_false (gtk_widget_get_visible (child (dialog, "preview_pane")));
  assert_int_equal (relance_form_problems_get_n_blocking (child (dialog, "problems")), 0);
  action_id = create (dialog);

  stored = relance_action_store_find (db, action_id, &error);
  assert_non_null (stored);
  assert_int_equal (stored->channel, RELANCE_CHANNEL_CALL);
  assert_int_equal (stored->planned_date, gui_day ());
  assert_string_equal (stored->assigned_to, USER);
  assert_string_equal (stored->created_by, USER);
  assert_int_equal (stored->invoice_ids->len, 2);
  assert_true (ids_contain (stored->invoice_ids, g_array_index (ids, gint64, 0)));
  assert_true (ids_contain (stored->invoice_ids, g_array_index (ids, gint64, 1)));
  assert_true (agenda_has (db, USER, action_id));
}

static void
test_notice_below_its_level_shows_the_error_and_refuses_create (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  RelanceNewActionDialog *dialog;
  AdwStatusPage *status;
  gint64 actor_id = customer_at_level (db, 0, 2, 1, ids);

  dialog = relance_new_action_dialog_new (fx->window, actor_id, ids, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_drop_down_set_selected (child (dialog, "channel_dropdown"), RELANCE_CHANNEL_FORMAL_NOTICE);
  assert_true (gtk_widget_get_visible (child (dialog, "preview_pane")));

  assert_string_equal (wait_preview (dialog), "error");
  status = child (dialog, "preview_error");
  assert_non_null (adw_status_page_get_description (status));
  assert_true (strlen (adw_status_page_get_description (status)) > 0);
  /* the form itself has no blocking problem: the document refuses */
  assert_int_equal (relance_form_problems_get_n_blocking (child (dialog, "problems")), 0);
  assert_false (gtk_widget_get_sensitive (child (dialog, "create_button")));

  gui_destroy_and_check (dialog, "dialog");
}

static void
test_letter_renders_a_preview_and_stores_its_document (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(RelanceAction) stored = NULL;
  g_autoptr(GError) error = NULL;
  RelanceNewActionDialog *dialog;
  gint64 actor_id = customer_at_level (db, 0, 2, 1, ids);
  gint64 action_id;

  dialog = relance_new_action_dialog_new (fx->window, actor_id, ids, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_drop_down_set_selected (child (dialog, "channel_dropdown"), RELANCE_CHANNEL_LETTER);
  gtk_drop_down_set_selected (child (dialog, "level_dropdown"), 1);
  assert_true (gtk_widget_get_visible (child (dialog, "level_row")));

  assert_string_equal (wait_preview (dialog), "preview");
  assert_true (relance_pdf_preview_get_n_pages (child (dialog, "preview")) >= 1);
  action_id = create (dialog);

  stored = relance_action_store_find (db, action_id, &error);
  assert_non_null (stored);
  assert_int_equal (stored->channel, RELANCE_CHANNEL_LETTER);
  assert_int_equal (stored->level, 1);
  documents = relance_document_store_list_for_action (db, action_id, &error);
  assert_non_null (documents);
  assert_int_equal (documents->len, 1);
}

static void
test_notice_at_its_level_renders (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  RelanceNewActionDialog *dialog;
  RelancePdfPreview *preview;
  gint64 actor_id = customer_at_level (db, 3, 3, 1, ids);

  dialog = relance_new_action_dialog_new (fx->window, actor_id, ids, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_drop_down_set_selected (child (dialog, "channel_dropdown"), RELANCE_CHANNEL_FORMAL_NOTICE);
  assert_false (gtk_widget_get_visible (child (dialog, "level_row")));

  assert_string_equal (wait_preview (dialog), "preview");
  preview = child (dialog, "preview");
  assert_true (relance_pdf_preview_get_n_pages (preview) >= 1);
  assert_true (gtk_widget_get_sensitive (child (dialog, "create_button")));

  /* zooming in: 1 × 1.25 */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  assert_true (G_APPROX_VALUE (relance_pdf_preview_get_zoom (preview), 1.25, 0.001));
  gui_spin (300);
  gui_hold ("notice");

  gui_destroy_and_check (dialog, "dialog");
}

static void
test_a_past_date_is_blocking (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  RelanceNewActionDialog *dialog;
  RelanceFormProblems *problems;
  gint64 actor_id = customer_at_level (db, 0, 5, 1, ids);

  dialog = relance_new_action_dialog_new (fx->window, actor_id, ids, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  problems = child (dialog, "problems");

  /* Friday 20 November is before Monday 23: blocking, Create refused */
  gtk_editable_set_text (child (dialog, "date_entry"), "20/11/2026");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 1);
  assert_false (gtk_widget_get_sensitive (child (dialog, "create_button")));
  assert_true (gtk_widget_has_css_class (child (dialog, "date_entry"), "error"));

  /* an empty title is a second one */
  gtk_editable_set_text (child (dialog, "title_entry"), "");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 2);

  /* Tuesday 24, titled again: nothing blocks */
  gtk_editable_set_text (child (dialog, "date_entry"), "24/11/2026");
  gtk_editable_set_text (child (dialog, "title_entry"), "Appel");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 0);
  assert_true (gtk_widget_get_sensitive (child (dialog, "create_button")));

  gui_destroy_and_check (dialog, "dialog");
}

static void
test_window_action_opens_the_dialog (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *toplevels;
  gint64 actor_id = customer_at_level (db, 0, 5, 1, ids);
  gpointer dialog = NULL;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.new-action", "(xax)",
                                           actor_id, NULL));
  /* transfer none: GTK's own list */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) each = g_list_model_get_item (toplevels, i);

      if (RELANCE_IS_NEW_ACTION_DIALOG (each))
        dialog = each;
    }
  assert_non_null (dialog);
  gui_destroy_and_check (dialog, "dialog");
}

int
main (void)
{
  gui_set_environment ();
  if (!gui_init ())
    return 77;
#define TEST(test) cmocka_unit_test_setup_teardown (test, window_setup, window_teardown)
  const struct CMUnitTest tests[] = {
    TEST (test_call_on_two_items_is_stored_and_on_the_agenda),
    TEST (test_notice_below_its_level_shows_the_error_and_refuses_create),
    TEST (test_letter_renders_a_preview_and_stores_its_document),
    TEST (test_notice_at_its_level_renders),
    TEST (test_a_past_date_is_blocking),
    TEST (test_window_action_opens_the_dialog),
  };
#undef TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
