/* relance-timeline-entry.h — one line of a customer's timeline, for list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_TIMELINE_ENTRY (relance_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (RelanceTimelineEntry, relance_timeline_entry, RELANCE, TIMELINE_ENTRY, GObject)

RelanceTimelineEntry     *relance_timeline_entry_new     (RelanceTimelineRow   *row);
const RelanceTimelineRow *relance_timeline_entry_get_row (RelanceTimelineEntry *self);

G_END_DECLS
