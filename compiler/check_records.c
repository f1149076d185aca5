/* check_records.c - execution records (section 11): W406, W407, W408,
 * E409, W410. Day-counting rules are in docs/checks.md. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* "'x'" for a record with an id, else its text in quotes, shortened. */
static const char *record_name(Compilation *c, const MRecord *r)
{
    if (r->id)
        return arena_printf(&c->arena, "'%s'", r->id);
    size_t n = strlen(r->texto);
    if (n <= 60)
        return arena_printf(&c->arena, "«%s»", r->texto);
    size_t cut = 57;
    while (cut && ((unsigned char)r->texto[cut] & 0xC0) == 0x80)
        cut--;
    return arena_printf(&c->arena, "«%.*s…»", (int)cut, r->texto);
}

/* The entry's keyword and name ("nudo dialogo:"), the smallest span that
 * names it. */
static Loc entry_head(const MEntry *e)
{
    const Attr *a = e->attr;
    return a->entry != ENTRY_NONE ? loc_span(attr_entry_loc(a), attr_key_loc(a)) : attr_key_loc(a);
}

/* W406: an acuerdo whose plazo is before the as-of date and that no
 * cumplido closes by then (a plazo on the as-of date is not yet due). */
static void check_acuerdos(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nacuerdos; i++) {
        MRecord *r = &m->acuerdos[i];
        if (r->plazo == MODEL_NO_DAY || r->plazo >= m->as_of || r->cierre || r->seg->fecha > m->as_of)
            continue;
        Diagnostic *g = diag_report(&c->diag, DIAG_ACUERDO_PENDING, r->plazo_loc, record_name(c, r),
                                    checks_date(c, r->plazo), NULL);
        diag_note(&c->diag, g, DIAG_NOTE_RECORDED_HERE, entry_head(r->entry), checks_date(c, r->seg->fecha), NULL);
    }
}

/* W407: a monitoring hito dated before the as-of date with no seguimiento
 * that names it with `hito:` or is dated that day. */
static void check_meetings(Compilation *c, Model *m)
{
    size_t n = m->nhitos;
    unsigned char *recorded = calloc(n ? n : 1, 1);
    if (!recorded)
        abort();
    /* Index the hitos by decl for the `hito:` links: the model pointer of a
     * hito's decl is the hito; mark through a scan of the seguimientos. */
    for (size_t i = 0; i < m->nseguimientos; i++)
        if (m->seguimientos[i]->hito)
            for (size_t k = 0; k < n; k++)
                if (m->hitos[k] == m->seguimientos[i]->hito) {
                    recorded[k] = 1;
                    break;
                }
    for (size_t k = 0; k < n; k++) {
        MHito *h = m->hitos[k];
        if (!h->monitoreo || h->fecha >= m->as_of || recorded[k])
            continue;
        /* A seguimiento dated that day: binary search over the sorted list. */
        size_t lo = 0, hi = m->nseguimientos;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (m->seguimientos[mid]->fecha < h->fecha)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < m->nseguimientos && m->seguimientos[lo]->fecha == h->fecha)
            continue;
        Attr *fa = decl_attr(h->decl, "fecha");
        Diagnostic *g = diag_report(&c->diag, DIAG_MEETING_UNRECORDED, fa ? fa->values->loc : h->decl->name_loc,
                                    h->id, checks_date(c, h->fecha), NULL);
        diag_help(&c->diag, g, DIAG_HELP_RECORD_MEETING, checks_date(c, h->fecha), h->id, NULL);
    }
    free(recorded);
}

/* W408: a nudo not resolved by the as-of date although two or more
 * seguimientos were held after the one that recorded it. */
static void check_nudos(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nnudos; i++) {
        MRecord *r = &m->nudos[i];
        if (r->cierre || r->seg->fecha > m->as_of)
            continue;
        size_t later = 0;
        StrBuf dates;
        strbuf_init(&dates);
        for (size_t k = 0; k < m->nseguimientos; k++) {
            MSeguimiento *s = m->seguimientos[k];
            if (s->fecha <= r->seg->fecha || s->fecha > m->as_of)
                continue;
            strbuf_printf(&dates, "%s%s", later ? ", " : "", checks_date(c, s->fecha));
            later++;
        }
        if (later >= 2) {
            char count[32];
            snprintf(count, sizeof count, "%zu", later);
            Diagnostic *g = diag_report(&c->diag, DIAG_NUDO_OPEN, entry_head(r->entry), record_name(c, r), count,
                                        arena_strdup(&c->arena, strbuf_cstr(&dates)), NULL);
            (void)g;
        }
        strbuf_free(&dates);
    }
}

/* E409: a cumplido/resuelto in a seguimiento dated before the one that
 * records what it closes (same date is fine). */
static void check_closings(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        for (size_t k = 0; k < s->nentries; k++) {
            MEntry *e = &s->entries[k];
            if ((e->kind != ENTRY_CUMPLIDO && e->kind != ENTRY_RESUELTO) || !e->target || !e->target->model)
                continue;
            MRecord *r = e->target->model;
            if (s->fecha >= r->seg->fecha)
                continue;
            Diagnostic *g = diag_report(&c->diag, DIAG_CLOSED_BEFORE, attr_key_loc(e->attr), ast_entry_keyword(e->kind),
                                        ast_kind_definite(e->target->kind), e->target->name,
                                        checks_date(c, s->fecha), checks_date(c, r->seg->fecha), NULL);
            diag_note(&c->diag, g, DIAG_NOTE_RECORDED_HERE, entry_head(r->entry), checks_date(c, r->seg->fecha), NULL);
        }
    }
}

/* W410: a seguimiento that names a hito dated another day. */
static void check_links(Compilation *c, Model *m)
{
    for (size_t i = 0; i < m->nseguimientos; i++) {
        MSeguimiento *s = m->seguimientos[i];
        if (!s->hito || s->hito->fecha == s->fecha)
            continue;
        Attr *ha = decl_attr(s->decl, "hito");
        Diagnostic *g = diag_report(&c->diag, DIAG_SEG_DATE_MISMATCH, ha ? ha->values->loc : s->decl->name_loc,
                                    checks_date(c, s->fecha), s->hito->id, checks_date(c, s->hito->fecha), NULL);
        Attr *fa = decl_attr(s->hito->decl, "fecha");
        diag_note(&c->diag, g, DIAG_NOTE_HITO_DATE, fa ? fa->values->loc : s->hito->decl->name_loc, s->hito->id,
                  checks_date(c, s->hito->fecha), NULL);
    }
}

void check_records(Compilation *c, Model *m)
{
    check_acuerdos(c, m);
    check_meetings(c, m);
    check_nudos(c, m);
    check_closings(c, m);
    check_links(c, m);
}
