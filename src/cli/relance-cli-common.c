/* relance-cli-common.c — what the commands of relance-cli repeat: arguments,
 * sub-commands, documents and customer codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-cli-private.h"

/* Arguments */

/**
 * relance_cli_parse_arguments:
 * @max_arguments: how many arguments may follow the command's name
 *
 * Parses the options of @context like relance_cli_parse_options(), then
 * refuses the first argument beyond @max_arguments.
 *
 * Returns: the exit status to return, %RELANCE_CLI_EXIT_OK to go on
 */
int
relance_cli_parse_arguments (RelanceCli      *cli,
                             GOptionContext  *context,
                             int             *argc,
                             char          ***argv,
                             int              max_arguments)
{
  int status = relance_cli_parse_options (cli, context, argc, argv);

  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  /* (*argv)[0] is the command's name */
  if (*argc > max_arguments + 1)
    return relance_cli_usage_error (context, _("Unexpected argument “%s”"),
                                    (*argv)[max_arguments + 1]);
  return RELANCE_CLI_EXIT_OK;
}

/**
 * relance_cli_parse_id:
 * @text: the argument
 * @id: (out): the id
 *
 * Returns: %TRUE when @text is a positive decimal number, nothing else
 */
gboolean
relance_cli_parse_id (const char *text,
                      gint64     *id)
{
  char *end = NULL;

  *id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *id > 0;
}

/* Sub-commands */

/**
 * relance_cli_is_help:
 *
 * Returns: %TRUE when the argument after the command is --help, -h or help
 */
gboolean
relance_cli_is_help (int    argc,
                     char **argv)
{
  return argc >= 2 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
                       g_strcmp0 (argv[1], "help") == 0);
}

/**
 * relance_cli_dispatch:
 * @subcommands: (array length=n_subcommands): the sub-commands of the command
 * @status: (out): the exit status of the sub-command that ran
 *
 * Runs the sub-command named by argv[1], with argv[1] as its own argv[0].
 *
 * Returns: %FALSE when argv[1] names none of @subcommands
 */
gboolean
relance_cli_dispatch (RelanceCli                 *cli,
                      int                         argc,
                      char                      **argv,
                      const RelanceCliSubcommand *subcommands,
                      gsize                       n_subcommands,
                      int                        *status)
{
  for (gsize i = 0; argc >= 2 && i < n_subcommands; i++)
    if (g_strcmp0 (argv[1], subcommands[i].name) == 0)
      {
        *status = subcommands[i].func (cli, argc - 1, argv + 1);
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_cli_subcommand_error:
 * @unknown: the message when argv[1] is not a sub-command
 * @missing: the message when there is no argv[1]
 * @hint: the line that says where the usage is
 *
 * Returns: %RELANCE_CLI_EXIT_USAGE
 */
int
relance_cli_subcommand_error (int         argc,
                              const char *unknown,
                              const char *missing,
                              const char *hint)
{
  g_printerr ("relance-cli: %s\n", argc >= 2 ? unknown : missing);
  g_printerr ("%s\n", hint);
  return RELANCE_CLI_EXIT_USAGE;
}

/* Documents */

/**
 * relance_cli_open_document:
 * @argc: the arguments left by the options: the command's name and the id
 * @db: (out): the database
 * @info: (out): the document
 *
 * Reads the one argument, a document's id, opens the database and finds the
 * document: what "document export" and "mail send" begin with.
 *
 * Returns: the exit status to return, %RELANCE_CLI_EXIT_OK to go on
 */
int
relance_cli_open_document (RelanceCli           *cli,
                           GOptionContext       *context,
                           int                   argc,
                           char                **argv,
                           RelanceDatabase     **db,
                           RelanceDocumentInfo **info)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the id of one document"));
  if (!relance_cli_parse_id (argv[1], &id))
    return relance_cli_usage_error (context, _("“%s” is not a document id"), argv[1]);

  *db = relance_cli_open_database (cli, TRUE, &error);
  if (*db == NULL)
    return relance_cli_fail_error (error);
  *info = relance_document_store_find (*db, id, &error);
  if (*info == NULL && error != NULL)
    return relance_cli_fail_error (error);
  if (*info == NULL)
    return relance_cli_fail (_("No document %" PRId64), id);
  return RELANCE_CLI_EXIT_OK;
}

/* Customer codes */

/**
 * relance_cli_actor_codes_new:
 *
 * Returns: (transfer full): an empty cache for relance_cli_actor_code()
 */
GHashTable *
relance_cli_actor_codes_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * relance_cli_actor_code:
 * @codes: a table of relance_cli_actor_codes_new()
 *
 * A list names the customer of each row; most rows share a few customers,
 * so each is read once.
 *
 * Returns: (transfer none): the code of customer @actor_id, "?" when it is
 *   not found
 */
const char *
relance_cli_actor_code (RelanceDatabase *db,
                        GHashTable      *codes,
                        gint64           actor_id)
{
  char *code = g_hash_table_lookup (codes, &actor_id);

  if (code == NULL)
    {
      g_autoptr(RelanceActor) actor = relance_actor_store_find_by_id (db, actor_id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = actor_id;
      code = g_strdup (actor != NULL ? relance_actor_get_code (actor) : "?");
      g_hash_table_insert (codes, key, code);
    }
  return code;
}
