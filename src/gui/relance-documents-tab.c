/* relance-documents-tab.c — the documents made for a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document stored for one customer, newest first, each with a
 * button that opens it (win.open-document), and a menu « New Document »
 * listing the kinds the documents layer offers today; a kind not offered
 * stays in the menu, insensitive, with the reason as its tooltip, so that
 * the agent learns why there is no formal notice yet. A document is made
 * in a thread (RelanceJob, its own connection); the tab then says
 * "changed" and the window reloads the card, whose timeline shows it.
 */
#define G_LOG_DOMAIN "relance-documents-tab"

#include "config.h"

#include <inttypes.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-documents.h"
#include "relance-documents-tab.h"
#include "relance-gui-utils.h"
#include "relance-job.h"
#include "relance-window-private.h"

struct _RelanceDocumentsTab
{
  GtkWidget      parent_instance;

  /* template children */
  GtkLabel      *title_label;
  GtkMenuButton *new_button;
  GtkBox        *kinds_box;
  GtkLabel      *empty_label;
  GtkListBox    *list_box;

  /* state */
  RelanceDatabase *db;
  gint64           actor_id;
  RelanceDate      evaluation_day;
  guint            n_documents;
  GCancellable    *cancellable;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (RelanceDocumentsTab, relance_documents_tab, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  RelanceDocumentKind  kind;
  gint64               actor_id;
  RelanceDate          day;
  char                *login;
} GenerateData;

/* Helpers */

static void
generate_data_free (gpointer data)
{
  GenerateData *generate = data;

  g_free (generate->login);
  g_free (generate);
}

static void
report (RelanceDocumentsTab *self,
        const char          *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RELANCE_IS_WINDOW (root))
    _relance_window_toast (RELANCE_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static const char *
kind_label (const char *kind)
{
  RelanceDocumentKind value;

  if (relance_document_kind_from_string (kind, &value))
    return relance_document_kind_label (value);
  return kind;
}

static GtkWidget *
new_document_row (RelanceDocumentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = relance_gui_format_date (info->document_date);
  g_autoptr(GString) subtitle = g_string_new (date);
  GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");

  g_string_append_printf (subtitle, "  ·  %s", kind_label (info->kind));
  if (info->created_by != NULL)
    g_string_append_printf (subtitle, "  ·  %s", g_strcmp0 (info->created_by, "server") == 0
                                                 ? _("Server") : info->created_by);
  if (info->action_id > 0)
    {
      g_string_append (subtitle, "  ·  ");
      /* Translators: the action a document was made for */
      g_string_append_printf (subtitle, _("Action %" PRId64), info->action_id);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open the document in the PDF viewer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the document"),
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", info->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-document");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

static gboolean
generate_job_func (RelanceJob       *job,
                   RelanceDatabase  *db,
                   gpointer          data,
                   GCancellable     *cancellable,
                   GError          **error)
{
  GenerateData *generate = data;
  RelanceDocumentRequest request;

  /* the thread's connection records the same author as the window's */
  if (generate->login != NULL)
    relance_database_set_user (db, generate->login);
  relance_document_request_init (&request, generate->kind, generate->actor_id, generate->day);
  return relance_document_generate (db, &request, NULL, NULL, error);
}

static void
set_busy (RelanceDocumentsTab *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_button), !busy && self->db != NULL);
}

/* Signal callbacks */

static void
generate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RelanceDocumentsTab) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!relance_job_run_finish (RELANCE_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report (self, error->message);
      return;
    }
  report (self, _("Document made"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
kind_clicked_cb (GtkButton           *button,
                 RelanceDocumentsTab *self)
{
  g_autoptr(RelanceJob) job = NULL;
  GenerateData *generate;

  if (self->db == NULL || self->busy)
    return;

  gtk_menu_button_popdown (self->new_button);
  generate = g_new0 (GenerateData, 1);
  generate->kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  generate->actor_id = self->actor_id;
  generate->day = self->evaluation_day;
  generate->login = g_strdup (relance_database_get_user (self->db));

  job = relance_job_new (_("Making the document…"), relance_database_get_path (self->db),
                         generate_job_func, generate, generate_data_free);
  set_busy (self, TRUE);
  relance_job_run_async (job, self->cancellable, generate_done_cb, g_object_ref (self));
}

static void
remove_kinds (RelanceDocumentsTab *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box))) != NULL)
    gtk_box_remove (self->kinds_box, child);
}

static gboolean
show_kinds (RelanceDocumentsTab  *self,
            GError              **error)
{
  gboolean offered[RELANCE_N_DOCUMENT_KINDS] = { FALSE, };
  g_auto(GStrv) why = NULL;

  if (!relance_documents_offered (self->db, self->actor_id, self->evaluation_day,
                                  offered, &why, error))
    return FALSE;

  remove_kinds (self);
  for (int kind = 0; kind < RELANCE_N_DOCUMENT_KINDS; kind++)
    {
      GtkWidget *button = gtk_button_new_with_label (relance_document_kind_label (kind));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_set_sensitive (button, offered[kind]);
      if (!offered[kind] && why != NULL && why[kind] != NULL && *why[kind] != '\0')
        gtk_widget_set_tooltip_text (button, why[kind]);
      g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
      g_signal_connect_object (button, "clicked", G_CALLBACK (kind_clicked_cb), self, 0);
      gtk_box_append (self->kinds_box, button);
    }
  return TRUE;
}

/* GObject */

static void
relance_documents_tab_dispose (GObject *object)
{
  RelanceDocumentsTab *self = RELANCE_DOCUMENTS_TAB (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_DOCUMENTS_TAB);
  /* the template's root has no id: dispose_template leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (relance_documents_tab_parent_class)->dispose (object);
}

static void
relance_documents_tab_class_init (RelanceDocumentsTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_documents_tab_dispose;

  /**
   * RelanceDocumentsTab::changed:
   *
   * A document was made and stored.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-documents-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceDocumentsTab, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceDocumentsTab, new_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceDocumentsTab, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceDocumentsTab, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceDocumentsTab, list_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentstab");
}

static void
relance_documents_tab_init (RelanceDocumentsTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * relance_documents_tab_show:
 * @self: a #RelanceDocumentsTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @evaluation_day: the date of the documents made from the menu
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_documents_tab_show (RelanceDocumentsTab  *self,
                            RelanceDatabase      *db,
                            gint64                actor_id,
                            RelanceDate           evaluation_day,
                            GError              **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RELANCE_IS_DOCUMENTS_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  documents = relance_document_store_list_for_actor (db, actor_id, error);
  if (documents == NULL)
    return FALSE;

  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  self->evaluation_day = evaluation_day;
  if (!show_kinds (self, error))
    return FALSE;

  relance_documents_tab_clear (self);
  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  for (guint i = 0; i < documents->len; i++)
    gtk_list_box_append (self->list_box, new_document_row (g_ptr_array_index (documents, i)));
  self->n_documents = documents->len;
  set_busy (self, self->busy);

  /* Translators: the heading of a customer's documents */
  title = g_strdup_printf (ngettext ("%u document", "%u documents", documents->len),
                           documents->len);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), documents->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), documents->len == 0);
  return TRUE;
}

/**
 * relance_documents_tab_clear:
 * @self: a #RelanceDocumentsTab
 *
 * Shows nothing and lets the database go; a document being made is
 * still stored.
 */
void
relance_documents_tab_clear (RelanceDocumentsTab *self)
{
  GtkWidget *child;

  g_return_if_fail (RELANCE_IS_DOCUMENTS_TAB (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_documents = 0;
  self->actor_id = 0;
  g_clear_object (&self->db);
  set_busy (self, self->busy);
}

/**
 * relance_documents_tab_get_n_documents:
 * @self: a #RelanceDocumentsTab
 *
 * Returns: the number of documents shown
 */
guint
relance_documents_tab_get_n_documents (RelanceDocumentsTab *self)
{
  g_return_val_if_fail (RELANCE_IS_DOCUMENTS_TAB (self), 0);

  return self->n_documents;
}
