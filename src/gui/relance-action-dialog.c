/* relance-action-dialog.c — one action: summary, perform, edit,
 * reschedule, close the case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seed 001's action screen: a summary (number, created, by, level, case,
 * items, type, planned date, status, contact, assignee), the action's
 * documents, and the buttons Perform, Edit, Change the schedule and
 * Close the case. Performing asks for the outcome and a comment, then
 * offers to notify colleagues and to plan the next action on the dates
 * that the step's duration and reminder propose (seed 003). Every rule
 * is the engine's: this dialog collects, asks relance-form-checks.h what
 * is wrong, and calls relance_action_perform() and relance-action-edit.h.
 *
 * A manual letter, registered letter or formal notice that has no
 * document yet shows beside the summary the document that performing it
 * makes (rendered in a thread, as the new-action dialog does), made and
 * stored in the same transaction as the outcome; a manual email is sent
 * once performed, and the dialog then says where it went
 * (relance-action-delivery.h).
 */
#define G_LOG_DOMAIN "relance-action-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "relance-action-delivery.h"
#include "relance-action-dialog.h"
#include "relance-action-edit.h"
#include "relance-agenda-model.h"
#include "relance-engine.h"
#include "relance-form-checks.h"
#include "relance-form-problems.h"
#include "relance-gui-utils.h"
#include "relance-job.h"
#include "relance-pdf-preview.h"
#include "relance-user-picker.h"
#include "relance-window-private.h"

struct _RelanceActionDialog
{
  GtkWindow            parent_instance;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *back_button;
  GtkStack            *stack;
  GtkLabel            *heading_label;
  GtkLabel            *status_label;
  GtkListBox          *summary_list;
  GtkWidget           *documents_group;
  GtkListBox          *documents_list;
  GtkWidget           *buttons_box;
  GtkButton           *perform_button;
  GtkButton           *edit_button;
  GtkButton           *reschedule_button;
  GtkButton           *close_case_button;
  GtkLabel            *outcome_heading;
  GtkLabel            *contact_label;
  GtkCheckButton      *success_check;
  GtkCheckButton      *failure_check;
  GtkTextView         *comment_view;
  GtkButton           *continue_button;
  RelanceUserPicker   *user_picker;
  GtkSwitch           *next_switch;
  GtkWidget           *next_date_row;
  GtkWidget           *next_channel_row;
  GtkWidget           *next_title_row;
  GtkEntry            *next_date_entry;
  GtkDropDown         *next_channel_dropdown;
  GtkEntry            *next_title_entry;
  GtkLabel            *proposal_label;
  RelanceFormProblems *follow_problems;
  GtkButton           *confirm_button;
  GtkEntry            *edit_title_entry;
  GtkDropDown         *edit_channel_dropdown;
  GtkEntry            *edit_date_entry;
  GtkDropDown         *edit_assignee_dropdown;
  GtkDropDown         *edit_contact_dropdown;
  RelanceFormProblems *edit_problems;
  GtkButton           *edit_save_button;
  GtkEntry            *reschedule_date_entry;
  RelanceFormProblems *reschedule_problems;
  GtkButton           *reschedule_save_button;
  GtkWidget           *document_separator;
  GtkWidget           *document_pane;
  GtkStack            *preview_stack;
  GtkSpinner          *preview_spinner;
  RelancePdfPreview   *preview;
  AdwStatusPage       *preview_error;
  GtkSwitch           *document_switch;
  GtkWidget           *email_group;
  GtkSwitch           *email_switch;
  AdwStatusPage       *delivery_status;
  GtkSpinner          *delivery_spinner;

  /* state */
  RelanceWindow       *window;      /* weak: the dialog is transient for it */
  RelanceDatabase     *db;
  RelanceDate          day;
  RelanceAction       *action;
  RelanceCase         *dunning_case;
  RelanceScenario     *scenario;
  GPtrArray           *contacts;    /* RelanceContact */
  GPtrArray           *users;       /* RelanceUser */
  guint                n_documents; /* already made for the action */
  gboolean             makes_document;
  gboolean             sends_email;
  GCancellable        *preview_cancellable;
};

G_DEFINE_FINAL_TYPE (RelanceActionDialog, relance_action_dialog, GTK_TYPE_WINDOW)

/* The levels of dunning (RelanceLevel), for people */
static const char * const level_labels[] = {
  N_("Courtesy"),
  N_("First reminder"),
  N_("Second reminder"),
  N_("Formal notice"),
  N_("Pre-litigation"),
  N_("Litigation"),
};

/* What the preview thread makes, and what it made */
typedef struct
{
  RelanceDocumentRequest  request;
  GBytes                 *pdf;
} PreviewData;

/* What the email thread sends, and what became of it */
typedef struct
{
  gint64             action_id;
  RelanceDate        day;
  char              *login;
  GWeakRef           window;   /* the toast outlives a dialog closed early */
  RelanceMailStatus  status;
  char              *delivery;
} EmailData;

/* Helpers */

static void
preview_data_free (gpointer data)
{
  PreviewData *preview = data;

  g_clear_pointer (&preview->pdf, g_bytes_unref);
  g_free (preview);
}

static void
email_data_free (gpointer data)
{
  EmailData *email = data;

  g_weak_ref_clear (&email->window);
  g_free (email->login);
  g_free (email->delivery);
  g_free (email);
}

static const char *
level_label (int level)
{
  if (level < 0 || level >= (int) G_N_ELEMENTS (level_labels))
    return "";
  return _(level_labels[level]);
}

static const char *
status_label (RelanceActionStatus status)
{
  switch (status)
    {
    case RELANCE_ACTION_PLANNED:
      return _("Planned");
    case RELANCE_ACTION_DONE:
      return _("Done");
    case RELANCE_ACTION_CANCELLED:
      return _("Cancelled");
    case RELANCE_ACTION_FAILED:
      return _("Failed");
    default:
      return "";
    }
}

static const char *
user_name (RelanceActionDialog *self,
           const char          *login)
{
  if (login == NULL)
    return "";
  for (guint i = 0; i < self->users->len; i++)
    {
      RelanceUser *user = g_ptr_array_index (self->users, i);

      if (g_strcmp0 (user->login, login) == 0)
        return user->name;
    }
  return login;
}

static RelanceContact *
find_contact (RelanceActionDialog *self,
              gint64               contact_id)
{
  for (guint i = 0; i < self->contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (self->contacts, i);

      if (relance_contact_get_id (contact) == contact_id)
        return contact;
    }
  return NULL;
}

static char *
contact_text (RelanceContact *contact)
{
  const char *phone;

  if (contact == NULL)
    return g_strdup (_("No contact"));
  phone = relance_contact_get_phone (contact);
  if (phone == NULL || *phone == '\0')
    phone = relance_contact_get_mobile (contact);
  if (phone != NULL && *phone != '\0')
    return g_strdup_printf ("%s — %s", relance_contact_get_name (contact), phone);
  return g_strdup (relance_contact_get_name (contact));
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_summary_row (RelanceActionDialog *self,
                 const char          *title,
                 const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* a long list of items wraps inside the row rather than widening it */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->summary_list, row);
}

static char *
items_text (RelanceActionDialog  *self,
            GError              **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->action->invoice_ids != NULL && i < self->action->invoice_ids->len; i++)
    {
      g_autoptr(RelanceInvoice) invoice =
        relance_invoice_store_find_by_id (self->db, g_array_index (self->action->invoice_ids,
                                                                   gint64, i), error);

      if (invoice == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                              relance_invoice_get_number (invoice));
    }
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_channels (GtkDropDown *dropdown)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  /* in the order of RelanceChannel, so that a position is a channel */
  for (guint i = 0; i < RELANCE_N_CHANNELS; i++)
    gtk_string_list_append (list, relance_agenda_channel_label (i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
open_document_clicked_cb (GtkButton           *button,
                          RelanceActionDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "relance-document-id"));

  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.open-document", "x", id);
}

static gboolean
load_documents (RelanceActionDialog  *self,
                GError              **error)
{
  g_autoptr(GPtrArray) documents = relance_document_store_list_for_action (self->db,
                                                                          self->action->id,
                                                                          error);
  g_autofree char *delivery = NULL;

  if (documents == NULL)
    return FALSE;
  self->n_documents = documents->len;
  delivery = relance_action_store_get_delivery (self->db, self->action->id, error);
  if (delivery == NULL && error != NULL && *error != NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      RelanceDocumentInfo *info = g_ptr_array_index (documents, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));
      g_autofree char *date = relance_gui_format_date (info->document_date);
      g_autofree char *tip = g_strdup_printf (_("Open %s"), info->file_name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->file_name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data (G_OBJECT (button), "relance-document-id", GSIZE_TO_POINTER (info->id));
      g_signal_connect (button, "clicked", G_CALLBACK (open_document_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->documents_list, row);
    }
  if (delivery != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->documents_group), delivery);
  gtk_widget_set_visible (self->documents_group, documents->len > 0 || delivery != NULL);
  return TRUE;
}

static void
show_preview_error (RelanceActionDialog *self,
                    const char          *message)
{
  adw_status_page_set_description (self->preview_error, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
  gtk_spinner_stop (self->preview_spinner);
}

static gboolean
render_preview (RelanceJob       *job,
                RelanceDatabase  *db,
                gpointer          data,
                GCancellable     *cancellable,
                GError          **error)
{
  PreviewData *preview = data;

  preview->pdf = relance_document_render (db, &preview->request, NULL, error);
  return preview->pdf != NULL;
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RelanceJob *job = RELANCE_JOB (source);
  PreviewData *preview = relance_job_get_data (job);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) pdf_error = NULL;
  RelanceActionDialog *self;

  /* cancelled: the dialog is gone */
  if (!relance_job_run_finish (job, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RELANCE_ACTION_DIALOG (user_data);

  if (error != NULL)
    show_preview_error (self, error->message);
  else if (!relance_pdf_preview_set_bytes (self->preview, preview->pdf, &pdf_error))
    show_preview_error (self, pdf_error->message);
  else
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "preview");
      gtk_spinner_stop (self->preview_spinner);
    }
}

/* Makes, in a thread, the document that performing the action makes:
 * the agent sees what the debtor will receive, or why it cannot be made */
static void
start_preview (RelanceActionDialog *self)
{
  g_autoptr(RelanceJob) job = NULL;
  PreviewData *preview = g_new0 (PreviewData, 1);

  relance_action_document_request (self->action, self->day, &preview->request);
  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  gtk_spinner_start (self->preview_spinner);
  self->preview_cancellable = g_cancellable_new ();
  job = relance_job_new (_("Making the preview…"), relance_database_get_path (self->db),
                         render_preview, preview, preview_data_free);
  relance_job_run_async (job, self->preview_cancellable, preview_done_cb, self);
}

static void
fill_summary (RelanceActionDialog *self,
              const char          *items)
{
  RelanceAction *action = self->action;
  g_autofree char *number = g_strdup_printf ("%" PRId64, action->id);
  g_autofree char *heading = g_strdup_printf (_("Action %" PRId64 " — %s"), action->id,
                                              action->title);
  g_autofree char *created = NULL;
  g_autofree char *planned = relance_gui_format_date (action->planned_date);
  g_autofree char *contact = contact_text (find_contact (self, action->contact_id));
  g_autofree char *status = NULL;
  g_autofree char *case_text = NULL;
  RelanceDate created_day = 0;

  if (action->created_at != NULL && strlen (action->created_at) >= 10)
    {
      g_autofree char *iso = g_strndup (action->created_at, 10);

      relance_date_parse (iso, &created_day, NULL);
    }
  created = relance_gui_format_date (created_day);

  if (action->status == RELANCE_ACTION_PLANNED)
    status = g_strdup (status_label (action->status));
  else
    {
      g_autofree char *done = relance_gui_format_date (action->done_date);

      /* Translators: "Done on 16/10/2017 by dumast" */
      status = g_strdup_printf (_("%s on %s by %s"), status_label (action->status), done,
                                user_name (self, action->done_by));
    }
  if (self->dunning_case != NULL)
    /* Translators: a case: its number and its status, "6437 (open)" */
    case_text = g_strdup_printf (_("%" PRId64 " (%s)"), self->dunning_case->id,
                                 relance_case_status_to_string (self->dunning_case->status));
  else
    case_text = g_strdup ("—");

  gtk_label_set_text (self->heading_label, heading);
  if (self->dunning_case != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("%s, case %" PRId64 " at the level « %s »"),
                                               status, self->dunning_case->id,
                                               level_label (action->level));
      gtk_label_set_text (self->status_label, line);
    }
  else
    gtk_label_set_text (self->status_label, status);

  add_summary_row (self, _("Number"), number);
  add_summary_row (self, _("Created on"), created);
  add_summary_row (self, _("By"), user_name (self, action->created_by));
  add_summary_row (self, _("Dunning level"), level_label (action->level));
  add_summary_row (self, _("Case"), case_text);
  add_summary_row (self, _("Items"), items);
  add_summary_row (self, _("Type"), relance_agenda_channel_label (action->channel));
  add_summary_row (self, _("Planned date"), planned);
  add_summary_row (self, _("Status"), status);
  add_summary_row (self, _("Customer contact"), contact);
  add_summary_row (self, _("Assigned to"), user_name (self, action->assigned_to));
}

/* The next action proposed from the step's duration and reminder */
static void
propose_next (RelanceActionDialog *self)
{
  const RelanceScenarioStep *step = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *reminder_text = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *title = NULL;
  RelanceDate end, reminder;

  if (self->scenario != NULL && self->action->step_id != 0)
    step = relance_scenario_get_step_by_id (self->scenario, self->action->step_id);
  relance_form_propose_follow_up (self->scenario, step, self->day, &end, &reminder);

  reminder_text = relance_gui_format_date (reminder);
  end_text = relance_gui_format_date (end);
  gtk_editable_set_text (GTK_EDITABLE (self->next_date_entry), reminder_text);
  gtk_drop_down_set_selected (self->next_channel_dropdown, RELANCE_CHANNEL_CALL);
  /* Translators: the title proposed for the next action: « Suivi : Appel de relance » */
  title = g_strdup_printf (_("Follow-up: %s"), self->action->title);
  gtk_editable_set_text (GTK_EDITABLE (self->next_title_entry), title);
  if (step != NULL)
    proposal = g_strdup_printf (_("Proposed from the step « %s »: the customer has until %s, "
                                  "follow up on %s."), step->name, end_text, reminder_text);
  else
    proposal = g_strdup_printf (_("Proposed: the customer has until %s, follow up on %s."),
                                end_text, reminder_text);
  gtk_label_set_text (self->proposal_label, proposal);
}

static void
fill_edit (RelanceActionDialog *self)
{
  g_autoptr(GtkStringList) assignees = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) contacts = gtk_string_list_new (NULL);
  g_autofree char *planned = relance_gui_format_date (self->action->planned_date);
  guint selected = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->edit_title_entry), self->action->title);
  gtk_drop_down_set_selected (self->edit_channel_dropdown, self->action->channel);
  gtk_editable_set_text (GTK_EDITABLE (self->edit_date_entry), planned);
  gtk_editable_set_text (GTK_EDITABLE (self->reschedule_date_entry), planned);

  gtk_string_list_append (assignees, _("Nobody"));
  for (guint i = 0; i < self->users->len; i++)
    {
      RelanceUser *user = g_ptr_array_index (self->users, i);

      gtk_string_list_append (assignees, user->name);
      if (g_strcmp0 (user->login, self->action->assigned_to) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->edit_assignee_dropdown, G_LIST_MODEL (assignees));
  gtk_drop_down_set_selected (self->edit_assignee_dropdown, selected);

  selected = 0;
  gtk_string_list_append (contacts, _("No contact"));
  for (guint i = 0; i < self->contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (self->contacts, i);

      gtk_string_list_append (contacts, relance_contact_get_name (contact));
      if (relance_contact_get_id (contact) == self->action->contact_id)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->edit_contact_dropdown, G_LIST_MODEL (contacts));
  gtk_drop_down_set_selected (self->edit_contact_dropdown, selected);
}

static gboolean
load (RelanceActionDialog  *self,
      gint64                action_id,
      GError              **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autofree char *items = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *outcome_heading = NULL;
  g_autofree char *contact = NULL;
  GError *local_error = NULL;
  gboolean planned;

  self->action = relance_action_store_find (self->db, action_id, &local_error);
  if (self->action == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no action %" PRId64), action_id);
      return FALSE;
    }
  if (self->action->case_id != 0)
    {
      self->dunning_case = relance_case_store_find (self->db, self->action->case_id, error);
      if (self->dunning_case == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  if (self->dunning_case != NULL)
    {
      self->scenario = relance_scenario_store_get (self->db, self->dunning_case->scenario_id, error);
      if (self->scenario == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  actor = relance_actor_store_find_by_id (self->db, self->action->actor_id, error);
  if (actor == NULL)
    return FALSE;
  self->contacts = relance_contact_store_list_for_actor (self->db, self->action->actor_id, error);
  if (self->contacts == NULL)
    return FALSE;
  self->users = relance_user_store_list (self->db, error);
  if (self->users == NULL)
    return FALSE;
  items = items_text (self, error);
  if (items == NULL)
    return FALSE;

  subtitle = g_strdup_printf ("%s — %s", relance_actor_get_code (actor),
                              relance_actor_get_name (actor));
  adw_window_title_set_title (self->window_title, self->action->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  fill_summary (self, items);
  if (!load_documents (self, error))
    return FALSE;

  outcome_heading = g_strdup_printf (_("Action %" PRId64 " — %s"), self->action->id,
                                     relance_agenda_channel_label (self->action->channel));
  gtk_label_set_text (self->outcome_heading, outcome_heading);
  contact = contact_text (find_contact (self, self->action->contact_id));
  gtk_label_set_text (self->contact_label, contact);

  relance_user_picker_set_users (self->user_picker, self->users,
                                 relance_database_get_user (self->db));
  propose_next (self);
  fill_edit (self);

  planned = self->action->status == RELANCE_ACTION_PLANNED;
  gtk_widget_set_sensitive (GTK_WIDGET (self->perform_button), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reschedule_button), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_case_button),
                            self->dunning_case != NULL &&
                            self->dunning_case->status != RELANCE_CASE_CLOSED);

  /* what performing makes for the debtor: a document made once only */
  self->makes_document = planned && self->n_documents == 0 &&
                         relance_action_makes_document (self->action->channel);
  self->sends_email = planned && self->action->channel == RELANCE_CHANNEL_EMAIL;
  gtk_widget_set_visible (self->document_pane, self->makes_document);
  gtk_widget_set_visible (self->document_separator, self->makes_document);
  gtk_widget_set_visible (self->email_group, self->sends_email);
  if (self->makes_document)
    {
      /* room for the summary and the page beside it */
      gtk_window_set_default_size (GTK_WINDOW (self), 1160, 760);
      start_preview (self);
    }
  return TRUE;
}

static char *
comment_text (RelanceActionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Runs the controls of the page shown and says whether it may be saved */
static gboolean
check_page (RelanceActionDialog *self)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  RelanceDate date;

  if (g_strcmp0 (page, "follow") == 0)
    {
      gboolean next = gtk_switch_get_active (self->next_switch);

      gtk_widget_set_sensitive (self->next_date_row, next);
      gtk_widget_set_sensitive (self->next_channel_row, next);
      gtk_widget_set_sensitive (self->next_title_row, next);
      if (next &&
          relance_form_check_date (validation, "next-date",
                                   gtk_editable_get_text (GTK_EDITABLE (self->next_date_entry)),
                                   &date))
        relance_form_check_planned_date (validation, "next-date", date, self->day);
      relance_form_problems_show (self->follow_problems, validation);
      gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                                !relance_validation_has_blocking (validation));
    }
  else if (g_strcmp0 (page, "edit") == 0)
    {
      RelanceNewActionForm form = { 0, };

      form.title = gtk_editable_get_text (GTK_EDITABLE (self->edit_title_entry));
      form.channel = gtk_drop_down_get_selected (self->edit_channel_dropdown);
      /* the items of an existing action do not change here */
      form.n_items = G_MAXUINT;
      form.contact_email = "-";
      if (relance_form_check_date (validation, "date",
                                   gtk_editable_get_text (GTK_EDITABLE (self->edit_date_entry)),
                                   &date))
        form.planned_date = date;
      relance_form_check_new_action (validation, &form, self->day);
      relance_form_problems_show (self->edit_problems, validation);
      gtk_widget_set_sensitive (GTK_WIDGET (self->edit_save_button),
                                !relance_validation_has_blocking (validation));
    }
  else if (g_strcmp0 (page, "reschedule") == 0)
    {
      if (relance_form_check_date (validation, "date",
                                   gtk_editable_get_text (GTK_EDITABLE (self->reschedule_date_entry)),
                                   &date))
        relance_form_check_planned_date (validation, "date", date, self->day);
      relance_form_problems_show (self->reschedule_problems, validation);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reschedule_save_button),
                                !relance_validation_has_blocking (validation));
    }
  return !relance_validation_has_blocking (validation);
}

/* The database changed: the window reloads the agenda, lists and card */
static void
done (RelanceActionDialog *self,
      const char          *toast)
{
  if (self->window != NULL)
    {
      _relance_window_data_changed (self->window);
      _relance_window_toast (self->window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Shows where the email went, in the dialog and in a toast */
static void
show_delivery (RelanceActionDialog *self,
               EmailData           *email,
               const char          *title,
               const char          *icon,
               const char          *description)
{
  g_autoptr(RelanceWindow) window = g_weak_ref_get (&email->window);

  /* the agent may have closed the dialog while the email went */
  if (self->db != NULL)
    {
      gtk_spinner_stop (self->delivery_spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->delivery_spinner), FALSE);
      adw_status_page_set_title (self->delivery_status, title);
      adw_status_page_set_icon_name (self->delivery_status, icon);
      adw_status_page_set_description (self->delivery_status, description);
    }
  if (window != NULL)
    {
      g_autofree char *toast = g_strdup_printf ("%s — %s", title, description);

      /* the email and its statement are in the timeline now */
      _relance_window_data_changed (window);
      _relance_window_toast (window, toast);
    }
}

static gboolean
send_email (RelanceJob       *job,
            RelanceDatabase  *db,
            gpointer          data,
            GCancellable     *cancellable,
            GError          **error)
{
  EmailData *email = data;
  g_autoptr(RelanceMailRecord) record = NULL;

  /* the message and its statement are the agent's, not the thread's */
  relance_database_set_user (db, email->login);
  if (!relance_action_send_email (db, email->action_id, email->day, &record, error))
    return FALSE;
  email->status = record->status;
  email->delivery = relance_action_store_get_delivery (db, email->action_id, error);
  return email->delivery != NULL;
}

static void
email_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RelanceActionDialog) self = user_data;
  RelanceJob *job = RELANCE_JOB (source);
  EmailData *email = relance_job_get_data (job);
  g_autoptr(GError) error = NULL;

  if (!relance_job_run_finish (job, result, &error))
    {
      show_delivery (self, email, _("Email Not Sent"), "dialog-warning-symbolic", error->message);
      return;
    }
  switch (email->status)
    {
    case RELANCE_MAIL_STATUS_SENT:
      show_delivery (self, email, _("Email Sent"), "mail-send-symbolic", email->delivery);
      break;
    case RELANCE_MAIL_STATUS_OUTBOX:
      show_delivery (self, email, _("Email in the Outbox"), "mail-unread-symbolic", email->delivery);
      break;
    case RELANCE_MAIL_STATUS_QUEUED:
    case RELANCE_MAIL_STATUS_FAILED:
    default:
      show_delivery (self, email, _("Email Not Sent"), "dialog-warning-symbolic", email->delivery);
      break;
    }
}

/* The action is done: its email goes in a thread, since a mail server
 * may take its time, and the dialog stays to say where it went */
static void
start_email (RelanceActionDialog *self)
{
  g_autoptr(RelanceJob) job = NULL;
  EmailData *email = g_new0 (EmailData, 1);

  email->action_id = self->action->id;
  email->day = self->day;
  email->login = g_strdup (relance_database_get_user (self->db));
  g_weak_ref_init (&email->window, self->window);
  gtk_stack_set_visible_child_name (self->stack, "delivery");
  gtk_spinner_start (self->delivery_spinner);
  if (self->window != NULL)
    _relance_window_data_changed (self->window);
  job = relance_job_new (_("Sending the email…"), relance_database_get_path (self->db),
                         send_email, email, email_data_free);
  /* not cancelled with the dialog: an email under way is not dropped
   * half-sent; the reference keeps the dialog until it is done */
  relance_job_run_async (job, NULL, email_sent_cb, g_object_ref (self));
}

/* Signal callbacks */

static void
page_changed_cb (RelanceActionDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean summary = g_strcmp0 (page, "summary") == 0;
  gboolean delivery = g_strcmp0 (page, "delivery") == 0;
  GtkWidget *default_widget = NULL;

  /* once the email goes, the action is done: there is no way back */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !summary && !delivery);
  gtk_button_set_label (self->cancel_button, summary || delivery ? _("_Close") : _("_Cancel"));
  if (g_strcmp0 (page, "outcome") == 0)
    default_widget = GTK_WIDGET (self->continue_button);
  else if (g_strcmp0 (page, "follow") == 0)
    default_widget = GTK_WIDGET (self->confirm_button);
  else if (g_strcmp0 (page, "edit") == 0)
    default_widget = GTK_WIDGET (self->edit_save_button);
  else if (g_strcmp0 (page, "reschedule") == 0)
    default_widget = GTK_WIDGET (self->reschedule_save_button);
  else if (delivery)
    default_widget = GTK_WIDGET (self->cancel_button);
  else if (gtk_widget_get_sensitive (GTK_WIDGET (self->perform_button)))
    default_widget = GTK_WIDGET (self->perform_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), default_widget);
  check_page (self);
}

static void
form_changed_cb (RelanceActionDialog *self)
{
  check_page (self);
}

static void
back_clicked_cb (RelanceActionDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_strcmp0 (page, "follow") == 0 ? "outcome" : "summary");
}

static void
perform_clicked_cb (RelanceActionDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "outcome");
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

static void
continue_clicked_cb (RelanceActionDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "follow");
}

static void
confirm_clicked_cb (RelanceActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notify = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *next_title = NULL;
  g_autoptr(RelanceDocumentInfo) document = NULL;
  RelancePerformRequest request = { 0, };
  gboolean make_document;
  gint64 next_id = 0;

  if (!check_page (self))
    return;

  comment = comment_text (self);
  notify = relance_user_picker_get_selected (self->user_picker);
  request.success = gtk_check_button_get_active (self->success_check);
  request.comment = *comment != '\0' ? comment : NULL;
  request.notify = (const char * const *) notify;
  if (gtk_switch_get_active (self->next_switch))
    {
      relance_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->next_date_entry)),
                          &request.next_date, NULL);
      request.next_channel = gtk_drop_down_get_selected (self->next_channel_dropdown);
      next_title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->next_title_entry))));
      request.next_title = *next_title != '\0' ? next_title : NULL;
    }

  make_document = self->makes_document && gtk_switch_get_active (self->document_switch);
  if (!relance_action_perform_with_document (self->db, self->action->id, self->day, &request,
                                             make_document, &next_id, &document, &error))
    {
      g_autofree char *body = NULL;

      /* the agent may still record a call-like outcome without the letter */
      if (make_document && error->domain == RELANCE_DOCUMENT_ERROR)
        body = g_strdup_printf (_("%s\n\nTo record the outcome without the document, switch "
                                  "off « Make the document when performing »."), error->message);
      show_error (GTK_WINDOW (self), _("Cannot Record the Action"),
                  body != NULL ? body : error->message);
      return;
    }
  if (self->sends_email && gtk_switch_get_active (self->email_switch))
    {
      start_email (self);
      return;
    }
  if (document != NULL)
    {
      /* Translators: the toast after performing a letter: « Action done: Mise en demeure made » */
      g_autofree char *toast = g_strdup_printf (_("Action done: %s made"), document->title);

      done (self, toast);
      return;
    }
  done (self, next_id != 0 ? _("Action done, next action planned") : _("Action done"));
}

static void
edit_clicked_cb (RelanceActionDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_title_entry));
}

static void
edit_save_clicked_cb (RelanceActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RelanceActionEdit edit = { 0, };
  guint assignee, contact;

  if (!check_page (self))
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->edit_title_entry))));
  edit.title = title;
  edit.channel = gtk_drop_down_get_selected (self->edit_channel_dropdown);
  relance_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->edit_date_entry)),
                      &edit.planned_date, NULL);
  assignee = gtk_drop_down_get_selected (self->edit_assignee_dropdown);
  if (assignee > 0 && assignee <= self->users->len)
    edit.assigned_to = ((RelanceUser *) g_ptr_array_index (self->users, assignee - 1))->login;
  contact = gtk_drop_down_get_selected (self->edit_contact_dropdown);
  if (contact > 0 && contact <= self->contacts->len)
    edit.contact_id = relance_contact_get_id (g_ptr_array_index (self->contacts, contact - 1));

  if (!relance_action_edit (self->db, self->action->id, &edit, self->day, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Change the Action"), error->message);
      return;
    }
  done (self, _("Action changed"));
}

static void
reschedule_clicked_cb (RelanceActionDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "reschedule");
  gtk_widget_grab_focus (GTK_WIDGET (self->reschedule_date_entry));
}

static void
reschedule_save_clicked_cb (RelanceActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  RelanceDate date = 0;

  if (!check_page (self))
    return;
  relance_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->reschedule_date_entry)),
                      &date, NULL);
  if (!relance_action_reschedule (self->db, self->action->id, date, self->day, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Move the Action"), error->message);
      return;
    }
  done (self, _("Action moved"));
}

static void
close_case_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        RelanceActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;

  if (g_strcmp0 (response, "close") != 0)
    return;
  comment = comment_text (self);
  if (!relance_case_close (self->db, self->dunning_case->id, self->day,
                           *comment != '\0' ? comment : NULL, NULL, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Close the Case"), error->message);
      return;
    }
  done (self, _("Case closed"));
}

static void
close_case_clicked_cb (RelanceActionDialog *self)
{
  GtkWidget *dialog;

  g_return_if_fail (self->dunning_case != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Close the Case?"),
                                   _("Its planned actions are cancelled. If items are still "
                                     "overdue, the next daily run opens a new case for them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose the Case"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_case_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
relance_action_dialog_dispose (GObject *object)
{
  RelanceActionDialog *self = RELANCE_ACTION_DIALOG (object);

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->db);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  /* the window holds its child itself: released here, it is not
   * unparented twice when the template's children are */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_ACTION_DIALOG);

  G_OBJECT_CLASS (relance_action_dialog_parent_class)->dispose (object);
}

static void
relance_action_dialog_finalize (GObject *object)
{
  RelanceActionDialog *self = RELANCE_ACTION_DIALOG (object);

  g_clear_pointer (&self->action, relance_action_free);
  g_clear_pointer (&self->dunning_case, relance_case_free);
  g_clear_pointer (&self->scenario, relance_scenario_free);

  G_OBJECT_CLASS (relance_action_dialog_parent_class)->finalize (object);
}

static void
relance_action_dialog_class_init (RelanceActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_action_dialog_dispose;
  object_class->finalize = relance_action_dialog_finalize;

  g_type_ensure (RELANCE_TYPE_FORM_PROBLEMS);
  g_type_ensure (RELANCE_TYPE_PDF_PREVIEW);
  g_type_ensure (RELANCE_TYPE_USER_PICKER);
  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-action-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RelanceActionDialog, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (back_button);
  BIND (stack);
  BIND (heading_label);
  BIND (status_label);
  BIND (summary_list);
  BIND (documents_group);
  BIND (documents_list);
  BIND (buttons_box);
  BIND (perform_button);
  BIND (edit_button);
  BIND (reschedule_button);
  BIND (close_case_button);
  BIND (outcome_heading);
  BIND (contact_label);
  BIND (success_check);
  BIND (failure_check);
  BIND (comment_view);
  BIND (continue_button);
  BIND (user_picker);
  BIND (next_switch);
  BIND (next_date_row);
  BIND (next_channel_row);
  BIND (next_title_row);
  BIND (next_date_entry);
  BIND (next_channel_dropdown);
  BIND (next_title_entry);
  BIND (proposal_label);
  BIND (follow_problems);
  BIND (confirm_button);
  BIND (edit_title_entry);
  BIND (edit_channel_dropdown);
  BIND (edit_date_entry);
  BIND (edit_assignee_dropdown);
  BIND (edit_contact_dropdown);
  BIND (edit_problems);
  BIND (edit_save_button);
  BIND (reschedule_date_entry);
  BIND (reschedule_problems);
  BIND (reschedule_save_button);
  BIND (document_separator);
  BIND (document_pane);
  BIND (preview_stack);
  BIND (preview_spinner);
  BIND (preview);
  BIND (preview_error);
  BIND (document_switch);
  BIND (email_group);
  BIND (email_switch);
  BIND (delivery_status);
  BIND (delivery_spinner);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, perform_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reschedule_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reschedule_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_case_clicked_cb);
}

static void
relance_action_dialog_init (RelanceActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_channels (self->next_channel_dropdown);
  fill_channels (self->edit_channel_dropdown);

  /* the fields that the controls of relance-form-checks.h name */
  relance_form_problems_add_field (self->follow_problems, "next-date",
                                   GTK_WIDGET (self->next_date_entry), _("Date of the next action"));
  relance_form_problems_add_field (self->edit_problems, "title",
                                   GTK_WIDGET (self->edit_title_entry), _("Title"));
  relance_form_problems_add_field (self->edit_problems, "date",
                                   GTK_WIDGET (self->edit_date_entry), _("Planned date"));
  relance_form_problems_add_field (self->reschedule_problems, "date",
                                   GTK_WIDGET (self->reschedule_date_entry), _("New date"));
}

/* Public API */

/**
 * relance_action_dialog_new:
 * @window: the window working on the database
 * @action_id: an action
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): the dialog, transient for @window
 *   and not shown yet (GTK's list of windows holds it until it is
 *   destroyed), or %NULL with @error set
 */
RelanceActionDialog *
relance_action_dialog_new (RelanceWindow  *window,
                           gint64          action_id,
                           GError        **error)
{
  RelanceActionDialog *self;

  g_return_val_if_fail (RELANCE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (relance_window_get_database (window) != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_ACTION_DIALOG, "transient-for", window, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->db = g_object_ref (relance_window_get_database (window));
  self->day = relance_window_get_evaluation_day (window);
  if (!load (self, action_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  page_changed_cb (self);
  return self;
}

gint64
relance_action_dialog_get_action_id (RelanceActionDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_ACTION_DIALOG (self), 0);

  return self->action->id;
}
