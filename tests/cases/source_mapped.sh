# A big plan is mapped and streamed through the scanner in pieces, and the
# pages already scanned leave memory (source.h, docs/performance.md 3.7).
# Whatever lies across the scanner's 64 KiB reads and the 1 MiB windows
# must come out exactly as from a small file: locations and source lines of
# diagnostics (which read pages that were let go), a text block that spans
# two windows, a byte-order mark, a block left open at the end. The
# expected lines and columns are computed here, independently of ruta.
# A file cut short while it is mapped is an error (exit 2), not a crash.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

python3 "$ROOT/bench/gen_plan.py" 4000 base.ruta
size=$(wc -c < base.ruta)
[ "$size" -gt 3500000 ] || bad "generated plan too small to span windows: $size bytes"

# Variants of the plan, and the diagnostics each must give (file:line:col
# and the source line shown under it), written by Python.
python3 - <<'EOF'
src = open("base.ruta", "rb").read()
MIB = 1 << 20

def line_start(off):
    return src.rfind(b"\n", 0, off) + 1

# 1. Unknown keys at a 64 KiB read boundary, at a window boundary, in the
# third and fourth windows (long released when diagnostics are printed)
# and near the end.
bad_line = b"    clave_rara: 1\n"
spots = sorted({line_start(o) for o in (65536 * 3, MIB, 2 * MIB + 7, 3 * MIB + 100, len(src) - 400)})
out, expect, last = [], [], 0
for at in spots:
    out.append(src[last:at])
    out.append(bad_line)
    last = at
out.append(src[last:])
text = b"".join(out)
open("errores.ruta", "wb").write(text)
pos = 0
for _ in spots:
    pos = text.index(bad_line, pos)
    line = text.count(b"\n", 0, pos) + 1
    expect.append("errores.ruta:%d:5: error: atributo 'clave_rara' desconocido" % line)
    expect.append("%d |     clave_rara: 1" % line)
    pos += 1
open("errores.expect", "w").write("\n".join(expect) + "\n")

# 2. A text block of about 1.5 MiB of content is over the string limit;
# one of 900 KiB, starting just before a window boundary, spans it.
body_lines = ["linea %05d: acción, reflexión y evaluación del trabajo" % i for i in range(15000)]
content = "\n".join(body_lines) + "\n"
assert 700 * 1024 < len(content.encode()) < 1024 * 1024
block = b'    descripcion: """\n' + b"".join(b"      " + l.encode() + b"\n" for l in body_lines) + b'      """\n'
# Replace the first descripcion after the window boundary by the block.
start = src.index(b'    descripcion: "', MIB - 4096)
end = src.index(b"\n", src.index(b'"', start + 18) + 1) + 1
if src[start:end].startswith(b'    descripcion: """'):
    end = src.index(b'"""', start + 20) + 4
texto = src[:start] + block + src[end:]
open("texto.ruta", "wb").write(texto)
# The action whose descripcion it is: the last `accion NAME` before it.
k = texto.rfind(b"\n  accion ", 0, start)
name = texto[k + 10:texto.index(b" ", k + 10)].decode()
open("texto.expect", "w").write(name + "\n" + content)

# 3. The same plan with a byte-order mark.
open("bom.ruta", "wb").write(b"\xef\xbb\xbf" + src)

# 4. Cut short: the last 3000 bytes missing, so blocks stay open.
cut = src[:len(src) - 3000]
open("corto.ruta", "wb").write(cut)
open("corto.expect", "w").write("corto.ruta:%d:%d: error:" % (cut.count(b"\n") + 1, len(cut) - cut.rfind(b"\n")))
EOF

# 1. Diagnostics at their places, with their source lines.
"$RUTA" check --as-of 2026-06-04 --max-errors 0 --color=never errores.ruta > errores.out 2>&1 && bad "errores: exit 0"
while IFS= read -r want; do
    grep -qF -- "$want" errores.out || bad "errores: missing '$want'"
done < errores.expect
n=$(grep -c "^errores.ruta:" errores.out || true)
[ "$n" -eq 5 ] || bad "errores: $n diagnostics, expected 5"

# 2. The text block across a window boundary, exactly, through JSON.
"$RUTA" json --as-of 2026-06-04 texto.ruta -o texto.json || bad "texto: json failed"
python3 - <<'EOF' || bad "texto: the text block did not come out whole"
import json
name, content = open("texto.expect").read().split("\n", 1)
plan = json.load(open("texto.json"))
got = [a.get("descripcion") for a in plan["acciones"] if a["id"] == name]
assert got, "no action " + name
assert got[0].rstrip("\n") == content.rstrip("\n"), "text differs (%d vs %d chars)" % (len(got[0]), len(content))
EOF

# 3. A byte-order mark changes nothing.
"$RUTA" json --as-of 2026-06-04 base.ruta -o base.json || bad "base: json failed"
"$RUTA" json --as-of 2026-06-04 bom.ruta -o bom.json || bad "bom: json failed"
cmp -s base.json bom.json || bad "bom: JSON differs from the plan without the mark"
"$RUTA" check --as-of 2026-06-04 bom.ruta > bom.out 2>&1 || bad "bom: check failed: $(head -3 bom.out)"

# 4. A plan cut short: the missing '}' reported at the end of the file.
"$RUTA" check --as-of 2026-06-04 --color=never corto.ruta > corto.out 2>&1 && bad "corto: exit 0"
grep -qF -- "$(cat corto.expect)" corto.out || bad "corto: no error at the end ($(cat corto.expect)): $(head -2 corto.out)"

# 5. Truncated while mapped: SIGBUS becomes exit 2 with a message. The
# plan is big enough for the scan to take a while; the file is cut as soon
# as the mapping shows in /proc. If the check finished first (a very fast
# machine), try again, three times in all.
python3 "$ROOT/bench/gen_plan.py" 30000 grande.ruta
try=0 done=no
while [ $try -lt 3 ] && [ $done = no ]; do
    try=$((try + 1))
    cp grande.ruta victima.ruta
    "$RUTA" check --as-of 2026-06-04 victima.ruta > victima.out 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 2000 ] && ! grep -q victima.ruta "/proc/$pid/maps" 2>/dev/null; do
        i=$((i + 1))
        kill -0 "$pid" 2>/dev/null || break
    done
    : > victima.ruta
    rc=0
    wait "$pid" || rc=$?
    if [ $rc -eq 2 ]; then
        done=yes
        grep -q "cambió mientras se leía" victima.out || bad "truncated: exit 2 without the message: $(head -2 victima.out)"
    elif [ $rc -gt 128 ]; then
        done=yes
        bad "truncated: killed by signal $((rc - 128))"
    fi
done
[ $done = yes ] || bad "truncated: the check always finished before the file was cut (last exit $rc)"

[ $fails -eq 0 ]
