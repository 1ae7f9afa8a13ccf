/* relance-figures.c — the amounts of a customer (DOMAIN.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One code path computes the figures of one customer (the card) and of
 * every customer (the portfolio cache), in three passes: the open items
 * and the unallocated payments, which the store streams ordered by actor,
 * build one row per actor and currency with a cursor that only moves
 * forward; the sales of the last 24 months, read in storage order (a
 * sort of a million rows would cost more than the pass), find their row
 * by binary search in that sorted array. No hash table, no query per
 * actor. The invoices in an open dispute come first, as one sorted array
 * of ids that the pass over the open items searches.
 */
#define G_LOG_DOMAIN "relance-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "relance-engine-private.h"
#include "relance-figures.h"
#include "relance-sales-store.h"

/* How many rows between two looks at the cancellable and the progress */
#define CHECK_EVERY 16384

typedef struct
{
  RelanceDate           day;
  GArray               *rows;       /* RelanceFiguresRow */
  GCancellable         *cancellable;
  gboolean              cancelled;
  RelanceProgressFunc   progress;
  gpointer              progress_data;
  double                progress_base;
  double                progress_span;
  gint64                expected;   /* rows the pass may see, for progress */
  gint64                seen;

  /* The cursor: rows [actor_first, actor_end) belong to actor_id */
  gint64                actor_id;
  guint                 actor_first;
  guint                 actor_end;
  gboolean              unordered;

  /* Pass 1: the ids of the invoices in an open dispute, ascending */
  GArray               *disputed_ids;

  /* Pass 2: rows of actors or currencies that had no open item */
  GArray               *extra;

  /* Pass 3: the monthly sales of the rows whose outstanding is positive
   * (the others have a DSO of 0 whatever they sold): row i adds into
   * sales[slot_of_row[i] * RELANCE_DSO_MAX_MONTHS + month]. */
  const RelanceSalesCalendar *cal;
  guint32              *slot_of_row;
  gint64               *sales;
} FiguresState;

#define NO_SLOT G_MAXUINT32

/* Helpers */

static gboolean
same_currency (const char *a,
               const char *b)
{
  return memcmp (a, b, 3) == 0;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const RelanceFiguresRow *ra = a;
  const RelanceFiguresRow *rb = b;

  if (ra->actor_id != rb->actor_id)
    return ra->actor_id < rb->actor_id ? -1 : 1;
  return memcmp (ra->currency, rb->currency, 3);
}

static void
init_row (RelanceFiguresRow *row,
          gint64             actor_id,
          const char        *currency)
{
  memset (row, 0, sizeof *row);
  row->actor_id = actor_id;
  memcpy (row->currency, currency, 3);
  row->currency[3] = '\0';
}

/* Counts a row of a pass; FALSE when the work was cancelled */
static gboolean
tick (FiguresState *st)
{
  if (++st->seen % CHECK_EVERY != 0)
    return TRUE;
  if (g_cancellable_is_cancelled (st->cancellable))
    {
      st->cancelled = TRUE;
      return FALSE;
    }
  if (st->progress != NULL && st->expected > 0)
    st->progress (st->progress_base +
                  st->progress_span * MIN (1.0, (double) st->seen / (double) st->expected),
                  NULL, st->progress_data);
  return TRUE;
}

static void
start_pass (FiguresState *st,
            double        base,
            double        span,
            gint64        expected,
            const char   *what)
{
  st->progress_base = base;
  st->progress_span = span;
  st->expected = expected;
  st->seen = 0;
  st->actor_id = G_MININT64;
  st->actor_first = st->actor_end = 0;
  if (st->progress != NULL)
    st->progress (base, what, st->progress_data);
}

/* Moves the cursor to the rows of @actor_id (an empty range when it has
 * none); the store streams actors in ascending order. */
static void
seek_actor (FiguresState *st,
            gint64        actor_id)
{
  RelanceFiguresRow *rows = (RelanceFiguresRow *) (void *) st->rows->data;
  guint i;

  if (actor_id == st->actor_id)
    return;
  if (actor_id < st->actor_id && !st->unordered)
    {
      st->unordered = TRUE;
      g_critical ("the store did not stream rows ordered by actor");
    }
  i = actor_id < st->actor_id ? 0 : st->actor_end;
  while (i < st->rows->len && rows[i].actor_id < actor_id)
    i++;
  st->actor_first = i;
  while (i < st->rows->len && rows[i].actor_id == actor_id)
    i++;
  st->actor_end = i;
  st->actor_id = actor_id;
}

static RelanceFiguresRow *
find_currency (FiguresState *st,
               const char   *currency,
               guint        *index)
{
  RelanceFiguresRow *rows = (RelanceFiguresRow *) (void *) st->rows->data;

  for (guint i = st->actor_first; i < st->actor_end; i++)
    if (same_currency (rows[i].currency, currency))
      {
        if (index)
          *index = i;
        return &rows[i];
      }
  return NULL;
}

/* Pass 1: open items. Rows are appended as actors come, so the cursor
 * range is always the tail of the array. */
static gboolean
add_open_item_cb (const RelanceInvoiceRow *item,
                  gpointer                 user_data)
{
  FiguresState *st = user_data;
  RelanceFiguresRow *row;
  gint64 remaining = item->amount_cents - item->allocated_cents;

  if (item->actor_id != st->actor_id)
    {
      if (item->actor_id < st->actor_id && !st->unordered)
        {
          st->unordered = TRUE;
          g_critical ("the store did not stream open items ordered by actor");
        }
      st->actor_id = item->actor_id;
      st->actor_first = st->actor_end = st->rows->len;
    }

  row = find_currency (st, item->currency, NULL);
  if (row == NULL)
    {
      RelanceFiguresRow fresh;

      init_row (&fresh, item->actor_id, item->currency);
      g_array_append_val (st->rows, fresh);
      st->actor_end = st->rows->len;
      row = &g_array_index (st->rows, RelanceFiguresRow, st->rows->len - 1);
    }

  row->global_cents += item->amount_cents;
  row->partial_cents += item->allocated_cents;
  row->open_items++;
  if (st->disputed_ids->len > 0 && relance_dispute_ids_contain (st->disputed_ids, item->id))
    row->disputed_cents += remaining;
  if (item->litigation)
    row->litigation_cents += remaining;
  if (item->due_date < st->day)
    {
      row->overdue_cents += remaining;
      /* A credit note lowers the overdue amount but is not itself late:
       * the oldest overdue item is the oldest one still owed. */
      if (remaining > 0 &&
          (row->oldest_due_date == 0 || item->due_date < row->oldest_due_date))
        {
          row->oldest_due_date = item->due_date;
          row->days_late = relance_days_late (item->due_date, st->day);
        }
    }
  return tick (st);
}

/* Pass 2: unallocated payments */
static gboolean
add_unallocated_cb (const RelanceUnallocatedRow *payment,
                    gpointer                     user_data)
{
  FiguresState *st = user_data;
  RelanceFiguresRow *row;

  seek_actor (st, payment->actor_id);
  row = find_currency (st, payment->currency, NULL);
  if (row == NULL)
    {
      RelanceFiguresRow *extra = (RelanceFiguresRow *) (void *) st->extra->data;
      guint n = st->extra->len;

      /* Several payment rows of one actor and currency come together */
      if (n > 0 && extra[n - 1].actor_id == payment->actor_id &&
          same_currency (extra[n - 1].currency, payment->currency))
        row = &extra[n - 1];
      else
        {
          RelanceFiguresRow fresh;

          init_row (&fresh, payment->actor_id, payment->currency);
          g_array_append_val (st->extra, fresh);
          row = &g_array_index (st->extra, RelanceFiguresRow, st->extra->len - 1);
        }
    }
  row->unallocated_cents += payment->unallocated_cents;
  return tick (st);
}

/* Pass 3: the sales. The rows are sorted by actor: a binary search finds
 * an actor's rows, skipped when the sale is of the actor just seen. */
static void
find_actor_rows (FiguresState *st,
                 gint64        actor_id)
{
  const RelanceFiguresRow *rows = (const RelanceFiguresRow *) (const void *) st->rows->data;
  guint lo = 0, hi = st->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rows[mid].actor_id < actor_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  st->actor_id = actor_id;
  st->actor_first = st->actor_end = lo;
  while (st->actor_end < st->rows->len && rows[st->actor_end].actor_id == actor_id)
    st->actor_end++;
}

static void
add_sale (FiguresState *st,
          gint64        actor_id,
          const char   *currency,
          RelanceDate   issue_date,
          gint64        amount_cents)
{
  int month = relance_sales_calendar_month (st->cal, issue_date);
  guint index;

  if (month < 0)
    return;
  if (actor_id != st->actor_id)
    find_actor_rows (st, actor_id);
  if (find_currency (st, currency, &index) == NULL || st->slot_of_row[index] == NO_SLOT)
    return;
  st->sales[(gsize) st->slot_of_row[index] * RELANCE_DSO_MAX_MONTHS + month] += amount_cents;
}

static gboolean
add_issued_item_cb (const RelanceInvoiceRow *item,
                    gpointer                 user_data)
{
  FiguresState *st = user_data;

  /* Fees and late interest are no sales (DOMAIN.md: invoices and credit
   * notes), as in the portfolio's scan of relance-sales-store.c */
  if (item->kind == RELANCE_INVOICE_KIND_INVOICE || item->kind == RELANCE_INVOICE_KIND_CREDIT_NOTE)
    add_sale (st, item->actor_id, item->currency, item->issue_date, item->amount_cents);
  return tick (st);
}

static gboolean
add_sale_cb (const RelanceSaleRow *sale,
             gpointer              user_data)
{
  FiguresState *st = user_data;

  add_sale (st, sale->actor_id, sale->currency, sale->issue_date, sale->amount_cents);
  return tick (st);
}

static gboolean
fail_if_cancelled (FiguresState  *st,
                   GError       **error)
{
  if (!st->cancelled)
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The computation of the figures was cancelled"));
  return TRUE;
}

/* Private API */

GArray *
relance_figures_compute_rows (RelanceDatabase     *db,
                              gint64               actor_id,
                              RelanceDate          day,
                              GCancellable        *cancellable,
                              RelanceProgressFunc  progress,
                              gpointer             progress_data,
                              GError             **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RelanceFiguresRow));
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (RelanceFiguresRow));
  g_autoptr(GArray) disputed_ids = NULL;
  g_autofree RelanceSalesCalendar *cal = g_new (RelanceSalesCalendar, 1);
  RelanceFiguresRow *r;
  FiguresState st = { 0 };
  guint32 n_slots = 0;
  gboolean ok;
  gint64 expected;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day > 0, NULL);

  relance_sales_calendar_init (cal, day);
  st.day = day;
  st.rows = rows;
  st.extra = extra;
  st.cal = cal;
  st.cancellable = cancellable;
  st.progress = progress;
  st.progress_data = progress_data;

  /* An upper bound of the rows of the invoice passes, for progress only */
  expected = actor_id == 0 && progress != NULL ? relance_invoice_store_count (db) : 0;

  disputed_ids = relance_dispute_store_open_invoice_ids (db, actor_id, error);
  if (disputed_ids == NULL)
    return NULL;
  st.disputed_ids = disputed_ids;

  start_pass (&st, 0.0, 0.4, expected, _("Reading the open items"));
  if (!relance_invoice_store_foreach_open (db, actor_id, add_open_item_cb, &st, error) ||
      fail_if_cancelled (&st, error))
    return NULL;

  start_pass (&st, 0.4, 0.1, 0, _("Reading the unallocated payments"));
  if (!relance_payment_store_foreach_unallocated (db, actor_id, add_unallocated_cb, &st, error) ||
      fail_if_cancelled (&st, error))
    return NULL;

  if (extra->len > 0)
    g_array_append_vals (rows, extra->data, extra->len);
  /* Already ordered by actor; this orders the currencies of an actor and
   * places the rows of pass 2 */
  g_array_sort (rows, compare_rows);

  r = (RelanceFiguresRow *) (void *) rows->data;
  for (guint i = 0; i < rows->len; i++)
    r[i].outstanding_cents = r[i].global_cents - r[i].partial_cents - r[i].unallocated_cents;

  /* A sales slot for each row with something to explain */
  st.slot_of_row = g_new (guint32, rows->len + 1);
  for (guint i = 0; i < rows->len; i++)
    st.slot_of_row[i] = r[i].outstanding_cents > 0 ? n_slots++ : NO_SLOT;
  st.sales = g_new0 (gint64, (gsize) n_slots * RELANCE_DSO_MAX_MONTHS + 1);

  start_pass (&st, 0.5, 0.45, expected, _("Reading the sales of the last 24 months"));
  if (actor_id != 0)
    ok = relance_invoice_store_foreach_issued (db, actor_id, cal->from, day,
                                               add_issued_item_cb, &st, error);
  else
    ok = relance_sales_store_foreach_unordered (db, cal->from, day, add_sale_cb, &st, error);

  if (ok && !fail_if_cancelled (&st, error))
    for (guint i = 0; i < rows->len; i++)
      {
        static const gint64 no_sales[RELANCE_DSO_MAX_MONTHS] = { 0 };
        const gint64 *sales = st.slot_of_row[i] == NO_SLOT ? no_sales :
          st.sales + (gsize) st.slot_of_row[i] * RELANCE_DSO_MAX_MONTHS;

        relance_dso_walk (cal, r[i].outstanding_cents, sales, cal->n_months,
                          &r[i].dso_days, NULL, NULL, NULL);
        r[i].has_dso = TRUE;
      }
  else
    ok = FALSE;

  g_free (st.slot_of_row);
  g_free (st.sales);
  if (!ok)
    return NULL;

  return g_steal_pointer (&rows);
}

/* Public API */

char *
relance_company_currency (RelanceDatabase *db)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), g_strdup (RELANCE_DEFAULT_CURRENCY));

  value = relance_database_get_setting (db, "company_currency");
  if (!relance_currency_is_valid (value))
    return g_strdup (RELANCE_DEFAULT_CURRENCY);
  return g_steal_pointer (&value);
}

GArray *
relance_customer_figures_compute (RelanceDatabase *db,
                                  gint64           actor_id,
                                  RelanceDate      evaluation_day,
                                  GError         **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *company = NULL;
  GArray *result;
  const RelanceFiguresRow *r;
  RelanceFiguresRow first;
  guint i;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor_id > 0, NULL);
  g_return_val_if_fail (evaluation_day > 0, NULL);

  rows = relance_figures_compute_rows (db, actor_id, evaluation_day, NULL, NULL, NULL, error);
  if (rows == NULL)
    return NULL;

  company = relance_company_currency (db);
  result = g_array_sized_new (FALSE, FALSE, sizeof (RelanceFiguresRow), rows->len + 1);

  /* The company currency first, always: zeros when nothing is in it */
  init_row (&first, actor_id, company);
  first.has_dso = TRUE;
  r = (const RelanceFiguresRow *) (const void *) rows->data;
  for (i = 0; i < rows->len; i++)
    if (same_currency (r[i].currency, company))
      first = r[i];
  g_array_append_val (result, first);

  /* Then the others, already in alphabetical order */
  for (i = 0; i < rows->len; i++)
    if (!same_currency (r[i].currency, company))
      g_array_append_val (result, r[i]);

  return result;
}
