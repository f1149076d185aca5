/* csv_write.c - RFC 4180 field quoting. */
#include "csv_write.h"

#include <stdbool.h>
#include <string.h>

void csv_write_field(StrBuf *out, const char *s, size_t n, char sep)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == sep || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        strbuf_append(out, s, n);
        return;
    }
    strbuf_putc(out, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            strbuf_append(out, s + i - run, run + 1);
            strbuf_putc(out, '"');
            run = 0;
        } else {
            run++;
        }
    }
    strbuf_append(out, s + n - run, run);
    strbuf_putc(out, '"');
}

void csv_write_row(StrBuf *out, const char *const *fields, size_t nfields, char sep)
{
    for (size_t i = 0; i < nfields; i++) {
        if (i)
            strbuf_putc(out, sep);
        const char *f = fields[i] ? fields[i] : "";
        csv_write_field(out, f, strlen(f), sep);
    }
    strbuf_puts(out, "\r\n");
}
