/* territorio_pdf.c - the territory report (not built yet). */
#include <stdio.h>

#include "territorio_out.h"

int territory_pdf(const TerritoryCtx *t, StrBuf *out)
{
    (void)t;
    (void)out;
    fprintf(stderr, "ruta: error: --pdf de 'territorio' aún no está disponible en esta versión\n");
    return 2;
}
