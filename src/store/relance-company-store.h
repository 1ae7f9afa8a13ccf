/* relance-company-store.h — the creditor: what letters are signed with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceCompany:
 *
 * The company that sends the letters, kept in the setting table under
 * "company.<field>" (company.name, company.siren…). Every field is
 * nullable but @name, which documents require. @logo_path is a PNG or
 * JPEG file printed in the letterhead. @signatory and @signatory_title
 * sign the letters; @court is the tribunal de commerce a formal notice
 * names; @city is also the place a letter is dated from.
 */
typedef struct
{
  char *name;
  char *legal_form;
  char *capital;
  char *address;
  char *postcode;
  char *city;
  char *country;
  char *siren;
  char *vat_number;
  char *phone;
  char *email;
  char *website;
  char *iban;
  char *bic;
  char *logo_path;
  char *signatory;
  char *signatory_title;
  char *court;
} RelanceCompany;

void            relance_company_free       (RelanceCompany   *company);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCompany, relance_company_free)

/* The field names, NULL-terminated, in the order above */
const char * const *relance_company_fields (void);
/* A field of @company by name, NULL for an unknown name */
char          **relance_company_field      (RelanceCompany   *company,
                                            const char       *field);

RelanceCompany *relance_company_store_load (RelanceDatabase  *db,
                                            GError          **error);
/* Writes every field (NULL or "" clears it), in one transaction, audited */
gboolean        relance_company_store_save (RelanceDatabase  *db,
                                            const RelanceCompany *company,
                                            GError          **error);

G_END_DECLS
