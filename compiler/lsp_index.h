/* lsp_index.h - one checked document and the index of its names.
 *
 * Contract: lsp_analyze() compiles a text exactly as `ruta check` compiles
 * a file (the same passes, the consistency checks when the front end found
 * no errors, the same warning policy: --allow, --deny, -Werror and the
 * plan's `permitir`), then indexes every occurrence of a name in every file
 * of the compilation: declarations, references, vocabulary terms,
 * attribute keys and `usar` strings, sorted by file and position. The
 * LspAnalysis owns its Compilation and index; everything it returns points
 * into it and lives until lsp_analysis_free(). A text with syntax errors is
 * indexed as far as the parser recovered it.
 */
#ifndef RUTA_LSP_INDEX_H
#define RUTA_LSP_INDEX_H

#include <stdbool.h>

#include "compile.h"
#include "schema.h"

typedef enum LspOccRole {
    OCC_DECL,       /* the name of a declaration (decl) */
    OCC_REF,        /* a name that resolves to a declaration (decl) */
    OCC_TERM_DECL,  /* a term written in its vocabulario (term, vocab) */
    OCC_TERM_REF,   /* a value naming a term (term, vocab when known) */
    OCC_KEY,        /* an attribute key (key, block) */
    OCC_USAR        /* the string of a `usar` (module) */
} LspOccRole;

typedef struct LspOcc {
    Loc loc;
    LspOccRole role;
    Decl *decl;             /* OCC_DECL, OCC_REF */
    const Term *term;       /* OCC_TERM_* */
    const Decl *vocab;      /* OCC_TERM_*: its vocabulario, or NULL */
    const SchemaKey *key;   /* OCC_KEY */
    uint32_t module;        /* OCC_USAR: source id loaded, or SOURCE_NO_FILE */
} LspOcc;

/* The warning policy of the command line (the plan adds its `permitir`). */
typedef struct LspPolicy {
    const char **allow; size_t nallow;
    const char **deny;  size_t ndeny;
    bool werror;
} LspPolicy;

typedef struct LspAnalysis {
    CompileOptions opt;     /* the options the compilation points to */
    Compilation c;
    uint32_t main;          /* source id of the document */
    LspOcc *occ;            /* sorted by (file, begin) */
    size_t nocc, capocc;
} LspAnalysis;

LspAnalysis *lsp_analyze(const CompileOptions *opt, const LspPolicy *policy, const char *path,
                         const char *text, size_t len);
void lsp_analysis_free(LspAnalysis *a);

/* The occurrence under a byte offset of a file (a cursor just after a name
 * still counts), or NULL. */
const LspOcc *lsp_occ_at(const LspAnalysis *a, uint32_t file, uint32_t offset);
/* True when the compilation read a file with this canonical path other
 * than the document itself (it depends on it). */
bool lsp_analysis_uses(const LspAnalysis *a, const char *real);
/* The canonical path of a file of the compilation ("" when none), or its
 * path as given when it has no canonical one. */
const char *lsp_file_key(const LspAnalysis *a, uint32_t file);
/* The vocabulario a term belongs to, or NULL. */
const Decl *lsp_term_vocab(const LspAnalysis *a, const Term *t);

#endif
