/* test-mail-message.c — the RFC 5322 / MIME messages of dunning emails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "relance-mail-message.h"

/* Helpers */

static RelanceMailMessage *
new_message (void)
{
  g_autoptr(GError) error = NULL;
  RelanceMailMessage *message = relance_mail_message_new ();

  if (!relance_mail_message_set_from (message, "Service recouvrement", "relance@example.fr",
                                      &error) ||
      !relance_mail_message_add_to (message, "Martin", "martin@client.fr", &error) ||
      !relance_mail_message_set_subject (message, "Reminder", &error) ||
      !relance_mail_message_set_body (message, "Hello\n", &error))
    fail_msg ("message: %s", error->message);
  return message;
}

static char *
to_text (RelanceMailMessage *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = relance_mail_message_to_bytes (message, &error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    fail_msg ("to bytes: %s", error->message);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* The value of header @name, unfolded (CRLF + space → space) */
static char *
header_value (const char *text,
              const char *name)
{
  g_autofree char *prefix = g_strdup_printf ("\r\n%s: ", name);
  const char *start = strstr (text, prefix);
  GString *value = g_string_new (NULL);

  assert_non_null (start);
  for (const char *p = start + strlen (prefix); *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          if (p[2] != ' ' && p[2] != '\t')
            break;
          p++;
          continue;
        }
      g_string_append_c (value, *p);
    }
  return g_string_free (value, FALSE);
}

/* Decodes the "=?UTF-8?B?…?=" words of @value, dropping the spaces
 * between two words as RFC 2047 says */
static char *
decode_words (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value;

  while (*p)
    {
      if (g_str_has_prefix (p, "=?UTF-8?B?"))
        {
          const char *end = strstr (p + 10, "?=");
          g_autofree char *encoded = g_strndup (p + 10, end - (p + 10));
          gsize length;
          g_autofree guchar *decoded = g_base64_decode (encoded, &length);

          g_string_append_len (out, (const char *) decoded, length);
          p = end + 2;
          if (*p == ' ' && g_str_has_prefix (p + 1, "=?UTF-8?B?"))
            p++;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
assert_refused (gboolean     ok,
                GError      *error,
                int          code,
                const char  *field)
{
  assert_false (ok);
  assert_non_null (error);
  assert_true (error->domain == RELANCE_MAIL_ERROR);
  assert_int_equal (error->code, code);
  if (field != NULL && strstr (error->message, field) == NULL)
    fail_msg ("“%s” does not name the field %s", error->message, field);
}

/* Tests */

static void
test_subject_with_line_break_is_refused (void **state)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_cr = NULL;
  gboolean ok;

  (void) state;
  ok = relance_mail_message_set_subject (message, "Invoice\nBcc: thief@evil.example", &error);
  assert_refused (ok, error, RELANCE_MAIL_ERROR_HEADER, "subject");
  ok = relance_mail_message_set_subject (message, "Invoice\rBcc: thief@evil.example", &error_cr);
  assert_refused (ok, error_cr, RELANCE_MAIL_ERROR_HEADER, "subject");
  /* the subject kept is the one before: nothing half-set */
  assert_string_equal (relance_mail_message_get_subject (message), "");
}

static void
test_name_with_line_break_is_refused (void **state)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_to = NULL;
  gboolean ok;

  (void) state;
  ok = relance_mail_message_set_from (message, "Service\r\nBcc: thief@evil.example",
                                      "relance@example.fr", &error);
  assert_refused (ok, error, RELANCE_MAIL_ERROR_HEADER, "sender name");
  ok = relance_mail_message_add_to (message, "Dupont SA\nCc: x@evil.example",
                                    "compta@dupont.fr", &error_to);
  assert_refused (ok, error_to, RELANCE_MAIL_ERROR_HEADER, "To");
  assert_null (relance_mail_message_get_recipients (message)[0]);
}

static void
test_address_with_line_break_is_refused (void **state)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_reply = NULL;
  g_autoptr(GError) error_bad = NULL;
  gboolean ok;

  (void) state;
  ok = relance_mail_message_add_to (message, NULL, "compta@dupont.fr\r\nBcc: x@evil.example",
                                    &error);
  assert_refused (ok, error, RELANCE_MAIL_ERROR_HEADER, "To");
  ok = relance_mail_message_set_reply_to (message, "a@b.fr\nX-Evil: 1", &error_reply);
  assert_refused (ok, error_reply, RELANCE_MAIL_ERROR_HEADER, "reply-to");
  /* no line break but no address either */
  ok = relance_mail_message_add_to (message, NULL, "compta at dupont", &error_bad);
  assert_refused (ok, error_bad, RELANCE_MAIL_ERROR_ADDRESS, NULL);
}

static void
test_filename_with_line_break_is_refused (void **state)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GBytes) content = g_bytes_new_static ("%PDF", 4);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  (void) state;
  ok = relance_mail_message_add_attachment (message, "letter.pdf\r\nContent-Type: text/html",
                                            "application/pdf", content, &error);
  assert_refused (ok, error, RELANCE_MAIL_ERROR_HEADER, "attachment file name");
}

static void
test_accented_subject_is_an_encoded_word (void **state)
{
  g_autoptr(RelanceMailMessage) message = new_message ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *decoded = NULL;

  (void) state;
  if (!relance_mail_message_set_subject (message, "Relance n° 2 — échéance", &error))
    fail_msg ("subject: %s", error->message);
  text = to_text (message);
  subject = header_value (text, "Subject");
  /* 28 bytes of UTF-8 (° and é are 2 bytes, — is 3) fit in one word:
   * base64 of the bytes, 40 characters */
  assert_string_equal (subject, "=?UTF-8?B?UmVsYW5jZSBuwrAgMiDigJQgw6ljaMOpYW5jZQ==?=");
  decoded = decode_words (subject);
  assert_string_equal (decoded, "Relance n° 2 — échéance");
}

static void
test_long_accented_subject_folds_into_words (void **state)
{
  g_autoptr(RelanceMailMessage) message = new_message ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *decoded = NULL;
  const char *long_subject = "Mise en demeure avant procédure d’injonction de payer — "
                             "facture FA-2026-000123 échue le 15 octobre";

  (void) state;
  if (!relance_mail_message_set_subject (message, long_subject, &error))
    fail_msg ("subject: %s", error->message);
  text = to_text (message);
  subject = header_value (text, "Subject");
  decoded = decode_words (subject);
  assert_string_equal (decoded, long_subject);
}

static void
test_plain_subject_stays_readable (void **state)
{
  g_autoptr(RelanceMailMessage) message = new_message ();
  g_autofree char *text = to_text (message);

  (void) state;
  assert_non_null (strstr (text, "\r\nSubject: Reminder\r\n"));
}

static void
test_attachment_base64_decodes_to_the_same_bytes (void **state)
{
  g_autoptr(RelanceMailMessage) message = new_message ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GString) encoded = g_string_new (NULL);
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  guchar data[1000];
  const char *p;
  gsize length;

  (void) state;
  /* every byte value, several times */
  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guchar) (i * 7 + 3);
  content = g_bytes_new (data, sizeof data);
  if (!relance_mail_message_add_attachment (message, "statement.pdf", "application/pdf",
                                            content, &error))
    fail_msg ("attachment: %s", error->message);
  text = to_text (message);

  assert_non_null (strstr (text, "Content-Type: multipart/mixed;"));
  assert_non_null (strstr (text, "Content-Type: application/pdf; name=\"statement.pdf\""));
  assert_non_null (strstr (text, "Content-Disposition: attachment; filename=\"statement.pdf\""));
  p = strstr (text, "Content-Transfer-Encoding: base64\r\n");
  assert_non_null (p);
  p = strstr (p, "\r\n\r\n") + 4;
  while (*p != '\r')
    {
      const char *end = strstr (p, "\r\n");

      g_string_append_len (encoded, p, end - p);
      p = end + 2;
    }
  decoded = g_base64_decode (encoded->str, &length);
  assert_int_equal (length, sizeof data);
  assert_memory_equal (decoded, data, sizeof data);
}

static void
test_every_line_is_crlf_and_at_most_76 (void **state)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *text = NULL;
  guchar data[3000];
  guint n_lines = 0;

  (void) state;
  for (guint i = 0; i < 12; i++)
    g_string_append (body, "Le montant dû de 1 234,56 € reste impayé à ce jour, échéance dépassée. ");
  g_string_append (body, "\nFrom now on.\n.\nEnd  \n");
  memset (data, 0xa5, sizeof data);
  content = g_bytes_new (data, sizeof data);
  if (!relance_mail_message_set_from (message, "Société Générale d’Équipement, service crédit",
                                      "credit@example.fr", &error) ||
      !relance_mail_message_add_to (message, "Établissements Dupont & Fils", "compta@dupont.fr",
                                    &error) ||
      !relance_mail_message_add_cc (message, NULL, "agent@example.fr", &error) ||
      !relance_mail_message_set_subject (message, "Relevé de compte au 23 novembre 2026 — "
                                         "Établissements Dupont & Fils, encours 12 345,67 €",
                                         &error) ||
      !relance_mail_message_set_body (message, body->str, &error) ||
      !relance_mail_message_add_attachment (message,
                                            "Relevé de compte des Établissements Dupont "
                                            "au 23 novembre 2026.pdf",
                                            "application/pdf", content, &error))
    fail_msg ("message: %s", error->message);
  text = to_text (message);

  for (const char *p = text; *p; n_lines++)
    {
      const char *end = strstr (p, "\r\n");

      assert_non_null (end);
      if (end - p > 76)
        fail_msg ("line of %d characters: %.*s", (int) (end - p), (int) (end - p), p);
      for (const char *c = p; c < end; c++)
        {
          assert_true (*c != '\n' && *c != '\r');
          assert_true ((unsigned char) *c < 0x80);
        }
      p = end + 2;
    }
  assert_true (n_lines > 40);
  /* the RFC 2231 file name, in several parts */
  assert_non_null (strstr (text, "filename*0*=UTF-8''Relev%C3%A9%20de%20compte"));
  /* quoted-printable: "=" of accents, "From " and "." at a line start
   * escaped, a trailing space escaped */
  assert_non_null (strstr (text, "d=C3=BB"));
  assert_non_null (strstr (text, "\r\n=46rom now on.\r\n=2E\r\nEnd =20\r\n"));
}

static void
test_recipients_are_to_and_cc (void **state)
{
  g_autoptr(RelanceMailMessage) message = new_message ();
  g_autoptr(GError) error = NULL;
  const char * const *recipients;
  g_autofree char *text = NULL;
  g_autofree char *to = NULL;

  (void) state;
  if (!relance_mail_message_add_to (message, "Dupont, Martin", "m.dupont@client.fr", &error) ||
      !relance_mail_message_add_cc (message, NULL, "agent@example.fr", &error))
    fail_msg ("recipients: %s", error->message);
  recipients = relance_mail_message_get_recipients (message);
  assert_string_equal (recipients[0], "martin@client.fr");
  assert_string_equal (recipients[1], "m.dupont@client.fr");
  assert_string_equal (recipients[2], "agent@example.fr");
  assert_null (recipients[3]);
  assert_string_equal (relance_mail_message_get_envelope_from (message), "relance@example.fr");

  text = to_text (message);
  to = header_value (text, "To");
  /* the comma of a name is inside an encoded-word, never a separator:
   * "Dupont, Martin" is base64 "RHVwb250LCBNYXJ0aW4=" */
  assert_string_equal (to, "Martin <martin@client.fr>, =?UTF-8?B?RHVwb250LCBNYXJ0aW4=?= "
                           "<m.dupont@client.fr>");
  assert_non_null (strstr (text, "\r\nCc: <agent@example.fr>\r\n"));
}

static void
test_date_and_message_id (void **state)
{
  g_autoptr(RelanceMailMessage) message = new_message ();
  g_autoptr(GTimeZone) paris = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) when = g_date_time_new (paris, 2026, 11, 23, 9, 30, 0);
  g_autofree char *date = relance_mail_format_date (when);
  g_autofree char *text = NULL;
  const char *id;

  (void) state;
  /* 23 November 2026 is a Monday */
  assert_string_equal (date, "Mon, 23 Nov 2026 09:30:00 +0100");
  relance_mail_message_set_date (message, when);
  id = relance_mail_message_get_message_id (message);
  assert_true (g_str_has_prefix (id, "<"));
  assert_true (g_str_has_suffix (id, "@example.fr>"));
  text = to_text (message);
  assert_true (g_str_has_prefix (text, "Date: Mon, 23 Nov 2026 09:30:00 +0100\r\n"));
  assert_non_null (strstr (text, id));
  assert_non_null (strstr (text, "\r\nMIME-Version: 1.0\r\n"));
}

static void
test_no_recipient_is_an_error (void **state)
{
  g_autoptr(RelanceMailMessage) message = relance_mail_message_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  (void) state;
  if (!relance_mail_message_set_from (message, NULL, "relance@example.fr", &error))
    fail_msg ("from: %s", error->message);
  bytes = relance_mail_message_to_bytes (message, &error);
  assert_null (bytes);
  assert_true (g_error_matches (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_ADDRESS));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_subject_with_line_break_is_refused),
    cmocka_unit_test (test_name_with_line_break_is_refused),
    cmocka_unit_test (test_address_with_line_break_is_refused),
    cmocka_unit_test (test_filename_with_line_break_is_refused),
    cmocka_unit_test (test_accented_subject_is_an_encoded_word),
    cmocka_unit_test (test_long_accented_subject_folds_into_words),
    cmocka_unit_test (test_plain_subject_stays_readable),
    cmocka_unit_test (test_attachment_base64_decodes_to_the_same_bytes),
    cmocka_unit_test (test_every_line_is_crlf_and_at_most_76),
    cmocka_unit_test (test_recipients_are_to_and_cc),
    cmocka_unit_test (test_date_and_message_id),
    cmocka_unit_test (test_no_recipient_is_an_error),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
