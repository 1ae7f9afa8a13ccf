/* relance-promise-record.h — recording a promise from the agent's
 * workspace: the case waits at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

gboolean relance_promise_record (RelanceDatabase  *db,
                                 RelancePromise   *promise,
                                 GError          **error);

G_END_DECLS
