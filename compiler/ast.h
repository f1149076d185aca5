/* ast.h - the syntax tree of a Ruta file.
 *
 * Contract: every node, list and string lives in the compilation arena and
 * is freed with it; nodes are created only through the ast_* constructors,
 * which the grammar actions call (one call per action). Lists keep source
 * order. The tree is generic: which attributes a block takes is decided by
 * the schema (schema.h), not here. Names keep the spelling the user wrote
 * (`name`) and the accent-folded form used for lookup (`folded`).
 */
#ifndef RUTA_AST_H
#define RUTA_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "intern.h"
#include "source.h"

/* Declaration kinds; also the kinds of names in the plan's namespace. */
typedef enum DeclKind {
    DECL_PLAN,
    DECL_PERSONA,
    DECL_EQUIPO,
    DECL_CAPACIDAD,
    DECL_ACCION,
    DECL_INDICADOR,
    DECL_HITO,
    DECL_SEGUIMIENTO,
    DECL_VOCABULARIO,
    DECL_CALENDARIO,
    DECL_AUTOEVALUACION,
    DECL_ACUERDO,   /* named by `id:` in an acuerdo entry (no syntax of its own) */
    DECL_NUDO,      /* named by `id:` in a nudo entry */
    DECL_KIND_COUNT
} DeclKind;

/* Entry kinds of a seguimiento (section 4 and 11). */
typedef enum EntryKind {
    ENTRY_NONE,        /* a plain attribute */
    ENTRY_AVANCE,
    ENTRY_MEDICION,
    ENTRY_NUDO,
    ENTRY_LOGRO,
    ENTRY_ACUERDO,
    ENTRY_APRENDIZAJE,
    ENTRY_OBSERVACION,
    ENTRY_CUMPLIDO,
    ENTRY_RESUELTO,
    ENTRY_AJUSTE,
    ENTRY_KIND_COUNT
} EntryKind;

typedef enum ValueKind {
    VAL_STRING,    /* "..." (text holds the unescaped content) */
    VAL_TEXT,      /* """...""" (dedented content) */
    VAL_NUMBER,    /* 12, 12.5, 1_000 */
    VAL_PERCENT,   /* 80% */
    VAL_MONEY,     /* $150.000, 150000 CLP, 2.5 UF */
    VAL_DATE,      /* 2026-05-14 */
    VAL_DATETIME,  /* 2026-05-14 15:30 */
    VAL_RANGE,     /* DATE .. DATE */
    VAL_QUANTITY,  /* 90 min, 12 conversaciones */
    VAL_NAME,      /* a reference or a vocabulary term */
    VAL_ERROR      /* a literal the scanner already reported */
} ValueKind;

typedef enum MoneyUnit { MONEY_CLP, MONEY_UF } MoneyUnit;

/* Time units of quantities; UNIT_COUNT is a free count unit. */
typedef enum TimeUnit { UNIT_COUNT, UNIT_MIN, UNIT_HORA, UNIT_DIA, UNIT_SEMANA, UNIT_MES } TimeUnit;

/* Kept small (40 bytes): a plan has about one value per 45 bytes of text.
 * The kind-specific fields share storage where no kind uses both: `number`
 * (NUMBER, PERCENT, MONEY, QUANTITY), the day fields (DATE, DATETIME,
 * RANGE) and what a NAME resolved to, which `resolved` tells; read the
 * latter only through value_ref() and value_term(), set it only through
 * value_set_ref() and value_set_term(). The folded form of a NAME or a
 * unit is reached from its text (value_folded(); intern.h), set with
 * value_set_name(). */
typedef enum ValueResolved { VALUE_UNRESOLVED, VALUE_REF, VALUE_TERM } ValueResolved;

typedef struct Value {
    Loc loc;
    unsigned kind : 8;   /* ValueKind */
    unsigned money : 2;  /* MoneyUnit: MONEY */
    unsigned unit : 4;   /* TimeUnit: QUANTITY */
    unsigned resolved : 2; /* ValueResolved: NAME */
    unsigned accent : 1; /* NAME or unit: the folded form is not `text` */
    const char *text;    /* STRING/TEXT content, NAME spelling, QUANTITY unit */
    union {
        double number;   /* NUMBER, PERCENT, MONEY amount, QUANTITY amount */
        struct {
            int date;    /* DATE, DATETIME, RANGE start (day number) */
            union {
                int minutes; /* DATETIME: minutes after midnight */
                int date2;   /* RANGE end; its date is the last 10 bytes of loc */
            };
        };
        struct Decl *resolved_decl;       /* NAME, VALUE_REF (checks) */
        const struct Term *resolved_term; /* NAME, VALUE_TERM (checks) */
    };
    struct Value *next;  /* next value of a list */
} Value;

/* A NAME's or a unit's accent-folded form. */
static inline const char *value_folded(const Value *v)
{
    return v->accent ? intern_folded_of(v->text) : v->text;
}

/* Sets the spelling of a NAME or a unit: `text` as the scanner returns it
 * (intern.h), `folded` its folded form. */
static inline void value_set_name(Value *v, const char *text, const char *folded)
{
    v->text = text;
    v->accent = folded != text;
}

/* The declaration a NAME resolves to, or NULL. */
static inline struct Decl *value_ref(const Value *v)
{
    return v->resolved == VALUE_REF ? v->resolved_decl : NULL;
}

/* The vocabulary term a NAME names, or NULL. */
static inline const struct Term *value_term(const Value *v)
{
    return v->resolved == VALUE_TERM ? v->resolved_term : NULL;
}

/* Records a resolution; NULL (not found) leaves the value as it was. */
static inline void value_set_ref(Value *v, struct Decl *d)
{
    if (d) {
        v->resolved = VALUE_REF;
        v->resolved_decl = d;
    }
}

static inline void value_set_term(Value *v, const struct Term *t)
{
    if (t) {
        v->resolved = VALUE_TERM;
        v->resolved_term = t;
    }
}

/* Location of the end date of a RANGE (a date literal is 10 bytes). */
static inline Loc value_range_end_loc(const Value *v)
{
    Loc l = v->loc;
    l.begin = l.end >= 10 ? l.end - 10 : l.begin;
    return l;
}

/* What only some attributes have: entries (a target, a comment, a { }
 * block), autoevaluacion answers (a checklist item), and a key spelled
 * otherwise than its folded form (with an accent). */
typedef struct AttrExt {
    struct Value *comment;   /* trailing string of an entry, or NULL */
    struct Attr *block;      /* attributes of an entry's { } block, or NULL */
    struct Decl *target;     /* named entry: the declaration it names (checks) */
    const struct Term *term; /* autoevaluacion answer: its checklist item */
    const char *key;         /* the key as written, when not key_folded */
    uint32_t block_begin;    /* offset of the '{' of the block (has_block) */
    uint32_t key_end;        /* end of a key of ATTR_LONG_KEY bytes or more */
} AttrExt;

/* A key this long or longer keeps its end offset in the AttrExt. */
#define ATTR_LONG_KEY UINT16_MAX

/* Kept small (56 bytes): one per attribute line. The key, the entry
 * keyword and the '{' of a block are stored as offsets (attr_key_loc(),
 * attr_entry_loc() and attr_block_loc() give their locations); the key is
 * stored folded, its spelling (attr_key()) is the same string unless the
 * user wrote an accent; the fields that only entries, answers, blocks,
 * accented and very long keys use are in `ext` (NULL for a plain
 * attribute): read them through attr_comment(), attr_block(),
 * attr_target(), attr_term(). attr_nvalues() counts the values. */
typedef struct Attr {
    Loc loc;              /* from the key (or entry keyword) to the last value */
    uint32_t key_begin;   /* the key without the colon: key_len bytes from here */
    uint16_t key_len;     /* ATTR_LONG_KEY: see ext->key_end */
    int16_t key_id;       /* schema row (schema.h), -1 if unknown */
    uint8_t entry;        /* EntryKind: ENTRY_NONE for attributes and unnamed entries */
    uint8_t entry_len;    /* bytes of the entry keyword, for named entries */
    bool has_block;
    bool syntax_error;    /* a syntax error followed its values */
    const char *key_folded;
    Value *values;
    struct Attr *next;
    AttrExt *ext;
} Attr;

static inline Value *attr_comment(const Attr *a) { return a->ext ? a->ext->comment : NULL; }
static inline Attr *attr_block(const Attr *a) { return a->ext ? a->ext->block : NULL; }
static inline struct Decl *attr_target(const Attr *a) { return a->ext ? a->ext->target : NULL; }
static inline const struct Term *attr_term(const Attr *a) { return a->ext ? a->ext->term : NULL; }
/* The key as the user spelled it. */
static inline const char *attr_key(const Attr *a)
{
    return a->ext && a->ext->key ? a->ext->key : a->key_folded;
}
/* The attribute's AttrExt, allocated on first use. */
AttrExt *attr_ext(Arena *arena, Attr *a);

/* The key, without the colon. */
static inline Loc attr_key_loc(const Attr *a)
{
    uint32_t end = a->key_len == ATTR_LONG_KEY && a->ext ? a->ext->key_end : a->key_begin + a->key_len;
    return loc_make(a->loc.file, a->key_begin, end);
}

/* Number of values (at least one). */
static inline size_t attr_nvalues(const Attr *a)
{
    size_t n = 0;
    for (const Value *v = a->values; v; v = v->next)
        n++;
    return n;
}

/* The entry keyword of a named entry (it starts the attribute). */
static inline Loc attr_entry_loc(const Attr *a)
{
    return loc_make(a->loc.file, a->loc.begin, a->loc.begin + a->entry_len);
}

/* The '{' of an attribute's block. */
static inline Loc attr_block_loc(const Attr *a)
{
    uint32_t at = a->ext ? a->ext->block_begin : a->loc.begin;
    return loc_make(a->loc.file, at, at + 1);
}

typedef struct Term {
    const char *name, *folded;
    const char *label;
    const char *description; /* NULL when absent */
    Loc loc;
    struct Term *next;
} Term;

typedef struct CalDay {
    bool vacaciones;      /* a vacaciones range (else one feriado) */
    int from, to;         /* day numbers; equal for a feriado */
    const char *name;
    Loc loc;
    struct CalDay *next;
} CalDay;

/* Kept small (136 bytes; fields ordered so that the struct has no
 * padding holes): a plan declares about one name per 300 bytes. What only
 * one kind has shares storage in `u`; read it through decl_terms(),
 * decl_index(), decl_days(), decl_owner() and decl_entry(), which give
 * NULL for the other kinds. The file is loc.file. */
typedef struct Decl {
    Loc loc;              /* keyword to closing brace */
    uint32_t kw_end;      /* the keyword is [loc.begin, kw_end): decl_kw_loc() */
    Loc name_loc;         /* the name; the date of a seguimiento or autoevaluacion */
    Loc title_loc;
    int date;             /* seguimiento and autoevaluacion */
    uint8_t kind;         /* DeclKind */
    bool has_block;
    bool unclosed;        /* the block reached end of file */
    bool broken;          /* its block had a syntax error: no E105 for it */
    bool referenced;      /* some reference resolves to it (W304) */
    const char *name;     /* NULL for seguimiento and autoevaluacion */
    const char *folded;
    const char *title;    /* NULL when absent */
    Attr *attrs;          /* attributes and entries in source order */
    struct Decl *children;/* nested declarations in source order */
    struct Decl *parent;  /* enclosing declaration, NULL at top level */
    void *model;          /* the typed object built for it (model.h) */
    struct Decl *next;    /* next sibling */
    union {
        struct {
            Term *terms;  /* vocabulario: its terms */
            void *index;  /* vocabulario: SymTab of its terms (checks) */
        } voc;
        CalDay *days;     /* calendario */
        struct {
            struct Decl *owner; /* acuerdo/nudo: the seguimiento recording it */
            Attr *entry;  /* acuerdo/nudo: the entry that declares it */
        } rec;
    } u;
} Decl;

/* The declaration's keyword (an acuerdo's or nudo's: its whole entry). */
static inline Loc decl_kw_loc(const Decl *d)
{
    return loc_make(d->loc.file, d->loc.begin, d->kw_end);
}

static inline Term *decl_terms(const Decl *d)
{
    return d->kind == DECL_VOCABULARIO ? d->u.voc.terms : NULL;
}

static inline void *decl_index(const Decl *d)
{
    return d->kind == DECL_VOCABULARIO ? d->u.voc.index : NULL;
}

static inline CalDay *decl_days(const Decl *d)
{
    return d->kind == DECL_CALENDARIO ? d->u.days : NULL;
}

static inline struct Decl *decl_owner(const Decl *d)
{
    return d->kind == DECL_ACUERDO || d->kind == DECL_NUDO ? d->u.rec.owner : NULL;
}

static inline Attr *decl_entry(const Decl *d)
{
    return d->kind == DECL_ACUERDO || d->kind == DECL_NUDO ? d->u.rec.entry : NULL;
}

typedef struct Usar {
    const char *path;     /* as written */
    Loc loc;              /* the string */
    struct Usar *next;
} Usar;

struct Decl;

/* A `#` comment, kept for the formatter and the language server. */
typedef struct Comment {
    Loc loc;              /* from '#' to the end of the line */
    struct Comment *next;
} Comment;

/* A value the consistency checks must look at (see FileAst.suspects). */
typedef struct ValueNote {
    Value *value;
    struct ValueNote *next;
} ValueNote;

typedef struct FileAst {
    uint32_t file;
    Usar *uses;
    Decl *decls;
    Comment *comments;    /* in source order */
    /* Values that may fail a consistency check, noted while parsing so the
     * checks need no walk over every value: percentages over 100 (E305)
     * and ranges that end before they start (E201). In source order;
     * usually empty. */
    ValueNote *suspects, *suspects_tail;
    /* Declarations parsed, by kind, and as DECL_ACUERDO and DECL_NUDO the
     * acuerdo and nudo entries with a { } block: never fewer than
     * resolve_collect() registers, which sizes its tables with them
     * instead of walking the tree once more. */
    uint32_t ndecls[DECL_KIND_COUNT];
    bool has_plan;        /* a top-level plan declaration was parsed */
    /* The file was parsed in two halves (parse_split.h): big enough for
     * the attribute check to use two threads too (check_attrs.c). */
    bool parsed_in_halves;
    /* The quick pass met a syntax error and the file was parsed again
     * with LAC (parse.h); for the tests. */
    bool parsed_again;
} FileAst;

/* Appends v to ast->suspects. */
void ast_note_suspect(Arena *a, FileAst *ast, Value *v);

/* Item lists used while parsing a block. */
typedef struct ItemList {
    Attr *attrs, *attrs_tail;
    struct Decl *decls, *decls_tail;
    bool unclosed;          /* the block reached end of file */
    bool broken;            /* a syntax error inside it was recovered from */
    struct ItemList *next_free; /* the parser's list of finished lists */
} ItemList;

Value *ast_value(Arena *a, ValueKind kind, Loc loc);
/* The composite values reuse their first operand's node (no allocation). */
Value *ast_value_datetime(Value *date, Value *time);
Value *ast_value_range(Value *from, Value *to);
/* NUMBER followed by a unit name: a quantity, or money for CLP and UF. */
Value *ast_value_quantity(Value *number, const char *unit, const char *folded, Loc unit_loc);
typedef struct ValueList { Value *head, *tail; } ValueList;
void ast_values_add(ValueList *l, Value *v);

Attr *ast_attr(Arena *a, const char *key, const char *folded, Loc key_loc, Value *values,
               Value *comment, ItemList *block, bool has_block, Loc block_loc);
/* A named entry: `avance taller: 60%`. */
Attr *ast_entry(Arena *a, EntryKind kind, Loc kw_loc, Attr *attr);

void ast_items_add_attr(ItemList *l, Attr *attr);
void ast_items_add_decl(ItemList *l, Decl *d);

Decl *ast_decl(Arena *a, DeclKind kind, Loc kw_loc, const char *name, const char *folded,
               Loc name_loc, Value *title, ItemList *block, Loc end_loc, bool has_block,
               bool unclosed, uint32_t file);
Decl *ast_decl_dated(Arena *a, DeclKind kind, Loc kw_loc, Value *date, Value *title,
                     ItemList *block, Loc end_loc, bool unclosed, uint32_t file);
Decl *ast_vocabulario(Arena *a, Loc kw_loc, const char *name, const char *folded, Loc name_loc,
                      Value *title, Term *terms, Loc end_loc, bool unclosed, uint32_t file);
Decl *ast_calendario(Arena *a, Loc kw_loc, const char *name, const char *folded, Loc name_loc,
                     Value *title, CalDay *days, Loc end_loc, bool unclosed, uint32_t file);

typedef struct TermList { Term *head, *tail; } TermList;
typedef struct CalList { CalDay *head, *tail; } CalList;
typedef struct UsarList { Usar *head, *tail; } UsarList;

Term *ast_term(Arena *a, const char *name, const char *folded, Loc loc, Value *label, Value *desc);
void ast_terms_add(TermList *l, Term *t);
CalDay *ast_feriado(Arena *a, Loc kw_loc, Value *date, Value *name);
CalDay *ast_vacaciones(Arena *a, Loc kw_loc, Value *from, Value *to, Value *name);
void ast_cal_add(CalList *l, CalDay *d);
void ast_usar_add(UsarList *l, Usar *u);

Usar *ast_usar(Arena *a, Value *path);

/* Spanish nouns of a declaration kind: "acción", "una acción", "la acción". */
const char *ast_kind_noun(DeclKind k);
const char *ast_kind_indefinite(DeclKind k);
const char *ast_kind_definite(DeclKind k);
/* The keyword of a declaration kind ("accion"). */
const char *ast_kind_keyword(DeclKind k);
/* The keyword of an entry kind ("avance"), and its kind from a folded key. */
const char *ast_entry_keyword(EntryKind k);
EntryKind ast_entry_from_name(const char *folded);

#endif
