/* bigmem.h - large zero-filled memory, faulted in up front.
 *
 * Contract: bigmem_alloc() returns `n` zeroed bytes (never NULL: out of
 * memory aborts) from an anonymous mapping that is populated in one system
 * call and, when large, backed by transparent huge pages. Page faults are
 * the main cost of building a big tree on virtual machines; this turns
 * thousands of them into a few. Release with bigmem_free(p, n).
 */
#ifndef RUTA_BIGMEM_H
#define RUTA_BIGMEM_H

#include <stddef.h>

void *bigmem_alloc(size_t n);
void bigmem_free(void *p, size_t n);

#endif
