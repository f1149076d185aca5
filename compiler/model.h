/* model.h - the checked plan as typed objects, for the checks and backends.
 *
 * Contract: model_build() reads a Compilation whose front end reported no
 * errors (every required attribute present, every reference resolved) and
 * builds typed objects in the compilation's arena: no diagnostics, no I/O.
 * Lists keep source order (modules first). Dates are day numbers; absent
 * optional values are NULL, -1 or false as documented per field. Each
 * Decl's `model` points back to its object. The fechas of an action are
 * those in force as of the as-of date (an `ajuste` recorded on or before it
 * replaces them); the planned ones are kept beside them.
 */
#ifndef RUTA_MODEL_H
#define RUTA_MODEL_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "compile.h"

typedef struct MPersona MPersona;
typedef struct MEquipo MEquipo;
typedef struct MCapacidad MCapacidad;
typedef struct MAccion MAccion;
typedef struct MIndicador MIndicador;
typedef struct MHito MHito;
typedef struct MSeguimiento MSeguimiento;

/* A responsable: a persona or an equipo. */
typedef struct MParty {
    Decl *decl;            /* DECL_PERSONA or DECL_EQUIPO */
    MPersona *persona;     /* when a persona */
    MEquipo *equipo;       /* when an equipo */
} MParty;

typedef struct MPartyList {
    MParty *items;
    size_t n;
} MPartyList;

struct MPersona {
    Decl *decl;
    size_t index;          /* position in Model.personas */
    const char *id, *nombre;
    const Term *rol;       /* NULL when absent */
    const char *cargo, *correo, *telefono; /* NULL when absent */
};

struct MEquipo {
    Decl *decl;
    const char *id, *nombre;
    MPersona **integrantes;
    size_t nintegrantes;
};

typedef struct MMoney {
    bool present;
    double amount;
    MoneyUnit unit;
} MMoney;

struct MCapacidad {
    Decl *decl;
    const char *id, *titulo;
    const Term *basal, *dimension; /* NULL when absent */
    const char *practica_problematica, *estado_deseado, *resultado_esperado;
    MAccion **acciones;
    size_t nacciones;
};

/* A value of linea_base, meta or medicion (32 bytes). */
typedef struct MMeasure {
    bool present;
    uint8_t kind;          /* ValueKind: VAL_NUMBER, VAL_PERCENT or VAL_QUANTITY */
    uint8_t time_unit;     /* TimeUnit: UNIT_COUNT for a free count unit */
    bool unit_accent;      /* the unit's folded form is not itself */
    Loc loc;
    double value;
    const char *unit;      /* quantity unit as written (measure_unit_folded()) */
} MMeasure;

/* The folded form of a quantity's unit, NULL for other measures. */
static inline const char *measure_unit_folded(const MMeasure *m)
{
    return m->unit && m->unit_accent ? intern_folded_of(m->unit) : m->unit;
}

typedef struct MAvance {
    MSeguimiento *seg;
    double percent;
    const char *comentario; /* NULL when absent */
    Loc loc;
} MAvance;

typedef struct MMedicion {
    MSeguimiento *seg;
    MMeasure value;
    const char *comentario;
} MMedicion;

struct MAccion {
    Decl *decl;
    size_t index;          /* position in Model.acciones */
    const char *id, *titulo;
    MCapacidad *capacidad;
    const char *descripcion;
    MParty responsable;
    MPartyList apoyo;
    const Term *ambito;
    int inicio, fin;       /* fechas in force as of the as-of date */
    int plan_inicio, plan_fin; /* fechas as planned */
    bool ajustada;         /* an ajuste changed the fechas */
    Loc fechas_loc;
    MAccion **despues_de;
    size_t ndespues;
    const char **recursos;
    size_t nrecursos;
    MMoney costo;
    MIndicador **indicadores;
    size_t nindicadores;
    MHito **hitos;         /* nested in it or naming it with `accion:` */
    size_t nhitos;
    MAvance *avances;      /* in seguimiento date order */
    size_t navances;
};

struct MIndicador {
    Decl *decl;
    const char *id, *titulo;
    MAccion *accion;
    const char *unidad;
    MMeasure linea_base, meta;
    const char *medio_verificacion;
    const Term *frecuencia;
    bool decreciente;
    MMedicion *mediciones; /* in seguimiento date order */
    size_t nmediciones;
};

struct MHito {
    Decl *decl;
    const char *id, *titulo;
    int fecha;
    int minutos;           /* start time in minutes after midnight, -1 none */
    int duracion_min;      /* duration in minutes, -1 none */
    const Term *tipo;      /* NULL means the default, reunion */
    const char *tipo_id;   /* "reunion" by default */
    bool monitoreo;        /* tipo is monitoreo */
    MParty responsable;    /* decl NULL when absent */
    MPartyList participantes;
    MAccion **revisa;
    size_t nrevisa;
    const char *lugar, *descripcion;
    MAccion *accion;       /* owning action, NULL for a plan-level hito */
};

typedef struct MEntry {
    EntryKind kind;
    Attr *attr;
    Decl *target;          /* named entry target, or NULL */
    const char *texto;     /* text value (nudo, logro, acuerdo...), or NULL */
    const char *comentario;
} MEntry;

struct MSeguimiento {
    Decl *decl;
    int fecha;
    const char *titulo;    /* NULL when absent */
    MPartyList asistentes;
    MHito *hito;           /* `hito:`, or NULL */
    MEntry *entries;
    size_t nentries;
};

/* "No date" for optional day numbers (every real day is > INT_MIN). */
#define MODEL_NO_DAY INT_MIN

/* An acuerdo or a nudo recorded in a seguimiento (section 11). */
typedef struct MRecord {
    EntryKind kind;        /* ENTRY_ACUERDO or ENTRY_NUDO */
    MSeguimiento *seg;     /* the record that states it */
    MEntry *entry;
    Decl *decl;            /* the name declared with `id:`, or NULL */
    const char *id;        /* that name, or NULL */
    const char *texto;
    MAccion *accion;       /* the action it names, or NULL */
    MParty responsable;    /* acuerdo `responsable:`; decl NULL when absent */
    int plazo;             /* acuerdo `plazo:`, MODEL_NO_DAY when absent */
    Loc plazo_loc;
    const char **alternativas; /* nudo `alternativas:` */
    size_t nalternativas;
    MSeguimiento *cierre;  /* the first seguimiento dated on or before the
                              as-of date whose cumplido/resuelto closes it */
    MEntry *cierre_entry;
} MRecord;

/* One answer of an autoevaluacion: a checklist item and si/no/no_aplica. */
typedef struct MAnswer {
    const Term *item;
    const char *respuesta; /* "si", "no" or "no_aplica" */
} MAnswer;

typedef struct MAutoevaluacion {
    Decl *decl;
    int fecha;
    const char *titulo;
    MPersona *uatp;        /* NULL when absent */
    MAnswer *answers;
    size_t nanswers;
} MAutoevaluacion;

typedef struct MCalDay {
    bool vacaciones;
    int from, to;
    const char *nombre;
} MCalDay;

typedef struct MPlan {
    Decl *decl;
    const char *id, *titulo;
    const char *establecimiento, *rbd, *sostenedor, *territorio;
    int inicio, fin;
    const char *objetivo, *estrategia_pme, *resultado_esperado;
    MMoney presupuesto;
    Decl *calendario;      /* NULL when absent */
    MCalDay *dias;         /* the calendar's feriados and vacaciones, by date */
    size_t ndias;
    int monitoreo_cada;    /* days, -1 when absent */
    int carga_maxima;      /* default 3 */
    MPersona *uatp;
    MEquipo *equipo_gestion;
} MPlan;

typedef struct Model {
    MPlan *plan;           /* NULL for a module */
    int as_of;
    MPersona **personas; size_t npersonas;
    MEquipo **equipos; size_t nequipos;
    MCapacidad **capacidades; size_t ncapacidades;
    MAccion **acciones; size_t nacciones;
    MIndicador **indicadores; size_t nindicadores;
    MHito **hitos; size_t nhitos;
    MSeguimiento **seguimientos; size_t nseguimientos; /* by date, stable */
    MRecord *acuerdos; size_t nacuerdos;   /* in seguimiento order */
    MRecord *nudos; size_t nnudos;
    MAutoevaluacion **autoevaluaciones; size_t nautoevaluaciones; /* by date */
} Model;

Model *model_build(Compilation *c);

/* Display name of a party ("" when absent). */
const char *model_party_name(const MParty *p);
/* Does a day fall on a feriado or in vacaciones of the plan's calendar?
 * Returns the calendar day, or NULL. */
const MCalDay *model_calendar_day(const MPlan *p, int day);
/* The measure of a NUMBER, PERCENT or QUANTITY value; `present` is false
 * for any other value (or NULL). */
MMeasure model_measure(const Value *v);
/* Length in days of a time quantity (mes = 30 days). */
int model_quantity_days(const Value *v);
/* The same without rounding, for range checks (-1 when not a time). */
double model_quantity_days_exact(const Value *v);
/* The latest avance of an action recorded on or before `day`, or NULL. */
const MAvance *model_latest_avance(const MAccion *a, int day);
/* The time a hito occupies, in minutes since day 0 (half-open): a timed
 * hito from its start for its duracion (at least one minute); a hito
 * without a time covers whole days: its day, or as many days as its
 * duracion rounds up to. */
void model_hito_span(const MHito *h, long long *start, long long *end);
/* The latest autoevaluacion dated on or before `day`, or NULL. */
const MAutoevaluacion *model_latest_autoevaluacion(const Model *m, int day);
/* The latest medicion of an indicator on or before `day`, or NULL. */
const MMedicion *model_latest_medicion(const MIndicador *i, int day);

#endif
