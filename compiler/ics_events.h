/* ics_events.h - the components of a plan in an iCalendar file.
 *
 * Contract: appends RFC 5545 text to a caller's StrBuf (lines folded, CRLF).
 * ics_begin_calendar writes the VCALENDAR header and the America/Santiago
 * VTIMEZONE; ics_write_plan writes the VEVENTs (actions, hitos,
 * seguimientos) and VTODOs (acuerdos with a plazo) of one plan, in the
 * order of its CSV rows, with UIDs "ID@DOMAIN.ruta" and DTSTAMP from
 * `epoch`. `kinds` selects row kinds (bits 1 << RowKind); `prefix`, when
 * given, starts every SUMMARY ("Escuela X: ..."); `sink`, when not NULL,
 * gets `out` after each component (output_flush(), backends.h). Allocates
 * in `a`.
 */
#ifndef RUTA_ICS_EVENTS_H
#define RUTA_ICS_EVENTS_H

#include "arena.h"
#include "csv_rows.h"
#include "model.h"
#include "output.h"
#include "strbuf.h"

#define ICS_ALL (~0u)
#define ICS_HITOS (1u << ROW_HITO)

void ics_begin_calendar(StrBuf *out, const char *name);
void ics_end_calendar(StrBuf *out);
void ics_write_plan(StrBuf *out, Arena *a, const Model *m, int as_of, long long epoch, const char *uid_domain,
                    unsigned kinds, const char *prefix, OutFile *sink);

#endif
