/* relance-collections.h — the seeded scenarios and rules of a new database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-store.h"

G_BEGIN_DECLS

/* The codes of the seeded scenarios */
#define RELANCE_SCENARIO_STANDARD      "STANDARD"
#define RELANCE_SCENARIO_LARGE_ACCOUNTS "GRANDS_COMPTES"
#define RELANCE_SCENARIO_CONSUMERS     "PARTICULIERS"

/**
 * relance_collections_seed:
 * @db: a database at the latest schema
 * @seeded: (out) (optional): whether this call wrote anything
 * @error: a #GError
 *
 * On a database with no scenario yet: writes the three seeded scenarios
 * (standard B2B, large accounts, consumers) and the assignment rules that
 * pick them (segment « Grand compte » → large accounts, a person →
 * consumers, anyone else → standard). On a database with no user yet:
 * records the database user as a manager. One transaction; a database
 * that has them already is left alone, so calling it again is harmless.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean relance_collections_seed (RelanceDatabase  *db,
                                   gboolean         *seeded,
                                   GError          **error);

G_END_DECLS
