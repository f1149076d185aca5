/* fmt_verify.h - does a formatted text mean what the original meant?
 *
 * Contract: fmt_fingerprint() appends to `out` a description of everything
 * in a syntax tree that carries meaning: `usar` paths, declarations (kind,
 * name, title, date, nesting), attributes in canonical order
 * (fmt_sorted_attrs) with their values as the scanner decoded them, entry
 * comments, vocabulary terms and calendar days. Layout, comments, `;` and
 * the spelling variants of one value (`$150000` and `$150.000`) leave it
 * unchanged; anything else changes it. `ruta fmt` compares the fingerprints
 * of the original and of the re-parsed output before it prints or writes
 * anything, so a formatter bug can never alter a plan silently.
 */
#ifndef RUTA_FMT_VERIFY_H
#define RUTA_FMT_VERIFY_H

#include <stdbool.h>

#include "arena.h"
#include "source.h"
#include "ast.h"
#include "strbuf.h"

void fmt_fingerprint(Arena *arena, const FileAst *ast, StrBuf *out);

/* Parses `text` (the formatted form of `orig`) as a new source of `sm`:
 * true when it has no syntax error and the same fingerprint as `orig`. */
bool fmt_same_meaning(Arena *arena, SourceManager *sm, const char *path, const FileAst *orig, const StrBuf *text);

#endif
