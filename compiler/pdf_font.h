/* pdf_font.h - the embedded UTF-8 TrueType fonts of the PDF report.
 *
 * Contract: pdf_font_load() checks that a TTF file can be read (a clear
 * Spanish message on stderr and false otherwise), loads it into a libharu
 * document with embedding on and gets it with the "UTF-8" encoder (the
 * caller has called HPDF_UseUTFEncodings). Widths are asked once per code
 * point and cached (1/1000 em); every code point drawn is marked with
 * pdf_font_mark(). pdf_font_finish(), called once before the document is
 * saved, shrinks what libharu writes for a UTF-8 font: it keeps in /W and
 * /CIDToGIDMap only the code points marked, writes a ToUnicode CMap that
 * PDF readers accept (bfchar entries instead of libharu's cidrange) and
 * replaces the embedded font program with a compact TrueType file that
 * keeps only the glyphs drawn (same glyph ids, see docs/pdf.md).
 * Code points above U+FFFF are not drawable (libharu is limited to the BMP):
 * callers replace them before measuring. The font owns two heap tables,
 * released by pdf_font_free(); the libharu objects belong to the document.
 */
#ifndef RUTA_PDF_FONT_H
#define RUTA_PDF_FONT_H

#include <stdbool.h>
#include <stdint.h>

#include <hpdf.h>

/* Default fonts: DejaVu Sans from Debian's fonts-dejavu-core. */
#define PDF_FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define PDF_FONT_REGULAR PDF_FONT_DIR "DejaVuSans.ttf"
#define PDF_FONT_BOLD PDF_FONT_DIR "DejaVuSans-Bold.ttf"

typedef struct PdfFont {
    const struct HpdfApi *hp; /* libharu (the document's table) */
    HPDF_Font font;          /* Type0 font with the UTF-8 encoder */
    const char *path;        /* the TTF file (not owned) */
    uint16_t *width;         /* advance per BMP code point, PDF_WIDTH_UNKNOWN until asked */
    uint8_t *used;           /* bit set of the BMP code points drawn */
    bool finished;           /* pdf_font_finish() ran */
} PdfFont;

#define PDF_WIDTH_UNKNOWN 0xFFFFu

/* Is the file a readable TrueType font? Prints "ruta: error: ..." naming
 * it and returns false when not; `hint` (may be NULL) is printed as an
 * "ayuda:" line. */
bool pdf_font_check_file(const char *path, const char *hint);
/* Loads a checked file; returns false when libharu refused it (the
 * document's error handler has recorded why). */
bool pdf_font_load(PdfFont *f, const struct HpdfApi *hp, HPDF_Doc doc, const char *path);
/* Advance width of a BMP code point in 1/1000 em. */
unsigned pdf_font_width(PdfFont *f, uint32_t cp);
/* Marks the code points of a UTF-8 text as drawn; returns whether any of
 * them has a width (a text of none is not shown). */
bool pdf_font_mark(PdfFont *f, const char *s, size_t n);
/* Rewrites the font's widths, maps and program (see above); returns false
 * on a libharu failure. */
bool pdf_font_finish(PdfFont *f, HPDF_Doc doc);
void pdf_font_free(PdfFont *f);

#endif
