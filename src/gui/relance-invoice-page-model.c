/* relance-invoice-page-model.c — every item of a customer, paged from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A customer of many years has tens of thousands of items, paid ones
 * included. This GListModel knows only their number; a row is read with
 * its page of PAGE_SIZE rows the first time a view asks for it, and the
 * pages read are kept until the model is loaded again.
 */
#define G_LOG_DOMAIN "relance-invoice-page-model"

#include "config.h"

#include "relance-invoice-page-model.h"

#define PAGE_SIZE 200

struct _RelanceInvoicePageModel
{
  GObject          parent_instance;

  RelanceDatabase *db;
  gint64           actor_id;
  char            *number_filter;
  guint            n_items;
  GHashTable      *pages;  /* page number → GPtrArray of RelanceInvoice */
};

static void relance_invoice_page_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RelanceInvoicePageModel, relance_invoice_page_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      relance_invoice_page_model_list_model_init))

/* GListModel */

static GType
relance_invoice_page_model_get_item_type (GListModel *model)
{
  return RELANCE_TYPE_INVOICE;
}

static guint
relance_invoice_page_model_get_n_items (GListModel *model)
{
  return RELANCE_INVOICE_PAGE_MODEL (model)->n_items;
}

static gpointer
relance_invoice_page_model_get_item (GListModel *model,
                                     guint       position)
{
  RelanceInvoicePageModel *self = RELANCE_INVOICE_PAGE_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items || self->db == NULL)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      g_autoptr(GError) error = NULL;

      rows = relance_card_store_list_invoices (self->db, self->actor_id, self->number_filter,
                                               page * PAGE_SIZE, PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Could not read a page of invoices: %s", error->message);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
relance_invoice_page_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = relance_invoice_page_model_get_item_type;
  iface->get_n_items = relance_invoice_page_model_get_n_items;
  iface->get_item = relance_invoice_page_model_get_item;
}

/* GObject */

static void
relance_invoice_page_model_dispose (GObject *object)
{
  RelanceInvoicePageModel *self = RELANCE_INVOICE_PAGE_MODEL (object);

  g_clear_object (&self->db);
  g_hash_table_remove_all (self->pages);

  G_OBJECT_CLASS (relance_invoice_page_model_parent_class)->dispose (object);
}

static void
relance_invoice_page_model_finalize (GObject *object)
{
  RelanceInvoicePageModel *self = RELANCE_INVOICE_PAGE_MODEL (object);

  g_hash_table_unref (self->pages);
  g_free (self->number_filter);

  G_OBJECT_CLASS (relance_invoice_page_model_parent_class)->finalize (object);
}

static void
relance_invoice_page_model_class_init (RelanceInvoicePageModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relance_invoice_page_model_dispose;
  object_class->finalize = relance_invoice_page_model_finalize;
}

static void
relance_invoice_page_model_init (RelanceInvoicePageModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
}

/* Public API */

/**
 * relance_invoice_page_model_new:
 *
 * Returns: (transfer full): an empty model
 */
RelanceInvoicePageModel *
relance_invoice_page_model_new (void)
{
  return g_object_new (RELANCE_TYPE_INVOICE_PAGE_MODEL, NULL);
}

/**
 * relance_invoice_page_model_load:
 * @self: a #RelanceInvoicePageModel
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @number_filter: (nullable): only the items whose number contains it
 * @error: a #GError
 *
 * Counts the rows and forgets the pages read; they are read again when
 * asked for.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_invoice_page_model_load (RelanceInvoicePageModel  *self,
                                 RelanceDatabase          *db,
                                 gint64                    actor_id,
                                 const char               *number_filter,
                                 GError                  **error)
{
  guint removed;
  gint64 count;

  g_return_val_if_fail (RELANCE_IS_INVOICE_PAGE_MODEL (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  count = relance_card_store_count_invoices (db, actor_id, number_filter, error);
  if (count < 0)
    return FALSE;

  removed = self->n_items;
  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  g_free (self->number_filter);
  self->number_filter = g_strdup (number_filter);
  g_hash_table_remove_all (self->pages);
  self->n_items = (guint) count;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  return TRUE;
}

/**
 * relance_invoice_page_model_clear:
 * @self: a #RelanceInvoicePageModel
 *
 * Holds no row and lets the database go.
 */
void
relance_invoice_page_model_clear (RelanceInvoicePageModel *self)
{
  guint removed;

  g_return_if_fail (RELANCE_IS_INVOICE_PAGE_MODEL (self));

  removed = self->n_items;
  self->n_items = 0;
  g_hash_table_remove_all (self->pages);
  g_clear_object (&self->db);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}
