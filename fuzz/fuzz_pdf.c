/* fuzz_pdf.c - libFuzzer target over the PDF report of a clean plan.
 *
 * Input: any byte string, taken as the text of a plan file "fuzz.ruta"
 * (as in fuzz_check.c). When the front end, the model and the checks
 * report no error and there is a plan declaration, the whole report is
 * laid out and saved as `ruta pdf` does (the default DejaVu fonts, every
 * other option at its default, pages compressed on two threads): the
 * wrapping of hostile text, long words, odd characters, tables that break
 * across pages, the Gantt chart, the index and the content streams
 * (pdf_content.c). libharu itself is the system's, not instrumented; the
 * sanitizers watch Ruta's side of it.
 *
 * Oracles: besides the sanitizers, the backend either succeeds with a
 * complete document (it starts with "%PDF-1." and ends with "%%EOF") or
 * fails leaving `out` empty; a clean plan must not make it fail.
 *
 * Most mutations break the plan and return early, so the rate is that of
 * the front end; a clean input costs a full report (tens of
 * milliseconds).
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
#include "model.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool ends_with(const StrBuf *b, const char *tail)
{
    size_t n = strlen(tail);
    return b->len >= n && memcmp(b->data + b->len - n, tail, n) == 0;
}

static void make_pdf(Compilation *c, Model *m, int as_of)
{
    CliOptions cli;
    memset(&cli, 0, sizeof cli);
    cli.as_of = as_of;
    cli.max_errors = 50;
    cli.jobs = 2;
    BackendCtx ctx = { &cli, c, m, as_of, (long long)as_of * 86400, NULL };
    StrBuf out;
    strbuf_init(&out);
    int status = backend_pdf(&ctx, &out);
    bool whole = out.len > 8 && memcmp(out.data, "%PDF-1.", 7) == 0 && (ends_with(&out, "%%EOF\n") ||
                                                                      ends_with(&out, "%%EOF"));
    if (status != 0 || !whole) {
        fprintf(stderr, "fuzz_pdf: the report of a clean plan failed (status %d, %zu bytes, %s)\n", status,
                out.len, whole ? "complete" : "incomplete");
        abort();
    }
    strbuf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int as_of = 0;
    date_from_ymd(2026, 6, 1, &as_of);
    CompileOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.max_errors = 50;
    opt.max_memory = 2u << 20; /* as in fuzz_check.c */
    opt.as_of = as_of;
    Compilation c;
    compilation_init(&c, &opt);
    compile_text(&c, "fuzz.ruta", (const char *)data, size);
    if (c.diag.errors == 0) {
        Model *m = model_build(&c);
        checks_run(&c, m);
        DiagPolicy policy = { NULL, 0, NULL, 0, false };
        diag_finalize(&c.diag, &policy);
        if (m && m->plan && diag_count(&c.diag, SEV_ERROR) == 0)
            make_pdf(&c, m, as_of);
    }
    compilation_free(&c);
    return 0;
}
