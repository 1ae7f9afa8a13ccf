/* relance-payments-tab.h — a customer's payments and what they settled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PAYMENTS_TAB (relance_payments_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelancePaymentsTab, relance_payments_tab, RELANCE, PAYMENTS_TAB, GtkWidget)

gboolean    relance_payments_tab_show      (RelancePaymentsTab  *self,
                                            RelanceDatabase     *db,
                                            gint64               actor_id,
                                            GError             **error);
void        relance_payments_tab_clear     (RelancePaymentsTab  *self);
GListModel *relance_payments_tab_get_model (RelancePaymentsTab  *self);
/* "F-0001 120,00 €, F-0002 30,00 €": what a payment shown settled */
const char *relance_payments_tab_get_allocations_text (RelancePaymentsTab *self,
                                                       gint64              payment_id);

G_END_DECLS
