#!/bin/sh
# make demo: check the reference sample and turn it into PDF, CSV, ICS and
# JSON under out/.
set -eu
ruta=${1:-build/ruta}
plan=samples/aromos.ruta
asof=2026-06-01
mkdir -p out
"$ruta" check --as-of "$asof" "$plan"
"$ruta" pdf --as-of "$asof" "$plan" -o out/aromos.pdf
"$ruta" csv --as-of "$asof" "$plan" -o out/aromos.csv
"$ruta" ics --as-of "$asof" "$plan" -o out/aromos.ics
"$ruta" json --as-of "$asof" "$plan" -o out/aromos.json
"$ruta" status --as-of "$asof" "$plan"
echo
echo "Listo: out/aromos.pdf, out/aromos.csv, out/aromos.ics y out/aromos.json"
