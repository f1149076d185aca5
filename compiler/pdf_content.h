/* pdf_content.h - the content streams of a document's pages, written by
 * Ruta and handed to libharu compressed when the document is saved.
 *
 * Contract:
 * - A PdfContents holds one operator buffer per page, in the order the
 *   pages were added; pdf_contents_add() registers a page and returns its
 *   index. The pdf_op_* functions append one operator (PDF 1.4, 4.1 and
 *   5.1) to a page's buffer, in the very bytes libharu's own HPDF_Page_*
 *   functions write (numbers in HPDF_FToA's format: at most five decimals,
 *   trailing zeros dropped), so moving the drawing here changed no byte of
 *   any report (docs/performance.md 3.9).
 * - pdf_op_text() writes the text as the UTF-8 encoder's 2-byte codes (a
 *   code point beyond the BMP is a space, as libharu does) in a hex string.
 * - pdf_contents_commit() compresses every page (Flate, zlib's default
 *   level, as libharu would) on up to `threads` threads and writes the
 *   bytes into each page's libharu content stream, marked FlateDecode.
 *   Called once, before HPDF_SaveToStream. False (after a Spanish message)
 *   when zlib cannot be loaded or fails.
 * Why: libharu's page functions cost more than the layout itself (a 512-
 * byte buffer cleared per operator, an allocation per text), and its
 * compression runs on one core at save time.
 * Memory: the buffers are heap, released by pdf_contents_free().
 */
#ifndef RUTA_PDF_CONTENT_H
#define RUTA_PDF_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "strbuf.h"

struct HpdfApi;

typedef struct PdfContent {
    HPDF_Page page;
    StrBuf ops;
} PdfContent;

typedef struct PdfContents {
    PdfContent *items;
    size_t n, cap;
} PdfContents;

void pdf_contents_init(PdfContents *cs);
void pdf_contents_free(PdfContents *cs);
size_t pdf_contents_add(PdfContents *cs, HPDF_Page page);
bool pdf_contents_commit(PdfContents *cs, const struct HpdfApi *hp, int threads);

/* Appends `v` as libharu's HPDF_FToA writes it; returns the bytes written
 * (at most PDF_NUM_MAX, no NUL). */
enum { PDF_NUM_MAX = 16 };
size_t pdf_num(char *out, float v);

/* "n1 ... nk OP\n" for the operators with only numeric operands:
 * rg RG re m l Td w. */
void pdf_op(StrBuf *b, const float *v, size_t n, const char *op);
/* "/NAME SIZE Tf\n" */
void pdf_op_font(StrBuf *b, const char *name, float size);
/* "[on off] 0 d\n", or "[] 0 d\n" for a solid line when on is 0. */
void pdf_op_dash(StrBuf *b, unsigned on, unsigned off);
/* "<hex> Tj\n" for `n` bytes of UTF-8. */
void pdf_op_text(StrBuf *b, const char *s, size_t n);

#endif
