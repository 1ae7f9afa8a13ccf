/* relance-cli-timeline.c — relance-cli timeline CUSTOMER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-cli-private.h"

#define DEFAULT_LIMIT 50

/* Helpers */

static const char *
kind_label (const char *kind)
{
  if (g_str_equal (kind, "invoice"))
    return _("Invoice");
  if (g_str_equal (kind, "credit_note"))
    return _("Credit note");
  if (g_str_equal (kind, "payment"))
    return _("Payment");
  if (g_str_equal (kind, "allocation"))
    return _("Allocation");
  if (g_str_equal (kind, "action"))
    return _("Action");
  if (g_str_equal (kind, "dispute"))
    return _("Dispute");
  if (g_str_equal (kind, "promise"))
    return _("Promise");
  return _("Note");
}

static void
print_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const RelanceTimelineRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_date (builder, "date", row->date);
      relance_cli_json_add_string (builder, "time", row->time);
      relance_cli_json_add_string (builder, "kind", row->kind);
      relance_cli_json_add_string (builder, "who", row->who);
      relance_cli_json_add_string (builder, "title", row->title);
      relance_cli_json_add_string (builder, "status", row->status);
      json_builder_set_member_name (builder, "amount_cents");
      if (row->has_amount)
        json_builder_add_int_value (builder, row->amount_cents);
      else
        json_builder_add_null_value (builder);
      relance_cli_json_add_string (builder, "currency", row->has_amount ? row->currency : NULL);
      relance_cli_json_add_string (builder, "reference", row->reference);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  relance_cli_print_json (builder);
}

static void
print_text (RelanceCli   *cli,
            RelanceActor *actor,
            GPtrArray    *rows,
            gint64        total)
{
  g_autoptr(RelanceCliTable) table = relance_cli_table_new (6);

  g_print (_("Timeline of %s — %s, newest first"), relance_actor_get_code (actor),
           relance_actor_get_name (actor));
  g_print ("\n\n");
  if (rows->len == 0)
    {
      g_print ("%s\n", _("Nothing has happened yet."));
      return;
    }
  relance_cli_table_set_column (table, 0, _("Date"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 1, _("Kind"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 2, _("What"), RELANCE_CLI_ALIGN_LEFT, 60);
  relance_cli_table_set_column (table, 3, _("Amount"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 4, _("Status"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 5, _("Who"), RELANCE_CLI_ALIGN_LEFT, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const RelanceTimelineRow *row = g_ptr_array_index (rows, i);

      relance_cli_table_add_row (table);
      relance_cli_table_take (table, 0, relance_cli_format_date (cli, row->date));
      relance_cli_table_set (table, 1, kind_label (row->kind));
      relance_cli_table_set (table, 2, row->title);
      if (row->has_amount)
        relance_cli_table_take (table, 3, relance_cli_format_amount (cli, row->amount_cents,
                                                                     row->currency));
      relance_cli_table_set (table, 4, row->status);
      relance_cli_table_set (table, 5, row->who);
    }
  relance_cli_table_print (table, stdout);
  if (total > rows->len)
    {
      g_print ("\n");
      g_print (_("%u of %" PRId64 " events shown; --limit 0 shows them all"),
               rows->len, total);
      g_print ("\n");
    }
}

/* Public */

int
relance_cli_timeline (RelanceCli  *cli,
                      int          argc,
                      char       **argv)
{
  int limit = DEFAULT_LIMIT;
  int offset = 0;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("At most N events, the newest (default: 50; 0 for all)"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset,
      N_("Skip the N newest events (for paging)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = 0;
  int status;

  context = relance_cli_option_context_new (cli, "timeline CUSTOMER",
                                            _("Show everything that happened with a customer, "
                                              "newest first: invoices, credit notes, payments, "
                                              "allocations, actions, disputes, promises and "
                                              "notes."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 1);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return relance_cli_usage_error (context, "%s", _("Which customer? Give its code"));
  if (limit < 0)
    return relance_cli_usage_error (context, "%s", _("The --limit cannot be negative"));
  if (offset < 0)
    return relance_cli_usage_error (context, "%s", _("The --offset cannot be negative"));

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);

  rows = relance_timeline_store_list (db, relance_actor_get_id (actor), (guint) offset,
                                      (guint) limit, &error);
  if (rows == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    print_json (rows);
  else
    {
      total = relance_timeline_store_count (db, relance_actor_get_id (actor), &error);
      if (total < 0)
        return relance_cli_fail_error (error);
      print_text (cli, actor, rows, total - offset);
    }
  return RELANCE_CLI_EXIT_OK;
}
