/* relance-job.c — long work in a thread, with its own database connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio refresh, an import and the demo generator run in a GTask
 * thread on a connection of their own (SQLite in WAL mode lets the window
 * keep reading meanwhile). The thread reports progress with
 * relance_job_report(); the main loop reads it ten times a second and
 * notifies the properties "fraction" and "text", which a progress bar can
 * be bound to. The worker never touches a widget.
 */
#define G_LOG_DOMAIN "relance-job"

#include "config.h"

#include "relance-job.h"

#define POLL_INTERVAL_MS 100

struct _RelanceJob
{
  GObject         parent_instance;

  char           *title;
  char           *db_path;
  RelanceJobFunc  func;
  gpointer        data;
  GDestroyNotify  data_destroy;

  /* written by the worker, read by the main loop */
  GMutex          mutex;
  double          worker_fraction;
  char           *worker_text;

  /* main loop side */
  double          fraction;
  char           *text;
  guint           poll_id;
};

G_DEFINE_FINAL_TYPE (RelanceJob, relance_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
poll_progress (RelanceJob *self)
{
  g_autofree char *text = NULL;
  double fraction;

  g_mutex_lock (&self->mutex);
  fraction = self->worker_fraction;
  text = g_strdup (self->worker_text);
  g_mutex_unlock (&self->mutex);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (text != NULL && g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  poll_progress (RELANCE_JOB (user_data));

  return G_SOURCE_CONTINUE;
}

static void
stop_polling (RelanceJob *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RelanceJob *self = source_object;
  g_autoptr(RelanceDatabase) db = NULL;
  GError *error = NULL;

  db = relance_database_open (self->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!self->func (self, db, self->data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
relance_job_dispose (GObject *object)
{
  RelanceJob *self = (RelanceJob *) object;

  stop_polling (self);

  G_OBJECT_CLASS (relance_job_parent_class)->dispose (object);
}

static void
relance_job_finalize (GObject *object)
{
  RelanceJob *self = (RelanceJob *) object;

  if (self->data_destroy != NULL)
    g_clear_pointer (&self->data, self->data_destroy);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->worker_text, g_free);
  g_clear_pointer (&self->text, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (relance_job_parent_class)->finalize (object);
}

static void
relance_job_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RelanceJob *self = RELANCE_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_job_class_init (RelanceJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relance_job_dispose;
  object_class->finalize = relance_job_finalize;
  object_class->get_property = relance_job_get_property;

  /**
   * RelanceJob:title:
   *
   * What the job does, translated ("Computing the figures…").
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelanceJob:fraction:
   *
   * How much is done, from 0 to 1, as last read from the worker.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelanceJob:text:
   *
   * What the worker said it is doing, or the title until it says.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_job_init (RelanceJob *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * relance_job_new:
 * @title: what the job does, translated
 * @db_path: the database file the worker opens its own connection to
 * @func: the work, run in a thread
 * @data: (nullable): its data, readable again with relance_job_get_data()
 *   when the job is done (results go there)
 * @data_destroy: (nullable): frees @data with the job
 *
 * Returns: (transfer full): a job, not started
 */
RelanceJob *
relance_job_new (const char     *title,
                 const char     *db_path,
                 RelanceJobFunc  func,
                 gpointer        data,
                 GDestroyNotify  data_destroy)
{
  RelanceJob *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_JOB, NULL);
  self->title = g_strdup (title);
  self->text = g_strdup (title);
  self->db_path = g_strdup (db_path);
  self->func = func;
  self->data = data;
  self->data_destroy = data_destroy;

  return self;
}

const char *
relance_job_get_title (RelanceJob *self)
{
  g_return_val_if_fail (RELANCE_IS_JOB (self), NULL);

  return self->title;
}

double
relance_job_get_fraction (RelanceJob *self)
{
  g_return_val_if_fail (RELANCE_IS_JOB (self), 0.0);

  return self->fraction;
}

const char *
relance_job_get_text (RelanceJob *self)
{
  g_return_val_if_fail (RELANCE_IS_JOB (self), NULL);

  return self->text;
}

/**
 * relance_job_get_data:
 * @self: a #RelanceJob
 *
 * Returns: (transfer none): the data given to relance_job_new(); read it in
 *   the main thread only once the job is done
 */
gpointer
relance_job_get_data (RelanceJob *self)
{
  g_return_val_if_fail (RELANCE_IS_JOB (self), NULL);

  return self->data;
}

/**
 * relance_job_report:
 * @fraction: from 0 to 1
 * @what: (nullable): what is being done, translated
 * @job: the #RelanceJob
 *
 * A #RelanceProgressFunc: call it from the worker, as often as you like;
 * the main loop reads the last value ten times a second.
 */
void
relance_job_report (double      fraction,
                    const char *what,
                    gpointer    job)
{
  RelanceJob *self = job;

  g_return_if_fail (RELANCE_IS_JOB (self));

  g_mutex_lock (&self->mutex);
  self->worker_fraction = CLAMP (fraction, 0.0, 1.0);
  if (what != NULL && g_strcmp0 (what, self->worker_text) != 0)
    {
      g_free (self->worker_text);
      self->worker_text = g_strdup (what);
    }
  g_mutex_unlock (&self->mutex);
}

/**
 * relance_job_run_async:
 * @self: a #RelanceJob, not yet run
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the main loop when the job is done
 * @user_data: data for @callback
 *
 * Starts the job in a GTask thread.
 */
void
relance_job_run_async (RelanceJob          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RELANCE_IS_JOB (self));
  g_return_if_fail (self->poll_id == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, relance_job_run_async);
  g_task_set_name (task, self->title);

  self->poll_id = g_timeout_add (POLL_INTERVAL_MS, poll_progress_cb, self);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * relance_job_run_finish:
 * @self: a #RelanceJob
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: %FALSE with @error set when the job failed or was cancelled
 */
gboolean
relance_job_run_finish (RelanceJob    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (RELANCE_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  stop_polling (self);
  poll_progress (self);

  return g_task_propagate_boolean (G_TASK (result), error);
}
