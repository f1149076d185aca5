/* test_parallel_check.c - the attribute check and the model built by two
 * threads (check_attrs.c, par.h) give what one thread gives.
 *
 * Each case compiles one big plan twice, with `parallel_parse` off and on,
 * runs the model and the checks when the front end is clean, and compares
 * the JSON diagnostics and the JSON export; it also checks which way the
 * attribute check went (two threads kept, or done again in order). */
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "checks.h"
#include "cli.h"
#include "compile.h"
#include "date.h"
#include "model.h"
#include "par.h"
#include "schema.h"
#include "parse_split.h"
#include "strbuf.h"
#include "unit.h"

typedef struct Run {
    char *diags;
    char *export;
    AttrCheckWay way;
    size_t nacciones;
} Run;

static Run run(const char *text, bool parallel, size_t max_errors)
{
    CompileOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.max_errors = max_errors;
    date_from_ymd(2026, 6, 4, &opt.as_of);
    opt.need_plan = true;
    opt.parallel_parse = parallel;
    Compilation c;
    compilation_init(&c, &opt);
    compile_text(&c, "big.ruta", text, strlen(text));
    Run r = { NULL, NULL, c.attr_check, 0 };
    StrBuf out;
    strbuf_init(&out);
    if (c.diag.errors == 0) {
        Model *m = model_build(&c);
        checks_run(&c, m);
        r.nacciones = m->nacciones;
        CliOptions cli;
        memset(&cli, 0, sizeof cli);
        cli.as_of = opt.as_of;
        BackendCtx ctx = { &cli, &c, m, opt.as_of, (long long)opt.as_of * 86400, NULL };
        backend_json(&ctx, &out);
    }
    r.export = strdup(strbuf_cstr(&out));
    strbuf_free(&out);
    DiagPolicy policy = { c.allow, c.nallow, NULL, 0, false }; /* as driver_finalize */
    diag_finalize(&c.diag, &policy);
    strbuf_init(&out);
    DiagRenderOptions ro = { DIAG_JSON, false, true };
    diag_render(&c.diag, &ro, &out);
    r.diags = strdup(strbuf_cstr(&out));
    strbuf_free(&out);
    compilation_free(&c);
    return r;
}

/* Compares the two ways; `want` is how the parallel one must have gone.
 * Returns the JSON diagnostics of the one-thread way (the caller frees). */
static char *agree(const char *what, const char *text, AttrCheckWay want, size_t max_errors)
{
    Run one = run(text, false, max_errors), two = run(text, true, max_errors);
    bool same = strcmp(one.diags, two.diags) == 0 && strcmp(one.export, two.export) == 0;
    printf("%s - %s: same diagnostics and export\n", same ? "ok" : "not ok", what);
    if (!same) {
        unit_failures++;
        printf("# one thread:\n%.1500s\n# two:\n%.1500s\n", one.diags, two.diags);
    }
    bool way = two.way == want && one.way == ATTR_CHECK_ONE_THREAD;
    printf("%s - %s: attribute check %d (want %d)\n", way ? "ok" : "not ok", what, (int)two.way, (int)want);
    if (!way)
        unit_failures++;
    free(one.export);
    free(two.diags);
    free(two.export);
    return one.diags;
}

/* A plan of PARSE_SPLIT_MIN bytes or more with more than PAR_MIN actions:
 * a plan block (with `extra_plan` in it), personas, one capacidad per
 * action, each action with an indicator and a hito; `middle` just past
 * the first third and `end` at the end; a seguimiento records avances of
 * the first and the last action. Persona `pb` is referenced only at the
 * end, `pn` never (W304). */
static char *big_plan(const char *usar, const char *extra_plan, const char *middle, const char *end)
{
    static const char UNIT[] =
        "capacidad c%zu \"Capacidad %zu\" {\n"
        "  basal: reflexion\n"
        "  practica_problematica: \"Trabajo aislado.\"\n"
        "  estado_deseado: \"Trabajo colaborativo.\"\n"
        "  accion a%zu \"Acción %zu\" {\n"
        "    responsable: pa\n"
        "    fechas: 2026-03-09 .. 2026-09-30\n"
        "    indicador i%zu \"Indicador %zu\" {\n"
        "      linea_base: 0%%\n"
        "      meta: 50%%\n"
        "      medio_verificacion: \"Actas.\"\n"
        "    }\n"
        "    hito h%zu \"Hito %zu\" {\n"
        "      fecha: 2026-03-16 14:00\n"
        "      tipo: taller\n"
        "    }\n"
        "  }\n"
        "}\n\n";
    size_t n = 0;
    for (size_t bytes = 0; bytes < PARSE_SPLIT_MIN + PARSE_SPLIT_MIN / 8 || n < (size_t)PAR_MIN + 2; n++)
        bytes += (size_t)snprintf(NULL, 0, UNIT, n, n, n, n, n, n, n, n);
    StrBuf b;
    strbuf_init(&b);
    strbuf_printf(&b,
                  "%s"
                  "plan p \"Plan grande\" {\n  establecimiento: \"Escuela\"\n  periodo: 2026-03-02 .. 2026-12-11\n"
                  "  objetivo: \"Mejorar.\"\n%s}\n\n"
                  "persona pa \"Ana\" {\n  rol: docente\n}\n\n"
                  "persona pb \"Berta\" {\n  rol: docente\n}\n\n"
                  "persona pn \"Nadie\" {\n  rol: docente\n}\n\n",
                  usar, extra_plan);
    for (size_t i = 0; i < n; i++) {
        if (i == n / 3 + 1)
            strbuf_printf(&b, "%s", middle);
        strbuf_printf(&b, UNIT, i, i, i, i, i, i, i, i);
    }
    strbuf_printf(&b,
                  "accion z \"Última\" {\n  capacidad: c0\n  responsable: pb\n"
                  "  fechas: 2026-03-09 .. 2026-09-30\n}\n\n"
                  "seguimiento 2026-03-20 \"Monitoreo\" {\n  asistentes: pa, pb\n"
                  "  avance a0: 10%%\n  avance a%zu: 20%% \"Bien.\"\n"
                  "  acuerdo a0: \"Revisar evidencias.\"\n}\n\n%s",
                  n - 1, end);
    char *s = strdup(strbuf_cstr(&b));
    strbuf_free(&b);
    return s;
}

static void test_parallel_agrees(void)
{
    const char *usar = "usar \"mdc\"\n\n";

    /* Clean: both threads' work is kept; the model has every action, and
     * the one persona nobody names gets its W304 (and only it: `pb` is
     * named only by the last action, checked by the second thread). */
    char *t = big_plan(usar, "", "", "");
    Run r = run(t, true, 0);
    CHECK(r.nacciones > (size_t)PAR_MIN);
    free(r.diags);
    free(r.export);
    char *d = agree("a clean plan", t, ATTR_CHECK_TWO_THREADS, 0);
    CHECK(strstr(d, "W304") && strstr(d, "'pn'") && !strstr(d, "'pb'") && !strstr(d, "'pa'"));
    free(d);
    free(t);

    /* `permitir` in the plan block, read by one of the threads: W304 is
     * silenced both ways. */
    t = big_plan(usar, "  permitir: W304\n", "", "");
    d = agree("a plan that silences a warning", t, ATTR_CHECK_TWO_THREADS, 0);
    CHECK(!strstr(d, "W304"));
    free(d);
    free(t);

    /* Errors: the check is done again in order, whatever the limit. */
    t = big_plan(usar, "", "persona px \"X\" {\n  rol: docente\n  color: azul\n}\n\n",
                 "persona py \"Y\" {\n  rol: nadie_sabe\n}\n");
    d = agree("errors in both parts", t, ATTR_CHECK_REDONE, 0);
    CHECK(strstr(d, "E104") && strstr(d, "E102"));
    free(d);
    d = agree("errors in both parts, --max-errors 1", t, ATTR_CHECK_REDONE, 1);
    CHECK(strstr(d, "E104") && !strstr(d, "nadie_sabe"));
    free(d);
    free(t);

    /* A vocabulary used everywhere but not loaded: reported once. */
    t = big_plan("", "", "", "");
    d = agree("a vocabulary not loaded", t, ATTR_CHECK_REDONE, 0);
    size_t times = 0;
    for (const char *p = d; (p = strstr(p, "reflexion")) != NULL; p++)
        times++;
    CHECK(times == 1);
    free(d);
    free(t);

    /* Too small to be parsed in two halves: one thread. */
    const char *small = "plan p \"P\" {\n  periodo: 2026-03-02 .. 2026-12-11\n}\n";
    Run a = run(small, true, 0);
    CHECK(a.way == ATTR_CHECK_ONE_THREAD || PARSE_SPLIT_MIN <= strlen(small));
    free(a.diags);
    free(a.export);
}

/* par_halves: every index once, each half's allocations adopted. */
typedef struct Squares {
    size_t *out;
    char **strings;
} Squares;

static void squares(void *ctx, Arena *a, size_t from, size_t to)
{
    Squares *s = ctx;
    for (size_t i = from; i < to; i++) {
        s->out[i] += i * i;
        s->strings[i] = arena_printf(a, "%zu", i);
    }
}

static void test_par_halves(void)
{
    size_t sizes[] = { 0, 1, (size_t)PAR_MIN - 1, (size_t)PAR_MIN, 3 * (size_t)PAR_MIN + 1 };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int parallel = 0; parallel < 2; parallel++) {
            size_t n = sizes[k];
            Squares s = { calloc(n + 1, sizeof(size_t)), calloc(n + 1, sizeof(char *)) };
            Arena a, side;
            arena_init(&a);
            arena_init(&side);
            par_halves(parallel, n, squares, &s, &a, &side);
            arena_adopt(&a, &side);
            bool all = true;
            char want[32];
            for (size_t i = 0; i < n; i++) {
                snprintf(want, sizeof want, "%zu", i);
                all = all && s.out[i] == i * i && s.strings[i] && strcmp(s.strings[i], want) == 0;
            }
            printf("%s - par_halves n=%zu parallel=%d: every index once, strings alive\n", all ? "ok" : "not ok",
                   n, parallel);
            if (!all)
                unit_failures++;
            arena_free(&a);
            free(s.out);
            free(s.strings);
        }
    }
}

/* In a check worker's copy, a reference to a persona is noted, never
 * written into the shared declaration (the other worker may write it). */
static void test_referenced_later(void)
{
    CompileOptions opt;
    memset(&opt, 0, sizeof opt);
    Compilation c;
    compilation_init(&c, &opt);
    const char *text = "persona pa \"Ana\" {\n  rol: docente\n}\n\npersona pb \"Berta\" {\n  rol: docente\n}\n";
    compile_text(&c, "ref.ruta", text, strlen(text));
    Decl *pa = symtab_get(&c.symbols, "pa"), *pb = symtab_get(&c.symbols, "pb");
    CHECK(pa && pb && !pa->referenced && !pb->referenced);
    DeclVec later = { NULL, 0, 0 };
    c.referenced_later = &later;
    Loc loc = { 0, 0, 0 };
    resolve_name(&c, "pa", "pa", loc, R_PERSONA);
    resolve_name(&c, "pa", "pa", loc, R_PERSONA);
    resolve_name(&c, "pb", "pb", loc, R_PERSONA);
    resolve_name(&c, "pa", "pa", loc, R_PERSONA);
    CHECK(pa && pb && !pa->referenced && !pb->referenced);
    CHECK(later.n == 3 && later.items[0] == pa && later.items[1] == pb && later.items[2] == pa);
    c.referenced_later = NULL;
    resolve_name(&c, "pb", "pb", loc, R_PERSONA);
    CHECK(pb && pb->referenced && !pa->referenced);
    free(later.items);
    compilation_free(&c);
}

void test_parallel_check(void)
{
    test_referenced_later();
    test_par_halves();
    test_parallel_agrees();
}
