/* relance-document-data.h — what a document says, gathered before it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/documents/. Everything a document prints is read here,
 * once, from the stores and the engine: the creditor, the debtor and its
 * dunning contact, the items claimed, the customer's figures, interest
 * and indemnity, fees, aged buckets, the promise and the agent. The
 * layouts (relance-documents.c) only draw it.
 */
#pragma once

#include "relance-documents.h"

G_BEGIN_DECLS

/**
 * RelanceDocumentItem:
 * @paid_cents: what payments and credit notes settled of it
 * @days_late: D − due date when positive, else 0
 *
 * One open item as a document prints it.
 */
typedef struct
{
  gint64              id;
  char               *number;
  RelanceInvoiceKind  kind;
  RelanceDate         issue_date;
  RelanceDate         due_date;
  gint64              amount_cents;
  gint64              paid_cents;
  gint64              remaining_cents;
  int                 days_late;
  gboolean            disputed;
  gboolean            indemnity;  /* a fee item that charged the 40 € indemnity */
} RelanceDocumentItem;

/* A payment not (fully) allocated: a negative line of the statement */
typedef struct
{
  char        *reference;
  RelanceDate  date;
  gint64       unallocated_cents;
} RelanceDocumentPayment;

/**
 * RelanceDocumentData:
 * @items: (element-type RelanceDocumentItem): every open item of the
 *   customer in @currency, by due date (the statement's lines)
 * @claimed: (element-type RelanceDocumentItem): the items the letter or
 *   notice claims: the request's, the action's, else the overdue items
 *   not in dispute
 * @interest: (nullable): the interest statement; %NULL when it could not
 *   be computed (@interest_error says why)
 * @principal_cents: Σ remaining of the claimed invoices and credit notes
 * @interest_cents: open interest items claimed + interest not yet
 *   charged on the claimed invoices
 * @indemnity_cents: open indemnity items claimed + indemnities not yet
 *   charged on the claimed invoices (0 for a consumer)
 * @fees_cents: the other open fee items claimed
 * @total_claimed_cents: the sum of the four
 *
 * Everything in the company currency: items in other currencies are
 * left out of the documents.
 */
typedef struct
{
  RelanceDate               day;
  char                     *language;
  char                      currency[4];
  int                       deadline_days;
  RelanceCompany           *company;
  RelanceActor             *actor;
  gboolean                  consumer;
  RelanceContact           *contact;
  RelanceCase              *dunning_case;
  RelanceAction            *action;
  char                     *step_template;
  char                     *agent_name;
  char                     *agent_email;
  char                     *agent_phone;
  GArray                   *items;
  GArray                   *claimed;
  GArray                   *payments;
  RelanceFiguresRow         figures;
  RelanceAgedBalance       *aged;
  RelanceInterestStatement *interest;
  GError                   *interest_error;
  int                       rate_bp;
  gint64                    principal_cents;
  gint64                    interest_cents;
  gint64                    indemnity_cents;
  gint64                    fees_cents;
  gint64                    total_claimed_cents;
  RelancePromise           *promise;
} RelanceDocumentData;

void                 relance_document_data_free    (RelanceDocumentData          *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceDocumentData, relance_document_data_free)

/* Reads what @request needs; @language is the one already chosen */
RelanceDocumentData *relance_document_data_gather  (RelanceDatabase              *db,
                                                    const RelanceDocumentRequest *request,
                                                    const char                   *language,
                                                    GError                      **error);
/* The language a document for @actor_id is written in when the request
 * says none: the dunning contact's, else the customer's, else "fr" */
char                *relance_document_data_language (RelanceDatabase             *db,
                                                     gint64                       actor_id,
                                                     GError                     **error);
/* The values of the text placeholders (name → text); a block
 * placeholder gets a plain-text rendering, for emails. */
GHashTable          *relance_document_data_values  (RelanceDocumentData          *data);
/* FALSE with the interest computation's error when @text uses a value
 * that depends on it and it failed */
gboolean             relance_document_data_check_interest (RelanceDocumentData   *data,
                                                           const char            *text,
                                                           GError               **error);

/* "30 juin 2025" / "30 June 2025" */
char                *relance_document_format_date  (RelanceDate                   date,
                                                    const char                   *language);
/* "30/06/2025" / "30/06/2025" as in the tables */
char                *relance_document_format_short_date (RelanceDate              date,
                                                         const char              *language);
/* The label of an aged bucket in the document's language (« Non échu »,
 * « 31 à 60 j », « Plus de 120 j »), whatever the locale; @previous is
 * the bound of the bucket before */
char                *relance_document_bucket_label (const char                  *language,
                                                    int                          previous,
                                                    int                          max_days,
                                                    gboolean                     first);
char                *relance_document_format_money (gint64                        cents,
                                                    const char                   *currency,
                                                    const char                   *language);

G_END_DECLS
