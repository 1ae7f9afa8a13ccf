/* relance-import-report-private.h — for the importers of src/io/ only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-import-report.h"

G_BEGIN_DECLS

RelanceImportReport *relance_import_report_new            (RelanceImportKind    kind,
                                                           const char          *path,
                                                           gboolean             dry_run);
void                 relance_import_report_add_error      (RelanceImportReport *self,
                                                           guint                line,
                                                           const char          *column,
                                                           const char          *value,
                                                           const char          *message);
void                 relance_import_report_add_warning    (RelanceImportReport *self,
                                                           guint                line,
                                                           const char          *column,
                                                           const char          *value,
                                                           const char          *message);
void                 relance_import_report_set_counts     (RelanceImportReport *self,
                                                           guint                rows_read,
                                                           guint                rows_valid);
void                 relance_import_report_set_written    (RelanceImportReport *self,
                                                           gint64               import_id,
                                                           guint                rows_imported);

G_END_DECLS
