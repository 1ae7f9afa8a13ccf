/* relance-database.c — the SQLite connection, migrations and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-schema.sql.h"

struct _RelanceDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *user;

  /* SQL text → sqlite3_stmt*, prepared once per connection */
  GHashTable *statements;

  /* Nesting depth of relance_database_begin(); only the outermost level
   * talks to SQLite, so that a repository function can open a transaction
   * of its own or join the caller's. */
  guint       depth;
  gboolean    failed;
  gboolean    cache_write;
  int         changes_at_begin;
};

G_DEFINE_FINAL_TYPE (RelanceDatabase, relance_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (relance-store-error-quark, relance_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

void
relance_database_set_sql_error (RelanceDatabase  *self,
                                GError          **error,
                                const char       *what)
{
  int code = sqlite3_extended_errcode (self->handle);
  int primary = code & 0xff;
  RelanceStoreError kind = RELANCE_STORE_ERROR_SQL;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    kind = RELANCE_STORE_ERROR_BUSY;
  else if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    kind = RELANCE_STORE_ERROR_DUPLICATE;
  else if (primary == SQLITE_CONSTRAINT)
    kind = RELANCE_STORE_ERROR_INVALID;

  if (kind == RELANCE_STORE_ERROR_BUSY)
    g_set_error (error, RELANCE_STORE_ERROR, kind,
                 _("The database %s is in use by another program; try again in a moment (%s)"),
                 self->path, sqlite3_errmsg (self->handle));
  else
    g_set_error (error, RELANCE_STORE_ERROR, kind,
                 _("Could not %s in %s: %s"), what, self->path,
                 sqlite3_errmsg (self->handle));
}

/**
 * relance_database_exec:
 * @self: a #RelanceDatabase
 * @sql: statements without parameters (schema, pragmas)
 * @error: a #GError
 *
 * For fixed SQL only: anything with a value from outside goes through
 * relance_database_prepare() and bound parameters.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_database_exec (RelanceDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      /* BEGIN IMMEDIATE waits for the busy timeout, then says BUSY: the
       * caller can offer to try again. */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_BUSY,
                     _("The database %s is in use by another program; try again in a moment (%s)"),
                     self->path, message ? message : sqlite3_errmsg (self->handle));
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_SQL,
                     _("SQLite refused an update of %s: %s"), self->path,
                     message ? message : sqlite3_errmsg (self->handle));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/**
 * relance_database_prepare:
 * @self: a #RelanceDatabase
 * @sql: the statement, with `?` parameters
 * @error: a #GError
 *
 * Returns a statement prepared once for this connection and cached,
 * reset and with its bindings cleared, ready to bind and step. The caller
 * does not finalize it; it should reset it when done so that it holds no
 * read lock.
 *
 * Returns: (transfer none): the statement, or %NULL on error
 */
sqlite3_stmt *
relance_database_prepare (RelanceDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* Wrong SQL is a programming error and must be loud; a busy or
       * full database is not, and is reported through @error only. */
      if ((rc & 0xff) == SQLITE_ERROR)
        g_critical ("could not prepare: %s\n%s", sqlite3_errmsg (self->handle), sql);
      relance_database_set_sql_error (self, error, _("prepare a query"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * relance_database_step_done:
 * @self: a #RelanceDatabase
 * @stmt: a bound statement that returns no row
 * @error: a #GError
 *
 * Steps @stmt to its end and resets it.
 *
 * Returns: %TRUE when SQLite said SQLITE_DONE
 */
gboolean
relance_database_step_done (RelanceDatabase  *self,
                            sqlite3_stmt     *stmt,
                            GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      relance_database_set_sql_error (self, error, "write");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

sqlite3 *
relance_database_get_handle (RelanceDatabase *self)
{
  return self->handle;
}

void
relance_bind_text_or_null (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
relance_column_text (sqlite3_stmt *stmt,
                     int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

char *
relance_database_now_iso (void)
{
  /* Every row written carries this timestamp, to the second: the text
   * of the current second is kept, per thread (each thread has its own
   * connection), rather than formatted again for each row of a daily
   * run that writes a hundred thousand */
  static _Thread_local gint64 cached_second = -1;
  static _Thread_local char cached[24];
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (second != cached_second)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (cached, text, sizeof cached);
      cached_second = second;
    }
  return g_strdup (cached);
}

/**
 * relance_fold_for_search:
 * @text: (nullable): a name
 *
 * Lower case without accents, so that "Société Générale" is found by
 * "societe gen". Stored beside the name and used for both sides of a
 * search.
 *
 * Returns: (transfer full): the folded text
 */
char *
relance_fold_for_search (const char *text)
{
  g_autofree char *normalized = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (normalized == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (normalized));
  for (const char *p = normalized; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_ismark (c))
        continue;
      /* Lower case first, so that "Œ" folds as "œ" does */
      if (c == 0x0153) /* œ */
        g_string_append (out, "oe");
      else if (c == 0x00E6) /* æ */
        g_string_append (out, "ae");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
read_user_version (RelanceDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
looks_like_foreign_database (RelanceDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean foreign = FALSE;

  /* A file with tables but no user_version was not made by Relance:
   * refuse it rather than add our tables to somebody else's data. */
  if (sqlite3_prepare_v2 (self->handle,
                          "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    foreign = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_finalize (stmt);
  return foreign;
}

static gboolean
migrate (RelanceDatabase  *self,
         GError          **error)
{
  int version = read_user_version (self);
  int latest = G_N_ELEMENTS (relance_migrations);

  if (version < 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_OPEN,
                   _("%s is not an SQLite database, or it is damaged"), self->path);
      return FALSE;
    }
  if (version > latest)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NEWER,
                   _("%s was written by a newer version of Relance (schema %d, this version knows %d); update Relance to open it"),
                   self->path, version, latest);
      return FALSE;
    }
  if (version == 0 && looks_like_foreign_database (self))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_OPEN,
                   _("%s is an SQLite database of another program, not a Relance database"),
                   self->path);
      return FALSE;
    }

  for (int v = version; v < latest; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      /* Each step in its own transaction with the version that records
       * it: a crash leaves the file at the previous version, whole. */
      if (!relance_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!relance_database_exec (self, relance_migrations[v], error) ||
          !relance_database_exec (self, pragma, error))
        {
          relance_database_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), v + 1);
          return FALSE;
        }
      if (!relance_database_exec (self, "COMMIT", error))
        return FALSE;
    }
  return TRUE;
}

static void
relance_database_finalize (GObject *object)
{
  RelanceDatabase *self = (RelanceDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      if (self->depth > 0)
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (relance_database_parent_class)->finalize (object);
}

static void
relance_database_class_init (RelanceDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_database_finalize;
}

static void
relance_database_init (RelanceDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->user = g_strdup (g_get_user_name ());
}

/**
 * relance_database_open:
 * @path: a file name; created when missing
 * @error: a #GError
 *
 * Opens (or creates) a Relance database in WAL mode with foreign keys on
 * and a busy timeout, and brings its schema to the latest version.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
RelanceDatabase *
relance_database_open (const char  *path,
                       GError     **error)
{
  g_autoptr(RelanceDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  if (read_user_version (self) < 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_OPEN,
                   _("%s is not a Relance database (not an SQLite file, or damaged)"), path);
      return NULL;
    }

  /* WAL lets the GUI read while the daily run or an import writes;
   * synchronous=NORMAL is durable in WAL mode except for the last
   * transactions on power loss, never corrupt. */
  if (!relance_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !relance_database_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !relance_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !relance_database_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !relance_database_exec (self, "PRAGMA cache_size = -65536", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
relance_database_get_path (RelanceDatabase *self)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), NULL);
  return self->path;
}

int
relance_database_get_schema_version (RelanceDatabase *self)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), -1);
  return read_user_version (self);
}

int
relance_database_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (relance_migrations);
}

/**
 * relance_database_begin:
 * @self: a #RelanceDatabase
 * @error: a #GError
 *
 * Opens a write transaction, or joins the one already open. Each begin is
 * matched by a commit or a rollback; a rollback at any depth makes the
 * outermost commit fail, so that nothing half-written is ever kept.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_database_begin (RelanceDatabase  *self,
                        GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), FALSE);

  if (self->depth == 0)
    {
      if (!relance_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->failed = FALSE;
      self->cache_write = FALSE;
      self->changes_at_begin = sqlite3_total_changes (self->handle);
    }
  self->depth++;
  return TRUE;
}

static gboolean
bump_data_version (RelanceDatabase  *self,
                   GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (self,
    "UPDATE setting SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'",
    error);

  return stmt != NULL && relance_database_step_done (self, stmt, error);
}

/**
 * relance_database_commit:
 * @self: a #RelanceDatabase
 * @error: a #GError
 *
 * Ends one level of transaction. At the outermost level, commits, and
 * when anything was written bumps the data version that caches compare.
 *
 * Returns: %TRUE on success; %FALSE when the transaction was rolled back
 */
gboolean
relance_database_commit (RelanceDatabase  *self,
                         GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->failed)
    {
      relance_database_exec (self, "ROLLBACK", NULL);
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_SQL,
                   _("The changes were cancelled because a part of them failed"));
      return FALSE;
    }
  if (!self->cache_write &&
      sqlite3_total_changes (self->handle) != self->changes_at_begin &&
      !bump_data_version (self, error))
    {
      relance_database_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!relance_database_exec (self, "COMMIT", error))
    {
      relance_database_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * relance_database_rollback:
 * @self: a #RelanceDatabase
 *
 * Abandons the transaction: at once at the outermost level, else when the
 * outermost level ends.
 */
void
relance_database_rollback (RelanceDatabase *self)
{
  g_return_if_fail (RELANCE_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  self->failed = TRUE;
  if (--self->depth == 0)
    relance_database_exec (self, "ROLLBACK", NULL);
}

gboolean
relance_database_in_transaction (RelanceDatabase *self)
{
  return self->depth > 0;
}

void
relance_database_mark_cache_write (RelanceDatabase *self)
{
  self->cache_write = TRUE;
}

/**
 * relance_database_get_data_version:
 * @self: a #RelanceDatabase
 *
 * A counter that every committed write transaction bumps, whichever
 * process wrote: caches stamped with it know when they are stale.
 *
 * Returns: the counter
 */
gint64
relance_database_get_data_version (RelanceDatabase *self)
{
  g_autofree char *value = relance_database_get_setting (self, "data_version");

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/**
 * relance_database_get_setting:
 * @self: a #RelanceDatabase
 * @key: the key
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
relance_database_get_setting (RelanceDatabase *self,
                              const char      *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (self), NULL);

  stmt = relance_database_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (relance_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
relance_database_set_setting (RelanceDatabase  *self,
                              const char       *key,
                              const char       *value,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (self), FALSE);

  if (!relance_database_begin (self, error))
    return FALSE;
  stmt = relance_database_prepare (self,
                                   "INSERT INTO setting (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value ? value : "", -1, SQLITE_STATIC);
      ok = relance_database_step_done (self, stmt, error);
    }
  if (!ok)
    {
      relance_database_rollback (self);
      return FALSE;
    }
  return relance_database_commit (self, error);
}

const char *
relance_database_get_user (RelanceDatabase *self)
{
  return self->user;
}

/**
 * relance_database_set_user:
 * @self: a #RelanceDatabase
 * @user: the name recorded in the audit trail for what follows
 */
void
relance_database_set_user (RelanceDatabase *self,
                           const char      *user)
{
  g_return_if_fail (RELANCE_IS_DATABASE (self));
  g_return_if_fail (user != NULL && *user != '\0');

  g_free (self->user);
  self->user = g_strdup (user);
}

/**
 * relance_database_audit:
 * @self: a #RelanceDatabase
 * @entity: the table or aggregate, e.g. "actor"
 * @entity_id: its id, or 0 for an event on no single row (an import)
 * @action: "create", "update", "import"…
 * @before: (nullable): the state before, as text
 * @after: (nullable): the state after, as text
 * @error: a #GError
 *
 * Records who did what and when. Call it inside the transaction of the
 * change, so that both are kept or neither.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_database_audit (RelanceDatabase  *self,
                        const char       *entity,
                        gint64            entity_id,
                        const char       *action,
                        const char       *before,
                        const char       *after,
                        GError          **error)
{
  g_autofree char *now = relance_database_now_iso ();
  sqlite3_stmt *stmt;

  stmt = relance_database_prepare (self,
                                   "INSERT INTO audit (at, who, entity, entity_id, action, before, after) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 4, entity_id);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 6, before);
  relance_bind_text_or_null (stmt, 7, after);
  return relance_database_step_done (self, stmt, error);
}

/**
 * relance_database_check_integrity:
 * @self: a #RelanceDatabase
 * @error: a #GError
 *
 * Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`.
 *
 * Returns: %TRUE when SQLite finds nothing wrong
 */
gboolean
relance_database_check_integrity (RelanceDatabase  *self,
                                  GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (ok && sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_finalize (stmt);
    }
  if (!ok)
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_SQL,
                 _("The database %s failed its integrity check"), self->path);
  return ok;
}
