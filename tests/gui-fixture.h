/* gui-fixture.h — main loop, demo database and window helpers for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by the GUI tests (test-window.c, test-agenda-view.c, …) after
 * cmocka.h. They run under Xvfb and a private session bus (the test
 * command starts them), as libadwaita runs its widget tests: settings in
 * memory, no portals, a fixed evaluation day.
 */
#pragma once

#include <glib/gstdio.h>

#include "relance-demo.h"
#include "relance-engine.h"
#include "relance-window-private.h"

/* how long a test waits for a thread or a page before failing: long
 * enough for an ASan build on a loaded machine */
#define GUI_TIMEOUT_MS 30000

typedef gboolean (*GuiPredicate) (gpointer data);

/* The evaluation day of every GUI test, as RELANCE_DATE says. */
static inline RelanceDate
gui_day (void)
{
  return relance_date_new (2026, 11, 23);
}

static gboolean
gui_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms milliseconds (draw a few frames). */
static inline void
gui_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, gui_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Keeps the window on screen for 30 s at @step when RELANCE_TEST_HOLD
 * names it, to look at it under a real display. */
static inline void
gui_hold (const char *step)
{
  if (g_strcmp0 (g_getenv ("RELANCE_TEST_HOLD"), step) == 0)
    gui_spin (30000);
}

/* Runs the main loop until @predicate holds; fails, saying @what was
 * awaited, after GUI_TIMEOUT_MS. */
static inline void
gui_wait_until (GuiPredicate  predicate,
                gpointer      data,
                const char   *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (GUI_TIMEOUT_MS, gui_timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    fail_msg ("timed out waiting for %s", what);
  g_source_remove (id);
}

/* The environment of every GUI test, as libadwaita's own widget tests
 * set it: before GTK starts. */
static inline void
gui_set_environment (void)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_DEBUG", "no-portals", TRUE);   /* GTK ≥ 4.10 */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);   /* libadwaita 1.2's style settings */
  /* No GPU under Xvfb: draw with cairo. GDK still sets up GL on X11 to
   * choose a visual; Mesa's llvmpipe then allocates from JIT-compiled code,
   * which LeakSanitizer reports as a leak of an unknown module, so use
   * the interpreting software driver instead. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GALLIUM_DRIVER", "softpipe", FALSE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("RELANCE_DATE", "2026-11-23", TRUE);
  g_unsetenv ("RELANCE_PROFILE");
}

/* Starts GTK and libadwaita; FALSE when there is no display to run on
 * (main() then returns 77, meson's exit status for a skipped test). */
static inline gboolean
gui_init (void)
{
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

/* Creates a database @name in a new temporary folder named after
 * @dir_template, fills it with a demo portfolio of @n_customers
 * generated from @seed on @date and, when @daily_run, runs the daily run
 * of @date. The folder and the path go to @dir and @path (free them with
 * gui_database_remove()); the open database is returned for the test to
 * add its own data. */
static inline RelanceDatabase *
gui_demo_database_new (const char  *dir_template,
                       const char  *name,
                       guint        n_customers,
                       guint        seed,
                       RelanceDate  date,
                       gboolean     daily_run,
                       char       **dir,
                       char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;

  *dir = g_dir_make_tmp (dir_template, &error);
  assert_non_null (*dir);
  *path = g_build_filename (*dir, name, NULL);
  db = relance_database_open (*path, &error);
  if (db == NULL)
    fail_msg ("cannot open %s: %s", *path, error->message);
  if (!relance_demo_generate (db, n_customers, seed, date, NULL, NULL, &error))
    fail_msg ("demo: %s", error->message);
  if (daily_run &&
      !relance_daily_run (db, date, NULL, NULL, NULL, NULL, NULL, &error))
    fail_msg ("run: %s", error->message);
  return g_steal_pointer (&db);
}

/* Removes the database file at @path with its journals. */
static inline void
gui_database_remove_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* Removes the database at *@path and its folder *@dir (which must be
 * empty otherwise), and frees and clears both. */
static inline void
gui_database_remove (char **dir,
                     char **path)
{
  gui_database_remove_files (*path);
  g_rmdir (*dir);
  g_clear_pointer (path, g_free);
  g_clear_pointer (dir, g_free);
}

/* Whether the window has computed its figures and shows the workspace. */
static inline gboolean
gui_workspace_shown (gpointer data)
{
  RelanceWindow *window = data;

  return !relance_window_get_busy (window) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "workspace") == 0;
}

/* Opens a main window on the database at @path, presents it and waits
 * until the figures are computed and the workspace is shown. */
static inline RelanceWindow *
gui_window_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  RelanceWindow *window = relance_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  if (!relance_window_open_database (window, path, &error))
    fail_msg ("open: %s", error->message);
  gui_wait_until (gui_workspace_shown, window, "the workspace");
  return window;
}

/* Destroys @widget (when a window) and checks that nothing kept it alive;
 * @what names it in the failure. */
static inline void
gui_destroy_and_check (gpointer    widget,
                       const char *what)
{
  gpointer weak = widget;

  g_object_add_weak_pointer (G_OBJECT (widget), &weak);
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  for (guint i = 0; i < 50 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  if (weak != NULL)
    fail_msg ("the %s was not finalized", what);
}
