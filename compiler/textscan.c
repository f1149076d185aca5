/* textscan.c - the scanner's fast paths over strings, comments and text
 * blocks (textscan.h). A table loop takes about a cycle a byte where
 * flex's DFA takes six (docs/performance.md 3.15); half of a plan's bytes
 * are in these bodies. */
#include "textscan.h"

#include <stdint.h>
#include <string.h>

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

/* Eight bytes at a time (docs/performance.md 3.15): a word is skipped
 * whole when none of its bytes needs a look - none below 0x20 (a control
 * character, or a tab or CR that the byte loop takes), none from 0x7F
 * (DEL, or UTF-8), none equal to the body's own stops. The classic
 * bit tricks: has_below(x, n) is nonzero when some byte of x is below n
 * (n <= 0x80), has_byte(x, c) when some byte equals c. */
#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

static inline uint64_t word_at(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

static inline uint64_t has_below(uint64_t x, unsigned n)
{
    return (x - ONES * n) & ~x & HIGHS;
}

static inline uint64_t has_byte(uint64_t x, unsigned c)
{
    return has_below(x ^ (ONES * c), 1);
}

static inline uint64_t needs_look(uint64_t x)
{
    return has_below(x, 0x20) | has_byte(x, 0x7F) | (x & HIGHS);
}

static inline uint64_t string_stops(uint64_t x)
{
    return needs_look(x) | has_byte(x, '"') | has_byte(x, '\\');
}

static inline uint64_t block_stops(uint64_t x)
{
    return needs_look(x) | has_byte(x, '"');
}

/* The first byte from p that `stops` flags, or the last word's start
 * when fewer than eight bytes are left: the byte loop goes on from
 * there. The lowest flag of a word is exact (a borrow only runs
 * upwards), and the lowest byte is the first in memory on a
 * little-endian machine; elsewhere the byte loop does it all. */
static inline const unsigned char *skip_words(const unsigned char *p, const unsigned char *e,
                                              uint64_t (*stops)(uint64_t))
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (e - p >= 8) {
        uint64_t m = stops(word_at(p));
        if (m)
            return p + __builtin_ctzll(m) / 8;
        p += 8;
    }
#else
    (void)e;
    (void)stops;
#endif
    return p;
}

/* The first byte from p that a body of class `cls` does not take as it
 * is (or the end: the byte there is in no class). */
static inline const unsigned char *to_stop(const unsigned char *p, const unsigned char *e,
                                           uint64_t (*stops)(uint64_t), unsigned cls)
{
    p = skip_words(p, e, stops);
    while (PLAIN[*p] & cls)
        p++;
    return p;
}

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
        p = to_stop(p, e, string_stops, S);
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
        p = to_stop(p, e, needs_look, C);
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
        p = to_stop(p, e, block_stops, B);
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
