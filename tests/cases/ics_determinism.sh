# ruta ics is byte-identical for the same input and as-of date, and
# SOURCE_DATE_EPOCH changes only the DTSTAMP lines.
set -eu
for plan in "$SHARED/spec/examples/aromos.ruta" "$ROOT/tests/data/backends/tricky.ruta"; do
    "$RUTA" ics --as-of 2026-06-01 "$plan" -o a.ics
    "$RUTA" ics --as-of 2026-06-01 "$plan" -o b.ics
    cmp a.ics b.ics
    SOURCE_DATE_EPOCH=1767225600 "$RUTA" ics --as-of 2026-06-01 "$plan" -o c.ics
    grep -q '^DTSTAMP:20260101T000000Z' c.ics
    if grep -q '^DTSTAMP:20260601' c.ics; then echo "DTSTAMP ignores SOURCE_DATE_EPOCH"; exit 1; fi
    [ "$(grep -c '^DTSTAMP:' a.ics)" -eq "$(grep -c '^DTSTAMP:20260101T000000Z' c.ics)" ]
    grep -v '^DTSTAMP:' a.ics > a.rest
    grep -v '^DTSTAMP:' c.ics > c.rest
    cmp a.rest c.rest
    SOURCE_DATE_EPOCH=1767268245 "$RUTA" ics --as-of 2026-06-01 "$plan" -o d.ics
    grep -q '^DTSTAMP:20260101T115045Z' d.ics
done
