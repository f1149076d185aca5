# Every sample plan checks clean (no output, exit 0) as of the date written
# in its first lines, in a comment such as
#   # ruta check --as-of 2026-06-12 samples/acompanamiento_pares.ruta
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

count=0
for f in "$ROOT"/samples/*.ruta; do
    [ -f "$f" ] || continue
    count=$((count + 1))
    name=$(basename "$f")
    date=$(head -n 10 "$f" | grep '^#' | grep -o -- '--as-of [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' |
        head -n 1 | cut -d' ' -f2)
    if [ -z "$date" ]; then
        bad "$name: no '--as-of YYYY-MM-DD' in a comment of its first lines"
        continue
    fi
    set +e
    timeout 20 "$RUTA" check --as-of "$date" --color=never "$f" > out.txt 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ] || [ -s out.txt ]; then
        bad "$name (--as-of $date): exit $rc"
        head -30 out.txt
    fi
    # Also from the sample's own directory with a relative path, as its
    # comment shows, and in the JSON format (an empty array).
    set +e
    out=$(cd "$ROOT" && timeout 20 "$RUTA" check --as-of "$date" --diagnostics-format=json "samples/$name" 2>&1)
    rc=$?
    set -e
    if [ "$rc" -ne 0 ] || [ "$(printf '%s' "$out" | tr -d ' \n')" != "[]" ]; then
        bad "$name (--as-of $date, json): exit $rc: $out"
    fi
done

[ "$count" -gt 0 ] || bad "no samples in $ROOT/samples"

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
echo "$count samples checked"
