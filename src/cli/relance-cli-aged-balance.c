/* relance-cli-aged-balance.c — relance-cli aged-balance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

/* Helpers */

static void
add_amounts_json (JsonBuilder  *builder,
                  const gint64 *cents,
                  guint         n)
{
  json_builder_set_member_name (builder, "amounts_cents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (builder, cents[i]);
  json_builder_end_array (builder);
}

static void
print_json (RelanceAgedBalance *balance,
            const char         *customer_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  relance_cli_json_add_date (builder, "evaluation_date", balance->day);
  relance_cli_json_add_string (builder, "currency", balance->currency);
  relance_cli_json_add_string (builder, "customer", customer_code);

  json_builder_set_member_name (builder, "buckets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < balance->n_buckets; i++)
    json_builder_add_string_value (builder, relance_aged_buckets_get_label (balance->buckets, i));
  json_builder_end_array (builder);

  /* The inclusive upper bound of each bucket, null for the last one */
  json_builder_set_member_name (builder, "bucket_max_days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < balance->n_buckets; i++)
    {
      int max_days = relance_aged_buckets_get_max_days (balance->buckets, i);

      if (max_days == RELANCE_AGED_UNBOUNDED)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, max_days);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < balance->n_rows; r++)
    {
      const RelanceAgedBalanceRow *row = &balance->rows[r];

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "customer", row->code);
      relance_cli_json_add_string (builder, "name", row->name);
      add_amounts_json (builder, row->bucket_cents, balance->n_buckets);
      relance_cli_json_add_int (builder, "unallocated_cents", row->unallocated_cents);
      relance_cli_json_add_int (builder, "total_cents", row->total_cents);
      relance_cli_json_add_int (builder, "open_items", row->open_items);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  add_amounts_json (builder, balance->total_bucket_cents, balance->n_buckets);
  relance_cli_json_add_int (builder, "unallocated_cents", balance->total_unallocated_cents);
  relance_cli_json_add_int (builder, "total_cents", balance->total_cents);
  json_builder_set_member_name (builder, "percentages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < balance->n_buckets; i++)
    json_builder_add_double_value (builder, balance->bucket_basis_points[i] / 100.0);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "unallocated_percentage");
  json_builder_add_double_value (builder, balance->unallocated_basis_points / 100.0);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  relance_cli_print_json (builder);
}

static char *
format_percent (RelanceCli *cli,
                int         basis_points)
{
  g_autofree char *number = relance_cli_format_days (cli, basis_points / 100.0);

  return g_strdup_printf ("%s %%", number);
}

static void
print_text (RelanceCli         *cli,
            RelanceAgedBalance *balance)
{
  guint n = balance->n_buckets;
  guint n_columns = n + 4;
  g_autoptr(RelanceCliTable) table = relance_cli_table_new (n_columns);
  g_autofree char *day = relance_cli_format_date (cli, balance->day);

  relance_cli_table_set_column (table, 0, _("Code"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 1, _("Name"), RELANCE_CLI_ALIGN_LEFT, 30);
  for (guint i = 0; i < n; i++)
    relance_cli_table_set_column (table, 2 + i, relance_aged_buckets_get_label (balance->buckets, i),
                                  RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 2 + n, _("Unallocated"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 3 + n, _("Total"), RELANCE_CLI_ALIGN_RIGHT, 0);

  for (guint r = 0; r < balance->n_rows; r++)
    {
      const RelanceAgedBalanceRow *row = &balance->rows[r];

      relance_cli_table_add_row (table);
      relance_cli_table_set (table, 0, row->code);
      relance_cli_table_set (table, 1, row->name);
      for (guint i = 0; i < n; i++)
        relance_cli_table_take (table, 2 + i, relance_cli_format_amount (cli, row->bucket_cents[i], NULL));
      relance_cli_table_take (table, 2 + n, relance_cli_format_amount (cli, row->unallocated_cents, NULL));
      relance_cli_table_take (table, 3 + n, relance_cli_format_amount (cli, row->total_cents, NULL));
    }

  relance_cli_table_add_rule (table);
  relance_cli_table_add_row (table);
  relance_cli_table_set (table, 0, _("Total"));
  relance_cli_table_take (table, 1, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer",
                                                                  "%u customers", balance->n_rows),
                                                     balance->n_rows));
  for (guint i = 0; i < n; i++)
    relance_cli_table_take (table, 2 + i, relance_cli_format_amount (cli, balance->total_bucket_cents[i], NULL));
  relance_cli_table_take (table, 2 + n, relance_cli_format_amount (cli, balance->total_unallocated_cents, NULL));
  relance_cli_table_take (table, 3 + n, relance_cli_format_amount (cli, balance->total_cents, NULL));

  relance_cli_table_add_row (table);
  relance_cli_table_set (table, 0, "%");
  for (guint i = 0; i < n; i++)
    relance_cli_table_take (table, 2 + i, format_percent (cli, balance->bucket_basis_points[i]));
  relance_cli_table_take (table, 2 + n, format_percent (cli, balance->unallocated_basis_points));
  relance_cli_table_take (table, 3 + n, balance->total_cents != 0 ? format_percent (cli, 10000)
                                                                  : g_strdup (""));

  g_print (_("Aged balance on %s, amounts in %s, by days past due"), day, balance->currency);
  g_print ("\n\n");
  relance_cli_table_print (table, stdout);
}

/* Public */

int
relance_cli_aged_balance (RelanceCli  *cli,
                          int          argc,
                          char       **argv)
{
  g_autofree char *bucket_spec = NULL;
  g_autofree char *customer_code = NULL;
  g_autofree char *currency = NULL;
  const GOptionEntry entries[] = {
    { "buckets", 0, 0, G_OPTION_ARG_STRING, &bucket_spec,
      N_("Upper bounds of the buckets in days past due, ascending (default: 0,30,60,90,120)"),
      N_("N,N,…") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_code,
      N_("Only this customer"), N_("CODE") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("The currency of the report (default: the company currency)"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAgedBuckets) buckets = NULL;
  g_autoptr(RelanceAgedBalance) balance = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "aged-balance",
                                            _("Print the open amounts of each customer by days "
                                              "past due on the evaluation day; unallocated payments "
                                              "stand in their own column so that each row sums to "
                                              "the customer’s outstanding."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  if (bucket_spec != NULL)
    {
      buckets = relance_aged_buckets_new_from_spec (bucket_spec, &error);
      if (buckets == NULL)
        return relance_cli_usage_error (context, "%s", error->message);
    }
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

  balance = relance_aged_balance_compute (db, buckets, relance_cli_get_day (cli), currency,
                                          actor ? relance_actor_get_id (actor) : 0, &error);
  if (balance == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    print_json (balance, actor ? relance_actor_get_code (actor) : NULL);
  else
    print_text (cli, balance);
  return RELANCE_CLI_EXIT_OK;
}
