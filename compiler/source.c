/* source.c - loading source files and mapping offsets to lines and columns. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bigmem.h"
#include "utf8.h"

/* Files at least this big are read into a bigmem mapping. */
enum { BIG_FILE = 256 * 1024 };

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xrealloc(NULL, n);
    memcpy(p, s, n);
    return p;
}

void source_manager_init(SourceManager *sm)
{
    sm->files = NULL;
    sm->nfiles = sm->cap = 0;
}

void source_manager_free(SourceManager *sm)
{
    for (size_t i = 0; i < sm->nfiles; i++) {
        SourceFile *f = &sm->files[i];
        free(f->path);
        free(f->real);
        if (f->owned_text && f->mapped)
            bigmem_free(f->text, f->mapped);
        else if (f->owned_text)
            free(f->text);
        if (!f->shared)
            free(f->lines);
    }
    free(sm->files);
    source_manager_init(sm);
}

static uint32_t add_file(SourceManager *sm, const char *path, const char *real,
                         char *text, size_t len)
{
    if (sm->nfiles == sm->cap) {
        sm->cap = sm->cap ? sm->cap * 2 : 8;
        sm->files = xrealloc(sm->files, sm->cap * sizeof *sm->files);
    }
    SourceFile *f = &sm->files[sm->nfiles];
    f->path = xstrdup(path);
    f->real = xstrdup(real);
    f->text = text;
    f->len = len;
    f->lines = NULL;
    f->nlines = 0;
    f->owned_text = 1;
    f->shared = 0;
    f->mapped = 0;
    return (uint32_t)sm->nfiles++;
}

uint32_t source_add_text(SourceManager *sm, const char *path, const char *real, const char *text,
                         size_t len)
{
    char *copy = xrealloc(NULL, len + 2);
    if (len)
        memcpy(copy, text, len);
    copy[len] = copy[len + 1] = '\0';
    return add_file(sm, path, real ? real : "", copy, len);
}

static SourceError errno_to_error(int e)
{
    switch (e) {
    case ENOENT:
    case ENOTDIR: return SOURCE_NOT_FOUND;
    case EISDIR: return SOURCE_NOT_REGULAR;
    default: return SOURCE_UNREADABLE;
    }
}

uint32_t source_load_file(SourceManager *sm, const char *path, SourceError *err)
{
    struct stat st;
    *err = SOURCE_OK;
    /* O_NONBLOCK so that opening a FIFO never blocks before fstat refuses it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *err = errno_to_error(errno);
        return SOURCE_NO_FILE;
    }
    if (fstat(fd, &st) != 0) {
        *err = SOURCE_UNREADABLE;
        close(fd);
        return SOURCE_NO_FILE;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = SOURCE_NOT_REGULAR;
        close(fd);
        return SOURCE_NO_FILE;
    }
    if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
        *err = SOURCE_TOO_LARGE;
        close(fd);
        return SOURCE_NO_FILE;
    }
    size_t cap = (size_t)st.st_size, len = 0;
    /* A big file goes to a populated mapping (see bigmem.h), with room to
     * spare in case it grows while we read; it is copied to the heap only
     * if it outgrows that. */
    size_t mapped = cap >= BIG_FILE ? cap + 4096 + 2 : 0;
    char *text = mapped ? bigmem_alloc(mapped) : xrealloc(NULL, cap + 2);
    if (mapped)
        cap += 4096;
    for (;;) {
        if (len == cap) {
            /* The file grew while we read it: keep reading up to the cap. */
            if (cap >= SOURCE_MAX_BYTES) {
                char probe;
                ssize_t extra = read(fd, &probe, 1);
                if (extra > 0) {
                    *err = SOURCE_TOO_LARGE;
                    if (mapped)
                        bigmem_free(text, mapped);
                    else
                        free(text);
                    close(fd);
                    return SOURCE_NO_FILE;
                }
                break;
            }
            cap = cap ? cap * 2 : 4096;
            if (cap > SOURCE_MAX_BYTES)
                cap = SOURCE_MAX_BYTES;
            if (mapped) {
                char *heap = xrealloc(NULL, cap + 2);
                memcpy(heap, text, len);
                bigmem_free(text, mapped);
                text = heap;
                mapped = 0;
            } else {
                text = xrealloc(text, cap + 2);
            }
        }
        ssize_t n = read(fd, text + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *err = SOURCE_UNREADABLE;
            if (mapped)
                bigmem_free(text, mapped);
            else
                free(text);
            close(fd);
            return SOURCE_NO_FILE;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    text[len] = text[len + 1] = '\0';
    char real[PATH_MAX];
    const char *r = realpath(path, real) ? real : path;
    uint32_t id = add_file(sm, path, r, text, len);
    sm->files[id].mapped = mapped;
    return id;
}

static void build_lines(SourceFile *f);

uint32_t source_import(SourceManager *sm, const SourceFile *shared)
{
    uint32_t id = add_file(sm, shared->path, shared->real, shared->text, shared->len);
    SourceFile *f = &sm->files[id];
    f->owned_text = 0;
    f->shared = 1;
    f->lines = shared->lines;
    f->nlines = shared->nlines;
    return id;
}

void source_prepare_shared(SourceManager *sm)
{
    for (size_t i = 0; i < sm->nfiles; i++)
        if (!sm->files[i].lines)
            build_lines(&sm->files[i]);
}

uint32_t source_find_real(const SourceManager *sm, const char *real)
{
    for (size_t i = 0; i < sm->nfiles; i++)
        if (sm->files[i].real[0] && strcmp(sm->files[i].real, real) == 0)
            return (uint32_t)i;
    return SOURCE_NO_FILE;
}

const SourceFile *source_file(const SourceManager *sm, uint32_t id)
{
    return id < sm->nfiles ? &sm->files[id] : NULL;
}

static void build_lines(SourceFile *f)
{
    size_t n = 1;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            n++;
    f->lines = xrealloc(NULL, n * sizeof *f->lines);
    f->nlines = 0;
    f->lines[f->nlines++] = 0;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            f->lines[f->nlines++] = (uint32_t)(i + 1);
}

void source_line_col(SourceManager *sm, uint32_t file, uint32_t offset,
                     unsigned *line, unsigned *col)
{
    SourceFile *f = file < sm->nfiles ? &sm->files[file] : NULL;
    if (!f) {
        *line = *col = 0;
        return;
    }
    if (!f->lines)
        build_lines(f);
    if (offset > f->len)
        offset = (uint32_t)f->len;
    size_t lo = 0, hi = f->nlines; /* find last line start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)(lo + 1);
    uint32_t start = f->lines[lo];
    if (lo == 0 && f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0 && offset >= 3)
        start = 3; /* a byte-order mark is not a column */
    *col = (unsigned)(utf8_count(f->text + start, offset - start) + 1);
}

void source_line_span(SourceManager *sm, uint32_t file, unsigned line,
                      uint32_t *start, uint32_t *len)
{
    SourceFile *f = file < sm->nfiles ? &sm->files[file] : NULL;
    *start = *len = 0;
    if (!f || line == 0)
        return;
    if (!f->lines)
        build_lines(f);
    if (line > f->nlines)
        return;
    uint32_t s = f->lines[line - 1];
    uint32_t e = line < f->nlines ? f->lines[line] - 1 : (uint32_t)f->len;
    if (line == 1 && f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0)
        s = 3;
    if (e > s && f->text[e - 1] == '\r')
        e--;
    *start = s;
    *len = e - s;
}

const char *source_error_text(SourceError err)
{
    switch (err) {
    case SOURCE_OK: return "sin error";
    case SOURCE_NOT_FOUND: return "no existe el archivo";
    case SOURCE_NOT_REGULAR: return "no es un archivo regular (¿es un directorio o un dispositivo?)";
    case SOURCE_TOO_LARGE: return "el archivo supera el tamaño máximo de 256 MiB";
    case SOURCE_UNREADABLE: return "no se puede leer el archivo";
    }
    return "error desconocido";
}
