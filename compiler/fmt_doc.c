/* fmt_doc.c - placing comments by anchors and writing the formatted text.
 *
 * Rendering has three steps: attach each comment to an output line (by the
 * anchors, sorted by source offset and searched by bisection), turn lines
 * and comments into rows (blank lines resolved), then align the trailing
 * comments of consecutive rows and write them out.
 */
#include "fmt_doc.h"

#include <stdlib.h>
#include <string.h>

#include "fmt_src.h"
#include "utf8.h"

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        abort();
    return q;
}

void fmt_doc_init(FmtDoc *d, Arena *arena, const char *text, size_t len, const Comment *comments)
{
    memset(d, 0, sizeof *d);
    d->arena = arena;
    d->text = text;
    d->len = len;
    d->start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    d->comments = comments;
    for (const Comment *c = comments; c; c = c->next)
        d->ncomments++;
    d->cbegin = xrealloc(NULL, d->ncomments * sizeof *d->cbegin);
    size_t i = 0;
    for (const Comment *c = comments; c; c = c->next)
        d->cbegin[i++] = c->loc.begin;
}

void fmt_doc_free(FmtDoc *d)
{
    free(d->lines);
    free(d->anchors);
    free(d->cbegin);
    memset(d, 0, sizeof *d);
}

size_t fmt_doc_line(FmtDoc *d, FmtLineKind kind, int indent, const char *code, FmtSep sep, uint32_t src)
{
    if (d->nlines == d->caplines) {
        d->caplines = d->caplines ? d->caplines * 2 : 64;
        d->lines = xrealloc(d->lines, d->caplines * sizeof *d->lines);
    }
    d->lines[d->nlines] = (FmtLine){ kind, indent, code, sep, src };
    return d->nlines++;
}

void fmt_doc_anchor(FmtDoc *d, uint32_t begin, uint32_t end, size_t first, size_t last)
{
    if (d->nanchors == d->capanchors) {
        d->capanchors = d->capanchors ? d->capanchors * 2 : 64;
        d->anchors = xrealloc(d->anchors, d->capanchors * sizeof *d->anchors);
    }
    d->anchors[d->nanchors] = (FmtAnchor){ begin, end, first, last, d->nanchors };
    d->nanchors++;
}

/* Index of the first comment beginning at or after pos. */
static size_t first_comment_from(const FmtDoc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->ncomments;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->cbegin[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool fmt_doc_has_comment(const FmtDoc *d, uint32_t from, uint32_t to)
{
    size_t i = first_comment_from(d, from);
    return i < d->ncomments && d->cbegin[i] < to;
}

/* ---- attaching comments to lines -------------------------------------- */

typedef struct Placed {
    uint32_t begin, end;  /* the comment without trailing blanks */
    bool own_line;        /* alone on its source line */
    size_t line;          /* the output line it is attached to */
} Placed;

static int anchor_cmp(const void *a, const void *b)
{
    const FmtAnchor *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Index of the first anchor with begin > pos (anchors sorted). */
static size_t anchor_after(const FmtDoc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->nanchors;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->anchors[mid].begin <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The line before which an own-line comment at pos goes. */
static size_t line_for_own(const FmtDoc *d, uint32_t pos)
{
    size_t i = anchor_after(d, pos);
    if (i > 0 && pos < d->anchors[i - 1].end)
        return d->anchors[i - 1].first; /* inside an item */
    if (i > 0 && d->anchors[i - 1].begin == pos)
        i--;
    return i < d->nanchors ? d->anchors[i].first : d->nlines - 1;
}

static void place(const FmtDoc *d, const Comment *c, Placed *p)
{
    p->begin = c->loc.begin;
    p->end = c->loc.end;
    while (p->end > p->begin && (d->text[p->end - 1] == ' ' || d->text[p->end - 1] == '\t' ||
                                 d->text[p->end - 1] == '\r'))
        p->end--;
    p->own_line = fmt_src_own_line(d->text, d->start, p->begin);
    if (!p->own_line) {
        uint32_t prev = fmt_src_prev_token(d->text, d->start, p->begin);
        size_t i = anchor_after(d, prev);
        if (i > 0 && p->begin >= d->anchors[i - 1].end) {
            p->line = d->anchors[i - 1].last;
            return;
        }
        if (i > 0) {
            /* More of the item follows (a comment after `a,` in a list
             * over several lines): the comment goes before the item, where
             * an own-line comment inside it goes, so that formatting the
             * output again leaves it there. */
            p->own_line = true;
            p->line = d->anchors[i - 1].first;
            return;
        }
        p->own_line = true; /* code no item claims: keep the comment before what follows */
    }
    p->line = line_for_own(d, p->begin);
}

/* ---- rows --------------------------------------------------------------- */

typedef struct Row {
    int indent;            /* spaces */
    const char *code;
    size_t len;
    const char *comment;   /* trailing comment, or NULL */
    size_t clen;
    bool blank;            /* an empty line */
    bool opens;            /* ends with '{' */
} Row;

typedef struct Render {
    FmtDoc *doc;
    Row *rows;
    size_t n, cap;
    bool want_blank;
} Render;

static void push_row(Render *r, Row row)
{
    if (r->n + 2 > r->cap) {
        r->cap = r->cap ? r->cap * 2 : 128;
        r->rows = xrealloc(r->rows, r->cap * sizeof *r->rows);
    }
    if (r->want_blank && r->n > 0 && !r->rows[r->n - 1].blank && !r->rows[r->n - 1].opens)
        r->rows[r->n++] = (Row){ .blank = true };
    r->want_blank = false;
    r->rows[r->n++] = row;
}

static void push_comment(Render *r, int indent, const Placed *c)
{
    push_row(r, (Row){ indent, r->doc->text + c->begin, c->end - c->begin, NULL, 0, false, false });
}

/* Blank line before the line and its leading comments. */
static bool separator(const FmtDoc *d, const FmtLine *ln, const Placed *pre, size_t npre)
{
    bool comment_first = npre > 0 && pre[0].own_line;
    switch (ln->sep) {
    case FMT_SEP_BLANK:
        return true;
    case FMT_SEP_SOURCE:
        return fmt_src_blank_before(d->text, d->start, comment_first ? pre[0].begin : ln->src);
    default:
        return comment_first && fmt_src_blank_before(d->text, d->start, pre[0].begin);
    }
}

/* One output line with the comments attached to it. */
static void render_line(Render *r, const FmtLine *ln, const Placed *cs, size_t n)
{
    const FmtDoc *d = r->doc;
    const Placed *trail = NULL;
    if (n > 0 && !cs[n - 1].own_line && ln->kind != FMT_LINE_END)
        trail = &cs[--n];
    int cindent = ln->kind == FMT_LINE_CLOSE ? ln->indent + 1 : ln->indent;
    if (separator(d, ln, cs, n))
        r->want_blank = true;
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && cs[k].own_line && fmt_src_blank_before(d->text, d->start, cs[k].begin))
            r->want_blank = true;
        push_comment(r, cindent * 2, &cs[k]);
    }
    bool closing = ln->kind == FMT_LINE_CLOSE || ln->kind == FMT_LINE_END;
    if (n > 0 && cs[n - 1].own_line && !closing && fmt_src_blank_after(d->text, d->len, cs[n - 1].end))
        r->want_blank = true;
    if (ln->kind == FMT_LINE_END) {
        r->want_blank = false;
        return;
    }
    Row row = { ln->indent * 2, ln->code, strlen(ln->code), NULL, 0, false, ln->kind == FMT_LINE_OPEN };
    if (trail) {
        row.comment = d->text + trail->begin;
        row.clen = trail->end - trail->begin;
    }
    push_row(r, row);
}

static size_t row_width(const Row *row)
{
    return (size_t)row->indent + utf8_count(row->code, row->len);
}

/* Writes the rows; trailing comments of consecutive rows with the same
 * indentation are aligned two columns after the longest code. */
static void write_rows(const Render *r, StrBuf *out)
{
    size_t i = 0;
    while (i < r->n) {
        size_t j = i + 1, col = 0;
        if (r->rows[i].comment) {
            while (j < r->n && r->rows[j].comment && r->rows[j].indent == r->rows[i].indent)
                j++;
            for (size_t k = i; k < j; k++)
                if (row_width(&r->rows[k]) > col)
                    col = row_width(&r->rows[k]);
            col += 2;
        }
        for (size_t k = i; k < j; k++) {
            const Row *row = &r->rows[k];
            if (!row->blank) {
                strbuf_repeat(out, ' ', (size_t)row->indent);
                strbuf_append(out, row->code, row->len);
            }
            if (row->comment) {
                strbuf_repeat(out, ' ', col - row_width(row));
                strbuf_append(out, row->comment, row->clen);
            }
            strbuf_putc(out, '\n');
        }
        i = j;
    }
}

void fmt_doc_render(FmtDoc *d, StrBuf *out)
{
    qsort(d->anchors, d->nanchors, sizeof *d->anchors, anchor_cmp);
    Placed *placed = xrealloc(NULL, d->ncomments * sizeof *placed);
    size_t *start = xrealloc(NULL, (d->nlines + 1) * sizeof *start);
    memset(start, 0, (d->nlines + 1) * sizeof *start);
    size_t i = 0;
    for (const Comment *c = d->comments; c; c = c->next, i++) {
        place(d, c, &placed[i]);
        start[placed[i].line + 1]++;
    }
    for (size_t l = 0; l < d->nlines; l++)
        start[l + 1] += start[l];
    /* Comments grouped by line, in source order within each line. */
    Placed *by_line = xrealloc(NULL, d->ncomments * sizeof *by_line);
    size_t *fill = xrealloc(NULL, (d->nlines + 1) * sizeof *fill);
    memcpy(fill, start, (d->nlines + 1) * sizeof *fill);
    for (size_t k = 0; k < d->ncomments; k++)
        by_line[fill[placed[k].line]++] = placed[k];
    Render r = { d, NULL, 0, 0, false };
    for (size_t l = 0; l < d->nlines; l++)
        render_line(&r, &d->lines[l], by_line + start[l], start[l + 1] - start[l]);
    write_rows(&r, out);
    free(r.rows);
    free(fill);
    free(by_line);
    free(start);
    free(placed);
}
