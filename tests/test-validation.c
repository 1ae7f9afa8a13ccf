/* test-validation.c — identifier checks and the controls of the model types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule test starts from a record that passes every control, breaks
 * one thing and checks that exactly the expected issue comes out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "relance-model.h"

#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */

/* Identifiers used throughout, checked by hand:
 *
 * SIREN 732829320, Luhn from the right (double every second digit):
 *   0 + (2×2=4) + 3 + (9×2=18→9) + 2 + (8×2=16→7) + 2 + (3×2=6) + 7 = 40,
 *   a multiple of 10.
 * SIREN 552100554:
 *   4 + (5×2=10→1) + 5 + (0) + 0 + (1×2=2) + 2 + (5×2=10→1) + 5 = 20.
 * SIRET 73282932000074:
 *   4 + (7×2=14→5) + 0 + 0 + 0 + 0 + 2 + (3×2=6) + 9 + (2×2=4) + 8
 *   + (2×2=4) + 3 + (7×2=14→5) = 50.
 * VAT FR44732829320: 732829320 mod 97 = 732829320 − 97 × 7554941 = 43;
 *   (12 + 3 × 43) mod 97 = 141 mod 97 = 44.
 * VAT of 552100554: 552100554 − 97 × 5691758 = 28; (12 + 84) mod 97 = 96.
 * IBAN FR7630006000011234567890189: 27 characters, and
 *   "30006000011234567890189" "FR76" read with F = 15, R = 27 is 1 mod 97.
 */
#define SIREN     "732829320"
#define SIRET     "73282932000074"
#define VAT       "FR44732829320"
#define IBAN      "FR7630006000011234567890189"
#define SIREN_2   "552100554"

static RelanceDate
day (int y,
     int m,
     int d)
{
  return relance_date_new (y, m, d);
}

static void
assert_no_issue (RelanceValidation *validation)
{
  if (relance_validation_get_n_issues (validation) != 0)
    {
      g_autofree char *text = relance_validation_to_string (validation);

      fail_msg ("unexpected issues:\n%s", text);
    }
  assert_false (relance_validation_has_blocking (validation));
}

static void
assert_only_issue (RelanceValidation *validation,
                   const char        *field,
                   RelanceSeverity    severity)
{
  const RelanceIssue *issue;

  if (relance_validation_get_n_issues (validation) != 1)
    {
      g_autofree char *text = relance_validation_to_string (validation);

      fail_msg ("expected one issue on %s, got %u:\n%s", field,
                relance_validation_get_n_issues (validation), text);
    }
  issue = relance_validation_get_issue (validation, 0);
  assert_string_equal (issue->field, field);
  assert_int_equal (issue->severity, severity);
  assert_non_null (issue->message);
  assert_true (strlen (issue->message) > 10);
  assert_int_equal (relance_validation_has_blocking (validation),
                    severity == RELANCE_SEVERITY_BLOCKING);
}

/* A French company that passes every control */
static RelanceActor *
valid_actor (void)
{
  RelanceActor *actor = relance_actor_new ("C001", "Exemple Industries");

  relance_actor_set_siren (actor, SIREN);
  relance_actor_set_siret (actor, SIRET);
  relance_actor_set_vat_number (actor, VAT);
  relance_actor_set_email (actor, "compta@exemple.fr");
  relance_actor_set_iban (actor, IBAN);
  relance_actor_set_credit_limit_cents (actor, 5000000);
  return actor;
}

static RelanceContact *
valid_contact (void)
{
  RelanceContact *contact = relance_contact_new (1, "Marie Durand");

  relance_contact_set_email (contact, "marie.durand@exemple.fr");
  return contact;
}

/* 1 200,00 € issued 15 January 2026, due 30 days later, 14 February */
static RelanceInvoice *
valid_invoice (void)
{
  RelanceInvoice *invoice = relance_invoice_new ("F2026-0001", 1);

  relance_invoice_set_id (invoice, 10);
  relance_invoice_set_issue_date (invoice, day (2026, 1, 15));
  relance_invoice_set_due_date (invoice, day (2026, 2, 14));
  relance_invoice_set_amount_cents (invoice, 120000);
  return invoice;
}

/* 500,00 € received 20 February 2026 */
static RelancePayment *
valid_payment (void)
{
  RelancePayment *payment = relance_payment_new ("VIR-2026-0001", 1);

  relance_payment_set_id (payment, 20);
  relance_payment_set_date (payment, day (2026, 2, 20));
  relance_payment_set_amount_cents (payment, 50000);
  return payment;
}

static void
validate_actor (RelanceActor      *actor,
                RelanceValidation *validation)
{
  relance_validation_clear (validation);
  relance_actor_validate (actor, validation);
}

/* RelanceValidation itself */

static void
test_validation_starts_empty (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autofree char *text = relance_validation_to_string (validation);

  assert_int_equal (relance_validation_get_n_issues (validation), 0);
  assert_false (relance_validation_has_blocking (validation));
  assert_null (relance_validation_find (validation, "name"));
  assert_string_equal (text, "");
}

static void
test_validation_warning_alone_is_not_blocking (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "siren", "no SIREN");
  assert_int_equal (relance_validation_get_n_issues (validation), 1);
  assert_false (relance_validation_has_blocking (validation));
}

static void
test_validation_find_prefers_blocking (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  const RelanceIssue *issue;

  relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "due-date", "far");
  relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "due-date", "before %d", 2026);
  issue = relance_validation_find (validation, "due-date");
  assert_non_null (issue);
  assert_int_equal (issue->severity, RELANCE_SEVERITY_BLOCKING);
  assert_string_equal (issue->message, "before 2026");
}

static void
test_validation_to_string_lists_one_issue_per_line (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autofree char *text = NULL;

  relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "code", "empty");
  relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "siren", "missing");
  text = relance_validation_to_string (validation);
  assert_string_equal (text, "blocking: code: empty\nwarning: siren: missing");
}

static void
test_validation_clear_removes_issues (void **state)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "code", "empty");
  relance_validation_clear (validation);
  assert_int_equal (relance_validation_get_n_issues (validation), 0);
  assert_false (relance_validation_has_blocking (validation));
}

/* Identifier checks */

static void
test_normalize_identifier_strips_separators_and_upcases (void **state)
{
  g_autofree char *a = relance_normalize_identifier (" fr76 3000-6000.01" NBSP "12" NNBSP "34 ");
  g_autofree char *b = relance_normalize_identifier ("732 829 320");

  assert_string_equal (a, "FR7630006000011234");
  assert_string_equal (b, SIREN);
  assert_null (relance_normalize_identifier (NULL));
}

static void
test_siren_with_valid_luhn_key_is_valid (void **state)
{
  assert_true (relance_check_siren (SIREN));
  assert_true (relance_check_siren (SIREN_2));
}

static void
test_siren_with_spaces_is_valid (void **state)
{
  assert_true (relance_check_siren ("732 829 320"));
  assert_true (relance_check_siren ("732" NNBSP "829" NNBSP "320"));
}

static void
test_siren_with_bad_luhn_key_is_invalid (void **state)
{
  /* 732829321: the sum becomes 41 */
  assert_false (relance_check_siren ("732829321"));
}

static void
test_siren_of_wrong_length_or_letters_is_invalid (void **state)
{
  assert_false (relance_check_siren ("73282932"));
  assert_false (relance_check_siren ("7328293200"));
  assert_false (relance_check_siren ("73282932A"));
  assert_false (relance_check_siren (""));
  assert_false (relance_check_siren (NULL));
}

static void
test_siret_with_valid_luhn_key_is_valid (void **state)
{
  assert_true (relance_check_siret (SIRET));
  assert_true (relance_check_siret ("732 829 320 00074"));
}

static void
test_siret_with_bad_luhn_key_is_invalid (void **state)
{
  /* 73282932000075: the sum becomes 51 */
  assert_false (relance_check_siret ("73282932000075"));
  assert_false (relance_check_siret ("7328293200007"));
  assert_false (relance_check_siret (NULL));
}

static void
test_siret_of_la_poste_may_have_digit_sum_multiple_of_5 (void **state)
{
  /* 35600000049837 fails Luhn (sum 48), but its digits add up to
   * 3+5+6+4+9+8+3+7 = 45, a multiple of 5: valid for La Poste. */
  assert_true (relance_check_siret ("35600000049837"));
  /* La Poste's head office follows Luhn:
   * 8 + (4×2=8) + (6×2=12→3) + 5 + (3×2=6) = 30 */
  assert_true (relance_check_siret ("35600000000048"));
  /* digits 3+5+6+4+9+8+3+8 = 46: neither rule */
  assert_false (relance_check_siret ("35600000049838"));
}

static void
test_siret_digit_sum_exception_is_only_for_la_poste (void **state)
{
  /* 73282932000072: digits add up to 45, but Luhn gives 48 */
  assert_false (relance_check_siret ("73282932000072"));
}

static void
test_iban_with_valid_check_digits_is_valid (void **state)
{
  assert_true (relance_check_iban (IBAN));
  /* BE68539007547034 and DE89370400440532013000, the registry's examples */
  assert_true (relance_check_iban ("BE68539007547034"));
  assert_true (relance_check_iban ("DE89370400440532013000"));
}

static void
test_iban_in_lower_case_with_spaces_is_valid (void **state)
{
  assert_true (relance_check_iban ("fr76 3000 6000 0112 3456 7890 189"));
  assert_true (relance_check_iban ("FR76" NBSP "3000" NNBSP "6000 0112 3456 7890 189"));
}

/* Printed in groups of four, whatever the spaces and case it was typed in */
static void
test_iban_is_formatted_in_groups_of_four (void **state)
{
  g_autofree char *a = relance_format_iban ("FR7630004019690001025478963");
  g_autofree char *b = relance_format_iban ("fr76 3000 40196900 0102 5478963");

  assert_string_equal (a, "FR76 3000 4019 6900 0102 5478 963");
  assert_string_equal (b, "FR76 3000 4019 6900 0102 5478 963");
}

static void
test_iban_with_bad_check_digits_is_invalid (void **state)
{
  /* FR77…: the remainder becomes 2 */
  assert_false (relance_check_iban ("FR7730006000011234567890189"));
  /* one digit of the account changed */
  assert_false (relance_check_iban ("FR7630006000011234567890188"));
}

static void
test_iban_of_wrong_length_for_france_is_invalid (void **state)
{
  /* FR133000600001123456789018 has valid check digits but 26 characters */
  assert_false (relance_check_iban ("FR133000600001123456789018"));
}

static void
test_iban_of_unknown_country_is_held_to_15_to_34 (void **state)
{
  /* ZZ is no country; the check digits are right in all three */
  assert_true (relance_check_iban ("ZZ8112345678901"));                     /* 15 */
  assert_true (relance_check_iban ("ZZ20123456789012345678901234567890"));  /* 34 */
  assert_false (relance_check_iban ("ZZ121234567890"));                     /* 14 */
  assert_false (relance_check_iban ("ZZ641234567890123456789012345678901")); /* 35 */
}

static void
test_iban_with_other_characters_is_invalid (void **state)
{
  assert_false (relance_check_iban ("FR76300060000112345678901_9"));
  assert_false (relance_check_iban ("7630006000011234567890189FR"));
  assert_false (relance_check_iban (""));
  assert_false (relance_check_iban (NULL));
}

static void
test_email_of_usual_form_is_valid (void **state)
{
  assert_true (relance_check_email ("compta@exemple.fr"));
  assert_true (relance_check_email ("marie.durand+relance@sous.domaine.example.com"));
  assert_true (relance_check_email ("élodie@société.fr"));
}

static void
test_email_without_one_at_is_invalid (void **state)
{
  assert_false (relance_check_email ("compta.exemple.fr"));
  assert_false (relance_check_email ("compta@exemple@fr.fr"));
}

static void
test_email_with_empty_local_part_is_invalid (void **state)
{
  assert_false (relance_check_email ("@exemple.fr"));
}

static void
test_email_with_domain_without_dot_is_invalid (void **state)
{
  assert_false (relance_check_email ("compta@localhost"));
  assert_false (relance_check_email ("compta@"));
  assert_false (relance_check_email ("compta@.fr"));
  assert_false (relance_check_email ("compta@exemple."));
  assert_false (relance_check_email ("compta@exemple..fr"));
}

static void
test_email_with_spaces_is_invalid (void **state)
{
  assert_false (relance_check_email ("marie durand@exemple.fr"));
  assert_false (relance_check_email (" compta@exemple.fr"));
  assert_false (relance_check_email ("compta@exemple.fr" NBSP));
}

static void
test_email_with_line_break_or_control_is_invalid (void **state)
{
  assert_false (relance_check_email ("compta@exemple.fr\r\nBcc: x@y.fr"));
  assert_false (relance_check_email ("compta@exemple.fr\n"));
  assert_false (relance_check_email ("comp\tta@exemple.fr"));
  assert_false (relance_check_email ("comp\x01ta@exemple.fr"));
}

static void
test_email_list_or_display_name_is_invalid (void **state)
{
  assert_false (relance_check_email ("a@exemple.fr,b@exemple.fr"));
  assert_false (relance_check_email ("Compta <compta@exemple.fr>"));
  assert_false (relance_check_email (NULL));
  assert_false (relance_check_email (""));
}

static void
test_french_vat_matching_siren_is_valid (void **state)
{
  assert_true (relance_check_french_vat (VAT, SIREN));
  assert_true (relance_check_french_vat ("FR 44 732 829 320", "732 829 320"));
  assert_true (relance_check_french_vat ("fr96552100554", SIREN_2));
  /* the number alone: its key matches the SIREN it contains */
  assert_true (relance_check_french_vat (VAT, NULL));
}

static void
test_french_vat_with_wrong_key_is_invalid (void **state)
{
  assert_false (relance_check_french_vat ("FR45732829320", SIREN));
  assert_false (relance_check_french_vat ("FR45732829320", NULL));
}

static void
test_french_vat_of_another_siren_is_invalid (void **state)
{
  /* FR96552100554 is right for 552100554, not for 732829320 */
  assert_false (relance_check_french_vat ("FR96552100554", SIREN));
}

static void
test_french_vat_of_wrong_form_is_invalid (void **state)
{
  assert_false (relance_check_french_vat ("BE0123456789", NULL));
  assert_false (relance_check_french_vat ("FR4473282932", NULL));
  assert_false (relance_check_french_vat ("FRAB732829320", NULL));
  assert_false (relance_check_french_vat (NULL, SIREN));
}

/* RelanceActor */

static void
test_actor_complete_has_no_issue (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  validate_actor (actor, validation);
  assert_no_issue (validation);
}

static void
test_actor_without_code_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_code (actor, NULL);
  validate_actor (actor, validation);
  assert_only_issue (validation, "code", RELANCE_SEVERITY_BLOCKING);

  relance_actor_set_code (actor, "   ");
  validate_actor (actor, validation);
  assert_only_issue (validation, "code", RELANCE_SEVERITY_BLOCKING);
}

static void
test_actor_without_name_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_name (actor, "");
  validate_actor (actor, validation);
  assert_only_issue (validation, "name", RELANCE_SEVERITY_BLOCKING);
}

static void
test_siren_with_bad_luhn_key_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* without SIRET and VAT, so that only the SIREN is at fault */
  relance_actor_set_siret (actor, NULL);
  relance_actor_set_vat_number (actor, NULL);
  relance_actor_set_siren (actor, "732829321");
  validate_actor (actor, validation);
  assert_only_issue (validation, "siren", RELANCE_SEVERITY_BLOCKING);
  assert_non_null (strstr (relance_validation_get_issue (validation, 0)->message, "732829321"));
}

static void
test_siren_with_wrong_length_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_siret (actor, NULL);
  relance_actor_set_vat_number (actor, NULL);
  relance_actor_set_siren (actor, "73282932");
  validate_actor (actor, validation);
  assert_only_issue (validation, "siren", RELANCE_SEVERITY_BLOCKING);
}

static void
test_siren_written_with_spaces_is_accepted (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_siren (actor, "732 829 320");
  relance_actor_set_siret (actor, "732 829 320 00074");
  relance_actor_set_vat_number (actor, "FR 44 732829320");
  relance_actor_set_iban (actor, "FR76 3000 6000 0112 3456 7890 189");
  validate_actor (actor, validation);
  assert_no_issue (validation);
}

static void
test_siret_with_bad_luhn_key_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_siret (actor, "73282932000075");
  validate_actor (actor, validation);
  assert_only_issue (validation, "siret", RELANCE_SEVERITY_BLOCKING);
}

static void
test_siret_of_another_siren_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* Both valid, but 73282932000074 starts with 732829320, not 552100554 */
  relance_actor_set_siren (actor, SIREN_2);
  relance_actor_set_vat_number (actor, "FR96552100554");
  validate_actor (actor, validation);
  assert_only_issue (validation, "siret", RELANCE_SEVERITY_BLOCKING);
}

static void
test_la_poste_siret_is_accepted (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* SIREN 356000000: 6 + (5×2=10→1) + 3 = 10. VAT key: 356000000 mod 97
   * = 356000000 − 97 × 3670103 = 9; (12 + 27) mod 97 = 39. */
  relance_actor_set_siren (actor, "356000000");
  relance_actor_set_siret (actor, "35600000049837");
  relance_actor_set_vat_number (actor, "FR39356000000");
  validate_actor (actor, validation);
  assert_no_issue (validation);
}

static void
test_french_company_without_siren_is_warning (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_siren (actor, NULL);
  relance_actor_set_siret (actor, NULL);
  relance_actor_set_vat_number (actor, NULL);
  validate_actor (actor, validation);
  assert_only_issue (validation, "siren", RELANCE_SEVERITY_WARNING);
}

static void
test_foreign_company_without_siren_is_accepted (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_siren (actor, NULL);
  relance_actor_set_siret (actor, NULL);
  relance_actor_set_vat_number (actor, "BE0123456789");
  relance_actor_set_country (actor, "BE");
  validate_actor (actor, validation);
  assert_no_issue (validation);
}

static void
test_person_without_siren_is_accepted (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_kind (actor, RELANCE_ACTOR_KIND_PERSON);
  relance_actor_set_siren (actor, NULL);
  relance_actor_set_siret (actor, NULL);
  relance_actor_set_vat_number (actor, NULL);
  validate_actor (actor, validation);
  assert_no_issue (validation);
}

static void
test_vat_number_not_matching_siren_is_warning (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* FR96552100554 is the VAT number of 552100554 */
  relance_actor_set_vat_number (actor, "FR96552100554");
  validate_actor (actor, validation);
  assert_only_issue (validation, "vat-number", RELANCE_SEVERITY_WARNING);
}

static void
test_vat_number_with_wrong_key_is_warning (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_vat_number (actor, "FR45732829320");
  validate_actor (actor, validation);
  assert_only_issue (validation, "vat-number", RELANCE_SEVERITY_WARNING);
}

static void
test_actor_email_without_at_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_email (actor, "compta.exemple.fr");
  validate_actor (actor, validation);
  assert_only_issue (validation, "email", RELANCE_SEVERITY_BLOCKING);
}

static void
test_actor_iban_with_bad_check_digits_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_iban (actor, "FR7730006000011234567890189");
  validate_actor (actor, validation);
  assert_only_issue (validation, "iban", RELANCE_SEVERITY_BLOCKING);
}

static void
test_negative_credit_limit_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_credit_limit_cents (actor, -500);
  validate_actor (actor, validation);
  assert_only_issue (validation, "credit-limit-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_credit_limit_none_or_zero_is_accepted (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* -1 means no limit; 0 means no credit at all */
  relance_actor_set_credit_limit_cents (actor, RELANCE_CREDIT_LIMIT_NONE);
  validate_actor (actor, validation);
  assert_no_issue (validation);

  relance_actor_set_credit_limit_cents (actor, 0);
  validate_actor (actor, validation);
  assert_no_issue (validation);
}

static void
test_invalid_credit_limit_currency_is_blocking (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_credit_limit_currency (actor, "euro");
  validate_actor (actor, validation);
  assert_only_issue (validation, "credit-limit-currency", RELANCE_SEVERITY_BLOCKING);
}

static void
test_language_other_than_french_or_english_is_warning (void **state)
{
  g_autoptr(RelanceActor) actor = valid_actor ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_actor_set_language (actor, "de");
  validate_actor (actor, validation);
  assert_only_issue (validation, "language", RELANCE_SEVERITY_WARNING);

  relance_actor_set_language (actor, "en");
  validate_actor (actor, validation);
  assert_no_issue (validation);
}

/* RelanceContact */

static void
test_contact_complete_has_no_issue (void **state)
{
  g_autoptr(RelanceContact) contact = valid_contact ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_contact_validate (contact, validation);
  assert_no_issue (validation);
}

static void
test_contact_without_name_is_blocking (void **state)
{
  g_autoptr(RelanceContact) contact = valid_contact ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_contact_set_name (contact, NULL);
  relance_contact_validate (contact, validation);
  assert_only_issue (validation, "name", RELANCE_SEVERITY_BLOCKING);
}

static void
test_contact_with_bad_email_is_blocking (void **state)
{
  g_autoptr(RelanceContact) contact = valid_contact ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_contact_set_email (contact, "marie durand@exemple.fr");
  relance_contact_validate (contact, validation);
  assert_only_issue (validation, "email", RELANCE_SEVERITY_BLOCKING);
}

static void
test_contact_without_email_phone_or_mobile_is_warning (void **state)
{
  g_autoptr(RelanceContact) contact = valid_contact ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_contact_set_email (contact, NULL);
  relance_contact_validate (contact, validation);
  assert_only_issue (validation, "email", RELANCE_SEVERITY_WARNING);
}

static void
test_contact_with_phone_only_is_accepted (void **state)
{
  g_autoptr(RelanceContact) contact = valid_contact ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_contact_set_email (contact, NULL);
  relance_contact_set_mobile (contact, "06 12 34 56 78");
  relance_contact_validate (contact, validation);
  assert_no_issue (validation);
}

/* RelanceInvoice */

static void
test_invoice_complete_has_no_issue (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_validate (invoice, validation);
  assert_no_issue (validation);
}

static void
test_invoice_without_number_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_number (invoice, " ");
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "number", RELANCE_SEVERITY_BLOCKING);
}

static void
test_invoice_without_actor_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_actor_id (invoice, 0);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "actor-id", RELANCE_SEVERITY_BLOCKING);
}

static void
test_invoice_without_issue_date_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_issue_date (invoice, RELANCE_DATE_NONE);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "issue-date", RELANCE_SEVERITY_BLOCKING);
}

static void
test_invoice_without_due_date_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_due_date (invoice, RELANCE_DATE_NONE);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "due-date", RELANCE_SEVERITY_BLOCKING);
}

static void
test_due_date_before_issue_date_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_due_date (invoice, day (2026, 1, 14));
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "due-date", RELANCE_SEVERITY_BLOCKING);
}

static void
test_due_date_on_issue_date_is_accepted (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* payable on receipt */
  relance_invoice_set_due_date (invoice, day (2026, 1, 15));
  relance_invoice_validate (invoice, validation);
  assert_no_issue (validation);
}

static void
test_due_date_more_than_a_year_after_issue_is_warning (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* 15 January 2026 + 366 days = 16 January 2027 (2026 has 365 days) */
  relance_invoice_set_due_date (invoice, day (2027, 1, 16));
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "due-date", RELANCE_SEVERITY_WARNING);
}

static void
test_due_date_exactly_a_year_after_issue_is_accepted (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* 15 January 2026 + 365 days = 15 January 2027 */
  relance_invoice_set_due_date (invoice, day (2027, 1, 15));
  relance_invoice_validate (invoice, validation);
  assert_no_issue (validation);
}

static void
test_invoice_amount_zero_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_amount_cents (invoice, 0);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_credit_note_with_positive_amount_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_kind (invoice, RELANCE_INVOICE_KIND_CREDIT_NOTE);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_credit_note_with_negative_amount_is_accepted (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_kind (invoice, RELANCE_INVOICE_KIND_CREDIT_NOTE);
  relance_invoice_set_amount_cents (invoice, -120000);
  relance_invoice_validate (invoice, validation);
  assert_no_issue (validation);
}

static void
test_invoice_with_negative_amount_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_amount_cents (invoice, -120000);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_fee_or_interest_with_negative_amount_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* the 40 € recovery indemnity, entered with the wrong sign */
  relance_invoice_set_kind (invoice, RELANCE_INVOICE_KIND_FEE);
  relance_invoice_set_amount_cents (invoice, -4000);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);

  relance_validation_clear (validation);
  relance_invoice_set_kind (invoice, RELANCE_INVOICE_KIND_INTEREST);
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_invoice_invalid_currency_is_blocking (void **state)
{
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_currency (invoice, "€");
  relance_invoice_validate (invoice, validation);
  assert_only_issue (validation, "currency", RELANCE_SEVERITY_BLOCKING);
}

/* RelancePayment */

static void
test_payment_complete_has_no_issue (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_validate (payment, validation);
  assert_no_issue (validation);
}

static void
test_payment_without_reference_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_reference (payment, "");
  relance_payment_validate (payment, validation);
  assert_only_issue (validation, "reference", RELANCE_SEVERITY_BLOCKING);
}

static void
test_payment_without_date_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_date (payment, RELANCE_DATE_NONE);
  relance_payment_validate (payment, validation);
  assert_only_issue (validation, "date", RELANCE_SEVERITY_BLOCKING);
}

static void
test_payment_amount_zero_or_negative_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_amount_cents (payment, 0);
  relance_payment_validate (payment, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);

  relance_validation_clear (validation);
  relance_payment_set_amount_cents (payment, -100);
  relance_payment_validate (payment, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_payment_invalid_currency_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_currency (payment, NULL);
  relance_payment_validate (payment, validation);
  assert_only_issue (validation, "currency", RELANCE_SEVERITY_BLOCKING);
}

/* RelanceAllocation */

static void
test_allocation_within_both_amounts_has_no_issue (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 50000);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* all of the 500,00 € payment to the 1 200,00 € invoice */
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_no_issue (validation);
}

static void
test_allocation_amount_zero_or_negative_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) zero = relance_allocation_new (20, 10, 0);
  g_autoptr(RelanceAllocation) negative = relance_allocation_new (20, 10, -100);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_allocation_validate (zero, payment, invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);

  relance_validation_clear (validation);
  relance_allocation_validate (negative, payment, invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_above_payment_unallocated_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 30001);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* 500,00 € − 200,00 € already allocated = 300,00 € left; 300,01 € is
   * one cent too many */
  relance_payment_set_allocated_cents (payment, 20000);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_of_all_unallocated_is_accepted (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 30000);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_allocated_cents (payment, 20000);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_no_issue (validation);
}

static void
test_allocation_above_invoice_remaining_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 40001);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  /* 1 200,00 € − 800,00 € already paid = 400,00 € due; 400,01 € is
   * more, while the payment has 500,00 € */
  relance_invoice_set_allocated_cents (invoice, 80000);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_to_settled_invoice_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 100);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_allocated_cents (invoice, 120000);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_in_other_currency_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 50000);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_currency (payment, "USD");
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "invoice-id", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_between_two_actors_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 50000);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_actor_id (payment, 2);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "invoice-id", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_of_rejected_payment_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 50000);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_payment_set_rejected (payment, TRUE);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "payment-id", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_to_cancelled_invoice_is_blocking (void **state)
{
  g_autoptr(RelancePayment) payment = valid_payment ();
  g_autoptr(RelanceInvoice) invoice = valid_invoice ();
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 50000);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_invoice_set_cancelled (invoice, TRUE);
  relance_allocation_validate (allocation, payment, invoice, validation);
  assert_only_issue (validation, "invoice-id", RELANCE_SEVERITY_BLOCKING);
}

static void
test_allocation_without_payment_or_invoice_checks_the_amount_only (void **state)
{
  g_autoptr(RelanceAllocation) allocation = relance_allocation_new (20, 10, 0);
  g_autoptr(RelanceValidation) validation = relance_validation_new ();

  relance_allocation_validate (allocation, NULL, NULL, validation);
  assert_only_issue (validation, "amount-cents", RELANCE_SEVERITY_BLOCKING);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_validation_starts_empty),
    cmocka_unit_test (test_validation_warning_alone_is_not_blocking),
    cmocka_unit_test (test_validation_find_prefers_blocking),
    cmocka_unit_test (test_validation_to_string_lists_one_issue_per_line),
    cmocka_unit_test (test_validation_clear_removes_issues),

    cmocka_unit_test (test_normalize_identifier_strips_separators_and_upcases),
    cmocka_unit_test (test_siren_with_valid_luhn_key_is_valid),
    cmocka_unit_test (test_siren_with_spaces_is_valid),
    cmocka_unit_test (test_siren_with_bad_luhn_key_is_invalid),
    cmocka_unit_test (test_siren_of_wrong_length_or_letters_is_invalid),
    cmocka_unit_test (test_siret_with_valid_luhn_key_is_valid),
    cmocka_unit_test (test_siret_with_bad_luhn_key_is_invalid),
    cmocka_unit_test (test_siret_of_la_poste_may_have_digit_sum_multiple_of_5),
    cmocka_unit_test (test_siret_digit_sum_exception_is_only_for_la_poste),
    cmocka_unit_test (test_iban_with_valid_check_digits_is_valid),
    cmocka_unit_test (test_iban_in_lower_case_with_spaces_is_valid),
    cmocka_unit_test (test_iban_with_bad_check_digits_is_invalid),
    cmocka_unit_test (test_iban_of_wrong_length_for_france_is_invalid),
    cmocka_unit_test (test_iban_of_unknown_country_is_held_to_15_to_34),
    cmocka_unit_test (test_iban_with_other_characters_is_invalid),
    cmocka_unit_test (test_email_of_usual_form_is_valid),
    cmocka_unit_test (test_email_without_one_at_is_invalid),
    cmocka_unit_test (test_email_with_empty_local_part_is_invalid),
    cmocka_unit_test (test_email_with_domain_without_dot_is_invalid),
    cmocka_unit_test (test_email_with_spaces_is_invalid),
    cmocka_unit_test (test_email_with_line_break_or_control_is_invalid),
    cmocka_unit_test (test_email_list_or_display_name_is_invalid),
    cmocka_unit_test (test_french_vat_matching_siren_is_valid),
    cmocka_unit_test (test_french_vat_with_wrong_key_is_invalid),
    cmocka_unit_test (test_french_vat_of_another_siren_is_invalid),
    cmocka_unit_test (test_french_vat_of_wrong_form_is_invalid),

    cmocka_unit_test (test_actor_complete_has_no_issue),
    cmocka_unit_test (test_actor_without_code_is_blocking),
    cmocka_unit_test (test_actor_without_name_is_blocking),
    cmocka_unit_test (test_siren_with_bad_luhn_key_is_blocking),
    cmocka_unit_test (test_siren_with_wrong_length_is_blocking),
    cmocka_unit_test (test_siren_written_with_spaces_is_accepted),
    cmocka_unit_test (test_siret_with_bad_luhn_key_is_blocking),
    cmocka_unit_test (test_siret_of_another_siren_is_blocking),
    cmocka_unit_test (test_la_poste_siret_is_accepted),
    cmocka_unit_test (test_french_company_without_siren_is_warning),
    cmocka_unit_test (test_foreign_company_without_siren_is_accepted),
    cmocka_unit_test (test_person_without_siren_is_accepted),
    cmocka_unit_test (test_vat_number_not_matching_siren_is_warning),
    cmocka_unit_test (test_vat_number_with_wrong_key_is_warning),
    cmocka_unit_test (test_actor_email_without_at_is_blocking),
    cmocka_unit_test (test_actor_iban_with_bad_check_digits_is_blocking),
    cmocka_unit_test (test_negative_credit_limit_is_blocking),
    cmocka_unit_test (test_credit_limit_none_or_zero_is_accepted),
    cmocka_unit_test (test_invalid_credit_limit_currency_is_blocking),
    cmocka_unit_test (test_language_other_than_french_or_english_is_warning),

    cmocka_unit_test (test_contact_complete_has_no_issue),
    cmocka_unit_test (test_contact_without_name_is_blocking),
    cmocka_unit_test (test_contact_with_bad_email_is_blocking),
    cmocka_unit_test (test_contact_without_email_phone_or_mobile_is_warning),
    cmocka_unit_test (test_contact_with_phone_only_is_accepted),

    cmocka_unit_test (test_invoice_complete_has_no_issue),
    cmocka_unit_test (test_invoice_without_number_is_blocking),
    cmocka_unit_test (test_invoice_without_actor_is_blocking),
    cmocka_unit_test (test_invoice_without_issue_date_is_blocking),
    cmocka_unit_test (test_invoice_without_due_date_is_blocking),
    cmocka_unit_test (test_due_date_before_issue_date_is_blocking),
    cmocka_unit_test (test_due_date_on_issue_date_is_accepted),
    cmocka_unit_test (test_due_date_more_than_a_year_after_issue_is_warning),
    cmocka_unit_test (test_due_date_exactly_a_year_after_issue_is_accepted),
    cmocka_unit_test (test_invoice_amount_zero_is_blocking),
    cmocka_unit_test (test_credit_note_with_positive_amount_is_blocking),
    cmocka_unit_test (test_credit_note_with_negative_amount_is_accepted),
    cmocka_unit_test (test_invoice_with_negative_amount_is_blocking),
    cmocka_unit_test (test_fee_or_interest_with_negative_amount_is_blocking),
    cmocka_unit_test (test_invoice_invalid_currency_is_blocking),

    cmocka_unit_test (test_payment_complete_has_no_issue),
    cmocka_unit_test (test_payment_without_reference_is_blocking),
    cmocka_unit_test (test_payment_without_date_is_blocking),
    cmocka_unit_test (test_payment_amount_zero_or_negative_is_blocking),
    cmocka_unit_test (test_payment_invalid_currency_is_blocking),

    cmocka_unit_test (test_allocation_within_both_amounts_has_no_issue),
    cmocka_unit_test (test_allocation_amount_zero_or_negative_is_blocking),
    cmocka_unit_test (test_allocation_above_payment_unallocated_is_blocking),
    cmocka_unit_test (test_allocation_of_all_unallocated_is_accepted),
    cmocka_unit_test (test_allocation_above_invoice_remaining_is_blocking),
    cmocka_unit_test (test_allocation_to_settled_invoice_is_blocking),
    cmocka_unit_test (test_allocation_in_other_currency_is_blocking),
    cmocka_unit_test (test_allocation_between_two_actors_is_blocking),
    cmocka_unit_test (test_allocation_of_rejected_payment_is_blocking),
    cmocka_unit_test (test_allocation_to_cancelled_invoice_is_blocking),
    cmocka_unit_test (test_allocation_without_payment_or_invoice_checks_the_amount_only),
    cmocka_unit_test (test_iban_is_formatted_in_groups_of_four),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
