/* lsp_complete.c - completion of keys, names, terms and keywords.
 *
 * The context scanner follows the lexical rules of LANGUAGE.md section 2
 * loosely: it knows comments, strings, text blocks, braces, keys (a name
 * followed by blanks and ':'), names and "other values", and it keeps a
 * stack of the blocks opened before the cursor with the keys already
 * written in each. Everything else (what the parser would reject) is
 * skipped, so a half-written plan still gives a useful context.
 */
#include "lsp_complete.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_rpc.h"
#include "lsp_text.h"
#include "parse.h"

/* ---- the context scanner ------------------------------------------------ */

typedef enum ScanState {
    ST_ITEM,        /* start of an item */
    ST_VALUE,       /* after KEY or ',': a value is expected */
    ST_AFTER_VALUE, /* after a value */
    ST_HEADER,      /* in a declaration header: keyword NAME "title" */
    ST_USAR,        /* after `usar` */
    ST_ENTRY_NAME   /* after an entry keyword in a seguimiento */
} ScanState;

typedef struct Frame {
    SchemaBlock block;
    DeclKind kind;
    bool is_decl;
    bool opaque;               /* vocabulario, calendario, unknown: no keys */
    unsigned char seen[128];
} Frame;

typedef struct Scan {
    Frame stack[PARSE_MAX_DEPTH + 2];
    int depth;                 /* stack[0] is the top level */
    ScanState st;
    DeclKind header;           /* ST_HEADER: the declaration being written */
    EntryKind entry;           /* the entry of the current item */
    char key[LSP_COMPLETE_MAX_KEY];
    bool newline;              /* a line break since the last token */
    bool nl_before;            /* ...before the token being handled */
    bool after_comma;          /* ST_VALUE because of a ',' (not a key) */
} Scan;

static const char *const DECL_KEYWORDS[] = {
    "plan", "persona", "equipo", "capacidad", "accion", "indicador", "hito",
    "seguimiento", "vocabulario", "calendario", "autoevaluacion",
};
static const DeclKind DECL_KEYWORD_KINDS[] = {
    DECL_PLAN, DECL_PERSONA, DECL_EQUIPO, DECL_CAPACIDAD, DECL_ACCION, DECL_INDICADOR, DECL_HITO,
    DECL_SEGUIMIENTO, DECL_VOCABULARIO, DECL_CALENDARIO, DECL_AUTOEVALUACION,
};

static bool name_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c >= 0x80;
}

static bool name_start(const unsigned char *s)
{
    return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_' ||
           (s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF);
}

/* Accent-folds a name into out (LANGUAGE.md section 2; ñ stays). */
static void fold(const char *s, size_t n, char out[LSP_COMPLETE_MAX_KEY])
{
    static const char FOLD[64] = {
        [0x01] = 'A', [0x09] = 'E', [0x0D] = 'I', [0x13] = 'O', [0x1A] = 'U', [0x1C] = 'U',
        [0x21] = 'a', [0x29] = 'e', [0x2D] = 'i', [0x33] = 'o', [0x3A] = 'u', [0x3C] = 'u',
    };
    size_t k = 0;
    for (size_t i = 0; i < n && k + 3 < LSP_COMPLETE_MAX_KEY; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] < 0xC0 && FOLD[(unsigned char)s[i + 1] - 0x80]) {
            out[k++] = FOLD[(unsigned char)s[i + 1] - 0x80];
            i++;
        } else {
            out[k++] = (char)c;
        }
    }
    out[k] = '\0';
}

static int decl_keyword(const char *folded)
{
    for (size_t i = 0; i < sizeof DECL_KEYWORDS / sizeof DECL_KEYWORDS[0]; i++)
        if (strcmp(DECL_KEYWORDS[i], folded) == 0)
            return (int)DECL_KEYWORD_KINDS[i];
    return -1;
}

static Frame *top(Scan *s)
{
    return &s->stack[s->depth];
}

static void open_block(Scan *s)
{
    Frame f;
    memset(&f, 0, sizeof f);
    f.block = SB_NONE;
    f.opaque = true;
    if (s->st == ST_HEADER) {
        f.kind = s->header;
        f.is_decl = true;
        f.opaque = s->header == DECL_VOCABULARIO || s->header == DECL_CALENDARIO;
        f.block = f.opaque ? SB_NONE : (SchemaBlock)s->header;
    } else if ((s->st == ST_AFTER_VALUE || s->st == ST_VALUE) && s->entry != ENTRY_NONE) {
        const SchemaEntry *e = schema_entry(s->entry);
        if (e && e->block != SB_NONE) {
            f.block = e->block;
            f.opaque = false;
        }
    }
    if (s->depth < PARSE_MAX_DEPTH + 1)
        s->stack[++s->depth] = f;
    s->st = ST_ITEM;
    s->entry = ENTRY_NONE;
}

static void close_block(Scan *s)
{
    if (s->depth > 0)
        s->depth--;
    s->st = ST_ITEM;
    s->entry = ENTRY_NONE;
}

static void on_key(Scan *s, const char *folded)
{
    Frame *f = top(s);
    if (s->st == ST_ENTRY_NAME) { /* `avance taller:`: the entry names its target */
        s->st = ST_VALUE;
        return;
    }
    snprintf(s->key, sizeof s->key, "%s", folded);
    s->after_comma = false;
    s->entry = f->block == SB_SEGUIMIENTO ? ast_entry_from_name(folded) : ENTRY_NONE;
    const SchemaKey *k = f->opaque ? NULL : schema_find(f->block, folded);
    if (k && schema_order(k) < 128)
        f->seen[schema_order(k)] = 1;
    s->st = ST_VALUE;
}

/* A key with no value yet, then a line break: what follows starts a new
 * item (values rarely go on the line after their key). */
static bool key_left_empty(const Scan *s)
{
    return s->st == ST_VALUE && s->nl_before && !s->after_comma;
}

static void on_name(Scan *s, const char *folded)
{
    Frame *f = top(s);
    bool starts_item = decl_keyword(folded) >= 0 ||
                       (f->block == SB_SEGUIMIENTO && ast_entry_from_name(folded) != ENTRY_NONE);
    if (s->st == ST_VALUE && !(starts_item && key_left_empty(s))) {
        s->st = ST_AFTER_VALUE;
        return;
    }
    if (s->st == ST_HEADER || s->st == ST_ENTRY_NAME || f->opaque)
        return;
    int kind = decl_keyword(folded);
    EntryKind ek = f->block == SB_SEGUIMIENTO ? ast_entry_from_name(folded) : ENTRY_NONE;
    if (kind >= 0) {
        s->st = ST_HEADER;
        s->header = (DeclKind)kind;
    } else if (ek != ENTRY_NONE) {
        s->st = ST_ENTRY_NAME;
        s->entry = ek;
    } else if (strcmp(folded, "usar") == 0 && s->depth == 0) {
        s->st = ST_USAR;
    }
    /* Otherwise a unit after a number (`90 min`) or a stray name. */
}

static void on_value(Scan *s)
{
    if (s->st == ST_USAR)
        s->st = ST_ITEM;
    else if (s->st == ST_VALUE || s->st == ST_AFTER_VALUE)
        s->st = ST_AFTER_VALUE;
}

/* End of a string starting at i (a quote), or stop when it reaches the
 * cursor unterminated (*open set). A string ends at a newline (E002). */
static size_t skip_string(const char *t, size_t i, size_t stop, bool *open)
{
    size_t j = i + 1;
    while (j < stop && t[j] != '"' && t[j] != '\n')
        j += t[j] == '\\' && j + 1 < stop && t[j + 1] != '\n' ? 2 : 1;
    if (j >= stop) {
        *open = true;
        return stop;
    }
    return j + 1;
}

static size_t skip_text_block(const char *t, size_t i, size_t stop, bool *open)
{
    for (size_t j = i + 3; j + 2 < stop; j++)
        if (t[j] == '"' && t[j + 1] == '"' && t[j + 2] == '"')
            return j + 3;
    *open = true;
    return stop;
}

/* A name at t[i]: a key when blanks and ':' follow it. Returns the end. */
static size_t scan_name(Scan *s, const char *t, size_t i, size_t stop)
{
    size_t j = i;
    while (j < stop && name_byte((unsigned char)t[j]) &&
           !((unsigned char)t[j] == 0xC2 && (unsigned char)t[j + 1] == 0xA0))
        j++;
    char folded[LSP_COMPLETE_MAX_KEY];
    fold(t + i, j - i, folded);
    size_t k = j;
    while (k < stop && (t[k] == ' ' || t[k] == '\t'))
        k++;
    if (k < stop && t[k] == ':') {
        on_key(s, folded);
        return k + 1;
    }
    on_name(s, folded);
    return j;
}

/* Any other value: a number, date, time, money or percentage (a range's
 * ".." is not part of it). Returns the end. */
static size_t skip_number(const char *t, size_t i, size_t stop)
{
    while (i < stop && (name_byte((unsigned char)t[i]) || t[i] == '.' || t[i] == ':' || t[i] == '-' ||
                        t[i] == '$' || t[i] == '%') &&
           !(t[i] == '.' && i + 1 < stop && t[i + 1] == '.'))
        i++;
    return i;
}

/* Scans t[i..stop), or until the block open at depth `floor` closes;
 * returns false when stop lies in a comment or string. */
static bool scan(Scan *s, const char *t, size_t i, size_t stop, int floor)
{
    while (i < stop && s->depth >= floor) {
        unsigned char c = (unsigned char)t[i];
        bool open = false;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c == 0xC2 && (unsigned char)t[i + 1] == 0xA0)) {
            s->newline |= c == '\n';
            i += c == 0xC2 ? 2 : 1; /* U+00A0 is a blank too (docs/decisions.md) */
            continue;
        }
        s->nl_before = s->newline;
        s->newline = false;
        if (c == '#') {
            const char *nl = memchr(t + i, '\n', stop - i);
            if (!nl)
                return false;
            i = (size_t)(nl - t) + 1;
            s->newline = true;
            s->nl_before = false;
        } else if (c == '"') {
            bool block = i + 2 < stop && t[i + 1] == '"' && t[i + 2] == '"';
            i = block ? skip_text_block(t, i, stop, &open) : skip_string(t, i, stop, &open);
            if (open)
                return false;
            on_value(s);
        } else if (c == '{') {
            open_block(s);
            i++;
        } else if (c == '}') {
            close_block(s);
            i++;
        } else if (c == ',') {
            if (s->st == ST_AFTER_VALUE) {
                s->st = ST_VALUE;
                s->after_comma = true;
            }
            i++;
        } else if (c == ';') {
            s->st = ST_ITEM;
            s->entry = ENTRY_NONE;
            i++;
        } else if (name_start((const unsigned char *)t + i)) {
            i = scan_name(s, t, i, stop);
        } else if ((c >= '0' && c <= '9') || c == '$' || c == '-') {
            i = skip_number(t, i, stop);
            on_value(s);
        } else if (c == '.' && i + 1 < stop && t[i + 1] == '.') {
            if (s->st == ST_AFTER_VALUE)
                s->st = ST_VALUE; /* DATE .. DATE */
            i += 2;
        } else {
            i++;
        }
    }
    return true;
}

/* Marks the keys written after the cursor in the same block as seen too:
 * scans from the end of the word under the cursor to the block's '}'. */
static void keys_after(Scan *s, const char *text, size_t len, size_t offset)
{
    size_t i = offset;
    while (i < len && name_byte((unsigned char)text[i]))
        i++;
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    if (i < len && text[i] == ':')
        i++; /* the key being edited is not "already written" */
    /* Start as if in a value, so the rest of the current item is skipped.
     * Deeper blocks use deeper frames: this block's frame keeps its seen
     * keys when it closes, and the scan stops there. */
    s->st = ST_VALUE;
    scan(s, text, i, len, s->depth);
}

void lsp_complete_context(const char *text, size_t len, size_t offset, LspCompleteContext *ctx)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->where = LSP_AT_NOTHING;
    ctx->block = SB_NONE;
    size_t start = offset;
    while (start > 0 && name_byte((unsigned char)text[start - 1]))
        start--;
    while (start < offset && ((unsigned char)text[start] & 0xC0) == 0x80)
        start++; /* never start inside a UTF-8 character */
    if (start < offset && text[start] >= '0' && text[start] <= '9')
        return; /* a number is being typed */
    ctx->word_start = start;
    Scan *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->stack[0].block = SB_NONE;
    bool ok = scan(s, text, 0, start, 0);
    ScanState st = s->st;
    if (st == ST_VALUE && s->newline && !s->after_comma)
        st = ST_ITEM; /* a key left empty, then a new line: a new item */
    EntryKind entry = s->entry;
    int depth = s->depth;
    if (ok && (st == ST_ITEM || st == ST_AFTER_VALUE))
        keys_after(s, text, len, offset);
    s->depth = depth;
    s->st = st;
    s->entry = entry;
    const Frame *f = &s->stack[s->depth];
    ctx->block = f->block;
    ctx->block_kind = f->kind;
    ctx->block_is_decl = f->is_decl;
    ctx->nested_in_parent = f->is_decl && s->depth > 1 && s->stack[s->depth - 1].is_decl &&
                            schema_may_nest(s->stack[s->depth - 1].kind, f->kind);
    memcpy(ctx->seen, f->seen, sizeof ctx->seen);
    ctx->entry = s->entry;
    snprintf(ctx->key, sizeof ctx->key, "%s", s->key);
    if (!ok || (f->opaque && s->depth > 0))
        ctx->where = LSP_AT_NOTHING;
    else if (st == ST_ITEM || st == ST_AFTER_VALUE)
        ctx->where = LSP_AT_ITEM;
    else if (st == ST_VALUE)
        ctx->where = LSP_AT_VALUE;
    else if (st == ST_ENTRY_NAME)
        ctx->where = LSP_AT_ENTRY_NAME;
    free(s);
}

/* ---- completion items ------------------------------------------------------ */

/* LSP CompletionItemKind values. */
enum {
    CK_FUNCTION = 3, CK_FIELD = 5, CK_VARIABLE = 6, CK_CLASS = 7, CK_MODULE = 9, CK_PROPERTY = 10,
    CK_VALUE = 12, CK_ENUM = 13, CK_KEYWORD = 14, CK_ENUM_MEMBER = 20, CK_CONSTANT = 21,
    CK_STRUCT = 22, CK_EVENT = 23
};

static const int DECL_ITEM_KIND[DECL_KIND_COUNT] = {
    [DECL_PLAN] = CK_MODULE, [DECL_PERSONA] = CK_VARIABLE, [DECL_EQUIPO] = CK_STRUCT,
    [DECL_CAPACIDAD] = CK_CLASS, [DECL_ACCION] = CK_FUNCTION, [DECL_INDICADOR] = CK_FIELD,
    [DECL_HITO] = CK_EVENT, [DECL_SEGUIMIENTO] = CK_EVENT, [DECL_VOCABULARIO] = CK_ENUM,
    [DECL_CALENDARIO] = CK_ENUM, [DECL_AUTOEVALUACION] = CK_STRUCT, [DECL_ACUERDO] = CK_CONSTANT,
    [DECL_NUDO] = CK_CONSTANT,
};

/* What each seguimiento entry records (for the item's detail). */
static const char *const ENTRY_DETAIL[ENTRY_KIND_COUNT] = {
    [ENTRY_AVANCE] = "avance ACCION: 60%",
    [ENTRY_MEDICION] = "medicion INDICADOR: valor",
    [ENTRY_NUDO] = "nudo [ACCION]: \"nudo crítico\" { id: … alternativas: … }",
    [ENTRY_LOGRO] = "logro [ACCION]: \"logro\"",
    [ENTRY_ACUERDO] = "acuerdo [ACCION]: \"compromiso\" { id: … responsable: … plazo: … }",
    [ENTRY_APRENDIZAJE] = "aprendizaje [ACCION]: \"lo que aprendió el equipo\"",
    [ENTRY_OBSERVACION] = "observacion [ACCION]: \"retroalimentación de la UATP\"",
    [ENTRY_CUMPLIDO] = "cumplido ACUERDO: \"comentario\"",
    [ENTRY_RESUELTO] = "resuelto NUDO: \"cómo se resolvió\"",
    [ENTRY_AJUSTE] = "ajuste ACCION: AAAA-MM-DD .. AAAA-MM-DD \"motivo\"",
};

typedef struct Items {
    LspAnalysis *a;
    json_t *list;
    json_t *range;   /* the word being typed; copied into each textEdit */
    bool space;      /* the cursor follows ':' or ',' directly: insert a blank */
} Items;

static void item(Items *it, const char *label, int kind, const char *detail, const char *doc,
                 const char *insert)
{
    json_t *o = json_object();
    lsp_set(o, "label", lsp_json_str(label));
    lsp_set(o, "kind", json_integer(kind));
    if (detail)
        lsp_set(o, "detail", lsp_json_str(detail));
    if (doc && *doc) {
        json_t *md = json_object();
        lsp_set(md, "kind", json_string("markdown"));
        lsp_set(md, "value", lsp_json_str(doc));
        lsp_set(o, "documentation", md);
    }
    /* Keep the server's order (schema order for keys, declaration order
     * for names, vocabulary order for terms): editors sort by sortText. */
    char sort[16];
    snprintf(sort, sizeof sort, "%05zu", json_array_size(it->list));
    lsp_set(o, "sortText", json_string(sort));
    json_t *edit = json_object();
    lsp_set(edit, "range", json_deep_copy(it->range));
    const char *text = insert ? insert : label;
    if (it->space)
        text = arena_printf(&it->a->c.arena, " %s", text);
    lsp_set(edit, "newText", lsp_json_str(text));
    lsp_set(o, "textEdit", edit);
    json_array_append_new(it->list, o);
}

static void key_items(Items *it, const LspCompleteContext *ctx)
{
    Arena *arena = &it->a->c.arena;
    for (int i = schema_next(ctx->block, 0); i >= 0; i = schema_next(ctx->block, i + 1)) {
        const SchemaKey *k = &schema_keys[i];
        if (i < 128 && ctx->seen[i])
            continue;
        if ((k->flags & SK_PARENT) && ctx->nested_in_parent)
            continue; /* E110: the parent is given by the nesting */
        const char *expected = schema_type_expected(k, k->type, k->refs, k->vocab, arena);
        const char *detail = k->flags & SK_REQUIRED ? arena_printf(arena, "%s (obligatorio)", expected)
                                                    : expected;
        item(it, k->key, CK_PROPERTY, detail, NULL, arena_printf(arena, "%s: ", k->key));
    }
}

static void keyword_items(Items *it, const LspCompleteContext *ctx)
{
    size_t n = sizeof DECL_KEYWORDS / sizeof DECL_KEYWORDS[0];
    for (size_t i = 0; i < n; i++) {
        DeclKind k = DECL_KEYWORD_KINDS[i];
        bool ok = ctx->block == SB_NONE ? true : ctx->block_is_decl && schema_may_nest(ctx->block_kind, k);
        if (ok)
            item(it, DECL_KEYWORDS[i], CK_KEYWORD, ast_kind_indefinite(k), NULL, NULL);
    }
    if (ctx->block == SB_NONE)
        item(it, "usar", CK_KEYWORD, "usar \"módulo\"", NULL, NULL);
    if (ctx->block == SB_SEGUIMIENTO)
        for (int e = ENTRY_AVANCE; e < ENTRY_KIND_COUNT; e++)
            item(it, ast_entry_keyword((EntryKind)e), CK_KEYWORD, ENTRY_DETAIL[e], NULL, NULL);
}

static void name_items(Items *it, unsigned refs)
{
    Compilation *c = &it->a->c;
    for (int k = 0; k < DECL_KIND_COUNT; k++) {
        if (!(refs & R_BIT(k)))
            continue;
        const DeclVec *v = &c->by_kind[k];
        for (size_t i = 0; i < v->n; i++) {
            const Decl *d = v->items[i];
            if (!d->name || symtab_get(&c->symbols, d->folded) != d)
                continue; /* unnamed or a duplicate (E101) */
            const char *detail = d->title ? arena_printf(&c->arena, "%s · %s", ast_kind_noun(d->kind), d->title)
                                          : ast_kind_noun(d->kind);
            item(it, d->name, DECL_ITEM_KIND[k], detail, NULL, NULL);
        }
    }
}

/* The terms of a vocabulary; as keys (autoevaluacion items) they insert
 * "term: ". */
static void term_items(Items *it, const char *vocab, bool as_keys)
{
    const Decl *vd = symtab_get(&it->a->c.symbols, vocab);
    if (!vd || vd->kind != DECL_VOCABULARIO)
        return;
    for (const Term *t = decl_terms(vd); t; t = t->next)
        item(it, t->name, as_keys ? CK_PROPERTY : CK_ENUM_MEMBER, t->label, t->description,
             as_keys ? arena_printf(&it->a->c.arena, "%s: ", t->name) : NULL);
}

static void word_items(Items *it, const char *const *words, const char *detail)
{
    for (; *words; words++)
        item(it, *words, CK_VALUE, detail, NULL, NULL);
}

static void code_items(Items *it)
{
    for (int i = 0; i < DIAG_COUNT; i++)
        if (diag_catalog[i].severity == SEV_WARNING && diag_catalog[i].code[0])
            item(it, diag_catalog[i].code, CK_VALUE, diag_catalog[i].description, NULL, NULL);
}

static void value_items(Items *it, const LspCompleteContext *ctx)
{
    static const char *const SENTIDOS[] = { "creciente", "decreciente", NULL };
    static const char *const ANSWERS[] = { "si", "no", "no_aplica", NULL };
    if (ctx->block == SB_SEGUIMIENTO && ctx->entry != ENTRY_NONE)
        return; /* entry values are percentages, measures and texts */
    const SchemaKey *k = schema_find(ctx->block, ctx->key);
    if (!k) {
        if (ctx->block == SB_AUTOEVALUACION)
            word_items(it, ANSWERS, "respuesta del checklist");
        return;
    }
    switch (k->type) {
    case VT_REF: name_items(it, k->refs); break;
    case VT_VOCAB: term_items(it, k->vocab, false); break;
    case VT_SENTIDO: word_items(it, SENTIDOS, "sentido del indicador"); break;
    case VT_ANSWER: word_items(it, ANSWERS, "respuesta del checklist"); break;
    case VT_CODE: code_items(it); break;
    default: break;
    }
}

json_t *lsp_complete(LspAnalysis *a, size_t offset)
{
    const SourceFile *f = source_file(&a->c.sm, a->main);
    if (offset > f->len)
        offset = f->len;
    LspCompleteContext ctx;
    lsp_complete_context(f->text, f->len, offset, &ctx);
    Items it = { a, json_array(), NULL, false };
    it.space = ctx.word_start > 0 && (f->text[ctx.word_start - 1] == ':' || f->text[ctx.word_start - 1] == ',');
    it.range = json_object();
    lsp_set(it.range, "start", lsp_json_position(lsp_sm_position(&a->c.sm, a->main, (uint32_t)ctx.word_start)));
    lsp_set(it.range, "end", lsp_json_position(lsp_sm_position(&a->c.sm, a->main, (uint32_t)offset)));
    switch (ctx.where) {
    case LSP_AT_ITEM:
        if (ctx.block != SB_NONE)
            key_items(&it, &ctx);
        if (ctx.block == SB_AUTOEVALUACION)
            term_items(&it, "autoevaluacion_uatp", true);
        keyword_items(&it, &ctx);
        break;
    case LSP_AT_VALUE:
        value_items(&it, &ctx);
        break;
    case LSP_AT_ENTRY_NAME: {
        const SchemaEntry *e = schema_entry(ctx.entry);
        if (e)
            name_items(&it, e->target_refs);
        break;
    }
    case LSP_AT_NOTHING:
        break;
    }
    json_decref(it.range);
    json_t *res = json_object();
    lsp_set(res, "isIncomplete", json_false());
    lsp_set(res, "items", it.list);
    return res;
}
