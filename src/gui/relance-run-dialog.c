/* relance-run-dialog.c — the daily run, started from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `relance-cli run` does, for a manager at the window: the engine's
 * run of the evaluation day (cases, actions, fees, escalations), then the
 * letters and formal notices of its automatic actions, then their
 * emails. The three steps run one after the other in a RelanceJob thread
 * on a connection of its own, the progress bar going a third of the way
 * per step. Each step is idempotent, so a second run of the day creates
 * nothing, and a run stopped half-way is finished by the next one.
 */
#define G_LOG_DOMAIN "relance-run-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-documents.h"
#include "relance-gui-utils.h"
#include "relance-job.h"
#include "relance-run-dialog.h"
#include "relance-window-private.h"

/* The three steps share the progress bar */
#define N_STEPS 3

typedef enum
{
  STEP_RUN,
  STEP_DOCUMENTS,
  STEP_MAILS,
} RunStep;

/* The job's data: written by the worker, read once the job is done */
typedef struct
{
  RelanceDate        day;
  char              *user;
  RunStep            step;
  RelanceRunReport  *report;
  guint              documents_generated;
  RelanceMailReport  mails;
} RunWork;

/* A step's progress, scaled into its third of the bar */
typedef struct
{
  RelanceJob *job;
  RunStep     step;
} StepProgress;

struct _RelanceRunDialog
{
  GtkWindow          parent_instance;

  /* template children */
  GtkStack          *stack;
  AdwStatusPage     *intro_page;
  GtkButton         *run_button;
  GtkProgressBar    *progress_bar;
  GtkButton         *cancel_button;
  AdwStatusPage     *done_page;
  GtkListBox        *summary_list;
  GtkLabel          *note_label;
  AdwStatusPage     *failed_page;

  /* state */
  RelanceWindow     *window;   /* weak */
  RelanceDate        day;
  RelanceJob        *job;
  GCancellable      *cancellable;
  GBinding          *fraction_binding;
  RelanceRunReport  *report;
  guint              documents_generated;
  RelanceMailReport  mails;
};

G_DEFINE_FINAL_TYPE (RelanceRunDialog, relance_run_dialog, GTK_TYPE_WINDOW)

/* Helpers */

static void
run_work_free (gpointer data)
{
  RunWork *work = data;

  g_clear_pointer (&work->report, relance_run_report_free);
  g_free (work->user);
  g_free (work);
}

static void
step_progress_cb (double      fraction,
                  const char *what,
                  gpointer    data)
{
  StepProgress *progress = data;

  relance_job_report ((progress->step + CLAMP (fraction, 0.0, 1.0)) / N_STEPS, what,
                      progress->job);
}

/* Runs in the job's thread: the three steps of `relance-cli run` */
static gboolean
run_in_thread (RelanceJob       *job,
               RelanceDatabase  *db,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  RunWork *work = data;
  StepProgress progress = { job, STEP_RUN };

  /* the audit trail names the manager who started the run */
  if (work->user != NULL)
    relance_database_set_user (db, work->user);

  work->step = progress.step = STEP_RUN;
  if (!relance_daily_run (db, work->day, NULL, cancellable, step_progress_cb, &progress,
                          &work->report, error))
    return FALSE;

  /* the letters first: the emails may carry them */
  work->step = progress.step = STEP_DOCUMENTS;
  if (!relance_documents_generate_for_run (db, work->report->day, step_progress_cb, &progress,
                                           cancellable, &work->documents_generated, error))
    return FALSE;

  work->step = progress.step = STEP_MAILS;
  return relance_mail_dispatch_run (db, work->report->day, step_progress_cb, &progress,
                                    cancellable, &work->mails, error);
}

static void
add_summary_row (RelanceRunDialog *self,
                 const char       *title,
                 const char       *subtitle,
                 guint             value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", value);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->summary_list, row);
}

static void
add_amounts_rows (RelanceRunDialog *self)
{
  for (guint i = 0; i < self->report->amounts->len; i++)
    {
      const RelanceRunAmounts *a = &g_array_index (self->report->amounts, RelanceRunAmounts, i);
      g_autofree char *fees = relance_gui_format_amount (a->fees_cents, a->currency);
      g_autofree char *interest = relance_gui_format_amount (a->interest_cents, a->currency);
      g_autofree char *indemnity = relance_gui_format_amount (a->indemnity_cents, a->currency);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (a->fees_cents == 0 && a->interest_cents == 0 && a->indemnity_cents == 0)
        continue;
      /* Translators: a row of the run's summary: "Invoiced in EUR" */
      title = g_strdup_printf (_("Invoiced in %s"), a->currency);
      subtitle = g_strdup_printf (_("Fees %s, late interest %s, recovery indemnities %s"),
                                  fees, interest, indemnity);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->summary_list, row);
    }
}

static void
show_summary (RelanceRunDialog *self)
{
  const RelanceRunReport *r = self->report;
  g_autofree char *day = relance_gui_format_date (r->day);
  g_autofree char *title = g_strdup_printf (_("Daily Run of %s Done"), day);
  g_autofree char *cases = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *emails = NULL;
  g_autoptr(GString) note = g_string_new (NULL);

  adw_status_page_set_title (self->done_page, title);
  if (r->actions_created == 0 && r->cases_opened == 0 && r->cases_closed == 0)
    adw_status_page_set_description (self->done_page,
                                     _("Nothing was left to do: the run of this day had "
                                       "already been made."));

  add_summary_row (self, _("Customers evaluated"), NULL, r->actors);
  cases = g_strdup_printf (_("%u suspended by a promise, %u resumed"),
                           r->cases_suspended, r->cases_resumed);
  add_summary_row (self, _("Cases opened"), cases, r->cases_opened);
  add_summary_row (self, _("Cases closed"), NULL, r->cases_closed);
  actions = g_strdup_printf (_("%u automatic, done by the server; %u manual, on the agendas"),
                             r->actions_automatic, r->actions_manual);
  add_summary_row (self, _("Actions created"), actions, r->actions_created);
  add_summary_row (self, _("Actions done automatically"), NULL, r->actions_automatic);
  add_summary_row (self, _("Actions put on the agendas"), NULL, r->actions_manual);
  if (r->actions_cancelled > 0)
    add_summary_row (self, _("Planned actions of closed cases cancelled"), NULL,
                     r->actions_cancelled);
  add_summary_row (self, _("Broken promises escalated"), NULL, r->escalations);
  add_summary_row (self, _("Items handed over to litigation"), NULL, r->items_handed_over);
  add_amounts_rows (self);
  add_summary_row (self, _("Letters and formal notices made"), NULL, self->documents_generated);
  emails = g_strdup_printf (_("%u written to the outbox, %u failed"),
                            self->mails.outbox, self->mails.failed);
  add_summary_row (self, _("Emails sent"), emails, self->mails.sent);
  add_summary_row (self, _("Emails in the outbox"), NULL, self->mails.outbox);
  add_summary_row (self, _("Emails failed"), NULL, self->mails.failed);

  if (r->resumed)
    g_string_append (note, _("An earlier run of that day had not finished: this one finished "
                             "its job."));
  if (r->previous_run != RELANCE_DATE_NONE && r->previous_run + 1 < r->day)
    {
      g_autofree char *previous = relance_gui_format_date (r->previous_run);

      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append_printf (note, _("Last finished run: %s; the days between are caught up."),
                              previous);
    }
  if (self->mails.failed > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append (note, _("The failed emails are kept: the next run tries them again."));
    }
  gtk_label_set_text (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
show_failure (RelanceRunDialog *self,
              RunStep           step,
              const GError     *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_status_page_set_title (self->failed_page, _("Daily Run Stopped"));
      description = g_strdup (_("What was done is kept; running it again finishes the job "
                                "without doing anything twice."));
    }
  else
    {
      adw_status_page_set_title (self->failed_page, _("Daily Run Failed"));
      if (step == STEP_RUN)
        description = g_strdup (error->message);
      else if (step == STEP_DOCUMENTS)
        description = g_strdup_printf (_("The run is recorded, but its documents could not all "
                                         "be made: %s"), error->message);
      else
        description = g_strdup_printf (_("The run is recorded, but its emails could not all be "
                                         "made: %s"), error->message);
    }
  adw_status_page_set_description (self->failed_page, description);
  gtk_stack_set_visible_child_name (self->stack, "failed");
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RelanceRunDialog) self = user_data;
  RelanceJob *job = RELANCE_JOB (object);
  RunWork *work = relance_job_get_data (job);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->fraction_binding, g_binding_unbind);
  if (relance_job_run_finish (job, result, &error))
    {
      self->report = g_steal_pointer (&work->report);
      self->documents_generated = work->documents_generated;
      self->mails = work->mails;
    }
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);

  /* whatever became of it, the run may have changed the database */
  if (self->window != NULL)
    _relance_window_data_changed (self->window);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  gtk_window_set_deletable (GTK_WINDOW (self), TRUE);
  if (error != NULL)
    show_failure (self, work->step, error);
  else
    show_summary (self);
}

/* Callbacks */

static void
run_clicked_cb (RelanceRunDialog *self)
{
  relance_run_dialog_start (self);
}

static void
cancel_clicked_cb (RelanceRunDialog *self)
{
  relance_run_dialog_cancel (self);
}

/* Closing while the run works stops it; the dialog then says what
 * became of it. */
static gboolean
relance_run_dialog_close_request (GtkWindow *window)
{
  RelanceRunDialog *self = RELANCE_RUN_DIALOG (window);

  if (self->job != NULL)
    {
      relance_run_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (relance_run_dialog_parent_class)->close_request (window);
}

static void
relance_run_dialog_dispose (GObject *object)
{
  RelanceRunDialog *self = RELANCE_RUN_DIALOG (object);

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->fraction_binding, g_binding_unbind);
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_RUN_DIALOG);

  G_OBJECT_CLASS (relance_run_dialog_parent_class)->dispose (object);
}

static void
relance_run_dialog_finalize (GObject *object)
{
  RelanceRunDialog *self = RELANCE_RUN_DIALOG (object);

  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, relance_run_report_free);

  G_OBJECT_CLASS (relance_run_dialog_parent_class)->finalize (object);
}

static void
relance_run_dialog_class_init (RelanceRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = relance_run_dialog_dispose;
  object_class->finalize = relance_run_dialog_finalize;
  window_class->close_request = relance_run_dialog_close_request;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-run-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RelanceRunDialog, name)
  BIND (stack);
  BIND (intro_page);
  BIND (run_button);
  BIND (progress_bar);
  BIND (cancel_button);
  BIND (done_page);
  BIND (summary_list);
  BIND (note_label);
  BIND (failed_page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
relance_run_dialog_init (RelanceRunDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_run_dialog_new:
 * @window: the window working on the database, as a manager
 *
 * Shows the evaluation day of @window and what the run does; the run
 * starts with the Run button (or relance_run_dialog_start()).
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
RelanceRunDialog *
relance_run_dialog_new (RelanceWindow *window)
{
  RelanceRunDialog *self;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RELANCE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (relance_window_get_database (window) != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_RUN_DIALOG, "transient-for", window, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->day = relance_window_get_evaluation_day (window);

  day = relance_gui_format_date (self->day);
  /* Translators: the title of the daily run dialog: "Daily Run of 23/11/2026" */
  title = g_strdup_printf (_("Daily Run of %s"), day);
  adw_status_page_set_title (self->intro_page, title);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->run_button));
  return self;
}

/**
 * relance_run_dialog_start:
 * @self: a #RelanceRunDialog
 *
 * Starts the run of the day in a thread, as the Run button does; the
 * dialog shows its progress, then its summary.
 */
void
relance_run_dialog_start (RelanceRunDialog *self)
{
  RelanceDatabase *db;
  RunWork *work;

  g_return_if_fail (RELANCE_IS_RUN_DIALOG (self));
  g_return_if_fail (self->job == NULL);

  if (self->window == NULL || (db = relance_window_get_database (self->window)) == NULL)
    return;

  work = g_new0 (RunWork, 1);
  work->day = self->day;
  work->user = g_strdup (relance_window_get_user (self->window));
  self->job = relance_job_new (_("Daily run…"), relance_database_get_path (db),
                               run_in_thread, work, run_work_free);
  self->cancellable = g_cancellable_new ();
  self->fraction_binding = g_object_bind_property (self->job, "fraction",
                                                   self->progress_bar, "fraction",
                                                   G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->job, "text", self->progress_bar, "text", G_BINDING_SYNC_CREATE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "running");
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  relance_job_run_async (self->job, self->cancellable, job_done_cb, g_object_ref (self));
}

/**
 * relance_run_dialog_cancel:
 * @self: a #RelanceRunDialog
 *
 * Stops the run at its next safe point: what is done is kept, and the
 * next run of the day finishes the job.
 */
void
relance_run_dialog_cancel (RelanceRunDialog *self)
{
  g_return_if_fail (RELANCE_IS_RUN_DIALOG (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

/**
 * relance_run_dialog_get_running:
 * @self: a #RelanceRunDialog
 *
 * Returns: whether the run is working
 */
gboolean
relance_run_dialog_get_running (RelanceRunDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_RUN_DIALOG (self), FALSE);

  return self->job != NULL;
}

/**
 * relance_run_dialog_get_report:
 * @self: a #RelanceRunDialog
 *
 * Returns: (transfer none) (nullable): what the engine's run did, once
 *   all three steps succeeded
 */
const RelanceRunReport *
relance_run_dialog_get_report (RelanceRunDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_RUN_DIALOG (self), NULL);

  return self->report;
}

/**
 * relance_run_dialog_get_documents_generated:
 * @self: a #RelanceRunDialog
 *
 * Returns: the letters and formal notices the run made
 */
guint
relance_run_dialog_get_documents_generated (RelanceRunDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_RUN_DIALOG (self), 0);

  return self->documents_generated;
}

/**
 * relance_run_dialog_get_mail_report:
 * @self: a #RelanceRunDialog
 *
 * Returns: (transfer none): the emails the run sent, put in the outbox
 *   or failed to send
 */
const RelanceMailReport *
relance_run_dialog_get_mail_report (RelanceRunDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_RUN_DIALOG (self), NULL);

  return &self->mails;
}
