/* pdf_table.c - tables of the PDF report (declared in pdf_layout.h).
 *
 * Approach: a row's cells are wrapped into the layout's `cells` line list;
 * the row is drawn in slices: as many lines of every cell as fit above the
 * bottom of the page, then a new page under the repeated header row, until
 * every line is drawn. Column widths come from the weights, widened for
 * the longest words found in a first, fitting pass over the rows.
 */
#include <string.h>

#include "hpdf_api.h"
#include "pdf_layout.h"
#include "utf8.h"

/* A cell's share of L->cells during a row. */
typedef struct CellLines {
    size_t first, count, next; /* lines [first, first+count); next to draw */
    float height;              /* text height (or the box) */
    bool box_drawn;
} CellLines;

#define BOX_SIZE 9.0f

/* Column edges from the weights, each column at least its minimum width
 * (when the minimums do not fit, they are scaled down: long words then
 * break between characters). */
static void distribute(PdfTable *t)
{
    float total = t->L->x1 - t->L->x0, w[PDF_MAX_COLS], minsum = 0;
    bool fixed[PDF_MAX_COLS] = { false };
    for (size_t i = 0; i < t->ncols; i++)
        minsum += t->minw[i];
    float scale = minsum > total ? total / minsum : 1;
    for (size_t round = 0; round <= t->ncols; round++) {
        float left = total, wsum = 0;
        for (size_t i = 0; i < t->ncols; i++) {
            if (fixed[i])
                left -= w[i];
            else
                wsum += t->cols[i].weight;
        }
        bool changed = false;
        for (size_t i = 0; i < t->ncols; i++) {
            if (fixed[i])
                continue;
            w[i] = wsum > 0 ? left * t->cols[i].weight / wsum : 0;
            if (w[i] < t->minw[i] * scale) {
                w[i] = t->minw[i] * scale;
                fixed[i] = changed = true;
            }
        }
        if (!changed)
            break;
    }
    float x = t->L->x0;
    for (size_t i = 0; i < t->ncols; i++) {
        t->x[i] = x;
        x += w[i];
    }
    t->x[t->ncols] = t->L->x1;
}

/* Width of the longest word of a text (blanks and PDF_BR separate words). */
static float longest_word(PdfLayout *L, const PdfStyle *st, const char *text)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text);
    float best = 0, cur = 0;
    while (p < end) {
        size_t len;
        uint32_t cp = utf8_decode(p, end, &len);
        p += len;
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == 0x2028) {
            cur = 0;
            continue;
        }
        cur += (float)pdf_font_width(L->fonts[st->font], cp) * st->size / 1000.0f;
        if (cur > best)
            best = cur;
    }
    return best;
}

static float header_height(PdfTable *t);

static void fit_column(PdfTable *t, size_t col, const PdfStyle *st, const char *text)
{
    if (col >= t->ncols || !text)
        return;
    float need = longest_word(t->L, st, text) + 2 * t->pad + 0.5f;
    float cap = (t->L->x1 - t->L->x0) * 0.4f; /* a URL may still break */
    if (need > cap)
        need = cap;
    if (need > t->minw[col]) {
        t->minw[col] = need;
        distribute(t);
        if (t->header)
            t->header_h = header_height(t);
    }
}

void pdf_table_fit(PdfTable *t, size_t col, const char *text, bool bold)
{
    fit_column(t, col, bold ? &t->bold : &t->body, text);
}

void pdf_table_fit_row(PdfTable *t, const PdfCell *cells)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (cells[i].box == PDF_BOX_NONE && cells[i].text)
            fit_column(t, i, (cells[i].bold || (t->label_shade && i == 0)) ? &t->bold : &t->body, cells[i].text);
}

static void table_setup(PdfTable *t, PdfLayout *L, const PdfColumn *cols, size_t ncols)
{
    memset(t->x, 0, sizeof t->x);
    memset(t->minw, 0, sizeof t->minw);
    t->L = L;
    t->cols = cols;
    t->ncols = ncols > PDF_MAX_COLS ? PDF_MAX_COLS : ncols;
    t->body = pdf_style(PDF_REGULAR, 8, PDF_INK);
    t->bold = pdf_style(PDF_BOLD, 8, PDF_INK);
    t->note = pdf_style(PDF_REGULAR, 7, PDF_MUTED);
    t->head = pdf_style(PDF_BOLD, 7.5f, PDF_WHITE);
    t->pad = 3.5f;
    t->need_header = true;
    t->fitting = false;
    t->rows = 0;
    t->header = false;
    distribute(t);
}

static float col_width(const PdfTable *t, size_t i)
{
    return t->x[i + 1] - t->x[i] - 2 * t->pad;
}

static float header_height(PdfTable *t)
{
    float h = 0;
    PdfLayout *L = t->L;
    for (size_t i = 0; i < t->ncols; i++) {
        pdf_lines_clear(&L->lines);
        size_t n = pdf_wrap(L, &L->lines, &t->head, t->cols[i].title, col_width(t, i));
        float ch = (float)n * t->head.leading;
        if (ch > h)
            h = ch;
    }
    return h + 2 * t->pad;
}

void pdf_table_begin(PdfTable *t, PdfLayout *L, const PdfColumn *cols, size_t ncols)
{
    table_setup(t, L, cols, ncols);
    t->zebra = true;
    t->label_shade = false;
    for (size_t i = 0; i < t->ncols; i++)
        fit_column(t, i, &t->head, cols[i].title);
    t->header = true;
    t->header_h = header_height(t);
}

void pdf_fields_begin(PdfTable *t, PdfLayout *L, float label_weight)
{
    t->own[0] = (PdfColumn){ "", label_weight, PDF_LEFT };
    t->own[1] = (PdfColumn){ "", 1.0f - label_weight, PDF_LEFT };
    table_setup(t, L, t->own, 2);
    t->header = false;
    t->zebra = false;
    t->label_shade = true;
    t->header_h = 0;
}

static void draw_header(PdfTable *t)
{
    PdfLayout *L = t->L;
    float top = L->y, h = t->header_h;
    pdf_fill_rect(L, t->x[0], top - h, t->x[t->ncols] - t->x[0], h, PDF_NAVY);
    for (size_t i = 0; i < t->ncols; i++) {
        pdf_lines_clear(&L->lines);
        size_t n = pdf_wrap(L, &L->lines, &t->head, t->cols[i].title, col_width(t, i));
        for (size_t k = 0; k < n; k++)
            pdf_line_draw(L, &L->lines, k, t->x[i] + t->pad, col_width(t, i), t->cols[i].align,
                          top - t->pad - (float)k * t->head.leading);
    }
    L->y -= h;
    t->need_header = false;
}

static void layout_cells(PdfTable *t, const PdfCell *cells, CellLines *cl)
{
    PdfLayout *L = t->L;
    PdfLines *ls = &L->cells;
    pdf_lines_clear(ls);
    for (size_t i = 0; i < t->ncols; i++) {
        const PdfCell *c = &cells[i];
        memset(&cl[i], 0, sizeof cl[i]);
        cl[i].first = cl[i].next = ls->n;
        if (c->box != PDF_BOX_NONE) {
            cl[i].height = BOX_SIZE;
            continue;
        }
        PdfStyle st = (c->bold || (t->label_shade && i == 0)) ? t->bold : t->body;
        if (c->color)
            st.color = *c->color;
        if (c->text && *c->text)
            pdf_wrap(L, ls, &st, c->text, col_width(t, i));
        if (c->note && *c->note)
            pdf_wrap(L, ls, &t->note, c->note, col_width(t, i));
        cl[i].count = ls->n - cl[i].first;
        for (size_t k = cl[i].first; k < ls->n; k++)
            cl[i].height += ls->items[k].style.leading;
    }
}

static bool lines_left(const PdfTable *t, const PdfCell *cells, const CellLines *cl)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (cl[i].next < cl[i].first + cl[i].count || (cells[i].box != PDF_BOX_NONE && !cl[i].box_drawn))
            return true;
    return false;
}

static void draw_box(PdfLayout *L, const PdfTable *t, size_t i, float top, bool checked)
{
    float bx = t->x[i] + (t->x[i + 1] - t->x[i] - BOX_SIZE) / 2, by = top - t->pad - BOX_SIZE;
    pdf_fill_rect(L, bx, by, BOX_SIZE, BOX_SIZE, PDF_WHITE);
    pdf_stroke_rect(L, bx, by, BOX_SIZE, BOX_SIZE, PDF_NAVY, 0.8f);
    if (checked) {
        pdf_stroke_line(L, bx + 2, by + 2, bx + BOX_SIZE - 2, by + BOX_SIZE - 2, PDF_NAVY, 1.3f, false);
        pdf_stroke_line(L, bx + 2, by + BOX_SIZE - 2, bx + BOX_SIZE - 2, by + 2, PDF_NAVY, 1.3f, false);
    }
}

/* How many lines of each cell fit in `avail` points; returns the height of
 * the slice (0 when nothing fits). */
static float measure_slice(const PdfTable *t, const PdfCell *cells, const CellLines *cl, float avail, size_t *take)
{
    const PdfLines *ls = &t->L->cells;
    float used = 0;
    bool any = false;
    for (size_t i = 0; i < t->ncols; i++) {
        float h = 0;
        size_t k = cl[i].next, end = cl[i].first + cl[i].count;
        while (k < end && h + ls->items[k].style.leading <= avail - 2 * t->pad) {
            h += ls->items[k].style.leading;
            k++;
        }
        take[i] = k - cl[i].next;
        if (cells[i].box != PDF_BOX_NONE && !cl[i].box_drawn && BOX_SIZE <= avail - 2 * t->pad)
            h = BOX_SIZE;
        any = any || take[i] > 0 || h > 0;
        if (h > used)
            used = h;
    }
    return any ? used + 2 * t->pad : 0;
}

/* The borders of a row's cells, in one path. */
static void cell_borders(PdfTable *t, float top, float hh)
{
    PdfLayout *L = t->L;
    if (pdf_failed(L))
        return;
    StrBuf *b = pdf_ops(L);
    pdf_op(b, (const float[]){ 0.4f }, 1, "w");
    pdf_op(b, (const float[]){ PDF_RULE.r, PDF_RULE.g, PDF_RULE.b }, 3, "RG");
    for (size_t i = 0; i < t->ncols; i++)
        pdf_op(b, (const float[]){ t->x[i], top - hh, t->x[i + 1] - t->x[i], hh }, 4, "re");
    strbuf_puts(b, "S\n");
}

/* Draws as much of the row as fits above the bottom of the page; returns
 * false when nothing fitted. */
static bool draw_slice(PdfTable *t, const PdfCell *cells, CellLines *cl)
{
    PdfLayout *L = t->L;
    size_t take[PDF_MAX_COLS];
    float hh = measure_slice(t, cells, cl, L->y - L->ybottom, take);
    if (hh <= 0)
        return false;
    float top = L->y, x0 = t->x[0], width = t->x[t->ncols] - x0;
    if (t->zebra && t->rows % 2 == 1)
        pdf_fill_rect(L, x0, top - hh, width, hh, PDF_SHADE);
    if (t->label_shade)
        pdf_fill_rect(L, x0, top - hh, t->x[1] - x0, hh, PDF_SHADE);
    for (size_t i = 0; i < t->ncols; i++) {
        if (cells[i].box != PDF_BOX_NONE && !cl[i].box_drawn && BOX_SIZE <= hh - 2 * t->pad) {
            draw_box(L, t, i, top, cells[i].box == PDF_BOX_CHECKED);
            cl[i].box_drawn = true;
        }
        float y = top - t->pad;
        for (size_t k = 0; k < take[i]; k++) {
            size_t at = cl[i].next + k;
            pdf_line_draw(L, &L->cells, at, t->x[i] + t->pad, col_width(t, i), t->cols[i].align, y);
            y -= L->cells.items[at].style.leading;
        }
        cl[i].next += take[i];
    }
    cell_borders(t, top, hh);
    L->y -= hh;
    return true;
}

/* Height of the whole row and of its first line. */
static void row_heights(const PdfTable *t, const CellLines *cl, float *row_h, float *first_h)
{
    const PdfLines *ls = &t->L->cells;
    *row_h = *first_h = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        if (cl[i].height > *row_h)
            *row_h = cl[i].height;
        float f = cl[i].count ? ls->items[cl[i].first].style.leading : cl[i].height;
        if (f > *first_h)
            *first_h = f;
    }
    *row_h += 2 * t->pad;
    *first_h += 2 * t->pad;
}

void pdf_table_row(PdfTable *t, const PdfCell *cells)
{
    PdfLayout *L = t->L;
    if (pdf_failed(L))
        return;
    if (t->fitting) {
        pdf_table_fit_row(t, cells);
        return;
    }
    CellLines cl[PDF_MAX_COLS];
    layout_cells(t, cells, cl);
    float row_h, first_h;
    row_heights(t, cl, &row_h, &first_h);
    /* Pending headings and the header row go with the first part of the
     * row; a row that fits on a page is never split. */
    float head = t->header ? t->header_h : 0;
    float capacity = pdf_page_capacity(L) - head;
    float want = (t->need_header ? head : 0) + (row_h <= capacity ? row_h : first_h);
    if (L->npending) {
        pdf_place(L, want);
    } else if (L->y - want < L->ybottom && L->y < L->ytop) {
        pdf_page_new(L, L->landscape, false);
        t->need_header = true;
    }
    if (L->y >= L->ytop)
        t->need_header = true; /* the table starts a page */
    if (t->need_header && t->header)
        draw_header(t);
    t->need_header = false;
    bool fresh = false;
    while (!pdf_failed(L)) {
        bool drawn = draw_slice(t, cells, cl);
        if (!lines_left(t, cells, cl) || (!drawn && fresh))
            break; /* the second case cannot happen with the sizes used */
        pdf_page_new(L, L->landscape, false);
        if (t->header)
            draw_header(t);
        fresh = true;
    }
    t->rows++;
}

void pdf_table_end(PdfTable *t)
{
    pdf_space(t->L, 10);
}

void pdf_field(PdfTable *t, const char *label, const char *value)
{
    PdfCell cells[2] = { { label, NULL, true, PDF_BOX_NONE, NULL }, { value, NULL, false, PDF_BOX_NONE, NULL } };
    pdf_table_row(t, cells);
}
