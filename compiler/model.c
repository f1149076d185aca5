/* model.c - building the typed plan from a checked compilation. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "par.h"
#include "schema.h"

/* What the loops that make one object per declaration share: each of
 * them runs in two halves at once on a big plan (par.h), writing only
 * its own index of the model's array and its own declaration's `model`. */
typedef struct Build {
    Model *m;
    const DeclVec *v;
} Build;

/* The second thread's arena of every such loop, adopted at the end. */
typedef struct ModelBuild {
    Compilation *c;
    Arena side;
} ModelBuild;

static bool parallel(const Compilation *c)
{
    return c->opt->parallel_parse;
}

static Value *first_value(const Decl *d, const char *key)
{
    Attr *a = decl_attr(d, key);
    return a ? a->values : NULL;
}

static const char *text_of(const Decl *d, const char *key)
{
    Value *v = first_value(d, key);
    return v && (v->kind == VAL_STRING || v->kind == VAL_TEXT) ? v->text : NULL;
}

static const Term *term_of(const Decl *d, const char *key)
{
    Value *v = first_value(d, key);
    return v ? value_term(v) : NULL;
}

static MMoney money_of(const Decl *d, const char *key)
{
    MMoney m = { false, 0, MONEY_CLP };
    Value *v = first_value(d, key);
    if (v && v->kind == VAL_MONEY) {
        m.present = true;
        m.amount = v->number;
        m.unit = v->money;
    }
    return m;
}

MMeasure model_measure(const Value *v)
{
    MMeasure m;
    memset(&m, 0, sizeof m);
    if (!v || (v->kind != VAL_NUMBER && v->kind != VAL_PERCENT && v->kind != VAL_QUANTITY))
        return m;
    bool q = v->kind == VAL_QUANTITY;
    m.present = true;
    m.kind = (uint8_t)v->kind;
    m.value = v->number;
    m.unit = q ? v->text : NULL;
    m.unit_accent = q && v->accent;
    m.time_unit = (uint8_t)(q ? v->unit : UNIT_COUNT);
    m.loc = v->loc;
    return m;
}

double model_quantity_days_exact(const Value *v)
{
    if (!v || v->kind != VAL_QUANTITY)
        return -1;
    switch (v->unit) {
    case UNIT_MIN: return v->number / (24 * 60);
    case UNIT_HORA: return v->number / 24;
    case UNIT_DIA: return v->number;
    case UNIT_SEMANA: return v->number * 7;
    case UNIT_MES: return v->number * 30;
    default: return -1;
    }
}

int model_quantity_days(const Value *v)
{
    double days = model_quantity_days_exact(v);
    return days < 0 ? -1 : (int)(days + 0.5);
}

static int quantity_minutes(const Value *v)
{
    if (!v || v->kind != VAL_QUANTITY)
        return -1;
    switch (v->unit) {
    case UNIT_MIN: return (int)(v->number + 0.5);
    case UNIT_HORA: return (int)(v->number * 60 + 0.5);
    case UNIT_DIA: return (int)(v->number * 24 * 60 + 0.5);
    case UNIT_SEMANA: return (int)(v->number * 7 * 24 * 60 + 0.5);
    case UNIT_MES: return (int)(v->number * 30 * 24 * 60 + 0.5);
    default: return -1;
    }
}

static MParty party_of(const Decl *d)
{
    MParty p = { NULL, NULL, NULL };
    if (!d)
        return p;
    p.decl = (Decl *)d;
    if (d->kind == DECL_PERSONA)
        p.persona = d->model;
    else if (d->kind == DECL_EQUIPO)
        p.equipo = d->model;
    return p;
}

static MPartyList parties_of(Arena *a, const Decl *d, const char *key)
{
    MPartyList l = { NULL, 0 };
    Attr *at = decl_attr(d, key);
    if (!at)
        return l;
    l.items = ARENA_NEW_ARRAY(a, MParty, attr_nvalues(at));
    for (Value *v = at->values; v; v = v->next)
        if (value_ref(v))
            l.items[l.n++] = party_of(value_ref(v));
    return l;
}

const char *model_party_name(const MParty *p)
{
    if (p->persona)
        return p->persona->nombre;
    if (p->equipo)
        return p->equipo->nombre;
    return "";
}

static const char *title_or_id(const Decl *d)
{
    return d->title ? d->title : d->name ? d->name : "";
}

static void build_people(Compilation *c, Model *m)
{
    Arena *a = &c->arena;
    DeclVec *pv = &c->by_kind[DECL_PERSONA];
    m->personas = ARENA_NEW_ARRAY(a, MPersona *, pv->n);
    for (size_t i = 0; i < pv->n; i++) {
        Decl *d = pv->items[i];
        MPersona *p = ARENA_NEW(a, MPersona);
        p->decl = d;
        p->id = d->name;
        p->nombre = title_or_id(d);
        p->rol = term_of(d, "rol");
        p->cargo = text_of(d, "cargo");
        p->correo = text_of(d, "correo");
        p->telefono = text_of(d, "telefono");
        p->index = m->npersonas;
        d->model = p;
        m->personas[m->npersonas++] = p;
    }
    DeclVec *ev = &c->by_kind[DECL_EQUIPO];
    m->equipos = ARENA_NEW_ARRAY(a, MEquipo *, ev->n);
    for (size_t i = 0; i < ev->n; i++) {
        Decl *d = ev->items[i];
        MEquipo *e = ARENA_NEW(a, MEquipo);
        e->decl = d;
        e->id = d->name;
        e->nombre = title_or_id(d);
        Attr *at = decl_attr(d, "integrantes");
        if (at) {
            e->integrantes = ARENA_NEW_ARRAY(a, MPersona *, attr_nvalues(at));
            for (Value *v = at->values; v; v = v->next)
                if (value_ref(v) && value_ref(v)->model)
                    e->integrantes[e->nintegrantes++] = value_ref(v)->model;
        }
        d->model = e;
        m->equipos[m->nequipos++] = e;
    }
}

static int compare_caldays(const void *pa, const void *pb)
{
    const MCalDay *a = pa, *b = pb;
    return a->from != b->from ? (a->from < b->from ? -1 : 1) : (a->to < b->to ? -1 : a->to > b->to);
}

static void build_plan(Compilation *c, Model *m)
{
    Decl *d = c->plan;
    if (!d)
        return;
    Arena *a = &c->arena;
    MPlan *p = ARENA_NEW(a, MPlan);
    p->decl = d;
    p->id = d->name;
    p->titulo = title_or_id(d);
    p->establecimiento = text_of(d, "establecimiento");
    p->rbd = text_of(d, "rbd");
    p->sostenedor = text_of(d, "sostenedor");
    p->territorio = text_of(d, "territorio");
    Value *periodo = first_value(d, "periodo");
    if (periodo && periodo->kind == VAL_RANGE) {
        p->inicio = periodo->date;
        p->fin = periodo->date2;
    }
    p->objetivo = text_of(d, "objetivo");
    p->estrategia_pme = text_of(d, "estrategia_pme");
    p->resultado_esperado = text_of(d, "resultado_esperado");
    p->presupuesto = money_of(d, "presupuesto");
    Value *cal = first_value(d, "calendario");
    p->calendario = cal ? value_ref(cal) : NULL;
    p->monitoreo_cada = model_quantity_days(first_value(d, "monitoreo_cada"));
    Value *carga = first_value(d, "carga_maxima");
    p->carga_maxima = !carga || carga->kind != VAL_NUMBER ? 3
                      : carga->number > 1e9 ? 1000000000 : (int)carga->number; /* no int overflow */
    Value *uatp = first_value(d, "uatp");
    p->uatp = uatp && value_ref(uatp) ? value_ref(uatp)->model : NULL;
    Value *eg = first_value(d, "equipo_gestion");
    p->equipo_gestion = eg && value_ref(eg) ? value_ref(eg)->model : NULL;
    if (p->calendario) {
        size_t n = 0;
        for (CalDay *cd = decl_days(p->calendario); cd; cd = cd->next)
            n++;
        p->dias = ARENA_NEW_ARRAY(a, MCalDay, n);
        for (CalDay *cd = decl_days(p->calendario); cd; cd = cd->next) {
            MCalDay *x = &p->dias[p->ndias++];
            x->vacaciones = cd->vacaciones;
            x->from = cd->from;
            x->to = cd->to;
            x->nombre = cd->name;
        }
        qsort(p->dias, p->ndias, sizeof *p->dias, compare_caldays);
    }
    d->model = p;
    m->plan = p;
}

/* The declaration an action, indicator or hito belongs to: its enclosing
 * declaration when nested, else the one its parent key names. */
static Decl *owner_of(const Decl *d, DeclKind kind, const char *key)
{
    if (d->parent && d->parent->kind == kind)
        return d->parent;
    Value *v = first_value(d, key);
    return v && value_ref(v) && value_ref(v)->kind == kind ? value_ref(v) : NULL;
}

static void build_capacidades(Compilation *c, Model *m)
{
    Arena *a = &c->arena;
    DeclVec *cv = &c->by_kind[DECL_CAPACIDAD];
    m->capacidades = ARENA_NEW_ARRAY(a, MCapacidad *, cv->n);
    for (size_t i = 0; i < cv->n; i++) {
        Decl *d = cv->items[i];
        MCapacidad *k = ARENA_NEW(a, MCapacidad);
        k->decl = d;
        k->id = d->name;
        k->titulo = title_or_id(d);
        k->basal = term_of(d, "basal");
        k->dimension = term_of(d, "dimension");
        k->practica_problematica = text_of(d, "practica_problematica");
        k->estado_deseado = text_of(d, "estado_deseado");
        k->resultado_esperado = text_of(d, "resultado_esperado");
        d->model = k;
        m->capacidades[m->ncapacidades++] = k;
    }
}

static void make_acciones(void *ctx, Arena *a, size_t from, size_t to)
{
    Build *b = ctx;
    for (size_t i = from; i < to; i++) {
        Decl *d = b->v->items[i];
        MAccion *x = ARENA_NEW(a, MAccion);
        x->decl = d;
        x->id = d->name;
        x->titulo = title_or_id(d);
        Decl *cap = owner_of(d, DECL_CAPACIDAD, "capacidad");
        x->capacidad = cap ? cap->model : NULL;
        x->descripcion = text_of(d, "descripcion");
        Value *r = first_value(d, "responsable");
        x->responsable = party_of(r ? value_ref(r) : NULL);
        x->apoyo = parties_of(a, d, "apoyo");
        x->ambito = term_of(d, "ambito");
        Value *f = first_value(d, "fechas");
        if (f && f->kind == VAL_RANGE) {
            x->inicio = x->plan_inicio = f->date;
            x->fin = x->plan_fin = f->date2;
            x->fechas_loc = f->loc;
        }
        Attr *rec = decl_attr(d, "recursos");
        if (rec) {
            x->recursos = ARENA_NEW_ARRAY(a, const char *, attr_nvalues(rec));
            for (Value *v = rec->values; v; v = v->next)
                if (v->kind == VAL_STRING)
                    x->recursos[x->nrecursos++] = v->text;
        }
        x->costo = money_of(d, "costo");
        x->index = i;
        d->model = x;
        b->m->acciones[i] = x;
    }
}

static void build_acciones(ModelBuild *mb, Model *m)
{
    Compilation *c = mb->c;
    Arena *a = &c->arena;
    DeclVec *av = &c->by_kind[DECL_ACCION];
    m->acciones = ARENA_NEW_ARRAY(a, MAccion *, av->n);
    Build b = { m, av };
    par_halves(parallel(c), av->n, make_acciones, &b, a, &mb->side);
    m->nacciones = av->n;
    for (size_t i = 0; i < m->nacciones; i++)
        if (m->acciones[i]->capacidad)
            m->acciones[i]->capacidad->nacciones++;
    for (size_t i = 0; i < m->ncapacidades; i++) {
        MCapacidad *k = m->capacidades[i];
        k->acciones = ARENA_NEW_ARRAY(a, MAccion *, k->nacciones);
        k->nacciones = 0;
    }
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *x = m->acciones[i];
        if (x->capacidad)
            x->capacidad->acciones[x->capacidad->nacciones++] = x;
        Attr *dep = decl_attr(x->decl, "despues_de");
        if (dep) {
            x->despues_de = ARENA_NEW_ARRAY(a, MAccion *, attr_nvalues(dep));
            for (Value *v = dep->values; v; v = v->next)
                if (value_ref(v) && value_ref(v)->model)
                    x->despues_de[x->ndespues++] = value_ref(v)->model;
        }
    }
}

static void make_indicadores(void *ctx, Arena *a, size_t from, size_t to)
{
    Build *b = ctx;
    for (size_t i = from; i < to; i++) {
        Decl *d = b->v->items[i];
        MIndicador *x = ARENA_NEW(a, MIndicador);
        x->decl = d;
        x->id = d->name;
        x->titulo = title_or_id(d);
        Decl *acc = owner_of(d, DECL_ACCION, "accion");
        x->accion = acc ? acc->model : NULL;
        x->unidad = text_of(d, "unidad");
        x->linea_base = model_measure(first_value(d, "linea_base"));
        x->meta = model_measure(first_value(d, "meta"));
        x->medio_verificacion = text_of(d, "medio_verificacion");
        x->frecuencia = term_of(d, "frecuencia");
        Value *s = first_value(d, "sentido");
        x->decreciente = s && s->kind == VAL_NAME && strcmp(value_folded(s), "decreciente") == 0;
        d->model = x;
        b->m->indicadores[i] = x;
    }
}

static void build_indicadores(ModelBuild *mb, Model *m)
{
    Compilation *c = mb->c;
    Arena *a = &c->arena;
    DeclVec *iv = &c->by_kind[DECL_INDICADOR];
    m->indicadores = ARENA_NEW_ARRAY(a, MIndicador *, iv->n);
    Build b = { m, iv };
    par_halves(parallel(c), iv->n, make_indicadores, &b, a, &mb->side);
    m->nindicadores = iv->n;
    for (size_t i = 0; i < m->nindicadores; i++)
        if (m->indicadores[i]->accion)
            m->indicadores[i]->accion->nindicadores++;
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *x = m->acciones[i];
        x->indicadores = ARENA_NEW_ARRAY(a, MIndicador *, x->nindicadores);
        x->nindicadores = 0;
    }
    for (size_t i = 0; i < m->nindicadores; i++) {
        MIndicador *x = m->indicadores[i];
        if (x->accion)
            x->accion->indicadores[x->accion->nindicadores++] = x;
    }
}

static void make_hitos(void *ctx, Arena *a, size_t from, size_t to)
{
    Build *b = ctx;
    for (size_t i = from; i < to; i++) {
        Decl *d = b->v->items[i];
        MHito *h = ARENA_NEW(a, MHito);
        h->decl = d;
        h->id = d->name;
        h->titulo = title_or_id(d);
        Value *f = first_value(d, "fecha");
        h->minutos = -1;
        if (f) {
            h->fecha = f->date;
            if (f->kind == VAL_DATETIME)
                h->minutos = f->minutes;
        }
        h->duracion_min = quantity_minutes(first_value(d, "duracion"));
        h->tipo = term_of(d, "tipo");
        h->tipo_id = h->tipo ? h->tipo->folded : "reunion";
        h->monitoreo = strcmp(h->tipo_id, "monitoreo") == 0;
        Value *r = first_value(d, "responsable");
        h->responsable = party_of(r ? value_ref(r) : NULL);
        h->participantes = parties_of(a, d, "participantes");
        Attr *rev = decl_attr(d, "revisa");
        if (rev) {
            h->revisa = ARENA_NEW_ARRAY(a, MAccion *, attr_nvalues(rev));
            for (Value *v = rev->values; v; v = v->next)
                if (value_ref(v) && value_ref(v)->model)
                    h->revisa[h->nrevisa++] = value_ref(v)->model;
        }
        h->lugar = text_of(d, "lugar");
        h->descripcion = text_of(d, "descripcion");
        Decl *acc = owner_of(d, DECL_ACCION, "accion");
        h->accion = acc ? acc->model : NULL;
        d->model = h;
        b->m->hitos[i] = h;
    }
}

static void build_hitos(ModelBuild *mb, Model *m)
{
    Compilation *c = mb->c;
    Arena *a = &c->arena;
    DeclVec *hv = &c->by_kind[DECL_HITO];
    m->hitos = ARENA_NEW_ARRAY(a, MHito *, hv->n);
    Build b = { m, hv };
    par_halves(parallel(c), hv->n, make_hitos, &b, a, &mb->side);
    m->nhitos = hv->n;
    for (size_t i = 0; i < m->nhitos; i++)
        if (m->hitos[i]->accion)
            m->hitos[i]->accion->nhitos++;
    for (size_t i = 0; i < m->nacciones; i++) {
        MAccion *x = m->acciones[i];
        x->hitos = ARENA_NEW_ARRAY(a, MHito *, x->nhitos);
        x->nhitos = 0;
    }
    for (size_t i = 0; i < m->nhitos; i++) {
        MHito *h = m->hitos[i];
        if (h->accion)
            h->accion->hitos[h->accion->nhitos++] = h;
    }
}

static int compare_segs(const void *pa, const void *pb)
{
    const MSeguimiento *a = *(MSeguimiento *const *)pa, *b = *(MSeguimiento *const *)pb;
    if (a->fecha != b->fecha)
        return a->fecha < b->fecha ? -1 : 1;
    /* Same date: source order (files in load order, then offset). */
    if (a->decl->loc.file != b->decl->loc.file)
        return a->decl->loc.file < b->decl->loc.file ? -1 : 1;
    return a->decl->loc.begin < b->decl->loc.begin ? -1 : a->decl->loc.begin > b->decl->loc.begin;
}

static void build_entries(Arena *a, MSeguimiento *s)
{
    size_t n = 0;
    for (Attr *at = s->decl->attrs; at; at = at->next)
        n += at->entry != ENTRY_NONE || ast_entry_from_name(at->key_folded) != ENTRY_NONE;
    s->entries = ARENA_NEW_ARRAY(a, MEntry, n);
    for (Attr *at = s->decl->attrs; at; at = at->next) {
        EntryKind k = at->entry != ENTRY_NONE ? at->entry : ast_entry_from_name(at->key_folded);
        if (k == ENTRY_NONE)
            continue;
        MEntry *e = &s->entries[s->nentries++];
        e->kind = k;
        e->attr = at;
        e->target = attr_target(at);
        Value *v = at->values;
        e->texto = v && (v->kind == VAL_STRING || v->kind == VAL_TEXT) ? v->text : NULL;
        e->comentario = attr_comment(at) ? attr_comment(at)->text : NULL;
    }
}

/* Avances, mediciones and ajustes, in seguimiento date order. */
static void attach_records(Arena *a, Model *m)
{
    for (size_t i = 0; i < m->nseguimientos; i++)
        for (size_t k = 0; k < m->seguimientos[i]->nentries; k++) {
            MEntry *e = &m->seguimientos[i]->entries[k];
            if (!e->target || !e->target->model)
                continue;
            if (e->kind == ENTRY_AVANCE)
                ((MAccion *)e->target->model)->navances++;
            else if (e->kind == ENTRY_MEDICION)
                ((MIndicador *)e->target->model)->nmediciones++;
        }
    for (size_t i = 0; i < m->nacciones; i++) {
        m->acciones[i]->avances = ARENA_NEW_ARRAY(a, MAvance, m->acciones[i]->navances);
        m->acciones[i]->navances = 0;
    }
    for (size_t i = 0; i < m->nindicadores; i++) {
        m->indicadores[i]->mediciones = ARENA_NEW_ARRAY(a, MMedicion, m->indicadores[i]->nmediciones);
        m->indicadores[i]->nmediciones = 0;
    }
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        for (size_t k = 0; k < s->nentries; k++) {
            MEntry *e = &s->entries[k];
            if (!e->target || !e->target->model)
                continue;
            Value *v = e->attr->values;
            if (e->kind == ENTRY_AVANCE && v && v->kind == VAL_PERCENT) {
                MAccion *x = e->target->model;
                MAvance *av = &x->avances[x->navances++];
                av->seg = s;
                av->percent = v->number;
                av->comentario = e->comentario;
                av->loc = v->loc;
            } else if (e->kind == ENTRY_MEDICION) {
                MIndicador *x = e->target->model;
                MMedicion *me = &x->mediciones[x->nmediciones++];
                me->seg = s;
                me->value = model_measure(v);
                me->comentario = e->comentario;
            } else if (e->kind == ENTRY_AJUSTE && v && v->kind == VAL_RANGE && s->fecha <= m->as_of) {
                MAccion *x = e->target->model;
                x->inicio = v->date;
                x->fin = v->date2;
                x->fechas_loc = v->loc;
                x->ajustada = true;
            }
        }
    }
}

static void make_seguimientos(void *ctx, Arena *a, size_t from, size_t to)
{
    Build *b = ctx;
    for (size_t i = from; i < to; i++) {
        Decl *d = b->v->items[i];
        MSeguimiento *s = ARENA_NEW(a, MSeguimiento);
        s->decl = d;
        s->fecha = d->date;
        s->titulo = d->title;
        s->asistentes = parties_of(a, d, "asistentes");
        Value *h = first_value(d, "hito");
        s->hito = h && value_ref(h) ? value_ref(h)->model : NULL;
        build_entries(a, s);
        d->model = s;
        b->m->seguimientos[i] = s;
    }
}

static void build_seguimientos(ModelBuild *mb, Model *m)
{
    Compilation *c = mb->c;
    Arena *a = &c->arena;
    DeclVec *sv = &c->by_kind[DECL_SEGUIMIENTO];
    m->seguimientos = ARENA_NEW_ARRAY(a, MSeguimiento *, sv->n);
    Build b = { m, sv };
    par_halves(parallel(c), sv->n, make_seguimientos, &b, a, &mb->side);
    m->nseguimientos = sv->n;
    if (m->nseguimientos > 1)
        qsort(m->seguimientos, m->nseguimientos, sizeof *m->seguimientos, compare_segs);
    attach_records(a, m);
}

static void fill_record(Arena *a, MRecord *r, MSeguimiento *s, MEntry *e)
{
    r->kind = e->kind;
    r->seg = s;
    r->entry = e;
    r->texto = e->texto ? e->texto : "";
    r->accion = e->target && e->target->kind == DECL_ACCION ? e->target->model : NULL;
    r->plazo = MODEL_NO_DAY;
    for (Attr *b = attr_block(e->attr); b; b = b->next) {
        Value *v = b->values;
        if (strcmp(b->key_folded, "id") == 0 && v && value_ref(v)) {
            r->decl = value_ref(v);
            r->id = value_ref(v)->name;
            value_ref(v)->model = r;
        } else if (strcmp(b->key_folded, "responsable") == 0 && v) {
            r->responsable = party_of(value_ref(v));
        } else if (strcmp(b->key_folded, "plazo") == 0 && v && v->kind == VAL_DATE) {
            r->plazo = v->date;
            r->plazo_loc = v->loc;
        } else if (strcmp(b->key_folded, "alternativas") == 0) {
            r->alternativas = ARENA_NEW_ARRAY(a, const char *, attr_nvalues(b));
            for (Value *x = v; x; x = x->next)
                if (x->kind == VAL_STRING)
                    r->alternativas[r->nalternativas++] = x->text;
        }
    }
}

/* Acuerdos and nudos, and the cumplido/resuelto that close them. */
static void build_records(Arena *a, Model *m)
{
    for (size_t i = 0; i < m->nseguimientos; i++)
        for (size_t k = 0; k < m->seguimientos[i]->nentries; k++) {
            EntryKind kind = m->seguimientos[i]->entries[k].kind;
            m->nacuerdos += kind == ENTRY_ACUERDO;
            m->nnudos += kind == ENTRY_NUDO;
        }
    m->acuerdos = ARENA_NEW_ARRAY(a, MRecord, m->nacuerdos);
    m->nudos = ARENA_NEW_ARRAY(a, MRecord, m->nnudos);
    m->nacuerdos = m->nnudos = 0;
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        for (size_t k = 0; k < s->nentries; k++) {
            MEntry *e = &s->entries[k];
            if (e->kind == ENTRY_ACUERDO)
                fill_record(a, &m->acuerdos[m->nacuerdos++], s, e);
            else if (e->kind == ENTRY_NUDO)
                fill_record(a, &m->nudos[m->nnudos++], s, e);
        }
    }
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        if (s->fecha > m->as_of)
            break;
        for (size_t k = 0; k < s->nentries; k++) {
            MEntry *e = &s->entries[k];
            if ((e->kind != ENTRY_CUMPLIDO && e->kind != ENTRY_RESUELTO) || !e->target || !e->target->model)
                continue;
            MRecord *r = e->target->model;
            if (!r->cierre) {
                r->cierre = s;
                r->cierre_entry = e;
            }
        }
    }
}

static int compare_autoevaluaciones(const void *pa, const void *pb)
{
    const MAutoevaluacion *a = *(MAutoevaluacion *const *)pa, *b = *(MAutoevaluacion *const *)pb;
    if (a->fecha != b->fecha)
        return a->fecha < b->fecha ? -1 : 1;
    return a->decl->loc.begin < b->decl->loc.begin ? -1 : a->decl->loc.begin > b->decl->loc.begin;
}

static void build_autoevaluaciones(Compilation *c, Model *m)
{
    Arena *a = &c->arena;
    DeclVec *v = &c->by_kind[DECL_AUTOEVALUACION];
    m->autoevaluaciones = ARENA_NEW_ARRAY(a, MAutoevaluacion *, v->n);
    for (size_t i = 0; i < v->n; i++) {
        Decl *d = v->items[i];
        MAutoevaluacion *x = ARENA_NEW(a, MAutoevaluacion);
        x->decl = d;
        x->fecha = d->date;
        x->titulo = d->title;
        size_t n = 0;
        for (Attr *at = d->attrs; at; at = at->next)
            n++;
        x->answers = ARENA_NEW_ARRAY(a, MAnswer, n);
        for (Attr *at = d->attrs; at; at = at->next) {
            Value *val = at->values;
            if (strcmp(at->key_folded, "uatp") == 0) {
                x->uatp = val && value_ref(val) ? value_ref(val)->model : NULL;
            } else if (attr_term(at) && val && val->kind == VAL_NAME) {
                x->answers[x->nanswers].item = attr_term(at);
                x->answers[x->nanswers].respuesta = value_folded(val);
                x->nanswers++;
            }
        }
        d->model = x;
        m->autoevaluaciones[m->nautoevaluaciones++] = x;
    }
    if (m->nautoevaluaciones > 1)
        qsort(m->autoevaluaciones, m->nautoevaluaciones, sizeof *m->autoevaluaciones, compare_autoevaluaciones);
}

void model_hito_span(const MHito *h, long long *start, long long *end)
{
    const long long day = 24 * 60;
    if (h->minutos >= 0) {
        *start = h->fecha * day + h->minutos;
        *end = *start + (h->duracion_min > 0 ? h->duracion_min : 1);
        return;
    }
    long long days = h->duracion_min > 0 ? (h->duracion_min + day - 1) / day : 1;
    *start = h->fecha * day;
    *end = *start + days * day;
}

const MAutoevaluacion *model_latest_autoevaluacion(const Model *m, int day)
{
    const MAutoevaluacion *best = NULL;
    for (size_t i = 0; i < m->nautoevaluaciones; i++)
        if (m->autoevaluaciones[i]->fecha <= day)
            best = m->autoevaluaciones[i];
    return best;
}

Model *model_build(Compilation *c)
{
    Model *m = ARENA_NEW(&c->arena, Model);
    m->as_of = c->opt->as_of;
    ModelBuild mb = { c, { 0 } };
    arena_init(&mb.side);
    build_people(c, m);
    build_plan(c, m);
    build_capacidades(c, m);
    build_acciones(&mb, m);
    build_indicadores(&mb, m);
    build_hitos(&mb, m);
    build_seguimientos(&mb, m);
    arena_adopt(&c->arena, &mb.side);
    build_records(&c->arena, m);
    build_autoevaluaciones(c, m);
    return m;
}

const MCalDay *model_calendar_day(const MPlan *p, int day)
{
    /* Days are sorted by start; vacaciones may span, so scan the few
     * entries that start on or before the day (a calendar has dozens). */
    const MCalDay *found = NULL;
    for (size_t i = 0; i < p->ndias && p->dias[i].from <= day; i++)
        if (day <= p->dias[i].to) {
            found = &p->dias[i];
            if (!found->vacaciones)
                return found; /* a feriado names the day best */
        }
    return found;
}

const MAvance *model_latest_avance(const MAccion *a, int day)
{
    const MAvance *best = NULL;
    for (size_t i = 0; i < a->navances; i++)
        if (a->avances[i].seg->fecha <= day)
            best = &a->avances[i];
    return best;
}

const MMedicion *model_latest_medicion(const MIndicador *x, int day)
{
    const MMedicion *best = NULL;
    for (size_t i = 0; i < x->nmediciones; i++)
        if (x->mediciones[i].seg->fecha <= day)
            best = &x->mediciones[i];
    return best;
}
