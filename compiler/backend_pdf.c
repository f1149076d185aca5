/* backend_pdf.c - `ruta pdf`: the printable report of spec section 9.
 *
 * Contract (backends.h): reads a checked plan and appends the bytes of the
 * whole PDF to `out`. The document is made with libharu: an error handler
 * records the first libharu error in the backend's context (no longjmp),
 * every step checks it, and the HPDF_Doc is freed on every path. A missing
 * or unreadable font or a libharu failure prints a Spanish message and
 * returns 2. Output is deterministic: no random ids, the dates of the
 * document come from ctx->epoch (SOURCE_DATE_EPOCH or the as-of date).
 *
 * The sections are in pdf_report.c and pdf_records.c, the layout in
 * pdf_layout.c, the chart in pdf_gantt.c, the fonts in pdf_font.c; this
 * file sets up the document, runs the sections in order and saves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "backends.h"
#include "date.h"
#include "pdf_font.h"
#include "pdf_layout.h"
#include "pdf_report.h"
#include "pdf_text.h"
#include "version.h"

typedef struct PdfBackend {
    const BackendCtx *ctx;
    bool failed;              /* libharu reported an error */
    HPDF_STATUS error, detail;
    HPDF_Doc doc;
    PdfFont regular, bold;
    bool bold_loaded;         /* bold is a second font (else regular is used) */
    const char *regular_path, *bold_path;
    char bold_buf[4096];      /* a bold sibling of --font */
    Arena arena;
} PdfBackend;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    PdfBackend *b = user_data;
    if (error_no == HPDF_STREAM_EOF)
        return; /* reading the saved document back reached its end */
    if (!b->failed) {
        b->failed = true;
        b->error = error_no;
        b->detail = detail_no;
    }
}

/* ---- paper and fonts --------------------------------------------------------- */

static void paper_size(const char *paper, float *w, float *h)
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
static const char *bold_sibling(PdfBackend *b, const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || n + 16 > sizeof b->bold_buf)
        return path;
    const char *ext = path + n - 4;
    if (strcmp(ext, ".ttf") != 0 && strcmp(ext, ".TTF") != 0)
        return path;
    size_t stem = n - 4;
    if (stem >= 8 && strncmp(path + stem - 8, "-Regular", 8) == 0)
        stem -= 8;
    snprintf(b->bold_buf, sizeof b->bold_buf, "%.*s-Bold%s", (int)stem, path, ext);
    return readable(b->bold_buf) ? b->bold_buf : path;
}

static bool choose_fonts(PdfBackend *b)
{
    const char *font = b->ctx->cli->font;
    if (font) {
        b->regular_path = font;
        if (!pdf_font_check_file(font, "indique con --font un archivo TrueType (.ttf) que se pueda leer"))
            return false;
        b->bold_path = bold_sibling(b, font);
        return true;
    }
    const char *hint = "instale el paquete fonts-dejavu-core o indique otra fuente con --font ARCHIVO.ttf";
    b->regular_path = PDF_FONT_REGULAR;
    b->bold_path = PDF_FONT_BOLD;
    return pdf_font_check_file(PDF_FONT_REGULAR, hint) && pdf_font_check_file(PDF_FONT_BOLD, hint);
}

static void font_failed(const PdfBackend *b, const char *path)
{
    fprintf(stderr, "ruta: error: no se pudo cargar la fuente '%s': no es una fuente TrueType válida o está "
                    "incompleta", path);
    if (b->error)
        fprintf(stderr, " (libharu, error 0x%04X)", (unsigned)b->error);
    fputc('\n', stderr);
}

static bool load_fonts(PdfBackend *b)
{
    if (!pdf_font_load(&b->regular, b->doc, b->regular_path) || b->failed) {
        font_failed(b, b->regular_path);
        return false;
    }
    if (strcmp(b->bold_path, b->regular_path) == 0)
        return true;
    if (!pdf_font_load(&b->bold, b->doc, b->bold_path) || b->failed) {
        font_failed(b, b->bold_path);
        return false;
    }
    b->bold_loaded = true;
    return true;
}

/* ---- metadata ------------------------------------------------------------------ */

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

static void set_metadata(PdfBackend *b)
{
    const MPlan *p = b->ctx->m->plan;
    StrBuf s;
    strbuf_init(&s);
    HPDF_SetInfoAttr(b->doc, HPDF_INFO_TITLE, p->titulo && *p->titulo ? p->titulo : "Plan de Apoyo Técnico-Pedagógico");
    HPDF_SetInfoAttr(b->doc, HPDF_INFO_AUTHOR, p->establecimiento);
    strbuf_puts(&s, "Plan de Apoyo Técnico-Pedagógico, período del ");
    pdf_fmt_date_long(&s, p->inicio);
    strbuf_puts(&s, " al ");
    pdf_fmt_date_long(&s, p->fin);
    HPDF_SetInfoAttr(b->doc, HPDF_INFO_SUBJECT, s.data);
    HPDF_SetInfoAttr(b->doc, HPDF_INFO_CREATOR, "ruta " RUTA_VERSION);
    HPDF_SetInfoAttr(b->doc, HPDF_INFO_KEYWORDS, "MDC; UATP; plan de mejoramiento; cronograma; monitoreo");
    HPDF_Date date = pdf_date(b->ctx->epoch);
    HPDF_SetInfoDateAttr(b->doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(b->doc, HPDF_INFO_MOD_DATE, date);
    strbuf_free(&s);
}

/* ---- the report ------------------------------------------------------------------ */

static void write_report(PdfBackend *b, float pw, float ph)
{
    const BackendCtx *ctx = b->ctx;
    PdfLayout L;
    pdf_layout_init(&L, b->doc, &b->regular, b->bold_loaded ? &b->bold : &b->regular, &b->failed, pw, ph);
    const MPlan *p = ctx->m->plan;
    StrBuf foot;
    strbuf_init(&foot);
    strbuf_puts(&foot, "Emitido el ");
    pdf_fmt_date_long(&foot, ctx->as_of);
    strbuf_puts(&foot, " con Ruta " RUTA_VERSION);
    L.head_title = p->titulo && *p->titulo ? p->titulo : "Plan de Apoyo Técnico-Pedagógico";
    L.head_sub = p->establecimiento;
    L.foot_left = foot.data;
    PdfReport R;
    pdf_report_init(&R, ctx, &L, &b->arena);
    void (*const sections[])(PdfReport *) = {
        pdf_report_cover, pdf_report_generales, pdf_report_matriz, pdf_report_cronograma,
        pdf_report_hitos, pdf_report_seguimiento, pdf_report_responsables, pdf_report_alertas,
        pdf_report_anexo,
    };
    for (size_t i = 0; i < sizeof sections / sizeof *sections && !b->failed; i++)
        sections[i](&R);
    if (!b->failed)
        pdf_place(&L, 0); /* a heading still pending (none in practice) */
    if (!b->failed)
        pdf_layout_finish(&L);
    if (!b->failed)
        pdf_report_index(&R);
    pdf_report_free(&R);
    pdf_layout_free(&L);
    strbuf_free(&foot);
}

static bool save(PdfBackend *b, StrBuf *out)
{
    if (HPDF_SaveToStream(b->doc) != HPDF_OK || b->failed)
        return false;
    HPDF_UINT32 size = HPDF_GetStreamSize(b->doc);
    if (size == 0)
        return false;
    unsigned char *buf = malloc(size);
    if (!buf)
        return false;
    HPDF_UINT32 got = size;
    HPDF_ReadFromStream(b->doc, buf, &got);
    bool ok = got == size && !b->failed;
    if (ok)
        strbuf_append(out, (const char *)buf, size);
    free(buf);
    return ok;
}

static int fail_libharu(const PdfBackend *b)
{
    fprintf(stderr, "ruta: error: libharu no pudo generar el PDF (error 0x%04X, detalle %u)\n", (unsigned)b->error,
            (unsigned)b->detail);
    return 2;
}

static int run(PdfBackend *b, StrBuf *out)
{
    float pw, ph;
    paper_size(b->ctx->cli->paper, &pw, &ph);
    if (!choose_fonts(b))
        return 2;
    b->doc = HPDF_New(on_error, b);
    if (!b->doc) {
        fputs("ruta: error: libharu no pudo crear el documento PDF\n", stderr);
        return 2;
    }
    HPDF_SetCompressionMode(b->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(b->doc);
    HPDF_SetCurrentEncoder(b->doc, "UTF-8");
    if (b->failed)
        return fail_libharu(b);
    if (!load_fonts(b))
        return 2;
    set_metadata(b);
    HPDF_SetPageMode(b->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    write_report(b, pw, ph);
    if (!b->failed && !pdf_font_finish(&b->regular, b->doc))
        return fail_libharu(b);
    if (!b->failed && b->bold_loaded && !pdf_font_finish(&b->bold, b->doc))
        return fail_libharu(b);
    if (b->failed || !save(b, out))
        return fail_libharu(b);
    return 0;
}

int backend_pdf(const BackendCtx *ctx, StrBuf *out)
{
    PdfBackend b;
    memset(&b, 0, sizeof b);
    b.ctx = ctx;
    arena_init(&b.arena);
    int status = run(&b, out);
    if (b.doc)
        HPDF_Free(b.doc);
    pdf_font_free(&b.regular);
    pdf_font_free(&b.bold);
    arena_free(&b.arena);
    if (status != 0)
        strbuf_clear(out);
    return status;
}
