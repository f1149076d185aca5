/* source.c - loading source files and mapping offsets to lines and columns. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"


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
            munmap(f->text, f->mapped);
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

static size_t page_size(void)
{
    long n = sysconf(_SC_PAGESIZE);
    return n > 0 ? (size_t)n : 4096;
}

/* A read-only private mapping of the file's `len` bytes, followed by at
 * least two zero bytes: the rest of the file's last page reads as zeros,
 * and an anonymous zero page is reserved behind it. NULL when the file
 * cannot be mapped (the caller reads it instead). */
static char *map_text(int fd, size_t len, size_t *mapped)
{
    size_t page = page_size();
    size_t file_bytes = (len + page - 1) / page * page;
    size_t total = file_bytes + page;
    char *p = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (mmap(p, file_bytes, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(p, total);
        return NULL;
    }
    /* Read ahead generously on a cold page cache; pages are touched once,
     * in order, by the scanner. */
    (void)madvise(p, file_bytes, MADV_SEQUENTIAL);
    *mapped = total;
    return p;
}

/* Reads the whole file into heap memory (plus two NUL bytes). `size` is
 * what fstat said; a file that grows while it is read is read on, up to
 * SOURCE_MAX_BYTES. */
static bool read_text(int fd, size_t size, char **out, size_t *out_len, SourceError *err)
{
    size_t cap = size, len = 0;
    char *text = xrealloc(NULL, cap + 2);
    for (;;) {
        if (len == cap) {
            /* The file grew while we read it: keep reading up to the cap. */
            if (cap >= SOURCE_MAX_BYTES) {
                char probe;
                if (read(fd, &probe, 1) > 0) {
                    *err = SOURCE_TOO_LARGE;
                    free(text);
                    return false;
                }
                break;
            }
            cap = cap ? cap * 2 : 4096;
            if (cap > SOURCE_MAX_BYTES)
                cap = SOURCE_MAX_BYTES;
            text = xrealloc(text, cap + 2);
        }
        ssize_t n = read(fd, text + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *err = SOURCE_UNREADABLE;
            free(text);
            return false;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    text[len] = text[len + 1] = '\0';
    *out = text;
    *out_len = len;
    return true;
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
    size_t len = 0, mapped = 0;
    char *text = NULL;
    if (sm->map_files && (size_t)st.st_size >= SOURCE_MAP_MIN) {
        len = (size_t)st.st_size;
        text = map_text(fd, len, &mapped);
    }
    if (!text && !read_text(fd, (size_t)st.st_size, &text, &len, err)) {
        close(fd);
        return SOURCE_NO_FILE;
    }
    close(fd);
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

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22 /* Linux 5.14 */
#endif

void source_release(const SourceFile *f, size_t from, size_t to)
{
    if (!f->mapped)
        return;
    size_t page = page_size();
    if (to > f->len)
        to = f->len;
    from = (from + page - 1) / page * page;
    to = to / page * page;
    if (to > from)
        (void)madvise(f->text + from, to - from, MADV_DONTNEED);
}

void source_prefetch(const SourceFile *f, size_t from, size_t n)
{
    if (!f->mapped || from >= f->len)
        return;
    size_t page = page_size();
    size_t start = from / page * page;
    if (n > f->len - from)
        n = f->len - from;
    /* Older kernels: ignored, and pages fault in as they are touched. */
    (void)madvise(f->text + start, n + (from - start), MADV_POPULATE_READ);
}

/* One pass over the text; a mapped text leaves memory again behind the
 * pass, as after the scan. */
static void build_lines(SourceFile *f)
{
    enum { STEP = 1 << 20 };
    size_t cap = 1024;
    f->lines = xrealloc(NULL, cap * sizeof *f->lines);
    f->nlines = 0;
    f->lines[f->nlines++] = 0;
    for (size_t from = 0; from < f->len; from += STEP) {
        size_t to = f->len - from > STEP ? from + STEP : f->len;
        const char *p = f->text + from, *end = f->text + to;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            if (f->nlines == cap) {
                cap *= 2;
                f->lines = xrealloc(f->lines, cap * sizeof *f->lines);
            }
            f->lines[f->nlines++] = (uint32_t)(++p - f->text);
        }
        source_release(f, from, to);
    }
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
