/* relance-card-disputes-tab.c — a customer's disputes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every dispute (litige) of one customer, newest first: why, the amount
 * contested, the items, and how it ended. An open one has a button that
 * activates win.resolve-dispute, whose dialog writes the resolution.
 */
#define G_LOG_DOMAIN "relance-card-disputes-tab"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-card-disputes-tab.h"
#include "relance-gui-utils.h"

struct _RelanceCardDisputesTab
{
  GtkWidget   parent_instance;

  /* template children */
  GtkLabel   *title_label;
  GtkLabel   *empty_label;
  GtkListBox *list_box;

  /* state */
  guint       n_disputes;
};

G_DEFINE_FINAL_TYPE (RelanceCardDisputesTab, relance_card_disputes_tab, GTK_TYPE_WIDGET)

/* Helpers */

static const char *
status_label (RelanceDisputeStatus  status,
              const char          **css_class)
{
  switch (status)
    {
    case RELANCE_DISPUTE_STATUS_JUSTIFIED:
      *css_class = "success";
      return _("Justified");
    case RELANCE_DISPUTE_STATUS_UNJUSTIFIED:
      *css_class = "accent";
      return _("Unjustified");
    case RELANCE_DISPUTE_STATUS_OPEN:
    default:
      *css_class = "warning";
      return _("Open");
    }
}

static GtkWidget *
new_dispute_row (RelanceDispute *dispute)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *opened = relance_gui_format_date (dispute->opened_on);
  g_autofree char *amount = relance_gui_format_amount (dispute->amount_cents, dispute->currency);
  g_autofree char *items = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *amount_label = gtk_label_new (amount);
  const char *css_class;
  GtkWidget *status = gtk_label_new (status_label (dispute->status, &css_class));

  g_ptr_array_add (dispute->invoice_numbers, NULL);
  items = g_strjoinv (", ", (char **) dispute->invoice_numbers->pdata);
  g_ptr_array_remove_index (dispute->invoice_numbers, dispute->invoice_numbers->len - 1);

  /* Translators: when a dispute was opened */
  g_string_append_printf (subtitle, _("Opened on %s"), opened);
  if (*items != '\0')
    /* Translators: the invoices a dispute is about */
    g_string_append_printf (subtitle, "  ·  %s", items);
  if (dispute->resolved_on != RELANCE_DATE_NONE)
    {
      g_autofree char *resolved = relance_gui_format_date (dispute->resolved_on);

      g_string_append (subtitle, "  ·  ");
      /* Translators: when a dispute was resolved */
      g_string_append_printf (subtitle, _("Resolved on %s"), resolved);
    }
  if (dispute->resolution != NULL && *dispute->resolution != '\0')
    g_string_append_printf (subtitle, "  ·  %s", dispute->resolution);
  else if (dispute->comment != NULL && *dispute->comment != '\0')
    g_string_append_printf (subtitle, "  ·  %s", dispute->comment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dispute->reason);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_add_css_class (amount_label, "numeric");
  relance_gui_set_amount_class (amount_label, dispute->amount_cents);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "tag");
  gtk_widget_add_css_class (status, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

  if (dispute->status == RELANCE_DISPUTE_STATUS_OPEN)
    {
      GtkWidget *resolve = gtk_button_new_with_mnemonic (_("_Resolve…"));

      gtk_widget_set_valign (resolve, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (resolve, _("Record how the dispute ended"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (resolve), "x", dispute->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (resolve), "win.resolve-dispute");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), resolve);
    }
  return row;
}

/* GObject */

static void
relance_card_disputes_tab_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_CARD_DISPUTES_TAB);
  /* the template's root has no id: dispose_template leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (relance_card_disputes_tab_parent_class)->dispose (object);
}

static void
relance_card_disputes_tab_class_init (RelanceCardDisputesTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_card_disputes_tab_dispose;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-card-disputes-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCardDisputesTab, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCardDisputesTab, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCardDisputesTab, list_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "disputestab");
}

static void
relance_card_disputes_tab_init (RelanceCardDisputesTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_card_disputes_tab_show:
 * @self: a #RelanceCardDisputesTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_card_disputes_tab_show (RelanceCardDisputesTab  *self,
                                RelanceDatabase         *db,
                                gint64                   actor_id,
                                GError                 **error)
{
  g_autoptr(GPtrArray) disputes = NULL;
  g_autofree char *title = NULL;
  guint n_open = 0;

  g_return_val_if_fail (RELANCE_IS_CARD_DISPUTES_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  disputes = relance_dispute_store_list (db, actor_id, FALSE, error);
  if (disputes == NULL)
    return FALSE;

  relance_card_disputes_tab_clear (self);
  for (guint i = 0; i < disputes->len; i++)
    {
      RelanceDispute *dispute = g_ptr_array_index (disputes, i);

      if (dispute->status == RELANCE_DISPUTE_STATUS_OPEN)
        n_open++;
      gtk_list_box_append (self->list_box, new_dispute_row (dispute));
    }
  self->n_disputes = disputes->len;

  /* Translators: the heading of a customer's disputes: "3 disputes, 1 open" */
  title = g_strdup_printf (ngettext ("%u dispute, %u open", "%u disputes, %u open", disputes->len),
                           disputes->len, n_open);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), disputes->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), disputes->len == 0);
  return TRUE;
}

/**
 * relance_card_disputes_tab_clear:
 * @self: a #RelanceCardDisputesTab
 *
 * Shows nothing.
 */
void
relance_card_disputes_tab_clear (RelanceCardDisputesTab *self)
{
  GtkWidget *child;

  g_return_if_fail (RELANCE_IS_CARD_DISPUTES_TAB (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_disputes = 0;
}

/**
 * relance_card_disputes_tab_get_n_disputes:
 * @self: a #RelanceCardDisputesTab
 *
 * Returns: the number of disputes shown
 */
guint
relance_card_disputes_tab_get_n_disputes (RelanceCardDisputesTab *self)
{
  g_return_val_if_fail (RELANCE_IS_CARD_DISPUTES_TAB (self), 0);

  return self->n_disputes;
}
