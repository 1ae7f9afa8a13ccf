/* relance-figures-store.h — the portfolio figures cache and its queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceFiguresRow:
 *
 * A customer's figures in one currency for one evaluation day, as the
 * engine computes them (see DOMAIN.md, "Amounts of a customer").
 */
typedef struct
{
  gint64      actor_id;
  char        currency[4];
  gint64      global_cents;
  gint64      partial_cents;
  gint64      unallocated_cents;
  gint64      outstanding_cents;
  gint64      overdue_cents;
  gint64      disputed_cents;
  gint64      litigation_cents;
  int         open_items;
  RelanceDate oldest_due_date;   /* of the open items overdue, 0 if none */
  int         days_late;         /* of that oldest overdue item */
  gboolean    has_dso;
  double      dso_days;          /* count-back, when has_dso */
} RelanceFiguresRow;

/* Replaces the whole cache with @rows for @evaluation_day, stamped with
 * @data_version (read before the computation started, so that a write
 * during it leaves the cache stale rather than wrong). */
gboolean relance_figures_store_replace_all (RelanceDatabase         *db,
                                            const RelanceFiguresRow *rows,
                                            guint                    n_rows,
                                            RelanceDate              evaluation_day,
                                            gint64                   data_version,
                                            GError                 **error);
/* TRUE when the cache was computed for @evaluation_day and nothing has
 * been written since. */
gboolean relance_figures_store_is_current  (RelanceDatabase         *db,
                                            RelanceDate              evaluation_day);

typedef enum
{
  RELANCE_PORTFOLIO_SORT_CODE,
  RELANCE_PORTFOLIO_SORT_NAME,
  RELANCE_PORTFOLIO_SORT_SEGMENT,
  RELANCE_PORTFOLIO_SORT_OUTSTANDING,
  RELANCE_PORTFOLIO_SORT_OVERDUE,
  RELANCE_PORTFOLIO_SORT_DAYS_LATE,
  RELANCE_PORTFOLIO_SORT_DSO,
} RelancePortfolioSort;

/**
 * RelancePortfolioRow:
 *
 * One line of the portfolio list: the actor and its figures in the
 * company currency (zeros when it has nothing open).
 */
typedef struct
{
  gint64   actor_id;
  char    *code;
  char    *name;
  char    *segment;
  char    *siren;
  char    *agent;
  char     currency[4];
  gint64   outstanding_cents;
  gint64   overdue_cents;
  int      days_late;
  gboolean has_dso;
  double   dso_days;
} RelancePortfolioRow;

void        relance_portfolio_row_free     (RelancePortfolioRow *row);

/* @filter (nullable) matches the start of the code or the SIREN, or any
 * part of the name (case and accents ignored). */
guint       relance_portfolio_query_count  (RelanceDatabase       *db,
                                            const char            *filter,
                                            GError               **error);
/* A page of rows (RelancePortfolioRow *, freed by the array), sorted in
 * SQL, ties broken by code. */
GPtrArray  *relance_portfolio_query_page   (RelanceDatabase       *db,
                                            const char            *filter,
                                            RelancePortfolioSort   sort,
                                            gboolean               descending,
                                            guint                  offset,
                                            guint                  limit,
                                            GError               **error);
/* The cached figures of one actor in every currency (RelanceFiguresRow *
 * in a GArray), company currency first. */
GArray     *relance_figures_store_get      (RelanceDatabase       *db,
                                            gint64                 actor_id,
                                            GError               **error);

G_END_DECLS
