/* pdf_gantt.h - the Gantt chart of the cronograma (report section 3).
 *
 * Contract: pdf_gantt_draw() starts a landscape page, places the pending
 * headings of the layout on it, and draws the chart over as many landscape
 * pages as the plan needs: months across (the plan's periodo, whole
 * months; when they do not fit at a readable width the months are split
 * into windows, each drawn for all rows), one row per action grouped by
 * capacidad, with the plan's monitoring meetings and other plan-level hitos
 * in rows of their own first. Rows never split: a row that does not fit
 * goes to the next page under a repeated legend and month header, and a
 * capacidad continued there repeats its group row. Labels wrap inside their
 * column, so they never overlap one another or the bars.
 *
 * Marks: the bar spans the action's fechas in force, its darker part the
 * latest avance recorded by the as-of date; an adjusted action shows its
 * planned fechas as a dashed outline behind the bar; hitos are diamonds
 * (monitoring meetings in orange, with a dotted line across the chart);
 * feriados and vacaciones of the plan's calendar are shaded; a red line
 * marks the as-of date. A legend on every page explains them.
 *
 * Reads the model only; strings go to `arena`; drawing errors are left to
 * the document's error handler.
 */
#ifndef RUTA_PDF_GANTT_H
#define RUTA_PDF_GANTT_H

#include "arena.h"
#include "model.h"
#include "pdf_layout.h"

void pdf_gantt_draw(PdfLayout *L, const Model *m, int as_of, Arena *arena);

#endif
