# ruta json and ruta csv are byte-identical for the same input and as-of
# date, whatever SOURCE_DATE_EPOCH says (neither has a timestamp).
set -eu
for plan in "$SHARED/spec/examples/aromos.ruta" "$ROOT/tests/data/backends/tricky.ruta"; do
    "$RUTA" json --as-of 2026-06-01 "$plan" -o a.json
    "$RUTA" json --as-of 2026-06-01 "$plan" -o b.json
    SOURCE_DATE_EPOCH=1767225600 "$RUTA" json --as-of 2026-06-01 "$plan" -o c.json
    cmp a.json b.json
    cmp a.json c.json
    "$RUTA" csv --as-of 2026-06-01 --with-calendar "$plan" -o a.csv
    SOURCE_DATE_EPOCH=1767225600 "$RUTA" csv --as-of 2026-06-01 --with-calendar "$plan" -o b.csv
    cmp a.csv b.csv
    "$RUTA" json --as-of 2026-07-01 "$plan" -o d.json 2> /dev/null
    if cmp -s a.json d.json; then echo "another as-of date gives the same JSON"; exit 1; fi
done
