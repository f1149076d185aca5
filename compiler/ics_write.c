/* ics_write.c - RFC 5545 TEXT escaping, 75-octet line folding and the
 * America/Santiago VTIMEZONE. */
#include "ics_write.h"

#include <string.h>

void ics_escape_text(StrBuf *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '\\': strbuf_puts(out, "\\\\"); break;
        case ';': strbuf_puts(out, "\\;"); break;
        case ',': strbuf_puts(out, "\\,"); break;
        case '\n': strbuf_puts(out, "\\n"); break;
        case '\r':
            strbuf_puts(out, "\\n");
            if (p[1] == '\n')
                p++;
            break;
        default:
            if ((*p >= 0x20 && *p != 0x7F) || *p == '\t')
                strbuf_putc(out, (char)*p);
        }
    }
}

/* Is the byte a UTF-8 continuation byte (10xxxxxx)? */
static int is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

void ics_fold(StrBuf *out, const char *line, size_t n)
{
    size_t room = ICS_MAX_OCTETS; /* octets left on the first physical line */
    while (n > room) {
        size_t cut = room;
        /* Never split a character: back up to the start of its sequence. */
        while (cut > 0 && is_continuation((unsigned char)line[cut]))
            cut--;
        if (cut == 0)
            cut = room; /* not UTF-8 here; cannot happen for valid input */
        strbuf_append(out, line, cut);
        strbuf_puts(out, "\r\n ");
        line += cut;
        n -= cut;
        room = ICS_MAX_OCTETS - 1; /* the leading space counts */
    }
    strbuf_append(out, line, n);
    strbuf_puts(out, "\r\n");
}

static void prop(StrBuf *out, const char *name, const char *value, int text)
{
    StrBuf line;
    strbuf_init(&line);
    strbuf_puts(&line, name);
    strbuf_putc(&line, ':');
    if (text)
        ics_escape_text(&line, value);
    else
        strbuf_puts(&line, value);
    ics_fold(out, strbuf_cstr(&line), line.len);
    strbuf_free(&line);
}

void ics_prop(StrBuf *out, const char *name, const char *value)
{
    prop(out, name, value, 0);
}

void ics_prop_text(StrBuf *out, const char *name, const char *text)
{
    prop(out, name, text, 1);
}

/* Chile's civil time since 2023 (tzdata rule "Chile"): UTC-3 in summer;
 * summer time ends at 24:00 of the first Saturday of April (the Sunday on
 * or after the 2nd, 00:00 local summer time) and starts at 24:00 of the
 * first Saturday of September (the Sunday on or after the 2nd, 00:00 local
 * standard time). In 2026: 2026-04-05 and 2026-09-06. */
static const char *const VTIMEZONE[] = {
    "BEGIN:VTIMEZONE",
    "TZID:" ICS_TZID,
    "X-LIC-LOCATION:" ICS_TZID,
    "BEGIN:STANDARD",
    "TZOFFSETFROM:-0300",
    "TZOFFSETTO:-0400",
    "TZNAME:-04",
    "DTSTART:19700405T000000",
    "RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0300",
    "TZNAME:-03",
    "DTSTART:19700906T000000",
    "RRULE:FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
};

void ics_vtimezone(StrBuf *out)
{
    for (size_t i = 0; i < sizeof VTIMEZONE / sizeof VTIMEZONE[0]; i++) {
        strbuf_puts(out, VTIMEZONE[i]);
        strbuf_puts(out, "\r\n");
    }
}
