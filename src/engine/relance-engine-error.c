/* relance-engine-error.c — the errors of the engine layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-engine"

#include "config.h"

#include "relance-engine-error.h"

G_DEFINE_QUARK (relance-engine-error-quark, relance_engine_error)
