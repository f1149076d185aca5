/* status.c - the progress table of `ruta status`. */
#include "status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "progress.h"
#include "utf8.h"

enum { MAX_COLS = 6 };

/* A table of strings, printed with columns padded to their widest cell. */
typedef struct Table {
    int ncols;
    bool right[MAX_COLS];   /* right-aligned column */
    char **cells;           /* row-major, heap strings */
    size_t nrows, cap;
} Table;

static void table_row(Table *t, const char *const *cols)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = realloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
        if (!t->cells)
            abort();
    }
    for (int i = 0; i < t->ncols; i++) {
        size_t n = strlen(cols[i]);
        char *s = malloc(n + 1);
        if (!s)
            abort();
        memcpy(s, cols[i], n + 1);
        t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = s;
    }
    t->nrows++;
}

static void table_print(Table *t, StrBuf *out)
{
    size_t width[MAX_COLS] = { 0 };
    for (size_t r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->ncols; i++) {
            const char *s = t->cells[r * (size_t)t->ncols + (size_t)i];
            size_t w = utf8_count(s, strlen(s));
            if (w > width[i])
                width[i] = w;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        StrBuf line;
        strbuf_init(&line);
        for (int i = 0; i < t->ncols; i++) {
            const char *s = t->cells[r * (size_t)t->ncols + (size_t)i];
            size_t pad = width[i] - utf8_count(s, strlen(s));
            if (i)
                strbuf_puts(&line, "  ");
            if (t->right[i])
                strbuf_repeat(&line, ' ', pad);
            strbuf_puts(&line, s);
            if (!t->right[i] && i + 1 < t->ncols)
                strbuf_repeat(&line, ' ', pad);
        }
        while (line.len && line.data[line.len - 1] == ' ')
            line.data[--line.len] = '\0';
        strbuf_puts(out, strbuf_cstr(&line));
        strbuf_putc(out, '\n');
        strbuf_free(&line);
        if (r == 0) {
            size_t total = 0;
            for (int i = 0; i < t->ncols; i++)
                total += width[i] + (i ? 2 : 0);
            strbuf_repeat(out, '-', total);
            strbuf_putc(out, '\n');
        }
    }
    for (size_t k = 0; k < t->nrows * (size_t)t->ncols; k++)
        free(t->cells[k]);
    free(t->cells);
}

static void fmt_date(int day, char out[11])
{
    date_format(day, out);
}

static void fmt_percent(double v, char *out, size_t n)
{
    snprintf(out, n, "%.0f%%", floor(v + 0.5));
}

static void fmt_measure(const MMeasure *x, char *out, size_t n)
{
    if (!x->present)
        snprintf(out, n, "—");
    else if (x->kind == VAL_PERCENT)
        snprintf(out, n, "%g%%", x->value);
    else if (x->kind == VAL_QUANTITY)
        snprintf(out, n, "%g %s", x->value, x->unit);
    else
        snprintf(out, n, "%g", x->value);
}

static void actions_table(const Model *m, StrBuf *out)
{
    Table t = { .ncols = 5, .right = { false, false, true, true, false } };
    const char *head[] = { "acción", "fechas", "esperado", "avance", "estado" };
    table_row(&t, head);
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *a = m->acciones[i];
        Progress p = progress_of(a, m->as_of);
        char from[11], to[11], fechas[40], exp[16], av[16];
        fmt_date(a->inicio, from);
        fmt_date(a->fin, to);
        snprintf(fechas, sizeof fechas, "%s .. %s%s", from, to, a->ajustada ? " (ajustada)" : "");
        fmt_percent(p.expected, exp, sizeof exp);
        if (p.has_avance)
            fmt_percent(p.avance, av, sizeof av);
        else
            snprintf(av, sizeof av, "—");
        const char *row[] = { a->id, fechas, exp, av, progress_state_label(p.state) };
        table_row(&t, row);
    }
    table_print(&t, out);
}

static void indicators_table(const Model *m, StrBuf *out)
{
    Table t = { .ncols = 5, .right = { false, true, true, true, true } };
    const char *head[] = { "indicador", "línea base", "última medición", "meta", "hacia la meta" };
    table_row(&t, head);
    for (size_t i = 0; i < m->nindicadores; i++) {
        const MIndicador *x = m->indicadores[i];
        const MMedicion *last = model_latest_medicion(x, m->as_of);
        char base[48], med[64], meta[48], share[16];
        fmt_measure(&x->linea_base, base, sizeof base);
        fmt_measure(&x->meta, meta, sizeof meta);
        snprintf(share, sizeof share, "—");
        if (last) {
            char when[11];
            fmt_measure(&last->value, med, sizeof med - 14);
            fmt_date(last->seg->fecha, when);
            size_t n = strlen(med);
            snprintf(med + n, sizeof med - n, " (%s)", when);
            double b = x->linea_base.present ? x->linea_base.value : 0;
            double span = x->meta.value - b;
            if (span != 0)
                fmt_percent(100.0 * (last->value.value - b) / span, share, sizeof share);
        } else {
            snprintf(med, sizeof med, "sin medición");
        }
        const char *row[] = { x->id, base, med, meta, share };
        table_row(&t, row);
    }
    table_print(&t, out);
}

static const char *record_label(const MRecord *r)
{
    return r->id ? r->id : r->texto;
}

/* Acuerdos not closed by a cumplido, and nudos not resolved, as of the
 * as-of date (records made after it are not listed). */
static void records_table(const Model *m, StrBuf *out)
{
    Table t = { .ncols = 4, .right = { false, false, false, false } };
    const char *head[] = { "registro", "acción", "desde", "estado" };
    table_row(&t, head);
    size_t rows = 0;
    for (int pass = 0; pass < 2; pass++) {
        const MRecord *list = pass == 0 ? m->acuerdos : m->nudos;
        size_t n = pass == 0 ? m->nacuerdos : m->nnudos;
        for (size_t i = 0; i < n; i++) {
            const MRecord *r = &list[i];
            if (r->cierre || r->seg->fecha > m->as_of)
                continue;
            char since[11], plazo[11], state[64];
            fmt_date(r->seg->fecha, since);
            if (pass == 1) {
                snprintf(state, sizeof state, "abierto");
            } else if (r->plazo != MODEL_NO_DAY) {
                fmt_date(r->plazo, plazo);
                if (r->plazo < m->as_of)
                    snprintf(state, sizeof state, "plazo vencido (%s)", plazo);
                else
                    snprintf(state, sizeof state, "pendiente (plazo %s)", plazo);
            } else {
                snprintf(state, sizeof state, "pendiente");
            }
            char label[96];
            snprintf(label, sizeof label, "%s %.80s", pass == 0 ? "acuerdo" : "nudo", record_label(r));
            const char *row[] = { label, r->accion ? r->accion->id : "—", since, state };
            table_row(&t, row);
            rows++;
        }
    }
    if (rows)
        table_print(&t, out);
    else {
        strbuf_puts(out, "(no hay acuerdos pendientes ni nudos abiertos)\n");
        for (size_t k = 0; k < t.nrows * (size_t)t.ncols; k++)
            free(t.cells[k]);
        free(t.cells);
    }
}

void status_render(const Model *m, StrBuf *out)
{
    char asof[11];
    fmt_date(m->as_of, asof);
    if (m->plan) {
        strbuf_printf(out, "%s", m->plan->titulo);
        if (m->plan->establecimiento)
            strbuf_printf(out, " — %s", m->plan->establecimiento);
        strbuf_putc(out, '\n');
    }
    strbuf_printf(out, "Estado al %s\n\n", asof);
    strbuf_puts(out, "Acciones\n\n");
    if (m->nacciones)
        actions_table(m, out);
    else
        strbuf_puts(out, "(el plan no tiene acciones)\n");
    strbuf_puts(out, "\nIndicadores\n\n");
    if (m->nindicadores)
        indicators_table(m, out);
    else
        strbuf_puts(out, "(el plan no tiene indicadores)\n");
    strbuf_puts(out, "\nAcuerdos pendientes y nudos abiertos\n\n");
    records_table(m, out);
}
