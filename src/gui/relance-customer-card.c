/* relance-customer-card.c — everything about one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Fiche de relance client" of seed 001: a header (code — name,
 * portfolio, agent), the identity and contacts, the figures block per
 * currency ("Calculs des montants") and the open items. Everything shown
 * is read through the store and computed by the engine; this widget only
 * formats it. The open items are a GtkColumnView over a GListStore, which
 * stays fast with thousands of items since only the visible rows have
 * widgets.
 */
#define G_LOG_DOMAIN "relance-customer-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-engine.h"
#include "relance-customer-card.h"
#include "relance-figures-block.h"
#include "relance-gui-utils.h"

struct _RelanceCustomerCard
{
  GtkWidget       parent_instance;

  /* template children */
  GtkStack       *stack;
  GtkScrolledWindow *scroller;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *name_title;
  GtkLabel       *name_value;
  GtkLabel       *kind_title;
  GtkLabel       *kind_value;
  GtkLabel       *siren_title;
  GtkLabel       *siren_value;
  GtkLabel       *siret_title;
  GtkLabel       *siret_value;
  GtkLabel       *vat_title;
  GtkLabel       *vat_value;
  GtkLabel       *address_title;
  GtkLabel       *address_value;
  GtkLabel       *phone_title;
  GtkLabel       *phone_value;
  GtkLabel       *mobile_title;
  GtkLabel       *mobile_value;
  GtkLabel       *email_title;
  GtkLabel       *email_value;
  GtkLabel       *terms_title;
  GtkLabel       *terms_value;
  GtkLabel       *credit_limit_title;
  GtkLabel       *credit_limit_value;
  GtkListBox     *contacts_list;
  GListStore     *contacts;
  GtkBox         *figures_box;
  GtkLabel       *open_items_title;
  GtkStack       *open_items_stack;
  GtkColumnViewColumn *amount_column;
  GtkColumnViewColumn *paid_column;
  GtkColumnViewColumn *remaining_column;
  GListStore     *open_items;

  /* state */
  gint64          actor_id;
  RelanceDate     evaluation_day;
  char            items_currency[4];  /* of every open item, "" when mixed */
};

G_DEFINE_FINAL_TYPE (RelanceCustomerCard, relance_customer_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows a line of the identity block, or hides it when there is no value. */
static void
set_field (GtkLabel   *title,
           GtkLabel   *value,
           const char *text)
{
  gboolean visible = text != NULL && *text != '\0';

  gtk_label_set_text (value, visible ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (title), visible);
  gtk_widget_set_visible (GTK_WIDGET (value), visible);
}

/* The same with a link: "tel:" or "mailto:" followed by @uri_tail. */
static void
set_link_field (GtkLabel   *title,
                GtkLabel   *value,
                const char *text,
                const char *scheme,
                const char *uri_tail)
{
  g_autofree char *markup = NULL;

  set_field (title, value, text);
  if (text == NULL || *text == '\0')
    return;

  markup = g_markup_printf_escaped ("<a href=\"%s%s\">%s</a>", scheme, uri_tail, text);
  gtk_label_set_markup (value, markup);
}

/* "+33 (0)6 45 34 97 00" → "+33645349700": a tel: URI has no spaces, and
 * the "(0)" of the international French form is not dialled. */
static char *
phone_uri_tail (const char *phone)
{
  g_autofree char *without_trunk = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  if (g_str_has_prefix (phone, "+"))
    {
      g_auto(GStrv) parts = g_strsplit (phone, "(0)", -1);
      without_trunk = g_strjoinv ("", parts);
    }
  else
    without_trunk = g_strdup (phone);

  for (p = without_trunk; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 0))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
show_header (RelanceCustomerCard *self,
             RelanceDatabase     *db,
             RelanceActor        *actor)
{
  const char *segment = relance_actor_get_segment (actor);
  const char *agent = relance_actor_get_agent (actor);
  g_autoptr(RelanceUser) user = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: the title of a customer card: code — name */
  title = g_strdup_printf (_("%s — %s"), relance_actor_get_code (actor),
                           relance_actor_get_name (actor));
  gtk_label_set_text (self->title_label, title);

  if (segment != NULL && *segment != '\0')
    /* Translators: the portfolio (segment) of a customer */
    g_string_append_printf (subtitle, _("Portfolio: %s"), segment);
  if (agent != NULL && *agent != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, "  ·  ");
      /* actor.agent is the agent's login: show the person's name. A
       * login with no user (an import from before) shows as it is. */
      user = relance_user_store_find (db, agent, NULL);
      /* Translators: the collection agent of a customer */
      g_string_append_printf (subtitle, _("Collection agent: %s"),
                              user != NULL && user->name != NULL ? user->name : agent);
    }
  if (!relance_actor_get_active (actor))
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, "  ·  ");
      g_string_append (subtitle, _("Inactive"));
    }
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);
}

static void
show_identity (RelanceCustomerCard *self,
               RelanceActor        *actor)
{
  g_autofree char *address = relance_actor_dup_full_address (actor);
  g_autofree char *terms = NULL;
  g_autofree char *credit_limit = NULL;
  const char *phone = relance_actor_get_phone (actor);
  const char *mobile = relance_actor_get_mobile (actor);
  const char *email = relance_actor_get_email (actor);
  gint64 limit = relance_actor_get_credit_limit_cents (actor);
  int terms_days = relance_actor_get_payment_terms_days (actor);

  set_field (self->name_title, self->name_value, relance_actor_get_name (actor));
  set_field (self->kind_title, self->kind_value,
             relance_actor_get_kind (actor) == RELANCE_ACTOR_KIND_PERSON
             ? _("Person") : _("Company"));
  set_field (self->siren_title, self->siren_value, relance_actor_get_siren (actor));
  set_field (self->siret_title, self->siret_value, relance_actor_get_siret (actor));
  set_field (self->vat_title, self->vat_value, relance_actor_get_vat_number (actor));
  set_field (self->address_title, self->address_value, address);

  if (phone != NULL && *phone != '\0')
    {
      g_autofree char *tail = phone_uri_tail (phone);
      set_link_field (self->phone_title, self->phone_value, phone, "tel:", tail);
    }
  else
    set_field (self->phone_title, self->phone_value, NULL);

  if (mobile != NULL && *mobile != '\0')
    {
      g_autofree char *tail = phone_uri_tail (mobile);
      set_link_field (self->mobile_title, self->mobile_value, mobile, "tel:", tail);
    }
  else
    set_field (self->mobile_title, self->mobile_value, NULL);

  set_link_field (self->email_title, self->email_value, email, "mailto:", email);

  terms = g_strdup_printf (ngettext ("%d day", "%d days", (unsigned long) ABS (terms_days)),
                           terms_days);
  set_field (self->terms_title, self->terms_value, terms);

  if (limit != RELANCE_CREDIT_LIMIT_NONE)
    credit_limit = relance_gui_format_amount (limit, relance_actor_get_credit_limit_currency (actor));
  set_field (self->credit_limit_title, self->credit_limit_value, credit_limit);
}

static GtkWidget *
create_contact_row_cb (gpointer item,
                       gpointer user_data)
{
  RelanceContact *contact = item;
  const char *title = relance_contact_get_title (contact);
  const char *parts[] = {
    relance_contact_get_role (contact),
    relance_contact_get_phone (contact),
    relance_contact_get_mobile (contact),
    relance_contact_get_email (contact),
  };
  g_autofree char *name = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  if (title != NULL && *title != '\0')
    name = g_strdup_printf ("%s %s", title, relance_contact_get_name (contact));
  else
    name = g_strdup (relance_contact_get_name (contact));

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (subtitle->len > 0)
          g_string_append (subtitle, "  ·  ");
        g_string_append (subtitle, parts[i]);
      }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (relance_contact_get_dunning (contact))
    {
      GtkWidget *badge = gtk_label_new (_("Dunning contact"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_set_tooltip_text (badge, _("Dunning letters and calls go to this contact"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  return row;
}

static gboolean
show_contacts (RelanceCustomerCard *self,
               RelanceDatabase     *db,
               GError             **error)
{
  g_autoptr(GPtrArray) contacts = NULL;

  contacts = relance_contact_store_list_for_actor (db, self->actor_id, error);
  if (contacts == NULL)
    return FALSE;

  g_list_store_splice (self->contacts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->contacts)),
                       contacts->pdata, contacts->len);
  return TRUE;
}

static void
remove_figures_blocks (RelanceCustomerCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_box_remove (self->figures_box, child);
}

static gboolean
show_figures (RelanceCustomerCard *self,
              RelanceDatabase     *db,
              GError             **error)
{
  g_autoptr(GArray) figures = NULL;

  figures = relance_customer_figures_compute (db, self->actor_id, self->evaluation_day, error);
  if (figures == NULL)
    return FALSE;

  remove_figures_blocks (self);
  for (guint i = 0; i < figures->len; i++)
    {
      GtkWidget *block = relance_figures_block_new ();

      relance_figures_block_set_figures (RELANCE_FIGURES_BLOCK (block),
                                         &g_array_index (figures, RelanceFiguresRow, i),
                                         self->evaluation_day);
      gtk_box_append (self->figures_box, block);
    }
  return TRUE;
}

static void
set_amount_title (RelanceCustomerCard *self,
                  GtkColumnViewColumn *column,
                  const char          *title)
{
  g_autofree char *with_currency = NULL;

  if (self->items_currency[0] != '\0')
    {
      g_autofree char *symbol = relance_gui_currency_symbol (self->items_currency);

      /* Translators: a column header and its currency sign: "Paid (€)" */
      with_currency = g_strdup_printf (_("%s (%s)"), title, symbol);
    }
  gtk_column_view_column_set_title (column, with_currency != NULL ? with_currency : title);
}

static void
update_amount_titles (RelanceCustomerCard *self)
{
  set_amount_title (self, self->amount_column, _("Amount incl. tax"));
  set_amount_title (self, self->paid_column, _("Paid"));
  set_amount_title (self, self->remaining_column, _("Remaining"));
}

static gboolean
show_open_items (RelanceCustomerCard *self,
                 RelanceDatabase     *db,
                 GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;

  items = relance_invoice_store_list_for_actor (db, self->actor_id, TRUE, error);
  if (items == NULL)
    return FALSE;

  /* set before the rows are bound, which read it */
  self->items_currency[0] = '\0';
  for (guint i = 0; i < items->len; i++)
    {
      const char *currency = relance_invoice_get_currency (g_ptr_array_index (items, i));

      if (i == 0)
        g_strlcpy (self->items_currency, currency, sizeof self->items_currency);
      else if (g_strcmp0 (currency, self->items_currency) != 0)
        {
          self->items_currency[0] = '\0';
          break;
        }
    }
  update_amount_titles (self);

  g_list_store_splice (self->open_items, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->open_items)),
                       items->pdata, items->len);

  /* Translators: the heading of a customer's open items, with their number */
  title = g_strdup_printf (ngettext ("%u open item", "%u open items", items->len), items->len);
  gtk_label_set_text (self->open_items_title, title);
  gtk_stack_set_visible_child_name (self->open_items_stack, items->len > 0 ? "items" : "none");

  return TRUE;
}

static void
setup_number_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelanceCustomerCard      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 8, 12));
}

static void
setup_date_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelanceCustomerCard      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (0.0f, 10, 10));
}

static void
setup_days_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RelanceCustomerCard      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 4, 5));
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RelanceCustomerCard      *self)
{
  gtk_list_item_set_child (list_item, relance_gui_new_cell (1.0f, 11, 12));
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

/* The amount, with its currency only when the headers cannot say it. */
static void
set_cell_amount (RelanceCustomerCard *self,
                 GtkListItem         *list_item,
                 gint64               cents,
                 const char          *currency)
{
  g_autofree char *text = relance_gui_format_amount (cents, self->items_currency[0] != '\0'
                                                            ? NULL : currency);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  relance_gui_set_amount_class (cell, cents);
}

static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_text (list_item, relance_invoice_get_number (invoice));
}

static void
bind_issue_date_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);
  g_autofree char *text = relance_gui_format_date (relance_invoice_get_issue_date (invoice));

  set_cell_text (list_item, text);
}

static void
bind_due_date_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);
  g_autofree char *text = relance_gui_format_date (relance_invoice_get_due_date (invoice));

  set_cell_text (list_item, text);
}

static void
bind_days_late_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);
  int days = relance_invoice_days_late (invoice, self->evaluation_day);
  g_autofree char *text = days > 0 ? g_strdup_printf ("%d", days) : g_strdup ("");

  set_cell_text (list_item, text);
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_amount (self, list_item, relance_invoice_get_amount_cents (invoice),
                   relance_invoice_get_currency (invoice));
}

static void
bind_paid_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_amount (self, list_item, relance_invoice_get_allocated_cents (invoice),
                   relance_invoice_get_currency (invoice));
}

static void
bind_remaining_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RelanceCustomerCard      *self)
{
  RelanceInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell_amount (self, list_item, relance_invoice_get_remaining_cents (invoice),
                   relance_invoice_get_currency (invoice));
}

static void
relance_customer_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_CUSTOMER_CARD);

  G_OBJECT_CLASS (relance_customer_card_parent_class)->dispose (object);
}

static void
relance_customer_card_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RelanceCustomerCard *self = RELANCE_CUSTOMER_CARD (object);

  switch (prop_id)
    {
    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_customer_card_class_init (RelanceCustomerCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_customer_card_dispose;
  object_class->get_property = relance_customer_card_get_property;

  /**
   * RelanceCustomerCard:actor-id:
   *
   * The customer shown, 0 for none.
   */
  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RELANCE_TYPE_CONTACT);
  g_type_ensure (RELANCE_TYPE_INVOICE);
  g_type_ensure (RELANCE_TYPE_FIGURES_BLOCK);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-customer-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, name_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, name_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, kind_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, kind_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, siren_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, siren_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, siret_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, siret_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, vat_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, vat_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, address_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, address_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, phone_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, phone_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, mobile_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, mobile_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, email_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, email_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, terms_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, terms_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, credit_limit_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, credit_limit_value);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, contacts);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, figures_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, open_items_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, open_items_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, open_items);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, amount_column);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, paid_column);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, remaining_column);
  gtk_widget_class_bind_template_callback (widget_class, setup_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_issue_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_due_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_late_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_paid_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_remaining_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customercard");
}

static void
relance_customer_card_init (RelanceCustomerCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evaluation_day = relance_gui_evaluation_day ();
  gtk_list_box_bind_model (self->contacts_list, G_LIST_MODEL (self->contacts),
                           create_contact_row_cb, self, NULL);
}

GtkWidget *
relance_customer_card_new (void)
{
  return g_object_new (RELANCE_TYPE_CUSTOMER_CARD, NULL);
}

/**
 * relance_customer_card_show_customer:
 * @self: a #RelanceCustomerCard
 * @db: the database, in the main thread
 * @actor_id: the customer to show
 * @evaluation_day: the day the figures and days late are computed for
 * @error: a #GError
 *
 * Reads the customer, its contacts, figures and open items and shows them.
 *
 * Returns: %FALSE with @error set when the store fails or the customer is
 *   gone; the card is then cleared
 */
gboolean
relance_customer_card_show_customer (RelanceCustomerCard *self,
                                     RelanceDatabase     *db,
                                     gint64               actor_id,
                                     RelanceDate          evaluation_day,
                                     GError             **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_CUSTOMER_CARD (self), FALSE);
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor_id > 0, FALSE);

  actor = relance_actor_store_find_by_id (db, actor_id, &local_error);
  if (actor == NULL)
    {
      if (local_error == NULL)
        local_error = g_error_new (RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                                   _("This customer no longer exists. Reload the list."));
      goto failed;
    }

  self->actor_id = actor_id;
  self->evaluation_day = evaluation_day;

  show_header (self, db, actor);
  show_identity (self, actor);
  if (!show_contacts (self, db, &local_error) ||
      !show_figures (self, db, &local_error) ||
      !show_open_items (self, db, &local_error))
    goto failed;

  gtk_stack_set_visible_child_name (self->stack, "customer");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
  return TRUE;

failed:
  relance_customer_card_clear (self);
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * relance_customer_card_clear:
 * @self: a #RelanceCustomerCard
 *
 * Shows no customer: the card asks to select one.
 */
void
relance_customer_card_clear (RelanceCustomerCard *self)
{
  g_return_if_fail (RELANCE_IS_CUSTOMER_CARD (self));

  g_list_store_remove_all (self->contacts);
  g_list_store_remove_all (self->open_items);
  remove_figures_blocks (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  if (self->actor_id != 0)
    {
      self->actor_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
    }
}

/**
 * relance_customer_card_get_actor_id:
 * @self: a #RelanceCustomerCard
 *
 * Returns: the customer shown, 0 for none
 */
gint64
relance_customer_card_get_actor_id (RelanceCustomerCard *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_CARD (self), 0);

  return self->actor_id;
}

/**
 * relance_customer_card_get_open_items:
 * @self: a #RelanceCustomerCard
 *
 * Returns: (transfer none): the open items shown (#RelanceInvoice)
 */
GListModel *
relance_customer_card_get_open_items (RelanceCustomerCard *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_CARD (self), NULL);

  return G_LIST_MODEL (self->open_items);
}
