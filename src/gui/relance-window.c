/* relance-window.c — the main window: the areas of the agent's workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window shows one database. A sidebar lists the areas (agenda,
 * portfolio, disputes, promises, settings), the user's favourite and
 * recently opened customers, and who works; the agenda of that user is
 * the first page. The portfolio shows the list on the left (search entry
 * and table), the card of the selected customer on the right. Work that
 * takes time (the figures cache, an import, the demo) runs as a RelanceJob
 * in a thread with its own connection while the window shows its
 * progress; the window's own connection is used from the main thread
 * only, to read pages of the list and one customer's card.
 *
 * The actions are in relance-window-actions.c.
 */
#define G_LOG_DOMAIN "relance-window"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-application.h"
#include "relance-csv-import.h"
#include "relance-demo.h"
#include "relance-engine.h"
#include "relance-customer-card.h"
#include "relance-gui-utils.h"
#include "relance-portfolio-view.h"
#include "relance-search-dialog.h"
#include "relance-settings-view.h"
#include "relance-window-private.h"

/* customers under "Recently Opened" */
#define N_RECENT 8

G_DEFINE_FINAL_TYPE (RelanceWindow, relance_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_EVALUATION_DAY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef void (*JobDoneFunc) (RelanceWindow *self,
                             RelanceJob    *job,
                             GError        *error);

typedef struct
{
  GWeakRef    window;
  JobDoneFunc done;
} JobClosure;

typedef struct
{
  RelanceImportKind    kind;
  char                *path;
  RelanceImportReport *report;
} ImportData;

typedef struct
{
  guint       n_customers;
  guint       seed;
  RelanceDate today;
} DemoData;

static void start_refresh        (RelanceWindow *self);
static void leaflet_changed_cb   (RelanceWindow *self);

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->report);
  g_free (import->path);
  g_free (import);
}

static void
update_subtitle (RelanceWindow *self)
{
  g_autofree char *name = NULL;

  if (self->db != NULL)
    name = g_path_get_basename (relance_database_get_path (self->db));
  adw_window_title_set_subtitle (self->window_title, name);
}

static void
update_status (RelanceWindow *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *day = relance_gui_format_date (self->evaluation_day);
  g_autofree char *customers = NULL;
  g_autofree char *text = NULL;

  customers = g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
  /* Translators: the status line of the portfolio: "2000 customers · figures on 23/11/2026" */
  text = g_strdup_printf (_("%s · figures on %s"), customers, day);
  gtk_label_set_text (self->status_label, text);
}

static void
show_page (RelanceWindow *self,
           const char    *page)
{
  gtk_stack_set_visible_child_name (self->main_stack, page);
  _relance_window_actions_update (self);
}

/* Forgets the running job: it is cancelled, and its callback finds that
 * it is no longer the window's job. */
static void
abandon_job (RelanceWindow *self)
{
  if (self->job == NULL)
    return;

  g_cancellable_cancel (self->job_cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkWidget *
customer_row (const RelanceUserCustomer *customer)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (customer->name);
  g_autofree char *tooltip = g_strdup_printf (_("%s — %s"), customer->code, customer->name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, tooltip);
  g_object_set_data (G_OBJECT (row), "relance-actor-id", GSIZE_TO_POINTER ((gsize) customer->actor_id));
  return row;
}

static void
fill_customers (GtkListBox *list,
                GtkWidget  *heading,
                GPtrArray  *customers)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; customers != NULL && i < customers->len; i++)
    gtk_list_box_append (list, customer_row (g_ptr_array_index (customers, i)));
  gtk_widget_set_visible (GTK_WIDGET (list), customers != NULL && customers->len > 0);
  gtk_widget_set_visible (heading, customers != NULL && customers->len > 0);
}

/* The user's favourite and recently opened customers in the sidebar */
static void
load_sidebar_customers (RelanceWindow *self)
{
  g_autoptr(GPtrArray) favourites = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  const char *user = relance_window_get_user (self);

  if (self->db != NULL)
    {
      favourites = relance_user_customer_store_list_favourites (self->db, user, &error);
      if (favourites != NULL)
        recent = relance_user_customer_store_list_recent (self->db, user, N_RECENT, &error);
      if (error != NULL)
        g_warning ("Cannot read the customers at hand: %s", error->message);
    }
  fill_customers (self->favourites_list, GTK_WIDGET (self->favourites_label), favourites);
  fill_customers (self->recent_list, GTK_WIDGET (self->recent_label), recent);
}

/* The pages other than the portfolio read the database again */
static void
load_areas (RelanceWindow *self)
{
  relance_agenda_view_set_database (self->agenda_view, self->db, relance_window_get_user (self),
                                    self->evaluation_day);
  relance_disputes_view_set_database (self->disputes_view, self->db);
  relance_promises_view_set_database (self->promises_view, self->db);
  relance_notifications_button_set_database (self->notifications_button, self->db,
                                             relance_window_get_user (self));
  if (self->settings_view != NULL)
    relance_settings_view_set_database (RELANCE_SETTINGS_VIEW (self->settings_view), self->db,
                                        relance_window_get_user (self));
  load_sidebar_customers (self);
}

/* The user a window starts with: the one chosen last time, else the
 * login of RELANCE_USER or of the system, else the first manager, else
 * the first agent */
static guint
default_user (RelanceWindow *self,
              GPtrArray     *users)
{
  g_autofree char *saved = self->settings != NULL ? g_settings_get_string (self->settings, "current-user")
                                                  : NULL;
  const char *wanted[] = { saved, g_getenv ("RELANCE_USER"), g_get_user_name () };
  RelanceUserRole roles[] = { RELANCE_USER_ROLE_MANAGER, RELANCE_USER_ROLE_AGENT };

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    for (guint i = 0; wanted[w] != NULL && i < users->len; i++)
      if (g_strcmp0 (((RelanceUser *) g_ptr_array_index (users, i))->login, wanted[w]) == 0)
        return i;
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint i = 0; i < users->len; i++)
      if (((RelanceUser *) g_ptr_array_index (users, i))->role == roles[r])
        return i;
  return 0;
}

/* The users of the database in the picker, and the one who works */
static void
load_users (RelanceWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->user_logins, 0);
  users = relance_user_store_list (self->db, &error);
  if (users == NULL)
    g_warning ("Cannot read the users: %s", error->message);
  else if (users->len > 0)
    {
      const char *current = self->user;

      selected = default_user (self, users);
      for (guint i = 0; i < users->len; i++)
        {
          RelanceUser *user = g_ptr_array_index (users, i);
          /* Translators: a user in the picker: "Marie Vallet (manager)" */
          g_autofree char *name = g_strdup_printf (_("%s (%s)"),
                                                   user->name != NULL && *user->name != '\0'
                                                   ? user->name : user->login,
                                                   user->role == RELANCE_USER_ROLE_AGENT ? _("agent")
                                                   : user->role == RELANCE_USER_ROLE_MANAGER ? _("manager")
                                                   : _("administrator"));

          g_ptr_array_add (self->user_logins, g_strdup (user->login));
          gtk_string_list_append (names, name);
          /* the user picked in this window stays */
          if (g_strcmp0 (user->login, current) == 0)
            selected = i;
        }
    }

  self->filling_users++;
  gtk_drop_down_set_model (self->user_dropdown, G_LIST_MODEL (names));
  if (self->user_logins->len > 0)
    gtk_drop_down_set_selected (self->user_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->user_dropdown), self->user_logins->len > 0);
  self->filling_users--;

  g_free (self->user);
  self->user = self->user_logins->len > 0 ? g_strdup (g_ptr_array_index (self->user_logins, selected))
                                          : NULL;
  if (self->user != NULL)
    relance_database_set_user (self->db, self->user);
  relance_customer_card_set_user (self->customer_card, relance_window_get_user (self));
}

static void
close_database (RelanceWindow *self)
{
  abandon_job (self);
  relance_customer_card_clear (self->customer_card);
  relance_portfolio_model_set_database (self->model, NULL);
  g_clear_object (&self->db);
  load_areas (self);
  update_subtitle (self);
  show_page (self, "no-database");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

/* After RELANCE_PROFILE=1: print when the first frame with the portfolio
 * has been painted. */
static void
after_paint_cb (GdkFrameClock *clock,
                RelanceWindow *self)
{
  relance_gui_profile_mark ("first portfolio frame painted");
  g_clear_signal_handler (&self->after_paint_id, clock);
}

static gboolean
first_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  RelanceWindow *self = RELANCE_WINDOW (user_data);

  if (self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect_object (clock, "after-paint",
                                                    G_CALLBACK (after_paint_cb), self, 0);
  return G_SOURCE_REMOVE;
}

static void
show_workspace (RelanceWindow *self)
{
  g_autofree char *currency = relance_company_currency (self->db);
  g_autoptr(GError) error = NULL;
  gint64 actor_id;

  relance_portfolio_view_set_currency (self->portfolio_view, currency);
  if (relance_portfolio_model_get_database (self->model) == self->db)
    relance_portfolio_model_reload (self->model);
  else
    relance_portfolio_model_set_database (self->model, self->db);

  update_status (self);
  load_areas (self);
  show_page (self, "workspace");

  /* the card may show a customer whose figures have just changed */
  actor_id = relance_customer_card_get_actor_id (self->customer_card);
  if (actor_id == 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "portfolio");
  else if (!relance_customer_card_show_customer (self->customer_card, self->db, actor_id,
                                                 self->evaluation_day, &error))
    _relance_window_toast (self, error->message);

  if (relance_gui_profiling ())
    {
      relance_gui_profile_mark ("portfolio list set");
      gtk_widget_add_tick_callback (GTK_WIDGET (self->portfolio_view), first_tick_cb, self, NULL);
    }
}

/* The page that fits the database: the portfolio, or the invitation to
 * import or try the demo when there are no customers yet. */
static void
show_database (RelanceWindow *self)
{
  if (relance_actor_store_count (self->db) == 0)
    {
      relance_portfolio_model_set_database (self->model, NULL);
      relance_customer_card_clear (self->customer_card);
      show_page (self, "empty");
    }
  else if (relance_figures_store_is_current (self->db, self->evaluation_day))
    {
      relance_gui_profile_mark ("figures cache current");
      show_workspace (self);
    }
  else
    start_refresh (self);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RelanceJob *job = RELANCE_JOB (object);
  JobClosure *closure = user_data;
  g_autoptr(RelanceWindow) self = g_weak_ref_get (&closure->window);
  g_autoptr(GError) error = NULL;

  relance_job_run_finish (job, result, &error);

  g_weak_ref_clear (&closure->window);
  if (self != NULL && self->job == job)
    {
      g_clear_object (&self->job);
      g_clear_object (&self->job_cancellable);
      closure->done (self, job, error);
      if (self->job == NULL)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  g_free (closure);
}

/* Shows the job's progress and runs it; @done is called in the main loop
 * when it ends, if the window still exists. */
static void
run_job (RelanceWindow *self,
         RelanceJob    *job,
         JobDoneFunc    done,
         gboolean       quiet)
{
  JobClosure *closure;

  abandon_job (self);

  g_set_object (&self->job, job);
  self->job_cancellable = g_cancellable_new ();

  g_object_bind_property (job, "text", self->job_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (job, "fraction", self->job_progress, "fraction", G_BINDING_SYNC_CREATE);

  closure = g_new0 (JobClosure, 1);
  g_weak_ref_init (&closure->window, self);
  closure->done = done;

  /* a quiet job (the figures after a change) leaves the page as it is */
  if (!quiet)
    show_page (self, "job");
  else
    _relance_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  relance_job_run_async (job, self->job_cancellable, job_done_cb, closure);
}

static gboolean
refresh_job_func (RelanceJob       *job,
                  RelanceDatabase  *db,
                  gpointer          data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  RelanceDate day = GPOINTER_TO_INT (data);

  return relance_portfolio_refresh (db, day, cancellable, relance_job_report, job, error);
}

static void
refresh_done (RelanceWindow *self,
              RelanceJob    *job,
              GError        *error)
{
  if (error != NULL)
    {
      /* without figures there is no list to show */
      close_database (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        relance_window_show_error (self, _("Cannot Compute the Figures"), error->message);
      return;
    }

  relance_gui_profile_mark ("figures cache refreshed");
  show_workspace (self);
}

static void
start_refresh (RelanceWindow *self)
{
  g_autoptr(RelanceJob) job = NULL;

  job = relance_job_new (_("Computing the figures of every customer…"),
                         relance_database_get_path (self->db),
                         refresh_job_func, GINT_TO_POINTER (self->evaluation_day), NULL);
  run_job (self, job, refresh_done, FALSE);
}

/* After a change: the portfolio's figures are computed again while the
 * user goes on working */
static void
quiet_refresh_done (RelanceWindow *self,
                    RelanceJob    *job,
                    GError        *error)
{
  _relance_window_actions_update (self);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _relance_window_toast (self, error->message);
      return;
    }
  relance_portfolio_model_reload (self->model);
  update_status (self);
}

static void
start_quiet_refresh (RelanceWindow *self)
{
  g_autoptr(RelanceJob) job = NULL;

  job = relance_job_new (_("Computing the figures of every customer…"),
                         relance_database_get_path (self->db),
                         refresh_job_func, GINT_TO_POINTER (self->evaluation_day), NULL);
  run_job (self, job, quiet_refresh_done, TRUE);
}

static gboolean
import_job_func (RelanceJob       *job,
                 RelanceDatabase  *db,
                 gpointer          data,
                 GCancellable     *cancellable,
                 GError          **error)
{
  ImportData *import = data;

  import->report = relance_csv_import (db, import->kind, import->path, FALSE, cancellable,
                                       relance_job_report, job, error);
  return import->report != NULL;
}

static char *
imported_message (RelanceImportReport *report)
{
  guint n = relance_import_report_get_rows_imported (report);

  switch (relance_import_report_get_kind (report))
    {
    case RELANCE_IMPORT_CUSTOMERS:
      return g_strdup_printf (ngettext ("%u customer imported", "%u customers imported", n), n);
    case RELANCE_IMPORT_INVOICES:
      return g_strdup_printf (ngettext ("%u invoice imported", "%u invoices imported", n), n);
    case RELANCE_IMPORT_PAYMENTS:
      return g_strdup_printf (ngettext ("%u payment imported", "%u payments imported", n), n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Every refused value, one a line, as the command line prints them. */
static char *
import_errors_text (RelanceImportReport *report)
{
  GString *text = g_string_new (NULL);
  guint n = relance_import_report_get_n_errors (report);
  guint total = relance_import_report_get_n_errors_total (report);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = relance_import_issue_to_string (relance_import_report_get_error (report, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }
  if (total > n)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("… and %u more error", "… and %u more errors",
                                              total - n), total - n);
    }
  return g_string_free (text, FALSE);
}

static void
show_import_errors (RelanceWindow       *self,
                    RelanceImportReport *report)
{
  g_autofree char *file = g_path_get_basename (relance_import_report_get_path (report));
  g_autofree char *body = NULL;
  g_autofree char *list = import_errors_text (report);
  guint total = relance_import_report_get_n_errors_total (report);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  body = g_strdup_printf (ngettext ("Nothing was imported from “%s”: %u value is wrong. "
                                    "Correct it and import the file again.",
                                    "Nothing was imported from “%s”: %u values are wrong. "
                                    "Correct them and import the file again.",
                                    total),
                          file, total);

  label = gtk_label_new (list);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "import-errors");

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "card");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Failed"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done (RelanceWindow *self,
             RelanceJob    *job,
             GError        *error)
{
  ImportData *import = relance_job_get_data (job);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_CANCELLED))
        _relance_window_toast (self, _("Import cancelled: nothing was imported"));
      else
        relance_window_show_error (self, _("Import Failed"), error->message);
    }
  else if (relance_import_report_has_errors (import->report))
    show_import_errors (self, import->report);
  else
    {
      g_autofree char *message = imported_message (import->report);

      _relance_window_toast (self, message);
    }

  show_database (self);
}

static gboolean
demo_job_func (RelanceJob       *job,
               RelanceDatabase  *db,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  DemoData *demo = data;

  return relance_demo_generate (db, demo->n_customers, demo->seed, demo->today,
                                relance_job_report, job, error);
}

static void
demo_done (RelanceWindow *self,
           RelanceJob    *job,
           GError        *error)
{
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    relance_window_show_error (self, _("Cannot Create the Demo Portfolio"), error->message);
  else if (error == NULL)
    _relance_window_toast (self, _("Demo portfolio created"));

  show_database (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   RelanceWindow  *self)
{
  relance_portfolio_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_status (self);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                RelanceWindow  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
customer_activated_cb (RelancePortfolioView *view,
                       gint64                actor_id,
                       RelanceWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;

  if (!relance_customer_card_show_customer (self->customer_card, self->db, actor_id,
                                            self->evaluation_day, &error))
    _relance_window_toast (self, error->message);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "card");
  else
    /* should the leaflet fold later (the card grows, the window gets
     * narrower), it keeps the customer just chosen in view */
    self->card_chosen = TRUE;
  /* the card has recorded it among the recently opened */
  load_sidebar_customers (self);
}

static void
area_activated_cb (RelanceWindow *self,
                   GtkListBoxRow *row)
{
  _relance_window_show_area (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Whatever showed the area (a click, Ctrl+1…5, an action), the sidebar
 * says which it is; typing searches the portfolio only on its page */
static void
area_changed_cb (RelanceWindow *self)
{
  const char *area = gtk_stack_get_visible_child_name (self->area_stack);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), area) == 0)
      gtk_list_box_select_row (self->areas_list, GTK_LIST_BOX_ROW (row));

  gtk_search_entry_set_key_capture_widget (self->search_entry,
                                           g_strcmp0 (area, "portfolio") == 0 ? GTK_WIDGET (self) : NULL);
  leaflet_changed_cb (self);
  if (adw_leaflet_get_folded (self->workspace_leaflet))
    adw_leaflet_set_visible_child_name (self->workspace_leaflet, "content");
}

/* In a narrow window the sidebar and the area take turns */
static void
workspace_leaflet_changed_cb (RelanceWindow *self)
{
  gboolean on_content = g_strcmp0 (adw_leaflet_get_visible_child_name (self->workspace_leaflet),
                                   "content") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button),
                          adw_leaflet_get_folded (self->workspace_leaflet) && on_content);
}

static void
sidebar_clicked_cb (RelanceWindow *self)
{
  adw_leaflet_set_visible_child_name (self->workspace_leaflet, "sidebar");
}

static void
customer_row_activated_cb (RelanceWindow *self,
                           GtkListBoxRow *row)
{
  gint64 actor_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "relance-actor-id"));

  _relance_window_open_customer (self, actor_id);
}

static void
user_selected_cb (RelanceWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->user_dropdown);

  if (self->filling_users > 0 || selected >= self->user_logins->len)
    return;
  relance_window_set_user (self, g_ptr_array_index (self->user_logins, selected));
}

/* Back shows the list again when the window is too narrow for both. */
static void
leaflet_changed_cb (RelanceWindow *self)
{
  if (self->card_chosen && adw_leaflet_get_folded (self->leaflet))
    {
      self->card_chosen = FALSE;
      adw_leaflet_set_visible_child_name (self->leaflet, "card");
      return;  /* notified again */
    }

  gboolean on_card = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "card") == 0;
  gboolean on_portfolio = g_strcmp0 (gtk_stack_get_visible_child_name (self->area_stack),
                                     "portfolio") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          adw_leaflet_get_folded (self->leaflet) && on_card && on_portfolio);
}

static void
back_clicked_cb (RelanceWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
relance_window_constructed (GObject *object)
{
  RelanceWindow *self = (RelanceWindow *) object;

  GtkApplication *application;

  G_OBJECT_CLASS (relance_window_parent_class)->constructed (object);

  /* the agenda's filters are kept from one session to the next */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (RELANCE_IS_APPLICATION (application))
    g_set_object (&self->settings, relance_application_get_settings (RELANCE_APPLICATION (application)));
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "agenda-channel", self->agenda_view, "channel",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "agenda-agent", self->agenda_view, "agent",
                       G_SETTINGS_BIND_DEFAULT);
    }

  _relance_window_actions_update (self);
}

static void
relance_window_dispose (GObject *object)
{
  RelanceWindow *self = (RelanceWindow *) object;

  abandon_job (self);
  if (self->portfolio_view != NULL)
    relance_portfolio_view_set_model (self->portfolio_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_WINDOW);

  g_clear_object (&self->model);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (relance_window_parent_class)->dispose (object);
}

static void
relance_window_finalize (GObject *object)
{
  RelanceWindow *self = (RelanceWindow *) object;

  g_free (self->user);
  g_ptr_array_unref (self->user_logins);

  G_OBJECT_CLASS (relance_window_parent_class)->finalize (object);
}

static void
relance_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RelanceWindow *self = RELANCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, relance_window_get_database_path (self));
      break;
    case PROP_EVALUATION_DAY:
      g_value_set_int (value, self->evaluation_day);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, relance_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RelanceWindow *self = RELANCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_EVALUATION_DAY:
      relance_window_set_evaluation_day (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_window_class_init (RelanceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = relance_window_constructed;
  object_class->dispose = relance_window_dispose;
  object_class->finalize = relance_window_finalize;
  object_class->get_property = relance_window_get_property;
  object_class->set_property = relance_window_set_property;

  /**
   * RelanceWindow:database-path:
   *
   * The file of the database shown, %NULL before one is opened.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelanceWindow:evaluation-day:
   *
   * The day the figures are computed for (a #RelanceDate).
   */
  properties[PROP_EVALUATION_DAY] =
    g_param_spec_int ("evaluation-day", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelanceWindow:busy:
   *
   * Whether a job (figures, import, demo) is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RELANCE_TYPE_AGENDA_VIEW);
  g_type_ensure (RELANCE_TYPE_PORTFOLIO_VIEW);
  g_type_ensure (RELANCE_TYPE_CUSTOMER_CARD);
  g_type_ensure (RELANCE_TYPE_DISPUTES_VIEW);
  g_type_ensure (RELANCE_TYPE_PROMISES_VIEW);
  g_type_ensure (RELANCE_TYPE_NOTIFICATIONS_BUTTON);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, workspace_leaflet);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, areas_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, favourites_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, favourites_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, user_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, area_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, disputes_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, promises_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, job_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, job_progress);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, notifications_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, portfolio_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, customer_card);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_selected_cb);

  _relance_window_class_actions_init (klass);
  _relance_window_class_dialogs_init (klass);
}

static void
relance_window_init (RelanceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evaluation_day = relance_gui_evaluation_day ();
  self->model = relance_portfolio_model_new (NULL);
  relance_portfolio_view_set_model (self->portfolio_view, self->model);
  self->user_logins = g_ptr_array_new_with_free_func (g_free);
  fill_customers (self->favourites_list, GTK_WIDGET (self->favourites_label), NULL);
  fill_customers (self->recent_list, GTK_WIDGET (self->recent_label), NULL);
  /* the agenda comes first: the agent's day starts there */
  gtk_stack_set_visible_child_name (self->area_stack, "agenda");
  area_changed_cb (self);
}

/**
 * relance_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer full): a window with no database open
 */
RelanceWindow *
relance_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RELANCE_TYPE_WINDOW, "application", application, NULL);
}

/**
 * relance_window_open_database:
 * @self: a #RelanceWindow
 * @path: a database file, created when it does not exist
 * @error: a #GError
 *
 * Shows the database of @path instead of the current one. The figures are
 * computed in a thread when their cache is not current; the list shows
 * when they are.
 *
 * Returns: %FALSE with @error set when @path cannot be opened as a
 *   database (the window keeps what it showed)
 */
gboolean
relance_window_open_database (RelanceWindow  *self,
                              const char     *path,
                              GError        **error)
{
  g_autoptr(RelanceDatabase) db = NULL;

  g_return_val_if_fail (RELANCE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = relance_database_open (path, error);
  if (db == NULL)
    return FALSE;
  relance_gui_profile_mark ("database opened");

  abandon_job (self);
  relance_customer_card_clear (self->customer_card);
  relance_portfolio_model_set_database (self->model, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_set_object (&self->db, db);
  load_users (self);

  update_subtitle (self);
  show_database (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);

  return TRUE;
}

/**
 * relance_window_get_database_path:
 * @self: a #RelanceWindow
 *
 * Returns: (nullable): the file of the database shown
 */
const char *
relance_window_get_database_path (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  return self->db != NULL ? relance_database_get_path (self->db) : NULL;
}

/**
 * relance_window_get_database:
 * @self: a #RelanceWindow
 *
 * Returns: (transfer none) (nullable): the window's connection, for the
 *   main thread
 */
RelanceDatabase *
relance_window_get_database (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  return self->db;
}

RelanceDate
relance_window_get_evaluation_day (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), RELANCE_DATE_NONE);

  return self->evaluation_day;
}

/**
 * relance_window_set_evaluation_day:
 * @self: a #RelanceWindow
 * @day: the day to compute the figures for
 *
 * Computes the figures again for @day when a database is open.
 */
void
relance_window_set_evaluation_day (RelanceWindow *self,
                                   RelanceDate    day)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));
  g_return_if_fail (day > 0);

  if (self->evaluation_day == day)
    return;

  self->evaluation_day = day;
  if (self->db != NULL && self->job == NULL)
    show_database (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_DAY]);
}

/**
 * relance_window_get_busy:
 * @self: a #RelanceWindow
 *
 * Returns: %TRUE while a job runs (the figures, an import, the demo)
 */
gboolean
relance_window_get_busy (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), FALSE);

  return self->job != NULL;
}

/**
 * relance_window_show_error:
 * @self: a #RelanceWindow
 * @heading: what failed
 * @body: why, and what to do
 *
 * Shows a message dialog over the window.
 */
void
relance_window_show_error (RelanceWindow *self,
                           const char    *heading,
                           const char    *body)
{
  GtkWidget *dialog;

  g_return_if_fail (RELANCE_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_relance_window_focus_search (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0)
    {
      _relance_window_show_area (self, "portfolio");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

void
_relance_window_show_area (RelanceWindow *self,
                           const char    *area)
{
  g_assert (RELANCE_IS_WINDOW (self));
  g_return_if_fail (area != NULL);

  /* the settings page is made the first time it is asked for */
  if (g_strcmp0 (area, "settings") == 0 && self->settings_view == NULL)
    {
      self->settings_view = relance_settings_view_new ();
      gtk_stack_add_titled (self->area_stack, self->settings_view, "settings", _("Settings"));
      if (self->db != NULL)
        relance_settings_view_set_database (RELANCE_SETTINGS_VIEW (self->settings_view), self->db,
                                            relance_window_get_user (self));
    }
  if (gtk_stack_get_child_by_name (self->area_stack, area) == NULL)
    g_return_if_reached ();
  gtk_stack_set_visible_child_name (self->area_stack, area);
}

const char *
_relance_window_get_area (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  return gtk_stack_get_visible_child_name (self->area_stack);
}

/* win.open-customer: the customer's card, in the portfolio */
void
_relance_window_open_customer (RelanceWindow *self,
                               gint64         actor_id)
{
  g_assert (RELANCE_IS_WINDOW (self));

  if (self->db == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") != 0)
    return;
  _relance_window_show_area (self, "portfolio");
  customer_activated_cb (self->portfolio_view, actor_id, self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "card");
}

GtkWindow *
_relance_window_search (RelanceWindow *self)
{
  RelanceSearchDialog *dialog;

  g_assert (RELANCE_IS_WINDOW (self));
  g_return_val_if_fail (self->db != NULL, NULL);

  dialog = relance_search_dialog_new (GTK_WINDOW (self), self->db);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

void
_relance_window_reload (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  if (self->db == NULL || self->job != NULL)
    return;
  load_users (self);
  show_database (self);
}

void
_relance_window_import (RelanceWindow *self,
                        const char    *kind,
                        const char    *path)
{
  g_autoptr(RelanceJob) job = NULL;
  ImportData *import;
  const char *title;

  g_assert (RELANCE_IS_WINDOW (self));
  g_return_if_fail (self->db != NULL);

  import = g_new0 (ImportData, 1);
  if (!relance_import_kind_from_string (kind, &import->kind))
    {
      import_data_free (import);
      g_return_if_reached ();
    }
  import->path = g_strdup (path);

  switch (import->kind)
    {
    case RELANCE_IMPORT_CUSTOMERS:
      title = _("Importing customers…");
      break;
    case RELANCE_IMPORT_INVOICES:
      title = _("Importing invoices…");
      break;
    case RELANCE_IMPORT_PAYMENTS:
    default:
      title = _("Importing payments…");
      break;
    }

  job = relance_job_new (title, relance_database_get_path (self->db),
                         import_job_func, import, import_data_free);
  run_job (self, job, import_done, FALSE);
}

void
_relance_window_generate_demo (RelanceWindow *self,
                               guint          n_customers,
                               guint          seed)
{
  g_autoptr(RelanceJob) job = NULL;
  DemoData *demo;

  g_assert (RELANCE_IS_WINDOW (self));
  g_return_if_fail (self->db != NULL);

  demo = g_new0 (DemoData, 1);
  demo->n_customers = n_customers;
  demo->seed = seed;
  demo->today = self->evaluation_day;

  job = relance_job_new (_("Creating the demo portfolio…"), relance_database_get_path (self->db),
                         demo_job_func, demo, g_free);
  run_job (self, job, demo_done, FALSE);
}

/* The user cancels: the job's callback says what became of it. */
void
_relance_window_cancel_job (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

void
_relance_window_toast (RelanceWindow *self,
                       const char    *title)
{
  AdwToast *toast;

  g_assert (RELANCE_IS_WINDOW (self));

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

RelancePortfolioView *
_relance_window_get_portfolio_view (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  return self->portfolio_view;
}

RelanceCustomerCard *
_relance_window_get_customer_card (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  return self->customer_card;
}

/**
 * relance_window_get_user:
 * @self: a #RelanceWindow
 *
 * Returns: the login of the user working in the window: the one picked
 *   in the sidebar, else the database's user (RELANCE_USER or the system
 *   login) when the database has no users
 */
const char *
relance_window_get_user (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  if (self->user != NULL)
    return self->user;
  if (self->db != NULL)
    return relance_database_get_user (self->db);
  return g_get_user_name ();
}

/**
 * relance_window_set_user:
 * @self: a #RelanceWindow
 * @login: a user of the database
 *
 * Works as @login: their agenda, their customers at hand, their name in
 * the audit trail; kept for the next session.
 */
void
relance_window_set_user (RelanceWindow *self,
                         const char    *login)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));
  g_return_if_fail (login != NULL);

  if (g_strcmp0 (self->user, login) == 0)
    return;

  g_free (self->user);
  self->user = g_strdup (login);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "current-user", login);
  /* the daily run is for managers */
  _relance_window_actions_update (self);

  for (guint i = 0; i < self->user_logins->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->user_logins, i), login) == 0 &&
        gtk_drop_down_get_selected (self->user_dropdown) != i)
      {
        self->filling_users++;
        gtk_drop_down_set_selected (self->user_dropdown, i);
        self->filling_users--;
      }

  if (self->db == NULL)
    return;
  relance_database_set_user (self->db, login);
  relance_customer_card_set_user (self->customer_card, login);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0)
    load_areas (self);
}

/**
 * _relance_window_data_changed:
 * @self: a #RelanceWindow
 *
 * Something changed the database (an action performed, a dispute, a
 * promise): the agenda, the lists, the card and the customers at hand
 * are read again now, the portfolio's figures in a thread.
 */
void
_relance_window_data_changed (RelanceWindow *self)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));

  if (self->db == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") != 0)
    return;

  load_areas (self);
  if (relance_customer_card_get_actor_id (self->customer_card) > 0)
    relance_customer_card_reload (self->customer_card);
  if (self->job == NULL && !relance_figures_store_is_current (self->db, self->evaluation_day))
    start_quiet_refresh (self);
}

RelanceAgendaView *
_relance_window_get_agenda_view (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  return self->agenda_view;
}

RelanceDisputesView *
_relance_window_get_disputes_view (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  return self->disputes_view;
}

RelancePromisesView *
_relance_window_get_promises_view (RelanceWindow *self)
{
  g_assert (RELANCE_IS_WINDOW (self));

  return self->promises_view;
}
