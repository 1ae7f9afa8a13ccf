/* relance-cli-dispute.c — relance-cli dispute open | resolve | list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-cli-private.h"

/* Helpers */

static char *
join_numbers (const RelanceDispute *dispute)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < dispute->invoice_numbers->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (dispute->invoice_numbers, i));
    }
  return g_string_free (text, FALSE);
}

static void
add_dispute_json (JsonBuilder          *builder,
                  const RelanceDispute *dispute,
                  const char           *customer_code)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", dispute->id);
  relance_cli_json_add_string (builder, "customer", customer_code);
  json_builder_set_member_name (builder, "invoices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dispute->invoice_numbers->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (dispute->invoice_numbers, i));
  json_builder_end_array (builder);
  relance_cli_json_add_string (builder, "reason", dispute->reason);
  relance_cli_json_add_int (builder, "amount_cents", dispute->amount_cents);
  relance_cli_json_add_string (builder, "currency", dispute->currency);
  relance_cli_json_add_string (builder, "owner", dispute->owner);
  relance_cli_json_add_string (builder, "status", relance_dispute_status_to_string (dispute->status));
  relance_cli_json_add_date (builder, "opened_on", dispute->opened_on);
  relance_cli_json_add_date (builder, "resolved_on", dispute->resolved_on);
  relance_cli_json_add_string (builder, "resolution", dispute->resolution);
  relance_cli_json_add_string (builder, "credit_note", dispute->credit_note_number);
  relance_cli_json_add_string (builder, "comment", dispute->comment);
  json_builder_end_object (builder);
}

static void
print_one_json (const RelanceDispute *dispute,
                const char           *customer_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_dispute_json (builder, dispute, customer_code);
  relance_cli_print_json (builder);
}

static const char *
status_label (RelanceDisputeStatus status)
{
  switch (status)
    {
    case RELANCE_DISPUTE_STATUS_JUSTIFIED:
      return _("justified");
    case RELANCE_DISPUTE_STATUS_UNJUSTIFIED:
      return _("unjustified");
    case RELANCE_DISPUTE_STATUS_OPEN:
    default:
      return _("open");
    }
}

/* Reads "N1,N2" into invoice ids of the store */
static gboolean
resolve_invoice_numbers (RelanceDatabase  *db,
                         const char       *list,
                         GArray           *ids,
                         GError          **error)
{
  g_auto(GStrv) numbers = g_strsplit (list, ",", -1);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(RelanceInvoice) invoice = NULL;
      GError *local_error = NULL;
      const char *number = g_strstrip (numbers[i]);
      gint64 id;

      if (*number == '\0')
        continue;
      invoice = relance_invoice_store_find_by_number (db, number, &local_error);
      if (invoice == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                         _("No invoice numbered “%s”"), number);
          return FALSE;
        }
      id = relance_invoice_get_id (invoice);
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* dispute open */

static int
dispute_open (RelanceCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *invoices = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *comment = NULL;
  const GOptionEntry entries[] = {
    { "invoices", 0, 0, G_OPTION_ARG_STRING, &invoices,
      N_("The invoices disputed, by number, separated by commas"), N_("N1,N2…") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the customer disputes them (price, quality, delivery…)"), N_("TEXT") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount,
      N_("The amount disputed (default: what is left to pay on the invoices)"), N_("AMOUNT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner,
      N_("The login of who handles it (default: the current user)"), N_("LOGIN") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(RelanceDispute) dispute = relance_dispute_new ();
  gint64 amount_cents = 0;
  int status;

  context = relance_cli_option_context_new (cli, "dispute open CUSTOMER",
                                            _("Open a dispute (litige) on invoices of a "
                                              "customer: they are left out of dunning and "
                                              "counted in its disputed amount until it is "
                                              "resolved."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 1);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return relance_cli_usage_error (context, "%s", _("Which customer? Give its code"));
  if (invoices == NULL || *g_strstrip (invoices) == '\0')
    return relance_cli_usage_error (context, "%s", _("Which invoices? Give --invoices N1,N2"));
  if (reason == NULL || *g_strstrip (reason) == '\0')
    return relance_cli_usage_error (context, "%s", _("Why? Give --reason TEXT"));
  if (amount != NULL)
    {
      if (!relance_money_parse_cents (amount, &amount_cents, &error))
        return relance_cli_usage_error (context, _("Invalid --amount “%s”: %s"), amount,
                                        error->message);
      if (amount_cents <= 0)
        return relance_cli_usage_error (context, "%s", _("The --amount must be more than zero"));
    }

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);

  dispute->actor_id = relance_actor_get_id (actor);
  dispute->reason = g_strdup (reason);
  dispute->amount_cents = amount_cents;
  dispute->owner = g_strdup (owner);
  dispute->comment = g_strdup (comment);
  dispute->opened_on = relance_cli_get_day (cli);
  if (!resolve_invoice_numbers (db, invoices, dispute->invoice_ids, &error) ||
      !relance_disputes_open (db, dispute, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    print_one_json (dispute, relance_actor_get_code (actor));
  else
    {
      g_autofree char *numbers = join_numbers (dispute);
      g_autofree char *text_amount = relance_cli_format_amount (cli, dispute->amount_cents,
                                                                dispute->currency);

      g_print (_("Dispute %" PRId64 " opened for %s on %s: %s"), dispute->id,
               relance_actor_get_code (actor), numbers, text_amount);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* dispute resolve */

static int
dispute_resolve (RelanceCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autofree char *comment = NULL;
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Why it is resolved so"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDispute) dispute = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  RelanceDisputeStatus resolution;
  guint64 id = 0;
  int status;

  context = relance_cli_option_context_new (cli, "dispute resolve ID justified|unjustified",
                                            _("Resolve a dispute on the evaluation day: "
                                              "justified issues a credit note of the disputed "
                                              "amount (AV-LIT-ID); unjustified puts the invoices "
                                              "back into dunning."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 2);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 3)
    return relance_cli_usage_error (context, "%s",
                                    _("Give the dispute’s number and “justified” or “unjustified”"));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return relance_cli_usage_error (context, _("“%s” is not a dispute number"), argv[1]);
  if (!relance_dispute_status_from_string (argv[2], &resolution) ||
      resolution == RELANCE_DISPUTE_STATUS_OPEN)
    return relance_cli_usage_error (context, _("Resolve as “justified” or “unjustified”, not “%s”"),
                                    argv[2]);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  if (!relance_disputes_resolve (db, (gint64) id, resolution, relance_cli_get_day (cli),
                                 comment, NULL, &error))
    return relance_cli_fail_error (error);

  dispute = relance_dispute_store_find (db, (gint64) id, &error);
  if (dispute == NULL)
    return relance_cli_fail_error (error);
  actor = relance_actor_store_find_by_id (db, dispute->actor_id, NULL);

  if (cli->json)
    print_one_json (dispute, actor ? relance_actor_get_code (actor) : NULL);
  else if (dispute->credit_note_number != NULL)
    {
      g_autofree char *credit = relance_cli_format_amount (cli, -dispute->amount_cents,
                                                           dispute->currency);

      g_print (_("Dispute %" PRId64 " resolved as justified: credit note %s of %s"),
               dispute->id, dispute->credit_note_number, credit);
      g_print ("\n");
    }
  else
    {
      g_print (_("Dispute %" PRId64 " resolved as unjustified: its invoices are "
                 "dunned again"),
               dispute->id);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* dispute list */

static void
print_list_text (RelanceCli      *cli,
                 RelanceDatabase *db,
                 GPtrArray       *disputes)
{
  g_autoptr(RelanceCliTable) table = relance_cli_table_new (8);
  g_autoptr(GHashTable) codes = relance_cli_actor_codes_new ();

  if (disputes->len == 0)
    {
      g_print ("%s\n", _("No dispute."));
      return;
    }
  relance_cli_table_set_column (table, 0, _("No."), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 1, _("Customer"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 2, _("Opened"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 3, _("Invoices"), RELANCE_CLI_ALIGN_LEFT, 30);
  relance_cli_table_set_column (table, 4, _("Reason"), RELANCE_CLI_ALIGN_LEFT, 30);
  relance_cli_table_set_column (table, 5, _("Amount"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 6, _("Owner"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 7, _("Status"), RELANCE_CLI_ALIGN_LEFT, 0);
  for (guint i = 0; i < disputes->len; i++)
    {
      const RelanceDispute *dispute = g_ptr_array_index (disputes, i);

      relance_cli_table_add_row (table);
      relance_cli_table_take (table, 0, g_strdup_printf ("%" G_GINT64_FORMAT, dispute->id));
      relance_cli_table_set (table, 1, relance_cli_actor_code (db, codes, dispute->actor_id));
      relance_cli_table_take (table, 2, relance_cli_format_date (cli, dispute->opened_on));
      relance_cli_table_take (table, 3, join_numbers (dispute));
      relance_cli_table_set (table, 4, dispute->reason);
      relance_cli_table_take (table, 5, relance_cli_format_amount (cli, dispute->amount_cents,
                                                                   dispute->currency));
      relance_cli_table_set (table, 6, dispute->owner);
      relance_cli_table_set (table, 7, status_label (dispute->status));
    }
  relance_cli_table_print (table, stdout);
}

static void
print_list_json (RelanceDatabase *db,
                 GPtrArray       *disputes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) codes = relance_cli_actor_codes_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < disputes->len; i++)
    {
      const RelanceDispute *dispute = g_ptr_array_index (disputes, i);

      add_dispute_json (builder, dispute, relance_cli_actor_code (db, codes, dispute->actor_id));
    }
  json_builder_end_array (builder);
  relance_cli_print_json (builder);
}

static int
dispute_list (RelanceCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *customer_code = NULL;
  g_autofree char *status_name = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_code,
      N_("Only the disputes of this customer"), N_("CODE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name,
      N_("Only the disputes with this status: open, justified or unjustified"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  RelanceDisputeStatus wanted = RELANCE_DISPUTE_STATUS_OPEN;
  int status;

  context = relance_cli_option_context_new (cli, "dispute list",
                                            _("List the disputes, newest first."), entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (status_name != NULL && !relance_dispute_status_from_string (status_name, &wanted))
    return relance_cli_usage_error (context,
                                    _("Unknown --status “%s”: use open, justified or unjustified"),
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

  disputes = relance_dispute_store_list (db, actor ? relance_actor_get_id (actor) : 0,
                                         status_name != NULL && wanted == RELANCE_DISPUTE_STATUS_OPEN,
                                         &error);
  if (disputes == NULL)
    return relance_cli_fail_error (error);
  if (status_name != NULL)
    for (guint i = disputes->len; i-- > 0;)
      if (((RelanceDispute *) g_ptr_array_index (disputes, i))->status != wanted)
        g_ptr_array_remove_index (disputes, i);

  if (cli->json)
    print_list_json (db, disputes);
  else
    print_list_text (cli, db, disputes);
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_dispute (RelanceCli  *cli,
                     int          argc,
                     char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "open", dispute_open },
    { "resolve", dispute_resolve },
    { "list", dispute_list },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n"
               "  relance-cli dispute open CUSTOMER --invoices N1,N2 --reason TEXT [--amount A]\n"
               "                           [--owner LOGIN] [--comment C] [--json]\n"
               "  relance-cli dispute resolve ID justified|unjustified [--comment C] [--json]\n"
               "  relance-cli dispute list [--customer CODE] [--status STATUS] [--json]\n\n%s\n",
               _("Usage:"),
               _("Run “relance-cli dispute open --help” (or resolve, list) for the options."));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown dispute command: use “open”, “resolve” or “list”"),
                                       _("dispute needs a command: “open”, “resolve” or “list”"),
                                       _("Run “relance-cli dispute --help” for the usage."));
}
