/* parse.c - runs the scanner and the parsers of grammar/ over one source file:
 * the quick one without LAC first, the one with LAC after a syntax error. */
#include "parse.h"

#include <stdint.h>
#include <string.h>

#include "lexstate.h"
#include "parser.h"
#include "lexer.h"

int yyparse(yyscan_t scanner, LexState *ls);
/* The same grammar without LAC (build/parser_quick.c, Makefile). */
int ruta_parse_quick(yyscan_t scanner, LexState *ls);

/* One run of the scanner and one of the two parsers over [from, to) of f.
 * *syntax_error: the quick parser met a syntax error and gave up. */
static FileAst *run(Arena *arena, DiagEngine *diag, const SourceFile *f, uint32_t file, size_t from, size_t to,
                    unsigned flags, bool quick, bool *syntax_error)
{
    FileAst *ast = ARENA_NEW(arena, FileAst);
    ast->file = file;
    *syntax_error = false;
    LexState ls;
    memset(&ls, 0, sizeof ls);
    ls.arena = arena;
    /* Plans hold a distinct name every 60 to 300 bytes (samples/, bench/):
     * the table starts near its final size. */
    intern_init(&ls.names, arena, (to - from) / 256);
    ls.diag = diag;
    ls.src = f;
    ls.text = f->text;
    ls.len = f->len;
    ls.file = file;
    ls.last_bad = -1;
    ls.keep_comments = (flags & PARSE_COMMENTS) != 0;
    ls.plain_scan = (flags & PARSE_PLAIN_SCAN) != 0;
    ls.quick = quick;
    ls.ast = ast;
    /* A leading byte-order mark is ignored. */
    size_t skip = from == 0 && to >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    ls.offset = (uint32_t)(from + skip);
    ls.start = from;
    ls.stop = to;
    ls.input = ls.window = from + skip;
    yyscan_t scanner;
    if (yylex_init_extra(&ls, &scanner) != 0) {
        intern_free(&ls.names);
        return ast;
    }
    /* The scanner reads the text through lex_input (grammar/lexer.l) into
     * a buffer of its own, which it writes to; the text itself stays
     * read-only. */
    YY_BUFFER_STATE buf = yy_create_buffer(NULL, PARSE_SCAN_BUFFER, scanner);
    yy_switch_to_buffer(buf, scanner);
    /* The parser gives up on an error at the end of the file that its
     * recovery cannot get past; what parsed before stays in the tree. */
    if ((quick ? ruta_parse_quick(scanner, &ls) : yyparse(scanner, &ls)) != 0) {
        ast->uses = ls.uses.head;
        ast->decls = ls.top ? ls.top->decls : NULL;
    }
    yylex_destroy(scanner);
    /* What is left of a mapped text may leave memory too. */
    source_release(f, from, to);
    intern_free(&ls.names);
    *syntax_error = ls.syntax_error;
    for (Decl *d = ast->decls; d; d = d->next)
        if (d->kind == DECL_PLAN)
            ast->has_plan = true;
    return ast;
}

FileAst *parse_range(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, size_t from, size_t to,
                     unsigned flags)
{
    const SourceFile *f = source_file(sm, file);
    if (!f) {
        FileAst *ast = ARENA_NEW(arena, FileAst);
        ast->file = file;
        return ast;
    }
    if (to > f->len)
        to = f->len;
    if (from > to)
        from = to;
    bool syntax_error = false;
    /* The tree, its strings and the checks' nodes take 2.5 to 3 times the
     * text (docs/performance.md 3.13). */
    size_t expect = flags & PARSE_NO_EXPECT ? 0 : 3 * (to - from);
    arena_expect(arena, expect);
    if (!(flags & PARSE_LAC_ONLY)) {
        /* Without a syntax error the two parsers make the same reductions
         * in the same order (LAC only decides when an error is detected;
         * the quick grammar lacks the `key` pass-through, whose action
         * builds nothing), so the quick pass's tree and diagnostics are
         * the final ones.
         * Otherwise everything it made is undone. */
        ArenaMark am = arena_mark(arena);
        DiagMark dm = diag_mark(diag);
        FileAst *ast = run(arena, diag, f, file, from, to, flags, true, &syntax_error);
        if (!syntax_error)
            return ast;
        arena_rollback(arena, am);
        diag_rollback(diag, dm);
        arena_expect(arena, expect);
    }
    FileAst *ast = run(arena, diag, f, file, from, to, flags, false, &(bool){ false });
    ast->parsed_again = syntax_error;
    return ast;
}

FileAst *parse_file(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, unsigned flags)
{
    return parse_range(arena, diag, sm, file, 0, SIZE_MAX, flags);
}
