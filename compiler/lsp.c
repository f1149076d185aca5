/* lsp.c - `ruta lsp`: the message loop, the lifecycle and the dispatch of
 * LSP 3.17 methods to their handlers.
 *
 * Lifecycle: before `initialize` every request is answered with
 * ServerNotInitialized (-32002) and notifications are dropped; after
 * `shutdown` requests get InvalidRequest; `exit` ends the loop with status 0
 * after a shutdown, 1 otherwise (also when the input ends). Bad input never
 * ends the loop: an unreadable frame or unparsable JSON gets ParseError
 * (-32700) with a null id, a message that is not a JSON-RPC request gets
 * InvalidRequest (-32600), an unknown request MethodNotFound (-32601) and
 * bad parameters InvalidParams (-32602).
 *
 * Checks are lazy: a change marks the document dirty, and dirty documents
 * are checked (and their diagnostics published) when no more input is
 * waiting, or before a request reads them.
 */
#include "lsp.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp_complete.h"
#include "lsp_server.h"
#include "version.h"

typedef struct Request {
    LspServer *s;
    json_t *id;        /* NULL for a notification */
    json_t *params;    /* may be NULL */
} Request;

static void reply(Request *r, json_t *result)
{
    if (r->id)
        lsp_emit(r->s, lsp_response(r->id, result));
    else
        json_decref(result);
}

static void fail(Request *r, int code, const char *message)
{
    if (r->id)
        lsp_emit(r->s, lsp_error(r->id, code, message));
}

/* ---- lifecycle ------------------------------------------------------------- */

static json_t *string_array(const char *const *items)
{
    json_t *a = json_array();
    for (; *items; items++)
        json_array_append_new(a, json_string(*items));
    return a;
}

static void on_initialize(Request *r)
{
    static const char *const TRIGGERS[] = { ":", ",", NULL };
    if (r->s->initialized) {
        fail(r, RPC_INVALID_REQUEST, "el servidor ya fue inicializado");
        return;
    }
    /* Full text on each change (TextDocumentSyncKind.Full), unless the
     * client asks for incremental changes in its initializationOptions:
     * {"sync": "incremental"} (decoding a whole large plan on every
     * keystroke is most of the cost of a re-check; docs/lsp.md). */
    json_t *opts = json_object_get(r->params, "initializationOptions");
    json_t *want = json_object_get(opts, "sync");
    bool incremental = json_is_string(want) && strcmp(json_string_value(want), "incremental") == 0;
    json_t *sync = json_object();
    lsp_set(sync, "openClose", json_true());
    lsp_set(sync, "change", json_integer(incremental ? 2 : 1));
    json_t *save = json_object();
    lsp_set(save, "includeText", json_false());
    lsp_set(sync, "save", save);
    json_t *completion = json_object();
    lsp_set(completion, "triggerCharacters", string_array(TRIGGERS));
    lsp_set(completion, "resolveProvider", json_false());
    json_t *caps = json_object();
    lsp_set(caps, "positionEncoding", json_string("utf-16"));
    lsp_set(caps, "textDocumentSync", sync);
    lsp_set(caps, "hoverProvider", json_true());
    lsp_set(caps, "definitionProvider", json_true());
    lsp_set(caps, "referencesProvider", json_true());
    lsp_set(caps, "completionProvider", completion);
    lsp_set(caps, "documentSymbolProvider", json_true());
    lsp_set(caps, "documentFormattingProvider", json_true());
    json_t *info = json_object();
    lsp_set(info, "name", json_string("ruta"));
    lsp_set(info, "version", json_string(RUTA_VERSION));
    json_t *result = json_object();
    lsp_set(result, "capabilities", caps);
    lsp_set(result, "serverInfo", info);
    r->s->initialized = true;
    reply(r, result);
}

static void on_shutdown(Request *r)
{
    r->s->shutting_down = true;
    reply(r, NULL);
}

/* ---- documents ---------------------------------------------------------------- */

static const char *param_uri(const json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    json_t *uri = json_object_get(td, "uri");
    return json_is_string(uri) ? json_string_value(uri) : NULL;
}

static LspDoc *param_doc(Request *r)
{
    const char *uri = param_uri(r->params);
    if (!uri) {
        fail(r, RPC_INVALID_PARAMS, "falta textDocument.uri");
        return NULL;
    }
    LspDoc *d = lsp_doc_find(r->s, uri);
    if (!d)
        fail(r, RPC_INVALID_PARAMS, "el documento no está abierto en el servidor");
    return d;
}

static void on_did_open(Request *r)
{
    json_t *td = json_object_get(r->params, "textDocument");
    json_t *uri = json_object_get(td, "uri"), *text = json_object_get(td, "text");
    json_t *version = json_object_get(td, "version");
    if (!json_is_string(uri) || !json_is_string(text))
        return;
    lsp_doc_open(r->s, json_string_value(uri), json_string_value(text), json_string_length(text),
                 json_is_integer(version) ? json_integer_value(version) : 0);
}

static void on_did_change(Request *r)
{
    LspDoc *d = param_doc(r);
    json_t *changes = json_object_get(r->params, "contentChanges");
    if (!d || !json_is_array(changes))
        return;
    size_t i;
    json_t *change;
    json_array_foreach(changes, i, change) {
        if (!lsp_doc_change(r->s, d, change))
            break;
    }
    json_t *version = json_object_get(json_object_get(r->params, "textDocument"), "version");
    if (json_is_integer(version))
        d->version = json_integer_value(version);
}

static void on_did_save(Request *r)
{
    LspDoc *d = param_doc(r);
    if (d)
        lsp_doc_touch(r->s, d); /* the files on disk may have changed too */
}

static void on_did_close(Request *r)
{
    LspDoc *d = param_doc(r);
    if (!d)
        return;
    /* Clear its diagnostics: the editor no longer shows the file. */
    json_t *p = json_object();
    lsp_set(p, "uri", json_string(d->uri));
    lsp_set(p, "diagnostics", json_array());
    lsp_doc_close(r->s, d);
    lsp_emit(r->s, lsp_notification("textDocument/publishDiagnostics", p));
}

/* ---- requests on a position ---------------------------------------------------- */

/* The document and the byte offset of params.position, checked first. */
static LspDoc *param_position(Request *r, size_t *offset)
{
    LspDoc *d = param_doc(r);
    if (!d)
        return NULL;
    LspPos pos;
    if (!lsp_parse_position(json_object_get(r->params, "position"), &pos)) {
        fail(r, RPC_INVALID_PARAMS, "falta position o no es válida");
        return NULL;
    }
    LspAnalysis *a = lsp_doc_analysis(r->s, d);
    *offset = lsp_sm_offset(&a->c.sm, a->main, pos);
    return d;
}

static void on_hover(Request *r)
{
    size_t off;
    LspDoc *d = param_position(r, &off);
    if (d)
        reply(r, lsp_hover(r->s, d, off));
}

static void on_definition(Request *r)
{
    size_t off;
    LspDoc *d = param_position(r, &off);
    if (d)
        reply(r, lsp_definition(r->s, d, off));
}

static void on_references(Request *r)
{
    size_t off;
    LspDoc *d = param_position(r, &off);
    json_t *ctx = json_object_get(r->params, "context");
    bool include = json_is_true(json_object_get(ctx, "includeDeclaration"));
    if (d)
        reply(r, lsp_references(r->s, d, off, include));
}

static void on_completion(Request *r)
{
    size_t off;
    LspDoc *d = param_position(r, &off);
    if (d)
        reply(r, lsp_complete(lsp_doc_analysis(r->s, d), off));
}

static void on_document_symbol(Request *r)
{
    LspDoc *d = param_doc(r);
    if (d)
        reply(r, lsp_document_symbols(r->s, d));
}

static void on_formatting(Request *r)
{
    LspDoc *d = param_doc(r);
    if (!d)
        return;
    const char *error;
    json_t *edits = lsp_format(r->s, d, &error);
    if (edits)
        reply(r, edits);
    else
        fail(r, RPC_REQUEST_FAILED, error);
}

/* ---- dispatch ------------------------------------------------------------------ */

typedef struct Method {
    const char *name;
    void (*fn)(Request *r);
    bool request;      /* a request (answered), else a notification */
} Method;

static const Method METHODS[] = {
    { "initialize", on_initialize, true },
    { "shutdown", on_shutdown, true },
    { "textDocument/didOpen", on_did_open, false },
    { "textDocument/didChange", on_did_change, false },
    { "textDocument/didSave", on_did_save, false },
    { "textDocument/didClose", on_did_close, false },
    { "textDocument/hover", on_hover, true },
    { "textDocument/definition", on_definition, true },
    { "textDocument/references", on_references, true },
    { "textDocument/completion", on_completion, true },
    { "textDocument/documentSymbol", on_document_symbol, true },
    { "textDocument/formatting", on_formatting, true },
};

static const Method *find_method(const char *name)
{
    for (size_t i = 0; i < sizeof METHODS / sizeof METHODS[0]; i++)
        if (strcmp(METHODS[i].name, name) == 0)
            return &METHODS[i];
    return NULL;
}

static bool valid_id(const json_t *id)
{
    return json_is_integer(id) || json_is_string(id) || json_is_null(id);
}

/* A well-formed message: runs the lifecycle rules, then the handler. */
static void dispatch(LspServer *s, const char *method, json_t *id, json_t *params)
{
    Request r = { s, id, params };
    if (strcmp(method, "exit") == 0) {
        s->done = true;
        s->status = s->shutting_down ? 0 : 1;
        return;
    }
    if (!s->initialized && strcmp(method, "initialize") != 0) {
        fail(&r, RPC_SERVER_NOT_INITIALIZED, "el servidor aún no recibe 'initialize'");
        return;
    }
    if (s->shutting_down) {
        fail(&r, RPC_INVALID_REQUEST, "el servidor se está apagando: solo acepta 'exit'");
        return;
    }
    const Method *m = find_method(method);
    if (!m) {
        /* Unknown notifications (and every "$/" one) are ignored. */
        fail(&r, RPC_METHOD_NOT_FOUND, "método desconocido");
        return;
    }
    if (m->request != (id != NULL)) {
        fail(&r, RPC_INVALID_REQUEST,
             m->request ? "este método es una petición y necesita 'id'" : "este método es una notificación");
        return;
    }
    m->fn(&r);
}

static void handle(LspServer *s, const char *body, size_t len)
{
    json_error_t err;
    json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &err);
    if (!msg) {
        lsp_emit(s, lsp_error(NULL, RPC_PARSE_ERROR, "JSON inválido"));
        return;
    }
    json_t *id = json_is_object(msg) ? json_object_get(msg, "id") : NULL;
    json_t *method = json_is_object(msg) ? json_object_get(msg, "method") : NULL;
    json_t *version = json_is_object(msg) ? json_object_get(msg, "jsonrpc") : NULL;
    if (json_is_object(msg) && !method && id &&
        (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
        json_decref(msg); /* a response to a request of ours: none is sent */
        return;
    }
    if (!json_is_object(msg) || !json_is_string(method) || (id && !valid_id(id)) ||
        !json_is_string(version) || strcmp(json_string_value(version), "2.0") != 0) {
        lsp_emit(s, lsp_error(id && valid_id(id) ? id : NULL, RPC_INVALID_REQUEST,
                              "no es un mensaje JSON-RPC 2.0 válido"));
        json_decref(msg);
        return;
    }
    json_t *params = json_object_get(msg, "params");
    dispatch(s, json_string_value(method), id, json_is_object(params) ? params : NULL);
    json_decref(msg);
}

static bool any_dirty(const LspServer *s)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i]->dirty)
            return true;
    return false;
}

int lsp_run(DriverEnv *env)
{
    /* A client that goes away makes write() fail instead of killing us. */
    signal(SIGPIPE, SIG_IGN);
    LspServer s;
    lsp_server_init(&s, env, STDIN_FILENO, STDOUT_FILENO);
    while (!s.done) {
        if (!lsp_reader_ready(&s.in))
            lsp_flush(&s); /* idle: check what changed */
        char *body;
        size_t len;
        const char *why;
        LspReadStatus st = lsp_read(&s.in, &body, &len, &why);
        if (st == LSP_READ_EOF)
            break;
        if (st == LSP_READ_BAD_FRAME) {
            lsp_emit(&s, lsp_error(NULL, RPC_PARSE_ERROR, why));
            continue;
        }
        double t = lsp_now();
        handle(&s, body, len);
        free(body);
        if (s.changed_at == 0 && any_dirty(&s))
            s.changed_at = t; /* for RUTA_LSP_TIMING */
    }
    int status = s.status;
    lsp_server_free(&s);
    return status;
}
