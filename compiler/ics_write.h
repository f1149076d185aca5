/* ics_write.h - iCalendar (RFC 5545) content lines: TEXT escaping and
 * folding, and the VTIMEZONE of Chile's civil time (docs/calendars.md).
 *
 * Contract: every function appends to a StrBuf owned by the caller; input
 * strings are UTF-8. A content line is written as "NAME[;PARAMS]:VALUE"
 * folded so that no physical line exceeds 75 octets (CRLF excluded): a
 * continuation line starts with one space and a fold never falls inside a
 * UTF-8 sequence. Every line ends with CRLF. Pure, no global state.
 */
#ifndef RUTA_ICS_WRITE_H
#define RUTA_ICS_WRITE_H

#include <stddef.h>

#include "strbuf.h"

enum { ICS_MAX_OCTETS = 75 };

/* The TZID of every timed event Ruta writes. */
#define ICS_TZID "America/Santiago"

/* Appends s escaped as an RFC 5545 TEXT value: backslash, ';' and ',' get
 * a backslash, a line break (LF, CR or CRLF) becomes "\n", and control
 * characters other than TAB are dropped (TEXT may not hold them). */
void ics_escape_text(StrBuf *out, const char *s);

/* Appends line[0..n) (no line break inside) folded, then CRLF. */
void ics_fold(StrBuf *out, const char *line, size_t n);

/* "NAME:VALUE" with VALUE written as is (dates, UIDs, enumerations). */
void ics_prop(StrBuf *out, const char *name, const char *value);
/* "NAME:TEXT" with the text escaped. */
void ics_prop_text(StrBuf *out, const char *name, const char *text);

/* Appends the VTIMEZONE component of ICS_TZID (the rule in force since
 * 2023: UTC-3 from the Sunday on or after 2 September to the Sunday on or
 * after 2 April, else UTC-4). */
void ics_vtimezone(StrBuf *out);

#endif
