/* lsp_index.c - compile a document as `ruta check` does and index its names.
 *
 * The index is a flat array of occurrences built by one walk over the
 * syntax trees of every file of the compilation (the document and the
 * modules it uses), then sorted by file and offset: a lookup by position is
 * a binary search, and "all references to X" is one linear pass.
 */
#include "lsp_index.h"

#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "model.h"

static void add(LspAnalysis *a, LspOcc o)
{
    if (o.loc.file == SOURCE_NO_FILE || o.loc.end < o.loc.begin)
        return;
    if (a->nocc == a->capocc) {
        a->capocc = a->capocc ? a->capocc * 2 : 256;
        LspOcc *p = realloc(a->occ, a->capocc * sizeof *p);
        if (!p)
            abort();
        a->occ = p;
    }
    a->occ[a->nocc++] = o;
}

static void add_value(LspAnalysis *a, const Value *v)
{
    if (v->kind != VAL_NAME)
        return;
    if (value_ref(v)) {
        /* `id:` of an acuerdo or nudo declares the name it holds. */
        bool declares = value_ref(v)->name_loc.begin == v->loc.begin && value_ref(v)->name_loc.file == v->loc.file;
        add(a, (LspOcc){ .loc = v->loc, .role = declares ? OCC_DECL : OCC_REF, .decl = value_ref(v) });
    } else if (value_term(v)) {
        add(a, (LspOcc){ .loc = v->loc, .role = OCC_TERM_REF, .term = value_term(v) });
    }
}

static void index_attrs(LspAnalysis *a, SchemaBlock block, const Attr *attrs);

/* One attribute or entry: its key (or entry target), values, { } block. */
static void index_attr(LspAnalysis *a, SchemaBlock block, const Attr *at)
{
    if (at->entry != ENTRY_NONE) {
        if (attr_target(at))
            add(a, (LspOcc){ .loc = attr_key_loc(at), .role = OCC_REF, .decl = attr_target(at) });
    } else if (attr_term(at)) {
        add(a, (LspOcc){ .loc = attr_key_loc(at), .role = OCC_TERM_REF, .term = attr_term(at) });
    } else {
        /* key_id: the row check_attrs found (-1 for unknown or repeated keys). */
        const SchemaKey *k = at->key_id >= 0 && at->key_id < schema_nkeys ? &schema_keys[at->key_id]
                                                                         : schema_find(block, at->key_folded);
        if (k)
            add(a, (LspOcc){ .loc = attr_key_loc(at), .role = OCC_KEY, .key = k });
    }
    for (const Value *v = at->values; v; v = v->next)
        add_value(a, v);
    if (at->has_block) {
        EntryKind ek = at->entry != ENTRY_NONE ? at->entry : ast_entry_from_name(at->key_folded);
        const SchemaEntry *e = ek != ENTRY_NONE ? schema_entry(ek) : NULL;
        index_attrs(a, e ? e->block : SB_NONE, attr_block(at));
    }
}

static void index_attrs(LspAnalysis *a, SchemaBlock block, const Attr *attrs)
{
    for (const Attr *at = attrs; at; at = at->next)
        index_attr(a, block, at);
}

/* A declaration: its name, its terms, then its attributes and nested
 * declarations merged in source order, so a file's occurrences come out
 * sorted (the final sort then only checks). */
static void index_decl(LspAnalysis *a, Decl *d)
{
    if (d->name && d->kind != DECL_ACUERDO && d->kind != DECL_NUDO)
        add(a, (LspOcc){ .loc = d->name_loc, .role = OCC_DECL, .decl = d });
    for (const Term *t = decl_terms(d); t; t = t->next)
        add(a, (LspOcc){ .loc = t->loc, .role = OCC_TERM_DECL, .term = t, .vocab = d });
    const Attr *at = d->attrs;
    Decl *ch = d->children;
    while (at || ch) {
        if (ch && (!at || ch->loc.begin < at->loc.begin)) {
            index_decl(a, ch);
            ch = ch->next;
        } else {
            index_attr(a, (SchemaBlock)d->kind, at);
            at = at->next;
        }
    }
}

static bool is_path_spec(const char *spec)
{
    size_t n = strlen(spec);
    return (n > 5 && strcmp(spec + n - 5, ".ruta") == 0) || spec[0] == '/' ||
           strncmp(spec, "./", 2) == 0 || strncmp(spec, "../", 3) == 0;
}

/* The file a `usar` of `using` loaded, by the path the loader gave it. */
static uint32_t usar_module(LspAnalysis *a, uint32_t using, const char *spec)
{
    const SourceManager *sm = &a->c.sm;
    const char *upath = source_file(sm, using)->path;
    const char *want;
    if (is_path_spec(spec)) {
        /* As the loader joins them: the using file's directory, '/', spec. */
        const char *slash = strrchr(upath, '/');
        if (spec[0] == '/' || !slash)
            want = spec;
        else
            want = arena_printf(&a->c.arena, "%.*s/%s", (int)(slash - upath), upath, spec);
        for (size_t i = 0; i < a->c.nfiles; i++)
            if (strcmp(source_file(sm, a->c.files[i]->file)->path, want) == 0)
                return a->c.files[i]->file;
        return SOURCE_NO_FILE;
    }
    want = arena_printf(&a->c.arena, "/%s.ruta", spec);
    size_t wn = strlen(want);
    for (size_t i = 0; i < a->c.nfiles; i++) {
        const char *p = source_file(sm, a->c.files[i]->file)->path;
        size_t n = strlen(p);
        if (n >= wn && strcmp(p + n - wn, want) == 0)
            return a->c.files[i]->file;
    }
    return SOURCE_NO_FILE;
}

static int compare_occ(const void *pa, const void *pb)
{
    const LspOcc *x = pa, *y = pb;
    if (x->loc.file != y->loc.file)
        return x->loc.file < y->loc.file ? -1 : 1;
    if (x->loc.begin != y->loc.begin)
        return x->loc.begin < y->loc.begin ? -1 : 1;
    return (x->loc.end > y->loc.end) - (x->loc.end < y->loc.end);
}

static int compare_files(const void *pa, const void *pb)
{
    uint32_t x = (*(FileAst *const *)pa)->file, y = (*(FileAst *const *)pb)->file;
    return (x > y) - (x < y);
}

static bool sorted(const LspAnalysis *a)
{
    for (size_t i = 1; i < a->nocc; i++)
        if (compare_occ(&a->occ[i - 1], &a->occ[i]) > 0)
            return false;
    return true;
}

static void build_index(LspAnalysis *a)
{
    /* Files in source-id order, each walked in source order. */
    size_t n = a->c.nfiles;
    FileAst **files = malloc((n ? n : 1) * sizeof *files);
    if (!files)
        abort();
    memcpy(files, a->c.files, n * sizeof *files);
    qsort(files, n, sizeof *files, compare_files);
    for (size_t i = 0; i < n; i++) {
        FileAst *f = files[i];
        for (Usar *u = f->uses; u; u = u->next)
            add(a, (LspOcc){ .loc = u->loc, .role = OCC_USAR, .module = usar_module(a, f->file, u->path) });
        for (Decl *d = f->decls; d; d = d->next)
            index_decl(a, d);
    }
    free(files);
    if (!sorted(a)) /* recovered trees may be out of order */
        qsort(a->occ, a->nocc, sizeof *a->occ, compare_occ);
}

static void apply_policy(Compilation *c, const LspPolicy *p)
{
    size_t n = p->nallow + c->nallow;
    const char **allow = malloc((n ? n : 1) * sizeof *allow);
    if (!allow)
        abort();
    for (size_t i = 0; i < p->nallow; i++)
        allow[i] = p->allow[i];
    for (size_t i = 0; i < c->nallow; i++)
        allow[p->nallow + i] = c->allow[i];
    DiagPolicy policy = { allow, n, p->deny, p->ndeny, p->werror };
    diag_finalize(&c->diag, &policy);
    free(allow);
}

LspAnalysis *lsp_analyze(const CompileOptions *opt, const LspPolicy *policy, const char *path,
                         const char *text, size_t len)
{
    LspAnalysis *a = calloc(1, sizeof *a);
    if (!a)
        abort();
    a->opt = *opt;
    a->opt.need_plan = false; /* like `ruta check`: a module needs no plan */
    compilation_init(&a->c, &a->opt);
    compile_text(&a->c, path, text, len);
    a->main = a->c.main_file;
    /* The consistency checks need a sound tree, as in driver_compile(). */
    if (a->c.diag.errors == 0)
        checks_run(&a->c, model_build(&a->c));
    apply_policy(&a->c, policy);
    build_index(a);
    return a;
}

void lsp_analysis_free(LspAnalysis *a)
{
    if (!a)
        return;
    compilation_free(&a->c);
    free(a->occ);
    free(a);
}

const LspOcc *lsp_occ_at(const LspAnalysis *a, uint32_t file, uint32_t offset)
{
    /* First occurrence that ends at or after offset in this file. */
    size_t lo = 0, hi = a->nocc;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const LspOcc *o = &a->occ[mid];
        if (o->loc.file < file || (o->loc.file == file && o->loc.end < offset))
            lo = mid + 1;
        else
            hi = mid;
    }
    const LspOcc *best = NULL;
    for (size_t i = lo; i < a->nocc && a->occ[i].loc.file == file && a->occ[i].loc.begin <= offset; i++) {
        const LspOcc *o = &a->occ[i];
        if (o->loc.end < offset)
            continue;
        /* Prefer the occurrence that starts at the cursor over the one that
         * ends there ("a,b" with the cursor before b), then the smallest. */
        if (!best || (best->loc.end == offset && o->loc.begin == offset) ||
            (o->loc.end - o->loc.begin < best->loc.end - best->loc.begin &&
             !(o->loc.end == offset && best->loc.begin == offset)))
            best = o;
    }
    return best;
}

bool lsp_analysis_uses(const LspAnalysis *a, const char *real)
{
    for (size_t i = 0; i < a->c.nfiles; i++) {
        uint32_t f = a->c.files[i]->file;
        if (f != a->main && strcmp(lsp_file_key(a, f), real) == 0)
            return true;
    }
    return false;
}

const char *lsp_file_key(const LspAnalysis *a, uint32_t file)
{
    const SourceFile *f = source_file(&a->c.sm, file);
    if (!f)
        return "";
    return f->real && f->real[0] ? f->real : f->path;
}

const Decl *lsp_term_vocab(const LspAnalysis *a, const Term *t)
{
    const DeclVec *v = &a->c.by_kind[DECL_VOCABULARIO];
    for (size_t i = 0; i < v->n; i++)
        for (const Term *x = decl_terms(v->items[i]); x; x = x->next)
            if (x == t)
                return v->items[i];
    return NULL;
}
