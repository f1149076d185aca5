/* fmt_tree.c - walks the syntax tree and lays out the canonical lines.
 *
 * Each item (usar line, declaration, attribute, term, calendar day) becomes
 * one or more lines of the FmtDoc with an anchor on its source range, so
 * that fmt_doc_render() can put every comment back next to it. Values are
 * printed in their canonical spelling (put_value); strings, names and keys
 * keep the user's spelling. A declaration whose block holds a single
 * one-line attribute, and no comment, fits on one line; any other block is
 * written one attribute per line.
 */
#include "fmt_tree.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fmt_doc.h"
#include "fmt_src.h"
#include "parse.h"
#include "utf8.h"

typedef struct Fmt {
    FmtDoc doc;
    Arena *arena;
    const char *text;
    size_t len;
} Fmt;

/* ---- canonical order of attributes -------------------------------------- */

typedef struct Ranked {
    const Attr *at;
    int rank;      /* schema order, INT_MAX for unknown keys and entries */
    size_t seq;    /* source order */
} Ranked;

static int ranked_cmp(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const Attr **fmt_sorted_attrs(Arena *arena, const Attr *list, SchemaBlock block, size_t *n)
{
    *n = 0;
    for (const Attr *a = list; a; a = a->next)
        (*n)++;
    Ranked *r = malloc((*n ? *n : 1) * sizeof *r);
    if (!r)
        abort();
    size_t i = 0;
    for (const Attr *a = list; a; a = a->next, i++) {
        const SchemaKey *k = a->entry == ENTRY_NONE ? schema_find(block, a->key_folded) : NULL;
        r[i] = (Ranked){ a, k ? schema_order(k) : INT_MAX, i };
    }
    qsort(r, *n, sizeof *r, ranked_cmp);
    const Attr **out = ARENA_NEW_ARRAY(arena, const Attr *, *n ? *n : 1);
    for (i = 0; i < *n; i++)
        out[i] = r[i].at;
    free(r);
    return out;
}

SchemaBlock fmt_attr_block(const Attr *at)
{
    EntryKind k = at->entry != ENTRY_NONE ? at->entry : ast_entry_from_name(at->key_folded);
    const SchemaEntry *e = k != ENTRY_NONE ? schema_entry(k) : NULL;
    return e ? e->block : SB_NONE;
}

/* ---- small helpers ---------------------------------------------------------- */

static void put_src(const Fmt *f, StrBuf *b, uint32_t begin, uint32_t end)
{
    strbuf_append(b, f->text + begin, end - begin);
}

static size_t width(int level, const StrBuf *b)
{
    return (size_t)level * 2 + utf8_count(b->data ? b->data : "", b->len);
}

static const char *dup(const Fmt *f, const StrBuf *b)
{
    return arena_strndup(f->arena, b->data ? b->data : "", b->len);
}

static bool has_text_value(const Attr *at)
{
    for (const Value *v = at->values; v; v = v->next)
        if (v->kind == VAL_TEXT)
            return true;
    return false;
}

/* ---- values ------------------------------------------------------------------ */

/* `$` and the amount with a dot between groups of three digits. */
static void put_pesos(StrBuf *b, double amount)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)amount);
    strbuf_putc(b, '$');
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            strbuf_putc(b, '.');
        strbuf_putc(b, digits[i]);
    }
}

static void put_money(const Fmt *f, StrBuf *b, const Value *v)
{
    bool whole = v->number == (double)(long long)v->number;
    if (v->money == MONEY_CLP && whole) {
        put_pesos(b, v->number);
        return;
    }
    /* `2.5 UF`, `1500.5 CLP`: the number as written, then the unit. */
    put_src(f, b, v->loc.begin, fmt_src_number_end(f->text, f->len, v->loc.begin));
    strbuf_putc(b, ' ');
    strbuf_puts(b, v->text ? v->text : "CLP");
}

/* A value on one line (text blocks are handled by put_values). */
static void put_value(const Fmt *f, StrBuf *b, const Value *v)
{
    uint32_t at = v->loc.begin;
    switch (v->kind) {
    case VAL_DATETIME:
        put_src(f, b, at, at + 10);
        strbuf_printf(b, " %02d:%02d", v->minutes / 60, v->minutes % 60);
        break;
    case VAL_RANGE:
        put_src(f, b, at, at + 10);
        strbuf_puts(b, " .. ");
        put_src(f, b, value_range_end_loc(v).begin, value_range_end_loc(v).end);
        break;
    case VAL_QUANTITY:
        put_src(f, b, at, fmt_src_number_end(f->text, f->len, at));
        strbuf_putc(b, ' ');
        strbuf_puts(b, v->text);
        break;
    case VAL_MONEY:
        put_money(f, b, v);
        break;
    case VAL_NAME:
        strbuf_puts(b, v->text);
        break;
    default: /* strings, numbers, percentages, dates: as written */
        put_src(f, b, v->loc.begin, v->loc.end);
    }
}

/* ---- lines of one item -------------------------------------------------------- */

/* The lines of one item being built: the current line's code, and the
 * first and last lines emitted so far. */
typedef struct LineOut {
    Fmt *f;
    StrBuf code;
    int indent;
    FmtSep sep;       /* for the item's first line; NONE after it */
    uint32_t src;
    size_t first, last;
    bool any;
} LineOut;

static void lo_init(LineOut *o, Fmt *f, int indent, FmtSep sep, uint32_t src)
{
    memset(o, 0, sizeof *o);
    o->f = f;
    strbuf_init(&o->code);
    o->indent = indent;
    o->sep = sep;
    o->src = src;
}

static size_t lo_flush(LineOut *o, FmtLineKind kind)
{
    size_t i = fmt_doc_line(&o->f->doc, kind, o->indent, dup(o->f, &o->code), o->sep, o->src);
    o->sep = FMT_SEP_NONE;
    if (!o->any)
        o->first = i;
    o->any = true;
    o->last = i;
    strbuf_clear(&o->code);
    return i;
}

/* A text block: the opening quotes end the current line, the content
 * follows one level deeper than the attribute, and the closing quotes
 * start the next line at that level. When no line has visible text the
 * lines are kept as they are (indenting them would change them). */
static void put_text_block(LineOut *o, const Value *v, int level)
{
    const char *t = v->text;
    if (!*t) {
        strbuf_puts(&o->code, "\"\"\"\"\"\"");
        return;
    }
    strbuf_puts(&o->code, "\"\"\"");
    lo_flush(o, FMT_LINE_CODE);
    bool visible = t[strspn(t, " \t\n")] != '\0';
    StrBuf line;
    strbuf_init(&line);
    for (const char *p = t;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        strbuf_clear(&line);
        if (visible && n > 0)
            strbuf_repeat(&line, ' ', (size_t)(level + 1) * 2);
        strbuf_append(&line, p, n);
        fmt_doc_line(&o->f->doc, FMT_LINE_RAW, 0, dup(o->f, &line), FMT_SEP_NONE, 0);
        if (!nl)
            break;
        p = nl + 1;
    }
    strbuf_free(&line);
    o->indent = level + 1;
    strbuf_puts(&o->code, "\"\"\"");
}

/* The values of an attribute, separated by ", ". A list too wide for one
 * line continues on lines indented two levels deeper, filled greedily. */
static void put_values(LineOut *o, const Attr *at, int level)
{
    const Fmt *f = o->f;
    bool text = has_text_value(at);
    bool wrap = false;
    if (!text && at->values->next) {
        StrBuf all;
        strbuf_init(&all);
        strbuf_append(&all, o->code.data ? o->code.data : "", o->code.len);
        for (const Value *v = at->values; v; v = v->next) {
            strbuf_puts(&all, v == at->values ? " " : ", ");
            put_value(f, &all, v);
        }
        wrap = width(level, &all) > FMT_WIDTH;
        strbuf_free(&all);
    }
    StrBuf one;
    strbuf_init(&one);
    for (const Value *v = at->values; v; v = v->next) {
        if (v != at->values)
            strbuf_putc(&o->code, ',');
        if (v->kind == VAL_TEXT) {
            strbuf_putc(&o->code, ' ');
            put_text_block(o, v, level);
            continue;
        }
        strbuf_clear(&one);
        put_value(f, &one, v);
        if (wrap && v != at->values) {
            size_t w = width(o->indent, &o->code) + 1 + utf8_count(one.data, one.len) + (v->next ? 1 : 0);
            if (w > FMT_WIDTH) {
                lo_flush(o, FMT_LINE_CODE);
                o->indent = level + 2;
            }
        }
        if (o->code.len > 0)
            strbuf_putc(&o->code, ' ');
        strbuf_append(&o->code, one.data, one.len);
    }
    strbuf_free(&one);
}

static void put_attr_head(const Fmt *f, StrBuf *b, const Attr *at)
{
    if (at->entry != ENTRY_NONE) {
        put_src(f, b, attr_entry_loc(at).begin, attr_entry_loc(at).end);
        strbuf_putc(b, ' ');
    }
    strbuf_puts(b, attr_key(at));
    strbuf_putc(b, ':');
}

/* An attribute without a block or text block, on one line. */
static bool attr_one_line(const Fmt *f, const Attr *at, StrBuf *b)
{
    if (at->has_block || has_text_value(at))
        return false;
    put_attr_head(f, b, at);
    for (const Value *v = at->values; v; v = v->next) {
        strbuf_puts(b, v == at->values ? " " : ", ");
        put_value(f, b, v);
    }
    if (attr_comment(at)) {
        strbuf_putc(b, ' ');
        put_src(f, b, attr_comment(at)->loc.begin, attr_comment(at)->loc.end);
    }
    return true;
}

static uint32_t attr_end(const Fmt *f, const Attr *at);

/* Offset of the '}' closing an attribute's block. */
static uint32_t attr_close(const Fmt *f, const Attr *at)
{
    uint32_t pos = attr_block_loc(at).end;
    const Attr *last = NULL;
    for (const Attr *x = attr_block(at); x; x = x->next)
        last = x;
    if (last)
        pos = attr_end(f, last);
    return fmt_src_find(f->text, f->len, pos, '}');
}

static uint32_t attr_end(const Fmt *f, const Attr *at)
{
    return at->has_block ? attr_close(f, at) + 1 : at->loc.end;
}

/* ---- attributes ---------------------------------------------------------------- */

static void emit_attrs(Fmt *f, const Attr *list, SchemaBlock block, int level);

/* The { } of an attribute (an acuerdo's or nudo's details): on the same
 * line when it holds one one-line attribute and no comment. */
static void emit_attr_block(Fmt *f, LineOut *o, const Attr *at, int level)
{
    uint32_t open = attr_block_loc(at).begin, close = attr_close(f, at);
    bool comments = fmt_doc_has_comment(&f->doc, open, close);
    size_t n = 0;
    for (const Attr *x = attr_block(at); x; x = x->next)
        n++;
    if (!comments && n <= 1) {
        StrBuf one;
        strbuf_init(&one);
        bool ok = n == 0 || attr_one_line(f, attr_block(at), &one);
        size_t w = width(o->indent, &o->code) + utf8_count(one.data ? one.data : "", one.len) + (n ? 5 : 3);
        if (ok && w <= FMT_WIDTH) {
            strbuf_puts(&o->code, n ? " { " : " {}");
            if (n) {
                strbuf_append(&o->code, one.data, one.len);
                strbuf_puts(&o->code, " }");
            }
            strbuf_free(&one);
            lo_flush(o, FMT_LINE_CODE);
            fmt_doc_anchor(&f->doc, at->loc.begin, close + 1, o->first, o->last);
            return;
        }
        strbuf_free(&one);
    }
    strbuf_puts(&o->code, " {");
    lo_flush(o, FMT_LINE_OPEN);
    fmt_doc_anchor(&f->doc, at->loc.begin, open + 1, o->first, o->last);
    emit_attrs(f, attr_block(at), fmt_attr_block(at), level + 1);
    size_t l = fmt_doc_line(&f->doc, FMT_LINE_CLOSE, level, "}", FMT_SEP_NONE, close);
    fmt_doc_anchor(&f->doc, close, close + 1, l, l);
}

static void emit_attr(Fmt *f, const Attr *at, int level)
{
    LineOut o;
    lo_init(&o, f, level, FMT_SEP_NONE, at->loc.begin);
    put_attr_head(f, &o.code, at);
    put_values(&o, at, level);
    if (attr_comment(at)) {
        strbuf_putc(&o.code, ' ');
        put_src(f, &o.code, attr_comment(at)->loc.begin, attr_comment(at)->loc.end);
    }
    if (at->has_block) {
        emit_attr_block(f, &o, at, level);
    } else {
        lo_flush(&o, FMT_LINE_CODE);
        fmt_doc_anchor(&f->doc, at->loc.begin, at->loc.end, o.first, o.last);
    }
    strbuf_free(&o.code);
}

static void emit_attrs(Fmt *f, const Attr *list, SchemaBlock block, int level)
{
    size_t n;
    const Attr **sorted = fmt_sorted_attrs(f->arena, list, block, &n);
    for (size_t i = 0; i < n; i++)
        emit_attr(f, sorted[i], level);
}

/* ---- vocabulary terms and calendar days -------------------------------------------- */

/* `name "label" "description"`; the description goes on the next line
 * when the whole does not fit. */
static void emit_term(Fmt *f, const Term *t, int level)
{
    uint32_t label = fmt_src_find(f->text, f->len, t->loc.end, '"');
    uint32_t end = fmt_src_string_end(f->text, f->len, label);
    LineOut o;
    lo_init(&o, f, level, FMT_SEP_NONE, t->loc.begin);
    strbuf_puts(&o.code, t->name);
    strbuf_putc(&o.code, ' ');
    put_src(f, &o.code, label, end);
    uint32_t desc = fmt_src_skip(f->text, f->len, end);
    if (t->description && desc < f->len && f->text[desc] == '"') {
        uint32_t desc_end = fmt_src_string_end(f->text, f->len, desc);
        size_t w = width(level, &o.code) + 1 + utf8_count(f->text + desc, desc_end - desc);
        if (w > FMT_WIDTH) {
            lo_flush(&o, FMT_LINE_CODE);
            o.indent = level + 1;
        } else {
            strbuf_putc(&o.code, ' ');
        }
        put_src(f, &o.code, desc, desc_end);
        end = desc_end;
    }
    lo_flush(&o, FMT_LINE_CODE);
    fmt_doc_anchor(&f->doc, t->loc.begin, end, o.first, o.last);
    strbuf_free(&o.code);
}

static void emit_day(Fmt *f, const CalDay *c, int level)
{
    StrBuf b;
    strbuf_init(&b);
    char from[11], to[11];
    date_format(c->from, from);
    date_format(c->to, to);
    if (c->vacaciones)
        strbuf_printf(&b, "vacaciones %s .. %s ", from, to);
    else
        strbuf_printf(&b, "feriado %s ", from);
    uint32_t name = fmt_src_find(f->text, f->len, c->loc.begin, '"');
    put_src(f, &b, name, c->loc.end);
    size_t l = fmt_doc_line(&f->doc, FMT_LINE_CODE, level, dup(f, &b), FMT_SEP_NONE, c->loc.begin);
    fmt_doc_anchor(&f->doc, c->loc.begin, c->loc.end, l, l);
    strbuf_free(&b);
}

/* ---- declarations ------------------------------------------------------------------- */

static void put_decl_head(const Fmt *f, StrBuf *b, const Decl *d)
{
    put_src(f, b, decl_kw_loc(d).begin, decl_kw_loc(d).end);
    if (d->kind == DECL_SEGUIMIENTO || d->kind == DECL_AUTOEVALUACION) {
        strbuf_putc(b, ' ');
        put_src(f, b, d->name_loc.begin, d->name_loc.end);
    } else if (d->name) {
        strbuf_putc(b, ' ');
        strbuf_puts(b, d->name);
    }
    if (d->title) {
        strbuf_putc(b, ' ');
        put_src(f, b, d->title_loc.begin, d->title_loc.end);
    }
}

static uint32_t decl_open(const Fmt *f, const Decl *d)
{
    uint32_t after = decl_kw_loc(d).end;
    if (d->name_loc.end > after)
        after = d->name_loc.end;
    if (d->name_loc.end > after)
        after = d->name_loc.end;
    if (d->title && d->title_loc.end > after)
        after = d->title_loc.end;
    return fmt_src_find(f->text, f->len, after, '{');
}

static uint32_t decl_close(const Fmt *f, const Decl *d)
{
    uint32_t close = d->loc.end - 1;
    return f->text[close] == '}' ? close : fmt_src_find(f->text, f->len, decl_open(f, d) + 1, '}');
}

/* The one-line form of a declaration, or NULL when it needs several lines:
 * no block, an empty block, or a block with one one-line attribute, with
 * no comment inside the braces and within FMT_WIDTH columns. */
static const char *decl_one_line(const Fmt *f, const Decl *d, int level)
{
    StrBuf b;
    strbuf_init(&b);
    put_decl_head(f, &b, d);
    const char *out = NULL;
    if (!d->has_block) {
        out = dup(f, &b);
    } else if (!d->children && !decl_terms(d) && !decl_days(d) && (!d->attrs || !d->attrs->next) &&
               !fmt_doc_has_comment(&f->doc, decl_open(f, d), decl_close(f, d))) {
        bool ok = true;
        if (d->attrs) {
            strbuf_puts(&b, " { ");
            ok = attr_one_line(f, d->attrs, &b);
            strbuf_puts(&b, " }");
        } else {
            strbuf_puts(&b, " {}");
        }
        if (ok && width(level, &b) <= FMT_WIDTH)
            out = dup(f, &b);
    }
    strbuf_free(&b);
    return out;
}

static void emit_decls(Fmt *f, const Decl *list, int level);

static void emit_decl(Fmt *f, const Decl *d, int level, FmtSep sep, const char *one_line)
{
    if (one_line) {
        size_t l = fmt_doc_line(&f->doc, FMT_LINE_CODE, level, one_line, sep, decl_kw_loc(d).begin);
        fmt_doc_anchor(&f->doc, decl_kw_loc(d).begin, d->loc.end, l, l);
        return;
    }
    StrBuf b;
    strbuf_init(&b);
    put_decl_head(f, &b, d);
    strbuf_puts(&b, " {");
    uint32_t open = decl_open(f, d), close = decl_close(f, d);
    size_t l = fmt_doc_line(&f->doc, FMT_LINE_OPEN, level, dup(f, &b), sep, decl_kw_loc(d).begin);
    fmt_doc_anchor(&f->doc, decl_kw_loc(d).begin, open + 1, l, l);
    strbuf_free(&b);
    emit_attrs(f, d->attrs, (SchemaBlock)d->kind, level + 1);
    emit_decls(f, d->children, level + 1);
    for (const Term *t = decl_terms(d); t; t = t->next)
        emit_term(f, t, level + 1);
    for (const CalDay *c = decl_days(d); c; c = c->next)
        emit_day(f, c, level + 1);
    l = fmt_doc_line(&f->doc, FMT_LINE_CLOSE, level, "}", FMT_SEP_NONE, close);
    fmt_doc_anchor(&f->doc, close, close + 1, l, l);
}

/* Declarations are separated by a blank line, except consecutive one-line
 * declarations of the same kind (a list of personas), which keep a blank
 * line only where the source has one. */
static void emit_decls(Fmt *f, const Decl *list, int level)
{
    const Decl *prev = NULL;
    const char *prev_one = NULL;
    for (const Decl *d = list; d; d = d->next) {
        const char *one = decl_one_line(f, d, level);
        FmtSep sep = prev && one && prev_one && prev->kind == d->kind ? FMT_SEP_SOURCE : FMT_SEP_BLANK;
        emit_decl(f, d, level, sep, one);
        prev = d;
        prev_one = one;
    }
}

/* ---- the file ------------------------------------------------------------------------- */

void fmt_layout(Arena *arena, const FileAst *ast, const char *text, size_t len, StrBuf *out)
{
    Fmt f = { .arena = arena, .text = text, .len = len };
    fmt_doc_init(&f.doc, arena, text, len, ast->comments);
    StrBuf b;
    strbuf_init(&b);
    for (const Usar *u = ast->uses; u; u = u->next) {
        strbuf_clear(&b);
        strbuf_puts(&b, "usar ");
        put_src(&f, &b, u->loc.begin, u->loc.end);
        size_t l = fmt_doc_line(&f.doc, FMT_LINE_CODE, 0, dup(&f, &b), FMT_SEP_NONE, u->loc.begin);
        fmt_doc_anchor(&f.doc, u->loc.begin, u->loc.end, l, l);
    }
    strbuf_free(&b);
    emit_decls(&f, ast->decls, 0);
    size_t end = fmt_doc_line(&f.doc, FMT_LINE_END, 0, "", FMT_SEP_SOURCE, (uint32_t)len);
    fmt_doc_anchor(&f.doc, (uint32_t)len, (uint32_t)len, end, end);
    fmt_doc_render(&f.doc, out);
    fmt_doc_free(&f.doc);
}

bool fmt_format(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, StrBuf *out,
                FileAst **ast)
{
    size_t before = diag->errors;
    FileAst *tree = parse_file(arena, diag, sm, file, PARSE_COMMENTS);
    if (ast)
        *ast = tree;
    if (diag->errors > before || diag->stopped)
        return false;
    const SourceFile *src = source_file(sm, file);
    fmt_layout(arena, tree, src->text, src->len, out);
    return true;
}
