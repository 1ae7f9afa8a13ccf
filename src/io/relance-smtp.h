/* relance-smtp.h — hands a message to an SMTP server (libcurl)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-mail-settings.h"

G_BEGIN_DECLS

/* Sends @message (the bytes of relance_mail_message_to_bytes()) to
 * @recipients through the server of @settings: STARTTLS required, or
 * TLS, or plain text for a server on this machine only; the server's
 * certificate is always verified, against the system's authorities and
 * those of @settings' ca_file; logs in when
 * @settings has a user, with @password (from the keyring). Blocks until
 * the server accepted or refused (15 s to connect, 2 min in all); call it
 * from a worker thread. RELANCE_MAIL_ERROR_SEND with a translated message
 * naming the server and the reason; G_IO_ERROR_CANCELLED when
 * @cancellable was cancelled. */
gboolean relance_smtp_send (const RelanceMailSettings *settings,
                            const char                *password,
                            const char                *envelope_from,
                            const char * const        *recipients,
                            GBytes                    *message,
                            GCancellable              *cancellable,
                            GError                   **error);

G_END_DECLS
