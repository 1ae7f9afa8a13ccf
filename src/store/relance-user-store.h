/* relance-user-store.h — the people who use Relance: agents and managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_USER_ROLE_AGENT,    /* chargé de recouvrement: works the agenda */
  RELANCE_USER_ROLE_MANAGER,  /* credit manager: sees every agenda, designs scenarios */
  RELANCE_USER_ROLE_ADMIN,
} RelanceUserRole;

/**
 * RelanceUser:
 * @login: the key that actors (actor.agent), cases, actions and
 *   notifications name the user by
 *
 * A user of the application (table app_user).
 */
typedef struct
{
  gint64           id;
  char            *login;
  char            *name;
  RelanceUserRole  role;
  char            *email;
  gboolean         active;
} RelanceUser;

RelanceUser *relance_user_new                (const char       *login,
                                              const char       *name,
                                              RelanceUserRole   role);
void         relance_user_free               (RelanceUser      *user);

const char  *relance_user_role_to_string     (RelanceUserRole   role);
gboolean     relance_user_role_from_string   (const char       *text,
                                              RelanceUserRole  *role);
/* A login is 1 to 64 characters among a–z, 0–9, '.', '_' and '-' */
gboolean     relance_user_login_is_valid     (const char       *login);

gboolean     relance_user_store_insert       (RelanceDatabase  *db,
                                              RelanceUser      *user,
                                              GError          **error);
/* Returns NULL with no error when there is no such user. */
RelanceUser *relance_user_store_find         (RelanceDatabase  *db,
                                              const char       *login,
                                              GError          **error);
/* The first active user with @role by login, NULL when there is none */
RelanceUser *relance_user_store_find_by_role (RelanceDatabase  *db,
                                              RelanceUserRole   role,
                                              GError          **error);
/* Every user (RelanceUser *, freed by the array), by login */
GPtrArray   *relance_user_store_list         (RelanceDatabase  *db,
                                              GError          **error);
gint64       relance_user_store_count        (RelanceDatabase  *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceUser, relance_user_free)

G_END_DECLS
