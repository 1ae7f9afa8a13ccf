/* relance-cli-company.c — relance-cli company show|set: the creditor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"
#include "relance-company-store.h"

/* Helpers */

static gboolean
is_known_field (const char *field)
{
  const char * const *fields = relance_company_fields ();

  for (guint i = 0; fields[i] != NULL; i++)
    if (g_strcmp0 (fields[i], field) == 0)
      return TRUE;
  return FALSE;
}

static char *
dup_field_list (void)
{
  return g_strjoinv (", ", (char **) relance_company_fields ());
}

/* The identifiers are stored as the checks read them ("732829320", not
 * "732 829 320"), so that letters and exports print one form. */
static gboolean
is_identifier (const char *field)
{
  return g_strcmp0 (field, "siren") == 0 || g_strcmp0 (field, "vat_number") == 0 ||
         g_strcmp0 (field, "iban") == 0 || g_strcmp0 (field, "bic") == 0;
}

/* The controls of the fields that letters print and banks read: a wrong
 * SIREN, VAT number, IBAN or e-mail address is blocking, as a letter that
 * carries one is worse than a letter not sent. */
static void
validate (RelanceCompany    *company,
          RelanceValidation *validation)
{
  if (company->name == NULL || *company->name == '\0')
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "name", "%s",
                            _("The company has no name: no document can be made until it has one"));
  if (company->siren != NULL && *company->siren != '\0' &&
      !relance_check_siren (company->siren))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "siren",
                            _("“%s” is not a SIREN: 9 digits, the last one a Luhn check digit"),
                            company->siren);
  if (company->vat_number != NULL && *company->vat_number != '\0')
    {
      gboolean french = g_str_has_prefix (company->vat_number, "FR");

      if (french && !relance_check_french_vat (company->vat_number, NULL))
        relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "vat_number",
                                _("“%s” is not a French VAT number: FR, a two-digit key and "
                                  "the SIREN"),
                                company->vat_number);
      else if (french && company->siren != NULL && *company->siren != '\0' &&
               relance_check_siren (company->siren) &&
               !relance_check_french_vat (company->vat_number, company->siren))
        relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "vat_number",
                                _("The VAT number %s does not contain the SIREN %s"),
                                company->vat_number, company->siren);
      else if (!french)
        relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "vat_number",
                                _("The VAT number %s is not French: it is not checked"),
                                company->vat_number);
    }
  if (company->iban != NULL && *company->iban != '\0' && !relance_check_iban (company->iban))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "iban",
                            _("“%s” is not a valid IBAN: its check digits do not match"),
                            company->iban);
  if (company->email != NULL && *company->email != '\0' && !relance_check_email (company->email))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "email",
                            _("“%s” is not an e-mail address"), company->email);
  if (company->logo_path != NULL && *company->logo_path != '\0' &&
      !g_file_test (company->logo_path, G_FILE_TEST_IS_REGULAR))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "logo_path",
                            _("There is no file %s: the letters will have no logo"),
                            company->logo_path);
}

static void
print_company (RelanceCli     *cli,
               RelanceCompany *company)
{
  const char * const *fields = relance_company_fields ();

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      for (guint i = 0; fields[i] != NULL; i++)
        {
          char **value = relance_company_field (company, fields[i]);

          relance_cli_json_add_string (builder, fields[i],
                                       *value != NULL && **value != '\0' ? *value : NULL);
        }
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
      return;
    }

  {
    g_autoptr(RelanceCliTable) table = relance_cli_table_new (2);

    relance_cli_table_set_column (table, 0, _("Field"), RELANCE_CLI_ALIGN_LEFT, 0);
    relance_cli_table_set_column (table, 1, _("Value"), RELANCE_CLI_ALIGN_LEFT, 0);
    for (guint i = 0; fields[i] != NULL; i++)
      {
        char **value = relance_company_field (company, fields[i]);

        relance_cli_table_add_row (table);
        relance_cli_table_set (table, 0, fields[i]);
        relance_cli_table_set (table, 1, *value != NULL ? *value : "");
      }
    relance_cli_table_print (table, stdout);
  }
}

/* company show */

static int
company_show (RelanceCli  *cli,
              int          argc,
              char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "company show",
                                            _("Show the creditor that letters are signed with."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  company = relance_company_store_load (db, &error);
  if (company == NULL)
    return relance_cli_fail_error (error);
  print_company (cli, company);
  return RELANCE_CLI_EXIT_OK;
}

/* company set */

static int
company_set (RelanceCli  *cli,
             int          argc,
             char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = dup_field_list ();
  g_autofree char *description = NULL;
  int status;

  description = g_strdup_printf (_("Fields: %s. An empty VALUE clears the field. A SIREN, "
                                   "VAT number, IBAN or e-mail address that is not valid is "
                                   "refused, and nothing is written."),
                                 fields);
  context = relance_cli_option_context_new (cli, "company set FIELD VALUE [FIELD VALUE]…",
                                            _("Set the creditor’s name, address, identifiers, "
                                              "bank details and signatory."),
                                            entries);
  g_option_context_set_description (context, description);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc < 3 || (argc - 1) % 2 != 0)
    return relance_cli_usage_error (context, "%s", _("Give pairs of FIELD VALUE"));
  for (int i = 1; i < argc; i += 2)
    if (!is_known_field (argv[i]))
      return relance_cli_usage_error (context, _("Unknown field “%s”: use one of %s"),
                                      argv[i], fields);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  company = relance_company_store_load (db, &error);
  if (company == NULL)
    return relance_cli_fail_error (error);

  for (int i = 1; i < argc; i += 2)
    {
      char **value = relance_company_field (company, argv[i]);
      g_autofree char *text = g_strstrip (g_strdup (argv[i + 1]));

      g_free (*value);
      if (*text == '\0')
        *value = NULL;
      else if (is_identifier (argv[i]))
        *value = relance_normalize_identifier (text);
      else
        *value = g_steal_pointer (&text);
    }

  validate (company, validation);
  for (guint i = 0; i < relance_validation_get_n_issues (validation); i++)
    {
      const RelanceIssue *issue = relance_validation_get_issue (validation, i);

      g_printerr ("relance-cli: %s: %s%s\n", issue->field,
                  issue->severity == RELANCE_SEVERITY_WARNING ? _("warning: ") : "",
                  issue->message);
    }
  if (relance_validation_has_blocking (validation))
    return relance_cli_fail ("%s", _("Nothing was written: correct the fields above"));

  if (!relance_company_store_save (db, company, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    print_company (cli, company);
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%d field of the company written",
                            "%d fields of the company written", (argc - 1) / 2),
               (argc - 1) / 2);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_company (RelanceCli  *cli,
                     int          argc,
                     char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "show", company_show },
    { "set", company_set },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_autofree char *fields = dup_field_list ();

      g_print ("%s\n\n"
               "  relance-cli company show [--json]\n"
               "  relance-cli company set FIELD VALUE [FIELD VALUE]… [--json]\n\n",
               _("Usage:"));
      g_print (_("Fields: %s"), fields);
      g_print ("\n");
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown company command: use “show” or “set”"),
                                       _("company needs a command: “show” or “set FIELD VALUE”"),
                                       _("Run “relance-cli company --help” for the usage."));
}
