/* progress.h - progress of an action as of a date (shared by the W403/W404
 * checks, `ruta status`, JSON and the PDF report).
 *
 * Rules (docs/checks.md states them for users):
 * - The share of the fechas elapsed counts whole days, both ends included:
 *   elapsed = (as_of - inicio + 1) / (fin - inicio + 1), clamped to 0..100%.
 *   Before inicio it is 0%; from fin on it is 100%.
 * - The avance is the latest one recorded in a seguimiento dated on or
 *   before the as-of date (none: 0% and has_avance false).
 * - State: terminada when avance >= 100%; else no iniciada before inicio;
 *   else vencida after fin; else atrasada when the avance is more than 25
 *   points below the elapsed share (exactly 25 is not behind); else en curso.
 */
#ifndef RUTA_PROGRESS_H
#define RUTA_PROGRESS_H

#include <stdbool.h>

#include "model.h"

/* Points of delay beyond which an action is behind (W403). */
#define PROGRESS_BEHIND_POINTS 25.0

typedef enum ActionState {
    STATE_NO_INICIADA,
    STATE_EN_CURSO,
    STATE_ATRASADA,
    STATE_TERMINADA,
    STATE_VENCIDA
} ActionState;

typedef struct Progress {
    double expected;     /* share of the fechas elapsed, 0..100 */
    bool has_avance;     /* an avance was recorded by the as-of date */
    double avance;       /* latest avance, 0..100 (0 when none) */
    const MAvance *latest;
    ActionState state;
} Progress;

Progress progress_of(const MAccion *a, int as_of);
/* Spanish label: "no iniciada", "en curso", "atrasada", "terminada", "vencida". */
const char *progress_state_label(ActionState s);
/* Machine name for JSON: "no_iniciada", "en_curso"... */
const char *progress_state_id(ActionState s);

#endif
