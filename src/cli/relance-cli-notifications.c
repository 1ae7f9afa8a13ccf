/* relance-cli-notifications.c — relance-cli notifications: messages from colleagues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-cli-private.h"

int
relance_cli_notifications (RelanceCli  *cli,
                           int          argc,
                           char       **argv)
{
  gint64 read_id = 0;
  const GOptionEntry entries[] = {
    { "read", 0, 0, G_OPTION_ARG_INT64, &read_id,
      N_("Mark this notification read instead of listing"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GError) error = NULL;
  const char *user;
  int status;

  context = relance_cli_option_context_new (cli, "notifications",
                                            _("List the unread notifications of the --user (else "
                                              "of the system login), oldest first, or mark one "
                                              "read."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  user = relance_cli_get_user (cli);

  if (read_id != 0)
    {
      if (!relance_notification_store_mark_read (db, read_id, user, &error))
        return relance_cli_fail_error (error);
      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          relance_cli_json_add_int (builder, "id", read_id);
          json_builder_set_member_name (builder, "read");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_end_object (builder);
          relance_cli_print_json (builder);
        }
      else
        {
          g_print (_("Notification %" PRId64 " marked read."), read_id);
          g_print ("\n");
        }
      return RELANCE_CLI_EXIT_OK;
    }

  notifications = relance_notification_store_list_unread (db, user, &error);
  if (notifications == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < notifications->len; i++)
        {
          const RelanceNotification *n = g_ptr_array_index (notifications, i);

          json_builder_begin_object (builder);
          relance_cli_json_add_int (builder, "id", n->id);
          relance_cli_json_add_int (builder, "action_id", n->action_id);
          relance_cli_json_add_string (builder, "customer", n->actor_code);
          relance_cli_json_add_string (builder, "action", n->action_title);
          relance_cli_json_add_string (builder, "message", n->message);
          relance_cli_json_add_string (builder, "from", n->created_by);
          relance_cli_json_add_string (builder, "at", n->created_at);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
      return RELANCE_CLI_EXIT_OK;
    }

  g_print (_("Unread notifications of %s: %u"), user, notifications->len);
  g_print ("\n");
  for (guint i = 0; i < notifications->len; i++)
    {
      const RelanceNotification *n = g_ptr_array_index (notifications, i);

      g_print ("%" G_GINT64_FORMAT "  %s  %s  %s — %s: %s\n", n->id, n->created_at,
               n->created_by, n->actor_code, n->action_title, n->message ? n->message : "");
    }
  return RELANCE_CLI_EXIT_OK;
}
