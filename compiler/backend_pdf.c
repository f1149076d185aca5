/* backend_pdf.c - not built yet: the command exits 2 saying so. */
#include <stdio.h>

#include "backends.h"

int backend_pdf(const BackendCtx *ctx, StrBuf *out)
{
    (void)ctx;
    (void)out;
    fprintf(stderr, "ruta: error: el comando 'pdf' aún no está disponible en esta versión\n");
    return 2;
}
