/* relance-user-picker.c — a searchable list of colleagues with check boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seed 001's « Traitement interne / Notifier » step: before the action is
 * recorded as done, the agent may pick one or more colleagues to notify,
 * searching them by name. The list is the team (tens of people), so a
 * GtkListBox with a filter is enough.
 */
#define G_LOG_DOMAIN "relance-user-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "relance-gui-utils.h"
#include "relance-user-picker.h"

struct _RelanceUserPicker
{
  GtkWidget       parent_instance;

  /* template children */
  GtkWidget      *box;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;

  char           *needle;
};

G_DEFINE_FINAL_TYPE (RelanceUserPicker, relance_user_picker, GTK_TYPE_WIDGET)

/* Helpers */

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  RelanceUserPicker *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "relance-search-key");

  return self->needle == NULL || strstr (haystack, self->needle) != NULL;
}

/* Signal callbacks */

static void
search_changed_cb (RelanceUserPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  gtk_list_box_invalidate_filter (self->list);
}

/* Overrides */

static void
relance_user_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_USER_PICKER);

  G_OBJECT_CLASS (relance_user_picker_parent_class)->dispose (object);
}

static void
relance_user_picker_finalize (GObject *object)
{
  RelanceUserPicker *self = RELANCE_USER_PICKER (object);

  g_free (self->needle);

  G_OBJECT_CLASS (relance_user_picker_parent_class)->finalize (object);
}

static void
relance_user_picker_class_init (RelanceUserPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_user_picker_dispose;
  object_class->finalize = relance_user_picker_finalize;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-user-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceUserPicker, box);
  gtk_widget_class_bind_template_child (widget_class, RelanceUserPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceUserPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "userpicker");
}

static void
relance_user_picker_init (RelanceUserPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
}

/* Public API */

GtkWidget *
relance_user_picker_new (void)
{
  return g_object_new (RELANCE_TYPE_USER_PICKER, NULL);
}

/**
 * relance_user_picker_set_users:
 * @self: a #RelanceUserPicker
 * @users: (element-type RelanceUser): the users, by login
 * @except_login: (nullable): who is working (nobody notifies themselves)
 *
 * Shows the active users, none checked.
 */
void
relance_user_picker_set_users (RelanceUserPicker *self,
                               GPtrArray         *users,
                               const char        *except_login)
{
  GtkWidget *child;

  g_return_if_fail (RELANCE_IS_USER_PICKER (self));
  g_return_if_fail (users != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < users->len; i++)
    {
      RelanceUser *user = g_ptr_array_index (users, i);
      g_autofree char *label = NULL;
      g_autofree char *folded = NULL;
      GtkWidget *check;
      GtkWidget *row;

      if (!user->active || g_strcmp0 (user->login, except_login) == 0)
        continue;
      /* Translators: a colleague in the list to notify: "Claire Laurent (claurent)" */
      label = g_strdup_printf (_("%s (%s)"), user->name, user->login);
      check = gtk_check_button_new_with_label (label);
      gtk_widget_set_margin_start (check, 6);
      gtk_widget_set_margin_end (check, 6);
      gtk_widget_set_margin_top (check, 3);
      gtk_widget_set_margin_bottom (check, 3);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "relance-login", g_strdup (user->login), g_free);
      folded = g_utf8_casefold (label, -1);
      g_object_set_data_full (G_OBJECT (row), "relance-search-key",
                              g_utf8_normalize (folded, -1, G_NORMALIZE_ALL), g_free);
      gtk_list_box_append (self->list, row);
    }
}

/**
 * relance_user_picker_set_selected:
 * @self: a #RelanceUserPicker
 * @login: a login shown
 * @selected: whether to check it
 */
void
relance_user_picker_set_selected (RelanceUserPicker *self,
                                  const char        *login,
                                  gboolean           selected)
{
  g_return_if_fail (RELANCE_IS_USER_PICKER (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "relance-login"), login) == 0)
      gtk_check_button_set_active (row_check (row), selected);
}

/**
 * relance_user_picker_get_selected:
 * @self: a #RelanceUserPicker
 *
 * Returns: (transfer full): the logins checked, hidden by the search or
 *   not; free with g_strfreev()
 */
char **
relance_user_picker_get_selected (RelanceUserPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RELANCE_IS_USER_PICKER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_check_button_get_active (row_check (row)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "relance-login"));
  return g_strv_builder_end (builder);
}

/**
 * relance_user_picker_get_n_shown:
 * @self: a #RelanceUserPicker
 *
 * Returns: how many users the search shows
 */
guint
relance_user_picker_get_n_shown (RelanceUserPicker *self)
{
  guint n = 0;

  g_return_val_if_fail (RELANCE_IS_USER_PICKER (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (self->needle == NULL ||
        strstr (g_object_get_data (G_OBJECT (row), "relance-search-key"), self->needle) != NULL)
      n++;
  return n;
}
