/* resolve.c - one namespace per compilation: declarations (E101), name
 * references (E102, E103) with suggestions, and vocabulary terms. */
#include "compile.h"

#include <string.h>

#include "schema.h"
#include "suggest.h"

/* Which stdlib module defines each normative vocabulary (for the hint). */
static const struct {
    const char *vocab, *module;
} VOCAB_MODULES[] = {
    { "rol", "base" }, { "frecuencia", "base" }, { "tipo_hito", "base" },
    { "basal", "mdc" }, { "ambito", "mdc" }, { "etapa", "mdc" },
    { "autoevaluacion_uatp", "mdc" }, { "dimension", "pme" },
};

static void declare(Compilation *c, Decl *d)
{
    declvec_push(&c->by_kind[d->kind], d);
    if (!d->folded)
        return;
    Decl *first = symtab_put(&c->symbols, d->folded, d);
    if (first) {
        Diagnostic *g = diag_report(&c->diag, DIAG_DUPLICATE_NAME, d->name_loc, d->name, NULL);
        diag_note(&c->diag, g, DIAG_NOTE_FIRST_DECLARED, first->name_loc, first->name, NULL);
    }
}

static void index_terms(Compilation *c, Decl *v)
{
    SymTab *t = ARENA_NEW(&c->arena, SymTab);
    symtab_init(t);
    v->u.voc.index = t;
    for (Term *term = decl_terms(v); term; term = term->next) {
        Term *first = symtab_put(t, term->folded, term);
        if (first) {
            Diagnostic *g = diag_report(&c->diag, DIAG_DUPLICATE_NAME, term->loc, term->name, NULL);
            diag_note(&c->diag, g, DIAG_NOTE_FIRST_DECLARED, first->loc, first->name, NULL);
        }
    }
}

/* An `id:` in an acuerdo or nudo entry declares a name of that kind. */
static void declare_entry_ids(Compilation *c, Decl *seg)
{
    for (Attr *a = seg->attrs; a; a = a->next) {
        EntryKind k = a->entry != ENTRY_NONE ? a->entry : ast_entry_from_name(a->key_folded);
        if ((k != ENTRY_ACUERDO && k != ENTRY_NUDO) || !a->has_block)
            continue;
        for (Attr *b = attr_block(a); b; b = b->next) {
            if (strcmp(b->key_folded, "id") != 0 || b->values->kind != VAL_NAME)
                continue;
            Decl *d = ARENA_NEW(&c->arena, Decl);
            d->kind = k == ENTRY_ACUERDO ? DECL_ACUERDO : DECL_NUDO;
            d->name = b->values->text;
            d->folded = value_folded(b->values);
            d->name_loc = b->values->loc;
            d->kw_end = a->loc.end;
            d->loc = a->loc;
            d->u.rec.owner = seg;
            d->u.rec.entry = a;
            d->title = a->values && a->values->kind == VAL_STRING ? a->values->text : NULL;
            declare(c, d);
            value_set_ref(b->values, d);
            break;
        }
    }
}

static void collect_decl(Compilation *c, Decl *d)
{
    declare(c, d);
    if (d->kind == DECL_PLAN && !c->plan && !d->parent)
        c->plan = d;
    if (d->kind == DECL_VOCABULARIO && !decl_index(d))
        index_terms(c, d); /* shared modules come with their index built */
    if (d->kind == DECL_SEGUIMIENTO)
        declare_entry_ids(c, d);
    for (Decl *ch = d->children; ch; ch = ch->next)
        collect_decl(c, ch);
}

static void check_plans(Compilation *c)
{
    DeclVec *plans = &c->by_kind[DECL_PLAN];
    for (size_t i = 1; i < plans->n; i++) {
        Decl *p = plans->items[i];
        Diagnostic *g = diag_report(&c->diag, DIAG_TWO_PLANS, p->name_loc, p->name ? p->name : "", NULL);
        Decl *first = plans->items[0];
        diag_note(&c->diag, g, DIAG_NOTE_FIRST_PLAN, first->name_loc, first->name ? first->name : "", NULL);
    }
    if (plans->n == 0 && c->opt->need_plan) {
        Diagnostic *g = diag_report(&c->diag, DIAG_NO_PLAN, loc_make(c->main_file, 0, 0), NULL);
        diag_help(&c->diag, g, DIAG_HELP_ADD_PLAN, NULL);
    }
}

/* Registers every declaration of every file in the one namespace and in
 * the per-kind vectors. The names declared are the declarations
 * themselves and at most one `id:` per acuerdo or nudo entry of a
 * seguimiento (declare_entry_ids); the parser counted both
 * (FileAst.ndecls), never fewer than there are. */
void resolve_collect(Compilation *c)
{
    /* Every table at its final size at once: growing copies them, and
     * each fresh page is a fault. */
    size_t per_kind[DECL_KIND_COUNT] = { 0 }, n = 0;
    for (size_t i = 0; i < c->nfiles; i++)
        for (int k = 0; k < DECL_KIND_COUNT; k++)
            per_kind[k] += c->files[i]->ndecls[k];
    for (int k = 0; k < DECL_KIND_COUNT; k++) {
        declvec_reserve(&c->by_kind[k], per_kind[k]);
        n += per_kind[k];
    }
    symtab_reserve(&c->symbols, n);
    for (size_t i = 0; i < c->nfiles; i++) {
        bool split = c->files[i]->parsed_in_halves;
        for (Decl *d = c->files[i]->decls; d; d = d->next) {
            collect_decl(c, d);
            if (split)
                declvec_push(&c->split_top, d);
        }
    }
    check_plans(c);
}

static const char *kinds_phrase(Compilation *c, unsigned refs)
{
    return schema_refs_text(refs, &c->arena);
}

Decl *resolve_name(Compilation *c, const char *name, const char *folded, Loc loc, unsigned refs)
{
    Decl *d = symtab_get(&c->symbols, folded);
    if (!d) {
        Suggest s;
        suggest_init(&s, folded);
        for (size_t i = 0; i < c->symbols.count; i++) {
            const SymEntry *e = &c->symbols.entries[i];
            if (refs & R_BIT(((Decl *)e->value)->kind))
                suggest_consider(&s, e->key, e->value);
        }
        Diagnostic *g = diag_report(&c->diag, DIAG_UNDEFINED_NAME, loc, name, NULL);
        if (s.best) {
            const Decl *best = s.best_data;
            diag_note(&c->diag, g, DIAG_NOTE_DECLARED_HERE, best->name_loc, best->name, NULL);
            diag_help(&c->diag, g, DIAG_HELP_DID_YOU_MEAN, best->name, NULL);
        }
        return NULL;
    }
    if (!(refs & R_BIT(d->kind))) {
        Diagnostic *g = diag_report(&c->diag, DIAG_WRONG_KIND, loc, name, ast_kind_indefinite(d->kind),
                                    kinds_phrase(c, refs), NULL);
        diag_note(&c->diag, g, DIAG_NOTE_DECLARED_HERE, d->name_loc, d->name, NULL);
        return NULL;
    }
    /* For W304; shared modules are never written. The threads of the
     * attribute check note it for the calling thread to set (check_attrs.c). */
    if (d->kind == DECL_PERSONA || d->kind == DECL_EQUIPO) {
        DeclVec *later = c->referenced_later;
        if (!later)
            d->referenced = true;
        else if (later->n == 0 || later->items[later->n - 1] != d)
            declvec_push(later, d);
    }
    return d;
}

Decl *resolve_ref(Compilation *c, Value *v, unsigned refs)
{
    Decl *d = resolve_name(c, v->text, value_folded(v), v->loc, refs);
    value_set_ref(v, d);
    return d;
}

static const char *vocab_module(const char *vocab)
{
    for (size_t i = 0; i < sizeof VOCAB_MODULES / sizeof VOCAB_MODULES[0]; i++)
        if (strcmp(VOCAB_MODULES[i].vocab, vocab) == 0)
            return VOCAB_MODULES[i].module;
    return NULL;
}

static size_t vocab_slot(const char *vocab)
{
    for (size_t i = 0; i < sizeof VOCAB_MODULES / sizeof VOCAB_MODULES[0]; i++)
        if (strcmp(VOCAB_MODULES[i].vocab, vocab) == 0)
            return i;
    return (size_t)-1;
}

const Term *resolve_term(Compilation *c, Value *v, const char *vocab)
{
    Decl *vd = symtab_get(&c->symbols, vocab);
    if (!vd || vd->kind != DECL_VOCABULARIO) {
        /* Reported once per vocabulary: the fix is one `usar` line. */
        size_t slot = vocab_slot(vocab);
        if (slot < sizeof c->vocab_reported) {
            if (c->vocab_reported[slot])
                return NULL;
            c->vocab_reported[slot] = true;
        }
        Diagnostic *g = diag_report(&c->diag, DIAG_VOCAB_NOT_LOADED, v->loc, vocab, v->text, NULL);
        const char *module = vocab_module(vocab);
        if (module)
            diag_help(&c->diag, g, DIAG_HELP_USE_MODULE, module, NULL);
        return NULL;
    }
    const Term *t = symtab_get(decl_index(vd), value_folded(v));
    if (!t) {
        Suggest s;
        suggest_init(&s, value_folded(v));
        for (const Term *term = decl_terms(vd); term; term = term->next)
            suggest_consider(&s, term->folded, term);
        Diagnostic *g = diag_report(&c->diag, DIAG_UNDEFINED_TERM, v->loc, v->text, vocab, NULL);
        if (s.best) {
            diag_help(&c->diag, g, DIAG_HELP_DID_YOU_MEAN, ((const Term *)s.best_data)->name, NULL);
        } else {
            StrBuf b;
            strbuf_init(&b);
            size_t n = 0;
            for (const Term *term = decl_terms(vd); term && n < 20; term = term->next, n++)
                strbuf_printf(&b, "%s%s", n ? ", " : "", term->name);
            if (n == 20)
                strbuf_puts(&b, ", …");
            diag_help(&c->diag, g, DIAG_HELP_VALID_TERMS, vocab, arena_strdup(&c->arena, strbuf_cstr(&b)), NULL);
            strbuf_free(&b);
        }
        return NULL;
    }
    value_set_term(v, t);
    return t;
}
