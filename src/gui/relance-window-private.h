/* relance-window-private.h — for relance-window*.c and the tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-customer-card.h"
#include "relance-job.h"
#include "relance-portfolio-model.h"
#include "relance-portfolio-view.h"
#include "relance-window.h"

G_BEGIN_DECLS

struct _RelanceWindow
{
  AdwApplicationWindow   parent_instance;

  /* template children */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkButton             *back_button;
  AdwLeaflet            *leaflet;
  GtkStack              *main_stack;
  GtkLabel              *job_label;
  GtkProgressBar        *job_progress;
  GtkSearchEntry        *search_entry;
  RelancePortfolioView  *portfolio_view;
  RelanceCustomerCard   *customer_card;
  GtkLabel              *status_label;

  /* state */
  RelanceDatabase       *db;
  RelancePortfolioModel *model;
  RelanceDate            evaluation_day;
  RelanceJob            *job;
  GCancellable          *job_cancellable;
  gulong                 after_paint_id;
};

void     _relance_window_class_actions_init (RelanceWindowClass *klass);
/* relance-window-dialogs.c: the actions that open the dialogs of the
 * agent's work (win.open-action, win.new-action, win.new-dispute,
 * win.resolve-dispute, win.new-promise, win.open-document) */
void     _relance_window_class_dialogs_init (RelanceWindowClass *klass);
/* Something changed the database: reload the agenda, the lists, the
 * card and its figures */
void     _relance_window_data_changed       (RelanceWindow      *self);
void     _relance_window_actions_update     (RelanceWindow      *self);
void     _relance_window_focus_search       (RelanceWindow      *self);
void     _relance_window_import             (RelanceWindow      *self,
                                             const char         *kind,
                                             const char         *path);
void     _relance_window_generate_demo      (RelanceWindow      *self,
                                             guint               n_customers,
                                             guint               seed);
void     _relance_window_cancel_job         (RelanceWindow      *self);
void     _relance_window_toast              (RelanceWindow      *self,
                                             const char         *title);

RelancePortfolioView *_relance_window_get_portfolio_view (RelanceWindow *self);
RelanceCustomerCard  *_relance_window_get_customer_card  (RelanceWindow *self);

G_END_DECLS
