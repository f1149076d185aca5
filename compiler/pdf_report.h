/* pdf_report.h - the content of the PDF report (spec section 9), section
 * by section, written into a PdfLayout.
 *
 * Contract: the section functions read the model and the compilation and
 * only call the layout (pdf_layout.h) and the chart (pdf_gantt.h); they
 * keep no state between calls other than the PdfReport. Formatted strings
 * live in the report's arena (freed by the caller after the document is
 * saved). The order of the calls is the order of the report:
 * cover, generales, matriz, cronograma, hitos, seguimiento, responsables,
 * alertas, anexo, and last pdf_report_index (which fills in the Índice of
 * the cover once every heading has its page).
 */
#ifndef RUTA_PDF_REPORT_H
#define RUTA_PDF_REPORT_H

#include "arena.h"
#include "backends.h"
#include "pdf_layout.h"
#include "strbuf.h"

/* The sections and subsections with an index entry and a bookmark. */
enum {
    PDF_SEC_GENERALES, PDF_SEC_RECURSOS, PDF_SEC_MATRIZ, PDF_SEC_CRONOGRAMA, PDF_SEC_HITOS, PDF_SEC_SEGUIMIENTO,
    PDF_SEC_ACTAS, PDF_SEC_ACUERDOS, PDF_SEC_NUDOS, PDF_SEC_RESPONSABLES, PDF_SEC_ALERTAS, PDF_SEC_ANEXO, PDF_SEC_COUNT
};

typedef struct PdfReport {
    const BackendCtx *ctx;
    const Model *m;
    const MPlan *plan;
    PdfLayout *L;
    Arena *arena;            /* formatted strings */
    StrBuf sb;               /* scratch for formatting */
    int as_of;
    /* the printed index: where it goes and which entries it has */
    size_t index_page;       /* page of the index (0: the cover) */
    float index_top;
    int max_index_level;     /* entries of deeper levels are left out */
    int slot[PDF_SEC_COUNT]; /* index slot of each section, or -1 */
    int *cap_slot;           /* index slot of each capacidad, or -1 */
} PdfReport;

void pdf_report_init(PdfReport *R, const BackendCtx *ctx, PdfLayout *L, Arena *arena);
void pdf_report_free(PdfReport *R);

/* Formatting helpers shared by the sections (strings in the arena). */
const char *pdf_r_date(PdfReport *R, int day);       /* "14 de mayo de 2026" */
const char *pdf_r_short(PdfReport *R, int day);      /* "14/05/2026" */
const char *pdf_r_range(PdfReport *R, int from, int to);
const char *pdf_r_money(PdfReport *R, const MMoney *m);
const char *pdf_r_measure(PdfReport *R, const MMeasure *v, const char *unidad);
const char *pdf_r_party(PdfReport *R, const MParty *p);
const char *pdf_r_parties(PdfReport *R, const MPartyList *l);
const char *pdf_r_term(const Term *t);                /* label, or "" */
/* Display name of a declaration named in a record (persona, equipo,
 * acción, indicador...). */
const char *pdf_r_decl_name(const Decl *d);

/* Rows of a table, given the report and an argument. */
typedef void PdfRowsFn(PdfReport *R, PdfTable *t, const void *arg);
/* Runs `rows` twice on a begun table: once to fit the columns to the
 * longest words, once to draw; then ends the table. */
void pdf_r_table(PdfReport *R, PdfTable *t, PdfRowsFn *rows, const void *arg);
/* Starts a main section on a new portrait page with its heading. */
void pdf_r_section(PdfReport *R, int sec);
/* The style of body text. */
PdfStyle pdf_r_body(void);
/* Label of a term of a vocabulary of the compilation ("" if unknown). */
const char *pdf_r_term_label(PdfReport *R, const char *vocab, const char *term);

/* The sections, in order. */
void pdf_report_cover(PdfReport *R);
void pdf_report_generales(PdfReport *R);
void pdf_report_matriz(PdfReport *R);
void pdf_report_cronograma(PdfReport *R);
void pdf_report_hitos(PdfReport *R);
void pdf_report_seguimiento(PdfReport *R);
void pdf_report_responsables(PdfReport *R);
void pdf_report_alertas(PdfReport *R);
void pdf_report_anexo(PdfReport *R);
void pdf_report_index(PdfReport *R);

/* Section titles (also the outline entries and the index). */
extern const char *const PDF_SECTION_TITLES[PDF_SEC_COUNT];

#endif
