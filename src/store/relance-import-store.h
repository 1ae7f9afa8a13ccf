/* relance-import-store.h — the record of imported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

/* Looks for an earlier import of the same kind with the same content
 * (SHA-256). Returns TRUE when found, with its id, file name and time. */
gboolean relance_import_store_find   (RelanceDatabase  *db,
                                      const char       *kind,
                                      const char       *sha256,
                                      gint64           *id,
                                      char            **file_name,
                                      char            **imported_at,
                                      GError          **error);
/* Records an import inside the caller's transaction; returns its id, 0 on
 * error. The row count can be set at the end with _set_rows. */
gint64   relance_import_store_record (RelanceDatabase  *db,
                                      const char       *kind,
                                      const char       *file_name,
                                      const char       *sha256,
                                      GError          **error);
gboolean relance_import_store_set_rows (RelanceDatabase *db,
                                        gint64           id,
                                        gint64           rows,
                                        GError         **error);

G_END_DECLS
