/* relance-cli-interest.c — relance-cli interest CUSTOMER: late interest
 * and the 40 € indemnity on the evaluation day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

/* Helpers */

static const char *
basis_to_string (RelanceInterestBasis basis)
{
  switch (basis)
    {
    case RELANCE_INTEREST_BASIS_CONTRACTUAL:
      return "contractual";
    case RELANCE_INTEREST_BASIS_LEGAL:
      return "legal";
    case RELANCE_INTEREST_BASIS_ECB_PLUS_10:
    default:
      return "ecb_plus_10";
    }
}

static const char *
warning_kind_to_string (RelanceInterestWarningKind kind)
{
  switch (kind)
    {
    case RELANCE_INTEREST_WARNING_BELOW_FLOOR:
      return "below_floor";
    case RELANCE_INTEREST_WARNING_FLOOR_UNCHECKED:
      return "floor_unchecked";
    case RELANCE_INTEREST_WARNING_STALE_LEGAL_RATE:
      return "stale_legal_rate";
    case RELANCE_INTEREST_WARNING_CONTRACTUAL_IGNORED:
      return "contractual_ignored";
    case RELANCE_INTEREST_WARNING_OVERCHARGED:
    default:
      return "overcharged";
    }
}

static void
add_segments_json (JsonBuilder               *builder,
                   const RelanceInterestLine *line)
{
  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint k = 0; k < line->segments->len; k++)
    {
      const RelanceInterestSegment *seg = &g_array_index (line->segments, RelanceInterestSegment, k);

      json_builder_begin_object (builder);
      relance_cli_json_add_date (builder, "from", seg->from);
      relance_cli_json_add_date (builder, "to", seg->to);
      relance_cli_json_add_int (builder, "days", seg->days);
      relance_cli_json_add_int (builder, "rate_bp", seg->rate_bp);
      relance_cli_json_add_string (builder, "half_year", seg->half_year);
      relance_cli_json_add_int (builder, "base_cents", seg->base_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (const RelanceInterestStatement *st)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  relance_cli_json_add_string (builder, "customer", st->code);
  relance_cli_json_add_date (builder, "evaluation_date", st->day);
  relance_cli_json_add_string (builder, "customer_kind",
                               st->debtor_kind == RELANCE_ACTOR_KIND_PERSON ? "person" : "company");
  relance_cli_json_add_string (builder, "basis", basis_to_string (st->basis));
  json_builder_set_member_name (builder, "contractual_rate_bp");
  if (st->basis == RELANCE_INTEREST_BASIS_CONTRACTUAL)
    json_builder_add_int_value (builder, st->contractual_rate_bp);
  else
    json_builder_add_null_value (builder);
  relance_cli_json_add_string (builder, "currency", st->currency);

  json_builder_set_member_name (builder, "invoices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < st->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (st->lines, RelanceInterestLine, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "number", line->number);
      relance_cli_json_add_string (builder, "currency", line->currency);
      relance_cli_json_add_date (builder, "due_date", line->due_date);
      relance_cli_json_add_int (builder, "amount_cents", line->amount_cents);
      relance_cli_json_add_int (builder, "base_cents", line->base_cents);
      relance_cli_json_add_date (builder, "until", line->until);
      add_segments_json (builder, line);
      relance_cli_json_add_int (builder, "interest_cents", line->interest_cents);
      relance_cli_json_add_int (builder, "indemnity_cents", line->indemnity_cents);
      relance_cli_json_add_int (builder, "charged_interest_cents", line->charged_interest_cents);
      relance_cli_json_add_date (builder, "charged_until", line->charged_until);
      relance_cli_json_add_int (builder, "charged_indemnity_cents", line->charged_indemnity_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  relance_cli_json_add_int (builder, "total_interest_cents", st->total_interest_cents);
  relance_cli_json_add_int (builder, "total_indemnity_cents", st->total_indemnity_cents);
  relance_cli_json_add_int (builder, "total_charged_interest_cents",
                            st->total_charged_interest_cents);
  relance_cli_json_add_int (builder, "total_charged_indemnity_cents",
                            st->total_charged_indemnity_cents);

  json_builder_set_member_name (builder, "other_currencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < st->other_totals->len; i++)
    {
      const RelanceInterestTotal *total = &g_array_index (st->other_totals, RelanceInterestTotal, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "currency", total->currency);
      relance_cli_json_add_int (builder, "total_interest_cents", total->interest_cents);
      relance_cli_json_add_int (builder, "total_charged_interest_cents",
                                total->charged_interest_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < st->warnings->len; i++)
    {
      const RelanceInterestWarning *w = &g_array_index (st->warnings, RelanceInterestWarning, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "kind", warning_kind_to_string (w->kind));
      relance_cli_json_add_string (builder, "half_year", *w->half_year ? w->half_year : NULL);
      relance_cli_json_add_string (builder, "invoice", w->invoice_number);
      relance_cli_json_add_int (builder, "rate_bp", w->rate_bp);
      relance_cli_json_add_int (builder, "floor_bp", w->floor_bp);
      relance_cli_json_add_string (builder, "message", w->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  relance_cli_print_json (builder);
}

static char *
describe_basis (RelanceCli                     *cli,
                const RelanceInterestStatement *st)
{
  g_autofree char *rate = NULL;

  switch (st->basis)
    {
    case RELANCE_INTEREST_BASIS_CONTRACTUAL:
      rate = relance_rate_format (st->contractual_rate_bp, cli->language);
      return g_strdup_printf (_("Rate: contractual, %s (company debtor); a fixed 40 € indemnity "
                                "per late invoice"), rate);
    case RELANCE_INTEREST_BASIS_LEGAL:
      return g_strdup (_("Rate: the legal interest rate of each half-year (consumer); no "
                         "indemnity"));
    case RELANCE_INTEREST_BASIS_ECB_PLUS_10:
    default:
      return g_strdup (_("Rate: the ECB rate of each half-year + 10 points (company debtor); "
                         "a fixed 40 € indemnity per late invoice"));
    }
}

static void
add_total_row (RelanceCliTable *table,
               const char      *label,
               char            *interest,
               char            *indemnity)
{
  relance_cli_table_add_row (table);
  relance_cli_table_set (table, 0, label);
  relance_cli_table_take (table, 8, interest);
  relance_cli_table_take (table, 9, indemnity);
}

static void
print_text (RelanceCli                     *cli,
            const RelanceInterestStatement *st)
{
  g_autoptr(RelanceCliTable) table = NULL;
  g_autofree char *day = relance_cli_format_date (cli, st->day);
  g_autofree char *basis = describe_basis (cli, st);

  g_print (_("Late interest of %s on %s"), st->code, day);
  g_print ("\n%s\n\n", basis);

  if (st->lines->len == 0)
    g_print ("%s\n", _("No late invoice"));
  else
    {
      table = relance_cli_table_new (10);
      relance_cli_table_set_column (table, 0, _("Invoice"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 1, _("Due"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Half-year"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 3, _("From"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 4, _("To"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 5, _("Days"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 6, _("Base"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 7, _("Rate"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 8, _("Interest"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 9, _("Indemnity"), RELANCE_CLI_ALIGN_RIGHT, 0);

      for (guint i = 0; i < st->lines->len; i++)
        {
          const RelanceInterestLine *line = &g_array_index (st->lines, RelanceInterestLine, i);

          for (guint k = 0; k < line->segments->len; k++)
            {
              const RelanceInterestSegment *seg = &g_array_index (line->segments,
                                                                  RelanceInterestSegment, k);
              gboolean last = k + 1 == line->segments->len;

              relance_cli_table_add_row (table);
              if (k == 0)
                {
                  relance_cli_table_set (table, 0, line->number);
                  relance_cli_table_take (table, 1, relance_cli_format_date (cli, line->due_date));
                }
              relance_cli_table_set (table, 2, seg->half_year);
              relance_cli_table_take (table, 3, relance_cli_format_date (cli, seg->from));
              relance_cli_table_take (table, 4, relance_cli_format_date (cli, seg->to));
              relance_cli_table_take (table, 5, g_strdup_printf ("%d", seg->days));
              relance_cli_table_take (table, 6, relance_cli_format_amount (cli, seg->base_cents,
                                                                           line->currency));
              relance_cli_table_take (table, 7, relance_rate_format (seg->rate_bp, cli->language));
              /* Rounded once per invoice: the amounts go on its last row */
              if (last)
                {
                  relance_cli_table_take (table, 8, relance_cli_format_amount (cli, line->interest_cents,
                                                                               line->currency));
                  relance_cli_table_take (table, 9, line->indemnity_cents > 0
                                                      ? relance_cli_format_amount (cli, line->indemnity_cents,
                                                                                   RELANCE_INDEMNITY_CURRENCY)
                                                      : g_strdup ("—"));
                }
            }
        }

      relance_cli_table_add_rule (table);
      add_total_row (table, _("Total"),
                     relance_cli_format_amount (cli, st->total_interest_cents, st->currency),
                     relance_cli_format_amount (cli, st->total_indemnity_cents,
                                                RELANCE_INDEMNITY_CURRENCY));
      add_total_row (table, _("Already charged"),
                     relance_cli_format_amount (cli, st->total_charged_interest_cents, st->currency),
                     relance_cli_format_amount (cli, st->total_charged_indemnity_cents,
                                                RELANCE_INDEMNITY_CURRENCY));
      for (guint i = 0; i < st->other_totals->len; i++)
        {
          const RelanceInterestTotal *total = &g_array_index (st->other_totals,
                                                              RelanceInterestTotal, i);
          g_autofree char *label = g_strdup_printf (_("Total in %s"), total->currency);
          g_autofree char *charged_label = g_strdup_printf (_("Already charged in %s"),
                                                            total->currency);

          add_total_row (table, label,
                         relance_cli_format_amount (cli, total->interest_cents, total->currency),
                         g_strdup (""));
          add_total_row (table, charged_label,
                         relance_cli_format_amount (cli, total->charged_interest_cents,
                                                    total->currency),
                         g_strdup (""));
        }
      relance_cli_table_print (table, stdout);
    }

  if (st->warnings->len > 0)
    {
      g_print ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < st->warnings->len; i++)
        g_print ("  - %s\n", g_array_index (st->warnings, RelanceInterestWarning, i).message);
    }
}

/* Public */

int
relance_cli_interest (RelanceCli  *cli,
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
  g_autoptr(RelanceInterestStatement) st = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "interest CUSTOMER",
                                            _("Show the late interest and the 40 € indemnities a "
                                              "customer owes on the evaluation day: per invoice, "
                                              "the days late in each half-year and their rate."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 1);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return relance_cli_usage_error (context, "%s", _("Which customer? Give its code"));

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);

  st = relance_interest_compute (db, relance_actor_get_id (actor), relance_cli_get_day (cli), &error);
  if (st == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    print_json (st);
  else
    print_text (cli, st);
  return RELANCE_CLI_EXIT_OK;
}
