/* relance-invoice-store.h — invoices, credit notes, fees and interest items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceInvoiceRow:
 *
 * One invoice as a plain struct, for the engine's passes over many rows
 * (no GObject per row). @number is valid only during the callback.
 */
typedef struct
{
  gint64              id;
  gint64              actor_id;
  const char         *number;
  RelanceInvoiceKind  kind;
  RelanceDate         issue_date;
  RelanceDate         due_date;
  gint64              amount_cents;
  gint64              allocated_cents;
  char                currency[4];
  gboolean            litigation;   /* handed over to litigation (contentieux) */
} RelanceInvoiceRow;

/* Return FALSE to stop the walk. */
typedef gboolean (*RelanceInvoiceRowFunc) (const RelanceInvoiceRow *row,
                                           gpointer                 user_data);

gboolean        relance_invoice_store_insert         (RelanceDatabase  *db,
                                                      RelanceInvoice   *invoice,
                                                      gint64            import_id,
                                                      GError          **error);
RelanceInvoice *relance_invoice_store_find_by_number (RelanceDatabase  *db,
                                                      const char       *number,
                                                      GError          **error);
RelanceInvoice *relance_invoice_store_find_by_id     (RelanceDatabase  *db,
                                                      gint64            id,
                                                      GError          **error);
gboolean        relance_invoice_store_number_exists  (RelanceDatabase  *db,
                                                      const char       *number);
/* An actor's invoices (not cancelled) by due date, then number; with
 * @open_only those whose remaining amount is not zero. */
GPtrArray      *relance_invoice_store_list_for_actor (RelanceDatabase  *db,
                                                      gint64            actor_id,
                                                      gboolean          open_only,
                                                      GError          **error);
gint64          relance_invoice_store_count          (RelanceDatabase  *db);
/* Flags an item as handed over to litigation (contentieux), or not,
 * with an audit line; it then counts in the litigation amount. */
gboolean        relance_invoice_store_set_litigation (RelanceDatabase  *db,
                                                      gint64            invoice_id,
                                                      gboolean          litigation,
                                                      GError          **error);

/* Open items (remaining ≠ 0, not cancelled), of one actor or of all
 * (@actor_id 0), ordered by actor then due date. */
gboolean        relance_invoice_store_foreach_open   (RelanceDatabase       *db,
                                                      gint64                 actor_id,
                                                      RelanceInvoiceRowFunc  func,
                                                      gpointer               user_data,
                                                      GError               **error);
/* Items (any kind, not cancelled) issued in [@from, @to], of one actor
 * or of all (@actor_id 0), ordered by actor then issue date. */
gboolean        relance_invoice_store_foreach_issued (RelanceDatabase       *db,
                                                      gint64                 actor_id,
                                                      RelanceDate            from,
                                                      RelanceDate            to,
                                                      RelanceInvoiceRowFunc  func,
                                                      gpointer               user_data,
                                                      GError               **error);

G_END_DECLS
