/* output.h - writing output files atomically, whole or streamed.
 *
 * Contract: a file output goes to a temporary file "PATH.tmpXXXXXX" in the
 * destination's directory, which is renamed over `path` only once every
 * byte was written and the file closed, so a failure never leaves a
 * partial file nor clobbers the previous one. "-" writes to stdout
 * instead (no temporary file; a failure there may leave a partial
 * output). On failure a Spanish message goes to stderr and the function
 * returns false; the caller exits 2.
 *
 * - output_write() writes a whole buffer in one call (fmt, status,
 *   territorio, pdf).
 * - An OutFile streams: output_open() creates the temporary file,
 *   output_flush() hands it the caller's buffer whenever the buffer holds
 *   OUTPUT_FLUSH_BYTES or more (csv, ics, json), and exactly one of
 *   output_commit() (the rest of the buffer, then rename) or
 *   output_abort() (unlink) ends it. A write error is kept until
 *   output_commit(), which reports it once and unlinks the temporary
 *   file; until then output_flush() discards what it is given, so memory
 *   stays bounded while the caller finishes its rendering.
 *
 * A process killed while an OutFile is open (SIGKILL, ^C) leaves its
 * temporary file behind; the destination is still untouched. The caller
 * ignores SIGXFSZ (main.c), so a file size limit is a write error (EFBIG)
 * reported like any other, not a kill.
 */
#ifndef RUTA_OUTPUT_H
#define RUTA_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* A streamed output's buffer is written out once it holds this many bytes.
 * 64 KiB makes a 148 MB JSON document about 2 300 write() calls, and keeps
 * what the output holds in memory at most this plus one record (a CSV
 * record, a VEVENT, an element of a top-level JSON array), with the
 * StrBuf's doubling at most twice that. */
enum { OUTPUT_FLUSH_BYTES = 64 * 1024 };

typedef struct OutFile {
    const char *path;  /* the destination as given (not owned); "-" is stdout */
    char *tmp;         /* the temporary file (owned), NULL for stdout */
    int fd;            /* the temporary file's descriptor; -1 for stdout */
    int error;         /* errno of the first failed write, 0 while none */
} OutFile;

/* Writes data[0..len) to `path` atomically (see above). */
bool output_write(const char *path, const void *data, size_t len);

/* Starts a streamed output to `path`: creates the temporary file (nothing
 * for "-"). On failure prints the message, leaves nothing behind and
 * returns false; `f` then needs no output_abort(). */
bool output_open(OutFile *f, const char *path);

/* When `buf` holds OUTPUT_FLUSH_BYTES or more, writes it to `f` and clears
 * it; otherwise does nothing. `f` may be NULL: the output is not streamed
 * and `buf` keeps everything. */
void output_flush(OutFile *f, StrBuf *buf);

/* Writes the rest of `buf` and clears it, then gives the file its usual
 * permissions (0666 less the umask), closes it and renames it over the
 * destination; for stdout, flushes it. On any failure, now or in an
 * earlier output_flush(), prints the message, unlinks the temporary file
 * and returns false. Ends `f`. */
bool output_commit(OutFile *f, StrBuf *buf);

/* Closes and unlinks the temporary file without a message (the caller
 * failed and has said why). Ends `f`. */
void output_abort(OutFile *f);

#endif
