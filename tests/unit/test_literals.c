/* test_literals.c - numbers, money, times, dates and strings. */
#include "unit.h"

#include <stdlib.h>

#include "arena.h"
#include "literal.h"

static bool money(const char *s, double *v)
{
    return literal_money(s, strlen(s), v) == LITERAL_MONEY_OK;
}

/* The rules of a text block's layout (spec 2), one byte at a time: the
 * reference literal_dedent() must agree with. A CR is no part of the
 * block (docs/decisions.md): the text loses every CR first. */
static bool ref_blank(char c) { return c == ' ' || c == '\t'; }

static char *dedent_reference(const char *text, size_t len)
{
    char *s = malloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != '\r')
            s[n++] = text[i];
    size_t from = n && s[0] == '\n' ? 1 : 0;
    size_t last_nl = n;
    for (size_t i = n; i > from; i--)
        if (s[i - 1] == '\n') {
            last_nl = i - 1;
            break;
        }
    if (last_nl < n) {
        bool blank = true;
        for (size_t i = last_nl + 1; i < n; i++)
            if (!ref_blank(s[i]))
                blank = false;
        if (blank)
            n = last_nl;
    }
    size_t common = (size_t)-1;
    for (size_t i = from; i < n;) {
        size_t ind = 0;
        while (i + ind < n && ref_blank(s[i + ind]))
            ind++;
        size_t j = i + ind;
        if (j < n && s[j] != '\n' && ind < common)
            common = ind;
        while (j < n && s[j] != '\n')
            j++;
        i = j + 1;
    }
    if (common == (size_t)-1)
        common = 0;
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = from; i < n;) {
        size_t skip = 0;
        while (skip < common && i + skip < n && ref_blank(s[i + skip]))
            skip++;
        i += skip;
        while (i < n && s[i] != '\n')
            out[o++] = s[i++];
        if (i < n) {
            out[o++] = '\n';
            i++;
        }
    }
    out[o] = '\0';
    free(s);
    return out;
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
    /* CRLF line ends; a CR among a line's leading blanks does not hide
     * its indentation, nor one on the closing quotes' line (F21). */
    block = "\r\n    uno\r\n      dos\r\n    ";
    CHECK_STR(literal_dedent(&a, block, strlen(block)), "uno\n  dos");
    block = "\n     \rcos";
    CHECK_STR(literal_dedent(&a, block, strlen(block)), "cos");
    block = "\n  a\n   \r\r b\n \r ";
    CHECK_STR(literal_dedent(&a, block, strlen(block)), "a\n  b");
    /* Against the plain byte-by-byte statement of the rules, on blocks of
     * blanks, tabs, CR, LF and letters. */
    unsigned seed = 12345;
    bool agree = true;
    for (int k = 0; k < 20000 && agree; k++) {
        char text[40];
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 16) % sizeof text;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = " \t\r\nab"[(seed >> 16) % 6];
        }
        char *want = dedent_reference(text, n);
        const char *got = literal_dedent(&a, text, n);
        if (strcmp(want, got) != 0) {
            agree = false;
            printf("# dedent of \"%.*s\": got \"%s\", want \"%s\"\n", (int)n, text, got, want);
        }
        free(want);
    }
    CHECK(agree);
    arena_free(&a);
}
