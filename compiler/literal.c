/* literal.c - number, money, date, time and string literal decoding. */
#include "literal.h"

#include <string.h>

#include "date.h"

bool literal_number(const char *s, size_t n, double *out)
{
    double v = 0, scale = 1;
    bool fraction = false; /* after the point (scale may underflow to 0) */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '_')
            continue;
        if (c == '.') {
            fraction = true;
            continue;
        }
        if (c < '0' || c > '9')
            return false;
        if (fraction) {
            scale /= 10;
            v += (c - '0') * scale;
        } else {
            v = v * 10 + (c - '0');
            if (v > LITERAL_MAX_NUMBER)
                return false;
        }
    }
    *out = v;
    return true;
}

LiteralMoney literal_money(const char *s, size_t n, double *out)
{
    if (n < 2 || s[0] != '$')
        return LITERAL_MONEY_BAD;
    s++;
    n--;
    const char *dot = memchr(s, '.', n);
    if (dot) {
        /* Thousands groups: 1 to 3 digits, then groups of exactly 3. */
        size_t first = (size_t)(dot - s);
        if (first < 1 || first > 3)
            return LITERAL_MONEY_BAD;
        size_t i = first;
        while (i < n) {
            if (s[i] != '.' || i + 4 > n)
                return LITERAL_MONEY_BAD;
            for (size_t k = 1; k <= 3; k++)
                if (s[i + k] < '0' || s[i + k] > '9')
                    return LITERAL_MONEY_BAD;
            i += 4;
        }
    }
    double v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            continue;
        if (s[i] < '0' || s[i] > '9')
            return LITERAL_MONEY_BAD;
        v = v * 10 + (s[i] - '0');
    }
    /* Well formed: only now can it be called too large (once past 10^15 the
     * sum is no longer exact, but it stays above the limit). */
    if (v > LITERAL_MAX_NUMBER)
        return LITERAL_MONEY_TOO_LARGE;
    *out = v;
    return LITERAL_MONEY_OK;
}

bool literal_time(const char *s, size_t n, int *minutes)
{
    const char *colon = memchr(s, ':', n);
    if (!colon || colon == s || (size_t)(colon - s) > 2 || s + n - colon != 3)
        return false;
    int h = 0;
    for (const char *p = s; p < colon; p++) {
        if (*p < '0' || *p > '9')
            return false;
        h = h * 10 + (*p - '0');
    }
    if (colon[1] < '0' || colon[1] > '9' || colon[2] < '0' || colon[2] > '9')
        return false;
    int m = (colon[1] - '0') * 10 + (colon[2] - '0');
    if (h > 23 || m > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int literal_date(const char *s, size_t n, int *days)
{
    if (n != 10)
        return 1;
    int y = digits_value(s, 4), m = digits_value(s + 5, 2), d = digits_value(s + 8, 2);
    if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
        return 2;
    return date_from_ymd(y, m, d, days) ? 0 : 1;
}

bool literal_date_hint(const char *s, size_t n, char iso[11])
{
    const char *parts[3];
    size_t lens[3];
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= n && k < 3; i++) {
        if (i == n || s[i] == '-' || s[i] == '/' || s[i] == '.') {
            parts[k] = s + start;
            lens[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    if (k != 3)
        return false;
    int y, m, d;
    if (lens[0] == 4) {
        y = digits_value(parts[0], 4);
        m = digits_value(parts[1], lens[1]);
        d = digits_value(parts[2], lens[2]);
    } else if (lens[2] == 4) {
        /* Chilean order: day, month, year. */
        d = digits_value(parts[0], lens[0]);
        m = digits_value(parts[1], lens[1]);
        y = digits_value(parts[2], 4);
    } else {
        return false;
    }
    int days;
    if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || !date_from_ymd(y, m, d, &days))
        return false;
    date_format(days, iso);
    return true;
}

char *literal_unescape(Arena *a, const char *s, size_t n, size_t bad[], size_t *nbad)
{
    *nbad = 0;
    /* s includes the opening quote and, when terminated, the closing one. */
    size_t begin = 1, end = n;
    if (n >= 2 && s[n - 1] == '"') {
        /* The closing quote is the last byte unless it is escaped. */
        size_t backslashes = 0;
        for (size_t i = n - 1; i > 1 && s[i - 1] == '\\'; i--)
            backslashes++;
        if (backslashes % 2 == 0)
            end = n - 1;
    }
    char *out = arena_alloc(a, end - begin + 1);
    /* Most strings have no escape: one copy. */
    const char *esc = memchr(s + begin, '\\', end - begin);
    size_t o = esc ? (size_t)(esc - (s + begin)) : end - begin;
    memcpy(out, s + begin, o);
    if (!esc) {
        out[o] = '\0';
        return out;
    }
    for (size_t i = begin + o; i < end; i++) {
        if (s[i] != '\\' || i + 1 >= end) {
            out[o++] = s[i];
            continue;
        }
        char c = s[i + 1];
        switch (c) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        default:
            if (*nbad < LITERAL_MAX_BAD_ESCAPES)
                bad[(*nbad)++] = i;
            out[o++] = '\\';
            out[o++] = c;
        }
        i++;
    }
    out[o] = '\0';
    return out;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

char *literal_dedent(Arena *a, const char *s, size_t n)
{
    /* A CR is no part of a text block (CRLF files; docs/decisions.md):
     * the text loses every CR before anything else, so that one among a
     * line's leading blanks does not hide its indentation (F21,
     * docs/performance.md 4.4). */
    if (memchr(s, '\r', n)) {
        char *t = arena_alloc(a, n + 1);
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] != '\r')
                t[m++] = s[i];
        s = t;
        n = m;
    }
    /* A line break right after the opening quotes is dropped. */
    if (n && s[0] == '\n') {
        s++;
        n--;
    }
    /* When the closing quotes stand alone on their line, that line goes. */
    size_t last_nl = n;
    for (size_t i = n; i > 0; i--)
        if (s[i - 1] == '\n') {
            last_nl = i - 1;
            break;
        }
    if (last_nl < n) {
        bool blank = true;
        for (size_t i = last_nl + 1; i < n; i++)
            if (!is_blank(s[i]))
                blank = false;
        if (blank)
            n = last_nl;
    }
    /* Common indentation of the non-blank lines. Lines are found with
     * memchr and copied with memcpy: a big plan has thousands of text
     * blocks (docs/performance.md 3.11). */
    const char *end = s + n;
    size_t common = (size_t)-1;
    for (const char *line = s; line < end;) {
        const char *p = line;
        while (p < end && is_blank(*p))
            p++;
        if (p < end && *p != '\n' && (size_t)(p - line) < common)
            common = (size_t)(p - line);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        line = nl ? nl + 1 : end;
    }
    if (common == (size_t)-1)
        common = 0;
    char *out = arena_alloc(a, n + 1);
    size_t o = 0;
    for (const char *line = s; line < end;) {
        for (size_t skip = 0; skip < common && line < end && is_blank(*line); skip++)
            line++;
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        size_t len = (size_t)(stop - line);
        memcpy(out + o, line, len);
        o += len;
        if (nl)
            out[o++] = '\n';
        line = nl ? nl + 1 : end;
    }
    out[o] = '\0';
    return out;
}
