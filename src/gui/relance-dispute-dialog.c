/* relance-dispute-dialog.c — opening a dispute on items, resolving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dispute (litige) takes items out of dunning while it is open and
 * counts them in the customer's disputed amount. The dialog lists the
 * customer's open items not already disputed, with their remaining
 * amounts, and the engine's controls (relance_form_check_dispute) say
 * beside the fields what stops saving. Opening and resolving are
 * relance_disputes_open() and relance_disputes_resolve().
 */
#define G_LOG_DOMAIN "relance-dispute-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "relance-dispute-dialog.h"
#include "relance-engine.h"
#include "relance-form-checks.h"
#include "relance-form-problems.h"
#include "relance-gui-utils.h"
#include "relance-window-private.h"

struct _RelanceDisputeDialog
{
  GtkWindow            parent_instance;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkListBox          *items_list;
  GtkEntry            *reason_entry;
  GtkWidget           *amount_row;
  GtkEntry            *amount_entry;
  GtkDropDown         *owner_dropdown;
  GtkEntry            *comment_entry;
  RelanceFormProblems *problems;
  GtkButton           *save_button;
  GtkListBox          *dispute_list;
  GtkCheckButton      *justified_check;
  GtkCheckButton      *unjustified_check;
  GtkEntry            *resolution_entry;
  GtkButton           *resolve_button;

  /* state */
  RelanceWindow       *window;    /* weak */
  RelanceDatabase     *db;
  RelanceDate          day;
  gint64               actor_id;
  GPtrArray           *invoices;  /* RelanceInvoice shown, in the rows' order */
  GPtrArray           *users;     /* RelanceUser */
  RelanceDispute      *dispute;   /* resolving */
};

G_DEFINE_FINAL_TYPE (RelanceDisputeDialog, relance_dispute_dialog, GTK_TYPE_WINDOW)

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

static GtkCheckButton *
row_check (RelanceDisputeDialog *self,
           guint                 index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->items_list, index);

  return g_object_get_data (G_OBJECT (row), "relance-check");
}

static void form_changed_cb (RelanceDisputeDialog *self);

static GtkWidget *
item_row (RelanceDisputeDialog *self,
          RelanceInvoice       *invoice)
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
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (form_changed_cb), self);
  return row;
}

/* Σ remaining of the items checked, in their currency; FALSE when they
 * are in more than one */
static gboolean
selection (RelanceDisputeDialog *self,
           GArray               *ids,
           gint64               *remaining,
           char                  currency[4])
{
  gboolean one_currency = TRUE;

  *remaining = 0;
  currency[0] = '\0';
  for (guint i = 0; i < self->invoices->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (self->invoices, i);
      gint64 id = relance_invoice_get_id (invoice);

      if (!gtk_check_button_get_active (row_check (self, i)))
        continue;
      if (currency[0] == '\0')
        g_strlcpy (currency, relance_invoice_get_currency (invoice), 4);
      else if (strcmp (currency, relance_invoice_get_currency (invoice)) != 0)
        one_currency = FALSE;
      *remaining += relance_invoice_get_remaining_cents (invoice);
      g_array_append_val (ids, id);
    }
  if (currency[0] == '\0')
    {
      g_autofree char *company = relance_company_currency (self->db);

      g_strlcpy (currency, company, 4);
    }
  return one_currency;
}

/* Runs the controls; fills @ids and @amount for saving */
static gboolean
check_form (RelanceDisputeDialog *self,
            GArray               *ids,
            gint64               *amount)
{
  g_autoptr(RelanceValidation) validation = relance_validation_new ();
  g_autoptr(GArray) local_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  g_autofree char *placeholder = NULL;
  g_autofree char *trimmed = NULL;
  gint64 remaining = 0;
  gint64 cents = 0;
  char currency[4];
  gboolean one_currency;

  if (ids == NULL)
    ids = local_ids;
  one_currency = selection (self, ids, &remaining, currency);

  /* an empty amount is all that remains of the items */
  trimmed = g_strstrip (g_strdup (amount_text));
  if (*trimmed != '\0')
    relance_form_check_amount (validation, "amount", amount_text, &cents);
  relance_form_check_dispute (validation, gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)),
                              ids->len, one_currency, cents, remaining, currency);
  relance_form_problems_show (self->problems, validation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            !relance_validation_has_blocking (validation));

  placeholder = relance_gui_format_amount (remaining, currency);
  gtk_entry_set_placeholder_text (self->amount_entry, placeholder);
  if (amount != NULL)
    *amount = cents;
  return !relance_validation_has_blocking (validation);
}

static void
done (RelanceDisputeDialog *self,
      const char           *toast)
{
  if (self->window != NULL)
    {
      _relance_window_data_changed (self->window);
      _relance_window_toast (self->window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_info_row (RelanceDisputeDialog *self,
              const char           *title,
              const char           *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->dispute_list, row);
}

static gboolean
set_actor (RelanceDisputeDialog  *self,
           gint64                 actor_id,
           GError               **error)
{
  g_autoptr(RelanceActor) actor = relance_actor_store_find_by_id (self->db, actor_id, error);
  g_autofree char *subtitle = NULL;

  if (actor == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer %" PRId64 "."), actor_id);
      return FALSE;
    }
  self->actor_id = actor_id;
  subtitle = g_strdup_printf ("%s — %s", relance_actor_get_code (actor), relance_actor_get_name (actor));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  return TRUE;
}

static RelanceDisputeDialog *
dialog_new (RelanceWindow *window)
{
  RelanceDisputeDialog *self = g_object_new (RELANCE_TYPE_DISPUTE_DIALOG,
                                             "transient-for", window, NULL);

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->db = g_object_ref (relance_window_get_database (window));
  self->day = relance_window_get_evaluation_day (window);
  return self;
}

/* Signal callbacks */

static void
form_changed_cb (RelanceDisputeDialog *self)
{
  if (self->invoices != NULL)
    check_form (self, NULL, NULL);
}

static void
save_clicked_cb (RelanceDisputeDialog *self)
{
  g_autoptr(RelanceDispute) dispute = relance_dispute_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *comment = NULL;
  guint owner;

  if (!check_form (self, dispute->invoice_ids, &dispute->amount_cents))
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))));
  dispute->actor_id = self->actor_id;
  dispute->reason = g_steal_pointer (&reason);
  dispute->opened_on = self->day;
  owner = gtk_drop_down_get_selected (self->owner_dropdown);
  if (owner < self->users->len)
    dispute->owner = g_strdup (((RelanceUser *) g_ptr_array_index (self->users, owner))->login);
  if (*comment != '\0')
    dispute->comment = g_steal_pointer (&comment);

  if (!relance_disputes_open (self->db, dispute, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Open the Dispute"), error->message);
      return;
    }
  done (self, _("Dispute opened"));
}

static void
resolve_clicked_cb (RelanceDisputeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  RelanceDisputeStatus resolution;

  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->resolution_entry))));
  resolution = gtk_check_button_get_active (self->justified_check)
               ? RELANCE_DISPUTE_STATUS_JUSTIFIED : RELANCE_DISPUTE_STATUS_UNJUSTIFIED;
  if (!relance_disputes_resolve (self->db, self->dispute->id, resolution, self->day,
                                 *comment != '\0' ? comment : NULL, NULL, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Resolve the Dispute"), error->message);
      return;
    }
  done (self, _("Dispute resolved"));
}

/* Overrides */

static void
relance_dispute_dialog_dispose (GObject *object)
{
  RelanceDisputeDialog *self = RELANCE_DISPUTE_DIALOG (object);

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->db);
  g_clear_pointer (&self->invoices, g_ptr_array_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  /* the window holds its child itself: released here, it is not
   * unparented twice when the template's children are */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_DISPUTE_DIALOG);

  G_OBJECT_CLASS (relance_dispute_dialog_parent_class)->dispose (object);
}

static void
relance_dispute_dialog_finalize (GObject *object)
{
  RelanceDisputeDialog *self = RELANCE_DISPUTE_DIALOG (object);

  g_clear_pointer (&self->dispute, relance_dispute_free);

  G_OBJECT_CLASS (relance_dispute_dialog_parent_class)->finalize (object);
}

static void
relance_dispute_dialog_class_init (RelanceDisputeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_dispute_dialog_dispose;
  object_class->finalize = relance_dispute_dialog_finalize;

  g_type_ensure (RELANCE_TYPE_FORM_PROBLEMS);
  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-dispute-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RelanceDisputeDialog, name)
  BIND (window_title);
  BIND (stack);
  BIND (items_list);
  BIND (reason_entry);
  BIND (amount_row);
  BIND (amount_entry);
  BIND (owner_dropdown);
  BIND (comment_entry);
  BIND (problems);
  BIND (save_button);
  BIND (dispute_list);
  BIND (justified_check);
  BIND (unjustified_check);
  BIND (resolution_entry);
  BIND (resolve_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolve_clicked_cb);
}

static void
relance_dispute_dialog_init (RelanceDisputeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_dispute_dialog_new_open:
 * @window: the window working on the database
 * @actor_id: the customer
 * @invoice_ids: (nullable) (element-type gint64): the items checked first
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): the dialog that opens a dispute,
 *   not shown yet, or %NULL with @error set
 */
RelanceDisputeDialog *
relance_dispute_dialog_new_open (RelanceWindow  *window,
                                 gint64          actor_id,
                                 GArray         *invoice_ids,
                                 GError        **error)
{
  RelanceDisputeDialog *self;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GArray) disputed = NULL;
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  const char *user;
  guint selected = 0;

  g_return_val_if_fail (RELANCE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (relance_window_get_database (window) != NULL, NULL);

  self = dialog_new (window);
  adw_window_title_set_title (self->window_title, _("New Dispute"));
  gtk_stack_set_visible_child_name (self->stack, "open");
  if (!set_actor (self, actor_id, error))
    goto failed;
  open = relance_invoice_store_list_for_actor (self->db, actor_id, TRUE, error);
  if (open == NULL)
    goto failed;
  disputed = relance_dispute_store_open_invoice_ids (self->db, actor_id, error);
  if (disputed == NULL)
    goto failed;
  self->users = relance_user_store_list (self->db, error);
  if (self->users == NULL)
    goto failed;

  /* what can be contested: items with something left to pay, not
   * already in an open dispute (the engine refuses the others) */
  self->invoices = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < open->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (open, i);

      if (relance_invoice_get_remaining_cents (invoice) > 0 &&
          !relance_invoice_get_cancelled (invoice) &&
          !relance_dispute_ids_contain (disputed, relance_invoice_get_id (invoice)))
        {
          g_ptr_array_add (self->invoices, g_object_ref (invoice));
          gtk_list_box_append (self->items_list, item_row (self, invoice));
        }
    }
  if (invoice_ids != NULL)
    for (guint i = 0; i < invoice_ids->len; i++)
      relance_dispute_dialog_select_item (self, g_array_index (invoice_ids, gint64, i), TRUE);

  user = relance_database_get_user (self->db);
  for (guint i = 0; i < self->users->len; i++)
    {
      RelanceUser *u = g_ptr_array_index (self->users, i);

      gtk_string_list_append (owners, u->name);
      if (g_strcmp0 (u->login, user) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (owners));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);

  relance_form_problems_add_field (self->problems, "reason", GTK_WIDGET (self->reason_entry),
                                   _("Reason"));
  relance_form_problems_add_field (self->problems, "amount", GTK_WIDGET (self->amount_entry),
                                   _("Amount contested"));
  relance_form_problems_add_field (self->problems, "items", GTK_WIDGET (self->items_list),
                                   _("Items"));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  check_form (self, NULL, NULL);
  return self;

failed:
  gtk_window_destroy (GTK_WINDOW (self));
  return NULL;
}

/**
 * relance_dispute_dialog_new_resolve:
 * @window: the window working on the database
 * @dispute_id: a dispute
 * @error: a #GError
 *
 * Shows the dispute and, while it is open, offers to resolve it.
 *
 * Returns: (transfer none) (nullable): the dialog, not shown yet, or
 *   %NULL with @error set
 */
RelanceDisputeDialog *
relance_dispute_dialog_new_resolve (RelanceWindow  *window,
                                    gint64          dispute_id,
                                    GError        **error)
{
  RelanceDisputeDialog *self;
  g_autofree char *amount = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *items = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);
  gboolean is_open;

  g_return_val_if_fail (RELANCE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (relance_window_get_database (window) != NULL, NULL);

  self = dialog_new (window);
  adw_window_title_set_title (self->window_title, _("Dispute"));
  gtk_stack_set_visible_child_name (self->stack, "resolve");
  self->dispute = relance_dispute_store_find (self->db, dispute_id, error);
  if (self->dispute == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no dispute %" PRId64 "."), dispute_id);
      goto failed;
    }
  if (!set_actor (self, self->dispute->actor_id, error))
    goto failed;

  for (guint i = 0; self->dispute->invoice_numbers != NULL && i < self->dispute->invoice_numbers->len; i++)
    g_string_append_printf (numbers, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (self->dispute->invoice_numbers, i));
  amount = relance_gui_format_amount (self->dispute->amount_cents, self->dispute->currency);
  opened = relance_gui_format_date (self->dispute->opened_on);
  is_open = self->dispute->status == RELANCE_DISPUTE_STATUS_OPEN;
  if (is_open)
    status = g_strdup (_("Open"));
  else
    {
      g_autofree char *resolved = relance_gui_format_date (self->dispute->resolved_on);

      status = g_strdup_printf (self->dispute->status == RELANCE_DISPUTE_STATUS_JUSTIFIED
                                ? _("Justified on %s") : _("Unjustified on %s"), resolved);
    }

  add_info_row (self, _("Reason"), self->dispute->reason);
  add_info_row (self, _("Items"), numbers->str);
  add_info_row (self, _("Amount contested"), amount);
  add_info_row (self, _("Opened on"), opened);
  add_info_row (self, _("Handled by"), self->dispute->owner != NULL ? self->dispute->owner : "");
  add_info_row (self, _("Status"), status);
  if (self->dispute->credit_note_number != NULL)
    add_info_row (self, _("Credit note"), self->dispute->credit_note_number);
  if (self->dispute->resolution != NULL)
    add_info_row (self, _("Resolution"), self->dispute->resolution);

  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), is_open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->justified_check), is_open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unjustified_check), is_open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->resolution_entry), is_open);
  if (is_open)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->resolve_button));
  return self;

failed:
  gtk_window_destroy (GTK_WINDOW (self));
  return NULL;
}

/**
 * relance_dispute_dialog_select_item:
 * @self: a #RelanceDisputeDialog opening a dispute
 * @invoice_id: an item listed
 * @selected: whether it is contested
 */
void
relance_dispute_dialog_select_item (RelanceDisputeDialog *self,
                                    gint64                invoice_id,
                                    gboolean              selected)
{
  g_return_if_fail (RELANCE_IS_DISPUTE_DIALOG (self));

  for (guint i = 0; self->invoices != NULL && i < self->invoices->len; i++)
    if (relance_invoice_get_id (g_ptr_array_index (self->invoices, i)) == invoice_id)
      gtk_check_button_set_active (row_check (self, i), selected);
}
