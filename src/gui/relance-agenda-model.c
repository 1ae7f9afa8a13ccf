/* relance-agenda-model.c — the agenda as a list: day headers and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no list sections, so the days are rows of their own: the
 * model holds, for each planned day in order, a header entry and then
 * that day's actions in the order relance_agenda_list() gave them (by
 * priority). The model has no widgets and no database: the view gives it
 * the items.
 */
#define G_LOG_DOMAIN "relance-agenda-model"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-agenda-model.h"

struct _RelanceAgendaEntry
{
  GObject            parent_instance;

  RelanceDate        day;
  guint              n_actions;   /* of a header */
  RelanceAgendaItem *item;        /* NULL for a header */
};

G_DEFINE_FINAL_TYPE (RelanceAgendaEntry, relance_agenda_entry, G_TYPE_OBJECT)

struct _RelanceAgendaModel
{
  GObject    parent_instance;

  GPtrArray *entries;
  guint      n_actions;
};

static void relance_agenda_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RelanceAgendaModel, relance_agenda_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      relance_agenda_model_list_model_init))

/* The icons shipped in the resource (data/icons), and the nearest theme
 * icon for the channels without one */
static const char * const channel_icons[RELANCE_N_CHANNELS] = {
  [RELANCE_CHANNEL_EMAIL] = "relance-channel-email-symbolic",
  [RELANCE_CHANNEL_LETTER] = "relance-channel-letter-symbolic",
  [RELANCE_CHANNEL_REGISTERED_LETTER] = "relance-channel-registered-letter-symbolic",
  [RELANCE_CHANNEL_CALL] = "relance-channel-call-symbolic",
  [RELANCE_CHANNEL_SMS] = "relance-channel-sms-symbolic",
  [RELANCE_CHANNEL_TASK] = "object-select-symbolic",
  [RELANCE_CHANNEL_VISIT] = "relance-channel-visit-symbolic",
  [RELANCE_CHANNEL_FORMAL_NOTICE] = "relance-channel-registered-letter-symbolic",
  [RELANCE_CHANNEL_LITIGATION] = "dialog-warning-symbolic",
};

static const char * const channel_labels[RELANCE_N_CHANNELS] = {
  [RELANCE_CHANNEL_EMAIL] = N_("E-mail"),
  [RELANCE_CHANNEL_LETTER] = N_("Letter"),
  [RELANCE_CHANNEL_REGISTERED_LETTER] = N_("Registered letter"),
  [RELANCE_CHANNEL_CALL] = N_("Call"),
  [RELANCE_CHANNEL_SMS] = N_("SMS"),
  [RELANCE_CHANNEL_TASK] = N_("Task"),
  [RELANCE_CHANNEL_VISIT] = N_("Visit"),
  [RELANCE_CHANNEL_FORMAL_NOTICE] = N_("Formal notice"),
  [RELANCE_CHANNEL_LITIGATION] = N_("Litigation"),
};

/* Helpers */

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const RelanceAgendaItem *x = *(RelanceAgendaItem * const *) a;
  const RelanceAgendaItem *y = *(RelanceAgendaItem * const *) b;

  return x->planned_date < y->planned_date ? -1 : x->planned_date > y->planned_date;
}

static RelanceAgendaEntry *
entry_new (RelanceDate        day,
           RelanceAgendaItem *item)
{
  RelanceAgendaEntry *entry = g_object_new (RELANCE_TYPE_AGENDA_ENTRY, NULL);

  entry->day = day;
  entry->item = item;
  return entry;
}

/* Interface implementations */

static GType
relance_agenda_model_get_item_type (GListModel *model)
{
  return RELANCE_TYPE_AGENDA_ENTRY;
}

static guint
relance_agenda_model_get_n_items (GListModel *model)
{
  return RELANCE_AGENDA_MODEL (model)->entries->len;
}

static gpointer
relance_agenda_model_get_item (GListModel *model,
                               guint       position)
{
  RelanceAgendaModel *self = RELANCE_AGENDA_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
relance_agenda_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = relance_agenda_model_get_item_type;
  iface->get_n_items = relance_agenda_model_get_n_items;
  iface->get_item = relance_agenda_model_get_item;
}

/* Overrides */

static void
relance_agenda_entry_finalize (GObject *object)
{
  RelanceAgendaEntry *self = (RelanceAgendaEntry *) object;

  g_clear_pointer (&self->item, relance_agenda_item_free);

  G_OBJECT_CLASS (relance_agenda_entry_parent_class)->finalize (object);
}

static void
relance_agenda_entry_class_init (RelanceAgendaEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = relance_agenda_entry_finalize;
}

static void
relance_agenda_entry_init (RelanceAgendaEntry *self)
{
}

static void
relance_agenda_model_finalize (GObject *object)
{
  RelanceAgendaModel *self = (RelanceAgendaModel *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_agenda_model_parent_class)->finalize (object);
}

static void
relance_agenda_model_class_init (RelanceAgendaModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = relance_agenda_model_finalize;
}

static void
relance_agenda_model_init (RelanceAgendaModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

/**
 * relance_agenda_entry_is_header:
 * @self: a #RelanceAgendaEntry
 *
 * Returns: %TRUE for the header of a day, %FALSE for an action
 */
gboolean
relance_agenda_entry_is_header (RelanceAgendaEntry *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_ENTRY (self), FALSE);

  return self->item == NULL;
}

/**
 * relance_agenda_entry_get_day:
 * @self: a #RelanceAgendaEntry
 *
 * Returns: the day of a header, the planned day of an action
 */
RelanceDate
relance_agenda_entry_get_day (RelanceAgendaEntry *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_ENTRY (self), RELANCE_DATE_NONE);

  return self->day;
}

/**
 * relance_agenda_entry_get_n_actions:
 * @self: a #RelanceAgendaEntry
 *
 * Returns: the number of actions under a header, 0 for an action
 */
guint
relance_agenda_entry_get_n_actions (RelanceAgendaEntry *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_ENTRY (self), 0);

  return self->n_actions;
}

/**
 * relance_agenda_entry_get_item:
 * @self: a #RelanceAgendaEntry
 *
 * Returns: (transfer none) (nullable): the action's line, %NULL for a
 *   header
 */
const RelanceAgendaItem *
relance_agenda_entry_get_item (RelanceAgendaEntry *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_ENTRY (self), NULL);

  return self->item;
}

/**
 * relance_agenda_model_new:
 *
 * Returns: (transfer full): an empty agenda
 */
RelanceAgendaModel *
relance_agenda_model_new (void)
{
  return g_object_new (RELANCE_TYPE_AGENDA_MODEL, NULL);
}

/**
 * relance_agenda_model_set_items:
 * @self: a #RelanceAgendaModel
 * @items: (transfer container) (element-type RelanceAgendaItem): what
 *   relance_agenda_list() returned; the model takes the items out of it
 *
 * Replaces the rows: the days in order, each header followed by its
 * actions in the order of @items (the sort by day is stable).
 */
void
relance_agenda_model_set_items (RelanceAgendaModel *self,
                                GPtrArray          *items)
{
  g_autoptr(GPtrArray) entries = NULL;
  RelanceAgendaEntry *header = NULL;
  guint removed;

  g_return_if_fail (RELANCE_IS_AGENDA_MODEL (self));
  g_return_if_fail (items != NULL);

  /* GLib's sort is stable: within a day, the priority order stays */
  g_ptr_array_set_free_func (items, NULL);
  g_ptr_array_sort (items, compare_days);

  entries = g_ptr_array_new_full (items->len + 8, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      RelanceAgendaItem *item = g_ptr_array_index (items, i);

      if (header == NULL || header->day != item->planned_date)
        {
          header = entry_new (item->planned_date, NULL);
          g_ptr_array_add (entries, header);
        }
      header->n_actions++;
      g_ptr_array_add (entries, entry_new (item->planned_date, item));
    }
  self->n_actions = items->len;
  g_ptr_array_unref (items);

  removed = self->entries->len;
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->entries->len);
}

/**
 * relance_agenda_model_get_n_actions:
 * @self: a #RelanceAgendaModel
 *
 * Returns: the number of actions, headers not counted
 */
guint
relance_agenda_model_get_n_actions (RelanceAgendaModel *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_MODEL (self), 0);

  return self->n_actions;
}

/**
 * relance_agenda_channel_icon_name:
 * @channel: a channel
 *
 * Returns: the name of its symbolic icon
 */
const char *
relance_agenda_channel_icon_name (RelanceChannel channel)
{
  g_return_val_if_fail (channel < RELANCE_N_CHANNELS, "mail-unread-symbolic");

  return channel_icons[channel];
}

/**
 * relance_agenda_channel_label:
 * @channel: a channel
 *
 * Returns: its name for people, translated
 */
const char *
relance_agenda_channel_label (RelanceChannel channel)
{
  g_return_val_if_fail (channel < RELANCE_N_CHANNELS, "");

  return _(channel_labels[channel]);
}
