/* relance-cli-mail.c — relance-cli mail: the server, and the dunning emails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "relance-cli-private.h"
#include "relance-mail.h"

/* Helpers */

static void
add_settings_json (JsonBuilder               *builder,
                   RelanceDatabase           *db,
                   const RelanceMailSettings *settings)
{
  g_autofree char *outbox = relance_mail_settings_get_outbox (settings, db);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "configured");
  json_builder_add_boolean_value (builder, relance_mail_settings_is_configured (settings));
  relance_cli_json_add_string (builder, "host", settings->host);
  relance_cli_json_add_int (builder, "port", settings->port);
  relance_cli_json_add_string (builder, "security",
                               relance_mail_security_to_string (settings->security));
  relance_cli_json_add_string (builder, "user", settings->user);
  relance_cli_json_add_string (builder, "from", settings->from_address);
  relance_cli_json_add_string (builder, "from_name", settings->from_name);
  relance_cli_json_add_string (builder, "reply_to", settings->reply_to);
  relance_cli_json_add_string (builder, "outbox", outbox);
  relance_cli_json_add_string (builder, "ca_file", settings->ca_file);
  json_builder_end_object (builder);
}

static void
print_settings (RelanceCli                *cli,
                RelanceDatabase           *db,
                const RelanceMailSettings *settings)
{
  g_autofree char *outbox = relance_mail_settings_get_outbox (settings, db);
  g_autofree char *port = g_strdup_printf ("%u", settings->port);
  g_autoptr(RelanceCliTable) table = NULL;
  const char *rows[][2] = {
    { N_("Server"), settings->host },
    { N_("Port"), port },
    { N_("Security"), relance_mail_security_to_string (settings->security) },
    { N_("Login"), settings->user },
    { N_("From"), settings->from_address },
    { N_("From name"), settings->from_name },
    { N_("Reply to"), settings->reply_to },
    { N_("Outbox"), outbox },
    { N_("Certificate authorities"), settings->ca_file },
  };

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_settings_json (builder, db, settings);
      relance_cli_print_json (builder);
      return;
    }

  table = relance_cli_table_new (2);
  relance_cli_table_set_column (table, 0, _("Setting"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 1, _("Value"), RELANCE_CLI_ALIGN_LEFT, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      relance_cli_table_add_row (table);
      relance_cli_table_set (table, 0, _(rows[i][0]));
      relance_cli_table_set (table, 1, rows[i][1] ? rows[i][1] : "");
    }
  relance_cli_table_print (table, stdout);
  if (!relance_mail_settings_is_configured (settings))
    {
      g_print (_("No server is set: emails are written as .eml files to %s"), outbox);
      g_print ("\n");
    }
}

static RelanceMailSettings *
load_settings (RelanceCli       *cli,
               RelanceDatabase **db,
               GError          **error)
{
  *db = relance_cli_open_database (cli, TRUE, error);
  if (*db == NULL)
    return NULL;
  return relance_mail_settings_load (*db, error);
}

/* One line of the standard input without its line end; with echo off
 * when it is a terminal, as a password must not show */
static char *
read_password (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  int c;

  if (terminal)
    {
      g_printerr ("%s", _("Password: "));
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
add_record_json (JsonBuilder             *builder,
                 const RelanceMailRecord *record,
                 const char              *customer)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", record->id);
  relance_cli_json_add_string (builder, "customer", customer);
  relance_cli_json_add_string (builder, "status", relance_mail_status_to_string (record->status));
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; record->recipients != NULL && record->recipients[i] != NULL; i++)
    json_builder_add_string_value (builder, record->recipients[i]);
  json_builder_end_array (builder);
  relance_cli_json_add_string (builder, "subject", record->subject);
  json_builder_set_member_name (builder, "document_id");
  if (record->document_id != 0)
    json_builder_add_int_value (builder, record->document_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "action_id");
  if (record->action_id != 0)
    json_builder_add_int_value (builder, record->action_id);
  else
    json_builder_add_null_value (builder);
  relance_cli_json_add_int (builder, "attempts", record->attempts);
  relance_cli_json_add_string (builder, "error", record->last_error);
  relance_cli_json_add_string (builder, "outbox_path", record->outbox_path);
  relance_cli_json_add_string (builder, "message_id", record->message_id);
  relance_cli_json_add_string (builder, "created_at", record->created_at);
  relance_cli_json_add_string (builder, "created_by", record->created_by);
  relance_cli_json_add_string (builder, "sent_at", record->sent_at);
  json_builder_end_object (builder);
}

/* mail show */

static int
mail_show (RelanceCli  *cli,
           int          argc,
           char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "mail show",
                                            _("Show how dunning emails leave: the SMTP server, "
                                              "the sender, the outbox."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  settings = load_settings (cli, &db, &error);
  if (settings == NULL)
    return relance_cli_fail_error (error);
  print_settings (cli, db, settings);
  return RELANCE_CLI_EXIT_OK;
}

/* mail set */

static void
replace (char       **field,
         const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  /* An empty value clears the setting */
  *field = *value != '\0' ? g_strdup (value) : NULL;
}

static int
mail_set (RelanceCli  *cli,
          int          argc,
          char       **argv)
{
  g_autofree char *host = NULL;
  int port = 0;
  g_autofree char *security = NULL;
  g_autofree char *user = NULL;
  g_autofree char *from = NULL;
  g_autofree char *from_name = NULL;
  g_autofree char *reply_to = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *ca_file = NULL;
  const GOptionEntry entries[] = {
    { "host", 0, 0, G_OPTION_ARG_STRING, &host,
      N_("The SMTP server (empty: none, emails go to the outbox)"), N_("HOST") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("The server’s port (587, 465…)"), N_("PORT") },
    { "security", 0, 0, G_OPTION_ARG_STRING, &security,
      N_("starttls, tls or none (none: a server on this machine only)"), N_("SECURITY") },
    { "smtp-user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("--user: the login on the server (empty: none); the password goes with “mail "
         "password”"),
      N_("LOGIN") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The sender’s address"), N_("ADDRESS") },
    { "from-name", 0, 0, G_OPTION_ARG_STRING, &from_name, N_("The sender’s name"),
      N_("NAME") },
    { "reply-to", 0, 0, G_OPTION_ARG_STRING, &reply_to,
      N_("Where the customers’ answers go"), N_("ADDRESS") },
    { "outbox", 0, 0, G_OPTION_ARG_FILENAME, &outbox,
      N_("The folder of the .eml files when no server is set"), N_("DIR") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("A PEM file of certificate authorities to trust besides the system’s (a "
         "company’s own authority; empty: the system’s only)"),
      N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  RelanceMailSecurity mail_security = RELANCE_MAIL_SECURITY_STARTTLS;
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_free);
  int status;

  /* --user here is the SMTP login, read as --smtp-user: who acts is said
   * before the command (relance-cli --user LOGIN mail set …) */
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;
      if (g_strcmp0 (argv[i], "--user") == 0 || g_str_has_prefix (argv[i], "--user="))
        {
          /* GOption takes the strings out of argv without freeing them */
          argv[i] = g_strconcat ("--smtp-", argv[i] + 2, NULL);
          g_ptr_array_add (renamed, argv[i]);
        }
    }
  context = relance_cli_option_context_new (cli, "mail set",
                                            _("Set the SMTP server and the sender of dunning "
                                              "emails. An empty value clears a setting. The "
                                              "password is kept in the keyring: “mail "
                                              "password”."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (security != NULL && !relance_mail_security_from_string (security, &mail_security))
    return relance_cli_usage_error (context, _("Unknown security “%s”: use starttls, tls or "
                                               "none"),
                                    security);
  if (port < 0 || port > 65535)
    return relance_cli_usage_error (context, "%s", _("--port is between 1 and 65535"));
  if (host == NULL && port == 0 && security == NULL && user == NULL && from == NULL &&
      from_name == NULL && reply_to == NULL && outbox == NULL && ca_file == NULL)
    return relance_cli_usage_error (context, "%s", _("Nothing to change: give at least one "
                                                     "option"));

  settings = load_settings (cli, &db, &error);
  if (settings == NULL)
    return relance_cli_fail_error (error);
  replace (&settings->host, host);
  replace (&settings->user, user);
  replace (&settings->from_address, from);
  replace (&settings->from_name, from_name);
  replace (&settings->reply_to, reply_to);
  replace (&settings->outbox_dir, outbox);
  if (ca_file != NULL && ca_file[0] != '\0')
    {
      /* kept absolute: the daily run reads it from any folder */
      g_autofree char *path = g_canonicalize_filename (ca_file, NULL);

      replace (&settings->ca_file, path);
    }
  else
    replace (&settings->ca_file, ca_file);
  if (port != 0)
    settings->port = (guint) port;
  if (security != NULL)
    {
      settings->security = mail_security;
      /* The usual port of the protocol, unless one was given */
      if (port == 0 && mail_security == RELANCE_MAIL_SECURITY_TLS && settings->port == 587)
        settings->port = 465;
      else if (port == 0 && mail_security == RELANCE_MAIL_SECURITY_STARTTLS &&
               settings->port == 465)
        settings->port = 587;
    }

  if (!relance_mail_settings_save (db, settings, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    print_settings (cli, db, settings);
  else
    g_print ("%s\n", _("Mail settings written"));
  return RELANCE_CLI_EXIT_OK;
}

/* mail password */

static int
mail_password (RelanceCli  *cli,
               int          argc,
               char       **argv)
{
  gboolean clear = FALSE;
  const GOptionEntry entries[] = {
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Forget the password kept"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "mail password",
                                            _("Keep the SMTP password in the keyring, read from "
                                              "the standard input (one line). It is never "
                                              "written in the database."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc > 1)
    return relance_cli_usage_error (context, _("Unexpected argument “%s”: the password is "
                                               "read from the standard input"),
                                    argv[1]);

  settings = load_settings (cli, &db, &error);
  if (settings == NULL)
    return relance_cli_fail_error (error);
  if (!relance_mail_settings_is_configured (settings) || settings->user == NULL)
    return relance_cli_fail ("%s", _("Set the server and its login first: "
                                     "“relance-cli mail set --host HOST --user LOGIN”"));

  if (clear)
    {
      if (!relance_mail_password_clear (settings, NULL, &error))
        return relance_cli_fail_error (error);
      g_print (_("The password of %s on %s is forgotten"), settings->user, settings->host);
      g_print ("\n");
      return RELANCE_CLI_EXIT_OK;
    }

  password = read_password ();
  if (*password == '\0')
    return relance_cli_fail ("%s", _("No password on the standard input: "
                                     "echo PASSWORD | relance-cli mail password"));
  if (!relance_mail_password_store (settings, password, NULL, &error))
    {
      /* Not a word of the password in the message */
      memset (password, 0, strlen (password));
      return relance_cli_fail_error (error);
    }
  memset (password, 0, strlen (password));
  g_print (_("The password of %s on %s is kept in the keyring"), settings->user, settings->host);
  g_print ("\n");
  return RELANCE_CLI_EXIT_OK;
}

/* mail test */

static int
mail_test (RelanceCli  *cli,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "mail test ADDRESS",
                                            _("Send a short test message with the settings of "
                                              "“mail show”; the error says why it did not go."),
                                            NULL);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the address to send the test to"));

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (!relance_mail_send_test (db, argv[1], &error))
    return relance_cli_fail_error (error);
  g_print (_("Test message sent to %s"), argv[1]);
  g_print ("\n");
  return RELANCE_CLI_EXIT_OK;
}

/* mail send */

static int
mail_send (RelanceCli  *cli,
           int          argc,
           char       **argv)
{
  g_auto(GStrv) to = NULL;
  g_autofree char *template_code = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &to,
      N_("A recipient (repeat; default: the customer’s dunning contact)"), N_("ADDRESS") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_code,
      N_("The email’s template (default: email_statement for a statement, else "
         "email_reminder)"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  g_autoptr(RelanceMailRecord) record = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recipients = NULL;
  const char *code;
  gint64 mail_id = 0;
  int status;

  context = relance_cli_option_context_new (cli, "mail send DOCUMENT_ID",
                                            _("Email a stored document to its customer: to the "
                                              "server, or to the outbox when none is set."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  status = relance_cli_open_document (cli, context, argc, argv, &db, &info);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  code = template_code != NULL ? template_code
         : g_strcmp0 (info->kind, "statement") == 0 ? "email_statement"
         : "email_reminder";

  /* Sent by hand: no action of the scenario is said to be delivered */
  if (!relance_mail_send_document (db, info->actor_id, 0, info->id, code,
                                   (const char * const *) to, relance_cli_get_day (cli),
                                   &mail_id, &error))
    return relance_cli_fail_error (error);
  record = relance_mail_store_find (db, mail_id, &error);
  if (record == NULL)
    return error != NULL ? relance_cli_fail_error (error)
                         : relance_cli_fail (_("The message %" PRId64 " is not stored"), mail_id);
  actor = relance_actor_store_find_by_id (db, record->actor_id, NULL);
  recipients = relance_mail_record_join_recipients (record);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_record_json (builder, record, actor ? relance_actor_get_code (actor) : NULL);
      relance_cli_print_json (builder);
    }
  else if (record->status == RELANCE_MAIL_STATUS_SENT)
    {
      g_print (_("Message %" PRId64 " sent to %s: %s"), record->id, recipients, record->subject);
      g_print ("\n");
    }
  else if (record->status == RELANCE_MAIL_STATUS_OUTBOX)
    {
      g_print (_("No server is set: message %" PRId64 " for %s written to %s"), record->id,
               recipients, record->outbox_path);
      g_print ("\n");
    }
  if (record->status == RELANCE_MAIL_STATUS_FAILED || record->status == RELANCE_MAIL_STATUS_QUEUED)
    return relance_cli_fail (_("Message %" PRId64 " was not delivered: %s. It is kept and the "
                               "next “mail dispatch” or run tries again."),
                             record->id, record->last_error ? record->last_error : "?");
  return RELANCE_CLI_EXIT_OK;
}

/* mail list */

static int
mail_list (RelanceCli  *cli,
           int          argc,
           char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) codes = relance_cli_actor_codes_new ();
  int status;

  context = relance_cli_option_context_new (cli, "mail list [CUSTOMER]",
                                            _("List a customer’s emails, newest first; without "
                                              "a customer, the emails still to deliver."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 1);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (argc == 2)
    {
      actor = relance_cli_find_customer (db, argv[1], &error);
      if (actor == NULL)
        return relance_cli_fail_error (error);
      records = relance_mail_store_list_for_actor (db, relance_actor_get_id (actor), &error);
    }
  else
    records = relance_mail_store_list_pending (db, &error);
  if (records == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        {
          const RelanceMailRecord *record = g_ptr_array_index (records, i);

          add_record_json (builder, record,
                           relance_cli_actor_code (db, codes, record->actor_id));
        }
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
    }
  else if (records->len == 0)
    g_print ("%s\n", actor != NULL ? _("No email for this customer")
                                   : _("No email waiting to be delivered"));
  else
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (7);

      relance_cli_table_set_column (table, 0, _("Id"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 1, _("Created"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Customer"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 3, _("Status"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 4, _("Recipients"), RELANCE_CLI_ALIGN_LEFT, 32);
      relance_cli_table_set_column (table, 5, _("Subject"), RELANCE_CLI_ALIGN_LEFT, 40);
      relance_cli_table_set_column (table, 6, _("Error"), RELANCE_CLI_ALIGN_LEFT, 40);
      for (guint i = 0; i < records->len; i++)
        {
          const RelanceMailRecord *record = g_ptr_array_index (records, i);

          relance_cli_table_add_row (table);
          relance_cli_table_take (table, 0, g_strdup_printf ("%" PRId64, record->id));
          relance_cli_table_set (table, 1, record->created_at ? record->created_at : "");
          relance_cli_table_set (table, 2, relance_cli_actor_code (db, codes, record->actor_id));
          relance_cli_table_set (table, 3, relance_mail_status_to_string (record->status));
          relance_cli_table_take (table, 4, relance_mail_record_join_recipients (record));
          relance_cli_table_set (table, 5, record->subject);
          relance_cli_table_set (table, 6, record->last_error ? record->last_error : "");
        }
      relance_cli_table_print (table, stdout);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* mail dispatch */

static int
mail_dispatch (RelanceCli  *cli,
               int          argc,
               char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  RelanceMailReport report = { 0 };
  RelanceCliProgress progress;
  gboolean ok;
  int status;

  context = relance_cli_option_context_new (cli, "mail dispatch",
                                            _("Send what is pending: the emails of the daily "
                                              "run of the evaluation day not sent yet, and the "
                                              "failed ones again. Nothing is sent twice; exit "
                                              "status 1 when a message failed."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  relance_cli_progress_init (&progress);
  ok = relance_mail_dispatch_run (db, relance_cli_get_day (cli), relance_cli_progress_cb,
                                  &progress, NULL, &report, &error);
  relance_cli_progress_end (&progress);
  if (!ok)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_date (builder, "date", relance_cli_get_day (cli));
      relance_cli_json_add_int (builder, "mails_sent", report.sent);
      relance_cli_json_add_int (builder, "mails_outbox", report.outbox);
      relance_cli_json_add_int (builder, "mails_failed", report.failed);
      relance_cli_json_add_int (builder, "mails_retried", report.retried);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_print (_("Emails: %u sent, %u written to the outbox, %u failed (%u of them tried "
                 "again)"),
               report.sent, report.outbox, report.failed, report.retried);
      g_print ("\n");
    }
  return report.failed == 0 ? RELANCE_CLI_EXIT_OK : RELANCE_CLI_EXIT_FAILURE;
}

/* Public */

int
relance_cli_mail (RelanceCli  *cli,
                  int          argc,
                  char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "show", mail_show },
    { "set", mail_set },
    { "password", mail_password },
    { "test", mail_test },
    { "send", mail_send },
    { "list", mail_list },
    { "dispatch", mail_dispatch },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n"
               "  relance-cli mail show [--json]\n"
               "  relance-cli mail set [--host H] [--port P] [--security starttls|tls|none]\n"
               "                       [--user U] [--from ADDRESS] [--from-name NAME]\n"
               "                       [--reply-to ADDRESS] [--outbox DIR] [--json]\n"
               "  relance-cli mail password [--clear]      (the password on stdin)\n"
               "  relance-cli mail test ADDRESS\n"
               "  relance-cli mail send DOCUMENT_ID [--to ADDRESS]… [--template CODE] [--json]\n"
               "  relance-cli mail list [CUSTOMER] [--json]\n"
               "  relance-cli mail dispatch [--json]\n",
               _("Usage:"));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown mail command: use show, set, password, test, "
                                         "send, list or dispatch"),
                                       _("mail needs a command: show, set, password, test, send, "
                                         "list or dispatch"),
                                       _("Run “relance-cli mail --help” for the usage."));
}
