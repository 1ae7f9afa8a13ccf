/* collections-fixture.h — reading the audit trail in the tests of
 * disputes, promises and the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included after engine-fixture.h. The audit trail has no reader in the
 * store: the tests read it through a read-only connection of their own,
 * as a person auditing the file would.
 */
#pragma once

#include <sqlite3.h>

/* The @column ("before" or "after") of the last audit line on @entity
 * @entity_id with @action, or NULL when there is none */
static inline char *
audit_text (RelanceDatabase *db,
            const char      *entity,
            gint64           entity_id,
            const char      *action,
            const char      *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, who, at FROM audit"
                                          " WHERE entity = ?1 AND entity_id = ?2 AND action = ?3"
                                          " ORDER BY id DESC LIMIT 1",
                                          column);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* who and when are always recorded */
      assert_string_equal ((const char *) sqlite3_column_text (stmt, 1),
                           relance_database_get_user (db));
      assert_non_null (sqlite3_column_text (stmt, 2));
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else
        text = g_strdup ("");
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return text;
}

/* The number of audit lines on @entity (all of them when @action is
 * NULL) */
static inline gint64
audit_count (RelanceDatabase *db,
             const char      *entity,
             const char      *action)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle,
                                        "SELECT count(*) FROM audit"
                                        " WHERE entity = ?1 AND (?2 IS NULL OR action = ?2)",
                                        -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  if (action != NULL)
    sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return count;
}

/* Asserts that @text contains @part */
#define assert_contains(text, part) \
  do { \
    const char *assert_text_ = (text); \
    if (assert_text_ == NULL || strstr (assert_text_, (part)) == NULL) \
      fail_msg ("“%s” does not contain “%s”", assert_text_ ? assert_text_ : "(null)", (part)); \
  } while (0)
