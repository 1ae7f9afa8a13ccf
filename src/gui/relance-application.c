/* relance-application.c — the relance application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `relance FILE` opens FILE; `relance` alone opens the database opened
 * last (the setting 'last-database'). Settings are optional: when the
 * schema is not installed (running from a build directory without
 * GSETTINGS_SCHEMA_DIR), the application works without them.
 */
#define G_LOG_DOMAIN "relance-application"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-application.h"
#include "relance-gui-utils.h"
#include "relance-window.h"

struct _RelanceApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (RelanceApplication, relance_application, ADW_TYPE_APPLICATION)

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: settings are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* The evaluation day: RELANCE_DATE, else the setting 'evaluation-date',
 * else today. */
static RelanceDate
evaluation_day (RelanceApplication *self)
{
  g_autofree char *text = NULL;
  RelanceDate day;

  if (g_getenv ("RELANCE_DATE") != NULL || self->settings == NULL)
    return relance_gui_evaluation_day ();

  text = g_settings_get_string (self->settings, "evaluation-date");
  if (text[0] != '\0' && relance_date_parse (text, &day, NULL))
    return day;
  return relance_gui_evaluation_day ();
}

static RelanceWindow *
create_window (RelanceApplication *self)
{
  RelanceWindow *window = relance_window_new (GTK_APPLICATION (self));

  relance_gui_profile_mark ("window created");
  relance_window_set_evaluation_day (window, evaluation_day (self));

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", window, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", window, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", window, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }
  return window;
}

/* A window to open a database in: the active one when it shows none. */
static RelanceWindow *
window_for_database (RelanceApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RELANCE_IS_WINDOW (active) && relance_window_get_database_path (RELANCE_WINDOW (active)) == NULL)
    return RELANCE_WINDOW (active);
  return create_window (self);
}

static void
open_database_in (RelanceApplication *self,
                  RelanceWindow      *window,
                  const char         *path)
{
  g_autoptr(GError) error = NULL;

  if (!relance_window_open_database (window, path, &error))
    {
      g_autofree char *heading = NULL;
      g_autofree char *name = g_path_get_basename (path);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Cannot Open “%s”"), name);
      relance_window_show_error (window, heading, error->message);
      return;
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", path);
}

static void
open_database_response_cb (GtkNativeDialog    *native,
                           int                 response,
                           RelanceApplication *self)
{
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "relance-create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      GtkWindow *parent = gtk_native_dialog_get_transient_for (native);
      RelanceWindow *window = RELANCE_IS_WINDOW (parent) ? RELANCE_WINDOW (parent)
                                                         : create_window (self);

      if (path == NULL)
        relance_window_show_error (window, _("Cannot Open This File"),
                                   _("Only local files can be opened as databases."));
      else if (create && g_file_test (path, G_FILE_TEST_EXISTS))
        /* never replace a file that may hold someone's data */
        relance_window_show_error (window, _("This File Already Exists"),
                                   _("Choose a new name for the new database, or open "
                                     "the existing file with Open Database."));
      else
        open_database_in (self, window, path);

      gtk_window_present (GTK_WINDOW (window));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_database (RelanceApplication *self,
                 gboolean            create)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"),
                                        parent,
                                        create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        create ? _("_Create") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (databases, _("Relance Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/x-sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), databases);

  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("relance.db"));

  g_object_set_data (G_OBJECT (native), "relance-create", GINT_TO_POINTER (create));
  g_signal_connect_object (native, "response", G_CALLBACK (open_database_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  choose_database (RELANCE_APPLICATION (user_data), FALSE);
}

static void
new_database_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  choose_database (RELANCE_APPLICATION (user_data), TRUE);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  RelanceApplication *self = RELANCE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Relance developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Relance"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", developers[0],
                        "developers", developers,
                        "comments", _("Credit management: follow your customers' "
                                      "receivables, the amounts overdue and the DSO, "
                                      "and collect them."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The user guide (help/C/), installed where Yelp finds it */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (parent, "help:relance", GDK_CURRENT_TIME);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
relance_application_startup (GApplication *application)
{
  RelanceApplication *self = RELANCE_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "help", help_action },
    { "open-database", open_database_action },
    { "new-database", new_database_action },
  };
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "win.search", { "<Control>k", NULL } },
    { "win.reload", { "F5", NULL } },
    { "win.show-area('agenda')", { "<Control>1", NULL } },
    { "win.show-area('portfolio')", { "<Control>2", NULL } },
    { "win.show-area('disputes')", { "<Control>3", NULL } },
    { "win.show-area('promises')", { "<Control>4", NULL } },
    { "win.show-area('settings')", { "<Control>5", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.open-database", { "<Control>o", NULL } },
    { "app.new-database", { "<Control>n", NULL } },
    { "win.focus-search", { "<Control>f", NULL } },
  };

  relance_gui_ensure_resources ();

  G_APPLICATION_CLASS (relance_application_parent_class)->startup (application);

  self->settings = settings_new_if_installed ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
  relance_gui_profile_mark ("application started");
}

static void
relance_application_activate (GApplication *application)
{
  RelanceApplication *self = RELANCE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autofree char *last = NULL;

      window = GTK_WINDOW (create_window (self));
      if (self->settings != NULL)
        last = g_settings_get_string (self->settings, "last-database");
      if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        open_database_in (self, RELANCE_WINDOW (window), last);
    }

  gtk_window_present (window);
}

static void
relance_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RelanceApplication *self = RELANCE_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      RelanceWindow *window = window_for_database (self);

      if (path != NULL)
        open_database_in (self, window, path);
      else
        relance_window_show_error (window, _("Cannot Open This File"),
                                   _("Only local files can be opened as databases."));
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
relance_application_dispose (GObject *object)
{
  RelanceApplication *self = (RelanceApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (relance_application_parent_class)->dispose (object);
}

static void
relance_application_class_init (RelanceApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = relance_application_dispose;

  app_class->startup = relance_application_startup;
  app_class->activate = relance_application_activate;
  app_class->open = relance_application_open;
}

static void
relance_application_init (RelanceApplication *self)
{
}

/**
 * relance_application_new:
 *
 * Returns: (transfer full): the application, which opens the database
 *   files given on its command line
 */
RelanceApplication *
relance_application_new (void)
{
  return g_object_new (RELANCE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * relance_application_get_settings:
 * @self: a #RelanceApplication
 *
 * Returns: (transfer none) (nullable): the settings, %NULL when their
 *   schema is not installed
 */
GSettings *
relance_application_get_settings (RelanceApplication *self)
{
  g_return_val_if_fail (RELANCE_IS_APPLICATION (self), NULL);

  return self->settings;
}
