/* fmt_tree.h - the canonical layout of a Ruta file (spec section 10).
 *
 * Contract: fmt_layout() turns a syntax tree that parsed without errors,
 * its source text and its comments into the canonical text (appended to
 * `out`); the rules are in docs/fmt.md. fmt_format() does the same for a
 * file of a SourceManager: it parses it first, and when the scanner or the
 * parser reports an error it returns false and leaves `out` alone (the
 * diagnostics are in `diag`). Both allocate only in `arena` and in
 * temporary heap memory they free; no global state, so the language server
 * may call them from any thread with its own arena and engine.
 *
 * fmt_sorted_attrs() is the canonical order of a block's attributes: known
 * keys in the order of schema.def, then unknown keys and seguimiento
 * entries in source order. The meaning check (fmt_verify.h) uses it too.
 */
#ifndef RUTA_FMT_TREE_H
#define RUTA_FMT_TREE_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "schema.h"
#include "source.h"
#include "strbuf.h"

void fmt_layout(Arena *arena, const FileAst *ast, const char *text, size_t len, StrBuf *out);

/* Parses `file` with `diag` and lays it out; *ast (when given) receives the
 * tree. False when the file has syntax errors. */
bool fmt_format(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, StrBuf *out,
                FileAst **ast);

/* The attributes of a list in canonical order, as an arena array of *n. */
const Attr **fmt_sorted_attrs(Arena *arena, const Attr *list, SchemaBlock block, size_t *n);
/* The schema block of an attribute's { } (an entry's acuerdo or nudo
 * block; SB_NONE otherwise). */
SchemaBlock fmt_attr_block(const Attr *at);

#endif
