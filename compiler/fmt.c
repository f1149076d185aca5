/* fmt.c - not built yet: the command exits 2 saying so. */
#include "fmt.h"

#include <stdio.h>

int fmt_run(DriverEnv *env)
{
    (void)env;
    fprintf(stderr, "ruta: error: el comando 'fmt' aún no está disponible en esta versión\n");
    return 2;
}
