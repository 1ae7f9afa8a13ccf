/* relance-bulk-store.c — fast inserts for imports and the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A million invoices must go in at least half as fast as the sqlite3
 * shell's .import of the same file into a bare table. The repositories'
 * inserts take a GObject, validate it again, look their statement up in
 * the connection's cache and write an audit line per row: right for one
 * row typed in a form, four times too slow for a batch. Here the
 * statements are prepared once for the batch and held, the rows are
 * plain structs, the creation time is read once, and the caller (who has
 * validated every row with the model) audits the batch as a whole.
 */
#define G_LOG_DOMAIN "relance-bulk-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-bulk-store.h"
#include "relance-database-private.h"

struct _RelanceBulkInsert
{
  RelanceDatabase *db;
  sqlite3         *handle;
  gint64           import_id;
  char            *now;

  sqlite3_stmt    *insert_invoice;
  sqlite3_stmt    *insert_invoices;   /* INVOICE_CHUNK rows at once */
  sqlite3_stmt    *insert_payment;
  sqlite3_stmt    *insert_contact;
  sqlite3_stmt    *insert_allocation;
  sqlite3_stmt    *find_invoice;
  sqlite3_stmt    *find_payment;

  /* CREATE INDEX statements of the indexes dropped for the batch */
  GPtrArray       *deferred;
};

#define SQL_INSERT_INVOICE_INTO \
  "INSERT INTO invoice (number, actor_id, kind, issue_date, due_date, amount_cents," \
  " currency, allocated_cents, import_id, created_at) VALUES "
#define SQL_INSERT_INVOICE \
  SQL_INSERT_INVOICE_INTO "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
/* The parameters of one row: its 8 values, then the import id and the
 * creation time, shared by every row of the statement */
#define INVOICE_ROW_PARAMETERS 8
/* Rows of one multi-row INSERT: each statement costs about as much as
 * the rows it writes (VDBE start and halt, opening the table's cursors,
 * finding the end of the table again), and 64 rows make that cost
 * small: measured on a million invoices, 2.1 s instead of 4.2 s. */
#define INVOICE_CHUNK 64
#define SQL_INSERT_PAYMENT \
  "INSERT INTO payment (reference, actor_id, date, amount_cents, currency," \
  " allocated_cents, import_id, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
#define SQL_INSERT_ALLOCATION \
  "INSERT INTO allocation (payment_id, invoice_id, amount_cents, date, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"
#define SQL_INSERT_CONTACT \
  "INSERT INTO contact (actor_id, name, title, role, email, phone, mobile," \
  " language, dunning) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
#define SQL_FIND_INVOICE "SELECT id, import_id FROM invoice WHERE number = ?1"
#define SQL_FIND_PAYMENT "SELECT id, import_id FROM payment WHERE reference = ?1"
/* The indexes that CREATE INDEX made (sql is NULL for those of UNIQUE and
 * PRIMARY KEY constraints, which stay: they catch duplicates). */
#define SQL_SECONDARY_INDEXES \
  "SELECT name, sql FROM sqlite_schema" \
  " WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name"

static sqlite3_stmt *
prepare (RelanceBulkInsert  *self,
         const char         *sql,
         GError            **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      relance_database_set_sql_error (self->db, error, _("prepare a bulk insert"));
      return NULL;
    }
  return stmt;
}

/* INSERT … VALUES (?1, …, ?8, ?9, ?10), (?11, …, ?18, ?9, ?10), … */
static sqlite3_stmt *
prepare_insert_invoices (RelanceBulkInsert  *self,
                         GError            **error)
{
  g_autoptr(GString) sql = g_string_new (SQL_INSERT_INVOICE_INTO);
  int first = 1;

  for (int i = 0; i < INVOICE_CHUNK; i++)
    {
      if (i > 0)
        {
          g_string_append (sql, ", ");
          first = 11 + (i - 1) * INVOICE_ROW_PARAMETERS;
        }
      g_string_append_c (sql, '(');
      for (int k = 0; k < INVOICE_ROW_PARAMETERS; k++)
        g_string_append_printf (sql, "?%d, ", first + k);
      g_string_append (sql, "?9, ?10)");
    }
  return prepare (self, sql->str, error);
}

static void
bind_import_id (sqlite3_stmt *stmt,
                int           index,
                gint64        import_id)
{
  if (import_id > 0)
    sqlite3_bind_int64 (stmt, index, import_id);
  else
    sqlite3_bind_null (stmt, index);
}

/* The 8 values of @row from parameter @first on */
static void
bind_invoice (sqlite3_stmt            *stmt,
              int                      first,
              const RelanceInvoiceRow *row)
{
  sqlite3_bind_text (stmt, first, row->number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 1, row->actor_id);
  sqlite3_bind_int (stmt, first + 2, (int) row->kind);
  sqlite3_bind_int (stmt, first + 3, row->issue_date);
  sqlite3_bind_int (stmt, first + 4, row->due_date);
  sqlite3_bind_int64 (stmt, first + 5, row->amount_cents);
  sqlite3_bind_text (stmt, first + 6, row->currency, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 7, row->allocated_cents);
}

/* @what is untranslated: gettext is called for an error only, not for
 * each of a million rows. */
static gint64
step_insert (RelanceBulkInsert  *self,
             sqlite3_stmt       *stmt,
             const char         *what,
             GError            **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (self->db, error, _(what));
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (self->handle);
}

static gboolean
find_key (RelanceBulkInsert  *self,
          sqlite3_stmt       *stmt,
          const char         *key,
          gint64             *id,
          gint64             *import_id,
          GError            **error)
{
  int rc;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      if (import_id != NULL)
        *import_id = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (self->db, error, _("look a number up"));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW;
}

/**
 * relance_bulk_set_foreign_keys:
 * @db: a #RelanceDatabase, outside any transaction
 * @enabled: %FALSE to stop checking foreign keys, %TRUE to check again
 * @error: a #GError
 *
 * Checking two foreign keys of a million rows is two million lookups,
 * half the time of the inserts, for keys that an importer has just
 * resolved itself: customer ids from the code index read in the same
 * write transaction (actors are never deleted), the import id from the
 * import record it wrote. Such a caller may switch the check off around
 * its transaction, and must switch it on again whatever happens.
 * SQLite ignores the pragma inside a transaction, hence the guard.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_bulk_set_foreign_keys (RelanceDatabase  *db,
                               gboolean          enabled,
                               GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (!relance_database_in_transaction (db), FALSE);

  return relance_database_exec (db, enabled ? "PRAGMA foreign_keys = ON"
                                            : "PRAGMA foreign_keys = OFF", error);
}

/**
 * relance_bulk_insert_new:
 * @db: a #RelanceDatabase, inside a transaction
 * @import_id: the import the rows come from, 0 for none
 * @error: a #GError
 *
 * Returns: (transfer full): the batch, to free with
 *   relance_bulk_insert_free() before the commit or after the rollback,
 *   or %NULL
 */
RelanceBulkInsert *
relance_bulk_insert_new (RelanceDatabase  *db,
                         gint64            import_id,
                         GError          **error)
{
  g_autoptr(RelanceBulkInsert) self = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (relance_database_in_transaction (db), NULL);

  self = g_new0 (RelanceBulkInsert, 1);
  self->db = g_object_ref (db);
  self->handle = relance_database_get_handle (db);
  self->import_id = import_id;
  self->now = relance_database_now_iso ();

  if ((self->insert_invoice = prepare (self, SQL_INSERT_INVOICE, error)) == NULL ||
      (self->insert_invoices = prepare_insert_invoices (self, error)) == NULL ||
      (self->insert_payment = prepare (self, SQL_INSERT_PAYMENT, error)) == NULL ||
      (self->insert_contact = prepare (self, SQL_INSERT_CONTACT, error)) == NULL ||
      (self->insert_allocation = prepare (self, SQL_INSERT_ALLOCATION, error)) == NULL ||
      (self->find_invoice = prepare (self, SQL_FIND_INVOICE, error)) == NULL ||
      (self->find_payment = prepare (self, SQL_FIND_PAYMENT, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

void
relance_bulk_insert_free (RelanceBulkInsert *self)
{
  if (self == NULL)
    return;
  /* After a rollback the indexes are back; inside the transaction, a
   * commit without them would lose them for good. */
  if (self->deferred != NULL && self->deferred->len > 0 &&
      relance_database_in_transaction (self->db))
    {
      g_autoptr(GError) error = NULL;

      g_critical ("relance_bulk_insert_free: indexes still deferred, restoring them");
      if (!relance_bulk_insert_restore_indexes (self, &error))
        g_critical ("Could not restore the indexes: %s", error->message);
    }
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  sqlite3_finalize (self->insert_invoice);
  sqlite3_finalize (self->insert_invoices);
  sqlite3_finalize (self->insert_payment);
  sqlite3_finalize (self->insert_contact);
  sqlite3_finalize (self->insert_allocation);
  sqlite3_finalize (self->find_invoice);
  sqlite3_finalize (self->find_payment);
  g_clear_object (&self->db);
  g_free (self->now);
  g_free (self);
}

/**
 * relance_bulk_insert_invoice:
 * @self: a #RelanceBulkInsert
 * @row: a validated invoice; @row->id is ignored, @row->allocated_cents
 *   is written as it is (the caller inserts the matching allocations)
 * @error: a #GError; %RELANCE_STORE_ERROR_DUPLICATE for a number that
 *   exists (the transaction goes on: SQLite undoes only that statement)
 *
 * Returns: the new invoice's id, or 0 with @error set
 */
gint64
relance_bulk_insert_invoice (RelanceBulkInsert        *self,
                             const RelanceInvoiceRow  *row,
                             GError                  **error)
{
  sqlite3_stmt *stmt = self->insert_invoice;

  bind_invoice (stmt, 1, row);
  bind_import_id (stmt, 9, self->import_id);
  sqlite3_bind_text (stmt, 10, self->now, -1, SQLITE_STATIC);
  return step_insert (self, stmt, N_("write an invoice"), error);
}

/**
 * relance_bulk_insert_invoices:
 * @self: a #RelanceBulkInsert
 * @rows: (array length=n_rows): validated invoices, as for
 *   relance_bulk_insert_invoice()
 * @n_rows: how many
 * @ids: (out caller-allocates) (array length=n_rows): the new id of each
 *   row, or 0 for a row refused because its number exists, in the
 *   database or on an earlier row
 * @error: a #GError
 *
 * Writes the rows in order, INVOICE_CHUNK to a statement. A duplicate
 * number makes SQLite undo the statement that met it: its rows are
 * then written one at a time, so that only the duplicate is refused.
 * The rows of one statement get consecutive ids, as rows without an
 * explicit id always do in a transaction that holds the write lock.
 *
 * Returns: %TRUE unless SQLite failed on something else than a
 *   duplicate (then @error is set)
 */
gboolean
relance_bulk_insert_invoices (RelanceBulkInsert              *self,
                              const RelanceInvoiceRow * const *rows,
                              guint                           n_rows,
                              gint64                         *ids,
                              GError                        **error)
{
  sqlite3_stmt *stmt = self->insert_invoices;
  guint done = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);
  g_return_val_if_fail (ids != NULL || n_rows == 0, FALSE);

  bind_import_id (stmt, 9, self->import_id);
  sqlite3_bind_text (stmt, 10, self->now, -1, SQLITE_STATIC);
  while (done < n_rows)
    {
      guint n = MIN (n_rows - done, INVOICE_CHUNK);
      int rc = SQLITE_CONSTRAINT;

      if (n == INVOICE_CHUNK)
        {
          for (guint i = 0; i < n; i++)
            bind_invoice (stmt, i == 0 ? 1 : 11 + (int) (i - 1) * INVOICE_ROW_PARAMETERS,
                          rows[done + i]);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_DONE &&
              sqlite3_extended_errcode (self->handle) != SQLITE_CONSTRAINT_UNIQUE)
            {
              relance_database_set_sql_error (self->db, error, _("write an invoice"));
              sqlite3_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }

      if (rc == SQLITE_DONE)
        {
          gint64 last = sqlite3_last_insert_rowid (self->handle);

          for (guint i = 0; i < n; i++)
            ids[done + i] = last - (gint64) (n - 1) + i;
          done += n;
          continue;
        }

      /* The last rows, or a chunk that met a duplicate: one at a time */
      for (guint end = done + n; done < end; done++)
        {
          g_autoptr(GError) local_error = NULL;

          ids[done] = relance_bulk_insert_invoice (self, rows[done], &local_error);
          if (ids[done] == 0 &&
              !g_error_matches (local_error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_DUPLICATE))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * relance_bulk_insert_contact:
 * @self: a #RelanceBulkInsert
 * @contact: a validated contact of an actor inserted in the batch; at
 *   most one dunning contact per actor (the caller sees to it)
 * @error: a #GError
 *
 * Returns: the new contact's id (also set on @contact), or 0 with @error
 *   set
 */
gint64
relance_bulk_insert_contact (RelanceBulkInsert  *self,
                             RelanceContact     *contact,
                             GError            **error)
{
  sqlite3_stmt *stmt = self->insert_contact;
  const char *language = relance_contact_get_language (contact);
  gint64 id;

  sqlite3_bind_int64 (stmt, 1, relance_contact_get_actor_id (contact));
  sqlite3_bind_text (stmt, 2, relance_contact_get_name (contact), -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 3, relance_contact_get_title (contact));
  relance_bind_text_or_null (stmt, 4, relance_contact_get_role (contact));
  relance_bind_text_or_null (stmt, 5, relance_contact_get_email (contact));
  relance_bind_text_or_null (stmt, 6, relance_contact_get_phone (contact));
  relance_bind_text_or_null (stmt, 7, relance_contact_get_mobile (contact));
  sqlite3_bind_text (stmt, 8, language && *language ? language : "fr", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, relance_contact_get_dunning (contact) ? 1 : 0);
  id = step_insert (self, stmt, N_("write a contact"), error);
  if (id != 0)
    relance_contact_set_id (contact, id);
  return id;
}

/**
 * relance_bulk_insert_payment:
 * @self: a #RelanceBulkInsert
 * @row: a validated payment
 * @error: a #GError; %RELANCE_STORE_ERROR_DUPLICATE for a reference that
 *   exists
 *
 * Returns: the new payment's id, or 0 with @error set
 */
gint64
relance_bulk_insert_payment (RelanceBulkInsert        *self,
                             const RelancePaymentRow  *row,
                             GError                  **error)
{
  sqlite3_stmt *stmt = self->insert_payment;

  sqlite3_bind_text (stmt, 1, row->reference, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row->actor_id);
  sqlite3_bind_int (stmt, 3, row->date);
  sqlite3_bind_int64 (stmt, 4, row->amount_cents);
  sqlite3_bind_text (stmt, 5, row->currency, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, row->allocated_cents);
  bind_import_id (stmt, 7, self->import_id);
  sqlite3_bind_text (stmt, 8, self->now, -1, SQLITE_STATIC);
  return step_insert (self, stmt, N_("write a payment"), error);
}

/**
 * relance_bulk_insert_allocation:
 * @self: a #RelanceBulkInsert
 * @payment_id: a payment
 * @invoice_id: an invoice
 * @amount_cents: the amount allocated
 * @date: the day of the allocation
 * @error: a #GError
 *
 * Writes the allocation row only: the caller inserted the payment and
 * the invoice with allocated sums that already count it. For an
 * allocation between existing rows, use relance_payment_store_allocate(),
 * which checks it and updates both sums.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_bulk_insert_allocation (RelanceBulkInsert  *self,
                                gint64              payment_id,
                                gint64              invoice_id,
                                gint64              amount_cents,
                                RelanceDate         date,
                                GError            **error)
{
  sqlite3_stmt *stmt = self->insert_allocation;

  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int (stmt, 4, date);
  sqlite3_bind_text (stmt, 5, self->now, -1, SQLITE_STATIC);
  return step_insert (self, stmt, N_("write an allocation"), error) != 0;
}

/**
 * relance_bulk_insert_defer_indexes:
 * @self: a #RelanceBulkInsert
 * @table: "invoice", "payment" or "allocation"
 * @error: a #GError
 *
 * Drops the secondary indexes of @table (not those of its UNIQUE and
 * PRIMARY KEY constraints) until relance_bulk_insert_restore_indexes().
 * Keeping three indexes in order while a million rows arrive in random
 * customer and date order costs five times the inserts themselves;
 * building them once at the end sorts instead. Worth it only when the
 * batch is a good part of the table.
 *
 * It is all inside the caller's transaction: a rollback brings the
 * indexes back as they were, and other connections never see the table
 * without them. Call relance_bulk_insert_restore_indexes() before the
 * commit.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_bulk_insert_defer_indexes (RelanceBulkInsert  *self,
                                   const char         *table,
                                   GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->handle, SQL_SECONDARY_INDEXES, -1, &stmt, NULL) != SQLITE_OK)
    {
      relance_database_set_sql_error (self->db, error, _("list the indexes"));
      return FALSE;
    }
  if (self->deferred == NULL)
    self->deferred = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->deferred, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (self->db, error, _("list the indexes"));
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"",
                                              (const char *) g_ptr_array_index (names, i));

      if (!relance_database_exec (self->db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * relance_bulk_insert_restore_indexes:
 * @self: a #RelanceBulkInsert
 * @error: a #GError
 *
 * Builds again the indexes that relance_bulk_insert_defer_indexes()
 * dropped, from their own CREATE INDEX statements.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_bulk_insert_restore_indexes (RelanceBulkInsert  *self,
                                     GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  while (self->deferred != NULL && self->deferred->len > 0)
    {
      if (!relance_database_exec (self->db, g_ptr_array_index (self->deferred, 0), error))
        return FALSE;
      g_ptr_array_remove_index (self->deferred, 0);
    }
  return TRUE;
}

/**
 * relance_bulk_insert_set_import_sha256:
 * @self: a #RelanceBulkInsert made with an import id
 * @sha256: the SHA-256 of the imported content
 * @error: a #GError; %RELANCE_STORE_ERROR_DUPLICATE when an import of
 *   the same kind has that checksum
 *
 * An importer that hashes its file while it loads it records the import
 * first under a provisional checksum, then gives it the real one here,
 * in the same transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_bulk_insert_set_import_sha256 (RelanceBulkInsert  *self,
                                       const char         *sha256,
                                       GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->import_id > 0, FALSE);

  if (sqlite3_prepare_v2 (self->handle, "UPDATE import_batch SET sha256 = ?1 WHERE id = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      relance_database_set_sql_error (self->db, error, _("record the import"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->import_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    relance_database_set_sql_error (self->db, error, _("record the import"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/**
 * relance_bulk_insert_count_rows:
 * @self: a #RelanceBulkInsert
 * @table: "invoice", "payment" or "allocation"
 *
 * Returns: the rows of @table, to weigh a batch against; -1 on error
 */
gint64
relance_bulk_insert_count_rows (RelanceBulkInsert *self,
                                const char        *table)
{
  static const char * const tables[] = { "invoice", "payment", "allocation" };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;
  gboolean known = FALSE;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    known |= g_strcmp0 (table, tables[i]) == 0;
  g_return_val_if_fail (known, -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/**
 * relance_bulk_find_invoice:
 * @self: a #RelanceBulkInsert
 * @number: an invoice number
 * @id: (out) (optional): its id
 * @import_id: (out) (optional): the import it came from, 0 for none
 * @error: a #GError
 *
 * Tells a duplicate of an earlier line of the same file (same import id)
 * from one of a row already in the database.
 *
 * Returns: %TRUE when found; %FALSE when not found or on error (@error set)
 */
gboolean
relance_bulk_find_invoice (RelanceBulkInsert  *self,
                           const char         *number,
                           gint64             *id,
                           gint64             *import_id,
                           GError            **error)
{
  return find_key (self, self->find_invoice, number, id, import_id, error);
}

/**
 * relance_bulk_find_payment:
 * @self: a #RelanceBulkInsert
 * @reference: a payment reference
 * @id: (out) (optional): its id
 * @import_id: (out) (optional): the import it came from, 0 for none
 * @error: a #GError
 *
 * Returns: %TRUE when found; %FALSE when not found or on error (@error set)
 */
gboolean
relance_bulk_find_payment (RelanceBulkInsert  *self,
                           const char         *reference,
                           gint64             *id,
                           gint64             *import_id,
                           GError            **error)
{
  return find_key (self, self->find_payment, reference, id, import_id, error);
}

#define SQL_INSERT_CREDIT_ALLOCATION \
  "INSERT INTO credit_allocation (credit_note_id, invoice_id, amount_cents, date, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"

/**
 * relance_bulk_insert_credit_allocation:
 * @self: a #RelanceBulkInsert
 * @credit_note_id: a credit note
 * @invoice_id: an invoice (or fee, or interest item) of the same customer
 *   and currency
 * @amount_cents: the amount of the credit note applied to it, > 0
 * @date: the day of the application
 * @error: a #GError
 *
 * As relance_bulk_insert_allocation(), for a credit note applied to an
 * invoice (imputation d'avoir): writes the credit_allocation row only;
 * the caller inserted the invoice with an allocated sum that counts
 * @amount_cents and the credit note with one that counts −@amount_cents.
 * For an application between existing rows, use
 * relance_credit_store_apply(), which checks it and updates both sums.
 *
 * A batch has few of them: the statement is the connection's cached
 * one rather than one more held by the batch.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_bulk_insert_credit_allocation (RelanceBulkInsert  *self,
                                       gint64              credit_note_id,
                                       gint64              invoice_id,
                                       gint64              amount_cents,
                                       RelanceDate         date,
                                       GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = relance_database_prepare (self->db, SQL_INSERT_CREDIT_ALLOCATION, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, credit_note_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int (stmt, 4, date);
  sqlite3_bind_text (stmt, 5, self->now, -1, SQLITE_STATIC);
  ok = step_insert (self, stmt, N_("write a credit note's application"), error) != 0;
  /* The statement outlives the batch: it must not keep self->now */
  sqlite3_clear_bindings (stmt);
  return ok;
}
