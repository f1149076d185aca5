/* lsp_server.h - the state of one `ruta lsp` session and its documents.
 *
 * Contract: one LspServer holds everything the session knows (no global
 * state): the options every check uses, the open documents with the text
 * the editor holds, and each document's last analysis. A document's text
 * changes only through the editor's notifications; its analysis is redone
 * lazily (LspDoc.dirty) so that a burst of edits costs one check. Every
 * check reads the `usar` modules that are open in the editor from the
 * editor (CompileOptions.open_text), the others from disk; when a document
 * changes, the open documents that use it are marked dirty too. Strings
 * and analyses are heap memory owned by the server and released by
 * lsp_server_free().
 */
#ifndef RUTA_LSP_SERVER_H
#define RUTA_LSP_SERVER_H

#include <stdbool.h>

#include <jansson.h>

#include "compile.h"
#include "driver.h"
#include "lsp_index.h"
#include "lsp_rpc.h"
#include "lsp_text.h"

typedef struct LspDoc {
    char *uri;              /* as the client sent it */
    char *path;             /* file path (the URI itself when not a file: URI) */
    char *real;             /* canonical path when the file exists, else path */
    char *text;             /* the editor's text (NUL-terminated) */
    size_t len;
    json_int_t version;
    bool dirty;             /* changed since the last analysis */
    LspAnalysis *an;        /* last analysis, or NULL */
} LspDoc;

typedef struct LspServer {
    CompileOptions copt;    /* the command line's, plus open_text */
    LspPolicy policy;       /* --allow, --deny, -Werror */
    ModuleCache cache;      /* the standard library, parsed once */
    bool has_cache;
    LspDoc **docs;          /* open documents, in opening order */
    size_t ndocs, capdocs;
    LspReader in;
    int out_fd;
    bool initialized;       /* `initialize` answered */
    bool shutting_down;     /* `shutdown` answered */
    bool done;              /* `exit` received or the input ended */
    int status;             /* exit status */
    bool timing;            /* RUTA_LSP_TIMING set: log check times on stderr */
    double changed_at;      /* when the oldest unpublished change arrived (s), or 0 */
} LspServer;

void lsp_server_init(LspServer *s, DriverEnv *env, int in_fd, int out_fd);
void lsp_server_free(LspServer *s);

LspDoc *lsp_doc_find(LspServer *s, const char *uri);
LspDoc *lsp_doc_open(LspServer *s, const char *uri, const char *text, size_t len, json_int_t version);
void lsp_doc_close(LspServer *s, LspDoc *d);
/* Applies one TextDocumentContentChangeEvent (whole text, or a range);
 * false when the change is malformed (nothing is changed then). */
bool lsp_doc_change(LspServer *s, LspDoc *d, const json_t *change);
/* Marks the open documents that use d (and d itself) for a new check. */
void lsp_doc_touch(LspServer *s, LspDoc *d);
/* Brings d's analysis up to date; returns it. Publishes its diagnostics
 * when it had to check again. */
LspAnalysis *lsp_doc_analysis(LspServer *s, LspDoc *d);
/* Checks every dirty document and publishes its diagnostics. */
void lsp_flush(LspServer *s);
/* Seconds on a monotonic clock. */
double lsp_now(void);

/* The URI of a file of an analysis: the editor's URI when the file is
 * open, else a file: URI of its path. Heap string. */
char *lsp_file_uri(LspServer *s, const LspAnalysis *a, uint32_t file);
/* Sends a message (released). */
void lsp_emit(LspServer *s, json_t *msg);

/* Features (lsp_features.c); each returns the `result` of its request. */
json_t *lsp_publish_params(LspServer *s, LspDoc *d);
json_t *lsp_hover(LspServer *s, LspDoc *d, size_t offset);
json_t *lsp_definition(LspServer *s, LspDoc *d, size_t offset);
json_t *lsp_references(LspServer *s, LspDoc *d, size_t offset, bool include_decl);
json_t *lsp_document_symbols(LspServer *s, LspDoc *d);
/* lsp_format.c: the TextEdits that give d the layout of `ruta fmt`, or
 * NULL with *error set when it cannot be formatted. */
json_t *lsp_format(LspServer *s, LspDoc *d, const char **error);

#endif
