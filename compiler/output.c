/* output.c - atomic file output: temp file in the same directory + rename. */
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

bool output_write(const char *path, const void *data, size_t len)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            fprintf(stderr, "ruta: error: no se pudo escribir en la salida estándar: %s\n", strerror(errno));
            return false;
        }
        return true;
    }
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
    bool ok = write_all(fd, data, len);
    int saved = errno;
    /* mkstemp creates 0600; an output file gets the usual permissions. */
    mode_t mask = umask(0);
    umask(mask);
    if (ok && fchmod(fd, 0666 & ~mask) != 0)
        ok = false, saved = errno;
    if (close(fd) != 0 && ok)
        ok = false, saved = errno;
    if (ok && rename(tmp, path) != 0)
        ok = false, saved = errno;
    if (!ok) {
        fprintf(stderr, "ruta: error: no se puede escribir '%s': %s\n", path, strerror(saved));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}
