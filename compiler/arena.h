/* arena.h - region allocator for one compilation.
 *
 * Contract: every allocation lives until arena_free() releases the whole
 * arena at once; nothing is freed one by one. Allocation never returns NULL:
 * on exhaustion of memory the process aborts with a message (the compiler
 * cannot do anything useful without memory). Not thread-safe: one arena per
 * compilation context, never shared between threads while allocating.
 * A budget (`limit`) never fails an allocation: the arena sets `over` when
 * it takes a block past it, and the phases that build trees test the flag
 * and stop with a diagnostic (a hostile file cannot exhaust the machine).
 */
#ifndef RUTA_ARENA_H
#define RUTA_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    char *cur;          /* next free byte of the current block */
    char *end;          /* end of its faulted-in part */
    ArenaBlock *head;   /* current block; older blocks are chained behind it */
    size_t total;       /* bytes of all blocks */
    size_t limit;       /* memory budget in bytes, 0 = none */
    size_t expect;      /* arena_expect(): size of the next block, 0 = none */
    bool over;          /* a block was taken past the budget */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
/* The caller is about to allocate about `bytes` (a parse, from the size
 * of its text). From ARENA_EXPECT_MIN on, the next block taken is big
 * enough for it, in whole pages (at most the largest block, and never
 * past a quarter of the budget left): one mapping where blocks that
 * double from 64 KiB would take several (docs/performance.md 3.13,
 * 3.14). Smaller expectations change nothing. */
#ifndef RUTA_EXPECT_MIN
/* The sanitizer and fuzzing builds set it to 1 KiB, so that their small
 * inputs take the expected blocks too. */
#define RUTA_EXPECT_MIN (1024 * 1024)
#endif
enum { ARENA_EXPECT_MIN = RUTA_EXPECT_MIN };
void arena_expect(Arena *a, size_t bytes);
/* Leaves the arena empty without unmapping its blocks, for a process
 * that is about to exit: the kernel then reclaims them in the exit's
 * single sweep of the address space, which costs less than one munmap
 * a block (each flushes the TLB of every core the process ran on). Not
 * for anything that goes on running: the memory is lost until exit. */
void arena_abandon(Arena *a);

/* Moves every block of `from` into `into` (which keeps allocating from
 * its own current block) and leaves `from` empty: what was allocated in
 * `from` now lives until arena_free(into). For trees built in a private
 * arena by another thread (parse_split.c). */
void arena_adopt(Arena *into, Arena *from);

/* A point in the arena's history, to go back to. */
typedef struct ArenaMark {
    ArenaBlock *head;
    char *cur;
    size_t total;
    bool over;
} ArenaMark;

ArenaMark arena_mark(const Arena *a);
/* Undoes every allocation made since `m` (taken from this arena, with no
 * arena_adopt() in between): the blocks taken since are released and
 * the memory given out since in the block then current is zeroed again,
 * so allocations stay zero-filled. Pointers into that memory are dead.
 * For a parse that is thrown away and done again (parse.c). */
void arena_rollback(Arena *a, ArenaMark m);

/* The slow path of arena_alloc: a new block, or more of it faulted in.
 * size is already rounded up to 8. */
void *arena_alloc_slow(Arena *a, size_t size);

/* Zero-filled, aligned to 8 bytes (every type the compiler stores). The
 * common case, room left in the current block, is inline: the parser
 * allocates once or twice per token. */
static inline void *arena_alloc(Arena *a, size_t size)
{
    size = ((size ? size : 1) + 7) & ~(size_t)7;
    if (size <= (uintptr_t)a->end - (uintptr_t)a->cur) {
        void *p = a->cur;
        a->cur += size;
        return p;
    }
    return arena_alloc_slow(a, size);
}
/* Copy of s[0..len) with a terminating NUL. */
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_strdup(Arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(Arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_NEW_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif
