/* relance-cli-demo.c — relance-cli demo: a generated French portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"
#include "relance-demo.h"

/* Beyond this a demo is a benchmark: bench/ builds those */
#define MAX_DEMO_CUSTOMERS 1000000

int
relance_cli_demo (RelanceCli  *cli,
                  int          argc,
                  char       **argv)
{
  int n_customers = 2000;
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT, &n_customers,
      N_("How many customers to generate (default: 2000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The seed of the generator: the same seed gives the same portfolio (default: 1)"),
      N_("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print the outcome as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  RelanceCliProgress progress;
  gint64 existing;
  gint64 n_invoices;
  RelanceDate day;
  int status;

  context = relance_cli_option_context_new (cli, "demo",
                                            _("Fill an empty database with a realistic French "
                                              "portfolio: customers, contacts, 24 months of "
                                              "invoices up to the evaluation day, payments. The "
                                              "same seed gives the same data."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (n_customers < 1 || n_customers > MAX_DEMO_CUSTOMERS)
    return relance_cli_usage_error (context, _("--customers must be between 1 and %d"),
                                    MAX_DEMO_CUSTOMERS);
  if (seed < 0 || seed > G_MAXUINT32)
    return relance_cli_usage_error (context, _("--seed must be between 0 and %u"), G_MAXUINT32);

  db = relance_cli_open_database (cli, FALSE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);

  /* Mixing generated customers with real ones would be a mess that
   * nobody could undo: only an empty database */
  existing = relance_actor_store_count (db);
  if (existing > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

      return relance_cli_fail (g_dngettext (GETTEXT_PACKAGE,
                                            "The database %s already has %s customer; the demo "
                                            "needs an empty database. Choose a new file with --db.",
                                            "The database %s already has %s customers; the demo "
                                            "needs an empty database. Choose a new file with --db.",
                                            existing),
                               relance_database_get_path (db), count);
    }

  day = relance_cli_get_day (cli);
  relance_cli_progress_init (&progress);
  if (!relance_demo_generate (db, (guint) n_customers, (guint32) seed, day,
                              relance_cli_progress_cb, &progress, &error))
    {
      relance_cli_progress_end (&progress);
      return relance_cli_fail_error (error);
    }
  relance_cli_progress_end (&progress);

  n_invoices = relance_invoice_store_count (db);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "path", relance_database_get_path (db));
      relance_cli_json_add_int (builder, "customers", relance_actor_store_count (db));
      relance_cli_json_add_int (builder, "invoices", n_invoices);
      relance_cli_json_add_int (builder, "seed", seed);
      relance_cli_json_add_date (builder, "evaluation_date", day);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autofree char *date = relance_cli_format_date (cli, day);
      g_autofree char *customers = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    relance_actor_store_count (db));
      g_autofree char *invoices = g_strdup_printf ("%" G_GINT64_FORMAT, n_invoices);

      g_print (_("Generated %s customers and %s invoices up to %s (seed %u) in %s\n"),
               customers, invoices, date, (guint) seed, relance_database_get_path (db));
    }
  return RELANCE_CLI_EXIT_OK;
}
