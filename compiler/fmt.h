/* fmt.h - `ruta fmt`: the canonical layout of a Ruta file (spec section 10).
 *
 * Contract: fmt_run() implements the command for the files of the command
 * line: print the formatted text, rewrite in place atomically (-w), or only
 * name the files that are not formatted (--check, exit 1). A file with
 * syntax errors gets its diagnostics, exit 1, and is never changed.
 */
#ifndef RUTA_FMT_H
#define RUTA_FMT_H

#include "driver.h"

int fmt_run(DriverEnv *env);

#endif
