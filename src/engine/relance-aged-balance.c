/* relance-aged-balance.c — open amounts per actor by days past due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the open items ordered by actor appends one row per actor
 * and adds each item to a cell of a flat array of cents; one pass over the
 * unallocated payments and one over the actors' codes and names join with
 * those rows by a forward-only cursor. No hash table, no query per actor.
 */
#define G_LOG_DOMAIN "relance-aged-balance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "relance-actor-index.h"
#include "relance-aged-balance.h"
#include "relance-engine-error.h"
#include "relance-figures.h"

/* Bounds of a spec: a century of days either way is plenty */
#define SPEC_BOUND_LIMIT 36500

struct _RelanceAgedBuckets
{
  guint  n;
  char  *labels[RELANCE_AGED_MAX_BUCKETS];
  int    max_days[RELANCE_AGED_MAX_BUCKETS];
};

/* The result with what its public struct points into */
typedef struct
{
  RelanceAgedBalance  pub;
  GStringChunk       *strings;
  gint64             *cells;
} AgedBalance;

/* One actor while the passes run; its bucket cents are cells
 * [cells_offset, cells_offset + n_buckets) of the state's cells. */
typedef struct
{
  gint64      actor_id;
  gint64      unallocated_cents;
  guint       cells_offset;
  int         open_items;
  const char *code;
  const char *name;
} AgedRow;

typedef struct
{
  const RelanceAgedBuckets *buckets;
  RelanceDate               day;
  char                      currency[4];
  GArray                   *rows;   /* AgedRow */
  GArray                   *cells;  /* gint64 */
  GStringChunk             *strings;
  guint                     cursor; /* for the join passes */
} AgedState;

/* Helpers */

static gboolean
same_currency (const char *a,
               const char *b)
{
  return memcmp (a, b, 3) == 0;
}

static void
append_row (AgedState *st,
            gint64     actor_id)
{
  AgedRow row = { 0 };

  row.actor_id = actor_id;
  row.cells_offset = st->cells->len;
  g_array_append_val (st->rows, row);
  g_array_set_size (st->cells, st->cells->len + st->buckets->n);
}

static int
compare_actor_id (gconstpointer a,
                  gconstpointer b)
{
  const AgedRow *ra = a;
  const AgedRow *rb = b;

  return ra->actor_id < rb->actor_id ? -1 : ra->actor_id > rb->actor_id;
}

static int
compare_code (gconstpointer a,
              gconstpointer b)
{
  const RelanceAgedBalanceRow *ra = a;
  const RelanceAgedBalanceRow *rb = b;
  int cmp = strcmp (ra->code, rb->code);

  if (cmp != 0)
    return cmp;
  return ra->actor_id < rb->actor_id ? -1 : ra->actor_id > rb->actor_id;
}

/* Moves the cursor to the row of @actor_id; NULL when it has none */
static AgedRow *
seek_row (AgedState *st,
          gint64     actor_id)
{
  AgedRow *rows = (AgedRow *) (void *) st->rows->data;

  if (st->cursor < st->rows->len && rows[st->cursor].actor_id > actor_id)
    st->cursor = 0;  /* not ordered as promised: still correct, slower */
  while (st->cursor < st->rows->len && rows[st->cursor].actor_id < actor_id)
    st->cursor++;
  if (st->cursor < st->rows->len && rows[st->cursor].actor_id == actor_id)
    return &rows[st->cursor];
  return NULL;
}

static gboolean
add_open_item_cb (const RelanceInvoiceRow *item,
                  gpointer                 user_data)
{
  AgedState *st = user_data;
  AgedRow *row;
  guint bucket;

  if (!same_currency (item->currency, st->currency))
    return TRUE;

  if (st->rows->len == 0 ||
      g_array_index (st->rows, AgedRow, st->rows->len - 1).actor_id != item->actor_id)
    append_row (st, item->actor_id);
  row = &g_array_index (st->rows, AgedRow, st->rows->len - 1);

  bucket = relance_aged_buckets_find (st->buckets, (int) (st->day - item->due_date));
  g_array_index (st->cells, gint64, row->cells_offset + bucket) +=
    item->amount_cents - item->allocated_cents;
  row->open_items++;
  return TRUE;
}

static gboolean
add_unallocated_cb (const RelanceUnallocatedRow *payment,
                    gpointer                     user_data)
{
  AgedState *st = user_data;
  AgedRow *row;

  if (!same_currency (payment->currency, st->currency))
    return TRUE;

  row = seek_row (st, payment->actor_id);
  if (row == NULL)
    {
      /* An actor with only unallocated payments: a row of its own, put
       * in place by a sort once the pass is over */
      append_row (st, payment->actor_id);
      row = &g_array_index (st->rows, AgedRow, st->rows->len - 1);
    }
  row->unallocated_cents -= payment->unallocated_cents;
  return TRUE;
}

static gboolean
add_identity_cb (const RelanceActorIndexRow *actor,
                 gpointer                    user_data)
{
  AgedState *st = user_data;
  AgedRow *row = seek_row (st, actor->id);

  if (row != NULL)
    {
      row->code = g_string_chunk_insert (st->strings, actor->code ? actor->code : "");
      row->name = g_string_chunk_insert (st->strings, actor->name ? actor->name : "");
    }
  return TRUE;
}

/* @part / @whole in basis points. A whole near zero (credit notes and
 * unallocated payments almost cancelling the debts) can make a share
 * enormous: clamp it rather than overflow. */
static int
share (gint64 part,
       gint64 whole)
{
  gint64 bp = relance_money_mul_div_round (part, 10000, whole);

  return (int) CLAMP (bp, G_MININT, G_MAXINT);
}

static char *
make_label (const RelanceAgedBuckets *self,
            guint                     index,
            int                       max_days)
{
  int lo;

  if (max_days == RELANCE_AGED_UNBOUNDED)
    {
      /* TRANSLATORS: an aged-balance column: more than %d days past due */
      return index == 0 ? g_strdup (_("All")) : g_strdup_printf (_("Over %d"), self->max_days[index - 1]);
    }
  if (index == 0)
    {
      if (max_days == 0)
        /* TRANSLATORS: an aged-balance column: items whose due date has not passed */
        return g_strdup (_("Not due"));
      if (max_days < 0)
        /* TRANSLATORS: an aged-balance column: due date at least %d days ahead */
        return g_strdup_printf (_("Due in %d days or more"), -max_days);
      /* TRANSLATORS: an aged-balance column: at most %d days past due */
      return g_strdup_printf (_("Up to %d"), max_days);
    }

  lo = self->max_days[index - 1] + 1;
  if (lo == max_days)
    return g_strdup_printf ("%d", lo);
  if (max_days <= 0)
    /* TRANSLATORS: an aged-balance column: due date %d to %d days ahead */
    return g_strdup_printf (_("Due in %d–%d days"), -max_days, -lo);
  /* TRANSLATORS: an aged-balance column: %d to %d days past due */
  return g_strdup_printf (_("%d–%d"), lo, max_days);
}

/* Bucket definitions */

RelanceAgedBuckets *
relance_aged_buckets_new (void)
{
  return g_new0 (RelanceAgedBuckets, 1);
}

RelanceAgedBuckets *
relance_aged_buckets_new_default (void)
{
  RelanceAgedBuckets *self = relance_aged_buckets_new_from_spec ("0,30,60,90,120", NULL);

  g_assert (self != NULL);
  return self;
}

RelanceAgedBuckets *
relance_aged_buckets_new_from_spec (const char  *spec,
                                    GError     **error)
{
  g_autoptr(RelanceAgedBuckets) self = relance_aged_buckets_new ();
  g_auto(GStrv) parts = NULL;
  guint n_parts, i;

  g_return_val_if_fail (spec != NULL, NULL);

  parts = g_strsplit (spec, ",", -1);
  n_parts = g_strv_length (parts);
  if (n_parts == 0 || n_parts >= RELANCE_AGED_MAX_BUCKETS)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_BUCKETS,
                   _("“%s” is not a list of buckets: give between 1 and %d numbers of days "
                     "separated by commas, e.g. 0,30,60,90,120"),
                   spec, RELANCE_AGED_MAX_BUCKETS - 1);
      return NULL;
    }

  for (i = 0; i < n_parts; i++)
    {
      const char *text = g_strstrip (parts[i]);
      gint64 bound;
      g_autofree char *label = NULL;

      if (!g_ascii_string_to_signed (text, 10, -SPEC_BOUND_LIMIT, SPEC_BOUND_LIMIT, &bound, NULL))
        {
          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_BUCKETS,
                       _("“%s” in the buckets “%s” is not a number of days between %d and %d"),
                       text, spec, -SPEC_BOUND_LIMIT, SPEC_BOUND_LIMIT);
          return NULL;
        }
      if (self->n > 0 && bound <= self->max_days[self->n - 1])
        {
          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_BUCKETS,
                       _("The buckets “%s” must go up: %d does not come after %d"),
                       spec, (int) bound, self->max_days[self->n - 1]);
          return NULL;
        }
      label = make_label (self, self->n, (int) bound);
      relance_aged_buckets_add (self, label, (int) bound);
    }
  {
    g_autofree char *label = make_label (self, self->n, RELANCE_AGED_UNBOUNDED);

    relance_aged_buckets_add (self, label, RELANCE_AGED_UNBOUNDED);
  }
  return g_steal_pointer (&self);
}

/**
 * relance_aged_buckets_add:
 * @self: the buckets
 * @label: the column's title, already translated
 * @max_days: its inclusive upper bound of days past due, above the
 *   previous one; %RELANCE_AGED_UNBOUNDED for the last
 *
 * Returns: %FALSE when the bound does not go up or the list is full
 */
gboolean
relance_aged_buckets_add (RelanceAgedBuckets *self,
                          const char         *label,
                          int                 max_days)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (self->n < RELANCE_AGED_MAX_BUCKETS, FALSE);
  g_return_val_if_fail (self->n == 0 || max_days > self->max_days[self->n - 1], FALSE);

  self->labels[self->n] = g_strdup (label);
  self->max_days[self->n] = max_days;
  self->n++;
  return TRUE;
}

RelanceAgedBuckets *
relance_aged_buckets_copy (const RelanceAgedBuckets *self)
{
  RelanceAgedBuckets *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  for (guint i = 0; i < self->n; i++)
    copy->labels[i] = g_strdup (self->labels[i]);
  return copy;
}

void
relance_aged_buckets_free (RelanceAgedBuckets *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n; i++)
    g_free (self->labels[i]);
  g_free (self);
}

guint
relance_aged_buckets_get_n (const RelanceAgedBuckets *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

const char *
relance_aged_buckets_get_label (const RelanceAgedBuckets *self,
                                guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n, NULL);
  return self->labels[index];
}

int
relance_aged_buckets_get_max_days (const RelanceAgedBuckets *self,
                                   guint                     index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n, 0);
  return self->max_days[index];
}

/**
 * relance_aged_buckets_find:
 * @self: non-empty buckets
 * @days_past_due: D − due date
 *
 * Returns: the first bucket whose bound is ≥ @days_past_due; the last one
 *   when the last bound is finite and below it
 */
guint
relance_aged_buckets_find (const RelanceAgedBuckets *self,
                           int                       days_past_due)
{
  guint i;

  g_return_val_if_fail (self != NULL && self->n > 0, 0);

  for (i = 0; i + 1 < self->n; i++)
    if (days_past_due <= self->max_days[i])
      return i;
  return self->n - 1;
}

/* The aged balance */

RelanceAgedBalance *
relance_aged_balance_compute (RelanceDatabase          *db,
                              const RelanceAgedBuckets *buckets,
                              RelanceDate               day,
                              const char               *currency,
                              gint64                    actor_id,
                              GError                  **error)
{
  g_autoptr(RelanceAgedBuckets) default_buckets = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (AgedRow));
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree char *company = NULL;
  AgedState st = { 0 };
  AgedBalance *result;
  RelanceAgedBalance *pub;
  const AgedRow *r;
  guint n, i, b;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day > 0, NULL);
  g_return_val_if_fail (buckets == NULL || buckets->n > 0, NULL);

  if (buckets == NULL)
    buckets = default_buckets = relance_aged_buckets_new_default ();
  if (currency == NULL)
    currency = company = relance_company_currency (db);
  if (!relance_currency_is_valid (currency))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_CURRENCY,
                   _("“%s” is not a currency code: use three capital letters (ISO 4217), e.g. EUR"),
                   currency);
      return NULL;
    }

  n = buckets->n;
  st.buckets = buckets;
  st.day = day;
  memcpy (st.currency, currency, 4);
  st.rows = rows;
  st.cells = cells;
  st.strings = g_string_chunk_new (64 * 1024);

  if (!relance_invoice_store_foreach_open (db, actor_id, add_open_item_cb, &st, error))
    goto failed;
  st.cursor = 0;
  if (!relance_payment_store_foreach_unallocated (db, actor_id, add_unallocated_cb, &st, error))
    goto failed;
  g_array_sort (rows, compare_actor_id);
  st.cursor = 0;
  if (rows->len > 0 &&
      !relance_actor_index_foreach (db, actor_id, add_identity_cb, &st, error))
    goto failed;

  result = g_new0 (AgedBalance, 1);
  pub = &result->pub;
  result->strings = g_steal_pointer (&st.strings);
  result->cells = g_new0 (gint64, (gsize) rows->len * n + 1);

  pub->day = day;
  memcpy (pub->currency, currency, 4);
  pub->buckets = relance_aged_buckets_copy (buckets);
  pub->n_buckets = n;
  pub->n_rows = rows->len;
  pub->rows = g_new0 (RelanceAgedBalanceRow, rows->len + 1);
  pub->total_bucket_cents = g_new0 (gint64, n);
  pub->bucket_basis_points = g_new0 (int, n);

  r = (const AgedRow *) (const void *) rows->data;
  for (i = 0; i < rows->len; i++)
    {
      RelanceAgedBalanceRow *out = &pub->rows[i];
      const gint64 *in = &g_array_index (cells, gint64, r[i].cells_offset);

      out->actor_id = r[i].actor_id;
      out->code = r[i].code ? r[i].code : "";
      out->name = r[i].name ? r[i].name : "";
      out->bucket_cents = result->cells + (gsize) i * n;
      out->unallocated_cents = r[i].unallocated_cents;
      out->open_items = r[i].open_items;
      out->total_cents = r[i].unallocated_cents;
      for (b = 0; b < n; b++)
        {
          out->bucket_cents[b] = in[b];
          out->total_cents += in[b];
          pub->total_bucket_cents[b] += in[b];
        }
      pub->total_unallocated_cents += out->unallocated_cents;
      pub->total_cents += out->total_cents;
    }

  /* For a report, in code order. The cells stay where they are: each
   * row points to its own. */
  qsort (pub->rows, pub->n_rows, sizeof (RelanceAgedBalanceRow), compare_code);

  if (pub->total_cents != 0)
    {
      for (b = 0; b < n; b++)
        pub->bucket_basis_points[b] = share (pub->total_bucket_cents[b], pub->total_cents);
      pub->unallocated_basis_points = share (pub->total_unallocated_cents, pub->total_cents);
    }

  return pub;

failed:
  g_string_chunk_free (st.strings);
  return NULL;
}

void
relance_aged_balance_free (RelanceAgedBalance *self)
{
  AgedBalance *priv = (AgedBalance *) self;

  if (self == NULL)
    return;
  relance_aged_buckets_free (self->buckets);
  g_free (self->rows);
  g_free (self->total_bucket_cents);
  g_free (self->bucket_basis_points);
  g_free (priv->cells);
  g_string_chunk_free (priv->strings);
  g_free (priv);
}

/**
 * relance_aged_balance_percent:
 * @self: an aged balance
 * @bucket: a bucket index, or n_buckets for the unallocated column
 *
 * Returns: the column's total as a percentage of the whole, 0 when the
 *   whole is 0
 */
double
relance_aged_balance_percent (const RelanceAgedBalance *self,
                              guint                     bucket)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (bucket <= self->n_buckets, 0.0);

  if (bucket == self->n_buckets)
    return self->unallocated_basis_points / 100.0;
  return self->bucket_basis_points[bucket] / 100.0;
}
