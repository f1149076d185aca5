/* textscan.c - the scanner's fast paths over strings, comments and text
 * blocks (textscan.h). A table loop takes about a cycle a byte where
 * flex's DFA takes six (docs/performance.md 3.15); half of a plan's bytes
 * are in these bodies. */
#include "textscan.h"

#include <stdint.h>

#include "utf8.h"

/* Which ASCII bytes each body takes as they are: S in a string (no quote,
 * no backslash: those end it or escape), C in a comment (a CR for CRLF
 * line ends), B in a text block (line feeds and CRs; no quote: three end
 * it). Bytes from 0x80 are checked as UTF-8; a NUL, the other control
 * characters and DEL are in none. */
enum { S = 1, C = 2, B = 4, SCB = S | C | B, CB = C | B };

static const uint8_t PLAIN[256] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, SCB, B, 0, 0, CB, 0, 0,
    /* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x20 */ SCB, SCB, C, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB,
    /* 0x30 */ SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB,
    /* 0x40 */ SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB,
    /* 0x50 */ SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, CB, SCB, SCB, SCB,
    /* 0x60 */ SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB,
    /* 0x70 */ SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, SCB, 0,
    /* 0x80 and up: none */
};

/* Past one valid UTF-8 character at p (a byte from 0x80), or NULL. */
static const unsigned char *past_utf8(const unsigned char *p, const unsigned char *e)
{
    size_t n = utf8_valid_len(p, e);
    return n ? p + n : NULL;
}

bool textscan_string(const char *s, const char *end, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s, *e = (const unsigned char *)end;
    for (;;) {
        while (PLAIN[*p] & S)
            p++;
        if (p >= e)
            return false;
        if (*p == '"') {
            *len = (size_t)(p + 1 - (const unsigned char *)s);
            return true;
        }
        if (*p == '\\') {
            /* An escape takes a tab, printable ASCII (a quote too) or a
             * valid character; E005 for an unknown one comes later, from
             * the unescaping. */
            p++;
            if (p >= e)
                return false;
            if (*p == '\t' || (*p >= 0x20 && *p <= 0x7E)) {
                p++;
                continue;
            }
        }
        if (*p < 0x80 || !(p = past_utf8(p, e)))
            return false;
    }
}

bool textscan_comment(const char *s, const char *end, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s, *e = (const unsigned char *)end;
    for (;;) {
        while (PLAIN[*p] & C)
            p++;
        if (p >= e)
            return false;
        if (*p == '\n') {
            *len = (size_t)(p - (const unsigned char *)s);
            return true;
        }
        if (*p < 0x80 || !(p = past_utf8(p, e)))
            return false;
    }
}

bool textscan_block(const char *s, const char *end, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s, *e = (const unsigned char *)end;
    for (;;) {
        while (PLAIN[*p] & B)
            p++;
        if (p >= e)
            return false;
        if (*p == '"') {
            /* One or two quotes are content; the first three end it. The
             * byte after the end is readable, and stops the test. */
            if (p + 2 < e && p[1] == '"' && p[2] == '"') {
                *len = (size_t)(p + 3 - (const unsigned char *)s);
                return true;
            }
            if (p + 2 >= e)
                return false;
            p++;
            continue;
        }
        if (*p < 0x80 || !(p = past_utf8(p, e)))
            return false;
    }
}
