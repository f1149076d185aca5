/* lsp_text.h - LSP positions and file URIs.
 *
 * Contract: pure functions. An LSP position is a 0-based line and a
 * character offset counted in UTF-16 code units (LSP 3.17's default and
 * only mandatory encoding), so "ñ" counts 1 and an emoji counts 2. A
 * position past the end of its line means the end of the line; a line past
 * the end of the text means the end of the text. Line breaks are "\n",
 * with an optional "\r" before it (not part of the line). An invalid UTF-8
 * byte counts as one unit, as in utf8_count_utf16(). Strings returned are
 * heap memory owned by the caller.
 */
#ifndef RUTA_LSP_TEXT_H
#define RUTA_LSP_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "source.h"

typedef struct LspPos {
    unsigned line;       /* 0-based */
    unsigned character;  /* UTF-16 code units from the start of the line */
} LspPos;

/* Byte offset of a position in a text held in memory (one scan). */
size_t lsp_text_offset(const char *text, size_t len, LspPos pos);
/* Position of a byte offset in a file of a SourceManager (its line table). */
LspPos lsp_sm_position(SourceManager *sm, uint32_t file, uint32_t offset);
/* Byte offset of a position in a file of a SourceManager. */
uint32_t lsp_sm_offset(SourceManager *sm, uint32_t file, LspPos pos);

/* {"line":..,"character":..} and {"start":..,"end":..}. A location in no
 * file gives the range 0:0-0:0. */
json_t *lsp_json_position(LspPos p);
json_t *lsp_json_range(SourceManager *sm, Loc loc);
/* Reads a Position object; false when it is not one. */
int lsp_parse_position(const json_t *v, LspPos *p);

/* "file:///a%20b/plan.ruta" -> "/a b/plan.ruta"; any other URI (such as
 * "untitled:Sin título-1") is returned unchanged. */
char *lsp_uri_to_path(const char *uri);
/* An absolute (or cwd-relative) path -> "file://" URI, percent-encoding
 * every byte outside the unreserved set and '/'. */
char *lsp_path_to_uri(const char *path);

#endif
