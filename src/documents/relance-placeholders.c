/* relance-placeholders.c — [[PLACEHOLDERS]] in templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the text finds every « [[ »: what follows must be a name
 * of capitals, digits and underscores closed by « ]] ». Anything else is
 * reported with its line and column so that the person who edits the
 * template can find it; nothing is ever printed raw to a debtor. Values
 * are copied as they are: the scan never looks at what it put in, so a
 * customer named « [[OUTSTANDING]] » prints as such.
 */
#define G_LOG_DOMAIN "relance-placeholders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "relance-documents.h"
#include "relance-placeholders.h"

/* A name longer than this is no placeholder of ours (the longest is 18) */
#define MAX_NAME_LENGTH 64

typedef enum
{
  SCAN_OK,
  SCAN_MALFORMED,
} ScanStatus;

/* Sorted with strcmp () (LC_ALL=C sort): looked up with bsearch () */
static const char * const known_names[] = {
  "AGED_TABLE",
  "AGENT_EMAIL",
  "AGENT_NAME",
  "AGENT_PHONE",
  "BREAKDOWN_TABLE",
  "COMPANY_BIC",
  "COMPANY_CITY",
  "COMPANY_EMAIL",
  "COMPANY_IBAN",
  "COMPANY_NAME",
  "COMPANY_PHONE",
  "CONTACT_NAME",
  "COURT",
  "CUSTOMER_ADDRESS",
  "CUSTOMER_CODE",
  "CUSTOMER_NAME",
  "CUSTOMER_SIREN",
  "DAYS_LATE",
  "DEADLINE",
  "DEADLINE_DAYS",
  "FEES",
  "INDEMNITY",
  "INTEREST",
  "INTEREST_RATE",
  "INTEREST_TABLE",
  "INVOICE_TABLE",
  "MONTANTENCOURSREEL",
  "MONTANTRETARDS",
  "N_INSTALMENTS",
  "N_INVOICES",
  "OLDEST_DUE_DATE",
  "OUTSTANDING",
  "OVERDUE",
  "PLAN_TABLE",
  "PRINCIPAL",
  "PROMISE_FIRST_DATE",
  "PROMISE_TOTAL",
  "SALUTATION",
  "SIGNATORY",
  "SIGNATORY_TITLE",
  "STATEMENT_TABLE",
  "TODAY",
  "TOTAL_CLAIMED",
  "UNALLOCATED",
  NULL,
};

static const char * const block_names[] = {
  "AGED_TABLE",
  "BREAKDOWN_TABLE",
  "INTEREST_TABLE",
  "INVOICE_TABLE",
  "PLAN_TABLE",
  "STATEMENT_TABLE",
};

/* The names of ASTON iTF's templates (seed 001), kept so that its users'
 * letters work as they are: each prints the value of its target. */
static const struct
{
  const char *alias;
  const char *name;
} aliases[] = {
  { "MONTANTENCOURSREEL", "OUTSTANDING" },
  { "MONTANTRETARDS", "OVERDUE" },
};

/* Helpers */

/* The end of the line that starts at @p: its '\n' or the final NUL */
static const char *
line_end (const char *p)
{
  while (*p != '\0' && *p != '\n')
    p++;
  return p;
}

static int
compare_names (const void *key,
               const void *member)
{
  return strcmp ((const char *) key, *(const char * const *) member);
}

static inline gboolean
is_name_char (char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Reads the placeholder that starts at @p (on « [[ »): its name goes to
 * @name and @end is set after the closing « ]] ». */
static ScanStatus
scan_placeholder (const char  *p,
                  char         name[MAX_NAME_LENGTH + 1],
                  const char **end)
{
  const char *q = p + 2;
  gsize len = 0;

  while (is_name_char (q[len]) && len < MAX_NAME_LENGTH)
    len++;
  if (len == 0 || q[len] != ']' || q[len + 1] != ']')
    return SCAN_MALFORMED;

  memcpy (name, q, len);
  name[len] = '\0';
  *end = q + len + 2;
  return SCAN_OK;
}

/* The 1-based line and column (in characters) of @at in @text */
static void
locate (const char *text,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = text;

  *line = 1;
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

/* « in the body », « in the subject », for the messages */
static char *
field_phrase (const char *field)
{
  if (field == NULL || g_str_equal (field, "body"))
    return g_strdup (_("in the body"));
  if (g_str_equal (field, "subject"))
    return g_strdup (_("in the subject"));
  /* TRANSLATORS: %s is the name of a part of a template */
  return g_strdup_printf (_("in the %s"), field);
}

static gboolean
is_blank_line (const char *start,
               const char *end)
{
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Whether the placeholder from @start to @end is alone in its paragraph:
 * only blanks between it and the blank line (or the text's end) before and
 * after. */
static gboolean
is_alone_in_paragraph (const char *text,
                       const char *start,
                       const char *end)
{
  const char *p;

  /* the rest of its line, then the next line must be blank or absent */
  for (p = end; *p != '\0' && *p != '\n'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  if (*p == '\n')
    {
      const char *next = p + 1;
      const char *next_end = line_end (next);

      if (*next != '\0' && !is_blank_line (next, next_end))
        return FALSE;
    }

  /* the start of its line, then the previous line */
  for (p = start; p > text && p[-1] != '\n'; p--)
    if (!g_ascii_isspace (p[-1]))
      return FALSE;
  if (p > text)
    {
      const char *prev_end = p - 1;
      const char *prev = prev_end;

      while (prev > text && prev[-1] != '\n')
        prev--;
      if (!is_blank_line (prev, prev_end))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_error_at (GError     **error,
              const char  *text,
              const char  *at,
              const char  *field,
              const char  *name,
              int          what)
{
  g_autofree char *where = field_phrase (field);
  guint line, column;

  locate (text, at, &line, &column);
  switch (what)
    {
    case 0:
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   /* TRANSLATORS: « Unknown placeholder [[FOO]] in the body,
                    * line 3, column 12 » */
                   _("Unknown placeholder [[%s]] %s, line %u, column %u; "
                     "the known names are listed in the templates guide"),
                   name, where, line, column);
      break;
    case 1:
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   _("Malformed placeholder %s, line %u, column %u: “[[” must be "
                     "followed by a name in capitals and “]]”, as in [[OUTSTANDING]]"),
                   where, line, column);
      break;
    case 2:
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   _("The table [[%s]] %s, line %u, column %u, must stand alone in "
                     "its paragraph, with a blank line before and after it"),
                   name, where, line, column);
      break;
    default:
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   _("The table [[%s]] cannot be used %s (line %u, column %u): "
                     "tables go in the body"),
                   name, where, line, column);
      break;
    }
  return FALSE;
}

/* Public API */

/**
 * relance_placeholder_is_known:
 * @name: a name without brackets
 *
 * Returns: whether @name is a placeholder (aliases included)
 */
gboolean
relance_placeholder_is_known (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return bsearch (name, known_names, G_N_ELEMENTS (known_names) - 1,
                  sizeof (const char *), compare_names) != NULL;
}

/**
 * relance_placeholder_is_block:
 * @name: a name without brackets
 *
 * Returns: whether @name is replaced by a table
 */
gboolean
relance_placeholder_is_block (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (block_names); i++)
    if (g_str_equal (name, block_names[i]))
      return TRUE;
  return FALSE;
}

/**
 * relance_placeholder_names:
 *
 * Returns: (transfer none): the known names, sorted, NULL-terminated
 */
const char * const *
relance_placeholder_names (void)
{
  return known_names;
}

/**
 * relance_placeholder_canonical:
 * @name: a known name
 *
 * Returns: the name whose value an alias prints (MONTANTENCOURSREEL →
 *   OUTSTANDING), @name itself when it is no alias
 */
const char *
relance_placeholder_canonical (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (name, aliases[i].alias))
      return aliases[i].name;
  return name;
}

/**
 * relance_placeholders_paragraph_block:
 * @paragraph: one paragraph of a body (no blank line inside)
 *
 * Returns: (nullable) (transfer none): the block name when @paragraph is
 *   a block placeholder and nothing else (blanks around it allowed), NULL
 *   for ordinary text
 */
const char *
relance_placeholders_paragraph_block (const char *paragraph)
{
  char name[MAX_NAME_LENGTH + 1];
  const char *p = paragraph;
  const char *end;

  g_return_val_if_fail (paragraph != NULL, NULL);

  while (g_ascii_isspace (*p))
    p++;
  if (p[0] != '[' || p[1] != '[' || scan_placeholder (p, name, &end) != SCAN_OK)
    return NULL;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (block_names); i++)
    if (g_str_equal (name, block_names[i]))
      return block_names[i];
  return NULL;
}

/**
 * relance_placeholders_check:
 * @text: a subject or body
 * @field: "subject" or "body", for the message and the rules (no table
 *   in a subject)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every placeholder of @text is known and well
 *   placed; %FALSE with %RELANCE_DOCUMENT_ERROR_TEMPLATE naming the
 *   first that is not, with its line and column
 */
gboolean
relance_placeholders_check (const char  *text,
                            const char  *field,
                            GError     **error)
{
  gboolean subject;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  subject = field != NULL && g_str_equal (field, "subject");
  p = text;
  while ((p = strstr (p, "[[")) != NULL)
    {
      char name[MAX_NAME_LENGTH + 1];
      const char *end;

      if (scan_placeholder (p, name, &end) != SCAN_OK)
        return set_error_at (error, text, p, field, NULL, 1);
      if (!relance_placeholder_is_known (name))
        return set_error_at (error, text, p, field, name, 0);
      if (relance_placeholder_is_block (name))
        {
          if (subject)
            return set_error_at (error, text, p, field, name, 3);
          if (!is_alone_in_paragraph (text, p, end))
            return set_error_at (error, text, p, field, name, 2);
        }
      p = end;
    }
  return TRUE;
}

/**
 * relance_placeholders_expand:
 * @text: a subject or body
 * @values: (element-type utf8 utf8): name → value; an alias takes the
 *   value of its name when it has none of its own
 * @field: "subject" or "body"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): @text with its placeholders
 *   replaced, or %NULL with the error of relance_placeholders_check(), or
 *   naming a placeholder that has no value
 */
char *
relance_placeholders_expand (const char  *text,
                             GHashTable  *values,
                             const char  *field,
                             GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *p;
  const char *start;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!relance_placeholders_check (text, field, error))
    return NULL;

  out = g_string_sized_new (strlen (text) + 256);
  start = p = text;
  while ((p = strstr (p, "[[")) != NULL)
    {
      char name[MAX_NAME_LENGTH + 1];
      const char *end;
      const char *value;

      /* checked above: the scan cannot fail here */
      scan_placeholder (p, name, &end);
      value = g_hash_table_lookup (values, name);
      if (value == NULL)
        value = g_hash_table_lookup (values, relance_placeholder_canonical (name));
      if (value == NULL)
        {
          g_autofree char *where = field_phrase (field);

          g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                       _("The placeholder [[%s]] %s has no value for this document"),
                       name, where);
          return NULL;
        }
      g_string_append_len (out, start, p - start);
      g_string_append (out, value);
      start = p = end;
    }
  g_string_append (out, start);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
