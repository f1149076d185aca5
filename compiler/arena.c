/* arena.c - region allocator: large blocks carved linearly. */
#include "arena.h"

#include "bigmem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *prev;   /* the block filled before this one */
    size_t size;        /* usable bytes in data[] */
    size_t populated;   /* bytes of data[] faulted in */
    size_t mapped;      /* bytes of the mapping holding the block */
    max_align_t data[]; /* storage, aligned for any type */
};

/* Blocks double from 64 KiB up to 8 MiB and stay there (or start bigger:
 * arena_expect). They come from bigmem (zeroed mappings): allocations
 * need no memset. A block is faulted in ahead of use, ARENA_POPULATE
 * bytes at a time in one call each, instead of page by page on first
 * touch; the unused tail of the last block is never touched, so it costs
 * neither time nor resident memory. Allocations are aligned
 * to 8 bytes, enough for every type the compiler stores (pointers,
 * doubles, 64-bit integers). */
enum {
    ARENA_BLOCK_MIN = 64 * 1024,
    ARENA_BLOCK_MAX = 8 * 1024 * 1024,
    ARENA_POPULATE = 512 * 1024,
    ARENA_PAGE = 4096,
    ARENA_ALIGN = 8
};

void arena_init(Arena *a)
{
    a->cur = a->end = NULL;
    a->head = NULL;
    a->total = 0;
    a->limit = 0;
    a->expect = 0;
    a->over = false;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *prev = b->prev;
        bigmem_free(b, b->mapped);
        b = prev;
    }
    a->cur = a->end = NULL;
    a->head = NULL;
    a->total = 0;
}

void arena_abandon(Arena *a)
{
    a->cur = a->end = NULL;
    a->head = NULL;
    a->total = 0;
}

/* Bytes the current block can still give out. */
static size_t room_left(const Arena *a)
{
    return a->head->size - (size_t)(a->cur - (char *)a->head->data);
}

void arena_adopt(Arena *into, Arena *from)
{
    if (!from->head)
        return;
    if (!into->head) {
        into->cur = from->cur;
        into->end = from->end;
        into->head = from->head;
    } else if (room_left(from) > room_left(into)) {
        /* from's current block has more room left: it becomes the one
         * allocated from, into's blocks behind it. A half-used big block
         * is not left behind for a small one. */
        ArenaBlock *oldest = from->head;
        while (oldest->prev)
            oldest = oldest->prev;
        oldest->prev = into->head;
        into->head = from->head;
        into->cur = from->cur;
        into->end = from->end;
    } else {
        /* Behind into's current block: it stays the one allocated from. */
        ArenaBlock *oldest = from->head;
        while (oldest->prev)
            oldest = oldest->prev;
        oldest->prev = into->head->prev;
        into->head->prev = from->head;
    }
    into->total += from->total;
    if (into->limit && into->total > into->limit)
        into->over = true;
    from->cur = from->end = NULL;
    from->head = NULL;
    from->total = 0;
}

ArenaMark arena_mark(const Arena *a)
{
    return (ArenaMark){ a->head, a->cur, a->total, a->over };
}

void arena_rollback(Arena *a, ArenaMark m)
{
    /* What was used of the marked block after the mark ends at a->cur
     * when it is still current, else somewhere in its populated part. */
    char *used_end = a->cur;
    while (a->head != m.head) {
        ArenaBlock *b = a->head;
        a->head = b->prev;
        bigmem_free(b, b->mapped);
        used_end = a->head ? (char *)a->head->data + a->head->populated : NULL;
    }
    if (m.head) {
        char *populated_end = (char *)m.head->data + m.head->populated;
        if (used_end > m.cur)
            memset(m.cur, 0, (size_t)(used_end - m.cur));
        a->cur = m.cur;
        a->end = populated_end;
    } else {
        a->cur = a->end = NULL;
    }
    a->total = m.total;
    a->over = m.over;
}

void arena_expect(Arena *a, size_t bytes)
{
    a->expect = bytes >= ARENA_EXPECT_MIN ? bytes : 0;
}

static size_t round_up(size_t n, size_t to)
{
    return (n + to - 1) / to * to;
}

/* The mapping of the next block: twice the last one, from ARENA_BLOCK_MIN
 * up to ARENA_BLOCK_MAX; what arena_expect() asked for when more; what
 * one large allocation needs when more still. */
static size_t next_block_size(const Arena *a, size_t size)
{
    size_t want = ARENA_BLOCK_MIN;
    if (a->head)
        want = a->head->mapped >= ARENA_BLOCK_MAX / 2 ? ARENA_BLOCK_MAX : a->head->mapped * 2;
    if (a->expect > want) {
        size_t hinted = round_up(a->expect, ARENA_PAGE);
        if (hinted > ARENA_BLOCK_MAX)
            hinted = ARENA_BLOCK_MAX;
        size_t left = a->limit > a->total ? a->limit - a->total : 0;
        if (hinted > want && (!a->limit || hinted <= left / 4))
            want = hinted;
    }
    size_t need = sizeof(ArenaBlock) + size;
    return need > want ? round_up(need, ARENA_PAGE) : want;
}

void *arena_alloc_slow(Arena *a, size_t size)
{
    ArenaBlock *b = a->head;
    size_t used = b ? (size_t)(a->cur - (char *)b->data) : 0;
    if (!b || b->size - used < size) {
        size_t mapped = next_block_size(a, size);
        size_t want = mapped - sizeof(ArenaBlock);
        a->expect = 0;
        b = bigmem_reserve(mapped);
        size_t first = want < ARENA_POPULATE ? want : ARENA_POPULATE;
        bigmem_populate(b, sizeof(ArenaBlock) + first);
        b->prev = a->head;
        b->size = want;
        b->populated = first;
        b->mapped = mapped;
        a->head = b;
        a->total += want;
        if (a->limit && a->total > a->limit)
            a->over = true;
        used = 0;
    }
    if (used + size > b->populated) {
        size_t upto = used + size + ARENA_POPULATE;
        if (upto > b->size)
            upto = b->size;
        bigmem_populate((char *)b->data + b->populated, upto - b->populated);
        b->populated = upto;
    }
    char *p = (char *)b->data + used;
    a->cur = p + size;
    a->end = (char *)b->data + b->populated;
    return p; /* fresh mapping: already zero */
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
