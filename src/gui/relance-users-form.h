/* relance-users-form.h — the people who use Relance, and a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_USERS_FORM (relance_users_form_get_type ())

G_DECLARE_FINAL_TYPE (RelanceUsersForm, relance_users_form, RELANCE, USERS_FORM, GtkWidget)

GtkWidget         *relance_users_form_new            (void);
void               relance_users_form_set_database   (RelanceUsersForm *self,
                                                      RelanceDatabase  *db);
guint              relance_users_form_get_n_users    (RelanceUsersForm *self);
GtkWidget         *relance_users_form_get_field      (RelanceUsersForm *self,
                                                      const char       *field);
RelanceValidation *relance_users_form_get_validation (RelanceUsersForm *self);
gboolean           relance_users_form_add            (RelanceUsersForm *self,
                                                      GError          **error);
gboolean           relance_users_form_edit           (RelanceUsersForm *self,
                                                      const char       *login,
                                                      GError          **error);
GtkWidget         *relance_users_form_get_edit_field (RelanceUsersForm *self,
                                                      const char       *field);
RelanceValidation *relance_users_form_get_edit_validation (RelanceUsersForm *self);
gboolean           relance_users_form_save_user      (RelanceUsersForm *self,
                                                      GError          **error);

G_END_DECLS
