/* par.h - one loop in two halves at once, for the passes after the parse.
 *
 * Contract: par_halves() calls fn(ctx, arena, 0, n) - or, when `parallel`
 * is true and n is at least PAR_MIN, fn(ctx, arena, 0, n / 2) on the
 * calling thread and fn(ctx, side, n / 2, n) on a second thread at the
 * same time. `side` is an arena of the caller's that nothing else uses
 * meanwhile; the caller adopts it into its own once its loops are done
 * (one side arena for several loops leaves one partly used block, not
 * one per loop). The caller's fn must write only what belongs to indexes
 * [from, to) and allocate only from the arena it is given; then the
 * result is the same whichever way it ran. If the thread cannot start,
 * the calling thread does both halves.
 */
#ifndef RUTA_PAR_H
#define RUTA_PAR_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#ifndef RUTA_PAR_MIN
/* Below this a thread costs more than it saves: a sleeping core takes up
 * to milliseconds to wake (docs/performance.md). The sanitizer and fuzzing
 * builds set it to 2, so that every test plan takes both halves. */
#define RUTA_PAR_MIN 4096
#endif
enum { PAR_MIN = RUTA_PAR_MIN };

typedef void (*ParFn)(void *ctx, Arena *arena, size_t from, size_t to);

void par_halves(bool parallel, size_t n, ParFn fn, void *ctx, Arena *arena, Arena *side);

#endif
