/* relance-demo.h — a generated, realistic French portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"
#include "relance-progress.h"

G_BEGIN_DECLS

#define RELANCE_DEMO_ERROR (relance_demo_error_quark ())

typedef enum
{
  RELANCE_DEMO_ERROR_NOT_EMPTY, /* the database already has actors */
} RelanceDemoError;

GQuark   relance_demo_error_quark (void);

gboolean relance_demo_generate    (RelanceDatabase     *db,
                                   guint                n_customers,
                                   guint32              seed,
                                   RelanceDate          today,
                                   RelanceProgressFunc  progress,
                                   gpointer             progress_data,
                                   GError             **error);

G_END_DECLS
