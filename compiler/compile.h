/* compile.h - one compilation: a plan file, the modules it uses, the checks.
 *
 * Contract: a Compilation owns everything it creates (arena, sources,
 * diagnostics, symbol table) until compilation_free. compile_file() loads the
 * main file, the implicit `base` module and every `usar` module (E107),
 * parses them, collects the declarations into one namespace (E101),
 * resolves references (E102, E103) and checks every attribute against the
 * schema (E104-E110, E108). Later passes (checks.h, backends) read the
 * result: `files` in dependency order (the main file last), `plan`, and the
 * declarations by kind. No global state: several compilations may run in
 * parallel threads.
 */
#ifndef RUTA_COMPILE_H
#define RUTA_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"
#include "symtab.h"

struct ModuleCache;
struct SchemaMemo;

/* Returns the text an editor holds for `path` (the canonical path when the
 * file exists on disk), or NULL to read the file. */
typedef const char *(*OpenTextFn)(void *ctx, const char *path, size_t *len);

typedef struct CompileOptions {
    const char **include_dirs;   /* -I DIR, in order */
    size_t ninclude;
    const char *ruta_path;       /* value of RUTA_PATH, or NULL */
    const char *exe_stdlib;      /* stdlib dir next to the binary, or NULL */
    size_t max_errors;           /* 0 = unlimited */
    size_t max_memory;           /* budget of the tree in bytes (E008), 0 = none */
    int as_of;                   /* day number of --as-of */
    bool need_plan;              /* the command needs a plan (E108) */
    OpenTextFn open_text;        /* texts open in an editor, or NULL */
    void *open_text_ctx;
    const struct ModuleCache *cache; /* modules parsed once and shared, or NULL */
    bool map_sources;            /* big files are mapped (source.h): one-shot
                                    commands only, never the language server */
    bool parallel_parse;         /* big files are parsed in two halves at
                                    once (parse_split.h) */
    bool parse_lac_only;         /* no quick parse first (parse.h): for the
                                    tests and the fuzz target */
    bool parse_plain_scan;       /* the scanner's DFA alone, no fast path
                                    over bodies (parse.h): the same */
} CompileOptions;

/* How check_attributes() went over a file parsed in two halves. */
typedef enum AttrCheckWay {
    ATTR_CHECK_ONE_THREAD,  /* one thread, in order (the usual way) */
    ATTR_CHECK_TWO_THREADS, /* two threads, nothing reported: kept */
    ATTR_CHECK_REDONE       /* two threads reported something: redone in order */
} AttrCheckWay;

typedef struct DeclVec {
    Decl **items;
    size_t n, cap;
} DeclVec;

typedef struct Compilation {
    Arena arena;
    SourceManager sm;
    DiagEngine diag;
    const CompileOptions *opt;
    FileAst **files;        /* dependency order: modules first, main last */
    size_t nfiles, capfiles;
    uint32_t main_file;     /* source id of the file given by the user */
    unsigned char *state;   /* per source id: 0 new, 1 loading, 2 done */
    size_t capstate;
    uint32_t *stack;        /* files being loaded, for cycle messages */
    size_t nstack, capstack;
    SymTab symbols;         /* folded name -> Decl* (one namespace) */
    Decl *plan;             /* the first plan, or NULL */
    DeclVec by_kind[DECL_KIND_COUNT]; /* every declaration, in order */
    DeclVec split_top;      /* the top-level declarations of the file that
                               was parsed in two halves, for the attribute
                               check's threads (check_attrs.c) */
    const char **allow;     /* codes listed in the plan's `permitir` */
    size_t nallow, capallow;
    bool vocab_reported[8]; /* missing-vocabulary E102 reported once */
    uint32_t nshared;       /* source ids below this come from the cache */
    AttrCheckWay attr_check; /* for the tests */
    DeclVec *referenced_later; /* set in a thread's copy: the personas and
                                  equipos it resolved to, to be marked
                                  `referenced` after it (check_attrs.c) */
    struct SchemaMemo *schema_memo; /* while check_attributes runs: the
                                       thread's memo of schema lookups */
} Compilation;

/* Modules parsed once and shared read-only by many compilations (the
 * standard library in `ruta territorio`). Built by one thread, then only
 * read: every compilation imports its files with the same source ids. */
typedef struct ModuleCache {
    Compilation c;          /* the compilation that parsed the modules */
    FileAst **asts;         /* per source id of c.sm: the parsed file */
    size_t nasts;
} ModuleCache;

/* Parses every module of the standard library found on the search path of
 * `opt`. Returns false (nothing to free) when no module could be loaded. */
bool module_cache_build(ModuleCache *mc, const CompileOptions *opt);
void module_cache_free(ModuleCache *mc);

void compilation_init(Compilation *c, const CompileOptions *opt);
void compilation_free(Compilation *c);
/* compilation_free for a one-shot command whose process exits next: the
 * tree's memory is left to the exit (arena_abandon). */
void compilation_free_at_exit(Compilation *c);

/* Loads and checks a file. Returns false when the main file itself cannot
 * be read (the caller reports it: exit 2); diagnostics otherwise. */
bool compile_file(Compilation *c, const char *path, SourceError *err);
/* The same for a text held in memory (language server, tests). */
void compile_text(Compilation *c, const char *path, const char *text, size_t len);

/* The first attribute with folded key `key` in d, or NULL. */
Attr *decl_attr(const Decl *d, const char *key);

/* Internal passes, in order (compile.c runs them). */
void loader_load_main(Compilation *c, uint32_t file);
/* Loads every module of the first standard-library directory of the search
 * path (for ModuleCache); false when none is found. */
bool loader_load_stdlib(Compilation *c);
void resolve_collect(Compilation *c);
void check_attributes(Compilation *c);

/* Reference resolution shared by the checks: resolves a NAME value to a
 * declaration of one of the kinds in `refs` (E102/E103); returns NULL on
 * failure. */
Decl *resolve_ref(Compilation *c, Value *v, unsigned refs);
/* Resolves a NAME value to a term of vocabulary `vocab` (E102). */
const Term *resolve_term(Compilation *c, Value *v, const char *vocab);
/* Resolves a target name given as a key (`avance taller:`). */
Decl *resolve_name(Compilation *c, const char *name, const char *folded, Loc loc, unsigned refs);

/* Room for n more declarations, so that n pushes reallocate nothing. */
void declvec_reserve(DeclVec *v, size_t n);
void declvec_push(DeclVec *v, Decl *d);

#endif
