/* relance-search-store.c — the global search: customers, invoices, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an agent types in the search window (Ctrl+K) is looked up in three
 * small queries, each with its own limit, so that a customer named like
 * many invoices still shows. The text is bound, folded like the
 * actor's search_key, with the LIKE wildcards escaped: nothing typed
 * becomes SQL. There are no contracts yet: they join the search with
 * their table.
 */
#define G_LOG_DOMAIN "relance-search-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-search-store.h"
#include "relance-database-private.h"

/* Active customers by code, SIREN (prefixes) or name (anywhere); exact
 * codes first */
#define SQL_CUSTOMERS \
  "SELECT id, code, name FROM actor" \
  " WHERE active = 1" \
  " AND (code LIKE ?1 || '%' ESCAPE '\\'" \
  " OR siren LIKE ?2 || '%' ESCAPE '\\'" \
  " OR search_key LIKE '%' || ?1 || '%' ESCAPE '\\')" \
  " ORDER BY code = ?3 COLLATE NOCASE DESC, search_key, id" \
  " LIMIT ?4"
/* Invoices (and credit notes) by the beginning of their number */
#define SQL_INVOICES \
  "SELECT i.id, i.actor_id, i.number, a.code, a.name FROM invoice i" \
  " JOIN actor a ON a.id = i.actor_id" \
  " WHERE i.number LIKE ?1 || '%' ESCAPE '\\'" \
  " ORDER BY i.number LIMIT ?2"
/* Actions by number (?2, 0 when the text is no number) or title */
#define SQL_ACTIONS \
  "SELECT x.id, x.actor_id, x.title, a.code, a.name FROM action x" \
  " JOIN actor a ON a.id = x.actor_id" \
  " WHERE x.id = ?2 OR x.title LIKE '%' || ?1 || '%' ESCAPE '\\'" \
  " ORDER BY x.id = ?2 DESC, x.planned_date DESC, x.id DESC LIMIT ?3"

/* Helpers */

static char *
escape_like (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' || *p == '%' || *p == '_')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* SIRENs are stored as 9 digits; people type them with spaces */
static char *
digits_only (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ')
        {
          /* not a SIREN */
          g_string_free (digits, TRUE);
          return g_strdup ("");
        }
    }
  return g_string_free (digits, FALSE);
}

static RelanceSearchHit *
hit_new (RelanceSearchKind  kind,
         gint64             id,
         gint64             actor_id,
         char              *label,
         const char        *actor_code,
         const char        *actor_name)
{
  RelanceSearchHit *hit = g_new0 (RelanceSearchHit, 1);

  hit->kind = kind;
  hit->id = id;
  hit->actor_id = actor_id;
  hit->label = label;
  hit->actor_code = g_strdup (actor_code);
  hit->actor_name = g_strdup (actor_name);
  return hit;
}

static gboolean
finish (RelanceDatabase  *db,
        sqlite3_stmt     *stmt,
        int               rc,
        const char       *what,
        GError          **error)
{
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
find_customers (RelanceDatabase  *db,
                const char       *like,
                const char       *siren,
                const char       *text,
                guint             limit,
                GPtrArray        *hits,
                GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_CUSTOMERS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_STATIC);
  /* no digits: a pattern no SIREN starts with */
  sqlite3_bind_text (stmt, 2, *siren != '\0' ? siren : "\x01", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hits, hit_new (RELANCE_SEARCH_CUSTOMER, sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 0),
                                    g_strdup (relance_column_text (stmt, 1)),
                                    relance_column_text (stmt, 1),
                                    relance_column_text (stmt, 2)));
  return finish (db, stmt, rc, _("search the customers"), error);
}

static gboolean
find_invoices (RelanceDatabase  *db,
               const char       *like,
               guint             limit,
               GPtrArray        *hits,
               GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_INVOICES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hits, hit_new (RELANCE_SEARCH_INVOICE, sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    g_strdup (relance_column_text (stmt, 2)),
                                    relance_column_text (stmt, 3),
                                    relance_column_text (stmt, 4)));
  return finish (db, stmt, rc, _("search the invoices"), error);
}

static gboolean
find_actions (RelanceDatabase  *db,
              const char       *like,
              gint64            number,
              guint             limit,
              GPtrArray        *hits,
              GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, SQL_ACTIONS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (hits, hit_new (RELANCE_SEARCH_ACTION, id, sqlite3_column_int64 (stmt, 1),
                                      g_strdup_printf ("#%" G_GINT64_FORMAT " %s", id,
                                                       relance_column_text (stmt, 2)),
                                      relance_column_text (stmt, 3),
                                      relance_column_text (stmt, 4)));
    }
  return finish (db, stmt, rc, _("search the actions"), error);
}

/* Public API */

void
relance_search_hit_free (RelanceSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->label);
  g_free (hit->actor_code);
  g_free (hit->actor_name);
  g_free (hit);
}

/**
 * relance_search_store_find:
 * @db: a #RelanceDatabase
 * @text: what the user typed
 * @limit: the most results of each kind
 * @error: a #GError
 *
 * Customers by code, SIREN or name; invoices by number; actions by
 * number or title. Upper or lower case and accents do not matter.
 *
 * Returns: (transfer container) (element-type RelanceSearchHit): the
 *   customers, then the invoices, then the actions; %NULL with @error
 *   set when SQLite fails
 */
GPtrArray *
relance_search_store_find (RelanceDatabase  *db,
                           const char       *text,
                           guint             limit,
                           GError          **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_search_hit_free);
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *like = NULL;
  g_autofree char *raw_like = NULL;
  g_autofree char *siren = NULL;
  gint64 number = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0' || limit == 0)
    return g_steal_pointer (&hits);

  folded = relance_fold_for_search (trimmed);
  like = escape_like (folded);
  /* numbers and titles are not folded: LIKE ignores the case of ASCII
   * letters, and a title keeps its accents */
  raw_like = escape_like (trimmed);
  siren = digits_only (trimmed);
  /* "#42" or "42" is action number 42 */
  if (!g_ascii_string_to_signed (trimmed[0] == '#' ? trimmed + 1 : trimmed, 10, 1, G_MAXINT64,
                                 &number, NULL))
    number = 0;

  if (!find_customers (db, like, siren, trimmed, limit, hits, error) ||
      !find_invoices (db, raw_like, limit, hits, error) ||
      !find_actions (db, raw_like, number, limit, hits, error))
    return NULL;
  return g_steal_pointer (&hits);
}
