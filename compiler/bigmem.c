/* bigmem.c - populated anonymous mappings. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include "bigmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14 */
#endif

enum { HUGE_PAGE = 2 * 1024 * 1024 };

void *bigmem_alloc(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
#ifdef MADV_HUGEPAGE
    if (n >= HUGE_PAGE)
        (void)madvise(p, n, MADV_HUGEPAGE);
#endif
    /* Fault every page in now, in one call (older kernels: ignored, and
     * pages fault in on first use as usual). */
    (void)madvise(p, n, MADV_POPULATE_WRITE);
    return p;
}

void bigmem_free(void *p, size_t n)
{
    if (p)
        munmap(p, n);
}
