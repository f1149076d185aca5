/* literal.h - decoding the literals of the language (section 2).
 *
 * Contract: pure functions over the exact token text the scanner matched;
 * strings are allocated in the caller's arena. They decide validity; the
 * scanner reports the diagnostics.
 */
#ifndef RUTA_LITERAL_H
#define RUTA_LITERAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Largest magnitude of a number literal; larger is E006. */
#define LITERAL_MAX_NUMBER 1e15

/* "12", "12.5", "1_000": false when larger than LITERAL_MAX_NUMBER. */
bool literal_number(const char *s, size_t n, double *out);
/* "$150.000" or "$150000". */
typedef enum LiteralMoney { LITERAL_MONEY_OK, LITERAL_MONEY_BAD, LITERAL_MONEY_TOO_LARGE } LiteralMoney;
LiteralMoney literal_money(const char *s, size_t n, double *out);
/* "HH:MM": minutes after midnight, false when out of range. */
bool literal_time(const char *s, size_t n, int *minutes);
/* "YYYY-MM-DD" as matched by the scanner: 0 ok, 1 nonexistent, 2 year out
 * of range. */
int literal_date(const char *s, size_t n, int *days);
/* A date in another spelling ("14/05/2026", "6-4-2026", "2026/5/14"):
 * writes the ISO form and returns true when the intended date is clear. */
bool literal_date_hint(const char *s, size_t n, char iso[11]);

enum { LITERAL_MAX_BAD_ESCAPES = 8 };

/* Content of a "..." token (quotes included in s). Invalid escapes are
 * copied as written; their offsets relative to s go to bad[] (at most
 * LITERAL_MAX_BAD_ESCAPES), their count to *nbad. */
char *literal_unescape(Arena *a, const char *s, size_t n, size_t bad[], size_t *nbad);
/* Content of a """...""" block given the bytes between the quotes: drops
 * every CR, then a line break right after the opening quotes and the
 * closing quotes' line when blank, and removes the common leading
 * indentation. */
char *literal_dedent(Arena *a, const char *s, size_t n);

#endif
