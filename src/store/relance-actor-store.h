/* relance-actor-store.h — actors and their contacts in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/* Writes validate first: a blocking control fails with
 * RELANCE_STORE_ERROR_INVALID and the validation's text; a duplicate code
 * fails with RELANCE_STORE_ERROR_DUPLICATE. Each write is one transaction
 * (or joins the caller's) and records an audit line. */
gboolean        relance_actor_store_insert          (RelanceDatabase  *db,
                                                     RelanceActor     *actor,
                                                     gint64            import_id,
                                                     GError          **error);
gboolean        relance_actor_store_update          (RelanceDatabase  *db,
                                                     RelanceActor     *actor,
                                                     GError          **error);
/* Returns NULL with no error when there is no such actor. */
RelanceActor   *relance_actor_store_find_by_code    (RelanceDatabase  *db,
                                                     const char       *code,
                                                     GError          **error);
RelanceActor   *relance_actor_store_find_by_id      (RelanceDatabase  *db,
                                                     gint64            id,
                                                     GError          **error);
/* code (char *) → id (gint64 *): for imports that resolve many codes */
GHashTable     *relance_actor_store_code_index      (RelanceDatabase  *db,
                                                     GError          **error);
gint64          relance_actor_store_count           (RelanceDatabase  *db);
/* All actors sorted by code, for small portfolios and exports */
GPtrArray      *relance_actor_store_list            (RelanceDatabase  *db,
                                                     GError          **error);

gboolean        relance_contact_store_insert        (RelanceDatabase  *db,
                                                     RelanceContact   *contact,
                                                     GError          **error);
/* Contacts of an actor, the dunning contact first */
GPtrArray      *relance_contact_store_list_for_actor (RelanceDatabase *db,
                                                      gint64           actor_id,
                                                      GError         **error);

G_END_DECLS
