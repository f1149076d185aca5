/* fmt.c - the `ruta fmt` command (spec section 10; rules in docs/fmt.md).
 *
 * Each file is formatted on its own (no module is loaded: the formatter
 * needs only the syntax). Before anything is printed or written, the output
 * is parsed again and its meaning compared with the original's
 * (fmt_verify.h); a mismatch is an internal error (exit 2) and the file is
 * left alone. Modes:
 *   ruta fmt F...          the formatted text of each file on stdout
 *   ruta fmt --check F...  the names of the files not formatted, on stdout,
 *                          a summary on stderr, exit 1 when there are some
 *   ruta fmt -w F...       rewrites each file that changes, atomically,
 *                          keeping its permissions (a symlink stays one)
 * `-` reads standard input and writes to standard output. A file with
 * syntax errors gets its diagnostics and exit 1, and is never changed.
 */
#include "fmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt_tree.h"
#include "fmt_verify.h"
#include "output.h"
#include "parse.h"

/* One file's formatting context: its own arena, sources and diagnostics. */
typedef struct FmtFile {
    Arena arena;
    SourceManager sm;
    DiagEngine diag;
    uint32_t file;
} FmtFile;

static int worst(int a, int b)
{
    return a > b ? a : b;
}

/* Reads standard input (at most SOURCE_MAX_BYTES) into the manager. */
static uint32_t load_stdin(SourceManager *sm)
{
    size_t len = 0, cap = 65536;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    for (;;) {
        if (len == cap) {
            if (cap > SOURCE_MAX_BYTES) {
                free(buf);
                return SOURCE_NO_FILE;
            }
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p)
                abort();
            buf = p;
        }
        size_t n = fread(buf + len, 1, cap - len, stdin);
        len += n;
        if (n == 0)
            break;
    }
    uint32_t id = ferror(stdin) || len > SOURCE_MAX_BYTES ? SOURCE_NO_FILE
                                                          : source_add_text(sm, "<stdin>", NULL, buf, len);
    free(buf);
    return id;
}

static void print_diagnostics(DriverEnv *env, DiagEngine *diag)
{
    const CliOptions *o = env->cli;
    DiagPolicy policy = { o->allow, o->nallow, o->deny, o->ndeny, o->werror };
    diag_finalize(diag, &policy);
    StrBuf out;
    strbuf_init(&out);
    DiagRenderOptions ro = { o->format, env->color && o->format == DIAG_TEXT, true };
    diag_render(diag, &ro, &out);
    fwrite(out.data ? out.data : "", 1, out.len, stderr);
    strbuf_free(&out);
}


/* Rewrites a file in place: atomically (output.h), through a symlink to
 * its target, and with the permissions it had. */
static bool rewrite(const char *path, const StrBuf *text)
{
    char *real = realpath(path, NULL);
    const char *target = real ? real : path;
    struct stat st;
    bool had = stat(target, &st) == 0;
    bool ok = output_write(target, text->data ? text->data : "", text->len);
    if (ok && had && chmod(target, st.st_mode & 07777) != 0)
        fprintf(stderr, "ruta: aviso: no se pudieron restaurar los permisos de '%s': %s\n", path,
                strerror(errno));
    free(real);
    return ok;
}

/* What to do with the formatted text of one file, by mode. */
static int deliver(DriverEnv *env, const char *path, const SourceFile *src, const StrBuf *text,
                   size_t *unformatted)
{
    const CliOptions *o = env->cli;
    bool same = text->len == src->len && (src->len == 0 || memcmp(text->data, src->text, src->len) == 0);
    bool is_stdin = strcmp(path, "-") == 0;
    if (o->fmt_check) {
        if (same)
            return 0;
        printf("%s\n", path);
        fflush(stdout);
        (*unformatted)++;
        return 1;
    }
    if (o->fmt_write && !is_stdin)
        return same || rewrite(path, text) ? 0 : 2;
    return output_write("-", text->data ? text->data : "", text->len) ? 0 : 2;
}

static int format_one(DriverEnv *env, const char *path, size_t *unformatted)
{
    FmtFile ff;
    arena_init(&ff.arena);
    ff.arena.limit = env->copt.max_memory;
    source_manager_init(&ff.sm);
    ff.sm.map_files = env->copt.map_sources;
    diag_init(&ff.diag, &ff.arena, &ff.sm, env->cli->max_errors);
    int status = 0;
    SourceError err = SOURCE_UNREADABLE;
    ff.file = strcmp(path, "-") == 0 ? load_stdin(&ff.sm) : source_load_file(&ff.sm, path, &err);
    StrBuf text;
    strbuf_init(&text);
    FileAst *ast = NULL;
    if (ff.file == SOURCE_NO_FILE) {
        fprintf(stderr, "ruta: error: no se puede leer '%s': %s\n", path, source_error_text(err));
        status = 2;
    } else if (!fmt_format(&ff.arena, &ff.diag, &ff.sm, ff.file, &text, &ast)) {
        print_diagnostics(env, &ff.diag);
        status = 1;
    } else if (!fmt_same_meaning(&ff.arena, &ff.sm, path, ast, &text)) {
        fprintf(stderr,
                "ruta: error interno: el formato de '%s' cambiaría su contenido; el archivo no se "
                "modificó (por favor, informe este error con el archivo)\n", path);
        status = 2;
    } else {
        status = deliver(env, path, source_file(&ff.sm, ff.file), &text, unformatted);
    }
    strbuf_free(&text);
    diag_free(&ff.diag);
    source_manager_free(&ff.sm);
    arena_free(&ff.arena);
    return status;
}

int fmt_run(DriverEnv *env)
{
    const CliOptions *o = env->cli;
    int status = 0;
    size_t unformatted = 0;
    for (size_t i = 0; i < o->nfiles; i++)
        status = worst(status, format_one(env, o->files[i], &unformatted));
    if (o->fmt_check && unformatted > 0)
        fprintf(stderr, "ruta: %zu %s sin el formato canónico; 'ruta fmt -w' %s\n", unformatted,
                unformatted == 1 ? "archivo" : "archivos", unformatted == 1 ? "lo corrige" : "los corrige");
    return status;
}
