/* relance-cli-init.c — relance-cli init: create or migrate the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

int
relance_cli_init (RelanceCli  *cli,
                  int          argc,
                  char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json,
      N_("Print the path and schema version as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint rates_added = 0;
  gboolean scenarios_seeded = FALSE;
  int status;

  context = relance_cli_option_context_new (cli, "init",
                                            _("Create the database, or apply the migrations "
                                              "that bring an older one up to date."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  /* Opening creates the file and runs the migrations */
  db = relance_cli_open_database (cli, FALSE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  /* The published rates of late interest, when the table is empty */
  if (!relance_rates_seed (db, &rates_added, &error))
    return relance_cli_fail_error (error);
  /* The standard dunning scenarios and their rules, when there are none */
  if (!relance_collections_seed (db, &scenarios_seeded, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "path", relance_database_get_path (db));
      relance_cli_json_add_int (builder, "schema_version",
                                relance_database_get_schema_version (db));
      relance_cli_json_add_int (builder, "rates_added", rates_added);
      json_builder_set_member_name (builder, "scenarios_seeded");
      json_builder_add_boolean_value (builder, scenarios_seeded);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_print (_("Database: %s\n"), relance_database_get_path (db));
      g_print (_("Schema version: %d\n"), relance_database_get_schema_version (db));
      if (rates_added > 0)
        g_print (_("Reference rates added: %u\n"), rates_added);
      if (scenarios_seeded)
        g_print ("%s\n", _("Dunning scenarios added: standard, large accounts, consumers"));
    }
  return RELANCE_CLI_EXIT_OK;
}
