/* territorio_pdf.c - `ruta territorio --pdf`: the territory report.
 *
 * Contract (territorio_out.h): appends a whole PDF to `out` describing
 * every plan of the territory (path order; modules and unreadable files
 * are left out, as in the CSV) as of t->as_of:
 *   title block  "Informe territorial", territorio(s), sostenedor(es),
 *                UATP, "Estado al …", number of schools, a summary sentence;
 *   1. Resumen por establecimiento: one row per plan (plans with errors
 *      show what their declaration says and a note) and a total row;
 *   2. Acciones atrasadas y vencidas: a heading per school, a table of its
 *      actions behind or overdue (or a sentence saying there are none);
 *   3. Agenda de monitoreo (próximas ocho semanas): every monitoring hito
 *      from the as-of date to 55 days later, all schools, by date and time.
 * Same document set-up, fonts, layout, running header and "Página N de M"
 * footer as the plan report (pdf_doc.h, pdf_layout.h); bookmarks for the
 * title page, each section and each school of section 2. Deterministic:
 * the document's dates come from t->epoch, every sort has a total order,
 * nothing reads a clock. A font that cannot be used or a libharu failure
 * prints a Spanish message, leaves `out` empty and returns 2.
 *
 * The rules for atrasada and vencida are progress.h's, and the summary's
 * figures are computed as the CSV's (territorio_csv.c).
 */
#include "territorio_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pdf_doc.h"
#include "pdf_layout.h"
#include "pdf_text.h"
#include "progress.h"
#include "version.h"

#define DASH "\xe2\x80\x94"
#define AGENDA_DAYS 56 /* eight weeks, the as-of date included */

static const char *const SECTION_TITLES[] = {
    "1. Resumen por establecimiento",
    "2. Acciones atrasadas y vencidas",
    "3. Agenda de monitoreo (próximas ocho semanas)",
};

typedef struct TerrReport {
    const TerritoryCtx *t;
    PdfLayout *L;
    Arena *arena;              /* formatted strings */
    StrBuf sb;                 /* scratch for formatting */
    int as_of, until;          /* the agenda's window, both days included */
} TerrReport;

/* ---- plans ------------------------------------------------------------------ */

static bool listed(const TerritoryPlan *tp)
{
    return tp->is_plan && !tp->unreadable;
}

/* The model of a plan whose front end had no errors, else NULL. */
static const Model *model_of(const TerritoryPlan *tp)
{
    return tp->model && tp->model->plan ? tp->model : NULL;
}

/* A text attribute of the plan declaration (also for plans with errors,
 * whose model is not built), or "". */
static const char *plan_text(const TerritoryPlan *tp, const char *key)
{
    Attr *a = tp->c.plan ? decl_attr(tp->c.plan, key) : NULL;
    return a && a->values && a->values->kind == VAL_STRING && a->values->text ? a->values->text : "";
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const char *school_name(const TerritoryPlan *tp)
{
    const char *s = plan_text(tp, "establecimiento");
    if (*s)
        return s;
    if (tp->c.plan && tp->c.plan->title)
        return tp->c.plan->title;
    return base_name(tp->path);
}

static size_t count_listed(const TerritoryCtx *t, size_t *with_errors)
{
    size_t n = 0;
    *with_errors = 0;
    for (size_t i = 0; i < t->nplans; i++)
        if (listed(&t->plans[i])) {
            n++;
            *with_errors += t->plans[i].errors > 0 || !model_of(&t->plans[i]);
        }
    return n;
}

/* ---- formatting ----------------------------------------------------------------- */

static const char *r_date(TerrReport *R, int day)
{
    pdf_fmt_date_long(&R->sb, day);
    return pdf_take(R->arena, &R->sb);
}

static const char *r_short(TerrReport *R, int day)
{
    pdf_fmt_date_short(&R->sb, day);
    return pdf_take(R->arena, &R->sb);
}

static const char *r_count(TerrReport *R, size_t n)
{
    return arena_printf(R->arena, "%zu", n);
}

/* "36,4%" (decimals 1) or "36%" (decimals 0), decimal comma. */
static const char *r_percent(TerrReport *R, double v, int decimals)
{
    double scale = decimals ? 10 : 1;
    pdf_fmt_number(&R->sb, floor(v * scale + 0.5) / scale);
    strbuf_putc(&R->sb, '%');
    return pdf_take(R->arena, &R->sb);
}

/* "2 acciones", "1 acción". */
static const char *r_noun(TerrReport *R, size_t n, const char *one, const char *many)
{
    return arena_printf(R->arena, "%zu %s", n, n == 1 ? one : many);
}

static const char *weekday_name(int day)
{
    static const char *const NAMES[] = { "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo" };
    return NAMES[date_weekday(day)];
}

static const char *hora_text(TerrReport *R, const MHito *h)
{
    if (h->minutos < 0)
        return "Todo el día";
    pdf_fmt_time(&R->sb, h->minutos, h->duracion_min);
    return pdf_take(R->arena, &R->sb);
}

/* The distinct non-empty values of a plan attribute, in path order,
 * separated by "; ", or NULL when no plan has one; *n counts them. */
static const char *distinct_texts(TerrReport *R, const char *key, size_t *n)
{
    const TerritoryCtx *t = R->t;
    StrBuf list;
    strbuf_init(&list);
    *n = 0;
    for (size_t i = 0; i < t->nplans; i++) {
        if (!listed(&t->plans[i]) || !*plan_text(&t->plans[i], key))
            continue;
        const char *v = plan_text(&t->plans[i], key);
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = listed(&t->plans[k]) && strcmp(plan_text(&t->plans[k], key), v) == 0;
        if (seen)
            continue;
        strbuf_printf(&list, "%s%s", list.len ? "; " : "", v);
        (*n)++;
    }
    const char *out = list.len ? pdf_take(R->arena, &list) : NULL;
    strbuf_free(&list);
    return out;
}

/* The distinct UATP professionals of the plans, or NULL; *n counts them. */
static const char *uatp_names(TerrReport *R, size_t *n)
{
    const TerritoryCtx *t = R->t;
    StrBuf list;
    strbuf_init(&list);
    *n = 0;
    for (size_t i = 0; i < t->nplans; i++) {
        const Model *m = listed(&t->plans[i]) ? model_of(&t->plans[i]) : NULL;
        if (!m || !m->plan->uatp)
            continue;
        const char *name = m->plan->uatp->nombre;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            const Model *o = listed(&t->plans[k]) ? model_of(&t->plans[k]) : NULL;
            seen = o && o->plan->uatp && strcmp(o->plan->uatp->nombre, name) == 0;
        }
        if (!seen) {
            strbuf_printf(&list, "%s%s", list.len ? "; " : "", name);
            (*n)++;
        }
    }
    const char *out = list.len ? pdf_take(R->arena, &list) : NULL;
    strbuf_free(&list);
    return out;
}

static PdfStyle body_style(void)
{
    return pdf_style(PDF_REGULAR, 9.5f, PDF_INK);
}

static void paragraph(TerrReport *R, const char *text)
{
    PdfStyle body = body_style();
    pdf_paragraph(R->L, &body, text, 0);
}

static PdfCell cell(const char *text, const char *note)
{
    PdfCell c = { text, note, false, PDF_BOX_NONE, NULL };
    return c;
}

static PdfCell alert_cell(const char *text, const char *note, bool alert)
{
    PdfCell c = { text, note, alert, PDF_BOX_NONE, alert ? &PDF_RED : NULL };
    return c;
}

/* Rows of a table, run twice: to fit the columns, then to draw. */
typedef void RowsFn(TerrReport *R, PdfTable *t, const void *arg);

static void table(TerrReport *R, const PdfColumn *cols, size_t ncols, RowsFn *rows, const void *arg)
{
    PdfTable t;
    pdf_table_begin(&t, R->L, cols, ncols);
    t.fitting = true;
    rows(R, &t, arg);
    t.fitting = false;
    rows(R, &t, arg);
    pdf_table_end(&t);
}

/* A main section: on a new page unless the page is still empty. */
static void section(TerrReport *R, size_t k, bool new_page)
{
    PdfLayout *L = R->L;
    if (new_page && (L->cover || L->y < L->ytop))
        pdf_page_new(L, false, false);
    pdf_heading(L, 1, SECTION_TITLES[k], true, -1);
}

/* ---- title block ---------------------------------------------------------------- */

static TerritoryFigures territory_figures(const TerritoryCtx *t)
{
    TerritoryFigures f;
    memset(&f, 0, sizeof f);
    for (size_t i = 0; i < t->nplans; i++)
        if (listed(&t->plans[i]) && model_of(&t->plans[i]))
            territory_add_figures(&f, model_of(&t->plans[i]), i, t->as_of);
    return f;
}

static size_t agenda_count(const TerrReport *R);

static const char *summary_sentence(TerrReport *R, size_t nschools)
{
    TerritoryFigures f = territory_figures(R->t);
    size_t meetings = agenda_count(R);
    const char *schools =
        nschools == 1 ? "el establecimiento suma" : arena_printf(R->arena, "los %zu establecimientos suman", nschools);
    return arena_printf(R->arena, "Al %s, %s %s: %s y %zu con fechas vencidas. En las próximas ocho semanas hay %s.",
                        r_date(R, R->as_of), schools, r_noun(R, f.acciones, "acción", "acciones"),
                        r_noun(R, f.atrasadas, "atrasada", "atrasadas"), f.vencidas,
                        r_noun(R, meetings, "reunión de monitoreo", "reuniones de monitoreo"));
}

static void title_text(TerrReport *R, const char *territorios)
{
    PdfLayout *L = R->L;
    PdfStyle kicker = pdf_style(PDF_BOLD, 9, PDF_BLUE);
    PdfStyle big = pdf_style(PDF_BOLD, 22, PDF_NAVY);
    PdfStyle sub = pdf_style(PDF_REGULAR, 13, PDF_MUTED);
    big.leading = 27;
    L->y -= 24;
    pdf_paragraph(L, &kicker, "PLANES DE APOYO TÉCNICO-PEDAGÓGICO · MODELO DE DESARROLLO DE CAPACIDADES", 0);
    pdf_space(L, 6);
    pdf_paragraph(L, &big, "Informe territorial", 0);
    pdf_space(L, 4);
    pdf_paragraph(L, &sub, territorios ? territorios : "Planes de los establecimientos revisados", 0);
    pdf_paragraph(L, &sub, arena_printf(R->arena, "Estado al %s", r_date(R, R->as_of)), 0);
    pdf_space(L, 12);
}

static void title_block(TerrReport *R, const char *territorios, size_t nterritorios)
{
    PdfLayout *L = R->L;
    pdf_page_new(L, false, true);
    pdf_bookmark(L, "Informe territorial");
    pdf_fill_rect(L, 0, L->h - 12, L->w * 0.62f, 12, PDF_BLUE);
    pdf_fill_rect(L, L->w * 0.62f, L->h - 12, L->w * 0.38f, 12, PDF_RED);
    title_text(R, territorios);
    size_t with_errors, n = count_listed(R->t, &with_errors), nsost, nuatp;
    const char *sostenedores = distinct_texts(R, "sostenedor", &nsost);
    const char *uatp = uatp_names(R, &nuatp);
    PdfTable t;
    pdf_fields_begin(&t, L, 0.27f);
    t.body.size = t.bold.size = 9;
    t.body.leading = t.bold.leading = 11.5f;
    if (territorios)
        pdf_field(&t, nterritorios == 1 ? "Territorio" : "Territorios", territorios);
    if (sostenedores)
        pdf_field(&t, nsost == 1 ? "Sostenedor" : "Sostenedores", sostenedores);
    if (uatp)
        pdf_field(&t, nuatp == 1 ? "Profesional UATP" : "Profesionales UATP", uatp);
    pdf_field(&t, "Establecimientos",
              with_errors ? arena_printf(R->arena, "%zu (%zu con errores en su plan)", n, with_errors)
                          : r_count(R, n));
    pdf_table_end(&t);
    if (n)
        paragraph(R, summary_sentence(R, n));
    pdf_space(L, 4);
}

/* ---- 1. Resumen por establecimiento ------------------------------------------- */

static const char *next_text(TerrReport *R, const MHito *h, const char **note)
{
    *note = NULL;
    if (!h)
        return "Sin reuniones programadas";
    if (h->minutos >= 0)
        *note = hora_text(R, h);
    return r_short(R, h->fecha);
}

static const char *avance_text(TerrReport *R, const TerritoryFigures *f)
{
    return f->days > 0 ? r_percent(R, f->weighted / f->days, 1) : DASH;
}

static PdfCell review_cell(TerrReport *R, const TerritoryPlan *tp)
{
    const char *warn = tp->warnings ? r_noun(R, tp->warnings, "advertencia", "advertencias") : NULL;
    if (tp->errors)
        return alert_cell(r_noun(R, tp->errors, "error", "errores"), warn, true);
    return cell(warn ? warn : "Sin observaciones", NULL);
}

static void summary_row(TerrReport *R, PdfTable *t, size_t i)
{
    const TerritoryPlan *tp = &R->t->plans[i];
    const Model *m = model_of(tp);
    const char *rbd = plan_text(tp, "rbd");
    PdfCell cells[9] = { alert_cell(school_name(tp), NULL, false), cell(*rbd ? rbd : DASH, NULL) };
    cells[0].bold = true;
    if (!m) {
        cells[0].note = "Plan con errores: no se puede calcular su estado hasta corregirlos (ruta check).";
        for (size_t k = 2; k < 8; k++)
            cells[k] = cell(DASH, NULL);
    } else {
        TerritoryFigures f;
        memset(&f, 0, sizeof f);
        territory_add_figures(&f, m, i, R->as_of);
        if (tp->errors)
            cells[0].note = "Plan con errores: las cifras pueden cambiar al corregirlos.";
        const char *hora;
        const char *next = next_text(R, f.next, &hora);
        cells[2] = cell(r_count(R, f.acciones), NULL);
        cells[3] = alert_cell(r_count(R, f.atrasadas), NULL, f.atrasadas > 0);
        cells[4] = alert_cell(r_count(R, f.vencidas), NULL, f.vencidas > 0);
        cells[5] = cell(avance_text(R, &f), NULL);
        cells[6] = cell(r_count(R, f.sin_medicion), NULL);
        cells[7] = cell(next, hora);
    }
    if (tp->errors || !m)
        cells[0].color = &PDF_RED;
    cells[8] = review_cell(R, tp);
    pdf_table_row(t, cells);
}

static void total_row(TerrReport *R, PdfTable *t, size_t nschools, size_t unknown)
{
    TerritoryFigures f = territory_figures(R->t);
    const char *hora;
    const char *next = next_text(R, f.next, &hora);
    if (f.next)
        hora = arena_printf(R->arena, "%s%s%s", hora ? hora : "", hora ? PDF_BR : "",
                            school_name(&R->t->plans[f.next_plan]));
    PdfCell cells[9] = {
        cell(arena_printf(R->arena, "Territorio (%zu establecimientos)", nschools),
             unknown ? arena_printf(R->arena, "Sin %s con errores", r_noun(R, unknown, "plan", "planes")) : NULL),
        cell("", NULL),
        cell(r_count(R, f.acciones), NULL),
        alert_cell(r_count(R, f.atrasadas), NULL, f.atrasadas > 0),
        alert_cell(r_count(R, f.vencidas), NULL, f.vencidas > 0),
        cell(avance_text(R, &f), NULL),
        cell(r_count(R, f.sin_medicion), NULL),
        cell(next, hora),
        cell("", NULL),
    };
    for (size_t k = 0; k < 9; k++)
        cells[k].bold = true;
    pdf_table_row(t, cells);
}

static void summary_rows(TerrReport *R, PdfTable *t, const void *arg)
{
    const size_t *nschools = arg;
    size_t unknown = 0;
    for (size_t i = 0; i < R->t->nplans; i++)
        if (listed(&R->t->plans[i])) {
            summary_row(R, t, i);
            unknown += !model_of(&R->t->plans[i]);
        }
    if (*nschools > 1)
        total_row(R, t, *nschools, unknown);
}

static void resumen(TerrReport *R)
{
    static const PdfColumn COLS[] = {
        { "Establecimiento", 0.25f, PDF_LEFT },        { "RBD", 0.07f, PDF_LEFT },
        { "Acciones", 0.07f, PDF_RIGHT },              { "Atrasadas", 0.07f, PDF_RIGHT },
        { "Vencidas", 0.07f, PDF_RIGHT },              { "Avance medio ponderado", 0.09f, PDF_RIGHT },
        { "Indicadores sin medición", 0.09f, PDF_RIGHT }, { "Próxima reunión de monitoreo", 0.13f, PDF_LEFT },
        { "Errores y advertencias", 0.16f, PDF_LEFT },
    };
    size_t with_errors, n = count_listed(R->t, &with_errors);
    section(R, 0, false);
    if (!n) {
        paragraph(R, "No se encontraron planes en los archivos y directorios indicados.");
        return;
    }
    paragraph(R, "Una fila por establecimiento, en el orden de sus archivos. El avance medio pondera el último "
                 "avance registrado de cada acción por la duración de sus fechas. Una acción está atrasada cuando "
                 "su avance registrado está más de 25 puntos bajo el avance esperado según el tiempo transcurrido, "
                 "y vencida cuando sus fechas terminaron sin completarla.");
    table(R, COLS, sizeof COLS / sizeof *COLS, summary_rows, &n);
}

/* ---- 2. Acciones atrasadas y vencidas ----------------------------------------- */

static bool behind(const MAccion *a, int as_of)
{
    ActionState s = progress_of(a, as_of).state;
    return s == STATE_ATRASADA || s == STATE_VENCIDA;
}

static const char *registrado_note(TerrReport *R, const Progress *pr)
{
    return pr->latest ? arena_printf(R->arena, "al %s", r_short(R, pr->latest->seg->fecha)) : NULL;
}

static PdfCell estado_cell(TerrReport *R, const MAccion *a, const Progress *pr)
{
    if (pr->state == STATE_VENCIDA)
        return alert_cell("Vencida", arena_printf(R->arena, "Sus fechas terminaron el %s", r_short(R, a->fin)),
                          true);
    double gap = floor(pr->expected + 0.5) - floor(pr->avance + 0.5);
    return alert_cell("Atrasada", arena_printf(R->arena, "%.0f puntos bajo lo esperado", gap), true);
}

static void behind_rows(TerrReport *R, PdfTable *t, const void *arg)
{
    const Model *m = arg;
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *a = m->acciones[i];
        Progress pr = progress_of(a, R->as_of);
        if (pr.state != STATE_ATRASADA && pr.state != STATE_VENCIDA)
            continue;
        pdf_fmt_range(&R->sb, a->inicio, a->fin);
        const char *fechas = pdf_take(R->arena, &R->sb);
        const char *planned = NULL;
        if (a->ajustada) {
            pdf_fmt_range(&R->sb, a->plan_inicio, a->plan_fin);
            planned = arena_printf(R->arena, "Ajustadas; planificadas: %s", pdf_take(R->arena, &R->sb));
        }
        const char *resp = a->responsable.decl ? model_party_name(&a->responsable) : DASH;
        PdfCell cells[6] = {
            cell(a->titulo, a->capacidad ? a->capacidad->titulo : NULL),
            cell(*resp ? resp : DASH, NULL),
            cell(fechas, planned),
            cell(r_percent(R, pr.expected, 0), NULL),
            cell(pr.has_avance ? r_percent(R, pr.avance, 1) : "Sin registro", registrado_note(R, &pr)),
            estado_cell(R, a, &pr),
        };
        cells[0].bold = true;
        pdf_table_row(t, cells);
    }
}

static void school_behind(TerrReport *R, const TerritoryPlan *tp)
{
    static const PdfColumn COLS[] = {
        { "Acción", 0.29f, PDF_LEFT },           { "Responsable", 0.15f, PDF_LEFT },
        { "Fechas", 0.16f, PDF_LEFT },           { "Avance esperado", 0.10f, PDF_RIGHT },
        { "Avance registrado", 0.13f, PDF_RIGHT }, { "Estado", 0.17f, PDF_LEFT },
    };
    const char *rbd = plan_text(tp, "rbd");
    const char *title = *rbd ? arena_printf(R->arena, "%s (RBD %s)", school_name(tp), rbd) : school_name(tp);
    pdf_heading(R->L, 2, title, true, -1);
    const Model *m = model_of(tp);
    if (!m) {
        paragraph(R, "No se puede revisar el avance de sus acciones: el plan tiene errores que deben corregirse "
                     "primero (ruta check).");
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < m->nacciones; i++)
        n += behind(m->acciones[i], R->as_of);
    if (!n) {
        paragraph(R, m->nacciones ? "Sin acciones atrasadas ni vencidas." : "El plan aún no tiene acciones.");
        return;
    }
    table(R, COLS, sizeof COLS / sizeof *COLS, behind_rows, m);
}

static void atrasadas(TerrReport *R)
{
    section(R, 1, true);
    size_t with_errors, n = count_listed(R->t, &with_errors);
    if (!n) {
        paragraph(R, "No se encontraron planes en los archivos y directorios indicados.");
        return;
    }
    paragraph(R, arena_printf(R->arena,
                              "Acciones cuyo avance registrado al %s está más de 25 puntos bajo lo esperado según "
                              "sus fechas (atrasadas), o cuyas fechas terminaron sin completarlas (vencidas), por "
                              "establecimiento. Son indicaciones tempranas para conversar con cada equipo de gestión "
                              "en su próxima reunión de monitoreo, no una evaluación.",
                              r_date(R, R->as_of)));
    for (size_t i = 0; i < R->t->nplans; i++)
        if (listed(&R->t->plans[i]))
            school_behind(R, &R->t->plans[i]);
}

/* ---- 3. Agenda de monitoreo ---------------------------------------------------- */

typedef struct Meeting {
    const MHito *h;
    size_t plan;
} Meeting;

static int compare_agenda(const void *pa, const void *pb)
{
    const Meeting *a = pa, *b = pb;
    return territory_compare_meetings(a->h, a->plan, b->h, b->plan);
}

static bool in_agenda(const TerrReport *R, const MHito *h)
{
    return h->monitoreo && h->fecha >= R->as_of && h->fecha <= R->until;
}

static size_t agenda_count(const TerrReport *R)
{
    size_t n = 0;
    for (size_t i = 0; i < R->t->nplans; i++) {
        const Model *m = listed(&R->t->plans[i]) ? model_of(&R->t->plans[i]) : NULL;
        for (size_t k = 0; m && k < m->nhitos; k++)
            n += in_agenda(R, m->hitos[k]);
    }
    return n;
}

/* The meetings of the window, sorted (heap; *n set). */
static Meeting *agenda_meetings(const TerrReport *R, size_t *n)
{
    *n = agenda_count(R);
    Meeting *v = malloc((*n ? *n : 1) * sizeof *v);
    if (!v)
        abort();
    size_t k = 0;
    for (size_t i = 0; i < R->t->nplans; i++) {
        const Model *m = listed(&R->t->plans[i]) ? model_of(&R->t->plans[i]) : NULL;
        for (size_t j = 0; m && j < m->nhitos; j++)
            if (in_agenda(R, m->hitos[j]))
                v[k++] = (Meeting){ m->hitos[j], i };
    }
    if (k > 1)
        qsort(v, k, sizeof *v, compare_agenda);
    return v;
}

typedef struct Agenda {
    const Meeting *items;
    size_t n;
} Agenda;

static void agenda_rows(TerrReport *R, PdfTable *t, const void *arg)
{
    const Agenda *a = arg;
    for (size_t i = 0; i < a->n; i++) {
        const MHito *h = a->items[i].h;
        const char *resp = h->responsable.decl ? model_party_name(&h->responsable) : "";
        PdfCell cells[6] = {
            cell(r_short(R, h->fecha), weekday_name(h->fecha)),
            cell(hora_text(R, h), NULL),
            cell(school_name(&R->t->plans[a->items[i].plan]), NULL),
            cell(h->titulo && *h->titulo ? h->titulo : h->id, NULL),
            cell(*resp ? resp : DASH, NULL),
            cell(h->lugar && *h->lugar ? h->lugar : DASH, NULL),
        };
        cells[3].bold = true;
        pdf_table_row(t, cells);
    }
}

/* Names the schools whose meetings cannot be read (plans with errors). */
static void agenda_missing(TerrReport *R)
{
    StrBuf names;
    strbuf_init(&names);
    size_t n = 0;
    for (size_t i = 0; i < R->t->nplans; i++)
        if (listed(&R->t->plans[i]) && !model_of(&R->t->plans[i])) {
            strbuf_printf(&names, "%s%s", n ? ", " : "", school_name(&R->t->plans[i]));
            n++;
        }
    if (n)
        paragraph(R, arena_printf(R->arena, "No incluye %s %s, cuyo plan tiene errores.",
                                  n == 1 ? "las reuniones de" : "las reuniones de los establecimientos",
                                  strbuf_cstr(&names)));
    strbuf_free(&names);
}

static void agenda(TerrReport *R)
{
    static const PdfColumn COLS[] = {
        { "Fecha", 0.11f, PDF_LEFT },           { "Hora", 0.11f, PDF_LEFT },
        { "Establecimiento", 0.20f, PDF_LEFT }, { "Hito", 0.24f, PDF_LEFT },
        { "Responsable", 0.16f, PDF_LEFT },     { "Lugar", 0.18f, PDF_LEFT },
    };
    section(R, 2, true);
    const char *from = r_date(R, R->as_of), *to = r_date(R, R->until);
    Agenda a;
    Meeting *items = agenda_meetings(R, &a.n);
    a.items = items;
    if (!a.n)
        paragraph(R, arena_printf(R->arena, "No hay reuniones de monitoreo programadas entre el %s y el %s.", from,
                                  to));
    else
        paragraph(R, arena_printf(R->arena,
                                  "Reuniones de monitoreo de todos los establecimientos entre el %s y el %s, en "
                                  "orden de fecha y hora.",
                                  from, to));
    agenda_missing(R);
    if (a.n)
        table(R, COLS, sizeof COLS / sizeof *COLS, agenda_rows, &a);
    free(items);
}

/* ---- the document ---------------------------------------------------------------- */

static void write_report(PdfDoc *d, TerrReport *R, const char *territorios, size_t nterritorios)
{
    float pw, ph;
    pdf_paper_size(R->t->cli->paper, &pw, &ph);
    PdfLayout L;
    pdf_doc_layout(d, &L, pw, ph);
    R->L = &L;
    StrBuf foot;
    strbuf_init(&foot);
    strbuf_puts(&foot, "Emitido el ");
    pdf_fmt_date_long(&foot, R->as_of);
    strbuf_puts(&foot, " con Ruta " RUTA_VERSION);
    L.head_title = "Informe territorial";
    L.head_sub = territorios ? territorios : "";
    L.foot_left = foot.data;
    title_block(R, territorios, nterritorios);
    void (*const sections[])(TerrReport *) = { resumen, atrasadas, agenda };
    for (size_t i = 0; i < sizeof sections / sizeof *sections && !d->failed; i++)
        sections[i](R);
    if (!d->failed)
        pdf_place(&L, 0);
    if (!d->failed)
        pdf_layout_finish(&L);
    pdf_layout_free(&L);
    strbuf_free(&foot);
    R->L = NULL;
}

static void describe(PdfDoc *d, TerrReport *R, const char *territorios)
{
    size_t with_errors, n = count_listed(R->t, &with_errors), nsost;
    const char *sostenedores = distinct_texts(R, "sostenedor", &nsost);
    PdfDocInfo info = {
        territorios ? arena_printf(R->arena, "Informe territorial: %s", territorios) : "Informe territorial",
        sostenedores,
        arena_printf(R->arena, "Estado de los planes de apoyo técnico-pedagógico de %s al %s",
                     r_noun(R, n, "establecimiento", "establecimientos"), r_date(R, R->as_of)),
        "MDC; UATP; territorio; plan de mejoramiento; monitoreo",
    };
    pdf_doc_describe(d, &info, R->t->epoch);
}

int territory_pdf(const TerritoryCtx *t, StrBuf *out)
{
    PdfDoc d;
    Arena arena;
    arena_init(&arena);
    TerrReport R;
    memset(&R, 0, sizeof R);
    R.t = t;
    R.arena = &arena;
    R.as_of = t->as_of;
    R.until = t->as_of + AGENDA_DAYS - 1;
    strbuf_init(&R.sb);
    int status = pdf_doc_open(&d, t->cli->font, cli_threads(t->cli));
    if (status == 0) {
        size_t nterritorios;
        const char *territorios = distinct_texts(&R, "territorio", &nterritorios);
        describe(&d, &R, territorios);
        write_report(&d, &R, territorios, nterritorios);
        status = pdf_doc_save(&d, out);
    }
    pdf_doc_close(&d);
    strbuf_free(&R.sb);
    arena_free(&arena);
    if (status != 0)
        strbuf_clear(out);
    return status;
}
