/* version.h - the version of the Ruta language and compiler. */
#ifndef RUTA_VERSION_H
#define RUTA_VERSION_H
#define RUTA_VERSION "0.1.0"
#endif
