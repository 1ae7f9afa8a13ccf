/* relance-progress.h — how long work reports how far it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RelanceProgressFunc:
 * @fraction: from 0.0 to 1.0, never decreasing
 * @what: (nullable): a translated phrase saying what is being done
 * @data: the caller's data
 *
 * Called from the thread that does the work (a GTask thread in the GUI):
 * a GUI must hand the value over to its main loop (g_idle_add / g_main_context_invoke)
 * before touching a widget.
 */
typedef void (*RelanceProgressFunc) (double      fraction,
                                     const char *what,
                                     gpointer    data);

G_END_DECLS
