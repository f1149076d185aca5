/* csv_rows.c - calendar rows, record ids and row texts shared by the csv,
 * ics and json backends. */
#include "csv_rows.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* ---- ids and record states ---------------------------------------------- */

/* "PREFIX-YYYY-MM-DD", or "PREFIX-YYYY-MM-DD-N" for the Nth (N >= 2) of a
 * day. */
static const char *dated_id(Arena *a, const char *prefix, int day, int nth)
{
    char d[11];
    date_format(day, d);
    return nth <= 1 ? arena_printf(a, "%s-%s", prefix, d) : arena_printf(a, "%s-%s-%d", prefix, d, nth);
}

/* Generated ids of a list of dated items: the Nth of a day gets "-N". */
static const char **dated_ids(Arena *a, const char *prefix, const int *days, const bool *named, size_t n)
{
    const char **ids = ARENA_NEW_ARRAY(a, const char *, n ? n : 1);
    int day = INT_MIN, nth = 0; /* day of the last generated id */
    for (size_t i = 0; i < n; i++) {
        if (named && named[i])
            continue;
        nth = days[i] == day ? nth + 1 : 1;
        day = days[i];
        ids[i] = dated_id(a, prefix, day, nth);
    }
    return ids;
}

static const char **record_ids(Arena *a, const char *prefix, const MRecord *recs, size_t n)
{
    int *days = ARENA_NEW_ARRAY(a, int, n ? n : 1);
    bool *named = ARENA_NEW_ARRAY(a, bool, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        days[i] = recs[i].seg->fecha;
        named[i] = recs[i].id != NULL;
    }
    const char **ids = dated_ids(a, prefix, days, named, n);
    for (size_t i = 0; i < n; i++)
        if (named[i])
            ids[i] = recs[i].id;
    return ids;
}

RowsIndex rows_index_build(Arena *a, const Model *m)
{
    RowsIndex ix;
    int *days = ARENA_NEW_ARRAY(a, int, m->nseguimientos ? m->nseguimientos : 1);
    for (size_t i = 0; i < m->nseguimientos; i++)
        days[i] = m->seguimientos[i]->fecha;
    ix.seg_ids = dated_ids(a, "seguimiento", days, NULL, m->nseguimientos);
    ix.acuerdo_ids = record_ids(a, "acuerdo", m->acuerdos, m->nacuerdos);
    ix.nudo_ids = record_ids(a, "nudo", m->nudos, m->nnudos);
    return ix;
}

const char *rows_seg_id(const RowsIndex *ix, const Model *m, const MSeguimiento *s)
{
    for (size_t i = 0; i < m->nseguimientos; i++)
        if (m->seguimientos[i] == s)
            return ix->seg_ids[i];
    return "";
}

const char *rows_record_id(const RowsIndex *ix, const Model *m, const MRecord *r)
{
    if (r->kind == ENTRY_ACUERDO && r >= m->acuerdos && r < m->acuerdos + m->nacuerdos)
        return ix->acuerdo_ids[r - m->acuerdos];
    if (r->kind == ENTRY_NUDO && r >= m->nudos && r < m->nudos + m->nnudos)
        return ix->nudo_ids[r - m->nudos];
    return r->id ? r->id : "";
}

const char *rows_record_state(const MRecord *r, int as_of)
{
    if (r->kind == ENTRY_NUDO)
        return r->cierre ? "resuelto" : "abierto";
    if (r->cierre)
        return "cumplido";
    return r->plazo != MODEL_NO_DAY && r->plazo < as_of ? "vencido" : "pendiente";
}

/* ---- rows --------------------------------------------------------------- */

static const char *capacidad_of(const MAccion *a)
{
    return a && a->capacidad ? a->capacidad->id : "";
}

void rows_hito_end(const MHito *h, int *day, int *min)
{
    if (h->minutos >= 0) {
        *day = h->fecha;
        *min = -1;
        if (h->duracion_min >= 0) {
            long end = (long)h->minutos + h->duracion_min;
            *day = h->fecha + (int)(end / 1440);
            *min = (int)(end % 1440);
        }
        return;
    }
    int days = h->duracion_min > 0 ? (h->duracion_min + 1439) / 1440 : 1;
    *day = h->fecha + days - 1;
    *min = -1;
}

_Static_assert(sizeof(Row) == 40, "Row grew past 40 bytes");

static Row *new_row(RowList *l, RowKind kind, const char *id, int inicio, int fin)
{
    Row *r = &l->items[l->n];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->id = id ? id : "";
    r->inicio = inicio;
    r->fin = fin;
    r->hora_inicio = r->hora_fin = -1;
    r->order = (uint32_t)l->n++;
    return r;
}

static void add_acciones(RowList *l, const Model *m)
{
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *a = m->acciones[i];
        Row *r = new_row(l, ROW_ACCION, a->id, a->inicio, a->fin);
        r->accion = a;
    }
}

static void add_hitos(RowList *l, const Model *m)
{
    for (size_t i = 0; i < m->nhitos; i++) {
        const MHito *h = m->hitos[i];
        int fin, hora_fin;
        rows_hito_end(h, &fin, &hora_fin);
        Row *r = new_row(l, ROW_HITO, h->id, h->fecha, fin);
        r->hora_inicio = h->minutos;
        r->hora_fin = hora_fin;
        r->hito = h;
    }
}

static void add_seguimientos(RowList *l, const Model *m, const RowsIndex *ix)
{
    for (size_t i = 0; i < m->nseguimientos; i++) {
        const MSeguimiento *s = m->seguimientos[i];
        Row *r = new_row(l, ROW_SEGUIMIENTO, ix->seg_ids[i], s->fecha, s->fecha);
        r->seg = s;
    }
}

static void add_acuerdos(RowList *l, const Model *m, const RowsIndex *ix)
{
    for (size_t i = 0; i < m->nacuerdos; i++) {
        const MRecord *a = &m->acuerdos[i];
        if (a->plazo == MODEL_NO_DAY)
            continue;
        Row *r = new_row(l, ROW_ACUERDO, ix->acuerdo_ids[i], a->seg->fecha, a->plazo);
        r->acuerdo = a;
    }
}

static void add_calendar(RowList *l, const MPlan *p)
{
    for (size_t i = 0; i < p->ndias; i++) {
        const MCalDay *d = &p->dias[i];
        if (d->to < p->inicio || d->from > p->fin)
            continue;
        Row *r = new_row(l, d->vacaciones ? ROW_VACACIONES : ROW_FERIADO, "", d->from, d->to);
        r->dia = d;
    }
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

const char *rows_titulo(const Row *r)
{
    switch (r->kind) {
    case ROW_ACCION: return or_empty(r->accion->titulo);
    case ROW_HITO: return or_empty(r->hito->titulo);
    case ROW_SEGUIMIENTO: return r->seg->titulo ? r->seg->titulo : "Seguimiento";
    case ROW_ACUERDO: return or_empty(r->acuerdo->texto);
    case ROW_FERIADO:
    case ROW_VACACIONES: return or_empty(r->dia->nombre);
    }
    return "";
}

const char *rows_capacidad(const Row *r)
{
    switch (r->kind) {
    case ROW_ACCION: return capacidad_of(r->accion);
    case ROW_HITO: return capacidad_of(r->hito->accion);
    case ROW_ACUERDO: return capacidad_of(r->acuerdo->accion);
    default: return "";
    }
}

const char *rows_responsable(const Row *r)
{
    switch (r->kind) {
    case ROW_ACCION: return model_party_name(&r->accion->responsable);
    case ROW_HITO: return model_party_name(&r->hito->responsable);
    case ROW_ACUERDO: return model_party_name(&r->acuerdo->responsable);
    default: return "";
    }
}

const char *rows_lugar(const Row *r)
{
    return r->kind == ROW_HITO ? or_empty(r->hito->lugar) : "";
}

static int cmp_int(int a, int b)
{
    return a < b ? -1 : a > b;
}

static int compare_rows(const void *pa, const void *pb)
{
    const Row *a = pa, *b = pb;
    int c = cmp_int(a->inicio, b->inicio);
    if (!c)
        c = cmp_int(a->hora_inicio, b->hora_inicio); /* -1 (none) first */
    if (!c)
        c = cmp_int((int)a->kind, (int)b->kind);
    if (!c)
        c = strcmp(a->id, b->id);
    if (!c)
        c = a->order < b->order ? -1 : a->order > b->order;
    return c;
}

RowList rows_build(Arena *a, const Model *m, const RowsIndex *ix, bool with_calendar)
{
    RowList l = { NULL, 0 };
    size_t cap = m->nacciones + m->nhitos + m->nseguimientos + m->nacuerdos;
    if (with_calendar && m->plan)
        cap += m->plan->ndias;
    l.items = ARENA_NEW_ARRAY(a, Row, cap ? cap : 1);
    add_acciones(&l, m);
    add_hitos(&l, m);
    add_seguimientos(&l, m, ix);
    add_acuerdos(&l, m, ix);
    if (with_calendar && m->plan)
        add_calendar(&l, m->plan);
    if (l.n > 1)
        qsort(l.items, l.n, sizeof *l.items, compare_rows);
    return l;
}

const char *rows_kind_name(RowKind k)
{
    switch (k) {
    case ROW_ACCION: return "accion";
    case ROW_HITO: return "hito";
    case ROW_SEGUIMIENTO: return "seguimiento";
    case ROW_ACUERDO: return "acuerdo";
    case ROW_FERIADO: return "feriado";
    case ROW_VACACIONES: return "vacaciones";
    }
    return "";
}

/* ---- formatting --------------------------------------------------------- */

void rows_hhmm(int minutes, char out[6])
{
    unsigned m = (unsigned)minutes % 1440u;
    out[0] = (char)('0' + m / 600);
    out[1] = (char)('0' + m / 60 % 10);
    out[2] = ':';
    out[3] = (char)('0' + m % 60 / 10);
    out[4] = (char)('0' + m % 10);
    out[5] = '\0';
}

void rows_number(StrBuf *out, double v)
{
    if (!isfinite(v)) {
        strbuf_puts(out, "0");
        return;
    }
    if (v == (double)(long long)v && fabs(v) < 1e15) {
        strbuf_printf(out, "%lld", (long long)v);
        return;
    }
    char tmp[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    strbuf_puts(out, tmp);
}

void rows_measure(StrBuf *out, const MMeasure *v)
{
    if (!v->present)
        return;
    rows_number(out, v->value);
    if (v->kind == VAL_PERCENT) {
        strbuf_putc(out, '%');
    } else if (v->kind == VAL_QUANTITY && v->unit) {
        strbuf_putc(out, ' ');
        strbuf_puts(out, v->unit);
    }
}

/* ---- detalle ------------------------------------------------------------ */

/* Parts of a detalle: each starts with `sep` unless it is the first. */
typedef struct Parts {
    StrBuf *out;
    size_t start;      /* out->len before the first part */
    const char *sep;
} Parts;

static void part(Parts *p, const char *label)
{
    if (p->out->len > p->start)
        strbuf_puts(p->out, p->sep);
    if (label)
        strbuf_puts(p->out, label);
}

static void part_text(Parts *p, const char *text)
{
    if (text && *text) {
        part(p, NULL);
        strbuf_puts(p->out, text);
    }
}

static void part_parties(Parts *p, const char *label, const MPartyList *l)
{
    if (!l->n)
        return;
    part(p, label);
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strbuf_puts(p->out, ", ");
        strbuf_puts(p->out, model_party_name(&l->items[i]));
    }
}

static void part_count(Parts *p, const char *label, size_t n)
{
    if (n) {
        part(p, label);
        strbuf_printf(p->out, "%zu", n);
    }
}

static void detalle_accion(Parts *p, const MAccion *a)
{
    part_text(p, a->descripcion);
    part_parties(p, "Apoyo: ", &a->apoyo);
    if (a->ajustada) {
        char from[11], to[11];
        date_format(a->plan_inicio, from);
        date_format(a->plan_fin, to);
        part(p, "Fechas planificadas: ");
        strbuf_printf(p->out, "%s .. %s", from, to);
    }
}

static void detalle_hito(Parts *p, const MHito *h)
{
    part_text(p, h->tipo ? h->tipo->label : "Reunión");
    part_text(p, h->descripcion);
    part_parties(p, "Participantes: ", &h->participantes);
    if (h->nrevisa) {
        part(p, "Revisa: ");
        for (size_t i = 0; i < h->nrevisa; i++) {
            if (i)
                strbuf_puts(p->out, "; ");
            strbuf_puts(p->out, h->revisa[i]->titulo);
        }
    }
}

/* "Avances: T (40%); T2 (5%)" or "Mediciones: …" from a seguimiento. */
static void part_values(Parts *p, const MSeguimiento *s, EntryKind kind, const char *label)
{
    bool first = true;
    for (size_t k = 0; k < s->nentries; k++) {
        const MEntry *e = &s->entries[k];
        if (e->kind != kind || !e->target || !e->attr->values)
            continue;
        const Value *v = e->attr->values;
        if (first)
            part(p, label);
        else
            strbuf_puts(p->out, "; ");
        first = false;
        strbuf_puts(p->out, e->target->title ? e->target->title : e->target->name);
        strbuf_puts(p->out, " (");
        MMeasure mv = model_measure(v);
        rows_measure(p->out, &mv);
        strbuf_putc(p->out, ')');
    }
}

static size_t entries_of(const MSeguimiento *s, EntryKind kind)
{
    size_t n = 0;
    for (size_t k = 0; k < s->nentries; k++)
        n += s->entries[k].kind == kind;
    return n;
}

static void detalle_seguimiento(Parts *p, const MSeguimiento *s)
{
    if (s->hito) {
        part(p, "Hito: ");
        strbuf_puts(p->out, s->hito->titulo);
    }
    part_parties(p, "Asistentes: ", &s->asistentes);
    part_values(p, s, ENTRY_AVANCE, "Avances: ");
    part_values(p, s, ENTRY_MEDICION, "Mediciones: ");
    part_count(p, "Nudos críticos: ", entries_of(s, ENTRY_NUDO));
    part_count(p, "Logros: ", entries_of(s, ENTRY_LOGRO));
    part_count(p, "Acuerdos: ", entries_of(s, ENTRY_ACUERDO));
    part_count(p, "Aprendizajes: ", entries_of(s, ENTRY_APRENDIZAJE));
    part_count(p, "Observaciones: ", entries_of(s, ENTRY_OBSERVACION));
    part_count(p, "Acuerdos cumplidos: ", entries_of(s, ENTRY_CUMPLIDO));
    part_count(p, "Nudos resueltos: ", entries_of(s, ENTRY_RESUELTO));
    part_count(p, "Ajustes: ", entries_of(s, ENTRY_AJUSTE));
}

static void detalle_acuerdo(Parts *p, const MRecord *a, int as_of)
{
    char d[11];
    date_format(a->seg->fecha, d);
    part(p, "Registrado en: ");
    strbuf_printf(p->out, "%s (%s)", a->seg->titulo ? a->seg->titulo : "Seguimiento", d);
    if (a->accion) {
        part(p, "Acción: ");
        strbuf_puts(p->out, a->accion->titulo);
    }
    part(p, "Estado: ");
    const char *state = rows_record_state(a, as_of);
    if (a->cierre) {
        date_format(a->cierre->fecha, d);
        strbuf_printf(p->out, "cumplido el %s", d);
    } else {
        strbuf_puts(p->out, strcmp(state, "vencido") == 0 ? "plazo vencido" : state);
    }
}

void rows_detalle(StrBuf *out, const Row *r, const Model *m, int as_of, const char *sep)
{
    Parts p = { out, out->len, sep };
    switch (r->kind) {
    case ROW_ACCION: detalle_accion(&p, r->accion); break;
    case ROW_HITO: detalle_hito(&p, r->hito); break;
    case ROW_SEGUIMIENTO: detalle_seguimiento(&p, r->seg); break;
    case ROW_ACUERDO: detalle_acuerdo(&p, r->acuerdo, as_of); break;
    case ROW_FERIADO:
    case ROW_VACACIONES:
        if (m->plan && m->plan->calendario)
            part_text(&p, m->plan->calendario->title);
        break;
    }
}
