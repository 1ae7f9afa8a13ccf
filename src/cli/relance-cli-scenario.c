/* relance-cli-scenario.c — relance-cli scenario list|show: the dunning scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

/* Helpers */

static void
add_position_or_null (JsonBuilder *builder,
                      const char  *member,
                      int          position)
{
  json_builder_set_member_name (builder, member);
  if (position > 0)
    json_builder_add_int_value (builder, position);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_scenario_json (JsonBuilder           *builder,
                   const RelanceScenario *scenario)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", scenario->id);
  relance_cli_json_add_string (builder, "code", scenario->code);
  relance_cli_json_add_int (builder, "version", scenario->version);
  relance_cli_json_add_string (builder, "name", scenario->name);
  relance_cli_json_add_string (builder, "description", scenario->description);
  add_boolean (builder, "active", scenario->active);
  relance_cli_json_add_string (builder, "created_at", scenario->created_at);
  relance_cli_json_add_string (builder, "created_by", scenario->created_by);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "position", step->position);
      relance_cli_json_add_string (builder, "name", step->name);
      relance_cli_json_add_int (builder, "trigger_days", step->trigger_days);
      relance_cli_json_add_string (builder, "trigger_ref",
                                   step->trigger_ref == RELANCE_TRIGGER_DUE_DATE
                                     ? "due_date" : "previous_step");
      relance_cli_json_add_string (builder, "channel", relance_channel_to_string (step->channel));
      add_boolean (builder, "automatic", step->automatic);
      relance_cli_json_add_string (builder, "template", step->template_key);
      relance_cli_json_add_string (builder, "assignee_role", step->assignee_role);
      relance_cli_json_add_string (builder, "assignee_login", step->assignee_login);
      relance_cli_json_add_int (builder, "fee_cents", step->fee_cents);
      add_boolean (builder, "charge_interest", step->charge_interest);
      add_boolean (builder, "blocking", step->blocking);
      relance_cli_json_add_int (builder, "level", step->level);
      add_position_or_null (builder, "next_success", step->next_success);
      add_position_or_null (builder, "next_failure", step->next_failure);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* "J-15", "J+10", "10 days after step 4" */
static char *
format_trigger (const RelanceScenario     *scenario,
                const RelanceScenarioStep *step)
{
  if (step->trigger_ref == RELANCE_TRIGGER_DUE_DATE)
    return step->trigger_days == 0 ? g_strdup ("J") : g_strdup_printf ("J%+d", step->trigger_days);
  return g_strdup_printf (_("%+d d. after the previous step"), step->trigger_days);
}

static char *
format_branch (int position)
{
  return position > 0 ? g_strdup_printf ("%d", position) : g_strdup ("—");
}

static void
print_scenario_text (RelanceCli            *cli,
                     const RelanceScenario *scenario)
{
  g_autoptr(RelanceCliTable) table = relance_cli_table_new (10);

  g_print (_("Scenario %s, version %d: %s%s"), scenario->code, scenario->version, scenario->name,
           scenario->active ? "" : _(" (inactive)"));
  g_print ("\n");
  if (scenario->description != NULL)
    g_print ("%s\n", scenario->description);
  g_print ("\n");

  relance_cli_table_set_column (table, 0, _("Step"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 1, _("Name"), RELANCE_CLI_ALIGN_LEFT, 36);
  relance_cli_table_set_column (table, 2, _("When"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 3, _("Channel"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 4, _("Done by"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 5, _("Level"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 6, _("Fee"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 7, _("Also"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 8, _("Success"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 9, _("Failure"), RELANCE_CLI_ALIGN_RIGHT, 0);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);
      g_autoptr(GString) also = g_string_new (NULL);

      if (step->blocking)
        g_string_append (also, _("blocking"));
      if (step->charge_interest)
        g_string_append_printf (also, "%s%s", also->len ? ", " : "", _("interest"));
      relance_cli_table_add_row (table);
      relance_cli_table_take (table, 0, g_strdup_printf ("%d", step->position));
      relance_cli_table_set (table, 1, step->name);
      relance_cli_table_take (table, 2, format_trigger (scenario, step));
      relance_cli_table_set (table, 3, relance_channel_to_string (step->channel));
      if (step->automatic)
        relance_cli_table_set (table, 4, _("server"));
      else if (step->assignee_login != NULL)
        relance_cli_table_set (table, 4, step->assignee_login);
      else if (step->assignee_role != NULL)
        relance_cli_table_set (table, 4, step->assignee_role);
      else
        relance_cli_table_set (table, 4, _("agent"));
      relance_cli_table_take (table, 5, g_strdup_printf ("%d", step->level));
      relance_cli_table_take (table, 6, step->fee_cents > 0
                                          ? relance_cli_format_amount (cli, step->fee_cents, NULL)
                                          : g_strdup ("—"));
      relance_cli_table_set (table, 7, also->str);
      relance_cli_table_take (table, 8, format_branch (step->next_success));
      relance_cli_table_take (table, 9, format_branch (step->next_failure));
    }
  relance_cli_table_print (table, stdout);
}

static int
list (RelanceCli       *cli,
      RelanceDatabase  *db,
      gboolean          all)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  scenarios = relance_scenario_store_list (db, all, &error);
  if (scenarios == NULL)
    return relance_cli_fail_error (error);
  rules = relance_assignment_store_list_rules (db, all, &error);
  if (rules == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scenarios");
      json_builder_begin_array (builder);
      for (guint i = 0; i < scenarios->len; i++)
        add_scenario_json (builder, g_ptr_array_index (scenarios, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "rules");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->len; i++)
        {
          const RelanceAssignmentRule *rule = g_ptr_array_index (rules, i);

          json_builder_begin_object (builder);
          relance_cli_json_add_int (builder, "position", rule->position);
          relance_cli_json_add_string (builder, "name", rule->name);
          relance_cli_json_add_string (builder, "segment", rule->segment);
          relance_cli_json_add_string (builder, "actor_kind",
                                       rule->actor_kind == RELANCE_RULE_ANY ? NULL
                                       : relance_actor_kind_to_string (rule->actor_kind));
          relance_cli_json_add_string (builder, "scenario", rule->scenario_code);
          relance_cli_json_add_string (builder, "agent", rule->agent_login);
          add_boolean (builder, "active", rule->active);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
      return RELANCE_CLI_EXIT_OK;
    }

  {
    g_autoptr(RelanceCliTable) table = relance_cli_table_new (5);

    relance_cli_table_set_column (table, 0, _("Code"), RELANCE_CLI_ALIGN_LEFT, 0);
    relance_cli_table_set_column (table, 1, _("Version"), RELANCE_CLI_ALIGN_RIGHT, 0);
    relance_cli_table_set_column (table, 2, _("Name"), RELANCE_CLI_ALIGN_LEFT, 40);
    relance_cli_table_set_column (table, 3, _("Steps"), RELANCE_CLI_ALIGN_RIGHT, 0);
    relance_cli_table_set_column (table, 4, _("Active"), RELANCE_CLI_ALIGN_LEFT, 0);
    for (guint i = 0; i < scenarios->len; i++)
      {
        const RelanceScenario *scenario = g_ptr_array_index (scenarios, i);

        relance_cli_table_add_row (table);
        relance_cli_table_set (table, 0, scenario->code);
        relance_cli_table_take (table, 1, g_strdup_printf ("%d", scenario->version));
        relance_cli_table_set (table, 2, scenario->name);
        relance_cli_table_take (table, 3, g_strdup_printf ("%u", scenario->steps->len));
        relance_cli_table_set (table, 4, scenario->active ? _("yes") : _("no"));
      }
    relance_cli_table_print (table, stdout);
  }

  g_print ("\n%s\n", _("Assignment rules, tried in order (a choice made by hand on a customer wins):"));
  for (guint i = 0; i < rules->len; i++)
    {
      const RelanceAssignmentRule *rule = g_ptr_array_index (rules, i);
      g_autoptr(GString) when = g_string_new (NULL);

      if (rule->segment != NULL)
        g_string_append_printf (when, _("segment “%s”"), rule->segment);
      if (rule->actor_kind != RELANCE_RULE_ANY)
        g_string_append_printf (when, "%s%s", when->len ? ", " : "",
                                rule->actor_kind == RELANCE_ACTOR_KIND_PERSON
                                  ? _("a person") : _("a company"));
      if (rule->min_days_late != RELANCE_RULE_ANY)
        {
          g_string_append (when, when->len ? ", " : "");
          g_string_append_printf (when, _("at least %d days late"), rule->min_days_late);
        }
      if (when->len == 0)
        g_string_append (when, _("any customer"));
      g_print ("  %d. %s: %s → %s", rule->position, rule->name, when->str, rule->scenario_code);
      if (rule->agent_login != NULL)
        g_print (_(", agent %s"), rule->agent_login);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

static int
show (RelanceCli       *cli,
      RelanceDatabase  *db,
      const char       *code)
{
  g_autoptr(RelanceScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  scenario = relance_scenario_store_find_active (db, code, &error);
  if (scenario == NULL)
    {
      if (error != NULL)
        return relance_cli_fail_error (error);
      return relance_cli_fail (_("No active scenario with the code “%s”: see “relance-cli "
                                 "scenario list”"),
                               code);
    }
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_scenario_json (builder, scenario);
      relance_cli_print_json (builder);
    }
  else
    print_scenario_text (cli, scenario);
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_scenario (RelanceCli  *cli,
                      int          argc,
                      char       **argv)
{
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("list: also the older versions and the rules switched off"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seeded = FALSE;
  int status;

  context = relance_cli_option_context_new (cli, "list | show CODE",
                                            _("List the active dunning scenarios and the rules "
                                              "that assign them, or show the steps of one."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return relance_cli_usage_error (context, "%s", _("Say “list” or “show CODE”"));
  if (g_strcmp0 (argv[1], "list") == 0 && argc == 2)
    ;
  else if (g_strcmp0 (argv[1], "show") == 0 && argc == 3)
    ;
  else if (g_strcmp0 (argv[1], "show") == 0)
    return relance_cli_usage_error (context, "%s", _("“show” needs one scenario code"));
  else
    return relance_cli_usage_error (context, _("Unexpected argument “%s”"),
                                    argv[g_strcmp0 (argv[1], "list") == 0 ? 2 : 1]);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  /* A database made before the scenarios existed gets them */
  if (!relance_collections_seed (db, &seeded, &error))
    return relance_cli_fail_error (error);

  if (g_strcmp0 (argv[1], "list") == 0)
    return list (cli, db, all);
  return show (cli, db, argv[2]);
}
