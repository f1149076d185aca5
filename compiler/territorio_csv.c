/* territorio_csv.c - one CSV row per plan of the territory (RFC 4180). */
#include "territorio_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csv_write.h"
#include "date.h"
#include "progress.h"

static const char *const HEADER[] = {
    "archivo", "establecimiento", "rbd", "territorio", "periodo", "capacidades", "acciones",
    "acciones atrasadas", "acciones vencidas", "avance medio ponderado por duración",
    "indicadores sin medición", "próxima reunión de monitoreo", "errores", "advertencias",
};
enum { NCOLS = sizeof HEADER / sizeof HEADER[0] };

/* Text of an attribute of the plan declaration, for plans with errors
 * (their model is not built). */
static const char *plan_text(const Decl *plan, const char *key)
{
    Attr *a = plan ? decl_attr(plan, key) : NULL;
    return a && a->values && a->values->kind == VAL_STRING ? a->values->text : "";
}

/* The first monitoring hito on or after the as-of date. */
static const MHito *next_meeting(const Model *m, int as_of)
{
    const MHito *best = NULL;
    for (size_t i = 0; i < m->nhitos; i++) {
        const MHito *h = m->hitos[i];
        if (!h->monitoreo || h->fecha < as_of)
            continue;
        if (!best || h->fecha < best->fecha || (h->fecha == best->fecha && h->minutos < best->minutos))
            best = h;
    }
    return best;
}

static void row_from_model(const TerritoryPlan *tp, int as_of, char cells[NCOLS][256])
{
    const Model *m = tp->model;
    const MPlan *p = m->plan;
    char a[11], b[11];
    date_format(p->inicio, a);
    date_format(p->fin, b);
    snprintf(cells[4], 256, "%s .. %s", a, b);
    snprintf(cells[5], 256, "%zu", m->ncapacidades);
    snprintf(cells[6], 256, "%zu", m->nacciones);
    size_t behind = 0, overdue = 0;
    double weighted = 0, days = 0;
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *x = m->acciones[i];
        Progress pr = progress_of(x, as_of);
        behind += pr.state == STATE_ATRASADA;
        overdue += pr.state == STATE_VENCIDA;
        double d = x->fin - x->inicio + 1;
        if (d > 0) {
            weighted += pr.avance * d;
            days += d;
        }
    }
    snprintf(cells[7], 256, "%zu", behind);
    snprintf(cells[8], 256, "%zu", overdue);
    if (days > 0)
        snprintf(cells[9], 256, "%.1f%%", floor(weighted / days * 10 + 0.5) / 10);
    size_t unmeasured = 0;
    for (size_t i = 0; i < m->nindicadores; i++)
        unmeasured += model_latest_medicion(m->indicadores[i], as_of) == NULL;
    snprintf(cells[10], 256, "%zu", unmeasured);
    const MHito *h = next_meeting(m, as_of);
    if (h) {
        date_format(h->fecha, a);
        if (h->minutos >= 0)
            snprintf(cells[11], 256, "%s %02d:%02d", a, h->minutos / 60, h->minutos % 60);
        else
            snprintf(cells[11], 256, "%s", a);
    }
}

int territory_csv(const TerritoryCtx *t, StrBuf *out)
{
    char sep = t->cli->sep ? t->cli->sep : ',';
    csv_write_row(out, HEADER, NCOLS, sep);
    for (size_t i = 0; i < t->nplans; i++) {
        const TerritoryPlan *tp = &t->plans[i];
        if (!tp->is_plan || tp->unreadable)
            continue;
        char cells[NCOLS][256];
        memset(cells, 0, sizeof cells);
        const Decl *plan = tp->c.plan;
        if (tp->model && tp->model->plan)
            row_from_model(tp, t->as_of, cells);
        snprintf(cells[12], 256, "%zu", tp->errors);
        snprintf(cells[13], 256, "%zu", tp->warnings);
        const char *row[NCOLS];
        row[0] = tp->path;
        row[1] = plan_text(plan, "establecimiento");
        row[2] = plan_text(plan, "rbd");
        row[3] = plan_text(plan, "territorio");
        for (int k = 4; k < NCOLS; k++)
            row[k] = cells[k];
        csv_write_row(out, row, NCOLS, sep);
    }
    return 0;
}
