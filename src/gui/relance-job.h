/* relance-job.h — long work in a thread, with its own database connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_JOB (relance_job_get_type ())

G_DECLARE_FINAL_TYPE (RelanceJob, relance_job, RELANCE, JOB, GObject)

/**
 * RelanceJobFunc:
 * @job: the job, whose relance_job_report() is a #RelanceProgressFunc
 * @db: a connection opened for this job in its thread
 * @data: the data given to relance_job_new()
 * @cancellable: (nullable): honour it
 * @error: a #GError
 *
 * Runs in a worker thread: touches no widget.
 *
 * Returns: %FALSE with @error set on failure
 */
typedef gboolean (*RelanceJobFunc) (RelanceJob       *job,
                                    RelanceDatabase  *db,
                                    gpointer          data,
                                    GCancellable     *cancellable,
                                    GError          **error);

RelanceJob   *relance_job_new            (const char          *title,
                                          const char          *db_path,
                                          RelanceJobFunc       func,
                                          gpointer             data,
                                          GDestroyNotify       data_destroy);
const char   *relance_job_get_title      (RelanceJob          *self);
double        relance_job_get_fraction   (RelanceJob          *self);
const char   *relance_job_get_text       (RelanceJob          *self);
gpointer      relance_job_get_data       (RelanceJob          *self);
void          relance_job_report         (double               fraction,
                                          const char          *what,
                                          gpointer             job);
void          relance_job_run_async      (RelanceJob          *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean      relance_job_run_finish     (RelanceJob          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
