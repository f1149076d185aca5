/* parse.h - the parse phase: one source file to its syntax tree.
 *
 * Contract: parse_file() scans and parses the text of `file` (already in the
 * SourceManager) with the reentrant scanner and pure parser of grammar/,
 * allocating the tree in `arena`. Lexical and syntax errors (E001-E007) are
 * reported to `diag`; the parser recovers at the next attribute or
 * declaration, so the returned tree holds every part that parsed. Never
 * returns NULL. Thread-safe as long as each call has its own arena and
 * engine. Flags: PARSE_COMMENTS keeps the `#` comments in FileAst.comments
 * (the formatter needs them; a check does not, and a big plan has
 * thousands). A file is parsed first by a parser without LAC (lookahead
 * correction), which gives up at its first syntax error; the file is then
 * parsed again by the one with LAC, whose reports say exactly which
 * tokens were expected, after undoing all the first pass did in `arena`
 * and `diag` (FileAst.parsed_again). PARSE_LAC_ONLY skips the first pass
 * (tests and the fuzz target compare the two ways).
 */
#ifndef RUTA_PARSE_H
#define RUTA_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"

/* Limits of the scanner (each a clear E004/E007 instead of undefined
 * behaviour or exhaustion). */
enum {
    PARSE_MAX_DEPTH = 64,             /* nested '{' */
    PARSE_MAX_NAME = 128,             /* bytes in a name */
    PARSE_MAX_STRING = 1024 * 1024    /* bytes in a string or text block */
};

/* The scanner's input: its buffer, and how far ahead of it a mapped text
 * is faulted in (source_prefetch) and behind it let go (source_release).
 * Each read fills what the buffer has free; a token longer than the buffer
 * doubles it, so a token of n bytes costs O(n) however long (flex scans a
 * token again from its start after each read). */
#ifndef RUTA_SCAN_BUFFER
/* The sanitizer and fuzzing builds set a tiny buffer (16 and 64 bytes:
 * Makefile, mk/fuzz.mk) so that every test and fuzz input crosses reads in
 * the middle of tokens; the fuzzing build's still holds short strings
 * and comments whole, for the scanner's fast paths (textscan.h). */
#define RUTA_SCAN_BUFFER (16 * 1024)
#endif
enum {
    PARSE_SCAN_BUFFER = RUTA_SCAN_BUFFER,
    PARSE_SCAN_WINDOW = 1024 * 1024
};

/* PARSE_NO_EXPECT: the arena's blocks grow from the smallest, without
 * the arena_expect() a parse makes from the size of its text (the unit
 * tests measure how much a parse takes that way). PARSE_PLAIN_SCAN: the
 * scanner's DFA alone, without its fast paths over the bodies of
 * strings, comments and text blocks (the tests and the fuzz target
 * compare the two ways). */
enum {
    PARSE_COMMENTS = 1 << 0,
    PARSE_LAC_ONLY = 1 << 1,
    PARSE_NO_EXPECT = 1 << 2,
    PARSE_PLAIN_SCAN = 1 << 3
};

FileAst *parse_file(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, unsigned flags);

/* The same over the bytes [from, to) of the file alone, as if they were
 * all of it (the end of the part is its end of file; locations stay
 * offsets in the whole file). parse_split.c parses the halves of a big
 * file this way. */
FileAst *parse_range(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, size_t from, size_t to,
                     unsigned flags);

#endif
