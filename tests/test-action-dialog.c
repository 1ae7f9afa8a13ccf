/* test-action-dialog.c — the dialogs of the agent's work on a small demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb as test-window.c does: a demo portfolio with the daily
 * run of Monday 23 November 2026 done, the real window and the real
 * dialogs from their templates. The tests fill the dialogs through their
 * widgets (reached by template id, see the dialogs' headers), press the
 * buttons, and check the store, the agenda, the timeline and the
 * figures.
 *
 * For screenshots, RELANCE_TEST_HOLD=<step> keeps the screen as it is at
 * that step ("action", "follow", "dispute", "promise", "notice",
 * "email") for 30 seconds.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "relance-action-delivery.h"
#include "relance-action-dialog.h"
#include "relance-dispute-dialog.h"
#include "relance-form-problems.h"
#include "relance-pdf-preview.h"
#include "relance-promise-dialog.h"
#include "relance-user-picker.h"
#include "gui-fixture.h"
#include "relance-window-private.h"

#define N_CUSTOMERS 120

static char *db_dir;
static char *db_path;

typedef struct
{
  RelanceWindow *window;
} Fixture;

static gpointer
child (gpointer    dialog,
       GType       type,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), type, id);

  if (object == NULL)
    fail_msg ("no template child “%s”", id);
  return object;
}

static void
click (gpointer dialog,
       GType    type,
       const char *id)
{
  GtkWidget *button = child (dialog, type, id);

  assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static int
database_setup (void **state)
{
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-dialogs-XXXXXX", "demo.db",
                                                         N_CUSTOMERS, 1, gui_day (), TRUE,
                                                         &db_dir, &db_path);

  return 0;
}

static int
database_teardown (void **state)
{
  g_autofree char *outbox = g_build_filename (db_dir, "outbox", NULL);
  g_autoptr(GDir) dir = g_dir_open (outbox, 0, NULL);
  const char *name;

  /* the emails of the tests, written beside the database */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (outbox, name, NULL);

      g_remove (file);
    }
  g_rmdir (outbox);
  gui_database_remove (&db_dir, &db_path);
  return 0;
}

static int
window_setup (void **state)
{
  Fixture *fx = g_new0 (Fixture, 1);

  fx->window = gui_window_open (db_path);
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

/* The first manual action of the agenda of the day that makes nothing
 * for the debtor (no document, no email), and its agent */
static RelanceAgendaItem *
first_agenda_item (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = relance_agenda_list (db, NULL, gui_day (), NULL, &error);
  RelanceAgendaItem *item;

  assert_non_null (items);
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      if (item->assigned_to != NULL && item->planned_date <= gui_day () &&
          item->channel != RELANCE_CHANNEL_EMAIL && !relance_action_makes_document (item->channel))
        return g_ptr_array_steal_index (items, i);
    }
  fail_msg ("the agenda of the demo is empty");
  return NULL;
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

static void
test_perform_records_outcome_notifies_and_leaves_the_agenda (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceAgendaItem) item = first_agenda_item (db);
  g_autoptr(RelanceAction) stored = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = g_strdup_printf ("%" G_GINT64_FORMAT, item->action_id);
  g_autofree char *user = g_strdup (item->assigned_to);
  const char *notified = g_strcmp0 (user, "mvallet") == 0 ? "arossi" : "mvallet";
  RelanceActionDialog *dialog;
  GType type = RELANCE_TYPE_ACTION_DIALOG;
  gboolean in_timeline = FALSE;

  /* the agent whose agenda it is works in the window */
  relance_database_set_user (db, user);
  assert_true (agenda_has (db, user, item->action_id));

  dialog = relance_action_dialog_new (fx->window, item->action_id, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_spin (100);
  gui_hold ("action");

  click (dialog, type, "perform_button");
  assert_string_equal (gtk_stack_get_visible_child_name (child (dialog, type, "stack")), "outcome");
  gtk_check_button_set_active (child (dialog, type, "success_check"), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (dialog, type, "comment_view")),
                            "Le client paiera vendredi", -1);
  click (dialog, type, "continue_button");
  assert_string_equal (gtk_stack_get_visible_child_name (child (dialog, type, "stack")), "follow");

  relance_user_picker_set_selected (child (dialog, type, "user_picker"), notified, TRUE);
  /* the proposed next action is valid: the record button may be pressed */
  assert_int_equal (relance_form_problems_get_n_blocking (child (dialog, type, "follow_problems")), 0);
  gui_spin (100);
  gui_hold ("follow");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, type, "confirm_button");
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (dialog);

  /* done in the store, with the comment */
  stored = relance_action_store_find (db, item->action_id, &error);
  assert_int_equal (stored->status, RELANCE_ACTION_DONE);
  assert_string_equal (stored->comment, "Le client paiera vendredi");
  assert_string_equal (stored->done_by, user);

  /* in the timeline as done */
  timeline = relance_timeline_store_list (db, item->actor_id, 0, 0, &error);
  assert_non_null (timeline);
  for (guint i = 0; i < timeline->len; i++)
    {
      RelanceTimelineRow *row = g_ptr_array_index (timeline, i);

      if (strcmp (row->kind, "action") == 0 && g_strcmp0 (row->reference, reference) == 0)
        {
          assert_string_equal (row->status, "done");
          in_timeline = TRUE;
        }
    }
  assert_true (in_timeline);

  /* no longer on the agent's agenda */
  assert_false (agenda_has (db, user, item->action_id));

  /* the colleague has a notification about it */
  notifications = relance_notification_store_list_unread (db, notified, &error);
  assert_non_null (notifications);
  assert_true (notifications->len >= 1);
  assert_int_equal (((RelanceNotification *) g_ptr_array_index (notifications,
                                                                notifications->len - 1))->action_id,
                    item->action_id);
}

static void
test_reschedule_refuses_a_past_date (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceAgendaItem) item = first_agenda_item (db);
  g_autoptr(GError) error = NULL;
  GType type = RELANCE_TYPE_ACTION_DIALOG;
  RelanceActionDialog *dialog;
  RelanceFormProblems *problems;

  dialog = relance_action_dialog_new (fx->window, item->action_id, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  click (dialog, type, "reschedule_button");

  /* Friday 20 November is before Monday 23: blocking, Save insensitive */
  gtk_editable_set_text (child (dialog, type, "reschedule_date_entry"), "20/11/2026");
  problems = child (dialog, type, "reschedule_problems");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 1);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  assert_false (gtk_widget_get_sensitive (child (dialog, type, "reschedule_save_button")));
  assert_true (gtk_widget_has_css_class (child (dialog, type, "reschedule_date_entry"), "error"));

  /* Saturday 28: a warning only */
  gtk_editable_set_text (child (dialog, type, "reschedule_date_entry"), "28/11/2026");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 0);
  assert_int_equal (relance_form_problems_get_n_warnings (problems), 1);
  assert_string_equal (relance_form_problems_get_summary (problems), "1 warning");
  assert_true (gtk_widget_get_sensitive (child (dialog, type, "reschedule_save_button")));

  gui_destroy_and_check (dialog, "dialog");
}

/* A customer with two open items not in a dispute */
static gint64
customer_with_two_items (RelanceDatabase *db,
                         RelanceInvoice **first,
                         RelanceInvoice **second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = relance_actor_store_list (db, &error);

  assert_non_null (actors);
  for (guint i = 0; i < actors->len; i++)
    {
      gint64 actor_id = relance_actor_get_id (g_ptr_array_index (actors, i));
      g_autoptr(GPtrArray) open = relance_invoice_store_list_for_actor (db, actor_id, TRUE, &error);
      g_autoptr(GArray) disputed = relance_dispute_store_open_invoice_ids (db, actor_id, &error);
      guint found = 0;

      for (guint j = 0; j < open->len && found < 2; j++)
        {
          RelanceInvoice *invoice = g_ptr_array_index (open, j);

          if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_INVOICE &&
              relance_invoice_get_remaining_cents (invoice) > 0 &&
              strcmp (relance_invoice_get_currency (invoice), "EUR") == 0 &&
              !relance_dispute_ids_contain (disputed, relance_invoice_get_id (invoice)))
            {
              if (found++ == 0)
                *first = g_object_ref (invoice);
              else
                *second = g_object_ref (invoice);
            }
        }
      if (found == 2)
        return actor_id;
      if (found == 1)
        g_clear_object (first);
    }
  fail_msg ("no customer with two open items");
  return 0;
}

static gint64
disputed_cents (RelanceDatabase *db,
                gint64           actor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) figures = relance_customer_figures_compute (db, actor_id, gui_day (), &error);

  assert_non_null (figures);
  /* the company currency (EUR) comes first */
  return g_array_index (figures, RelanceFiguresRow, 0).disputed_cents;
}

static void
test_dispute_on_two_items_adds_their_remaining_to_disputed (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceInvoice) a = NULL;
  g_autoptr(RelanceInvoice) b = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GType type = RELANCE_TYPE_DISPUTE_DIALOG;
  RelanceDisputeDialog *dialog;
  RelanceFormProblems *problems;
  gint64 actor_id = customer_with_two_items (db, &a, &b);
  gint64 before = disputed_cents (db, actor_id);
  gint64 remaining;
  g_autofree char *too_much = NULL;
  gint64 id;

  /* disputed after = before + remaining(a) + remaining(b), where
   * remaining = amount − allocated of each item */
  remaining = (relance_invoice_get_amount_cents (a) - relance_invoice_get_allocated_cents (a)) +
              (relance_invoice_get_amount_cents (b) - relance_invoice_get_allocated_cents (b));

  id = relance_invoice_get_id (a);
  g_array_append_val (ids, id);
  dialog = relance_dispute_dialog_new_open (fx->window, actor_id, ids, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  relance_dispute_dialog_select_item (dialog, relance_invoice_get_id (b), TRUE);
  problems = child (dialog, type, "problems");

  /* no reason yet, and 1 cent more than the two items: 2 blocking */
  too_much = relance_money_format_plain (remaining + 1);
  gtk_editable_set_text (child (dialog, type, "amount_entry"), too_much);
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 2);
  assert_false (gtk_widget_get_sensitive (child (dialog, type, "save_button")));
  assert_true (gtk_widget_has_css_class (child (dialog, type, "amount_entry"), "error"));

  /* part of it: a warning (orange), saving allowed once there is a reason */
  gtk_editable_set_text (child (dialog, type, "reason_entry"), "Contestation sur le prix");
  gtk_editable_set_text (child (dialog, type, "amount_entry"), "1,00");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 0);
  assert_int_equal (relance_form_problems_get_n_warnings (problems), 1);
  assert_true (gtk_widget_has_css_class (child (dialog, type, "amount_entry"), "warning"));
  gtk_editable_set_text (child (dialog, type, "amount_entry"), too_much);
  gui_spin (100);
  gui_hold ("dispute");

  /* empty: all that remains */
  gtk_editable_set_text (child (dialog, type, "amount_entry"), "");
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, type, "save_button");
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (dialog);

  assert_int_equal (disputed_cents (db, actor_id), before + remaining);
}

static void
test_promise_suspends_the_case (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cases = relance_case_store_list_active (db, &error);
  g_autoptr(RelanceCase) after = NULL;
  g_autofree char *amount = NULL;
  GType type = RELANCE_TYPE_PROMISE_DIALOG;
  RelancePromiseDialog *dialog;
  RelanceFormProblems *problems;
  const RelanceCase *c = NULL;

  assert_non_null (cases);
  for (guint i = 0; i < cases->len && c == NULL; i++)
    {
      const RelanceCase *candidate = &g_array_index (cases, RelanceCase, i);
      g_autoptr(GPtrArray) open = relance_promise_store_list (db, candidate->actor_id, TRUE, &error);

      if (candidate->status == RELANCE_CASE_OPEN && open->len == 0 &&
          strcmp (candidate->currency, "EUR") == 0)
        c = candidate;
    }
  assert_non_null (c);

  dialog = relance_promise_dialog_new (fx->window, c->actor_id, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  problems = child (dialog, type, "problems");
  relance_promise_dialog_clear_instalments (dialog);
  /* Friday 20 November is before the promise is made: blocking */
  relance_promise_dialog_add_instalment (dialog, "20/11/2026", "100,00");
  /* and 100,00 is not the overdue amount: a warning */
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 1);
  assert_true (relance_form_problems_get_n_warnings (problems) >= 1);
  assert_false (gtk_widget_get_sensitive (child (dialog, type, "save_button")));
  gui_spin (100);
  gui_hold ("promise");

  /* the overdue amount on Monday 30 November: no problem */
  relance_promise_dialog_clear_instalments (dialog);
  amount = relance_money_format_plain (relance_promise_dialog_get_overdue_cents (dialog));
  relance_promise_dialog_add_instalment (dialog, "30/11/2026", amount);
  assert_int_equal (relance_form_problems_get_n_blocking (problems), 0);
  assert_int_equal (relance_form_problems_get_n_warnings (problems), 0);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, type, "save_button");
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (dialog);

  after = relance_case_store_find (db, c->id, &error);
  assert_non_null (after);
  assert_int_equal (after->status, RELANCE_CASE_SUSPENDED);
}

/* Plans a manual action of @channel on an open case (in euros) for which
 * the documents layer offers @kind, and an email address when @email;
 * with the case's open items not in a dispute, assigned to arossi */
static gint64
plan_action (RelanceDatabase     *db,
             RelanceChannel       channel,
             RelanceDocumentKind  kind,
             gboolean             email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cases = relance_case_store_list_active (db, &error);

  assert_non_null (cases);
  for (guint i = 0; i < cases->len; i++)
    {
      const RelanceCase *c = &g_array_index (cases, RelanceCase, i);
      gboolean offered[RELANCE_N_DOCUMENT_KINDS] = { FALSE, };
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GPtrArray) open = NULL;
      g_autoptr(GArray) disputed = NULL;
      g_autoptr(RelanceAction) action = NULL;
      gboolean has_address = FALSE;
      gboolean created = FALSE;

      if (c->status != RELANCE_CASE_OPEN || strcmp (c->currency, "EUR") != 0)
        continue;
      if (!relance_documents_offered (db, c->actor_id, gui_day (), offered, NULL, &error))
        fail_msg ("offered: %s", error->message);
      if (!offered[kind])
        continue;
      contacts = relance_contact_store_list_for_actor (db, c->actor_id, &error);
      for (guint j = 0; j < contacts->len; j++)
        {
          const char *address = relance_contact_get_email (g_ptr_array_index (contacts, j));

          if (address != NULL && *address != '\0')
            has_address = TRUE;
        }
      if (email && !has_address)
        continue;

      action = relance_action_new (c->actor_id, channel, "Test", gui_day ());
      action->case_id = c->id;
      action->level = c->level;
      action->assigned_to = g_strdup ("arossi");
      open = relance_invoice_store_list_for_actor (db, c->actor_id, TRUE, &error);
      disputed = relance_dispute_store_open_invoice_ids (db, c->actor_id, &error);
      for (guint j = 0; j < open->len; j++)
        {
          RelanceInvoice *invoice = g_ptr_array_index (open, j);
          gint64 id = relance_invoice_get_id (invoice);

          if (relance_invoice_get_remaining_cents (invoice) > 0 &&
              !relance_dispute_ids_contain (disputed, id))
            g_array_append_val (action->invoice_ids, id);
        }
      if (action->invoice_ids->len == 0)
        continue;
      if (!relance_action_store_insert (db, action, &created, &error))
        fail_msg ("insert: %s", error->message);
      assert_true (created);
      return action->id;
    }
  fail_msg ("no case for a %s", relance_channel_to_string (channel));
  return 0;
}

static gboolean
preview_made (gpointer dialog)
{
  GtkStack *stack = child (dialog, RELANCE_TYPE_ACTION_DIALOG, "preview_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static gboolean
email_gone (gpointer dialog)
{
  return !gtk_spinner_get_spinning (child (dialog, RELANCE_TYPE_ACTION_DIALOG,
                                           "delivery_spinner"));
}

/* Presses Perform, Continue and Record as Done with a success */
static void
perform (gpointer dialog)
{
  GType type = RELANCE_TYPE_ACTION_DIALOG;

  click (dialog, type, "perform_button");
  gtk_check_button_set_active (child (dialog, type, "success_check"), TRUE);
  click (dialog, type, "continue_button");
  gtk_switch_set_active (child (dialog, type, "next_switch"), FALSE);
  click (dialog, type, "confirm_button");
}

static guint
count_kind (GPtrArray  *documents,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < documents->len; i++)
    if (g_strcmp0 (((RelanceDocumentInfo *) g_ptr_array_index (documents, i))->kind, kind) == 0)
      n++;
  return n;
}

static void
test_formal_notice_previews_and_is_made_when_performed (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceAction) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  GType type = RELANCE_TYPE_ACTION_DIALOG;
  RelanceActionDialog *dialog;
  RelancePdfPreview *preview;
  gint64 action_id = plan_action (db, RELANCE_CHANNEL_FORMAL_NOTICE, RELANCE_DOCUMENT_NOTICE,
                                  FALSE);
  gboolean in_timeline = FALSE;
  gint64 document_id;

  relance_database_set_user (db, "arossi");
  dialog = relance_action_dialog_new (fx->window, action_id, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  /* the notice it will make, rendered in a thread: at least one page */
  assert_true (gtk_widget_get_visible (child (dialog, type, "document_pane")));
  assert_true (gtk_switch_get_active (child (dialog, type, "document_switch")));
  gui_wait_until (preview_made, dialog, "the dialog");
  preview = child (dialog, type, "preview");
  assert_string_equal (gtk_stack_get_visible_child_name (child (dialog, type, "preview_stack")),
                       "preview");
  assert_true (relance_pdf_preview_get_n_pages (preview) >= 1);
  gui_spin (100);
  gui_hold ("notice");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  perform (dialog);
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (dialog);

  /* done, with exactly one formal notice linked to it */
  stored = relance_action_store_find (db, action_id, &error);
  assert_int_equal (stored->status, RELANCE_ACTION_DONE);
  documents = relance_document_store_list_for_action (db, action_id, &error);
  assert_non_null (documents);
  assert_int_equal (documents->len, 1);
  assert_int_equal (count_kind (documents, "notice"), 1);
  document_id = ((RelanceDocumentInfo *) g_ptr_array_index (documents, 0))->id;

  /* and in the customer's timeline */
  timeline = relance_timeline_store_list (db, stored->actor_id, 0, 0, &error);
  assert_non_null (timeline);
  for (guint i = 0; i < timeline->len; i++)
    {
      RelanceTimelineRow *row = g_ptr_array_index (timeline, i);
      g_autofree char *reference = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);

      if (strcmp (row->kind, "document") == 0 && g_strcmp0 (row->reference, reference) == 0)
        in_timeline = TRUE;
    }
  assert_true (in_timeline);
}

static void
test_letter_that_cannot_be_made_refuses_perform (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(RelanceAction) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GType type = RELANCE_TYPE_ACTION_DIALOG;
  RelanceActionDialog *dialog;
  gint64 action_id = plan_action (db, RELANCE_CHANNEL_LETTER, RELANCE_DOCUMENT_LETTER, FALSE);
  guint before = g_list_model_get_n_items (gtk_window_get_toplevels ());

  /* no creditor's name: no letter can be made */
  company = relance_company_store_load (db, &error);
  assert_non_null (company);
  name = g_steal_pointer (&company->name);
  company->name = g_strdup ("");
  assert_true (relance_company_store_save (db, company, &error));

  relance_database_set_user (db, "arossi");
  dialog = relance_action_dialog_new (fx->window, action_id, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_wait_until (preview_made, dialog, "the dialog");
  assert_string_equal (gtk_stack_get_visible_child_name (child (dialog, type, "preview_stack")),
                       "error");

  /* Perform is refused: a message says why, the dialog stays */
  perform (dialog);
  gui_spin (50);
  assert_int_equal (g_list_model_get_n_items (gtk_window_get_toplevels ()), before + 2);
  stored = relance_action_store_find (db, action_id, &error);
  assert_int_equal (stored->status, RELANCE_ACTION_PLANNED);
  documents = relance_document_store_list_for_action (db, action_id, &error);
  assert_non_null (documents);
  assert_int_equal (documents->len, 0);

  /* the message goes with the dialog */
  for (guint i = g_list_model_get_n_items (gtk_window_get_toplevels ()); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (gtk_window_get_toplevels (), i - 1);

      if (ADW_IS_MESSAGE_DIALOG (w))
        gtk_window_destroy (w);
    }
  gui_destroy_and_check (dialog, "dialog");

  g_free (company->name);
  company->name = g_steal_pointer (&name);
  assert_true (relance_company_store_save (db, company, &error));
}

static void
test_email_performed_goes_to_the_outbox (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceAction) stored = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delivery = NULL;
  GType type = RELANCE_TYPE_ACTION_DIALOG;
  RelanceActionDialog *dialog;
  gint64 action_id = plan_action (db, RELANCE_CHANNEL_EMAIL, RELANCE_DOCUMENT_STATEMENT, TRUE);

  relance_database_set_user (db, "arossi");
  dialog = relance_action_dialog_new (fx->window, action_id, &error);
  assert_non_null (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_true (gtk_widget_get_visible (child (dialog, type, "email_group")));
  assert_false (gtk_widget_get_visible (child (dialog, type, "document_pane")));
  assert_true (gtk_switch_get_active (child (dialog, type, "email_switch")));

  /* performed, the dialog stays to say where the email went */
  perform (dialog);
  assert_string_equal (gtk_stack_get_visible_child_name (child (dialog, type, "stack")),
                       "delivery");
  gui_wait_until (email_gone, dialog, "the dialog");
  gui_spin (100);
  gui_hold ("email");
  assert_string_equal (adw_status_page_get_title (child (dialog, type, "delivery_status")),
                       "Email in the Outbox");

  stored = relance_action_store_find (db, action_id, &error);
  assert_int_equal (stored->status, RELANCE_ACTION_DONE);
  /* no server is set: the message waits in the outbox, with the
   * account statement made for it */
  record = relance_mail_store_find_by_action (db, action_id, &error);
  assert_non_null (record);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_OUTBOX);
  assert_true (record->document_id != 0);
  delivery = relance_action_store_get_delivery (db, action_id, &error);
  assert_non_null (delivery);
  assert_non_null (strstr (delivery, "outbox"));
  documents = relance_document_store_list_for_action (db, action_id, &error);
  assert_int_equal (count_kind (documents, "statement"), 1);

  gui_destroy_and_check (dialog, "dialog");
}

static void
test_window_actions_open_the_dialogs (void **state)
{
  Fixture *fx = *state;
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceAgendaItem) item = first_agenda_item (db);
  guint before = g_list_model_get_n_items (gtk_window_get_toplevels ());
  g_autoptr(GListModel) toplevels = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.open-action", "x", item->action_id);
  gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.new-promise", "x", item->actor_id);
  gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.new-dispute", "(x@ax)", item->actor_id,
                              g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, NULL, 0,
                                                         sizeof (gint64)));
  assert_int_equal (g_list_model_get_n_items (gtk_window_get_toplevels ()), before + 3);

  /* the dialogs go with their window: destroy them first */
  for (guint i = g_list_model_get_n_items (gtk_window_get_toplevels ()); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (gtk_window_get_toplevels (), i - 1);

      if (RELANCE_IS_ACTION_DIALOG (w) || RELANCE_IS_DISPUTE_DIALOG (w) ||
          RELANCE_IS_PROMISE_DIALOG (w))
        gtk_window_destroy (w);
    }
  gui_spin (50);
  assert_int_equal (g_list_model_get_n_items (gtk_window_get_toplevels ()), before);
}

int
main (void)
{
  gui_set_environment ();
  if (!gui_init ())
    return 77;
#define TEST(test) cmocka_unit_test_setup_teardown (test, window_setup, window_teardown)
  const struct CMUnitTest tests[] = {
    TEST (test_perform_records_outcome_notifies_and_leaves_the_agenda),
    TEST (test_reschedule_refuses_a_past_date),
    TEST (test_dispute_on_two_items_adds_their_remaining_to_disputed),
    TEST (test_promise_suspends_the_case),
    TEST (test_window_actions_open_the_dialogs),
    TEST (test_formal_notice_previews_and_is_made_when_performed),
    TEST (test_letter_that_cannot_be_made_refuses_perform),
    TEST (test_email_performed_goes_to_the_outbox),
  };
#undef TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
