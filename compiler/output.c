/* output.c - atomic file output: a temporary file in the destination's
 * directory, written whole or in chunks, then renamed over it (output.h). */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool write_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static bool is_stdout(const OutFile *f)
{
    return f->tmp == NULL;
}

/* Writes data[0..len) unless an earlier write failed; a failure is kept in
 * f->error for finish() to report. */
static void put(OutFile *f, const char *data, size_t len)
{
    if (f->error || len == 0)
        return;
    errno = 0;
    if (is_stdout(f) ? fwrite(data, 1, len, stdout) != len : !write_all(f->fd, data, len))
        f->error = errno ? errno : EIO;
}

/* Ends a stream whose bytes have all been put: see output_commit(). */
static bool finish(OutFile *f)
{
    if (is_stdout(f)) {
        errno = 0;
        if (!f->error && fflush(stdout) != 0)
            f->error = errno ? errno : EIO;
        if (f->error)
            fprintf(stderr, "ruta: error: no se pudo escribir en la salida estándar: %s\n", strerror(f->error));
        return !f->error;
    }
    /* mkstemp creates 0600; an output file gets the usual permissions. */
    mode_t mask = umask(0);
    umask(mask);
    if (!f->error && fchmod(f->fd, 0666 & ~mask) != 0)
        f->error = errno;
    if (close(f->fd) != 0 && !f->error)
        f->error = errno;
    if (!f->error && rename(f->tmp, f->path) != 0)
        f->error = errno;
    if (f->error) {
        fprintf(stderr, "ruta: error: no se puede escribir '%s': %s\n", f->path, strerror(f->error));
        unlink(f->tmp);
    }
    free(f->tmp);
    f->tmp = NULL;
    f->fd = -1;
    return !f->error;
}

bool output_open(OutFile *f, const char *path)
{
    f->path = path;
    f->tmp = NULL;
    f->fd = -1;
    f->error = 0;
    if (strcmp(path, "-") == 0)
        return true;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "ruta: error: no se puede escribir '%s': es un directorio\n", path);
        return false;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        abort();
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "ruta: error: no se puede escribir '%s': %s\n", path, strerror(errno));
        free(tmp);
        return false;
    }
    f->tmp = tmp;
    f->fd = fd;
    return true;
}

void output_flush(OutFile *f, StrBuf *buf)
{
    if (!f || buf->len < OUTPUT_FLUSH_BYTES)
        return;
    put(f, buf->data, buf->len);
    strbuf_clear(buf);
}

bool output_commit(OutFile *f, StrBuf *buf)
{
    put(f, buf->data, buf->len);
    strbuf_clear(buf);
    return finish(f);
}

void output_abort(OutFile *f)
{
    if (is_stdout(f))
        return; /* what was written stays written */
    close(f->fd);
    unlink(f->tmp);
    free(f->tmp);
    f->tmp = NULL;
    f->fd = -1;
}

bool output_write(const char *path, const void *data, size_t len)
{
    OutFile f;
    if (!output_open(&f, path))
        return false;
    put(&f, data, len);
    return finish(&f);
}
