/* relance-portfolio-model.h — the customers of a database, paged from SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PORTFOLIO_SORT (relance_portfolio_sort_get_type ())

GType relance_portfolio_sort_get_type (void) G_GNUC_CONST;

/* Rows per page fetched from SQL, and pages kept in memory */
#define RELANCE_PORTFOLIO_PAGE_SIZE  100
#define RELANCE_PORTFOLIO_MAX_PAGES  10

#define RELANCE_TYPE_PORTFOLIO_MODEL (relance_portfolio_model_get_type ())

G_DECLARE_FINAL_TYPE (RelancePortfolioModel, relance_portfolio_model, RELANCE, PORTFOLIO_MODEL, GObject)

RelancePortfolioModel *relance_portfolio_model_new            (RelanceDatabase       *db);
RelanceDatabase       *relance_portfolio_model_get_database   (RelancePortfolioModel *self);
void                   relance_portfolio_model_set_database   (RelancePortfolioModel *self,
                                                               RelanceDatabase       *db);
const char            *relance_portfolio_model_get_filter     (RelancePortfolioModel *self);
void                   relance_portfolio_model_set_filter     (RelancePortfolioModel *self,
                                                               const char            *filter);
RelancePortfolioSort   relance_portfolio_model_get_sort       (RelancePortfolioModel *self);
void                   relance_portfolio_model_set_sort       (RelancePortfolioModel *self,
                                                               RelancePortfolioSort   sort);
gboolean               relance_portfolio_model_get_descending (RelancePortfolioModel *self);
void                   relance_portfolio_model_set_descending (RelancePortfolioModel *self,
                                                               gboolean               descending);
void                   relance_portfolio_model_set_order      (RelancePortfolioModel *self,
                                                               RelancePortfolioSort   sort,
                                                               gboolean               descending);
void                   relance_portfolio_model_reload         (RelancePortfolioModel *self);
guint                  relance_portfolio_model_get_n_cached_pages (RelancePortfolioModel *self);

G_END_DECLS
