/* relance-action-edit-store.h — changing a planned action: what it is,
 * when, for whom; and how it was delivered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-action-store.h"

G_BEGIN_DECLS

/* Writes the title, channel, planned date, assignee and contact of
 * @after (a planned action whose stored state is @before), with an audit
 * line "field: before → after" of what changed, @why first. Nothing is
 * written when nothing changed. RELANCE_STORE_ERROR_INVALID when the
 * action is not planned any more. */
gboolean relance_action_store_update       (RelanceDatabase      *db,
                                            const RelanceAction  *before,
                                            const RelanceAction  *after,
                                            const char           *why,
                                            GError              **error);
/* How the action reached the customer (action.delivery: « sent to … »,
 * « in the outbox »…): NULL with no error when nothing was recorded */
char    *relance_action_store_get_delivery (RelanceDatabase      *db,
                                            gint64                id,
                                            GError              **error);

G_END_DECLS
