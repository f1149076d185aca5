/* test_parse_split.c - the parse in two halves gives what the whole parse
 * gives: the same declarations, `usar` lines, noted values and
 * diagnostics, whether the halves are joined or the file is parsed again;
 * and the quick parse without LAC gives what the parser with LAC gives,
 * whether it is kept or undone and done again (parse.h). */
#include "unit.h"

#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"
#include "parse_split.h"
#include "source.h"
#include "strbuf.h"


static void test_split_point(void)
{
    /* The first boundary at or after the middle; blank lines allowed
     * between the "}" and the next declaration, a CR before a newline too. */
    const char *t = "persona a \"A\" {\n}\npersona b \"B\" {\n}\n\n\nhito h \"H\" {\n}\n";
    size_t len = strlen(t), cut = parse_split_point(t, len);
    CHECK(cut > len / 2);
    CHECK(strncmp(t + cut, "\n\nhito", 6) == 0);
    const char *crlf = "persona a \"A\" {\r\n}\r\npersona b \"B\" {\r\n}\r\n\r\nhito h \"H\" {\r\n}\r\n";
    cut = parse_split_point(crlf, strlen(crlf));
    CHECK(cut > 0 && strncmp(crlf + cut, "\r\nhito", 6) == 0);
    /* Not a boundary: an indented brace, a brace with a comment, a brace
     * followed by a comment or by another brace, or none after the middle. */
    const char *none[] = {
        "persona a \"A\" {\n  rol: docente\n  }\npersona b \"B\" {\n  }\n",
        "persona a \"A\" {\n  rol: docente\n} # fin\npersona b \"B\" {\n} # fin\n",
        "persona a \"A\" {\n  rol: docente\n}\n# b\npersona b \"B\" {\n}\n# c\n",
        "plan p \"P\" {\n  accion a \"A\" {\n  }\n}\n}\n",
        "persona a \"A\" {\n}\npersona b \"B\" { rol: docente correo: \"b@x.cl\" }\n",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        CHECK(parse_split_point(none[i], strlen(none[i])) == 0);
}

/* One parse of `text`, whole or split, with its diagnostics rendered. */
typedef struct Parsed {
    Arena arena;
    SourceManager sm;
    DiagEngine diag;
    FileAst *ast;
    SplitOutcome outcome;
} Parsed;

static void parse_text_flags(Parsed *p, const char *text, bool split, size_t limit, size_t max_errors,
                             unsigned flags)
{
    arena_init(&p->arena);
    p->arena.limit = limit;
    source_manager_init(&p->sm);
    diag_init(&p->diag, &p->arena, &p->sm, max_errors);
    uint32_t id = source_add_text(&p->sm, "plan.ruta", NULL, text, strlen(text));
    p->outcome = SPLIT_NONE;
    p->ast = split ? parse_file_split(&p->arena, &p->diag, &p->sm, id, flags, &p->outcome)
                   : parse_file(&p->arena, &p->diag, &p->sm, id, flags);
}

static void parse_text(Parsed *p, const char *text, bool split, size_t limit, size_t max_errors)
{
    parse_text_flags(p, text, split, limit, max_errors, 0);
}

static void parsed_free(Parsed *p)
{
    diag_free(&p->diag);
    source_manager_free(&p->sm);
    arena_free(&p->arena);
}

/* Everything the later phases read of a tree, one line per item. */
static void describe_decls(StrBuf *b, const Decl *d, int depth)
{
    for (; d; d = d->next) {
        int nattrs = 0;
        for (const Attr *a = d->attrs; a; a = a->next)
            nattrs++;
        strbuf_printf(b, "%d %d %s [%u,%u) name [%u,%u) %d attrs %d%d%d\n", depth, d->kind,
                      d->name ? d->name : "-", d->loc.begin, d->loc.end, d->name_loc.begin, d->name_loc.end,
                      nattrs, d->has_block, d->unclosed, d->broken);
        describe_decls(b, d->children, depth + 1);
    }
}

/* What resolve_collect() registers, by kind: every declaration, and the
 * acuerdo and nudo entries with a block of a seguimiento. */
static void walk_counts(const Decl *d, size_t n[DECL_KIND_COUNT])
{
    for (; d; d = d->next) {
        n[d->kind]++;
        walk_counts(d->children, n);
        if (d->kind != DECL_SEGUIMIENTO)
            continue;
        for (const Attr *a = d->attrs; a; a = a->next) {
            EntryKind k = a->entry != ENTRY_NONE ? (EntryKind)a->entry : ast_entry_from_name(a->key_folded);
            if (a->has_block && (k == ENTRY_ACUERDO || k == ENTRY_NUDO))
                n[k == ENTRY_ACUERDO ? DECL_ACUERDO : DECL_NUDO]++;
        }
    }
}

/* The parser's counts (FileAst.ndecls) are never below the tree's. */
static bool counts_cover(const FileAst *ast)
{
    size_t n[DECL_KIND_COUNT] = { 0 };
    walk_counts(ast->decls, n);
    for (int k = 0; k < DECL_KIND_COUNT; k++)
        if (ast->ndecls[k] < n[k])
            return false;
    return true;
}

static char *describe(const Parsed *p)
{
    StrBuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "counts");
    for (int k = 0; k < DECL_KIND_COUNT; k++)
        strbuf_printf(&b, " %u", p->ast->ndecls[k]);
    strbuf_printf(&b, "%s\n", counts_cover(p->ast) ? "" : " BELOW THE TREE'S");
    describe_decls(&b, p->ast->decls, 0);
    for (const Usar *u = p->ast->uses; u; u = u->next)
        strbuf_printf(&b, "usar %s [%u,%u)\n", u->path, u->loc.begin, u->loc.end);
    for (const ValueNote *v = p->ast->suspects; v; v = v->next)
        strbuf_printf(&b, "suspect [%u,%u)%s\n", v->value->loc.begin, v->value->loc.end,
                      v == p->ast->suspects_tail ? " tail" : "");
    strbuf_printf(&b, "has_plan %d\n", p->ast->has_plan);
    for (size_t i = 0; i < p->diag.n; i++) {
        const Diagnostic *g = &p->diag.items[i];
        strbuf_printf(&b, "diag %d [%u,%u) %s", (int)g->id, g->loc.begin, g->loc.end, g->msg);
        for (size_t k = 0; k < g->nnotes; k++)
            strbuf_printf(&b, " note [%u,%u) %s", g->notes[k].loc.begin, g->notes[k].loc.end, g->notes[k].msg);
        strbuf_printf(&b, "%s\n", g->help ? g->help : "");
    }
    strbuf_printf(&b, "errors %zu stopped %d truncated %d halted %d\n", p->diag.errors, p->diag.stopped,
                  p->diag.truncated, p->diag.halted);
    char *s = strdup(strbuf_cstr(&b));
    strbuf_free(&b);
    return s;
}

/* Parses text whole and split; the two must agree, and the split parse
 * must end as `want`. Returns whether the whole parse passed the budget. */
static bool agree(const char *what, const char *text, SplitOutcome want, size_t limit, size_t max_errors)
{
    Parsed whole, split;
    parse_text(&whole, text, false, limit, max_errors);
    parse_text(&split, text, true, limit, max_errors);
    char *a = describe(&whole), *b = describe(&split);
    bool same = strcmp(a, b) == 0;
    printf("%s - %s: same tree and diagnostics\n", same ? "ok" : "not ok", what);
    if (!same) {
        unit_failures++;
        printf("# whole:\n%.2000s\n# split:\n%.2000s\n", a, b);
    }
    CHECK(counts_cover(whole.ast) && counts_cover(split.ast));
    bool as_wanted = split.outcome == want;
    printf("%s - %s: outcome %d (want %d)\n", as_wanted ? "ok" : "not ok", what, (int)split.outcome, (int)want);
    if (!as_wanted)
        unit_failures++;
    free(a);
    free(b);
    bool over = whole.diag.halted;
    parsed_free(&whole);
    parsed_free(&split);
    return over;
}

/* The bytes of arena the whole parse of text takes, its blocks growing
 * from the smallest (a first block of the size arena_expect() asks for
 * would be most of it, and most of it unused). */
static size_t whole_total(const char *text)
{
    Parsed p;
    parse_text_flags(&p, text, false, 0, 0, PARSE_NO_EXPECT);
    size_t total = p.arena.total;
    parsed_free(&p);
    return total;
}

/* A plan of at least PARSE_SPLIT_MIN bytes: `usar` and personas, then a
 * plan whose action notes suspect values (E305, E201), another `usar`,
 * and `end`. `middle` goes between two personas, placed so that it ends
 * before the middle of the text (BEFORE: the first half holds it whole)
 * or so that the middle of the text falls in its middle (ACROSS). */
enum { BEFORE, ACROSS };

static char *big_plan(const char *middle, int place, const char *end)
{
    const char *head = "usar \"pme\"\n\n";
    const char *tail_fmt = "plan p \"P\" {\n  accion a \"A\" {\n    avance: 120%%\n"
                           "    fechas: 2026-05-01 .. 2026-04-01\n  }\n}\n\nusar \"mdc\"\n\n%s";
    enum { L = sizeof "persona p000000 \"Persona 000000\" {\n  rol: docente\n}\n\n" - 1 };
    /* Big enough for the budgets below whatever PARSE_SPLIT_MIN is. */
    size_t size = PARSE_SPLIT_MIN > 640 * 1024 ? PARSE_SPLIT_MIN : 640 * 1024;
    size_t n = size / L + 10, m = strlen(middle);
    StrBuf tail;
    strbuf_init(&tail);
    strbuf_printf(&tail, tail_fmt, end);
    size_t total = strlen(head) + n * L + m + strlen(strbuf_cstr(&tail));
    size_t at = place == BEFORE ? total / 2 - m : total / 2 - m / 2;
    size_t k = (at - strlen(head)) / L;
    StrBuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "%s", head);
    for (size_t i = 0; i < n; i++) {
        if (i == k)
            strbuf_printf(&b, "%s", middle);
        strbuf_printf(&b, "persona p%06zu \"Persona %06zu\" {\n  rol: docente\n}\n\n", i, i);
    }
    strbuf_printf(&b, "%s", strbuf_cstr(&tail));
    char *s = strdup(strbuf_cstr(&b));
    strbuf_free(&b);
    strbuf_free(&tail);
    return s;
}

/* `unit` repeated `times` times between `open` and `close`. */
static char *repeat(const char *open, const char *unit, int times, const char *close)
{
    StrBuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "%s", open);
    for (int i = 0; i < times; i++)
        strbuf_printf(&b, "%s", unit);
    strbuf_printf(&b, "%s", close);
    char *s = strdup(strbuf_cstr(&b));
    strbuf_free(&b);
    return s;
}

static void test_split_agrees(void)
{
    char *t = big_plan("persona x \"X\" {\n  avance: 150%\n}\n\n", BEFORE, "");
    agree("a clean plan", t, SPLIT_JOINED, 0, 0);
    agree("a clean plan within a budget", t, SPLIT_JOINED, 64u << 20, 0);
    /* The budget passed: E008 where the whole parse reports it, whether
     * both halves pass it too or only the two together. */
    size_t total = whole_total(t);
    CHECK(agree("a plan over its budget", t, SPLIT_REDONE, total / 4, 0));
    CHECK(agree("a plan over a budget the halves keep apart", t, SPLIT_REDONE, total * 3 / 4, 0));
    free(t);

    /* Errors in the second half only: the halves are joined. */
    t = big_plan("", BEFORE, "persona 2026 \"x\"\npersona q \"Q\" { rol: docente\n");
    agree("errors in the second half", t, SPLIT_JOINED, 0, 0);
    agree("errors in the second half, --max-errors 1", t, SPLIT_JOINED, 0, 1);
    free(t);

    /* An error before the cut: parsed again, whole. */
    t = big_plan("persona 2026 \"x\"\n\n", BEFORE, "persona 2026 \"y\"\n");
    agree("an error in the first half", t, SPLIT_REDONE, 0, 0);
    agree("an error in the first half, --max-errors 1", t, SPLIT_REDONE, 0, 1);
    free(t);

    /* Lines that look like a boundary inside a text block, and inside a
     * block closed at column 0: the first half does not parse cleanly. */
    char *m = repeat("persona t \"T\" {\n  descripcion: \"\"\"\n", "}\n\nno es una declaración\n", 40,
                     "  \"\"\"\n}\n\n");
    t = big_plan(m, ACROSS, "");
    agree("a text block across the cut", t, SPLIT_REDONE, 0, 0);
    free(t);
    free(m);
    m = repeat("plan q \"Q\" {\n", "accion b \"B\" {\n}\n\n", 40, "}\n\n");
    t = big_plan(m, ACROSS, "");
    agree("a nested block closed at column 0", t, SPLIT_REDONE, 0, 0);
    free(t);
    free(m);

    /* Too small to split. */
    agree("a small plan", "persona a \"A\" {\n}\n\npersona b \"B\" {\n}\n", SPLIT_NONE, 0, 0);
}

/* Parses text with the quick pass first and with LAC only; the two must
 * agree, and the quick pass must have been undone or kept as `again`
 * says. With `split`, both ways parse in halves. */
static void agree_quick(const char *what, const char *text, bool again, bool split, size_t limit,
                        size_t max_errors)
{
    Parsed lac, quick;
    parse_text_flags(&lac, text, split, limit, max_errors, PARSE_LAC_ONLY);
    parse_text_flags(&quick, text, split, limit, max_errors, 0);
    char *a = describe(&lac), *b = describe(&quick);
    bool same = strcmp(a, b) == 0 && lac.arena.total == quick.arena.total;
    printf("%s - %s: the quick parse gives the same tree, diagnostics and arena size\n", same ? "ok" : "not ok",
           what);
    if (!same) {
        unit_failures++;
        printf("# LAC only (%zu bytes):\n%.2000s\n# quick first (%zu bytes):\n%.2000s\n", lac.arena.total, a,
               quick.arena.total, b);
    }
    CHECK(counts_cover(lac.ast) && counts_cover(quick.ast));
    bool as_wanted = quick.ast->parsed_again == again && !lac.ast->parsed_again;
    printf("%s - %s: parsed again %d (want %d)\n", as_wanted ? "ok" : "not ok", what, quick.ast->parsed_again,
           again);
    if (!as_wanted)
        unit_failures++;
    free(a);
    free(b);
    parsed_free(&lac);
    parsed_free(&quick);
}

static void test_quick_agrees(void)
{
    const char *clean = "usar \"pme\"\npersona a \"A\" {\n  rol: docente\n}\nplan p \"P\" {\n"
                        "  periodo: 2026-03-01 .. 2026-12-01\n  accion x \"X\" { responsable: a }\n}\n";
    agree_quick("a clean plan", clean, false, false, 0, 0);
    /* Lexical errors only: the quick pass is kept, with the scanner's reports. */
    agree_quick("lexical errors", "persona a \"A\" {\n  rol: docente @\n  cargo: \"sin cerrar\n}\n", false, false,
                0, 0);
    agree_quick("a block left open", "plan p \"P\" {\n  accion x \"X\" {\n", false, false, 0, 0);
    /* Syntax errors: undone, parsed again. */
    agree_quick("a syntax error", "persona a \"A\" {\n  rol: docente,\n}\npersona 2026 \"b\"\n", true, false, 0,
                0);
    agree_quick("lexical errors, then a syntax error, --max-errors 2",
                "persona a \"A\" { rol: @ }\npersona b \"B\" { cargo: \"x\" \"y\" \"z\" }\npersona 9 \"c\"\n", true,
                false, 0, 2);
    agree_quick("a syntax error at the end of the file", "persona a \"A\" { rol:", true, false, 0, 0);
    char *deep = repeat("plan p \"P\" {\n", "accion a \"A\" {\n", 70, "");
    /* The scanner stops at the limit (E004), the parser meets the end of
     * the file inside a declaration. */
    agree_quick("nesting past the limit", deep, true, false, 0, 0);
    free(deep);
    /* A big plan: the quick pass takes blocks of the arena (the first of
     * the size arena_expect asks for) before its syntax error at the end,
     * all given back. */
    char *t = big_plan("", BEFORE, "persona 2026 \"y\"\n");
    agree_quick("a syntax error after a megabyte", t, true, false, 0, 0);
    agree_quick("the same within a budget", t, true, false, 64u << 20, 0);
    size_t total = whole_total(t);
    /* Over the budget before the error: the scan stops (E008), the quick
     * pass meets no syntax error and is kept. */
    agree_quick("a budget passed before the syntax error", t, false, false, total / 4, 0);
    agree_quick("a syntax error after a megabyte, in halves", t, true, true, 0, 0);
    free(t);
    t = big_plan("persona 2026 \"x\"\n\n", BEFORE, "");
    agree_quick("a syntax error in the first half, in halves", t, true, true, 0, 0);
    free(t);
    t = big_plan("", BEFORE, "");
    agree_quick("a clean big plan, in halves", t, false, true, 0, 0);
    free(t);
}

/* The parser's counts of a plan with every kind that resolve_collect()
 * registers, nested declarations, entries with and without a block, an
 * entry block outside a seguimiento, and a broken declaration. */
static void test_decl_counts(void)
{
    const char *text =
        "persona a \"A\" {\n  rol: docente\n}\npersona b \"B\"\nequipo e \"E\" { integrantes: a, b }\n"
        "plan p \"P\" {\n  capacidad c \"C\" {\n    accion x \"X\" {\n      indicador i \"I\" { }\n"
        "      hito h \"H\" { }\n    }\n  }\n  accion y \"Y\" { }\n}\n"
        "seguimiento 2026-05-04 {\n  avance x: 50%\n  acuerdo ac1: \"Uno\" { responsable: a }\n"
        "  acuerdo: \"Dos\" { responsable: b }\n  nudo n1: \"N\" { }\n  logro: \"L\"\n  acuerdo ac3: \"Tres\"\n}\n"
        "accion z \"Z\" { acuerdo q: \"fuera\" { } }\n"
        "vocabulario v \"V\" { t \"T\" }\ncalendario k \"K\" { feriado 2026-05-01 \"F\" }\n";
    Parsed p;
    parse_text(&p, text, false, 0, 0);
    const uint32_t *n = p.ast->ndecls;
    CHECK(p.diag.errors == 0);
    CHECK(n[DECL_PERSONA] == 2 && n[DECL_EQUIPO] == 1 && n[DECL_PLAN] == 1 && n[DECL_CAPACIDAD] == 1);
    CHECK(n[DECL_ACCION] == 3 && n[DECL_INDICADOR] == 1 && n[DECL_HITO] == 1 && n[DECL_SEGUIMIENTO] == 1);
    CHECK(n[DECL_VOCABULARIO] == 1 && n[DECL_CALENDARIO] == 1);
    /* Two acuerdos with a block in the seguimiento, and the one outside
     * it (over by one: a reservation, never short). */
    CHECK(n[DECL_ACUERDO] == 3 && n[DECL_NUDO] == 1);
    CHECK(counts_cover(p.ast));
    parsed_free(&p);
}

void test_parse_split(void)
{
    test_decl_counts();
    test_split_point();
    test_split_agrees();
    test_quick_agrees();
}
