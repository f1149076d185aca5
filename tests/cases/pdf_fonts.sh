#!/bin/sh
# --font: another TrueType font is embedded instead of DejaVu Sans; its
# "-Bold" sibling is used for headings when it exists, else the same face.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
dir=/usr/share/fonts/truetype/dejavu
"$RUTA" pdf --as-of 2026-06-01 --font "$dir/DejaVuSerif.ttf" "$plan" -o serif.pdf
qpdf --check serif.pdf >/dev/null
pdffonts serif.pdf > fonts.txt
grep -q 'DejaVuSerif,Book' fonts.txt
grep -q 'DejaVuSerif-Bold,Bold' fonts.txt
if grep -q 'DejaVuSans' fonts.txt; then echo "the default font is still there"; exit 1; fi

cp "$dir/DejaVuSansMono.ttf" mono.ttf
"$RUTA" pdf --as-of 2026-06-01 --font mono.ttf "$plan" -o mono.pdf
pdffonts mono.pdf > fonts.txt
[ "$(sed -n '3,$p' fonts.txt | wc -l)" -eq 1 ]
grep -q 'DejaVuSansMono.*yes *yes *yes' fonts.txt
pdftotext -raw mono.pdf - | tr -s '[:space:]' ' ' | grep -qF "Reflexión pedagógica del equipo directivo"
