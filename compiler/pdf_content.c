/* pdf_content.c - page content operators and their hand-over to libharu
 * (pdf_content.h). */
#include "pdf_content.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "deflate_jobs.h"
#include "hpdf_api.h"
#include "utf8.h"

void pdf_contents_init(PdfContents *cs)
{
    cs->items = NULL;
    cs->n = cs->cap = 0;
}

void pdf_contents_free(PdfContents *cs)
{
    for (size_t i = 0; i < cs->n; i++)
        strbuf_free(&cs->items[i].ops);
    free(cs->items);
    pdf_contents_init(cs);
}

size_t pdf_contents_add(PdfContents *cs, HPDF_Page page)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 16;
        PdfContent *p = realloc(cs->items, cap * sizeof *p);
        if (!p) {
            fputs("ruta: error: memoria insuficiente\n", stderr);
            abort();
        }
        cs->items = p;
        cs->cap = cap;
    }
    PdfContent *c = &cs->items[cs->n];
    c->page = page;
    strbuf_init(&c->ops);
    return cs->n++;
}

/* ---- operators ----------------------------------------------------------- */

size_t pdf_num(char *out, float v)
{
    /* libharu's rules: clamp to +-32767; the integer part is v + 0.000005
     * truncated, the decimals the rest times 100000, in float, truncated;
     * five decimals, then trailing zeros and a bare point dropped. */
    if (v != v)
        v = 0;
    if (v > 32767)
        v = 32767;
    else if (v < -32767)
        v = -32767;
    char *s = out;
    if (v < 0) {
        *s++ = '-';
        v = -v;
    }
    int32_t ip = (int32_t)(v + 0.000005);
    int32_t fp = (int32_t)((float)(v - (float)ip + 0.000005) * 100000.0f);
    char digits[12];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip > 0);
    while (nd > 0)
        *s++ = digits[--nd];
    char *point = s;
    *s++ = '.';
    for (int i = 4; i >= 0; i--) {
        point[1 + i] = (char)('0' + fp % 10);
        fp /= 10;
    }
    s = point + 6;
    while (s[-1] == '0')
        s--;
    if (s[-1] == '.')
        s--;
    return (size_t)(s - out);
}

void pdf_op(StrBuf *b, const float *v, size_t n, const char *op)
{
    char buf[8 * (PDF_NUM_MAX + 1) + 8];
    size_t len = 0;
    for (size_t i = 0; i < n && i < 8; i++) {
        len += pdf_num(buf + len, v[i]);
        buf[len++] = ' ';
    }
    strbuf_append(b, buf, len);
    strbuf_puts(b, op);
    strbuf_putc(b, '\n');
}

void pdf_op_font(StrBuf *b, const char *name, float size)
{
    char num[PDF_NUM_MAX];
    strbuf_putc(b, '/');
    strbuf_puts(b, name);
    strbuf_putc(b, ' ');
    strbuf_append(b, num, pdf_num(num, size));
    strbuf_puts(b, " Tf\n");
}

void pdf_op_dash(StrBuf *b, unsigned on, unsigned off)
{
    if (on == 0)
        strbuf_puts(b, "[] 0 d\n");
    else
        strbuf_printf(b, "[%u %u ] 0 d\n", on, off);
}

void pdf_op_text(StrBuf *b, const char *s, size_t n)
{
    static const char HEX[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    char buf[256];
    size_t len = 0;
    strbuf_putc(b, '<');
    while (p < end) {
        size_t k;
        uint32_t cp = utf8_decode(p, end, &k);
        p += k;
        if (cp > 0xFFFF)
            cp = ' ';
        buf[len++] = HEX[cp >> 12];
        buf[len++] = HEX[(cp >> 8) & 15];
        buf[len++] = HEX[(cp >> 4) & 15];
        buf[len++] = HEX[cp & 15];
        if (len > sizeof buf - 4) {
            strbuf_append(b, buf, len);
            len = 0;
        }
    }
    strbuf_append(b, buf, len);
    strbuf_puts(b, "> Tj\n");
}

/* ---- the hand-over --------------------------------------------------------- */

/* The stream dictionary's own keys are written, then this: the data is
 * already compressed, so libharu must not filter it (filter NONE) yet the
 * dictionary must name the filter. Written as HPDF_Stream_Write does (the
 * callback has no way to reach the loaded library's table). */
static HPDF_STATUS write_filter_key(HPDF_Dict dict, HPDF_Stream stream)
{
    static const char KEY[] = "/Filter [ /FlateDecode ]\012";
    (void)dict;
    HPDF_STATUS r = stream->write_fn(stream, (const HPDF_BYTE *)KEY, sizeof KEY - 1);
    if (r == HPDF_OK)
        stream->size += sizeof KEY - 1;
    return r;
}

bool pdf_contents_commit(PdfContents *cs, const HpdfApi *hp, int threads)
{
    DeflateJob *jobs = calloc(cs->n ? cs->n : 1, sizeof *jobs);
    if (!jobs) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    for (size_t i = 0; i < cs->n; i++) {
        jobs[i].in = (const unsigned char *)cs->items[i].ops.data;
        jobs[i].in_len = cs->items[i].ops.len;
    }
    bool ok = deflate_jobs(jobs, cs->n, threads);
    for (size_t i = 0; ok && i < cs->n; i++) {
        if (jobs[i].in_len == 0)
            continue; /* an empty stream, as libharu leaves it */
        HPDF_PageAttr attr = (HPDF_PageAttr)cs->items[i].page->attr;
        ok = hp->HPDF_Stream_Write(attr->stream, jobs[i].out, (HPDF_UINT)jobs[i].out_len) == HPDF_OK;
        attr->contents->filter = HPDF_STREAM_FILTER_NONE;
        attr->contents->write_fn = write_filter_key;
        free(jobs[i].out);
        jobs[i].out = NULL;
        strbuf_free(&cs->items[i].ops);
    }
    deflate_jobs_free(jobs, cs->n);
    free(jobs);
    return ok;
}
