/* fmt_src.h - what the formatter reads directly from the source text.
 *
 * Contract: pure functions over a source text of `len` bytes (the text of
 * a SourceFile: it parsed without errors, and is followed by NUL bytes).
 * They answer questions the syntax tree does not keep: where a '{' or '}'
 * is, where a string token ends, whether a comment stands on its own line,
 * whether a blank line separates two things. "Blank" bytes are space, tab,
 * CR, LF and the no-break space U+00A0 (the scanner's separators). No
 * allocation, no state.
 */
#ifndef RUTA_FMT_SRC_H
#define RUTA_FMT_SRC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Offset of the next byte at or after pos that is not blank, not inside a
 * `#` comment and not a ';' (len when none). */
uint32_t fmt_src_skip(const char *text, size_t len, uint32_t pos);
/* Offset of the first `want` at or after pos outside comments and strings
 * (len when none). */
uint32_t fmt_src_find(const char *text, size_t len, uint32_t pos, char want);
/* End (one past the closing quote) of the one-line string starting at the
 * '"' at pos. */
uint32_t fmt_src_string_end(const char *text, size_t len, uint32_t pos);
/* End of the number token at pos (digits, '_' and '.'). */
uint32_t fmt_src_number_end(const char *text, size_t len, uint32_t pos);
/* True when only blanks precede pos on its line (or it starts the text
 * after `start`, the end of a byte-order mark). */
bool fmt_src_own_line(const char *text, uint32_t start, uint32_t pos);
/* Offset of the last non-blank byte before pos (pos itself when none). */
uint32_t fmt_src_prev_token(const char *text, uint32_t start, uint32_t pos);
/* True when an empty line lies between the previous non-blank byte and
 * pos (false at the start of the text). */
bool fmt_src_blank_before(const char *text, uint32_t start, uint32_t pos);
/* True when an empty line lies between end and the next non-blank byte
 * (false at the end of the text). */
bool fmt_src_blank_after(const char *text, size_t len, uint32_t end);

#endif
