/* relance-invoices-tab.c — every item of a customer, paged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every invoice, credit note, fee and interest item of one customer,
 * paid and cancelled ones too, newest first, with what became of each.
 * The rows come from a RelanceInvoicePageModel: a page is read from the
 * store when the view reaches it, and the filter on the number is a
 * condition of the query.
 */
#define G_LOG_DOMAIN "relance-invoices-tab"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-gui-utils.h"
#include "relance-invoice-page-model.h"
#include "relance-invoices-tab.h"
#include "relance-list-row.h"

struct _RelanceInvoicesTab
{
  GtkWidget                parent_instance;

  /* template children */
  GtkLabel                *title_label;
  GtkSearchEntry          *filter_entry;
  GtkStack                *stack;
  GtkColumnView           *column_view;

  /* state */
  RelanceInvoicePageModel *model;
  RelanceDatabase         *db;
  gint64                   actor_id;
};

G_DEFINE_FINAL_TYPE (RelanceInvoicesTab, relance_invoices_tab, GTK_TYPE_WIDGET)

/* Helpers */

static const char *
kind_label (RelanceInvoiceKind kind)
{
  switch (kind)
    {
    case RELANCE_INVOICE_KIND_CREDIT_NOTE:
      return _("Credit note");
    case RELANCE_INVOICE_KIND_FEE:
      return _("Fee");
    case RELANCE_INVOICE_KIND_INTEREST:
      return _("Interest");
    case RELANCE_INVOICE_KIND_INVOICE:
    default:
      return _("Invoice");
    }
}

/* What became of an item, with the CSS class that colours it */
static const char *
status_label (RelanceInvoice  *invoice,
              const char     **css_class)
{
  gint64 remaining = relance_invoice_get_remaining_cents (invoice);

  *css_class = NULL;
  if (relance_invoice_get_cancelled (invoice))
    return _("Cancelled");
  if (remaining == 0)
    {
      *css_class = "success";
      return relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_CREDIT_NOTE
             ? _("Applied") : _("Paid");
    }
  if (relance_invoice_get_allocated_cents (invoice) != 0)
    {
      *css_class = "warning";
      return _("Partly paid");
    }
  *css_class = "accent";
  return _("Open");
}

static gboolean
load (RelanceInvoicesTab  *self,
      GError             **error)
{
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *title = NULL;
  guint n_items;

  if (!relance_invoice_page_model_load (self->model, self->db, self->actor_id, filter, error))
    return FALSE;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  /* Translators: the heading of every item of a customer */
  title = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);
  gtk_label_set_text (self->title_label, title);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "items" : "none");
  return TRUE;
}

/* Signal callbacks */

static void
filter_changed_cb (GtkSearchEntry     *entry,
                   RelanceInvoicesTab *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db != NULL && !load (self, &error))
    g_warning ("Could not filter the invoices: %s", error->message);
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelanceInvoicesTab       *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 10, 12));
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelanceInvoicesTab       *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 12, 13));
}

static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_text (list_item, relance_invoice_get_number (invoice));
}

static void
bind_kind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_text (list_item, kind_label (relance_invoice_get_kind (invoice)));
}

static void
bind_issue_date_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_date (list_item, relance_invoice_get_issue_date (invoice));
}

static void
bind_due_date_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_date (list_item, relance_invoice_get_due_date (invoice));
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_amount (list_item, relance_invoice_get_amount_cents (invoice),
                                    relance_invoice_get_currency (invoice));
}

static void
bind_paid_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_amount (list_item, relance_invoice_get_allocated_cents (invoice),
                                    relance_invoice_get_currency (invoice));
}

static void
bind_remaining_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelanceInvoicesTab       *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_amount (list_item, relance_invoice_get_cancelled (invoice)
                                               ? 0 : relance_invoice_get_remaining_cents (invoice),
                                    relance_invoice_get_currency (invoice));
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceInvoicesTab       *self)
{
  static const char * const classes[] = { "success", "warning", "accent" };
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *css_class;
  const char *text = status_label (gtk_list_item_get_item (list_item), &css_class);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* GObject */

static void
relance_invoices_tab_dispose (GObject *object)
{
  RelanceInvoicesTab *self = RELANCE_INVOICES_TAB (object);

  relance_list_row_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_INVOICES_TAB,
                                     self->column_view);
  g_clear_object (&self->model);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_invoices_tab_parent_class)->dispose (object);
}

static void
relance_invoices_tab_class_init (RelanceInvoicesTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_invoices_tab_dispose;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-invoices-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceInvoicesTab, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceInvoicesTab, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceInvoicesTab, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceInvoicesTab, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_amount_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_status_cb",
                                                G_CALLBACK (relance_list_row_setup_tag_cb));
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_issue_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_due_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_paid_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_remaining_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "invoicestab");
}

static void
relance_invoices_tab_init (RelanceInvoicesTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = relance_invoice_page_model_new ();
  relance_list_row_set_model (self->column_view, G_LIST_MODEL (self->model), FALSE);
}

/* Public API */

/**
 * relance_invoices_tab_show:
 * @self: a #RelanceInvoicesTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @evaluation_day: the day of the figures (unused: the status of an item
 *   does not depend on it)
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_invoices_tab_show (RelanceInvoicesTab  *self,
                           RelanceDatabase     *db,
                           gint64               actor_id,
                           RelanceDate          evaluation_day,
                           GError             **error)
{
  g_return_val_if_fail (RELANCE_IS_INVOICES_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (self->actor_id != actor_id)
    {
      /* the filter is cleared first, so that its callback reloads nothing */
      g_clear_object (&self->db);
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
    }
  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  return load (self, error);
}

/**
 * relance_invoices_tab_clear:
 * @self: a #RelanceInvoicesTab
 *
 * Shows nothing and lets the database go.
 */
void
relance_invoices_tab_clear (RelanceInvoicesTab *self)
{
  g_return_if_fail (RELANCE_IS_INVOICES_TAB (self));

  g_clear_object (&self->db);
  self->actor_id = 0;
  relance_invoice_page_model_clear (self->model);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

/**
 * relance_invoices_tab_get_model:
 * @self: a #RelanceInvoicesTab
 *
 * Returns: (transfer none): the items (#RelanceInvoice), newest first
 */
GListModel *
relance_invoices_tab_get_model (RelanceInvoicesTab *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICES_TAB (self), NULL);

  return G_LIST_MODEL (self->model);
}
