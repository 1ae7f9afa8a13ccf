/* relance-settings-checks.h — the controls of the settings: the creditor's
 * letterhead and the users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"
#include "relance-company-store.h"

G_BEGIN_DECLS

void     relance_company_check (const RelanceCompany *company,
                                RelanceValidation    *validation);

gboolean relance_user_check    (RelanceDatabase      *db,
                                const RelanceUser    *user,
                                RelanceValidation    *validation,
                                GError              **error);

G_END_DECLS
