/* lsp_features.c - diagnostics, hover, definition, references and the
 * document outline, read from a document's analysis.
 *
 * Diagnostics are those of `ruta check` for the same text: same codes,
 * severities (after --allow/--deny/-Werror/permitir), messages, notes (as
 * relatedInformation) and help line (appended to the message, as `ruta
 * check` prints it after the diagnostic). An error located in a `usar`
 * module is shown at the `usar` that brings the module in, with the
 * module's location as related information.
 */
#include "lsp_server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "schema.h"

/* ---- diagnostics --------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static json_t *location(LspServer *s, const LspAnalysis *a, Loc loc)
{
    json_t *o = json_object();
    char *uri = lsp_file_uri(s, a, loc.file);
    lsp_set(o, "uri", lsp_json_str(uri));
    free(uri);
    lsp_set(o, "range", lsp_json_range((SourceManager *)&a->c.sm, loc));
    return o;
}

/* Where a diagnostic of a module file shows in the document: the `usar`
 * that loads it, else the first `usar`, else the start of the file. */
static Loc module_anchor(const LspAnalysis *a, uint32_t module)
{
    Loc first = loc_make(a->main, 0, 0);
    bool have = false;
    for (size_t i = 0; i < a->nocc; i++) {
        const LspOcc *o = &a->occ[i];
        if (o->role != OCC_USAR || o->loc.file != a->main)
            continue;
        if (o->module == module)
            return o->loc;
        if (!have)
            first = o->loc;
        have = true;
    }
    return first;
}

static json_t *diagnostic(LspServer *s, LspAnalysis *a, const Diagnostic *g)
{
    SourceManager *sm = &a->c.sm;
    bool here = g->loc.file == a->main, nowhere = g->loc.file == SOURCE_NO_FILE;
    StrBuf msg;
    strbuf_init(&msg);
    json_t *related = json_array();
    Loc at = here ? g->loc : nowhere ? loc_make(a->main, 0, 0) : module_anchor(a, g->loc.file);
    if (!here && !nowhere) {
        const SourceFile *f = source_file(sm, g->loc.file);
        unsigned line, col;
        source_line_col(sm, g->loc.file, g->loc.begin, &line, &col);
        strbuf_printf(&msg, "%s:%u:%u: ", base_name(f->path), line, col);
        json_t *r = json_object();
        lsp_set(r, "location", location(s, a, g->loc));
        lsp_set(r, "message", lsp_json_str(g->msg));
        json_array_append_new(related, r);
    }
    strbuf_puts(&msg, g->msg);
    for (size_t k = 0; k < g->nnotes; k++) {
        if (g->notes[k].loc.file == SOURCE_NO_FILE) {
            strbuf_printf(&msg, "\nnota: %s", g->notes[k].msg);
            continue;
        }
        json_t *r = json_object();
        lsp_set(r, "location", location(s, a, g->notes[k].loc));
        lsp_set(r, "message", lsp_json_str(g->notes[k].msg));
        json_array_append_new(related, r);
    }
    if (g->help)
        strbuf_printf(&msg, "\nayuda: %s", g->help);
    json_t *o = json_object();
    lsp_set(o, "range", lsp_json_range(sm, at));
    lsp_set(o, "severity", json_integer(g->severity == SEV_ERROR ? 1 : 2));
    if (diag_catalog[g->id].code[0])
        lsp_set(o, "code", json_string(diag_catalog[g->id].code));
    lsp_set(o, "source", json_string("ruta"));
    lsp_set(o, "message", lsp_json_str(strbuf_cstr(&msg)));
    if (json_array_size(related))
        lsp_set(o, "relatedInformation", related);
    else
        json_decref(related);
    strbuf_free(&msg);
    return o;
}

json_t *lsp_publish_params(LspServer *s, LspDoc *d)
{
    LspAnalysis *a = d->an;
    json_t *list = json_array();
    for (size_t i = 0; a && i < a->c.diag.n; i++) {
        const Diagnostic *g = &a->c.diag.items[i];
        if (g->severity == SEV_IGNORED)
            continue;
        bool module = g->loc.file != a->main && g->loc.file != SOURCE_NO_FILE;
        if (module && g->severity != SEV_ERROR)
            continue; /* a module's warnings belong to the module */
        json_array_append_new(list, diagnostic(s, a, g));
    }
    if (a && a->c.diag.truncated) {
        char n[32];
        snprintf(n, sizeof n, "%zu", a->c.diag.max_errors);
        json_t *o = json_object();
        lsp_set(o, "range", lsp_json_range(&a->c.sm, loc_make(a->main, 0, 0)));
        lsp_set(o, "severity", json_integer(3));
        lsp_set(o, "source", json_string("ruta"));
        lsp_set(o, "message", lsp_json_str(diag_format(&a->c.arena, DIAG_TOO_MANY_ERRORS, n, NULL)));
        json_array_append_new(list, o);
    }
    json_t *p = json_object();
    lsp_set(p, "uri", lsp_json_str(d->uri));
    lsp_set(p, "version", json_integer(d->version));
    lsp_set(p, "diagnostics", list);
    return p;
}

/* ---- hover --------------------------------------------------------------- */

/* A declaration's attribute as Markdown: a vocabulary term by its label,
 * anything else as written in the source; NULL when absent. */
static const char *attr_text(LspAnalysis *a, const Decl *d, const char *key)
{
    const Attr *at = decl_attr(d, key);
    if (!at || !at->values)
        return NULL;
    if (!at->values->next && value_term(at->values))
        return arena_printf(&a->c.arena, "%s (`%s`)", value_term(at->values)->label, value_term(at->values)->name);
    const SourceFile *f = source_file(&a->c.sm, at->values->loc.file);
    uint32_t from = at->values->loc.begin, to = at->loc.end;
    if (!f || to < from || to > f->len)
        return NULL;
    return arena_printf(&a->c.arena, "`%.*s`", (int)(to - from), f->text + from);
}

static void declared_at(LspAnalysis *a, StrBuf *b, Loc loc)
{
    const SourceFile *f = source_file(&a->c.sm, loc.file);
    if (!f)
        return;
    unsigned line, col;
    source_line_col(&a->c.sm, loc.file, loc.begin, &line, &col);
    strbuf_printf(b, "\n\nDeclaración: `%s`, línea %u", base_name(f->path), line);
}

static void hover_decl(LspAnalysis *a, StrBuf *b, const Decl *d)
{
    strbuf_printf(b, "**%s** `%s`", ast_kind_noun(d->kind), d->name ? d->name : "");
    if (d->title)
        strbuf_printf(b, " — %s", d->title);
    if (d->parent && d->parent->name)
        strbuf_printf(b, "\n\nEn %s `%s`", ast_kind_definite(d->parent->kind), d->parent->name);
    if (decl_owner(d))
        strbuf_printf(b, "\n\nRegistrado en el seguimiento del %s", checks_date(&a->c, decl_owner(d)->date));
    static const struct { DeclKind kind; const char *key, *label; } FACTS[] = {
        { DECL_PERSONA, "rol", "Rol" }, { DECL_PERSONA, "cargo", "Cargo" },
        { DECL_EQUIPO, "integrantes", "Integrantes" },
        { DECL_ACCION, "responsable", "Responsable" }, { DECL_ACCION, "fechas", "Fechas" },
        { DECL_INDICADOR, "linea_base", "Línea base" }, { DECL_INDICADOR, "meta", "Meta" },
        { DECL_HITO, "fecha", "Fecha" }, { DECL_HITO, "tipo", "Tipo" },
        { DECL_PLAN, "establecimiento", "Establecimiento" }, { DECL_PLAN, "periodo", "Periodo" },
    };
    for (size_t i = 0; i < sizeof FACTS / sizeof FACTS[0]; i++) {
        const char *v = FACTS[i].kind == d->kind ? attr_text(a, d, FACTS[i].key) : NULL;
        if (v)
            strbuf_printf(b, "\n\n%s: %s", FACTS[i].label, v);
    }
    declared_at(a, b, d->name_loc);
}

static void hover_term(LspAnalysis *a, StrBuf *b, const Term *t, const Decl *vocab)
{
    strbuf_printf(b, "**%s** — %s", t->name, t->label);
    if (t->description)
        strbuf_printf(b, "\n\n%s", t->description);
    if (vocab)
        strbuf_printf(b, "\n\nTérmino del vocabulario `%s`%s%s", vocab->name ? vocab->name : "",
                      vocab->title ? " — " : "", vocab->title ? vocab->title : "");
    declared_at(a, b, t->loc);
}

static void hover_key(LspAnalysis *a, StrBuf *b, const SchemaKey *k)
{
    strbuf_printf(b, "**%s**: %s%s\n\nAtributo de %s", k->key,
                  schema_type_expected(k, k->type, k->refs, k->vocab, &a->c.arena),
                  k->flags & SK_REQUIRED ? " (obligatorio)" : "", schema_block_indefinite(k->block));
}

json_t *lsp_hover(LspServer *s, LspDoc *d, size_t offset)
{
    LspAnalysis *a = lsp_doc_analysis(s, d);
    const LspOcc *o = lsp_occ_at(a, a->main, (uint32_t)offset);
    if (!o)
        return NULL;
    StrBuf b;
    strbuf_init(&b);
    switch (o->role) {
    case OCC_DECL:
    case OCC_REF:
        hover_decl(a, &b, o->decl);
        break;
    case OCC_TERM_DECL:
    case OCC_TERM_REF:
        hover_term(a, &b, o->term, o->vocab ? o->vocab : lsp_term_vocab(a, o->term));
        break;
    case OCC_KEY:
        hover_key(a, &b, o->key);
        break;
    case OCC_USAR: {
        const SourceFile *f = source_file(&a->c.sm, o->module);
        if (f)
            strbuf_printf(&b, "**módulo** `%s`", f->path);
        else
            strbuf_puts(&b, "**módulo** no encontrado");
        break;
    }
    }
    json_t *contents = json_object();
    lsp_set(contents, "kind", json_string("markdown"));
    lsp_set(contents, "value", lsp_json_str(strbuf_cstr(&b)));
    strbuf_free(&b);
    json_t *h = json_object();
    lsp_set(h, "contents", contents);
    lsp_set(h, "range", lsp_json_range(&a->c.sm, o->loc));
    return h;
}

/* ---- definition and references ---------------------------------------------- */

/* A declared thing, identified across compilations by its file and offset
 * (the same text gives the same offsets in every compilation). */
typedef struct Target {
    const char *file;   /* lsp_file_key() */
    uint32_t begin;
    bool valid;
} Target;

static Target target_of(const LspAnalysis *a, const LspOcc *o)
{
    Target t = { "", 0, false };
    if ((o->role == OCC_DECL || o->role == OCC_REF) && o->decl && o->decl->name) {
        t.file = lsp_file_key(a, o->decl->name_loc.file);
        t.begin = o->decl->name_loc.begin;
        t.valid = true;
    } else if ((o->role == OCC_TERM_DECL || o->role == OCC_TERM_REF) && o->term) {
        t.file = lsp_file_key(a, o->term->loc.file);
        t.begin = o->term->loc.begin;
        t.valid = true;
    }
    return t;
}

json_t *lsp_definition(LspServer *s, LspDoc *d, size_t offset)
{
    LspAnalysis *a = lsp_doc_analysis(s, d);
    const LspOcc *o = lsp_occ_at(a, a->main, (uint32_t)offset);
    if (!o)
        return NULL;
    if (o->role == OCC_DECL || o->role == OCC_REF)
        return o->decl && o->decl->name ? location(s, a, o->decl->name_loc) : NULL;
    if (o->role == OCC_TERM_DECL || o->role == OCC_TERM_REF)
        return location(s, a, o->term->loc);
    if (o->role == OCC_USAR && o->module != SOURCE_NO_FILE)
        return location(s, a, loc_make(o->module, 0, 0));
    return NULL;
}

typedef struct Ref {
    const char *file;   /* lsp_file_key() */
    uint32_t begin, end;
    const LspAnalysis *a;
    uint32_t id;        /* source id in a */
} Ref;

static int compare_refs(const void *pa, const void *pb)
{
    const Ref *x = pa, *y = pb;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static void collect_refs(const LspAnalysis *a, Target want, bool include_decl, Ref **refs, size_t *n,
                         size_t *cap)
{
    for (size_t i = 0; i < a->nocc; i++) {
        const LspOcc *o = &a->occ[i];
        bool decl = o->role == OCC_DECL || o->role == OCC_TERM_DECL;
        if (decl && !include_decl)
            continue;
        Target t = target_of(a, o);
        if (!t.valid || t.begin != want.begin || strcmp(t.file, want.file) != 0)
            continue;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 32;
            Ref *p = realloc(*refs, *cap * sizeof *p);
            if (!p)
                abort();
            *refs = p;
        }
        (*refs)[(*n)++] = (Ref){ lsp_file_key(a, o->loc.file), o->loc.begin, o->loc.end, a, o->loc.file };
    }
}

json_t *lsp_references(LspServer *s, LspDoc *d, size_t offset, bool include_decl)
{
    LspAnalysis *a = lsp_doc_analysis(s, d);
    const LspOcc *o = lsp_occ_at(a, a->main, (uint32_t)offset);
    Target want = o ? target_of(a, o) : (Target){ "", 0, false };
    json_t *list = json_array();
    if (!want.valid)
        return list;
    /* Every open document, so that the users of a module are found too;
     * the target's key string must outlive the other analyses' updates. */
    char *file = strdup(want.file);
    if (!file)
        abort();
    want.file = file;
    for (size_t i = 0; i < s->ndocs; i++)
        lsp_doc_analysis(s, s->docs[i]);
    Ref *refs = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < s->ndocs; i++)
        collect_refs(s->docs[i]->an, want, include_decl, &refs, &n, &cap);
    if (n > 1)
        qsort(refs, n, sizeof *refs, compare_refs);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && compare_refs(&refs[i - 1], &refs[i]) == 0)
            continue;
        json_array_append_new(list, location(s, refs[i].a, loc_make(refs[i].id, refs[i].begin, refs[i].end)));
    }
    free(refs);
    free(file);
    return list;
}

/* ---- document symbols ---------------------------------------------------------- */

/* LSP SymbolKind values. */
enum {
    SK_MODULE = 2, SK_NAMESPACE = 3, SK_CLASS = 5, SK_METHOD = 6, SK_FIELD = 8, SK_ENUM = 10,
    SK_VARIABLE = 13, SK_CONSTANT = 14, SK_OBJECT = 19, SK_ENUM_MEMBER = 22, SK_STRUCT = 23,
    SK_EVENT = 24
};

static const int SYMBOL_KIND[DECL_KIND_COUNT] = {
    [DECL_PLAN] = SK_MODULE, [DECL_PERSONA] = SK_VARIABLE, [DECL_EQUIPO] = SK_STRUCT,
    [DECL_CAPACIDAD] = SK_CLASS, [DECL_ACCION] = SK_METHOD, [DECL_INDICADOR] = SK_FIELD,
    [DECL_HITO] = SK_EVENT, [DECL_SEGUIMIENTO] = SK_NAMESPACE, [DECL_VOCABULARIO] = SK_ENUM,
    [DECL_CALENDARIO] = SK_OBJECT, [DECL_AUTOEVALUACION] = SK_OBJECT, [DECL_ACUERDO] = SK_CONSTANT,
    [DECL_NUDO] = SK_CONSTANT,
};

static json_t *symbol(LspAnalysis *a, const char *name, const char *detail, int kind, Loc range, Loc sel)
{
    /* LSP requires selectionRange inside range. */
    if (range.file != sel.file || sel.begin < range.begin || sel.end > range.end)
        range = range.file == sel.file ? loc_span(range, sel) : sel;
    json_t *o = json_object();
    lsp_set(o, "name", lsp_json_str(name && *name ? name : "?"));
    if (detail)
        lsp_set(o, "detail", lsp_json_str(detail));
    lsp_set(o, "kind", json_integer(kind));
    lsp_set(o, "range", lsp_json_range(&a->c.sm, range));
    lsp_set(o, "selectionRange", lsp_json_range(&a->c.sm, sel));
    return o;
}

static json_t *decl_symbol(LspAnalysis *a, const Decl *d)
{
    const char *name = d->name;
    Loc sel = d->name_loc;
    if (!name) {
        name = d->kind == DECL_SEGUIMIENTO || d->kind == DECL_AUTOEVALUACION
                   ? arena_printf(&a->c.arena, "%s %s", ast_kind_keyword(d->kind), checks_date(&a->c, d->date))
                   : ast_kind_keyword(d->kind);
        sel = d->kind == DECL_SEGUIMIENTO || d->kind == DECL_AUTOEVALUACION ? d->name_loc : decl_kw_loc(d);
    }
    json_t *o = symbol(a, name, d->title, SYMBOL_KIND[d->kind], d->loc, sel);
    json_t *children = json_array();
    for (const Decl *ch = d->children; ch; ch = ch->next)
        json_array_append_new(children, decl_symbol(a, ch));
    for (const Term *t = decl_terms(d); t; t = t->next)
        json_array_append_new(children, symbol(a, t->name, t->label, SK_ENUM_MEMBER, t->loc, t->loc));
    for (int k = DECL_ACUERDO; k <= DECL_NUDO && d->kind == DECL_SEGUIMIENTO; k++) {
        const DeclVec *v = &a->c.by_kind[k];
        for (size_t i = 0; i < v->n; i++)
            if (decl_owner(v->items[i]) == d)
                json_array_append_new(children, symbol(a, v->items[i]->name, v->items[i]->title,
                                                       SYMBOL_KIND[k], v->items[i]->loc, v->items[i]->name_loc));
    }
    lsp_set(o, "children", children);
    return o;
}

json_t *lsp_document_symbols(LspServer *s, LspDoc *d)
{
    LspAnalysis *a = lsp_doc_analysis(s, d);
    json_t *list = json_array();
    for (size_t i = 0; i < a->c.nfiles; i++) {
        if (a->c.files[i]->file != a->main)
            continue;
        for (const Decl *decl = a->c.files[i]->decls; decl; decl = decl->next)
            json_array_append_new(list, decl_symbol(a, decl));
    }
    return list;
}
