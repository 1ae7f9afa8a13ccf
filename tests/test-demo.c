/* test-demo.c — the generated demo portfolio
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

#include "relance-demo.h"
#include "relance-engine.h"

/* Big enough for every payer profile and every bucket to show up, small
 * enough for a test under sanitizers */
#define N_CUSTOMERS 300

typedef struct
{
  char            *dir;
  RelanceDatabase *db;
  RelanceDate      today;
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

static RelanceDatabase *
open_database (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db = relance_database_open (path, &error);

  assert_null (error);
  assert_non_null (db);
  return db;
}

static void
generate (RelanceDatabase *db,
          guint            n_customers,
          guint32          seed,
          RelanceDate      today)
{
  g_autoptr(GError) error = NULL;

  if (!relance_demo_generate (db, n_customers, seed, today, NULL, NULL, &error))
    fail_msg ("demo failed: %s", error->message);
}

/* A fresh database with a demo of N_CUSTOMERS, seed 42, up to
 * 23 November 2025 */
static int
setup (void **state)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("relance-test-demo-XXXXXX", &error);
  assert_non_null (fixture->dir);
  fixture->today = relance_date_new (2025, 11, 23);
  fixture->db = open_database (fixture, "demo.db");
  generate (fixture->db, N_CUSTOMERS, 42, fixture->today);
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

static gint64
query_int64 (RelanceDatabase *db,
             const char      *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

/* The SHA-256 of what a query returns, row by row: the content of a
 * table without its creation times */
static char *
query_checksum (RelanceDatabase *db,
                const char      *sql)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        const guchar *text = sqlite3_column_text (stmt, i);

        g_checksum_update (checksum, text ? text : (const guchar *) "\x01", -1);
        g_checksum_update (checksum, (const guchar *) "|", 1);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
content_checksum (RelanceDatabase *db)
{
  static const char * const queries[] = {
    "SELECT code, name, kind, siren, siret, vat_number, email, phone, mobile, address,"
    " postcode, city, country, language, segment, agent, credit_limit_cents,"
    " payment_terms_days FROM actor ORDER BY id",
    "SELECT actor_id, name, title, role, email, phone, mobile, dunning FROM contact ORDER BY id",
    "SELECT number, actor_id, kind, issue_date, due_date, amount_cents, currency,"
    " allocated_cents FROM invoice ORDER BY id",
    "SELECT reference, actor_id, date, amount_cents, allocated_cents FROM payment ORDER BY id",
    "SELECT payment_id, invoice_id, amount_cents, date FROM allocation ORDER BY id",
    "SELECT credit_note_id, invoice_id, amount_cents, date FROM credit_allocation ORDER BY id",
  };
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sum = query_checksum (db, queries[i]);

      g_string_append (all, sum);
    }
  return g_string_free (all, FALSE);
}

static RelanceAgedBalance *
aged_balance (RelanceDatabase *db,
              RelanceDate      today)
{
  g_autoptr(GError) error = NULL;
  RelanceAgedBalance *balance = relance_aged_balance_compute (db, NULL, today, NULL, 0, &error);

  assert_null (error);
  assert_non_null (balance);
  return balance;
}

/* Tests */

static void
test_demo_same_seed_gives_the_same_portfolio (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceDatabase) again = open_database (fixture, "again.db");
  g_autoptr(RelanceAgedBalance) first = NULL;
  g_autoptr(RelanceAgedBalance) second = NULL;
  g_autofree char *first_sum = NULL;
  g_autofree char *second_sum = NULL;
  RelanceDsoResult first_dso, second_dso;

  generate (again, N_CUSTOMERS, 42, fixture->today);

  assert_int_equal (relance_actor_store_count (again), relance_actor_store_count (fixture->db));
  assert_int_equal (relance_invoice_store_count (again), relance_invoice_store_count (fixture->db));
  first_sum = content_checksum (fixture->db);
  second_sum = content_checksum (again);
  assert_string_equal (first_sum, second_sum);
  assert_true (query_int64 (again, "SELECT count(*) FROM credit_allocation") > 0);
  assert_int_equal (query_int64 (again, "SELECT count(*) FROM credit_allocation"),
                    query_int64 (fixture->db, "SELECT count(*) FROM credit_allocation"));

  first = aged_balance (fixture->db, fixture->today);
  second = aged_balance (again, fixture->today);
  assert_int_equal (first->total_cents, second->total_cents);
  for (guint i = 0; i < first->n_buckets; i++)
    assert_int_equal (first->total_bucket_cents[i], second->total_bucket_cents[i]);

  assert_true (relance_portfolio_dso (fixture->db, fixture->today, NULL, &first_dso, NULL));
  assert_true (relance_portfolio_dso (again, fixture->today, NULL, &second_dso, NULL));
  assert_true (first_dso.count_back_days == second_dso.count_back_days);
}

static void
test_demo_another_seed_gives_another_portfolio (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceDatabase) other = open_database (fixture, "other.db");
  g_autofree char *first_sum = NULL;
  g_autofree char *other_sum = NULL;

  generate (other, N_CUSTOMERS, 43, fixture->today);
  assert_int_equal (relance_actor_store_count (other), N_CUSTOMERS);
  first_sum = content_checksum (fixture->db);
  other_sum = content_checksum (other);
  assert_string_not_equal (first_sum, other_sum);
}

static void
test_demo_has_the_requested_customers_and_about_ten_invoices_each (void **state)
{
  Fixture *fixture = *state;
  gint64 invoices = relance_invoice_store_count (fixture->db);

  assert_int_equal (relance_actor_store_count (fixture->db), N_CUSTOMERS);
  /* About ten each: between 8 and 13 on average */
  assert_true (invoices >= 8 * N_CUSTOMERS);
  assert_true (invoices <= 13 * N_CUSTOMERS);
}

static void
test_demo_codes_and_numbers_follow_the_patterns (void **state)
{
  Fixture *fixture = *state;

  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM actor WHERE code = 'C000001'"), 1);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM actor WHERE code NOT GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9]'"), 0);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM invoice WHERE kind <> 1 AND number NOT GLOB 'FA20[0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'"), 0);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM invoice WHERE kind = 1 AND number NOT GLOB 'AV20[0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'"), 0);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM payment WHERE reference = 'RG-000001'"), 1);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM payment WHERE reference NOT GLOB 'RG-[0-9][0-9][0-9][0-9][0-9][0-9]'"), 0);
}

static void
test_demo_sirens_sirets_and_vat_numbers_are_valid (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GPtrArray) actors = relance_actor_store_list (fixture->db, NULL);
  guint companies = 0;

  assert_non_null (actors);
  for (guint i = 0; i < actors->len; i++)
    {
      RelanceActor *actor = g_ptr_array_index (actors, i);

      if (relance_actor_get_kind (actor) != RELANCE_ACTOR_KIND_COMPANY)
        {
          assert_null (relance_actor_get_siren (actor));
          continue;
        }
      companies++;
      assert_true (relance_check_siren (relance_actor_get_siren (actor)));
      assert_true (relance_check_siret (relance_actor_get_siret (actor)));
      assert_true (g_str_has_prefix (relance_actor_get_siret (actor),
                                     relance_actor_get_siren (actor)));
      assert_true (relance_check_french_vat (relance_actor_get_vat_number (actor),
                                             relance_actor_get_siren (actor)));
    }
  /* About 90 % are companies */
  assert_true (companies > N_CUSTOMERS * 8 / 10);
  assert_true (companies < N_CUSTOMERS);
}

static void
test_demo_actors_and_contacts_validate_without_blocking_issues (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GPtrArray) actors = relance_actor_store_list (fixture->db, NULL);

  for (guint i = 0; i < actors->len; i++)
    {
      RelanceActor *actor = g_ptr_array_index (actors, i);
      g_autoptr(RelanceValidation) validation = relance_validation_new ();
      g_autoptr(GPtrArray) contacts = NULL;
      guint dunning = 0;

      relance_actor_validate (actor, validation);
      if (relance_validation_has_blocking (validation))
        {
          g_autofree char *text = relance_validation_to_string (validation);

          fail_msg ("%s: %s", relance_actor_get_code (actor), text);
        }

      contacts = relance_contact_store_list_for_actor (fixture->db, relance_actor_get_id (actor), NULL);
      assert_non_null (contacts);
      assert_true (contacts->len >= 1);
      for (guint k = 0; k < contacts->len; k++)
        {
          RelanceContact *contact = g_ptr_array_index (contacts, k);

          relance_validation_clear (validation);
          relance_contact_validate (contact, validation);
          assert_false (relance_validation_has_blocking (validation));
          if (relance_contact_get_dunning (contact))
            dunning++;
        }
      /* One dunning contact each */
      assert_int_equal (dunning, 1);
    }
}

static void
test_demo_addresses_are_at_reserved_domains (void **state)
{
  Fixture *fixture = *state;

  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM actor WHERE email NOT LIKE '%example.com'"
                                 " AND email NOT LIKE '%example.org'"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM contact WHERE email NOT LIKE '%example.com'"
                                 " AND email NOT LIKE '%example.org'"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM actor WHERE phone NOT GLOB '+33 [1-7] [0-9][0-9] [0-9][0-9] [0-9][0-9] [0-9][0-9]'"), 0);
}

static void
test_demo_has_overdue_amounts_in_every_default_bucket (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceAgedBalance) balance = aged_balance (fixture->db, fixture->today);

  /* Not due, 1–30, 31–60, 61–90, 91–120, over 120 */
  assert_int_equal (balance->n_buckets, 6);
  for (guint i = 0; i < balance->n_buckets; i++)
    if (balance->total_bucket_cents[i] <= 0)
      fail_msg ("bucket %s is empty", relance_aged_buckets_get_label (balance->buckets, i));
}

static void
test_demo_has_unallocated_payments (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(RelanceAgedBalance) balance = aged_balance (fixture->db, fixture->today);

  assert_true (balance->total_unallocated_cents < 0);
  assert_true (query_int64 (fixture->db, "SELECT count(*) FROM payment WHERE allocated_cents = 0") > 0);
}

static void
test_demo_has_partial_allocations (void **state)
{
  Fixture *fixture = *state;

  assert_true (query_int64 (fixture->db,
                            "SELECT count(*) FROM invoice WHERE kind = 0"
                            " AND allocated_cents > 0 AND allocated_cents < amount_cents") > 0);
}

static void
test_demo_has_credit_notes_and_fees (void **state)
{
  Fixture *fixture = *state;

  assert_true (query_int64 (fixture->db, "SELECT count(*) FROM invoice WHERE kind = 1 AND amount_cents < 0") > 0);
  assert_true (query_int64 (fixture->db, "SELECT count(*) FROM invoice WHERE kind = 2") > 0);
}

static void
test_demo_allocated_sums_match_the_allocations (void **state)
{
  Fixture *fixture = *state;

  /* An invoice's allocated sum: its payments and the credit notes applied
   * to it; a credit note's: minus what it was applied to */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM invoice i WHERE allocated_cents <>"
                                 " (SELECT coalesce(sum(amount_cents), 0) FROM allocation a"
                                 "  WHERE a.invoice_id = i.id)"
                                 " + (SELECT coalesce(sum(amount_cents), 0) FROM credit_allocation c"
                                 "  WHERE c.invoice_id = i.id)"
                                 " - (SELECT coalesce(sum(amount_cents), 0) FROM credit_allocation c"
                                 "  WHERE c.credit_note_id = i.id)"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM payment p WHERE allocated_cents <>"
                                 " (SELECT coalesce(sum(amount_cents), 0) FROM allocation a"
                                 "  WHERE a.payment_id = p.id)"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM invoice WHERE allocated_cents > amount_cents"
                                 " AND amount_cents > 0"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM payment WHERE allocated_cents > amount_cents"), 0);
  assert_true (relance_database_check_integrity (fixture->db, NULL));
}

/* A credit note for part of an invoice is applied to that invoice, on
 * its own day, never beyond what is left of either item */
static void
test_demo_credit_notes_are_applied_to_their_invoice (void **state)
{
  Fixture *fixture = *state;
  gint64 credit_notes = query_int64 (fixture->db, "SELECT count(*) FROM invoice WHERE kind = 1");
  gint64 applied = query_int64 (fixture->db,
                                "SELECT count(*) FROM invoice WHERE kind = 1"
                                " AND allocated_cents = amount_cents");

  assert_true (credit_notes > 0);
  /* Most of them: only those of invoices not due yet are left open */
  assert_true (applied * 10 >= credit_notes * 8);
  assert_int_equal (query_int64 (fixture->db, "SELECT count(*) FROM credit_allocation"), applied);

  /* None over-applied: remaining (amount − allocated) ≥ amount, that is
   * 0 ≥ allocated ≥ amount for a credit note; ≤ amount for an invoice */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM invoice WHERE kind = 1"
                                 " AND (amount_cents - allocated_cents < amount_cents"
                                 "      OR allocated_cents > 0)"), 0);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM invoice WHERE kind <> 1"
                                 " AND (allocated_cents > amount_cents OR allocated_cents < 0)"), 0);

  /* Each to an invoice (not a credit note) of the same customer and
   * currency, issued before it, on the credit note's day */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM credit_allocation c"
                                 " JOIN invoice n ON n.id = c.credit_note_id"
                                 " JOIN invoice i ON i.id = c.invoice_id"
                                 " WHERE n.kind <> 1 OR i.kind = 1 OR n.actor_id <> i.actor_id"
                                 "  OR n.currency <> i.currency OR i.issue_date >= n.issue_date"
                                 "  OR c.date <> n.issue_date OR c.amount_cents <> -n.amount_cents"), 0);
  /* A credit note is for part of its invoice: 10 % to 50 % */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM credit_allocation c"
                                 " JOIN invoice i ON i.id = c.invoice_id"
                                 " WHERE c.amount_cents * 2 > i.amount_cents"), 0);
}

/* The credit notes left open are those of invoices not due yet: they fall
 * due with them */
static void
test_demo_open_credit_notes_are_not_due_yet (void **state)
{
  Fixture *fixture = *state;
  g_autofree char *overdue_open = g_strdup_printf ("SELECT count(*) FROM invoice WHERE kind = 1"
                                                   " AND allocated_cents <> amount_cents"
                                                   " AND due_date < %d", fixture->today);

  /* Seed 42 leaves two open, to be used */
  assert_true (query_int64 (fixture->db, "SELECT count(*) FROM invoice WHERE kind = 1"
                                         " AND allocated_cents = 0") > 0);
  assert_int_equal (query_int64 (fixture->db, overdue_open), 0);
}

/* Credit notes applied, customers pay their invoices net of them: hardly
 * any customer has a negative overdue amount, and none a large one */
static void
test_demo_hardly_any_customer_has_a_negative_overdue (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GPtrArray) actors = relance_actor_store_list (fixture->db, NULL);
  guint negative = 0;

  for (guint i = 0; i < actors->len; i++)
    {
      RelanceActor *actor = g_ptr_array_index (actors, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = relance_customer_figures_compute (fixture->db,
                                                                 relance_actor_get_id (actor),
                                                                 fixture->today, &error);
      const RelanceFiguresRow *row;

      assert_null (error);
      assert_non_null (rows);
      row = &g_array_index (rows, RelanceFiguresRow, 0);
      if (row->overdue_cents < 0)
        negative++;
      /* None large: the demo of before had −25 042,00 € beside an
       * outstanding of 4 400,95 € */
      if (row->overdue_cents < -100000)
        fail_msg ("%s: overdue %" G_GINT64_FORMAT " cents", relance_actor_get_code (actor),
                  row->overdue_cents);
    }
  /* Fewer than 2 % */
  assert_true (negative * 50 < actors->len);
}

static void
test_demo_writes_one_audit_line (void **state)
{
  Fixture *fixture = *state;

  /* One line for the portfolio; the six users have one each, the
   * creditor one */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit"
                                 " WHERE entity NOT IN ('app_user', 'company')"), 1);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit WHERE entity = 'company'"), 1);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM audit WHERE entity = 'app_user'"), 6);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM import_batch WHERE kind = 'demo'"
                                 " AND rows = 300"), 1);
}

static void
test_demo_agents_are_users_named_by_login (void **state)
{
  Fixture *fixture = *state;

  /* 5 agents and 1 manager */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM app_user WHERE role = 'agent'"), 5);
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM app_user WHERE role = 'manager'"), 1);
  /* Every actor's agent is the login of an agent */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM actor WHERE agent IS NULL OR agent NOT IN"
                                 " (SELECT login FROM app_user WHERE role = 'agent')"), 0);
  /* The large accounts go to arossi (Alex Rossi) */
  assert_int_equal (query_int64 (fixture->db,
                                 "SELECT count(*) FROM actor WHERE segment = 'Grand compte'"
                                 " AND agent <> 'arossi'"), 0);
}

static void
test_demo_sets_a_valid_creditor (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) company = relance_company_store_load (fixture->db, &error);

  assert_null (error);
  assert_string_equal (company->name, "Rhône Équipements Industriels");
  assert_string_equal (company->legal_form, "SAS");
  assert_string_equal (company->city, "Lyon");
  /* SIREN 85207413 + Luhn key: from the right 3 1 4 7 0 2 5 8, every
   * other one doubled from the first: 6 + 1 + 8 + 7 + 0 + 2 + 1 (10 → 1)
   * + 8 = 33, key (10 − 3) mod 10 = 7. VAT key: 852074137 mod 97 = 44,
   * (12 + 3 × 44) mod 97 = 144 mod 97 = 47. */
  assert_string_equal (company->siren, "852074137");
  assert_string_equal (company->vat_number, "FR47852074137");
  assert_true (relance_check_siren (company->siren));
  assert_true (relance_check_french_vat (company->vat_number, company->siren));
  assert_true (relance_check_iban (company->iban));
  assert_true (g_str_has_prefix (company->iban, "FR76"));
  assert_true (relance_check_email (company->email));
  assert_string_equal (company->signatory, "Mathilde Vallet");
  assert_string_equal (company->signatory_title, "Responsable du crédit clients");
  assert_string_equal (company->court, "Tribunal de commerce de Lyon");
}

static void
test_demo_refuses_a_database_with_actors (void **state)
{
  Fixture *fixture = *state;
  g_autoptr(GError) error = NULL;

  assert_false (relance_demo_generate (fixture->db, 10, 1, fixture->today, NULL, NULL, &error));
  assert_true (g_error_matches (error, RELANCE_DEMO_ERROR, RELANCE_DEMO_ERROR_NOT_EMPTY));
  assert_int_equal (relance_actor_store_count (fixture->db), N_CUSTOMERS);
}

static void
test_demo_dates_stay_within_24_months (void **state)
{
  Fixture *fixture = *state;
  RelanceDate start = relance_date_add_months (fixture->today, -24);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM invoice WHERE issue_date < %d"
                                          " OR issue_date > %d", start, fixture->today);
  g_autofree char *payments = g_strdup_printf ("SELECT count(*) FROM payment WHERE date > %d",
                                               fixture->today);

  assert_int_equal (query_int64 (fixture->db, sql), 0);
  assert_int_equal (query_int64 (fixture->db, payments), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_demo_same_seed_gives_the_same_portfolio),
    TEST (test_demo_another_seed_gives_another_portfolio),
    TEST (test_demo_has_the_requested_customers_and_about_ten_invoices_each),
    TEST (test_demo_codes_and_numbers_follow_the_patterns),
    TEST (test_demo_sirens_sirets_and_vat_numbers_are_valid),
    TEST (test_demo_actors_and_contacts_validate_without_blocking_issues),
    TEST (test_demo_addresses_are_at_reserved_domains),
    TEST (test_demo_has_overdue_amounts_in_every_default_bucket),
    TEST (test_demo_has_unallocated_payments),
    TEST (test_demo_has_partial_allocations),
    TEST (test_demo_has_credit_notes_and_fees),
    TEST (test_demo_allocated_sums_match_the_allocations),
    TEST (test_demo_credit_notes_are_applied_to_their_invoice),
    TEST (test_demo_open_credit_notes_are_not_due_yet),
    TEST (test_demo_hardly_any_customer_has_a_negative_overdue),
    TEST (test_demo_writes_one_audit_line),
    TEST (test_demo_agents_are_users_named_by_login),
    TEST (test_demo_sets_a_valid_creditor),
    TEST (test_demo_refuses_a_database_with_actors),
    TEST (test_demo_dates_stay_within_24_months),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
