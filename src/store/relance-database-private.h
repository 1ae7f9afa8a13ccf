/* relance-database-private.h — for the repositories of src/store/ only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "relance-database.h"

G_BEGIN_DECLS

sqlite3      *relance_database_get_handle     (RelanceDatabase *self);
sqlite3_stmt *relance_database_prepare        (RelanceDatabase *self,
                                               const char      *sql,
                                               GError         **error);
gboolean      relance_database_exec           (RelanceDatabase *self,
                                               const char      *sql,
                                               GError         **error);
gboolean      relance_database_step_done      (RelanceDatabase *self,
                                               sqlite3_stmt    *stmt,
                                               GError         **error);
void          relance_database_set_sql_error  (RelanceDatabase *self,
                                               GError         **error,
                                               const char      *what);
char         *relance_database_now_iso        (void);

void          relance_bind_text_or_null       (sqlite3_stmt    *stmt,
                                               int              index,
                                               const char      *text);
const char   *relance_column_text             (sqlite3_stmt    *stmt,
                                               int              index);

G_END_DECLS

G_BEGIN_DECLS
/* Marks the current transaction as a cache write: it does not bump the
 * data version that caches are stamped with. */
void          relance_database_mark_cache_write (RelanceDatabase *self);
G_END_DECLS
