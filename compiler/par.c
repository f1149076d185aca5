/* par.c - one loop in two halves at once (par.h). */
#include "par.h"

#include <pthread.h>

typedef struct Half {
    ParFn fn;
    void *ctx;
    Arena *arena;
    size_t from, to;
} Half;

static void *run_half(void *p)
{
    Half *h = p;
    h->fn(h->ctx, h->arena, h->from, h->to);
    return NULL;
}

void par_halves(bool parallel, size_t n, ParFn fn, void *ctx, Arena *arena, Arena *side)
{
    if (!parallel || n < PAR_MIN || n < 2) {
        fn(ctx, arena, 0, n);
        return;
    }
    Half h = { fn, ctx, side, n / 2, n };
    pthread_t thread;
    if (pthread_create(&thread, NULL, run_half, &h) != 0) {
        fn(ctx, arena, 0, n);
        return;
    }
    fn(ctx, arena, 0, n / 2);
    pthread_join(thread, NULL);
}
