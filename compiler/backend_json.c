/* backend_json.c - not built yet: the command exits 2 saying so. */
#include <stdio.h>

#include "backends.h"

int backend_json(const BackendCtx *ctx, StrBuf *out)
{
    (void)ctx;
    (void)out;
    fprintf(stderr, "ruta: error: el comando 'json' aún no está disponible en esta versión\n");
    return 2;
}
