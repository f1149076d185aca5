/* driver.c - compile one file as the command line asks, print diagnostics. */
#include "driver.h"

#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void driver_env_init(DriverEnv *env, const CliOptions *cli)
{
    memset(env, 0, sizeof *env);
    env->cli = cli;
    env->copt.include_dirs = cli->include;
    env->copt.ninclude = cli->ninclude;
    env->copt.ruta_path = getenv("RUTA_PATH");
    env->copt.max_errors = cli->max_errors;
    env->copt.max_memory = cli->max_memory_mib << 20;
    env->copt.as_of = cli->as_of;
    /* A command that runs once maps big plans instead of reading them; a
     * server would keep mappings of files the user may rewrite. */
    env->copt.map_sources = cli->cmd != CMD_LSP;
    /* A big plan is parsed in two halves at once when there is a second
     * core and -j does not say 1; territorio has its own threads (one plan
     * each) and the language server its own timing. */
    env->copt.parallel_parse = cli->cmd != CMD_LSP && cli->cmd != CMD_TERRITORIO && cli->cmd != CMD_FMT &&
                               cli_threads(cli) > 1;
    /* An installed binary finds its stdlib relative to itself. */
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(env->exe_stdlib, sizeof env->exe_stdlib, "%.3000s/../share/ruta/stdlib", exe);
            env->copt.exe_stdlib = env->exe_stdlib;
        }
    }
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    env->color = cli->color == COLOR_ALWAYS ||
                 (cli->color == COLOR_AUTO && isatty(STDERR_FILENO) && !(no_color && *no_color) &&
                  !(term && strcmp(term, "dumb") == 0));
}

void driver_finalize(const DriverEnv *env, Compilation *c)
{
    const CliOptions *o = env->cli;
    size_t nallow = o->nallow + c->nallow;
    const char **allow = malloc((nallow ? nallow : 1) * sizeof *allow);
    if (!allow)
        abort();
    for (size_t i = 0; i < o->nallow; i++)
        allow[i] = o->allow[i];
    for (size_t i = 0; i < c->nallow; i++)
        allow[o->nallow + i] = c->allow[i];
    DiagPolicy policy = { allow, nallow, o->deny, o->ndeny, o->werror };
    diag_finalize(&c->diag, &policy);
    free(allow);
}

bool driver_check(const CompileOptions *copt, Compilation *c, const char *path, Model **model, SourceError *err)
{
    compilation_init(c, copt);
    if (model)
        *model = NULL;
    if (!compile_file(c, path, err))
        return false;
    /* Consistency checks need a sound tree: they run only when the front
     * end found no errors, so one mistake never cascades. */
    if (c->diag.errors == 0) {
        Model *m = model_build(c);
        checks_run(c, m);
        if (model)
            *model = m;
    }
    return true;
}

void driver_emit(const DriverEnv *env, Compilation *c, JsonW *doc, StrBuf *text)
{
    const CliOptions *o = env->cli;
    if (o->format == DIAG_TEXT || !doc) {
        DiagRenderOptions ro = { o->format, env->color && o->format == DIAG_TEXT, true };
        diag_render(&c->diag, &ro, text);
    } else if (o->format == DIAG_JSON) {
        diag_json_items(&c->diag, doc);
    } else {
        diag_sarif_items(&c->diag, doc);
    }
}

int driver_compile(DriverEnv *env, Compilation *c, const char *path, bool need_plan, JsonW *doc,
                   Model **model)
{
    env->copt.need_plan = need_plan;
    SourceError err;
    if (!driver_check(&env->copt, c, path, model, &err)) {
        fprintf(stderr, "ruta: error: no se puede leer '%s': %s\n", path, source_error_text(err));
        return 2;
    }
    driver_finalize(env, c);
    StrBuf out;
    strbuf_init(&out);
    driver_emit(env, c, doc, &out);
    fwrite(out.data ? out.data : "", 1, out.len, stderr);
    strbuf_free(&out);
    return diag_count(&c->diag, SEV_ERROR) ? 1 : 0;
}
