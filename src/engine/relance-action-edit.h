/* relance-action-edit.h — editing a planned action, rescheduling it,
 * closing a case by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/**
 * RelanceActionEdit:
 * @title: what the action is, not blank
 * @channel: its channel
 * @planned_date: the day it is planned
 * @assigned_to: (nullable): the login whose agenda it goes on
 * @contact_id: the customer's contact, 0 for none
 *
 * What the agent may change in a planned action.
 */
typedef struct
{
  const char     *title;
  RelanceChannel  channel;
  RelanceDate     planned_date;
  const char     *assigned_to;
  gint64          contact_id;
} RelanceActionEdit;

gboolean relance_action_edit       (RelanceDatabase         *db,
                                    gint64                   action_id,
                                    const RelanceActionEdit *edit,
                                    RelanceDate              day,
                                    GError                 **error);
gboolean relance_action_reschedule (RelanceDatabase         *db,
                                    gint64                   action_id,
                                    RelanceDate              planned_date,
                                    RelanceDate              day,
                                    GError                 **error);
gboolean relance_case_close        (RelanceDatabase         *db,
                                    gint64                   case_id,
                                    RelanceDate              day,
                                    const char              *comment,
                                    guint                   *n_cancelled,
                                    GError                 **error);

G_END_DECLS
