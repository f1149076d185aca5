/* source.h - the source manager: files of one compilation and locations.
 *
 * Contract: a SourceManager owns the text of every file it loaded, freed by
 * source_manager_free. Each text is followed by two NUL bytes. A text is
 * heap memory, or, for a big file when the manager maps files
 * (`map_files`, one-shot commands), a read-only mapping of the file itself:
 * its pages are read from the page cache as they are touched, and
 * source_release() lets the ones already scanned leave memory again, so a
 * plan is never held whole (docs/performance.md). Such a file truncated
 * while mapped raises SIGBUS, which the command line turns into an error
 * message (main.c); the language server never maps files. A location (Loc)
 * is a file id and a half-open byte range; line and column are computed
 * only when printed, from a line-start table built on first use. Columns
 * count Unicode code points, 1-based.
 */
#ifndef RUTA_SOURCE_H
#define RUTA_SOURCE_H

#include <stddef.h>
#include <stdint.h>

/* Largest file the compiler reads (bytes). Larger inputs are refused with a
 * diagnostic instead of exhausting memory. */
#define SOURCE_MAX_BYTES (256u * 1024u * 1024u)

/* With `map_files`, files at least this big are mapped rather than read:
 * below it a read costs less than setting up a mapping. At 100 KB a
 * mapping costs 70 to 90 us on the benchmark's machine, a read into fresh
 * heap pages 450 to 600 (docs/performance.md 3.13). */
enum { SOURCE_MAP_MIN = 64 * 1024 };

typedef struct Loc {
    uint32_t file;  /* index in the SourceManager; SOURCE_NO_FILE for none */
    uint32_t begin; /* byte offset of the first byte */
    uint32_t end;   /* byte offset one past the last byte (>= begin) */
} Loc;

#define SOURCE_NO_FILE UINT32_MAX

typedef struct SourceFile {
    char *path;          /* path as shown to the user */
    char *real;          /* canonical path (realpath), "" for in-memory texts */
    char *text;          /* contents + 2 NUL bytes; owned */
    size_t len;          /* bytes of contents */
    uint32_t *lines;     /* byte offset of each line start, built lazily */
    size_t nlines;       /* entries in lines */
    int owned_text;      /* 1 when text must be freed with the manager */
    int shared;          /* 1 when text and lines belong to another manager */
    size_t mapped;       /* bytes of the file mapping holding text, 0 if heap */
} SourceFile;

typedef struct SourceManager {
    SourceFile *files;
    size_t nfiles, cap;
    int map_files;       /* 1: big files are mapped, not read (see above) */
} SourceManager;

typedef enum SourceError {
    SOURCE_OK,
    SOURCE_NOT_FOUND,    /* no such file */
    SOURCE_NOT_REGULAR,  /* a directory, device, fifo... */
    SOURCE_TOO_LARGE,    /* larger than SOURCE_MAX_BYTES */
    SOURCE_UNREADABLE    /* permission or I/O error */
} SourceError;

void source_manager_init(SourceManager *sm);
void source_manager_free(SourceManager *sm);

/* Loads a file; returns its id, or SOURCE_NO_FILE with *err set. */
uint32_t source_load_file(SourceManager *sm, const char *path, SourceError *err);
/* Adds a text held in memory (copied); `real` is its canonical path when it
 * stands for a file (an editor's buffer), or NULL. */
uint32_t source_add_text(SourceManager *sm, const char *path, const char *real, const char *text,
                         size_t len);
/* Adds a file of another manager without copying its text or line table
 * (which must be built already: see source_prepare_shared). The other
 * manager must outlive this one and must not change any more. */
uint32_t source_import(SourceManager *sm, const SourceFile *shared);
/* Builds the line table of every file, so the manager can be read by
 * several threads at once. */
void source_prepare_shared(SourceManager *sm);
/* Id of an already loaded file with this canonical path, or SOURCE_NO_FILE. */
uint32_t source_find_real(const SourceManager *sm, const char *real);

const SourceFile *source_file(const SourceManager *sm, uint32_t id);

/* For a mapped text: the pages wholly inside [from, to) may leave memory
 * (they are read again from the file when touched). A no-op for a text in
 * heap memory. */
void source_release(const SourceFile *f, size_t from, size_t to);
/* For a mapped text: maps [from, from + n) now, in one call, instead of
 * page by page as the scanner reaches it. A no-op for a heap text. */
void source_prefetch(const SourceFile *f, size_t from, size_t n);

/* 1-based line and column (code points) of a byte offset. */
void source_line_col(SourceManager *sm, uint32_t file, uint32_t offset,
                     unsigned *line, unsigned *col);
/* Start offset and length (without the newline) of 1-based line. */
void source_line_span(SourceManager *sm, uint32_t file, unsigned line,
                      uint32_t *start, uint32_t *len);

/* Spanish text for a SourceError. */
const char *source_error_text(SourceError err);

static inline Loc loc_make(uint32_t file, uint32_t begin, uint32_t end)
{
    Loc l = { file, begin, end < begin ? begin : end };
    return l;
}

/* The smallest location covering a and b (same file). */
static inline Loc loc_span(Loc a, Loc b)
{
    if (a.file != b.file)
        return a;
    Loc l = { a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end };
    return l;
}

#endif
