/* test-documents.c — letters, formal notices, statements, interest
 * statements and payment plans, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer, on D = 30 June 2025 (B2B rate of H1 2025: ECB 3,15 % on
 * 1 January + 10 = 13,15 %):
 *   F-2025-001  issued 15/01, due 14/02, 1 234,56 €; 234,56 € paid on
 *               15/03 → remaining 1 000,00 €, 136 days late
 *   F-2025-002  issued 10/04, due 10/05, 2 500,00 €, 51 days late
 *   F-2025-003  issued 20/06, due 20/07, 800,00 €, not due
 *   VIR-0625    payment of 150,00 € on 25/06, unallocated
 * Outstanding = 4 534,56 − 234,56 − 150,00 = 4 150,00 €; overdue
 * 3 500,00 €.
 * Interest (rounded once per invoice, 365-day year):
 *   F-001: 123 456 × 1315 × 29 (15/02–15/03) + 100 000 × 1315 × 107
 *          (16/03–30/06) = 4 707 994 560 + 14 070 500 000
 *          = 18 778 494 560 / 3 650 000 = 5 144,79 → 51,45 €
 *   F-002: 250 000 × 1315 × 51 (11/05–30/06) = 16 766 250 000
 *          / 3 650 000 = 4 593,49 → 45,93 €
 * Notice: principal 3 500,00 + interest 97,38 + indemnity 2 × 40,00 +
 * fees 0,00 = 3 677,38 €; deadline 30/06 + 8 days = 8 juillet 2025.
 * Aged: not due 800,00; 31–60: 2 500,00; over 120: 1 000,00;
 * unallocated −150,00; total 4 150,00.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "engine-fixture.h"
#include "dunning-fixture.h"
#include "relance-documents.h"

#define DAY D (2025, 6, 30)
/* French amounts: narrow no-break space between thousands, no-break
 * space before the currency */
#define NNBSP "\u202f"
#define NBSP "\u00a0"
/* poppler extracts both as plain spaces (the PDF's ToUnicode map has
 * them: test-pdf-writer.c reads it) */
#define PDF_NNBSP " "
#define PDF_NBSP " "

typedef struct
{
  EngineFixture *fx;
  gint64         actor;
  gint64         f1;
  gint64         f2;
  gint64         contact;
} DocFixture;

/* Helpers */

static void
put_template (RelanceDatabase     *db,
              const char          *code,
              const char          *language,
              RelanceTemplateKind  kind,
              int                  level,
              const char          *name,
              const char          *subject,
              const char          *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) tpl = relance_template_store_find (db, code, language, FALSE, &error);

  assert_null (error);
  if (tpl == NULL)
    {
      tpl = relance_template_new ();
      tpl->code = g_strdup (code);
      tpl->language = g_strdup (language);
    }
  tpl->kind = kind;
  tpl->level = level;
  g_free (tpl->name);
  tpl->name = g_strdup (name);
  g_free (tpl->subject);
  tpl->subject = g_strdup (subject);
  g_free (tpl->body);
  tpl->body = g_strdup (body);
  tpl->active = TRUE;
  if (!relance_template_store_save (db, tpl, &error))
    fail_msg ("template %s: %s", code, error->message);
}

static void
put_templates (RelanceDatabase *db)
{
  put_template (db, "formal_notice", "fr", RELANCE_TEMPLATE_KIND_NOTICE, 3, "Mise en demeure",
                "Mise en demeure de payer [[TOTAL_CLAIMED]]",
                "[[SALUTATION]]\n\n"
                "Malgré nos relances, les factures ci-dessous restent impayées :\n\n"
                "[[INVOICE_TABLE]]\n\n"
                "Nous vous mettons en demeure de nous régler la somme de [[TOTAL_CLAIMED]]"
                " au plus tard le [[DEADLINE]] :\n\n"
                "[[BREAKDOWN_TABLE]]\n\n"
                "Pénalités au taux de [[INTEREST_RATE]]. À défaut, nous saisirons le [[COURT]]"
                " d’une requête en injonction de payer.");
  put_template (db, "letter_reminder_1", "fr", RELANCE_TEMPLATE_KIND_LETTER, 1,
                "Premier rappel", "Factures échues : [[OVERDUE]]",
                "[[SALUTATION]]\n\nSauf erreur de notre part, [[N_INVOICES]] factures restent"
                " impayées :\n\n[[INVOICE_TABLE]]\n\nMerci de régler [[OVERDUE]] avant le"
                " [[DEADLINE]].");
  put_template (db, "letter_reminder_1", "en", RELANCE_TEMPLATE_KIND_LETTER, 1,
                "First reminder", "Overdue invoices: [[OVERDUE]]",
                "[[SALUTATION]]\n\nOur records show [[N_INVOICES]] unpaid invoices:\n\n"
                "[[INVOICE_TABLE]]\n\nPlease pay [[OVERDUE]] by [[DEADLINE]].");
  put_template (db, "statement", "fr", RELANCE_TEMPLATE_KIND_STATEMENT, -1,
                "Relevé de compte", "Relevé de compte au [[TODAY]]",
                "[[SALUTATION]]\n\nVoici votre relevé de compte ; encours : [[OUTSTANDING]].\n\n"
                "[[STATEMENT_TABLE]]\n\n[[AGED_TABLE]]");
  put_template (db, "interest_statement", "fr", RELANCE_TEMPLATE_KIND_INTEREST, -1,
                "Décompte des intérêts", "Intérêts de retard au [[TODAY]]",
                "[[SALUTATION]]\n\nVoici le décompte des intérêts de retard :\n\n"
                "[[INTEREST_TABLE]]");
  put_template (db, "payment_plan", "fr", RELANCE_TEMPLATE_KIND_PLAN, -1,
                "Confirmation d’échéancier", "Votre échéancier de [[PROMISE_TOTAL]]",
                "[[SALUTATION]]\n\nNous confirmons l’échéancier convenu en [[N_INSTALMENTS]]"
                " versements à partir du [[PROMISE_FIRST_DATE]] :\n\n[[PLAN_TABLE]]");
}

static void
set_company (RelanceDatabase *db,
             const char      *name)
{
  g_autoptr(GError) error = NULL;
  RelanceCompany company = {
    .name = (char *) name,
    .legal_form = (char *) "SAS",
    .address = (char *) "4 quai de Saône",
    .postcode = (char *) "69002",
    .city = (char *) "Lyon",
    .siren = (char *) "732829320",
    .phone = (char *) "04 72 00 00 00",
    .email = (char *) "credit@etablissements-noel.fr",
    .iban = (char *) "FR76 3000 6000 0112 3456 7890 189",
    .bic = (char *) "AGRIFRPP",
    .signatory = (char *) "Hélène Martin",
    .signatory_title = (char *) "Responsable crédit clients",
    .court = (char *) "tribunal de commerce de Lyon",
  };

  if (!relance_company_store_save (db, &company, &error))
    fail_msg ("company: %s", error->message);
}

static gint64
add_contact (RelanceDatabase *db,
             gint64           actor,
             const char      *name,
             const char      *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceContact) contact = relance_contact_new (actor, name);

  relance_contact_set_language (contact, language);
  relance_contact_set_dunning (contact, TRUE);
  if (!relance_contact_store_insert (db, contact, &error))
    fail_msg ("contact: %s", error->message);
  return relance_contact_get_id (contact);
}

static gint64
open_case_at (RelanceDatabase *db,
              gint64           actor,
              int              level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) scenario = relance_scenario_new ("TEST", "Test");
  RelanceScenarioStep *step;
  RelanceCase c = { 0 };

  step = relance_scenario_add_step (scenario, "Mise en demeure (LRAR)", 45,
                                    RELANCE_TRIGGER_DUE_DATE, RELANCE_CHANNEL_FORMAL_NOTICE, TRUE);
  step->level = RELANCE_LEVEL_FORMAL_NOTICE;
  step->template_key = g_strdup ("formal_notice");
  if (!relance_scenario_store_insert (db, scenario, &error))
    fail_msg ("scenario: %s", error->message);

  c.actor_id = actor;
  g_strlcpy (c.currency, "EUR", sizeof c.currency);
  c.scenario_id = scenario->id;
  c.level = level;
  c.step_position = level >= 3 ? 1 : 0;
  c.anchor_date = D (2025, 2, 14);
  c.opened_on = D (2025, 2, 15);
  if (!relance_case_store_open (db, &c, NULL, &error))
    fail_msg ("case: %s", error->message);
  relance_case_clear (&c);
  return c.id;
}

/* An automatic formal-notice action done by the run of DAY, on both
 * late invoices */
static gint64
add_run_action (DocFixture *f,
                gint64      case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceAction) action = relance_action_new (f->actor, RELANCE_CHANNEL_FORMAL_NOTICE,
                                                        "Mise en demeure (LRAR)", DAY);
  g_autoptr(RelanceCase) c = relance_case_store_find (f->fx->db, case_id, &error);
  g_autoptr(RelanceScenario) scenario = relance_scenario_store_get (f->fx->db, c->scenario_id,
                                                                    &error);

  action->case_id = case_id;
  action->step_id = relance_scenario_get_step (scenario, 1)->id;
  action->automatic = TRUE;
  action->status = RELANCE_ACTION_DONE;
  action->done_date = DAY;
  action->run_date = DAY;
  action->level = RELANCE_LEVEL_FORMAL_NOTICE;
  g_array_append_val (action->invoice_ids, f->f1);
  g_array_append_val (action->invoice_ids, f->f2);
  if (!relance_action_store_insert (f->fx->db, action, NULL, &error))
    fail_msg ("action: %s", error->message);
  return action->id;
}

static char *
write_temp (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("relance-doc-XXXXXX.pdf", &path, &error);

  assert_true (fd >= 0);
  close (fd);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    fail_msg ("write %s: %s", path, error->message);
  return path;
}

/* stdout of @argv; the exit status in @status. poppler's warnings on
 * libharu 2.3.0's ToUnicode map go to stderr, which is ignored. */
static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &wait_status, &error))
    fail_msg ("%s: %s", argv[0], error->message);
  if (status != NULL)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return out;
}

static char *
pdf_text (GBytes *bytes)
{
  g_autofree char *path = write_temp (bytes);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *text = run (argv, NULL);

  g_remove (path);
  return text;
}

static int
pdf_pages (GBytes *bytes)
{
  g_autofree char *path = write_temp (bytes);
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv, NULL);
  const char *pages = strstr (info, "Pages:");

  g_remove (path);
  assert_non_null (pages);
  return atoi (pages + strlen ("Pages:"));
}

#define assert_contains(text, part) \
  do { \
    if (strstr ((text), (part)) == NULL) \
      fail_msg ("«%s» is not in:\n%s", (part), (text)); \
  } while (0)

static GBytes *
generate (DocFixture             *f,
          RelanceDocumentRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  GBytes *bytes = NULL;

  if (!relance_document_generate (f->fx->db, request, &info, &bytes, &error))
    fail_msg ("generate: %s", error->message);
  assert_true (info->id > 0);
  /* To look at them as a debtor would: RELANCE_TEST_KEEP_PDF=/some/dir */
  if (g_getenv ("RELANCE_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("RELANCE_TEST_KEEP_PDF"),
                                                info->file_name, NULL);

      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
  return bytes;
}

static gint64
count_documents (DocFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = relance_document_store_list_for_actor (f->fx->db, f->actor, &error);

  assert_non_null (docs);
  return docs->len;
}

/* Fixture */

static int
setup (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceActor) actor = relance_actor_new ("C001", "Société Bérénice Dupré");
  DocFixture *f = g_new0 (DocFixture, 1);
  RelanceDatabase *db;
  gint64 p1;

  engine_fixture_setup ((void **) &f->fx);
  db = f->fx->db;
  set_company (db, "Établissements Noël & Fils");
  put_templates (db);

  relance_actor_set_address (actor, "12 rue de l’Église");
  relance_actor_set_postcode (actor, "69003");
  relance_actor_set_city (actor, "Lyon");
  relance_actor_set_siren (actor, "552100554");
  if (!relance_actor_store_insert (db, actor, 0, &error))
    fail_msg ("actor: %s", error->message);
  f->actor = relance_actor_get_id (actor);
  f->contact = add_contact (db, f->actor, "Amélie Lefèvre", "fr");

  f->f1 = add_invoice (db, f->actor, "F-2025-001", D (2025, 1, 15), D (2025, 2, 14), 123456);
  f->f2 = add_invoice (db, f->actor, "F-2025-002", D (2025, 4, 10), D (2025, 5, 10), 250000);
  add_invoice (db, f->actor, "F-2025-003", D (2025, 6, 20), D (2025, 7, 20), 80000);
  p1 = add_payment (db, f->actor, "CHQ-0315", D (2025, 3, 15), 23456, "EUR");
  allocate (db, p1, f->f1, 23456, D (2025, 3, 15));
  add_payment (db, f->actor, "VIR-0625", D (2025, 6, 25), 15000, "EUR");
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  DocFixture *f = *state;

  engine_fixture_teardown ((void **) &f->fx);
  g_free (f);
  return 0;
}

/* Tests */

static void
test_notice_carries_breakdown_deadline_and_identities (void **state)
{
  DocFixture *f = *state;
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  int status = 1;

  open_case_at (f->fx->db, f->actor, RELANCE_LEVEL_FORMAL_NOTICE);
  relance_document_request_init (&request, RELANCE_DOCUMENT_NOTICE, f->actor, DAY);
  bytes = generate (f, &request);
  text = pdf_text (bytes);

  assert_contains (text, "MISE EN DEMEURE");
  assert_contains (text, "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION");
  assert_contains (text, "Établissements Noël & Fils");
  assert_contains (text, "Société Bérénice Dupré");
  assert_contains (text, "À l’attention de Amélie Lefèvre");
  assert_contains (text, "12 rue de l’Église");
  assert_contains (text, "69003 Lyon");
  assert_contains (text, "Lyon, le 30 juin 2025");
  assert_contains (text, "Objet : Mise en demeure de payer 3" PDF_NNBSP "677,38" PDF_NBSP "€");
  /* the invoices: remaining 1 000,00 and 2 500,00, not the one not due */
  assert_contains (text, "F-2025-001");
  assert_contains (text, "1" PDF_NNBSP "234,56" PDF_NBSP "€");
  assert_contains (text, "1" PDF_NNBSP "000,00" PDF_NBSP "€");
  assert_contains (text, "2" PDF_NNBSP "500,00" PDF_NBSP "€");
  assert_null (strstr (text, "F-2025-003"));
  /* the breakdown, which adds up: 3 500,00 + 97,38 + 80,00 + 0,00 */
  assert_contains (text, "3" PDF_NNBSP "500,00" PDF_NBSP "€");
  assert_contains (text, "97,38" PDF_NBSP "€");
  assert_contains (text, "80,00" PDF_NBSP "€");
  assert_contains (text, "0,00" PDF_NBSP "€");
  assert_contains (text, "Total réclamé");
  assert_contains (text, "3" PDF_NNBSP "677,38" PDF_NBSP "€");
  assert_contains (text, "13,15" PDF_NBSP "%");
  assert_contains (text, "au plus tard le 8 juillet");
  assert_contains (text, "2025 :");
  assert_contains (text, "tribunal de commerce de Lyon");
  assert_contains (text, "Hélène Martin");
  assert_contains (text, "Responsable crédit clients");

  path = write_temp (bytes);
  {
    const char *qpdf[] = { "qpdf", "--check", path, NULL };
    g_autofree char *out = run (qpdf, &status);

    assert_int_equal (status, 0);
  }
  {
    const char *pdffonts[] = { "pdffonts", path, NULL };

    fonts = run (pdffonts, &status);
    assert_int_equal (status, 0);
    assert_contains (fonts, "RelanceSans");
    /* the "emb" column: every font embedded */
    assert_null (strstr (fonts, " no  "));
    assert_contains (fonts, " yes ");
  }
  g_remove (path);
}

static void
test_letter_in_english_for_an_english_contact (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RelanceTemplate) tpl = NULL;
  gint64 other = add_actor (f->fx->db, "C002", "Northwind Ltd");

  add_contact (f->fx->db, other, "John Smith", "en");
  add_invoice (f->fx->db, other, "N-1", D (2025, 5, 1), D (2025, 5, 31), 123456);

  relance_document_request_init (&request, RELANCE_DOCUMENT_LETTER, other, DAY);
  tpl = relance_document_find_template (f->fx->db, &request, &error);
  assert_non_null (tpl);
  assert_string_equal (tpl->code, "letter_reminder_1");
  assert_string_equal (tpl->language, "en");
  bytes = generate (f, &request);
  text = pdf_text (bytes);
  /* 30 June + 15 days = 15 July */
  assert_contains (text, "Subject: Overdue invoices: €1,234.56");
  assert_contains (text, "Dear Sir or Madam,");
  assert_contains (text, "Please pay €1,234.56 by 15 July 2025.");
  assert_contains (text, "For the attention of John Smith");
}

static void
test_letter_in_french_names_the_invoices (void **state)
{
  DocFixture *f = *state;
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  relance_document_request_init (&request, RELANCE_DOCUMENT_LETTER, f->actor, DAY);
  bytes = generate (f, &request);
  text = pdf_text (bytes);
  assert_contains (text, "Objet : Factures échues : 3" PDF_NNBSP "500,00" PDF_NBSP "€");
  assert_contains (text, "Sauf erreur de notre part, 2 factures restent");
  /* 30 June + 15 days */
  assert_contains (text, "15 juillet 2025");
  assert_null (strstr (text, "MISE EN DEMEURE"));
}

static void
test_statement_lists_items_payments_and_buckets (void **state)
{
  DocFixture *f = *state;
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  relance_document_request_init (&request, RELANCE_DOCUMENT_STATEMENT, f->actor, DAY);
  bytes = generate (f, &request);
  text = pdf_text (bytes);
  assert_contains (text, "RELEVÉ DE COMPTE");
  assert_contains (text, "F-2025-003");
  assert_contains (text, "800,00" PDF_NBSP "€");
  /* partial payment: 234,56 paid of F-2025-001 */
  assert_contains (text, "234,56" PDF_NBSP "€");
  /* the label wraps in its column */
  assert_contains (text, "Règlement non");
  assert_contains (text, "imputé VIR-0625");
  assert_contains (text, "VIR-0625");
  assert_contains (text, "-150,00" PDF_NBSP "€");
  assert_contains (text, "Encours total");
  assert_contains (text, "4" PDF_NNBSP "150,00" PDF_NBSP "€");
  assert_contains (text, "Non échu");
  assert_contains (text, "31 à 60 j");
}

static void
test_statement_of_300_items_repeats_its_header (void **state)
{
  DocFixture *f = *state;
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 big = add_actor (f->fx->db, "C300", "Grossiste Hénin");
  guint with_items = 0;
  int n_pages;

  relance_database_begin (f->fx->db, NULL);
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("G-%04d", i + 1);

      add_invoice (f->fx->db, big, number, D (2025, 1, 1) + i / 3, D (2025, 2, 1) + i / 3,
                   10000 + i);
    }
  assert_true (relance_database_commit (f->fx->db, NULL));

  relance_document_request_init (&request, RELANCE_DOCUMENT_STATEMENT, big, DAY);
  bytes = generate (f, &request);
  text = pdf_text (bytes);
  n_pages = pdf_pages (bytes);
  assert_true (n_pages >= 4);
  assert_contains (text, "G-0001");
  assert_contains (text, "G-0300");
  /* every page holding items shows the table's header */
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "G-0") != NULL)
      {
        with_items++;
        assert_contains (pages[i], "Pièce");
        assert_contains (pages[i], "Reste dû");
      }
  assert_true (with_items >= (guint) n_pages - 1);
  assert_contains (text, "Page 1 / ");
}

static void
test_interest_statement_shows_segments_and_indemnities (void **state)
{
  DocFixture *f = *state;
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  relance_document_request_init (&request, RELANCE_DOCUMENT_INTEREST, f->actor, DAY);
  bytes = generate (f, &request);
  text = pdf_text (bytes);
  assert_contains (text, "DÉCOMPTE DES INTÉRÊTS DE RETARD ET INDEMNITÉS");
  assert_contains (text, "2025-S1");
  assert_contains (text, "15/02/2025");
  assert_contains (text, "15/03/2025");
  assert_contains (text, "16/03/2025");
  assert_contains (text, "13,15" PDF_NBSP "%");
  /* F-001: 29 days on 1 234,56: 4 707 994 560 / 3 650 000 = 1 289,86
   * → 12,90 €; then 107 days on 1 000,00: 51,45 − 12,90 = 38,55 € */
  assert_contains (text, " 29 ");
  assert_contains (text, " 107 ");
  assert_contains (text, "12,90" PDF_NBSP "€");
  assert_contains (text, "38,55" PDF_NBSP "€");
  assert_contains (text, "45,93" PDF_NBSP "€");
  assert_contains (text, "Total intérêts");
  assert_contains (text, "97,38" PDF_NBSP "€");
  assert_contains (text, "Indemnité");
  assert_contains (text, "forfaitaire");
  assert_contains (text, "80,00" PDF_NBSP "€");
  assert_contains (text, "177,38" PDF_NBSP "€");
}

static void
test_plan_confirms_the_instalments (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePromise) promise = relance_promise_new ();
  RelanceDocumentRequest request;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  promise->actor_id = f->actor;
  promise->made_on = DAY;
  relance_promise_add_instalment (promise, D (2025, 7, 15), 200000);
  relance_promise_add_instalment (promise, D (2025, 8, 15), 150000);
  if (!relance_promise_store_insert (f->fx->db, promise, &error))
    fail_msg ("promise: %s", error->message);

  relance_document_request_init (&request, RELANCE_DOCUMENT_PLAN, f->actor, DAY);
  bytes = generate (f, &request);
  text = pdf_text (bytes);
  assert_contains (text, "CONFIRMATION D’ÉCHÉANCIER");
  /* 2 000,00 + 1 500,00 = 3 500,00 */
  assert_contains (text, "Objet : Votre échéancier de 3" PDF_NNBSP "500,00" PDF_NBSP "€");
  assert_contains (text, "en 2 versements à partir du 15 juillet 2025");
  assert_contains (text, "15/07/2025");
  assert_contains (text, "2" PDF_NNBSP "000,00" PDF_NBSP "€");
  assert_contains (text, "1" PDF_NNBSP "500,00" PDF_NBSP "€");
}

static void
test_unknown_placeholder_is_an_error_and_stores_nothing (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  RelanceDocumentRequest request;

  put_template (f->fx->db, "letter_reminder_1", "fr", RELANCE_TEMPLATE_KIND_LETTER, 1,
                "Premier rappel", "Rappel",
                "[[SALUTATION]]\n\nVous nous devez [[MONTANT_DU]].");
  relance_document_request_init (&request, RELANCE_DOCUMENT_LETTER, f->actor, DAY);
  assert_false (relance_document_check (f->fx->db, &request, &error));
  assert_non_null (error);
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE));
  assert_contains (error->message, "MONTANT_DU");
  g_clear_error (&error);
  assert_false (relance_document_generate (f->fx->db, &request, NULL, NULL, &error));
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_TEMPLATE));
  assert_int_equal (count_documents (f), 0);
}

static void
test_generating_twice_stores_two_documents (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDocumentInfo) first = NULL;
  g_autoptr(RelanceDocumentInfo) second = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  RelanceDocumentRequest request;

  relance_document_request_init (&request, RELANCE_DOCUMENT_STATEMENT, f->actor, DAY);
  assert_true (relance_document_generate (f->fx->db, &request, &first, &bytes, &error));
  assert_true (relance_document_generate (f->fx->db, &request, &second, NULL, &error));
  assert_int_equal (count_documents (f), 2);
  assert_true (first->id != second->id);
  assert_int_equal (strlen (first->sha256), 64);
  assert_int_equal (strlen (second->sha256), 64);
  assert_string_equal (first->kind, "statement");
  assert_string_equal (first->template_code, "statement");
  assert_string_equal (first->language, "fr");
  assert_string_equal (first->created_by, "test");
  assert_string_equal (first->file_name, "statement-C001-2025-06-30.pdf");
  assert_int_equal (first->document_date, DAY);

  /* the stored bytes are the ones made, and their hash is the row's */
  stored = relance_document_store_get_content (f->fx->db, first->id, &error);
  assert_non_null (stored);
  assert_true (g_bytes_equal (stored, bytes));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, stored);
  assert_string_equal (sha, first->sha256);
}

static void
test_run_batch_makes_each_document_once (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gint64 case_id = open_case_at (f->fx->db, f->actor, RELANCE_LEVEL_FORMAL_NOTICE);
  gint64 action_id = add_run_action (f, case_id);
  RelanceDocumentInfo *info;
  guint made = 99;

  assert_true (relance_documents_generate_for_run (f->fx->db, DAY, NULL, NULL, NULL, &made,
                                                   &error));
  assert_null (error);
  assert_int_equal (made, 1);
  assert_true (relance_documents_generate_for_run (f->fx->db, DAY, NULL, NULL, NULL, &made,
                                                   &error));
  assert_int_equal (made, 0);

  docs = relance_document_store_list_for_action (f->fx->db, action_id, &error);
  assert_int_equal (docs->len, 1);
  info = g_ptr_array_index (docs, 0);
  assert_string_equal (info->kind, "notice");
  assert_string_equal (info->template_code, "formal_notice");
  assert_int_equal (info->level, RELANCE_LEVEL_FORMAL_NOTICE);
}

static void
test_offered_depends_on_level_promise_and_status (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) why = NULL;
  g_auto(GStrv) why_inactive = NULL;
  g_autoptr(RelanceActor) actor = NULL;
  gboolean offered[RELANCE_N_DOCUMENT_KINDS];
  RelanceDocumentRequest request;

  open_case_at (f->fx->db, f->actor, RELANCE_LEVEL_REMINDER_1);
  assert_true (relance_documents_offered (f->fx->db, f->actor, DAY, offered, &why, &error));
  assert_true (offered[RELANCE_DOCUMENT_LETTER]);
  assert_true (offered[RELANCE_DOCUMENT_STATEMENT]);
  assert_true (offered[RELANCE_DOCUMENT_INTEREST]);
  assert_false (offered[RELANCE_DOCUMENT_NOTICE]);
  assert_false (offered[RELANCE_DOCUMENT_PLAN]);
  assert_contains (why[RELANCE_DOCUMENT_NOTICE], "level 1");
  assert_string_equal (why[RELANCE_DOCUMENT_LETTER], "");

  /* a notice by hand is refused at level 1 */
  relance_document_request_init (&request, RELANCE_DOCUMENT_NOTICE, f->actor, DAY);
  assert_false (relance_document_generate (f->fx->db, &request, NULL, NULL, &error));
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR,
                                RELANCE_DOCUMENT_ERROR_NOT_OFFERED));
  g_clear_error (&error);
  assert_int_equal (count_documents (f), 0);

  actor = relance_actor_store_find_by_id (f->fx->db, f->actor, &error);
  relance_actor_set_active (actor, FALSE);
  assert_true (relance_actor_store_update (f->fx->db, actor, &error));
  assert_true (relance_documents_offered (f->fx->db, f->actor, DAY, offered, &why_inactive,
                                          &error));
  for (guint k = 0; k < RELANCE_N_DOCUMENT_KINDS; k++)
    {
      assert_false (offered[k]);
      assert_contains (why_inactive[k], "inactive");
    }
}

static void
test_no_company_name_is_an_error (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  RelanceDocumentRequest request;

  set_company (f->fx->db, NULL);
  relance_document_request_init (&request, RELANCE_DOCUMENT_STATEMENT, f->actor, DAY);
  assert_false (relance_document_check (f->fx->db, &request, &error));
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_COMPANY));
  assert_contains (error->message, "relance-cli company set name");
}

static void
test_timeline_shows_documents_mail_and_items (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RelanceDocumentInfo) info = NULL;
  gint64 case_id = open_case_at (f->fx->db, f->actor, RELANCE_LEVEL_FORMAL_NOTICE);
  gint64 action_id = add_run_action (f, case_id);
  gboolean seen_document = FALSE, seen_action = FALSE, seen_mail = FALSE;
  sqlite3 *handle = NULL;
  g_autofree char *sql = NULL;
  RelanceDocumentRequest request;

  relance_document_request_init (&request, RELANCE_DOCUMENT_NOTICE, f->actor, DAY);
  request.action_id = action_id;
  assert_true (relance_document_generate (f->fx->db, &request, &info, NULL, &error));

  /* A mail as the mail queue writes it (its store is not this unit's) */
  sql = g_strdup_printf ("INSERT INTO mail_message (actor_id, sender, recipients, subject, body,"
                         " message_id, status, created_at, created_by) VALUES (%" G_GINT64_FORMAT
                         ", 'credit@noel.fr', 'amelie@dupre.fr', 'Votre relevé', 'Bonjour',"
                         " '<1@noel.fr>', 'outbox', '2025-06-30T08:00:00Z', 'test')", f->actor);
  assert_int_equal (sqlite3_open (relance_database_get_path (f->fx->db), &handle), SQLITE_OK);
  assert_int_equal (sqlite3_exec (handle, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (handle);

  rows = relance_timeline_store_list (f->fx->db, f->actor, 0, 0, &error);
  assert_non_null (rows);
  assert_int_equal (relance_timeline_store_count (f->fx->db, f->actor, &error), rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      RelanceTimelineRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->kind, "document"))
        {
          seen_document = TRUE;
          assert_int_equal (row->document_id, info->id);
          assert_string_equal (row->title, info->title);
          assert_string_equal (row->who, "test");
          assert_int_equal (row->date, DAY);
        }
      else if (g_str_equal (row->kind, "action"))
        {
          seen_action = TRUE;
          assert_int_equal (row->document_id, info->id);
          assert_string_equal (row->items, "F-2025-001, F-2025-002");
        }
      else if (g_str_equal (row->kind, "mail"))
        {
          seen_mail = TRUE;
          assert_string_equal (row->status, "outbox");
          assert_int_equal (row->date, DAY);
          assert_contains (row->title, "Votre relevé");
          assert_contains (row->title, "amelie@dupre.fr");
          assert_int_equal (row->document_id, 0);
        }
      else
        {
          assert_int_equal (row->document_id, 0);
          assert_null (row->items);
        }
    }
  assert_true (seen_document && seen_action && seen_mail);
}

static void
test_email_text_is_filled_with_plain_tables (void **state)
{
  DocFixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  put_template (f->fx->db, "email_reminder", "fr", RELANCE_TEMPLATE_KIND_EMAIL, 1,
                "Rappel", "Rappel : [[MONTANTRETARDS]] échus",
                "[[SALUTATION]]\n\n[[INVOICE_TABLE]]\n\n[[AGENT_NAME]]");
  assert_true (relance_document_expand_message (f->fx->db, "email_reminder", f->actor, 0, DAY,
                                                NULL, &subject, &body, &error));
  assert_string_equal (subject, "Rappel : 3" NNBSP "500,00" NBSP "€ échus");
  assert_contains (body, "- F-2025-001, échéance 14/02/2025 : 1" NNBSP "000,00" NBSP "€");
  assert_contains (body, "Hélène Martin");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    TEST (test_notice_carries_breakdown_deadline_and_identities),
    TEST (test_letter_in_english_for_an_english_contact),
    TEST (test_letter_in_french_names_the_invoices),
    TEST (test_statement_lists_items_payments_and_buckets),
    TEST (test_statement_of_300_items_repeats_its_header),
    TEST (test_interest_statement_shows_segments_and_indemnities),
    TEST (test_plan_confirms_the_instalments),
    TEST (test_unknown_placeholder_is_an_error_and_stores_nothing),
    TEST (test_generating_twice_stores_two_documents),
    TEST (test_run_batch_makes_each_document_once),
    TEST (test_offered_depends_on_level_promise_and_status),
    TEST (test_no_company_name_is_an_error),
    TEST (test_timeline_shows_documents_mail_and_items),
    TEST (test_email_text_is_filled_with_plain_tables),
#undef TEST
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
