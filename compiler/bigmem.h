/* bigmem.h - large zero-filled memory, faulted in in bulk.
 *
 * Contract: bigmem_alloc() returns `n` zeroed bytes (never NULL: out of
 * memory aborts) from an anonymous mapping that is populated in one system
 * call (small pages: no huge pages are asked for, see bigmem.c).
 * bigmem_reserve() returns the same mapping unpopulated, for a caller
 * that populates it piece by piece as it fills it (the arena). Page
 * faults are the main cost of building a big tree on virtual machines;
 * this turns thousands of them into a few. Release with bigmem_free(p, n).
 */
#ifndef RUTA_BIGMEM_H
#define RUTA_BIGMEM_H

#include <stddef.h>

void *bigmem_alloc(size_t n);
/* The same mapping, not populated: pages fault in on first use, or in
 * bulk with bigmem_populate(). */
void *bigmem_reserve(size_t n);
/* Faults in [p, p + n) in one call (p page-aligned or not). */
void bigmem_populate(void *p, size_t n);
void bigmem_free(void *p, size_t n);

/* Zeroed memory for a hash table or an array that grows by doubling:
 * below BIGMEM_TABLE_MIN bytes from calloc, from then on a populated
 * mapping (one system call instead of a page fault per page). Release
 * with bigmem_table_free() and the same n. */
enum { BIGMEM_TABLE_MIN = 64 * 1024 };
void *bigmem_table_alloc(size_t n);
void bigmem_table_free(void *p, size_t n);

#endif
