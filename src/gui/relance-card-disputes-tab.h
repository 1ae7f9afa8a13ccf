/* relance-card-disputes-tab.h — a customer's disputes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CARD_DISPUTES_TAB (relance_card_disputes_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCardDisputesTab, relance_card_disputes_tab, RELANCE, CARD_DISPUTES_TAB, GtkWidget)

gboolean relance_card_disputes_tab_show  (RelanceCardDisputesTab  *self,
                                          RelanceDatabase         *db,
                                          gint64                   actor_id,
                                          GError                 **error);
void     relance_card_disputes_tab_clear (RelanceCardDisputesTab  *self);
guint    relance_card_disputes_tab_get_n_disputes (RelanceCardDisputesTab *self);

G_END_DECLS
