/* relance-list-row.c — a plain struct as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store returns rows as plain structs; a list view wants objects.
 * This wraps one struct, and frees it with the object, so that a page
 * needs no class per kind of row.
 */
#define G_LOG_DOMAIN "relance-list-row"

#include "config.h"

#include "relance-list-row.h"
#include "relance-gui-utils.h"

struct _RelanceListRow
{
  GObject         parent_instance;

  gpointer        data;
  GDestroyNotify  free_func;
};

G_DEFINE_FINAL_TYPE (RelanceListRow, relance_list_row, G_TYPE_OBJECT)

static void
relance_list_row_finalize (GObject *object)
{
  RelanceListRow *self = (RelanceListRow *) object;

  if (self->free_func != NULL)
    g_clear_pointer (&self->data, self->free_func);

  G_OBJECT_CLASS (relance_list_row_parent_class)->finalize (object);
}

static void
relance_list_row_class_init (RelanceListRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = relance_list_row_finalize;
}

static void
relance_list_row_init (RelanceListRow *self)
{
}

/**
 * relance_list_row_new:
 * @data: (transfer full): a struct
 * @free_func: (nullable): frees @data with the row
 *
 * Returns: (transfer full): a row holding @data
 */
RelanceListRow *
relance_list_row_new (gpointer       data,
                      GDestroyNotify free_func)
{
  RelanceListRow *self = g_object_new (RELANCE_TYPE_LIST_ROW, NULL);

  self->data = data;
  self->free_func = free_func;
  return self;
}

/**
 * relance_list_row_get_data:
 * @self: a #RelanceListRow
 *
 * Returns: (transfer none): the struct
 */
gpointer
relance_list_row_get_data (RelanceListRow *self)
{
  g_return_val_if_fail (RELANCE_IS_LIST_ROW (self), NULL);

  return self->data;
}

/**
 * relance_list_row_replace_all:
 * @store: a #GListStore of #RelanceListRow
 * @rows: (nullable): the structs, whose free function must be %NULL: the
 *   rows take them
 * @free_func: frees a struct with its row
 *
 * Replaces the items of @store by one row per struct of @rows, in one
 * "items-changed".
 *
 * Returns: the number of rows
 */
guint
relance_list_row_replace_all (GListStore     *store,
                              GPtrArray      *rows,
                              GDestroyNotify  free_func)
{
  guint n = rows != NULL ? rows->len : 0;
  g_autofree gpointer *items = g_new0 (gpointer, n + 1);

  g_return_val_if_fail (G_IS_LIST_STORE (store), 0);

  for (guint i = 0; i < n; i++)
    items[i] = relance_list_row_new (g_ptr_array_index (rows, i), free_func);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  return n;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  float xalign = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "relance-xalign")) / 100.f;

  gtk_list_item_set_child (list_item, relance_gui_new_cell (xalign, 6, 12));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  RelanceListRowText text = (RelanceListRowText) user_data;
  RelanceListRow *item = gtk_list_item_get_item (list_item);
  g_autofree char *value = text (relance_list_row_get_data (item));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), value);
}

/**
 * relance_list_row_add_column:
 * @column_view: a #GtkColumnView of #RelanceListRow
 * @title: the column's title
 * @text: the text of a cell
 * @xalign: 0 for text, 1 for numbers
 * @expand: whether the column takes the width left
 *
 * Appends a resizable column of one line of text per row.
 */
void
relance_list_row_add_column (GtkColumnView      *column_view,
                             const char         *title,
                             RelanceListRowText  text,
                             float               xalign,
                             gboolean            expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "relance-xalign", GINT_TO_POINTER ((int) (xalign * 100)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), text);
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (column_view, column);
}
