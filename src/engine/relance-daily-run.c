/* relance-daily-run.c — the nightly run « par serveur »
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run of a day D, in order:
 *
 *  1. the journal says that the run of D is running;
 *  2. in one transaction, the promises are evaluated and each one found
 *     broken is escalated: its customer's case resumes and a call
 *     « Promesse non tenue » goes on the agent's agenda. Both are
 *     written together, so that a promise found broken is never left
 *     without its escalation;
 *  3. one pass over the open items (ordered by actor), the disputed ones
 *     marked, and the cases not closed, give each actor's items and
 *     cases; actors are then followed one by one in id order: open,
 *     close, suspend or resume the case of each currency, and walk its
 *     scenario from where it stands, creating every step that fell due
 *     on or before D with its own planned date;
 *  4. the journal says done, with the report.
 *
 * A case opens on the day the run first finds it, O (opening_day()): D
 * on a first run ever, else the day after the last run that finished,
 * not before its oldest item fell in the scenario. It enters its
 * scenario at the level its lateness calls for on O: the last step
 * that fell due on or before O, one action planned on O; the steps
 * before it are passed, never replayed (entry_step()). The steps that
 * fall due from then on are each created on their own day, also when
 * runs were missed (the catch-up).
 *
 * An actor's work is never split between transactions: a run killed at
 * any moment leaves each actor done or not done, and the next run does
 * the rest. Several actors share a transaction (a commit per actor would
 * cost more than the work). The unique index action_once_per_step is the
 * last guard: a step's action exists once per case, so the run is
 * idempotent and catches up missed days without doubles.
 */
#define G_LOG_DOMAIN "relance-daily-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-daily-run.h"
#include "relance-engine-error.h"
#include "relance-assignment.h"
#include "relance-collections.h"
#include "relance-figures.h"
#include "relance-interest.h"
#include "relance-promises.h"

#define DEFAULT_ACTORS_PER_TRANSACTION 4096
/* A transaction is also committed after this long, so that the GUI's
 * writes wait little */
#define MAX_TRANSACTION_USEC (500 * 1000)

/* The title of the call that a broken promise puts on the agenda (data,
 * in the language of the letters) */
#define ESCALATION_TITLE "Promesse non tenue"
#define CLOSING_COMMENT "Dossier clos : plus aucune pièce échue"

typedef struct
{
  gint64      id;
  gint64      actor_id;
  RelanceDate due_date;
  gint64      remaining;
  char        currency[4];
  gboolean    disputed;
} Item;

typedef struct
{
  RelanceDatabase        *db;
  RelanceDate             day;
  RelanceRunReport       *report;
  char                    company[4];

  GPtrArray              *rules;          /* RelanceAssignmentRule */
  GStringChunk           *strings;
  GArray                 *profiles;       /* RelanceActorProfile, by actor */
  GArray                 *promises;       /* RelanceOpenPromise, by actor */
  GArray                 *disputed;       /* invoice ids, sorted */
  GArray                 *items;          /* Item, by actor then due date */
  GArray                 *cases;          /* RelanceCase, by actor then currency */
  GArray                 *unallocated;    /* RelanceUnallocatedRow, by actor */
  GHashTable             *scenarios;      /* gint64 id → RelanceScenario */
  GHashTable             *active_scenarios; /* code → RelanceScenario (borrowed) */
  GHashTable             *role_logins;    /* role → login ("" for none) */

  /* Transactions: a batch of whole actors */
  guint                   per_transaction;
  gboolean                open;
  guint                   in_transaction;
  gint64                  transaction_start;
} Run;

/* What the walk knows of the step a case last reached */
typedef struct
{
  gboolean             known;
  RelanceActionStatus  status;
  RelanceDate          done_date;
} StepState;

/* Helpers: the report */

static void
count_created (RelanceRunReport *report,
               RelanceChannel    channel,
               gboolean          automatic)
{
  report->actions_created++;
  if (automatic)
    report->actions_automatic++;
  else
    report->actions_manual++;
  if (channel < RELANCE_N_CHANNELS)
    report->actions_by_channel[channel]++;
}

/* Helpers: lookups */

static const RelanceActorProfile *
find_profile (Run    *run,
              gint64  actor_id)
{
  const RelanceActorProfile *profiles = (const RelanceActorProfile *) (const void *) run->profiles->data;
  guint lo = 0, hi = run->profiles->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (profiles[mid].actor_id < actor_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < run->profiles->len && profiles[lo].actor_id == actor_id)
    return &profiles[lo];
  return NULL;
}

/* The latest "until" of the actor's open promises still running on D,
 * 0 when none holds */
static RelanceDate
promise_until (Run    *run,
               gint64  actor_id)
{
  const RelanceOpenPromise *promises = (const RelanceOpenPromise *) (const void *) run->promises->data;
  RelanceDate until = 0;
  guint lo = 0, hi = run->promises->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (promises[mid].actor_id < actor_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < run->promises->len && promises[lo].actor_id == actor_id; lo++)
    if (promises[lo].until >= run->day && promises[lo].until > until)
      until = promises[lo].until;
  return until;
}

static gint64
unallocated_of (Run        *run,
                gint64      actor_id,
                const char *currency)
{
  const RelanceUnallocatedRow *rows = (const RelanceUnallocatedRow *) (const void *) run->unallocated->data;
  guint lo = 0, hi = run->unallocated->len;
  gint64 sum = 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rows[mid].actor_id < actor_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < run->unallocated->len && rows[lo].actor_id == actor_id; lo++)
    if (strcmp (rows[lo].currency, currency) == 0)
      sum += rows[lo].unallocated_cents;
  return sum;
}

static const RelanceScenario *
get_scenario (Run      *run,
              gint64    id,
              GError  **error)
{
  RelanceScenario *scenario = g_hash_table_lookup (run->scenarios, &id);

  if (scenario != NULL)
    return scenario;
  scenario = relance_scenario_store_get (run->db, id, error);
  if (scenario == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("A dunning case follows the scenario %" PRId64 ", which does "
                       "not exist"),
                     id);
      return NULL;
    }
  g_hash_table_insert (run->scenarios, g_memdup2 (&scenario->id, sizeof scenario->id), scenario);
  return scenario;
}

/* The active version of @code, NULL when there is none */
static const RelanceScenario *
get_active_scenario (Run         *run,
                     const char  *code,
                     GError     **error)
{
  RelanceScenario *scenario;
  gpointer found;

  if (g_hash_table_lookup_extended (run->active_scenarios, code, NULL, &found))
    return found;
  scenario = relance_scenario_store_find_active (run->db, code, error);
  if (scenario == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      g_hash_table_insert (run->active_scenarios, g_strdup (code), NULL);
      return NULL;
    }
  if (g_hash_table_lookup (run->scenarios, &scenario->id) == NULL)
    g_hash_table_insert (run->scenarios, g_memdup2 (&scenario->id, sizeof scenario->id), scenario);
  else
    {
      gint64 id = scenario->id;

      relance_scenario_free (scenario);
      scenario = g_hash_table_lookup (run->scenarios, &id);
    }
  g_hash_table_insert (run->active_scenarios, g_strdup (code), scenario);
  return scenario;
}

/* The login a step assigned to a role goes to: the first active user
 * with that role, NULL when there is none */
static const char *
login_for_role (Run         *run,
                const char  *role_name,
                GError     **error)
{
  const char *login = g_hash_table_lookup (run->role_logins, role_name);
  g_autoptr(RelanceUser) user = NULL;
  RelanceUserRole role;

  if (login != NULL)
    return *login != '\0' ? login : NULL;
  if (!relance_user_role_from_string (role_name, &role))
    return NULL;
  user = relance_user_store_find_by_role (run->db, role, error);
  if (user == NULL && error != NULL && *error != NULL)
    return NULL;
  g_hash_table_insert (run->role_logins, g_strdup (role_name),
                       g_strdup (user != NULL ? user->login : ""));
  login = g_hash_table_lookup (run->role_logins, role_name);
  return *login != '\0' ? login : NULL;
}

/* Helpers: transactions */

/* Before an actor: the batch's transaction is open, so that what the
 * actor's work reads and writes is one snapshot */
static gboolean
begin_actor (Run     *run,
             GError **error)
{
  if (run->open)
    return TRUE;
  if (!relance_database_begin (run->db, error))
    return FALSE;
  run->open = TRUE;
  run->in_transaction = 0;
  run->transaction_start = g_get_monotonic_time ();
  return TRUE;
}

static gboolean commit_batch (Run     *run,
                              GError **error);

/* After an actor: its work joins the batch, which is committed when it
 * holds enough actors, or has been open long enough, or @last */
static gboolean
end_actor (Run       *run,
           gboolean   last,
           GError   **error)
{
  run->in_transaction++;
  if (!last && run->in_transaction < run->per_transaction &&
      g_get_monotonic_time () - run->transaction_start < MAX_TRANSACTION_USEC)
    return TRUE;
  return commit_batch (run, error);
}

static gboolean
commit_batch (Run     *run,
              GError **error)
{
  if (!run->open)
    return TRUE;
  run->open = FALSE;
  run->in_transaction = 0;
  return relance_database_commit (run->db, error);
}

static void
abandon_batch (Run *run)
{
  if (run->open)
    relance_database_rollback (run->db);
  run->open = FALSE;
  run->in_transaction = 0;
}

/* Helpers: the steps */

/* The items an action of @c is about: what it claims, undisputed, due
 * by the anchor (a courtesy step's item soon due) or overdue on D */
static void
link_items (Run               *run,
            const RelanceCase *c,
            const Item        *items,
            guint              n_items,
            GArray            *invoice_ids)
{
  RelanceDate limit = MAX (c->anchor_date, run->day - 1);

  for (guint i = 0; i < n_items; i++)
    if (!items[i].disputed && items[i].remaining > 0 && items[i].due_date <= limit &&
        strcmp (items[i].currency, c->currency) == 0)
      g_array_append_val (invoice_ids, items[i].id);
}

static gboolean
charge_fee (Run                        *run,
            const RelanceCase          *c,
            const RelanceScenarioStep  *step,
            RelanceAction              *action,
            GError                    **error)
{
  g_autofree char *number = g_strdup_printf ("FR-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                             c->id, step->id);
  g_autoptr(RelanceInvoice) fee = relance_invoice_new (number, c->actor_id);

  relance_invoice_set_kind (fee, RELANCE_INVOICE_KIND_FEE);
  relance_invoice_set_issue_date (fee, action->planned_date);
  relance_invoice_set_due_date (fee, action->planned_date);
  relance_invoice_set_amount_cents (fee, step->fee_cents);
  relance_invoice_set_currency (fee, c->currency);
  if (!relance_invoice_store_insert (run->db, fee, 0, error) ||
      !relance_action_store_set_fee_invoice (run->db, action->id,
                                             relance_invoice_get_id (fee), error))
    return FALSE;
  action->fee_invoice_id = relance_invoice_get_id (fee);
  relance_run_report_amounts (run->report, c->currency)->fees_cents += step->fee_cents;
  return TRUE;
}

/* What performing an automatic step does besides the action itself: the
 * fee, the interest and indemnity, the hand-over to litigation */
static gboolean
perform_automatic (Run                        *run,
                   const RelanceCase          *c,
                   const RelanceScenarioStep  *step,
                   RelanceAction              *action,
                   GError                    **error)
{
  if (step->fee_cents > 0 && !charge_fee (run, c, step, action, error))
    return FALSE;
  if (step->charge_interest)
    {
      gint64 interest = 0;
      gint64 indemnity = 0;
      RelanceRunAmounts *amounts;

      if (!relance_interest_charge (run->db, c->actor_id, run->day, &interest, &indemnity, error))
        return FALSE;
      amounts = relance_run_report_amounts (run->report, c->currency);
      amounts->interest_cents += interest;
      amounts->indemnity_cents += indemnity;
    }
  if (step->channel == RELANCE_CHANNEL_LITIGATION && action->invoice_ids->len > 0)
    {
      if (!relance_case_store_hand_over (run->db, c->id,
                                         (const gint64 *) (const void *) action->invoice_ids->data,
                                         action->invoice_ids->len, error))
        return FALSE;
      run->report->items_handed_over += action->invoice_ids->len;
    }
  return TRUE;
}

static gboolean
load_step_state (Run                        *run,
                 const RelanceCase          *c,
                 const RelanceScenarioStep  *step,
                 StepState                  *state,
                 GError                    **error)
{
  GError *local_error = NULL;
  gboolean found = FALSE;

  if (!relance_action_store_get_step_state (run->db, c->id, step->id, &found, &state->status,
                                            &state->done_date, error))
    return FALSE;
  state->known = TRUE;
  if (!found)
    {
      /* A step reached without an action (a case moved by hand): as if
       * done on the day the case last moved */
      state->status = RELANCE_ACTION_DONE;
      state->done_date = c->last_step_date;
      return TRUE;
    }
  /* A blocking step that failed with no failure branch holds the case
   * until a follow-up planned by hand succeeds: then it is as if the
   * step had succeeded that day */
  if (state->status == RELANCE_ACTION_FAILED && step->blocking && step->next_failure == 0)
    {
      g_autoptr(RelanceAction) follow_up =
        relance_action_store_find_follow_up (run->db, c->id, state->done_date, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (follow_up != NULL)
        {
          state->status = RELANCE_ACTION_DONE;
          state->done_date = follow_up->done_date;
        }
    }
  return TRUE;
}

/* Creates the action of @step in @c planned on @planned; @state says
 * what the step's action is now (also when it existed) */
static gboolean
create_step_action (Run                        *run,
                    const RelanceCase          *c,
                    const RelanceScenarioStep  *step,
                    RelanceDate                 planned,
                    const Item                 *items,
                    guint                       n_items,
                    StepState                  *state,
                    GError                    **error)
{
  g_autoptr(RelanceAction) action = relance_action_new (c->actor_id, step->channel, step->name,
                                                        planned);
  const char *assignee = step->assignee_login;
  gboolean created = FALSE;

  if (assignee == NULL && step->assignee_role != NULL)
    {
      GError *local_error = NULL;

      assignee = login_for_role (run, step->assignee_role, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  if (assignee == NULL)
    assignee = c->agent_login;

  action->case_id = c->id;
  action->step_id = step->id;
  action->automatic = step->automatic;
  action->level = step->level;
  action->run_date = run->day;
  action->assigned_to = g_strdup (assignee);
  link_items (run, c, items, n_items, action->invoice_ids);
  if (step->automatic)
    {
      action->status = RELANCE_ACTION_DONE;
      action->done_date = planned;
      action->done_by = g_strdup (RELANCE_SERVER_USER);
      action->outcome = g_strdup ("success");
    }

  if (!relance_action_store_insert (run->db, action, &created, error))
    return FALSE;
  if (!created)
    {
      /* Already there (it cannot be from this walk): go on from it */
      return load_step_state (run, c, step, state, error);
    }

  count_created (run->report, step->channel, step->automatic);
  if (step->automatic && !perform_automatic (run, c, step, action, error))
    return FALSE;
  state->known = TRUE;
  state->status = action->status;
  state->done_date = action->done_date;

  return TRUE;
}

/*
 * entry_step:
 *
 * The step a case that has reached none enters its scenario at: the
 * last one (by position) of the steps counted from the due date that
 * fell due on or before @opening, the case's opening day; %NULL when
 * none has. Steps counted from a previous step cannot have fallen due,
 * as nothing before them was done. The steps before the entry are
 * passed: no action, no fee — even a blocking one, as the lateness
 * wins.
 */
static const RelanceScenarioStep *
entry_step (const RelanceScenario *scenario,
            RelanceDate            anchor,
            RelanceDate            opening)
{
  const RelanceScenarioStep *entry = NULL;

  /* Steps are kept by position */
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      if (step->trigger_ref == RELANCE_TRIGGER_DUE_DATE && anchor + step->trigger_days <= opening)
        entry = step;
    }
  return entry;
}

/* The audit's first line for a case that enters its scenario at
 * @entry: the steps before it were passed, not forgotten */
static char *
describe_entry (const RelanceScenario     *scenario,
                const RelanceScenarioStep *entry,
                const char                *why)
{
  const RelanceScenarioStep *first = relance_scenario_next_step (scenario, 0);

  if (first != NULL && entry != NULL && first->position < entry->position)
    return g_strdup_printf ("%s, entered at step %d: the steps before it passed", why,
                            entry->position);
  return g_strdup_printf ("%s, entered at step %d", why, entry != NULL ? entry->position : 0);
}

/*
 * walk:
 *
 * A case that has reached no step yet first enters its scenario at its
 * current level: the last step that fell due on or before the day the
 * case was opened (entry_step()), planned on that day, the steps before
 * it passed. Past history is never replayed.
 *
 * Then, from the step the case last reached, creates every step that
 * fell due on or before D, in order, each planned on the day it fell due
 * (never before the day the case last moved): the catch-up of the runs
 * that were missed since the case was opened. A step counted from the
 * due date falls due on anchor + trigger days; one counted from the
 * previous step on the day that step was done + trigger days, and not
 * before it is done. A planned blocking step stops the walk, and so does
 * a failed one that has no failure branch. Done or failed steps follow
 * their branch.
 *
 * @state says what the action of the step the case last reached is,
 * when known (the caller may have just created it). @entered is set to
 * the position of the entry step when the case entered its scenario in
 * this walk (else left alone): a case opened under a promise enters
 * when the promise is over.
 */
static gboolean
walk (Run                    *run,
      RelanceCase            *c,
      const RelanceScenario  *scenario,
      const Item             *items,
      guint                   n_items,
      StepState              *state,
      int                    *entered,
      GError                **error)
{
  RelanceDate floor_date = c->last_step_date;

  if (c->step_position == 0)
    {
      RelanceDate opening = c->opened_on > 0 ? MIN (c->opened_on, run->day) : run->day;
      const RelanceScenarioStep *entry = entry_step (scenario, c->anchor_date, opening);
      RelanceDate planned = MAX (opening, floor_date);

      if (entry != NULL && planned <= run->day)
        {
          if (!create_step_action (run, c, entry, planned, items, n_items, state, error))
            return FALSE;
          c->step_position = entry->position;
          c->level = entry->level;
          c->last_step_date = planned;
          floor_date = planned;
          *entered = entry->position;
        }
      /* else nothing has fallen due yet: the walk waits for the first
       * step */
    }

  for (guint guard = 0; guard <= scenario->steps->len; guard++)
    {
      const RelanceScenarioStep *current = NULL;
      const RelanceScenarioStep *next;
      RelanceDate previous_done = RELANCE_DATE_NONE;
      RelanceDate due;
      RelanceDate planned;

      if (c->step_position > 0)
        {
          current = relance_scenario_get_step (scenario, c->step_position);
          if (current == NULL)
            return TRUE;
        }

      if (current == NULL)
        next = relance_scenario_next_step (scenario, 0);
      else
        {
          const RelanceScenarioStep *following = relance_scenario_next_step (scenario,
                                                                             current->position);
          gboolean need_state = current->blocking || current->next_success > 0 ||
                                current->next_failure > 0 ||
                                (following != NULL &&
                                 following->trigger_ref == RELANCE_TRIGGER_PREVIOUS_STEP);

          next = following;
          if (need_state)
            {
              if (!state->known && !load_step_state (run, c, current, state, error))
                return FALSE;
              switch (state->status)
                {
                case RELANCE_ACTION_PLANNED:
                  if (current->blocking)
                    return TRUE;
                  break;
                case RELANCE_ACTION_DONE:
                  previous_done = state->done_date;
                  if (current->next_success > 0)
                    next = relance_scenario_get_step (scenario, current->next_success);
                  break;
                case RELANCE_ACTION_FAILED:
                  previous_done = state->done_date;
                  if (current->next_failure > 0)
                    next = relance_scenario_get_step (scenario, current->next_failure);
                  else if (current->blocking)
                    return TRUE;
                  break;
                case RELANCE_ACTION_CANCELLED:
                default:
                  previous_done = state->done_date;
                  break;
                }
            }
        }
      if (next == NULL)
        return TRUE;

      if (next->trigger_ref == RELANCE_TRIGGER_DUE_DATE)
        due = c->anchor_date + next->trigger_days;
      else if (previous_done != RELANCE_DATE_NONE)
        due = previous_done + next->trigger_days;
      else
        return TRUE;
      if (due > run->day)
        return TRUE;
      planned = MAX (due, floor_date);
      if (planned > run->day)
        return TRUE;

      state->known = FALSE;
      if (!create_step_action (run, c, next, planned, items, n_items, state, error))
        return FALSE;
      c->step_position = next->position;
      c->level = next->level;
      c->last_step_date = planned;
      floor_date = planned;
    }
  return TRUE;
}

/* Helpers: one actor */

typedef struct
{
  RelanceDate oldest_overdue;  /* undisputed, owed, due before D; 0 if none */
  RelanceDate soonest_due;     /* undisputed, owed, due on or after D; 0 if none */
  int         days_late;
  gint64      open_cents;      /* Σ remaining of every open item */
} CurrencyState;

static void
compute_state (Run           *run,
               const Item    *items,
               guint          n_items,
               const char    *currency,
               CurrencyState *cs)
{
  memset (cs, 0, sizeof *cs);
  for (guint i = 0; i < n_items; i++)
    {
      const Item *item = &items[i];

      if (strcmp (item->currency, currency) != 0)
        continue;
      cs->open_cents += item->remaining;
      if (item->disputed || item->remaining <= 0)
        continue;
      if (item->due_date < run->day)
        {
          if (cs->oldest_overdue == 0 || item->due_date < cs->oldest_overdue)
            cs->oldest_overdue = item->due_date;
        }
      else if (cs->soonest_due == 0 || item->due_date < cs->soonest_due)
        cs->soonest_due = item->due_date;
    }
  if (cs->oldest_overdue != 0)
    cs->days_late = relance_days_late (cs->oldest_overdue, run->day);
}

/* How many days before the due date the scenario's first step comes, 0
 * when it does not come before */
static int
courtesy_days (const RelanceScenario *scenario)
{
  const RelanceScenarioStep *first;

  if (scenario == NULL)
    return 0;
  first = relance_scenario_next_step (scenario, 0);
  if (first == NULL || first->trigger_ref != RELANCE_TRIGGER_DUE_DATE || first->trigger_days >= 0)
    return 0;
  return -first->trigger_days;
}

static gboolean
in_courtesy_window (Run                   *run,
                    const CurrencyState   *cs,
                    const RelanceScenario *scenario)
{
  int days = courtesy_days (scenario);

  return days > 0 && cs->soonest_due != 0 && run->day >= cs->soonest_due - days;
}

/*
 * opening_day:
 *
 * The day the run first finds a case that opens now, O: on a first run
 * ever, D itself; otherwise the day after the last run that finished,
 * but not before the day the case's anchor item fell in the scenario
 * (its due date + 1, or + the trigger of a first step that comes before
 * the due date). The steps that fell due from O to D are caught up on
 * their own days; the ones before O are not replayed (walk()).
 */
static RelanceDate
opening_day (Run                   *run,
             RelanceDate            anchor,
             const RelanceScenario *scenario)
{
  int courtesy = courtesy_days (scenario);
  RelanceDate start = courtesy > 0 ? anchor - courtesy : anchor + 1;

  if (run->report->previous_run == RELANCE_DATE_NONE)
    return run->day;
  return MIN (MAX (run->report->previous_run + 1, start), run->day);
}

static gboolean
close_case (Run          *run,
            RelanceCase  *stored,
            GError      **error)
{
  RelanceCase closed;
  guint cancelled = 0;
  gboolean ok;

  relance_case_copy_to (stored, &closed);
  closed.status = RELANCE_CASE_CLOSED;
  closed.closed_on = run->day;
  ok = relance_case_store_update (run->db, stored, &closed, "nothing overdue", error) &&
       relance_action_store_cancel_planned_for_case (run->db, stored->id, run->day,
                                                     CLOSING_COMMENT, &cancelled, error);
  relance_case_clear (&closed);
  if (!ok)
    return FALSE;
  run->report->cases_closed++;
  run->report->actions_cancelled += cancelled;
  return TRUE;
}

/* Opens, closes, suspends, resumes and walks the case of one actor in
 * one currency. @stored is its case not closed, or NULL. */
static gboolean
follow_currency (Run                      *run,
                 const RelanceActorProfile *profile,
                 const RelanceAssignment  *assignment,
                 const char               *currency,
                 const RelanceCase        *stored,
                 const Item               *items,
                 guint                     n_items,
                 GError                  **error)
{
  const RelanceScenario *new_scenario = NULL;
  const RelanceScenario *scenario = NULL;
  const RelanceScenarioStep *entry = NULL;
  GError *local_error = NULL;
  CurrencyState cs;
  RelanceCase c = { 0 };
  RelanceDate until;
  StepState state = { FALSE, RELANCE_ACTION_PLANNED, 0 };
  g_autofree char *entry_why = NULL;
  int entered = 0;
  gboolean have_case = FALSE;
  gboolean ok = FALSE;
  const char *why = NULL;

  compute_state (run, items, n_items, currency, &cs);

  new_scenario = get_active_scenario (run, assignment->scenario_code, &local_error);
  if (new_scenario == NULL && local_error == NULL && !assignment->scenario_by_hand)
    new_scenario = get_active_scenario (run, RELANCE_SCENARIO_STANDARD, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (stored != NULL)
    {
      scenario = get_scenario (run, stored->scenario_id, error);
      if (scenario == NULL)
        return FALSE;
      relance_case_copy_to (stored, &c);
      have_case = TRUE;

      if (cs.oldest_overdue != 0)
        c.anchor_date = cs.oldest_overdue;
      else if (in_courtesy_window (run, &cs, scenario) && stored->anchor_date >= run->day)
        c.anchor_date = cs.soonest_due;
      else
        {
          /* Nothing undisputed overdue, and the case is past its
           * courtesy steps: done. A courtesy window may open a new one. */
          if (!close_case (run, &c, error))
            goto out;
          relance_case_clear (&c);
          have_case = FALSE;
          stored = NULL;
        }
    }

  if (!have_case)
    {
      if (new_scenario == NULL ||
          (cs.oldest_overdue == 0 && !in_courtesy_window (run, &cs, new_scenario)))
        {
          ok = TRUE;
          goto out;
        }
      memset (&c, 0, sizeof c);
      c.actor_id = profile->actor_id;
      g_strlcpy (c.currency, currency, sizeof c.currency);
      c.scenario_id = new_scenario->id;
      c.anchor_date = cs.oldest_overdue != 0 ? cs.oldest_overdue : cs.soonest_due;
      c.agent_login = g_strdup (assignment->agent_login);
      c.opened_on = opening_day (run, c.anchor_date, new_scenario);
      c.level = RELANCE_LEVEL_COURTESY;
      scenario = new_scenario;
      have_case = TRUE;
      stored = NULL;
      /* Unless a promise holds, the case is opened at the step it
       * enters at, with that step's action: one write of the case
       * rather than an opening and a move */
      if (promise_until (run, profile->actor_id) == 0)
        entry = entry_step (scenario, c.anchor_date, c.opened_on);
      if (entry != NULL)
        {
          c.step_position = entry->position;
          c.level = entry->level;
          c.last_step_date = c.opened_on;
          entry_why = describe_entry (scenario, entry, "opened");
        }
      if (!relance_case_store_open (run->db, &c, entry_why, error))
        goto out;
      run->report->cases_opened++;
      if (entry != NULL &&
          !create_step_action (run, &c, entry, c.opened_on, items, n_items, &state, error))
        goto out;
    }

  {
    /* The state the case is written from from now on */
    RelanceCase before;

    relance_case_copy_to (&c, &before);
    if (stored != NULL)
      {
        relance_case_clear (&before);
        relance_case_copy_to (stored, &before);
      }

    if (g_strcmp0 (c.agent_login, assignment->agent_login) != 0)
      {
        g_free (c.agent_login);
        c.agent_login = g_strdup (assignment->agent_login);
      }

    until = promise_until (run, profile->actor_id);
    if (until != 0)
      {
        if (c.status != RELANCE_CASE_SUSPENDED)
          {
            c.status = RELANCE_CASE_SUSPENDED;
            run->report->cases_suspended++;
            why = "promise to pay";
          }
      }
    else
      {
        if (c.status == RELANCE_CASE_SUSPENDED)
          {
            /* The promise is over: steps that fell due while it held
             * are planned from today, not in the past */
            c.status = RELANCE_CASE_OPEN;
            c.last_step_date = MAX (c.last_step_date, run->day);
            run->report->cases_resumed++;
            why = "promise over";
          }
        ok = walk (run, &c, scenario, items, n_items, &state, &entered, error);
        if (!ok)
          {
            relance_case_clear (&before);
            goto out;
          }
        if (entered > 0)
          {
            g_free (entry_why);
            entry_why = describe_entry (scenario,
                                        relance_scenario_get_step (scenario, entered),
                                        why != NULL ? why : "daily run");
            why = entry_why;
          }
        if (why == NULL)
          why = "daily run";
      }

    ok = TRUE;
    if (before.status != c.status || before.level != c.level ||
        before.step_position != c.step_position || before.anchor_date != c.anchor_date ||
        before.last_step_date != c.last_step_date ||
        g_strcmp0 (before.agent_login, c.agent_login) != 0)
      ok = relance_case_store_update (run->db, &before, &c, why, error);
    relance_case_clear (&before);
  }

out:
  relance_case_clear (&c);
  return ok;
}

static gboolean
follow_actor (Run                *run,
              gint64              actor_id,
              const Item         *items,
              guint               n_items,
              const RelanceCase  *cases,
              guint               n_cases,
              GError            **error)
{
  const RelanceActorProfile *profile = find_profile (run, actor_id);
  g_autoptr(GPtrArray) currencies = g_ptr_array_new ();
  RelanceAssignment assignment;
  CurrencyState company;

  if (profile == NULL)
    return TRUE;
  run->report->actors++;

  compute_state (run, items, n_items, run->company, &company);
  relance_assignment_pick (profile, run->rules,
                           company.open_cents - unallocated_of (run, actor_id, run->company),
                           company.days_late, &assignment);

  /* The currencies of the items and the cases, the company's first */
  for (guint i = 0; i < n_items; i++)
    if (!g_ptr_array_find_with_equal_func (currencies, items[i].currency, g_str_equal, NULL))
      g_ptr_array_add (currencies, (gpointer) items[i].currency);
  for (guint i = 0; i < n_cases; i++)
    if (!g_ptr_array_find_with_equal_func (currencies, cases[i].currency, g_str_equal, NULL))
      g_ptr_array_add (currencies, (gpointer) cases[i].currency);

  for (guint i = 0; i < currencies->len; i++)
    {
      const char *currency = g_ptr_array_index (currencies, i);
      const RelanceCase *stored = NULL;

      for (guint k = 0; k < n_cases; k++)
        if (strcmp (cases[k].currency, currency) == 0)
          stored = &cases[k];
      if (!follow_currency (run, profile, &assignment, currency, stored, items, n_items, error))
        return FALSE;
    }
  return TRUE;
}

/* Helpers: the phases */

static gboolean
collect_item_cb (const RelanceInvoiceRow *row,
                 gpointer                 user_data)
{
  Run *run = user_data;
  Item item;

  item.id = row->id;
  item.actor_id = row->actor_id;
  item.due_date = row->due_date;
  item.remaining = row->amount_cents - row->allocated_cents;
  memcpy (item.currency, row->currency, sizeof item.currency);
  item.disputed = relance_dispute_ids_contain (run->disputed, row->id);
  g_array_append_val (run->items, item);
  return TRUE;
}

static gboolean
collect_unallocated_cb (const RelanceUnallocatedRow *row,
                        gpointer                     user_data)
{
  Run *run = user_data;

  g_array_append_vals (run->unallocated, row, 1);
  return TRUE;
}

/* A broken promise: the actor's cases resume and a call goes on the
 * agenda of the case's agent. In the transaction of the evaluation. */
static gboolean
escalate (Run     *run,
          gint64   actor_id,
          GError **error)
{
  g_autoptr(GPtrArray) cases = relance_case_store_list_for_actor (run->db, actor_id, error);
  g_autoptr(RelanceAction) action = NULL;
  const RelanceCase *target = NULL;
  RelanceActorProfile profile;

  if (cases == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    {
      RelanceCase *c = g_ptr_array_index (cases, i);
      RelanceCase resumed;
      gboolean ok;

      if (c->status == RELANCE_CASE_CLOSED)
        continue;
      if (target == NULL || strcmp (c->currency, run->company) == 0)
        target = c;
      if (c->status != RELANCE_CASE_SUSPENDED)
        continue;
      relance_case_copy_to (c, &resumed);
      resumed.status = RELANCE_CASE_OPEN;
      resumed.last_step_date = MAX (resumed.last_step_date, run->day);
      ok = relance_case_store_update (run->db, c, &resumed, "promise broken", error);
      relance_case_clear (&resumed);
      if (!ok)
        return FALSE;
      c->status = RELANCE_CASE_OPEN;
      run->report->cases_resumed++;
    }

  action = relance_action_new (actor_id, RELANCE_CHANNEL_CALL, ESCALATION_TITLE, run->day);
  action->run_date = run->day;
  if (target != NULL)
    {
      action->case_id = target->id;
      action->level = target->level;
      action->assigned_to = g_strdup (target->agent_login);
    }
  else if (relance_assignment_store_get_profile (run->db, actor_id, run->strings, &profile, NULL))
    action->assigned_to = g_strdup (profile.agent);
  if (!relance_action_store_insert (run->db, action, NULL, error))
    return FALSE;
  count_created (run->report, RELANCE_CHANNEL_CALL, FALSE);
  run->report->escalations++;
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
evaluate_promises (Run     *run,
                   GError **error)
{
  g_autoptr(GArray) broken = NULL;

  if (!relance_database_begin (run->db, error))
    return FALSE;
  if (!relance_promises_evaluate (run->db, run->day, &broken, error))
    goto failed;
  if (broken != NULL)
    {
      /* One escalation per actor, in id order */
      g_array_sort (broken, compare_ids);
      for (guint i = 0; i < broken->len; i++)
        {
          gint64 actor_id = g_array_index (broken, gint64, i);

          if (i > 0 && g_array_index (broken, gint64, i - 1) == actor_id)
            continue;
          if (!escalate (run, actor_id, error))
            goto failed;
        }
    }
  return relance_database_commit (run->db, error);

failed:
  relance_database_rollback (run->db);
  return FALSE;
}

static gboolean
load (Run     *run,
      GError **error)
{
  gint64 t0 = g_get_monotonic_time ();

  run->rules = relance_assignment_store_list_rules (run->db, FALSE, error);
  if (run->rules == NULL)
    return FALSE;
  run->profiles = relance_assignment_store_load_profiles (run->db, run->strings, error);
  if (run->profiles == NULL)
    return FALSE;
  g_debug ("  profiles: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  run->promises = relance_promise_store_list_open (run->db, error);
  if (run->promises == NULL)
    return FALSE;
  run->disputed = relance_dispute_store_open_invoice_ids (run->db, 0, error);
  if (run->disputed == NULL)
    return FALSE;
  g_debug ("  promises and disputes: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  run->cases = relance_case_store_list_active (run->db, error);
  if (run->cases == NULL)
    return FALSE;
  g_debug ("  cases: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  /* The unallocated payments only matter to rules on the outstanding */
  for (guint i = 0; i < run->rules->len; i++)
    {
      const RelanceAssignmentRule *rule = g_ptr_array_index (run->rules, i);

      if (rule->has_min_outstanding || rule->has_max_outstanding)
        {
          if (!relance_payment_store_foreach_unallocated (run->db, 0, collect_unallocated_cb, run,
                                                          error))
            return FALSE;
          break;
        }
    }
  g_debug ("  unallocated: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  if (!relance_invoice_store_foreach_open (run->db, 0, collect_item_cb, run, error))
    return FALSE;
  g_debug ("  open items: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  return TRUE;
}

static gboolean
fail_if_cancelled (GCancellable  *cancellable,
                   GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The daily run was cancelled; run it again to finish it"));
  return TRUE;
}

/* Walks the actors that have an open item or a case not closed, merging
 * the two arrays, both ordered by actor */
static gboolean
follow_actors (Run                 *run,
               GCancellable        *cancellable,
               RelanceProgressFunc  progress,
               gpointer             progress_data,
               const char          *what,
               GError             **error)
{
  const Item *items = (const Item *) (const void *) run->items->data;
  const RelanceCase *cases = (const RelanceCase *) (const void *) run->cases->data;
  guint n_items = run->items->len;
  guint n_cases = run->cases->len;
  guint i = 0, k = 0;
  guint n_actors = 0;
  guint done = 0;

  /* How many actors, for the progress */
  while (i < n_items || k < n_cases)
    {
      gint64 a = i < n_items ? items[i].actor_id : G_MAXINT64;
      gint64 b = k < n_cases ? cases[k].actor_id : G_MAXINT64;
      gint64 actor = MIN (a, b);

      while (i < n_items && items[i].actor_id == actor)
        i++;
      while (k < n_cases && cases[k].actor_id == actor)
        k++;
      n_actors++;
    }

  i = k = 0;
  while (i < n_items || k < n_cases)
    {
      gint64 a = i < n_items ? items[i].actor_id : G_MAXINT64;
      gint64 b = k < n_cases ? cases[k].actor_id : G_MAXINT64;
      gint64 actor = MIN (a, b);
      guint first_item = i, first_case = k;

      while (i < n_items && items[i].actor_id == actor)
        i++;
      while (k < n_cases && cases[k].actor_id == actor)
        k++;

      if (g_cancellable_is_cancelled (cancellable))
        {
          /* The actors done so far are kept */
          if (!commit_batch (run, error))
            return FALSE;
          return !fail_if_cancelled (cancellable, error);
        }

      if (!begin_actor (run, error) ||
          !follow_actor (run, actor, items + first_item, i - first_item,
                         cases + first_case, k - first_case, error) ||
          !end_actor (run, i >= n_items && k >= n_cases, error))
        {
          abandon_batch (run);
          return FALSE;
        }
      done++;
      if (progress != NULL)
        progress (0.1 + 0.9 * (double) done / (double) MAX (n_actors, 1), what, progress_data);
    }
  return TRUE;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->rules, g_ptr_array_unref);
  g_clear_pointer (&run->profiles, g_array_unref);
  g_clear_pointer (&run->strings, g_string_chunk_free);
  g_clear_pointer (&run->promises, g_array_unref);
  g_clear_pointer (&run->disputed, g_array_unref);
  g_clear_pointer (&run->items, g_array_unref);
  g_clear_pointer (&run->cases, g_array_unref);
  g_clear_pointer (&run->unallocated, g_array_unref);
  g_clear_pointer (&run->active_scenarios, g_hash_table_unref);
  g_clear_pointer (&run->scenarios, g_hash_table_unref);
  g_clear_pointer (&run->role_logins, g_hash_table_unref);
}

/* Public API: the report */

/**
 * relance_run_report_new:
 * @day: the run's day
 * @company_currency: the company currency, whose amounts come first
 *
 * Returns: (transfer full): an empty report
 */
RelanceRunReport *
relance_run_report_new (RelanceDate  day,
                        const char  *company_currency)
{
  RelanceRunReport *report = g_new0 (RelanceRunReport, 1);

  report->day = day;
  report->amounts = g_array_new (FALSE, TRUE, sizeof (RelanceRunAmounts));
  relance_run_report_amounts (report, company_currency);
  return report;
}

void
relance_run_report_free (RelanceRunReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->amounts, g_array_unref);
  g_free (report);
}

RelanceRunAmounts *
relance_run_report_amounts (RelanceRunReport *report,
                            const char       *currency)
{
  RelanceRunAmounts fresh = { { 0 }, 0, 0, 0 };

  g_return_val_if_fail (report != NULL && currency != NULL, NULL);

  for (guint i = 0; i < report->amounts->len; i++)
    {
      RelanceRunAmounts *amounts = &g_array_index (report->amounts, RelanceRunAmounts, i);

      if (strcmp (amounts->currency, currency) == 0)
        return amounts;
    }
  g_strlcpy (fresh.currency, currency, sizeof fresh.currency);
  g_array_append_val (report->amounts, fresh);
  return &g_array_index (report->amounts, RelanceRunAmounts, report->amounts->len - 1);
}

/**
 * relance_run_report_to_json:
 * @report: a report
 *
 * The keys are those of `relance-cli run --json` (docs/cli.md).
 *
 * Returns: (transfer full): a JSON object
 */
char *
relance_run_report_to_json (const RelanceRunReport *report)
{
  GString *json = g_string_new ("{");
  g_autofree char *day = relance_date_to_iso (report->day);
  g_autofree char *previous = report->previous_run ? relance_date_to_iso (report->previous_run)
                                                   : NULL;

  g_string_append_printf (json, "\"date\":\"%s\",\"resumed\":%s,", day,
                          report->resumed ? "true" : "false");
  if (previous != NULL)
    g_string_append_printf (json, "\"previous_run\":\"%s\",", previous);
  else
    g_string_append (json, "\"previous_run\":null,");
  g_string_append_printf (json,
                          "\"actors\":%u,\"cases_opened\":%u,\"cases_closed\":%u,"
                          "\"cases_suspended\":%u,\"cases_resumed\":%u,"
                          "\"actions_created\":%u,\"actions_automatic\":%u,"
                          "\"actions_manual\":%u,\"actions_cancelled\":%u,"
                          "\"escalations\":%u,\"items_handed_over\":%u,",
                          report->actors, report->cases_opened, report->cases_closed,
                          report->cases_suspended, report->cases_resumed,
                          report->actions_created, report->actions_automatic,
                          report->actions_manual, report->actions_cancelled,
                          report->escalations, report->items_handed_over);
  g_string_append (json, "\"actions_by_channel\":{");
  for (guint c = 0; c < RELANCE_N_CHANNELS; c++)
    g_string_append_printf (json, "%s\"%s\":%u", c > 0 ? "," : "",
                            relance_channel_to_string (c), report->actions_by_channel[c]);
  g_string_append (json, "},\"amounts\":[");
  for (guint i = 0; i < report->amounts->len; i++)
    {
      const RelanceRunAmounts *a = &g_array_index (report->amounts, RelanceRunAmounts, i);

      g_string_append_printf (json,
                              "%s{\"currency\":\"%s\",\"fees_cents\":%" G_GINT64_FORMAT
                              ",\"interest_cents\":%" G_GINT64_FORMAT
                              ",\"indemnity_cents\":%" G_GINT64_FORMAT "}",
                              i > 0 ? "," : "", a->currency, a->fees_cents,
                              a->interest_cents, a->indemnity_cents);
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

/* Public API: the run */

/**
 * relance_daily_run:
 * @db: a database (in a GTask thread: that thread's own connection),
 *   not in a transaction
 * @day: the day D
 * @options: (nullable): options, %NULL for the defaults
 * @cancellable: (nullable): stops the run between two actors; what is
 *   done is kept and the next run finishes the job
 * @progress: (nullable): called at each phase, then after each actor
 *   with the same phrase
 * @progress_data: data for @progress
 * @report: (out) (optional) (transfer full): what the run did
 * @error: a #GError
 *
 * Runs the collections of day D: see the top of this file and
 * docs/collections.md. Seeds the scenarios of a database that has none.
 * Deterministic and idempotent: a second run of D creates nothing; a run
 * killed in the middle is finished by the next one.
 *
 * Returns: %FALSE with @error set on failure or cancellation
 */
gboolean
relance_daily_run (RelanceDatabase               *db,
                   RelanceDate                    day,
                   const RelanceDailyRunOptions  *options,
                   GCancellable                  *cancellable,
                   RelanceProgressFunc            progress,
                   gpointer                       progress_data,
                   RelanceRunReport             **report,
                   GError                       **error)
{
  g_autoptr(RelanceRunReport) result = NULL;
  g_autofree char *company = NULL;
  g_autofree char *summary = NULL;
  GError *local_error = NULL;
  RelanceRunState previous;
  Run run = { 0 };
  gboolean ok = FALSE;
  const char *what;
  gint64 start;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);
  g_return_val_if_fail (!relance_database_in_transaction (db), FALSE);

  company = relance_company_currency (db);
  result = relance_run_report_new (day, company);

  if (!relance_collections_seed (db, &result->seeded, error))
    return FALSE;
  if (!relance_run_journal_start (db, day, &previous, error))
    return FALSE;
  result->resumed = previous == RELANCE_RUN_RUNNING;
  result->previous_run = relance_run_journal_last_done (db, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  run.db = db;
  run.day = day;
  run.report = result;
  g_strlcpy (run.company, company, sizeof run.company);
  run.per_transaction = options != NULL && options->actors_per_transaction > 0
                          ? options->actors_per_transaction : DEFAULT_ACTORS_PER_TRANSACTION;
  run.strings = g_string_chunk_new (4096);
  run.items = g_array_new (FALSE, FALSE, sizeof (Item));
  run.unallocated = g_array_new (FALSE, FALSE, sizeof (RelanceUnallocatedRow));
  run.scenarios = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) relance_scenario_free);
  run.active_scenarios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.role_logins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (progress != NULL)
    progress (0.0, _("Evaluating the promises to pay"), progress_data);
  start = g_get_monotonic_time ();
  if (!evaluate_promises (&run, error) || fail_if_cancelled (cancellable, error))
    goto out;
  g_debug ("promises evaluated in %.3f s", (g_get_monotonic_time () - start) / 1e6);

  if (progress != NULL)
    progress (0.02, _("Reading the open items and the cases"), progress_data);
  start = g_get_monotonic_time ();
  if (!load (&run, error) || fail_if_cancelled (cancellable, error))
    goto out;
  g_debug ("%u open items, %u cases, %u actors read in %.3f s", run.items->len, run.cases->len,
           run.profiles->len, (g_get_monotonic_time () - start) / 1e6);

  what = _("Following the cases");
  if (progress != NULL)
    progress (0.1, what, progress_data);
  start = g_get_monotonic_time ();
  if (!follow_actors (&run, cancellable, progress, progress_data, what, error))
    goto out;
  g_debug ("actors followed in %.3f s", (g_get_monotonic_time () - start) / 1e6);

  summary = relance_run_report_to_json (result);
  if (!relance_run_journal_finish (db, day, summary, error))
    goto out;
  if (progress != NULL)
    progress (1.0, what, progress_data);
  ok = TRUE;

out:
  run_clear (&run);
  if (ok && report != NULL)
    *report = g_steal_pointer (&result);
  return ok;
}
