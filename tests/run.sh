#!/bin/sh
# Runs every test of Ruta against one or more build directories and ends
# with the line "N passed, N failed" (exit 1 on any failure).
#
#   tests/run.sh build              the normal build
#   tests/run.sh build build/asan   also the sanitizer build
#
# Kinds of tests:
#   tests/unit/*.c     C unit tests, linked into BUILD/unit_tests
#   tests/golden/*.ruta  a plan and its exact expected output
#                      (NAME.expected: stderr+stdout, then "[exit N]").
#                      The first line may be "# ruta: ARGS" (default:
#                      "check --as-of 2026-06-01"); the file is appended.
#   tests/cases/*.sh   scripts that exercise a command end to end; each is
#                      run with RUTA=path/to/ruta and passes on exit 0.
# UPDATE=1 rewrites the .expected files: review every diff before committing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
passed=0
failed=0
failures=""

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    failures="$failures
  $1"
    echo "FAIL: $1"
}

run_unit() {
    build=$1
    if [ ! -x "$build/unit_tests" ]; then
        fail "$build: unit_tests not built"
        return
    fi
    out=$("$build/unit_tests" 2>&1)
    status=$?
    ok=$(printf '%s\n' "$out" | grep -c '^ok ')
    bad=$(printf '%s\n' "$out" | grep -c '^not ok ')
    passed=$((passed + ok))
    if [ "$bad" -gt 0 ] || [ "$status" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v '^ok '
        failed=$((failed + bad))
        [ "$bad" -eq 0 ] && fail "$build/unit_tests exited $status"
        failures="$failures
  $build/unit_tests ($bad)"
    fi
}

run_golden() {
    ruta=$1
    for plan in "$here"/golden/*.ruta; do
        name=$(basename "$plan" .ruta)
        expected="$here/golden/$name.expected"
        args=$(sed -n '1s/^# ruta: //p' "$plan")
        [ -n "$args" ] || args="check --as-of 2026-06-01"
        # shellcheck disable=SC2086
        actual=$(cd "$here/golden" && "$ruta" $args --color=never "$name.ruta" 2>&1; echo "[exit $?]")
        if [ "${UPDATE:-0}" = 1 ]; then
            printf '%s\n' "$actual" > "$expected"
        fi
        if [ -f "$expected" ] && [ "$actual" = "$(cat "$expected")" ]; then
            pass
        else
            fail "golden/$name ($ruta)"
            printf '%s\n' "$actual" | diff -u "$expected" - | head -40
        fi
    done
}

run_cases() {
    ruta=$1
    for script in "$here"/cases/*.sh; do
        name=$(basename "$script" .sh)
        tmp=$(mktemp -d)
        if out=$(cd "$tmp" && RUTA="$ruta" ROOT="$root" SHARED="$root/../shared" sh "$script" 2>&1); then
            pass
        else
            fail "cases/$name ($ruta)"
            printf '%s\n' "$out" | tail -30
        fi
        rm -rf "$tmp"
    done
}

[ $# -ge 1 ] || set -- build
for build in "$@"; do
    case $build in /*) ;; *) build="$root/$build" ;; esac
    ruta="$build/ruta"
    if [ ! -x "$ruta" ]; then
        fail "$ruta not built"
        continue
    fi
    echo "== tests on $ruta"
    run_unit "$build"
    run_golden "$ruta"
    run_cases "$ruta"
done

if [ "$failed" -gt 0 ]; then
    echo "failed:$failures"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
