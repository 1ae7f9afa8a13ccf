/* test-model-objects.c — the GObject types of the model: defaults,
 * properties, notifications, kinds, addresses and days late
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "relance-model.h"

static RelanceDate
day (int y,
     int m,
     int d)
{
  return relance_date_new (y, m, d);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static guint *
watch (gpointer    object,
       const char *property,
       guint      *count)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  *count = 0;
  g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), count);
  return count;
}

/* Defaults */

static void
test_actor_defaults (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Exemple");

  assert_int_equal (relance_actor_get_id (actor), 0);
  assert_string_equal (relance_actor_get_code (actor), "C001");
  assert_string_equal (relance_actor_get_name (actor), "Exemple");
  assert_int_equal (relance_actor_get_kind (actor), RELANCE_ACTOR_KIND_COMPANY);
  assert_string_equal (relance_actor_get_country (actor), "FR");
  assert_string_equal (relance_actor_get_language (actor), "fr");
  assert_int_equal (relance_actor_get_credit_limit_cents (actor), -1);
  assert_string_equal (relance_actor_get_credit_limit_currency (actor), "EUR");
  assert_int_equal (relance_actor_get_credit_limit_end (actor), RELANCE_DATE_NONE);
  assert_int_equal (relance_actor_get_payment_terms_days (actor), 30);
  assert_true (relance_actor_get_active (actor));
  assert_null (relance_actor_get_siren (actor));
  assert_null (relance_actor_get_notes (actor));
}

static void
test_actor_param_spec_defaults_match_the_object (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new (NULL, NULL);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (actor), &n_pspecs);

  assert_int_equal (n_pspecs, 24);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (actor), pspecs[i]->name, &value);
      if (g_param_values_cmp (pspecs[i], &value, g_param_spec_get_default_value (pspecs[i])) != 0)
        fail_msg ("%s differs from its default", pspecs[i]->name);
    }
}

static void
test_contact_defaults (void **state)
{
  g_autoptr(RelanceContact) contact = relance_contact_new (7, "Marie Durand");

  assert_int_equal (relance_contact_get_actor_id (contact), 7);
  assert_string_equal (relance_contact_get_name (contact), "Marie Durand");
  assert_string_equal (relance_contact_get_language (contact), "fr");
  assert_false (relance_contact_get_dunning (contact));
  assert_null (relance_contact_get_email (contact));
}

static void
test_invoice_defaults (void **state)
{
  g_autoptr(RelanceInvoice) invoice = relance_invoice_new ("F1", 3);

  assert_string_equal (relance_invoice_get_number (invoice), "F1");
  assert_int_equal (relance_invoice_get_actor_id (invoice), 3);
  assert_int_equal (relance_invoice_get_kind (invoice), RELANCE_INVOICE_KIND_INVOICE);
  assert_string_equal (relance_invoice_get_currency (invoice), "EUR");
  assert_int_equal (relance_invoice_get_issue_date (invoice), RELANCE_DATE_NONE);
  assert_int_equal (relance_invoice_get_amount_cents (invoice), 0);
  assert_false (relance_invoice_get_cancelled (invoice));
}

static void
test_payment_and_allocation_defaults (void **state)
{
  g_autoptr(RelancePayment) payment = relance_payment_new ("VIR-1", 3);
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (4, 5, 600);

  assert_string_equal (relance_payment_get_reference (payment), "VIR-1");
  assert_int_equal (relance_payment_get_actor_id (payment), 3);
  assert_string_equal (relance_payment_get_currency (payment), "EUR");
  assert_false (relance_payment_get_rejected (payment));

  assert_int_equal (relance_allocation_get_payment_id (allocation), 4);
  assert_int_equal (relance_allocation_get_invoice_id (allocation), 5);
  assert_int_equal (relance_allocation_get_amount_cents (allocation), 600);
  assert_int_equal (relance_allocation_get_date (allocation), RELANCE_DATE_NONE);
}

/* Properties and notifications */

static void
test_setter_notifies_only_a_change (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Exemple");
  guint count;

  watch (actor, "name", &count);
  relance_actor_set_name (actor, "Exemple");
  assert_int_equal (count, 0);
  relance_actor_set_name (actor, "Autre");
  assert_int_equal (count, 1);
  relance_actor_set_name (actor, "Autre");
  assert_int_equal (count, 1);
  relance_actor_set_name (actor, NULL);
  assert_int_equal (count, 2);
  relance_actor_set_name (actor, NULL);
  assert_int_equal (count, 2);
}

static void
test_g_object_set_notifies_only_a_change (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Exemple");
  guint count;

  watch (actor, "credit-limit-cents", &count);
  g_object_set (actor, "credit-limit-cents", (gint64) -1, NULL);
  assert_int_equal (count, 0);
  g_object_set (actor, "credit-limit-cents", (gint64) 1000000, NULL);
  assert_int_equal (count, 1);
  assert_int_equal (relance_actor_get_credit_limit_cents (actor), 1000000);
}

static void
test_boolean_setter_notifies_only_a_change (void **state)
{
  g_autoptr(RelanceContact) contact = relance_contact_new (1, "Marie");
  guint count;

  watch (contact, "dunning", &count);
  relance_contact_set_dunning (contact, FALSE);
  assert_int_equal (count, 0);
  relance_contact_set_dunning (contact, TRUE);
  relance_contact_set_dunning (contact, 2);  /* any true value is TRUE */
  assert_int_equal (count, 1);
  assert_int_equal (relance_contact_get_dunning (contact), TRUE);
}

static void
test_actor_properties_round_trip (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new (NULL, NULL);
  g_autofree char *siren = NULL;
  g_autofree char *vat = NULL;
  RelanceActorKind kind;
  int end;
  gboolean active;

  g_object_set (actor,
                "kind", RELANCE_ACTOR_KIND_PERSON,
                "siren", "732829320",
                "vat-number", "FR44732829320",
                "credit-limit-end", day (2026, 12, 31),
                "active", FALSE,
                NULL);
  g_object_get (actor,
                "kind", &kind,
                "siren", &siren,
                "vat-number", &vat,
                "credit-limit-end", &end,
                "active", &active,
                NULL);
  assert_int_equal (kind, RELANCE_ACTOR_KIND_PERSON);
  assert_string_equal (siren, "732829320");
  assert_string_equal (vat, "FR44732829320");
  assert_int_equal (end, day (2026, 12, 31));
  assert_false (active);
}

static void
test_remaining_follows_amount_and_allocated (void **state)
{
  g_autoptr(RelanceInvoice) invoice = relance_invoice_new ("F1", 1);
  guint count;
  gint64 remaining;

  watch (invoice, "remaining-cents", &count);
  relance_invoice_set_amount_cents (invoice, 120000);
  relance_invoice_set_allocated_cents (invoice, 50000);
  /* 1 200,00 € − 500,00 € = 700,00 € */
  assert_int_equal (relance_invoice_get_remaining_cents (invoice), 70000);
  g_object_get (invoice, "remaining-cents", &remaining, NULL);
  assert_int_equal (remaining, 70000);
  assert_int_equal (count, 2);
}

static void
test_unallocated_follows_amount_and_allocated (void **state)
{
  g_autoptr(RelancePayment) payment = relance_payment_new ("VIR-1", 1);
  guint count;

  watch (payment, "unallocated-cents", &count);
  relance_payment_set_amount_cents (payment, 50000);
  relance_payment_set_allocated_cents (payment, 12345);
  /* 500,00 € − 123,45 € = 376,55 € */
  assert_int_equal (relance_payment_get_unallocated_cents (payment), 37655);
  assert_int_equal (count, 2);
}

static void
assert_freed_by_last_unref (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  assert_null (weak);
}

static void
test_objects_are_freed (void **state)
{
  RelanceActor *actor = relance_actor_new ("C001", "Exemple");
  RelanceValidation *validation = relance_validation_new ();

  relance_actor_set_siren (actor, "123");
  relance_actor_validate (actor, validation);
  assert_freed_by_last_unref (actor);
  assert_freed_by_last_unref (validation);
  assert_freed_by_last_unref (relance_contact_new (1, "Marie"));
  assert_freed_by_last_unref (relance_invoice_new ("F1", 1));
  assert_freed_by_last_unref (relance_payment_new ("VIR-1", 1));
  assert_freed_by_last_unref (relance_allocation_new (1, 2, 3));
}

/* Kinds */

static void
test_actor_kind_to_string (void **state)
{
  assert_string_equal (relance_actor_kind_to_string (RELANCE_ACTOR_KIND_COMPANY), "company");
  assert_string_equal (relance_actor_kind_to_string (RELANCE_ACTOR_KIND_PERSON), "person");
}

static void
test_actor_kind_from_english_and_french_words (void **state)
{
  static const struct
  {
    const char       *text;
    RelanceActorKind  kind;
  } cases[] = {
    { "company", RELANCE_ACTOR_KIND_COMPANY },
    { "Company", RELANCE_ACTOR_KIND_COMPANY },
    { "societe", RELANCE_ACTOR_KIND_COMPANY },
    { "Société", RELANCE_ACTOR_KIND_COMPANY },
    { "SOCIÉTÉ", RELANCE_ACTOR_KIND_COMPANY },
    { "Soci\x65\xcc\x81t\x65\xcc\x81", RELANCE_ACTOR_KIND_COMPANY },  /* e + U+0301 */
    { " entreprise ", RELANCE_ACTOR_KIND_COMPANY },
    { "person", RELANCE_ACTOR_KIND_PERSON },
    { "PERSONNE", RELANCE_ACTOR_KIND_PERSON },
    { "particulier", RELANCE_ACTOR_KIND_PERSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RelanceActorKind kind = 99;

      if (!relance_actor_kind_from_string (cases[i].text, &kind))
        fail_msg ("“%s” not read", cases[i].text);
      assert_int_equal (kind, cases[i].kind);
    }
}

static void
test_actor_kind_from_unknown_word_fails (void **state)
{
  RelanceActorKind kind = RELANCE_ACTOR_KIND_PERSON;

  assert_false (relance_actor_kind_from_string ("supplier", &kind));
  assert_false (relance_actor_kind_from_string ("", &kind));
  assert_false (relance_actor_kind_from_string (NULL, &kind));
  assert_int_equal (kind, RELANCE_ACTOR_KIND_PERSON);
}

static void
test_invoice_kind_to_string (void **state)
{
  assert_string_equal (relance_invoice_kind_to_string (RELANCE_INVOICE_KIND_INVOICE), "invoice");
  assert_string_equal (relance_invoice_kind_to_string (RELANCE_INVOICE_KIND_CREDIT_NOTE), "credit_note");
  assert_string_equal (relance_invoice_kind_to_string (RELANCE_INVOICE_KIND_FEE), "fee");
  assert_string_equal (relance_invoice_kind_to_string (RELANCE_INVOICE_KIND_INTEREST), "interest");
}

static void
test_invoice_kind_from_english_and_french_words (void **state)
{
  static const struct
  {
    const char         *text;
    RelanceInvoiceKind  kind;
  } cases[] = {
    { "invoice", RELANCE_INVOICE_KIND_INVOICE },
    { "Facture", RELANCE_INVOICE_KIND_INVOICE },
    { "credit_note", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "credit-note", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "CreditNote", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "AVOIR", RELANCE_INVOICE_KIND_CREDIT_NOTE },
    { "fee", RELANCE_INVOICE_KIND_FEE },
    { "frais", RELANCE_INVOICE_KIND_FEE },
    { "interest", RELANCE_INVOICE_KIND_INTEREST },
    { "interets", RELANCE_INVOICE_KIND_INTEREST },
    { "Intérêts", RELANCE_INVOICE_KIND_INTEREST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RelanceInvoiceKind kind = 99;

      if (!relance_invoice_kind_from_string (cases[i].text, &kind))
        fail_msg ("“%s” not read", cases[i].text);
      assert_int_equal (kind, cases[i].kind);
    }
}

static void
test_invoice_kind_round_trips (void **state)
{
  for (RelanceInvoiceKind k = RELANCE_INVOICE_KIND_INVOICE; k <= RELANCE_INVOICE_KIND_INTEREST; k++)
    {
      RelanceInvoiceKind back = 99;

      assert_true (relance_invoice_kind_from_string (relance_invoice_kind_to_string (k), &back));
      assert_int_equal (back, k);
    }
  assert_false (relance_invoice_kind_from_string ("devis", &(RelanceInvoiceKind) { 0 }));
}

/* Addresses */

static void
test_full_address_in_france_has_no_country (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Exemple");
  g_autofree char *text = NULL;

  relance_actor_set_address (actor, "12 rue de la Paix\nBâtiment B");
  relance_actor_set_postcode (actor, "75002");
  relance_actor_set_city (actor, "Paris");
  text = relance_actor_dup_full_address (actor);
  assert_string_equal (text, "12 rue de la Paix\nBâtiment B\n75002 Paris");
}

static void
test_full_address_abroad_ends_with_country_name (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C002", "Voorbeeld");
  g_autofree char *text = NULL;

  relance_actor_set_address (actor, "Rue Royale 1");
  relance_actor_set_postcode (actor, "1000");
  relance_actor_set_city (actor, "Bruxelles");
  relance_actor_set_country (actor, "BE");
  text = relance_actor_dup_full_address (actor);
  /* LC_ALL=C.UTF-8: the untranslated name */
  assert_string_equal (text, "Rue Royale 1\n1000 Bruxelles\nBelgium");
}

static void
test_full_address_of_unknown_country_ends_with_code (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C003", "Ejemplo");
  g_autofree char *text = NULL;

  relance_actor_set_city (actor, "Lima");
  relance_actor_set_country (actor, "PE");
  text = relance_actor_dup_full_address (actor);
  assert_string_equal (text, "Lima\nPE");
}

static void
test_full_address_skips_blank_lines (void **state)
{
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Exemple");
  g_autofree char *empty = relance_actor_dup_full_address (actor);
  g_autofree char *text = NULL;

  assert_string_equal (empty, "");
  relance_actor_set_address (actor, "\n  12 rue de la Paix  \r\n\n");
  relance_actor_set_postcode (actor, "75002");
  relance_actor_set_country (actor, "fr");
  text = relance_actor_dup_full_address (actor);
  assert_string_equal (text, "12 rue de la Paix\n75002");
}

/* Days late */

static void
test_days_late_counts_days_after_due_date (void **state)
{
  /* 23 November − 30 September 2026 = 31 (October) + 23 = 54 days */
  assert_int_equal (relance_days_late (day (2026, 9, 30), day (2026, 11, 23)), 54);
  assert_int_equal (relance_days_late (day (2026, 11, 22), day (2026, 11, 23)), 1);
}

static void
test_days_late_is_zero_until_due (void **state)
{
  assert_int_equal (relance_days_late (day (2026, 11, 23), day (2026, 11, 23)), 0);
  assert_int_equal (relance_days_late (day (2026, 12, 31), day (2026, 11, 23)), 0);
}

static void
test_days_late_without_due_date_is_zero (void **state)
{
  assert_int_equal (relance_days_late (RELANCE_DATE_NONE, day (2026, 11, 23)), 0);
  assert_int_equal (relance_days_late (day (2026, 9, 30), RELANCE_DATE_NONE), 0);
}

static void
test_invoice_days_late_only_while_something_is_owed (void **state)
{
  g_autoptr(RelanceInvoice) invoice = relance_invoice_new ("F1", 1);
  RelanceDate today = day (2026, 11, 23);

  relance_invoice_set_issue_date (invoice, day (2026, 8, 31));
  relance_invoice_set_due_date (invoice, day (2026, 9, 30));
  relance_invoice_set_amount_cents (invoice, 120000);
  assert_int_equal (relance_invoice_days_late (invoice, today), 54);

  /* partly paid: still late */
  relance_invoice_set_allocated_cents (invoice, 100000);
  assert_int_equal (relance_invoice_days_late (invoice, today), 54);

  /* settled */
  relance_invoice_set_allocated_cents (invoice, 120000);
  assert_int_equal (relance_invoice_days_late (invoice, today), 0);

  /* cancelled */
  relance_invoice_set_allocated_cents (invoice, 0);
  relance_invoice_set_cancelled (invoice, TRUE);
  assert_int_equal (relance_invoice_days_late (invoice, today), 0);
}

static void
test_credit_note_is_never_late (void **state)
{
  g_autoptr(RelanceInvoice) invoice = relance_invoice_new ("AV1", 1);

  relance_invoice_set_kind (invoice, RELANCE_INVOICE_KIND_CREDIT_NOTE);
  relance_invoice_set_due_date (invoice, day (2026, 9, 30));
  relance_invoice_set_amount_cents (invoice, -5000);
  assert_int_equal (relance_invoice_days_late (invoice, day (2026, 11, 23)), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_actor_defaults),
    cmocka_unit_test (test_actor_param_spec_defaults_match_the_object),
    cmocka_unit_test (test_contact_defaults),
    cmocka_unit_test (test_invoice_defaults),
    cmocka_unit_test (test_payment_and_allocation_defaults),
    cmocka_unit_test (test_setter_notifies_only_a_change),
    cmocka_unit_test (test_g_object_set_notifies_only_a_change),
    cmocka_unit_test (test_boolean_setter_notifies_only_a_change),
    cmocka_unit_test (test_actor_properties_round_trip),
    cmocka_unit_test (test_remaining_follows_amount_and_allocated),
    cmocka_unit_test (test_unallocated_follows_amount_and_allocated),
    cmocka_unit_test (test_objects_are_freed),
    cmocka_unit_test (test_actor_kind_to_string),
    cmocka_unit_test (test_actor_kind_from_english_and_french_words),
    cmocka_unit_test (test_actor_kind_from_unknown_word_fails),
    cmocka_unit_test (test_invoice_kind_to_string),
    cmocka_unit_test (test_invoice_kind_from_english_and_french_words),
    cmocka_unit_test (test_invoice_kind_round_trips),
    cmocka_unit_test (test_full_address_in_france_has_no_country),
    cmocka_unit_test (test_full_address_abroad_ends_with_country_name),
    cmocka_unit_test (test_full_address_of_unknown_country_ends_with_code),
    cmocka_unit_test (test_full_address_skips_blank_lines),
    cmocka_unit_test (test_days_late_counts_days_after_due_date),
    cmocka_unit_test (test_days_late_is_zero_until_due),
    cmocka_unit_test (test_days_late_without_due_date_is_zero),
    cmocka_unit_test (test_invoice_days_late_only_while_something_is_owed),
    cmocka_unit_test (test_credit_note_is_never_late),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
