/* utf8.h - UTF-8 decoding, validation and the accent folding of Ruta names.
 *
 * Contract: pure functions over byte ranges; nothing is allocated except by
 * utf8_fold_name(), which writes into the caller's arena. Invalid sequences
 * are reported by length, never read past the given end.
 */
#ifndef RUTA_UTF8_H
#define RUTA_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Length of the valid UTF-8 sequence starting at s (1..4), or 0 when the
 * bytes at s (bounded by end) are not a valid, shortest-form sequence. */
size_t utf8_valid_len(const unsigned char *s, const unsigned char *end);

/* Decodes one code point; *len receives its byte length (1 on an invalid
 * byte, which decodes as U+FFFD). */
uint32_t utf8_decode(const unsigned char *s, const unsigned char *end, size_t *len);

/* Number of code points in s[0..n); an invalid byte counts as one. */
size_t utf8_count(const char *s, size_t n);

/* Number of UTF-16 code units in s[0..n) (LSP positions). */
size_t utf8_count_utf16(const char *s, size_t n);

/* Byte offset of the first invalid sequence in s[0..n), or n if none. */
size_t utf8_first_invalid(const char *s, size_t n);

/* Folds a name: á é í ó ú ü -> a e i o u u (and capitals); ñ stays ñ.
 * Always returns a NUL-terminated copy in the arena. */
const char *utf8_fold_name(Arena *a, const char *s, size_t n);

/* Appends the encoding of code point cp to out (at most 4 bytes), returns
 * the number written. */
size_t utf8_put(uint32_t cp, char out[4]);

#endif
