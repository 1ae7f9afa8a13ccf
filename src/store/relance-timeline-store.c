/* relance-timeline-store.c — everything that happened with a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One UNION ALL over the tables that hold events, each branch reading an
 * index on the actor, sorted and paged in SQL. Each branch gives the same
 * columns; the titles are written here in C, so that they are translated.
 * Who recorded an invoice or a payment comes from its import, else from
 * the audit line of its creation; who resolved a dispute or closed a
 * promise comes from the audit line of that change.
 */
#define G_LOG_DOMAIN "relance-timeline-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-timeline-store.h"
#include "relance-database-private.h"

/* The columns of every branch, in the order of row_from_statement():
 *   0 date, 1 time, 2 kind, 3 rank (the order of events recorded in the
 *   same second: an invoice before its payment before its allocation…),
 *   4 id, 5 who, 6 text, 7 detail, 8 number, 9 date2, 10 event,
 *   11 status, 12 amount, 13 currency, 14 reference, 15 document_id,
 *   16 items
 * text, detail, number and date2 are what the title is made of. */

/* The numbers of the items an action or a dispute concerns, by due
 * date: "F-001, F-002" */
#define ITEM_NUMBERS(table, key, id) \
  "(SELECT group_concat (number, ', ') FROM" \
  "   (SELECT i.number FROM " table " x JOIN invoice i ON i.id = x.invoice_id" \
  "    WHERE x." key " = " id " ORDER BY i.due_date, i.number))"

#define AUDIT_WHO(entity, id, action) \
  "(SELECT au.who FROM audit au WHERE au.entity = '" entity "'" \
  " AND au.entity_id = " id " AND au.action " action " ORDER BY au.id DESC LIMIT 1)"
#define AUDIT_AT(entity, id, action) \
  "(SELECT au.at FROM audit au WHERE au.entity = '" entity "'" \
  " AND au.entity_id = " id " AND au.action " action " ORDER BY au.id DESC LIMIT 1)"

#define BRANCH_INVOICE \
  "SELECT i.issue_date, i.created_at," \
  " CASE i.kind WHEN 1 THEN 'credit_note' ELSE 'invoice' END, 1, i.id," \
  " COALESCE (b.imported_by, " AUDIT_WHO ("invoice", "i.id", "= 'create'") ")," \
  " i.number, NULL, i.kind, i.due_date, 'create'," \
  " CASE WHEN i.cancelled <> 0 THEN 'cancelled'" \
  "  WHEN i.allocated_cents = i.amount_cents THEN 'paid'" \
  "  WHEN EXISTS (SELECT 1 FROM dispute_invoice di JOIN dispute d ON d.id = di.dispute_id" \
  "   WHERE di.invoice_id = i.id AND d.status = 'open') THEN 'disputed'" \
  "  WHEN i.litigation <> 0 THEN 'litigation'" \
  "  ELSE 'open' END," \
  " i.amount_cents, i.currency, i.number, 0, NULL" \
  " FROM invoice i LEFT JOIN import_batch b ON b.id = i.import_id" \
  " WHERE i.actor_id = ?1"

#define BRANCH_PAYMENT \
  "SELECT p.date, p.created_at, 'payment', 2, p.id," \
  " COALESCE (b.imported_by, " AUDIT_WHO ("payment", "p.id", "= 'create'") ")," \
  " p.reference, NULL, 0, 0, 'create'," \
  " CASE WHEN p.rejected <> 0 THEN 'rejected'" \
  "  WHEN p.allocated_cents = p.amount_cents THEN 'allocated'" \
  "  WHEN p.allocated_cents = 0 THEN 'unallocated'" \
  "  ELSE 'partly_allocated' END," \
  " p.amount_cents, p.currency, p.reference, 0, NULL" \
  " FROM payment p LEFT JOIN import_batch b ON b.id = p.import_id" \
  " WHERE p.actor_id = ?1"

#define BRANCH_ALLOCATION \
  "SELECT al.date, al.created_at, 'allocation', 3, al.id," \
  " COALESCE (" AUDIT_WHO ("allocation", "al.id", "= 'create'") ", b.imported_by)," \
  " p.reference, i.number, 0, 0, 'create', NULL," \
  " al.amount_cents, p.currency, i.number, 0, NULL" \
  " FROM allocation al JOIN payment p ON p.id = al.payment_id" \
  " JOIN invoice i ON i.id = al.invoice_id" \
  " LEFT JOIN import_batch b ON b.id = p.import_id" \
  " WHERE p.actor_id = ?1"

#define BRANCH_ACTION \
  "SELECT COALESCE (a.done_date, a.planned_date), a.created_at, 'action', 6, a.id," \
  " CASE WHEN a.automatic <> 0 THEN 'server'" \
  "  ELSE COALESCE (a.done_by, a.assigned_to, a.created_by) END," \
  " a.title, a.channel, a.automatic, 0, 'create', a.status," \
  " NULL, NULL, CAST (a.id AS TEXT)," \
  " COALESCE ((SELECT MIN (dc.id) FROM document dc WHERE dc.action_id = a.id), 0)," \
  " " ITEM_NUMBERS ("action_invoice", "action_id", "a.id") \
  " FROM action a WHERE a.actor_id = ?1"

#define BRANCH_DISPUTE_OPENED \
  "SELECT d.opened_on, d.created_at, 'dispute', 4, d.id, d.created_by," \
  " d.reason, " ITEM_NUMBERS ("dispute_invoice", "dispute_id", "d.id") "," \
  " 0, 0, 'create', d.status, d.amount_cents, d.currency, CAST (d.id AS TEXT), 0," \
  " " ITEM_NUMBERS ("dispute_invoice", "dispute_id", "d.id") \
  " FROM dispute d WHERE d.actor_id = ?1"

#define BRANCH_DISPUTE_RESOLVED \
  "SELECT d.resolved_on, " AUDIT_AT ("dispute", "d.id", "= 'resolve'") ", 'dispute', 5, d.id," \
  " " AUDIT_WHO ("dispute", "d.id", "= 'resolve'") "," \
  " d.resolution, cn.number, 0, 0, 'resolve', d.status, d.amount_cents, d.currency," \
  " CAST (d.id AS TEXT), 0, " ITEM_NUMBERS ("dispute_invoice", "dispute_id", "d.id") \
  " FROM dispute d LEFT JOIN invoice cn ON cn.id = d.credit_note_id" \
  " WHERE d.actor_id = ?1 AND d.resolved_on IS NOT NULL"

#define BRANCH_PROMISE_MADE \
  "SELECT p.made_on, p.created_at, 'promise', 4, p.id, p.created_by," \
  " p.comment, NULL," \
  " (SELECT count(*) FROM promise_instalment pi WHERE pi.promise_id = p.id)," \
  " (SELECT MAX (pi.due_date) FROM promise_instalment pi WHERE pi.promise_id = p.id)," \
  " 'create', p.status," \
  " (SELECT SUM (pi.amount_cents) FROM promise_instalment pi WHERE pi.promise_id = p.id)," \
  " p.currency, CAST (p.id AS TEXT), 0, NULL" \
  " FROM promise p WHERE p.actor_id = ?1"

#define CLOSING_ACTIONS "IN ('kept', 'broken', 'cancelled')"
#define BRANCH_PROMISE_CLOSED \
  "SELECT p.closed_on, " AUDIT_AT ("promise", "p.id", CLOSING_ACTIONS) ", 'promise', 5, p.id," \
  " " AUDIT_WHO ("promise", "p.id", CLOSING_ACTIONS) "," \
  " p.comment, NULL, 0, 0, 'close', p.status," \
  " (SELECT SUM (pi.paid_cents) FROM promise_instalment pi WHERE pi.promise_id = p.id)," \
  " p.currency, CAST (p.id AS TEXT), 0, NULL" \
  " FROM promise p WHERE p.actor_id = ?1 AND p.closed_on IS NOT NULL"

/* A note has no day of its own: the UTC day it was written, as a GDate
 * Julian day (julianday('0001-01-01') is 1721425.5, GDate's day 1). */
#define BRANCH_NOTE \
  "SELECT CAST (julianday (date (n.created_at)) - 1721424.5 AS INTEGER)," \
  " n.created_at, 'note', 7, n.id, n.created_by," \
  " n.text, NULL, 0, 0, 'create', NULL, NULL, NULL, CAST (n.id AS TEXT), 0, NULL" \
  " FROM note n WHERE n.actor_id = ?1"

/* A generated document: its bytes stay in the document table, the row
 * carries its id for the GUI to open it */
#define BRANCH_DOCUMENT \
  "SELECT dc.document_date, dc.created_at, 'document', 8, dc.id, dc.created_by," \
  " dc.title, dc.kind, 0, 0, 'create', NULL, NULL, NULL, CAST (dc.id AS TEXT), dc.id, NULL" \
  " FROM document dc WHERE dc.actor_id = ?1"

/* A dunning email, on the UTC day it was sent, else queued */
#define BRANCH_MAIL \
  "SELECT CAST (julianday (date (COALESCE (m.sent_at, m.created_at))) - 1721424.5 AS INTEGER)," \
  " m.created_at, 'mail', 9, m.id, m.created_by," \
  " m.subject, m.recipients, 0, 0, 'create', m.status, NULL, NULL, CAST (m.id AS TEXT), 0, NULL" \
  " FROM mail_message m WHERE m.actor_id = ?1"

#define SQL_LIST \
  BRANCH_INVOICE " UNION ALL " BRANCH_PAYMENT " UNION ALL " BRANCH_ALLOCATION \
  " UNION ALL " BRANCH_ACTION " UNION ALL " BRANCH_DISPUTE_OPENED \
  " UNION ALL " BRANCH_DISPUTE_RESOLVED " UNION ALL " BRANCH_PROMISE_MADE \
  " UNION ALL " BRANCH_PROMISE_CLOSED " UNION ALL " BRANCH_NOTE \
  " UNION ALL " BRANCH_DOCUMENT " UNION ALL " BRANCH_MAIL \
  " ORDER BY 1 DESC, 2 DESC, 4 DESC, 5 DESC" \
  " LIMIT ?2 OFFSET ?3"

#define SQL_COUNT \
  "SELECT (SELECT count(*) FROM invoice WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM payment WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM allocation al JOIN payment p ON p.id = al.payment_id" \
  "    WHERE p.actor_id = ?1)" \
  " + (SELECT count(*) FROM action WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM dispute WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM dispute WHERE actor_id = ?1 AND resolved_on IS NOT NULL)" \
  " + (SELECT count(*) FROM promise WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM promise WHERE actor_id = ?1 AND closed_on IS NOT NULL)" \
  " + (SELECT count(*) FROM note WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM document WHERE actor_id = ?1)" \
  " + (SELECT count(*) FROM mail_message WHERE actor_id = ?1)"

static const char * const kinds[] = {
  "invoice", "credit_note", "payment", "allocation", "action", "dispute", "promise", "note",
  "document", "mail",
};

/* Helpers */

static const char *
intern_kind (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i]) == 0)
      return kinds[i];
  g_return_val_if_reached ("note");
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* "Title — comment", or the title alone */
static char *
with_comment (char       *title,
              const char *comment)
{
  char *joined;

  if (comment == NULL || *comment == '\0')
    return title;
  joined = g_strdup_printf ("%s — %s", title, comment);
  g_free (title);
  return joined;
}

static char *
invoice_title (const char  *number,
               int          kind,
               RelanceDate  due_date)
{
  g_autofree char *due = relance_date_to_iso (due_date);

  switch (kind)
    {
    case RELANCE_INVOICE_KIND_CREDIT_NOTE:
      return g_strdup_printf (_("Credit note %s"), number);
    case RELANCE_INVOICE_KIND_FEE:
      return g_strdup_printf (_("Fee %s, due %s"), number, due);
    case RELANCE_INVOICE_KIND_INTEREST:
      return g_strdup_printf (_("Late interest %s, due %s"), number, due);
    default:
      return g_strdup_printf (_("Invoice %s, due %s"), number, due);
    }
}

static char *
dispute_title (const char *event,
               const char *status,
               const char *reference,
               const char *text,
               const char *detail)
{
  if (g_strcmp0 (event, "resolve") != 0)
    return g_strdup_printf (_("Dispute %s on %s: %s"), reference, detail ? detail : "",
                            text ? text : "");
  if (g_strcmp0 (status, "justified") == 0)
    return with_comment (g_strdup_printf (_("Dispute %s justified: credit note %s"),
                                          reference, detail ? detail : ""),
                         text);
  return with_comment (g_strdup_printf (_("Dispute %s unjustified: the invoices are dunned again"),
                                        reference),
                       text);
}

static char *
promise_title (const char  *event,
               const char  *status,
               const char  *comment,
               int          n_instalments,
               RelanceDate  last_due)
{
  g_autofree char *until = relance_date_to_iso (last_due);

  if (g_strcmp0 (event, "close") == 0)
    {
      if (g_strcmp0 (status, "kept") == 0)
        return g_strdup (_("Promise kept: every instalment paid"));
      if (g_strcmp0 (status, "broken") == 0)
        return g_strdup (_("Promise broken: an instalment was not paid in time"));
      return g_strdup (_("Promise cancelled"));
    }
  if (n_instalments <= 1)
    return with_comment (g_strdup_printf (_("Promise to pay on %s"), until), comment);
  return with_comment (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Arrangement of %d instalment until %s",
                                                     "Arrangement of %d instalments until %s",
                                                     n_instalments),
                                        n_instalments, until),
                       comment);
}

static RelanceTimelineRow *
row_from_statement (sqlite3_stmt *stmt)
{
  RelanceTimelineRow *row = g_new0 (RelanceTimelineRow, 1);
  const char *text = relance_column_text (stmt, 6);
  const char *detail = relance_column_text (stmt, 7);
  int number = sqlite3_column_int (stmt, 8);
  RelanceDate date2 = sqlite3_column_int (stmt, 9);
  const char *event = relance_column_text (stmt, 10);

  row->date = sqlite3_column_int (stmt, 0);
  row->time = dup_nonempty (relance_column_text (stmt, 1));
  row->kind = intern_kind (relance_column_text (stmt, 2));
  row->who = dup_nonempty (relance_column_text (stmt, 5));
  row->status = dup_nonempty (relance_column_text (stmt, 11));
  row->has_amount = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  row->amount_cents = sqlite3_column_int64 (stmt, 12);
  if (row->has_amount)
    g_strlcpy (row->currency, relance_column_text (stmt, 13) ? relance_column_text (stmt, 13) : "",
               sizeof row->currency);
  row->reference = dup_nonempty (relance_column_text (stmt, 14));
  row->document_id = sqlite3_column_int64 (stmt, 15);
  row->items = dup_nonempty (relance_column_text (stmt, 16));

  if (g_str_equal (row->kind, "invoice") || g_str_equal (row->kind, "credit_note"))
    row->title = invoice_title (text, number, date2);
  else if (g_str_equal (row->kind, "payment"))
    row->title = g_strdup_printf (_("Payment %s"), text);
  else if (g_str_equal (row->kind, "allocation"))
    row->title = g_strdup_printf (_("Payment %s allocated to %s"), text, detail);
  else if (g_str_equal (row->kind, "action"))
    row->title = g_strdup (text);
  else if (g_str_equal (row->kind, "dispute"))
    row->title = dispute_title (event, row->status, row->reference, text, detail);
  else if (g_str_equal (row->kind, "promise"))
    row->title = promise_title (event, row->status, text, number, date2);
  else if (g_str_equal (row->kind, "mail"))
    row->title = g_strdup_printf (_("Email to %s: %s"), detail ? detail : "", text ? text : "");
  else
    row->title = g_strdup (text);
  return row;
}

/* Public API */

void
relance_timeline_row_free (RelanceTimelineRow *row)
{
  if (row == NULL)
    return;
  g_free (row->time);
  g_free (row->who);
  g_free (row->title);
  g_free (row->status);
  g_free (row->reference);
  g_free (row->items);
  g_free (row);
}

/**
 * relance_timeline_store_list:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @offset: the first row of the page
 * @limit: the most rows to return, 0 for all
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceTimelineRow): the
 *   rows, newest first; %NULL with @error set when SQLite fails
 */
GPtrArray *
relance_timeline_store_list (RelanceDatabase  *db,
                             gint64            actor_id,
                             guint             offset,
                             guint             limit,
                             GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  /* LIMIT −1 is no limit in SQLite */
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_timeline_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the timeline"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/**
 * relance_timeline_store_count:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: the number of rows relance_timeline_store_list() would give
 *   without a limit, or -1 with @error set
 */
gint64
relance_timeline_store_count (RelanceDatabase  *db,
                              gint64            actor_id,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("count the timeline"));
  sqlite3_reset (stmt);
  return count;
}
