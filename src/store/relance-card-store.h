/* relance-card-store.h — the queries of the customer card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* A page of every item of @actor_id (RelanceInvoice *, freed by the
 * array), cancelled ones and credit notes too, newest issue date first,
 * from row @offset, at most @limit rows; with @number_filter (nullable,
 * "" for none) only the items whose number contains it, ignoring case. */
GPtrArray *relance_card_store_list_invoices    (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                const char       *number_filter,
                                                guint             offset,
                                                guint             limit,
                                                GError          **error);
/* How many rows relance_card_store_list_invoices() pages over; -1 with
 * @error set when SQLite fails. */
gint64     relance_card_store_count_invoices   (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                const char       *number_filter,
                                                GError          **error);

/**
 * RelanceCardAllocation:
 * @payment_id: the payment
 * @invoice_id: the item it settles
 * @invoice_number: that item's number
 * @amount_cents: the amount allocated
 * @date: the day of the allocation
 *
 * One allocation of a payment, with the number of its item.
 */
typedef struct
{
  gint64       payment_id;
  gint64       invoice_id;
  char        *invoice_number;
  gint64       amount_cents;
  RelanceDate  date;
} RelanceCardAllocation;

void       relance_card_allocation_free        (RelanceCardAllocation *allocation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCardAllocation, relance_card_allocation_free)

/* The allocations of the payments of @actor_id (RelanceCardAllocation *,
 * freed by the array), by payment, then date and item number. */
GPtrArray *relance_card_store_list_allocations (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                GError          **error);

/* The ids (gint64, ascending) of the open items of @actor_id handed over
 * to litigation (contentieux). */
GArray    *relance_card_store_litigation_ids   (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                GError          **error);

G_END_DECLS
