/* backend_ics.c - not built yet: the command exits 2 saying so. */
#include <stdio.h>

#include "backends.h"

int backend_ics(const BackendCtx *ctx, StrBuf *out)
{
    (void)ctx;
    (void)out;
    fprintf(stderr, "ruta: error: el comando 'ics' aún no está disponible en esta versión\n");
    return 2;
}
