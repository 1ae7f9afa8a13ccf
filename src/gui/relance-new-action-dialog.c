/* relance-new-action-dialog.c — a new action for a customer, with the
 * preview of the letter or formal notice it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the card: the type (channel), its title, the contact, the items
 * it is about, the planned date, the assignee and, for a letter, the
 * level. A letter or a formal notice is made in memory in a thread each
 * time the choice settles, and shown beside the form; when it cannot be
 * made (a notice not offered below that level, an unknown placeholder in
 * an edited template) the error takes its place and Create is refused.
 * Create stores the action and, in the same transaction, the document:
 * if the document fails nothing remains. The rules are the engine's
 * (relance_form_check_new_action, relance_document_render).
 */
#define G_LOG_DOMAIN "relance-new-action-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "relance-agenda-model.h"
#include "relance-documents.h"
#include "relance-engine.h"
#include "relance-form-checks.h"
#include "relance-form-problems.h"
#include "relance-gui-utils.h"
#include "relance-job.h"
#include "relance-mail.h"
#include "relance-new-action-dialog.h"
#include "relance-pdf-preview.h"
#include "relance-window-private.h"

/* The wait after the last change before the preview is made again */
#define PREVIEW_DELAY_MS 300

/* The channels offered: every RelanceChannel before the hand-over to
 * litigation, which is the case's business, not an action's */
#define N_OFFERED_CHANNELS RELANCE_CHANNEL_LITIGATION

struct _RelanceNewActionDialog
{
  GtkWindow            parent_instance;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkButton           *create_button;
  GtkDropDown         *channel_dropdown;
  GtkWidget           *level_row;
  GtkDropDown         *level_dropdown;
  GtkEntry            *title_entry;
  GtkDropDown         *contact_dropdown;
  GtkEntry            *date_entry;
  GtkPopover          *calendar_popover;
  GtkCalendar         *calendar;
  GtkDropDown         *assignee_dropdown;
  GtkWidget           *send_row;
  GtkSwitch           *send_switch;
  GtkWidget           *items_group;
  GtkListBox          *items_list;
  RelanceFormProblems *problems;
  GtkWidget           *preview_separator;
  GtkWidget           *preview_pane;
  GtkStack            *preview_stack;
  GtkSpinner          *preview_spinner;
  RelancePdfPreview   *preview;
  AdwStatusPage       *preview_error;

  /* state */
  RelanceWindow       *window;      /* weak: the dialog is transient for it */
  RelanceDatabase     *db;
  RelanceDate          day;
  gint64               actor_id;
  GPtrArray           *contacts;    /* RelanceContact, the dunning one first */
  GPtrArray           *invoices;    /* RelanceInvoice, open */
  GPtrArray           *users;       /* RelanceUser, active */
  RelanceCase         *dunning_case; /* nullable: the customer's open case */
  char                *auto_title;  /* the title proposed, until edited */
  gboolean             loaded;

  /* the preview */
  guint                preview_id;
  guint                preview_serial;
  GCancellable        *preview_cancellable;
  gboolean             preview_ok;
};

G_DEFINE_FINAL_TYPE (RelanceNewActionDialog, relance_new_action_dialog, GTK_TYPE_WINDOW)

enum {
  ACTION_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The levels of a letter (RelanceDocumentRequest.level) */
static const char * const letter_levels[] = {
  N_("Courtesy"),
  N_("First reminder"),
  N_("Second reminder"),
};

/* What the preview thread makes, and what it made */
typedef struct
{
  RelanceDocumentKind  kind;
  gint64               actor_id;
  RelanceDate          day;
  int                  level;
  GArray              *invoice_ids;
  guint                serial;
  GBytes              *pdf;
} PreviewData;

static void items_changed_cb (RelanceNewActionDialog *self);

/* Helpers */

static void
preview_data_free (gpointer data)
{
  PreviewData *preview = data;

  g_clear_pointer (&preview->invoice_ids, g_array_unref);
  g_clear_pointer (&preview->pdf, g_bytes_unref);
  g_free (preview);
}

static RelanceChannel
selected_channel (RelanceNewActionDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->channel_dropdown);

  return position < N_OFFERED_CHANNELS ? (RelanceChannel) position : RELANCE_CHANNEL_CALL;
}

static gboolean
is_letter (RelanceChannel channel)
{
  return channel == RELANCE_CHANNEL_LETTER || channel == RELANCE_CHANNEL_REGISTERED_LETTER;
}

static gboolean
makes_document (RelanceChannel channel)
{
  return is_letter (channel) || channel == RELANCE_CHANNEL_FORMAL_NOTICE;
}

/* The level of dunning the action stands at: a letter's chosen level, 3
 * for a formal notice, else the case's */
static int
action_level (RelanceNewActionDialog *self,
              RelanceChannel          channel)
{
  if (is_letter (channel))
    return (int) MIN (gtk_drop_down_get_selected (self->level_dropdown), 2);
  if (channel == RELANCE_CHANNEL_FORMAL_NOTICE)
    return RELANCE_LEVEL_FORMAL_NOTICE;
  return self->dunning_case != NULL ? self->dunning_case->level : 0;
}

static GtkCheckButton *
row_check (RelanceNewActionDialog *self,
           guint                   index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->items_list, index);

  return g_object_get_data (G_OBJECT (row), "relance-check");
}

static GArray *
checked_items (RelanceNewActionDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->invoices->len; i++)
    if (gtk_check_button_get_active (row_check (self, i)))
      {
        gint64 id = relance_invoice_get_id (g_ptr_array_index (self->invoices, i));

        g_array_append_val (ids, id);
      }
  return ids;
}

static RelanceContact *
selected_contact (RelanceNewActionDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->contact_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->contacts->len)
    return NULL;
  return g_ptr_array_index (self->contacts, position - 1);
}

static const char *
selected_assignee (RelanceNewActionDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->assignee_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->users->len)
    return NULL;
  return ((RelanceUser *) g_ptr_array_index (self->users, position - 1))->login;
}

static char *
proposed_title (RelanceNewActionDialog *self,
                RelanceChannel          channel)
{
  if (is_letter (channel))
    /* Translators: a letter's title, « Lettre — Première relance » */
    return g_strdup_printf (_("%s — %s"), relance_agenda_channel_label (channel),
                            _(letter_levels[action_level (self, channel)]));
  return g_strdup (relance_agenda_channel_label (channel));
}

/* Proposes the title of the type chosen, unless the user wrote their own */
static void
propose_title (RelanceNewActionDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *title = proposed_title (self, selected_channel (self));

  if (*text != '\0' && g_strcmp0 (text, self->auto_title) != 0)
    return;
  g_free (self->auto_title);
  self->auto_title = g_strdup (title);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
}

static GtkWidget *
item_row (RelanceNewActionDialog *self,
          RelanceInvoice         *invoice)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *amount;
  g_autofree char *due = relance_gui_format_date (relance_invoice_get_due_date (invoice));
  g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);
  g_autofree char *remaining = relance_gui_format_amount (relance_invoice_get_remaining_cents (invoice),
                                                          relance_invoice_get_currency (invoice));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), relance_invoice_get_number (invoice));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  relance_invoice_get_number (invoice), -1);
  amount = gtk_label_new (remaining);
  gtk_widget_add_css_class (amount, "amount");
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  g_object_set_data (G_OBJECT (row), "relance-check", check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (items_changed_cb), self);
  return row;
}

static void
fill_channels (RelanceNewActionDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  /* in the order of RelanceChannel, so that a position is a channel */
  for (guint i = 0; i < N_OFFERED_CHANNELS; i++)
    gtk_string_list_append (list, relance_agenda_channel_label (i));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (list));

  g_clear_object (&list);
  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (letter_levels); i++)
    gtk_string_list_append (list, _(letter_levels[i]));
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (list));
}

static int
contact_compare (gconstpointer a,
                 gconstpointer b)
{
  RelanceContact *first = *(RelanceContact **) a;
  RelanceContact *second = *(RelanceContact **) b;

  return (int) relance_contact_get_dunning (second) - (int) relance_contact_get_dunning (first);
}

static gboolean
load (RelanceNewActionDialog  *self,
      GError                 **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GtkStringList) contacts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) assignees = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *currency = NULL;
  const char *user = relance_window_get_user (self->window);
  guint assignee = 0;

  actor = relance_actor_store_find_by_id (self->db, self->actor_id, error);
  if (actor == NULL)
    return FALSE;
  self->contacts = relance_contact_store_list_for_actor (self->db, self->actor_id, error);
  if (self->contacts == NULL)
    return FALSE;
  /* stable: the dunning contact first, the others as the store gives them */
  g_ptr_array_sort (self->contacts, contact_compare);
  self->invoices = relance_invoice_store_list_for_actor (self->db, self->actor_id, TRUE, error);
  if (self->invoices == NULL)
    return FALSE;
  users = relance_user_store_list (self->db, error);
  if (users == NULL)
    return FALSE;
  self->users = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_user_free);
  for (guint i = 0; i < users->len; i++)
    if (((RelanceUser *) g_ptr_array_index (users, i))->active)
      g_ptr_array_add (self->users, g_ptr_array_steal_index (users, i--));

  /* the case of the customer's own currency: the one its items claim */
  currency = self->invoices->len > 0
    ? g_strdup (relance_invoice_get_currency (g_ptr_array_index (self->invoices, 0)))
    : relance_company_currency (self->db);
  self->dunning_case = relance_case_store_find_open (self->db, self->actor_id, currency, error);
  if (self->dunning_case == NULL && error != NULL && *error != NULL)
    return FALSE;

  subtitle = g_strdup_printf ("%s — %s", relance_actor_get_code (actor),
                              relance_actor_get_name (actor));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_string_list_append (contacts, _("No contact"));
  for (guint i = 0; i < self->contacts->len; i++)
    gtk_string_list_append (contacts, relance_contact_get_name (g_ptr_array_index (self->contacts, i)));
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (contacts));
  gtk_drop_down_set_selected (self->contact_dropdown, self->contacts->len > 0 ? 1 : 0);

  gtk_string_list_append (assignees, _("Nobody"));
  for (guint i = 0; i < self->users->len; i++)
    {
      RelanceUser *each = g_ptr_array_index (self->users, i);

      gtk_string_list_append (assignees, each->name);
      if (g_strcmp0 (each->login, user) == 0)
        assignee = i + 1;
    }
  gtk_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (assignees));
  gtk_drop_down_set_selected (self->assignee_dropdown, assignee);

  for (guint i = 0; i < self->invoices->len; i++)
    gtk_list_box_append (self->items_list, item_row (self, g_ptr_array_index (self->invoices, i)));
  if (self->invoices->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->items_group),
                                           _("The customer has no open item."));

  /* a letter at the case's level, up to the second reminder */
  gtk_drop_down_set_selected (self->level_dropdown,
                              self->dunning_case != NULL
                              ? (guint) CLAMP (self->dunning_case->level, 0, 2) : 1);
  {
    g_autofree char *today = relance_gui_format_date (self->day);

    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  }
  return TRUE;
}

/* Runs the controls and says whether Create may store the action */
static gboolean
check_form (RelanceNewActionDialog *self)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(GArray) ids = checked_items (self);
  RelanceNewActionForm form = { 0, };
  RelanceContact *contact = selected_contact (self);
  RelanceDate date;
  gboolean ok;

  form.title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  form.channel = selected_channel (self);
  form.contact_email = contact != NULL ? relance_contact_get_email (contact) : NULL;
  form.n_items = ids->len;
  if (relance_form_check_date (validation, "date",
                               gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &date))
    form.planned_date = date;
  relance_form_check_new_action (validation, &form, self->day);
  relance_form_problems_show (self->problems, validation);

  ok = !relance_validation_has_blocking (validation);
  /* a document that cannot be made, or is not made yet, is not created */
  if (makes_document (form.channel) && !self->preview_ok)
    ok = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), ok);
  return ok;
}

static void
show_preview_error (RelanceNewActionDialog *self,
                    const char             *message)
{
  self->preview_ok = FALSE;
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
  RelanceDocumentRequest request;

  relance_document_request_init (&request, preview->kind, preview->actor_id, preview->day);
  request.level = preview->level;
  request.invoice_ids = preview->invoice_ids;
  preview->pdf = relance_document_render (db, &request, NULL, error);
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
  RelanceNewActionDialog *self;

  /* cancelled: the dialog is gone, or a newer preview is on its way */
  if (!relance_job_run_finish (job, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RELANCE_NEW_ACTION_DIALOG (user_data);
  if (preview->serial != self->preview_serial)
    return;

  if (error == NULL)
    {
      g_autoptr(GError) pdf_error = NULL;

      if (relance_pdf_preview_set_bytes (self->preview, preview->pdf, &pdf_error))
        {
          self->preview_ok = TRUE;
          gtk_stack_set_visible_child_name (self->preview_stack, "preview");
          gtk_spinner_stop (self->preview_spinner);
        }
      else
        show_preview_error (self, pdf_error->message);
    }
  else
    show_preview_error (self, error->message);
  check_form (self);
}

static gboolean
start_preview_cb (gpointer user_data)
{
  RelanceNewActionDialog *self = user_data;
  RelanceChannel channel = selected_channel (self);
  g_autoptr(RelanceJob) job = NULL;
  PreviewData *preview;

  self->preview_id = 0;
  preview = g_new0 (PreviewData, 1);
  preview->kind = channel == RELANCE_CHANNEL_FORMAL_NOTICE
    ? RELANCE_DOCUMENT_NOTICE : RELANCE_DOCUMENT_LETTER;
  preview->actor_id = self->actor_id;
  preview->day = self->day;
  preview->level = action_level (self, channel);
  preview->invoice_ids = checked_items (self);
  preview->serial = self->preview_serial;

  job = relance_job_new (_("Making the preview…"), relance_database_get_path (self->db),
                         render_preview, preview, preview_data_free);
  relance_job_run_async (job, self->preview_cancellable, preview_done_cb, self);
  return G_SOURCE_REMOVE;
}

/* Makes the preview again a moment after the last change of the type,
 * the level or the items; what an older preview finds is dropped */
static void
queue_preview (RelanceNewActionDialog *self)
{
  RelanceChannel channel = selected_channel (self);
  gboolean document = makes_document (channel);

  gtk_widget_set_visible (self->preview_pane, document);
  gtk_widget_set_visible (self->preview_separator, document);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_serial++;
  self->preview_ok = FALSE;
  if (!document)
    return;

  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  gtk_spinner_start (self->preview_spinner);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, start_preview_cb, self);
}

static void
update_rows (RelanceNewActionDialog *self)
{
  RelanceChannel channel = selected_channel (self);

  gtk_widget_set_visible (self->level_row, is_letter (channel));
  gtk_widget_set_visible (self->send_row, channel == RELANCE_CHANNEL_EMAIL);
}

static const char *
email_template (int level)
{
  if (level <= 0)
    return "email_courtesy";
  if (level >= RELANCE_LEVEL_FORMAL_NOTICE)
    return "email_formal_notice";
  return "email_reminder";
}

/* What became of the e-mail sent, for the toast */
static char *
sent_text (RelanceNewActionDialog *self,
           gint64                  mail_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceMailRecord) record = relance_mail_store_find (self->db, mail_id, &error);

  if (record == NULL)
    return g_strdup (_("Action created; the e-mail was not stored"));
  switch (record->status)
    {
    case RELANCE_MAIL_STATUS_SENT:
      return g_strdup (_("Action created and e-mail sent"));
    case RELANCE_MAIL_STATUS_OUTBOX:
      return g_strdup (_("Action created; the e-mail waits in the outbox"));
    case RELANCE_MAIL_STATUS_FAILED:
      return g_strdup_printf (_("Action created; the e-mail failed: %s"),
                              record->last_error != NULL ? record->last_error : "");
    case RELANCE_MAIL_STATUS_QUEUED:
    default:
      return g_strdup (_("Action created; the e-mail will be sent by the next run"));
    }
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

/* Stores the action and its document in one transaction */
static gboolean
store (RelanceNewActionDialog  *self,
       RelanceAction           *action,
       GError                 **error)
{
  gboolean created = FALSE;

  if (!relance_database_begin (self->db, error))
    return FALSE;
  if (!relance_action_store_insert (self->db, action, &created, error))
    goto failed;
  if (makes_document (action->channel))
    {
      RelanceDocumentRequest request;

      relance_document_request_init (&request,
                                     action->channel == RELANCE_CHANNEL_FORMAL_NOTICE
                                     ? RELANCE_DOCUMENT_NOTICE : RELANCE_DOCUMENT_LETTER,
                                     self->actor_id, self->day);
      request.level = action->level;
      request.invoice_ids = action->invoice_ids;
      request.action_id = action->id;
      if (!relance_document_generate (self->db, &request, NULL, NULL, error))
        goto failed;
    }
  if (!relance_database_commit (self->db, error))
    goto failed;
  return TRUE;

failed:
  relance_database_rollback (self->db);
  return FALSE;
}

/* Signal callbacks */

static void
form_changed_cb (RelanceNewActionDialog *self)
{
  if (!self->loaded)
    return;
  check_form (self);
}

static void
items_changed_cb (RelanceNewActionDialog *self)
{
  if (!self->loaded)
    return;
  /* the items a letter claims are in it */
  if (makes_document (selected_channel (self)))
    queue_preview (self);
  check_form (self);
}

static void
channel_changed_cb (RelanceNewActionDialog *self)
{
  if (!self->loaded)
    return;
  update_rows (self);
  propose_title (self);
  queue_preview (self);
  check_form (self);
}

static void
level_changed_cb (RelanceNewActionDialog *self)
{
  channel_changed_cb (self);
}

static void
calendar_shown_cb (RelanceNewActionDialog *self)
{
  RelanceDate date;
  int year, month, day;

  if (!relance_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &date, NULL))
    date = self->day;
  relance_date_get_ymd (date, &year, &month, &day);
  {
    g_autoptr(GDateTime) selected = g_date_time_new_local (year, month, day, 0, 0, 0);

    gtk_calendar_select_day (self->calendar, selected);
  }
}

static void
calendar_day_selected_cb (RelanceNewActionDialog *self)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  text = relance_gui_format_date (relance_date_new (g_date_time_get_year (selected),
                                                    g_date_time_get_month (selected),
                                                    g_date_time_get_day_of_month (selected)));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
create_clicked_cb (RelanceNewActionDialog *self)
{
  g_autoptr(RelanceAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  RelanceContact *contact;
  RelanceChannel channel;
  RelanceDate date = 0;
  gint64 mail_id = 0;

  if (!check_form (self))
    return;

  channel = selected_channel (self);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  relance_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &date, NULL);
  action = relance_action_new (self->actor_id, channel, title, date);
  g_array_unref (action->invoice_ids);
  action->invoice_ids = checked_items (self);
  action->case_id = self->dunning_case != NULL ? self->dunning_case->id : 0;
  action->level = action_level (self, channel);
  action->assigned_to = g_strdup (selected_assignee (self));
  contact = selected_contact (self);
  action->contact_id = contact != NULL ? relance_contact_get_id (contact) : 0;
  /* the store records its database user as the author: the window's */
  relance_database_set_user (self->db, relance_window_get_user (self->window));

  if (!store (self, action, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Create the Action"), error->message);
      return;
    }

  if (channel == RELANCE_CHANNEL_EMAIL && gtk_switch_get_active (self->send_switch))
    {
      /* the action is stored whatever becomes of the e-mail */
      if (relance_mail_send_document (self->db, self->actor_id, action->id, 0,
                                      email_template (action->level), NULL, self->day,
                                      &mail_id, &error))
        toast = sent_text (self, mail_id);
      else
        toast = g_strdup_printf (_("Action created; the e-mail could not be made: %s"),
                                 error->message);
    }
  else
    toast = g_strdup (_("Action created"));

  g_signal_emit (self, signals[ACTION_CREATED], 0, action->id);
  if (self->window != NULL)
    {
      _relance_window_data_changed (self->window);
      _relance_window_toast (self->window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
relance_new_action_dialog_dispose (GObject *object)
{
  RelanceNewActionDialog *self = RELANCE_NEW_ACTION_DIALOG (object);

  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->db);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->invoices, g_ptr_array_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  /* the window holds its child itself: released here, it is not
   * unparented twice when the template's children are */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_NEW_ACTION_DIALOG);

  G_OBJECT_CLASS (relance_new_action_dialog_parent_class)->dispose (object);
}

static void
relance_new_action_dialog_finalize (GObject *object)
{
  RelanceNewActionDialog *self = RELANCE_NEW_ACTION_DIALOG (object);

  g_clear_pointer (&self->dunning_case, relance_case_free);
  g_clear_pointer (&self->auto_title, g_free);

  G_OBJECT_CLASS (relance_new_action_dialog_parent_class)->finalize (object);
}

static void
relance_new_action_dialog_class_init (RelanceNewActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_new_action_dialog_dispose;
  object_class->finalize = relance_new_action_dialog_finalize;

  /**
   * RelanceNewActionDialog::action-created:
   * @self: the dialog
   * @action_id: the action stored
   *
   * Emitted once the action (and its document) is stored, before the
   * dialog closes.
   */
  signals[ACTION_CREATED] =
    g_signal_new ("action-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RELANCE_TYPE_FORM_PROBLEMS);
  g_type_ensure (RELANCE_TYPE_PDF_PREVIEW);
  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-new-action-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RelanceNewActionDialog, name)
  BIND (window_title);
  BIND (create_button);
  BIND (channel_dropdown);
  BIND (level_row);
  BIND (level_dropdown);
  BIND (title_entry);
  BIND (contact_dropdown);
  BIND (date_entry);
  BIND (calendar_popover);
  BIND (calendar);
  BIND (assignee_dropdown);
  BIND (send_row);
  BIND (send_switch);
  BIND (items_group);
  BIND (items_list);
  BIND (problems);
  BIND (preview_separator);
  BIND (preview_pane);
  BIND (preview_stack);
  BIND (preview_spinner);
  BIND (preview);
  BIND (preview_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
}

static void
relance_new_action_dialog_init (RelanceNewActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview_cancellable = g_cancellable_new ();
  fill_channels (self);

  /* the fields that relance_form_check_new_action() names */
  relance_form_problems_add_field (self->problems, "title",
                                   GTK_WIDGET (self->title_entry), _("Title"));
  relance_form_problems_add_field (self->problems, "date",
                                   GTK_WIDGET (self->date_entry), _("Planned date"));
  relance_form_problems_add_field (self->problems, "contact",
                                   GTK_WIDGET (self->contact_dropdown), _("Customer contact"));
  relance_form_problems_add_field (self->problems, "items",
                                   GTK_WIDGET (self->items_list), _("Items"));
}

/* Public API */

/**
 * relance_new_action_dialog_new:
 * @window: the window working on the database
 * @actor_id: the customer
 * @invoice_ids: (nullable) (element-type gint64): the items checked first
 * @error: a #GError
 *
 * The dialog proposes a call planned today for the window's user, with
 * the customer's dunning contact.
 *
 * Returns: (transfer none) (nullable): the dialog, transient for @window
 *   and not shown yet (GTK's list of windows holds it until it is
 *   destroyed), or %NULL with @error set
 */
RelanceNewActionDialog *
relance_new_action_dialog_new (RelanceWindow  *window,
                               gint64          actor_id,
                               GArray         *invoice_ids,
                               GError        **error)
{
  RelanceNewActionDialog *self;

  g_return_val_if_fail (RELANCE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (relance_window_get_database (window) != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_NEW_ACTION_DIALOG, "transient-for", window, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->db = g_object_ref (relance_window_get_database (window));
  self->day = relance_window_get_evaluation_day (window);
  self->actor_id = actor_id;
  if (!load (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  for (guint i = 0; invoice_ids != NULL && i < invoice_ids->len; i++)
    relance_new_action_dialog_select_item (self, g_array_index (invoice_ids, gint64, i), TRUE);

  gtk_drop_down_set_selected (self->channel_dropdown, RELANCE_CHANNEL_CALL);
  self->loaded = TRUE;
  channel_changed_cb (self);
  return self;
}

/**
 * relance_new_action_dialog_select_item:
 * @self: a #RelanceNewActionDialog
 * @invoice_id: an item listed
 * @selected: whether the action is about it
 *
 * Checks or unchecks an open item of the customer; an item not listed
 * is ignored.
 */
void
relance_new_action_dialog_select_item (RelanceNewActionDialog *self,
                                       gint64                  invoice_id,
                                       gboolean                selected)
{
  g_return_if_fail (RELANCE_IS_NEW_ACTION_DIALOG (self));

  for (guint i = 0; i < self->invoices->len; i++)
    if (relance_invoice_get_id (g_ptr_array_index (self->invoices, i)) == invoice_id)
      gtk_check_button_set_active (row_check (self, i), selected);
}
