/* pdf_layout.c - the flow layout of the PDF report (pdf_layout.h).
 *
 * Approach: text is first normalised into a PdfLines buffer (runs of
 * blanks become one space, a blank line or PDF_BR becomes '\n', code points
 * outside the font's reach become U+FFFD), then wrapped greedily by
 * measured width into PdfLines. Everything that moves the flow goes through
 * pdf_place(), which first puts down the pending headings.
 */
#include "pdf_layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpdf_api.h"
#include "pdf_content.h"
#include "utf8.h"

const PdfColor PDF_INK = { 0.13f, 0.13f, 0.15f };
const PdfColor PDF_MUTED = { 0.40f, 0.42f, 0.46f };
const PdfColor PDF_NAVY = { 0.00f, 0.20f, 0.40f };
const PdfColor PDF_BLUE = { 0.06f, 0.41f, 0.71f };
const PdfColor PDF_RED = { 0.84f, 0.17f, 0.12f };
const PdfColor PDF_RULE = { 0.70f, 0.73f, 0.77f };
const PdfColor PDF_SHADE = { 0.93f, 0.95f, 0.97f };
const PdfColor PDF_WHITE = { 1.0f, 1.0f, 1.0f };

/* Page furniture (points). */
#define MARGIN_X 56.0f
#define COVER_MARGIN 56.0f
#define HEAD_TOP 30.0f      /* from the top edge to the first header line box */
#define HEAD_SIZE 7.5f
#define HEAD_LEAD 9.5f
#define HEAD_GAP 16.0f      /* header rule to the content */
#define FOOT_RULE 46.0f     /* height of the footer rule above the bottom edge */
#define FOOT_BASE 32.0f
#define FOOT_GAP 14.0f      /* content bottom above the footer rule */

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(p, n * size);
    if (!q) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    *cap = n;
    return q;
}

static char *dup_text(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p)
        abort();
    memcpy(p, s, n + 1);
    return p;
}

StrBuf *pdf_ops(PdfLayout *L)
{
    return &L->contents->items[L->cur].ops;
}

bool pdf_failed(const PdfLayout *L)
{
    return L->failed && *L->failed;
}

static bool stopped(const PdfLayout *L)
{
    return pdf_failed(L);
}

PdfStyle pdf_style(PdfFontId font, float size, PdfColor color)
{
    PdfStyle s = { font, size, size * 1.28f, color };
    return s;
}

/* ---- set-up ---------------------------------------------------------------- */

void pdf_layout_init(PdfLayout *L, const HpdfApi *hp, HPDF_Doc doc, PdfContents *contents, PdfFont *regular,
                     PdfFont *bold, const bool *failed, float paper_w, float paper_h)
{
    memset(L, 0, sizeof *L);
    L->hp = hp;
    L->doc = doc;
    L->contents = contents;
    L->enc = L->hp->HPDF_GetEncoder(doc, "UTF-8");
    L->fonts[PDF_REGULAR] = regular;
    L->fonts[PDF_BOLD] = bold;
    L->failed = failed;
    L->paper_w = paper_w;
    L->paper_h = paper_h;
    L->margin_x = MARGIN_X;
    L->head_title = L->head_sub = L->foot_left = "";
    pdf_lines_init(&L->lines);
    pdf_lines_init(&L->cells);
}

void pdf_layout_free(PdfLayout *L)
{
    for (size_t i = 0; i < L->nindex; i++)
        free(L->index[i].title);
    for (size_t i = 0; i < L->npending; i++)
        free(L->pending[i].title);
    free(L->index);
    free(L->pages);
    pdf_lines_free(&L->lines);
    pdf_lines_free(&L->cells);
}

void pdf_lines_init(PdfLines *ls)
{
    strbuf_init(&ls->text);
    ls->items = NULL;
    ls->n = ls->cap = 0;
}

void pdf_lines_clear(PdfLines *ls)
{
    strbuf_clear(&ls->text);
    ls->n = 0;
}

void pdf_lines_free(PdfLines *ls)
{
    strbuf_free(&ls->text);
    free(ls->items);
    pdf_lines_init(ls);
}

/* ---- text ------------------------------------------------------------------- */

float pdf_text_width(PdfLayout *L, const PdfStyle *st, const char *s, size_t n)
{
    PdfFont *f = L->fonts[st->font];
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    unsigned long total = 0;
    while (p < end) {
        size_t len;
        uint32_t cp = utf8_decode(p, end, &len);
        total += pdf_font_width(f, cp);
        p += len;
    }
    return (float)total * st->size / 1000.0f;
}

float pdf_baseline(const PdfStyle *st, float top)
{
    /* Centre the glyphs (ascent ~0.76 em of DejaVu above the baseline,
     * descent ~0.24 em) in the line box. */
    return top - (st->leading - st->size) / 2.0f - st->size * 0.80f;
}

static void set_fill(PdfLayout *L, PdfColor c)
{
    if (L->fill_known && L->cur_fill.r == c.r && L->cur_fill.g == c.g && L->cur_fill.b == c.b)
        return;
    pdf_op(pdf_ops(L), (const float[]){ c.r, c.g, c.b }, 3, "rg");
    L->cur_fill = c;
    L->fill_known = true;
}

void pdf_text_draw(PdfLayout *L, const PdfStyle *st, float x, float baseline, const char *s, size_t n)
{
    if (n == 0 || stopped(L))
        return;
    PdfFont *f = L->fonts[st->font];
    bool shown = pdf_font_mark(f, s, n);
    /* The font and the fill colour stay in the page's graphics state. The
     * font's local name also puts it in the page's resources. */
    const char *font = NULL;
    if (L->cur_font != f->font || L->cur_size != st->size) {
        font = L->hp->HPDF_Page_GetLocalFontName(L->page, f->font);
        if (!font)
            return; /* libharu has reported it: nothing more is drawn */
    }
    StrBuf *b = pdf_ops(L);
    strbuf_puts(b, "BT\n");
    if (font) {
        pdf_op_font(b, font, st->size);
        L->cur_font = f->font;
        L->cur_size = st->size;
    }
    set_fill(L, st->color);
    pdf_op(b, (const float[]){ x, baseline }, 2, "Td");
    /* Text of no width is not shown (libharu's rule, kept). */
    if (shown)
        pdf_op_text(b, s, n);
    strbuf_puts(b, "ET\n");
}

/* Appends `text` to a line buffer in normal form (see the file
 * comment). */
static void normalise(StrBuf *out, const char *text)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text);
    bool pending_space = false, at_start = true;
    int newlines = 0;
    while (p < end) {
        size_t len;
        uint32_t cp = utf8_decode(p, end, &len);
        p += len;
        if (cp == '\n') {
            newlines++;
            continue;
        }
        if (cp == 0x2028) {
            newlines = 2;
            continue;
        }
        if (cp == ' ' || cp == '\t' || cp == '\r') {
            pending_space = true;
            continue;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            continue;
        if (!at_start) {
            if (newlines >= 2)
                strbuf_putc(out, '\n');
            else if (newlines == 1 || pending_space)
                strbuf_putc(out, ' ');
        }
        newlines = 0;
        pending_space = false;
        at_start = false;
        char buf[4];
        if (cp > 0xFFFF)
            cp = 0xFFFD;
        strbuf_append(out, buf, utf8_put(cp, buf));
    }
}

static void push_line(PdfLayout *L, PdfLines *ls, const PdfStyle *st, size_t from, size_t to)
{
    const char *s = ls->text.data;
    while (to > from && s[to - 1] == ' ')
        to--;
    ls->items = grow(ls->items, &ls->cap, ls->n + 1, sizeof *ls->items);
    PdfLine *ln = &ls->items[ls->n++];
    ln->off = from;
    ln->len = to - from;
    ln->width = pdf_text_width(L, st, s + from, to - from);
    ln->hyphen = false;
    ln->style = *st;
}

/* Breaks a word wider than the line between characters, with a hyphen at
 * each break; returns where the last piece starts and its width in *w. */
static size_t break_word(PdfLayout *L, PdfLines *ls, const PdfStyle *st, size_t from, size_t to, float width,
                         float *w)
{
    const unsigned char *s = (const unsigned char *)ls->text.data;
    float hyphen = pdf_text_width(L, st, "-", 1);
    size_t start = from, i = from;
    float cw = 0;
    while (i < to) {
        size_t len;
        uint32_t cp = utf8_decode(s + i, s + to, &len);
        float gw = (float)pdf_font_width(L->fonts[st->font], cp) * st->size / 1000.0f;
        if (cw + gw + hyphen > width && i > start && i + len < to) {
            push_line(L, ls, st, start, i);
            ls->items[ls->n - 1].hyphen = true;
            ls->items[ls->n - 1].width += hyphen;
            start = i;
            cw = 0;
        }
        cw += gw;
        i += len;
    }
    *w = cw;
    return start;
}

/* Wraps one paragraph [a, b) of the buffer. */
static void wrap_para(PdfLayout *L, PdfLines *ls, const PdfStyle *st, size_t a, size_t b, float width)
{
    const char *s = ls->text.data;
    float space = pdf_text_width(L, st, " ", 1);
    size_t line = a, i = a;
    float lw = 0;
    bool empty = true;
    while (i < b) {
        size_t j = i;
        while (j < b && s[j] != ' ')
            j++;
        float ww = pdf_text_width(L, st, s + i, j - i);
        if (!empty && lw + space + ww > width) {
            push_line(L, ls, st, line, i);
            line = i;
            lw = 0;
            empty = true;
        }
        if (ww > width) {
            if (!empty)
                push_line(L, ls, st, line, i);
            line = break_word(L, ls, st, i, j, width, &lw);
        } else {
            lw += (empty ? 0 : space) + ww;
        }
        empty = false;
        i = j;
        while (i < b && s[i] == ' ')
            i++;
    }
    push_line(L, ls, st, line, b);
}

size_t pdf_wrap(PdfLayout *L, PdfLines *ls, const PdfStyle *st, const char *text, float width)
{
    size_t before = ls->n;
    size_t a = ls->text.len;
    normalise(&ls->text, text ? text : "");
    size_t end = ls->text.len;
    strbuf_putc(&ls->text, '\n'); /* keeps the paragraphs of two texts apart */
    if (width < 1)
        width = 1;
    for (size_t i = a; i <= end; i++) {
        if (i == end || ls->text.data[i] == '\n') {
            wrap_para(L, ls, st, a, i, width);
            a = i + 1;
        }
    }
    return ls->n - before;
}

void pdf_line_draw(PdfLayout *L, const PdfLines *ls, size_t k, float x, float width, PdfAlign align, float top)
{
    const PdfLine *ln = &ls->items[k];
    float dx = align == PDF_RIGHT ? width - ln->width : align == PDF_CENTER ? (width - ln->width) / 2 : 0;
    if (dx < 0)
        dx = 0;
    float base = pdf_baseline(&ln->style, top);
    pdf_text_draw(L, &ln->style, x + dx, base, ls->text.data + ln->off, ln->len);
    if (ln->hyphen)
        pdf_text_draw(L, &ln->style, x + dx + ln->width - pdf_text_width(L, &ln->style, "-", 1), base, "-", 1);
}

/* ---- graphics ------------------------------------------------------------- */

void pdf_fill_rect(PdfLayout *L, float x, float y, float w, float h, PdfColor c)
{
    if (stopped(L) || w <= 0 || h <= 0)
        return;
    set_fill(L, c);
    StrBuf *b = pdf_ops(L);
    pdf_op(b, (const float[]){ x, y, w, h }, 4, "re");
    strbuf_puts(b, "f\n");
}

static void set_stroke(StrBuf *b, PdfColor c, float lw)
{
    pdf_op(b, &lw, 1, "w");
    pdf_op(b, (const float[]){ c.r, c.g, c.b }, 3, "RG");
}

void pdf_stroke_rect(PdfLayout *L, float x, float y, float w, float h, PdfColor c, float lw)
{
    if (stopped(L))
        return;
    StrBuf *b = pdf_ops(L);
    set_stroke(b, c, lw);
    pdf_op(b, (const float[]){ x, y, w, h }, 4, "re");
    strbuf_puts(b, "S\n");
}

void pdf_stroke_line(PdfLayout *L, float x0, float y0, float x1, float y1, PdfColor c, float lw, bool dashed)
{
    if (stopped(L))
        return;
    StrBuf *b = pdf_ops(L);
    set_stroke(b, c, lw);
    if (dashed)
        pdf_op_dash(b, 2, 2);
    pdf_op(b, (const float[]){ x0, y0 }, 2, "m");
    pdf_op(b, (const float[]){ x1, y1 }, 2, "l");
    strbuf_puts(b, "S\n");
    if (dashed)
        pdf_op_dash(b, 0, 0);
}

void pdf_diamond(PdfLayout *L, float x, float y, float r, PdfColor fill, PdfColor stroke)
{
    if (stopped(L))
        return;
    StrBuf *b = pdf_ops(L);
    pdf_op(b, (const float[]){ 0.6f }, 1, "w");
    set_fill(L, fill);
    pdf_op(b, (const float[]){ stroke.r, stroke.g, stroke.b }, 3, "RG");
    pdf_op(b, (const float[]){ x, y + r }, 2, "m");
    pdf_op(b, (const float[]){ x + r, y }, 2, "l");
    pdf_op(b, (const float[]){ x, y - r }, 2, "l");
    pdf_op(b, (const float[]){ x - r, y }, 2, "l");
    strbuf_puts(b, "b\n");
}

/* ---- pages ---------------------------------------------------------------- */

static PdfStyle head_style(PdfFontId f)
{
    PdfStyle s = pdf_style(f, HEAD_SIZE, f == PDF_BOLD ? PDF_NAVY : PDF_MUTED);
    s.leading = HEAD_LEAD;
    return s;
}

/* Wraps the running header for the current page width into the line list;
 * returns the number of lines. */
static size_t wrap_header(PdfLayout *L)
{
    PdfStyle t = head_style(PDF_BOLD), s = head_style(PDF_REGULAR);
    float width = L->w - 2 * L->margin_x;
    pdf_lines_clear(&L->lines);
    size_t n = pdf_wrap(L, &L->lines, &t, L->head_title, width);
    if (L->head_sub && *L->head_sub)
        n += pdf_wrap(L, &L->lines, &s, L->head_sub, width);
    return n;
}

void pdf_page_new(PdfLayout *L, bool landscape, bool cover)
{
    L->page = L->hp->HPDF_AddPage(L->doc);
    L->cur_font = NULL;
    L->fill_known = false;
    L->landscape = landscape;
    L->cover = cover;
    L->w = landscape ? L->paper_h : L->paper_w;
    L->h = landscape ? L->paper_w : L->paper_h;
    if (L->page) {
        L->hp->HPDF_Page_SetWidth(L->page, L->w);
        L->hp->HPDF_Page_SetHeight(L->page, L->h);
    }
    L->pages = grow(L->pages, &L->cappages, L->npages + 1, sizeof *L->pages);
    L->pages[L->npages++] = (PdfPageRec){ L->page, cover, landscape };
    L->cur = pdf_contents_add(L->contents, L->page); /* the same index */
    L->x0 = L->margin_x;
    L->x1 = L->w - L->margin_x;
    if (cover) {
        L->ytop = L->h - COVER_MARGIN;
        L->ybottom = COVER_MARGIN;
    } else {
        size_t n = wrap_header(L);
        L->ytop = L->h - HEAD_TOP - (float)n * HEAD_LEAD - HEAD_GAP;
        L->ybottom = FOOT_RULE + FOOT_GAP;
    }
    L->y = L->ytop;
}

float pdf_page_capacity(const PdfLayout *L)
{
    return L->ytop - L->ybottom;
}

void pdf_layout_use_page(PdfLayout *L, size_t index)
{
    if (index >= L->npages)
        return;
    PdfPageRec *pr = &L->pages[index];
    L->page = pr->page;
    L->cur = index;
    L->cur_font = NULL;
    L->fill_known = false;
    L->landscape = pr->landscape;
    L->cover = pr->cover;
    L->w = pr->landscape ? L->paper_h : L->paper_w;
    L->h = pr->landscape ? L->paper_w : L->paper_h;
    L->x0 = L->margin_x;
    L->x1 = L->w - L->margin_x;
}

static void draw_furniture(PdfLayout *L, size_t i)
{
    pdf_layout_use_page(L, i);
    size_t n = wrap_header(L);
    float top = L->h - HEAD_TOP;
    for (size_t k = 0; k < n; k++)
        pdf_line_draw(L, &L->lines, k, L->margin_x, L->w - 2 * L->margin_x, PDF_LEFT, top - (float)k * HEAD_LEAD);
    float rule = top - (float)n * HEAD_LEAD - 4;
    pdf_stroke_line(L, L->margin_x, rule, L->w - L->margin_x, rule, PDF_BLUE, 0.8f, false);
    pdf_stroke_line(L, L->margin_x, FOOT_RULE, L->w - L->margin_x, FOOT_RULE, PDF_RULE, 0.5f, false);
    PdfStyle fs = pdf_style(PDF_REGULAR, HEAD_SIZE, PDF_MUTED);
    char num[64];
    snprintf(num, sizeof num, "Página %zu de %zu", i + 1, L->npages);
    float nw = pdf_text_width(L, &fs, num, strlen(num));
    pdf_text_draw(L, &fs, L->w - L->margin_x - nw, FOOT_BASE, num, strlen(num));
    /* The left footer ("Emitido el ...") is short: one line left of the
     * page number. */
    pdf_lines_clear(&L->lines);
    pdf_wrap(L, &L->lines, &fs, L->foot_left, L->w - 2 * L->margin_x - nw - 24);
    pdf_line_draw(L, &L->lines, 0, L->margin_x, 0, PDF_LEFT, FOOT_BASE + fs.size * 0.8f + (fs.leading - fs.size) / 2);
}

void pdf_layout_finish(PdfLayout *L)
{
    for (size_t i = 0; i < L->npages && !stopped(L); i++)
        if (!L->pages[i].cover)
            draw_furniture(L, i);
}

/* ---- headings and the flow -------------------------------------------------- */

static PdfStyle heading_style(int level)
{
    switch (level) {
    case 1: return pdf_style(PDF_BOLD, 15, PDF_NAVY);
    case 2: return pdf_style(PDF_BOLD, 12, PDF_BLUE);
    default: return pdf_style(PDF_BOLD, 10, PDF_NAVY);
    }
}

static float heading_space_before(int level)
{
    return level == 1 ? 18 : level == 2 ? 14 : 9;
}

static float heading_space_after(int level)
{
    return level == 1 ? 10 : level == 2 ? 6 : 4;
}

/* Height of a pending heading at the current flow position. */
static float pending_height(PdfLayout *L, const PdfPending *p, bool at_top)
{
    PdfStyle st = heading_style(p->level);
    pdf_lines_clear(&L->lines);
    size_t n = pdf_wrap(L, &L->lines, &st, p->title, L->x1 - L->x0);
    return (at_top ? 0 : heading_space_before(p->level)) + (float)n * st.leading + heading_space_after(p->level);
}

static void add_outline(PdfLayout *L, int level, const char *title, float top)
{
    HPDF_Outline parent = level > 1 ? L->outline[level - 1] : NULL;
    HPDF_Outline o = L->hp->HPDF_CreateOutline(L->doc, parent, title, L->enc);
    if (!o)
        return;
    HPDF_Destination d = L->hp->HPDF_Page_CreateDestination(L->page);
    if (d) {
        L->hp->HPDF_Destination_SetXYZ(d, 0, top + 8 > L->h ? L->h : top + 8, 1);
        L->hp->HPDF_Outline_SetDestination(o, d);
    }
    L->outline[level] = o;
    for (int k = level + 1; k < 4; k++)
        L->outline[k] = NULL;
}

void pdf_bookmark(PdfLayout *L, const char *title)
{
    if (stopped(L))
        return;
    add_outline(L, 1, title, L->h);
}

static void draw_pending(PdfLayout *L, const PdfPending *p)
{
    bool at_top = L->y >= L->ytop;
    if (!at_top)
        L->y -= heading_space_before(p->level);
    PdfStyle st = heading_style(p->level);
    pdf_lines_clear(&L->lines);
    size_t n = pdf_wrap(L, &L->lines, &st, p->title, L->x1 - L->x0);
    float top = L->y;
    for (size_t k = 0; k < n; k++) {
        pdf_line_draw(L, &L->lines, k, L->x0, L->x1 - L->x0, PDF_LEFT, L->y);
        L->y -= st.leading;
    }
    if (p->level == 1)
        pdf_stroke_line(L, L->x0, L->y - 2, L->x1, L->y - 2, PDF_BLUE, 0.8f, false);
    L->y -= heading_space_after(p->level);
    if (p->outline && !stopped(L))
        add_outline(L, p->level, p->title, top);
    if (p->index_slot >= 0 && (size_t)p->index_slot < L->nindex)
        L->index[p->index_slot].page = (int)L->npages;
}

void pdf_heading(PdfLayout *L, int level, const char *title, bool outline, int index_slot)
{
    if (L->npending == PDF_MAX_PENDING)
        pdf_place(L, 0);
    PdfPending *p = &L->pending[L->npending++];
    p->title = dup_text(title);
    p->level = level < 1 ? 1 : level > 3 ? 3 : level;
    p->outline = outline;
    p->index_slot = index_slot;
}

void pdf_place(PdfLayout *L, float first)
{
    float need = first;
    bool at_top = L->y >= L->ytop;
    for (size_t i = 0; i < L->npending; i++) {
        need += pending_height(L, &L->pending[i], at_top);
        at_top = false;
    }
    if (L->y - need < L->ybottom && L->y < L->ytop)
        pdf_page_new(L, L->landscape, false);
    for (size_t i = 0; i < L->npending; i++) {
        draw_pending(L, &L->pending[i]);
        free(L->pending[i].title);
    }
    L->npending = 0;
}

void pdf_space(PdfLayout *L, float h)
{
    if (L->y < L->ytop)
        L->y -= h;
    if (L->y < L->ybottom)
        L->y = L->ybottom;
}

int pdf_index_add(PdfLayout *L, const char *title, int level)
{
    L->index = grow(L->index, &L->capindex, L->nindex + 1, sizeof *L->index);
    L->index[L->nindex] = (PdfIndexEntry){ dup_text(title), level, 0 };
    return (int)L->nindex++;
}

/* Draws lines [from, to) of the line list as a paragraph in the flow,
 * breaking pages between lines. */
static void flow_lines(PdfLayout *L, size_t from, size_t to, float x, float width)
{
    for (size_t k = from; k < to; k++) {
        float lead = L->lines.items[k].style.leading;
        if (L->y - lead < L->ybottom)
            pdf_page_new(L, L->landscape, false);
        pdf_line_draw(L, &L->lines, k, x, width, PDF_LEFT, L->y);
        L->y -= lead;
    }
}

void pdf_paragraph(PdfLayout *L, const PdfStyle *st, const char *text, float indent)
{
    pdf_place(L, st->leading * 2);
    pdf_lines_clear(&L->lines);
    size_t n = pdf_wrap(L, &L->lines, st, text, L->x1 - L->x0 - indent);
    /* Two lines stay together at the bottom of a page (no orphan line). */
    float first = st->leading * (n > 1 ? 2 : 1);
    if (L->y - first < L->ybottom && L->y < L->ytop)
        pdf_page_new(L, L->landscape, false);
    flow_lines(L, 0, n, L->x0 + indent, L->x1 - L->x0 - indent);
    L->y -= st->leading * 0.45f;
}
