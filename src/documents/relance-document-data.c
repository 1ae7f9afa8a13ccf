/* relance-document-data.c — what a document says, gathered before it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The amounts claimed follow DOMAIN.md: the principal is what remains of
 * the claimed invoices; the interest is the interest not yet invoiced on
 * them (relance_interest_compute) plus the interest items already
 * invoiced and still open; the indemnity likewise (40 € per late invoice,
 * never for a consumer); the fees are the other open fee items. The four
 * add up to the total claimed exactly, in cents.
 */
#define G_LOG_DOMAIN "relance-document-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-document-data.h"

/* The placeholders whose value needs the interest computation */
static const char * const interest_names[] = {
  "[[INTEREST]]", "[[INDEMNITY]]", "[[TOTAL_CLAIMED]]", "[[INTEREST_RATE]]",
  "[[BREAKDOWN_TABLE]]", "[[INTEREST_TABLE]]",
};

/* Helpers */

static void
item_clear (gpointer data)
{
  RelanceDocumentItem *item = data;

  g_clear_pointer (&item->number, g_free);
}

static void
payment_clear (gpointer data)
{
  RelanceDocumentPayment *payment = data;

  g_clear_pointer (&payment->reference, g_free);
}

static GArray *
item_array_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (RelanceDocumentItem));

  g_array_set_clear_func (items, item_clear);
  return items;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
append_copy (GArray                    *items,
             const RelanceDocumentItem *item)
{
  RelanceDocumentItem copy = *item;

  copy.number = g_strdup (item->number);
  g_array_append_val (items, copy);
}

static const RelanceInterestLine *
find_interest_line (RelanceInterestStatement *interest,
                    gint64                    invoice_id)
{
  if (interest == NULL)
    return NULL;
  for (guint i = 0; i < interest->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (interest->lines, RelanceInterestLine, i);

      if (line->invoice_id == invoice_id)
        return line;
    }
  return NULL;
}

/* The contact letters are addressed to: the dunning contact, else the
 * first active one (the store lists them in that order) */
static RelanceContact *
find_contact (RelanceDatabase  *db,
              gint64            actor_id,
              GError          **error)
{
  g_autoptr(GPtrArray) contacts = relance_contact_store_list_for_actor (db, actor_id, error);

  if (contacts == NULL || contacts->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (contacts, 0));
}

static gboolean
read_items (RelanceDatabase      *db,
            RelanceDocumentData  *data,
            GError              **error)
{
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GArray) disputed = NULL;
  g_autoptr(GArray) indemnities = NULL;
  gint64 actor_id = relance_actor_get_id (data->actor);

  invoices = relance_invoice_store_list_for_actor (db, actor_id, TRUE, error);
  if (invoices == NULL)
    return FALSE;
  disputed = relance_dispute_store_open_invoice_ids (db, actor_id, error);
  if (disputed == NULL)
    return FALSE;
  indemnities = relance_document_store_indemnity_items (db, actor_id, error);
  if (indemnities == NULL)
    return FALSE;

  for (guint i = 0; i < invoices->len; i++)
    {
      RelanceInvoice *invoice = g_ptr_array_index (invoices, i);
      RelanceDocumentItem item = { 0 };

      if (g_strcmp0 (relance_invoice_get_currency (invoice), data->currency) != 0)
        continue;
      item.id = relance_invoice_get_id (invoice);
      item.number = g_strdup (relance_invoice_get_number (invoice));
      item.kind = relance_invoice_get_kind (invoice);
      item.issue_date = relance_invoice_get_issue_date (invoice);
      item.due_date = relance_invoice_get_due_date (invoice);
      item.amount_cents = relance_invoice_get_amount_cents (invoice);
      item.paid_cents = relance_invoice_get_allocated_cents (invoice);
      item.remaining_cents = relance_invoice_get_remaining_cents (invoice);
      item.days_late = MAX (0, data->day - item.due_date);
      item.disputed = relance_dispute_ids_contain (disputed, item.id);
      item.indemnity = ids_contain (indemnities, item.id);
      g_array_append_val (data->items, item);
    }
  return TRUE;
}

/* The items a letter or notice claims. An explicit list is taken as it
 * is (those still open); an action's list brings along the customer's
 * open charges (fees, interest) that its run may have invoiced; by hand,
 * every overdue item not in dispute. */
static void
choose_claimed (RelanceDocumentData          *data,
                const RelanceDocumentRequest *request)
{
  GArray *wanted = request->invoice_ids;
  gboolean with_charges = FALSE;

  if (wanted == NULL && data->action != NULL && data->action->invoice_ids->len > 0)
    {
      wanted = data->action->invoice_ids;
      with_charges = TRUE;
    }

  for (guint i = 0; i < data->items->len; i++)
    {
      const RelanceDocumentItem *item = &g_array_index (data->items, RelanceDocumentItem, i);
      gboolean charge = item->kind == RELANCE_INVOICE_KIND_FEE ||
                        item->kind == RELANCE_INVOICE_KIND_INTEREST;
      gboolean take;

      if (wanted != NULL)
        take = ids_contain (wanted, item->id) || (with_charges && charge && !item->disputed);
      else
        take = item->days_late > 0 && !item->disputed;
      if (take)
        append_copy (data->claimed, item);
    }
}

static void
compute_breakdown (RelanceDocumentData *data)
{
  for (guint i = 0; i < data->claimed->len; i++)
    {
      const RelanceDocumentItem *item = &g_array_index (data->claimed, RelanceDocumentItem, i);
      const RelanceInterestLine *line;

      switch (item->kind)
        {
        case RELANCE_INVOICE_KIND_INTEREST:
          data->interest_cents += item->remaining_cents;
          break;
        case RELANCE_INVOICE_KIND_FEE:
          if (item->indemnity)
            data->indemnity_cents += item->remaining_cents;
          else
            data->fees_cents += item->remaining_cents;
          break;
        case RELANCE_INVOICE_KIND_INVOICE:
        case RELANCE_INVOICE_KIND_CREDIT_NOTE:
        default:
          data->principal_cents += item->remaining_cents;
          line = find_interest_line (data->interest, item->id);
          if (line == NULL || g_strcmp0 (line->currency, data->currency) != 0)
            break;
          /* What was invoiced already is counted through its own open
           * item above (or was paid): only the rest is added here. */
          if (line->interest_cents > line->charged_interest_cents)
            data->interest_cents += line->interest_cents - line->charged_interest_cents;
          if (line->indemnity_cents > line->charged_indemnity_cents &&
              g_strcmp0 (data->currency, RELANCE_INDEMNITY_CURRENCY) == 0)
            data->indemnity_cents += line->indemnity_cents - line->charged_indemnity_cents;
          break;
        }
    }
  data->total_claimed_cents = data->principal_cents + data->interest_cents +
                              data->indemnity_cents + data->fees_cents;
}

/* The annual rate the letters quote: the contractual one, else the rate
 * of D's half-year for the debtor's kind */
static void
read_rate (RelanceDatabase     *db,
           RelanceDocumentData *data)
{
  g_autoptr(GError) error = NULL;
  int rate_bp = 0;

  if (data->interest == NULL)
    return;
  switch (data->interest->basis)
    {
    case RELANCE_INTEREST_BASIS_CONTRACTUAL:
      rate_bp = data->interest->contractual_rate_bp;
      break;
    case RELANCE_INTEREST_BASIS_LEGAL:
      if (!relance_legal_rate_for_day (db, RELANCE_RATE_KIND_LEGAL_PROFESSIONAL, data->day,
                                       &rate_bp, NULL, &error))
        rate_bp = -1;
      break;
    case RELANCE_INTEREST_BASIS_ECB_PLUS_10:
    default:
      if (!relance_b2b_rate_for_day (db, data->day, &rate_bp, &error))
        rate_bp = -1;
      break;
    }
  if (rate_bp < 0)
    {
      /* The rate of D's half-year is missing: the interest statement
       * could not have been computed either, but keep its error */
      g_debug ("no rate to quote: %s", error->message);
      rate_bp = 0;
    }
  data->rate_bp = rate_bp;
}

static gboolean
read_agent (RelanceDatabase      *db,
            RelanceDocumentData  *data,
            GError              **error)
{
  const char *login = NULL;
  g_autoptr(RelanceUser) user = NULL;
  GError *local_error = NULL;

  if (data->dunning_case != NULL && data->dunning_case->agent_login != NULL)
    login = data->dunning_case->agent_login;
  else
    login = relance_actor_get_agent (data->actor);
  if (login == NULL || *login == '\0')
    return TRUE;

  user = relance_user_store_find (db, login, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (user != NULL)
    {
      data->agent_name = g_strdup (user->name);
      data->agent_email = g_strdup (user->email);
    }
  else
    data->agent_name = g_strdup (login);
  return TRUE;
}

static gboolean
read_promise (RelanceDatabase              *db,
              RelanceDocumentData          *data,
              const RelanceDocumentRequest *request,
              GError                      **error)
{
  GError *local_error = NULL;

  if (request->promise_id != 0)
    {
      data->promise = relance_promise_store_find (db, request->promise_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (data->promise != NULL && data->promise->actor_id != relance_actor_get_id (data->actor))
        g_clear_pointer (&data->promise, relance_promise_free);
    }
  else
    {
      g_autoptr(GPtrArray) promises = NULL;

      promises = relance_promise_store_list (db, relance_actor_get_id (data->actor), TRUE, error);
      if (promises == NULL)
        return FALSE;
      if (promises->len > 0)
        data->promise = g_ptr_array_steal_index (promises, 0);
    }
  return TRUE;
}

static void
insert (GHashTable *values,
        const char *name,
        char       *value)
{
  g_hash_table_insert (values, (gpointer) name, value ? value : g_strdup (""));
}

static void
insert_money (GHashTable          *values,
              const char          *name,
              RelanceDocumentData *data,
              gint64               cents)
{
  insert (values, name, relance_document_format_money (cents, data->currency, data->language));
}

/* The items as plain lines, for the body of an email */
static char *
items_as_text (RelanceDocumentData *data,
               GArray              *items)
{
  GString *text = g_string_new (NULL);
  gboolean french = g_str_has_prefix (data->language, "fr");

  for (guint i = 0; i < items->len; i++)
    {
      const RelanceDocumentItem *item = &g_array_index (items, RelanceDocumentItem, i);
      g_autofree char *due = relance_document_format_short_date (item->due_date, data->language);
      g_autofree char *remaining = relance_document_format_money (item->remaining_cents,
                                                                  data->currency, data->language);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, french ? "- %s, échéance %s : %s" : "- %s, due %s: %s",
                              item->number, due, remaining);
    }
  return g_string_free (text, FALSE);
}

static char *
breakdown_as_text (RelanceDocumentData *data)
{
  gboolean french = g_str_has_prefix (data->language, "fr");
  g_autofree char *principal = relance_document_format_money (data->principal_cents, data->currency, data->language);
  g_autofree char *interest = relance_document_format_money (data->interest_cents, data->currency, data->language);
  g_autofree char *indemnity = relance_document_format_money (data->indemnity_cents, data->currency, data->language);
  g_autofree char *fees = relance_document_format_money (data->fees_cents, data->currency, data->language);
  g_autofree char *total = relance_document_format_money (data->total_claimed_cents, data->currency, data->language);

  if (french)
    return g_strdup_printf ("Principal : %s\nIntérêts de retard : %s\n"
                            "Indemnité forfaitaire de recouvrement : %s\nFrais : %s\n"
                            "Total réclamé : %s", principal, interest, indemnity, fees, total);
  return g_strdup_printf ("Principal: %s\nLate payment interest: %s\n"
                          "Fixed recovery indemnity: %s\nFees: %s\nTotal claimed: %s",
                          principal, interest, indemnity, fees, total);
}

static char *
plan_as_text (RelanceDocumentData *data)
{
  GString *text = g_string_new (NULL);
  gboolean french = g_str_has_prefix (data->language, "fr");

  if (data->promise == NULL)
    return g_string_free (text, FALSE);
  for (guint i = 0; i < data->promise->instalments->len; i++)
    {
      const RelancePromiseInstalment *inst = &g_array_index (data->promise->instalments,
                                                             RelancePromiseInstalment, i);
      g_autofree char *date = relance_document_format_short_date (inst->due_date, data->language);
      g_autofree char *amount = relance_document_format_money (inst->amount_cents,
                                                               data->promise->currency,
                                                               data->language);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, french ? "- %s : %s" : "- %s: %s", date, amount);
    }
  return g_string_free (text, FALSE);
}

static char *
aged_as_text (RelanceDocumentData *data)
{
  RelanceAgedBalance *aged = data->aged;
  const RelanceAgedBalanceRow *row = aged->n_rows > 0 ? &aged->rows[0] : NULL;
  gboolean french = g_str_has_prefix (data->language, "fr");
  GString *text = g_string_new (NULL);
  int previous = 0;

  for (guint i = 0; i < aged->n_buckets; i++)
    {
      int max_days = relance_aged_buckets_get_max_days (aged->buckets, i);
      g_autofree char *label = relance_document_bucket_label (data->language, previous,
                                                              max_days, i == 0);
      g_autofree char *amount = relance_document_format_money (row ? row->bucket_cents[i] : 0,
                                                               data->currency, data->language);

      g_string_append_printf (text, french ? "- %s : %s\n" : "- %s: %s\n", label, amount);
      previous = max_days;
    }
  {
    g_autofree char *amount = relance_document_format_money (row ? row->unallocated_cents : 0,
                                                             data->currency, data->language);

    g_string_append_printf (text, french ? "- Non imputé : %s" : "- Unallocated: %s", amount);
  }
  return g_string_free (text, FALSE);
}

static char *
interest_as_text (RelanceDocumentData *data)
{
  gboolean french = g_str_has_prefix (data->language, "fr");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < data->interest->lines->len; i++)
    {
      const RelanceInterestLine *line = &g_array_index (data->interest->lines,
                                                        RelanceInterestLine, i);
      g_autofree char *interest = NULL;
      g_autofree char *indemnity = NULL;

      if (g_strcmp0 (line->currency, data->currency) != 0)
        continue;
      interest = relance_document_format_money (line->interest_cents, data->currency,
                                                data->language);
      indemnity = relance_document_format_money (line->indemnity_cents,
                                                 RELANCE_INDEMNITY_CURRENCY, data->language);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (data->consumer)
        g_string_append_printf (text, french ? "- %s : intérêts %s" : "- %s: interest %s",
                                line->number, interest);
      else
        g_string_append_printf (text, french ? "- %s : intérêts %s, indemnité %s"
                                : "- %s: interest %s, indemnity %s",
                                line->number, interest, indemnity);
    }
  return g_string_free (text, FALSE);
}

static char *
one_line_address (RelanceActor *actor)
{
  GString *text = g_string_new (NULL);
  const char *address = relance_actor_get_address (actor);
  const char *postcode = relance_actor_get_postcode (actor);
  const char *city = relance_actor_get_city (actor);

  if (address != NULL && *address != '\0')
    {
      g_autofree char *flat = g_strdup (address);

      g_strdelimit (flat, "\n", ',');
      g_string_append (text, flat);
    }
  if ((postcode != NULL && *postcode != '\0') || (city != NULL && *city != '\0'))
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      if (postcode != NULL && *postcode != '\0')
        g_string_append_printf (text, "%s ", postcode);
      if (city != NULL)
        g_string_append (text, city);
    }
  return g_strchomp (g_string_free (text, FALSE));
}

/* Public API */

void
relance_document_data_free (RelanceDocumentData *data)
{
  if (data == NULL)
    return;
  g_free (data->language);
  g_clear_pointer (&data->company, relance_company_free);
  g_clear_object (&data->actor);
  g_clear_object (&data->contact);
  g_clear_pointer (&data->dunning_case, relance_case_free);
  g_clear_pointer (&data->action, relance_action_free);
  g_free (data->step_template);
  g_free (data->agent_name);
  g_free (data->agent_email);
  g_free (data->agent_phone);
  g_clear_pointer (&data->items, g_array_unref);
  g_clear_pointer (&data->claimed, g_array_unref);
  g_clear_pointer (&data->payments, g_array_unref);
  g_clear_pointer (&data->aged, relance_aged_balance_free);
  g_clear_pointer (&data->interest, relance_interest_statement_free);
  g_clear_error (&data->interest_error);
  g_clear_pointer (&data->promise, relance_promise_free);
  g_free (data);
}

/**
 * relance_document_format_date:
 * @date: a date
 * @language: "fr" or "en"
 *
 * Returns: « 30 juin 2025 » or "30 June 2025", whatever the locale
 */
char *
relance_document_format_date (RelanceDate  date,
                              const char  *language)
{
  return relance_date_format_long (date, language);
}

/**
 * relance_document_format_short_date:
 * @date: a date
 * @language: "fr" or "en"
 *
 * Returns: « 30/06/2025 » in French, "2025-06-30" in English
 */
char *
relance_document_format_short_date (RelanceDate  date,
                                    const char  *language)
{
  return relance_date_format (date, language);
}

/**
 * relance_document_bucket_label:
 * @language: "fr" or "en"
 * @previous: the upper bound of the bucket before (0 for the first)
 * @max_days: this bucket's inclusive bound, %RELANCE_AGED_UNBOUNDED last
 * @first: whether it is the first bucket
 *
 * Returns: (transfer full): « Non échu », « 1 à 30 j », « Plus de 120 j »
 *   or "Not due", "1–30 days", "Over 120 days"
 */
char *
relance_document_bucket_label (const char *language,
                               int         previous,
                               int         max_days,
                               gboolean    first)
{
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");

  if (first && max_days == 0)
    return g_strdup (french ? "Non échu" : "Not due");
  if (first)
    return french ? g_strdup_printf ("Jusqu’à %d j", max_days)
                  : g_strdup_printf ("Up to %d days", max_days);
  if (max_days == RELANCE_AGED_UNBOUNDED)
    return french ? g_strdup_printf ("Plus de %d j", previous)
                  : g_strdup_printf ("Over %d days", previous);
  return french ? g_strdup_printf ("%d à %d j", previous + 1, max_days)
                : g_strdup_printf ("%d–%d days", previous + 1, max_days);
}

/**
 * relance_document_format_money:
 * @cents: an amount
 * @currency: its currency
 * @language: "fr" or "en"
 *
 * Returns: « 1 234,56 € » (narrow no-break space) or "€1,234.56"
 */
char *
relance_document_format_money (gint64      cents,
                               const char *currency,
                               const char *language)
{
  return relance_money_format_cents (cents, currency, language);
}

/**
 * relance_document_data_language:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer full): the dunning contact's language, else the
 *   customer's, else "fr"; %NULL with @error set when SQLite fails or
 *   there is no such customer
 */
char *
relance_document_data_language (RelanceDatabase  *db,
                                gint64            actor_id,
                                GError          **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(RelanceContact) contact = NULL;
  GError *local_error = NULL;
  const char *language;

  actor = relance_actor_store_find_by_id (db, actor_id, &local_error);
  if (actor == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer number %" PRId64), actor_id);
      return NULL;
    }
  contact = find_contact (db, actor_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  language = contact != NULL ? relance_contact_get_language (contact) : NULL;
  if (language == NULL || *language == '\0')
    language = relance_actor_get_language (actor);
  if (language == NULL || *language == '\0')
    language = "fr";
  return g_strdup (language);
}

/**
 * relance_document_data_gather:
 * @db: a #RelanceDatabase
 * @request: what to make
 * @language: the language chosen
 * @error: a #GError
 *
 * Returns: (transfer full): the data, or %NULL with @error set: no
 *   company name (%RELANCE_DOCUMENT_ERROR_COMPANY), no such customer or
 *   action, a store error
 */
RelanceDocumentData *
relance_document_data_gather (RelanceDatabase              *db,
                              const RelanceDocumentRequest *request,
                              const char                   *language,
                              GError                      **error)
{
  g_autoptr(RelanceDocumentData) data = g_new0 (RelanceDocumentData, 1);
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GArray) figures = NULL;
  g_autofree char *currency = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  data->day = request->day;
  data->language = g_strdup (language != NULL ? language : "fr");
  currency = relance_company_currency (db);
  g_strlcpy (data->currency, currency, sizeof data->currency);
  data->items = item_array_new ();
  data->claimed = item_array_new ();
  data->payments = g_array_new (FALSE, TRUE, sizeof (RelanceDocumentPayment));
  g_array_set_clear_func (data->payments, payment_clear);

  data->company = relance_company_store_load (db, error);
  if (data->company == NULL)
    return NULL;
  if (data->company->name == NULL)
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_COMPANY,
                   _("Set the company’s name in Settings or with relance-cli company set name …"));
      return NULL;
    }

  data->actor = relance_actor_store_find_by_id (db, request->actor_id, &local_error);
  if (data->actor == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                     _("There is no customer number %" PRId64), request->actor_id);
      return NULL;
    }
  data->consumer = relance_actor_get_kind (data->actor) == RELANCE_ACTOR_KIND_PERSON;
  data->contact = find_contact (db, request->actor_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (request->action_id != 0)
    {
      data->action = relance_action_store_find (db, request->action_id, &local_error);
      if (data->action == NULL || data->action->actor_id != request->actor_id)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                         _("There is no action number %" PRId64 " for this customer"),
                         request->action_id);
          return NULL;
        }
      if (data->action->case_id != 0)
        data->dunning_case = relance_case_store_find (db, data->action->case_id, &local_error);
    }
  else
    data->dunning_case = relance_case_store_find_open (db, request->actor_id, data->currency,
                                                       &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (data->action != NULL && data->action->step_id != 0 && data->dunning_case != NULL)
    {
      g_autoptr(RelanceScenario) scenario = NULL;
      const RelanceScenarioStep *step;

      scenario = relance_scenario_store_get (db, data->dunning_case->scenario_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      step = scenario ? relance_scenario_get_step_by_id (scenario, data->action->step_id) : NULL;
      if (step != NULL && step->template_key != NULL && *step->template_key != '\0')
        data->step_template = g_strdup (step->template_key);
    }
  if (!read_agent (db, data, error))
    return NULL;

  data->deadline_days = request->deadline_days > 0 ? request->deadline_days
                        : request->kind == RELANCE_DOCUMENT_NOTICE ? 8 : 15;

  if (!read_items (db, data, error))
    return NULL;

  payments = relance_payment_store_list_for_actor (db, request->actor_id, error);
  if (payments == NULL)
    return NULL;
  /* The store gives them newest first; the statement reads by date */
  for (guint i = payments->len; i-- > 0;)
    {
      RelancePayment *payment = g_ptr_array_index (payments, i);
      RelanceDocumentPayment line = { 0 };

      if (relance_payment_get_rejected (payment) ||
          relance_payment_get_unallocated_cents (payment) <= 0 ||
          g_strcmp0 (relance_payment_get_currency (payment), data->currency) != 0)
        continue;
      line.reference = g_strdup (relance_payment_get_reference (payment));
      line.date = relance_payment_get_date (payment);
      line.unallocated_cents = relance_payment_get_unallocated_cents (payment);
      g_array_append_val (data->payments, line);
    }

  figures = relance_customer_figures_compute (db, request->actor_id, request->day, error);
  if (figures == NULL)
    return NULL;
  /* The company currency comes first, always present */
  data->figures = g_array_index (figures, RelanceFiguresRow, 0);

  data->aged = relance_aged_balance_compute (db, NULL, request->day, data->currency,
                                             request->actor_id, error);
  if (data->aged == NULL)
    return NULL;

  /* A missing rate is not an error for a document that quotes no
   * interest: it is kept and reported only when the template needs it */
  data->interest = relance_interest_compute (db, request->actor_id, request->day,
                                             &data->interest_error);
  read_rate (db, data);

  choose_claimed (data, request);
  compute_breakdown (data);

  if (!read_promise (db, data, request, error))
    return NULL;

  return g_steal_pointer (&data);
}

/**
 * relance_document_data_check_interest:
 * @data: the data
 * @text: a subject or body
 * @error: a #GError
 *
 * Returns: %FALSE with the interest computation's error when @text uses
 *   a placeholder that needs it and it failed
 */
gboolean
relance_document_data_check_interest (RelanceDocumentData  *data,
                                      const char           *text,
                                      GError              **error)
{
  if (data->interest_error == NULL || text == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (interest_names); i++)
    if (strstr (text, interest_names[i]) != NULL)
      {
        g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_NOTHING,
                     _("The interest cannot be computed: %s"), data->interest_error->message);
        return FALSE;
      }
  return TRUE;
}

/**
 * relance_document_data_values:
 * @data: the data
 *
 * Returns: (transfer full) (element-type utf8 utf8): name → value of
 *   every placeholder (the names are static strings)
 */
GHashTable *
relance_document_data_values (RelanceDocumentData *data)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *language = data->language;
  gboolean french = g_str_has_prefix (language, "fr");
  RelanceCompany *company = data->company;
  const char *contact_name = data->contact ? relance_contact_get_name (data->contact) : NULL;
  RelanceDate oldest = RELANCE_DATE_NONE;
  int days_late = 0;
  guint n_invoices = 0;

  for (guint i = 0; i < data->claimed->len; i++)
    {
      const RelanceDocumentItem *item = &g_array_index (data->claimed, RelanceDocumentItem, i);

      if (item->kind != RELANCE_INVOICE_KIND_INVOICE)
        continue;
      n_invoices++;
      if (item->days_late > 0 && (oldest == RELANCE_DATE_NONE || item->due_date < oldest))
        {
          oldest = item->due_date;
          days_late = item->days_late;
        }
    }

  insert (values, "TODAY", relance_document_format_date (data->day, language));
  insert (values, "DEADLINE", relance_document_format_date (data->day + data->deadline_days,
                                                            language));
  insert (values, "DEADLINE_DAYS", g_strdup_printf ("%d", data->deadline_days));
  insert (values, "CUSTOMER_NAME", g_strdup (relance_actor_get_name (data->actor)));
  insert (values, "CUSTOMER_CODE", g_strdup (relance_actor_get_code (data->actor)));
  insert (values, "CUSTOMER_ADDRESS", one_line_address (data->actor));
  insert (values, "CUSTOMER_SIREN", g_strdup (relance_actor_get_siren (data->actor)));
  insert (values, "CONTACT_NAME", g_strdup (contact_name ? contact_name
                                            : relance_actor_get_name (data->actor)));
  insert (values, "SALUTATION", g_strdup (french ? "Madame, Monsieur," : "Dear Sir or Madam,"));
  insert_money (values, "OUTSTANDING", data, data->figures.outstanding_cents);
  insert_money (values, "OVERDUE", data, data->figures.overdue_cents);
  insert_money (values, "UNALLOCATED", data, data->figures.unallocated_cents);
  insert_money (values, "PRINCIPAL", data, data->principal_cents);
  insert (values, "OLDEST_DUE_DATE", relance_document_format_date (oldest, language));
  insert (values, "DAYS_LATE", g_strdup_printf ("%d", days_late));
  insert (values, "N_INVOICES", g_strdup_printf ("%u", n_invoices));
  if (data->interest != NULL)
    {
      insert_money (values, "INTEREST", data, data->interest_cents);
      insert_money (values, "INDEMNITY", data, data->indemnity_cents);
      insert_money (values, "TOTAL_CLAIMED", data, data->total_claimed_cents);
      insert (values, "INTEREST_RATE", relance_rate_format (data->rate_bp, language));
      insert (values, "BREAKDOWN_TABLE", breakdown_as_text (data));
    }
  insert_money (values, "FEES", data, data->fees_cents);
  if (data->promise != NULL)
    {
      const RelancePromiseInstalment *first = NULL;

      if (data->promise->instalments->len > 0)
        first = &g_array_index (data->promise->instalments, RelancePromiseInstalment, 0);
      insert (values, "PROMISE_TOTAL",
              relance_document_format_money (relance_promise_get_total_cents (data->promise),
                                             data->promise->currency, language));
      insert (values, "PROMISE_FIRST_DATE",
              relance_document_format_date (first ? first->due_date : RELANCE_DATE_NONE,
                                            language));
      insert (values, "N_INSTALMENTS", g_strdup_printf ("%u", data->promise->instalments->len));
      insert (values, "PLAN_TABLE", plan_as_text (data));
    }
  insert (values, "COMPANY_NAME", g_strdup (company->name));
  insert (values, "COMPANY_CITY", g_strdup (company->city));
  insert (values, "COMPANY_PHONE", g_strdup (company->phone));
  insert (values, "COMPANY_EMAIL", g_strdup (company->email));
  insert (values, "COMPANY_IBAN",
          company->iban != NULL ? relance_format_iban (company->iban) : NULL);
  insert (values, "COMPANY_BIC", g_strdup (company->bic));
  insert (values, "COURT", g_strdup (company->court));
  insert (values, "SIGNATORY", g_strdup (company->signatory));
  insert (values, "SIGNATORY_TITLE", g_strdup (company->signatory_title));
  insert (values, "AGENT_NAME", g_strdup (data->agent_name ? data->agent_name
                                          : company->signatory));
  insert (values, "AGENT_EMAIL", g_strdup (data->agent_email ? data->agent_email
                                           : company->email));
  insert (values, "AGENT_PHONE", g_strdup (data->agent_phone ? data->agent_phone
                                           : company->phone));
  insert (values, "INVOICE_TABLE", items_as_text (data, data->claimed));
  insert (values, "STATEMENT_TABLE", items_as_text (data, data->items));
  insert (values, "AGED_TABLE", aged_as_text (data));
  if (data->interest != NULL)
    insert (values, "INTEREST_TABLE", interest_as_text (data));
  return values;
}
