/* lsp_complete.h - completion: what may be written at the cursor.
 *
 * Contract: lsp_complete_context() reads the text before the cursor with a
 * small tolerant scanner of its own (the text being typed rarely parses)
 * and says where the cursor is: at the start of an item of some block (an
 * attribute key, a nested declaration, a seguimiento entry), in the value
 * of a key, after an entry keyword (`avance |`), or somewhere nothing can
 * be proposed (a comment, a string, the name of a new declaration). Pure:
 * no allocation, no state. lsp_complete() turns that into an LSP
 * CompletionList, taking declared names and vocabulary terms from the
 * document's last analysis (which the parser's recovery keeps even with
 * syntax errors) and keys from the schema.
 */
#ifndef RUTA_LSP_COMPLETE_H
#define RUTA_LSP_COMPLETE_H

#include <stddef.h>

#include <jansson.h>

#include "lsp_index.h"

typedef enum LspCompleteWhere {
    LSP_AT_NOTHING,     /* a comment, a string, a new name: no proposals */
    LSP_AT_ITEM,        /* start of an item of `block` (SB_NONE at top level) */
    LSP_AT_VALUE,       /* a value of `key` in `block` (or of an entry) */
    LSP_AT_ENTRY_NAME   /* the name after an entry keyword (`avance |`) */
} LspCompleteWhere;

enum { LSP_COMPLETE_MAX_KEY = 64 };

typedef struct LspCompleteContext {
    LspCompleteWhere where;
    SchemaBlock block;        /* the enclosing block */
    DeclKind block_kind;      /* the declaration that opened it (when one did) */
    int block_is_decl;        /* 1 when a declaration opened the block */
    int nested_in_parent;     /* the declaration sits in its natural parent */
    char key[LSP_COMPLETE_MAX_KEY]; /* LSP_AT_VALUE: the folded key */
    EntryKind entry;          /* LSP_AT_VALUE, LSP_AT_ENTRY_NAME: the entry */
    size_t word_start;        /* byte offset where the word being typed starts */
    unsigned char seen[128];  /* LSP_AT_ITEM: schema rows already in the block */
} LspCompleteContext;

/* text[0..len) is the whole document; offset is the cursor. */
void lsp_complete_context(const char *text, size_t len, size_t offset, LspCompleteContext *ctx);

/* The CompletionList for a byte offset of the analysed document. */
json_t *lsp_complete(LspAnalysis *a, size_t offset);

#endif
