/* relance-pdf-preview.h — the pages of a PDF, shown before it is made
 * for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RELANCE_TYPE_PDF_PREVIEW (relance_pdf_preview_get_type ())

G_DECLARE_FINAL_TYPE (RelancePdfPreview, relance_pdf_preview, RELANCE, PDF_PREVIEW, GtkWidget)

/* The template children, for tests (gtk_widget_get_template_child):
 * "pages_label", "zoom_label", "zoom_in_button", "zoom_out_button",
 * "pages_box" (one GtkPicture per page). */
GtkWidget *relance_pdf_preview_new         (void);
gboolean   relance_pdf_preview_set_bytes   (RelancePdfPreview  *self,
                                            GBytes             *bytes,
                                            GError            **error);
int        relance_pdf_preview_get_n_pages (RelancePdfPreview  *self);
double     relance_pdf_preview_get_zoom    (RelancePdfPreview  *self);
void       relance_pdf_preview_set_zoom    (RelancePdfPreview  *self,
                                            double              zoom);

G_END_DECLS
