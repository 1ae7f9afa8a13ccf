/* relance-validation.h — data controls: blocking (red) and warning (orange)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RELANCE_SEVERITY_WARNING,
  RELANCE_SEVERITY_BLOCKING,
} RelanceSeverity;

typedef struct
{
  RelanceSeverity severity;
  char           *field;    /* property name, e.g. "siren" */
  char           *message;  /* translated, says what is wrong and what to do */
} RelanceIssue;

#define RELANCE_TYPE_VALIDATION (relance_validation_get_type ())

G_DECLARE_FINAL_TYPE (RelanceValidation, relance_validation, RELANCE, VALIDATION, GObject)

RelanceValidation  *relance_validation_new           (void);
void                relance_validation_add           (RelanceValidation *self,
                                                      RelanceSeverity    severity,
                                                      const char        *field,
                                                      const char        *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
guint               relance_validation_get_n_issues  (RelanceValidation *self);
const RelanceIssue *relance_validation_get_issue     (RelanceValidation *self,
                                                      guint              index);
gboolean            relance_validation_has_blocking  (RelanceValidation *self);
const RelanceIssue *relance_validation_find          (RelanceValidation *self,
                                                      const char        *field);
char               *relance_validation_to_string     (RelanceValidation *self);
void                relance_validation_clear         (RelanceValidation *self);

/* Identifier checks, usable alone */
gboolean            relance_check_siren              (const char *siren);
gboolean            relance_check_siret              (const char *siret);
gboolean            relance_check_iban               (const char *iban);
/* @iban in groups of four, as printed on letters (FR76 3000 4019 …) */
char               *relance_format_iban              (const char *iban);
gboolean            relance_check_email              (const char *email);
gboolean            relance_check_french_vat         (const char *vat,
                                                      const char *siren);
char               *relance_normalize_identifier     (const char *text);

G_END_DECLS
