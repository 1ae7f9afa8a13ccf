/* relance-cli-user.c — relance-cli user list|add: agents and managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

/* Helpers */

static void
add_user_json (JsonBuilder       *builder,
               const RelanceUser *user)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_string (builder, "login", user->login);
  relance_cli_json_add_string (builder, "name", user->name);
  relance_cli_json_add_string (builder, "role", relance_user_role_to_string (user->role));
  relance_cli_json_add_string (builder, "email", user->email);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, user->active);
  json_builder_end_object (builder);
}

static int
list (RelanceCli      *cli,
      RelanceDatabase *db)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = relance_user_store_list (db, &error);
  if (users == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < users->len; i++)
        add_user_json (builder, g_ptr_array_index (users, i));
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (4);

      relance_cli_table_set_column (table, 0, _("Login"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 1, _("Name"), RELANCE_CLI_ALIGN_LEFT, 32);
      relance_cli_table_set_column (table, 2, _("Role"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 3, _("E-mail"), RELANCE_CLI_ALIGN_LEFT, 40);
      for (guint i = 0; i < users->len; i++)
        {
          const RelanceUser *user = g_ptr_array_index (users, i);

          relance_cli_table_add_row (table);
          relance_cli_table_set (table, 0, user->login);
          relance_cli_table_set (table, 1, user->name);
          relance_cli_table_set (table, 2, relance_user_role_to_string (user->role));
          relance_cli_table_set (table, 3, user->email ? user->email : "");
        }
      relance_cli_table_print (table, stdout);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_user (RelanceCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autofree char *role = NULL;
  g_autofree char *email = NULL;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("add: agent (default), manager or admin"), N_("ROLE") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("add: the user’s e-mail address"),
      N_("ADDRESS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceUser) user = NULL;
  g_autoptr(GError) error = NULL;
  RelanceUserRole user_role = RELANCE_USER_ROLE_AGENT;
  int status;

  context = relance_cli_option_context_new (cli, "list | add LOGIN NAME",
                                            _("List the users, or add one. Actors, cases and "
                                              "actions name their agent by login."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  if (argc == 2 && g_strcmp0 (argv[1], "list") == 0)
    {
      if (role != NULL || email != NULL)
        return relance_cli_usage_error (context, "%s", _("--role and --email go with “add”"));
      db = relance_cli_open_database (cli, TRUE, &error);
      if (db == NULL)
        return relance_cli_fail_error (error);
      return list (cli, db);
    }
  if (argc != 4 || g_strcmp0 (argv[1], "add") != 0)
    return relance_cli_usage_error (context, "%s", _("Say “list” or “add LOGIN NAME”"));
  if (role != NULL && !relance_user_role_from_string (role, &user_role))
    return relance_cli_usage_error (context, _("Unknown role “%s”: use agent, manager or admin"),
                                    role);
  if (!relance_user_login_is_valid (argv[2]))
    return relance_cli_usage_error (context, _("“%s” cannot be a login: use lower-case letters, "
                                               "digits, dots, dashes or underscores"),
                                    argv[2]);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  user = relance_user_new (argv[2], argv[3], user_role);
  user->email = g_strdup (email);
  if (!relance_user_store_insert (db, user, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_user_json (builder, user);
      relance_cli_print_json (builder);
    }
  else
    {
      g_print (_("User %s (%s) added as %s."), user->login, user->name,
               relance_user_role_to_string (user->role));
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}
