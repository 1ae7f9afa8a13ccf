/* relance-smtp.c — hands a message to an SMTP server (libcurl)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcurl speaks SMTP, STARTTLS, implicit TLS and the usual
 * authentication methods, checks the server's certificate against the
 * system's authorities and does the dot-stuffing; we give it the
 * envelope and the bytes of the message. A plain-text connection is only
 * accepted to this machine (a local relay, the tests' server).
 *
 * Certificate verification is never turned off: a company whose relay
 * has a certificate from its own authority gives that authority's file
 * (settings->ca_file). It goes to CURLOPT_CAINFO, which replaces
 * libcurl's bundle file but not its certificate folder (Debian's
 * /etc/ssl/certs), so the system's authorities stay trusted.
 */
#define G_LOG_DOMAIN "relance-smtp"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-smtp.h"

#define CONNECT_TIMEOUT_SECONDS 15L
#define TOTAL_TIMEOUT_SECONDS 120L
/* Enough for any SMTP reply line worth quoting to the user */
#define MAX_REPLY_LENGTH 512

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} Upload;

/* The server's last refusal (a 4xx or 5xx reply), for the error
 * messages: libcurl's own text ("MAIL failed: 530") does not carry the
 * server's reason, and its last line is the "221 Bye" of QUIT */
typedef struct
{
  char reply[MAX_REPLY_LENGTH];
} Transcript;

/* Helpers */

static gpointer
init_curl (gpointer data)
{
  (void) data;
  /* once for the process, before any thread uses libcurl */
  return GINT_TO_POINTER (curl_global_init (CURL_GLOBAL_DEFAULT) == CURLE_OK);
}

static gboolean
ensure_curl (void)
{
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, init_curl, NULL));
}

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  n_items,
         void   *user_data)
{
  Upload *upload = user_data;
  gsize room = size * n_items;
  gsize left = upload->size - upload->offset;
  gsize n = MIN (room, left);

  memcpy (buffer, upload->data + upload->offset, n);
  upload->offset += n;
  return n;
}

/* Returning non-zero aborts the transfer: that is how a cancellation
 * reaches libcurl */
static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  GCancellable *cancellable = user_data;

  (void) dltotal;
  (void) dlnow;
  (void) ultotal;
  (void) ulnow;
  return g_cancellable_is_cancelled (cancellable) ? 1 : 0;
}

/* Keeps the last refusal the server sent (libcurl calls this only with
 * CURLOPT_VERBOSE, and then prints nothing itself) */
static int
debug_cb (CURL          *curl,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  Transcript *transcript = user_data;
  gsize n;

  (void) curl;
  if (type != CURLINFO_HEADER_IN || size == 0 || (data[0] != '4' && data[0] != '5'))
    return 0;
  n = MIN (size, sizeof transcript->reply - 1);
  memcpy (transcript->reply, data, n);
  transcript->reply[n] = '\0';
  /* one line, without its end, and printable */
  transcript->reply[strcspn (transcript->reply, "\r\n")] = '\0';
  if (!g_utf8_validate (transcript->reply, -1, NULL))
    g_strlcpy (transcript->reply, "", sizeof transcript->reply);
  return 0;
}

static gboolean
mentions_encryption (const char *reply)
{
  g_autofree char *lower = g_ascii_strdown (reply, -1);

  return strstr (lower, "starttls") != NULL || strstr (lower, "tls") != NULL ||
         strstr (lower, "encrypt") != NULL || strstr (lower, "5.7.11") != NULL;
}

/* A message that says what went wrong and what to change, naming the
 * server; @why is libcurl's text, @reply the server's last line */
static void
set_send_error (GError                    **error,
                const RelanceMailSettings  *settings,
                CURLcode                    code,
                long                        response,
                const char                 *why,
                const char                 *reply)
{
  g_autofree char *said = NULL;

  if (reply[0] != '\0')
    /* TRANSLATORS: appended to the reason of a failure; %s is the server's reply */
    said = g_strdup_printf (_(" (the server said “%s”)"), reply);
  else
    said = g_strdup ("");

  switch (code)
    {
    case CURLE_PEER_FAILED_VERIFICATION:
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
                   _("The certificate of the mail server %s (port %u) could not be "
                     "verified, so no message was sent to it: %s. If the server uses your "
                     "company’s own certificate authority, give that authority’s file in "
                     "the mail settings"),
                   settings->host, settings->port, why);
      return;
    case CURLE_SSL_CACERT_BADFILE:
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
                   _("The mail server %s (port %u) could not be checked because the "
                     "certificate authority file “%s” is not usable: %s. Choose the right "
                     "file in the mail settings"),
                   settings->host, settings->port,
                   settings->ca_file ? settings->ca_file : "", why);
      return;
    case CURLE_LOGIN_DENIED:
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
                   _("The mail server %s (port %u) refused the login “%s” and its "
                     "password%s: check the login in the mail settings and enter the "
                     "password again"),
                   settings->host, settings->port,
                   settings->user ? settings->user : "", said);
      return;
    case CURLE_USE_SSL_FAILED:
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
                   _("The mail server %s (port %u) does not offer STARTTLS, and Relance "
                     "does not send in clear text: choose TLS (port 465) or the port "
                     "where the server offers STARTTLS"),
                   settings->host, settings->port);
      return;
    default:
      break;
    }
  if (settings->security == RELANCE_MAIL_SECURITY_NONE && response == 530 &&
      mentions_encryption (reply))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
                   _("The mail server %s (port %u) requires an encrypted connection%s: "
                     "choose STARTTLS or TLS in the mail settings"),
                   settings->host, settings->port, said);
      return;
    }
  g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
               _("The mail server %s (port %u) did not take the message: %s%s"),
               settings->host, settings->port, why, said);
}

/* "smtp://host:port" with brackets around an IPv6 address */
static char *
make_url (const RelanceMailSettings *settings)
{
  const char *scheme = settings->security == RELANCE_MAIL_SECURITY_TLS ? "smtps" : "smtp";
  gboolean ipv6 = strchr (settings->host, ':') != NULL && settings->host[0] != '[';

  return g_strdup_printf ("%s://%s%s%s:%u", scheme, ipv6 ? "[" : "", settings->host,
                          ipv6 ? "]" : "", settings->port);
}

/* Public API */

/**
 * relance_smtp_send:
 * @settings: the server
 * @password: (nullable): the password of @settings' user
 * @envelope_from: the address for MAIL FROM
 * @recipients: (array zero-terminated=1): the addresses for RCPT TO
 * @message: the message's bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Blocks until the server accepted the message for every recipient or
 * refused it. Call it from a worker thread.
 *
 * Returns: %TRUE when the server accepted the message
 */
gboolean
relance_smtp_send (const RelanceMailSettings  *settings,
                   const char                 *password,
                   const char                 *envelope_from,
                   const char * const         *recipients,
                   GBytes                     *message,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  g_autofree char *url = NULL;
  g_autofree char *from = NULL;
  char reason[CURL_ERROR_SIZE] = "";
  struct curl_slist *rcpt = NULL;
  Upload upload = { 0 };
  Transcript transcript = { "" };
  CURL *curl;
  CURLcode code;
  long response = 0;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (envelope_from != NULL, FALSE);
  g_return_val_if_fail (recipients != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!relance_mail_settings_validate (settings, error))
    return FALSE;
  if (!relance_mail_settings_is_configured (settings))
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("No mail server is set; give one in the mail settings"));
      return FALSE;
    }
  if (recipients[0] == NULL)
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_ADDRESS,
                           _("The email has no recipient"));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!ensure_curl () || (curl = curl_easy_init ()) == NULL)
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SEND,
                           _("The mail library (libcurl) could not be started"));
      return FALSE;
    }

  url = make_url (settings);
  from = g_strdup_printf ("<%s>", envelope_from);
  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *to = g_strdup_printf ("<%s>", recipients[i]);

      rcpt = curl_slist_append (rcpt, to);
    }
  upload.data = g_bytes_get_data (message, &upload.size);

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, reason);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_SECONDS);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, TOTAL_TIMEOUT_SECONDS);
  if (settings->security == RELANCE_MAIL_SECURITY_STARTTLS)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  else if (settings->security == RELANCE_MAIL_SECURITY_NONE)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_NONE);
  /* besides the system's authorities, never instead of checking */
  if (settings->ca_file != NULL && settings->ca_file[0] != '\0')
    curl_easy_setopt (curl, CURLOPT_CAINFO, settings->ca_file);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, &transcript);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  if (settings->user != NULL && settings->user[0] != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, settings->user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, password ? password : "");
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) upload.size);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  if (cancellable != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
      curl_easy_setopt (curl, CURLOPT_XFERINFODATA, cancellable);
      curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
    }

  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &response);

  curl_slist_free_all (rcpt);
  curl_easy_cleanup (curl);

  if (code == CURLE_ABORTED_BY_CALLBACK &&
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (code != CURLE_OK)
    {
      /* the error buffer is more precise than curl_easy_strerror() when
       * libcurl filled it ("Failed to connect to … port …") */
      const char *why = reason[0] != '\0' ? reason : curl_easy_strerror (code);

      set_send_error (error, settings, code, response, why, transcript.reply);
      return FALSE;
    }
  return TRUE;
}
