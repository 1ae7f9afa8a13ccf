/* relance-cli-dso.c — relance-cli dso: days sales outstanding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

/* Helpers */

static void
print_json (const RelanceDsoResult *dso,
            const char             *customer_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  /* The count-back DSO is always computable: 0 when nothing is
   * outstanding, "at least" the 24 months when capped. */
  relance_cli_json_add_days (builder, "count_back_days", dso->count_back_days);
  json_builder_set_member_name (builder, "simple_days");
  if (dso->has_simple)
    json_builder_add_double_value (builder, relance_cli_round2 (dso->simple_days));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "count_back_capped");
  json_builder_add_boolean_value (builder, dso->count_back_capped);
  relance_cli_json_add_int (builder, "outstanding_cents", dso->outstanding_cents);
  relance_cli_json_add_int (builder, "sales_90_cents", dso->sales_90_cents);
  relance_cli_json_add_string (builder, "currency", dso->currency);
  relance_cli_json_add_date (builder, "evaluation_date", dso->day);
  relance_cli_json_add_string (builder, "customer", customer_code);

  json_builder_set_member_name (builder, "periods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dso->n_periods; i++)
    {
      const RelanceDsoPeriod *period = &dso->periods[i];

      json_builder_begin_object (builder);
      relance_cli_json_add_date (builder, "start", period->first);
      relance_cli_json_add_date (builder, "end", period->last);
      relance_cli_json_add_int (builder, "days", period->days);
      relance_cli_json_add_int (builder, "sales_cents", period->sales_cents);
      relance_cli_json_add_int (builder, "balance_before_cents", period->balance_before_cents);
      relance_cli_json_add_days (builder, "counted_days", period->counted_days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  relance_cli_print_json (builder);
}

static void
print_text (RelanceCli             *cli,
            const RelanceDsoResult *dso,
            RelanceActor           *actor)
{
  g_autofree char *day = relance_cli_format_date (cli, dso->day);
  g_autofree char *outstanding = relance_cli_format_amount (cli, dso->outstanding_cents, dso->currency);
  g_autofree char *count_back = relance_cli_format_days (cli, dso->count_back_days);
  g_autofree char *sales_90 = relance_cli_format_amount (cli, dso->sales_90_cents, dso->currency);

  if (actor != NULL)
    g_print (_("DSO of %s — %s on %s (%s)"), relance_actor_get_code (actor),
             relance_actor_get_name (actor), day, dso->currency);
  else
    g_print (_("DSO of the portfolio on %s (%s)"), day, dso->currency);
  g_print ("\n\n");
  g_print (_("Outstanding: %s"), outstanding);
  g_print ("\n");
  if (dso->count_back_capped)
    g_print (_("Count-back DSO: at least %s days (the outstanding covers all %d months)"),
             count_back, RELANCE_DSO_MAX_MONTHS);
  else
    g_print (_("Count-back DSO: %s days"), count_back);
  g_print ("\n");
  if (dso->has_simple)
    {
      g_autofree char *simple = relance_cli_format_days (cli, dso->simple_days);

      g_print (_("Simple DSO (%d days of sales, %s): %s days"), RELANCE_DSO_SIMPLE_DAYS,
               sales_90, simple);
    }
  else
    g_print (_("Simple DSO: not computable (no sales in the last %d days)"),
             RELANCE_DSO_SIMPLE_DAYS);
  g_print ("\n");

  if (dso->n_periods > 0)
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (6);

      g_print ("\n%s\n", _("The count-back walk, newest month first:"));
      relance_cli_table_set_column (table, 0, _("From"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 1, _("To"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Balance"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 3, _("Sales"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 4, _("Days"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 5, _("Counted"), RELANCE_CLI_ALIGN_RIGHT, 0);
      for (guint i = 0; i < dso->n_periods; i++)
        {
          const RelanceDsoPeriod *period = &dso->periods[i];

          relance_cli_table_add_row (table);
          relance_cli_table_take (table, 0, relance_cli_format_date (cli, period->first));
          relance_cli_table_take (table, 1, relance_cli_format_date (cli, period->last));
          relance_cli_table_take (table, 2, relance_cli_format_amount (cli, period->balance_before_cents, NULL));
          relance_cli_table_take (table, 3, relance_cli_format_amount (cli, period->sales_cents, NULL));
          relance_cli_table_take (table, 4, g_strdup_printf ("%d", period->days));
          relance_cli_table_take (table, 5, relance_cli_format_days (cli, period->counted_days));
        }
      relance_cli_table_add_rule (table);
      relance_cli_table_add_row (table);
      relance_cli_table_set (table, 0, _("DSO"));
      relance_cli_table_take (table, 5, relance_cli_format_days (cli, dso->count_back_days));
      relance_cli_table_print (table, stdout);
    }
}

/* Public */

int
relance_cli_dso (RelanceCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autofree char *customer_code = NULL;
  g_autofree char *currency = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_code,
      N_("The DSO of this customer (default: the whole portfolio)"), N_("CODE") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("The currency (default: the company currency)"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  RelanceDsoResult dso;
  int status;

  context = relance_cli_option_context_new (cli, "dso",
                                            _("Print the days sales outstanding on the evaluation "
                                              "day by the count-back method (méthode par "
                                              "épuisement) and by the simple method (outstanding / "
                                              "sales of the last 90 days × 90)."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
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

  if (customer_code != NULL)
    {
      actor = relance_cli_find_customer (db, customer_code, &error);
      if (actor == NULL)
        return relance_cli_fail_error (error);
    }

  if (!relance_dso_compute (db, actor ? relance_actor_get_id (actor) : 0,
                            relance_cli_get_day (cli), currency, &dso, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    print_json (&dso, actor ? relance_actor_get_code (actor) : NULL);
  else
    print_text (cli, &dso, actor);
  return RELANCE_CLI_EXIT_OK;
}
