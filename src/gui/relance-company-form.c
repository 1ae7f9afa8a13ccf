/* relance-company-form.c — the creditor's letterhead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of RelanceCompany as an entry row, checked as the user
 * types with relance_company_check(): a blocking problem (a SIREN whose
 * key is wrong, an IBAN failing mod 97…) marks its row red and keeps
 * Save off; a warning (no signatory, no court) marks it orange and says
 * what a formal notice will lack. The summary at the top lists them all.
 */
#define G_LOG_DOMAIN "relance-company-form"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "relance-company-form.h"
#include "relance-company-store.h"
#include "relance-settings-checks.h"
#include "relance-settings-private.h"

typedef enum
{
  GROUP_IDENTITY,
  GROUP_ADDRESS,
  GROUP_CONTACT,
  GROUP_BANK,
  GROUP_LETTERS,
} Group;

/* The rows, in the order they are shown; logo_path has its own row */
static const struct
{
  const char *field;
  const char *title;
  Group       group;
} fields[] = {
  { "name",            N_("Company name"),              GROUP_IDENTITY },
  { "legal_form",      N_("Legal form"),                GROUP_IDENTITY },
  { "capital",         N_("Share capital"),             GROUP_IDENTITY },
  { "siren",           N_("SIREN"),                     GROUP_IDENTITY },
  { "vat_number",      N_("VAT number"),                GROUP_IDENTITY },
  { "address",         N_("Street address"),            GROUP_ADDRESS },
  { "postcode",        N_("Postcode"),                  GROUP_ADDRESS },
  { "city",            N_("City"),                      GROUP_ADDRESS },
  { "country",         N_("Country"),                   GROUP_ADDRESS },
  { "phone",           N_("Phone"),                     GROUP_CONTACT },
  { "email",           N_("Email"),                     GROUP_CONTACT },
  { "website",         N_("Website"),                   GROUP_CONTACT },
  { "iban",            N_("IBAN"),                      GROUP_BANK },
  { "bic",             N_("BIC"),                       GROUP_BANK },
  { "signatory",       N_("Signatory"),                 GROUP_LETTERS },
  { "signatory_title", N_("Signatory's title"),         GROUP_LETTERS },
  { "court",           N_("Commercial court"),          GROUP_LETTERS },
};

struct _RelanceCompanyForm
{
  GtkWidget             parent_instance;

  /* template children */
  AdwPreferencesGroup  *summary_group;
  GtkListBox           *summary_list;
  AdwPreferencesGroup  *identity_group;
  AdwPreferencesGroup  *address_group;
  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *bank_group;
  AdwPreferencesGroup  *letters_group;
  AdwActionRow         *logo_row;
  GtkPicture           *logo_picture;
  GtkLabel             *status_label;

  /* state */
  RelanceDatabase      *db;
  RelanceValidation    *validation;
  GtkWidget            *rows[G_N_ELEMENTS (fields)];
  GtkWidget            *icons[G_N_ELEMENTS (fields)];
  char                 *logo_path;
  GtkFileChooserNative *chooser;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (RelanceCompanyForm, relance_company_form, GTK_TYPE_WIDGET)

/* Helpers */

static const char *
field_title (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      return _(fields[i].title);
  if (g_strcmp0 (field, "logo_path") == 0)
    return _("Logo");
  return field;
}

static AdwPreferencesGroup *
group_widget (RelanceCompanyForm *self,
              Group               group)
{
  switch (group)
    {
    case GROUP_IDENTITY: return self->identity_group;
    case GROUP_ADDRESS:  return self->address_group;
    case GROUP_CONTACT:  return self->contact_group;
    case GROUP_BANK:     return self->bank_group;
    case GROUP_LETTERS:  return self->letters_group;
    default:             g_assert_not_reached ();
    }
}

/* The form's values as a company; "" is kept as NULL */
static RelanceCompany *
read_company (RelanceCompanyForm *self)
{
  RelanceCompany *company = g_new0 (RelanceCompany, 1);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **slot = relance_company_field (company, fields[i].field);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));

      if (*text != '\0')
        *slot = g_steal_pointer (&text);
    }
  company->logo_path = g_strdup (self->logo_path);
  return company;
}

static void
show_logo (RelanceCompanyForm *self)
{
  gboolean has_logo = self->logo_path != NULL && *self->logo_path != '\0';

  if (has_logo)
    {
      g_autofree char *base = g_path_get_basename (self->logo_path);

      gtk_picture_set_filename (self->logo_picture, self->logo_path);
      adw_action_row_set_subtitle (self->logo_row, base);
    }
  else
    {
      gtk_picture_set_paintable (self->logo_picture, NULL);
      adw_action_row_set_subtitle (self->logo_row, _("None"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "company.clear-logo", has_logo);
}

static void
set_status (RelanceCompanyForm *self,
            const char         *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}

/* Runs the controls and shows them on the rows, in the summary and on
 * the Save button. */
static void
check (RelanceCompanyForm *self)
{
  g_autoptr(RelanceCompany) company = NULL;
  gboolean blocking;

  if (self->loading)
    return;

  company = read_company (self);
  relance_validation_clear (self->validation);
  relance_company_check (company, self->validation);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _relance_settings_mark_row (self->rows[i], self->icons[i],
                                relance_validation_find (self->validation, fields[i].field));
  _relance_settings_fill_summary (self->summary_list, GTK_WIDGET (self->summary_group),
                                  self->validation, field_title);

  blocking = relance_validation_has_blocking (self->validation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "company.save",
                                 self->db != NULL && !blocking);
  if (blocking)
    gtk_label_set_text (self->status_label, _("Correct the problems in red before saving."));
}

/* Callbacks */

static void
row_changed_cb (GtkEditable        *editable,
                RelanceCompanyForm *self)
{
  set_status (self, NULL);
  check (self);
}

static void
chooser_response_cb (GtkNativeDialog    *dialog,
                     int                 response,
                     RelanceCompanyForm *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_free (self->logo_path);
      self->logo_path = g_file_get_path (file);
      show_logo (self);
      check (self);
    }
  g_clear_object (&self->chooser);
}

/* Actions */

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RelanceCompanyForm *self = RELANCE_COMPANY_FORM (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose the Logo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG or JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_logo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RelanceCompanyForm *self = RELANCE_COMPANY_FORM (widget);

  g_clear_pointer (&self->logo_path, g_free);
  show_logo (self);
  check (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RelanceCompanyForm *self = RELANCE_COMPANY_FORM (widget);
  g_autoptr(GError) error = NULL;

  if (!relance_company_form_save (self, &error))
    {
      set_status (self, error->message);
      return;
    }
  /* the warnings stay visible: saving does not make them go away */
  set_status (self, relance_validation_get_n_issues (self->validation) > 0
                    ? _("Saved, with warnings.") : _("Saved."));
  _relance_settings_toast (widget, _("Letterhead saved"));
}

/* GObject */

static void
relance_company_form_dispose (GObject *object)
{
  RelanceCompanyForm *self = RELANCE_COMPANY_FORM (object);
  GtkWidget *child;

  /* the rows emit "changed" as they go: check nothing any more */
  self->loading = TRUE;
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_COMPANY_FORM);
  /* the template's top box is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (relance_company_form_parent_class)->dispose (object);
}

static void
relance_company_form_finalize (GObject *object)
{
  RelanceCompanyForm *self = RELANCE_COMPANY_FORM (object);

  g_clear_object (&self->validation);
  g_free (self->logo_path);

  G_OBJECT_CLASS (relance_company_form_parent_class)->finalize (object);
}

static void
relance_company_form_class_init (RelanceCompanyFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_company_form_dispose;
  object_class->finalize = relance_company_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-company-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, summary_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, summary_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, identity_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, address_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, contact_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, bank_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, letters_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, logo_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, RelanceCompanyForm, status_label);

  gtk_widget_class_install_action (widget_class, "company.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "company.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "company.clear-logo", NULL, clear_logo_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "companyform");
}

static void
relance_company_form_init (RelanceCompanyForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->validation = relance_validation_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      AdwPreferencesGroup *group = group_widget (self, fields[i].group);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      self->icons[i] = _relance_settings_issue_icon ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), self->icons[i]);
      g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
      /* the letters' rows go before the logo's, which the .ui holds */
      if (fields[i].group == GROUP_LETTERS)
        {
          GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->logo_row));

          gtk_list_box_insert (GTK_LIST_BOX (list), row,
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->logo_row)));
        }
      else
        adw_preferences_group_add (group, row);
      self->rows[i] = row;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "company.save", FALSE);
  show_logo (self);
}

/* Public API */

/**
 * relance_company_form_new:
 *
 * Returns: (transfer floating): an empty letterhead form
 */
GtkWidget *
relance_company_form_new (void)
{
  return g_object_new (RELANCE_TYPE_COMPANY_FORM, NULL);
}

/**
 * relance_company_form_set_database:
 * @self: a #RelanceCompanyForm
 * @db: (nullable): the database whose letterhead to edit
 *
 * Reads the letterhead of @db into the form and checks it.
 */
void
relance_company_form_set_database (RelanceCompanyForm *self,
                                   RelanceDatabase    *db)
{
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RELANCE_IS_COMPANY_FORM (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  g_set_object (&self->db, db);
  if (db != NULL)
    {
      company = relance_company_store_load (db, &error);
      if (company == NULL)
        set_status (self, error->message);
    }

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **slot = company != NULL ? relance_company_field (company, fields[i].field) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]),
                             slot != NULL && *slot != NULL ? *slot : "");
    }
  g_free (self->logo_path);
  self->logo_path = company != NULL ? g_strdup (company->logo_path) : NULL;
  show_logo (self);
  self->loading = FALSE;

  check (self);
}

/**
 * relance_company_form_get_row:
 * @self: a #RelanceCompanyForm
 * @field: a field of #RelanceCompany ("siren"…), but "logo_path"
 *
 * Returns: (transfer none) (nullable): the #AdwEntryRow of @field
 */
GtkWidget *
relance_company_form_get_row (RelanceCompanyForm *self,
                              const char         *field)
{
  g_return_val_if_fail (RELANCE_IS_COMPANY_FORM (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      return self->rows[i];
  return NULL;
}

/**
 * relance_company_form_get_validation:
 * @self: a #RelanceCompanyForm
 *
 * Returns: (transfer none): the problems of what the form holds now
 */
RelanceValidation *
relance_company_form_get_validation (RelanceCompanyForm *self)
{
  g_return_val_if_fail (RELANCE_IS_COMPANY_FORM (self), NULL);

  return self->validation;
}

/**
 * relance_company_form_save:
 * @self: a #RelanceCompanyForm
 * @error: a #GError
 *
 * Writes the letterhead, unless a blocking problem remains.
 *
 * Returns: %FALSE with @error set (RELANCE_STORE_ERROR_INVALID when a
 *   blocking problem remains, or the store's error); nothing written
 */
gboolean
relance_company_form_save (RelanceCompanyForm *self,
                           GError            **error)
{
  g_autoptr(RelanceCompany) company = NULL;

  g_return_val_if_fail (RELANCE_IS_COMPANY_FORM (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  check (self);
  if (relance_validation_has_blocking (self->validation))
    {
      g_set_error_literal (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                           _("Correct the problems in red before saving."));
      return FALSE;
    }
  company = read_company (self);
  return relance_company_store_save (self->db, company, error);
}
