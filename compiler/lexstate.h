/* lexstate.h - state shared by the scanner and the parser of one file.
 *
 * Internal to parse.c, grammar/lexer.l and grammar/parser.y: the scanner's
 * extra data and the parser's parameter. No globals: each parse owns one.
 */
#ifndef RUTA_LEXSTATE_H
#define RUTA_LEXSTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "intern.h"
#include "parse.h"

typedef struct LexState {
    Arena *arena;
    InternTable names;      /* one copy of each distinct name */
    DiagEngine *diag;
    const SourceFile *src;  /* the file being scanned */
    const char *text;       /* its whole text (src->text), read by offset */
    size_t len;
    size_t start, stop;     /* the part to scan: the whole text, or a half */
    size_t input;           /* next byte to hand to the scanner (lex_input) */
    size_t window;          /* end of the part of a mapped text prefetched */
    uint32_t file;
    uint32_t offset;        /* byte offset of the next unread byte */
    uint32_t braces[PARSE_MAX_DEPTH]; /* offsets of the open '{' */
    int depth;              /* open braces */
    int unclosed;           /* UNCLOSED tokens still to return at EOF */
    bool eof_reported;      /* the missing '}' at EOF was reported */
    bool too_deep;          /* the nesting limit stopped the scan */
    uint32_t text_start;    /* text block: offset of the opening quotes */
    bool text_checked;      /* text block: the scanner found only valid UTF-8 */
    long last_bad;          /* index of the last E001 diagnostic, or -1 */
    uint32_t last_bad_end;  /* its end offset, to merge adjacent bytes */
    FileAst *ast;           /* the tree being built */
    ItemList *free_items;   /* item lists of finished blocks, for reuse */
    Value *free_values;     /* value nodes no longer used, for reuse */
    bool keep_comments;     /* build ast->comments (parse_file) */
    bool plain_scan;        /* no fast path over bodies: the DFA alone
                               (PARSE_PLAIN_SCAN) */
    Comment *last_comment;  /* tail of ast->comments */
    UsarList uses;          /* `usar` lines, in order */
    ItemList *top;          /* the top-level declarations, kept when the
                               parser gives up (an error at end of file) */
    bool quick;             /* the parser without LAC: report no syntax
                               error, note it and give up (parse.c) */
    bool syntax_error;      /* ...which it did */
    int last_token;         /* the token returned before, for units */
    uint32_t last_end;      /* where it ended */
} LexState;

#endif
