/* relance-pdf-preview.c — the pages of a PDF, shown before it is made
 * for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A letter or a formal notice is made in memory (relance_document_render)
 * and shown here before anything is stored. Poppler renders each page
 * with cairo into an image; the images fit the widget's width times the
 * zoom, and are rendered again, a moment after the width stops changing,
 * so that a page is always sharp and never scaled by the toolkit.
 */
#define G_LOG_DOMAIN "relance-pdf-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "relance-gui-utils.h"
#include "relance-pdf-preview.h"

/* Around the pages, inside the scrolled window: the margins of pages_box
 * and room for an overlay scrollbar */
#define PAGE_MARGIN      24
#define MIN_PAGE_WIDTH   120
#define ZOOM_MIN         0.5
#define ZOOM_MAX         3.0
#define ZOOM_STEP        1.25
#define RENDER_DELAY_MS  150

struct _RelancePdfPreview
{
  GtkWidget        parent_instance;

  /* template children */
  GtkWidget       *content;
  GtkLabel        *pages_label;
  GtkLabel        *zoom_label;
  GtkButton       *zoom_in_button;
  GtkButton       *zoom_out_button;
  GtkScrolledWindow *scrolled_window;
  GtkBox          *pages_box;

  /* state */
  PopplerDocument *document;
  double           zoom;
  int              width;          /* the width last allocated */
  int              rendered_width; /* the page width of the images shown */
  guint            render_id;
};

G_DEFINE_FINAL_TYPE (RelancePdfPreview, relance_pdf_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static int
page_width (RelancePdfPreview *self)
{
  int width = (int) ((self->width - 2 * PAGE_MARGIN) * self->zoom);

  return MAX (width, MIN_PAGE_WIDTH);
}

static void
clear_pages (RelancePdfPreview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  self->rendered_width = 0;
}

/* One page as a texture @width pixels wide (times @scale for a HiDPI
 * screen), on white paper: a PDF page has no background of its own */
static GdkTexture *
render_page (PopplerPage *page,
             int          width,
             int          scale,
             int         *height)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height, factor;
  int pixel_width, pixel_height;

  poppler_page_get_size (page, &page_width, &page_height);
  factor = (double) width / page_width;
  *height = (int) (page_height * factor + 0.5);
  pixel_width = width * scale;
  pixel_height = *height * scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, factor * scale, factor * scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT: premultiplied, native order */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  {
    GdkTexture *texture = gdk_memory_texture_new (pixel_width, pixel_height,
                                                  GDK_MEMORY_DEFAULT, bytes,
                                                  cairo_image_surface_get_stride (surface));

    cairo_surface_destroy (surface);
    return texture;
  }
}

static void
render (RelancePdfPreview *self)
{
  int width = page_width (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int n_pages;

  clear_pages (self);
  if (self->document == NULL || self->width <= 0)
    return;

  n_pages = poppler_document_get_n_pages (self->document);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (self->document, i);
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *label = NULL;
      GtkWidget *picture;
      int height;

      if (page == NULL)
        continue;
      texture = render_page (page, width, scale, &height);
      g_object_unref (page);
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture, width, height);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "pdf-page");
      label = g_strdup_printf (_("Page %d of %d"), i + 1, n_pages);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, picture);
    }
  self->rendered_width = width;
}

static gboolean
render_cb (gpointer user_data)
{
  RelancePdfPreview *self = user_data;

  self->render_id = 0;
  render (self);
  return G_SOURCE_REMOVE;
}

/* Renders again a moment after the last change of width or zoom: a
 * window being resized would otherwise render the pages at every step */
static void
queue_render (RelancePdfPreview *self)
{
  g_clear_handle_id (&self->render_id, g_source_remove);
  if (self->document == NULL)
    return;
  self->render_id = g_timeout_add (RENDER_DELAY_MS, render_cb, self);
}

static void
update_labels (RelancePdfPreview *self)
{
  int n_pages = self->document != NULL ? poppler_document_get_n_pages (self->document) : 0;
  g_autofree char *pages = g_strdup_printf (ngettext ("%d page", "%d pages", n_pages), n_pages);
  /* Translators: the zoom of the preview, "125 %" */
  g_autofree char *zoom = g_strdup_printf (_("%d %%"), (int) (self->zoom * 100 + 0.5));

  gtk_label_set_text (self->pages_label, pages);
  gtk_label_set_text (self->zoom_label, zoom);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->zoom * ZOOM_STEP <= ZOOM_MAX + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 self->zoom / ZOOM_STEP >= ZOOM_MIN - 0.001);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (widget);

  relance_pdf_preview_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (widget);

  relance_pdf_preview_set_zoom (self, self->zoom / ZOOM_STEP);
}

/* Overrides */

static void
relance_pdf_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (widget);

  gtk_widget_measure (self->content, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
relance_pdf_preview_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (widget);

  gtk_widget_allocate (self->content, width, height, baseline, NULL);
  if (width == self->width)
    return;
  self->width = width;
  if (self->document == NULL)
    return;
  /* the first pages are shown at once; later widths wait for the
   * resizing to settle */
  if (self->rendered_width == 0 && self->render_id == 0)
    self->render_id = g_idle_add (render_cb, self);
  else if (page_width (self) != self->rendered_width)
    queue_render (self);
}

static void
relance_pdf_preview_dispose (GObject *object)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (object);

  g_clear_handle_id (&self->render_id, g_source_remove);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_PDF_PREVIEW);

  G_OBJECT_CLASS (relance_pdf_preview_parent_class)->dispose (object);
}

static void
relance_pdf_preview_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_int (value, relance_pdf_preview_get_n_pages (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_pdf_preview_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RelancePdfPreview *self = RELANCE_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      relance_pdf_preview_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_pdf_preview_class_init (RelancePdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_pdf_preview_dispose;
  object_class->get_property = relance_pdf_preview_get_property;
  object_class->set_property = relance_pdf_preview_set_property;
  widget_class->measure = relance_pdf_preview_measure;
  widget_class->size_allocate = relance_pdf_preview_size_allocate;

  /**
   * RelancePdfPreview:n-pages:
   *
   * How many pages the document shown has, 0 for none.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RelancePdfPreview:zoom:
   *
   * The width of the pages, as a part of the widget's width.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  relance_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/relance-pdf-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, content);
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, pages_label);
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RelancePdfPreview, pages_box);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);

  gtk_widget_class_set_css_name (widget_class, "pdfpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
relance_pdf_preview_init (RelancePdfPreview *self)
{
  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_labels (self);
}

/* Public API */

/**
 * relance_pdf_preview_new:
 *
 * Returns: (transfer floating): a preview showing no document
 */
GtkWidget *
relance_pdf_preview_new (void)
{
  return g_object_new (RELANCE_TYPE_PDF_PREVIEW, NULL);
}

/**
 * relance_pdf_preview_set_bytes:
 * @self: a #RelancePdfPreview
 * @bytes: (nullable): a PDF, or %NULL to show nothing
 * @error: a #GError
 *
 * Shows the pages of @bytes, rendered to the widget's width. The preview
 * keeps a reference to @bytes while it shows them.
 *
 * Returns: %FALSE with @error set when @bytes is no PDF that poppler can
 *   read; the preview then shows nothing
 */
gboolean
relance_pdf_preview_set_bytes (RelancePdfPreview  *self,
                               GBytes             *bytes,
                               GError            **error)
{
  PopplerDocument *document = NULL;
  int n_pages_before;

  g_return_val_if_fail (RELANCE_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_pages_before = relance_pdf_preview_get_n_pages (self);
  if (bytes != NULL)
    document = poppler_document_new_from_bytes (bytes, NULL, error);

  g_clear_handle_id (&self->render_id, g_source_remove);
  g_clear_object (&self->document);
  /* poppler-glib declares no autoptr: the reference moves by hand */
  self->document = document;
  render (self);
  update_labels (self);
  if (relance_pdf_preview_get_n_pages (self) != n_pages_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  return bytes == NULL || self->document != NULL;
}

/**
 * relance_pdf_preview_get_n_pages:
 * @self: a #RelancePdfPreview
 *
 * Returns: how many pages the document shown has, 0 when none is shown
 */
int
relance_pdf_preview_get_n_pages (RelancePdfPreview *self)
{
  g_return_val_if_fail (RELANCE_IS_PDF_PREVIEW (self), 0);

  return self->document != NULL ? poppler_document_get_n_pages (self->document) : 0;
}

/**
 * relance_pdf_preview_get_zoom:
 * @self: a #RelancePdfPreview
 *
 * Returns: the width of the pages as a part of the widget's width
 */
double
relance_pdf_preview_get_zoom (RelancePdfPreview *self)
{
  g_return_val_if_fail (RELANCE_IS_PDF_PREVIEW (self), 1.0);

  return self->zoom;
}

/**
 * relance_pdf_preview_set_zoom:
 * @self: a #RelancePdfPreview
 * @zoom: the width of the pages as a part of the widget's width, from
 *   0.5 to 3 (clamped)
 *
 * Zooms the pages in or out; they are rendered again at the new size.
 */
void
relance_pdf_preview_set_zoom (RelancePdfPreview *self,
                              double             zoom)
{
  g_return_if_fail (RELANCE_IS_PDF_PREVIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.0001))
    return;
  self->zoom = zoom;
  update_labels (self);
  queue_render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
