/* relance-agenda-view.c — the agent's actions of the day, by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda of seed 001: the two figures of the day at the top, the
 * filters, then the actions grouped under a header per planned day, each
 * with its channel, customer, amount overdue, days late, DSO, promise
 * due and colour (red late, orange within 24 h, grey later); hovering a
 * row explains its priority. An agent sees their own actions; a manager
 * sees everybody's, or one agent's. Double-click or Enter opens the
 * action (win.open-action).
 *
 * The list is read in a thread (a manager's « All agents » on a big
 * portfolio takes about a second): the old rows stay until the new ones
 * arrive, and a result older than the last filter is dropped.
 */
#define G_LOG_DOMAIN "relance-agenda-view"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "relance-agenda-view.h"
#include "relance-gui-utils.h"
#include "relance-job.h"

struct _RelanceAgendaView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkLabel           *done_label;
  GtkLevelBar        *done_bar;
  GtkLabel           *automatic_label;
  GtkLevelBar        *automatic_bar;
  GtkDropDown        *channel_dropdown;
  GtkDropDown        *period_dropdown;
  GtkMenuButton      *dates_button;
  GtkCalendar        *from_calendar;
  GtkCalendar        *to_calendar;
  GtkEntry           *amount_entry;
  GtkSearchEntry     *customer_entry;
  GtkDropDown        *agent_dropdown;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  GtkStack           *stack;
  GtkListView        *list_view;

  /* state */
  RelanceDatabase    *db;
  char               *user;
  gboolean            manager;
  RelanceDate         day;
  RelanceAgendaModel *model;
  GPtrArray          *agents;     /* logins of agent_dropdown's items after "All agents" */
  char               *agent;      /* the agent filter, NULL for all */
  guint               frozen;     /* while filters are set in code */
  RelanceDate         chosen_from; /* the calendars' days, 0 until chosen */
  RelanceDate         chosen_to;

  /* the reading in a thread */
  GCancellable       *cancellable;
  guint               generation; /* of the last reload: older results are stale */
  gboolean            loading;
};

/* What a reading of the agenda needs and finds, owned by its job */
typedef struct
{
  guint                generation;
  char                *user;
  RelanceDate          day;
  RelanceAgendaFilter  filter;
  char                *customer_code;
  GPtrArray           *items;
  RelanceDayFigures    figures;
} LoadData;

G_DEFINE_FINAL_TYPE (RelanceAgendaView, relance_agenda_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHANNEL,
  PROP_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The parts of a row, found again when it is bound */
typedef struct
{
  GtkWidget *header;
  GtkLabel  *header_day;
  GtkLabel  *header_count;
  GtkWidget *action;
  GtkWidget *colour;
  GtkImage  *channel;
  GtkLabel  *customer;
  GtkLabel  *title;
  GtkLabel  *overdue;
  GtkLabel  *days_late;
  GtkLabel  *dso;
  GtkLabel  *promise;
} RowParts;

/* Helpers */

static GtkLabel *
new_label (GtkWidget  *box,
           float       xalign,
           int         width_chars,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (width_chars > 0)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static char *
day_heading (RelanceDate planned,
             RelanceDate today)
{
  g_autofree char *date = relance_gui_format_date (planned);
  const char *when;

  if (planned == today)
    when = _("Today");
  else if (planned == today + 1)
    when = _("Tomorrow");
  else if (planned == today - 1)
    when = _("Yesterday");
  else if (planned < today)
    when = _("Late");
  else
    return g_steal_pointer (&date);
  /* Translators: an agenda day: "Today · 23/11/2026" */
  return g_strdup_printf (_("%s · %s"), when, date);
}

/* The priority in words, as the engine adds it up */
static char *
priority_tooltip (const RelanceAgendaItem *item,
                  RelanceDate              today)
{
  g_autofree char *planned = relance_gui_format_date (item->planned_date);
  GString *text = g_string_new (NULL);
  const char *colour;

  switch (item->colour)
    {
    case RELANCE_AGENDA_RED:
      colour = _("Late");
      break;
    case RELANCE_AGENDA_ORANGE:
      colour = _("Due within 24 hours");
      break;
    case RELANCE_AGENDA_GREY:
    default:
      colour = _("Later");
      break;
    }
  /* Translators: "Late: planned on 22/11/2026" */
  g_string_append_printf (text, _("%s: planned on %s"), colour, planned);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Priority %d ="), item->priority);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("%d for the amount overdue (1 a 100, at most %d)"),
                          item->parts.amount, RELANCE_PRIORITY_AMOUNT_MAX);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("+ %d for the days late (at most %d)"),
                          item->parts.days_late, RELANCE_PRIORITY_DAYS_MAX);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("+ %d for a promise due"), item->parts.promise_due);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("+ %d for a blocking step"), item->parts.blocking);
  return g_string_free (text, FALSE);
}

static const char *
colour_class (RelanceAgendaColour colour)
{
  return relance_agenda_colour_to_string (colour);
}

static RelanceChannel
selected_channel (RelanceAgendaView *self,
                  gboolean          *has_channel)
{
  guint selected = gtk_drop_down_get_selected (self->channel_dropdown);

  *has_channel = selected != GTK_INVALID_LIST_POSITION && selected > 0;
  return *has_channel ? (RelanceChannel) (selected - 1) : RELANCE_CHANNEL_EMAIL;
}

/* Whose agenda: the agent's own, or for a manager the agent picked (NULL
 * for all) */
static const char *
agenda_user (RelanceAgendaView *self)
{
  return self->manager ? self->agent : self->user;
}

static void
fill_filter (RelanceAgendaView   *self,
             RelanceAgendaFilter *filter,
             gint64              *min_cents)
{
  const char *amount = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  const char *customer = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));

  memset (filter, 0, sizeof *filter);
  filter->channel = selected_channel (self, &filter->has_channel);
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case RELANCE_AGENDA_PERIOD_LATE:
      filter->date_to = self->day - 1;
      break;
    case RELANCE_AGENDA_PERIOD_TODAY:
      filter->date_from = self->day;
      filter->date_to = self->day;
      break;
    case RELANCE_AGENDA_PERIOD_WEEK:
      filter->date_to = self->day + 7;
      break;
    case RELANCE_AGENDA_PERIOD_MONTH:
      filter->date_to = self->day + 30;
      break;
    case RELANCE_AGENDA_PERIOD_CHOSEN:
      filter->date_from = self->chosen_from;
      filter->date_to = self->chosen_to;
      break;
    case RELANCE_AGENDA_PERIOD_UNTIL_TOMORROW:
    default:
      break;
    }
  if (*amount != '\0' && relance_money_parse_cents (amount, min_cents, NULL))
    {
      filter->has_amount_min = TRUE;
      filter->amount_min_cents = *min_cents;
      gtk_widget_remove_css_class (GTK_WIDGET (self->amount_entry), "error");
    }
  else if (*amount != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_entry), "error");
  if (*customer != '\0')
    filter->customer_code = customer;
}

static void
show_share (GtkLabel    *label,
            GtkLevelBar *bar,
            gint64       part,
            gint64       whole)
{
  g_autofree char *text = relance_agenda_format_share (part, whole);

  gtk_label_set_text (label, text);
  gtk_level_bar_set_value (bar, whole > 0 ? (double) part / (double) whole : 0);
}

static void
fill_agents (RelanceAgendaView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->agents, 0);
  gtk_string_list_append (names, _("All agents"));
  users = self->db != NULL ? relance_user_store_list (self->db, &error) : NULL;
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      RelanceUser *user = g_ptr_array_index (users, i);

      if (user->role != RELANCE_USER_ROLE_AGENT || !user->active)
        continue;
      g_ptr_array_add (self->agents, g_strdup (user->login));
      gtk_string_list_append (names, user->name != NULL && *user->name != '\0' ? user->name
                                                                               : user->login);
      if (g_strcmp0 (user->login, self->agent) == 0)
        selected = self->agents->len;
    }
  if (selected == 0)
    g_clear_pointer (&self->agent, g_free);

  self->frozen++;
  gtk_drop_down_set_model (self->agent_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->agent_dropdown, selected);
  self->frozen--;
}

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->user);
  g_free (load->customer_code);
  g_clear_pointer (&load->items, g_ptr_array_unref);
  g_free (load);
}

/* Runs in the job's thread, or in the main one for a database that
 * cannot be opened twice */
static gboolean
load (RelanceDatabase  *db,
      LoadData         *data,
      GCancellable     *cancellable,
      GError          **error)
{
  data->items = relance_agenda_list (db, data->user, data->day, &data->filter, error);
  if (data->items == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return relance_workspace_store_day_figures (db, data->user, data->day, &data->figures, error);
}

static gboolean
load_job_func (RelanceJob       *job,
               RelanceDatabase  *db,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  return load (db, data, cancellable, error);
}

static void
set_loading (RelanceAgendaView *self,
             gboolean           loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
show_count (RelanceAgendaView *self)
{
  g_autofree char *count = NULL;
  guint n = relance_agenda_model_get_n_actions (self->model);

  count = g_strdup_printf (ngettext ("%u action", "%u actions", n), n);
  gtk_label_set_text (self->count_label, count);
  /* before the first rows arrive, "Nothing to do" would be a lie */
  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, self->loading ? "loading" : "empty");
}

static void
show_load (RelanceAgendaView *self,
           LoadData          *data)
{
  relance_agenda_model_set_items (self->model, g_steal_pointer (&data->items));
  show_count (self);
  show_share (self->done_label, self->done_bar, data->figures.done, data->figures.to_do);
  show_share (self->automatic_label, self->automatic_bar, data->figures.automatic,
              data->figures.total);
}

/* A database in memory is another, empty one on a second connection */
static gboolean
can_read_in_thread (const char *path)
{
  return path != NULL && *path != '\0' && strcmp (path, ":memory:") != 0 &&
         !g_str_has_prefix (path, "file::memory:");
}

static void
cancel_load (RelanceAgendaView *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static RelanceDate
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return relance_date_new (g_date_time_get_year (date), g_date_time_get_month (date),
                           g_date_time_get_day_of_month (date));
}

static void
select_calendar_day (GtkCalendar *calendar,
                     RelanceDate  day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  relance_date_get_ymd (day, &year, &month, &mday);
  date = g_date_time_new_local (year, month, mday, 0, 0, 0);
  gtk_calendar_select_day (calendar, date);
}

/* The button beside the period says the days chosen */
static void
show_dates (RelanceAgendaView *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *label = NULL;
  gboolean chosen = gtk_drop_down_get_selected (self->period_dropdown) ==
                    RELANCE_AGENDA_PERIOD_CHOSEN;

  gtk_widget_set_visible (GTK_WIDGET (self->dates_button), chosen);
  if (self->chosen_from == 0)
    return;
  from = relance_gui_format_date (self->chosen_from);
  to = relance_gui_format_date (self->chosen_to);
  if (self->chosen_from == self->chosen_to)
    label = g_steal_pointer (&from);
  else
    /* Translators: a range of days: "23/11/2026 – 28/11/2026" */
    label = g_strdup_printf (_("%s – %s"), from, to);
  gtk_menu_button_set_label (self->dates_button, label);
}

/* Puts the range on the calendars, in code: not a change by the user */
static void
set_chosen (RelanceAgendaView *self,
            RelanceDate        from,
            RelanceDate        to)
{
  self->chosen_from = from;
  self->chosen_to = to;
  self->frozen++;
  select_calendar_day (self->from_calendar, from);
  select_calendar_day (self->to_calendar, to);
  self->frozen--;
  show_dates (self);
}

/* Signal callbacks */

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RelanceAgendaView) self = user_data;
  RelanceJob *job = RELANCE_JOB (source);
  LoadData *data = relance_job_get_data (job);
  g_autoptr(GError) error = NULL;
  gboolean ok = relance_job_run_finish (job, result, &error);

  /* a newer reload is under way, or the view is gone */
  if (data->generation != self->generation)
    return;

  set_loading (self, FALSE);
  if (!ok)
    {
      g_warning ("Cannot read the agenda: %s", error->message);
      show_count (self);
      return;
    }
  show_load (self, data);
}

static void
filter_changed_cb (RelanceAgendaView *self)
{
  guint agent;

  if (self->frozen > 0)
    return;

  agent = gtk_drop_down_get_selected (self->agent_dropdown);
  if (self->manager)
    {
      const char *login = agent > 0 && agent <= self->agents->len
                          ? g_ptr_array_index (self->agents, agent - 1) : NULL;

      if (g_strcmp0 (login, self->agent) != 0)
        {
          g_free (self->agent);
          self->agent = g_strdup (login);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENT]);
        }
    }
  relance_agenda_view_reload (self);
}

static void
channel_changed_cb (RelanceAgendaView *self)
{
  if (self->frozen == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

/* « Choose Dates… » opens the calendars, on today the first time */
static void
period_changed_cb (RelanceAgendaView *self)
{
  gboolean chosen = gtk_drop_down_get_selected (self->period_dropdown) ==
                    RELANCE_AGENDA_PERIOD_CHOSEN;

  if (chosen && self->chosen_from == 0)
    set_chosen (self, self->day, self->day);
  show_dates (self);
  if (self->frozen > 0)
    return;
  relance_agenda_view_reload (self);
  if (chosen && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->dates_button);
}

/* The first day picked after the last one moves the last one, and the
 * other way round: the range is never empty */
static void
from_day_cb (RelanceAgendaView *self)
{
  RelanceDate from;

  if (self->frozen > 0)
    return;
  from = calendar_day (self->from_calendar);
  set_chosen (self, from, MAX (from, self->chosen_to));
  relance_agenda_view_reload (self);
}

static void
to_day_cb (RelanceAgendaView *self)
{
  RelanceDate to;

  if (self->frozen > 0)
    return;
  to = calendar_day (self->to_calendar);
  set_chosen (self, MIN (self->chosen_from, to), to);
  relance_agenda_view_reload (self);
}

/* An amount typed is applied when the entry is left, as with Enter */
static void
amount_focus_cb (RelanceAgendaView *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self->amount_entry)))
    filter_changed_cb (self);
}

static void
activate_cb (RelanceAgendaView *self,
             guint              position)
{
  g_autoptr(RelanceAgendaEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  const RelanceAgendaItem *item;

  if (entry == NULL || relance_agenda_entry_is_header (entry))
    return;
  item = relance_agenda_entry_get_item (entry);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-action", "x", item->action_id);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *texts;

  parts->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (parts->header, "agenda-day");
  parts->header_day = new_label (parts->header, 0, 0, "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (parts->header_day), TRUE);
  parts->header_count = new_label (parts->header, 1, 0, "dim-label");
  gtk_box_append (GTK_BOX (row), parts->header);

  parts->action = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (parts->action, "agenda-action");
  parts->colour = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (parts->colour, "agenda-colour");
  gtk_box_append (GTK_BOX (parts->action), parts->colour);
  parts->channel = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (parts->action), GTK_WIDGET (parts->channel));
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  parts->customer = new_label (texts, 0, 0, "heading");
  parts->title = new_label (texts, 0, 0, "dim-label");
  gtk_box_append (GTK_BOX (parts->action), texts);
  parts->overdue = new_label (parts->action, 1, 14, "amount");
  parts->days_late = new_label (parts->action, 1, 12, "numeric");
  parts->dso = new_label (parts->action, 1, 12, "numeric");
  parts->promise = new_label (parts->action, 1, 16, "numeric");
  gtk_box_append (GTK_BOX (row), parts->action);

  g_object_set_data_full (G_OBJECT (row), "relance-row-parts", parts, g_free);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RelanceAgendaView        *self)
{
  RelanceAgendaEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  RowParts *parts = g_object_get_data (G_OBJECT (row), "relance-row-parts");
  const RelanceAgendaItem *item = relance_agenda_entry_get_item (entry);
  g_autofree char *customer = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *days = NULL;
  g_autofree char *dso = NULL;
  g_autofree char *promise = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (parts->header, item == NULL);
  gtk_widget_set_visible (parts->action, item != NULL);
  /* a day is a heading: it neither opens nor takes the selection */
  gtk_list_item_set_activatable (list_item, item != NULL);
  gtk_list_item_set_selectable (list_item, item != NULL);

  if (item == NULL)
    {
      g_autofree char *heading = day_heading (relance_agenda_entry_get_day (entry), self->day);
      guint n = relance_agenda_entry_get_n_actions (entry);
      g_autofree char *count = g_strdup_printf (ngettext ("%u action", "%u actions", n), n);

      gtk_label_set_text (parts->header_day, heading);
      gtk_label_set_text (parts->header_count, count);
      gtk_widget_set_tooltip_text (row, NULL);
      return;
    }

  for (guint i = RELANCE_AGENDA_RED; i <= RELANCE_AGENDA_GREY; i++)
    gtk_widget_remove_css_class (parts->colour, colour_class (i));
  gtk_widget_add_css_class (parts->colour, colour_class (item->colour));

  gtk_image_set_from_icon_name (parts->channel, relance_agenda_channel_icon_name (item->channel));
  gtk_widget_set_tooltip_text (GTK_WIDGET (parts->channel),
                               relance_agenda_channel_label (item->channel));
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->channel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  relance_agenda_channel_label (item->channel), -1);

  /* Translators: a customer in the agenda: "C000123 — Garage Martin" */
  customer = g_strdup_printf (_("%s — %s"), item->customer_code, item->customer_name);
  gtk_label_set_text (parts->customer, customer);
  gtk_label_set_text (parts->title, item->title);

  overdue = relance_gui_format_amount (item->overdue_cents, item->currency);
  gtk_label_set_text (parts->overdue, overdue);
  relance_gui_set_amount_class (GTK_WIDGET (parts->overdue), item->overdue_cents);
  gtk_widget_set_tooltip_text (GTK_WIDGET (parts->overdue), _("Amount overdue"));

  days = item->days_late > 0
         ? g_strdup_printf (ngettext ("%d day late", "%d days late", item->days_late),
                            item->days_late)
         : g_strdup ("");
  gtk_label_set_text (parts->days_late, days);

  if (item->has_dso)
    {
      g_autofree char *n = relance_gui_format_days (item->dso_days);

      /* Translators: the count-back DSO of a customer: "DSO 48 days" */
      dso = g_strdup_printf (_("DSO %s"), n);
    }
  gtk_label_set_text (parts->dso, dso != NULL ? dso : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (parts->dso), _("Days sales outstanding, count-back method"));

  if (item->promise_due != RELANCE_DATE_NONE)
    {
      g_autofree char *date = relance_gui_format_date (item->promise_due);

      /* Translators: the next instalment of a payment promise */
      promise = g_strdup_printf (_("Promise %s"), date);
    }
  gtk_label_set_text (parts->promise, promise != NULL ? promise : "");

  tooltip = priority_tooltip (item, self->day);
  gtk_widget_set_tooltip_text (row, tooltip);
}

/* Overrides */

static void
relance_agenda_view_dispose (GObject *object)
{
  RelanceAgendaView *self = (RelanceAgendaView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_AGENDA_VIEW);
  /* the template's root box has no id: it is unparented here */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  cancel_load (self);
  g_clear_object (&self->model);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_agenda_view_parent_class)->dispose (object);
}

static void
relance_agenda_view_finalize (GObject *object)
{
  RelanceAgendaView *self = (RelanceAgendaView *) object;

  g_free (self->user);
  g_free (self->agent);
  g_ptr_array_unref (self->agents);

  G_OBJECT_CLASS (relance_agenda_view_parent_class)->finalize (object);
}

static void
relance_agenda_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RelanceAgendaView *self = RELANCE_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_string (value, relance_agenda_view_get_channel (self));
      break;
    case PROP_AGENT:
      g_value_set_string (value, relance_agenda_view_get_agent (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_agenda_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RelanceAgendaView *self = RELANCE_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      relance_agenda_view_set_channel (self, g_value_get_string (value));
      break;
    case PROP_AGENT:
      relance_agenda_view_set_agent (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_agenda_view_class_init (RelanceAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_agenda_view_dispose;
  object_class->finalize = relance_agenda_view_finalize;
  object_class->get_property = relance_agenda_view_get_property;
  object_class->set_property = relance_agenda_view_set_property;

  /**
   * RelanceAgendaView:channel:
   *
   * The channel filter, as stored (call, email…); empty for all.
   */
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelanceAgendaView:agent:
   *
   * The agent whose agenda a manager sees; empty for every agent.
   */
  properties[PROP_AGENT] =
    g_param_spec_string ("agent", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, done_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, done_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, automatic_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, automatic_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, dates_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceAgendaView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_focus_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agendaview");
}

static void
relance_agenda_view_init (RelanceAgendaView *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->agents = g_ptr_array_new_with_free_func (g_free);
  self->model = relance_agenda_model_new ();

  gtk_string_list_append (channels, _("All channels"));
  for (guint i = 0; i < RELANCE_N_CHANNELS; i++)
    gtk_string_list_append (channels, relance_agenda_channel_label (i));
  self->frozen++;
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  self->frozen--;
  /* after the template's handler, which reloads */
  g_signal_connect_swapped (self->channel_dropdown, "notify::selected",
                            G_CALLBACK (channel_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* Public API */

/**
 * relance_agenda_view_new:
 *
 * Returns: (transfer floating): an agenda with no database
 */
GtkWidget *
relance_agenda_view_new (void)
{
  return g_object_new (RELANCE_TYPE_AGENDA_VIEW, NULL);
}

/**
 * relance_agenda_view_set_database:
 * @self: a #RelanceAgendaView
 * @db: (nullable): the window's connection
 * @user: (nullable): the login working: an agent sees their actions, a
 *   manager everybody's with a choice of agent
 * @day: today
 *
 * Shows the agenda of @user on @day.
 */
void
relance_agenda_view_set_database (RelanceAgendaView *self,
                                  RelanceDatabase   *db,
                                  const char        *user,
                                  RelanceDate        day)
{
  g_autoptr(RelanceUser) found = NULL;

  g_return_if_fail (RELANCE_IS_AGENDA_VIEW (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  g_set_object (&self->db, db);
  g_free (self->user);
  self->user = g_strdup (user);
  self->day = day;

  found = db != NULL && user != NULL ? relance_user_store_find (db, user, NULL) : NULL;
  self->manager = found != NULL && (found->role == RELANCE_USER_ROLE_MANAGER ||
                                    found->role == RELANCE_USER_ROLE_ADMIN);
  fill_agents (self);
  gtk_widget_set_visible (GTK_WIDGET (self->agent_dropdown), self->manager);

  relance_agenda_view_reload (self);
}

/**
 * relance_agenda_view_reload:
 * @self: a #RelanceAgendaView
 *
 * Reads the agenda and the figures of the day again: after an action was
 * performed, or a filter changed. The reading runs in a thread; the rows
 * shown stay until it ends (relance_agenda_view_get_loading() says when),
 * and a reading started before the last reload is dropped.
 */
void
relance_agenda_view_reload (RelanceAgendaView *self)
{
  g_autoptr(RelanceJob) job = NULL;
  g_autoptr(GError) error = NULL;
  LoadData *data;
  const char *path;
  gint64 min_cents = 0;

  g_return_if_fail (RELANCE_IS_AGENDA_VIEW (self));

  cancel_load (self);
  if (self->db == NULL)
    {
      set_loading (self, FALSE);
      relance_agenda_model_set_items (self->model, g_ptr_array_new ());
      show_count (self);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->generation = self->generation;
  data->user = g_strdup (agenda_user (self));
  data->day = self->day;
  fill_filter (self, &data->filter, &min_cents);
  /* the filter points into the entry: the thread gets its own copy */
  data->customer_code = g_strdup (data->filter.customer_code);
  data->filter.customer_code = data->customer_code;

  path = relance_database_get_path (self->db);
  if (!can_read_in_thread (path))
    {
      set_loading (self, FALSE);
      if (load (self->db, data, NULL, &error))
        show_load (self, data);
      else
        g_warning ("Cannot read the agenda: %s", error->message);
      load_data_free (data);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = relance_job_new (_("Reading the agenda…"), path, load_job_func, data, load_data_free);
  set_loading (self, TRUE);
  show_count (self);
  relance_job_run_async (job, self->cancellable, load_done_cb, g_object_ref (self));
}

/**
 * relance_agenda_view_get_model:
 * @self: a #RelanceAgendaView
 *
 * Returns: (transfer none): the rows shown: day headers and actions
 */
RelanceAgendaModel *
relance_agenda_view_get_model (RelanceAgendaView *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), NULL);

  return self->model;
}

/**
 * relance_agenda_view_get_channel:
 * @self: a #RelanceAgendaView
 *
 * Returns: the channel shown (its stored name), "" for all
 */
const char *
relance_agenda_view_get_channel (RelanceAgendaView *self)
{
  gboolean has_channel;
  RelanceChannel channel;

  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), "");

  channel = selected_channel (self, &has_channel);
  return has_channel ? relance_channel_to_string (channel) : "";
}

/**
 * relance_agenda_view_set_channel:
 * @self: a #RelanceAgendaView
 * @channel: (nullable): a channel's stored name; %NULL, "" or an unknown
 *   name for all
 *
 * Shows only the actions of @channel.
 */
void
relance_agenda_view_set_channel (RelanceAgendaView *self,
                                 const char        *channel)
{
  RelanceChannel value;
  guint selected = 0;

  g_return_if_fail (RELANCE_IS_AGENDA_VIEW (self));

  if (channel != NULL && relance_channel_from_string (channel, &value))
    selected = value + 1;
  gtk_drop_down_set_selected (self->channel_dropdown, selected);
}

/**
 * relance_agenda_view_get_agent:
 * @self: a #RelanceAgendaView
 *
 * Returns: the agent a manager picked, "" for all
 */
const char *
relance_agenda_view_get_agent (RelanceAgendaView *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), "");

  return self->agent != NULL ? self->agent : "";
}

/**
 * relance_agenda_view_set_agent:
 * @self: a #RelanceAgendaView
 * @agent: (nullable): an agent's login; %NULL or "" for all
 *
 * The agent whose actions a manager sees; an agent sees their own
 * whatever this says.
 */
void
relance_agenda_view_set_agent (RelanceAgendaView *self,
                               const char        *agent)
{
  guint selected = 0;

  g_return_if_fail (RELANCE_IS_AGENDA_VIEW (self));

  if (agent != NULL && *agent == '\0')
    agent = NULL;
  if (g_strcmp0 (agent, self->agent) == 0)
    return;

  g_free (self->agent);
  self->agent = g_strdup (agent);
  for (guint i = 0; agent != NULL && i < self->agents->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->agents, i), agent) == 0)
      selected = i + 1;
  /* a login not in the list yet is kept for when the database comes */
  if (selected > 0 || self->agents->len == 0)
    {
      self->frozen++;
      gtk_drop_down_set_selected (self->agent_dropdown, selected);
      self->frozen--;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENT]);
  if (self->manager)
    relance_agenda_view_reload (self);
}

/**
 * relance_agenda_view_set_period:
 * @self: a #RelanceAgendaView
 * @period: the planned dates to show
 */
void
relance_agenda_view_set_period (RelanceAgendaView   *self,
                                RelanceAgendaPeriod  period)
{
  g_return_if_fail (RELANCE_IS_AGENDA_VIEW (self));
  g_return_if_fail (period <= RELANCE_AGENDA_PERIOD_CHOSEN);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

/**
 * relance_agenda_view_set_dates:
 * @self: a #RelanceAgendaView
 * @from: the first planned day shown
 * @to: the last, @from or later; @from itself for one day
 *
 * Shows the actions planned from @from to @to, as when they are picked
 * on the calendars of « Choose Dates… ».
 */
void
relance_agenda_view_set_dates (RelanceAgendaView *self,
                               RelanceDate        from,
                               RelanceDate        to)
{
  g_return_if_fail (RELANCE_IS_AGENDA_VIEW (self));
  g_return_if_fail (from != RELANCE_DATE_NONE && from <= to);

  set_chosen (self, from, to);
  self->frozen++;
  gtk_drop_down_set_selected (self->period_dropdown, RELANCE_AGENDA_PERIOD_CHOSEN);
  self->frozen--;
  show_dates (self);
  relance_agenda_view_reload (self);
}

/**
 * relance_agenda_view_get_loading:
 * @self: a #RelanceAgendaView
 *
 * Returns: whether the agenda is being read: the rows shown are those of
 *   the reading before
 */
gboolean
relance_agenda_view_get_loading (RelanceAgendaView *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), FALSE);

  return self->loading;
}

/**
 * relance_agenda_view_get_shows_agents:
 * @self: a #RelanceAgendaView
 *
 * Returns: whether the agent filter is offered (to a manager)
 */
gboolean
relance_agenda_view_get_shows_agents (RelanceAgendaView *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->agent_dropdown));
}

/**
 * relance_agenda_view_get_done_text:
 * @self: a #RelanceAgendaView
 *
 * Returns: the first figure as shown: « 12 / 20 — 60 % »
 */
const char *
relance_agenda_view_get_done_text (RelanceAgendaView *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), NULL);

  return gtk_label_get_text (self->done_label);
}

/**
 * relance_agenda_view_get_automatic_text:
 * @self: a #RelanceAgendaView
 *
 * Returns: the second figure as shown
 */
const char *
relance_agenda_view_get_automatic_text (RelanceAgendaView *self)
{
  g_return_val_if_fail (RELANCE_IS_AGENDA_VIEW (self), NULL);

  return gtk_label_get_text (self->automatic_label);
}

/**
 * relance_agenda_format_share:
 * @part: how many
 * @whole: out of how many
 *
 * The share in whole percent, rounded half away from zero (integers
 * only: 2 / 3 is 66.67 → 67 %).
 *
 * Returns: (transfer full): « 12 / 20 — 60 % », or « 0 / 0 » when there
 *   is nothing to share
 */
char *
relance_agenda_format_share (gint64 part,
                             gint64 whole)
{
  if (whole <= 0)
    /* Translators: a share of nothing: "0 / 0" */
    return g_strdup_printf (_("%" PRId64 " / %" PRId64), part, whole);
  /* Translators: "12 / 20 — 60 %": actions done out of actions, percent */
  return g_strdup_printf (_("%" PRId64 " / %" PRId64 " — %" PRId64 " %%"), part, whole,
                          relance_money_div_round (part * 100, whole));
}
