/* pdf_ttf.h - a compact TrueType font program for embedding in the PDF.
 *
 * Contract: pdf_ttf_subset() reads a TrueType file held in memory (never
 * past `len`; a malformed file makes it return false) and appends to `out`
 * a valid TrueType file that keeps the glyph ids of the original but only
 * the outlines of .notdef, of the glyphs in `map` and of the components of
 * those that are composite. Tables kept: OS/2, cvt, fpgm, prep, head, hhea,
 * maxp, hmtx (metrics of dropped glyphs zeroed), loca, glyf; cmap is
 * rebuilt for the mapped code points only, name keeps ids 0-6 (copyright,
 * family, style, unique id, full name, version, PostScript name) and post
 * becomes version 3 (no glyph names). Everything else (kern, GPOS, GSUB...)
 * is left out: the PDF positions every glyph itself. Pure function.
 */
#ifndef RUTA_PDF_TTF_H
#define RUTA_PDF_TTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* A code point of the Basic Multilingual Plane and its glyph id. */
typedef struct PdfGlyphMap {
    uint16_t cp;
    uint16_t gid;
} PdfGlyphMap;

/* `map` sorted by code point, no duplicates. */
bool pdf_ttf_subset(const unsigned char *ttf, size_t len, const PdfGlyphMap *map, size_t n, StrBuf *out);

#endif
