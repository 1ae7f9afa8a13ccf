/* relance-cli-promise.c — relance-cli promise add | list | cancel | check
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

static gint64
paid_total (const RelancePromise *promise)
{
  gint64 total = 0;

  for (guint i = 0; i < promise->instalments->len; i++)
    total += g_array_index (promise->instalments, RelancePromiseInstalment, i).paid_cents;
  return total;
}

static const char *
status_label (RelancePromiseStatus status)
{
  switch (status)
    {
    case RELANCE_PROMISE_STATUS_KEPT:
      return _("kept");
    case RELANCE_PROMISE_STATUS_BROKEN:
      return _("broken");
    case RELANCE_PROMISE_STATUS_CANCELLED:
      return _("cancelled");
    case RELANCE_PROMISE_STATUS_OPEN:
    default:
      return _("open");
    }
}

/* "YYYY-MM-DD:AMOUNT" */
static gboolean
parse_instalment (const char   *text,
                  RelanceDate  *due_date,
                  gint64       *amount_cents,
                  GError      **error)
{
  const char *colon = strchr (text, ':');
  g_autofree char *date = NULL;
  int y, m, d;
  char tail;

  if (colon == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid --instalment “%s”: expected YYYY-MM-DD:AMOUNT"), text);
      return FALSE;
    }
  date = g_strndup (text, colon - text);
  if (strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !relance_date_parse (date, due_date, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid date “%s” in --instalment: expected a calendar day as YYYY-MM-DD"),
                   date);
      return FALSE;
    }
  if (!relance_money_parse_cents (colon + 1, amount_cents, NULL) || *amount_cents <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid amount “%s” in --instalment: expected an amount more than zero"),
                   colon + 1);
      return FALSE;
    }
  return TRUE;
}

static void
add_promise_json (JsonBuilder          *builder,
                  const RelancePromise *promise,
                  const char           *customer_code)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", promise->id);
  relance_cli_json_add_string (builder, "customer", customer_code);
  relance_cli_json_add_string (builder, "currency", promise->currency);
  relance_cli_json_add_string (builder, "status", relance_promise_status_to_string (promise->status));
  relance_cli_json_add_date (builder, "made_on", promise->made_on);
  relance_cli_json_add_date (builder, "closed_on", promise->closed_on);
  relance_cli_json_add_int (builder, "grace_days", promise->grace_days);
  relance_cli_json_add_int (builder, "total_cents", relance_promise_get_total_cents (promise));
  relance_cli_json_add_int (builder, "paid_cents", paid_total (promise));
  json_builder_set_member_name (builder, "case_id");
  if (promise->case_id > 0)
    json_builder_add_int_value (builder, promise->case_id);
  else
    json_builder_add_null_value (builder);
  relance_cli_json_add_string (builder, "comment", promise->comment);
  json_builder_set_member_name (builder, "instalments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < promise->instalments->len; i++)
    {
      const RelancePromiseInstalment *instalment =
        &g_array_index (promise->instalments, RelancePromiseInstalment, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_date (builder, "due_date", instalment->due_date);
      relance_cli_json_add_int (builder, "amount_cents", instalment->amount_cents);
      relance_cli_json_add_int (builder, "paid_cents", instalment->paid_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
format_instalments (RelanceCli           *cli,
                    const RelancePromise *promise)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < promise->instalments->len; i++)
    {
      const RelancePromiseInstalment *instalment =
        &g_array_index (promise->instalments, RelancePromiseInstalment, i);
      g_autofree char *due = relance_cli_format_date (cli, instalment->due_date);
      g_autofree char *amount = relance_cli_format_amount (cli, instalment->amount_cents,
                                                           promise->currency);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s %s", due, amount);
      if (instalment->paid_cents > 0 && instalment->paid_cents < instalment->amount_cents)
        {
          g_autofree char *paid = relance_cli_format_amount (cli, instalment->paid_cents,
                                                             promise->currency);

          g_string_append_printf (text, _(" (paid %s)"), paid);
        }
      else if (instalment->paid_cents >= instalment->amount_cents)
        g_string_append (text, _(" (paid)"));
    }
  return g_string_free (text, FALSE);
}

/* promise add */

static int
promise_add (RelanceCli  *cli,
             int          argc,
             char       **argv)
{
  g_auto(GStrv) instalments = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *currency = NULL;
  int grace = 3;
  const GOptionEntry entries[] = {
    { "instalment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &instalments,
      N_("A date and an amount promised; repeat for an arrangement"), N_("YYYY-MM-DD:AMOUNT") },
    { "grace", 0, 0, G_OPTION_ARG_INT, &grace,
      N_("Days after an instalment’s date before the promise is broken (default: 3)"),
      N_("DAYS") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("The currency (default: the company currency)"), N_("CODE") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  int status;

  context = relance_cli_option_context_new (cli, "promise add CUSTOMER",
                                            _("Record a promise to pay (one instalment) or an "
                                              "arrangement (several), made on the evaluation "
                                              "day. The payments the customer makes from that "
                                              "day fill the instalments oldest first."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 1);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return relance_cli_usage_error (context, "%s", _("Which customer? Give its code"));
  if (instalments == NULL || instalments[0] == NULL)
    return relance_cli_usage_error (context, "%s",
                                    _("Give at least one --instalment YYYY-MM-DD:AMOUNT"));
  for (guint i = 0; instalments[i] != NULL; i++)
    {
      RelanceDate due_date;
      gint64 amount_cents;

      if (!parse_instalment (instalments[i], &due_date, &amount_cents, &error))
        return relance_cli_usage_error (context, "%s", error->message);
      relance_promise_add_instalment (promise, due_date, amount_cents);
    }
  if (grace < 0)
    return relance_cli_usage_error (context, "%s", _("The --grace cannot be negative"));
  if (currency != NULL)
    {
      char *upper = g_ascii_strup (currency, -1);

      g_free (currency);
      currency = upper;
      if (!relance_currency_is_valid (currency))
        return relance_cli_usage_error (context, _("“%s” is not an ISO 4217 currency code"),
                                        currency);
    }

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);

  if (currency == NULL)
    currency = relance_company_currency (db);
  promise->actor_id = relance_actor_get_id (actor);
  g_strlcpy (promise->currency, currency, sizeof promise->currency);
  promise->grace_days = grace;
  promise->made_on = relance_cli_get_day (cli);
  promise->comment = g_strdup (comment);
  if (!relance_promises_add (db, promise, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_promise_json (builder, promise, relance_actor_get_code (actor));
      relance_cli_print_json (builder);
    }
  else
    {
      g_autofree char *total = relance_cli_format_amount (cli,
                                                          relance_promise_get_total_cents (promise),
                                                          promise->currency);
      g_autofree char *dates = format_instalments (cli, promise);

      g_print (_("Promise %" PRId64 " recorded for %s: %s (%s)"), promise->id,
               relance_actor_get_code (actor), total, dates);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* promise list */

static int
promise_list (RelanceCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *customer_code = NULL;
  g_autofree char *status_name = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_code,
      N_("Only the promises of this customer"), N_("CODE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name,
      N_("Only the promises with this status: open, kept, broken or cancelled"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) promises = NULL;
  g_autoptr(GHashTable) codes = relance_cli_actor_codes_new ();
  RelancePromiseStatus wanted = RELANCE_PROMISE_STATUS_OPEN;
  int status;

  context = relance_cli_option_context_new (cli, "promise list",
                                            _("List the promises and arrangements, newest first, "
                                              "with what the payments cover of each instalment."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (status_name != NULL && !relance_promise_status_from_string (status_name, &wanted))
    return relance_cli_usage_error (context,
                                    _("Unknown --status “%s”: use open, kept, broken or cancelled"),
                                    status_name);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (customer_code != NULL)
    {
      actor = relance_cli_find_customer (db, customer_code, &error);
      if (actor == NULL)
        return relance_cli_fail_error (error);
    }

  promises = relance_promise_store_list (db, actor ? relance_actor_get_id (actor) : 0,
                                         status_name != NULL && wanted == RELANCE_PROMISE_STATUS_OPEN,
                                         &error);
  if (promises == NULL)
    return relance_cli_fail_error (error);
  if (status_name != NULL)
    for (guint i = promises->len; i-- > 0;)
      if (((RelancePromise *) g_ptr_array_index (promises, i))->status != wanted)
        g_ptr_array_remove_index (promises, i);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < promises->len; i++)
        {
          const RelancePromise *promise = g_ptr_array_index (promises, i);

          add_promise_json (builder, promise,
                            relance_cli_actor_code (db, codes, promise->actor_id));
        }
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
    }
  else if (promises->len == 0)
    g_print ("%s\n", _("No promise."));
  else
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (7);

      relance_cli_table_set_column (table, 0, _("No."), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 1, _("Customer"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Made"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 3, _("Instalments"), RELANCE_CLI_ALIGN_LEFT, 60);
      relance_cli_table_set_column (table, 4, _("Total"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 5, _("Grace"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 6, _("Status"), RELANCE_CLI_ALIGN_LEFT, 0);
      for (guint i = 0; i < promises->len; i++)
        {
          const RelancePromise *promise = g_ptr_array_index (promises, i);

          relance_cli_table_add_row (table);
          relance_cli_table_take (table, 0, g_strdup_printf ("%" G_GINT64_FORMAT, promise->id));
          relance_cli_table_set (table, 1, relance_cli_actor_code (db, codes, promise->actor_id));
          relance_cli_table_take (table, 2, relance_cli_format_date (cli, promise->made_on));
          relance_cli_table_take (table, 3, format_instalments (cli, promise));
          relance_cli_table_take (table, 4,
                                  relance_cli_format_amount (cli,
                                                             relance_promise_get_total_cents (promise),
                                                             promise->currency));
          relance_cli_table_take (table, 5, g_strdup_printf ("%d", promise->grace_days));
          relance_cli_table_set (table, 6, status_label (promise->status));
        }
      relance_cli_table_print (table, stdout);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* promise cancel */

static int
promise_cancel (RelanceCli  *cli,
                int          argc,
                char       **argv)
{
  const GOptionEntry entries[] = {
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint64 id = 0;
  int status;

  context = relance_cli_option_context_new (cli, "promise cancel ID",
                                            _("Cancel an open promise on the evaluation day."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 1);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return relance_cli_usage_error (context, "%s", _("Give the promise’s number"));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return relance_cli_usage_error (context, _("“%s” is not a promise number"), argv[1]);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (!relance_promises_cancel (db, (gint64) id, relance_cli_get_day (cli), &error))
    return relance_cli_fail_error (error);
  g_print (_("Promise %" PRIu64 " cancelled"), id);
  g_print ("\n");
  return RELANCE_CLI_EXIT_OK;
}

/* promise check */

static int
promise_check (RelanceCli  *cli,
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
  g_autoptr(GArray) broken = NULL;
  g_autoptr(GHashTable) codes = relance_cli_actor_codes_new ();
  int status;

  context = relance_cli_option_context_new (cli, "promise check",
                                            _("Match the payments received against the "
                                              "instalments of the open promises on the "
                                              "evaluation day, and record the promises kept and "
                                              "broken (the daily run does it too)."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (!relance_promises_evaluate (db, relance_cli_get_day (cli), &broken, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_date (builder, "date", relance_cli_get_day (cli));
      json_builder_set_member_name (builder, "broken_customers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < broken->len; i++)
        json_builder_add_string_value (builder,
                                       relance_cli_actor_code (db, codes,
                                                               g_array_index (broken, gint64, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else if (broken->len == 0)
    g_print ("%s\n", _("No promise found broken."));
  else
    {
      g_print ("%s", g_dngettext (GETTEXT_PACKAGE, "Promise found broken for:",
                                  "Promises found broken for:", broken->len));
      for (guint i = 0; i < broken->len; i++)
        g_print (" %s", relance_cli_actor_code (db, codes, g_array_index (broken, gint64, i)));
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_promise (RelanceCli  *cli,
                     int          argc,
                     char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "add", promise_add },
    { "list", promise_list },
    { "cancel", promise_cancel },
    { "check", promise_check },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n"
               "  relance-cli promise add CUSTOMER --instalment YYYY-MM-DD:AMOUNT [--instalment …]\n"
               "                          [--grace DAYS] [--currency CODE] [--comment C] [--json]\n"
               "  relance-cli promise list [--customer CODE] [--status STATUS] [--json]\n"
               "  relance-cli promise cancel ID\n"
               "  relance-cli promise check [--json]\n\n%s\n",
               _("Usage:"),
               _("Run “relance-cli promise add --help” (or list, cancel, check) for the options."));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown promise command: use “add”, “list”, “cancel” or "
                                         "“check”"),
                                       _("promise needs a command: “add”, “list”, “cancel” or "
                                         "“check”"),
                                       _("Run “relance-cli promise --help” for the usage."));
}
