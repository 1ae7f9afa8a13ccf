/* relance-documents.c — the documents a debtor receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a template (subject and body, data in the database, per
 * code and language) filled with the values of relance-document-data.c
 * and drawn by the PDF writer around a fixed frame: letterhead, address
 * block, place and date, references, « Objet : », the body, where a
 * paragraph that is a block placeholder becomes a table, and the
 * signature. The placeholders are checked before anything is drawn, and
 * values are put in as text, never expanded again.
 *
 * The words of the frame (« Objet : », table headers…) are in the
 * document's language, the debtor's, not in the language of the person
 * running the program: they come from the small tables below rather
 * than from gettext. Messages for the user (errors, reasons) are
 * translated as usual.
 */
#define G_LOG_DOMAIN "relance-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "relance-documents.h"
#include "relance-document-data.h"
#include "relance-pdf-writer.h"
#include "relance-placeholders.h"

typedef struct
{
  const char *en;
  const char *fr;
} Words;

static const char * const kind_names[] = {
  [RELANCE_DOCUMENT_LETTER] = "letter",
  [RELANCE_DOCUMENT_NOTICE] = "notice",
  [RELANCE_DOCUMENT_STATEMENT] = "statement",
  [RELANCE_DOCUMENT_INTEREST] = "interest",
  [RELANCE_DOCUMENT_PLAN] = "plan",
};

static const char * const kind_labels[] = {
  [RELANCE_DOCUMENT_LETTER] = N_("Dunning letter"),
  [RELANCE_DOCUMENT_NOTICE] = N_("Formal notice"),
  [RELANCE_DOCUMENT_STATEMENT] = N_("Account statement"),
  [RELANCE_DOCUMENT_INTEREST] = N_("Interest and indemnity statement"),
  [RELANCE_DOCUMENT_PLAN] = N_("Payment plan confirmation"),
};

/* The titles printed on the documents that carry one */
static const Words document_titles[] = {
  [RELANCE_DOCUMENT_LETTER] = { NULL, NULL },
  [RELANCE_DOCUMENT_NOTICE] = { "FORMAL NOTICE", "MISE EN DEMEURE" },
  [RELANCE_DOCUMENT_STATEMENT] = { "ACCOUNT STATEMENT", "RELEVÉ DE COMPTE" },
  [RELANCE_DOCUMENT_INTEREST] = { "STATEMENT OF LATE INTEREST AND INDEMNITIES",
                                  "DÉCOMPTE DES INTÉRÊTS DE RETARD ET INDEMNITÉS" },
  [RELANCE_DOCUMENT_PLAN] = { "CONFIRMATION OF PAYMENT PLAN", "CONFIRMATION D’ÉCHÉANCIER" },
};

/* Helpers */

/* The English and French words have the same conversions: the compiler
 * checks the English one */
static const char *say (const char *language,
                        const char *en,
                        const char *fr) G_GNUC_FORMAT (2);

static const char *
say (const char *language,
     const char *en,
     const char *fr)
{
  return language != NULL && g_str_has_prefix (language, "fr") ? fr : en;
}

static gboolean
is_french (const char *language)
{
  return language != NULL && g_str_has_prefix (language, "fr");
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
money (RelanceDocumentData *data,
       gint64               cents)
{
  return relance_document_format_money (cents, data->currency, data->language);
}

static char *
short_date (RelanceDocumentData *data,
            RelanceDate          date)
{
  return relance_document_format_short_date (date, data->language);
}

static RelanceTemplateKind
template_kind_for (RelanceDocumentKind kind)
{
  switch (kind)
    {
    case RELANCE_DOCUMENT_NOTICE:
      return RELANCE_TEMPLATE_KIND_NOTICE;
    case RELANCE_DOCUMENT_STATEMENT:
      return RELANCE_TEMPLATE_KIND_STATEMENT;
    case RELANCE_DOCUMENT_INTEREST:
      return RELANCE_TEMPLATE_KIND_INTEREST;
    case RELANCE_DOCUMENT_PLAN:
      return RELANCE_TEMPLATE_KIND_PLAN;
    case RELANCE_DOCUMENT_LETTER:
    case RELANCE_N_DOCUMENT_KINDS:
    default:
      return RELANCE_TEMPLATE_KIND_LETTER;
    }
}

static gboolean
document_kind_for_template (RelanceTemplateKind  kind,
                            RelanceDocumentKind *document_kind)
{
  switch (kind)
    {
    case RELANCE_TEMPLATE_KIND_LETTER:
      *document_kind = RELANCE_DOCUMENT_LETTER;
      return TRUE;
    case RELANCE_TEMPLATE_KIND_NOTICE:
      *document_kind = RELANCE_DOCUMENT_NOTICE;
      return TRUE;
    case RELANCE_TEMPLATE_KIND_STATEMENT:
      *document_kind = RELANCE_DOCUMENT_STATEMENT;
      return TRUE;
    case RELANCE_TEMPLATE_KIND_INTEREST:
      *document_kind = RELANCE_DOCUMENT_INTEREST;
      return TRUE;
    case RELANCE_TEMPLATE_KIND_PLAN:
      *document_kind = RELANCE_DOCUMENT_PLAN;
      return TRUE;
    case RELANCE_TEMPLATE_KIND_EMAIL:
    case RELANCE_TEMPLATE_KIND_SMS:
    default:
      return FALSE;
    }
}

/* The level a letter is for: the request's, else the open case's (a
 * letter stops at the second reminder), else the first reminder */
static int
letter_level (RelanceDatabase              *db,
              const RelanceDocumentRequest *request)
{
  g_autoptr(RelanceCase) dunning_case = NULL;
  g_autofree char *currency = NULL;

  if (request->level >= 0)
    return MIN (request->level, RELANCE_LEVEL_REMINDER_2);
  currency = relance_company_currency (db);
  dunning_case = relance_case_store_find_open (db, request->actor_id, currency, NULL);
  if (dunning_case == NULL)
    return RELANCE_LEVEL_REMINDER_1;
  return CLAMP (dunning_case->level, RELANCE_LEVEL_COURTESY, RELANCE_LEVEL_REMINDER_2);
}

/* The template code of @request before the defaults of the language:
 * the request's, the action's step's, else by kind, level and debtor */
static char *
template_code (RelanceDatabase              *db,
               const RelanceDocumentRequest *request,
               gboolean                      consumer,
               const char                   *step_template)
{
  static const char * const letters[2][3] = {
    { "letter_courtesy", "letter_reminder_1", "letter_reminder_2" },
    { "letter_courtesy", "letter_consumer_1", "letter_consumer_2" },
  };

  if (has_text (request->template_code))
    return g_strdup (request->template_code);
  if (has_text (step_template))
    return g_strdup (step_template);
  switch (request->kind)
    {
    case RELANCE_DOCUMENT_NOTICE:
      return g_strdup (consumer ? "formal_notice_consumer" : "formal_notice");
    case RELANCE_DOCUMENT_STATEMENT:
      return g_strdup ("statement");
    case RELANCE_DOCUMENT_INTEREST:
      return g_strdup ("interest_statement");
    case RELANCE_DOCUMENT_PLAN:
      return g_strdup ("payment_plan");
    case RELANCE_DOCUMENT_LETTER:
    case RELANCE_N_DOCUMENT_KINDS:
    default:
      return g_strdup (letters[consumer ? 1 : 0][letter_level (db, request)]);
    }
}

/* The step's template of an action, for the template choice before the
 * data is gathered */
static char *
action_step_template (RelanceDatabase  *db,
                      gint64            action_id,
                      GError          **error)
{
  g_autoptr(RelanceAction) action = NULL;
  g_autoptr(RelanceCase) dunning_case = NULL;
  g_autoptr(RelanceScenario) scenario = NULL;
  const RelanceScenarioStep *step;
  GError *local_error = NULL;

  action = relance_action_store_find (db, action_id, &local_error);
  if (action == NULL || action->step_id == 0 || action->case_id == 0)
    goto out;
  dunning_case = relance_case_store_find (db, action->case_id, &local_error);
  if (dunning_case == NULL)
    goto out;
  scenario = relance_scenario_store_get (db, dunning_case->scenario_id, &local_error);
  if (scenario == NULL)
    goto out;
  step = relance_scenario_get_step_by_id (scenario, action->step_id);
  if (step != NULL && has_text (step->template_key))
    return g_strdup (step->template_key);

out:
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return NULL;
}

static gboolean
is_consumer (RelanceDatabase  *db,
             gint64            actor_id,
             gboolean         *consumer,
             GError          **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  GError *local_error = NULL;

  actor = relance_actor_store_find_by_id (db, actor_id, &local_error);
  if (actor == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer number %" PRId64), actor_id);
      return FALSE;
    }
  *consumer = relance_actor_get_kind (actor) == RELANCE_ACTOR_KIND_PERSON;
  return TRUE;
}

/* The template and the language it is in (the request's, the contact's,
 * else French; French when that language has none) */
static RelanceTemplate *
find_template (RelanceDatabase              *db,
               const RelanceDocumentRequest *request,
               GError                      **error)
{
  g_autofree char *language = NULL;
  g_autofree char *code = NULL;
  g_autofree char *step_template = NULL;
  GError *local_error = NULL;
  RelanceTemplate *tpl;
  gboolean consumer = FALSE;

  if (!is_consumer (db, request->actor_id, &consumer, error))
    return NULL;
  if (has_text (request->language))
    language = g_strdup (request->language);
  else
    {
      language = relance_document_data_language (db, request->actor_id, error);
      if (language == NULL)
        return NULL;
    }
  if (request->action_id != 0 && !has_text (request->template_code))
    {
      step_template = action_step_template (db, request->action_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      /* An email step names the text of its message: the document it
       * carries (a statement, a letter) takes the kind's own template */
      if (step_template != NULL)
        {
          g_autoptr(RelanceTemplate) step_tpl =
            relance_template_store_find (db, step_template, "fr", FALSE, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          if (step_tpl != NULL &&
              (step_tpl->kind == RELANCE_TEMPLATE_KIND_EMAIL ||
               step_tpl->kind == RELANCE_TEMPLATE_KIND_SMS))
            g_clear_pointer (&step_template, g_free);
        }
    }
  code = template_code (db, request, consumer, step_template);

  tpl = relance_template_store_find (db, code, language, TRUE, &local_error);
  if (tpl == NULL && local_error == NULL && !g_str_equal (language, "fr"))
    tpl = relance_template_store_find (db, code, "fr", TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (tpl == NULL)
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   _("There is no active template “%s”: add it or choose another one"), code);
      return NULL;
    }
  if (tpl->kind == RELANCE_TEMPLATE_KIND_EMAIL || tpl->kind == RELANCE_TEMPLATE_KIND_SMS)
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   _("The template “%s” is the text of a message, not of a printed document"),
                   code);
      relance_template_free (tpl);
      return NULL;
    }
  return tpl;
}

/* The document's kind: the request's, unless the template is of another
 * printed kind (a formal-notice step of a letter action) */
static RelanceDocumentKind
effective_kind (const RelanceDocumentRequest *request,
                const RelanceTemplate        *tpl)
{
  RelanceDocumentKind kind = request->kind;

  if (tpl != NULL && tpl->kind != template_kind_for (request->kind))
    document_kind_for_template (tpl->kind, &kind);
  return kind;
}

static gboolean
check_template (RelanceDocumentData  *data,
                RelanceTemplate      *tpl,
                GError              **error)
{
  return relance_placeholders_check (tpl->subject, "subject", error) &&
         relance_placeholders_check (tpl->body, "body", error) &&
         relance_document_data_check_interest (data, tpl->subject, error) &&
         relance_document_data_check_interest (data, tpl->body, error);
}

/* Tables */

static void
draw_invoice_table (RelancePdfWriter    *writer,
                    RelanceDocumentData *data)
{
  const char *lang = data->language;
  const RelancePdfColumn columns[] = {
    { say (lang, "Invoice", "Facture"), 1.6, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Date", "Date"), 1.1, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Due date", "Échéance"), 1.1, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Amount incl. tax", "Montant TTC"), 1.3, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Remaining", "Reste dû"), 1.3, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Days late", "Jours de retard"), 0.9, RELANCE_PDF_ALIGN_RIGHT },
  };
  gint64 total = 0;

  relance_pdf_writer_table_begin (writer, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < data->claimed->len; i++)
    {
      const RelanceDocumentItem *item = &g_array_index (data->claimed, RelanceDocumentItem, i);
      g_autofree char *issued = short_date (data, item->issue_date);
      g_autofree char *due = short_date (data, item->due_date);
      g_autofree char *amount = money (data, item->amount_cents);
      g_autofree char *remaining = money (data, item->remaining_cents);
      g_autofree char *late = g_strdup_printf ("%d", item->days_late);
      const char *cells[] = { item->number, issued, due, amount, remaining, late, NULL };

      total += item->remaining_cents;
      relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_NORMAL);
    }
  {
    g_autofree char *sum = money (data, total);
    const char *cells[] = { say (lang, "Total", "Total"), NULL, NULL, NULL, sum, NULL, NULL };

    relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_BOLD | RELANCE_PDF_ROW_RULE);
  }
  relance_pdf_writer_table_end (writer);
}

static void
draw_statement_table (RelancePdfWriter    *writer,
                      RelanceDocumentData *data)
{
  const char *lang = data->language;
  const RelancePdfColumn columns[] = {
    { say (lang, "Item", "Pièce"), 2.0, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Date", "Date"), 1.25, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Due date", "Échéance"), 1.25, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Amount", "Montant"), 1.4, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Paid", "Réglé"), 1.3, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Remaining", "Reste dû"), 1.4, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Days late", "Retard (j)"), 0.8, RELANCE_PDF_ALIGN_RIGHT },
  };
  gint64 total = 0;

  relance_pdf_writer_table_begin (writer, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < data->items->len; i++)
    {
      const RelanceDocumentItem *item = &g_array_index (data->items, RelanceDocumentItem, i);
      g_autofree char *issued = short_date (data, item->issue_date);
      g_autofree char *due = short_date (data, item->due_date);
      g_autofree char *amount = money (data, item->amount_cents);
      g_autofree char *paid = item->paid_cents != 0 ? money (data, item->paid_cents) : NULL;
      g_autofree char *remaining = money (data, item->remaining_cents);
      g_autofree char *late = item->days_late > 0 ? g_strdup_printf ("%d", item->days_late) : NULL;
      g_autofree char *label = NULL;
      const char *cells[8];

      if (item->disputed)
        label = g_strdup_printf ("%s (%s)", item->number, say (lang, "disputed", "en litige"));
      cells[0] = label ? label : item->number;
      cells[1] = issued;
      cells[2] = due;
      cells[3] = amount;
      cells[4] = paid;
      cells[5] = remaining;
      cells[6] = late;
      cells[7] = NULL;
      total += item->remaining_cents;
      relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_NORMAL);
    }
  for (guint i = 0; i < data->payments->len; i++)
    {
      const RelanceDocumentPayment *payment = &g_array_index (data->payments,
                                                              RelanceDocumentPayment, i);
      g_autofree char *label = g_strdup_printf ("%s %s",
                                                say (lang, "Unallocated payment",
                                                     "Règlement non imputé"),
                                                payment->reference);
      g_autofree char *date = short_date (data, payment->date);
      g_autofree char *amount = money (data, -payment->unallocated_cents);
      const char *cells[] = { label, date, NULL, NULL, NULL, amount, NULL, NULL };

      total -= payment->unallocated_cents;
      relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_SHADED);
    }
  {
    g_autofree char *sum = money (data, total);
    const char *cells[] = { say (lang, "Total outstanding", "Encours total"),
                            NULL, NULL, NULL, NULL, sum, NULL, NULL };

    relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_BOLD | RELANCE_PDF_ROW_RULE);
  }
  relance_pdf_writer_table_end (writer);
}

static void
draw_aged_table (RelancePdfWriter    *writer,
                 RelanceDocumentData *data)
{
  RelanceAgedBalance *aged = data->aged;
  const RelanceAgedBalanceRow *row = aged->n_rows > 0 ? &aged->rows[0] : NULL;
  guint n = aged->n_buckets;
  g_autofree RelancePdfColumn *columns = g_new0 (RelancePdfColumn, n + 2);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  int previous = 0;

  for (guint i = 0; i < n; i++)
    {
      int max_days = relance_aged_buckets_get_max_days (aged->buckets, i);
      char *label = relance_document_bucket_label (data->language, previous, max_days, i == 0);

      g_ptr_array_add (labels, label);
      columns[i] = (RelancePdfColumn) { label, 1.0, RELANCE_PDF_ALIGN_RIGHT };
      g_ptr_array_add (cells, money (data, row ? row->bucket_cents[i] : 0));
      previous = max_days;
    }
  columns[n] = (RelancePdfColumn) { say (data->language, "Unallocated", "Non imputé"), 1.0,
                                    RELANCE_PDF_ALIGN_RIGHT };
  g_ptr_array_add (cells, money (data, row ? row->unallocated_cents : 0));
  columns[n + 1] = (RelancePdfColumn) { say (data->language, "Total", "Total"), 1.1,
                                        RELANCE_PDF_ALIGN_RIGHT };
  g_ptr_array_add (cells, money (data, row ? row->total_cents : 0));
  g_ptr_array_add (cells, NULL);

  relance_pdf_writer_table_begin (writer, columns, n + 2);
  relance_pdf_writer_table_row (writer, (const char * const *) cells->pdata, RELANCE_PDF_ROW_NORMAL);
  relance_pdf_writer_table_end (writer);
}

static void
draw_breakdown_table (RelancePdfWriter    *writer,
                      RelanceDocumentData *data)
{
  const char *lang = data->language;
  const RelancePdfColumn columns[] = {
    { say (lang, "Amounts claimed", "Sommes réclamées"), 3.0, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Amount", "Montant"), 1.0, RELANCE_PDF_ALIGN_RIGHT },
  };
  g_autofree char *principal = money (data, data->principal_cents);
  g_autofree char *interest = money (data, data->interest_cents);
  g_autofree char *indemnity = money (data, data->indemnity_cents);
  g_autofree char *fees = money (data, data->fees_cents);
  g_autofree char *total = money (data, data->total_claimed_cents);
  g_autofree char *rate = relance_rate_format (data->rate_bp, lang);
  g_autofree char *interest_label = g_strdup_printf (say (lang, "Late payment interest (%s a year)",
                                                          "Intérêts de retard (taux annuel %s)"),
                                                     rate);
  const char *row_principal[] = { say (lang, "Principal (invoices remaining due)",
                                       "Principal (reste dû des factures)"), principal, NULL };
  const char *row_interest[] = { interest_label, interest, NULL };
  const char *row_indemnity[] = { say (lang, "Fixed recovery indemnity (Code de commerce D441-5)",
                                       "Indemnité forfaitaire pour frais de recouvrement (art. D441-5 C. com.)"),
                                  indemnity, NULL };
  const char *row_fees[] = { say (lang, "Fees", "Frais"), fees, NULL };
  const char *row_total[] = { say (lang, "Total claimed", "Total réclamé"), total, NULL };

  relance_pdf_writer_table_begin (writer, columns, G_N_ELEMENTS (columns));
  relance_pdf_writer_table_row (writer, row_principal, RELANCE_PDF_ROW_NORMAL);
  relance_pdf_writer_table_row (writer, row_interest, RELANCE_PDF_ROW_NORMAL);
  /* A consumer owes no indemnity: the line would only raise a question */
  if (!data->consumer || data->indemnity_cents != 0)
    relance_pdf_writer_table_row (writer, row_indemnity, RELANCE_PDF_ROW_NORMAL);
  relance_pdf_writer_table_row (writer, row_fees, RELANCE_PDF_ROW_NORMAL);
  relance_pdf_writer_table_row (writer, row_total, RELANCE_PDF_ROW_BOLD | RELANCE_PDF_ROW_RULE);
  relance_pdf_writer_table_end (writer);
}

static gboolean
is_claimed (RelanceDocumentData *data,
            gint64               invoice_id)
{
  for (guint i = 0; i < data->claimed->len; i++)
    if (g_array_index (data->claimed, RelanceDocumentItem, i).id == invoice_id)
      return TRUE;
  return FALSE;
}

/* Each half-year segment of each late invoice; the segments' amounts are
 * rounded one by one and the last of an invoice takes the difference, so
 * that they add up to the invoice's interest, itself rounded once. With
 * @claimed_only, the invoices the document claims. */
static void
draw_interest_table (RelancePdfWriter    *writer,
                     RelanceDocumentData *data,
                     gboolean             claimed_only)
{
  const char *lang = data->language;
  const RelancePdfColumn columns[] = {
    { say (lang, "Invoice", "Facture"), 1.6, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Half-year", "Semestre"), 1.05, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "From", "Du"), 1.25, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "To", "Au"), 1.25, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Days", "Jours"), 0.7, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Rate", "Taux"), 1.0, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Base", "Base"), 1.4, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Amount", "Montant"), 1.3, RELANCE_PDF_ALIGN_RIGHT },
  };
  gint64 total_interest = 0, total_indemnity = 0;

  relance_pdf_writer_table_begin (writer, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; data->interest != NULL && i < data->interest->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (data->interest->lines,
                                                        RelanceInterestLine, i);
      gint64 so_far = 0;

      if (g_strcmp0 (line->currency, data->currency) != 0 ||
          (claimed_only && !is_claimed (data, line->invoice_id)))
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          const RelanceInterestSegment *seg = &g_array_index (line->segments,
                                                              RelanceInterestSegment, s);
          gint64 amount = s + 1 < line->segments->len
                          ? relance_money_mul_div_round (seg->base_cents,
                                                         (gint64) seg->rate_bp * seg->days,
                                                         RELANCE_INTEREST_DIVISOR)
                          : line->interest_cents - so_far;
          g_autofree char *half = g_strdup (seg->half_year);
          g_autofree char *from = short_date (data, seg->from);
          g_autofree char *to = short_date (data, seg->to);
          g_autofree char *days = g_strdup_printf ("%d", seg->days);
          g_autofree char *rate = relance_rate_format (seg->rate_bp, lang);
          g_autofree char *base = money (data, seg->base_cents);
          g_autofree char *value = money (data, amount);
          const char *cells[] = { s == 0 ? line->number : NULL, half, from, to, days, rate,
                                  base, value, NULL };

          /* "2025-H1" reads « 2025-S1 » in French */
          if (is_french (lang) && strlen (half) == 7 && half[5] == 'H')
            half[5] = 'S';
          so_far += amount;
          relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_NORMAL);
        }
      total_interest += line->interest_cents;
      if (line->indemnity_cents > 0)
        {
          g_autofree char *value = relance_document_format_money (line->indemnity_cents,
                                                                  RELANCE_INDEMNITY_CURRENCY, lang);
          const char *cells[] = { say (lang, "Recovery indemnity", "Indemnité forfaitaire"),
                                  NULL, NULL, NULL, NULL, NULL, NULL, value, NULL };

          total_indemnity += line->indemnity_cents;
          relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_SHADED);
        }
    }
  {
    g_autofree char *interest = money (data, total_interest);
    g_autofree char *indemnity = money (data, total_indemnity);
    g_autofree char *total = money (data, total_interest + total_indemnity);
    const char *row_interest[] = { say (lang, "Total interest", "Total intérêts"),
                                   NULL, NULL, NULL, NULL, NULL, NULL, interest, NULL };
    const char *row_indemnity[] = { say (lang, "Total indemnities", "Total indemnités"),
                                    NULL, NULL, NULL, NULL, NULL, NULL, indemnity, NULL };
    const char *row_total[] = { say (lang, "Total", "Total"),
                                NULL, NULL, NULL, NULL, NULL, NULL, total, NULL };

    relance_pdf_writer_table_row (writer, row_interest, RELANCE_PDF_ROW_BOLD | RELANCE_PDF_ROW_RULE);
    if (!data->consumer)
      {
        relance_pdf_writer_table_row (writer, row_indemnity, RELANCE_PDF_ROW_BOLD);
        relance_pdf_writer_table_row (writer, row_total, RELANCE_PDF_ROW_BOLD);
      }
  }
  relance_pdf_writer_table_end (writer);
}

static void
draw_plan_table (RelancePdfWriter    *writer,
                 RelanceDocumentData *data)
{
  const char *lang = data->language;
  const RelancePdfColumn columns[] = {
    { say (lang, "Instalment", "Échéance n°"), 0.9, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Date", "Date"), 1.2, RELANCE_PDF_ALIGN_LEFT },
    { say (lang, "Amount", "Montant"), 1.2, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Paid", "Réglé"), 1.2, RELANCE_PDF_ALIGN_RIGHT },
    { say (lang, "Remaining", "Reste à payer"), 1.2, RELANCE_PDF_ALIGN_RIGHT },
  };
  const char *currency = data->promise->currency;
  gint64 total = 0, paid = 0;

  relance_pdf_writer_table_begin (writer, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < data->promise->instalments->len; i++)
    {
      const RelancePromiseInstalment *inst = &g_array_index (data->promise->instalments,
                                                             RelancePromiseInstalment, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = short_date (data, inst->due_date);
      g_autofree char *amount = relance_document_format_money (inst->amount_cents, currency, lang);
      g_autofree char *done = relance_document_format_money (inst->paid_cents, currency, lang);
      g_autofree char *rest = relance_document_format_money (inst->amount_cents - inst->paid_cents,
                                                             currency, lang);
      const char *cells[] = { number, date, amount, done, rest, NULL };

      total += inst->amount_cents;
      paid += inst->paid_cents;
      relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_NORMAL);
    }
  {
    g_autofree char *amount = relance_document_format_money (total, currency, lang);
    g_autofree char *done = relance_document_format_money (paid, currency, lang);
    g_autofree char *rest = relance_document_format_money (total - paid, currency, lang);
    const char *cells[] = { say (lang, "Total", "Total"), NULL, amount, done, rest, NULL };

    relance_pdf_writer_table_row (writer, cells, RELANCE_PDF_ROW_BOLD | RELANCE_PDF_ROW_RULE);
  }
  relance_pdf_writer_table_end (writer);
}

static void
draw_block (RelancePdfWriter    *writer,
            RelanceDocumentData *data,
            RelanceDocumentKind  kind,
            const char          *block)
{
  relance_pdf_writer_space (writer, 4);
  if (g_str_equal (block, "INVOICE_TABLE"))
    draw_invoice_table (writer, data);
  else if (g_str_equal (block, "STATEMENT_TABLE"))
    draw_statement_table (writer, data);
  else if (g_str_equal (block, "AGED_TABLE"))
    draw_aged_table (writer, data);
  else if (g_str_equal (block, "BREAKDOWN_TABLE"))
    draw_breakdown_table (writer, data);
  else if (g_str_equal (block, "INTEREST_TABLE"))
    draw_interest_table (writer, data, kind != RELANCE_DOCUMENT_INTEREST);
  else if (g_str_equal (block, "PLAN_TABLE") && data->promise != NULL)
    draw_plan_table (writer, data);
  relance_pdf_writer_space (writer, 8);
}

/* The tables a kind of document must show even when an edited template
 * forgot their placeholder */
static const char * const *
required_blocks (RelanceDocumentKind kind)
{
  static const char * const notice[] = { "INVOICE_TABLE", "BREAKDOWN_TABLE", NULL };
  static const char * const statement[] = { "STATEMENT_TABLE", "AGED_TABLE", NULL };
  static const char * const interest[] = { "INTEREST_TABLE", NULL };
  static const char * const plan[] = { "PLAN_TABLE", NULL };
  static const char * const none[] = { NULL };

  switch (kind)
    {
    case RELANCE_DOCUMENT_NOTICE:
      return notice;
    case RELANCE_DOCUMENT_STATEMENT:
      return statement;
    case RELANCE_DOCUMENT_INTEREST:
      return interest;
    case RELANCE_DOCUMENT_PLAN:
      return plan;
    case RELANCE_DOCUMENT_LETTER:
    case RELANCE_N_DOCUMENT_KINDS:
    default:
      return none;
    }
}

static void
draw_address (RelancePdfWriter    *writer,
              RelanceDocumentData *data)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *address = relance_actor_get_address (data->actor);
  const char *postcode = relance_actor_get_postcode (data->actor);
  const char *city = relance_actor_get_city (data->actor);
  const char *country = relance_actor_get_country (data->actor);

  g_ptr_array_add (lines, g_strdup (relance_actor_get_name (data->actor)));
  if (data->contact != NULL)
    g_ptr_array_add (lines, g_strdup_printf (say (data->language, "For the attention of %s",
                                                  "À l’attention de %s"),
                                             relance_contact_get_name (data->contact)));
  if (has_text (address))
    {
      g_auto(GStrv) parts = g_strsplit (address, "\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (has_text (g_strstrip (parts[i])))
          g_ptr_array_add (lines, g_strdup (parts[i]));
    }
  if (has_text (postcode) || has_text (city))
    g_ptr_array_add (lines, g_strdup_printf ("%s%s%s", has_text (postcode) ? postcode : "",
                                             has_text (postcode) && has_text (city) ? " " : "",
                                             has_text (city) ? city : ""));
  if (has_text (country) && g_ascii_strcasecmp (country, "FR") != 0)
    g_ptr_array_add (lines, g_ascii_strup (country, -1));
  g_ptr_array_add (lines, NULL);
  relance_pdf_writer_address (writer, (const char * const *) lines->pdata);
}

static void
draw_signature (RelancePdfWriter    *writer,
                RelanceDocumentData *data)
{
  RelanceCompany *company = data->company;

  relance_pdf_writer_keep (writer, 70);
  relance_pdf_writer_space (writer, 14);
  if (has_text (company->signatory))
    relance_pdf_writer_paragraph (writer, company->signatory, RELANCE_PDF_TEXT_BOLD,
                                  RELANCE_PDF_ALIGN_RIGHT);
  if (has_text (company->signatory_title))
    relance_pdf_writer_paragraph (writer, company->signatory_title, RELANCE_PDF_TEXT_NORMAL,
                                  RELANCE_PDF_ALIGN_RIGHT);
  relance_pdf_writer_paragraph (writer, company->name, RELANCE_PDF_TEXT_NORMAL,
                                RELANCE_PDF_ALIGN_RIGHT);
}

static char *
make_title (RelanceDocumentData   *data,
            const RelanceTemplate *tpl)
{
  g_autofree char *date = short_date (data, data->day);

  return g_strdup_printf (say (data->language, "%s of %s", "%s du %s"), tpl->name, date);
}

/* Draws the whole document; the template was checked */
static GBytes *
draw_document (RelancePdfWriter     *writer,
               RelanceDocumentData  *data,
               RelanceTemplate      *tpl,
               RelanceDocumentKind   kind,
               const char           *title,
               GError              **error)
{
  const char *lang = data->language;
  g_autoptr(GHashTable) values = relance_document_data_values (data);
  g_autofree char *subject = NULL;
  g_autofree char *date = relance_document_format_date (data->day, lang);
  g_autofree char *place = NULL;
  g_autofree char *references = NULL;
  g_autofree char *subject_line = NULL;
  g_auto(GStrv) paragraphs = NULL;
  const char * const *required = required_blocks (kind);
  gboolean drawn[8] = { FALSE, };

  subject = relance_placeholders_expand (tpl->subject, values, "subject", error);
  if (subject == NULL)
    return NULL;

  if (!relance_pdf_writer_begin (writer, data->company, title, error))
    return NULL;
  draw_address (writer, data);

  if (has_text (data->company->city))
    place = g_strdup_printf (say (lang, "%s, %s", "%s, le %s"), data->company->city, date);
  else
    place = is_french (lang) ? g_strdup_printf ("Le %s", date) : g_strdup (date);
  relance_pdf_writer_paragraph (writer, place, RELANCE_PDF_TEXT_NORMAL, RELANCE_PDF_ALIGN_RIGHT);
  relance_pdf_writer_space (writer, 10);

  if (kind == RELANCE_DOCUMENT_NOTICE)
    relance_pdf_writer_paragraph (writer,
                                  say (lang, "REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT",
                                       "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION"),
                                  RELANCE_PDF_TEXT_BOLD, RELANCE_PDF_ALIGN_LEFT);
  if (data->action != NULL)
    references = g_strdup_printf (say (lang, "Your customer code: %s — Our reference: %" PRId64,
                                       "Votre code client : %s — Notre référence : %" PRId64),
                                  relance_actor_get_code (data->actor), data->action->id);
  else
    references = g_strdup_printf (say (lang, "Your customer code: %s",
                                       "Votre code client : %s"),
                                  relance_actor_get_code (data->actor));
  relance_pdf_writer_paragraph (writer, references, RELANCE_PDF_TEXT_SMALL, RELANCE_PDF_ALIGN_LEFT);
  subject_line = g_strdup_printf (say (lang, "Subject: %s", "Objet : %s"), subject);
  relance_pdf_writer_paragraph (writer, subject_line, RELANCE_PDF_TEXT_BOLD, RELANCE_PDF_ALIGN_LEFT);
  relance_pdf_writer_space (writer, 10);

  if (document_titles[kind].en != NULL)
    {
      relance_pdf_writer_paragraph (writer, say (lang, document_titles[kind].en,
                                                 document_titles[kind].fr),
                                    RELANCE_PDF_TEXT_TITLE, RELANCE_PDF_ALIGN_CENTER);
      relance_pdf_writer_space (writer, 10);
    }

  /* Paragraphs first, then the values: a value is never read as a
   * placeholder or as a paragraph break */
  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", tpl->body, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      gboolean last = paragraphs[i + 1] == NULL;
      const char *block = relance_placeholders_paragraph_block (paragraphs[i]);
      g_autofree char *text = NULL;

      if (block != NULL)
        {
          for (guint r = 0; required[r] != NULL; r++)
            if (g_str_equal (required[r], block))
              drawn[r] = TRUE;
          draw_block (writer, data, kind, block);
          continue;
        }
      if (!has_text (g_strstrip (paragraphs[i])))
        continue;
      text = relance_placeholders_expand (paragraphs[i], values, "body", error);
      if (text == NULL)
        {
          g_autoptr(GBytes) unused = relance_pdf_writer_finish (writer, NULL);

          return NULL;
        }
      /* The closing words are not left alone above a signature on the
       * next page */
      if (last)
        relance_pdf_writer_keep (writer, 120);
      relance_pdf_writer_paragraph (writer, text, RELANCE_PDF_TEXT_NORMAL,
                                    RELANCE_PDF_ALIGN_JUSTIFY);
      relance_pdf_writer_space (writer, 6);
    }
  for (guint r = 0; required[r] != NULL; r++)
    if (!drawn[r])
      draw_block (writer, data, kind, required[r]);

  draw_signature (writer, data);
  return relance_pdf_writer_finish (writer, error);
}

static gboolean
check_offered (RelanceDatabase              *db,
               const RelanceDocumentRequest *request,
               RelanceDocumentKind           kind,
               GError                      **error)
{
  gboolean offered[RELANCE_N_DOCUMENT_KINDS];
  g_auto(GStrv) why = NULL;

  /* An action's own document is what its step decided */
  if (request->action_id != 0)
    return TRUE;
  if (!relance_documents_offered (db, request->actor_id, request->day, offered, &why, error))
    return FALSE;
  if (!offered[kind])
    {
      g_set_error_literal (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_NOT_OFFERED,
                           why[kind]);
      return FALSE;
    }
  return TRUE;
}

/* Everything render and generate share: template, offer, data, checks */
static gboolean
prepare (RelanceDatabase               *db,
         const RelanceDocumentRequest  *request,
         RelanceTemplate              **tpl_out,
         RelanceDocumentData          **data_out,
         RelanceDocumentKind           *kind_out,
         GError                       **error)
{
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(RelanceDocumentData) data = NULL;
  RelanceDocumentKind kind;

  tpl = find_template (db, request, error);
  if (tpl == NULL)
    return FALSE;
  kind = effective_kind (request, tpl);
  if (!check_offered (db, request, kind, error))
    return FALSE;
  data = relance_document_data_gather (db, request, tpl->language, error);
  if (data == NULL)
    return FALSE;
  if (!check_template (data, tpl, error))
    return FALSE;

  switch (kind)
    {
    case RELANCE_DOCUMENT_LETTER:
    case RELANCE_DOCUMENT_NOTICE:
      if (data->claimed->len == 0)
        {
          g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_NOTHING,
                       _("%s has no overdue item to claim"), relance_actor_get_name (data->actor));
          return FALSE;
        }
      break;
    case RELANCE_DOCUMENT_PLAN:
      if (data->promise == NULL)
        {
          g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_NOTHING,
                       _("%s has no open promise to confirm"), relance_actor_get_name (data->actor));
          return FALSE;
        }
      break;
    case RELANCE_DOCUMENT_INTEREST:
      if (data->interest == NULL)
        return relance_document_data_check_interest (data, "[[INTEREST_TABLE]]", error);
      break;
    case RELANCE_DOCUMENT_STATEMENT:
    case RELANCE_N_DOCUMENT_KINDS:
    default:
      break;
    }

  *tpl_out = g_steal_pointer (&tpl);
  *data_out = g_steal_pointer (&data);
  *kind_out = kind;
  return TRUE;
}

/* The writers of a thread, one per language of the frame: a writer reads
 * and parses its fonts once, which is most of the cost of a small
 * document, so relance_document_render() keeps them for the next call of
 * the same thread (a previewing dialog, a GTask worker of the GUI, the
 * bench). They are the thread's own, since a writer is not thread-safe,
 * and are freed when the thread exits. */
typedef struct
{
  RelancePdfWriter *writers[2];   /* French (any language but English), English */
} ThreadWriters;

static void
thread_writers_free (gpointer data)
{
  ThreadWriters *tw = data;

  for (guint i = 0; i < G_N_ELEMENTS (tw->writers); i++)
    g_clear_pointer (&tw->writers[i], relance_pdf_writer_free);
  g_free (tw);
}

static GPrivate thread_writers = G_PRIVATE_INIT (thread_writers_free);

static RelancePdfWriter **
thread_writer_slot (const char *language)
{
  ThreadWriters *tw = g_private_get (&thread_writers);

  if (tw == NULL)
    {
      tw = g_new0 (ThreadWriters, 1);
      g_private_set (&thread_writers, tw);
    }
  return &tw->writers[g_strcmp0 (language, "en") == 0 ? 1 : 0];
}

static GBytes *
render_with (RelanceDatabase               *db,
             RelancePdfWriter              *writer,
             const RelanceDocumentRequest  *request,
             RelanceDocumentInfo          **info_out,
             GError                       **error)
{
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(RelanceDocumentData) data = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  RelancePdfWriter **slot = NULL;
  g_autofree char *title = NULL;
  g_autofree char *code = NULL;
  g_autofree char *day = NULL;
  RelanceDocumentKind kind;
  GBytes *bytes;

  if (!prepare (db, request, &tpl, &data, &kind, error))
    return NULL;
  if (writer == NULL)
    {
      slot = thread_writer_slot (data->language);
      if (*slot == NULL)
        *slot = relance_pdf_writer_new (data->language, error);
      if (*slot == NULL)
        return NULL;
      writer = *slot;
    }
  title = make_title (data, tpl);
  bytes = draw_document (writer, data, tpl, kind, title, error);
  if (bytes == NULL)
    {
      /* the next document starts from a new writer rather than from one
       * libharu may have left in an error state */
      if (slot != NULL)
        g_clear_pointer (slot, relance_pdf_writer_free);
      return NULL;
    }

  info = relance_document_info_new ();
  info->actor_id = request->actor_id;
  info->action_id = request->action_id;
  info->kind = g_strdup (kind_names[kind]);
  info->level = kind == RELANCE_DOCUMENT_NOTICE ? RELANCE_LEVEL_FORMAL_NOTICE
                : kind == RELANCE_DOCUMENT_LETTER ? tpl->level : -1;
  info->template_code = g_strdup (tpl->code);
  info->language = g_strdup (tpl->language);
  info->title = g_steal_pointer (&title);
  /* A file name of safe characters: the customer code may hold anything */
  code = g_strdup (relance_actor_get_code (data->actor));
  g_strcanon (code, G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS "-_", '_');
  day = relance_date_to_iso (request->day);
  info->file_name = g_strdup_printf ("%s-%s-%s.pdf", kind_names[kind], code, day);
  info->document_date = request->day;
  info->size = (gint64) g_bytes_get_size (bytes);
  info->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return bytes;
}

static gboolean
generate_with (RelanceDatabase               *db,
               RelancePdfWriter              *writer,
               const RelanceDocumentRequest  *request,
               RelanceDocumentInfo          **info_out,
               GBytes                       **content_out,
               GError                       **error)
{
  g_autoptr(RelanceDocumentInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = render_with (db, writer, request, &info, error);
  if (bytes == NULL)
    return FALSE;
  /* The store sets them again from the bytes it writes */
  g_clear_pointer (&info->sha256, g_free);
  if (!relance_document_store_insert (db, info, bytes, error))
    return FALSE;
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  if (content_out != NULL)
    *content_out = g_steal_pointer (&bytes);
  return TRUE;
}

/* Public API */

const char *
relance_document_kind_to_string (RelanceDocumentKind kind)
{
  g_return_val_if_fail (kind < RELANCE_N_DOCUMENT_KINDS, "letter");
  return kind_names[kind];
}

gboolean
relance_document_kind_from_string (const char          *text,
                                   RelanceDocumentKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (RelanceDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_document_kind_label:
 * @kind: a kind
 *
 * Returns: (transfer none): the kind's name for people, translated
 */
const char *
relance_document_kind_label (RelanceDocumentKind kind)
{
  g_return_val_if_fail (kind < RELANCE_N_DOCUMENT_KINDS, "");
  return _(kind_labels[kind]);
}

/**
 * relance_document_request_init:
 * @request: the request to fill
 * @kind: what to make
 * @actor_id: the customer
 * @day: the date of the document and of its figures
 *
 * Sets the defaults: the case's level, the kind's template, the
 * contact's language, the customer's open items, the open promise, the
 * default deadline.
 */
void
relance_document_request_init (RelanceDocumentRequest *request,
                               RelanceDocumentKind     kind,
                               gint64                  actor_id,
                               RelanceDate             day)
{
  g_return_if_fail (request != NULL);

  memset (request, 0, sizeof *request);
  request->kind = kind;
  request->actor_id = actor_id;
  request->day = day;
  request->level = -1;
}

/**
 * relance_documents_offered:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @day: the day
 * @offered: (out caller-allocates): for each kind, whether it is offered
 * @why: (out) (optional) (transfer full): for each kind not offered, the
 *   reason, translated; "" for a kind offered
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the data cannot be read
 */
gboolean
relance_documents_offered (RelanceDatabase   *db,
                           gint64             actor_id,
                           RelanceDate        day,
                           gboolean           offered[RELANCE_N_DOCUMENT_KINDS],
                           char            ***why,
                           GError           **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(RelanceCase) dunning_case = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GPtrArray) promises = NULL;
  g_autoptr(RelanceInterestStatement) interest = NULL;
  g_autoptr(GError) interest_error = NULL;
  g_autofree char *currency = NULL;
  char *reasons[RELANCE_N_DOCUMENT_KINDS + 1] = { NULL, };
  GError *local_error = NULL;
  gboolean has_open = FALSE, has_overdue = FALSE;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  actor = relance_actor_store_find_by_id (db, actor_id, &local_error);
  if (actor == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer number %" PRId64), actor_id);
      return FALSE;
    }
  for (guint k = 0; k < RELANCE_N_DOCUMENT_KINDS; k++)
    offered[k] = FALSE;

  if (!relance_actor_get_active (actor))
    {
      for (guint k = 0; k < RELANCE_N_DOCUMENT_KINDS; k++)
        reasons[k] = g_strdup (_("The customer is inactive"));
      goto out;
    }

  currency = relance_company_currency (db);
  invoices = relance_invoice_store_list_for_actor (db, actor_id, TRUE, error);
  if (invoices == NULL)
    return FALSE;
  for (guint i = 0; i < invoices->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (invoices, i);

      if (g_strcmp0 (relance_invoice_get_currency (invoice), currency) != 0)
        continue;
      has_open = TRUE;
      if (relance_invoice_get_due_date (invoice) < day &&
          relance_invoice_get_remaining_cents (invoice) > 0)
        has_overdue = TRUE;
    }
  dunning_case = relance_case_store_find_open (db, actor_id, currency, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  promises = relance_promise_store_list (db, actor_id, TRUE, error);
  if (promises == NULL)
    return FALSE;

  offered[RELANCE_DOCUMENT_LETTER] = has_open;
  if (!has_open)
    reasons[RELANCE_DOCUMENT_LETTER] = g_strdup (_("The customer has no open item"));

  offered[RELANCE_DOCUMENT_STATEMENT] = has_open;
  if (!has_open)
    reasons[RELANCE_DOCUMENT_STATEMENT] = g_strdup (_("The customer has no open item"));

  if (dunning_case == NULL || dunning_case->level < RELANCE_LEVEL_FORMAL_NOTICE)
    reasons[RELANCE_DOCUMENT_NOTICE] =
      g_strdup_printf (_("A formal notice is for a case at the formal-notice level or above;"
                         " this customer’s case is at level %d"),
                       dunning_case ? dunning_case->level : 0);
  else if (!has_overdue)
    reasons[RELANCE_DOCUMENT_NOTICE] = g_strdup (_("The customer has no overdue item"));
  else
    offered[RELANCE_DOCUMENT_NOTICE] = TRUE;

  interest = relance_interest_compute (db, actor_id, day, &interest_error);
  if (interest == NULL)
    reasons[RELANCE_DOCUMENT_INTEREST] = g_strdup_printf (_("The interest cannot be computed: %s"),
                                                          interest_error->message);
  else if (interest->lines->len == 0)
    reasons[RELANCE_DOCUMENT_INTEREST] = g_strdup (_("The customer owes no late interest"
                                                     " or indemnity"));
  else
    offered[RELANCE_DOCUMENT_INTEREST] = TRUE;

  offered[RELANCE_DOCUMENT_PLAN] = promises->len > 0;
  if (promises->len == 0)
    reasons[RELANCE_DOCUMENT_PLAN] = g_strdup (_("The customer has no open promise"));

out:
  if (why != NULL)
    {
      for (guint k = 0; k < RELANCE_N_DOCUMENT_KINDS; k++)
        if (reasons[k] == NULL)
          reasons[k] = g_strdup ("");
      *why = g_boxed_copy (G_TYPE_STRV, reasons);
    }
  for (guint k = 0; k < RELANCE_N_DOCUMENT_KINDS; k++)
    g_free (reasons[k]);
  return TRUE;
}

/**
 * relance_document_find_template:
 * @db: a #RelanceDatabase
 * @request: what to make
 * @error: a #GError
 *
 * Returns: (transfer full): the template that @request uses, or %NULL
 *   with @error set (%RELANCE_DOCUMENT_ERROR_TEMPLATE when there is none)
 */
RelanceTemplate *
relance_document_find_template (RelanceDatabase              *db,
                                const RelanceDocumentRequest *request,
                                GError                      **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  return find_template (db, request, error);
}

/**
 * relance_document_check:
 * @db: a #RelanceDatabase
 * @request: what to make
 * @error: a #GError
 *
 * Returns: %TRUE when @request can be made; else %FALSE with the error a
 *   user must fix
 */
gboolean
relance_document_check (RelanceDatabase              *db,
                        const RelanceDocumentRequest *request,
                        GError                      **error)
{
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(RelanceDocumentData) data = NULL;
  RelanceDocumentKind kind;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  return prepare (db, request, &tpl, &data, &kind, error);
}

/**
 * relance_document_render:
 * @db: a #RelanceDatabase
 * @request: what to make
 * @title: (out) (optional) (transfer full): the document's title
 * @error: a #GError
 *
 * The PDF writer, which reads the fonts, is kept for the next document
 * made by the same thread in the same language.
 *
 * Returns: (transfer full): the PDF, stored nowhere; %NULL with @error
 *   set
 */
GBytes *
relance_document_render (RelanceDatabase              *db,
                         const RelanceDocumentRequest *request,
                         char                        **title,
                         GError                      **error)
{
  g_autoptr(RelanceDocumentInfo) info = NULL;
  GBytes *bytes;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  bytes = render_with (db, NULL, request, &info, error);
  if (bytes != NULL && title != NULL)
    *title = g_steal_pointer (&info->title);
  return bytes;
}

/**
 * relance_document_generate:
 * @db: a #RelanceDatabase
 * @request: what to make
 * @info: (out) (optional) (transfer full): the stored row
 * @content: (out) (optional) (transfer full): the bytes
 * @error: a #GError
 *
 * Makes the PDF and stores it as a new document: generating again makes
 * another row, never replaces one.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_document_generate (RelanceDatabase              *db,
                           const RelanceDocumentRequest *request,
                           RelanceDocumentInfo         **info,
                           GBytes                      **content,
                           GError                      **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  return generate_with (db, NULL, request, info, content, error);
}

/**
 * relance_document_for_action:
 * @db: a #RelanceDatabase
 * @actor_id: the action's customer
 * @action_id: the action
 * @kind: the kind of document wanted
 * @day: the date printed on it, when it is made
 * @document_id: (out): the document's id
 * @error: a #GError
 *
 * The newest document of @kind made for @action_id, or one made and
 * stored now when it has none: what an email of the action carries, so
 * that a second attempt to send it reuses the first attempt's document.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_document_for_action (RelanceDatabase      *db,
                             gint64                actor_id,
                             gint64                action_id,
                             RelanceDocumentKind   kind,
                             RelanceDate           day,
                             gint64               *document_id,
                             GError              **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  RelanceDocumentRequest request;
  const char *wanted = relance_document_kind_to_string (kind);

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  *document_id = 0;
  documents = relance_document_store_list_for_action (db, action_id, error);
  if (documents == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      RelanceDocumentInfo *existing = g_ptr_array_index (documents, i);

      if (g_strcmp0 (existing->kind, wanted) == 0)
        {
          *document_id = existing->id;
          return TRUE;
        }
    }
  relance_document_request_init (&request, kind, actor_id, day);
  request.action_id = action_id;
  if (!relance_document_generate (db, &request, &info, NULL, error))
    return FALSE;
  *document_id = info->id;
  return TRUE;
}

/**
 * relance_document_expand_message:
 * @db: a #RelanceDatabase
 * @template_code: an email or SMS template
 * @actor_id: the customer
 * @action_id: the action it is sent for, or 0
 * @day: the day of the figures
 * @language: (nullable): the language, %NULL for the contact's
 * @subject: (out) (optional) (transfer full): the subject, filled
 * @body: (out) (optional) (transfer full): the text, filled
 * @error: a #GError
 *
 * The tables of a message are plain lines of text.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_document_expand_message (RelanceDatabase  *db,
                                 const char       *template_code,
                                 gint64            actor_id,
                                 gint64            action_id,
                                 RelanceDate       day,
                                 const char       *language,
                                 char            **subject,
                                 char            **body,
                                 GError          **error)
{
  g_autoptr(RelanceTemplate) tpl = NULL;
  g_autoptr(RelanceDocumentData) data = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *filled_subject = NULL;
  g_autofree char *filled_body = NULL;
  RelanceDocumentRequest request;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (template_code != NULL, FALSE);

  if (has_text (language))
    lang = g_strdup (language);
  else if ((lang = relance_document_data_language (db, actor_id, error)) == NULL)
    return FALSE;
  tpl = relance_template_store_find (db, template_code, lang, TRUE, &local_error);
  if (tpl == NULL && local_error == NULL && !g_str_equal (lang, "fr"))
    tpl = relance_template_store_find (db, template_code, "fr", TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (tpl == NULL)
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE,
                   _("There is no active template “%s”: add it or choose another one"),
                   template_code);
      return FALSE;
    }

  relance_document_request_init (&request, RELANCE_DOCUMENT_LETTER, actor_id, day);
  request.action_id = action_id;
  data = relance_document_data_gather (db, &request, tpl->language, error);
  if (data == NULL || !check_template (data, tpl, error))
    return FALSE;
  values = relance_document_data_values (data);
  filled_subject = relance_placeholders_expand (tpl->subject, values, "subject", error);
  if (filled_subject == NULL)
    return FALSE;
  filled_body = relance_placeholders_expand (tpl->body, values, "body", error);
  if (filled_body == NULL)
    return FALSE;
  if (subject != NULL)
    *subject = g_steal_pointer (&filled_subject);
  if (body != NULL)
    *body = g_steal_pointer (&filled_body);
  return TRUE;
}

/**
 * relance_documents_generate_for_run:
 * @db: a #RelanceDatabase
 * @day: the day of the run
 * @progress: (nullable): called before each document and at the end
 * @progress_data: its data
 * @cancellable: (nullable): stops the batch between two documents
 * @n_generated: (out) (optional): how many documents were made
 * @error: a #GError
 *
 * Makes the document of every automatic letter or formal-notice action
 * the run of @day performed that has none yet, each in its own
 * transaction, with the action's items and its step's template. The
 * writers are kept for the whole batch (one per language), which reads
 * the fonts once.
 *
 * Returns: %FALSE with @error set when a document fails or the batch is
 *   cancelled (what was made stays made)
 */
gboolean
relance_documents_generate_for_run (RelanceDatabase      *db,
                                    RelanceDate           day,
                                    RelanceProgressFunc   progress,
                                    gpointer              progress_data,
                                    GCancellable         *cancellable,
                                    guint                *n_generated,
                                    GError              **error)
{
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GHashTable) writers = NULL;
  guint made = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (n_generated != NULL)
    *n_generated = 0;
  pending = relance_document_store_list_run_pending (db, day, error);
  if (pending == NULL)
    return FALSE;
  writers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) relance_pdf_writer_free);

  for (guint i = 0; i < pending->len; i++)
    {
      gint64 action_id = g_array_index (pending, gint64, i);
      g_autoptr(RelanceAction) action = NULL;
      g_autoptr(RelanceTemplate) tpl = NULL;
      g_autofree char *what = NULL;
      RelanceDocumentRequest request;
      RelancePdfWriter *writer;
      GError *local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      action = relance_action_store_find (db, action_id, error);
      if (action == NULL)
        return FALSE;
      if (progress != NULL)
        {
          what = g_strdup_printf (_("Making the document of action %" PRId64), action_id);
          progress ((double) i / pending->len, what, progress_data);
        }

      relance_document_request_init (&request,
                                     action->channel == RELANCE_CHANNEL_FORMAL_NOTICE
                                     ? RELANCE_DOCUMENT_NOTICE : RELANCE_DOCUMENT_LETTER,
                                     action->actor_id, day);
      request.action_id = action_id;
      request.level = action->level;
      tpl = find_template (db, &request, error);
      if (tpl == NULL)
        return FALSE;
      writer = g_hash_table_lookup (writers, tpl->language);
      if (writer == NULL)
        {
          writer = relance_pdf_writer_new (tpl->language, error);
          if (writer == NULL)
            return FALSE;
          g_hash_table_insert (writers, g_strdup (tpl->language), writer);
        }

      /* One transaction per document: a batch stopped half way keeps
       * what it made, and the next call makes the rest */
      if (!relance_database_begin (db, error))
        return FALSE;
      if (!generate_with (db, writer, &request, NULL, NULL, &local_error))
        {
          relance_database_rollback (db);
          g_propagate_prefixed_error (error, local_error,
                                      _("The document of action %" PRId64 " for %s: "),
                                      action_id, action->title);
          return FALSE;
        }
      if (!relance_database_commit (db, error))
        return FALSE;
      made++;
      if (n_generated != NULL)
        *n_generated = made;
    }
  if (progress != NULL)
    progress (1.0, NULL, progress_data);
  return TRUE;
}
