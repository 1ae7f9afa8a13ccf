/* relance-dispute-store.h — disputes (litiges) on invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* The ids (gint64) of the invoices in an open dispute, of one actor or of
 * all (@actor_id 0), sorted ascending, for a binary search: a disputed
 * item is left out of dunning and counted in the disputed amount. */
GArray *relance_dispute_store_open_invoice_ids (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                GError          **error);

/* TRUE when @invoice_id is in @ids, an array that
 * relance_dispute_store_open_invoice_ids() returned (binary search). */
gboolean relance_dispute_ids_contain           (GArray           *ids,
                                                gint64            invoice_id);

typedef enum
{
  RELANCE_DISPUTE_STATUS_OPEN,
  RELANCE_DISPUTE_STATUS_JUSTIFIED,    /* resolved by a credit note */
  RELANCE_DISPUTE_STATUS_UNJUSTIFIED,  /* resolved: the items go back into dunning */
} RelanceDisputeStatus;

const char *relance_dispute_status_to_string   (RelanceDisputeStatus  status);
gboolean    relance_dispute_status_from_string (const char           *text,
                                                RelanceDisputeStatus *status);

/**
 * RelanceDispute:
 * @id: 0 until stored
 * @actor_id: the customer
 * @reason: why the customer contests (price, quality, delivery…)
 * @amount_cents: the amount contested, > 0
 * @currency: the currency of the invoices
 * @owner: (nullable): the login of the user who handles it
 * @status: open, justified or unjustified
 * @opened_on: the day it was opened
 * @resolved_on: the day it was resolved, 0 while open
 * @resolution: (nullable): the comment of the resolution
 * @credit_note_id: the credit note of a justified dispute, else 0
 * @credit_note_number: (nullable): its number
 * @comment: (nullable): a comment
 * @created_at: (nullable): UTC timestamp, set by the store
 * @created_by: (nullable): login, set by the store
 * @invoice_ids: (element-type gint64): the invoices contested
 * @invoice_numbers: (element-type utf8): their numbers, in the same order
 *   (filled when read from the store)
 *
 * A dispute as a plain struct; free it with relance_dispute_free().
 */
typedef struct
{
  gint64                id;
  gint64                actor_id;
  char                 *reason;
  gint64                amount_cents;
  char                  currency[4];
  char                 *owner;
  RelanceDisputeStatus  status;
  RelanceDate           opened_on;
  RelanceDate           resolved_on;
  char                 *resolution;
  gint64                credit_note_id;
  char                 *credit_note_number;
  char                 *comment;
  char                 *created_at;
  char                 *created_by;
  GArray               *invoice_ids;
  GPtrArray            *invoice_numbers;
} RelanceDispute;

RelanceDispute *relance_dispute_new  (void);
void            relance_dispute_free (RelanceDispute *dispute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceDispute, relance_dispute_free)

/* Writes a new dispute (id 0) and its invoices with an audit line; sets
 * its id, created_at and created_by. No business check: the engine's
 * relance_disputes_open() validates first. */
gboolean        relance_dispute_store_insert   (RelanceDatabase  *db,
                                                RelanceDispute   *dispute,
                                                GError          **error);
/* Returns NULL with no error when there is no such dispute. */
RelanceDispute *relance_dispute_store_find     (RelanceDatabase  *db,
                                                gint64            id,
                                                GError          **error);
/* Disputes (RelanceDispute *, freed by the array) of one actor or of all
 * (@actor_id 0), newest first; with @open_only only the open ones. */
GPtrArray      *relance_dispute_store_list     (RelanceDatabase  *db,
                                                gint64            actor_id,
                                                gboolean          open_only,
                                                GError          **error);
/* Records the resolution of an open dispute, with an audit line holding
 * the state before and after: @status justified or unjustified, the day,
 * the comment, and the credit note (0 for none) that the caller wrote in
 * the same transaction. RELANCE_STORE_ERROR_NOT_FOUND when the dispute
 * is not open any more. */
gboolean        relance_dispute_store_resolve  (RelanceDatabase      *db,
                                                gint64                id,
                                                RelanceDisputeStatus  status,
                                                RelanceDate           resolved_on,
                                                const char           *resolution,
                                                gint64                credit_note_id,
                                                GError              **error);

G_END_DECLS
