/* relance-user-picker.h — a searchable list of colleagues with check boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_USER_PICKER (relance_user_picker_get_type ())

G_DECLARE_FINAL_TYPE (RelanceUserPicker, relance_user_picker, RELANCE, USER_PICKER, GtkWidget)

GtkWidget  *relance_user_picker_new          (void);
void        relance_user_picker_set_users    (RelanceUserPicker *self,
                                              GPtrArray         *users,
                                              const char        *except_login);
void        relance_user_picker_set_selected (RelanceUserPicker *self,
                                              const char        *login,
                                              gboolean           selected);
char      **relance_user_picker_get_selected (RelanceUserPicker *self);
guint       relance_user_picker_get_n_shown  (RelanceUserPicker *self);

G_END_DECLS
