/* relance-open-items-tab.h — a customer's open items, to select for an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_OPEN_ITEMS_TAB (relance_open_items_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelanceOpenItemsTab, relance_open_items_tab, RELANCE, OPEN_ITEMS_TAB, GtkWidget)

gboolean            relance_open_items_tab_show          (RelanceOpenItemsTab  *self,
                                                          RelanceDatabase      *db,
                                                          gint64                actor_id,
                                                          RelanceDate           evaluation_day,
                                                          GError              **error);
void                relance_open_items_tab_clear         (RelanceOpenItemsTab  *self);
GListModel         *relance_open_items_tab_get_items     (RelanceOpenItemsTab  *self);
GtkSelectionModel  *relance_open_items_tab_get_selection (RelanceOpenItemsTab  *self);
GtkColumnView      *relance_open_items_tab_get_column_view (RelanceOpenItemsTab *self);
GArray             *relance_open_items_tab_dup_selected_ids (RelanceOpenItemsTab *self);

G_END_DECLS
