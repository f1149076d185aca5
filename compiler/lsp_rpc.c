/* lsp_rpc.c - the LSP base protocol: framing of JSON-RPC messages.
 *
 * A header block is a sequence of "Name: value" lines ended by an empty
 * line; only Content-Length matters. Recovery from bad input: a header
 * block without a valid Content-Length is dropped and, if a JSON text
 * follows it, that text is skipped too (by matching its brackets, strings
 * and escapes), so the next message is read normally. A JSON text that
 * arrives with no header at all is skipped the same way.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ (Linux), only to enlarge the input pipe */
#include "lsp_rpc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"

enum { HEADER_LINE_MAX = 1024, READ_CHUNK = 65536, LSP_PIPE_BYTES = 1024 * 1024 };

void lsp_reader_init(LspReader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
#ifdef F_SETPIPE_SZ
    /* A whole plan fits in the pipe: the editor writes a didChange at once
     * instead of waking the server for each 64 KiB (Linux only; failure,
     * as on a file or terminal, is harmless). */
    (void)fcntl(fd, F_SETPIPE_SZ, LSP_PIPE_BYTES);
#endif
}

void lsp_reader_free(LspReader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

/* Reads more input into the buffer; false at end of input. */
static bool fill(LspReader *r)
{
    if (r->eof)
        return false;
    if (r->pos == r->len)
        r->pos = r->len = 0;
    if (r->cap - r->len < READ_CHUNK) {
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->cap - r->len < READ_CHUNK) {
            size_t cap = r->cap ? r->cap * 2 : READ_CHUNK * 2;
            char *p = realloc(r->buf, cap);
            if (!p)
                abort();
            r->buf = p;
            r->cap = cap;
        }
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n > 0) {
            r->len += (size_t)n;
            return true;
        }
        if (n < 0 && errno == EINTR)
            continue;
        r->eof = true;
        return false;
    }
}

static int peek(LspReader *r)
{
    if (r->pos == r->len && !fill(r))
        return -1;
    return (unsigned char)r->buf[r->pos];
}

static int next(LspReader *r)
{
    int c = peek(r);
    if (c >= 0)
        r->pos++;
    return c;
}

bool lsp_reader_ready(LspReader *r)
{
    if (r->pos < r->len)
        return true;
    if (r->eof)
        return false;
    struct pollfd p = { .fd = r->fd, .events = POLLIN };
    return poll(&p, 1, 0) > 0;
}

/* Skips one JSON text (an object or array) by matching brackets. */
static void skip_json_text(LspReader *r)
{
    size_t depth = 0, n = 0;
    bool in_string = false, escape = false;
    int c;
    while ((c = next(r)) >= 0 && n++ < LSP_MAX_BODY) {
        if (in_string) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) {
            return;
        }
    }
}

/* Reads one header line (without CR LF) into line; false at end of input.
 * Longer lines are cut at HEADER_LINE_MAX - 1 bytes. */
static bool read_line(LspReader *r, char line[HEADER_LINE_MAX])
{
    size_t n = 0;
    int c;
    while ((c = next(r)) >= 0 && c != '\n')
        if (n < HEADER_LINE_MAX - 1)
            line[n++] = (char)c;
    if (n > 0 && line[n - 1] == '\r')
        n--;
    line[n] = '\0';
    return c >= 0 || n > 0;
}

/* Case-insensitive search of "content-length" followed by blanks and ':'
 * anywhere in a line (garbage may precede it); returns the value, -1 when
 * absent, -2 when present with an invalid value. */
static long long content_length(const char *line)
{
    static const char NAME[] = "content-length";
    size_t n = strlen(line), k = sizeof NAME - 1;
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && (line[i + j] | 0x20) == NAME[j])
            j++;
        if (j < k)
            continue;
        const char *p = line + i + k;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p++ != ':')
            continue;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p < '0' || *p > '9')
            return -2;
        long long v = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            if ((v = v * 10 + (*p - '0')) > (long long)LSP_MAX_BODY * 16)
                return (long long)LSP_MAX_BODY * 16;
        while (*p == ' ' || *p == '\t')
            p++;
        return *p ? -2 : v;
    }
    return -1;
}

static LspReadStatus read_body(LspReader *r, size_t n, char **body, size_t *len)
{
    char *b = malloc(n + 1);
    if (!b)
        abort();
    size_t got = 0;
    while (got < n) {
        if (peek(r) < 0) {
            free(b);
            return LSP_READ_EOF;
        }
        size_t have = r->len - r->pos, take = have < n - got ? have : n - got;
        memcpy(b + got, r->buf + r->pos, take);
        r->pos += take;
        got += take;
    }
    b[n] = '\0';
    *body = b;
    *len = n;
    return LSP_READ_OK;
}

LspReadStatus lsp_read(LspReader *r, char **body, size_t *len, const char **why)
{
    *body = NULL;
    *len = 0;
    *why = "";
    for (;;) {
        int c;
        while ((c = peek(r)) == ' ' || c == '\t' || c == '\r' || c == '\n')
            r->pos++;
        if (c < 0)
            return LSP_READ_EOF;
        bool after_bad = r->skip_body;
        r->skip_body = false;
        if (c == '{' || c == '[') {
            skip_json_text(r);
            if (after_bad)
                continue;
            *why = "mensaje sin cabecera Content-Length";
            return LSP_READ_BAD_FRAME;
        }
        char line[HEADER_LINE_MAX];
        long long clen = -1;
        bool invalid = false;
        while (read_line(r, line) && line[0]) {
            long long v = content_length(line);
            if (v >= 0)
                clen = v;
            else if (v == -2)
                invalid = true;
        }
        if (clen < 0) {
            /* The body, if any, is skipped at the next call: it starts
             * with '{' or '['. */
            *why = invalid ? "la cabecera Content-Length no es un número válido"
                           : "falta la cabecera Content-Length";
            r->skip_body = true;
            return LSP_READ_BAD_FRAME;
        }
        if (clen > (long long)LSP_MAX_BODY) {
            /* Skipped like a body without header: by its brackets, so an
             * absurd length does not swallow the messages that follow. */
            *why = "el mensaje supera el tamaño máximo de 64 MiB";
            r->skip_body = true;
            return LSP_READ_BAD_FRAME;
        }
        return read_body(r, (size_t)clen, body, len);
    }
}

bool lsp_send(int fd, json_t *msg)
{
    char *body = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!body)
        return false;
    size_t n = strlen(body);
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    size_t total = (size_t)h + n;
    char *out = malloc(total);
    if (!out)
        abort();
    memcpy(out, head, (size_t)h);
    memcpy(out + h, body, n);
    free(body);
    size_t done = 0;
    while (done < total) {
        ssize_t w = write(fd, out + done, total - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    free(out);
    return done == total;
}

static json_t *copy_id(json_t *id)
{
    return id ? json_incref(id) : json_null();
}

json_t *lsp_response(json_t *id, json_t *result)
{
    json_t *m = json_object();
    lsp_set(m, "jsonrpc", json_string("2.0"));
    lsp_set(m, "id", copy_id(id));
    lsp_set(m, "result", result ? result : json_null());
    return m;
}

json_t *lsp_error(json_t *id, int code, const char *message)
{
    json_t *err = json_object();
    lsp_set(err, "code", json_integer(code));
    lsp_set(err, "message", lsp_json_str(message));
    json_t *m = json_object();
    lsp_set(m, "jsonrpc", json_string("2.0"));
    lsp_set(m, "id", copy_id(id));
    lsp_set(m, "error", err);
    return m;
}

json_t *lsp_notification(const char *method, json_t *params)
{
    json_t *m = json_object();
    lsp_set(m, "jsonrpc", json_string("2.0"));
    lsp_set(m, "method", json_string(method));
    lsp_set(m, "params", params ? params : json_null());
    return m;
}

json_t *lsp_json_strn(const char *s, size_t n)
{
    if (!s)
        return json_string("");
    if (utf8_first_invalid(s, n) == n && !memchr(s, '\0', n))
        return json_stringn(s, n);
    /* Replace each invalid byte (and NUL) by U+FFFD. */
    char *clean = malloc(n * 3 + 1);
    if (!clean)
        abort();
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t k = 0;
    while (p < end) {
        size_t l = utf8_valid_len(p, end);
        if (l == 0 || *p == 0) {
            memcpy(clean + k, "\xEF\xBF\xBD", 3);
            k += 3;
            p++;
        } else {
            memcpy(clean + k, p, l);
            k += l;
            p += l;
        }
    }
    json_t *v = json_stringn(clean, k);
    free(clean);
    return v;
}

json_t *lsp_json_str(const char *s)
{
    return lsp_json_strn(s, s ? strlen(s) : 0);
}

void lsp_set(json_t *object, const char *key, json_t *value)
{
    if (value)
        json_object_set_new(object, key, value);
}
