# The parse in two halves (compiler/parse_split.h): a plan big enough to
# be cut (4 MiB or more) gets exactly the same result from `-j 2` as from
# `-j 1` (one thread): the same diagnostics in every format, exit status
# and outputs, whether the halves are joined (a clean plan, errors after
# the cut) or the plan is parsed again whole (an error before the cut, a
# text block across the cut, the memory budget). The unit tests
# (tests/unit/test_parse_split.c) check which of the two happened; the
# sanitizer build cuts plans from 128 bytes, so there the whole suite goes
# through the split.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"

LIMIT_SECONDS=300
. "$ROOT/tests/lib/limits.sh"

AS_OF=2026-06-04
/usr/bin/python3 -B "$ROOT/bench/gen_plan.py" 4200 plan.ruta > /dev/null

# A plan the split applies to: over 4 MiB, with a top-level boundary
# after its middle; and the places of the edits below.
/usr/bin/python3 -B - <<'PY'
import re
# Bytes throughout: the cut is at a byte offset.
text = open("plan.ruta", "rb").read()
assert len(text) >= 4 * 1024 * 1024, len(text)
middle = len(text) // 2
cut = re.compile(rb"\n\}\n\n*(?=[a-zA-Z])").search(text, middle)
assert cut, "no top-level boundary after the middle"
before = text.rfind(b"\n}\n", 0, middle // 2) + 3
after = cut.end() + (len(text) - cut.end()) // 2
after = text.find(b"\n}\n", after) + 3

def write(name, s):
    open(name, "wb").write(s)

bad = b'persona 2026 "x"\n\n'
write("error_first.ruta", text[:before] + bad + text[before:])
write("error_second.ruta", text[:after] + bad + text[after:])
write("errors_both.ruta", text[:before] + bad + text[before:after] + bad + text[after:])
write("typo_first.ruta", text.replace(b"responsable:", b"responsabel:", 1))
# A text block across the middle of the file, full of lines that look like
# the end of a declaration: the keys of the first capacidad again, renamed,
# its practica_problematica holding them.
fake = b"}\n\npersona falsa\n" * 2000
first = re.compile(rb"^capacidad c0 .*?^\}\n", re.S | re.M).search(text).group(0)
first = first[:first.index(b"\n", first.index(b"  estado_deseado:")) + 1] + b"}\n"  # its keys alone
copy = first.replace(b"capacidad c0 ", b"capacidad nota ", 1).replace(b'practica_problematica: """\n',
                                                                    b'practica_problematica: """\n' + fake, 1)
assert fake in copy
start = text.rfind(b"\n}\n", 0, middle) + 3  # the new middle is len(copy) / 2 further
block = text[:start] + copy + b"\n" + text[start:]
assert start < len(block) // 2 < start + len(copy) - 1000
write("text_block.ruta", block)
write("unclosed.ruta", text[:after] + b'persona abierta "A" {\n  rol: docente\n')
PY

# same NAME ARGS...: ruta ARGS with -j 1 and with -j 2 agree (stdout,
# stderr and exit status).
same() {
    tag=$1 # run sets $name
    shift
    run "$tag.j1" "$@" -j 1
    rc1=$rc
    run "$tag.j2" "$@" -j 2
    echo "$rc" > "$tag.rc"
    if [ "$rc" != "$rc1" ]; then
        bad "$tag: exit $rc with -j 2, $rc1 with -j 1"
    fi
    if ! cmp -s "$tag.j1.out" "$tag.j2.out"; then
        bad "$tag: -j 2 differs from -j 1"
        diff "$tag.j1.out" "$tag.j2.out" | head -20
    fi
}

for f in plan error_first error_second errors_both typo_first text_block unclosed; do
    same "check_$f" check --as-of $AS_OF --color=never "$f.ruta"
    same "json_diag_$f" check --as-of $AS_OF --diagnostics-format=json "$f.ruta"
    same "max_errors_$f" check --as-of $AS_OF --color=never --max-errors 1 "$f.ruta"
done
same sarif_errors check --as-of $AS_OF --diagnostics-format=sarif errors_both.ruta
same budget check --as-of $AS_OF --color=never --max-memory 1 plan.ruta
same budget_errors check --as-of $AS_OF --color=never --max-memory 12 error_first.ruta
same json json --as-of $AS_OF plan.ruta
same status status --as-of $AS_OF plan.ruta
run csv1 csv --as-of $AS_OF plan.ruta -o j1.csv -j 1
run csv2 csv --as-of $AS_OF plan.ruta -o j2.csv -j 2
cmp -s j1.csv j2.csv || bad "csv: -j 2 differs from -j 1"

# The checks above are not vacuous: the clean plan is clean and big, the
# edits give the errors they were made for, in both halves.
[ "$(cat check_plan.rc)" = 0 ] || bad "the clean plan: exit $(cat check_plan.rc)"
[ "$(wc -c < json.j2.out)" -gt 100000 ] || bad "json: output too small"
expect_in check_error_first.j2 "E004"
[ "$(count check_errors_both.j2 '[E004]')" -eq 2 ] || bad "errors_both: not two E004"
expect_in check_typo_first.j2 "responsabel"
expect_in check_unclosed.j2 "se esperaba '}'"
[ "$(cat check_text_block.rc)" = 0 ] || { bad "text_block: exit $(cat check_text_block.rc)"; head check_text_block.j2.out; }
expect_in budget.j2 "E008"
expect_in budget_errors.j2 "E008"
expect_in budget_errors.j2 "E004"
[ "$(count max_errors_errors_both.j2 'error:')" -eq 1 ] || bad "--max-errors 1: not one error"

finish
