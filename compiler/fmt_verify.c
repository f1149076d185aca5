/* fmt_verify.c - a layout-independent description of a syntax tree. */
#include "fmt_verify.h"

#include <string.h>

#include "diag.h"
#include "fmt_tree.h"
#include "parse.h"

/* A string with its length, so that no content can fake a separator. */
static void put_str(StrBuf *b, const char *s)
{
    if (!s) {
        strbuf_puts(b, "-;");
        return;
    }
    strbuf_printf(b, "%zu:", strlen(s));
    strbuf_puts(b, s);
    strbuf_putc(b, ';');
}

static void put_value(StrBuf *b, const Value *v)
{
    strbuf_printf(b, "v%d ", (int)v->kind);
    switch (v->kind) {
    case VAL_STRING:
    case VAL_TEXT:
    case VAL_NAME:
        put_str(b, v->text);
        break;
    case VAL_NUMBER:
    case VAL_PERCENT:
        strbuf_printf(b, "%.17g;", v->number);
        break;
    case VAL_MONEY:
        strbuf_printf(b, "%.17g %d;", v->number, (int)v->money);
        break;
    case VAL_QUANTITY:
        strbuf_printf(b, "%.17g %d ", v->number, (int)v->unit);
        put_str(b, v->text);
        break;
    case VAL_DATE:
        strbuf_printf(b, "%d;", v->date);
        break;
    case VAL_DATETIME:
        strbuf_printf(b, "%d %d;", v->date, v->minutes);
        break;
    case VAL_RANGE:
        strbuf_printf(b, "%d %d;", v->date, v->date2);
        break;
    default:
        strbuf_puts(b, "error;");
    }
}

static void put_attrs(Arena *a, StrBuf *b, const Attr *list, SchemaBlock block);

static void put_attr(Arena *a, StrBuf *b, const Attr *at)
{
    strbuf_printf(b, "(attr %d ", (int)at->entry);
    put_str(b, attr_key(at));
    for (const Value *v = at->values; v; v = v->next)
        put_value(b, v);
    if (attr_comment(at))
        put_value(b, attr_comment(at));
    if (at->has_block) {
        strbuf_puts(b, "{");
        put_attrs(a, b, attr_block(at), fmt_attr_block(at));
        strbuf_puts(b, "}");
    }
    strbuf_puts(b, ")\n");
}

static void put_attrs(Arena *a, StrBuf *b, const Attr *list, SchemaBlock block)
{
    size_t n;
    const Attr **sorted = fmt_sorted_attrs(a, list, block, &n);
    for (size_t i = 0; i < n; i++)
        put_attr(a, b, sorted[i]);
}

static void put_decl(Arena *a, StrBuf *b, const Decl *d)
{
    strbuf_printf(b, "(decl %d %d %d ", (int)d->kind, d->date, (int)d->has_block);
    put_str(b, d->name);
    put_str(b, d->title);
    strbuf_putc(b, '\n');
    put_attrs(a, b, d->attrs, (SchemaBlock)d->kind);
    for (const Decl *c = d->children; c; c = c->next)
        put_decl(a, b, c);
    for (const Term *t = decl_terms(d); t; t = t->next) {
        strbuf_puts(b, "(term ");
        put_str(b, t->name);
        put_str(b, t->label);
        put_str(b, t->description);
        strbuf_puts(b, ")\n");
    }
    for (const CalDay *c = decl_days(d); c; c = c->next) {
        strbuf_printf(b, "(day %d %d %d ", (int)c->vacaciones, c->from, c->to);
        put_str(b, c->name);
        strbuf_puts(b, ")\n");
    }
    strbuf_puts(b, ")\n");
}

void fmt_fingerprint(Arena *arena, const FileAst *ast, StrBuf *out)
{
    for (const Usar *u = ast->uses; u; u = u->next) {
        strbuf_puts(out, "(usar ");
        put_str(out, u->path);
        strbuf_puts(out, ")\n");
    }
    for (const Decl *d = ast->decls; d; d = d->next)
        put_decl(arena, out, d);
}

bool fmt_same_meaning(Arena *arena, SourceManager *sm, const char *path, const FileAst *orig, const StrBuf *text)
{
    uint32_t id = source_add_text(sm, path, NULL, text->data ? text->data : "", text->len);
    DiagEngine diag;
    diag_init(&diag, arena, sm, 0);
    FileAst *again = parse_file(arena, &diag, sm, id, PARSE_COMMENTS);
    bool ok = diag.errors == 0;
    diag_free(&diag);
    if (!ok)
        return false;
    StrBuf a, b;
    strbuf_init(&a);
    strbuf_init(&b);
    fmt_fingerprint(arena, orig, &a);
    fmt_fingerprint(arena, again, &b);
    ok = a.len == b.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0);
    strbuf_free(&a);
    strbuf_free(&b);
    return ok;
}
