#!/bin/sh
# ruta pdf is deterministic: two runs give the same bytes; the document's
# dates come from SOURCE_DATE_EPOCH when it is set, else from --as-of.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
unset SOURCE_DATE_EPOCH || true
"$RUTA" pdf --as-of 2026-06-01 "$plan" -o one.pdf
"$RUTA" pdf --as-of 2026-06-01 "$plan" -o two.pdf
cmp one.pdf two.pdf
pdfinfo -isodates one.pdf | grep -q '^CreationDate: *2026-06-01T00:00:00Z$'
pdfinfo -isodates one.pdf | grep -q '^ModDate: *2026-06-01T00:00:00Z$'

SOURCE_DATE_EPOCH=1700000000 "$RUTA" pdf --as-of 2026-06-01 "$plan" -o e1.pdf
SOURCE_DATE_EPOCH=1700000000 "$RUTA" pdf --as-of 2026-06-01 "$plan" -o e2.pdf
cmp e1.pdf e2.pdf
pdfinfo -isodates e1.pdf | grep -q '^CreationDate: *2023-11-14T22:13:20Z$'
if cmp -s one.pdf e1.pdf; then echo "SOURCE_DATE_EPOCH ignored"; exit 1; fi

# The largest sample, twice, on A4.
red="$ROOT/samples/red_mejoramiento.ruta"
"$RUTA" pdf --as-of 2026-08-07 --paper a4 "$red" -o r1.pdf 2>/dev/null
"$RUTA" pdf --as-of 2026-08-07 --paper a4 "$red" -o r2.pdf 2>/dev/null
cmp r1.pdf r2.pdf
# No trailer /ID or other random bytes: libharu writes one only when encrypting.
if grep -aq '/ID *\[' r1.pdf; then echo "random /ID in the trailer"; exit 1; fi

# The pages are compressed on several threads: the thread count changes no byte.
"$RUTA" pdf -j 1 --as-of 2026-08-07 "$red" -o j1.pdf 2>/dev/null
"$RUTA" pdf -j 4 --as-of 2026-08-07 "$red" -o j4.pdf 2>/dev/null
cmp j1.pdf j4.pdf
