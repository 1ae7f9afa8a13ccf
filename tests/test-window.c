/* test-window.c — the main window on a small demo portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb and a private session bus (the test command starts
 * them), as libadwaita runs its widget tests: settings in memory, no
 * portals, a fixed evaluation day. Each test creates the real window
 * from its template, opens the demo database, waits for the figures to
 * be computed in their thread, checks what the widgets show, destroys
 * the window and checks that it was freed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-customer-card.h"
#include "relance-customer-row.h"
#include "gui-fixture.h"

/* five pages of the list model: more rows than a view prepares at once
 * (about 200) */
#define N_CUSTOMERS 500

static char *db_dir;
static char *db_path;

typedef struct
{
  RelanceWindow *window;
} WindowFixture;

static gboolean
portfolio_shown (gpointer data)
{
  RelanceWindow *window = data;

  return !relance_window_get_busy (window) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "workspace") == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (window->model)) > 0;
}

static GtkWidget *
find_text (GtkWidget  *widget,
           GType       type,
           const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      const char *shown = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                                : gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      if (g_strcmp0 (shown, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
} FindText;

static gboolean
text_shown (gpointer data)
{
  FindText *find = data;

  return find_text (find->root, find->type, find->text) != NULL;
}

static void
assert_text_shown (GtkWidget  *root,
                   GType       type,
                   const char *text)
{
  FindText find = { root, type, text };
  g_autofree char *what = g_strdup_printf ("“%s” to be shown", text);

  gui_wait_until (text_shown, &find, what);
}

static int
database_setup (void **state)
{
  /* the figures are left for the window to compute */
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-window-XXXXXX", "demo.db",
                                                         N_CUSTOMERS, 1, gui_day (), FALSE,
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
  WindowFixture *fx = g_new0 (WindowFixture, 1);

  fx->window = gui_window_open (db_path);
  assert_int_equal (relance_window_get_evaluation_day (fx->window), gui_day ());
  assert_string_equal (relance_window_get_database_path (fx->window), db_path);
  gui_wait_until (portfolio_shown, fx->window, "the portfolio");
  /* the agenda comes first; these tests are about the portfolio */
  _relance_window_show_area (fx->window, "portfolio");
  *state = fx;
  return 0;
}

/* Destroys the window and checks that nothing kept it alive. */
static int
window_teardown (void **state)
{
  WindowFixture *fx = *state;

  gui_destroy_and_check (g_steal_pointer (&fx->window), "window");
  g_free (fx);
  return 0;
}

static void
test_window_shows_every_customer (void **state)
{
  WindowFixture *fx = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (fx->window);
  RelancePortfolioModel *model = relance_portfolio_view_get_model (view);
  g_autoptr(RelanceCustomerRow) first = NULL;

  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), N_CUSTOMERS);
  assert_true (relance_figures_store_is_current (relance_window_get_database (fx->window), gui_day ()));

  /* the first row is on screen, as a cell of the column view */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  assert_text_shown (GTK_WIDGET (relance_portfolio_view_get_column_view (view)),
                     GTK_TYPE_INSCRIPTION, relance_customer_row_get_code (first));

  /* the amount headers say the currency once */
  assert_string_equal (relance_portfolio_view_get_currency (view), "EUR");
}

static void
test_window_card_shows_selected_customer (void **state)
{
  WindowFixture *fx = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (fx->window);
  RelanceCustomerCard *card = _relance_window_get_customer_card (fx->window);
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceCustomerRow) row = NULL;
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outstanding = NULL;
  g_autofree char *title = NULL;
  const RelanceFiguresRow *company;

  row = g_list_model_get_item (G_LIST_MODEL (relance_portfolio_view_get_model (view)), 3);
  assert_non_null (row);
  relance_portfolio_view_select (view, 3);
  assert_int_equal (relance_customer_card_get_actor_id (card), relance_customer_row_get_actor_id (row));

  /* the header: code — name */
  title = g_strdup_printf ("%s — %s", relance_customer_row_get_code (row),
                           relance_customer_row_get_name (row));
  assert_text_shown (GTK_WIDGET (card), GTK_TYPE_LABEL, title);

  /* the outstanding, as the engine computes it, in the company currency */
  figures = relance_customer_figures_compute (db, relance_customer_row_get_actor_id (row),
                                              gui_day (), &error);
  if (figures == NULL)
    fail_msg ("figures: %s", error->message);
  company = &g_array_index (figures, RelanceFiguresRow, 0);
  assert_string_equal (company->currency, "EUR");
  assert_int_equal (company->outstanding_cents, relance_customer_row_get_outstanding_cents (row));
  outstanding = relance_money_format_cents (company->outstanding_cents, company->currency,
                                            relance_money_current_language ());
  assert_text_shown (GTK_WIDGET (card), GTK_TYPE_LABEL, outstanding);
}

static void
test_window_card_lists_open_items (void **state)
{
  WindowFixture *fx = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (fx->window);
  RelancePortfolioModel *model = relance_portfolio_view_get_model (view);
  RelanceCustomerCard *card = _relance_window_get_customer_card (fx->window);
  RelanceDatabase *db = relance_window_get_database (fx->window);
  g_autoptr(RelanceCustomerRow) row = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  /* the customer with the most outstanding has open items */
  relance_portfolio_model_set_order (model, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  relance_portfolio_view_select (view, 0);
  assert_int_equal (relance_customer_card_get_actor_id (card), relance_customer_row_get_actor_id (row));

  items = relance_invoice_store_list_for_actor (db, relance_customer_row_get_actor_id (row), TRUE, &error);
  assert_non_null (items);
  assert_true (items->len > 0);
  assert_int_equal (g_list_model_get_n_items (relance_customer_card_get_open_items (card)), items->len);
  heading = g_strdup_printf (items->len == 1 ? "%u open item" : "%u open items", items->len);
  assert_text_shown (GTK_WIDGET (card), GTK_TYPE_LABEL, heading);
}

static void
test_window_search_filters_the_list (void **state)
{
  WindowFixture *fx = *state;
  RelancePortfolioModel *model = relance_portfolio_view_get_model (_relance_window_get_portfolio_view (fx->window));

  gtk_editable_set_text (GTK_EDITABLE (fx->window->search_entry), "C00001");
  /* the entry waits for the typing to pause before it filters */
  gui_spin (400);
  assert_string_equal (relance_portfolio_model_get_filter (model), "C00001");
  /* the codes that start with it: C000010 to C000019 */
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), 10);
  assert_text_shown (GTK_WIDGET (fx->window), GTK_TYPE_INSCRIPTION, "C000010");
}

static void
test_window_header_click_sorts_in_sql (void **state)
{
  WindowFixture *fx = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (fx->window);
  RelancePortfolioModel *model = relance_portfolio_view_get_model (view);
  GtkColumnView *column_view = relance_portfolio_view_get_column_view (view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) outstanding = g_list_model_get_item (columns, 3);

  assert_int_equal (relance_portfolio_model_get_sort (model), RELANCE_PORTFOLIO_SORT_CODE);
  assert_false (relance_portfolio_model_get_descending (model));

  /* what a click on the header does: the view's sorter changes */
  gtk_column_view_sort_by_column (column_view, outstanding, GTK_SORT_DESCENDING);
  assert_int_equal (relance_portfolio_model_get_sort (model), RELANCE_PORTFOLIO_SORT_OUTSTANDING);
  assert_true (relance_portfolio_model_get_descending (model));

  gtk_column_view_sort_by_column (column_view, outstanding, GTK_SORT_ASCENDING);
  assert_int_equal (relance_portfolio_model_get_sort (model), RELANCE_PORTFOLIO_SORT_OUTSTANDING);
  assert_false (relance_portfolio_model_get_descending (model));
}

/* An empty database of its own, and a CSV file, in db_dir. */
static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (db_dir, name, NULL);

  if (!g_file_set_contents (path, contents, -1, &error))
    fail_msg ("%s: %s", path, error->message);
  return path;
}

static gboolean
page_is (gpointer data)
{
  RelanceWindow *window = ((gpointer *) data)[0];
  const char *page = ((gpointer *) data)[1];

  return !relance_window_get_busy (window) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), page) == 0;
}

static void
wait_for_page (RelanceWindow *window,
               const char    *page)
{
  gpointer data[2] = { window, (gpointer) page };
  g_autofree char *what = g_strdup_printf ("the page “%s”", page);

  gui_wait_until (page_is, data, what);
}

static GtkWindow *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog (data) != NULL;
}

static void
test_window_imports_customers_into_empty_database (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (db_dir, "import.db", NULL);
  g_autofree char *csv = write_file ("customers.csv",
                                     "code;name;segment\n"
                                     "K001;Boulangerie Martin;TPE\n"
                                     "K002;Garage Dupuis;PME\n");
  RelanceWindow *window = relance_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  if (!relance_window_open_database (window, path, &error))
    fail_msg ("open: %s", error->message);

  /* no customers: the invitation to import or try the demo */
  wait_for_page (window, "empty");

  _relance_window_import (window, "customers", csv);
  wait_for_page (window, "workspace");
  _relance_window_show_area (window, "portfolio");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (window->model)), 2);
  assert_text_shown (GTK_WIDGET (window), GTK_TYPE_INSCRIPTION, "Garage Dupuis");

  gui_destroy_and_check (window, "window");
  gui_database_remove_files (path);
}

static void
test_window_import_errors_are_listed (void **state)
{
  WindowFixture *fx = *state;
  g_autofree char *csv = write_file ("invoices.csv",
                                     "number;customer;issue_date;due_date;amount\n"
                                     "X1;NOBODY;2026-01-10;2026-02-10;100,00\n"
                                     "X2;C000001;2026-13-10;2026-02-10;abc\n");
  GtkWindow *dialog;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fx->window->model));

  _relance_window_import (fx->window, "invoices", csv);
  gui_wait_until (dialog_shown, fx->window, "the import errors");
  dialog = find_dialog (GTK_WINDOW (fx->window));

  /* line and column of each refused value */
  assert_non_null (find_text (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Import Failed"));
  wait_for_page (fx->window, "workspace");
  gtk_window_destroy (dialog);

  /* all or nothing: the list is as it was */
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (fx->window->model)), n);
}

/* After a new sort, the view reads the rows it shows, not the whole table
 * in search of the row that was selected. */
static void
test_window_sort_reads_only_the_rows_shown (void **state)
{
  WindowFixture *fx = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (fx->window);
  RelancePortfolioModel *model = relance_portfolio_view_get_model (view);
  GtkColumnView *column_view = relance_portfolio_view_get_column_view (view);
  g_autoptr(GtkColumnViewColumn) overdue = g_list_model_get_item (gtk_column_view_get_columns (column_view), 4);

  relance_portfolio_view_select (view, 5);
  assert_true (relance_customer_card_get_actor_id (_relance_window_get_customer_card (fx->window)) > 0);
  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  gui_spin (200);

  gtk_column_view_sort_by_column (column_view, overdue, GTK_SORT_DESCENDING);
  gui_spin (200);
  assert_int_equal (relance_portfolio_model_get_sort (model), RELANCE_PORTFOLIO_SORT_OVERDUE);
  /* 500 rows are five pages; the view shows the first rows and prepares
   * about 200 (GTK 4.8 makes 205), three pages */
  assert_true (relance_portfolio_model_get_n_cached_pages (model) <= 3);
  /* the card still shows the customer that was selected */
  assert_true (relance_customer_card_get_actor_id (_relance_window_get_customer_card (fx->window)) > 0);
}

/* Issue 6: the channel icons ship in the GResource, where GtkApplication
 * adds them to the icon theme (its resource base path + /icons) */
static void
test_window_resources_have_the_channel_icons (void **state)
{
  const char *channels[] = { "call", "email", "letter", "registered-letter", "sms", "visit" };

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/relance/Relance/icons/scalable/actions/"
                                               "relance-channel-%s-symbolic.svg", channels[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      assert_non_null (bytes);
      assert_true (g_bytes_get_size (bytes) > 0);
    }
}

int
main (void)
{
  gui_set_environment ();
  /* meson's exit status for a skipped test: no display to run on */
  if (!gui_init ())
    return 77;
#define WINDOW_TEST(test) cmocka_unit_test_setup_teardown (test, window_setup, window_teardown)
  const struct CMUnitTest tests[] = {
    WINDOW_TEST (test_window_shows_every_customer),
    WINDOW_TEST (test_window_card_shows_selected_customer),
    WINDOW_TEST (test_window_card_lists_open_items),
    WINDOW_TEST (test_window_search_filters_the_list),
    WINDOW_TEST (test_window_header_click_sorts_in_sql),
    WINDOW_TEST (test_window_sort_reads_only_the_rows_shown),
    WINDOW_TEST (test_window_import_errors_are_listed),
    WINDOW_TEST (test_window_resources_have_the_channel_icons),
    cmocka_unit_test (test_window_imports_customers_into_empty_database),
  };
#undef WINDOW_TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
