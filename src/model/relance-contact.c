/* relance-contact.c — a person at an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-contact.h"

struct _RelanceContact
{
  GObject   parent_instance;

  gint64    id;
  gint64    actor_id;
  char     *name;
  char     *title;
  char     *role;
  char     *email;
  char     *phone;
  char     *mobile;
  char     *language;
  gboolean  dunning;
};

G_DEFINE_FINAL_TYPE (RelanceContact, relance_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTOR_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_MOBILE,
  PROP_LANGUAGE,
  PROP_DUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_LANGUAGE "fr"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Replaces *field by a copy of value; FALSE when it was already equal, so
 * that the setter notifies only a change. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

static void
relance_contact_finalize (GObject *object)
{
  RelanceContact *self = (RelanceContact *) object;

  g_free (self->name);
  g_free (self->title);
  g_free (self->role);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->mobile);
  g_free (self->language);

  G_OBJECT_CLASS (relance_contact_parent_class)->finalize (object);
}

static void
relance_contact_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RelanceContact *self = RELANCE_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_MOBILE:
      g_value_set_string (value, self->mobile);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_DUNNING:
      g_value_set_boolean (value, self->dunning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_contact_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RelanceContact *self = RELANCE_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      relance_contact_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACTOR_ID:
      relance_contact_set_actor_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      relance_contact_set_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      relance_contact_set_title (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      relance_contact_set_role (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      relance_contact_set_email (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      relance_contact_set_phone (self, g_value_get_string (value));
      break;
    case PROP_MOBILE:
      relance_contact_set_mobile (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      relance_contact_set_language (self, g_value_get_string (value));
      break;
    case PROP_DUNNING:
      relance_contact_set_dunning (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_contact_class_init (RelanceContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = relance_contact_finalize;
  object_class->get_property = relance_contact_get_property;
  object_class->set_property = relance_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * RelanceContact:actor-id:
   *
   * The id of the actor the contact works for.
   */
  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * RelanceContact:title:
   *
   * The courtesy title of the letters: "M.", "Mme"…
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * RelanceContact:role:
   *
   * The contact's function: "Comptable", "DAF"…
   */
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_MOBILE] = g_param_spec_string ("mobile", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, DEFAULT_LANGUAGE, flags);

  /**
   * RelanceContact:dunning:
   *
   * Whether dunning letters, e-mails and calls go to this contact.
   */
  properties[PROP_DUNNING] =
    g_param_spec_boolean ("dunning", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_contact_init (RelanceContact *self)
{
  self->language = g_strdup (DEFAULT_LANGUAGE);
}

/**
 * relance_contact_new:
 * @actor_id: the id of the actor, 0 when it is not stored yet
 * @name: (nullable): the contact's full name
 *
 * Returns: (transfer full): a new #RelanceContact
 */
RelanceContact *
relance_contact_new (gint64      actor_id,
                     const char *name)
{
  g_return_val_if_fail (actor_id >= 0, NULL);

  return g_object_new (RELANCE_TYPE_CONTACT,
                       "actor-id", actor_id,
                       "name", name,
                       NULL);
}

gint64
relance_contact_get_id (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), 0);

  return self->id;
}

void
relance_contact_set_id (RelanceContact *self,
                        gint64          id)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
relance_contact_get_actor_id (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), 0);

  return self->actor_id;
}

void
relance_contact_set_actor_id (RelanceContact *self,
                              gint64          actor_id)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));
  g_return_if_fail (actor_id >= 0);

  if (self->actor_id == actor_id)
    return;
  self->actor_id = actor_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

const char *
relance_contact_get_name (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->name;
}

void
relance_contact_set_name (RelanceContact *self,
                          const char     *name)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
relance_contact_get_title (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->title;
}

void
relance_contact_set_title (RelanceContact *self,
                           const char     *title)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
relance_contact_get_role (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->role;
}

void
relance_contact_set_role (RelanceContact *self,
                          const char     *role)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
relance_contact_get_email (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->email;
}

void
relance_contact_set_email (RelanceContact *self,
                           const char     *email)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
relance_contact_get_phone (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->phone;
}

void
relance_contact_set_phone (RelanceContact *self,
                           const char     *phone)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
relance_contact_get_mobile (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->mobile;
}

void
relance_contact_set_mobile (RelanceContact *self,
                            const char     *mobile)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->mobile, mobile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOBILE]);
}

const char *
relance_contact_get_language (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), NULL);

  return self->language;
}

/**
 * relance_contact_set_language:
 * @self: a #RelanceContact
 * @language: (nullable): "fr" or "en", the language of what is sent to
 *   this contact
 */
void
relance_contact_set_language (RelanceContact *self,
                              const char     *language)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  if (set_string (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

gboolean
relance_contact_get_dunning (RelanceContact *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTACT (self), FALSE);

  return self->dunning;
}

void
relance_contact_set_dunning (RelanceContact *self,
                             gboolean        dunning)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));

  dunning = !!dunning;
  if (self->dunning == dunning)
    return;
  self->dunning = dunning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUNNING]);
}

/**
 * relance_contact_validate:
 * @self: a #RelanceContact
 * @validation: where to add the issues
 *
 * Checks the contact before it is saved: a name (blocking), a well-formed
 * e-mail (blocking), and some way to reach the person (warning).
 */
void
relance_contact_validate (RelanceContact    *self,
                          RelanceValidation *validation)
{
  g_return_if_fail (RELANCE_IS_CONTACT (self));
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  if (is_blank (self->name))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "name",
                            _("The name is empty: enter the contact’s full name."));

  if (!is_blank (self->email) && !relance_check_email (self->email))
    relance_validation_add (validation, RELANCE_SEVERITY_BLOCKING, "email",
                            _("“%s” is not an e-mail address: write a single "
                              "address such as name@example.fr, without spaces."),
                            self->email);

  if (is_blank (self->email) && is_blank (self->phone) && is_blank (self->mobile))
    relance_validation_add (validation, RELANCE_SEVERITY_WARNING, "email",
                            _("This contact has no e-mail address, phone or mobile "
                              "number: add one so that the contact can be reached."));
}
