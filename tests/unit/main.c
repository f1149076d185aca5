/* main.c - runs every unit test. */
#include "unit.h"

int unit_failures = 0;

int main(void)
{
    test_utf8();
    test_dates();
    test_literals();
    test_suggest();
    test_schema_rows();
    test_schema_memo();
    test_intern();
    test_json();
    test_source();
    test_output();
    test_symtab();
    test_arena_rollback();
    test_arena_abandon();
    test_arena_expect();
    test_arena_adopt();
    test_source_map_min();
    test_diag_rollback();
    test_parse_split();
    test_textscan();
    test_parallel_check();
    test_pdf_content();
    return unit_failures ? 1 : 0;
}
