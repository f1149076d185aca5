/* parser.y - the Ruta grammar (spec sections 3 and 11).
 *
 * A pure bison parser with locations. Actions only build nodes (one ast_*
 * call each). Error recovery sits at two levels: a block item (resyncing at
 * the next attribute key, keyword or '}') and a top-level declaration, so
 * every independent syntax error is reported once and the rest of the file
 * is still parsed. Syntax errors go through yyreport_syntax_error, which
 * says what was found and what was expected (E004). Which attributes and
 * nested declarations a block may hold is checked later (schema.h). This
 * file is the canonical source; build/parser.c is generated, never edited.
 *
 * The Makefile makes a second parser from this file, without LAC
 * (build/parser_quick.c, whose yyparse is renamed ruta_parse_quick): LAC
 * costs 5 % of a check's instructions and only matters when there is a
 * syntax error. Its grammar (build/parser_quick.y) is this one with KEY
 * in place of `key`, a rule whose one job is the yyerrok of recovery; the
 * Makefile's sed expects the `key` rule and its uses as written here.
 * parse.c runs the quick one first, with ls->quick set; at its first
 * syntax error it gives up, and the file is parsed again by this one
 * (docs/performance.md 3.11, 3.12).
 */

%require "3.8"
%define api.pure full
%define api.location.type {Loc}
%define parse.error custom
%define parse.lac full
%locations
%param {yyscan_t scanner}
%parse-param {LexState *ls}
/* No conflicts: fix any with the grammar, never by raising this number. */
%expect 0

%code requires {
#include "ast.h"
#include "source.h"
typedef void *yyscan_t;
typedef struct LexState LexState;
/* A name token: spelling, accent-folded form and location. */
typedef struct Name {
    const char *text;
    const char *folded;
    Loc loc;
} Name;
}

%code provides {
int yylex(YYSTYPE *lval, Loc *lloc, yyscan_t scanner);
}

%code {
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "lexstate.h"
#include "utf8.h"

#define A (ls->arena)
#define FILE_ID (ls->file)

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                       \
            (Cur).begin = YYRHSLOC(Rhs, 1).begin;                     \
            (Cur).end = YYRHSLOC(Rhs, N).end;                         \
        } else {                                                      \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                       \
            (Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;           \
        }                                                             \
    } while (0)

static void yyerror(const Loc *loc, yyscan_t scanner, LexState *ls, const char *msg);
static ItemList *new_items(LexState *ls);
static void free_items(LexState *ls, ItemList *l);
static void free_value(LexState *ls, Value *v);
static ValueList values_of(Value *v);
static Attr *plain_attr(LexState *ls, const Name *key, Value *v);
static Value *name_value(LexState *ls, const Name *n);
static void count_entry(LexState *ls, const Attr *a);
static bool at_top_sync(int token);
static bool at_item_sync(int token);
static bool at_attr_sync(int token);
}

%union {
    Name name;
    Value *value;
    ValueList values;
    Attr *attr;
    Decl *decl;
    ItemList *items;
    TermList terms;
    CalList days;
    DeclKind kind;
    EntryKind entry;
    bool closed;
}

%token <name> NAME "un nombre"
%token <name> KEY "un atributo"
%token <value> STRING "una cadena"
%token <value> TEXT "un bloque de texto"
%token <value> NUMBER "un número"
%token <value> PERCENT "un porcentaje"
%token <value> MONEY "un monto"
%token <value> DATE "una fecha"
%token <value> TIME "una hora"
%token <name> USAR "'usar'" PLAN "'plan'" PERSONA "'persona'" EQUIPO "'equipo'"
%token <name> CAPACIDAD "'capacidad'" ACCION "'accion'" INDICADOR "'indicador'" HITO "'hito'"
%token <name> SEGUIMIENTO "'seguimiento'" VOCABULARIO "'vocabulario'" CALENDARIO "'calendario'"
%token <name> FERIADO "'feriado'" VACACIONES "'vacaciones'" AUTOEVALUACION "'autoevaluacion'"
%token <name> AVANCE "'avance'" MEDICION "'medicion'" NUDO "'nudo'" LOGRO "'logro'"
%token <name> ACUERDO "'acuerdo'" APRENDIZAJE "'aprendizaje'" OBSERVACION "'observacion'"
%token <name> CUMPLIDO "'cumplido'" RESUELTO "'resuelto'" AJUSTE "'ajuste'"
%token LBRACE "'{'" RBRACE "'}'" COMMA "','" SEMI "';'" COLON "':'" DOTDOT "'..'"
%token UNCLOSED "el fin del archivo (bloque abierto)"
%token END 0 "el fin del archivo"

%type <items> top items block attr_items
%type <decl> decl
%type <kind> named_kw dated_kw
%type <name> persona_kw key
%type <entry> entry_kw
%type <attr> attr attr_more entry
%type <values> values values_list
%type <value> value compound opt_title opt_comment opt_desc
%type <terms> terms
%type <days> days
%type <closed> close

%%

file
    : top                           { ls->ast->uses = ls->uses.head; ls->ast->decls = $1->decls; }
    ;

/* `usar` lines are accepted anywhere at top level (docs/decisions.md). The
 * error alternative resyncs at the next `usar` or declaration keyword; from
 * there on the parser is in sync, so the next error is reported at once. */
top
    : %empty                        { $$ = ls->top = new_items(ls); }
    | top USAR STRING               { $$ = $1; ast_usar_add(&ls->uses, ast_usar(A, $3)); }
    | top decl                      { $$ = $1; ast_items_add_decl($$, $2); ls->ast->ndecls[$2->kind]++; }
    | top error                     { $$ = $1; if (at_top_sync(yychar)) yyerrok; }
    ;

decl
    : named_kw NAME STRING block
        { $$ = ast_decl(A, $1, @1, $2.text, $2.folded, $2.loc, $3, $4, @4, true, $4->unclosed, FILE_ID); free_items(ls, $4); free_value(ls, $3); }
    | named_kw error block
        { $$ = ast_decl(A, $1, @1, NULL, NULL, @1, NULL, $3, @3, true, $3->unclosed, FILE_ID); free_items(ls, $3); }
    | persona_kw NAME STRING
        { $$ = ast_decl(A, DECL_PERSONA, @1, $2.text, $2.folded, $2.loc, $3, NULL, @3, false, false, FILE_ID); free_value(ls, $3); }
    | persona_kw NAME STRING block
        { $$ = ast_decl(A, DECL_PERSONA, @1, $2.text, $2.folded, $2.loc, $3, $4, @4, true, $4->unclosed, FILE_ID); free_items(ls, $4); free_value(ls, $3); }
    | dated_kw DATE opt_title block
        { $$ = ast_decl_dated(A, $1, @1, $2, $3, $4, @4, $4->unclosed, FILE_ID); free_items(ls, $4); free_value(ls, $2); free_value(ls, $3); }
    | VOCABULARIO NAME STRING LBRACE terms close
        { $$ = ast_vocabulario(A, @1, $2.text, $2.folded, $2.loc, $3, $5.head, @6, $6, FILE_ID); }
    | CALENDARIO NAME STRING LBRACE days close
        { $$ = ast_calendario(A, @1, $2.text, $2.folded, $2.loc, $3, $5.head, @6, $6, FILE_ID); }
    ;

/* A declaration keyword shifted means the parser is in sync again after an
 * error: yyerrok lets the next error be reported even when it comes right
 * after (`persona 2026 "x"` then `persona "y" {`). */
named_kw
    : PLAN                          { $$ = DECL_PLAN; yyerrok; }
    | EQUIPO                        { $$ = DECL_EQUIPO; yyerrok; }
    | CAPACIDAD                     { $$ = DECL_CAPACIDAD; yyerrok; }
    | ACCION                        { $$ = DECL_ACCION; yyerrok; }
    | INDICADOR                     { $$ = DECL_INDICADOR; yyerrok; }
    | HITO                          { $$ = DECL_HITO; yyerrok; }
    ;

persona_kw
    : PERSONA                       { $$ = $1; yyerrok; }
    ;

dated_kw
    : SEGUIMIENTO                   { $$ = DECL_SEGUIMIENTO; yyerrok; }
    | AUTOEVALUACION                { $$ = DECL_AUTOEVALUACION; yyerrok; }
    ;

/* The quick parser's grammar has KEY itself wherever `key` is (Makefile):
 * keep this rule, and its uses (`key ...` or `items key ...` at the start
 * of an alternative), spelled as they are. */
key
    : KEY                           { $$ = $1; yyerrok; }
    ;

opt_title
    : %empty                        { $$ = NULL; }
    | STRING                        { $$ = $1; }
    ;

block
    : LBRACE items close            { $$ = $2; $$->unclosed = !$3; }
    ;

/* RBRACE, or an UNCLOSED token the scanner returns at end of file for each
 * block still open (it has reported the missing '}' already). */
close
    : RBRACE                        { $$ = true; }
    | UNCLOSED                      { $$ = false; }
    ;

items
    : %empty                        { $$ = new_items(ls); }
    | items attr_more               { $$ = $1; ast_items_add_attr($$, $2); count_entry(ls, $2); }
    | items key STRING              { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items key TEXT                { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items key NUMBER              { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items key PERCENT             { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items key MONEY               { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items key DATE                { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items key NAME                { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, name_value(ls, &$3))); }
    | items key compound            { $$ = $1; ast_items_add_attr($$, plain_attr(ls, &$2, $3)); }
    | items entry                   { $$ = $1; ast_items_add_attr($$, $2); count_entry(ls, $2); }
    | items decl                    { $$ = $1; ast_items_add_decl($$, $2); ls->ast->ndecls[$2->kind]++; }
    | items error                   { $$ = $1; $$->broken = true; if (at_item_sync(yychar)) yyerrok; }
    ;

/* An attribute cut short by a syntax error is dropped by the recovery of
 * `items`, which marks the block broken: no E105 is reported for it. The
 * optional comment and ';' of the common forms are spelled out rather than
 * left to `opt_comment` and `opt_semi`: two empty reductions less for each
 * attribute line, and half the LAC explorations, a quarter of the parser's
 * instructions (docs/performance.md 3.5). The most common lines, a key
 * and one value (a token, or a compound value), are spelled out too, in
 * `items` itself: one reduction for a token where `values`, `attr` and
 * `items attr` made three, two for a compound value where they made four
 * (3.15). So `attr` (in entries and entry blocks) is such a line or an
 * `attr_more`, and `items` takes such a line itself or an `attr_more`:
 * every other form (a list, a comment, a ';', a block). */
attr
    : attr_more                     { $$ = $1; }
    | key STRING                    { $$ = plain_attr(ls, &$1, $2); }
    | key TEXT                      { $$ = plain_attr(ls, &$1, $2); }
    | key NUMBER                    { $$ = plain_attr(ls, &$1, $2); }
    | key PERCENT                   { $$ = plain_attr(ls, &$1, $2); }
    | key MONEY                     { $$ = plain_attr(ls, &$1, $2); }
    | key DATE                      { $$ = plain_attr(ls, &$1, $2); }
    | key NAME                      { $$ = plain_attr(ls, &$1, name_value(ls, &$2)); }
    | key compound                  { $$ = plain_attr(ls, &$1, $2); }
    ;

attr_more
    : key values_list               { $$ = ast_attr(A, $1.text, $1.folded, $1.loc, $2.head, NULL, NULL, false, $1.loc); }
    | key values SEMI               { $$ = ast_attr(A, $1.text, $1.folded, $1.loc, $2.head, NULL, NULL, false, $1.loc); }
    | key values STRING             { $$ = ast_attr(A, $1.text, $1.folded, $1.loc, $2.head, $3, NULL, false, $1.loc); }
    | key values STRING SEMI        { $$ = ast_attr(A, $1.text, $1.folded, $1.loc, $2.head, $3, NULL, false, $1.loc); }
    | key values opt_comment LBRACE attr_items close opt_semi
        { $$ = ast_attr(A, $1.text, $1.folded, $1.loc, $2.head, $3, $5, true, @4); free_items(ls, $5); }
    ;

entry
    : entry_kw attr                 { $$ = ast_entry(A, $1, @1, $2); }
    ;

entry_kw
    : AVANCE                        { $$ = ENTRY_AVANCE; }
    | MEDICION                      { $$ = ENTRY_MEDICION; }
    | NUDO                          { $$ = ENTRY_NUDO; }
    | LOGRO                         { $$ = ENTRY_LOGRO; }
    | ACUERDO                       { $$ = ENTRY_ACUERDO; }
    | APRENDIZAJE                   { $$ = ENTRY_APRENDIZAJE; }
    | OBSERVACION                   { $$ = ENTRY_OBSERVACION; }
    | CUMPLIDO                      { $$ = ENTRY_CUMPLIDO; }
    | RESUELTO                      { $$ = ENTRY_RESUELTO; }
    | AJUSTE                        { $$ = ENTRY_AJUSTE; }
    ;

attr_items
    : %empty                        { $$ = new_items(ls); }
    | attr_items attr               { $$ = $1; ast_items_add_attr($$, $2); }
    | attr_items error              { $$ = $1; if (at_attr_sync(yychar)) yyerrok; }
    ;

opt_comment
    : %empty                        { $$ = NULL; }
    | STRING                        { $$ = $1; }
    ;

opt_semi
    : %empty
    | SEMI
    ;

/* The first value of a list is spelled out, one token each, rather than
 * reduced through `value`: most attributes hold one value, so this saves a
 * reduction per attribute line (8 % of the parser's instructions). */
values
    : STRING                        { $$ = values_of($1); }
    | TEXT                          { $$ = values_of($1); }
    | NUMBER                        { $$ = values_of($1); }
    | PERCENT                       { $$ = values_of($1); }
    | MONEY                         { $$ = values_of($1); }
    | DATE                          { $$ = values_of($1); }
    | NAME                          { $$ = values_of(name_value(ls, &$1)); }
    | compound                      { $$ = values_of($1); }
    | values_list                   { $$ = $1; }
    ;

values_list
    : values COMMA value            { $$ = $1; ast_values_add(&$$, $3); }
    ;

value
    : STRING                        { $$ = $1; }
    | TEXT                          { $$ = $1; }
    | NUMBER                        { $$ = $1; }
    | PERCENT                       { $$ = $1; }
    | MONEY                         { $$ = $1; }
    | DATE                          { $$ = $1; }
    | NAME                          { $$ = name_value(ls, &$1); }
    | compound                      { $$ = $1; }
    ;

/* Values of more than one token. */
compound
    : DATE TIME                     { $$ = ast_value_datetime($1, $2); free_value(ls, $2); }
    | DATE DOTDOT DATE
        {
            $$ = ast_value_range($1, $3);
            free_value(ls, $3);
            if ($$->kind == VAL_RANGE && $$->date2 < $$->date)
                ast_note_suspect(A, ls->ast, $$);
        }
    | NUMBER NAME                   { $$ = ast_value_quantity($1, $2.text, $2.folded, $2.loc); }
    ;

terms
    : %empty                        { $$ = (TermList){ 0 }; }
    | terms NAME STRING opt_desc    { $$ = $1; ast_terms_add(&$$, ast_term(A, $2.text, $2.folded, $2.loc, $3, $4)); }
    | terms error                   { $$ = $1; }
    ;

opt_desc
    : %empty                        { $$ = NULL; }
    | STRING                        { $$ = $1; }
    ;

days
    : %empty                        { $$ = (CalList){ 0 }; }
    | days FERIADO DATE STRING      { $$ = $1; ast_cal_add(&$$, ast_feriado(A, @2, $3, $4)); }
    | days VACACIONES DATE DOTDOT DATE STRING
                                    { $$ = $1; ast_cal_add(&$$, ast_vacaciones(A, @2, $3, $5, $6)); }
    | days error                    { $$ = $1; }
    ;

%%

/* Item lists live only while their block is parsed: a finished one goes
 * back to a free list (at most one per nesting level is ever in use), so a
 * large plan does not leave one dead list per block in the arena. */
static ItemList *new_items(LexState *ls)
{
    ItemList *l = ls->free_items;
    if (!l)
        return ARENA_NEW(ls->arena, ItemList);
    ls->free_items = l->next_free;
    memset(l, 0, sizeof *l);
    return l;
}

static void free_items(LexState *ls, ItemList *l)
{
    l->next_free = ls->free_items;
    ls->free_items = l;
}

/* A value token whose content a node has copied (a declaration's title or
 * date, the second operand of a date-time or a range) is dead: the scanner
 * reuses its node for the next value (new_value in lexer.l). */
static void free_value(LexState *ls, Value *v)
{
    if (!v)
        return;
    v->next = ls->free_values;
    ls->free_values = v;
}

/* The attribute of a key and its one value (`attr: key STRING`...). */
static Attr *plain_attr(LexState *ls, const Name *key, Value *v)
{
    return ast_attr(A, key->text, key->folded, key->loc, values_of(v).head, NULL, NULL, false, key->loc);
}

/* A list of one value. */
static ValueList values_of(Value *v)
{
    ValueList l = { 0 };
    ast_values_add(&l, v);
    return l;
}

/* A NAME as a value: the scanner gave its spelling, not a node. */
static Value *name_value(LexState *ls, const Name *n)
{
    Value *v = ast_value(A, VAL_NAME, n->loc);
    value_set_name(v, n->text, n->folded);
    return v;
}

/* An acuerdo or nudo with a { } block declares a name (FileAst.ndecls). */
static void count_entry(LexState *ls, const Attr *a)
{
    if (!a->has_block)
        return;
    EntryKind k = a->entry != ENTRY_NONE ? (EntryKind)a->entry : ast_entry_from_name(a->key_folded);
    if (k == ENTRY_ACUERDO)
        ls->ast->ndecls[DECL_ACUERDO]++;
    else if (k == ENTRY_NUDO)
        ls->ast->ndecls[DECL_NUDO]++;
}

/* After an error the parser is in sync again when the lookahead starts a
 * declaration (top level) or an item or closes the block: only then may
 * the next error be reported at once (yyerrok). Resetting on any other
 * token would make the parser fail again on the same token forever. */
static bool starts_decl(int t)
{
    return t == PLAN || t == PERSONA || t == EQUIPO || t == CAPACIDAD || t == ACCION || t == INDICADOR ||
           t == HITO || t == SEGUIMIENTO || t == VOCABULARIO || t == CALENDARIO || t == AUTOEVALUACION;
}

static bool at_top_sync(int t)
{
    return starts_decl(t) || t == USAR;
}

/* An entry's { } block holds attributes only: a keyword is no resync point
 * there (it would fail again on the same token forever). */
static bool at_attr_sync(int t)
{
    return t == KEY || t == RBRACE || t == UNCLOSED;
}

static bool at_item_sync(int t)
{
    return starts_decl(t) || t == KEY || t == RBRACE || t == UNCLOSED || t == AVANCE || t == MEDICION ||
           t == NUDO || t == LOGRO || t == ACUERDO || t == APRENDIZAJE || t == OBSERVACION ||
           t == CUMPLIDO || t == RESUELTO || t == AJUSTE;
}

static void yyerror(const Loc *loc, yyscan_t scanner, LexState *ls, const char *msg)
{
    (void)scanner;
    (void)msg; /* only "memory exhausted" reaches here with parse.error custom */
    if (ls->quick) {
        ls->syntax_error = true;
        return;
    }
    char max[16];
    snprintf(max, sizeof max, "%d", PARSE_MAX_DEPTH);
    diag_report(ls->diag, DIAG_TOO_DEEP, *loc, max, NULL);
}

/* The token found, as the user wrote it: 'responsable:', la cadena "x". */
static const char *describe_found(LexState *ls, yysymbol_kind_t sym, Loc loc)
{
    if (sym == YYSYMBOL_YYEOF || sym == YYSYMBOL_UNCLOSED)
        return "el fin del archivo";
    size_t n = loc.end - loc.begin;
    const char *s = ls->text + loc.begin;
    const char *nl = memchr(s, '\n', n);
    bool cut = false;
    if (nl) {
        n = (size_t)(nl - s);
        cut = true;
    }
    if (n > 40) {
        n = 40;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    const char *text = arena_strndup(ls->arena, s, n);
    const char *dots = cut ? "…" : "";
    switch (sym) {
    case YYSYMBOL_STRING: return arena_printf(ls->arena, "la cadena %s%s", text, dots);
    case YYSYMBOL_TEXT: return arena_printf(ls->arena, "el bloque de texto %s%s", text, dots);
    case YYSYMBOL_KEY: {
        size_t k = strcspn(text, " \t:");
        return arena_printf(ls->arena, "el atributo '%.*s:'", (int)k, text);
    }
    case YYSYMBOL_NAME: return arena_printf(ls->arena, "el nombre '%s'", text);
    case YYSYMBOL_NUMBER: return arena_printf(ls->arena, "el número '%s'", text);
    case YYSYMBOL_DATE: return arena_printf(ls->arena, "la fecha '%s'", text);
    case YYSYMBOL_TIME: return arena_printf(ls->arena, "la hora '%s'", text);
    default: return arena_printf(ls->arena, "'%s%s'", text, dots);
    }
}

static bool is_decl_keyword(yysymbol_kind_t s)
{
    switch (s) {
    case YYSYMBOL_PLAN: case YYSYMBOL_PERSONA: case YYSYMBOL_EQUIPO: case YYSYMBOL_CAPACIDAD:
    case YYSYMBOL_ACCION: case YYSYMBOL_INDICADOR: case YYSYMBOL_HITO: case YYSYMBOL_SEGUIMIENTO:
    case YYSYMBOL_VOCABULARIO: case YYSYMBOL_CALENDARIO: case YYSYMBOL_AUTOEVALUACION:
        return true;
    default:
        return false;
    }
}

static bool is_entry_keyword(yysymbol_kind_t s)
{
    switch (s) {
    case YYSYMBOL_AVANCE: case YYSYMBOL_MEDICION: case YYSYMBOL_NUDO: case YYSYMBOL_LOGRO:
    case YYSYMBOL_ACUERDO: case YYSYMBOL_APRENDIZAJE: case YYSYMBOL_OBSERVACION:
    case YYSYMBOL_CUMPLIDO: case YYSYMBOL_RESUELTO: case YYSYMBOL_AJUSTE:
        return true;
    default:
        return false;
    }
}

static bool is_value_start(yysymbol_kind_t s)
{
    switch (s) {
    case YYSYMBOL_STRING: case YYSYMBOL_TEXT: case YYSYMBOL_NUMBER: case YYSYMBOL_PERCENT:
    case YYSYMBOL_MONEY: case YYSYMBOL_DATE: case YYSYMBOL_NAME:
        return true;
    default:
        return false;
    }
}

static bool contains(const yysymbol_kind_t *exp, int n, yysymbol_kind_t s)
{
    for (int i = 0; i < n; i++)
        if (exp[i] == s)
            return true;
    return false;
}

/* What was expected, in words: categories instead of long token lists. */
static const char *describe_expected(LexState *ls, const yysymbol_kind_t *exp, int n)
{
    const char *parts[16];
    int np = 0;
    if (contains(exp, n, YYSYMBOL_KEY)) {
        /* Inside a block: the next attribute, a list separator or the end. */
        bool comma = contains(exp, n, YYSYMBOL_COMMA);
        if (comma)
            parts[np++] = "','";
        parts[np++] = comma ? "otro atributo" : "un atributo";
        if (contains(exp, n, YYSYMBOL_RBRACE))
            parts[np++] = "'}'";
        n = 0; /* the rest is implied */
    }
    int decls = 0, entries = 0, values = 0;
    for (int i = 0; i < n; i++) {
        decls += is_decl_keyword(exp[i]);
        entries += is_entry_keyword(exp[i]);
        values += is_value_start(exp[i]);
    }
    bool values_as_one = values >= 4;
    bool decls_as_one = decls >= 3;
    if (values_as_one)
        parts[np++] = "un valor";
    for (int i = 0; i < n && np < 14; i++) {
        yysymbol_kind_t s = exp[i];
        if (values_as_one && is_value_start(s))
            continue;
        if (is_entry_keyword(s) || s == YYSYMBOL_UNCLOSED)
            continue;
        if (decls_as_one && is_decl_keyword(s))
            continue;
        parts[np++] = yysymbol_name(s);
    }
    if (decls_as_one)
        parts[np++] = "una declaración";
    if (entries && np < 15)
        parts[np++] = "una entrada de seguimiento";
    if (np == 0)
        return NULL;
    StrBuf b;
    strbuf_init(&b);
    for (int i = 0; i < np; i++) {
        if (i > 0)
            strbuf_puts(&b, i == np - 1 ? " o " : ", ");
        strbuf_puts(&b, parts[i]);
    }
    const char *out = arena_strdup(ls->arena, strbuf_cstr(&b));
    strbuf_free(&b);
    return out;
}

static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, LexState *ls)
{
    (void)scanner;
    /* The quick pass (parse.c) reports nothing: the file is parsed again
     * by the parser with LAC, whose expected tokens are exact. 2 makes
     * yyparse give up at once. */
    if (ls->quick) {
        ls->syntax_error = true;
        return 2;
    }
    if (ls->too_deep)
        return 0;
    enum { MAX_EXPECTED = 48 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED);
    if (n < 0)
        n = 0;
    yysymbol_kind_t found = yypcontext_token(ctx);
    Loc loc = *yypcontext_location(ctx);
    const char *what = describe_found(ls, found, loc);
    const char *exp = describe_expected(ls, expected, n);
    if (exp)
        diag_report(ls->diag, DIAG_SYNTAX, loc, what, exp, NULL);
    else
        diag_report(ls->diag, DIAG_SYNTAX_UNEXPECTED, loc, what, NULL);
    return 0;
}
