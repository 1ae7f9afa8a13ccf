/* relance-mail-settings.h — the SMTP server, and its password in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-database.h"
#include "relance-mail-error.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_MAIL_SECURITY_STARTTLS,  /* smtp:// then STARTTLS, required (port 587) */
  RELANCE_MAIL_SECURITY_TLS,       /* smtps://, TLS from the first byte (port 465) */
  RELANCE_MAIL_SECURITY_NONE,      /* plain text: only to a server on this machine */
} RelanceMailSecurity;

/* "starttls", "tls", "none" */
const char *relance_mail_security_to_string   (RelanceMailSecurity  security);
gboolean    relance_mail_security_from_string (const char          *text,
                                               RelanceMailSecurity *security);

/**
 * RelanceMailSettings:
 * @host: (nullable): the SMTP server; %NULL or empty: not configured,
 *   messages go to the outbox
 * @port: 1 to 65535 (587 for STARTTLS, 465 for TLS)
 * @security: how the connection is protected
 * @user: (nullable): the login on the server, %NULL for none; its
 *   password is in the user's keyring, never in the database
 * @from_address: the sender's address
 * @from_name: (nullable): the sender's name (« Service recouvrement »)
 * @reply_to: (nullable): where the customers' answers go
 * @outbox_dir: (nullable): the folder of the outbox, %NULL for
 *   relance_mail_settings_default_outbox()
 * @ca_file: (nullable): the absolute path of a PEM file of certificate
 *   authorities trusted besides the system's (a company's own authority
 *   for an internal relay), %NULL for the system's only
 *
 * How dunning emails leave: the keys "mail.host", "mail.port",
 * "mail.security", "mail.user", "mail.from_address", "mail.from_name",
 * "mail.reply_to", "mail.outbox_dir" and "mail.ca_file" of the setting
 * table.
 */
typedef struct
{
  char                *host;
  guint                port;
  RelanceMailSecurity  security;
  char                *user;
  char                *from_address;
  char                *from_name;
  char                *reply_to;
  char                *outbox_dir;
  char                *ca_file;
} RelanceMailSettings;

RelanceMailSettings *relance_mail_settings_new            (void);
RelanceMailSettings *relance_mail_settings_copy           (const RelanceMailSettings *settings);
void                 relance_mail_settings_free           (RelanceMailSettings       *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceMailSettings, relance_mail_settings_free)

/* The settings stored in @db (defaults for the keys not set: no host,
 * port 587, STARTTLS) */
RelanceMailSettings *relance_mail_settings_load           (RelanceDatabase           *db,
                                                           GError                   **error);
/* Validates and stores @settings with an audit line; RELANCE_MAIL_ERROR_SETTINGS
 * with a message that says what to fix when a value is wrong */
gboolean             relance_mail_settings_save           (RelanceDatabase           *db,
                                                           const RelanceMailSettings *settings,
                                                           GError                   **error);
/* The checks of relance_mail_settings_save(), alone */
gboolean             relance_mail_settings_validate       (const RelanceMailSettings *settings,
                                                           GError                   **error);
/* TRUE when a server is set; otherwise messages go to the outbox */
gboolean             relance_mail_settings_is_configured  (const RelanceMailSettings *settings);
/* The folder `outbox` next to the database file */
char                *relance_mail_settings_default_outbox (RelanceDatabase           *db);
/* @settings' outbox_dir, else the default one */
char                *relance_mail_settings_get_outbox     (const RelanceMailSettings *settings,
                                                           RelanceDatabase           *db);

/* Keeps @password in the user's keyring (Secret Service) for the server,
 * port and user of @settings. RELANCE_MAIL_ERROR_KEYRING when there is no
 * keyring: the password is then never kept anywhere else. */
gboolean             relance_mail_password_store          (const RelanceMailSettings *settings,
                                                           const char                *password,
                                                           GCancellable              *cancellable,
                                                           GError                   **error);
/* The password kept for @settings; NULL with no error when none is kept,
 * NULL with RELANCE_MAIL_ERROR_KEYRING when there is no keyring */
char                *relance_mail_password_lookup         (const RelanceMailSettings *settings,
                                                           GCancellable              *cancellable,
                                                           GError                   **error);
/* Forgets the password kept for @settings (nothing when none) */
gboolean             relance_mail_password_clear          (const RelanceMailSettings *settings,
                                                           GCancellable              *cancellable,
                                                           GError                   **error);

G_END_DECLS
