/* test-agenda-view.c — the agenda page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo portfolio of 500 customers on Monday 23 November 2026 (D), after
 * the daily run of D: the manual actions of the run are planned on D.
 * Three more actions by hand on the first case of the agent with the
 * most actions:
 *
 *   a call planned on D − 1 (22/11): red, late
 *   a visit planned on D + 1 (24/11): orange, due within 24 h
 *   a call planned on D + 5 (28/11): grey, later; shown with "Next 7 days"
 *
 * The window works as that agent; the agenda must hold exactly the rows
 * of relance_agenda_list() for them on D, under one header per day. The
 * view reads the agenda in a thread: each change is awaited.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-gui-utils.h"
#include "relance-search-dialog.h"
#include "gui-fixture.h"
#include "relance-window-private.h"

#define N_CUSTOMERS 500
/* the agent with the most actions after the run (found in the setup) */
#define AGENT       agent
#define MANAGER     "mvallet"

static const char *agent;
static char *db_dir;
static char *db_path;
static gint64 late_id, tomorrow_id, later_id;

static gint64
add_action (RelanceDatabase *db,
            gint64           actor_id,
            gint64           case_id,
            RelanceChannel   channel,
            const char      *title,
            RelanceDate      planned)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) action = relance_action_new (actor_id, channel, title, planned);

  action->case_id = case_id;
  action->assigned_to = g_strdup (AGENT);
  if (!relance_action_store_insert (db, action, NULL, &error))
    fail_msg ("action: %s", error->message);
  return action->id;
}

static int
database_setup (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-agenda-view-XXXXXX", "demo.db",
                                                         N_CUSTOMERS, 1, gui_day (), TRUE,
                                                         &db_dir, &db_path);
  g_autoptr(GPtrArray) items = NULL;
  const RelanceAgendaItem *first;

  /* the agent with the most actions from the run, on D */
  {
    static const char * const agents[] = { "arossi", "claurent", "smarchand", "jbesson", "nhaddad" };

    for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
      {
        g_autoptr(GPtrArray) list = relance_agenda_list (db, agents[i], gui_day (), NULL, &error);

        assert_non_null (list);
        if (items == NULL || list->len > items->len)
          {
            g_clear_pointer (&items, g_ptr_array_unref);
            items = g_steal_pointer (&list);
            agent = agents[i];
          }
      }
  }
  assert_true (items->len > 1);
  first = g_ptr_array_index (items, 0);
  late_id = add_action (db, first->actor_id, first->case_id, RELANCE_CHANNEL_CALL,
                        "Rappeler le comptable", gui_day () - 1);
  tomorrow_id = add_action (db, first->actor_id, first->case_id, RELANCE_CHANNEL_VISIT,
                            "Visite sur place", gui_day () + 1);
  later_id = add_action (db, first->actor_id, first->case_id, RELANCE_CHANNEL_CALL,
                         "Point sur l'échéancier", gui_day () + 5);
  return 0;
}

static int
database_teardown (void **state)
{
  gui_database_remove (&db_dir, &db_path);
  return 0;
}

static gboolean
agenda_loaded (gpointer data)
{
  return !relance_agenda_view_get_loading (data);
}

/* The rows of the last change are in */
static void
wait_for_agenda (RelanceAgendaView *view)
{
  gui_wait_until (agenda_loaded, view, "the agenda");
}

static int
window_setup (void **state)
{
  RelanceWindow *window = gui_window_open (db_path);

  relance_window_set_user (window, AGENT);
  wait_for_agenda (_relance_window_get_agenda_view (window));
  *state = window;
  return 0;
}

static int
window_teardown (void **state)
{
  wait_for_agenda (_relance_window_get_agenda_view (*state));
  gui_destroy_and_check (*state, "window");
  return 0;
}

/* The model's actions in order, headers skipped, with a check that each
 * action sits under the header of its day */
static GArray *
model_action_ids (GListModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RelanceDate header_day = 0;
  guint under_header = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RelanceAgendaEntry) entry = g_list_model_get_item (model, i);

      if (relance_agenda_entry_is_header (entry))
        {
          /* the previous header counted its actions */
          assert_true (relance_agenda_entry_get_day (entry) > header_day);
          header_day = relance_agenda_entry_get_day (entry);
          under_header = relance_agenda_entry_get_n_actions (entry);
          assert_true (under_header > 0);
        }
      else
        {
          const RelanceAgendaItem *item = relance_agenda_entry_get_item (entry);

          assert_int_not_equal (header_day, 0);
          assert_int_equal (item->planned_date, header_day);
          assert_true (under_header > 0);
          under_header--;
          g_array_append_val (ids, item->action_id);
        }
    }
  return ids;
}

/* relance_agenda_list()'s rows, grouped by day (stable: the priority
 * order stays within a day) */
static GArray *
expected_ids (RelanceDatabase           *db,
              const char                *user,
              const RelanceAgendaFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = relance_agenda_list (db, user, gui_day (), filter, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RelanceDate from = G_MAXINT, to = 0;

  assert_non_null (items);
  for (guint i = 0; i < items->len; i++)
    {
      const RelanceAgendaItem *item = g_ptr_array_index (items, i);

      from = MIN (from, item->planned_date);
      to = MAX (to, item->planned_date);
    }
  for (RelanceDate d = from; d <= to; d++)
    for (guint i = 0; i < items->len; i++)
      {
        const RelanceAgendaItem *item = g_ptr_array_index (items, i);

        if (item->planned_date == d)
          g_array_append_val (ids, item->action_id);
      }
  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  assert_int_equal (a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_int_equal (g_array_index (a, gint64, i), g_array_index (b, gint64, i));
}

static const RelanceAgendaItem *
find_item (GListModel *model,
           gint64      action_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RelanceAgendaEntry) entry = g_list_model_get_item (model, i);
      const RelanceAgendaItem *item = relance_agenda_entry_get_item (entry);

      /* the entry stays alive in the model */
      if (item != NULL && item->action_id == action_id)
        return item;
    }
  return NULL;
}

static void
test_agenda_view_is_the_default_page (void **state)
{
  RelanceWindow *window = *state;

  assert_string_equal (_relance_window_get_area (window), "agenda");
  assert_string_equal (relance_window_get_user (window), AGENT);
  /* the audit trail records who works */
  assert_string_equal (relance_database_get_user (relance_window_get_database (window)), AGENT);
}

static void
test_agenda_view_rows_are_the_agenda_by_day (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  GListModel *model = G_LIST_MODEL (relance_agenda_view_get_model (view));
  RelanceAgendaFilter week = { 0 };
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) expected = NULL;

  /* until tomorrow: D − 1, D, D + 1 */
  shown = model_action_ids (model);
  expected = expected_ids (relance_window_get_database (window), AGENT, NULL);
  assert_same_ids (shown, expected);
  assert_non_null (find_item (model, late_id));
  assert_non_null (find_item (model, tomorrow_id));
  assert_null (find_item (model, later_id));
  /* three days: three headers */
  assert_int_equal (g_list_model_get_n_items (model), expected->len + 3);

  /* the next 7 days add D + 5 */
  relance_agenda_view_set_period (view, RELANCE_AGENDA_PERIOD_WEEK);
  wait_for_agenda (view);
  g_clear_pointer (&shown, g_array_unref);
  g_clear_pointer (&expected, g_array_unref);
  week.date_to = gui_day () + 7;
  shown = model_action_ids (model);
  expected = expected_ids (relance_window_get_database (window), AGENT, &week);
  assert_same_ids (shown, expected);
  assert_int_equal (g_list_model_get_n_items (model), expected->len + 4);
}

static void
test_agenda_view_colours_follow_the_planned_day (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  GListModel *model = G_LIST_MODEL (relance_agenda_view_get_model (view));
  g_autoptr(RelanceAgendaEntry) first = NULL;

  relance_agenda_view_set_period (view, RELANCE_AGENDA_PERIOD_WEEK);
  wait_for_agenda (view);
  /* 22/11 < 23/11: late */
  assert_int_equal (find_item (model, late_id)->colour, RELANCE_AGENDA_RED);
  /* 24/11 = D + 1: within 24 h */
  assert_int_equal (find_item (model, tomorrow_id)->colour, RELANCE_AGENDA_ORANGE);
  /* 28/11 = D + 5: later */
  assert_int_equal (find_item (model, later_id)->colour, RELANCE_AGENDA_GREY);

  /* the first row is the header of the late day */
  first = g_list_model_get_item (model, 0);
  assert_true (relance_agenda_entry_is_header (first));
  assert_int_equal (relance_agenda_entry_get_day (first), gui_day () - 1);
  assert_int_equal (relance_agenda_entry_get_n_actions (first), 1);
}

static void
test_agenda_view_channel_filter_narrows (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  RelanceAgendaModel *model = relance_agenda_view_get_model (view);
  RelanceAgendaFilter visits = { 0 };
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) expected = NULL;
  guint all = relance_agenda_model_get_n_actions (model);

  relance_agenda_view_set_channel (view, "visit");
  wait_for_agenda (view);
  assert_string_equal (relance_agenda_view_get_channel (view), "visit");
  visits.has_channel = TRUE;
  visits.channel = RELANCE_CHANNEL_VISIT;
  shown = model_action_ids (G_LIST_MODEL (model));
  expected = expected_ids (relance_window_get_database (window), AGENT, &visits);
  assert_same_ids (shown, expected);
  /* the run plans calls: the visit of 24/11 is the only one */
  assert_int_equal (relance_agenda_model_get_n_actions (model), 1);
  assert_true (all > 1);

  relance_agenda_view_set_channel (view, NULL);
  wait_for_agenda (view);
  assert_int_equal (relance_agenda_model_get_n_actions (model), all);
}

static void
test_agenda_view_manager_sees_agent_filter (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  RelanceAgendaModel *model = relance_agenda_view_get_model (view);
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) expected = NULL;

  assert_false (relance_agenda_view_get_shows_agents (view));

  relance_window_set_user (window, MANAGER);
  wait_for_agenda (view);
  assert_true (relance_agenda_view_get_shows_agents (view));
  /* "All agents": everybody's actions */
  shown = model_action_ids (G_LIST_MODEL (model));
  expected = expected_ids (relance_window_get_database (window), NULL, NULL);
  assert_same_ids (shown, expected);

  /* one agent: that agent's agenda */
  relance_agenda_view_set_agent (view, AGENT);
  wait_for_agenda (view);
  g_clear_pointer (&shown, g_array_unref);
  g_clear_pointer (&expected, g_array_unref);
  shown = model_action_ids (G_LIST_MODEL (model));
  expected = expected_ids (relance_window_get_database (window), AGENT, NULL);
  assert_same_ids (shown, expected);
  relance_agenda_view_set_agent (view, NULL);
  wait_for_agenda (view);

  relance_window_set_user (window, AGENT);
  wait_for_agenda (view);
  assert_false (relance_agenda_view_get_shows_agents (view));
}

static void
test_agenda_view_figures_of_the_day (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  RelanceDayFigures figures = { 0 };
  g_autofree char *done = NULL;
  g_autofree char *automatic = NULL;
  g_autoptr(GError) error = NULL;

  if (!relance_workspace_store_day_figures (relance_window_get_database (window), AGENT, gui_day (),
                                            &figures, &error))
    fail_msg ("figures: %s", error->message);
  /* nothing done yet; the manual actions of D and the late one of D − 1 */
  assert_int_equal (figures.done, 0);
  assert_true (figures.to_do > 0);
  done = relance_agenda_format_share (figures.done, figures.to_do);
  automatic = relance_agenda_format_share (figures.automatic, figures.total);
  assert_string_equal (relance_agenda_view_get_done_text (view), done);
  assert_string_equal (relance_agenda_view_get_automatic_text (view), automatic);
}

static void
test_agenda_format_share_rounds_half_away (void **state)
{
  g_autofree char *a = relance_agenda_format_share (12, 20);
  g_autofree char *b = relance_agenda_format_share (2, 3);
  g_autofree char *c = relance_agenda_format_share (1, 8);
  g_autofree char *d = relance_agenda_format_share (0, 0);

  /* 12 × 100 / 20 = 60 */
  assert_string_equal (a, "12 / 20 — 60 %");
  /* 200 / 3 = 66.67 → 67 */
  assert_string_equal (b, "2 / 3 — 67 %");
  /* 100 / 8 = 12.5 → 13 */
  assert_string_equal (c, "1 / 8 — 13 %");
  assert_string_equal (d, "0 / 0");
}

static void
test_agenda_view_performed_action_leaves (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  GListModel *model = G_LIST_MODEL (relance_agenda_view_get_model (view));
  RelancePerformRequest request = { 0 };
  g_autoptr(GError) error = NULL;
  RelanceDayFigures figures = { 0 };
  guint before = relance_agenda_model_get_n_actions (RELANCE_AGENDA_MODEL (model));

  assert_non_null (find_item (model, late_id));
  request.success = TRUE;
  request.comment = "Le comptable rappelle demain";
  if (!relance_action_perform (relance_window_get_database (window), late_id, gui_day (), &request,
                               NULL, &error))
    fail_msg ("perform: %s", error->message);
  _relance_window_data_changed (window);
  wait_for_agenda (view);

  assert_null (find_item (model, late_id));
  assert_int_equal (relance_agenda_model_get_n_actions (RELANCE_AGENDA_MODEL (model)), before - 1);
  /* and the figure counts it: 1 done of the same number to do */
  assert_true (relance_workspace_store_day_figures (relance_window_get_database (window), AGENT,
                                                    gui_day (), &figures, NULL));
  assert_int_equal (figures.done, 1);
  {
    g_autofree char *done = relance_agenda_format_share (figures.done, figures.to_do);

    assert_string_equal (relance_agenda_view_get_done_text (view), done);
  }
  /* the figures are computed again in a thread */
  while (relance_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_agenda_view_search_finds_customers_and_actions (void **state)
{
  RelanceWindow *window = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GtkWindow *search;
  gpointer weak;

  /* the demo's codes are C000001 …: C00001 starts C000010 to C000019 */
  hits = relance_search_store_find (relance_window_get_database (window), "C00001", 20, &error);
  assert_non_null (hits);
  assert_true (hits->len >= 10);
  for (guint i = 0; i < 10; i++)
    assert_int_equal (((RelanceSearchHit *) g_ptr_array_index (hits, i))->kind,
                      RELANCE_SEARCH_CUSTOMER);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* an action by its number */
  {
    g_autofree char *number = g_strdup_printf ("#%" G_GINT64_FORMAT, later_id);

    hits = relance_search_store_find (relance_window_get_database (window), number, 5, &error);
    assert_non_null (hits);
    assert_true (hits->len >= 1);
    assert_int_equal (((RelanceSearchHit *) g_ptr_array_index (hits, 0))->kind,
                      RELANCE_SEARCH_ACTION);
    assert_int_equal (((RelanceSearchHit *) g_ptr_array_index (hits, 0))->id, later_id);
  }

  /* Enter on the first customer opens its card */
  search = _relance_window_search (window);
  weak = search;
  g_object_add_weak_pointer (G_OBJECT (search), &weak);
  relance_search_dialog_search (RELANCE_SEARCH_DIALOG (search), "C000012");
  assert_true (relance_search_dialog_get_n_results (RELANCE_SEARCH_DIALOG (search)) >= 1);
  assert_true (relance_search_dialog_open_first (RELANCE_SEARCH_DIALOG (search)));
  for (guint i = 0; i < 50 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (weak);
  assert_string_equal (_relance_window_get_area (window), "portfolio");
  assert_true (relance_customer_card_get_actor_id (_relance_window_get_customer_card (window)) > 0);
}

static void
test_agenda_view_keeps_rows_while_reading (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  GListModel *model = G_LIST_MODEL (relance_agenda_view_get_model (view));
  guint before = g_list_model_get_n_items (model);
  RelanceAgendaFilter today = { 0 };
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) expected = NULL;

  assert_false (relance_agenda_view_get_loading (view));
  assert_non_null (find_item (model, late_id));

  /* the week, then at once today: the week's reading is stale */
  relance_agenda_view_set_period (view, RELANCE_AGENDA_PERIOD_WEEK);
  assert_true (relance_agenda_view_get_loading (view));
  relance_agenda_view_set_period (view, RELANCE_AGENDA_PERIOD_TODAY);
  assert_true (relance_agenda_view_get_loading (view));
  /* the old rows stay meanwhile: until tomorrow, with 22/11 */
  assert_int_equal (g_list_model_get_n_items (model), before);
  assert_non_null (find_item (model, late_id));

  wait_for_agenda (view);
  /* D only: neither 22/11 nor 28/11, whichever reading ended last */
  today.date_from = gui_day ();
  today.date_to = gui_day ();
  shown = model_action_ids (model);
  expected = expected_ids (relance_window_get_database (window), AGENT, &today);
  assert_same_ids (shown, expected);
  assert_null (find_item (model, late_id));
  assert_null (find_item (model, later_id));
  /* let a stale reading end too: it must change nothing */
  gui_spin (200);
  g_clear_pointer (&shown, g_array_unref);
  shown = model_action_ids (model);
  assert_same_ids (shown, expected);
}

static void
test_agenda_view_chosen_dates (void **state)
{
  RelanceWindow *window = *state;
  RelanceAgendaView *view = _relance_window_get_agenda_view (window);
  GListModel *model = G_LIST_MODEL (relance_agenda_view_get_model (view));
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                 RELANCE_TYPE_AGENDA_VIEW,
                                                                 "dates_button"));
  GtkCalendar *from = GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                   RELANCE_TYPE_AGENDA_VIEW,
                                                                   "from_calendar"));
  GtkCalendar *to = GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                 RELANCE_TYPE_AGENDA_VIEW,
                                                                 "to_calendar"));
  RelanceAgendaFilter range = { 0 };
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *d_1 = relance_gui_format_date (gui_day () - 1);
  g_autofree char *d1 = relance_gui_format_date (gui_day () + 1);
  g_autofree char *d5 = relance_gui_format_date (gui_day () + 5);
  g_autofree char *range_label = NULL;

  assert_false (gtk_widget_get_visible (button));

  /* one day: 28/11 = D + 5 holds the call added by hand, and the run
   * planned nothing then */
  relance_agenda_view_set_dates (view, gui_day () + 5, gui_day () + 5);
  wait_for_agenda (view);
  assert_true (gtk_widget_get_visible (button));
  assert_string_equal (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), d5);
  assert_int_equal (relance_agenda_model_get_n_actions (RELANCE_AGENDA_MODEL (model)), 1);
  assert_non_null (find_item (model, later_id));
  /* one header and its action */
  assert_int_equal (g_list_model_get_n_items (model), 2);

  /* the first calendar on 22/11 = D − 1: the last day stays 28/11 */
  day = g_date_time_new_local (2026, 11, 22, 0, 0, 0);
  gtk_calendar_select_day (from, day);
  wait_for_agenda (view);
  /* 22/11/2026 – 28/11/2026, as the locale writes dates */
  range_label = g_strdup_printf ("%s – %s", d_1, d5);
  assert_string_equal (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), range_label);
  range.date_from = gui_day () - 1;
  range.date_to = gui_day () + 5;
  shown = model_action_ids (model);
  expected = expected_ids (relance_window_get_database (window), AGENT, &range);
  assert_same_ids (shown, expected);
  assert_non_null (find_item (model, late_id));
  assert_non_null (find_item (model, tomorrow_id));
  assert_non_null (find_item (model, later_id));
  /* the calendars open in their popover */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_hold ("dates");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* the last calendar on 24/11 = D + 1: 22/11 to 24/11, without 28/11 */
  g_clear_pointer (&day, g_date_time_unref);
  day = g_date_time_new_local (2026, 11, 24, 0, 0, 0);
  gtk_calendar_select_day (to, day);
  wait_for_agenda (view);
  g_clear_pointer (&range_label, g_free);
  range_label = g_strdup_printf ("%s – %s", d_1, d1);
  assert_string_equal (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), range_label);
  range.date_to = gui_day () + 1;
  g_clear_pointer (&shown, g_array_unref);
  g_clear_pointer (&expected, g_array_unref);
  shown = model_action_ids (model);
  expected = expected_ids (relance_window_get_database (window), AGENT, &range);
  assert_same_ids (shown, expected);
  assert_non_null (find_item (model, late_id));
  assert_null (find_item (model, later_id));

  /* a first day after the last moves the last: 28/11 alone again */
  g_clear_pointer (&day, g_date_time_unref);
  day = g_date_time_new_local (2026, 11, 28, 0, 0, 0);
  gtk_calendar_select_day (from, day);
  wait_for_agenda (view);
  assert_string_equal (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), d5);
  assert_int_equal (relance_agenda_model_get_n_actions (RELANCE_AGENDA_MODEL (model)), 1);
  assert_non_null (find_item (model, later_id));

  /* back to a fixed choice: the calendars' button goes */
  relance_agenda_view_set_period (view, RELANCE_AGENDA_PERIOD_UNTIL_TOMORROW);
  wait_for_agenda (view);
  assert_false (gtk_widget_get_visible (button));
  assert_non_null (find_item (model, late_id));
}

int
main (void)
{
  gui_set_environment ();
  g_setenv ("LANGUAGE", "C", TRUE);
  if (!gui_init ())
    return 77;
#define WINDOW_TEST(test) cmocka_unit_test_setup_teardown (test, window_setup, window_teardown)
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_agenda_format_share_rounds_half_away),
    WINDOW_TEST (test_agenda_view_is_the_default_page),
    WINDOW_TEST (test_agenda_view_rows_are_the_agenda_by_day),
    WINDOW_TEST (test_agenda_view_colours_follow_the_planned_day),
    WINDOW_TEST (test_agenda_view_channel_filter_narrows),
    WINDOW_TEST (test_agenda_view_manager_sees_agent_filter),
    WINDOW_TEST (test_agenda_view_figures_of_the_day),
    WINDOW_TEST (test_agenda_view_search_finds_customers_and_actions),
    WINDOW_TEST (test_agenda_view_keeps_rows_while_reading),
    WINDOW_TEST (test_agenda_view_chosen_dates),
    /* last: it changes the database */
    WINDOW_TEST (test_agenda_view_performed_action_leaves),
  };
#undef WINDOW_TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
