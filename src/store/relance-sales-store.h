/* relance-sales-store.h — the sales of a period in one sequential scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceSaleRow:
 *
 * One item issued (invoice, credit note, fee or interest), with only what
 * a sales total needs.
 */
typedef struct
{
  gint64      actor_id;
  RelanceDate issue_date;
  gint64      amount_cents;
  char        currency[4];
} RelanceSaleRow;

/* Return FALSE to stop the walk. */
typedef gboolean (*RelanceSaleFunc) (const RelanceSaleRow *row,
                                     gpointer              user_data);

/* Items of every actor (any kind, not cancelled) issued in [@from, @to],
 * in no particular order: for passes over the whole portfolio that add
 * the rows up in arrays, where sorting a million rows would cost more
 * than the whole pass (relance_invoice_store_foreach_issued() for rows
 * ordered by actor). */
gboolean relance_sales_store_foreach_unordered (RelanceDatabase  *db,
                                                RelanceDate       from,
                                                RelanceDate       to,
                                                RelanceSaleFunc   func,
                                                gpointer          user_data,
                                                GError          **error);

G_END_DECLS
