/* relance-form-checks.h — the controls of the agent's forms: blocking
 * problems (red) and warnings (orange), field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/* The follow-up proposed after a step whose duration is not set and that
 * no later step times: a week and a day, the deadline letters give */
#define RELANCE_FORM_DEFAULT_FOLLOW_UP_DAYS 8

gboolean relance_date_is_weekend        (RelanceDate         date);

gboolean relance_form_check_date        (RelanceValidation  *validation,
                                         const char         *field,
                                         const char         *text,
                                         RelanceDate        *date);
gboolean relance_form_check_amount      (RelanceValidation  *validation,
                                         const char         *field,
                                         const char         *text,
                                         gint64             *cents);

void     relance_form_check_planned_date (RelanceValidation *validation,
                                          const char        *field,
                                          RelanceDate        date,
                                          RelanceDate        day);

/**
 * RelanceNewActionForm:
 * @title: (nullable): what the action is
 * @channel: its channel
 * @planned_date: the day it is planned, 0 when the text was no date
 * @contact_email: (nullable): the e-mail address of the contact chosen
 * @n_items: how many items it is about
 *
 * What the new action form holds, for its controls.
 */
typedef struct
{
  const char     *title;
  RelanceChannel  channel;
  RelanceDate     planned_date;
  const char     *contact_email;
  guint           n_items;
} RelanceNewActionForm;

void     relance_form_check_new_action  (RelanceValidation          *validation,
                                         const RelanceNewActionForm *form,
                                         RelanceDate                 day);

void     relance_form_check_dispute     (RelanceValidation  *validation,
                                         const char         *reason,
                                         guint               n_items,
                                         gboolean            one_currency,
                                         gint64              amount_cents,
                                         gint64              remaining_cents,
                                         const char         *currency);

void     relance_form_check_instalment  (RelanceValidation  *validation,
                                         guint               index,
                                         RelanceDate         due_date,
                                         gint64              amount_cents,
                                         RelanceDate         day);

void     relance_form_check_promise     (RelanceValidation    *validation,
                                         const RelancePromise *promise,
                                         gint64                overdue_cents,
                                         RelanceDate           day);

void     relance_form_propose_follow_up (const RelanceScenario     *scenario,
                                         const RelanceScenarioStep *step,
                                         RelanceDate                day,
                                         RelanceDate               *end_date,
                                         RelanceDate               *reminder_date);

G_END_DECLS
