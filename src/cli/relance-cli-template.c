/* relance-cli-template.c — relance-cli template: the letters' and emails' texts
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
#include "relance-placeholders.h"
#include "relance-template-store.h"

/* Helpers */

static gboolean
is_language (const char *language)
{
  return g_strcmp0 (language, "fr") == 0 || g_strcmp0 (language, "en") == 0;
}

static void
add_template_json (JsonBuilder           *builder,
                   const RelanceTemplate *tpl,
                   gboolean               with_text)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", tpl->id);
  relance_cli_json_add_string (builder, "code", tpl->code);
  relance_cli_json_add_string (builder, "language", tpl->language);
  relance_cli_json_add_string (builder, "kind", relance_template_kind_to_string (tpl->kind));
  json_builder_set_member_name (builder, "level");
  if (tpl->level >= 0)
    json_builder_add_int_value (builder, tpl->level);
  else
    json_builder_add_null_value (builder);
  relance_cli_json_add_string (builder, "name", tpl->name);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, tpl->active);
  relance_cli_json_add_string (builder, "updated_at", tpl->updated_at);
  relance_cli_json_add_string (builder, "updated_by", tpl->updated_by);
  if (with_text)
    {
      relance_cli_json_add_string (builder, "subject", tpl->subject);
      relance_cli_json_add_string (builder, "body", tpl->body);
    }
  json_builder_end_object (builder);
}

/* The subject and body of @tpl checked as the documents will read them */
static gboolean
check_template (const RelanceTemplate  *tpl,
                GError                **error)
{
  return relance_placeholders_check (tpl->subject ? tpl->subject : "", "subject", error) &&
         relance_placeholders_check (tpl->body ? tpl->body : "", "body", error);
}

/* The text of --body-file: a file, or "-" for the standard input */
static char *
read_body (const char  *path,
           GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GString) in = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (in, buffer, (gssize) n);
      length = in->len;
      text = g_string_free (g_steal_pointer (&in), FALSE);
    }
  else if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  if (!g_utf8_validate (text, (gssize) length, NULL) || memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                   _("%s is not UTF-8 text: save it as UTF-8"),
                   g_strcmp0 (path, "-") == 0 ? _("The standard input") : path);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* template list */

static int
template_list (RelanceCli  *cli,
               int          argc,
               char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "template list",
                                            _("List the templates of letters, emails and SMS, "
                                              "in every language."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  templates = relance_template_store_list (db, &error);
  if (templates == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < templates->len; i++)
        add_template_json (builder, g_ptr_array_index (templates, i), FALSE);
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (6);

      relance_cli_table_set_column (table, 0, _("Code"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 1, _("Language"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Kind"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 3, _("Level"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 4, _("Active"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 5, _("Name"), RELANCE_CLI_ALIGN_LEFT, 48);
      for (guint i = 0; i < templates->len; i++)
        {
          const RelanceTemplate *tpl = g_ptr_array_index (templates, i);

          relance_cli_table_add_row (table);
          relance_cli_table_set (table, 0, tpl->code);
          relance_cli_table_set (table, 1, tpl->language);
          relance_cli_table_set (table, 2, relance_template_kind_to_string (tpl->kind));
          if (tpl->level >= 0)
            relance_cli_table_take (table, 3, g_strdup_printf ("%d", tpl->level));
          relance_cli_table_set (table, 4, tpl->active ? _("yes") : _("no"));
          relance_cli_table_set (table, 5, tpl->name);
        }
      relance_cli_table_print (table, stdout);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* template show */

static int
template_show (RelanceCli  *cli,
               int          argc,
               char       **argv)
{
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("fr or en (default: the language of the locale)"), N_("LANGUAGE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "template show CODE",
                                            _("Print a template: its subject and its body with "
                                              "their [[PLACEHOLDERS]]."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the code of one template"));
  if (language != NULL && !is_language (language))
    return relance_cli_usage_error (context, _("Unknown language “%s”: use fr or en"), language);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  tpl = relance_template_store_find (db, argv[1], language ? language : cli->language, FALSE,
                                     &error);
  if (tpl == NULL && error != NULL)
    return relance_cli_fail_error (error);
  if (tpl == NULL)
    return relance_cli_fail (_("No template “%s” in %s: see “relance-cli template list”"),
                             argv[1], language ? language : cli->language);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_template_json (builder, tpl, TRUE);
      relance_cli_print_json (builder);
    }
  else
    {
      g_print ("%s (%s, %s)%s\n", tpl->code, tpl->language,
               relance_template_kind_to_string (tpl->kind),
               tpl->active ? "" : _(" — inactive"));
      g_print (_("Name: %s"), tpl->name);
      g_print ("\n");
      if (tpl->level >= 0)
        {
          g_print (_("Level: %d"), tpl->level);
          g_print ("\n");
        }
      if (tpl->updated_at != NULL)
        {
          g_print (_("Changed: %s by %s"), tpl->updated_at,
                   tpl->updated_by ? tpl->updated_by : "?");
          g_print ("\n");
        }
      g_print (_("Subject: %s"), tpl->subject);
      g_print ("\n\n%s\n", tpl->body);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* template set */

static int
template_set (RelanceCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *language = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  int level = -1;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("fr or en (required)"),
      N_("LANGUAGE") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("The subject line"), N_("TEXT") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file,
      N_("The body, from a UTF-8 file (- for the standard input)"), N_("FILE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("What people call the template"),
      N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("A new template: letter, notice, statement, interest, plan, email or sms"),
      N_("KIND") },
    { "level", 0, 0, G_OPTION_ARG_INT, &level, N_("A new template: its dunning level"),
      N_("L") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  RelanceTemplateKind template_kind = RELANCE_TEMPLATE_KIND_LETTER;
  gboolean created = FALSE;
  int status;

  context = relance_cli_option_context_new (cli, "template set CODE --language L",
                                            _("Change a template’s subject, body or name, or "
                                              "add a template with --kind. The placeholders are "
                                              "checked first: an unknown one is refused with its "
                                              "line and column, and nothing is written."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the code of one template"));
  if (language == NULL)
    return relance_cli_usage_error (context, "%s", _("Say which language with --language"));
  if (!is_language (language))
    return relance_cli_usage_error (context, _("Unknown language “%s”: use fr or en"), language);
  if (kind != NULL && !relance_template_kind_from_string (kind, &template_kind))
    return relance_cli_usage_error (context, _("Unknown kind “%s”: use letter, notice, "
                                               "statement, interest, plan, email or sms"),
                                    kind);
  if (level < -1 || level > 9)
    return relance_cli_usage_error (context, _("--level must be between 0 and 9"));
  if (subject == NULL && body_file == NULL && name == NULL)
    return relance_cli_usage_error (context, "%s",
                                    _("Nothing to change: give --subject, --body-file or --name"));

  if (body_file != NULL)
    {
      body = read_body (body_file, &error);
      if (body == NULL)
        return relance_cli_fail_error (error);
    }

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  tpl = relance_template_store_find (db, argv[1], language, FALSE, &error);
  if (tpl == NULL && error != NULL)
    return relance_cli_fail_error (error);
  if (tpl == NULL)
    {
      /* A new template says everything about itself */
      if (kind == NULL || subject == NULL || body == NULL || name == NULL)
        return relance_cli_fail (_("No template “%s” in %s: to add one, give --kind, --name, "
                                   "--subject and --body-file"),
                                 argv[1], language);
      tpl = relance_template_new ();
      tpl->code = g_strdup (argv[1]);
      tpl->language = g_strdup (language);
      tpl->kind = template_kind;
      tpl->level = level;
      tpl->active = TRUE;
      created = TRUE;
    }
  else if (kind != NULL || level != -1)
    return relance_cli_usage_error (context, "%s", _("--kind and --level only go with a new "
                                                     "template: the kind of one in use does "
                                                     "not change"));

  if (subject != NULL)
    {
      g_free (tpl->subject);
      tpl->subject = g_strdup (subject);
    }
  if (body != NULL)
    {
      g_free (tpl->body);
      tpl->body = g_strdup (body);
    }
  if (name != NULL)
    {
      g_free (tpl->name);
      tpl->name = g_strdup (name);
    }

  /* Refused before anything is written: a letter with a raw [[FOO]] must
   * never reach a debtor */
  if (!check_template (tpl, &error))
    {
      if (body_file != NULL && g_strcmp0 (body_file, "-") != 0)
        return relance_cli_fail ("%s: %s", body_file, error->message);
      return relance_cli_fail_error (error);
    }

  if (!relance_template_store_save (db, tpl, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_template_json (builder, tpl, TRUE);
      relance_cli_print_json (builder);
    }
  else
    {
      g_print (created ? _("Template %s (%s) added") : _("Template %s (%s) changed"),
               tpl->code, tpl->language);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* template check */

static int
template_check (RelanceCli  *cli,
                int          argc,
                char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint checked = 0, wrong = 0;
  int status;

  context = relance_cli_option_context_new (cli, "template check",
                                            _("Check the placeholders of every active template; "
                                              "exit status 1 when one is wrong."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  templates = relance_template_store_list (db, &error);
  if (templates == NULL)
    return relance_cli_fail_error (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < templates->len; i++)
    {
      const RelanceTemplate *tpl = g_ptr_array_index (templates, i);
      g_autoptr(GError) check_error = NULL;

      if (!tpl->active)
        continue;
      checked++;
      if (check_template (tpl, &check_error))
        continue;
      wrong++;
      json_builder_begin_object (builder);
      relance_cli_json_add_string (builder, "code", tpl->code);
      relance_cli_json_add_string (builder, "language", tpl->language);
      relance_cli_json_add_string (builder, "message", check_error->message);
      json_builder_end_object (builder);
      if (!cli->json)
        g_print ("%s (%s): %s\n", tpl->code, tpl->language, check_error->message);
    }
  json_builder_end_array (builder);
  relance_cli_json_add_int (builder, "checked", checked);
  relance_cli_json_add_int (builder, "wrong", wrong);
  json_builder_end_object (builder);

  if (cli->json)
    relance_cli_print_json (builder);
  else if (wrong == 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u active template checked: no error",
                            "%u active templates checked: no error", checked),
               checked);
      g_print ("\n");
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u active templates is wrong",
                            "%u of %u active templates are wrong", wrong),
               wrong, checked);
      g_print ("\n");
    }
  return wrong == 0 ? RELANCE_CLI_EXIT_OK : RELANCE_CLI_EXIT_FAILURE;
}

/* template activate | deactivate */

static int
template_set_active (RelanceCli  *cli,
                     int          argc,
                     char       **argv,
                     gboolean     active)
{
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("fr or en (required)"),
      N_("LANGUAGE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli,
                                            active ? "template activate CODE --language L"
                                                   : "template deactivate CODE --language L",
                                            active ? _("Make a template usable again.")
                                                   : _("Stop using a template: scenario steps "
                                                       "that name it make nothing until it is "
                                                       "active again. Nothing is deleted."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the code of one template"));
  if (language == NULL)
    return relance_cli_usage_error (context, "%s", _("Say which language with --language"));
  if (!is_language (language))
    return relance_cli_usage_error (context, _("Unknown language “%s”: use fr or en"), language);

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  tpl = relance_template_store_find (db, argv[1], language, FALSE, &error);
  if (tpl == NULL && error != NULL)
    return relance_cli_fail_error (error);
  if (tpl == NULL)
    return relance_cli_fail (_("No template “%s” in %s: see “relance-cli template list”"),
                             argv[1], language);
  /* A template is checked before it goes back into use, as on saving */
  if (active && !check_template (tpl, &error))
    return relance_cli_fail_error (error);
  if (tpl->active != active &&
      !relance_template_store_set_active (db, tpl->id, active, &error))
    return relance_cli_fail_error (error);

  g_print (active ? _("Template %s (%s) is active") : _("Template %s (%s) is inactive"),
           tpl->code, tpl->language);
  g_print ("\n");
  return RELANCE_CLI_EXIT_OK;
}

static int
template_activate (RelanceCli  *cli,
                   int          argc,
                   char       **argv)
{
  return template_set_active (cli, argc, argv, TRUE);
}

static int
template_deactivate (RelanceCli  *cli,
                     int          argc,
                     char       **argv)
{
  return template_set_active (cli, argc, argv, FALSE);
}

/* Public */

int
relance_cli_template (RelanceCli  *cli,
                      int          argc,
                      char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "list", template_list },
    { "show", template_show },
    { "set", template_set },
    { "check", template_check },
    { "activate", template_activate },
    { "deactivate", template_deactivate },
  };
  int status;

  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n"
               "  relance-cli template list [--json]\n"
               "  relance-cli template show CODE [--language fr|en] [--json]\n"
               "  relance-cli template set CODE --language fr|en [--subject TEXT]\n"
               "                           [--body-file FILE] [--name TEXT]\n"
               "                           [--kind KIND --level L] [--json]\n"
               "  relance-cli template check [--json]\n"
               "  relance-cli template activate|deactivate CODE --language fr|en\n\n%s\n",
               _("Usage:"),
               _("The placeholders are listed in docs/templates.md."));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown template command: use “list”, “show”, “set”, "
                                         "“check”, “activate” or “deactivate”"),
                                       _("template needs a command: “list”, “show”, “set”, "
                                         "“check”, “activate” or “deactivate”"),
                                       _("Run “relance-cli template --help” for the usage."));
}
