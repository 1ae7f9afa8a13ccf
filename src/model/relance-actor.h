/* relance-actor.h — a party: customer, and later supplier, guarantor…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "relance-date.h"
#include "relance-validation.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_ACTOR_KIND_COMPANY,
  RELANCE_ACTOR_KIND_PERSON,
} RelanceActorKind;

#define RELANCE_TYPE_ACTOR_KIND (relance_actor_kind_get_type ())

GType             relance_actor_kind_get_type       (void) G_GNUC_CONST;

/* The credit-limit-cents of an actor that has no credit limit */
#define RELANCE_CREDIT_LIMIT_NONE (-1)

#define RELANCE_TYPE_ACTOR (relance_actor_get_type ())

G_DECLARE_FINAL_TYPE (RelanceActor, relance_actor, RELANCE, ACTOR, GObject)

RelanceActor     *relance_actor_new                 (const char   *code,
                                                     const char   *name);

/* Properties (all readable and writable, same names with '-'):
 * id (int64, 0 until stored), code, name, kind (RelanceActorKind),
 * siren, siret, vat-number, email, phone, mobile, address, postcode, city,
 * country (ISO 3166 alpha-2, default "FR"), language ("fr" default),
 * segment, agent, credit-limit-cents (int64, -1 = none),
 * credit-limit-currency ("EUR"), credit-limit-end (RelanceDate, 0 = none),
 * iban, payment-terms-days (int, 30 default), active (boolean, TRUE),
 * notes. */
gint64            relance_actor_get_id              (RelanceActor *self);
void              relance_actor_set_id              (RelanceActor *self, gint64 id);
const char       *relance_actor_get_code            (RelanceActor *self);
void              relance_actor_set_code            (RelanceActor *self, const char *code);
const char       *relance_actor_get_name            (RelanceActor *self);
void              relance_actor_set_name            (RelanceActor *self, const char *name);
RelanceActorKind  relance_actor_get_kind            (RelanceActor *self);
void              relance_actor_set_kind            (RelanceActor *self, RelanceActorKind kind);
const char       *relance_actor_get_siren           (RelanceActor *self);
void              relance_actor_set_siren           (RelanceActor *self, const char *siren);
const char       *relance_actor_get_siret           (RelanceActor *self);
void              relance_actor_set_siret           (RelanceActor *self, const char *siret);
const char       *relance_actor_get_vat_number      (RelanceActor *self);
void              relance_actor_set_vat_number      (RelanceActor *self, const char *vat_number);
const char       *relance_actor_get_email           (RelanceActor *self);
void              relance_actor_set_email           (RelanceActor *self, const char *email);
const char       *relance_actor_get_phone           (RelanceActor *self);
void              relance_actor_set_phone           (RelanceActor *self, const char *phone);
const char       *relance_actor_get_mobile          (RelanceActor *self);
void              relance_actor_set_mobile          (RelanceActor *self, const char *mobile);
const char       *relance_actor_get_address         (RelanceActor *self);
void              relance_actor_set_address         (RelanceActor *self, const char *address);
const char       *relance_actor_get_postcode        (RelanceActor *self);
void              relance_actor_set_postcode        (RelanceActor *self, const char *postcode);
const char       *relance_actor_get_city            (RelanceActor *self);
void              relance_actor_set_city            (RelanceActor *self, const char *city);
const char       *relance_actor_get_country         (RelanceActor *self);
void              relance_actor_set_country         (RelanceActor *self, const char *country);
const char       *relance_actor_get_language        (RelanceActor *self);
void              relance_actor_set_language        (RelanceActor *self, const char *language);
const char       *relance_actor_get_segment         (RelanceActor *self);
void              relance_actor_set_segment         (RelanceActor *self, const char *segment);
const char       *relance_actor_get_agent           (RelanceActor *self);
void              relance_actor_set_agent           (RelanceActor *self, const char *agent);
gint64            relance_actor_get_credit_limit_cents    (RelanceActor *self);
void              relance_actor_set_credit_limit_cents    (RelanceActor *self, gint64 cents);
const char       *relance_actor_get_credit_limit_currency (RelanceActor *self);
void              relance_actor_set_credit_limit_currency (RelanceActor *self, const char *currency);
RelanceDate       relance_actor_get_credit_limit_end      (RelanceActor *self);
void              relance_actor_set_credit_limit_end      (RelanceActor *self, RelanceDate date);
const char       *relance_actor_get_iban            (RelanceActor *self);
void              relance_actor_set_iban            (RelanceActor *self, const char *iban);
int               relance_actor_get_payment_terms_days (RelanceActor *self);
void              relance_actor_set_payment_terms_days (RelanceActor *self, int days);
gboolean          relance_actor_get_active          (RelanceActor *self);
void              relance_actor_set_active          (RelanceActor *self, gboolean active);
const char       *relance_actor_get_notes           (RelanceActor *self);
void              relance_actor_set_notes           (RelanceActor *self, const char *notes);

char             *relance_actor_dup_full_address    (RelanceActor *self);

void              relance_actor_validate            (RelanceActor      *self,
                                                     RelanceValidation *validation);

const char       *relance_actor_kind_to_string      (RelanceActorKind kind);
gboolean          relance_actor_kind_from_string    (const char       *text,
                                                     RelanceActorKind *kind);

G_END_DECLS
