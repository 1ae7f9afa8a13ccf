/* test-database.c — the connection, migrations, transactions and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-database.h"
#include "relance-database-private.h"

typedef struct
{
  char            *dir;
  char            *path;
  RelanceDatabase *db;
} Fixture;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static int
setup (void **state)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("relance-test-database-XXXXXX", &error);
  assert_non_null (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "relance.db", NULL);
  fixture->db = relance_database_open (fixture->path, &error);
  assert_null (error);
  assert_non_null (fixture->db);
  *state = fixture;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fixture = *state;

  g_clear_object (&fixture->db);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_free (fixture);
  return 0;
}

/* Runs SQL through a plain SQLite connection, as another program would. */
static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;

  assert_int_equal (sqlite3_open (path, &handle), SQLITE_OK);
  assert_int_equal (sqlite3_exec (handle, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (handle);
}

static int
query_int (RelanceDatabase *db,
           const char      *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  assert_int_equal (sqlite3_prepare_v2 (relance_database_get_handle (db), sql, -1, &stmt, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_open_empty_file_migrates_to_latest (void **state)
{
  Fixture *fixture = *state;

  assert_true (relance_database_get_latest_schema_version () >= 1);
  assert_int_equal (relance_database_get_schema_version (fixture->db),
                    relance_database_get_latest_schema_version ());
  assert_int_equal (query_int (fixture->db, "PRAGMA user_version"),
                    relance_database_get_latest_schema_version ());
  /* Migration 1 seeds the settings it relies on */
  assert_int_equal (relance_database_get_data_version (fixture->db), 0);
}

static void
test_reopen_keeps_data_and_does_not_migrate_again (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  assert_true (relance_database_set_setting (fixture->db, "company_name", "ACME", &error));
  assert_int_equal (relance_database_get_data_version (fixture->db), 1);
  g_clear_object (&fixture->db);

  /* Running migration 1 again would fail on CREATE TABLE and reset
   * data_version to 0: neither happens. */
  fixture->db = relance_database_open (fixture->path, &error);
  assert_null (error);
  assert_non_null (fixture->db);
  value = relance_database_get_setting (fixture->db, "company_name");
  assert_string_equal (value, "ACME");
  assert_int_equal (relance_database_get_data_version (fixture->db), 1);
  assert_int_equal (relance_database_get_schema_version (fixture->db),
                    relance_database_get_latest_schema_version ());
}

static void
test_non_sqlite_file_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  const char *text = "These are not the rows you are looking for.\n"
                     "Just a text file that somebody named .db by mistake.\n"
                     "It is long enough to fill the header of a database.\n";

  assert_true (g_file_set_contents (path, text, -1, NULL));
  db = relance_database_open (path, &error);
  assert_null (db);
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_OPEN));

  /* and the file is left as it was */
  assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  assert_string_equal (contents, text);
}

static void
test_newer_schema_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;

  g_clear_object (&fixture->db);
  exec_raw (fixture->path, "PRAGMA user_version = 999");

  db = relance_database_open (fixture->path, &error);
  assert_null (db);
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NEWER));
  assert_non_null (strstr (error->message, "999"));
}

static void
test_other_programs_database_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "photos.sqlite", NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  exec_raw (path, "CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT);"
                  "INSERT INTO photo (file) VALUES ('holidays.jpg');");

  db = relance_database_open (path, &error);
  assert_null (db);
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_OPEN));

  /* None of our tables was added to it */
  assert_int_equal (sqlite3_open (path, &handle), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle,
                                        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                                        -1, &stmt, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  assert_int_equal (sqlite3_column_int (stmt, 0), 1);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static void
test_nested_begin_and_commit_write_once (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) other = NULL;
  g_autofree char *seen_inside = NULL;
  g_autofree char *seen_after = NULL;

  assert_true (relance_database_begin (fixture->db, &error));
  assert_true (relance_database_begin (fixture->db, &error));
  assert_true (relance_database_set_setting (fixture->db, "a", "1", &error));
  assert_true (relance_database_commit (fixture->db, &error));
  assert_true (relance_database_in_transaction (fixture->db));

  /* Not committed yet: another connection does not see it */
  other = relance_database_open (fixture->path, &error);
  assert_non_null (other);
  seen_inside = relance_database_get_setting (other, "a");
  assert_null (seen_inside);

  assert_true (relance_database_set_setting (fixture->db, "b", "2", &error));
  assert_true (relance_database_commit (fixture->db, &error));
  assert_null (error);
  assert_false (relance_database_in_transaction (fixture->db));

  seen_after = relance_database_get_setting (other, "a");
  assert_string_equal (seen_after, "1");
  /* one transaction, one bump */
  assert_int_equal (relance_database_get_data_version (other), 1);
}

static void
test_rollback_in_nested_level_fails_outer_commit (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  assert_true (relance_database_begin (fixture->db, &error));
  assert_true (relance_database_set_setting (fixture->db, "a", "1", &error));
  assert_true (relance_database_begin (fixture->db, &error));
  assert_true (relance_database_set_setting (fixture->db, "b", "2", &error));
  relance_database_rollback (fixture->db);
  assert_true (relance_database_in_transaction (fixture->db));

  assert_false (relance_database_commit (fixture->db, &error));
  assert_non_null (error);
  assert_false (relance_database_in_transaction (fixture->db));

  a = relance_database_get_setting (fixture->db, "a");
  b = relance_database_get_setting (fixture->db, "b");
  assert_null (a);
  assert_null (b);
  assert_int_equal (relance_database_get_data_version (fixture->db), 0);
}

static void
test_data_version_bumps_on_write (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) other = NULL;

  assert_int_equal (relance_database_get_data_version (fixture->db), 0);
  assert_true (relance_database_set_setting (fixture->db, "a", "1", &error));
  assert_int_equal (relance_database_get_data_version (fixture->db), 1);

  /* a write by another connection is seen too */
  other = relance_database_open (fixture->path, &error);
  assert_non_null (other);
  assert_true (relance_database_set_setting (other, "a", "2", &error));
  assert_int_equal (relance_database_get_data_version (fixture->db), 2);
}

static void
test_data_version_unchanged_by_read_only_transaction (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  assert_true (relance_database_begin (fixture->db, &error));
  value = relance_database_get_setting (fixture->db, "company_currency");
  assert_true (relance_database_commit (fixture->db, &error));

  assert_string_equal (value, "EUR");
  assert_int_equal (relance_database_get_data_version (fixture->db), 0);
}

static void
test_data_version_unchanged_by_cache_write (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  assert_true (relance_database_begin (fixture->db, &error));
  relance_database_mark_cache_write (fixture->db);
  assert_true (relance_database_set_setting (fixture->db, "cache", "x", &error));
  assert_true (relance_database_commit (fixture->db, &error));

  value = relance_database_get_setting (fixture->db, "cache");
  assert_string_equal (value, "x");
  assert_int_equal (relance_database_get_data_version (fixture->db), 0);

  /* the mark lasts one transaction */
  assert_true (relance_database_set_setting (fixture->db, "cache", "y", &error));
  assert_int_equal (relance_database_get_data_version (fixture->db), 1);
}

static void
test_begin_while_another_connection_writes_is_busy (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) other = relance_database_open (fixture->path, &error);

  assert_non_null (other);
  assert_true (relance_database_begin (other, &error));

  /* not 5 s of busy timeout in a test */
  sqlite3_busy_timeout (relance_database_get_handle (fixture->db), 10);
  assert_false (relance_database_begin (fixture->db, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_BUSY));
  assert_false (relance_database_in_transaction (fixture->db));

  relance_database_rollback (other);
  g_clear_error (&error);
  assert_true (relance_database_set_setting (fixture->db, "a", "1", &error));
}

static void
test_settings_round_trip (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  missing = relance_database_get_setting (fixture->db, "company_name");
  assert_null (missing);

  assert_true (relance_database_set_setting (fixture->db, "company_name",
                                             "Société Générale d’Entreprises", &error));
  first = relance_database_get_setting (fixture->db, "company_name");
  assert_string_equal (first, "Société Générale d’Entreprises");

  assert_true (relance_database_set_setting (fixture->db, "company_name", "ACME", &error));
  second = relance_database_get_setting (fixture->db, "company_name");
  assert_string_equal (second, "ACME");
  assert_null (error);
}

static void
test_wal_and_foreign_keys_are_on (void **state)
{
  Fixture *fixture = *state;
  sqlite3_stmt *stmt = NULL;

  assert_int_equal (sqlite3_prepare_v2 (relance_database_get_handle (fixture->db),
                                        "PRAGMA journal_mode", -1, &stmt, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 0), "wal");
  sqlite3_finalize (stmt);

  assert_int_equal (query_int (fixture->db, "PRAGMA foreign_keys"), 1);
}

static void
test_integrity_check_passes (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;

  assert_true (relance_database_set_setting (fixture->db, "a", "1", &error));
  assert_true (relance_database_check_integrity (fixture->db, &error));
  assert_null (error);
}

static void
test_audit_records_who_and_what (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  relance_database_set_user (fixture->db, "agnes");
  assert_true (relance_database_begin (fixture->db, &error));
  assert_true (relance_database_audit (fixture->db, "actor", 7, "update",
                                       NULL, "name: A → B", &error));
  assert_true (relance_database_commit (fixture->db, &error));

  assert_int_equal (sqlite3_prepare_v2 (relance_database_get_handle (fixture->db),
                                        "SELECT who, entity, entity_id, action, before, after"
                                        " FROM audit",
                                        -1, &stmt, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 0), "agnes");
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 1), "actor");
  assert_int_equal (sqlite3_column_int (stmt, 2), 7);
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 3), "update");
  assert_int_equal (sqlite3_column_type (stmt, 4), SQLITE_NULL);
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 5), "name: A → B");
  assert_int_equal (sqlite3_step (stmt), SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_fold_for_search_drops_case_and_accents (void **state)
{
  g_autofree char *societe = relance_fold_for_search ("Société Générale");
  g_autofree char *oeuvre = relance_fold_for_search ("Œuvre d’ÉTÉ");
  g_autofree char *laetitia = relance_fold_for_search ("LÆTITIA Lætitia");
  g_autofree char *none = relance_fold_for_search (NULL);

  assert_string_equal (societe, "societe generale");
  assert_string_equal (oeuvre, "oeuvre d’ete");
  assert_string_equal (laetitia, "laetitia laetitia");
  assert_string_equal (none, "");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_open_empty_file_migrates_to_latest, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reopen_keeps_data_and_does_not_migrate_again,
                                     setup, teardown),
    cmocka_unit_test_setup_teardown (test_non_sqlite_file_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_newer_schema_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_other_programs_database_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_nested_begin_and_commit_write_once, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rollback_in_nested_level_fails_outer_commit,
                                     setup, teardown),
    cmocka_unit_test_setup_teardown (test_data_version_bumps_on_write, setup, teardown),
    cmocka_unit_test_setup_teardown (test_data_version_unchanged_by_read_only_transaction,
                                     setup, teardown),
    cmocka_unit_test_setup_teardown (test_data_version_unchanged_by_cache_write, setup, teardown),
    cmocka_unit_test_setup_teardown (test_begin_while_another_connection_writes_is_busy,
                                     setup, teardown),
    cmocka_unit_test_setup_teardown (test_settings_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown (test_wal_and_foreign_keys_are_on, setup, teardown),
    cmocka_unit_test_setup_teardown (test_integrity_check_passes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_audit_records_who_and_what, setup, teardown),
    cmocka_unit_test (test_fold_for_search_drops_case_and_accents),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
