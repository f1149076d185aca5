/* loader.c - loading `usar` modules (spec section 3) and E107.
 *
 * A module is loaded once per compilation, keyed by its canonical path.
 * Files are appended to c->files after the modules they use (post-order),
 * so every pass sees a module's declarations before its users'. A module
 * still being loaded when it is used again closes a cycle (E107).
 */
#include "compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse.h"
#include "parse_split.h"

enum { STATE_NEW = 0, STATE_LOADING = 1, STATE_DONE = 2 };

static void set_state(Compilation *c, uint32_t file, unsigned char st)
{
    if (file >= c->capstate) {
        size_t cap = c->capstate ? c->capstate * 2 : 16;
        while (cap <= file)
            cap *= 2;
        unsigned char *p = realloc(c->state, cap);
        if (!p)
            abort();
        memset(p + c->capstate, 0, cap - c->capstate);
        c->state = p;
        c->capstate = cap;
    }
    c->state[file] = st;
}

static unsigned char get_state(const Compilation *c, uint32_t file)
{
    return file < c->capstate ? c->state[file] : STATE_NEW;
}

static void push_file(Compilation *c, FileAst *ast)
{
    if (c->nfiles == c->capfiles) {
        c->capfiles = c->capfiles ? c->capfiles * 2 : 8;
        FileAst **p = realloc(c->files, c->capfiles * sizeof *p);
        if (!p)
            abort();
        c->files = p;
    }
    c->files[c->nfiles++] = ast;
}

static void push_stack(Compilation *c, uint32_t file)
{
    if (c->nstack == c->capstack) {
        c->capstack = c->capstack ? c->capstack * 2 : 8;
        uint32_t *p = realloc(c->stack, c->capstack * sizeof *p);
        if (!p)
            abort();
        c->stack = p;
    }
    c->stack[c->nstack++] = file;
}

static bool is_path_spec(const char *spec)
{
    size_t n = strlen(spec);
    return (n > 5 && strcmp(spec + n - 5, ".ruta") == 0) || spec[0] == '/' ||
           strncmp(spec, "./", 2) == 0 || strncmp(spec, "../", 3) == 0;
}

/* Directory part of a path ("." when it has none). */
static const char *dir_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

static const char *join(Arena *a, const char *dir, const char *name)
{
    if (name[0] == '/')
        return arena_strdup(a, name);
    if (strcmp(dir, ".") == 0)
        return arena_strdup(a, name);
    size_t n = strlen(dir);
    return arena_printf(a, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static bool exists_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The standard-library search path of section 3, as a list in the arena. */
static size_t search_dirs(Compilation *c, const char **dirs, size_t max)
{
    size_t n = 0;
    const CompileOptions *o = c->opt;
    for (size_t i = 0; i < o->ninclude && n < max; i++)
        dirs[n++] = o->include_dirs[i];
    if (o->ruta_path) {
        const char *p = o->ruta_path;
        while (*p && n < max) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            if (len)
                dirs[n++] = arena_strndup(&c->arena, p, len);
            p += len + (colon ? 1 : 0);
        }
    }
    if (o->exe_stdlib && n < max && exists_dir(o->exe_stdlib))
        dirs[n++] = o->exe_stdlib;
    if (n < max)
        dirs[n++] = RUTA_STDLIB_INSTALLED;
    if (n < max)
        dirs[n++] = RUTA_STDLIB_SOURCE;
    return n;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void process_file(Compilation *c, uint32_t file);

static void report_cycle(Compilation *c, uint32_t target, Loc from)
{
    StrBuf b;
    strbuf_init(&b);
    size_t start = 0;
    for (size_t i = 0; i < c->nstack; i++)
        if (c->stack[i] == target)
            start = i;
    for (size_t i = start; i < c->nstack; i++) {
        strbuf_puts(&b, source_file(&c->sm, c->stack[i])->path);
        strbuf_puts(&b, " → ");
    }
    strbuf_puts(&b, source_file(&c->sm, target)->path);
    diag_report(&c->diag, DIAG_MODULE_CYCLE, from, arena_strdup(&c->arena, strbuf_cstr(&b)), NULL);
    strbuf_free(&b);
}

/* The text an editor holds for this path, added as a source; or
 * SOURCE_NO_FILE when the editor has none. `abs` is canonical when the file
 * exists on disk. */
static uint32_t open_in_editor(Compilation *c, const char *path, const char *abs)
{
    if (!c->opt->open_text)
        return SOURCE_NO_FILE;
    size_t len = 0;
    const char *text = c->opt->open_text(c->opt->open_text_ctx, abs, &len);
    if (!text)
        return SOURCE_NO_FILE;
    return source_add_text(&c->sm, path, abs, text, len);
}

/* An absolute form of a path that may not exist (for editor buffers). */
static const char *absolute(Compilation *c, const char *path)
{
    char real[4096];
    if (realpath(path, real))
        return arena_strdup(&c->arena, real);
    if (path[0] == '/')
        return path;
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return path;
    return arena_printf(&c->arena, "%s/%s", cwd, path);
}

/* Loads the module `spec` used from `from` (a location in the using file, or
 * no location for the implicit base). */
static void load_module(Compilation *c, const char *spec, const char *using_path, Loc from)
{
    const char *path = NULL;
    const char *dirs[64];
    size_t ndirs = 0;
    if (spec[0] == '\0') {
        diag_report(&c->diag, DIAG_MODULE_NOT_FOUND, from, spec, NULL);
        return;
    }
    if (is_path_spec(spec)) {
        const char *p = join(&c->arena, dir_of(&c->arena, using_path), spec);
        const char *abs = absolute(c, p);
        uint32_t known = source_find_real(&c->sm, abs);
        if (known == SOURCE_NO_FILE && (known = open_in_editor(c, p, abs)) != SOURCE_NO_FILE) {
            process_file(c, known);
            return;
        }
        if (exists(p) || known != SOURCE_NO_FILE)
            path = p;
    } else {
        ndirs = search_dirs(c, dirs, 64);
        for (size_t i = 0; i < ndirs && !path; i++) {
            const char *p = arena_printf(&c->arena, "%s/%s.ruta", dirs[i], spec);
            if (exists(p))
                path = p;
        }
    }
    if (!path) {
        Diagnostic *g = diag_report(&c->diag, DIAG_MODULE_NOT_FOUND, from, spec, NULL);
        if (ndirs) {
            StrBuf b;
            strbuf_init(&b);
            for (size_t i = 0; i < ndirs; i++)
                strbuf_printf(&b, "%s%s", i ? ", " : "", dirs[i]);
            diag_help(&c->diag, g, DIAG_HELP_SEARCHED, arena_strdup(&c->arena, strbuf_cstr(&b)), NULL);
            strbuf_free(&b);
        }
        return;
    }
    const char *abs = absolute(c, path);
    uint32_t known = source_find_real(&c->sm, abs);
    if (known != SOURCE_NO_FILE) {
        if (get_state(c, known) == STATE_LOADING)
            report_cycle(c, known, from);
        else if (get_state(c, known) == STATE_NEW && known < c->nshared)
            process_file(c, known); /* a shared module: already parsed */
        return; /* loaded already: a second `usar` is a no-op */
    }
    uint32_t file = open_in_editor(c, path, abs);
    if (file == SOURCE_NO_FILE) {
        SourceError err;
        file = source_load_file(&c->sm, path, &err);
        if (file == SOURCE_NO_FILE) {
            diag_report(&c->diag, DIAG_MODULE_UNREADABLE, from, spec, source_error_text(err), NULL);
            return;
        }
    }
    process_file(c, file);
}

static void process_file(Compilation *c, uint32_t file)
{
    set_state(c, file, STATE_LOADING);
    push_stack(c, file);
    /* Only the user's file is ever big enough to split; modules are not
     * (the standard library's are a few KiB). */
    unsigned flags = (c->opt->parse_lac_only ? PARSE_LAC_ONLY : 0) |
                     (c->opt->parse_plain_scan ? PARSE_PLAIN_SCAN : 0);
    FileAst *ast = file < c->nshared ? c->opt->cache->asts[file]
                   : file == c->main_file && c->opt->parallel_parse
                       ? parse_file_split(&c->arena, &c->diag, &c->sm, file, flags, NULL)
                       : parse_file(&c->arena, &c->diag, &c->sm, file, flags);
    const char *path = source_file(&c->sm, file)->path;
    for (Usar *u = ast->uses; u && !c->diag.stopped; u = u->next)
        load_module(c, u->path, path, u->loc);
    c->nstack--;
    set_state(c, file, STATE_DONE);
    push_file(c, ast);
}

/* Collects the module names under dir (recursively), as "calendario/cl-2026". */
static void list_modules(Compilation *c, const char *dir, const char *prefix, const char ***out, size_t *n,
                         size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        const char *full = arena_printf(&c->arena, "%s/%s", dir, e->d_name);
        const char *name = prefix[0] ? arena_printf(&c->arena, "%s/%s", prefix, e->d_name)
                                     : arena_strdup(&c->arena, e->d_name);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            list_modules(c, full, name, out, n, cap);
            continue;
        }
        size_t len = strlen(name);
        if (!S_ISREG(st.st_mode) || len <= 5 || strcmp(name + len - 5, ".ruta") != 0)
            continue;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 16;
            const char **p = realloc(*out, *cap * sizeof *p);
            if (!p)
                abort();
            *out = p;
        }
        (*out)[(*n)++] = arena_strndup(&c->arena, name, len - 5);
    }
    closedir(d);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool loader_load_stdlib(Compilation *c)
{
    const char *dirs[64];
    size_t ndirs = search_dirs(c, dirs, 64);
    for (size_t i = 0; i < ndirs; i++) {
        const char *base = arena_printf(&c->arena, "%s/base.ruta", dirs[i]);
        if (!exists(base))
            continue;
        const char **names = NULL;
        size_t n = 0, cap = 0;
        list_modules(c, dirs[i], "", &names, &n, &cap);
        qsort(names, n, sizeof *names, compare_names);
        Loc none = loc_make(SOURCE_NO_FILE, 0, 0);
        for (size_t k = 0; k < n; k++)
            load_module(c, names[k], base, none);
        free(names);
        return n > 0;
    }
    return false;
}

void loader_load_main(Compilation *c, uint32_t file)
{
    /* The implicit `base` comes first, unless the file is base itself: the
     * main file counts as loaded meanwhile, so finding it is a no-op. */
    set_state(c, file, STATE_DONE);
    Loc none = loc_make(SOURCE_NO_FILE, 0, 0);
    load_module(c, "base", source_file(&c->sm, file)->path, none);
    set_state(c, file, STATE_NEW);
    process_file(c, file);
}
