/* relance-cli-document.c — relance-cli document: letters, formal notices,
 * statements as PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-cli-private.h"
#include "relance-documents.h"

/* Helpers */

static gboolean
write_bytes (const char  *path,
             GBytes      *content,
             GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (content, &size);

  return g_file_set_contents (path, data, (gssize) size, error);
}

static char *
format_size (gint64 size)
{
  return g_format_size_full ((guint64) size, G_FORMAT_SIZE_IEC_UNITS);
}

static void
add_level_json (JsonBuilder *builder,
                int          level)
{
  json_builder_set_member_name (builder, "level");
  if (level >= 0)
    json_builder_add_int_value (builder, level);
  else
    json_builder_add_null_value (builder);
}

static void
add_info_json (JsonBuilder               *builder,
               const RelanceDocumentInfo *info)
{
  json_builder_begin_object (builder);
  relance_cli_json_add_int (builder, "id", info->id);
  relance_cli_json_add_date (builder, "date", info->document_date);
  relance_cli_json_add_string (builder, "kind", info->kind);
  add_level_json (builder, info->level);
  relance_cli_json_add_string (builder, "template", info->template_code);
  relance_cli_json_add_string (builder, "language", info->language);
  relance_cli_json_add_string (builder, "title", info->title);
  relance_cli_json_add_string (builder, "file_name", info->file_name);
  relance_cli_json_add_int (builder, "size", info->size);
  relance_cli_json_add_string (builder, "sha256", info->sha256);
  json_builder_set_member_name (builder, "action_id");
  if (info->action_id != 0)
    json_builder_add_int_value (builder, info->action_id);
  else
    json_builder_add_null_value (builder);
  relance_cli_json_add_string (builder, "created_at", info->created_at);
  relance_cli_json_add_string (builder, "created_by", info->created_by);
  json_builder_end_object (builder);
}

/* The ids of the invoices --invoice names, each checked to be @actor's */
static GArray *
find_invoices (RelanceDatabase  *db,
               RelanceActor     *actor,
               char            **numbers,
               GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(RelanceInvoice) invoice = NULL;
      gint64 id;

      invoice = relance_invoice_store_find_by_number (db, numbers[i], &local_error);
      if (invoice == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (invoice == NULL || relance_invoice_get_actor_id (invoice) != relance_actor_get_id (actor))
        {
          g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                       _("%s has no invoice numbered “%s”"), relance_actor_get_code (actor),
                       numbers[i]);
          return NULL;
        }
      id = relance_invoice_get_id (invoice);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* document letter|notice|statement|interest|plan */

static int
document_make (RelanceCli          *cli,
               RelanceDocumentKind  kind,
               int                  argc,
               char               **argv)
{
  int level = -1;
  g_autofree char *language = NULL;
  g_autofree char *template_code = NULL;
  gint64 action_id = 0;
  int deadline = 0;
  g_auto(GStrv) invoices = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "level", 0, 0, G_OPTION_ARG_INT, &level,
      N_("letter: 0 courtesy, 1 first reminder, 2 second reminder (default: the level of the "
         "customer’s case)"), N_("L") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("fr or en (default: the dunning contact’s language)"), N_("LANGUAGE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_code,
      N_("The template’s code (default: chosen by kind, level and consumer or business)"),
      N_("CODE") },
    { "action", 0, 0, G_OPTION_ARG_INT64, &action_id,
      N_("The action the document is made for"), N_("ID") },
    { "deadline", 0, 0, G_OPTION_ARG_INT, &deadline,
      N_("Days given to pay (default: 8 for a notice, 15 for a letter)"), N_("DAYS") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING_ARRAY, &invoices,
      N_("An invoice the document is about (repeat; default: the open items)"), N_("NUMBER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write (default: the document’s file name, here)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GArray) invoice_ids = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = NULL;
  RelanceDocumentRequest request;
  const char *path;
  int status;

  usage = g_strdup_printf ("document %s CUSTOMER", relance_document_kind_to_string (kind));
  context = relance_cli_option_context_new (cli, usage,
                                            _("Make a document for a customer, store it on the "
                                              "customer’s timeline and write it as a PDF file."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the code of one customer"));
  if (language != NULL && g_strcmp0 (language, "fr") != 0 && g_strcmp0 (language, "en") != 0)
    return relance_cli_usage_error (context, _("Unknown language “%s”: use fr or en"), language);
  if (level < -1 || level > 2)
    return relance_cli_usage_error (context, "%s",
                                    _("--level is 0 (courtesy), 1 or 2 (reminders): a formal "
                                      "notice is “document notice”"));
  if (level >= 0 && kind != RELANCE_DOCUMENT_LETTER)
    return relance_cli_usage_error (context, "%s", _("--level goes with “document letter”"));
  if (deadline < 0 || deadline > 365)
    return relance_cli_usage_error (context, "%s", _("--deadline is a number of days, 1 to 365"));
  if (action_id < 0)
    return relance_cli_usage_error (context, "%s", _("--action takes an action’s id"));

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);
  if (invoices != NULL)
    {
      invoice_ids = find_invoices (db, actor, invoices, &error);
      if (invoice_ids == NULL)
        return relance_cli_fail_error (error);
    }

  relance_document_request_init (&request, kind, relance_actor_get_id (actor),
                                 relance_cli_get_day (cli));
  request.level = level;
  request.template_code = template_code;
  request.language = language;
  request.action_id = action_id;
  request.invoice_ids = invoice_ids;
  request.deadline_days = deadline;

  /* Not offered, no company name, a wrong placeholder: the error says
   * what to do, and nothing is stored */
  if (!relance_document_generate (db, &request, &info, &content, &error))
    return relance_cli_fail_error (error);

  path = output != NULL ? output : info->file_name;
  if (!write_bytes (path, content, &error))
    return relance_cli_fail (_("Document %" PRId64 " is stored, but could not be written: %s; "
                               "use “relance-cli document export %" PRId64 " -o FILE”"),
                             info->id, error->message, info->id);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "document_id", info->id);
      relance_cli_json_add_string (builder, "kind", info->kind);
      relance_cli_json_add_string (builder, "customer", relance_actor_get_code (actor));
      add_level_json (builder, info->level);
      relance_cli_json_add_string (builder, "language", info->language);
      relance_cli_json_add_string (builder, "template", info->template_code);
      relance_cli_json_add_string (builder, "title", info->title);
      relance_cli_json_add_date (builder, "date", info->document_date);
      relance_cli_json_add_string (builder, "file", path);
      relance_cli_json_add_int (builder, "size", info->size);
      relance_cli_json_add_string (builder, "sha256", info->sha256);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autofree char *size = format_size (info->size);

      g_print (_("Document %" PRId64 ": %s"), info->id, info->title);
      g_print ("\n");
      g_print (_("For %s (%s), template %s (%s)"), relance_actor_get_code (actor),
               relance_actor_get_name (actor), info->template_code ? info->template_code : "—",
               info->language);
      g_print ("\n");
      g_print (_("Written to %s: %s, SHA-256 %s"), path, size, info->sha256);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* document list */

static int
document_list (RelanceCli  *cli,
               int          argc,
               char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = relance_cli_option_context_new (cli, "document list CUSTOMER",
                                            _("List the documents made for a customer, newest "
                                              "first."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return relance_cli_usage_error (context, "%s", _("Give the code of one customer"));

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);
  actor = relance_cli_find_customer (db, argv[1], &error);
  if (actor == NULL)
    return relance_cli_fail_error (error);
  documents = relance_document_store_list_for_actor (db, relance_actor_get_id (actor), &error);
  if (documents == NULL)
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < documents->len; i++)
        add_info_json (builder, g_ptr_array_index (documents, i));
      json_builder_end_array (builder);
      relance_cli_print_json (builder);
    }
  else if (documents->len == 0)
    {
      g_print (_("No document for %s"), relance_actor_get_code (actor));
      g_print ("\n");
    }
  else
    {
      g_autoptr(RelanceCliTable) table = relance_cli_table_new (7);

      relance_cli_table_set_column (table, 0, _("Id"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 1, _("Date"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 2, _("Kind"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 3, _("Title"), RELANCE_CLI_ALIGN_LEFT, 48);
      relance_cli_table_set_column (table, 4, _("By"), RELANCE_CLI_ALIGN_LEFT, 0);
      relance_cli_table_set_column (table, 5, _("Action"), RELANCE_CLI_ALIGN_RIGHT, 0);
      relance_cli_table_set_column (table, 6, _("Size"), RELANCE_CLI_ALIGN_RIGHT, 0);
      for (guint i = 0; i < documents->len; i++)
        {
          const RelanceDocumentInfo *info = g_ptr_array_index (documents, i);

          relance_cli_table_add_row (table);
          relance_cli_table_take (table, 0, g_strdup_printf ("%" PRId64, info->id));
          relance_cli_table_take (table, 1, relance_cli_format_date (cli, info->document_date));
          relance_cli_table_set (table, 2, info->kind);
          relance_cli_table_set (table, 3, info->title);
          relance_cli_table_set (table, 4, info->created_by ? info->created_by : "");
          if (info->action_id != 0)
            relance_cli_table_take (table, 5, g_strdup_printf ("%" PRId64, info->action_id));
          relance_cli_table_take (table, 6, format_size (info->size));
        }
      relance_cli_table_print (table, stdout);
    }
  return RELANCE_CLI_EXIT_OK;
}

/* document export */

static int
document_export (RelanceCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: the document’s file name, here)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  const char *path;
  int status;

  context = relance_cli_option_context_new (cli, "document export ID",
                                            _("Write a stored document to a file, as it was "
                                              "made."),
                                            entries);
  status = relance_cli_parse_options (cli, context, &argc, &argv);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  status = relance_cli_open_document (cli, context, argc, argv, &db, &info);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;
  content = relance_document_store_get_content (db, info->id, &error);
  if (content == NULL)
    return relance_cli_fail_error (error);

  /* What was sent must come out unchanged: the digest recorded when it
   * was made says so */
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (g_strcmp0 (sha256, info->sha256) != 0)
    return relance_cli_fail (_("Document %" PRId64 " is damaged: its SHA-256 is %s, %s when it "
                               "was made"),
                             info->id, sha256, info->sha256);

  path = output != NULL ? output : info->file_name;
  if (!write_bytes (path, content, &error))
    return relance_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relance_cli_json_add_int (builder, "document_id", info->id);
      relance_cli_json_add_string (builder, "file", path);
      relance_cli_json_add_int (builder, "size", info->size);
      relance_cli_json_add_string (builder, "sha256", info->sha256);
      json_builder_end_object (builder);
      relance_cli_print_json (builder);
    }
  else
    {
      g_autofree char *size = format_size (info->size);

      g_print (_("Document %" PRId64 " (%s) written to %s: %s"), info->id, info->title, path,
               size);
      g_print ("\n");
    }
  return RELANCE_CLI_EXIT_OK;
}

/* Public */

int
relance_cli_document (RelanceCli  *cli,
                      int          argc,
                      char       **argv)
{
  static const RelanceCliSubcommand subcommands[] = {
    { "list", document_list },
    { "export", document_export },
  };
  RelanceDocumentKind kind;
  int status;

  if (argc >= 2 && relance_document_kind_from_string (argv[1], &kind))
    return document_make (cli, kind, argc - 1, argv + 1);
  if (relance_cli_dispatch (cli, argc, argv, subcommands, G_N_ELEMENTS (subcommands), &status))
    return status;

  if (relance_cli_is_help (argc, argv))
    {
      g_print ("%s\n\n"
               "  relance-cli document letter|notice|statement|interest|plan CUSTOMER\n"
               "                       [--level L] [--language fr|en] [--template CODE]\n"
               "                       [--action ID] [--deadline DAYS] [--invoice NUMBER]…\n"
               "                       [-o FILE.pdf] [--json]\n"
               "  relance-cli document list CUSTOMER [--json]\n"
               "  relance-cli document export ID [-o FILE] [--json]\n\n%s\n",
               _("Usage:"),
               _("Run “relance-cli document notice --help” (or list, export) for the options."));
      return RELANCE_CLI_EXIT_OK;
    }

  return relance_cli_subcommand_error (argc,
                                       _("Unknown document command: use letter, notice, statement, "
                                         "interest, plan, list or export"),
                                       _("document needs a command: letter, notice, statement, "
                                         "interest, plan, list or export"),
                                       _("Run “relance-cli document --help” for the usage."));
}
