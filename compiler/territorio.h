/* territorio.h - `ruta territorio`: every school's plan in one run.
 *
 * Contract: territorio_run() finds every *.ruta file under the directories
 * and files given (sorted by path; a file with no `plan` declaration is a
 * module and is skipped), checks each as its own compilation on -j worker
 * threads (the standard library parsed once and shared read-only), adds
 * the cross-school warning W501, prints all diagnostics in path order
 * whatever -j is, and writes the consolidated --csv, --ics and --pdf
 * outputs atomically. Exit 1 when any plan has errors, 2 on usage or I/O
 * errors, else 0.
 */
#ifndef RUTA_TERRITORIO_H
#define RUTA_TERRITORIO_H

#include "driver.h"

int territorio_run(DriverEnv *env);

#endif
