/* schema.h - the attribute schema (schema.def) as a queryable table.
 *
 * Contract: constant tables only; no state. Blocks are declaration kinds
 * plus the attribute blocks of acuerdo and nudo entries. A block's keys are
 * listed in canonical order. Used by the checks (E104-E110), the formatter,
 * the language server's completion and docs/schema.md.
 */
#ifndef RUTA_SCHEMA_H
#define RUTA_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "strbuf.h"

typedef enum SchemaBlock {
    SB_PLAN = DECL_PLAN,
    SB_PERSONA = DECL_PERSONA,
    SB_EQUIPO = DECL_EQUIPO,
    SB_CAPACIDAD = DECL_CAPACIDAD,
    SB_ACCION = DECL_ACCION,
    SB_INDICADOR = DECL_INDICADOR,
    SB_HITO = DECL_HITO,
    SB_SEGUIMIENTO = DECL_SEGUIMIENTO,
    SB_VOCABULARIO = DECL_VOCABULARIO,
    SB_CALENDARIO = DECL_CALENDARIO,
    SB_AUTOEVALUACION = DECL_AUTOEVALUACION,
    SB_ACUERDO = DECL_ACUERDO,   /* the { } of an acuerdo entry */
    SB_NUDO = DECL_NUDO,         /* the { } of a nudo entry */
    SB_NONE = DECL_KIND_COUNT    /* no block */
} SchemaBlock;

typedef enum ValueType {
    VT_STRING,   /* "..." */
    VT_TEXT,     /* "..." or """...""" */
    VT_RANGE,    /* DATE .. DATE */
    VT_MONEY,    /* $150.000, 150000 CLP, 2.5 UF */
    VT_COUNT,    /* a whole number >= 1 */
    VT_DATE,     /* DATE */
    VT_DATETIME, /* DATE or DATE TIME */
    VT_DURATION, /* a quantity in a time unit */
    VT_MEASURE,  /* number, percentage or quantity */
    VT_PERCENT,  /* 60% */
    VT_REF,      /* a declared name of the kinds in refs */
    VT_VOCAB,    /* a term of a vocabulary */
    VT_CODE,     /* a warning code, W205 */
    VT_SENTIDO,  /* creciente | decreciente */
    VT_ANSWER,   /* si | no | no_aplica */
    VT_DECLARE   /* declares a new name (id: of acuerdo and nudo) */
} ValueType;

enum SchemaFlags {
    SK_REQUIRED = 1u << 0,        /* missing: E105 */
    SK_LIST = 1u << 1,            /* takes several values separated by ',' */
    SK_PARENT = 1u << 2,          /* names the parent; E110 when nested */
    SK_OPTIONAL_PARENT = 1u << 3  /* a parent key that may be absent */
};

#define R_BIT(kind) (1u << (kind))
enum RefMask {
    R_PLAN = R_BIT(DECL_PLAN), R_PERSONA = R_BIT(DECL_PERSONA), R_EQUIPO = R_BIT(DECL_EQUIPO),
    R_CAPACIDAD = R_BIT(DECL_CAPACIDAD), R_ACCION = R_BIT(DECL_ACCION),
    R_INDICADOR = R_BIT(DECL_INDICADOR), R_HITO = R_BIT(DECL_HITO),
    R_VOCABULARIO = R_BIT(DECL_VOCABULARIO), R_CALENDARIO = R_BIT(DECL_CALENDARIO),
    R_ACUERDO = R_BIT(DECL_ACUERDO), R_NUDO = R_BIT(DECL_NUDO)
};

typedef struct SchemaKey {
    SchemaBlock block;
    const char *key;
    ValueType type;
    unsigned flags;
    unsigned refs;
    const char *vocab;
} SchemaKey;

typedef enum EntryTarget { ET_REQUIRED, ET_OPTIONAL } EntryTarget;

typedef struct SchemaEntry {
    EntryKind kind;
    EntryTarget target;
    unsigned target_refs;
    ValueType type;
    SchemaBlock block;
} SchemaEntry;

extern const SchemaKey schema_keys[];
extern const int schema_nkeys;

/* The row of `key` (folded) in `block`, or NULL. */
const SchemaKey *schema_find(SchemaBlock block, const char *key);
/* The rows of a block are contiguous: [*first, *first + *count), at most
 * SCHEMA_MAX_BLOCK_ROWS of them (a unit test checks every block), so a
 * check may keep a small array per block. */
enum { SCHEMA_MAX_BLOCK_ROWS = 64 };
void schema_block_rows(SchemaBlock block, int *first, int *count);
/* schema_find within a range from schema_block_rows. */
const SchemaKey *schema_find_in(int first, int count, const char *key);
/* A memo of schema_find_in for one walk over a tree (check_attrs.c): the
 * rows of every block, and a small direct-mapped table from (key pointer,
 * block) to the row found. Keys are interned (intern.h), so a plan's
 * thousands of attributes bring back the same few pointers, and a hit
 * costs one comparison instead of a scan of the block's rows. The strings
 * the memo has seen must stay unchanged while it is used (arena strings
 * do); one memo per thread. */
enum { SCHEMA_MEMO_SLOTS = 256 };
typedef struct SchemaMemoSlot {
    const char *key;     /* NULL: empty */
    int16_t block;
    int16_t row;         /* -1: not a key of the block */
} SchemaMemoSlot;
typedef struct SchemaMemo {
    int16_t first[SB_NONE + 1], count[SB_NONE + 1];
    SchemaMemoSlot slot[SCHEMA_MEMO_SLOTS];
} SchemaMemo;
void schema_memo_init(SchemaMemo *m);
static inline void schema_memo_rows(const SchemaMemo *m, SchemaBlock block, int *first, int *count)
{
    *first = m->first[block];
    *count = m->count[block];
}
/* The same answer as schema_find(block, key). */
const SchemaKey *schema_memo_find(SchemaMemo *m, SchemaBlock block, const char *key);

/* Iteration over a block's keys in canonical order: index of the first
 * row at or after `from`, or -1. */
int schema_next(SchemaBlock block, int from);
/* Position of a key in its block's canonical order (for sorting). */
int schema_order(const SchemaKey *k);
/* May a declaration of kind child be written inside one of kind parent? */
bool schema_may_nest(DeclKind parent, DeclKind child);
/* The entry row of an entry kind. */
const SchemaEntry *schema_entry(EntryKind kind);

/* Spanish description of what a value type expects ("una cadena"). */
const char *schema_type_expected(const SchemaKey *k, ValueType type, unsigned refs, const char *vocab,
                                 Arena *a);
/* Spanish list of kinds in a mask ("una persona o un equipo"). */
const char *schema_refs_text(unsigned refs, Arena *a);
/* Spanish noun phrase of a block ("una acción"). */
const char *schema_block_indefinite(SchemaBlock b);

/* The schema as Markdown, for docs/schema.md. */
void schema_markdown(StrBuf *out);

#endif
