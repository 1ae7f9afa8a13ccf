/* relance-company-store.c — the creditor: what letters are signed with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company is a handful of settings ("company.name", "company.siren"…)
 * rather than a table: there is one creditor per database, and the
 * setting table already carries its values through backups and the
 * command line. An empty value means "not set".
 */
#define G_LOG_DOMAIN "relance-company-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-company-store.h"
#include "relance-database-private.h"

/* In the order of the members of RelanceCompany */
static const char * const field_names[] = {
  "name",
  "legal_form",
  "capital",
  "address",
  "postcode",
  "city",
  "country",
  "siren",
  "vat_number",
  "phone",
  "email",
  "website",
  "iban",
  "bic",
  "logo_path",
  "signatory",
  "signatory_title",
  "court",
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_names) - 1 == sizeof (RelanceCompany) / sizeof (char *));

/* Helpers */

/* The members are all char * in the order of field_names: a field is
 * found by its index, so that the list of names is written once. */
static char **
field_at (RelanceCompany *company,
          guint           index)
{
  return ((char **) (void *) company) + index;
}

static char *
setting_key (const char *field)
{
  return g_strconcat ("company.", field, NULL);
}

/* The text of the audit trail: "field: value" per field that is set */
static char *
describe_company (const RelanceCompany *company)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; field_names[i] != NULL; i++)
    {
      char *value = *field_at ((RelanceCompany *) company, i);

      if (value == NULL || *value == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", field_names[i], value);
    }
  return g_string_free (text, FALSE);
}

/* Public API */

void
relance_company_free (RelanceCompany *company)
{
  if (company == NULL)
    return;
  for (guint i = 0; field_names[i] != NULL; i++)
    g_free (*field_at (company, i));
  g_free (company);
}

/**
 * relance_company_fields:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   fields, as `relance-cli company set NAME VALUE` takes them
 */
const char * const *
relance_company_fields (void)
{
  return field_names;
}

/**
 * relance_company_field:
 * @company: a #RelanceCompany
 * @field: a field name from relance_company_fields()
 *
 * Returns: (transfer none) (nullable): the address of the member named
 *   @field, to read or replace; %NULL for an unknown name
 */
char **
relance_company_field (RelanceCompany *company,
                       const char     *field)
{
  g_return_val_if_fail (company != NULL, NULL);

  for (guint i = 0; field_names[i] != NULL; i++)
    if (g_strcmp0 (field, field_names[i]) == 0)
      return field_at (company, i);
  return NULL;
}

/**
 * relance_company_store_load:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Returns: (transfer full): the company; a field not set is %NULL (the
 *   company is returned even when nothing is set)
 */
RelanceCompany *
relance_company_store_load (RelanceDatabase  *db,
                            GError          **error)
{
  g_autoptr(RelanceCompany) company = g_new0 (RelanceCompany, 1);

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  for (guint i = 0; field_names[i] != NULL; i++)
    {
      g_autofree char *key = setting_key (field_names[i]);
      g_autofree char *value = relance_database_get_setting (db, key);

      if (value != NULL && *g_strstrip (value) != '\0')
        *field_at (company, i) = g_steal_pointer (&value);
    }
  return g_steal_pointer (&company);
}

/**
 * relance_company_store_save:
 * @db: a #RelanceDatabase
 * @company: every field; %NULL or "" clears one
 * @error: a #GError
 *
 * Writes every field in one transaction, with an audit line holding the
 * company before and after; nothing is written when nothing changed.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_company_store_save (RelanceDatabase       *db,
                            const RelanceCompany  *company,
                            GError               **error)
{
  g_autoptr(RelanceCompany) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (company != NULL, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  before = relance_company_store_load (db, error);
  if (before == NULL)
    goto failed;
  before_text = describe_company (before);
  after_text = describe_company (company);
  if (g_strcmp0 (before_text, after_text) == 0)
    return relance_database_commit (db, error);

  for (guint i = 0; field_names[i] != NULL; i++)
    {
      g_autofree char *key = setting_key (field_names[i]);
      g_autofree char *value = g_strdup (*field_at ((RelanceCompany *) company, i));

      if (!relance_database_set_setting (db, key, value ? g_strstrip (value) : "", error))
        goto failed;
    }
  if (!relance_database_audit (db, "company", 0, "update",
                               *before_text != '\0' ? before_text : NULL, after_text, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
