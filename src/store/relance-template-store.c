/* relance-template-store.c — templates (modèles de courrier)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per code and language. Nothing used is deleted: a template is
 * deactivated; an edit replaces the text, with the text before and after
 * in the audit trail, and the documents already generated keep their own
 * bytes (relance-document-store.c).
 */
#define G_LOG_DOMAIN "relance-template-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-template-store.h"
#include "relance-database-private.h"

#define TEMPLATE_COLUMNS \
  "id, code, language, kind, level, name, subject, body, active, updated_at, updated_by"
#define SQL_FIND \
  "SELECT " TEMPLATE_COLUMNS " FROM template WHERE code = ?1 AND language = ?2"
#define SQL_FIND_BY_ID \
  "SELECT " TEMPLATE_COLUMNS " FROM template WHERE id = ?1"
#define SQL_LIST \
  "SELECT " TEMPLATE_COLUMNS " FROM template ORDER BY code, language"
#define SQL_INSERT \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active," \
  " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
#define SQL_UPDATE \
  "UPDATE template SET code = ?2, language = ?3, kind = ?4, level = ?5, name = ?6," \
  " subject = ?7, body = ?8, active = ?9, updated_at = ?10, updated_by = ?11" \
  " WHERE id = ?1"
#define SQL_SET_ACTIVE \
  "UPDATE template SET active = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1"

static const char * const kind_names[] = {
  [RELANCE_TEMPLATE_KIND_LETTER] = "letter",
  [RELANCE_TEMPLATE_KIND_NOTICE] = "notice",
  [RELANCE_TEMPLATE_KIND_STATEMENT] = "statement",
  [RELANCE_TEMPLATE_KIND_INTEREST] = "interest",
  [RELANCE_TEMPLATE_KIND_PLAN] = "plan",
  [RELANCE_TEMPLATE_KIND_EMAIL] = "email",
  [RELANCE_TEMPLATE_KIND_SMS] = "sms",
};

/* Helpers */

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (relance_column_text (stmt, index));
}

static RelanceTemplate *
template_from_row (sqlite3_stmt *stmt)
{
  RelanceTemplate *tpl = relance_template_new ();

  tpl->id = sqlite3_column_int64 (stmt, 0);
  tpl->code = dup_column (stmt, 1);
  tpl->language = dup_column (stmt, 2);
  relance_template_kind_from_string (relance_column_text (stmt, 3), &tpl->kind);
  tpl->level = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  tpl->name = dup_column (stmt, 5);
  tpl->subject = dup_column (stmt, 6);
  tpl->body = dup_column (stmt, 7);
  tpl->active = sqlite3_column_int (stmt, 8) != 0;
  tpl->updated_at = dup_column (stmt, 9);
  tpl->updated_by = dup_column (stmt, 10);
  return tpl;
}

static RelanceTemplate *
find_one (RelanceDatabase  *db,
          const char       *sql,
          gint64            id,
          const char       *code,
          const char       *language,
          GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, sql, error);
  RelanceTemplate *tpl = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (code != NULL)
    {
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, language, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    tpl = template_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a template"));
  sqlite3_reset (stmt);
  return tpl;
}

/* The text of the audit trail: everything a person may have edited */
static char *
describe_template (const RelanceTemplate *tpl)
{
  return g_strdup_printf ("code: %s\nlanguage: %s\nkind: %s\nlevel: %d\nname: %s\n"
                          "active: %s\nsubject: %s\nbody:\n%s",
                          tpl->code, tpl->language,
                          relance_template_kind_to_string (tpl->kind), tpl->level,
                          tpl->name, tpl->active ? "yes" : "no",
                          tpl->subject ? tpl->subject : "", tpl->body ? tpl->body : "");
}

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

/* Public API */

const char *
relance_template_kind_to_string (RelanceTemplateKind kind)
{
  g_return_val_if_fail (kind <= RELANCE_TEMPLATE_KIND_SMS, "letter");
  return kind_names[kind];
}

gboolean
relance_template_kind_from_string (const char          *text,
                                   RelanceTemplateKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (RelanceTemplateKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_template_new:
 *
 * Returns: (transfer full): an empty active French letter template, no
 *   level
 */
RelanceTemplate *
relance_template_new (void)
{
  RelanceTemplate *tpl = g_new0 (RelanceTemplate, 1);

  tpl->kind = RELANCE_TEMPLATE_KIND_LETTER;
  tpl->level = -1;
  tpl->active = TRUE;
  return tpl;
}

void
relance_template_free (RelanceTemplate *tpl)
{
  if (tpl == NULL)
    return;
  g_free (tpl->code);
  g_free (tpl->language);
  g_free (tpl->name);
  g_free (tpl->subject);
  g_free (tpl->body);
  g_free (tpl->updated_at);
  g_free (tpl->updated_by);
  g_free (tpl);
}

/**
 * relance_template_store_find:
 * @db: a #RelanceDatabase
 * @code: the template's code
 * @language: "fr" or "en"
 * @active_only: ignore a deactivated template
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with
 *   @error unset when there is none
 */
RelanceTemplate *
relance_template_store_find (RelanceDatabase  *db,
                             const char       *code,
                             const char       *language,
                             gboolean          active_only,
                             GError          **error)
{
  RelanceTemplate *tpl;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL && language != NULL, NULL);

  tpl = find_one (db, SQL_FIND, 0, code, language, error);
  if (tpl != NULL && active_only && !tpl->active)
    g_clear_pointer (&tpl, relance_template_free);
  return tpl;
}

/**
 * relance_template_store_list:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceTemplate): every
 *   template, active or not, by code then language; %NULL with @error
 *   set when SQLite fails
 */
GPtrArray *
relance_template_store_list (RelanceDatabase  *db,
                             GError          **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  templates = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_template_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (templates, template_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the templates"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&templates);
}

/**
 * relance_template_store_save:
 * @db: a #RelanceDatabase
 * @tpl: a new template (id 0) or an edited one; its id, updated_at and
 *   updated_by are set on success
 * @error: a #GError
 *
 * Inserts or updates in one transaction with an audit line holding the
 * text before and after. A code and language already used by another
 * row is %RELANCE_STORE_ERROR_DUPLICATE; an empty code, name or body is
 * %RELANCE_STORE_ERROR_INVALID. The placeholders are not checked here
 * (that is the documents layer's job, relance-placeholders.h).
 *
 * Returns: %TRUE on success
 */
gboolean
relance_template_store_save (RelanceDatabase  *db,
                             RelanceTemplate  *tpl,
                             GError          **error)
{
  g_autoptr(RelanceTemplate) before = NULL;
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  const char *language;
  sqlite3_stmt *stmt;
  gint64 id = tpl->id;
  int base;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (tpl != NULL, FALSE);

  if (is_blank (tpl->code) || is_blank (tpl->name) || is_blank (tpl->body))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("A template needs a code, a name and a body"));
      return FALSE;
    }
  language = tpl->language != NULL ? tpl->language : "fr";

  if (!relance_database_begin (db, error))
    return FALSE;

  if (id != 0)
    {
      GError *local_error = NULL;

      before = find_one (db, SQL_FIND_BY_ID, id, NULL, NULL, &local_error);
      if (before == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                         _("There is no template number %" PRId64), id);
          goto failed;
        }
      before_text = describe_template (before);
    }

  stmt = relance_database_prepare (db, id != 0 ? SQL_UPDATE : SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  base = id != 0 ? 2 : 1;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, base, tpl->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 1, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 2, relance_template_kind_to_string (tpl->kind), -1,
                     SQLITE_STATIC);
  if (tpl->level >= 0)
    sqlite3_bind_int (stmt, base + 3, tpl->level);
  else
    sqlite3_bind_null (stmt, base + 3);
  sqlite3_bind_text (stmt, base + 4, tpl->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 5, tpl->subject ? tpl->subject : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 6, tpl->body, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, base + 7, tpl->active ? 1 : 0);
  sqlite3_bind_text (stmt, base + 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 9, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after_text = describe_template (tpl);
  if (!relance_database_audit (db, "template", id, before ? "update" : "create",
                               before_text, after_text, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;

  tpl->id = id;
  if (tpl->language == NULL)
    tpl->language = g_strdup (language);
  g_free (tpl->updated_at);
  tpl->updated_at = g_steal_pointer (&now);
  g_free (tpl->updated_by);
  tpl->updated_by = g_strdup (relance_database_get_user (db));
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_template_store_set_active:
 * @db: a #RelanceDatabase
 * @id: a template's id
 * @active: %FALSE to deactivate it (nothing used is deleted)
 * @error: a #GError
 *
 * Returns: %TRUE on success; %RELANCE_STORE_ERROR_NOT_FOUND when there
 *   is no such template
 */
gboolean
relance_template_store_set_active (RelanceDatabase  *db,
                                   gint64            id,
                                   gboolean          active,
                                   GError          **error)
{
  g_autoptr(RelanceTemplate) before = NULL;
  g_autofree char *now = relance_database_now_iso ();
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  before = find_one (db, SQL_FIND_BY_ID, id, NULL, NULL, &local_error);
  if (before == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no template number %" PRId64), id);
      goto failed;
    }
  if (before->active == (active != FALSE))
    return relance_database_commit (db, error);

  stmt = relance_database_prepare (db, SQL_SET_ACTIVE, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (!relance_database_audit (db, "template", id, active ? "activate" : "deactivate",
                               before->active ? "active: yes" : "active: no",
                               active ? "active: yes" : "active: no", error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
