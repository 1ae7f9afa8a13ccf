/* test-mail.c — dunning emails sent to a real SMTP server, or to the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is tests/smtp-sink.py (Debian's python3-aiosmtpd) on
 * 127.0.0.1, started by each test that needs it: it writes every message
 * it receives, and Python's MIME parser's reading of it, to a folder.
 *
 * The encrypted paths are tested for real: the group's setup makes, with
 * the openssl command, a throwaway certificate authority « Relance test
 * CA » and a certificate it signs for 127.0.0.1 and localhost; the sink
 * serves it with STARTTLS required, or TLS from the first byte, and may
 * require a login (user « relance », password « s3cret »).
 *
 * Customer C1 « Dupont SA » (compta@dupont.fr) has a dunning contact
 * « Claire Martin » (claire.martin@dupont.fr) and owes F1 1 200,00 € due
 * 1 October 2026; the day is 23 November 2026 (53 days late).
 * C2 « Customer two » has no address at all.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "relance-mail.h"
#include "engine-fixture.h"

#define PYTHON "/usr/bin/python3"
#define OPENSSL "openssl"
#define SMTP_USER "relance"
#define SMTP_PASSWORD "s3cret"

/* The throwaway authority and server certificate, for the whole group */
typedef struct
{
  char *dir;
  char *ca;
  char *cert;
  char *key;
} Certificates;

static Certificates certificates;

typedef struct
{
  EngineFixture *fx;
  gint64         c1;
  gint64         c2;
  RelanceDate    day;
  char          *sink_dir;
  GSubprocess   *sink;
  guint          port;
} Data;

/* Helpers */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

/* Starts the sink on @port (0: a free one) with the options of
 * smtp-sink.py (--starttls, --tls, --auth), %NULL-terminated */
static void
start_sink_with (Data  *data,
                 guint  port,
                 ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (g_getenv ("RELANCE_TEST_SRCDIR"),
                                              "smtp-sink.py", NULL);
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *line = NULL;
  const char *option;
  va_list options;

  g_ptr_array_add (argv, (char *) PYTHON);
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, data->sink_dir);
  g_ptr_array_add (argv, port_text);
  va_start (options, port);
  while ((option = va_arg (options, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) option);
  va_end (options);
  g_ptr_array_add (argv, NULL);

  data->sink = g_subprocess_newv ((const char * const *) argv->pdata,
                                  G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                  &error);
  if (data->sink == NULL)
    fail_msg ("start the SMTP sink: %s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (data->sink));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  if (line == NULL)
    fail_msg ("the SMTP sink did not start: %s", error ? error->message : "no port");
  data->port = (guint) g_ascii_strtoull (line, NULL, 10);
  assert_true (data->port > 0);
}

static void
start_sink (Data  *data,
            guint  port)
{
  start_sink_with (data, port, NULL);
}

/* Closing its stdin ends the sink */
static void
stop_sink (Data *data)
{
  if (data->sink == NULL)
    return;
  g_output_stream_close (g_subprocess_get_stdin_pipe (data->sink), NULL, NULL);
  g_subprocess_wait (data->sink, NULL, NULL);
  g_clear_object (&data->sink);
}

static char *
sink_file (Data       *data,
           guint       n,
           const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("%u%s", n, suffix);
  g_autofree char *path = g_build_filename (data->sink_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    fail_msg ("message %u of the sink: %s", n, error->message);
  return text;
}

static GBytes *
sink_bytes (Data       *data,
            guint       n,
            const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("%u%s", n, suffix);
  g_autofree char *path = g_build_filename (data->sink_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, &error))
    fail_msg ("message %u of the sink: %s", n, error->message);
  return g_bytes_new_take (text, length);
}

static gboolean
sink_has (Data  *data,
          guint  n)
{
  g_autofree char *name = g_strdup_printf ("%u.env", n);
  g_autofree char *path = g_build_filename (data->sink_dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
configure (Data       *data,
           const char *host,
           guint       port)
{
  g_autoptr(RelanceMailSettings) settings = relance_mail_settings_new ();
  g_autoptr(GError) error = NULL;

  settings->host = g_strdup (host);
  settings->port = port;
  settings->security = RELANCE_MAIL_SECURITY_NONE;
  settings->from_address = g_strdup ("relance@example.fr");
  settings->from_name = g_strdup ("Service recouvrement");
  if (!relance_mail_settings_save (data->fx->db, settings, &error))
    fail_msg ("mail settings: %s", error->message);
}

static gint64
add_email_action (Data     *data,
                  gint64    actor_id,
                  gboolean  automatic)
{
  g_autoptr(RelanceAction) action = relance_action_new (actor_id, RELANCE_CHANNEL_EMAIL,
                                                        "Reminder email", data->day);
  g_autoptr(GError) error = NULL;
  gboolean created;

  action->automatic = automatic;
  action->status = RELANCE_ACTION_DONE;
  action->done_date = data->day;
  action->level = 1;
  action->run_date = automatic ? data->day : 0;
  if (!relance_action_store_insert (data->fx->db, action, &created, &error))
    fail_msg ("action: %s", error->message);
  assert_true (created);
  return action->id;
}

static gint64
make_statement (Data   *data,
                GBytes **content)
{
  g_autoptr(RelanceDocumentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDocumentRequest request;

  relance_document_request_init (&request, RELANCE_DOCUMENT_STATEMENT, data->c1, data->day);
  if (!relance_document_generate (data->fx->db, &request, &info, content, &error))
    fail_msg ("statement: %s", error->message);
  return info->id;
}

static RelanceMailRecord *
find_mail (Data   *data,
           gint64  id)
{
  g_autoptr(GError) error = NULL;
  RelanceMailRecord *record = relance_mail_store_find (data->fx->db, id, &error);

  if (record == NULL)
    fail_msg ("mail %" G_GINT64_FORMAT ": %s", id, error ? error->message : "missing");
  return record;
}

static char *
delivery_of (Data   *data,
             gint64  action_id)
{
  g_autoptr(GError) error = NULL;
  char *text = relance_mail_store_get_action_delivery (data->fx->db, action_id, &error);

  assert_null (error);
  assert_non_null (text);
  return text;
}

static gint64
send (Data               *data,
      gint64              actor_id,
      gint64              action_id,
      gint64              document_id,
      const char * const *recipients)
{
  g_autoptr(GError) error = NULL;
  gint64 mail_id = 0;

  if (!relance_mail_send_document (data->fx->db, actor_id, action_id, document_id,
                                   "email_reminder", recipients, data->day, &mail_id, &error))
    fail_msg ("send: %s", error->message);
  assert_true (mail_id > 0);
  return mail_id;
}

/* Runs openssl with @arguments in the certificates' folder */
static void
run_openssl (const char * const *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) OPENSSL);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (certificates.dir, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    fail_msg ("openssl %s: %s\n%s", arguments[0], error->message, err ? err : "");
}

/* A minimal message with a line that starts with a dot (SMTP stuffs it
 * and the server must unstuff it) and 8-bit UTF-8 text */
static GBytes *
raw_message (void)
{
  static const char text[] =
    "From: relance@example.fr\r\n"
    "To: claire.martin@dupont.fr\r\n"
    "Subject: Relance\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Solde dû : 1 200,00 €\r\n"
    ".Une ligne qui commence par un point\r\n"
    "Fin\r\n";

  return g_bytes_new_static (text, sizeof text - 1);
}

/* Settings for the sink: @ca_file trusts the test authority */
static RelanceMailSettings *
server_settings (Data                *data,
                 const char          *host,
                 RelanceMailSecurity  security,
                 gboolean             ca_file,
                 const char          *user)
{
  RelanceMailSettings *settings = relance_mail_settings_new ();

  settings->host = g_strdup (host);
  settings->port = data->port;
  settings->security = security;
  settings->from_address = g_strdup ("relance@example.fr");
  settings->ca_file = ca_file ? g_strdup (certificates.ca) : NULL;
  settings->user = g_strdup (user);
  return settings;
}

static gboolean
send_raw (const RelanceMailSettings  *settings,
          const char                 *password,
          GError                    **error)
{
  const char * const recipients[] = { "claire.martin@dupont.fr", NULL };
  g_autoptr(GBytes) message = raw_message ();

  return relance_smtp_send (settings, password, "relance@example.fr", recipients, message,
                            NULL, error);
}

/* Fixtures */

static int
setup (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) c1 = relance_actor_new ("C1", "Dupont SA");
  g_autoptr(RelanceContact) contact = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  Data *data = g_new0 (Data, 1);

  engine_fixture_setup ((void **) &data->fx);
  data->day = D (2026, 11, 23);
  relance_actor_set_email (c1, "compta@dupont.fr");
  if (!relance_actor_store_insert (data->fx->db, c1, 0, &error))
    fail_msg ("actor: %s", error->message);
  data->c1 = relance_actor_get_id (c1);
  contact = relance_contact_new (data->c1, "Claire Martin");
  relance_contact_set_email (contact, "claire.martin@dupont.fr");
  relance_contact_set_dunning (contact, TRUE);
  if (!relance_contact_store_insert (data->fx->db, contact, &error))
    fail_msg ("contact: %s", error->message);
  data->c2 = add_actor (data->fx->db, "C2", "Customer two");
  add_invoice (data->fx->db, data->c1, "F1", D (2026, 9, 1), D (2026, 10, 1), 120000);
  add_invoice (data->fx->db, data->c2, "F2", D (2026, 9, 1), D (2026, 10, 1), 50000);

  company = relance_company_store_load (data->fx->db, &error);
  if (company == NULL)
    fail_msg ("company: %s", error->message);
  g_free (company->name);
  company->name = g_strdup ("Relance Démo SAS");
  g_free (company->city);
  company->city = g_strdup ("Lyon");
  if (!relance_company_store_save (data->fx->db, company, &error))
    fail_msg ("company: %s", error->message);

  data->sink_dir = g_build_filename (data->fx->dir, "received", NULL);
  g_mkdir (data->sink_dir, 0700);
  *state = data;
  return 0;
}

static int
teardown (void **state)
{
  Data *data = *state;
  g_autofree char *outbox = g_build_filename (data->fx->dir, "outbox", NULL);
  void *fx = data->fx;

  stop_sink (data);
  remove_tree (data->sink_dir);
  remove_tree (outbox);
  engine_fixture_teardown (&fx);
  g_free (data->sink_dir);
  g_free (data);
  return 0;
}

/* The authority, and a server certificate it signs for 127.0.0.1 and
 * localhost (libcurl checks the name against the subjectAltName) */
static int
make_certificates (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *extensions = NULL;
  const char * const make_ca[] = {
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Relance test CA", NULL,
  };
  const char * const make_request[] = {
    "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", NULL,
  };
  const char * const sign[] = {
    "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
    "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext", NULL,
  };

  (void) state;
  certificates.dir = g_dir_make_tmp ("relance-tls-XXXXXX", &error);
  if (certificates.dir == NULL)
    fail_msg ("certificates: %s", error->message);
  extensions = g_build_filename (certificates.dir, "server.ext", NULL);
  if (!g_file_set_contents (extensions,
                            "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                            "basicConstraints=CA:FALSE\n"
                            "extendedKeyUsage=serverAuth\n",
                            -1, &error))
    fail_msg ("certificates: %s", error->message);
  run_openssl (make_ca);
  run_openssl (make_request);
  run_openssl (sign);
  certificates.ca = g_build_filename (certificates.dir, "ca.pem", NULL);
  certificates.cert = g_build_filename (certificates.dir, "server.pem", NULL);
  certificates.key = g_build_filename (certificates.dir, "server.key", NULL);
  return 0;
}

static int
remove_certificates (void **state)
{
  (void) state;
  remove_tree (certificates.dir);
  g_clear_pointer (&certificates.dir, g_free);
  g_clear_pointer (&certificates.ca, g_free);
  g_clear_pointer (&certificates.cert, g_free);
  g_clear_pointer (&certificates.key, g_free);
  return 0;
}

/* Tests */

static void
test_dunning_email_reaches_the_server (void **state)
{
  Data *data = *state;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(GBytes) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *envelope = NULL;
  g_autofree char *to = NULL;
  g_autofree char *received_subject = NULL;
  g_autofree char *received_body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *delivery = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  gint64 action_id, document_id, mail_id;

  start_sink (data, 0);
  configure (data, "127.0.0.1", data->port);
  action_id = add_email_action (data, data->c1, FALSE);
  document_id = make_statement (data, &pdf);
  mail_id = send (data, data->c1, action_id, document_id, NULL);

  record = find_mail (data, mail_id);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_SENT);
  assert_int_equal (record->attempts, 1);
  assert_non_null (record->sent_at);
  assert_null (record->last_error);
  delivery = delivery_of (data, action_id);
  assert_string_equal (delivery, "Sent to claire.martin@dupont.fr");

  /* the envelope: our sender, the dunning contact only */
  assert_true (sink_has (data, 1));
  envelope = sink_file (data, 1, ".env");
  assert_string_equal (envelope, "relance@example.fr\nclaire.martin@dupont.fr\n");
  to = sink_file (data, 1, ".to");
  assert_string_equal (to, "Claire Martin <claire.martin@dupont.fr>");

  /* subject and text as the template makes them, as Python decodes them */
  if (!relance_document_expand_message (data->fx->db, "email_reminder", data->c1, action_id,
                                        data->day, NULL, &subject, &body, &error))
    fail_msg ("expand: %s", error->message);
  received_subject = sink_file (data, 1, ".subject");
  assert_string_equal (received_subject, subject);
  assert_string_equal (record->subject, subject);
  received_body = sink_file (data, 1, ".body");
  if (!g_str_has_suffix (body, "\n"))
    {
      g_autofree char *with_end = g_strconcat (body, "\n", NULL);

      assert_string_equal (received_body, with_end);
    }
  else
    assert_string_equal (received_body, body);

  /* the attachment: the stored document, byte for byte, under its name */
  attachment = sink_bytes (data, 1, ".att-0");
  assert_true (g_bytes_equal (attachment, pdf));
  info = relance_document_store_find (data->fx->db, document_id, &error);
  assert_non_null (info);
  name = sink_file (data, 1, ".att-0.name");
  assert_string_equal (name, info->file_name);
}

static void
test_explicit_recipients_replace_the_contact (void **state)
{
  Data *data = *state;
  const char * const recipients[] = { "a@dupont.fr", "b@dupont.fr", NULL };
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autofree char *envelope = NULL;
  gint64 mail_id;

  start_sink (data, 0);
  configure (data, "localhost", data->port);
  mail_id = send (data, data->c1, 0, 0, recipients);
  record = find_mail (data, mail_id);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_SENT);
  envelope = sink_file (data, 1, ".env");
  assert_string_equal (envelope, "relance@example.fr\na@dupont.fr\nb@dupont.fr\n");
}

static void
test_no_server_puts_the_message_in_the_outbox (void **state)
{
  Data *data = *state;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autofree char *outbox = g_build_filename (data->fx->dir, "outbox", NULL);
  g_autofree char *delivery = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *eml = NULL;
  g_autofree char *base = NULL;
  g_autofree char *pattern = NULL;
  GStatBuf info;
  gint64 action_id, document_id, mail_id;

  configure (data, NULL, 587);
  action_id = add_email_action (data, data->c1, FALSE);
  document_id = make_statement (data, &pdf);
  mail_id = send (data, data->c1, action_id, document_id, NULL);

  record = find_mail (data, mail_id);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_OUTBOX);
  assert_non_null (record->outbox_path);
  /* beside the database, in a private folder */
  assert_true (g_str_has_prefix (record->outbox_path, outbox));
  assert_int_equal (g_stat (outbox, &info), 0);
  assert_int_equal (info.st_mode & 0777, 0700);
  /* YYYYMMDD-HHMMSS-<id>-C1.eml */
  base = g_path_get_basename (record->outbox_path);
  pattern = g_strdup_printf ("-%" G_GINT64_FORMAT "-C1.eml", mail_id);
  assert_true (g_str_has_suffix (base, pattern));
  assert_int_equal (strlen (base), strlen ("20261123-093000") + strlen (pattern));

  assert_true (g_file_get_contents (record->outbox_path, &eml, NULL, NULL));
  assert_true (g_str_has_prefix (eml, "Date: "));
  assert_non_null (strstr (eml, "\r\nTo: Claire Martin <claire.martin@dupont.fr>\r\n"));
  assert_non_null (strstr (eml, "\r\nContent-Type: multipart/mixed;"));
  assert_non_null (strstr (eml, "\r\nContent-Type: application/pdf;"));
  assert_non_null (strstr (eml, record->message_id));

  delivery = delivery_of (data, action_id);
  expected = g_strdup_printf ("Waiting in the outbox: %s", record->outbox_path);
  assert_string_equal (delivery, expected);
}

static void
test_server_down_fails_then_next_run_sends (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailRecord) failed = NULL;
  g_autoptr(RelanceMailRecord) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delivery = NULL;
  g_autofree char *delivery_after = NULL;
  RelanceMailReport report;
  gint64 action_id, mail_id;
  guint port;

  /* a port that was free a moment ago and where nobody listens now */
  start_sink (data, 0);
  port = data->port;
  stop_sink (data);
  configure (data, "127.0.0.1", port);
  action_id = add_email_action (data, data->c1, FALSE);
  mail_id = send (data, data->c1, action_id, 0, NULL);

  failed = find_mail (data, mail_id);
  assert_int_equal (failed->status, RELANCE_MAIL_STATUS_FAILED);
  assert_int_equal (failed->attempts, 1);
  assert_non_null (failed->last_error);
  assert_non_null (strstr (failed->last_error, "127.0.0.1"));
  delivery = delivery_of (data, action_id);
  assert_true (g_str_has_prefix (delivery, "Not sent: The mail server 127.0.0.1"));
  assert_true (g_str_has_suffix (delivery, "; retried by the next run"));

  /* the server is back: the next run sends it, once */
  start_sink (data, port);
  if (!relance_mail_dispatch_run (data->fx->db, data->day + 1, NULL, NULL, NULL, &report,
                                  &error))
    fail_msg ("dispatch: %s", error->message);
  assert_int_equal (report.retried, 1);
  assert_int_equal (report.sent, 1);
  assert_int_equal (report.failed, 0);
  sent = find_mail (data, mail_id);
  assert_int_equal (sent->status, RELANCE_MAIL_STATUS_SENT);
  assert_int_equal (sent->attempts, 2);
  assert_true (sink_has (data, 1));
  delivery_after = delivery_of (data, action_id);
  assert_string_equal (delivery_after, "Sent to claire.martin@dupont.fr");

  if (!relance_mail_dispatch_run (data->fx->db, data->day + 1, NULL, NULL, NULL, &report,
                                  &error))
    fail_msg ("dispatch: %s", error->message);
  assert_int_equal (report.retried + report.sent + report.failed + report.outbox, 0);
  assert_false (sink_has (data, 2));
}

static void
test_no_address_is_failed_not_dropped (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delivery = NULL;
  gint64 action_id, mail_id;

  configure (data, NULL, 587);
  action_id = add_email_action (data, data->c2, FALSE);
  mail_id = send (data, data->c2, action_id, 0, NULL);

  record = find_mail (data, mail_id);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_FAILED);
  assert_string_equal (record->last_error, "No email address for Customer two (C2)");
  assert_null (record->recipients[0]);
  delivery = delivery_of (data, action_id);
  assert_string_equal (delivery,
                       "Not sent: No email address for Customer two (C2); retried by the next run");
  /* kept for the next run */
  pending = relance_mail_store_list_pending (data->fx->db, &error);
  assert_non_null (pending);
  assert_int_equal (pending->len, 1);
  assert_int_equal (((RelanceMailRecord *) g_ptr_array_index (pending, 0))->id, mail_id);
}

static void
test_address_added_later_is_used_by_the_retry (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceActor) c2 = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  RelanceMailReport report;
  gint64 mail_id;

  configure (data, NULL, 587);
  mail_id = send (data, data->c2, 0, 0, NULL);
  c2 = relance_actor_store_find_by_id (data->fx->db, data->c2, &error);
  relance_actor_set_email (c2, "office@two.example");
  if (!relance_actor_store_update (data->fx->db, c2, &error))
    fail_msg ("update: %s", error->message);

  if (!relance_mail_dispatch_run (data->fx->db, data->day, NULL, NULL, NULL, &report, &error))
    fail_msg ("dispatch: %s", error->message);
  assert_int_equal (report.retried, 1);
  assert_int_equal (report.outbox, 1);
  record = find_mail (data, mail_id);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_OUTBOX);
  assert_string_equal (record->recipients[0], "office@two.example");
}

static void
test_dispatch_sends_the_emails_of_the_run_once (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) attachment = NULL;
  g_autoptr(GError) error = NULL;
  RelanceMailReport report;
  gint64 action_id, manual_id;

  start_sink (data, 0);
  configure (data, "127.0.0.1", data->port);
  action_id = add_email_action (data, data->c1, TRUE);
  /* an email done by hand is not the run's to send */
  manual_id = add_email_action (data, data->c2, FALSE);

  if (!relance_mail_dispatch_run (data->fx->db, data->day, NULL, NULL, NULL, &report, &error))
    fail_msg ("dispatch: %s", error->message);
  assert_int_equal (report.sent, 1);
  assert_int_equal (report.retried, 0);
  record = relance_mail_store_find_by_action (data->fx->db, action_id, &error);
  assert_non_null (record);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_SENT);
  assert_null (relance_mail_store_find_by_action (data->fx->db, manual_id, &error));
  assert_null (error);

  /* the reminder email carries the letter made for the action */
  documents = relance_document_store_list_for_action (data->fx->db, action_id, &error);
  assert_non_null (documents);
  assert_int_equal (documents->len, 1);
  assert_string_equal (((RelanceDocumentInfo *) g_ptr_array_index (documents, 0))->kind,
                       "letter");
  assert_int_equal (record->document_id,
                    ((RelanceDocumentInfo *) g_ptr_array_index (documents, 0))->id);
  pdf = relance_document_store_get_content (data->fx->db, record->document_id, &error);
  attachment = sink_bytes (data, 1, ".att-0");
  assert_true (g_bytes_equal (attachment, pdf));

  /* twice the same day: nothing more */
  if (!relance_mail_dispatch_run (data->fx->db, data->day, NULL, NULL, NULL, &report, &error))
    fail_msg ("dispatch: %s", error->message);
  assert_int_equal (report.sent + report.retried + report.failed + report.outbox, 0);
  assert_false (sink_has (data, 2));
}

static void
test_password_without_keyring_is_refused (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = relance_mail_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autofree char *password = NULL;

  (void) data;
  settings->host = g_strdup ("smtp.example.fr");
  settings->port = 587;
  settings->user = g_strdup ("relance");
  settings->from_address = g_strdup ("relance@example.fr");

  /* the tests run in a D-Bus session without a Secret Service; a
   * desktop with a keyring cannot check the refusal */
  if (relance_mail_password_store (settings, "secret", NULL, &store_error))
    {
      relance_mail_password_clear (settings, NULL, NULL);
      skip ();
    }
  assert_true (g_error_matches (store_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_KEYRING));
  assert_non_null (strstr (store_error->message, "cannot be kept"));
  assert_non_null (strstr (store_error->message, "never writes it in the database"));

  password = relance_mail_password_lookup (settings, NULL, &error);
  assert_null (password);
  assert_true (g_error_matches (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_KEYRING));
  assert_non_null (strstr (error->message, "keyring"));
}

static void
test_settings_round_trip_and_checks (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = relance_mail_settings_new ();
  g_autoptr(RelanceMailSettings) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) remote_error = NULL;
  g_autoptr(GError) port_error = NULL;
  g_autoptr(GError) from_error = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *expected_outbox = g_build_filename (data->fx->dir, "outbox", NULL);

  loaded = relance_mail_settings_load (data->fx->db, &error);
  assert_non_null (loaded);
  assert_false (relance_mail_settings_is_configured (loaded));
  assert_int_equal (loaded->port, 587);
  assert_int_equal (loaded->security, RELANCE_MAIL_SECURITY_STARTTLS);
  outbox = relance_mail_settings_default_outbox (data->fx->db);
  assert_string_equal (outbox, expected_outbox);
  g_clear_pointer (&loaded, relance_mail_settings_free);

  settings->host = g_strdup ("smtp.example.fr");
  settings->port = 465;
  settings->security = RELANCE_MAIL_SECURITY_TLS;
  settings->user = g_strdup ("relance");
  settings->from_address = g_strdup ("relance@example.fr");
  settings->reply_to = g_strdup ("recouvrement@example.fr");
  if (!relance_mail_settings_save (data->fx->db, settings, &error))
    fail_msg ("save: %s", error->message);
  loaded = relance_mail_settings_load (data->fx->db, &error);
  assert_string_equal (loaded->host, "smtp.example.fr");
  assert_int_equal (loaded->port, 465);
  assert_int_equal (loaded->security, RELANCE_MAIL_SECURITY_TLS);
  assert_string_equal (loaded->user, "relance");
  assert_string_equal (loaded->reply_to, "recouvrement@example.fr");
  assert_null (loaded->from_name);

  /* plain text only to this machine */
  settings->security = RELANCE_MAIL_SECURITY_NONE;
  assert_false (relance_mail_settings_save (data->fx->db, settings, &remote_error));
  assert_true (g_error_matches (remote_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS));
  assert_non_null (strstr (remote_error->message, "smtp.example.fr"));
  settings->security = RELANCE_MAIL_SECURITY_STARTTLS;
  settings->port = 0;
  assert_false (relance_mail_settings_save (data->fx->db, settings, &port_error));
  assert_true (g_error_matches (port_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS));
  settings->port = 587;
  g_free (settings->from_address);
  settings->from_address = g_strdup ("relance at example");
  assert_false (relance_mail_settings_save (data->fx->db, settings, &from_error));
  assert_true (g_error_matches (from_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS));
}

static void
test_send_test_reports_the_server_error (void **state)
{
  Data *data = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) down_error = NULL;
  g_autofree char *envelope = NULL;
  g_autofree char *subject = NULL;
  guint port;

  start_sink (data, 0);
  configure (data, "127.0.0.1", data->port);
  if (!relance_mail_send_test (data->fx->db, "me@example.fr", &error))
    fail_msg ("test message: %s", error->message);
  envelope = sink_file (data, 1, ".env");
  assert_string_equal (envelope, "relance@example.fr\nme@example.fr\n");
  subject = sink_file (data, 1, ".subject");
  assert_string_equal (subject, "Relance test message");

  port = data->port;
  stop_sink (data);
  configure (data, "127.0.0.1", port);
  assert_false (relance_mail_send_test (data->fx->db, "me@example.fr", &down_error));
  assert_true (g_error_matches (down_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND));
}

static void
test_starttls_with_the_company_authority_delivers (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(RelanceMailSettings) loaded = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *envelope = NULL;
  gint64 document_id, mail_id;

  start_sink_with (data, 0, "--starttls", certificates.cert, certificates.key, NULL);
  /* the whole way: stored settings, loaded again by the send */
  settings = server_settings (data, "localhost", RELANCE_MAIL_SECURITY_STARTTLS, TRUE, NULL);
  if (!relance_mail_settings_save (data->fx->db, settings, &error))
    fail_msg ("mail settings: %s", error->message);
  loaded = relance_mail_settings_load (data->fx->db, &error);
  assert_non_null (loaded);
  assert_string_equal (loaded->ca_file, certificates.ca);

  document_id = make_statement (data, &pdf);
  mail_id = send (data, data->c1, 0, document_id, NULL);
  record = find_mail (data, mail_id);
  assert_int_equal (record->status, RELANCE_MAIL_STATUS_SENT);
  assert_null (record->last_error);
  envelope = sink_file (data, 1, ".env");
  assert_string_equal (envelope, "relance@example.fr\nclaire.martin@dupont.fr\n");
  /* intact: the PDF went through TLS and MIME byte for byte */
  attachment = sink_bytes (data, 1, ".att-0");
  assert_true (g_bytes_equal (attachment, pdf));
}

static void
test_tls_from_the_first_byte_delivers_the_bytes (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GBytes) sent = raw_message ();
  g_autoptr(GBytes) received = NULL;
  g_autoptr(GError) error = NULL;

  start_sink_with (data, 0, "--tls", certificates.cert, certificates.key, NULL);
  settings = server_settings (data, "127.0.0.1", RELANCE_MAIL_SECURITY_TLS, TRUE, NULL);
  if (!send_raw (settings, NULL, &error))
    fail_msg ("smtps: %s", error->message);
  /* the dot-stuffed line comes back as it was written */
  received = sink_bytes (data, 1, ".eml");
  assert_true (g_bytes_equal (received, sent));
}

static void
test_login_with_the_right_password_delivers (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GBytes) sent = raw_message ();
  g_autoptr(GBytes) received = NULL;
  g_autoptr(GError) error = NULL;

  start_sink_with (data, 0, "--starttls", certificates.cert, certificates.key,
                   "--auth", SMTP_USER, SMTP_PASSWORD, NULL);
  settings = server_settings (data, "127.0.0.1", RELANCE_MAIL_SECURITY_STARTTLS, TRUE,
                              SMTP_USER);
  if (!send_raw (settings, SMTP_PASSWORD, &error))
    fail_msg ("login: %s", error->message);
  received = sink_bytes (data, 1, ".eml");
  assert_true (g_bytes_equal (received, sent));
}

static void
test_wrong_password_is_refused_naming_the_server (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  start_sink_with (data, 0, "--starttls", certificates.cert, certificates.key,
                   "--auth", SMTP_USER, SMTP_PASSWORD, NULL);
  settings = server_settings (data, "127.0.0.1", RELANCE_MAIL_SECURITY_STARTTLS, TRUE,
                              SMTP_USER);
  assert_false (send_raw (settings, "wrong", &error));
  assert_true (g_error_matches (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND));
  assert_true (g_str_has_prefix (error->message, "The mail server 127.0.0.1 (port "));
  assert_non_null (strstr (error->message, "refused the login “relance” and its password"));
  /* aiosmtpd's answer, quoted */
  assert_non_null (strstr (error->message, "535"));
  assert_false (sink_has (data, 1));
}

static void
test_unknown_authority_is_refused (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) starttls_error = NULL;
  g_autoptr(GError) tls_error = NULL;

  /* verification is on: the system does not know « Relance test CA » */
  start_sink_with (data, 0, "--starttls", certificates.cert, certificates.key, NULL);
  settings = server_settings (data, "127.0.0.1", RELANCE_MAIL_SECURITY_STARTTLS, FALSE, NULL);
  assert_false (send_raw (settings, NULL, &starttls_error));
  assert_true (g_error_matches (starttls_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND));
  assert_true (g_str_has_prefix (starttls_error->message,
                                 "The certificate of the mail server 127.0.0.1 (port "));
  assert_non_null (strstr (starttls_error->message, "could not be verified"));
  assert_non_null (strstr (starttls_error->message, "certificate authority"));
  assert_false (sink_has (data, 1));
  stop_sink (data);
  g_clear_pointer (&settings, relance_mail_settings_free);

  start_sink_with (data, 0, "--tls", certificates.cert, certificates.key, NULL);
  settings = server_settings (data, "localhost", RELANCE_MAIL_SECURITY_TLS, FALSE, NULL);
  assert_false (send_raw (settings, NULL, &tls_error));
  assert_true (g_str_has_prefix (tls_error->message,
                                 "The certificate of the mail server localhost (port "));
  assert_false (sink_has (data, 1));
}

static void
test_plain_text_to_a_starttls_server_is_refused (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) remote = NULL;
  g_autoptr(RelanceMailSettings) local = NULL;
  g_autoptr(GError) settings_error = NULL;
  g_autoptr(GError) server_error = NULL;

  start_sink_with (data, 0, "--starttls", certificates.cert, certificates.key, NULL);

  /* across the network: our settings refuse before connecting */
  remote = server_settings (data, "smtp.example.fr", RELANCE_MAIL_SECURITY_NONE, FALSE, NULL);
  assert_false (send_raw (remote, NULL, &settings_error));
  assert_true (g_error_matches (settings_error, RELANCE_MAIL_ERROR,
                                RELANCE_MAIL_ERROR_SETTINGS));
  assert_non_null (strstr (settings_error->message, "“smtp.example.fr”"));

  /* on this machine plain text is allowed, and the server says no */
  local = server_settings (data, "127.0.0.1", RELANCE_MAIL_SECURITY_NONE, FALSE, NULL);
  assert_false (send_raw (local, NULL, &server_error));
  assert_true (g_error_matches (server_error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND));
  assert_true (g_str_has_prefix (server_error->message, "The mail server 127.0.0.1 (port "));
  assert_non_null (strstr (server_error->message, "requires an encrypted connection"));
  assert_non_null (strstr (server_error->message,
                           "“530 Must issue a STARTTLS command first”"));
  assert_non_null (strstr (server_error->message, "choose STARTTLS or TLS"));
  assert_false (sink_has (data, 1));
}

static void
test_ca_file_is_checked_and_kept (void **state)
{
  Data *data = *state;
  g_autoptr(RelanceMailSettings) settings = relance_mail_settings_new ();
  g_autoptr(RelanceMailSettings) loaded = NULL;
  g_autoptr(RelanceMailSettings) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) relative_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(GError) folder_error = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autofree char *missing = g_build_filename (certificates.dir, "nothing.pem", NULL);

  settings->host = g_strdup ("smtp.example.fr");
  settings->from_address = g_strdup ("relance@example.fr");

  settings->ca_file = g_strdup ("ca.pem");
  assert_false (relance_mail_settings_save (data->fx->db, settings, &relative_error));
  assert_true (g_error_matches (relative_error, RELANCE_MAIL_ERROR,
                                RELANCE_MAIL_ERROR_SETTINGS));
  assert_non_null (strstr (relative_error->message, "not a full path"));

  g_free (settings->ca_file);
  settings->ca_file = g_strdup (missing);
  assert_false (relance_mail_settings_save (data->fx->db, settings, &missing_error));
  assert_non_null (strstr (missing_error->message, missing));
  assert_non_null (strstr (missing_error->message, "does not exist"));

  g_free (settings->ca_file);
  settings->ca_file = g_strdup (certificates.dir);
  assert_false (relance_mail_settings_validate (settings, &folder_error));
  assert_true (g_error_matches (folder_error, RELANCE_MAIL_ERROR,
                                RELANCE_MAIL_ERROR_SETTINGS));

  /* a private key is not a certificate */
  g_free (settings->ca_file);
  settings->ca_file = g_strdup (certificates.key);
  assert_false (relance_mail_settings_validate (settings, &key_error));
  assert_non_null (strstr (key_error->message, "no certificate in PEM form"));

  g_free (settings->ca_file);
  settings->ca_file = g_strdup (certificates.ca);
  if (!relance_mail_settings_save (data->fx->db, settings, &error))
    fail_msg ("save: %s", error->message);
  loaded = relance_mail_settings_load (data->fx->db, &error);
  assert_non_null (loaded);
  assert_string_equal (loaded->ca_file, certificates.ca);

  /* back to the system's authorities only */
  g_clear_pointer (&settings->ca_file, g_free);
  if (!relance_mail_settings_save (data->fx->db, settings, &error))
    fail_msg ("save: %s", error->message);
  cleared = relance_mail_settings_load (data->fx->db, &error);
  assert_null (cleared->ca_file);
}

static gboolean
have_aiosmtpd (void)
{
  int status = -1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  if (!g_spawn_sync (NULL, (char *[]) { (char *) PYTHON, (char *) "-c",
                                        (char *) "import aiosmtpd.controller", NULL },
                     NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_dunning_email_reaches_the_server, setup, teardown),
    cmocka_unit_test_setup_teardown (test_explicit_recipients_replace_the_contact, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_server_puts_the_message_in_the_outbox, setup, teardown),
    cmocka_unit_test_setup_teardown (test_server_down_fails_then_next_run_sends, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_address_is_failed_not_dropped, setup, teardown),
    cmocka_unit_test_setup_teardown (test_address_added_later_is_used_by_the_retry, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dispatch_sends_the_emails_of_the_run_once, setup, teardown),
    cmocka_unit_test_setup_teardown (test_password_without_keyring_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_settings_round_trip_and_checks, setup, teardown),
    cmocka_unit_test_setup_teardown (test_send_test_reports_the_server_error, setup, teardown),
    cmocka_unit_test_setup_teardown (test_starttls_with_the_company_authority_delivers, setup,
                                     teardown),
    cmocka_unit_test_setup_teardown (test_tls_from_the_first_byte_delivers_the_bytes, setup,
                                     teardown),
    cmocka_unit_test_setup_teardown (test_login_with_the_right_password_delivers, setup,
                                     teardown),
    cmocka_unit_test_setup_teardown (test_wrong_password_is_refused_naming_the_server, setup,
                                     teardown),
    cmocka_unit_test_setup_teardown (test_unknown_authority_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_plain_text_to_a_starttls_server_is_refused, setup,
                                     teardown),
    cmocka_unit_test_setup_teardown (test_ca_file_is_checked_and_kept, setup, teardown),
  };
  g_autofree char *openssl = NULL;

  /* meson's code for a skipped test */
  if (!have_aiosmtpd ())
    {
      g_printerr ("skipped: %s with aiosmtpd (python3-aiosmtpd) is needed\n", PYTHON);
      return 77;
    }
  openssl = g_find_program_in_path (OPENSSL);
  if (openssl == NULL)
    {
      g_printerr ("skipped: the %s command is needed to make test certificates\n", OPENSSL);
      return 77;
    }
  return cmocka_run_group_tests (tests, make_certificates, remove_certificates);
}
