/* relance-search-dialog.h — the global search (Ctrl+K)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_SEARCH_DIALOG (relance_search_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceSearchDialog, relance_search_dialog, RELANCE, SEARCH_DIALOG, GtkWindow)

RelanceSearchDialog *relance_search_dialog_new           (GtkWindow           *parent,
                                                          RelanceDatabase     *db);
void                 relance_search_dialog_search        (RelanceSearchDialog *self,
                                                          const char          *text);
guint                relance_search_dialog_get_n_results (RelanceSearchDialog *self);
gboolean             relance_search_dialog_open_first    (RelanceSearchDialog *self);

G_END_DECLS
