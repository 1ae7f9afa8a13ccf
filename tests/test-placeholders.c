/* test-placeholders.c — [[PLACEHOLDERS]]: check and expansion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-documents.h"
#include "relance-placeholders.h"

static GHashTable *
values_new (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, "CUSTOMER_NAME", "SARL Dupont Frères");
  g_hash_table_insert (values, "OUTSTANDING", "1\xe2\x80\xaf" "234,56\xc2\xa0€");
  g_hash_table_insert (values, "OVERDUE", "987,65\xc2\xa0€");
  g_hash_table_insert (values, "DEADLINE", "1 décembre 2026");
  g_hash_table_insert (values, "INVOICE_TABLE", "");
  return values;
}

static void
assert_template_error (GError     *error,
                       const char *expected)
{
  assert_non_null (error);
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE));
  if (strstr (error->message, expected) == NULL)
    fail_msg ("“%s” does not say “%s”", error->message, expected);
}

static void
test_names_are_sorted_and_known (void **state)
{
  const char * const *names = relance_placeholder_names ();
  guint n = 0;

  for (; names[n] != NULL; n++)
    {
      if (n > 0)
        assert_true (strcmp (names[n - 1], names[n]) < 0);
      assert_true (relance_placeholder_is_known (names[n]));
    }
  /* 36 text placeholders, 2 aliases, 6 tables */
  assert_int_equal (n, 44);
  assert_false (relance_placeholder_is_known ("FOO"));
  assert_true (relance_placeholder_is_block ("INVOICE_TABLE"));
  assert_true (relance_placeholder_is_block ("PLAN_TABLE"));
  assert_false (relance_placeholder_is_block ("OUTSTANDING"));
}

static void
test_expand_replaces_every_placeholder (void **state)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = relance_placeholders_expand ("[[CUSTOMER_NAME]] owes [[OUTSTANDING]], "
                                      "[[OVERDUE]] overdue, by [[DEADLINE]].",
                                      values, "body", &error);
  assert_null (error);
  assert_string_equal (text, "SARL Dupont Frères owes 1\xe2\x80\xaf" "234,56\xc2\xa0€, "
                       "987,65\xc2\xa0€ overdue, by 1 décembre 2026.");
}

static void
test_text_without_placeholder_is_unchanged (void **state)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* single brackets are text */
  text = relance_placeholders_expand ("Réf. [A12] ]] et [x]", values, "body", &error);
  assert_null (error);
  assert_string_equal (text, "Réf. [A12] ]] et [x]");
}

static void
test_unknown_name_gives_line_and_column (void **state)
{
  g_autoptr(GError) error = NULL;

  /* line 3; « Bonjour é » is 9 characters (é is one, though 2 bytes), so
   * the placeholder starts in column 10 */
  assert_false (relance_placeholders_check ("Madame,\n\nBonjour é[[FOO]] !", "body", &error));
  assert_template_error (error, "[[FOO]]");
  assert_template_error (error, "in the body, line 3, column 10");
}

static void
test_unknown_name_in_subject (void **state)
{
  g_autoptr(GError) error = NULL;

  assert_false (relance_placeholders_check ("Relance [[CUSTOMER_NOM]]", "subject", &error));
  assert_template_error (error, "[[CUSTOMER_NOM]] in the subject, line 1, column 9");
}

static void
test_malformed_placeholder_is_an_error (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GError) error3 = NULL;

  /* « [[ » without « ]] », at line 2, column 5 */
  assert_false (relance_placeholders_check ("Dû :\nsoit [[OUTSTANDING", "body", &error));
  assert_template_error (error, "line 2, column 6");
  /* lower case is no name */
  assert_false (relance_placeholders_check ("[[outstanding]]", "body", &error2));
  assert_template_error (error2, "line 1, column 1");
  /* spaces inside either */
  assert_false (relance_placeholders_check ("[[ OUTSTANDING ]]", "body", &error3));
  assert_template_error (error3, "Malformed");
}

static void
test_block_alone_in_its_paragraph_is_accepted (void **state)
{
  g_autoptr(GError) error = NULL;

  assert_true (relance_placeholders_check ("Voici les factures :\n\n[[INVOICE_TABLE]]\n\nMerci.",
                                           "body", &error));
  assert_true (relance_placeholders_check ("[[INVOICE_TABLE]]", "body", &error));
  assert_true (relance_placeholders_check ("Texte.\n\n  [[BREAKDOWN_TABLE]]  \n", "body", &error));
  assert_null (error);
  assert_string_equal (relance_placeholders_paragraph_block (" [[PLAN_TABLE]]\n"), "PLAN_TABLE");
  assert_null (relance_placeholders_paragraph_block ("Total : [[OUTSTANDING]]"));
  assert_null (relance_placeholders_paragraph_block ("[[OUTSTANDING]]"));
}

static void
test_block_with_text_is_refused (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GError) error3 = NULL;

  assert_false (relance_placeholders_check ("Factures : [[INVOICE_TABLE]]", "body", &error));
  assert_template_error (error, "[[INVOICE_TABLE]] in the body, line 1, column 12, must stand alone");
  /* the line before it belongs to the same paragraph */
  assert_false (relance_placeholders_check ("Factures :\n[[INVOICE_TABLE]]", "body", &error2));
  assert_template_error (error2, "line 2, column 1, must stand alone");
  assert_false (relance_placeholders_check ("[[AGED_TABLE]]\nMerci.", "body", &error3));
  assert_template_error (error3, "must stand alone");
}

static void
test_block_in_subject_is_refused (void **state)
{
  g_autoptr(GError) error = NULL;

  assert_false (relance_placeholders_check ("[[STATEMENT_TABLE]]", "subject", &error));
  assert_template_error (error, "[[STATEMENT_TABLE]] cannot be used in the subject");
}

static void
test_value_is_never_expanded_again (void **state)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* a customer whose name looks like a placeholder, or like a malformed
   * one, prints as it is */
  g_hash_table_insert (values, "CUSTOMER_NAME", "[[OUTSTANDING]] & [[FOO");
  text = relance_placeholders_expand ("Client : [[CUSTOMER_NAME]]", values, "body", &error);
  assert_null (error);
  assert_string_equal (text, "Client : [[OUTSTANDING]] & [[FOO");
}

static void
test_aliases_print_their_name_value (void **state)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = relance_placeholders_expand ("[[MONTANTENCOURSREEL]] / [[MONTANTRETARDS]]", values,
                                      "body", &error);
  assert_null (error);
  assert_string_equal (text, "1\xe2\x80\xaf" "234,56\xc2\xa0€ / 987,65\xc2\xa0€");
  assert_string_equal (relance_placeholder_canonical ("MONTANTRETARDS"), "OVERDUE");
  assert_string_equal (relance_placeholder_canonical ("TODAY"), "TODAY");
}

static void
test_known_name_without_value_is_an_error (void **state)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = relance_placeholders_expand ("Agent : [[AGENT_NAME]]", values, "body", &error);
  assert_null (text);
  assert_template_error (error, "[[AGENT_NAME]]");
}

/* The seeded templates (relance-template-seed.sql.h) as migration 3 writes
 * them: every code in French and English, every placeholder known and
 * well placed, and the formal notice carrying what the law asks for */
static void
test_seeded_templates_are_valid (void **state)
{
  static const char * const codes[] = {
    "letter_courtesy", "letter_reminder_1", "letter_reminder_2", "letter_consumer_1",
    "letter_consumer_2", "formal_notice", "formal_notice_consumer", "litigation_transfer",
    "litigation_transfer_consumer", "statement", "interest_statement", "payment_plan",
    "email_courtesy", "email_statement", "email_reminder", "email_formal_notice",
    "sms_courtesy", "sms_reminder",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relance-test-placeholders-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "relance.db", NULL);
  g_autoptr(RelanceDatabase) db = relance_database_open (path, &error);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(RelanceTemplate) notice = NULL;
  g_autoptr(RelanceTemplate) consumer = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  assert_non_null (db);
  templates = relance_template_store_list (db, &error);
  assert_non_null (templates);
  /* 18 codes × 2 languages */
  assert_int_equal (templates->len, 36);
  for (guint i = 0; i < templates->len; i++)
    {
      RelanceTemplate *tpl = templates->pdata[i];

      if (!relance_placeholders_check (tpl->subject, "subject", &error)
          || !relance_placeholders_check (tpl->body, "body", &error))
        fail_msg ("%s (%s): %s", tpl->code, tpl->language, error->message);
      if (tpl->kind == RELANCE_TEMPLATE_KIND_SMS)
        {
          g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
          g_autofree char *text = NULL;

          /* the words without the values: under 100 characters leaves 60
           * for a company name, an amount, a date and a phone number */
          for (const char * const *n = relance_placeholder_names (); *n != NULL; n++)
            g_hash_table_insert (empty, (gpointer) *n, "");
          text = relance_placeholders_expand (tpl->body, empty, "body", &error);
          assert_non_null (text);
          assert_true (g_utf8_strlen (text, -1) < 100);
        }
      assert_null (strchr (tpl->body, '\''));
    }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(RelanceTemplate) fr = relance_template_store_find (db, codes[i], "fr", TRUE, &error);
      g_autoptr(RelanceTemplate) en = relance_template_store_find (db, codes[i], "en", TRUE, &error);

      if (fr == NULL || en == NULL)
        fail_msg ("%s is not seeded in both languages", codes[i]);
    }

  notice = relance_template_store_find (db, "formal_notice", "fr", TRUE, &error);
  assert_non_null (strstr (notice->subject, "Lettre recommandée avec accusé de réception"));
  assert_non_null (strstr (notice->body, "mise en demeure"));
  assert_non_null (strstr (notice->body, "[[INVOICE_TABLE]]"));
  assert_non_null (strstr (notice->body, "[[BREAKDOWN_TABLE]]"));
  assert_non_null (strstr (notice->body, "[[DEADLINE]]"));
  assert_non_null (strstr (notice->body, "[[COMPANY_IBAN]]"));
  assert_non_null (strstr (notice->body, "chèque"));
  assert_non_null (strstr (notice->body, "[[INTEREST_RATE]]"));
  assert_non_null (strstr (notice->body, "L441-10 et D441-5 du Code de commerce"));
  assert_non_null (strstr (notice->body, "injonction de payer"));
  assert_non_null (strstr (notice->body, "[[COURT]]"));
  assert_non_null (strstr (notice->body, "1344-1 du Code civil"));
  consumer = relance_template_store_find (db, "formal_notice_consumer", "fr", TRUE, &error);
  assert_null (strstr (consumer->body, "40"));
  assert_non_null (strstr (consumer->body, "taux légal"));
  assert_non_null (strstr (consumer->body, "tribunal judiciaire"));

  g_clear_object (&db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_names_are_sorted_and_known),
    cmocka_unit_test (test_expand_replaces_every_placeholder),
    cmocka_unit_test (test_text_without_placeholder_is_unchanged),
    cmocka_unit_test (test_unknown_name_gives_line_and_column),
    cmocka_unit_test (test_unknown_name_in_subject),
    cmocka_unit_test (test_malformed_placeholder_is_an_error),
    cmocka_unit_test (test_block_alone_in_its_paragraph_is_accepted),
    cmocka_unit_test (test_block_with_text_is_refused),
    cmocka_unit_test (test_block_in_subject_is_refused),
    cmocka_unit_test (test_value_is_never_expanded_again),
    cmocka_unit_test (test_aliases_print_their_name_value),
    cmocka_unit_test (test_known_name_without_value_is_an_error),
    cmocka_unit_test (test_seeded_templates_are_valid),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
