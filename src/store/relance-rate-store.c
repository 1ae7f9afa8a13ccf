/* relance-rate-store.c — the dated table of reference rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rates are data, never constants in code (DOMAIN.md): the ECB main
 * refinancing rate with the day each value came into force, and the two
 * legal interest rates of each half-year. The user extends the table
 * from the official publications and corrects it; nothing is deleted.
 */
#define G_LOG_DOMAIN "relance-rate-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-rate-store.h"
#include "relance-database-private.h"

#define RATE_COLUMNS "id, kind, valid_from, rate_bp, source"
#define SQL_FIND \
  "SELECT " RATE_COLUMNS " FROM reference_rate WHERE kind = ?1 AND valid_from = ?2"
#define SQL_INSERT \
  "INSERT INTO reference_rate (kind, valid_from, rate_bp, source) VALUES (?1, ?2, ?3, ?4)"
#define SQL_UPDATE \
  "UPDATE reference_rate SET rate_bp = ?2, source = ?3 WHERE id = ?1"
/* The ECB first, then the legal rate « autres cas », which the engine
 * uses, then the private creditors' one */
#define SQL_LIST_ALL \
  "SELECT " RATE_COLUMNS " FROM reference_rate" \
  " ORDER BY CASE kind WHEN 'ecb' THEN 0 WHEN 'legal_professional' THEN 1 ELSE 2 END," \
  " valid_from"
#define SQL_LIST_KIND \
  "SELECT " RATE_COLUMNS " FROM reference_rate WHERE kind = ?1 ORDER BY valid_from"
#define SQL_COUNT "SELECT count(*) FROM reference_rate"
/* The UNIQUE (kind, valid_from) constraint's index answers this with one
 * seek. */
#define SQL_IN_FORCE \
  "SELECT " RATE_COLUMNS " FROM reference_rate" \
  " WHERE kind = ?1 AND valid_from <= ?2 ORDER BY valid_from DESC LIMIT 1"

static const char * const kind_names[] = {
  [RELANCE_RATE_KIND_ECB] = "ecb",
  [RELANCE_RATE_KIND_LEGAL_PROFESSIONAL] = "legal_professional",
  [RELANCE_RATE_KIND_LEGAL_PRIVATE] = "legal_private",
};

/* Helpers */

static void
fill_row (sqlite3_stmt   *stmt,
          RelanceRateRow *row)
{
  const char *source = relance_column_text (stmt, 4);

  row->id = sqlite3_column_int64 (stmt, 0);
  if (!relance_rate_kind_from_string (relance_column_text (stmt, 1), &row->kind))
    row->kind = RELANCE_RATE_KIND_ECB;
  row->valid_from = sqlite3_column_int (stmt, 2);
  row->rate_bp = sqlite3_column_int (stmt, 3);
  row->source = source != NULL ? g_strdup (source) : NULL;
}

static char *
describe_rate (RelanceRateKind  kind,
               RelanceDate      valid_from,
               int              rate_bp,
               const char      *source)
{
  g_autofree char *day = relance_date_to_iso (valid_from);

  return g_strdup_printf ("kind: %s\n"
                          "valid-from: %s\n"
                          "rate-bp: %d%s%s",
                          relance_rate_kind_to_string (kind), day, rate_bp,
                          source != NULL ? "\nsource: " : "",
                          source != NULL ? source : "");
}

static gboolean
is_half_year_start (RelanceDate day)
{
  int month, mday;

  relance_date_get_ymd (day, NULL, &month, &mday);
  return mday == 1 && (month == 1 || month == 7);
}

/* The blocking controls of a row, before anything is written */
static gboolean
validate_rate (RelanceRateKind   kind,
               RelanceDate       valid_from,
               int               rate_bp,
               GError          **error)
{
  if (valid_from <= RELANCE_DATE_NONE || !g_date_valid_julian (valid_from))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("A reference rate needs the day it comes into force"));
      return FALSE;
    }
  if (kind != RELANCE_RATE_KIND_ECB && !is_half_year_start (valid_from))
    {
      g_autofree char *day = relance_date_to_iso (valid_from);

      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("The legal interest rate is set for a half-year: it comes into force on "
                     "1 January or 1 July, not on %s"), day);
      return FALSE;
    }
  /* The ECB rate has been zero and its deposit rate negative; the legal
   * rates never are. */
  if (rate_bp > RELANCE_RATE_MAX_BP ||
      rate_bp < (kind == RELANCE_RATE_KIND_ECB ? -RELANCE_RATE_MAX_BP : 0))
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID,
                   _("A reference rate of %d basis points is out of range: enter the rate "
                     "in percent, such as 4.50 for 4.50 %%"), rate_bp);
      return FALSE;
    }
  return TRUE;
}

/* Public */

/**
 * relance_rate_kind_to_string:
 * @kind: a #RelanceRateKind
 *
 * Returns: the name the database uses: "ecb", "legal_professional" or
 *   "legal_private"
 */
const char *
relance_rate_kind_to_string (RelanceRateKind kind)
{
  g_return_val_if_fail (kind >= RELANCE_RATE_KIND_ECB && kind <= RELANCE_RATE_KIND_LEGAL_PRIVATE,
                        "ecb");
  return kind_names[kind];
}

/**
 * relance_rate_kind_from_string:
 * @text: (nullable): "ecb", "legal_professional" or "legal_private"
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @text names a kind
 */
gboolean
relance_rate_kind_from_string (const char      *text,
                               RelanceRateKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (RelanceRateKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_rate_store_add:
 * @db: a #RelanceDatabase
 * @kind: which rate
 * @valid_from: the first day it is in force; 1 January or 1 July for the
 *   legal rates, which are set per half-year
 * @rate_bp: the rate in basis points (14.50 % = 1450)
 * @source: (nullable): where the value comes from: the arrêté, the ECB
 *   decision
 * @replace: whether to correct the row of the same kind and day when
 *   there is one
 * @error: a #GError
 *
 * Adds a rate to the table, or corrects one with @replace; the audit
 * trail keeps the value before.
 *
 * Returns: %TRUE on success; %FALSE with RELANCE_STORE_ERROR_DUPLICATE
 *   when the kind has a rate from that day and @replace is %FALSE,
 *   RELANCE_STORE_ERROR_INVALID when a control fails
 */
gboolean
relance_rate_store_add (RelanceDatabase  *db,
                        RelanceRateKind   kind,
                        RelanceDate       valid_from,
                        int               rate_bp,
                        const char       *source,
                        gboolean          replace,
                        GError          **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind >= RELANCE_RATE_KIND_ECB && kind <= RELANCE_RATE_KIND_LEGAL_PRIVATE,
                        FALSE);

  if (!validate_rate (kind, valid_from, rate_bp, error))
    return FALSE;
  if (source != NULL && *source == '\0')
    source = NULL;

  if (!relance_database_begin (db, error))
    return FALSE;

  stmt = relance_database_prepare (db, SQL_FIND, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, relance_rate_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, valid_from);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      RelanceRateRow old;

      fill_row (stmt, &old);
      id = old.id;
      before = describe_rate (old.kind, old.valid_from, old.rate_bp, old.source);
      relance_rate_row_clear (&old);
    }
  else if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the reference rates"));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);

  if (id != 0 && !replace)
    {
      g_autofree char *day = relance_date_to_iso (valid_from);

      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE,
                   _("The table already has a rate of kind %s from %s: correct that one "
                     "rather than add a second"),
                   relance_rate_kind_to_string (kind), day);
      goto failed;
    }

  stmt = relance_database_prepare (db, id != 0 ? SQL_UPDATE : SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  if (id != 0)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, rate_bp);
      relance_bind_text_or_null (stmt, 3, source);
    }
  else
    {
      sqlite3_bind_text (stmt, 1, relance_rate_kind_to_string (kind), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, valid_from);
      sqlite3_bind_int (stmt, 3, rate_bp);
      relance_bind_text_or_null (stmt, 4, source);
    }
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = describe_rate (kind, valid_from, rate_bp, source);
  if (!relance_database_audit (db, "reference_rate", id, before != NULL ? "update" : "create",
                               before, after, error))
    goto failed;

  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_rate_store_list:
 * @db: a #RelanceDatabase
 * @kind: one kind, or %RELANCE_RATE_KIND_ANY
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelanceRateRow): the rates by
 *   kind then day, each row cleared with the array; %NULL with @error set
 *   when SQLite fails
 */
GArray *
relance_rate_store_list (RelanceDatabase  *db,
                         RelanceRateKind   kind,
                         GError          **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, kind == RELANCE_RATE_KIND_ANY ? SQL_LIST_ALL : SQL_LIST_KIND,
                                   error);
  if (stmt == NULL)
    return NULL;
  if (kind != RELANCE_RATE_KIND_ANY)
    sqlite3_bind_text (stmt, 1, relance_rate_kind_to_string (kind), -1, SQLITE_STATIC);

  rows = g_array_new (FALSE, TRUE, sizeof (RelanceRateRow));
  g_array_set_clear_func (rows, (GDestroyNotify) relance_rate_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceRateRow row;

      fill_row (stmt, &row);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the reference rates"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/**
 * relance_rate_store_count:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Returns: how many rates the table holds, all kinds; -1 with @error set
 *   when SQLite fails
 */
gint64
relance_rate_store_count (RelanceDatabase  *db,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = relance_database_prepare (db, SQL_COUNT, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    relance_database_set_sql_error (db, error, _("read the reference rates"));
  sqlite3_reset (stmt);
  return count;
}

/**
 * relance_rate_store_in_force:
 * @db: a #RelanceDatabase
 * @kind: which rate
 * @day: a day
 * @found: (out): whether the table has a rate of @kind in force on @day
 * @row: (out caller-allocates) (optional): that rate; clear it with
 *   relance_rate_row_clear()
 * @error: a #GError
 *
 * The rate in force on @day: the row of @kind with the greatest
 * valid_from ≤ @day.
 *
 * Returns: %FALSE with @error set when SQLite fails (not when there is
 *   no such rate: see @found)
 */
gboolean
relance_rate_store_in_force (RelanceDatabase  *db,
                             RelanceRateKind   kind,
                             RelanceDate       day,
                             gboolean         *found,
                             RelanceRateRow   *row,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  if (row != NULL)
    memset (row, 0, sizeof *row);

  stmt = relance_database_prepare (db, SQL_IN_FORCE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, relance_rate_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      if (row != NULL)
        fill_row (stmt, row);
    }
  else if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the reference rates"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * relance_rate_row_clear:
 * @row: a #RelanceRateRow
 *
 * Frees what the row owns (its source).
 */
void
relance_rate_row_clear (RelanceRateRow *row)
{
  g_clear_pointer (&row->source, g_free);
}
