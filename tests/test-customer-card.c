/* test-customer-card.c — the customer card and its tabs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb as the other GUI tests. The card is shown alone in a
 * window that stands in for RelanceWindow: a "win" action group records
 * the actions the card activates (win.new-action…), and with no
 * RelanceWindow above it the card reloads itself after a tab writes.
 * The database is a small demo plus two customers written here: CARD-A,
 * whose items and contacts the expected values below come from, and
 * CARD-BIG with 5,000 open items.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gui-fixture.h"
#include "relance-customer-card.h"
#include "relance-invoices-tab.h"
#include "relance-notes-tab.h"
#include "relance-open-items-tab.h"
#include "relance-payments-tab.h"
#include "relance-timeline-entry.h"
#include "relance-timeline-view.h"

#define N_DEMO_CUSTOMERS 20
#define N_BIG_ITEMS      5000

static char *db_dir;
static char *db_path;
static gint64 card_a_id;
static gint64 card_big_id;

typedef struct
{
  GtkWindow           *window;
  RelanceCustomerCard *card;
  RelanceDatabase     *db;
  GSimpleActionGroup  *actions;
  char                *last_action;
  GVariant            *last_parameter;
} CardFixture;

/* The first label under @widget whose text, or markup, contains @text */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text,
            gboolean    markup)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *shown = markup ? gtk_label_get_label (GTK_LABEL (widget))
                                 : gtk_label_get_text (GTK_LABEL (widget));

      if (shown != NULL && strstr (shown, text) != NULL)
        return GTK_LABEL (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text, markup);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_invoice (RelanceDatabase *db,
             gint64           actor_id,
             const char      *number,
             RelanceDate      issue_date,
             RelanceDate      due_date,
             gint64           amount_cents)
{
  g_autoptr(RelanceInvoice) invoice = relance_invoice_new (number, actor_id);
  g_autoptr(GError) error = NULL;

  relance_invoice_set_issue_date (invoice, issue_date);
  relance_invoice_set_due_date (invoice, due_date);
  relance_invoice_set_amount_cents (invoice, amount_cents);
  if (!relance_invoice_store_insert (db, invoice, 0, &error))
    fail_msg ("invoice %s: %s", number, error->message);
}

static gint64
add_actor (RelanceDatabase *db,
           const char      *code,
           const char      *name)
{
  g_autoptr(RelanceActor) actor = relance_actor_new (code, name);
  g_autoptr(GError) error = NULL;

  relance_actor_set_phone (actor, "+33 (0)1 23 45 67 89");
  relance_actor_set_email (actor, "compta@card.test");
  if (!relance_actor_store_insert (db, actor, 0, &error))
    fail_msg ("actor %s: %s", code, error->message);
  return relance_actor_get_id (actor);
}

static void
add_contact (RelanceDatabase *db,
             gint64           actor_id,
             const char      *name,
             const char      *phone,
             const char      *email,
             gboolean         dunning)
{
  g_autoptr(RelanceContact) contact = relance_contact_new (actor_id, name);
  g_autoptr(GError) error = NULL;

  relance_contact_set_phone (contact, phone);
  relance_contact_set_email (contact, email);
  relance_contact_set_dunning (contact, dunning);
  if (!relance_contact_store_insert (db, contact, &error))
    fail_msg ("contact %s: %s", name, error->message);
}

static int
database_setup (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-card-XXXXXX", "card.db",
                                                         N_DEMO_CUSTOMERS, 1, gui_day (), FALSE,
                                                         &db_dir, &db_path);

  card_a_id = add_actor (db, "CARD-A", "Card Test SARL");
  add_contact (db, card_a_id, "Paul Durand", NULL, "paul@card.test", FALSE);
  add_contact (db, card_a_id, "Jeanne Martin", "01 98 76 54 32", "jeanne@card.test", TRUE);
  add_invoice (db, card_a_id, "A-001", relance_date_new (2026, 8, 1), relance_date_new (2026, 9, 1), 120000);
  add_invoice (db, card_a_id, "A-002", relance_date_new (2026, 9, 1), relance_date_new (2026, 10, 1), 30050);
  add_invoice (db, card_a_id, "A-003", relance_date_new (2026, 10, 1), relance_date_new (2026, 11, 1), 250000);

  /* one transaction: 5,000 inserts in a few hundred milliseconds */
  card_big_id = add_actor (db, "CARD-BIG", "Grand Compte SA");
  assert_true (relance_database_begin (db, &error));
  for (guint i = 0; i < N_BIG_ITEMS; i++)
    {
      g_autofree char *number = g_strdup_printf ("B-%05u", i + 1);
      RelanceDate issued = relance_date_new (2025, 1, 1) + i / 8;

      add_invoice (db, card_big_id, number, issued, issued + 30, 10000 + i);
    }
  assert_true (relance_database_commit (db, &error));
  return 0;
}

static int
database_teardown (void **state)
{
  gui_database_remove (&db_dir, &db_path);
  return 0;
}

static void
record_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CardFixture *fx = user_data;

  g_free (fx->last_action);
  fx->last_action = g_strdup (g_action_get_name (G_ACTION (action)));
  g_clear_pointer (&fx->last_parameter, g_variant_unref);
  fx->last_parameter = parameter != NULL ? g_variant_ref (parameter) : NULL;
}

static int
card_setup (void **state)
{
  const GActionEntry entries[] = {
    { "new-action", record_action_cb, "(xax)", NULL, NULL, { 0 } },
    { "new-dispute", record_action_cb, "(xax)", NULL, NULL, { 0 } },
    { "new-promise", record_action_cb, "x", NULL, NULL, { 0 } },
    { "resolve-dispute", record_action_cb, "x", NULL, NULL, { 0 } },
    { "open-document", record_action_cb, "x", NULL, NULL, { 0 } },
  };
  g_autoptr(GError) error = NULL;
  CardFixture *fx = g_new0 (CardFixture, 1);

  fx->db = relance_database_open (db_path, &error);
  if (fx->db == NULL)
    fail_msg ("open: %s", error->message);
  relance_database_set_user (fx->db, "arossi");

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1200, 900);
  fx->card = RELANCE_CUSTOMER_CARD (relance_customer_card_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->card));
  fx->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (fx->actions), entries, G_N_ELEMENTS (entries), fx);
  gtk_widget_insert_action_group (GTK_WIDGET (fx->window), "win", G_ACTION_GROUP (fx->actions));
  relance_customer_card_set_user (fx->card, "arossi");
  gtk_window_present (fx->window);
  *state = fx;
  return 0;
}

static int
card_teardown (void **state)
{
  CardFixture *fx = *state;

  gui_destroy_and_check (g_steal_pointer (&fx->window), "window");
  g_object_unref (fx->actions);
  g_assert_finalize_object (fx->db);
  g_free (fx->last_action);
  g_clear_pointer (&fx->last_parameter, g_variant_unref);
  g_free (fx);
  return 0;
}

static void
show (CardFixture *fx,
      gint64       actor_id)
{
  g_autoptr(GError) error = NULL;

  if (!relance_customer_card_show_customer (fx->card, fx->db, actor_id, gui_day (), &error))
    fail_msg ("show: %s", error->message);
  gui_spin (50);
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title_prefix)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_has_prefix (gtk_column_view_column_get_title (column), title_prefix))
        return column;
    }
  fail_msg ("no column %s", title_prefix);
  return NULL;
}

static void
test_card_header_shows_identity_and_contacts (void **state)
{
  CardFixture *fx = *state;
  GtkLabel *badge;
  GtkWidget *row;

  show (fx, card_a_id);
  assert_int_equal (relance_customer_card_get_actor_id (fx->card), card_a_id);
  assert_non_null (find_label (GTK_WIDGET (fx->card), "CARD-A — Card Test SARL", FALSE));

  /* the dunning contact carries the badge: the contacts come dunning
   * contact first, so the first badge is on Jeanne Martin's row */
  badge = find_label (GTK_WIDGET (fx->card), "Dunning contact", FALSE);
  assert_non_null (badge);
  row = gtk_widget_get_ancestor (GTK_WIDGET (badge), ADW_TYPE_ACTION_ROW);
  assert_non_null (row);
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Jeanne Martin");

  /* "+33 (0)1 23 45 67 89" dials +33123456789; the contact's national
   * number keeps its digits */
  assert_non_null (find_label (GTK_WIDGET (fx->card), "href=\"tel:+33123456789\"", TRUE));
  assert_non_null (find_label (GTK_WIDGET (fx->card), "href=\"tel:0198765432\"", TRUE));
  assert_non_null (find_label (GTK_WIDGET (fx->card), "href=\"mailto:compta@card.test\"", TRUE));
  assert_non_null (find_label (GTK_WIDGET (fx->card), "href=\"mailto:jeanne@card.test\"", TRUE));
}

static void
test_card_open_items_sort_by_amount (void **state)
{
  CardFixture *fx = *state;
  RelanceOpenItemsTab *tab;
  GtkSelectionModel *selection;
  GtkColumnView *view;
  const char *expected[] = { "A-003", "A-001", "A-002" };

  show (fx, card_a_id);
  tab = RELANCE_OPEN_ITEMS_TAB (relance_customer_card_get_tab (fx->card, "open-items"));
  selection = relance_open_items_tab_get_selection (tab);
  assert_int_equal (g_list_model_get_n_items (relance_customer_card_get_open_items (fx->card)), 3);
  assert_non_null (find_label (GTK_WIDGET (tab), "3 open items", FALSE));

  /* by due date from the store: A-001 (1 Sep), A-002 (1 Oct), A-003 (1 Nov) */
  {
    g_autoptr(RelanceInvoice) first = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    assert_string_equal (relance_invoice_get_number (first), "A-001");
  }

  /* amount descending: 2 500,00 (A-003) > 1 200,00 (A-001) > 300,50 */
  view = relance_open_items_tab_get_column_view (tab);
  gtk_column_view_sort_by_column (view, find_column (view, "Amount"), GTK_SORT_DESCENDING);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (selection)), 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (selection), i);

      assert_string_equal (relance_invoice_get_number (invoice), expected[i]);
    }
}

static void
test_card_open_items_filter_by_number (void **state)
{
  CardFixture *fx = *state;
  RelanceOpenItemsTab *tab;
  GtkSelectionModel *selection;
  g_autoptr(RelanceInvoice) only = NULL;
  GtkWidget *entry;

  show (fx, card_a_id);
  tab = RELANCE_OPEN_ITEMS_TAB (relance_customer_card_get_tab (fx->card, "open-items"));
  selection = relance_open_items_tab_get_selection (tab);
  entry = find_widget (GTK_WIDGET (tab), GTK_TYPE_SEARCH_ENTRY);
  assert_non_null (entry);

  /* "a-002" matches A-002 only, whatever the case; the search entry
   * says so after its delay */
  gtk_editable_set_text (GTK_EDITABLE (entry), "a-002");
  for (guint i = 0; i < 100 && g_list_model_get_n_items (G_LIST_MODEL (selection)) != 1; i++)
    gui_spin (20);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (selection)), 1);
  only = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  assert_string_equal (relance_invoice_get_number (only), "A-002");
}

static void
test_card_new_action_gets_the_selected_items (void **state)
{
  CardFixture *fx = *state;
  RelanceOpenItemsTab *tab;
  GtkSelectionModel *selection;
  GtkColumnView *view;
  GtkButton *button;
  g_autoptr(GVariant) ids = NULL;
  const gint64 *values;
  gint64 actor_id;
  gsize n_ids;

  show (fx, card_a_id);
  tab = RELANCE_OPEN_ITEMS_TAB (relance_customer_card_get_tab (fx->card, "open-items"));
  selection = relance_open_items_tab_get_selection (tab);
  view = relance_open_items_tab_get_column_view (tab);
  gtk_column_view_sort_by_column (view, find_column (view, "Amount"), GTK_SORT_DESCENDING);

  /* the two largest: A-003 then A-001, in the order shown */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  assert_non_null (find_label (GTK_WIDGET (tab), "3 open items · 2 selected", FALSE));

  button = find_button (GTK_WIDGET (tab), "New _Action…");
  assert_non_null (button);
  g_signal_emit_by_name (button, "clicked");

  assert_string_equal (fx->last_action, "new-action");
  assert_non_null (fx->last_parameter);
  assert_true (g_variant_is_of_type (fx->last_parameter, G_VARIANT_TYPE ("(xax)")));
  g_variant_get (fx->last_parameter, "(x@ax)", &actor_id, &ids);
  assert_int_equal (actor_id, card_a_id);
  values = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint64));
  assert_int_equal (n_ids, 2);
  {
    g_autoptr(RelanceInvoice) first = relance_invoice_store_find_by_id (fx->db, values[0], NULL);
    g_autoptr(RelanceInvoice) second = relance_invoice_store_find_by_id (fx->db, values[1], NULL);

    assert_string_equal (relance_invoice_get_number (first), "A-003");
    assert_string_equal (relance_invoice_get_number (second), "A-001");
  }

  /* the promise button needs no item: the customer's id */
  g_signal_emit_by_name (find_button (GTK_WIDGET (tab), "_Promise…"), "clicked");
  assert_string_equal (fx->last_action, "new-promise");
  assert_int_equal (g_variant_get_int64 (fx->last_parameter), card_a_id);
}

static void
test_card_timeline_is_newest_first (void **state)
{
  CardFixture *fx = *state;
  RelanceTimelineView *timeline;
  GListModel *model;
  const char *expected[] = { "A-003", "A-002", "A-001" };
  guint next = 0;

  show (fx, card_a_id);
  /* a tab is read when it is shown */
  relance_customer_card_set_visible_tab (fx->card, "timeline");
  timeline = RELANCE_TIMELINE_VIEW (relance_customer_card_get_tab (fx->card, "timeline"));
  model = relance_timeline_view_get_model (timeline);
  assert_true (g_list_model_get_n_items (model) >= 3);
  assert_int_equal (g_list_model_get_n_items (model), relance_timeline_view_get_total (timeline));

  /* the invoices, issued 1 Oct, 1 Sep and 1 Aug: newest first */
  for (guint i = 0; i < g_list_model_get_n_items (model) && next < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RelanceTimelineEntry) entry = g_list_model_get_item (model, i);
      const RelanceTimelineRow *row = relance_timeline_entry_get_row (entry);

      if (g_strcmp0 (row->kind, "invoice") == 0)
        assert_string_equal (row->reference, expected[next++]);
    }
  assert_int_equal (next, G_N_ELEMENTS (expected));
}

static void
test_card_adding_a_note_shows_it_in_notes_and_timeline (void **state)
{
  CardFixture *fx = *state;
  RelanceNotesTab *notes;
  RelanceTimelineView *timeline;
  GListModel *model;
  g_autoptr(GError) error = NULL;
  guint before;
  gboolean found = FALSE;

  show (fx, card_a_id);
  relance_customer_card_set_visible_tab (fx->card, "notes");
  notes = RELANCE_NOTES_TAB (relance_customer_card_get_tab (fx->card, "notes"));
  timeline = RELANCE_TIMELINE_VIEW (relance_customer_card_get_tab (fx->card, "timeline"));
  before = relance_notes_tab_get_n_notes (notes);

  if (!relance_notes_tab_add_note (notes, "Called the accountant: payment next week", &error))
    fail_msg ("note: %s", error->message);

  /* the card reloaded itself: the note is listed, and in the timeline */
  assert_int_equal (relance_notes_tab_get_n_notes (notes), before + 1);
  assert_non_null (find_label (GTK_WIDGET (notes), "Called the accountant: payment next week", FALSE));
  relance_customer_card_set_visible_tab (fx->card, "timeline");
  model = relance_timeline_view_get_model (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RelanceTimelineEntry) entry = g_list_model_get_item (model, i);
      const RelanceTimelineRow *row = relance_timeline_entry_get_row (entry);

      if (g_strcmp0 (row->kind, "note") == 0 &&
          g_strcmp0 (row->title, "Called the accountant: payment next week") == 0)
        {
          assert_string_equal (row->who, "arossi");
          found = TRUE;
        }
    }
  assert_true (found);

  /* a blank note is refused and writes nothing */
  assert_false (relance_notes_tab_add_note (notes, "   ", &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_int_equal (relance_notes_tab_get_n_notes (notes), before + 1);
}

static void
test_card_records_recent_and_favourite (void **state)
{
  CardFixture *fx = *state;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) favourites = NULL;
  g_autoptr(GError) error = NULL;
  GtkToggleButton *star;
  gboolean favourite = TRUE;

  show (fx, card_big_id);
  show (fx, card_a_id);

  /* the last opened first */
  recent = relance_user_customer_store_list_recent (fx->db, "arossi", 10, &error);
  assert_non_null (recent);
  assert_true (recent->len >= 2);
  assert_int_equal (((RelanceUserCustomer *) g_ptr_array_index (recent, 0))->actor_id, card_a_id);
  assert_int_equal (((RelanceUserCustomer *) g_ptr_array_index (recent, 1))->actor_id, card_big_id);

  assert_true (relance_user_customer_store_is_favourite (fx->db, "arossi", card_a_id, &favourite, &error));
  assert_false (favourite);

  /* the star, the first toggle of the card (in its header) */
  star = GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (fx->card), GTK_TYPE_TOGGLE_BUTTON));
  assert_non_null (star);
  assert_false (gtk_toggle_button_get_active (star));
  gtk_toggle_button_set_active (star, TRUE);
  favourites = relance_user_customer_store_list_favourites (fx->db, "arossi", &error);
  assert_non_null (favourites);
  assert_int_equal (favourites->len, 1);
  assert_string_equal (((RelanceUserCustomer *) g_ptr_array_index (favourites, 0))->code, "CARD-A");
}

static void
test_card_loads_a_customer_with_5000_items (void **state)
{
  CardFixture *fx = *state;
  RelanceOpenItemsTab *tab;
  RelanceInvoicesTab *invoices;
  gint64 start = g_get_monotonic_time ();

  relance_customer_card_set_visible_tab (fx->card, "open-items");
  show (fx, card_big_id);
  print_message ("the card of a customer with %u open items was shown in %.0f ms\n",
                 N_BIG_ITEMS, (g_get_monotonic_time () - start) / 1000.0);

  tab = RELANCE_OPEN_ITEMS_TAB (relance_customer_card_get_tab (fx->card, "open-items"));
  assert_int_equal (g_list_model_get_n_items (relance_customer_card_get_open_items (fx->card)), N_BIG_ITEMS);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (relance_open_items_tab_get_selection (tab))),
                    N_BIG_ITEMS);
  assert_non_null (find_label (GTK_WIDGET (tab), "5000 open items", FALSE));

  /* every item, paged: the last row is read with its page */
  relance_customer_card_set_visible_tab (fx->card, "invoices");
  invoices = RELANCE_INVOICES_TAB (relance_customer_card_get_tab (fx->card, "invoices"));
  assert_int_equal (g_list_model_get_n_items (relance_invoices_tab_get_model (invoices)), N_BIG_ITEMS);
  {
    /* newest first: B-05000 was issued last */
    g_autoptr(RelanceInvoice) first = g_list_model_get_item (relance_invoices_tab_get_model (invoices), 0);
    g_autoptr(RelanceInvoice) last = g_list_model_get_item (relance_invoices_tab_get_model (invoices),
                                                            N_BIG_ITEMS - 1);

    assert_string_equal (relance_invoice_get_number (first), "B-05000");
    assert_string_equal (relance_invoice_get_number (last), "B-00001");
  }
}

int
main (void)
{
  gui_set_environment ();
  if (!gui_init ())
    return 77;
#define CARD_TEST(test) cmocka_unit_test_setup_teardown (test, card_setup, card_teardown)
  const struct CMUnitTest tests[] = {
    CARD_TEST (test_card_header_shows_identity_and_contacts),
    CARD_TEST (test_card_open_items_sort_by_amount),
    CARD_TEST (test_card_open_items_filter_by_number),
    CARD_TEST (test_card_new_action_gets_the_selected_items),
    CARD_TEST (test_card_timeline_is_newest_first),
    CARD_TEST (test_card_adding_a_note_shows_it_in_notes_and_timeline),
    CARD_TEST (test_card_records_recent_and_favourite),
    CARD_TEST (test_card_loads_a_customer_with_5000_items),
  };
#undef CARD_TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
