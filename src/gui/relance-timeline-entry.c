/* relance-timeline-entry.c — one line of a customer's timeline, for list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel holds GObjects: this one owns a RelanceTimelineRow of the
 * store and gives it to the row widgets as it is.
 */
#define G_LOG_DOMAIN "relance-timeline-entry"

#include "config.h"

#include "relance-timeline-entry.h"

struct _RelanceTimelineEntry
{
  GObject             parent_instance;

  RelanceTimelineRow *row;
};

G_DEFINE_FINAL_TYPE (RelanceTimelineEntry, relance_timeline_entry, G_TYPE_OBJECT)

static void
relance_timeline_entry_finalize (GObject *object)
{
  RelanceTimelineEntry *self = RELANCE_TIMELINE_ENTRY (object);

  g_clear_pointer (&self->row, relance_timeline_row_free);

  G_OBJECT_CLASS (relance_timeline_entry_parent_class)->finalize (object);
}

static void
relance_timeline_entry_class_init (RelanceTimelineEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = relance_timeline_entry_finalize;
}

static void
relance_timeline_entry_init (RelanceTimelineEntry *self)
{
}

/**
 * relance_timeline_entry_new:
 * @row: (transfer full): a row of relance_timeline_store_list()
 *
 * Returns: (transfer full): an entry that owns @row
 */
RelanceTimelineEntry *
relance_timeline_entry_new (RelanceTimelineRow *row)
{
  RelanceTimelineEntry *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_TIMELINE_ENTRY, NULL);
  self->row = row;
  return self;
}

/**
 * relance_timeline_entry_get_row:
 * @self: a #RelanceTimelineEntry
 *
 * Returns: (transfer none): the row
 */
const RelanceTimelineRow *
relance_timeline_entry_get_row (RelanceTimelineEntry *self)
{
  g_return_val_if_fail (RELANCE_IS_TIMELINE_ENTRY (self), NULL);

  return self->row;
}
