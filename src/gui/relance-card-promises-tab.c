/* relance-card-promises-tab.c — a customer's promises to pay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every promise (promesse de paiement) or arrangement of one customer,
 * newest first, each with its instalments and what the payments covered
 * of them, as the engine last evaluated it; kept, broken or open.
 */
#define G_LOG_DOMAIN "relance-card-promises-tab"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-card-promises-tab.h"
#include "relance-gui-utils.h"

struct _RelanceCardPromisesTab
{
  GtkWidget   parent_instance;

  /* template children */
  GtkLabel   *title_label;
  GtkLabel   *empty_label;
  GtkListBox *list_box;

  /* state */
  guint       n_promises;
};

G_DEFINE_FINAL_TYPE (RelanceCardPromisesTab, relance_card_promises_tab, GTK_TYPE_WIDGET)

/* Helpers */

static const char *
status_label (RelancePromiseStatus  status,
              const char          **css_class)
{
  switch (status)
    {
    case RELANCE_PROMISE_STATUS_KEPT:
      *css_class = "success";
      return _("Kept");
    case RELANCE_PROMISE_STATUS_BROKEN:
      *css_class = "error";
      return _("Broken");
    case RELANCE_PROMISE_STATUS_CANCELLED:
      *css_class = "dim-label";
      return _("Cancelled");
    case RELANCE_PROMISE_STATUS_OPEN:
    default:
      *css_class = "warning";
      return _("Open");
    }
}

static GtkWidget *
new_tag (const char *text,
         const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "tag");
  gtk_widget_add_css_class (tag, css_class);
  return tag;
}

static GtkWidget *
new_instalment_row (const RelancePromise            *promise,
                    const RelancePromiseInstalment  *instalment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *due = relance_gui_format_date (instalment->due_date);
  g_autofree char *amount = relance_gui_format_amount (instalment->amount_cents, promise->currency);
  g_autofree char *paid = relance_gui_format_amount (instalment->paid_cents, promise->currency);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: an instalment of a promise: "15/12/2026 — 1 200,00 €" */
  title = g_strdup_printf (_("%s — %s"), due, amount);
  /* Translators: what the payments covered of an instalment */
  subtitle = g_strdup_printf (_("Paid: %s"), paid);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (instalment->paid_cents >= instalment->amount_cents)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (_("Paid"), "success"));
  else if (instalment->paid_cents > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (_("Partly paid"), "warning"));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (_("Unpaid"), "accent"));
  return row;
}

static GtkWidget *
new_promise_row (RelancePromise *promise)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *total = relance_gui_format_amount (relance_promise_get_total_cents (promise),
                                                      promise->currency);
  g_autofree char *made = relance_gui_format_date (promise->made_on);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *css_class;
  const char *status = status_label (promise->status, &css_class);
  guint n = promise->instalments->len;

  /* Translators: a promise to pay, with its total */
  title = g_strdup_printf (_("Promise of %s"), total);
  /* Translators: when a promise was made and in how many instalments */
  g_string_append_printf (subtitle, ngettext ("Made on %s, %u instalment",
                                              "Made on %s, %u instalments", n), made, n);
  if (promise->closed_on != RELANCE_DATE_NONE)
    {
      g_autofree char *closed = relance_gui_format_date (promise->closed_on);

      g_string_append (subtitle, "  ·  ");
      /* Translators: when a promise was found kept or broken */
      g_string_append_printf (subtitle, _("Closed on %s"), closed);
    }
  if (promise->comment != NULL && *promise->comment != '\0')
    g_string_append_printf (subtitle, "  ·  %s", promise->comment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), new_tag (status, css_class));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 promise->status == RELANCE_PROMISE_STATUS_OPEN);

  for (guint i = 0; i < n; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              new_instalment_row (promise,
                                                  &g_array_index (promise->instalments,
                                                                  RelancePromiseInstalment, i)));
  return row;
}

/* GObject */

static void
relance_card_promises_tab_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_CARD_PROMISES_TAB);
  /* the template's root has no id: dispose_template leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (relance_card_promises_tab_parent_class)->dispose (object);
}

static void
relance_card_promises_tab_class_init (RelanceCardPromisesTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_card_promises_tab_dispose;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-card-promises-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCardPromisesTab, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCardPromisesTab, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCardPromisesTab, list_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "promisestab");
}

static void
relance_card_promises_tab_init (RelanceCardPromisesTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * relance_card_promises_tab_show:
 * @self: a #RelanceCardPromisesTab
 * @db: the database, in the main thread
 * @actor_id: the customer
 * @evaluation_day: the day of the figures (the status shown is the one
 *   the engine recorded)
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_card_promises_tab_show (RelanceCardPromisesTab  *self,
                                RelanceDatabase         *db,
                                gint64                   actor_id,
                                RelanceDate              evaluation_day,
                                GError                 **error)
{
  g_autoptr(GPtrArray) promises = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RELANCE_IS_CARD_PROMISES_TAB (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  promises = relance_promise_store_list (db, actor_id, FALSE, error);
  if (promises == NULL)
    return FALSE;

  relance_card_promises_tab_clear (self);
  for (guint i = 0; i < promises->len; i++)
    gtk_list_box_append (self->list_box, new_promise_row (g_ptr_array_index (promises, i)));
  self->n_promises = promises->len;

  /* Translators: the heading of a customer's promises */
  title = g_strdup_printf (ngettext ("%u promise", "%u promises", promises->len), promises->len);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), promises->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), promises->len == 0);
  return TRUE;
}

/**
 * relance_card_promises_tab_clear:
 * @self: a #RelanceCardPromisesTab
 *
 * Shows nothing.
 */
void
relance_card_promises_tab_clear (RelanceCardPromisesTab *self)
{
  GtkWidget *child;

  g_return_if_fail (RELANCE_IS_CARD_PROMISES_TAB (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_promises = 0;
}

/**
 * relance_card_promises_tab_get_n_promises:
 * @self: a #RelanceCardPromisesTab
 *
 * Returns: the number of promises shown
 */
guint
relance_card_promises_tab_get_n_promises (RelanceCardPromisesTab *self)
{
  g_return_val_if_fail (RELANCE_IS_CARD_PROMISES_TAB (self), 0);

  return self->n_promises;
}
