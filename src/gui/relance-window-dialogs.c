/* relance-window-dialogs.c — the dialogs of the agent's work, opened by
 * window actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda, the card and the lists open the dialogs through these
 * actions (parameter types fixed, see relance-window-private.h) rather
 * than by knowing their classes. Each dialog changes the database
 * through the engine and then calls _relance_window_data_changed().
 */
#define G_LOG_DOMAIN "relance-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "relance-action-dialog.h"
#include "relance-dispute-dialog.h"
#include "relance-new-action-dialog.h"
#include "relance-promise-dialog.h"
#include "relance-window-private.h"

/* Helpers */

static gboolean
has_database (RelanceWindow *self)
{
  return relance_window_get_database (self) != NULL;
}

/* The file name of a stored document, made safe to write: no directory
 * part, no hidden file */
static char *
safe_file_name (gint64      id,
                const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name != NULL && *file_name != '\0'
                                               ? file_name : "document.pdf");

  g_strdelimit (base, "/\\:", '_');
  return g_strdup_printf ("%" PRId64 "-%s", id, base[0] == '.' ? base + 1 : base);
}

/* Shows @dialog, or why it could not be made: @error is set when
 * @dialog is %NULL */
static void
present_or_show_error (RelanceWindow *self,
                       GtkWidget     *dialog,
                       const char    *title,
                       const GError  *error)
{
  if (dialog == NULL)
    {
      relance_window_show_error (self, title, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The parameter "(xax)" of the actions about a customer's invoices */
static GArray *
get_actor_and_invoices (GVariant *param,
                        gint64   *actor_id)
{
  g_autoptr(GVariant) ids_variant = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *values;
  gsize n = 0;

  g_variant_get (param, "(x@ax)", actor_id, &ids_variant);
  values = g_variant_get_fixed_array (ids_variant, &n, sizeof (gint64));
  g_array_append_vals (ids, values, n);
  return ids;
}

/* Actions */

static void
open_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  RelanceActionDialog *dialog;

  if (!has_database (self))
    return;
  dialog = relance_action_dialog_new (self, g_variant_get_int64 (param), &error);
  present_or_show_error (self, GTK_WIDGET (dialog), _("Cannot Open the Action"), error);
}

static void
new_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  RelanceNewActionDialog *dialog;
  gint64 actor_id;

  if (!has_database (self))
    return;
  ids = get_actor_and_invoices (param, &actor_id);
  dialog = relance_new_action_dialog_new (self, actor_id, ids, &error);
  present_or_show_error (self, GTK_WIDGET (dialog), _("Cannot Plan an Action"), error);
}

static void
new_dispute_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDisputeDialog *dialog;
  gint64 actor_id;

  if (!has_database (self))
    return;
  ids = get_actor_and_invoices (param, &actor_id);
  dialog = relance_dispute_dialog_new_open (self, actor_id, ids, &error);
  present_or_show_error (self, GTK_WIDGET (dialog), _("Cannot Open a Dispute"), error);
}

static void
resolve_dispute_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  RelanceDisputeDialog *dialog;

  if (!has_database (self))
    return;
  dialog = relance_dispute_dialog_new_resolve (self, g_variant_get_int64 (param), &error);
  present_or_show_error (self, GTK_WIDGET (dialog), _("Cannot Show the Dispute"), error);
}

static void
new_promise_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  RelancePromiseDialog *dialog;

  if (!has_database (self))
    return;
  dialog = relance_promise_dialog_new (self, g_variant_get_int64 (param), &error);
  present_or_show_error (self, GTK_WIDGET (dialog), _("Cannot Record a Promise"), error);
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  RelanceDatabase *db = relance_window_get_database (self);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(RelanceDocumentInfo) info = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (db == NULL)
    return;
  info = relance_document_store_find (db, id, &error);
  if (info == NULL)
    {
      if (error == NULL)
        g_set_error (&error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no document %" PRId64 "."), id);
      goto failed;
    }
  content = relance_document_store_get_content (db, id, &error);
  if (content == NULL)
    goto failed;

  /* the viewer reads a file: the stored bytes go to the user's cache */
  dir = g_build_filename (g_get_user_cache_dir (), "relance", "documents", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      goto failed;
    }
  name = safe_file_name (id, info->file_name);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                            &error))
    goto failed;

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  return;

failed:
  relance_window_show_error (self, _("Cannot Open the Document"), error->message);
}

void
_relance_window_class_dialogs_init (RelanceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open-action", "x", open_action_action);
  gtk_widget_class_install_action (widget_class, "win.new-action", "(xax)", new_action_action);
  gtk_widget_class_install_action (widget_class, "win.new-dispute", "(xax)", new_dispute_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-dispute", "x", resolve_dispute_action);
  gtk_widget_class_install_action (widget_class, "win.new-promise", "x", new_promise_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "x", open_document_action);
}
