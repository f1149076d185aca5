/* check_schedule.c - dates and schedule: E201-E204, W205-W209. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"

/* E201 for every range written anywhere (fechas, periodo, ajuste): the
 * parser noted the reversed ones (FileAst.suspects); and for vacaciones. */
static void check_ranges(Compilation *c)
{
    for (size_t f = 0; f < c->nfiles; f++)
        for (const ValueNote *n = c->files[f]->suspects; n; n = n->next) {
            const Value *v = n->value;
            if (v->kind == VAL_RANGE && v->date2 < v->date)
                diag_report(&c->diag, DIAG_RANGE_REVERSED, v->loc, checks_date(c, v->date),
                            checks_date(c, v->date2), NULL);
        }
    DeclVec *cals = &c->by_kind[DECL_CALENDARIO];
    for (size_t i = 0; i < cals->n; i++)
        for (CalDay *cd = decl_days(cals->items[i]); cd; cd = cd->next)
            if (cd->to < cd->from)
                diag_report(&c->diag, DIAG_RANGE_REVERSED, cd->loc, checks_date(c, cd->from),
                            checks_date(c, cd->to), NULL);
}

static Loc periodo_loc(const MPlan *p)
{
    Attr *a = decl_attr(p->decl, "periodo");
    return a ? a->values->loc : p->decl->name_loc;
}

static void check_period(Compilation *c, Model *m)
{
    const MPlan *p = m->plan;
    if (!p || p->fin < p->inicio)
        return;
    const char *from = checks_date(c, p->inicio), *to = checks_date(c, p->fin);
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *a = m->acciones[i];
        if (a->fin < a->inicio || (a->inicio >= p->inicio && a->fin <= p->fin))
            continue;
        const char *span = arena_printf(&c->arena, "%s .. %s", checks_date(c, a->inicio), checks_date(c, a->fin));
        Diagnostic *g = diag_report(&c->diag, DIAG_OUTSIDE_PERIOD, a->fechas_loc, "la acción", a->id, span,
                                    from, to, NULL);
        diag_note(&c->diag, g, DIAG_NOTE_PERIOD, periodo_loc(p), NULL);
    }
    for (size_t i = 0; i < m->nhitos; i++) {
        MHito *h = m->hitos[i];
        if (h->fecha >= p->inicio && h->fecha <= p->fin)
            continue;
        Attr *fa = decl_attr(h->decl, "fecha");
        Diagnostic *g = diag_report(&c->diag, DIAG_OUTSIDE_PERIOD, fa ? fa->values->loc : h->decl->name_loc,
                                    "el hito", h->id, checks_date(c, h->fecha), from, to, NULL);
        diag_note(&c->diag, g, DIAG_NOTE_PERIOD, periodo_loc(p), NULL);
    }
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        if (s->fecha >= p->inicio && s->fecha <= p->fin)
            continue;
        Diagnostic *g = diag_report(&c->diag, DIAG_SEG_OUTSIDE_PERIOD, s->decl->name_loc,
                                    checks_date(c, s->fecha), from, to, NULL);
        diag_note(&c->diag, g, DIAG_NOTE_PERIOD, periodo_loc(p), NULL);
    }
}

/* Location of the reference to `target` in the despues_de of a. */
static Loc dependency_loc(const MAccion *a, const MAccion *target)
{
    Attr *at = decl_attr(a->decl, "despues_de");
    if (at)
        for (Value *v = at->values; v; v = v->next)
            if (value_ref(v) == target->decl)
                return v->loc;
    return a->decl->name_loc;
}

/* E203: an iterative depth-first search over despues_de (deep chains do
 * not grow the C stack). Each cycle is reported once; its actions are
 * marked so that E204 does not repeat the same problem. */
static void check_cycles(Compilation *c, Model *m, unsigned char *in_cycle)
{
    size_t n = m->nacciones;
    unsigned char *color = calloc(n ? n : 1, 1); /* 0 new, 1 on stack, 2 done */
    size_t *stack = malloc((n ? n : 1) * sizeof *stack);
    size_t *next = calloc(n ? n : 1, sizeof *next); /* next edge to visit */
    if (!color || !stack || !next)
        abort();
    for (size_t root = 0; root < n; root++) {
        if (color[root])
            continue;
        size_t sp = 0;
        stack[sp++] = root;
        color[root] = 1;
        while (sp) {
            size_t u = stack[sp - 1];
            MAccion *a = m->acciones[u];
            if (next[u] == a->ndespues) {
                color[u] = 2;
                sp--;
                continue;
            }
            MAccion *pred = a->despues_de[next[u]++];
            size_t v = pred->index;
            if (color[v] == 0) {
                color[v] = 1;
                stack[sp++] = v;
            } else if (color[v] == 1) {
                /* A cycle: from v on the stack up to u, then back to v. */
                size_t from = sp;
                while (from > 0 && stack[from - 1] != v)
                    from--;
                from--;
                StrBuf b;
                strbuf_init(&b);
                bool seen = false;
                for (size_t k = from; k < sp; k++) {
                    seen |= in_cycle[stack[k]];
                    strbuf_printf(&b, "%s → ", m->acciones[stack[k]]->id);
                }
                strbuf_puts(&b, pred->id);
                if (!seen) {
                    Diagnostic *g = diag_report(&c->diag, DIAG_DEPENDENCY_CYCLE, dependency_loc(a, pred),
                                                arena_strdup(&c->arena, strbuf_cstr(&b)), NULL);
                    diag_help(&c->diag, g, DIAG_HELP_CYCLE, NULL);
                }
                for (size_t k = from; k < sp; k++)
                    in_cycle[stack[k]] = 1;
                strbuf_free(&b);
            }
        }
    }
    free(color);
    free(stack);
    free(next);
}

static void check_dependencies(Compilation *c, Model *m)
{
    size_t n = m->nacciones;
    unsigned char *in_cycle = calloc(n ? n : 1, 1);
    if (!in_cycle)
        abort();
    check_cycles(c, m, in_cycle);
    for (size_t i = 0; i < n; i++) {
        MAccion *a = m->acciones[i];
        if (in_cycle[i])
            continue;
        for (size_t k = 0; k < a->ndespues; k++) {
            MAccion *p = a->despues_de[k];
            if (a->inicio > p->fin)
                continue;
            Diagnostic *g = diag_report(&c->diag, DIAG_STARTS_TOO_EARLY, dependency_loc(a, p), a->id,
                                        checks_date(c, a->inicio), p->id, checks_date(c, p->fin), NULL);
            diag_note(&c->diag, g, DIAG_NOTE_PREDECESSOR_ENDS, p->fechas_loc, p->id, checks_date(c, p->fin), NULL);
        }
    }
    free(in_cycle);
}

static Loc hito_date_loc(const MHito *h)
{
    Attr *fa = decl_attr(h->decl, "fecha");
    return fa ? fa->values->loc : h->decl->name_loc;
}

static void check_hito_days(Compilation *c, Model *m)
{
    static const char *const DAYS[] = { "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo" };
    for (size_t i = 0; i < m->nhitos; i++) {
        MHito *h = m->hitos[i];
        Loc loc = hito_date_loc(h);
        int wd = date_weekday(h->fecha);
        if (wd >= 5)
            diag_report(&c->diag, DIAG_WEEKEND, loc, h->id, DAYS[wd], checks_date(c, h->fecha), NULL);
        const MCalDay *cd = m->plan ? model_calendar_day(m->plan, h->fecha) : NULL;
        if (cd && !cd->vacaciones)
            diag_report(&c->diag, DIAG_HOLIDAY, loc, h->id, cd->nombre, checks_date(c, h->fecha), NULL);
        else if (cd)
            diag_report(&c->diag, DIAG_VACATION, loc, h->id, checks_date(c, h->fecha), cd->nombre,
                        checks_date(c, cd->from), checks_date(c, cd->to), NULL);
        MAccion *a = h->accion;
        if (a && (h->fecha < a->inicio || h->fecha > a->fin)) {
            Diagnostic *g = diag_report(&c->diag, DIAG_HITO_OUTSIDE_ACTION, loc, h->id, checks_date(c, h->fecha),
                                        a->id, checks_date(c, a->inicio), checks_date(c, a->fin), NULL);
            diag_note(&c->diag, g, DIAG_NOTE_ACTION_FECHAS, a->fechas_loc, a->id, NULL);
        }
    }
}

static int compare_hitos_by_date(const void *pa, const void *pb)
{
    const MHito *a = *(MHito *const *)pa, *b = *(MHito *const *)pb;
    if (a->fecha != b->fecha)
        return a->fecha < b->fecha ? -1 : 1;
    return a->decl->loc.begin < b->decl->loc.begin ? -1 : a->decl->loc.begin > b->decl->loc.begin;
}

/* W208 and W209: monitoring hitos, sorted by date; the gaps from the plan's
 * start to the first, between consecutive ones and from the last to the
 * plan's end may not exceed monitoreo_cada (equal is fine). */
static void check_monitoring(Compilation *c, Model *m)
{
    MPlan *p = m->plan;
    if (!p)
        return;
    size_t n = 0;
    MHito **mon = malloc((m->nhitos ? m->nhitos : 1) * sizeof *mon);
    if (!mon)
        abort();
    for (size_t i = 0; i < m->nhitos; i++)
        if (m->hitos[i]->monitoreo)
            mon[n++] = m->hitos[i];
    if (n == 0) {
        Diagnostic *g = diag_report(&c->diag, DIAG_NO_MONITORING, p->decl->name_loc, NULL);
        diag_help(&c->diag, g, DIAG_HELP_SILENCE, "W208", NULL);
        free(mon);
        return;
    }
    qsort(mon, n, sizeof *mon, compare_hitos_by_date);
    int limit = p->monitoreo_cada;
    if (limit > 0) {
        char lim[24];
        snprintf(lim, sizeof lim, "%d %s", limit, limit == 1 ? "día" : "días");
        Attr *cada = decl_attr(p->decl, "monitoreo_cada");
        for (size_t i = 0; i <= n; i++) {
            int from = i == 0 ? p->inicio : mon[i - 1]->fecha;
            int to = i == n ? p->fin : mon[i]->fecha;
            if (to - from <= limit)
                continue;
            char gap[16];
            snprintf(gap, sizeof gap, "%d", to - from);
            const char *a = i == 0 ? arena_printf(&c->arena, "el inicio del plan (%s)", checks_date(c, from))
                                   : arena_printf(&c->arena, "'%s' (%s)", mon[i - 1]->id, checks_date(c, from));
            const char *b = i == n ? arena_printf(&c->arena, "el fin del plan (%s)", checks_date(c, to))
                                   : arena_printf(&c->arena, "'%s' (%s)", mon[i]->id, checks_date(c, to));
            Loc loc = i == n ? (cada ? cada->values->loc : p->decl->name_loc) : hito_date_loc(mon[i]);
            Diagnostic *g = diag_report(&c->diag, DIAG_MONITORING_GAP, loc, gap, a, b, lim, NULL);
            if (i > 0 && i < n)
                diag_note(&c->diag, g, DIAG_NOTE_PREVIOUS_HITO, hito_date_loc(mon[i - 1]), mon[i - 1]->id,
                          checks_date(c, from), NULL);
        }
    }
    free(mon);
}

void check_schedule(Compilation *c, Model *m)
{
    check_ranges(c);
    if (c->diag.errors)
        return; /* reversed ranges make every other date check noise */
    check_period(c, m);
    check_dependencies(c, m);
    check_hito_days(c, m);
    check_monitoring(c, m);
}
