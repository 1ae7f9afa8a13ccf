/* test-pdf-writer.c — A4 pages with libharu, checked with poppler and qpdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with the tools a user's system has: pdftotext
 * (-layout) for the text, pdfinfo for the page count, pdffonts for the
 * embedding, qpdf --check for the structure, and qpdf --qdf to read the
 * uncompressed content streams; stderr is ignored. poppler prints U+00A0
 * and U+202F as plain spaces, so the narrow no-break space is checked in
 * the content stream, where the writer puts one byte per character
 * (CP1252, U+202F at 0x81), and in the fonts' ToUnicode map.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <utime.h>

#include "relance-documents.h"
#include "relance-pdf-writer.h"

#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static const RelancePdfColumn invoice_columns[] = {
  { "Facture", 2.0, RELANCE_PDF_ALIGN_LEFT },
  { "Date", 1.5, RELANCE_PDF_ALIGN_LEFT },
  { "Échéance", 1.5, RELANCE_PDF_ALIGN_LEFT },
  { "Montant TTC", 2.0, RELANCE_PDF_ALIGN_RIGHT },
  { "Reste dû", 2.0, RELANCE_PDF_ALIGN_RIGHT },
  { "Jours de retard", 1.2, RELANCE_PDF_ALIGN_RIGHT },
};

static RelanceCompany company = {
  .name = "Acme Crédit SAS",
  .legal_form = "SAS",
  .capital = "100 000",
  .address = "3 place Bellecour",
  .postcode = "69002",
  .city = "Lyon",
  .siren = "123 456 789",
  .vat_number = "FR12123456789",
  .phone = "04 72 00 00 00",
  .email = "recouvrement@acme.example",
  .iban = "FR76 3000 6000 0112 3456 7890 189",
  .bic = "AGRIFRPP",
  .court = "Tribunal de commerce de Lyon",
};

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->dir = g_dir_make_tmp ("relance-pdf-XXXXXX", NULL);
  assert_non_null (f->dir);
  f->path = g_build_filename (f->dir, "out.pdf", NULL);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  g_autofree char *qdf = g_build_filename (f->dir, "qdf.pdf", NULL);

  g_unlink (f->path);
  g_unlink (qdf);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f);
  return 0;
}

/* Runs @argv, returns its stdout; @status gets the exit status */
static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &wait_status, &error))
    fail_msg ("%s: %s", argv[0], error->message);
  if (status != NULL)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return out;
}

static void
save (Fixture *f,
      GBytes  *bytes)
{
  assert_non_null (bytes);
  assert_true (g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), NULL));
}

static char *
pdftotext (Fixture *f)
{
  const char *argv[] = { "pdftotext", "-layout", f->path, "-", NULL };

  return run (argv, NULL);
}

static guint
pdf_pages (Fixture *f)
{
  const char *argv[] = { "pdfinfo", f->path, NULL };
  g_autofree char *out = run (argv, NULL);
  const char *line = strstr (out, "\nPages:");

  assert_non_null (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* The content streams, uncompressed */
static char *
qdf_content (Fixture *f)
{
  g_autofree char *qdf = g_build_filename (f->dir, "qdf.pdf", NULL);
  const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", f->path, qdf, NULL };
  g_autofree char *out = run (argv, NULL);
  char *content = NULL;
  gsize length;

  assert_true (g_file_get_contents (qdf, &content, &length, NULL));
  /* binary font data inside: make it a C string up to its end */
  for (gsize i = 0; i < length; i++)
    if (content[i] == '\0')
      content[i] = ' ';
  return content;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
letter (RelancePdfWriter *writer,
        guint             n_rows)
{
  g_autoptr(GError) error = NULL;
  const char *address[] = {
    "SARL Dupont Frères", "Service comptabilité", "12 rue de l’Église", "69003 Lyon", NULL,
  };

  assert_true (relance_pdf_writer_begin (writer, &company, "Mise en demeure du 23/11/2026", &error));
  assert_null (error);
  relance_pdf_writer_address (writer, address);
  relance_pdf_writer_paragraph (writer, "Lyon, le 23 novembre 2026", RELANCE_PDF_TEXT_NORMAL,
                                RELANCE_PDF_ALIGN_RIGHT);
  relance_pdf_writer_paragraph (writer, "MISE EN DEMEURE", RELANCE_PDF_TEXT_TITLE,
                                RELANCE_PDF_ALIGN_CENTER);
  relance_pdf_writer_paragraph (writer,
                                "Malgré nos relances, les factures ci-dessous restent impayées. "
                                "Nous vous mettons en demeure de nous régler la somme de "
                                "1" NNBSP "234,56" NBSP "€ « sous huit jours », faute de quoi nous "
                                "saisirons le tribunal de commerce d’une requête en injonction "
                                "de payer.",
                                RELANCE_PDF_TEXT_NORMAL, RELANCE_PDF_ALIGN_JUSTIFY);
  relance_pdf_writer_table_begin (writer, invoice_columns, G_N_ELEMENTS (invoice_columns));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("FA-2026-%05u", i + 1);
      const char *cells[] = {
        number, "01/09/2026", "01/10/2026", "1" NNBSP "234,56" NBSP "€",
        "1" NNBSP "234,56" NBSP "€", "53", NULL,
      };

      relance_pdf_writer_table_row (writer, cells,
                                    i % 2 ? RELANCE_PDF_ROW_SHADED : RELANCE_PDF_ROW_NORMAL);
    }
  relance_pdf_writer_table_end (writer);
  relance_pdf_writer_paragraph (writer, "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
                                RELANCE_PDF_TEXT_NORMAL, RELANCE_PDF_ALIGN_LEFT);
}

static void
test_letter_extracts_accents_and_amounts (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;

  assert_non_null (writer);
  letter (writer, 3);
  bytes = relance_pdf_writer_finish (writer, &error);
  assert_null (error);
  save (f, bytes);

  text = pdftotext (f);
  /* the letterhead, the address, the footer */
  assert_non_null (strstr (text, "Acme Crédit SAS"));
  assert_non_null (strstr (text, "SIREN 123 456 789"));
  assert_non_null (strstr (text, "12 rue de l’Église"));
  assert_non_null (strstr (text, "SAS au capital de 100 000 €"));
  assert_non_null (strstr (text, "RCS Lyon"));
  assert_non_null (strstr (text, "IBAN FR76 3000 6000 0112 3456 7890 189"));
  /* accents, guillemets, the euro; poppler prints the no-break spaces as
   * spaces */
  assert_non_null (strstr (text, "Échéance"));
  assert_non_null (strstr (text, "« sous huit jours »"));
  assert_non_null (strstr (text, "1 234,56 €"));
  assert_non_null (strstr (text, "Page 1 / 1"));

  /* « 1 234,56 € » went in with U+202F and U+00A0: 1 = 31, U+202F = 81,
   * 2 = 32, 3, 4, comma 2c, 5, 6, U+00A0 = a0, € = 80 (CP1252); and the
   * ToUnicode map gives back U+202F for 81, U+00A0 for a0 (range a0–ff) */
  content = qdf_content (f);
  assert_non_null (strstr (content, "<31813233342c3536a080>"));
  assert_non_null (strstr (content, "<81> <202F>"));
  assert_non_null (strstr (content, "<A0> <FF> <00A0>"));
}

static void
test_table_repeats_its_header_on_every_page (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  letter (writer, 300);
  n_pages = relance_pdf_writer_get_n_pages (writer);
  /* a row is 8.5 × 1.32 + 2 × 2.5 = 16.2 pt; a page holds 705.8 pt of
   * body, so about 42 rows under the header: 300 rows need 7 pages or
   * more */
  assert_true (n_pages >= 7);
  bytes = relance_pdf_writer_finish (writer, &error);
  assert_null (error);
  save (f, bytes);

  assert_int_equal (pdf_pages (f), n_pages);
  text = pdftotext (f);
  pages = g_strsplit (text, "\f", -1);
  /* pdftotext ends every page with a form feed */
  assert_int_equal (g_strv_length (pages), n_pages + 1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u / %u", i + 1, n_pages);

      assert_non_null (strstr (pages[i], "Échéance"));
      assert_non_null (strstr (pages[i], "Montant TTC"));
      assert_non_null (strstr (pages[i], number));
      assert_non_null (strstr (pages[i], "RCS Lyon"));
    }
  /* every row once, the last one too */
  assert_int_equal (count (text, "FA-2026-"), 300);
  assert_non_null (strstr (text, "FA-2026-00300"));
}

static void
test_pdf_is_valid_with_embedded_fonts (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *check[] = { "qpdf", "--check", f->path, NULL };
  const char *fonts[] = { "pdffonts", f->path, NULL };
  g_autofree char *check_out = NULL;
  g_autofree char *fonts_out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  int status = -1;

  letter (writer, 20);
  bytes = relance_pdf_writer_finish (writer, &error);
  save (f, bytes);

  check_out = run (check, &status);
  assert_int_equal (status, 0);

  fonts_out = run (fonts, &status);
  assert_int_equal (status, 0);
  lines = g_strsplit (fonts_out, "\n", -1);
  /* name, type, encoding (CP1252 and the added characters: "Custom"),
   * then emb sub uni: "yes yes yes" */
  for (guint i = 2; lines[i] != NULL; i++)
    if (strstr (lines[i], "RelanceSans") != NULL)
      {
        assert_non_null (strstr (lines[i], "Custom           yes yes yes"));
        n_fonts++;
      }
  /* Relance Sans and Relance Sans Bold, of data/fonts (RELANCE_FONT_DIR) */
  assert_int_equal (n_fonts, 2);
}

static void
test_english_numbers_pages_of (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("en", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  assert_true (relance_pdf_writer_begin (writer, &company, "Statement", &error));
  relance_pdf_writer_paragraph (writer, "Dear Sir or Madam,", RELANCE_PDF_TEXT_NORMAL,
                                RELANCE_PDF_ALIGN_LEFT);
  relance_pdf_writer_space (writer, 20);
  relance_pdf_writer_keep (writer, 900);  /* more than a page: a new page */
  relance_pdf_writer_paragraph (writer, "Yours faithfully,", RELANCE_PDF_TEXT_NORMAL,
                                RELANCE_PDF_ALIGN_LEFT);
  assert_int_equal (relance_pdf_writer_get_n_pages (writer), 2);
  bytes = relance_pdf_writer_finish (writer, &error);
  save (f, bytes);

  text = pdftotext (f);
  assert_non_null (strstr (text, "Page 1 of 2"));
  assert_non_null (strstr (text, "Page 2 of 2"));
  assert_non_null (strstr (text, "SAS with a capital of 100 000 €"));
  assert_non_null (strstr (text, "VAT FR12123456789"));
}

static void
test_writer_makes_documents_one_after_the_other (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);

  /* the fonts are kept across documents: each must still carry its
   * glyphs and text */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;

      letter (writer, 2 + i);
      bytes = relance_pdf_writer_finish (writer, &error);
      assert_null (error);
      save (f, bytes);
      text = pdftotext (f);
      assert_int_equal (count (text, "FA-2026-"), 2 + i);
      assert_non_null (strstr (text, "Échéance"));
      assert_int_equal (pdf_pages (f), 1);
    }
}

static void
test_long_word_is_cut_between_characters (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *text = NULL;

  /* 300 « é » of 2 bytes: wider than a line (300 × 6.15 pt = 1845 pt
   * against 481.9 pt), so cut, but never inside a character */
  for (guint i = 0; i < 300; i++)
    g_string_append (word, "é");
  assert_true (relance_pdf_writer_begin (writer, &company, "Test", &error));
  relance_pdf_writer_paragraph (writer, word->str, RELANCE_PDF_TEXT_NORMAL, RELANCE_PDF_ALIGN_JUSTIFY);
  bytes = relance_pdf_writer_finish (writer, &error);
  save (f, bytes);

  text = pdftotext (f);
  assert_true (g_utf8_validate (text, -1, NULL));
  /* and 3 more in the letterhead and footer: « Crédit » twice, « Tél. » */
  assert_int_equal (count (text, "é"), 303);
}

static void
test_typographic_characters_extract (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  /* what the subset font keeps beyond Latin-1: Œ œ (Latin Extended-A),
   * Ș (Romanian), “ ” – — … • ‰ (General Punctuation), № ™ */
  assert_true (relance_pdf_writer_begin (writer, &company, "Test", &error));
  relance_pdf_writer_paragraph (writer, "Œuvre “cœur” – Ștefan — dossier № 12… • 3 ‰ Acme™",
                                RELANCE_PDF_TEXT_NORMAL, RELANCE_PDF_ALIGN_LEFT);
  relance_pdf_writer_paragraph (writer, "№ 12 – Œ", RELANCE_PDF_TEXT_BOLD, RELANCE_PDF_ALIGN_LEFT);
  bytes = relance_pdf_writer_finish (writer, &error);
  assert_null (error);
  save (f, bytes);

  text = pdftotext (f);
  assert_non_null (strstr (text, "Œuvre “cœur” – Ștefan — dossier № 12… • 3 ‰ Acme™"));
  assert_non_null (strstr (text, "№ 12 – Œ"));
}

/* ł ę ř ő have no code in CP1252 but a glyph in Relance Sans (Latin
 * Extended-A): they are printed with the font's "UTF-8" variant, between
 * the single-byte runs of the same line, and extract as they were */
static void
test_central_european_names_print (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *address[] = { "Łukasz Wałęsa Dvořák Sp. z o.o.", "À l’attention de Zoë Kővári", NULL };

  assert_true (relance_pdf_writer_begin (writer, &company, "Test", &error));
  relance_pdf_writer_address (writer, address);
  relance_pdf_writer_paragraph (writer, "Encours de Łódź : 1\u202F234,56 €", RELANCE_PDF_TEXT_BOLD,
                                RELANCE_PDF_ALIGN_LEFT);
  bytes = relance_pdf_writer_finish (writer, &error);
  assert_null (error);
  save (f, bytes);

  text = pdftotext (f);
  assert_non_null (strstr (text, "Łukasz Wałęsa Dvořák Sp. z o.o."));
  assert_non_null (strstr (text, "Zoë Kővári"));
  assert_non_null (strstr (text, "Łódź"));
}

/* Grey PNG images of 2 × 1 and 3 × 2 pixels */
static const char logo_2x1[] = "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x01\x08\x02\x00\x00\x00\x7b\x40\xe8\xdd\x00\x00\x00\x0b\x49\x44\x41\x54\x78\x9c\x63\x68\x00\x03\x00\x0a\x87\x03\x01\xc4\xc6\x1f\x66\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
static const char logo_3x2[] = "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x03\x00\x00\x00\x02\x08\x02\x00\x00\x00\x12\x16\xf1\x4d\x00\x00\x00\x0e\x49\x44\x41\x54\x78\x9c\x63\x68\x80\x01\x06\x38\x0b\x00\x5a\x14\x09\x01\xb2\x12\x3d\x87\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

/* The size of the first image of the PDF, as pdfimages lists it */
static char *
first_image_size (Fixture *f)
{
  const char *argv[] = { "pdfimages", "-list", f->path, NULL };
  g_autofree char *out = run (argv, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_auto(GStrv) fields = NULL;

  /* two header lines, then "page num type width height …" */
  assert_true (g_strv_length (lines) > 2);
  fields = g_strsplit_set (g_strstrip (lines[2]), " ", -1);
  {
    g_autoptr(GPtrArray) words = g_ptr_array_new ();

    for (guint i = 0; fields[i] != NULL; i++)
      if (fields[i][0] != '\0')
        g_ptr_array_add (words, fields[i]);
    assert_true (words->len > 4);
    return g_strdup_printf ("%s×%s", (char *) words->pdata[3], (char *) words->pdata[4]);
  }
}

/* The logo is printed, and a new logo saved under the same name is read
 * again by a writer that printed the old one */
static void
test_logo_replaced_under_the_same_name_is_read_again (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  RelanceCompany with_logo = company;
  struct utimbuf later = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  with_logo.logo_path = logo;
  assert_true (g_file_set_contents (logo, logo_2x1, sizeof logo_2x1 - 1, NULL));
  assert_true (relance_pdf_writer_begin (writer, &with_logo, "Test", &error));
  {
    g_autoptr(GBytes) bytes = relance_pdf_writer_finish (writer, &error);

    assert_null (error);
    save (f, bytes);
  }
  first = first_image_size (f);
  assert_string_equal (first, "2×1");

  /* the same name, another picture, a later modification time */
  assert_true (g_file_set_contents (logo, logo_3x2, sizeof logo_3x2 - 1, NULL));
  later.actime = later.modtime = time (NULL) + 60;
  assert_int_equal (utime (logo, &later), 0);
  assert_true (relance_pdf_writer_begin (writer, &with_logo, "Test", &error));
  {
    g_autoptr(GBytes) bytes = relance_pdf_writer_finish (writer, &error);

    assert_null (error);
    save (f, bytes);
  }
  second = first_image_size (f);
  assert_string_equal (second, "3×2");
  g_unlink (logo);
}

static void
test_character_the_font_lacks_is_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *address[] = { "Дмитрий Petrov", "Moscou", NULL };
  g_autofree char *text = NULL;

  /* Cyrillic is not in Relance Sans: the name would be printed as empty
   * boxes, so the document is refused, naming the first character
   * (Д = U+0414) */
  assert_true (relance_pdf_writer_begin (writer, &company, "Test", &error));
  relance_pdf_writer_address (writer, address);
  refused = relance_pdf_writer_finish (writer, &error);
  assert_null (refused);
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF));
  assert_non_null (strstr (error->message, "U+0414"));
  g_clear_error (&error);

  /* the writer goes on with the next document */
  letter (writer, 1);
  bytes = relance_pdf_writer_finish (writer, &error);
  assert_null (error);
  save (f, bytes);
  text = pdftotext (f);
  assert_non_null (strstr (text, "FA-2026-00001"));
}

static void
test_company_without_name_is_refused (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePdfWriter) writer = relance_pdf_writer_new ("fr", &error);
  RelanceCompany nameless = { .city = "Lyon" };

  assert_false (relance_pdf_writer_begin (writer, &nameless, "Test", &error));
  assert_true (g_error_matches (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_COMPANY));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_letter_extracts_accents_and_amounts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_table_repeats_its_header_on_every_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pdf_is_valid_with_embedded_fonts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_english_numbers_pages_of, setup, teardown),
    cmocka_unit_test_setup_teardown (test_writer_makes_documents_one_after_the_other, setup, teardown),
    cmocka_unit_test_setup_teardown (test_long_word_is_cut_between_characters, setup, teardown),
    cmocka_unit_test_setup_teardown (test_typographic_characters_extract, setup, teardown),
    cmocka_unit_test_setup_teardown (test_central_european_names_print, setup, teardown),
    cmocka_unit_test_setup_teardown (test_logo_replaced_under_the_same_name_is_read_again, setup, teardown),
    cmocka_unit_test_setup_teardown (test_character_the_font_lacks_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_company_without_name_is_refused, setup, teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
