# Limit: memory. The input cap (256 MiB) does not bound memory by itself:
# a hostile file made of the cheapest constructs (`a:b` attributes, `a,`
# list values, `{}` blocks, one-line declarations, entries) costs far more
# memory per byte than a real plan. The tree has a budget (--max-memory,
# 4096 MiB by default): past it the scan stops with one E008 at the token
# where it happened, and nothing else is reported.
#
# Checked here, on 4 MB files of each shape:
# - with --max-memory 32: exit 1, exactly one error, E008 with
#   file:line:col, and a peak that stays near the budget;
# - with the default budget: the cost per byte of input stays at most
#   MAX_FACTOR (so the largest accepted file hits the budget long before it
#   could exhaust a CI runner, and a regression in node sizes shows here);
# - a real plan checks clean under a small budget, and a bad value of the
#   option is a usage error.
# Peak resident memory is measured with /usr/bin/time, so the peak checks
# are skipped for wrapper scripts (valgrind) and sanitizer builds.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"

LIMIT_SECONDS=300
. "$ROOT/tests/lib/limits.sh"

measure=1
if [ ! -x /usr/bin/time ] || head -c 2 "$RUTA" | grep -q '#!' || grep -qa __asan_init "$RUTA"; then
    measure=0
    echo "peak memory not measured: needs /usr/bin/time and a plain build of ruta"
fi

MAX_FACTOR=48   # bytes of memory per byte of input, default budget
BUDGET=32       # MiB, for the budget runs

# shape NAME: a 4 MB hostile file.
shape() {
    case $1 in
    attrs)  awk 'BEGIN { print "persona p \"P\" {"; for (i = 0; i < 1000000; i++) print "a:b"; print "}" }' ;;
    values) awk 'BEGIN { printf "persona p \"P\" { apoyo: "; for (i = 0; i < 2000000; i++) printf "a,"; print "a }" }' ;;
    blocks) awk 'BEGIN { printf "persona p \"P\" {"; for (i = 0; i < 800000; i++) printf "a:b{}"; print "}" }' ;;
    decls)  awk 'BEGIN { for (i = 0; i < 250000; i++) printf "persona p%d \"\"\n", i }' ;;
    entries) awk 'BEGIN { printf "seguimiento 2026-01-01 {"; for (i = 0; i < 400000; i++) printf "avance a:1%%"; print "}" }' ;;
    esac
}

# check_rss NAME ARGS...: ruta check with the peak RSS (KiB) in NAME.rss.
check_rss() {
    name=$1
    shift
    set +e
    if [ "$measure" = 1 ]; then
        timeout $((300 * ${TIMEOUT_SCALE:-1})) /usr/bin/time -f '%M' -o "$name.rss" \
            "$RUTA" check --as-of 2026-06-01 "$@" > "$name.out" 2>&1
    else
        timeout $((300 * ${TIMEOUT_SCALE:-1})) "$RUTA" check --as-of 2026-06-01 "$@" > "$name.out" 2>&1
    fi
    rc=$?
    set -e
}

# The fixed cost (process, stdlib modules) is measured on an empty file and
# subtracted.
: > vacio.ruta
check_rss vacio vacio.ruta
[ "$rc" = 0 ] || bad "empty file: exit $rc"
base=0
[ "$measure" = 1 ] && base=$(tail -n 1 vacio.rss)

for s in attrs values blocks decls entries; do
    shape $s > $s.ruta
    size=$(wc -c < $s.ruta)

    # Under a small budget: one E008, at a position inside the file.
    check_rss $s.budget --max-memory $BUDGET $s.ruta
    if [ "$rc" != 1 ]; then
        bad "$s, --max-memory $BUDGET: exit $rc (expected 1)"
        tail -3 $s.budget.out
    fi
    nerr=$(grep -c ': error: ' $s.budget.out || true)
    [ "$nerr" = 1 ] || bad "$s, --max-memory $BUDGET: $nerr errors (expected only E008)"
    grep -Eq "^$s\.ruta:[0-9]+:[0-9]+: error: el plan necesita más de $BUDGET MiB de memoria: se detuvo el análisis aquí \[E008\]$" $s.budget.out ||
        { bad "$s, --max-memory $BUDGET: no E008 with file:line:col"; head -3 $s.budget.out; }
    grep -q '^ayuda: .*--max-memory' $s.budget.out || bad "$s: E008 without its help line"
    grep -q 'ruta: 1 error$' $s.budget.out || bad "$s: summary is not '1 error'"
    if [ "$measure" = 1 ]; then
        kb=$(($(tail -n 1 $s.budget.rss) - base))
        # The budget, plus the source, plus one arena block and the scan tables.
        limit=$(((BUDGET + 16) * 1024 + 2 * size / 1024))
        echo "$s, --max-memory $BUDGET: peak $((kb / 1024)) MiB over the fixed cost"
        [ "$kb" -le "$limit" ] || bad "$s: peak ${kb} KiB under a $BUDGET MiB budget (at most $limit)"
    fi

    # Default budget: the whole file is checked; errors, but no crash.
    check_rss $s $s.ruta
    if [ "$rc" -ge 2 ]; then
        bad "$s: exit $rc"
        tail -3 $s.out
        continue
    fi
    if grep -q 'E008' $s.out; then
        bad "$s: E008 under the default budget"
    fi
    if [ "$measure" = 1 ]; then
        kb=$(($(tail -n 1 $s.rss) - base))
        factor=$((kb * 1024 / size))
        echo "$s: $size bytes, peak $((kb / 1024)) MiB over the fixed cost, ${factor}x"
        [ "$factor" -le "$MAX_FACTOR" ] || bad "$s: peak memory ${factor} times the input (at most $MAX_FACTOR)"
    fi
done

# A plan cut short by the budget is still a plan: ruta territorio reports
# its E008 (and exits 1) instead of taking it for a module and skipping it.
mkdir -p red
{ printf 'plan corto "Plan cortado" {\n'; awk 'BEGIN { for (i = 0; i < 1000000; i++) print "a:b" }'; echo "}"; } > red/corto.ruta
set +e
"$RUTA" territorio --as-of 2026-06-01 --max-memory $BUDGET red > red.out 2>&1
rc=$?
set -e
[ "$rc" = 1 ] || bad "territorio with a plan over the budget: exit $rc (expected 1)"
grep -Eq '^red/corto\.ruta:[0-9]+:[0-9]+: error: el plan necesita más de 32 MiB de memoria.*\[E008\]$' red.out ||
    { bad "territorio: no E008 for the plan over the budget"; head -5 red.out; }

# A real plan is far below any sensible budget: clean with 4 MiB.
check_rss aromos --max-memory 4 "$ROOT/samples/aromos.ruta"
[ "$rc" = 0 ] || { bad "aromos under --max-memory 4: exit $rc"; head -5 aromos.out; }
if grep -q 'E008' aromos.out; then bad "aromos: E008 under a 4 MiB budget"; fi

# The other ways in: ruta fmt stops the same way and leaves the file as it
# was; the JSON diagnostics carry E008 with its position.
cp attrs.ruta fmt_attrs.ruta
run fmt_budget fmt -w --max-memory $BUDGET fmt_attrs.ruta
expect_rc fmt_budget 1
expect_in fmt_budget "[E008]"
cmp -s attrs.ruta fmt_attrs.ruta || bad "fmt -w changed a file it could not parse"
run json_budget check --as-of 2026-06-01 --max-memory $BUDGET --diagnostics-format=json attrs.ruta
expect_rc json_budget 1
python3 - json_budget.out <<'PY' || bad "json: E008 missing or misplaced"
import json, sys
doc = json.load(open(sys.argv[1]))
items = doc["diagnostics"] if isinstance(doc, dict) else doc
e008 = [d for d in items if d.get("code") == "E008"]
assert len(e008) == 1 and len(items) == 1, items
assert e008[0]["severity"] == "error" and e008[0]["line"] > 1, e008[0]
PY

# The option's values.
for v in abc -1 1048577 ''; do
    set +e
    "$RUTA" check --max-memory "$v" vacio.ruta > opt.out 2>&1
    rc=$?
    set -e
    [ "$rc" = 2 ] || bad "--max-memory '$v': exit $rc (expected 2)"
    grep -q -- '--max-memory espera un número entero' opt.out || bad "--max-memory '$v': no usage message"
done
set +e
"$RUTA" check --max-memory 0 vacio.ruta > opt.out 2>&1
rc=$?
set -e
[ "$rc" = 0 ] || bad "--max-memory 0 (no budget): exit $rc"

finish
