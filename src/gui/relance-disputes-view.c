/* relance-disputes-view.c — the disputes of the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every dispute, the open ones first: status, customer, amount, reason,
 * owner, the day it was opened and how many invoices it contests.
 * Activating an open dispute resolves it (win.resolve-dispute); any
 * other opens its customer's card (win.open-customer).
 */
#define G_LOG_DOMAIN "relance-disputes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-disputes-view.h"
#include "relance-gui-utils.h"
#include "relance-list-row.h"

struct _RelanceDisputesView
{
  GtkWidget        parent_instance;

  /* template children */
  GtkDropDown     *filter_dropdown;
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkColumnView   *column_view;

  /* state */
  RelanceDatabase *db;
  GListStore      *store;
};

G_DEFINE_FINAL_TYPE (RelanceDisputesView, relance_disputes_view, GTK_TYPE_WIDGET)

/* Helpers */

static char *
status_text (const RelanceDisputeRow *row)
{
  switch (row->status)
    {
    case RELANCE_DISPUTE_STATUS_OPEN:
      return g_strdup (_("Open"));
    case RELANCE_DISPUTE_STATUS_JUSTIFIED:
      return g_strdup (_("Justified"));
    case RELANCE_DISPUTE_STATUS_UNJUSTIFIED:
    default:
      return g_strdup (_("Unjustified"));
    }
}

static char *
customer_text (const RelanceDisputeRow *row)
{
  return g_strdup_printf (_("%s — %s"), row->actor_code, row->actor_name);
}

static char *
amount_text (const RelanceDisputeRow *row)
{
  return relance_gui_format_amount (row->amount_cents, row->currency);
}

static char *
reason_text (const RelanceDisputeRow *row)
{
  return g_strdup (row->reason);
}

static char *
owner_text (const RelanceDisputeRow *row)
{
  return g_strdup (row->owner != NULL ? row->owner : "");
}

static char *
opened_text (const RelanceDisputeRow *row)
{
  return relance_gui_format_date (row->opened_on);
}

static char *
items_text (const RelanceDisputeRow *row)
{
  return g_strdup_printf (ngettext ("%u invoice", "%u invoices", row->n_items), row->n_items);
}

static const RelanceListRowColumn columns[] = {
  { N_("Status"), (RelanceListRowText) status_text, 0, FALSE },
  { N_("Customer"), (RelanceListRowText) customer_text, 0, TRUE },
  { N_("Amount"), (RelanceListRowText) amount_text, 1, FALSE },
  { N_("Reason"), (RelanceListRowText) reason_text, 0, TRUE },
  { N_("Owner"), (RelanceListRowText) owner_text, 0, FALSE },
  { N_("Opened"), (RelanceListRowText) opened_text, 1, FALSE },
  { N_("Items"), (RelanceListRowText) items_text, 1, FALSE },
};

/* Signal callbacks */

static void
filter_changed_cb (RelanceDisputesView *self)
{
  relance_disputes_view_reload (self);
}

static void
activate_cb (RelanceDisputesView *self,
             guint                position)
{
  const RelanceDisputeRow *row = relance_list_row_peek_data (G_LIST_MODEL (self->store), position);

  if (row == NULL)
    return;
  if (row->status == RELANCE_DISPUTE_STATUS_OPEN)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.resolve-dispute", "x", row->id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-customer", "x", row->actor_id);
}

/* Overrides */

static void
relance_disputes_view_dispose (GObject *object)
{
  RelanceDisputesView *self = (RelanceDisputesView *) object;

  relance_list_row_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_DISPUTES_VIEW,
                                     self->column_view);

  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_disputes_view_parent_class)->dispose (object);
}

static void
relance_disputes_view_class_init (RelanceDisputesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_disputes_view_dispose;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-disputes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceDisputesView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceDisputesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceDisputesView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceDisputesView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "disputesview");
}

static void
relance_disputes_view_init (RelanceDisputesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (RELANCE_TYPE_LIST_ROW);
  relance_list_row_set_model (self->column_view, G_LIST_MODEL (self->store), TRUE);
  relance_list_row_add_columns (self->column_view, columns, G_N_ELEMENTS (columns));
}

/* Public API */

/**
 * relance_disputes_view_new:
 *
 * Returns: (transfer floating): an empty disputes page
 */
GtkWidget *
relance_disputes_view_new (void)
{
  return g_object_new (RELANCE_TYPE_DISPUTES_VIEW, NULL);
}

/**
 * relance_disputes_view_set_database:
 * @self: a #RelanceDisputesView
 * @db: (nullable): the window's connection
 *
 * Lists the disputes of @db.
 */
void
relance_disputes_view_set_database (RelanceDisputesView *self,
                                    RelanceDatabase     *db)
{
  g_return_if_fail (RELANCE_IS_DISPUTES_VIEW (self));

  g_set_object (&self->db, db);
  relance_disputes_view_reload (self);
}

/**
 * relance_disputes_view_reload:
 * @self: a #RelanceDisputesView
 *
 * Reads the disputes again.
 */
void
relance_disputes_view_reload (RelanceDisputesView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gboolean open_only;
  guint n;

  g_return_if_fail (RELANCE_IS_DISPUTES_VIEW (self));

  open_only = gtk_drop_down_get_selected (self->filter_dropdown) == 0;
  if (self->db != NULL)
    rows = relance_workspace_store_list_disputes (self->db, open_only, &error);
  if (error != NULL)
    g_warning ("Cannot read the disputes: %s", error->message);

  n = relance_list_row_show_rows (self->store, rows, (GDestroyNotify) relance_dispute_row_free,
                                  self->stack);

  count = g_strdup_printf (ngettext ("%u dispute", "%u disputes", n), n);
  gtk_label_set_text (self->count_label, count);
}

/**
 * relance_disputes_view_set_open_only:
 * @self: a #RelanceDisputesView
 * @open_only: show only the open disputes
 */
void
relance_disputes_view_set_open_only (RelanceDisputesView *self,
                                     gboolean             open_only)
{
  g_return_if_fail (RELANCE_IS_DISPUTES_VIEW (self));

  gtk_drop_down_set_selected (self->filter_dropdown, open_only ? 0 : 1);
}

/**
 * relance_disputes_view_get_model:
 * @self: a #RelanceDisputesView
 *
 * Returns: (transfer none): the rows (#RelanceListRow of a
 *   #RelanceDisputeRow)
 */
GListModel *
relance_disputes_view_get_model (RelanceDisputesView *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTES_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}
