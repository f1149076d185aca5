/* output.h - writing output files atomically.
 *
 * Contract: output_write() writes `len` bytes to a temporary file in the
 * destination's directory and renames it over `path`, so a failure never
 * leaves a partial file nor clobbers the previous one. "-" writes to
 * stdout. On failure it prints a Spanish message to stderr and returns
 * false (the caller exits 2).
 */
#ifndef RUTA_OUTPUT_H
#define RUTA_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

bool output_write(const char *path, const void *data, size_t len);

#endif
