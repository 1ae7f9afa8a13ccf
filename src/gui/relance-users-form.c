/* relance-users-form.c — the people who use Relance, and a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The users of the application with their role, and a form to add one,
 * checked as it is typed with relance_user_check(): a login that is not
 * valid or already taken is blocking, no email a warning. Users are
 * never deleted (actions and cases name them by login).
 */
#define G_LOG_DOMAIN "relance-users-form"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-settings-checks.h"
#include "relance-settings-private.h"
#include "relance-users-form.h"

struct _RelanceUsersForm
{
  GtkWidget            parent_instance;

  /* template children */
  GtkListBox          *user_list;
  AdwEntryRow         *login_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *email_row;
  AdwPreferencesGroup *summary_group;
  GtkListBox          *summary_list;
  GtkLabel            *status_label;

  /* state */
  RelanceDatabase     *db;
  RelanceValidation   *validation;
  GtkWidget           *login_icon;
  GtkWidget           *name_icon;
  GtkWidget           *email_icon;
  guint                n_users;
  gboolean             disposed;
};

G_DEFINE_FINAL_TYPE (RelanceUsersForm, relance_users_form, GTK_TYPE_WIDGET)

/* The role of each line of the combo row, in its order */
static const RelanceUserRole roles[] = {
  RELANCE_USER_ROLE_AGENT,
  RELANCE_USER_ROLE_MANAGER,
  RELANCE_USER_ROLE_ADMIN,
};

/* Helpers */

static const char *
role_label (RelanceUserRole role)
{
  switch (role)
    {
    case RELANCE_USER_ROLE_AGENT:   return _("Collection agent");
    case RELANCE_USER_ROLE_MANAGER: return _("Credit manager");
    case RELANCE_USER_ROLE_ADMIN:   return _("Administrator");
    default:                        return "";
    }
}

static const char *
field_title (const char *field)
{
  if (g_strcmp0 (field, "login") == 0)
    return _("Login");
  if (g_strcmp0 (field, "name") == 0)
    return _("Full name");
  if (g_strcmp0 (field, "email") == 0)
    return _("Email");
  return field;
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static RelanceUser *
read_user (RelanceUsersForm *self)
{
  g_autofree char *login = row_text (self->login_row);
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *email = row_text (self->email_row);
  guint selected = adw_combo_row_get_selected (self->role_row);
  RelanceUser *user;

  user = relance_user_new (login, name, roles[MIN (selected, G_N_ELEMENTS (roles) - 1)]);
  if (*email != '\0')
    user->email = g_steal_pointer (&email);
  return user;
}

static gboolean
form_is_empty (RelanceUsersForm *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->login_row)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (self->email_row)) == '\0';
}

static void
check (RelanceUsersForm *self)
{
  g_autoptr(RelanceUser) user = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty;

  /* the rows emit "changed" as they go */
  if (self->disposed)
    return;

  empty = form_is_empty (self);
  relance_validation_clear (self->validation);
  /* an empty form is not wrong yet: it is not started */
  if (self->db != NULL && !empty)
    {
      user = read_user (self);
      if (!relance_user_check (self->db, user, self->validation, &error))
        gtk_label_set_text (self->status_label, error->message);
    }

  _relance_settings_mark_row (GTK_WIDGET (self->login_row), self->login_icon,
                              relance_validation_find (self->validation, "login"));
  _relance_settings_mark_row (GTK_WIDGET (self->name_row), self->name_icon,
                              relance_validation_find (self->validation, "name"));
  _relance_settings_mark_row (GTK_WIDGET (self->email_row), self->email_icon,
                              relance_validation_find (self->validation, "email"));
  _relance_settings_fill_summary (self->summary_list, GTK_WIDGET (self->summary_group),
                                  self->validation, field_title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.add",
                                 self->db != NULL && !empty && error == NULL &&
                                 !relance_validation_has_blocking (self->validation));
}

static GtkWidget *
create_user_row (const RelanceUser *user)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (user->login);

  g_string_append_printf (subtitle, " · %s", role_label (user->role));
  if (user->email != NULL && *user->email != '\0')
    g_string_append_printf (subtitle, " · %s", user->email);
  if (!user->active)
    g_string_append_printf (subtitle, " · %s", _("Inactive"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 user->name != NULL && *user->name != '\0' ? user->name : user->login);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (user->role == RELANCE_USER_ROLE_AGENT
                                                           ? "avatar-default-symbolic"
                                                           : "system-users-symbolic"));
  if (!user->active)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
reload (RelanceUsersForm *self)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->user_list))) != NULL)
    gtk_list_box_remove (self->user_list, child);
  self->n_users = 0;
  if (self->db == NULL)
    return;

  users = relance_user_store_list (self->db, &error);
  if (users == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  for (guint i = 0; i < users->len; i++)
    gtk_list_box_append (self->user_list, create_user_row (g_ptr_array_index (users, i)));
  self->n_users = users->len;
}

/* Callbacks */

static void
field_changed_cb (RelanceUsersForm *self)
{
  gtk_label_set_text (self->status_label, "");
  check (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RelanceUsersForm *self = RELANCE_USERS_FORM (widget);
  g_autoptr(GError) error = NULL;

  if (!relance_users_form_add (self, &error))
    gtk_label_set_text (self->status_label, error->message);
}

/* GObject */

static void
relance_users_form_dispose (GObject *object)
{
  RelanceUsersForm *self = RELANCE_USERS_FORM (object);
  GtkWidget *child;

  self->disposed = TRUE;
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_USERS_FORM);
  /* the template's top box is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (relance_users_form_parent_class)->dispose (object);
}

static void
relance_users_form_finalize (GObject *object)
{
  RelanceUsersForm *self = RELANCE_USERS_FORM (object);

  g_clear_object (&self->validation);

  G_OBJECT_CLASS (relance_users_form_parent_class)->finalize (object);
}

static void
relance_users_form_class_init (RelanceUsersFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_users_form_dispose;
  object_class->finalize = relance_users_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-users-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, user_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, login_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, role_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, email_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, summary_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, summary_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, status_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "usersform");
}

static void
relance_users_form_init (RelanceUsersForm *self)
{
  self->validation = relance_validation_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->login_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->login_row, self->login_icon);
  self->name_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->name_row, self->name_icon);
  self->email_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->email_row, self->email_icon);
  check (self);
}

/* Public API */

/**
 * relance_users_form_new:
 *
 * Returns: (transfer floating): an empty users page
 */
GtkWidget *
relance_users_form_new (void)
{
  return g_object_new (RELANCE_TYPE_USERS_FORM, NULL);
}

/**
 * relance_users_form_set_database:
 * @self: a #RelanceUsersForm
 * @db: (nullable): the database whose users to list
 *
 * Lists the users of @db and empties the new user form.
 */
void
relance_users_form_set_database (RelanceUsersForm *self,
                                 RelanceDatabase  *db)
{
  g_return_if_fail (RELANCE_IS_USERS_FORM (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  g_set_object (&self->db, db);
  reload (self);
  check (self);
}

/**
 * relance_users_form_get_n_users:
 * @self: a #RelanceUsersForm
 *
 * Returns: how many users the list shows
 */
guint
relance_users_form_get_n_users (RelanceUsersForm *self)
{
  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), 0);

  return self->n_users;
}

/**
 * relance_users_form_get_field:
 * @self: a #RelanceUsersForm
 * @field: "login", "name", "role" (an #AdwComboRow: agent, manager,
 *   administrator) or "email"
 *
 * Returns: (transfer none) (nullable): the row of @field in the new user form
 */
GtkWidget *
relance_users_form_get_field (RelanceUsersForm *self,
                              const char       *field)
{
  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), NULL);

  if (g_strcmp0 (field, "login") == 0)
    return GTK_WIDGET (self->login_row);
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "role") == 0)
    return GTK_WIDGET (self->role_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  return NULL;
}

/**
 * relance_users_form_get_validation:
 * @self: a #RelanceUsersForm
 *
 * Returns: (transfer none): the problems of the new user form
 */
RelanceValidation *
relance_users_form_get_validation (RelanceUsersForm *self)
{
  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), NULL);

  return self->validation;
}

/**
 * relance_users_form_add:
 * @self: a #RelanceUsersForm
 * @error: a #GError
 *
 * Adds the user of the form, unless a blocking problem remains, then
 * empties the form.
 *
 * Returns: %FALSE with @error set (RELANCE_STORE_ERROR_INVALID when a
 *   blocking problem remains, or the store's error); nothing written
 */
gboolean
relance_users_form_add (RelanceUsersForm *self,
                        GError          **error)
{
  g_autoptr(RelanceUser) user = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  user = read_user (self);
  relance_validation_clear (self->validation);
  if (!relance_user_check (self->db, user, self->validation, error))
    return FALSE;
  if (relance_validation_has_blocking (self->validation))
    {
      check (self);
      g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                           _("Correct the problems in red before adding the user."));
      return FALSE;
    }
  if (!relance_user_store_insert (self->db, user, error))
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  adw_combo_row_set_selected (self->role_row, 0);
  reload (self);
  check (self);

  /* Translators: %s is a person's name */
  text = g_strdup_printf (_("%s can now use Relance."), user->name);
  gtk_label_set_text (self->status_label, text);
  _relance_settings_toast (GTK_WIDGET (self), text);
  _relance_settings_data_changed (GTK_WIDGET (self));
  return TRUE;
}
