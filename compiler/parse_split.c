/* parse_split.c - a big file parsed in two halves, the second on a thread. */
#include "parse_split.h"

#include <pthread.h>
#include <string.h>

/* A line that is exactly "}" (a CR before its newline allowed) followed,
 * after any blank lines, by one that starts with a letter: where `ruta fmt` ends one top-level
 * declaration and starts the next. Only a candidate: the first half must
 * still parse cleanly for the cut to hold (a text block or a block closed
 * without indentation can hold such lines too). */
size_t parse_split_point(const char *text, size_t len)
{
    size_t at = len / 2;
    while (at < len) {
        const char *nl = memchr(text + at, '\n', len - at);
        if (!nl)
            return 0;
        size_t line = (size_t)(nl - text) + 1; /* start of the next line */
        size_t end = line;
        while (end < len && text[end] != '\n')
            end++;
        size_t n = end - line;
        if (end < len && (n == 1 || (n == 2 && text[line + 1] == '\r')) && text[line] == '}') {
            size_t next = end + 1; /* past blank lines */
            while (next < len && (text[next] == '\n' || text[next] == '\r'))
                next++;
            char c = next < len ? text[next] : 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                return end + 1;
        }
        at = line;
    }
    return 0;
}

typedef struct Half {
    Arena arena;            /* private while parsing; adopted on success */
    DiagEngine *diag;
    SourceManager *sm;
    uint32_t file;
    size_t from, to;
    unsigned flags;
    FileAst *ast;
} Half;

static void *parse_half(void *p)
{
    Half *h = p;
    h->ast = parse_range(&h->arena, h->diag, h->sm, h->file, h->from, h->to, h->flags);
    return NULL;
}

/* Appends the second half's lists to the first's. */
static FileAst *join(FileAst *a, FileAst *b)
{
    for (int k = 0; k < DECL_KIND_COUNT; k++)
        a->ndecls[k] += b->ndecls[k];
    if (!a->decls) {
        a->decls = b->decls;
    } else {
        Decl *d = a->decls;
        while (d->next)
            d = d->next;
        d->next = b->decls;
    }
    if (!a->uses) {
        a->uses = b->uses;
    } else {
        Usar *u = a->uses;
        while (u->next)
            u = u->next;
        u->next = b->uses;
    }
    if (b->suspects) {
        if (a->suspects)
            a->suspects_tail->next = b->suspects;
        else
            a->suspects = b->suspects;
        a->suspects_tail = b->suspects_tail;
    }
    a->has_plan = a->has_plan || b->has_plan;
    a->parsed_in_halves = true;
    a->parsed_again = a->parsed_again || b->parsed_again;
    return a;
}

FileAst *parse_file_split(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, unsigned flags,
                          SplitOutcome *outcome)
{
    SplitOutcome ignored;
    if (!outcome)
        outcome = &ignored;
    *outcome = SPLIT_NONE;
    const SourceFile *f = source_file(sm, file);
    size_t cut = f && f->len >= PARSE_SPLIT_MIN ? parse_split_point(f->text, f->len) : 0;
    if (cut == 0)
        return parse_file(arena, diag, sm, file, flags);

    /* Each half reports to an engine of its own. The first stops at its
     * first error: it is parsed again whole then. The second's report,
     * when the first is clean, is exactly what the whole parse would
     * report after the first half: it may take the errors the real engine
     * has left before --max-errors. Nothing touches `arena` or `diag`
     * before the halves are joined. */
    if (diag->stopped)
        return parse_file(arena, diag, sm, file, flags);
    size_t budget = arena->limit ? (arena->limit > arena->total ? arena->limit - arena->total : 1) : 0;
    Arena first;
    arena_init(&first);
    first.limit = budget;
    DiagEngine first_diag;
    diag_init(&first_diag, &first, sm, 1);
    Half second = { .sm = sm, .file = file, .from = cut, .to = f->len, .flags = flags };
    arena_init(&second.arena);
    second.arena.limit = budget;
    DiagEngine second_diag;
    diag_init(&second_diag, &second.arena, sm, diag->max_errors ? diag->max_errors - diag->errors : 0);
    second.diag = &second_diag;

    pthread_t thread;
    bool started = pthread_create(&thread, NULL, parse_half, &second) == 0;
    FileAst *a = NULL;
    if (started) {
        a = parse_range(&first, &first_diag, sm, file, 0, cut, flags);
        pthread_join(thread, NULL);
    }
    bool clean = started && first_diag.n == 0 && !first.over && !second.arena.over &&
                 (!budget || first.total + second.arena.total <= budget);
    diag_free(&first_diag);
    if (!clean) {
        diag_free(&second_diag);
        arena_free(&first);
        arena_free(&second.arena);
        *outcome = started ? SPLIT_REDONE : SPLIT_NONE;
        return parse_file(arena, diag, sm, file, flags);
    }
    *outcome = SPLIT_JOINED;
    diag_adopt(diag, &second_diag);
    diag_free(&second_diag);
    arena_adopt(arena, &first);
    arena_adopt(arena, &second.arena);
    return join(a, second.ast);
}
