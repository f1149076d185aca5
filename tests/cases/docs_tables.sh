#!/bin/sh
# docs/diagnostics.md and docs/schema.md are generated from the catalogue
# and the schema: they must match what the binary prints (run `make docs`).
set -eu
"$RUTA" --list-codes > codes.md
"$RUTA" --list-schema > schema.md
tail -n +7 "$ROOT/docs/diagnostics.md" | cmp -s - codes.md || { echo "FAIL: docs/diagnostics.md is stale: run make docs"; exit 1; }
tail -n +5 "$ROOT/docs/schema.md" | cmp -s - schema.md || { echo "FAIL: docs/schema.md is stale: run make docs"; exit 1; }
# Every code of the spec's tables is in the catalogue.
for code in E001 E002 E003 E004 E005 E006 E101 E102 E103 E104 E105 E106 E107 E108 E109 E110 \
            E201 E202 E203 E204 W205 W206 W207 W208 W209 W301 W302 W303 W304 E305 W306 E307 W308 E309 W310 \
            E401 W402 W403 W404 W405 W406 W407 W408 E409 W410; do
    grep -q "^| $code |" codes.md || { echo "FAIL: $code missing from the catalogue"; exit 1; }
done
echo ok
