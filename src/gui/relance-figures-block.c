/* relance-figures-block.c — a customer's amounts in one currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Calculs des montants" block of the customer sheet (seed 001): global
 * amount, partial payments, unallocated payments and outstanding on the
 * left, overdue, disputed, in litigation and DSO on the right. The card
 * shows one block per currency, the company currency first; the figures
 * come from the engine, this widget only formats them.
 */
#define G_LOG_DOMAIN "relance-figures-block"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "relance-figures-block.h"
#include "relance-gui-utils.h"

struct _RelanceFiguresBlock
{
  GtkWidget  parent_instance;

  /* template children */
  GtkWidget *box;
  GtkLabel  *title_label;
  GtkLabel  *global_value;
  GtkLabel  *partial_value;
  GtkLabel  *unallocated_value;
  GtkLabel  *outstanding_value;
  GtkLabel  *overdue_value;
  GtkLabel  *overdue_title;
  GtkLabel  *disputed_value;
  GtkLabel  *litigation_value;
  GtkLabel  *dso_value;
  GtkLabel  *dso_title;

  char       currency[4];
};

G_DEFINE_FINAL_TYPE (RelanceFiguresBlock, relance_figures_block, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_amount (GtkLabel   *label,
            gint64      cents,
            const char *currency)
{
  g_autofree char *text = relance_gui_format_amount (cents, currency);

  gtk_label_set_text (label, text);
  relance_gui_set_amount_class (GTK_WIDGET (label), cents);
}

static void
relance_figures_block_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_FIGURES_BLOCK);

  G_OBJECT_CLASS (relance_figures_block_parent_class)->dispose (object);
}

static void
relance_figures_block_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RelanceFiguresBlock *self = RELANCE_FIGURES_BLOCK (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      g_value_set_string (value, relance_figures_block_get_currency (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_figures_block_class_init (RelanceFiguresBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_figures_block_dispose;
  object_class->get_property = relance_figures_block_get_property;

  /**
   * RelanceFiguresBlock:currency:
   *
   * The ISO 4217 code of the amounts shown, %NULL before any.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-figures-block.ui");
  /* bound so that gtk_widget_dispose_template() unparents it */
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, box);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, global_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, partial_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, unallocated_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, outstanding_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, overdue_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, disputed_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, litigation_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, dso_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceFiguresBlock, dso_title);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figuresblock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
relance_figures_block_init (RelanceFiguresBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
relance_figures_block_new (void)
{
  return g_object_new (RELANCE_TYPE_FIGURES_BLOCK, NULL);
}

/**
 * relance_figures_block_set_figures:
 * @self: a #RelanceFiguresBlock
 * @figures: a customer's figures in one currency, from the engine
 * @evaluation_day: the day they were computed for
 *
 * Shows @figures; the tooltips say on which day and by which method.
 */
void
relance_figures_block_set_figures (RelanceFiguresBlock     *self,
                                   const RelanceFiguresRow *figures,
                                   RelanceDate              evaluation_day)
{
  const char *currency;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *overdue_tip = NULL;
  g_autofree char *dso_tip = NULL;

  g_return_if_fail (RELANCE_IS_FIGURES_BLOCK (self));
  g_return_if_fail (figures != NULL);

  currency = figures->currency;
  day = relance_gui_format_date (evaluation_day);

  /* Translators: the title of a customer's figures; %s is a currency code (EUR) */
  title = g_strdup_printf (_("Amounts in %s"), currency);
  gtk_label_set_text (self->title_label, title);

  set_amount (self->global_value, figures->global_cents, currency);
  set_amount (self->partial_value, figures->partial_cents, currency);
  set_amount (self->unallocated_value, figures->unallocated_cents, currency);
  set_amount (self->outstanding_value, figures->outstanding_cents, currency);
  set_amount (self->overdue_value, figures->overdue_cents, currency);
  set_amount (self->disputed_value, figures->disputed_cents, currency);
  set_amount (self->litigation_value, figures->litigation_cents, currency);

  /* Translators: tooltip of the overdue amount; %s is a date */
  overdue_tip = g_strdup_printf (_("Remaining amount of the open items due before %s"), day);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_title), overdue_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_value), overdue_tip);

  if (figures->has_dso)
    {
      g_autofree char *days = relance_gui_format_days (figures->dso_days);

      gtk_label_set_text (self->dso_value, days);
    }
  else
    gtk_label_set_text (self->dso_value, "—");

  /* Translators: tooltip of the DSO; %s is a date. The count-back method is
   * "la méthode par épuisement" in French. */
  dso_tip = g_strdup_printf (_("Days sales outstanding on %s, by the count-back method: "
                               "the outstanding is matched against the sales of the "
                               "months before, the most recent first"), day);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dso_title), dso_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dso_value), dso_tip);

  if (strcmp (self->currency, currency) != 0)
    {
      g_strlcpy (self->currency, currency, sizeof self->currency);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
    }
}

/**
 * relance_figures_block_get_currency:
 * @self: a #RelanceFiguresBlock
 *
 * Returns: (nullable): the currency of the amounts shown
 */
const char *
relance_figures_block_get_currency (RelanceFiguresBlock *self)
{
  g_return_val_if_fail (RELANCE_IS_FIGURES_BLOCK (self), NULL);

  return self->currency[0] != '\0' ? self->currency : NULL;
}
