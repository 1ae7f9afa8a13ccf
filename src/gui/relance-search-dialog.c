/* relance-search-dialog.c — the global search (Ctrl+K)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window over the main one: a search entry and the customers,
 * invoices and actions found (relance_search_store_find). Enter opens
 * the first result, a click or Enter on a row opens that one: a
 * customer or an invoice shows the customer's card (win.open-customer),
 * an action opens it (win.open-action), both on the parent window.
 * Escape closes.
 */
#define G_LOG_DOMAIN "relance-search-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-gui-utils.h"
#include "relance-search-dialog.h"

/* results of each kind: enough to choose from, few enough to read */
#define RESULTS_PER_KIND 8

struct _RelanceSearchDialog
{
  GtkWindow        parent_instance;

  /* template children */
  GtkSearchEntry  *entry;
  GtkStack        *stack;
  GtkListBox      *results_list;

  /* state */
  RelanceDatabase *db;
  GPtrArray       *hits;
};

G_DEFINE_FINAL_TYPE (RelanceSearchDialog, relance_search_dialog, GTK_TYPE_WINDOW)

/* Helpers */

static GtkWidget *
hit_row (const RelanceSearchHit *hit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *customer = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon;

  customer = g_strdup_printf (_("%s — %s"), hit->actor_code, hit->actor_name);
  switch (hit->kind)
    {
    case RELANCE_SEARCH_CUSTOMER:
      icon = "system-users-symbolic";
      /* Translators: the kind of a search result */
      subtitle = g_strdup_printf (_("Customer · %s"), hit->actor_name);
      break;
    case RELANCE_SEARCH_INVOICE:
      icon = "x-office-document-symbolic";
      subtitle = g_strdup_printf (_("Invoice · %s"), customer);
      break;
    case RELANCE_SEARCH_ACTION:
    default:
      icon = "object-select-symbolic";
      subtitle = g_strdup_printf (_("Action · %s"), customer);
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* Shows @hit in the main window and closes the search */
static void
open_hit (RelanceSearchDialog    *self,
          const RelanceSearchHit *hit)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    {
      if (hit->kind == RELANCE_SEARCH_ACTION)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-action", "x", hit->id);
      else
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-customer", "x", hit->actor_id);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Signal callbacks */

static void
search_changed_cb (RelanceSearchDialog *self)
{
  relance_search_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
entry_activate_cb (RelanceSearchDialog *self)
{
  /* the text typed just now, not the one of the last pause */
  relance_search_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  relance_search_dialog_open_first (self);
}

static void
stop_search_cb (RelanceSearchDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated_cb (RelanceSearchDialog *self,
                  GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->hits->len)
    open_hit (self, g_ptr_array_index (self->hits, index));
}

/* Overrides */

static void
relance_search_dialog_dispose (GObject *object)
{
  RelanceSearchDialog *self = (RelanceSearchDialog *) object;

  /* The window's child is a template child too: take it out of the
   * window first, or both would unparent it */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_SEARCH_DIALOG);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_search_dialog_parent_class)->dispose (object);
}

static void
relance_search_dialog_finalize (GObject *object)
{
  RelanceSearchDialog *self = (RelanceSearchDialog *) object;

  g_ptr_array_unref (self->hits);

  G_OBJECT_CLASS (relance_search_dialog_parent_class)->finalize (object);
}

static void
relance_search_dialog_class_init (RelanceSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_search_dialog_dispose;
  object_class->finalize = relance_search_dialog_finalize;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceSearchDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceSearchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceSearchDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_search_dialog_init (RelanceSearchDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_search_hit_free);
  /* the results follow the typing; arrow keys go to them */
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_search_dialog_new:
 * @parent: the main window, whose actions open the results
 * @db: the database to search
 *
 * Returns: (transfer none): a search window over @parent, not shown yet;
 *   it destroys itself when closed
 */
RelanceSearchDialog *
relance_search_dialog_new (GtkWindow       *parent,
                           RelanceDatabase *db)
{
  RelanceSearchDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  self = g_object_new (RELANCE_TYPE_SEARCH_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  return self;
}

/**
 * relance_search_dialog_search:
 * @self: a #RelanceSearchDialog
 * @text: what to look for
 *
 * Lists what @text finds, at once.
 */
void
relance_search_dialog_search (RelanceSearchDialog *self,
                              const char          *text)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (RELANCE_IS_SEARCH_DIALOG (self));
  g_return_if_fail (text != NULL);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);

  hits = relance_search_store_find (self->db, text, RESULTS_PER_KIND, &error);
  if (hits == NULL)
    {
      g_warning ("Cannot search: %s", error->message);
      hits = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_search_hit_free);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results_list, hit_row (g_ptr_array_index (hits, i)));
  g_ptr_array_unref (self->hits);
  self->hits = g_steal_pointer (&hits);

  if (self->hits->len > 0)
    gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
  if (self->hits->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "results");
  else
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      gtk_stack_set_visible_child_name (self->stack, *trimmed != '\0' ? "empty" : "hint");
    }
}

/**
 * relance_search_dialog_get_n_results:
 * @self: a #RelanceSearchDialog
 *
 * Returns: how many results are listed
 */
guint
relance_search_dialog_get_n_results (RelanceSearchDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_SEARCH_DIALOG (self), 0);

  return self->hits->len;
}

/**
 * relance_search_dialog_open_first:
 * @self: a #RelanceSearchDialog
 *
 * Opens the first result and closes the search, as Enter does.
 *
 * Returns: %FALSE when there is no result
 */
gboolean
relance_search_dialog_open_first (RelanceSearchDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_SEARCH_DIALOG (self), FALSE);

  if (self->hits->len == 0)
    return FALSE;
  open_hit (self, g_ptr_array_index (self->hits, 0));
  return TRUE;
}
