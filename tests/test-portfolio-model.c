/* test-portfolio-model.c — the paged list of customers, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo portfolio of 300 customers (three pages of 100) is generated
 * once into a temporary database and its figures cache computed; each
 * test then reads it through a fresh RelancePortfolioModel and compares
 * what the model gives with what the store says.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-customer-row.h"
#include "relance-demo.h"
#include "relance-engine.h"
#include "relance-portfolio-model.h"

#define N_CUSTOMERS 300
#define DAY relance_date_new (2026, 11, 23)

typedef struct
{
  char            *dir;
  char            *path;
  RelanceDatabase *db;
} Portfolio;

/* The items-changed signals a model emitted, oldest first */
typedef struct
{
  guint n_calls;
  guint position[8];
  guint removed[8];
  guint added[8];
} ItemsChanged;

static int
portfolio_setup (void **state)
{
  g_autoptr(GError) error = NULL;
  Portfolio *p = g_new0 (Portfolio, 1);

  p->dir = g_dir_make_tmp ("relance-portfolio-model-XXXXXX", &error);
  assert_non_null (p->dir);
  p->path = g_build_filename (p->dir, "demo.db", NULL);
  p->db = relance_database_open (p->path, &error);
  if (p->db == NULL)
    fail_msg ("cannot open %s: %s", p->path, error->message);
  if (!relance_demo_generate (p->db, N_CUSTOMERS, 1, DAY, NULL, NULL, &error))
    fail_msg ("demo: %s", error->message);
  if (!relance_portfolio_refresh (p->db, DAY, NULL, NULL, NULL, &error))
    fail_msg ("refresh: %s", error->message);

  *state = p;
  return 0;
}

static int
portfolio_teardown (void **state)
{
  Portfolio *p = *state;
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&p->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (p->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (p->dir);
  g_free (p->path);
  g_free (p->dir);
  g_free (p);
  return 0;
}

static RelanceCustomerRow *
item_at (RelancePortfolioModel *model,
         guint                  position)
{
  RelanceCustomerRow *row = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (row == NULL)
    fail_msg ("no item at %u", position);
  assert_true (RELANCE_IS_CUSTOMER_ROW (row));
  return row;
}

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  assert_true (record->n_calls < G_N_ELEMENTS (record->position));
  record->position[record->n_calls] = position;
  record->removed[record->n_calls] = removed;
  record->added[record->n_calls] = added;
  record->n_calls++;
}

/* Connected swapped: the model, then position, removed, added */
static void
check_count_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added)
{
  /* the count is the one after this signal: the removed rows are gone,
   * the added ones there */
  assert_int_equal (g_list_model_get_n_items (model), added);
  if (added == 0)
    assert_null (g_list_model_get_item (model, 0));
}

static void
test_portfolio_model_counts_every_customer (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);

  assert_int_equal (relance_actor_store_count (p->db), N_CUSTOMERS);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), N_CUSTOMERS);
  assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == RELANCE_TYPE_CUSTOMER_ROW);
  /* nothing is read before a view asks */
  assert_int_equal (relance_portfolio_model_get_n_cached_pages (model), 0);
}

static void
test_portfolio_model_items_in_code_order (void **state)
{
  Portfolio *p = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  g_autoptr(GPtrArray) actors = relance_actor_store_list (p->db, &error);

  assert_non_null (actors);
  assert_int_equal (actors->len, N_CUSTOMERS);

  /* backwards first, so that pages are fetched out of order */
  for (guint i = N_CUSTOMERS; i-- > 0;)
    {
      g_autoptr(RelanceCustomerRow) row = item_at (model, i);
      RelanceActor *actor = g_ptr_array_index (actors, i);

      assert_string_equal (relance_customer_row_get_code (row), relance_actor_get_code (actor));
      assert_int_equal (relance_customer_row_get_actor_id (row), relance_actor_get_id (actor));
    }
  for (guint i = 1; i < N_CUSTOMERS; i++)
    {
      g_autoptr(RelanceCustomerRow) previous = item_at (model, i - 1);
      g_autoptr(RelanceCustomerRow) row = item_at (model, i);

      assert_true (g_strcmp0 (relance_customer_row_get_code (previous),
                              relance_customer_row_get_code (row)) < 0);
    }

  /* three pages of 100 rows, never more than the cache holds */
  assert_int_equal (relance_portfolio_model_get_n_cached_pages (model), 3);
  assert_true (relance_portfolio_model_get_n_cached_pages (model) <= RELANCE_PORTFOLIO_MAX_PAGES);
  assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_CUSTOMERS));
}

static void
test_portfolio_model_same_item_while_its_page_is_cached (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  g_autoptr(RelanceCustomerRow) first = item_at (model, 42);
  g_autoptr(RelanceCustomerRow) again = item_at (model, 42);

  /* a view that asks twice gets the same object, not a copy */
  assert_ptr_equal (first, again);
}

static void
test_portfolio_model_filter_narrows (void **state)
{
  Portfolio *p = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  g_autoptr(GPtrArray) actors = relance_actor_store_list (p->db, &error);
  guint expected = 0;
  guint n;

  /* the codes starting with C00001: C000010 to C000019 when the demo
   * numbers its customers C000001, C000002… */
  for (guint i = 0; i < actors->len; i++)
    if (g_str_has_prefix (relance_actor_get_code (g_ptr_array_index (actors, i)), "C00001"))
      expected++;
  assert_int_equal (expected, 10);

  relance_portfolio_model_set_filter (model, "C00001");
  assert_string_equal (relance_portfolio_model_get_filter (model), "C00001");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  assert_int_equal (n, expected);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomerRow) row = item_at (model, i);

      assert_true (g_str_has_prefix (relance_customer_row_get_code (row), "C00001"));
    }

  /* spaces around do not matter; nothing left means everyone */
  relance_portfolio_model_set_filter (model, "  C00001  ");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), expected);
  relance_portfolio_model_set_filter (model, "   ");
  assert_null (relance_portfolio_model_get_filter (model));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), N_CUSTOMERS);
}

static void
test_portfolio_model_filter_by_name_and_siren (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  g_autoptr(RelanceCustomerRow) row = item_at (model, 7);
  g_autofree char *code = g_strdup (relance_customer_row_get_code (row));
  const char *siren = relance_customer_row_get_siren (row);
  gboolean found = FALSE;
  guint n;

  /* the whole name finds at least that customer */
  relance_portfolio_model_set_filter (model, relance_customer_row_get_name (row));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  assert_true (n >= 1 && n < N_CUSTOMERS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomerRow) match = item_at (model, i);

      found |= g_strcmp0 (relance_customer_row_get_code (match), code) == 0;
    }
  assert_true (found);

  if (siren != NULL && *siren != '\0')
    {
      g_autoptr(RelanceCustomerRow) match = NULL;

      relance_portfolio_model_set_filter (model, siren);
      assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), 1);
      match = item_at (model, 0);
      assert_string_equal (relance_customer_row_get_code (match), code);
    }
}

static void
test_portfolio_model_sort_outstanding_descending (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  gint64 previous = G_MAXINT64;
  gint64 first;
  gint64 last;

  relance_portfolio_model_set_order (model, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE);
  assert_int_equal (relance_portfolio_model_get_sort (model), RELANCE_PORTFOLIO_SORT_OUTSTANDING);
  assert_true (relance_portfolio_model_get_descending (model));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), N_CUSTOMERS);

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(RelanceCustomerRow) row = item_at (model, i);
      gint64 outstanding = relance_customer_row_get_outstanding_cents (row);

      assert_true (outstanding <= previous);
      previous = outstanding;
    }

  {
    g_autoptr(RelanceCustomerRow) top = item_at (model, 0);
    g_autoptr(RelanceCustomerRow) bottom = item_at (model, N_CUSTOMERS - 1);

    first = relance_customer_row_get_outstanding_cents (top);
    last = relance_customer_row_get_outstanding_cents (bottom);
  }
  /* a real portfolio: the order is not trivial */
  assert_true (first > last);

  /* ascending is the same list the other way round */
  relance_portfolio_model_set_descending (model, FALSE);
  {
    g_autoptr(RelanceCustomerRow) top = item_at (model, 0);
    g_autoptr(RelanceCustomerRow) bottom = item_at (model, N_CUSTOMERS - 1);

    assert_int_equal (relance_customer_row_get_outstanding_cents (top), last);
    assert_int_equal (relance_customer_row_get_outstanding_cents (bottom), first);
  }
}

static void
test_portfolio_model_sort_by_days_late_and_dso (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  int previous_days = G_MAXINT;

  g_object_set (model, "sort", RELANCE_PORTFOLIO_SORT_DAYS_LATE, "descending", TRUE, NULL);
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(RelanceCustomerRow) row = item_at (model, i);

      assert_true (relance_customer_row_get_days_late (row) <= previous_days);
      previous_days = relance_customer_row_get_days_late (row);
    }

  relance_portfolio_model_set_order (model, RELANCE_PORTFOLIO_SORT_DSO, TRUE);
  {
    double previous_dso = G_MAXDOUBLE;
    guint with_dso = 0;

    /* where the customers without a DSO go is the store's business; the
     * others come largest first */
    for (guint i = 0; i < N_CUSTOMERS; i++)
      {
        g_autoptr(RelanceCustomerRow) row = item_at (model, i);

        if (!relance_customer_row_get_has_dso (row))
          continue;
        with_dso++;
        assert_true (relance_customer_row_get_dso_days (row) <= previous_dso);
        previous_dso = relance_customer_row_get_dso_days (row);
      }
    assert_true (with_dso > 0);
  }
}

/* Every item is replaced, in two signals: all removed, then all added.
 * One signal that removes and adds at once would make a GTK 4.8 list view
 * look for its tracked row among every added item, reading the whole
 * table (see invalidate () in relance-portfolio-model.c). */
static void
assert_replaced (ItemsChanged *record,
                 guint         first_call,
                 guint         old_n,
                 guint         new_n)
{
  assert_int_equal (record->n_calls, first_call + 2);
  assert_int_equal (record->position[first_call], 0);
  assert_int_equal (record->removed[first_call], old_n);
  assert_int_equal (record->added[first_call], 0);
  assert_int_equal (record->position[first_call + 1], 0);
  assert_int_equal (record->removed[first_call + 1], 0);
  assert_int_equal (record->added[first_call + 1], new_n);
}

static void
test_portfolio_model_items_changed_when_filter_changes (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  ItemsChanged record = { 0 };
  guint n;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  relance_portfolio_model_set_filter (model, "C00001");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  assert_replaced (&record, 0, N_CUSTOMERS, n);

  /* the same filter again changes nothing */
  relance_portfolio_model_set_filter (model, "C00001");
  assert_int_equal (record.n_calls, 2);

  relance_portfolio_model_set_filter (model, NULL);
  assert_replaced (&record, 2, n, N_CUSTOMERS);

  /* so does a new order, once for both changes */
  relance_portfolio_model_set_order (model, RELANCE_PORTFOLIO_SORT_OVERDUE, TRUE);
  assert_replaced (&record, 4, N_CUSTOMERS, N_CUSTOMERS);

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &record);
}

static void
test_portfolio_model_count_is_zero_between_the_two_signals (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (p->db);
  ItemsChanged record = { 0 };

  /* a view that reads the model during the first signal sees it empty */
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (check_count_cb), model);
  relance_portfolio_model_set_order (model, RELANCE_PORTFOLIO_SORT_NAME, FALSE);
  assert_replaced (&record, 0, N_CUSTOMERS, N_CUSTOMERS);
  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &record);
  g_signal_handlers_disconnect_by_func (model, check_count_cb, model);
}

static void
test_portfolio_model_without_database_is_empty (void **state)
{
  Portfolio *p = *state;
  g_autoptr(RelancePortfolioModel) model = relance_portfolio_model_new (NULL);
  ItemsChanged record = { 0 };

  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), 0);
  assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));

  /* from nothing, only the adding; to nothing, only the removing */
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);
  relance_portfolio_model_set_database (model, p->db);
  assert_int_equal (record.n_calls, 1);
  assert_int_equal (record.removed[0], 0);
  assert_int_equal (record.added[0], N_CUSTOMERS);

  relance_portfolio_model_set_database (model, NULL);
  assert_int_equal (record.n_calls, 2);
  assert_int_equal (record.removed[1], N_CUSTOMERS);
  assert_int_equal (record.added[1], 0);
  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &record);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_portfolio_model_counts_every_customer),
    cmocka_unit_test (test_portfolio_model_items_in_code_order),
    cmocka_unit_test (test_portfolio_model_same_item_while_its_page_is_cached),
    cmocka_unit_test (test_portfolio_model_filter_narrows),
    cmocka_unit_test (test_portfolio_model_filter_by_name_and_siren),
    cmocka_unit_test (test_portfolio_model_sort_outstanding_descending),
    cmocka_unit_test (test_portfolio_model_sort_by_days_late_and_dso),
    cmocka_unit_test (test_portfolio_model_items_changed_when_filter_changes),
    cmocka_unit_test (test_portfolio_model_count_is_zero_between_the_two_signals),
    cmocka_unit_test (test_portfolio_model_without_database_is_empty),
  };

  return cmocka_run_group_tests (tests, portfolio_setup, portfolio_teardown);
}
