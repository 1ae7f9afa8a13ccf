/* relance-agenda.h — the agent's to-do list of the day (agenda / todo liste)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_AGENDA_RED,     /* planned before D: late */
  RELANCE_AGENDA_ORANGE,  /* planned on D or D + 1: due within 24 h */
  RELANCE_AGENDA_GREY,    /* later */
} RelanceAgendaColour;

const char *relance_agenda_colour_to_string (RelanceAgendaColour colour);

/* The parts of the priority, so that an agent can read why an action
 * comes first: */
/* 1 point per whole 100 € overdue … */
#define RELANCE_PRIORITY_CENTS_PER_POINT 10000
/* … at most 500 points (50 000 €) */
#define RELANCE_PRIORITY_AMOUNT_MAX 500
/* 1 point per day late of the oldest overdue item, at most 365 */
#define RELANCE_PRIORITY_DAYS_MAX 365
/* when an instalment of a promise falls due today (or is unpaid in its
 * grace days) */
#define RELANCE_PRIORITY_PROMISE_DUE 200
/* when the step blocks the case until it is done */
#define RELANCE_PRIORITY_BLOCKING 100

/**
 * RelancePriorityParts:
 *
 * The priority is the sum of the parts.
 */
typedef struct
{
  int amount;
  int days_late;
  int promise_due;
  int blocking;
} RelancePriorityParts;

/**
 * RelanceAgendaFilter:
 * @has_channel: whether @channel filters
 * @date_from: the first planned date shown, 0 for none
 * @date_to: the last planned date shown, 0 for D + 1
 * @has_amount_min: whether @amount_min_cents filters (on the overdue)
 * @has_amount_max: whether @amount_max_cents filters
 * @customer_code: (nullable): one customer
 * @agent: (nullable): the cases followed by this agent
 */
typedef struct
{
  gboolean        has_channel;
  RelanceChannel  channel;
  RelanceDate     date_from;
  RelanceDate     date_to;
  gboolean        has_amount_min;
  gint64          amount_min_cents;
  gboolean        has_amount_max;
  gint64          amount_max_cents;
  const char     *customer_code;
  const char     *agent;
} RelanceAgendaFilter;

/**
 * RelanceAgendaItem:
 * @currency: of @overdue_cents: the case's currency
 * @overdue_cents: the customer's overdue amount (figures of D)
 * @days_late: days late of its oldest overdue item
 * @has_dso: whether @dso_days is known
 * @dso_days: its count-back DSO
 * @promise_due: the next instalment of its open promise not paid, 0 when
 *   none
 *
 * One line of the agenda.
 */
typedef struct
{
  gint64                action_id;
  gint64                case_id;
  gint64                actor_id;
  RelanceDate           planned_date;
  RelanceChannel        channel;
  int                   level;
  gboolean              blocking;
  char                 *customer_code;
  char                 *customer_name;
  char                 *title;
  char                 *assigned_to;
  char                  currency[4];
  gint64                overdue_cents;
  int                   days_late;
  gboolean              has_dso;
  double                dso_days;
  RelanceDate           promise_due;
  RelanceAgendaColour   colour;
  int                   priority;
  RelancePriorityParts  parts;
} RelanceAgendaItem;

void       relance_agenda_item_free (RelanceAgendaItem         *item);

/**
 * relance_agenda_list:
 * @db: a database
 * @user: (nullable): whose agenda; %NULL for everybody's (a manager's)
 * @day: the day D
 * @filter: (nullable): what to show; %NULL shows everything up to D + 1
 * @error: a #GError
 *
 * The manual actions planned and not done, on or before D + 1 (or in the
 * filter's dates), with their customer's figures on D, colour and
 * priority, sorted by priority (highest first), then planned date, then
 * id.
 *
 * Returns: (transfer container) (element-type RelanceAgendaItem): the
 *   items, or %NULL with @error set
 */
GPtrArray *relance_agenda_list      (RelanceDatabase           *db,
                                     const char                *user,
                                     RelanceDate                day,
                                     const RelanceAgendaFilter *filter,
                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAgendaItem, relance_agenda_item_free)

G_END_DECLS
