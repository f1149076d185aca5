/* symtab.c - string hash map (FNV-1a): entries in insertion order, found
 * through an open-addressing index. */
#include "symtab.h"

#include "bigmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

/* Entries keep their order. They grow with realloc, which moves a big
 * array by remapping it, and their pages are touched only as they fill:
 * a populated array would hold its unused half in memory. */
static void resize_entries(SymTab *t, size_t cap)
{
    SymEntry *entries = realloc(t->entries, cap * sizeof *entries);
    if (!entries) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    t->entries = entries;
    t->capentries = cap;
}

void symtab_init(SymTab *t)
{
    t->slots = NULL;
    t->cap = 0;
    t->entries = NULL;
    t->count = t->capentries = 0;
}

void symtab_free(SymTab *t)
{
    bigmem_table_free(t->slots, t->cap * sizeof *t->slots);
    free(t->entries);
    symtab_init(t);
}

static void rehash(SymTab *t, size_t cap)
{
    SymSlot *slots = bigmem_table_alloc(cap * sizeof *slots);
    for (size_t i = 0; i < t->cap; i++) {
        const SymSlot *s = &t->slots[i];
        if (!s->entry)
            continue;
        size_t j = s->hash & (cap - 1);
        while (slots[j].entry)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    bigmem_table_free(t->slots, t->cap * sizeof *t->slots);
    t->slots = slots;
    t->cap = cap;
}

void symtab_reserve(SymTab *t, size_t n)
{
    size_t cap = t->cap ? t->cap : 64;
    while ((t->count + n) * 2 > cap)
        cap *= 2;
    if (cap != t->cap)
        rehash(t, cap);
    if (t->count + n > t->capentries)
        resize_entries(t, t->count + n);
}

void *symtab_get(const SymTab *t, const char *key)
{
    if (!t->cap)
        return NULL;
    uint32_t h = hash_str(key);
    for (size_t j = h & (t->cap - 1);; j = (j + 1) & (t->cap - 1)) {
        const SymSlot *s = &t->slots[j];
        if (!s->entry)
            return NULL;
        const SymEntry *e = &t->entries[s->entry - 1];
        if (s->hash == h && strcmp(e->key, key) == 0)
            return e->value;
    }
}

void *symtab_put(SymTab *t, const char *key, void *value)
{
    if ((t->count + 1) * 2 > t->cap)
        rehash(t, t->cap ? t->cap * 2 : 64);
    uint32_t h = hash_str(key);
    size_t j = h & (t->cap - 1);
    for (; t->slots[j].entry; j = (j + 1) & (t->cap - 1)) {
        const SymEntry *e = &t->entries[t->slots[j].entry - 1];
        if (t->slots[j].hash == h && strcmp(e->key, key) == 0)
            return e->value;
    }
    if (t->count == t->capentries)
        resize_entries(t, t->capentries ? t->capentries * 2 : 32);
    t->entries[t->count] = (SymEntry){ key, value };
    t->slots[j] = (SymSlot){ h, (uint32_t)++t->count };
    return NULL;
}
