/* pdf_report.c - cover, Índice, Aspectos generales, Matriz and Cronograma
 * of the PDF report (pdf_report.h); the execution records are in
 * pdf_records.c. */
#include "pdf_report.h"

#include <stdio.h>
#include <string.h>

#include "pdf_gantt.h"
#include "pdf_text.h"
#include "progress.h"
#include "version.h"

const char *const PDF_SECTION_TITLES[PDF_SEC_COUNT] = {
    [PDF_SEC_GENERALES] = "1. Aspectos generales",
    [PDF_SEC_RECURSOS] = "1.1 Recursos",
    [PDF_SEC_MATRIZ] = "2. Matriz del Plan de Apoyo Técnico-Pedagógico",
    [PDF_SEC_CRONOGRAMA] = "3. Cronograma",
    [PDF_SEC_HITOS] = "4. Hitos o reuniones de monitoreo",
    [PDF_SEC_SEGUIMIENTO] = "5. Registro de seguimiento",
    [PDF_SEC_ACTAS] = "5.1 Actas de las reuniones de monitoreo",
    [PDF_SEC_ACUERDOS] = "5.2 Ficha de acuerdos",
    [PDF_SEC_NUDOS] = "5.3 Nudos críticos",
    [PDF_SEC_RESPONSABLES] = "6. Responsables",
    [PDF_SEC_ALERTAS] = "7. Alertas tempranas",
    [PDF_SEC_ANEXO] = "Anexo 1: Checklist de autoevaluación para profesionales de la UATP",
};

/* Level of each section in the outline and the index. */
static const int SECTION_LEVEL[PDF_SEC_COUNT] = {
    [PDF_SEC_GENERALES] = 1, [PDF_SEC_RECURSOS] = 2, [PDF_SEC_MATRIZ] = 1, [PDF_SEC_CRONOGRAMA] = 1,
    [PDF_SEC_HITOS] = 1, [PDF_SEC_SEGUIMIENTO] = 1, [PDF_SEC_ACTAS] = 2, [PDF_SEC_ACUERDOS] = 2,
    [PDF_SEC_NUDOS] = 2, [PDF_SEC_RESPONSABLES] = 1, [PDF_SEC_ALERTAS] = 1, [PDF_SEC_ANEXO] = 1,
};

void pdf_report_init(PdfReport *R, const BackendCtx *ctx, PdfLayout *L, Arena *arena)
{
    memset(R, 0, sizeof *R);
    R->ctx = ctx;
    R->m = ctx->m;
    R->plan = ctx->m->plan;
    R->L = L;
    R->arena = arena;
    R->as_of = ctx->as_of;
    strbuf_init(&R->sb);
    for (int i = 0; i < PDF_SEC_COUNT; i++)
        R->slot[i] = -1;
    R->cap_slot = ARENA_NEW_ARRAY(arena, int, R->m->ncapacidades + 1);
    for (size_t i = 0; i < R->m->ncapacidades; i++)
        R->cap_slot[i] = -1;
}

void pdf_report_free(PdfReport *R)
{
    strbuf_free(&R->sb);
}

/* ---- formatting helpers ------------------------------------------------- */

const char *pdf_r_date(PdfReport *R, int day)
{
    pdf_fmt_date_long(&R->sb, day);
    return pdf_take(R->arena, &R->sb);
}

const char *pdf_r_short(PdfReport *R, int day)
{
    pdf_fmt_date_short(&R->sb, day);
    return pdf_take(R->arena, &R->sb);
}

const char *pdf_r_range(PdfReport *R, int from, int to)
{
    pdf_fmt_range(&R->sb, from, to);
    return pdf_take(R->arena, &R->sb);
}

const char *pdf_r_money(PdfReport *R, const MMoney *m)
{
    pdf_fmt_money(&R->sb, m);
    return pdf_take(R->arena, &R->sb);
}

const char *pdf_r_measure(PdfReport *R, const MMeasure *v, const char *unidad)
{
    pdf_fmt_measure(&R->sb, v, unidad);
    return pdf_take(R->arena, &R->sb);
}

const char *pdf_r_party(PdfReport *R, const MParty *p)
{
    (void)R;
    const char *s = p && p->decl ? model_party_name(p) : "";
    return s && *s ? s : "\xe2\x80\x94";
}

const char *pdf_r_parties(PdfReport *R, const MPartyList *l)
{
    if (!l->n)
        return "\xe2\x80\x94";
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strbuf_puts(&R->sb, ", ");
        strbuf_puts(&R->sb, model_party_name(&l->items[i]));
    }
    return pdf_take(R->arena, &R->sb);
}

const char *pdf_r_term(const Term *t)
{
    return t && t->label ? t->label : "";
}

const char *pdf_r_decl_name(const Decl *d)
{
    if (!d)
        return "";
    return d->title ? d->title : d->name ? d->name : "";
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "\xe2\x80\x94";
}

/* ---- cover and index ------------------------------------------------------ */

#define INDEX_L1 10.0f
#define INDEX_L2 9.0f

static PdfStyle index_style(int level)
{
    PdfStyle s = level == 1 ? pdf_style(PDF_BOLD, INDEX_L1, PDF_NAVY) : pdf_style(PDF_REGULAR, INDEX_L2, PDF_INK);
    s.leading = level == 1 ? 15.5f : 13.0f;
    return s;
}

static float index_indent(int level)
{
    return level == 1 ? 0 : 16;
}

/* Width left of the page numbers. */
static float index_text_width(const PdfLayout *L, int level)
{
    return L->x1 - L->x0 - index_indent(level) - 40;
}

static float index_height(PdfReport *R, const char *const *titles, const int *levels, size_t n, int max_level)
{
    PdfLayout *L = R->L;
    float h = 26; /* the "Índice" title */
    for (size_t i = 0; i < n; i++) {
        if (levels[i] > max_level)
            continue;
        PdfStyle st = index_style(levels[i]);
        pdf_lines_clear(&L->lines);
        h += (float)pdf_wrap(L, &L->lines, &st, titles[i], index_text_width(L, levels[i])) * st.leading;
        if (levels[i] == 1)
            h += 3;
    }
    return h;
}

/* Title "2.k Capacidad" of capacidad k (0-based). */
static const char *cap_title(PdfReport *R, size_t k)
{
    return arena_printf(R->arena, "2.%zu %s", k + 1, R->m->capacidades[k]->titulo);
}

/* Decides where the index goes and which entries it lists, and registers
 * them with the layout in document order. */
static void plan_index(PdfReport *R)
{
    PdfLayout *L = R->L;
    size_t ncap = R->m->ncapacidades;
    size_t n = PDF_SEC_COUNT + ncap;
    const char **titles = ARENA_NEW_ARRAY(R->arena, const char *, n);
    int *levels = ARENA_NEW_ARRAY(R->arena, int, n);
    int *refs = ARENA_NEW_ARRAY(R->arena, int, n);
    size_t k = 0;
    for (int s = 0; s < PDF_SEC_COUNT; s++) {
        titles[k] = PDF_SECTION_TITLES[s];
        levels[k] = SECTION_LEVEL[s];
        refs[k++] = s;
        if (s == PDF_SEC_MATRIZ)
            for (size_t c = 0; c < ncap; c++) {
                titles[k] = cap_title(R, c);
                levels[k] = 2;
                refs[k++] = -1 - (int)c;
            }
    }
    float room = L->y - L->ybottom;
    R->max_index_level = 2;
    if (index_height(R, titles, levels, n, 2) > room) {
        R->max_index_level = 1;
        if (index_height(R, titles, levels, n, 1) > room) {
            pdf_page_new(L, false, false);
            R->max_index_level = index_height(R, titles, levels, n, 2) <= pdf_page_capacity(L) ? 2 : 1;
        }
    }
    R->index_page = L->npages - 1;
    R->index_top = L->y;
    for (size_t i = 0; i < n; i++) {
        if (levels[i] > R->max_index_level)
            continue;
        int slot = pdf_index_add(L, titles[i], levels[i]);
        if (refs[i] >= 0)
            R->slot[refs[i]] = slot;
        else
            R->cap_slot[-1 - refs[i]] = slot;
    }
}

static void cover_band(PdfLayout *L)
{
    pdf_fill_rect(L, 0, L->h - 12, L->w * 0.62f, 12, PDF_BLUE);
    pdf_fill_rect(L, L->w * 0.62f, L->h - 12, L->w * 0.38f, 12, PDF_RED);
}

static void cover_title(PdfReport *R)
{
    PdfLayout *L = R->L;
    const MPlan *p = R->plan;
    const char *title = p->titulo && *p->titulo ? p->titulo : "Plan de Apoyo Técnico-Pedagógico";
    PdfStyle kicker = pdf_style(PDF_BOLD, 9, PDF_BLUE);
    PdfStyle big = pdf_style(PDF_BOLD, 22, PDF_NAVY);
    PdfStyle sub = pdf_style(PDF_REGULAR, 13, PDF_MUTED);
    big.leading = 27;
    L->y -= 24;
    pdf_paragraph(L, &kicker, "PLAN DE APOYO TÉCNICO-PEDAGÓGICO · MODELO DE DESARROLLO DE CAPACIDADES", 0);
    pdf_space(L, 6);
    pdf_paragraph(L, &big, title, 0);
    pdf_space(L, 4);
    pdf_paragraph(L, &sub, p->establecimiento, 0);
    pdf_space(L, 16);
}

/* "María González, Pedro Soto", preceded by the equipo's name unless it
 * just repeats the label. */
static const char *equipo_text(PdfReport *R, const MEquipo *e)
{
    bool named = strcmp(e->nombre, "Equipo de gestión") != 0;
    if (named)
        strbuf_printf(&R->sb, "%s: ", e->nombre);
    for (size_t i = 0; i < e->nintegrantes; i++)
        strbuf_printf(&R->sb, "%s%s", i ? ", " : "", e->integrantes[i]->nombre);
    return pdf_take(R->arena, &R->sb);
}

static const char *persona_text(PdfReport *R, const MPersona *p)
{
    strbuf_puts(&R->sb, p->nombre);
    if (p->cargo && *p->cargo)
        strbuf_printf(&R->sb, " (%s)", p->cargo);
    else if (p->rol)
        strbuf_printf(&R->sb, " (%s)", pdf_r_term(p->rol));
    return pdf_take(R->arena, &R->sb);
}

void pdf_report_cover(PdfReport *R)
{
    PdfLayout *L = R->L;
    const MPlan *p = R->plan;
    pdf_page_new(L, false, true);
    pdf_bookmark(L, "Portada e índice");
    cover_band(L);
    cover_title(R);
    PdfTable t;
    pdf_fields_begin(&t, L, 0.27f);
    t.body.size = t.bold.size = 9;
    t.body.leading = t.bold.leading = 11.5f;
    pdf_field(&t, "Establecimiento", p->establecimiento);
    if (p->rbd)
        pdf_field(&t, "RBD", p->rbd);
    if (p->sostenedor)
        pdf_field(&t, "Sostenedor", p->sostenedor);
    if (p->territorio)
        pdf_field(&t, "Territorio", p->territorio);
    pdf_field(&t, "Período", arena_printf(R->arena, "Del %s al %s", pdf_r_date(R, p->inicio), pdf_r_date(R, p->fin)));
    if (p->equipo_gestion)
        pdf_field(&t, "Equipo de gestión", equipo_text(R, p->equipo_gestion));
    if (p->uatp)
        pdf_field(&t, "Profesional UATP", persona_text(R, p->uatp));
    pdf_field(&t, "Fecha de emisión", pdf_r_date(R, R->as_of));
    pdf_table_end(&t);
    pdf_space(L, 8);
    plan_index(R);
}

/* Draws one index entry; returns the height used. */
static float draw_index_entry(PdfReport *R, const PdfIndexEntry *e, float top)
{
    PdfLayout *L = R->L;
    PdfStyle st = index_style(e->level);
    float x = L->x0 + index_indent(e->level);
    pdf_lines_clear(&L->lines);
    size_t n = pdf_wrap(L, &L->lines, &st, e->title, index_text_width(L, e->level));
    for (size_t k = 0; k < n; k++)
        pdf_line_draw(L, &L->lines, k, x, 0, PDF_LEFT, top - (float)k * st.leading);
    float last_top = top - (float)(n - 1) * st.leading;
    char num[16];
    snprintf(num, sizeof num, "%d", e->page);
    float nw = pdf_text_width(L, &st, num, strlen(num));
    float base = pdf_baseline(&st, last_top);
    pdf_text_draw(L, &st, L->x1 - nw, base, num, strlen(num));
    float dots_from = x + L->lines.items[n - 1].width + 6, dots_to = L->x1 - nw - 6;
    if (dots_to > dots_from)
        pdf_stroke_line(L, dots_from, base + 1, dots_to, base + 1, PDF_RULE, 0.6f, true);
    return (float)n * st.leading + (e->level == 1 ? 3 : 0);
}

void pdf_report_index(PdfReport *R)
{
    PdfLayout *L = R->L;
    if (!L->npages)
        return;
    pdf_layout_use_page(L, R->index_page);
    float y = R->index_top;
    PdfStyle title = pdf_style(PDF_BOLD, 14, PDF_NAVY);
    pdf_text_draw(L, &title, L->x0, pdf_baseline(&title, y), "Índice", strlen("Índice"));
    pdf_stroke_line(L, L->x0, y - 20, L->x1, y - 20, PDF_BLUE, 0.8f, false);
    y -= 26;
    for (size_t i = 0; i < L->nindex; i++)
        y -= draw_index_entry(R, &L->index[i], y);
}

void pdf_r_table(PdfReport *R, PdfTable *t, PdfRowsFn *rows, const void *arg)
{
    t->fitting = true;
    rows(R, t, arg);
    t->fitting = false;
    rows(R, t, arg);
    pdf_table_end(t);
}

/* ---- sections ---------------------------------------------------------------- */

/* A main section starts on a new portrait page. */
void pdf_r_section(PdfReport *R, int sec)
{
    PdfLayout *L = R->L;
    if (L->landscape || L->cover || L->y < L->ytop)
        pdf_page_new(L, false, false);
    pdf_heading(L, SECTION_LEVEL[sec], PDF_SECTION_TITLES[sec], true, R->slot[sec]);
}

PdfStyle pdf_r_body(void)
{
    return pdf_style(PDF_REGULAR, 9.5f, PDF_INK);
}

/* "2 capacidades", "1 capacidad". */
static const char *count(PdfReport *R, size_t n, const char *one, const char *many)
{
    return arena_printf(R->arena, "%zu %s", n, n == 1 ? one : many);
}

static const char *summary_sentence(PdfReport *R)
{
    const Model *m = R->m;
    size_t monit = 0;
    for (size_t i = 0; i < m->nhitos; i++)
        monit += m->hitos[i]->monitoreo;
    return arena_printf(R->arena,
                        "El plan considera %s, %s con %s, %s (%s) y %s al %s.",
                        count(R, m->ncapacidades, "capacidad", "capacidades"),
                        count(R, m->nacciones, "acción", "acciones"),
                        count(R, m->nindicadores, "indicador", "indicadores"),
                        count(R, m->nhitos, "hito", "hitos"),
                        count(R, monit, "reunión de monitoreo", "reuniones de monitoreo"),
                        count(R, m->nseguimientos, "registro de seguimiento", "registros de seguimiento"),
                        pdf_r_date(R, R->as_of));
}

static const char *progress_sentence(PdfReport *R)
{
    const Model *m = R->m;
    size_t by_state[STATE_VENCIDA + 1] = { 0 };
    for (size_t i = 0; i < m->nacciones; i++)
        by_state[progress_of(m->acciones[i], R->as_of).state]++;
    static const ActionState ORDER[] = { STATE_TERMINADA, STATE_EN_CURSO, STATE_ATRASADA, STATE_VENCIDA,
                                         STATE_NO_INICIADA };
    static const char *const ONE[] = { "terminada", "en curso", "atrasada", "con fechas vencidas", "no iniciada" };
    static const char *const MANY[] = { "terminadas", "en curso", "atrasadas", "con fechas vencidas",
                                        "no iniciadas" };
    if (!m->nacciones)
        return "El plan aún no tiene acciones.";
    strbuf_printf(&R->sb, "Estado de las acciones a esa fecha: ");
    bool first = true;
    for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER; i++) {
        size_t n = by_state[ORDER[i]];
        if (!n)
            continue;
        strbuf_printf(&R->sb, "%s%zu %s", first ? "" : ", ", n, n == 1 ? ONE[i] : MANY[i]);
        first = false;
    }
    strbuf_putc(&R->sb, '.');
    return pdf_take(R->arena, &R->sb);
}

static const char *monitoreo_text(PdfReport *R)
{
    Attr *a = decl_attr(R->plan->decl, "monitoreo_cada");
    if (!a || !a->values)
        return NULL;
    Value *v = a->values;
    strbuf_puts(&R->sb, "Al menos una reunión de monitoreo cada ");
    pdf_fmt_number(&R->sb, v->number);
    if (v->text)
        strbuf_printf(&R->sb, " %s", v->text);
    return pdf_take(R->arena, &R->sb);
}

static void recursos_section(PdfReport *R);

void pdf_report_generales(PdfReport *R)
{
    PdfLayout *L = R->L;
    const MPlan *p = R->plan;
    pdf_r_section(R, PDF_SEC_GENERALES);
    PdfTable t;
    pdf_fields_begin(&t, L, 0.25f);
    pdf_field(&t, "Objetivo", p->objetivo);
    if (p->estrategia_pme)
        pdf_field(&t, "Estrategia PME", p->estrategia_pme);
    if (p->resultado_esperado)
        pdf_field(&t, "Resultado esperado", p->resultado_esperado);
    pdf_field(&t, "Período", pdf_r_range(R, p->inicio, p->fin));
    if (p->calendario)
        pdf_field(&t, "Calendario", pdf_r_decl_name(p->calendario));
    const char *mon = monitoreo_text(R);
    if (mon)
        pdf_field(&t, "Monitoreo", mon);
    pdf_table_end(&t);
    PdfStyle body = pdf_r_body();
    pdf_paragraph(L, &body, summary_sentence(R), 0);
    pdf_paragraph(L, &body, progress_sentence(R), 0);
    recursos_section(R);
}

/* Sum of the actions' costs in one money unit. */
static double cost_total(const Model *m, MoneyUnit unit, bool *any)
{
    double sum = 0;
    for (size_t i = 0; i < m->nacciones; i++) {
        const MMoney *c = &m->acciones[i]->costo;
        if (c->present && c->unit == unit) {
            sum += c->amount;
            *any = true;
        }
    }
    return sum;
}

static const char *recursos_text(PdfReport *R, const MAccion *a)
{
    if (!a->nrecursos)
        return "\xe2\x80\x94";
    for (size_t i = 0; i < a->nrecursos; i++) {
        if (i)
            strbuf_puts(&R->sb, PDF_BR);
        strbuf_printf(&R->sb, "\xe2\x80\xa2 %s", a->recursos[i]);
    }
    return pdf_take(R->arena, &R->sb);
}

static const char *budget_sentence(PdfReport *R, const MMoney *total)
{
    const MMoney *pres = &R->plan->presupuesto;
    if (!pres->present)
        return arena_printf(R->arena, "Los costos de las acciones suman %s. El plan no declara presupuesto.",
                            pdf_r_money(R, total));
    if (pres->unit != total->unit || pres->amount <= 0)
        return arena_printf(R->arena, "Los costos de las acciones suman %s; el presupuesto del plan es %s.",
                            pdf_r_money(R, total), pdf_r_money(R, pres));
    MMoney left = { true, pres->amount - total->amount, pres->unit };
    double share = 100.0 * total->amount / pres->amount;
    /* The money strings are made first: they use the scratch buffer too. */
    const char *sum = pdf_r_money(R, total), *budget = pdf_r_money(R, pres), *rest = pdf_r_money(R, &left);
    strbuf_printf(&R->sb, "Los costos de las acciones suman %s, el ", sum);
    pdf_fmt_number(&R->sb, share < 10 ? share : (double)(long long)(share + 0.5));
    strbuf_printf(&R->sb, "%% del presupuesto de %s; quedan %s disponibles.", budget, rest);
    return pdf_take(R->arena, &R->sb);
}

static void recursos_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    (void)arg;
    const Model *m = R->m;
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *a = m->acciones[i];
        PdfCell cells[4] = {
            { a->titulo, NULL, false, PDF_BOX_NONE, NULL },
            { a->capacidad ? a->capacidad->titulo : "", NULL, false, PDF_BOX_NONE, NULL },
            { recursos_text(R, a), NULL, false, PDF_BOX_NONE, NULL },
            { a->costo.present ? pdf_r_money(R, &a->costo) : "\xe2\x80\x94", NULL, false, PDF_BOX_NONE, NULL },
        };
        pdf_table_row(t, cells);
    }
    static const MoneyUnit UNITS[] = { MONEY_CLP, MONEY_UF };
    const MMoney *pres = &R->plan->presupuesto;
    for (size_t u = 0; u < 2; u++) {
        MoneyUnit unit = UNITS[u];
        bool any = false;
        MMoney total = { true, cost_total(m, unit, &any), unit };
        bool budget_here = pres->present && pres->unit == unit;
        if (!any && !budget_here && !(unit == MONEY_CLP && !pres->present))
            continue;
        PdfCell cells[4] = {
            { "Total de costos", NULL, true, PDF_BOX_NONE, NULL }, { "", NULL, false, PDF_BOX_NONE, NULL },
            { "", NULL, false, PDF_BOX_NONE, NULL }, { pdf_r_money(R, &total), NULL, true, PDF_BOX_NONE, NULL },
        };
        pdf_table_row(t, cells);
        if (budget_here) {
            PdfCell row[4] = {
                { "Presupuesto del plan", NULL, true, PDF_BOX_NONE, NULL }, { "", NULL, false, PDF_BOX_NONE, NULL },
                { "", NULL, false, PDF_BOX_NONE, NULL }, { pdf_r_money(R, pres), NULL, true, PDF_BOX_NONE, NULL },
            };
            pdf_table_row(t, row);
        }
    }
}

static void recursos_table(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Acción", 0.34f, PDF_LEFT },
        { "Capacidad", 0.24f, PDF_LEFT },
        { "Recursos", 0.28f, PDF_LEFT },
        { "Costo", 0.14f, PDF_RIGHT },
    };
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 4);
    pdf_r_table(R, &t, recursos_rows, NULL);
}

static void recursos_section(PdfReport *R)
{
    PdfLayout *L = R->L;
    pdf_heading(L, 2, PDF_SECTION_TITLES[PDF_SEC_RECURSOS], true, R->slot[PDF_SEC_RECURSOS]);
    PdfStyle body = pdf_r_body();
    bool any = false;
    MoneyUnit unit = R->plan->presupuesto.present ? R->plan->presupuesto.unit : MONEY_CLP;
    MMoney total = { true, cost_total(R->m, unit, &any), unit };
    if (!R->m->nacciones) {
        pdf_paragraph(L, &body, "El plan aún no tiene acciones, y por lo tanto tampoco costos.", 0);
        return;
    }
    pdf_paragraph(L, &body, budget_sentence(R, &total), 0);
    recursos_table(R);
}

/* ---- Matriz ---------------------------------------------------------------- */

static const char *accion_note(PdfReport *R, const MAccion *a)
{
    Progress pr = progress_of(a, R->as_of);
    if (a->descripcion)
        strbuf_printf(&R->sb, "%s" PDF_BR, a->descripcion);
    strbuf_puts(&R->sb, "Avance: ");
    if (pr.has_avance) {
        pdf_fmt_number(&R->sb, pr.avance);
        strbuf_putc(&R->sb, '%');
    } else {
        strbuf_puts(&R->sb, "sin registro");
    }
    strbuf_printf(&R->sb, " · %s", progress_state_label(pr.state));
    return pdf_take(R->arena, &R->sb);
}

static const char *fechas_note(PdfReport *R, const MAccion *a)
{
    if (!a->ajustada)
        return NULL;
    return arena_printf(R->arena, "Ajustadas; planificadas: %s", pdf_r_range(R, a->plan_inicio, a->plan_fin));
}

static void acciones_rows(PdfReport *R, PdfTable *t, const void *arg);

static void acciones_table(PdfReport *R, const MCapacidad *cap, size_t k)
{
    static const PdfColumn COLS[] = {
        { "Acción", 0.25f, PDF_LEFT },      { "Responsable", 0.13f, PDF_LEFT },
        { "Apoyo", 0.13f, PDF_LEFT },       { "Fechas", 0.12f, PDF_LEFT },
        { "Ámbito", 0.12f, PDF_LEFT },      { "Recursos", 0.15f, PDF_LEFT },
        { "Costo", 0.10f, PDF_RIGHT },
    };
    PdfTable t;
    pdf_heading(R->L, 3, arena_printf(R->arena, "Acciones de la capacidad 2.%zu", k + 1), false, -1);
    pdf_table_begin(&t, R->L, COLS, 7);
    pdf_r_table(R, &t, acciones_rows, cap);
}

static void acciones_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    const MCapacidad *cap = arg;
    for (size_t i = 0; i < cap->nacciones; i++) {
        const MAccion *a = cap->acciones[i];
        PdfCell cells[7] = {
            { a->titulo, accion_note(R, a), true, PDF_BOX_NONE, NULL },
            { pdf_r_party(R, &a->responsable), NULL, false, PDF_BOX_NONE, NULL },
            { pdf_r_parties(R, &a->apoyo), NULL, false, PDF_BOX_NONE, NULL },
            { pdf_r_range(R, a->inicio, a->fin), fechas_note(R, a), false, PDF_BOX_NONE, NULL },
            { or_dash(pdf_r_term(a->ambito)), NULL, false, PDF_BOX_NONE, NULL },
            { recursos_text(R, a), NULL, false, PDF_BOX_NONE, NULL },
            { a->costo.present ? pdf_r_money(R, &a->costo) : "\xe2\x80\x94", NULL, false, PDF_BOX_NONE, NULL },
        };
        pdf_table_row(t, cells);
    }
}

static const char *ultima_medicion(PdfReport *R, const MIndicador *ind, const char **note)
{
    const MMedicion *me = model_latest_medicion(ind, R->as_of);
    *note = NULL;
    if (!me)
        return "Sin medición";
    if (me->comentario)
        *note = arena_printf(R->arena, "%s · %s", pdf_r_short(R, me->seg->fecha), me->comentario);
    else
        *note = pdf_r_short(R, me->seg->fecha);
    return pdf_r_measure(R, &me->value, ind->unidad);
}

static const char *indicador_note(PdfReport *R, const MIndicador *ind)
{
    strbuf_printf(&R->sb, "Acción: %s", ind->accion ? ind->accion->titulo : "");
    if (ind->decreciente)
        strbuf_puts(&R->sb, " · sentido decreciente");
    return pdf_take(R->arena, &R->sb);
}

static const char *medio_note(PdfReport *R, const MIndicador *ind)
{
    if (!ind->frecuencia)
        return NULL;
    return arena_printf(R->arena, "Frecuencia: %s", pdf_r_term(ind->frecuencia));
}

static void indicadores_rows(PdfReport *R, PdfTable *t, const void *arg);

static void indicadores_table(PdfReport *R, const MCapacidad *cap, size_t k)
{
    static const PdfColumn COLS[] = {
        { "Indicador", 0.32f, PDF_LEFT },       { "Línea base", 0.11f, PDF_LEFT },
        { "Meta", 0.11f, PDF_LEFT },            { "Última medición", 0.17f, PDF_LEFT },
        { "Medio de verificación", 0.29f, PDF_LEFT },
    };
    size_t n = 0;
    for (size_t i = 0; i < cap->nacciones; i++)
        n += cap->acciones[i]->nindicadores;
    if (!n)
        return;
    PdfTable t;
    pdf_heading(R->L, 3, arena_printf(R->arena, "Indicadores de la capacidad 2.%zu", k + 1), false, -1);
    pdf_table_begin(&t, R->L, COLS, 5);
    pdf_r_table(R, &t, indicadores_rows, cap);
}

static void indicadores_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    const MCapacidad *cap = arg;
    for (size_t i = 0; i < cap->nacciones; i++)
        for (size_t k = 0; k < cap->acciones[i]->nindicadores; k++) {
            const MIndicador *ind = cap->acciones[i]->indicadores[k];
            const char *mnote;
            const char *last = ultima_medicion(R, ind, &mnote);
            PdfCell cells[5] = {
                { ind->titulo, indicador_note(R, ind), true, PDF_BOX_NONE, NULL },
                { pdf_r_measure(R, &ind->linea_base, ind->unidad), NULL, false, PDF_BOX_NONE, NULL },
                { pdf_r_measure(R, &ind->meta, ind->unidad), NULL, false, PDF_BOX_NONE, NULL },
                { last, mnote, false, PDF_BOX_NONE, NULL },
                { ind->medio_verificacion, medio_note(R, ind), false, PDF_BOX_NONE, NULL },
            };
            pdf_table_row(t, cells);
        }
}

static const char *term_with_description(PdfReport *R, const Term *t)
{
    if (!t)
        return "\xe2\x80\x94";
    if (!t->description)
        return t->label;
    return arena_printf(R->arena, "%s" PDF_BR "%s", t->label, t->description);
}

static void capacidad_part(PdfReport *R, size_t k)
{
    PdfLayout *L = R->L;
    const MCapacidad *cap = R->m->capacidades[k];
    pdf_heading(L, 2, cap_title(R, k), true, R->cap_slot[k]);
    PdfTable t;
    pdf_fields_begin(&t, L, 0.25f);
    pdf_field(&t, "Capacidad basal", term_with_description(R, cap->basal));
    if (cap->dimension)
        pdf_field(&t, "Dimensión del PME", pdf_r_term(cap->dimension));
    pdf_field(&t, "Práctica problemática", cap->practica_problematica);
    pdf_field(&t, "Estado deseado", cap->estado_deseado);
    if (cap->resultado_esperado)
        pdf_field(&t, "Resultado esperado", cap->resultado_esperado);
    pdf_table_end(&t);
    if (!cap->nacciones) {
        PdfStyle body = pdf_r_body();
        pdf_paragraph(L, &body, "Esta capacidad aún no tiene acciones.", 0);
        return;
    }
    acciones_table(R, cap, k);
    indicadores_table(R, cap, k);
}

void pdf_report_matriz(PdfReport *R)
{
    pdf_r_section(R, PDF_SEC_MATRIZ);
    PdfStyle body = pdf_r_body();
    pdf_paragraph(R->L, &body,
                  "Para cada capacidad priorizada: la práctica problemática diagnosticada, el estado deseado, "
                  "las acciones que la desarrollan y los indicadores que muestran su avance.",
                  0);
    if (!R->m->ncapacidades)
        pdf_paragraph(R->L, &body, "El plan aún no declara capacidades.", 0);
    for (size_t k = 0; k < R->m->ncapacidades; k++)
        capacidad_part(R, k);
}

void pdf_report_cronograma(PdfReport *R)
{
    PdfLayout *L = R->L;
    pdf_heading(L, 1, PDF_SECTION_TITLES[PDF_SEC_CRONOGRAMA], true, R->slot[PDF_SEC_CRONOGRAMA]);
    pdf_gantt_draw(L, R->m, R->as_of, R->arena);
}
