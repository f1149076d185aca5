/* test_utf8.c - UTF-8 validation, counting and name folding. */
#include "unit.h"

#include "arena.h"
#include "utf8.h"

void test_utf8(void)
{
    const unsigned char ok2[] = { 0xC3, 0xA1 };             /* á */
    const unsigned char ok3[] = { 0xE2, 0x80, 0x94 };       /* — */
    const unsigned char ok4[] = { 0xF0, 0x9F, 0x98, 0x80 }; /* 😀 */
    const unsigned char overlong[] = { 0xC0, 0xAF };
    const unsigned char surrogate[] = { 0xED, 0xA0, 0x80 };
    const unsigned char truncated[] = { 0xE2, 0x80 };
    const unsigned char beyond[] = { 0xF4, 0x90, 0x80, 0x80 };
    CHECK(utf8_valid_len(ok2, ok2 + 2) == 2);
    CHECK(utf8_valid_len(ok3, ok3 + 3) == 3);
    CHECK(utf8_valid_len(ok4, ok4 + 4) == 4);
    CHECK(utf8_valid_len(overlong, overlong + 2) == 0);
    CHECK(utf8_valid_len(surrogate, surrogate + 3) == 0);
    CHECK(utf8_valid_len(truncated, truncated + 2) == 0);
    CHECK(utf8_valid_len(beyond, beyond + 4) == 0);

    /* Columns count code points, not bytes. */
    CHECK(utf8_count("acción", strlen("acción")) == 6);
    CHECK(utf8_count("ñandú", strlen("ñandú")) == 5);
    CHECK(utf8_count("a\xFF" "b", 3) == 3);
    /* LSP positions count UTF-16 code units: an emoji is two. */
    CHECK(utf8_count_utf16("a😀b", strlen("a😀b")) == 4);
    CHECK(utf8_count_utf16("áé", strlen("áé")) == 2);
    CHECK(utf8_first_invalid("abc\xC3", 4) == 3);
    CHECK(utf8_first_invalid("sesión", strlen("sesión")) == strlen("sesión"));

    Arena a;
    arena_init(&a);
    CHECK_STR(utf8_fold_name(&a, "sesión_1", strlen("sesión_1")), "sesion_1");
    CHECK_STR(utf8_fold_name(&a, "Acción", strlen("Acción")), "Accion");
    CHECK_STR(utf8_fold_name(&a, "ÁÉÍÓÚÜ", strlen("ÁÉÍÓÚÜ")), "AEIOUU");
    CHECK_STR(utf8_fold_name(&a, "pingüino", strlen("pingüino")), "pinguino");
    CHECK_STR(utf8_fold_name(&a, "niño", strlen("niño")), "niño");
    CHECK_STR(utf8_fold_name(&a, "plain", 5), "plain");
    char buf[4];
    CHECK(utf8_put(0xF1, buf) == 2 && (unsigned char)buf[0] == 0xC3 && (unsigned char)buf[1] == 0xB1);
    CHECK(utf8_put(0x1F600, buf) == 4);
    arena_free(&a);
}
