/* relance-mail-form.c — the mail server dunning emails leave through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings are checked with relance_mail_settings_validate() as the
 * user types and stored in the setting table; the password goes to the
 * user's keyring (Secret Service) in a thread, never to the database, and
 * the row stays empty: an empty password row keeps the one kept. Without
 * a server, dunning emails wait in the outbox folder, which the page says
 * and shows. The test message leaves from a RelanceJob thread, so that a
 * slow server never freezes the window. A company whose relay has a
 * certificate from its own authority chooses that authority's file here;
 * there is deliberately no way to skip the certificate check.
 */
#define G_LOG_DOMAIN "relance-mail-form"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "relance-job.h"
#include "relance-mail.h"
#include "relance-mail-form.h"
#include "relance-settings-private.h"

struct _RelanceMailForm
{
  GtkWidget             parent_instance;

  /* template children */
  AdwPreferencesGroup  *outbox_notice;
  AdwActionRow         *outbox_notice_row;
  AdwEntryRow          *host_row;
  GtkSpinButton        *port_spin;
  AdwComboRow          *security_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  AdwActionRow         *ca_file_row;
  AdwEntryRow          *from_address_row;
  AdwEntryRow          *from_name_row;
  AdwEntryRow          *reply_to_row;
  AdwActionRow         *outbox_row;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;

  /* state */
  RelanceDatabase      *db;
  char                 *user;
  char                 *outbox_dir;  /* chosen by the user, NULL for the default */
  char                 *ca_file;     /* chosen by the user, NULL for the system's only */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *ca_chooser;
  guint                 busy;
  gboolean              loading;
  gboolean              valid;
};

G_DEFINE_FINAL_TYPE (RelanceMailForm, relance_mail_form, GTK_TYPE_WIDGET)

/* The security of each line of the combo row, in its order */
static const RelanceMailSecurity securities[] = {
  RELANCE_MAIL_SECURITY_STARTTLS,
  RELANCE_MAIL_SECURITY_TLS,
  RELANCE_MAIL_SECURITY_NONE,
};

/* The usual port of each */
static const guint default_ports[] = { 587, 465, 25 };

typedef struct
{
  RelanceMailSettings *settings;
  char                *password;
} PasswordData;

/* Helpers */

static void
password_data_free (gpointer data)
{
  PasswordData *pd = data;

  relance_mail_settings_free (pd->settings);
  if (pd->password != NULL)
    memset (pd->password, 0, strlen (pd->password));
  g_free (pd->password);
  g_free (pd);
}

static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static RelanceMailSettings *
read_settings (RelanceMailForm *self)
{
  RelanceMailSettings *settings = relance_mail_settings_new ();
  guint selected = adw_combo_row_get_selected (self->security_row);

  g_free (settings->host);
  settings->host = row_text (self->host_row);
  settings->port = (guint) gtk_spin_button_get_value_as_int (self->port_spin);
  settings->security = securities[MIN (selected, G_N_ELEMENTS (securities) - 1)];
  g_free (settings->user);
  settings->user = row_text (self->user_row);
  g_free (settings->from_address);
  settings->from_address = row_text (self->from_address_row);
  g_free (settings->from_name);
  settings->from_name = row_text (self->from_name_row);
  g_free (settings->reply_to);
  settings->reply_to = row_text (self->reply_to_row);
  g_free (settings->outbox_dir);
  settings->outbox_dir = g_strdup (self->outbox_dir);
  settings->ca_file = g_strdup (self->ca_file);
  return settings;
}

static void
set_status (RelanceMailForm *self,
            const char      *text,
            gboolean         is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_actions (RelanceMailForm *self)
{
  gboolean ready = self->db != NULL && self->busy == 0 && self->valid;
  g_autofree char *host = row_text (self->host_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mail.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mail.send-test", ready && host != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mail.default-outbox", self->outbox_dir != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mail.open-outbox", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mail.clear-ca-file", self->ca_file != NULL);
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
}

static void
set_busy (RelanceMailForm *self,
          gboolean         busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  update_actions (self);
}

/* Checks the form and says where messages go. */
static void
check (RelanceMailForm *self)
{
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox = NULL;
  gboolean configured;

  if (self->loading)
    return;

  settings = read_settings (self);
  configured = relance_mail_settings_is_configured (settings);
  if (self->db != NULL)
    outbox = relance_mail_settings_get_outbox (settings, self->db);
  adw_action_row_set_subtitle (self->outbox_row, outbox != NULL ? outbox : "");
  adw_action_row_set_subtitle (self->ca_file_row,
                               self->ca_file != NULL ? self->ca_file
                                                     : _("The system’s authorities only"));

  gtk_widget_set_visible (GTK_WIDGET (self->outbox_notice), !configured);
  if (!configured)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a folder */
      text = g_strdup_printf (_("Dunning emails wait in the outbox, %s, until a server is set. "
                                "You can send them from there with your own mail program."),
                              outbox != NULL ? outbox : _("next to the database"));
      adw_action_row_set_subtitle (self->outbox_notice_row, text);
    }

  self->valid = relance_mail_settings_validate (settings, &error);
  if (!self->valid)
    set_status (self, error->message, TRUE);
  else
    set_status (self, NULL, FALSE);
  update_actions (self);
}

/* Callbacks */

static void
field_changed_cb (RelanceMailForm *self)
{
  check (self);
}

static void
security_changed_cb (RelanceMailForm *self)
{
  guint selected;
  guint port;

  if (self->loading)
    return;

  selected = adw_combo_row_get_selected (self->security_row);
  port = (guint) gtk_spin_button_get_value_as_int (self->port_spin);
  /* follow the security with the port, unless the user chose another */
  if (selected < G_N_ELEMENTS (default_ports))
    for (guint i = 0; i < G_N_ELEMENTS (default_ports); i++)
      if (port == default_ports[i])
        {
          gtk_spin_button_set_value (self->port_spin, default_ports[selected]);
          break;
        }
  check (self);
}

static void
password_store_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  PasswordData *pd = task_data;
  GError *error = NULL;

  if (relance_mail_password_store (pd->settings, pd->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (source);
  g_autoptr(GError) error = NULL;
  gboolean stored = g_task_propagate_boolean (G_TASK (result), &error);

  /* cancelled by dispose: the widgets are gone */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (stored)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      set_status (self, _("Saved; the password is kept in your keyring."), FALSE);
      _relance_settings_toast (GTK_WIDGET (self), _("Mail server saved"));
    }
  else if (g_error_matches (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_KEYRING))
    set_status (self, _("The server is saved, but there is no keyring to keep the password in, "
                        "and Relance keeps it nowhere else. Open or unlock your keyring "
                        "(GNOME Keyring, KWallet, KeePassXC) and type the password again."),
                TRUE);
  else
    set_status (self, error->message, TRUE);
}

static void
send_test_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RelanceMailForm) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *to = relance_job_get_data (RELANCE_JOB (source));
  gboolean sent = relance_job_run_finish (RELANCE_JOB (source), result, &error);

  /* cancelled by dispose: the widgets are gone */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (sent)
    {
      /* Translators: %s is an email address */
      g_autofree char *text = g_strdup_printf (_("Test message sent to %s."), to);

      set_status (self, text, FALSE);
      _relance_settings_toast (GTK_WIDGET (self), text);
    }
  else
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The test message was not sent: %s"),
                                               error->message);

      set_status (self, text, TRUE);
    }
}

static gboolean
send_test_job (RelanceJob       *job,
               RelanceDatabase  *db,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  return relance_mail_send_test (db, data, error);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     RelanceMailForm *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_free (self->outbox_dir);
      self->outbox_dir = g_file_get_path (file);
      check (self);
    }
  g_clear_object (&self->chooser);
}

static void
ca_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        RelanceMailForm *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      relance_mail_form_set_ca_file (self, g_file_peek_path (file));
    }
  g_clear_object (&self->ca_chooser);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (widget);
  g_autoptr(GError) error = NULL;

  if (!relance_mail_form_save (self, &error))
    set_status (self, error->message, TRUE);
}

/* The test message goes to the user working in the window, else to the
 * sender's own address. */
static char *
test_recipient (RelanceMailForm *self)
{
  g_autoptr(RelanceUser) user = NULL;
  g_autoptr(RelanceMailSettings) settings = NULL;

  if (self->user != NULL)
    user = relance_user_store_find (self->db, self->user, NULL);
  if (user != NULL && user->email != NULL && *user->email != '\0')
    return g_strdup (user->email);
  settings = read_settings (self);
  return g_steal_pointer (&settings->from_address);
}

static void
send_test_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceJob) job = NULL;
  char *to;

  /* the test is of what the form shows: store it first */
  if (!relance_mail_form_save (self, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  to = test_recipient (self);
  if (to == NULL)
    {
      set_status (self, _("Set the sender address: the test message is sent to it."), TRUE);
      return;
    }

  /* Translators: %s is an email address */
  {
    g_autofree char *text = g_strdup_printf (_("Sending a test message to %s…"), to);
    set_status (self, text, FALSE);
  }
  job = relance_job_new (_("Sending a test message"), relance_database_get_path (self->db),
                         send_test_job, to, g_free);
  set_busy (self, TRUE);
  relance_job_run_async (job, self->cancellable, send_test_done_cb, g_object_ref (self));
}

static void
choose_outbox_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Outbox Folder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_ca_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) pem = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->ca_chooser != NULL)
    return;
  self->ca_chooser = gtk_file_chooser_native_new (_("Choose the Certificate Authorities"),
                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (pem, _("PEM certificates"));
  gtk_file_filter_add_pattern (pem, "*.pem");
  gtk_file_filter_add_pattern (pem, "*.crt");
  gtk_file_filter_add_pattern (pem, "*.cer");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), pem);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->ca_chooser), TRUE);
  g_signal_connect (self->ca_chooser, "response", G_CALLBACK (ca_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->ca_chooser));
}

static void
clear_ca_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  relance_mail_form_set_ca_file (RELANCE_MAIL_FORM (widget), NULL);
}

static void
default_outbox_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (widget);

  g_clear_pointer (&self->outbox_dir, g_free);
  check (self);
}

static void
open_outbox_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (widget);
  g_autoptr(RelanceMailSettings) settings = read_settings (self);
  g_autofree char *outbox = relance_mail_settings_get_outbox (settings, self->db);
  g_autoptr(GFile) file = g_file_new_for_path (outbox);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* an outbox that nothing was written to yet does not exist */
  g_mkdir_with_parents (outbox, 0700);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* GObject */

static void
relance_mail_form_dispose (GObject *object)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (object);
  GtkWidget *child;

  /* the rows emit "changed" as they go: check nothing any more */
  self->loading = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->ca_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ca_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->ca_chooser));
      g_clear_object (&self->ca_chooser);
    }
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_MAIL_FORM);
  /* the template's top box is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (relance_mail_form_parent_class)->dispose (object);
}

static void
relance_mail_form_finalize (GObject *object)
{
  RelanceMailForm *self = RELANCE_MAIL_FORM (object);

  g_clear_object (&self->cancellable);
  g_free (self->user);
  g_free (self->outbox_dir);
  g_free (self->ca_file);

  G_OBJECT_CLASS (relance_mail_form_parent_class)->finalize (object);
}

static void
relance_mail_form_class_init (RelanceMailFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_mail_form_dispose;
  object_class->finalize = relance_mail_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-mail-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, outbox_notice);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, outbox_notice_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, host_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, port_spin);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, security_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, user_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, password_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, ca_file_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, from_address_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, from_name_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, reply_to_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, outbox_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, spinner);
  gtk_widget_class_bind_template_child (widget_class, RelanceMailForm, status_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, security_changed_cb);

  gtk_widget_class_install_action (widget_class, "mail.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "mail.send-test", NULL, send_test_action);
  gtk_widget_class_install_action (widget_class, "mail.choose-outbox", NULL, choose_outbox_action);
  gtk_widget_class_install_action (widget_class, "mail.default-outbox", NULL, default_outbox_action);
  gtk_widget_class_install_action (widget_class, "mail.choose-ca-file", NULL, choose_ca_file_action);
  gtk_widget_class_install_action (widget_class, "mail.clear-ca-file", NULL, clear_ca_file_action);
  gtk_widget_class_install_action (widget_class, "mail.open-outbox", NULL, open_outbox_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mailform");
}

static void
relance_mail_form_init (RelanceMailForm *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

/* Public API */

/**
 * relance_mail_form_new:
 *
 * Returns: (transfer floating): an empty mail server form
 */
GtkWidget *
relance_mail_form_new (void)
{
  return g_object_new (RELANCE_TYPE_MAIL_FORM, NULL);
}

/**
 * relance_mail_form_set_database:
 * @self: a #RelanceMailForm
 * @db: (nullable): the database whose mail settings to edit
 * @user: (nullable): the login working in the window, who gets the test
 *   message
 *
 * Reads the mail settings of @db into the form.
 */
void
relance_mail_form_set_database (RelanceMailForm *self,
                                RelanceDatabase *db,
                                const char      *user)
{
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RELANCE_IS_MAIL_FORM (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  g_set_object (&self->db, db);
  g_free (self->user);
  self->user = g_strdup (user);

  if (db != NULL)
    settings = relance_mail_settings_load (db, &error);
  if (settings == NULL)
    settings = relance_mail_settings_new ();

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), settings->host != NULL ? settings->host : "");
  gtk_spin_button_set_value (self->port_spin, settings->port);
  for (guint i = 0; i < G_N_ELEMENTS (securities); i++)
    if (securities[i] == settings->security)
      adw_combo_row_set_selected (self->security_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), settings->user != NULL ? settings->user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_address_row),
                         settings->from_address != NULL ? settings->from_address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_name_row),
                         settings->from_name != NULL ? settings->from_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reply_to_row),
                         settings->reply_to != NULL ? settings->reply_to : "");
  g_free (self->outbox_dir);
  self->outbox_dir = g_strdup (settings->outbox_dir);
  g_free (self->ca_file);
  self->ca_file = g_strdup (settings->ca_file);
  self->loading = FALSE;

  check (self);
  if (error != NULL)
    set_status (self, error->message, TRUE);
}

/**
 * relance_mail_form_get_field:
 * @self: a #RelanceMailForm
 * @name: "host", "port" (a #GtkSpinButton), "security" (an #AdwComboRow:
 *   STARTTLS, TLS, none), "user", "password", "ca_file" (an
 *   #AdwActionRow whose subtitle is the file), "from_address",
 *   "from_name" or "reply_to"
 *
 * Returns: (transfer none) (nullable): the widget that holds @name
 */
GtkWidget *
relance_mail_form_get_field (RelanceMailForm *self,
                             const char      *name)
{
  const struct { const char *name; gpointer widget; } widgets[] = {
    { "host", self->host_row },
    { "port", self->port_spin },
    { "security", self->security_row },
    { "user", self->user_row },
    { "password", self->password_row },
    { "ca_file", self->ca_file_row },
    { "from_address", self->from_address_row },
    { "from_name", self->from_name_row },
    { "reply_to", self->reply_to_row },
  };

  g_return_val_if_fail (RELANCE_IS_MAIL_FORM (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_strcmp0 (widgets[i].name, name) == 0)
      return widgets[i].widget;
  return NULL;
}

/**
 * relance_mail_form_set_ca_file:
 * @self: a #RelanceMailForm
 * @path: (nullable) (type filename): a PEM file of certificate
 *   authorities to trust besides the system's, %NULL for the system's
 *   only
 *
 * What choosing a file in the form does: the form shows it and checks it
 * (relance_mail_settings_validate()); nothing is stored before
 * relance_mail_form_save().
 */
void
relance_mail_form_set_ca_file (RelanceMailForm *self,
                               const char      *path)
{
  g_return_if_fail (RELANCE_IS_MAIL_FORM (self));

  g_free (self->ca_file);
  self->ca_file = path != NULL && *path != '\0' ? g_strdup (path) : NULL;
  check (self);
}

/**
 * relance_mail_form_save:
 * @self: a #RelanceMailForm
 * @error: a #GError
 *
 * Stores the settings; a password typed in the form then goes to the
 * keyring in a thread (relance_mail_form_get_busy() is %TRUE meanwhile)
 * and the status says whether it could be kept.
 *
 * Returns: %FALSE with @error set when a setting is wrong or the store
 *   fails; nothing written
 */
gboolean
relance_mail_form_save (RelanceMailForm *self,
                        GError         **error)
{
  g_autoptr(RelanceMailSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  const char *password;
  PasswordData *pd;

  g_return_val_if_fail (RELANCE_IS_MAIL_FORM (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  settings = read_settings (self);
  if (!relance_mail_settings_save (self->db, settings, error))
    return FALSE;

  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*password == '\0')
    {
      set_status (self, _("Saved."), FALSE);
      _relance_settings_toast (GTK_WIDGET (self), _("Mail server saved"));
      return TRUE;
    }

  /* the keyring may ask to be unlocked: not in the main loop */
  pd = g_new0 (PasswordData, 1);
  pd->settings = g_steal_pointer (&settings);
  pd->password = g_strdup (password);
  task = g_task_new (self, self->cancellable, password_stored_cb, NULL);
  g_task_set_source_tag (task, relance_mail_form_save);
  g_task_set_task_data (task, pd, password_data_free);
  set_busy (self, TRUE);
  set_status (self, _("Keeping the password in your keyring…"), FALSE);
  g_task_run_in_thread (task, password_store_thread);
  return TRUE;
}

/**
 * relance_mail_form_get_busy:
 * @self: a #RelanceMailForm
 *
 * Returns: %TRUE while the password is being stored or a test message sent
 */
gboolean
relance_mail_form_get_busy (RelanceMailForm *self)
{
  g_return_val_if_fail (RELANCE_IS_MAIL_FORM (self), FALSE);

  return self->busy > 0;
}

/**
 * relance_mail_form_get_status:
 * @self: a #RelanceMailForm
 *
 * Returns: (transfer none): what the form says under its fields
 */
const char *
relance_mail_form_get_status (RelanceMailForm *self)
{
  g_return_val_if_fail (RELANCE_IS_MAIL_FORM (self), NULL);

  return gtk_label_get_text (self->status_label);
}
