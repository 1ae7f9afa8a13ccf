/* relance-pdf-writer.h — A4 pages with libharu: letterhead, flowing text,
 * tables that break across pages, page numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/documents/. Text is UTF-8 and printed with an embedded
 * Unicode TrueType font (accents, €, narrow no-break spaces, « » render
 * and extract as text). Lengths are PDF points (1/72 in); A4 is 595 × 842.
 */
#pragma once

#include <glib.h>

#include "relance-company-store.h"

G_BEGIN_DECLS

typedef struct _RelancePdfWriter RelancePdfWriter;

typedef enum
{
  RELANCE_PDF_ALIGN_LEFT,
  RELANCE_PDF_ALIGN_RIGHT,
  RELANCE_PDF_ALIGN_CENTER,
  RELANCE_PDF_ALIGN_JUSTIFY,
} RelancePdfAlign;

typedef enum
{
  RELANCE_PDF_TEXT_NORMAL = 0,
  RELANCE_PDF_TEXT_BOLD   = 1 << 0,
  RELANCE_PDF_TEXT_SMALL  = 1 << 1,  /* notes, legal mentions */
  RELANCE_PDF_TEXT_TITLE  = 1 << 2,  /* « MISE EN DEMEURE », « RELEVÉ DE COMPTE » */
} RelancePdfTextStyle;

typedef struct
{
  const char      *title;   /* the header cell; may wrap on two lines */
  double           weight;  /* share of the table's width, relative to the others */
  RelancePdfAlign  align;   /* amounts: RIGHT */
} RelancePdfColumn;

typedef enum
{
  RELANCE_PDF_ROW_NORMAL = 0,
  RELANCE_PDF_ROW_BOLD   = 1 << 0,  /* totals */
  RELANCE_PDF_ROW_SHADED = 1 << 1,
  RELANCE_PDF_ROW_RULE   = 1 << 2,  /* a rule above the row (before a total) */
} RelancePdfRowStyle;

/* A writer makes documents one after the other: the fonts are read once,
 * which is what lets a batch go fast. @language ("fr" or "en") picks the
 * words of the page numbers and letterhead ("Page 1 / 3", "SIREN"). */
RelancePdfWriter *relance_pdf_writer_new            (const char          *language,
                                                     GError             **error);
void              relance_pdf_writer_free           (RelancePdfWriter    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelancePdfWriter, relance_pdf_writer_free)

/* Starts a new document: its first page, with the creditor's letterhead
 * on top (name, address, SIREN, VAT, contact, logo when @company has a
 * readable logo_path) and its legal footer on every page. @title goes to
 * the PDF's metadata. */
gboolean          relance_pdf_writer_begin          (RelancePdfWriter    *self,
                                                     const RelanceCompany *company,
                                                     const char          *title,
                                                     GError             **error);
/* The recipient's address in the window of a DL envelope (right side,
 * under the letterhead), one line per element; NULL-terminated */
void              relance_pdf_writer_address        (RelancePdfWriter    *self,
                                                     const char * const  *lines);
/* A paragraph that wraps at the margins and flows onto a new page */
void              relance_pdf_writer_paragraph      (RelancePdfWriter    *self,
                                                     const char          *text,
                                                     RelancePdfTextStyle  style,
                                                     RelancePdfAlign      align);
/* Vertical space, in points */
void              relance_pdf_writer_space          (RelancePdfWriter    *self,
                                                     double               points);
/* Starts a new page when less than @points remain (keeps a block together) */
void              relance_pdf_writer_keep           (RelancePdfWriter    *self,
                                                     double               points);
/* Tables: begin with the columns, add rows (cells NULL-terminated, one per
 * column, may be NULL for empty), end. A row that does not fit goes to a
 * new page, where the header row is printed again. */
void              relance_pdf_writer_table_begin    (RelancePdfWriter    *self,
                                                     const RelancePdfColumn *columns,
                                                     guint                n_columns);
void              relance_pdf_writer_table_row      (RelancePdfWriter    *self,
                                                     const char * const  *cells,
                                                     RelancePdfRowStyle   style);
void              relance_pdf_writer_table_end      (RelancePdfWriter    *self);
/* Ends the document: prints « Page n / N » on every page and returns the
 * PDF's bytes; the writer is ready for the next begin() */
GBytes           *relance_pdf_writer_finish         (RelancePdfWriter    *self,
                                                     GError             **error);
/* The number of pages of the document under way */
guint             relance_pdf_writer_get_n_pages    (RelancePdfWriter    *self);

G_END_DECLS
