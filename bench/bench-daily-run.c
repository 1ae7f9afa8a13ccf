/* bench-daily-run.c — the daily run over the 100,000-customer demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the demo portfolio (about a million invoices), then prints the
 * time of:
 *  - a bare scan of the open invoices (the store's statement stepped to
 *    the end, each row read, nothing done with it), best of three;
 *  - the first daily run on the demo's last day (every case opened and
 *    its history caught up);
 *  - a second run of the same day (idempotent: nothing to write);
 *  - the runs of the thirty days that follow;
 * each with its ratio to the bare scan. Goal: a run within 5 × the scan.
 *
 * Usage: bench-daily-run [--customers N] [--days N] [--keep DIR]
 * With --keep, the generated demo is kept in DIR and reused by the next
 * invocation (the runs work on a copy). docs/performance.md records the
 * figures.
 */
#define G_LOG_DOMAIN "bench-daily-run"

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdio.h>

#include "relance-engine.h"
#include "relance-demo.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gboolean
count_row (const RelanceInvoiceRow *row,
           gpointer                 user_data)
{
  gint64 *sum = user_data;

  /* Read what the run reads, so that the compiler keeps the loop */
  *sum += row->amount_cents - row->allocated_cents + row->due_date;
  return TRUE;
}

static double
bare_scan (RelanceDatabase *db,
           int              times,
           gint64          *rows)
{
  double best = 1e9;

  for (int i = 0; i < times; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 sum = 0;
      double t0 = now_s ();

      if (!relance_invoice_store_foreach_open (db, 0, count_row, &sum, &error))
        g_error ("scan: %s", error->message);
      best = MIN (best, now_s () - t0);
      *rows = sum;
    }
  return best;
}

static gboolean
count_cb (const RelanceInvoiceRow *row,
          gpointer                 user_data)
{
  (*(gint64 *) user_data)++;
  return TRUE;
}

static RelanceRunReport *
timed_run (RelanceDatabase *db,
           RelanceDate      day,
           double          *seconds)
{
  g_autoptr(GError) error = NULL;
  RelanceRunReport *report = NULL;
  double t0 = now_s ();

  if (!relance_daily_run (db, day, NULL, NULL, NULL, NULL, &report, &error))
    g_error ("run: %s", error->message);
  *seconds = now_s () - t0;
  return report;
}

/* @scan: the bare scan of the demo as generated; @scan_now: of the
 * database as the run found it (the runs add fee, interest and
 * indemnity items, which are open items too) */
static void
print_run (const char             *label,
           const RelanceRunReport *report,
           double                  seconds,
           double                  scan,
           double                  scan_now)
{
  const RelanceRunAmounts *eur = &g_array_index (report->amounts, RelanceRunAmounts, 0);

  printf ("  %-16s %6.2f s = %5.1f × scan, %4.1f × scan now (%.2f s) | %u customers; "
          "cases +%u −%u; actions %u (%u automatic, %u manual); fees %.2f, interest %.2f, "
          "indemnities %.2f %s\n",
          label, seconds, seconds / scan, seconds / scan_now, scan_now, report->actors,
          report->cases_opened, report->cases_closed, report->actions_created,
          report->actions_automatic, report->actions_manual, eur->fees_cents / 100.0,
          eur->interest_cents / 100.0, eur->indemnity_cents / 100.0, eur->currency);
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

int
main (int   argc,
      char *argv[])
{
  int customers = 100000;
  int days = 30;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, "Customers in the demo", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Consecutive days to run after the first", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the demo in DIR and reuse it", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Relance daily-run benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceRunReport) first = NULL;
  g_autoptr(RelanceRunReport) second = NULL;
  g_autoptr(GFile) pristine_file = NULL;
  g_autoptr(GFile) run_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pristine = NULL;
  g_autofree char *run_path = NULL;
  g_autofree char *label = NULL;
  RelanceDate today = relance_date_new (2026, 11, 23);
  double t0, scan, scan_now, t_first, t_second, total = 0, slowest = 0, total_scan = 0;
  gint64 n_invoices, n_open = 0, checksum = 0;
  guint created = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("relance-bench-XXXXXX", &error);
  g_mkdir_with_parents (dir, 0700);
  label = g_strdup_printf ("demo-%d.db", customers);
  pristine = g_build_filename (dir, label, NULL);
  run_path = g_build_filename (dir, "daily-run.db", NULL);

  printf ("Relance daily-run benchmark — %d customers, work dir %s\n", customers, dir);

  /* 1. the demo portfolio, generated once */
  if (keep == NULL || !g_file_test (pristine, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RelanceDatabase) demo = NULL;

      remove_database (pristine);
      demo = relance_database_open (pristine, &error);
      g_assert_no_error (error);
      t0 = now_s ();
      if (!relance_demo_generate (demo, customers, 1, today, NULL, NULL, &error))
        g_error ("demo: %s", error->message);
      printf ("  demo generated in %.1f s\n", now_s () - t0);
    }
  remove_database (run_path);
  pristine_file = g_file_new_for_path (pristine);
  run_file = g_file_new_for_path (run_path);
  if (!g_file_copy (pristine_file, run_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copy: %s", error->message);

  db = relance_database_open (run_path, &error);
  g_assert_no_error (error);
  n_invoices = relance_invoice_store_count (db);
  if (!relance_invoice_store_foreach_open (db, 0, count_cb, &n_open, &error))
    g_error ("count: %s", error->message);
  printf ("  %" G_GINT64_FORMAT " invoices, %" G_GINT64_FORMAT " open items\n",
          n_invoices, n_open);

  /* 2. the bare scan, warm */
  scan = bare_scan (db, 3, &checksum);
  printf ("  bare scan of the open items: %.3f s (best of 3; the run's own statement stepped "
          "to the end)\n", scan);

  /* 3. the first run, and the same day again */
  first = timed_run (db, today, &t_first);
  print_run ("first run", first, t_first, scan, scan);
  scan_now = bare_scan (db, 2, &checksum);
  second = timed_run (db, today, &t_second);
  print_run ("same day again", second, t_second, scan, scan_now);

  /* 4. the days that follow */
  for (int d = 1; d <= days; d++)
    {
      g_autoptr(RelanceRunReport) report = NULL;
      g_autofree char *iso = relance_date_to_iso (today + d);
      double seconds;

      scan_now = bare_scan (db, 2, &checksum);
      report = timed_run (db, today + d, &seconds);
      total += seconds;
      total_scan += scan_now;
      slowest = MAX (slowest, seconds / scan_now);
      created += report->actions_created;
      print_run (iso, report, seconds, scan, scan_now);
    }
  if (days > 0)
    printf ("  %d following days: %.2f s in all, %.2f s a day on average = %.1f × the first "
            "scan, %.1f × the scan of the day (worst day %.1f ×); %u actions created\n",
            days, total, total / days, total / days / scan, total / total_scan, slowest, created);

  if (!relance_database_check_integrity (db, &error))
    g_error ("%s", error->message);
  g_clear_object (&db);
  remove_database (run_path);
  if (keep == NULL)
    {
      remove_database (pristine);
      g_rmdir (dir);
    }
  return 0;
}
