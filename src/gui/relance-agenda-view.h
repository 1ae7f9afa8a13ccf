/* relance-agenda-view.h — the agent's actions of the day, by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-agenda-model.h"

G_BEGIN_DECLS

/**
 * RelanceAgendaPeriod:
 *
 * Which planned dates the agenda shows, the day D being today.
 */
typedef enum
{
  RELANCE_AGENDA_PERIOD_UNTIL_TOMORROW, /* up to D + 1: the default */
  RELANCE_AGENDA_PERIOD_LATE,           /* before D */
  RELANCE_AGENDA_PERIOD_TODAY,          /* D only */
  RELANCE_AGENDA_PERIOD_WEEK,           /* up to D + 7 */
  RELANCE_AGENDA_PERIOD_MONTH,          /* up to D + 30 */
  RELANCE_AGENDA_PERIOD_CHOSEN,         /* the days picked on the calendars */
} RelanceAgendaPeriod;

#define RELANCE_TYPE_AGENDA_VIEW (relance_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (RelanceAgendaView, relance_agenda_view, RELANCE, AGENDA_VIEW, GtkWidget)

GtkWidget          *relance_agenda_view_new          (void);
void                relance_agenda_view_set_database (RelanceAgendaView   *self,
                                                      RelanceDatabase     *db,
                                                      const char          *user,
                                                      RelanceDate          day);
void                relance_agenda_view_reload       (RelanceAgendaView   *self);
RelanceAgendaModel *relance_agenda_view_get_model    (RelanceAgendaView   *self);
const char         *relance_agenda_view_get_channel  (RelanceAgendaView   *self);
void                relance_agenda_view_set_channel  (RelanceAgendaView   *self,
                                                      const char          *channel);
const char         *relance_agenda_view_get_agent    (RelanceAgendaView   *self);
void                relance_agenda_view_set_agent    (RelanceAgendaView   *self,
                                                      const char          *agent);
void                relance_agenda_view_set_period   (RelanceAgendaView   *self,
                                                      RelanceAgendaPeriod  period);
void                relance_agenda_view_set_dates    (RelanceAgendaView   *self,
                                                      RelanceDate          from,
                                                      RelanceDate          to);
gboolean            relance_agenda_view_get_loading  (RelanceAgendaView   *self);
gboolean            relance_agenda_view_get_shows_agents (RelanceAgendaView *self);
const char         *relance_agenda_view_get_done_text (RelanceAgendaView  *self);
const char         *relance_agenda_view_get_automatic_text (RelanceAgendaView *self);
char               *relance_agenda_format_share      (gint64               part,
                                                      gint64               whole);

G_END_DECLS
