/* check_plan.c - completeness and consistency: W301-W310. */
#include "checks.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void check_completeness(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->ncapacidades; i++) {
        MCapacidad *k = m->capacidades[i];
        if (k->nacciones == 0)
            diag_report(&c->diag, DIAG_CAP_WITHOUT_ACTIONS, k->decl->name_loc, k->id, NULL);
        if (!k->basal)
            diag_report(&c->diag, DIAG_CAP_WITHOUT_BASAL, k->decl->name_loc, k->id, NULL);
    }
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *a = m->acciones[i];
        if (a->nindicadores == 0)
            diag_report(&c->diag, DIAG_ACTION_WITHOUT_INDICATORS, a->decl->name_loc, a->id, NULL);
    }
}

/* W304 only for the file being checked: a shared module of personas may
 * hold people that this plan does not involve. */
static void check_unused(Compilation *c)
{
    if (!c->plan)
        return; /* a module declares people for the plans that use it */
    static const DeclKind KINDS[] = { DECL_PERSONA, DECL_EQUIPO };
    for (size_t k = 0; k < 2; k++) {
        DeclVec *v = &c->by_kind[KINDS[k]];
        for (size_t i = 0; i < v->n; i++) {
            Decl *d = v->items[i];
            if (!d->referenced && d->loc.file == c->main_file)
                diag_report(&c->diag, DIAG_UNUSED_PARTY, d->name_loc, ast_kind_definite(d->kind), d->name, NULL);
        }
    }
}

/* E305 for every percentage written in the plan: the scanner noted those
 * outside 0..100 (FileAst.suspects). */
static void check_percents(Compilation *c)
{
    for (size_t f = 0; f < c->nfiles; f++)
        for (const ValueNote *n = c->files[f]->suspects; n; n = n->next) {
            const Value *v = n->value;
            if (v->kind == VAL_PERCENT && (v->number < 0 || v->number > 100))
                diag_report(&c->diag, DIAG_PERCENT_RANGE, v->loc, arena_printf(&c->arena, "%g", v->number), NULL);
        }
}

/* "un porcentaje", "un número", "una cantidad en conversaciones". */
static const char *measure_kind(Compilation *c, const MMeasure *x)
{
    switch (x->kind) {
    case VAL_PERCENT: return "un porcentaje";
    case VAL_NUMBER: return "un número";
    default: return arena_printf(&c->arena, "una cantidad en '%s'", x->unit);
    }
}

/* Count units compare after accent folding, singular and plural alike
 * ("sesión", "sesiones"); time units compare by dimension (h and min). */
static bool same_unit(const MMeasure *a, const MMeasure *b)
{
    if (a->time_unit != UNIT_COUNT || b->time_unit != UNIT_COUNT)
        return a->time_unit != UNIT_COUNT && b->time_unit != UNIT_COUNT;
    const char *x = measure_unit_folded(a), *y = measure_unit_folded(b);
    size_t nx = strlen(x), ny = strlen(y);
    if (nx > ny) {
        const char *t = x;
        x = y;
        y = t;
        size_t tn = nx;
        nx = ny;
        ny = tn;
    }
    if (strncmp(x, y, nx) != 0)
        return false;
    const char *rest = y + nx;
    return strcmp(rest, "") == 0 || strcmp(rest, "s") == 0 || strcmp(rest, "es") == 0;
}

static bool same_kind(const MMeasure *a, const MMeasure *b)
{
    if (a->kind != b->kind)
        return false;
    return a->kind != VAL_QUANTITY || same_unit(a, b);
}

/* A measure's value in a common scale: minutes for time quantities. */
static double comparable(const MMeasure *x)
{
    static const double MINUTES[] = { [UNIT_COUNT] = 1, [UNIT_MIN] = 1, [UNIT_HORA] = 60,
                                      [UNIT_DIA] = 1440, [UNIT_SEMANA] = 10080, [UNIT_MES] = 43200 };
    return x->kind == VAL_QUANTITY ? x->value * MINUTES[x->time_unit] : x->value;
}

static const char *measure_text(Compilation *c, const MMeasure *x)
{
    switch (x->kind) {
    case VAL_PERCENT: return arena_printf(&c->arena, "%g%%", x->value);
    case VAL_QUANTITY: return arena_printf(&c->arena, "%g %s", x->value, x->unit);
    default: return arena_printf(&c->arena, "%g", x->value);
    }
}

static void check_indicators(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nindicadores; i++) {
        MIndicador *x = m->indicadores[i];
        if (!x->meta.present)
            continue;
        bool kinds_ok = true;
        if (x->linea_base.present && !same_kind(&x->linea_base, &x->meta)) {
            kinds_ok = false;
            Diagnostic *g = diag_report(&c->diag, DIAG_MEASURE_KIND, x->meta.loc, "la meta",
                                        measure_kind(c, &x->meta), "la línea base",
                                        measure_kind(c, &x->linea_base), NULL);
            (void)g;
        }
        for (size_t k = 0; k < x->nmediciones; k++) {
            MMeasure *v = &x->mediciones[k].value;
            if (v->present && !same_kind(v, &x->meta)) {
                Diagnostic *g = diag_report(&c->diag, DIAG_MEASURE_KIND, v->loc, "la medición", measure_kind(c, v),
                                            arena_printf(&c->arena, "la meta de '%s'", x->id),
                                            measure_kind(c, &x->meta), NULL);
                diag_note(&c->diag, g, DIAG_NOTE_META, x->meta.loc, x->id, measure_text(c, &x->meta), NULL);
            }
        }
        if (kinds_ok && x->linea_base.present) {
            double base = comparable(&x->linea_base), meta = comparable(&x->meta);
            bool improves = x->decreciente ? meta < base : meta > base;
            if (!improves)
                diag_report(&c->diag, DIAG_META_NOT_IMPROVING, x->meta.loc, measure_text(c, &x->linea_base),
                            measure_text(c, &x->meta), x->decreciente ? "decreciente" : "creciente", NULL);
        }
    }
}

/* ---- W308: workload, as a sweep over intervals sorted by person and start. */

typedef struct Lead {
    size_t persona;   /* index in m->personas */
    MAccion *accion;
} Lead;

static int compare_leads(const void *pa, const void *pb)
{
    const Lead *a = pa, *b = pb;
    if (a->persona != b->persona)
        return a->persona < b->persona ? -1 : 1;
    if (a->accion->inicio != b->accion->inicio)
        return a->accion->inicio < b->accion->inicio ? -1 : 1;
    return a->accion->index < b->accion->index ? -1 : a->accion->index > b->accion->index;
}

/* A binary min-heap of active leads keyed by their action's end. */
typedef struct Heap {
    Lead *items;
    size_t n;
} Heap;

static bool heap_less(const Lead *a, const Lead *b)
{
    if (a->accion->fin != b->accion->fin)
        return a->accion->fin < b->accion->fin;
    return a->accion->index < b->accion->index;
}

static void heap_push(Heap *h, Lead x)
{
    size_t i = h->n++;
    h->items[i] = x;
    while (i > 0 && heap_less(&h->items[i], &h->items[(i - 1) / 2])) {
        Lead t = h->items[i];
        h->items[i] = h->items[(i - 1) / 2];
        h->items[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static void heap_pop(Heap *h)
{
    h->items[0] = h->items[--h->n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, s = i;
        if (l < h->n && heap_less(&h->items[l], &h->items[s]))
            s = l;
        if (r < h->n && heap_less(&h->items[r], &h->items[s]))
            s = r;
        if (s == i)
            break;
        Lead t = h->items[i];
        h->items[i] = h->items[s];
        h->items[s] = t;
        i = s;
    }
}

static int compare_by_index(const void *pa, const void *pb)
{
    const Lead *a = pa, *b = pb;
    return a->accion->index < b->accion->index ? -1 : a->accion->index > b->accion->index;
}

static Loc responsable_loc(const MAccion *a)
{
    Attr *at = decl_attr(a->decl, "responsable");
    return at ? at->values->loc : a->decl->name_loc;
}

static void report_overload(Compilation *c, Model *m, Heap *h, const Lead *newest, int limit)
{
    MPersona *p = m->personas[newest->persona];
    Lead *sorted = malloc(h->n * sizeof *sorted);
    if (!sorted)
        abort();
    memcpy(sorted, h->items, h->n * sizeof *sorted);
    qsort(sorted, h->n, sizeof *sorted, compare_by_index);
    int end = h->items[0].accion->fin; /* the earliest end: all overlap until then */
    StrBuf names;
    strbuf_init(&names);
    for (size_t i = 0; i < h->n; i++)
        strbuf_printf(&names, "%s'%s'", i ? ", " : "", sorted[i].accion->id);
    char count[32], lim[16];
    snprintf(count, sizeof count, "%zu", h->n);
    snprintf(lim, sizeof lim, "%d", limit);
    int start = newest->accion->inicio;
    const char *when = start == end ? arena_printf(&c->arena, "el %s", checks_date(c, start))
                                    : arena_printf(&c->arena, "entre el %s y el %s", checks_date(c, start),
                                                   checks_date(c, end));
    Diagnostic *g = diag_report(&c->diag, DIAG_OVERLOAD, responsable_loc(newest->accion),
                                arena_printf(&c->arena, "'%s'", p->nombre), count, when, lim,
                                arena_strdup(&c->arena, strbuf_cstr(&names)), NULL);
    for (size_t i = 0; i < h->n; i++) {
        MAccion *a = sorted[i].accion;
        if (a == newest->accion)
            continue;
        const char *how = a->responsable.equipo
                              ? arena_printf(&c->arena, " como integrante de '%s'", a->responsable.equipo->id)
                              : "";
        diag_note(&c->diag, g, DIAG_NOTE_ALSO_LEADS, responsable_loc(a), a->id, checks_date(c, a->inicio),
                  checks_date(c, a->fin), how, NULL);
    }
    strbuf_free(&names);
    free(sorted);
}

static void check_workload(Compilation *c, Model *m)
{
    int limit = m->plan ? m->plan->carga_maxima : 3;
    size_t n = 0;
    for (size_t i = 0; i < m->nacciones; i++) {
        MParty *r = &m->acciones[i]->responsable;
        n += r->persona ? 1 : r->equipo ? r->equipo->nintegrantes : 0;
    }
    if (n == 0)
        return;
    Lead *leads = malloc(n * sizeof *leads);
    Heap heap = { malloc(n * sizeof(Lead)), 0 };
    if (!leads || !heap.items)
        abort();
    size_t k = 0;
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *a = m->acciones[i];
        if (a->fin < a->inicio)
            continue;
        if (a->responsable.persona)
            leads[k++] = (Lead){ a->responsable.persona->index, a };
        else if (a->responsable.equipo)
            for (size_t j = 0; j < a->responsable.equipo->nintegrantes; j++)
                leads[k++] = (Lead){ a->responsable.equipo->integrantes[j]->index, a };
    }
    n = k;
    qsort(leads, n, sizeof *leads, compare_leads);
    bool reported = false; /* the current overload episode was reported */
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || leads[i].persona != leads[i - 1].persona) {
            heap.n = 0;
            reported = false;
        }
        while (heap.n && heap.items[0].accion->fin < leads[i].accion->inicio)
            heap_pop(&heap);
        if (heap.n <= (size_t)limit)
            reported = false;
        heap_push(&heap, leads[i]);
        if (heap.n > (size_t)limit && !reported) {
            report_overload(c, m, &heap, &leads[i], limit);
            reported = true;
        }
    }
    free(leads);
    free(heap.items);
}

/* "$150.000" or "2,5 UF". */
static const char *money_text(Compilation *c, double amount, MoneyUnit unit)
{
    if (unit == MONEY_UF)
        return arena_printf(&c->arena, "%g UF", amount);
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", amount);
    size_t n = strlen(digits);
    StrBuf b;
    strbuf_init(&b);
    strbuf_putc(&b, '$');
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            strbuf_putc(&b, '.');
        strbuf_putc(&b, digits[i]);
    }
    const char *s = arena_strdup(&c->arena, strbuf_cstr(&b));
    strbuf_free(&b);
    return s;
}

/* E309: the actions' costs in the presupuesto's unit (costs in another
 * unit cannot be compared without an exchange rate and are left out). */
static void check_budget(Compilation *c, Model *m)
{
    MPlan *p = m->plan;
    if (!p || !p->presupuesto.present)
        return;
    double total = 0;
    for (size_t i = 0; i < m->nacciones; i++) {
        MMoney *x = &m->acciones[i]->costo;
        if (x->present && x->unit == p->presupuesto.unit)
            total += x->amount;
    }
    if (total <= p->presupuesto.amount + 1e-9)
        return;
    Attr *pa = decl_attr(p->decl, "presupuesto");
    diag_report(&c->diag, DIAG_OVER_BUDGET, pa ? pa->values->loc : p->decl->name_loc,
                money_text(c, total, p->presupuesto.unit),
                money_text(c, p->presupuesto.amount, p->presupuesto.unit), NULL);
}

static bool email_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           strchr("._%+-", ch) != NULL;
}

/* A pragmatic address check: local@domain.tld, ASCII letters, digits and
 * ._%+- in the local part, labels of letters, digits and hyphens. */
static bool valid_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@'))
        return false;
    for (const char *p = s; p < at; p++)
        if (!email_char(*p))
            return false;
    if (s[0] == '.' || at[-1] == '.' || strstr(s, ".."))
        return false;
    const char *dom = at + 1, *last_dot = strrchr(dom, '.');
    if (!last_dot || last_dot == dom || strlen(last_dot + 1) < 2)
        return false;
    const char *label = dom;
    for (const char *p = dom;; p++) {
        if (*p == '.' || *p == '\0') {
            if (p == label || *label == '-' || p[-1] == '-')
                return false;
            if (*p == '\0')
                break;
            label = p + 1;
        } else if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')) {
            return false;
        }
    }
    for (const char *p = last_dot + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            return false;
    return true;
}

static void check_emails(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->npersonas; i++) {
        MPersona *p = m->personas[i];
        if (p->correo && !valid_email(p->correo)) {
            Attr *a = decl_attr(p->decl, "correo");
            diag_report(&c->diag, DIAG_BAD_EMAIL, a ? a->values->loc : p->decl->name_loc, p->correo, NULL);
        }
    }
}

void check_plan(Compilation *c, Model *m)
{
    check_completeness(c, m);
    check_unused(c);
    check_percents(c);
    check_indicators(c, m);
    check_workload(c, m);
    check_budget(c, m);
    check_emails(c, m);
}
