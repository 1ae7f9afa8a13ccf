/* relance-settings-view.c — the settings page: letterhead, mail server,
 * templates and users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tab per subject, each a widget of its own that reads and writes
 * through the store and shows the controls of the engine (blocking in
 * red, warnings in orange) the way Cassiopae does before it saves.
 * This file also holds the little the four forms share.
 */
#define G_LOG_DOMAIN "relance-settings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-company-form.h"
#include "relance-mail-form.h"
#include "relance-settings-private.h"
#include "relance-settings-view.h"
#include "relance-template-editor.h"
#include "relance-users-form.h"
#include "relance-window-private.h"

struct _RelanceSettingsView
{
  GtkWidget              parent_instance;

  /* template children */
  AdwToastOverlay       *toast_overlay;
  AdwViewStack          *stack;
  RelanceCompanyForm    *company_form;
  RelanceMailForm       *mail_form;
  RelanceTemplateEditor *template_editor;
  RelanceUsersForm      *users_form;
};

G_DEFINE_FINAL_TYPE (RelanceSettingsView, relance_settings_view, GTK_TYPE_WIDGET)

/* Helpers shared by the forms */

void
_relance_settings_toast (GtkWidget  *widget,
                         const char *title)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, RELANCE_TYPE_SETTINGS_VIEW);

  if (view != NULL)
    adw_toast_overlay_add_toast (RELANCE_SETTINGS_VIEW (view)->toast_overlay,
                                 adw_toast_new (title));
}

void
_relance_settings_data_changed (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (RELANCE_IS_WINDOW (root))
    _relance_window_data_changed (RELANCE_WINDOW (root));
}

GtkWidget *
_relance_settings_issue_icon (void)
{
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (icon, FALSE);
  return icon;
}

void
_relance_settings_mark_row (GtkWidget          *row,
                            GtkWidget          *icon,
                            const RelanceIssue *issue)
{
  gboolean blocking = issue != NULL && issue->severity == RELANCE_SEVERITY_BLOCKING;
  gboolean warning = issue != NULL && issue->severity == RELANCE_SEVERITY_WARNING;

  if (blocking)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (warning)
    gtk_widget_add_css_class (row, "warning");
  else
    gtk_widget_remove_css_class (row, "warning");

  gtk_widget_set_visible (icon, issue != NULL);
  gtk_widget_set_tooltip_text (icon, issue != NULL ? issue->message : NULL);
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  if (issue == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), blocking ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, blocking ? "error" : "warning");
  /* a screen reader says the problem with the field, not only on hover */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, issue->message,
                                  -1);
}

void
_relance_settings_fill_summary (GtkListBox         *box,
                                GtkWidget          *group,
                                RelanceValidation  *validation,
                                const char *      (*field_title) (const char *field))
{
  GtkWidget *child;
  guint n = relance_validation_get_n_issues (validation);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);

  /* blocking ones first: they are what stops the save */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const RelanceIssue *issue = relance_validation_get_issue (validation, i);
        gboolean blocking = issue->severity == RELANCE_SEVERITY_BLOCKING;
        GtkWidget *row;
        GtkWidget *icon;

        if (blocking != (pass == 0))
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_title (issue->field));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), issue->message);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        icon = gtk_image_new_from_icon_name (blocking ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");
        gtk_widget_add_css_class (icon, blocking ? "error" : "warning");
        /* the colour is not the only sign: the icon has a name */
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        blocking ? _("Blocking problem") : _("Warning"),
                                        -1);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        gtk_list_box_append (box, row);
      }
  gtk_widget_set_visible (group, n > 0);
}

/* GObject */

static void
relance_settings_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_SETTINGS_VIEW);

  G_OBJECT_CLASS (relance_settings_view_parent_class)->dispose (object);
}

static void
relance_settings_view_class_init (RelanceSettingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_settings_view_dispose;

  /* the template names them */
  g_type_ensure (RELANCE_TYPE_COMPANY_FORM);
  g_type_ensure (RELANCE_TYPE_MAIL_FORM);
  g_type_ensure (RELANCE_TYPE_TEMPLATE_EDITOR);
  g_type_ensure (RELANCE_TYPE_USERS_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-settings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceSettingsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelanceSettingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceSettingsView, company_form);
  gtk_widget_class_bind_template_child (widget_class, RelanceSettingsView, mail_form);
  gtk_widget_class_bind_template_child (widget_class, RelanceSettingsView, template_editor);
  gtk_widget_class_bind_template_child (widget_class, RelanceSettingsView, users_form);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "settingsview");
}

static void
relance_settings_view_init (RelanceSettingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_settings_view_new:
 *
 * Returns: (transfer floating): a settings page with no database yet
 */
GtkWidget *
relance_settings_view_new (void)
{
  return g_object_new (RELANCE_TYPE_SETTINGS_VIEW, NULL);
}

/**
 * relance_settings_view_set_database:
 * @self: a #RelanceSettingsView
 * @db: (nullable): the window's database, in the main thread; %NULL
 *   empties the page
 * @user: (nullable): the login working in the window, to whom the test
 *   message is sent
 *
 * Reads the letterhead, the mail server, the templates and the users of
 * @db into the forms; the forms write back to it when the user saves.
 */
void
relance_settings_view_set_database (RelanceSettingsView *self,
                                    RelanceDatabase     *db,
                                    const char          *user)
{
  g_return_if_fail (RELANCE_IS_SETTINGS_VIEW (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  relance_company_form_set_database (self->company_form, db);
  relance_mail_form_set_database (self->mail_form, db, user);
  relance_template_editor_set_database (self->template_editor, db);
  relance_users_form_set_database (self->users_form, db);
}
