/* relance-window-actions.c — the actions of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As GNOME Text Editor does, the window's actions live apart from the
 * window: each one is a few lines that ask a file or a confirmation and
 * hand over to the window. The application owns the actions that do not
 * need a window (open, new, about, quit) and the accelerators.
 */
#define G_LOG_DOMAIN "relance-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-run-dialog.h"
#include "relance-window-private.h"

/* The demo offered on an empty database: enough customers to see the
 * list work, created in a few seconds */
#define DEMO_CUSTOMERS 500
#define DEMO_SEED      1

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    RelanceWindow   *self)
{
  const char *kind = g_object_get_data (G_OBJECT (native), "relance-import-kind");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        _relance_window_import (self, kind, path);
      else
        relance_window_show_error (self, _("Cannot Import This File"),
                                   _("Only local files can be imported. Copy the file to "
                                     "this computer and choose it again."));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  const char *kind = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  const char *title;

  if (g_strcmp0 (kind, "customers") == 0)
    title = _("Import Customers");
  else if (g_strcmp0 (kind, "invoices") == 0)
    title = _("Import Invoices");
  else if (g_strcmp0 (kind, "payments") == 0)
    title = _("Import Payments");
  else
    g_return_if_reached ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), csv);

  g_object_set_data_full (G_OBJECT (native), "relance-import-kind", g_strdup (kind), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
generate_demo_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _relance_window_generate_demo (RELANCE_WINDOW (widget), DEMO_CUSTOMERS, DEMO_SEED);
}

static void
cancel_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  _relance_window_cancel_job (RELANCE_WINDOW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _relance_window_focus_search (RELANCE_WINDOW (widget));
}

static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _relance_window_open_customer (RELANCE_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _relance_window_show_area (RELANCE_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _relance_window_search (RELANCE_WINDOW (widget));
}

/* Whether the user working in the window may start the daily run: a
 * manager or an administrator */
static gboolean
user_runs (RelanceWindow *self)
{
  g_autoptr(RelanceUser) user = NULL;
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return FALSE;
  user = relance_user_store_find (self->db, relance_window_get_user (self), &error);
  if (error != NULL)
    g_warning ("Cannot read the user %s: %s", relance_window_get_user (self), error->message);
  return user != NULL && user->active &&
         (user->role == RELANCE_USER_ROLE_MANAGER || user->role == RELANCE_USER_ROLE_ADMIN);
}

static void
daily_run_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);

  /* the menu item is insensitive for agents; a shortcut or a stale
   * state must not get round it */
  if (!user_runs (self))
    return;
  gtk_window_present (GTK_WINDOW (relance_run_dialog_new (self)));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _relance_window_reload (RELANCE_WINDOW (widget));
}

void
_relance_window_class_actions_init (RelanceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "win.generate-demo", NULL, generate_demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-job", NULL, cancel_job_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.open-customer", "x", open_customer_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.daily-run", NULL, daily_run_action);
}

/* Enables what makes sense now: importing needs a database and no other
 * job, cancelling needs a job, the daily run a manager at the workspace. */
void
_relance_window_actions_update (RelanceWindow *self)
{
  gboolean has_db = self->db != NULL;
  gboolean busy = self->job != NULL;
  /* the areas are there once the figures are */
  gboolean working = has_db &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0;

  g_assert (RELANCE_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_db && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.generate-demo", has_db && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-job", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-search", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-customer", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-area", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", has_db && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.daily-run",
                                 working && !busy && user_runs (self));
}
