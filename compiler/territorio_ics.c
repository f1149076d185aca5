/* territorio_ics.c - every hito of the territory in one calendar. */
#include <stdio.h>
#include <string.h>

#include "ics_events.h"
#include "territorio_out.h"

/* The UID domain of a plan: its id, unless another plan of the territory
 * has the same id; then the id and its RBD (or, without one, its file
 * name), so that UIDs stay unique and stable across runs. */
static const char *uid_domain(const TerritoryCtx *t, size_t i, Arena *a)
{
    const MPlan *p = t->plans[i].model->plan;
    bool clash = false;
    for (size_t k = 0; k < t->nplans && !clash; k++) {
        const TerritoryPlan *o = &t->plans[k];
        clash = k != i && o->model && o->model->plan && strcmp(o->model->plan->id, p->id) == 0;
    }
    if (!clash)
        return p->id;
    if (p->rbd && *p->rbd)
        return arena_printf(a, "%s.%s", p->id, p->rbd);
    const char *base = strrchr(t->plans[i].path, '/');
    base = base ? base + 1 : t->plans[i].path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".ruta") == 0)
        n -= 5;
    return arena_printf(a, "%s.%.*s", p->id, (int)n, base);
}

int territory_ics(const TerritoryCtx *t, StrBuf *out)
{
    const char *territorio = NULL;
    for (size_t i = 0; i < t->nplans && !territorio; i++)
        if (t->plans[i].model && t->plans[i].model->plan)
            territorio = t->plans[i].model->plan->territorio;
    StrBuf name;
    strbuf_init(&name);
    strbuf_printf(&name, "Hitos del territorio%s%s", territorio ? " " : "", territorio ? territorio : "");
    ics_begin_calendar(out, strbuf_cstr(&name));
    strbuf_free(&name);
    for (size_t i = 0; i < t->nplans; i++) {
        TerritoryPlan *tp = &t->plans[i];
        if (!tp->is_plan || !tp->model || !tp->model->plan)
            continue;
        const MPlan *p = tp->model->plan;
        Arena *a = &tp->c.arena;
        ics_write_plan(out, a, tp->model, t->as_of, t->epoch, uid_domain(t, i, a), ICS_HITOS,
                       p->establecimiento ? p->establecimiento : p->titulo, NULL);
    }
    ics_end_calendar(out);
    return 0;
}
