/* textscan.h - the scanner's fast paths over the bodies of strings,
 * comments and text blocks.
 *
 * Contract: each function reads the bytes [s, end) - which must be followed
 * by a byte that is readable and is not part of any body (flex's buffer
 * ends in NULs) - and decides, when it can, what the scanner's DFA would
 * match there with the rule for a valid body (grammar/lexer.l: GOODSTR,
 * GOODLINE, GOODBLOCK). It returns true and the body's length in *len
 * only when that rule would match exactly those bytes: printable ASCII,
 * tabs, valid shortest-form UTF-8 and, per kind, the escapes, carriage
 * returns or line feeds allowed. It returns false - "let the DFA scan it"
 * - at anything else: a bad byte, a control character, a NUL, the end of
 * the bytes given (the rest of the token may not be read yet). Pure
 * functions; nothing is allocated.
 */
#ifndef RUTA_TEXTSCAN_H
#define RUTA_TEXTSCAN_H

#include <stdbool.h>
#include <stddef.h>

/* s: just after a string's opening quote. *len: up to and including the
 * closing quote. */
bool textscan_string(const char *s, const char *end, size_t *len);

/* s: just after a comment's '#'. *len: up to the line feed, excluded. */
bool textscan_comment(const char *s, const char *end, size_t *len);

/* s: just after a text block's opening quotes. *len: up to and including
 * the closing quotes. */
bool textscan_block(const char *s, const char *end, size_t *len);

#endif
