/* relance-figures-store.c — the portfolio figures cache and its queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-figures-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-figures-store.h"
#include "relance-database-private.h"

#define STAMP_KEY "figures_stamp"

#define FIGURES_COLUMNS \
  "actor_id, currency, global_cents, partial_cents, unallocated_cents," \
  " outstanding_cents, overdue_cents, disputed_cents, litigation_cents," \
  " open_items, oldest_due_date, days_late, dso_days"
#define SQL_DELETE_ALL "DELETE FROM actor_figures"
#define SQL_INSERT \
  "INSERT INTO actor_figures (" FIGURES_COLUMNS ")" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
#define SQL_GET \
  "SELECT " FIGURES_COLUMNS " FROM actor_figures WHERE actor_id = ?1" \
  " ORDER BY currency <> ?2, currency"
/* The cache has no foreign key (see the schema): an actor that does not
 * exist is found by one query over the new rows instead */
#define SQL_UNKNOWN_ACTOR \
  "SELECT f.actor_id, f.currency FROM actor_figures f" \
  " WHERE NOT EXISTS (SELECT 1 FROM actor a WHERE a.id = f.actor_id) LIMIT 1"
/* The indexes of the cache that CREATE INDEX made (its primary key
 * stays) */
#define SQL_INDEXES \
  "SELECT name, sql FROM sqlite_schema" \
  " WHERE type = 'index' AND tbl_name = 'actor_figures' AND sql IS NOT NULL" \
  " ORDER BY name"

/* From this many rows, the four indexes of the cache are dropped and
 * built again after the inserts: the rows come in actor order and each
 * index wants another, so keeping them row by row is four inserts at
 * random places per row. Measured on the 75,000 rows of a demo of
 * 100,000 customers: 0.55 s for the whole write against 0.75 s. */
#define REBUILD_INDEXES_MIN_ROWS 2000

/* The portfolio query
 *
 * ?1 is the company currency, ?2 the folded filter with its LIKE
 * wildcards escaped, ?3 the limit and ?4 the offset. Every ORDER BY comes
 * from the fixed tables below, chosen by the sort enum: nothing the user
 * types ever becomes SQL text. Each text is one statement prepared once
 * per connection.
 *
 * The order: the sort column, then the code, ascending in both
 * directions, as a secondary sort stays when a column view reverses its
 * primary one; no DSO comes last in both directions. The name sorts by
 * search_key, the folded name followed by the folded code, so that
 * "Électricité" sorts with the E; equal keys (same name, codes that fold
 * alike) by id.
 *
 * Three plans keep a page fast on 100,000 actors:
 *
 * - code, name, segment without a filter: the page's ids come from a
 *   covering index on (active, column), so that the offset skips index
 *   entries only; the 100 rows are then read by id.
 * - a figure without a filter: see query_page_merged().
 * - any sort with a filter: one pass over the table (NOT INDEXED: an
 *   index on active alone would read the table in random order), then a
 *   sort of the rows that match. */
#define PORTFOLIO_COLUMNS \
  "a.id, a.code, a.name, a.segment, a.siren, a.agent," \
  " COALESCE(f.outstanding_cents, 0), COALESCE(f.overdue_cents, 0)," \
  " COALESCE(f.days_late, 0), f.dso_days"
#define PORTFOLIO_FIGURES \
  " LEFT JOIN actor_figures f ON f.actor_id = a.id AND f.currency = ?1"
#define PORTFOLIO_FILTER \
  " AND (a.code LIKE ?2 || '%' ESCAPE '\\'" \
  " OR a.siren LIKE ?2 || '%' ESCAPE '\\'" \
  " OR a.search_key LIKE '%' || ?2 || '%' ESCAPE '\\')"

/* The subquery has a LIMIT, so SQLite does not flatten it; CROSS JOIN
 * keeps it the outer loop. */
#define INDEXED_PAGE_SQL(inner_order, outer_order) \
  "SELECT " PORTFOLIO_COLUMNS \
  " FROM (SELECT id FROM actor WHERE active = 1 ORDER BY " inner_order \
  " LIMIT ?3 OFFSET ?4) p" \
  " CROSS JOIN actor a ON a.id = p.id" PORTFOLIO_FIGURES \
  " ORDER BY " outer_order

/* [sort][descending], for the sorts up to SEGMENT */
static const char * const indexed_page_sql[][2] = {
  [RELANCE_PORTFOLIO_SORT_CODE] = {
    INDEXED_PAGE_SQL ("code", "a.code"),
    INDEXED_PAGE_SQL ("code DESC", "a.code DESC"),
  },
  [RELANCE_PORTFOLIO_SORT_NAME] = {
    INDEXED_PAGE_SQL ("search_key, id", "a.search_key, a.id"),
    INDEXED_PAGE_SQL ("search_key DESC, id DESC", "a.search_key DESC, a.id DESC"),
  },
  [RELANCE_PORTFOLIO_SORT_SEGMENT] = {
    INDEXED_PAGE_SQL ("segment, code", "a.segment, a.code"),
    INDEXED_PAGE_SQL ("segment DESC, code", "a.segment DESC, a.code"),
  },
};

#define FILTERED_PAGE_SQL(order) \
  "SELECT " PORTFOLIO_COLUMNS \
  " FROM actor a NOT INDEXED" PORTFOLIO_FIGURES \
  " WHERE a.active = 1" PORTFOLIO_FILTER \
  " ORDER BY " order " LIMIT ?3 OFFSET ?4"

/* [sort][descending] */
static const char * const filtered_page_sql[][2] = {
  [RELANCE_PORTFOLIO_SORT_CODE] = {
    FILTERED_PAGE_SQL ("a.code"),
    FILTERED_PAGE_SQL ("a.code DESC"),
  },
  [RELANCE_PORTFOLIO_SORT_NAME] = {
    FILTERED_PAGE_SQL ("a.search_key, a.id"),
    FILTERED_PAGE_SQL ("a.search_key DESC, a.id DESC"),
  },
  [RELANCE_PORTFOLIO_SORT_SEGMENT] = {
    FILTERED_PAGE_SQL ("a.segment, a.code"),
    FILTERED_PAGE_SQL ("a.segment DESC, a.code"),
  },
  [RELANCE_PORTFOLIO_SORT_OUTSTANDING] = {
    FILTERED_PAGE_SQL ("COALESCE(f.outstanding_cents, 0), a.code"),
    FILTERED_PAGE_SQL ("COALESCE(f.outstanding_cents, 0) DESC, a.code"),
  },
  [RELANCE_PORTFOLIO_SORT_OVERDUE] = {
    FILTERED_PAGE_SQL ("COALESCE(f.overdue_cents, 0), a.code"),
    FILTERED_PAGE_SQL ("COALESCE(f.overdue_cents, 0) DESC, a.code"),
  },
  [RELANCE_PORTFOLIO_SORT_DAYS_LATE] = {
    FILTERED_PAGE_SQL ("COALESCE(f.days_late, 0), a.code"),
    FILTERED_PAGE_SQL ("COALESCE(f.days_late, 0) DESC, a.code"),
  },
  [RELANCE_PORTFOLIO_SORT_DSO] = {
    FILTERED_PAGE_SQL ("f.dso_days IS NULL, f.dso_days, a.code"),
    FILTERED_PAGE_SQL ("f.dso_days IS NULL, f.dso_days DESC, a.code"),
  },
};

/* Sorting by a figure without a filter, a single statement would read
 * every active actor and its figures to sort them. Instead two cursors
 * come sorted from indexes and are merged in C (query_page_merged()):
 * "left", the active actors that have figures, in the order of the index
 * on the figure (actor_figures_outstanding…), and "right", those that have
 * none (their figure is 0, or no DSO), in the order of (active, code). A
 * page then costs the rows before it rather than the whole portfolio,
 * and a page past the middle is read from the other end, with cursors in
 * the exact reverse order. */
/* SQLite would look actors up by rowid, in the table; the covering index
 * (id, active, code) is several times smaller, and INDEXED BY also makes
 * the statement fail to prepare, loudly, if the index goes missing. */
#define MERGE_LEFT_SQL(figure, condition, order) \
  "SELECT f.actor_id, a.code, f." figure \
  " FROM actor_figures f" \
  " JOIN actor a INDEXED BY actor_id_active_code ON a.id = f.actor_id" \
  " WHERE f.currency = ?1" condition " AND a.active = 1" \
  " ORDER BY " order
#define MERGE_LEFT(figure, condition) \
  { { MERGE_LEFT_SQL (figure, condition, "f." figure ", a.code"), \
      MERGE_LEFT_SQL (figure, condition, "f." figure " DESC, a.code DESC") }, \
    { MERGE_LEFT_SQL (figure, condition, "f." figure " DESC, a.code"), \
      MERGE_LEFT_SQL (figure, condition, "f." figure ", a.code DESC") } }
#define MERGE_RIGHT_SQL(condition, order) \
  "SELECT a.id, a.code FROM actor a" \
  " WHERE a.active = 1 AND NOT EXISTS (SELECT 1 FROM actor_figures f" \
  " WHERE f.actor_id = a.id AND f.currency = ?1" condition ")" \
  " ORDER BY " order
#define MERGE_RIGHT(condition) \
  { MERGE_RIGHT_SQL (condition, "a.code"), MERGE_RIGHT_SQL (condition, "a.code DESC") }

#define FIRST_FIGURE_SORT RELANCE_PORTFOLIO_SORT_OUTSTANDING

/* [sort - FIRST_FIGURE_SORT][descending][backward] */
static const char * const merge_left_sql[][2][2] = {
  MERGE_LEFT ("outstanding_cents", ""),
  MERGE_LEFT ("overdue_cents", ""),
  MERGE_LEFT ("days_late", ""),
  MERGE_LEFT ("dso_days", " AND f.dso_days IS NOT NULL"),
};

/* [sort - FIRST_FIGURE_SORT][backward] */
static const char * const merge_right_sql[][2] = {
  MERGE_RIGHT (""),
  MERGE_RIGHT (""),
  MERGE_RIGHT (""),
  MERGE_RIGHT (" AND f.dso_days IS NOT NULL"),
};

/* Up to this offset a figure page is read forward without counting the
 * portfolio first: walking 1,000 rows costs about what the count does. */
#define MERGE_FORWARD_OFFSET 1000

#define SQL_PAGE_ROW \
  "SELECT " PORTFOLIO_COLUMNS " FROM actor a" PORTFOLIO_FIGURES \
  " WHERE a.id = ?2 AND a.active = 1"

#define SQL_COUNT "SELECT count(*) FROM actor WHERE active = 1"
#define SQL_COUNT_FILTERED \
  "SELECT count(*) FROM actor a NOT INDEXED WHERE a.active = 1" PORTFOLIO_FILTER

G_STATIC_ASSERT (G_N_ELEMENTS (indexed_page_sql) == FIRST_FIGURE_SORT);
G_STATIC_ASSERT (G_N_ELEMENTS (filtered_page_sql) == RELANCE_PORTFOLIO_SORT_DSO + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (merge_left_sql) ==
                 RELANCE_PORTFOLIO_SORT_DSO - FIRST_FIGURE_SORT + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (merge_right_sql) == G_N_ELEMENTS (merge_left_sql));

static void
get_company_currency (RelanceDatabase *db,
                      char             currency[4])
{
  g_autofree char *value = relance_database_get_setting (db, "company_currency");

  if (value == NULL || !relance_currency_is_valid (value))
    g_strlcpy (currency, RELANCE_DEFAULT_CURRENCY, 4);
  else
    g_strlcpy (currency, value, 4);
}

/* The filter as the query wants it: folded like search_key, with the
 * LIKE wildcards of the user's text escaped; NULL when it is empty. */
static char *
make_like_filter (const char *filter)
{
  g_autofree char *folded = NULL;
  GString *escaped;

  if (filter == NULL)
    return NULL;
  folded = g_strstrip (relance_fold_for_search (filter));
  if (*folded == '\0')
    return NULL;

  escaped = g_string_sized_new (strlen (folded) + 8);
  for (const char *p = folded; *p; p++)
    {
      if (*p == '\\' || *p == '%' || *p == '_')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

static void
fill_figures_row (sqlite3_stmt      *stmt,
                  RelanceFiguresRow *row)
{
  const char *currency = relance_column_text (stmt, 1);

  row->actor_id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (row->currency, currency ? currency : "", sizeof row->currency);
  row->global_cents = sqlite3_column_int64 (stmt, 2);
  row->partial_cents = sqlite3_column_int64 (stmt, 3);
  row->unallocated_cents = sqlite3_column_int64 (stmt, 4);
  row->outstanding_cents = sqlite3_column_int64 (stmt, 5);
  row->overdue_cents = sqlite3_column_int64 (stmt, 6);
  row->disputed_cents = sqlite3_column_int64 (stmt, 7);
  row->litigation_cents = sqlite3_column_int64 (stmt, 8);
  row->open_items = sqlite3_column_int (stmt, 9);
  row->oldest_due_date = sqlite3_column_int (stmt, 10);
  row->days_late = sqlite3_column_int (stmt, 11);
  row->has_dso = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  row->dso_days = row->has_dso ? sqlite3_column_double (stmt, 12) : 0.0;
}

static RelancePortfolioRow *
portfolio_row_new (sqlite3_stmt *stmt,
                   const char   *currency)
{
  RelancePortfolioRow *row = g_new0 (RelancePortfolioRow, 1);

  row->actor_id = sqlite3_column_int64 (stmt, 0);
  row->code = g_strdup (relance_column_text (stmt, 1));
  row->name = g_strdup (relance_column_text (stmt, 2));
  row->segment = g_strdup (relance_column_text (stmt, 3));
  row->siren = g_strdup (relance_column_text (stmt, 4));
  row->agent = g_strdup (relance_column_text (stmt, 5));
  g_strlcpy (row->currency, currency, sizeof row->currency);
  row->outstanding_cents = sqlite3_column_int64 (stmt, 6);
  row->overdue_cents = sqlite3_column_int64 (stmt, 7);
  row->days_late = sqlite3_column_int (stmt, 8);
  row->has_dso = sqlite3_column_type (stmt, 9) != SQLITE_NULL;
  row->dso_days = row->has_dso ? sqlite3_column_double (stmt, 9) : 0.0;
  return row;
}

static gboolean
parse_stamp (const char  *stamp,
             RelanceDate *day,
             gint64      *data_version)
{
  const char *colon;
  char *end;
  gint64 value;

  if (stamp == NULL || (colon = strchr (stamp, ':')) == NULL)
    return FALSE;
  value = g_ascii_strtoll (stamp, &end, 10);
  if (end != colon || value <= 0 || value > G_MAXINT32)
    return FALSE;
  *day = (RelanceDate) value;
  *data_version = g_ascii_strtoll (colon + 1, &end, 10);
  return end != colon + 1 && *end == '\0';
}

/* Refuses figures of an actor that does not exist, as a foreign key
 * would */
static gboolean
check_actors (RelanceDatabase  *db,
              GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_UNKNOWN_ACTOR, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                 _("Customer %" PRId64 " in %s: there is no such customer; "
                   "the figures were not written."),
                 (gint64) sqlite3_column_int64 (stmt, 0), relance_column_text (stmt, 1));
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("check the customers of the figures"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Drops the indexes of the cache, inside the caller's transaction (a
 * rollback brings them back), and returns their CREATE INDEX statements
 * to run after the inserts; %NULL on error. */
static GPtrArray *
drop_indexes (RelanceDatabase  *db,
              GError          **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = relance_database_prepare (db, SQL_INDEXES, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (relance_column_text (stmt, 0)));
      g_ptr_array_add (sql, g_strdup (relance_column_text (stmt, 1)));
    }
  /* Reset before the DROP: a statement still running on the schema
   * would lock it */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("list the indexes of the figures"));
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                               (const char *) g_ptr_array_index (names, i));

      if (!relance_database_exec (db, drop, error))
        return NULL;
    }
  return g_steal_pointer (&sql);
}

/**
 * relance_figures_store_replace_all:
 * @db: a #RelanceDatabase
 * @rows: (array length=n_rows): the figures of every actor and currency
 * @n_rows: the number of rows
 * @evaluation_day: the day they were computed for
 * @data_version: the data version read before the computation started
 * @error: a #GError
 *
 * Replaces the whole cache in one transaction and stamps it. This write
 * is marked as a cache write so that it does not bump the data version:
 * the stamp then stays equal to it until the next real change.
 *
 * Call it outside any transaction: inside the caller's, the caller's own
 * writes would bump the version and leave the cache stale (never wrong).
 *
 * Returns: %TRUE on success
 */
gboolean
relance_figures_store_replace_all (RelanceDatabase          *db,
                                   const RelanceFiguresRow  *rows,
                                   guint                     n_rows,
                                   RelanceDate               evaluation_day,
                                   gint64                    data_version,
                                   GError                  **error)
{
  g_autofree char *stamp = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  sqlite3_stmt *stmt;
  gboolean joined;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  joined = relance_database_in_transaction (db);
  if (!relance_database_begin (db, error))
    return FALSE;

  /* Only a transaction of its own may skip the version bump: marking the
   * caller's would hide the caller's writes from every cache. */
  if (!joined)
    relance_database_mark_cache_write (db);
  else
    g_debug ("Figures cache written inside another transaction; it will be stale");

  stmt = relance_database_prepare (db, SQL_DELETE_ALL, error);
  if (stmt == NULL || !relance_database_step_done (db, stmt, error))
    goto failed;

  if (n_rows >= REBUILD_INDEXES_MIN_ROWS)
    {
      indexes = drop_indexes (db, error);
      if (indexes == NULL)
        goto failed;
    }

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < n_rows; i++)
    {
      const RelanceFiguresRow *row = &rows[i];

      sqlite3_bind_int64 (stmt, 1, row->actor_id);
      sqlite3_bind_text (stmt, 2, row->currency, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, row->global_cents);
      sqlite3_bind_int64 (stmt, 4, row->partial_cents);
      sqlite3_bind_int64 (stmt, 5, row->unallocated_cents);
      sqlite3_bind_int64 (stmt, 6, row->outstanding_cents);
      sqlite3_bind_int64 (stmt, 7, row->overdue_cents);
      sqlite3_bind_int64 (stmt, 8, row->disputed_cents);
      sqlite3_bind_int64 (stmt, 9, row->litigation_cents);
      sqlite3_bind_int (stmt, 10, row->open_items);
      if (row->oldest_due_date != RELANCE_DATE_NONE)
        sqlite3_bind_int (stmt, 11, row->oldest_due_date);
      else
        sqlite3_bind_null (stmt, 11);
      sqlite3_bind_int (stmt, 12, row->days_late);
      if (row->has_dso)
        sqlite3_bind_double (stmt, 13, row->dso_days);
      else
        sqlite3_bind_null (stmt, 13);

      if (!relance_database_step_done (db, stmt, error))
        {
          g_prefix_error (error, _("Customer %" PRId64 " in %s: "),
                          row->actor_id, row->currency);
          goto failed;
        }
    }

  if (!check_actors (db, error))
    goto failed;
  for (guint i = 0; indexes != NULL && i < indexes->len; i++)
    if (!relance_database_exec (db, g_ptr_array_index (indexes, i), error))
      goto failed;

  stamp = g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int) evaluation_day, data_version);
  if (!relance_database_set_setting (db, STAMP_KEY, stamp, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_figures_store_is_current:
 * @db: a #RelanceDatabase
 * @evaluation_day: the day the figures are wanted for
 *
 * Returns: %TRUE when the cache was computed for @evaluation_day and
 *   nothing has been written since
 */
gboolean
relance_figures_store_is_current (RelanceDatabase *db,
                                  RelanceDate      evaluation_day)
{
  g_autofree char *stamp = NULL;
  RelanceDate day;
  gint64 version;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  stamp = relance_database_get_setting (db, STAMP_KEY);
  if (!parse_stamp (stamp, &day, &version))
    return FALSE;
  return day == evaluation_day && version == relance_database_get_data_version (db);
}

/**
 * relance_figures_store_get:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelanceFiguresRow): the cached
 *   figures of the actor, one per currency, the company currency first;
 *   empty when it has none; %NULL with @error set when SQLite fails
 */
GArray *
relance_figures_store_get (RelanceDatabase  *db,
                           gint64            actor_id,
                           GError          **error)
{
  g_autoptr(GArray) figures = NULL;
  char currency[4];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  get_company_currency (db, currency);
  stmt = relance_database_prepare (db, SQL_GET, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, currency, -1, SQLITE_STATIC);

  figures = g_array_new (FALSE, TRUE, sizeof (RelanceFiguresRow));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceFiguresRow row;

      fill_figures_row (stmt, &row);
      g_array_append_val (figures, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the customer’s figures"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&figures);
}

/**
 * relance_portfolio_row_free:
 * @row: (nullable): a row of relance_portfolio_query_page()
 */
void
relance_portfolio_row_free (RelancePortfolioRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row->segment);
  g_free (row->siren);
  g_free (row->agent);
  g_free (row);
}

/**
 * relance_portfolio_query_count:
 * @db: a #RelanceDatabase
 * @filter: (nullable): text that starts the code or the SIREN, or
 *   appears in the name, case and accents ignored
 * @error: a #GError
 *
 * Returns: the number of active actors that match @filter; 0 with @error
 *   set when SQLite fails
 */
guint
relance_portfolio_query_count (RelanceDatabase  *db,
                               const char       *filter,
                               GError          **error)
{
  g_autofree char *like = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  like = make_like_filter (filter);
  stmt = relance_database_prepare (db, like != NULL ? SQL_COUNT_FILTERED : SQL_COUNT, error);
  if (stmt == NULL)
    return 0;
  if (like != NULL)
    sqlite3_bind_text (stmt, 2, like, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("count the customers"));
  sqlite3_reset (stmt);
  return count;
}

/* Whether, in the forward order of a figure sort, the left cursor's row
 * comes before the right cursor's, whose figure is 0 (or no DSO): as the
 * filtered statement's ORDER BY would say, figure then code (BINARY, so
 * strcmp). */
static gboolean
left_comes_first (sqlite3_stmt *left,
                  sqlite3_stmt *right,
                  gboolean      is_dso,
                  gboolean      descending)
{
  gint64 figure;

  if (is_dso)
    return TRUE; /* no DSO comes after every DSO */
  figure = sqlite3_column_int64 (left, 2);
  if (figure != 0)
    return descending ? figure > 0 : figure < 0;
  return g_strcmp0 (relance_column_text (left, 1), relance_column_text (right, 1)) < 0;
}

/* Walks the merged cursors, forward or backward, skipping @skip rows and
 * appending the ids of the next @take to @ids. */
static gboolean
walk_merged (RelanceDatabase       *db,
             RelancePortfolioSort   sort,
             gboolean               descending,
             gboolean               backward,
             const char            *currency,
             guint                  skip,
             guint                  take,
             GArray                *ids,
             GError               **error)
{
  gboolean is_dso = sort == RELANCE_PORTFOLIO_SORT_DSO;
  sqlite3_stmt *left;
  sqlite3_stmt *right;
  int left_rc;
  int right_rc;
  guint position = 0;
  gboolean ok = TRUE;

  left = relance_database_prepare (db, merge_left_sql[sort - FIRST_FIGURE_SORT][descending][backward],
                                   error);
  if (left == NULL)
    return FALSE;
  right = relance_database_prepare (db, merge_right_sql[sort - FIRST_FIGURE_SORT][backward], error);
  if (right == NULL)
    {
      sqlite3_reset (left);
      return FALSE;
    }
  sqlite3_bind_text (left, 1, currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (right, 1, currency, -1, SQLITE_STATIC);

  left_rc = sqlite3_step (left);
  right_rc = sqlite3_step (right);
  while (position < (guint64) skip + take && (left_rc == SQLITE_ROW || right_rc == SQLITE_ROW))
    {
      gboolean take_left;
      gint64 id;

      if (left_rc != SQLITE_ROW)
        take_left = FALSE;
      else if (right_rc != SQLITE_ROW)
        take_left = TRUE;
      else
        {
          /* Two distinct actors: walking backward, the one that comes
           * first forward comes last. */
          take_left = left_comes_first (left, right, is_dso, descending);
          if (backward)
            take_left = !take_left;
        }

      if (take_left)
        {
          id = sqlite3_column_int64 (left, 0);
          left_rc = sqlite3_step (left);
        }
      else
        {
          id = sqlite3_column_int64 (right, 0);
          right_rc = sqlite3_step (right);
        }
      if (position++ >= skip)
        g_array_append_val (ids, id);
    }

  if ((left_rc != SQLITE_ROW && left_rc != SQLITE_DONE) ||
      (right_rc != SQLITE_ROW && right_rc != SQLITE_DONE))
    {
      relance_database_set_sql_error (db, error, _("read the portfolio"));
      ok = FALSE;
    }
  sqlite3_reset (left);
  sqlite3_reset (right);
  return ok;
}

static GPtrArray *
read_rows_by_id (RelanceDatabase  *db,
                 GArray           *ids,
                 const char       *currency,
                 GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  stmt = relance_database_prepare (db, SQL_PAGE_ROW, error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_full (ids->len, (GDestroyNotify) relance_portfolio_row_free);
  for (guint i = 0; i < ids->len; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      rc = sqlite3_step (stmt);
      /* SQLITE_DONE: another connection deactivated the actor since the
       * ids were read; the list's next refresh shows it. */
      if (rc == SQLITE_ROW)
        g_ptr_array_add (rows, portfolio_row_new (stmt, currency));
      else if (rc != SQLITE_DONE)
        {
          relance_database_set_sql_error (db, error, _("read the portfolio"));
          sqlite3_reset (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&rows);
}

/* A page of a figure sort without a filter, from the two cursors
 * described above merge_left_sql: forward from the first row, or, past
 * the middle of the portfolio, backward from the last. */
static GPtrArray *
query_page_merged (RelanceDatabase       *db,
                   RelancePortfolioSort   sort,
                   gboolean               descending,
                   guint                  offset,
                   guint                  limit,
                   const char            *currency,
                   GError               **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (limit, 1024));
  gboolean backward = FALSE;
  guint skip = offset;
  guint take = limit;

  if (offset > MERGE_FORWARD_OFFSET)
    {
      GError *local_error = NULL;
      guint count = relance_portfolio_query_count (db, NULL, &local_error);
      guint end;

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (offset >= count)
        return g_ptr_array_new_with_free_func ((GDestroyNotify) relance_portfolio_row_free);
      end = count - offset < limit ? count : offset + limit;
      if (count - end < offset)
        {
          backward = TRUE;
          skip = count - end;
          take = end - offset;
        }
    }

  if (!walk_merged (db, sort, descending, backward, currency, skip, take, ids, error))
    return NULL;

  if (backward)
    for (guint i = 0, j = ids->len - 1; ids->len > 0 && i < j; i++, j--)
      {
        gint64 id = g_array_index (ids, gint64, i);

        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j);
        g_array_index (ids, gint64, j) = id;
      }

  return read_rows_by_id (db, ids, currency, error);
}

/**
 * relance_portfolio_query_page:
 * @db: a #RelanceDatabase
 * @filter: (nullable): as for relance_portfolio_query_count()
 * @sort: the column to sort by
 * @descending: whether the largest values come first
 * @offset: the number of rows to skip
 * @limit: the most rows to return
 * @error: a #GError
 *
 * One page of the portfolio list: the active actors with their figures
 * in the company currency from the cache (zeros and no DSO when the cache
 * has none), sorted in SQL, ties broken by code, ascending in both
 * directions; no DSO comes last in both directions.
 *
 * Returns: (transfer container) (element-type RelancePortfolioRow): the
 *   rows, or %NULL with @error set
 */
GPtrArray *
relance_portfolio_query_page (RelanceDatabase       *db,
                              const char            *filter,
                              RelancePortfolioSort   sort,
                              gboolean               descending,
                              guint                  offset,
                              guint                  limit,
                              GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *like = NULL;
  char currency[4];
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (filtered_page_sql), NULL);

  descending = !!descending;
  if (limit == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) relance_portfolio_row_free);

  get_company_currency (db, currency);
  like = make_like_filter (filter);

  if (like != NULL)
    sql = filtered_page_sql[sort][descending];
  else if (sort < FIRST_FIGURE_SORT)
    sql = indexed_page_sql[sort][descending];
  else
    return query_page_merged (db, sort, descending, offset, limit, currency, error);

  stmt = relance_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
  if (like != NULL)
    sqlite3_bind_text (stmt, 2, like, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, offset);

  rows = g_ptr_array_new_full (MIN (limit, 1024), (GDestroyNotify) relance_portfolio_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, portfolio_row_new (stmt, currency));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the portfolio"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}
