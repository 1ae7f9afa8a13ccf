/* relance-card-promises-tab.h — a customer's promises to pay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CARD_PROMISES_TAB (relance_card_promises_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCardPromisesTab, relance_card_promises_tab, RELANCE, CARD_PROMISES_TAB, GtkWidget)

gboolean relance_card_promises_tab_show  (RelanceCardPromisesTab  *self,
                                          RelanceDatabase         *db,
                                          gint64                   actor_id,
                                          RelanceDate              evaluation_day,
                                          GError                 **error);
void     relance_card_promises_tab_clear (RelanceCardPromisesTab  *self);
guint    relance_card_promises_tab_get_n_promises (RelanceCardPromisesTab *self);

G_END_DECLS
