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

enum { PAGE = 4096 };

/* No huge pages are asked for (MADV_HUGEPAGE): a virtual machine that
 * reports free memory to its host reports free 2 MiB blocks, which the
 * host takes back, so a huge page comes cold and zeroing it costs a host
 * fault every 4 KiB, where a small page comes from memory the guest still
 * holds. Measured in docs/performance.md 3.14: nearly twice the time on
 * the big plans. The kernel's own policy (transparent_hugepage=always)
 * still applies. */
void *bigmem_reserve(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
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
