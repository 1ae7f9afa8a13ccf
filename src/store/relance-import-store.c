/* relance-import-store.c — the record of imported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-import-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-import-store.h"
#include "relance-database-private.h"

#define SQL_FIND \
  "SELECT id, file_name, imported_at FROM import_batch WHERE kind = ?1 AND sha256 = ?2"
#define SQL_INSERT \
  "INSERT INTO import_batch (kind, file_name, sha256, rows, imported_at, imported_by)" \
  " VALUES (?1, ?2, ?3, 0, ?4, ?5)"
#define SQL_SET_ROWS "UPDATE import_batch SET rows = ?1 WHERE id = ?2"

/**
 * relance_import_store_find:
 * @db: a #RelanceDatabase
 * @kind: the kind of import, e.g. "invoices"
 * @sha256: the SHA-256 of the file's content, in hexadecimal
 * @id: (out) (optional): the id of the earlier import
 * @file_name: (out) (optional) (transfer full): its file name
 * @imported_at: (out) (optional) (transfer full): when it was imported
 * @error: a #GError
 *
 * Looks for an earlier import of the same content, so that the importer
 * can warn before it loads a file twice.
 *
 * Returns: %TRUE when found; %FALSE when not found (@error unset) or on
 *   error (@error set)
 */
gboolean
relance_import_store_find (RelanceDatabase  *db,
                           const char       *kind,
                           const char       *sha256,
                           gint64           *id,
                           char            **file_name,
                           char            **imported_at,
                           GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      if (file_name != NULL)
        *file_name = g_strdup (relance_column_text (stmt, 1));
      if (imported_at != NULL)
        *imported_at = g_strdup (relance_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("look for an earlier import"));

  sqlite3_reset (stmt);
  return found;
}

/**
 * relance_import_store_record:
 * @db: a #RelanceDatabase
 * @kind: the kind of import
 * @file_name: the name of the file, as shown to the user
 * @sha256: the SHA-256 of its content
 * @error: a #GError
 *
 * Records an import with a row count of 0, in the caller's transaction
 * when one is open, so that the rows that refer to it and the record are
 * kept or dropped together.
 *
 * Returns: the id of the import, or 0 with @error set
 */
gint64
relance_import_store_record (RelanceDatabase  *db,
                             const char       *kind,
                             const char       *file_name,
                             const char       *sha256,
                             GError          **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind != NULL, 0);
  g_return_val_if_fail (file_name != NULL, 0);
  g_return_val_if_fail (sha256 != NULL, 0);

  if (!relance_database_begin (db, error))
    return 0;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;

  now = relance_database_now_iso ();
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, relance_database_get_user (db), -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (relance_database_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                     _("The file “%s” has already been imported; import it again only "
                       "after removing what it loaded"),
                     file_name);
      else
        relance_database_set_sql_error (db, error, _("record the import"));
      sqlite3_reset (stmt);
      goto failed;
    }
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));
  sqlite3_reset (stmt);

  if (!relance_database_commit (db, error))
    return 0;
  return id;

failed:
  relance_database_rollback (db);
  return 0;
}

/**
 * relance_import_store_set_rows:
 * @db: a #RelanceDatabase
 * @id: the id of an import
 * @rows: the number of rows it loaded
 * @error: a #GError
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_NOT_FOUND when
 *   there is no such import
 */
gboolean
relance_import_store_set_rows (RelanceDatabase  *db,
                               gint64            id,
                               gint64            rows,
                               GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_SET_ROWS, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rows);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;

  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no import number %" PRId64), id);
      goto failed;
    }

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
