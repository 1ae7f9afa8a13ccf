/* relance-disputes-view.h — the disputes of the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_DISPUTES_VIEW (relance_disputes_view_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDisputesView, relance_disputes_view, RELANCE, DISPUTES_VIEW, GtkWidget)

GtkWidget  *relance_disputes_view_new          (void);
void        relance_disputes_view_set_database (RelanceDisputesView *self,
                                                RelanceDatabase     *db);
void        relance_disputes_view_reload       (RelanceDisputesView *self);
void        relance_disputes_view_set_open_only (RelanceDisputesView *self,
                                                 gboolean             open_only);
GListModel *relance_disputes_view_get_model    (RelanceDisputesView *self);

G_END_DECLS
