/* test_literals.c - numbers, money, times, dates and strings. */
#include "unit.h"

#include "arena.h"
#include "literal.h"

static bool money(const char *s, double *v)
{
    return literal_money(s, strlen(s), v) == LITERAL_MONEY_OK;
}

void test_literals(void)
{
    double v;
    CHECK(literal_number("12", 2, &v) && v == 12);
    CHECK(literal_number("12.5", 4, &v) && v == 12.5);
    CHECK(literal_number("1_000", 5, &v) && v == 1000);
    CHECK(literal_number("1_000_000.25", 12, &v) && v == 1000000.25);
    CHECK(!literal_number("99999999999999999999", 20, &v));

    CHECK(money("$150.000", &v) && v == 150000);
    CHECK(money("$150000", &v) && v == 150000);
    CHECK(money("$1.500.000", &v) && v == 1500000);
    CHECK(money("$0", &v) && v == 0);
    CHECK(!money("$150.00", &v));
    CHECK(!money("$1500.000", &v));
    CHECK(!money("$.500", &v));
    CHECK(!money("$150.000,50", &v));
    /* Well formed but past 10^15: too large, not malformed. */
    CHECK(literal_money("$1.000.000.000.000.000", 22, &v) == LITERAL_MONEY_OK && v == 1e15);
    CHECK(literal_money("$1.000.000.000.000.001", 22, &v) == LITERAL_MONEY_TOO_LARGE);
    CHECK(literal_money("$1000000000000001", 17, &v) == LITERAL_MONEY_TOO_LARGE);
    CHECK(literal_money("$1.000.000.000.000.00", 21, &v) == LITERAL_MONEY_BAD);
    CHECK(!money("$", &v));
    CHECK(!money("$1.000.", &v));
    CHECK(!money("$99.999.999.999.999.999", &v));

    int m;
    CHECK(literal_time("15:30", 5, &m) && m == 15 * 60 + 30);
    CHECK(literal_time("9:05", 4, &m) && m == 9 * 60 + 5);
    CHECK(literal_time("00:00", 5, &m) && m == 0);
    CHECK(literal_time("23:59", 5, &m) && m == 23 * 60 + 59);
    CHECK(!literal_time("24:00", 5, &m));
    CHECK(!literal_time("25:00", 5, &m));
    CHECK(!literal_time("12:60", 5, &m));

    int d;
    CHECK(literal_date("2026-05-14", 10, &d) == 0);
    CHECK(literal_date("2026-02-30", 10, &d) == 1);
    CHECK(literal_date("0000-01-01", 10, &d) == 2);

    char iso[11];
    CHECK(literal_date_hint("14/05/2026", 10, iso));
    CHECK_STR(iso, "2026-05-14");
    CHECK(literal_date_hint("6-4-2026", 8, iso));
    CHECK_STR(iso, "2026-04-06");
    CHECK(literal_date_hint("2026/5/14", 9, iso));
    CHECK_STR(iso, "2026-05-14");
    CHECK(!literal_date_hint("31/02/2026", 10, iso));
    CHECK(!literal_date_hint("14/05/26", 8, iso));

    Arena a;
    arena_init(&a);
    size_t bad[LITERAL_MAX_BAD_ESCAPES], nbad;
    const char *s = "\"a\\\"b\\\\c\\nd\\te\"";
    CHECK_STR(literal_unescape(&a, s, strlen(s), bad, &nbad), "a\"b\\c\nd\te");
    CHECK(nbad == 0);
    s = "\"x\\qy\"";
    CHECK_STR(literal_unescape(&a, s, strlen(s), bad, &nbad), "x\\qy");
    CHECK(nbad == 1 && bad[0] == 2);

    const char *block = "\n    Fortalecer la colaboración\n      entre docentes.\n    ";
    CHECK_STR(literal_dedent(&a, block, strlen(block)), "Fortalecer la colaboración\n  entre docentes.");
    block = "una línea";
    CHECK_STR(literal_dedent(&a, block, strlen(block)), "una línea");
    block = "\n  a\n\n  b\n  ";
    CHECK_STR(literal_dedent(&a, block, strlen(block)), "a\n\nb");
    arena_free(&a);
}
