/* relance-mail-store.c — the dunning emails sent, waiting or failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message is stored before it is delivered, so that a crash or a
 * refused connection leaves a row that the next run finds ('queued' or
 * 'failed'), never a message silently lost. Its text is kept, its bytes
 * are not: they are rebuilt from the row and the stored document.
 */
#define G_LOG_DOMAIN "relance-mail-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "relance-mail-store.h"
#include "relance-database-private.h"

#define MAIL_COLUMNS \
  "id, actor_id, action_id, document_id, sender, recipients, subject, body," \
  " message_id, status, attempts, last_error, outbox_path, created_at, created_by," \
  " sent_at"

#define SQL_INSERT \
  "INSERT INTO mail_message (actor_id, action_id, document_id, sender, recipients," \
  " subject, body, message_id, status, attempts, created_at, created_by)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'queued', 0, ?9, ?10)"
#define SQL_SET_STATUS \
  "UPDATE mail_message SET status = ?2, attempts = attempts + 1, last_error = ?3," \
  " outbox_path = COALESCE (?4, outbox_path)," \
  " sent_at = CASE WHEN ?2 = 'sent' THEN ?5 ELSE sent_at END" \
  " WHERE id = ?1"
#define SQL_SET_ADDRESSES \
  "UPDATE mail_message SET sender = ?2, recipients = ?3" \
  " WHERE id = ?1 AND status <> 'sent'"
#define SQL_FIND \
  "SELECT " MAIL_COLUMNS " FROM mail_message WHERE id = ?1"
#define SQL_FIND_BY_ACTION \
  "SELECT " MAIL_COLUMNS " FROM mail_message WHERE action_id = ?1" \
  " ORDER BY id DESC LIMIT 1"
/* The partial index mail_message_pending serves the status test */
#define SQL_LIST_PENDING \
  "SELECT " MAIL_COLUMNS " FROM mail_message" \
  " WHERE status IN ('queued', 'failed')" \
  "   AND (status = 'queued' OR attempts < ?1)" \
  " ORDER BY id"
#define SQL_LIST_FOR_ACTOR \
  "SELECT " MAIL_COLUMNS " FROM mail_message WHERE actor_id = ?1" \
  " ORDER BY id DESC"
#define SQL_UNSENT_ACTIONS \
  "SELECT a.id, a.actor_id, a.contact_id, s.template_key FROM action a" \
  " LEFT JOIN scenario_step s ON s.id = a.step_id" \
  " WHERE a.run_date = ?1 AND a.automatic = 1 AND a.channel = 'email'" \
  "   AND a.status = 'done'" \
  "   AND NOT EXISTS (SELECT 1 FROM mail_message m WHERE m.action_id = a.id)" \
  " ORDER BY a.id"
#define SQL_SET_DELIVERY \
  "UPDATE action SET delivery = ?2 WHERE id = ?1"
#define SQL_GET_DELIVERY \
  "SELECT delivery FROM action WHERE id = ?1"

static const char * const status_names[] = {
  [RELANCE_MAIL_STATUS_QUEUED] = "queued",
  [RELANCE_MAIL_STATUS_SENT] = "sent",
  [RELANCE_MAIL_STATUS_OUTBOX] = "outbox",
  [RELANCE_MAIL_STATUS_FAILED] = "failed",
};

/* Helpers */

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (relance_column_text (stmt, index));
}

static char **
split_recipients (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *address = g_strstrip (parts[i]);

      if (address[0] != '\0')
        g_strv_builder_add (builder, address);
    }
  return g_strv_builder_end (builder);
}

static RelanceMailRecord *
record_from_row (sqlite3_stmt *stmt)
{
  RelanceMailRecord *record = relance_mail_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->actor_id = sqlite3_column_int64 (stmt, 1);
  record->action_id = sqlite3_column_int64 (stmt, 2);
  record->document_id = sqlite3_column_int64 (stmt, 3);
  record->sender = dup_column (stmt, 4);
  g_strfreev (record->recipients);
  record->recipients = split_recipients (relance_column_text (stmt, 5));
  record->subject = dup_column (stmt, 6);
  record->body = dup_column (stmt, 7);
  record->message_id = dup_column (stmt, 8);
  relance_mail_status_from_string (relance_column_text (stmt, 9), &record->status);
  record->attempts = sqlite3_column_int (stmt, 10);
  record->last_error = dup_column (stmt, 11);
  record->outbox_path = dup_column (stmt, 12);
  record->created_at = dup_column (stmt, 13);
  record->created_by = dup_column (stmt, 14);
  record->sent_at = dup_column (stmt, 15);
  return record;
}

/* One row, or NULL with no error when there is none */
static RelanceMailRecord *
find_one (RelanceDatabase  *db,
          const char       *sql,
          gint64            key,
          GError          **error)
{
  sqlite3_stmt *stmt = relance_database_prepare (db, sql, error);
  RelanceMailRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (stmt);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read an email"));
  sqlite3_reset (stmt);
  return record;
}

static GPtrArray *
list_records (RelanceDatabase  *db,
              const char       *sql,
              gint64            key,
              GError          **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt = relance_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_mail_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the emails"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&records);
}

/* The audit text: what was sent to whom, not the body */
static char *
describe_record (const RelanceMailRecord *record,
                 const char              *recipients)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "actor-id: %" G_GINT64_FORMAT "\n", record->actor_id);
  if (record->action_id != 0)
    g_string_append_printf (text, "action-id: %" G_GINT64_FORMAT "\n", record->action_id);
  if (record->document_id != 0)
    g_string_append_printf (text, "document-id: %" G_GINT64_FORMAT "\n", record->document_id);
  g_string_append_printf (text, "from: %s\n", record->sender);
  g_string_append_printf (text, "to: %s\n", recipients);
  g_string_append_printf (text, "subject: %s\n", record->subject);
  g_string_append_printf (text, "message-id: %s", record->message_id);
  return g_string_free (text, FALSE);
}

/* Public API */

const char *
relance_mail_status_to_string (RelanceMailStatus status)
{
  g_return_val_if_fail (status <= RELANCE_MAIL_STATUS_FAILED, "queued");
  return status_names[status];
}

gboolean
relance_mail_status_from_string (const char        *text,
                                 RelanceMailStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (RelanceMailStatus) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * relance_mail_record_new:
 *
 * Returns: (transfer full): an empty record, queued, with no recipient
 */
RelanceMailRecord *
relance_mail_record_new (void)
{
  RelanceMailRecord *record = g_new0 (RelanceMailRecord, 1);

  record->recipients = g_new0 (char *, 1);
  record->status = RELANCE_MAIL_STATUS_QUEUED;
  return record;
}

void
relance_mail_record_free (RelanceMailRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->sender);
  g_strfreev (record->recipients);
  g_free (record->subject);
  g_free (record->body);
  g_free (record->message_id);
  g_free (record->last_error);
  g_free (record->outbox_path);
  g_free (record->created_at);
  g_free (record->created_by);
  g_free (record->sent_at);
  g_free (record);
}

/**
 * relance_mail_record_join_recipients:
 * @record: a record
 *
 * Returns: (transfer full): the recipients separated by ", ", "" for none
 */
char *
relance_mail_record_join_recipients (const RelanceMailRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return g_strjoinv (", ", record->recipients);
}

/**
 * relance_mail_store_insert:
 * @db: a #RelanceDatabase
 * @record: a new record (id 0) with its sender, subject, body and
 *   Message-ID; its id, status, created_at and created_by are set
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_mail_store_insert (RelanceDatabase    *db,
                           RelanceMailRecord  *record,
                           GError            **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *recipients = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL && record->id == 0, FALSE);
  g_return_val_if_fail (record->sender != NULL && record->subject != NULL, FALSE);
  g_return_val_if_fail (record->body != NULL && record->message_id != NULL, FALSE);

  recipients = relance_mail_record_join_recipients (record);
  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_INSERT, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->actor_id);
  if (record->action_id != 0)
    sqlite3_bind_int64 (stmt, 2, record->action_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (record->document_id != 0)
    sqlite3_bind_int64 (stmt, 3, record->document_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, record->sender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, recipients, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, record->subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, record->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, record->message_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, relance_database_get_user (db), -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (relance_database_get_handle (db));

  after = describe_record (record, recipients);
  if (!relance_database_audit (db, "mail_message", id, "create", NULL, after, error))
    goto failed;
  if (!relance_database_commit (db, error))
    return FALSE;

  record->id = id;
  record->status = RELANCE_MAIL_STATUS_QUEUED;
  record->attempts = 0;
  g_free (record->created_at);
  record->created_at = g_steal_pointer (&now);
  g_free (record->created_by);
  record->created_by = g_strdup (relance_database_get_user (db));
  return TRUE;

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_mail_store_set_status:
 * @db: a #RelanceDatabase
 * @id: the message's id
 * @status: sent, outbox or failed
 * @error_text: (nullable): why it failed
 * @outbox_path: (nullable): the .eml file of a message in the outbox
 * @error: a #GError
 *
 * Records one delivery attempt with an audit line.
 *
 * Returns: %TRUE on success; RELANCE_STORE_ERROR_NOT_FOUND without such
 *   a message
 */
gboolean
relance_mail_store_set_status (RelanceDatabase    *db,
                               gint64              id,
                               RelanceMailStatus   status,
                               const char         *error_text,
                               const char         *outbox_path,
                               GError            **error)
{
  g_autofree char *now = relance_database_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status != RELANCE_MAIL_STATUS_QUEUED, FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_SET_STATUS, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, relance_mail_status_to_string (status), -1, SQLITE_STATIC);
  relance_bind_text_or_null (stmt, 3, status == RELANCE_MAIL_STATUS_FAILED ? error_text : NULL);
  relance_bind_text_or_null (stmt, 4, outbox_path);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no email number %" PRId64), id);
      goto failed;
    }
  after = g_strdup_printf ("status: %s%s%s%s%s", relance_mail_status_to_string (status),
                           error_text ? "\nerror: " : "", error_text ? error_text : "",
                           outbox_path ? "\noutbox: " : "", outbox_path ? outbox_path : "");
  if (!relance_database_audit (db, "mail_message", id, "deliver", NULL, after, error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_mail_store_set_addresses:
 * @db: a #RelanceDatabase
 * @record: a stored message, with its new sender and recipients
 * @error: a #GError
 *
 * Returns: %TRUE on success; RELANCE_STORE_ERROR_NOT_FOUND when there is
 *   no such message not sent yet
 */
gboolean
relance_mail_store_set_addresses (RelanceDatabase          *db,
                                  const RelanceMailRecord  *record,
                                  GError                  **error)
{
  g_autofree char *recipients = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL && record->sender != NULL, FALSE);

  recipients = relance_mail_record_join_recipients (record);
  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_SET_ADDRESSES, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->id);
  sqlite3_bind_text (stmt, 2, record->sender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, recipients, -1, SQLITE_STATIC);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no email number %" PRId64 " waiting to be sent"), record->id);
      goto failed;
    }
  after = g_strdup_printf ("from: %s\nto: %s", record->sender, recipients);
  if (!relance_database_audit (db, "mail_message", record->id, "addresses", NULL, after,
                               error))
    goto failed;
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

RelanceMailRecord *
relance_mail_store_find (RelanceDatabase  *db,
                         gint64            id,
                         GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return find_one (db, SQL_FIND, id, error);
}

RelanceMailRecord *
relance_mail_store_find_by_action (RelanceDatabase  *db,
                                   gint64            action_id,
                                   GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return find_one (db, SQL_FIND_BY_ACTION, action_id, error);
}

/**
 * relance_mail_store_list_pending:
 * @db: a #RelanceDatabase
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelanceMailRecord): the queued
 *   messages and the failed ones still to retry, oldest first
 */
GPtrArray *
relance_mail_store_list_pending (RelanceDatabase  *db,
                                 GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return list_records (db, SQL_LIST_PENDING, RELANCE_MAIL_MAX_ATTEMPTS, error);
}

/**
 * relance_mail_store_list_for_actor:
 * @db: a #RelanceDatabase
 * @actor_id: the customer
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelanceMailRecord): newest first
 */
GPtrArray *
relance_mail_store_list_for_actor (RelanceDatabase  *db,
                                   gint64            actor_id,
                                   GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  return list_records (db, SQL_LIST_FOR_ACTOR, actor_id, error);
}

void
relance_mail_job_free (RelanceMailJob *job)
{
  if (job == NULL)
    return;
  g_free (job->template_code);
  g_free (job);
}

/**
 * relance_mail_store_list_unsent_actions:
 * @db: a #RelanceDatabase
 * @day: the day of the run
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RelanceMailJob): the automatic
 *   email actions done by the run of @day that have no message yet
 */
GPtrArray *
relance_mail_store_list_unsent_actions (RelanceDatabase  *db,
                                        RelanceDate       day,
                                        GError          **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_UNSENT_ACTIONS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, day);
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_mail_job_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelanceMailJob *job = g_new0 (RelanceMailJob, 1);

      job->action_id = sqlite3_column_int64 (stmt, 0);
      job->actor_id = sqlite3_column_int64 (stmt, 1);
      job->contact_id = sqlite3_column_int64 (stmt, 2);
      job->template_code = dup_column (stmt, 3);
      g_ptr_array_add (jobs, job);
    }
  if (rc != SQLITE_DONE)
    {
      relance_database_set_sql_error (db, error, _("read the emails of the run"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&jobs);
}

/**
 * relance_mail_store_set_action_delivery:
 * @db: a #RelanceDatabase
 * @action_id: the action
 * @text: (nullable): what became of its email or letter
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
relance_mail_store_set_action_delivery (RelanceDatabase  *db,
                                        gint64            action_id,
                                        const char       *text,
                                        GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_database_begin (db, error))
    return FALSE;
  stmt = relance_database_prepare (db, SQL_SET_DELIVERY, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, action_id);
  relance_bind_text_or_null (stmt, 2, text);
  if (!relance_database_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (relance_database_get_handle (db)) == 0)
    {
      g_set_error (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND,
                   _("There is no action number %" PRId64), action_id);
      goto failed;
    }
  return relance_database_commit (db, error);

failed:
  relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_mail_store_get_action_delivery:
 * @db: a #RelanceDatabase
 * @action_id: the action
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): action.delivery, %NULL when unset
 */
char *
relance_mail_store_get_action_delivery (RelanceDatabase  *db,
                                        gint64            action_id,
                                        GError          **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = relance_database_prepare (db, SQL_GET_DELIVERY, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = dup_column (stmt, 0);
  else if (rc != SQLITE_DONE)
    relance_database_set_sql_error (db, error, _("read the delivery of an action"));
  sqlite3_reset (stmt);
  return text;
}
