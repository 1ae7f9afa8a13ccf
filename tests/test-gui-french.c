/* test-gui-french.c — the main window in French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real window with LANGUAGE=fr on a small demo portfolio and
 * checks that it speaks French: the labels of the templates, the
 * strings built in C, the plural forms, and amounts and dates in the
 * French format. The catalogue is the one of the build directory
 * (RELANCE_LOCALEDIR, <builddir>/po), as main.c reads it for an
 * uninstalled run.
 *
 * No French locale needs to be installed: with LC_ALL=C.UTF-8 (the
 * locale of every test, built into the C library) gettext honours
 * LANGUAGE, as it does for any locale but the plain "C"; amounts and
 * dates follow LANGUAGE too (relance_money_current_language). Runs under
 * Xvfb and a private session bus as test-window does, with the
 * environment of libadwaita's widget tests.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "relance-customer-card.h"
#include "relance-customer-row.h"
#include "gui-fixture.h"
#include "relance-window-private.h"

#define N_CUSTOMERS 60

static char *db_dir;
static char *db_path;

static gboolean
portfolio_shown (gpointer data)
{
  RelanceWindow *window = data;

  return !relance_window_get_busy (window) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "workspace") == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (window->model)) > 0;
}

/* A mapped label or inscription of @widget's tree that shows @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  if (gtk_widget_get_mapped (widget))
    {
      const char *shown = NULL;

      if (GTK_IS_LABEL (widget))
        shown = gtk_label_get_text (GTK_LABEL (widget));
      else if (GTK_IS_INSCRIPTION (widget))
        shown = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      if (g_strcmp0 (shown, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} FindText;

static gboolean
text_shown (gpointer data)
{
  FindText *find = data;

  return find_text (find->root, find->text) != NULL;
}

static void
assert_text_shown (GtkWidget  *root,
                   const char *text)
{
  FindText find = { root, text };
  g_autofree char *what = g_strdup_printf ("« %s » to be shown", text);

  gui_wait_until (text_shown, &find, what);
}

static int
database_setup (void **state)
{
  g_autoptr(RelanceDatabase) db = gui_demo_database_new ("relance-french-XXXXXX", "demo.db",
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
  RelanceWindow *window = gui_window_open (db_path);

  gui_wait_until (portfolio_shown, window, "the portfolio");
  /* the agenda comes first; this test is about the portfolio */
  _relance_window_show_area (window, "portfolio");
  *state = window;
  return 0;
}

/* Destroys the window and checks that nothing kept it alive. */
static int
window_teardown (void **state)
{
  gui_destroy_and_check (*state, "window");
  return 0;
}

/* The catalogue of the build directory is the one in use, before any
 * widget is made. */
static void
test_french_catalogue_is_used (void **state)
{
  assert_string_equal (_("Outstanding"), "Encours");
  assert_string_equal (_("Unallocated payments"), "Règlements non imputés");
  /* French plural forms: 0 and 1 are singular */
  assert_string_equal (ngettext ("%u open item", "%u open items", 0), "%u pièce ouverte");
  assert_string_equal (ngettext ("%u open item", "%u open items", 1), "%u pièce ouverte");
  assert_string_equal (ngettext ("%u open item", "%u open items", 2), "%u pièces ouvertes");
  /* amounts follow the language of the interface */
  assert_string_equal (relance_money_current_language (), "fr");
}

static void
test_french_portfolio_labels (void **state)
{
  RelanceWindow *window = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (window);
  GListModel *columns = gtk_column_view_get_columns (relance_portfolio_view_get_column_view (view));
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 1);
  g_autoptr(GtkColumnViewColumn) outstanding = g_list_model_get_item (columns, 3);
  g_autoptr(GtkColumnViewColumn) days_late = g_list_model_get_item (columns, 5);
  g_autofree char *placeholder = NULL;
  g_autofree char *status = NULL;

  /* from the template (gtk_search_entry_get_placeholder_text is GTK 4.10) */
  g_object_get (window->search_entry, "placeholder-text", &placeholder, NULL);
  assert_string_equal (placeholder, "Rechercher par code, nom ou SIREN");
  assert_string_equal (gtk_column_view_column_get_title (name), "Nom");
  assert_string_equal (gtk_column_view_column_get_title (days_late), "Jours de retard");
  /* built in C, with the currency of the company: "Encours (€)" */
  assert_string_equal (gtk_column_view_column_get_title (outstanding), "Encours (€)");
  assert_text_shown (GTK_WIDGET (window), "Encours (€)");

  /* the status line: a plural form and a French date */
  status = g_strdup_printf ("%u clients · chiffres au 23/11/2026", N_CUSTOMERS);
  assert_text_shown (GTK_WIDGET (window), status);
}

static void
test_french_customer_card (void **state)
{
  RelanceWindow *window = *state;
  RelancePortfolioView *view = _relance_window_get_portfolio_view (window);
  RelancePortfolioModel *model = relance_portfolio_view_get_model (view);
  RelanceCustomerCard *card = _relance_window_get_customer_card (window);
  g_autoptr(RelanceCustomerRow) row = NULL;
  g_autofree char *outstanding = NULL;
  g_autofree char *heading = NULL;
  guint n_items;

  /* the customer with the most outstanding has open items */
  relance_portfolio_model_set_order (model, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  relance_portfolio_view_select (view, 0);
  assert_int_equal (relance_customer_card_get_actor_id (card), relance_customer_row_get_actor_id (row));

  /* the figures block */
  assert_text_shown (GTK_WIDGET (card), "Montant global");
  assert_text_shown (GTK_WIDGET (card), "Règlements partiels");
  assert_text_shown (GTK_WIDGET (card), "Règlements non imputés");
  assert_text_shown (GTK_WIDGET (card), "Encours");
  assert_text_shown (GTK_WIDGET (card), "Montant retard");
  assert_text_shown (GTK_WIDGET (card), "Montant litiges");
  assert_text_shown (GTK_WIDGET (card), "Montant contentieux");
  assert_text_shown (GTK_WIDGET (card), "Montants en EUR");
  assert_text_shown (GTK_WIDGET (card), "Identité");

  /* the outstanding in the French format: "47 055,31 €" */
  outstanding = relance_money_format_cents (relance_customer_row_get_outstanding_cents (row),
                                            "EUR", "fr");
  assert_non_null (strstr (outstanding, ",")); /* decimal comma */
  assert_non_null (g_strrstr (outstanding, "\u00a0€")); /* no-break space, then the sign */
  assert_text_shown (GTK_WIDGET (card), outstanding);

  /* the DSO in days, a plural form built in C: "419 jours" */
  if (relance_customer_row_get_has_dso (row))
    {
      long dso = lround (relance_customer_row_get_dso_days (row));
      g_autofree char *days = g_strdup_printf (labs (dso) > 1 ? "%ld jours" : "%ld jour", dso);

      assert_text_shown (GTK_WIDGET (card), days);
    }

  /* the heading of the open items, in its French plural form */
  n_items = g_list_model_get_n_items (relance_customer_card_get_open_items (card));
  assert_true (n_items > 0);
  heading = g_strdup_printf (n_items > 1 ? "%u pièces ouvertes" : "%u pièce ouverte", n_items);
  assert_text_shown (GTK_WIDGET (card), heading);

  /* French labels are longer than English ones: beside the sidebar, the
   * list and the card must still fit side by side in the default window,
   * else the leaflet folds and hides the card that was just chosen */
  gui_spin (200);
  if (adw_leaflet_get_folded (window->leaflet))
    {
      int list_width, card_width;

      gtk_widget_measure (gtk_widget_get_parent (GTK_WIDGET (view)), GTK_ORIENTATION_HORIZONTAL,
                          -1, &list_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (card), GTK_ORIENTATION_HORIZONTAL,
                          -1, &card_width, NULL, NULL, NULL);
      fail_msg ("the leaflet folded: the list needs %d px and the card %d px, the window is %d px",
                list_width, card_width, gtk_widget_get_width (GTK_WIDGET (window)));
    }
  assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
}

int
main (void)
{
  const char *localedir = g_getenv ("RELANCE_LOCALEDIR");
  g_autofree char *catalogue = NULL;

  gui_set_environment ();
  /* French, whatever the session says. C.UTF-8 is built into the C
   * library (glibc ≥ 2.35), so no French locale has to be installed;
   * gettext ignores LANGUAGE only in the plain "C" locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_printerr ("the locale C.UTF-8 is missing\n");
      return 1;
    }
  if (localedir == NULL || *localedir == '\0')
    {
      g_printerr ("RELANCE_LOCALEDIR must name the build directory's po/\n");
      return 1;
    }
  catalogue = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("%s does not exist: build the translations first\n", catalogue);
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* meson's exit status for a skipped test: no display to run on */
  if (!gui_init ())
    return 77;
#define WINDOW_TEST(test) cmocka_unit_test_setup_teardown (test, window_setup, window_teardown)
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_french_catalogue_is_used),
    WINDOW_TEST (test_french_portfolio_labels),
    WINDOW_TEST (test_french_customer_card),
  };
#undef WINDOW_TEST

  return cmocka_run_group_tests (tests, database_setup, database_teardown);
}
