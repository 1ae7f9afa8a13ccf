/* relance-template-editor.c — the templates (modèles de courrier), editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of templates, filterable by language, and the editor of the
 * selected one: name, subject and text, with the placeholders one can
 * insert at the cursor. The text is checked with relance_placeholders_check()
 * as it is typed: an unknown placeholder is underlined and named with its
 * line and column, and Save stays off until it is fixed, so that a letter
 * never goes out with [[SOMETHING]] printed raw. Nothing is deleted: a
 * template is deactivated. The preview makes the document of the text
 * being edited for a customer one names by code. Choosing another
 * template, or closing the window, with changes not saved asks whether
 * to save them.
 */
#define G_LOG_DOMAIN "relance-template-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "relance-documents.h"
#include "relance-gui-utils.h"
#include "relance-pdf-preview.h"
#include "relance-placeholders.h"
#include "relance-settings-private.h"
#include "relance-template-editor.h"

struct _RelanceTemplateEditor
{
  GtkWidget        parent_instance;

  /* template children */
  GtkDropDown     *language_dropdown;
  GtkListBox      *template_list;
  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *subject_row;
  GtkTextView     *body_view;
  GtkLabel        *problem_label;
  GtkListBox      *placeholder_list;
  GtkEntry        *customer_entry;
  GtkButton       *active_button;

  /* state */
  RelanceDatabase *db;
  GPtrArray       *templates;  /* RelanceTemplate *, as stored */
  RelanceTemplate *current;    /* in templates, NULL for none */
  GtkTextTag      *unknown_tag;
  gboolean         loading;
  gboolean         valid;

  /* the question about unsaved changes, while it is asked */
  AdwMessageDialog *prompt;
  char             *pending_code;      /* the template chosen meanwhile */
  char             *pending_language;
  gboolean          pending_close;     /* or the window to close */
  GtkWindow        *watched_window;    /* whose close-request we hear */
};

G_DEFINE_FINAL_TYPE (RelanceTemplateEditor, relance_template_editor, GTK_TYPE_WIDGET)

/* The languages of the filter, in the order of the drop-down */
static const char * const languages[] = { NULL, "fr", "en" };

/* Helpers */

static const char *
kind_label (RelanceTemplateKind kind)
{
  switch (kind)
    {
    case RELANCE_TEMPLATE_KIND_LETTER:    return relance_document_kind_label (RELANCE_DOCUMENT_LETTER);
    case RELANCE_TEMPLATE_KIND_NOTICE:    return relance_document_kind_label (RELANCE_DOCUMENT_NOTICE);
    case RELANCE_TEMPLATE_KIND_STATEMENT: return relance_document_kind_label (RELANCE_DOCUMENT_STATEMENT);
    case RELANCE_TEMPLATE_KIND_INTEREST:  return relance_document_kind_label (RELANCE_DOCUMENT_INTEREST);
    case RELANCE_TEMPLATE_KIND_PLAN:      return relance_document_kind_label (RELANCE_DOCUMENT_PLAN);
    case RELANCE_TEMPLATE_KIND_EMAIL:     return _("Email");
    case RELANCE_TEMPLATE_KIND_SMS:       return _("SMS");
    default:                              return "";
    }
}

static gboolean
kind_to_document (RelanceTemplateKind  kind,
                  RelanceDocumentKind *document)
{
  switch (kind)
    {
    case RELANCE_TEMPLATE_KIND_LETTER:    *document = RELANCE_DOCUMENT_LETTER; return TRUE;
    case RELANCE_TEMPLATE_KIND_NOTICE:    *document = RELANCE_DOCUMENT_NOTICE; return TRUE;
    case RELANCE_TEMPLATE_KIND_STATEMENT: *document = RELANCE_DOCUMENT_STATEMENT; return TRUE;
    case RELANCE_TEMPLATE_KIND_INTEREST:  *document = RELANCE_DOCUMENT_INTEREST; return TRUE;
    case RELANCE_TEMPLATE_KIND_PLAN:      *document = RELANCE_DOCUMENT_PLAN; return TRUE;
    default:                              return FALSE;
    }
}

static const char *
language_label (const char *language)
{
  if (g_strcmp0 (language, "fr") == 0)
    return _("French");
  if (g_strcmp0 (language, "en") == 0)
    return _("English");
  return language;
}

/* "Formal notice · level 3 · French · formal_notice" */
static char *
describe (const RelanceTemplate *tpl)
{
  GString *text = g_string_new (kind_label (tpl->kind));

  if (tpl->level >= 0)
    {
      g_string_append (text, " · ");
      /* Translators: the dunning level a template is for */
      g_string_append_printf (text, _("level %d"), tpl->level);
    }
  g_string_append_printf (text, " · %s · %s", language_label (tpl->language), tpl->code);
  if (!tpl->active)
    g_string_append_printf (text, " · %s", _("Inactive"));
  return g_string_free (text, FALSE);
}

static char *
buffer_text (RelanceTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_dirty (RelanceTemplateEditor *self)
{
  g_autofree char *body = NULL;

  if (self->current == NULL)
    return FALSE;
  body = buffer_text (self);
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                    self->current->name != NULL ? self->current->name : "") != 0 ||
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                    self->current->subject != NULL ? self->current->subject : "") != 0 ||
         g_strcmp0 (body, self->current->body != NULL ? self->current->body : "") != 0;
}

static void
update_actions (RelanceTemplateEditor *self)
{
  gboolean has = self->current != NULL && self->db != NULL;
  gboolean dirty = is_dirty (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.save", has && dirty && self->valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.revert", has && dirty);
  /* the preview is of the text being edited, once it is correct */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.preview", has && (self->valid || !dirty));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.toggle-active", has);
  if (has)
    {
      gtk_button_set_label (self->active_button,
                            self->current->active ? _("_Deactivate") : _("_Activate"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->active_button),
                                   self->current->active
                                   ? _("Scenario steps and documents no longer use it; nothing is deleted")
                                   : _("Scenario steps and documents use it again"));
    }
}

/* Underlines every placeholder of the text whose name is not known, so
 * that the eye finds what the message names. */
static void
underline_unknown (RelanceTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end, open_start, open_end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->unknown_tag, &start, &end);

  while (gtk_text_iter_forward_search (&start, "[[", 0, &open_start, &open_end, NULL))
    {
      GtkTextIter close_start, close_end;
      g_autofree char *name = NULL;

      if (!gtk_text_iter_forward_search (&open_end, "]]", 0, &close_start, &close_end, NULL))
        {
          gtk_text_buffer_apply_tag (buffer, self->unknown_tag, &open_start, &end);
          break;
        }
      name = gtk_text_iter_get_text (&open_end, &close_start);
      if (!relance_placeholder_is_known (name))
        gtk_text_buffer_apply_tag (buffer, self->unknown_tag, &open_start, &close_end);
      start = close_end;
    }
}

/* Checks the subject and the text; shows the first problem. */
static void
check (RelanceTemplateEditor *self)
{
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_name;

  if (self->loading || self->current == NULL)
    return;

  body = buffer_text (self);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  has_name = *name != '\0';
  self->valid = relance_placeholders_check (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                            "subject", &error) &&
                relance_placeholders_check (body, "body", &error);
  if (self->valid && !has_name)
    {
      self->valid = FALSE;
      g_set_error_literal (&error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                           _("The template needs a name."));
    }

  gtk_label_set_text (self->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  if (error != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->body_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (!has_name)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  underline_unknown (self);
  update_actions (self);
}

/* The current template with the name, subject and text being edited */
static RelanceTemplate *
read_template (RelanceTemplateEditor *self)
{
  RelanceTemplate *tpl = relance_template_new ();

  tpl->id = self->current->id;
  tpl->code = g_strdup (self->current->code);
  tpl->language = g_strdup (self->current->language);
  tpl->kind = self->current->kind;
  tpl->level = self->current->level;
  tpl->active = self->current->active;
  tpl->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  tpl->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  tpl->body = buffer_text (self);
  return tpl;
}

static void
show_template (RelanceTemplateEditor *self,
               RelanceTemplate       *tpl)
{
  g_autofree char *subtitle = NULL;

  self->current = tpl;
  if (tpl == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  self->loading = TRUE;
  gtk_label_set_text (self->title_label, tpl->name);
  subtitle = describe (tpl);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tpl->name != NULL ? tpl->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), tpl->subject != NULL ? tpl->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            tpl->body != NULL ? tpl->body : "", -1);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "editor");
  check (self);
}

static GtkWidget *
create_template_row (RelanceTemplate *tpl)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (tpl);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tpl->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!tpl->active)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "template", tpl);
  return row;
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       user_data)
{
  RelanceTemplateEditor *self = user_data;
  RelanceTemplate *tpl = g_object_get_data (G_OBJECT (row), "template");
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);
  const char *language = selected < G_N_ELEMENTS (languages) ? languages[selected] : NULL;

  return language == NULL || g_strcmp0 (tpl->language, language) == 0;
}

/* Reads the templates again and selects @code in @language if it is
 * still there. */
static void
reload (RelanceTemplateEditor *self,
        const char            *code,
        const char            *language)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *select = NULL;

  self->current = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, child);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  if (self->db != NULL)
    {
      self->templates = relance_template_store_list (self->db, &error);
      if (self->templates == NULL)
        _relance_settings_toast (GTK_WIDGET (self), error->message);
    }
  if (self->templates != NULL)
    for (guint i = 0; i < self->templates->len; i++)
      {
        RelanceTemplate *tpl = g_ptr_array_index (self->templates, i);
        GtkWidget *row = create_template_row (tpl);

        gtk_list_box_append (self->template_list, row);
        if (g_strcmp0 (tpl->code, code) == 0 && g_strcmp0 (tpl->language, language) == 0)
          select = GTK_LIST_BOX_ROW (row);
      }

  if (select != NULL)
    gtk_list_box_select_row (self->template_list, select);
  else
    show_template (self, NULL);
}

static GtkWindow *
root_window (RelanceTemplateEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (RelanceTemplateEditor *self,
              const char            *heading,
              const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (root_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows the PDF in a small modal window (RelancePdfPreview): nothing is
 * written to disk for a preview. */
static gboolean
open_pdf (RelanceTemplateEditor *self,
          GBytes                *pdf,
          GError               **error)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *preview = relance_pdf_preview_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autofree char *title = g_strdup_printf (_("Preview of %s"), self->current->name);

  if (!relance_pdf_preview_set_bytes (RELANCE_PDF_PREVIEW (preview), pdf, error))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return FALSE;
    }
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), root_window (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 820);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_child (GTK_WINDOW (window), preview);
  /* Escape closes it, as every dialog */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

/* The document (@pdf) or the message (@subject, @body) of the current
 * template for @actor as the documents make it from the stored template */
static gboolean
render_current (RelanceTemplateEditor  *self,
                RelanceActor           *actor,
                RelanceDate             day,
                GBytes                **pdf,
                char                  **subject,
                char                  **body,
                GError                **error)
{
  RelanceDocumentKind kind;

  if (kind_to_document (self->current->kind, &kind))
    {
      RelanceDocumentRequest request;

      relance_document_request_init (&request, kind, relance_actor_get_id (actor), day);
      request.template_code = self->current->code;
      request.language = self->current->language;
      if (self->current->level >= 0 && kind == RELANCE_DOCUMENT_LETTER)
        request.level = self->current->level;
      *pdf = relance_document_render (self->db, &request, NULL, error);
      return *pdf != NULL;
    }
  return relance_document_expand_message (self->db, self->current->code, relance_actor_get_id (actor),
                                          0, day, self->current->language, subject, body, error);
}

/* The preview of the text being edited, not only of the saved one. The
 * documents read their template from the store by code; rather than a
 * second path through them for unsaved text, the edited copy is written
 * in a transaction that is always rolled back once the document is made:
 * the documents see it as any template, and nothing of it stays (not even
 * an audit line). */
static gboolean
make_preview (RelanceTemplateEditor  *self,
              RelanceActor           *actor,
              RelanceDate             day,
              GBytes                **pdf,
              char                  **subject,
              char                  **body,
              GError                **error)
{
  g_autoptr(RelanceTemplate) copy = NULL;
  gboolean done;

  /* inside someone's transaction the rollback would undo their work too */
  if (!is_dirty (self) || relance_database_in_transaction (self->db))
    return render_current (self, actor, day, pdf, subject, body, error);

  copy = read_template (self);
  if (!relance_database_begin (self->db, error))
    return FALSE;
  done = relance_template_store_save (self->db, copy, error) &&
         render_current (self, actor, day, pdf, subject, body, error);
  relance_database_rollback (self->db);
  return done;
}

static gboolean
preview (RelanceTemplateEditor *self,
         GError               **error)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->customer_entry))));
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  RelanceDate day = relance_gui_evaluation_day ();

  if (*code == '\0')
    {
      g_set_error_literal (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_NOTHING,
                           _("Type the code of the customer whose figures the preview prints."));
      return FALSE;
    }
  actor = relance_actor_store_find_by_code (self->db, code, error);
  if (actor == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer with the code “%s”."), code);
      return FALSE;
    }
  if (!make_preview (self, actor, day, &pdf, &subject, &body, error))
    return FALSE;
  if (pdf != NULL)
    return open_pdf (self, pdf, error);
  show_message (self, subject != NULL && *subject != '\0' ? subject : self->current->name, body);
  return TRUE;
}

static GtkListBoxRow *
find_row (RelanceTemplateEditor *self,
          const char            *code,
          const char            *language)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->template_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RelanceTemplate *tpl = g_object_get_data (G_OBJECT (row), "template");

      if (g_strcmp0 (tpl->code, code) == 0 && g_strcmp0 (tpl->language, language) == 0)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

/* Selects the row of @tpl in the list without opening it again */
static void
select_quietly (RelanceTemplateEditor *self,
                RelanceTemplate       *tpl)
{
  GtkListBoxRow *row = tpl != NULL ? find_row (self, tpl->code, tpl->language) : NULL;

  self->loading = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->template_list, row);
  else
    gtk_list_box_unselect_all (self->template_list);
  self->loading = FALSE;
}

/* Does what waited for the answer: opens the template chosen, or closes
 * the window */
static void
resume_pending (RelanceTemplateEditor *self)
{
  g_autofree char *code = g_steal_pointer (&self->pending_code);
  g_autofree char *language = g_steal_pointer (&self->pending_language);
  gboolean close = self->pending_close;
  GtkListBoxRow *row;

  self->pending_close = FALSE;
  if (close)
    {
      if (self->watched_window != NULL)
        gtk_window_close (self->watched_window);
      return;
    }
  row = find_row (self, code, language);
  select_quietly (self, row != NULL ? g_object_get_data (G_OBJECT (row), "template") : NULL);
  show_template (self, row != NULL ? g_object_get_data (G_OBJECT (row), "template") : NULL);
}

static void
prompt_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    RelanceTemplateEditor *self)
{
  g_autoptr(GError) error = NULL;

  self->prompt = NULL;
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!relance_template_editor_save (self, &error))
        {
          g_clear_pointer (&self->pending_code, g_free);
          g_clear_pointer (&self->pending_language, g_free);
          self->pending_close = FALSE;
          show_message (self, _("The Template Was Not Saved"), error->message);
          return;
        }
      _relance_settings_toast (GTK_WIDGET (self), _("Template saved"));
      resume_pending (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      /* back to the stored text, so that closing finds nothing to ask */
      show_template (self, self->current);
      resume_pending (self);
    }
  else
    {
      g_clear_pointer (&self->pending_code, g_free);
      g_clear_pointer (&self->pending_language, g_free);
      self->pending_close = FALSE;
    }
}

/* Asks what to do with the changes not saved before going on to @next
 * (NULL: before closing the window) */
static void
ask_unsaved (RelanceTemplateEditor *self,
             RelanceTemplate       *next)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  g_free (self->pending_code);
  g_free (self->pending_language);
  self->pending_code = next != NULL ? g_strdup (next->code) : NULL;
  self->pending_language = next != NULL ? g_strdup (next->language) : NULL;
  self->pending_close = next == NULL;
  if (self->prompt != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->prompt));
      return;
    }

  /* Translators: %s is the name of a template */
  body = g_strdup_printf (_("“%s” has changes that are not saved. If you do not save them, they are lost."),
                          self->current->name);
  dialog = adw_message_dialog_new (root_window (self), _("Save the Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  /* a text with a wrong placeholder cannot be saved: only kept or dropped */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", self->valid);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           self->valid ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (prompt_response_cb), self, 0);
  self->prompt = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static gboolean
close_request_cb (GtkWindow             *window,
                  RelanceTemplateEditor *self)
{
  if (self->db == NULL || !is_dirty (self))
    return FALSE;
  ask_unsaved (self, NULL);
  return TRUE;
}

static void
language_changed_cb (RelanceTemplateEditor *self)
{
  /* the template edited stays in the editor when the filter hides it:
   * what is typed is not lost */
  gtk_list_box_invalidate_filter (self->template_list);
}

static void
template_selected_cb (RelanceTemplateEditor *self,
                      GtkListBoxRow         *row)
{
  RelanceTemplate *next = row != NULL ? g_object_get_data (G_OBJECT (row), "template") : NULL;

  if (self->loading || next == self->current)
    return;
  if (is_dirty (self))
    {
      /* the list goes back to the template edited until the answer */
      select_quietly (self, self->current);
      ask_unsaved (self, next);
      return;
    }
  show_template (self, next);
}

static void
text_changed_cb (RelanceTemplateEditor *self)
{
  check (self);
}

static void
buffer_changed_cb (GtkTextBuffer         *buffer,
                   RelanceTemplateEditor *self)
{
  check (self);
}

static void
placeholder_activated_cb (RelanceTemplateEditor *self,
                          GtkListBoxRow         *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "placeholder");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = g_strdup_printf ("[[%s]]", name);

  /* a table stands alone in its paragraph */
  if (relance_placeholder_is_block (name))
    {
      g_free (text);
      text = g_strdup_printf ("\n\n[[%s]]\n\n", name);
    }
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
customer_activate_cb (RelanceTemplateEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "template.preview", NULL);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!relance_template_editor_save (self, &error))
    show_message (self, _("The Template Was Not Saved"), error->message);
  else
    _relance_settings_toast (widget, _("Template saved"));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);

  show_template (self, self->current);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup (self->current->code);
  g_autofree char *language = g_strdup (self->current->language);
  gboolean active = !self->current->active;

  if (!relance_template_store_set_active (self->db, self->current->id, active, &error))
    {
      show_message (self, _("The Template Was Not Changed"), error->message);
      return;
    }
  reload (self, code, language);
  _relance_settings_toast (widget, active ? _("Template activated") : _("Template deactivated"));
  _relance_settings_data_changed (widget);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!preview (self, &error))
    show_message (self, _("No Preview"), error->message);
}

/* GtkWidget */

static void
relance_template_editor_root (GtkWidget *widget)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (relance_template_editor_parent_class)->root (widget);

  /* closing the window with changes not saved asks first */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->watched_window = GTK_WINDOW (root);
      g_signal_connect_object (root, "close-request", G_CALLBACK (close_request_cb), self, 0);
    }
}

static void
relance_template_editor_unroot (GtkWidget *widget)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);

  if (self->watched_window != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->watched_window, close_request_cb, self);
      self->watched_window = NULL;
    }

  GTK_WIDGET_CLASS (relance_template_editor_parent_class)->unroot (widget);
}

/* GObject */

static void
relance_template_editor_dispose (GObject *object)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (object);
  GtkWidget *child;

  /* the list's rows go: no selection to follow any more */
  self->loading = TRUE;
  self->current = NULL;
  /* an answer that comes after would find nothing to act on */
  if (self->prompt != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->prompt)));
  g_clear_pointer (&self->pending_code, g_free);
  g_clear_pointer (&self->pending_language, g_free);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_TEMPLATE_EDITOR);
  /* the template's top box is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_template_editor_parent_class)->dispose (object);
}

static void
relance_template_editor_class_init (RelanceTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_template_editor_dispose;
  widget_class->root = relance_template_editor_root;
  widget_class->unroot = relance_template_editor_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, template_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, placeholder_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, active_button);
  gtk_widget_class_bind_template_callback (widget_class, language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, placeholder_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_activate_cb);

  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "template.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "template.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_install_action (widget_class, "template.preview", NULL, preview_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "templateeditor");
}

static void
relance_template_editor_init (RelanceTemplateEditor *self)
{
  const char * const *names;
  GtkTextBuffer *buffer;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  buffer = gtk_text_view_get_buffer (self->body_view);
  /* a squiggle, as a spelling checker does: readable in light and dark */
  self->unknown_tag = gtk_text_buffer_create_tag (buffer, "unknown-placeholder",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  NULL);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  gtk_list_box_set_filter_func (self->template_list, filter_cb, self, NULL);

  names = relance_placeholder_names ();
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (names[i]);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "placeholder", g_strdup (names[i]), g_free);
      gtk_widget_set_tooltip_text (row, relance_placeholder_is_block (names[i])
                                        ? _("A table, alone in its paragraph")
                                        : NULL);
      gtk_list_box_append (self->placeholder_list, row);
    }
  update_actions (self);
}

/* Public API */

/**
 * relance_template_editor_new:
 *
 * Returns: (transfer floating): an editor with no database yet
 */
GtkWidget *
relance_template_editor_new (void)
{
  return g_object_new (RELANCE_TYPE_TEMPLATE_EDITOR, NULL);
}

/**
 * relance_template_editor_set_database:
 * @self: a #RelanceTemplateEditor
 * @db: (nullable): the database whose templates to edit
 *
 * Lists the templates of @db; none is selected.
 */
void
relance_template_editor_set_database (RelanceTemplateEditor *self,
                                      RelanceDatabase       *db)
{
  g_return_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  g_set_object (&self->db, db);
  reload (self, NULL, NULL);
}

/**
 * relance_template_editor_set_language:
 * @self: a #RelanceTemplateEditor
 * @language: (nullable): "fr", "en", or %NULL for every language
 *
 * Shows only the templates in @language.
 */
void
relance_template_editor_set_language (RelanceTemplateEditor *self,
                                      const char            *language)
{
  g_return_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], language) == 0)
      gtk_drop_down_set_selected (self->language_dropdown, i);
}

/**
 * relance_template_editor_get_n_shown:
 * @self: a #RelanceTemplateEditor
 *
 * Returns: how many templates the list shows with its filter
 */
guint
relance_template_editor_get_n_shown (RelanceTemplateEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->template_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (filter_cb (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}

/**
 * relance_template_editor_select:
 * @self: a #RelanceTemplateEditor
 * @code: a template code
 * @language: its language
 *
 * Opens the template @code in @language in the editor.
 *
 * Returns: %FALSE when there is no such template
 */
gboolean
relance_template_editor_select (RelanceTemplateEditor *self,
                                const char            *code,
                                const char            *language)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->template_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RelanceTemplate *tpl = g_object_get_data (G_OBJECT (row), "template");

      if (g_strcmp0 (tpl->code, code) == 0 && g_strcmp0 (tpl->language, language) == 0)
        {
          gtk_list_box_select_row (self->template_list, GTK_LIST_BOX_ROW (row));
          return self->current == tpl;
        }
    }
  return FALSE;
}

/**
 * relance_template_editor_get_buffer:
 * @self: a #RelanceTemplateEditor
 *
 * Returns: (transfer none): the buffer of the text being edited
 */
GtkTextBuffer *
relance_template_editor_get_buffer (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->body_view);
}

/**
 * relance_template_editor_get_problem:
 * @self: a #RelanceTemplateEditor
 *
 * Returns: (transfer none) (nullable): the problem shown under the text,
 *   %NULL when there is none
 */
const char *
relance_template_editor_get_problem (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    return NULL;
  return gtk_label_get_text (self->problem_label);
}

/**
 * relance_template_editor_can_save:
 * @self: a #RelanceTemplateEditor
 *
 * Returns: %TRUE when Save is on: a template is changed and has no problem
 */
gboolean
relance_template_editor_can_save (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), FALSE);

  return self->current != NULL && self->db != NULL && self->valid && is_dirty (self);
}

/**
 * relance_template_editor_save:
 * @self: a #RelanceTemplateEditor
 * @error: a #GError
 *
 * Stores the name, subject and text edited, unless a placeholder is
 * wrong (the store records the change in the audit trail).
 *
 * Returns: %FALSE with @error set (RELANCE_DOCUMENT_ERROR_TEMPLATE, or
 *   the store's error); nothing written
 */
gboolean
relance_template_editor_save (RelanceTemplateEditor *self,
                              GError               **error)
{
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->current != NULL && self->db != NULL, FALSE);

  body = buffer_text (self);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (!relance_placeholders_check (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                   "subject", error) ||
      !relance_placeholders_check (body, "body", error))
    return FALSE;
  if (*name == '\0')
    {
      g_set_error_literal (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                           _("The template needs a name."));
      return FALSE;
    }

  tpl = read_template (self);
  if (!relance_template_store_save (self->db, tpl, error))
    return FALSE;

  reload (self, tpl->code, tpl->language);
  _relance_settings_data_changed (GTK_WIDGET (self));
  return TRUE;
}

/**
 * relance_template_editor_get_prompt:
 * @self: a #RelanceTemplateEditor
 *
 * Returns: (transfer none) (nullable): the question « Save the
 *   Changes? » (responses "save", "discard", "cancel") while it is asked
 */
AdwMessageDialog *
relance_template_editor_get_prompt (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), NULL);

  return self->prompt;
}

/**
 * relance_template_editor_get_current:
 * @self: a #RelanceTemplateEditor
 *
 * Returns: (transfer none) (nullable): the template open in the editor,
 *   as stored, %NULL for none
 */
const RelanceTemplate *
relance_template_editor_get_current (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), NULL);

  return self->current;
}
