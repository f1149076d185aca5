/* pdf_doc.c - document set-up, metadata and saving shared by the PDF
 * outputs (pdf_doc.h). */
#include "pdf_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "version.h"

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    PdfDoc *d = user_data;
    if (error_no == HPDF_STREAM_EOF)
        return; /* reading the saved document back reached its end */
    if (!d->failed) {
        d->failed = true;
        d->error = error_no;
        d->detail = detail_no;
    }
}

void pdf_paper_size(const char *paper, float *w, float *h)
{
    if (paper && strcmp(paper, "a4") == 0) {
        *w = 595.276f;
        *h = 841.89f;
    } else if (paper && strcmp(paper, "oficio") == 0) {
        *w = 612; /* 8.5 x 13 in, the Chilean oficio (docs/pdf.md) */
        *h = 936;
    } else {
        *w = 612; /* carta: 8.5 x 11 in */
        *h = 792;
    }
}

/* ---- fonts ---------------------------------------------------------------------- */

static bool readable(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    unsigned char c;
    bool ok = fread(&c, 1, 1, fp) == 1;
    fclose(fp);
    return ok;
}

/* With --font X.ttf (or X-Regular.ttf) the bold face is X-Bold.ttf when it
 * exists beside it; else the same font serves both. */
static const char *bold_sibling(PdfDoc *d, const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || n + 16 > sizeof d->bold_buf)
        return path;
    const char *ext = path + n - 4;
    if (strcmp(ext, ".ttf") != 0 && strcmp(ext, ".TTF") != 0)
        return path;
    size_t stem = n - 4;
    if (stem >= 8 && strncmp(path + stem - 8, "-Regular", 8) == 0)
        stem -= 8;
    snprintf(d->bold_buf, sizeof d->bold_buf, "%.*s-Bold%s", (int)stem, path, ext);
    return readable(d->bold_buf) ? d->bold_buf : path;
}

static bool choose_fonts(PdfDoc *d, const char *font)
{
    if (font) {
        d->regular_path = font;
        if (!pdf_font_check_file(font, "indique con --font un archivo TrueType (.ttf) que se pueda leer"))
            return false;
        d->bold_path = bold_sibling(d, font);
        return true;
    }
    const char *hint = "instale el paquete fonts-dejavu-core o indique otra fuente con --font ARCHIVO.ttf";
    d->regular_path = PDF_FONT_REGULAR;
    d->bold_path = PDF_FONT_BOLD;
    return pdf_font_check_file(PDF_FONT_REGULAR, hint) && pdf_font_check_file(PDF_FONT_BOLD, hint);
}

static void font_failed(const PdfDoc *d, const char *path)
{
    fprintf(stderr, "ruta: error: no se pudo cargar la fuente '%s': no es una fuente TrueType válida o está "
                    "incompleta", path);
    if (d->error)
        fprintf(stderr, " (libharu, error 0x%04X)", (unsigned)d->error);
    fputc('\n', stderr);
}

static bool load_fonts(PdfDoc *d)
{
    if (!pdf_font_load(&d->regular, &d->api, d->doc, d->regular_path) || d->failed) {
        font_failed(d, d->regular_path);
        return false;
    }
    if (strcmp(d->bold_path, d->regular_path) == 0)
        return true;
    if (!pdf_font_load(&d->bold, &d->api, d->doc, d->bold_path) || d->failed) {
        font_failed(d, d->bold_path);
        return false;
    }
    d->bold_loaded = true;
    return true;
}

/* ---- the document ------------------------------------------------------------------ */

int pdf_doc_open(PdfDoc *d, const char *font, int threads)
{
    memset(d, 0, sizeof *d);
    pdf_contents_init(&d->contents);
    d->threads = threads;
    if (!choose_fonts(d, font) || !hpdf_api_open(&d->api))
        return 2;
    d->doc = d->api.HPDF_New(on_error, d);
    if (!d->doc) {
        fputs("ruta: error: libharu no pudo crear el documento PDF\n", stderr);
        return 2;
    }
    d->api.HPDF_SetCompressionMode(d->doc, HPDF_COMP_ALL);
    d->api.HPDF_UseUTFEncodings(d->doc);
    d->api.HPDF_SetCurrentEncoder(d->doc, "UTF-8");
    if (d->failed)
        return pdf_doc_fail(d);
    return load_fonts(d) ? 0 : 2;
}

static HPDF_Date pdf_date(long long epoch)
{
    long long days = epoch / 86400, secs = epoch % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    int y, m, d;
    date_to_ymd((int)days, &y, &m, &d);
    HPDF_Date date = { y, m, d, (HPDF_INT)(secs / 3600), (HPDF_INT)(secs / 60 % 60), (HPDF_INT)(secs % 60),
                       'Z', 0, 0 };
    return date;
}

static void info_attr(PdfDoc *d, HPDF_InfoType type, const char *value)
{
    if (value)
        d->api.HPDF_SetInfoAttr(d->doc, type, value);
}

void pdf_doc_describe(PdfDoc *d, const PdfDocInfo *info, long long epoch)
{
    info_attr(d, HPDF_INFO_TITLE, info->title);
    info_attr(d, HPDF_INFO_AUTHOR, info->author);
    info_attr(d, HPDF_INFO_SUBJECT, info->subject);
    info_attr(d, HPDF_INFO_CREATOR, "ruta " RUTA_VERSION);
    info_attr(d, HPDF_INFO_KEYWORDS, info->keywords);
    HPDF_Date date = pdf_date(epoch);
    d->api.HPDF_SetInfoDateAttr(d->doc, HPDF_INFO_CREATION_DATE, date);
    d->api.HPDF_SetInfoDateAttr(d->doc, HPDF_INFO_MOD_DATE, date);
    d->api.HPDF_SetPageMode(d->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

void pdf_doc_layout(PdfDoc *d, PdfLayout *L, float paper_w, float paper_h)
{
    pdf_layout_init(L, &d->api, d->doc, &d->contents, &d->regular, d->bold_loaded ? &d->bold : &d->regular, &d->failed, paper_w,
                    paper_h);
}

static bool save_stream(PdfDoc *d, StrBuf *out)
{
    if (d->api.HPDF_SaveToStream(d->doc) != HPDF_OK || d->failed)
        return false;
    HPDF_UINT32 size = d->api.HPDF_GetStreamSize(d->doc);
    if (size == 0)
        return false;
    unsigned char *buf = malloc(size);
    if (!buf)
        return false;
    HPDF_UINT32 got = size;
    d->api.HPDF_ReadFromStream(d->doc, buf, &got);
    bool ok = got == size && !d->failed;
    if (ok)
        strbuf_append(out, (const char *)buf, size);
    free(buf);
    return ok;
}

int pdf_doc_save(PdfDoc *d, StrBuf *out)
{
    if (!d->failed && !pdf_contents_commit(&d->contents, &d->api, d->threads))
        return d->failed ? pdf_doc_fail(d) : 2; /* else zlib's message is out */
    if (!d->failed && !pdf_font_finish(&d->regular, d->doc))
        return pdf_doc_fail(d);
    if (!d->failed && d->bold_loaded && !pdf_font_finish(&d->bold, d->doc))
        return pdf_doc_fail(d);
    if (d->failed || !save_stream(d, out))
        return pdf_doc_fail(d);
    return 0;
}

int pdf_doc_fail(const PdfDoc *d)
{
    fprintf(stderr, "ruta: error: libharu no pudo generar el PDF (error 0x%04X, detalle %u)\n", (unsigned)d->error,
            (unsigned)d->detail);
    return 2;
}

void pdf_doc_close(PdfDoc *d)
{
    if (d->doc)
        d->api.HPDF_Free(d->doc);
    d->doc = NULL;
    pdf_contents_free(&d->contents);
    pdf_font_free(&d->regular);
    pdf_font_free(&d->bold);
    hpdf_api_close(&d->api);
}
