/* relance-company-form.h — the creditor's letterhead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_COMPANY_FORM (relance_company_form_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCompanyForm, relance_company_form, RELANCE, COMPANY_FORM, GtkWidget)

GtkWidget         *relance_company_form_new            (void);
void               relance_company_form_set_database   (RelanceCompanyForm *self,
                                                        RelanceDatabase    *db);
GtkWidget         *relance_company_form_get_row        (RelanceCompanyForm *self,
                                                        const char         *field);
RelanceValidation *relance_company_form_get_validation (RelanceCompanyForm *self);
gboolean           relance_company_form_save           (RelanceCompanyForm *self,
                                                        GError            **error);

G_END_DECLS
