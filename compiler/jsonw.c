/* jsonw.c - streaming JSON writer. */
#include "jsonw.h"

#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void jsonw_init(JsonW *w, StrBuf *out)
{
    w->out = out;
    w->depth = 0;
    w->first[0] = true;
    w->after_key = false;
}

static void newline_indent(JsonW *w)
{
    strbuf_putc(w->out, '\n');
    strbuf_repeat(w->out, ' ', (size_t)w->depth * 2);
}

/* Separator and indentation before a value or key. */
static void before_item(JsonW *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (!w->first[w->depth])
        strbuf_putc(w->out, ',');
    w->first[w->depth] = false;
    newline_indent(w);
}

static void container_open(JsonW *w, char c)
{
    before_item(w);
    strbuf_putc(w->out, c);
    if (w->depth + 1 < JSONW_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
}

static void container_close(JsonW *w, char c)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        newline_indent(w);
    strbuf_putc(w->out, c);
}

void jsonw_object_begin(JsonW *w) { container_open(w, '{'); }
void jsonw_object_end(JsonW *w) { container_close(w, '}'); }
void jsonw_array_begin(JsonW *w) { container_open(w, '['); }
void jsonw_array_end(JsonW *w) { container_close(w, ']'); }

void json_escape(StrBuf *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    strbuf_putc(out, '"');
    const unsigned char *run = p; /* bytes pending that need no escaping */
    while (p < end) {
        unsigned char c = *p;
        const char *esc = NULL;
        char tmp[8];
        size_t len = 1;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c < 0x20) {
                snprintf(tmp, sizeof tmp, "\\u%04x", c);
                esc = tmp;
            } else if (c >= 0x80 && (len = utf8_valid_len(p, end)) == 0) {
                /* Not UTF-8 (a byte of a Latin-1 file quoted in a
                 * message): the output stays valid JSON. */
                esc = "\xEF\xBF\xBD";
                len = 1;
            }
        }
        if (esc) {
            strbuf_append(out, (const char *)run, (size_t)(p - run));
            strbuf_puts(out, esc);
            p += len;
            run = p;
        } else {
            p += len;
        }
    }
    strbuf_append(out, (const char *)run, (size_t)(p - run));
    strbuf_putc(out, '"');
}

void jsonw_key(JsonW *w, const char *key)
{
    before_item(w);
    json_escape(w->out, key, strlen(key));
    strbuf_puts(w->out, ": ");
    w->after_key = true;
}

void jsonw_string(JsonW *w, const char *s)
{
    if (!s) {
        jsonw_null(w);
        return;
    }
    jsonw_string_n(w, s, strlen(s));
}

void jsonw_string_n(JsonW *w, const char *s, size_t n)
{
    before_item(w);
    json_escape(w->out, s, n);
}

void jsonw_int(JsonW *w, long long v)
{
    before_item(w);
    strbuf_printf(w->out, "%lld", v);
}

void jsonw_double(JsonW *w, double v)
{
    before_item(w);
    if (!isfinite(v)) {
        strbuf_puts(w->out, "null");
        return;
    }
    if (v == (double)(long long)v && fabs(v) < 1e15) {
        strbuf_printf(w->out, "%lld", (long long)v);
        return;
    }
    char tmp[64];
    /* Shortest representation that reads back to the same double. */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        double back;
        if (sscanf(tmp, "%lf", &back) == 1 && back == v)
            break;
    }
    strbuf_puts(w->out, tmp);
}

void jsonw_bool(JsonW *w, bool v)
{
    before_item(w);
    strbuf_puts(w->out, v ? "true" : "false");
}

void jsonw_null(JsonW *w)
{
    before_item(w);
    strbuf_puts(w->out, "null");
}

void jsonw_finish(JsonW *w)
{
    strbuf_putc(w->out, '\n');
}

void jsonw_kv_string(JsonW *w, const char *key, const char *s)
{
    jsonw_key(w, key);
    jsonw_string(w, s);
}

void jsonw_kv_int(JsonW *w, const char *key, long long v)
{
    jsonw_key(w, key);
    jsonw_int(w, v);
}
