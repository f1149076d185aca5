/* status.h - `ruta status`: a Spanish table of progress as of a date.
 *
 * Contract: status_render() appends to `out` a plain-text report (UTF-8,
 * columns aligned by code points, no colour, no tabs) of each action
 * (fechas, expected share, latest avance, state) and each indicator (línea
 * base, última medición, meta, share of the way to the meta), readable in
 * a terminal and in CI logs. Reads the model only.
 */
#ifndef RUTA_STATUS_H
#define RUTA_STATUS_H

#include "model.h"
#include "strbuf.h"

void status_render(const Model *m, StrBuf *out);

#endif
