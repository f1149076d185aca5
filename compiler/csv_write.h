/* csv_write.h - RFC 4180 records.
 *
 * Contract: appends to a caller's StrBuf; a field is quoted when it holds
 * the separator, a double quote, CR or LF, with quotes doubled; every
 * record ends with CRLF. Fields are UTF-8, written as they are.
 */
#ifndef RUTA_CSV_WRITE_H
#define RUTA_CSV_WRITE_H

#include <stddef.h>

#include "strbuf.h"

void csv_write_field(StrBuf *out, const char *s, size_t n, char sep);
void csv_write_row(StrBuf *out, const char *const *fields, size_t nfields, char sep);

#endif
