#!/bin/sh
# make install PREFIX=...: the binary, the standard library and the man page
# land under the prefix, and the installed binary finds its stdlib by itself.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
prefix="$PWD/prefix"
make -s -C "$ROOT" install PREFIX="$prefix" > install.log 2>&1 || fail "make install: $(cat install.log)"
[ -x "$prefix/bin/ruta" ] || fail "no binary"
for m in base mdc pme calendario/cl-2026; do
    [ -f "$prefix/share/ruta/stdlib/$m.ruta" ] || fail "stdlib module $m not installed"
done
[ -f "$prefix/share/man/man1/ruta.1" ] || fail "no man page"
cp "$SHARED/spec/examples/aromos.ruta" plan.ruta
out=$(env -u RUTA_PATH "$prefix/bin/ruta" check --as-of 2026-06-01 plan.ruta 2>&1) || fail "installed ruta: $out"
[ -z "$out" ] || fail "installed ruta printed: $out"
# The installed binary searches <bin>/../share/ruta/stdlib: a module that
# exists only there is found.
printf 'vocabulario solo "Solo instalado" { uno "Uno" }\n' > "$prefix/share/ruta/stdlib/solo_instalado.ruta"
printf 'usar "solo_instalado"\n' > modulo.ruta
out=$(env -u RUTA_PATH "$prefix/bin/ruta" check --color=never modulo.ruta 2>&1) || fail "installed stdlib not searched: $out"
echo ok
