/* test-settings-view.c — the settings page: templates, letterhead, mail
 * server and users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb and a private session bus, as test-window.c: each test
 * shows the real settings page from its template in a window, on a fresh
 * database of its own, drives the forms as a user would and reads back
 * through the store what was (or was not) written.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "gui-fixture.h"
#include "relance-company-form.h"
#include "relance-gui-utils.h"
#include "relance-mail-form.h"
#include "relance-mail-settings.h"
#include "relance-settings-checks.h"
#include "relance-settings-view.h"
#include "relance-template-editor.h"
#include "relance-users-form.h"

/* A reminder as a user would have written it */
#define BODY "Madame, Monsieur,\n\nSauf erreur de notre part, [[OUTSTANDING]] reste dû.\n\n[[INVOICE_TABLE]]"

typedef struct
{
  char                *dir;
  char                *path;
  RelanceDatabase     *db;
  GtkWindow           *window;
  RelanceSettingsView *view;
} Fixture;

/* The first widget of @type under @widget */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
setup (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) tpl = relance_template_new ();
  Fixture *fx = g_new0 (Fixture, 1);

  fx->dir = g_dir_make_tmp ("relance-settings-XXXXXX", &error);
  assert_non_null (fx->dir);
  fx->path = g_build_filename (fx->dir, "settings.db", NULL);
  fx->db = relance_database_open (fx->path, &error);
  if (fx->db == NULL)
    fail_msg ("open: %s", error->message);
  relance_database_set_user (fx->db, "mvallet");

  /* two templates of our own, one per language: the test does not
   * depend on the wording of the seeded ones */
  tpl->code = g_strdup ("test_reminder");
  tpl->language = g_strdup ("fr");
  tpl->kind = RELANCE_TEMPLATE_KIND_LETTER;
  tpl->level = 1;
  tpl->name = g_strdup ("Relance de test");
  tpl->subject = g_strdup ("Factures impayées");
  tpl->body = g_strdup (BODY);
  tpl->active = TRUE;
  if (!relance_template_store_save (fx->db, tpl, &error))
    fail_msg ("template: %s", error->message);
  tpl->id = 0;
  g_free (tpl->language);
  tpl->language = g_strdup ("en");
  if (!relance_template_store_save (fx->db, tpl, &error))
    fail_msg ("template: %s", error->message);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1100, 760);
  fx->view = RELANCE_SETTINGS_VIEW (relance_settings_view_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->view));
  relance_settings_view_set_database (fx->view, fx->db, "mvallet");
  gtk_window_present (fx->window);
  gui_spin (50);

  *state = fx;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fx = *state;

  gui_destroy_and_check (g_steal_pointer (&fx->window), "window");
  g_clear_object (&fx->db);
  gui_database_remove (&fx->dir, &fx->path);
  g_free (fx);
  return 0;
}

static RelanceTemplateEditor *
template_editor (Fixture *fx)
{
  return RELANCE_TEMPLATE_EDITOR (find_widget (GTK_WIDGET (fx->view), RELANCE_TYPE_TEMPLATE_EDITOR));
}

static void
append_text (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
test_template_unknown_placeholder_blocks_save (void **state)
{
  Fixture *fx = *state;
  RelanceTemplateEditor *editor = template_editor (fx);
  GtkTextBuffer *buffer = relance_template_editor_get_buffer (editor);
  g_autoptr(RelanceTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  assert_true (relance_template_editor_select (editor, "test_reminder", "fr"));
  assert_null (relance_template_editor_get_problem (editor));
  assert_false (relance_template_editor_can_save (editor));   /* nothing changed yet */

  /* BODY has 5 lines; "\n\nMerci de régler [[FOO]]" adds a blank 6th
   * and a 7th where [[FOO]] follows the 16 characters of "Merci de
   * régler ": line 7, column 17 */
  append_text (buffer, "\n\nMerci de régler [[FOO]]");
  problem = relance_template_editor_get_problem (editor);
  assert_non_null (problem);
  assert_non_null (strstr (problem, "FOO"));
  assert_non_null (strstr (problem, "7"));
  assert_non_null (strstr (problem, "17"));
  assert_false (relance_template_editor_can_save (editor));

  /* the action does nothing, and saving by hand is refused */
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL);
  assert_false (relance_template_editor_save (editor, &error));
  assert_non_null (error);

  stored = relance_template_store_find (fx->db, "test_reminder", "fr", FALSE, NULL);
  assert_non_null (stored);
  assert_string_equal (stored->body, BODY);
}

static void
test_template_correct_edit_is_saved (void **state)
{
  Fixture *fx = *state;
  RelanceTemplateEditor *editor = template_editor (fx);
  GtkTextBuffer *buffer = relance_template_editor_get_buffer (editor);
  g_autoptr(RelanceTemplate) stored = NULL;
  g_autoptr(RelanceTemplate) other = NULL;

  assert_true (relance_template_editor_select (editor, "test_reminder", "fr"));
  append_text (buffer, "\n\nÀ régler avant le [[DEADLINE]].");
  assert_null (relance_template_editor_get_problem (editor));
  assert_true (relance_template_editor_can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL);
  assert_false (relance_template_editor_can_save (editor));   /* saved: nothing to save */

  stored = relance_template_store_find (fx->db, "test_reminder", "fr", FALSE, NULL);
  assert_non_null (stored);
  assert_string_equal (stored->body, BODY "\n\nÀ régler avant le [[DEADLINE]].");
  assert_string_equal (stored->updated_by, "mvallet");
  /* the English one is untouched */
  other = relance_template_store_find (fx->db, "test_reminder", "en", FALSE, NULL);
  assert_string_equal (other->body, BODY);
}

static void
test_template_deactivate_keeps_it (void **state)
{
  Fixture *fx = *state;
  RelanceTemplateEditor *editor = template_editor (fx);
  g_autoptr(RelanceTemplate) stored = NULL;

  assert_true (relance_template_editor_select (editor, "test_reminder", "en"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.toggle-active", NULL);

  stored = relance_template_store_find (fx->db, "test_reminder", "en", FALSE, NULL);
  assert_non_null (stored);
  assert_false (stored->active);
  assert_null (relance_template_store_find (fx->db, "test_reminder", "en", TRUE, NULL));
}

static void
test_template_list_filters_by_language (void **state)
{
  Fixture *fx = *state;
  RelanceTemplateEditor *editor = template_editor (fx);
  g_autoptr(GPtrArray) all = relance_template_store_list (fx->db, NULL);
  guint n_en = 0;

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((RelanceTemplate *) g_ptr_array_index (all, i))->language, "en") == 0)
      n_en++;

  assert_int_equal (relance_template_editor_get_n_shown (editor), all->len);
  relance_template_editor_set_language (editor, "en");
  /* the seeded ones in English, and ours */
  assert_true (n_en >= 1);
  assert_int_equal (relance_template_editor_get_n_shown (editor), n_en);
  relance_template_editor_set_language (editor, NULL);
  assert_int_equal (relance_template_editor_get_n_shown (editor), all->len);
}

static RelanceCompanyForm *
company_form (Fixture *fx)
{
  return RELANCE_COMPANY_FORM (find_widget (GTK_WIDGET (fx->view), RELANCE_TYPE_COMPANY_FORM));
}

static void
set_company_field (RelanceCompanyForm *form,
                   const char         *field,
                   const char         *text)
{
  GtkWidget *row = relance_company_form_get_row (form, field);

  assert_non_null (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_company_wrong_siren_is_blocking (void **state)
{
  Fixture *fx = *state;
  RelanceCompanyForm *form = company_form (fx);
  RelanceValidation *validation = relance_company_form_get_validation (form);
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) stored = NULL;
  const RelanceIssue *issue;

  set_company_field (form, "name", "Fournitures Dupont SAS");
  set_company_field (form, "city", "Lyon");
  set_company_field (form, "court", "Tribunal de commerce de Lyon");
  set_company_field (form, "iban", "FR76 3000 6000 0112 3456 7890 189");
  /* 732 829 320 passes Luhn: from the right 0, 2×2=4, 3, 2×9=18→9, 2,
   * 2×8=16→7, 2, 2×3=6, 7 sum to 40; 732 829 321 sums to 41 */
  set_company_field (form, "siren", "732 829 321");

  issue = relance_validation_find (validation, "siren");
  assert_non_null (issue);
  assert_int_equal (issue->severity, RELANCE_SEVERITY_BLOCKING);
  assert_true (relance_validation_has_blocking (validation));
  assert_true (gtk_widget_has_css_class (relance_company_form_get_row (form, "siren"), "error"));

  /* no signatory: a warning, in orange */
  issue = relance_validation_find (validation, "signatory");
  assert_non_null (issue);
  assert_int_equal (issue->severity, RELANCE_SEVERITY_WARNING);
  assert_true (gtk_widget_has_css_class (relance_company_form_get_row (form, "signatory"), "warning"));

  /* Save is refused: nothing written */
  gtk_widget_activate_action (GTK_WIDGET (form), "company.save", NULL);
  assert_false (relance_company_form_save (form, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  stored = relance_company_store_load (fx->db, NULL);
  assert_non_null (stored);
  assert_null (stored->siren);
}

static void
test_company_saved_with_warnings (void **state)
{
  Fixture *fx = *state;
  RelanceCompanyForm *form = company_form (fx);
  RelanceValidation *validation = relance_company_form_get_validation (form);
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) stored = NULL;

  set_company_field (form, "name", "Fournitures Dupont SAS");
  set_company_field (form, "siren", "732829320");
  /* key (12 + 3 × (732829320 mod 97)) mod 97 = 44 */
  set_company_field (form, "vat_number", "FR44732829320");
  assert_false (relance_validation_has_blocking (validation));
  assert_non_null (relance_validation_find (validation, "signatory"));

  gtk_widget_activate_action (GTK_WIDGET (form), "company.save", NULL);
  stored = relance_company_store_load (fx->db, &error);
  assert_non_null (stored);
  assert_string_equal (stored->name, "Fournitures Dupont SAS");
  assert_string_equal (stored->siren, "732829320");
  assert_string_equal (stored->vat_number, "FR44732829320");
  assert_null (stored->signatory);
}

static RelanceMailForm *
mail_form (Fixture *fx)
{
  return RELANCE_MAIL_FORM (find_widget (GTK_WIDGET (fx->view), RELANCE_TYPE_MAIL_FORM));
}

static gboolean
mail_form_idle (gpointer data)
{
  return !relance_mail_form_get_busy (data);
}

static gint64
count_settings_containing (const char *path,
                           const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  assert_int_equal (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (db, "SELECT count(*) FROM setting WHERE instr(value, ?1) > 0 "
                                            "OR instr(key, ?1) > 0", -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_mail_settings_are_saved_without_password (void **state)
{
  Fixture *fx = *state;
  RelanceMailForm *form = mail_form (fx);
  g_autoptr(RelanceMailSettings) stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "host")), "smtp.example.com");
  /* TLS: the port follows, 587 → 465 */
  adw_combo_row_set_selected (ADW_COMBO_ROW (relance_mail_form_get_field (form, "security")), 1);
  assert_int_equal (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (relance_mail_form_get_field (form, "port"))), 465);
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "user")), "relance");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "password")), "Tr3s-s3cret");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "from_address")), "recouvrement@example.com");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "from_name")), "Service recouvrement");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "reply_to")), "compta@example.com");

  gtk_widget_activate_action (GTK_WIDGET (form), "mail.save", NULL);
  /* the keyring answers in its thread, or says there is none */
  gui_wait_until (mail_form_idle, form, "the password to be handled");

  stored = relance_mail_settings_load (fx->db, &error);
  assert_non_null (stored);
  assert_string_equal (stored->host, "smtp.example.com");
  assert_int_equal (stored->port, 465);
  assert_int_equal (stored->security, RELANCE_MAIL_SECURITY_TLS);
  assert_string_equal (stored->user, "relance");
  assert_string_equal (stored->from_address, "recouvrement@example.com");
  assert_string_equal (stored->from_name, "Service recouvrement");
  assert_string_equal (stored->reply_to, "compta@example.com");

  /* the password is in no setting, in any form */
  assert_int_equal (count_settings_containing (fx->path, "Tr3s-s3cret"), 0);
  assert_int_equal (count_settings_containing (fx->path, "password"), 0);
}

static void
test_mail_wrong_sender_is_refused (void **state)
{
  Fixture *fx = *state;
  RelanceMailForm *form = mail_form (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceMailSettings) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "host")), "smtp.example.com");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "from_address")), "pas une adresse");
  assert_true (*relance_mail_form_get_status (form) != '\0');
  assert_false (relance_mail_form_save (form, &error));
  assert_non_null (error);

  stored = relance_mail_settings_load (fx->db, NULL);
  assert_non_null (stored);
  assert_false (relance_mail_settings_is_configured (stored));
}

/* The company's own certificate authority: checked as chosen, stored,
 * and cleared back to the system's authorities */
static void
test_mail_ca_file_is_checked_and_saved (void **state)
{
  Fixture *fx = *state;
  RelanceMailForm *form = mail_form (fx);
  AdwActionRow *row = ADW_ACTION_ROW (relance_mail_form_get_field (form, "ca_file"));
  g_autofree char *missing = g_build_filename (fx->dir, "missing.pem", NULL);
  g_autofree char *ca = g_build_filename (fx->dir, "company-ca.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(RelanceMailSettings) stored = NULL;
  g_autoptr(RelanceMailSettings) cleared = NULL;

  assert_string_equal (adw_action_row_get_subtitle (row), "The system’s authorities only");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "host")), "smtp.example.com");
  gtk_editable_set_text (GTK_EDITABLE (relance_mail_form_get_field (form, "from_address")), "recouvrement@example.com");

  relance_mail_form_set_ca_file (form, missing);
  assert_non_null (strstr (relance_mail_form_get_status (form), "does not exist"));
  assert_false (relance_mail_form_save (form, &missing_error));

  /* only its form is checked here: test-mail uses a real authority */
  assert_true (g_file_set_contents (ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", -1, NULL));
  relance_mail_form_set_ca_file (form, ca);
  assert_string_equal (relance_mail_form_get_status (form), "");
  assert_string_equal (adw_action_row_get_subtitle (row), ca);
  if (!relance_mail_form_save (form, &error))
    fail_msg ("save: %s", error->message);
  stored = relance_mail_settings_load (fx->db, NULL);
  assert_string_equal (stored->ca_file, ca);

  gtk_widget_activate_action (GTK_WIDGET (form), "mail.clear-ca-file", NULL);
  assert_string_equal (adw_action_row_get_subtitle (row), "The system’s authorities only");
  if (!relance_mail_form_save (form, &error))
    fail_msg ("save: %s", error->message);
  cleared = relance_mail_settings_load (fx->db, NULL);
  assert_null (cleared->ca_file);
  g_remove (ca);
}

static RelanceUsersForm *
users_form (Fixture *fx)
{
  return RELANCE_USERS_FORM (find_widget (GTK_WIDGET (fx->view), RELANCE_TYPE_USERS_FORM));
}

static void
test_users_new_user_is_checked_and_added (void **state)
{
  Fixture *fx = *state;
  RelanceUsersForm *form = users_form (fx);
  RelanceValidation *validation = relance_users_form_get_validation (form);
  g_autoptr(RelanceUser) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint n = relance_users_form_get_n_users (form);

  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_field (form, "login")), "Paul Martin");
  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_field (form, "name")), "Paul Martin");
  assert_int_equal (relance_validation_find (validation, "login")->severity, RELANCE_SEVERITY_BLOCKING);
  /* no email: a warning only */
  assert_int_equal (relance_validation_find (validation, "email")->severity, RELANCE_SEVERITY_WARNING);
  assert_false (relance_users_form_add (form, &error));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_field (form, "login")), "pmartin");
  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_field (form, "email")), "p.martin@example.com");
  adw_combo_row_set_selected (ADW_COMBO_ROW (relance_users_form_get_field (form, "role")), 1);
  assert_false (relance_validation_has_blocking (validation));
  gtk_widget_activate_action (GTK_WIDGET (form), "users.add", NULL);

  assert_int_equal (relance_users_form_get_n_users (form), n + 1);
  stored = relance_user_store_find (fx->db, "pmartin", &error);
  assert_non_null (stored);
  assert_string_equal (stored->name, "Paul Martin");
  assert_int_equal (stored->role, RELANCE_USER_ROLE_MANAGER);
  assert_string_equal (stored->email, "p.martin@example.com");

  /* the same login again is blocking */
  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_field (form, "login")), "pmartin");
  assert_int_equal (relance_validation_find (validation, "login")->severity, RELANCE_SEVERITY_BLOCKING);
}

static gint64
count_audit (const char *path,
             gint64      user_id,
             const char *action)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  assert_int_equal (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit WHERE entity = 'app_user' "
                                            "AND entity_id = ?1 AND action = ?2", -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A manager and an agent, stored, and the form showing them */
static RelanceUsersForm *
users_form_with_two (Fixture *fx)
{
  RelanceUsersForm *form = users_form (fx);
  g_autoptr(RelanceUser) manager = relance_user_new ("mvallet", "Martine Vallet", RELANCE_USER_ROLE_MANAGER);
  g_autoptr(RelanceUser) agent = relance_user_new ("arossi", "Anna Rossi", RELANCE_USER_ROLE_AGENT);
  g_autoptr(GError) error = NULL;

  if (!relance_user_store_insert (fx->db, manager, &error) ||
      !relance_user_store_insert (fx->db, agent, &error))
    fail_msg ("users: %s", error->message);
  relance_users_form_set_database (form, fx->db);
  return form;
}

static void
test_users_edit_is_saved_and_audited (void **state)
{
  Fixture *fx = *state;
  RelanceUsersForm *form = users_form_with_two (fx);
  guint n = relance_users_form_get_n_users (form);
  g_autoptr(RelanceUser) stored = NULL;
  g_autoptr(RelanceUser) inactive = NULL;
  g_autoptr(RelanceUser) back = NULL;
  g_autoptr(GError) error = NULL;

  if (!relance_users_form_edit (form, "arossi", &error))
    fail_msg ("edit: %s", error->message);
  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_edit_field (form, "name")), "Anna Rossi-Martin");
  gtk_editable_set_text (GTK_EDITABLE (relance_users_form_get_edit_field (form, "email")), "a.rossi@example.com");
  adw_combo_row_set_selected (ADW_COMBO_ROW (relance_users_form_get_edit_field (form, "role")), 1);
  assert_false (relance_validation_has_blocking (relance_users_form_get_edit_validation (form)));
  gtk_widget_activate_action (GTK_WIDGET (form), "users.save", NULL);

  stored = relance_user_store_find (fx->db, "arossi", NULL);
  assert_string_equal (stored->name, "Anna Rossi-Martin");
  assert_string_equal (stored->email, "a.rossi@example.com");
  assert_int_equal (stored->role, RELANCE_USER_ROLE_MANAGER);
  assert_true (stored->active);
  assert_int_equal (count_audit (fx->path, stored->id, "update"), 1);

  /* deactivated, not deleted: still listed, and audited */
  assert_true (relance_users_form_edit (form, "arossi", NULL));
  gtk_switch_set_active (GTK_SWITCH (relance_users_form_get_edit_field (form, "active")), FALSE);
  if (!relance_users_form_save_user (form, &error))
    fail_msg ("deactivate: %s", error->message);
  inactive = relance_user_store_find (fx->db, "arossi", NULL);
  assert_non_null (inactive);
  assert_false (inactive->active);
  assert_int_equal (relance_users_form_get_n_users (form), n);
  assert_int_equal (count_audit (fx->path, stored->id, "deactivate"), 1);

  assert_true (relance_users_form_edit (form, "arossi", NULL));
  gtk_switch_set_active (GTK_SWITCH (relance_users_form_get_edit_field (form, "active")), TRUE);
  if (!relance_users_form_save_user (form, &error))
    fail_msg ("reactivate: %s", error->message);
  back = relance_user_store_find (fx->db, "arossi", NULL);
  assert_true (back->active);
  assert_int_equal (count_audit (fx->path, stored->id, "reactivate"), 1);
}

static void
test_users_last_manager_is_kept (void **state)
{
  Fixture *fx = *state;
  RelanceUsersForm *form = users_form_with_two (fx);
  RelanceValidation *validation = relance_users_form_get_edit_validation (form);
  GtkWidget *role = relance_users_form_get_edit_field (form, "role");
  GtkWidget *active = relance_users_form_get_edit_field (form, "active");
  g_autoptr(RelanceUser) stored = NULL;
  g_autoptr(RelanceUser) demoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  const RelanceIssue *issue;

  assert_true (relance_users_form_edit (form, "mvallet", NULL));

  /* mvallet is the only manager: as an agent, nobody would manage */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), 0);
  issue = relance_validation_find (validation, "role");
  assert_non_null (issue);
  assert_int_equal (issue->severity, RELANCE_SEVERITY_BLOCKING);
  assert_true (gtk_widget_has_css_class (role, "error"));
  assert_false (relance_users_form_save_user (form, &error));
  assert_true (g_error_matches (error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));
  g_clear_error (&error);

  /* nor deactivated; an administrator still manages */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), 2);
  assert_null (relance_validation_find (validation, "role"));
  gtk_switch_set_active (GTK_SWITCH (active), FALSE);
  issue = relance_validation_find (validation, "active");
  assert_non_null (issue);
  assert_int_equal (issue->severity, RELANCE_SEVERITY_BLOCKING);
  assert_false (relance_users_form_save_user (form, &error));

  /* the store refuses it too, whoever asks */
  stored = relance_user_store_find (fx->db, "mvallet", NULL);
  assert_int_equal (stored->role, RELANCE_USER_ROLE_MANAGER);
  assert_true (stored->active);
  stored->active = FALSE;
  assert_false (relance_user_store_update (fx->db, stored, &store_error));
  assert_true (g_error_matches (store_error, RELANCE_STORE_ERROR, RELANCE_STORE_ERROR_INVALID));

  /* with a second manager, mvallet can become an agent */
  assert_true (relance_users_form_edit (form, "arossi", NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), 1);
  if (!relance_users_form_save_user (form, &error))
    fail_msg ("promote: %s", error->message);
  assert_true (relance_users_form_edit (form, "mvallet", NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), 0);
  assert_null (relance_validation_find (validation, "role"));
  if (!relance_users_form_save_user (form, &error))
    fail_msg ("demote: %s", error->message);
  demoted = relance_user_store_find (fx->db, "mvallet", NULL);
  assert_int_equal (demoted->role, RELANCE_USER_ROLE_AGENT);
}

static void
test_template_unsaved_edits_ask_before_switching (void **state)
{
  Fixture *fx = *state;
  RelanceTemplateEditor *editor = template_editor (fx);
  GtkTextBuffer *buffer = relance_template_editor_get_buffer (editor);
  g_autoptr(RelanceTemplate) fr = NULL;
  g_autoptr(RelanceTemplate) en = NULL;
  AdwMessageDialog *prompt;

  assert_true (relance_template_editor_select (editor, "test_reminder", "fr"));
  append_text (buffer, "\n\nCordialement.");
  assert_null (relance_template_editor_get_prompt (editor));

  /* choosing the English one asks; Cancel keeps the French one and its edit */
  assert_false (relance_template_editor_select (editor, "test_reminder", "en"));
  prompt = relance_template_editor_get_prompt (editor);
  assert_non_null (prompt);
  adw_message_dialog_response (prompt, "cancel");
  gui_spin (20);
  assert_null (relance_template_editor_get_prompt (editor));
  assert_string_equal (relance_template_editor_get_current (editor)->language, "fr");
  assert_true (relance_template_editor_can_save (editor));

  /* Discard: the English one opens, the French one is as stored */
  relance_template_editor_select (editor, "test_reminder", "en");
  adw_message_dialog_response (relance_template_editor_get_prompt (editor), "discard");
  gui_spin (20);
  assert_string_equal (relance_template_editor_get_current (editor)->language, "en");
  fr = relance_template_store_find (fx->db, "test_reminder", "fr", FALSE, NULL);
  assert_string_equal (fr->body, BODY);

  /* Save: the edit of the English one is stored, then the French opens */
  append_text (buffer, "\n\nKind regards.");
  relance_template_editor_select (editor, "test_reminder", "fr");
  adw_message_dialog_response (relance_template_editor_get_prompt (editor), "save");
  gui_spin (20);
  assert_string_equal (relance_template_editor_get_current (editor)->language, "fr");
  assert_false (relance_template_editor_can_save (editor));
  en = relance_template_store_find (fx->db, "test_reminder", "en", FALSE, NULL);
  assert_string_equal (en->body, BODY "\n\nKind regards.");
}

int
main (void)
{
  gui_set_environment ();
  if (!gui_init ())
    return 77;
  relance_gui_ensure_resources ();

#define SETTINGS_TEST(test) cmocka_unit_test_setup_teardown (test, setup, teardown)
  const struct CMUnitTest tests[] = {
    SETTINGS_TEST (test_template_unknown_placeholder_blocks_save),
    SETTINGS_TEST (test_template_correct_edit_is_saved),
    SETTINGS_TEST (test_template_deactivate_keeps_it),
    SETTINGS_TEST (test_template_list_filters_by_language),
    SETTINGS_TEST (test_company_wrong_siren_is_blocking),
    SETTINGS_TEST (test_company_saved_with_warnings),
    SETTINGS_TEST (test_mail_settings_are_saved_without_password),
    SETTINGS_TEST (test_mail_wrong_sender_is_refused),
    SETTINGS_TEST (test_mail_ca_file_is_checked_and_saved),
    SETTINGS_TEST (test_users_new_user_is_checked_and_added),
    SETTINGS_TEST (test_users_edit_is_saved_and_audited),
    SETTINGS_TEST (test_users_last_manager_is_kept),
    SETTINGS_TEST (test_template_unsaved_edits_ask_before_switching),
  };
#undef SETTINGS_TEST

  return cmocka_run_group_tests (tests, NULL, NULL);
}
