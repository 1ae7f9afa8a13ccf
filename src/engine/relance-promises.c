/* relance-promises.c — promises kept and broken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The payments a customer makes from the day of the promise, in its
 * currency, allocated to invoices or not, fill the instalments oldest
 * first. An instalment is broken when the payments dated up to its date
 * plus the grace period do not cover it and the instalments before it:
 * judged on the payments' dates rather than on the day of the run, a
 * run that catches up a few missed days finds what the daily runs would
 * have found.
 */
#define G_LOG_DOMAIN "relance-promises"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-engine-error.h"
#include "relance-promises.h"

/* Helpers */

/* Σ of @payments dated on or before @day */
static gint64
paid_by (GArray      *payments,
         RelanceDate  day)
{
  gint64 total = 0;

  for (guint i = 0; i < payments->len; i++)
    {
      const RelancePromisePayment *payment = &g_array_index (payments, RelancePromisePayment, i);

      if (payment->date > day)
        break;
      total += payment->amount_cents;
    }
  return total;
}

/* TRUE when an instalment whose deadline (due date + grace) is before
 * @day was not covered by the payments dated up to that deadline */
static gboolean
is_broken (const RelancePromise *promise,
           GArray               *payments,
           RelanceDate           day)
{
  gint64 needed = 0;

  for (guint i = 0; i < promise->instalments->len; i++)
    {
      const RelancePromiseInstalment *instalment =
        &g_array_index (promise->instalments, RelancePromiseInstalment, i);
      RelanceDate deadline = instalment->due_date + promise->grace_days;

      needed += instalment->amount_cents;
      if (day > deadline && paid_by (payments, deadline) < needed)
        return TRUE;
    }
  return FALSE;
}

/* Fills the instalments oldest first with @available; @all_paid when
 * they are all paid */
static gboolean
fill_instalments (RelanceDatabase  *db,
                  RelancePromise   *promise,
                  gint64            available,
                  gboolean         *all_paid,
                  GError          **error)
{
  *all_paid = TRUE;

  for (guint i = 0; i < promise->instalments->len; i++)
    {
      RelancePromiseInstalment *instalment =
        &g_array_index (promise->instalments, RelancePromiseInstalment, i);
      gint64 paid = MIN (instalment->amount_cents, available);

      available -= paid;
      if (paid != instalment->paid_cents)
        {
          if (!relance_promise_store_set_instalment_paid (db, instalment->id, paid, error))
            return FALSE;
          instalment->paid_cents = paid;
        }
      if (paid < instalment->amount_cents)
        *all_paid = FALSE;
    }
  return TRUE;
}

static gboolean
evaluate_one (RelanceDatabase       *db,
              gint64                 promise_id,
              RelanceDate            day,
              RelancePromiseStatus  *status,
              GError               **error)
{
  g_autoptr(RelancePromise) promise = NULL;
  g_autoptr(GArray) payments = NULL;
  gboolean all_paid;

  *status = RELANCE_PROMISE_STATUS_OPEN;
  promise = relance_promise_store_find (db, promise_id, error);
  if (promise == NULL)
    return FALSE;
  /* A promise made after @day does not exist yet for that day */
  if (promise->status != RELANCE_PROMISE_STATUS_OPEN || promise->made_on > day)
    return TRUE;

  payments = relance_promise_store_payments (db, promise->actor_id, promise->currency,
                                             promise->made_on, day, error);
  if (payments == NULL)
    return FALSE;

  if (!fill_instalments (db, promise, paid_by (payments, day), &all_paid, error))
    return FALSE;

  if (is_broken (promise, payments, day))
    *status = RELANCE_PROMISE_STATUS_BROKEN;
  else if (all_paid)
    *status = RELANCE_PROMISE_STATUS_KEPT;
  else
    return TRUE;

  return relance_promise_store_set_status (db, promise_id, *status, day, error);
}

/* Public API */

/**
 * relance_promises_evaluate:
 * @db: a database, inside the caller's transaction or not
 * @day: the evaluation day D
 * @broken_actor_ids: (out) (transfer full): the actors (gint64, distinct,
 *   ascending) whose promise this call found broken
 * @error: a #GError
 *
 * For each open promise made on or before D: the payments of its
 * customer dated from the day it was made to D, in its currency, fill
 * its instalments oldest first (paid_cents, audited when it changes).
 * The promise is broken when an instalment's date + grace is before D
 * and the payments dated up to that day did not cover it and the ones
 * before it; the last day of grace is still fine. Otherwise, when every
 * instalment is paid, it is kept. Either closes it on D with an audit
 * line; a closed promise is never evaluated again, so a second call
 * finds nothing new.
 *
 * Returns: %FALSE with @error set on failure, nothing written
 */
gboolean
relance_promises_evaluate (RelanceDatabase  *db,
                           RelanceDate       day,
                           GArray          **broken_actor_ids,
                           GError          **error)
{
  g_autoptr(GArray) open = NULL;
  g_autoptr(GArray) broken = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (broken_actor_ids != NULL)
    *broken_actor_ids = NULL;

  if (!relance_database_begin (db, error))
    return FALSE;

  open = relance_promise_store_list_open (db, error);
  if (open == NULL)
    goto failed;

  broken = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < open->len; i++)
    {
      const RelanceOpenPromise *row = &g_array_index (open, RelanceOpenPromise, i);
      RelancePromiseStatus status;

      if (!evaluate_one (db, row->promise_id, day, &status, error))
        goto failed;
      /* The rows come by actor: an actor is added once */
      if (status == RELANCE_PROMISE_STATUS_BROKEN &&
          (broken->len == 0 || g_array_index (broken, gint64, broken->len - 1) != row->actor_id))
        g_array_append_val (broken, row->actor_id);
    }

  if (!relance_database_commit (db, error))
    return FALSE;
  if (broken_actor_ids != NULL)
    *broken_actor_ids = g_steal_pointer (&broken);
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

gboolean
relance_promises_add (RelanceDatabase  *db,
                      RelancePromise   *promise,
                      GError          **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autoptr(GPtrArray) open = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (promise != NULL && promise->id == 0, FALSE);

  if (!relance_currency_is_valid (promise->currency))
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_INVALID_CURRENCY,
                   _("“%s” is not an ISO 4217 currency code"), promise->currency);
      return FALSE;
    }
  if (promise->made_on == RELANCE_DATE_NONE)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("A promise needs the day it was made"));
      return FALSE;
    }
  if (promise->instalments->len == 0)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("A promise needs at least one instalment: a date and an amount"));
      return FALSE;
    }
  if (promise->grace_days < 0)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The grace period cannot be negative (%d days)"), promise->grace_days);
      return FALSE;
    }
  for (guint i = 0; i < promise->instalments->len; i++)
    {
      const RelancePromiseInstalment *instalment =
        &g_array_index (promise->instalments, RelancePromiseInstalment, i);

      if (instalment->amount_cents <= 0)
        {
          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                       _("The amount of an instalment must be more than zero"));
          return FALSE;
        }
      if (instalment->due_date < promise->made_on)
        {
          g_autofree char *due = relance_date_to_iso (instalment->due_date);

          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                       _("The instalment of %s is before the day the promise was made"), due);
          return FALSE;
        }
    }

  /* Read and write in one transaction, so that two agents cannot record
   * two open promises of one customer at the same moment */
  if (!relance_database_begin (db, error))
    return FALSE;

  actor = relance_actor_store_find_by_id (db, promise->actor_id, &local_error);
  if (actor == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("The customer of the promise does not exist"));
      goto failed;
    }

  open = relance_promise_store_list (db, promise->actor_id, TRUE, error);
  if (open == NULL)
    goto failed;
  for (guint i = 0; i < open->len; i++)
    {
      const RelancePromise *other = g_ptr_array_index (open, i);

      if (g_strcmp0 (other->currency, promise->currency) == 0)
        {
          g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                       _("%s already has an open promise in %s (number %" PRId64
                         "): cancel it before recording a new one"),
                       relance_actor_get_code (actor), promise->currency, other->id);
          goto failed;
        }
    }

  if (!relance_promise_store_insert (db, promise, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

gboolean
relance_promises_cancel (RelanceDatabase  *db,
                         gint64            promise_id,
                         RelanceDate       day,
                         GError          **error)
{
  g_autoptr(RelancePromise) promise = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;

  promise = relance_promise_store_find (db, promise_id, &local_error);
  if (promise == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_NOT_FOUND,
                     _("There is no promise number %" PRId64), promise_id);
      goto failed;
    }
  if (promise->status != RELANCE_PROMISE_STATUS_OPEN)
    {
      g_set_error (error, RELANCE_ENGINE_ERROR, RELANCE_ENGINE_ERROR_REFUSED,
                   _("The promise number %" PRId64 " is already %s"), promise_id,
                   relance_promise_status_to_string (promise->status));
      goto failed;
    }
  if (!relance_promise_store_set_status (db, promise_id, RELANCE_PROMISE_STATUS_CANCELLED,
                                         day, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
