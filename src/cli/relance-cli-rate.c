/* relance-cli-rate.c — relance-cli rate list | add | contractual: the
 * reference rates of late interest
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

/* "ecb", "legal-professional", "legal-private"; the database's names
 * with underscores are read too */
static gboolean
parse_kind (const char      *text,
            RelanceRateKind *kind)
{
  g_autofree char *name = g_strdup (text ? text : "");

  g_strdelimit (name, "-", '_');
  return relance_rate_kind_from_string (name, kind);
}

static gboolean
parse_day (const char  *text,
           RelanceDate *day)
{
  g_autoptr(GError) error = NULL;
  int y, m, d;
  char tail;

  /* YYYY-MM-DD only, as --date: the French form would be ambiguous in
   * scripts */
  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
         relance_date_parse (text, day, &error);
}

static void
add_rate_json (JsonBuilder          *builder,
               const RelanceRateRow *row)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_string (builder, "kind", relance_rate_kind_to_string (row->kind));
  relance_cli_json_add_date (builder, "valid_from", row->valid_from);
  relance_cli_json_add_int (builder, "rate_bp", row->rate_bp);
  relance_cli_json_add_string (builder, "source", row->source);
  json_builder_end_object (builder);
}

static const char *
kind_label (RelanceRateKind kind)
{
  switch (kind)
    {
    case RELANCE_RATE_KIND_LEGAL_PROFESSIONAL:
      return _("legal rate, other cases");
    case RELANCE_RATE_KIND_LEGAL_PRIVATE:
      return _("legal rate, private creditor");
    case RELANCE_RATE_KIND_ECB:
    default:
      return _("ECB main refinancing");
    }
}

static int
rate_list (RelanceCli  *cli,
           int          argc,
           char       **argv)
{
  g_autofree char *kind_text = NULL;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("Only one kind: ecb, legal-professional or legal-private"), N_("KIND") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  RelanceRateKind kind = RELANCE_RATE_KIND_ANY;
  int status;

  context = relance_cli_option_context_new (cli, "rate list",
                                            _("List the reference rates of late interest: the "
                                              "ECB rate with the day it came into force, and the "
                                              "legal interest rates of each half-year."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (kind_text != NULL && !parse_kind (kind_text, &kind))
    return relance_cli_usage_error (context,
                                    _("Unknown rate kind “%s”: use ecb, legal-professional or "
                                      "legal-private"), kind_text);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  /* A database made before the table was seeded by init gets the
   * published rates now, as the interest computations would */
  if (!relance_rates_seed (db, NULL, &error))
    return relance_cli_fail_error (error);
  rows = relance_rate_store_list (db, kind, &error);
  if (rows == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        add_rate_json (builder, &g_array_index (rows, RelanceRateRow, i));
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (4);

      relance_cli_table_set_column (table, 0, _("Kind"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 1, _("From"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Rate"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 3, _("Source"), RELANCE_CLI_ALIGN_LEFT, 50);
      for (guint i = 0; i < rows->len; i++)
        {
          const RelanceRateRow *row = &g_array_index (rows, RelanceRateRow, i);

          relance_cli_table_add_row (table);
          relance_cli_table_set (table, 0, kind_label (row->kind));
          relance_cli_table_take (table, 1, relance_cli_format_date (cli, row->valid_from));
          relance_cli_table_take (table, 2, relance_rate_format (row->rate_bp, cli->language));
          relance_cli_table_set (table, 3, row->source);
        }
      relance_cli_table_print (table, stdout);
    }
  return RELANCE_CLI_EXIT_OK;
}

static int
rate_add (RelanceCli  *cli,
          int          argc,
          char       **argv)
{
  g_autofree char *source = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Where the value comes from (the arrêté, the ECB decision)"), N_("TEXT") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Correct the rate of the same kind and day when there is one"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  RelanceRateRow row = { 0 };
  RelanceRateKind kind;
  RelanceDate day = RELANCE_DATE_NONE;
  int rate_bp = 0;
  int status;

  context = relance_cli_option_context_new (cli, "rate add ecb|legal-professional|legal-private "
                                                 "YYYY-MM-DD RATE",
                                            _("Add a reference rate from its official publication: "
                                              "the ECB rate from the day it comes into force, or a "
                                              "legal interest rate from 1 January or 1 July. RATE "
                                              "is in percent with at most two decimals: 4,50 or "
                                              "4.50."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 3);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 4)
    return relance_cli_usage_error (context, "%s",
                                    _("rate add needs a kind, the day it comes into force and "
                                      "the rate"));
  if (!parse_kind (argv[1], &kind))
    return relance_cli_usage_error (context,
                                    _("Unknown rate kind “%s”: use ecb, legal-professional or "
                                      "legal-private"), argv[1]);
  if (!parse_day (argv[2], &day))
    return relance_cli_usage_error (context,
                                    _("Invalid date “%s”: expected a calendar day as YYYY-MM-DD"),
                                    argv[2]);
  if (!relance_rate_parse (argv[3], &rate_bp, &error))
    return relance_cli_usage_error (context, "%s", error->message);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  /* Seed first: a table holding only this row would never be seeded */
  if (!relance_rates_seed (db, NULL, &error))
    return relance_cli_fail_error (error);
  if (!relance_rate_store_add (db, kind, day, rate_bp, source, replace, &error))
    {
      if (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE))
        return relance_cli_fail ("%s (%s)", error->message, _("with --replace"));
      return relance_cli_fail_error (error);
    }

  row.kind = kind;
  row.valid_from = day;
  row.rate_bp = rate_bp;
  row.source = source;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_rate_json (builder, &row);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autofree char *from = relance_cli_format_date (cli, day);
      g_autofree char *rate = relance_rate_format (rate_bp, cli->language);

      g_print (_("%s from %s: %s\n"), kind_label (kind), from, rate);
    }
  return RELANCE_CLI_EXIT_OK;
}

static int
rate_contractual (RelanceCli  *cli,
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
  gboolean has_rate;
  int rate_bp = 0;
  int status;

  context = relance_cli_option_context_new (cli, "rate contractual CUSTOMER RATE|none",
                                            _("Set the late interest rate agreed in a company "
                                              "customer’s terms of sale, in percent (it replaces "
                                              "ECB + 10 points), or remove it with “none”."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 2);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 3)
    return relance_cli_usage_error (context, "%s",
                                    _("rate contractual needs a customer code and a rate "
                                      "(or “none”)"));
  has_rate = g_strcmp0 (argv[2], "none") != 0;
  if (has_rate && !relance_rate_parse (argv[2], &rate_bp, &error))
    return relance_cli_usage_error (context, "%s", error->message);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);
  if (!relance_interest_store_set_contractual_rate (db, relance_actor_get_id (actor), has_rate,
                                                    rate_bp, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "customer", relance_actor_get_code (actor));
      json_builder_set_member_name (builder, "contractual_rate_bp");
      if (has_rate)
        json_builder_add_int_value (builder, rate_bp);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else if (has_rate)
    {
      g_autofree char *rate = relance_rate_format (rate_bp, cli->language);

      g_print (_("Contractual late interest rate of %s: %s\n"), relance_actor_get_code (actor), rate);
    }
  else
    g_print (_("%s has no contractual late interest rate: the legal rules apply\n"),
             relance_actor_get_code (actor));
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_rate (RelanceCli  *cli,
                  int          argc,
                  char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "list", rate_list },
    { "add", rate_add },
    { "contractual", rate_contractual },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n  relance-cli rate list [--kind KIND] [--json]\n"
               "  relance-cli rate add ecb|legal-professional|legal-private YYYY-MM-DD RATE "
               "[--source TEXT] [--replace] [--json]\n"
               "  relance-cli rate contractual CUSTOMER RATE|none [--json]\n\n%s\n",
               _("Usage:"),
               _("Run “relance-cli rate list --help”, “relance-cli rate add --help” or "
                 "“relance-cli rate contractual --help” for the options."));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown rate command: use “list”, “add” or “contractual”"),
                                       _("rate needs a command: “list”, “add” or “contractual”"),
                                       _("Run “relance-cli rate --help” for the usage."));
}
