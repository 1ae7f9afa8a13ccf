/* relance-timeline-view.c — everything that happened with a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The « timeline pour suivre tous les échanges avec un client » of seed
 * 001: a vertical line with one dot per event, coloured by what it was
 * and how it ended, under a header for each day, newest first. The
 * timeline of an old customer has thousands of rows: they are read from
 * the store a page at a time, the next page when the list is scrolled to
 * its end.
 */
#define G_LOG_DOMAIN "relance-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-gui-utils.h"
#include "relance-timeline-entry.h"
#include "relance-timeline-view.h"

#define PAGE_SIZE 100

struct _RelanceTimelineView
{
  GtkWidget          parent_instance;

  /* template children */
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListView       *list_view;

  /* state */
  GListStore        *entries;
  RelanceDatabase   *db;
  gint64             actor_id;
  guint              total;
  GHashTable        *names;  /* login → the person's name */
};

G_DEFINE_FINAL_TYPE (RelanceTimelineView, relance_timeline_view, GTK_TYPE_WIDGET)

/* The status codes of relance-timeline-store.h, for people */
static const struct
{
  const char *code;
  const char *label;
} status_labels[] = {
  { "open", N_("Open") },
  { "paid", N_("Paid") },
  { "disputed", N_("Disputed") },
  { "litigation", N_("Litigation") },
  { "cancelled", N_("Cancelled") },
  { "allocated", N_("Allocated") },
  { "partly_allocated", N_("Partly allocated") },
  { "unallocated", N_("Unallocated") },
  { "rejected", N_("Rejected") },
  { "planned", N_("Planned") },
  { "done", N_("Done") },
  { "failed", N_("Failed") },
  { "justified", N_("Justified") },
  { "unjustified", N_("Unjustified") },
  { "kept", N_("Kept") },
  { "broken", N_("Broken") },
  { "queued", N_("Queued") },
  { "sent", N_("Sent") },
  { "outbox", N_("In the outbox") },
};

/* Helpers */

static const char *
status_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_labels); i++)
    if (g_strcmp0 (code, status_labels[i].code) == 0)
      return _(status_labels[i].label);
  return code;
}

/* The colour of the dot, a CSS class of style.css: how it ended first
 * (red for what went wrong, green for money in), then what it was. */
static const char *
dot_class (const RelanceTimelineRow *row)
{
  static const char * const bad[] = { "failed", "broken", "rejected", "litigation", NULL };
  static const char * const good[] = { "paid", "allocated", "kept", "sent", "justified", NULL };

  if (row->status != NULL && g_strv_contains (bad, row->status))
    return "error";
  if (row->status != NULL && g_strv_contains (good, row->status))
    return "success";
  if (g_strcmp0 (row->kind, "payment") == 0 || g_strcmp0 (row->kind, "allocation") == 0 ||
      g_strcmp0 (row->kind, "credit_note") == 0)
    return "success";
  if (g_strcmp0 (row->kind, "dispute") == 0 || g_strcmp0 (row->kind, "promise") == 0 ||
      g_strcmp0 (row->status, "disputed") == 0)
    return "warning";
  if (g_strcmp0 (row->kind, "note") == 0)
    return "neutral";
  return "accent";
}

static const char *
kind_icon (const char *kind)
{
  if (g_strcmp0 (kind, "payment") == 0 || g_strcmp0 (kind, "allocation") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (kind, "action") == 0)
    return "task-due-symbolic";
  if (g_strcmp0 (kind, "dispute") == 0)
    return "dialog-warning-symbolic";
  if (g_strcmp0 (kind, "promise") == 0)
    return "appointment-soon-symbolic";
  if (g_strcmp0 (kind, "note") == 0)
    return "document-edit-symbolic";
  if (g_strcmp0 (kind, "document") == 0)
    return "x-office-document-symbolic";
  if (g_strcmp0 (kind, "mail") == 0)
    return "mail-unread-symbolic";
  return "text-x-generic-symbolic";
}

static const char *
who_name (RelanceTimelineView *self,
          const char          *login)
{
  const char *name = self->names != NULL ? g_hash_table_lookup (self->names, login) : NULL;

  return name != NULL ? name : login;
}

static void
load_names (RelanceTimelineView *self,
            RelanceDatabase     *db)
{
  g_autoptr(GPtrArray) users = relance_user_store_list (db, NULL);

  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      RelanceUser *user = g_ptr_array_index (users, i);

      g_hash_table_insert (self->names, g_strdup (user->login), g_strdup (user->name));
    }
}

static gboolean
is_first_of_day (RelanceTimelineView *self,
                 guint                position,
                 RelanceDate          date)
{
  g_autoptr(RelanceTimelineEntry) previous = NULL;

  if (position == 0)
    return TRUE;
  previous = g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1);
  return previous == NULL || relance_timeline_entry_get_row (previous)->date != date;
}

/* Signal callbacks */

static void
edge_reached_cb (GtkScrolledWindow   *scroller,
                 GtkPositionType      position,
                 RelanceTimelineView *self)
{
  g_autoptr(GError) error = NULL;

  if (position == GTK_POS_BOTTOM && !relance_timeline_view_load_more (self, &error))
    g_warning ("Could not read more of the timeline: %s", error->message);
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One row: the day's header when it starts a day, then the rail (the
 * line and the event's dot) beside what happened. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelanceTimelineView      *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *day = new_label ("heading");
  GtkWidget *event = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *rail = gtk_overlay_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dot = gtk_image_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = new_label (NULL);
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who_icon = gtk_image_new ();
  GtkWidget *who = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *items = new_label ("dim-label");
  GtkWidget *document = gtk_button_new_from_icon_name ("x-office-document-symbolic");

  gtk_widget_add_css_class (row, "timeline-row");
  gtk_widget_add_css_class (day, "timeline-day");

  gtk_widget_add_css_class (rail, "timeline-rail");
  gtk_widget_add_css_class (line, "timeline-line");
  gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (line, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (rail), line);
  gtk_widget_add_css_class (dot, "timeline-dot");
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_overlay_add_overlay (GTK_OVERLAY (rail), dot);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_set_valign (amount, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), amount);

  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (status, "tag");
  gtk_box_append (GTK_BOX (meta), who_icon);
  gtk_box_append (GTK_BOX (meta), who);
  gtk_box_append (GTK_BOX (meta), status);

  gtk_widget_add_css_class (items, "caption");
  gtk_widget_set_halign (document, GTK_ALIGN_START);
  gtk_widget_add_css_class (document, "flat");
  gtk_button_set_label (GTK_BUTTON (document), _("Open Document"));
  gtk_widget_set_tooltip_text (document, _("Open the document in the PDF viewer"));

  gtk_box_append (GTK_BOX (content), top);
  gtk_box_append (GTK_BOX (content), meta);
  gtk_box_append (GTK_BOX (content), items);
  gtk_box_append (GTK_BOX (content), document);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_widget_add_css_class (content, "timeline-content");

  gtk_box_append (GTK_BOX (event), rail);
  gtk_box_append (GTK_BOX (event), content);
  gtk_box_append (GTK_BOX (row), day);
  gtk_box_append (GTK_BOX (row), event);

  g_object_set_data (G_OBJECT (row), "day", day);
  g_object_set_data (G_OBJECT (row), "dot", dot);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "amount", amount);
  g_object_set_data (G_OBJECT (row), "who-icon", who_icon);
  g_object_set_data (G_OBJECT (row), "who", who);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "items", items);
  g_object_set_data (G_OBJECT (row), "document", document);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RelanceTimelineView      *self)
{
  RelanceTimelineEntry *entry = gtk_list_item_get_item (list_item);
  const RelanceTimelineRow *row = relance_timeline_entry_get_row (entry);
  GObject *widget = G_OBJECT (gtk_list_item_get_child (list_item));
  GtkWidget *day = g_object_get_data (widget, "day");
  GtkWidget *dot = g_object_get_data (widget, "dot");
  GtkWidget *amount = g_object_get_data (widget, "amount");
  GtkWidget *who_icon = g_object_get_data (widget, "who-icon");
  GtkWidget *who = g_object_get_data (widget, "who");
  GtkWidget *status = g_object_get_data (widget, "status");
  GtkWidget *items = g_object_get_data (widget, "items");
  GtkWidget *document = g_object_get_data (widget, "document");
  gboolean server = g_strcmp0 (row->who, "server") == 0;
  static const char * const dot_classes[] = { "error", "success", "warning", "neutral", "accent" };

  if (is_first_of_day (self, gtk_list_item_get_position (list_item), row->date))
    {
      g_autofree char *text = relance_gui_format_date (row->date);

      gtk_label_set_text (GTK_LABEL (day), text);
      gtk_widget_set_visible (day, TRUE);
    }
  else
    gtk_widget_set_visible (day, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (dot_classes); i++)
    gtk_widget_remove_css_class (dot, dot_classes[i]);
  gtk_widget_add_css_class (dot, dot_class (row));
  gtk_image_set_from_icon_name (GTK_IMAGE (dot), kind_icon (row->kind));

  gtk_label_set_text (GTK_LABEL (g_object_get_data (widget, "title")), row->title);

  if (row->has_amount)
    {
      g_autofree char *text = relance_gui_format_amount (row->amount_cents, row->currency);

      gtk_label_set_text (GTK_LABEL (amount), text);
      relance_gui_set_amount_class (amount, row->amount_cents);
    }
  gtk_widget_set_visible (amount, row->has_amount);

  /* the daily run is no person: it has its own name and icon */
  gtk_image_set_from_icon_name (GTK_IMAGE (who_icon),
                                server ? "emblem-system-symbolic" : "avatar-default-symbolic");
  gtk_widget_set_tooltip_text (who_icon, server ? _("Done by the daily run") : _("Done by a person"));
  gtk_label_set_text (GTK_LABEL (who), server ? _("Server") : row->who != NULL ? who_name (self, row->who) : "");
  gtk_widget_set_visible (who_icon, row->who != NULL);
  gtk_widget_set_visible (who, row->who != NULL);

  gtk_label_set_text (GTK_LABEL (status), row->status != NULL ? status_label (row->status) : "");
  gtk_widget_set_visible (status, row->status != NULL);

  if (row->items != NULL)
    {
      /* Translators: the invoices an action or dispute is about */
      g_autofree char *text = g_strdup_printf (_("Items: %s"), row->items);

      gtk_label_set_text (GTK_LABEL (items), text);
    }
  gtk_widget_set_visible (items, row->items != NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (document), "x", row->document_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (document),
                                  row->document_id > 0 ? "win.open-document" : NULL);
  gtk_widget_set_visible (document, row->document_id > 0);
}

/* GObject */

static void
relance_timeline_view_dispose (GObject *object)
{
  RelanceTimelineView *self = RELANCE_TIMELINE_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->entries);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_timeline_view_parent_class)->dispose (object);
}

static void
relance_timeline_view_finalize (GObject *object)
{
  RelanceTimelineView *self = RELANCE_TIMELINE_VIEW (object);

  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (relance_timeline_view_parent_class)->finalize (object);
}

static void
relance_timeline_view_class_init (RelanceTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_timeline_view_dispose;
  object_class->finalize = relance_timeline_view_finalize;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceTimelineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RelanceTimelineView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");
}

static void
relance_timeline_view_init (RelanceTimelineView *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (RELANCE_TYPE_TIMELINE_ENTRY);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* Public API */

/**
 * relance_timeline_view_show:
 * @self: a #RelanceTimelineView
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @error: a #GError
 *
 * Shows the first page of the timeline of @actor_id; the next pages are
 * read when the list is scrolled to its end.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_timeline_view_show (RelanceTimelineView  *self,
                            RelanceDatabase      *db,
                            gint64                actor_id,
                            GError              **error)
{
  gint64 total;

  g_return_val_if_fail (RELANCE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  total = relance_timeline_store_count (db, actor_id, error);
  if (total < 0)
    return FALSE;

  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  self->total = (guint) total;
  load_names (self, db);
  g_list_store_remove_all (self->entries);
  if (!relance_timeline_view_load_more (self, error))
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "timeline" : "none");
  return TRUE;
}

/**
 * relance_timeline_view_clear:
 * @self: a #RelanceTimelineView
 *
 * Shows nothing and lets the database go.
 */
void
relance_timeline_view_clear (RelanceTimelineView *self)
{
  g_return_if_fail (RELANCE_IS_TIMELINE_VIEW (self));

  g_list_store_remove_all (self->entries);
  g_clear_object (&self->db);
  self->actor_id = 0;
  self->total = 0;
}

/**
 * relance_timeline_view_load_more:
 * @self: a #RelanceTimelineView
 * @error: a #GError
 *
 * Appends the next page of the timeline, if there is one.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_timeline_view_load_more (RelanceTimelineView  *self,
                                 GError              **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint loaded;

  g_return_val_if_fail (RELANCE_IS_TIMELINE_VIEW (self), FALSE);

  loaded = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  if (self->db == NULL || loaded >= self->total)
    return TRUE;

  rows = relance_timeline_store_list (self->db, self->actor_id, loaded, PAGE_SIZE, error);
  if (rows == NULL)
    return FALSE;

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (entries, relance_timeline_entry_new (g_steal_pointer (&rows->pdata[i])));
  /* the rows were stolen: the array must not free them again */
  g_ptr_array_set_free_func (rows, NULL);
  g_list_store_splice (self->entries, loaded, 0, entries->pdata, entries->len);
  return TRUE;
}

/**
 * relance_timeline_view_get_total:
 * @self: a #RelanceTimelineView
 *
 * Returns: the number of rows of the whole timeline, read or not yet
 */
guint
relance_timeline_view_get_total (RelanceTimelineView *self)
{
  g_return_val_if_fail (RELANCE_IS_TIMELINE_VIEW (self), 0);

  return self->total;
}

/**
 * relance_timeline_view_get_model:
 * @self: a #RelanceTimelineView
 *
 * Returns: (transfer none): the rows read so far
 *   (#RelanceTimelineEntry), newest first
 */
GListModel *
relance_timeline_view_get_model (RelanceTimelineView *self)
{
  g_return_val_if_fail (RELANCE_IS_TIMELINE_VIEW (self), NULL);

  return G_LIST_MODEL (self->entries);
}
