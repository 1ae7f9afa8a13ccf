/* relance-mail-settings.c — the SMTP server, and its password in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server settings are plain data of the database (so that the daily
 * run on a server finds them), but the password is a secret: it lives in
 * the user's keyring through the Secret Service, or nowhere. When there is
 * no keyring we refuse and say how to get one, rather than fall back to a
 * file that anybody who copies the database would read.
 */
#define G_LOG_DOMAIN "relance-mail-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "relance-mail-settings.h"
#include "relance-validation.h"

#define DEFAULT_PORT 587

static const char * const security_names[] = {
  [RELANCE_MAIL_SECURITY_STARTTLS] = "starttls",
  [RELANCE_MAIL_SECURITY_TLS] = "tls",
  [RELANCE_MAIL_SECURITY_NONE] = "none",
};

static const SecretSchema smtp_schema = {
  "io.github.relance.Relance.Smtp",
  SECRET_SCHEMA_NONE,
  {
    { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

/* Helpers */

static char *
load_text (RelanceDatabase *db,
           const char      *key)
{
  g_autofree char *value = relance_database_get_setting (db, key);

  /* An unset key and an emptied one mean the same */
  if (value == NULL || value[0] == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
has_line_break (const char *text)
{
  return text != NULL && strpbrk (text, "\r\n") != NULL;
}

static gboolean
is_loopback (const char *host)
{
  return g_strcmp0 (host, "127.0.0.1") == 0 ||
         g_strcmp0 (host, "::1") == 0 ||
         g_strcmp0 (host, "[::1]") == 0 ||
         g_ascii_strcasecmp (host, "localhost") == 0;
}

/* The file of certificate authorities: absolute, since the daily run
 * starts from any folder, and a readable file of PEM certificates, so that
 * a wrong path is caught when it is typed rather than as a TLS failure
 * at the first send. libcurl reads it again at each connection. */
static gboolean
check_ca_file (const char  *path,
               GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) read_error = NULL;

  if (!g_path_is_absolute (path))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The certificate authority file “%s” is not a full path: give it "
                     "from the root (/etc/ssl/…)"),
                   path);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The certificate authority file “%s” does not exist or is not a "
                     "file: choose the PEM file your administrator gave"),
                   path);
      return FALSE;
    }
  if (!g_file_get_contents (path, &text, NULL, &read_error))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The certificate authority file “%s” cannot be read: %s"),
                   path, read_error->message);
      return FALSE;
    }
  if (strstr (text, "-----BEGIN CERTIFICATE-----") == NULL)
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The file “%s” holds no certificate in PEM form (“-----BEGIN "
                     "CERTIFICATE-----”): choose the certificate authority file your "
                     "administrator gave"),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* The text of the audit trail: one "key: value" per line, no password
 * since there is none here */
static char *
describe_settings (const RelanceMailSettings *settings)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "host: %s\n", settings->host ? settings->host : "");
  g_string_append_printf (text, "port: %u\n", settings->port);
  g_string_append_printf (text, "security: %s\n",
                          relance_mail_security_to_string (settings->security));
  g_string_append_printf (text, "user: %s\n", settings->user ? settings->user : "");
  g_string_append_printf (text, "from-address: %s\n",
                          settings->from_address ? settings->from_address : "");
  g_string_append_printf (text, "from-name: %s\n",
                          settings->from_name ? settings->from_name : "");
  g_string_append_printf (text, "reply-to: %s\n",
                          settings->reply_to ? settings->reply_to : "");
  g_string_append_printf (text, "outbox-dir: %s\n",
                          settings->outbox_dir ? settings->outbox_dir : "");
  g_string_append_printf (text, "ca-file: %s",
                          settings->ca_file ? settings->ca_file : "");
  return g_string_free (text, FALSE);
}

/* Any failure of the Secret Service but a cancellation means there is
 * no usable keyring: say so, and how to get one */
static void
set_keyring_error (GError     **error,
                   GError      *cause,
                   gboolean     storing)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }
  if (storing)
    g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_KEYRING,
                 _("The mail server password cannot be kept because no keyring "
                   "(Secret Service) is available: %s. Relance never writes it in the "
                   "database or in a file. Open a desktop session with a keyring "
                   "(GNOME Keyring, KeePassXC…) and enter the password again."),
                 cause->message);
  else
    g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_KEYRING,
                 _("The mail server password cannot be read because no keyring "
                   "(Secret Service) is available: %s. Relance never writes it in the "
                   "database or in a file. Open a desktop session with a keyring "
                   "(GNOME Keyring, KeePassXC…) and enter the password in the mail "
                   "settings."),
                 cause->message);
  g_error_free (cause);
}

/* Public API */

const char *
relance_mail_security_to_string (RelanceMailSecurity security)
{
  g_return_val_if_fail (security <= RELANCE_MAIL_SECURITY_NONE, "starttls");
  return security_names[security];
}

gboolean
relance_mail_security_from_string (const char          *text,
                                   RelanceMailSecurity *security)
{
  for (guint i = 0; i < G_N_ELEMENTS (security_names); i++)
    if (g_strcmp0 (text, security_names[i]) == 0)
      {
        *security = (RelanceMailSecurity) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_mail_settings_new:
 *
 * Returns: (transfer full): settings with no server, port 587, STARTTLS
 */
RelanceMailSettings *
relance_mail_settings_new (void)
{
  RelanceMailSettings *settings = g_new0 (RelanceMailSettings, 1);

  settings->port = DEFAULT_PORT;
  settings->security = RELANCE_MAIL_SECURITY_STARTTLS;
  return settings;
}

/**
 * relance_mail_settings_copy:
 * @settings: settings
 *
 * Returns: (transfer full): a deep copy of @settings
 */
RelanceMailSettings *
relance_mail_settings_copy (const RelanceMailSettings *settings)
{
  RelanceMailSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_new0 (RelanceMailSettings, 1);
  copy->host = g_strdup (settings->host);
  copy->port = settings->port;
  copy->security = settings->security;
  copy->user = g_strdup (settings->user);
  copy->from_address = g_strdup (settings->from_address);
  copy->from_name = g_strdup (settings->from_name);
  copy->reply_to = g_strdup (settings->reply_to);
  copy->outbox_dir = g_strdup (settings->outbox_dir);
  copy->ca_file = g_strdup (settings->ca_file);
  return copy;
}

void
relance_mail_settings_free (RelanceMailSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->host);
  g_free (settings->user);
  g_free (settings->from_address);
  g_free (settings->from_name);
  g_free (settings->reply_to);
  g_free (settings->outbox_dir);
  g_free (settings->ca_file);
  g_free (settings);
}

/**
 * relance_mail_settings_load:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Reads the "mail.*" keys of the setting table; a key not set keeps its
 * default. A port or a security that is not understood is an error
 * rather than a guess that would send in clear text.
 *
 * Returns: (transfer full): the settings, %NULL with
 *   RELANCE_MAIL_ERROR_SETTINGS
 */
RelanceMailSettings *
relance_mail_settings_load (RelanceDatabase  *db,
                            GError          **error)
{
  g_autoptr(RelanceMailSettings) settings = relance_mail_settings_new ();
  g_autofree char *port = NULL;
  g_autofree char *security = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  settings->host = load_text (db, "mail.host");
  settings->user = load_text (db, "mail.user");
  settings->from_address = load_text (db, "mail.from_address");
  settings->from_name = load_text (db, "mail.from_name");
  settings->reply_to = load_text (db, "mail.reply_to");
  settings->outbox_dir = load_text (db, "mail.outbox_dir");
  settings->ca_file = load_text (db, "mail.ca_file");

  port = load_text (db, "mail.port");
  if (port != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (port, 10, 1, 65535, &value, NULL))
        {
          g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                       _("The mail server port “%s” stored in the database is not a "
                         "number from 1 to 65535; correct it in the mail settings"),
                       port);
          return NULL;
        }
      settings->port = (guint) value;
    }
  security = load_text (db, "mail.security");
  if (security != NULL && !relance_mail_security_from_string (security, &settings->security))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The mail security “%s” stored in the database is unknown; "
                     "choose STARTTLS, TLS or none in the mail settings"),
                   security);
      return NULL;
    }
  return g_steal_pointer (&settings);
}

/**
 * relance_mail_settings_validate:
 * @settings: settings
 * @error: a #GError
 *
 * A port from 1 to 65535; a sender address when a server is set (and a
 * valid one whenever it is given); a valid reply-to; no line break in any
 * value; no plain-text connection but to this machine, since a password
 * and the customers' data would cross the network in clear; a file of
 * certificate authorities, when given, that can be read now and holds
 * PEM certificates (check_ca_file()).
 *
 * Returns: %TRUE when @settings can be saved
 */
gboolean
relance_mail_settings_validate (const RelanceMailSettings  *settings,
                                GError                   **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (has_line_break (settings->host) || has_line_break (settings->user) ||
      has_line_break (settings->from_name) || has_line_break (settings->outbox_dir) ||
      has_line_break (settings->ca_file))
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("A mail setting contains a line break; remove it"));
      return FALSE;
    }
  if (settings->port < 1 || settings->port > 65535)
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The port %u is not a port number: give a number from 1 to 65535 "
                     "(587 for STARTTLS, 465 for TLS)"),
                   settings->port);
      return FALSE;
    }
  if (settings->security > RELANCE_MAIL_SECURITY_NONE)
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("Choose STARTTLS, TLS or none as the mail security"));
      return FALSE;
    }
  if (!is_empty (settings->host) && is_empty (settings->from_address))
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("Give the sender’s email address: the server needs it to send"));
      return FALSE;
    }
  if (!is_empty (settings->from_address) && !relance_check_email (settings->from_address))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The sender address “%s” is not an email address"),
                   settings->from_address);
      return FALSE;
    }
  if (!is_empty (settings->reply_to) && !relance_check_email (settings->reply_to))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("The reply-to address “%s” is not an email address"),
                   settings->reply_to);
      return FALSE;
    }
  if (!is_empty (settings->host) && settings->security == RELANCE_MAIL_SECURITY_NONE &&
      !is_loopback (settings->host))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                   _("An unencrypted connection is only allowed to a server on this "
                     "computer (127.0.0.1, ::1 or localhost), not to “%s”: choose "
                     "STARTTLS or TLS"),
                   settings->host);
      return FALSE;
    }
  if (!is_empty (settings->ca_file) && !check_ca_file (settings->ca_file, error))
    return FALSE;
  return TRUE;
}

/**
 * relance_mail_settings_save:
 * @db: a #RelanceDatabase
 * @settings: the settings to store
 * @error: a #GError
 *
 * Validates @settings (relance_mail_settings_validate()) and writes every
 * "mail.*" key in one transaction with an audit line holding the settings
 * before and after.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_mail_settings_save (RelanceDatabase            *db,
                            const RelanceMailSettings  *settings,
                            GError                    **error)
{
  g_autoptr(RelanceMailSettings) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *port = NULL;
  const struct { const char *key; const char *value; } values[] = {
    { "mail.host", settings->host },
    { "mail.security", relance_mail_security_to_string (settings->security) },
    { "mail.user", settings->user },
    { "mail.from_address", settings->from_address },
    { "mail.from_name", settings->from_name },
    { "mail.reply_to", settings->reply_to },
    { "mail.outbox_dir", settings->outbox_dir },
    { "mail.ca_file", settings->ca_file },
  };

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_mail_settings_validate (settings, error))
    return FALSE;

  if (!relance_database_begin (db, error))
    return FALSE;

  /* What was there, for the audit trail; unreadable old values are
   * replaced, not kept */
  before = relance_mail_settings_load (db, NULL);
  if (before != NULL)
    before_text = describe_settings (before);
  after_text = describe_settings (settings);

  port = g_strdup_printf ("%u", settings->port);
  if (!relance_database_set_setting (db, "mail.port", port, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!relance_database_set_setting (db, values[i].key, values[i].value, error))
      goto failed;
  if (!relance_database_audit (db, "setting", 0, "mail-settings", before_text, after_text,
                               error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_mail_settings_is_configured:
 * @settings: settings
 *
 * Returns: %TRUE when a server is set; messages go to the outbox otherwise
 */
gboolean
relance_mail_settings_is_configured (const RelanceMailSettings *settings)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  return !is_empty (settings->host);
}

/**
 * relance_mail_settings_default_outbox:
 * @db: a #RelanceDatabase
 *
 * Returns: (transfer full): the folder `outbox` beside the database file
 */
char *
relance_mail_settings_default_outbox (RelanceDatabase *db)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  /* absolute, so that an action's delivery names a file one can find
   * from anywhere */
  path = g_canonicalize_filename (relance_database_get_path (db), NULL);
  folder = g_path_get_dirname (path);
  return g_build_filename (folder, "outbox", NULL);
}

/**
 * relance_mail_settings_get_outbox:
 * @settings: settings
 * @db: the database they were read from
 *
 * Returns: (transfer full): the outbox folder to write to
 */
char *
relance_mail_settings_get_outbox (const RelanceMailSettings *settings,
                                  RelanceDatabase           *db)
{
  g_return_val_if_fail (settings != NULL, NULL);

  if (!is_empty (settings->outbox_dir))
    return g_strdup (settings->outbox_dir);
  return relance_mail_settings_default_outbox (db);
}

/**
 * relance_mail_password_store:
 * @settings: the server the password is for
 * @password: the password
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Keeps @password in the default collection of the user's keyring,
 * under the host, port and user of @settings.
 *
 * Returns: %TRUE on success; RELANCE_MAIL_ERROR_KEYRING without a keyring
 */
gboolean
relance_mail_password_store (const RelanceMailSettings  *settings,
                             const char                 *password,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  g_autofree char *label = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (is_empty (settings->host))
    {
      g_set_error_literal (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_SETTINGS,
                           _("Give the mail server before its password"));
      return FALSE;
    }
  /* TRANSLATORS: the label of the password in the keyring; %s is the server */
  label = g_strdup_printf (_("Relance mail server %s"), settings->host);
  if (!secret_password_store_sync (&smtp_schema, SECRET_COLLECTION_DEFAULT, label, password,
                                   cancellable, &local_error,
                                   "host", settings->host,
                                   "port", (int) settings->port,
                                   "user", settings->user ? settings->user : "",
                                   NULL))
    {
      set_keyring_error (error, local_error, TRUE);
      return FALSE;
    }
  return TRUE;
}

/**
 * relance_mail_password_lookup:
 * @settings: the server the password is for
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the password; %NULL with no error
 *   when none is kept, %NULL with RELANCE_MAIL_ERROR_KEYRING without a
 *   keyring
 */
char *
relance_mail_password_lookup (const RelanceMailSettings  *settings,
                              GCancellable               *cancellable,
                              GError                    **error)
{
  GError *local_error = NULL;
  char *secret;
  char *password;

  g_return_val_if_fail (settings != NULL, NULL);

  if (is_empty (settings->host))
    return NULL;
  secret = secret_password_lookup_sync (&smtp_schema, cancellable, &local_error,
                                        "host", settings->host,
                                        "port", (int) settings->port,
                                        "user", settings->user ? settings->user : "",
                                        NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error, FALSE);
      return NULL;
    }
  /* Out of the non-pageable memory of libsecret into ordinary memory,
   * which libcurl needs anyway */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

/**
 * relance_mail_password_clear:
 * @settings: the server the password is for
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Returns: %TRUE when nothing is kept any more
 */
gboolean
relance_mail_password_clear (const RelanceMailSettings  *settings,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (is_empty (settings->host))
    return TRUE;
  secret_password_clear_sync (&smtp_schema, cancellable, &local_error,
                              "host", settings->host,
                              "port", (int) settings->port,
                              "user", settings->user ? settings->user : "",
                              NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error, TRUE);
      return FALSE;
    }
  return TRUE;
}
