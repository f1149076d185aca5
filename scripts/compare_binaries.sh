#!/bin/sh
# compare_binaries.sh OLD NEW DIR...
#
# Differential check for changes that must not change behaviour (a faster
# scanner, a smaller tree): runs two ruta binaries on every file under the
# given directories (the fuzz corpus, tests/data, samples) with `check`
# (JSON diagnostics, no error limit), `json` and `fmt`, and reports each
# file where the outputs or exit statuses differ. Exit status 1 on any
# difference. Standard library resolution must be the same for both.
set -u
[ $# -ge 3 ] || { echo "usage: $0 OLD NEW DIR..." >&2; exit 2; }
old=$1 new=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # bin file tag
    {
        "$1" check --as-of 2026-06-04 --max-errors 0 --diagnostics-format=json "$2"; echo "rc=$?"
        "$1" json --as-of 2026-06-04 "$2"; echo "rc=$?"
        "$1" fmt "$2"; echo "rc=$?"
    } >"$tmp/$3" 2>&1
}
n=0 bad=0
for f in $(find "$@" -type f \( -name '*.ruta' -o -path '*corpus*' \) | sort); do
    n=$((n + 1))
    run "$old" "$f" a
    run "$new" "$f" b
    if ! cmp -s "$tmp/a" "$tmp/b"; then
        bad=$((bad + 1))
        echo "DIFF $f"
        [ $bad -le 5 ] && diff "$tmp/a" "$tmp/b" | head -10
    fi
done
echo "$n files compared, $bad differ"
[ $bad -eq 0 ]
