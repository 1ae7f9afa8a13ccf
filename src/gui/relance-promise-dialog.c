/* relance-promise-dialog.c — recording a promise to pay and its instalments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A promise (promesse de paiement) or an arrangement suspends the
 * customer's case until its instalments are paid or one is missed. The
 * dialog shows the overdue amount the promise is meant to cover and the
 * customer's earlier promises with their status (kept, broken…), edits
 * the instalments, and shows the engine's controls
 * (relance_form_check_instalment, relance_form_check_promise) beside
 * them. Saving is relance_promises_add().
 */
#define G_LOG_DOMAIN "relance-promise-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "relance-engine.h"
#include "relance-form-checks.h"
#include "relance-form-problems.h"
#include "relance-gui-utils.h"
#include "relance-promise-dialog.h"
#include "relance-promise-record.h"
#include "relance-window-private.h"

struct _RelancePromiseDialog
{
  GtkWindow            parent_instance;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkLabel            *overdue_label;
  GtkWidget           *history_group;
  GtkListBox          *history_list;
  GtkListBox          *instalments_list;
  GtkLabel            *total_label;
  GtkSpinButton       *grace_spin;
  GtkEntry            *comment_entry;
  RelanceFormProblems *problems;
  GtkButton           *save_button;

  /* state */
  RelanceWindow       *window;   /* weak */
  RelanceDatabase     *db;
  RelanceDate          day;
  gint64               actor_id;
  char                 currency[4];
  gint64               overdue_cents;
  guint                n_fields;  /* instalment-<i> fields given to the problems */
};

G_DEFINE_FINAL_TYPE (RelancePromiseDialog, relance_promise_dialog, GTK_TYPE_WINDOW)

/* Helpers */

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
promise_status_label (RelancePromiseStatus status)
{
  switch (status)
    {
    case RELANCE_PROMISE_STATUS_OPEN:
      return _("Open");
    case RELANCE_PROMISE_STATUS_KEPT:
      return _("Kept");
    case RELANCE_PROMISE_STATUS_BROKEN:
      return _("Broken");
    case RELANCE_PROMISE_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return "";
    }
}

/* Reads the rows into @promise and runs the controls */
static gboolean
check_form (RelancePromiseDialog *self,
            RelancePromise       *promise)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(RelancePromise) local = NULL;
  g_autofree char *total = NULL;
  g_autofree char *total_text = NULL;
  guint index = 0;

  if (promise == NULL)
    promise = local = relance_promise_new ();
  g_strlcpy (promise->currency, self->currency, sizeof promise->currency);
  promise->grace_days = gtk_spin_button_get_value_as_int (self->grace_spin);
  promise->made_on = self->day;

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_autofree char *field = g_strdup_printf ("instalment-%u", i);

      relance_form_problems_remove_field (self->problems, field);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), index++)
    {
      GtkEditable *date_entry = g_object_get_data (G_OBJECT (row), "relance-date");
      GtkEditable *amount_entry = g_object_get_data (G_OBJECT (row), "relance-amount");
      g_autofree char *field = g_strdup_printf ("instalment-%u", index);
      g_autofree char *label = g_strdup_printf (_("Instalment %u"), index + 1);
      RelanceDate date = 0;
      gint64 cents = 0;
      gboolean ok;

      relance_form_problems_add_field (self->problems, field, row, label);
      ok = relance_form_check_date (validation, field, gtk_editable_get_text (date_entry), &date);
      ok = relance_form_check_amount (validation, field, gtk_editable_get_text (amount_entry),
                                      &cents) && ok;
      relance_form_check_instalment (validation, index, date, cents, self->day);
      if (ok)
        relance_promise_add_instalment (promise, date, cents);
    }
  self->n_fields = index;
  relance_form_check_promise (validation, promise, self->overdue_cents, self->day);

  total = relance_gui_format_amount (relance_promise_get_total_cents (promise), self->currency);
  total_text = g_strdup_printf (_("Total promised: %s"), total);
  gtk_label_set_text (self->total_label, total_text);
  relance_form_problems_show (self->problems, validation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            !relance_validation_has_blocking (validation));
  return !relance_validation_has_blocking (validation);
}

static void
form_changed_cb (RelancePromiseDialog *self)
{
  if (self->db != NULL)
    check_form (self, NULL);
}

static void
remove_clicked_cb (GtkButton            *button,
                   RelancePromiseDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->instalments_list, row);
  form_changed_cb (self);
}

static gboolean
load_history (RelancePromiseDialog  *self,
              GError               **error)
{
  g_autoptr(GPtrArray) promises = relance_promise_store_list (self->db, self->actor_id, FALSE, error);

  if (promises == NULL)
    return FALSE;
  for (guint i = 0; i < promises->len; i++)
    {
      RelancePromise *promise = g_ptr_array_index (promises, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (promise_status_label (promise->status));
      g_autofree char *made = relance_gui_format_date (promise->made_on);
      g_autofree char *amount = relance_gui_format_amount (relance_promise_get_total_cents (promise),
                                                           promise->currency);
      g_autofree char *title = g_strdup_printf (_("%s, made on %s"), amount, made);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u instalment", "%u instalments",
                                                             promise->instalments->len),
                                                   promise->instalments->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (status, "promise-status");
      if (promise->status == RELANCE_PROMISE_STATUS_BROKEN)
        gtk_widget_add_css_class (status, "error");
      else if (promise->status == RELANCE_PROMISE_STATUS_KEPT)
        gtk_widget_add_css_class (status, "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (self->history_group, promises->len > 0);
  return TRUE;
}

/* The currency of the customer's open case, else the company's; and the
 * overdue amount in it */
static gboolean
load_overdue (RelancePromiseDialog  *self,
              GError               **error)
{
  g_autoptr(GPtrArray) cases = relance_case_store_list_for_actor (self->db, self->actor_id, error);
  g_autoptr(GArray) figures = NULL;
  g_autofree char *company = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *text = NULL;

  if (cases == NULL)
    return FALSE;
  company = relance_company_currency (self->db);
  g_strlcpy (self->currency, company, sizeof self->currency);
  for (guint i = 0; i < cases->len; i++)
    {
      RelanceCase *c = g_ptr_array_index (cases, i);

      if (c->status != RELANCE_CASE_CLOSED)
        {
          g_strlcpy (self->currency, c->currency, sizeof self->currency);
          break;
        }
    }
  figures = relance_customer_figures_compute (self->db, self->actor_id, self->day, error);
  if (figures == NULL)
    return FALSE;
  for (guint i = 0; i < figures->len; i++)
    {
      const RelanceFiguresRow *row = &g_array_index (figures, RelanceFiguresRow, i);

      if (strcmp (row->currency, self->currency) == 0)
        self->overdue_cents = row->overdue_cents;
    }
  overdue = relance_gui_format_amount (self->overdue_cents, self->currency);
  text = g_strdup_printf (_("Overdue: %s"), overdue);
  gtk_label_set_text (self->overdue_label, text);
  return TRUE;
}

/* Signal callbacks */

static void
add_clicked_cb (RelancePromiseDialog *self)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->instalments_list));
  RelanceDate date = self->day + 7;
  g_autofree char *date_text = NULL;

  /* a month after the last instalment, or in a week */
  if (last != NULL)
    {
      RelanceDate previous;

      if (relance_date_parse (gtk_editable_get_text (g_object_get_data (G_OBJECT (last), "relance-date")),
                              &previous, NULL))
        date = relance_date_add_months (previous, 1);
    }
  while (relance_date_is_weekend (date))
    date++;
  date_text = relance_gui_format_date (date);
  relance_promise_dialog_add_instalment (self, date_text, "");
}

static void
save_clicked_cb (RelancePromiseDialog *self)
{
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;

  if (!check_form (self, promise))
    return;
  promise->actor_id = self->actor_id;
  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))));
  if (*comment != '\0')
    promise->comment = g_steal_pointer (&comment);
  if (!relance_promise_record (self->db, promise, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Record the Promise"), error->message);
      return;
    }
  if (self->window != NULL)
    {
      _relance_window_data_changed (self->window);
      _relance_window_toast (self->window, _("Promise recorded; the case waits for it"));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
relance_promise_dialog_dispose (GObject *object)
{
  RelancePromiseDialog *self = RELANCE_PROMISE_DIALOG (object);

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->db);
  /* the window holds its child itself: released here, it is not
   * unparented twice when the template's children are */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_PROMISE_DIALOG);

  G_OBJECT_CLASS (relance_promise_dialog_parent_class)->dispose (object);
}

static void
relance_promise_dialog_class_init (RelancePromiseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_promise_dialog_dispose;

  g_type_ensure (RELANCE_TYPE_FORM_PROBLEMS);
  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-promise-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RelancePromiseDialog, name)
  BIND (window_title);
  BIND (overdue_label);
  BIND (history_group);
  BIND (history_list);
  BIND (instalments_list);
  BIND (total_label);
  BIND (grace_spin);
  BIND (comment_entry);
  BIND (problems);
  BIND (save_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
relance_promise_dialog_init (RelancePromiseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_promise_dialog_new:
 * @window: the window working on the database
 * @actor_id: the customer
 * @error: a #GError
 *
 * Opens with one instalment: the overdue amount in a week.
 *
 * Returns: (transfer none) (nullable): the dialog, not shown yet, or
 *   %NULL with @error set
 */
RelancePromiseDialog *
relance_promise_dialog_new (RelanceWindow  *window,
                            gint64          actor_id,
                            GError        **error)
{
  RelancePromiseDialog *self;
  g_autoptr(RelanceActor) actor = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (RELANCE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (relance_window_get_database (window) != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_PROMISE_DIALOG, "transient-for", window, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->day = relance_window_get_evaluation_day (window);
  self->actor_id = actor_id;
  /* the db is set last: the rows added before do not run the controls */
  actor = relance_actor_store_find_by_id (relance_window_get_database (window), actor_id, error);
  if (actor == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer %" PRId64 "."), actor_id);
      goto failed;
    }
  self->db = g_object_ref (relance_window_get_database (window));
  subtitle = g_strdup_printf ("%s — %s", relance_actor_get_code (actor), relance_actor_get_name (actor));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (!load_overdue (self, error) || !load_history (self, error))
    goto failed;

  relance_form_problems_add_field (self->problems, "instalments",
                                   GTK_WIDGET (self->instalments_list), _("Instalments"));
  relance_form_problems_add_field (self->problems, "total", GTK_WIDGET (self->total_label),
                                   _("Total"));
  relance_form_problems_add_field (self->problems, "grace", GTK_WIDGET (self->grace_spin),
                                   _("Grace period"));
  amount = relance_money_format_plain (self->overdue_cents);
  add_clicked_cb (self);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list))),
                                            "relance-amount"),
                         self->overdue_cents > 0 ? amount : "");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  check_form (self, NULL);
  return self;

failed:
  gtk_window_destroy (GTK_WINDOW (self));
  return NULL;
}

/**
 * relance_promise_dialog_clear_instalments:
 * @self: a #RelancePromiseDialog
 */
void
relance_promise_dialog_clear_instalments (RelancePromiseDialog *self)
{
  GtkWidget *row;

  g_return_if_fail (RELANCE_IS_PROMISE_DIALOG (self));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list))) != NULL)
    gtk_list_box_remove (self->instalments_list, row);
  form_changed_cb (self);
}

/**
 * relance_promise_dialog_add_instalment:
 * @self: a #RelancePromiseDialog
 * @date: the text of its date ("23/11/2026")
 * @amount: the text of its amount ("1 234,56")
 *
 * Adds a row to the instalments, as the Add button does.
 */
void
relance_promise_dialog_add_instalment (RelancePromiseDialog *self,
                                       const char           *date,
                                       const char           *amount)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *date_entry;
  GtkWidget *amount_entry;
  GtkWidget *remove;
  guint n = 1;

  g_return_if_fail (RELANCE_IS_PROMISE_DIALOG (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->instalments_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  date_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (date_entry), 11);
  gtk_editable_set_text (GTK_EDITABLE (date_entry), date);
  gtk_entry_set_activates_default (GTK_ENTRY (date_entry), TRUE);
  amount_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (amount_entry), amount);
  gtk_editable_set_alignment (GTK_EDITABLE (amount_entry), 1);
  gtk_widget_add_css_class (amount_entry, "amount");
  gtk_widget_set_hexpand (amount_entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (amount_entry), TRUE);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Instalment"));
  {
    g_autofree char *date_label = g_strdup_printf (_("Date of instalment %u"), n);
    g_autofree char *amount_label = g_strdup_printf (_("Amount of instalment %u"), n);

    gtk_accessible_update_property (GTK_ACCESSIBLE (date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    date_label, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (amount_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    amount_label, -1);
  }
  gtk_box_append (GTK_BOX (box), date_entry);
  gtk_box_append (GTK_BOX (box), amount_entry);
  gtk_box_append (GTK_BOX (box), remove);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "relance-date", date_entry);
  g_object_set_data (G_OBJECT (row), "relance-amount", amount_entry);
  g_signal_connect_swapped (date_entry, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (amount_entry, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_list_box_append (self->instalments_list, row);
  form_changed_cb (self);
}

/**
 * relance_promise_dialog_get_overdue_cents:
 * @self: a #RelancePromiseDialog
 *
 * Returns: the customer's overdue amount that the promise is checked
 *   against
 */
gint64
relance_promise_dialog_get_overdue_cents (RelancePromiseDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_PROMISE_DIALOG (self), 0);

  return self->overdue_cents;
}
