/* pdf_records.c - Hitos, Registro de seguimiento (actas, ficha de acuerdos,
 * nudos críticos), Responsables, Alertas tempranas and Anexo 1 of the PDF
 * report (pdf_report.h). */
#include <stdlib.h>
#include <string.h>

#include "pdf_report.h"
#include "pdf_text.h"
#include "progress.h"

#define DASH "\xe2\x80\x94"

static PdfCell cell(const char *text, const char *note)
{
    PdfCell c = { text, note, false, PDF_BOX_NONE, NULL };
    return c;
}

static PdfCell bold_cell(const char *text, const char *note)
{
    PdfCell c = { text, note, true, PDF_BOX_NONE, NULL };
    return c;
}

const char *pdf_r_term_label(PdfReport *R, const char *vocab, const char *term)
{
    Decl *v = symtab_get(&R->ctx->c->symbols, vocab);
    if (!v || v->kind != DECL_VOCABULARIO)
        return "";
    for (const Term *t = decl_terms(v); t; t = t->next)
        if (strcmp(t->folded, term) == 0)
            return t->label;
    return "";
}

static void paragraph(PdfReport *R, const char *text)
{
    PdfStyle body = pdf_r_body();
    pdf_paragraph(R->L, &body, text, 0);
}

/* ---- 4. Hitos --------------------------------------------------------------- */

typedef struct HitoOrder {
    const MHito *h;
    size_t seq;
} HitoOrder;

static int compare_hitos(const void *pa, const void *pb)
{
    const HitoOrder *a = pa, *b = pb;
    if (a->h->fecha != b->h->fecha)
        return a->h->fecha < b->h->fecha ? -1 : 1;
    if (a->h->minutos != b->h->minutos)
        return a->h->minutos < b->h->minutos ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const char *hito_tipo(PdfReport *R, const MHito *h)
{
    if (h->tipo && h->tipo->label)
        return h->tipo->label;
    const char *label = pdf_r_term_label(R, "tipo_hito", h->tipo_id ? h->tipo_id : "reunion");
    return *label ? label : pdf_capitalize(R->arena, h->tipo_id ? h->tipo_id : "reunión");
}

static const char *revisa_text(PdfReport *R, const MHito *h)
{
    if (!h->nrevisa)
        return DASH;
    for (size_t i = 0; i < h->nrevisa; i++)
        strbuf_printf(&R->sb, "%s\xe2\x80\xa2 %s", i ? PDF_BR : "", h->revisa[i]->titulo);
    return pdf_take(R->arena, &R->sb);
}

static const char *hito_note(PdfReport *R, const MHito *h)
{
    if (h->accion && h->descripcion)
        return arena_printf(R->arena, "Acción: %s" PDF_BR "%s", h->accion->titulo, h->descripcion);
    if (h->accion)
        return arena_printf(R->arena, "Acción: %s", h->accion->titulo);
    return h->descripcion;
}

static const char *hora_text(PdfReport *R, const MHito *h)
{
    if (h->minutos < 0)
        return NULL;
    pdf_fmt_time(&R->sb, h->minutos, h->duracion_min);
    return pdf_take(R->arena, &R->sb);
}

static void hitos_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    const HitoOrder *order = arg;
    for (size_t i = 0; i < R->m->nhitos; i++) {
        const MHito *h = order[i].h;
        PdfCell cells[7] = {
            cell(pdf_r_short(R, h->fecha), hora_text(R, h)),
            bold_cell(h->titulo, hito_note(R, h)),
            cell(hito_tipo(R, h), NULL),
            cell(pdf_r_party(R, &h->responsable), NULL),
            cell(pdf_r_parties(R, &h->participantes), NULL),
            cell(h->lugar ? h->lugar : DASH, NULL),
            cell(revisa_text(R, h), NULL),
        };
        if (h->monitoreo) {
            cells[2].bold = true;
            cells[2].color = &PDF_BLUE;
            cells[1].color = &PDF_BLUE;
        }
        pdf_table_row(t, cells);
    }
}

void pdf_report_hitos(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Fecha y hora", 0.11f, PDF_LEFT },  { "Hito", 0.22f, PDF_LEFT },
        { "Tipo", 0.11f, PDF_LEFT },          { "Responsable", 0.13f, PDF_LEFT },
        { "Participantes", 0.15f, PDF_LEFT }, { "Lugar", 0.11f, PDF_LEFT },
        { "Acciones revisadas", 0.17f, PDF_LEFT },
    };
    const Model *m = R->m;
    pdf_r_section(R, PDF_SEC_HITOS);
    paragraph(R, "Hitos o reuniones formales de monitoreo de la ejecución del plan acordados con el equipo de "
                 "gestión, y demás hitos del cronograma, en orden de fecha. Las reuniones de monitoreo se "
                 "destacan en azul.");
    if (!m->nhitos) {
        paragraph(R, "El plan aún no tiene hitos.");
        return;
    }
    HitoOrder *order = malloc(m->nhitos * sizeof *order);
    if (!order)
        abort();
    for (size_t i = 0; i < m->nhitos; i++)
        order[i] = (HitoOrder){ m->hitos[i], i };
    qsort(order, m->nhitos, sizeof *order, compare_hitos);
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 7);
    pdf_r_table(R, &t, hitos_rows, order);
    free(order);
}

/* ---- 5. Registro de seguimiento ------------------------------------------- */

/* Text of a value of a record (a measure or a range). */
static const char *value_text(PdfReport *R, const Value *v)
{
    if (!v)
        return "";
    switch (v->kind) {
    case VAL_PERCENT:
        pdf_fmt_number(&R->sb, v->number);
        strbuf_putc(&R->sb, '%');
        break;
    case VAL_NUMBER:
        pdf_fmt_number(&R->sb, v->number);
        break;
    case VAL_QUANTITY:
        pdf_fmt_number(&R->sb, v->number);
        strbuf_printf(&R->sb, " %s", v->text ? v->text : "");
        break;
    case VAL_RANGE:
        pdf_fmt_range(&R->sb, v->date, v->date2);
        break;
    case VAL_DATE:
    case VAL_DATETIME:
        pdf_fmt_date_short(&R->sb, v->date);
        break;
    case VAL_STRING:
    case VAL_TEXT:
    case VAL_NAME:
        strbuf_puts(&R->sb, v->text ? v->text : "");
        break;
    default:
        break;
    }
    return pdf_take(R->arena, &R->sb);
}

/* The acuerdo or nudo that an entry records, or NULL. */
static const MRecord *record_of(const PdfReport *R, const MEntry *e)
{
    const MRecord *list = e->kind == ENTRY_ACUERDO ? R->m->acuerdos : R->m->nudos;
    size_t n = e->kind == ENTRY_ACUERDO ? R->m->nacuerdos : e->kind == ENTRY_NUDO ? R->m->nnudos : 0;
    for (size_t i = 0; i < n; i++)
        if (list[i].entry == e)
            return &list[i];
    return NULL;
}

static const char *alternativas_list(PdfReport *R, const MRecord *r);

static const char *acuerdo_details(PdfReport *R, const MRecord *r)
{
    if (!r || (!r->responsable.decl && r->plazo == MODEL_NO_DAY))
        return NULL;
    const char *who = r->responsable.decl ? model_party_name(&r->responsable) : NULL;
    const char *when = r->plazo != MODEL_NO_DAY ? pdf_r_short(R, r->plazo) : NULL;
    if (who && when)
        return arena_printf(R->arena, "Responsable: %s · Plazo: %s", who, when);
    return who ? arena_printf(R->arena, "Responsable: %s", who) : arena_printf(R->arena, "Plazo: %s", when);
}

/* The text recorded by an acuerdo or nudo entry named by `d`. */
static const char *entry_text_of(const Decl *d)
{
    Attr *e = d ? decl_entry(d) : NULL;
    if (e && e->values && e->values->text)
        return e->values->text;
    return d ? pdf_r_decl_name(d) : "";
}

static const char *entry_label(EntryKind k)
{
    switch (k) {
    case ENTRY_AVANCE: return "Avance";
    case ENTRY_MEDICION: return "Medición";
    case ENTRY_NUDO: return "Nudo crítico";
    case ENTRY_LOGRO: return "Logro";
    case ENTRY_ACUERDO: return "Acuerdo";
    case ENTRY_APRENDIZAJE: return "Aprendizaje";
    case ENTRY_OBSERVACION: return "Observación";
    case ENTRY_AJUSTE: return "Ajuste de fechas";
    case ENTRY_CUMPLIDO: return "Acuerdo cumplido";
    case ENTRY_RESUELTO: return "Nudo resuelto";
    default: return "";
    }
}

static const char *entry_subject(const MEntry *e)
{
    if (!e->target)
        return "General";
    if (e->kind == ENTRY_CUMPLIDO || e->kind == ENTRY_RESUELTO)
        return entry_text_of(e->target);
    return pdf_r_decl_name(e->target);
}

static PdfCell entry_detail(PdfReport *R, const MEntry *e)
{
    const Value *v = e->attr->values;
    switch (e->kind) {
    case ENTRY_AVANCE:
    case ENTRY_MEDICION:
        return cell(value_text(R, v), e->comentario);
    case ENTRY_AJUSTE:
        return cell(arena_printf(R->arena, "Nuevas fechas: %s", value_text(R, v)), e->comentario);
    case ENTRY_NUDO: {
        const MRecord *r = record_of(R, e);
        const char *alt = r ? alternativas_list(R, r) : NULL;
        return cell(e->texto, alt ? arena_printf(R->arena, "Alternativas:" PDF_BR "%s", alt) : e->comentario);
    }
    case ENTRY_ACUERDO:
        return cell(e->texto, acuerdo_details(R, record_of(R, e)));
    default:
        return cell(e->texto ? e->texto : e->comentario, e->texto ? e->comentario : NULL);
    }
}

static const EntryKind ENTRY_ORDER[] = { ENTRY_AVANCE, ENTRY_MEDICION, ENTRY_NUDO, ENTRY_LOGRO,
                                         ENTRY_ACUERDO, ENTRY_APRENDIZAJE, ENTRY_OBSERVACION, ENTRY_AJUSTE,
                                         ENTRY_CUMPLIDO, ENTRY_RESUELTO };

static void acta_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    const MSeguimiento *s = arg;
    for (size_t k = 0; k < sizeof ENTRY_ORDER / sizeof *ENTRY_ORDER; k++)
        for (size_t i = 0; i < s->nentries; i++) {
            const MEntry *e = &s->entries[i];
            if (e->kind != ENTRY_ORDER[k])
                continue;
            PdfCell cells[3] = { bold_cell(entry_label(e->kind), NULL), cell(entry_subject(e), NULL),
                                 entry_detail(R, e) };
            if (e->kind == ENTRY_NUDO)
                cells[0].color = &PDF_RED;
            pdf_table_row(t, cells);
        }
}

static void acta_entries(PdfReport *R, const MSeguimiento *s)
{
    static const PdfColumn COLS[] = {
        { "Registro", 0.15f, PDF_LEFT },
        { "Acción, indicador o compromiso", 0.32f, PDF_LEFT },
        { "Detalle", 0.53f, PDF_LEFT },
    };
    if (!s->nentries) {
        paragraph(R, "Esta acta no tiene registros.");
        return;
    }
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 3);
    pdf_r_table(R, &t, acta_rows, s);
}

static void acta(PdfReport *R, const MSeguimiento *s)
{
    PdfLayout *L = R->L;
    const char *date = pdf_r_date(R, s->fecha);
    const char *title = s->titulo ? arena_printf(R->arena, "%s · %s", date, s->titulo) : date;
    pdf_heading(L, 3, title, true, -1);
    PdfTable t;
    pdf_fields_begin(&t, L, 0.22f);
    pdf_field(&t, "Asistentes", pdf_r_parties(R, &s->asistentes));
    if (s->hito)
        pdf_field(&t, "Reunión", s->hito->titulo);
    pdf_table_end(&t);
    acta_entries(R, s);
}

static const char *record_action(const MRecord *r)
{
    return r->accion ? r->accion->titulo : "General";
}

static const char *alternativas_list(PdfReport *R, const MRecord *r)
{
    if (!r->nalternativas)
        return NULL;
    for (size_t i = 0; i < r->nalternativas; i++)
        strbuf_printf(&R->sb, "%s\xe2\x80\xa2 %s", i ? PDF_BR : "", r->alternativas[i]);
    return pdf_take(R->arena, &R->sb);
}

/* The comment of the cumplido/resuelto that closed a record, or NULL. */
static const char *closing_comment(const MRecord *r)
{
    if (!r->cierre_entry)
        return NULL;
    return r->cierre_entry->texto ? r->cierre_entry->texto : r->cierre_entry->comentario;
}

static void acuerdo_row(PdfReport *R, PdfTable *t, const MRecord *r)
{
    PdfCell estado;
    bool overdue = !r->cierre && r->plazo != MODEL_NO_DAY && r->plazo < R->as_of;
    if (r->cierre)
        estado = bold_cell(arena_printf(R->arena, "Cumplido el %s", pdf_r_short(R, r->cierre->fecha)),
                           closing_comment(r));
    else
        estado = bold_cell(overdue ? "Plazo vencido" : "Pendiente", NULL);
    estado.color = r->cierre ? &PDF_BLUE : overdue ? &PDF_RED : NULL;
    PdfCell cells[5] = {
        cell(r->texto, arena_printf(R->arena, "Acordado el %s", pdf_r_short(R, r->seg->fecha))),
        cell(record_action(r), NULL),
        cell(r->responsable.decl ? pdf_r_party(R, &r->responsable) : DASH, NULL),
        cell(r->plazo != MODEL_NO_DAY ? pdf_r_short(R, r->plazo) : "Sin plazo", NULL),
        estado,
    };
    pdf_table_row(t, cells);
}

static void nudo_row(PdfReport *R, PdfTable *t, const MRecord *r)
{
    const char *alt = alternativas_list(R, r);
    PdfCell estado = r->cierre
                         ? bold_cell(arena_printf(R->arena, "Resuelto el %s", pdf_r_short(R, r->cierre->fecha)),
                                     closing_comment(r))
                         : bold_cell(arena_printf(R->arena, "Abierto desde el %s", pdf_r_short(R, r->seg->fecha)),
                                     NULL);
    estado.color = r->cierre ? &PDF_BLUE : &PDF_RED;
    PdfCell cells[4] = {
        cell(r->texto, r->entry ? r->entry->comentario : NULL),
        cell(record_action(r), NULL),
        cell(alt ? alt : "Sin alternativas registradas", NULL),
        estado,
    };
    pdf_table_row(t, cells);
}

/* The rows of the ficha de acuerdos (arg: the acuerdos) or of the nudos
 * críticos. */
static void acuerdo_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    (void)arg;
    for (size_t i = 0; i < R->m->nacuerdos; i++)
        acuerdo_row(R, t, &R->m->acuerdos[i]);
}

static void nudo_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    (void)arg;
    for (size_t i = 0; i < R->m->nnudos; i++)
        nudo_row(R, t, &R->m->nudos[i]);
}

static void ficha_acuerdos(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Acuerdo", 0.36f, PDF_LEFT }, { "Acción", 0.22f, PDF_LEFT }, { "Responsable", 0.14f, PDF_LEFT },
        { "Plazo", 0.11f, PDF_LEFT },   { "Estado", 0.17f, PDF_LEFT },
    };
    pdf_heading(R->L, 2, PDF_SECTION_TITLES[PDF_SEC_ACUERDOS], true, R->slot[PDF_SEC_ACUERDOS]);
    if (!R->m->nacuerdos) {
        paragraph(R, "Aún no hay acuerdos registrados.");
        return;
    }
    paragraph(R, "Compromisos acordados en las reuniones de monitoreo y su estado a la fecha de emisión.");
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 5);
    pdf_r_table(R, &t, acuerdo_rows, NULL);
}

static void nudos_criticos(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Nudo crítico", 0.32f, PDF_LEFT }, { "Acción", 0.20f, PDF_LEFT },
        { "Alternativas", 0.30f, PDF_LEFT }, { "Estado", 0.18f, PDF_LEFT },
    };
    pdf_heading(R->L, 2, PDF_SECTION_TITLES[PDF_SEC_NUDOS], true, R->slot[PDF_SEC_NUDOS]);
    if (!R->m->nnudos) {
        paragraph(R, "Aún no hay nudos críticos registrados.");
        return;
    }
    paragraph(R, "Dificultades que enfrenta la ejecución del plan, las alternativas propuestas para enfrentarlas "
                 "y su estado a la fecha de emisión.");
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 4);
    pdf_r_table(R, &t, nudo_rows, NULL);
}

void pdf_report_seguimiento(PdfReport *R)
{
    const Model *m = R->m;
    pdf_r_section(R, PDF_SEC_SEGUIMIENTO);
    paragraph(R, "Registro escrito de las discusiones y acuerdos de las reuniones de monitoreo: avances, nudos "
                 "críticos y aprendizajes del proceso.");
    pdf_heading(R->L, 2, PDF_SECTION_TITLES[PDF_SEC_ACTAS], true, R->slot[PDF_SEC_ACTAS]);
    if (!m->nseguimientos)
        paragraph(R, arena_printf(R->arena, "Aún no hay registros de seguimiento al %s.", pdf_r_date(R, R->as_of)));
    for (size_t i = 0; i < m->nseguimientos; i++)
        acta(R, m->seguimientos[i]);
    ficha_acuerdos(R);
    nudos_criticos(R);
}

/* ---- 6. Responsables -------------------------------------------------------- */

static bool party_is(const MParty *p, const Decl *d)
{
    return p->decl == d;
}

/* The actions `d` leads (lead) or supports (!lead), one per line. */
static const char *actions_of(PdfReport *R, const Decl *d, bool lead)
{
    const Model *m = R->m;
    StrBuf list; /* own buffer: pdf_r_range uses the report's */
    strbuf_init(&list);
    for (size_t i = 0; i < m->nacciones; i++) {
        const MAccion *a = m->acciones[i];
        bool in = false;
        if (lead)
            in = party_is(&a->responsable, d);
        else
            for (size_t k = 0; k < a->apoyo.n && !in; k++)
                in = party_is(&a->apoyo.items[k], d);
        if (!in)
            continue;
        strbuf_printf(&list, "%s\xe2\x80\xa2 %s (%s)", list.len ? PDF_BR : "", a->titulo,
                      pdf_r_range(R, a->inicio, a->fin));
    }
    const char *out = list.len ? pdf_take(R->arena, &list) : DASH;
    strbuf_free(&list);
    return out;
}

static const char *persona_note(PdfReport *R, const MPersona *p)
{
    const Model *m = R->m;
    if (p->cargo)
        strbuf_puts(&R->sb, p->cargo);
    else if (p->rol)
        strbuf_puts(&R->sb, pdf_r_term(p->rol));
    for (size_t i = 0; i < m->nequipos; i++)
        for (size_t k = 0; k < m->equipos[i]->nintegrantes; k++)
            if (m->equipos[i]->integrantes[k] == p)
                strbuf_printf(&R->sb, "%sIntegra: %s", R->sb.len ? PDF_BR : "", m->equipos[i]->nombre);
    if (p->correo)
        strbuf_printf(&R->sb, "%s%s", R->sb.len ? PDF_BR : "", p->correo);
    return R->sb.len ? pdf_take(R->arena, &R->sb) : NULL;
}

static const char *equipo_note(PdfReport *R, const MEquipo *e)
{
    strbuf_puts(&R->sb, "Integrantes: ");
    for (size_t i = 0; i < e->nintegrantes; i++)
        strbuf_printf(&R->sb, "%s%s", i ? ", " : "", e->integrantes[i]->nombre);
    return pdf_take(R->arena, &R->sb);
}

static void responsables_rows(PdfReport *R, PdfTable *t, const void *arg);

void pdf_report_responsables(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Persona o equipo", 0.28f, PDF_LEFT },
        { "Lidera", 0.36f, PDF_LEFT },
        { "Apoya", 0.36f, PDF_LEFT },
    };
    pdf_r_section(R, PDF_SEC_RESPONSABLES);
    if (!R->m->npersonas && !R->m->nequipos) {
        paragraph(R, "El plan aún no declara personas ni equipos.");
        return;
    }
    paragraph(R, "Acciones que lidera y apoya cada persona o equipo del plan, con sus fechas.");
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 3);
    pdf_r_table(R, &t, responsables_rows, NULL);
}

static void responsables_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    (void)arg;
    const Model *m = R->m;
    for (size_t i = 0; i < m->npersonas; i++) {
        const MPersona *p = m->personas[i];
        PdfCell cells[3] = { bold_cell(p->nombre, persona_note(R, p)), cell(actions_of(R, p->decl, true), NULL),
                             cell(actions_of(R, p->decl, false), NULL) };
        pdf_table_row(t, cells);
    }
    for (size_t i = 0; i < m->nequipos; i++) {
        const MEquipo *e = m->equipos[i];
        PdfCell cells[3] = { bold_cell(e->nombre, equipo_note(R, e)), cell(actions_of(R, e->decl, true), NULL),
                             cell(actions_of(R, e->decl, false), NULL) };
        pdf_table_row(t, cells);
    }
}

/* ---- 7. Alertas tempranas --------------------------------------------------- */

typedef struct Signal {
    const char *code, *title, *suggestion;
} Signal;

static const Signal SIGNALS[] = {
    { "W205", "Hito en fin de semana", "Confirmar que el equipo puede reunirse ese día o elegir un día hábil." },
    { "W206", "Hito en feriado o vacaciones", "Confirmar la fecha o trasladar el hito a un día con clases." },
    { "W207", "Hito fuera de las fechas de su acción", "Revisar si conviene ajustar el hito o las fechas de la acción." },
    { "W208", "Plan sin reuniones de monitoreo", "Acordar con el equipo de gestión un cronograma de reuniones de monitoreo." },
    { "W209", "Período largo sin monitoreo", "Considerar una reunión de monitoreo intermedia." },
    { "W301", "Capacidad sin acciones", "Definir con el equipo al menos una acción para esta capacidad." },
    { "W302", "Acción sin indicadores", "Acordar cómo se observará el avance de esta acción." },
    { "W303", "Capacidad sin capacidad basal", "Indicar qué capacidad basal desarrolla." },
    { "W304", "Persona o equipo sin tareas", "Confirmar su rol en el plan." },
    { "W306", "Meta por revisar", "Revisar si la meta expresa la mejora esperada." },
    { "W308", "Varias acciones a la vez", "Conversar sobre la distribución de responsabilidades o el apoyo disponible." },
    { "W310", "Correo por revisar", "Corregir la dirección para poder contactar a la persona." },
    { "W402", "Avance registrado que disminuyó", "Conversar qué cambió desde la reunión anterior." },
    { "W403", "Acción que podría necesitar apoyo", "Revisar con el responsable qué apoyo necesita y si conviene ajustar las fechas." },
    { "W404", "Acción con fechas cumplidas", "Acordar cómo completarla o registrar un ajuste de fechas." },
    { "W405", "Indicador sin medición", "Registrar una medición en la próxima reunión de monitoreo." },
    { "W406", "Acuerdo pendiente", "Revisar el acuerdo en la próxima reunión y registrar su cumplimiento." },
    { "W407", "Reunión sin registro", "Registrar el acta de la reunión: avances, nudos críticos y aprendizajes." },
    { "W408", "Nudo crítico abierto", "Proponer nuevas alternativas para enfrentar este nudo crítico." },
    { "W410", "Acta con fecha distinta a la de su reunión", "Confirmar la fecha del acta o de la reunión." },
};

static const Signal *signal_of(const char *code)
{
    static const Signal OTHER = { "", "Señal para revisar", "Conversar sobre ella en la próxima reunión de monitoreo." };
    for (size_t i = 0; i < sizeof SIGNALS / sizeof *SIGNALS; i++)
        if (strcmp(SIGNALS[i].code, code) == 0)
            return &SIGNALS[i];
    return &OTHER;
}

static const char *where(PdfReport *R, Loc loc)
{
    Compilation *c = R->ctx->c;
    if (loc.file == SOURCE_NO_FILE)
        return NULL;
    const SourceFile *f = source_file(&c->sm, loc.file);
    unsigned line, col;
    source_line_col(&c->sm, loc.file, loc.begin, &line, &col);
    const char *path = f ? f->path : "";
    const char *base = strrchr(path, '/');
    return arena_printf(R->arena, "%s, línea %u", base ? base + 1 : path, line);
}

static void alertas_rows(PdfReport *R, PdfTable *t, const void *arg)
{
    const DiagEngine *d = arg;
    for (size_t i = 0; i < d->n; i++) {
        const Diagnostic *g = &d->items[i];
        if (g->severity != SEV_WARNING)
            continue;
        const DiagCatalogEntry *e = &diag_catalog[g->id];
        const Signal *s = signal_of(e->code);
        PdfCell cells[3] = { bold_cell(s->title, e->code), cell(pdf_capitalize(R->arena, g->msg), where(R, g->loc)),
                             cell(s->suggestion, NULL) };
        pdf_table_row(t, cells);
    }
}

void pdf_report_alertas(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Señal temprana", 0.24f, PDF_LEFT },
        { "Qué se observa", 0.46f, PDF_LEFT },
        { "Para conversar en el equipo", 0.30f, PDF_LEFT },
    };
    const DiagEngine *d = &R->ctx->c->diag;
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->items[i].severity == SEV_WARNING;
    pdf_r_section(R, PDF_SEC_ALERTAS);
    const char *date = pdf_r_date(R, R->as_of);
    if (!n) {
        paragraph(R, arena_printf(R->arena,
                                  "Al %s, la revisión del plan no encontró señales de alerta temprana: fechas, "
                                  "responsables, indicadores y registros de seguimiento son coherentes entre sí. "
                                  "¡Buen trabajo! Se sugiere mantener el registro de avances, nudos críticos y "
                                  "aprendizajes en cada reunión de monitoreo.",
                                  date));
        return;
    }
    paragraph(R, arena_printf(R->arena,
                              "La revisión del plan al %s deja %zu %s para conversar con el equipo. No son una "
                              "evaluación de su trabajo: son indicaciones tempranas de progresos o faltas de "
                              "progreso, para detectar incongruencias y corregirlas a tiempo en la próxima "
                              "reunión de monitoreo.",
                              date, n, n == 1 ? "señal" : "señales"));
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 3);
    pdf_r_table(R, &t, alertas_rows, d);
}

/* ---- Anexo 1 ---------------------------------------------------------------- */

/* The answer recorded for an item ("si", "no", "no_aplica") or NULL. */
static const char *answer_of(const MAutoevaluacion *ev, const Term *term)
{
    if (!ev)
        return NULL;
    for (size_t i = 0; i < ev->nanswers; i++)
        if (ev->answers[i].item == term || (ev->answers[i].item && strcmp(ev->answers[i].item->folded, term->folded) == 0))
            return ev->answers[i].respuesta;
    return NULL;
}

static int box(const char *answer, const char *which)
{
    return answer && strcmp(answer, which) == 0 ? PDF_BOX_CHECKED : PDF_BOX_EMPTY;
}

static void anexo_intro(PdfReport *R, const MAutoevaluacion *ev)
{
    paragraph(R, "Utilice este checklist para reflexionar sobre su rol como profesional durante la etapa de "
                 "ejecución del plan.");
    if (!ev) {
        paragraph(R, arena_printf(R->arena,
                                  "Al %s no hay una autoevaluación registrada: las casillas quedan en blanco para "
                                  "completarlas a mano.",
                                  pdf_r_date(R, R->as_of)));
        return;
    }
    const char *date = pdf_r_date(R, ev->fecha);
    paragraph(R, ev->uatp ? arena_printf(R->arena, "Respuestas de la autoevaluación del %s (%s).", date,
                                         ev->uatp->nombre)
                          : arena_printf(R->arena, "Respuestas de la autoevaluación del %s.", date));
}

void pdf_report_anexo(PdfReport *R)
{
    static const PdfColumn COLS[] = {
        { "Durante la etapa de ejecución…", 0.70f, PDF_LEFT },
        { "SÍ", 0.09f, PDF_CENTER },
        { "NO", 0.09f, PDF_CENTER },
        { "NO APLICA", 0.12f, PDF_CENTER },
    };
    pdf_r_section(R, PDF_SEC_ANEXO);
    Decl *vocab = symtab_get(&R->ctx->c->symbols, "autoevaluacion_uatp");
    if (!vocab || vocab->kind != DECL_VOCABULARIO || !decl_terms(vocab)) {
        paragraph(R, "El plan no carga el módulo «mdc», que define los ítems de este checklist "
                     "(agregue usar \"mdc\" al comienzo del plan).");
        return;
    }
    const MAutoevaluacion *ev = model_latest_autoevaluacion(R->m, R->as_of);
    anexo_intro(R, ev);
    PdfTable t;
    pdf_table_begin(&t, R->L, COLS, 4);
    t.body.size = 8.5f;
    t.body.leading = 11;
    for (const Term *term = decl_terms(vocab); term; term = term->next) {
        const char *ans = answer_of(ev, term);
        PdfCell cells[4] = { cell(term->label, NULL), cell(NULL, NULL), cell(NULL, NULL), cell(NULL, NULL) };
        cells[1].box = box(ans, "si");
        cells[2].box = box(ans, "no");
        cells[3].box = box(ans, "no_aplica");
        pdf_table_row(&t, cells);
    }
    pdf_table_end(&t);
}
