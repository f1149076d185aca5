# `ruta fmt --check` and `ruta fmt -w` (spec section 10), standard input,
# and files with syntax errors:
#   - --check exits 0 and prints nothing on formatted files; exits 1 and
#     names (on stdout, one a line) only the files that are not formatted;
#   - -w rewrites what changes, atomically (no temporary file left, a new
#     inode), leaves formatted files alone (same inode), keeps permissions,
#     writes through a symlink;
#   - a file with a syntax error gets its diagnostic and exit 1 in every
#     mode and stays byte-identical; the other files are still processed;
#   - `-` formats standard input; an unreadable file is exit 2.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT.
set -eu
: "${RUTA:?}" "${ROOT:?}"
DATA="$ROOT/tests/data/fmt"

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

# run NAME ARGS...: stdout in NAME.out, stderr in NAME.err, status in $rc.
run() {
    name=$1
    shift
    set +e
    timeout 20 "$RUTA" "$@" > "$name.out" 2> "$name.err" < /dev/null
    rc=$?
    set -e
}

inode() { ls -i "$1" | cut -d' ' -f1; }

mkdir d
cp "$DATA/messy.ruta" d/messy.ruta
cp "$DATA/messy.expected" d/ok.ruta
cp "$DATA/syntax_error.ruta" d/roto.ruta
cp "$DATA/edge.ruta" d/edge.ruta
cp d/messy.ruta messy.orig
cp d/roto.ruta roto.orig

# --- plain: prints, changes nothing -----------------------------------------------
run plain fmt d/messy.ruta
[ "$rc" -eq 0 ] || bad "fmt: exit $rc"
cmp -s plain.out "$DATA/messy.expected" || bad "fmt: stdout is not the formatted text"
cmp -s d/messy.ruta messy.orig || bad "fmt without -w changed the file"
[ -s plain.err ] && bad "fmt: unexpected stderr: $(cat plain.err)"

# --- --check --------------------------------------------------------------------------
run ok fmt --check d/ok.ruta
[ "$rc" -eq 0 ] || bad "--check on a formatted file: exit $rc"
[ -s ok.out ] && bad "--check on a formatted file printed: $(cat ok.out)"

run chk fmt --check d/ok.ruta d/messy.ruta d/edge.ruta
[ "$rc" -eq 1 ] || bad "--check with unformatted files: exit $rc, expected 1"
printf 'd/messy.ruta\nd/edge.ruta\n' > chk.want
cmp -s chk.out chk.want || { bad "--check must name exactly the unformatted files"; cat chk.out; }
grep -q '2 archivos sin el formato canónico' chk.err || { bad "--check: no summary on stderr"; cat chk.err; }
cmp -s d/messy.ruta messy.orig || bad "--check changed a file"

# --- syntax errors: reported, exit 1, nothing changed -------------------------------------
for mode in "" --check -w; do
    # shellcheck disable=SC2086
    run syn fmt $mode d/roto.ruta
    [ "$rc" -eq 1 ] || bad "fmt $mode on a syntax error: exit $rc, expected 1"
    grep -q 'roto.ruta:5:1: error: .*\[E004\]' syn.err || { bad "fmt $mode: no E004 diagnostic"; cat syn.err; }
    [ -s syn.out ] && bad "fmt $mode printed output for a file with syntax errors"
    cmp -s d/roto.ruta roto.orig || bad "fmt $mode changed a file with syntax errors"
done

# --- -w -------------------------------------------------------------------------------------------
chmod 640 d/messy.ruta
ln -s messy.ruta d/enlace.ruta
before_ok=$(inode d/ok.ruta)
before_messy=$(inode d/messy.ruta)
run w fmt -w d/enlace.ruta d/ok.ruta d/roto.ruta
[ "$rc" -eq 1 ] || bad "-w with one broken file: exit $rc, expected 1"
[ -s w.out ] && bad "-w printed on stdout: $(cat w.out)"
cmp -s d/messy.ruta "$DATA/messy.expected" || bad "-w: the file is not the formatted text"
[ -L d/enlace.ruta ] || bad "-w replaced the symlink by a file"
[ "$(inode d/messy.ruta)" != "$before_messy" ] || bad "-w did not replace the file by rename"
[ "$(inode d/ok.ruta)" = "$before_ok" ] || bad "-w rewrote a file that was already formatted"
[ "$(stat -c %a d/messy.ruta)" = 640 ] || bad "-w changed the permissions to $(stat -c %a d/messy.ruta)"
cmp -s d/roto.ruta roto.orig || bad "-w changed the file with a syntax error"
leftovers=$(ls -A d | grep -v -e '^messy.ruta$' -e '^ok.ruta$' -e '^roto.ruta$' -e '^edge.ruta$' -e '^enlace.ruta$' || true)
[ -z "$leftovers" ] || bad "-w left files behind: $leftovers"

run w2 fmt --check d/messy.ruta
[ "$rc" -eq 0 ] || bad "--check after -w: exit $rc"

# --- standard input -------------------------------------------------------------------------------
set +e
"$RUTA" fmt - < messy.orig > stdin.out 2> stdin.err
rc=$?
set -e
[ "$rc" -eq 0 ] || bad "fmt -: exit $rc"
cmp -s stdin.out "$DATA/messy.expected" || bad "fmt - did not format standard input"

# --- usage and unreadable files ---------------------------------------------------------------
run missing fmt d/no_existe.ruta
[ "$rc" -eq 2 ] || bad "missing file: exit $rc, expected 2"
grep -q "no se puede leer 'd/no_existe.ruta'" missing.err || bad "missing file: no message"
run both fmt --check -w d/ok.ruta
[ "$rc" -eq 2 ] || bad "--check with -w: exit $rc, expected 2"
run help fmt --help
[ "$rc" -eq 0 ] && grep -q -- '--check' help.out || bad "fmt --help does not describe --check"

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
echo "fmt --check, -w, standard input and syntax errors behave"
