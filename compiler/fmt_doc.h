/* fmt_doc.h - the formatter's document: canonical lines, plus the comments.
 *
 * Contract: the layout pass (fmt_tree.c) appends the canonical lines of a
 * file in output order, each with its indentation and the blank line it
 * wants before it, and registers anchors: the source range of an item and
 * the output lines that print it. fmt_doc_render() then places every `#`
 * comment of the source by those anchors and writes the text:
 *
 *   - a comment on its own line goes, on its own line, before the item
 *     that follows it in the source (before the closing '}' of its block
 *     when nothing follows; at the end of the file after everything); one
 *     inside an item printed on one line goes before that item;
 *   - a comment after code stays at the end of the output line that prints
 *     the code before it; when several land on one line, all but the last
 *     go on their own lines just before it, so their order is kept;
 *   - blank lines the source has between comments, and between a comment
 *     block and its item, are kept (at most one); trailing comments of
 *     consecutive lines at the same indentation are aligned.
 *
 * Lines, anchors and strings live in the caller's arena or in heap vectors
 * freed by fmt_doc_free(). The output ends with exactly one newline
 * (nothing for an empty file) and has no trailing blanks.
 */
#ifndef RUTA_FMT_DOC_H
#define RUTA_FMT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "strbuf.h"

/* The blank line wanted before a line (and before its leading comments). */
typedef enum FmtSep {
    FMT_SEP_NONE,    /* none, but a blank line the source has before its first comment is kept */
    FMT_SEP_SOURCE,  /* one when the source has one before the item or its first comment */
    FMT_SEP_BLANK    /* always one (never at the start of the text or right after a '{' line) */
} FmtSep;

typedef enum FmtLineKind {
    FMT_LINE_CODE,   /* an item, or the last line of one */
    FMT_LINE_OPEN,   /* ends with the '{' of a block: no blank line after it */
    FMT_LINE_CLOSE,  /* the '}' of a block: comments before it are indented one level more */
    FMT_LINE_RAW,    /* a line of a text block's content: printed exactly as given */
    FMT_LINE_END     /* the end of the file: only its comments are printed */
} FmtLineKind;

typedef struct FmtLine {
    FmtLineKind kind;
    int indent;        /* levels of two spaces (0 for RAW and END) */
    const char *code;  /* the text after the indentation (arena) */
    FmtSep sep;
    uint32_t src;      /* source offset of the item, for FMT_SEP_SOURCE */
} FmtLine;

typedef struct FmtAnchor {
    uint32_t begin, end; /* source range of the item */
    size_t first, last;  /* output lines printing it */
    size_t seq;          /* registration order, for a stable sort */
} FmtAnchor;

typedef struct FmtDoc {
    Arena *arena;
    const char *text;    /* the source text */
    size_t len;
    uint32_t start;      /* offset after a byte-order mark */
    const Comment *comments;
    FmtLine *lines;      /* heap vector */
    size_t nlines, caplines;
    FmtAnchor *anchors;  /* heap vector */
    size_t nanchors, capanchors;
    uint32_t *cbegin;    /* heap: begin offset of each comment, in order */
    size_t ncomments;
} FmtDoc;

enum { FMT_WIDTH = 100 }; /* columns a line aims to fit in */

void fmt_doc_init(FmtDoc *d, Arena *arena, const char *text, size_t len, const Comment *comments);
void fmt_doc_free(FmtDoc *d);

/* Appends a line; returns its index. */
size_t fmt_doc_line(FmtDoc *d, FmtLineKind kind, int indent, const char *code, FmtSep sep, uint32_t src);
/* Says that the source range [begin, end) is printed by lines first..last. */
void fmt_doc_anchor(FmtDoc *d, uint32_t begin, uint32_t end, size_t first, size_t last);
/* Is there a comment starting in [from, to)? */
bool fmt_doc_has_comment(const FmtDoc *d, uint32_t from, uint32_t to);

/* Places the comments and appends the formatted text to out. Call once,
 * after the last line (an FMT_LINE_END line anchored at the end of the
 * text). */
void fmt_doc_render(FmtDoc *d, StrBuf *out);

#endif
