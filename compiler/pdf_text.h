/* pdf_text.h - Spanish wording of values for the PDF report.
 *
 * Contract: pure formatting, no libharu. Every function appends UTF-8 text
 * to a caller's StrBuf (never a NUL-terminated copy of its own) or returns a
 * string in the caller's Arena; nothing is printed. Dates are day numbers
 * (date.h); money keeps its unit (CLP as "$1.200.000", UF as "2,5 UF");
 * numbers use the Chilean convention: dot for thousands, comma for decimals.
 */
#ifndef RUTA_PDF_TEXT_H
#define RUTA_PDF_TEXT_H

#include <stdbool.h>

#include "arena.h"
#include "model.h"
#include "strbuf.h"

/* A forced line break inside a paragraph or table cell (U+2028 LINE
 * SEPARATOR): pdf_layout breaks the line there and never prints it. */
#define PDF_BR "\xe2\x80\xa8"

/* "14 de mayo de 2026" */
void pdf_fmt_date_long(StrBuf *b, int day);
/* "14/05/2026" */
void pdf_fmt_date_short(StrBuf *b, int day);
/* "16/03/2026 – 27/03/2026" (a no-break space before the dash) */
void pdf_fmt_range(StrBuf *b, int from, int to);
/* "15:30", or "15:30–17:00" with a duration (minutes; -1 none). */
void pdf_fmt_time(StrBuf *b, int minutes, int duration);
/* "1.044", "12,5" (at most two decimals, trailing zeros dropped). */
void pdf_fmt_number(StrBuf *b, double v);
/* "$150.000" or "2,5 UF". */
void pdf_fmt_money(StrBuf *b, const MMoney *m);
/* "35%", "12", "16 conversaciones"; `unidad` (may be NULL) follows a bare
 * number. */
void pdf_fmt_measure(StrBuf *b, const MMeasure *v, const char *unidad);
/* Spanish month name (1..12), full ("mayo") or short ("may"). */
const char *pdf_month_name(int month, bool abbreviated);
/* The text with its first letter in capitals (Spanish letters included). */
const char *pdf_capitalize(Arena *a, const char *s);
/* Arena copy of a StrBuf's contents; the buffer is cleared. */
const char *pdf_take(Arena *a, StrBuf *b);

#endif
