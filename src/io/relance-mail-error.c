/* relance-mail-error.c — the error domain of dunning emails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-mail-error"

#include "config.h"

#include "relance-mail-error.h"

G_DEFINE_QUARK (relance-mail-error-quark, relance_mail_error)
