/* relance-cli-action.c — relance-cli action show|perform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "relance-cli-private.h"

/* Helpers */

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static gboolean
parse_day (const char  *text,
           RelanceDate *day)
{
  int y, m, d;
  char tail;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
         relance_date_parse (text, day, NULL);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *member,
                gint64       id)
{
  json_builder_set_member_name (builder, member);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

/* The numbers of the action's items */
static GPtrArray *
invoice_numbers (RelanceDatabase      *db,
                 const RelanceAction  *action,
                 GError              **error)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < action->invoice_ids->len; i++)
    {
      g_autoptr(RelanceInvoice) invoice =
        relance_invoice_store_find_by_id (db, g_array_index (action->invoice_ids, gint64, i), error);

      if (invoice == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      g_ptr_array_add (numbers, g_strdup (relance_invoice_get_number (invoice)));
    }
  return g_steal_pointer (&numbers);
}

static void
print_json (const RelanceAction *action,
            RelanceActor        *actor,
            GPtrArray           *numbers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", action->id);
  add_id_or_null (builder, "case_id", action->case_id);
  relance_cli_json_add_string (builder, "customer", actor ? relance_actor_get_code (actor) : NULL);
  relance_cli_json_add_string (builder, "name", actor ? relance_actor_get_name (actor) : NULL);
  add_id_or_null (builder, "step_id", action->step_id);
  relance_cli_json_add_string (builder, "title", action->title);
  relance_cli_json_add_string (builder, "channel", relance_channel_to_string (action->channel));
  json_builder_set_member_name (builder, "automatic");
  json_builder_add_boolean_value (builder, action->automatic);
  relance_cli_json_add_string (builder, "status", relance_action_status_to_string (action->status));
  relance_cli_json_add_int (builder, "level", action->level);
  relance_cli_json_add_date (builder, "planned_date", action->planned_date);
  relance_cli_json_add_date (builder, "done_date", action->done_date);
  relance_cli_json_add_string (builder, "assigned_to", action->assigned_to);
  relance_cli_json_add_string (builder, "outcome", action->outcome);
  relance_cli_json_add_string (builder, "comment", action->comment);
  relance_cli_json_add_string (builder, "done_by", action->done_by);
  add_id_or_null (builder, "fee_invoice_id", action->fee_invoice_id);
  relance_cli_json_add_date (builder, "run_date", action->run_date);
  relance_cli_json_add_string (builder, "created_by", action->created_by);
  json_builder_set_member_name (builder, "invoices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < numbers->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (numbers, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  relance_cli_print_json (builder);
}

static void
print_text (RelanceCli          *cli,
            const RelanceAction *action,
            RelanceActor        *actor,
            GPtrArray           *numbers)
{
  g_autofree char *planned = relance_cli_format_date (cli, action->planned_date);

  g_print (_("Action %" PRId64 ": %s"), action->id, action->title);
  g_print ("\n");
  if (actor != NULL)
    {
      g_print (_("Customer: %s — %s"), relance_actor_get_code (actor), relance_actor_get_name (actor));
      g_print ("\n");
    }
  if (action->case_id > 0)
    {
      g_print (_("Case: %" PRId64 ", level %d"), action->case_id, action->level);
      g_print ("\n");
    }
  g_print (_("Channel: %s (%s)"), relance_channel_to_string (action->channel),
           action->automatic ? _("automatic") : _("manual"));
  g_print ("\n");
  g_print (_("Status: %s"), relance_action_status_to_string (action->status));
  g_print ("\n");
  g_print (_("Planned: %s"), planned);
  g_print ("\n");
  if (action->assigned_to != NULL)
    {
      g_print (_("Assigned to: %s"), action->assigned_to);
      g_print ("\n");
    }
  if (action->done_date != RELANCE_DATE_NONE)
    {
      g_autofree char *done = relance_cli_format_date (cli, action->done_date);

      g_print (_("Done: %s by %s, %s"), done, action->done_by ? action->done_by : "",
               action->outcome ? action->outcome : "");
      g_print ("\n");
    }
  if (action->comment != NULL)
    {
      g_print (_("Comment: %s"), action->comment);
      g_print ("\n");
    }
  if (numbers->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (numbers, NULL);
      list = g_strjoinv (", ", (char **) numbers->pdata);
      g_ptr_array_remove_index (numbers, numbers->len - 1);
      g_print (_("Invoices: %s"), list);
      g_print ("\n");
    }
}

static int
show (RelanceCli       *cli,
      RelanceDatabase  *db,
      gint64            id)
{
  g_autoptr(RelanceAction) action = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;

  action = relance_action_store_find (db, id, &error);
  if (action == NULL)
    {
      if (error != NULL)
        return relance_cli_fail_error (error);
      return relance_cli_fail (_("No action with the id %" PRId64), id);
    }
  actor = relance_actor_store_find_by_id (db, action->actor_id, &error);
  if (actor == NULL && error != NULL)
    return relance_cli_fail_error (error);
  numbers = invoice_numbers (db, action, &error);
  if (numbers == NULL)
    return relance_cli_fail_error (error);
  if (cli->json)
    print_json (action, actor, numbers);
  else
    print_text (cli, action, actor, numbers);
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_action (RelanceCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autofree char *outcome = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *notify = NULL;
  g_autofree char *next_date = NULL;
  g_autofree char *next_channel = NULL;
  g_autofree char *next_title = NULL;
  const GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome,
      N_("perform: what happened, success or failure"), N_("OUTCOME") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("perform: a comment"), N_("TEXT") },
    { "notify", 0, 0, G_OPTION_ARG_STRING, &notify,
      N_("perform: colleagues to notify, by login, separated by commas"), N_("LOGIN,…") },
    { "next-date", 0, 0, G_OPTION_ARG_STRING, &next_date,
      N_("perform: plan a next action on that day"), N_("YYYY-MM-DD") },
    { "next-channel", 0, 0, G_OPTION_ARG_STRING, &next_channel,
      N_("perform: the channel of the next action (default: the same)"), N_("CHANNEL") },
    { "next-title", 0, 0, G_OPTION_ARG_STRING, &next_title,
      N_("perform: the title of the next action"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) logins = NULL;
  g_autoptr(RelanceAction) action = NULL;
  RelancePerformRequest request = { 0 };
  gint64 next_id = 0;
  gint64 id;
  int status;

  context = relance_cli_option_context_new (cli, "show ID | perform ID --outcome success|failure",
                                            _("Show an action, or record that it was performed "
                                              "(as the --user, else the system login, on the "
                                              "evaluation day): the case moves on, colleagues "
                                              "are notified, a next action can be planned."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 3 || (g_strcmp0 (argv[1], "show") != 0 && g_strcmp0 (argv[1], "perform") != 0))
    return relance_cli_usage_error (context, "%s", _("Say “show ID” or “perform ID”"));
  if (!parse_id (argv[2], &id))
    return relance_cli_usage_error (context, _("“%s” is not an action id"), argv[2]);

  if (g_strcmp0 (argv[1], "show") == 0)
    {
      if (outcome || comment || notify || next_date || next_channel || next_title)
        return relance_cli_usage_error (context, "%s",
                                        _("The options of “perform” do not go with “show”"));
      db = relance_cli_open_database (cli, TRUE, &error);
      if (db == NULL)
        return relance_cli_fail_error (error);
      return show (cli, db, id);
    }

  if (g_strcmp0 (outcome, "success") == 0)
    request.success = TRUE;
  else if (g_strcmp0 (outcome, "failure") == 0)
    request.success = FALSE;
  else
    return relance_cli_usage_error (context, "%s",
                                    _("“perform” needs --outcome success or --outcome failure"));
  if (next_date != NULL && !parse_day (next_date, &request.next_date))
    return relance_cli_usage_error (context, _("Invalid date “%s” for --next-date: expected a "
                                               "calendar day as YYYY-MM-DD"),
                                    next_date);
  if ((next_channel != NULL || next_title != NULL) && next_date == NULL)
    return relance_cli_usage_error (context, "%s",
                                    _("--next-channel and --next-title need --next-date"));
  if (next_channel != NULL && !relance_channel_from_string (next_channel, &request.next_channel))
    return relance_cli_usage_error (context, _("Unknown channel “%s”"), next_channel);
  if (notify != NULL)
    {
      logins = g_strsplit (notify, ",", -1);
      for (guint i = 0; logins[i] != NULL; i++)
        g_strstrip (logins[i]);
    }
  request.comment = comment;
  request.notify = (const char * const *) logins;
  request.next_title = next_title;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (next_channel == NULL && next_date != NULL)
    {
      g_autoptr(RelanceAction) performed = relance_action_store_find (db, id, &error);

      if (performed == NULL && error != NULL)
        return relance_cli_fail_error (error);
      request.next_channel = performed != NULL ? performed->channel : RELANCE_CHANNEL_CALL;
    }

  if (!relance_action_perform (db, id, relance_cli_get_day (cli), &request, &next_id, &error))
    return relance_cli_fail_error (error);
  action = relance_action_store_find (db, id, &error);
  if (action == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "id", action->id);
      relance_cli_json_add_string (builder, "status",
                                   relance_action_status_to_string (action->status));
      relance_cli_json_add_string (builder, "outcome", action->outcome);
      relance_cli_json_add_date (builder, "done_date", action->done_date);
      relance_cli_json_add_string (builder, "done_by", action->done_by);
      json_builder_set_member_name (builder, "notified");
      json_builder_begin_array (builder);
      for (guint i = 0; logins != NULL && logins[i] != NULL; i++)
        if (*logins[i] != '\0')
          json_builder_add_string_value (builder, logins[i]);
      json_builder_end_array (builder);
      add_id_or_null (builder, "next_action_id", next_id);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autofree char *done = relance_cli_format_date (cli, action->done_date);

      g_print (_("Action %" PRId64 " recorded as %s on %s by %s."), action->id,
               action->outcome, done, action->done_by);
      g_print ("\n");
      if (logins != NULL && g_strv_length (logins) > 0)
        {
          g_autofree char *list = g_strjoinv (", ", logins);

          g_print (_("Notified: %s"), list);
          g_print ("\n");
        }
      if (next_id > 0)
        {
          g_autofree char *when = relance_cli_format_date (cli, request.next_date);

          g_print (_("Next action %" PRId64 " planned on %s."), next_id, when);
          g_print ("\n");
        }
    }
  return RELANCE_CLI_EXIT_OK;
}
