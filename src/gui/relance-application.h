/* relance-application.h — the relance application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RELANCE_TYPE_APPLICATION (relance_application_get_type ())

G_DECLARE_FINAL_TYPE (RelanceApplication, relance_application, RELANCE, APPLICATION, AdwApplication)

RelanceApplication *relance_application_new          (void);
GSettings          *relance_application_get_settings (RelanceApplication *self);

G_END_DECLS
