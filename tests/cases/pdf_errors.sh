#!/bin/sh
# ruta pdf's safety: a missing or unreadable font is exit 2 with a message
# and writes nothing (a previous file stays as it was); a plan with errors is
# exit 1 and writes nothing; an unwritable destination is exit 2; no
# temporary file is left behind.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
expect() { # status command...
    want=$1
    shift
    set +e
    "$@" 2>err.txt
    got=$?
    set -e
    [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*"; cat err.txt; exit 1; }
}
mkdir out
expect 2 "$RUTA" pdf --as-of 2026-06-01 --font missing.ttf "$plan" -o out/a.pdf
grep -q "^ruta: error: no se puede usar la fuente 'missing.ttf': el archivo no existe" err.txt
[ ! -e out/a.pdf ]

echo "informe anterior" > out/b.pdf
printf 'esto no es una fuente\n' > notafont.ttf
expect 2 "$RUTA" pdf --as-of 2026-06-01 --font notafont.ttf "$plan" -o out/b.pdf
grep -q "no es una fuente TrueType" err.txt
[ "$(cat out/b.pdf)" = "informe anterior" ]

mkdir fontdir
expect 2 "$RUTA" pdf --as-of 2026-06-01 --font fontdir "$plan" -o out/c.pdf
grep -q "es un directorio" err.txt

head -c 2000 /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf > truncated.ttf
expect 2 "$RUTA" pdf --as-of 2026-06-01 --font truncated.ttf "$plan" -o out/d.pdf
grep -q "no se pudo cargar la fuente 'truncated.ttf'" err.txt
[ ! -e out/d.pdf ]

cat > broken.ruta <<'PLAN'
plan roto "Plan con errores" {
  establecimiento: "Escuela"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Probar"
  uatp: nadie
}
PLAN
expect 1 "$RUTA" pdf --as-of 2026-06-01 broken.ruta -o out/e.pdf
grep -q "E102" err.txt
[ ! -e out/e.pdf ]

expect 2 "$RUTA" pdf --as-of 2026-06-01 "$plan" -o no/such/dir/f.pdf
[ "$(ls out)" = "b.pdf" ] || { echo "left behind:"; ls -a out; exit 1; }
