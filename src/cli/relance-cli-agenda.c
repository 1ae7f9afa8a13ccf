/* relance-cli-agenda.c — relance-cli agenda: the actions due, by priority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "relance-cli-private.h"

/* Helpers */

static gboolean
parse_day (const char   *option,
           const char   *text,
           RelanceDate  *day,
           GError      **error)
{
  int y, m, d;
  char tail;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !relance_date_parse (text, day, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid date “%s” for %s: expected a calendar day as YYYY-MM-DD"),
                   text, option);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_amount (const char  *option,
              const char  *text,
              gboolean    *has,
              gint64      *cents,
              GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!relance_money_parse_cents (text, cents, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid amount “%s” for %s: expected an amount such as 1500 or 1500.50"),
                   text, option);
      return FALSE;
    }
  *has = TRUE;
  return TRUE;
}

/* Whose agenda: --user, else the system login's when it is an agent's,
 * else everybody's (a manager's view). *@user is NULL for everybody's. */
static gboolean
choose_user (RelanceCli       *cli,
             RelanceDatabase  *db,
             gboolean          all,
             char            **user,
             GError          **error)
{
  g_autoptr(RelanceUser) found = NULL;
  GError *local_error = NULL;

  *user = NULL;
  if (all)
    return TRUE;
  if (cli->user != NULL)
    {
      *user = g_strdup (cli->user);
      return TRUE;
    }
  found = relance_user_store_find (db, relance_cli_get_user (cli), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (found != NULL && found->role == RELANCE_USER_ROLE_AGENT)
    *user = g_strdup (found->login);
  return TRUE;
}

static void
print_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const RelanceAgendaItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "id", item->action_id);
      relance_cli_json_add_date (builder, "planned_date", item->planned_date);
      relance_cli_json_add_string (builder, "channel", relance_channel_to_string (item->channel));
      relance_cli_json_add_string (builder, "customer", item->customer_code);
      relance_cli_json_add_string (builder, "name", item->customer_name);
      relance_cli_json_add_string (builder, "title", item->title);
      relance_cli_json_add_string (builder, "assigned_to", item->assigned_to);
      json_builder_set_member_name (builder, "case_id");
      if (item->case_id > 0)
        json_builder_add_int_value (builder, item->case_id);
      else
        json_builder_add_null_value (builder);
      relance_cli_json_add_int (builder, "level", item->level);
      json_builder_set_member_name (builder, "blocking");
      json_builder_add_boolean_value (builder, item->blocking);
      relance_cli_json_add_string (builder, "currency", item->currency);
      relance_cli_json_add_int (builder, "overdue_cents", item->overdue_cents);
      relance_cli_json_add_int (builder, "days_late", item->days_late);
      if (item->has_dso)
        relance_cli_json_add_days (builder, "dso_days", item->dso_days);
      else
        relance_cli_json_add_string (builder, "dso_days", NULL);
      relance_cli_json_add_date (builder, "promise_due", item->promise_due);
      relance_cli_json_add_string (builder, "colour", relance_agenda_colour_to_string (item->colour));
      relance_cli_json_add_int (builder, "priority", item->priority);
      json_builder_set_member_name (builder, "priority_parts");
      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "amount", item->parts.amount);
      relance_cli_json_add_int (builder, "days_late", item->parts.days_late);
      relance_cli_json_add_int (builder, "promise_due", item->parts.promise_due);
      relance_cli_json_add_int (builder, "blocking", item->parts.blocking);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  relance_cli_print_json (builder);
}

static const char *
colour_label (RelanceAgendaColour colour)
{
  switch (colour)
    {
    case RELANCE_AGENDA_RED:
      return _("late");
    case RELANCE_AGENDA_ORANGE:
      return _("due");
    case RELANCE_AGENDA_GREY:
    default:
      return _("later");
    }
}

static void
print_text (RelanceCli  *cli,
            const char  *user,
            RelanceDate  day,
            GPtrArray   *items)
{
  g_autoptr(RelanceCliTable) table = relance_cli_table_new (11);
  g_autofree char *when = relance_cli_format_date (cli, day);

  if (user != NULL)
    g_print (ngettext ("Agenda of %s on %s: %u action", "Agenda of %s on %s: %u actions",
                       items->len),
             user, when, items->len);
  else
    g_print (ngettext ("Agenda of every user on %s: %u action",
                       "Agenda of every user on %s: %u actions", items->len),
             when, items->len);
  g_print ("\n");
  g_print (_("Priority = amount overdue (1 point per %d €, at most %d) + days late (at most "
             "%d) + promise due (%d) + blocking step (%d)"),
           RELANCE_PRIORITY_CENTS_PER_POINT / 100, RELANCE_PRIORITY_AMOUNT_MAX,
           RELANCE_PRIORITY_DAYS_MAX, RELANCE_PRIORITY_PROMISE_DUE, RELANCE_PRIORITY_BLOCKING);
  g_print ("\n");
  if (items->len == 0)
    return;
  g_print ("\n");

  relance_cli_table_set_column (table, 0, _("Id"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 1, _("When"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 2, _("Planned"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 3, _("Channel"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 4, _("Customer"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 5, _("Name"), RELANCE_CLI_ALIGN_LEFT, 24);
  relance_cli_table_set_column (table, 6, _("Action"), RELANCE_CLI_ALIGN_LEFT, 28);
  relance_cli_table_set_column (table, 7, _("Overdue"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 8, _("Days late"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 9, _("DSO"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 10, _("Priority"), RELANCE_CLI_ALIGN_LEFT, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const RelanceAgendaItem *item = g_ptr_array_index (items, i);

      relance_cli_table_add_row (table);
      relance_cli_table_take (table, 0, g_strdup_printf ("%" G_GINT64_FORMAT, item->action_id));
      relance_cli_table_set (table, 1, colour_label (item->colour));
      relance_cli_table_take (table, 2, relance_cli_format_date (cli, item->planned_date));
      relance_cli_table_set (table, 3, relance_channel_to_string (item->channel));
      relance_cli_table_set (table, 4, item->customer_code);
      relance_cli_table_set (table, 5, item->customer_name);
      relance_cli_table_take (table, 6, item->promise_due != RELANCE_DATE_NONE
                                          ? g_strdup_printf ("%s (%s)", item->title, _("promise"))
                                          : g_strdup (item->title));
      relance_cli_table_take (table, 7, relance_cli_format_amount (cli, item->overdue_cents,
                                                                   item->currency));
      relance_cli_table_take (table, 8, g_strdup_printf ("%d", item->days_late));
      relance_cli_table_take (table, 9, item->has_dso ? relance_cli_format_days (cli, item->dso_days)
                                                      : g_strdup ("—"));
      relance_cli_table_take (table, 10, g_strdup_printf ("%d = %d + %d + %d + %d", item->priority,
                                                          item->parts.amount,
                                                          item->parts.days_late,
                                                          item->parts.promise_due,
                                                          item->parts.blocking));
    }
  relance_cli_table_print (table, stdout);
}

/* Public */

int
relance_cli_agenda (RelanceCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autofree char *channel = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *min_amount = NULL;
  g_autofree char *max_amount = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *user = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Everybody’s actions (default: the --user’s, else the agent’s own, else everybody’s)"),
      NULL },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("Only this channel: email, letter, registered_letter, call, sms, task, visit, "
         "formal_notice, litigation"), N_("CHANNEL") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Planned on or after this day"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Planned on or before this day (default: the day after the evaluation day)"),
      N_("YYYY-MM-DD") },
    { "min-amount", 0, 0, G_OPTION_ARG_STRING, &min_amount,
      N_("The customer owes at least this much overdue"), N_("AMOUNT") },
    { "max-amount", 0, 0, G_OPTION_ARG_STRING, &max_amount,
      N_("The customer owes at most this much overdue"), N_("AMOUNT") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("Only this customer"), N_("CODE") },
    { "agent", 0, 0, G_OPTION_ARG_STRING, &agent,
      N_("Only the cases followed by this agent"), N_("LOGIN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  RelanceAgendaFilter filter = { 0 };
  RelanceDate day;
  int status;

  context = relance_cli_option_context_new (cli, "agenda",
                                            _("Show the manual actions planned and not done, up "
                                              "to the day after the evaluation day, with the "
                                              "customer’s overdue amount, days late and DSO, "
                                              "sorted by a priority whose parts are shown. The "
                                              "agenda is the --user’s; without it, the current "
                                              "user’s ($USER) when that is an agent, else "
                                              "everybody’s."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (channel != NULL)
    {
      if (!relance_channel_from_string (channel, &filter.channel))
        return relance_cli_usage_error (context, _("Unknown channel “%s”"), channel);
      filter.has_channel = TRUE;
    }
  if (!parse_day ("--from", from, &filter.date_from, &error) ||
      !parse_day ("--to", to, &filter.date_to, &error) ||
      !parse_amount ("--min-amount", min_amount, &filter.has_amount_min,
                     &filter.amount_min_cents, &error) ||
      !parse_amount ("--max-amount", max_amount, &filter.has_amount_max,
                     &filter.amount_max_cents, &error))
    return relance_cli_usage_error (context, "%s", error->message);
  filter.customer_code = customer;
  filter.agent = agent;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (!choose_user (cli, db, all, &user, &error))
    return relance_cli_fail_error (error);

  day = relance_cli_get_day (cli);
  items = relance_agenda_list (db, user, day, &filter, &error);
  if (items == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    print_json (items);
  else
    print_text (cli, user, day, items);
  return RELANCE_CLI_EXIT_OK;
}
