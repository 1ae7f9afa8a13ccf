/* relance-promises-view.c — the promises to pay of the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open promises by their next instalment due (what the agent checks
 * on that day), then, with the filter on all, the kept, broken and
 * cancelled ones. Activating a row opens the customer's card
 * (win.open-customer).
 */
#define G_LOG_DOMAIN "relance-promises-view"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-promises-view.h"
#include "relance-gui-utils.h"
#include "relance-list-row.h"

struct _RelancePromisesView
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

G_DEFINE_FINAL_TYPE (RelancePromisesView, relance_promises_view, GTK_TYPE_WIDGET)

/* Helpers */

static char *
status_text (const RelancePromiseRow *row)
{
  switch (row->status)
    {
    case RELANCE_PROMISE_STATUS_OPEN:
      return g_strdup (_("Open"));
    case RELANCE_PROMISE_STATUS_KEPT:
      return g_strdup (_("Kept"));
    case RELANCE_PROMISE_STATUS_BROKEN:
      return g_strdup (_("Broken"));
    case RELANCE_PROMISE_STATUS_CANCELLED:
    default:
      return g_strdup (_("Cancelled"));
    }
}

static char *
customer_text (const RelancePromiseRow *row)
{
  return g_strdup_printf (_("%s — %s"), row->actor_code, row->actor_name);
}

static char *
next_due_text (const RelancePromiseRow *row)
{
  return relance_gui_format_date (row->next_due);
}

static char *
next_amount_text (const RelancePromiseRow *row)
{
  if (row->next_due == RELANCE_DATE_NONE)
    return g_strdup ("");
  return relance_gui_format_amount (row->next_cents, row->currency);
}

static char *
total_text (const RelancePromiseRow *row)
{
  return relance_gui_format_amount (row->total_cents, row->currency);
}

static char *
paid_text (const RelancePromiseRow *row)
{
  return relance_gui_format_amount (row->paid_cents, row->currency);
}

static char *
instalments_text (const RelancePromiseRow *row)
{
  return g_strdup_printf (ngettext ("%u instalment", "%u instalments", row->n_instalments),
                          row->n_instalments);
}

static char *
made_text (const RelancePromiseRow *row)
{
  return relance_gui_format_date (row->made_on);
}

static const RelanceListRowColumn columns[] = {
  { N_("Status"), (RelanceListRowText) status_text, 0, FALSE },
  { N_("Customer"), (RelanceListRowText) customer_text, 0, TRUE },
  { N_("Next Due"), (RelanceListRowText) next_due_text, 1, FALSE },
  { N_("Amount Due"), (RelanceListRowText) next_amount_text, 1, FALSE },
  { N_("Promised"), (RelanceListRowText) total_text, 1, FALSE },
  { N_("Paid"), (RelanceListRowText) paid_text, 1, FALSE },
  { N_("Instalments"), (RelanceListRowText) instalments_text, 1, FALSE },
  { N_("Made On"), (RelanceListRowText) made_text, 1, FALSE },
};

/* Signal callbacks */

static void
filter_changed_cb (RelancePromisesView *self)
{
  relance_promises_view_reload (self);
}

static void
activate_cb (RelancePromisesView *self,
             guint                position)
{
  const RelancePromiseRow *row = relance_list_row_peek_data (G_LIST_MODEL (self->store), position);

  if (row == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-customer", "x", row->actor_id);
}

/* Overrides */

static void
relance_promises_view_dispose (GObject *object)
{
  RelancePromisesView *self = (RelancePromisesView *) object;

  relance_list_row_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_PROMISES_VIEW,
                                     self->column_view);

  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_promises_view_parent_class)->dispose (object);
}

static void
relance_promises_view_class_init (RelancePromisesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_promises_view_dispose;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-promises-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelancePromisesView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelancePromisesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RelancePromisesView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelancePromisesView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "promisesview");
}

static void
relance_promises_view_init (RelancePromisesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (RELANCE_TYPE_LIST_ROW);
  relance_list_row_set_model (self->column_view, G_LIST_MODEL (self->store), TRUE);
  relance_list_row_add_columns (self->column_view, columns, G_N_ELEMENTS (columns));
}

/* Public API */

/**
 * relance_promises_view_new:
 *
 * Returns: (transfer floating): an empty promises page
 */
GtkWidget *
relance_promises_view_new (void)
{
  return g_object_new (RELANCE_TYPE_PROMISES_VIEW, NULL);
}

/**
 * relance_promises_view_set_database:
 * @self: a #RelancePromisesView
 * @db: (nullable): the window's connection
 *
 * Lists the promises of @db.
 */
void
relance_promises_view_set_database (RelancePromisesView *self,
                                    RelanceDatabase     *db)
{
  g_return_if_fail (RELANCE_IS_PROMISES_VIEW (self));

  g_set_object (&self->db, db);
  relance_promises_view_reload (self);
}

/**
 * relance_promises_view_reload:
 * @self: a #RelancePromisesView
 *
 * Reads the promises again.
 */
void
relance_promises_view_reload (RelancePromisesView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gboolean open_only;
  guint n;

  g_return_if_fail (RELANCE_IS_PROMISES_VIEW (self));

  open_only = gtk_drop_down_get_selected (self->filter_dropdown) == 0;
  if (self->db != NULL)
    rows = relance_workspace_store_list_promises (self->db, open_only, &error);
  if (error != NULL)
    g_warning ("Cannot read the promises: %s", error->message);

  n = relance_list_row_show_rows (self->store, rows, (GDestroyNotify) relance_promise_row_free,
                                  self->stack);

  count = g_strdup_printf (ngettext ("%u promise", "%u promises", n), n);
  gtk_label_set_text (self->count_label, count);
}

/**
 * relance_promises_view_set_open_only:
 * @self: a #RelancePromisesView
 * @open_only: show only the open promises
 */
void
relance_promises_view_set_open_only (RelancePromisesView *self,
                                     gboolean             open_only)
{
  g_return_if_fail (RELANCE_IS_PROMISES_VIEW (self));

  gtk_drop_down_set_selected (self->filter_dropdown, open_only ? 0 : 1);
}

/**
 * relance_promises_view_get_model:
 * @self: a #RelancePromisesView
 *
 * Returns: (transfer none): the rows (#RelanceListRow of a
 *   #RelancePromiseRow)
 */
GListModel *
relance_promises_view_get_model (RelancePromisesView *self)
{
  g_return_val_if_fail (RELANCE_IS_PROMISES_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}
