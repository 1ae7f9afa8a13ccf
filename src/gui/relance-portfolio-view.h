/* relance-portfolio-view.h — the customers of the portfolio as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-portfolio-model.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PORTFOLIO_VIEW (relance_portfolio_view_get_type ())

G_DECLARE_FINAL_TYPE (RelancePortfolioView, relance_portfolio_view, RELANCE, PORTFOLIO_VIEW, GtkWidget)

GtkWidget             *relance_portfolio_view_new          (void);
RelancePortfolioModel *relance_portfolio_view_get_model    (RelancePortfolioView  *self);
void                   relance_portfolio_view_set_model    (RelancePortfolioView  *self,
                                                            RelancePortfolioModel *model);
const char            *relance_portfolio_view_get_currency (RelancePortfolioView  *self);
void                   relance_portfolio_view_set_currency (RelancePortfolioView  *self,
                                                            const char            *currency);
void                   relance_portfolio_view_select       (RelancePortfolioView  *self,
                                                            guint                  position);
GtkColumnView         *relance_portfolio_view_get_column_view (RelancePortfolioView *self);

G_END_DECLS
