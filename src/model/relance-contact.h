/* relance-contact.h — a person at an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "relance-validation.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CONTACT (relance_contact_get_type ())

G_DECLARE_FINAL_TYPE (RelanceContact, relance_contact, RELANCE, CONTACT, GObject)

/* Properties: id (int64), actor-id (int64), name, title (e.g. "M.", "Mme"),
 * role (function: "Comptable", "DAF"…), email, phone, mobile,
 * language ("fr"), dunning (boolean: the contact that dunning letters and
 * calls go to). */
RelanceContact *relance_contact_new            (gint64          actor_id,
                                                const char     *name);
gint64          relance_contact_get_id         (RelanceContact *self);
void            relance_contact_set_id         (RelanceContact *self, gint64 id);
gint64          relance_contact_get_actor_id   (RelanceContact *self);
void            relance_contact_set_actor_id   (RelanceContact *self, gint64 actor_id);
const char     *relance_contact_get_name       (RelanceContact *self);
void            relance_contact_set_name       (RelanceContact *self, const char *name);
const char     *relance_contact_get_title      (RelanceContact *self);
void            relance_contact_set_title      (RelanceContact *self, const char *title);
const char     *relance_contact_get_role       (RelanceContact *self);
void            relance_contact_set_role       (RelanceContact *self, const char *role);
const char     *relance_contact_get_email      (RelanceContact *self);
void            relance_contact_set_email      (RelanceContact *self, const char *email);
const char     *relance_contact_get_phone      (RelanceContact *self);
void            relance_contact_set_phone      (RelanceContact *self, const char *phone);
const char     *relance_contact_get_mobile     (RelanceContact *self);
void            relance_contact_set_mobile     (RelanceContact *self, const char *mobile);
const char     *relance_contact_get_language   (RelanceContact *self);
void            relance_contact_set_language   (RelanceContact *self, const char *language);
gboolean        relance_contact_get_dunning    (RelanceContact *self);
void            relance_contact_set_dunning    (RelanceContact *self, gboolean dunning);

void            relance_contact_validate       (RelanceContact    *self,
                                                RelanceValidation *validation);

G_END_DECLS
