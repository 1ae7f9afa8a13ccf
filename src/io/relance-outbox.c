/* relance-outbox.c — messages kept as .eml files when no server is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .eml file is the message exactly as it would go to the server, so
 * any mail program opens it and a person can send it by hand; nothing is
 * dropped when Relance has no server to send through.
 */
#define G_LOG_DOMAIN "relance-outbox"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "relance-outbox.h"

/* Public API */

/**
 * relance_outbox_file_name:
 * @when: the time of writing
 * @mail_id: the message's id in the database
 * @customer_code: (nullable): the customer's code
 *
 * Only letters, digits, '-' and '_' of the code are kept (others become
 * '_'), so that a code can never name another folder.
 *
 * Returns: (transfer full): "20261123-093000-42-C0001.eml"
 */
char *
relance_outbox_file_name (GDateTime  *when,
                          gint64      mail_id,
                          const char *customer_code)
{
  g_autofree char *stamp = NULL;
  g_autofree char *safe_code = NULL;
  GString *code = g_string_new (NULL);

  g_return_val_if_fail (when != NULL, NULL);

  stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
  for (const char *p = customer_code ? customer_code : ""; *p && code->len < 40; p++)
    g_string_append_c (code, (g_ascii_isalnum (*p) || *p == '-' || *p == '_') ? *p : '_');
  if (code->len == 0)
    g_string_append (code, "customer");
  safe_code = g_string_free (code, FALSE);
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%s.eml", stamp, mail_id, safe_code);
}

/**
 * relance_outbox_write:
 * @outbox_dir: the outbox folder
 * @when: the time of writing
 * @mail_id: the message's id in the database
 * @customer_code: (nullable): the customer's code
 * @message: the message's bytes
 * @error: a #GError
 *
 * Creates @outbox_dir (mode 0700: the messages hold customers' data)
 * and writes the file through a temporary one, so that a reader never
 * sees half a message.
 *
 * Returns: (transfer full): the path of the file, %NULL with
 *   RELANCE_MAIL_ERROR_OUTBOX
 */
char *
relance_outbox_write (const char  *outbox_dir,
                      GDateTime   *when,
                      gint64       mail_id,
                      const char  *customer_code,
                      GBytes      *message,
                      GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GError *local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (outbox_dir != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  if (g_mkdir_with_parents (outbox_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_OUTBOX,
                   _("The outbox folder %s cannot be created: %s"),
                   outbox_dir, g_strerror (saved_errno));
      return NULL;
    }
  name = relance_outbox_file_name (when, mail_id, customer_code);
  path = g_build_filename (outbox_dir, name, NULL);
  data = g_bytes_get_data (message, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, RELANCE_MAIL_ERROR, RELANCE_MAIL_ERROR_OUTBOX,
                   _("The message cannot be written to the outbox: %s"),
                   local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  return g_steal_pointer (&path);
}
