# `ruta fmt` is idempotent and preserves meaning (spec section 10) on every
# sample, on the reference plan, on the standard library, on the golden
# test inputs and on deliberately messy input (tests/data/fmt/): one line,
# odd indentation, keys out of order, ';', comments everywhere, text
# blocks, and the same files with CRLF line ends, tabs and a BOM.
#   - idempotent: fmt of the formatted text is the formatted text;
#   - meaning: `ruta json` of the formatted file equals the original's
#     (plans that have errors: the same diagnostics, without positions);
#   - stdlib modules: every sample's JSON is the same with the formatted
#     modules first on the search path (-I);
#   - tests/data/fmt/NAME.expected pins the layout rules (docs/fmt.md).
# Run by tests/run.sh in an empty temporary directory, with RUTA, ROOT and
# SHARED set.
set -eu
: "${RUTA:?}" "${ROOT:?}" "${SHARED:?}"
DATA="$ROOT/tests/data/fmt"

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

# The --as-of date written in a file's first lines, or 2026-06-01.
as_of() {
    d=$(head -n 10 "$1" | grep -o -- '--as-of [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' | head -n 1 | cut -d' ' -f2)
    echo "${d:-2026-06-01}"
}

# The diagnostics of `ruta check` without file, line and column, sorted.
diags() {
    timeout 20 "$RUTA" check --as-of "$2" --color=never "$1" 2>&1 |
        sed -n 's/^[^ ]*:[0-9]*:[0-9]*: \(error\|warning\|note\): /\1: /p' | sort || true
}

# check_file FILE: idempotence and meaning of FILE (a plan or module that
# parses). The formatted copy lives next to the copy of the original, in
# the work directory, so relative `usar` paths are not involved.
n=0
check_file() {
    cf=$1
    cname=$(basename "$cf" .ruta)
    n=$((n + 1))
    mkdir -p "t$n"
    cp "$cf" "t$n/orig.ruta"
    if ! timeout 20 "$RUTA" fmt "$cf" > "t$n/fmt.ruta" 2> "t$n/err"; then
        bad "$cname: ruta fmt failed"
        head -5 "t$n/err"
        return
    fi
    timeout 20 "$RUTA" fmt "t$n/fmt.ruta" > "t$n/fmt2.ruta" 2> "t$n/err" || true
    if ! cmp -s "t$n/fmt.ruta" "t$n/fmt2.ruta"; then
        bad "$cname: not idempotent"
        diff "t$n/fmt.ruta" "t$n/fmt2.ruta" | head -20
    fi
    date=$(as_of "$cf")
    set +e
    timeout 20 "$RUTA" json --as-of "$date" "t$n/orig.ruta" > "t$n/orig.json" 2> /dev/null
    rc=$?
    timeout 20 "$RUTA" json --as-of "$date" "t$n/fmt.ruta" > "t$n/fmt.json" 2> /dev/null
    rc2=$?
    set -e
    if [ "$rc" -eq 0 ]; then
        if [ "$rc2" -ne 0 ] || ! cmp -s "t$n/orig.json" "t$n/fmt.json"; then
            bad "$cname: the JSON of the formatted file differs (exit $rc2)"
            diff "t$n/orig.json" "t$n/fmt.json" | head -20
        fi
    elif [ "$(diags "t$n/orig.ruta" "$date")" != "$(diags "t$n/fmt.ruta" "$date")" ]; then
        bad "$cname: the diagnostics of the formatted file differ"
        diags "t$n/orig.ruta" "$date" > "t$n/d1"
        diags "t$n/fmt.ruta" "$date" > "t$n/d2"
        diff "t$n/d1" "t$n/d2" | head -20
    fi
}

for f in "$ROOT"/samples/*.ruta "$SHARED/spec/examples/aromos.ruta" "$DATA"/*.ruta; do
    [ "$(basename "$f")" = syntax_error.ruta ] && continue
    check_file "$f"
done
[ "$n" -ge 8 ] || bad "only $n files checked"

# --- the messy inputs with CRLF, tabs and a BOM format to the same text -------
# (messy.ruta with tabs is not the same plan: a text block of it starts on
# the line of its quotes, so its relative indentation changes.)
for f in "$DATA"/messy.ruta "$DATA"/edge.ruta "$SHARED/spec/examples/aromos.ruta"; do
    name=$(basename "$f" .ruta)
    "$RUTA" fmt "$f" > "$name.want"
    sed 's/$/\r/' "$f" > "$name.crlf.ruta"
    sed 's/^  /\t/; s/^\t  /\t\t/' "$f" > "$name.tabs.ruta"
    printf '\357\273\277' > "$name.bom.ruta"
    cat "$f" >> "$name.bom.ruta"
    for v in crlf tabs bom; do
        if ! "$RUTA" fmt "$name.$v.ruta" > "$name.$v.out" 2> "$name.$v.err"; then
            bad "$name ($v): ruta fmt failed"
            head -5 "$name.$v.err"
        elif [ "$name.$v" != messy.tabs ] && ! cmp -s "$name.want" "$name.$v.out"; then
            bad "$name ($v): formats differently from the original"
            diff "$name.want" "$name.$v.out" | head -10
        fi
        check_file "$name.$v.ruta"
    done
done
if grep -q "$(printf '\r')" aromos.crlf.out; then bad "CRLF kept in the output"; fi

# --- the layout rules, pinned ----------------------------------------------
for exp in "$DATA"/*.expected; do
    name=$(basename "$exp" .expected)
    "$RUTA" fmt "$DATA/$name.ruta" > "$name.actual" 2>&1 || true
    if ! cmp -s "$exp" "$name.actual"; then
        bad "$name: output differs from tests/data/fmt/$name.expected"
        diff "$exp" "$name.actual" | head -30
    fi
done

# --- the standard library -----------------------------------------------------
mkdir -p lib/calendario
for m in "$ROOT"/stdlib/*.ruta "$ROOT"/stdlib/calendario/*.ruta; do
    rel=${m#"$ROOT/stdlib/"}
    if ! "$RUTA" fmt "$m" > "lib/$rel"; then
        bad "stdlib $rel: ruta fmt failed"
    fi
    "$RUTA" fmt "lib/$rel" | cmp -s - "lib/$rel" || bad "stdlib $rel: not idempotent"
done
for f in "$ROOT"/samples/*.ruta; do
    date=$(as_of "$f")
    "$RUTA" json --as-of "$date" "$f" > a.json 2> /dev/null || { bad "$(basename "$f"): ruta json failed"; continue; }
    "$RUTA" json --as-of "$date" -I lib "$f" > b.json 2> b.err || true
    cmp -s a.json b.json || { bad "$(basename "$f"): JSON differs with the formatted stdlib"; head -5 b.err; }
done

# --- every golden input that parses formats idempotently -----------------------
for f in "$ROOT"/tests/golden/*.ruta; do
    name=$(basename "$f" .ruta)
    set +e
    timeout 20 "$RUTA" fmt "$f" > g.out 2> g.err
    rc=$?
    set -e
    if [ "$rc" -eq 1 ]; then
        grep -q 'error: .*\[E00[0-9]\]' g.err || bad "golden/$name: exit 1 without a syntax error"
        [ -s g.out ] && bad "golden/$name: output despite syntax errors"
        continue
    fi
    [ "$rc" -eq 0 ] || { bad "golden/$name: exit $rc"; head -5 g.err; continue; }
    cp g.out g.ruta
    "$RUTA" fmt g.ruta | cmp -s - g.out || bad "golden/$name: not idempotent"
done

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
echo "$n files formatted idempotently with the same meaning"
