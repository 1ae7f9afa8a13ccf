/* bench-foundation.c — the figures of the foundation issue, in one run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a 100,000-customer / ~1,000,000-invoice demo database, then prints:
 *  - rows/s of `relance-cli import invoices` (the library call it makes) from
 *    a CSV of those invoices, next to rows/s of the sqlite3 shell's `.import`
 *    of the same file into a bare table;
 *  - the time of the portfolio aged balance and of the figures refresh;
 *  - the GUI's time from start to the first frame of the portfolio on that
 *    database, and its peak memory (when a display and the GUI exist).
 *
 * Usage: bench-foundation [--customers N] [--keep DIR] [--gui PATH]
 * Prints figures; asserts nothing. docs/performance.md records them.
 */
#define G_LOG_DOMAIN "bench-foundation"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "relance-engine.h"
#include "relance-csv-import.h"
#include "relance-demo.h"
#include "relance-actor-index.h"

typedef struct
{
  GPtrArray *codes;   /* indexed by actor id */
  FILE      *out;
} Export;

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gboolean
collect_code (const RelanceActorIndexRow *row,
              gpointer                    user_data)
{
  Export *e = user_data;

  if ((guint) row->id >= e->codes->len)
    g_ptr_array_set_size (e->codes, row->id + 1);
  g_ptr_array_index (e->codes, row->id) = g_strdup (row->code);
  fprintf (e->out, "%s;\"%s\"\n", row->code, row->name);
  return TRUE;
}

static gboolean
write_invoice (const RelanceInvoiceRow *row,
               gpointer                 user_data)
{
  Export *e = user_data;
  g_autofree char *issue = relance_date_to_iso (row->issue_date);
  g_autofree char *due = relance_date_to_iso (row->due_date);
  g_autofree char *amount = relance_money_format_plain (row->amount_cents);

  fprintf (e->out, "%s;%s;%s;%s;%s;%s;%s\n", row->number,
           (const char *) g_ptr_array_index (e->codes, row->actor_id),
           issue, due, amount, row->currency,
           relance_invoice_kind_to_string (row->kind));
  return TRUE;
}

static double
run_sqlite_import (const char *dir,
                   const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *sep = g_strdup (".separator ;");
  const char *argv[] = { "sqlite3", db, ".mode csv", sep, NULL, NULL };
  g_autofree char *import = g_strdup_printf (".import %s bare", csv);
  g_autoptr(GError) error = NULL;
  int status = 0;
  double t0;

  argv[4] = import;
  t0 = now_s ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 .import failed: %s\n", error->message);
      return -1;
    }
  return now_s () - t0;
}

/* Starts the GUI with RELANCE_PROFILE=quit: it prints the time of its first
 * portfolio frame and quits. Peak memory comes from wait4()'s rusage. */
static void
run_gui (const char *gui,
         const char *db,
         const char *day,
         const char *label)
{
  int pipefd[2];
  pid_t pid;
  struct rusage usage;
  int status;
  char buffer[4096];
  GString *output = g_string_new (NULL);
  ssize_t n;
  double t0 = now_s ();

  if (pipe (pipefd) != 0)
    return;
  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipefd[1], STDERR_FILENO);
      close (pipefd[0]);
      g_setenv ("RELANCE_PROFILE", "quit", TRUE);
      g_setenv ("RELANCE_DATE", day, TRUE);
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      g_setenv ("GDK_DEBUG", "no-portals", TRUE);
      execl (gui, gui, db, (char *) NULL);
      _exit (127);
    }
  close (pipefd[1]);
  while ((n = read (pipefd[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  close (pipefd[0]);
  wait4 (pid, &status, 0, &usage);

  {
    const char *line = strstr (output->str, "first-frame");
    double ms = -1;

    if (line != NULL)
      sscanf (line, "first-frame %lf", &ms);
    if (ms < 0)
      printf ("  GUI (%s): no first-frame line (status %d, %.1f s); stderr:\n%s\n",
              label, status, now_s () - t0, output->str);
    else
      printf ("  GUI (%s): first frame of the portfolio %.0f ms after start; peak memory %.0f MB\n",
              label, ms, usage.ru_maxrss / 1024.0);
  }
  g_string_free (output, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int customers = 100000;
  g_autofree char *keep = NULL;
  g_autofree char *gui = NULL;
  GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, "Customers in the demo", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and keep it", "DIR" },
    { "gui", 0, 0, G_OPTION_ARG_FILENAME, &gui, "Path of the relance binary", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Relance foundation benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceDatabase) fresh = NULL;
  g_autoptr(RelanceImportReport) report = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *demo_path = NULL, *fresh_path = NULL, *customers_csv = NULL, *invoices_csv = NULL;
  RelanceDate today = relance_date_new (2026, 11, 23);
  const char *day = "2026-11-23";
  Export e = { 0 };
  double t0, t_demo, t_cust, t_inv, t_sqlite, best_aged = 1e9, t_refresh_cold, t_refresh_warm;
  gint64 n_invoices;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("relance-bench-XXXXXX", &error);
  g_mkdir_with_parents (dir, 0700);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  fresh_path = g_build_filename (dir, "imported.db", NULL);
  customers_csv = g_build_filename (dir, "customers.csv", NULL);
  invoices_csv = g_build_filename (dir, "invoices.csv", NULL);
  for (const char *p = demo_path; p; p = p == demo_path ? fresh_path : NULL)
    {
      g_autofree char *wal = g_strconcat (p, "-wal", NULL);
      g_autofree char *shm = g_strconcat (p, "-shm", NULL);
      g_unlink (p); g_unlink (wal); g_unlink (shm);
    }

  printf ("Relance foundation benchmark — %d customers, work dir %s\n", customers, dir);

  /* 1. the demo portfolio */
  db = relance_database_open (demo_path, &error);
  g_assert_no_error (error);
  t0 = now_s ();
  if (!relance_demo_generate (db, customers, 1, today, NULL, NULL, &error))
    g_error ("demo: %s", error->message);
  t_demo = now_s () - t0;
  n_invoices = relance_invoice_store_count (db);
  printf ("  demo generated: %d customers, %" G_GINT64_FORMAT " invoices in %.1f s\n",
          customers, n_invoices, t_demo);

  /* 2. CSV files of the same customers and invoices */
  e.codes = g_ptr_array_new_with_free_func (g_free);
  e.out = fopen (customers_csv, "w");
  fprintf (e.out, "code;name\n");
  relance_actor_index_foreach (db, 0, collect_code, &e, &error);
  fclose (e.out);
  e.out = fopen (invoices_csv, "w");
  fprintf (e.out, "number;customer;issue_date;due_date;amount;currency;kind\n");
  relance_invoice_store_foreach_issued (db, 0, 1, G_MAXINT32, write_invoice, &e, &error);
  fclose (e.out);
  g_assert_no_error (error);

  /* 3. import into a fresh database, next to sqlite3's .import */
  fresh = relance_database_open (fresh_path, &error);
  g_assert_no_error (error);
  t0 = now_s ();
  report = relance_csv_import (fresh, RELANCE_IMPORT_CUSTOMERS, customers_csv, FALSE, NULL, NULL, NULL, &error);
  t_cust = now_s () - t0;
  if (report == NULL || !relance_import_report_check (report, &error))
    g_error ("import customers: %s", error->message);
  g_clear_object (&report);
  t0 = now_s ();
  report = relance_csv_import (fresh, RELANCE_IMPORT_INVOICES, invoices_csv, FALSE, NULL, NULL, NULL, &error);
  t_inv = now_s () - t0;
  if (report == NULL || !relance_import_report_check (report, &error))
    g_error ("import invoices: %s", error->message);
  t_sqlite = run_sqlite_import (dir, invoices_csv);
  printf ("  import customers: %d rows in %.2f s (%.0f rows/s)\n", customers, t_cust, customers / t_cust);
  printf ("  import invoices:  %" G_GINT64_FORMAT " rows in %.2f s = %.0f rows/s\n",
          n_invoices, t_inv, n_invoices / t_inv);
  if (t_sqlite > 0)
    printf ("  sqlite3 .import:  %" G_GINT64_FORMAT " rows in %.2f s = %.0f rows/s"
            "  → Relance at %.0f %% of .import (goal ≥ 50 %%)\n",
            n_invoices, t_sqlite, n_invoices / t_sqlite, 100.0 * t_sqlite / t_inv);

  /* 4. the portfolio aged balance and the figures refresh */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(RelanceAgedBalance) aged = NULL;

      t0 = now_s ();
      aged = relance_aged_balance_compute (db, NULL, today, NULL, 0, &error);
      g_assert_no_error (error);
      best_aged = MIN (best_aged, now_s () - t0);
    }
  printf ("  aged balance of the portfolio (%" G_GINT64_FORMAT " invoices): best of 3 %.3f s (goal < 1 s)\n",
          n_invoices, best_aged);
  t0 = now_s ();
  if (!relance_portfolio_refresh (db, today, NULL, NULL, NULL, &error))
    g_error ("refresh: %s", error->message);
  t_refresh_cold = now_s () - t0;
  t0 = now_s ();
  relance_portfolio_refresh (db, today, NULL, NULL, NULL, &error);
  t_refresh_warm = now_s () - t0;
  printf ("  figures refresh of every customer: %.2f s (then %.3f s when current)\n",
          t_refresh_cold, t_refresh_warm);
  g_clear_object (&db);

  /* 5. the GUI */
  if (gui == NULL)
    gui = g_strdup (g_getenv ("RELANCE_GUI"));
  if (gui != NULL && g_file_test (gui, G_FILE_TEST_IS_EXECUTABLE) &&
      (g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY")))
    {
      run_gui (gui, demo_path, day, "figures cache current");
    }
  else
    printf ("  GUI: not measured (no --gui PATH, or no display: run under xvfb-run)\n");

  if (keep == NULL)
    {
      const char *names[] = { "demo.db", "demo.db-wal", "demo.db-shm", "imported.db",
                              "imported.db-wal", "imported.db-shm", "bare.db",
                              "customers.csv", "invoices.csv" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *p = g_build_filename (dir, names[i], NULL);
          g_unlink (p);
        }
      g_rmdir (dir);
    }
  g_ptr_array_unref (e.codes);
  return 0;
}
