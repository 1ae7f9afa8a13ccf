/* engine-fixture.h — a fresh database and data helpers for the engine tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by test-figures.c, test-dso.c and test-aged-balance.c after
 * cmocka.h. Data goes in through the store's ordinary insert functions,
 * so that the tests see what the application would write.
 */
#pragma once

#include <glib/gstdio.h>

#include "relance-engine.h"

typedef struct
{
  char            *dir;
  char            *path;
  RelanceDatabase *db;
} EngineFixture;

static inline int
engine_fixture_setup (void **state)
{
  g_autoptr(GError) error = NULL;
  EngineFixture *fx = g_new0 (EngineFixture, 1);

  fx->dir = g_dir_make_tmp ("relance-engine-XXXXXX", &error);
  assert_non_null (fx->dir);
  fx->path = g_build_filename (fx->dir, "test.relance", NULL);
  fx->db = relance_database_open (fx->path, &error);
  if (fx->db == NULL)
    fail_msg ("cannot open %s: %s", fx->path, error->message);
  relance_database_set_user (fx->db, "test");
  *state = fx;
  return 0;
}

static inline int
engine_fixture_teardown (void **state)
{
  EngineFixture *fx = *state;
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&fx->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fx->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
  g_free (fx);
  return 0;
}

static inline gint64
add_actor (RelanceDatabase *db,
           const char      *code,
           const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = relance_actor_new (code, name);

  if (!relance_actor_store_insert (db, actor, 0, &error))
    fail_msg ("actor %s: %s", code, error->message);
  assert_true (relance_actor_get_id (actor) > 0);
  return relance_actor_get_id (actor);
}

static inline gint64
add_item (RelanceDatabase    *db,
          gint64              actor_id,
          const char         *number,
          RelanceInvoiceKind  kind,
          RelanceDate         issue_date,
          RelanceDate         due_date,
          gint64              amount_cents,
          const char         *currency)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceInvoice) invoice = relance_invoice_new (number, actor_id);

  relance_invoice_set_kind (invoice, kind);
  relance_invoice_set_issue_date (invoice, issue_date);
  relance_invoice_set_due_date (invoice, due_date);
  relance_invoice_set_amount_cents (invoice, amount_cents);
  relance_invoice_set_currency (invoice, currency);
  if (!relance_invoice_store_insert (db, invoice, 0, &error))
    fail_msg ("invoice %s: %s", number, error->message);
  assert_true (relance_invoice_get_id (invoice) > 0);
  return relance_invoice_get_id (invoice);
}

static inline gint64
add_invoice (RelanceDatabase *db,
             gint64           actor_id,
             const char      *number,
             RelanceDate      issue_date,
             RelanceDate      due_date,
             gint64           amount_cents)
{
  return add_item (db, actor_id, number, RELANCE_INVOICE_KIND_INVOICE,
                   issue_date, due_date, amount_cents, "EUR");
}

static inline gint64
add_payment (RelanceDatabase *db,
             gint64           actor_id,
             const char      *reference,
             RelanceDate      date,
             gint64           amount_cents,
             const char      *currency)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePayment) payment = relance_payment_new (reference, actor_id);

  relance_payment_set_date (payment, date);
  relance_payment_set_amount_cents (payment, amount_cents);
  relance_payment_set_currency (payment, currency);
  if (!relance_payment_store_insert (db, payment, 0, &error))
    fail_msg ("payment %s: %s", reference, error->message);
  assert_true (relance_payment_get_id (payment) > 0);
  return relance_payment_get_id (payment);
}

static inline void
allocate (RelanceDatabase *db,
          gint64           payment_id,
          gint64           invoice_id,
          gint64           amount_cents,
          RelanceDate      date)
{
  g_autoptr(GError) error = NULL;

  if (!relance_payment_store_allocate (db, payment_id, invoice_id, amount_cents, date, &error))
    fail_msg ("allocation: %s", error->message);
}

/* Y-M-D, for readable literals */
#define D(y, m, d) relance_date_new ((y), (m), (d))
