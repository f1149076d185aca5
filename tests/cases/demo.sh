#!/bin/sh
# make demo's script turns the sample plan into PDF, CSV, ICS and JSON under out/.
set -eu
mkdir -p samples scripts
cp "$ROOT/samples/aromos.ruta" samples/
cp "$ROOT/scripts/demo.sh" scripts/
sh scripts/demo.sh "$RUTA" > demo.log 2>&1 || { echo "FAIL: demo: $(cat demo.log)"; exit 1; }
for f in out/aromos.pdf out/aromos.csv out/aromos.ics out/aromos.json; do
    [ -s "$f" ] || { echo "FAIL: $f missing or empty"; exit 1; }
done
head -c 5 out/aromos.pdf | grep -q '%PDF-' || { echo "FAIL: not a PDF"; exit 1; }
grep -q "Listo" demo.log || { echo "FAIL: no closing line"; exit 1; }
echo ok
