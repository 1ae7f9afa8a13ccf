/* relance-documents-tab.h — the documents made for a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_DOCUMENTS_TAB (relance_documents_tab_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDocumentsTab, relance_documents_tab, RELANCE, DOCUMENTS_TAB, GtkWidget)

gboolean relance_documents_tab_show  (RelanceDocumentsTab  *self,
                                      RelanceDatabase      *db,
                                      gint64                actor_id,
                                      RelanceDate           evaluation_day,
                                      GError              **error);
void     relance_documents_tab_clear (RelanceDocumentsTab  *self);
guint    relance_documents_tab_get_n_documents (RelanceDocumentsTab *self);

G_END_DECLS
