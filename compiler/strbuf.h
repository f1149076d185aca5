/* strbuf.h - growable byte buffer for building output text.
 *
 * Contract: the buffer owns its heap storage until strbuf_free(); data is
 * always NUL-terminated after any append. Appends never fail (out of memory
 * aborts the process).
 */
#ifndef RUTA_STRBUF_H
#define RUTA_STRBUF_H

#include <stddef.h>

typedef struct StrBuf {
    char *data;  /* NUL-terminated contents, NULL until the first append */
    size_t len;  /* bytes used, excluding the NUL */
    size_t cap;  /* bytes allocated */
} StrBuf;

void strbuf_init(StrBuf *b);
void strbuf_free(StrBuf *b);
void strbuf_clear(StrBuf *b);
void strbuf_append(StrBuf *b, const char *s, size_t n);
void strbuf_puts(StrBuf *b, const char *s);
void strbuf_putc(StrBuf *b, char c);
void strbuf_printf(StrBuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends c n times. */
void strbuf_repeat(StrBuf *b, char c, size_t n);
/* Returns the contents ("" when empty); valid until the next append. */
const char *strbuf_cstr(const StrBuf *b);

#endif
