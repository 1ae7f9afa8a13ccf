/* relance-csv-import.h — customers, invoices and payments from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"
#include "relance-progress.h"
#include "relance-import-report.h"

G_BEGIN_DECLS

RelanceImportReport *relance_csv_import (RelanceDatabase      *db,
                                         RelanceImportKind     kind,
                                         const char           *path,
                                         gboolean              dry_run,
                                         GCancellable         *cancellable,
                                         RelanceProgressFunc   progress,
                                         gpointer              progress_data,
                                         GError              **error);

G_END_DECLS
