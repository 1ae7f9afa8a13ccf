/* relance-csv-import.c — customers, invoices and payments from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is mapped, not read into a string, and handed to libcsv one
 * physical line at a time: that is how each record learns the line where
 * it starts, which every error names. Each record is checked with the
 * model's validate function and written in the one transaction of the
 * whole import; any error rolls everything back, after the last line has
 * been checked so that the user corrects every error at once.
 *
 * A million rows must go in at least half as fast as the sqlite3
 * shell's .import of the same file into a bare table, so the work is a
 * pipeline on three threads:
 *
 * - the parser thread reads the records and does every check that needs
 *   no database (syntax, the model's validation, customer codes from an
 *   index read beforehand), filling batches of rows;
 * - the calling thread, which owns the database connection, does the
 *   checks that need it and writes the rows through the bulk path of the
 *   store: statements prepared once, no audit line per row, secondary
 *   indexes built at the end for a big file, no foreign-key lookups for
 *   keys resolved here;
 * - a third thread computes the SHA-256 of the file, which identifies
 *   an import made twice; the writer checks it as soon as it is known.
 *
 * Batches go round between two queues, so that the parser is never more
 * than a few batches ahead. A duplicate number is found by the UNIQUE
 * index rather than by a hash of every number of the file, and told
 * apart (earlier in the file, or already in the database) only when it
 * occurs.
 */
#define G_LOG_DOMAIN "relance-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-bulk-store.h"
#include "relance-csv-import.h"
#include "relance-import-report-private.h"

typedef struct
{
  const char *name;      /* in the header, lower case */
  gboolean    required;
  const char *field;     /* the model's validation field reported on it */
  const char *field2;    /* another one, or NULL */
} ColumnSpec;

/* An error or a warning found by the parser, kept in its batch until the
 * writer adds it to the report, in the order of the file */
typedef struct
{
  guint     line;
  int       column;       /* −1 for none, or for one not of ours: */
  char     *column_name;  /* an unknown column of the header */
  gboolean  warning;
  char     *value;
  char     *message;
} PendingIssue;

/* One record as the parser leaves it to the writer. Strings are offsets
 * in the batch's text, −1 when absent. */
typedef struct
{
  guint              line;
  guint              first_issue;
  guint              n_issues;
  gboolean           header;         /* issues of the header, no row */
  gboolean           failed;         /* one of the issues is an error */
  gssize             key;            /* code, number or reference */
  gssize             invoice;        /* payments: the invoice number;
                                      * credit notes: the one of applies_to */
  gssize             amount_text;    /* payments: the amount as written */
  RelanceInvoiceRow  invoice_row;
  RelancePaymentRow  payment_row;
  RelanceActor      *actor;          /* customers */
} PendingRow;

typedef struct
{
  GArray   *rows;     /* PendingRow */
  GArray   *issues;   /* PendingIssue */
  GString  *text;
  gsize     offset;   /* bytes of the file read when it was sent */
  gboolean  last;
} Batch;

/* A credit note of the file that names, in applies_to, an invoice not
 * written yet when the credit note was: it is applied once the whole
 * file is */
typedef struct
{
  gint64       credit_note_id;
  guint        line;
  char        *number;        /* of the invoice */
  gint64       actor_id;
  char         currency[4];
  RelanceDate  date;          /* the credit note's issue date */
  gint64       amount_cents;  /* > 0 */
} PendingCredit;

typedef struct
{
  const guchar *data;
  gsize         len;
  char         *sha256;
  int           done;   /* atomic */
} HashJob;

typedef struct
{
  RelanceDatabase     *db;
  RelanceImportKind    kind;
  const ColumnSpec    *columns;
  guint                n_columns;
  RelanceImportReport *report;
  GCancellable        *cancellable;
  const char          *file_name;
  const char          *data;
  gsize                len;
  char                 separator;

  /* Shared: the parser of invoices and payments reads the codes, only
   * the writer of customers adds to them (its parser does not read them) */
  GHashTable          *codes;         /* customer code → gint64 * id */
  GHashTable          *logins;        /* customers: the users' logins */
  GAsyncQueue         *free_batches;
  GAsyncQueue         *full_batches;
  int                  stop;          /* atomic: the writer gave up */

  /* The parser's own, read by the writer once it has joined it */
  struct csv_parser    parser;
  guint                line;          /* the physical line being fed */
  guint                record_line;   /* where the current record starts */
  gboolean             header_done;
  GPtrArray           *header;        /* the header's fields, as read */
  int                 *field_map;     /* field index → column, −1 ignored */
  guint                n_header_fields;
  guint                n_fields;      /* fields of the current record */
  GString             *values;        /* its known fields, each NUL-ended */
  gssize               offsets[32];   /* column → offset in values, −1 */
  int                  bad_utf8_column;
  guint                rows_read;
  GError              *parse_error;
  Batch               *batch;         /* being filled */
  PendingRow          *row;           /* being filled, in batch */
  guint32              error_columns; /* of the row, that have an error */
  RelanceValidation   *validation;
  RelanceInvoice      *invoice;
  RelancePayment      *payment;
  char                *last_kind_text;
  RelanceInvoiceKind   last_kind;

  /* The writer's own */
  gint64               import_id;
  RelanceBulkInsert   *bulk;
  GError              *write_error;
  guint                rows_valid;
  GArray              *lines;         /* line of each row written, by id */
  gint64               first_id;
  GHashTable          *file_codes;    /* customers: code → line */
  GArray              *credits;       /* invoices: PendingCredit */
  const char          *defer_table;   /* may drop its indexes, or NULL */
  gboolean             deferred_indexes;
  gint64               last_actor_id;
  HashJob              hash;
  GThread             *hash_thread;
  gboolean             hash_checked;
} Import;

enum
{
  CUSTOMER_CODE,
  CUSTOMER_NAME,
  CUSTOMER_KIND,
  CUSTOMER_SIREN,
  CUSTOMER_SIRET,
  CUSTOMER_VAT,
  CUSTOMER_EMAIL,
  CUSTOMER_PHONE,
  CUSTOMER_MOBILE,
  CUSTOMER_ADDRESS,
  CUSTOMER_POSTCODE,
  CUSTOMER_CITY,
  CUSTOMER_COUNTRY,
  CUSTOMER_LANGUAGE,
  CUSTOMER_SEGMENT,
  CUSTOMER_AGENT,
  CUSTOMER_CREDIT_LIMIT,
  CUSTOMER_IBAN,
  CUSTOMER_PAYMENT_TERMS,
  N_CUSTOMER_COLUMNS
};

static const ColumnSpec customer_columns[N_CUSTOMER_COLUMNS] = {
  [CUSTOMER_CODE] = { "code", TRUE, "code", NULL },
  [CUSTOMER_NAME] = { "name", TRUE, "name", NULL },
  [CUSTOMER_KIND] = { "kind", FALSE, "kind", NULL },
  [CUSTOMER_SIREN] = { "siren", FALSE, "siren", NULL },
  [CUSTOMER_SIRET] = { "siret", FALSE, "siret", NULL },
  [CUSTOMER_VAT] = { "vat", FALSE, "vat-number", NULL },
  [CUSTOMER_EMAIL] = { "email", FALSE, "email", NULL },
  [CUSTOMER_PHONE] = { "phone", FALSE, "phone", NULL },
  [CUSTOMER_MOBILE] = { "mobile", FALSE, "mobile", NULL },
  [CUSTOMER_ADDRESS] = { "address", FALSE, "address", NULL },
  [CUSTOMER_POSTCODE] = { "postcode", FALSE, "postcode", NULL },
  [CUSTOMER_CITY] = { "city", FALSE, "city", NULL },
  [CUSTOMER_COUNTRY] = { "country", FALSE, "country", NULL },
  [CUSTOMER_LANGUAGE] = { "language", FALSE, "language", NULL },
  [CUSTOMER_SEGMENT] = { "segment", FALSE, "segment", NULL },
  [CUSTOMER_AGENT] = { "agent", FALSE, "agent", NULL },
  [CUSTOMER_CREDIT_LIMIT] = { "credit_limit", FALSE, "credit-limit-cents", "credit-limit-currency" },
  [CUSTOMER_IBAN] = { "iban", FALSE, "iban", NULL },
  [CUSTOMER_PAYMENT_TERMS] = { "payment_terms_days", FALSE, "payment-terms-days", NULL },
};

enum
{
  INVOICE_NUMBER,
  INVOICE_CUSTOMER,
  INVOICE_ISSUE_DATE,
  INVOICE_DUE_DATE,
  INVOICE_AMOUNT,
  INVOICE_CURRENCY,
  INVOICE_KIND,
  INVOICE_APPLIES_TO,
  N_INVOICE_COLUMNS
};

static const ColumnSpec invoice_columns[N_INVOICE_COLUMNS] = {
  [INVOICE_NUMBER] = { "number", TRUE, "number", NULL },
  [INVOICE_CUSTOMER] = { "customer", TRUE, "actor-id", NULL },
  [INVOICE_ISSUE_DATE] = { "issue_date", TRUE, "issue-date", NULL },
  [INVOICE_DUE_DATE] = { "due_date", TRUE, "due-date", NULL },
  [INVOICE_AMOUNT] = { "amount", TRUE, "amount-cents", NULL },
  [INVOICE_CURRENCY] = { "currency", FALSE, "currency", NULL },
  [INVOICE_KIND] = { "kind", FALSE, "kind", NULL },
  [INVOICE_APPLIES_TO] = { "applies_to", FALSE, NULL, NULL },
};

enum
{
  PAYMENT_REFERENCE,
  PAYMENT_CUSTOMER,
  PAYMENT_DATE,
  PAYMENT_AMOUNT,
  PAYMENT_CURRENCY,
  PAYMENT_INVOICE,
  N_PAYMENT_COLUMNS
};

static const ColumnSpec payment_columns[N_PAYMENT_COLUMNS] = {
  [PAYMENT_REFERENCE] = { "reference", TRUE, "reference", NULL },
  [PAYMENT_CUSTOMER] = { "customer", TRUE, "actor-id", NULL },
  [PAYMENT_DATE] = { "date", TRUE, "date", NULL },
  [PAYMENT_AMOUNT] = { "amount", TRUE, "amount-cents", NULL },
  [PAYMENT_CURRENCY] = { "currency", FALSE, "currency", NULL },
  [PAYMENT_INVOICE] = { "invoice", FALSE, NULL, NULL },
};

/* libcsv keeps its state in a public struct; 0 is ROW_NOT_BEGUN in
 * libcsv.c: no field of a record has been seen yet. */
#define CSV_STATE_ROW_NOT_BEGUN 0

#define UTF8_BOM "\xef\xbb\xbf"

/* Rows per batch, and batches going round */
#define BATCH_ROWS 1024
#define N_BATCHES 8

/* The share of the progress bar for reading and writing the rows; the
 * rest is for building the indexes, when they were deferred */
#define WRITE_SHARE 0.95

/* From how many rows building the indexes at the end pays */
#define DEFER_INDEXES_MIN_ROWS 20000

static const char *
kind_title (RelanceImportKind kind)
{
  switch (kind)
    {
    case RELANCE_IMPORT_CUSTOMERS:
      return _("customers");
    case RELANCE_IMPORT_INVOICES:
      return _("invoices");
    case RELANCE_IMPORT_PAYMENTS:
      return _("payments");
    default:
      g_return_val_if_reached ("");
    }
}

static char *
column_list (const ColumnSpec *columns,
             guint             n_columns,
             gboolean          required_only)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    if (columns[i].required || !required_only)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, columns[i].name);
      }
  return g_string_free (text, FALSE);
}

static int
find_column (const ColumnSpec *columns,
             guint             n_columns,
             const char       *name,
             gsize             len)
{
  for (guint i = 0; i < n_columns; i++)
    if (strlen (columns[i].name) == len && g_ascii_strncasecmp (columns[i].name, name, len) == 0)
      return (int) i;
  return -1;
}

static void
trim (const char **text,
      gsize       *len)
{
  while (*len > 0 && g_ascii_isspace (**text))
    {
      (*text)++;
      (*len)--;
    }
  while (*len > 0 && g_ascii_isspace ((*text)[*len - 1]))
    (*len)--;
}

/* How many known column names the header line holds when split at
 * @separator (a rough split: a quoted name with that separator in it is
 * not one of ours anyway). */
static guint
count_known_names (const char       *line,
                   gsize             len,
                   char              separator,
                   const ColumnSpec *columns,
                   guint             n_columns)
{
  guint32 seen = 0;
  guint count = 0;
  gsize start = 0;

  for (gsize i = 0; i <= len; i++)
    {
      if (i == len || line[i] == separator)
        {
          const char *name = line + start;
          gsize name_len = i - start;
          int column;

          trim (&name, &name_len);
          if (name_len >= 2 && name[0] == '"' && name[name_len - 1] == '"')
            {
              name++;
              name_len -= 2;
              trim (&name, &name_len);
            }
          column = find_column (columns, n_columns, name, name_len);
          if (column >= 0 && !(seen & (1u << column)))
            {
              seen |= 1u << column;
              count++;
            }
          start = i + 1;
        }
    }
  return count;
}

/* The separator that splits the header into the most known column
 * names: ';' (French spreadsheets), then tab, then ',' on a tie. */
static char
detect_separator (const char       *line,
                  gsize             len,
                  const ColumnSpec *columns,
                  guint             n_columns)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint best_count = 0;
  char best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint count = count_known_names (line, len, candidates[i], columns, n_columns);

      if (count > best_count)
        {
          best_count = count;
          best = candidates[i];
        }
    }
  return best;
}

/* The first line that is not blank, without its line end */
static const char *
first_line (const char *data,
            gsize       len,
            gsize      *line_len)
{
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol ? eol : end;
      gsize n = stop - p;

      if (n > 0 && p[n - 1] == '\r')
        n--;
      for (gsize i = 0; i < n; i++)
        if (!g_ascii_isspace (p[i]))
          {
            *line_len = n;
            return p;
          }
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  *line_len = 0;
  return NULL;
}

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (PendingRow), BATCH_ROWS + 1);
  batch->issues = g_array_new (FALSE, FALSE, sizeof (PendingIssue));
  batch->text = g_string_sized_new (BATCH_ROWS * 32);
  return batch;
}

static void
batch_clear (Batch *batch)
{
  for (guint i = 0; i < batch->rows->len; i++)
    g_clear_object (&g_array_index (batch->rows, PendingRow, i).actor);
  for (guint i = 0; i < batch->issues->len; i++)
    {
      PendingIssue *issue = &g_array_index (batch->issues, PendingIssue, i);

      g_free (issue->column_name);
      g_free (issue->value);
      g_free (issue->message);
    }
  g_array_set_size (batch->rows, 0);
  g_array_set_size (batch->issues, 0);
  g_string_truncate (batch->text, 0);
  batch->offset = 0;
  batch->last = FALSE;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  batch_clear (batch);
  g_array_unref (batch->rows);
  g_array_unref (batch->issues);
  g_string_free (batch->text, TRUE);
  g_free (batch);
}

static const char *
batch_text (Batch  *batch,
            gssize  offset)
{
  return offset < 0 ? NULL : batch->text->str + offset;
}

static gssize
batch_add_text (Batch      *batch,
                const char *text)
{
  gssize offset;

  if (text == NULL)
    return -1;
  offset = (gssize) batch->text->len;
  g_string_append_len (batch->text, text, (gssize) strlen (text) + 1);
  return offset;
}

/* The parser */

static const char *
value_of (Import *self,
          int     column)
{
  gssize offset = self->offsets[column];
  const char *text;

  if (offset < 0)
    return NULL;
  text = self->values->str + offset;
  return *text == '\0' ? NULL : text;
}

static void
add_issue (Import     *self,
           gboolean    warning,
           int         column,
           const char *value,
           const char *message)
{
  PendingIssue issue;

  issue.line = self->record_line;
  issue.column = column;
  issue.column_name = NULL;
  issue.warning = warning;
  issue.value = g_strdup (value);
  issue.message = g_strdup (message);
  g_array_append_val (self->batch->issues, issue);
  if (self->row != NULL)
    {
      self->row->n_issues++;
      if (!warning)
        self->row->failed = TRUE;
    }
  if (!warning && column >= 0)
    self->error_columns |= 1u << column;
}

static void
row_error (Import     *self,
           int         column,
           const char *value,
           const char *message)
{
  add_issue (self, FALSE, column, value, message);
}

static const char *
require (Import *self,
         int     column)
{
  const char *text = value_of (self, column);

  if (text == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The value is missing: every row of a %s file needs a %s."),
                         kind_title (self->kind), self->columns[column].name);

      row_error (self, column, NULL, message);
    }
  return text;
}

/* "2025-03-31" and "31/03/2025" without a copy; anything else, and any
 * doubt, goes to relance_date_parse(), which says what is wrong. */
static gboolean
parse_date_quickly (const char  *text,
                    RelanceDate *date)
{
  static const char iso[] = "dddd-dd-dd";
  static const char french[] = "dd/dd/dddd";
  const char *form;
  int n[10];

  if (strlen (text) != 10)
    return FALSE;
  form = text[4] == '-' ? iso : french;
  for (int i = 0; i < 10; i++)
    {
      if (form[i] != 'd')
        {
          if (text[i] != form[i])
            return FALSE;
          continue;
        }
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      n[i] = text[i] - '0';
    }
  if (form == iso)
    *date = relance_date_new (n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3],
                              n[5] * 10 + n[6], n[8] * 10 + n[9]);
  else
    *date = relance_date_new (n[6] * 1000 + n[7] * 100 + n[8] * 10 + n[9],
                              n[3] * 10 + n[4], n[0] * 10 + n[1]);
  return *date != RELANCE_DATE_NONE;
}

static gboolean
parse_date (Import      *self,
            int          column,
            RelanceDate *date)
{
  const char *text = self->columns[column].required ? require (self, column)
                                                    : value_of (self, column);
  g_autoptr(GError) error = NULL;

  *date = RELANCE_DATE_NONE;
  if (text == NULL)
    return FALSE;
  if (parse_date_quickly (text, date))
    return TRUE;
  if (!relance_date_parse (text, date, &error))
    {
      row_error (self, column, text, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_amount (Import *self,
              int     column,
              gint64 *cents)
{
  const char *text = self->columns[column].required ? require (self, column)
                                                    : value_of (self, column);
  g_autoptr(GError) error = NULL;

  *cents = 0;
  if (text == NULL)
    return FALSE;
  if (!relance_money_parse_cents (text, cents, &error))
    {
      row_error (self, column, text, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The currency of a row in upper case, "EUR" when the column is absent
 * or empty; a wrong code is left for the model's validation to name. */
static void
read_currency (Import      *self,
               int          column,
               char         currency[4],
               const char **text_out)
{
  const char *text = value_of (self, column);

  *text_out = text;
  if (text == NULL)
    {
      memcpy (currency, RELANCE_DEFAULT_CURRENCY, 4);
      *text_out = RELANCE_DEFAULT_CURRENCY;
      return;
    }
  if (strlen (text) == 3)
    {
      for (int i = 0; i < 3; i++)
        currency[i] = g_ascii_toupper (text[i]);
      currency[3] = '\0';
      *text_out = currency;
    }
  else
    currency[0] = '\0';
}

static gint64
resolve_customer (Import *self,
                  int     column)
{
  const char *code = require (self, column);
  gint64 *id;

  if (code == NULL)
    return 0;
  id = g_hash_table_lookup (self->codes, code);
  if (id == NULL)
    {
      row_error (self, column, code,
                 _("There is no customer with this code: import the customers "
                   "file first, or correct the code."));
      return 0;
    }
  return *id;
}

static int
column_for_field (Import     *self,
                  const char *field)
{
  if (field == NULL)
    return -1;
  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->columns[i].field, field) == 0 ||
        g_strcmp0 (self->columns[i].field2, field) == 0)
      return (int) i;
  return -1;
}

/* Blocking issues become errors, warnings become warnings; an issue on a
 * column that already has an error of this row (a date that did not
 * parse, then "the date is missing") is the same mistake said twice. */
static void
report_validation (Import *self)
{
  guint n = relance_validation_get_n_issues (self->validation);

  for (guint i = 0; i < n; i++)
    {
      const RelanceIssue *issue = relance_validation_get_issue (self->validation, i);
      int column = column_for_field (self, issue->field);
      const char *value = column >= 0 ? value_of (self, column) : NULL;

      if (column >= 0 && (self->error_columns & (1u << column)))
        continue;
      add_issue (self, issue->severity != RELANCE_SEVERITY_BLOCKING, column, value,
                 issue->message);
    }
  relance_validation_clear (self->validation);
}

/* actor.agent names a user by login: one that exists. Logins are in
 * lower case; "ARossi" is taken for "arossi". */
static void
parse_agent (Import       *self,
             RelanceActor *actor)
{
  const char *text = value_of (self, CUSTOMER_AGENT);
  g_autofree char *lower = NULL;
  g_autofree char *message = NULL;

  if (text == NULL)
    return;
  if (g_hash_table_contains (self->logins, text))
    {
      relance_actor_set_agent (actor, text);
      return;
    }
  lower = g_ascii_strdown (text, -1);
  if (g_hash_table_contains (self->logins, lower))
    {
      relance_actor_set_agent (actor, lower);
      return;
    }
  message = g_strdup_printf (_("There is no user with the login “%s”: write the login "
                               "of the agent as “relance-cli user list” shows it, or "
                               "add the user first."), text);
  row_error (self, CUSTOMER_AGENT, text, message);
}

static void
parse_customer (Import *self)
{
  PendingRow *row = self->row;
  RelanceActor *actor;
  const char *code = require (self, CUSTOMER_CODE);
  const char *name = require (self, CUSTOMER_NAME);
  const char *text;

  actor = row->actor = relance_actor_new (code, name);
  row->key = batch_add_text (self->batch, code);
  g_object_freeze_notify (G_OBJECT (actor));

  if ((text = value_of (self, CUSTOMER_KIND)) != NULL)
    {
      RelanceActorKind kind;

      if (relance_actor_kind_from_string (text, &kind))
        relance_actor_set_kind (actor, kind);
      else
        row_error (self, CUSTOMER_KIND, text,
                   _("This is not a kind of customer: write company (or société) "
                     "or person (or particulier)."));
    }

  relance_actor_set_siren (actor, value_of (self, CUSTOMER_SIREN));
  relance_actor_set_siret (actor, value_of (self, CUSTOMER_SIRET));
  relance_actor_set_vat_number (actor, value_of (self, CUSTOMER_VAT));
  relance_actor_set_email (actor, value_of (self, CUSTOMER_EMAIL));
  relance_actor_set_phone (actor, value_of (self, CUSTOMER_PHONE));
  relance_actor_set_mobile (actor, value_of (self, CUSTOMER_MOBILE));
  relance_actor_set_address (actor, value_of (self, CUSTOMER_ADDRESS));
  relance_actor_set_postcode (actor, value_of (self, CUSTOMER_POSTCODE));
  relance_actor_set_city (actor, value_of (self, CUSTOMER_CITY));
  relance_actor_set_segment (actor, value_of (self, CUSTOMER_SEGMENT));
  parse_agent (self, actor);
  relance_actor_set_iban (actor, value_of (self, CUSTOMER_IBAN));

  if ((text = value_of (self, CUSTOMER_COUNTRY)) != NULL)
    {
      g_autofree char *upper = g_ascii_strup (text, -1);

      relance_actor_set_country (actor, upper);
    }
  if ((text = value_of (self, CUSTOMER_LANGUAGE)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (text, -1);

      relance_actor_set_language (actor, lower);
    }

  if (value_of (self, CUSTOMER_CREDIT_LIMIT) != NULL)
    {
      gint64 cents;

      if (parse_amount (self, CUSTOMER_CREDIT_LIMIT, &cents))
        relance_actor_set_credit_limit_cents (actor, cents);
    }

  if ((text = value_of (self, CUSTOMER_PAYMENT_TERMS)) != NULL)
    {
      guint64 days;

      if (g_ascii_string_to_unsigned (text, 10, 0, 365, &days, NULL))
        relance_actor_set_payment_terms_days (actor, (int) days);
      else
        row_error (self, CUSTOMER_PAYMENT_TERMS, text,
                   _("The payment terms are a number of days from 0 to 365, "
                     "such as 30."));
    }
  g_object_thaw_notify (G_OBJECT (actor));

  relance_actor_validate (actor, self->validation);
  report_validation (self);
}

static void
parse_invoice_kind (Import             *self,
                    RelanceInvoiceKind *kind)
{
  const char *text = value_of (self, INVOICE_KIND);

  *kind = RELANCE_INVOICE_KIND_INVOICE;
  if (text == NULL)
    return;
  /* Most files repeat one word: it is looked up once */
  if (self->last_kind_text != NULL && strcmp (text, self->last_kind_text) == 0)
    {
      *kind = self->last_kind;
      return;
    }
  if (!relance_invoice_kind_from_string (text, kind))
    {
      row_error (self, INVOICE_KIND, text,
                 _("This is not a kind of invoice: write invoice (facture), "
                   "credit_note (avoir), fee (frais) or interest (intérêts)."));
      return;
    }
  g_free (self->last_kind_text);
  self->last_kind_text = g_strdup (text);
  self->last_kind = *kind;
}

static void
parse_invoice (Import *self)
{
  RelanceInvoiceRow *row = &self->row->invoice_row;
  const char *number;
  const char *currency_text;
  const char *applies_to;

  number = require (self, INVOICE_NUMBER);
  row->actor_id = resolve_customer (self, INVOICE_CUSTOMER);
  parse_date (self, INVOICE_ISSUE_DATE, &row->issue_date);
  parse_date (self, INVOICE_DUE_DATE, &row->due_date);
  parse_amount (self, INVOICE_AMOUNT, &row->amount_cents);
  read_currency (self, INVOICE_CURRENCY, row->currency, &currency_text);
  parse_invoice_kind (self, &row->kind);

  /* The model's rules, on one object reused for every row */
  relance_invoice_set_number (self->invoice, number);
  relance_invoice_set_actor_id (self->invoice, row->actor_id);
  relance_invoice_set_kind (self->invoice, row->kind);
  relance_invoice_set_issue_date (self->invoice, row->issue_date);
  relance_invoice_set_due_date (self->invoice, row->due_date);
  relance_invoice_set_amount_cents (self->invoice, row->amount_cents);
  relance_invoice_set_currency (self->invoice, currency_text);
  relance_invoice_validate (self->invoice, self->validation);
  report_validation (self);

  /* Whether the invoice it names exists is known only to the writer */
  applies_to = value_of (self, INVOICE_APPLIES_TO);
  if (applies_to != NULL && row->kind != RELANCE_INVOICE_KIND_CREDIT_NOTE &&
      !(self->error_columns & (1u << INVOICE_KIND)))
    row_error (self, INVOICE_APPLIES_TO, applies_to,
               _("Only a credit note applies to an invoice: leave applies_to empty "
                 "on this row, or make it a credit note (kind credit_note or avoir, "
                 "and a negative amount)."));

  if (!self->row->failed)
    {
      self->row->key = batch_add_text (self->batch, number);
      self->row->invoice = batch_add_text (self->batch, applies_to);
    }
}

static void
parse_payment (Import *self)
{
  RelancePaymentRow *row = &self->row->payment_row;
  const char *reference;
  const char *currency_text;

  reference = require (self, PAYMENT_REFERENCE);
  row->actor_id = resolve_customer (self, PAYMENT_CUSTOMER);
  parse_date (self, PAYMENT_DATE, &row->date);
  parse_amount (self, PAYMENT_AMOUNT, &row->amount_cents);
  read_currency (self, PAYMENT_CURRENCY, row->currency, &currency_text);

  relance_payment_set_reference (self->payment, reference);
  relance_payment_set_actor_id (self->payment, row->actor_id);
  relance_payment_set_date (self->payment, row->date);
  relance_payment_set_amount_cents (self->payment, row->amount_cents);
  relance_payment_set_currency (self->payment, currency_text);
  relance_payment_validate (self->payment, self->validation);
  report_validation (self);

  if (!self->row->failed)
    {
      self->row->key = batch_add_text (self->batch, reference);
      self->row->invoice = batch_add_text (self->batch, value_of (self, PAYMENT_INVOICE));
      self->row->amount_text = batch_add_text (self->batch, value_of (self, PAYMENT_AMOUNT));
    }
}

static void
send_batch (Import   *self,
            gboolean  last)
{
  self->batch->last = last;
  g_async_queue_push (self->full_batches, self->batch);
  self->batch = last ? NULL : g_async_queue_pop (self->free_batches);
  self->row = NULL;
}

/* The row points into the batch's array, which was sized for a full
 * batch: it does not move while the row is filled. */
static PendingRow *
begin_row (Import   *self,
           gboolean  header)
{
  PendingRow row = { 0 };

  row.line = self->record_line;
  row.first_issue = self->batch->issues->len;
  row.header = header;
  row.key = row.invoice = row.amount_text = -1;
  g_array_append_val (self->batch->rows, row);
  self->error_columns = 0;
  return self->row = &g_array_index (self->batch->rows, PendingRow, self->batch->rows->len - 1);
}

static void
process_header (Import *self)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint32 seen = 0;

  begin_row (self, TRUE);
  self->n_header_fields = self->header->len;
  self->field_map = g_new (int, MAX (self->header->len, 1));

  for (guint i = 0; i < self->header->len; i++)
    {
      const char *name = g_ptr_array_index (self->header, i);
      int column = find_column (self->columns, self->n_columns, name, strlen (name));

      self->field_map[i] = column;
      if (column >= 0 && (seen & (1u << column)))
        {
          g_set_error (&self->parse_error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                       _("The column “%s” appears twice in the header (line %u): "
                         "keep only one."),
                       self->columns[column].name, self->record_line);
          return;
        }
      if (column >= 0)
        seen |= 1u << column;
      else
        {
          g_autofree char *known = column_list (self->columns, self->n_columns, FALSE);
          g_autofree char *message =
            g_strdup_printf (_("Unknown column, ignored: the columns of a %s file are %s."),
                             kind_title (self->kind), known);
          PendingIssue issue = { self->record_line, -1, NULL, TRUE, NULL, NULL };

          issue.column_name = *name ? g_strdup (name) : NULL;
          issue.message = g_steal_pointer (&message);
          g_array_append_val (self->batch->issues, issue);
          self->row->n_issues++;
        }
    }

  for (guint i = 0; i < self->n_columns; i++)
    if (self->columns[i].required && !(seen & (1u << i)))
      {
        if (missing->len > 0)
          g_string_append (missing, ", ");
        g_string_append (missing, self->columns[i].name);
      }
  if (missing->len > 0)
    {
      g_autofree char *required = column_list (self->columns, self->n_columns, TRUE);

      g_set_error (&self->parse_error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                   _("The header (line %u) has no column %s: a %s file needs the "
                     "columns %s, in any order."),
                   self->record_line, missing->str, kind_title (self->kind), required);
      return;
    }
  self->header_done = TRUE;
}

static void
process_record (Import *self)
{
  self->rows_read++;
  begin_row (self, FALSE);

  if (self->n_fields != self->n_header_fields)
    {
      g_autofree char *message =
        g_strdup_printf (_("This row has %u fields where the header has %u: check "
                           "the separators and the quotes of the row (a value "
                           "with the separator in it must be in double quotes)."),
                         self->n_fields, self->n_header_fields);

      row_error (self, -1, NULL, message);
    }
  else if (self->bad_utf8_column >= 0)
    row_error (self, self->bad_utf8_column, NULL,
               _("The text is not valid UTF-8: the file was probably saved as "
                 "ISO-8859-15 or Windows-1252. Save it again as CSV UTF-8 and "
                 "import it again."));
  else
    switch (self->kind)
      {
      case RELANCE_IMPORT_CUSTOMERS:
        parse_customer (self);
        break;
      case RELANCE_IMPORT_INVOICES:
        parse_invoice (self);
        break;
      case RELANCE_IMPORT_PAYMENTS:
        parse_payment (self);
        break;
      default:
        g_assert_not_reached ();
      }

  self->row = NULL;
  if (self->batch->rows->len >= BATCH_ROWS)
    send_batch (self, FALSE);
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Import *self = user_data;
  const char *text = data;
  guint index = self->n_fields++;
  int column;

  if (self->parse_error != NULL)
    return;

  trim (&text, &len);

  if (!self->header_done)
    {
      if (!g_utf8_validate_len (text, len, NULL))
        {
          g_set_error (&self->parse_error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                       _("The header (line %u) is not valid UTF-8: the file was "
                         "probably saved as ISO-8859-15 or Windows-1252. Save it "
                         "again as CSV UTF-8 and import it again."),
                       self->record_line);
          return;
        }
      g_ptr_array_add (self->header, g_strndup (text, len));
      return;
    }

  if (index >= self->n_header_fields || (column = self->field_map[index]) < 0)
    return;
  if (self->bad_utf8_column < 0 && !g_utf8_validate_len (text, len, NULL))
    self->bad_utf8_column = column;
  self->offsets[column] = (gssize) self->values->len;
  g_string_append_len (self->values, text, (gssize) len);
  g_string_append_c (self->values, '\0');
}

static void
record_cb (int   terminator,
           void *user_data)
{
  Import *self = user_data;

  if (self->parse_error == NULL)
    {
      if (!self->header_done)
        process_header (self);
      else
        process_record (self);
    }

  /* A record that starts on this line after a lone CR starts here too */
  self->record_line = self->line;
  self->n_fields = 0;
  self->bad_utf8_column = -1;
  g_string_truncate (self->values, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->offsets); i++)
    self->offsets[i] = -1;
}

/* A line without quotes that starts a record is split here rather than
 * by libcsv, which goes through a state machine one byte at a time and
 * took a fifth of the parser's time. What libcsv does with such a line
 * is simple: the fields are what lies between the separators, the line
 * end ("\n", "\r\n", or the end of the file) ends the record, and a line
 * of spaces and tabs is no record at all. libcsv trims spaces and tabs
 * around each field; field_cb() trims them anyway. A lone "\r" is a
 * record end for libcsv: such a line is left to it. */
static gboolean
split_plain_line (Import     *self,
                  const char *line,
                  gsize       n)
{
  const char *end = line + n;
  const char *p;
  gboolean blank = TRUE;

  if (self->parser.pstate != CSV_STATE_ROW_NOT_BEGUN)
    return FALSE;
  if (end > line && end[-1] == '\n')
    end--;
  if (end > line && end[-1] == '\r')
    end--;
  if (memchr (line, '"', end - line) != NULL || memchr (line, '\r', end - line) != NULL)
    return FALSE;
  for (p = line; p < end && blank; p++)
    blank = *p == ' ' || *p == '\t';
  if (blank)
    return TRUE;

  for (p = line;;)
    {
      const char *stop = memchr (p, self->separator, end - p);

      field_cb ((void *) p, (stop ? stop : end) - p, self);
      if (stop == NULL)
        break;
      p = stop + 1;
    }
  record_cb ('\n', self);
  return TRUE;
}

/* The parser thread: reads the whole file into batches, the last one
 * marked, unless the writer says stop. */
static gpointer
parse_thread (gpointer data)
{
  Import *self = data;
  const char *p = self->data;
  const char *end = self->data + self->len;

  self->batch = g_async_queue_pop (self->free_batches);
  self->line = 0;
  while (p < end && self->parse_error == NULL && !g_atomic_int_get (&self->stop))
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize n = eol ? (gsize) (eol - p) + 1 : (gsize) (end - p);

      self->line++;
      if (self->parser.pstate == CSV_STATE_ROW_NOT_BEGUN)
        self->record_line = self->line;
      /* libcsv only stops short when it cannot grow its buffer */
      if (!split_plain_line (self, p, n) &&
          csv_parse (&self->parser, p, n, field_cb, record_cb, self) != n)
        g_set_error (&self->parse_error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FILE,
                     _("Could not read line %u: %s"), self->line,
                     csv_strerror (csv_error (&self->parser)));
      p += n;
      self->batch->offset = (gsize) (p - self->data);
    }
  if (self->parse_error == NULL && !g_atomic_int_get (&self->stop))
    csv_fini (&self->parser, field_cb, record_cb, self);

  self->batch->offset = self->len;
  send_batch (self, TRUE);
  return NULL;
}

/* The hash thread */

static gpointer
hash_thread (gpointer data)
{
  HashJob *job = data;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const guchar *p = job->data;
  gsize left = job->len;

  /* g_checksum_update takes a gssize */
  while (left > 0)
    {
      gsize chunk = MIN (left, (gsize) 1 << 30);

      g_checksum_update (checksum, p, (gssize) chunk);
      p += chunk;
      left -= chunk;
    }
  job->sha256 = g_strdup (g_checksum_get_string (checksum));
  g_atomic_int_set (&job->done, 1);
  return NULL;
}

/* The writer */

static void
write_issue (Import             *self,
             const PendingIssue *issue)
{
  const char *column = issue->column >= 0 ? self->columns[issue->column].name
                                           : issue->column_name;

  if (issue->warning)
    relance_import_report_add_warning (self->report, issue->line, column, issue->value,
                                       issue->message);
  else
    relance_import_report_add_error (self->report, issue->line, column, issue->value,
                                     issue->message);
}

/* The issues the parser found on @row */
static void
write_issues (Import     *self,
              Batch      *batch,
              PendingRow *row)
{
  for (guint k = 0; k < row->n_issues; k++)
    write_issue (self, &g_array_index (batch->issues, PendingIssue, row->first_issue + k));
}

static void
writer_error (Import     *self,
              PendingRow *row,
              int         column,
              const char *value,
              const char *message)
{
  relance_import_report_add_error (self->report, row->line,
                                   column >= 0 ? self->columns[column].name : NULL,
                                   value, message);
  row->failed = TRUE;
}

static void
writer_warning (Import     *self,
                PendingRow *row,
                int         column,
                const char *value,
                const char *message)
{
  relance_import_report_add_warning (self->report, row->line,
                                     column >= 0 ? self->columns[column].name : NULL,
                                     value, message);
}

static gboolean
is_store_duplicate (const GError *error)
{
  return g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE);
}

static void
remember_line (Import *self,
               gint64  id,
               guint   line)
{
  if (self->lines->len == 0)
    self->first_id = id;
  g_array_append_val (self->lines, line);
}

/* The line of this file that wrote the row @id, 0 if unknown. Rows of an
 * import get consecutive ids: the transaction holds the write lock. */
static guint
line_of_id (Import *self,
            gint64  id)
{
  gint64 index = id - self->first_id;

  if (self->lines->len == 0 || index < 0 || index >= (gint64) self->lines->len)
    return 0;
  return g_array_index (self->lines, guint, index);
}

/* A UNIQUE refusal: an earlier line of this file, or the database. */
static void
report_duplicate (Import     *self,
                  PendingRow *row,
                  int         column,
                  const char *key,
                  gboolean    found,
                  gint64      id,
                  gint64      import_id)
{
  g_autofree char *message = NULL;
  const char *name = self->columns[column].name;
  guint line = found && import_id == self->import_id ? line_of_id (self, id) : 0;

  if (line > 0)
    message = g_strdup_printf (_("This %s is already on line %u of this file: each "
                                 "one must be unique."), name, line);
  else if (found && import_id == self->import_id)
    message = g_strdup_printf (_("This %s is already on an earlier line of this "
                                 "file: each one must be unique."), name);
  else
    message = g_strdup_printf (_("This %s is already in the database: remove the "
                                 "row, or give it a new %s if it is another document."),
                               name, name);
  writer_error (self, row, column, key, message);
}

/* A row refused by the UNIQUE index of its key */
static void
explain_duplicate (Import     *self,
                   PendingRow *row,
                   int         column,
                   const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 other_id = 0, other_import = 0;
  gboolean found;

  if (self->kind == RELANCE_IMPORT_INVOICES)
    found = relance_bulk_find_invoice (self->bulk, key, &other_id, &other_import, &error);
  else
    found = relance_bulk_find_payment (self->bulk, key, &other_id, &other_import, &error);
  if (error != NULL)
    self->write_error = g_steal_pointer (&error);
  else
    report_duplicate (self, row, column, key, found, other_id, other_import);
}

/* After a refused insert: a duplicate is the row's error, anything else
 * stops the import. */
static void
handle_insert_error (Import      *self,
                     PendingRow  *row,
                     int          column,
                     const char  *key,
                     GError     **error)
{
  if (!is_store_duplicate (*error))
    {
      self->write_error = g_steal_pointer (error);
      return;
    }
  g_clear_error (error);
  explain_duplicate (self, row, column, key);
}

/* A big file into a table of about its size or smaller: the secondary
 * indexes may be built once at the end rather than kept in order row by
 * row (see relance_bulk_insert_defer_indexes()). The rows are estimated
 * from the length of the first lines. Whether the indexes are dropped
 * is decided as the rows come, by follow_customer_order(). */
static void
maybe_defer_indexes (Import *self)
{
  const char *table;
  gsize sample = MIN (self->len, 65536);
  guint lines = 0;
  gint64 estimate;
  gint64 existing;

  if (self->kind == RELANCE_IMPORT_INVOICES)
    table = "invoice";
  else if (self->kind == RELANCE_IMPORT_PAYMENTS)
    table = "payment";
  else
    return;

  for (gsize i = 0; i < sample; i++)
    lines += self->data[i] == '\n';
  estimate = (gint64) (self->len / (sample / MAX (lines, 1) + 1));
  if (estimate < DEFER_INDEXES_MIN_ROWS)
    return;
  existing = relance_bulk_insert_count_rows (self->bulk, table);
  if (existing < 0 || estimate < existing / 8)
    return;
  self->defer_table = table;
}

/* Every secondary index of invoices and payments starts with the
 * customer. While the rows come in customer order, as files exported
 * customer by customer do, each new entry goes next to the previous one,
 * and keeping the indexes costs less than building them at the end: the
 * writer keeps them while the parser reads, instead of building them
 * alone afterwards (a million invoices in customer order: 3.8 s against
 * 4.5 s). The first row out of that order shows that the entries would
 * go all over the indexes: then they are dropped, and built at the end. */
static gboolean
follow_customer_order (Import  *self,
                       gint64   actor_id,
                       GError **error)
{
  if (self->defer_table == NULL || self->deferred_indexes)
    return TRUE;
  if (actor_id >= self->last_actor_id)
    {
      self->last_actor_id = actor_id;
      return TRUE;
    }
  self->deferred_indexes = TRUE;
  return relance_bulk_insert_defer_indexes (self->bulk, self->defer_table, error);
}

static void
write_customer (Import     *self,
                Batch      *batch,
                PendingRow *row)
{
  g_autoptr(GError) error = NULL;
  const char *code = batch_text (batch, row->key);
  gpointer earlier_line;
  gint64 *id;

  if (code != NULL && g_hash_table_lookup_extended (self->file_codes, code, NULL, &earlier_line))
    {
      g_autofree char *message =
        g_strdup_printf (_("This code is already on line %u of this file: each "
                           "customer must be in the file once."),
                         GPOINTER_TO_UINT (earlier_line));

      writer_error (self, row, CUSTOMER_CODE, code, message);
    }
  else if (code != NULL && g_hash_table_contains (self->codes, code))
    writer_error (self, row, CUSTOMER_CODE, code,
                  _("A customer with this code is already in the database: remove "
                    "the row, or give the new customer another code."));
  if (row->failed)
    return;

  if (!relance_actor_store_insert (self->db, row->actor, self->import_id, &error))
    {
      if (is_store_duplicate (error) ||
          g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID))
        writer_error (self, row, CUSTOMER_CODE, code, error->message);
      else
        self->write_error = g_steal_pointer (&error);
      return;
    }

  id = g_new (gint64, 1);
  *id = relance_actor_get_id (row->actor);
  g_hash_table_insert (self->file_codes, g_strdup (code), GUINT_TO_POINTER (row->line));
  g_hash_table_insert (self->codes, g_strdup (code), id);
}

/* Credit notes applied to invoices (applies_to) */

static void
pending_credit_clear (gpointer data)
{
  PendingCredit *pending = data;

  g_free (pending->number);
}

static void
credit_issue (Import              *self,
              const PendingCredit *pending,
              gboolean             warning,
              const char          *message)
{
  const char *column = self->columns[INVOICE_APPLIES_TO].name;

  if (warning)
    relance_import_report_add_warning (self->report, pending->line, column, pending->number,
                                       message);
  else
    relance_import_report_add_error (self->report, pending->line, column, pending->number,
                                     message);
}

/* The invoice that a credit note names: of its customer and currency,
 * not a credit note, not cancelled. */
static gboolean
check_credit_target (Import              *self,
                     const PendingCredit *pending,
                     RelanceInvoice      *invoice)
{
  if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_CREDIT_NOTE)
    credit_issue (self, pending, FALSE,
                  _("This is a credit note: a credit note applies to an invoice (or a "
                    "fee, or an interest item), not to another credit note."));
  else if (relance_invoice_get_actor_id (invoice) != pending->actor_id)
    credit_issue (self, pending, FALSE,
                  _("This invoice belongs to another customer: a credit note applies "
                    "only to an invoice of its own customer. Check the customer code "
                    "and the invoice number of the row."));
  else if (relance_invoice_get_cancelled (invoice))
    credit_issue (self, pending, FALSE,
                  _("This invoice is cancelled: a credit note cannot be applied to "
                    "it. Leave applies_to empty to keep the credit note open."));
  else if (g_strcmp0 (relance_invoice_get_currency (invoice), pending->currency) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("This invoice is in %s and the credit note in %s: a credit "
                           "note applies only to an invoice of its currency."),
                         relance_invoice_get_currency (invoice), pending->currency);

      credit_issue (self, pending, FALSE, message);
    }
  else
    return TRUE;
  return FALSE;
}

/* Applies the credit note to @invoice, on the credit note's issue date:
 * the whole credit note, or what the invoice still owes when that is
 * less, the rest staying open. Returns FALSE when the row has an error
 * (added to the report) or the import must stop (write_error set). */
static gboolean
apply_credit_note (Import              *self,
                   const PendingCredit *pending,
                   RelanceInvoice      *invoice)
{
  g_autoptr(GError) error = NULL;
  gint64 remaining;
  gint64 amount;

  if (!check_credit_target (self, pending, invoice))
    return FALSE;

  remaining = relance_invoice_get_remaining_cents (invoice);
  amount = MIN (pending->amount_cents, remaining);
  if (amount <= 0)
    {
      credit_issue (self, pending, TRUE,
                    _("This invoice owes nothing any more: the credit note stays "
                      "open, to be used."));
      return TRUE;
    }
  if (amount < pending->amount_cents)
    {
      g_autofree char *rest = relance_money_format_cents (pending->amount_cents - amount,
                                                          pending->currency, NULL);
      g_autofree char *message =
        g_strdup_printf (_("The credit note is more than the invoice still owes: %s of "
                           "it stays open, to be used."), rest);

      credit_issue (self, pending, TRUE, message);
    }

  if (!relance_credit_store_apply (self->db, pending->credit_note_id,
                                   relance_invoice_get_id (invoice), amount, pending->date,
                                   &error))
    {
      if (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID))
        credit_issue (self, pending, FALSE, error->message);
      else
        self->write_error = g_steal_pointer (&error);
      return FALSE;
    }
  return TRUE;
}

/* The invoice of @number, NULL when there is none (or on error, with
 * write_error set) */
static RelanceInvoice *
find_credit_target (Import     *self,
                    const char *number)
{
  g_autoptr(GError) error = NULL;
  RelanceInvoice *invoice = relance_invoice_store_find_by_number (self->db, number, &error);

  if (error != NULL)
    self->write_error = g_steal_pointer (&error);
  return invoice;
}

/* A credit note just written (@id) that names an invoice: applied now
 * when the invoice is written (in the database, or on an earlier line),
 * else once the whole file is (apply_pending_credit_notes()). Returns
 * FALSE when the row has an error. */
static gboolean
apply_or_defer_credit_note (Import     *self,
                            Batch      *batch,
                            PendingRow *row,
                            gint64      id)
{
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autofree char *number = g_strdup (batch_text (batch, row->invoice));
  PendingCredit pending;

  pending.credit_note_id = id;
  pending.line = row->line;
  pending.number = number;
  pending.actor_id = row->invoice_row.actor_id;
  memcpy (pending.currency, row->invoice_row.currency, 4);
  pending.date = row->invoice_row.issue_date;
  pending.amount_cents = -row->invoice_row.amount_cents;

  invoice = find_credit_target (self, pending.number);
  if (invoice != NULL)
    return apply_credit_note (self, &pending, invoice);
  if (self->write_error != NULL)
    return FALSE;

  if (self->credits == NULL)
    {
      self->credits = g_array_new (FALSE, FALSE, sizeof (PendingCredit));
      g_array_set_clear_func (self->credits, pending_credit_clear);
    }
  pending.number = g_steal_pointer (&number);
  g_array_append_val (self->credits, pending);
  return TRUE;
}

/* The credit notes that named an invoice of a later line, in the order
 * of the file */
static gboolean
apply_pending_credit_notes (Import  *self,
                            GError **error)
{
  for (guint i = 0; self->credits != NULL && i < self->credits->len; i++)
    {
      const PendingCredit *pending = &g_array_index (self->credits, PendingCredit, i);
      g_autoptr(RelanceInvoice) invoice = find_credit_target (self, pending->number);
      gboolean ok;

      if (invoice != NULL)
        ok = apply_credit_note (self, pending, invoice);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no invoice %s, in this file or in the "
                               "database: correct the number, or import the invoice "
                               "first."), pending->number);

          ok = FALSE;
          if (self->write_error == NULL)
            credit_issue (self, pending, FALSE, message);
        }
      if (self->write_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&self->write_error));
          return FALSE;
        }
      if (!ok)
        self->rows_valid--;
    }
  return TRUE;
}

/* The invoices of a batch go in by statements of many rows
 * (relance_bulk_insert_invoices()); then each row, in the order of the
 * file, gets its issues, then its duplicate error or its line. */
static void
write_invoices (Import *self,
                Batch  *batch)
{
  g_autoptr(GError) error = NULL;
  const RelanceInvoiceRow **rows = g_newa (const RelanceInvoiceRow *, batch->rows->len + 1);
  gint64 *ids = g_newa (gint64, batch->rows->len + 1);
  guint n = 0;

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PendingRow *row = &g_array_index (batch->rows, PendingRow, i);

      if (row->header || row->failed)
        continue;
      row->invoice_row.number = batch_text (batch, row->key);
      rows[n++] = &row->invoice_row;
      if (!follow_customer_order (self, row->invoice_row.actor_id, &error))
        {
          self->write_error = g_steal_pointer (&error);
          return;
        }
    }
  if (!relance_bulk_insert_invoices (self->bulk, rows, n, ids, &error))
    {
      self->write_error = g_steal_pointer (&error);
      return;
    }

  n = 0;
  for (guint i = 0; i < batch->rows->len && self->write_error == NULL; i++)
    {
      PendingRow *row = &g_array_index (batch->rows, PendingRow, i);
      gint64 id;

      write_issues (self, batch, row);
      if (row->header || row->failed)
        continue;
      id = ids[n++];
      if (id == 0)
        explain_duplicate (self, row, INVOICE_NUMBER, row->invoice_row.number);
      else
        {
          remember_line (self, id, row->line);
          if (row->invoice >= 0 && !apply_or_defer_credit_note (self, batch, row, id))
            row->failed = TRUE;
        }
      if (!row->failed && self->write_error == NULL)
        self->rows_valid++;
    }
}

/* The invoice a payment names: the customer's own, in the same currency,
 * not cancelled. */
static RelanceInvoice *
find_payment_invoice (Import     *self,
                      PendingRow *row,
                      const char *number)
{
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  const char *currency = row->payment_row.currency;

  invoice = relance_invoice_store_find_by_number (self->db, number, &error);
  if (error != NULL)
    {
      self->write_error = g_steal_pointer (&error);
      return NULL;
    }
  if (invoice == NULL)
    writer_error (self, row, PAYMENT_INVOICE, number,
                  _("There is no invoice with this number: import the invoices "
                    "file first, or correct the number."));
  else if (relance_invoice_get_actor_id (invoice) != row->payment_row.actor_id)
    writer_error (self, row, PAYMENT_INVOICE, number,
                  _("This invoice belongs to another customer: check the "
                    "customer code and the invoice number of the row."));
  else if (relance_invoice_get_cancelled (invoice))
    writer_error (self, row, PAYMENT_INVOICE, number,
                  _("This invoice is cancelled: a payment cannot be allocated "
                    "to it. Leave the invoice column empty to keep the payment "
                    "unallocated."));
  else if (g_strcmp0 (relance_invoice_get_currency (invoice), currency) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("This invoice is in %s and the payment in %s: a payment "
                           "is allocated only to an invoice of its currency."),
                         relance_invoice_get_currency (invoice), currency);

      writer_error (self, row, PAYMENT_INVOICE, number, message);
    }
  else
    return g_steal_pointer (&invoice);
  return NULL;
}

static void
write_payment (Import     *self,
               Batch      *batch,
               PendingRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceInvoice) invoice = NULL;
  RelancePaymentRow *payment = &row->payment_row;
  const char *number = batch_text (batch, row->invoice);
  gint64 allocation = 0;
  gint64 id;

  payment->reference = batch_text (batch, row->key);
  if (number != NULL)
    {
      invoice = find_payment_invoice (self, row, number);
      if (invoice == NULL)
        return;
    }

  /* The whole payment goes to the invoice, or what the invoice still
   * owes when that is less; the rest stays unallocated. */
  if (invoice != NULL)
    {
      gint64 remaining = relance_invoice_get_remaining_cents (invoice);

      allocation = MIN (payment->amount_cents, remaining);
      if (allocation <= 0)
        {
          writer_warning (self, row, PAYMENT_INVOICE, number,
                          _("This invoice owes nothing any more: the payment is "
                            "recorded unallocated."));
          allocation = 0;
        }
      else if (allocation < payment->amount_cents)
        {
          g_autofree char *rest = relance_money_format_cents (payment->amount_cents - allocation,
                                                              payment->currency, NULL);
          g_autofree char *message =
            g_strdup_printf (_("The payment is more than the invoice still owes: "
                               "%s stays unallocated."), rest);

          writer_warning (self, row, PAYMENT_AMOUNT, batch_text (batch, row->amount_text),
                          message);
        }
    }

  if (!follow_customer_order (self, payment->actor_id, &error))
    {
      self->write_error = g_steal_pointer (&error);
      return;
    }
  id = relance_bulk_insert_payment (self->bulk, payment, &error);
  if (id == 0)
    {
      handle_insert_error (self, row, PAYMENT_REFERENCE, payment->reference, &error);
      return;
    }
  remember_line (self, id, row->line);

  if (allocation > 0 &&
      !relance_payment_store_allocate (self->db, id, relance_invoice_get_id (invoice),
                                       allocation, payment->date, &error))
    {
      if (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID))
        writer_error (self, row, PAYMENT_INVOICE, number, error->message);
      else
        self->write_error = g_steal_pointer (&error);
    }
}

static void
write_batch (Import *self,
             Batch  *batch)
{
  if (self->kind == RELANCE_IMPORT_INVOICES)
    {
      write_invoices (self, batch);
      return;
    }

  for (guint i = 0; i < batch->rows->len && self->write_error == NULL; i++)
    {
      PendingRow *row = &g_array_index (batch->rows, PendingRow, i);

      write_issues (self, batch, row);
      if (row->header || row->failed)
        continue;

      switch (self->kind)
        {
        case RELANCE_IMPORT_CUSTOMERS:
          write_customer (self, batch, row);
          break;
        case RELANCE_IMPORT_PAYMENTS:
          write_payment (self, batch, row);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!row->failed && self->write_error == NULL)
        self->rows_valid++;
    }
}

/* "2025-11-23T14:29:00Z" → "2025-11-23 15:29" in local time, as people
 * remember when they imported a file. */
static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("?");
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Once the checksum is known: refuse the content imported before, and
 * give the import record its checksum. */
static gboolean
check_hash (Import  *self,
            GError **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *imported_at = NULL;
  g_autofree char *when = NULL;
  GError *local_error = NULL;
  gint64 id = 0;

  self->hash_checked = TRUE;
  if (!relance_import_store_find (self->db, relance_import_kind_to_string (self->kind),
                                  self->hash.sha256, &id, &file_name, &imported_at,
                                  &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return relance_bulk_insert_set_import_sha256 (self->bulk, self->hash.sha256, error);
    }
  when = format_timestamp (imported_at);
  g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_ALREADY_IMPORTED,
               _("This file was already imported on %s (as “%s”, import %" PRId64
                 "): importing it again would load its %s twice. Nothing was imported."),
               when, file_name ? file_name : "?", id, kind_title (self->kind));
  return FALSE;
}

/* Receives the batches of the parser until the last one, writing them
 * unless something stopped the import; then joins the parser. */
static gboolean
write_all (Import               *self,
           GThread              *parser,
           RelanceProgressFunc   progress,
           gpointer              progress_data,
           GError              **error)
{
  g_autofree char *what = g_strdup_printf (_("Importing %s"), kind_title (self->kind));
  gsize step = MAX (self->len / 100, 1);
  gsize next_progress = step;
  gboolean last = FALSE;

  while (!last)
    {
      Batch *batch = g_async_queue_pop (self->full_batches);

      if (!g_atomic_int_get (&self->stop))
        write_batch (self, batch);
      last = batch->last;
      if (progress != NULL && batch->offset >= next_progress && !last)
        {
          progress (WRITE_SHARE * (double) batch->offset / (double) self->len, what,
                    progress_data);
          next_progress = batch->offset + step;
        }
      batch_clear (batch);
      g_async_queue_push (self->free_batches, batch);

      if (g_atomic_int_get (&self->stop))
        continue;
      if (self->write_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&self->write_error));
          g_atomic_int_set (&self->stop, 1);
        }
      else if (g_cancellable_is_cancelled (self->cancellable))
        {
          g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_CANCELLED,
                       _("The import was cancelled; nothing was imported."));
          g_atomic_int_set (&self->stop, 1);
        }
      else if (!self->hash_checked && g_atomic_int_get (&self->hash.done) &&
               !check_hash (self, error))
        g_atomic_int_set (&self->stop, 1);
    }
  g_thread_join (parser);

  if (g_atomic_int_get (&self->stop))
    return FALSE;
  if (self->parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->parse_error));
      return FALSE;
    }
  return TRUE;
}

static void
import_clear (Import *self)
{
  if (self->hash_thread != NULL)
    g_thread_join (g_steal_pointer (&self->hash_thread));
  g_clear_pointer (&self->hash.sha256, g_free);
  csv_free (&self->parser);
  g_clear_pointer (&self->free_batches, g_async_queue_unref);
  g_clear_pointer (&self->full_batches, g_async_queue_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->field_map, g_free);
  if (self->values != NULL)
    g_string_free (g_steal_pointer (&self->values), TRUE);
  g_clear_error (&self->parse_error);
  g_clear_error (&self->write_error);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->file_codes, g_hash_table_unref);
  g_clear_pointer (&self->logins, g_hash_table_unref);
  g_clear_pointer (&self->credits, g_array_unref);
  g_clear_pointer (&self->bulk, relance_bulk_insert_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_object (&self->validation);
  g_clear_object (&self->invoice);
  g_clear_object (&self->payment);
  g_clear_pointer (&self->last_kind_text, g_free);
  g_clear_object (&self->report);
}

/* The logins of the users, that the agent column of customers names:
 * read before the parser starts, then only read by it */
static gboolean
load_logins (Import  *self,
             GError **error)
{
  g_autoptr(GPtrArray) users = relance_user_store_list (self->db, error);

  if (users == NULL)
    return FALSE;
  self->logins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < users->len; i++)
    {
      const RelanceUser *user = g_ptr_array_index (users, i);

      g_hash_table_add (self->logins, g_strdup (user->login));
    }
  return TRUE;
}

/* Runs inside the transaction: every write of the import, up to the
 * audit line; the caller commits or rolls back. */
static gboolean
run_in_transaction (Import               *self,
                    gboolean              dry_run,
                    RelanceProgressFunc   progress,
                    gpointer              progress_data,
                    GError              **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *provisional = NULL;
  g_autofree char *after = NULL;
  GThread *parser;

  /* The checksum comes later (check_hash): until then the record has a
   * provisional one of its own. */
  provisional = g_strconcat ("pending-", uuid, NULL);
  self->import_id = relance_import_store_record (self->db,
                                                 relance_import_kind_to_string (self->kind),
                                                 self->file_name, provisional, error);
  if (self->import_id == 0)
    return FALSE;

  self->codes = relance_actor_store_code_index (self->db, error);
  if (self->codes == NULL)
    return FALSE;
  if (self->kind == RELANCE_IMPORT_CUSTOMERS && !load_logins (self, error))
    return FALSE;

  self->bulk = relance_bulk_insert_new (self->db, self->import_id, error);
  if (self->bulk == NULL)
    return FALSE;
  maybe_defer_indexes (self);

  parser = g_thread_new ("relance-csv-parser", parse_thread, self);
  if (!write_all (self, parser, progress, progress_data, error))
    return FALSE;

  if (!self->header_done)
    {
      g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                   _("“%s” is empty: a %s file starts with a header line naming "
                     "its columns."),
                   self->file_name, kind_title (self->kind));
      return FALSE;
    }
  if (self->rows_read == 0)
    {
      g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                   _("“%s” has a header but no row: there is nothing to import."),
                   self->file_name);
      return FALSE;
    }
  if (!apply_pending_credit_notes (self, error))
    return FALSE;

  g_thread_join (g_steal_pointer (&self->hash_thread));
  if (!self->hash_checked && !check_hash (self, error))
    return FALSE;

  relance_import_report_set_counts (self->report, self->rows_read, self->rows_valid);
  if (dry_run || relance_import_report_has_errors (self->report))
    return TRUE;

  if (progress != NULL && self->deferred_indexes)
    progress (WRITE_SHARE, _("Building the indexes"), progress_data);
  if (!relance_bulk_insert_restore_indexes (self->bulk, error))
    return FALSE;

  after = g_strdup_printf ("%s, %s, %u", relance_import_kind_to_string (self->kind),
                           self->file_name, self->rows_valid);
  if (!relance_import_store_set_rows (self->db, self->import_id, self->rows_valid, error) ||
      !relance_database_audit (self->db, "import", self->import_id, "import", NULL, after, error))
    return FALSE;

  relance_import_report_set_written (self->report, self->import_id, self->rows_valid);
  return TRUE;
}

static void
prepare_kind (Import *self)
{
  switch (self->kind)
    {
    case RELANCE_IMPORT_CUSTOMERS:
      self->columns = customer_columns;
      self->n_columns = N_CUSTOMER_COLUMNS;
      self->file_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      break;
    case RELANCE_IMPORT_INVOICES:
      self->columns = invoice_columns;
      self->n_columns = N_INVOICE_COLUMNS;
      self->invoice = relance_invoice_new (NULL, 0);
      break;
    case RELANCE_IMPORT_PAYMENTS:
      self->columns = payment_columns;
      self->n_columns = N_PAYMENT_COLUMNS;
      self->payment = relance_payment_new (NULL, 0);
      break;
    default:
      g_assert_not_reached ();
    }
  G_STATIC_ASSERT (N_CUSTOMER_COLUMNS <= 32);
}

/* What can be said of the file before any transaction: readable, UTF-8,
 * a header naming our columns. Sets the separator. */
static gboolean
check_file (Import      *self,
            const char  *display,
            GError     **error)
{
  const guchar *bytes = (const guchar *) self->data;
  const char *header;
  gsize header_len;

  if (self->len >= 2 && ((bytes[0] == 0xff && bytes[1] == 0xfe) ||
                         (bytes[0] == 0xfe && bytes[1] == 0xff)))
    {
      g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                   _("“%s” is in UTF-16: save it as CSV UTF-8 and import it again."),
                   display);
      return FALSE;
    }

  header = first_line (self->data, self->len, &header_len);
  if (header == NULL)
    {
      g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                   _("“%s” is empty: a %s file starts with a header line naming "
                     "its columns."),
                   display, kind_title (self->kind));
      return FALSE;
    }
  self->separator = detect_separator (header, header_len, self->columns, self->n_columns);
  if (self->separator == 0)
    {
      g_autofree char *required = column_list (self->columns, self->n_columns, TRUE);

      g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FORMAT,
                   _("The first line of “%s” names none of the columns of a %s "
                     "file: it must be a header line with the columns %s (in any "
                     "order), separated by semicolons, commas or tabs."),
                   display, kind_title (self->kind), required);
      return FALSE;
    }
  return TRUE;
}

/**
 * relance_csv_import:
 * @db: the database (in a GTask thread: that thread's own connection)
 * @kind: what the file holds
 * @path: the CSV file
 * @dry_run: %TRUE to check every row and write nothing
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called about every 1 % of the file, from the
 *   calling thread
 * @progress_data: data for @progress
 * @error: a #GError
 *
 * Imports a CSV file of customers, invoices or payments, all or nothing,
 * as docs/import-formats.md describes: a header naming the columns in
 * any order; `;`, `,` or tab found from the header; UTF-8 with or without
 * BOM; CRLF or LF; quoted values; decimal comma or point; dates
 * YYYY-MM-DD or DD/MM/YYYY. Every row is checked with the model's rules;
 * customer codes must exist (for invoices and payments) or not exist yet
 * (for customers); numbers and references must be new; a customer's
 * agent is the login of a user. A payment with an invoice is allocated
 * to it, up to what the invoice still owes; a credit note with an
 * invoice in applies_to (of the file or of the database) is applied to
 * it (imputation d'avoir) on its issue date, up to what either has left.
 *
 * When the file can be read, the result is a report, whether rows were
 * written or not: relance_import_report_get_written() says which, and
 * the errors say why not (every one, with its line and column, up to
 * %RELANCE_IMPORT_MAX_ISSUES); relance_import_report_check() turns them
 * into a %RELANCE_IMPORT_ERROR_INVALID_ROWS error. %NULL is returned, with
 * @error set, when the import could not run at all: a file that cannot
 * be read (%RELANCE_IMPORT_ERROR_FILE), that is not a CSV file of @kind
 * (%RELANCE_IMPORT_ERROR_FORMAT), that was imported before
 * (%RELANCE_IMPORT_ERROR_ALREADY_IMPORTED), a cancellation
 * (%RELANCE_IMPORT_ERROR_CANCELLED), or a failure of the database
 * (%RELANCE_STORE_ERROR). In none of those cases is anything written.
 *
 * The import holds the database's write lock from start to end, a dry
 * run too (it writes, then rolls back, so that it finds exactly what an
 * import would). A written import records the file's SHA-256 with the
 * kind, so that the same content is refused next time, and one audit
 * line.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
RelanceImportReport *
relance_csv_import (RelanceDatabase      *db,
                    RelanceImportKind     kind,
                    const char           *path,
                    gboolean              dry_run,
                    GCancellable         *cancellable,
                    RelanceProgressFunc   progress,
                    gpointer              progress_data,
                    GError              **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *file_name = NULL;
  Import self = { 0 };
  RelanceImportReport *report = NULL;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind <= RELANCE_IMPORT_PAYMENTS, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (!relance_database_in_transaction (db), NULL);

  display = g_filename_display_name (path);
  file_name = g_filename_display_basename (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, RELANCE_IMPORT_ERROR, RELANCE_IMPORT_ERROR_FILE,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  self.db = db;
  self.kind = kind;
  self.cancellable = cancellable;
  self.file_name = file_name;
  self.data = g_mapped_file_get_contents (mapped);
  self.len = g_mapped_file_get_length (mapped);
  prepare_kind (&self);

  /* The checksum covers the whole content, BOM included: it identifies
   * the file as received. */
  self.hash.data = (const guchar *) self.data;
  self.hash.len = self.len;
  if (self.len >= 3 && memcmp (self.data, UTF8_BOM, 3) == 0)
    {
      self.data += 3;
      self.len -= 3;
    }

  if (!check_file (&self, display, error))
    {
      import_clear (&self);
      return NULL;
    }

  /* Not strict: a stray quote inside an unquoted value is kept as it is,
   * as spreadsheets write them. */
  csv_init (&self.parser, CSV_APPEND_NULL);
  csv_set_delim (&self.parser, (unsigned char) self.separator);
  self.header = g_ptr_array_new_with_free_func (g_free);
  self.values = g_string_sized_new (256);
  self.lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self.validation = relance_validation_new ();
  self.report = relance_import_report_new (kind, path, dry_run);
  self.bad_utf8_column = -1;
  for (guint i = 0; i < G_N_ELEMENTS (self.offsets); i++)
    self.offsets[i] = -1;
  self.free_batches = g_async_queue_new_full (batch_free);
  self.full_batches = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (self.free_batches, batch_new ());

  if (progress != NULL)
    progress (0.0, NULL, progress_data);

  /* Every key the rows refer to is resolved here, in the transaction:
   * SQLite need not look each one up again (relance_bulk_set_foreign_keys) */
  if (!relance_bulk_set_foreign_keys (db, FALSE, error))
    {
      import_clear (&self);
      return NULL;
    }
  if (!relance_database_begin (db, error))
    {
      relance_bulk_set_foreign_keys (db, TRUE, NULL);
      import_clear (&self);
      return NULL;
    }
  self.hash_thread = g_thread_new ("relance-csv-sha256", hash_thread, &self.hash);
  ok = run_in_transaction (&self, dry_run, progress, progress_data, error);

  /* The batch goes before a commit (it holds statements and may have to
   * restore indexes), after a rollback (which restored them). */
  if (ok && relance_import_report_get_written (self.report))
    {
      g_clear_pointer (&self.bulk, relance_bulk_insert_free);
      ok = relance_database_commit (db, error);
    }
  else
    {
      relance_database_rollback (db);
      g_clear_pointer (&self.bulk, relance_bulk_insert_free);
    }

  /* The data is committed or not whatever this says: a failure here is
   * only worth a warning. */
  if (!relance_bulk_set_foreign_keys (db, TRUE, &local_error))
    g_warning ("Could not check foreign keys again: %s", local_error->message);

  if (ok)
    {
      report = g_steal_pointer (&self.report);
      if (progress != NULL)
        progress (1.0, NULL, progress_data);
    }
  import_clear (&self);
  return report;
}
