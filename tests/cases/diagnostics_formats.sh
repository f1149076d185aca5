# The three diagnostic formats (text, json, sarif), --max-errors, --color,
# and the reference plan checking clean.
# Run by tests/run.sh in an empty temporary directory, with RUTA, ROOT and
# SHARED set.
set -eu
: "${RUTA:?}" "${ROOT:?}" "${SHARED:?}"
PY=/usr/bin/python3

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

# A plan with four errors, a note, a help line and accented text before an
# error on the same line (columns count characters, not bytes).
cat > plan.ruta <<'EOF'
plan pme_2026 "Plan de mejoramiento 2026" {
  establecimiento: "Escuela Básica El Sauce"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Instalar la reflexión pedagógica en los consejos de profesores."
  uatp: crojas
}

persona crojas "Carolina Rojas" { rol: profesional_uatp }

hito reunión_1 "Reunión" { fecha: 2026-06-18 15:30  tipo: monitoreo  responsable: crojass }
hito reunión_2 "Reunión" { fecha: 2026-07-16 15:30  tipo: monitoreos }
hito reunión_3 "Reunión" { fecha: 2026-08-20 15:30  tipo: monitoreo  lugr: "Sala" }
hito reunión_4 "Reunión" { fecha: 2026-09-31 15:30  tipo: monitoreo }
EOF

# --- JSON ------------------------------------------------------------------
set +e
"$RUTA" check --as-of 2026-06-01 --diagnostics-format=json plan.ruta > out.json 2> err.txt
rc=$?
set -e
[ "$rc" -eq 1 ] || bad "json: exit $rc, expected 1"
if ! $PY - out.json <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(doc, list), "not an array"
assert len(doc) == 4, "expected 4 diagnostics, got %d" % len(doc)
for d in doc:
    for k in ("file", "line", "column", "end_line", "end_column",
              "severity", "code", "message", "notes"):
        assert k in d, "missing field %r in %r" % (k, d)
    assert isinstance(d["notes"], list)
    for n in d["notes"]:
        for k in ("file", "line", "column", "message"):
            assert k in n, "note without %r: %r" % (k, n)
by_code = {d["code"]: d for d in doc}
assert sorted(by_code) == ["E003", "E102", "E104"], sorted(by_code)
e102 = [d for d in doc if d["code"] == "E102" and "crojass" in d["message"]][0]
assert e102["file"] == "plan.ruta", e102["file"]
assert e102["severity"] == "error"
# 'hito reunión_1 "Reunión" { fecha: ... responsable: crojass }': the
# column counts characters: two accented letters precede the name.
line = open("plan.ruta", encoding="utf-8").read().split("\n")[9]
col = line.index("crojass") + 1
assert (e102["line"], e102["column"]) == (10, col), (e102["line"], e102["column"], col)
assert (e102["end_line"], e102["end_column"]) == (10, col + 7), (e102["end_line"], e102["end_column"])
assert e102["notes"] and e102["notes"][0]["line"] == 8, e102["notes"]
assert e102["message"] == "'crojass' no está declarado", e102["message"]
e003 = [d for d in doc if d["code"] == "E003"][0]
assert e003["line"] == 13 and e003["message"] == "la fecha '2026-09-31' no existe", e003
EOF
then
    bad "json: wrong document"
    cat out.json
fi
# The JSON document goes alone to stdout; nothing of it on stderr.
grep -q '"code"' err.txt && bad "json: diagnostics also written to stderr"

# A clean file gives an empty array.
cat > limpio.ruta <<'EOF'
plan pme_2026 "Plan de mejoramiento 2026" {
  establecimiento: "Escuela Básica El Sauce"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Instalar la reflexión pedagógica en los consejos de profesores."
}
hito monitoreo_1 "Reunión de monitoreo" { fecha: 2026-06-18 15:30  tipo: monitoreo }
EOF
set +e
"$RUTA" check --as-of 2026-06-01 --diagnostics-format=json limpio.ruta > clean.json
rc=$?
set -e
[ "$rc" -eq 0 ] || bad "json clean: exit $rc"
$PY -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d == [], d' clean.json ||
    bad "json clean: not an empty array: $(cat clean.json)"

# --- SARIF -----------------------------------------------------------------
set +e
"$RUTA" check --as-of 2026-06-01 --diagnostics-format=sarif plan.ruta > out.sarif 2> err.txt
rc=$?
set -e
[ "$rc" -eq 1 ] || bad "sarif: exit $rc, expected 1"
# Every code of the catalogue, read from the compiler's own table.
sed -n 's/^DIAG([A-Z_0-9]*, *"\([EW][0-9][0-9][0-9]\)".*/\1/p' "$ROOT/compiler/diag_catalog.def" |
    sort -u > codes.txt
[ -s codes.txt ] || bad "sarif: could not read the codes of diag_catalog.def"
for c in E001 E002 E003 E004 E005 E006 E007 E101 E102 E103 E104 E105 E106 E107 E108 E109 E110; do
    grep -qx "$c" codes.txt || bad "catalogue: $c missing from diag_catalog.def"
done
if ! $PY - out.sarif codes.txt <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
codes = open(sys.argv[2]).read().split()
assert doc["version"] == "2.1.0", doc.get("version")
assert "sarif" in doc.get("$schema", ""), doc.get("$schema")
run = doc["runs"][0]
assert run["columnKind"] == "unicodeCodePoints", run.get("columnKind")
driver = run["tool"]["driver"]
assert driver["name"] == "ruta"
rules = {r["id"]: r for r in driver["rules"]}
missing = [c for c in codes if c not in rules]
assert not missing, "codes without a rule: %s" % missing
for c in codes:
    text = rules[c].get("shortDescription", {}).get("text", "")
    assert text.strip(), "rule %s without a description" % c
results = run["results"]
assert len(results) == 4, "expected 4 results, got %d" % len(results)
for r in results:
    assert r["ruleId"] in rules, r["ruleId"]
    assert r["level"] == "error", r
    assert r["message"]["text"], r
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("plan.ruta"), loc
    reg = loc["region"]
    assert reg["startLine"] >= 1 and reg["startColumn"] >= 1, reg
r = [r for r in results if "crojass" in r["message"]["text"]][0]
line = open("plan.ruta", encoding="utf-8").read().split("\n")[9]
col = line.index("crojass") + 1
reg = r["locations"][0]["physicalLocation"]["region"]
assert (reg["startLine"], reg["startColumn"]) == (10, col), (reg, col)
assert reg.get("endColumn") == col + 7, reg
EOF
then
    bad "sarif: wrong document"
    head -c 2000 out.sarif
fi

# --- --max-errors -------------------------------------------------------------
set +e
"$RUTA" check --as-of 2026-06-01 --color=never --max-errors 3 plan.ruta > max.txt 2>&1
rc=$?
set -e
[ "$rc" -eq 1 ] || bad "max-errors: exit $rc, expected 1"
n=$(grep -c ': error: ' max.txt || true)
[ "$n" -eq 3 ] || { bad "max-errors 3: $n errors reported"; cat max.txt; }
grep -q "se alcanzó el máximo de 3 errores" max.txt ||
    { bad "max-errors 3: no note saying the limit was reached"; cat max.txt; }

# The default limit is 50: 60 unknown attributes give 50 errors and the note.
{
    echo 'plan pme_2026 "Plan de mejoramiento 2026" {'
    echo '  establecimiento: "Escuela Básica El Sauce"'
    echo '  periodo: 2026-03-02 .. 2026-12-11'
    echo '  objetivo: "Instalar la reflexión pedagógica."'
    i=1
    while [ $i -le 60 ]; do
        echo "  clave_$i: 1"
        i=$((i + 1))
    done
    echo '}'
} > muchos.ruta
set +e
"$RUTA" check --as-of 2026-06-01 --color=never muchos.ruta > many.txt 2>&1
rc=$?
set -e
[ "$rc" -eq 1 ] || bad "default limit: exit $rc"
n=$(grep -c ': error: ' many.txt || true)
[ "$n" -eq 50 ] || bad "default limit: $n errors reported, expected 50"
grep -q "se alcanzó el máximo de 50 errores" many.txt ||
    bad "default limit: no note saying the limit was reached"
# --max-errors 0 means no limit.
set +e
"$RUTA" check --as-of 2026-06-01 --color=never --max-errors 0 muchos.ruta > nolimit.txt 2>&1
set -e
n=$(grep -c ': error: ' nolimit.txt || true)
[ "$n" -eq 60 ] || bad "--max-errors 0: $n errors reported, expected 60"

# --- colour -------------------------------------------------------------------
esc=$(printf '\033')
set +e
"$RUTA" check --as-of 2026-06-01 --color=always plan.ruta > always.txt 2>&1
"$RUTA" check --as-of 2026-06-01 --color=never plan.ruta > never.txt 2>&1
"$RUTA" check --as-of 2026-06-01 plan.ruta 2>&1 | cat > piped.txt
"$RUTA" check --as-of 2026-06-01 --color=auto plan.ruta 2>&1 | cat > auto.txt
set -e
grep -q "$esc\[" always.txt || bad "--color=always: no ANSI escapes"
grep -q "$esc" never.txt && bad "--color=never: ANSI escapes in the output"
grep -q "$esc" piped.txt && bad "default colour on a pipe: ANSI escapes in the output"
grep -q "$esc" auto.txt && bad "--color=auto on a pipe: ANSI escapes in the output"
# Without the escapes, the coloured text is the plain text.
sed "s/$esc\[[0-9;]*m//g" always.txt > stripped.txt
cmp -s stripped.txt never.txt || { bad "--color=always differs from --color=never beyond the escapes"; diff stripped.txt never.txt | head; }
# JSON and SARIF never carry colour.
set +e
"$RUTA" check --as-of 2026-06-01 --color=always --diagnostics-format=json plan.ruta 2>/dev/null > color.json
set -e
grep -q "$esc" color.json && bad "json with --color=always: ANSI escapes"
$PY -c 'import json,sys; json.load(open(sys.argv[1]))' color.json || bad "json with --color=always: invalid JSON"

# --- bytes that are not UTF-8 -------------------------------------------------------
# A plan saved in Latin-1: messages that quote its text (a syntax error at a
# damaged name) hold bytes that are not UTF-8. JSON and SARIF must still be
# valid UTF-8 JSON (a strict reader rejects anything else), with U+FFFD for
# each such byte; the text format shows the bytes as they are.
printf 'persona ana "Ana" { rol: docente }\nacci\363n a1 "Taller" { responsable: ana }\n' > latin1.ruta
for fmt in json sarif; do
    set +e
    "$RUTA" check --as-of 2026-06-01 --diagnostics-format=$fmt latin1.ruta > latin1.$fmt 2> /dev/null
    rc=$?
    set -e
    [ "$rc" -eq 1 ] || bad "latin1 $fmt: exit $rc, expected 1"
    $PY - "$fmt" latin1.$fmt <<'EOF2' || bad "latin1 $fmt: not valid UTF-8 JSON, or the bad byte not shown as U+FFFD"
import json, sys
fmt, path = sys.argv[1], sys.argv[2]
data = json.loads(open(path, "rb").read().decode("utf-8"))  # strict: fails on a bad byte
if fmt == "json":
    messages = [d["message"] for d in data]
else:
    messages = [r["message"]["text"] for r in data["runs"][0]["results"]]
assert any("acci\ufffdn" in m for m in messages), messages
EOF2
done
set +e
"$RUTA" check --as-of 2026-06-01 latin1.ruta > latin1.txt 2>&1
set -e
grep -q "$(printf 'acci\363n')" latin1.txt || bad "latin1 text: the byte itself not shown"

# --- the reference plan -----------------------------------------------------------
ref="$SHARED/spec/examples/aromos.ruta"
if [ -f "$ref" ]; then
    set +e
    "$RUTA" check --as-of 2026-06-01 "$ref" > ref.txt 2>&1
    rc=$?
    set -e
    [ "$rc" -eq 0 ] || bad "aromos.ruta: exit $rc"
    [ -s ref.txt ] && { bad "aromos.ruta: output where none is expected"; cat ref.txt; }
    set +e
    "$RUTA" check --as-of 2026-06-01 --diagnostics-format=json "$ref" > ref.json
    set -e
    $PY -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d == [], d' ref.json ||
        bad "aromos.ruta: JSON diagnostics not empty"
else
    bad "reference plan $ref not found"
fi

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
