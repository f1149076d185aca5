/* pdf_ttf.c - builds the compact TrueType program of pdf_ttf.h.
 *
 * The file is read through bounds-checked accessors; each output table is
 * built in its own buffer, then the table directory is written in tag order
 * with checksums, and head.checkSumAdjustment is fixed last.
 */
#include "pdf_ttf.h"

#include <stdlib.h>
#include <string.h>

/* Tables of the output, in the (sorted) order of the directory. */
enum { T_OS2, T_CMAP, T_CVT, T_FPGM, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME, T_POST, T_PREP, T_COUNT };
static const char TAGS[T_COUNT][5] = {
    "OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep",
};

typedef struct Span {
    const unsigned char *p; /* NULL when the table is absent */
    size_t n;
} Span;

typedef struct Ttf {
    const unsigned char *data;
    size_t len;
    Span in[T_COUNT];        /* tables of the original */
    StrBuf out[T_COUNT];     /* tables of the result */
    unsigned nglyphs;
    bool long_loca;          /* format of the original loca */
    bool out_long_loca;      /* format of the loca written */
    unsigned char *keep;     /* one byte per glyph */
} Ttf;

static unsigned u16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put16(StrBuf *b, unsigned v)
{
    char c[2] = { (char)(v >> 8 & 0xFF), (char)(v & 0xFF) };
    strbuf_append(b, c, 2);
}

static void put32(StrBuf *b, uint32_t v)
{
    put16(b, v >> 16);
    put16(b, v & 0xFFFF);
}

static void set16(StrBuf *b, size_t at, unsigned v)
{
    b->data[at] = (char)(v >> 8 & 0xFF);
    b->data[at + 1] = (char)(v & 0xFF);
}

static void set32(StrBuf *b, size_t at, uint32_t v)
{
    set16(b, at, v >> 16);
    set16(b, at + 2, v & 0xFFFF);
}

static bool read_directory(Ttf *t)
{
    if (t->len < 12)
        return false;
    unsigned ntables = u16(t->data + 4);
    if (12 + (size_t)ntables * 16 > t->len)
        return false;
    for (unsigned i = 0; i < ntables; i++) {
        const unsigned char *rec = t->data + 12 + 16 * i;
        uint32_t off = u32(rec + 8), n = u32(rec + 12);
        if (off > t->len || n > t->len - off)
            return false;
        for (int k = 0; k < T_COUNT; k++)
            if (memcmp(rec, TAGS[k], 4) == 0)
                t->in[k] = (Span){ t->data + off, n };
    }
    return t->in[T_HEAD].n >= 54 && t->in[T_HHEA].n >= 36 && t->in[T_MAXP].n >= 6 && t->in[T_LOCA].p &&
           t->in[T_GLYF].p && t->in[T_HMTX].p;
}

/* Start and end of a glyph in the original glyf table; false if invalid. */
static bool glyph_span(const Ttf *t, unsigned gid, size_t *from, size_t *to)
{
    const Span *loca = &t->in[T_LOCA];
    if (gid >= t->nglyphs)
        return false;
    if (t->long_loca) {
        if ((size_t)(gid + 2) * 4 > loca->n)
            return false;
        *from = u32(loca->p + gid * 4);
        *to = u32(loca->p + gid * 4 + 4);
    } else {
        if ((size_t)(gid + 2) * 2 > loca->n)
            return false;
        *from = (size_t)u16(loca->p + gid * 2) * 2;
        *to = (size_t)u16(loca->p + gid * 2 + 2) * 2;
    }
    return *from <= *to && *to <= t->in[T_GLYF].n;
}

/* Marks a glyph and, when composite, its components (depth-limited). */
static void keep_glyph(Ttf *t, unsigned gid, int depth)
{
    size_t from, to;
    if (gid >= t->nglyphs || t->keep[gid] || depth > 16)
        return;
    t->keep[gid] = 1;
    if (!glyph_span(t, gid, &from, &to) || to - from < 10)
        return;
    const unsigned char *g = t->in[T_GLYF].p + from, *end = t->in[T_GLYF].p + to;
    if ((int16_t)u16(g) >= 0)
        return;
    const unsigned char *p = g + 10;
    for (;;) {
        if (p + 4 > end)
            return;
        unsigned flags = u16(p), comp = u16(p + 2);
        keep_glyph(t, comp, depth + 1);
        p += 4 + ((flags & 0x0001) ? 4 : 2);
        if (flags & 0x0008)
            p += 2;
        else if (flags & 0x0040)
            p += 4;
        else if (flags & 0x0080)
            p += 8;
        if (!(flags & 0x0020))
            return;
    }
}

static void build_glyf_loca(Ttf *t)
{
    StrBuf *glyf = &t->out[T_GLYF], *loca = &t->out[T_LOCA];
    size_t *offsets = malloc(((size_t)t->nglyphs + 1) * sizeof *offsets);
    if (!offsets)
        abort();
    for (unsigned gid = 0; gid < t->nglyphs; gid++) {
        size_t from, to;
        offsets[gid] = glyf->len;
        if (t->keep[gid] && glyph_span(t, gid, &from, &to) && to > from) {
            strbuf_append(glyf, (const char *)t->in[T_GLYF].p + from, to - from);
            while (glyf->len % 4)
                strbuf_putc(glyf, 0);
        }
    }
    offsets[t->nglyphs] = glyf->len;
    bool short_ok = glyf->len < 0x20000;
    for (unsigned gid = 0; gid <= t->nglyphs; gid++) {
        if (short_ok)
            put16(loca, (unsigned)(offsets[gid] / 2));
        else
            put32(loca, (uint32_t)offsets[gid]);
    }
    t->out_long_loca = !short_ok;
    free(offsets);
}

static void build_hmtx(Ttf *t)
{
    const Span *in = &t->in[T_HMTX];
    StrBuf *b = &t->out[T_HMTX];
    unsigned nlong = u16(t->in[T_HHEA].p + 34);
    strbuf_append(b, (const char *)in->p, in->n);
    for (unsigned gid = 0; gid < t->nglyphs; gid++) {
        if (t->keep[gid] || gid + 1 == nlong)
            continue; /* the last long metric also serves the glyphs after it */
        size_t at = gid < nlong ? (size_t)gid * 4 : (size_t)nlong * 4 + (size_t)(gid - nlong) * 2;
        size_t width = gid < nlong ? 4 : 2;
        if (at + width <= b->len)
            memset(b->data + at, 0, width);
    }
}

/* cmap: one format 4 subtable (Windows, Unicode BMP), a segment per code
 * point, plus the closing 0xFFFF segment. */
static void build_cmap(Ttf *t, const PdfGlyphMap *map, size_t n)
{
    StrBuf *b = &t->out[T_CMAP];
    size_t segs = 1;
    for (size_t i = 0; i < n; i++)
        segs += map[i].cp != 0xFFFF;
    unsigned search = 1, selector = 0;
    while (search * 2 <= segs) {
        search *= 2;
        selector++;
    }
    put16(b, 0);                      /* version */
    put16(b, 1);                      /* one subtable */
    put16(b, 3);                      /* platform: Windows */
    put16(b, 1);                      /* encoding: Unicode BMP */
    put32(b, 12);                     /* offset of the subtable */
    put16(b, 4);                      /* format */
    put16(b, (unsigned)(16 + segs * 8)); /* length */
    put16(b, 0);                      /* language */
    put16(b, (unsigned)(segs * 2));
    put16(b, search * 2);
    put16(b, selector);
    put16(b, (unsigned)(segs * 2 - search * 2));
    for (size_t i = 0; i < n; i++)    /* endCode */
        if (map[i].cp != 0xFFFF)
            put16(b, map[i].cp);
    put16(b, 0xFFFF);
    put16(b, 0);                      /* reservedPad */
    for (size_t i = 0; i < n; i++)    /* startCode */
        if (map[i].cp != 0xFFFF)
            put16(b, map[i].cp);
    put16(b, 0xFFFF);
    for (size_t i = 0; i < n; i++)    /* idDelta */
        if (map[i].cp != 0xFFFF)
            put16(b, (unsigned)(map[i].gid - map[i].cp) & 0xFFFF);
    put16(b, 1);
    for (size_t i = 0; i < segs; i++) /* idRangeOffset */
        put16(b, 0);
}

/* name: the records with ids 0..6, strings copied. */
static void build_name(Ttf *t)
{
    const Span *in = &t->in[T_NAME];
    if (!in->p || in->n < 6)
        return;
    unsigned count = u16(in->p + 2), storage = u16(in->p + 4);
    if (6 + (size_t)count * 12 > in->n || storage > in->n)
        return;
    StrBuf recs, strings;
    strbuf_init(&recs);
    strbuf_init(&strings);
    unsigned kept = 0;
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *r = in->p + 6 + 12 * i;
        unsigned id = u16(r + 6), n = u16(r + 8), off = u16(r + 10);
        if (id > 6 || (size_t)storage + off + n > in->n)
            continue;
        strbuf_append(&recs, (const char *)r, 8);
        put16(&recs, n);
        put16(&recs, (unsigned)strings.len);
        strbuf_append(&strings, (const char *)in->p + storage + off, n);
        kept++;
    }
    StrBuf *b = &t->out[T_NAME];
    put16(b, 0);
    put16(b, kept);
    put16(b, 6 + kept * 12);
    strbuf_append(b, recs.data ? recs.data : "", recs.len);
    strbuf_append(b, strings.data ? strings.data : "", strings.len);
    strbuf_free(&recs);
    strbuf_free(&strings);
}

static void build_copies(Ttf *t)
{
    static const int COPIED[] = { T_OS2, T_CVT, T_FPGM, T_PREP, T_HHEA, T_MAXP, T_HEAD };
    for (size_t i = 0; i < sizeof COPIED / sizeof *COPIED; i++) {
        const Span *in = &t->in[COPIED[i]];
        if (in->p)
            strbuf_append(&t->out[COPIED[i]], (const char *)in->p, in->n);
    }
    StrBuf *head = &t->out[T_HEAD];
    set32(head, 8, 0);                          /* checkSumAdjustment, fixed last */
    set16(head, 50, t->out_long_loca ? 1 : 0);      /* indexToLocFormat */
    if (t->in[T_POST].p && t->in[T_POST].n >= 32) {
        strbuf_append(&t->out[T_POST], (const char *)t->in[T_POST].p, 32);
        set32(&t->out[T_POST], 0, 0x00030000u);
    }
}

static uint32_t checksum(const char *data, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i += 4) {
        unsigned char w[4] = { 0, 0, 0, 0 };
        for (size_t k = 0; k < 4 && i + k < n; k++)
            w[k] = (unsigned char)data[i + k];
        sum += u32(w);
    }
    return sum;
}

static void write_font(Ttf *t, StrBuf *out)
{
    size_t start = out->len;
    unsigned ntables = 0;
    for (int k = 0; k < T_COUNT; k++)
        ntables += t->out[k].len > 0;
    unsigned search = 1, selector = 0;
    while (search * 2 <= ntables) {
        search *= 2;
        selector++;
    }
    put32(out, 0x00010000u);
    put16(out, ntables);
    put16(out, search * 16);
    put16(out, selector);
    put16(out, ntables * 16 - search * 16);
    size_t offset = 12 + (size_t)ntables * 16, head_at = 0;
    for (int k = 0; k < T_COUNT; k++) {
        StrBuf *tb = &t->out[k];
        if (!tb->len)
            continue;
        strbuf_append(out, TAGS[k], 4);
        put32(out, checksum(tb->data, tb->len));
        put32(out, (uint32_t)offset);
        put32(out, (uint32_t)tb->len);
        if (k == T_HEAD)
            head_at = offset;
        offset += (tb->len + 3) & ~(size_t)3;
    }
    for (int k = 0; k < T_COUNT; k++) {
        StrBuf *tb = &t->out[k];
        if (!tb->len)
            continue;
        strbuf_append(out, tb->data, tb->len);
        while ((out->len - start) % 4)
            strbuf_putc(out, 0);
    }
    uint32_t adjust = 0xB1B0AFBAu - checksum(out->data + start, out->len - start);
    set32(out, start + head_at + 8, adjust);
}

bool pdf_ttf_subset(const unsigned char *ttf, size_t len, const PdfGlyphMap *map, size_t n, StrBuf *out)
{
    Ttf t;
    memset(&t, 0, sizeof t);
    t.data = ttf;
    t.len = len;
    if (!read_directory(&t))
        return false;
    t.nglyphs = u16(t.in[T_MAXP].p + 4);
    t.long_loca = u16(t.in[T_HEAD].p + 50) != 0;
    size_t need = ((size_t)t.nglyphs + 1) * (t.long_loca ? 4 : 2);
    unsigned nlong = u16(t.in[T_HHEA].p + 34);
    if (t.nglyphs == 0 || t.in[T_LOCA].n < need || nlong == 0 || nlong > t.nglyphs ||
        t.in[T_HMTX].n < (size_t)nlong * 4 + (size_t)(t.nglyphs - nlong) * 2)
        return false;
    t.keep = calloc(t.nglyphs, 1);
    if (!t.keep)
        abort();
    for (int k = 0; k < T_COUNT; k++)
        strbuf_init(&t.out[k]);
    keep_glyph(&t, 0, 0);
    for (size_t i = 0; i < n; i++)
        keep_glyph(&t, map[i].gid, 0);
    build_glyf_loca(&t);
    build_hmtx(&t);
    build_cmap(&t, map, n);
    build_name(&t);
    build_copies(&t);
    write_font(&t, out);
    for (int k = 0; k < T_COUNT; k++)
        strbuf_free(&t.out[k]);
    free(t.keep);
    return true;
}
