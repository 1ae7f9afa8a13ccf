/* relance-portfolio-model.c — the customers of a database, paged from SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of RelanceCustomerRow over the portfolio figures cache.
 * The number of items is one COUNT query; an item is created when a view
 * asks for it, from the page of RELANCE_PORTFOLIO_PAGE_SIZE rows that
 * holds it, fetched with relance_portfolio_query_page() (ORDER BY … LIMIT
 * … OFFSET … in SQL). At most RELANCE_PORTFOLIO_MAX_PAGES pages are kept,
 * the least recently used dropped first, so that a list of 100,000
 * customers costs the rows on screen and a few pages around them, never
 * one object per customer.
 *
 * Filter and sort are pushed into SQL: changing them drops the pages and
 * replaces every item: items-changed (0, old, 0) then (0, 0, new), see
 * invalidate(). This file has no widgets, so that it can be tested
 * without a display.
 */
#define G_LOG_DOMAIN "relance-portfolio-model"

#include "config.h"

#include "relance-customer-row.h"
#include "relance-portfolio-model.h"

typedef struct
{
  guint      index;  /* page number: its first row is index × page size */
  GPtrArray *rows;   /* RelancePortfolioRow * */
  GObject  **items;  /* created on demand, rows->len of them */
} Page;

struct _RelancePortfolioModel
{
  GObject               parent_instance;

  RelanceDatabase      *db;
  char                 *filter;
  RelancePortfolioSort  sort;
  gboolean              descending;

  guint                 n_items;
  GQueue                pages;  /* Page *, most recently used first */
  gboolean              failed;
  guint                 empty_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RelancePortfolioModel, relance_portfolio_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_ENUM_TYPE (RelancePortfolioSort, relance_portfolio_sort,
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_CODE, "code"),
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_NAME, "name"),
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_SEGMENT, "segment"),
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_OUTSTANDING, "outstanding"),
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_OVERDUE, "overdue"),
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_DAYS_LATE, "days-late"),
                    G_DEFINE_ENUM_VALUE (RELANCE_PORTFOLIO_SORT_DSO, "dso"))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_FILTER,
  PROP_SORT,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  if (page->items != NULL)
    {
      for (guint i = 0; i < page->rows->len; i++)
        g_clear_object (&page->items[i]);
      g_free (page->items);
    }
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
drop_pages (RelancePortfolioModel *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static guint
count_items (RelancePortfolioModel *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->db == NULL)
    return 0;

  n = relance_portfolio_query_count (self->db, self->filter, &error);
  if (error != NULL)
    {
      g_warning ("Cannot count the customers: %s", error->message);
      return 0;
    }
  return n;
}

/* Counts again and tells the views that every item may have changed.
 *
 * Two signals, not one items-changed (0, old, new): when one signal both
 * removes the row that a GTK 4.8 list view tracks (its scroll anchor,
 * focus or selected row) and adds others, the view looks for that row's
 * item among all the added ones, which on 100,000 customers reads the
 * whole table page after page and freezes the window for minutes. Removed
 * first, the tracked rows are simply dropped; then the new rows come. */
static void
invalidate (RelancePortfolioModel *self)
{
  guint old_n = self->n_items;
  guint new_n;

  g_clear_handle_id (&self->empty_id, g_source_remove);
  self->failed = FALSE;
  drop_pages (self);
  new_n = count_items (self);

  self->n_items = 0;
  if (old_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->n_items = new_n;
  if (new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
}

/* A page could not be read: rather than let the views ask for every row
 * again and fail again, the list is emptied until the next change. */
static gboolean
empty_after_failure_cb (gpointer data)
{
  RelancePortfolioModel *self = data;
  guint old_n = self->n_items;

  self->empty_id = 0;
  drop_pages (self);
  self->n_items = 0;
  if (old_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  return G_SOURCE_REMOVE;
}

static Page *
fetch_page (RelancePortfolioModel *self,
            guint                  index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  Page *page;

  rows = relance_portfolio_query_page (self->db, self->filter, self->sort, self->descending,
                                       index * RELANCE_PORTFOLIO_PAGE_SIZE,
                                       RELANCE_PORTFOLIO_PAGE_SIZE, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read the customers %u to %u: %s",
                 index * RELANCE_PORTFOLIO_PAGE_SIZE + 1,
                 (index + 1) * RELANCE_PORTFOLIO_PAGE_SIZE, error->message);
      self->failed = TRUE;
      if (self->empty_id == 0)
        self->empty_id = g_idle_add (empty_after_failure_cb, self);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = rows;
  page->items = g_new0 (GObject *, MAX (rows->len, 1));

  return page;
}

/* The page with row @position: from the cache (and then the most recently
 * used), or fetched, the least recently used page making room. */
static Page *
lookup_page (RelancePortfolioModel *self,
             guint                  position)
{
  guint index = position / RELANCE_PORTFOLIO_PAGE_SIZE;
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }

  page = fetch_page (self, index);
  if (page == NULL)
    return NULL;

  g_queue_push_head (&self->pages, page);
  while (self->pages.length > RELANCE_PORTFOLIO_MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static GType
relance_portfolio_model_get_item_type (GListModel *model)
{
  return RELANCE_TYPE_CUSTOMER_ROW;
}

static guint
relance_portfolio_model_get_n_items (GListModel *model)
{
  return RELANCE_PORTFOLIO_MODEL (model)->n_items;
}

static gpointer
relance_portfolio_model_get_item (GListModel *model,
                                  guint       position)
{
  RelancePortfolioModel *self = RELANCE_PORTFOLIO_MODEL (model);
  guint offset = position % RELANCE_PORTFOLIO_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items || self->failed)
    return NULL;

  page = lookup_page (self, position);
  /* The table may have shrunk under us (another program wrote to it):
   * the next reload will say so; until then the row is missing. */
  if (page == NULL || offset >= page->rows->len)
    return NULL;

  if (page->items[offset] == NULL)
    page->items[offset] = G_OBJECT (relance_customer_row_new (g_ptr_array_index (page->rows, offset)));

  return g_object_ref (page->items[offset]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = relance_portfolio_model_get_item_type;
  iface->get_n_items = relance_portfolio_model_get_n_items;
  iface->get_item = relance_portfolio_model_get_item;
}

static void
relance_portfolio_model_dispose (GObject *object)
{
  RelancePortfolioModel *self = (RelancePortfolioModel *) object;

  g_clear_handle_id (&self->empty_id, g_source_remove);
  drop_pages (self);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_portfolio_model_parent_class)->dispose (object);
}

static void
relance_portfolio_model_finalize (GObject *object)
{
  RelancePortfolioModel *self = (RelancePortfolioModel *) object;

  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (relance_portfolio_model_parent_class)->finalize (object);
}

static void
relance_portfolio_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RelancePortfolioModel *self = RELANCE_PORTFOLIO_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_portfolio_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RelancePortfolioModel *self = RELANCE_PORTFOLIO_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      relance_portfolio_model_set_database (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      relance_portfolio_model_set_filter (self, g_value_get_string (value));
      break;
    case PROP_SORT:
      relance_portfolio_model_set_sort (self, g_value_get_enum (value));
      break;
    case PROP_DESCENDING:
      relance_portfolio_model_set_descending (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_portfolio_model_class_init (RelancePortfolioModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relance_portfolio_model_dispose;
  object_class->finalize = relance_portfolio_model_finalize;
  object_class->get_property = relance_portfolio_model_get_property;
  object_class->set_property = relance_portfolio_model_set_property;

  /**
   * RelancePortfolioModel:database:
   *
   * The database whose figures cache is listed; %NULL for an empty list.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         RELANCE_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelancePortfolioModel:filter:
   *
   * Text that the start of the code or the SIREN, or any part of the name
   * must match; %NULL or empty for every customer.
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelancePortfolioModel:sort:
   *
   * The column the rows are sorted by, in SQL; ties are broken by code.
   */
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       RELANCE_TYPE_PORTFOLIO_SORT, RELANCE_PORTFOLIO_SORT_CODE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelancePortfolioModel:descending:
   *
   * Whether the largest values come first.
   */
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_portfolio_model_init (RelancePortfolioModel *self)
{
  self->sort = RELANCE_PORTFOLIO_SORT_CODE;
  g_queue_init (&self->pages);
}

/**
 * relance_portfolio_model_new:
 * @db: (nullable): a database whose figures cache is current
 *
 * Returns: (transfer full): a model listing the customers of @db
 */
RelancePortfolioModel *
relance_portfolio_model_new (RelanceDatabase *db)
{
  g_return_val_if_fail (db == NULL || RELANCE_IS_DATABASE (db), NULL);

  return g_object_new (RELANCE_TYPE_PORTFOLIO_MODEL, "database", db, NULL);
}

/**
 * relance_portfolio_model_get_database:
 * @self: a #RelancePortfolioModel
 *
 * Returns: (transfer none) (nullable): the database listed
 */
RelanceDatabase *
relance_portfolio_model_get_database (RelancePortfolioModel *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self), NULL);

  return self->db;
}

/**
 * relance_portfolio_model_set_database:
 * @self: a #RelancePortfolioModel
 * @db: (nullable): a database, used from the main thread only
 *
 * Lists the customers of @db (all of them are replaced).
 */
void
relance_portfolio_model_set_database (RelancePortfolioModel *self,
                                      RelanceDatabase       *db)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  if (g_set_object (&self->db, db))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}

/**
 * relance_portfolio_model_get_filter:
 * @self: a #RelancePortfolioModel
 *
 * Returns: (nullable): the filter text
 */
const char *
relance_portfolio_model_get_filter (RelancePortfolioModel *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self), NULL);

  return self->filter;
}

/**
 * relance_portfolio_model_set_filter:
 * @self: a #RelancePortfolioModel
 * @filter: (nullable): text to look for in the code, the name or the SIREN
 *
 * Leading and trailing spaces are ignored; an empty filter lists everyone.
 */
void
relance_portfolio_model_set_filter (RelancePortfolioModel *self,
                                    const char            *filter)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self));

  if (filter != NULL)
    {
      stripped = g_strstrip (g_strdup (filter));
      if (*stripped == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (stripped, self->filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_steal_pointer (&stripped);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

RelancePortfolioSort
relance_portfolio_model_get_sort (RelancePortfolioModel *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self), RELANCE_PORTFOLIO_SORT_CODE);

  return self->sort;
}

void
relance_portfolio_model_set_sort (RelancePortfolioModel *self,
                                  RelancePortfolioSort   sort)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self));

  relance_portfolio_model_set_order (self, sort, self->descending);
}

gboolean
relance_portfolio_model_get_descending (RelancePortfolioModel *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self), FALSE);

  return self->descending;
}

void
relance_portfolio_model_set_descending (RelancePortfolioModel *self,
                                        gboolean               descending)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self));

  relance_portfolio_model_set_order (self, self->sort, descending);
}

/**
 * relance_portfolio_model_set_order:
 * @self: a #RelancePortfolioModel
 * @sort: the column to sort by
 * @descending: whether the largest values come first
 *
 * Sets both at once, so that a click on a column header (which changes
 * both) reloads the list once.
 */
void
relance_portfolio_model_set_order (RelancePortfolioModel *self,
                                   RelancePortfolioSort   sort,
                                   gboolean               descending)
{
  gboolean sort_changed;
  gboolean descending_changed;

  g_return_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self));
  g_return_if_fail (sort <= RELANCE_PORTFOLIO_SORT_DSO);

  descending = !!descending;
  sort_changed = self->sort != sort;
  descending_changed = self->descending != descending;
  if (!sort_changed && !descending_changed)
    return;

  self->sort = sort;
  self->descending = descending;

  invalidate (self);

  if (sort_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (descending_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

/**
 * relance_portfolio_model_reload:
 * @self: a #RelancePortfolioModel
 *
 * Reads the list again, after the figures cache or the customers changed.
 */
void
relance_portfolio_model_reload (RelancePortfolioModel *self)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self));

  invalidate (self);
}

/**
 * relance_portfolio_model_get_n_cached_pages:
 * @self: a #RelancePortfolioModel
 *
 * Returns: how many pages are held in memory (at most
 *   %RELANCE_PORTFOLIO_MAX_PAGES), for the tests
 */
guint
relance_portfolio_model_get_n_cached_pages (RelancePortfolioModel *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_MODEL (self), 0);

  return self->pages.length;
}
