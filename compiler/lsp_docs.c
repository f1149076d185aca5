/* lsp_docs.c - the open documents of a session and when they are checked. */
#include "lsp_server.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *xstrndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        abort();
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* CompileOptions.open_text: the text of a `usar` module open in the editor. */
static const char *open_text(void *ctx, const char *path, size_t *len)
{
    LspServer *s = ctx;
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i]->real, path) == 0) {
            *len = s->docs[i]->len;
            return s->docs[i]->text;
        }
    return NULL;
}

void lsp_server_init(LspServer *s, DriverEnv *env, int in_fd, int out_fd)
{
    memset(s, 0, sizeof *s);
    s->copt = env->copt;
    s->copt.need_plan = false;
    s->copt.map_sources = false;
    s->copt.open_text = open_text;
    s->copt.open_text_ctx = s;
    const CliOptions *o = env->cli;
    s->policy = (LspPolicy){ o->allow, o->nallow, o->deny, o->ndeny, o->werror };
    /* The standard library is parsed once for the whole session. */
    s->has_cache = module_cache_build(&s->cache, &s->copt);
    s->copt.cache = s->has_cache ? &s->cache : NULL;
    lsp_reader_init(&s->in, in_fd);
    s->out_fd = out_fd;
    s->status = 1; /* exit without shutdown */
    const char *timing = getenv("RUTA_LSP_TIMING");
    s->timing = timing && *timing && strcmp(timing, "0") != 0;
}

double lsp_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void doc_free(LspDoc *d)
{
    lsp_analysis_free(d->an);
    free(d->uri);
    free(d->path);
    free(d->real);
    free(d->text);
    free(d);
}

void lsp_server_free(LspServer *s)
{
    for (size_t i = 0; i < s->ndocs; i++)
        doc_free(s->docs[i]);
    free(s->docs);
    if (s->has_cache)
        module_cache_free(&s->cache);
    lsp_reader_free(&s->in);
}

void lsp_emit(LspServer *s, json_t *msg)
{
    if (!lsp_send(s->out_fd, msg))
        s->done = true; /* the client is gone */
}

LspDoc *lsp_doc_find(LspServer *s, const char *uri)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0)
            return s->docs[i];
    return NULL;
}

LspDoc *lsp_doc_open(LspServer *s, const char *uri, const char *text, size_t len, json_int_t version)
{
    LspDoc *d = lsp_doc_find(s, uri);
    if (!d) {
        d = calloc(1, sizeof *d);
        if (!d)
            abort();
        d->uri = xstrndup(uri, strlen(uri));
        d->path = lsp_uri_to_path(uri);
        char real[PATH_MAX];
        d->real = realpath(d->path, real) ? xstrndup(real, strlen(real)) : xstrndup(d->path, strlen(d->path));
        if (s->ndocs == s->capdocs) {
            s->capdocs = s->capdocs ? s->capdocs * 2 : 8;
            LspDoc **p = realloc(s->docs, s->capdocs * sizeof *p);
            if (!p)
                abort();
            s->docs = p;
        }
        s->docs[s->ndocs++] = d;
    }
    free(d->text);
    d->text = xstrndup(text, len);
    d->len = len;
    d->version = version;
    lsp_doc_touch(s, d);
    return d;
}

void lsp_doc_close(LspServer *s, LspDoc *d)
{
    /* Its users read it from disk again. */
    lsp_doc_touch(s, d);
    d->dirty = false;
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i] == d) {
            memmove(&s->docs[i], &s->docs[i + 1], (s->ndocs - i - 1) * sizeof *s->docs);
            s->ndocs--;
            break;
        }
    doc_free(d);
}

bool lsp_doc_change(LspServer *s, LspDoc *d, const json_t *change)
{
    json_t *text = json_object_get(change, "text");
    if (!json_is_string(text))
        return false;
    const char *t = json_string_value(text);
    size_t tn = json_string_length(text);
    json_t *range = json_object_get(change, "range");
    size_t from = 0, to = d->len;
    if (range) {
        LspPos a, b;
        if (!lsp_parse_position(json_object_get(range, "start"), &a) ||
            !lsp_parse_position(json_object_get(range, "end"), &b))
            return false;
        from = lsp_text_offset(d->text, d->len, a);
        to = lsp_text_offset(d->text, d->len, b);
        if (to < from)
            return false;
    }
    size_t n = d->len - (to - from) + tn;
    char *p = malloc(n + 1);
    if (!p)
        abort();
    memcpy(p, d->text, from);
    memcpy(p + from, t, tn);
    memcpy(p + from + tn, d->text + to, d->len - to);
    p[n] = '\0';
    free(d->text);
    d->text = p;
    d->len = n;
    lsp_doc_touch(s, d);
    return true;
}

void lsp_doc_touch(LspServer *s, LspDoc *d)
{
    d->dirty = true;
    for (size_t i = 0; i < s->ndocs; i++) {
        LspDoc *o = s->docs[i];
        if (o != d && o->an && lsp_analysis_uses(o->an, d->real))
            o->dirty = true;
    }
}

static void publish(LspServer *s, LspDoc *d)
{
    lsp_emit(s, lsp_notification("textDocument/publishDiagnostics", lsp_publish_params(s, d)));
}

LspAnalysis *lsp_doc_analysis(LspServer *s, LspDoc *d)
{
    if (d->dirty || !d->an) {
        lsp_analysis_free(d->an);
        d->an = lsp_analyze(&s->copt, &s->policy, d->path, d->text, d->len);
        d->dirty = false;
        publish(s, d);
    }
    return d->an;
}

void lsp_flush(LspServer *s)
{
    for (size_t i = 0; i < s->ndocs && !s->done; i++)
        if (s->docs[i]->dirty)
            lsp_doc_analysis(s, s->docs[i]);
    if (s->timing && s->changed_at > 0)
        fprintf(stderr, "ruta lsp: %.1f ms desde el cambio hasta los diagnósticos\n",
                (lsp_now() - s->changed_at) * 1000);
    s->changed_at = 0;
}

char *lsp_file_uri(LspServer *s, const LspAnalysis *a, uint32_t file)
{
    const char *key = lsp_file_key(a, file);
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i]->real, key) == 0 || strcmp(s->docs[i]->path, key) == 0)
            return xstrndup(s->docs[i]->uri, strlen(s->docs[i]->uri));
    return lsp_path_to_uri(key);
}
