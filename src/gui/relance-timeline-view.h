/* relance-timeline-view.h — everything that happened with a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_TIMELINE_VIEW (relance_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (RelanceTimelineView, relance_timeline_view, RELANCE, TIMELINE_VIEW, GtkWidget)

gboolean    relance_timeline_view_show      (RelanceTimelineView  *self,
                                             RelanceDatabase      *db,
                                             gint64                actor_id,
                                             GError              **error);
void        relance_timeline_view_clear     (RelanceTimelineView  *self);
gboolean    relance_timeline_view_load_more (RelanceTimelineView  *self,
                                             GError              **error);
guint       relance_timeline_view_get_total (RelanceTimelineView  *self);
GListModel *relance_timeline_view_get_model (RelanceTimelineView  *self);

G_END_DECLS
