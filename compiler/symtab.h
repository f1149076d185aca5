/* symtab.h - a hash map from NUL-terminated string keys to pointers.
 *
 * Contract: keys are not copied (they must outlive the table: arena strings
 * do); values are opaque. Open addressing with linear probing, grown at 50%
 * load; the slot array lives on the heap and is released by symtab_free.
 * Iteration order is the slot order, deterministic for a given sequence of
 * insertions.
 */
#ifndef RUTA_SYMTAB_H
#define RUTA_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct SymSlot {
    const char *key;   /* NULL: empty slot */
    unsigned hash;
    void *value;
} SymSlot;

typedef struct SymTab {
    SymSlot *slots;
    size_t cap;        /* power of two, or 0 */
    size_t count;
} SymTab;

void symtab_init(SymTab *t);
void symtab_free(SymTab *t);
void *symtab_get(const SymTab *t, const char *key);
/* Inserts key -> value unless key is present; returns the value already
 * stored, or NULL when inserted. */
void *symtab_put(SymTab *t, const char *key, void *value);
/* Makes room for n more keys at once, so that filling the table with a
 * known number of keys rehashes nothing. */
void symtab_reserve(SymTab *t, size_t n);

#endif
