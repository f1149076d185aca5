/* diag.h - the diagnostics engine.
 *
 * Contract: phases report diagnostics by catalogue id (diag_catalog.def) with
 * a primary location and string arguments; notes and a help line attach to
 * the diagnostic just reported. The engine owns its list (heap) and copies
 * messages into the compilation arena. Nothing is printed until
 * diag_render(): diagnostics are then sorted by file and position (stable),
 * the warning policy (--allow, --deny, -Werror, permitir) is applied, and
 * they are written as GCC-compatible text, JSON or SARIF 2.1.0.
 *
 * Errors are never silenced. After max_errors errors the engine records no
 * more and sets `stopped`, which phases test to stop early.
 */
#ifndef RUTA_DIAG_H
#define RUTA_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "source.h"
#include "strbuf.h"

typedef enum DiagId {
#define DIAG(id, code, sev, tmpl, desc) DIAG_##id,
#include "diag_catalog.def"
#undef DIAG
    DIAG_COUNT
} DiagId;

typedef enum DiagSeverity {
    SEV_ERROR,   /* stops the build: exit 1 */
    SEV_WARNING, /* reported; may be silenced or promoted */
    SEV_NOTE,    /* attached to a diagnostic: a related location */
    SEV_HELP,    /* attached to a diagnostic: how to fix it */
    SEV_IGNORED  /* a warning silenced by the policy */
} DiagSeverity;

typedef struct DiagCatalogEntry {
    const char *code;        /* "E102", or "" for notes and help */
    DiagSeverity severity;   /* default severity */
    const char *tmpl;        /* Spanish message with {1}..{4} */
    const char *description; /* Spanish description of the code, or "" */
} DiagCatalogEntry;

extern const DiagCatalogEntry diag_catalog[DIAG_COUNT];

typedef struct DiagNote {
    Loc loc;          /* where the note points; file SOURCE_NO_FILE for none */
    const char *msg;  /* expanded message */
} DiagNote;

typedef struct Diagnostic {
    DiagId id;
    DiagSeverity severity; /* effective severity after the policy */
    bool promoted;         /* a warning turned into an error */
    bool denied;           /* ...by --deny (else by -Werror) */
    Loc loc;
    const char *msg;
    DiagNote *notes;
    size_t nnotes, capnotes;
    const char *help;      /* expanded help line, or NULL */
    size_t seq;            /* order of report, for a stable sort */
} Diagnostic;

typedef enum DiagFormat { DIAG_TEXT, DIAG_JSON, DIAG_SARIF } DiagFormat;

/* Which warnings are silenced or promoted. Codes are "W205" strings. */
typedef struct DiagPolicy {
    const char **allow; size_t nallow;
    const char **deny;  size_t ndeny;
    bool werror;
} DiagPolicy;

typedef struct DiagEngine {
    Arena *arena;
    SourceManager *sm;
    Diagnostic *items;   /* heap vector */
    size_t n, cap;
    size_t errors;       /* errors recorded (before the policy) */
    size_t max_errors;   /* 0 = unlimited */
    bool stopped;        /* max_errors reached: phases should stop */
    bool truncated;      /* an error was dropped because of the limit */
    bool halted;         /* a fatal error ended the compilation: no more reports */
} DiagEngine;

void diag_init(DiagEngine *d, Arena *arena, SourceManager *sm, size_t max_errors);
void diag_free(DiagEngine *d);

/* Moves every diagnostic of `from` to the end of `into`, in order, with
 * its counts and stop flags; `from` is left empty. Their texts stay where
 * they are: `from`'s arena must live as long as `into`'s (parse_split.c
 * adopts it). */
void diag_adopt(DiagEngine *into, DiagEngine *from);

/* The engine's state at a point, to go back to: diag_rollback() drops
 * every diagnostic reported since diag_mark() and restores the counts and
 * the stop flags (a parse thrown away and done again, parse.c). */
typedef struct DiagMark {
    size_t n, errors;
    bool stopped, truncated, halted;
} DiagMark;

DiagMark diag_mark(const DiagEngine *d);
void diag_rollback(DiagEngine *d, DiagMark m);

/* Reports a diagnostic; args are NULL-terminated strings for {1}..{4}.
 * Returns NULL when the diagnostic was dropped (limit reached); the note and
 * help functions accept NULL and then do nothing. */
Diagnostic *diag_report(DiagEngine *d, DiagId id, Loc loc, ...);
/* After a fatal error (the memory budget): every phase stops and every
 * later report is dropped, so the fatal error is the last one shown. */
void diag_halt(DiagEngine *d);
void diag_note(DiagEngine *d, Diagnostic *diag, DiagId id, Loc loc, ...);
void diag_help(DiagEngine *d, Diagnostic *diag, DiagId id, ...);

/* Expands a catalogue template with NULL-terminated arguments. */
const char *diag_format(Arena *a, DiagId id, ...);

/* Finds the catalogue severity of a code ("W205"); returns false if the code
 * is not in the catalogue. */
bool diag_code_severity(const char *code, DiagSeverity *sev);

/* Applies the policy and sorts; afterwards counts are available. */
void diag_finalize(DiagEngine *d, const DiagPolicy *policy);
size_t diag_count(const DiagEngine *d, DiagSeverity sev);

typedef struct DiagRenderOptions {
    DiagFormat format;
    bool color;
    bool summary; /* text: print the closing count line */
} DiagRenderOptions;

/* Renders finalized diagnostics to out (text: the whole report; JSON and
 * SARIF: a complete document for this engine alone). */
void diag_render(DiagEngine *d, const DiagRenderOptions *opt, StrBuf *out);

/* Pieces for one JSON or SARIF document that gathers several compilations:
 * begin, then the items of each engine, then end. */
struct JsonW;
void diag_json_begin(struct JsonW *w);
void diag_json_items(DiagEngine *d, struct JsonW *w);
void diag_json_end(struct JsonW *w);
void diag_sarif_begin(struct JsonW *w);
void diag_sarif_items(DiagEngine *d, struct JsonW *w);
void diag_sarif_end(struct JsonW *w);

/* Writes the catalogue as a Markdown table (for docs/). */
void diag_catalog_markdown(StrBuf *out);

#endif
