/* parse_split.h - the parse of a big file in two halves at once.
 *
 * Contract: parse_file_split() returns what parse_file(arena, diag, sm,
 * file, flags) would: the same tree and the same diagnostics, in the same
 * order. A file of PARSE_SPLIT_MIN bytes or more is cut at a top-level
 * boundary near its middle (a line "}", then one that starts with a
 * letter: where `ruta fmt` puts one) and its halves are parsed at the same
 * time, the second on a thread of its own, each into an arena and an
 * engine of its own. When the first half parsed cleanly the cut was a
 * real boundary: `arena` adopts both arenas, `diag` the second half's
 * diagnostics, and the declaration lists are joined. Otherwise (an error,
 * the budget) the file is parsed again whole, so the result never depends
 * on the cut. Smaller files, and files with no such boundary, are parsed
 * whole on the calling thread.
 */
#ifndef RUTA_PARSE_SPLIT_H
#define RUTA_PARSE_SPLIT_H

#include "parse.h"

#ifndef RUTA_SPLIT_MIN
/* Below this a thread costs more than it saves (docs/performance.md).
 * The sanitizer and fuzzing builds set a tiny size (Makefile, mk/fuzz.mk)
 * so that the test plans and fuzz inputs take the split and its fallback. */
#define RUTA_SPLIT_MIN (4 * 1024 * 1024)
#endif
enum { PARSE_SPLIT_MIN = RUTA_SPLIT_MIN };

/* How the file was parsed, for the tests: whole (small, or no boundary),
 * in two halves joined, or in two halves and then again whole. */
typedef enum SplitOutcome { SPLIT_NONE, SPLIT_JOINED, SPLIT_REDONE } SplitOutcome;

/* `outcome` may be NULL. */
FileAst *parse_file_split(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, unsigned flags,
                          SplitOutcome *outcome);

/* Where the file would be cut: the offset of the first byte of the second
 * half, or 0 for no cut. Exposed for the unit tests. */
size_t parse_split_point(const char *text, size_t len);

#endif
