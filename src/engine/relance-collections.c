/* relance-collections.c — the seeded scenarios and rules of a new database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scenarios follow the « Scénario Standard » of seed 001 (J-15
 * courtesy e-mail, J+0 statement, letters at J+10 and J+20, a call at
 * J+30, the formal notice at J+45, a call before litigation at J+60 and
 * the hand-over at J+75), with a softer variant for large accounts and
 * one for consumers. Their names and templates are data, in French like
 * the letters: they are not translated with the interface.
 */
#define G_LOG_DOMAIN "relance-collections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-collections.h"

typedef struct
{
  const char        *name;
  int                trigger_days;
  RelanceTriggerRef  trigger_ref;
  RelanceChannel     channel;
  gboolean           automatic;
  const char        *template_key;
  int                level;
  gint64             fee_cents;
  gboolean           charge_interest;
  gboolean           blocking;
  const char        *assignee_role;
  int                next_success;
  int                next_failure;
} SeedStep;

typedef struct
{
  const char     *code;
  const char     *name;
  const char     *description;
  const SeedStep *steps;
  guint           n_steps;
} SeedScenario;

#define DUE RELANCE_TRIGGER_DUE_DATE
#define PREV RELANCE_TRIGGER_PREVIOUS_STEP
#define AUTO TRUE
#define MANUAL FALSE

/* B2B, as seed 001. The registered formal notice costs the sender; the
 * 15 € fee is the kind of « frais de mise en demeure » that general terms
 * of sale state. Late interest and the 40 € indemnity (L441-10, D441-5)
 * are invoiced at the formal notice. */
static const SeedStep standard_steps[] = {
  { "Courriel de courtoisie avant échéance", -15, DUE, RELANCE_CHANNEL_EMAIL, AUTO,
    "email_courtesy", RELANCE_LEVEL_COURTESY, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Courriel avec relevé de compte", 0, DUE, RELANCE_CHANNEL_EMAIL, AUTO,
    "email_statement", RELANCE_LEVEL_REMINDER_1, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Courrier de relance 1", 10, DUE, RELANCE_CHANNEL_LETTER, AUTO,
    "letter_reminder_1", RELANCE_LEVEL_REMINDER_1, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Courrier de relance 2", 20, DUE, RELANCE_CHANNEL_LETTER, AUTO,
    "letter_reminder_2", RELANCE_LEVEL_REMINDER_2, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Appel de relance", 30, DUE, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_REMINDER_2, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Mise en demeure (LRAR)", 45, DUE, RELANCE_CHANNEL_FORMAL_NOTICE, AUTO,
    "formal_notice", RELANCE_LEVEL_FORMAL_NOTICE, 1500, TRUE, FALSE, NULL, 0, 0 },
  { "Appel avant contentieux", 60, DUE, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_PRE_LITIGATION, 0, FALSE, TRUE, NULL, 0, 0 },
  { "Transmission au contentieux", 75, DUE, RELANCE_CHANNEL_LITIGATION, MANUAL,
    "litigation_transfer", RELANCE_LEVEL_LITIGATION, 0, FALSE, FALSE, "manager",
    0, 0 },
};

/* Large accounts: a short courtesy notice, calls by their account agent
 * rather than letters (a successful call skips the letter), the credit
 * manager's call ten days after the agent's, a formal notice sent by
 * hand and later, no fee. */
static const SeedStep large_account_steps[] = {
  { "Courriel de courtoisie avant échéance", -7, DUE, RELANCE_CHANNEL_EMAIL, AUTO,
    "email_courtesy", RELANCE_LEVEL_COURTESY, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Courriel avec relevé de compte", 5, DUE, RELANCE_CHANNEL_EMAIL, AUTO,
    "email_statement", RELANCE_LEVEL_REMINDER_1, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Appel de courtoisie du chargé de compte", 15, DUE, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_REMINDER_1, 0, FALSE, FALSE, NULL, 5, 4 },
  { "Courrier de relance", 25, DUE, RELANCE_CHANNEL_LETTER, AUTO,
    "letter_reminder_1", RELANCE_LEVEL_REMINDER_2, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Appel de suivi du chargé de compte", 40, DUE, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_REMINDER_2, 0, FALSE, TRUE, NULL, 0, 0 },
  { "Appel du responsable crédit", 10, PREV, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_REMINDER_2, 0, FALSE, FALSE, "manager", 0, 0 },
  { "Mise en demeure (LRAR)", 70, DUE, RELANCE_CHANNEL_FORMAL_NOTICE, MANUAL,
    "formal_notice", RELANCE_LEVEL_FORMAL_NOTICE, 0, TRUE, FALSE, NULL, 0, 0 },
  { "Transmission au contentieux", 100, DUE, RELANCE_CHANNEL_LITIGATION, MANUAL,
    "litigation_transfer", RELANCE_LEVEL_LITIGATION, 0, FALSE, FALSE, "manager",
    0, 0 },
};

/* Consumers: SMS and letters, no fee (recovery costs cannot be charged
 * to a consumer without an enforceable title) and no 40 € indemnity;
 * the interest at the legal rate is not invoiced by a step. */
static const SeedStep consumer_steps[] = {
  { "SMS de courtoisie avant échéance", -3, DUE, RELANCE_CHANNEL_SMS, AUTO,
    "sms_courtesy", RELANCE_LEVEL_COURTESY, 0, FALSE, FALSE, NULL, 0, 0 },
  { "SMS de rappel", 3, DUE, RELANCE_CHANNEL_SMS, AUTO,
    "sms_reminder", RELANCE_LEVEL_REMINDER_1, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Courrier de relance 1", 10, DUE, RELANCE_CHANNEL_LETTER, AUTO,
    "letter_consumer_1", RELANCE_LEVEL_REMINDER_1, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Appel de relance", 20, DUE, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_REMINDER_2, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Courrier de relance 2", 30, DUE, RELANCE_CHANNEL_LETTER, AUTO,
    "letter_consumer_2", RELANCE_LEVEL_REMINDER_2, 0, FALSE, FALSE, NULL, 0, 0 },
  { "Mise en demeure (LRAR)", 45, DUE, RELANCE_CHANNEL_FORMAL_NOTICE, AUTO,
    "formal_notice_consumer", RELANCE_LEVEL_FORMAL_NOTICE, 0, FALSE, FALSE,
    NULL, 0, 0 },
  { "Appel avant contentieux", 60, DUE, RELANCE_CHANNEL_CALL, MANUAL,
    NULL, RELANCE_LEVEL_PRE_LITIGATION, 0, FALSE, TRUE, NULL, 0, 0 },
  { "Transmission au contentieux", 90, DUE, RELANCE_CHANNEL_LITIGATION, MANUAL,
    "litigation_transfer_consumer", RELANCE_LEVEL_LITIGATION, 0, FALSE, FALSE,
    "manager", 0, 0 },
};

static const SeedScenario seed_scenarios[] = {
  { RELANCE_SCENARIO_STANDARD, "Scénario Standard",
    "Relance B2B : courtoisie avant échéance, relevé de compte, deux courriers, appel, "
    "mise en demeure avec frais et intérêts, appel avant contentieux, contentieux.",
    standard_steps, G_N_ELEMENTS (standard_steps) },
  { RELANCE_SCENARIO_LARGE_ACCOUNTS, "Grands comptes",
    "Relance douce des grands comptes : appels du chargé de compte puis du responsable "
    "crédit, mise en demeure manuelle et plus tardive, sans frais.",
    large_account_steps, G_N_ELEMENTS (large_account_steps) },
  { RELANCE_SCENARIO_CONSUMERS, "Particuliers",
    "Relance des particuliers : SMS, courriers, appel, mise en demeure sans frais ni "
    "indemnité forfaitaire.",
    consumer_steps, G_N_ELEMENTS (consumer_steps) },
};

/* Helpers */

static RelanceScenario *
build_scenario (const SeedScenario *seed)
{
  RelanceScenario *scenario = relance_scenario_new (seed->code, seed->name);

  scenario->description = g_strdup (seed->description);
  for (guint i = 0; i < seed->n_steps; i++)
    {
      const SeedStep *s = &seed->steps[i];
      RelanceScenarioStep *step = relance_scenario_add_step (scenario, s->name, s->trigger_days,
                                                             s->trigger_ref, s->channel,
                                                             s->automatic);

      step->template_key = g_strdup (s->template_key);
      step->level = s->level;
      step->fee_cents = s->fee_cents;
      step->charge_interest = s->charge_interest;
      step->blocking = s->blocking;
      step->assignee_role = g_strdup (s->assignee_role);
      step->next_success = s->next_success;
      step->next_failure = s->next_failure;
    }
  return scenario;
}

static gboolean
seed_rules (RelanceDatabase  *db,
            GError          **error)
{
  g_autoptr(RelanceAssignmentRule) large = NULL;
  g_autoptr(RelanceAssignmentRule) consumers = NULL;
  g_autoptr(RelanceAssignmentRule) others = NULL;

  large = relance_assignment_rule_new (1, "Grands comptes", RELANCE_SCENARIO_LARGE_ACCOUNTS);
  large->segment = g_strdup ("Grand compte");
  consumers = relance_assignment_rule_new (2, "Particuliers", RELANCE_SCENARIO_CONSUMERS);
  consumers->actor_kind = RELANCE_ACTOR_KIND_PERSON;
  others = relance_assignment_rule_new (3, "Par défaut", RELANCE_SCENARIO_STANDARD);

  return relance_assignment_store_insert_rule (db, large, error) &&
         relance_assignment_store_insert_rule (db, consumers, error) &&
         relance_assignment_store_insert_rule (db, others, error);
}

static gboolean
seed_user (RelanceDatabase  *db,
           GError          **error)
{
  const char *login = relance_database_get_user (db);
  g_autoptr(RelanceUser) user = NULL;
  const char *name = login;

  /* A system login that is not a valid Relance login (upper case…) is
   * not recorded: the manager adds the users by hand. */
  if (!relance_user_login_is_valid (login))
    return TRUE;
  /* The account's real name when the user is the account's */
  if (g_strcmp0 (login, g_get_user_name ()) == 0 && g_get_real_name () != NULL &&
      *g_get_real_name () != '\0' && g_strcmp0 (g_get_real_name (), "Unknown") != 0)
    name = g_get_real_name ();
  user = relance_user_new (login, name, RELANCE_USER_ROLE_MANAGER);
  return relance_user_store_insert (db, user, error);
}

/* Public API */

gboolean
relance_collections_seed (RelanceDatabase  *db,
                          gboolean         *seeded,
                          GError          **error)
{
  gint64 scenarios;
  gint64 users;
  gboolean wrote = FALSE;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (seeded != NULL)
    *seeded = FALSE;
  if (!relance_database_begin (db, error))
    return FALSE;

  scenarios = relance_scenario_store_count (db);
  users = relance_user_store_count (db);
  if (scenarios < 0 || users < 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_SQL,
                   _("Could not read the scenarios and users of %s"),
                   relance_database_get_path (db));
      goto failed;
    }

  if (scenarios == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (seed_scenarios); i++)
        {
          g_autoptr(RelanceScenario) scenario = build_scenario (&seed_scenarios[i]);

          if (!relance_scenario_store_insert (db, scenario, error))
            goto failed;
        }
      if (!seed_rules (db, error))
        goto failed;
      wrote = TRUE;
    }
  if (users == 0)
    {
      if (!seed_user (db, error))
        goto failed;
      wrote = wrote || relance_user_store_count (db) > 0;
    }

  if (!relance_database_commit (db, error))
    return FALSE;
  if (seeded != NULL)
    *seeded = wrote;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}
