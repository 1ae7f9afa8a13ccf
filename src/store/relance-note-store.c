/* relance-note-store.c — free notes on a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-note-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-note-store.h"
#include "relance-database-private.h"

#define SQL_INSERT \
  "INSERT INTO note (actor_id, text, created_at, created_by) VALUES (?1, ?2, ?3, ?4)"
#define SQL_LIST \
  "SELECT id, actor_id, text, created_at, created_by FROM note" \
  " WHERE actor_id = ?1 ORDER BY created_at DESC, id DESC"

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

/* Public API */

void
relance_note_free (RelanceNote *note)
{
  if (note == NULL)
    return;
  g_free (note->text);
  g_free (note->created_at);
  g_free (note->created_by);
  g_free (note);
}

/**
 * relance_note_store_add:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @text: the note, not blank
 * @error: a #GError
 *
 * Returns: the new note's id, or 0 with @error set
 */
gint64
relance_note_store_add (RelanceDatabase  *db,
                        gint64            actor_id,
                        const char       *text,
                        GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  if (is_blank (text))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("The note is empty: write what happened"));
      return 0;
    }

  if (!relance_database_begin (db, error))
    return 0;

  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, relance_database_get_user (db), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                     _("The customer of the note does not exist"));
      else
        relance_database_set_sql_error (db, error, _("save the note"));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = g_strdup_printf ("actor-id: %" G_GINT64_FORMAT "\ntext: %s", actor_id, text);
  if (!relance_database_audit (db, "note", id, "create", NULL, after, error))
    goto failed;

  if (!relance_database_commit (db, error))
    return 0;
  return id;

failed:
  relance_database_rollback (db);
  return 0;
}

/**
 * relance_note_store_list:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type RelanceNote): newest
 *   first; %NULL with @error set when SQLite fails
 */
GPtrArray *
relance_note_store_list (RelanceDatabase  *db,
                         gint64            actor_id,
                         GError          **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_note_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceNote *note = g_new0 (RelanceNote, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->actor_id = sqlite3_column_int64 (stmt, 1);
      note->text = g_strdup (relance_column_text (stmt, 2));
      note->created_at = g_strdup (relance_column_text (stmt, 3));
      note->created_by = g_strdup (relance_column_text (stmt, 4));
      g_ptr_array_add (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the notes"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&notes);
}
