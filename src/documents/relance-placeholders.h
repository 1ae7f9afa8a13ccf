/* relance-placeholders.h — [[PLACEHOLDERS]] in templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A placeholder is two opening brackets, a name of capitals, digits and
 * underscores, two closing brackets: [[OUTSTANDING]]. The known names are
 * listed (with what they print) in docs/templates.md. A name that is not
 * known is an error reported before anything is printed or sent, never
 * printed raw. Values are text, put in as they are: a value that itself
 * contains [[…]] is never expanded again.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Block placeholders stand alone in their paragraph and are replaced by a
 * table: [[INVOICE_TABLE]], [[STATEMENT_TABLE]], [[AGED_TABLE]],
 * [[BREAKDOWN_TABLE]], [[INTEREST_TABLE]], [[PLAN_TABLE]]. */
gboolean     relance_placeholder_is_known  (const char  *name);
gboolean     relance_placeholder_is_block  (const char  *name);
/* The known names, NULL-terminated, sorted */
const char * const *relance_placeholder_names (void);
/* The name whose value an alias of ASTON iTF prints (MONTANTENCOURSREEL →
 * OUTSTANDING, MONTANTRETARDS → OVERDUE), @name itself otherwise: expand()
 * looks the alias up first, then its name, so values need only the names */
const char  *relance_placeholder_canonical (const char *name);
/* The block name when @paragraph (one paragraph of a body, blanks around
 * allowed) is a block placeholder alone, NULL for ordinary text: documents
 * split a body on blank lines and draw a table for such a paragraph */
const char  *relance_placeholders_paragraph_block (const char *paragraph);

/* Checks every placeholder of @text: FALSE with RELANCE_DOCUMENT_ERROR_TEMPLATE
 * naming the first unknown or malformed one, its line and column
 * (1-based), and @field ("subject", "body") */
gboolean     relance_placeholders_check    (const char  *text,
                                            const char  *field,
                                            GError     **error);
/* @text with every placeholder replaced by its value in @values (name →
 * UTF-8 text). A known name missing from @values is an error too. */
char        *relance_placeholders_expand   (const char  *text,
                                            GHashTable  *values,
                                            const char  *field,
                                            GError     **error);

G_END_DECLS
