/* relance-mail-message.c — an RFC 5322 / MIME message with attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values that come from data (a customer's name, a template's subject,
 * a file name) are checked when they are set: a CR or LF in them is
 * refused, never stripped, because "Name\r\nBcc: x@y" must not become a
 * second header and silently dropping the break would hide the attempt.
 * Everything that is not plain ASCII is encoded (RFC 2047 words in
 * headers, RFC 2231 parameters for file names, quoted-printable for the
 * text, base64 for attachments), so every line on the wire is ASCII and
 * at most 76 characters long.
 */
#define G_LOG_DOMAIN "relance-mail-message"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-mail-message.h"
#include "relance-validation.h"

#define LINE_MAX_LENGTH 76
/* Bytes of UTF-8 per encoded-word: 36 bytes → 48 base64 characters →
 * a word of 60, which fits after "Subject: " on a 76-column line */
#define WORD_BYTES 36
/* Characters of a percent-encoded RFC 2231 value per line */
#define PARAM_CHUNK 48

typedef struct
{
  char *name;
  char *address;
} Mailbox;

typedef struct
{
  char   *filename;
  char   *mime_type;
  GBytes *content;
} Attachment;

struct _RelanceMailMessage
{
  Mailbox   *from;
  GPtrArray *to;          /* Mailbox */
  GPtrArray *cc;          /* Mailbox */
  char      *reply_to;
  char      *subject;
  char      *body;
  GDateTime *date;
  char      *message_id;
  GPtrArray *attachments; /* Attachment */
  GPtrArray *recipients;  /* char *, NULL-terminated */
};

/* A header being written, folded before a token that would pass the
 * 76th column */
typedef struct
{
  GString *out;
  gsize    column;
  guint    n_tokens;
} Header;

static const char * const day_names[] = {
  "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};
static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* Helpers */

static void
mailbox_free (Mailbox *mailbox)
{
  if (mailbox == NULL)
    return;
  g_free (mailbox->name);
  g_free (mailbox->address);
  g_free (mailbox);
}

static void
attachment_free (Attachment *attachment)
{
  g_free (attachment->filename);
  g_free (attachment->mime_type);
  g_bytes_unref (attachment->content);
  g_free (attachment);
}

static gboolean
is_ascii (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* A CR or LF would end the header and start another: refuse, naming the
 * field, so that the user can correct the data */
static gboolean
check_header_value (const char  *value,
                    const char  *field,
                    GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (strpbrk (value, "\r\n") != NULL)
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_HEADER,
                   _("The %s of the email contains a line break, which could add "
                     "headers to the message; correct it: “%s”"),
                   field, value);
      return FALSE;
    }
  for (const unsigned char *p = (const unsigned char *) value; *p; p++)
    if (*p < 0x20 && *p != '\t')
      {
        g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_HEADER,
                     _("The %s of the email contains a control character; correct it"),
                     field);
        return FALSE;
      }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_HEADER,
                   _("The %s of the email is not valid UTF-8 text"), field);
      return FALSE;
    }
  return TRUE;
}

/* Addresses stay ASCII: an address with accents needs SMTPUTF8, which
 * many servers refuse, so it is better to say so now */
static gboolean
check_address (const char  *address,
               const char  *field,
               GError     **error)
{
  if (!check_header_value (address, field, error))
    return FALSE;
  if (address == NULL || !relance_check_email (address) || !is_ascii (address))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_ADDRESS,
                   _("“%s” is not an email address that can be written in the %s "
                     "(one “@”, a domain with a dot, no space, no accent)"),
                   address ? address : "", field);
      return FALSE;
    }
  return TRUE;
}

static Mailbox *
mailbox_new (const char *name,
             const char *address)
{
  Mailbox *mailbox = g_new0 (Mailbox, 1);

  mailbox->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  mailbox->address = g_strdup (address);
  return mailbox;
}

static void
rebuild_recipients (RelanceMailMessage *message)
{
  g_ptr_array_set_size (message->recipients, 0);
  for (guint i = 0; i < message->to->len; i++)
    g_ptr_array_add (message->recipients,
                     ((Mailbox *) g_ptr_array_index (message->to, i))->address);
  for (guint i = 0; i < message->cc->len; i++)
    g_ptr_array_add (message->recipients,
                     ((Mailbox *) g_ptr_array_index (message->cc, i))->address);
  g_ptr_array_add (message->recipients, NULL);
}

static gboolean
add_mailbox (RelanceMailMessage  *message,
             GPtrArray           *list,
             const char          *name,
             const char          *address,
             const char          *field,
             GError             **error)
{
  if (!check_header_value (name, field, error) || !check_address (address, field, error))
    return FALSE;
  g_ptr_array_add (list, mailbox_new (name, address));
  rebuild_recipients (message);
  return TRUE;
}

static void
header_begin (Header     *header,
              GString    *out,
              const char *name)
{
  header->out = out;
  header->n_tokens = 0;
  g_string_append (out, name);
  g_string_append_c (out, ':');
  header->column = strlen (name) + 1;
}

/* Appends @token after a space, or on a new folded line when it would
 * pass the 76th column; a token is never cut */
static void
header_token (Header     *header,
              const char *token)
{
  gsize length = strlen (token);

  if (header->n_tokens > 0 && header->column + 1 + length > LINE_MAX_LENGTH)
    {
      g_string_append (header->out, "\r\n ");
      header->column = 1;
    }
  else
    {
      g_string_append_c (header->out, ' ');
      header->column++;
    }
  g_string_append (header->out, token);
  header->column += length;
  header->n_tokens++;
}

static void
header_end (Header *header)
{
  g_string_append (header->out, "\r\n");
}

/* RFC 2047 "B" words of at most WORD_BYTES bytes each, never cutting a
 * UTF-8 character; whitespace between two encoded-words is ignored by
 * readers, so the words can be folded freely */
static void
header_encoded_words (Header     *header,
                      const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *encoded = NULL;
      g_autofree char *word = NULL;

      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if (next - p > WORD_BYTES)
            break;
          end = next;
        }
      encoded = g_base64_encode ((const guchar *) p, end - p);
      word = g_strdup_printf ("=?UTF-8?B?%s?=", encoded);
      header_token (header, word);
      p = end;
    }
}

/* An unstructured value (the subject) can go as it is when it is ASCII
 * words separated by single spaces: folding then only replaces a space
 * by CRLF + space, which unfolding undoes exactly */
static gboolean
is_plain_unstructured (const char *text)
{
  gsize length = strlen (text);
  gsize word = 0;

  if (length == 0 || !is_ascii (text) || strstr (text, "=?") != NULL ||
      text[0] == ' ' || text[length - 1] == ' ' || strstr (text, "  ") != NULL ||
      strchr (text, '\t') != NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      word = *p == ' ' ? 0 : word + 1;
      if (word > LINE_MAX_LENGTH - 12)
        return FALSE;
    }
  return TRUE;
}

static void
header_unstructured (Header     *header,
                     const char *text)
{
  if (is_plain_unstructured (text))
    {
      g_auto(GStrv) words = g_strsplit (text, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        header_token (header, words[i]);
    }
  else if (text[0] != '\0')
    header_encoded_words (header, text);
}

static gboolean
is_atext_phrase (const char *text)
{
  if (!is_plain_unstructured (text))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (" !#$%&'*+-/=?^_`{|}~", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* name <address>, the name as atoms or as encoded-words (which also
 * covers ASCII names with commas, quotes or dots) */
static void
header_mailbox (Header        *header,
                const Mailbox *mailbox,
                gboolean       last)
{
  g_autofree char *address = g_strdup_printf ("<%s>%s", mailbox->address, last ? "" : ",");

  if (mailbox->name != NULL)
    {
      if (is_atext_phrase (mailbox->name))
        header_unstructured (header, mailbox->name);
      else
        header_encoded_words (header, mailbox->name);
    }
  header_token (header, address);
}

static void
append_address_header (GString    *out,
                       const char *name,
                       GPtrArray  *mailboxes)
{
  Header header;

  if (mailboxes->len == 0)
    return;
  header_begin (&header, out, name);
  for (guint i = 0; i < mailboxes->len; i++)
    header_mailbox (&header, g_ptr_array_index (mailboxes, i), i + 1 == mailboxes->len);
  header_end (&header);
}

static gboolean
is_attr_char (unsigned char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$&+-.^_`|~", c) != NULL;
}

static gboolean
is_plain_parameter (const char *value)
{
  if (!is_ascii (value) || strlen (value) > PARAM_CHUNK)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (*p == '"' || *p == '\\' || (unsigned char) *p < 0x20)
      return FALSE;
  return TRUE;
}

/* A parameter such as filename: quoted when short ASCII, else RFC 2231
 * (UTF-8, percent-encoded, continued over several lines) */
static void
header_parameter (Header     *header,
                  const char *attribute,
                  const char *value,
                  gboolean    last)
{
  g_autoptr(GString) encoded = NULL;
  g_autoptr(GPtrArray) chunks = NULL;

  if (is_plain_parameter (value))
    {
      g_autofree char *token = g_strdup_printf ("%s=\"%s\"%s", attribute, value,
                                                last ? "" : ";");

      header_token (header, token);
      return;
    }

  encoded = g_string_new (NULL);
  chunks = g_ptr_array_new_with_free_func (g_free);
  for (const unsigned char *p = (const unsigned char *) value; *p; p++)
    {
      /* never cut a %XX escape, nor a UTF-8 character between chunks,
       * so that each chunk decodes on its own */
      if (encoded->len + 3 > PARAM_CHUNK && (*p & 0xc0) != 0x80)
        {
          g_ptr_array_add (chunks, g_string_free (g_steal_pointer (&encoded), FALSE));
          encoded = g_string_new (NULL);
        }
      if (is_attr_char (*p))
        g_string_append_c (encoded, (char) *p);
      else
        g_string_append_printf (encoded, "%%%02X", *p);
    }
  g_ptr_array_add (chunks, g_string_free (g_steal_pointer (&encoded), FALSE));

  for (guint i = 0; i < chunks->len; i++)
    {
      g_autofree char *token = NULL;
      gboolean end = last && i + 1 == chunks->len;

      if (chunks->len == 1)
        token = g_strdup_printf ("%s*=UTF-8''%s%s", attribute,
                                 (char *) g_ptr_array_index (chunks, i), end ? "" : ";");
      else
        token = g_strdup_printf ("%s*%u*=%s%s%s", attribute, i, i == 0 ? "UTF-8''" : "",
                                 (char *) g_ptr_array_index (chunks, i), end ? "" : ";");
      header_token (header, token);
    }
}

/* Quoted-printable (RFC 2045) of UTF-8 text with CRLF line ends: soft
 * breaks keep lines at 76 characters; "=", control bytes, non-ASCII,
 * a space ending a line and a "From " starting one are escaped */
static void
append_quoted_printable (GString    *out,
                         const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);

  /* a text ending in a line end has no empty last line */
  if (n_lines > 0 && lines[n_lines - 1][0] == '\0')
    n_lines--;

  for (guint l = 0; l < n_lines; l++)
    {
      char *line = lines[l];
      gsize length = strlen (line);
      gsize column = 0;

      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      for (gsize i = 0; i < length; i++)
        {
          unsigned char c = (unsigned char) line[i];
          gboolean escape = c == '=' || (c < 0x20 && c != '\t') || c >= 0x7f ||
                            ((c == ' ' || c == '\t') && i + 1 == length) ||
                            (i == 0 && c == 'F' && g_str_has_prefix (line, "From ")) ||
                            (i == 0 && c == '.');
          gsize width = escape ? 3 : 1;

          if (column + width > LINE_MAX_LENGTH - 1)
            {
              g_string_append (out, "=\r\n");
              column = 0;
            }
          if (escape)
            g_string_append_printf (out, "=%02X", c);
          else
            g_string_append_c (out, (char) c);
          column += width;
        }
      g_string_append (out, "\r\n");
    }
}

static void
append_base64 (GString *out,
               GBytes  *content)
{
  gsize size;
  const guchar *data = g_bytes_get_data (content, &size);
  g_autofree char *encoded = g_base64_encode (data, size);
  gsize length = strlen (encoded);

  for (gsize i = 0; i < length; i += LINE_MAX_LENGTH)
    {
      g_string_append_len (out, encoded + i, MIN (LINE_MAX_LENGTH, length - i));
      g_string_append (out, "\r\n");
    }
}

static char *
make_message_id (const char *address)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *left = NULL;
  const char *domain = strchr (address, '@') + 1;
  GString *hex = g_string_new (NULL);

  for (const char *p = uuid; *p; p++)
    if (*p != '-')
      g_string_append_c (hex, *p);
  left = g_string_free (hex, FALSE);
  return g_strdup_printf ("<%s.relance@%s>", left, domain);
}

static void
append_text_part_headers (GString *out)
{
  g_string_append (out,
                   "Content-Type: text/plain; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n");
}

/* Public API */

/**
 * relance_mail_message_new:
 *
 * Returns: (transfer full): an empty message
 */
RelanceMailMessage *
relance_mail_message_new (void)
{
  RelanceMailMessage *message = g_new0 (RelanceMailMessage, 1);

  message->to = g_ptr_array_new_with_free_func ((GDestroyNotify) mailbox_free);
  message->cc = g_ptr_array_new_with_free_func ((GDestroyNotify) mailbox_free);
  message->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  message->recipients = g_ptr_array_new ();
  g_ptr_array_add (message->recipients, NULL);
  message->subject = g_strdup ("");
  message->body = g_strdup ("");
  return message;
}

void
relance_mail_message_free (RelanceMailMessage *message)
{
  if (message == NULL)
    return;
  mailbox_free (message->from);
  g_ptr_array_unref (message->to);
  g_ptr_array_unref (message->cc);
  g_free (message->reply_to);
  g_free (message->subject);
  g_free (message->body);
  g_clear_pointer (&message->date, g_date_time_unref);
  g_free (message->message_id);
  g_ptr_array_unref (message->attachments);
  g_ptr_array_unref (message->recipients);
  g_free (message);
}

/**
 * relance_mail_message_set_from:
 * @message: a #RelanceMailMessage
 * @name: (nullable): the sender's name
 * @address: the sender's address
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER or
 *   RELANCE_MAIL_ERROR_ADDRESS
 */
gboolean
relance_mail_message_set_from (RelanceMailMessage  *message,
                               const char          *name,
                               const char          *address,
                               GError             **error)
{
  g_return_val_if_fail (message != NULL, FALSE);

  if (!check_header_value (name, _("sender name"), error) ||
      !check_address (address, _("sender address"), error))
    return FALSE;
  mailbox_free (message->from);
  message->from = mailbox_new (name, address);
  return TRUE;
}

/**
 * relance_mail_message_add_to:
 * @message: a #RelanceMailMessage
 * @name: (nullable): the recipient's name
 * @address: the recipient's address
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER or
 *   RELANCE_MAIL_ERROR_ADDRESS
 */
gboolean
relance_mail_message_add_to (RelanceMailMessage  *message,
                             const char          *name,
                             const char          *address,
                             GError             **error)
{
  g_return_val_if_fail (message != NULL, FALSE);
  return add_mailbox (message, message->to, name, address, _("recipient (To)"), error);
}

/**
 * relance_mail_message_add_cc:
 * @message: a #RelanceMailMessage
 * @name: (nullable): the recipient's name
 * @address: the recipient's address
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER or
 *   RELANCE_MAIL_ERROR_ADDRESS
 */
gboolean
relance_mail_message_add_cc (RelanceMailMessage  *message,
                             const char          *name,
                             const char          *address,
                             GError             **error)
{
  g_return_val_if_fail (message != NULL, FALSE);
  return add_mailbox (message, message->cc, name, address, _("copy recipient (Cc)"), error);
}

/**
 * relance_mail_message_set_reply_to:
 * @message: a #RelanceMailMessage
 * @address: (nullable): where answers go, %NULL for the sender
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER or
 *   RELANCE_MAIL_ERROR_ADDRESS
 */
gboolean
relance_mail_message_set_reply_to (RelanceMailMessage  *message,
                                   const char          *address,
                                   GError             **error)
{
  g_return_val_if_fail (message != NULL, FALSE);

  if (address != NULL && address[0] != '\0' &&
      !check_address (address, _("reply-to address"), error))
    return FALSE;
  g_free (message->reply_to);
  message->reply_to = (address != NULL && address[0] != '\0') ? g_strdup (address) : NULL;
  return TRUE;
}

/**
 * relance_mail_message_set_subject:
 * @message: a #RelanceMailMessage
 * @subject: the subject, UTF-8, on one line
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER
 */
gboolean
relance_mail_message_set_subject (RelanceMailMessage  *message,
                                  const char          *subject,
                                  GError             **error)
{
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  if (!check_header_value (subject, _("subject"), error))
    return FALSE;
  g_free (message->subject);
  message->subject = g_strdup (subject);
  return TRUE;
}

/**
 * relance_mail_message_set_body:
 * @message: a #RelanceMailMessage
 * @body: the text, UTF-8
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER when @body is
 *   not UTF-8
 */
gboolean
relance_mail_message_set_body (RelanceMailMessage  *message,
                               const char          *body,
                               GError             **error)
{
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  if (!g_utf8_validate (body, -1, NULL))
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_HEADER,
                           _("The text of the email is not valid UTF-8"));
      return FALSE;
    }
  g_free (message->body);
  message->body = g_strdup (body);
  return TRUE;
}

/**
 * relance_mail_message_set_date:
 * @message: a #RelanceMailMessage
 * @date: (nullable): the Date header, %NULL for the time of writing
 */
void
relance_mail_message_set_date (RelanceMailMessage *message,
                               GDateTime          *date)
{
  g_return_if_fail (message != NULL);

  g_clear_pointer (&message->date, g_date_time_unref);
  if (date != NULL)
    message->date = g_date_time_ref (date);
}

/**
 * relance_mail_message_set_message_id:
 * @message: a #RelanceMailMessage
 * @message_id: "<left@right>"
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER when
 *   @message_id is not of that form
 */
gboolean
relance_mail_message_set_message_id (RelanceMailMessage  *message,
                                     const char          *message_id,
                                     GError             **error)
{
  gsize length;

  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (message_id != NULL, FALSE);

  if (!check_header_value (message_id, _("Message-ID"), error))
    return FALSE;
  length = strlen (message_id);
  if (length < 5 || message_id[0] != '<' || message_id[length - 1] != '>' ||
      strchr (message_id, '@') == NULL || !is_ascii (message_id) ||
      strchr (message_id, ' ') != NULL)
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_HEADER,
                   _("“%s” is not a Message-ID (<left@right>)"), message_id);
      return FALSE;
    }
  g_free (message->message_id);
  message->message_id = g_strdup (message_id);
  return TRUE;
}

/**
 * relance_mail_message_get_message_id:
 * @message: a #RelanceMailMessage
 *
 * Returns: (nullable): the Message-ID, made from random bytes and the
 *   sender's domain on the first call; %NULL when there is no sender yet
 */
const char *
relance_mail_message_get_message_id (RelanceMailMessage *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  if (message->message_id == NULL && message->from != NULL)
    message->message_id = make_message_id (message->from->address);
  return message->message_id;
}

/**
 * relance_mail_message_add_attachment:
 * @message: a #RelanceMailMessage
 * @filename: the file name the recipient sees
 * @mime_type: its type, "application/pdf"
 * @content: its bytes
 * @error: a #GError
 *
 * Returns: %TRUE, or %FALSE with RELANCE_MAIL_ERROR_HEADER
 */
gboolean
relance_mail_message_add_attachment (RelanceMailMessage  *message,
                                     const char          *filename,
                                     const char          *mime_type,
                                     GBytes              *content,
                                     GError             **error)
{
  Attachment *attachment;
  const char *slash;

  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (mime_type != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (!check_header_value (filename, _("attachment file name"), error))
    return FALSE;
  slash = strchr (mime_type, '/');
  if (slash == NULL || slash == mime_type || slash[1] == '\0' ||
      strpbrk (mime_type, " \t\r\n;\"()<>@,:\\[]?=") != NULL || !is_ascii (mime_type))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_HEADER,
                   _("“%s” is not a media type such as application/pdf"), mime_type);
      return FALSE;
    }

  attachment = g_new0 (Attachment, 1);
  attachment->filename = g_strdup (filename[0] != '\0' ? filename : "attachment");
  attachment->mime_type = g_ascii_strdown (mime_type, -1);
  attachment->content = g_bytes_ref (content);
  g_ptr_array_add (message->attachments, attachment);
  return TRUE;
}

const char *
relance_mail_message_get_subject (RelanceMailMessage *message)
{
  g_return_val_if_fail (message != NULL, NULL);
  return message->subject;
}

const char *
relance_mail_message_get_body (RelanceMailMessage *message)
{
  g_return_val_if_fail (message != NULL, NULL);
  return message->body;
}

/**
 * relance_mail_message_get_envelope_from:
 * @message: a #RelanceMailMessage
 *
 * Returns: (nullable): the sender's address, for SMTP MAIL FROM
 */
const char *
relance_mail_message_get_envelope_from (RelanceMailMessage *message)
{
  g_return_val_if_fail (message != NULL, NULL);
  return message->from != NULL ? message->from->address : NULL;
}

/**
 * relance_mail_message_get_recipients:
 * @message: a #RelanceMailMessage
 *
 * Returns: (array zero-terminated=1) (transfer none): the To then Cc
 *   addresses, for SMTP RCPT TO; valid until the next change
 */
const char * const *
relance_mail_message_get_recipients (RelanceMailMessage *message)
{
  g_return_val_if_fail (message != NULL, NULL);
  return (const char * const *) message->recipients->pdata;
}

/**
 * relance_mail_format_date:
 * @date: a time
 *
 * English day and month names whatever the locale, as RFC 5322 wants.
 *
 * Returns: (transfer full): "Mon, 23 Nov 2026 09:30:00 +0100"
 */
char *
relance_mail_format_date (GDateTime *date)
{
  GTimeSpan offset;
  gint64 minutes;

  g_return_val_if_fail (date != NULL, NULL);

  offset = g_date_time_get_utc_offset (date);
  minutes = ABS (offset) / G_TIME_SPAN_MINUTE;
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                          day_names[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          month_names[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date),
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date),
                          offset < 0 ? '-' : '+',
                          (int) (minutes / 60), (int) (minutes % 60));
}

/**
 * relance_mail_message_to_bytes:
 * @message: a #RelanceMailMessage
 * @error: a #GError
 *
 * Writes the message: headers, then the text alone (text/plain) or the
 * text and the attachments (multipart/mixed).
 *
 * Returns: (transfer full): the bytes, CRLF line ends; %NULL with
 *   RELANCE_MAIL_ERROR_ADDRESS when there is no sender or no recipient
 */
GBytes *
relance_mail_message_to_bytes (RelanceMailMessage  *message,
                               GError             **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *uuid = NULL;
  GString *out;
  Header header;
  GPtrArray *from;

  g_return_val_if_fail (message != NULL, NULL);

  if (message->from == NULL)
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_ADDRESS,
                           _("The email has no sender address; set it in the mail settings"));
      return NULL;
    }
  if (message->to->len == 0 && message->cc->len == 0)
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_ADDRESS,
                           _("The email has no recipient"));
      return NULL;
    }

  out = g_string_new (NULL);
  now = message->date ? g_date_time_ref (message->date) : g_date_time_new_now_local ();
  date = relance_mail_format_date (now);
  g_string_append_printf (out, "Date: %s\r\n", date);

  from = g_ptr_array_new ();
  g_ptr_array_add (from, message->from);
  append_address_header (out, "From", from);
  g_ptr_array_unref (from);
  append_address_header (out, "To", message->to);
  append_address_header (out, "Cc", message->cc);
  if (message->reply_to != NULL)
    g_string_append_printf (out, "Reply-To: <%s>\r\n", message->reply_to);

  header_begin (&header, out, "Subject");
  header_unstructured (&header, message->subject);
  header_end (&header);

  g_string_append_printf (out, "Message-ID: %s\r\n",
                          relance_mail_message_get_message_id (message));
  g_string_append (out, "MIME-Version: 1.0\r\n");

  if (message->attachments->len == 0)
    {
      append_text_part_headers (out);
      g_string_append (out, "\r\n");
      append_quoted_printable (out, message->body);
      return g_string_free_to_bytes (out);
    }

  /* "=_" cannot occur in quoted-printable nor in base64, so the boundary
   * can never appear inside a part */
  uuid = g_uuid_string_random ();
  boundary = g_strdup_printf ("=_relance_%s", uuid);
  g_string_append_printf (out, "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n",
                          boundary);
  g_string_append (out, "\r\nThis is a message in MIME format.\r\n");

  g_string_append_printf (out, "\r\n--%s\r\n", boundary);
  append_text_part_headers (out);
  g_string_append (out, "\r\n");
  append_quoted_printable (out, message->body);

  for (guint i = 0; i < message->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (message->attachments, i);

      g_string_append_printf (out, "\r\n--%s\r\n", boundary);
      header_begin (&header, out, "Content-Type");
      {
        g_autofree char *type = g_strdup_printf ("%s;", attachment->mime_type);

        header_token (&header, type);
      }
      header_parameter (&header, "name", attachment->filename, TRUE);
      header_end (&header);
      g_string_append (out, "Content-Transfer-Encoding: base64\r\n");
      header_begin (&header, out, "Content-Disposition");
      header_token (&header, "attachment;");
      header_parameter (&header, "filename", attachment->filename, TRUE);
      header_end (&header);
      g_string_append (out, "\r\n");
      append_base64 (out, attachment->content);
    }
  g_string_append_printf (out, "\r\n--%s--\r\n", boundary);
  return g_string_free_to_bytes (out);
}
