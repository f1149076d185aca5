/* territorio_figures.c - a plan's progress figures for the territory outputs. */
#include "territorio_out.h"

#include "progress.h"

int territory_compare_meetings(const MHito *a, size_t pa, const MHito *b, size_t pb)
{
    if (a->fecha != b->fecha)
        return a->fecha < b->fecha ? -1 : 1;
    if (a->minutos != b->minutos)
        return a->minutos < b->minutos ? -1 : 1;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    return a->decl->loc.begin < b->decl->loc.begin ? -1 : a->decl->loc.begin > b->decl->loc.begin;
}

void territory_add_figures(TerritoryFigures *f, const Model *m, size_t plan, int as_of)
{
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *x = m->acciones[i];
        Progress pr = progress_of(x, as_of);
        f->acciones++;
        f->atrasadas += pr.state == STATE_ATRASADA;
        f->vencidas += pr.state == STATE_VENCIDA;
        double d = x->fin - x->inicio + 1;
        if (d > 0) {
            f->weighted += pr.avance * d;
            f->days += d;
        }
    }
    for (size_t i = 0; i < m->nindicadores; i++)
        f->sin_medicion += model_latest_medicion(m->indicadores[i], as_of) == NULL;
    for (size_t i = 0; i < m->nhitos; i++) {
        const MHito *h = m->hitos[i];
        if (h->monitoreo && h->fecha >= as_of &&
            (!f->next || territory_compare_meetings(h, plan, f->next, f->next_plan) < 0)) {
            f->next = h;
            f->next_plan = plan;
        }
    }
}
