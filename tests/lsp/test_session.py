"""test_session.py - a whole editing session with `ruta lsp`, every answer checked.

    test_session.py RUTA      (run in an empty scratch directory)

initialize; open a plan with an error placed after á, ñ and an emoji on
its line; change it (another error, with a note); fix it (warnings only);
hover, definition, references, completion, documentSymbol, formatting;
shutdown; exit. Diagnostics are compared with `ruta check
--diagnostics-format=json` on the same text, converted to UTF-16, and the
key positions are also written out literally.
"""
import os
import subprocess

from expect import check_as_lsp
from lspclient import (Client, check, expect_equal, initialize, main, position_of,
                       uri_of)

AS_OF = "2026-06-01"

PLAN = """\
# Plan de prueba del servidor de lenguaje: acentos, eñes y emoji 😀.
usar "mdc"

plan piloto "Plan piloto" {
  establecimiento: "Escuela Ñuble"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Mejorar la lectura"
}

persona ñandú "Sofía Peña 🌱" { rol: directora }
persona pablo "Pablo Ávila" { rol: docente }
equipo gestión "Equipo de gestión" { integrantes: ñandú, pablo }

capacidad lectura "Lectura compartida" {
  basal: colaboracion
  practica_problematica: "Se planifica en forma aislada"
  estado_deseado: "Se planifica en duplas"

  accion talleres "Talleres de lectura" {
    responsable: ñandú
    apoyo: pablo
    ambito: trabajo_en_equipo
    fechas: 2026-04-06 .. 2026-06-30

    indicador docentes "Docentes en duplas" {
      linea_base: 10%
      meta: 80%
      medio_verificacion: "Actas"
    }
  }
}

hito revisión "Revisión 🎉 de mitad de año" { fecha: 2026-05-14 15:30  tipo: monitoreo  responsable: ñandú  revisa: talleres }
"""


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


class Session:
    def __init__(self, ruta):
        self.ruta = ruta
        self.cwd = os.getcwd()
        self.path = os.path.join(self.cwd, "plan.ruta")
        self.uri = uri_of(self.path)
        self.client = Client([ruta, "lsp", "--as-of", AS_OF])
        self.version = 0
        self.text = None

    def doc(self):
        return {"uri": self.uri}

    def expected(self, text):
        """What `ruta check` says about text (written to disk for it)."""
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)
        return check_as_lsp(self.ruta, "plan.ruta", AS_OF, self.cwd)

    def open(self, text):
        self.version = 1
        self.text = text
        self.client.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": "ruta", "version": 1, "text": text}})
        return self.client.diagnostics(self.uri, 1)

    def change(self, text):
        self.version += 1
        self.text = text
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [{"text": text}]})
        return self.client.diagnostics(self.uri, self.version)

    def at(self, needle, delta=0, occurrence=1):
        return {"textDocument": self.doc(), "position": position_of(self.text, needle, occurrence, delta)}

    def call(self, method, params):
        return self.client.call(method, params)


def test_initialize(s):
    caps = initialize(s.client, s.cwd)["capabilities"]
    c = s.client
    expect_equal(caps["textDocumentSync"]["change"], 1, "full-document sync", c)
    expect_equal(caps["textDocumentSync"]["openClose"], True, "open/close", c)
    expect_equal(caps["positionEncoding"], "utf-16", "position encoding", c)
    for cap in ["hoverProvider", "definitionProvider", "referencesProvider",
                "documentSymbolProvider", "documentFormattingProvider"]:
        expect_equal(caps.get(cap), True, cap, c)
    check(":" in caps["completionProvider"]["triggerCharacters"], "':' triggers completion", c)


def test_diagnostics(s):
    c = s.client
    # 1. An unknown term after "ñandú", "í", "ñ" and an emoji on its line.
    diags = s.open(PLAN)
    expect_equal(diags, s.expected(PLAN), "diagnostics on open = ruta check", c)
    expect_equal(len(diags), 1, "one diagnostic", c)
    d = diags[0]
    # `directora` starts at code point 36 of line 9 (0-based); the emoji
    # before it takes two UTF-16 units, so LSP says 37.
    expect_equal(d["range"], rng(9, 37, 9, 46), "UTF-16 range after á, ñ and 🌱", c)
    expect_equal(d["code"], "E102", "code", c)
    expect_equal(d["severity"], 1, "severity", c)
    expect_equal(d["message"], "'directora' no es un término del vocabulario 'rol'\n"
                 "ayuda: ¿quiso decir 'director'?", "message with help", c)

    # 2. Fixed, but `revisa:` names an action that does not exist: E102
    #    after the 🎉 of the same line, with a note at the declaration.
    text = PLAN.replace("rol: directora", "rol: director").replace("revisa: talleres", "revisa: taleres")
    diags = s.change(text)
    expect_equal(diags, s.expected(text), "diagnostics after a change = ruta check", c)
    expect_equal(len(diags), 1, "one diagnostic after the change", c)
    line = text.split("\n")[32]
    cp = line.index("taleres")
    expect_equal(diags[0]["range"], rng(32, cp + 1, 32, cp + 8), "range after 🎉 (one extra unit)", c)
    expect_equal(diags[0]["relatedInformation"], [{
        "location": {"uri": s.uri, "range": rng(18, 9, 18, 17)},
        "message": "'talleres' está declarado aquí"}], "the note as relatedInformation", c)

    # 3. Valid: the consistency checks run and give their warnings.
    text = text.replace("revisa: taleres", "revisa: talleres")
    diags = s.change(text)
    expected = s.expected(text)
    expect_equal(diags, expected, "warnings = ruta check", c)
    expect_equal(sorted(d["code"] for d in diags), ["W304", "W403", "W407"], "warning codes", c)
    check(all(d["severity"] == 2 for d in diags), "warnings are severity 2", c)
    w304 = [d for d in diags if d["code"] == "W304"][0]
    expect_equal(w304["range"], rng(11, 7, 11, 14), "W304 on 'gestión'", c)


def test_hover(s):
    c = s.client
    h = s.call("textDocument/hover", s.at("responsable: ñandú  revisa", delta=15))
    value = h["contents"]["value"]
    expect_equal(h["contents"]["kind"], "markdown", "hover kind", c)
    # The role shows by its label (stdlib/base.ruta's wording) and its term.
    parts = value.split("\n\n")
    expect_equal(len(parts), 3, "hover paragraphs: " + value, c)
    expect_equal(parts[0], "**persona** `ñandú` — Sofía Peña 🌱", "kind, name and title", c)
    check(parts[1].startswith("Rol: ") and parts[1].endswith(" (`director`)"), "role: " + value, c)
    expect_equal(parts[2], "Declaración: `plan.ruta`, línea 10", "where it is declared", c)
    line = s.text.split("\n")[32]
    start = len(line[:line.index("responsable: ñandú") + 13].encode("utf-16-le")) // 2
    expect_equal(h["range"], rng(32, start, 32, start + 5), "hover range (UTF-16)", c)

    h = s.call("textDocument/hover", s.at("ambito: trabajo_en_equipo", delta=10))
    value = h["contents"]["value"]
    check(value.startswith("**trabajo_en_equipo** — Trabajo en equipo\n\n"), "term label: " + value, c)
    check("Término del vocabulario `ambito`" in value, "term vocabulary: " + value, c)
    check("Declaración: `mdc.ruta`" in value, "term declared in mdc: " + value, c)

    h = s.call("textDocument/hover", s.at("accion talleres", delta=8))
    value = h["contents"]["value"]
    check(value.startswith("**acción** `talleres` — Talleres de lectura\n\nEn la capacidad `lectura`"),
          "action hover: " + value, c)
    check("Responsable: `ñandú`" in value and "Fechas: `2026-04-06 .. 2026-06-30`" in value,
          "action facts: " + value, c)

    h = s.call("textDocument/hover", s.at("medio_verificacion", delta=3))
    expect_equal(h["contents"]["value"], "**medio_verificacion**: una cadena entre comillas (obligatorio)"
                 "\n\nAtributo de un indicador", "hover on a key", c)

    expect_equal(s.call("textDocument/hover", s.at("Plan piloto", delta=2)), None, "hover in a string", c)


def test_definition_references(s):
    c = s.client
    loc = s.call("textDocument/definition", s.at("revisa: talleres", delta=9))
    expect_equal(loc, {"uri": s.uri, "range": rng(18, 9, 18, 17)}, "definition of an action", c)
    loc = s.call("textDocument/definition", s.at("integrantes: ñandú", delta=14))
    expect_equal(loc, {"uri": s.uri, "range": rng(9, 8, 9, 13)}, "definition of 'ñandú'", c)
    loc = s.call("textDocument/definition", s.at("basal: colaboracion", delta=8))
    check(loc and loc["uri"].endswith("/mdc.ruta"), "a term is defined in mdc.ruta: %r" % (loc,), c)
    loc = s.call("textDocument/definition", s.at('usar "mdc"', delta=6))
    check(loc and loc["uri"].endswith("/mdc.ruta") and loc["range"] == rng(0, 0, 0, 0),
          "usar jumps to the module: %r" % (loc,), c)

    refs = s.call("textDocument/references", dict(s.at("persona ñandú", delta=9),
                                                    context={"includeDeclaration": True}))
    line32 = s.text.split("\n")[32]
    u = len(line32[:line32.index("responsable: ñandú") + 13].encode("utf-16-le")) // 2
    expected = [rng(9, 8, 9, 13), rng(11, 50, 11, 55), rng(19, 17, 19, 22), rng(32, u, 32, u + 5)]
    expect_equal([r["range"] for r in refs], expected, "references to ñandú with its declaration", c)
    check(all(r["uri"] == s.uri for r in refs), "all in the plan", c)
    refs = s.call("textDocument/references", dict(s.at("apoyo: pablo", delta=8),
                                                    context={"includeDeclaration": False}))
    expect_equal([r["range"] for r in refs], [rng(11, 57, 11, 62), rng(20, 11, 20, 16)],
                 "references to pablo without its declaration", c)


def labels(result):
    return [i["label"] for i in result["items"]]


def test_completion(s):
    c = s.client
    # A half-written action and a seguimiento: the text does not parse.
    text = s.text.replace("""      medio_verificacion: "Actas"
    }
  }
}
""", """      medio_verificacion: "Actas"
    }
  }

  accion lecturas "Lecturas en voz alta" {
    responsable: 
    ambito: tr
    despues_de: 
    fe
  }
}

seguimiento 2026-05-14 "Monitoreo" {
  hito: 
  avance 
}
""")
    diags = s.change(text)
    check(any(d["code"] == "E004" for d in diags), "the half-written text has a syntax error", c)

    got = s.call("textDocument/completion", s.at("responsable: \n", delta=13))
    expect_equal(got["isIncomplete"], False, "complete list", c)
    expect_equal(sorted(labels(got)), ["gestión", "pablo", "ñandú"], "names after responsable:", c)
    item = [i for i in got["items"] if i["label"] == "ñandú"][0]
    expect_equal(item["detail"], "persona · Sofía Peña 🌱", "detail of a name", c)
    pos = position_of(text, "responsable: \n", delta=13)
    expect_equal(item["textEdit"], {"range": {"start": pos, "end": pos}, "newText": "ñandú"},
                 "text edit of a name", c)

    got = s.call("textDocument/completion", s.at("ambito: tr", delta=10))
    expect_equal(labels(got), ["retroalimentacion", "trabajo_en_equipo", "relaciones_interpersonales"],
                 "terms after ambito:", c)
    item = [i for i in got["items"] if i["label"] == "trabajo_en_equipo"][0]
    expect_equal(item["detail"], "Trabajo en equipo", "term label as detail", c)
    start = position_of(text, "ambito: tr", delta=8)
    end = position_of(text, "ambito: tr", delta=10)
    expect_equal(item["textEdit"]["range"], {"start": start, "end": end}, "edit replaces 'tr'", c)

    got = s.call("textDocument/completion", s.at("despues_de: \n", delta=12))
    expect_equal(labels(got), ["talleres", "lecturas"], "actions after despues_de:", c)
    got = s.call("textDocument/completion", s.at("despues_de: \n", delta=11))
    expect_equal([i["textEdit"]["newText"] for i in got["items"]], [" talleres", " lecturas"],
                 "right after the colon, the name comes with a blank", c)
    got = s.call("textDocument/completion", s.at("hito: \n", delta=6))
    expect_equal(labels(got), ["revisión"], "hitos after hito:", c)
    got = s.call("textDocument/completion", s.at("  avance \n", delta=9))
    expect_equal(labels(got), ["talleres", "lecturas"], "actions after the entry keyword avance", c)

    got = s.call("textDocument/completion", s.at("    fe\n", delta=6))
    # Keys of an accion not written yet in this block (capacidad is given by
    # the nesting), then the declarations it may contain.
    expect_equal(labels(got), ["descripcion", "apoyo", "fechas", "recursos", "costo", "indicador", "hito"],
                 "keys valid in a nested accion", c)
    item = [i for i in got["items"] if i["label"] == "fechas"][0]
    expect_equal(item["textEdit"]["newText"], "fechas: ", "a key inserts its colon", c)
    expect_equal(item["kind"], 10, "keys are properties", c)

    got = s.call("textDocument/completion", s.at("  basal: colaboracion", delta=9))
    expect_equal(labels(got), ["reflexion", "colaboracion", "confianza_relacional", "distribucion_liderazgo"],
                 "basal terms", c)
    got = s.call("textDocument/completion", s.at("{ rol: docente", delta=7))
    check("docente" in labels(got) and "director" in labels(got) and len(labels(got)) == 16,
          "the 16 roles of base: %r" % labels(got), c)
    got = s.call("textDocument/completion", s.at("\nseguimiento", delta=1))
    check({"plan", "persona", "capacidad", "accion", "hito", "seguimiento", "usar"} <= set(labels(got)),
          "declaration keywords at top level: %r" % labels(got), c)
    got = s.call("textDocument/completion", s.at("  avance \n", delta=2))
    check({"asistentes", "avance", "nudo", "acuerdo", "cumplido"} <= set(labels(got)) and
          "hito" not in labels(got), "seguimiento keys (hito: is written) and entries: %r" % labels(got), c)
    got = s.call("textDocument/completion", s.at("Escuela Ñuble", delta=3))
    expect_equal(labels(got), [], "nothing inside a string", c)
    got = s.call("textDocument/completion", s.at("emoji 😀", delta=2))
    expect_equal(labels(got), [], "nothing inside a comment", c)


def test_records(s):
    """acuerdo ids are names too: definition, references, completion after
    `cumplido`, and the outline lists them under their seguimiento."""
    c = s.client
    text = PLAN.replace("rol: directora", "rol: director") + """
seguimiento 2026-05-14 "Monitoreo" {
  hito: revisión
  acuerdo talleres: "Formar duplas" { id: formar_duplas  responsable: pablo  plazo: 2026-05-29 }
}

seguimiento 2026-05-28 "Monitoreo 2" {
  cumplido formar_duplas: "Listo"
}
"""
    diags = s.change(text)
    expect_equal(diags, s.expected(text), "diagnostics with records = ruta check", c)
    n = text.count("\n", 0, text.index("id: formar_duplas"))
    decl = rng(n, 42, n, 55)
    loc = s.call("textDocument/definition", s.at("cumplido formar_duplas", delta=12))
    expect_equal(loc, {"uri": s.uri, "range": decl}, "definition of an acuerdo id", c)
    refs = s.call("textDocument/references", dict(s.at("id: formar_duplas", delta=6),
                                                    context={"includeDeclaration": True}))
    m = text.count("\n", 0, text.index("cumplido formar_duplas"))
    expect_equal([r["range"] for r in refs], [decl, rng(m, 11, m, 24)], "references of an acuerdo", c)
    got = s.call("textDocument/completion", s.at("cumplido formar_duplas", delta=9))
    expect_equal(labels(got), ["formar_duplas"], "acuerdos after cumplido", c)
    h = s.call("textDocument/hover", s.at("cumplido formar_duplas", delta=12))
    check(h["contents"]["value"].startswith("**acuerdo** `formar_duplas` — Formar duplas\n\n"
                                            "Registrado en el seguimiento del 2026-05-14"), "hover: %r" % h, c)
    syms = s.call("textDocument/documentSymbol", {"textDocument": s.doc()})
    expect_equal([(x["name"], [y["name"] for y in x["children"]]) for x in syms[-2:]],
                 [("seguimiento 2026-05-14", ["formar_duplas"]), ("seguimiento 2026-05-28", [])],
                 "seguimientos in the outline", c)


def outline(symbols):
    return [(x["name"], x["kind"], outline(x.get("children", []))) for x in symbols]


def test_symbols(s):
    c = s.client
    text = PLAN.replace("rol: directora", "rol: director")
    s.change(text)
    got = s.call("textDocument/documentSymbol", {"textDocument": s.doc()})
    expect_equal(outline(got), [
        ("piloto", 2, []), ("ñandú", 13, []), ("pablo", 13, []), ("gestión", 23, []),
        ("lectura", 5, [("talleres", 6, [("docentes", 8, [])])]),
        ("revisión", 24, [])], "the plan's outline", c)
    cap = got[4]
    expect_equal(cap["detail"], "Lectura compartida", "detail is the title", c)
    expect_equal(cap["selectionRange"], rng(13, 10, 13, 17), "selection is the name", c)
    expect_equal(cap["range"]["start"], {"line": 13, "character": 0}, "range starts at the keyword", c)
    expect_equal(cap["range"]["end"], {"line": 30, "character": 1}, "range ends at the brace", c)
    hito = got[5]
    expect_equal(hito["selectionRange"], rng(32, 5, 32, 13), "hito name range", c)


def test_formatting(s):
    c = s.client
    edits = s.call("textDocument/formatting", {"textDocument": s.doc(),
                                               "options": {"tabSize": 2, "insertSpaces": True}})
    expect_equal(len(edits), 1, "one edit", c)
    lines = s.text.split("\n")
    expect_equal(edits[0]["range"], rng(0, 0, len(lines) - 1, 0), "the edit covers the text", c)
    with open(s.path, "w", encoding="utf-8") as f:
        f.write(s.text)
    fmt = subprocess.run([s.ruta, "fmt", "plan.ruta"], capture_output=True).stdout.decode("utf-8")
    expect_equal(edits[0]["newText"], fmt, "the same text as ruta fmt", c)
    s.change(fmt)
    expect_equal(s.call("textDocument/formatting", {"textDocument": s.doc(), "options": {}}), [],
                 "a formatted text needs no edit", c)
    broken = fmt.replace("{", "", 1)
    s.change(broken)
    r = s.client.response(s.client.request("textDocument/formatting", {"textDocument": s.doc(), "options": {}}))
    expect_equal(r.get("error", {}).get("code"), -32803, "a text with syntax errors is not formatted", c)


def test_shutdown(s):
    c = s.client
    s.client.notify("textDocument/didClose", {"textDocument": s.doc()})
    expect_equal(c.diagnostics(s.uri), [], "closing clears the diagnostics", c)
    expect_equal(s.call("shutdown", None), None, "shutdown answers null", c)
    c.notify("exit")
    expect_equal(c.wait_exit(), 0, "exit status after shutdown", c)
    check(c.stderr == b"", "nothing on stderr: %r" % c.stderr, c)


def run(ruta):
    s = Session(ruta)
    test_initialize(s)
    test_diagnostics(s)
    test_hover(s)
    test_definition_references(s)
    test_completion(s)
    test_records(s)
    test_symbols(s)
    test_formatting(s)
    test_shutdown(s)


if __name__ == "__main__":
    main(run)
