/* backend_pdf.c - `ruta pdf`: the printable report of spec section 9.
 *
 * Contract (backends.h): reads a checked plan and appends the bytes of the
 * whole PDF to `out`. The document is made with libharu through pdf_doc.h:
 * an error handler records the first libharu error (no longjmp), every
 * step checks it, and the HPDF_Doc is freed on every path. A missing or
 * unreadable font or a libharu failure prints a Spanish message and
 * returns 2. Output is deterministic: no random ids, the dates of the
 * document come from ctx->epoch (SOURCE_DATE_EPOCH or the as-of date).
 *
 * The sections are in pdf_report.c and pdf_records.c, the layout in
 * pdf_layout.c, the chart in pdf_gantt.c, the fonts in pdf_font.c, the
 * document set-up in pdf_doc.c; this file describes the plan's document,
 * runs the sections in order and saves.
 */
#include <string.h>

#include "backends.h"
#include "pdf_doc.h"
#include "pdf_layout.h"
#include "pdf_report.h"
#include "pdf_text.h"
#include "version.h"

static const char *plan_title(const MPlan *p)
{
    return p->titulo && *p->titulo ? p->titulo : "Plan de Apoyo Técnico-Pedagógico";
}

static void set_metadata(PdfDoc *d, const BackendCtx *ctx)
{
    const MPlan *p = ctx->m->plan;
    StrBuf s;
    strbuf_init(&s);
    strbuf_puts(&s, "Plan de Apoyo Técnico-Pedagógico, período del ");
    pdf_fmt_date_long(&s, p->inicio);
    strbuf_puts(&s, " al ");
    pdf_fmt_date_long(&s, p->fin);
    PdfDocInfo info = { plan_title(p), p->establecimiento, s.data,
                        "MDC; UATP; plan de mejoramiento; cronograma; monitoreo" };
    pdf_doc_describe(d, &info, ctx->epoch);
    strbuf_free(&s);
}

static void write_report(PdfDoc *d, const BackendCtx *ctx, Arena *arena)
{
    float pw, ph;
    pdf_paper_size(ctx->cli->paper, &pw, &ph);
    PdfLayout L;
    pdf_doc_layout(d, &L, pw, ph);
    const MPlan *p = ctx->m->plan;
    StrBuf foot;
    strbuf_init(&foot);
    strbuf_puts(&foot, "Emitido el ");
    pdf_fmt_date_long(&foot, ctx->as_of);
    strbuf_puts(&foot, " con Ruta " RUTA_VERSION);
    L.head_title = plan_title(p);
    L.head_sub = p->establecimiento;
    L.foot_left = foot.data;
    PdfReport R;
    pdf_report_init(&R, ctx, &L, arena);
    void (*const sections[])(PdfReport *) = {
        pdf_report_cover, pdf_report_generales, pdf_report_matriz, pdf_report_cronograma,
        pdf_report_hitos, pdf_report_seguimiento, pdf_report_responsables, pdf_report_alertas,
        pdf_report_anexo,
    };
    for (size_t i = 0; i < sizeof sections / sizeof *sections && !d->failed; i++)
        sections[i](&R);
    if (!d->failed)
        pdf_place(&L, 0); /* a heading still pending (none in practice) */
    if (!d->failed)
        pdf_layout_finish(&L);
    if (!d->failed)
        pdf_report_index(&R);
    pdf_report_free(&R);
    pdf_layout_free(&L);
    strbuf_free(&foot);
}

int backend_pdf(const BackendCtx *ctx, StrBuf *out)
{
    PdfDoc d;
    Arena arena;
    arena_init(&arena);
    int status = pdf_doc_open(&d, ctx->cli->font, cli_threads(ctx->cli));
    if (status == 0) {
        set_metadata(&d, ctx);
        write_report(&d, ctx, &arena);
        status = pdf_doc_save(&d, out);
    }
    pdf_doc_close(&d);
    arena_free(&arena);
    if (status != 0)
        strbuf_clear(out);
    return status;
}
