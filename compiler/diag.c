/* diag.c - collecting, ordering and rendering diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "utf8.h"
#include "version.h"

const DiagCatalogEntry diag_catalog[DIAG_COUNT] = {
#define DIAG(id, code, sev, tmpl, desc) [DIAG_##id] = { code, SEV_##sev, tmpl, desc },
#include "diag_catalog.def"
#undef DIAG
};

enum { DIAG_MAX_ARGS = 8 };

/* Widest excerpt shown for one source line, in code points. */
enum { EXCERPT_WIDTH = 160, EXCERPT_BEFORE = 60 };

void diag_init(DiagEngine *d, Arena *arena, SourceManager *sm, size_t max_errors)
{
    memset(d, 0, sizeof *d);
    d->arena = arena;
    d->sm = sm;
    d->max_errors = max_errors;
}

void diag_free(DiagEngine *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->items[i].notes);
    free(d->items);
    d->items = NULL;
    d->n = d->cap = 0;
}

/* Appends an uninitialised diagnostic to the vector. */
static Diagnostic *new_slot(DiagEngine *d)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        Diagnostic *p = realloc(d->items, d->cap * sizeof *p);
        if (!p) {
            fputs("ruta: error: memoria insuficiente\n", stderr);
            abort();
        }
        d->items = p;
    }
    return &d->items[d->n++];
}

void diag_adopt(DiagEngine *into, DiagEngine *from)
{
    for (size_t i = 0; i < from->n; i++) {
        Diagnostic *g = new_slot(into);
        *g = from->items[i];
        g->seq = into->n - 1;
    }
    into->errors += from->errors;
    into->stopped = into->stopped || from->stopped;
    into->truncated = into->truncated || from->truncated;
    into->halted = into->halted || from->halted;
    from->n = 0; /* the notes are into's now */
    from->errors = 0;
}

DiagMark diag_mark(const DiagEngine *d)
{
    return (DiagMark){ d->n, d->errors, d->stopped, d->truncated, d->halted };
}

void diag_rollback(DiagEngine *d, DiagMark m)
{
    for (size_t i = m.n; i < d->n; i++)
        free(d->items[i].notes);
    d->n = m.n;
    d->errors = m.errors;
    d->stopped = m.stopped;
    d->truncated = m.truncated;
    d->halted = m.halted;
}

static const char *expand(Arena *a, DiagId id, va_list ap)
{
    const char *args[DIAG_MAX_ARGS] = { 0 };
    for (int i = 0; i < DIAG_MAX_ARGS; i++) {
        const char *s = va_arg(ap, const char *);
        if (!s)
            break;
        args[i] = s;
    }
    StrBuf b;
    strbuf_init(&b);
    const char *t = diag_catalog[id].tmpl;
    for (const char *p = t; *p; p++) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '0' + DIAG_MAX_ARGS && p[2] == '}') {
            const char *arg = args[p[1] - '1'];
            strbuf_puts(&b, arg ? arg : "");
            p += 2;
        } else {
            strbuf_putc(&b, *p);
        }
    }
    const char *out = arena_strndup(a, strbuf_cstr(&b), b.len);
    strbuf_free(&b);
    return out;
}

const char *diag_format(Arena *a, DiagId id, ...)
{
    va_list ap;
    va_start(ap, id);
    const char *s = expand(a, id, ap);
    va_end(ap);
    return s;
}

void diag_halt(DiagEngine *d)
{
    d->halted = d->stopped = true;
}

Diagnostic *diag_report(DiagEngine *d, DiagId id, Loc loc, ...)
{
    if (d->halted)
        return NULL;
    DiagSeverity sev = diag_catalog[id].severity;
    if (sev == SEV_ERROR) {
        if (d->max_errors && d->errors >= d->max_errors) {
            d->stopped = true;
            d->truncated = true;
            return NULL;
        }
        d->errors++;
        if (d->max_errors && d->errors >= d->max_errors)
            d->stopped = d->truncated = true;
    }
    Diagnostic *g = new_slot(d);
    memset(g, 0, sizeof *g);
    g->id = id;
    g->severity = sev;
    g->loc = loc;
    g->seq = d->n - 1;
    va_list ap;
    va_start(ap, loc);
    g->msg = expand(d->arena, id, ap);
    va_end(ap);
    return g;
}

void diag_note(DiagEngine *d, Diagnostic *g, DiagId id, Loc loc, ...)
{
    if (!g)
        return;
    if (g->nnotes == g->capnotes) {
        g->capnotes = g->capnotes ? g->capnotes * 2 : 2;
        DiagNote *p = realloc(g->notes, g->capnotes * sizeof *p);
        if (!p) {
            fputs("ruta: error: memoria insuficiente\n", stderr);
            abort();
        }
        g->notes = p;
    }
    va_list ap;
    va_start(ap, loc);
    g->notes[g->nnotes].loc = loc;
    g->notes[g->nnotes].msg = expand(d->arena, id, ap);
    g->nnotes++;
    va_end(ap);
}

void diag_help(DiagEngine *d, Diagnostic *g, DiagId id, ...)
{
    if (!g)
        return;
    va_list ap;
    va_start(ap, id);
    g->help = expand(d->arena, id, ap);
    va_end(ap);
}

bool diag_code_severity(const char *code, DiagSeverity *sev)
{
    for (int i = 0; i < DIAG_COUNT; i++)
        if (diag_catalog[i].code[0] && strcmp(diag_catalog[i].code, code) == 0) {
            *sev = diag_catalog[i].severity;
            return true;
        }
    return false;
}

static bool in_list(const char **list, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], code) == 0)
            return true;
    return false;
}

static int compare_diags(const void *pa, const void *pb)
{
    const Diagnostic *a = pa, *b = pb;
    if (a->loc.file != b->loc.file)
        return a->loc.file < b->loc.file ? -1 : 1;
    if (a->loc.begin != b->loc.begin)
        return a->loc.begin < b->loc.begin ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_finalize(DiagEngine *d, const DiagPolicy *policy)
{
    for (size_t i = 0; i < d->n; i++) {
        Diagnostic *g = &d->items[i];
        g->severity = diag_catalog[g->id].severity;
        g->promoted = false;
        g->denied = false;
        if (g->severity != SEV_WARNING || !policy)
            continue;
        const char *code = diag_catalog[g->id].code;
        if (in_list(policy->deny, policy->ndeny, code)) {
            g->severity = SEV_ERROR;
            g->promoted = true;
            g->denied = true;
        } else if (in_list(policy->allow, policy->nallow, code)) {
            g->severity = SEV_IGNORED;
        } else if (policy->werror) {
            g->severity = SEV_ERROR;
            g->promoted = true;
        }
    }
    if (d->n > 1)
        qsort(d->items, d->n, sizeof *d->items, compare_diags);
}

size_t diag_count(const DiagEngine *d, DiagSeverity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->items[i].severity == sev;
    return n;
}

/* ---- text ------------------------------------------------------------ */

typedef struct Colors {
    const char *bold, *error, *warning, *note, *caret, *reset;
} Colors;

static const Colors COLOR_ON = { "\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;32m", "\033[0m" };
static const Colors COLOR_OFF = { "", "", "", "", "", "" };

static const char *severity_word(DiagSeverity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_NOTE: return "note";
    case SEV_HELP: return "help";
    case SEV_IGNORED: return "ignored";
    }
    return "error";
}

static const char *severity_color(const Colors *c, DiagSeverity s)
{
    return s == SEV_ERROR ? c->error : s == SEV_WARNING ? c->warning : c->note;
}

static void put_location(StrBuf *out, DiagEngine *d, Loc loc, const Colors *c)
{
    const SourceFile *f = source_file(d->sm, loc.file);
    unsigned line, col;
    strbuf_puts(out, c->bold);
    if (!f) {
        strbuf_puts(out, "ruta");
    } else {
        source_line_col(d->sm, loc.file, loc.begin, &line, &col);
        strbuf_printf(out, "%s:%u:%u", f->path, line, col);
    }
    strbuf_printf(out, ":%s ", c->reset);
}

/* Appends the characters of one source line from code point `from` to `to`,
 * making invalid bytes and control characters visible and harmless. */
static void put_excerpt_text(StrBuf *out, const char *s, size_t n, size_t from, size_t to)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t idx = 0;
    while (p < end && idx < to) {
        size_t len = utf8_valid_len(p, end);
        if (idx >= from) {
            if (len == 0)
                strbuf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
            else if (len == 1 && (*p < 0x20 || *p == 0x7F) && *p != '\t')
                strbuf_putc(out, ' ');
            else
                strbuf_append(out, (const char *)p, len);
        }
        p += len ? len : 1;
        idx++;
    }
}

static void put_excerpt(StrBuf *out, DiagEngine *d, Loc loc, const Colors *c)
{
    const SourceFile *f = source_file(d->sm, loc.file);
    if (!f)
        return;
    unsigned line, col;
    source_line_col(d->sm, loc.file, loc.begin, &line, &col);
    uint32_t start, len;
    source_line_span(d->sm, loc.file, line, &start, &len);
    const char *text = f->text + start;
    size_t nchars = utf8_count(text, len);
    size_t caret = col - 1; /* code points before the caret */
    size_t span_end = loc.end > start + len ? start + len : loc.end;
    size_t width = span_end > loc.begin ? utf8_count(f->text + loc.begin, span_end - loc.begin) : 1;
    if (width == 0)
        width = 1;
    size_t from = 0, to = nchars;
    if (nchars > EXCERPT_WIDTH) {
        from = caret > EXCERPT_BEFORE ? caret - EXCERPT_BEFORE : 0;
        to = from + EXCERPT_WIDTH < nchars ? from + EXCERPT_WIDTH : nchars;
    }
    if (caret + width > to)
        width = caret < to ? to - caret : 1;
    int gutter = 5;
    char num[16];
    int numlen = snprintf(num, sizeof num, "%u", line);
    if (numlen > gutter)
        gutter = numlen;
    strbuf_printf(out, "%*s | ", gutter, num);
    if (from > 0)
        strbuf_puts(out, "…");
    put_excerpt_text(out, text, len, from, to);
    if (to < nchars)
        strbuf_puts(out, "…");
    strbuf_putc(out, '\n');
    strbuf_printf(out, "%*s | ", gutter, "");
    if (from > 0)
        strbuf_putc(out, ' ');
    /* Mirror tabs so the caret lines up in a terminal. */
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    size_t idx = 0;
    while (p < end && idx < caret) {
        size_t l = utf8_valid_len(p, end);
        if (idx >= from)
            strbuf_putc(out, *p == '\t' ? '\t' : ' ');
        p += l ? l : 1;
        idx++;
    }
    while (idx < caret) { /* caret past the end of the line (at EOF) */
        strbuf_putc(out, ' ');
        idx++;
    }
    strbuf_puts(out, c->caret);
    strbuf_putc(out, '^');
    strbuf_repeat(out, '~', width - 1);
    strbuf_puts(out, c->reset);
    strbuf_putc(out, '\n');
}

static void render_text(DiagEngine *d, const DiagRenderOptions *opt, StrBuf *out)
{
    const Colors *c = opt->color ? &COLOR_ON : &COLOR_OFF;
    for (size_t i = 0; i < d->n; i++) {
        Diagnostic *g = &d->items[i];
        if (g->severity == SEV_IGNORED)
            continue;
        put_location(out, d, g->loc, c);
        strbuf_printf(out, "%s%s:%s %s%s", severity_color(c, g->severity),
                      severity_word(g->severity), c->reset, c->bold, g->msg);
        const char *code = diag_catalog[g->id].code;
        if (code[0])
            strbuf_printf(out, " [%s%s]", code, g->denied ? ", --deny" : g->promoted ? ", -Werror" : "");
        strbuf_printf(out, "%s\n", c->reset);
        put_excerpt(out, d, g->loc, c);
        for (size_t k = 0; k < g->nnotes; k++) {
            put_location(out, d, g->notes[k].loc, c);
            strbuf_printf(out, "%snote:%s %s\n", c->note, c->reset, g->notes[k].msg);
        }
        if (g->help)
            strbuf_printf(out, "%sayuda:%s %s\n", c->bold, c->reset, g->help);
    }
    if (d->truncated) {
        char n[32];
        snprintf(n, sizeof n, "%zu", d->max_errors);
        strbuf_printf(out, "ruta: %snote:%s %s\n", c->note, c->reset,
                      diag_format(d->arena, DIAG_TOO_MANY_ERRORS, n, NULL));
    }
    size_t ne = diag_count(d, SEV_ERROR), nw = diag_count(d, SEV_WARNING);
    if (opt->summary && (ne || nw)) {
        strbuf_puts(out, "ruta: ");
        if (ne)
            strbuf_printf(out, "%zu %s", ne, ne == 1 ? "error" : "errores");
        if (ne && nw)
            strbuf_puts(out, " y ");
        if (nw)
            strbuf_printf(out, "%zu %s", nw, nw == 1 ? "advertencia" : "advertencias");
        strbuf_putc(out, '\n');
    }
}

/* ---- JSON ------------------------------------------------------------ */

static void json_position(JsonW *w, DiagEngine *d, Loc loc)
{
    const SourceFile *f = source_file(d->sm, loc.file);
    unsigned line = 0, col = 0, eline = 0, ecol = 0;
    if (f) {
        source_line_col(d->sm, loc.file, loc.begin, &line, &col);
        source_line_col(d->sm, loc.file, loc.end, &eline, &ecol);
    }
    jsonw_key(w, "file");
    if (f)
        jsonw_string(w, f->path);
    else
        jsonw_null(w);
    jsonw_kv_int(w, "line", line);
    jsonw_kv_int(w, "column", col);
    jsonw_kv_int(w, "end_line", eline);
    jsonw_kv_int(w, "end_column", ecol);
}

void diag_json_begin(JsonW *w)
{
    jsonw_array_begin(w);
}

void diag_json_items(DiagEngine *d, JsonW *w)
{
    for (size_t i = 0; i < d->n; i++) {
        Diagnostic *g = &d->items[i];
        if (g->severity == SEV_IGNORED)
            continue;
        jsonw_object_begin(w);
        json_position(w, d, g->loc);
        jsonw_kv_string(w, "severity", severity_word(g->severity));
        jsonw_kv_string(w, "code", diag_catalog[g->id].code);
        jsonw_kv_string(w, "message", g->msg);
        jsonw_key(w, "notes");
        jsonw_array_begin(w);
        for (size_t k = 0; k < g->nnotes; k++) {
            jsonw_object_begin(w);
            json_position(w, d, g->notes[k].loc);
            jsonw_kv_string(w, "message", g->notes[k].msg);
            jsonw_object_end(w);
        }
        jsonw_array_end(w);
        jsonw_key(w, "help");
        jsonw_string(w, g->help);
        jsonw_object_end(w);
    }
}

void diag_json_end(JsonW *w)
{
    jsonw_array_end(w);
    jsonw_finish(w);
}

/* ---- SARIF ----------------------------------------------------------- */

/* A relative URI reference for a path: unreserved bytes kept, others %XX. */
static void path_to_uri(StrBuf *b, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    if (path[0] == '/')
        strbuf_puts(b, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            strbuf_putc(b, (char)*p);
        } else {
            strbuf_putc(b, '%');
            strbuf_putc(b, hex[*p >> 4]);
            strbuf_putc(b, hex[*p & 15]);
        }
    }
}

static void sarif_location(JsonW *w, DiagEngine *d, Loc loc, const char *msg)
{
    const SourceFile *f = source_file(d->sm, loc.file);
    jsonw_object_begin(w);
    if (f) {
        unsigned line, col, eline, ecol;
        source_line_col(d->sm, loc.file, loc.begin, &line, &col);
        source_line_col(d->sm, loc.file, loc.end, &eline, &ecol);
        if (eline == line && ecol == col)
            ecol++;
        StrBuf uri;
        strbuf_init(&uri);
        path_to_uri(&uri, f->path);
        jsonw_key(w, "physicalLocation");
        jsonw_object_begin(w);
        jsonw_key(w, "artifactLocation");
        jsonw_object_begin(w);
        jsonw_kv_string(w, "uri", strbuf_cstr(&uri));
        jsonw_object_end(w);
        jsonw_key(w, "region");
        jsonw_object_begin(w);
        jsonw_kv_int(w, "startLine", line);
        jsonw_kv_int(w, "startColumn", col);
        jsonw_kv_int(w, "endLine", eline);
        jsonw_kv_int(w, "endColumn", ecol);
        jsonw_object_end(w);
        jsonw_object_end(w);
        strbuf_free(&uri);
    }
    if (msg) {
        jsonw_key(w, "message");
        jsonw_object_begin(w);
        jsonw_kv_string(w, "text", msg);
        jsonw_object_end(w);
    }
    jsonw_object_end(w);
}

static const char *sarif_level(DiagSeverity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* Index of the rule of `code` in the list of distinct codes, in catalogue order. */
static int rule_index(const char *code)
{
    int idx = -1;
    for (int i = 0; i < DIAG_COUNT; i++) {
        const char *c = diag_catalog[i].code;
        if (!c[0] || diag_catalog[i].description[0] == '\0')
            continue;
        idx++;
        if (strcmp(c, code) == 0)
            return idx;
    }
    return -1;
}

void diag_sarif_begin(JsonW *w)
{
    jsonw_object_begin(w);
    jsonw_kv_string(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    jsonw_kv_string(w, "version", "2.1.0");
    jsonw_key(w, "runs");
    jsonw_array_begin(w);
    jsonw_object_begin(w);
    jsonw_key(w, "tool");
    jsonw_object_begin(w);
    jsonw_key(w, "driver");
    jsonw_object_begin(w);
    jsonw_kv_string(w, "name", "ruta");
    jsonw_kv_string(w, "version", RUTA_VERSION);
    jsonw_key(w, "rules");
    jsonw_array_begin(w);
    for (int i = 0; i < DIAG_COUNT; i++) {
        const DiagCatalogEntry *e = &diag_catalog[i];
        if (!e->code[0] || !e->description[0])
            continue;
        jsonw_object_begin(w);
        jsonw_kv_string(w, "id", e->code);
        jsonw_key(w, "shortDescription");
        jsonw_object_begin(w);
        jsonw_kv_string(w, "text", e->description);
        jsonw_object_end(w);
        jsonw_key(w, "defaultConfiguration");
        jsonw_object_begin(w);
        jsonw_kv_string(w, "level", sarif_level(e->severity));
        jsonw_object_end(w);
        jsonw_object_end(w);
    }
    jsonw_array_end(w);
    jsonw_object_end(w);
    jsonw_object_end(w);
    jsonw_kv_string(w, "columnKind", "unicodeCodePoints");
    jsonw_key(w, "results");
    jsonw_array_begin(w);
}

void diag_sarif_items(DiagEngine *d, JsonW *w)
{
    for (size_t i = 0; i < d->n; i++) {
        Diagnostic *g = &d->items[i];
        if (g->severity == SEV_IGNORED)
            continue;
        const char *code = diag_catalog[g->id].code;
        jsonw_object_begin(w);
        jsonw_kv_string(w, "ruleId", code);
        jsonw_kv_int(w, "ruleIndex", rule_index(code));
        jsonw_kv_string(w, "level", sarif_level(g->severity));
        jsonw_key(w, "message");
        jsonw_object_begin(w);
        if (g->help)
            jsonw_kv_string(w, "text", arena_printf(d->arena, "%s\n%s", g->msg, g->help));
        else
            jsonw_kv_string(w, "text", g->msg);
        jsonw_object_end(w);
        jsonw_key(w, "locations");
        jsonw_array_begin(w);
        sarif_location(w, d, g->loc, NULL);
        jsonw_array_end(w);
        if (g->nnotes) {
            jsonw_key(w, "relatedLocations");
            jsonw_array_begin(w);
            for (size_t k = 0; k < g->nnotes; k++)
                sarif_location(w, d, g->notes[k].loc, g->notes[k].msg);
            jsonw_array_end(w);
        }
        jsonw_object_end(w);
    }
}

void diag_sarif_end(JsonW *w)
{
    jsonw_array_end(w);
    jsonw_object_end(w);
    jsonw_array_end(w);
    jsonw_object_end(w);
    jsonw_finish(w);
}

static void render_document(DiagEngine *d, DiagFormat format, StrBuf *out)
{
    JsonW w;
    jsonw_init(&w, out);
    if (format == DIAG_JSON) {
        diag_json_begin(&w);
        diag_json_items(d, &w);
        diag_json_end(&w);
    } else {
        diag_sarif_begin(&w);
        diag_sarif_items(d, &w);
        diag_sarif_end(&w);
    }
}

void diag_render(DiagEngine *d, const DiagRenderOptions *opt, StrBuf *out)
{
    switch (opt->format) {
    case DIAG_TEXT: render_text(d, opt, out); break;
    case DIAG_JSON:
    case DIAG_SARIF: render_document(d, opt->format, out); break;
    }
}

void diag_catalog_markdown(StrBuf *out)
{
    strbuf_puts(out, "| code | severity | description | messages |\n|---|---|---|---|\n");
    for (int i = 0; i < DIAG_COUNT; i++) {
        const DiagCatalogEntry *e = &diag_catalog[i];
        if (!e->code[0] || !e->description[0])
            continue;
        strbuf_printf(out, "| %s | %s | %s | ", e->code, severity_word(e->severity), e->description);
        const char *sep = "";
        for (int k = 0; k < DIAG_COUNT; k++) {
            if (strcmp(diag_catalog[k].code, e->code) != 0)
                continue;
            strbuf_printf(out, "%s`", sep);
            for (const char *p = diag_catalog[k].tmpl; *p; p++) {
                if (*p == '|')
                    strbuf_puts(out, "\\|");
                else if (*p == '`')
                    strbuf_putc(out, '\'');
                else
                    strbuf_putc(out, *p);
            }
            strbuf_putc(out, '`');
            sep = "<br>";
        }
        strbuf_puts(out, " |\n");
    }
}
