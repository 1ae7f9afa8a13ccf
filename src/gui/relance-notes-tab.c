/* relance-notes-tab.c — free notes on a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notes of one customer, newest first, and a field to add one. A
 * note is written through the store by the database's user; the tab
 * then says "changed" so that the card reloads what shows it (the
 * timeline) and the window what depends on it.
 */
#define G_LOG_DOMAIN "relance-notes-tab"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-gui-utils.h"
#include "relance-notes-tab.h"

struct _RelanceNotesTab
{
  GtkWidget        parent_instance;

  /* template children */
  GtkEntry        *note_entry;
  GtkButton       *add_button;
  GtkLabel        *empty_label;
  GtkListBox      *notes_list;

  /* state */
  RelanceDatabase *db;
  gint64           actor_id;
  guint            n_notes;
};

G_DEFINE_FINAL_TYPE (RelanceNotesTab, relance_notes_tab, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* "23/11/2026 14:05" in local time, from the UTC timestamp of the store */
static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  date = relance_gui_format_date (relance_date_new (g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local)));
  time = g_date_time_format (local, "%H:%M");
  return g_strdup_printf ("%s %s", date, time);
}

static void
remove_rows (RelanceNotesTab *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);
  self->n_notes = 0;
}

static GtkWidget *
new_note_row (RelanceNote *note)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_timestamp (note->created_at);
  /* Translators: who wrote a note, and when: "arossi · 23/11/2026 14:05" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), note->created_by, when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Signal callbacks */

static void
note_changed_cb (GtkEditable     *entry,
                 RelanceNotesTab *self)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_remove_css_class (GTK_WIDGET (self->note_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_entry), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *stripped != '\0' && self->db != NULL);
}

static void
add_note_cb (GtkWidget       *widget,
             RelanceNotesTab *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;
  if (!relance_notes_tab_add_note (self, text, &error))
    {
      /* the entry keeps the text so that nothing typed is lost */
      gtk_widget_add_css_class (GTK_WIDGET (self->note_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_entry), error->message);
    }
}

/* GObject */

static void
relance_notes_tab_dispose (GObject *object)
{
  RelanceNotesTab *self = RELANCE_NOTES_TAB (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_NOTES_TAB);
  /* the template's root has no id: dispose_template leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_notes_tab_parent_class)->dispose (object);
}

static void
relance_notes_tab_class_init (RelanceNotesTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_notes_tab_dispose;

  /**
   * RelanceNotesTab::changed:
   *
   * A note was written to the database.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-notes-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceNotesTab, note_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotesTab, add_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotesTab, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotesTab, notes_list);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_note_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notestab");
}

static void
relance_notes_tab_init (RelanceNotesTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_notes_tab_show:
 * @self: a #RelanceNotesTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_notes_tab_show (RelanceNotesTab  *self,
                        RelanceDatabase  *db,
                        gint64            actor_id,
                        GError          **error)
{
  g_autoptr(GPtrArray) notes = NULL;

  g_return_val_if_fail (RELANCE_IS_NOTES_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  notes = relance_note_store_list (db, actor_id, error);
  if (notes == NULL)
    return FALSE;

  if (self->actor_id != actor_id)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  remove_rows (self);
  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (self->notes_list, new_note_row (g_ptr_array_index (notes, i)));
  self->n_notes = notes->len;
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), notes->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), notes->len == 0);
  note_changed_cb (GTK_EDITABLE (self->note_entry), self);
  return TRUE;
}

/**
 * relance_notes_tab_clear:
 * @self: a #RelanceNotesTab
 *
 * Shows no note and lets the database go.
 */
void
relance_notes_tab_clear (RelanceNotesTab *self)
{
  g_return_if_fail (RELANCE_IS_NOTES_TAB (self));

  remove_rows (self);
  g_clear_object (&self->db);
  self->actor_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

/**
 * relance_notes_tab_add_note:
 * @self: a #RelanceNotesTab
 * @text: the note
 * @error: a #GError
 *
 * Writes the note for the customer shown, empties the field and emits
 * #RelanceNotesTab::changed, after which the list shows it.
 *
 * Returns: %FALSE with @error set when the note is blank or the store
 *   fails
 */
gboolean
relance_notes_tab_add_note (RelanceNotesTab  *self,
                            const char       *text,
                            GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_NOTES_TAB (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (relance_note_store_add (self->db, self->actor_id, text, error) == 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * relance_notes_tab_get_n_notes:
 * @self: a #RelanceNotesTab
 *
 * Returns: the number of notes shown
 */
guint
relance_notes_tab_get_n_notes (RelanceNotesTab *self)
{
  g_return_val_if_fail (RELANCE_IS_NOTES_TAB (self), 0);

  return self->n_notes;
}
