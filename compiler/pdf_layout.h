/* pdf_layout.h - pages, paragraphs, headings and tables on top of libharu.
 *
 * Contract: a PdfLayout lays out a flow of content from the top of a page
 * downwards (points, origin at the bottom left as in PDF) and adds pages as
 * needed; it never draws outside the content area of a page and never cuts
 * text: paragraphs and table cells wrap by measured width (UTF-8, per code
 * point widths from pdf_font.h), words wider than the column are broken
 * between characters, and rows taller than the space left continue on the
 * next page below the repeated header row.
 *
 * Headings are *pending* until the next content is placed: the heading and
 * the first line (or row) of what follows always share a page, so no
 * heading ends alone at the bottom. When a heading is placed it gets its
 * PDF outline entry (level 1 at the root, level 2 under the last level 1,
 * level 3 under the last level 2) and, if it has an index slot, its page
 * number in `index` (for the printed Índice).
 *
 * The running header (plan title, establecimiento) and the footer
 * ("Página N de M") are drawn by pdf_layout_finish() on every page but the
 * cover, once the number of pages is known.
 *
 * Drawing appends operators to the current page's buffer in the
 * document's PdfContents (pdf_content.h); libharu gets them at save.
 *
 * Memory: the layout owns its page list, line buffers and index titles
 * (heap, released by pdf_layout_free); texts passed in are copied when
 * kept. libharu objects and the page buffers belong to the document.
 * Errors: libharu reports through the document's error handler; the
 * layout only reads `*failed` to stop drawing early.
 */
#ifndef RUTA_PDF_LAYOUT_H
#define RUTA_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "pdf_content.h"
#include "pdf_font.h"
#include "strbuf.h"

typedef struct PdfColor {
    float r, g, b;
} PdfColor;

/* The palette of the report (docs/pdf.md). */
extern const PdfColor PDF_INK;        /* body text */
extern const PdfColor PDF_MUTED;      /* secondary text */
extern const PdfColor PDF_NAVY;       /* headings, table headers */
extern const PdfColor PDF_BLUE;       /* accents */
extern const PdfColor PDF_RED;        /* accents, the as-of line */
extern const PdfColor PDF_RULE;       /* table borders */
extern const PdfColor PDF_SHADE;      /* zebra rows, label cells */
extern const PdfColor PDF_WHITE;

typedef enum PdfFontId { PDF_REGULAR, PDF_BOLD, PDF_FONT_COUNT } PdfFontId;

typedef enum PdfAlign { PDF_LEFT, PDF_CENTER, PDF_RIGHT } PdfAlign;

typedef struct PdfStyle {
    PdfFontId font;
    float size;       /* points */
    float leading;    /* height of a line, points */
    PdfColor color;
} PdfStyle;

/* One wrapped line: text in its PdfLines' buffer. */
typedef struct PdfLine {
    size_t off, len;  /* bytes in PdfLines.text */
    float width;      /* measured width, points (hyphen included) */
    bool hyphen;      /* a word broken here: draw a hyphen after the text */
    PdfStyle style;
} PdfLine;

/* A list of wrapped lines and the normalised text they point into. */
typedef struct PdfLines {
    StrBuf text;
    PdfLine *items;
    size_t n, cap;
} PdfLines;

typedef struct PdfPageRec {
    HPDF_Page page;
    bool cover;       /* no running header or footer */
    bool landscape;
} PdfPageRec;

typedef struct PdfIndexEntry {
    char *title;      /* owned copy */
    int level;        /* 1 section, 2 subsection */
    int page;         /* 1-based page, 0 until its heading is placed */
} PdfIndexEntry;

typedef struct PdfPending {
    char *title;      /* owned copy */
    int level;        /* 1..3 */
    bool outline;     /* add an outline entry */
    int index_slot;   /* entry of `index`, or -1 */
} PdfPending;

enum { PDF_MAX_PENDING = 4, PDF_MAX_COLS = 10 };

typedef struct PdfLayout {
    const struct HpdfApi *hp;      /* libharu (the document's table) */
    HPDF_Doc doc;
    HPDF_Encoder enc;              /* UTF-8 encoder, for outline titles */
    PdfFont *fonts[PDF_FONT_COUNT];
    const bool *failed;            /* set by the document's error handler */
    float paper_w, paper_h;        /* portrait size of the paper */
    float margin_x;                /* left and right margins */
    /* the current page */
    HPDF_Page page;
    bool landscape, cover;
    float w, h;                    /* its size */
    float x0, x1;                  /* content area, left and right */
    float ytop, ybottom;           /* content area, top and bottom */
    float y;                       /* the flow: top of the free space */
    PdfPageRec *pages;
    size_t npages, cappages;
    PdfContents *contents;         /* the pages' operators, same indices */
    size_t cur;                    /* the current page's index */
    /* what the current page's graphics state already holds */
    HPDF_Font cur_font;
    float cur_size;
    PdfColor cur_fill;
    bool fill_known;
    /* running header and footer */
    const char *head_title, *head_sub, *foot_left;
    /* pending headings and the outline tree */
    PdfPending pending[PDF_MAX_PENDING];
    size_t npending;
    HPDF_Outline outline[4];       /* last outline of each level (1..3) */
    PdfIndexEntry *index;
    size_t nindex, capindex;
    /* wrapping */
    PdfLines lines;                /* general use: headings, paragraphs */
    PdfLines cells;                /* the table row being drawn */
} PdfLayout;

/* ---- set-up, pages ------------------------------------------------------ */

void pdf_layout_init(PdfLayout *L, const struct HpdfApi *hp, HPDF_Doc doc, PdfContents *contents, PdfFont *regular,
                     PdfFont *bold, const bool *failed, float paper_w, float paper_h);
void pdf_layout_free(PdfLayout *L);
/* Starts a page (the flow moves to its top). The cover has no header. */
void pdf_page_new(PdfLayout *L, bool landscape, bool cover);
/* Makes an existing page current again (to draw on it after the flow has
 * moved on); the flow's position is not changed. */
void pdf_layout_use_page(PdfLayout *L, size_t index);
/* The current page's operator buffer (pdf_content.h). */
StrBuf *pdf_ops(PdfLayout *L);
/* Has libharu reported an error (nothing more is drawn)? */
bool pdf_failed(const PdfLayout *L);
/* Draws headers and footers on every page but the cover. */
void pdf_layout_finish(PdfLayout *L);

/* ---- text ---------------------------------------------------------------- */

PdfStyle pdf_style(PdfFontId font, float size, PdfColor color);
float pdf_text_width(PdfLayout *L, const PdfStyle *st, const char *s, size_t n);
/* Draws one line of text with its baseline at y (no wrapping). */
void pdf_text_draw(PdfLayout *L, const PdfStyle *st, float x, float baseline, const char *s, size_t n);
/* Baseline of a line whose box starts at `top`. */
float pdf_baseline(const PdfStyle *st, float top);
void pdf_lines_init(PdfLines *ls);
void pdf_lines_clear(PdfLines *ls);
void pdf_lines_free(PdfLines *ls);
/* Wraps `text` to `width` and appends the lines to `ls`; returns how many
 * were added (at least one, possibly empty). */
size_t pdf_wrap(PdfLayout *L, PdfLines *ls, const PdfStyle *st, const char *text, float width);
/* Draws line k of `ls` with its box top at `top`, aligned in `width`. */
void pdf_line_draw(PdfLayout *L, const PdfLines *ls, size_t k, float x, float width, PdfAlign align, float top);

/* ---- graphics ------------------------------------------------------------ */

void pdf_fill_rect(PdfLayout *L, float x, float y, float w, float h, PdfColor c);
void pdf_stroke_rect(PdfLayout *L, float x, float y, float w, float h, PdfColor c, float lw);
void pdf_stroke_line(PdfLayout *L, float x0, float y0, float x1, float y1, PdfColor c, float lw, bool dashed);
/* A diamond centred at (x, y) with half-diagonal r. */
void pdf_diamond(PdfLayout *L, float x, float y, float r, PdfColor fill, PdfColor stroke);

/* ---- the flow ------------------------------------------------------------ */

/* A heading (level 1..3), placed with the next content. `index_slot` is an
 * entry added with pdf_index_add, or -1. */
void pdf_heading(PdfLayout *L, int level, const char *title, bool outline, int index_slot);
/* Places the pending headings so that `first` more points fit below them on
 * the same page (a new page when not); afterwards the flow is ready. */
void pdf_place(PdfLayout *L, float first);
/* Vertical space (dropped at the top of a page). */
void pdf_space(PdfLayout *L, float h);
/* A wrapped paragraph, `indent` points from the left. */
void pdf_paragraph(PdfLayout *L, const PdfStyle *st, const char *text, float indent);
/* A top-level outline entry for the top of the current page. */
void pdf_bookmark(PdfLayout *L, const char *title);
/* Adds an entry to the printed index; returns its slot. */
int pdf_index_add(PdfLayout *L, const char *title, int level);
/* Height of the content area of a fresh page in the current orientation. */
float pdf_page_capacity(const PdfLayout *L);

/* ---- tables (pdf_table.c) ---------------------------------------------------- */

typedef struct PdfColumn {
    const char *title;
    float weight;     /* share of the table width */
    PdfAlign align;
} PdfColumn;

enum { PDF_BOX_NONE, PDF_BOX_EMPTY, PDF_BOX_CHECKED };

typedef struct PdfCell {
    const char *text; /* may be NULL */
    const char *note; /* smaller second paragraph, or NULL */
    bool bold;
    int box;          /* PDF_BOX_*: a check box instead of text */
    const PdfColor *color; /* text colour, NULL for the default */
} PdfCell;

typedef struct PdfTable {
    PdfLayout *L;
    const PdfColumn *cols;
    size_t ncols;
    PdfColumn own[2];           /* columns of a key-value table */
    float x[PDF_MAX_COLS + 1];  /* column edges */
    float minw[PDF_MAX_COLS];   /* widths the longest words need (pdf_table_fit) */
    PdfStyle body, bold, note, head;
    bool header;                /* draw (and repeat) the header row */
    bool label_shade;           /* shade the first column (key-value tables) */
    bool zebra;                 /* shade every other row */
    float pad;                  /* cell padding */
    bool fitting;               /* rows only widen columns (a first pass) */
    bool need_header;           /* header not yet drawn on this page */
    float header_h;
    size_t rows;
} PdfTable;

/* Starts a table; the columns are at least as wide as the longest word of
 * their titles. */
void pdf_table_begin(PdfTable *t, PdfLayout *L, const PdfColumn *cols, size_t ncols);
/* Rows are drawn; while `fitting` is set (by the caller, for a first pass
 * over the same rows) they only widen the columns for their longest words.
 * Before the first row: widens column `col` (taking the space from the
 * others, by weight) so that the longest word of `text` fits unbroken. */
void pdf_table_fit(PdfTable *t, size_t col, const char *text, bool bold);
/* pdf_table_fit for the text of every cell of a row. */
void pdf_table_fit_row(PdfTable *t, const PdfCell *cells);
void pdf_table_row(PdfTable *t, const PdfCell *cells);
void pdf_table_end(PdfTable *t);

/* A two-column key-value table: call pdf_fields_begin, then pdf_field for
 * each pair, then pdf_table_end. */
void pdf_fields_begin(PdfTable *t, PdfLayout *L, float label_weight);
void pdf_field(PdfTable *t, const char *label, const char *value);

#endif
