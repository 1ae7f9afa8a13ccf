/* relance-mail-form.h — the mail server dunning emails leave through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_MAIL_FORM (relance_mail_form_get_type ())

G_DECLARE_FINAL_TYPE (RelanceMailForm, relance_mail_form, RELANCE, MAIL_FORM, GtkWidget)

GtkWidget  *relance_mail_form_new          (void);
void        relance_mail_form_set_database (RelanceMailForm *self,
                                            RelanceDatabase *db,
                                            const char      *user);
GtkWidget  *relance_mail_form_get_field    (RelanceMailForm *self,
                                            const char      *name);
void        relance_mail_form_set_ca_file  (RelanceMailForm *self,
                                            const char      *path);
gboolean    relance_mail_form_save         (RelanceMailForm *self,
                                            GError         **error);
gboolean    relance_mail_form_get_busy     (RelanceMailForm *self);
const char *relance_mail_form_get_status   (RelanceMailForm *self);

G_END_DECLS
