/* relance-rate-store.h — the dated table of reference rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceRateKind:
 * @RELANCE_RATE_KIND_ECB: the ECB main refinancing operations rate, in
 *   force from the day of its row until the next row
 * @RELANCE_RATE_KIND_LEGAL_PROFESSIONAL: the legal interest rate (taux
 *   de l'intérêt légal) « pour tous les autres cas », per half-year
 * @RELANCE_RATE_KIND_LEGAL_PRIVATE: the legal interest rate when the
 *   creditor is a private person (« personnes physiques n'agissant pas
 *   pour des besoins professionnels »), per half-year
 *
 * Rates are integer basis points: 14.50 % = 1450.
 */
typedef enum
{
  RELANCE_RATE_KIND_ECB,
  RELANCE_RATE_KIND_LEGAL_PROFESSIONAL,
  RELANCE_RATE_KIND_LEGAL_PRIVATE,
} RelanceRateKind;

#define RELANCE_RATE_KIND_ANY ((RelanceRateKind) -1)

/* The largest rate the table accepts, in basis points (100.00 %) */
#define RELANCE_RATE_MAX_BP 10000

/**
 * RelanceRateRow:
 * @id: the row's id
 * @kind: which rate
 * @valid_from: the first day it is in force
 * @rate_bp: the rate in basis points
 * @source: (nullable): where the value comes from (owned by the row)
 */
typedef struct
{
  gint64          id;
  RelanceRateKind kind;
  RelanceDate     valid_from;
  int             rate_bp;
  char           *source;
} RelanceRateRow;

/* "ecb", "legal_professional", "legal_private": the database's names */
const char *relance_rate_kind_to_string   (RelanceRateKind  kind);
gboolean    relance_rate_kind_from_string (const char      *text,
                                           RelanceRateKind *kind);

gboolean    relance_rate_store_add        (RelanceDatabase  *db,
                                           RelanceRateKind   kind,
                                           RelanceDate       valid_from,
                                           int               rate_bp,
                                           const char       *source,
                                           gboolean          replace,
                                           GError          **error);
GArray     *relance_rate_store_list       (RelanceDatabase  *db,
                                           RelanceRateKind   kind,
                                           GError          **error);
gint64      relance_rate_store_count      (RelanceDatabase  *db,
                                           GError          **error);
gboolean    relance_rate_store_in_force   (RelanceDatabase  *db,
                                           RelanceRateKind   kind,
                                           RelanceDate       day,
                                           gboolean         *found,
                                           RelanceRateRow   *row,
                                           GError          **error);
void        relance_rate_row_clear        (RelanceRateRow   *row);

G_END_DECLS
