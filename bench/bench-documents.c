/* bench-documents.c — formal notices as PDF, against LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a database of N business customers (default 1,000) with ten
 * overdue invoices each, due 50 to 59 days before the evaluation day, and
 * runs the daily run on that day: every case enters the standard
 * scenario at its J+45 step, the formal notice (level 3). Then it times
 * relance_document_render() of one formal notice per customer on this
 * one thread (fonts loaded once, nothing stored), and prints documents
 * per second, milliseconds per document and the average size.
 *
 * Beside it, the cost of the usual alternative: a word-processor letter
 * converted by LibreOffice. The first customer's notice is written as a
 * flat OpenDocument text (.fodt, one XML file: soffice reads it as it
 * reads an .odt) holding the letter's text, as pdftotext extracts it from
 * our PDF, and a real table of its ten invoices; `soffice --headless
 * --convert-to pdf` converts it alone, then twenty copies in one call.
 * Without soffice the bench says so and prints only our figures.
 *
 * Usage: bench-documents [--customers N] [--keep DIR]
 * docs/performance.md records the figures. Goal: ≥ 200 documents/s.
 */
#define G_LOG_DOMAIN "bench-documents"

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "relance-documents.h"

#define N_INVOICES 10

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The CPU time of this thread: on a shared machine, what the work cost
 * whatever else runs */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
check (gboolean     ok,
       const char  *what,
       GError      *error)
{
  if (!ok)
    g_error ("%s: %s", what, error ? error->message : "failed");
}

static void
set_company (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  RelanceCompany company = {
    .name = (char *) "Rhône Équipements Industriels",
    .legal_form = (char *) "SAS",
    .capital = (char *) "250 000 €",
    .address = (char *) "27 rue Garibaldi",
    .postcode = (char *) "69006",
    .city = (char *) "Lyon",
    .country = (char *) "France",
    .siren = (char *) "852074137",
    .vat_number = (char *) "FR47852074137",
    .phone = (char *) "+33 4 72 41 18 30",
    .email = (char *) "credit-clients@rhone-equipements.example.com",
    .iban = (char *) "FR7630004019690001025478963",
    .bic = (char *) "BNPAFRPPXXX",
    .signatory = (char *) "Mathilde Vallet",
    .signatory_title = (char *) "Responsable du crédit clients",
    .court = (char *) "Tribunal de commerce de Lyon",
  };

  check (relance_company_store_save (db, &company, &error), "company", error);
}

/* N customers, each with ten invoices due @day − 59 … @day − 50 */
static GArray *
make_portfolio (RelanceDatabase *db,
                int              n_customers,
                RelanceDate      day)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  check (relance_database_begin (db, &error), "begin", error);
  for (int c = 0; c < n_customers; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%06d", c + 1);
      g_autofree char *name = g_strdup_printf ("Société Lyonnaise de Négoce n° %d", c + 1);
      g_autoptr(RelanceActor) actor = relance_actor_new (code, name);
      g_autoptr(RelanceContact) contact = NULL;
      gint64 id;

      relance_actor_set_kind (actor, RELANCE_ACTOR_KIND_COMPANY);
      g_object_set (actor, "address", "12 avenue Jean Jaurès", "postcode", "69007",
                    "city", "Lyon", "segment", "PME", NULL);
      check (relance_actor_store_insert (db, actor, 0, &error), "customer", error);
      id = relance_actor_get_id (actor);
      g_array_append_val (ids, id);

      contact = relance_contact_new (id, "Claire Fontaine");
      relance_contact_set_role (contact, "Comptable");
      relance_contact_set_dunning (contact, TRUE);
      relance_contact_set_email (contact, "compta@negoce.example.com");
      check (relance_contact_store_insert (db, contact, &error), "contact", error);

      for (int i = 0; i < N_INVOICES; i++)
        {
          g_autofree char *number = g_strdup_printf ("FA2026-%06d", c * N_INVOICES + i + 1);
          g_autoptr(RelanceInvoice) invoice = relance_invoice_new (number, id);
          RelanceDate due = day - 59 + i;

          relance_invoice_set_issue_date (invoice, due - 30);
          relance_invoice_set_due_date (invoice, due);
          /* 1 000,00 € to 10 000,00 €, varied by customer */
          relance_invoice_set_amount_cents (invoice, 100000 + ((c * 7919 + i * 104729) % 900000));
          check (relance_invoice_store_insert (db, invoice, 0, &error), "invoice", error);
        }
    }
  check (relance_database_commit (db, &error), "commit", error);
  return g_steal_pointer (&ids);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* The flat .fodt of the letter: its paragraphs and the invoice table */
static char *
make_fodt (RelanceDatabase *db,
           gint64           actor_id,
           RelanceDate      day,
           const char      *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  static const char * const headers[] = {
    "N° facture", "Date", "Échéance", "Montant TTC", "Reste dû", "Jours de retard",
  };

  invoices = relance_invoice_store_list_for_actor (db, actor_id, TRUE, &error);
  check (invoices != NULL, "invoices", error);

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"\n"
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"\n"
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"\n"
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"\n"
    " office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
    " <office:automatic-styles>\n"
    "  <style:style style:name=\"P1\" style:family=\"paragraph\">\n"
    "   <style:text-properties fo:font-size=\"10pt\"/></style:style>\n"
    " </office:automatic-styles>\n"
    " <office:body><office:text>\n");
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      g_string_append (out, "  <text:p text:style-name=\"P1\">");
      append_escaped (out, paragraphs[i]);
      g_string_append (out, "</text:p>\n");
    }
  g_string_append (out, "  <table:table table:name=\"Factures\">\n"
                        "   <table:table-column table:number-columns-repeated=\"6\"/>\n"
                        "   <table:table-row>");
  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    g_string_append_printf (out, "<table:table-cell office:value-type=\"string\"><text:p>%s"
                                 "</text:p></table:table-cell>", headers[h]);
  g_string_append (out, "</table:table-row>\n");
  for (guint i = 0; i < invoices->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (invoices, i);
      g_autofree char *issue = relance_date_format (relance_invoice_get_issue_date (invoice), "fr");
      g_autofree char *due = relance_date_format (relance_invoice_get_due_date (invoice), "fr");
      g_autofree char *amount = relance_money_format_cents (relance_invoice_get_amount_cents (invoice),
                                                            "EUR", "fr");
      g_autofree char *remaining =
        relance_money_format_cents (relance_invoice_get_remaining_cents (invoice), "EUR", "fr");
      g_autofree char *late = g_strdup_printf ("%d", relance_invoice_days_late (invoice, day));
      const char *cells[] = { relance_invoice_get_number (invoice), issue, due, amount, remaining,
                              late };

      g_string_append (out, "   <table:table-row>");
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        {
          g_string_append (out, "<table:table-cell office:value-type=\"string\"><text:p>");
          append_escaped (out, cells[k]);
          g_string_append (out, "</text:p></table:table-cell>");
        }
      g_string_append (out, "</table:table-row>\n");
    }
  g_string_append (out, "  </table:table>\n </office:text></office:body>\n</office:document>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Runs @argv; FALSE when it could not run or failed */
static gboolean
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err,
                     &status, &error))
    {
      printf ("    %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      printf ("    %s: %s\n%s", argv[0], error->message, err ? err : "");
      return FALSE;
    }
  return TRUE;
}

/* soffice --convert-to pdf of @files (NULL-terminated) into @outdir, in
 * one call with its own fresh profile; the seconds it took, < 0 when it
 * failed */
static double
soffice_convert (const char         *soffice,
                 const char         *profile,
                 const char         *outdir,
                 const char * const *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;
  double t0;

  g_ptr_array_add (argv, g_strdup (soffice));
  g_ptr_array_add (argv, g_strdup_printf ("-env:UserInstallation=file://%s", profile));
  g_ptr_array_add (argv, g_strdup ("--headless"));
  g_ptr_array_add (argv, g_strdup ("--norestore"));
  g_ptr_array_add (argv, g_strdup ("--convert-to"));
  g_ptr_array_add (argv, g_strdup ("pdf"));
  g_ptr_array_add (argv, g_strdup ("--outdir"));
  g_ptr_array_add (argv, g_strdup (outdir));
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (files[i]));
  g_ptr_array_add (argv, NULL);

  t0 = now_s ();
  if (!run ((const char * const *) argv->pdata, &output))
    return -1;
  return now_s () - t0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static void
compare_with_soffice (RelanceDatabase *db,
                      gint64           actor_id,
                      RelanceDate      day,
                      GBytes          *pdf,
                      const char      *dir,
                      double           ours_ms)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf_path = g_build_filename (dir, "notice.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fodt = NULL;
  g_autofree char *profile = g_build_filename (dir, "soffice-profile", NULL);
  g_autofree char *outdir = g_build_filename (dir, "soffice-out", NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *one[2] = { NULL, NULL };
  double warm, single, twenty;

  if (soffice == NULL)
    {
      printf ("  soffice is not installed: no comparison with LibreOffice "
              "(apt-get install libreoffice-writer-nogui)\n");
      return;
    }
  if (pdftotext == NULL)
    {
      printf ("  pdftotext is not installed: no comparison with LibreOffice "
              "(apt-get install poppler-utils)\n");
      return;
    }

  check (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL),
                              (gssize) g_bytes_get_size (pdf), &error), "write", error);
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf_path, "-", NULL };

    if (!run (argv, &text))
      return;
  }
  fodt = make_fodt (db, actor_id, day, text);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("notice-%02d.fodt", i + 1);
      char *path = g_build_filename (dir, name, NULL);

      check (g_file_set_contents (path, fodt, -1, &error), "fodt", error);
      g_ptr_array_add (batch, path);
    }
  g_ptr_array_add (batch, NULL);
  one[0] = g_ptr_array_index (batch, 0);

  /* The first start of a new profile creates it: not counted */
  warm = soffice_convert (soffice, profile, outdir, one);
  if (warm < 0)
    return;
  single = soffice_convert (soffice, profile, outdir, one);
  twenty = soffice_convert (soffice, profile, outdir, (const char * const *) batch->pdata);
  if (single < 0 || twenty < 0)
    return;

  printf ("  LibreOffice (%s --headless --convert-to pdf, .fodt of %zu bytes; profile "
          "created first in %.2f s, not counted):\n", soffice, strlen (fodt), warm);
  printf ("    1 document in one call:    %8.1f ms = %7.2f documents/s  (Relance: %.2f ms, "
          "%.0f × faster)\n", single * 1000, 1 / single, ours_ms, single * 1000 / ours_ms);
  printf ("    20 documents in one call:  %8.1f ms = %7.2f documents/s, %.1f ms each  "
          "(Relance: %.0f × faster)\n", twenty * 1000, 20 / twenty, twenty * 1000 / 20,
          twenty * 1000 / 20 / ours_ms);

  for (guint i = 0; i + 1 < batch->len; i++)
    g_unlink (g_ptr_array_index (batch, i));
  g_unlink (pdf_path);
  remove_tree (outdir);
  remove_tree (profile);
}

int
main (int   argc,
      char *argv[])
{
  int customers = 1000;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, "Customers, one notice each", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and leave it", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Relance documents benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceRunReport) report = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *loadavg = NULL;
  RelanceDate day = relance_date_new (2026, 11, 23);
  double t0, c0, seconds, cpu, ms;
  guint64 bytes = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || customers < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--customers must be at least 1");
      return 2;
    }

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("relance-bench-XXXXXX", &error);
  check (dir != NULL, "work dir", error);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "documents.db", NULL);
  g_unlink (path);

  printf ("Relance documents benchmark — %d customers × %d overdue invoices, work dir %s\n",
          customers, N_INVOICES, dir);

  db = relance_database_open (path, &error);
  check (db != NULL, "open", error);
  set_company (db);
  t0 = now_s ();
  ids = make_portfolio (db, customers, day);
  check (relance_daily_run (db, day, NULL, NULL, NULL, NULL, &report, &error), "run", error);
  printf ("  portfolio and daily run: %.1f s; %u cases opened, %u actions by channel "
          "formal_notice\n", now_s () - t0, report->cases_opened,
          report->actions_by_channel[RELANCE_CHANNEL_FORMAL_NOTICE]);

  /* The notices, one after the other on this thread */
  t0 = now_s ();
  c0 = cpu_s ();
  for (guint i = 0; i < ids->len; i++)
    {
      RelanceDocumentRequest request;
      g_autoptr(GBytes) pdf = NULL;

      relance_document_request_init (&request, RELANCE_DOCUMENT_NOTICE,
                                     g_array_index (ids, gint64, i), day);
      pdf = relance_document_render (db, &request, NULL, &error);
      check (pdf != NULL, "render", error);
      bytes += g_bytes_get_size (pdf);
      if (first == NULL)
        first = g_bytes_ref (pdf);
    }
  seconds = now_s () - t0;
  cpu = cpu_s () - c0;
  ms = seconds * 1000 / ids->len;
  if (!g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    loadavg = g_strdup ("?");
  g_strchomp (loadavg);
  printf ("  Relance: %u formal notices in %.2f s = %.0f documents/s, %.2f ms each, "
          "average %.1f KiB (goal ≥ 200 documents/s)\n"
          "           CPU time of the thread %.2f s = %.0f documents per CPU second, %.2f ms "
          "each; load average at the end: %s\n",
          ids->len, seconds, ids->len / seconds, ms, bytes / 1024.0 / ids->len, cpu,
          ids->len / cpu, cpu * 1000 / ids->len, loadavg);

  compare_with_soffice (db, g_array_index (ids, gint64, 0), day, first, dir, ms);

  g_clear_object (&db);
  if (keep == NULL)
    remove_tree (dir);
  return 0;
}
