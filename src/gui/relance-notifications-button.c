/* relance-notifications-button.c — the bell of the header bar: what colleagues sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When agents perform an action they may notify colleagues
 * (relance_action_perform). The bell shows how many of those messages
 * the window's user has not read, and its popover lists them, newest
 * first: activating one opens the action (win.open-action) and marks it
 * read. The list is read again when the popover opens, when the window's
 * data change, and every minute, since a colleague working in another
 * window or with relance-cli writes to the same database.
 */
#define G_LOG_DOMAIN "relance-notifications-button"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-notifications-button.h"
#include "relance-gui-utils.h"

/* Often enough that a colleague's message shows within a minute, rarely
 * enough that the query does not count */
#define POLL_SECONDS 60
/* Wider numbers would hide the bell */
#define BADGE_MAX    99
/* The width of the popover's rows, in characters */
#define MAX_WIDTH_CHARS 44

struct _RelanceNotificationsButton
{
  GtkWidget        parent_instance;

  /* template children */
  GtkMenuButton   *menu_button;
  GtkLabel        *badge_label;
  GtkPopover      *popover;
  GtkButton       *mark_all_button;
  GtkStack        *stack;
  GtkListBox      *list_box;

  /* state */
  RelanceDatabase *db;
  char            *user;
  GPtrArray       *entries;   /* of RelanceNotificationEntry, as the rows */
  guint            poll_id;
};

G_DEFINE_FINAL_TYPE (RelanceNotificationsButton, relance_notifications_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GtkWidget *
new_label (const char *text,
           const char *style_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* the natural width of a long message would be its whole line: the
   * popover's height is measured for a narrower width than it gets, and
   * its last row cut, unless every line has the same bound */
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_WIDTH_CHARS);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static GtkWidget *
new_row (const RelanceNotificationEntry *entry,
         GDateTime                      *now)
{
  g_autofree char *when = relance_notifications_format_when (entry->created_at, now);
  /* Translators: who sent a notification and when: "Marie Vallet · Today, 09:12" */
  g_autofree char *from = g_strdup_printf (_("%s · %s"), entry->created_by_name, when);
  /* Translators: a customer: its code and its name */
  g_autofree char *customer = g_strdup_printf (_("%s — %s"), entry->actor_code, entry->actor_name);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (box, "notification");
  gtk_box_append (GTK_BOX (box), new_label (from, "caption", FALSE));
  gtk_box_append (GTK_BOX (box), new_label (customer, "heading", FALSE));
  gtk_box_append (GTK_BOX (box), new_label (entry->action_title, NULL, FALSE));
  if (entry->message != NULL && *entry->message != '\0')
    gtk_box_append (GTK_BOX (box), new_label (entry->message, "dim-label", TRUE));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
update_count (RelanceNotificationsButton *self)
{
  guint n = self->entries != NULL ? self->entries->len : 0;
  g_autofree char *badge = n > BADGE_MAX ? g_strdup_printf ("%u+", BADGE_MAX)
                                         : g_strdup_printf ("%u", n);
  g_autofree char *tooltip = n == 0 ? g_strdup (_("No Unread Notifications"))
                                    : g_strdup_printf (ngettext ("%u Unread Notification",
                                                                 "%u Unread Notifications", n), n);
  g_autofree char *label = n == 0 ? g_strdup (_("No unread notifications"))
                                  : g_strdup_printf (ngettext ("%u unread notification",
                                                               "%u unread notifications", n), n);

  gtk_label_set_text (self->badge_label, badge);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), n > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mark_all_button), n > 0);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
fill_list (RelanceNotificationsButton *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    gtk_list_box_append (self->list_box, new_row (g_ptr_array_index (self->entries, i), now));
}

static void
stop_polling (RelanceNotificationsButton *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
}

/* Signal callbacks */

static gboolean
poll_cb (gpointer user_data)
{
  RelanceNotificationsButton *self = user_data;

  /* the list under the reader's pointer stays as it is */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    relance_notifications_button_reload (self);
  return G_SOURCE_CONTINUE;
}

static void
popover_shown_cb (RelanceNotificationsButton *self)
{
  relance_notifications_button_reload (self);
}

static void
row_activated_cb (RelanceNotificationsButton *self,
                  GtkListBoxRow              *row)
{
  int index = gtk_list_box_row_get_index (row);
  const RelanceNotificationEntry *entry;
  g_autoptr(GError) error = NULL;
  gint64 notification_id;
  gint64 action_id;

  if (self->entries == NULL || index < 0 || (guint) index >= self->entries->len)
    return;
  entry = g_ptr_array_index (self->entries, index);
  notification_id = entry->id;
  action_id = entry->action_id;

  /* read elsewhere meanwhile (another window, relance-cli): the action
   * opens all the same */
  if (!relance_notification_store_mark_read (self->db, notification_id, self->user, &error) &&
      !g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot mark notification %" G_GINT64_FORMAT " read: %s",
               notification_id, error->message);

  gtk_popover_popdown (self->popover);
  relance_notifications_button_reload (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-action", "x", action_id);
}

static void
mark_all_clicked_cb (RelanceNotificationsButton *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;
  if (!relance_notification_store_mark_all_read (self->db, self->user, NULL, &error))
    g_warning ("Cannot mark the notifications read: %s", error->message);
  gtk_popover_popdown (self->popover);
  relance_notifications_button_reload (self);
}

/* Overrides */

static void
relance_notifications_button_dispose (GObject *object)
{
  RelanceNotificationsButton *self = (RelanceNotificationsButton *) object;

  stop_polling (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), RELANCE_TYPE_NOTIFICATIONS_BUTTON);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_notifications_button_parent_class)->dispose (object);
}

static void
relance_notifications_button_finalize (GObject *object)
{
  RelanceNotificationsButton *self = (RelanceNotificationsButton *) object;

  g_free (self->user);

  G_OBJECT_CLASS (relance_notifications_button_parent_class)->finalize (object);
}

static void
relance_notifications_button_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  RelanceNotificationsButton *self = RELANCE_NOTIFICATIONS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_N_UNREAD:
      g_value_set_uint (value, relance_notifications_button_get_n_unread (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_notifications_button_class_init (RelanceNotificationsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_notifications_button_dispose;
  object_class->finalize = relance_notifications_button_finalize;
  object_class->get_property = relance_notifications_button_get_property;

  /**
   * RelanceNotificationsButton:n-unread:
   *
   * How many notifications the user has not read.
   */
  properties[PROP_N_UNREAD] =
    g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-notifications-button.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceNotificationsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotificationsButton, badge_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotificationsButton, popover);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotificationsButton, mark_all_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotificationsButton, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceNotificationsButton, list_box);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_all_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notificationsbutton");
}

static void
relance_notifications_button_init (RelanceNotificationsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_count (self);
  /* nothing to show before a database is open */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public API */

/**
 * relance_notifications_button_new:
 *
 * Returns: (transfer floating): a bell with no database
 */
GtkWidget *
relance_notifications_button_new (void)
{
  return g_object_new (RELANCE_TYPE_NOTIFICATIONS_BUTTON, NULL);
}

/**
 * relance_notifications_button_set_database:
 * @self: a #RelanceNotificationsButton
 * @db: (nullable): the database, %NULL to hide the bell
 * @user: (nullable): whose notifications to show, the database's user
 *   when %NULL
 *
 * Shows the unread notifications of @user in @db, and reads them again
 * every minute while the bell is in a window.
 */
void
relance_notifications_button_set_database (RelanceNotificationsButton *self,
                                           RelanceDatabase            *db,
                                           const char                 *user)
{
  g_return_if_fail (RELANCE_IS_NOTIFICATIONS_BUTTON (self));
  g_return_if_fail (db == NULL || RELANCE_IS_DATABASE (db));

  g_set_object (&self->db, db);
  g_free (self->user);
  self->user = db == NULL ? NULL
                          : g_strdup (user != NULL ? user : relance_database_get_user (db));
  gtk_widget_set_visible (GTK_WIDGET (self), db != NULL);
  if (db == NULL)
    stop_polling (self);
  else if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  relance_notifications_button_reload (self);
}

/**
 * relance_notifications_button_reload:
 * @self: a #RelanceNotificationsButton
 *
 * Reads the unread notifications again: the count and the list.
 */
void
relance_notifications_button_reload (RelanceNotificationsButton *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_return_if_fail (RELANCE_IS_NOTIFICATIONS_BUTTON (self));

  before = relance_notifications_button_get_n_unread (self);
  if (self->db != NULL)
    {
      entries = relance_notification_store_list_entries (self->db, self->user, &error);
      if (entries == NULL)
        g_warning ("Cannot read the notifications of %s: %s", self->user, error->message);
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  fill_list (self);
  update_count (self);
  if (relance_notifications_button_get_n_unread (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
}

/**
 * relance_notifications_button_get_n_unread:
 * @self: a #RelanceNotificationsButton
 *
 * Returns: how many notifications the user has not read, as last read
 */
guint
relance_notifications_button_get_n_unread (RelanceNotificationsButton *self)
{
  g_return_val_if_fail (RELANCE_IS_NOTIFICATIONS_BUTTON (self), 0);

  return self->entries != NULL ? self->entries->len : 0;
}

/**
 * relance_notifications_button_get_list:
 * @self: a #RelanceNotificationsButton
 *
 * Returns: (transfer none): the list of the popover, one row per unread
 *   notification, newest first (for the tests)
 */
GtkListBox *
relance_notifications_button_get_list (RelanceNotificationsButton *self)
{
  g_return_val_if_fail (RELANCE_IS_NOTIFICATIONS_BUTTON (self), NULL);

  return self->list_box;
}

/**
 * relance_notifications_button_popup:
 * @self: a #RelanceNotificationsButton
 *
 * Opens the popover, as a click on the bell does.
 */
void
relance_notifications_button_popup (RelanceNotificationsButton *self)
{
  g_return_if_fail (RELANCE_IS_NOTIFICATIONS_BUTTON (self));

  gtk_menu_button_popup (self->menu_button);
}

/**
 * relance_notifications_format_when:
 * @created_at: when a notification was sent, ISO 8601
 * @now: the current time
 *
 * Says when, by the day in the local time zone: "Today, 09:12",
 * "Yesterday, 17:40", "3 days ago" within a week, else the date.
 *
 * Returns: (transfer full): the text; @created_at itself when it is not
 *   a time
 */
char *
relance_notifications_format_when (const char *created_at,
                                   GDateTime  *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *time = NULL;
  RelanceDate day;
  gint64 days;

  g_return_val_if_fail (created_at != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  utc = g_date_time_new_from_iso8601 (created_at, NULL);
  if (utc == NULL)
    return g_strdup (created_at);
  local = g_date_time_to_local (utc);
  local_now = g_date_time_to_local (now);
  day = relance_date_new (g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
  days = (gint64) relance_date_new (g_date_time_get_year (local_now),
                                    g_date_time_get_month (local_now),
                                    g_date_time_get_day_of_month (local_now)) - day;
  time = g_date_time_format (local, "%H:%M");

  if (days == 0)
    /* Translators: when a notification was sent: "Today, 09:12" */
    return g_strdup_printf (_("Today, %s"), time);
  if (days == 1)
    /* Translators: when a notification was sent: "Yesterday, 17:40" */
    return g_strdup_printf (_("Yesterday, %s"), time);
  if (days > 1 && days < 7)
    return g_strdup_printf (ngettext ("%u day ago", "%u days ago", (gulong) days), (guint) days);
  return relance_gui_format_date (day);
}
