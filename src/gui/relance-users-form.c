/* relance-users-form.c — the people who use Relance, and a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The users of the application with their role, and a form to add one,
 * checked as it is typed with relance_user_check(): a login that is not
 * valid or already taken is blocking, no email a warning. Users are
 * never deleted (actions and cases name them by login): a user activated
 * in the list opens in a second form where their name, role and email
 * change and where they are deactivated or reactivated, with the same
 * checks, and one more: the last active manager can be neither demoted
 * nor deactivated.
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
  AdwPreferencesGroup *edit_group;
  AdwEntryRow         *edit_name_row;
  AdwComboRow         *edit_role_row;
  AdwEntryRow         *edit_email_row;
  AdwActionRow        *edit_active_row;
  GtkSwitch           *edit_active_switch;
  AdwPreferencesGroup *edit_summary_group;
  GtkListBox          *edit_summary_list;

  /* state */
  RelanceDatabase     *db;
  RelanceValidation   *validation;
  GtkWidget           *login_icon;
  GtkWidget           *name_icon;
  GtkWidget           *email_icon;
  RelanceUser         *editing;          /* as stored, NULL when none is open */
  RelanceValidation   *edit_validation;
  GtkWidget           *edit_name_icon;
  GtkWidget           *edit_role_icon;
  GtkWidget           *edit_email_icon;
  GtkWidget           *edit_active_icon;
  gboolean             filling;
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
  if (g_strcmp0 (field, "role") == 0)
    return _("Role");
  if (g_strcmp0 (field, "active") == 0)
    return _("Active");
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

static guint
role_position (RelanceUserRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == role)
      return i;
  return 0;
}

/* The user being edited as the form shows it now */
static RelanceUser *
read_edit_user (RelanceUsersForm *self)
{
  g_autofree char *name = row_text (self->edit_name_row);
  g_autofree char *email = row_text (self->edit_email_row);
  guint selected = adw_combo_row_get_selected (self->edit_role_row);
  RelanceUser *user;

  user = relance_user_new (self->editing->login, name, roles[MIN (selected, G_N_ELEMENTS (roles) - 1)]);
  user->id = self->editing->id;
  user->active = gtk_switch_get_active (self->edit_active_switch);
  if (*email != '\0')
    user->email = g_steal_pointer (&email);
  return user;
}

static gboolean
edit_is_changed (RelanceUsersForm  *self,
                 const RelanceUser *user)
{
  return g_strcmp0 (user->name, self->editing->name) != 0 ||
         user->role != self->editing->role ||
         g_strcmp0 (user->email != NULL ? user->email : "",
                    self->editing->email != NULL ? self->editing->email : "") != 0 ||
         user->active != self->editing->active;
}

/* The controls of relance_user_check(), and the one of the edit: the
 * last active manager stays one, or nobody could run the daily run. */
static gboolean
check_edit_user (RelanceUsersForm   *self,
                 const RelanceUser  *user,
                 GError            **error)
{
  gint64 others;

  if (!relance_user_check (self->db, user, self->edit_validation, error))
    return FALSE;
  if (!self->editing->active || !relance_user_role_manages (self->editing->role) ||
      (user->active && relance_user_role_manages (user->role)))
    return TRUE;

  others = relance_user_store_count_managers (self->db, user->id, error);
  if (others < 0)
    return FALSE;
  if (others == 0)
    {
      if (!user->active)
        relance_validation_add (self->edit_validation, RELANCE_SEVERITY_BLOCKING, "active", "%s",
                                _("The last active manager cannot be deactivated: make another "
                                  "user a credit manager first."));
      else
        relance_validation_add (self->edit_validation, RELANCE_SEVERITY_BLOCKING, "role", "%s",
                                _("The last active manager cannot become an agent: make another "
                                  "user a credit manager first."));
    }
  return TRUE;
}

static void
check_edit (RelanceUsersForm *self)
{
  g_autoptr(RelanceUser) user = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (self->disposed || self->filling)
    return;

  relance_validation_clear (self->edit_validation);
  if (self->editing != NULL && self->db != NULL)
    {
      user = read_edit_user (self);
      changed = edit_is_changed (self, user);
      if (!check_edit_user (self, user, &error))
        gtk_label_set_text (self->status_label, error->message);
    }

  _relance_settings_mark_row (GTK_WIDGET (self->edit_name_row), self->edit_name_icon,
                              relance_validation_find (self->edit_validation, "name"));
  _relance_settings_mark_row (GTK_WIDGET (self->edit_role_row), self->edit_role_icon,
                              relance_validation_find (self->edit_validation, "role"));
  _relance_settings_mark_row (GTK_WIDGET (self->edit_email_row), self->edit_email_icon,
                              relance_validation_find (self->edit_validation, "email"));
  _relance_settings_mark_row (GTK_WIDGET (self->edit_active_row), self->edit_active_icon,
                              relance_validation_find (self->edit_validation, "active"));
  _relance_settings_fill_summary (self->edit_summary_list, GTK_WIDGET (self->edit_summary_group),
                                  self->edit_validation, field_title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.save",
                                 changed && error == NULL &&
                                 !relance_validation_has_blocking (self->edit_validation));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.cancel-edit", self->editing != NULL);
}

static void
close_edit (RelanceUsersForm *self)
{
  g_clear_pointer (&self->editing, relance_user_free);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_group), FALSE);
  check_edit (self);
}

static void
open_edit (RelanceUsersForm *self,
           RelanceUser      *user)
{
  g_autofree char *title = NULL;

  g_clear_pointer (&self->editing, relance_user_free);
  self->editing = user;

  self->filling = TRUE;
  /* Translators: %s is a user's login */
  title = g_strdup_printf (_("User %s"), user->login);
  adw_preferences_group_set_title (self->edit_group, title);
  gtk_editable_set_text (GTK_EDITABLE (self->edit_name_row), user->name != NULL ? user->name : "");
  adw_combo_row_set_selected (self->edit_role_row, role_position (user->role));
  gtk_editable_set_text (GTK_EDITABLE (self->edit_email_row), user->email != NULL ? user->email : "");
  gtk_switch_set_active (self->edit_active_switch, user->active);
  self->filling = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->edit_group), TRUE);
  check_edit (self);
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
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit this user"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "login", g_strdup (user->login), g_free);
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

static void
edit_changed_cb (RelanceUsersForm *self)
{
  if (self->editing == NULL)
    return;
  gtk_label_set_text (self->status_label, "");
  check_edit (self);
}

static void
user_activated_cb (RelanceUsersForm *self,
                   GtkListBoxRow    *row)
{
  const char *login = g_object_get_data (G_OBJECT (row), "login");
  g_autoptr(GError) error = NULL;

  if (login != NULL && !relance_users_form_edit (self, login, &error))
    gtk_label_set_text (self->status_label, error->message);
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

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RelanceUsersForm *self = RELANCE_USERS_FORM (widget);
  g_autoptr(GError) error = NULL;

  if (!relance_users_form_save_user (self, &error))
    gtk_label_set_text (self->status_label, error->message);
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  close_edit (RELANCE_USERS_FORM (widget));
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
  g_clear_object (&self->edit_validation);
  g_clear_pointer (&self->editing, relance_user_free);

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
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_name_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_role_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_email_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_active_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_active_switch);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_summary_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceUsersForm, edit_summary_list);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_activated_cb);

  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "users.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "users.cancel-edit", NULL, cancel_edit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "usersform");
}

static void
relance_users_form_init (RelanceUsersForm *self)
{
  self->validation = relance_validation_new ();
  self->edit_validation = relance_validation_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->login_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->login_row, self->login_icon);
  self->name_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->name_row, self->name_icon);
  self->email_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->email_row, self->email_icon);
  self->edit_name_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->edit_name_row, self->edit_name_icon);
  self->edit_role_icon = _relance_settings_issue_icon ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->edit_role_row), self->edit_role_icon);
  self->edit_email_icon = _relance_settings_issue_icon ();
  adw_entry_row_add_suffix (self->edit_email_row, self->edit_email_icon);
  self->edit_active_icon = _relance_settings_issue_icon ();
  adw_action_row_add_suffix (self->edit_active_row, self->edit_active_icon);
  check (self);
  check_edit (self);
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
  close_edit (self);
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

/**
 * relance_users_form_edit:
 * @self: a #RelanceUsersForm
 * @login: the login of a stored user
 * @error: a #GError
 *
 * Opens the user @login in the edit form, as stored; what was being
 * edited of another user is dropped.
 *
 * Returns: %FALSE with @error set (RELANCE_STORE_ERROR_NOT_FOUND when
 *   there is no such user, or the store's error)
 */
gboolean
relance_users_form_edit (RelanceUsersForm  *self,
                         const char        *login,
                         GError           **error)
{
  RelanceUser *user;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  user = relance_user_store_find (self->db, login, &local_error);
  if (user == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no user with the login “%s”."), login);
      return FALSE;
    }
  open_edit (self, user);
  return TRUE;
}

/**
 * relance_users_form_get_edit_field:
 * @self: a #RelanceUsersForm
 * @field: "name", "role" (an #AdwComboRow: agent, manager,
 *   administrator), "email" or "active" (a #GtkSwitch)
 *
 * Returns: (transfer none) (nullable): the widget of @field in the form
 *   of the user being edited
 */
GtkWidget *
relance_users_form_get_edit_field (RelanceUsersForm *self,
                                   const char       *field)
{
  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->edit_name_row);
  if (g_strcmp0 (field, "role") == 0)
    return GTK_WIDGET (self->edit_role_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->edit_email_row);
  if (g_strcmp0 (field, "active") == 0)
    return GTK_WIDGET (self->edit_active_switch);
  return NULL;
}

/**
 * relance_users_form_get_edit_validation:
 * @self: a #RelanceUsersForm
 *
 * Returns: (transfer none): the problems of the user being edited (none
 *   when no user is open)
 */
RelanceValidation *
relance_users_form_get_edit_validation (RelanceUsersForm *self)
{
  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), NULL);

  return self->edit_validation;
}

/**
 * relance_users_form_save_user:
 * @self: a #RelanceUsersForm
 * @error: a #GError
 *
 * Writes the changes of the user being edited (audited by the store),
 * unless a blocking problem remains, then closes the edit form.
 *
 * Returns: %FALSE with @error set (RELANCE_STORE_ERROR_INVALID when a
 *   blocking problem remains, or the store's error); nothing written
 */
gboolean
relance_users_form_save_user (RelanceUsersForm  *self,
                              GError           **error)
{
  g_autoptr(RelanceUser) user = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RELANCE_IS_USERS_FORM (self), FALSE);
  g_return_val_if_fail (self->db != NULL && self->editing != NULL, FALSE);

  user = read_edit_user (self);
  relance_validation_clear (self->edit_validation);
  if (!check_edit_user (self, user, error))
    return FALSE;
  if (relance_validation_has_blocking (self->edit_validation))
    {
      check_edit (self);
      g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                           _("Correct the problems in red before saving the user."));
      return FALSE;
    }
  if (!relance_user_store_update (self->db, user, error))
    {
      check_edit (self);
      return FALSE;
    }

  if (user->active != self->editing->active)
    /* Translators: %s is a person's name */
    text = g_strdup_printf (user->active ? _("%s can use Relance again.")
                                         : _("%s is deactivated; their work is kept."),
                            user->name);
  else
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("%s is saved."), user->name);
  close_edit (self);
  reload (self);
  gtk_label_set_text (self->status_label, text);
  _relance_settings_toast (GTK_WIDGET (self), text);
  _relance_settings_data_changed (GTK_WIDGET (self));
  return TRUE;
}
