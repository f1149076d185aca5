# ruta csv, ics and json stream their output to the file in chunks of
# 64 KiB (compiler/output.h). On a generated plan of 3 000 actions (3 MB;
# outputs of 1.3, 2.5 and 13 MB, each written in many chunks):
# (a) the file of -o and standard output are identical, and real consumers
#     read them: python3's csv and json modules; for the calendar, CRLF
#     line ends, lines of at most 75 octets, BEGIN/END nesting after
#     unfolding, and python3-icalendar. The three agree on the rows.
# (b) a write that fails in the middle of the stream (a file size limit,
#     `ulimit -f`: EFBIG, since ruta ignores SIGXFSZ) and a destination that
#     cannot be created (its parent is a regular file; a read-only directory
#     when not root) are exit 2 with the message, leave the previous file
#     untouched and no temporary file; standard output on /dev/full or
#     under the size limit is exit 2 too.
# (c) the same plan with an error writes nothing: no file, no temporary
#     file, nothing on stdout, the previous file untouched, and the
#     destination is not even opened (an impossible one gives exit 1 and
#     the plan's error, not a write error).
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

AS_OF=2026-06-04   # the date gen_plan.py's plans are clean at
/usr/bin/python3 "$ROOT/bench/gen_plan.py" 3000 plan.ruta
cp plan.ruta broken.ruta
printf '\npersona mala "Mala" { rol: no_existe_rol }\n' >> broken.ruta

# no_temporaries WHAT: fails when a temporary output file is left.
no_temporaries() {
    left=$(find . -name '*.tmp*')
    [ -z "$left" ] || bad "$1: temporary files left: $left"
}

# ---- (a) file and stdout identical, and readable -------------------------
for fmt in csv ics json; do
    "$RUTA" $fmt --as-of $AS_OF plan.ruta -o out.$fmt || bad "$fmt -o out.$fmt: exit $?"
    "$RUTA" $fmt --as-of $AS_OF plan.ruta -o - > stdout.$fmt || bad "$fmt -o -: exit $?"
    [ "$(wc -c < out.$fmt)" -gt 1000000 ] || bad "$fmt: output under 1 MB, too small to stream"
    cmp -s out.$fmt stdout.$fmt || bad "$fmt: the file and stdout differ"
done
"$RUTA" json --as-of $AS_OF plan.ruta > default.json || bad "json without -o: exit $?"
cmp -s out.json default.json || bad "json: the file and stdout without -o differ"
no_temporaries "clean runs"

/usr/bin/python3 - out.csv out.ics out.json <<'PY' || bad "the outputs do not read back"
import collections, csv, json, sys
import icalendar
csv_path, ics_path, json_path = sys.argv[1:]

with open(csv_path, 'rb') as f:
    raw = f.read()
assert raw.endswith(b'\r\n'), 'CSV: the last record ends with CRLF'
with open(csv_path, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
assert rows[0][:3] == ['tipo', 'id', 'titulo'], rows[0]
assert all(len(r) == len(rows[0]) for r in rows), 'CSV: every record has every column'
kinds = collections.Counter(r[0] for r in rows[1:])
assert kinds['accion'] == 3000, kinds

with open(json_path, encoding='utf-8') as f:
    doc = json.load(f)
assert doc['formato'] == 'ruta-plan'
assert sorted(a['id'] for a in doc['acciones']) == sorted(r[1] for r in rows[1:] if r[0] == 'accion')
assert len(doc['hitos']) == kinds['hito'] and len(doc['seguimientos']) == kinds['seguimiento']

with open(ics_path, 'rb') as f:
    raw = f.read()
assert raw.endswith(b'\r\n'), 'ICS: the last line ends with CRLF'
lines = raw.split(b'\r\n')[:-1]
assert all(b'\r' not in l and b'\n' not in l for l in lines), 'ICS: every line ends with CRLF'
assert all(len(l) <= 75 for l in lines), 'ICS: a line over 75 octets'
unfolded = raw.replace(b'\r\n ', b'').split(b'\r\n')[:-1]
open_components = []
for l in unfolded:
    text = l.decode('utf-8')
    if text.startswith('BEGIN:'):
        open_components.append(text[6:])
    elif text.startswith('END:'):
        assert open_components and open_components.pop() == text[4:], 'ICS: END without its BEGIN: ' + text
assert not open_components, 'ICS: BEGIN without END: %s' % open_components
assert unfolded[0] == b'BEGIN:VCALENDAR' and unfolded[-1] == b'END:VCALENDAR'
cal = icalendar.Calendar.from_ical(raw)
uids = [str(c['UID']).split('@')[0] for c in cal.walk() if c.name in ('VEVENT', 'VTODO')]
assert uids == [r[1] for r in rows[1:]], 'ICS: one component per CSV row, in the same order'
PY

# ---- (b) failures while writing ------------------------------------------
# A file size limit of 256 KiB (512-byte blocks in dash; 512 KiB in bash):
# the first chunks are written, a later write fails with EFBIG.
for fmt in csv ics json; do
    printf 'previous contents\n' > keep.$fmt
    status=0
    (ulimit -f 512 && exec "$RUTA" $fmt --as-of $AS_OF plan.ruta -o keep.$fmt) 2> err.txt || status=$?
    [ "$status" -eq 2 ] || bad "$fmt under ulimit -f: exit $status, expected 2"
    grep -q "^ruta: error: no se puede escribir 'keep.$fmt': " err.txt || { cat err.txt; bad "$fmt under ulimit -f: no message"; }
    [ "$(cat keep.$fmt)" = "previous contents" ] || bad "$fmt under ulimit -f: keep.$fmt was changed"
    no_temporaries "$fmt under ulimit -f"

    status=0
    (ulimit -f 512 && exec "$RUTA" $fmt --as-of $AS_OF plan.ruta -o -) > partial.$fmt 2> err.txt || status=$?
    [ "$status" -eq 2 ] || bad "$fmt to stdout under ulimit -f: exit $status, expected 2"
    grep -q "^ruta: error: no se pudo escribir en la salida estándar: " err.txt ||
        { cat err.txt; bad "$fmt to stdout under ulimit -f: no message"; }
    rm -f partial.$fmt
done

status=0
"$RUTA" json --as-of $AS_OF plan.ruta > /dev/full 2> err.txt || status=$?
[ "$status" -eq 2 ] || bad "json > /dev/full: exit $status, expected 2"
grep -q "^ruta: error: no se pudo escribir en la salida estándar: " err.txt || { cat err.txt; bad "json > /dev/full: no message"; }

# Destinations that cannot be created. A read-only directory stops only a
# user who is not root: it is tried when it does stop a write here.
printf 'x\n' > afile
mkdir ro
printf 'previous contents\n' > ro/keep.csv
chmod 555 ro
dests="afile/out.csv"
if ! (: > ro/probe) 2> /dev/null; then
    dests="$dests ro/keep.csv"
else
    rm -f ro/probe
    echo "running as root: a read-only directory is not tried"
fi
for dest in $dests; do
    status=0
    "$RUTA" csv --as-of $AS_OF plan.ruta -o "$dest" 2> err.txt || status=$?
    [ "$status" -eq 2 ] || bad "$dest: exit $status, expected 2"
    grep -q "^ruta: error: no se puede escribir '$dest': " err.txt || { cat err.txt; bad "$dest: no message"; }
done
[ "$(cat ro/keep.csv)" = "previous contents" ] || bad "ro/keep.csv was changed"
[ "$(cat afile)" = "x" ] || bad "afile was changed"
chmod 755 ro
no_temporaries "unwritable destinations"

# ---- (c) a plan with errors writes nothing -------------------------------
for fmt in csv ics json; do
    printf 'previous contents\n' > keep.$fmt
    status=0
    "$RUTA" $fmt --as-of $AS_OF broken.ruta -o keep.$fmt 2> err.txt || status=$?
    [ "$status" -eq 1 ] || bad "$fmt with errors: exit $status, expected 1"
    grep -q 'E102' err.txt || bad "$fmt with errors: no E102"
    [ "$(cat keep.$fmt)" = "previous contents" ] || bad "$fmt with errors: keep.$fmt was changed"
    status=0
    "$RUTA" $fmt --as-of $AS_OF broken.ruta -o new.$fmt 2> /dev/null || status=$?
    [ "$status" -eq 1 ] && [ ! -e new.$fmt ] || bad "$fmt with errors: new.$fmt was written (exit $status)"
    status=0
    "$RUTA" $fmt --as-of $AS_OF broken.ruta -o - > stdout-broken.$fmt 2> /dev/null || status=$?
    [ "$status" -eq 1 ] && [ ! -s stdout-broken.$fmt ] || bad "$fmt with errors: wrote to stdout (exit $status)"
    # Opened only after the check: an impossible destination is not reached.
    status=0
    "$RUTA" $fmt --as-of $AS_OF broken.ruta -o afile/x.$fmt 2> err.txt || status=$?
    [ "$status" -eq 1 ] || bad "$fmt with errors, impossible destination: exit $status, expected 1"
    ! grep -q 'no se puede escribir' err.txt || bad "$fmt with errors: the destination was opened"
    no_temporaries "$fmt with errors"
done

[ "$errors" -eq 0 ]
