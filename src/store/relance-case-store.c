/* relance-case-store.c — dunning cases (dossiers de relance) and the daily run's journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-case-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-case-store.h"
#include "relance-invoice-store.h"
#include "relance-database-private.h"

#define CASE_COLUMNS \
  "id, actor_id, currency, scenario_id, status, level, step_position, anchor_date," \
  " last_step_date, agent_login, opened_on, closed_on"
#define SQL_INSERT \
  "INSERT INTO dunning_case (actor_id, currency, scenario_id, status, level, step_position," \
  " anchor_date, last_step_date, agent_login, opened_on, created_at)" \
  " VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
#define SQL_UPDATE \
  "UPDATE dunning_case SET status = ?2, level = ?3, step_position = ?4, anchor_date = ?5," \
  " last_step_date = ?6, agent_login = ?7, closed_on = ?8, scenario_id = ?9 WHERE id = ?1"
#define SQL_FIND "SELECT " CASE_COLUMNS " FROM dunning_case WHERE id = ?1"
/* The WHERE repeats the condition of the partial index dunning_case_one_open */
#define SQL_FIND_OPEN \
  "SELECT " CASE_COLUMNS " FROM dunning_case" \
  " WHERE actor_id = ?1 AND currency = ?2 AND status <> 'closed'"
#define SQL_LIST_ACTIVE \
  "SELECT " CASE_COLUMNS " FROM dunning_case WHERE status <> 'closed'" \
  " ORDER BY actor_id, currency"
#define SQL_LIST_FOR_ACTOR \
  "SELECT " CASE_COLUMNS " FROM dunning_case WHERE actor_id = ?1 ORDER BY id DESC"

#define SQL_JOURNAL_GET "SELECT status, summary FROM run_journal WHERE run_date = ?1"
#define SQL_JOURNAL_START \
  "INSERT INTO run_journal (run_date, status, started_at) VALUES (?1, 'running', ?2)" \
  " ON CONFLICT (run_date) DO UPDATE SET status = 'running', started_at = excluded.started_at," \
  " finished_at = NULL"
#define SQL_JOURNAL_FINISH \
  "UPDATE run_journal SET status = 'done', finished_at = ?2, summary = ?3 WHERE run_date = ?1"
#define SQL_JOURNAL_LAST_DONE \
  "SELECT max(run_date) FROM run_journal WHERE status = 'done' AND run_date < ?1"

static const char * const status_names[] = {
  [RELANCE_CASE_OPEN] = "open",
  [RELANCE_CASE_SUSPENDED] = "suspended",
  [RELANCE_CASE_CLOSED] = "closed",
};

/* Helpers */

static void
case_from_row (sqlite3_stmt *stmt,
               RelanceCase  *c)
{
  const char *currency;

  memset (c, 0, sizeof *c);
  c->id = sqlite3_column_int64 (stmt, 0);
  c->actor_id = sqlite3_column_int64 (stmt, 1);
  currency = relance_column_text (stmt, 2);
  g_strlcpy (c->currency, currency ? currency : "", sizeof c->currency);
  c->scenario_id = sqlite3_column_int64 (stmt, 3);
  if (!relance_case_status_from_string (relance_column_text (stmt, 4), &c->status))
    c->status = RELANCE_CASE_OPEN;
  c->level = sqlite3_column_int (stmt, 5);
  c->step_position = sqlite3_column_int (stmt, 6);
  c->anchor_date = sqlite3_column_int (stmt, 7);
  c->last_step_date = sqlite3_column_int (stmt, 8);
  c->agent_login = g_strdup (relance_column_text (stmt, 9));
  c->opened_on = sqlite3_column_int (stmt, 10);
  c->closed_on = sqlite3_column_int (stmt, 11);
}

static RelanceCase *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  RelanceCase *c = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      c = g_new (RelanceCase, 1);
      case_from_row (stmt, c);
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a dunning case"));
  sqlite3_reset (stmt);
  return c;
}

static void
bind_date_or_null (sqlite3_stmt *stmt,
                   int           index,
                   RelanceDate   date)
{
  if (date != RELANCE_DATE_NONE)
    sqlite3_bind_int (stmt, index, date);
  else
    sqlite3_bind_null (stmt, index);
}

static void
append_date_change (GString     *text,
                    const char  *field,
                    RelanceDate  before,
                    RelanceDate  after)
{
  g_autofree char *b = NULL;
  g_autofree char *a = NULL;

  if (before == after)
    return;
  b = before ? relance_date_to_iso (before) : g_strdup ("");
  a = after ? relance_date_to_iso (after) : g_strdup ("");
  g_string_append_printf (text, "%s: %s → %s\n", field, b, a);
}

static void
append_int_change (GString    *text,
                   const char *field,
                   gint64      before,
                   gint64      after)
{
  if (before != after)
    g_string_append_printf (text, "%s: %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT "\n",
                            field, before, after);
}

static char *
describe_case (const RelanceCase *c)
{
  g_autofree char *anchor = relance_date_to_iso (c->anchor_date);
  g_autofree char *opened = relance_date_to_iso (c->opened_on);
  g_autofree char *moved = c->last_step_date ? relance_date_to_iso (c->last_step_date)
                                             : g_strdup ("");

  return g_strdup_printf ("actor-id: %" G_GINT64_FORMAT "\ncurrency: %s\n"
                          "scenario-id: %" G_GINT64_FORMAT "\nstatus: %s\nlevel: %d\n"
                          "step: %d\nanchor: %s\nlast-step-date: %s\nagent: %s\n"
                          "opened-on: %s",
                          c->actor_id, c->currency, c->scenario_id,
                          relance_case_status_to_string (c->status), c->level,
                          c->step_position, anchor, moved, c->agent_login ? c->agent_login : "",
                          opened);
}

/* Public API: cases in memory */

const char *
relance_case_status_to_string (RelanceCaseStatus status)
{
  g_return_val_if_fail (status <= RELANCE_CASE_CLOSED, "open");
  return status_names[status];
}

gboolean
relance_case_status_from_string (const char        *text,
                                 RelanceCaseStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (RelanceCaseStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* Frees what the case holds, not the case */
void
relance_case_clear (RelanceCase *dunning_case)
{
  if (dunning_case != NULL)
    g_clear_pointer (&dunning_case->agent_login, g_free);
}

/* A deep copy into @dest, which holds nothing to free */
void
relance_case_copy_to (const RelanceCase *src,
                      RelanceCase       *dest)
{
  *dest = *src;
  dest->agent_login = g_strdup (src->agent_login);
}

RelanceCase *
relance_case_dup (const RelanceCase *dunning_case)
{
  RelanceCase *copy = g_new (RelanceCase, 1);

  relance_case_copy_to (dunning_case, copy);
  return copy;
}

void
relance_case_free (RelanceCase *dunning_case)
{
  if (dunning_case == NULL)
    return;
  relance_case_clear (dunning_case);
  g_free (dunning_case);
}

/* Public API: the store */

/**
 * relance_case_store_open:
 * @db: a #RelanceDatabase
 * @dunning_case: a new case (id 0) with its actor, currency, scenario,
 *   anchor and opening day, and the level, step and last-step date it
 *   opens at (the step a case enters its scenario at); its id is set and
 *   its status is open on success
 * @why: (nullable): what opened it, first line of the audit
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_DUPLICATE
 *   when the actor has a case in that currency that is not closed
 */
gboolean
relance_case_store_open (RelanceDatabase  *db,
                         RelanceCase      *dunning_case,
                         const char       *why,
                         GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *described = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dunning_case != NULL && dunning_case->id == 0, FALSE);
  g_return_val_if_fail (dunning_case->opened_on > 0, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, dunning_case->actor_id);
  sqlite3_bind_text (stmt, 2, dunning_case->currency, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, dunning_case->scenario_id);
  sqlite3_bind_int (stmt, 4, dunning_case->level);
  sqlite3_bind_int (stmt, 5, dunning_case->step_position);
  sqlite3_bind_int (stmt, 6, dunning_case->anchor_date);
  bind_date_or_null (stmt, 7, dunning_case->last_step_date);
  relance_bind_text_or_null (stmt, 8, dunning_case->agent_login);
  sqlite3_bind_int (stmt, 9, dunning_case->opened_on);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                     _("The actor %" PRId64 " already has an open case in %s"),
                     dunning_case->actor_id, dunning_case->currency);
      else
        relance_database_set_sql_error (db, error, _("open a dunning case"));
      goto failed;
    }
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));
  dunning_case->status = RELANCE_CASE_OPEN;
  described = describe_case (dunning_case);
  after = why != NULL ? g_strconcat (why, "\n", described, NULL) : g_steal_pointer (&described);
  if (!relance_database_audit (db, "dunning_case", id, "open", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  dunning_case->id = id;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_case_store_update:
 * @db: a #RelanceDatabase
 * @before: the case as stored
 * @after: the case as it must be (same id)
 * @why: (nullable): what moved it, first line of the audit
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_case_store_update (RelanceDatabase    *db,
                           const RelanceCase  *before,
                           const RelanceCase  *after,
                           const char         *why,
                           GError            **error)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *old_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL && before->id == after->id, FALSE);

  if (before->status != after->status)
    g_string_append_printf (changes, "status: %s → %s\n",
                            relance_case_status_to_string (before->status),
                            relance_case_status_to_string (after->status));
  append_int_change (changes, "scenario-id", before->scenario_id, after->scenario_id);
  append_int_change (changes, "level", before->level, after->level);
  append_int_change (changes, "step", before->step_position, after->step_position);
  append_date_change (changes, "anchor", before->anchor_date, after->anchor_date);
  append_date_change (changes, "last-step-date", before->last_step_date, after->last_step_date);
  append_date_change (changes, "closed-on", before->closed_on, after->closed_on);
  if (g_strcmp0 (before->agent_login, after->agent_login) != 0)
    g_string_append_printf (changes, "agent: %s → %s\n",
                            before->agent_login ? before->agent_login : "",
                            after->agent_login ? after->agent_login : "");
  if (changes->len == 0)
    return TRUE;
  /* "why", then the changes, without the last newline */
  g_string_truncate (changes, changes->len - 1);
  if (why != NULL)
    {
      g_string_prepend_c (changes, '\n');
      g_string_prepend (changes, why);
    }

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_UPDATE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, after->id);
  sqlite3_bind_text (stmt, 2, relance_case_status_to_string (after->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, after->level);
  sqlite3_bind_int (stmt, 4, after->step_position);
  sqlite3_bind_int (stmt, 5, after->anchor_date);
  bind_date_or_null (stmt, 6, after->last_step_date);
  relance_bind_text_or_null (stmt, 7, after->agent_login);
  bind_date_or_null (stmt, 8, after->closed_on);
  sqlite3_bind_int64 (stmt, 9, after->scenario_id);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no dunning case %" PRId64), after->id);
      goto failed;
    }
  old_text = describe_case (before);
  if (!relance_database_audit (db, "dunning_case", after->id, "update", old_text,
                               changes->str, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_case_store_find:
 * @db: a #RelanceDatabase
 * @id: a case id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the case, %NULL with @error unset
 *   when there is none
 */
RelanceCase *
relance_case_store_find (RelanceDatabase  *db,
                         gint64            id,
                         GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return find_one (db, stmt, error);
}

/**
 * relance_case_store_find_open:
 * @db: a #RelanceDatabase
 * @actor_id: an actor
 * @currency: a currency code
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the case that is open or
 *   suspended, %NULL with @error unset when there is none
 */
RelanceCase *
relance_case_store_find_open (RelanceDatabase  *db,
                              gint64            actor_id,
                              const char       *currency,
                              GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FIND_OPEN, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, currency, -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_case_store_list_active:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Returns: (transfer full): a #GArray of #RelanceCase (cleared with the
 *   array), the cases not closed by actor then currency; %NULL with
 *   @error set on failure
 */
GArray *
relance_case_store_list_active (RelanceDatabase  *db,
                                GError          **error)
{
  g_autoptr(GArray) cases = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_ACTIVE, error);
  if (stmt == NULL)
    return NULL;
  cases = g_array_new (FALSE, FALSE, sizeof (RelanceCase));
  g_array_set_clear_func (cases, (GDestroyNotify) relance_case_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceCase c;

      case_from_row (stmt, &c);
      g_array_append_val (cases, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the dunning cases"));
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/**
 * relance_case_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceCase): the actor's
 *   cases, newest first; %NULL with @error set on failure
 */
GPtrArray *
relance_case_store_list_for_actor (RelanceDatabase  *db,
                                   gint64            actor_id,
                                   GError          **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST_FOR_ACTOR, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_case_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceCase *c = g_new (RelanceCase, 1);

      case_from_row (stmt, c);
      g_ptr_array_add (cases, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the dunning cases"));
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/**
 * relance_case_store_hand_over:
 * @db: a #RelanceDatabase
 * @case_id: the case whose items go to litigation
 * @invoice_ids: (array length=n_invoices): the items
 * @n_invoices: how many
 * @error: a #GError
 *
 * Flags the items as handed over to litigation: they count in the
 * customer's amount in litigation (montant contentieux).
 *
 * Returns: %TRUE on success
 */
gboolean
relance_case_store_hand_over (RelanceDatabase  *db,
                              gint64            case_id,
                              const gint64     *invoice_ids,
                              guint             n_invoices,
                              GError          **error)
{
  g_autoptr(GString) after = g_string_new ("litigation: invoices");

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (n_invoices == 0)
    return TRUE;
  if (!relance_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_invoices; i++)
    {
      if (!relance_invoice_store_set_litigation (db, invoice_ids[i], TRUE, error))
        goto failed;
      g_string_append_printf (after, " %" G_GINT64_FORMAT, invoice_ids[i]);
    }
  if (!relance_database_audit (db, "dunning_case", case_id, "hand-over", NULL, after->str, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/* Public API: the journal of the daily run */

/**
 * relance_run_journal_start:
 * @db: a #RelanceDatabase
 * @day: the run's day D
 * @previous: (out) (optional): the state of the journal before
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_run_journal_start (RelanceDatabase  *db,
                           RelanceDate       day,
                           RelanceRunState  *previous,
                           GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  GError *local_error = NULL;
  RelanceRunState state;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  state = relance_run_journal_get (db, day, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }
  stmt = relance_database_prepare (db, SQL_JOURNAL_START, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, day);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  if (previous != NULL)
    *previous = state;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_run_journal_finish:
 * @db: a #RelanceDatabase
 * @day: the run's day D
 * @summary: (nullable): what the run did, as JSON
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_run_journal_finish (RelanceDatabase  *db,
                            RelanceDate       day,
                            const char       *summary,
                            GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_JOURNAL_FINISH, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, day);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 3, summary);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_run_journal_get:
 * @db: a #RelanceDatabase
 * @day: a day
 * @summary: (out) (optional) (transfer full) (nullable): the summary of
 *   a finished run
 * @error: a #GError
 *
 * Returns: the state of the run of @day; %RELANCE_RUN_NONE with @error
 *   set on failure
 */
RelanceRunState
relance_run_journal_get (RelanceDatabase  *db,
                         RelanceDate       day,
                         char            **summary,
                         GError          **error)
{
  RelanceRunState state = RELANCE_RUN_NONE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), RELANCE_RUN_NONE);

  if (summary != NULL)
    *summary = NULL;
  stmt = relance_database_prepare (db, SQL_JOURNAL_GET, error);
  if (stmt == NULL)
    return RELANCE_RUN_NONE;
  sqlite3_bind_int (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state = g_strcmp0 (relance_column_text (stmt, 0), "done") == 0 ? RELANCE_RUN_DONE
                                                                      : RELANCE_RUN_RUNNING;
      if (summary != NULL)
        *summary = g_strdup (relance_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read the journal of the daily run"));
  sqlite3_reset (stmt);
  return state;
}

/**
 * relance_run_journal_last_done:
 * @db: a #RelanceDatabase
 * @day: a day
 * @error: a #GError
 *
 * Returns: the latest day before @day whose run finished, 0 when there
 *   is none (or with @error set on failure)
 */
RelanceDate
relance_run_journal_last_done (RelanceDatabase  *db,
                               RelanceDate       day,
                               GError          **error)
{
  RelanceDate last = RELANCE_DATE_NONE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), RELANCE_DATE_NONE);

  stmt = relance_database_prepare (db, SQL_JOURNAL_LAST_DONE, error);
  if (stmt == NULL)
    return RELANCE_DATE_NONE;
  sqlite3_bind_int (stmt, 1, day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("read the journal of the daily run"));
  sqlite3_reset (stmt);
  return last;
}
