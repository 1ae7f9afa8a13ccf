/* relance-list-row.h — a plain struct as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-model.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_LIST_ROW (relance_list_row_get_type ())

G_DECLARE_FINAL_TYPE (RelanceListRow, relance_list_row, RELANCE, LIST_ROW, GObject)

RelanceListRow *relance_list_row_new      (gpointer        data,
                                           GDestroyNotify  free_func);
gpointer        relance_list_row_get_data (RelanceListRow *self);

/* The text of a cell, from the struct of a row */
typedef char *(*RelanceListRowText) (gconstpointer data);

/* One column of a table of columns: the title is marked with N_() */
typedef struct
{
  const char         *title;
  RelanceListRowText  text;
  float               xalign;
  gboolean            expand;
} RelanceListRowColumn;

guint           relance_list_row_replace_all (GListStore         *store,
                                              GPtrArray          *rows,
                                              GDestroyNotify      free_func);
void            relance_list_row_add_column  (GtkColumnView      *column_view,
                                              const char         *title,
                                              RelanceListRowText  text,
                                              float               xalign,
                                              gboolean            expand);
void            relance_list_row_add_columns (GtkColumnView              *column_view,
                                              const RelanceListRowColumn *columns,
                                              guint                       n_columns);
gpointer        relance_list_row_peek_data   (GListModel         *model,
                                              guint               position);
guint           relance_list_row_show_rows   (GListStore         *store,
                                              GPtrArray          *rows,
                                              GDestroyNotify      free_func,
                                              GtkStack           *stack);

/* Helpers of the pages that show a GtkColumnView, whatever their items */
void            relance_list_row_set_model        (GtkColumnView *column_view,
                                                   GListModel    *model,
                                                   gboolean       can_unselect);
void            relance_list_row_dispose_template (GtkWidget     *widget,
                                                   GType          widget_type,
                                                   GtkColumnView *column_view);
void            relance_list_row_set_cell_text    (GtkListItem   *list_item,
                                                   const char    *text);
void            relance_list_row_set_cell_date    (GtkListItem   *list_item,
                                                   RelanceDate    date);
void            relance_list_row_set_cell_amount  (GtkListItem   *list_item,
                                                   gint64         cents,
                                                   const char    *currency);
void            relance_list_row_setup_tag_cb     (GtkSignalListItemFactory *factory,
                                                   GtkListItem              *list_item,
                                                   gpointer                  user_data);

G_END_DECLS
