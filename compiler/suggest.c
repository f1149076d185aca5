/* suggest.c - bounded Damerau-Levenshtein (optimal string alignment). */
#include "suggest.h"

#include <string.h>

enum { SUGGEST_MAX_LEN = 128 };

void suggest_init(Suggest *s, const char *target)
{
    s->target = target;
    s->tlen = strlen(target);
    s->limit = s->tlen <= 4 ? 1 : 2;
    s->best_dist = s->limit + 1;
    s->best = NULL;
    s->best_data = NULL;
}

/* The common prefix and suffix are set aside first. Then only the cells
 * within `limit` of the diagonal can hold a distance of at most `limit`:
 * each row computes those 2 * limit + 1 cells, with a sentinel (limit + 1)
 * on each side of the band, so comparing two names of 128 bytes costs
 * about 640 cells instead of 16 384 (docs/performance.md, F8). Rows are
 * reused in rotation; every cell a row reads was written by the row before
 * it or is a sentinel. */
int suggest_distance(const char *a, size_t na, const char *b, size_t nb, int limit)
{
    if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN || limit < 0)
        return limit + 1;
    size_t diff = na > nb ? na - nb : nb - na;
    if (diff > (size_t)limit)
        return limit + 1;
    /* A common prefix and suffix cost nothing: names of a large plan share
     * long ones ("indicador_lectura_12"), and the table is then tiny. */
    while (na >= 8 && nb >= 8 && memcmp(a, b, 8) == 0) {
        a += 8, b += 8;
        na -= 8, nb -= 8;
    }
    while (na && nb && *a == *b) {
        a++, b++;
        na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    const int big = limit + 1;
    const size_t band = (size_t)limit;
    int rows[3][SUGGEST_MAX_LEN + 2];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb + 1; j++)
        prev[j] = prev2[j] = j <= band ? (int)j : big;
    for (size_t i = 1; i <= na; i++) {
        size_t lo = i > band ? i - band : 1;
        size_t hi = i + band < nb ? i + band : nb;
        cur[lo - 1] = lo == 1 && i <= band ? (int)i : big;
        int rowmin = cur[lo - 1];
        for (size_t j = lo; j <= hi; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v)
                v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            if (v > big)
                v = big;
            cur[j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        cur[hi + 1] = big;
        if (rowmin > limit)
            return big;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb] > limit ? big : prev[nb];
}

void suggest_consider(Suggest *s, const char *candidate, const void *data)
{
    int d = suggest_distance(s->target, s->tlen, candidate, strlen(candidate), s->limit);
    if (d == 0 || d > s->limit)
        return; /* the same name is never a suggestion */
    if (d < s->best_dist || (d == s->best_dist && s->best && strcmp(candidate, s->best) < 0)) {
        s->best_dist = d;
        s->best = candidate;
        s->best_data = data;
    }
}
