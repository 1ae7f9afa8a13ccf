/* relance-user-customer-store.h — a user's favourite and recently opened customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceUserCustomer:
 * @actor_id: the customer
 * @code: its code
 * @name: its name
 * @favourite: whether the user starred it
 * @last_opened: (nullable): UTC ISO 8601 timestamp of the last time the
 *   user opened its card, %NULL if never
 *
 * One customer of a user's control panel; free it with
 * relance_user_customer_free().
 */
typedef struct
{
  gint64    actor_id;
  char     *code;
  char     *name;
  gboolean  favourite;
  char     *last_opened;
} RelanceUserCustomer;

void       relance_user_customer_free                 (RelanceUserCustomer *customer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceUserCustomer, relance_user_customer_free)

/* The customers that @login opened last (RelanceUserCustomer *, freed by
 * the array), most recent first, at most @limit. */
GPtrArray *relance_user_customer_store_list_recent    (RelanceDatabase  *db,
                                                       const char       *login,
                                                       guint             limit,
                                                       GError          **error);
/* The customers that @login starred, by name. */
GPtrArray *relance_user_customer_store_list_favourites (RelanceDatabase  *db,
                                                        const char       *login,
                                                        GError          **error);
/* Records that @login opened the card of @actor_id now. */
gboolean   relance_user_customer_store_touch          (RelanceDatabase  *db,
                                                       const char       *login,
                                                       gint64            actor_id,
                                                       GError          **error);
/* Stars (or unstars) @actor_id for @login. */
gboolean   relance_user_customer_store_set_favourite  (RelanceDatabase  *db,
                                                       const char       *login,
                                                       gint64            actor_id,
                                                       gboolean          favourite,
                                                       GError          **error);
/* Sets @favourite to whether @login starred @actor_id. */
gboolean   relance_user_customer_store_is_favourite   (RelanceDatabase  *db,
                                                       const char       *login,
                                                       gint64            actor_id,
                                                       gboolean         *favourite,
                                                       GError          **error);

G_END_DECLS
