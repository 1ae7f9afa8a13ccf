/* test-timeline.c — everything that happened with a customer, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Customer C1's story:
 *   1 April 2025   invoice F1 1 000,00 due 1 May
 *   20 May         payment P1 200,00, allocated to F1 the same day
 *   15 June        an automatic reminder email by the daily run
 *   20 June        dispute on F1 (remaining 1 000,00 − 200,00 = 800,00)
 *   22 June        promise to pay 300,00 on 30 June
 *   25 June        the dispute is found unjustified
 *   today (UTC)    a note
 * Customer C2 has an invoice of its own, which C1's timeline never shows.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine-fixture.h"
#include "collections-fixture.h"

typedef struct
{
  EngineFixture *fx;
  gint64         c1;
  gint64         c2;
  gint64         f1;
  gint64         dispute_id;
  gint64         promise_id;
  gint64         action_id;
  gint64         note_id;
} Data;

/* Actions belong to the scenarios' store: the test writes the row the
 * daily run would write, through a connection of its own. */
static gint64
insert_action (RelanceDatabase *db,
               gint64           actor_id,
               RelanceDate      day,
               const char      *title)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  assert_int_equal (sqlite3_open_v2 (relance_database_get_path (db), &handle,
                                     SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (handle,
                                        "INSERT INTO action (actor_id, channel, automatic, status,"
                                        " planned_date, done_date, title, done_by, created_at,"
                                        " created_by)"
                                        " VALUES (?1, 'email', 1, 'done', ?2, ?2, ?3, 'server',"
                                        " '2025-06-15T05:00:00Z', 'server')",
                                        -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  assert_int_equal (sqlite3_step (stmt), SQLITE_DONE);
  id = sqlite3_last_insert_rowid (handle);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return id;
}

static gint64
open_dispute (Data        *data,
              RelanceDate  day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDispute) dispute = relance_dispute_new ();

  dispute->actor_id = data->c1;
  dispute->reason = g_strdup ("quality");
  dispute->opened_on = day;
  g_array_append_val (dispute->invoice_ids, data->f1);
  if (!relance_disputes_open (data->fx->db, dispute, &error))
    fail_msg ("open a dispute: %s", error->message);
  return dispute->id;
}

static int
setup (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  Data *data = g_new0 (Data, 1);
  RelanceDatabase *db;
  gint64 payment;

  engine_fixture_setup ((void **) &data->fx);
  db = data->fx->db;
  data->c1 = add_actor (db, "C1", "Customer one");
  data->c2 = add_actor (db, "C2", "Customer two");
  data->f1 = add_invoice (db, data->c1, "F1", D (2025, 4, 1), D (2025, 5, 1), 100000);
  add_invoice (db, data->c2, "G1", D (2025, 4, 2), D (2025, 5, 2), 70000);
  payment = add_payment (db, data->c1, "P1", D (2025, 5, 20), 20000, "EUR");
  allocate (db, payment, data->f1, 20000, D (2025, 5, 20));
  data->action_id = insert_action (db, data->c1, D (2025, 6, 15), "Reminder email");
  data->dispute_id = open_dispute (data, D (2025, 6, 20));

  promise->actor_id = data->c1;
  promise->made_on = D (2025, 6, 22);
  promise->comment = g_strdup ("by transfer");
  relance_promise_add_instalment (promise, D (2025, 6, 30), 30000);
  if (!relance_promises_add (db, promise, &error))
    fail_msg ("add a promise: %s", error->message);
  data->promise_id = promise->id;

  if (!relance_disputes_resolve (db, data->dispute_id, RELANCE_DISPUTE_STATUS_UNJUSTIFIED,
                                 D (2025, 6, 25), "no defect found", NULL, &error))
    fail_msg ("resolve: %s", error->message);
  data->note_id = relance_note_store_add (db, data->c1, "called the customer", &error);
  assert_true (data->note_id > 0);

  *state = data;
  return 0;
}

static int
teardown (void **state)
{
  Data *data = *state;
  void *fx = data->fx;

  engine_fixture_teardown (&fx);
  g_free (data);
  return 0;
}

static GPtrArray *
timeline (Data  *data,
          guint  offset,
          guint  limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = relance_timeline_store_list (data->fx->db, data->c1, offset, limit, &error);

  if (rows == NULL)
    fail_msg ("timeline: %s", error->message);
  return rows;
}

static const RelanceTimelineRow *
row_at (GPtrArray *rows,
        guint      index)
{
  assert_true (index < rows->len);
  return g_ptr_array_index (rows, index);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Tests */

static void
test_timeline_is_newest_first (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) rows = timeline (data, 0, 0);
  const char * const kinds[] = {
    "note", "dispute", "promise", "dispute", "action", "allocation", "payment", "invoice",
  };
  const RelanceDate dates[] = {
    0, D (2025, 6, 25), D (2025, 6, 22), D (2025, 6, 20), D (2025, 6, 15),
    D (2025, 5, 20), D (2025, 5, 20), D (2025, 4, 1),
  };

  assert_int_equal (rows->len, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < rows->len; i++)
    {
      assert_string_equal (row_at (rows, i)->kind, kinds[i]);
      if (dates[i] != 0)
        assert_int_equal (row_at (rows, i)->date, dates[i]);
    }
  /* The note is dated the UTC day it was written, after all of 2025 */
  assert_true (row_at (rows, 0)->date > D (2025, 6, 25));
  assert_int_equal (relance_timeline_store_count (data->fx->db, data->c1, NULL), 8);
}

static void
test_timeline_rows_say_what_who_and_how_much (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) rows = timeline (data, 0, 0);
  g_autofree char *note_id = id_text (data->note_id);
  g_autofree char *dispute_id = id_text (data->dispute_id);
  g_autofree char *promise_id = id_text (data->promise_id);
  g_autofree char *action_id = id_text (data->action_id);
  g_autofree char *resolved = g_strdup_printf ("Dispute %s unjustified: the invoices are dunned "
                                               "again — no defect found", dispute_id);
  g_autofree char *opened = g_strdup_printf ("Dispute %s on F1: quality", dispute_id);
  const RelanceTimelineRow *r;

  r = row_at (rows, 0);
  assert_string_equal (r->title, "called the customer");
  assert_string_equal (r->who, "test");
  assert_string_equal (r->reference, note_id);
  assert_false (r->has_amount);
  assert_null (r->status);
  assert_non_null (r->time);

  r = row_at (rows, 1);
  assert_string_equal (r->title, resolved);
  assert_string_equal (r->status, "unjustified");
  assert_string_equal (r->who, "test");
  assert_true (r->has_amount);
  assert_int_equal (r->amount_cents, 80000);      /* 1 000,00 − 200,00 */
  assert_string_equal (r->currency, "EUR");
  assert_string_equal (r->reference, dispute_id);

  r = row_at (rows, 2);
  assert_string_equal (r->title, "Promise to pay on 2025-06-30 — by transfer");
  assert_string_equal (r->status, "open");
  assert_int_equal (r->amount_cents, 30000);
  assert_string_equal (r->reference, promise_id);

  r = row_at (rows, 3);
  assert_string_equal (r->title, opened);
  assert_int_equal (r->amount_cents, 80000);

  r = row_at (rows, 4);
  assert_string_equal (r->title, "Reminder email");
  assert_string_equal (r->who, "server");
  assert_string_equal (r->status, "done");
  assert_string_equal (r->reference, action_id);
  assert_false (r->has_amount);

  r = row_at (rows, 5);
  assert_string_equal (r->title, "Payment P1 allocated to F1");
  assert_int_equal (r->amount_cents, 20000);
  assert_string_equal (r->reference, "F1");

  r = row_at (rows, 6);
  assert_string_equal (r->title, "Payment P1");
  assert_string_equal (r->status, "allocated");
  assert_int_equal (r->amount_cents, 20000);
  assert_string_equal (r->reference, "P1");
  assert_string_equal (r->who, "test");

  r = row_at (rows, 7);
  assert_string_equal (r->title, "Invoice F1, due 2025-05-01");
  assert_string_equal (r->status, "open");
  assert_int_equal (r->amount_cents, 100000);
  assert_string_equal (r->reference, "F1");
  assert_string_equal (r->who, "test");
}

static void
test_timeline_pages_with_limit_and_offset (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) all = timeline (data, 0, 0);
  g_autoptr(GPtrArray) first = timeline (data, 0, 3);
  g_autoptr(GPtrArray) second = timeline (data, 3, 3);
  g_autoptr(GPtrArray) last = timeline (data, 6, 3);
  g_autoptr(GPtrArray) beyond = timeline (data, 8, 3);

  assert_int_equal (first->len, 3);
  assert_int_equal (second->len, 3);
  assert_int_equal (last->len, 2);                /* 8 rows: 3 + 3 + 2 */
  assert_int_equal (beyond->len, 0);
  for (guint i = 0; i < 3; i++)
    {
      assert_string_equal (row_at (first, i)->title, row_at (all, i)->title);
      assert_string_equal (row_at (second, i)->title, row_at (all, 3 + i)->title);
    }
  assert_string_equal (row_at (last, 1)->title, row_at (all, 7)->title);
}

static void
test_timeline_shows_credit_notes_and_item_states (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) disputed = NULL;
  g_autoptr(GPtrArray) justified = NULL;
  g_autofree char *credit_title = NULL;
  g_autofree char *resolution = NULL;
  gint64 dispute_id = open_dispute (data, D (2025, 7, 1));
  const RelanceTimelineRow *r;

  disputed = timeline (data, 0, 0);
  r = row_at (disputed, disputed->len - 1);
  assert_string_equal (r->reference, "F1");
  assert_string_equal (r->status, "disputed");

  assert_true (relance_disputes_resolve (data->fx->db, dispute_id, RELANCE_DISPUTE_STATUS_JUSTIFIED,
                                         D (2025, 7, 2), NULL, NULL, NULL));
  assert_true (relance_invoice_store_set_litigation (data->fx->db, data->f1, TRUE, NULL));
  justified = timeline (data, 0, 0);
  /* 8 + the dispute opened, resolved, and the credit note = 11 */
  assert_int_equal (justified->len, 11);
  credit_title = g_strdup_printf ("Credit note AV-LIT-%" G_GINT64_FORMAT, dispute_id);
  resolution = g_strdup_printf ("Dispute %" G_GINT64_FORMAT " justified: credit note AV-LIT-%"
                                G_GINT64_FORMAT, dispute_id, dispute_id);

  /* Both on 2 July, the resolution recorded after the credit note */
  r = row_at (justified, 1);
  assert_string_equal (r->kind, "dispute");
  assert_string_equal (r->title, resolution);
  assert_string_equal (r->status, "justified");
  r = row_at (justified, 2);
  assert_string_equal (r->kind, "credit_note");
  assert_string_equal (r->title, credit_title);
  assert_int_equal (r->amount_cents, -80000);
  assert_int_equal (r->date, D (2025, 7, 2));
  r = row_at (justified, 3);
  assert_string_equal (r->kind, "dispute");
  assert_int_equal (r->date, D (2025, 7, 1));

  /* The credit note settled F1 (imputation d'avoir): a settled item reads
   * "paid" even when it had been flagged for litigation */
  r = row_at (justified, justified->len - 1);
  assert_string_equal (r->reference, "F1");
  assert_string_equal (r->status, "paid");
}

static void
test_timeline_shows_a_promise_closed (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) broken = NULL;
  const RelanceTimelineRow *r;

  /* 300,00 on 30 June, paid on 28 June: kept on 28 June */
  add_payment (data->fx->db, data->c1, "P2", D (2025, 6, 28), 30000, "EUR");
  assert_true (relance_promises_evaluate (data->fx->db, D (2025, 6, 28), &broken, NULL));
  rows = timeline (data, 0, 0);
  assert_int_equal (rows->len, 10);   /* 8 + the payment + the promise kept */
  r = row_at (rows, 1);
  assert_string_equal (r->kind, "promise");
  assert_string_equal (r->title, "Promise kept: every instalment paid");
  assert_string_equal (r->status, "kept");
  assert_int_equal (r->date, D (2025, 6, 28));
  assert_int_equal (r->amount_cents, 30000);
  assert_string_equal (r->who, "test");
  r = row_at (rows, 2);
  assert_string_equal (r->kind, "payment");
  assert_string_equal (r->status, "unallocated");
}

static void
test_timeline_of_another_customer_is_its_own (void **state)
{
  Data *data = *state;
  g_autoptr(GPtrArray) rows = relance_timeline_store_list (data->fx->db, data->c2, 0, 0, NULL);

  assert_int_equal (rows->len, 1);
  assert_string_equal (row_at (rows, 0)->title, "Invoice G1, due 2025-05-02");
  assert_int_equal (relance_timeline_store_count (data->fx->db, data->c2, NULL), 1);
}

static void
test_note_refuses_blank_text (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  assert_int_equal (relance_note_store_add (data->fx->db, data->c1, "  \n", &error), 0);
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  notes = relance_note_store_list (data->fx->db, data->c1, NULL);
  assert_int_equal (notes->len, 1);
  assert_string_equal (((RelanceNote *) g_ptr_array_index (notes, 0))->text, "called the customer");
  assert_int_equal (audit_count (data->fx->db, "note", "create"), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_timeline_is_newest_first),
    TEST (test_timeline_rows_say_what_who_and_how_much),
    TEST (test_timeline_pages_with_limit_and_offset),
    TEST (test_timeline_shows_credit_notes_and_item_states),
    TEST (test_timeline_shows_a_promise_closed),
    TEST (test_timeline_of_another_customer_is_its_own),
    TEST (test_note_refuses_blank_text),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
