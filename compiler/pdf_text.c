/* pdf_text.c - Spanish wording of dates, money and measures (pdf_text.h). */
#include "pdf_text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static const char *const MONTHS[12] = {
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
};

static const char *const MONTHS_SHORT[12] = {
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
};

const char *pdf_month_name(int month, bool abbreviated)
{
    if (month < 1 || month > 12)
        return "";
    return abbreviated ? MONTHS_SHORT[month - 1] : MONTHS[month - 1];
}

void pdf_fmt_date_long(StrBuf *b, int day)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    strbuf_printf(b, "%d de %s de %d", d, MONTHS[m - 1], y);
}

void pdf_fmt_date_short(StrBuf *b, int day)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    strbuf_printf(b, "%02d/%02d/%04d", d, m, y);
}

void pdf_fmt_range(StrBuf *b, int from, int to)
{
    pdf_fmt_date_short(b, from);
    strbuf_puts(b, "\xc2\xa0\xe2\x80\x93 "); /* no break before the dash */
    pdf_fmt_date_short(b, to);
}

void pdf_fmt_time(StrBuf *b, int minutes, int duration)
{
    if (minutes < 0)
        return;
    strbuf_printf(b, "%02d:%02d", minutes / 60, minutes % 60);
    if (duration > 0) {
        int end = minutes + duration;
        if (end >= 24 * 60)
            end = 24 * 60 - 1;
        strbuf_printf(b, "\xe2\x80\x93%02d:%02d", end / 60, end % 60);
    }
}

/* Integer part with dots every three digits. */
static void put_grouped(StrBuf *b, unsigned long long v)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", v);
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            strbuf_putc(b, '.');
        strbuf_putc(b, digits[i]);
    }
}

void pdf_fmt_number(StrBuf *b, double v)
{
    if (!isfinite(v)) {
        strbuf_puts(b, "\xe2\x80\x94");
        return;
    }
    if (v < 0) {
        strbuf_putc(b, '-');
        v = -v;
    }
    double r = floor(v * 100.0 + 0.5);
    if (r > 9e17)
        r = 9e17;
    unsigned long long cents = (unsigned long long)r;
    put_grouped(b, cents / 100);
    unsigned frac = (unsigned)(cents % 100);
    if (frac) {
        if (frac % 10 == 0)
            strbuf_printf(b, ",%u", frac / 10);
        else
            strbuf_printf(b, ",%02u", frac);
    }
}

void pdf_fmt_money(StrBuf *b, const MMoney *m)
{
    if (!m->present) {
        strbuf_puts(b, "\xe2\x80\x94");
        return;
    }
    if (m->unit == MONEY_UF) {
        pdf_fmt_number(b, m->amount);
        strbuf_puts(b, " UF");
        return;
    }
    strbuf_putc(b, '$');
    pdf_fmt_number(b, floor(m->amount + 0.5));
}

void pdf_fmt_measure(StrBuf *b, const MMeasure *v, const char *unidad)
{
    if (!v->present) {
        strbuf_puts(b, "\xe2\x80\x94");
        return;
    }
    pdf_fmt_number(b, v->value);
    if (v->kind == VAL_PERCENT)
        strbuf_putc(b, '%');
    else if (v->kind == VAL_QUANTITY && v->unit)
        strbuf_printf(b, " %s", v->unit);
    else if (unidad && *unidad)
        strbuf_printf(b, " %s", unidad);
}

/* Lower-case Spanish letters in UTF-8 (second byte after 0xC3) and their
 * capitals. */
static const unsigned char LOWER_C3[] = { 0xA1, 0xA9, 0xAD, 0xB3, 0xBA, 0xB1, 0xBC };
static const unsigned char UPPER_C3[] = { 0x81, 0x89, 0x8D, 0x93, 0x9A, 0x91, 0x9C };

const char *pdf_capitalize(Arena *a, const char *s)
{
    char *out = arena_strdup(a, s ? s : "");
    unsigned char *p = (unsigned char *)out;
    if (p[0] >= 'a' && p[0] <= 'z') {
        p[0] = (unsigned char)(p[0] - 'a' + 'A');
    } else if (p[0] == 0xC3 && p[1]) {
        for (size_t i = 0; i < sizeof LOWER_C3; i++)
            if (p[1] == LOWER_C3[i])
                p[1] = UPPER_C3[i];
    }
    return out;
}

const char *pdf_take(Arena *a, StrBuf *b)
{
    const char *s = arena_strndup(a, b->data ? b->data : "", b->len);
    strbuf_clear(b);
    return s;
}
