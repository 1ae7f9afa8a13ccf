/* relance-portfolio-view.c — the customers of the portfolio as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over a GtkSingleSelection of a RelancePortfolioModel:
 * code, name, segment, outstanding, overdue, days late of the oldest
 * overdue item and DSO. The sorting is done in SQL by the model, not by
 * GTK: each column has a GtkCustomSorter that nobody uses to sort, only so
 * that its header is clickable and shows the arrow. GTK 4.8 has no public
 * API to ask the column view which column is the primary one
 * (GtkColumnViewSorter is public from 4.10), so when the view's sorter
 * changes we ask it to compare two items: it calls the sorters of its
 * columns in order, primary first, and stops at the first one that does
 * not answer "equal". Ours answer "larger" and record who was called, and
 * the column view inverts the answer when the order is descending.
 */
#define G_LOG_DOMAIN "relance-portfolio-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "relance-customer-row.h"
#include "relance-gui-utils.h"
#include "relance-portfolio-view.h"

struct _RelancePortfolioView
{
  GtkWidget              parent_instance;

  /* template children */
  GtkStack              *stack;
  GtkColumnView         *column_view;
  GtkSingleSelection    *selection;
  GtkColumnViewColumn   *code_column;
  GtkColumnViewColumn   *name_column;
  GtkColumnViewColumn   *segment_column;
  GtkColumnViewColumn   *outstanding_column;
  GtkColumnViewColumn   *overdue_column;
  GtkColumnViewColumn   *days_late_column;
  GtkColumnViewColumn   *dso_column;

  RelancePortfolioModel *model;
  char                  *currency;

  /* the column whose sorter the probe reached, + 1; 0 for none */
  int                    probed_sort;
  gboolean               applying_sort;
};

G_DEFINE_FINAL_TYPE (RelancePortfolioView, relance_portfolio_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CURRENCY,
  N_PROPS
};

enum {
  CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_titles (RelancePortfolioView *self)
{
  g_autofree char *symbol = NULL;
  g_autofree char *outstanding = NULL;
  g_autofree char *overdue = NULL;

  if (self->currency != NULL)
    {
      symbol = relance_gui_currency_symbol (self->currency);
      /* Translators: a column header; %s is a currency sign (€) */
      outstanding = g_strdup_printf (_("Outstanding (%s)"), symbol);
      /* Translators: a column header; %s is a currency sign (€) */
      overdue = g_strdup_printf (_("Overdue (%s)"), symbol);
    }
  gtk_column_view_column_set_title (self->outstanding_column,
                                    outstanding != NULL ? outstanding : _("Outstanding"));
  gtk_column_view_column_set_title (self->overdue_column,
                                    overdue != NULL ? overdue : _("Overdue"));
}

static void
update_page (RelancePortfolioView *self)
{
  gboolean empty = self->model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
items_changed_cb (GListModel           *model,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  RelancePortfolioView *self)
{
  update_page (self);
}

static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  /* a is the view itself, b its selection: see probe_order () */
  RelancePortfolioView *self = (RelancePortfolioView *) a;

  self->probed_sort = GPOINTER_TO_INT (user_data) + 1;
  return 1;
}

/* Asks the column view's sorter for its primary column and order. */
static gboolean
probe_order (RelancePortfolioView *self,
             RelancePortfolioSort *sort,
             gboolean             *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;

  if (sorter == NULL)
    return FALSE;

  /* two different items: gtk_sorter_compare() finds an item equal to
   * itself without asking the sorters */
  self->probed_sort = 0;
  ordering = gtk_sorter_compare (sorter, self, self->selection);
  if (self->probed_sort == 0)
    return FALSE;

  *sort = (RelancePortfolioSort) (self->probed_sort - 1);
  *descending = ordering == GTK_ORDERING_SMALLER;
  return TRUE;
}

static void
sorter_changed_cb (GtkSorter            *sorter,
                   GtkSorterChange       change,
                   RelancePortfolioView *self)
{
  RelancePortfolioSort sort;
  gboolean descending;

  if (self->model == NULL || self->applying_sort)
    return;

  if (!probe_order (self, &sort, &descending))
    {
      sort = RELANCE_PORTFOLIO_SORT_CODE;
      descending = FALSE;
    }
  relance_portfolio_model_set_order (self->model, sort, descending);

  /* the rows were replaced, the focused one with them: keep the focus in
   * the list rather than let it fall on whatever comes next */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static GtkColumnViewColumn *
column_for_sort (RelancePortfolioView *self,
                 RelancePortfolioSort  sort)
{
  switch (sort)
    {
    case RELANCE_PORTFOLIO_SORT_CODE:
      return self->code_column;
    case RELANCE_PORTFOLIO_SORT_NAME:
      return self->name_column;
    case RELANCE_PORTFOLIO_SORT_SEGMENT:
      return self->segment_column;
    case RELANCE_PORTFOLIO_SORT_OUTSTANDING:
      return self->outstanding_column;
    case RELANCE_PORTFOLIO_SORT_OVERDUE:
      return self->overdue_column;
    case RELANCE_PORTFOLIO_SORT_DAYS_LATE:
      return self->days_late_column;
    case RELANCE_PORTFOLIO_SORT_DSO:
      return self->dso_column;
    default:
      g_return_val_if_reached (self->code_column);
    }
}

/* Shows the model's order in the headers, without sorting again. */
static void
show_model_order (RelancePortfolioView *self)
{
  RelancePortfolioSort sort = relance_portfolio_model_get_sort (self->model);
  gboolean descending = relance_portfolio_model_get_descending (self->model);

  self->applying_sort = TRUE;
  gtk_column_view_sort_by_column (self->column_view, column_for_sort (self, sort),
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->applying_sort = FALSE;
}

static void
install_sorters (RelancePortfolioView *self)
{
  for (RelancePortfolioSort sort = RELANCE_PORTFOLIO_SORT_CODE;
       sort <= RELANCE_PORTFOLIO_SORT_DSO;
       sort++)
    {
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_sort_cb,
                                                                 GINT_TO_POINTER (sort),
                                                                 NULL);

      gtk_column_view_column_set_sorter (column_for_sort (self, sort), GTK_SORTER (sorter));
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, 0);
}

static void
selection_changed_cb (GtkSingleSelection   *selection,
                      GParamSpec           *pspec,
                      RelancePortfolioView *self)
{
  RelanceCustomerRow *row = gtk_single_selection_get_selected_item (selection);

  if (row != NULL)
    g_signal_emit (self, signals[CUSTOMER_ACTIVATED], 0, relance_customer_row_get_actor_id (row));
}

static void
activate_cb (GtkColumnView        *column_view,
             guint                 position,
             RelancePortfolioView *self)
{
  g_autoptr(RelanceCustomerRow) row = NULL;

  if (self->model == NULL)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (row != NULL)
    g_signal_emit (self, signals[CUSTOMER_ACTIVATED], 0, relance_customer_row_get_actor_id (row));
}

static void
setup_code_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelancePortfolioView     *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 8, 9));
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelancePortfolioView     *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 10, 28));
}

static void
setup_segment_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RelancePortfolioView     *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 6, 12));
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelancePortfolioView     *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 11, 12));
}

static void
setup_days_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelancePortfolioView     *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 4, 5));
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

static void
set_cell_amount (GtkListItem *list_item,
                 gint64       cents)
{
  g_autofree char *text = relance_gui_format_amount (cents, NULL);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  relance_gui_set_amount_class (cell, cents);
}

static void
bind_code_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);

  set_cell_text (list_item, relance_customer_row_get_code (row));
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);
  const char *name = relance_customer_row_get_name (row);

  set_cell_text (list_item, name);
  /* the column is often too narrow for the whole name */
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), name);
}

static void
bind_segment_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);

  set_cell_text (list_item, relance_customer_row_get_segment (row));
}

static void
bind_outstanding_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);

  set_cell_amount (list_item, relance_customer_row_get_outstanding_cents (row));
}

static void
bind_overdue_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);

  set_cell_amount (list_item, relance_customer_row_get_overdue_cents (row));
}

static void
bind_days_late_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);
  int days = relance_customer_row_get_days_late (row);
  g_autofree char *text = days > 0 ? g_strdup_printf ("%d", days) : g_strdup ("");

  set_cell_text (list_item, text);
}

static void
bind_dso_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RelancePortfolioView     *self)
{
  RelanceCustomerRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (relance_customer_row_get_has_dso (row))
    text = g_strdup_printf ("%ld", lround (relance_customer_row_get_dso_days (row)));
  set_cell_text (list_item, text);
}

static void
relance_portfolio_view_dispose (GObject *object)
{
  RelancePortfolioView *self = (RelancePortfolioView *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_PORTFOLIO_VIEW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (relance_portfolio_view_parent_class)->dispose (object);
}

static void
relance_portfolio_view_finalize (GObject *object)
{
  RelancePortfolioView *self = (RelancePortfolioView *) object;

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (relance_portfolio_view_parent_class)->finalize (object);
}

static void
relance_portfolio_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RelancePortfolioView *self = RELANCE_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_portfolio_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RelancePortfolioView *self = RELANCE_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      relance_portfolio_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_CURRENCY:
      relance_portfolio_view_set_currency (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_portfolio_view_class_init (RelancePortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_portfolio_view_dispose;
  object_class->finalize = relance_portfolio_view_finalize;
  object_class->get_property = relance_portfolio_view_get_property;
  object_class->set_property = relance_portfolio_view_set_property;

  /**
   * RelancePortfolioView:model:
   *
   * The customers shown, sorted by the model when a header is clicked.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         RELANCE_TYPE_PORTFOLIO_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelancePortfolioView:currency:
   *
   * The currency of the amount columns, said once in their headers.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RelancePortfolioView::customer-activated:
   * @self: the view
   * @actor_id: the customer selected or activated
   *
   * A customer was selected (or activated with Enter or a double click).
   */
  signals[CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, selection);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, code_column);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, segment_column);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, outstanding_column);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, overdue_column);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, days_late_column);
  gtk_widget_class_bind_template_child (widget_class, RelancePortfolioView, dso_column);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_segment_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_segment_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_outstanding_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_overdue_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_late_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_dso_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "portfolioview");
}

static void
relance_portfolio_view_init (RelancePortfolioView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  install_sorters (self);
  update_titles (self);
  update_page (self);
}

GtkWidget *
relance_portfolio_view_new (void)
{
  return g_object_new (RELANCE_TYPE_PORTFOLIO_VIEW, NULL);
}

/**
 * relance_portfolio_view_get_model:
 * @self: a #RelancePortfolioView
 *
 * Returns: (transfer none) (nullable): the customers shown
 */
RelancePortfolioModel *
relance_portfolio_view_get_model (RelancePortfolioView *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_VIEW (self), NULL);

  return self->model;
}

/**
 * relance_portfolio_view_set_model:
 * @self: a #RelancePortfolioView
 * @model: (nullable): the customers to show
 *
 * The headers show the model's order; clicking one sorts the model.
 */
void
relance_portfolio_view_set_model (RelancePortfolioView  *self,
                                  RelancePortfolioModel *model)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_VIEW (self));
  g_return_if_fail (model == NULL || RELANCE_IS_PORTFOLIO_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    {
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (items_changed_cb), self, 0);
      show_model_order (self);
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * relance_portfolio_view_get_currency:
 * @self: a #RelancePortfolioView
 *
 * Returns: (nullable): the currency of the amount columns
 */
const char *
relance_portfolio_view_get_currency (RelancePortfolioView *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_VIEW (self), NULL);

  return self->currency;
}

/**
 * relance_portfolio_view_set_currency:
 * @self: a #RelancePortfolioView
 * @currency: (nullable): an ISO 4217 code, said in the amount headers
 */
void
relance_portfolio_view_set_currency (RelancePortfolioView *self,
                                     const char           *currency)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_VIEW (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * relance_portfolio_view_select:
 * @self: a #RelancePortfolioView
 * @position: a row
 *
 * Selects the row at @position, which shows that customer's card.
 */
void
relance_portfolio_view_select (RelancePortfolioView *self,
                               guint                 position)
{
  g_return_if_fail (RELANCE_IS_PORTFOLIO_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * relance_portfolio_view_get_column_view:
 * @self: a #RelancePortfolioView
 *
 * Returns: (transfer none): the table, for the tests
 */
GtkColumnView *
relance_portfolio_view_get_column_view (RelancePortfolioView *self)
{
  g_return_val_if_fail (RELANCE_IS_PORTFOLIO_VIEW (self), NULL);

  return self->column_view;
}
