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
 * Usage: bench-foundation [--customers N] [--repeat N] [--keep DIR] [--gui PATH]
 * Prints figures; asserts nothing. docs/performance.md records them.
 */
#define G_LOG_DOMAIN "bench-foundation"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
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

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* One import of the customers, then of the invoices, into a new
 * database; the times include the commit of each. */
static void
run_import (const char *path,
            const char *customers_csv,
            const char *invoices_csv,
            double     *t_customers,
            double     *t_invoices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceImportReport) customers = NULL;
  g_autoptr(RelanceImportReport) invoices = NULL;
  double t0;

  remove_database (path);
  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  t0 = now_s ();
  customers = relance_csv_import (db, RELANCE_IMPORT_CUSTOMERS, customers_csv, FALSE, NULL, NULL,
                                  NULL, &error);
  *t_customers = now_s () - t0;
  if (customers == NULL || !relance_import_report_check (customers, &error))
    g_error ("import customers: %s", error->message);
  t0 = now_s ();
  invoices = relance_csv_import (db, RELANCE_IMPORT_INVOICES, invoices_csv, FALSE, NULL, NULL,
                                 NULL, &error);
  *t_invoices = now_s () - t0;
  if (invoices == NULL || !relance_import_report_check (invoices, &error))
    g_error ("import invoices: %s", error->message);
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
  g_unlink (db);
  t0 = now_s ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 .import failed: %s\n", error->message);
      return -1;
    }
  return now_s () - t0;
}

/* How long the GUI may take to show its first frame before it is
 * stopped and reported as not measured */
#define GUI_TIMEOUT_S 120

/* Starts the GUI with RELANCE_PROFILE=1: it prints on stderr, among its
 * other stages, "relance-profile: first portfolio frame painted: N ms
 * since process start". The GUI is then stopped; its peak memory comes
 * from wait4()'s rusage, so it is the peak up to the first frame. */
static void
run_gui (const char *gui,
         const char *db,
         const char *day,
         const char *label)
{
  static const char mark[] = "first portfolio frame painted: ";
  int pipefd[2];
  pid_t pid;
  struct rusage usage;
  int status = 0;
  char buffer[4096];
  GString *output = g_string_new (NULL);
  double t0 = now_s ();
  double ms = -1;

  if (pipe (pipefd) != 0)
    return;
  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipefd[1], STDERR_FILENO);
      close (pipefd[0]);
      g_setenv ("RELANCE_PROFILE", "1", TRUE);
      g_setenv ("RELANCE_DATE", day, TRUE);
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      g_setenv ("GDK_DEBUG", "no-portals", TRUE);
      execl (gui, gui, db, (char *) NULL);
      _exit (127);
    }
  close (pipefd[1]);

  /* Read until the mark, the end of the output, or the time out */
  while (ms < 0 && now_s () - t0 < GUI_TIMEOUT_S)
    {
      GPollFD fd = { pipefd[0], G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      const char *line;
      ssize_t n;

      if (g_poll (&fd, 1, 1000) <= 0)
        continue;
      n = read (pipefd[0], buffer, sizeof buffer);
      if (n <= 0)
        break;
      g_string_append_len (output, buffer, n);
      line = strstr (output->str, mark);
      if (line != NULL && strchr (line, '\n') != NULL)
        sscanf (line + strlen (mark), "%lf", &ms);
    }
  kill (pid, SIGTERM);
  close (pipefd[0]);
  wait4 (pid, &status, 0, &usage);

  if (ms < 0)
    printf ("  GUI (%s): no first-frame line (status %d, %.1f s); stderr:\n%s\n",
            label, status, now_s () - t0, output->str);
  else
    printf ("  GUI (%s): first frame of the portfolio %.0f ms after start; peak memory %.0f MB\n",
            label, ms, usage.ru_maxrss / 1024.0);
  g_string_free (output, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int customers = 100000;
  int repeat = 3;
  g_autofree char *keep = NULL;
  g_autofree char *gui = NULL;
  GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, "Customers in the demo", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Imports of each kind, in turns (3)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and keep it", "DIR" },
    { "gui", 0, 0, G_OPTION_ARG_FILENAME, &gui, "Path of the relance binary", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Relance foundation benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *demo_path = NULL, *fresh_path = NULL, *customers_csv = NULL, *invoices_csv = NULL;
  RelanceDate today = relance_date_new (2026, 11, 23);
  const char *day = "2026-11-23";
  Export e = { 0 };
  double t0, t_demo, best_aged = 1e9, t_refresh_cold, t_refresh_warm;
  double best_inv = 1e9, best_sqlite = 1e9, best_ratio = 0;
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
  remove_database (demo_path);
  remove_database (fresh_path);
  repeat = MAX (repeat, 1);

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

  /* 3. import into a new database, next to sqlite3's .import: in turns,
   * so that a busy machine slows both alike, and the best of each */
  printf ("  import of the invoices (%" G_GINT64_FORMAT " rows), Relance and sqlite3 .import"
          " in turns:\n", n_invoices);
  for (int i = 0; i < repeat; i++)
    {
      double t_cust, t_inv, t_sqlite;

      run_import (fresh_path, customers_csv, invoices_csv, &t_cust, &t_inv);
      t_sqlite = run_sqlite_import (dir, invoices_csv);
      printf ("    round %d: customers %.2f s; invoices %.2f s = %.0f rows/s; .import %.2f s"
              " = %.0f rows/s; ratio %.0f %%\n",
              i + 1, t_cust, t_inv, n_invoices / t_inv, t_sqlite, n_invoices / t_sqlite,
              100.0 * t_sqlite / t_inv);
      best_inv = MIN (best_inv, t_inv);
      if (t_sqlite > 0)
        best_sqlite = MIN (best_sqlite, t_sqlite);
      best_ratio = MAX (best_ratio, t_sqlite / t_inv);
    }
  printf ("  import invoices:  best %.2f s = %.0f rows/s\n", best_inv, n_invoices / best_inv);
  if (best_sqlite < 1e9)
    printf ("  sqlite3 .import:  best %.2f s = %.0f rows/s  → Relance at %.0f %% of .import"
            " (best against best; best round %.0f %%; goal ≥ 50 %%)\n",
            best_sqlite, n_invoices / best_sqlite, 100.0 * best_sqlite / best_inv,
            100.0 * best_ratio);

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
