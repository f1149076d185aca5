/* intern.h - one copy of each distinct name of a file.
 *
 * Contract: intern_name() returns an arena copy (NUL-terminated) of the
 * bytes s[0..n), the same pointer for the same bytes among the first 8192
 * distinct names (later new names get a copy of their own: the table's
 * size is bounded), and its accent-folded form (the same pointer again
 * when the name has no accent). Keys and references repeat the same few
 * names thousands of times in a large plan; interning stores each once.
 * The table itself is heap memory owned by the caller and only needed
 * while scanning: intern_free() releases it, the strings stay in the
 * arena. Not thread-safe; one table per scan.
 */
#ifndef RUTA_INTERN_H
#define RUTA_INTERN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* Every name the scanner returns has one layout: a name with an accent
 * (its folded form differs) is stored right after a pointer to its folded
 * form, so the text alone leads to it (intern_folded_of), which is how a
 * NAME value keeps both in one field (ast.h value_folded); a name without
 * one is its own folded form (the same pointer).
 *
 * 16 bytes a slot: the flag INTERN_ACCENT in len says which layout. */
typedef struct InternSlot {
    const char *text;    /* NULL for an empty slot */
    uint32_t hash;
    uint32_t len;        /* bytes, | INTERN_ACCENT */
} InternSlot;

#define INTERN_ACCENT 0x80000000u

typedef struct InternTable {
    Arena *arena;
    InternSlot *slots;
    size_t cap;          /* a power of two, or 0 before the first name */
    size_t n;
    size_t first_cap;    /* the capacity taken at the first name */
} InternTable;

/* `expected`: about how many distinct names will come (0: unknown); the
 * table starts at that size instead of growing to it step by step. */
void intern_init(InternTable *t, Arena *arena, size_t expected);
void intern_free(InternTable *t);

const char *intern_name(InternTable *t, const char *s, size_t n, const char **folded);
/* A copy of its own, outside any table, with its folded form: for names
 * known to be unique (a declaration's). */
const char *intern_copy(Arena *arena, const char *s, size_t n, const char **folded);
/* A copy of text[0..n) laid out as above with the given folded form (a
 * name that is not the folding of its bytes: one with bad bytes
 * replaced); returns the text. */
const char *intern_store(Arena *arena, const char *s, size_t n, const char *folded);

/* The folded form of a name stored by this module whose folded form is
 * not itself (see above). */
static inline const char *intern_folded_of(const char *text)
{
    const char *f;
    memcpy(&f, text - sizeof f, sizeof f);
    return f;
}

#endif
