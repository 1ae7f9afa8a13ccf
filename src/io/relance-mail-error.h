/* relance-mail-error.h — what can go wrong with a dunning email
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RELANCE_MAIL_ERROR (relance_mail_error_quark ())

typedef enum
{
  RELANCE_MAIL_ERROR_SETTINGS,  /* the server settings are invalid or missing */
  RELANCE_MAIL_ERROR_KEYRING,   /* no keyring to keep the password in */
  RELANCE_MAIL_ERROR_HEADER,    /* a header value would break the message (CR, LF, NUL) */
  RELANCE_MAIL_ERROR_ADDRESS,   /* an address is not a deliverable address, or there is none */
  RELANCE_MAIL_ERROR_SEND,      /* the server refused or could not be reached */
  RELANCE_MAIL_ERROR_OUTBOX,    /* the outbox file could not be written */
} RelanceMailError;

GQuark relance_mail_error_quark (void);

G_END_DECLS
