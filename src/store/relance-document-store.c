/* relance-document-store.c — the documents generated, with their bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is written once and never replaced: what was sent to a
 * debtor must stay what it was. Regenerating makes a new row with its own
 * hash. The bytes are a BLOB read only by relance_document_store_get_content(),
 * so that listing a customer's documents does not read every PDF.
 */
#define G_LOG_DOMAIN "relance-document-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-document-store.h"
#include "relance-database-private.h"

#define INFO_COLUMNS \
  "id, actor_id, action_id, kind, level, template_code, language, title, file_name," \
  " mime_type, size, sha256, document_date, created_at, created_by"
#define SQL_INSERT \
  "INSERT INTO document (actor_id, action_id, kind, level, template_code, language, title," \
  " file_name, mime_type, content, size, sha256, document_date, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
#define SQL_FIND \
  "SELECT " INFO_COLUMNS " FROM document WHERE id = ?1"
#define SQL_CONTENT \
  "SELECT content FROM document WHERE id = ?1"
#define SQL_LIST_ACTOR \
  "SELECT " INFO_COLUMNS " FROM document WHERE actor_id = ?1 ORDER BY id DESC"
#define SQL_LIST_ACTION \
  "SELECT " INFO_COLUMNS " FROM document WHERE action_id = ?1 ORDER BY id DESC"
/* The automatic letters and notices a run performed and that have no
 * document yet: what the batch of the daily run still has to make */
#define SQL_RUN_PENDING \
  "SELECT a.id FROM action a" \
  " WHERE a.run_date = ?1 AND a.automatic <> 0 AND a.status = 'done'" \
  " AND a.channel IN ('letter', 'registered_letter', 'formal_notice')" \
  " AND NOT EXISTS (SELECT 1 FROM document d WHERE d.action_id = a.id)" \
  " ORDER BY a.actor_id, a.id"

#define SQL_INDEMNITY_ITEMS \
  "SELECT DISTINCT ic.charge_invoice_id FROM interest_charge ic" \
  " JOIN invoice i ON i.id = ic.charge_invoice_id" \
  " WHERE i.actor_id = ?1 AND ic.kind = 'indemnity'" \
  " ORDER BY ic.charge_invoice_id"

/* Helpers */

static GArray *
list_ids (RelanceDatabase  *db,
          const char       *sql,
          gint64            key,
          const char       *what,
          GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = relance_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, what);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (relance_column_text (stmt, index));
}

static RelanceDocumentInfo *
info_from_row (sqlite3_stmt *stmt)
{
  RelanceDocumentInfo *info = relance_document_info_new ();

  info->id = sqlite3_column_int64 (stmt, 0);
  info->actor_id = sqlite3_column_int64 (stmt, 1);
  info->action_id = sqlite3_column_int64 (stmt, 2);
  info->kind = dup_column (stmt, 3);
  info->level = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  info->template_code = dup_column (stmt, 5);
  info->language = dup_column (stmt, 6);
  info->title = dup_column (stmt, 7);
  info->file_name = dup_column (stmt, 8);
  g_free (info->mime_type);
  info->mime_type = dup_column (stmt, 9);
  info->size = sqlite3_column_int64 (stmt, 10);
  info->sha256 = dup_column (stmt, 11);
  info->document_date = sqlite3_column_int (stmt, 12);
  info->created_at = dup_column (stmt, 13);
  info->created_by = dup_column (stmt, 14);
  return info;
}

static GPtrArray *
list_by (RelanceDatabase  *db,
         const char       *sql,
         gint64            key,
         GError          **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = relance_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_document_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (infos, info_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the documents"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&infos);
}

/* Public API */

/**
 * relance_document_info_new:
 *
 * Returns: (transfer full): an empty PDF document's description, no level
 */
RelanceDocumentInfo *
relance_document_info_new (void)
{
  RelanceDocumentInfo *info = g_new0 (RelanceDocumentInfo, 1);

  info->level = -1;
  info->mime_type = g_strdup ("application/pdf");
  return info;
}

void
relance_document_info_free (RelanceDocumentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->kind);
  g_free (info->template_code);
  g_free (info->language);
  g_free (info->title);
  g_free (info->file_name);
  g_free (info->mime_type);
  g_free (info->sha256);
  g_free (info->created_at);
  g_free (info->created_by);
  g_free (info);
}

/**
 * relance_document_store_insert:
 * @db: a #RelanceDatabase
 * @info: the new document (id 0) with its actor, kind, language, title,
 *   file name and date; its id, size, sha256, created_at and created_by
 *   are set on success
 * @content: the bytes
 * @error: a #GError
 *
 * Stores a new row with an audit line (in the caller's transaction when
 * there is one). Never replaces a row.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_document_store_insert (RelanceDatabase      *db,
                               RelanceDocumentInfo  *info,
                               GBytes               *content,
                               GError              **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *sha256 = NULL;
  g_autofree char *after = NULL;
  const char *mime_type;
  sqlite3_stmt *stmt;
  gconstpointer data;
  gsize size;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (info != NULL && info->id == 0, FALSE);
  g_return_val_if_fail (info->kind != NULL && info->title != NULL, FALSE);
  g_return_val_if_fail (info->file_name != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  data = g_bytes_get_data (content, &size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  mime_type = info->mime_type != NULL ? info->mime_type : "application/pdf";

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, info->actor_id);
  if (info->action_id != 0)
    sqlite3_bind_int64 (stmt, 2, info->action_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, info->kind, -1, SQLITE_STATIC);
  if (info->level >= 0)
    sqlite3_bind_int (stmt, 4, info->level);
  else
    sqlite3_bind_null (stmt, 4);
  relance_bind_text_or_null (stmt, 5, info->template_code);
  sqlite3_bind_text (stmt, 6, info->language ? info->language : "fr", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, info->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, info->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, mime_type, -1, SQLITE_STATIC);
  /* An empty BLOB is not NULL: the column is NOT NULL */
  sqlite3_bind_blob64 (stmt, 10, size > 0 ? data : "", size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, (gint64) size);
  sqlite3_bind_text (stmt, 12, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 13, info->document_date);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = g_strdup_printf ("actor-id: %" PRId64 "\naction-id: %" PRId64 "\nkind: %s\n"
                           "title: %s\nsize: %" G_GSIZE_FORMAT "\nsha256: %s",
                           info->actor_id, info->action_id, info->kind, info->title,
                           size, sha256);
  if (!relance_database_audit (db, "document", id, "create", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;

  info->id = id;
  info->size = (gint64) size;
  g_free (info->sha256);
  info->sha256 = g_steal_pointer (&sha256);
  g_free (info->created_at);
  info->created_at = g_steal_pointer (&now);
  g_free (info->created_by);
  info->created_by = g_strdup (relance_database_get_user (db));
  if (info->mime_type == NULL)
    info->mime_type = g_strdup (mime_type);
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_document_store_find:
 * @db: a #RelanceDatabase
 * @id: a document's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): what is known of it without its
 *   bytes, or %NULL with @error unset when there is none
 */
RelanceDocumentInfo *
relance_document_store_find (RelanceDatabase  *db,
                             gint64            id,
                             GError          **error)
{
  RelanceDocumentInfo *info = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    info = info_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read a document"));
  sqlite3_reset (stmt);
  return info;
}

/**
 * relance_document_store_get_content:
 * @db: a #RelanceDatabase
 * @id: a document's id
 * @error: a #GError
 *
 * Returns: (transfer full): the bytes as they were stored, or %NULL with
 *   @error set (%RELANCE_STORE_ERROR_NOT_FOUND when there is no such
 *   document)
 */
GBytes *
relance_document_store_get_content (RelanceDatabase  *db,
                                    gint64            id,
                                    GError          **error)
{
  GBytes *content = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_CONTENT, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    content = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("There is no document number %" PRId64), id);
  else
    relance_database_set_sql_error (db, error, _("read a document"));
  sqlite3_reset (stmt);
  return content;
}

/**
 * relance_document_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceDocumentInfo): the
 *   customer's documents, newest first; %NULL with @error set when
 *   SQLite fails
 */
GPtrArray *
relance_document_store_list_for_actor (RelanceDatabase  *db,
                                       gint64            actor_id,
                                       GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return list_by (db, SQL_LIST_ACTOR, actor_id, error);
}

/**
 * relance_document_store_list_for_action:
 * @db: a #RelanceDatabase
 * @action_id: an action
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceDocumentInfo): the
 *   documents made for the action, newest first
 */
GPtrArray *
relance_document_store_list_for_action (RelanceDatabase  *db,
                                        gint64            action_id,
                                        GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return list_by (db, SQL_LIST_ACTION, action_id, error);
}

/**
 * relance_document_store_list_run_pending:
 * @db: a #RelanceDatabase
 * @run_date: the day of a daily run
 * @error: a #GError
 *
 * The automatic letter, registered letter and formal-notice actions that
 * the run of @run_date performed and that have no document yet.
 *
 * Returns: (transfer full) (element-type gint64): their ids by customer;
 *   %NULL with @error set when SQLite fails
 */
GArray *
relance_document_store_list_run_pending (RelanceDatabase  *db,
                                         RelanceDate       run_date,
                                         GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return list_ids (db, SQL_RUN_PENDING, run_date, _("read the actions of the daily run"), error);
}

/**
 * relance_document_store_indemnity_items:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type gint64): the ids of the fee
 *   items that charged the 40 € indemnity, ascending; %NULL with @error
 *   set when SQLite fails
 */
GArray *
relance_document_store_indemnity_items (RelanceDatabase  *db,
                                        gint64            actor_id,
                                        GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return list_ids (db, SQL_INDEMNITY_ITEMS, actor_id, _("read the indemnities charged"), error);
}
