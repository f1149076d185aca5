"""test_recovery.py - a plan with syntax errors still gets diagnostics,
symbols, completion, hover and definition for the parts that parse.

    test_recovery.py RUTA      (run in an empty scratch directory)
"""
import os

from expect import check_as_lsp
from lspclient import Client, check, expect_equal, initialize, main, position_of, uri_of

AS_OF = "2026-06-01"

# A persona left open swallows the rest of the file; an attribute without
# its colon; an action without a name; a key without a value; a bad date.
PLAN = """\
usar "mdc"

persona ana "Ana Muñoz" { rol: docente
persona beto "Beto" { rol: director }

capacidad lectura "Lectura" {
  basal: colaboracion
  practica_problematica: "Aislada" "otra"
  estado_deseado: "En duplas"
  accion talleres "Talleres" {
    responsable: ana
    apoyo beto
    fechas: 2026-07-06 .. 2026-09-30
  }
  accion "sin nombre" {
    responsable: 
  }
}

hito h1 "Hito" { fecha: 2026-13-45  responsable: beto }
"""


def outline(symbols):
    return [(x["name"], outline(x.get("children", []))) for x in symbols]


def run(ruta):
    cwd = os.getcwd()
    with open("plan.ruta", "w", encoding="utf-8") as f:
        f.write(PLAN)
    uri = uri_of("plan.ruta")
    c = Client([ruta, "lsp", "--as-of", AS_OF])
    initialize(c, cwd)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "ruta",
                                                       "version": 1, "text": PLAN}})
    diags = c.diagnostics(uri, 1)
    expect_equal(diags, check_as_lsp(ruta, "plan.ruta", AS_OF, cwd), "diagnostics = ruta check", c)
    codes = [d["code"] for d in diags]
    check("E004" in codes and "E003" in codes and "E110" in codes, "syntax errors: %r" % codes, c)

    def at(needle, delta=0):
        return {"textDocument": {"uri": uri}, "position": position_of(PLAN, needle, 1, delta)}

    got = c.call("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    expect_equal(outline(got), [("ana", [("beto", []), ("lectura", [("talleres", []), ("accion", [])]),
                                         ("h1", [])])], "symbols of what parsed", c)
    got = c.call("textDocument/completion", at("responsable: \n", 13))
    expect_equal(sorted(i["label"] for i in got["items"]), ["ana", "beto"],
                 "names after responsable: in a broken block", c)
    got = c.call("textDocument/completion", at("  basal: colaboracion", 9))
    check("colaboracion" in [i["label"] for i in got["items"]], "terms in a broken file", c)
    h = c.call("textDocument/hover", at("responsable: beto", 14))
    check(h and h["contents"]["value"].startswith("**persona** `beto` — Beto"), "hover: %r" % h, c)
    loc = c.call("textDocument/definition", at("responsable: beto", 14))
    expect_equal(loc and loc["range"], {"start": {"line": 3, "character": 8},
                                        "end": {"line": 3, "character": 12}}, "definition of beto", c)
    expect_equal(c.call("shutdown"), None, "shutdown", c)
    c.notify("exit")
    expect_equal(c.wait_exit(), 0, "exit status", c)


if __name__ == "__main__":
    main(run)
