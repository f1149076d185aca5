/* territorio_csv.c - one CSV row per plan of the territory (RFC 4180). */
#include "territorio_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csv_write.h"
#include "date.h"

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

static void row_from_model(const TerritoryPlan *tp, size_t plan, int as_of, char cells[NCOLS][256])
{
    const Model *m = tp->model;
    const MPlan *p = m->plan;
    char a[11], b[11];
    date_format(p->inicio, a);
    date_format(p->fin, b);
    snprintf(cells[4], 256, "%s .. %s", a, b);
    TerritoryFigures f = { 0 };
    territory_add_figures(&f, m, plan, as_of);
    snprintf(cells[5], 256, "%zu", m->ncapacidades);
    snprintf(cells[6], 256, "%zu", f.acciones);
    snprintf(cells[7], 256, "%zu", f.atrasadas);
    snprintf(cells[8], 256, "%zu", f.vencidas);
    if (f.days > 0)
        snprintf(cells[9], 256, "%.1f%%", floor(f.weighted / f.days * 10 + 0.5) / 10);
    snprintf(cells[10], 256, "%zu", f.sin_medicion);
    const MHito *h = f.next;
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
            row_from_model(tp, i, t->as_of, cells);
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
