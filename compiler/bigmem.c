/* bigmem.c - populated anonymous mappings. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include "bigmem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14 */
#endif

enum { HUGE_PAGE = 2 * 1024 * 1024, PAGE = 4096 };

static void *map_or_die(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    return p;
}

void *bigmem_reserve(size_t n)
{
    if (n < HUGE_PAGE)
        return map_or_die(n);
    /* Aligned to a huge page, so that every 2 MiB of it can be one: a
     * mapping one page off holds none in its first and last 2 MiB. The
     * slack before and after is unmapped again. */
    char *raw = map_or_die(n + HUGE_PAGE);
    char *p = (char *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (p > raw)
        munmap(raw, (size_t)(p - raw));
    size_t tail = (size_t)(raw + n + HUGE_PAGE - (p + n));
    if (tail)
        munmap(p + n, tail);
#ifdef MADV_HUGEPAGE
    (void)madvise(p, n, MADV_HUGEPAGE);
#endif
    return p;
}

void bigmem_populate(void *p, size_t n)
{
    /* madvise wants a page-aligned start. */
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)(PAGE - 1);
    /* Older kernels: ignored, and pages fault in on first use as usual. */
    (void)madvise((void *)start, n + ((uintptr_t)p - start), MADV_POPULATE_WRITE);
}

void *bigmem_alloc(size_t n)
{
    void *p = bigmem_reserve(n);
    bigmem_populate(p, n);
    return p;
}

void bigmem_free(void *p, size_t n)
{
    if (p)
        munmap(p, n);
}

void *bigmem_table_alloc(size_t n)
{
    if (n >= BIGMEM_TABLE_MIN)
        return bigmem_alloc(n);
    void *p = calloc(n ? n : 1, 1);
    if (!p) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    return p;
}

void bigmem_table_free(void *p, size_t n)
{
    if (n >= BIGMEM_TABLE_MIN)
        bigmem_free(p, n);
    else
        free(p);
}
