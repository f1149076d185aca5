/* lsp_rpc.h - JSON-RPC 2.0 messages with the LSP base protocol's framing.
 *
 * Contract: a LspReader reads framed messages ("Content-Length: N\r\n\r\n"
 * then N bytes) from a file descriptor through its own buffer, so the
 * server can ask whether more input is already waiting (to coalesce a burst
 * of edits into one check). lsp_read() never trusts its input: a header
 * block without a usable Content-Length, a JSON text sent with no header at
 * all, an oversized body or garbage between messages is skipped and
 * reported as LSP_READ_BAD_FRAME, and reading resumes at the next message.
 * The body returned is heap memory owned by the caller (free()).
 *
 * lsp_send() writes one message (jansson value, which it releases) with
 * its header to a file descriptor, whole, retrying on EINTR; it returns
 * false when the peer is gone. The lsp_json_* helpers build JSON values
 * from compiler text that may hold invalid UTF-8 (replaced by U+FFFD),
 * which jansson would otherwise refuse.
 */
#ifndef RUTA_LSP_RPC_H
#define RUTA_LSP_RPC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* Largest body accepted; larger ones are skipped (LSP_READ_BAD_FRAME). */
#define LSP_MAX_BODY (64u * 1024u * 1024u)

typedef struct LspReader {
    int fd;          /* input, read with read(2) */
    char *buf;       /* bytes read and not consumed yet: buf[pos..len) */
    size_t pos, len, cap;
    bool eof;        /* read(2) returned 0 or failed */
    bool skip_body;  /* a bad header block was reported: its body, if it
                        follows, is skipped without a second report */
} LspReader;

typedef enum LspReadStatus {
    LSP_READ_OK,        /* *body holds one message body */
    LSP_READ_EOF,       /* the input ended */
    LSP_READ_BAD_FRAME  /* a malformed frame was skipped; *why says how */
} LspReadStatus;

void lsp_reader_init(LspReader *r, int fd);
void lsp_reader_free(LspReader *r);
/* Reads the next message. On LSP_READ_OK *body (NUL-terminated) and *len
 * are set; on LSP_READ_BAD_FRAME *why is a static Spanish sentence. */
LspReadStatus lsp_read(LspReader *r, char **body, size_t *len, const char **why);
/* True when a byte is already buffered or readable without blocking. */
bool lsp_reader_ready(LspReader *r);

/* Writes msg with its header to fd and releases msg (json_decref). */
bool lsp_send(int fd, json_t *msg);

/* JSON-RPC error codes (JSON-RPC 2.0 and LSP 3.17). */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
    RPC_SERVER_NOT_INITIALIZED = -32002,
    RPC_REQUEST_FAILED = -32803
};

/* A response {"jsonrpc":"2.0","id":id,"result":result}; steals result
 * (NULL means JSON null); id is copied (NULL means null). */
json_t *lsp_response(json_t *id, json_t *result);
/* An error response; id as above. */
json_t *lsp_error(json_t *id, int code, const char *message);
/* A notification; steals params. */
json_t *lsp_notification(const char *method, json_t *params);

/* A JSON string from UTF-8 text (invalid bytes become U+FFFD); never NULL. */
json_t *lsp_json_str(const char *s);
json_t *lsp_json_strn(const char *s, size_t n);
/* Sets object[key] = value, stealing value (a no-op when value is NULL). */
void lsp_set(json_t *object, const char *key, json_t *value);

#endif
