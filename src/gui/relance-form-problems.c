/* relance-form-problems.c — a form's problems: blocking in red, warnings
 * in orange, each with its field, and a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cassiopae's data-entry controls: blocking problems (red) stop saving,
 * warnings (orange) only warn, and a summary lists all of them with
 * their origin. The controls themselves are the engine's
 * (relance-form-checks.h); this widget lists a RelanceValidation and
 * marks the fields it knows with the libadwaita classes .error and
 * .warning, the message as their tooltip, so that the problem is also
 * shown next to the field.
 */
#define G_LOG_DOMAIN "relance-form-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "relance-form-problems.h"
#include "relance-gui-utils.h"

typedef struct
{
  GtkWidget *widget;
  char      *label;
} Field;

struct _RelanceFormProblems
{
  GtkWidget   parent_instance;

  /* template children */
  GtkWidget  *box;
  GtkLabel   *summary_label;
  GtkListBox *list;

  /* field name → Field */
  GHashTable *fields;
  guint       n_blocking;
  guint       n_warnings;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (RelanceFormProblems, relance_form_problems, GTK_TYPE_WIDGET)

/* Helpers */

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_object (&field->widget);
  g_free (field->label);
  g_free (field);
}

static void
unmark (Field *field)
{
  gtk_widget_remove_css_class (field->widget, "error");
  gtk_widget_remove_css_class (field->widget, "warning");
  gtk_widget_set_tooltip_text (field->widget, NULL);
}

static GtkWidget *
problem_row (const RelanceIssue *issue,
             const char         *label)
{
  gboolean blocking = issue->severity == RELANCE_SEVERITY_BLOCKING;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (blocking ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  GtkWidget *field = gtk_label_new (label);
  GtkWidget *message = gtk_label_new (issue->message);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (box, "problem");
  gtk_widget_add_css_class (box, blocking ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (field, "heading");
  gtk_label_set_xalign (GTK_LABEL (field), 0);
  gtk_widget_set_valign (field, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), field);
  gtk_box_append (GTK_BOX (box), message);

  /* Translators: read by a screen reader: "Blocking: Amount: …" */
  accessible = g_strdup_printf (blocking ? _("Blocking: %s: %s") : _("Warning: %s: %s"),
                                label, issue->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return box;
}

static char *
make_summary (guint n_blocking,
              guint n_warnings)
{
  g_autofree char *blocking = NULL;
  g_autofree char *warnings = NULL;

  if (n_blocking > 0)
    blocking = g_strdup_printf (ngettext ("%u problem stops saving", "%u problems stop saving",
                                          n_blocking), n_blocking);
  if (n_warnings > 0)
    warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  if (blocking != NULL && warnings != NULL)
    /* Translators: "2 problems stop saving, 1 warning" */
    return g_strdup_printf (_("%s, %s"), blocking, warnings);
  if (blocking != NULL)
    return g_steal_pointer (&blocking);
  return g_steal_pointer (&warnings);
}

/* Overrides */

static void
relance_form_problems_dispose (GObject *object)
{
  RelanceFormProblems *self = RELANCE_FORM_PROBLEMS (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_FORM_PROBLEMS);

  G_OBJECT_CLASS (relance_form_problems_parent_class)->dispose (object);
}

static void
relance_form_problems_finalize (GObject *object)
{
  RelanceFormProblems *self = RELANCE_FORM_PROBLEMS (object);

  g_free (self->summary);

  G_OBJECT_CLASS (relance_form_problems_parent_class)->finalize (object);
}

static void
relance_form_problems_class_init (RelanceFormProblemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_form_problems_dispose;
  object_class->finalize = relance_form_problems_finalize;

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-form-problems.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceFormProblems, box);
  gtk_widget_class_bind_template_child (widget_class, RelanceFormProblems, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceFormProblems, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "formproblems");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
relance_form_problems_init (RelanceFormProblems *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, field_free);
}

/* Public API */

GtkWidget *
relance_form_problems_new (void)
{
  return g_object_new (RELANCE_TYPE_FORM_PROBLEMS, NULL);
}

/**
 * relance_form_problems_add_field:
 * @self: a #RelanceFormProblems
 * @field: the name the controls give the field ("amount")
 * @widget: the widget that holds it, marked when it has a problem
 * @label: the field's name for people, shown as the problem's origin
 *
 * Says which widget a field is and what to call it.
 */
void
relance_form_problems_add_field (RelanceFormProblems *self,
                                 const char          *field,
                                 GtkWidget           *widget,
                                 const char          *label)
{
  Field *info;

  g_return_if_fail (RELANCE_IS_FORM_PROBLEMS (self));
  g_return_if_fail (field != NULL && GTK_IS_WIDGET (widget) && label != NULL);

  info = g_new0 (Field, 1);
  info->widget = g_object_ref (widget);
  info->label = g_strdup (label);
  g_hash_table_replace (self->fields, g_strdup (field), info);
}

/**
 * relance_form_problems_remove_field:
 * @self: a #RelanceFormProblems
 * @field: a field added before (a row of a list that was removed)
 */
void
relance_form_problems_remove_field (RelanceFormProblems *self,
                                    const char          *field)
{
  Field *info;

  g_return_if_fail (RELANCE_IS_FORM_PROBLEMS (self));

  info = g_hash_table_lookup (self->fields, field);
  if (info != NULL)
    {
      unmark (info);
      g_hash_table_remove (self->fields, field);
    }
}

/**
 * relance_form_problems_show:
 * @self: a #RelanceFormProblems
 * @validation: the problems of the form now
 *
 * Lists the problems, blocking ones first, marks their fields, and
 * hides the widget when there is none.
 */
void
relance_form_problems_show (RelanceFormProblems *self,
                            RelanceValidation   *validation)
{
  GHashTableIter iter;
  gpointer value;
  GtkWidget *child;
  guint n;

  g_return_if_fail (RELANCE_IS_FORM_PROBLEMS (self));
  g_return_if_fail (RELANCE_IS_VALIDATION (validation));

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    unmark (value);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  self->n_blocking = self->n_warnings = 0;
  n = relance_validation_get_n_issues (validation);
  /* blocking first: what must be fixed before saving */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const RelanceIssue *issue = relance_validation_get_issue (validation, i);
        RelanceSeverity wanted = pass == 0 ? RELANCE_SEVERITY_BLOCKING : RELANCE_SEVERITY_WARNING;
        Field *field;

        if (issue->severity != wanted)
          continue;
        field = issue->field != NULL ? g_hash_table_lookup (self->fields, issue->field) : NULL;
        gtk_list_box_append (self->list,
                             problem_row (issue, field != NULL ? field->label
                                                               : issue->field != NULL ? issue->field : ""));
        if (wanted == RELANCE_SEVERITY_BLOCKING)
          self->n_blocking++;
        else
          self->n_warnings++;
        /* a field keeps the mark of its worst problem, blocking first */
        if (field != NULL && !gtk_widget_has_css_class (field->widget, "error") &&
            !gtk_widget_has_css_class (field->widget, "warning"))
          {
            gtk_widget_add_css_class (field->widget,
                                      wanted == RELANCE_SEVERITY_BLOCKING ? "error" : "warning");
            gtk_widget_set_tooltip_text (field->widget, issue->message);
          }
      }

  g_free (self->summary);
  self->summary = make_summary (self->n_blocking, self->n_warnings);
  gtk_label_set_text (self->summary_label, self->summary != NULL ? self->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self), self->summary != NULL);
}

guint
relance_form_problems_get_n_blocking (RelanceFormProblems *self)
{
  g_return_val_if_fail (RELANCE_IS_FORM_PROBLEMS (self), 0);

  return self->n_blocking;
}

guint
relance_form_problems_get_n_warnings (RelanceFormProblems *self)
{
  g_return_val_if_fail (RELANCE_IS_FORM_PROBLEMS (self), 0);

  return self->n_warnings;
}

/**
 * relance_form_problems_get_summary:
 * @self: a #RelanceFormProblems
 *
 * Returns: (nullable): « 2 problems stop saving, 1 warning », %NULL when
 *   there is no problem
 */
const char *
relance_form_problems_get_summary (RelanceFormProblems *self)
{
  g_return_val_if_fail (RELANCE_IS_FORM_PROBLEMS (self), NULL);

  return self->summary;
}
