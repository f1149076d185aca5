/* pdf_gantt.c - the Gantt chart of the cronograma (pdf_gantt.h).
 *
 * Approach: the rows are built once (group, milestone and action rows, each
 * with its measured height). For each window of months the rows are cut
 * into pages; each page is drawn in layers: legend and month header, row
 * backgrounds, calendar shading and month grid, bars and diamonds, the
 * as-of line, then the labels.
 */
#include "pdf_gantt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pdf_text.h"
#include "progress.h"

static const PdfColor BAR_FILL = { 0.78f, 0.86f, 0.95f };
static const PdfColor BAR_DONE = { 0.06f, 0.41f, 0.71f };
static const PdfColor BAR_EDGE = { 0.20f, 0.45f, 0.70f };
static const PdfColor MONITOR = { 0.91f, 0.45f, 0.10f };
static const PdfColor MONITOR_LINE = { 0.96f, 0.70f, 0.50f };
static const PdfColor HITO = { 0.00f, 0.20f, 0.40f };
static const PdfColor FERIADO = { 0.99f, 0.87f, 0.66f };
static const PdfColor VACACIONES = { 0.84f, 0.93f, 0.87f };
static const PdfColor GROUP_BAND = { 0.87f, 0.91f, 0.96f };
static const PdfColor GRID = { 0.80f, 0.82f, 0.86f };

#define LABEL_SIZE 7.5f
#define PAD 3.0f
#define MIN_ROW 15.0f
#define BAR_H 7.0f
#define DIAMOND 4.2f
#define MIN_MONTH 34.0f
#define AVANCE_W 36.0f
#define YEAR_ROW 12.0f
#define MONTH_ROW 14.0f

typedef enum RowKind { ROW_GROUP, ROW_ACTION, ROW_MONITORING, ROW_OTHER_HITOS } RowKind;

typedef struct Row {
    RowKind kind;
    const char *label;
    const MAccion *accion;    /* ROW_ACTION */
    int group;                /* index of its group row */
    float h;                  /* height */
} Row;

typedef struct Gantt {
    PdfLayout *L;
    const Model *m;
    int as_of;
    Arena *arena;
    Row *rows;
    size_t nrows;
    /* the period, whole months */
    int d0, d1;               /* first and last day */
    int nmonths;
    /* geometry of the current page */
    float label_w;            /* label column */
    float tx0, tx1;           /* the timeline */
    int wd0, wd1;             /* days of the current window [wd0, wd1] */
    float ppd;                /* points per day */
} Gantt;

static PdfStyle label_style(bool bold)
{
    PdfStyle s = pdf_style(bold ? PDF_BOLD : PDF_REGULAR, LABEL_SIZE, bold ? PDF_NAVY : PDF_INK);
    s.leading = 9.0f;
    return s;
}

/* ---- the rows ------------------------------------------------------------- */

static int first_of_month(int day)
{
    int y, m, d, out;
    date_to_ymd(day, &y, &m, &d);
    date_from_ymd(y, m, 1, &out);
    return out;
}

static int last_of_month(int day)
{
    int y, m, d, out;
    date_to_ymd(day, &y, &m, &d);
    date_from_ymd(y, m, date_days_in_month(y, m), &out);
    return out;
}

static int month_index(int day)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    return y * 12 + (m - 1);
}

/* The span of the chart: the periodo, widened to every date it shows. */
static void find_period(Gantt *g)
{
    const Model *m = g->m;
    int lo = m->plan->inicio, hi = m->plan->fin;
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *a = m->acciones[i];
        int a0 = a->inicio < a->plan_inicio ? a->inicio : a->plan_inicio;
        int a1 = a->fin > a->plan_fin ? a->fin : a->plan_fin;
        lo = a0 < lo ? a0 : lo;
        hi = a1 > hi ? a1 : hi;
    }
    for (size_t i = 0; i < m->nhitos; i++) {
        lo = m->hitos[i]->fecha < lo ? m->hitos[i]->fecha : lo;
        hi = m->hitos[i]->fecha > hi ? m->hitos[i]->fecha : hi;
    }
    g->d0 = first_of_month(lo);
    g->d1 = last_of_month(hi);
    g->nmonths = month_index(g->d1) - month_index(g->d0) + 1;
}

static void add_row(Gantt *g, RowKind kind, const char *label, const MAccion *a, int group)
{
    g->rows[g->nrows++] = (Row){ kind, label, a, group, 0 };
}

static void build_rows(Gantt *g)
{
    const Model *m = g->m;
    size_t cap = 3 + m->ncapacidades + m->nacciones;
    g->rows = ARENA_NEW_ARRAY(g->arena, Row, cap);
    bool monit = false, other = false;
    for (size_t i = 0; i < m->nhitos; i++) {
        monit = monit || m->hitos[i]->monitoreo;
        other = other || (!m->hitos[i]->monitoreo && !m->hitos[i]->accion);
    }
    if (monit || other) {
        int grp = (int)g->nrows;
        add_row(g, ROW_GROUP, "Hitos del plan", NULL, grp);
        if (monit)
            add_row(g, ROW_MONITORING, "Reuniones de monitoreo", NULL, grp);
        if (other)
            add_row(g, ROW_OTHER_HITOS, "Otros hitos del plan", NULL, grp);
    }
    for (size_t c = 0; c < m->ncapacidades; c++) {
        const MCapacidad *cp = m->capacidades[c];
        int grp = (int)g->nrows;
        add_row(g, ROW_GROUP, cp->titulo, NULL, grp);
        for (size_t k = 0; k < cp->nacciones; k++)
            add_row(g, ROW_ACTION, cp->acciones[k]->titulo, cp->acciones[k], grp);
    }
}

/* Label lines of a row into L->lines; returns their number. */
static size_t wrap_label(Gantt *g, const Row *r, const char *label)
{
    PdfLayout *L = g->L;
    bool group = r->kind == ROW_GROUP;
    PdfStyle st = label_style(group || r->kind == ROW_MONITORING || r->kind == ROW_OTHER_HITOS);
    float width = (group ? g->label_w + AVANCE_W : g->label_w) - 2 * PAD;
    pdf_lines_clear(&L->lines);
    return pdf_wrap(L, &L->lines, &st, label, width);
}

static float row_height(Gantt *g, const Row *r, const char *label)
{
    float h = (float)wrap_label(g, r, label) * label_style(false).leading + 2 * PAD;
    return h < MIN_ROW ? MIN_ROW : h;
}

/* ---- geometry --------------------------------------------------------------- */

static void set_columns(Gantt *g)
{
    PdfLayout *L = g->L;
    float width = L->x1 - L->x0;
    g->label_w = width * 0.27f;
    g->tx0 = L->x0 + g->label_w + AVANCE_W;
    g->tx1 = L->x1;
}

/* Months per window so that each is at least MIN_MONTH wide. */
static int months_per_window(const Gantt *g)
{
    int fit = (int)((g->tx1 - g->tx0) / MIN_MONTH);
    if (fit < 1)
        fit = 1;
    if (g->nmonths <= fit)
        return g->nmonths;
    int windows = (g->nmonths + fit - 1) / fit;
    return (g->nmonths + windows - 1) / windows;
}

static int add_months(int day, int n)
{
    int y, m, d, out;
    date_to_ymd(day, &y, &m, &d);
    int idx = y * 12 + (m - 1) + n;
    date_from_ymd(idx / 12, idx % 12 + 1, 1, &out);
    return out;
}

static void set_window(Gantt *g, int first_month, int nmonths)
{
    g->wd0 = add_months(g->d0, first_month);
    int next = add_months(g->d0, first_month + nmonths);
    g->wd1 = next - 1 > g->d1 ? g->d1 : next - 1;
    g->ppd = (g->tx1 - g->tx0) / (float)(g->wd1 - g->wd0 + 1);
}

static float day_x(const Gantt *g, int day)
{
    if (day < g->wd0)
        day = g->wd0;
    if (day > g->wd1 + 1)
        day = g->wd1 + 1;
    return g->tx0 + (float)(day - g->wd0) * g->ppd;
}

static bool in_window(const Gantt *g, int day)
{
    return day >= g->wd0 && day <= g->wd1;
}

/* ---- legend and header ------------------------------------------------------ */

typedef enum Swatch { SW_BAR, SW_PLANNED, SW_HITO, SW_MONITOR, SW_FERIADO, SW_VACACIONES, SW_ASOF } Swatch;

/* The dashed outline of the planned fechas of an adjusted action. */
static void planned_outline(PdfLayout *L, float x0, float x1, float cy)
{
    float lo = cy - BAR_H / 2 - 1.5f, hi = cy + BAR_H / 2 + 1.5f;
    pdf_stroke_line(L, x0, lo, x1, lo, PDF_MUTED, 0.6f, true);
    pdf_stroke_line(L, x0, hi, x1, hi, PDF_MUTED, 0.6f, true);
    pdf_stroke_line(L, x0, lo, x0, hi, PDF_MUTED, 0.6f, true);
    pdf_stroke_line(L, x1, lo, x1, hi, PDF_MUTED, 0.6f, true);
}

static void draw_swatch(Gantt *g, Swatch s, float x, float cy)
{
    PdfLayout *L = g->L;
    switch (s) {
    case SW_BAR:
        pdf_fill_rect(L, x, cy - BAR_H / 2, 18, BAR_H, BAR_FILL);
        pdf_fill_rect(L, x, cy - BAR_H / 2, 9, BAR_H, BAR_DONE);
        pdf_stroke_rect(L, x, cy - BAR_H / 2, 18, BAR_H, BAR_EDGE, 0.5f);
        break;
    case SW_PLANNED:
        planned_outline(L, x, x + 18, cy);
        break;
    case SW_HITO:
        pdf_diamond(L, x + 9, cy, DIAMOND, HITO, PDF_WHITE);
        break;
    case SW_MONITOR:
        pdf_diamond(L, x + 9, cy, DIAMOND, MONITOR, PDF_WHITE);
        break;
    case SW_FERIADO:
        pdf_fill_rect(L, x + 4, cy - 5, 10, 10, FERIADO);
        break;
    case SW_VACACIONES:
        pdf_fill_rect(L, x + 4, cy - 5, 10, 10, VACACIONES);
        break;
    case SW_ASOF:
        pdf_stroke_line(L, x + 9, cy - 6, x + 9, cy + 6, PDF_RED, 1.2f, false);
        break;
    }
}

/* Draws (or, when !draw, only measures) the legend; returns its height. */
static float legend(Gantt *g, bool draw)
{
    PdfLayout *L = g->L;
    PdfStyle st = label_style(false);
    StrBuf b;
    strbuf_init(&b);
    strbuf_puts(&b, "Fecha de corte (");
    pdf_fmt_date_long(&b, g->as_of);
    strbuf_putc(&b, ')');
    const char *asof = pdf_take(g->arena, &b);
    strbuf_free(&b);
    const struct { Swatch s; const char *text; } ITEMS[] = {
        { SW_BAR, "Fechas de la acción y avance registrado" },
        { SW_PLANNED, "Fechas planificadas de una acción ajustada" },
        { SW_HITO, "Hito" },
        { SW_MONITOR, "Reunión de monitoreo" },
        { SW_FERIADO, "Feriado" },
        { SW_VACACIONES, "Vacaciones" },
        { SW_ASOF, asof },
    };
    float x = L->x0, line = 14, top = L->y, h = line;
    for (size_t i = 0; i < sizeof ITEMS / sizeof *ITEMS; i++) {
        float w = 22 + pdf_text_width(L, &st, ITEMS[i].text, strlen(ITEMS[i].text)) + 14;
        if (x > L->x0 && x + w > L->x1) {
            x = L->x0;
            h += line;
        }
        if (draw) {
            float cy = top - (h - line) - line / 2;
            draw_swatch(g, ITEMS[i].s, x, cy);
            pdf_text_draw(L, &st, x + 22, cy - st.size * 0.35f, ITEMS[i].text, strlen(ITEMS[i].text));
        }
        x += w;
    }
    return h + 6;
}

static float header_height(void)
{
    return YEAR_ROW + MONTH_ROW;
}

static void draw_years(Gantt *g, float top)
{
    PdfLayout *L = g->L;
    PdfStyle st = label_style(true);
    int day = g->wd0;
    while (day <= g->wd1) {
        int y, m, d, next;
        date_to_ymd(day, &y, &m, &d);
        date_from_ymd(y + 1, 1, 1, &next);
        int end = next - 1 > g->wd1 ? g->wd1 : next - 1;
        float x0 = day_x(g, day), x1 = day_x(g, end + 1);
        char text[8];
        snprintf(text, sizeof text, "%d", y);
        float w = pdf_text_width(L, &st, text, strlen(text));
        if (w <= x1 - x0 - 2)
            pdf_text_draw(L, &st, (x0 + x1 - w) / 2, pdf_baseline(&st, top - (YEAR_ROW - st.leading) / 2), text,
                          strlen(text));
        if (day > g->wd0)
            pdf_stroke_line(L, x0, top, x0, top - YEAR_ROW, GRID, 0.6f, false);
        day = next;
    }
}

/* Month names: full when every month of the window fits its name, else
 * abbreviated, else numbers (one form for the whole header). */
static int month_form(Gantt *g)
{
    PdfLayout *L = g->L;
    PdfStyle st = label_style(true);
    for (int form = 0; form < 2; form++) {
        bool fits = true;
        for (int day = g->wd0; day <= g->wd1 && fits;) {
            int y, m, d;
            date_to_ymd(day, &y, &m, &d);
            int end = last_of_month(day) > g->wd1 ? g->wd1 : last_of_month(day);
            const char *name = pdf_capitalize(g->arena, pdf_month_name(m, form == 1));
            fits = pdf_text_width(L, &st, name, strlen(name)) <= day_x(g, end + 1) - day_x(g, day) - 4;
            day = end + 1;
        }
        if (fits)
            return form;
    }
    return 2;
}

static void draw_months(Gantt *g, float top)
{
    PdfLayout *L = g->L;
    PdfStyle st = label_style(true);
    int form = month_form(g);
    for (int day = g->wd0; day <= g->wd1;) {
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        int end = last_of_month(day) > g->wd1 ? g->wd1 : last_of_month(day);
        float x0 = day_x(g, day), x1 = day_x(g, end + 1);
        const char *name = form < 2 ? pdf_capitalize(g->arena, pdf_month_name(m, form == 1))
                                    : arena_printf(g->arena, "%d", m);
        float w = pdf_text_width(L, &st, name, strlen(name));
        if (w <= x1 - x0)
            pdf_text_draw(L, &st, (x0 + x1 - w) / 2, pdf_baseline(&st, top - (MONTH_ROW - st.leading) / 2), name,
                          strlen(name));
        day = end + 1;
    }
}

static void draw_header(Gantt *g)
{
    PdfLayout *L = g->L;
    float top = L->y, h = header_height();
    pdf_fill_rect(L, L->x0, top - h, L->x1 - L->x0, h, PDF_SHADE);
    PdfStyle st = label_style(true);
    pdf_text_draw(L, &st, L->x0 + PAD, pdf_baseline(&st, top - YEAR_ROW - (MONTH_ROW - st.leading) / 2), "Acción",
                  strlen("Acción"));
    float aw = pdf_text_width(L, &st, "Avance", 6);
    pdf_text_draw(L, &st, g->tx0 - PAD - aw, pdf_baseline(&st, top - YEAR_ROW - (MONTH_ROW - st.leading) / 2),
                  "Avance", 6);
    draw_years(g, top);
    pdf_stroke_line(L, g->tx0, top - YEAR_ROW, g->tx1, top - YEAR_ROW, GRID, 0.5f, false);
    draw_months(g, top - YEAR_ROW);
    pdf_stroke_rect(L, L->x0, top - h, L->x1 - L->x0, h, PDF_RULE, 0.5f);
    L->y -= h;
}

/* ---- layers of the rows area ------------------------------------------------ */

static void draw_calendar(Gantt *g, float top, float bottom)
{
    const MPlan *p = g->m->plan;
    for (size_t i = 0; i < p->ndias; i++) {
        const MCalDay *d = &p->dias[i];
        if (d->to < g->wd0 || d->from > g->wd1)
            continue;
        float x0 = day_x(g, d->from), x1 = day_x(g, d->to + 1);
        if (x1 - x0 < 1.2f) {
            float c = (x0 + x1) / 2;
            x0 = c - 0.6f;
            x1 = c + 0.6f;
        }
        pdf_fill_rect(g->L, x0, bottom, x1 - x0, top - bottom, d->vacaciones ? VACACIONES : FERIADO);
    }
}

static void draw_grid(Gantt *g, float top, float bottom)
{
    PdfLayout *L = g->L;
    for (int day = g->wd0; day <= g->wd1; day = last_of_month(day) + 1) {
        float x = day_x(g, day);
        pdf_stroke_line(L, x, top + MONTH_ROW, x, bottom, GRID, 0.5f, false);
    }
    pdf_stroke_line(L, g->tx0 - AVANCE_W, top, g->tx0 - AVANCE_W, bottom, GRID, 0.5f, false);
    pdf_stroke_line(L, g->tx0, top, g->tx0, bottom, PDF_RULE, 0.6f, false);
    for (size_t i = 0; i < g->m->nhitos; i++) {
        const MHito *h = g->m->hitos[i];
        if (h->monitoreo && in_window(g, h->fecha)) {
            float x = day_x(g, h->fecha) + g->ppd / 2;
            pdf_stroke_line(L, x, top, x, bottom, MONITOR_LINE, 0.5f, true);
        }
    }
}

static void draw_diamond_at(Gantt *g, const MHito *h, float cy)
{
    if (!in_window(g, h->fecha))
        return;
    float x = day_x(g, h->fecha) + g->ppd / 2;
    pdf_diamond(g->L, x, cy, DIAMOND, h->monitoreo ? MONITOR : HITO, PDF_WHITE);
}

static void draw_bar(Gantt *g, const MAccion *a, float cy)
{
    PdfLayout *L = g->L;
    if (a->ajustada && a->plan_fin >= g->wd0 && a->plan_inicio <= g->wd1) {
        planned_outline(L, day_x(g, a->plan_inicio), day_x(g, a->plan_fin + 1), cy);
    }
    if (a->fin < g->wd0 || a->inicio > g->wd1)
        return;
    float x0 = day_x(g, a->inicio), x1 = day_x(g, a->fin + 1);
    if (x1 - x0 < 1.5f)
        x1 = x0 + 1.5f;
    pdf_fill_rect(L, x0, cy - BAR_H / 2, x1 - x0, BAR_H, BAR_FILL);
    Progress pr = progress_of(a, g->as_of);
    if (pr.avance > 0) {
        /* The avance covers that share of the whole bar, clipped to the window. */
        float full0 = g->tx0 + (float)(a->inicio - g->wd0) * g->ppd;
        float full1 = g->tx0 + (float)(a->fin + 1 - g->wd0) * g->ppd;
        float done = full0 + (full1 - full0) * (float)(pr.avance / 100.0);
        if (done > x0) {
            float d1 = done < x1 ? done : x1;
            pdf_fill_rect(L, x0, cy - BAR_H / 2, d1 - x0, BAR_H, BAR_DONE);
        }
    }
    pdf_stroke_rect(L, x0, cy - BAR_H / 2, x1 - x0, BAR_H, BAR_EDGE, 0.5f);
}

static void draw_marks(Gantt *g, const Row *r, float top)
{
    float cy = top - r->h / 2;
    const Model *m = g->m;
    switch (r->kind) {
    case ROW_ACTION:
        draw_bar(g, r->accion, cy);
        for (size_t i = 0; i < r->accion->nhitos; i++)
            draw_diamond_at(g, r->accion->hitos[i], cy);
        break;
    case ROW_MONITORING:
        for (size_t i = 0; i < m->nhitos; i++)
            if (m->hitos[i]->monitoreo)
                draw_diamond_at(g, m->hitos[i], cy);
        break;
    case ROW_OTHER_HITOS:
        for (size_t i = 0; i < m->nhitos; i++)
            if (!m->hitos[i]->monitoreo && !m->hitos[i]->accion)
                draw_diamond_at(g, m->hitos[i], cy);
        break;
    case ROW_GROUP:
        break;
    }
}

static const char *avance_text(Gantt *g, const MAccion *a, const PdfColor **color)
{
    Progress pr = progress_of(a, g->as_of);
    *color = (pr.state == STATE_ATRASADA || pr.state == STATE_VENCIDA) ? &PDF_RED : &PDF_INK;
    if (!pr.has_avance)
        return "\xe2\x80\x94";
    StrBuf b;
    strbuf_init(&b);
    pdf_fmt_number(&b, pr.avance);
    strbuf_putc(&b, '%');
    const char *s = pdf_take(g->arena, &b);
    strbuf_free(&b);
    return s;
}

static void draw_label(Gantt *g, const Row *r, const char *label, float top)
{
    PdfLayout *L = g->L;
    size_t n = wrap_label(g, r, label);
    float lead = label_style(false).leading;
    float text_h = (float)n * lead;
    float y = top - (r->h - text_h) / 2;
    for (size_t k = 0; k < n; k++)
        pdf_line_draw(L, &L->lines, k, L->x0 + PAD, 0, PDF_LEFT, y - (float)k * lead);
    if (r->kind != ROW_ACTION)
        return;
    const PdfColor *color;
    const char *av = avance_text(g, r->accion, &color);
    PdfStyle st = label_style(false);
    st.color = *color;
    float w = pdf_text_width(L, &st, av, strlen(av));
    pdf_text_draw(L, &st, g->tx0 - PAD - w, pdf_baseline(&st, top - (r->h - st.leading) / 2), av, strlen(av));
}

/* ---- pages -------------------------------------------------------------------- */

/* A page's rows: [from, to) plus, first, a continued group row. */
typedef struct PageRows {
    size_t from, to;
    int cont_group;           /* group row repeated at the top, or -1 */
    float cont_h;
} PageRows;

static const char *cont_label(Gantt *g, int group)
{
    return arena_printf(g->arena, "%s (continuación)", g->rows[group].label);
}

/* Chooses the rows of the page starting at row `from`, given `avail`
 * points below the header. */
static PageRows cut_page(Gantt *g, size_t from, float avail)
{
    PageRows p = { from, from, -1, 0 };
    if (from < g->nrows && g->rows[from].kind != ROW_GROUP) {
        p.cont_group = g->rows[from].group;
        p.cont_h = row_height(g, &g->rows[p.cont_group], cont_label(g, p.cont_group));
        avail -= p.cont_h;
    }
    float used = 0;
    size_t i = from;
    while (i < g->nrows && used + g->rows[i].h <= avail) {
        used += g->rows[i].h;
        i++;
    }
    /* A group row is never the last of a page (unless alone). */
    if (i < g->nrows && i > from + 1 && g->rows[i - 1].kind == ROW_GROUP)
        i--;
    if (i == from)
        i = from + 1; /* a row taller than a page: cannot happen with wrapped labels */
    p.to = i;
    return p;
}

static void draw_row_backgrounds(Gantt *g, const Row *r, float top, bool zebra)
{
    PdfLayout *L = g->L;
    if (r->kind == ROW_GROUP)
        pdf_fill_rect(L, L->x0, top - r->h, L->x1 - L->x0, r->h, GROUP_BAND);
    else if (zebra)
        pdf_fill_rect(L, L->x0, top - r->h, L->x1 - L->x0, r->h, PDF_SHADE);
}

static void draw_page_rows(Gantt *g, const PageRows *p)
{
    PdfLayout *L = g->L;
    float top = L->y, y;
    float bottom = top - p->cont_h;
    for (size_t i = p->from; i < p->to; i++)
        bottom -= g->rows[i].h;
    /* backgrounds */
    y = top;
    if (p->cont_group >= 0) {
        Row cont = g->rows[p->cont_group];
        cont.h = p->cont_h;
        draw_row_backgrounds(g, &cont, y, false);
        y -= p->cont_h;
    }
    for (size_t i = p->from; i < p->to; i++) {
        draw_row_backgrounds(g, &g->rows[i], y, (i - p->from) % 2 == 1);
        y -= g->rows[i].h;
    }
    draw_calendar(g, top, bottom);
    draw_grid(g, top, bottom);
    /* marks */
    y = top - p->cont_h;
    for (size_t i = p->from; i < p->to; i++) {
        draw_marks(g, &g->rows[i], y);
        y -= g->rows[i].h;
    }
    if (in_window(g, g->as_of)) {
        float x = day_x(g, g->as_of) + g->ppd / 2;
        pdf_stroke_line(L, x, top + MONTH_ROW, x, bottom, PDF_RED, 1.0f, false);
    }
    /* labels */
    y = top;
    if (p->cont_group >= 0) {
        Row cont = g->rows[p->cont_group];
        cont.h = p->cont_h;
        draw_label(g, &cont, cont_label(g, p->cont_group), y);
        y -= p->cont_h;
    }
    for (size_t i = p->from; i < p->to; i++) {
        draw_label(g, &g->rows[i], g->rows[i].label, y);
        y -= g->rows[i].h;
    }
    pdf_stroke_rect(L, L->x0, bottom, L->x1 - L->x0, top - bottom, PDF_RULE, 0.5f);
    L->y = bottom;
}

static void window_title(Gantt *g, int w, int nwin)
{
    if (nwin <= 1)
        return;
    PdfLayout *L = g->L;
    PdfStyle st = pdf_style(PDF_BOLD, 9, PDF_NAVY);
    StrBuf b;
    strbuf_init(&b);
    int y0, m0, d0, y1, m1, d1;
    date_to_ymd(g->wd0, &y0, &m0, &d0);
    date_to_ymd(g->wd1, &y1, &m1, &d1);
    strbuf_printf(&b, "Parte %d de %d: %s %d a %s %d", w + 1, nwin, pdf_month_name(m0, false), y0,
                  pdf_month_name(m1, false), y1);
    pdf_text_draw(L, &st, L->x0, pdf_baseline(&st, L->y), b.data, b.len);
    L->y -= st.leading + 4;
    strbuf_free(&b);
}

/* Draws every page of one window of months. */
static void draw_window(Gantt *g, int w, int nwin, bool first_page)
{
    PdfLayout *L = g->L;
    size_t from = 0;
    while (from < g->nrows || (from == 0 && g->nrows == 0)) {
        if (!first_page)
            pdf_page_new(L, true, false);
        first_page = false;
        window_title(g, w, nwin);
        L->y -= legend(g, true);
        draw_header(g);
        if (!g->nrows) {
            PdfStyle st = label_style(false);
            const char *none = "El plan aún no tiene acciones ni hitos que mostrar en el cronograma.";
            pdf_text_draw(L, &st, L->x0 + PAD, pdf_baseline(&st, L->y - PAD), none, strlen(none));
            break;
        }
        PageRows p = cut_page(g, from, L->y - L->ybottom);
        draw_page_rows(g, &p);
        from = p.to;
    }
}

/* A chart that fits on its first page with room to spare gets taller rows
 * (up to AIRY_ROW), so that a small plan does not leave the page empty. */
#define AIRY_ROW 24.0f

static void airy_rows(Gantt *g)
{
    PdfLayout *L = g->L;
    float total = 0;
    for (size_t i = 0; i < g->nrows; i++)
        total += g->rows[i].h;
    float avail = L->ytop - L->ybottom - 60 - legend(g, false) - header_height();
    if (!g->nrows || total >= avail)
        return;
    float target = avail / (float)g->nrows;
    if (target > AIRY_ROW)
        target = AIRY_ROW;
    for (size_t i = 0; i < g->nrows; i++)
        if (g->rows[i].h < target)
            g->rows[i].h = target;
}

void pdf_gantt_draw(PdfLayout *L, const Model *m, int as_of, Arena *arena)
{
    Gantt g;
    memset(&g, 0, sizeof g);
    g.L = L;
    g.m = m;
    g.as_of = as_of;
    g.arena = arena;
    pdf_page_new(L, true, false);
    set_columns(&g);
    find_period(&g);
    build_rows(&g);
    for (size_t i = 0; i < g.nrows; i++)
        g.rows[i].h = row_height(&g, &g.rows[i], g.rows[i].label);
    airy_rows(&g);
    /* The section heading goes with the legend, the header and a row. */
    float first = legend(&g, false) + header_height() + (g.nrows ? g.rows[0].h : 0) + 20;
    pdf_place(L, first);
    int per = months_per_window(&g);
    int nwin = (g.nmonths + per - 1) / per;
    for (int w = 0; w < nwin; w++) {
        set_window(&g, w * per, per);
        draw_window(&g, w, nwin, w == 0);
    }
}
