/* relance-timeline-store.h — everything that happened with a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceTimelineRow:
 * @date: the day of the event (issue date, payment date, allocation
 *   date, done or planned date of an action, day a dispute was opened or
 *   resolved, day a promise was made or closed, UTC day of a note,
 *   date printed on a document, UTC day a mail was sent or queued)
 * @time: (nullable): when it was recorded, UTC ISO 8601
 * @kind: "invoice" (also fees and interest), "credit_note", "payment",
 *   "allocation", "action", "dispute", "promise", "note", "document"
 *   (a generated document) or "mail" (a dunning email)
 * @who: (nullable): the login who recorded or did it, "server" for the
 *   automatic actions of the daily run
 * @title: a line for people, in the language of the locale
 * @status: (nullable): a code: invoice open, paid, disputed, litigation
 *   or cancelled; payment allocated, partly_allocated, unallocated or
 *   rejected; action planned, done, cancelled or failed; dispute open,
 *   justified or unjustified; promise open, kept, broken or cancelled;
 *   mail queued, sent, outbox or failed
 * @has_amount: whether @amount_cents and @currency mean something
 * @amount_cents: the amount of the invoice, payment, allocation,
 *   dispute or promise (Σ of its instalments)
 * @currency: its currency, "" without amount
 * @reference: (nullable): the invoice number, payment reference, or the
 *   id of the action, dispute, promise, note, document or mail
 * @document_id: the document of a "document" row, the first document
 *   made for an "action" row, else 0
 * @items: (nullable): the numbers of the invoices an action or a dispute
 *   concerns, comma-separated, by due date; %NULL when none
 *
 * One line of the timeline, plain data.
 */
typedef struct
{
  RelanceDate  date;
  char        *time;
  const char  *kind;
  char        *who;
  char        *title;
  char        *status;
  gboolean     has_amount;
  gint64       amount_cents;
  char         currency[4];
  char        *reference;
  gint64       document_id;
  char        *items;
} RelanceTimelineRow;

void       relance_timeline_row_free     (RelanceTimelineRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceTimelineRow, relance_timeline_row_free)

/* A page of the timeline of @actor_id (RelanceTimelineRow *, freed by the
 * array), newest first: by date, then time recorded, descending, from
 * row @offset, at most @limit rows (0: all). One query. */
GPtrArray *relance_timeline_store_list  (RelanceDatabase  *db,
                                         gint64            actor_id,
                                         guint             offset,
                                         guint             limit,
                                         GError          **error);
/* The number of rows of the timeline of @actor_id; -1 with @error set
 * when SQLite fails. */
gint64     relance_timeline_store_count (RelanceDatabase  *db,
                                         gint64            actor_id,
                                         GError          **error);

G_END_DECLS
