/* jsonw.h - a small streaming JSON writer with deterministic layout.
 *
 * Contract: writes into a StrBuf owned by the caller; keys are written in
 * the order the caller gives them; strings are escaped per RFC 8259
 * (control characters as \uXXXX), and a byte that is not UTF-8 is written
 * as U+FFFD, so the output is always valid JSON. Pretty-printed with two
 * spaces.
 * The caller is responsible for well-nested begin/end calls.
 */
#ifndef RUTA_JSONW_H
#define RUTA_JSONW_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

enum { JSONW_MAX_DEPTH = 64 };

typedef struct JsonW {
    StrBuf *out;
    int depth;
    bool first[JSONW_MAX_DEPTH]; /* no element written yet at this depth */
    bool after_key;              /* a key was just written; next value inline */
} JsonW;

void jsonw_init(JsonW *w, StrBuf *out);
void jsonw_object_begin(JsonW *w);
void jsonw_object_end(JsonW *w);
void jsonw_array_begin(JsonW *w);
void jsonw_array_end(JsonW *w);
void jsonw_key(JsonW *w, const char *key);
void jsonw_string(JsonW *w, const char *s);
void jsonw_string_n(JsonW *w, const char *s, size_t n);
void jsonw_int(JsonW *w, long long v);
void jsonw_double(JsonW *w, double v);
void jsonw_bool(JsonW *w, bool v);
void jsonw_null(JsonW *w);
/* Writes the closing newline after the top-level value. */
void jsonw_finish(JsonW *w);

/* Shorthands for "key": value. */
void jsonw_kv_string(JsonW *w, const char *key, const char *s);
void jsonw_kv_int(JsonW *w, const char *key, long long v);

/* Appends s escaped as a JSON string literal (with quotes). */
void json_escape(StrBuf *out, const char *s, size_t n);

#endif
