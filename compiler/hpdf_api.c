/* hpdf_api.c - libharu through dlopen. */
#include "hpdf_api.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* The memcpy below relies on it (POSIX requires it of dlsym). */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "function and data pointers differ in size");

#ifndef RUTA_HPDF_SONAME
#define RUTA_HPDF_SONAME "libhpdf-2.3.0.so" /* Debian 12 (Makefile: from the linker) */
#endif

static void missing(const char *what)
{
    const char *why = dlerror();
    fprintf(stderr, "ruta: error: no se pudo cargar la biblioteca libharu (%s): %s\n", what, why ? why : "");
    fputs("ayuda: el informe PDF necesita libharu; en Debian, instale el paquete libhpdf-dev (make deps)\n",
          stderr);
}

bool hpdf_api_open(HpdfApi *api)
{
    memset(api, 0, sizeof *api);
    api->handle = dlopen(RUTA_HPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!api->handle) {
        missing(RUTA_HPDF_SONAME);
        return false;
    }
    /* A data pointer is copied into a function pointer with memcpy: ISO C
     * has no conversion between the two, POSIX guarantees they agree. */
#define HPDF_API_FN(name)                                                                          \
    do {                                                                                           \
        void *sym = dlsym(api->handle, #name);                                                     \
        if (!sym) {                                                                                \
            missing(#name);                                                                        \
            hpdf_api_close(api);                                                                   \
            return false;                                                                          \
        }                                                                                          \
        memcpy(&api->name, &sym, sizeof api->name);                                                \
    } while (0);
#include "hpdf_api.def"
#undef HPDF_API_FN
    return true;
}

void hpdf_api_close(HpdfApi *api)
{
    if (api->handle)
        dlclose(api->handle);
    memset(api, 0, sizeof *api);
}
