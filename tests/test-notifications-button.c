/* test-notifications-button.c — the bell of the main window's header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo portfolio of 100 customers on Monday 23 November 2026 (D),
 * after the daily run of D. The agent with the first planned action of
 * the agenda performs it and notifies the manager mvallet with a
 * comment: the window working as mvallet shows 1 unread notification,
 * one row with that comment; activating the row opens the action and
 * marks the notification read (0 left). Two more notifications are then
 * cleared by « Mark All as Read ».
 *
 * For screenshots, RELANCE_TEST_HOLD=bell keeps the window with its
 * unread count for 30 s, RELANCE_TEST_HOLD=popover with the popover open.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-action-dialog.h"
#include "gui-fixture.h"
#include "relance-window-private.h"

#define N_CUSTOMERS 100
#define MANAGER     "mvallet"
#define COMMENT     "Le client conteste la facture, merci de rappeler"

static char *db_dir;
static char *db_path;
static char *agent;
static gint64 performed_id;

/* The text of every label under @widget, one per line */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static int
database_setup (void **state)
{
  static const char * const notify[] = { MANAGER, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-notifications-XXXXXX", "demo.db",
                                                         N_CUSTOMERS, 1, gui_day (), TRUE,
                                                         &db_dir, &db_path);
  RelancePerformRequest request = { 0 };
  const RelanceAgendaItem *first = NULL;
  g_autoptr(GPtrArray) items = NULL;

  /* the first agent with a manual action to do on D */
  {
    static const char * const agents[] = { "arossi", "claurent", "smarchand", "jbesson", "nhaddad" };

    for (guint i = 0; i < G_N_ELEMENTS (agents) && first == NULL; i++)
      {
        g_clear_pointer (&items, g_ptr_array_unref);
        items = relance_agenda_list (db, agents[i], gui_day (), NULL, &error);
        assert_non_null (items);
        if (items->len > 0)
          {
            first = g_ptr_array_index (items, 0);
            agent = g_strdup (agents[i]);
          }
      }
  }
  assert_non_null (first);
  performed_id = first->action_id;

  relance_database_set_user (db, agent);
  request.success = TRUE;
  request.comment = COMMENT;
  request.notify = notify;
  if (!relance_action_perform (db, performed_id, gui_day (), &request, NULL, &error))
    fail_msg ("perform: %s", error->message);
  return 0;
}

static int
database_teardown (void **state)
{
  gui_database_remove (&db_dir, &db_path);
  g_clear_pointer (&agent, g_free);
  return 0;
}

static int
window_setup (void **state)
{
  RelanceWindow *window = gui_window_open (db_path);

  relance_window_set_user (window, MANAGER);
  *state = window;
  return 0;
}

static int
window_teardown (void **state)
{
  gui_destroy_and_check (*state, "window");
  return 0;
}

/* Tests */

static void
test_notifications_when_is_relative_to_the_day (void **state)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-23T15:00:00Z", NULL);
  const struct { const char *at; const char *expected; } cases[] = {
    /* same day (TZ=UTC) */
    { "2026-11-23T09:12:00Z", "Today, 09:12" },
    /* 23 − 22 = 1 day */
    { "2026-11-22T17:40:05Z", "Yesterday, 17:40" },
    /* 23 − 20 = 3 days */
    { "2026-11-20T08:00:00Z", "3 days ago" },
    /* 23 − 2 = 21 days: the date (ISO outside French) */
    { "2026-11-02T08:00:00Z", "2026-11-02" },
    /* not a time: as stored */
    { "yesterday", "yesterday" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *when = relance_notifications_format_when (cases[i].at, now);

      assert_string_equal (when, cases[i].expected);
    }
}

static void
test_notifications_store_lists_newest_first_and_marks_all (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (db_path, &error);
  g_autoptr(GPtrArray) entries = NULL;
  const RelanceNotificationEntry *entry;
  gint64 older = 0, newer = 0;
  guint n_marked = 99;

  assert_non_null (db);
  relance_database_set_user (db, agent);
  /* a colleague with no notification yet */
  assert_true (relance_notification_store_insert (db, performed_id, "nhaddad", "first", &older,
                                                  &error));
  assert_true (relance_notification_store_insert (db, performed_id, "nhaddad", NULL, &newer,
                                                  &error));
  entries = relance_notification_store_list_entries (db, "nhaddad", &error);
  assert_non_null (entries);
  assert_int_equal (entries->len, 2);
  /* within the same second, the later id first */
  entry = g_ptr_array_index (entries, 0);
  assert_int_equal (entry->id, newer);
  assert_null (entry->message);
  entry = g_ptr_array_index (entries, 1);
  assert_int_equal (entry->id, older);
  assert_string_equal (entry->message, "first");
  assert_int_equal (entry->action_id, performed_id);
  assert_non_null (entry->actor_name);
  assert_string_equal (entry->created_by, agent);
  /* the demo's users have names: not the login */
  assert_string_not_equal (entry->created_by_name, agent);

  assert_true (relance_notification_store_mark_all_read (db, "nhaddad", &n_marked, &error));
  assert_int_equal (n_marked, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = relance_notification_store_list_entries (db, "nhaddad", &error);
  assert_int_equal (entries->len, 0);
  /* none left: not an error */
  assert_true (relance_notification_store_mark_all_read (db, "nhaddad", &n_marked, &error));
  assert_int_equal (n_marked, 0);
}

static void
test_notifications_button_shows_the_unread_count (void **state)
{
  RelanceWindow *window = *state;
  RelanceNotificationsButton *button = window->notifications_button;
  GtkListBox *list = relance_notifications_button_get_list (button);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *menu_button = gtk_widget_get_first_child (GTK_WIDGET (button));

  assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  assert_int_equal (relance_notifications_button_get_n_unread (button), 1);
  assert_string_equal (gtk_widget_get_tooltip_text (menu_button), "1 Unread Notification");
  assert_int_equal (n_rows (list), 1);
  gui_hold ("bell");

  relance_notifications_button_popup (button);
  gui_spin (200);
  gui_hold ("popover");

  collect_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), text);
  assert_non_null (strstr (text->str, COMMENT));
  assert_non_null (strstr (text->str, "Today, "));
}

static void
test_notifications_button_is_per_user (void **state)
{
  RelanceWindow *window = *state;
  RelanceNotificationsButton *button = window->notifications_button;

  /* the agent sent it, the agent has none */
  relance_window_set_user (window, agent);
  assert_int_equal (relance_notifications_button_get_n_unread (button), 0);
  relance_window_set_user (window, MANAGER);
  assert_int_equal (relance_notifications_button_get_n_unread (button), 1);
}

static void
test_notifications_button_activating_opens_and_marks_read (void **state)
{
  RelanceWindow *window = *state;
  RelanceNotificationsButton *button = window->notifications_button;
  GtkListBox *list = relance_notifications_button_get_list (button);
  g_autoptr(GList) toplevels = NULL;
  RelanceActionDialog *dialog = NULL;
  g_autoptr(GPtrArray) left = NULL;

  relance_notifications_button_popup (button);
  gui_spin (100);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));

  assert_int_equal (relance_notifications_button_get_n_unread (button), 0);
  left = relance_notification_store_list_entries (relance_window_get_database (window), MANAGER,
                                                  NULL);
  assert_int_equal (left->len, 0);

  /* the action's dialog opened */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RELANCE_IS_ACTION_DIALOG (l->data))
      dialog = l->data;
  assert_non_null (dialog);
  assert_int_equal (relance_action_dialog_get_action_id (dialog), performed_id);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_spin (100);
}

static void
test_notifications_button_marks_all_read (void **state)
{
  RelanceWindow *window = *state;
  RelanceNotificationsButton *button = window->notifications_button;
  RelanceDatabase *db = relance_window_get_database (window);
  g_autoptr(GError) error = NULL;
  GtkWidget *mark_all;

  assert_true (relance_notification_store_insert (db, performed_id, MANAGER, "one", NULL, &error));
  assert_true (relance_notification_store_insert (db, performed_id, MANAGER, "two", NULL, &error));
  _relance_window_data_changed (window);
  assert_int_equal (relance_notifications_button_get_n_unread (button), 2);
  assert_int_equal (n_rows (relance_notifications_button_get_list (button)), 2);

  mark_all = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (button),
                                                       RELANCE_TYPE_NOTIFICATIONS_BUTTON,
                                                       "mark_all_button"));
  assert_true (gtk_widget_get_sensitive (mark_all));
  g_signal_emit_by_name (mark_all, "clicked");

  assert_int_equal (relance_notifications_button_get_n_unread (button), 0);
  assert_int_equal (n_rows (relance_notifications_button_get_list (button)), 0);
  assert_false (gtk_widget_get_sensitive (mark_all));
  /* the badge hides with nothing to count */
  assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (button), RELANCE_TYPE_NOTIFICATIONS_BUTTON, "badge_label"))));
}

int
main (void)
{
  gui_set_environment ();
  g_setenv ("LANGUAGE", "C", TRUE);
  /* "Today, 09:12" is in the local time zone */
  g_setenv ("TZ", "UTC", TRUE);
  if (!gui_init ())
    return 77;
#define WINDOW_TEST(test) cmocka_unit_test_setup_teardown (test, window_setup, window_teardown)
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_notifications_when_is_relative_to_the_day),
    WINDOW_TEST (test_notifications_button_shows_the_unread_count),
    WINDOW_TEST (test_notifications_button_is_per_user),
    WINDOW_TEST (test_notifications_button_activating_opens_and_marks_read),
    WINDOW_TEST (test_notifications_button_marks_all_read),
    /* last: its own notifications, to nhaddad */
    cmocka_unit_test (test_notifications_store_lists_newest_first_and_marks_all),
  };
#undef WINDOW_TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
