/* relance-case-store.h — dunning cases (dossiers de relance) and the daily run's journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_CASE_OPEN,
  RELANCE_CASE_SUSPENDED, /* under an open promise: the scenario waits */
  RELANCE_CASE_CLOSED,
} RelanceCaseStatus;

const char *relance_case_status_to_string   (RelanceCaseStatus  status);
gboolean    relance_case_status_from_string (const char        *text,
                                             RelanceCaseStatus *status);

/**
 * RelanceCase:
 * @currency: the currency of its items: one case per actor and currency
 * @scenario_id: the scenario version the case follows
 * @level: the level of the last step reached
 * @step_position: the position of the last step reached, 0 before the
 *   first
 * @anchor_date: the due date that steps counted from the due date count
 *   from: of the oldest overdue item, or of the item soon due that a
 *   courtesy step is about
 * @last_step_date: the day the case last moved (a step reached, an
 *   action performed, the case resumed): no step is planned before it
 * @agent_login: (nullable): the agent following the case
 *
 * One actor's collection file in one currency.
 */
typedef struct
{
  gint64             id;
  gint64             actor_id;
  char               currency[4];
  gint64             scenario_id;
  RelanceCaseStatus  status;
  int                level;
  int                step_position;
  RelanceDate        anchor_date;
  RelanceDate        last_step_date;
  char              *agent_login;
  RelanceDate        opened_on;
  RelanceDate        closed_on;
} RelanceCase;

void         relance_case_clear          (RelanceCase       *dunning_case);
void         relance_case_copy_to        (const RelanceCase *src,
                                          RelanceCase       *dest);
RelanceCase *relance_case_dup            (const RelanceCase *dunning_case);
void         relance_case_free           (RelanceCase       *dunning_case);

/* Opens a case (status open) at the level and step it has; its id is
 * set. @why (nullable) is the first line of the audit. An actor has at
 * most one case per currency that is not closed:
 * RELANCE_STORE_ERROR_DUPLICATE. */
gboolean     relance_case_store_open     (RelanceDatabase   *db,
                                          RelanceCase       *dunning_case,
                                          const char        *why,
                                          GError           **error);
/* Writes the status, level, step, dates and agent of @after, with an
 * audit line "field: before → after" of what changed (@why first).
 * Nothing is written when nothing changed. */
gboolean     relance_case_store_update   (RelanceDatabase   *db,
                                          const RelanceCase *before,
                                          const RelanceCase *after,
                                          const char        *why,
                                          GError           **error);
/* NULL with no error when there is none */
RelanceCase *relance_case_store_find     (RelanceDatabase   *db,
                                          gint64             id,
                                          GError           **error);
/* The case of @actor_id in @currency that is not closed; NULL with no
 * error when there is none */
RelanceCase *relance_case_store_find_open (RelanceDatabase  *db,
                                           gint64            actor_id,
                                           const char       *currency,
                                           GError          **error);
/* Every case not closed (RelanceCase, cleared by the array), by actor
 * then currency: for the daily run, which walks actors in that order */
GArray      *relance_case_store_list_active (RelanceDatabase *db,
                                             GError         **error);
/* An actor's cases (RelanceCase *), newest first */
GPtrArray   *relance_case_store_list_for_actor (RelanceDatabase *db,
                                                gint64           actor_id,
                                                GError         **error);
/* Hands the items over to litigation (invoice.litigation = 1), with an
 * audit line on the case. */
gboolean     relance_case_store_hand_over (RelanceDatabase  *db,
                                           gint64            case_id,
                                           const gint64     *invoice_ids,
                                           guint             n_invoices,
                                           GError          **error);

typedef enum
{
  RELANCE_RUN_NONE,     /* no run for that day */
  RELANCE_RUN_RUNNING,  /* started and not finished: killed, or still going */
  RELANCE_RUN_DONE,
} RelanceRunState;

/* Records that the run of @day starts; @previous says what the journal
 * held before (a run found RUNNING finishes the job of a killed one). */
gboolean     relance_run_journal_start   (RelanceDatabase  *db,
                                          RelanceDate       day,
                                          RelanceRunState  *previous,
                                          GError          **error);
gboolean     relance_run_journal_finish  (RelanceDatabase  *db,
                                          RelanceDate       day,
                                          const char       *summary,
                                          GError          **error);
/* The state of the run of @day and its summary (nullable) */
RelanceRunState relance_run_journal_get  (RelanceDatabase  *db,
                                          RelanceDate       day,
                                          char            **summary,
                                          GError          **error);
/* The latest day whose run is done before @day, 0 when none */
RelanceDate  relance_run_journal_last_done (RelanceDatabase *db,
                                            RelanceDate      day,
                                            GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCase, relance_case_free)

G_END_DECLS
