"""test_protocol.py - `ruta lsp` never dies on bad input.

    test_protocol.py RUTA      (run in an empty scratch directory)

Malformed JSON, a header block without Content-Length (its body must be
skipped, not run), a JSON text with no header at all, a bad Content-Length,
a message that is not JSON-RPC, an unknown method, bad parameters, requests
before initialize and after shutdown: each gets the JSON-RPC error the
protocol prescribes, and the server goes on answering. Then the exit
statuses: 0 after shutdown+exit, 1 for exit without shutdown and for an
input that just ends.
"""
import json
import os

from expect import check_as_lsp
from lspclient import Client, check, expect_equal, initialize, main, position_of, uri_of

AS_OF = "2026-06-01"
PLAN = 'persona ana "Ana" { rol: docente }\n'


def error_code(msg):
    return msg.get("error", {}).get("code")


def null_id_error(client, code, what):
    """The next message is an error response with a null id and `code`."""
    m = client._take(lambda m: "error" in m and m.get("id") is None, 10, what)
    expect_equal(error_code(m), code, what, client)
    return m


def alive(client, what):
    """The server still answers a request (an unknown method is fine)."""
    rid = client.request("ruta/ping")
    m = client.response(rid)
    expect_equal(error_code(m), -32601, "alive after " + what, client)


def test_bad_input(ruta):
    c = Client([ruta, "lsp", "--as-of", AS_OF])
    uri = uri_of("plan.ruta")
    # Before initialize: requests are refused, notifications dropped.
    m = c.response(c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 0, "character": 0}}))
    expect_equal(error_code(m), -32002, "request before initialize", c)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "ruta",
                                                       "version": 1, "text": PLAN}})
    initialize(c, os.getcwd())
    m = c.response(c.request("initialize", {"capabilities": {}}))
    expect_equal(error_code(m), -32600, "a second initialize", c)
    check(c.nothing_pending(), "the didOpen before initialize was dropped: %s" % c.dump(), c)

    # Framing errors.
    c.send_raw(b'Content-Length: 10\r\n\r\n{"jsonrpc"')
    m = null_id_error(c, -32700, "malformed JSON")
    alive(c, "malformed JSON")
    c.send_raw(b'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'
               b'{"jsonrpc":"2.0","id":77,"method":"shutdown"}')
    m = null_id_error(c, -32700, "missing Content-Length")
    check("Content-Length" in m["error"]["message"], "the error names the header", c)
    alive(c, "missing Content-Length")
    check(not any(x.get("id") == 77 for x in c.log), "the body without a header was not run", c)
    c.send_raw(b'{"jsonrpc":"2.0","id":78,"method":"shutdown"}')
    null_id_error(c, -32700, "JSON with no header at all")
    alive(c, "JSON with no header")
    c.send_raw(b'Content-Length: doce\r\n\r\n{"jsonrpc":"2.0","id":79,"method":"shutdown"}')
    null_id_error(c, -32700, "invalid Content-Length")
    alive(c, "invalid Content-Length")
    c.send_raw(b'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0","id":80,"method":"shutdown"}')
    null_id_error(c, -32700, "an absurd Content-Length")
    alive(c, "an absurd Content-Length")
    body = b'{"jsonrpc":"2.0","method":"x"}'
    c.send_raw(b"basura\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    alive(c, "garbage before a header")  # the notification itself is ignored
    c.send_raw(b"Content-Length: 12\r\n\r\n" + '"\\ud800 ñ"'.encode("utf-8") + b"  ")
    null_id_error(c, -32700, "JSON with an invalid escape")
    alive(c, "an invalid escape")

    # Messages that are JSON but not JSON-RPC requests.
    for raw, code, what in [
            (b"[1, 2, 3]", -32600, "an array"),
            (b'{"jsonrpc":"2.0","id":5}', -32600, "no method"),
            (b'{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}', -32600, "an object as id"),
            (b'{"jsonrpc":"2.0","id":6,"method":42}', -32600, "a number as method")]:
        c.send_raw(b"Content-Length: %d\r\n\r\n" % len(raw) + raw)
        m = c._take(lambda m: "error" in m, 10, what)
        expect_equal(error_code(m), code, what, c)
    c.send(({"jsonrpc": "1.0", "id": 7, "method": "shutdown"}))
    expect_equal(error_code(c.response(7)), -32600, "jsonrpc 1.0", c)
    c.send({"jsonrpc": "2.0", "id": 99, "result": None})  # a response: ignored
    alive(c, "a response from the client")

    # Unknown methods and bad parameters.
    expect_equal(error_code(c.response(c.request("textDocument/rename", {}))), -32601,
                 "unknown request", c)
    c.notify("workspace/didChangeConfiguration", {"settings": {}})
    c.notify("$/cancelRequest", {"id": 1})
    check(c.nothing_pending(), "unknown notifications are ignored", c)
    expect_equal(error_code(c.response(c.request("textDocument/hover", {"textDocument": {"uri": uri}}))),
                 -32602, "hover on a document that is not open", c)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "ruta",
                                                       "version": 1, "text": PLAN}})
    with open("plan.ruta", "w", encoding="utf-8") as f:
        f.write(PLAN)
    expect_equal(c.diagnostics(uri, 1), check_as_lsp(ruta, "plan.ruta", AS_OF, os.getcwd()),
                 "diagnostics = ruta check", c)
    expect_equal(error_code(c.response(c.request("textDocument/hover", {"textDocument": {"uri": uri}}))),
                 -32602, "hover without a position", c)
    expect_equal(error_code(c.response(c.request("textDocument/hover", [1, 2]))), -32602,
                 "params that are not an object", c)
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": 42}]})
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 9}})
    check(r and "`ana`" in r["contents"]["value"], "a bad change leaves the text alone", c)
    # Positions past the end of a line or of the text are clamped.
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri},
                                      "position": {"line": 99, "character": 99}})
    expect_equal(r, None, "hover past the end", c)
    r = c.call("textDocument/completion", {"textDocument": {"uri": uri},
                                           "position": {"line": 0, "character": 10 ** 9}})
    check(isinstance(r["items"], list), "completion past the end of a line", c)

    # A text with a NUL and invalid bytes (as U+FFFD) still gets diagnostics.
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                        "contentChanges": [{"text": PLAN + "\u0000 persona \ufffd\n"}]})
    diags = c.diagnostics(uri, 3)
    check(len(diags) >= 1 and diags[0]["code"].startswith("E"), "diagnostics for a NUL: %r" % diags, c)

    # A change with a range (the server announces full sync, but applies
    # ranged changes too), positioned after an emoji: UTF-16 again.
    text = 'persona ana "Ana 😀 Ñuñoa" { rol: docente }\n'
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                        "contentChanges": [{"text": text}]})
    c.diagnostics(uri, 4)
    start = position_of(text, "docente")
    end = position_of(text, "docente", delta=len("docente"))
    after = dict(start, character=start["character"] + len("direc"))
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [
        {"range": {"start": start, "end": end}, "text": "direc"},     # docente -> direc
        {"range": {"start": after, "end": after}, "text": "tr"}]})    # direc -> directr
    diags = c.diagnostics(uri, 5)
    expect_equal([(d["code"], d["range"]) for d in diags],
                 [("E102", {"start": start, "end": dict(start, character=start["character"] + 7)})],
                 "two ranged changes applied in order", c)
    check("'directr'" in diags[0]["message"], diags[0]["message"], c)

    # Shutdown: then only exit is accepted.
    expect_equal(c.call("shutdown"), None, "shutdown", c)
    expect_equal(error_code(c.response(c.request("textDocument/hover", {}))), -32600,
                 "request after shutdown", c)
    c.notify("exit")
    expect_equal(c.wait_exit(), 0, "exit status after shutdown", c)


def test_incremental_option(ruta):
    """A client may ask for incremental sync; the default is full sync."""
    c = Client([ruta, "lsp"])
    caps = c.call("initialize", {"capabilities": {}, "initializationOptions": {"sync": "incremental"}})
    expect_equal(caps["capabilities"]["textDocumentSync"]["change"], 2, "incremental on request", c)
    c.call("shutdown")
    c.notify("exit")
    expect_equal(c.wait_exit(), 0, "exit", c)
    c = Client([ruta, "lsp"])
    caps = c.call("initialize", {"capabilities": {}, "initializationOptions": {"sync": 3}})
    expect_equal(caps["capabilities"]["textDocumentSync"]["change"], 1, "full sync otherwise", c)
    c.notify("exit")
    c.wait_exit()


def test_exit_statuses(ruta):
    c = Client([ruta, "lsp"])
    initialize(c, os.getcwd())
    c.notify("exit")
    expect_equal(c.wait_exit(), 1, "exit without shutdown", c)
    c = Client([ruta, "lsp"])
    initialize(c, os.getcwd())
    c.proc.stdin.close()
    expect_equal(c.wait_exit(), 1, "the input ends", c)
    c = Client([ruta, "lsp"])
    c.send_raw(b"Content-Length: 1000\r\n\r\n{\"jsonrpc\"")
    c.proc.stdin.close()
    expect_equal(c.wait_exit(), 1, "the input ends inside a body", c)


def run(ruta):
    test_bad_input(ruta)
    test_incremental_option(ruta)
    test_exit_statuses(ruta)


if __name__ == "__main__":
    main(run)
