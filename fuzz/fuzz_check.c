/* fuzz_check.c - libFuzzer target over the whole check of a plan.
 *
 * Input: any byte string, taken as the text of a plan file named
 * "fuzz.ruta" (in the current directory, so a `usar "x.ruta"` in the input
 * resolves against it; the implicit `base` and the stdlib modules come from
 * the source tree's stdlib/). The target runs what `ruta check` runs: the
 * front end (compile_text), and when it reports no errors the typed model
 * and the consistency checks; then the warning policy and the three
 * diagnostic renderings (text with colour, JSON, SARIF), which compute
 * lines and columns from byte offsets. When the plan is clean and has a
 * plan declaration it also runs the CSV, iCalendar and JSON backends and
 * `ruta status`, so that every path reachable from a hostile plan without a
 * font or a file system write is covered. The PDF backend is left out: it
 * needs a font file and libharu is not built with the sanitizers.
 *
 * Oracles: besides the sanitizers, every output meant for a program (the
 * JSON and SARIF diagnostics, the CSV, iCalendar and JSON backends, the
 * status) must be valid UTF-8; and what the fast ways give - the
 * scanner's fast paths over strings, comments and text blocks, the quick
 * parse without LAC tried first (parse.h), a parse in two halves
 * (parse_split.h), the check and the model on two threads (check_attrs.c,
 * par.h) - must be what the plain way gives: the same diagnostics, and when
 * clean the same JSON export, as the parser with LAC alone over the whole
 * file on one thread, its scanner's DFA alone. The target aborts when
 * either fails.
 *
 * Output: nothing. A crash, a sanitizer report, a leak or a timeout is a
 * finding (see docs/performance.md for how to turn it into a regression
 * test). Memory is owned by the Compilation and freed per input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "checks.h"
#include "cli.h"
#include "compile.h"
#include "date.h"
#include "diag.h"
#include "jsonw.h"
#include "model.h"
#include "status.h"
#include "strbuf.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The as-of date of the tests: 2026-06-01 as a day number. */
static int fuzz_as_of(void)
{
    int day = 0;
    date_from_ymd(2026, 6, 1, &day);
    return day;
}

/* The oracle: output for programs is valid UTF-8. */
static void require_utf8(const StrBuf *out, const char *what)
{
    size_t bad = utf8_first_invalid(out->data ? out->data : "", out->len);
    if (bad != out->len) {
        fprintf(stderr, "fuzz_check: %s output is not UTF-8 at byte %zu\n", what, bad);
        abort();
    }
}

static void render_all(DiagEngine *d)
{
    static const DiagFormat FORMATS[] = { DIAG_TEXT, DIAG_JSON, DIAG_SARIF };
    for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
        StrBuf out;
        strbuf_init(&out);
        DiagRenderOptions ro = { FORMATS[i], FORMATS[i] == DIAG_TEXT, true };
        diag_render(d, &ro, &out);
        if (FORMATS[i] != DIAG_TEXT) /* text shows a file's bytes as they are */
            require_utf8(&out, FORMATS[i] == DIAG_JSON ? "JSON diagnostics" : "SARIF");
        strbuf_free(&out);
    }
}

static void run_backends(Compilation *c, Model *m, int as_of)
{
    static int (*const BACKENDS[])(const BackendCtx *, StrBuf *) = {
        backend_csv, backend_ics, backend_json,
    };
    CliOptions cli;
    memset(&cli, 0, sizeof cli);
    cli.sep = ',';
    cli.with_calendar = true;
    cli.as_of = as_of;
    cli.max_errors = 50;
    BackendCtx ctx = { &cli, c, m, as_of, (long long)as_of * 86400, NULL };
    for (size_t i = 0; i < sizeof BACKENDS / sizeof BACKENDS[0]; i++) {
        StrBuf out;
        strbuf_init(&out);
        BACKENDS[i](&ctx, &out);
        require_utf8(&out, "backend");
        strbuf_free(&out);
    }
    StrBuf out;
    strbuf_init(&out);
    status_render(m, &out);
    require_utf8(&out, "status");
    strbuf_free(&out);
}

/* The front end, the model and the checks, the fast ways or the plain
 * one (the parser with LAC alone, whole, on one thread); returns the model
 * (NULL after errors). */
static Model *check_text(Compilation *c, CompileOptions *opt, const uint8_t *data, size_t size, bool plain)
{
    memset(opt, 0, sizeof *opt);
    opt->max_errors = 50;
    /* A small budget, so that the larger dense inputs take the E008 path
     * (the stdlib and a real plan of this size need well under 1 MiB). */
    opt->max_memory = 2u << 20;
    opt->as_of = fuzz_as_of();
    opt->need_plan = false;
    opt->parallel_parse = !plain;
    opt->parse_lac_only = plain;
    opt->parse_plain_scan = plain;
    compilation_init(c, opt);
    compile_text(c, "fuzz.ruta", (const char *)data, size);
    Model *m = NULL;
    if (c->diag.errors == 0) {
        m = model_build(c);
        checks_run(c, m);
    }
    DiagPolicy policy = { NULL, 0, NULL, 0, false };
    diag_finalize(&c->diag, &policy);
    return m;
}

static void render_json(DiagEngine *d, StrBuf *out)
{
    DiagRenderOptions ro = { DIAG_JSON, false, true };
    diag_render(d, &ro, out);
}

static void render_model_json(Compilation *c, Model *m, StrBuf *out)
{
    CliOptions cli;
    memset(&cli, 0, sizeof cli);
    cli.as_of = fuzz_as_of();
    BackendCtx ctx = { &cli, c, m, cli.as_of, (long long)cli.as_of * 86400, NULL };
    backend_json(&ctx, out);
}

/* The second oracle: the fast ways - the quick parse first, the parse in
 * two halves of an input it can cut (RUTA_SPLIT_MIN is 128 bytes in this
 * build, mk/fuzz.mk), attributes and model on two threads (RUTA_PAR_MIN
 * is 2) - give the diagnostics and the JSON export of the plain way. */
static void require_same_as_plain(const uint8_t *data, size_t size, Compilation *split, Model *split_model)
{
    CompileOptions opt;
    Compilation c;
    Model *m = check_text(&c, &opt, data, size, true);
    if (!m != !split_model) {
        fprintf(stderr, "fuzz_check: the model was built by one way and not by the other\n");
        abort();
    }
    if (m && m->plan && diag_count(&c.diag, SEV_ERROR) == 0) {
        StrBuf x, y;
        strbuf_init(&x);
        strbuf_init(&y);
        render_model_json(split, split_model, &x);
        render_model_json(&c, m, &y);
        if (x.len != y.len || (x.len && memcmp(x.data, y.data, x.len) != 0)) {
            fprintf(stderr, "fuzz_check: the JSON export differs between the two ways\n");
            abort();
        }
        strbuf_free(&x);
        strbuf_free(&y);
    }
    DiagEngine *split_diag = &split->diag;
    StrBuf a, b;
    strbuf_init(&a);
    strbuf_init(&b);
    render_json(split_diag, &a);
    render_json(&c.diag, &b);
    if (a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0)) {
        fprintf(stderr, "fuzz_check: the fast ways and the plain one give different diagnostics\n"
                        "fast:\n%s\nplain:\n%s\n", strbuf_cstr(&a), strbuf_cstr(&b));
        abort();
    }
    strbuf_free(&a);
    strbuf_free(&b);
    compilation_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int as_of = fuzz_as_of();
    CompileOptions opt;
    Compilation c;
    Model *m = check_text(&c, &opt, data, size, false);
    render_all(&c.diag);
    require_same_as_plain(data, size, &c, m);
    if (m && m->plan && diag_count(&c.diag, SEV_ERROR) == 0)
        run_backends(&c, m, as_of);
    compilation_free(&c);
    return 0;
}
