/* relance-mail-message.h — an RFC 5322 / MIME message with attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-mail-error.h"

G_BEGIN_DECLS

/**
 * RelanceMailMessage:
 *
 * An email being built. Every setter that takes a value from data
 * refuses a CR, LF or NUL with RELANCE_MAIL_ERROR_HEADER naming the field
 * (so that a customer's name can never add a header), and every address
 * is checked with RELANCE_MAIL_ERROR_ADDRESS. The bytes are made by
 * relance_mail_message_to_bytes(): CRLF line ends, non-ASCII header
 * values as RFC 2047 encoded-words, a text/plain UTF-8 part in
 * quoted-printable, attachments in base64, no line longer than 76
 * characters except an unbreakable address.
 */
typedef struct _RelanceMailMessage RelanceMailMessage;

RelanceMailMessage *relance_mail_message_new             (void);
void                relance_mail_message_free            (RelanceMailMessage *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceMailMessage, relance_mail_message_free)

/* @name (nullable) and @address of the sender; also the envelope sender
 * and the domain of the Message-ID */
gboolean     relance_mail_message_set_from           (RelanceMailMessage  *message,
                                                      const char          *name,
                                                      const char          *address,
                                                      GError             **error);
/* Adds a recipient; @name is nullable */
gboolean     relance_mail_message_add_to             (RelanceMailMessage  *message,
                                                      const char          *name,
                                                      const char          *address,
                                                      GError             **error);
gboolean     relance_mail_message_add_cc             (RelanceMailMessage  *message,
                                                      const char          *name,
                                                      const char          *address,
                                                      GError             **error);
gboolean     relance_mail_message_set_reply_to       (RelanceMailMessage  *message,
                                                      const char          *address,
                                                      GError             **error);
gboolean     relance_mail_message_set_subject        (RelanceMailMessage  *message,
                                                      const char          *subject,
                                                      GError             **error);
/* The text of the message, UTF-8, lines ending in "\n" or "\r\n" */
gboolean     relance_mail_message_set_body           (RelanceMailMessage  *message,
                                                      const char          *body,
                                                      GError             **error);
/* The Date header; the time of relance_mail_message_to_bytes() when not set */
void         relance_mail_message_set_date           (RelanceMailMessage  *message,
                                                      GDateTime           *date);
/* "<left@right>"; one is made from random bytes and the sender's domain
 * when not set. Set it to send a stored message again under its id. */
gboolean     relance_mail_message_set_message_id     (RelanceMailMessage  *message,
                                                      const char          *message_id,
                                                      GError             **error);
/* The Message-ID (made now when not set yet); NULL before set_from() */
const char  *relance_mail_message_get_message_id     (RelanceMailMessage  *message);
/* Attaches @content as @filename (UTF-8, may be non-ASCII) of
 * @mime_type ("application/pdf") */
gboolean     relance_mail_message_add_attachment     (RelanceMailMessage  *message,
                                                      const char          *filename,
                                                      const char          *mime_type,
                                                      GBytes              *content,
                                                      GError             **error);

const char  *relance_mail_message_get_subject        (RelanceMailMessage  *message);
const char  *relance_mail_message_get_body           (RelanceMailMessage  *message);
/* The sender's address (SMTP MAIL FROM) */
const char  *relance_mail_message_get_envelope_from  (RelanceMailMessage  *message);
/* Every To and Cc address (SMTP RCPT TO), NULL-terminated */
const char * const *relance_mail_message_get_recipients (RelanceMailMessage *message);

/* The message as it goes on the wire and in an .eml file;
 * RELANCE_MAIL_ERROR_ADDRESS when there is no sender or no recipient */
GBytes      *relance_mail_message_to_bytes           (RelanceMailMessage  *message,
                                                      GError             **error);

/* RFC 5322 date: "Mon, 23 Nov 2026 09:30:00 +0100" */
char        *relance_mail_format_date                (GDateTime           *date);

G_END_DECLS
