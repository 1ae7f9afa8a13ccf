/* relance-customer-row.h — one visible line of the portfolio list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CUSTOMER_ROW (relance_customer_row_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCustomerRow, relance_customer_row, RELANCE, CUSTOMER_ROW, GObject)

RelanceCustomerRow *relance_customer_row_new                   (const RelancePortfolioRow *row);
gint64              relance_customer_row_get_actor_id          (RelanceCustomerRow *self);
const char         *relance_customer_row_get_code              (RelanceCustomerRow *self);
const char         *relance_customer_row_get_name              (RelanceCustomerRow *self);
const char         *relance_customer_row_get_segment           (RelanceCustomerRow *self);
const char         *relance_customer_row_get_siren             (RelanceCustomerRow *self);
const char         *relance_customer_row_get_agent             (RelanceCustomerRow *self);
const char         *relance_customer_row_get_currency          (RelanceCustomerRow *self);
gint64              relance_customer_row_get_outstanding_cents (RelanceCustomerRow *self);
gint64              relance_customer_row_get_overdue_cents     (RelanceCustomerRow *self);
int                 relance_customer_row_get_days_late         (RelanceCustomerRow *self);
gboolean            relance_customer_row_get_has_dso           (RelanceCustomerRow *self);
double              relance_customer_row_get_dso_days          (RelanceCustomerRow *self);

G_END_DECLS
