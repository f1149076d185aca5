/* test_misc.c - suggestions, the JSON writer and the source manager. */
#include "unit.h"

#include "jsonw.h"
#include "source.h"
#include "suggest.h"

void test_suggest(void)
{
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
