/* intern.c - open-addressing table of names (linear probing, 50 % load). */
#include "intern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "utf8.h"

/* The table holds at most INTERN_MAX_NAMES names (16384 slots, 256 KiB,
 * which stay in the cache): the names that repeat (keys, people, terms)
 * come early in a plan, while the names of a large plan's thousands of
 * actions and indicators are unique. A name first seen once the table is
 * full is copied, not interned. */
enum { INTERN_MIN_CAP = 256, INTERN_MAX_NAMES = 8192 };

void intern_init(InternTable *t, Arena *arena, size_t expected)
{
    t->arena = arena;
    t->slots = NULL;
    t->cap = t->n = 0;
    if (expected > INTERN_MAX_NAMES)
        expected = INTERN_MAX_NAMES;
    t->first_cap = INTERN_MIN_CAP;
    while (t->first_cap < 2 * expected)
        t->first_cap *= 2;
}

void intern_free(InternTable *t)
{
    bigmem_table_free(t->slots, t->cap * sizeof *t->slots);
    t->slots = NULL;
    t->cap = t->n = 0;
}

/* Eight bytes at a time (the names of a plan average 10 to 20 bytes), each
 * word mixed in with a multiplication; the last word is the last eight
 * bytes, overlapping the one before, and a name under eight bytes is read
 * in two overlapping halves or three bytes, so that no byte is read one
 * at a time. The length is mixed in, and the last step folds the high
 * bits into the low ones, which pick the slot. No seed: a run must not
 * depend on anything but its input. */
static uint32_t hash_bytes(const char *s, size_t n)
{
    const char *end = s + n;
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n, w = 0;
    if (n >= 8) {
        for (; end - s > 8; s += 8) {
            memcpy(&w, s, 8);
            h = (h ^ w) * 0xBF58476D1CE4E5B9u;
            h ^= h >> 31;
        }
        memcpy(&w, end - 8, 8);
    } else if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&hi, s, 4);
        memcpy(&lo, end - 4, 4);
        w = (uint64_t)hi << 32 | lo;
    } else if (n > 0) {
        w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 | (unsigned char)s[n - 1];
    }
    h = (h ^ w) * 0x94D049BB133111EBu;
    h ^= h >> 32;
    return (uint32_t)h;
}

static void grow(InternTable *t)
{
    size_t cap = t->cap ? t->cap * 2 : t->first_cap;
    InternSlot *slots = bigmem_table_alloc(cap * sizeof *slots);
    for (size_t i = 0; i < t->cap; i++) {
        const InternSlot *old = &t->slots[i];
        if (!old->text)
            continue;
        size_t j = old->hash & (cap - 1);
        while (slots[j].text)
            j = (j + 1) & (cap - 1);
        slots[j] = *old;
    }
    bigmem_table_free(t->slots, t->cap * sizeof *t->slots);
    t->slots = slots;
    t->cap = cap;
}

const char *intern_store(Arena *arena, const char *s, size_t n, const char *folded)
{
    /* [folded pointer][text]: the pointer is 8-byte aligned. */
    char *block = arena_alloc(arena, sizeof folded + n + 1);
    char *text = block + sizeof folded;
    memcpy(block, &folded, sizeof folded);
    memcpy(text, s, n);
    text[n] = '\0';
    return text;
}

const char *intern_copy(Arena *arena, const char *s, size_t n, const char **folded)
{
    /* Most names have no accent: then the folded form is the same string. */
    if (!memchr(s, 0xC3, n)) {
        *folded = arena_strndup(arena, s, n);
        return *folded;
    }
    *folded = utf8_fold_name(arena, s, n);
    return intern_store(arena, s, n, *folded);
}

const char *intern_name(InternTable *t, const char *s, size_t n, const char **folded)
{
    if ((t->n + 1) * 2 > t->cap && t->n < INTERN_MAX_NAMES)
        grow(t);
    uint32_t h = hash_bytes(s, n);
    size_t i = h & (t->cap - 1);
    for (;;) {
        InternSlot *slot = &t->slots[i];
        if (!slot->text && t->n >= INTERN_MAX_NAMES)
            return intern_copy(t->arena, s, n, folded); /* full */
        if (!slot->text) {
            slot->hash = h;
            slot->text = intern_copy(t->arena, s, n, folded);
            slot->len = (uint32_t)n | (*folded != slot->text ? INTERN_ACCENT : 0);
            t->n++;
            return slot->text;
        }
        if (slot->hash == h && (slot->len & ~INTERN_ACCENT) == n && memcmp(slot->text, s, n) == 0) {
            *folded = slot->len & INTERN_ACCENT ? intern_folded_of(slot->text) : slot->text;
            return slot->text;
        }
        i = (i + 1) & (t->cap - 1);
    }
}
