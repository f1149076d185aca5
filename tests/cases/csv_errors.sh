# ruta csv: a plan with errors writes nothing (exit 1, a previous file is
# left untouched, no temporary file remains); an unwritable destination is
# exit 2 with a message; csv and ics require -o.
set -eu
good="$SHARED/spec/examples/aromos.ruta"
bad="$ROOT/tests/data/backends/error.ruta"

printf 'previous contents\n' > out.csv
status=0
"$RUTA" csv --as-of 2026-06-01 "$bad" -o out.csv 2> err.txt || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; exit 1; }
grep -q 'E102' err.txt
[ "$(cat out.csv)" = "previous contents" ] || { echo "out.csv was changed"; exit 1; }
"$RUTA" csv --as-of 2026-06-01 "$bad" -o new.csv 2> /dev/null || true
[ ! -e new.csv ] || { echo "new.csv was written for a plan with errors"; exit 1; }
[ "$(ls | wc -l)" -eq 2 ] || { ls; echo "unexpected files left"; exit 1; }

for dest in /nonexistent/dir/x.csv . ; do
    status=0
    "$RUTA" csv --as-of 2026-06-01 "$good" -o "$dest" 2> err.txt || status=$?
    [ "$status" -eq 2 ] || { echo "$dest: expected exit 2, got $status"; exit 1; }
    grep -q "^ruta: error: no se puede escribir '$dest'" err.txt || { cat err.txt; exit 1; }
done

status=0
"$RUTA" csv --as-of 2026-06-01 "$good" 2> err.txt || status=$?
[ "$status" -eq 2 ] || { echo "csv without -o: expected exit 2, got $status"; exit 1; }

# A good run replaces the previous file atomically and leaves no temporary.
"$RUTA" csv --as-of 2026-06-01 "$good" -o out.csv
head -n 1 out.csv | grep -q '^tipo,id,titulo,'
[ "$(ls | wc -l)" -eq 2 ] || { ls; echo "unexpected files left"; exit 1; }
