/* relance-interest.h — late payment interest and the 40 € indemnity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/* The fixed recovery indemnity of Code de commerce D441-5: 40 €, in
 * euro cents whatever the currency of the invoice, not subject to VAT. */
#define RELANCE_INDEMNITY_CENTS 4000
#define RELANCE_INDEMNITY_CURRENCY "EUR"

/* L441-10: the ECB rate of the half-year + 10 points, and a contractual
 * rate at least 3 × the legal interest rate. The law's formula, not a
 * rate: the rates themselves are data (relance-rate-store.h). */
#define RELANCE_B2B_MARGIN_BP 1000
#define RELANCE_CONTRACTUAL_FLOOR_FACTOR 3

/* Simple interest on a 365-day year (DOMAIN.md), rates in basis points:
 * interest = base × rate_bp × days / (10 000 × 365) */
#define RELANCE_INTEREST_DIVISOR (10000 * 365)

/**
 * RelanceInterestBasis:
 * @RELANCE_INTEREST_BASIS_ECB_PLUS_10: a company debtor without a
 *   contractual rate: the ECB rate of each half-year + 10 points
 * @RELANCE_INTEREST_BASIS_CONTRACTUAL: a company debtor with a
 *   contractual rate (actor.contractual_rate_bp)
 * @RELANCE_INTEREST_BASIS_LEGAL: a consumer: the legal interest rate of
 *   each half-year (the « autres cas » value, see relance-interest.c)
 */
typedef enum
{
  RELANCE_INTEREST_BASIS_ECB_PLUS_10,
  RELANCE_INTEREST_BASIS_CONTRACTUAL,
  RELANCE_INTEREST_BASIS_LEGAL,
} RelanceInterestBasis;

/**
 * RelanceInterestWarningKind:
 * @RELANCE_INTEREST_WARNING_BELOW_FLOOR: the contractual rate is below
 *   3 × the legal interest rate of a half-year (L441-10)
 * @RELANCE_INTEREST_WARNING_FLOOR_UNCHECKED: no legal interest rate in
 *   the table for a half-year, so the floor could not be checked
 * @RELANCE_INTEREST_WARNING_STALE_LEGAL_RATE: the table has no legal
 *   interest rate for a half-year: the one of an earlier half-year was used
 * @RELANCE_INTEREST_WARNING_CONTRACTUAL_IGNORED: a contractual rate is set
 *   on a consumer, who owes the legal rate
 * @RELANCE_INTEREST_WARNING_OVERCHARGED: more interest was charged on an
 *   invoice than is computed now (a payment entered later with an earlier
 *   date, a corrected rate): nothing more is charged; a credit note is a
 *   person's decision
 */
typedef enum
{
  RELANCE_INTEREST_WARNING_BELOW_FLOOR,
  RELANCE_INTEREST_WARNING_FLOOR_UNCHECKED,
  RELANCE_INTEREST_WARNING_STALE_LEGAL_RATE,
  RELANCE_INTEREST_WARNING_CONTRACTUAL_IGNORED,
  RELANCE_INTEREST_WARNING_OVERCHARGED,
} RelanceInterestWarningKind;

/**
 * RelanceInterestWarning:
 * @kind: what is wrong
 * @half_year: the half-year concerned ("2024-H1"), or ""
 * @rate_bp: the rate concerned (the contractual one), or 0
 * @floor_bp: the floor (3 × the legal rate), or 0
 * @invoice_number: (nullable): the invoice concerned (owned)
 * @message: a translated sentence that says what to do (owned)
 */
typedef struct
{
  RelanceInterestWarningKind  kind;
  char                        half_year[8];
  int                         rate_bp;
  int                         floor_bp;
  char                       *invoice_number;
  char                       *message;
} RelanceInterestWarning;

/**
 * RelanceInterestSegment:
 * @from: its first day
 * @to: its last day, included
 * @days: @to − @from + 1
 * @rate_bp: the annual rate of its half-year, in basis points
 * @base_cents: the amount that bears interest on each of its days
 * @half_year: "2024-H1" (1 January–30 June) or "2024-H2"
 *
 * Days late of one invoice in one half-year at one base: a period is cut
 * at 1 January, at 1 July and after each payment.
 */
typedef struct
{
  RelanceDate from;
  RelanceDate to;
  int         days;
  int         rate_bp;
  gint64      base_cents;
  char        half_year[8];
} RelanceInterestSegment;

/**
 * RelanceInterestLine:
 * @invoice_id: the invoice
 * @number: its number (owned)
 * @currency: its currency (the interest's; the indemnity is in euros)
 * @due_date: its due date
 * @amount_cents: its amount incl. tax
 * @base_cents: what remained unpaid on its due date, the first base
 * @until: the last day bearing interest: the payment date, or D when
 *   still unpaid on D
 * @segments: (element-type RelanceInterestSegment): the days late, in
 *   order
 * @interest_cents: Σ base × rate × days / (10 000 × 365) over the
 *   segments, rounded once, half away from zero
 * @indemnity_cents: 4000 for a company debtor, 0 for a consumer
 * @charged_interest_cents: interest already invoiced on it
 * @charged_until: the last day that interest covers, or
 *   %RELANCE_DATE_NONE
 * @charged_indemnity_cents: indemnity already invoiced on it
 */
typedef struct
{
  gint64       invoice_id;
  char        *number;
  char         currency[4];
  RelanceDate  due_date;
  gint64       amount_cents;
  gint64       base_cents;
  RelanceDate  until;
  GArray      *segments;
  gint64       interest_cents;
  gint64       indemnity_cents;
  gint64       charged_interest_cents;
  RelanceDate  charged_until;
  gint64       charged_indemnity_cents;
} RelanceInterestLine;

/**
 * RelanceInterestTotal:
 * @currency: a currency
 * @interest_cents: Σ interest of the invoices in it
 * @charged_interest_cents: Σ already invoiced
 */
typedef struct
{
  char   currency[4];
  gint64 interest_cents;
  gint64 charged_interest_cents;
} RelanceInterestTotal;

/**
 * RelanceInterestStatement:
 * @actor_id: the customer
 * @code: its code (owned)
 * @day: the evaluation day D
 * @debtor_kind: company (B2B) or person (B2C)
 * @basis: how the rate is set
 * @contractual_rate_bp: the contractual rate when @basis says so
 * @lines: (element-type RelanceInterestLine): the late invoices by due
 *   date
 * @currency: the company currency, that of the totals below
 * @total_interest_cents: Σ interest of the lines in @currency
 * @total_charged_interest_cents: Σ already invoiced, in @currency
 * @total_indemnity_cents: Σ indemnities, in euros
 * @total_charged_indemnity_cents: Σ already invoiced, in euros
 * @other_totals: (element-type RelanceInterestTotal): the interest of
 *   the lines in other currencies, one per currency, by code; never
 *   added to the above
 * @warnings: (element-type RelanceInterestWarning): what a person should
 *   look at; none stops the computation
 */
typedef struct
{
  gint64                actor_id;
  char                 *code;
  RelanceDate           day;
  RelanceActorKind      debtor_kind;
  RelanceInterestBasis  basis;
  int                   contractual_rate_bp;
  GArray               *lines;
  char                  currency[4];
  gint64                total_interest_cents;
  gint64                total_charged_interest_cents;
  gint64                total_indemnity_cents;
  gint64                total_charged_indemnity_cents;
  GArray               *other_totals;
  GArray               *warnings;
} RelanceInterestStatement;

/**
 * relance_interest_compute:
 * @db: a database
 * @actor_id: the customer
 * @day: the evaluation day D
 * @error: a #GError
 *
 * The late interest and the indemnities owed by a customer on D, invoice
 * by invoice, with what was already charged. Seeds the rate table first
 * when it is empty (relance_rates_seed()). Rules: DOMAIN.md and the
 * comment at the top of relance-interest.c.
 *
 * Returns: (transfer full): the statement, or %NULL with @error set
 *   (RELANCE_ENGINE_ERROR_NO_RATE when the rate of a half-year is
 *   missing from the table)
 */
RelanceInterestStatement *relance_interest_compute        (RelanceDatabase  *db,
                                                           gint64            actor_id,
                                                           RelanceDate       day,
                                                           GError          **error);
void                      relance_interest_statement_free (RelanceInterestStatement *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceInterestStatement, relance_interest_statement_free)

/**
 * relance_interest_charge:
 * @db: a database, inside the caller's transaction (the daily run's)
 * @actor_id: the customer
 * @day: the evaluation day D
 * @interest_cents: (out) (optional): interest invoiced by this call
 * @indemnity_cents: (out) (optional): fixed indemnities invoiced by this call
 * @error: a #GError
 *
 * Invoices the late interest not yet charged on the customer's late items
 * (up to their payment, or to D) as one item of kind interest, and the
 * 40 € indemnity (D441-5) once per late invoice of a professional debtor
 * as items of kind fee; records what was charged so that a second call for
 * the same day charges nothing. Rules and rates: DOMAIN.md.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean relance_interest_charge (RelanceDatabase  *db,
                                  gint64            actor_id,
                                  RelanceDate       day,
                                  gint64           *interest_cents,
                                  gint64           *indemnity_cents,
                                  GError          **error);

/* The rate table */
gboolean     relance_rates_seed           (RelanceDatabase  *db,
                                           guint            *n_added,
                                           GError          **error);
gboolean     relance_b2b_rate_for_day     (RelanceDatabase  *db,
                                           RelanceDate       day,
                                           int              *rate_bp,
                                           GError          **error);
gboolean     relance_legal_rate_for_day   (RelanceDatabase  *db,
                                           RelanceRateKind   kind,
                                           RelanceDate       day,
                                           int              *rate_bp,
                                           RelanceDate      *valid_from,
                                           GError          **error);

/* Half-years and rates as people write them */
RelanceDate  relance_half_year_first_day  (RelanceDate       day);
RelanceDate  relance_half_year_last_day   (RelanceDate       day);
void         relance_half_year_label      (RelanceDate       day,
                                           char              label[8]);
gboolean     relance_rate_parse           (const char       *text,
                                           int              *rate_bp,
                                           GError          **error);
char        *relance_rate_format          (int               rate_bp,
                                           const char       *language);

G_END_DECLS
