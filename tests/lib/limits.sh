# limits.sh - helpers shared by tests/cases/limits_*.sh (sourced, not run).
#
#   run NAME ARGS...   runs "$RUTA" ARGS with stdin closed; output in
#                      NAME.out, status in $rc. Fails the test on a
#                      time-out (LIMIT_SECONDS, default 60, times
#                      TIMEOUT_SCALE), a crash, or a sanitizer's report of
#                      undefined behaviour ("runtime error").
#   expect_rc NAME N   the last run of NAME exited N
#   expect_in NAME T   NAME.out contains the text T
#   expect_not NAME T  NAME.out does not contain T
#   count NAME T       how many lines of NAME.out contain T
#   rep N T            T repeated N times
#   bad MESSAGE        records a failure
#   finish             exits 1 when anything failed
# Needs RUTA; the scripts set -eu before sourcing it.

errors=0

bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

run() {
    name=$1
    shift
    limit=$((${LIMIT_SECONDS:-60} * ${TIMEOUT_SCALE:-1}))
    set +e
    timeout "$limit" "$RUTA" "$@" > "$name.out" 2>&1 < /dev/null
    rc=$?
    set -e
    if [ "$rc" -eq 124 ]; then
        bad "$name: did not finish in $limit s"
    elif [ "$rc" -ge 126 ]; then
        bad "$name: exit $rc (crash?)"
        tail -5 "$name.out"
    fi
    # A sanitizer build reports undefined behaviour as "runtime error".
    if grep -q 'runtime error' "$name.out"; then
        bad "$name: undefined behaviour"
        grep 'runtime error' "$name.out" | head -5
    fi
}

expect_rc() {
    if [ "$rc" -ne "$2" ]; then
        bad "$1: exit $rc, expected $2"
        head -20 "$1.out"
    fi
}

expect_in() {
    if ! grep -qF -- "$2" "$1.out"; then
        bad "$1: output does not contain '$2'"
        head -20 "$1.out"
    fi
}

expect_not() {
    if grep -qF -- "$2" "$1.out"; then
        bad "$1: output contains '$2'"
        grep -F -- "$2" "$1.out" | head -5
    fi
}

count() {
    grep -cF -- "$2" "$1.out" || true
}

rep() {
    awk -v n="$1" -v t="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}

finish() {
    if [ "$errors" -gt 0 ]; then
        echo "$errors check(s) failed"
        exit 1
    fi
}
