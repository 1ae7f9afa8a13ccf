/* relance-invoices-tab.h — every item of a customer, paged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_INVOICES_TAB (relance_invoices_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelanceInvoicesTab, relance_invoices_tab, RELANCE, INVOICES_TAB, GtkWidget)

gboolean    relance_invoices_tab_show      (RelanceInvoicesTab  *self,
                                            RelanceDatabase     *db,
                                            gint64               actor_id,
                                            RelanceDate          evaluation_day,
                                            GError             **error);
void        relance_invoices_tab_clear     (RelanceInvoicesTab  *self);
GListModel *relance_invoices_tab_get_model (RelanceInvoicesTab  *self);

G_END_DECLS
