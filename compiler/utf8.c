/* utf8.c - UTF-8 helpers (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). */
#include "utf8.h"

#include <stdint.h>

#include <string.h>

size_t utf8_valid_len(const unsigned char *s, const unsigned char *end)
{
    if (s >= end)
        return 0;
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t avail = (size_t)(end - s);
    if (c >= 0xC2 && c <= 0xDF)
        return (avail >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] > 0x9F)
            return 0; /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && s[1] > 0x8F)
            return 0; /* beyond U+10FFFF */
        return 4;
    }
    return 0;
}

uint32_t utf8_decode(const unsigned char *s, const unsigned char *end, size_t *len)
{
    size_t n = utf8_valid_len(s, end);
    if (n == 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = n;
    switch (n) {
    case 1: return s[0];
    case 2: return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3: return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    default:
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
}

size_t utf8_count(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t count = 0;
    while (p < end) {
        size_t len = utf8_valid_len(p, end);
        p += len ? len : 1;
        count++;
    }
    return count;
}

size_t utf8_count_utf16(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t count = 0;
    while (p < end) {
        size_t len = utf8_valid_len(p, end);
        count += len == 4 ? 2 : 1;
        p += len ? len : 1;
    }
    return count;
}

size_t utf8_first_invalid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        /* ASCII runs eight bytes at a time. */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ull)
                break;
            p += 8;
        }
        if (p == end)
            break;
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t len = utf8_valid_len(p, end);
        if (!len)
            return (size_t)((const char *)p - s);
        p += len;
    }
    return n;
}

/* The second byte of the two-byte sequences C3 xx that fold, and the ASCII
 * letter each folds to (0 = does not fold). */
static char fold_c3(unsigned char b)
{
    switch (b) {
    case 0xA1: return 'a'; /* á */
    case 0xA9: return 'e'; /* é */
    case 0xAD: return 'i'; /* í */
    case 0xB3: return 'o'; /* ó */
    case 0xBA: return 'u'; /* ú */
    case 0xBC: return 'u'; /* ü */
    case 0x81: return 'A'; /* Á */
    case 0x89: return 'E'; /* É */
    case 0x8D: return 'I'; /* Í */
    case 0x93: return 'O'; /* Ó */
    case 0x9A: return 'U'; /* Ú */
    case 0x9C: return 'U'; /* Ü */
    default: return 0;
    }
}

const char *utf8_fold_name(Arena *a, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i + 1 < n; i++)
        if ((unsigned char)s[i] == 0xC3 && fold_c3((unsigned char)s[i + 1]))
            break;
    if (i + 1 >= n)
        return arena_strndup(a, s, n);
    char *out = arena_alloc(a, n + 1);
    size_t o = 0;
    for (i = 0; i < n; i++) {
        char f;
        if ((unsigned char)s[i] == 0xC3 && i + 1 < n && (f = fold_c3((unsigned char)s[i + 1]))) {
            out[o++] = f;
            i++;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

size_t utf8_put(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
