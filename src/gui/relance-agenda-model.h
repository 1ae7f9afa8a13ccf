/* relance-agenda-model.h — the agenda as a list: day headers and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-engine.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_AGENDA_ENTRY (relance_agenda_entry_get_type ())

G_DECLARE_FINAL_TYPE (RelanceAgendaEntry, relance_agenda_entry, RELANCE, AGENDA_ENTRY, GObject)

gboolean                 relance_agenda_entry_is_header    (RelanceAgendaEntry *self);
RelanceDate              relance_agenda_entry_get_day      (RelanceAgendaEntry *self);
guint                    relance_agenda_entry_get_n_actions (RelanceAgendaEntry *self);
const RelanceAgendaItem *relance_agenda_entry_get_item     (RelanceAgendaEntry *self);

#define RELANCE_TYPE_AGENDA_MODEL (relance_agenda_model_get_type ())

G_DECLARE_FINAL_TYPE (RelanceAgendaModel, relance_agenda_model, RELANCE, AGENDA_MODEL, GObject)

RelanceAgendaModel *relance_agenda_model_new        (void);
void                relance_agenda_model_set_items  (RelanceAgendaModel *self,
                                                     GPtrArray          *items);
guint               relance_agenda_model_get_n_actions (RelanceAgendaModel *self);

const char         *relance_agenda_channel_icon_name (RelanceChannel channel);
const char         *relance_agenda_channel_label     (RelanceChannel channel);

G_END_DECLS
