/* relance-settings-checks.c — the controls of the settings: the creditor's
 * letterhead and the users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As Cassiopae controls an entity before it saves it: a blocking problem
 * (red) forbids the save, a warning (orange) says what a document will lack
 * and lets the user go on. The GUI shows them; the rules are here so that
 * the command line and the tests hold the same ones.
 */
#define G_LOG_DOMAIN "relance-settings-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-settings-checks.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * relance_company_check:
 * @company: the letterhead as the user typed it
 * @validation: gets one issue per problem, the field being the name of
 *   the #RelanceCompany member ("siren", "iban"…)
 *
 * Blocking: no name (documents require it), a SIREN whose Luhn key is
 * wrong, a VAT number whose key does not match (or that names another
 * SIREN than the company's), an IBAN failing mod 97, a malformed email.
 * Warnings: what a formal notice or a letter then lacks — the signatory
 * and their title, the court, the city letters are dated from, the IBAN
 * payments are asked to.
 */
void
relance_company_check (const RelanceCompany *company,
                       RelanceValidation    *validation)
{
  g_return_if_fail (company != NULL);
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (is_blank (company->name))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "name", "%s",
                            _("The company name is required: every document prints it."));
  if (!is_blank (company->siren) && !relance_check_siren (company->siren))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "siren", "%s",
                            _("The SIREN is not valid: it has nine digits and a Luhn check "
                              "key. Check it against the Kbis extract."));
  if (!is_blank (company->vat_number))
    {
      /* the VAT number contains the SIREN: hold it to the company's own
       * only when that one is right, else the SIREN problem says it */
      const char *siren = NULL;

      if (!is_blank (company->siren) && relance_check_siren (company->siren))
        siren = company->siren;
      if (!relance_check_french_vat (company->vat_number, siren))
        relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "vat_number", "%s",
                                siren != NULL
                                ? _("The VAT number is not valid: “FR”, a two-digit key, then "
                                    "the company's SIREN.")
                                : _("The VAT number is not valid: “FR”, a two-digit key, then "
                                    "the nine digits of the SIREN."));
    }
  if (!is_blank (company->iban) && !relance_check_iban (company->iban))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "iban", "%s",
                            _("The IBAN is not valid (its check digits are wrong). "
                              "Copy it from the bank's account details."));
  if (!is_blank (company->email) && !relance_check_email (company->email))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "email", "%s",
                            _("The email address is not valid."));

  if (is_blank (company->signatory))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "signatory", "%s",
                            _("No signatory: letters and formal notices will not be signed."));
  else if (is_blank (company->signatory_title))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "signatory_title", "%s",
                            _("No title for the signatory: letters will print the name alone."));
  if (is_blank (company->court))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "court", "%s",
                            _("No court: a formal notice will not name the tribunal de commerce "
                              "that would order payment."));
  if (is_blank (company->city))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "city", "%s",
                            _("No city: letters will not say where they are written from."));
  if (is_blank (company->iban))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "iban", "%s",
                            _("No IBAN: letters will not say where to pay by transfer."));
}

/**
 * relance_user_check:
 * @db: the database, to find a user with the same login
 * @user: a new user (id 0)
 * @validation: gets one issue per problem, the field being "login",
 *   "name" or "email"
 * @error: a #GError
 *
 * Blocking: a login that is not 1 to 64 characters among a–z, 0–9, '.',
 * '_' and '-', or that another user has; no name; a malformed email.
 * Warning: no email, so that the user gets no notification by mail.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
relance_user_check (RelanceDatabase    *db,
                    const RelanceUser  *user,
                    RelanceValidation  *validation,
                    GError            **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (RELANCE_IS_VALIDATION (validation), FALSE);

  if (!relance_user_login_is_valid (user->login))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "login", "%s",
                            _("The login is 1 to 64 characters among lower-case letters "
                              "without accents, digits, “.”, “_” and “-”."));
  else
    {
      g_autoptr(RelanceUser) other = NULL;
      GError *local_error = NULL;

      other = relance_user_store_find (db, user->login, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (other != NULL && other->id != user->id)
        relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "login",
                                _("The login “%s” is already used by %s. Choose another."),
                                user->login, other->name != NULL ? other->name : other->login);
    }
  if (is_blank (user->name))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "name", "%s",
                            _("The name is required: letters and the agenda show it."));
  if (is_blank (user->email))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "email", "%s",
                            _("No email address: the user will get no notification by mail."));
  else if (!relance_check_email (user->email))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "email", "%s",
                            _("The email address is not valid."));
  return TRUE;
}
