/* relance-list-row.c — a plain struct as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store returns rows as plain structs; a list view wants objects.
 * This wraps one struct, and frees it with the object, so that a page
 * needs no class per kind of row.
 *
 * The pages and tabs that show a GtkColumnView also share here how the
 * view is given its model, how a cell shows a text, a date or an amount,
 * and how the template is let go.
 */
#define G_LOG_DOMAIN "relance-list-row"

#include "config.h"

#include <glib/gi18n.h>

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

/**
 * relance_list_row_add_columns:
 * @column_view: a #GtkColumnView of #RelanceListRow
 * @columns: (array length=n_columns): the columns, their titles marked
 *   with N_()
 * @n_columns: the number of @columns
 *
 * Appends the columns of a table, in order, as relance_list_row_add_column()
 * does.
 */
void
relance_list_row_add_columns (GtkColumnView              *column_view,
                              const RelanceListRowColumn *columns,
                              guint                       n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    relance_list_row_add_column (column_view, _(columns[i].title), columns[i].text,
                                 columns[i].xalign, columns[i].expand);
}

/**
 * relance_list_row_peek_data:
 * @model: a #GListModel of #RelanceListRow
 * @position: a position in @model
 *
 * Returns: (transfer none) (nullable): the struct of the row at
 *   @position, valid while @model holds the row; %NULL past the end
 */
gpointer
relance_list_row_peek_data (GListModel *model,
                            guint       position)
{
  g_autoptr(RelanceListRow) item = g_list_model_get_item (model, position);

  return item != NULL ? item->data : NULL;
}

/**
 * relance_list_row_show_rows:
 * @store: a #GListStore of #RelanceListRow
 * @rows: (nullable) (transfer none): the structs; the rows take them, so
 *   the free function of @rows is cleared
 * @free_func: frees a struct with its row
 * @stack: the page's stack, with a "list" and an "empty" child
 *
 * Replaces the rows of @store and shows the list, or the empty page
 * when there is no row.
 *
 * Returns: the number of rows
 */
guint
relance_list_row_show_rows (GListStore     *store,
                            GPtrArray      *rows,
                            GDestroyNotify  free_func,
                            GtkStack       *stack)
{
  guint n;

  if (rows != NULL)
    g_ptr_array_set_free_func (rows, NULL);
  n = relance_list_row_replace_all (store, rows, free_func);
  gtk_stack_set_visible_child_name (stack, n > 0 ? "list" : "empty");
  return n;
}

/**
 * relance_list_row_set_model:
 * @column_view: a #GtkColumnView
 * @model: (transfer none): its items
 * @can_unselect: whether the row selected can be unselected
 *
 * Shows @model in @column_view through a single selection that selects
 * nothing by itself.
 */
void
relance_list_row_set_model (GtkColumnView *column_view,
                            GListModel    *model,
                            gboolean       can_unselect)
{
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (model));

  gtk_single_selection_set_autoselect (selection, FALSE);
  if (can_unselect)
    gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (selection));
}

/**
 * relance_list_row_dispose_template:
 * @widget: a widget built from a template whose root has no id
 * @widget_type: the type whose template it is
 * @column_view: (nullable): its column view, emptied first
 *
 * Lets the template's children go, the root too: gtk_widget_dispose_template()
 * leaves the children that have no id.
 */
void
relance_list_row_dispose_template (GtkWidget     *widget,
                                   GType          widget_type,
                                   GtkColumnView *column_view)
{
  GtkWidget *child;

  if (column_view != NULL)
    gtk_column_view_set_model (column_view, NULL);
  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * relance_list_row_set_cell_text:
 * @list_item: a list item whose child is a #GtkInscription
 * @text: (nullable): the text
 */
void
relance_list_row_set_cell_text (GtkListItem *list_item,
                                const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

/**
 * relance_list_row_set_cell_date:
 * @list_item: a list item whose child is a #GtkInscription
 * @date: the day, or %RELANCE_DATE_NONE
 */
void
relance_list_row_set_cell_date (GtkListItem *list_item,
                                RelanceDate  date)
{
  g_autofree char *text = relance_gui_format_date (date);

  relance_list_row_set_cell_text (list_item, text);
}

/**
 * relance_list_row_set_cell_amount:
 * @list_item: a list item whose child is a #GtkInscription
 * @cents: the amount
 * @currency: (nullable): its currency, %NULL to show no sign
 *
 * Shows the amount, with the class of its sign.
 */
void
relance_list_row_set_cell_amount (GtkListItem *list_item,
                                  gint64       cents,
                                  const char  *currency)
{
  g_autofree char *text = relance_gui_format_amount (cents, currency);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  relance_gui_set_amount_class (cell, cents);
}

/**
 * relance_list_row_setup_tag_cb:
 * @factory: a #GtkSignalListItemFactory
 * @list_item: the list item to set up
 * @user_data: unused
 *
 * The "setup" handler of a column of tags: a label at the start, which
 * the "bind" handler fills and colours.
 */
void
relance_list_row_setup_tag_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *list_item,
                               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "tag");
  gtk_list_item_set_child (list_item, label);
}
