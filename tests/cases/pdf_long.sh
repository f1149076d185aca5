#!/bin/sh
# A plan with 40 more actions and a 700-word práctica problemática
# (tests/data/pdf/gen_plan.sh): more pages than the reference plan, a valid
# PDF, and pdftotext finds every word of the long text and every action.
# A 1000-action plan is laid out too (tables and Gantt over hundreds of
# pages) within a generous time bound.
set -eu
base="$SHARED/spec/examples/aromos.ruta"
gen="$ROOT/tests/data/pdf/gen_plan.sh"
"$RUTA" pdf --as-of 2026-06-01 "$base" -o base.pdf
sh "$gen" "$base" 40 700 > long.ruta
"$RUTA" pdf --as-of 2026-06-01 long.ruta -o long.pdf 2>/dev/null
qpdf --check long.pdf >/dev/null
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
[ "$(pages long.pdf)" -gt "$(pages base.pdf)" ] || { echo "no more pages"; exit 1; }

pdftotext -raw long.pdf - | tr -s '[:space:]' '\n' > words.txt
awk 'BEGIN {
    split("acción niño corazón pingüino año lápiz búho camión árbol ñandú", b, " ");
    for (i = 1; i <= 700; i++) print b[(i - 1) % 10 + 1] i;
}' > expected.txt
missing=$(grep -cvxFf words.txt expected.txt || true)
[ "$missing" -eq 0 ] || { echo "$missing words of the práctica problemática are missing:"; grep -vxFf words.txt expected.txt | head; exit 1; }
pdftotext -raw long.pdf - | tr -s '[:space:]' ' ' > flat.txt
i=1
while [ "$i" -le 40 ]; do
    grep -qF "Acción adicional número $i: revisión de planificaciones con foco en la lectura" flat.txt ||
        { echo "action $i is missing"; exit 1; }
    i=$((i + 1))
done

sh "$gen" "$base" 1000 50 > huge.ruta
start=$(date +%s)
"$RUTA" pdf --as-of 2026-06-01 huge.ruta -o huge.pdf 2>/dev/null
elapsed=$(( $(date +%s) - start ))
qpdf --check huge.pdf >/dev/null
[ "$(pages huge.pdf)" -gt 300 ]
[ "$elapsed" -le 20 ] || { echo "1000 actions took ${elapsed}s"; exit 1; }
