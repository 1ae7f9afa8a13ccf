/* relance-assignment-store.c — the rules that give an actor its scenario and agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-assignment-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-assignment-store.h"
#include "relance-database-private.h"

#define RULE_COLUMNS \
  "id, position, name, segment, actor_kind, min_outstanding_cents, max_outstanding_cents," \
  " min_days_late, scenario_code, agent_login, active"
#define SQL_INSERT_RULE \
  "INSERT INTO assignment_rule (position, name, segment, actor_kind, min_outstanding_cents," \
  " max_outstanding_cents, min_days_late, scenario_code, agent_login, active)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
#define SQL_LIST_RULES_ALL \
  "SELECT " RULE_COLUMNS " FROM assignment_rule ORDER BY position, id"
#define SQL_LIST_RULES_ACTIVE \
  "SELECT " RULE_COLUMNS " FROM assignment_rule WHERE active = 1 ORDER BY position, id"

#define PROFILE_COLUMNS "id, kind, segment, agent, scenario_code, agent_by_hand"
#define SQL_PROFILES "SELECT " PROFILE_COLUMNS " FROM actor ORDER BY id"
#define SQL_PROFILE "SELECT " PROFILE_COLUMNS " FROM actor WHERE id = ?1"
#define SQL_SET_SCENARIO "UPDATE actor SET scenario_code = ?2, updated_at = ?3 WHERE id = ?1"
#define SQL_SET_AGENT \
  "UPDATE actor SET agent = ?2, agent_by_hand = ?3, updated_at = ?4 WHERE id = ?1"

/* Helpers */

static RelanceAssignmentRule *
rule_from_row (sqlite3_stmt *stmt)
{
  RelanceAssignmentRule *rule = g_new0 (RelanceAssignmentRule, 1);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->position = sqlite3_column_int (stmt, 1);
  rule->name = g_strdup (relance_column_text (stmt, 2));
  rule->segment = g_strdup (relance_column_text (stmt, 3));
  rule->actor_kind = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                       ? RELANCE_RULE_ANY : sqlite3_column_int (stmt, 4);
  rule->has_min_outstanding = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  rule->min_outstanding_cents = sqlite3_column_int64 (stmt, 5);
  rule->has_max_outstanding = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  rule->max_outstanding_cents = sqlite3_column_int64 (stmt, 6);
  rule->min_days_late = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                          ? RELANCE_RULE_ANY : sqlite3_column_int (stmt, 7);
  rule->scenario_code = g_strdup (relance_column_text (stmt, 8));
  rule->agent_login = g_strdup (relance_column_text (stmt, 9));
  rule->active = sqlite3_column_int (stmt, 10) != 0;
  return rule;
}

static const char *
intern (GStringChunk *strings,
        const char   *text)
{
  return text != NULL ? g_string_chunk_insert_const (strings, text) : NULL;
}

static void
profile_from_row (sqlite3_stmt        *stmt,
                  GStringChunk        *strings,
                  RelanceActorProfile *profile)
{
  profile->actor_id = sqlite3_column_int64 (stmt, 0);
  profile->kind = sqlite3_column_int (stmt, 1) == 1 ? RELANCE_ACTOR_KIND_PERSON
                                                    : RELANCE_ACTOR_KIND_COMPANY;
  profile->segment = intern (strings, relance_column_text (stmt, 2));
  profile->agent = intern (strings, relance_column_text (stmt, 3));
  profile->scenario_code = intern (strings, relance_column_text (stmt, 4));
  profile->agent_by_hand = sqlite3_column_int (stmt, 5) != 0;
}

static gboolean
update_actor (RelanceDatabase  *db,
              sqlite3_stmt     *stmt,
              gint64            actor_id,
              const char       *before,
              const char       *after,
              GError          **error)
{
  if (!relance_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no actor with the id %" PRId64), actor_id);
      return FALSE;
    }
  return relance_database_audit (db, "actor", actor_id, "assign", before, after, error);
}

/* Public API: rules */

/**
 * relance_assignment_rule_new:
 * @position: the rule's rank
 * @name: its name
 * @scenario_code: the scenario it gives
 *
 * Returns: (transfer full): a rule with no condition (it matches every
 *   actor), active, not stored yet
 */
RelanceAssignmentRule *
relance_assignment_rule_new (int         position,
                             const char *name,
                             const char *scenario_code)
{
  RelanceAssignmentRule *rule = g_new0 (RelanceAssignmentRule, 1);

  rule->position = position;
  rule->name = g_strdup (name);
  rule->scenario_code = g_strdup (scenario_code);
  rule->actor_kind = RELANCE_RULE_ANY;
  rule->min_days_late = RELANCE_RULE_ANY;
  rule->active = TRUE;
  return rule;
}

void
relance_assignment_rule_free (RelanceAssignmentRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->name);
  g_free (rule->segment);
  g_free (rule->scenario_code);
  g_free (rule->agent_login);
  g_free (rule);
}

/**
 * relance_assignment_store_insert_rule:
 * @db: a #RelanceDatabase
 * @rule: a new rule (id 0); its id is set on success
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_INVALID when
 *   the rule names no scenario or no name
 */
gboolean
relance_assignment_store_insert_rule (RelanceDatabase        *db,
                                      RelanceAssignmentRule  *rule,
                                      GError                **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL && rule->id == 0, FALSE);

  if (rule->name == NULL || *rule->name == '\0' ||
      rule->scenario_code == NULL || *rule->scenario_code == '\0')
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("An assignment rule needs a name and the code of the scenario it gives"));
      return FALSE;
    }

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_INSERT_RULE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, rule->position);
  sqlite3_bind_text (stmt, 2, rule->name, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 3, rule->segment);
  if (rule->actor_kind != RELANCE_RULE_ANY)
    sqlite3_bind_int (stmt, 4, rule->actor_kind);
  if (rule->has_min_outstanding)
    sqlite3_bind_int64 (stmt, 5, rule->min_outstanding_cents);
  if (rule->has_max_outstanding)
    sqlite3_bind_int64 (stmt, 6, rule->max_outstanding_cents);
  if (rule->min_days_late != RELANCE_RULE_ANY)
    sqlite3_bind_int (stmt, 7, rule->min_days_late);
  sqlite3_bind_text (stmt, 8, rule->scenario_code, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 9, rule->agent_login);
  sqlite3_bind_int (stmt, 10, rule->active ? 1 : 0);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = g_strdup_printf ("position: %d\nname: %s\nsegment: %s\nactor-kind: %d\n"
                           "scenario: %s\nagent: %s",
                           rule->position, rule->name, rule->segment ? rule->segment : "",
                           rule->actor_kind, rule->scenario_code,
                           rule->agent_login ? rule->agent_login : "");
  if (!relance_database_audit (db, "assignment_rule", id, "create", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;
  rule->id = id;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_assignment_store_list_rules:
 * @db: a #RelanceDatabase
 * @include_inactive: also the rules switched off
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceAssignmentRule): the
 *   rules by position, or %NULL with @error set
 */
GPtrArray *
relance_assignment_store_list_rules (RelanceDatabase  *db,
                                     gboolean          include_inactive,
                                     GError          **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, include_inactive ? SQL_LIST_RULES_ALL
                                                        : SQL_LIST_RULES_ACTIVE, error);
  if (stmt == NULL)
    return NULL;
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_assignment_rule_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rules, rule_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the assignment rules"));
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/* Public API: actors */

/**
 * relance_assignment_store_load_profiles:
 * @db: a #RelanceDatabase
 * @strings: where the strings of the profiles are kept
 * @error: a #GError
 *
 * Returns: (transfer full): a #GArray of #RelanceActorProfile, one per
 *   actor by id, or %NULL with @error set
 */
GArray *
relance_assignment_store_load_profiles (RelanceDatabase  *db,
                                        GStringChunk     *strings,
                                        GError          **error)
{
  g_autoptr(GArray) profiles = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (strings != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_PROFILES, error);
  if (stmt == NULL)
    return NULL;
  profiles = g_array_new (FALSE, FALSE, sizeof (RelanceActorProfile));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceActorProfile profile;

      profile_from_row (stmt, strings, &profile);
      g_array_append_val (profiles, profile);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the actors"));
      return NULL;
    }
  return g_steal_pointer (&profiles);
}

/**
 * relance_assignment_store_get_profile:
 * @db: a #RelanceDatabase
 * @actor_id: an actor
 * @strings: where the strings of the profile are kept
 * @profile: (out caller-allocates): the profile
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND
 *   when there is no such actor
 */
gboolean
relance_assignment_store_get_profile (RelanceDatabase      *db,
                                      gint64                actor_id,
                                      GStringChunk         *strings,
                                      RelanceActorProfile  *profile,
                                      GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  stmt = relance_database_prepare (db, SQL_PROFILE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    profile_from_row (stmt, strings, profile);
  else if (rc == SQLITE_DONE)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("There is no actor with the id %" PRId64), actor_id);
  else
    relance_database_set_sql_error (db, error, _("read an actor"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/**
 * relance_assignment_store_set_scenario:
 * @db: a #RelanceDatabase
 * @actor_id: an actor
 * @scenario_code: (nullable): the scenario chosen by hand, %NULL to let
 *   the rules choose
 * @error: a #GError
 *
 * The choice applies to the cases opened from now on; an open case keeps
 * its scenario version.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_assignment_store_set_scenario (RelanceDatabase  *db,
                                       gint64            actor_id,
                                       const char       *scenario_code,
                                       GError          **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64);
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RelanceActorProfile profile;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  if (!relance_assignment_store_get_profile (db, actor_id, strings, &profile, error))
    goto failed;
  stmt = relance_database_prepare (db, SQL_SET_SCENARIO, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  relance_bind_text_or_null (stmt, 2, scenario_code);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  before = g_strdup_printf ("scenario: %s", profile.scenario_code ? profile.scenario_code : "(rules)");
  after = g_strdup_printf ("scenario: %s", scenario_code ? scenario_code : "(rules)");
  if (!update_actor (db, stmt, actor_id, before, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_assignment_store_set_agent:
 * @db: a #RelanceDatabase
 * @actor_id: an actor
 * @login: (nullable): the agent's login
 * @by_hand: whether the choice wins over the rules
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_assignment_store_set_agent (RelanceDatabase  *db,
                                    gint64            actor_id,
                                    const char       *login,
                                    gboolean          by_hand,
                                    GError          **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64);
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RelanceActorProfile profile;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  if (!relance_assignment_store_get_profile (db, actor_id, strings, &profile, error))
    goto failed;
  stmt = relance_database_prepare (db, SQL_SET_AGENT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  relance_bind_text_or_null (stmt, 2, login);
  sqlite3_bind_int (stmt, 3, by_hand ? 1 : 0);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  before = g_strdup_printf ("agent: %s%s", profile.agent ? profile.agent : "",
                            profile.agent_by_hand ? " (by hand)" : "");
  after = g_strdup_printf ("agent: %s%s", login ? login : "", by_hand ? " (by hand)" : "");
  if (!update_actor (db, stmt, actor_id, before, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
