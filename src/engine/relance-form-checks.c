/* relance-form-checks.c — the controls of the agent's forms: blocking
 * problems (red) and warnings (orange), field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs show these problems next to their fields and refuse to
 * save while a blocking one remains (Cassiopae's data-entry controls).
 * The rules live here rather than in the GUI so that they are tested
 * and the same for every front end; the engine functions that write
 * (relance_disputes_open, relance_promises_add…) still check on their
 * own, these controls only say it sooner and field by field.
 */
#define G_LOG_DOMAIN "relance-form-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-form-checks.h"

/* Helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static char *
format_amount (gint64      cents,
               const char *currency)
{
  return relance_money_format_cents (cents, currency, relance_money_current_language ());
}

static char *
format_date (RelanceDate date)
{
  return relance_date_format (date, relance_money_current_language ());
}

static RelanceDate
next_working_day (RelanceDate date)
{
  while (relance_date_is_weekend (date))
    date++;
  return date;
}

/* Public API */

/**
 * relance_date_is_weekend:
 * @date: a date
 *
 * Returns: %TRUE on a Saturday or a Sunday
 */
gboolean
relance_date_is_weekend (RelanceDate date)
{
  GDate d;
  GDateWeekday weekday;

  g_return_val_if_fail (date > 0, FALSE);

  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32) date);
  weekday = g_date_get_weekday (&d);
  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

/**
 * relance_form_check_date:
 * @validation: where the problems go
 * @field: the field's name
 * @text: what the user typed: "23/11/2026" or "2026-11-23"
 * @date: (out): the date, 0 when @text is none
 *
 * A blocking problem when @text is empty or not a calendar date.
 *
 * Returns: %TRUE when @text is a date
 */
gboolean
relance_form_check_date (RelanceValidation *validation,
                         const char        *field,
                         const char        *text,
                         RelanceDate       *date)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RELANCE_IS_VALIDATION (validation), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = 0;
  if (is_blank (text))
    {
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("Enter a date, for example 23/11/2026."));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (!relance_date_parse (stripped, date, NULL))
    {
      *date = 0;
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("“%s” is not a date: write it as 23/11/2026."), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * relance_form_check_amount:
 * @validation: where the problems go
 * @field: the field's name
 * @text: what the user typed: "1 234,56" or "1234.56"
 * @cents: (out): the amount, 0 when @text is none
 *
 * A blocking problem when @text is empty, not an amount, or not more
 * than zero.
 *
 * Returns: %TRUE when @text is an amount above zero
 */
gboolean
relance_form_check_amount (RelanceValidation *validation,
                           const char        *field,
                           const char        *text,
                           gint64            *cents)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RELANCE_IS_VALIDATION (validation), FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  *cents = 0;
  if (is_blank (text))
    {
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("Enter an amount."));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (!relance_money_parse_cents (stripped, cents, NULL))
    {
      *cents = 0;
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("“%s” is not an amount: write it as 1 234,56."), text);
      return FALSE;
    }
  if (*cents <= 0)
    {
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("The amount must be more than zero."));
      return FALSE;
    }
  return TRUE;
}

/**
 * relance_form_check_planned_date:
 * @validation: where the problems go
 * @field: the field's name
 * @date: the day an action is planned, 0 when it was no date (nothing
 *   more is said)
 * @day: today
 *
 * Blocking before @day: nobody can do an action in the past; a warning
 * on a Saturday or Sunday, when nobody answers the telephone.
 */
void
relance_form_check_planned_date (RelanceValidation *validation,
                                 const char        *field,
                                 RelanceDate        date,
                                 RelanceDate        day)
{
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (date <= 0)
    return;
  if (date < day)
    {
      g_autofree char *today = format_date (day);

      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("The date is in the past: choose %s or later."), today);
    }
  else if (relance_date_is_weekend (date))
    {
      g_autofree char *monday = format_date (next_working_day (date));

      relance_validation_add (validation, RELANCE_SEVERITY_WARNING, field,
                              _("The date falls on a weekend; %s is the next working day."),
                              monday);
    }
}

/**
 * relance_form_check_new_action:
 * @validation: where the problems go
 * @form: what the form holds
 * @day: today
 *
 * Fields "title", "date" (relance_form_check_planned_date()), "contact"
 * (an e-mail needs an address: a warning, the message can still be sent
 * by hand later) and "items" (a letter or formal notice about no item
 * claims nothing: blocking).
 */
void
relance_form_check_new_action (RelanceValidation          *validation,
                               const RelanceNewActionForm *form,
                               RelanceDate                 day)
{
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));
  g_return_if_fail (form != NULL);

  if (is_blank (form->title))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "title",
                            _("Say what the action is in its title."));
  relance_form_check_planned_date (validation, "date", form->planned_date, day);
  if (form->channel == RELANCE_CHANNEL_EMAIL && is_blank (form->contact_email))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "contact",
                            _("The contact has no e-mail address: the message cannot be sent."));
  if ((form->channel == RELANCE_CHANNEL_LETTER ||
       form->channel == RELANCE_CHANNEL_REGISTERED_LETTER ||
       form->channel == RELANCE_CHANNEL_FORMAL_NOTICE) && form->n_items == 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "items",
                            _("Choose the items the letter claims."));
}

/**
 * relance_form_check_dispute:
 * @validation: where the problems go
 * @reason: (nullable): why the customer contests
 * @n_items: how many items are chosen
 * @one_currency: whether they share one currency
 * @amount_cents: the amount contested, 0 for all that remains of them
 * @remaining_cents: Σ remaining of the items chosen
 * @currency: their currency
 *
 * Fields "reason", "items" and "amount": an amount above what remains of
 * the items is blocking (the engine refuses it too); a part of it is a
 * warning, since the items then leave dunning whole.
 */
void
relance_form_check_dispute (RelanceValidation *validation,
                            const char        *reason,
                            guint              n_items,
                            gboolean           one_currency,
                            gint64             amount_cents,
                            gint64             remaining_cents,
                            const char        *currency)
{
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (is_blank (reason))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "reason",
                            _("Say why the customer contests the items."));
  if (n_items == 0)
    {
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "items",
                              _("Choose at least one item."));
      return;
    }
  if (!one_currency)
    {
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "items",
                              _("The items are in different currencies: open one dispute per currency."));
      return;
    }
  if (amount_cents > remaining_cents)
    {
      g_autofree char *amount = format_amount (amount_cents, currency);
      g_autofree char *remaining = format_amount (remaining_cents, currency);

      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "amount",
                              _("%s is more than the %s that remains to be paid on the items."),
                              amount, remaining);
    }
  else if (amount_cents > 0 && amount_cents < remaining_cents)
    {
      g_autofree char *remaining = format_amount (remaining_cents, currency);

      relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "amount",
                              _("Only part of the items is contested; all of their %s leaves dunning."),
                              remaining);
    }
}

/**
 * relance_form_check_instalment:
 * @validation: where the problems go
 * @index: the instalment's position, 0 for the first
 * @due_date: its date, 0 when it was no date (nothing more is said)
 * @amount_cents: its amount
 * @day: the day the promise is made
 *
 * Field "instalment-<index>": a date before @day is blocking (the engine
 * refuses it), a weekend date a warning.
 */
void
relance_form_check_instalment (RelanceValidation *validation,
                               guint              index,
                               RelanceDate        due_date,
                               gint64             amount_cents,
                               RelanceDate        day)
{
  g_autofree char *field = NULL;

  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  field = g_strdup_printf ("instalment-%u", index);
  if (due_date > 0 && due_date < day)
    {
      g_autofree char *date = format_date (due_date);

      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                              _("Instalment %u is due on %s, before the promise is made."),
                              index + 1, date);
    }
  else if (due_date > 0 && relance_date_is_weekend (due_date))
    {
      g_autofree char *monday = format_date (next_working_day (due_date));

      relance_validation_add (validation, RELANCE_SEVERITY_WARNING, field,
                              _("Instalment %u falls on a weekend; the payment may arrive on %s."),
                              index + 1, monday);
    }
  if (amount_cents < 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, field,
                            _("Instalment %u has a negative amount."), index + 1);
}

/**
 * relance_form_check_promise:
 * @validation: where the problems go
 * @promise: the promise as entered (its instalments whose text was a
 *   date and an amount)
 * @overdue_cents: the customer's overdue amount in the promise's currency
 * @day: the day the promise is made
 *
 * Fields "instalments" (none: blocking), "grace" (negative: blocking)
 * and "total": a total that differs from the overdue amount is a warning
 * — an arrangement may cover more or less than what is late, but the
 * agent should mean it.
 */
void
relance_form_check_promise (RelanceValidation    *validation,
                            const RelancePromise *promise,
                            gint64                overdue_cents,
                            RelanceDate           day)
{
  gint64 total;

  g_return_if_fail (RELANCE_IS_VALIDATION (validation));
  g_return_if_fail (promise != NULL);

  if (promise->instalments == NULL || promise->instalments->len == 0)
    {
      relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "instalments",
                              _("Add at least one instalment."));
      return;
    }
  if (promise->grace_days < 0)
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "grace",
                            _("The grace period cannot be negative."));
  total = relance_promise_get_total_cents (promise);
  if (total != overdue_cents)
    {
      g_autofree char *promised = format_amount (total, promise->currency);
      g_autofree char *overdue = format_amount (overdue_cents, promise->currency);

      relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "total",
                              _("The instalments add up to %s, the overdue amount is %s."),
                              promised, overdue);
    }
}

/**
 * relance_form_propose_follow_up:
 * @scenario: (nullable): the scenario of the step
 * @step: (nullable): the step of the action performed, %NULL for an
 *   action planned by hand
 * @day: the day the action is done
 * @end_date: (out): the day the customer is given until (fin prévue)
 * @reminder_date: (out): the day to follow up (date de rappel), the date
 *   proposed for the next action
 *
 * As seed 003 describes: the step has a duration and a reminder, so the
 * end date and the reminder date are proposed from them. The duration is
 * the step's, else the days until the scenario's next step would fall
 * due, else RELANCE_FORM_DEFAULT_FOLLOW_UP_DAYS; the reminder comes that
 * many days before the end, never before the next day. Neither falls on
 * a weekend.
 */
void
relance_form_propose_follow_up (const RelanceScenario     *scenario,
                                const RelanceScenarioStep *step,
                                RelanceDate                day,
                                RelanceDate               *end_date,
                                RelanceDate               *reminder_date)
{
  int duration = 0;
  int reminder = 0;
  RelanceDate end;
  RelanceDate remind;

  g_return_if_fail (day > 0);
  g_return_if_fail (end_date != NULL && reminder_date != NULL);

  if (step != NULL)
    {
      duration = step->duration_days;
      reminder = step->reminder_days;
      if (duration <= 0 && scenario != NULL)
        {
          const RelanceScenarioStep *next = relance_scenario_next_step (scenario, step->position);

          if (next != NULL && next->trigger_ref == RELANCE_TRIGGER_PREVIOUS_STEP)
            duration = next->trigger_days;
          else if (next != NULL && step->trigger_ref == RELANCE_TRIGGER_DUE_DATE)
            duration = next->trigger_days - step->trigger_days;
        }
    }
  if (duration <= 0)
    duration = RELANCE_FORM_DEFAULT_FOLLOW_UP_DAYS;

  end = next_working_day (day + duration);
  remind = reminder > 0 ? end - reminder : end;
  if (remind <= day)
    remind = day + 1;
  *end_date = end;
  *reminder_date = next_working_day (remind);
}
