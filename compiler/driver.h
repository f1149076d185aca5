/* driver.h - from command-line options to a checked compilation.
 *
 * Contract: driver_compile() compiles one file with the options of the
 * command line, applies the warning policy (--allow, --deny, -Werror and
 * the plan's `permitir`) and, for the text format, prints the diagnostics
 * to stderr. It returns the exit status so far (0, 1 errors, 2 unreadable
 * file) and leaves the Compilation for a backend to read; the caller frees
 * it. JSON and SARIF diagnostics are appended to `doc` when it is given
 * (one document for several files), else printed to stderr.
 */
#ifndef RUTA_DRIVER_H
#define RUTA_DRIVER_H

#include "cli.h"
#include "compile.h"
#include "jsonw.h"
#include "model.h"

typedef struct DriverEnv {
    const CliOptions *cli;
    CompileOptions copt;   /* derived from cli */
    char exe_stdlib[4096]; /* <dir of the binary>/../share/ruta/stdlib */
    bool color;            /* colour for stderr */
} DriverEnv;

void driver_env_init(DriverEnv *env, const CliOptions *cli);
/* When the front end found no errors, *model receives the typed model
 * (consistency checks have run on it); else NULL. */
int driver_compile(DriverEnv *env, Compilation *c, const char *path, bool need_plan, JsonW *doc,
                   Model **model);

/* The pieces of driver_compile, for commands that check many files in
 * parallel (territorio): check without printing (false: unreadable file,
 * *err says why); apply the warning policy; render the diagnostics to
 * `text` (text format) or into `doc` (JSON/SARIF). */
bool driver_check(const CompileOptions *copt, Compilation *c, const char *path, Model **model,
                  SourceError *err);
void driver_finalize(const DriverEnv *env, Compilation *c);
void driver_emit(const DriverEnv *env, Compilation *c, JsonW *doc, StrBuf *text);

#endif
