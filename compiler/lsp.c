/* lsp.c - not built yet: the command exits 2 saying so. */
#include "lsp.h"

#include <stdio.h>

int lsp_run(DriverEnv *env)
{
    (void)env;
    fprintf(stderr, "ruta: error: el comando 'lsp' aún no está disponible en esta versión\n");
    return 2;
}
