/* check_attrs.c - every attribute against the schema (schema.def):
 * unknown keys (E104), missing required keys (E105), repeated keys (E106),
 * values of the wrong type (E109), nesting and parents (E110), and the
 * entries of seguimientos and the answers of autoevaluaciones. References
 * are resolved on the way (E102, E103). */
#include "compile.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "schema.h"
#include "suggest.h"

typedef struct ValueSpec {
    ValueType type;
    unsigned refs;
    const char *vocab;
} ValueSpec;

static const char *describe_value(Compilation *c, const Value *v)
{
    switch (v->kind) {
    case VAL_STRING: return "una cadena";
    case VAL_TEXT: return "un bloque de texto";
    case VAL_NUMBER: return arena_printf(&c->arena, "el número %g", v->number);
    case VAL_PERCENT: return "un porcentaje";
    case VAL_MONEY: return "un monto";
    case VAL_DATE: return "una fecha";
    case VAL_DATETIME: return "una fecha con hora";
    case VAL_RANGE: return "un rango de fechas";
    case VAL_QUANTITY: return arena_printf(&c->arena, "la cantidad '%g %s'", v->number, v->text);
    case VAL_NAME: return arena_printf(&c->arena, "el nombre '%s'", v->text);
    case VAL_ERROR: return "un valor inválido";
    }
    return "un valor";
}

static void type_error(Compilation *c, const char *key, const ValueSpec *spec, const Value *v)
{
    const char *expected = schema_type_expected(NULL, spec->type, spec->refs, spec->vocab, &c->arena);
    diag_report(&c->diag, DIAG_WRONG_TYPE, v->loc, key, expected, describe_value(c, v), NULL);
}

static bool name_in(const Value *v, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(value_folded(v), *words) == 0)
            return true;
    return false;
}

static void check_code_allow(Compilation *c, const char *code)
{
    if (c->nallow == c->capallow) {
        c->capallow = c->capallow ? c->capallow * 2 : 8;
        const char **p = realloc(c->allow, c->capallow * sizeof *p);
        if (!p)
            abort();
        c->allow = p;
    }
    c->allow[c->nallow++] = code;
}

static void check_code(Compilation *c, Value *v)
{
    DiagSeverity sev;
    if (!diag_code_severity(v->text, &sev)) {
        diag_report(&c->diag, DIAG_BAD_CODE, v->loc, v->text, NULL);
        return;
    }
    if (sev == SEV_ERROR) {
        diag_report(&c->diag, DIAG_ERROR_NOT_SILENCEABLE, v->loc, v->text, NULL);
        return;
    }
    check_code_allow(c, v->text);
}

static void check_value(Compilation *c, const char *key, const ValueSpec *spec, Value *v)
{
    static const char *const SENTIDOS[] = { "creciente", "decreciente", NULL };
    static const char *const ANSWERS[] = { "si", "no", "no_aplica", NULL };
    if (v->kind == VAL_ERROR)
        return; /* reported by the scanner */
    bool ok = false;
    switch (spec->type) {
    case VT_STRING: ok = v->kind == VAL_STRING; break;
    case VT_TEXT: ok = v->kind == VAL_STRING || v->kind == VAL_TEXT; break;
    case VT_RANGE: ok = v->kind == VAL_RANGE; break;
    case VT_MONEY: ok = v->kind == VAL_MONEY; break;
    case VT_COUNT: ok = v->kind == VAL_NUMBER && v->number >= 1 && v->number == floor(v->number); break;
    case VT_DATE: ok = v->kind == VAL_DATE; break;
    case VT_DATETIME: ok = v->kind == VAL_DATE || v->kind == VAL_DATETIME; break;
    case VT_DURATION:
        ok = v->kind == VAL_QUANTITY && v->unit != UNIT_COUNT;
        if (ok && model_quantity_days_exact(v) > 36525.0) {
            diag_report(&c->diag, DIAG_DURATION_TOO_LONG, v->loc, key, NULL);
            return;
        }
        break;
    case VT_MEASURE: ok = v->kind == VAL_NUMBER || v->kind == VAL_PERCENT || v->kind == VAL_QUANTITY; break;
    case VT_PERCENT: ok = v->kind == VAL_PERCENT; break;
    case VT_SENTIDO: ok = v->kind == VAL_NAME && name_in(v, SENTIDOS); break;
    case VT_ANSWER: ok = v->kind == VAL_NAME && name_in(v, ANSWERS); break;
    case VT_DECLARE: ok = v->kind == VAL_NAME; break;
    case VT_REF:
        if (v->kind == VAL_NAME) {
            resolve_ref(c, v, spec->refs);
            return;
        }
        break;
    case VT_VOCAB:
        if (v->kind == VAL_NAME) {
            resolve_term(c, v, spec->vocab);
            return;
        }
        break;
    case VT_CODE:
        if (v->kind == VAL_NAME) {
            check_code(c, v);
            return;
        }
        break;
    }
    if (!ok)
        type_error(c, key, spec, v);
}

static void check_values(Compilation *c, Attr *a, const char *key, const ValueSpec *spec, bool list)
{
    if (!list && a->values->next) {
        char n[48];
        snprintf(n, sizeof n, "%zu valores", attr_nvalues(a));
        Diagnostic *g = diag_report(&c->diag, DIAG_TOO_MANY_VALUES, loc_make(a->loc.file, a->values->next->loc.begin, a->values->next->loc.end > a->loc.end ? a->values->next->loc.end : a->loc.end), key,
                                    arena_strdup(&c->arena, n), NULL);
        (void)g;
        check_value(c, key, spec, a->values);
        return;
    }
    for (Value *v = a->values; v && !c->diag.stopped; v = v->next)
        check_value(c, key, spec, v);
}

/* Reports E104; returns the suggested key's row, or NULL. */
static const SchemaKey *unknown_attribute(Compilation *c, SchemaBlock block, Attr *a)
{
    Suggest s;
    suggest_init(&s, a->key_folded);
    for (int i = schema_next(block, 0); i >= 0; i = schema_next(block, i + 1))
        suggest_consider(&s, schema_keys[i].key, &schema_keys[i]);
    Diagnostic *g = diag_report(&c->diag, DIAG_UNKNOWN_ATTRIBUTE, attr_key_loc(a), attr_key(a),
                                schema_block_indefinite(block), NULL);
    if (s.best) {
        diag_help(&c->diag, g, DIAG_HELP_DID_YOU_MEAN, s.best, NULL);
        return s.best_data;
    }
    StrBuf b;
    strbuf_init(&b);
    for (int i = schema_next(block, 0); i >= 0; i = schema_next(block, i + 1))
        strbuf_printf(&b, "%s%s", b.len ? ", " : "", schema_keys[i].key);
    if (b.len)
        diag_help(&c->diag, g, DIAG_HELP_VALID_KEYS, schema_block_indefinite(block),
                  arena_strdup(&c->arena, strbuf_cstr(&b)), NULL);
    strbuf_free(&b);
    return NULL;
}

static bool nested_in_parent(const Decl *d)
{
    return d && d->parent && schema_may_nest(d->parent->kind, d->kind);
}

static void check_attr_list(Compilation *c, SchemaBlock block, Decl *d, Attr *attrs);

static void check_entry(Compilation *c, Attr *a)
{
    EntryKind k = a->entry != ENTRY_NONE ? a->entry : ast_entry_from_name(a->key_folded);
    const SchemaEntry *e = schema_entry(k);
    const char *word = ast_entry_keyword(k);
    if (a->entry != ENTRY_NONE) {
        attr_ext(&c->arena, a)->target = resolve_name(c, attr_key(a), a->key_folded, attr_key_loc(a), e->target_refs);
    } else if (e->target == ET_REQUIRED) {
        diag_report(&c->diag, DIAG_MISSING_ENTRY_NAME, attr_key_loc(a), word,
                    schema_refs_text(e->target_refs, &c->arena), NULL);
    }
    ValueSpec spec = { e->type, 0, NULL };
    check_values(c, a, word, &spec, false);
    if (a->has_block) {
        if (e->block == SB_NONE)
            diag_report(&c->diag, DIAG_UNEXPECTED_BLOCK, attr_block_loc(a), word, NULL);
        else
            check_attr_list(c, e->block, NULL, attr_block(a));
    }
}

/* autoevaluacion: `uatp:` and one answer per checklist item. */
static void check_answer(Compilation *c, Attr *a, const Term **seen, size_t *nseen)
{
    Decl *vd = symtab_get(&c->symbols, "autoevaluacion_uatp");
    if (vd && vd->kind == DECL_VOCABULARIO) {
        const Term *t = symtab_get(decl_index(vd), a->key_folded);
        if (!t) {
            Suggest s;
            suggest_init(&s, a->key_folded);
            for (const Term *term = decl_terms(vd); term; term = term->next)
                suggest_consider(&s, term->folded, term);
            Diagnostic *g = diag_report(&c->diag, DIAG_UNKNOWN_ATTRIBUTE, attr_key_loc(a), attr_key(a),
                                        schema_block_indefinite(SB_AUTOEVALUACION), NULL);
            if (s.best)
                diag_help(&c->diag, g, DIAG_HELP_DID_YOU_MEAN, s.best, NULL);
            return;
        }
        for (size_t i = 0; i < *nseen; i++)
            if (seen[i] == t) {
                Diagnostic *g = diag_report(&c->diag, DIAG_DUPLICATE_ATTRIBUTE, attr_key_loc(a), attr_key(a), NULL);
                (void)g;
                return;
            }
        if (*nseen < 64)
            seen[(*nseen)++] = t;
        attr_ext(&c->arena, a)->term = t;
    } else {
        Value key = { .kind = VAL_NAME, .loc = attr_key_loc(a) };
        value_set_name(&key, attr_key(a), a->key_folded);
        resolve_term(c, &key, "autoevaluacion_uatp");
    }
    ValueSpec spec = { VT_ANSWER, 0, NULL };
    check_values(c, a, attr_key(a), &spec, false);
}

static void check_attr_list(Compilation *c, SchemaBlock block, Decl *d, Attr *attrs)
{
    /* By row of the block (schema order - first): the attribute seen, and
     * the keys offered by an E104. Only the block's rows are cleared. */
    const Attr *seen[SCHEMA_MAX_BLOCK_ROWS];
    bool suggested[SCHEMA_MAX_BLOCK_ROWS];
    const Term *answers[64];
    size_t nanswers = 0;
    int first, nrows;
    schema_memo_rows(c->schema_memo, block, &first, &nrows);
    if (nrows > SCHEMA_MAX_BLOCK_ROWS)
        nrows = SCHEMA_MAX_BLOCK_ROWS; /* never: a unit test bounds every block */
    memset(seen, 0, (size_t)nrows * sizeof *seen);
    memset(suggested, 0, (size_t)nrows * sizeof *suggested);
    for (Attr *a = attrs; a && !c->diag.stopped; a = a->next) {
        const SchemaKey *row = a->entry == ENTRY_NONE ? schema_memo_find(c->schema_memo, block, a->key_folded) : NULL;
        bool entry_word = !row && (a->entry != ENTRY_NONE || ast_entry_from_name(a->key_folded) != ENTRY_NONE);
        if (block == SB_SEGUIMIENTO && entry_word) {
            check_entry(c, a);
            continue;
        }
        if (!row && block == SB_AUTOEVALUACION && a->entry == ENTRY_NONE) {
            check_answer(c, a, answers, &nanswers);
            continue;
        }
        if (!row) {
            if (entry_word) {
                const char *word = ast_entry_keyword(a->entry != ENTRY_NONE ? a->entry
                                                                            : ast_entry_from_name(a->key_folded));
                diag_report(&c->diag, DIAG_ENTRY_OUTSIDE, a->entry != ENTRY_NONE ? attr_entry_loc(a) : attr_key_loc(a),
                            word, NULL);
            } else {
                const SchemaKey *hint = unknown_attribute(c, block, a);
                if (hint && schema_order(hint) - first < nrows)
                    suggested[schema_order(hint) - first] = true;
            }
            continue;
        }
        int idx = schema_order(row), k = idx - first;
        if (k < nrows && seen[k]) {
            Diagnostic *g = diag_report(&c->diag, DIAG_DUPLICATE_ATTRIBUTE, attr_key_loc(a), attr_key(a), NULL);
            diag_note(&c->diag, g, DIAG_NOTE_FIRST_ATTRIBUTE, attr_key_loc(seen[k]), NULL);
            continue;
        }
        if (k < nrows)
            seen[k] = a;
        a->key_id = (int16_t)idx;
        if ((row->flags & SK_PARENT) && nested_in_parent(d)) {
            Diagnostic *g = diag_report(&c->diag, DIAG_PARENT_TWICE, attr_key_loc(a), attr_key(a),
                                        ast_kind_definite(d->kind), ast_kind_definite(d->parent->kind),
                                        d->parent->name ? d->parent->name : "", NULL);
            diag_note(&c->diag, g, DIAG_NOTE_PARENT_HERE, d->parent->name_loc,
                      ast_kind_definite(d->parent->kind), d->parent->name ? d->parent->name : "", NULL);
            continue;
        }
        if (attr_comment(a))
            diag_report(&c->diag, DIAG_UNEXPECTED_COMMENT, attr_comment(a)->loc, attr_key(a), NULL);
        if (a->has_block)
            diag_report(&c->diag, DIAG_UNEXPECTED_BLOCK, attr_block_loc(a), attr_key(a), NULL);
        ValueSpec spec = { row->type, row->refs, row->vocab };
        check_values(c, a, attr_key(a), &spec, (row->flags & SK_LIST) != 0);
    }
    /* After a syntax error in the block, a "missing" attribute is most
     * likely the one the error swallowed: no E105. */
    if (!d || !d->name || d->broken || c->diag.stopped)
        return;
    for (int i = first; i < first + nrows; i++) {
        const SchemaKey *row = &schema_keys[i];
        if (i - first < nrows && (seen[i - first] || suggested[i - first]))
            continue; /* present, or misspelled: the E104 already says it */
        bool parent = (row->flags & SK_PARENT) && !(row->flags & SK_OPTIONAL_PARENT) && !nested_in_parent(d);
        if (!(row->flags & SK_REQUIRED) && !parent)
            continue;
        Diagnostic *g = diag_report(&c->diag, DIAG_MISSING_ATTRIBUTE, d->name_loc, row->key,
                                    ast_kind_definite(d->kind), d->name, NULL);
        if (parent) {
            DeclKind pk = row->refs & R_CAPACIDAD ? DECL_CAPACIDAD : DECL_ACCION;
            diag_help(&c->diag, g, DIAG_HELP_PARENT_KEY, ast_kind_indefinite(pk), row->key, NULL);
        }
    }
}

static void check_decl(Compilation *c, Decl *d)
{
    if (c->diag.stopped)
        return;
    if (d->parent && !schema_may_nest(d->parent->kind, d->kind)) {
        Diagnostic *g = diag_report(&c->diag, DIAG_BAD_NESTING, decl_kw_loc(d), ast_kind_indefinite(d->kind),
                                    ast_kind_indefinite(d->parent->kind), NULL);
        diag_note(&c->diag, g, DIAG_NOTE_PARENT_HERE, decl_kw_loc(d->parent), ast_kind_definite(d->parent->kind),
                  d->parent->name ? d->parent->name : "", NULL);
    }
    if (d->kind != DECL_VOCABULARIO && d->kind != DECL_CALENDARIO)
        check_attr_list(c, (SchemaBlock)d->kind, d, d->attrs);
    for (Decl *ch = d->children; ch; ch = ch->next)
        check_decl(c, ch);
}

/* A big file's top-level declarations are checked by two threads at once
 * (the file was parsed in two halves: parse_split.h), each taking the next
 * few declarations from a shared counter, each against a copy of the
 * compilation whose arena, diagnostics and `permitir` list are its own.
 * Everything else the check reaches is only read (the symbol table, the
 * schema, the sources) or written per node (a value's resolution, an
 * attribute's key and entry data); the one flag two threads could write
 * at once, a persona's `referenced`, is collected by each thread and set
 * by the calling thread after them. The usual big plan reports nothing
 * here; when either thread reports anything, what it reports may depend on
 * what came before it (the error limit, a vocabulary reported once), so
 * the file is checked again in order on the calling thread, which then
 * writes into the tree what was already written. */
enum { ATTR_CHUNK = 16 };

typedef struct AttrJobs {
    Decl **decls;
    size_t n;
    atomic_size_t next;     /* the next declaration to take */
} AttrJobs;

typedef struct AttrWorker {
    Compilation c;
    AttrJobs *jobs;
    DeclVec referenced;
    SchemaMemo memo;
} AttrWorker;

static void *attr_work(void *p)
{
    AttrWorker *w = p;
    AttrJobs *jobs = w->jobs;
    for (;;) {
        size_t i = atomic_fetch_add_explicit(&jobs->next, ATTR_CHUNK, memory_order_relaxed);
        if (i >= jobs->n)
            break;
        size_t end = jobs->n - i < ATTR_CHUNK ? jobs->n : i + ATTR_CHUNK;
        for (; i < end; i++)
            check_decl(&w->c, jobs->decls[i]);
        if (w->c.diag.n) {
            /* All is checked again: take what is left, so the other stops. */
            atomic_fetch_add_explicit(&jobs->next, jobs->n, memory_order_relaxed);
            break;
        }
    }
    return NULL;
}

/* Worker 0 runs on the calling thread and allocates from the
 * compilation's own arena (its copy of it, moved back by worker_end);
 * worker 1 from an arena of its own, adopted. */
static void worker_init(AttrWorker *w, const Compilation *c, AttrJobs *jobs, bool own_arena)
{
    w->c = *c;
    if (own_arena)
        arena_init(&w->c.arena);
    diag_init(&w->c.diag, &w->c.arena, w->c.diag.sm, 1);
    w->c.allow = NULL;
    w->c.nallow = w->c.capallow = 0;
    w->jobs = jobs;
    w->referenced = (DeclVec){ NULL, 0, 0 };
    w->c.referenced_later = &w->referenced;
    schema_memo_init(&w->memo);
    w->c.schema_memo = &w->memo;
}

/* Both workers' arenas are kept: the tree may point into them. */
static void worker_end(Compilation *c, AttrWorker *w, bool own_arena, bool keep_allow)
{
    if (own_arena)
        arena_adopt(&c->arena, &w->c.arena);
    else
        c->arena = w->c.arena;
    for (size_t i = 0; keep_allow && i < w->c.nallow; i++)
        check_code_allow(c, w->c.allow[i]);
    for (size_t i = 0; i < w->referenced.n; i++)
        w->referenced.items[i]->referenced = true;
    free(w->referenced.items);
    diag_free(&w->c.diag);
    free(w->c.allow);
}

/* False when the file is checked on the calling thread alone. */
static bool check_file_parallel(Compilation *c, FileAst *f)
{
    if (!f->parsed_in_halves || c->diag.stopped || c->split_top.n == 0 || c->split_top.items[0] != f->decls)
        return false;
    AttrJobs jobs = { .decls = c->split_top.items, .n = c->split_top.n };
    atomic_init(&jobs.next, 0);
    AttrWorker w[2];
    worker_init(&w[0], c, &jobs, false);
    worker_init(&w[1], c, &jobs, true);
    pthread_t thread;
    bool started = pthread_create(&thread, NULL, attr_work, &w[1]) == 0;
    attr_work(&w[0]);
    if (started)
        pthread_join(thread, NULL);
    bool clean = w[0].c.diag.n == 0 && w[1].c.diag.n == 0;
    worker_end(c, &w[0], false, clean);
    worker_end(c, &w[1], true, clean);
    c->attr_check = clean ? ATTR_CHECK_TWO_THREADS : ATTR_CHECK_REDONE;
    return clean;
}

static void check_file(Compilation *c, FileAst *f)
{
    if (check_file_parallel(c, f))
        return;
    for (Decl *d = f->decls; d; d = d->next)
        check_decl(c, d);
}

void check_attributes(Compilation *c)
{
    SchemaMemo memo;
    schema_memo_init(&memo);
    c->schema_memo = &memo;
    for (size_t i = 0; i < c->nfiles; i++)
        check_file(c, c->files[i]);
    c->schema_memo = NULL;
}
