/* relance-payment-store.h — payments and their allocation to invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 actor_id;
  char   currency[4];
  gint64 unallocated_cents;
} RelanceUnallocatedRow;

typedef gboolean (*RelanceUnallocatedFunc) (const RelanceUnallocatedRow *row,
                                            gpointer                     user_data);

gboolean        relance_payment_store_insert            (RelanceDatabase  *db,
                                                         RelancePayment   *payment,
                                                         gint64            import_id,
                                                         GError          **error);
RelancePayment *relance_payment_store_find_by_reference (RelanceDatabase  *db,
                                                         const char       *reference,
                                                         GError          **error);
RelancePayment *relance_payment_store_find_by_id        (RelanceDatabase  *db,
                                                         gint64            id,
                                                         GError          **error);
gboolean        relance_payment_store_reference_exists  (RelanceDatabase  *db,
                                                         const char       *reference);
/* An actor's payments (rejected ones too), newest first */
GPtrArray      *relance_payment_store_list_for_actor    (RelanceDatabase  *db,
                                                         gint64            actor_id,
                                                         GError          **error);

/* Allocates @amount_cents of a payment to an invoice: checks the
 * allocation (relance_allocation_validate), writes it and updates both
 * allocated sums, in one transaction. */
gboolean        relance_payment_store_allocate          (RelanceDatabase  *db,
                                                         gint64            payment_id,
                                                         gint64            invoice_id,
                                                         gint64            amount_cents,
                                                         RelanceDate       date,
                                                         GError          **error);
/* An actor's allocations, newest first */
GPtrArray      *relance_allocation_store_list_for_actor (RelanceDatabase  *db,
                                                         gint64            actor_id,
                                                         GError          **error);

/* Σ unallocated per actor and currency (payments not rejected), of one
 * actor or of all (@actor_id 0), ordered by actor. */
gboolean        relance_payment_store_foreach_unallocated (RelanceDatabase        *db,
                                                           gint64                  actor_id,
                                                           RelanceUnallocatedFunc  func,
                                                           gpointer                user_data,
                                                           GError                **error);

G_END_DECLS
