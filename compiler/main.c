#include <stdio.h>
#include "parse.h"
int main(int argc, char **argv)
{
    SourceManager sm; source_manager_init(&sm);
    Arena a; arena_init(&a);
    DiagEngine d; diag_init(&d, &a, &sm, 50);
    SourceError err;
    uint32_t f = source_load_file(&sm, argv[1], &err);
    if (f == SOURCE_NO_FILE) { fprintf(stderr, "%s\n", source_error_text(err)); return 2; }
    parse_file(&a, &d, &sm, f);
    diag_finalize(&d, NULL);
    StrBuf out; strbuf_init(&out);
    DiagRenderOptions o = { DIAG_TEXT, false, true };
    diag_render(&d, &o, &out);
    fputs(strbuf_cstr(&out), stderr);
    (void)argc;
    return d.errors ? 1 : 0;
}
