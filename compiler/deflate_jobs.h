/* deflate_jobs.h - many buffers compressed with zlib at once.
 *
 * Contract: deflate_jobs() compresses each job's input into a fresh heap
 * buffer (zlib format, Z_DEFAULT_COMPRESSION: what libharu writes for a
 * FlateDecode stream), on the calling thread and up to threads-1 more; a
 * job's bytes never depend on the thread or the order, so the output is
 * deterministic. zlib is loaded with dlopen by its soname, like libharu
 * (hpdf_api.h), so that only the commands that make a PDF map it. Returns
 * false after printing a Spanish message when zlib cannot be loaded or
 * fails; the outputs made so far are then freed. deflate_jobs_free()
 * frees the outputs. No global state.
 */
#ifndef RUTA_DEFLATE_JOBS_H
#define RUTA_DEFLATE_JOBS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct DeflateJob {
    const unsigned char *in;
    size_t in_len;
    unsigned char *out; /* set by deflate_jobs (malloc) */
    size_t out_len;
} DeflateJob;

bool deflate_jobs(DeflateJob *jobs, size_t n, int threads);
void deflate_jobs_free(DeflateJob *jobs, size_t n);

#endif
