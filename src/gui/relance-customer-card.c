/* relance-customer-card.c — everything about one customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Fiche de relance client" of seed 001: a header (code — name,
 * portfolio, agent, a star for the user's favourites), the identity, the
 * dunning case and the contacts, the figures block per currency
 * ("Calculs des montants"), and tabs: open items, every invoice,
 * payments, timeline, disputes, promises, documents, notes. Everything
 * shown is read through the store and computed by the engine; this
 * widget and its tabs only format it. A tab that writes (a note, a
 * document) says "changed": the window then reloads everything that
 * depends on the database, this card included.
 */
#define G_LOG_DOMAIN "relance-customer-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-engine.h"
#include "relance-card-disputes-tab.h"
#include "relance-card-promises-tab.h"
#include "relance-customer-card.h"
#include "relance-documents-tab.h"
#include "relance-figures-block.h"
#include "relance-gui-utils.h"
#include "relance-invoices-tab.h"
#include "relance-notes-tab.h"
#include "relance-open-items-tab.h"
#include "relance-payments-tab.h"
#include "relance-timeline-view.h"
#include "relance-window-private.h"

struct _RelanceCustomerCard
{
  GtkWidget               parent_instance;

  /* template children */
  GtkStack               *stack;
  GtkScrolledWindow      *scroller;
  GtkLabel               *title_label;
  GtkLabel               *subtitle_label;
  GtkToggleButton        *favourite_button;
  GtkGrid                *identity_grid;
  GtkGrid                *case_grid;
  GtkLabel               *no_contacts_label;
  GtkListBox             *contacts_list;
  GtkBox                 *figures_box;
  AdwViewStack           *view_stack;
  RelanceOpenItemsTab    *open_items_tab;
  RelanceInvoicesTab     *invoices_tab;
  RelancePaymentsTab     *payments_tab;
  RelanceTimelineView    *timeline_view;
  RelanceCardDisputesTab *disputes_tab;
  RelanceCardPromisesTab *promises_tab;
  RelanceDocumentsTab    *documents_tab;
  RelanceNotesTab        *notes_tab;

  /* state */
  RelanceDatabase        *db;
  gint64                  actor_id;
  RelanceDate             evaluation_day;
  char                   *login;
  gboolean                updating_favourite;
  GHashTable             *fresh_tabs;  /* names of the tabs read since the last show */
};

G_DEFINE_FINAL_TYPE (RelanceCustomerCard, relance_customer_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The levels of RelanceLevel, for people */
static const char * const level_names[] = {
  N_("Courtesy reminder"),
  N_("First reminder"),
  N_("Second reminder"),
  N_("Formal notice"),
  N_("Pre-litigation"),
  N_("Litigation"),
};

/* Helpers */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* Appends a line "title value" to @grid when there is a value; @markup
 * says that @text is Pango markup (a link). Returns the value's label. */
static GtkLabel *
add_field (GtkGrid    *grid,
           int        *row,
           const char *title,
           const char *text,
           gboolean    markup)
{
  GtkWidget *title_label;
  GtkWidget *value_label;

  if (text == NULL || *text == '\0')
    return NULL;

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_yalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "dim-label");

  value_label = gtk_label_new (NULL);
  if (markup)
    gtk_label_set_markup (GTK_LABEL (value_label), text);
  else
    gtk_label_set_text (GTK_LABEL (value_label), text);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL,
                                  -1);

  gtk_grid_attach (grid, title_label, 0, *row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, *row, 1, 1);
  (*row)++;
  return GTK_LABEL (value_label);
}

/* "+33 (0)6 45 34 97 00" → "+33645349700": a tel: URI has no spaces, and
 * the "(0)" of the international French form is not dialled. */
static char *
phone_uri (const char *phone)
{
  g_autofree char *without_trunk = NULL;
  GString *out = g_string_new ("tel:");
  const char *p;

  if (g_str_has_prefix (phone, "+"))
    {
      g_auto(GStrv) parts = g_strsplit (phone, "(0)", -1);
      without_trunk = g_strjoinv ("", parts);
    }
  else
    without_trunk = g_strdup (phone);

  for (p = without_trunk; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 4))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* A link for a label's markup: the phone as a tel: URI, the address as
 * a mailto: URI; NULL when there is nothing. */
static char *
phone_link (const char *phone)
{
  g_autofree char *uri = NULL;

  if (phone == NULL || *phone == '\0')
    return NULL;
  uri = phone_uri (phone);
  return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, phone);
}

static char *
email_link (const char *email)
{
  if (email == NULL || *email == '\0')
    return NULL;
  return g_markup_printf_escaped ("<a href=\"mailto:%s\">%s</a>", email, email);
}

static char *
user_name (RelanceDatabase *db,
           const char      *login)
{
  g_autoptr(RelanceUser) user = NULL;

  if (login == NULL || *login == '\0')
    return NULL;
  /* a login with no user (an import from before) shows as it is */
  user = relance_user_store_find (db, login, NULL);
  return g_strdup (user != NULL && user->name != NULL ? user->name : login);
}

static void
show_header (RelanceCustomerCard *self,
             RelanceDatabase     *db,
             RelanceActor        *actor)
{
  const char *segment = relance_actor_get_segment (actor);
  g_autofree char *agent = user_name (db, relance_actor_get_agent (actor));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: the title of a customer card: code — name */
  title = g_strdup_printf (_("%s — %s"), relance_actor_get_code (actor),
                           relance_actor_get_name (actor));
  gtk_label_set_text (self->title_label, title);

  if (segment != NULL && *segment != '\0')
    /* Translators: the portfolio (segment) of a customer */
    g_string_append_printf (subtitle, _("Portfolio: %s"), segment);
  if (agent != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, "  ·  ");
      /* Translators: the collection agent of a customer */
      g_string_append_printf (subtitle, _("Collection agent: %s"), agent);
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
  g_autofree char *phone = phone_link (relance_actor_get_phone (actor));
  g_autofree char *mobile = phone_link (relance_actor_get_mobile (actor));
  g_autofree char *email = email_link (relance_actor_get_email (actor));
  g_autofree char *terms = NULL;
  g_autofree char *credit_limit = NULL;
  gint64 limit = relance_actor_get_credit_limit_cents (actor);
  int terms_days = relance_actor_get_payment_terms_days (actor);
  int row = 0;

  clear_grid (self->identity_grid);
  add_field (self->identity_grid, &row, _("Legal name"), relance_actor_get_name (actor), FALSE);
  add_field (self->identity_grid, &row, _("Kind"),
             relance_actor_get_kind (actor) == RELANCE_ACTOR_KIND_PERSON
             ? _("Person") : _("Company"), FALSE);
  add_field (self->identity_grid, &row, _("SIREN"), relance_actor_get_siren (actor), FALSE);
  add_field (self->identity_grid, &row, _("SIRET"), relance_actor_get_siret (actor), FALSE);
  add_field (self->identity_grid, &row, _("VAT number"), relance_actor_get_vat_number (actor), FALSE);
  add_field (self->identity_grid, &row, _("Address"), address, FALSE);
  add_field (self->identity_grid, &row, _("Phone"), phone, TRUE);
  add_field (self->identity_grid, &row, _("Mobile"), mobile, TRUE);
  add_field (self->identity_grid, &row, _("Email"), email, TRUE);

  terms = g_strdup_printf (ngettext ("%d day", "%d days", (unsigned long) ABS (terms_days)),
                           terms_days);
  add_field (self->identity_grid, &row, _("Payment terms"), terms, FALSE);
  if (limit != RELANCE_CREDIT_LIMIT_NONE)
    credit_limit = relance_gui_format_amount (limit, relance_actor_get_credit_limit_currency (actor));
  add_field (self->identity_grid, &row, _("Credit limit"), credit_limit, FALSE);
}

static const char *
case_status_label (RelanceCaseStatus status)
{
  switch (status)
    {
    case RELANCE_CASE_OPEN:
      return _("Open");
    case RELANCE_CASE_SUSPENDED:
      return _("Suspended under a promise");
    case RELANCE_CASE_CLOSED:
    default:
      return _("Closed");
    }
}

/* The case that is not closed (the newest first), or else the last one */
static gboolean
show_case (RelanceCustomerCard *self,
           RelanceDatabase     *db,
           GError             **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(RelanceScenario) scenario = NULL;
  g_autofree char *scenario_text = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *opened = NULL;
  RelanceCase *shown = NULL;
  int row = 0;

  cases = relance_case_store_list_for_actor (db, self->actor_id, error);
  if (cases == NULL)
    return FALSE;

  clear_grid (self->case_grid);
  for (guint i = 0; i < cases->len && shown == NULL; i++)
    if (((RelanceCase *) g_ptr_array_index (cases, i))->status != RELANCE_CASE_CLOSED)
      shown = g_ptr_array_index (cases, i);
  if (shown == NULL && cases->len > 0)
    shown = g_ptr_array_index (cases, 0);
  if (shown == NULL)
    {
      add_field (self->case_grid, &row, _("Case"), _("No dunning case: nothing is overdue"), FALSE);
      return TRUE;
    }

  scenario = relance_scenario_store_get (db, shown->scenario_id, NULL);
  if (scenario != NULL)
    /* Translators: a scenario: code — name */
    scenario_text = g_strdup_printf (_("%s — %s"), scenario->code, scenario->name);
  agent = user_name (db, shown->agent_login);
  opened = relance_gui_format_date (shown->opened_on);

  add_field (self->case_grid, &row, _("Scenario"), scenario_text, FALSE);
  add_field (self->case_grid, &row, _("Level"),
             shown->level >= 0 && shown->level < (int) G_N_ELEMENTS (level_names)
             ? _(level_names[shown->level]) : NULL, FALSE);
  add_field (self->case_grid, &row, _("Agent"), agent, FALSE);
  add_field (self->case_grid, &row, _("Started on"), opened, FALSE);
  add_field (self->case_grid, &row, _("Status"), case_status_label (shown->status), FALSE);
  return TRUE;
}

static GtkWidget *
new_contact_row (RelanceContact *contact)
{
  const char *title = relance_contact_get_title (contact);
  const char *role = relance_contact_get_role (contact);
  g_autofree char *phone = phone_link (relance_contact_get_phone (contact));
  g_autofree char *mobile = phone_link (relance_contact_get_mobile (contact));
  g_autofree char *email = email_link (relance_contact_get_email (contact));
  const char *parts[] = { NULL, phone, mobile, email };
  g_autofree char *escaped_role = role != NULL ? g_markup_escape_text (role, -1) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  if (title != NULL && *title != '\0')
    name = g_strdup_printf ("%s %s", title, relance_contact_get_name (contact));
  else
    name = g_strdup (relance_contact_get_name (contact));
  escaped_name = g_markup_escape_text (name, -1);

  parts[0] = escaped_role;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (subtitle->len > 0)
          g_string_append (subtitle, "  ·  ");
        g_string_append (subtitle, parts[i]);
      }

  /* markup for the tel: and mailto: links; every text is escaped */
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
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
  GtkWidget *child;

  contacts = relance_contact_store_list_for_actor (db, self->actor_id, error);
  if (contacts == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_list_box_remove (self->contacts_list, child);
  for (guint i = 0; i < contacts->len; i++)
    gtk_list_box_append (self->contacts_list, new_contact_row (g_ptr_array_index (contacts, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), contacts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_contacts_label), contacts->len == 0);
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
update_favourite_button (RelanceCustomerCard *self,
                         gboolean             favourite)
{
  self->updating_favourite = TRUE;
  gtk_toggle_button_set_active (self->favourite_button, favourite);
  self->updating_favourite = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->favourite_button),
                            favourite ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->favourite_button),
                               favourite ? _("Remove from Favourites") : _("Add to Favourites"));
  gtk_widget_set_visible (GTK_WIDGET (self->favourite_button), self->login != NULL);
}

static gboolean
show_favourite (RelanceCustomerCard *self,
                GError             **error)
{
  gboolean favourite = FALSE;

  if (self->login != NULL &&
      !relance_user_customer_store_is_favourite (self->db, self->login, self->actor_id,
                                                 &favourite, error))
    return FALSE;
  update_favourite_button (self, favourite);
  return TRUE;
}

/* Reads one tab of the customer shown; the open items are always read
 * with the header (the card's main list, and the selection for an
 * action), the other tabs when they are shown: a customer with thousands
 * of items then opens in the time of one list. */
static gboolean
show_tab (RelanceCustomerCard  *self,
          const char           *name,
          GError              **error)
{
  RelanceDatabase *db = self->db;
  RelanceDate day = self->evaluation_day;
  gint64 id = self->actor_id;

  if (g_strcmp0 (name, "invoices") == 0)
    return relance_invoices_tab_show (self->invoices_tab, db, id, day, error);
  if (g_strcmp0 (name, "payments") == 0)
    return relance_payments_tab_show (self->payments_tab, db, id, error);
  if (g_strcmp0 (name, "timeline") == 0)
    return relance_timeline_view_show (self->timeline_view, db, id, error);
  if (g_strcmp0 (name, "disputes") == 0)
    return relance_card_disputes_tab_show (self->disputes_tab, db, id, error);
  if (g_strcmp0 (name, "promises") == 0)
    return relance_card_promises_tab_show (self->promises_tab, db, id, day, error);
  if (g_strcmp0 (name, "documents") == 0)
    return relance_documents_tab_show (self->documents_tab, db, id, day, error);
  if (g_strcmp0 (name, "notes") == 0)
    return relance_notes_tab_show (self->notes_tab, db, id, error);
  return TRUE;
}

/* Reads everything of the customer that is shown; the other tabs are
 * marked stale and read when they are shown. The tabs keep their own
 * state (the page shown, the timeline's scroll). */
static gboolean
show_all (RelanceCustomerCard *self,
          RelanceDatabase     *db,
          RelanceActor        *actor,
          GError             **error)
{
  const char *visible = adw_view_stack_get_visible_child_name (self->view_stack);

  show_header (self, db, actor);
  show_identity (self, actor);
  g_hash_table_remove_all (self->fresh_tabs);
  if (!show_favourite (self, error) ||
      !show_case (self, db, error) ||
      !show_contacts (self, db, error) ||
      !show_figures (self, db, error) ||
      !relance_open_items_tab_show (self->open_items_tab, db, self->actor_id,
                                    self->evaluation_day, error) ||
      !show_tab (self, visible, error))
    return FALSE;
  g_hash_table_add (self->fresh_tabs, g_strdup (visible));
  return TRUE;
}

/* Signal callbacks */

static void
favourite_toggled_cb (GtkToggleButton     *button,
                      RelanceCustomerCard *self)
{
  g_autoptr(GError) error = NULL;
  gboolean favourite = gtk_toggle_button_get_active (button);

  if (self->updating_favourite || self->db == NULL || self->login == NULL)
    return;

  if (!relance_user_customer_store_set_favourite (self->db, self->login, self->actor_id,
                                                  favourite, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (RELANCE_IS_WINDOW (root))
        _relance_window_toast (RELANCE_WINDOW (root), error->message);
      else
        g_warning ("Could not star the customer: %s", error->message);
      favourite = !favourite;
    }
  update_favourite_button (self, favourite);
}

static void
visible_tab_changed_cb (AdwViewStack        *stack,
                        GParamSpec          *pspec,
                        RelanceCustomerCard *self)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->actor_id == 0 || name == NULL ||
      g_hash_table_contains (self->fresh_tabs, name))
    return;
  if (!show_tab (self, name, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (RELANCE_IS_WINDOW (root))
        _relance_window_toast (RELANCE_WINDOW (root), error->message);
      else
        g_warning ("Could not read the tab %s: %s", name, error->message);
      return;
    }
  g_hash_table_add (self->fresh_tabs, g_strdup (name));
}

/* A tab wrote to the database: in the window, every view that depends on
 * it reloads, this card too; alone (in a test), the card reloads. */
static void
tab_changed_cb (GtkWidget           *tab,
                RelanceCustomerCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RELANCE_IS_WINDOW (root))
    _relance_window_data_changed (RELANCE_WINDOW (root));
  else
    relance_customer_card_reload (self);
}

/* GObject */

static void
relance_customer_card_dispose (GObject *object)
{
  RelanceCustomerCard *self = RELANCE_CUSTOMER_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_CUSTOMER_CARD);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_customer_card_parent_class)->dispose (object);
}

static void
relance_customer_card_finalize (GObject *object)
{
  RelanceCustomerCard *self = RELANCE_CUSTOMER_CARD (object);

  g_free (self->login);
  g_hash_table_unref (self->fresh_tabs);

  G_OBJECT_CLASS (relance_customer_card_parent_class)->finalize (object);
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
  object_class->finalize = relance_customer_card_finalize;
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

  g_type_ensure (RELANCE_TYPE_FIGURES_BLOCK);
  g_type_ensure (RELANCE_TYPE_OPEN_ITEMS_TAB);
  g_type_ensure (RELANCE_TYPE_INVOICES_TAB);
  g_type_ensure (RELANCE_TYPE_PAYMENTS_TAB);
  g_type_ensure (RELANCE_TYPE_TIMELINE_VIEW);
  g_type_ensure (RELANCE_TYPE_CARD_DISPUTES_TAB);
  g_type_ensure (RELANCE_TYPE_CARD_PROMISES_TAB);
  g_type_ensure (RELANCE_TYPE_DOCUMENTS_TAB);
  g_type_ensure (RELANCE_TYPE_NOTES_TAB);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-customer-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, favourite_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, identity_grid);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, case_grid);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, no_contacts_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, figures_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, open_items_tab);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, invoices_tab);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, payments_tab);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, disputes_tab);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, promises_tab);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, documents_tab);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerCard, notes_tab);
  gtk_widget_class_bind_template_callback (widget_class, favourite_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, tab_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_tab_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customercard");
}

static void
relance_customer_card_init (RelanceCustomerCard *self)
{
  self->fresh_tabs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evaluation_day = relance_gui_evaluation_day ();
}

/* Public API */

/**
 * relance_customer_card_new:
 *
 * Returns: (transfer floating): a card that shows no customer
 */
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
 * Reads the customer, its case, contacts, figures and tabs and shows
 * them. When it is another customer than the one shown, the card's user
 * (relance_customer_card_set_user()) is recorded as having opened it.
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
  gboolean other = FALSE;

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

  other = self->actor_id != actor_id || self->db != db;
  g_set_object (&self->db, db);
  self->actor_id = actor_id;
  self->evaluation_day = evaluation_day;

  if (other && self->login != NULL &&
      !relance_user_customer_store_touch (db, self->login, actor_id, &local_error))
    goto failed;
  if (!show_all (self, db, actor, &local_error))
    goto failed;

  gtk_stack_set_visible_child_name (self->stack, "customer");
  if (other)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
    }
  return TRUE;

failed:
  relance_customer_card_clear (self);
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * relance_customer_card_reload:
 * @self: a #RelanceCustomerCard
 *
 * Reads the customer shown again, after the database changed; the tab
 * shown stays. A customer that is gone clears the card.
 */
void
relance_customer_card_reload (RelanceCustomerCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;

  g_return_if_fail (RELANCE_IS_CUSTOMER_CARD (self));

  if (self->actor_id == 0 || self->db == NULL)
    return;

  db = g_object_ref (self->db);
  if (!relance_customer_card_show_customer (self, db, self->actor_id, self->evaluation_day,
                                            &error))
    g_warning ("Could not reload the customer card: %s", error->message);
}

/**
 * relance_customer_card_set_user:
 * @self: a #RelanceCustomerCard
 * @login: (nullable): the login of the user working with the card
 *
 * Sets whose favourites the star shows and changes, and who is recorded
 * as having opened the customers shown from now on.
 */
void
relance_customer_card_set_user (RelanceCustomerCard *self,
                                const char          *login)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RELANCE_IS_CUSTOMER_CARD (self));

  if (g_strcmp0 (self->login, login) == 0)
    return;
  g_free (self->login);
  self->login = g_strdup (login);

  if (self->actor_id != 0 && !show_favourite (self, &error))
    g_warning ("Could not read the favourites: %s", error->message);
}

/**
 * relance_customer_card_clear:
 * @self: a #RelanceCustomerCard
 *
 * Shows no customer: the card asks to select one, and lets the database
 * go.
 */
void
relance_customer_card_clear (RelanceCustomerCard *self)
{
  g_return_if_fail (RELANCE_IS_CUSTOMER_CARD (self));

  clear_grid (self->identity_grid);
  clear_grid (self->case_grid);
  remove_figures_blocks (self);
  relance_open_items_tab_clear (self->open_items_tab);
  relance_invoices_tab_clear (self->invoices_tab);
  relance_payments_tab_clear (self->payments_tab);
  relance_timeline_view_clear (self->timeline_view);
  relance_card_disputes_tab_clear (self->disputes_tab);
  relance_card_promises_tab_clear (self->promises_tab);
  relance_documents_tab_clear (self->documents_tab);
  relance_notes_tab_clear (self->notes_tab);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_hash_table_remove_all (self->fresh_tabs);
  g_clear_object (&self->db);

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
 * Returns: (transfer none): the open items shown (#RelanceInvoice), in
 *   the order of the store
 */
GListModel *
relance_customer_card_get_open_items (RelanceCustomerCard *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_CARD (self), NULL);

  return relance_open_items_tab_get_items (self->open_items_tab);
}

/**
 * relance_customer_card_get_tab:
 * @self: a #RelanceCustomerCard
 * @name: "open-items", "invoices", "payments", "timeline", "disputes",
 *   "promises", "documents" or "notes"
 *
 * Returns: (transfer none) (nullable): the widget of that tab
 */
GtkWidget *
relance_customer_card_get_tab (RelanceCustomerCard *self,
                               const char          *name)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_CARD (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/**
 * relance_customer_card_set_visible_tab:
 * @self: a #RelanceCustomerCard
 * @name: a tab's name, as for relance_customer_card_get_tab()
 *
 * Shows that tab, reading it first when it is stale.
 */
void
relance_customer_card_set_visible_tab (RelanceCustomerCard *self,
                                       const char          *name)
{
  g_return_if_fail (RELANCE_IS_CUSTOMER_CARD (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
