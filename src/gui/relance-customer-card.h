/* relance-customer-card.h — everything about one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CUSTOMER_CARD (relance_customer_card_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCustomerCard, relance_customer_card, RELANCE, CUSTOMER_CARD, GtkWidget)

GtkWidget  *relance_customer_card_new          (void);
gboolean    relance_customer_card_show_customer (RelanceCustomerCard *self,
                                                 RelanceDatabase     *db,
                                                 gint64               actor_id,
                                                 RelanceDate          evaluation_day,
                                                 GError             **error);
void        relance_customer_card_clear        (RelanceCustomerCard *self);
gint64      relance_customer_card_get_actor_id (RelanceCustomerCard *self);
GListModel *relance_customer_card_get_open_items (RelanceCustomerCard *self);
void        relance_customer_card_reload       (RelanceCustomerCard *self);
void        relance_customer_card_set_user     (RelanceCustomerCard *self,
                                                const char          *login);

/* The tabs, for the tests and the screenshots */
GtkWidget  *relance_customer_card_get_tab      (RelanceCustomerCard *self,
                                                const char          *name);
void        relance_customer_card_set_visible_tab (RelanceCustomerCard *self,
                                                   const char          *name);

G_END_DECLS
