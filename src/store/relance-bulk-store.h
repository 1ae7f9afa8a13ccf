/* relance-bulk-store.h — fast inserts for imports and the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"
#include "relance-invoice-store.h"

G_BEGIN_DECLS

/**
 * RelancePaymentRow:
 * @reference: the payment's reference (copied by SQLite during the call)
 * @actor_id: the payer
 * @date: the day the money was received
 * @amount_cents: the amount, > 0
 * @allocated_cents: Σ of the allocations that the caller will insert
 * @currency: ISO 4217
 *
 * One payment as a plain struct, for the bulk path.
 */
typedef struct
{
  const char  *reference;
  gint64       actor_id;
  RelanceDate  date;
  gint64       amount_cents;
  gint64       allocated_cents;
  char         currency[4];
} RelancePaymentRow;

/**
 * RelanceBulkInsert:
 *
 * Statements prepared once for a batch of a million rows. The bulk path
 * neither validates nor audits each row: the caller has checked every
 * row with the model's validate function, writes one audit line for the
 * batch, and runs the whole batch in one transaction
 * (relance_database_begin()), as an import is all or nothing.
 */
typedef struct _RelanceBulkInsert RelanceBulkInsert;

gboolean           relance_bulk_set_foreign_keys  (RelanceDatabase          *db,
                                                   gboolean                  enabled,
                                                   GError                  **error);

RelanceBulkInsert *relance_bulk_insert_new        (RelanceDatabase          *db,
                                                   gint64                    import_id,
                                                   GError                  **error);
void               relance_bulk_insert_free       (RelanceBulkInsert        *self);

gint64             relance_bulk_insert_invoice    (RelanceBulkInsert        *self,
                                                   const RelanceInvoiceRow  *row,
                                                   GError                  **error);
gboolean           relance_bulk_insert_invoices   (RelanceBulkInsert        *self,
                                                   const RelanceInvoiceRow * const *rows,
                                                   guint                     n_rows,
                                                   gint64                   *ids,
                                                   GError                  **error);
gint64             relance_bulk_insert_contact    (RelanceBulkInsert        *self,
                                                   RelanceContact           *contact,
                                                   GError                  **error);
gint64             relance_bulk_insert_payment    (RelanceBulkInsert        *self,
                                                   const RelancePaymentRow  *row,
                                                   GError                  **error);
gboolean           relance_bulk_insert_allocation (RelanceBulkInsert        *self,
                                                   gint64                    payment_id,
                                                   gint64                    invoice_id,
                                                   gint64                    amount_cents,
                                                   RelanceDate               date,
                                                   GError                  **error);
gboolean           relance_bulk_insert_defer_indexes   (RelanceBulkInsert  *self,
                                                        const char         *table,
                                                        GError            **error);
gboolean           relance_bulk_insert_restore_indexes (RelanceBulkInsert  *self,
                                                        GError            **error);
gboolean           relance_bulk_insert_set_import_sha256 (RelanceBulkInsert *self,
                                                          const char        *sha256,
                                                          GError           **error);
gint64             relance_bulk_insert_count_rows      (RelanceBulkInsert  *self,
                                                        const char         *table);
gboolean           relance_bulk_find_invoice      (RelanceBulkInsert        *self,
                                                   const char               *number,
                                                   gint64                   *id,
                                                   gint64                   *import_id,
                                                   GError                  **error);
gboolean           relance_bulk_find_payment      (RelanceBulkInsert        *self,
                                                   const char               *reference,
                                                   gint64                   *id,
                                                   gint64                   *import_id,
                                                   GError                  **error);
gboolean           relance_bulk_insert_credit_allocation (RelanceBulkInsert  *self,
                                                          gint64              credit_note_id,
                                                          gint64              invoice_id,
                                                          gint64              amount_cents,
                                                          RelanceDate         date,
                                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceBulkInsert, relance_bulk_insert_free)

G_END_DECLS
