/* checks.h - the consistency diagnostics of spec section 6 (E201-W410).
 *
 * Contract: checks_run() reads the typed model of a compilation whose front
 * end reported no errors and reports to c->diag; it changes nothing else.
 * Every pass is linear or n log n in the size of the plan (sorting, one
 * sweep, an iterative depth-first search): no recursion that a long
 * `despues_de` chain could overflow. Day-counting rules are in
 * docs/checks.md.
 */
#ifndef RUTA_CHECKS_H
#define RUTA_CHECKS_H

#include "compile.h"
#include "model.h"

void checks_run(Compilation *c, Model *m);

/* The passes, one file each. */
void check_schedule(Compilation *c, Model *m);     /* E201-W209 */
void check_plan(Compilation *c, Model *m);         /* W301-W310 */
void check_progress(Compilation *c, Model *m);     /* E401-W405 */
void check_records(Compilation *c, Model *m);      /* W406-W410 */

/* "14 de mayo de 2026"-free short form used in messages: "2026-05-14". */
const char *checks_date(Compilation *c, int day);

#endif
