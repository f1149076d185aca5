# ruta json: a plan with errors writes nothing (exit 1, nothing on stdout, a
# previous -o file untouched); an unwritable destination is exit 2 with a
# message; without -o the document goes to stdout.
set -eu
good="$SHARED/spec/examples/aromos.ruta"
bad="$ROOT/tests/data/backends/error.ruta"

printf 'previous contents\n' > out.json
status=0
"$RUTA" json --as-of 2026-06-01 "$bad" -o out.json 2> err.txt || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; exit 1; }
grep -q 'E102' err.txt
[ "$(cat out.json)" = "previous contents" ] || { echo "out.json was changed"; exit 1; }
status=0
"$RUTA" json --as-of 2026-06-01 "$bad" > stdout.json 2> /dev/null || status=$?
[ "$status" -eq 1 ] && [ ! -s stdout.json ] || { echo "json wrote to stdout for a plan with errors"; exit 1; }

for dest in /nonexistent/dir/x.json . ; do
    status=0
    "$RUTA" json --as-of 2026-06-01 "$good" -o "$dest" 2> err.txt || status=$?
    [ "$status" -eq 2 ] || { echo "$dest: expected exit 2, got $status"; exit 1; }
    grep -q "^ruta: error: no se puede escribir '$dest'" err.txt || { cat err.txt; exit 1; }
done

"$RUTA" json --as-of 2026-06-01 "$good" > stdout.json
"$RUTA" json --as-of 2026-06-01 "$good" -o out.json
cmp stdout.json out.json
[ "$(ls)" = "$(printf 'err.txt\nout.json\nstdout.json')" ] || { ls; echo "unexpected files left"; exit 1; }
