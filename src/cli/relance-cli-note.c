/* relance-cli-note.c — relance-cli note add CUSTOMER TEXT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-cli-private.h"

/* note add */

static int
note_add (RelanceCli  *cli,
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
  g_autoptr(RelanceActor) actor = NULL;
  gint64 id;
  int status;

  context = relance_cli_option_context_new (cli, "note add CUSTOMER TEXT",
                                            _("Write a note on a customer’s timeline."), entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 3)
    return relance_cli_usage_error (context, "%s",
                                    _("Give the customer’s code and the text of the note"));
  if (argc > 3)
    return relance_cli_usage_error (context, _("Unexpected argument “%s”: quote the text of "
                                               "the note"), argv[3]);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);
  id = relance_note_store_add (db, relance_actor_get_id (actor), argv[2], &error);
  if (id == 0)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "id", id);
      relance_cli_json_add_string (builder, "customer", relance_actor_get_code (actor));
      relance_cli_json_add_string (builder, "text", argv[2]);
      relance_cli_json_add_string (builder, "who", relance_database_get_user (db));
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_print (_("Note %" PRId64 " written on %s"), id, relance_actor_get_code (actor));
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_note (RelanceCli  *cli,
                  int          argc,
                  char       **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "add") == 0)
    return note_add (cli, argc - 1, argv + 1);

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n  relance-cli note add CUSTOMER TEXT [--json]\n", _("Usage:"));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown note command: use “add”"),
                                       _("note needs a command: “add CUSTOMER TEXT”"),
                                       _("Run “relance-cli note --help” for the usage."));
}
