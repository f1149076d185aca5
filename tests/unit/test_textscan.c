/* test_textscan.c - the scanner's fast paths over strings, comments and
 * text blocks (textscan.h): what each takes and what it leaves to the DFA,
 * and that a parse with them gives what the DFA alone gives
 * (PARSE_PLAIN_SCAN): the same values, comments and diagnostics, with
 * the bodies anywhere in the scanner's buffer, across its reads too. */
#include "unit.h"

#include <stdbool.h>
#include <stdlib.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "source.h"
#include "strbuf.h"
#include "textscan.h"
#include "utf8.h"

typedef bool (*ScanFn)(const char *, const char *, size_t *);

/* Runs `scan` over `body` as the scanner's buffer would hold it: the
 * bytes then a NUL. Returns the length found, or -1 for "left to the
 * DFA". `n`: the body's length (it may hold NULs); -1 for strlen. */
static long scan(ScanFn fn, const char *body, long n)
{
    size_t len = n < 0 ? strlen(body) : (size_t)n;
    char *buf = malloc(len + 2);
    memcpy(buf, body, len);
    buf[len] = buf[len + 1] = '\0';
    size_t got = 0;
    bool found = fn(buf, buf + len, &got);
    free(buf);
    return found ? (long)got : -1;
}

static void test_string_body(void)
{
    CHECK(scan(textscan_string, "\"", -1) == 1);
    CHECK(scan(textscan_string, "abc\" x", -1) == 4);
    CHECK(scan(textscan_string, "Reflexión pedagógica, año 2026\"", -1) == 34);
    CHECK(scan(textscan_string, "tab\there\"", -1) == 9);
    /* Escapes: a quote, a backslash, a letter (E005 is the unescaping's),
     * a valid character. */
    CHECK(scan(textscan_string, "a\\\"b\"", -1) == 5);
    CHECK(scan(textscan_string, "a\\\\\"", -1) == 4);
    CHECK(scan(textscan_string, "\\q\"", -1) == 3);
    CHECK(scan(textscan_string, "\\\xC3\xB1\"", -1) == 4);
    CHECK(scan(textscan_string, "\\\t\"", -1) == 3);
    /* Left to the DFA: no closing quote in the buffer, a line end, a CR,
     * control characters, DEL, a NUL, bad UTF-8 (a lone lead byte, a
     * stray continuation, overlong, a surrogate, past U+10FFFF, a Latin-1
     * byte), a backslash before a control character or at the end. */
    const char *left[] = {
        "abc", "abc\ndef\"", "abc\r\"", "a\x01\"", "a\x7F\"", "a\xC3\"", "a\x80\"", "a\xC0\xAF\"",
        "a\xED\xA0\x80\"", "a\xF4\x90\x80\x80\"", "a\xE9\"", "a\\\x01\"", "a\\\n\"", "a\\",
        "\xE2\x82", "a\\\xFF\"",
    };
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        CHECK(scan(textscan_string, left[i], -1) == -1);
    CHECK(scan(textscan_string, "a\0b\"", 4) == -1);
    /* The longest valid characters are taken whole. */
    CHECK(scan(textscan_string, "\xF0\x9F\x93\x9A \xEF\xBF\xBD \xF4\x8F\xBF\xBF\"", -1) == 14);
}

static void test_comment_body(void)
{
    CHECK(scan(textscan_comment, "\n", -1) == 0);
    CHECK(scan(textscan_comment, " Acción 1: \"taller\" \\ fin\nx", -1) == 26);
    CHECK(scan(textscan_comment, " crlf\r\n", -1) == 6);
    CHECK(scan(textscan_comment, "\ttab\n", -1) == 4);
    /* Left to the DFA: the end of the buffer (the comment may go on, or
     * end the file), bad bytes, control characters, a NUL. */
    const char *left[] = { " sin fin", " a\x01\n", " a\x7F\n", " a\xFF\n", " a\xC3\n", "" };
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        CHECK(scan(textscan_comment, left[i], -1) == -1);
    CHECK(scan(textscan_comment, " a\0b\n", 5) == -1);
}

static void test_block_body(void)
{
    CHECK(scan(textscan_block, "\"\"\"", -1) == 3);
    CHECK(scan(textscan_block, "\n  Línea uno\n  \"cita\" y \"\"dos\"\"\n  \"\"\"\n", -1) == 38);
    CHECK(scan(textscan_block, "a\r\nb\\n\t\"\"\"", -1) == 10);
    /* The first three quotes end it, a fourth is the next token's. */
    CHECK(scan(textscan_block, "a\"\"\"\"", -1) == 4);
    /* Left to the DFA: no end in the buffer, quotes cut by the end of the
     * buffer, bad bytes, control characters, a NUL. */
    const char *left[] = { "abc", "abc\"", "abc\"\"", "a\x01\"\"\"", "a\x7F\"\"\"", "a\xFE\"\"\"",
                           "a\xE0\x80\x80\"\"\"" };
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        CHECK(scan(textscan_block, left[i], -1) == -1);
    CHECK(scan(textscan_block, "a\0\"\"\"", 5) == -1);
}

/* The fast paths read eight bytes at a time: a byte that stops them, at
 * each place of a word and near the end of the buffer, against a plain
 * byte-at-a-time reading of the same rules (GOODSTR, GOODLINE,
 * GOODBLOCK in grammar/lexer.l). */
enum { BODY_STRING, BODY_COMMENT, BODY_BLOCK };

static long reference(int kind, const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (kind == BODY_STRING && c == '"')
            return (long)i + 1;
        if (kind == BODY_COMMENT && c == '\n')
            return (long)i;
        if (kind == BODY_BLOCK && c == '"' && i + 2 < n && p[i + 1] == '"' && p[i + 2] == '"')
            return (long)i + 3;
        if (kind == BODY_STRING && c == '\\') {
            if (i + 1 >= n)
                return -1;
            unsigned d = p[i + 1];
            if (d == '\t' || (d >= 0x20 && d <= 0x7E)) {
                i += 2;
                continue;
            }
            i++;
            c = d;
            if (c < 0x80)
                return -1;
        }
        if (c >= 0x80) {
            size_t len = utf8_valid_len(p + i, p + n);
            if (!len)
                return -1;
            i += len;
            continue;
        }
        bool ok = (c >= 0x20 && c <= 0x7E) || c == '\t' || (kind != BODY_STRING && c == '\r') ||
                  (kind == BODY_BLOCK && c == '\n');
        if (kind == BODY_STRING && c == '\\')
            ok = false;
        if (kind == BODY_BLOCK && c == '"' && i + 2 >= n)
            return -1;
        if (!ok)
            return -1;
        i++;
    }
    return -1;
}

static void test_words(void)
{
    static const ScanFn FNS[] = { textscan_string, textscan_comment, textscan_block };
    static const char *const STOPS[] = {
        "\"", "\n", "\"\"\"", "\\\"", "\\n", "\\\x01", "\x01", "\t", "\r", "\x7F", "\x1F", " ",
        "\xC3\xB1", "\xE2\x82\xAC", "\xF0\x9F\x93\x9A", "\xC3", "\xFF", "\x80", "\xED\xA0\x80", "\"\"",
    };
    int differ = 0, cases = 0;
    char buf[64];
    for (int kind = BODY_STRING; kind <= BODY_BLOCK; kind++)
        for (size_t s = 0; s < sizeof STOPS / sizeof STOPS[0]; s++)
            for (size_t before = 0; before < 20; before++)
                for (size_t after = 0; after < 12; after++) {
                    size_t n = 0, stop = strlen(STOPS[s]);
                    memset(buf, 'a', before);
                    n = before;
                    memcpy(buf + n, STOPS[s], stop);
                    n += stop;
                    memset(buf + n, 'b', after);
                    n += after;
                    /* Each ends after `after` bytes, or runs into the
                     * end of the buffer when `after` is odd. */
                    if (after % 2 == 0) {
                        const char *end = kind == BODY_STRING ? "\"" : kind == BODY_COMMENT ? "\n" : "\"\"\"";
                        memcpy(buf + n, end, strlen(end));
                        n += strlen(end);
                    }
                    long want = reference(kind, (const unsigned char *)buf, n);
                    long got = scan(FNS[kind], buf, (long)n);
                    cases++;
                    if (got != want) {
                        differ++;
                        if (differ <= 5)
                            printf("# kind %d stop %zu before %zu after %zu: got %ld, want %ld\n", kind, s, before,
                                   after, got, want);
                    }
                }
    CHECK(cases == 3 * 20 * 20 * 12);
    CHECK(differ == 0);
}

/* The tree's values and comments and the diagnostics, one line each. */
static void describe_values(StrBuf *b, const Value *v)
{
    for (; v; v = v->next)
        strbuf_printf(b, "  v%u [%u,%u) %s\n", (unsigned)v->kind, v->loc.begin, v->loc.end,
                      v->text ? v->text : "-");
}

static void describe_attrs(StrBuf *b, const Attr *a)
{
    for (; a; a = a->next) {
        strbuf_printf(b, " a %s [%u,%u)\n", a->key_folded ? a->key_folded : "-", a->loc.begin, a->loc.end);
        describe_values(b, a->values);
        describe_values(b, attr_comment(a));
        describe_attrs(b, attr_block(a));
    }
}

static void describe_decls(StrBuf *b, const Decl *d)
{
    for (; d; d = d->next) {
        strbuf_printf(b, "d %d %s [%u,%u) %s\n", d->kind, d->name ? d->name : "-", d->loc.begin, d->loc.end,
                      d->title ? d->title : "-");
        describe_attrs(b, d->attrs);
        describe_decls(b, d->children);
    }
}

static char *parse_described(const char *text, size_t len, unsigned flags)
{
    Arena arena;
    arena_init(&arena);
    SourceManager sm;
    source_manager_init(&sm);
    DiagEngine diag;
    diag_init(&diag, &arena, &sm, 0);
    uint32_t id = source_add_text(&sm, "plan.ruta", NULL, text, len);
    FileAst *ast = parse_file(&arena, &diag, &sm, id, flags | PARSE_COMMENTS);
    StrBuf b;
    strbuf_init(&b);
    describe_decls(&b, ast->decls);
    for (const Comment *c = ast->comments; c; c = c->next)
        strbuf_printf(&b, "# [%u,%u)\n", c->loc.begin, c->loc.end);
    diag_finalize(&diag, NULL);
    DiagRenderOptions ro = { DIAG_JSON, false, false };
    diag_render(&diag, &ro, &b);
    char *out = strdup(strbuf_cstr(&b));
    strbuf_free(&b);
    diag_free(&diag);
    source_manager_free(&sm);
    arena_free(&arena);
    return out;
}

/* The two ways agree on `text`; returns false (and says where) if not. */
static bool same_both_ways(const char *text, size_t len)
{
    char *fast = parse_described(text, len, 0);
    char *plain = parse_described(text, len, PARSE_PLAIN_SCAN);
    bool same = strcmp(fast, plain) == 0;
    if (!same)
        printf("# differ on %zu bytes: fast\n%s\n# plain\n%s\n", len, fast, plain);
    free(fast);
    free(plain);
    return same;
}

/* Bodies the fast paths take or leave, each after a key, then at the end
 * of the file. */
static const char *const BODIES[] = {
    "\"Taller de lectura\"",
    "\"Reflexión \\\"pedagógica\\\" \\\\ fin\"",
    "\"\"",
    "\"\\q \\é\"",
    "\"sin cierre\n",
    "\"sin cierre\r\n",
    "\"cr \r adentro\"",
    "\"bytes \xE9 \xC3 \x01 \x7F malos\"",
    "\"nul \0 adentro\"",
    "\"\\\x01\"",
    "\"\\\n\"",
    "\"\"\"\n  Bloque con \"comillas\" y \"\"dos\"\"\n  \"\"\"",
    "\"\"\"uno\"\"\"\"",
    "\"\"\"\r\n  crlf\r\n  \"\"\"",
    "\"\"\"\n  malo \xFF \x01\n  \"\"\"",
    "\"\"\"\n  sin cierre\n",
    "\"a\" # comentario con acentos: acción\n",
    "\"a\" # malo \xFF\x01\x7F\n",
    "\"a\" # crlf\r\n",
    "\"a\" #",
    "\"a\" # nul \0 x\n",
};

static void test_both_ways(void)
{
    size_t nbodies = sizeof BODIES / sizeof BODIES[0];
    int differ = 0;
    StrBuf t;
    strbuf_init(&t);
    for (size_t i = 0; i < nbodies; i++) {
        /* The bodies hold NULs: their lengths come from the literals. */
        const char *body = BODIES[i];
        size_t blen = strlen(body);
        if (strstr(body, "nul "))
            blen += 1 + strlen(body + blen + 1);
        strbuf_clear(&t);
        strbuf_puts(&t, "# inicio\npersona p \"P\" {\n  cargo: ");
        strbuf_append(&t, body, blen);
        strbuf_puts(&t, "\n  rol: docente\n}\n# fin\npersona q \"Q\" {\n  cargo: ");
        strbuf_append(&t, body, blen);
        differ += !same_both_ways(t.data, t.len);
    }
    CHECK(differ == 0);
    /* Every body across the end of the scanner's first read (its buffer
     * is RUTA_SCAN_BUFFER bytes; the sanitizer build has a tiny one, and
     * crosses reads everywhere): a comment pads the text before it. */
    differ = 0;
    for (size_t i = 0; i < nbodies; i++) {
        const char *body = BODIES[i];
        size_t blen = strlen(body);
        if (strstr(body, "nul "))
            blen += 1 + strlen(body + blen + 1);
        for (size_t at = PARSE_SCAN_BUFFER > 48 ? PARSE_SCAN_BUFFER - 48 : 0; at < PARSE_SCAN_BUFFER + 4; at++) {
            strbuf_clear(&t);
            strbuf_puts(&t, "persona p \"P\" {\n  #");
            while (t.len + 7 < at)
                strbuf_putc(&t, 'x');
            strbuf_puts(&t, "\n  cargo: ");
            strbuf_append(&t, body, blen);
            strbuf_puts(&t, "\n  rol: docente\n}\n");
            differ += !same_both_ways(t.data, t.len);
        }
    }
    CHECK(differ == 0);
    strbuf_free(&t);
}

/* The locations of the values and comments the fast paths take are the
 * DFA's, to the byte. */
static void test_locations(void)
{
    const char *text = "persona p \"P\" {\n  x: \"d\xC3\xAD" "a\" # c\n  y: \"\"\"\n  b\n  \"\"\"\n}\n";
    char *fast = parse_described(text, strlen(text), 0);
    size_t str = (size_t)(strstr(text, "\"d") - text), com = (size_t)(strchr(text, '#') - text);
    size_t block = (size_t)(strstr(text, "\"\"\"") - text), block_end = (size_t)(strrchr(text, '"') + 1 - text);
    char want[64];
    snprintf(want, sizeof want, "  v%d [%zu,%zu) d\xC3\xAD" "a\n", VAL_STRING, str, str + 6);
    CHECK(strstr(fast, want) != NULL);
    snprintf(want, sizeof want, "# [%zu,%zu)\n", com, com + 3);
    CHECK(strstr(fast, want) != NULL);
    snprintf(want, sizeof want, "  v%d [%zu,%zu) b\n", VAL_TEXT, block, block_end);
    CHECK(strstr(fast, want) != NULL);
    free(fast);
}

void test_textscan(void)
{
    test_string_body();
    test_comment_body();
    test_block_body();
    test_words();
    test_both_ways();
    test_locations();
}
