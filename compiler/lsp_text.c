/* lsp_text.c - UTF-16 positions over UTF-8 text, and file URIs. */
#include "lsp_text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"

/* Bytes of line[0..n) that cover `units` UTF-16 units; a position inside a
 * surrogate pair stays before the character. */
static size_t units_to_bytes(const char *line, size_t n, size_t units)
{
    const unsigned char *p = (const unsigned char *)line, *end = p + n;
    size_t count = 0;
    while (p < end) {
        size_t len = utf8_valid_len(p, end);
        size_t w = len == 4 ? 2 : 1;
        if (count + w > units)
            break;
        count += w;
        p += len ? len : 1;
    }
    return (size_t)(p - (const unsigned char *)line);
}

/* Length of a line without its "\r\n" or "\n". */
static size_t line_length(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    size_t len = nl ? (size_t)(nl - s) : n;
    if (len > 0 && s[len - 1] == '\r' && nl)
        len--;
    return len;
}

size_t lsp_text_offset(const char *text, size_t len, LspPos pos)
{
    size_t start = 0;
    for (unsigned l = 0; l < pos.line; l++) {
        const char *nl = memchr(text + start, '\n', len - start);
        if (!nl)
            return len;
        start = (size_t)(nl - text) + 1;
    }
    size_t n = line_length(text + start, len - start);
    return start + units_to_bytes(text + start, n, pos.character);
}

LspPos lsp_sm_position(SourceManager *sm, uint32_t file, uint32_t offset)
{
    LspPos p = { 0, 0 };
    const SourceFile *f = source_file(sm, file);
    if (!f)
        return p;
    if (offset > f->len)
        offset = (uint32_t)f->len;
    unsigned line, col;
    source_line_col(sm, file, offset, &line, &col);
    uint32_t start, n;
    source_line_span(sm, file, line, &start, &n);
    p.line = line ? line - 1 : 0;
    p.character = (unsigned)utf8_count_utf16(f->text + start, offset - start);
    return p;
}

uint32_t lsp_sm_offset(SourceManager *sm, uint32_t file, LspPos pos)
{
    const SourceFile *f = source_file(sm, file);
    if (!f)
        return 0;
    uint32_t start, n;
    source_line_span(sm, file, pos.line + 1, &start, &n);
    if (pos.line > 0 && start == 0)
        return (uint32_t)f->len; /* past the last line: only line 1 starts at 0 */
    return start + (uint32_t)units_to_bytes(f->text + start, n, pos.character);
}

json_t *lsp_json_position(LspPos p)
{
    json_t *o = json_object();
    json_object_set_new(o, "line", json_integer(p.line));
    json_object_set_new(o, "character", json_integer(p.character));
    return o;
}

json_t *lsp_json_range(SourceManager *sm, Loc loc)
{
    LspPos a = { 0, 0 }, b = { 0, 0 };
    if (source_file(sm, loc.file)) {
        a = lsp_sm_position(sm, loc.file, loc.begin);
        b = lsp_sm_position(sm, loc.file, loc.end);
    }
    json_t *o = json_object();
    json_object_set_new(o, "start", lsp_json_position(a));
    json_object_set_new(o, "end", lsp_json_position(b));
    return o;
}

int lsp_parse_position(const json_t *v, LspPos *p)
{
    json_t *l = json_object_get(v, "line"), *c = json_object_get(v, "character");
    if (!json_is_integer(l) || !json_is_integer(c))
        return 0;
    json_int_t li = json_integer_value(l), ci = json_integer_value(c);
    if (li < 0 || ci < 0)
        return 0;
    p->line = li > 0x7fffffff ? 0x7fffffffu : (unsigned)li;
    p->character = ci > 0x7fffffff ? 0x7fffffffu : (unsigned)ci;
    return 1;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (!p)
        abort();
    memcpy(p, s, n);
    return p;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return xstrdup(uri);
    const char *s = uri + 7;
    if (*s != '/') {
        const char *slash = strchr(s, '/'); /* file://host/path: drop the host */
        s = slash ? slash : "/";
    }
    char *out = malloc(strlen(s) + 1);
    if (!out)
        abort();
    size_t k = 0;
    for (; *s; s++) {
        int h1, h2;
        if (*s == '%' && (h1 = hex_value((unsigned char)s[1])) >= 0 &&
            (h2 = hex_value((unsigned char)s[2])) >= 0 && (h1 | h2) != 0) {
            out[k++] = (char)(h1 * 16 + h2);
            s += 2;
        } else {
            out[k++] = *s;
        }
    }
    out[k] = '\0';
    return out;
}

static int unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *lsp_path_to_uri(const char *path)
{
    char cwd[4096] = "";
    if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    size_t nc = strlen(cwd), np = strlen(path);
    char *out = malloc(7 + (nc + 1 + np) * 3 + 1);
    if (!out)
        abort();
    memcpy(out, "file://", 7);
    size_t k = 7;
    const char *parts[3] = { cwd, nc ? "/" : "", path };
    for (int i = 0; i < 3; i++)
        for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++) {
            static const char HEX[] = "0123456789ABCDEF";
            if (unreserved(*p)) {
                out[k++] = (char)*p;
            } else {
                out[k++] = '%';
                out[k++] = HEX[*p >> 4];
                out[k++] = HEX[*p & 15];
            }
        }
    out[k] = '\0';
    return out;
}
