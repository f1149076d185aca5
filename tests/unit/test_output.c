/* test_output.c - the streamed atomic writer of output.h: nothing reaches
 * the destination before output_commit(), the buffer is written out only
 * past OUTPUT_FLUSH_BYTES, and a write error or an abort leaves the
 * previous file as it was and no temporary file. Works in a fresh
 * directory under $TMPDIR (or /tmp) and removes it. */
#include "unit.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

/* Entries of `dir` besides "." and "..". */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* The contents of a file, or "(missing)". */
static void slurp(const char *path, StrBuf *out)
{
    strbuf_clear(out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        strbuf_puts(out, "(missing)");
        return;
    }
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_append(out, chunk, n);
    fclose(f);
}

static off_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : -1;
}

/* Appends `n` bytes of a repeating pattern that starts at `from`. */
static void pattern(StrBuf *b, size_t from, size_t n)
{
    for (size_t i = from; i < from + n; i++)
        strbuf_putc(b, (char)('a' + i % 26));
}

static void test_stream_commit(const char *dir, const char *dest)
{
    OutFile f;
    bool opened = output_open(&f, dest);
    CHECK(opened);
    if (!opened)
        return;
    StrBuf buf, want, got;
    strbuf_init(&buf);
    strbuf_init(&want);
    strbuf_init(&got);
    CHECK(count_entries(dir) == 1);              /* the temporary file only */
    pattern(&buf, 0, 1000);
    output_flush(&f, &buf);
    CHECK(buf.len == 1000 && file_size(f.tmp) == 0); /* under the threshold: kept */
    pattern(&buf, 1000, OUTPUT_FLUSH_BYTES);
    output_flush(&f, &buf);
    CHECK(buf.len == 0 && file_size(f.tmp) == 1000 + OUTPUT_FLUSH_BYTES);
    CHECK(file_size(dest) == -1);                 /* nothing renamed yet */
    pattern(&buf, 1000 + OUTPUT_FLUSH_BYTES, 500);
    mode_t mask = umask(022);
    CHECK(output_commit(&f, &buf));
    umask(mask);
    CHECK(buf.len == 0);
    pattern(&want, 0, 1500 + OUTPUT_FLUSH_BYTES);
    slurp(dest, &got);
    CHECK(got.len == want.len && memcmp(got.data, want.data, want.len) == 0);
    CHECK(count_entries(dir) == 1);              /* the destination only */
    struct stat st;
    CHECK(stat(dest, &st) == 0 && (st.st_mode & 0777) == 0644);
    strbuf_free(&buf);
    strbuf_free(&want);
    strbuf_free(&got);
}

/* An abort, then a write error in the middle of a stream: the previous
 * destination stays, and so does nothing else. */
static void test_stream_failures(const char *dir, const char *dest)
{
    StrBuf buf, got;
    strbuf_init(&buf);
    strbuf_init(&got);
    CHECK(output_write(dest, "previous\n", 9));
    OutFile f;
    bool opened = output_open(&f, dest);
    CHECK(opened);
    if (opened) {
        pattern(&buf, 0, OUTPUT_FLUSH_BYTES);
        output_flush(&f, &buf);
        CHECK(file_size(f.tmp) == OUTPUT_FLUSH_BYTES);
        output_abort(&f);
    }
    slurp(dest, &got);
    CHECK_STR(got.data, "previous\n");
    CHECK(count_entries(dir) == 1);

    int full = open("/dev/full", O_WRONLY);
    CHECK(full >= 0);
    if (full >= 0 && output_open(&f, dest)) {
        CHECK(dup2(full, f.fd) == f.fd);         /* every write now fails: ENOSPC */
        pattern(&buf, 0, OUTPUT_FLUSH_BYTES);
        output_flush(&f, &buf);
        CHECK(buf.len == 0 && f.error != 0);     /* failed, and the buffer discarded */
        pattern(&buf, 0, OUTPUT_FLUSH_BYTES + 10);
        output_flush(&f, &buf);
        CHECK(buf.len == 0);
        pattern(&buf, 0, 10);
        CHECK(!output_commit(&f, &buf));
    }
    if (full >= 0)
        close(full);
    slurp(dest, &got);
    CHECK_STR(got.data, "previous\n");
    CHECK(count_entries(dir) == 1);
    strbuf_free(&buf);
    strbuf_free(&got);
}

void test_output(void)
{
    const char *base = getenv("TMPDIR");
    StrBuf dir, dest, other;
    strbuf_init(&dir);
    strbuf_init(&dest);
    strbuf_init(&other);
    strbuf_printf(&dir, "%s/ruta-unit-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(dir.data)) {
        CHECK(!"mkdtemp failed");
        return;
    }
    strbuf_printf(&dest, "%s/out.txt", dir.data);
    test_stream_commit(dir.data, dest.data);
    test_stream_failures(dir.data, dest.data);

    /* Not streamed: the buffer keeps everything. */
    StrBuf buf;
    strbuf_init(&buf);
    pattern(&buf, 0, OUTPUT_FLUSH_BYTES + 1);
    output_flush(NULL, &buf);
    CHECK(buf.len == OUTPUT_FLUSH_BYTES + 1);
    strbuf_free(&buf);

    /* Destinations that cannot be opened: nothing is created. */
    OutFile f;
    CHECK(!output_open(&f, dir.data));           /* a directory */
    strbuf_printf(&other, "%s/out.txt/x", dir.data);
    CHECK(!output_open(&f, other.data));         /* under a regular file */
    CHECK(count_entries(dir.data) == 1);

    unlink(dest.data);
    CHECK(rmdir(dir.data) == 0);
    strbuf_free(&dir);
    strbuf_free(&dest);
    strbuf_free(&other);
}
