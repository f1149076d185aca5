/* compile.c - the compilation context and the order of the front-end passes. */
#include "compile.h"

#include <stdlib.h>
#include <limits.h>
#include <string.h>

#include "schema.h"

void compilation_init(Compilation *c, const CompileOptions *opt)
{
    memset(c, 0, sizeof *c);
    c->opt = opt;
    arena_init(&c->arena);
    c->arena.limit = opt->max_memory;
    source_manager_init(&c->sm);
    c->sm.map_files = opt->map_sources;
    diag_init(&c->diag, &c->arena, &c->sm, opt->max_errors);
    symtab_init(&c->symbols);
    c->main_file = SOURCE_NO_FILE;
    if (opt->cache) {
        /* Shared modules keep their source ids, so their trees stay valid. */
        const SourceManager *shared = &opt->cache->c.sm;
        for (size_t i = 0; i < shared->nfiles; i++)
            source_import(&c->sm, &shared->files[i]);
        c->nshared = (uint32_t)shared->nfiles;
    }
}

static void free_all(Compilation *c, bool at_exit)
{
    /* Vocabulary term indexes are heap tables referenced from the tree. */
    DeclVec *vocabs = &c->by_kind[DECL_VOCABULARIO];
    for (size_t i = 0; i < vocabs->n; i++)
        if (decl_index(vocabs->items[i]) && vocabs->items[i]->loc.file >= c->nshared)
            symtab_free(decl_index(vocabs->items[i]));
    for (int k = 0; k < DECL_KIND_COUNT; k++)
        free(c->by_kind[k].items);
    free(c->split_top.items);
    symtab_free(&c->symbols);
    free(c->files);
    free(c->state);
    free(c->stack);
    free(c->allow);
    diag_free(&c->diag);
    source_manager_free(&c->sm);
    if (at_exit)
        arena_abandon(&c->arena);
    else
        arena_free(&c->arena);
}

void compilation_free(Compilation *c)
{
    free_all(c, false);
}

void compilation_free_at_exit(Compilation *c)
{
    free_all(c, true);
}

void declvec_reserve(DeclVec *v, size_t n)
{
    if (v->n + n <= v->cap)
        return;
    v->cap = v->n + n;
    Decl **p = realloc(v->items, v->cap * sizeof *p);
    if (!p)
        abort();
    v->items = p;
}

void declvec_push(DeclVec *v, Decl *d)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        Decl **p = realloc(v->items, v->cap * sizeof *p);
        if (!p)
            abort();
        v->items = p;
    }
    v->items[v->n++] = d;
}

Attr *decl_attr(const Decl *d, const char *key)
{
    for (Attr *a = d->attrs; a; a = a->next)
        /* The first byte first. Once check_attributes() gave an
         * attribute its schema row, the row's key is the same pointer as
         * a caller's literal when the linker merged the two (GNU ld
         * merges equal string literals): a match without strcmp.
         * Otherwise the bytes decide, the second before strcmp: keys of a
         * block often share the first (fecha, fin; recursos,
         * responsable). Both strings have at least their first byte and
         * a NUL, so [1] is always inside them. */
        if (a->key_folded[0] == key[0] &&
            ((a->key_id >= 0 && schema_keys[a->key_id].key == key) ||
             (key[0] && a->key_folded[1] == key[1] && a->entry == ENTRY_NONE && strcmp(a->key_folded, key) == 0)))
            return a;
    return NULL;
}

static void run_passes(Compilation *c, uint32_t file)
{
    c->main_file = file;
    loader_load_main(c, file);
    resolve_collect(c);
    check_attributes(c);
}

bool compile_file(Compilation *c, const char *path, SourceError *err)
{
    uint32_t file = source_load_file(&c->sm, path, err);
    if (file == SOURCE_NO_FILE)
        return false;
    run_passes(c, file);
    return true;
}

void compile_text(Compilation *c, const char *path, const char *text, size_t len)
{
    char real[4096];
    run_passes(c, source_add_text(&c->sm, path, realpath(path, real) ? real : NULL, text, len));
}

bool module_cache_build(ModuleCache *mc, const CompileOptions *opt)
{
    memset(mc, 0, sizeof *mc);
    CompileOptions *own = malloc(sizeof *own);
    if (!own)
        abort();
    *own = *opt;
    own->cache = NULL;
    own->need_plan = false;
    compilation_init(&mc->c, own);
    if (!loader_load_stdlib(&mc->c) || mc->c.diag.errors) {
        module_cache_free(mc);
        return false;
    }
    resolve_collect(&mc->c); /* builds the vocabularies' term indexes */
    if (mc->c.diag.errors) {
        module_cache_free(mc);
        return false;
    }
    source_prepare_shared(&mc->c.sm);
    mc->nasts = mc->c.sm.nfiles;
    mc->asts = calloc(mc->nasts ? mc->nasts : 1, sizeof *mc->asts);
    if (!mc->asts)
        abort();
    for (size_t i = 0; i < mc->c.nfiles; i++)
        mc->asts[mc->c.files[i]->file] = mc->c.files[i];
    return true;
}

void module_cache_free(ModuleCache *mc)
{
    const CompileOptions *own = mc->c.opt;
    compilation_free(&mc->c);
    free((void *)own);
    free(mc->asts);
    memset(mc, 0, sizeof *mc);
}
