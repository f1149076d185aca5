/* schema.c - the attribute schema table and its queries. */
#include "schema.h"

#include <string.h>

const SchemaKey schema_keys[] = {
#define KEY(block, key, type, flags, refs, vocab) { block, key, type, flags, refs, vocab },
#define NEST(parent, child)
#define ENTRY(kind, target, refs, type, block)
#include "schema.def"
#undef KEY
#undef NEST
#undef ENTRY
};
const int schema_nkeys = (int)(sizeof schema_keys / sizeof schema_keys[0]);

typedef struct Nest {
    DeclKind parent, child;
} Nest;

static const Nest NESTS[] = {
#define KEY(block, key, type, flags, refs, vocab)
#define NEST(parent, child) { parent, child },
#define ENTRY(kind, target, refs, type, block)
#include "schema.def"
#undef KEY
#undef NEST
#undef ENTRY
};

static const SchemaEntry ENTRIES[] = {
#define KEY(block, key, type, flags, refs, vocab)
#define NEST(parent, child)
#define ENTRY(kind, target, refs, type, block) { kind, target, refs, type, block },
#include "schema.def"
#undef KEY
#undef NEST
#undef ENTRY
};

const SchemaKey *schema_find(SchemaBlock block, const char *key)
{
    int first, count;
    schema_block_rows(block, &first, &count);
    return schema_find_in(first, count, key);
}

/* First row whose block is not below `block` (schema.def lists the rows
 * grouped by block, in SchemaBlock order; a unit test checks it). */
static int lower_row(SchemaBlock block)
{
    int lo = 0, hi = schema_nkeys;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (schema_keys[mid].block < block)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void schema_block_rows(SchemaBlock block, int *first, int *count)
{
    int lo = lower_row(block), hi = lower_row((SchemaBlock)(block + 1));
    *first = hi > lo ? lo : 0;
    *count = hi - lo;
}

const SchemaKey *schema_find_in(int first, int count, const char *key)
{
    for (int i = first; i < first + count; i++)
        if (schema_keys[i].key[0] == key[0] && strcmp(schema_keys[i].key, key) == 0)
            return &schema_keys[i];
    return NULL;
}

void schema_memo_init(SchemaMemo *m)
{
    for (int b = 0; b <= SB_NONE; b++) {
        int first, count;
        schema_block_rows((SchemaBlock)b, &first, &count);
        m->first[b] = (int16_t)first;
        m->count[b] = (int16_t)count;
    }
    memset(m->slot, 0, sizeof m->slot);
}

const SchemaKey *schema_memo_find(SchemaMemo *m, SchemaBlock block, const char *key)
{
    uintptr_t h = ((uintptr_t)key >> 3) ^ ((uintptr_t)key >> 11) ^ ((uintptr_t)block * 37u);
    SchemaMemoSlot *s = &m->slot[h & (SCHEMA_MEMO_SLOTS - 1)];
    if (s->key == key && s->block == (int16_t)block)
        return s->row < 0 ? NULL : &schema_keys[s->row];
    const SchemaKey *k = schema_find_in(m->first[block], m->count[block], key);
    s->key = key;
    s->block = (int16_t)block;
    s->row = k ? (int16_t)schema_order(k) : -1;
    return k;
}

int schema_next(SchemaBlock block, int from)
{
    for (int i = from < 0 ? 0 : from; i < schema_nkeys; i++)
        if (schema_keys[i].block == block)
            return i;
    return -1;
}

int schema_order(const SchemaKey *k)
{
    return (int)(k - schema_keys);
}

bool schema_may_nest(DeclKind parent, DeclKind child)
{
    for (size_t i = 0; i < sizeof NESTS / sizeof NESTS[0]; i++)
        if (NESTS[i].parent == parent && NESTS[i].child == child)
            return true;
    return false;
}

const SchemaEntry *schema_entry(EntryKind kind)
{
    for (size_t i = 0; i < sizeof ENTRIES / sizeof ENTRIES[0]; i++)
        if (ENTRIES[i].kind == kind)
            return &ENTRIES[i];
    return NULL;
}

const char *schema_refs_text(unsigned refs, Arena *a)
{
    const char *parts[DECL_KIND_COUNT];
    int n = 0;
    for (int k = 0; k < DECL_KIND_COUNT; k++)
        if (refs & R_BIT(k))
            parts[n++] = ast_kind_indefinite((DeclKind)k);
    if (n == 0)
        return "un nombre";
    if (n == 1)
        return parts[0];
    const char *s = parts[0];
    for (int i = 1; i < n; i++)
        s = arena_printf(a, "%s%s%s", s, i == n - 1 ? " o " : ", ", parts[i]);
    return s;
}

const char *schema_type_expected(const SchemaKey *k, ValueType type, unsigned refs, const char *vocab,
                                 Arena *a)
{
    (void)k;
    switch (type) {
    case VT_STRING: return "una cadena entre comillas";
    case VT_TEXT: return "una cadena o un bloque de texto";
    case VT_RANGE: return "un rango de fechas (AAAA-MM-DD .. AAAA-MM-DD)";
    case VT_MONEY: return "un monto ($150.000, 150000 CLP o 2.5 UF)";
    case VT_COUNT: return "un número entero mayor que cero";
    case VT_DATE: return "una fecha (AAAA-MM-DD)";
    case VT_DATETIME: return "una fecha, con hora opcional (AAAA-MM-DD HH:MM)";
    case VT_DURATION: return "una duración (90 min, 2 h, 3 dias, 8 semanas, 1 mes)";
    case VT_MEASURE: return "un número, un porcentaje o una cantidad";
    case VT_PERCENT: return "un porcentaje";
    case VT_REF: return arena_printf(a, "el nombre de %s", schema_refs_text(refs, a));
    case VT_VOCAB: return arena_printf(a, "un término del vocabulario '%s'", vocab);
    case VT_CODE: return "un código de advertencia (por ejemplo W205)";
    case VT_SENTIDO: return "'creciente' o 'decreciente'";
    case VT_ANSWER: return "si, no o no_aplica";
    case VT_DECLARE: return "un nombre nuevo";
    }
    return "un valor";
}

const char *schema_block_indefinite(SchemaBlock b)
{
    if (b == SB_NONE)
        return "este bloque";
    if (b == SB_ACUERDO)
        return "un acuerdo";
    if (b == SB_NUDO)
        return "un nudo crítico";
    return ast_kind_indefinite((DeclKind)b);
}

static const char *type_word(ValueType t)
{
    switch (t) {
    case VT_STRING: return "string";
    case VT_TEXT: return "string or text";
    case VT_RANGE: return "date range";
    case VT_MONEY: return "money";
    case VT_COUNT: return "whole number >= 1";
    case VT_DATE: return "date";
    case VT_DATETIME: return "date [time]";
    case VT_DURATION: return "time quantity";
    case VT_MEASURE: return "number, percentage or quantity";
    case VT_PERCENT: return "percentage";
    case VT_REF: return "ref";
    case VT_VOCAB: return "vocab";
    case VT_CODE: return "warning code";
    case VT_SENTIDO: return "creciente | decreciente";
    case VT_ANSWER: return "si | no | no_aplica";
    case VT_DECLARE: return "new name";
    }
    return "?";
}

void schema_markdown(StrBuf *out)
{
    int last = -1;
    for (int i = 0; i < schema_nkeys; i++) {
        const SchemaKey *k = &schema_keys[i];
        if ((int)k->block != last) {
            last = (int)k->block;
            const char *name = k->block == SB_ACUERDO ? "acuerdo entry { }"
                             : k->block == SB_NUDO ? "nudo entry { }"
                             : ast_kind_keyword((DeclKind)k->block);
            strbuf_printf(out, "\n### %s\n\n| key | type | required | list |\n|---|---|---|---|\n", name);
        }
        strbuf_printf(out, "| `%s` | %s", k->key, type_word(k->type));
        if (k->type == VT_REF) {
            strbuf_puts(out, " (");
            const char *sep = "";
            for (int b = 0; b < DECL_KIND_COUNT; b++)
                if (k->refs & R_BIT(b)) {
                    strbuf_printf(out, "%s%s", sep, ast_kind_keyword((DeclKind)b));
                    sep = ", ";
                }
            strbuf_puts(out, ")");
        } else if (k->type == VT_VOCAB) {
            strbuf_printf(out, " `%s`", k->vocab);
        }
        strbuf_printf(out, " | %s | %s |\n",
                      (k->flags & SK_REQUIRED) ? "yes"
                      : (k->flags & SK_OPTIONAL_PARENT) ? "no"
                      : (k->flags & SK_PARENT) ? "when not nested" : "no",
                      (k->flags & SK_LIST) ? "yes" : "no");
    }
}
