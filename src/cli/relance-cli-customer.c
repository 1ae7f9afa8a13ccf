/* relance-cli-customer.c — relance-cli customer list | show CODE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"

typedef struct
{
  const char           *name;
  RelancePortfolioSort  sort;
} SortName;

static const SortName sort_names[] = {
  { "code", RELANCE_PORTFOLIO_SORT_CODE },
  { "name", RELANCE_PORTFOLIO_SORT_NAME },
  { "segment", RELANCE_PORTFOLIO_SORT_SEGMENT },
  { "outstanding", RELANCE_PORTFOLIO_SORT_OUTSTANDING },
  { "overdue", RELANCE_PORTFOLIO_SORT_OVERDUE },
  { "days-late", RELANCE_PORTFOLIO_SORT_DAYS_LATE },
  { "dso", RELANCE_PORTFOLIO_SORT_DSO },
};

/* Helpers */

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
parse_sort (const char           *text,
            RelancePortfolioSort *sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (sort_names[i].name, text) == 0)
      {
        *sort = sort_names[i].sort;
        return TRUE;
      }
  return FALSE;
}

static gboolean
refresh_portfolio (RelanceDatabase  *db,
                   RelanceDate       day,
                   GError          **error)
{
  RelanceCliProgress progress;
  gboolean ok;

  relance_cli_progress_init (&progress);
  ok = relance_portfolio_refresh (db, day, NULL, relance_cli_progress_cb, &progress, error);
  relance_cli_progress_end (&progress);
  return ok;
}

static void
print_list_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      RelancePortfolioRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "code", row->code);
      relance_cli_json_add_string (builder, "name", row->name);
      relance_cli_json_add_string (builder, "segment", empty_to_null (row->segment));
      relance_cli_json_add_string (builder, "currency", row->currency);
      relance_cli_json_add_int (builder, "outstanding_cents", row->outstanding_cents);
      relance_cli_json_add_int (builder, "overdue_cents", row->overdue_cents);
      relance_cli_json_add_int (builder, "days_late", row->days_late);
      if (row->has_dso)
        relance_cli_json_add_days (builder, "dso_days", row->dso_days);
      else
        {
          json_builder_set_member_name (builder, "dso_days");
          json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  relance_cli_print_json (builder);
}

static void
print_list_text (RelanceCli *cli,
                 GPtrArray  *rows,
                 const char *currency,
                 guint       n_matching)
{
  g_autoptr(RelanceCliTable) table = relance_cli_table_new (7);
  g_autofree char *outstanding_title = g_strdup_printf (_("Outstanding (%s)"), currency);
  g_autofree char *overdue_title = g_strdup_printf (_("Overdue (%s)"), currency);

  relance_cli_table_set_column (table, 0, _("Code"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 1, _("Name"), RELANCE_CLI_ALIGN_LEFT, 40);
  relance_cli_table_set_column (table, 2, _("Segment"), RELANCE_CLI_ALIGN_LEFT, 20);
  relance_cli_table_set_column (table, 3, outstanding_title, RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 4, overdue_title, RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 5, _("Days late"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 6, _("DSO"), RELANCE_CLI_ALIGN_RIGHT, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      RelancePortfolioRow *row = g_ptr_array_index (rows, i);

      relance_cli_table_add_row (table);
      relance_cli_table_set (table, 0, row->code);
      relance_cli_table_set (table, 1, row->name);
      relance_cli_table_set (table, 2, row->segment);
      relance_cli_table_take (table, 3, relance_cli_format_amount (cli, row->outstanding_cents, NULL));
      relance_cli_table_take (table, 4, relance_cli_format_amount (cli, row->overdue_cents, NULL));
      relance_cli_table_take (table, 5, row->days_late > 0
                                          ? g_strdup_printf ("%d", row->days_late)
                                          : g_strdup (""));
      relance_cli_table_take (table, 6, row->has_dso
                                          ? relance_cli_format_days (cli, row->dso_days)
                                          : g_strdup ("—"));
    }
  relance_cli_table_print (table, stdout);
  if (rows->len < n_matching)
    g_print (_("%u of %u customers shown\n"), rows->len, n_matching);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u customer\n", "%u customers\n", n_matching),
             n_matching);
}

static int
customer_list (RelanceCli  *cli,
               int          argc,
               char       **argv)
{
  g_autofree char *filter = NULL;
  g_autofree char *sort_text = NULL;
  gboolean descending = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter,
      N_("Only the customers whose code or SIREN starts with TEXT, or whose name contains it"),
      N_("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text,
      N_("Sort by code, name, segment, outstanding, overdue, days-late or dso (default: code)"),
      N_("KEY") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &descending, N_("Sort in descending order"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Print at most N customers"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *currency = NULL;
  RelancePortfolioSort sort = RELANCE_PORTFOLIO_SORT_CODE;
  guint count;
  int status;

  context = relance_cli_option_context_new (cli, "customer list",
                                            _("List the customers with their figures on the "
                                              "evaluation day, in the company currency."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (sort_text != NULL && !parse_sort (sort_text, &sort))
    return relance_cli_usage_error (context,
                                    _("Unknown sort key “%s”: use code, name, segment, "
                                      "outstanding, overdue, days-late or dso"),
                                    sort_text);
  if (limit < 0)
    return relance_cli_usage_error (context, _("--limit must be a positive number"));

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);

  /* The list is read from the figures cache: bring it to the day first */
  if (!refresh_portfolio (db, relance_cli_get_day (cli), &error))
    return relance_cli_fail_error (error);

  count = relance_portfolio_query_count (db, filter, &error);
  if (error != NULL)
    return relance_cli_fail_error (error);
  rows = relance_portfolio_query_page (db, filter, sort, descending, 0,
                                       limit > 0 ? MIN ((guint) limit, count) : count,
                                       &error);
  if (rows == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    print_list_json (rows);
  else
    {
      currency = relance_company_currency (db);
      print_list_text (cli, rows, currency, count);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* The open items of one currency */
static GPtrArray *
filter_items (GPtrArray  *items,
              const char *currency)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (items, i);

      if (g_strcmp0 (relance_invoice_get_currency (invoice), currency) == 0)
        g_ptr_array_add (result, invoice);
    }
  return result;
}

static void
add_items_json (JsonBuilder *builder,
                GPtrArray   *items,
                RelanceDate  day)
{
  json_builder_set_member_name (builder, "open_items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "number", relance_invoice_get_number (invoice));
      relance_cli_json_add_date (builder, "due_date", relance_invoice_get_due_date (invoice));
      relance_cli_json_add_int (builder, "amount_cents", relance_invoice_get_amount_cents (invoice));
      relance_cli_json_add_int (builder, "remaining_cents",
                                relance_invoice_get_remaining_cents (invoice));
      relance_cli_json_add_int (builder, "days_late", relance_invoice_days_late (invoice, day));
      relance_cli_json_add_date (builder, "issue_date", relance_invoice_get_issue_date (invoice));
      relance_cli_json_add_string (builder, "kind",
                                   relance_invoice_kind_to_string (relance_invoice_get_kind (invoice)));
      relance_cli_json_add_string (builder, "currency", relance_invoice_get_currency (invoice));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The figure keys of the contract, for one currency */
static void
add_figures_json (JsonBuilder             *builder,
                  const RelanceFiguresRow *row,
                  const RelanceDsoResult  *dso,
                  GPtrArray               *items,
                  RelanceDate              day)
{
  relance_cli_json_add_string (builder, "currency", row->currency);
  relance_cli_json_add_int (builder, "global_cents", row->global_cents);
  relance_cli_json_add_int (builder, "partial_payments_cents", row->partial_cents);
  relance_cli_json_add_int (builder, "unallocated_cents", row->unallocated_cents);
  relance_cli_json_add_int (builder, "outstanding_cents", row->outstanding_cents);
  relance_cli_json_add_int (builder, "overdue_cents", row->overdue_cents);
  relance_cli_json_add_int (builder, "disputed_cents", row->disputed_cents);
  relance_cli_json_add_int (builder, "litigation_cents", row->litigation_cents);
  /* Count-back, never null: 0 when nothing is outstanding */
  relance_cli_json_add_days (builder, "dso_days",
                             row->has_dso && row->outstanding_cents > 0 ? row->dso_days : 0.0);
  relance_cli_json_add_string (builder, "dso_method", "count-back");
  json_builder_set_member_name (builder, "simple_dso_days");
  if (dso->has_simple)
    json_builder_add_double_value (builder, relance_cli_round2 (dso->simple_days));
  else
    json_builder_add_null_value (builder);
  add_items_json (builder, items, day);
}

static void
print_show_json (RelanceCli    *cli,
                 RelanceActor  *actor,
                 GArray        *figures,
                 GArray        *dsos,
                 GPtrArray     *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RelanceDate day = relance_cli_get_day (cli);

  json_builder_begin_object (builder);
  relance_cli_json_add_string (builder, "code", relance_actor_get_code (actor));
  relance_cli_json_add_string (builder, "name", relance_actor_get_name (actor));
  relance_cli_json_add_date (builder, "evaluation_date", day);
  relance_cli_json_add_string (builder, "segment", empty_to_null (relance_actor_get_segment (actor)));
  relance_cli_json_add_string (builder, "agent", empty_to_null (relance_actor_get_agent (actor)));

  for (guint i = 0; i < figures->len; i++)
    {
      const RelanceFiguresRow *row = &g_array_index (figures, RelanceFiguresRow, i);
      const RelanceDsoResult *dso = &g_array_index (dsos, RelanceDsoResult, i);
      g_autoptr(GPtrArray) currency_items = filter_items (items, row->currency);

      if (i == 1)
        {
          json_builder_set_member_name (builder, "other_currencies");
          json_builder_begin_array (builder);
        }
      if (i >= 1)
        json_builder_begin_object (builder);
      add_figures_json (builder, row, dso, currency_items, day);
      if (i >= 1)
        json_builder_end_object (builder);
    }
  if (figures->len > 1)
    json_builder_end_array (builder);
  else
    {
      json_builder_set_member_name (builder, "other_currencies");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  relance_cli_print_json (builder);
}

/* "Label:  value" lines, the values aligned whatever the translation */
static void
print_fields (const char * const *fields,
              guint               n_fields)
{
  gsize width = 0;

  for (guint i = 0; i < n_fields; i++)
    if (fields[2 * i + 1] != NULL && *fields[2 * i + 1] != '\0')
      width = MAX (width, relance_cli_text_width (fields[2 * i]));

  for (guint i = 0; i < n_fields; i++)
    {
      const char *label = fields[2 * i];
      const char *value = fields[2 * i + 1];
      gsize label_width = relance_cli_text_width (label);

      g_auto(GStrv) lines = NULL;

      if (value == NULL || *value == '\0')
        continue;
      g_print ("  %s", label);
      for (gsize k = label_width; k < width + 2; k++)
        g_print (" ");
      /* A multi-line value (the address) stays in its column */
      lines = g_strsplit (value, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0)
            for (gsize k = 0; k < width + 4; k++)
              g_print (" ");
          g_print ("%s\n", lines[l]);
        }
    }
}

/* Amounts right-aligned in their column */
static void
print_amount_fields (const char * const *fields,
                     guint               n_fields)
{
  gsize label_width = 0, value_width = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      label_width = MAX (label_width, relance_cli_text_width (fields[2 * i]));
      value_width = MAX (value_width, relance_cli_text_width (fields[2 * i + 1]));
    }
  for (guint i = 0; i < n_fields; i++)
    {
      g_print ("  %s", fields[2 * i]);
      for (gsize k = relance_cli_text_width (fields[2 * i]); k < label_width + 2; k++)
        g_print (" ");
      for (gsize k = relance_cli_text_width (fields[2 * i + 1]); k < value_width; k++)
        g_print (" ");
      g_print ("%s\n", fields[2 * i + 1]);
    }
}

static void
print_identity (RelanceCli   *cli,
                RelanceActor *actor)
{
  g_autofree char *address = relance_actor_dup_full_address (actor);
  g_autofree char *credit_limit = NULL;
  g_autofree char *terms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                                         relance_actor_get_payment_terms_days (actor)),
                                            relance_actor_get_payment_terms_days (actor));
  const char *kind = relance_actor_get_kind (actor) == RELANCE_ACTOR_KIND_PERSON
                       ? _("person") : _("company");

  if (relance_actor_get_credit_limit_cents (actor) != RELANCE_CREDIT_LIMIT_NONE)
    {
      g_autofree char *amount = relance_cli_format_amount (cli,
                                                           relance_actor_get_credit_limit_cents (actor),
                                                           relance_actor_get_credit_limit_currency (actor));

      if (relance_actor_get_credit_limit_end (actor) != RELANCE_DATE_NONE)
        {
          g_autofree char *end = relance_cli_format_date (cli, relance_actor_get_credit_limit_end (actor));

          credit_limit = g_strdup_printf (_("%s until %s"), amount, end);
        }
      else
        credit_limit = g_steal_pointer (&amount);
    }

  {
    const char *fields[] = {
      _("Kind:"), kind,
      _("SIREN:"), relance_actor_get_siren (actor),
      _("SIRET:"), relance_actor_get_siret (actor),
      _("VAT number:"), relance_actor_get_vat_number (actor),
      _("Address:"), address,
      _("Email:"), relance_actor_get_email (actor),
      _("Phone:"), relance_actor_get_phone (actor),
      _("Mobile:"), relance_actor_get_mobile (actor),
      _("Language:"), relance_actor_get_language (actor),
      _("Segment:"), relance_actor_get_segment (actor),
      _("Agent:"), relance_actor_get_agent (actor),
      _("Credit limit:"), credit_limit,
      _("Payment terms:"), terms,
      _("Status:"), relance_actor_get_active (actor) ? NULL : _("inactive"),
    };

    g_print ("%s — %s\n", relance_actor_get_code (actor), relance_actor_get_name (actor));
    print_fields (fields, G_N_ELEMENTS (fields) / 2);
  }
}

static void
print_contacts (GPtrArray *contacts)
{
  if (contacts == NULL || contacts->len == 0)
    return;

  g_print ("\n%s\n", _("Contacts"));
  for (guint i = 0; i < contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GString) line = g_string_new ("  ");
      const char *parts[] = {
        relance_contact_get_role (contact),
        relance_contact_get_email (contact),
        relance_contact_get_phone (contact),
        relance_contact_get_mobile (contact),
      };

      if (empty_to_null (relance_contact_get_title (contact)))
        g_string_append_printf (line, "%s ", relance_contact_get_title (contact));
      g_string_append (line, relance_contact_get_name (contact));
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (empty_to_null (parts[k]))
          g_string_append_printf (line, " · %s", parts[k]);
      if (relance_contact_get_dunning (contact))
        g_string_append_printf (line, " (%s)", _("dunning contact"));
      g_print ("%s\n", line->str);
    }
}

static void
print_figures (RelanceCli              *cli,
               const RelanceFiguresRow *row,
               const RelanceDsoResult  *dso)
{
  g_autofree char *day = relance_cli_format_date (cli, relance_cli_get_day (cli));
  g_autofree char *global = relance_cli_format_amount (cli, row->global_cents, row->currency);
  g_autofree char *partial = relance_cli_format_amount (cli, row->partial_cents, row->currency);
  g_autofree char *unallocated = relance_cli_format_amount (cli, row->unallocated_cents, row->currency);
  g_autofree char *outstanding = relance_cli_format_amount (cli, row->outstanding_cents, row->currency);
  g_autofree char *overdue = relance_cli_format_amount (cli, row->overdue_cents, row->currency);
  g_autofree char *disputed = relance_cli_format_amount (cli, row->disputed_cents, row->currency);
  g_autofree char *litigation = relance_cli_format_amount (cli, row->litigation_cents, row->currency);
  g_autofree char *count_back = relance_cli_format_days (cli, row->has_dso && row->outstanding_cents > 0
                                                                ? row->dso_days : 0.0);
  g_autofree char *count_back_text = g_strdup_printf (_("%s days"), count_back);
  g_autofree char *simple = dso->has_simple ? relance_cli_format_days (cli, dso->simple_days) : NULL;
  g_autofree char *simple_text = simple ? g_strdup_printf (_("%s days"), simple) : g_strdup ("—");
  const char *fields[] = {
    _("Global amount"), global,
    _("Partial payments"), partial,
    _("Unallocated payments"), unallocated,
    _("Outstanding"), outstanding,
    _("Overdue"), overdue,
    _("Disputed"), disputed,
    _("In litigation"), litigation,
    _("DSO (count-back)"), count_back_text,
    _("DSO (simple, 90 days)"), simple_text,
  };

  g_print ("\n");
  g_print (_("Figures on %s (%s)"), day, row->currency);
  g_print ("\n");
  print_amount_fields (fields, G_N_ELEMENTS (fields) / 2);
}

static void
print_items (RelanceCli *cli,
             GPtrArray  *items)
{
  g_autoptr(RelanceCliTable) table = NULL;
  RelanceDate day = relance_cli_get_day (cli);

  g_print ("\n");
  if (items->len == 0)
    {
      g_print ("%s\n", _("No open items"));
      return;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u open item\n", "%u open items\n", items->len),
           items->len);

  table = relance_cli_table_new (7);
  relance_cli_table_set_column (table, 0, _("Number"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 1, _("Kind"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 2, _("Issued"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 3, _("Due"), RELANCE_CLI_ALIGN_LEFT, 0);
  relance_cli_table_set_column (table, 4, _("Amount"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 5, _("Remaining"), RELANCE_CLI_ALIGN_RIGHT, 0);
  relance_cli_table_set_column (table, 6, _("Days late"), RELANCE_CLI_ALIGN_RIGHT, 0);

  for (guint i = 0; i < items->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (items, i);
      const char *currency = relance_invoice_get_currency (invoice);
      int days_late = relance_invoice_days_late (invoice, day);

      relance_cli_table_add_row (table);
      relance_cli_table_set (table, 0, relance_invoice_get_number (invoice));
      relance_cli_table_set (table, 1, relance_invoice_kind_to_string (relance_invoice_get_kind (invoice)));
      relance_cli_table_take (table, 2, relance_cli_format_date (cli, relance_invoice_get_issue_date (invoice)));
      relance_cli_table_take (table, 3, relance_cli_format_date (cli, relance_invoice_get_due_date (invoice)));
      relance_cli_table_take (table, 4, relance_cli_format_amount (cli, relance_invoice_get_amount_cents (invoice),
                                                                   currency));
      relance_cli_table_take (table, 5, relance_cli_format_amount (cli, relance_invoice_get_remaining_cents (invoice),
                                                                   currency));
      relance_cli_table_take (table, 6, days_late > 0 ? g_strdup_printf ("%d", days_late) : g_strdup (""));
    }
  relance_cli_table_print (table, stdout);
}

static int
customer_show (RelanceCli  *cli,
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
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GArray) dsos = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  RelanceDate day;
  int status;

  context = relance_cli_option_context_new (cli, "customer show CODE",
                                            _("Show a customer’s card: identity, contacts, "
                                              "figures on the evaluation day and open items."),
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

  day = relance_cli_get_day (cli);
  figures = relance_customer_figures_compute (db, relance_actor_get_id (actor), day, &error);
  if (figures == NULL)
    return relance_cli_fail_error (error);

  /* The simple DSO, which the figures do not carry, per currency */
  dsos = g_array_sized_new (FALSE, TRUE, sizeof (RelanceDsoResult), figures->len);
  g_array_set_size (dsos, figures->len);
  for (guint i = 0; i < figures->len; i++)
    {
      const RelanceFiguresRow *row = &g_array_index (figures, RelanceFiguresRow, i);

      if (!relance_dso_compute (db, relance_actor_get_id (actor), day, row->currency,
                                &g_array_index (dsos, RelanceDsoResult, i), &error))
        return relance_cli_fail_error (error);
    }

  items = relance_invoice_store_list_for_actor (db, relance_actor_get_id (actor), TRUE, &error);
  if (items == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      print_show_json (cli, actor, figures, dsos, items);
      return RELANCE_CLI_EXIT_OK;
    }

  contacts = relance_contact_store_list_for_actor (db, relance_actor_get_id (actor), &error);
  if (contacts == NULL)
    return relance_cli_fail_error (error);

  print_identity (cli, actor);
  print_contacts (contacts);
  for (guint i = 0; i < figures->len; i++)
    print_figures (cli, &g_array_index (figures, RelanceFiguresRow, i),
                   &g_array_index (dsos, RelanceDsoResult, i));
  print_items (cli, items);
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_customer (RelanceCli  *cli,
                      int          argc,
                      char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "list", customer_list },
    { "show", customer_show },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n  relance-cli customer list [--filter TEXT] [--sort KEY] [--desc] "
               "[--limit N] [--json]\n  relance-cli customer show CODE [--json]\n\n%s\n",
               _("Usage:"),
               _("Run “relance-cli customer list --help” or “relance-cli customer show --help” "
                 "for the options."));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown customer command: use “list” or “show CODE”"),
                                       _("customer needs a command: “list” or “show CODE”"),
                                       _("Run “relance-cli customer --help” for the usage."));
}
