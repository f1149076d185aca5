/* progress.c - elapsed share, latest avance and state of an action. */
#include "progress.h"

Progress progress_of(const MAccion *a, int as_of)
{
    Progress p = { 0, false, 0, NULL, STATE_EN_CURSO };
    int total = a->fin - a->inicio + 1;
    if (as_of < a->inicio || total <= 0)
        p.expected = 0;
    else if (as_of >= a->fin)
        p.expected = 100;
    else
        p.expected = 100.0 * (as_of - a->inicio + 1) / total;
    p.latest = model_latest_avance(a, as_of);
    if (p.latest) {
        p.has_avance = true;
        p.avance = p.latest->percent;
    }
    if (p.avance >= 100)
        p.state = STATE_TERMINADA;
    else if (as_of < a->inicio)
        p.state = STATE_NO_INICIADA;
    else if (as_of > a->fin)
        p.state = STATE_VENCIDA;
    else if (p.avance < p.expected - PROGRESS_BEHIND_POINTS)
        p.state = STATE_ATRASADA;
    else
        p.state = STATE_EN_CURSO;
    return p;
}

const char *progress_state_label(ActionState s)
{
    switch (s) {
    case STATE_NO_INICIADA: return "no iniciada";
    case STATE_EN_CURSO: return "en curso";
    case STATE_ATRASADA: return "atrasada";
    case STATE_TERMINADA: return "terminada";
    case STATE_VENCIDA: return "vencida";
    }
    return "";
}

const char *progress_state_id(ActionState s)
{
    switch (s) {
    case STATE_NO_INICIADA: return "no_iniciada";
    case STATE_EN_CURSO: return "en_curso";
    case STATE_ATRASADA: return "atrasada";
    case STATE_TERMINADA: return "terminada";
    case STATE_VENCIDA: return "vencida";
    }
    return "";
}
