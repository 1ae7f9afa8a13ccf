/* relance-pdf-writer.c — A4 pages with libharu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fonts are simple TrueType fonts with one byte per character, in
 * libharu's "CP1252" encoding (Windows-1252, a superset of Latin-1 with
 * € « » ’ “ ” – — … • œ Œ ™ ‰), to which the writer adds the characters
 * French documents need that CP1252 lacks, in five of its unassigned
 * codes: U+202F, the narrow no-break space of « 1 234,56 € », № U+2116,
 * ≥ U+2265 and Ș ș U+0218 U+0219 (see extra_chars). libharu then keeps
 * 256 widths per font and embeds only the glyphs a document printed,
 * where its Type 0 "UTF-8" path (used until issue 4) looked up all
 * 65,536 code points in the font's cmap for every document and font,
 * wrote their widths and a CIDToGIDMap, and embedded every glyph: 8 of
 * the 13 ms of a formal notice. Word spacing is still not used: a
 * justified line is drawn word by word at computed positions, and widths
 * are measured here from the font's advance widths (cached).
 *
 * Speed: one HPDF_Doc lives as long as the writer. HPDF_NewDoc() frees a
 * document's objects but keeps the parsed font definitions and the
 * encoders, so the TrueType files are read and parsed once per writer;
 * each document only asks HPDF_GetFont() for the fonts, and libharu
 * writes into it the glyphs that document used. Coordinates are PDF
 * points from the bottom left.
 *
 * The fonts are Relance Sans (data/fonts/, made by build-aux/make-fonts),
 * a subset of DejaVu Sans for French and English letters; the system's
 * DejaVu Sans is used when the subset is not installed.
 *
 * Text is extracted (copy, search, pdftotext) through the font's
 * /Encoding: WinAnsiEncoding and /Differences naming the added
 * characters "uni202F" and so on, which readers map back to Unicode.
 *
 * A character the encoding has no code for but the font has a glyph for
 * (ł, č, ő of Central European names: Latin Extended-A) is printed with
 * the same font through libharu's Type 0 "UTF-8" path, created for the
 * document only when it needs it: the cost of that path is paid by the
 * few letters to such names, not by every document.
 *
 * A character the font lacks is never dropped silently: the document is
 * refused by relance_pdf_writer_finish() with an error that names it.
 */
#define G_LOG_DOMAIN "relance-pdf-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <string.h>

#include "relance-documents.h"
#include "relance-pdf-writer.h"

#define MM(x) ((x) * 72.0 / 25.4)

#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.89
#define MARGIN_LEFT  MM (20)
#define MARGIN_RIGHT MM (20)
#define MARGIN_TOP   MM (18)
/* the footer's legal mentions sit under this line */
#define BODY_BOTTOM  MM (30)
#define FOOTER_TOP   MM (22)
#define BODY_WIDTH   (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

/* The window of a DL envelope (110 × 220 mm, window 45 × 100 mm on the
 * right): the address starts 110 mm from the left, 47 mm from the top */
#define ADDRESS_LEFT  MM (110)
#define ADDRESS_TOP   MM (47)
#define ADDRESS_WIDTH (PAGE_WIDTH - ADDRESS_LEFT - MARGIN_RIGHT)

#define SIZE_NORMAL  10.0
#define SIZE_SMALL    7.5
#define SIZE_TITLE   14.0
#define SIZE_TABLE    8.5
#define LEADING       1.32

#define CELL_PAD_X    3.0
#define CELL_PAD_Y    2.5

/* Width cache: advance widths (1/1000 em) of the code points below this */
#define N_CACHED_CHARS 0x3000
#define WIDTH_UNKNOWN  G_MAXUINT16

/* Glyph cache, for the same code points */
typedef enum
{
  GLYPH_UNKNOWN,
  GLYPH_PRESENT,
  GLYPH_MISSING,
} GlyphState;

typedef enum
{
  FONT_REGULAR,
  FONT_BOLD,
  N_FONTS,
} FontIndex;

typedef struct
{
  char            *title;
  double           width;
  RelancePdfAlign  align;
} Column;

typedef struct
{
  const char *start;
  gsize       len;
  double      width;
} Word;

struct _RelancePdfWriter
{
  HPDF_Doc      pdf;
  HPDF_STATUS   hpdf_error;
  HPDF_STATUS   hpdf_detail;
  char         *language;
  gboolean      english;

  char         *font_path[N_FONTS];
  const char   *font_name[N_FONTS];  /* owned by libharu's font definitions */
  HPDF_FontDef  font_def[N_FONTS];   /* owned by the HPDF_Doc */
  HPDF_Font     font[N_FONTS];       /* of the document under way */
  HPDF_Font     utf_font[N_FONTS];   /* the same, "UTF-8": made when needed */
  guint16      *widths[N_FONTS];
  guint8       *glyphs[N_FONTS];     /* GlyphState */

  /* the code of each character of codes 0x80 to 0x9F, from the encoder */
  gunichar      high_chars[32];
  char         *to_unicode;          /* the fonts' ToUnicode CMap */

  /* the logo, read once per path */
  char         *logo_path;
  GBytes       *logo_bytes;
  gboolean      logo_is_png;
  gint64        logo_mtime;

  /* the document under way */
  gboolean      in_document;
  GPtrArray    *pages;               /* HPDF_Page, not owned */
  HPDF_Page     page;
  double        y;                   /* baseline cursor: what is drawn goes below */
  char         *footer[2];

  GArray       *columns;             /* Column, while a table is open */

  /* the first character of the document that its font lacks: 0 when none */
  gunichar      missing_char;
  FontIndex     missing_font;

  GString      *scratch;
};

/* The few words the page furniture prints, in the document's language (not
 * the interface's: an English letter may be printed from a French
 * desktop) */
typedef struct
{
  const char *vat;
  const char *phone;
  const char *capital;
} Words;

static const Words words_fr = {
  "TVA intracommunautaire", "Tél.", "au capital de",
};
static const Words words_en = {
  "VAT", "Phone", "with a capital of",
};

/* Relance Sans, the subset of DejaVu Sans installed with the application */
static const char * const font_files[N_FONTS] = {
  "RelanceSans.ttf",
  "RelanceSans-Bold.ttf",
};

/* The whole DejaVu Sans of the system, when Relance Sans is not installed */
static const char * const fallback_files[N_FONTS] = {
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
};

/* The characters CP1252 lacks that the documents print, and the codes
 * CP1252 leaves unassigned where they go */
static const struct
{
  guint8   code;
  gunichar c;
} extra_chars[] = {
  { 0x81, 0x202F },  /* NARROW NO-BREAK SPACE, the thousands separator */
  { 0x8D, 0x2116 },  /* № */
  { 0x8F, 0x2265 },  /* ≥ */
  { 0x90, 0x0218 },  /* Ș, of Romanian names */
  { 0x9D, 0x0219 },  /* ș */
};

#define ENCODING_NAME "CP1252"
#define NO_CODE       0

/* Helpers */

/* The end of the line that starts at @p: its '\n' or the final NUL */
static const char *
line_end (const char *p)
{
  while (*p != '\0' && *p != '\n')
    p++;
  return p;
}

static const Words *
words (RelancePdfWriter *self)
{
  return self->english ? &words_en : &words_fr;
}

static void
hpdf_error_cb (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  RelancePdfWriter *self = user_data;

  /* The first error is the cause; the rest follow from it. Reported by
   * finish(), since drawing calls return nothing. */
  if (self->hpdf_error == HPDF_OK)
    {
      self->hpdf_error = error_no;
      self->hpdf_detail = detail_no;
    }
}

/* @file_name in @dir, or in one of its sub-directories when @deep, as
 * runtimes sort fonts by family */
static char *
find_in_dir (const char *dir,
             const char *file_name,
             gboolean    deep)
{
  g_autofree char *path = NULL;
  g_autoptr(GDir) entries = NULL;
  const char *entry;

  if (dir == NULL || dir[0] == '\0')
    return NULL;
  path = g_build_filename (dir, file_name, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);
  if (!deep)
    return NULL;

  entries = g_dir_open (dir, 0, NULL);
  while (entries != NULL && (entry = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *sub = g_build_filename (dir, entry, file_name, NULL);

      if (g_file_test (sub, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&sub);
    }
  return NULL;
}

/* Looks for Relance Sans in RELANCE_FONT_DIR (the tests point it at
 * data/fonts/ of the source tree), then where the application installed
 * it; then for DejaVu Sans in RELANCE_FONT_DIR and in the system's fonts:
 * slower, but every letter can still be printed */
static char *
find_font (FontIndex f)
{
  const char *env = g_getenv ("RELANCE_FONT_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "fonts", NULL);
  /* Debian's fonts-dejavu-core, then the Flatpak runtime and the app */
  const char *dirs[] = {
    env,
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts",
    "/app/share/fonts",
  };
  char *path;

  if ((path = find_in_dir (env, font_files[f], FALSE)) != NULL)
    return path;
  if ((path = find_in_dir (installed, font_files[f], FALSE)) != NULL)
    return path;
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if ((path = find_in_dir (dirs[i], fallback_files[f], TRUE)) != NULL)
      return path;
  return NULL;
}

static double
font_size (RelancePdfTextStyle style)
{
  if (style & RELANCE_PDF_TEXT_TITLE)
    return SIZE_TITLE;
  if (style & RELANCE_PDF_TEXT_SMALL)
    return SIZE_SMALL;
  return SIZE_NORMAL;
}

static FontIndex
font_index (RelancePdfTextStyle style)
{
  return (style & (RELANCE_PDF_TEXT_BOLD | RELANCE_PDF_TEXT_TITLE)) ? FONT_BOLD : FONT_REGULAR;
}

static guint
char_width (RelancePdfWriter *self,
            FontIndex         f,
            gunichar          c)
{
  guint16 *cache = self->widths[f];
  HPDF_INT16 w;

  if (c < N_CACHED_CHARS && cache[c] != WIDTH_UNKNOWN)
    return cache[c];
  /* the same advance widths libharu writes in the font's /Widths */
  w = HPDF_TTFontDef_GetCharWidth (self->font_def[f], (HPDF_UINT16) MIN (c, 0xFFFF));
  if (w < 0)
    w = 0;
  if (c < N_CACHED_CHARS)
    cache[c] = (guint16) w;
  return (guint) w;
}

/* The byte that prints @c, or NO_CODE: ASCII and Latin-1 are their own
 * codes in CP1252; the 32 codes between them are looked up */
static guint8
char_code (RelancePdfWriter *self,
           gunichar          c)
{
  if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF))
    return (guint8) c;
  if (c < 0x100)
    return NO_CODE;
  for (guint i = 0; i < G_N_ELEMENTS (self->high_chars); i++)
    if (self->high_chars[i] == c)
      return (guint8) (0x80 + i);
  return NO_CODE;
}

/* Whether font @f prints @c: the encoding has a code for it and the font
 * a glyph; libharu would print an empty box (glyph 0) otherwise */
static gboolean
has_glyph (RelancePdfWriter *self,
           FontIndex         f,
           gunichar          c)
{
  guint8 *cache = self->glyphs[f];
  gboolean present;

  if (c < N_CACHED_CHARS && cache[c] != GLYPH_UNKNOWN)
    return cache[c] == GLYPH_PRESENT;
  /* without a code, the "UTF-8" font prints it (draw_text) */
  present = c >= 0x20 && c <= 0xFFFF
            && HPDF_TTFontDef_GetGlyphid (self->font_def[f], (HPDF_UINT16) c) != 0;
  if (c < N_CACHED_CHARS)
    cache[c] = present ? GLYPH_PRESENT : GLYPH_MISSING;
  return present;
}

/* Writes the font's /Encoding in place of libharu's
 * HPDF_BasicEncoder_Write(), which names a character by its name in the
 * Adobe Glyph List and has none for U+202F (it would write /.notdef, a
 * blank that extracts as nothing): every added character is named
 * "uniXXXX", which PDF readers map to its Unicode value to find the glyph
 * in the font's cmap and to extract the text. */
static HPDF_STATUS
write_encoding (HPDF_Encoder encoder,
                HPDF_Stream  out)
{
  HPDF_BasicEncoderAttr attr = encoder->attr;
  g_autoptr(GString) text = g_string_new ("/Encoding <<\012/Type /Encoding\012"
                                          "/BaseEncoding /WinAnsiEncoding\012/Differences [");

  for (guint i = attr->first_char; i <= attr->last_char; i++)
    {
      const char *name = HPDF_UnicodeToGryphName (attr->unicode_map[i]);

      if (!attr->differences[i])
        continue;
      /* libharu's names for its own differences, "uniXXXX" for ours */
      for (guint j = 0; j < G_N_ELEMENTS (extra_chars); j++)
        if (extra_chars[j].code == i)
          name = NULL;
      if (name != NULL)
        g_string_append_printf (text, "%u /%s ", i, name);
      else
        g_string_append_printf (text, "%u /uni%04X ", i, (guint) attr->unicode_map[i]);
    }
  g_string_append (text, "]\012>>\012");
  return HPDF_Stream_WriteStr (out, text->str);
}

/* The ToUnicode CMap of the fonts: what a reader extracts for each code
 * without guessing from glyph names. ASCII and Latin-1 are their own
 * Unicode values, two ranges; the codes between them one by one. */
static char *
build_to_unicode (RelancePdfWriter *self)
{
  GString *text = g_string_new ("/CIDInit /ProcSet findresource begin\n"
                                "12 dict begin\n"
                                "begincmap\n"
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                                "/CMapName /Adobe-Identity-UCS def\n"
                                "/CMapType 2 def\n"
                                "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
                                "2 beginbfrange\n<20> <7E> <0020>\n<A0> <FF> <00A0>\nendbfrange\n");
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->high_chars); i++)
    if (self->high_chars[i] != 0)
      n++;
  if (n > 0)
    {
      g_string_append_printf (text, "%u beginbfchar\n", n);
      for (guint i = 0; i < G_N_ELEMENTS (self->high_chars); i++)
        if (self->high_chars[i] != 0)
          g_string_append_printf (text, "<%02X> <%04X>\n", 0x80 + i, (guint) self->high_chars[i]);
      g_string_append (text, "endbfchar\n");
    }
  g_string_append (text, "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");
  return g_string_free (text, FALSE);
}

/* Gives this document's fonts their ToUnicode CMap, one stream for both.
 * libharu 2.3.0 writes none for a simple TrueType font (readers then
 * fall back on the /Encoding's glyph names); the dictionary and stream
 * calls are libharu's public object API. */
static void
add_to_unicode (RelancePdfWriter *self)
{
  HPDF_Dict cmap = HPDF_DictStream_New (self->pdf->mmgr, self->pdf->xref);

  if (cmap == NULL)
    return;
  cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Stream_WriteStr (cmap->stream, self->to_unicode);
  for (guint f = 0; f < N_FONTS; f++)
    HPDF_Dict_Add (self->font[f], "ToUnicode", cmap);
}

/* Adds extra_chars to the writer's "CP1252" encoder, which belongs to its
 * HPDF_Doc and outlives HPDF_NewDoc(). This writes into libharu's encoder
 * (hpdf_encoder.h, installed as public, the same in 2.3 and 2.4): its
 * type and base encoding are checked first, and the codes changed are
 * ones CP1252 leaves unassigned, so the standard characters keep their
 * codes whatever happens. */
static gboolean
set_up_encoder (RelancePdfWriter *self)
{
  HPDF_Encoder encoder = HPDF_GetEncoder (self->pdf, ENCODING_NAME);
  HPDF_BasicEncoderAttr attr;

  if (encoder == NULL || encoder->type != HPDF_ENCODER_TYPE_SINGLE_BYTE
      || encoder->attr == NULL)
    return FALSE;
  attr = encoder->attr;
  if (g_strcmp0 (attr->base_encoding, HPDF_ENCODING_WIN_ANSI) != 0
      || attr->first_char > 0x20 || attr->last_char < 0xFF)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (extra_chars); i++)
    {
      guint8 code = extra_chars[i].code;

      if (attr->unicode_map[code] != 0 && attr->unicode_map[code] != extra_chars[i].c)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra_chars); i++)
    {
      attr->unicode_map[extra_chars[i].code] = (HPDF_UNICODE) extra_chars[i].c;
      attr->differences[extra_chars[i].code] = 1;
    }
  attr->has_differences = HPDF_TRUE;
  encoder->write_fn = write_encoding;
  for (guint i = 0; i < G_N_ELEMENTS (self->high_chars); i++)
    self->high_chars[i] = attr->unicode_map[0x80 + i];
  self->to_unicode = build_to_unicode (self);
  return TRUE;
}

/* Notes the first character of @len bytes at @text that font @f lacks,
 * for finish() to refuse the document: a name printed without one of its
 * letters would be a wrong name on a formal notice */
static void
check_glyphs (RelancePdfWriter *self,
              FontIndex         f,
              const char       *text,
              gsize             len)
{
  const char *end = text + len;

  if (self->missing_char != 0)
    return;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!has_glyph (self, f, c))
        {
          self->missing_char = c;
          self->missing_font = f;
          return;
        }
    }
}

/* The width in points of @len bytes of UTF-8 at @text */
static double
measure (RelancePdfWriter *self,
         FontIndex         f,
         double            size,
         const char       *text,
         gsize             len)
{
  const char *end = text + len;
  guint total = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    total += char_width (self, f, g_utf8_get_char (p));
  return total * size / 1000.0;
}

/* The document's "UTF-8" font @f, made the first time a character
 * without a code is printed; NULL when libharu cannot make it */
static HPDF_Font
utf_font (RelancePdfWriter *self,
          FontIndex         f)
{
  if (self->utf_font[f] == NULL)
    self->utf_font[f] = HPDF_GetFont (self->pdf, self->font_name[f], "UTF-8");
  return self->utf_font[f];
}

/* Draws one run of text in one font: @encoded is NUL-terminated */
static void
draw_run (HPDF_Page   page,
          HPDF_Font   font,
          double      size,
          double      x,
          double      y,
          const char *encoded)
{
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, size);
  HPDF_Page_TextOut (page, x, y, encoded);
  HPDF_Page_EndText (page);
}

/* Draws @len bytes at @text: the characters with a code in the
 * single-byte font, runs of the others in the "UTF-8" font */
static void
draw_text (RelancePdfWriter *self,
           HPDF_Page         page,
           FontIndex         f,
           double            size,
           double            x,
           double            y,
           const char       *text,
           gsize             len)
{
  const char *end = text + len;
  const char *p = text;

  if (len == 0)
    return;
  check_glyphs (self, f, text, len);
  while (p < end)
    {
      const char *run = p;
      gboolean coded = char_code (self, g_utf8_get_char (p)) != NO_CODE;
      HPDF_Font font = self->font[f];

      g_string_truncate (self->scratch, 0);
      while (p < end && (char_code (self, g_utf8_get_char (p)) != NO_CODE) == coded)
        {
          if (coded)
            g_string_append_c (self->scratch, (char) char_code (self, g_utf8_get_char (p)));
          p = g_utf8_next_char (p);
        }
      if (!coded)
        {
          /* a character without a glyph refuses the document (check_glyphs) */
          font = utf_font (self, f);
          if (font == NULL)
            {
              if (self->missing_char == 0)
                {
                  self->missing_char = g_utf8_get_char (run);
                  self->missing_font = f;
                }
              continue;
            }
          g_string_append_len (self->scratch, run, p - run);
        }
      draw_run (page, font, size, x, y, self->scratch->str);
      x += measure (self, f, size, run, p - run);
    }
}

static void
draw_aligned (RelancePdfWriter *self,
              HPDF_Page         page,
              FontIndex         f,
              double            size,
              double            x,
              double            width,
              double            y,
              RelancePdfAlign   align,
              const char       *text,
              gsize             len)
{
  double w;

  if (align == RELANCE_PDF_ALIGN_LEFT || align == RELANCE_PDF_ALIGN_JUSTIFY)
    {
      draw_text (self, page, f, size, x, y, text, len);
      return;
    }
  w = measure (self, f, size, text, len);
  if (align == RELANCE_PDF_ALIGN_RIGHT)
    draw_text (self, page, f, size, x + width - w, y, text, len);
  else
    draw_text (self, page, f, size, x + (width - w) / 2, y, text, len);
}

/* Cuts @text into lines no wider than @width: @lines gets, for each line,
 * a GArray of Word. Hard line breaks are kept; only ASCII spaces break a
 * line (U+00A0 and U+202F hold « 1 234,56 € » together); a word wider
 * than a line is cut between two characters. */
static GPtrArray *
wrap (RelancePdfWriter *self,
      FontIndex         f,
      double            size,
      const char       *text,
      double            width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double space = char_width (self, f, ' ') * size / 1000.0;
  const char *p = text;

  while (TRUE)
    {
      const char *eol = line_end (p);
      GArray *line = g_array_new (FALSE, FALSE, sizeof (Word));
      double line_width = 0;

      g_ptr_array_add (lines, line);
      while (p < eol)
        {
          Word word;
          const char *q;

          while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
          if (p == eol)
            break;
          for (q = p; q < eol && *q != ' ' && *q != '\t' && *q != '\r'; q++)
            ;
          word.start = p;
          word.len = q - p;
          word.width = measure (self, f, size, p, word.len);
          p = q;

          /* a word longer than a whole line: cut it where it overflows */
          while (word.width > width)
            {
              const char *cut = word.start;
              const char *word_end = word.start + word.len;
              double w = 0;
              Word head;

              if (line->len > 0)
                {
                  line = g_array_new (FALSE, FALSE, sizeof (Word));
                  g_ptr_array_add (lines, line);
                  line_width = 0;
                }
              while (cut < word_end)
                {
                  double cw = char_width (self, f, g_utf8_get_char (cut)) * size / 1000.0;

                  if (w + cw > width && cut > word.start)
                    break;
                  w += cw;
                  cut = g_utf8_next_char (cut);
                }
              head.start = word.start;
              head.len = cut - word.start;
              head.width = w;
              g_array_append_val (line, head);
              line = g_array_new (FALSE, FALSE, sizeof (Word));
              g_ptr_array_add (lines, line);
              word.start = cut;
              word.len = word_end - cut;
              word.width -= w;
            }
          if (word.len == 0)
            continue;

          if (line->len > 0 && line_width + space + word.width > width)
            {
              line = g_array_new (FALSE, FALSE, sizeof (Word));
              g_ptr_array_add (lines, line);
              line_width = 0;
            }
          line_width += (line->len > 0 ? space : 0) + word.width;
          g_array_append_val (line, word);
        }
      if (*eol == '\0')
        break;
      p = eol + 1;
    }

  /* a trailing empty line (text ending with a line break) prints nothing */
  if (lines->len > 1 && ((GArray *) lines->pdata[lines->len - 1])->len == 0)
    g_ptr_array_set_size (lines, lines->len - 1);
  return lines;
}

/* Draws one wrapped line; @last tells a justified paragraph's last line
 * (or the last before a hard break), which stays flush left */
static void
draw_line (RelancePdfWriter *self,
           HPDF_Page         page,
           FontIndex         f,
           double            size,
           double            x,
           double            width,
           double            y,
           RelancePdfAlign   align,
           GArray           *line,
           gboolean          last)
{
  const Word *first, *final;

  if (line->len == 0)
    return;
  first = &g_array_index (line, Word, 0);
  final = &g_array_index (line, Word, line->len - 1);

  if (align == RELANCE_PDF_ALIGN_JUSTIFY && !last && line->len > 1)
    {
      /* widths in points, not money */
      double words_width = 0, gap, cx = x;

      for (guint i = 0; i < line->len; i++)
        words_width += g_array_index (line, Word, i).width;
      gap = (width - words_width) / (line->len - 1);
      for (guint i = 0; i < line->len; i++)
        {
          const Word *w = &g_array_index (line, Word, i);

          draw_text (self, page, f, size, cx, y, w->start, w->len);
          cx += w->width + gap;
        }
      return;
    }

  /* the words of a line with single spaces between them */
  {
    g_autoptr(GString) joined = g_string_sized_new (final->start + final->len - first->start);

    for (guint i = 0; i < line->len; i++)
      {
        const Word *w = &g_array_index (line, Word, i);

        if (i > 0)
          g_string_append_c (joined, ' ');
        g_string_append_len (joined, w->start, w->len);
      }
    draw_aligned (self, page, f, size, x, width, y, align, joined->str, joined->len);
  }
}

static void
draw_footer (RelancePdfWriter *self,
             HPDF_Page         page)
{
  double y = FOOTER_TOP;

  HPDF_Page_SetGrayStroke (page, 0.6);
  HPDF_Page_SetLineWidth (page, 0.4);
  HPDF_Page_MoveTo (page, MARGIN_LEFT, y + SIZE_SMALL * 1.2);
  HPDF_Page_LineTo (page, PAGE_WIDTH - MARGIN_RIGHT, y + SIZE_SMALL * 1.2);
  HPDF_Page_Stroke (page);

  HPDF_Page_SetGrayFill (page, 0.3);
  for (guint i = 0; i < G_N_ELEMENTS (self->footer); i++)
    {
      g_autoptr(GPtrArray) lines = NULL;

      if (self->footer[i] == NULL)
        continue;
      lines = wrap (self, FONT_REGULAR, SIZE_SMALL, self->footer[i], BODY_WIDTH);
      for (guint j = 0; j < lines->len; j++)
        {
          draw_line (self, page, FONT_REGULAR, SIZE_SMALL, MARGIN_LEFT, BODY_WIDTH, y,
                     RELANCE_PDF_ALIGN_CENTER, lines->pdata[j], TRUE);
          y -= SIZE_SMALL * LEADING;
        }
    }
  HPDF_Page_SetGrayFill (page, 0);
  HPDF_Page_SetGrayStroke (page, 0);
}

static void
new_page (RelancePdfWriter *self)
{
  HPDF_Page page = HPDF_AddPage (self->pdf);

  if (page == NULL)
    return;
  HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->y = PAGE_HEIGHT - MARGIN_TOP;
  draw_footer (self, page);
}

/* Moves the cursor down by @height, on a new page when it would go into
 * the footer */
static void
ensure_room (RelancePdfWriter *self,
             double            height)
{
  if (self->y - height < BODY_BOTTOM)
    new_page (self);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
load_logo (RelancePdfWriter *self,
           const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  GStatBuf info;
  gint64 mtime = 0;

  /* read again when the file changed: a writer lives as long as its
   * thread, and a new logo may be saved under the same name */
  if (path != NULL && g_stat (path, &info) == 0)
    mtime = (gint64) info.st_mtime;
  if (g_strcmp0 (path, self->logo_path) == 0 && mtime == self->logo_mtime)
    return;
  g_clear_pointer (&self->logo_bytes, g_bytes_unref);
  g_free (self->logo_path);
  self->logo_path = g_strdup (path);
  self->logo_mtime = mtime;
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_debug ("No logo: %s", error->message);
      return;
    }
  if (length >= 8 && memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0)
    self->logo_is_png = TRUE;
  else if (length >= 3 && memcmp (contents, "\xff\xd8\xff", 3) == 0)
    self->logo_is_png = FALSE;
  else
    {
      g_debug ("The logo %s is neither PNG nor JPEG", path);
      return;
    }
  self->logo_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The logo at the top left, at most 50 × 18 mm; returns its height */
static double
draw_logo (RelancePdfWriter     *self,
           const RelanceCompany *company)
{
  HPDF_Image image;
  gsize length;
  const HPDF_BYTE *data;
  double w, h, scale;

  if (!has_text (company->logo_path))
    return 0;
  load_logo (self, company->logo_path);
  if (self->logo_bytes == NULL)
    return 0;

  data = g_bytes_get_data (self->logo_bytes, &length);
  if (self->logo_is_png)
    image = HPDF_LoadPngImageFromMem (self->pdf, data, (HPDF_UINT) length);
  else
    image = HPDF_LoadJpegImageFromMem (self->pdf, data, (HPDF_UINT) length);
  if (image == NULL)
    {
      /* an unreadable logo is left out, the letter is still good */
      g_debug ("libharu could not read the logo %s", company->logo_path);
      HPDF_ResetError (self->pdf);
      self->hpdf_error = HPDF_OK;
      return 0;
    }
  w = HPDF_Image_GetWidth (image);
  h = HPDF_Image_GetHeight (image);
  if (w <= 0 || h <= 0)
    return 0;
  scale = MIN (MM (50) / w, MM (18) / h);
  HPDF_Page_DrawImage (self->page, image, MARGIN_LEFT, self->y - h * scale,
                       w * scale, h * scale);
  return h * scale;
}

static void
add_joined (GString    *line,
            const char *separator,
            const char *text)
{
  if (!has_text (text))
    return;
  if (line->len > 0)
    g_string_append (line, separator);
  g_string_append (line, text);
}

/* « RCS Lyon »: the city of the court's registry, else the company's */
static const char *
registry_city (const RelanceCompany *company)
{
  const char *court = company->court;
  const char *p;

  if (has_text (court) && (p = strstr (court, "commerce de ")) != NULL)
    return p + strlen ("commerce de ");
  if (has_text (court) && (p = strstr (court, "commerce d’")) != NULL)
    return p + strlen ("commerce d’");
  return company->city;
}

static void
build_footer (RelancePdfWriter     *self,
              const RelanceCompany *company)
{
  const char *sep = " – ";
  g_autoptr(GString) legal = g_string_new (NULL);
  g_autoptr(GString) bank = g_string_new (NULL);

  g_string_append (legal, company->name);
  if (has_text (company->legal_form) || has_text (company->capital))
    {
      g_autoptr(GString) form = g_string_new (company->legal_form);

      if (has_text (company->capital))
        {
          if (form->len > 0)
            g_string_append_c (form, ' ');
          g_string_append_printf (form, "%s %s", words (self)->capital, company->capital);
          /* the capital is free text: « 10 000 » means euros */
          if (strstr (company->capital, "€") == NULL && strstr (company->capital, "EUR") == NULL)
            g_string_append (form, " €");
        }
      add_joined (legal, sep, form->str);
    }
  if (has_text (company->siren))
    {
      g_autofree char *siren = g_strdup_printf ("SIREN %s", company->siren);

      add_joined (legal, sep, siren);
      if (has_text (registry_city (company)))
        {
          g_autofree char *rcs = g_strdup_printf ("RCS %s", registry_city (company));

          add_joined (legal, sep, rcs);
        }
    }
  if (has_text (company->vat_number))
    {
      g_autofree char *vat = g_strdup_printf ("%s %s", words (self)->vat, company->vat_number);

      add_joined (legal, sep, vat);
    }
  if (has_text (company->iban))
    {
      g_autofree char *grouped_iban = relance_format_iban (company->iban);
      g_autofree char *iban = g_strdup_printf ("IBAN %s", grouped_iban);

      add_joined (bank, sep, iban);
      if (has_text (company->bic))
        {
          g_autofree char *bic = g_strdup_printf ("BIC %s", company->bic);

          add_joined (bank, sep, bic);
        }
    }
  self->footer[0] = g_string_free (g_steal_pointer (&legal), FALSE);
  self->footer[1] = bank->len > 0 ? g_string_free (g_steal_pointer (&bank), FALSE) : NULL;
}

/* The creditor at the top left: name, address, identifiers, contact */
static void
draw_letterhead (RelancePdfWriter     *self,
                 const RelanceCompany *company)
{
  double width = ADDRESS_LEFT - MARGIN_LEFT - MM (8);
  double logo_height = draw_logo (self, company);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) city = g_string_new (NULL);
  g_autoptr(GString) contact = g_string_new (NULL);
  double y = self->y;

  if (logo_height > 0)
    y -= logo_height + MM (3);

  y -= 12.0;
  {
    g_autoptr(GPtrArray) name_lines = wrap (self, FONT_BOLD, 12.0, company->name, width);

    for (guint i = 0; i < name_lines->len; i++)
      {
        draw_line (self, self->page, FONT_BOLD, 12.0, MARGIN_LEFT, width, y,
                   RELANCE_PDF_ALIGN_LEFT, name_lines->pdata[i], TRUE);
        y -= 12.0 * LEADING;
      }
  }

  if (has_text (company->address))
    g_ptr_array_add (lines, g_strdup (company->address));
  add_joined (city, " ", company->postcode);
  add_joined (city, " ", company->city);
  if (city->len > 0)
    g_ptr_array_add (lines, g_strdup (city->str));
  if (has_text (company->country) && g_ascii_strcasecmp (company->country, "FR") != 0
      && g_ascii_strcasecmp (company->country, "France") != 0)
    g_ptr_array_add (lines, g_strdup (company->country));
  if (has_text (company->siren))
    g_ptr_array_add (lines, g_strdup_printf ("SIREN %s", company->siren));
  if (has_text (company->vat_number))
    g_ptr_array_add (lines, g_strdup_printf ("%s %s", words (self)->vat, company->vat_number));
  /* the phone and the email on lines of their own: joined, a long
   * address wrapped under a dangling dash */
  if (has_text (company->phone))
    g_string_append_printf (contact, "%s %s", words (self)->phone, company->phone);
  if (contact->len > 0)
    g_ptr_array_add (lines, g_strdup (contact->str));
  if (has_text (company->email))
    g_ptr_array_add (lines, g_strdup (company->email));
  if (has_text (company->website))
    g_ptr_array_add (lines, g_strdup (company->website));

  HPDF_Page_SetGrayFill (self->page, 0.2);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(GPtrArray) wrapped = wrap (self, FONT_REGULAR, 8.5, lines->pdata[i], width);

      for (guint j = 0; j < wrapped->len; j++)
        {
          draw_line (self, self->page, FONT_REGULAR, 8.5, MARGIN_LEFT, width, y,
                     RELANCE_PDF_ALIGN_LEFT, wrapped->pdata[j], TRUE);
          y -= 8.5 * LEADING;
        }
    }
  HPDF_Page_SetGrayFill (self->page, 0);
  self->y = y - MM (6);
}

static void
clear_document (RelancePdfWriter *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->footer); i++)
    g_clear_pointer (&self->footer[i], g_free);
  if (self->columns != NULL)
    g_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->pages, 0);
  self->page = NULL;
  self->in_document = FALSE;
  self->missing_char = 0;
  for (guint f = 0; f < N_FONTS; f++)
    {
      self->font[f] = NULL;
      self->utf_font[f] = NULL;
    }
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->title);
}

static void
draw_table_header (RelancePdfWriter *self)
{
  guint max_lines = 1;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  double line_height = SIZE_TABLE * LEADING;
  double height, x = MARGIN_LEFT;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      GPtrArray *lines = wrap (self, FONT_BOLD, SIZE_TABLE, column->title ? column->title : "",
                               column->width - 2 * CELL_PAD_X);

      max_lines = MAX (max_lines, lines->len);
      g_ptr_array_add (cells, lines);
    }
  height = max_lines * line_height + 2 * CELL_PAD_Y;
  /* the header and at least one row together */
  ensure_room (self, height + line_height + 2 * CELL_PAD_Y);

  HPDF_Page_SetGrayFill (self->page, 0.88);
  HPDF_Page_Rectangle (self->page, MARGIN_LEFT, self->y - height, BODY_WIDTH, height);
  HPDF_Page_Fill (self->page);
  HPDF_Page_SetGrayFill (self->page, 0);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      GPtrArray *lines = cells->pdata[i];
      double y = self->y - CELL_PAD_Y - SIZE_TABLE;

      for (guint j = 0; j < lines->len; j++)
        {
          draw_line (self, self->page, FONT_BOLD, SIZE_TABLE, x + CELL_PAD_X,
                     column->width - 2 * CELL_PAD_X, y, column->align, lines->pdata[j], TRUE);
          y -= line_height;
        }
      x += column->width;
    }
  self->y -= height;
}

/* Public API */

/**
 * relance_pdf_writer_new:
 * @language: "fr" or "en" (anything else is French)
 * @error: return location for a #GError
 *
 * Finds and loads the fonts once for all the documents the writer makes.
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL with
 *   %RELANCE_DOCUMENT_ERROR_PDF when a font is missing
 */
RelancePdfWriter *
relance_pdf_writer_new (const char  *language,
                        GError     **error)
{
  g_autoptr(RelancePdfWriter) self = g_new0 (RelancePdfWriter, 1);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->language = g_strdup (language != NULL ? language : "fr");
  self->english = g_str_equal (self->language, "en");
  self->pages = g_ptr_array_new ();
  self->scratch = g_string_sized_new (256);
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);

  for (guint f = 0; f < N_FONTS; f++)
    {
      self->font_path[f] = find_font (f);
      if (self->font_path[f] == NULL)
        {
          g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                       _("Neither the font %s (in %s or in the directory of "
                         "RELANCE_FONT_DIR) nor %s (in /usr/share/fonts) was found; "
                         "reinstall Relance or install the DejaVu fonts "
                         "(fonts-dejavu-core)"),
                       font_files[f], PKGDATADIR, fallback_files[f]);
          return NULL;
        }
      self->widths[f] = g_new (guint16, N_CACHED_CHARS);
      memset (self->widths[f], 0xff, N_CACHED_CHARS * sizeof (guint16));
      self->glyphs[f] = g_new0 (guint8, N_CACHED_CHARS);
    }

  self->pdf = HPDF_New (hpdf_error_cb, self);
  if (self->pdf == NULL)
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                   _("The PDF library could not start (out of memory?)"));
      return NULL;
    }
  /* the "UTF-8" encoder of the characters without a single-byte code */
  HPDF_UseUTFEncodings (self->pdf);
  for (guint f = 0; f < N_FONTS; f++)
    {
      /* embedded: the reader needs no DejaVu to show accents and € */
      self->font_name[f] = HPDF_LoadTTFontFromFile (self->pdf, self->font_path[f], HPDF_TRUE);
      if (self->font_name[f] == NULL)
        {
          g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                       _("The font %s could not be read (error 0x%04X of the PDF library)"),
                       self->font_path[f], (guint) self->hpdf_error);
          return NULL;
        }
      self->font_def[f] = HPDF_GetFontDef (self->pdf, self->font_name[f]);
      if (self->font_def[f] == NULL)
        {
          g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                       _("The font %s could not be read (error 0x%04X of the PDF library)"),
                       self->font_path[f], (guint) self->hpdf_error);
          return NULL;
        }
    }
  if (!set_up_encoder (self))
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                   _("The PDF library has no usable %s encoding"), ENCODING_NAME);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * relance_pdf_writer_free:
 * @self: (transfer full): a writer
 */
void
relance_pdf_writer_free (RelancePdfWriter *self)
{
  if (self == NULL)
    return;
  if (self->pdf != NULL)
    HPDF_Free (self->pdf);
  for (guint f = 0; f < N_FONTS; f++)
    {
      g_free (self->font_path[f]);
      g_free (self->widths[f]);
      g_free (self->glyphs[f]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->footer); i++)
    g_free (self->footer[i]);
  g_clear_pointer (&self->logo_bytes, g_bytes_unref);
  g_free (self->logo_path);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  if (self->scratch != NULL)
    g_string_free (self->scratch, TRUE);
  g_free (self->to_unicode);
  g_free (self->language);
  g_free (self);
}

/**
 * relance_pdf_writer_begin:
 * @self: a writer
 * @company: the creditor; its name is required
 * @title: the document's title, for the PDF's metadata
 * @error: return location for a #GError
 *
 * Starts a document: its first page with the letterhead, and the legal
 * footer on every page. A document not finished is dropped.
 *
 * Returns: %FALSE with %RELANCE_DOCUMENT_ERROR_COMPANY when the company
 *   has no name, %RELANCE_DOCUMENT_ERROR_PDF when libharu fails
 */
gboolean
relance_pdf_writer_begin (RelancePdfWriter     *self,
                          const RelanceCompany *company,
                          const char           *title,
                          GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (company != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!has_text (company->name))
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_COMPANY,
                   _("The company’s name is not set; enter it in the preferences "
                     "before printing letters"));
      return FALSE;
    }

  clear_document (self);
  self->hpdf_error = HPDF_OK;
  /* keeps the parsed fonts: only the objects of the last document go */
  if (HPDF_NewDoc (self->pdf) != HPDF_OK)
    goto failed;
  HPDF_SetCompressionMode (self->pdf, HPDF_COMP_ALL);
  for (guint f = 0; f < N_FONTS; f++)
    {
      self->font[f] = HPDF_GetFont (self->pdf, self->font_name[f], ENCODING_NAME);
      if (self->font[f] == NULL)
        goto failed;
    }
  add_to_unicode (self);
  HPDF_SetInfoAttr (self->pdf, HPDF_INFO_CREATOR, "Relance " PACKAGE_VERSION);
  if (has_text (title))
    HPDF_SetInfoAttr (self->pdf, HPDF_INFO_TITLE, title);

  self->in_document = TRUE;
  build_footer (self, company);
  new_page (self);
  draw_letterhead (self, company);
  if (self->hpdf_error != HPDF_OK)
    goto failed;
  return TRUE;

failed:
  g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
               _("The PDF could not be started (error 0x%04X of the PDF library)"),
               (guint) self->hpdf_error);
  clear_document (self);
  return FALSE;
}

/**
 * relance_pdf_writer_address:
 * @self: a writer
 * @lines: (array zero-terminated=1): the recipient's name and address
 *
 * Prints the address where the window of a DL envelope shows it, on the
 * first page, and moves the text cursor under it.
 */
void
relance_pdf_writer_address (RelancePdfWriter   *self,
                            const char * const *lines)
{
  HPDF_Page page;
  double y = PAGE_HEIGHT - ADDRESS_TOP;

  g_return_if_fail (self != NULL && self->in_document);
  g_return_if_fail (lines != NULL);

  page = self->pages->pdata[0];
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) wrapped = NULL;
      FontIndex f = i == 0 ? FONT_BOLD : FONT_REGULAR;

      if (lines[i][0] == '\0')
        continue;
      wrapped = wrap (self, f, SIZE_NORMAL, lines[i], ADDRESS_WIDTH);
      for (guint j = 0; j < wrapped->len; j++)
        {
          y -= SIZE_NORMAL * LEADING;
          draw_line (self, page, f, SIZE_NORMAL, ADDRESS_LEFT, ADDRESS_WIDTH, y,
                     RELANCE_PDF_ALIGN_LEFT, wrapped->pdata[j], TRUE);
        }
    }
  /* the body starts under the window, whatever the letterhead's height */
  if (self->page == page)
    self->y = MIN (self->y, y - MM (12));
}

/**
 * relance_pdf_writer_paragraph:
 * @self: a writer
 * @text: UTF-8 text; single line breaks are kept
 * @style: normal, bold, small or title
 * @align: how the lines sit between the margins
 *
 * Prints a paragraph that wraps at the margins and flows onto new pages,
 * followed by half a line of space.
 */
void
relance_pdf_writer_paragraph (RelancePdfWriter    *self,
                              const char          *text,
                              RelancePdfTextStyle  style,
                              RelancePdfAlign      align)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *valid = NULL;
  FontIndex f = font_index (style);
  double size = font_size (style);
  double leading = size * LEADING;

  g_return_if_fail (self != NULL && self->in_document);
  g_return_if_fail (text != NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  lines = wrap (self, f, size, text, BODY_WIDTH);
  if (style & RELANCE_PDF_TEXT_TITLE)
    ensure_room (self, leading * (lines->len + 3));
  for (guint i = 0; i < lines->len; i++)
    {
      GArray *line = lines->pdata[i];
      /* the last line of the text or before a hard break is not
       * stretched: a hard break leaves an empty line or a shorter one */
      gboolean last = i + 1 == lines->len;

      if (!last && align == RELANCE_PDF_ALIGN_JUSTIFY && line->len > 0)
        {
          const Word *w = &g_array_index (line, Word, line->len - 1);
          const char *after = w->start + w->len;

          while (*after == ' ' || *after == '\t' || *after == '\r')
            after++;
          last = *after == '\n' || *after == '\0';
        }
      ensure_room (self, leading);
      self->y -= size;
      draw_line (self, self->page, f, size, MARGIN_LEFT, BODY_WIDTH, self->y, align, line, last);
      self->y -= leading - size;
    }
  self->y -= leading / 2;
}

/**
 * relance_pdf_writer_space:
 * @self: a writer
 * @points: how much, in points
 *
 * Vertical space; at the bottom of a page it does not carry over.
 */
void
relance_pdf_writer_space (RelancePdfWriter *self,
                          double            points)
{
  g_return_if_fail (self != NULL && self->in_document);

  self->y -= points;
  if (self->y < BODY_BOTTOM)
    new_page (self);
}

/**
 * relance_pdf_writer_keep:
 * @self: a writer
 * @points: the height of the block to keep together
 *
 * Starts a new page when less than @points remain on this one.
 */
void
relance_pdf_writer_keep (RelancePdfWriter *self,
                         double            points)
{
  g_return_if_fail (self != NULL && self->in_document);

  ensure_room (self, points);
}

/**
 * relance_pdf_writer_table_begin:
 * @self: a writer
 * @columns: (array length=n_columns): the columns
 * @n_columns: how many
 *
 * Starts a table across the text width, each column's width in
 * proportion to its weight, and prints its header row.
 */
void
relance_pdf_writer_table_begin (RelancePdfWriter       *self,
                                const RelancePdfColumn *columns,
                                guint                   n_columns)
{
  double total_weight = 0;

  g_return_if_fail (self != NULL && self->in_document);
  g_return_if_fail (columns != NULL && n_columns > 0);

  g_array_set_size (self->columns, 0);
  for (guint i = 0; i < n_columns; i++)
    total_weight += columns[i].weight > 0 ? columns[i].weight : 1;
  for (guint i = 0; i < n_columns; i++)
    {
      Column column;

      column.title = g_strdup (columns[i].title);
      column.width = BODY_WIDTH * (columns[i].weight > 0 ? columns[i].weight : 1) / total_weight;
      column.align = columns[i].align;
      g_array_append_val (self->columns, column);
    }
  draw_table_header (self);
}

/**
 * relance_pdf_writer_table_row:
 * @self: a writer
 * @cells: one text per column (%NULL for an empty cell)
 * @style: bold, shaded, a rule above
 *
 * Prints a row whose cells wrap in their column; a row that does not fit
 * goes to a new page, under the header row printed again.
 */
void
relance_pdf_writer_table_row (RelancePdfWriter   *self,
                              const char * const *cells,
                              RelancePdfRowStyle  style)
{
  g_autoptr(GPtrArray) wrapped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  FontIndex f = (style & RELANCE_PDF_ROW_BOLD) ? FONT_BOLD : FONT_REGULAR;
  double line_height = SIZE_TABLE * LEADING;
  guint max_lines = 1;
  double height, x = MARGIN_LEFT;

  g_return_if_fail (self != NULL && self->in_document);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->columns->len > 0);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      const char *text = cells[i] != NULL ? cells[i] : "";
      GPtrArray *lines = wrap (self, f, SIZE_TABLE, text, column->width - 2 * CELL_PAD_X);

      max_lines = MAX (max_lines, lines->len);
      g_ptr_array_add (wrapped, lines);
    }
  height = max_lines * line_height + 2 * CELL_PAD_Y;
  if (self->y - height < BODY_BOTTOM)
    {
      new_page (self);
      draw_table_header (self);
    }

  if (style & RELANCE_PDF_ROW_SHADED)
    {
      HPDF_Page_SetGrayFill (self->page, 0.95);
      HPDF_Page_Rectangle (self->page, MARGIN_LEFT, self->y - height, BODY_WIDTH, height);
      HPDF_Page_Fill (self->page);
      HPDF_Page_SetGrayFill (self->page, 0);
    }
  if (style & RELANCE_PDF_ROW_RULE)
    {
      HPDF_Page_SetLineWidth (self->page, 0.6);
      HPDF_Page_MoveTo (self->page, MARGIN_LEFT, self->y);
      HPDF_Page_LineTo (self->page, MARGIN_LEFT + BODY_WIDTH, self->y);
      HPDF_Page_Stroke (self->page);
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      GPtrArray *lines = wrapped->pdata[i];
      double y = self->y - CELL_PAD_Y - SIZE_TABLE;

      for (guint j = 0; j < lines->len; j++)
        {
          draw_line (self, self->page, f, SIZE_TABLE, x + CELL_PAD_X,
                     column->width - 2 * CELL_PAD_X, y, column->align, lines->pdata[j], TRUE);
          y -= line_height;
        }
      x += column->width;
    }
  self->y -= height;
}

/**
 * relance_pdf_writer_table_end:
 * @self: a writer
 *
 * Closes the table with a rule and a little space.
 */
void
relance_pdf_writer_table_end (RelancePdfWriter *self)
{
  g_return_if_fail (self != NULL && self->in_document);

  HPDF_Page_SetGrayStroke (self->page, 0.5);
  HPDF_Page_SetLineWidth (self->page, 0.4);
  HPDF_Page_MoveTo (self->page, MARGIN_LEFT, self->y);
  HPDF_Page_LineTo (self->page, MARGIN_LEFT + BODY_WIDTH, self->y);
  HPDF_Page_Stroke (self->page);
  HPDF_Page_SetGrayStroke (self->page, 0);
  g_array_set_size (self->columns, 0);
  self->y -= SIZE_NORMAL;
}

/**
 * relance_pdf_writer_finish:
 * @self: a writer
 * @error: return location for a #GError
 *
 * Prints « Page n / N » on every page and makes the PDF (compressed).
 * The writer is then ready for the next relance_pdf_writer_begin().
 *
 * Returns: (transfer full) (nullable): the PDF's bytes, or %NULL with
 *   %RELANCE_DOCUMENT_ERROR_PDF when libharu failed or when the text had
 *   a character the font cannot print (the message names the first one)
 */
GBytes *
relance_pdf_writer_finish (RelancePdfWriter  *self,
                           GError           **error)
{
  HPDF_UINT32 size;
  guchar *data;
  guint n_pages;

  g_return_val_if_fail (self != NULL && self->in_document, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_pages = self->pages->len;
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = self->english
        ? g_strdup_printf ("Page %u of %u", i + 1, n_pages)
        : g_strdup_printf ("Page %u / %u", i + 1, n_pages);

      HPDF_Page_SetGrayFill (self->pages->pdata[i], 0.3);
      draw_aligned (self, self->pages->pdata[i], FONT_REGULAR, SIZE_SMALL, MARGIN_LEFT,
                    BODY_WIDTH, MM (10), RELANCE_PDF_ALIGN_RIGHT, number, strlen (number));
    }

  if (self->missing_char != 0)
    {
      char utf8[7] = { 0 };

      g_unichar_to_utf8 (self->missing_char, utf8);
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                   _("The character “%s” (U+%04X) cannot be printed: the font %s "
                     "has no glyph for it. Replace it in the text of the document "
                     "(a name, an address, a template)"),
                   utf8, (guint) self->missing_char,
                   self->font_path[self->missing_font]);
      clear_document (self);
      return NULL;
    }
  if (self->hpdf_error == HPDF_OK)
    HPDF_SaveToStream (self->pdf);
  if (self->hpdf_error != HPDF_OK)
    {
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                   _("The PDF could not be made (error 0x%04X, detail %u of the PDF library)"),
                   (guint) self->hpdf_error, (guint) self->hpdf_detail);
      clear_document (self);
      return NULL;
    }

  size = HPDF_GetStreamSize (self->pdf);
  data = g_malloc (size);
  HPDF_ReadFromStream (self->pdf, data, &size);
  /* reading the whole stream ends on HPDF_STREAM_EOF, raised as an error */
  if (self->hpdf_error == HPDF_STREAM_EOF)
    {
      self->hpdf_error = HPDF_OK;
      HPDF_ResetError (self->pdf);
    }
  if (self->hpdf_error != HPDF_OK)
    {
      g_free (data);
      g_set_error (error, RELANCE_DOCUMENT_ERROR, RELANCE_DOCUMENT_ERROR_PDF,
                   _("The PDF could not be read back (error 0x%04X of the PDF library)"),
                   (guint) self->hpdf_error);
      clear_document (self);
      return NULL;
    }
  clear_document (self);
  return g_bytes_new_take (data, size);
}

/**
 * relance_pdf_writer_get_n_pages:
 * @self: a writer
 *
 * Returns: the number of pages of the document under way
 */
guint
relance_pdf_writer_get_n_pages (RelancePdfWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}
