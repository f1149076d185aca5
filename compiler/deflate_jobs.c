/* deflate_jobs.c - zlib through dlopen, jobs shared by a few threads
 * (deflate_jobs.h). Each thread takes the next job from an atomic counter,
 * so a long page does not hold back the others. */
#include "deflate_jobs.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#define ZLIB_SONAME "libz.so.1"

typedef struct Zlib {
    void *handle;
    __typeof__(deflateInit_) *deflateInit_;
    __typeof__(deflate) *deflate;
    __typeof__(deflateReset) *deflateReset;
    __typeof__(deflateBound) *deflateBound;
    __typeof__(deflateEnd) *deflateEnd;
} Zlib;

/* A data pointer is copied into a function pointer with memcpy (POSIX
 * guarantees they agree; ISO C has no conversion). */
static bool sym(Zlib *z, void *fn, size_t size, const char *name)
{
    void *p = dlsym(z->handle, name);
    if (!p)
        return false;
    memcpy(fn, &p, size);
    return true;
}

static bool zlib_open(Zlib *z)
{
    memset(z, 0, sizeof *z);
    z->handle = dlopen(ZLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool ok = z->handle && sym(z, &z->deflateInit_, sizeof z->deflateInit_, "deflateInit_") &&
              sym(z, &z->deflate, sizeof z->deflate, "deflate") &&
              sym(z, &z->deflateReset, sizeof z->deflateReset, "deflateReset") &&
              sym(z, &z->deflateBound, sizeof z->deflateBound, "deflateBound") &&
              sym(z, &z->deflateEnd, sizeof z->deflateEnd, "deflateEnd");
    if (!ok) {
        const char *why = dlerror();
        fprintf(stderr, "ruta: error: no se pudo cargar la biblioteca zlib (%s): %s\n", ZLIB_SONAME, why ? why : "");
        if (z->handle)
            dlclose(z->handle);
        z->handle = NULL;
    }
    return ok;
}

typedef struct Shared {
    const Zlib *z;
    DeflateJob *jobs;
    size_t n;
    atomic_size_t next;
    atomic_bool failed;
} Shared;

/* One job on a stream that is initialised (and reset after). */
static bool run_job(const Zlib *z, z_stream *s, DeflateJob *j)
{
    uLong bound = z->deflateBound(s, (uLong)j->in_len);
    j->out = malloc(bound ? bound : 1);
    if (!j->out)
        return false;
    s->next_in = (Bytef *)(uintptr_t)j->in; /* zlib does not write through next_in */
    s->avail_in = (uInt)j->in_len;
    s->next_out = j->out;
    s->avail_out = (uInt)bound;
    int r = z->deflate(s, Z_FINISH);
    j->out_len = bound - s->avail_out;
    return r == Z_STREAM_END && z->deflateReset(s) == Z_OK;
}

static void *worker(void *arg)
{
    Shared *sh = arg;
    z_stream s;
    memset(&s, 0, sizeof s);
    if (sh->z->deflateInit_(&s, Z_DEFAULT_COMPRESSION, ZLIB_VERSION, (int)sizeof s) != Z_OK) {
        atomic_store(&sh->failed, true);
        return NULL;
    }
    for (;;) {
        if (atomic_load(&sh->failed))
            break;
        size_t i = atomic_fetch_add(&sh->next, 1);
        if (i >= sh->n)
            break;
        if (!run_job(sh->z, &s, &sh->jobs[i]))
            atomic_store(&sh->failed, true);
    }
    sh->z->deflateEnd(&s);
    return NULL;
}

enum { MAX_THREADS = 8 };

bool deflate_jobs(DeflateJob *jobs, size_t n, int threads)
{
    for (size_t i = 0; i < n; i++) {
        jobs[i].out = NULL;
        jobs[i].out_len = 0;
        if (jobs[i].in_len > 0xFFFFFFFFu) { /* zlib counts in uInt */
            fputs("ruta: error: el contenido de una página excede 4 GiB\n", stderr);
            return false;
        }
    }
    if (n == 0)
        return true;
    Zlib z;
    if (!zlib_open(&z))
        return false;
    Shared sh = { .z = &z, .jobs = jobs, .n = n };
    atomic_init(&sh.next, 0);
    atomic_init(&sh.failed, false);
    size_t extra = threads > 1 ? (size_t)threads - 1 : 0;
    if (extra > MAX_THREADS - 1)
        extra = MAX_THREADS - 1;
    if (extra > n - 1)
        extra = n - 1;
    pthread_t t[MAX_THREADS];
    size_t started = 0;
    for (size_t k = 0; k < extra; k++)
        if (pthread_create(&t[started], NULL, worker, &sh) == 0)
            started++;
    worker(&sh);
    for (size_t k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    dlclose(z.handle);
    if (atomic_load(&sh.failed)) {
        fputs("ruta: error: zlib no pudo comprimir el contenido de las páginas\n", stderr);
        deflate_jobs_free(jobs, n);
        return false;
    }
    return true;
}

void deflate_jobs_free(DeflateJob *jobs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(jobs[i].out);
        jobs[i].out = NULL;
        jobs[i].out_len = 0;
    }
}
