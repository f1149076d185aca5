/* hpdf_api.h - libharu, loaded only by the commands that make a PDF.
 *
 * Contract: hpdf_api_open() loads the shared library (dlopen, by the
 * soname found at build time) and fills `api` with a pointer to each
 * function of hpdf_api.def, each typed from libharu's own declaration;
 * it returns false after printing a Spanish message when the library or
 * a function is missing. hpdf_api_close() lets the library go (NULL
 * handle: nothing). The PDF modules call libharu only through the table
 * of the document they draw on (PdfDoc.api, PdfLayout.hp, PdfFont.hp).
 * Why: every process start maps and relocates each shared library it is
 * linked with; libharu brings libpng and zlib, about 20 page faults at
 * every `ruta check` that never draws a page (docs/performance.md 3.8).
 * No global state: each document holds its own table.
 */
#ifndef RUTA_HPDF_API_H
#define RUTA_HPDF_API_H

#include <stdbool.h>

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

typedef struct HpdfApi {
    void *handle;
#define HPDF_API_FN(name) __typeof__(name) *name;
#include "hpdf_api.def"
#undef HPDF_API_FN
} HpdfApi;

bool hpdf_api_open(HpdfApi *api);
void hpdf_api_close(HpdfApi *api);

#endif
