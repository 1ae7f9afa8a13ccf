/* relance-disputes.c — disputes (litiges): opened, resolved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks read inside the write transaction, so that no other
 * connection can pay, cancel or dispute an item between the check and
 * the write.
 */
#define G_LOG_DOMAIN "relance-disputes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-engine-error.h"
#include "relance-disputes.h"

/* Helpers */

static char *
format_amount (gint64      cents,
               const char *currency)
{
  return relance_money_format_cents (cents, currency, relance_money_current_language ());
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static RelanceInvoice *
find_invoice (RelanceDatabase  *db,
              gint64            invoice_id,
              GError          **error)
{
  GError *local_error = NULL;
  RelanceInvoice *invoice = relance_invoice_store_find_by_id (db, invoice_id, &local_error);

  if (invoice == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no invoice with the id %" PRId64), invoice_id);
    }
  return invoice;
}

/* Checks one item of a new dispute and adds its remaining amount to
 * @total; @currency is set by the first item */
static gboolean
check_item (RelanceDatabase  *db,
            RelanceActor     *actor,
            gint64            invoice_id,
            GArray           *disputed_ids,
            char             *currency,
            gint64           *total,
            GError          **error)
{
  g_autoptr(RelanceInvoice) invoice = find_invoice (db, invoice_id, error);
  const char *number;
  gint64 remaining;

  if (invoice == NULL)
    return FALSE;
  number = relance_invoice_get_number (invoice);
  remaining = relance_invoice_get_remaining_cents (invoice);

  if (relance_invoice_get_actor_id (invoice) != relance_actor_get_id (actor))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The invoice %s is not one of %s’s: a dispute covers the invoices "
                     "of one customer"),
                   number, relance_actor_get_code (actor));
      return FALSE;
    }
  if (relance_invoice_get_cancelled (invoice))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The invoice %s is cancelled: there is nothing to dispute"), number);
      return FALSE;
    }
  if (remaining <= 0)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The invoice %s is not open (nothing is left to pay on it): only "
                     "open items can be disputed"),
                   number);
      return FALSE;
    }
  if (relance_dispute_ids_contain (disputed_ids, invoice_id))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The invoice %s is already in an open dispute: resolve that one, "
                     "or add to it"),
                   number);
      return FALSE;
    }
  if (*currency == '\0')
    g_strlcpy (currency, relance_invoice_get_currency (invoice), 4);
  else if (g_strcmp0 (currency, relance_invoice_get_currency (invoice)) != 0)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The invoice %s is in %s, the others in %s: open one dispute per "
                     "currency"),
                   number, relance_invoice_get_currency (invoice), currency);
      return FALSE;
    }
  *total += remaining;
  return TRUE;
}

static gboolean
check_new_dispute (RelanceDatabase  *db,
                   RelanceDispute   *dispute,
                   GError          **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GArray) disputed_ids = NULL;
  GError *local_error = NULL;
  char currency[4] = "";
  gint64 total = 0;

  actor = relance_actor_store_find_by_id (db, dispute->actor_id, &local_error);
  if (actor == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("The customer of the dispute does not exist"));
      return FALSE;
    }

  disputed_ids = relance_dispute_store_open_invoice_ids (db, dispute->actor_id, error);
  if (disputed_ids == NULL)
    return FALSE;

  for (guint i = 0; i < dispute->invoice_ids->len; i++)
    {
      gint64 id = g_array_index (dispute->invoice_ids, gint64, i);

      for (guint k = 0; k < i; k++)
        if (g_array_index (dispute->invoice_ids, gint64, k) == id)
          {
            g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                         _("An invoice is named twice in the dispute"));
            return FALSE;
          }
      if (!check_item (db, actor, id, disputed_ids, currency, &total, error))
        return FALSE;
    }

  if (dispute->amount_cents == 0)
    dispute->amount_cents = total;
  else if (dispute->amount_cents < 0)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The disputed amount must be more than zero"));
      return FALSE;
    }
  else if (dispute->amount_cents > total)
    {
      g_autofree char *amount = format_amount (dispute->amount_cents, currency);
      g_autofree char *remaining = format_amount (total, currency);

      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The disputed amount %s is more than what is left to pay on the "
                     "invoices (%s)"),
                   amount, remaining);
      return FALSE;
    }
  g_strlcpy (dispute->currency, currency, sizeof dispute->currency);
  return TRUE;
}

/* The credit note of a justified dispute */
static gint64
write_credit_note (RelanceDatabase       *db,
                   const RelanceDispute  *dispute,
                   RelanceDate            day,
                   GError               **error)
{
  g_autofree char *number = g_strdup_printf ("AV-LIT-%" G_GINT64_FORMAT, dispute->id);
  g_autoptr(RelanceInvoice) credit = relance_invoice_new (number, dispute->actor_id);

  g_object_freeze_notify (G_OBJECT (credit));
  relance_invoice_set_kind (credit, RELANCE_INVOICE_KIND_CREDIT_NOTE);
  relance_invoice_set_issue_date (credit, day);
  relance_invoice_set_due_date (credit, day);
  relance_invoice_set_amount_cents (credit, -dispute->amount_cents);
  relance_invoice_set_currency (credit, dispute->currency);
  g_object_thaw_notify (G_OBJECT (credit));

  if (!relance_invoice_store_insert (db, credit, 0, error))
    return 0;
  return relance_invoice_get_id (credit);
}

/* Public API */

gboolean
relance_disputes_open (RelanceDatabase  *db,
                       RelanceDispute   *dispute,
                       GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dispute != NULL && dispute->id == 0, FALSE);

  if (is_blank (dispute->reason))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("A dispute needs a reason (price, quality, delivery…)"));
      return FALSE;
    }
  if (dispute->invoice_ids->len == 0)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("A dispute needs at least one invoice"));
      return FALSE;
    }
  if (dispute->opened_on == RELANCE_DATE_NONE)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("A dispute needs the day it was opened"));
      return FALSE;
    }

  if (!relance_database_begin (db, error))
    return FALSE;

  if (!check_new_dispute (db, dispute, error))
    goto failed;
  if (is_blank (dispute->owner))
    {
      g_free (dispute->owner);
      dispute->owner = g_strdup (relance_database_get_user (db));
    }
  if (!relance_dispute_store_insert (db, dispute, error))
    goto failed;

  if (!relance_database_commit (db, error))
    {
      dispute->id = 0;
      return FALSE;
    }
  return TRUE;

failed:
  relance_database_rollback (db);
  dispute->id = 0;
  return FALSE;
}

gboolean
relance_disputes_resolve (RelanceDatabase       *db,
                          gint64                 dispute_id,
                          RelanceDisputeStatus   resolution,
                          RelanceDate            day,
                          const char            *comment,
                          gint64                *credit_note_id,
                          GError               **error)
{
  g_autoptr(RelanceDispute) dispute = NULL;
  GError *local_error = NULL;
  gint64 credit_id = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (resolution == RELANCE_DISPUTE_STATUS_JUSTIFIED ||
                        resolution == RELANCE_DISPUTE_STATUS_UNJUSTIFIED, FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (credit_note_id != NULL)
    *credit_note_id = 0;

  if (!relance_database_begin (db, error))
    return FALSE;

  dispute = relance_dispute_store_find (db, dispute_id, &local_error);
  if (dispute == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no dispute number %" PRId64), dispute_id);
      goto failed;
    }
  if (dispute->status != RELANCE_DISPUTE_STATUS_OPEN)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The dispute number %" PRId64 " is already resolved (%s)"),
                   dispute_id, relance_dispute_status_to_string (dispute->status));
      goto failed;
    }
  if (day < dispute->opened_on)
    {
      g_autofree char *opened = relance_date_to_iso (dispute->opened_on);

      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The dispute number %" PRId64 " was opened on %s: it cannot "
                     "be resolved before"),
                   dispute_id, opened);
      goto failed;
    }

  if (resolution == RELANCE_DISPUTE_STATUS_JUSTIFIED)
    {
      credit_id = write_credit_note (db, dispute, day, error);
      /* The credit note settles the contested items (imputation
       * d'avoir), so that they leave the overdue amount and dunning
       * instead of standing beside an open credit note. */
      if (credit_id == 0 ||
          !relance_credit_store_apply_to (db, credit_id, dispute->invoice_ids, day, NULL, error))
        goto failed;
    }
  if (!relance_dispute_store_resolve (db, dispute_id, resolution, day,
                                      is_blank (comment) ? NULL : comment, credit_id, error))
    goto failed;

  if (!relance_database_commit (db, error))
    return FALSE;
  if (credit_note_id != NULL)
    *credit_note_id = credit_id;
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}
