/* relance-list-row.h — a plain struct as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RELANCE_TYPE_LIST_ROW (relance_list_row_get_type ())

G_DECLARE_FINAL_TYPE (RelanceListRow, relance_list_row, RELANCE, LIST_ROW, GObject)

RelanceListRow *relance_list_row_new      (gpointer        data,
                                           GDestroyNotify  free_func);
gpointer        relance_list_row_get_data (RelanceListRow *self);

/* The text of a cell, from the struct of a row */
typedef char *(*RelanceListRowText) (gconstpointer data);

guint           relance_list_row_replace_all (GListStore         *store,
                                              GPtrArray          *rows,
                                              GDestroyNotify      free_func);
void            relance_list_row_add_column  (GtkColumnView      *column_view,
                                              const char         *title,
                                              RelanceListRowText  text,
                                              float               xalign,
                                              gboolean            expand);

G_END_DECLS
