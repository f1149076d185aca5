/* ast.c - constructors for the syntax tree; each sets kind and location. */
#include "ast.h"

#include <stdint.h>
#include <string.h>

/* The node sizes the memory budget is computed from (docs/performance.md);
 * a field added to a node must not grow it unnoticed. */
#if UINTPTR_MAX == UINT64_MAX
_Static_assert(sizeof(Attr) == 56, "Attr grew past 56 bytes");
_Static_assert(sizeof(Value) == 40, "Value grew past 40 bytes");
_Static_assert(sizeof(Decl) == 136, "Decl grew past 136 bytes");
#endif

Value *ast_value(Arena *a, ValueKind kind, Loc loc)
{
    Value *v = ARENA_NEW(a, Value);
    v->kind = kind;
    v->loc = loc;
    return v;
}

/* The composite values reuse their first operand's node: one node per
 * value, whatever its shape. */
Value *ast_value_datetime(Value *date, Value *time)
{
    Value *v = date;
    bool error = date->kind == VAL_ERROR || time->kind == VAL_ERROR;
    v->loc = loc_span(date->loc, time->loc);
    v->kind = error ? VAL_ERROR : VAL_DATETIME;
    v->minutes = time->minutes;
    return v;
}

Value *ast_value_range(Value *from, Value *to)
{
    Value *v = from;
    bool error = from->kind == VAL_ERROR || to->kind == VAL_ERROR;
    v->loc = loc_span(from->loc, to->loc);
    v->kind = error ? VAL_ERROR : VAL_RANGE;
    v->date2 = to->date;
    return v;
}

static TimeUnit time_unit(const char *f)
{
    static const struct { const char *name; TimeUnit unit; } units[] = {
        { "min", UNIT_MIN }, { "mins", UNIT_MIN }, { "minuto", UNIT_MIN }, { "minutos", UNIT_MIN },
        { "h", UNIT_HORA }, { "hora", UNIT_HORA }, { "horas", UNIT_HORA },
        { "dia", UNIT_DIA }, { "dias", UNIT_DIA },
        { "semana", UNIT_SEMANA }, { "semanas", UNIT_SEMANA },
        { "mes", UNIT_MES }, { "meses", UNIT_MES },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (units[i].name[0] == f[0] && strcmp(f, units[i].name) == 0)
            return units[i].unit;
    return UNIT_COUNT;
}

Value *ast_value_quantity(Value *number, const char *unit, const char *folded, Loc unit_loc)
{
    Value *v = number;
    v->loc = loc_span(number->loc, unit_loc);
    value_set_name(v, unit, folded);
    if (v->kind == VAL_ERROR) {
        /* the number was reported by the scanner */
    } else if (folded[0] == 'C' && strcmp(folded, "CLP") == 0) {
        v->kind = VAL_MONEY;
        v->money = MONEY_CLP;
    } else if (folded[0] == 'U' && strcmp(folded, "UF") == 0) {
        v->kind = VAL_MONEY;
        v->money = MONEY_UF;
    } else {
        v->kind = VAL_QUANTITY;
        v->unit = (uint8_t)time_unit(folded);
    }
    return v;
}

void ast_values_add(ValueList *l, Value *v)
{
    if (l->tail)
        l->tail->next = v;
    else
        l->head = v;
    l->tail = v;
}

Attr *ast_attr(Arena *a, const char *key, const char *folded, Loc key_loc, Value *values,
               Value *comment, ItemList *block, bool has_block, Loc block_loc)
{
    Attr *at = ARENA_NEW(a, Attr);
    at->key_folded = folded;
    at->key_begin = key_loc.begin;
    uint32_t key_len = key_loc.end - key_loc.begin;
    bool long_key = key_len >= ATTR_LONG_KEY;
    at->key_len = (uint16_t)(long_key ? ATTR_LONG_KEY : key_len);
    at->values = values;
    at->key_id = -1;
    Loc end = key_loc;
    for (Value *v = values; v; v = v->next)
        end = v->loc;
    if (comment)
        end = comment->loc;
    at->loc = loc_span(key_loc, end);
    at->has_block = has_block;
    Attr *inner = block ? block->attrs : NULL;
    bool spelled = key != folded && strcmp(key, folded) != 0;
    if (comment || has_block || spelled || long_key) {
        AttrExt *x = attr_ext(a, at);
        x->comment = comment;
        x->block = inner;
        x->block_begin = block_loc.begin;
        x->key = spelled ? key : NULL;
        x->key_end = key_loc.end;
    }
    return at;
}

void ast_note_suspect(Arena *a, FileAst *ast, Value *v)
{
    ValueNote *n = ARENA_NEW(a, ValueNote);
    n->value = v;
    if (ast->suspects_tail)
        ast->suspects_tail->next = n;
    else
        ast->suspects = n;
    ast->suspects_tail = n;
}

AttrExt *attr_ext(Arena *arena, Attr *a)
{
    if (!a->ext)
        a->ext = ARENA_NEW(arena, AttrExt);
    return a->ext;
}

Attr *ast_entry(Arena *a, EntryKind kind, Loc kw_loc, Attr *attr)
{
    (void)a;
    attr->entry = (uint8_t)kind;
    attr->entry_len = (uint8_t)(kw_loc.end - kw_loc.begin);
    attr->loc = loc_span(kw_loc, attr->loc);
    return attr;
}

void ast_items_add_attr(ItemList *l, Attr *attr)
{
    l->broken |= attr->syntax_error;
    if (l->attrs_tail)
        l->attrs_tail->next = attr;
    else
        l->attrs = attr;
    l->attrs_tail = attr;
}

void ast_items_add_decl(ItemList *l, Decl *d)
{
    if (l->decls_tail)
        l->decls_tail->next = d;
    else
        l->decls = d;
    l->decls_tail = d;
}

static Decl *new_decl(Arena *a, DeclKind kind, Loc kw_loc, Loc end_loc, uint32_t file)
{
    Decl *d = ARENA_NEW(a, Decl);
    d->kind = kind;
    d->kw_end = kw_loc.end;
    d->loc = loc_span(kw_loc, end_loc);
    d->loc.file = file;
    return d;
}

static void set_title(Decl *d, Value *title)
{
    if (title && title->kind != VAL_ERROR) {
        d->title = title->text;
        d->title_loc = title->loc;
    }
}

static void adopt_block(Decl *d, ItemList *block)
{
    if (!block)
        return;
    d->attrs = block->attrs;
    d->children = block->decls;
    d->broken = block->broken;
    for (Decl *c = d->children; c; c = c->next)
        c->parent = d;
}

Decl *ast_decl(Arena *a, DeclKind kind, Loc kw_loc, const char *name, const char *folded,
               Loc name_loc, Value *title, ItemList *block, Loc end_loc, bool has_block,
               bool unclosed, uint32_t file)
{
    Decl *d = new_decl(a, kind, kw_loc, end_loc, file);
    d->name = name;
    d->folded = folded;
    d->name_loc = name_loc;
    set_title(d, title);
    d->has_block = has_block;
    d->unclosed = unclosed;
    adopt_block(d, block);
    return d;
}

Decl *ast_decl_dated(Arena *a, DeclKind kind, Loc kw_loc, Value *date, Value *title,
                     ItemList *block, Loc end_loc, bool unclosed, uint32_t file)
{
    Decl *d = new_decl(a, kind, kw_loc, end_loc, file);
    d->date = date->date;
    d->name_loc = date->loc;
    set_title(d, title);
    d->has_block = true;
    d->unclosed = unclosed;
    adopt_block(d, block);
    return d;
}

Decl *ast_vocabulario(Arena *a, Loc kw_loc, const char *name, const char *folded, Loc name_loc,
                      Value *title, Term *terms, Loc end_loc, bool unclosed, uint32_t file)
{
    Decl *d = ast_decl(a, DECL_VOCABULARIO, kw_loc, name, folded, name_loc, title, NULL, end_loc,
                       true, unclosed, file);
    d->u.voc.terms = terms;
    return d;
}

Decl *ast_calendario(Arena *a, Loc kw_loc, const char *name, const char *folded, Loc name_loc,
                     Value *title, CalDay *days, Loc end_loc, bool unclosed, uint32_t file)
{
    Decl *d = ast_decl(a, DECL_CALENDARIO, kw_loc, name, folded, name_loc, title, NULL, end_loc,
                       true, unclosed, file);
    d->u.days = days;
    return d;
}

Term *ast_term(Arena *a, const char *name, const char *folded, Loc loc, Value *label, Value *desc)
{
    Term *t = ARENA_NEW(a, Term);
    t->name = name;
    t->folded = folded;
    t->loc = loc;
    t->label = label && label->kind != VAL_ERROR ? label->text : name;
    t->description = desc && desc->kind != VAL_ERROR ? desc->text : NULL;
    return t;
}

void ast_terms_add(TermList *l, Term *t)
{
    if (l->tail)
        l->tail->next = t;
    else
        l->head = t;
    l->tail = t;
}

CalDay *ast_feriado(Arena *a, Loc kw_loc, Value *date, Value *name)
{
    CalDay *c = ARENA_NEW(a, CalDay);
    c->from = c->to = date->date;
    c->name = name->text ? name->text : "";
    c->loc = loc_span(kw_loc, name->loc);
    return c;
}

CalDay *ast_vacaciones(Arena *a, Loc kw_loc, Value *from, Value *to, Value *name)
{
    CalDay *c = ARENA_NEW(a, CalDay);
    c->vacaciones = true;
    c->from = from->date;
    c->to = to->date;
    c->name = name->text ? name->text : "";
    c->loc = loc_span(kw_loc, name->loc);
    return c;
}

void ast_cal_add(CalList *l, CalDay *d)
{
    if (l->tail)
        l->tail->next = d;
    else
        l->head = d;
    l->tail = d;
}

Usar *ast_usar(Arena *a, Value *path)
{
    Usar *u = ARENA_NEW(a, Usar);
    u->path = path->text ? path->text : "";
    u->loc = path->loc;
    return u;
}

void ast_usar_add(UsarList *l, Usar *u)
{
    if (l->tail)
        l->tail->next = u;
    else
        l->head = u;
    l->tail = u;
}

typedef struct KindWords {
    const char *keyword, *noun, *indefinite, *definite;
} KindWords;

static const KindWords KIND_WORDS[DECL_KIND_COUNT] = {
    [DECL_PLAN] = { "plan", "plan", "un plan", "el plan" },
    [DECL_PERSONA] = { "persona", "persona", "una persona", "la persona" },
    [DECL_EQUIPO] = { "equipo", "equipo", "un equipo", "el equipo" },
    [DECL_CAPACIDAD] = { "capacidad", "capacidad", "una capacidad", "la capacidad" },
    [DECL_ACCION] = { "accion", "acción", "una acción", "la acción" },
    [DECL_INDICADOR] = { "indicador", "indicador", "un indicador", "el indicador" },
    [DECL_HITO] = { "hito", "hito", "un hito", "el hito" },
    [DECL_SEGUIMIENTO] = { "seguimiento", "seguimiento", "un seguimiento", "el seguimiento" },
    [DECL_VOCABULARIO] = { "vocabulario", "vocabulario", "un vocabulario", "el vocabulario" },
    [DECL_CALENDARIO] = { "calendario", "calendario", "un calendario", "el calendario" },
    [DECL_AUTOEVALUACION] = { "autoevaluacion", "autoevaluación", "una autoevaluación", "la autoevaluación" },
    [DECL_ACUERDO] = { "acuerdo", "acuerdo", "un acuerdo", "el acuerdo" },
    [DECL_NUDO] = { "nudo", "nudo", "un nudo crítico", "el nudo crítico" },
};

const char *ast_kind_noun(DeclKind k) { return KIND_WORDS[k].noun; }
const char *ast_kind_indefinite(DeclKind k) { return KIND_WORDS[k].indefinite; }
const char *ast_kind_definite(DeclKind k) { return KIND_WORDS[k].definite; }
const char *ast_kind_keyword(DeclKind k) { return KIND_WORDS[k].keyword; }

static const char *const ENTRY_WORDS[ENTRY_KIND_COUNT] = {
    [ENTRY_NONE] = "",
    [ENTRY_AVANCE] = "avance",
    [ENTRY_MEDICION] = "medicion",
    [ENTRY_NUDO] = "nudo",
    [ENTRY_LOGRO] = "logro",
    [ENTRY_ACUERDO] = "acuerdo",
    [ENTRY_APRENDIZAJE] = "aprendizaje",
    [ENTRY_OBSERVACION] = "observacion",
    [ENTRY_CUMPLIDO] = "cumplido",
    [ENTRY_RESUELTO] = "resuelto",
    [ENTRY_AJUSTE] = "ajuste",
};

const char *ast_entry_keyword(EntryKind k) { return ENTRY_WORDS[k]; }

EntryKind ast_entry_from_name(const char *folded)
{
    for (int k = ENTRY_AVANCE; k < ENTRY_KIND_COUNT; k++)
        if (strcmp(ENTRY_WORDS[k], folded) == 0)
            return (EntryKind)k;
    return ENTRY_NONE;
}
