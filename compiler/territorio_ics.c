/* territorio_ics.c - every hito of the territory in one calendar. */
#include <stdio.h>

#include "territorio_out.h"

int territory_ics(const TerritoryCtx *t, StrBuf *out)
{
    (void)t;
    (void)out;
    fprintf(stderr, "ruta: error: --ics de 'territorio' aún no está disponible en esta versión\n");
    return 2;
}

int territory_pdf(const TerritoryCtx *t, StrBuf *out)
{
    (void)t;
    (void)out;
    fprintf(stderr, "ruta: error: --pdf de 'territorio' aún no está disponible en esta versión\n");
    return 2;
}
