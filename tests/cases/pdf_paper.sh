#!/bin/sh
# ruta pdf --paper: carta (the default) 612x792 pt, a4 595.276x841.89 pt and
# oficio 612x936 pt (8.5 x 13 in, docs/pdf.md). Every page has the size
# asked for, portrait, or landscape for the cronograma.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
check() { # paper width height
    if [ "$1" = default ]; then
        "$RUTA" pdf --as-of 2026-06-01 "$plan" -o "$1.pdf"
    else
        "$RUTA" pdf --as-of 2026-06-01 --paper "$1" "$plan" -o "$1.pdf"
    fi
    qpdf --check "$1.pdf" >/dev/null
    pdfinfo -f 1 -l 999 "$1.pdf" | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' > sizes.txt
    [ -s sizes.txt ]
    portrait=$(grep -c "^$2 $3\$" sizes.txt || true)
    landscape=$(grep -c "^$3 $2\$" sizes.txt || true)
    total=$(wc -l < sizes.txt)
    [ $((portrait + landscape)) -eq "$total" ] || { echo "$1: unexpected sizes"; cat sizes.txt; exit 1; }
    [ "$portrait" -ge 1 ] && [ "$landscape" -ge 1 ]
    head -n 1 sizes.txt | grep -q "^$2 $3\$"
}
check default 612 792
check carta 612 792
check a4 595.276 841.89
check oficio 612 936
cmp default.pdf carta.pdf
