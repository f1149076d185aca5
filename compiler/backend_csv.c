/* backend_csv.c - `ruta csv`: the plan's calendar as RFC 4180 CSV
 * (section 9; docs/calendars.md).
 *
 * One record per row of csv_rows.h, after a header with the spec's column
 * names. Records end with CRLF; a field is quoted when it holds the
 * separator, a quote, CR or LF, with quotes doubled. Text is the plan's
 * UTF-8, byte for byte; --bom puts U+FEFF first for Excel, --sep ';' is for
 * spreadsheets in Spanish locales. With a sink (backends.h) the output is
 * flushed after each record.
 */
#include <string.h>

#include "backends.h"
#include "csv_write.h"
#include "csv_rows.h"
#include "date.h"

static const char *const COLUMNS[] = {
    "tipo", "id", "titulo", "inicio", "fin", "hora_inicio", "hora_fin",
    "capacidad", "responsable", "lugar", "detalle",
};

enum { NCOLUMNS = sizeof COLUMNS / sizeof COLUMNS[0] };

static const char UTF8_BOM[] = "\xEF\xBB\xBF";

static void put_row(StrBuf *out, const Row *r, const BackendCtx *ctx, char sep, StrBuf *detalle)
{
    char inicio[11], fin[11], hi[6] = "", hf[6] = "";
    date_format(r->inicio, inicio);
    date_format(r->fin, fin);
    if (r->hora_inicio >= 0)
        rows_hhmm(r->hora_inicio, hi);
    if (r->hora_fin >= 0)
        rows_hhmm(r->hora_fin, hf);
    strbuf_clear(detalle);
    rows_detalle(detalle, r, ctx->m, ctx->as_of, " | ");
    const char *fields[NCOLUMNS] = {
        rows_kind_name(r->kind), r->id, rows_titulo(r), inicio, fin, hi, hf,
        rows_capacidad(r), rows_responsable(r), rows_lugar(r), strbuf_cstr(detalle),
    };
    csv_write_row(out, fields, NCOLUMNS, sep);
}

int backend_csv(const BackendCtx *ctx, StrBuf *out)
{
    char sep = ctx->cli->sep == ';' ? ';' : ',';
    if (ctx->cli->bom)
        strbuf_puts(out, UTF8_BOM);
    csv_write_row(out, COLUMNS, NCOLUMNS, sep);
    Arena *a = &ctx->c->arena;
    RowsIndex ix = rows_index_build(a, ctx->m);
    RowList rows = rows_build(a, ctx->m, &ix, ctx->cli->with_calendar);
    StrBuf detalle;
    strbuf_init(&detalle);
    for (size_t i = 0; i < rows.n; i++) {
        put_row(out, &rows.items[i], ctx, sep, &detalle);
        output_flush(ctx->sink, out);
    }
    strbuf_free(&detalle);
    return 0;
}
