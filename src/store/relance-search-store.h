/* relance-search-store.h — the global search: customers, invoices, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_SEARCH_CUSTOMER,
  RELANCE_SEARCH_INVOICE,
  RELANCE_SEARCH_ACTION,
} RelanceSearchKind;

/**
 * RelanceSearchHit:
 * @kind: what was found
 * @id: the customer's, the invoice's or the action's id
 * @actor_id: the customer it belongs to (@id for a customer)
 * @label: the code, the invoice number, or « #id title » of an action
 * @actor_code: its customer's code
 * @actor_name: its customer's name
 *
 * One result of the global search; free it with relance_search_hit_free().
 */
typedef struct
{
  RelanceSearchKind  kind;
  gint64             id;
  gint64             actor_id;
  char              *label;
  char              *actor_code;
  char              *actor_name;
} RelanceSearchHit;

void       relance_search_hit_free   (RelanceSearchHit *hit);

/* Customers whose code or SIREN starts with @text or whose name contains
 * it, invoices whose number starts with it, actions whose number is it
 * or whose title contains it: at most @limit of each kind, customers
 * first (RelanceSearchHit *, freed by the array). An empty @text finds
 * nothing. */
GPtrArray *relance_search_store_find (RelanceDatabase  *db,
                                      const char       *text,
                                      guint             limit,
                                      GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceSearchHit, relance_search_hit_free)

G_END_DECLS
