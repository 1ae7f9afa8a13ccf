/* relance-document-error.c — the errors of the documents layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-documents"

#include "config.h"

#include "relance-documents.h"

G_DEFINE_QUARK (relance-document-error-quark, relance_document_error)
