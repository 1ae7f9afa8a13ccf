/* relance-payments-tab.c — a customer's payments and what they settled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each payment, newest first, with the items it was allocated to and the
 * amount of each, the remainder not allocated (the « compte d'attente »),
 * and the bank rejections marked. The allocations are read in one query
 * and turned into one line of text per payment.
 */
#define G_LOG_DOMAIN "relance-payments-tab"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-gui-utils.h"
#include "relance-list-row.h"
#include "relance-payments-tab.h"

struct _RelancePaymentsTab
{
  GtkWidget      parent_instance;

  /* template children */
  GtkLabel      *title_label;
  GtkStack      *stack;
  GtkColumnView *column_view;

  /* state */
  GListStore    *payments;
  GHashTable    *allocations;  /* payment id (gint64 *) → text */
};

G_DEFINE_FINAL_TYPE (RelancePaymentsTab, relance_payments_tab, GTK_TYPE_WIDGET)

/* Helpers */

static gboolean
read_allocations (RelancePaymentsTab  *self,
                  RelanceDatabase     *db,
                  gint64               actor_id,
                  GPtrArray           *payments,
                  GError             **error)
{
  g_autoptr(GPtrArray) allocations = relance_card_store_list_allocations (db, actor_id, error);
  g_autoptr(GHashTable) currencies = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (allocations == NULL)
    return FALSE;

  for (guint i = 0; i < payments->len; i++)
    {
      RelancePayment *payment = g_ptr_array_index (payments, i);
      gint64 *id = g_new (gint64, 1);

      *id = relance_payment_get_id (payment);
      g_hash_table_insert (currencies, id, (gpointer) relance_payment_get_currency (payment));
      g_hash_table_insert (self->allocations, id, g_string_new (NULL));
    }
  for (guint i = 0; i < allocations->len; i++)
    {
      RelanceCardAllocation *allocation = g_ptr_array_index (allocations, i);
      GString *text = g_hash_table_lookup (self->allocations, &allocation->payment_id);
      g_autofree char *amount = NULL;

      if (text == NULL)
        continue;
      amount = relance_gui_format_amount (allocation->amount_cents,
                                          g_hash_table_lookup (currencies, &allocation->payment_id));
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s %s", allocation->invoice_number, amount);
    }
  return TRUE;
}

/* Signal callbacks */

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelancePaymentsTab       *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 10, 14));
}

static void
setup_allocations_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      RelancePaymentsTab       *self)
{
  GtkWidget *cell = relance_gui_new_cell (0.0f, 20, 40);

  /* the whole list of items shows on hover when the column is narrow */
  gtk_widget_set_has_tooltip (cell, TRUE);
  gtk_list_item_set_child (list_item, cell);
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelancePaymentsTab       *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 12, 13));
}

static void
bind_date_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelancePaymentsTab       *self)
{
  RelancePayment *payment = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_date (list_item, relance_payment_get_date (payment));
}

static void
bind_reference_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelancePaymentsTab       *self)
{
  RelancePayment *payment = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_text (list_item, relance_payment_get_reference (payment));
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelancePaymentsTab       *self)
{
  RelancePayment *payment = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_amount (list_item, relance_payment_get_amount_cents (payment),
                                    relance_payment_get_currency (payment));
}

static void
bind_allocations_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RelancePaymentsTab       *self)
{
  RelancePayment *payment = gtk_list_item_get_item (list_item);
  const char *text = relance_payments_tab_get_allocations_text (self, relance_payment_get_id (payment));

  relance_list_row_set_cell_text (list_item, text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item),
                               text != NULL && *text != '\0' ? text : NULL);
}

static void
bind_unallocated_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RelancePaymentsTab       *self)
{
  RelancePayment *payment = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_amount (list_item, relance_payment_get_rejected (payment)
                                               ? 0 : relance_payment_get_unallocated_cents (payment),
                                    relance_payment_get_currency (payment));
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelancePaymentsTab       *self)
{
  static const char * const classes[] = { "error", "success", "warning" };
  RelancePayment *payment = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text;
  const char *css_class;

  if (relance_payment_get_rejected (payment))
    {
      text = _("Rejected");
      css_class = "error";
    }
  else if (relance_payment_get_unallocated_cents (payment) == 0)
    {
      text = _("Allocated");
      css_class = "success";
    }
  else if (relance_payment_get_allocated_cents (payment) != 0)
    {
      text = _("Partly allocated");
      css_class = "warning";
    }
  else
    {
      text = _("Unallocated");
      css_class = "warning";
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, css_class);
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* GObject */

static void
relance_payments_tab_dispose (GObject *object)
{
  RelancePaymentsTab *self = RELANCE_PAYMENTS_TAB (object);

  relance_list_row_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_PAYMENTS_TAB,
                                     self->column_view);
  g_clear_object (&self->payments);

  G_OBJECT_CLASS (relance_payments_tab_parent_class)->dispose (object);
}

static void
relance_payments_tab_finalize (GObject *object)
{
  RelancePaymentsTab *self = RELANCE_PAYMENTS_TAB (object);

  g_hash_table_unref (self->allocations);

  G_OBJECT_CLASS (relance_payments_tab_parent_class)->finalize (object);
}

static void
free_text (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
relance_payments_tab_class_init (RelancePaymentsTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_payments_tab_dispose;
  object_class->finalize = relance_payments_tab_finalize;

  g_type_ensure (RELANCE_TYPE_PAYMENT);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-payments-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelancePaymentsTab, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelancePaymentsTab, stack);
  gtk_widget_class_bind_template_child (widget_class, RelancePaymentsTab, column_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_allocations_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_amount_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_status_cb",
                                                G_CALLBACK (relance_list_row_setup_tag_cb));
  gtk_widget_class_bind_template_callback (widget_class, bind_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_reference_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_allocations_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_unallocated_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "paymentstab");
}

static void
relance_payments_tab_init (RelancePaymentsTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->allocations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_text);
  self->payments = g_list_store_new (RELANCE_TYPE_PAYMENT);
  relance_list_row_set_model (self->column_view, G_LIST_MODEL (self->payments), FALSE);
}

/* Public API */

/**
 * relance_payments_tab_show:
 * @self: a #RelancePaymentsTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_payments_tab_show (RelancePaymentsTab  *self,
                           RelanceDatabase     *db,
                           gint64               actor_id,
                           GError             **error)
{
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RELANCE_IS_PAYMENTS_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  payments = relance_payment_store_list_for_actor (db, actor_id, error);
  if (payments == NULL)
    return FALSE;

  /* the texts are set before the rows are bound, which read them */
  g_list_store_remove_all (self->payments);
  g_hash_table_remove_all (self->allocations);
  if (!read_allocations (self, db, actor_id, payments, error))
    return FALSE;
  g_list_store_splice (self->payments, 0, 0, payments->pdata, payments->len);

  /* Translators: the heading of a customer's payments */
  title = g_strdup_printf (ngettext ("%u payment", "%u payments", payments->len), payments->len);
  gtk_label_set_text (self->title_label, title);
  gtk_stack_set_visible_child_name (self->stack, payments->len > 0 ? "items" : "none");
  return TRUE;
}

/**
 * relance_payments_tab_clear:
 * @self: a #RelancePaymentsTab
 *
 * Shows nothing.
 */
void
relance_payments_tab_clear (RelancePaymentsTab *self)
{
  g_return_if_fail (RELANCE_IS_PAYMENTS_TAB (self));

  g_list_store_remove_all (self->payments);
  g_hash_table_remove_all (self->allocations);
}

/**
 * relance_payments_tab_get_model:
 * @self: a #RelancePaymentsTab
 *
 * Returns: (transfer none): the payments (#RelancePayment), newest first
 */
GListModel *
relance_payments_tab_get_model (RelancePaymentsTab *self)
{
  g_return_val_if_fail (RELANCE_IS_PAYMENTS_TAB (self), NULL);

  return G_LIST_MODEL (self->payments);
}

/**
 * relance_payments_tab_get_allocations_text:
 * @self: a #RelancePaymentsTab
 * @payment_id: a payment shown
 *
 * Returns: (nullable): the items the payment settled, with the amounts;
 *   "" for none, %NULL for a payment not shown
 */
const char *
relance_payments_tab_get_allocations_text (RelancePaymentsTab *self,
                                           gint64              payment_id)
{
  GString *text;

  g_return_val_if_fail (RELANCE_IS_PAYMENTS_TAB (self), NULL);

  text = g_hash_table_lookup (self->allocations, &payment_id);
  return text != NULL ? text->str : NULL;
}
