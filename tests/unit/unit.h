/* unit.h - a tiny TAP-like harness for the C unit tests.
 *
 * Each CHECK prints "ok - <expr>" or "not ok - <expr> (file:line)"; the
 * runner counts the lines. Test files register a function in the list of
 * tests/unit/main.c.
 */
#ifndef RUTA_UNIT_H
#define RUTA_UNIT_H

#include <stdio.h>
#include <string.h>

extern int unit_failures;

#define CHECK(expr)                                                              \
    do {                                                                         \
        if (expr) {                                                              \
            printf("ok - %s\n", #expr);                                          \
        } else {                                                                 \
            printf("not ok - %s (%s:%d)\n", #expr, __FILE__, __LINE__);          \
            unit_failures++;                                                     \
        }                                                                        \
    } while (0)

#define CHECK_STR(a, b)                                                          \
    do {                                                                         \
        const char *a_ = (a), *b_ = (b);                                         \
        if (a_ && b_ && strcmp(a_, b_) == 0) {                                   \
            printf("ok - %s\n", #a);                                             \
        } else {                                                                 \
            printf("not ok - %s: got \"%s\", want \"%s\" (%s:%d)\n", #a,         \
                   a_ ? a_ : "(null)", b_ ? b_ : "(null)", __FILE__, __LINE__);  \
            unit_failures++;                                                     \
        }                                                                        \
    } while (0)

void test_utf8(void);
void test_parallel_check(void);
void test_dates(void);
void test_literals(void);
void test_suggest(void);
void test_schema_rows(void);
void test_schema_memo(void);
void test_intern(void);
void test_json(void);
void test_source(void);
void test_output(void);
void test_symtab(void);
void test_arena_rollback(void);
void test_arena_abandon(void);
void test_arena_expect(void);
void test_arena_adopt(void);
void test_source_map_min(void);
void test_diag_rollback(void);
void test_parse_split(void);
void test_pdf_content(void);
void test_textscan(void);

#endif
