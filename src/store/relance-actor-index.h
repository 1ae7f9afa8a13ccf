/* relance-actor-index.h — actors' codes and names in one pass, for reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceActorIndexRow:
 *
 * The identity of one actor, as a plain struct; the strings are valid
 * only during the callback.
 */
typedef struct
{
  gint64      id;
  const char *code;
  const char *name;
} RelanceActorIndexRow;

/* Return FALSE to stop the walk. */
typedef gboolean (*RelanceActorIndexFunc) (const RelanceActorIndexRow *row,
                                           gpointer                    user_data);

/* Every actor (active or not), or only @actor_id when it is not 0,
 * ordered by id: reports that merge per-actor sums ordered by actor join
 * them with their code and name without one query per actor. */
gboolean relance_actor_index_foreach (RelanceDatabase        *db,
                                      gint64                  actor_id,
                                      RelanceActorIndexFunc   func,
                                      gpointer                user_data,
                                      GError                **error);

G_END_DECLS
