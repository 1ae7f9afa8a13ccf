/* relance-database.h — the SQLite connection, migrations and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RELANCE_STORE_ERROR (relance_store_error_quark ())

typedef enum
{
  RELANCE_STORE_ERROR_OPEN,       /* the file cannot be opened or is not a Relance database */
  RELANCE_STORE_ERROR_NEWER,      /* written by a newer Relance: refuse rather than damage it */
  RELANCE_STORE_ERROR_SQL,        /* SQLite said no; the message says what */
  RELANCE_STORE_ERROR_BUSY,       /* another program holds the database */
  RELANCE_STORE_ERROR_NOT_FOUND,  /* no row with that key */
  RELANCE_STORE_ERROR_DUPLICATE,  /* a row with that key already exists */
  RELANCE_STORE_ERROR_INVALID,    /* the data breaks a blocking control */
} RelanceStoreError;

#define RELANCE_TYPE_DATABASE (relance_database_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDatabase, relance_database, RELANCE, DATABASE, GObject)

GQuark           relance_store_error_quark        (void);

RelanceDatabase *relance_database_open            (const char       *path,
                                                   GError          **error);
const char      *relance_database_get_path        (RelanceDatabase  *self);
int              relance_database_get_schema_version (RelanceDatabase *self);
int              relance_database_get_latest_schema_version (void);

gboolean         relance_database_begin           (RelanceDatabase  *self,
                                                   GError          **error);
gboolean         relance_database_commit          (RelanceDatabase  *self,
                                                   GError          **error);
void             relance_database_rollback        (RelanceDatabase  *self);
gboolean         relance_database_in_transaction  (RelanceDatabase  *self);

gint64           relance_database_get_data_version (RelanceDatabase *self);

char            *relance_database_get_setting     (RelanceDatabase  *self,
                                                   const char       *key);
gboolean         relance_database_set_setting     (RelanceDatabase  *self,
                                                   const char       *key,
                                                   const char       *value,
                                                   GError          **error);

const char      *relance_database_get_user        (RelanceDatabase  *self);
void             relance_database_set_user        (RelanceDatabase  *self,
                                                   const char       *user);

gboolean         relance_database_audit           (RelanceDatabase  *self,
                                                   const char       *entity,
                                                   gint64            entity_id,
                                                   const char       *action,
                                                   const char       *before,
                                                   const char       *after,
                                                   GError          **error);

gboolean         relance_database_check_integrity (RelanceDatabase  *self,
                                                   GError          **error);

char            *relance_fold_for_search          (const char       *text);

G_END_DECLS
