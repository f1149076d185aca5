/* csv_rows.h - the plan as calendar rows, ids for the unnamed execution
 * records, and the texts shared by the csv, ics and json backends
 * (docs/calendars.md).
 *
 * Contract: rows_index_build() and rows_build() read an error-free Model and
 * allocate everything in the caller's arena (the compilation's): nothing to
 * free, no diagnostics, no I/O. Output is deterministic for a model and an
 * as-of date.
 *
 * - Seguimientos have no name; each gets a stable id from its date:
 *   "seguimiento-2026-04-09", and "seguimiento-2026-04-09-2" for a second
 *   one on the same day (model order). Acuerdos and nudos without `id:` get
 *   "acuerdo-DATE[-N]" and "nudo-DATE[-N]" the same way. A '-' never occurs
 *   in a Ruta name, so these ids cannot collide with declared ones.
 * - Rows (rows_build) are the rows of the CSV calendar of section 9, sorted
 *   by inicio, then hora_inicio (none first), then kind (RowKind order),
 *   then id, then model order.
 */
#ifndef RUTA_CSV_ROWS_H
#define RUTA_CSV_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "strbuf.h"

/* Ids of the seguimientos, acuerdos and nudos (see above). */
typedef struct RowsIndex {
    const char **seg_ids;        /* parallel to Model.seguimientos */
    const char **acuerdo_ids;    /* parallel to Model.acuerdos: `id:` or generated */
    const char **nudo_ids;       /* parallel to Model.nudos */
} RowsIndex;

/* Row kinds, in their sort order (section 9 and 11). */
typedef enum RowKind {
    ROW_ACCION,       /* an action over its fechas in force */
    ROW_HITO,         /* a hito on its date (and time) */
    ROW_SEGUIMIENTO,  /* a monitoring record on its date */
    ROW_ACUERDO,      /* an acuerdo with a plazo: record date .. plazo */
    ROW_FERIADO,      /* --with-calendar: a holiday of the plan's calendar */
    ROW_VACACIONES    /* --with-calendar: a school break */
} RowKind;

/* 40 bytes: a big plan has a row per action, hito and record. The texts
 * of a row (titulo, capacidad, responsable, lugar) are read from the
 * object it stands for, through rows_titulo() and the others. That object
 * is one of the union's, the one its kind names: read only that one. */
typedef struct Row {
    RowKind kind;
    int inicio, fin;             /* day numbers, fin >= inicio except for an
                                    acuerdo whose plazo precedes its record */
    int hora_inicio, hora_fin;   /* minutes after midnight, -1 when none */
    uint32_t order;              /* position before sorting (last tie-break) */
    const char *id;              /* "" for feriado and vacaciones */
    union {
        const MAccion *accion;   /* ROW_ACCION */
        const MHito *hito;       /* ROW_HITO */
        const MSeguimiento *seg; /* ROW_SEGUIMIENTO */
        const MRecord *acuerdo;  /* ROW_ACUERDO */
        const MCalDay *dia;      /* ROW_FERIADO, ROW_VACACIONES */
    };
} Row;

/* The texts of a row's CSV columns, "" when it has none. */
const char *rows_titulo(const Row *r);
const char *rows_capacidad(const Row *r);   /* the capacity's id */
const char *rows_responsable(const Row *r); /* display name */
const char *rows_lugar(const Row *r);

typedef struct RowList {
    Row *items;
    size_t n;
} RowList;

RowsIndex rows_index_build(Arena *a, const Model *m);
/* The generated id of a seguimiento of the model. */
const char *rows_seg_id(const RowsIndex *ix, const Model *m, const MSeguimiento *s);
/* The id of an acuerdo or nudo of the model (its `id:` or a generated one). */
const char *rows_record_id(const RowsIndex *ix, const Model *m, const MRecord *r);

/* Rows of every action, hito, seguimiento and acuerdo with a plazo; with
 * `with_calendar`, also the feriados and vacaciones of the plan's calendar
 * that overlap its periodo. */
RowList rows_build(Arena *a, const Model *m, const RowsIndex *ix, bool with_calendar);

/* The CSV `tipo` of a row kind: "accion", "hito"... */
const char *rows_kind_name(RowKind k);

/* Appends the `detalle` of a row: its parts joined by `sep` (see
 * docs/calendars.md). */
void rows_detalle(StrBuf *out, const Row *r, const Model *m, int as_of, const char *sep);

/* Where a hito ends. Timed: start + duracion (may cross midnight), or
 * *min = -1 when it has no duracion. All-day: the last day it covers
 * (duracion rounded up to whole days, at least one) and *min = -1. */
void rows_hito_end(const MHito *h, int *day, int *min);

/* State of an acuerdo as of as-of: "cumplido", "vencido" (plazo before
 * as-of, not closed) or "pendiente"; of a nudo: "resuelto" or "abierto".
 * (The model closes records only by seguimientos on or before as-of.) */
const char *rows_record_state(const MRecord *r, int as_of);

/* "HH:MM" of minutes after midnight (0..1439). */
void rows_hhmm(int minutes, char out[6]);
/* Shortest decimal that reads back as v ("12", "12.5"). */
void rows_number(StrBuf *out, double v);
/* A measure as written: "35%", "12", "16 conversaciones". */
void rows_measure(StrBuf *out, const MMeasure *v);

#endif
