/* test_misc.c - suggestions, the schema rows, the JSON writer, the source
 * manager, and rolling an arena and a diagnostics engine back. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "unit.h"

#include "arena.h"
#include "ast.h"
#include "bigmem.h"
#include "diag.h"
#include "intern.h"
#include "jsonw.h"
#include "schema.h"
#include "source.h"
#include "suggest.h"
#include "symtab.h"

/* Plain optimal-string-alignment distance over the whole table: the
 * reference the banded version must agree with (capped at limit + 1). */
static int full_distance(const char *a, size_t na, const char *b, size_t nb, int limit)
{
    int d[40][40];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[na][nb] > limit ? limit + 1 : d[na][nb];
}

void test_suggest(void)
{
    /* The banded table against the full one, on many pairs of short
     * strings over a 3-letter alphabet (so that near misses abound). */
    unsigned seed = 12345;
    int disagree = 0, pairs = 0;
    for (int n = 0; n < 20000; n++) {
        char a[12], b[12];
        seed = seed * 1103515245u + 12345u;
        size_t na = (seed >> 16) % 11;
        seed = seed * 1103515245u + 12345u;
        size_t nb = (seed >> 16) % 11;
        for (size_t i = 0; i < na; i++) {
            seed = seed * 1103515245u + 12345u;
            a[i] = (char)('a' + (seed >> 16) % 3);
        }
        for (size_t i = 0; i < nb; i++) {
            seed = seed * 1103515245u + 12345u;
            b[i] = (char)('a' + (seed >> 16) % 3);
        }
        for (int limit = 0; limit <= 3; limit++) {
            pairs++;
            if (suggest_distance(a, na, b, nb, limit) != full_distance(a, na, b, nb, limit))
                disagree++;
        }
    }
    CHECK(pairs == 80000 && disagree == 0);
    /* Long names that differ only at the end (the costly case). */
    char x[129], y[129];
    memset(x, 'n', 128);
    memset(y, 'n', 128);
    x[128] = y[128] = '\0';
    y[127] = 'm';
    CHECK(suggest_distance(x, 128, y, 128, 2) == 1);
    y[126] = 'm';
    y[125] = 'm';
    CHECK(suggest_distance(x, 128, y, 128, 2) == 3);

    CHECK(suggest_distance("taller", 6, "taller", 6, 2) == 0);
    CHECK(suggest_distance("tallr", 5, "taller", 6, 2) == 1);
    CHECK(suggest_distance("responsble", 10, "responsable", 11, 2) == 1);
    CHECK(suggest_distance("ab", 2, "ba", 2, 2) == 1); /* a swap is one edit */
    CHECK(suggest_distance("abc", 3, "xyz", 3, 2) == 3);

    Suggest s;
    suggest_init(&s, "tallr_pares");
    suggest_consider(&s, "taller_pares", NULL);
    suggest_consider(&s, "consejos", NULL);
    CHECK_STR(s.best, "taller_pares");

    suggest_init(&s, "rol"); /* short names: at most one edit */
    suggest_consider(&s, "sol", NULL);
    suggest_consider(&s, "xyl", NULL);
    CHECK_STR(s.best, "sol");
    suggest_init(&s, "abc");
    suggest_consider(&s, "abc", NULL); /* the same name is never a suggestion */
    CHECK(s.best == NULL);
}

void test_json(void)
{
    StrBuf b;
    strbuf_init(&b);
    JsonW w;
    jsonw_init(&w, &b);
    jsonw_object_begin(&w);
    jsonw_kv_string(&w, "texto", "línea \"uno\"\n\ttab\x01");
    jsonw_key(&w, "lista");
    jsonw_array_begin(&w);
    jsonw_int(&w, 1);
    jsonw_double(&w, 0.1);
    jsonw_null(&w);
    jsonw_array_end(&w);
    jsonw_key(&w, "vacio");
    jsonw_array_begin(&w);
    jsonw_array_end(&w);
    jsonw_object_end(&w);
    jsonw_finish(&w);
    CHECK_STR(strbuf_cstr(&b), "{\n  \"texto\": \"línea \\\"uno\\\"\\n\\ttab\\u0001\",\n"
                               "  \"lista\": [\n    1,\n    0.1,\n    null\n  ],\n  \"vacio\": []\n}\n");
    strbuf_free(&b);

    /* Bytes that are not UTF-8 become U+FFFD, one each; valid multi-byte
     * characters (2, 3 and 4 bytes) pass as they are. */
    strbuf_init(&b);
    static const char mixed[] = "a\xFF" "b\xC3\xB1" "c\xE2\x80" "d\xE2\x82\xAC\xF0\x9F\x98\x80\xC3";
    json_escape(&b, mixed, sizeof mixed - 1);
    CHECK_STR(strbuf_cstr(&b), "\"a\xEF\xBF\xBD" "b\xC3\xB1" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d\xE2\x82\xAC\xF0\x9F\x98\x80"
                               "\xEF\xBF\xBD\"");
    strbuf_free(&b);
}

void test_source(void)
{
    SourceManager sm;
    source_manager_init(&sm);
    const char *text = "línea uno\nsegunda ñ línea\r\n\núltima";
    uint32_t f = source_add_text(&sm, "x.ruta", NULL, text, strlen(text));
    unsigned line, col;
    source_line_col(&sm, f, 0, &line, &col);
    CHECK(line == 1 && col == 1);
    source_line_col(&sm, f, (uint32_t)(strstr(text, "uno") - text), &line, &col);
    CHECK(line == 1 && col == 7); /* "línea " is 6 characters, 7 bytes */
    source_line_col(&sm, f, (uint32_t)(strstr(text, "ñ l") - text) + 2, &line, &col);
    CHECK(line == 2 && col == 10);
    source_line_col(&sm, f, (uint32_t)(strstr(text, "última") - text), &line, &col);
    CHECK(line == 4 && col == 1);
    uint32_t start, len;
    source_line_span(&sm, f, 2, &start, &len);
    CHECK(len == strlen("segunda ñ línea")); /* the CR is not part of the line */
    source_line_col(&sm, f, (uint32_t)strlen(text), &line, &col);
    CHECK(line == 4 && col == 7);
    source_manager_free(&sm);
}

/* schema_block_rows searches rows grouped by block: the rows must be
 * sorted by block, and the answer must match a plain scan. */
void test_schema_rows(void)
{
    bool sorted = true;
    for (int i = 1; i < schema_nkeys; i++)
        if (schema_keys[i].block < schema_keys[i - 1].block)
            sorted = false;
    CHECK(sorted);
    bool same = true, small = true;
    for (int b = 0; b <= SB_NONE; b++) {
        int first = 0, count = 0;
        for (int i = 0; i < schema_nkeys; i++)
            if ((int)schema_keys[i].block == b) {
                if (count == 0)
                    first = i;
                count++;
            }
        int f, n;
        schema_block_rows((SchemaBlock)b, &f, &n);
        if (n != count || (count && f != first))
            same = false;
        if (n > SCHEMA_MAX_BLOCK_ROWS)
            small = false;
    }
    CHECK(same);
    CHECK(small);
    int f, n;
    schema_block_rows(SB_ACCION, &f, &n);
    CHECK(n > 5 && schema_find_in(f, n, "responsable") != NULL);
    schema_block_rows(SB_VOCABULARIO, &f, &n);
    CHECK(n == 0);
}

/* The memo of schema lookups answers what schema_find answers: for every
 * key of every block in every block (found or not), for unknown keys, for
 * the same pointers asked again in another order, and for many distinct
 * pointers that share the memo's 256 slots (each is evicted and asked
 * again). */
void test_schema_memo(void)
{
    SchemaMemo m;
    schema_memo_init(&m);
    bool rows = true;
    for (int b = 0; b <= SB_NONE; b++) {
        int f, n, mf, mn;
        schema_block_rows((SchemaBlock)b, &f, &n);
        schema_memo_rows(&m, (SchemaBlock)b, &mf, &mn);
        if (f != mf || n != mn)
            rows = false;
    }
    CHECK(rows);
    /* Copies of the keys, as a tree holds them, plus words that are no key. */
    enum { EXTRA = 3, COPIES = 40 };
    static const char *const extra[EXTRA] = { "responsablee", "", "x" };
    int nkeys = schema_nkeys + EXTRA;
    char(*names)[64] = calloc((size_t)nkeys * COPIES, sizeof *names);
    for (int c = 0; c < COPIES; c++)
        for (int i = 0; i < nkeys; i++)
            snprintf(names[c * nkeys + i], sizeof names[0], "%s",
                     i < schema_nkeys ? schema_keys[i].key : extra[i - schema_nkeys]);
    bool same = true;
    long hits_found = 0;
    for (int round = 0; round < 3; round++)
        for (int c = 0; c < COPIES; c++)
            for (int i = 0; i < nkeys; i++) {
                int j = round == 1 ? nkeys - 1 - i : i; /* another order */
                const char *key = names[c * nkeys + j];
                for (int b = 0; b <= SB_NONE; b++) {
                    const SchemaKey *want = schema_find((SchemaBlock)b, key);
                    const SchemaKey *got = schema_memo_find(&m, (SchemaBlock)b, key);
                    if (got != want)
                        same = false;
                    if (got)
                        hits_found++;
                }
            }
    CHECK(same);
    CHECK(hits_found >= 3L * COPIES * schema_nkeys); /* every key found in its block */
    free(names);
}

/* The intern table: one copy per distinct name, the folded form of a name
 * with an accent kept beside it, and many names through its growth. */
void test_intern(void)
{
    Arena a;
    arena_init(&a);
    InternTable t;
    intern_init(&t, &a, 0);
    const char *f1, *f2, *f3;
    const char *s1 = intern_name(&t, "duración", strlen("duración"), &f1);
    const char *s2 = intern_name(&t, "duración", strlen("duración"), &f2);
    const char *s3 = intern_name(&t, "duracion", 8, &f3);
    CHECK(s1 == s2 && f1 == f2);
    CHECK_STR(s1, "duración");
    CHECK_STR(f1, "duracion");
    CHECK(s3 != s1 && f3 == s3);
    bool same = true;
    char name[16];
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < 5000; i++) {
            snprintf(name, sizeof name, "a%d", i);
            const char *f;
            const char *s = intern_name(&t, name, strlen(name), &f);
            if (strcmp(s, name) != 0 || f != s)
                same = false;
        }
    CHECK(same && t.n == 5002);
    const char *f4;
    CHECK(intern_name(&t, "duración", strlen("duración"), &f4) == s1 && f4 == f1);
    /* Past 8192 names the table is full: new names are copies, equal in
     * bytes; the names it holds are still shared. */
    bool copies = true;
    for (int i = 5000; i < 12000; i++) {
        snprintf(name, sizeof name, "a%d", i);
        const char *f;
        const char *s = intern_name(&t, name, strlen(name), &f);
        if (strcmp(s, name) != 0 || strcmp(f, name) != 0)
            copies = false;
    }
    CHECK(copies && t.n == 8192);
    const char *fa, *fb;
    const char *late1 = intern_name(&t, "tardío", strlen("tardío"), &fa);
    const char *late2 = intern_name(&t, "tardío", strlen("tardío"), &fb);
    CHECK(late1 != late2 && strcmp(late1, late2) == 0 && strcmp(fa, "tardio") == 0);
    /* Every name with a folded form of its own, interned or copied, leads
     * to it from its text (what a NAME value keeps: ast.h value_folded). */
    CHECK(intern_folded_of(s1) == f1);
    CHECK(intern_folded_of(late1) == fa && intern_folded_of(late2) == fb);
    const char *fc;
    const char *c1 = intern_copy(&a, "Ñuñoa", strlen("Ñuñoa"), &fc);
    CHECK(fc != c1 && intern_folded_of(c1) == fc);
    const char *c2 = intern_copy(&a, "sin_tilde", 9, &fc);
    CHECK(fc == c2);
    const char *st = intern_store(&a, "x\xEF\xBF\xBDy", 5, "xy");
    CHECK_STR(st, "x\xEF\xBF\xBDy");
    CHECK_STR(intern_folded_of(st), "xy");
    Value v = { .kind = VAL_NAME };
    value_set_name(&v, s1, f1);
    CHECK(v.accent && value_folded(&v) == f1);
    value_set_name(&v, s3, f3);
    CHECK(!v.accent && value_folded(&v) == s3);
    CHECK(intern_name(&t, "a7", 2, &fb) == intern_name(&t, "a7", 2, &fa));
    intern_free(&t);
    /* Sized for the names expected: no growth while they come, and the
     * size is capped at the table's limit. */
    intern_init(&t, &a, 3000);
    CHECK(t.cap == 0);
    bool kept = true;
    InternSlot *first_slots = NULL;
    for (int i = 0; i < 3000; i++) {
        snprintf(name, sizeof name, "b%d", i);
        const char *f;
        intern_name(&t, name, strlen(name), &f);
        if (i == 0)
            first_slots = t.slots;
        else if (t.slots != first_slots)
            kept = false;
    }
    CHECK(kept && t.cap == 8192 && t.n == 3000);
    CHECK(intern_name(&t, "b2999", 5, &fa) == intern_name(&t, "b2999", 5, &fb));
    intern_free(&t);
    intern_init(&t, &a, 1000000);
    CHECK(t.first_cap == 16384);
    intern_free(&t);
    arena_free(&a);
}

/* The symbol table: entries in insertion order, found through the index
 * after it grew or was reserved; a second put keeps the first value. */
void test_symtab(void)
{
    SymTab t;
    symtab_init(&t);
    CHECK(symtab_get(&t, "nada") == NULL);
    static int values[3000];
    static char names[3000][16];
    bool first = true;
    for (int i = 0; i < 3000; i++) {
        snprintf(names[i], sizeof names[i], "a%d", i);
        if (symtab_put(&t, names[i], &values[i]) != NULL)
            first = false;
    }
    CHECK(first && t.count == 3000);
    CHECK(symtab_put(&t, "a17", &values[0]) == &values[17]);
    bool found = true, ordered = true;
    for (int i = 0; i < 3000; i++) {
        if (symtab_get(&t, names[i]) != &values[i])
            found = false;
        if (t.entries[i].key != names[i] || t.entries[i].value != &values[i])
            ordered = false;
    }
    CHECK(found && ordered);
    CHECK(symtab_get(&t, "a3000") == NULL && symtab_get(&t, "") == NULL);
    symtab_free(&t);
    CHECK(t.count == 0 && t.entries == NULL);
    /* Reserved: no slot array or entry array is reallocated while filling. */
    symtab_reserve(&t, 1000);
    SymSlot *slots = t.slots;
    SymEntry *entries = t.entries;
    for (int i = 0; i < 1000; i++)
        symtab_put(&t, names[i], &values[i]);
    CHECK(t.slots == slots && t.entries == entries && t.count == 1000);
    CHECK(symtab_get(&t, "a999") == &values[999]);
    symtab_free(&t);
}

static bool all_zero(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* Rolling an arena back: the blocks taken since the mark are released,
 * the memory given out since is zero again and given out again, the
 * total and the budget flag are those of the mark. */
/* An abandoned arena is empty and allocates again, zero-filled, from a
 * block of its own (the old blocks stay mapped until the process exits). */
void test_arena_abandon(void)
{
    Arena a;
    arena_init(&a);
    char *p = arena_alloc(&a, 100);
    memset(p, 'x', 100);
    for (int i = 0; i < 64; i++)
        arena_alloc(&a, 4096); /* a second block */
    arena_abandon(&a);
    CHECK(a.head == NULL && a.total == 0 && a.cur == NULL);
    char *q = arena_alloc(&a, 100);
    bool zero = true;
    for (int i = 0; i < 100; i++)
        if (q[i])
            zero = false;
    CHECK(zero && q != p && a.head != NULL && a.total > 0);
    CHECK(p[99] == 'x'); /* still mapped */
    arena_free(&a);
}

/* Whether the mapping that holds p has flag (two letters) among its
 * VmFlags in /proc/self/smaps: 1 or 0; -1 when there is no such file. */
static int vm_flag_of(const void *p, const char *flag)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return -1;
    char line[512];
    bool inside = false;
    int found = -1;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' ')) {
            inside = (uintptr_t)p >= lo && (uintptr_t)p < hi;
            continue;
        }
        if (inside && strncmp(line, "VmFlags:", 8) == 0) {
            found = 0;
            for (char *t = strtok(line + 8, " \n"); t; t = strtok(NULL, " \n"))
                if (strcmp(t, flag) == 0)
                    found = 1;
            break;
        }
    }
    fclose(f);
    return found;
}

/* arena_expect: an expectation from ARENA_EXPECT_MIN on makes the next
 * block big enough for it, in whole pages; a smaller one, or one past a
 * quarter of the budget left, changes nothing; a rollback gives the
 * block back. Blocks grow to 8 MiB and stay there. */
void test_arena_expect(void)
{
    const size_t mib = 1024 * 1024;
    Arena a;
    arena_init(&a);
    arena_expect(&a, 3 * mib + 100);
    char *p = arena_alloc(&a, 100);
    CHECK(a.total >= 3 * mib && a.total <= 3 * mib + 4096 && a.expect == 0);
    CHECK(a.end - p >= (ptrdiff_t)(512 * 1024 - 100)); /* populated ahead */
    CHECK(all_zero(p, 100));
    arena_free(&a);

    arena_init(&a);
    arena_expect(&a, ARENA_EXPECT_MIN - 1);
    arena_alloc(&a, 100);
    CHECK(a.total < 64 * 1024);
    arena_free(&a);

    arena_init(&a);
    a.limit = 10 * mib; /* a quarter of it is less than the 3 MiB block */
    arena_expect(&a, 3 * mib);
    arena_alloc(&a, 100);
    CHECK(a.total < 64 * 1024 && !a.over);
    arena_free(&a);

    arena_init(&a);
    arena_alloc(&a, 100);
    ArenaMark m = arena_mark(&a);
    size_t before = a.total;
    arena_expect(&a, 5 * mib);
    arena_alloc(&a, 200 * 1024); /* past the first block: the expected one */
    CHECK(a.total - before >= 5 * mib - 4096 && a.total - before <= 5 * mib);
    arena_rollback(&a, m);
    CHECK(a.total == before);
    arena_free(&a);

    /* Without expectations: 64 KiB, doubling, then 8 MiB blocks only. */
    arena_init(&a);
    size_t last = 0, step = 0, steps_at_max = 0;
    bool grew_by_max_only = true;
    while (a.total < 40 * mib) {
        arena_alloc(&a, 256 * 1024);
        if (a.total != last) {
            step = a.total - last;
            last = a.total;
            if (step > 7 * mib)
                steps_at_max++;
            else if (steps_at_max)
                grew_by_max_only = false;
        }
    }
    CHECK(steps_at_max >= 3 && grew_by_max_only && step > 7 * mib && step < 8 * mib + 1);
    arena_free(&a);

    char *big = bigmem_reserve(3 * mib);
    bigmem_populate(big, 3 * mib);
    CHECK(all_zero(big, 3 * mib));
    /* No MADV_HUGEPAGE (docs/performance.md 3.14): the kernel shows it as
     * "hg" in the mapping's VmFlags. */
    CHECK(vm_flag_of(big, "hg") == 0);
    bigmem_free(big, 3 * mib);
#ifdef MADV_HUGEPAGE
    /* The probe itself: a mapping that asks for them shows the flag. */
    void *asked = mmap(NULL, 4 * mib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(asked != MAP_FAILED && madvise(asked, 4 * mib, MADV_HUGEPAGE) == 0);
    CHECK(vm_flag_of(asked, "hg") == 1);
    munmap(asked, 4 * mib);
#endif
}

/* arena_adopt: the adopted blocks live as long as the adopting arena;
 * allocation goes on from whichever current block has more room left. */
void test_arena_adopt(void)
{
    for (int roomier_from = 0; roomier_from < 2; roomier_from++) {
        Arena into, from;
        arena_init(&into);
        arena_init(&from);
        char *x = arena_strdup(&into, "into");
        char *y = arena_strdup(&from, "from");
        /* Fill the one that should lose to 100 bytes of room or so. */
        Arena *full = roomier_from ? &into : &from;
        size_t rest = (size_t)(full->end - full->cur);
        if (rest > 100)
            arena_alloc(full, rest - 100);
        char *from_cur = from.cur, *into_cur = into.cur;
        size_t total = into.total + from.total;
        arena_adopt(&into, &from);
        CHECK(from.head == NULL && from.total == 0 && into.total == total);
        CHECK(into.cur == (roomier_from ? from_cur : into_cur));
        char *z = arena_alloc(&into, 1000);
        CHECK(z == (roomier_from ? from_cur : into_cur) && all_zero(z, 1000));
        CHECK(strcmp(x, "into") == 0 && strcmp(y, "from") == 0);
        arena_free(&into); /* both arenas' blocks: no leak under LSan/valgrind */
    }
}

/* With map_files, a file of SOURCE_MAP_MIN bytes or more is mapped and a
 * smaller one read; without it nothing is mapped. The text is the file's
 * either way, with two NUL bytes after it. */
void test_source_map_min(void)
{
    char dir[] = "/tmp/ruta-unit-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    size_t sizes[] = { SOURCE_MAP_MIN - 1, SOURCE_MAP_MIN, 3 * 4096 };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        char path[64];
        snprintf(path, sizeof path, "%s/p%zu.ruta", dir, k);
        char *want = malloc(n);
        for (size_t i = 0; i < n; i++)
            want[i] = (char)('a' + i % 26);
        FILE *f = fopen(path, "wb");
        CHECK(f && fwrite(want, 1, n, f) == n && fclose(f) == 0);
        for (int map = 0; map < 2; map++) {
            SourceManager sm;
            source_manager_init(&sm);
            sm.map_files = map;
            SourceError err;
            uint32_t id = source_load_file(&sm, path, &err);
            const SourceFile *sf = source_file(&sm, id);
            bool mapped_as_wanted = sf && (sf->mapped != 0) == (map && n >= SOURCE_MAP_MIN);
            bool same = sf && sf->len == n && memcmp(sf->text, want, n) == 0 && sf->text[n] == 0 &&
                        sf->text[n + 1] == 0;
            printf("%s - a file of %zu bytes, map_files %d: mapped %d, same text\n",
                   mapped_as_wanted && same ? "ok" : "not ok", n, map, sf ? sf->mapped != 0 : -1);
            if (!(mapped_as_wanted && same))
                unit_failures++;
            source_manager_free(&sm);
        }
        remove(path);
        free(want);
    }
    remove(dir);
}

void test_arena_rollback(void)
{
    Arena a;
    arena_init(&a);
    /* From an empty arena. */
    ArenaMark empty = arena_mark(&a);
    memset(arena_alloc(&a, 100), 0xAB, 100);
    arena_rollback(&a, empty);
    CHECK(a.head == NULL && a.total == 0 && a.cur == NULL);
    char *keep = arena_alloc(&a, 64);
    memset(keep, 0x11, 64);
    a.limit = 256 * 1024;
    ArenaMark m = arena_mark(&a);
    size_t total = a.total;
    /* Within the block, then across several new blocks past the budget. */
    char *first = arena_alloc(&a, 1000);
    memset(first, 0xCD, 1000);
    for (int i = 0; i < 40; i++)
        memset(arena_alloc(&a, 20000), 0xEF, 20000);
    CHECK(a.total > total && a.over);
    arena_rollback(&a, m);
    CHECK(a.total == total && !a.over);
    CHECK(keep[0] == 0x11 && keep[63] == 0x11);
    char *again = arena_alloc(&a, 1000);
    CHECK(again == first && all_zero(again, 1000));
    /* What the lost blocks' allocations took in the marked block is zero
     * too: allocate the whole rest of it. */
    size_t rest = (size_t)(a.end - a.cur);
    CHECK(all_zero(arena_alloc(&a, rest), rest));
    /* Within the same block only. */
    m = arena_mark(&a);
    total = a.total;
    char *x = arena_alloc(&a, 4000);
    memset(x, 0x77, 4000);
    arena_rollback(&a, m);
    CHECK(a.total == total && arena_alloc(&a, 4000) == x && all_zero(x, 4000));
    arena_free(&a);
}

/* Rolling a diagnostics engine back: the reports since the mark are gone,
 * with their counts and stop flags. */
void test_diag_rollback(void)
{
    Arena a;
    arena_init(&a);
    SourceManager sm;
    source_manager_init(&sm);
    DiagEngine d;
    diag_init(&d, &a, &sm, 3);
    Loc at = loc_make(0, 0, 1);
    diag_report(&d, DIAG_BAD_CHAR, at, "@", NULL);
    DiagMark m = diag_mark(&d);
    for (int i = 0; i < 4; i++) {
        Diagnostic *g = diag_report(&d, DIAG_BAD_CHAR, at, "@", NULL);
        diag_note(&d, g, DIAG_NOTE_FIRST_DECLARED, at, "x", NULL);
    }
    CHECK(d.n == 3 && d.errors == 3 && d.stopped && d.truncated);
    diag_rollback(&d, m);
    CHECK(d.n == 1 && d.errors == 1 && !d.stopped && !d.truncated && !d.halted);
    diag_report(&d, DIAG_BAD_CHAR, at, "#", NULL);
    CHECK(d.n == 2 && d.errors == 2 && d.items[1].nnotes == 0);
    diag_free(&d);
    source_manager_free(&sm);
    arena_free(&a);
}
