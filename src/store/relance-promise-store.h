/* relance-promise-store.h — payment promises and their instalments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceOpenPromise:
 *
 * An open promise of an actor: the case waits while it holds.
 * @next_due is the earliest instalment not fully paid, @until the last
 * instalment's date.
 */
typedef struct
{
  gint64      actor_id;
  gint64      promise_id;
  RelanceDate next_due;
  RelanceDate until;
} RelanceOpenPromise;

/* Every open promise (status 'open'), ordered by actor id. */
GArray *relance_promise_store_list_open (RelanceDatabase  *db,
                                         GError          **error);

G_END_DECLS
