/* relance-outbox.h — messages kept as .eml files when no server is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-mail-error.h"

G_BEGIN_DECLS

/* The file name of a message: YYYYMMDD-HHMMSS-<mail id>-<customer code>.eml,
 * the code reduced to letters, digits, '-' and '_' */
char *relance_outbox_file_name (GDateTime   *when,
                                gint64       mail_id,
                                const char  *customer_code);

/* Writes @message (CRLF line ends, exactly these bytes) atomically into
 * @outbox_dir, creating it with mode 0700; returns the file's path.
 * RELANCE_MAIL_ERROR_OUTBOX when it cannot be written. */
char *relance_outbox_write     (const char  *outbox_dir,
                                GDateTime   *when,
                                gint64       mail_id,
                                const char  *customer_code,
                                GBytes      *message,
                                GError     **error);

G_END_DECLS
