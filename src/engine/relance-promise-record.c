/* relance-promise-record.c — recording a promise from the agent's
 * workspace: the case waits at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily run suspends a case under an open promise; an agent who has
 * just recorded one expects the case to wait now, not after the night's
 * run, so the suspension the run would make is made in the same
 * transaction as the promise.
 */
#define G_LOG_DOMAIN "relance-promise-record"

#include "config.h"

#include "relance-promise-record.h"
#include "relance-promises.h"

/**
 * relance_promise_record:
 * @db: a database
 * @promise: a new promise, as relance_promises_add() takes it
 * @error: a #GError
 *
 * Records the promise (relance_promises_add()) and suspends the open
 * case it is linked to, with the audit line the daily run writes
 * ("promise to pay"), in one transaction.
 *
 * Returns: %FALSE with @error set, as relance_promises_add(); nothing
 *   written
 */
gboolean
relance_promise_record (RelanceDatabase  *db,
                        RelancePromise   *promise,
                        GError          **error)
{
  g_autoptr(RelanceCase) stored = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (promise != NULL, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  if (!relance_promises_add (db, promise, error))
    goto failed;
  if (promise->case_id != 0)
    {
      stored = relance_case_store_find (db, promise->case_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          goto failed;
        }
    }
  if (stored != NULL && stored->status == RELANCE_CASE_OPEN)
    {
      RelanceCase suspended;
      gboolean ok;

      relance_case_copy_to (stored, &suspended);
      suspended.status = RELANCE_CASE_SUSPENDED;
      ok = relance_case_store_update (db, stored, &suspended, "promise to pay", error);
      relance_case_clear (&suspended);
      if (!ok)
        goto failed;
    }
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}
