/* relance-engine-error.h — the errors of the engine layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RELANCE_ENGINE_ERROR (relance_engine_error_quark ())

typedef enum
{
  RELANCE_ENGINE_ERROR_INVALID_BUCKETS,  /* an aged-balance bucket spec that cannot be used */
  RELANCE_ENGINE_ERROR_INVALID_CURRENCY, /* not an ISO 4217 code */
  RELANCE_ENGINE_ERROR_NOT_FOUND,        /* the customer, invoice, dispute or promise does not exist */
  RELANCE_ENGINE_ERROR_REFUSED,          /* a business rule refuses the change; the message says which */
  RELANCE_ENGINE_ERROR_NO_RATE,          /* the reference rate table has no rate for a period */
  RELANCE_ENGINE_ERROR_INVALID_RATE,     /* a rate that cannot be read ("4,50" is 450 basis points) */
} RelanceEngineError;

GQuark relance_engine_error_quark (void);

G_END_DECLS
