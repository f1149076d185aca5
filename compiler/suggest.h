/* suggest.h - "¿quiso decir ...?": the closest candidate name.
 *
 * Contract: feed candidates one by one; the best one within the edit
 * distance limit (1 for names up to 4 characters, 2 otherwise; a swap of
 * two neighbours counts as one edit) is kept, ties going to the
 * alphabetically first. No allocation.
 */
#ifndef RUTA_SUGGEST_H
#define RUTA_SUGGEST_H

#include <stddef.h>

typedef struct Suggest {
    const char *target;
    size_t tlen;
    int limit;
    int best_dist;
    const char *best;      /* NULL while nothing is close enough */
    const void *best_data;
} Suggest;

void suggest_init(Suggest *s, const char *target);
void suggest_consider(Suggest *s, const char *candidate, const void *data);
/* Edit distance, or limit + 1 when it exceeds limit. */
int suggest_distance(const char *a, size_t na, const char *b, size_t nb, int limit);

#endif
