/* relance-cli.c — the command line: global options and dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "relance-cli-private.h"

typedef struct
{
  const char            *name;
  RelanceCliCommandFunc  func;
  const char            *summary;
} RelanceCliCommand;

static const RelanceCliCommand commands[] = {
  { "init", relance_cli_init, N_("Create the database, or bring its schema up to date") },
  { "demo", relance_cli_demo, N_("Fill an empty database with a demo portfolio") },
  { "import", relance_cli_import, N_("Import customers, invoices or payments from a CSV file") },
  { "customer", relance_cli_customer, N_("List the customers, or show one customer’s card") },
  { "aged-balance", relance_cli_aged_balance, N_("Print the aged balance") },
  { "dso", relance_cli_dso, N_("Print the days sales outstanding (DSO)") },
  { "dispute", relance_cli_dispute, N_("Open, resolve or list disputes (litiges)") },
  { "promise", relance_cli_promise, N_("Record, list or check promises to pay and arrangements") },
  { "note", relance_cli_note, N_("Write a note on a customer") },
  { "timeline", relance_cli_timeline, N_("Show everything that happened with a customer") },
  { "interest", relance_cli_interest, N_("Show the late interest and indemnities a customer owes") },
  { "rate", relance_cli_rate, N_("List or add the reference rates of late interest") },
  { "run", relance_cli_run, N_("Run the collections of the day: cases, actions, fees") },
  { "agenda", relance_cli_agenda, N_("Show the actions due for a user, by priority") },
  { "scenario", relance_cli_scenario, N_("List the dunning scenarios, or show one") },
  { "action", relance_cli_action, N_("Show an action, or record that it was performed") },
  { "user", relance_cli_user, N_("List or add the users (agents, managers)") },
  { "notifications", relance_cli_notifications, N_("Show the unread notifications of a user") },
  { "document", relance_cli_document, N_("Make a letter, formal notice or statement as PDF; list, export") },
  { "template", relance_cli_template, N_("List, show, change or check the templates of letters and emails") },
  { "company", relance_cli_company, N_("Show or set the creditor that letters are signed with") },
  { "mail", relance_cli_mail, N_("Set the mail server; send, list and dispatch dunning emails") },
};

/* Helpers */

static gboolean
db_option_cb (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  RelanceCli *cli = data;

  if (value == NULL || *value == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--db needs the path of a database file"));
      return FALSE;
    }
  g_free (cli->db_path);
  cli->db_path = g_strdup (value);
  return TRUE;
}

static gboolean
user_option_cb (const char  *option_name,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  RelanceCli *cli = data;

  if (!relance_user_login_is_valid (value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid login “%s” for --user: use lower-case letters, digits, dots, "
                     "dashes or underscores"),
                   value ? value : "");
      return FALSE;
    }
  g_free (cli->user);
  cli->user = g_strdup (value);
  return TRUE;
}

static gboolean
date_option_cb (const char  *option_name,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  RelanceCli *cli = data;
  g_autoptr(GError) local_error = NULL;
  RelanceDate day = RELANCE_DATE_NONE;
  int y, m, d;
  char tail;

  /* The contract says YYYY-MM-DD: the French form that relance_date_parse
   * also reads would make scripts ambiguous. */
  if (value == NULL || strlen (value) != 10 ||
      sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !relance_date_parse (value, &day, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid date “%s” for --date: expected a calendar day as YYYY-MM-DD"),
                   value ? value : "");
      return FALSE;
    }
  cli->day = day;
  return TRUE;
}

static char *
dup_commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_string_append_printf (text, "  %s", commands[i].name);
      for (gsize k = strlen (commands[i].name); k < 16; k++)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s\n", _(commands[i].summary));
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “relance-cli COMMAND --help” for the options of a command.\n"
                           "The database is --db FILE, else $RELANCE_DB, else\n"
                           "$XDG_DATA_HOME/relance/relance.db. The evaluation day is\n"
                           "--date YYYY-MM-DD, else today.\n\n"
                           "Exit status: 0 success, 1 the operation failed, 2 usage error."));
  return g_string_free (text, FALSE);
}

/* The output is UTF-8 whatever the locale: JSON must be (RFC 8259), and
 * names converted to an ASCII locale would come out as "Soci?t?", which a
 * script cannot match. g_print would convert to the console charset. */
static void
print_utf8_cb (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static void
printerr_utf8_cb (const char *text)
{
  fputs (text, stderr);
  fflush (stderr);
}

static const RelanceCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Shared API */

/**
 * relance_cli_option_context_new:
 * @cli: the context
 * @parameter_string: what follows the options in the usage line
 * @summary: (nullable): a translated summary
 * @entries: (nullable): the command's own options, %NULL-terminated
 *
 * Returns: an option context that reads the command's options and the
 *   global ones (--db, --date) wherever they appear
 */
GOptionContext *
relance_cli_option_context_new (RelanceCli         *cli,
                                const char         *parameter_string,
                                const char         *summary,
                                const GOptionEntry *entries)
{
  const GOptionEntry global_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) db_option_cb,
      N_("The database file (default: $RELANCE_DB, else $XDG_DATA_HOME/relance/relance.db)"),
      N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) date_option_cb,
      N_("The evaluation day (default: today)"), N_("YYYY-MM-DD") },
    { "user", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) user_option_cb,
      N_("Who acts, as the audit trail records it (default: the system login)"), N_("LOGIN") },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context;
  GOptionGroup *group;

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);

  /* A main group of our own, so that the callbacks get @cli */
  group = g_option_group_new (NULL, NULL, NULL, cli, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  g_option_group_add_entries (group, global_entries);
  g_option_context_set_main_group (context, group);

  return context;
}

/**
 * relance_cli_parse_options:
 *
 * Returns: %RELANCE_CLI_EXIT_OK, or %RELANCE_CLI_EXIT_USAGE after saying
 *   what is wrong on stderr
 */
int
relance_cli_parse_options (RelanceCli     *cli,
                           GOptionContext *context,
                           int            *argc,
                           char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return relance_cli_usage_error (context, "%s", error->message);
  return RELANCE_CLI_EXIT_OK;
}

RelanceDate
relance_cli_get_day (RelanceCli *cli)
{
  if (cli->day == RELANCE_DATE_NONE)
    cli->day = relance_date_today ();
  return cli->day;
}

/* --user, else $USER, else the login of the system account */
const char *
relance_cli_get_user (RelanceCli *cli)
{
  const char *env = g_getenv ("USER");

  if (cli->user != NULL)
    return cli->user;
  if (env != NULL && *env != '\0')
    return env;
  return g_get_user_name ();
}

int
relance_cli_usage_error (GOptionContext *context,
                         const char     *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("relance-cli: %s\n", message);
  g_printerr ("%s\n", _("Run “relance-cli --help” or “relance-cli COMMAND --help” for the usage."));
  return RELANCE_CLI_EXIT_USAGE;
}

int
relance_cli_fail (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("relance-cli: %s\n", message);
  return RELANCE_CLI_EXIT_FAILURE;
}

int
relance_cli_fail_error (const GError *error)
{
  return relance_cli_fail ("%s", error ? error->message : _("Unknown error"));
}

/**
 * relance_cli_dup_db_path:
 *
 * --db, else $RELANCE_DB, else $XDG_DATA_HOME/relance/relance.db (whose
 * directory is created, as the user did not choose it).
 *
 * Returns: (transfer full): the path, or %NULL with @error set
 */
char *
relance_cli_dup_db_path (RelanceCli  *cli,
                         GError     **error)
{
  const char *env = g_getenv ("RELANCE_DB");
  g_autofree char *dir = NULL;

  if (cli->db_path != NULL)
    return g_strdup (cli->db_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  dir = g_build_filename (g_get_user_data_dir (), "relance", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  return g_build_filename (dir, "relance.db", NULL);
}

/**
 * relance_cli_open_database:
 * @must_exist: refuse a file that does not exist rather than create an
 *   empty database (the commands that only read)
 */
RelanceDatabase *
relance_cli_open_database (RelanceCli  *cli,
                           gboolean     must_exist,
                           GError     **error)
{
  g_autofree char *path = relance_cli_dup_db_path (cli, error);
  RelanceDatabase *db;

  if (path == NULL)
    return NULL;
  if (must_exist && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at %s: create one with “relance-cli init”, "
                     "“relance-cli demo” or “relance-cli import”, or choose another with --db"),
                   path);
      return NULL;
    }
  db = relance_database_open (path, error);
  /* Who the audit trail names, and who performs actions */
  if (db != NULL)
    relance_database_set_user (db, relance_cli_get_user (cli));
  return db;
}

/**
 * relance_cli_find_customer:
 *
 * Returns: (transfer full): the customer, or %NULL with @error set (also
 *   when there is none with that code)
 */
RelanceActor *
relance_cli_find_customer (RelanceDatabase  *db,
                           const char       *code,
                           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  RelanceActor *actor = relance_actor_store_find_by_code (db, code, &local_error);

  if (actor != NULL)
    return actor;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                 _("No customer with code “%s”"), code);
  return NULL;
}

void
relance_cli_progress_init (RelanceCliProgress *progress)
{
  progress->enabled = isatty (STDERR_FILENO);
  progress->last_percent = -1;
  progress->printed = FALSE;
}

/* A RelanceProgressFunc: one line rewritten in place, "Generating… 42 %" */
void
relance_cli_progress_cb (double      fraction,
                         const char *what,
                         gpointer    data)
{
  RelanceCliProgress *progress = data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);

  if (!progress->enabled || percent == progress->last_percent)
    return;
  progress->last_percent = percent;
  progress->printed = TRUE;
  /* \033[K clears what a longer phrase left on the line */
  g_printerr ("\r%s %3d %%\033[K", what ? what : _("Working…"), percent);
}

void
relance_cli_progress_end (RelanceCliProgress *progress)
{
  if (progress->enabled && progress->printed)
    g_printerr ("\n");
  progress->printed = FALSE;
}

int
main (int    argc,
      char **argv)
{
  RelanceCli cli = { 0 };
  gboolean show_version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
      N_("Print the version and exit"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli.json,
      N_("Print JSON instead of text (the commands that report figures)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  const RelanceCliCommand *command;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("relance-cli");
  g_set_print_handler (print_utf8_cb);
  g_set_printerr_handler (printerr_utf8_cb);

  cli.language = relance_money_current_language ();

  context = relance_cli_option_context_new (&cli, _("COMMAND [ARGUMENTS…]"),
                                            _("Credit management from the command line."),
                                            entries);
  /* Stop at the command: what follows belongs to it */
  g_option_context_set_strict_posix (context, TRUE);
  description = dup_commands_description ();
  g_option_context_set_description (context, description);

  status = relance_cli_parse_options (&cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    goto out;

  if (show_version)
    {
      g_print ("relance-cli %s\n", PACKAGE_VERSION);
      goto out;
    }

  if (argc < 2)
    {
      status = relance_cli_usage_error (context, "%s", _("No command given"));
      goto out;
    }

  if (g_strcmp0 (argv[1], "help") == 0)
    {
      g_autofree char *help = NULL;

      if (argc > 2 && find_command (argv[2]) != NULL)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          status = find_command (argv[2])->func (&cli, 2, help_argv);
          goto out;
        }
      help = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", help);
      goto out;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      status = relance_cli_usage_error (context, _("Unknown command “%s”"), argv[1]);
      goto out;
    }

  status = command->func (&cli, argc - 1, argv + 1);

out:
  g_free (cli.db_path);
  g_free (cli.user);
  return status;
}
