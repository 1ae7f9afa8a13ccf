/* relance-user-edit-store.h — changing a user: name, role, email, active
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-user-store.h"

G_BEGIN_DECLS

/* Whether @role may manage: see every agenda, run the daily run, design
 * the scenarios (a credit manager or an administrator) */
gboolean relance_user_role_manages             (RelanceUserRole     role);

/* The active users who manage, the user @except_id left out (0 for none);
 * -1 with @error set when SQLite fails */
gint64   relance_user_store_count_managers     (RelanceDatabase    *db,
                                                gint64              except_id,
                                                GError            **error);

/* Writes the name, role, email and active flag of the stored user
 * @user->id (its login, the key other rows name it by, never changes),
 * with an audit line "field: before → after" of what changed. Refused
 * with RELANCE_STORE_ERROR_INVALID when it would leave no active user who
 * manages, or when the name is empty; RELANCE_STORE_ERROR_NOT_FOUND when
 * there is no such user. */
gboolean relance_user_store_update             (RelanceDatabase    *db,
                                                const RelanceUser  *user,
                                                GError            **error);

G_END_DECLS
