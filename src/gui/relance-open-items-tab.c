/* relance-open-items-tab.c — a customer's open items, to select for an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open items of one customer in a GtkColumnView: a filter on the
 * number, a sort by any column, and a multiple selection that the buttons
 * hand to the window's actions (win.new-action, win.new-dispute with the
 * selected ids; win.new-promise). A customer has at most a few thousand
 * open items: they are read at once into a GListStore, and the filter and
 * sort models work on it in memory; only the visible rows have widgets,
 * so 5,000 items show as fast as 50.
 */
#define G_LOG_DOMAIN "relance-open-items-tab"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-gui-utils.h"
#include "relance-list-row.h"
#include "relance-open-items-tab.h"

struct _RelanceOpenItemsTab
{
  GtkWidget            parent_instance;

  /* template children */
  GtkLabel            *title_label;
  GtkSearchEntry      *filter_entry;
  GtkButton           *new_action_button;
  GtkButton           *dispute_button;
  GtkButton           *promise_button;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *amount_column;
  GtkColumnViewColumn *paid_column;
  GtkColumnViewColumn *remaining_column;

  /* models: items → filter → sort → selection */
  GListStore          *items;
  GtkStringFilter     *filter;
  GtkMultiSelection   *selection;

  /* state */
  gint64               actor_id;
  RelanceDate          evaluation_day;
  GArray              *disputed_ids;    /* sorted, for relance_dispute_ids_contain() */
  GArray              *litigation_ids;  /* the same */
  char                 currency[4];     /* of every item, "" when mixed */
};

G_DEFINE_FINAL_TYPE (RelanceOpenItemsTab, relance_open_items_tab, GTK_TYPE_WIDGET)

/* Helpers */

static void
set_amount_title (RelanceOpenItemsTab *self,
                  GtkColumnViewColumn *column,
                  const char          *title)
{
  g_autofree char *with_currency = NULL;

  if (self->currency[0] != '\0')
    {
      g_autofree char *symbol = relance_gui_currency_symbol (self->currency);

      /* Translators: a column header and its currency sign: "Paid (€)" */
      with_currency = g_strdup_printf (_("%s (%s)"), title, symbol);
    }
  gtk_column_view_column_set_title (column, with_currency != NULL ? with_currency : title);
}

static void
find_currency (RelanceOpenItemsTab *self,
               GPtrArray           *items)
{
  self->currency[0] = '\0';
  for (guint i = 0; i < items->len; i++)
    {
      const char *currency = relance_invoice_get_currency (g_ptr_array_index (items, i));

      if (i == 0)
        g_strlcpy (self->currency, currency, sizeof self->currency);
      else if (g_strcmp0 (currency, self->currency) != 0)
        {
          self->currency[0] = '\0';
          break;
        }
    }
  set_amount_title (self, self->amount_column, _("Amount incl. tax"));
  set_amount_title (self, self->paid_column, _("Paid"));
  set_amount_title (self, self->remaining_column, _("Remaining"));
}

static void
update_title (RelanceOpenItemsTab *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *title = NULL;

  /* Translators: the heading of a customer's open items, with their number */
  title = g_strdup_printf (ngettext ("%u open item", "%u open items", n_items), n_items);
  if (n_selected > 0)
    {
      g_autofree char *with_selection = NULL;

      /* Translators: "12 open items · 2 selected" */
      with_selection = g_strdup_printf (ngettext ("%s · %u selected", "%s · %u selected", n_selected),
                                        title, n_selected);
      gtk_label_set_text (self->title_label, with_selection);
    }
  else
    gtk_label_set_text (self->title_label, title);

  gtk_widget_set_sensitive (GTK_WIDGET (self->dispute_button), n_selected > 0);
}

static void
activate_with_selection (RelanceOpenItemsTab *self,
                         const char          *action)
{
  g_autoptr(GArray) ids = relance_open_items_tab_dup_selected_ids (self);
  GVariant *parameter;

  parameter = g_variant_new ("(x@ax)", self->actor_id,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data,
                                                        ids->len, sizeof (gint64)));
  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, parameter);
}

/* Signal callbacks */

static void
selection_changed_cb (GtkSelectionModel   *model,
                      guint                position,
                      guint                n_items,
                      RelanceOpenItemsTab *self)
{
  update_title (self);
}

static void
items_changed_cb (GListModel          *model,
                  guint                position,
                  guint                removed,
                  guint                added,
                  RelanceOpenItemsTab *self)
{
  update_title (self);
}

static void
filter_changed_cb (GtkSearchEntry      *entry,
                   RelanceOpenItemsTab *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
new_action_clicked_cb (GtkButton           *button,
                       RelanceOpenItemsTab *self)
{
  activate_with_selection (self, "win.new-action");
}

static void
dispute_clicked_cb (GtkButton           *button,
                    RelanceOpenItemsTab *self)
{
  activate_with_selection (self, "win.new-dispute");
}

static void
promise_clicked_cb (GtkButton           *button,
                    RelanceOpenItemsTab *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-promise", "x", self->actor_id);
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelanceOpenItemsTab      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 10, 12));
}

static void
setup_days_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelanceOpenItemsTab      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 4, 5));
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelanceOpenItemsTab      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 11, 12));
}

/* The amount, with its currency only when the headers cannot say it. */
static void
set_cell_amount (RelanceOpenItemsTab *self,
                 GtkListItem         *list_item,
                 gint64               cents,
                 const char          *currency)
{
  relance_list_row_set_cell_amount (list_item, cents, self->currency[0] != '\0' ? NULL : currency);
}

static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_text (list_item, relance_invoice_get_number (invoice));
}

static void
bind_issue_date_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_date (list_item, relance_invoice_get_issue_date (invoice));
}

static void
bind_due_date_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  relance_list_row_set_cell_date (list_item, relance_invoice_get_due_date (invoice));
}

static void
bind_days_late_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);
  int days = relance_invoice_days_late (invoice, self->evaluation_day);
  g_autofree char *text = days > 0 ? g_strdup_printf ("%d", days) : g_strdup ("");

  relance_list_row_set_cell_text (list_item, text);
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_amount (self, list_item, relance_invoice_get_amount_cents (invoice),
                   relance_invoice_get_currency (invoice));
}

static void
bind_paid_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_amount (self, list_item, relance_invoice_get_allocated_cents (invoice),
                   relance_invoice_get_currency (invoice));
}

static void
bind_remaining_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_amount (self, list_item, relance_invoice_get_remaining_cents (invoice),
                   relance_invoice_get_currency (invoice));
}

/* Disputed items are left out of dunning, litigation items are with the
 * lawyers: both must be seen before an agent plans an action on them. */
static void
bind_mark_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelanceOpenItemsTab      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gint64 id = relance_invoice_get_id (invoice);
  const char *text = NULL;

  gtk_widget_remove_css_class (label, "disputed");
  gtk_widget_remove_css_class (label, "litigation");
  if (relance_dispute_ids_contain (self->litigation_ids, id))
    {
      text = _("Litigation");
      gtk_widget_add_css_class (label, "litigation");
    }
  else if (relance_dispute_ids_contain (self->disputed_ids, id))
    {
      text = _("Disputed");
      gtk_widget_add_css_class (label, "disputed");
    }
  else if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_CREDIT_NOTE)
    text = _("Credit note");
  else if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_FEE)
    text = _("Fee");
  else if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_INTEREST)
    text = _("Interest");

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

/* GObject */

static void
relance_open_items_tab_dispose (GObject *object)
{
  RelanceOpenItemsTab *self = RELANCE_OPEN_ITEMS_TAB (object);

  /* the title is gone before the models are */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  relance_list_row_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_OPEN_ITEMS_TAB,
                                     self->column_view);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (relance_open_items_tab_parent_class)->dispose (object);
}

static void
relance_open_items_tab_finalize (GObject *object)
{
  RelanceOpenItemsTab *self = RELANCE_OPEN_ITEMS_TAB (object);

  g_clear_pointer (&self->disputed_ids, g_array_unref);
  g_clear_pointer (&self->litigation_ids, g_array_unref);

  G_OBJECT_CLASS (relance_open_items_tab_parent_class)->finalize (object);
}

static void
relance_open_items_tab_class_init (RelanceOpenItemsTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_open_items_tab_dispose;
  object_class->finalize = relance_open_items_tab_finalize;

  g_type_ensure (RELANCE_TYPE_INVOICE);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-open-items-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, new_action_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, dispute_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, promise_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, column_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, amount_column);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, paid_column);
  gtk_widget_class_bind_template_child (widget_class, RelanceOpenItemsTab, remaining_column);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dispute_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, promise_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_amount_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_mark_cb",
                                                G_CALLBACK (relance_list_row_setup_tag_cb));
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_issue_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_due_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_late_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_paid_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_remaining_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_mark_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "openitemstab");
}

static void
relance_open_items_tab_init (RelanceOpenItemsTab *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->evaluation_day = relance_gui_evaluation_day ();
  self->items = g_list_store_new (RELANCE_TYPE_INVOICE);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (RELANCE_TYPE_INVOICE, NULL,
                                                                     "number"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);

  /* Each model takes the one before it; the selection is the last */
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, 0);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (items_changed_cb), self, 0);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_title (self);
}

/* Public API */

/**
 * relance_open_items_tab_show:
 * @self: a #RelanceOpenItemsTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @evaluation_day: the day the days late are counted to
 * @error: a #GError
 *
 * Reads the open items of @actor_id, which items are disputed and which
 * in litigation, and shows them; the selection is emptied.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_open_items_tab_show (RelanceOpenItemsTab  *self,
                             RelanceDatabase      *db,
                             gint64                actor_id,
                             RelanceDate           evaluation_day,
                             GError              **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) disputed = NULL;
  g_autoptr(GArray) litigation = NULL;

  g_return_val_if_fail (RELANCE_IS_OPEN_ITEMS_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  items = relance_invoice_store_list_for_actor (db, actor_id, TRUE, error);
  if (items == NULL)
    return FALSE;
  disputed = relance_dispute_store_open_invoice_ids (db, actor_id, error);
  if (disputed == NULL)
    return FALSE;
  litigation = relance_card_store_litigation_ids (db, actor_id, error);
  if (litigation == NULL)
    return FALSE;

  /* set before the rows are bound, which read them */
  self->actor_id = actor_id;
  self->evaluation_day = evaluation_day;
  g_clear_pointer (&self->disputed_ids, g_array_unref);
  self->disputed_ids = g_steal_pointer (&disputed);
  g_clear_pointer (&self->litigation_ids, g_array_unref);
  self->litigation_ids = g_steal_pointer (&litigation);
  find_currency (self, items);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "items" : "none");
  update_title (self);
  return TRUE;
}

/**
 * relance_open_items_tab_clear:
 * @self: a #RelanceOpenItemsTab
 *
 * Shows no item.
 */
void
relance_open_items_tab_clear (RelanceOpenItemsTab *self)
{
  g_return_if_fail (RELANCE_IS_OPEN_ITEMS_TAB (self));

  self->actor_id = 0;
  g_list_store_remove_all (self->items);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
}

/**
 * relance_open_items_tab_get_items:
 * @self: a #RelanceOpenItemsTab
 *
 * Returns: (transfer none): every open item (#RelanceInvoice), in the
 *   order of the store: by due date, then number
 */
GListModel *
relance_open_items_tab_get_items (RelanceOpenItemsTab *self)
{
  g_return_val_if_fail (RELANCE_IS_OPEN_ITEMS_TAB (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * relance_open_items_tab_get_selection:
 * @self: a #RelanceOpenItemsTab
 *
 * Returns: (transfer none): the items shown, filtered and sorted, and
 *   their selection
 */
GtkSelectionModel *
relance_open_items_tab_get_selection (RelanceOpenItemsTab *self)
{
  g_return_val_if_fail (RELANCE_IS_OPEN_ITEMS_TAB (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * relance_open_items_tab_get_column_view:
 * @self: a #RelanceOpenItemsTab
 *
 * Returns: (transfer none): the view, whose columns sort
 */
GtkColumnView *
relance_open_items_tab_get_column_view (RelanceOpenItemsTab *self)
{
  g_return_val_if_fail (RELANCE_IS_OPEN_ITEMS_TAB (self), NULL);

  return self->column_view;
}

/**
 * relance_open_items_tab_dup_selected_ids:
 * @self: a #RelanceOpenItemsTab
 *
 * Returns: (transfer full) (element-type gint64): the ids of the selected
 *   items, in the order shown
 */
GArray *
relance_open_items_tab_dup_selected_ids (RelanceOpenItemsTab *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GArray *ids;
  guint position;

  g_return_val_if_fail (RELANCE_IS_OPEN_ITEMS_TAB (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                 position);
      gint64 id = relance_invoice_get_id (invoice);

      g_array_append_val (ids, id);
    }
  return ids;
}
