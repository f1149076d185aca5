# Limit: after --max-errors N errors (50 by default, 0 = no limit) the
# compiler stops, says so in a note, and exits 1; the count and the note
# are the same in every diagnostics format. Invalid values are usage errors
# (exit 2). A hostile file cannot make the output grow without bound.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
LIMIT_SECONDS=120
. "$ROOT/tests/lib/limits.sh"

nerrors() {
    grep -c ': error: ' "$1.out" || true
}

# 60 independent errors, one per line.
awk 'BEGIN { for (i = 1; i <= 60; i++) printf "persona p%d \"P\" { rol: docentte%d }\n", i, i }' > errores.ruta

# 1. Default: 50 errors, then the note.
run default check --as-of 2026-06-01 --color=never errores.ruta
expect_rc default 1
[ "$(nerrors default)" -eq 50 ] || bad "default: $(nerrors default) errors, expected 50"
expect_in default "se alcanzó el máximo de 50 errores"

# 2. --max-errors 3 and --max-errors=1.
run three check --as-of 2026-06-01 --color=never --max-errors 3 errores.ruta
expect_rc three 1
[ "$(nerrors three)" -eq 3 ] || bad "three: $(nerrors three) errors, expected 3"
expect_in three "se alcanzó el máximo de 3 errores"
expect_in three "errores.ruta:3:"
grep -q "errores.ruta:4:" three.out && bad "three: reported the fourth error"

run one check --as-of 2026-06-01 --color=never --max-errors=1 errores.ruta
expect_rc one 1
[ "$(nerrors one)" -eq 1 ] || bad "one: $(nerrors one) errors, expected 1"

# 3. 0 = no limit; the maximum value behaves the same on this file.
for n in 0 1000000; do
    run unlimited_$n check --as-of 2026-06-01 --color=never --max-errors $n errores.ruta
    expect_rc unlimited_$n 1
    [ "$(nerrors unlimited_$n)" -eq 60 ] || bad "unlimited_$n: $(nerrors unlimited_$n) errors, expected 60"
    grep -q "se alcanzó el máximo" unlimited_$n.out && bad "unlimited_$n: claims the limit was reached"
done

# 4. Machine formats: the same number of errors.
run json check --as-of 2026-06-01 --diagnostics-format=json --max-errors 3 errores.ruta
expect_rc json 1
n=$(/usr/bin/python3 -c 'import json, sys; print(sum(1 for d in json.load(open(sys.argv[1])) if d["severity"] == "error"))' json.out 2>/dev/null || echo invalid)
[ "$n" = 3 ] || bad "json: $n errors in the JSON document, expected 3"
run sarif check --as-of 2026-06-01 --diagnostics-format=sarif --max-errors 3 errores.ruta
expect_rc sarif 1
n=$(/usr/bin/python3 -c 'import json, sys; print(sum(1 for r in json.load(open(sys.argv[1]))["runs"][0]["results"] if r["level"] == "error"))' sarif.out 2>/dev/null || echo invalid)
[ "$n" = 3 ] || bad "sarif: $n errors in the SARIF log, expected 3"

# 5. Several files: the limit applies to each file.
cp errores.ruta otros.ruta
run two_files check --as-of 2026-06-01 --color=never --max-errors 2 errores.ruta otros.ruta
expect_rc two_files 1
[ "$(grep -c '^errores.ruta:.*: error: ' two_files.out || true)" -eq 2 ] || bad "two_files: first file not limited to 2"
[ "$(grep -c '^otros.ruta:.*: error: ' two_files.out || true)" -eq 2 ] || bad "two_files: second file not limited to 2"

# 6. Usage errors.
for v in -1 abc 1e3 1000001 99999999999999999999 ""; do
    run "bad_value_$v" check --as-of 2026-06-01 --max-errors "$v" errores.ruta
    expect_rc "bad_value_$v" 2
    expect_in "bad_value_$v" "--max-errors"
done

# 7. 200 000 errors in a 5 MB file: with the default limit, 50 errors, a
# short output, and the scan stops early (the time limit is for valgrind).
awk 'BEGIN { for (i = 1; i <= 200000; i++) print "persona \"sin nombre\" { }" }' > muchos.ruta
run many_default check --as-of 2026-06-01 --color=never muchos.ruta
expect_rc many_default 1
[ "$(nerrors many_default)" -eq 50 ] || bad "many_default: $(nerrors many_default) errors, expected 50"
size=$(wc -c < many_default.out)
[ "$size" -le 50000 ] || bad "many_default: $size bytes of output"

finish
