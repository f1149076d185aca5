/* territorio_out.h - the consolidated outputs of `ruta territorio`.
 *
 * Contract: each writer reads the checked plans (in path order; modules and
 * unreadable files are skipped) and appends a whole document to `out`,
 * deterministic for the same inputs and as-of date. Returns 0, or 2 after
 * printing a Spanish message (a font that cannot be loaded).
 */
#ifndef RUTA_TERRITORIO_OUT_H
#define RUTA_TERRITORIO_OUT_H

#include "cli.h"
#include "compile.h"
#include "model.h"
#include "strbuf.h"

/* One file of the territory and the result of its check. */
typedef struct TerritoryPlan {
    const char *path;
    Compilation c;
    Model *model;          /* NULL when the plan has front-end errors */
    bool compiled;         /* c was initialised */
    bool unreadable;       /* the file could not be read */
    SourceError read_error;
    bool is_plan;          /* it declares a plan (else a module, skipped) */
    size_t errors, warnings; /* after the warning policy */
} TerritoryPlan;

typedef struct TerritoryCtx {
    const CliOptions *cli;
    TerritoryPlan *plans;
    size_t nplans;
    int as_of;
    long long epoch;       /* SOURCE_DATE_EPOCH, else the as-of date */
} TerritoryCtx;

/* The figures of one plan (or, added up, of the territory) as of the
 * as-of date; shared by the CSV and the PDF so that they always agree. */
typedef struct TerritoryFigures {
    size_t acciones, atrasadas, vencidas, sin_medicion;
    double weighted, days;     /* avance x duración, duración (days) */
    const MHito *next;         /* next monitoring meeting, or NULL */
    size_t next_plan;          /* whose (for the total) */
} TerritoryFigures;

/* Adds plan `plan`'s figures to f (zero it first). */
void territory_add_figures(TerritoryFigures *f, const Model *m, size_t plan, int as_of);
/* Order of monitoring meetings: date, time (untimed first), plan, source. */
int territory_compare_meetings(const MHito *a, size_t pa, const MHito *b, size_t pb);

/* One row per plan: archivo, establecimiento, rbd, territorio, periodo,
 * capacidades, acciones, acciones atrasadas, acciones vencidas, avance medio
 * ponderado por duración, indicadores sin medición, próxima reunión de
 * monitoreo, errores, advertencias. */
int territory_csv(const TerritoryCtx *t, StrBuf *out);
/* Every hito of every plan in one calendar; UIDs unique across plans. */
int territory_ics(const TerritoryCtx *t, StrBuf *out);
/* The territory report: schools, actions behind, the next eight weeks. */
int territory_pdf(const TerritoryCtx *t, StrBuf *out);

#endif
