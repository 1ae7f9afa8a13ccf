/* test-store.c — the repositories: actors, invoices, payments, imports,
 * the figures cache and the portfolio query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-store.h"
#include "relance-database-private.h"

typedef struct
{
  char            *dir;
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
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("relance-test-store-XXXXXX", &error);
  assert_non_null (fixture->dir);
  path = g_build_filename (fixture->dir, "relance.db", NULL);
  fixture->db = relance_database_open (path, &error);
  assert_null (error);
  assert_non_null (fixture->db);
  relance_database_set_user (fixture->db, "tester");
  *state = fixture;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fixture = *state;

  g_clear_object (&fixture->db);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture);
  return 0;
}

/* Helpers */

static gint64
query_int64 (RelanceDatabase *db,
             const char      *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  assert_int_equal (sqlite3_prepare_v2 (relance_database_get_handle (db), sql, -1, &stmt, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The text of the one audit line that matches @where, or NULL */
static char *
audit_after (RelanceDatabase *db,
             const char      *entity,
             gint64           entity_id,
             const char      *action)
{
  sqlite3_stmt *stmt = NULL;
  char *after = NULL;

  assert_int_equal (sqlite3_prepare_v2 (relance_database_get_handle (db),
                                        "SELECT after, who FROM audit"
                                        " WHERE entity = ?1 AND entity_id = ?2 AND action = ?3",
                                        -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      assert_string_equal ((const char *) sqlite3_column_text (stmt, 1), "tester");
      assert_int_equal (sqlite3_step (stmt), SQLITE_DONE);
    }
  sqlite3_finalize (stmt);
  return after;
}

static char *
last_audit_after (RelanceDatabase *db)
{
  sqlite3_stmt *stmt = NULL;
  char *after;

  assert_int_equal (sqlite3_prepare_v2 (relance_database_get_handle (db),
                                        "SELECT after FROM audit ORDER BY id DESC LIMIT 1",
                                        -1, &stmt, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return after;
}

static RelanceActor *
add_actor (RelanceDatabase *db,
           const char      *code,
           const char      *name)
{
  g_autoptr(GError) error = NULL;
  RelanceActor *actor = relance_actor_new (code, name);

  assert_true (relance_actor_store_insert (db, actor, 0, &error));
  assert_null (error);
  return actor;
}

static gint64
add_actor_id (RelanceDatabase *db,
              const char      *code,
              const char      *name)
{
  g_autoptr(RelanceActor) actor = add_actor (db, code, name);

  return relance_actor_get_id (actor);
}

static RelanceInvoice *
make_invoice (const char  *number,
              gint64       actor_id,
              RelanceDate  issue_date,
              RelanceDate  due_date,
              gint64       amount_cents)
{
  RelanceInvoice *invoice = relance_invoice_new (number, actor_id);

  relance_invoice_set_issue_date (invoice, issue_date);
  relance_invoice_set_due_date (invoice, due_date);
  relance_invoice_set_amount_cents (invoice, amount_cents);
  return invoice;
}

static gint64
add_invoice (RelanceDatabase *db,
             const char      *number,
             gint64           actor_id,
             RelanceDate      due_date,
             gint64           amount_cents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceInvoice) invoice =
    make_invoice (number, actor_id, due_date - 30, due_date, amount_cents);

  assert_true (relance_invoice_store_insert (db, invoice, 0, &error));
  assert_null (error);
  return relance_invoice_get_id (invoice);
}

static gint64
add_payment (RelanceDatabase *db,
             const char      *reference,
             gint64           actor_id,
             gint64           amount_cents,
             const char      *currency,
             gboolean         rejected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePayment) payment = relance_payment_new (reference, actor_id);

  relance_payment_set_date (payment, relance_date_new (2025, 3, 10));
  relance_payment_set_amount_cents (payment, amount_cents);
  relance_payment_set_currency (payment, currency);
  relance_payment_set_rejected (payment, rejected);
  assert_true (relance_payment_store_insert (db, payment, 0, &error));
  assert_null (error);
  return relance_payment_get_id (payment);
}

static RelanceFiguresRow
figures (gint64   actor_id,
         gint64   outstanding_cents,
         gboolean has_dso,
         double   dso_days)
{
  RelanceFiguresRow row = { 0 };

  row.actor_id = actor_id;
  g_strlcpy (row.currency, "EUR", sizeof row.currency);
  row.global_cents = outstanding_cents;
  row.outstanding_cents = outstanding_cents;
  row.overdue_cents = outstanding_cents / 2;
  row.open_items = 1;
  row.days_late = (int) (outstanding_cents / 1000);
  row.has_dso = has_dso;
  row.dso_days = dso_days;
  return row;
}

/* "C001,C002,…" of a page, to compare a whole order at once */
static char *
page_codes (GPtrArray *rows)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      RelancePortfolioRow *row = g_ptr_array_index (rows, i);

      if (i > 0)
        g_string_append_c (codes, ',');
      g_string_append (codes, row->code);
    }
  return g_string_free (codes, FALSE);
}

static char *
query_codes (RelanceDatabase      *db,
             const char           *filter,
             RelancePortfolioSort  sort,
             gboolean              descending,
             guint                 offset,
             guint                 limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = relance_portfolio_query_page (db, filter, sort, descending, offset, limit, &error);
  assert_null (error);
  assert_non_null (rows);
  return page_codes (rows);
}

/* Actors */

static void
test_actor_insert_then_find_by_code_and_id (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Société Générale");
  g_autoptr(RelanceActor) by_code = NULL;
  g_autoptr(RelanceActor) by_id = NULL;
  g_autoptr(RelanceActor) missing = NULL;

  relance_actor_set_siren (actor, "552120222");
  relance_actor_set_city (actor, "Paris");
  relance_actor_set_segment (actor, "Grand compte");
  relance_actor_set_credit_limit_cents (actor, 5000000);
  relance_actor_set_credit_limit_end (actor, relance_date_new (2026, 12, 31));
  relance_actor_set_payment_terms_days (actor, 45);

  assert_true (relance_actor_store_insert (fixture->db, actor, 0, &error));
  assert_null (error);
  assert_true (relance_actor_get_id (actor) > 0);
  assert_int_equal (relance_actor_store_count (fixture->db), 1);

  by_code = relance_actor_store_find_by_code (fixture->db, "C001", &error);
  assert_non_null (by_code);
  assert_int_equal (relance_actor_get_id (by_code), relance_actor_get_id (actor));
  assert_string_equal (relance_actor_get_name (by_code), "Société Générale");
  assert_string_equal (relance_actor_get_siren (by_code), "552120222");
  assert_string_equal (relance_actor_get_city (by_code), "Paris");
  assert_string_equal (relance_actor_get_segment (by_code), "Grand compte");
  assert_string_equal (relance_actor_get_country (by_code), "FR");
  assert_int_equal (relance_actor_get_credit_limit_cents (by_code), 5000000);
  assert_int_equal (relance_actor_get_credit_limit_end (by_code), relance_date_new (2026, 12, 31));
  assert_int_equal (relance_actor_get_payment_terms_days (by_code), 45);
  assert_true (relance_actor_get_active (by_code));
  assert_null (relance_actor_get_email (by_code));

  by_id = relance_actor_store_find_by_id (fixture->db, relance_actor_get_id (actor), &error);
  assert_non_null (by_id);
  assert_string_equal (relance_actor_get_code (by_id), "C001");

  missing = relance_actor_store_find_by_code (fixture->db, "C999", &error);
  assert_null (missing);
  assert_null (error);
}

static void
test_actor_without_credit_limit_reads_back_none (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceActor) actor = add_actor (fixture->db, "C001", "Dupont SA");
  g_autoptr(RelanceActor) stored = NULL;

  stored = relance_actor_store_find_by_id (fixture->db, relance_actor_get_id (actor), NULL);
  assert_int_equal (relance_actor_get_credit_limit_cents (stored), RELANCE_CREDIT_LIMIT_NONE);
  assert_int_equal (relance_actor_get_credit_limit_end (stored), RELANCE_DATE_NONE);
}

static void
test_actor_insert_writes_audit_line (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceActor) actor = add_actor (fixture->db, "C001", "Dupont SA");
  g_autofree char *after = audit_after (fixture->db, "actor", relance_actor_get_id (actor),
                                        "create");

  assert_non_null (after);
  assert_non_null (strstr (after, "code: C001"));
  assert_non_null (strstr (after, "name: Dupont SA"));
}

static void
test_actor_update_audits_changed_fields_only (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = add_actor (fixture->db, "C001", "Dupont SA");
  g_autoptr(RelanceActor) stored = NULL;
  g_autofree char *after = NULL;
  gint64 id = relance_actor_get_id (actor);

  relance_actor_set_city (actor, "Lyon");
  assert_true (relance_actor_store_update (fixture->db, actor, &error));

  relance_actor_set_name (actor, "Dupont et Fils");
  relance_actor_set_city (actor, "Paris");
  assert_true (relance_actor_store_update (fixture->db, actor, &error));
  assert_null (error);

  stored = relance_actor_store_find_by_id (fixture->db, id, &error);
  assert_string_equal (relance_actor_get_name (stored), "Dupont et Fils");
  assert_string_equal (relance_actor_get_city (stored), "Paris");

  /* Two updates, two lines; the second names exactly what it changed */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit WHERE action = 'update'"), 2);
  after = last_audit_after (fixture->db);
  assert_non_null (strstr (after, "name: Dupont SA → Dupont et Fils"));
  assert_non_null (strstr (after, "city: Lyon → Paris"));
  assert_null (strstr (after, "code"));
  assert_null (strstr (after, "country"));
  /* two lines, nothing else */
  assert_int_equal (strchr (after, '\n') != NULL, 1);
  assert_null (strchr (strchr (after, '\n') + 1, '\n'));
}

static void
test_actor_update_without_change_writes_nothing (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = add_actor (fixture->db, "C001", "Dupont SA");
  gint64 version = relance_database_get_data_version (fixture->db);

  assert_true (relance_actor_store_update (fixture->db, actor, &error));
  assert_null (error);
  assert_int_equal (relance_database_get_data_version (fixture->db), version);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit WHERE action = 'update'"), 0);
}

static void
test_actor_update_refreshes_search_key (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = add_actor (fixture->db, "C001", "Dupont SA");

  relance_actor_set_name (actor, "Électricité Martin");
  assert_true (relance_actor_store_update (fixture->db, actor, &error));
  assert_int_equal (relance_portfolio_query_count (fixture->db, "electricite", &error), 1);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "dupont", &error), 0);
  assert_null (error);
}

static void
test_invalid_actor_is_refused_and_nothing_written (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Dupont SA");
  gint64 version = relance_database_get_data_version (fixture->db);

  relance_actor_set_siren (actor, "123456789"); /* Luhn fails */
  assert_false (relance_actor_store_insert (fixture->db, actor, 0, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_non_null (strstr (error->message, "siren"));
  assert_int_equal (relance_actor_get_id (actor), 0);
  assert_int_equal (relance_actor_store_count (fixture->db), 0);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM audit"), 0);
  assert_int_equal (relance_database_get_data_version (fixture->db), version);
}

static void
test_invalid_actor_update_is_refused_and_nothing_changed (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = add_actor (fixture->db, "C001", "Dupont SA");
  g_autoptr(RelanceActor) stored = NULL;

  relance_actor_set_name (actor, "Dupont et Fils");
  relance_actor_set_iban (actor, "FR76 0000 0000 0000");
  assert_false (relance_actor_store_update (fixture->db, actor, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));

  stored = relance_actor_store_find_by_code (fixture->db, "C001", NULL);
  assert_string_equal (relance_actor_get_name (stored), "Dupont SA");
}

static void
test_duplicate_actor_code_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) first = add_actor (fixture->db, "C001", "Dupont SA");
  g_autoptr(RelanceActor) second = relance_actor_new ("C001", "Durand SARL");

  assert_false (relance_actor_store_insert (fixture->db, second, 0, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  assert_non_null (strstr (error->message, "“C001”"));
  assert_int_equal (relance_actor_store_count (fixture->db), 1);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM audit"), 1);
}

static void
test_duplicate_code_by_update_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) first = add_actor (fixture->db, "C001", "Dupont SA");
  g_autoptr(RelanceActor) second = add_actor (fixture->db, "C002", "Durand SARL");

  relance_actor_set_code (second, "C001");
  assert_false (relance_actor_store_update (fixture->db, second, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit WHERE action = 'update'"), 0);
}

static void
test_actor_list_and_code_index (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GHashTable) index = NULL;
  gint64 b = add_actor_id (fixture->db, "B", "Bravo");
  gint64 a = add_actor_id (fixture->db, "A", "Alpha");
  gint64 *id;

  actors = relance_actor_store_list (fixture->db, &error);
  assert_int_equal (actors->len, 2);
  assert_string_equal (relance_actor_get_code (g_ptr_array_index (actors, 0)), "A");
  assert_string_equal (relance_actor_get_code (g_ptr_array_index (actors, 1)), "B");

  index = relance_actor_store_code_index (fixture->db, &error);
  assert_int_equal (g_hash_table_size (index), 2);
  id = g_hash_table_lookup (index, "A");
  assert_int_equal (*id, a);
  id = g_hash_table_lookup (index, "B");
  assert_int_equal (*id, b);
}

static void
test_contacts_listed_dunning_first (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *after = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  const char *names[] = { "Alice Martin", "Bernard Petit", "Chloé Roux" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RelanceContact) contact = relance_contact_new (actor_id, names[i]);

      relance_contact_set_email (contact, "compta@dupont.fr");
      relance_contact_set_dunning (contact, i == 1);
      assert_true (relance_contact_store_insert (fixture->db, contact, &error));
      assert_null (error);
      assert_true (relance_contact_get_id (contact) > 0);
    }

  contacts = relance_contact_store_list_for_actor (fixture->db, actor_id, &error);
  assert_int_equal (contacts->len, 3);
  assert_string_equal (relance_contact_get_name (g_ptr_array_index (contacts, 0)), "Bernard Petit");
  assert_true (relance_contact_get_dunning (g_ptr_array_index (contacts, 0)));
  assert_string_equal (relance_contact_get_name (g_ptr_array_index (contacts, 1)), "Alice Martin");
  assert_string_equal (relance_contact_get_name (g_ptr_array_index (contacts, 2)), "Chloé Roux");
  assert_string_equal (relance_contact_get_email (g_ptr_array_index (contacts, 2)),
                       "compta@dupont.fr");

  after = audit_after (fixture->db, "contact",
                       relance_contact_get_id (g_ptr_array_index (contacts, 0)), "create");
  assert_non_null (after);
  assert_non_null (strstr (after, "name: Bernard Petit"));
}

static void
test_new_dunning_contact_takes_the_flag (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(RelanceContact) first = NULL;
  g_autoptr(RelanceContact) second = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");

  first = relance_contact_new (actor_id, "Alice Martin");
  relance_contact_set_phone (first, "01 23 45 67 89");
  relance_contact_set_dunning (first, TRUE);
  assert_true (relance_contact_store_insert (fixture->db, first, &error));
  second = relance_contact_new (actor_id, "Bernard Petit");
  relance_contact_set_phone (second, "01 23 45 67 80");
  relance_contact_set_dunning (second, TRUE);
  assert_true (relance_contact_store_insert (fixture->db, second, &error));

  contacts = relance_contact_store_list_for_actor (fixture->db, actor_id, &error);
  assert_int_equal (contacts->len, 2);
  assert_string_equal (relance_contact_get_name (g_ptr_array_index (contacts, 0)), "Bernard Petit");
  assert_true (relance_contact_get_dunning (g_ptr_array_index (contacts, 0)));
  assert_false (relance_contact_get_dunning (g_ptr_array_index (contacts, 1)));
}

static void
test_contact_of_unknown_actor_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceContact) contact = relance_contact_new (42, "Alice Martin");

  relance_contact_set_email (contact, "alice@example.fr");
  assert_false (relance_contact_store_insert (fixture->db, contact, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM contact"), 0);
}

/* Invoices */

static void
test_invoice_insert_and_list_by_due_date (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(RelanceInvoice) found = NULL;
  g_autofree char *after = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  gint64 other_id = add_actor_id (fixture->db, "C002", "Durand SARL");
  RelanceDate march = relance_date_new (2025, 3, 31);
  RelanceDate january = relance_date_new (2025, 1, 31);
  gint64 id;

  id = add_invoice (fixture->db, "F-002", actor_id, march, 99999);
  add_invoice (fixture->db, "F-001", actor_id, january, 345050);
  add_invoice (fixture->db, "F-003", other_id, january, 100);

  assert_int_equal (relance_invoice_store_count (fixture->db), 3);
  invoices = relance_invoice_store_list_for_actor (fixture->db, actor_id, FALSE, &error);
  assert_int_equal (invoices->len, 2);
  assert_string_equal (relance_invoice_get_number (g_ptr_array_index (invoices, 0)), "F-001");
  assert_string_equal (relance_invoice_get_number (g_ptr_array_index (invoices, 1)), "F-002");

  found = relance_invoice_store_find_by_number (fixture->db, "F-002", &error);
  assert_int_equal (relance_invoice_get_id (found), id);
  assert_int_equal (relance_invoice_get_actor_id (found), actor_id);
  assert_int_equal (relance_invoice_get_due_date (found), march);
  assert_int_equal (relance_invoice_get_issue_date (found), march - 30);
  assert_int_equal (relance_invoice_get_amount_cents (found), 99999);
  assert_string_equal (relance_invoice_get_currency (found), "EUR");
  assert_int_equal (relance_invoice_get_allocated_cents (found), 0);
  assert_true (relance_invoice_store_number_exists (fixture->db, "F-002"));
  assert_false (relance_invoice_store_number_exists (fixture->db, "F-999"));

  /* entered by hand: one audit line each */
  after = audit_after (fixture->db, "invoice", id, "create");
  assert_non_null (after);
  assert_non_null (strstr (after, "F-002"));
  assert_non_null (strstr (after, "999.99 EUR"));
}

static void
test_imported_invoice_writes_no_audit_line (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 import_id;

  assert_true (relance_database_begin (fixture->db, &error));
  import_id = relance_import_store_record (fixture->db, "invoices", "factures.csv",
                                           "ab12", &error);
  assert_true (import_id > 0);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("F-%03d", i);
      g_autoptr(RelanceInvoice) invoice = make_invoice (number, actor_id, due - 30, due, 1000);

      assert_true (relance_invoice_store_insert (fixture->db, invoice, import_id, &error));
    }
  assert_true (relance_import_store_set_rows (fixture->db, import_id, 3, &error));
  assert_true (relance_database_commit (fixture->db, &error));
  assert_null (error);

  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit WHERE entity = 'invoice'"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM invoice WHERE import_id IS NOT NULL"), 3);
  assert_int_equal (query_int64 (fixture->db, "SELECT rows FROM import_batch"), 3);
}

static void
test_duplicate_invoice_number_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate due = relance_date_new (2025, 3, 31);
  g_autoptr(RelanceInvoice) again = make_invoice ("F-001", actor_id, due - 30, due, 500);

  add_invoice (fixture->db, "F-001", actor_id, due, 1000);
  assert_false (relance_invoice_store_insert (fixture->db, again, 0, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  assert_non_null (strstr (error->message, "“F-001”"));
  assert_int_equal (relance_invoice_get_id (again), 0);
  assert_int_equal (relance_invoice_store_count (fixture->db), 1);
}

static void
test_invalid_invoice_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  g_autoptr(RelanceInvoice) invoice = make_invoice ("", actor_id, relance_date_new (2025, 1, 1),
                                                    relance_date_new (2025, 1, 31), 1000);

  assert_false (relance_invoice_store_insert (fixture->db, invoice, 0, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_non_null (strstr (error->message, "number"));
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

static void
test_invoice_of_unknown_actor_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceInvoice) invoice = make_invoice ("F-001", 42, relance_date_new (2025, 1, 1),
                                                    relance_date_new (2025, 1, 31), 1000);

  assert_false (relance_invoice_store_insert (fixture->db, invoice, 0, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_int_equal (relance_invoice_store_count (fixture->db), 0);
}

static void
test_invoice_list_open_only (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(RelanceInvoice) cancelled = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 paid_id = add_invoice (fixture->db, "F-001", actor_id, due - 60, 10000);
  gint64 payment_id = add_payment (fixture->db, "VIR-1", actor_id, 10000, "EUR", FALSE);

  add_invoice (fixture->db, "F-002", actor_id, due, 20000);
  cancelled = make_invoice ("F-003", actor_id, due - 30, due, 30000);
  relance_invoice_set_cancelled (cancelled, TRUE);
  assert_true (relance_invoice_store_insert (fixture->db, cancelled, 0, &error));
  assert_true (relance_payment_store_allocate (fixture->db, payment_id, paid_id, 10000, due,
                                               &error));

  all = relance_invoice_store_list_for_actor (fixture->db, actor_id, FALSE, &error);
  assert_int_equal (all->len, 2); /* F-001 and F-002, not the cancelled one */
  open = relance_invoice_store_list_for_actor (fixture->db, actor_id, TRUE, &error);
  assert_int_equal (open->len, 1);
  assert_string_equal (relance_invoice_get_number (g_ptr_array_index (open, 0)), "F-002");
  assert_int_equal (relance_invoice_get_remaining_cents (g_ptr_array_index (open, 0)), 20000);
}

typedef struct
{
  GString *seen;
  guint    stop_after;
  guint    count;
} Walk;

static gboolean
collect_invoice_cb (const RelanceInvoiceRow *row,
                    gpointer                 user_data)
{
  Walk *walk = user_data;

  if (walk->seen->len > 0)
    g_string_append_c (walk->seen, ',');
  g_string_append_printf (walk->seen, "%s:%" G_GINT64_FORMAT, row->number,
                          row->amount_cents - row->allocated_cents);
  assert_string_equal (row->currency, "EUR");
  return ++walk->count != walk->stop_after;
}

static void
test_foreach_open_by_actor_then_due_date (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 first = add_actor_id (fixture->db, "C001", "Dupont SA");
  gint64 second = add_actor_id (fixture->db, "C002", "Durand SARL");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 payment_id = add_payment (fixture->db, "VIR-1", first, 500, "EUR", FALSE);
  g_autoptr(RelanceInvoice) credit_note = NULL;
  gint64 partly_id;
  Walk walk = { g_string_new (NULL), 0, 0 };

  add_invoice (fixture->db, "B-2", second, due - 10, 700);
  add_invoice (fixture->db, "A-3", first, due, 300);
  partly_id = add_invoice (fixture->db, "A-1", first, due - 20, 1000);
  add_invoice (fixture->db, "B-1", second, due - 40, 800);
  credit_note = make_invoice ("A-2", first, due - 40, due - 10, -200);
  relance_invoice_set_kind (credit_note, RELANCE_INVOICE_KIND_CREDIT_NOTE);
  assert_true (relance_invoice_store_insert (fixture->db, credit_note, 0, &error)); /* open too */
  assert_true (relance_payment_store_allocate (fixture->db, payment_id, partly_id, 500, due,
                                               &error));

  assert_true (relance_invoice_store_foreach_open (fixture->db, 0, collect_invoice_cb,
                                                   &walk, &error));
  /* A-1 remains 1000 − 500 = 500 */
  assert_string_equal (walk.seen->str, "A-1:500,A-2:-200,A-3:300,B-1:800,B-2:700");

  g_string_truncate (walk.seen, 0);
  walk.count = 0;
  assert_true (relance_invoice_store_foreach_open (fixture->db, second, collect_invoice_cb,
                                                   &walk, &error));
  assert_string_equal (walk.seen->str, "B-1:800,B-2:700");

  /* stop early: the callback said FALSE after two rows */
  g_string_truncate (walk.seen, 0);
  walk.count = 0;
  walk.stop_after = 2;
  assert_true (relance_invoice_store_foreach_open (fixture->db, 0, collect_invoice_cb,
                                                   &walk, &error));
  assert_string_equal (walk.seen->str, "A-1:500,A-2:-200");
  assert_null (error);

  /* and the statement was reset: a write goes through at once */
  add_invoice (fixture->db, "A-4", first, due, 100);
  g_string_free (walk.seen, TRUE);
}

static void
test_foreach_issued_in_range (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 first = add_actor_id (fixture->db, "C001", "Dupont SA");
  gint64 second = add_actor_id (fixture->db, "C002", "Durand SARL");
  RelanceDate d = relance_date_new (2025, 3, 1);
  Walk walk = { g_string_new (NULL), 0, 0 };

  /* add_invoice issues 30 days before the due date */
  add_invoice (fixture->db, "B-1", second, d + 30, 100);      /* issued 1 March */
  add_invoice (fixture->db, "A-2", first, d + 30 + 31, 200);  /* issued 1 April: after */
  add_invoice (fixture->db, "A-1", first, d + 30 + 10, 300);  /* issued 11 March */
  add_invoice (fixture->db, "A-0", first, d + 30 - 1, 400);   /* issued 28 February: before */

  assert_true (relance_invoice_store_foreach_issued (fixture->db, 0, d, d + 30,
                                                     collect_invoice_cb, &walk, &error));
  assert_string_equal (walk.seen->str, "A-1:300,B-1:100");

  g_string_truncate (walk.seen, 0);
  assert_true (relance_invoice_store_foreach_issued (fixture->db, first, d - 1, d + 31,
                                                     collect_invoice_cb, &walk, &error));
  assert_string_equal (walk.seen->str, "A-0:400,A-1:300,A-2:200");
  g_string_free (walk.seen, TRUE);
}

/* Payments */

static void
test_payment_insert_and_find (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePayment) found = NULL;
  g_autoptr(RelancePayment) again = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *after = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  gint64 id = add_payment (fixture->db, "VIR-2025-001", actor_id, 171456, "EUR", FALSE);

  found = relance_payment_store_find_by_reference (fixture->db, "VIR-2025-001", &error);
  assert_non_null (found);
  assert_int_equal (relance_payment_get_id (found), id);
  assert_int_equal (relance_payment_get_actor_id (found), actor_id);
  assert_int_equal (relance_payment_get_amount_cents (found), 171456);
  assert_int_equal (relance_payment_get_date (found), relance_date_new (2025, 3, 10));
  assert_int_equal (relance_payment_get_unallocated_cents (found), 171456);
  assert_false (relance_payment_get_rejected (found));
  assert_true (relance_payment_store_reference_exists (fixture->db, "VIR-2025-001"));

  payments = relance_payment_store_list_for_actor (fixture->db, actor_id, &error);
  assert_int_equal (payments->len, 1);

  after = audit_after (fixture->db, "payment", id, "create");
  assert_non_null (strstr (after, "1714.56 EUR"));

  again = relance_payment_new ("VIR-2025-001", actor_id);
  relance_payment_set_date (again, relance_date_new (2025, 3, 11));
  relance_payment_set_amount_cents (again, 100);
  assert_false (relance_payment_store_insert (fixture->db, again, 0, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  assert_non_null (strstr (error->message, "“VIR-2025-001”"));
}

static void
test_allocation_updates_both_sums (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(RelancePayment) payment = NULL;
  g_autoptr(GPtrArray) allocations = NULL;
  g_autofree char *after = NULL;
  RelanceAllocation *allocation;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 invoice_id = add_invoice (fixture->db, "F-001", actor_id, due, 100000);
  gint64 payment_id = add_payment (fixture->db, "VIR-1", actor_id, 60000, "EUR", FALSE);

  /* 400.00 of the 600.00 paid on the 1000.00 invoice, then 150.00 more */
  assert_true (relance_payment_store_allocate (fixture->db, payment_id, invoice_id, 40000, due,
                                               &error));
  assert_true (relance_payment_store_allocate (fixture->db, payment_id, invoice_id, 15000, due + 1,
                                               &error));
  assert_null (error);

  invoice = relance_invoice_store_find_by_id (fixture->db, invoice_id, &error);
  payment = relance_payment_store_find_by_id (fixture->db, payment_id, &error);
  assert_int_equal (relance_invoice_get_allocated_cents (invoice), 55000);
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 45000);   /* 1000 − 550 */
  assert_int_equal (relance_payment_get_allocated_cents (payment), 55000);
  assert_int_equal (relance_payment_get_unallocated_cents (payment), 5000);  /* 600 − 550 */

  allocations = relance_allocation_store_list_for_actor (fixture->db, actor_id, &error);
  assert_int_equal (allocations->len, 2);
  allocation = g_ptr_array_index (allocations, 0); /* newest first */
  assert_int_equal (relance_allocation_get_amount_cents (allocation), 15000);
  assert_int_equal (relance_allocation_get_date (allocation), due + 1);
  assert_int_equal (relance_allocation_get_payment_id (allocation), payment_id);
  assert_int_equal (relance_allocation_get_invoice_id (allocation), invoice_id);

  after = audit_after (fixture->db, "allocation", relance_allocation_get_id (allocation),
                       "create");
  assert_non_null (strstr (after, "VIR-1"));
  assert_non_null (strstr (after, "F-001"));
  assert_non_null (strstr (after, "150.00 EUR"));
}

static void
assert_nothing_allocated (RelanceDatabase *db,
                          gint64           invoice_id,
                          gint64           payment_id)
{
  g_autoptr(RelanceInvoice) invoice = relance_invoice_store_find_by_id (db, invoice_id, NULL);
  g_autoptr(RelancePayment) payment = relance_payment_store_find_by_id (db, payment_id, NULL);

  assert_int_equal (relance_invoice_get_allocated_cents (invoice), 0);
  assert_int_equal (relance_payment_get_allocated_cents (payment), 0);
  assert_int_equal (query_int64 (db, "SELECT count(*) FROM allocation"), 0);
  assert_int_equal (query_int64 (db, "SELECT count(*) FROM audit WHERE entity = 'allocation'"),
                    0);
}

static void
test_allocation_above_invoice_remaining_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 invoice_id = add_invoice (fixture->db, "F-001", actor_id, due, 10000);
  gint64 payment_id = add_payment (fixture->db, "VIR-1", actor_id, 50000, "EUR", FALSE);
  gint64 version = relance_database_get_data_version (fixture->db);

  assert_false (relance_payment_store_allocate (fixture->db, payment_id, invoice_id, 15000, due,
                                                &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_false (relance_database_in_transaction (fixture->db));
  assert_int_equal (relance_database_get_data_version (fixture->db), version);
  assert_nothing_allocated (fixture->db, invoice_id, payment_id);
}

static void
test_allocation_above_payment_is_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 invoice_id = add_invoice (fixture->db, "F-001", actor_id, due, 10000);
  gint64 payment_id = add_payment (fixture->db, "VIR-1", actor_id, 5000, "EUR", FALSE);

  assert_false (relance_payment_store_allocate (fixture->db, payment_id, invoice_id, 8000, due,
                                                &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_nothing_allocated (fixture->db, invoice_id, payment_id);
}

static void
test_allocation_of_unknown_invoice_is_not_found (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 actor_id = add_actor_id (fixture->db, "C001", "Dupont SA");
  gint64 payment_id = add_payment (fixture->db, "VIR-1", actor_id, 5000, "EUR", FALSE);

  assert_false (relance_payment_store_allocate (fixture->db, payment_id, 999, 100,
                                                RELANCE_DATE_NONE, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND));
}

typedef struct
{
  GString *seen;
  guint    stop_after;
  guint    count;
} UnallocatedWalk;

static gboolean
collect_unallocated_cb (const RelanceUnallocatedRow *row,
                        gpointer                     user_data)
{
  UnallocatedWalk *walk = user_data;

  if (walk->seen->len > 0)
    g_string_append_c (walk->seen, ',');
  g_string_append_printf (walk->seen, "%" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT,
                          row->actor_id, row->currency, row->unallocated_cents);
  return ++walk->count != walk->stop_after;
}

static void
test_foreach_unallocated_sums_per_actor_and_currency (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 a = add_actor_id (fixture->db, "C001", "Dupont SA");
  gint64 b = add_actor_id (fixture->db, "C002", "Durand SARL");
  RelanceDate due = relance_date_new (2025, 3, 31);
  gint64 invoice_id = add_invoice (fixture->db, "F-001", a, due, 100000);
  gint64 partly = add_payment (fixture->db, "P-1", a, 10000, "EUR", FALSE);
  gint64 fully = add_payment (fixture->db, "P-2", a, 1000, "EUR", FALSE);
  UnallocatedWalk walk = { g_string_new (NULL), 0, 0 };

  add_payment (fixture->db, "P-3", a, 5000, "EUR", FALSE);
  add_payment (fixture->db, "P-4", a, 2000, "USD", FALSE);
  add_payment (fixture->db, "P-5", a, 7000, "EUR", TRUE);   /* rejected: not counted */
  add_payment (fixture->db, "P-6", b, 500, "EUR", FALSE);
  assert_true (relance_payment_store_allocate (fixture->db, partly, invoice_id, 3000, due, &error));
  assert_true (relance_payment_store_allocate (fixture->db, fully, invoice_id, 1000, due, &error));

  assert_true (relance_payment_store_foreach_unallocated (fixture->db, 0, collect_unallocated_cb,
                                                          &walk, &error));
  /* A in EUR: (100.00 − 30.00) + (10.00 − 10.00) + 50.00 = 120.00;
   * A in USD: 20.00; B in EUR: 5.00 */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":EUR:12000,"
                              "%" G_GINT64_FORMAT ":USD:2000,"
                              "%" G_GINT64_FORMAT ":EUR:500", a, a, b);
  assert_string_equal (walk.seen->str, expected);

  g_string_truncate (walk.seen, 0);
  walk.count = 0;
  walk.stop_after = 1;
  assert_true (relance_payment_store_foreach_unallocated (fixture->db, b, collect_unallocated_cb,
                                                          &walk, &error));
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":EUR:500", b);
  assert_string_equal (walk.seen->str, expected);
  g_string_free (walk.seen, TRUE);
}

/* Imports */

static void
test_import_record_and_find (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *imported_at = NULL;
  const char *sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  gint64 found_id = 0;
  gint64 id;

  assert_false (relance_import_store_find (fixture->db, "invoices", sha, &found_id, NULL, NULL,
                                           &error));
  assert_null (error);

  id = relance_import_store_record (fixture->db, "invoices", "factures-mars.csv", sha, &error);
  assert_true (id > 0);
  assert_true (relance_import_store_set_rows (fixture->db, id, 1200, &error));

  assert_true (relance_import_store_find (fixture->db, "invoices", sha, &found_id, &file_name,
                                          &imported_at, &error));
  assert_int_equal (found_id, id);
  assert_string_equal (file_name, "factures-mars.csv");
  assert_non_null (imported_at);
  assert_int_equal (query_int64 (fixture->db, "SELECT rows FROM import_batch"), 1200);

  /* the same content as payments is another import */
  assert_false (relance_import_store_find (fixture->db, "payments", sha, NULL, NULL, NULL,
                                           &error));

  /* and the same kind and content twice is refused */
  assert_int_equal (relance_import_store_record (fixture->db, "invoices", "copie.csv", sha,
                                                 &error), 0);
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE));
  g_clear_error (&error);

  assert_false (relance_import_store_set_rows (fixture->db, id + 1, 5, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND));
}

/* The figures cache */

static void
test_figures_cache_current_after_replace_all (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stored = NULL;
  gint64 a = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate day = relance_date_new (2025, 3, 31);
  RelanceFiguresRow rows[3];
  RelanceFiguresRow *first;
  gint64 version;

  rows[0] = figures (a, 2000, FALSE, 0);
  g_strlcpy (rows[0].currency, "USD", sizeof rows[0].currency);
  rows[1] = figures (a, 589999, TRUE, 85.05);
  rows[1].oldest_due_date = day - 59;
  rows[1].days_late = 59;
  rows[2] = figures (a, 100, FALSE, 0);
  g_strlcpy (rows[2].currency, "CHF", sizeof rows[2].currency);

  assert_false (relance_figures_store_is_current (fixture->db, day));

  version = relance_database_get_data_version (fixture->db);
  assert_true (relance_figures_store_replace_all (fixture->db, rows, 3, day, version, &error));
  assert_null (error);
  assert_int_equal (relance_database_get_data_version (fixture->db), version);
  assert_true (relance_figures_store_is_current (fixture->db, day));
  assert_false (relance_figures_store_is_current (fixture->db, day + 1));

  stored = relance_figures_store_get (fixture->db, a, &error);
  assert_int_equal (stored->len, 3);
  first = &g_array_index (stored, RelanceFiguresRow, 0);
  assert_string_equal (first->currency, "EUR"); /* the company currency first */
  assert_int_equal (first->outstanding_cents, 589999);
  assert_int_equal (first->overdue_cents, 294999);
  assert_int_equal (first->oldest_due_date, day - 59);
  assert_int_equal (first->days_late, 59);
  assert_true (first->has_dso);
  assert_true (first->dso_days > 85.04 && first->dso_days < 85.06);
  assert_string_equal (g_array_index (stored, RelanceFiguresRow, 1).currency, "CHF");
  assert_string_equal (g_array_index (stored, RelanceFiguresRow, 2).currency, "USD");
  assert_false (g_array_index (stored, RelanceFiguresRow, 2).has_dso);

  /* a second replace_all replaces everything */
  assert_true (relance_figures_store_replace_all (fixture->db, rows + 1, 1, day, version, &error));
  g_clear_pointer (&stored, g_array_unref);
  stored = relance_figures_store_get (fixture->db, a, &error);
  assert_int_equal (stored->len, 1);
}

static void
test_figures_cache_stale_after_a_write (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 a = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate day = relance_date_new (2025, 3, 31);
  RelanceFiguresRow row = figures (a, 1000, FALSE, 0);

  assert_true (relance_figures_store_replace_all (fixture->db, &row, 1, day,
                                                  relance_database_get_data_version (fixture->db),
                                                  &error));
  assert_true (relance_figures_store_is_current (fixture->db, day));

  add_invoice (fixture->db, "F-001", a, day, 1000);
  assert_false (relance_figures_store_is_current (fixture->db, day));
}

static void
test_figures_computed_during_a_write_are_stale (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 a = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate day = relance_date_new (2025, 3, 31);
  RelanceFiguresRow row = figures (a, 1000, FALSE, 0);
  gint64 version = relance_database_get_data_version (fixture->db);

  /* the version is read before the computation, a write happens during it */
  add_invoice (fixture->db, "F-001", a, day, 1000);
  assert_true (relance_figures_store_replace_all (fixture->db, &row, 1, day, version, &error));
  assert_false (relance_figures_store_is_current (fixture->db, day));
}

static void
test_figures_of_unknown_actor_are_refused (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 a = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceDate day = relance_date_new (2025, 3, 31);
  RelanceFiguresRow good = figures (a, 1000, FALSE, 0);
  RelanceFiguresRow rows[2] = { figures (a, 500, FALSE, 0), figures (a + 100, 1, FALSE, 0) };
  g_autoptr(GArray) stored = NULL;
  gint64 version = relance_database_get_data_version (fixture->db);

  assert_true (relance_figures_store_replace_all (fixture->db, &good, 1, day, version, &error));
  assert_false (relance_figures_store_replace_all (fixture->db, rows, 2, day + 1, version,
                                                   &error));
  assert_non_null (error);

  /* the earlier cache is untouched */
  stored = relance_figures_store_get (fixture->db, a, NULL);
  assert_int_equal (stored->len, 1);
  assert_int_equal (g_array_index (stored, RelanceFiguresRow, 0).outstanding_cents, 1000);
  assert_true (relance_figures_store_is_current (fixture->db, day));
}

/* From 2,000 rows the cache's indexes are dropped and built again after
 * the inserts (REBUILD_INDEXES_MIN_ROWS): they must be there after a
 * write, and after a refused one. */
static void
test_figures_many_rows_keep_their_indexes (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RelanceFiguresRow));
  g_autoptr(GArray) stored = NULL;
  g_autofree char *top = NULL;
  g_autofree char *expected = NULL;
  RelanceDate day = relance_date_new (2025, 3, 31);
  const char *count_indexes = "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                              " AND tbl_name = 'actor_figures' AND sql IS NOT NULL";
  gint64 version;
  gint64 best = -1;
  guint best_i = 0;

  assert_true (relance_database_begin (fixture->db, &error));
  for (guint i = 1; i <= 2500; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%04u", i);
      /* outstanding in an order of its own: i × 7919 mod 2503 is a
       * permutation */
      gint64 outstanding = (gint64) ((i * 7919u) % 2503u) * 100;
      RelanceFiguresRow row = figures (add_actor_id (fixture->db, code, code), outstanding,
                                       TRUE, (double) (i % 90));

      g_array_append_val (rows, row);
      if (outstanding > best)
        {
          best = outstanding;
          best_i = i;
        }
    }
  assert_true (relance_database_commit (fixture->db, &error));
  version = relance_database_get_data_version (fixture->db);

  assert_true (relance_figures_store_replace_all (fixture->db, (RelanceFiguresRow *) (void *) rows->data,
                                                  rows->len, day, version, &error));
  assert_null (error);
  assert_int_equal (query_int64 (fixture->db, count_indexes), 4);
  assert_true (relance_database_check_integrity (fixture->db, NULL));
  top = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE, 0, 1);
  expected = g_strdup_printf ("C%04u", best_i);
  assert_string_equal (top, expected);

  /* One unknown actor: refused, and the cache stays as it was */
  g_array_index (rows, RelanceFiguresRow, 1000).actor_id = 1000000;
  g_array_index (rows, RelanceFiguresRow, 0).outstanding_cents = 1;
  assert_false (relance_figures_store_replace_all (fixture->db, (RelanceFiguresRow *) (void *) rows->data,
                                                   rows->len, day + 1, version, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  assert_int_equal (query_int64 (fixture->db, count_indexes), 4);
  assert_true (relance_figures_store_is_current (fixture->db, day));
  stored = relance_figures_store_get (fixture->db, g_array_index (rows, RelanceFiguresRow, 0).actor_id,
                                      NULL);
  assert_int_equal (stored->len, 1);
  /* actor 1: 7919 mod 2503 = 410, so 410.00 */
  assert_int_equal (g_array_index (stored, RelanceFiguresRow, 0).outstanding_cents, 41000);
}

/* The portfolio query */

static void
add_portfolio (RelanceDatabase *db,
               gint64           ids[6])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) inactive = relance_actor_new ("C006", "Société Inactive");
  g_autoptr(RelanceActor) segmented = relance_actor_new ("C002", "Dupont SA");
  RelanceFiguresRow rows[5];

  ids[0] = add_actor_id (db, "C001", "Société Générale");
  relance_actor_set_siren (segmented, "732829320");
  relance_actor_set_segment (segmented, "PME");
  assert_true (relance_actor_store_insert (db, segmented, 0, &error));
  ids[1] = relance_actor_get_id (segmented);
  ids[2] = add_actor_id (db, "C003", "Générale de Transports");
  ids[3] = add_actor_id (db, "C004", "Électricité Martin");
  ids[4] = add_actor_id (db, "C005", "Garage 100% Durand");
  relance_actor_set_active (inactive, FALSE);
  assert_true (relance_actor_store_insert (db, inactive, 0, &error));
  ids[5] = relance_actor_get_id (inactive);

  /* C001 500.00 (DSO 40), C002 1500.00 (no DSO), C003 none, C004 0.00
   * (DSO 12.5), C005 −20.00 (DSO 90), C006 inactive 9999.99 (DSO 1) */
  rows[0] = figures (ids[0], 50000, TRUE, 40.0);
  rows[1] = figures (ids[1], 150000, FALSE, 0);
  rows[2] = figures (ids[3], 0, TRUE, 12.5);
  rows[3] = figures (ids[4], -2000, TRUE, 90.0);
  rows[4] = figures (ids[5], 999999, TRUE, 1.0);
  assert_true (relance_figures_store_replace_all (db, rows, 5, relance_date_new (2025, 3, 31),
                                                  relance_database_get_data_version (db),
                                                  &error));
}

static void
test_portfolio_count_with_filter (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  assert_int_equal (relance_portfolio_query_count (fixture->db, NULL, &error), 5);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "", &error), 5);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "  ", &error), 5);
  /* accents and case ignored; the inactive "Société Inactive" is left out */
  assert_int_equal (relance_portfolio_query_count (fixture->db, "societe", &error), 1);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "GÉNÉRALE", &error), 2);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "electricite", &error), 1);
  /* start of the code, start of the SIREN */
  assert_int_equal (relance_portfolio_query_count (fixture->db, "c00", &error), 5);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "7328", &error), 1);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "2932", &error), 0);
  /* LIKE wildcards in the text are plain characters */
  assert_int_equal (relance_portfolio_query_count (fixture->db, "100%", &error), 1);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "%", &error), 1);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "_", &error), 0);
  assert_int_equal (relance_portfolio_query_count (fixture->db, "10_", &error), 0);
  assert_null (error);
}

static void
test_portfolio_page_with_filter_finds_accented_name (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RelancePortfolioRow *row;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  rows = relance_portfolio_query_page (fixture->db, "societe", RELANCE_PORTFOLIO_SORT_CODE,
                                       FALSE, 0, 100, &error);
  assert_null (error);
  assert_int_equal (rows->len, 1);
  row = g_ptr_array_index (rows, 0);
  assert_int_equal (row->actor_id, ids[0]);
  assert_string_equal (row->code, "C001");
  assert_string_equal (row->name, "Société Générale");
  assert_string_equal (row->currency, "EUR");
  assert_int_equal (row->outstanding_cents, 50000);
  assert_int_equal (row->overdue_cents, 25000);
  assert_true (row->has_dso);
  assert_true (row->dso_days == 40.0);
  assert_null (row->segment);
}

static void
test_portfolio_row_without_figures_has_zeros (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RelancePortfolioRow *row;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  rows = relance_portfolio_query_page (fixture->db, "C003", RELANCE_PORTFOLIO_SORT_CODE,
                                       FALSE, 0, 10, &error);
  assert_int_equal (rows->len, 1);
  row = g_ptr_array_index (rows, 0);
  assert_int_equal (row->outstanding_cents, 0);
  assert_int_equal (row->overdue_cents, 0);
  assert_int_equal (row->days_late, 0);
  assert_false (row->has_dso);
}

static void
test_portfolio_sort_by_outstanding (void **state)
{
  Fixture *fixture = *state;
  g_autofree char *descending = NULL;
  g_autofree char *ascending = NULL;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  /* 1500.00, 500.00, then the two at 0 by code (C003 has no figures,
   * C004 has 0.00), then −20.00; C006 is inactive */
  descending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE, 0, 100);
  assert_string_equal (descending, "C002,C001,C003,C004,C005");
  ascending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_OUTSTANDING, FALSE, 0, 100);
  assert_string_equal (ascending, "C005,C003,C004,C001,C002");
}

static void
test_portfolio_sort_by_dso_puts_none_last (void **state)
{
  Fixture *fixture = *state;
  g_autofree char *descending = NULL;
  g_autofree char *ascending = NULL;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  /* DSO: C005 90, C001 40, C004 12.5; none: C002 (figures without DSO)
   * and C003 (no figures), by code, last both ways */
  descending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_DSO, TRUE, 0, 100);
  assert_string_equal (descending, "C005,C001,C004,C002,C003");
  ascending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_DSO, FALSE, 0, 100);
  assert_string_equal (ascending, "C004,C001,C005,C002,C003");
}

static void
test_portfolio_sort_by_name_ignores_accents (void **state)
{
  Fixture *fixture = *state;
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  /* Dupont, Électricité, Garage, Générale, Société */
  ascending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_NAME, FALSE, 0, 100);
  assert_string_equal (ascending, "C002,C004,C005,C003,C001");
  descending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_NAME, TRUE, 0, 100);
  assert_string_equal (descending, "C001,C003,C005,C004,C002");
}

static void
test_portfolio_offset_and_limit (void **state)
{
  Fixture *fixture = *state;
  g_autofree char *middle = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *past_end = NULL;
  g_autofree char *figure_page = NULL;
  g_autofree char *none = NULL;
  gint64 ids[6];

  add_portfolio (fixture->db, ids);

  middle = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_CODE, FALSE, 1, 2);
  assert_string_equal (middle, "C002,C003");
  tail = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_CODE, TRUE, 3, 100);
  assert_string_equal (tail, "C002,C001");
  past_end = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_CODE, FALSE, 5, 100);
  assert_string_equal (past_end, "");
  figure_page = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE, 1, 3);
  assert_string_equal (figure_page, "C001,C003,C004");
  none = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_OUTSTANDING, TRUE, 0, 0);
  assert_string_equal (none, "");
}

static void
test_portfolio_uses_company_currency (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RelancePortfolioRow *row;
  gint64 a = add_actor_id (fixture->db, "C001", "Dupont SA");
  RelanceFiguresRow figures_rows[2] = { figures (a, 1000, FALSE, 0), figures (a, 7000, FALSE, 0) };

  g_strlcpy (figures_rows[1].currency, "CHF", sizeof figures_rows[1].currency);
  assert_true (relance_figures_store_replace_all (fixture->db, figures_rows, 2,
                                                  relance_date_new (2025, 3, 31), 0, &error));
  assert_true (relance_database_set_setting (fixture->db, "company_currency", "CHF", &error));

  rows = relance_portfolio_query_page (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_OUTSTANDING,
                                       TRUE, 0, 10, &error);
  assert_int_equal (rows->len, 1);
  row = g_ptr_array_index (rows, 0);
  assert_string_equal (row->currency, "CHF");
  assert_int_equal (row->outstanding_cents, 7000);
}

/* Without a filter, the figure sorts merge two sorted cursors, walking
 * backward for a page past the middle (beyond 1,000 rows); with a filter
 * they are one statement. A filter that every actor matches must give
 * the same pages. */
static void
test_portfolio_figure_sorts_agree_with_and_without_filter (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RelanceFiguresRow));
  const RelancePortfolioSort sorts[] = {
    RELANCE_PORTFOLIO_SORT_OUTSTANDING, RELANCE_PORTFOLIO_SORT_OVERDUE,
    RELANCE_PORTFOLIO_SORT_DAYS_LATE, RELANCE_PORTFOLIO_SORT_DSO,
  };
  const guint offsets[] = { 0, 50, 1100, 1500, 2300, 2390, 2400 };
  const int n_actors = 2400;
  GRand *rand = g_rand_new_with_seed (42);

  assert_true (relance_database_begin (fixture->db, &error));
  for (int i = 0; i < n_actors; i++)
    {
      /* codes not in id order, so that code order is not id order */
      g_autofree char *code = g_strdup_printf ("K%04d", (i * 37) % n_actors);
      g_autofree char *name = g_strdup_printf ("Client %d", i);
      g_autoptr(RelanceActor) actor = relance_actor_new (code, name);
      int kind = g_rand_int_range (rand, 0, 4);

      relance_actor_set_active (actor, i % 50 != 7);
      assert_true (relance_actor_store_insert (fixture->db, actor, 0, &error));
      /* no figures, zero, a few repeated amounts (ties), or negative */
      if (kind > 0)
        {
          gint64 cents = kind == 1 ? 0 : kind == 2 ? g_rand_int_range (rand, 0, 5) * 10000
                                                   : -g_rand_int_range (rand, 1, 3) * 100;
          RelanceFiguresRow row = figures (relance_actor_get_id (actor), cents,
                                           g_rand_boolean (rand),
                                           g_rand_int_range (rand, 0, 4) * 10.0);

          g_array_append_val (rows, row);
        }
    }
  assert_true (relance_database_commit (fixture->db, &error));
  assert_true (relance_figures_store_replace_all (fixture->db,
                                                  (RelanceFiguresRow *) (gpointer) rows->data,
                                                  rows->len, relance_date_new (2025, 3, 31),
                                                  relance_database_get_data_version (fixture->db),
                                                  &error));
  /* 48 of the 2,400 are inactive (i % 50 == 7) */
  assert_int_equal (relance_portfolio_query_count (fixture->db, NULL, &error), 2352);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending < 2; descending++)
      {
        g_autofree char *merged = query_codes (fixture->db, NULL, sorts[s], descending, 0, 5000);
        g_autofree char *single = query_codes (fixture->db, "k", sorts[s], descending, 0, 5000);

        assert_int_equal (strlen (merged), 2352 * 6 - 1);
        assert_string_equal (merged, single);

        for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
          {
            g_autofree char *page = query_codes (fixture->db, NULL, sorts[s], descending,
                                                 offsets[o], 100);
            g_autofree char *single_page = query_codes (fixture->db, "k", sorts[s], descending,
                                                        offsets[o], 100);

            assert_string_equal (page, single_page);
          }
      }
  g_rand_free (rand);
}

/* The same for the sorts that page through an index */
static void
test_portfolio_indexed_sorts_agree_with_and_without_filter (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  const char *segments[] = { NULL, "PME", "Grand compte", "Public" };
  const char *names[] = { "Électricité", "Dupont", "Garage", "Société", "Boulangerie" };
  const RelancePortfolioSort sorts[] = {
    RELANCE_PORTFOLIO_SORT_CODE, RELANCE_PORTFOLIO_SORT_NAME, RELANCE_PORTFOLIO_SORT_SEGMENT,
  };

  assert_true (relance_database_begin (fixture->db, &error));
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *code = g_strdup_printf ("K%03d", (i * 37) % 300);
      g_autofree char *name = g_strdup_printf ("%s %d", names[i % 5], i % 7);
      g_autoptr(RelanceActor) actor = relance_actor_new (code, name);

      relance_actor_set_segment (actor, segments[i % 4]);
      relance_actor_set_active (actor, i % 10 != 3);
      assert_true (relance_actor_store_insert (fixture->db, actor, 0, &error));
    }
  assert_true (relance_database_commit (fixture->db, &error));

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending < 2; descending++)
      {
        g_autofree char *indexed = query_codes (fixture->db, NULL, sorts[s], descending, 0, 1000);
        g_autofree char *single = query_codes (fixture->db, "k", sorts[s], descending, 0, 1000);
        g_autofree char *page = query_codes (fixture->db, NULL, sorts[s], descending, 120, 30);
        g_autofree char *single_page = query_codes (fixture->db, "k", sorts[s], descending,
                                                    120, 30);

        assert_int_equal (strlen (indexed), 270 * 5 - 1);
        assert_string_equal (indexed, single);
        assert_string_equal (page, single_page);
      }
}

static void
test_portfolio_sort_by_segment_keeps_codes_ascending (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  const struct { const char *code; const char *segment; } actors[] = {
    { "C004", "PME" }, { "C001", "Public" }, { "C003", NULL }, { "C002", "PME" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      g_autoptr(RelanceActor) actor = relance_actor_new (actors[i].code, "Client");

      relance_actor_set_segment (actor, actors[i].segment);
      assert_true (relance_actor_store_insert (fixture->db, actor, 0, &error));
    }

  /* no segment sorts first ascending, as SQL sorts NULL */
  ascending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_SEGMENT, FALSE, 0, 10);
  assert_string_equal (ascending, "C003,C002,C004,C001");
  descending = query_codes (fixture->db, NULL, RELANCE_PORTFOLIO_SORT_SEGMENT, TRUE, 0, 10);
  assert_string_equal (descending, "C001,C002,C004,C003");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_actor_insert_then_find_by_code_and_id),
    TEST (test_actor_without_credit_limit_reads_back_none),
    TEST (test_actor_insert_writes_audit_line),
    TEST (test_actor_update_audits_changed_fields_only),
    TEST (test_actor_update_without_change_writes_nothing),
    TEST (test_actor_update_refreshes_search_key),
    TEST (test_invalid_actor_is_refused_and_nothing_written),
    TEST (test_invalid_actor_update_is_refused_and_nothing_changed),
    TEST (test_duplicate_actor_code_is_refused),
    TEST (test_duplicate_code_by_update_is_refused),
    TEST (test_actor_list_and_code_index),
    TEST (test_contacts_listed_dunning_first),
    TEST (test_new_dunning_contact_takes_the_flag),
    TEST (test_contact_of_unknown_actor_is_refused),
    TEST (test_invoice_insert_and_list_by_due_date),
    TEST (test_imported_invoice_writes_no_audit_line),
    TEST (test_duplicate_invoice_number_is_refused),
    TEST (test_invalid_invoice_is_refused),
    TEST (test_invoice_of_unknown_actor_is_refused),
    TEST (test_invoice_list_open_only),
    TEST (test_foreach_open_by_actor_then_due_date),
    TEST (test_foreach_issued_in_range),
    TEST (test_payment_insert_and_find),
    TEST (test_allocation_updates_both_sums),
    TEST (test_allocation_above_invoice_remaining_is_refused),
    TEST (test_allocation_above_payment_is_refused),
    TEST (test_allocation_of_unknown_invoice_is_not_found),
    TEST (test_foreach_unallocated_sums_per_actor_and_currency),
    TEST (test_import_record_and_find),
    TEST (test_figures_cache_current_after_replace_all),
    TEST (test_figures_cache_stale_after_a_write),
    TEST (test_figures_computed_during_a_write_are_stale),
    TEST (test_figures_of_unknown_actor_are_refused),
    TEST (test_figures_many_rows_keep_their_indexes),
    TEST (test_portfolio_count_with_filter),
    TEST (test_portfolio_page_with_filter_finds_accented_name),
    TEST (test_portfolio_row_without_figures_has_zeros),
    TEST (test_portfolio_sort_by_outstanding),
    TEST (test_portfolio_sort_by_dso_puts_none_last),
    TEST (test_portfolio_sort_by_name_ignores_accents),
    TEST (test_portfolio_offset_and_limit),
    TEST (test_portfolio_uses_company_currency),
    TEST (test_portfolio_figure_sorts_agree_with_and_without_filter),
    TEST (test_portfolio_indexed_sorts_agree_with_and_without_filter),
    TEST (test_portfolio_sort_by_segment_keeps_codes_ascending),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
