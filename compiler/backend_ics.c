/* backend_ics.c - `ruta ics`: the plan as an iCalendar file (RFC 5545;
 * section 9; docs/calendars.md).
 *
 * One VEVENT per accion (all-day, DTEND exclusive), hito (timed in
 * America/Santiago when it has a time, else all-day) and seguimiento
 * (all-day), and one VTODO per acuerdo with a plazo (section 11), in the
 * order of the CSV rows (csv_rows.h). UIDs are "ID@PLANID.ruta"; DTSTAMP is
 * the backend clock (SOURCE_DATE_EPOCH or the as-of date), so the file is
 * byte-identical for the same input and clock. With a sink (backends.h)
 * the output is flushed after each component.
 */
#include <stdio.h>
#include <string.h>

#include "backends.h"
#include "csv_rows.h"
#include "date.h"
#include "ics_events.h"
#include "ics_write.h"
#include "progress.h"
#include "version.h"

/* Default length of a timed hito without `duracion`. */
enum { ICS_DEFAULT_MINUTES = 60 };

/* What every component needs besides its row. */
typedef struct IcsCtx {
    const Model *m;
    int as_of;
    StrBuf *out;
    const char *uid_domain;  /* UIDs are ID@DOMAIN.ruta */
    const char *prefix;      /* put before every SUMMARY, or NULL */
    char dtstamp[32];        /* "YYYYMMDDTHHMMSSZ" */
    StrBuf text;             /* the DESCRIPTION being built */
    StrBuf scratch;          /* a detalle before it joins `text` */
} IcsCtx;

static void put_line(StrBuf *out, const char *line)
{
    ics_fold(out, line, strlen(line));
}

/* "YYYYMMDD" */
static void ics_date(int day, char out[9])
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    snprintf(out, 9, "%04u%02u%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

/* UTC "YYYYMMDDTHHMMSSZ" of seconds since 1970 (main.c keeps epoch >= 0). */
static void format_dtstamp(long long epoch, char out[32])
{
    int day = (int)(epoch / 86400);
    unsigned secs = (unsigned)(epoch % 86400);
    char d[9];
    ics_date(day, d);
    snprintf(out, 32, "%sT%02u%02u%02uZ", d, secs / 3600, secs / 60 % 60, secs % 60);
}

static void prop_date(IcsCtx *x, const char *name, int day)
{
    char d[9], line[64];
    ics_date(day, d);
    snprintf(line, sizeof line, "%s;VALUE=DATE:%s", name, d);
    put_line(x->out, line);
}

static void prop_local_time(IcsCtx *x, const char *name, int day, int minutes)
{
    char d[9], line[96];
    ics_date(day, d);
    unsigned m = (unsigned)minutes % 1440u;
    snprintf(line, sizeof line, "%s;TZID=%s:%sT%02u%02u00", name, ICS_TZID, d, m / 60, m % 60);
    put_line(x->out, line);
}

static void component_begin(IcsCtx *x, const char *kind, const Row *r)
{
    StrBuf uid;
    strbuf_init(&uid);
    strbuf_printf(&uid, "%s@%s.ruta", r->id, x->uid_domain);
    strbuf_puts(x->out, "BEGIN:");
    strbuf_puts(x->out, kind);
    strbuf_puts(x->out, "\r\n");
    ics_prop(x->out, "UID", strbuf_cstr(&uid));
    ics_prop(x->out, "DTSTAMP", x->dtstamp);
    strbuf_free(&uid);
}

static void component_end(IcsCtx *x, const char *kind)
{
    strbuf_puts(x->out, "END:");
    strbuf_puts(x->out, kind);
    strbuf_puts(x->out, "\r\n");
}

/* "CATEGORIES:A,B" with each value escaped. */
static void prop_categories(IcsCtx *x, const char *a, const char *b)
{
    StrBuf line;
    strbuf_init(&line);
    strbuf_puts(&line, "CATEGORIES:");
    ics_escape_text(&line, a);
    if (b) {
        strbuf_putc(&line, ',');
        ics_escape_text(&line, b);
    }
    ics_fold(x->out, strbuf_cstr(&line), line.len);
    strbuf_free(&line);
}

/* Appends "Label: value" as a DESCRIPTION line when value is not empty. */
static void text_line(StrBuf *t, const char *label, const char *value)
{
    if (!value || !*value)
        return;
    if (t->len)
        strbuf_putc(t, '\n');
    strbuf_puts(t, label);
    strbuf_puts(t, value);
}

/* Appends the row's detalle (csv_rows.h), one part per line. */
static void text_detalle(IcsCtx *x, const Row *r)
{
    strbuf_clear(&x->scratch);
    rows_detalle(&x->scratch, r, x->m, x->as_of, "\n");
    if (!x->scratch.len)
        return;
    if (x->text.len)
        strbuf_putc(&x->text, '\n');
    strbuf_append(&x->text, x->scratch.data, x->scratch.len);
}

static void prop_summary(IcsCtx *x, const char *title)
{
    if (!x->prefix) {
        ics_prop_text(x->out, "SUMMARY", title);
        return;
    }
    StrBuf t;
    strbuf_init(&t);
    strbuf_printf(&t, "%s: %s", x->prefix, title);
    ics_prop_text(x->out, "SUMMARY", strbuf_cstr(&t));
    strbuf_free(&t);
}

static void prop_description(IcsCtx *x)
{
    if (x->text.len)
        ics_prop_text(x->out, "DESCRIPTION", strbuf_cstr(&x->text));
}

static void progress_line(IcsCtx *x, const MAccion *a)
{
    Progress p = progress_of(a, x->as_of);
    char d[11];
    date_format(x->as_of, d);
    if (x->text.len)
        strbuf_putc(&x->text, '\n');
    strbuf_printf(&x->text, "Estado al %s: %s, avance ", d, progress_state_label(p.state));
    rows_number(&x->text, p.avance);
    strbuf_putc(&x->text, '%');
}

static void event_accion(IcsCtx *x, const Row *r)
{
    const MAccion *a = r->accion;
    component_begin(x, "VEVENT", r);
    prop_date(x, "DTSTART", a->inicio);
    prop_date(x, "DTEND", a->fin + 1);
    prop_summary(x, rows_titulo(r));
    strbuf_clear(&x->text);
    text_line(&x->text, "Capacidad: ", a->capacidad ? a->capacidad->titulo : NULL);
    text_line(&x->text, "Responsable: ", rows_responsable(r));
    text_detalle(x, r);
    progress_line(x, a);
    prop_description(x);
    prop_categories(x, "Acción", NULL);
    ics_prop(x->out, "TRANSP", "TRANSPARENT");
    component_end(x, "VEVENT");
}

static void event_hito(IcsCtx *x, const Row *r)
{
    const MHito *h = r->hito;
    component_begin(x, "VEVENT", r);
    if (h->minutos >= 0) {
        int end_day = r->fin, end_min = r->hora_fin;
        if (end_min < 0) {
            int end = h->minutos + ICS_DEFAULT_MINUTES;
            end_day = h->fecha + end / 1440;
            end_min = end % 1440;
        }
        prop_local_time(x, "DTSTART", h->fecha, h->minutos);
        prop_local_time(x, "DTEND", end_day, end_min);
    } else {
        prop_date(x, "DTSTART", h->fecha);
        prop_date(x, "DTEND", r->fin + 1);
    }
    prop_summary(x, rows_titulo(r));
    if (*rows_lugar(r))
        ics_prop_text(x->out, "LOCATION", rows_lugar(r));
    strbuf_clear(&x->text);
    text_line(&x->text, "Acción: ", h->accion ? h->accion->titulo : NULL);
    text_line(&x->text, "Responsable: ", rows_responsable(r));
    text_detalle(x, r);
    prop_description(x);
    prop_categories(x, "Hito", h->tipo ? h->tipo->label : "Reunión");
    component_end(x, "VEVENT");
}

static void event_seguimiento(IcsCtx *x, const Row *r)
{
    component_begin(x, "VEVENT", r);
    prop_date(x, "DTSTART", r->inicio);
    prop_date(x, "DTEND", r->inicio + 1);
    prop_summary(x, rows_titulo(r));
    strbuf_clear(&x->text);
    text_detalle(x, r);
    prop_description(x);
    prop_categories(x, "Seguimiento", NULL);
    ics_prop(x->out, "TRANSP", "TRANSPARENT");
    component_end(x, "VEVENT");
}

static void todo_acuerdo(IcsCtx *x, const Row *r)
{
    const MRecord *a = r->acuerdo;
    bool done = a->cierre != NULL;
    component_begin(x, "VTODO", r);
    prop_date(x, "DUE", a->plazo);
    prop_summary(x, rows_titulo(r));
    strbuf_clear(&x->text);
    text_line(&x->text, "Responsable: ", rows_responsable(r));
    text_detalle(x, r);
    prop_description(x);
    prop_categories(x, "Acuerdo", NULL);
    ics_prop(x->out, "STATUS", done ? "COMPLETED" : "NEEDS-ACTION");
    if (done)
        ics_prop(x->out, "PERCENT-COMPLETE", "100");
    component_end(x, "VTODO");
}

void ics_begin_calendar(StrBuf *out, const char *name)
{
    put_line(out, "BEGIN:VCALENDAR");
    put_line(out, "VERSION:2.0");
    put_line(out, "PRODID:-//Ruta//ruta " RUTA_VERSION "//ES");
    put_line(out, "CALSCALE:GREGORIAN");
    put_line(out, "METHOD:PUBLISH");
    ics_prop_text(out, "X-WR-CALNAME", name);
    ics_prop(out, "X-WR-TIMEZONE", ICS_TZID);
    ics_vtimezone(out);
}

void ics_end_calendar(StrBuf *out)
{
    put_line(out, "END:VCALENDAR");
}

void ics_write_plan(StrBuf *out, Arena *a, const Model *m, int as_of, long long epoch, const char *uid_domain,
                    unsigned kinds, const char *prefix, OutFile *sink)
{
    IcsCtx x = { m, as_of, out, uid_domain, prefix, "", { NULL, 0, 0 }, { NULL, 0, 0 } };
    format_dtstamp(epoch, x.dtstamp);
    RowsIndex ix = rows_index_build(a, m);
    RowList rows = rows_build(a, m, &ix, false);
    for (size_t i = 0; i < rows.n; i++) {
        const Row *r = &rows.items[i];
        if (!(kinds & (1u << r->kind)))
            continue;
        switch (r->kind) {
        case ROW_ACCION: event_accion(&x, r); break;
        case ROW_HITO: event_hito(&x, r); break;
        case ROW_SEGUIMIENTO: event_seguimiento(&x, r); break;
        case ROW_ACUERDO: todo_acuerdo(&x, r); break;
        case ROW_FERIADO:
        case ROW_VACACIONES: break;
        }
        output_flush(sink, out);
    }
    strbuf_free(&x.text);
    strbuf_free(&x.scratch);
}

int backend_ics(const BackendCtx *ctx, StrBuf *out)
{
    const MPlan *p = ctx->m->plan;
    StrBuf name;
    strbuf_init(&name);
    strbuf_puts(&name, p->titulo);
    if (p->establecimiento) {
        strbuf_puts(&name, " — ");
        strbuf_puts(&name, p->establecimiento);
    }
    ics_begin_calendar(out, strbuf_cstr(&name));
    strbuf_free(&name);
    ics_write_plan(out, &ctx->c->arena, ctx->m, ctx->as_of, ctx->epoch, p->id, ICS_ALL, NULL, ctx->sink);
    ics_end_calendar(out);
    return 0;
}
