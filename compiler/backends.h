/* backends.h - the output backends (spec section 9).
 *
 * Contract: each backend reads an error-free, checked compilation through
 * its Model and appends its output to `out` (bytes, deterministic for the
 * same input and as-of date). When ctx->sink is not NULL (csv, ics, json
 * from main.c), the backend hands `out` to output_flush() after each
 * record, component or element, so what it appended so far may already be
 * in the file: it never reads back nor patches what it appended. With a
 * NULL sink (the fuzz target; the PDF backend ignores the sink) `out` ends
 * up holding the whole output. It opens, commits or removes no file
 * itself: the caller does (output.h). On a failure that is not the plan's
 * fault (a missing font, libharu failing) it prints a Spanish message to
 * stderr and returns 2; otherwise 0.
 */
#ifndef RUTA_BACKENDS_H
#define RUTA_BACKENDS_H

#include "cli.h"
#include "compile.h"
#include "model.h"
#include "output.h"
#include "strbuf.h"

typedef struct BackendCtx {
    const CliOptions *cli;   /* options of the command (-o, --sep, --paper...) */
    Compilation *c;          /* the checked compilation (no errors) */
    Model *m;                /* its typed model; m->plan is never NULL */
    int as_of;               /* day number of --as-of */
    long long epoch;         /* SOURCE_DATE_EPOCH when set, else midnight UTC
                                of the as-of date: the only clock backends use */
    OutFile *sink;           /* where `out` streams to, or NULL to keep it whole */
} BackendCtx;

int backend_csv(const BackendCtx *ctx, StrBuf *out);
int backend_ics(const BackendCtx *ctx, StrBuf *out);
int backend_json(const BackendCtx *ctx, StrBuf *out);
int backend_pdf(const BackendCtx *ctx, StrBuf *out);

#endif
