/* main.c - the `ruta` command: parses the command line and runs a command. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "backends.h"
#include "driver.h"
#include "fmt.h"
#include "lsp.h"
#include "output.h"
#include "schema.h"
#include "status.h"
#include "territorio.h"

static int worst(int a, int b)
{
    return a > b ? a : b;
}

/* ruta check FILE...: every file is its own compilation. */
static int run_check(DriverEnv *env)
{
    const CliOptions *o = env->cli;
    StrBuf docbuf;
    strbuf_init(&docbuf);
    JsonW doc;
    jsonw_init(&doc, &docbuf);
    bool machine = o->format != DIAG_TEXT;
    if (o->format == DIAG_JSON)
        diag_json_begin(&doc);
    else if (o->format == DIAG_SARIF)
        diag_sarif_begin(&doc);
    int status = 0;
    for (size_t i = 0; i < o->nfiles; i++) {
        Compilation c;
        status = worst(status, driver_compile(env, &c, o->files[i], false, machine ? &doc : NULL, NULL));
        if (i + 1 < o->nfiles)
            compilation_free(&c);
        else
            compilation_free_at_exit(&c);
    }
    if (o->format == DIAG_JSON)
        diag_json_end(&doc);
    else if (o->format == DIAG_SARIF)
        diag_sarif_end(&doc);
    if (machine)
        fwrite(docbuf.data, 1, docbuf.len, stdout);
    strbuf_free(&docbuf);
    return status;
}

/* SOURCE_DATE_EPOCH when it is a valid number, else the as-of date. */
static long long clock_epoch(int as_of)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s && *s) {
        char *end;
        long long v = strtoll(s, &end, 10);
        if (!*end && v >= 0 && v < 32503680000LL)
            return v;
    }
    return (long long)as_of * 86400;
}

typedef struct Backend {
    int (*render)(const BackendCtx *, StrBuf *);
    bool streams;  /* renders into an open OutFile (output.h); else whole, then written */
} Backend;

static const Backend BACKENDS[CMD_COUNT] = {
    [CMD_PDF] = { backend_pdf, false }, /* libharu builds the document in memory */
    [CMD_CSV] = { backend_csv, true },
    [CMD_ICS] = { backend_ics, true },
    [CMD_JSON] = { backend_json, true },
};

/* Renders while writing to the temporary file, renamed over `path` once
 * complete; nothing is left behind on a failure. */
static int render_streamed(const Backend *b, BackendCtx *ctx, const char *path)
{
    OutFile f;
    if (!output_open(&f, path))
        return 2;
    StrBuf out;
    strbuf_init(&out);
    ctx->sink = &f;
    int status = b->render(ctx, &out);
    if (status != 0)
        output_abort(&f);
    else if (!output_commit(&f, &out))
        status = 2;
    strbuf_free(&out);
    return status;
}

/* Renders the whole output, then writes it. */
static int render_whole(const Backend *b, BackendCtx *ctx, const char *path)
{
    StrBuf out;
    strbuf_init(&out);
    int status = b->render(ctx, &out);
    if (status == 0 && !output_write(path, out.data ? out.data : "", out.len))
        status = 2;
    strbuf_free(&out);
    return status;
}

/* ruta pdf|csv|ics|json FILE: full check, then the backend and an atomic
 * write; nothing is written, not even a temporary file, when the plan has
 * errors. */
static int run_backend(DriverEnv *env)
{
    const CliOptions *o = env->cli;
    Compilation c;
    Model *m = NULL;
    int status = driver_compile(env, &c, o->files[0], true, NULL, &m);
    if (status == 0 && m && m->plan) {
        BackendCtx ctx = { o, &c, m, o->as_of, clock_epoch(o->as_of), NULL };
        const Backend *b = &BACKENDS[o->cmd];
        const char *path = o->output ? o->output : "-";
        status = b->streams ? render_streamed(b, &ctx, path) : render_whole(b, &ctx, path);
    }
    compilation_free_at_exit(&c);
    return status;
}

/* ruta status FILE: the progress table on stdout after a full check. */
static int run_status(DriverEnv *env)
{
    Compilation c;
    Model *m = NULL;
    int status = driver_compile(env, &c, env->cli->files[0], true, NULL, &m);
    if (status == 0 && m && m->plan) {
        StrBuf out;
        strbuf_init(&out);
        status_render(m, &out);
        if (!output_write("-", out.data ? out.data : "", out.len))
            status = 2;
        strbuf_free(&out);
    }
    compilation_free_at_exit(&c);
    return status;
}

static int print_table(void (*fn)(StrBuf *))
{
    StrBuf b;
    strbuf_init(&b);
    fn(&b);
    fputs(strbuf_cstr(&b), stdout);
    strbuf_free(&b);
    return 0;
}

/* A big plan is mapped, not read (source.h). When the file shrinks while
 * it is mapped (another program rewrites it in place), touching a page
 * past its new end raises SIGBUS: say what happened and exit 2 rather than
 * die. Only async-signal-safe calls. No output file is open then: the
 * streamed backends (csv, ics, json) open theirs after a clean check and
 * do not read the sources; the PDF (which reads line numbers) and
 * territorio render whole before they open a file (docs/decisions.md). */
static void on_sigbus(int sig)
{
    (void)sig;
    static const char msg[] =
        "ruta: error: un archivo de entrada cambió mientras se leía; vuelva a ejecutar el comando\n";
    ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)n;
    _exit(2);
}

static void catch_sigbus(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigbus;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
}

int main(int argc, char **argv)
{
    /* A file size limit (ulimit -f) makes a write fail with EFBIG, reported
     * and cleaned up like a full disk, instead of killing the process with
     * its temporary file left behind (output.h). */
    signal(SIGXFSZ, SIG_IGN);
    CliOptions o;
    int r = cli_parse(argc, argv, &o, stdout, stderr);
    if (r != CLI_OK) {
        cli_free(&o);
        return r == CLI_EXIT_OK ? 0 : 2;
    }
    int status;
    DriverEnv env;
    driver_env_init(&env, &o);
    if (env.copt.map_sources)
        catch_sigbus();
    if (o.list_codes) {
        status = print_table(diag_catalog_markdown);
    } else if (o.list_schema) {
        status = print_table(schema_markdown);
    } else if (o.cmd == CMD_CHECK) {
        status = run_check(&env);
    } else if (o.cmd == CMD_PDF || o.cmd == CMD_CSV || o.cmd == CMD_ICS || o.cmd == CMD_JSON) {
        status = run_backend(&env);
    } else if (o.cmd == CMD_STATUS) {
        status = run_status(&env);
    } else if (o.cmd == CMD_FMT) {
        status = fmt_run(&env);
    } else if (o.cmd == CMD_LSP) {
        status = lsp_run(&env);
    } else if (o.cmd == CMD_TERRITORIO) {
        status = territorio_run(&env);
    } else {
        fprintf(stderr, "ruta: error: el comando '%s' aún no está disponible en esta versión\n",
                cli_command_name(o.cmd));
        status = 2;
    }
    cli_free(&o);
    return status;
}
