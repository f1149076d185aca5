"""test_limits.py - the memory budget (--max-memory, E008) in the language
server: a document whose tree passes the budget gets the same E008 as
`ruta check --max-memory`, the server keeps serving the other documents,
and the error goes once the document is small again.

    test_limits.py RUTA      (run in an empty scratch directory)
"""
import os

from expect import check_as_lsp
from lspclient import Client, check, expect_equal, initialize, main, uri_of

AS_OF = "2026-06-01"

SMALL = 'persona ana "Ana Muñoz" { rol: docente }\n'


def big_plan():
    """About 1.3 MB of declarations: its tree takes several MiB."""
    lines = ['persona p%d "Persona número %d" { rol: docente  correo: "p%d@escuela.cl" }'
             % (i, i, i) for i in range(16000)]
    return "\n".join(lines) + "\n"


def run(ruta):
    cwd = os.getcwd()
    big = big_plan()
    with open("big.ruta", "w", encoding="utf-8") as f:
        f.write(big)
    with open("small.ruta", "w", encoding="utf-8") as f:
        f.write(SMALL)
    expected = check_as_lsp(ruta, "big.ruta", AS_OF, cwd, ["--max-memory", "1"])
    codes = [d["code"] for d in expected]
    check(codes == ["E008"], "ruta check --max-memory 1 gives one E008: %r" % codes)
    check(expected[0]["range"]["start"]["line"] > 0, "E008 is inside the file: %r" % expected[0])

    c = Client([ruta, "lsp", "--as-of", AS_OF, "--max-memory", "1"])
    initialize(c, cwd)
    big_uri, small_uri = uri_of("big.ruta"), uri_of("small.ruta")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": big_uri, "languageId": "ruta",
                                                       "version": 1, "text": big}})
    got = c.diagnostics(big_uri, 1)
    # Same code, severity and message as ruta check; the place may be a few
    # lines later, the standard library being shared and not counted
    # (docs/lsp.md).
    expect_equal([(d["code"], d["severity"], d["message"]) for d in got],
                 [(d["code"], d["severity"], d["message"]) for d in expected], "E008 as ruta check reports it", c)
    line, first = got[0]["range"]["start"]["line"], expected[0]["range"]["start"]["line"]
    check(first <= line <= first + 100, "E008 near where ruta check puts it: line %d, check %d" % (line, first), c)
    check(line < big.count("\n") - 1000, "E008 well before the end: line %d" % line, c)

    # The budget is per analysis: a small document next to it is served.
    c.notify("textDocument/didOpen", {"textDocument": {"uri": small_uri, "languageId": "ruta",
                                                       "version": 1, "text": SMALL}})
    expect_equal(c.diagnostics(small_uri, 1), [], "a small document: no diagnostics", c)
    got = c.call("textDocument/documentSymbol", {"textDocument": {"uri": small_uri}})
    expect_equal([s["name"] for s in got], ["ana"], "symbols of the small document", c)

    # The big document cut down: the error goes.
    c.notify("textDocument/didChange", {"textDocument": {"uri": big_uri, "version": 2},
                                        "contentChanges": [{"text": SMALL}]})
    expect_equal(c.diagnostics(big_uri, 2), [], "E008 gone once the document is small", c)

    expect_equal(c.call("shutdown"), None, "shutdown", c)
    c.notify("exit")
    expect_equal(c.wait_exit(), 0, "exit status", c)


if __name__ == "__main__":
    main(run)
