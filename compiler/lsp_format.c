/* lsp_format.c - textDocument/formatting through the formatter of `ruta fmt`.
 *
 * The editor's text is formatted exactly as `ruta fmt` formats a file
 * (fmt_format), and, as `ruta fmt` does before it writes anything, the
 * result is parsed again and its meaning compared with the original's
 * (fmt_fingerprint): a formatter bug can never alter a plan through the
 * editor either. The answer is one TextEdit replacing the whole text, or no
 * edit when the text is already canonical. A text with syntax errors is
 * not formatted (RequestFailed, with the reason).
 */
#include "lsp_server.h"

#include <string.h>

#include "fmt_tree.h"
#include "fmt_verify.h"
#include "parse.h"

typedef struct Fmt {
    Arena arena;
    SourceManager sm;
    DiagEngine diag;
} Fmt;


json_t *lsp_format(LspServer *s, LspDoc *d, const char **error)
{
    (void)s;
    *error = NULL;
    Fmt f;
    arena_init(&f.arena);
    source_manager_init(&f.sm);
    diag_init(&f.diag, &f.arena, &f.sm, 0);
    uint32_t file = source_add_text(&f.sm, d->path, NULL, d->text, d->len);
    StrBuf out;
    strbuf_init(&out);
    FileAst *ast = NULL;
    json_t *edits = NULL;
    if (!fmt_format(&f.arena, &f.diag, &f.sm, file, &out, &ast)) {
        *error = "el archivo tiene errores de sintaxis: corríjalos antes de darle formato";
    } else if (!fmt_same_meaning(&f.arena, &f.sm, d->path, ast, &out)) {
        *error = "error interno: el formato cambiaría el contenido del plan; no se aplicó";
    } else {
        edits = json_array();
        if (out.len != d->len || (out.len && memcmp(out.data, d->text, out.len) != 0)) {
            json_t *edit = json_object();
            lsp_set(edit, "range", lsp_json_range(&f.sm, loc_make(file, 0, (uint32_t)d->len)));
            lsp_set(edit, "newText", lsp_json_strn(out.data ? out.data : "", out.len));
            json_array_append_new(edits, edit);
        }
    }
    strbuf_free(&out);
    diag_free(&f.diag);
    source_manager_free(&f.sm);
    arena_free(&f.arena);
    return edits;
}
