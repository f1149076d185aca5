/* parse.c - runs the scanner and parser of grammar/ over one source file. */
#include "parse.h"

#include <stdint.h>
#include <string.h>

#include "lexstate.h"
#include "parser.h"
#include "lexer.h"

int yyparse(yyscan_t scanner, LexState *ls);

FileAst *parse_range(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, size_t from, size_t to,
                     bool comments)
{
    FileAst *ast = ARENA_NEW(arena, FileAst);
    ast->file = file;
    const SourceFile *f = source_file(sm, file);
    if (!f)
        return ast;
    if (to > f->len)
        to = f->len;
    if (from > to)
        from = to;
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
    ls.keep_comments = comments;
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
    if (yyparse(scanner, &ls) != 0) {
        ast->uses = ls.uses.head;
        ast->decls = ls.top ? ls.top->decls : NULL;
    }
    yylex_destroy(scanner);
    /* What is left of a mapped text may leave memory too. */
    source_release(f, from, to);
    intern_free(&ls.names);
    for (Decl *d = ast->decls; d; d = d->next)
        if (d->kind == DECL_PLAN)
            ast->has_plan = true;
    return ast;
}

FileAst *parse_file(Arena *arena, DiagEngine *diag, SourceManager *sm, uint32_t file, bool comments)
{
    return parse_range(arena, diag, sm, file, 0, SIZE_MAX, comments);
}
