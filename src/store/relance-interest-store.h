/* relance-interest-store.h — what late interest is computed from, and
 * what was already charged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceInterestDebtor:
 * @actor_id: the actor
 * @code: its code (owned)
 * @kind: company (B2B) or person (B2C)
 * @has_contractual_rate: whether a contractual late interest rate is set
 * @contractual_rate_bp: that rate in basis points, when set
 */
typedef struct
{
  gint64            actor_id;
  char             *code;
  RelanceActorKind  kind;
  gboolean          has_contractual_rate;
  int               contractual_rate_bp;
} RelanceInterestDebtor;

/**
 * RelanceLateItemRow:
 * @id: the item's id
 * @number: its number (owned)
 * @kind: invoice, credit note, fee or interest
 * @due_date: its due date
 * @amount_cents: its amount incl. tax
 * @allocated_cents: Σ of all its allocations, whatever their date
 * @currency: its currency
 */
typedef struct
{
  gint64              id;
  char               *number;
  RelanceInvoiceKind  kind;
  RelanceDate         due_date;
  gint64              amount_cents;
  gint64              allocated_cents;
  char                currency[4];
} RelanceLateItemRow;

/**
 * RelanceDatedAmount:
 * @date: the allocation's date: the day the money settled the item
 * @amount_cents: the amount allocated
 */
typedef struct
{
  RelanceDate date;
  gint64      amount_cents;
} RelanceDatedAmount;

/**
 * RelanceInterestCharged:
 * @interest_cents: Σ of the interest already invoiced on the item
 * @interest_until: the last day that interest covers, or
 *   %RELANCE_DATE_NONE when none was charged
 * @indemnity_cents: Σ of the fixed indemnities already invoiced on it
 * @has_indemnity: whether the indemnity was charged
 */
typedef struct
{
  gint64      interest_cents;
  RelanceDate interest_until;
  gint64      indemnity_cents;
  gboolean    has_indemnity;
} RelanceInterestCharged;

typedef enum
{
  RELANCE_CHARGE_KIND_INTEREST,
  RELANCE_CHARGE_KIND_INDEMNITY,
} RelanceChargeKind;

gboolean  relance_interest_store_get_debtor           (RelanceDatabase        *db,
                                                       gint64                  actor_id,
                                                       RelanceInterestDebtor  *debtor,
                                                       GError                **error);
void      relance_interest_debtor_clear               (RelanceInterestDebtor  *debtor);
gboolean  relance_interest_store_set_contractual_rate (RelanceDatabase        *db,
                                                       gint64                  actor_id,
                                                       gboolean                has_rate,
                                                       int                     rate_bp,
                                                       GError                **error);

GArray   *relance_interest_store_list_late_items      (RelanceDatabase        *db,
                                                       gint64                  actor_id,
                                                       RelanceDate             day,
                                                       GError                **error);
void      relance_late_item_row_clear                 (RelanceLateItemRow     *row);
GArray   *relance_interest_store_list_allocations     (RelanceDatabase        *db,
                                                       gint64                  invoice_id,
                                                       GError                **error);

gboolean  relance_interest_store_get_charged          (RelanceDatabase        *db,
                                                       gint64                  invoice_id,
                                                       RelanceInterestCharged *charged,
                                                       GError                **error);
gboolean  relance_interest_store_record               (RelanceDatabase        *db,
                                                       gint64                  invoice_id,
                                                       gint64                  charge_invoice_id,
                                                       RelanceChargeKind       kind,
                                                       RelanceDate             from_date,
                                                       RelanceDate             to_date,
                                                       gint64                  amount_cents,
                                                       GError                **error);

G_END_DECLS
