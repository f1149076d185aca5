#!/bin/sh
# Every sample plan makes a valid PDF as of the date in its first line, with
# its cronograma on landscape pages.
set -eu
for plan in "$ROOT"/samples/*.ruta; do
    asof=$(sed -n '1s/.*--as-of \([0-9-]*\).*/\1/p' "$plan")
    [ -n "$asof" ] || asof=2026-06-01
    name=$(basename "$plan" .ruta)
    "$RUTA" pdf --as-of "$asof" "$plan" -o "$name.pdf" 2>/dev/null || { echo "$name failed"; exit 1; }
    qpdf --check "$name.pdf" >/dev/null
    pdfinfo -f 1 -l 999 "$name.pdf" | grep -q 'size: *792 x 612 pts' || { echo "$name: no landscape page"; exit 1; }
    pdftotext "$name.pdf" - 2>/dev/null | grep -q "Cronograma"
done
