/* relance-window-dialogs.c — the dialogs of the agent's work, opened by
 * window actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-window"

#include "config.h"

#include "relance-window-private.h"

void
_relance_window_class_dialogs_init (RelanceWindowClass *klass)
{
}
