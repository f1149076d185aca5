/* pdf_doc.h - a libharu document set up the way every PDF of Ruta is made
 * (`ruta pdf` and `ruta territorio --pdf`).
 *
 * Contract:
 * - pdf_doc_open() checks the fonts first (--font FILE.ttf with its bold
 *   sibling FILE-Bold.ttf when that exists, else DejaVu Sans and DejaVu
 *   Sans Bold), then loads libharu (hpdf_api.h), creates the HPDF_Doc with an error handler that
 *   records the first libharu error in the PdfDoc (no longjmp), Flate
 *   compression and the UTF-8 encoder, and loads the fonts. A missing,
 *   unreadable or invalid font prints a Spanish message and returns 2; so
 *   does a libharu failure.
 * - pdf_doc_describe() writes the metadata (Creator "ruta VERSION",
 *   creation and modification dates from `epoch`, never a clock) and makes
 *   viewers open the outline.
 * - pdf_doc_layout() starts a PdfLayout on the document's fonts.
 * - pdf_doc_save() hands the pages' contents to libharu, compressed on
 *   `threads` threads (pdf_contents_commit), slims the embedded fonts
 *   (pdf_font_finish) and appends the bytes of the whole document to
 *   `out`; 0, or 2 after a message.
 * - pdf_doc_close() frees the document and the fonts; it is called on
 *   every path, also after a failed pdf_doc_open().
 * The libharu error handler keeps a pointer to the PdfDoc: it must not
 * move between open and close. Every step checks `failed`; the layout
 * reads it through pdf_doc_layout(). No global state.
 */
#ifndef RUTA_PDF_DOC_H
#define RUTA_PDF_DOC_H

#include <stdbool.h>

#include <hpdf.h>

#include "hpdf_api.h"
#include "pdf_content.h"
#include "pdf_font.h"
#include "pdf_layout.h"
#include "strbuf.h"

typedef struct PdfDoc {
    HpdfApi api;              /* libharu, loaded by pdf_doc_open */
    bool failed;              /* libharu reported an error */
    HPDF_STATUS error, detail;
    HPDF_Doc doc;
    PdfFont regular, bold;
    bool bold_loaded;         /* bold is a second font (else regular is used) */
    const char *regular_path, *bold_path;
    char bold_buf[4096];      /* a bold sibling of --font */
    PdfContents contents;     /* the pages' operators (pdf_content.h) */
    int threads;              /* for compressing them (cli_threads) */
} PdfDoc;

/* The document information dictionary; NULL fields are left out. */
typedef struct PdfDocInfo {
    const char *title, *author, *subject, *keywords;
} PdfDocInfo;

/* Portrait size in points of "carta" (default), "a4" or "oficio". */
void pdf_paper_size(const char *paper, float *w, float *h);

/* `font` is --font or NULL for the default; `threads` compress the pages
 * (cli_threads). Returns 0 or 2. */
int pdf_doc_open(PdfDoc *d, const char *font, int threads);
void pdf_doc_describe(PdfDoc *d, const PdfDocInfo *info, long long epoch);
void pdf_doc_layout(PdfDoc *d, PdfLayout *L, float paper_w, float paper_h);
int pdf_doc_save(PdfDoc *d, StrBuf *out);
/* Prints "libharu no pudo generar el PDF" with the recorded error; returns 2. */
int pdf_doc_fail(const PdfDoc *d);
void pdf_doc_close(PdfDoc *d);

#endif
