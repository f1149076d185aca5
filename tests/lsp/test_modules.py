"""test_modules.py - `usar` modules: navigation across files, and the
editor's unsaved text taking precedence over the disk.

    test_modules.py RUTA      (run in an empty scratch directory)

plan.ruta uses personas.ruta. With only the plan open, definition jumps
into the module on disk. Opening the module with an unsaved rename makes
the plan's reference undefined (the module is read from the editor);
references from the module find the plan's uses; an error in the unsaved
module shows in the plan at its `usar`; closing the module without saving
brings back the disk version. A module that exists only in the editor can
be used too.
"""
import os

from expect import check_as_lsp
from lspclient import Client, check, expect_equal, initialize, main, position_of, uri_of

AS_OF = "2026-06-01"

MODULE = """\
# Personas compartidas por los planes de la escuela.
persona ñandú "Sofía Peña" { rol: director }
persona pablo "Pablo Ávila" { rol: docente }
"""

PLAN = """\
usar "mdc"
usar "personas.ruta"

plan piloto "Plan piloto" {
  establecimiento: "Escuela Ñuble"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Mejorar la lectura"
  uatp: ñandú
}

capacidad lectura "Lectura" {
  basal: colaboracion
  practica_problematica: "Aislada"
  estado_deseado: "En duplas"
  accion talleres "Talleres 📚" {
    responsable: ñandú
    apoyo: pablo
    fechas: 2026-07-06 .. 2026-09-30
    indicador docentes "Docentes" { meta: 80%  medio_verificacion: "Actas" }
  }
}
"""


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def run(ruta):
    # A directory name with a space and Spanish letters: URIs percent-encode both.
    os.mkdir("Liceo Ñuñoa 2026")
    os.chdir("Liceo Ñuñoa 2026")
    cwd = os.getcwd()
    with open("personas.ruta", "w", encoding="utf-8") as f:
        f.write(MODULE)
    with open("plan.ruta", "w", encoding="utf-8") as f:
        f.write(PLAN)
    plan, module = uri_of("plan.ruta"), uri_of("personas.ruta")
    c = Client([ruta, "lsp", "--as-of", AS_OF])
    initialize(c, cwd)

    def open_doc(uri, text, version=1):
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "ruta",
                                                           "version": version, "text": text}})

    def change(uri, text, version):
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": [{"text": text}]})

    def at(uri, text, needle, delta=0, occurrence=1):
        return {"textDocument": {"uri": uri}, "position": position_of(text, needle, occurrence, delta)}

    # Only the plan is open: the module comes from disk.
    open_doc(plan, PLAN)
    diags = c.diagnostics(plan, 1)
    expect_equal(diags, check_as_lsp(ruta, "plan.ruta", AS_OF, cwd), "plan = ruta check", c)
    loc = c.call("textDocument/definition", at(plan, PLAN, "apoyo: pablo", 8))
    expect_equal(loc, {"uri": module, "range": rng(2, 8, 2, 13)}, "definition in the module on disk", c)
    h = c.call("textDocument/hover", at(plan, PLAN, "uatp: ñandú", 7))
    check(h["contents"]["value"].endswith("Declaración: `personas.ruta`, línea 2"),
          "hover names the module: %r" % h, c)

    # The module opened with an unsaved rename: the plan sees the editor's text.
    renamed = MODULE.replace("persona pablo", "persona pablito")
    open_doc(module, renamed)
    diags = c.diagnostics(plan)
    expect_equal([d["code"] for d in diags], ["E102"], "plan re-checked against the unsaved module", c)
    line = PLAN.split("\n").index("    apoyo: pablo")
    expect_equal(diags[0]["range"], rng(line, 11, line, 16), "E102 at the plan's reference", c)
    expect_equal(diags[0]["message"], "'pablo' no está declarado\nayuda: ¿quiso decir 'pablito'?",
                 "suggests the unsaved name", c)
    expect_equal(diags[0]["relatedInformation"][0]["location"], {"uri": module, "range": rng(2, 8, 2, 15)},
                 "the note points into the editor's module", c)
    mod_diags = c.diagnostics(module, 1)
    check(all(d["code"] == "W304" for d in mod_diags), "the module alone: %r" % mod_diags, c)

    # References from the module find the uses in the open plan.
    refs = c.call("textDocument/references", dict(at(module, renamed, "persona ñandú", 9),
                                                   context={"includeDeclaration": True}))
    got = [(r["uri"], r["range"]["start"]["line"]) for r in refs]
    uatp = PLAN.split("\n").index("  uatp: ñandú")
    resp = PLAN.split("\n").index("    responsable: ñandú")
    expect_equal(sorted(got), sorted([(module, 1), (plan, uatp), (plan, resp)]),
                 "references across the files", c)
    loc = c.call("textDocument/definition", at(plan, PLAN, "responsable: ñandú", 14))
    expect_equal(loc, {"uri": module, "range": rng(1, 8, 1, 13)}, "definition into the open module", c)

    # An error in the unsaved module shows in the plan at its `usar`.
    broken = MODULE.replace("rol: director", "rol: directr")
    change(module, broken, 2)
    diags = c.diagnostics(plan)
    expect_equal(len(diags), 1, "one error from the module: %r" % diags, c)
    d = diags[0]
    expect_equal((d["code"], d["severity"]), ("E102", 1), "the module's code and severity", c)
    expect_equal(d["range"], rng(1, 5, 1, 20), "shown at usar \"personas.ruta\"", c)
    check(d["message"].startswith("personas.ruta:2:35: 'directr' no es un término del vocabulario 'rol'"),
          "message names the place: %r" % d["message"], c)
    expect_equal(d["relatedInformation"][0]["location"], {"uri": module, "range": rng(1, 34, 1, 41)},
                 "related information at the module's error", c)
    mod_diags = c.diagnostics(module, 2)
    check(any(x["code"] == "E102" for x in mod_diags), "the module shows its own error", c)

    # Closed without saving: the plan reads the disk again (no error).
    c.notify("textDocument/didClose", {"textDocument": {"uri": module}})
    expect_equal(c.diagnostics(module), [], "the closed module's diagnostics are cleared", c)
    expect_equal(c.diagnostics(plan), check_as_lsp(ruta, "plan.ruta", AS_OF, cwd),
                 "plan back to the disk's module", c)

    # A module that exists only in the editor.
    nuevo = uri_of("nuevo.ruta")
    open_doc(nuevo, 'persona marta "Marta Díaz" { rol: docente }\n')
    c.diagnostics(nuevo, 1)
    text = PLAN.replace('usar "personas.ruta"', 'usar "personas.ruta"\nusar "nuevo.ruta"').replace(
        "apoyo: pablo", "apoyo: pablo, marta")
    change(plan, text, 2)
    diags = c.diagnostics(plan, 2)
    check(not any(d["severity"] == 1 for d in diags), "an unsaved new module resolves: %r" % diags, c)
    loc = c.call("textDocument/definition", at(plan, text, "pablo, marta", 7))
    expect_equal(loc, {"uri": nuevo, "range": rng(0, 8, 0, 13)}, "definition into the unsaved module", c)

    expect_equal(c.call("shutdown"), None, "shutdown", c)
    c.notify("exit")
    expect_equal(c.wait_exit(), 0, "exit status", c)


if __name__ == "__main__":
    main(run)
