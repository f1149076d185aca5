#!/bin/sh
# ruta lsp with a real client: headless Neovim (0.7: vim.lsp.start_client and
# vim.lsp.buf_attach_client) opens a plan with an error placed after á, ñ and
# an emoji, receives the diagnostics, asks for hover, definition and
# completion, fixes the error in the buffer and receives the new
# diagnostics; tests/lsp/nvim_test.lua writes what Neovim got to a file,
# checked here. Neovim converts the server's UTF-16 positions to byte
# columns itself, so a wrong conversion shows as a wrong column.
set -eu
if ! command -v nvim >/dev/null 2>&1; then
    echo "SKIP: nvim is not installed (Debian package neovim)"
    exit 0
fi
cat > plan.ruta <<'EOF'
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
EOF
# Neovim keeps its state, logs and swap files in this scratch directory.
mkdir -p home
HOME=$PWD/home XDG_CONFIG_HOME=$PWD/home XDG_DATA_HOME=$PWD/home XDG_STATE_HOME=$PWD/home \
XDG_CACHE_HOME=$PWD/home RUTA=$RUTA PLAN=plan.ruta OUT=result.json \
    timeout 120 nvim --headless --clean -n -c "luafile $ROOT/tests/lsp/nvim_test.lua" </dev/null >nvim.log 2>&1 || {
    echo "nvim failed:"; cat nvim.log; exit 1; }
/usr/bin/python3 - "$ROOT" <<'EOF'
import json, sys
r = json.load(open("result.json", encoding="utf-8"))
lines = open("plan.ruta", encoding="utf-8").read().split("\n")

def fail(msg):
    print("FAIL:", msg)
    print(json.dumps(r, ensure_ascii=False, indent=1))
    sys.exit(1)

def byte_col(line, needle):
    return lines[line].encode("utf-8").index(needle.encode("utf-8"))

if not r.get("ok"):
    fail("the Lua script failed: %s" % r.get("error"))
for key in ["client_started", "attached", "got_diagnostics", "fixed", "stopped"]:
    if not r.get(key):
        fail("step %s did not happen" % key)
# The error as Neovim shows it: its byte columns on line 9 (0-based).
d = r["diagnostics"]
col = byte_col(8, "directora")
want = [{"lnum": 8, "col": col, "end_lnum": 8, "end_col": col + len("directora"), "severity": 1,
         "code": "E102", "source": "ruta",
         "message": "'directora' no es un término del vocabulario 'rol'\nayuda: ¿quiso decir 'director'?"}]
if d != want:
    fail("diagnostics: expected %r" % want)
if not r["hover"] or not r["hover"]["contents"]["value"].startswith("**persona** `ñandú` — Sofía Peña 🌱"):
    fail("hover")
if r["definition"]["range"]["start"] != {"line": 8, "character": 8}:
    fail("definition")
if r["completion"] != sorted(["gestión", "pablo", "ñandú"]):
    fail("completion after 'apoyo: '")
codes = [(x["code"], x["lnum"], x["col"]) for x in r["after_fix"]]
w407 = byte_col(31, "2026-05-14 15:30")
if codes != [("W304", 10, byte_col(10, "gestión")), ("W403", 21, byte_col(21, "2026-04-06")),
             ("W407", 31, w407)]:
    fail("diagnostics after the fix: %r" % codes)
print("ok")
EOF
