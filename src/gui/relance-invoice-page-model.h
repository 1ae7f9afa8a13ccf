/* relance-invoice-page-model.h — every item of a customer, paged from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_INVOICE_PAGE_MODEL (relance_invoice_page_model_get_type ())

G_DECLARE_FINAL_TYPE (RelanceInvoicePageModel, relance_invoice_page_model, RELANCE, INVOICE_PAGE_MODEL, GObject)

RelanceInvoicePageModel *relance_invoice_page_model_new  (void);
gboolean                 relance_invoice_page_model_load (RelanceInvoicePageModel  *self,
                                                          RelanceDatabase          *db,
                                                          gint64                    actor_id,
                                                          const char               *number_filter,
                                                          GError                  **error);
void                     relance_invoice_page_model_clear (RelanceInvoicePageModel *self);

G_END_DECLS
