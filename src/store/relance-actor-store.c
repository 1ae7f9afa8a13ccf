/* relance-actor-store.c — actors and their contacts in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-actor-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-actor-store.h"
#include "relance-database-private.h"

/* The columns of an actor in the order of actor_from_row() */
#define ACTOR_COLUMNS \
  "id, code, name, kind, siren, siret, vat_number, email, phone, mobile," \
  " address, postcode, city, country, language, segment, agent," \
  " credit_limit_cents, credit_limit_currency, credit_limit_end, iban," \
  " payment_terms_days, active, notes"

/* Parameters ?1 to ?24 are bound by bind_actor(), in this order. */
#define SQL_INSERT \
  "INSERT INTO actor (code, name, search_key, kind, siren, siret, vat_number," \
  " email, phone, mobile, address, postcode, city, country, language, segment," \
  " agent, credit_limit_cents, credit_limit_currency, credit_limit_end, iban," \
  " payment_terms_days, active, notes, import_id, created_at, updated_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15," \
  " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?26)"
#define SQL_UPDATE \
  "UPDATE actor SET code = ?1, name = ?2, search_key = ?3, kind = ?4, siren = ?5," \
  " siret = ?6, vat_number = ?7, email = ?8, phone = ?9, mobile = ?10," \
  " address = ?11, postcode = ?12, city = ?13, country = ?14, language = ?15," \
  " segment = ?16, agent = ?17, credit_limit_cents = ?18," \
  " credit_limit_currency = ?19, credit_limit_end = ?20, iban = ?21," \
  " payment_terms_days = ?22, active = ?23, notes = ?24, updated_at = ?25" \
  " WHERE id = ?26"
#define SQL_FIND_BY_CODE "SELECT " ACTOR_COLUMNS " FROM actor WHERE code = ?1"
#define SQL_FIND_BY_ID "SELECT " ACTOR_COLUMNS " FROM actor WHERE id = ?1"
#define SQL_LIST "SELECT " ACTOR_COLUMNS " FROM actor ORDER BY code"
#define SQL_COUNT "SELECT count(*) FROM actor"
#define SQL_CODE_INDEX "SELECT code, id FROM actor"

#define SQL_CONTACT_INSERT \
  "INSERT INTO contact (actor_id, name, title, role, email, phone, mobile," \
  " language, dunning) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
/* There is one dunning contact per actor: a new one takes the flag. */
#define SQL_CONTACT_CLEAR_DUNNING \
  "UPDATE contact SET dunning = 0 WHERE actor_id = ?1 AND dunning = 1"
#define SQL_CONTACT_LIST \
  "SELECT id, actor_id, name, title, role, email, phone, mobile, language, dunning" \
  " FROM contact WHERE actor_id = ?1 AND active = 1" \
  " ORDER BY dunning DESC, name, id"

static char *
make_search_key (RelanceActor *actor)
{
  g_autofree char *name = relance_fold_for_search (relance_actor_get_name (actor));
  g_autofree char *code = relance_fold_for_search (relance_actor_get_code (actor));

  return g_strconcat (name, " ", code, NULL);
}

static void
bind_text_or_default (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text,
                      const char   *fallback)
{
  if (text == NULL || *text == '\0')
    text = fallback;
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Binds ?1 to ?24 of SQL_INSERT and SQL_UPDATE. The strings are the
 * actor's own, valid until the statement is reset. */
static void
bind_actor (sqlite3_stmt *stmt,
            RelanceActor *actor,
            const char   *search_key)
{
  gint64 limit = relance_actor_get_credit_limit_cents (actor);
  RelanceDate limit_end = relance_actor_get_credit_limit_end (actor);

  sqlite3_bind_text (stmt, 1, relance_actor_get_code (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, relance_actor_get_name (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, search_key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, relance_actor_get_kind (actor));
  relance_bind_text_or_null (stmt, 5, relance_actor_get_siren (actor));
  relance_bind_text_or_null (stmt, 6, relance_actor_get_siret (actor));
  relance_bind_text_or_null (stmt, 7, relance_actor_get_vat_number (actor));
  relance_bind_text_or_null (stmt, 8, relance_actor_get_email (actor));
  relance_bind_text_or_null (stmt, 9, relance_actor_get_phone (actor));
  relance_bind_text_or_null (stmt, 10, relance_actor_get_mobile (actor));
  relance_bind_text_or_null (stmt, 11, relance_actor_get_address (actor));
  relance_bind_text_or_null (stmt, 12, relance_actor_get_postcode (actor));
  relance_bind_text_or_null (stmt, 13, relance_actor_get_city (actor));
  bind_text_or_default (stmt, 14, relance_actor_get_country (actor), "FR");
  bind_text_or_default (stmt, 15, relance_actor_get_language (actor), "fr");
  relance_bind_text_or_null (stmt, 16, relance_actor_get_segment (actor));
  relance_bind_text_or_null (stmt, 17, relance_actor_get_agent (actor));
  if (limit != RELANCE_CREDIT_LIMIT_NONE)
    sqlite3_bind_int64 (stmt, 18, limit);
  bind_text_or_default (stmt, 19, relance_actor_get_credit_limit_currency (actor),
                        RELANCE_DEFAULT_CURRENCY);
  if (limit_end != RELANCE_DATE_NONE)
    sqlite3_bind_int (stmt, 20, limit_end);
  relance_bind_text_or_null (stmt, 21, relance_actor_get_iban (actor));
  sqlite3_bind_int (stmt, 22, relance_actor_get_payment_terms_days (actor));
  sqlite3_bind_int (stmt, 23, relance_actor_get_active (actor) ? 1 : 0);
  relance_bind_text_or_null (stmt, 24, relance_actor_get_notes (actor));
}

static RelanceActor *
actor_from_row (sqlite3_stmt *stmt)
{
  RelanceActor *actor = relance_actor_new (relance_column_text (stmt, 1),
                                           relance_column_text (stmt, 2));

  /* Nobody listens yet: freezing saves a notification per property. */
  g_object_freeze_notify (G_OBJECT (actor));
  relance_actor_set_id (actor, sqlite3_column_int64 (stmt, 0));
  relance_actor_set_kind (actor, sqlite3_column_int (stmt, 3));
  relance_actor_set_siren (actor, relance_column_text (stmt, 4));
  relance_actor_set_siret (actor, relance_column_text (stmt, 5));
  relance_actor_set_vat_number (actor, relance_column_text (stmt, 6));
  relance_actor_set_email (actor, relance_column_text (stmt, 7));
  relance_actor_set_phone (actor, relance_column_text (stmt, 8));
  relance_actor_set_mobile (actor, relance_column_text (stmt, 9));
  relance_actor_set_address (actor, relance_column_text (stmt, 10));
  relance_actor_set_postcode (actor, relance_column_text (stmt, 11));
  relance_actor_set_city (actor, relance_column_text (stmt, 12));
  relance_actor_set_country (actor, relance_column_text (stmt, 13));
  relance_actor_set_language (actor, relance_column_text (stmt, 14));
  relance_actor_set_segment (actor, relance_column_text (stmt, 15));
  relance_actor_set_agent (actor, relance_column_text (stmt, 16));
  relance_actor_set_credit_limit_cents (actor,
                                        sqlite3_column_type (stmt, 17) == SQLITE_NULL
                                          ? RELANCE_CREDIT_LIMIT_NONE
                                          : sqlite3_column_int64 (stmt, 17));
  relance_actor_set_credit_limit_currency (actor, relance_column_text (stmt, 18));
  relance_actor_set_credit_limit_end (actor, sqlite3_column_int (stmt, 19));
  relance_actor_set_iban (actor, relance_column_text (stmt, 20));
  relance_actor_set_payment_terms_days (actor, sqlite3_column_int (stmt, 21));
  relance_actor_set_active (actor, sqlite3_column_int (stmt, 22) != 0);
  relance_actor_set_notes (actor, relance_column_text (stmt, 23));
  g_object_thaw_notify (G_OBJECT (actor));

  return actor;
}

static RelanceContact *
contact_from_row (sqlite3_stmt *stmt)
{
  RelanceContact *contact = relance_contact_new (sqlite3_column_int64 (stmt, 1),
                                                 relance_column_text (stmt, 2));

  g_object_freeze_notify (G_OBJECT (contact));
  relance_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
  relance_contact_set_title (contact, relance_column_text (stmt, 3));
  relance_contact_set_role (contact, relance_column_text (stmt, 4));
  relance_contact_set_email (contact, relance_column_text (stmt, 5));
  relance_contact_set_phone (contact, relance_column_text (stmt, 6));
  relance_contact_set_mobile (contact, relance_column_text (stmt, 7));
  relance_contact_set_language (contact, relance_column_text (stmt, 8));
  relance_contact_set_dunning (contact, sqlite3_column_int (stmt, 9) != 0);
  g_object_thaw_notify (G_OBJECT (contact));

  return contact;
}

/* A property's value as the audit trail shows it: dates in ISO form,
 * booleans as yes/no, enums by nick, an unset string as "". */
static char *
format_property (GObject    *object,
                 GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (&value, type);
  g_object_get_property (object, pspec->name, &value);

  if (type == G_TYPE_STRING)
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (&value) ? "yes" : "no");
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (type == G_TYPE_INT)
    {
      /* RelanceDate properties are ints named "…date" or "…-end" */
      if (g_str_has_suffix (pspec->name, "date") || g_str_has_suffix (pspec->name, "-end"))
        return relance_date_to_iso (g_value_get_int (&value));
      return g_strdup_printf ("%d", g_value_get_int (&value));
    }
  if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);
      GEnumValue *enum_value = g_enum_get_value (klass, g_value_get_enum (&value));

      return g_strdup (enum_value ? enum_value->value_nick : "");
    }
  return g_strdup_value_contents (&value);
}

static gboolean
is_audited_property (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         strcmp (pspec->name, "id") != 0;
}

/* "field: value" lines of the fields that are set, for a creation */
static char *
describe_object (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  GString *text = g_string_new (NULL);
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *value = NULL;

      if (!is_audited_property (pspecs[i]))
        continue;
      value = format_property (object, pspecs[i]);
      if (*value == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", pspecs[i]->name, value);
    }
  return g_string_free (text, FALSE);
}

/* "field: old → new" lines of the fields that differ, for an update;
 * an empty string when nothing changed. */
static char *
describe_changes (GObject *before,
                  GObject *after)
{
  g_autofree GParamSpec **pspecs = NULL;
  GString *text = g_string_new (NULL);
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (after), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (!is_audited_property (pspecs[i]))
        continue;
      old_value = format_property (before, pspecs[i]);
      new_value = format_property (after, pspecs[i]);
      if (strcmp (old_value, new_value) == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s → %s", pspecs[i]->name, old_value, new_value);
    }
  return g_string_free (text, FALSE);
}

/* Refuses data with a blocking issue, before anything is written, so
 * that a caller's transaction stays usable. */
static gboolean
check_validation (RelanceValidation  *validation,
                  GError            **error)
{
  g_autofree char *text = NULL;

  if (!relance_validation_has_blocking (validation))
    return TRUE;
  text = relance_validation_to_string (validation);
  g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID, text);
  return FALSE;
}

static void
set_actor_write_error (RelanceDatabase  *db,
                       int               rc,
                       RelanceActor     *actor,
                       GError          **error)
{
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                 _("An actor with the code “%s” already exists; choose another code"),
                 relance_actor_get_code (actor));
  else
    relance_database_set_sql_error (db, error, _("save the actor"));
}

static RelanceActor *
find_one (RelanceDatabase  *db,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  RelanceActor *actor = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    actor = actor_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an actor"));
  sqlite3_reset (stmt);
  return actor;
}

/**
 * relance_actor_store_insert:
 * @db: a #RelanceDatabase
 * @actor: a new actor (id 0); its id is set on success
 * @import_id: the import that loads it, or 0 when entered by hand
 * @error: a #GError
 *
 * Stores a new actor. An actor entered by hand gets an audit line of its
 * own; the importer writes one line for the whole file.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_actor_store_insert (RelanceDatabase  *db,
                            RelanceActor     *actor,
                            gint64            import_id,
                            GError          **error)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autofree char *search_key = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RELANCE_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (relance_actor_get_id (actor) == 0, FALSE);

  relance_actor_validate (actor, validation);
  if (!check_validation (validation, error))
    return FALSE;

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;

  search_key = make_search_key (actor);
  now = relance_database_now_iso ();
  bind_actor (stmt, actor, search_key);
  if (import_id > 0)
    sqlite3_bind_int64 (stmt, 25, import_id);
  sqlite3_bind_text (stmt, 26, now, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_actor_write_error (db, rc, actor, error);
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  if (import_id == 0)
    {
      g_autofree char *after = describe_object (G_OBJECT (actor));

      if (!relance_database_audit (db, "actor", id, "create", NULL, after, error))
        goto failed;
    }

  if (!relance_database_commit (db, error))
    return FALSE;
  relance_actor_set_id (actor, id);
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_actor_store_update:
 * @db: a #RelanceDatabase
 * @actor: a stored actor, changed
 * @error: a #GError
 *
 * Saves the changes of an actor and records them in the audit trail as
 * "field: old → new" lines. Nothing is written when nothing changed.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_actor_store_update (RelanceDatabase  *db,
                            RelanceActor     *actor,
                            GError          **error)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(RelanceActor) stored = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *search_key = NULL;
  g_autofree char *now = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RELANCE_IS_ACTOR (actor), FALSE);

  id = relance_actor_get_id (actor);
  g_return_val_if_fail (id > 0, FALSE);

  relance_actor_validate (actor, validation);
  if (!check_validation (validation, error))
    return FALSE;

  if (!relance_database_begin (db, error))
    return FALSE;

  /* Read the stored state inside the write transaction, so that the
   * audit line describes exactly what this update replaces. */
  stored = relance_actor_store_find_by_id (db, id, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("The actor “%s” no longer exists; it may have been removed by "
                       "another user"),
                     relance_actor_get_code (actor));
      goto failed;
    }

  changes = describe_changes (G_OBJECT (stored), G_OBJECT (actor));
  if (*changes == '\0')
    return relance_database_commit (db, error);

  stmt = relance_database_prepare (db, SQL_UPDATE, error);
  if (stmt == NULL)
    goto failed;

  search_key = make_search_key (actor);
  now = relance_database_now_iso ();
  bind_actor (stmt, actor, search_key);
  sqlite3_bind_text (stmt, 25, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 26, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_actor_write_error (db, rc, actor, error);
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);

  if (!relance_database_audit (db, "actor", id, "update", NULL, changes, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_actor_store_find_by_code:
 * @db: a #RelanceDatabase
 * @code: an actor's code
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the actor, or %NULL with @error
 *   unset when there is none
 */
RelanceActor *
relance_actor_store_find_by_code (RelanceDatabase  *db,
                                  const char       *code,
                                  GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = relance_database_prepare (db, SQL_FIND_BY_CODE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  return find_one (db, stmt, error);
}

/**
 * relance_actor_store_find_by_id:
 * @db: a #RelanceDatabase
 * @id: an actor's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the actor, or %NULL with @error
 *   unset when there is none
 */
RelanceActor *
relance_actor_store_find_by_id (RelanceDatabase  *db,
                                gint64            id,
                                GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND_BY_ID, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return find_one (db, stmt, error);
}

/**
 * relance_actor_store_code_index:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Maps every actor's code to its id, so that an import resolves its
 * customers without a query per row.
 *
 * Returns: (transfer full) (nullable): a table of code (char *) to id
 *   (gint64 *), or %NULL with @error set
 */
GHashTable *
relance_actor_store_code_index (RelanceDatabase  *db,
                                GError          **error)
{
  g_autoptr(GHashTable) index = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_CODE_INDEX, error);
  if (stmt == NULL)
    return NULL;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (index, g_strdup (relance_column_text (stmt, 0)), id);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the actors’ codes"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&index);
}

/**
 * relance_actor_store_count:
 * @db: a #RelanceDatabase
 *
 * Returns: the number of actors, active or not; -1 when SQLite fails
 */
gint64
relance_actor_store_count (RelanceDatabase *db)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT, NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * relance_actor_store_list:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Every actor, sorted by code: for small portfolios and exports; the
 * portfolio list pages with relance_portfolio_query_page() instead.
 *
 * Returns: (transfer container) (element-type RelanceActor): the actors,
 *   or %NULL with @error set
 */
GPtrArray *
relance_actor_store_list (RelanceDatabase  *db,
                          GError          **error)
{
  g_autoptr(GPtrArray) actors = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;

  actors = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actors, actor_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the actors"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&actors);
}

/**
 * relance_contact_store_insert:
 * @db: a #RelanceDatabase
 * @contact: a new contact of a stored actor; its id is set on success
 * @error: a #GError
 *
 * Stores a contact. A dunning contact takes the flag from the actor's
 * other contacts, as an actor has one.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_contact_store_insert (RelanceDatabase  *db,
                              RelanceContact   *contact,
                              GError          **error)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 actor_id;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RELANCE_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (relance_contact_get_id (contact) == 0, FALSE);

  relance_contact_validate (contact, validation);
  if (!check_validation (validation, error))
    return FALSE;

  actor_id = relance_contact_get_actor_id (contact);

  if (!relance_database_begin (db, error))
    return FALSE;

  if (relance_contact_get_dunning (contact))
    {
      stmt = relance_database_prepare (db, SQL_CONTACT_CLEAR_DUNNING, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, actor_id);
      if (!relance_database_step_done (db, stmt, error))
        goto failed;
    }

  stmt = relance_database_prepare (db, SQL_CONTACT_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, relance_contact_get_name (contact), -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 3, relance_contact_get_title (contact));
  relance_bind_text_or_null (stmt, 4, relance_contact_get_role (contact));
  relance_bind_text_or_null (stmt, 5, relance_contact_get_email (contact));
  relance_bind_text_or_null (stmt, 6, relance_contact_get_phone (contact));
  relance_bind_text_or_null (stmt, 7, relance_contact_get_mobile (contact));
  bind_text_or_default (stmt, 8, relance_contact_get_language (contact), "fr");
  sqlite3_bind_int (stmt, 9, relance_contact_get_dunning (contact) ? 1 : 0);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                     _("The contact “%s” belongs to no stored actor: save the actor first"),
                     relance_contact_get_name (contact));
      else
        relance_database_set_sql_error (db, error, _("save the contact"));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = describe_object (G_OBJECT (contact));
  if (!relance_database_audit (db, "contact", id, "create", NULL, after, error))
    goto failed;

  if (!relance_database_commit (db, error))
    return FALSE;
  relance_contact_set_id (contact, id);
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_contact_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: an actor's id
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceContact): the
 *   actor's contacts, the dunning contact first, then by name; %NULL with
 *   @error set when SQLite fails
 */
GPtrArray *
relance_contact_store_list_for_actor (RelanceDatabase  *db,
                                      gint64            actor_id,
                                      GError          **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_CONTACT_LIST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contacts, contact_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the contacts"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&contacts);
}
