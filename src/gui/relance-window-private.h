/* relance-window-private.h — for relance-window*.c and the tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-agenda-view.h"
#include "relance-customer-card.h"
#include "relance-disputes-view.h"
#include "relance-job.h"
#include "relance-notifications-button.h"
#include "relance-portfolio-model.h"
#include "relance-portfolio-view.h"
#include "relance-promises-view.h"
#include "relance-window.h"

G_BEGIN_DECLS

struct _RelanceWindow
{
  AdwApplicationWindow   parent_instance;

  /* template children */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkButton             *sidebar_button;
  GtkButton             *back_button;
  AdwLeaflet            *leaflet;
  GtkStack              *main_stack;
  AdwLeaflet            *workspace_leaflet;
  GtkListBox            *areas_list;
  GtkLabel              *favourites_label;
  GtkListBox            *favourites_list;
  GtkLabel              *recent_label;
  GtkListBox            *recent_list;
  GtkDropDown           *user_dropdown;
  GtkStack              *area_stack;
  RelanceAgendaView     *agenda_view;
  RelanceDisputesView   *disputes_view;
  RelancePromisesView   *promises_view;
  GtkLabel              *job_label;
  GtkProgressBar        *job_progress;
  GtkSearchEntry        *search_entry;
  RelanceNotificationsButton *notifications_button;
  RelancePortfolioView  *portfolio_view;
  RelanceCustomerCard   *customer_card;
  GtkLabel              *status_label;
  GtkWidget             *settings_view;   /* made when first shown */

  /* state */
  RelanceDatabase       *db;
  RelancePortfolioModel *model;
  RelanceDate            evaluation_day;
  RelanceJob            *job;
  GCancellable          *job_cancellable;
  gulong                 after_paint_id;
  /* a customer was chosen while the list and the card both showed */
  gboolean               card_chosen;
  GSettings             *settings;        /* NULL without the schema (tests) */
  char                  *user;            /* the login picked */
  GPtrArray             *user_logins;     /* of user_dropdown's items */
  guint                  filling_users;
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
/* The areas of the sidebar: "agenda", "portfolio", "disputes",
 * "promises", "settings" */
void     _relance_window_show_area          (RelanceWindow      *self,
                                             const char         *area);
const char *_relance_window_get_area        (RelanceWindow      *self);
void     _relance_window_open_customer      (RelanceWindow      *self,
                                             gint64              actor_id);
/* Opens the global search (Ctrl+K) and returns it */
GtkWindow *_relance_window_search           (RelanceWindow      *self);
/* F5: reads everything again */
void     _relance_window_reload             (RelanceWindow      *self);
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
RelanceAgendaView    *_relance_window_get_agenda_view    (RelanceWindow *self);
RelanceDisputesView  *_relance_window_get_disputes_view  (RelanceWindow *self);
RelancePromisesView  *_relance_window_get_promises_view  (RelanceWindow *self);

G_END_DECLS
