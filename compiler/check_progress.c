/* check_progress.c - progress as of the as-of date: E401-W405. */
#include "checks.h"

#include <math.h>
#include <stdio.h>

#include "progress.h"

static const char *percent_text(Compilation *c, double v)
{
    return arena_printf(&c->arena, "%.0f", floor(v + 0.5));
}

static void check_future_records(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        if (s->fecha <= m->as_of)
            continue;
        Diagnostic *g = diag_report(&c->diag, DIAG_FUTURE_RECORD, s->decl->name_loc, checks_date(c, s->fecha),
                                    checks_date(c, m->as_of), NULL);
        diag_help(&c->diag, g, DIAG_HELP_AS_OF, NULL);
    }
}

static void check_avances(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *a = m->acciones[i];
        for (size_t k = 1; k < a->navances; k++) {
            MAvance *prev = &a->avances[k - 1], *cur = &a->avances[k];
            if (cur->percent >= prev->percent || cur->seg->fecha > m->as_of)
                continue;
            Diagnostic *g = diag_report(&c->diag, DIAG_AVANCE_DECREASED, cur->loc, a->id,
                                        arena_printf(&c->arena, "%g", prev->percent), checks_date(c, prev->seg->fecha),
                                        arena_printf(&c->arena, "%g", cur->percent), checks_date(c, cur->seg->fecha),
                                        NULL);
            diag_note(&c->diag, g, DIAG_NOTE_PREVIOUS_AVANCE, prev->loc, checks_date(c, prev->seg->fecha),
                      arena_printf(&c->arena, "%g", prev->percent), NULL);
        }
    }
}

static void check_states(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *a = m->acciones[i];
        Progress p = progress_of(a, m->as_of);
        Diagnostic *g = NULL;
        if (p.state == STATE_ATRASADA)
            g = diag_report(&c->diag, DIAG_BEHIND, a->fechas_loc, a->id, checks_date(c, m->as_of),
                            percent_text(c, p.expected), percent_text(c, p.avance), NULL);
        else if (p.state == STATE_VENCIDA && p.has_avance)
            g = diag_report(&c->diag, DIAG_OVERDUE, a->fechas_loc, a->id, checks_date(c, a->fin),
                            percent_text(c, p.avance), NULL);
        else if (p.state == STATE_VENCIDA)
            g = diag_report(&c->diag, DIAG_OVERDUE_NO_AVANCE, a->fechas_loc, a->id, checks_date(c, a->fin), NULL);
        if (g && p.latest)
            diag_note(&c->diag, g, DIAG_NOTE_PREVIOUS_AVANCE, p.latest->loc, checks_date(c, p.latest->seg->fecha),
                      arena_printf(&c->arena, "%g", p.latest->percent), NULL);
        /* W405: indicators of an action whose fechas have ended. */
        if (m->as_of <= a->fin)
            continue;
        for (size_t k = 0; k < a->nindicadores; k++) {
            MIndicador *x = a->indicadores[k];
            if (!model_latest_medicion(x, m->as_of))
                diag_report(&c->diag, DIAG_NO_MEASUREMENT, x->decl->name_loc, x->id, a->id, NULL);
        }
    }
}

void check_progress(Compilation *c, Model *m)
{
    check_future_records(c, m);
    check_avances(c, m);
    check_states(c, m);
}
