/* relance-portfolio.c — the figures of every customer at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-engine-private.h"
#include "relance-portfolio.h"

gboolean
relance_portfolio_refresh (RelanceDatabase     *db,
                           RelanceDate          day,
                           GCancellable        *cancellable,
                           RelanceProgressFunc  progress,
                           gpointer             progress_data,
                           GError             **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 data_version;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (relance_figures_store_is_current (db, day))
    {
      if (progress != NULL)
        progress (1.0, _("The figures are up to date"), progress_data);
      return TRUE;
    }

  /* Read before the passes: a write while they run leaves the cache
   * stamped with an older version, so it is stale (recomputed next time)
   * rather than wrong. */
  data_version = relance_database_get_data_version (db);

  rows = relance_figures_compute_rows (db, 0, day, cancellable, progress, progress_data, error);
  if (rows == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (0.95, _("Writing the figures"), progress_data);
  if (!relance_figures_store_replace_all (db, (const RelanceFiguresRow *) (const void *) rows->data,
                                          rows->len, day, data_version, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, NULL, progress_data);
  return TRUE;
}

gboolean
relance_portfolio_dso (RelanceDatabase  *db,
                       RelanceDate       day,
                       const char       *currency,
                       RelanceDsoResult *result,
                       GError          **error)
{
  return relance_dso_compute (db, 0, day, currency, result, error);
}
