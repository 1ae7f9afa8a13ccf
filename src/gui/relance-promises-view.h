/* relance-promises-view.h — the promises to pay of the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PROMISES_VIEW (relance_promises_view_get_type ())

G_DECLARE_FINAL_TYPE (RelancePromisesView, relance_promises_view, RELANCE, PROMISES_VIEW, GtkWidget)

GtkWidget  *relance_promises_view_new          (void);
void        relance_promises_view_set_database (RelancePromisesView *self,
                                                RelanceDatabase     *db);
void        relance_promises_view_reload       (RelancePromisesView *self);
void        relance_promises_view_set_open_only (RelancePromisesView *self,
                                                 gboolean             open_only);
GListModel *relance_promises_view_get_model    (RelancePromisesView *self);

G_END_DECLS
