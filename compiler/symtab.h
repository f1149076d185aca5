/* symtab.h - a hash map from NUL-terminated string keys to pointers.
 *
 * Contract: keys are not copied (they must outlive the table: arena strings
 * do); values are opaque. The entries are kept in insertion order in
 * `entries` (read-only for callers: iterate `entries[0..count)`); an
 * open-addressing index of 8 bytes a slot (a key's hash and its entry's
 * position, linear probing, grown at 50% load) finds them. Both arrays
 * live on the heap and are released by symtab_free. A plan's namespace
 * holds one entry per declared name, so the table is kept small: 8 bytes
 * a slot and 16 an entry, against 24 a slot with the key and value in it.
 */
#ifndef RUTA_SYMTAB_H
#define RUTA_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct SymEntry {
    const char *key;
    void *value;
} SymEntry;

typedef struct SymSlot {
    uint32_t hash;     /* the key's hash */
    uint32_t entry;    /* position in entries + 1; 0: empty slot */
} SymSlot;

typedef struct SymTab {
    SymSlot *slots;
    size_t cap;        /* slots: a power of two, or 0 */
    SymEntry *entries; /* in insertion order */
    size_t count, capentries;
} SymTab;

void symtab_init(SymTab *t);
void symtab_free(SymTab *t);
void *symtab_get(const SymTab *t, const char *key);
/* Inserts key -> value unless key is present; returns the value already
 * stored, or NULL when inserted. */
void *symtab_put(SymTab *t, const char *key, void *value);
/* Makes room for n more keys at once, so that filling the table with a
 * known number of keys rehashes and reallocates nothing. */
void symtab_reserve(SymTab *t, size_t n);

#endif
