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

int suggest_distance(const char *a, size_t na, const char *b, size_t nb, int limit)
{
    if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN)
        return limit + 1;
    size_t diff = na > nb ? na - nb : nb - na;
    if (diff > (size_t)limit)
        return limit + 1;
    int rows[3][SUGGEST_MAX_LEN + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = (int)i;
        int rowmin = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v)
                v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        if (rowmin > limit)
            return limit + 1;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb] > limit ? limit + 1 : prev[nb];
}

void suggest_consider(Suggest *s, const char *candidate, const void *data)
{
    if (strcmp(candidate, s->target) == 0)
        return;
    int d = suggest_distance(s->target, s->tlen, candidate, strlen(candidate), s->limit);
    if (d > s->limit)
        return;
    if (d < s->best_dist || (d == s->best_dist && s->best && strcmp(candidate, s->best) < 0)) {
        s->best_dist = d;
        s->best = candidate;
        s->best_data = data;
    }
}
