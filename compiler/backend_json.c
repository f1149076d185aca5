/* backend_json.c - `ruta json`: the resolved plan as one JSON document
 * (section 9 and 11). docs/json.md describes the shape for users and
 * docs/ruta-plan.schema.json is its JSON Schema; change the three together.
 *
 * Conventions: keys in a fixed order; every documented key is always
 * present (null when absent, [] when empty); dates are "YYYY-MM-DD", times
 * "HH:MM"; a reference is {"id", "nombre"} (a persona or equipo also has
 * "tipo"); a vocabulary term is {"id", "nombre"} with its label. Actions
 * carry the fechas in force as of the as-of date and the planned ones,
 * their latest avance and their state (progress.h).
 *
 * With a sink (backends.h) the output is flushed after the plan object and
 * after each element of the top-level arrays (flush()).
 */
#include <math.h>
#include <string.h>

#include "backends.h"
#include "csv_rows.h"
#include "date.h"
#include "jsonw.h"
#include "progress.h"
#include "version.h"

/* Version of the document's shape: bump on an incompatible change. */
enum { JSON_FORMAT_VERSION = 1 };

typedef struct JsonCtx {
    JsonW w;
    const BackendCtx *b;
    const Model *m;
    RowsIndex ix;
    StrBuf scratch;
} JsonCtx;

/* Hands the output to the sink, if any, once an element is complete. */
static void flush(JsonCtx *x)
{
    output_flush(x->b->sink, x->w.out);
}

/* ---- values ------------------------------------------------------------- */

static void j_date(JsonW *w, int day)
{
    char d[11];
    date_format(day, d);
    jsonw_string(w, d);
}

static void kv_date(JsonW *w, const char *key, int day)
{
    jsonw_key(w, key);
    j_date(w, day);
}

/* A date, or null when absent. */
static void kv_date_opt(JsonW *w, const char *key, int day, bool present)
{
    jsonw_key(w, key);
    if (present)
        j_date(w, day);
    else
        jsonw_null(w);
}

static void kv_time_opt(JsonW *w, const char *key, int minutes)
{
    jsonw_key(w, key);
    if (minutes < 0) {
        jsonw_null(w);
        return;
    }
    char t[6];
    rows_hhmm(minutes, t);
    jsonw_string(w, t);
}

static void kv_range(JsonW *w, const char *key, int from, int to)
{
    jsonw_key(w, key);
    jsonw_object_begin(w);
    kv_date(w, "inicio", from);
    kv_date(w, "fin", to);
    jsonw_object_end(w);
}

static void kv_bool(JsonW *w, const char *key, bool v)
{
    jsonw_key(w, key);
    jsonw_bool(w, v);
}

static void kv_number(JsonW *w, const char *key, double v)
{
    jsonw_key(w, key);
    jsonw_double(w, v);
}

static void j_ref(JsonW *w, const char *id, const char *nombre)
{
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", id ? id : "");
    jsonw_kv_string(w, "nombre", nombre ? nombre : id ? id : "");
    jsonw_object_end(w);
}

static void kv_ref(JsonW *w, const char *key, const char *id, const char *nombre)
{
    jsonw_key(w, key);
    if (id)
        j_ref(w, id, nombre);
    else
        jsonw_null(w);
}

static void kv_accion(JsonW *w, const char *key, const MAccion *a)
{
    kv_ref(w, key, a ? a->id : NULL, a ? a->titulo : NULL);
}

static void j_party(JsonW *w, const MParty *p)
{
    if (!p->decl) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", p->decl->name);
    jsonw_kv_string(w, "nombre", model_party_name(p));
    jsonw_kv_string(w, "tipo", p->persona ? "persona" : "equipo");
    jsonw_object_end(w);
}

static void kv_party(JsonW *w, const char *key, const MParty *p)
{
    jsonw_key(w, key);
    j_party(w, p);
}

static void kv_parties(JsonW *w, const char *key, const MPartyList *l)
{
    jsonw_key(w, key);
    jsonw_array_begin(w);
    for (size_t i = 0; i < l->n; i++)
        j_party(w, &l->items[i]);
    jsonw_array_end(w);
}

static void kv_term(JsonW *w, const char *key, const Term *t)
{
    kv_ref(w, key, t ? t->name : NULL, t ? t->label : NULL);
}

static void kv_money(JsonW *w, const char *key, const MMoney *m)
{
    jsonw_key(w, key);
    if (!m->present) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    kv_number(w, "monto", m->amount);
    jsonw_kv_string(w, "unidad", m->unit == MONEY_UF ? "UF" : "CLP");
    jsonw_object_end(w);
}

static const char *measure_kind(ValueKind k)
{
    return k == VAL_PERCENT ? "porcentaje" : k == VAL_QUANTITY ? "cantidad" : "numero";
}

static void j_measure(JsonCtx *x, const MMeasure *v)
{
    JsonW *w = &x->w;
    if (!v->present) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    jsonw_kv_string(w, "tipo", measure_kind(v->kind));
    kv_number(w, "valor", v->value);
    jsonw_kv_string(w, "unidad", v->kind == VAL_QUANTITY ? v->unit : NULL);
    strbuf_clear(&x->scratch);
    rows_measure(&x->scratch, v);
    jsonw_kv_string(w, "texto", strbuf_cstr(&x->scratch));
    jsonw_object_end(w);
}

static void kv_measure(JsonCtx *x, const char *key, const MMeasure *v)
{
    jsonw_key(&x->w, key);
    j_measure(x, v);
}

/* {"id": seguimiento id, "fecha": ...} of a record. */
static void kv_seg(JsonCtx *x, const char *key, const MSeguimiento *s)
{
    JsonW *w = &x->w;
    jsonw_key(w, key);
    if (!s) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", rows_seg_id(&x->ix, x->m, s));
    kv_date(w, "fecha", s->fecha);
    jsonw_object_end(w);
}

/* A term of a vocabulary by name, or NULL. */
static const Term *find_term(const Compilation *c, const char *vocab, const char *term)
{
    const Decl *v = symtab_get(&c->symbols, vocab);
    if (!v || v->kind != DECL_VOCABULARIO || !decl_index(v))
        return NULL;
    return symtab_get(decl_index(v), term);
}

/* Rounds to one decimal (expected shares are fractions of days), half
 * away from zero as round() does. Spelled out so that the binary needs
 * nothing from libm (floor, fabs and copysign are inlined): a shared
 * library costs every start its loading (docs/performance.md 3.11). The
 * fraction a - t is exact for every double. */
static double round1(double v)
{
    double x = v * 10, a = fabs(x), t = floor(a);
    if (a - t >= 0.5)
        t += 1;
    return copysign(t, x) / 10;
}

/* ---- plan --------------------------------------------------------------- */

static void plan_monitoreo(JsonW *w, const MPlan *p)
{
    jsonw_key(w, "monitoreo_cada");
    Attr *at = decl_attr(p->decl, "monitoreo_cada");
    if (!at || !at->values || at->values->kind != VAL_QUANTITY || p->monitoreo_cada < 0) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    kv_number(w, "valor", at->values->number);
    jsonw_kv_string(w, "unidad", at->values->text);
    jsonw_kv_int(w, "dias", p->monitoreo_cada);
    jsonw_object_end(w);
}

static void plan_calendario(JsonW *w, const MPlan *p)
{
    jsonw_key(w, "calendario");
    if (!p->calendario) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", p->calendario->name);
    jsonw_kv_string(w, "nombre", p->calendario->title ? p->calendario->title : p->calendario->name);
    jsonw_key(w, "dias");
    jsonw_array_begin(w);
    for (size_t i = 0; i < p->ndias; i++) {
        const MCalDay *d = &p->dias[i];
        jsonw_object_begin(w);
        jsonw_kv_string(w, "tipo", d->vacaciones ? "vacaciones" : "feriado");
        kv_date(w, "inicio", d->from);
        kv_date(w, "fin", d->to);
        jsonw_kv_string(w, "nombre", d->nombre);
        jsonw_object_end(w);
    }
    jsonw_array_end(w);
    jsonw_object_end(w);
}

static void plan_permitir(JsonW *w, const MPlan *p)
{
    jsonw_key(w, "permitir");
    jsonw_array_begin(w);
    Attr *at = decl_attr(p->decl, "permitir");
    for (Value *v = at ? at->values : NULL; v; v = v->next)
        if (v->text)
            jsonw_string(w, v->text);
    jsonw_array_end(w);
}

static void write_plan(JsonCtx *x)
{
    JsonW *w = &x->w;
    const MPlan *p = x->m->plan;
    jsonw_key(w, "plan");
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", p->id);
    jsonw_kv_string(w, "titulo", p->titulo);
    jsonw_kv_string(w, "establecimiento", p->establecimiento);
    jsonw_kv_string(w, "rbd", p->rbd);
    jsonw_kv_string(w, "sostenedor", p->sostenedor);
    jsonw_kv_string(w, "territorio", p->territorio);
    kv_range(w, "periodo", p->inicio, p->fin);
    jsonw_kv_string(w, "objetivo", p->objetivo);
    jsonw_kv_string(w, "estrategia_pme", p->estrategia_pme);
    jsonw_kv_string(w, "resultado_esperado", p->resultado_esperado);
    kv_money(w, "presupuesto", &p->presupuesto);
    plan_calendario(w, p);
    plan_monitoreo(w, p);
    jsonw_kv_int(w, "carga_maxima", p->carga_maxima);
    kv_ref(w, "uatp", p->uatp ? p->uatp->id : NULL, p->uatp ? p->uatp->nombre : NULL);
    kv_ref(w, "equipo_gestion", p->equipo_gestion ? p->equipo_gestion->id : NULL,
           p->equipo_gestion ? p->equipo_gestion->nombre : NULL);
    plan_permitir(w, p);
    jsonw_object_end(w);
}

/* ---- people and capacities ---------------------------------------------- */

static void write_personas(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "personas");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->npersonas; i++) {
        const MPersona *p = x->m->personas[i];
        jsonw_object_begin(w);
        jsonw_kv_string(w, "id", p->id);
        jsonw_kv_string(w, "nombre", p->nombre);
        kv_term(w, "rol", p->rol);
        jsonw_kv_string(w, "cargo", p->cargo);
        jsonw_kv_string(w, "correo", p->correo);
        jsonw_kv_string(w, "telefono", p->telefono);
        jsonw_object_end(w);
        flush(x);
    }
    jsonw_array_end(w);
}

static void write_equipos(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "equipos");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->nequipos; i++) {
        const MEquipo *e = x->m->equipos[i];
        jsonw_object_begin(w);
        jsonw_kv_string(w, "id", e->id);
        jsonw_kv_string(w, "nombre", e->nombre);
        jsonw_key(w, "integrantes");
        jsonw_array_begin(w);
        for (size_t k = 0; k < e->nintegrantes; k++)
            j_ref(w, e->integrantes[k]->id, e->integrantes[k]->nombre);
        jsonw_array_end(w);
        jsonw_object_end(w);
        flush(x);
    }
    jsonw_array_end(w);
}

static void write_capacidades(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "capacidades");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->ncapacidades; i++) {
        const MCapacidad *k = x->m->capacidades[i];
        jsonw_object_begin(w);
        jsonw_kv_string(w, "id", k->id);
        jsonw_kv_string(w, "titulo", k->titulo);
        kv_term(w, "basal", k->basal);
        kv_term(w, "dimension", k->dimension);
        jsonw_kv_string(w, "practica_problematica", k->practica_problematica);
        jsonw_kv_string(w, "estado_deseado", k->estado_deseado);
        jsonw_kv_string(w, "resultado_esperado", k->resultado_esperado);
        jsonw_key(w, "acciones");
        jsonw_array_begin(w);
        for (size_t a = 0; a < k->nacciones; a++)
            j_ref(w, k->acciones[a]->id, k->acciones[a]->titulo);
        jsonw_array_end(w);
        jsonw_object_end(w);
        flush(x);
    }
    jsonw_array_end(w);
}

/* ---- actions ------------------------------------------------------------ */

static void j_avance(JsonCtx *x, const MAvance *a)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    kv_date(w, "fecha", a->seg->fecha);
    jsonw_kv_string(w, "seguimiento", rows_seg_id(&x->ix, x->m, a->seg));
    kv_number(w, "porcentaje", a->percent);
    jsonw_kv_string(w, "comentario", a->comentario);
    jsonw_object_end(w);
}

static void accion_progress(JsonCtx *x, const MAccion *a)
{
    JsonW *w = &x->w;
    jsonw_key(w, "avances");
    jsonw_array_begin(w);
    for (size_t i = 0; i < a->navances; i++)
        j_avance(x, &a->avances[i]);
    jsonw_array_end(w);
    Progress p = progress_of(a, x->b->as_of);
    jsonw_key(w, "avance");
    if (p.latest)
        j_avance(x, p.latest);
    else
        jsonw_null(w);
    kv_number(w, "avance_esperado", round1(p.expected));
    jsonw_kv_string(w, "estado", progress_state_id(p.state));
    jsonw_kv_string(w, "estado_texto", progress_state_label(p.state));
}

static void accion_lists(JsonW *w, const MAccion *a)
{
    jsonw_key(w, "despues_de");
    jsonw_array_begin(w);
    for (size_t i = 0; i < a->ndespues; i++)
        j_ref(w, a->despues_de[i]->id, a->despues_de[i]->titulo);
    jsonw_array_end(w);
    jsonw_key(w, "recursos");
    jsonw_array_begin(w);
    for (size_t i = 0; i < a->nrecursos; i++)
        jsonw_string(w, a->recursos[i]);
    jsonw_array_end(w);
    kv_money(w, "costo", &a->costo);
    jsonw_key(w, "indicadores");
    jsonw_array_begin(w);
    for (size_t i = 0; i < a->nindicadores; i++)
        j_ref(w, a->indicadores[i]->id, a->indicadores[i]->titulo);
    jsonw_array_end(w);
    jsonw_key(w, "hitos");
    jsonw_array_begin(w);
    for (size_t i = 0; i < a->nhitos; i++)
        j_ref(w, a->hitos[i]->id, a->hitos[i]->titulo);
    jsonw_array_end(w);
}

static void write_acciones(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "acciones");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->nacciones; i++) {
        const MAccion *a = x->m->acciones[i];
        jsonw_object_begin(w);
        jsonw_kv_string(w, "id", a->id);
        jsonw_kv_string(w, "titulo", a->titulo);
        kv_ref(w, "capacidad", a->capacidad ? a->capacidad->id : NULL, a->capacidad ? a->capacidad->titulo : NULL);
        jsonw_kv_string(w, "descripcion", a->descripcion);
        kv_party(w, "responsable", &a->responsable);
        kv_parties(w, "apoyo", &a->apoyo);
        kv_term(w, "ambito", a->ambito);
        kv_range(w, "fechas", a->inicio, a->fin);
        kv_range(w, "fechas_planificadas", a->plan_inicio, a->plan_fin);
        kv_bool(w, "ajustada", a->ajustada);
        accion_lists(w, a);
        accion_progress(x, a);
        jsonw_object_end(w);
        flush(x);
    }
    jsonw_array_end(w);
}

/* ---- indicators and hitos ----------------------------------------------- */

static void j_medicion(JsonCtx *x, const MMedicion *me)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    kv_date(w, "fecha", me->seg->fecha);
    jsonw_kv_string(w, "seguimiento", rows_seg_id(&x->ix, x->m, me->seg));
    kv_measure(x, "valor", &me->value);
    jsonw_kv_string(w, "comentario", me->comentario);
    jsonw_object_end(w);
}

static void write_indicador(JsonCtx *x, const MIndicador *i)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", i->id);
    jsonw_kv_string(w, "titulo", i->titulo);
    kv_accion(w, "accion", i->accion);
    jsonw_kv_string(w, "unidad", i->unidad);
    kv_measure(x, "linea_base", &i->linea_base);
    kv_measure(x, "meta", &i->meta);
    jsonw_kv_string(w, "medio_verificacion", i->medio_verificacion);
    kv_term(w, "frecuencia", i->frecuencia);
    jsonw_kv_string(w, "sentido", i->decreciente ? "decreciente" : "creciente");
    jsonw_key(w, "mediciones");
    jsonw_array_begin(w);
    for (size_t k = 0; k < i->nmediciones; k++)
        j_medicion(x, &i->mediciones[k]);
    jsonw_array_end(w);
    const MMedicion *last = model_latest_medicion(i, x->b->as_of);
    jsonw_key(w, "ultima_medicion");
    if (last)
        j_medicion(x, last);
    else
        jsonw_null(w);
    jsonw_object_end(w);
}

static void write_indicadores(JsonCtx *x)
{
    jsonw_key(&x->w, "indicadores");
    jsonw_array_begin(&x->w);
    for (size_t i = 0; i < x->m->nindicadores; i++) {
        write_indicador(x, x->m->indicadores[i]);
        flush(x);
    }
    jsonw_array_end(&x->w);
}

static void hito_time(JsonW *w, const MHito *h)
{
    int fin, hora_fin;
    rows_hito_end(h, &fin, &hora_fin);
    kv_date(w, "fecha", h->fecha);
    kv_time_opt(w, "hora", h->minutos);
    jsonw_key(w, "duracion_minutos");
    if (h->duracion_min >= 0)
        jsonw_int(w, h->duracion_min);
    else
        jsonw_null(w);
    kv_date(w, "fecha_fin", fin);
    kv_time_opt(w, "hora_fin", hora_fin);
}

static void write_hito(JsonCtx *x, const MHito *h)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", h->id);
    jsonw_kv_string(w, "titulo", h->titulo);
    hito_time(w, h);
    const Term *tipo = h->tipo ? h->tipo : find_term(x->b->c, "tipo_hito", h->tipo_id);
    kv_ref(w, "tipo", h->tipo_id, tipo ? tipo->label : NULL);
    kv_bool(w, "monitoreo", h->monitoreo);
    kv_party(w, "responsable", &h->responsable);
    kv_parties(w, "participantes", &h->participantes);
    jsonw_key(w, "revisa");
    jsonw_array_begin(w);
    for (size_t i = 0; i < h->nrevisa; i++)
        j_ref(w, h->revisa[i]->id, h->revisa[i]->titulo);
    jsonw_array_end(w);
    jsonw_kv_string(w, "lugar", h->lugar);
    jsonw_kv_string(w, "descripcion", h->descripcion);
    kv_accion(w, "accion", h->accion);
    jsonw_object_end(w);
}

static void write_hitos(JsonCtx *x)
{
    jsonw_key(&x->w, "hitos");
    jsonw_array_begin(&x->w);
    for (size_t i = 0; i < x->m->nhitos; i++) {
        write_hito(x, x->m->hitos[i]);
        flush(x);
    }
    jsonw_array_end(&x->w);
}

/* ---- execution records -------------------------------------------------- */

/* The acuerdo or nudo record stated by an entry, or NULL. */
static const MRecord *record_of(const JsonCtx *x, const MEntry *e)
{
    const MRecord *recs = e->kind == ENTRY_ACUERDO ? x->m->acuerdos : x->m->nudos;
    size_t n = e->kind == ENTRY_ACUERDO ? x->m->nacuerdos : x->m->nnudos;
    for (size_t i = 0; i < n; i++)
        if (recs[i].entry == e)
            return &recs[i];
    return NULL;
}

static void entry_target(JsonCtx *x, const MEntry *e)
{
    JsonW *w = &x->w;
    jsonw_key(w, "referencia");
    const Decl *t = e->target;
    if (!t) {
        jsonw_null(w);
        return;
    }
    const char *nombre = t->title ? t->title : t->name;
    if ((t->kind == DECL_ACUERDO || t->kind == DECL_NUDO) && t->model)
        nombre = ((const MRecord *)t->model)->texto; /* a record's name is its text */
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", t->name);
    jsonw_kv_string(w, "nombre", nombre);
    jsonw_kv_string(w, "tipo", ast_kind_keyword(t->kind));
    jsonw_object_end(w);
}

/* The keys only some entry kinds have. */
static void entry_extras(JsonCtx *x, const MEntry *e)
{
    JsonW *w = &x->w;
    const Value *v = e->attr->values;
    if (e->kind == ENTRY_AVANCE && v) {
        kv_number(w, "porcentaje", v->number);
    } else if (e->kind == ENTRY_MEDICION && v) {
        MMeasure mv = model_measure(v);
        kv_measure(x, "valor", &mv);
    } else if (e->kind == ENTRY_AJUSTE && v && v->kind == VAL_RANGE) {
        kv_range(w, "fechas", v->date, v->date2);
    } else if (e->kind == ENTRY_ACUERDO || e->kind == ENTRY_NUDO) {
        const MRecord *r = record_of(x, e);
        jsonw_kv_string(w, "id", r ? rows_record_id(&x->ix, x->m, r) : NULL);
        if (e->kind == ENTRY_ACUERDO && r) {
            kv_party(w, "responsable", &r->responsable);
            kv_date_opt(w, "plazo", r->plazo, r->plazo != MODEL_NO_DAY);
        } else if (r) {
            jsonw_key(w, "alternativas");
            jsonw_array_begin(w);
            for (size_t i = 0; i < r->nalternativas; i++)
                jsonw_string(w, r->alternativas[i]);
            jsonw_array_end(w);
        }
    }
}

static void write_entry(JsonCtx *x, const MEntry *e)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    jsonw_kv_string(w, "tipo", ast_entry_keyword(e->kind));
    entry_target(x, e);
    jsonw_kv_string(w, "texto", e->texto);
    jsonw_kv_string(w, "comentario", e->comentario);
    entry_extras(x, e);
    jsonw_object_end(w);
}

static void write_seguimientos(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "seguimientos");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->nseguimientos; i++) {
        const MSeguimiento *s = x->m->seguimientos[i];
        jsonw_object_begin(w);
        jsonw_kv_string(w, "id", x->ix.seg_ids[i]);
        kv_date(w, "fecha", s->fecha);
        jsonw_kv_string(w, "titulo", s->titulo);
        kv_ref(w, "hito", s->hito ? s->hito->id : NULL, s->hito ? s->hito->titulo : NULL);
        kv_parties(w, "asistentes", &s->asistentes);
        jsonw_key(w, "entradas");
        jsonw_array_begin(w);
        for (size_t k = 0; k < s->nentries; k++)
            write_entry(x, &s->entries[k]);
        jsonw_array_end(w);
        jsonw_object_end(w);
        flush(x);
    }
    jsonw_array_end(w);
}

static void record_cierre(JsonCtx *x, const char *key, const MRecord *r)
{
    JsonW *w = &x->w;
    jsonw_key(w, key);
    if (!r->cierre) {
        jsonw_null(w);
        return;
    }
    jsonw_object_begin(w);
    kv_date(w, "fecha", r->cierre->fecha);
    jsonw_kv_string(w, "seguimiento", rows_seg_id(&x->ix, x->m, r->cierre));
    jsonw_kv_string(w, "comentario", r->cierre_entry ? r->cierre_entry->texto : NULL);
    jsonw_object_end(w);
}

static void write_record(JsonCtx *x, const MRecord *r)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    jsonw_kv_string(w, "id", rows_record_id(&x->ix, x->m, r));
    kv_bool(w, "id_declarado", r->id != NULL);
    jsonw_kv_string(w, "texto", r->texto);
    kv_seg(x, "seguimiento", r->seg);
    kv_accion(w, "accion", r->accion);
    if (r->kind == ENTRY_ACUERDO) {
        kv_party(w, "responsable", &r->responsable);
        kv_date_opt(w, "plazo", r->plazo, r->plazo != MODEL_NO_DAY);
    } else {
        jsonw_key(w, "alternativas");
        jsonw_array_begin(w);
        for (size_t i = 0; i < r->nalternativas; i++)
            jsonw_string(w, r->alternativas[i]);
        jsonw_array_end(w);
    }
    jsonw_kv_string(w, "estado", rows_record_state(r, x->b->as_of));
    record_cierre(x, r->kind == ENTRY_ACUERDO ? "cumplido" : "resuelto", r);
    jsonw_object_end(w);
}

static void write_records(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "acuerdos");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->nacuerdos; i++) {
        write_record(x, &x->m->acuerdos[i]);
        flush(x);
    }
    jsonw_array_end(w);
    jsonw_key(w, "nudos");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->nnudos; i++) {
        write_record(x, &x->m->nudos[i]);
        flush(x);
    }
    jsonw_array_end(w);
}

/* ---- autoevaluaciones --------------------------------------------------- */

static void write_autoevaluacion(JsonCtx *x, const MAutoevaluacion *a)
{
    JsonW *w = &x->w;
    jsonw_object_begin(w);
    kv_date(w, "fecha", a->fecha);
    jsonw_kv_string(w, "titulo", a->titulo);
    kv_ref(w, "uatp", a->uatp ? a->uatp->id : NULL, a->uatp ? a->uatp->nombre : NULL);
    jsonw_key(w, "respuestas");
    jsonw_array_begin(w);
    for (size_t i = 0; i < a->nanswers; i++) {
        jsonw_object_begin(w);
        kv_term(w, "item", a->answers[i].item);
        jsonw_kv_string(w, "respuesta", a->answers[i].respuesta);
        jsonw_object_end(w);
    }
    jsonw_array_end(w);
    jsonw_object_end(w);
}

static void write_autoevaluaciones(JsonCtx *x)
{
    JsonW *w = &x->w;
    jsonw_key(w, "autoevaluaciones");
    jsonw_array_begin(w);
    for (size_t i = 0; i < x->m->nautoevaluaciones; i++) {
        write_autoevaluacion(x, x->m->autoevaluaciones[i]);
        flush(x);
    }
    jsonw_array_end(w);
}

/* ---- document ----------------------------------------------------------- */

int backend_json(const BackendCtx *ctx, StrBuf *out)
{
    JsonCtx x;
    jsonw_init(&x.w, out);
    x.b = ctx;
    x.m = ctx->m;
    x.ix = rows_index_build(&ctx->c->arena, ctx->m);
    strbuf_init(&x.scratch);
    JsonW *w = &x.w;
    jsonw_object_begin(w);
    jsonw_kv_string(w, "formato", "ruta-plan");
    jsonw_kv_int(w, "version_formato", JSON_FORMAT_VERSION);
    jsonw_kv_string(w, "generador", "ruta " RUTA_VERSION);
    kv_date(w, "fecha_corte", ctx->as_of);
    write_plan(&x);
    flush(&x);
    write_personas(&x);
    write_equipos(&x);
    write_capacidades(&x);
    write_acciones(&x);
    write_indicadores(&x);
    write_hitos(&x);
    write_seguimientos(&x);
    write_records(&x);
    write_autoevaluaciones(&x);
    jsonw_object_end(w);
    jsonw_finish(w);
    strbuf_free(&x.scratch);
    return 0;
}
