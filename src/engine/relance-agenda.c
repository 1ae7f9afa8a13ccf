/* relance-agenda.c — the agent's to-do list of the day (agenda / todo liste)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from the store (planned manual actions, filtered in
 * SQL); the figures of their customers from the portfolio cache when it
 * is current for D, else from one computation: of the customers of an
 * agent's agenda one by one, of the whole portfolio in one pass when the
 * agenda names more than a sixteenth of it.
 */
#define G_LOG_DOMAIN "relance-agenda"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-agenda.h"
#include "relance-engine-private.h"
#include "relance-figures.h"

/* One pass over the portfolio costs about as much as computing the
 * figures of one customer in this many (measured on the 100,000-customer
 * demo: 1 s against 0.15 ms a customer) */
#define FIGURES_ONE_PASS_RATIO 16

static const char * const colour_names[] = {
  [RELANCE_AGENDA_RED] = "red",
  [RELANCE_AGENDA_ORANGE] = "orange",
  [RELANCE_AGENDA_GREY] = "grey",
};

/* Helpers */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const RelanceAgendaItem *x = *(RelanceAgendaItem * const *) a;
  const RelanceAgendaItem *y = *(RelanceAgendaItem * const *) b;

  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;
  if (x->planned_date != y->planned_date)
    return x->planned_date < y->planned_date ? -1 : 1;
  return x->action_id < y->action_id ? -1 : x->action_id > y->action_id;
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const RelanceFiguresRow *x = a;
  const RelanceFiguresRow *y = b;

  if (x->actor_id != y->actor_id)
    return x->actor_id < y->actor_id ? -1 : 1;
  return memcmp (x->currency, y->currency, 3);
}

/* The figures of each actor of @rows, in one array sorted by actor and
 * currency */
static GArray *
figures_for_rows (RelanceDatabase  *db,
                  GPtrArray        *rows,
                  RelanceDate       day,
                  GError          **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) all = NULL;
  gboolean cached = relance_figures_store_is_current (db, day);

  for (guint i = 0; i < rows->len; i++)
    {
      RelanceAgendaRow *row = g_ptr_array_index (rows, i);

      g_hash_table_add (seen, &row->actor_id);
    }

  if (!cached &&
      (gint64) g_hash_table_size (seen) > relance_actor_store_count (db) / FIGURES_ONE_PASS_RATIO)
    return relance_figures_compute_rows (db, 0, day, NULL, NULL, NULL, error);

  all = g_array_new (FALSE, FALSE, sizeof (RelanceFiguresRow));
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gint64 actor_id = *(gint64 *) key;
        g_autoptr(GArray) one = cached ? relance_figures_store_get (db, actor_id, error)
                                       : relance_customer_figures_compute (db, actor_id, day,
                                                                           error);

        if (one == NULL)
          return NULL;
        g_array_append_vals (all, one->data, one->len);
      }
  }
  g_array_sort (all, compare_figures);
  return g_steal_pointer (&all);
}

static const RelanceFiguresRow *
find_figures (GArray     *figures,
              gint64      actor_id,
              const char *currency)
{
  RelanceFiguresRow key;
  const RelanceFiguresRow *rows = (const RelanceFiguresRow *) (const void *) figures->data;
  guint lo = 0, hi = figures->len;

  memset (&key, 0, sizeof key);
  key.actor_id = actor_id;
  g_strlcpy (key.currency, currency, sizeof key.currency);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = compare_figures (&rows[mid], &key);

      if (c == 0)
        return &rows[mid];
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* The earliest instalment not paid of the actor's open promises */
static RelanceDate
promise_due (GArray *promises,
             gint64  actor_id)
{
  RelanceDate due = 0;

  for (guint i = 0; i < promises->len; i++)
    {
      const RelanceOpenPromise *p = &g_array_index (promises, RelanceOpenPromise, i);

      if (p->actor_id == actor_id && p->next_due != 0 && (due == 0 || p->next_due < due))
        due = p->next_due;
    }
  return due;
}

static void
score (RelanceAgendaItem *item,
       RelanceDate        day)
{
  gint64 points = item->overdue_cents > 0 ? item->overdue_cents / RELANCE_PRIORITY_CENTS_PER_POINT : 0;

  item->parts.amount = (int) MIN (points, RELANCE_PRIORITY_AMOUNT_MAX);
  item->parts.days_late = MIN (MAX (item->days_late, 0), RELANCE_PRIORITY_DAYS_MAX);
  item->parts.promise_due = item->promise_due != 0 && item->promise_due <= day
                              ? RELANCE_PRIORITY_PROMISE_DUE : 0;
  item->parts.blocking = item->blocking ? RELANCE_PRIORITY_BLOCKING : 0;
  item->priority = item->parts.amount + item->parts.days_late + item->parts.promise_due +
                   item->parts.blocking;
}

static RelanceAgendaColour
colour_of (RelanceDate planned,
           RelanceDate day)
{
  if (planned < day)
    return RELANCE_AGENDA_RED;
  if (planned <= day + 1)
    return RELANCE_AGENDA_ORANGE;
  return RELANCE_AGENDA_GREY;
}

/* Public API */

const char *
relance_agenda_colour_to_string (RelanceAgendaColour colour)
{
  g_return_val_if_fail (colour <= RELANCE_AGENDA_GREY, "grey");
  return colour_names[colour];
}

void
relance_agenda_item_free (RelanceAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->customer_code);
  g_free (item->customer_name);
  g_free (item->title);
  g_free (item->assigned_to);
  g_free (item);
}

GPtrArray *
relance_agenda_list (RelanceDatabase            *db,
                     const char                 *user,
                     RelanceDate                 day,
                     const RelanceAgendaFilter  *filter,
                     GError                    **error)
{
  static const RelanceAgendaFilter no_filter = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GArray) promises = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *company = NULL;
  RelanceAgendaQuery query = { 0 };

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day > 0, NULL);

  if (filter == NULL)
    filter = &no_filter;
  query.assigned_to = user;
  query.from = filter->date_from;
  query.to = filter->date_to != 0 ? filter->date_to : day + 1;
  query.has_channel = filter->has_channel;
  query.channel = filter->channel;
  query.customer_code = filter->customer_code;
  query.agent = filter->agent;

  rows = relance_action_store_list_agenda (db, &query, error);
  if (rows == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_agenda_item_free);
  if (rows->len == 0)
    return g_steal_pointer (&items);

  figures = figures_for_rows (db, rows, day, error);
  if (figures == NULL)
    return NULL;
  promises = relance_promise_store_list_open (db, error);
  if (promises == NULL)
    return NULL;
  company = relance_company_currency (db);

  for (guint i = 0; i < rows->len; i++)
    {
      RelanceAgendaRow *row = g_ptr_array_index (rows, i);
      g_autoptr(RelanceAgendaItem) item = g_new0 (RelanceAgendaItem, 1);
      const RelanceFiguresRow *f;

      item->action_id = row->action_id;
      item->case_id = row->case_id;
      item->actor_id = row->actor_id;
      item->planned_date = row->planned_date;
      item->channel = row->channel;
      item->level = row->level;
      item->blocking = row->blocking;
      item->customer_code = g_strdup (row->actor_code);
      item->customer_name = g_strdup (row->actor_name);
      item->title = g_strdup (row->title);
      item->assigned_to = g_strdup (row->assigned_to);
      g_strlcpy (item->currency, row->currency[0] != '\0' ? row->currency : company,
                 sizeof item->currency);
      f = find_figures (figures, row->actor_id, item->currency);
      if (f != NULL)
        {
          item->overdue_cents = f->overdue_cents;
          item->days_late = f->days_late;
          item->has_dso = f->has_dso;
          item->dso_days = f->dso_days;
        }
      item->promise_due = promise_due (promises, row->actor_id);
      item->colour = colour_of (row->planned_date, day);
      score (item, day);

      if ((filter->has_amount_min && item->overdue_cents < filter->amount_min_cents) ||
          (filter->has_amount_max && item->overdue_cents > filter->amount_max_cents))
        continue;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}
