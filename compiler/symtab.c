/* symtab.c - open-addressing string hash map (FNV-1a). */
#include "symtab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

void symtab_init(SymTab *t)
{
    t->slots = NULL;
    t->cap = t->count = 0;
}

void symtab_free(SymTab *t)
{
    free(t->slots);
    symtab_init(t);
}

static void rehash(SymTab *t, size_t cap)
{
    SymSlot *slots = calloc(cap, sizeof *slots);
    if (!slots) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    for (size_t i = 0; i < t->cap; i++) {
        SymSlot *s = &t->slots[i];
        if (!s->key)
            continue;
        size_t j = s->hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

static void grow(SymTab *t)
{
    rehash(t, t->cap ? t->cap * 2 : 64);
}

void symtab_reserve(SymTab *t, size_t n)
{
    size_t cap = t->cap ? t->cap : 64;
    while ((t->count + n) * 2 > cap)
        cap *= 2;
    if (cap != t->cap)
        rehash(t, cap);
}

void *symtab_get(const SymTab *t, const char *key)
{
    if (!t->cap)
        return NULL;
    unsigned h = hash_str(key);
    for (size_t j = h & (t->cap - 1);; j = (j + 1) & (t->cap - 1)) {
        const SymSlot *s = &t->slots[j];
        if (!s->key)
            return NULL;
        if (s->hash == h && strcmp(s->key, key) == 0)
            return s->value;
    }
}

void *symtab_put(SymTab *t, const char *key, void *value)
{
    if ((t->count + 1) * 2 > t->cap)
        grow(t);
    unsigned h = hash_str(key);
    size_t j = h & (t->cap - 1);
    while (t->slots[j].key) {
        if (t->slots[j].hash == h && strcmp(t->slots[j].key, key) == 0)
            return t->slots[j].value;
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j].key = key;
    t->slots[j].hash = h;
    t->slots[j].value = value;
    t->count++;
    return NULL;
}
