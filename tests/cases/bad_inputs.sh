# Inputs that are not plans, or not files: ruta must answer with a
# diagnostic or a usage error, never crash, hang or print without bound.
# Run by tests/run.sh in an empty temporary directory, with RUTA set.
set -eu
: "${RUTA:?}"

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

# run NAME TIMEOUT ARGS...: runs ruta, output in NAME.out, status in $rc.
# The time limit is multiplied by TIMEOUT_SCALE (make valgrind sets it).
run() {
    name=$1 secs=$(($2 * ${TIMEOUT_SCALE:-1}))
    shift 2
    set +e
    timeout "$secs" "$RUTA" "$@" > "$name.out" 2>&1
    rc=$?
    set -e
    if [ "$rc" -eq 124 ]; then
        bad "$name: did not finish in ${secs}s"
    elif [ "$rc" -ge 126 ]; then
        bad "$name: exit $rc (crash?)"
        tail -5 "$name.out"
    fi
}

expect_rc() { # NAME WANTED
    if [ "$rc" -ne "$2" ]; then
        bad "$1: exit $rc, expected $2"
        head -20 "$1.out"
    fi
}

expect_in() { # NAME TEXT: the output contains TEXT
    if ! grep -qF -- "$2" "$1.out"; then
        bad "$1: output does not contain '$2'"
        head -20 "$1.out"
    fi
}

# 1. An empty file is a module with nothing in it: no output, exit 0.
: > vacio.ruta
run empty 10 check --as-of 2026-06-01 vacio.ruta
expect_rc empty 0
[ -s empty.out ] && { bad "empty: unexpected output"; cat empty.out; }

# A file with only blank lines and comments is the same.
printf '\n\n   \t\n# solo un comentario\n\n' > comentarios.ruta
run comments_only 10 check --as-of 2026-06-01 comentarios.ruta
expect_rc comments_only 0
[ -s comments_only.out ] && { bad "comments_only: unexpected output"; cat comments_only.out; }

# 2. A binary file: E001 diagnostics, exit 1, no crash, bounded output
# (at most 50 errors, then the note that the limit was reached).
head -c 4096 /bin/ls > binario.ruta
run binary 10 check --as-of 2026-06-01 binario.ruta
expect_rc binary 1
expect_in binary "[E001]"
# /bin/ls has many bytes >= 0x80: invalid UTF-8 is E001 at its byte.
expect_in binary "secuencia UTF-8 inválida"
n=$(grep -c ': error: ' binary.out || true)
if [ "$n" -gt 50 ]; then
    bad "binary: $n errors, more than the limit of 50"
fi
if [ "$n" -eq 50 ] && ! grep -q "se alcanzó el máximo de 50 errores" binary.out; then
    bad "binary: 50 errors but no note about the limit"
fi
size=$(wc -c < binary.out)
if [ "$size" -gt 200000 ]; then
    bad "binary: $size bytes of output"
fi

# The same bytes in the JSON format: still one valid JSON document.
run binary_json 10 check --as-of 2026-06-01 --diagnostics-format=json binario.ruta
expect_rc binary_json 1
set +e
timeout $((10 * ${TIMEOUT_SCALE:-1})) "$RUTA" check --as-of 2026-06-01 --diagnostics-format=json binario.ruta 2>/dev/null |
    /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); assert isinstance(d, list) and d, d'
st=$?
set -e
[ "$st" -eq 0 ] || bad "binary_json: stdout is not a non-empty JSON array"

# 3. A 30 MB single line: a diagnostic or a pass, but no crash, no hang and
# no line of output as long as the input.
head -c 30000000 /dev/zero | tr '\0' 'a' > linea.ruta
run long_line 20 check --as-of 2026-06-01 linea.ruta
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    bad "long_line: exit $rc, expected 0 or 1"
fi
size=$(wc -c < long_line.out)
if [ "$size" -gt 100000 ]; then
    bad "long_line: $size bytes of output for one long line"
fi

# The same inside a string and inside a comment.
{ printf 'persona p "'; head -c 30000000 /dev/zero | tr '\0' 'a'; printf '"\n'; } > cadena.ruta
run long_string 20 check --as-of 2026-06-01 cadena.ruta
expect_rc long_string 1
expect_in long_string "[E007]"
size=$(wc -c < long_string.out)
[ "$size" -le 100000 ] || bad "long_string: $size bytes of output"
{ printf '# '; head -c 30000000 /dev/zero | tr '\0' 'a'; printf '\n'; } > comentario.ruta
run long_comment 20 check --as-of 2026-06-01 comentario.ruta
expect_rc long_comment 0

# 4. A directory as input: usage error (exit 2) with a message.
mkdir carpeta.ruta
run directory 10 check --as-of 2026-06-01 carpeta.ruta
expect_rc directory 2
expect_in directory "carpeta.ruta"

# 5. A file that does not exist: exit 2, naming it.
run missing 10 check --as-of 2026-06-01 no_existe.ruta
expect_rc missing 2
expect_in missing "no_existe.ruta"

# 6. usar of a device and of a directory: E107, exit 1, no hang.
printf 'usar "/dev/zero"\n' > usa_dev.ruta
run usar_dev 10 check --as-of 2026-06-01 usa_dev.ruta
expect_rc usar_dev 1
expect_in usar_dev "[E107]"
expect_in usar_dev "usa_dev.ruta:1:6:"

printf 'usar "carpeta.ruta"\n' > usa_dir.ruta
run usar_dir 10 check --as-of 2026-06-01 usa_dir.ruta
expect_rc usar_dir 1
expect_in usar_dir "[E107]"
expect_in usar_dir "usa_dir.ruta:1:6:"

# 7. A FIFO as input (and as a module) must not hang waiting for a writer.
mkfifo tubo.ruta
run fifo 10 check --as-of 2026-06-01 tubo.ruta
if [ "$rc" -ne 2 ] && [ "$rc" -ne 1 ]; then
    bad "fifo: exit $rc, expected 2 (or 1)"
fi
[ -s fifo.out ] || bad "fifo: no message"
printf 'usar "tubo.ruta"\n' > usa_fifo.ruta
run usar_fifo 10 check --as-of 2026-06-01 usa_fifo.ruta
expect_rc usar_fifo 1
expect_in usar_fifo "[E107]"

# 8. A file that cannot be read (permissions), unless we are root.
printf 'plan p "P" {}\n' > cerrado.ruta
chmod 000 cerrado.ruta
if ! cat cerrado.ruta > /dev/null 2>&1; then
    run unreadable 10 check --as-of 2026-06-01 cerrado.ruta
    expect_rc unreadable 2
    expect_in unreadable "cerrado.ruta"
fi
chmod 644 cerrado.ruta

# 9. NUL bytes and control characters inside an otherwise valid file: E001
# at the right column, the rest of the file still checked.
printf 'persona psoto "Pedro Soto" { rol: jefe_tecnico }\npersona lmunoz "Lorena" \001{ rol: docente }\npersona ana "Ana" { rol: docentte }\n' > control.ruta
run control 10 check --as-of 2026-06-01 control.ruta
expect_rc control 1
expect_in control "control.ruta:2:25: error:"
expect_in control "[E001]"
expect_in control "control.ruta:3:26: error: 'docentte' no es un término del vocabulario 'rol' [E102]"

# 10. Blocks nested deeper than the limit: one E004, no crash, and the
# excerpt shows the source line as it is in the file (the lexer must not
# leave its marks in the text: a NUL where the next character was, which
# would print as a blank, or a line glued to the next one).
i=0
: > hondo.ruta
while [ $i -lt 70 ]; do
    echo "capacidad c$i \"Capacidad $i\" {" >> hondo.ruta
    i=$((i + 1))
done
run deep 10 check --as-of 2026-06-01 --color=never hondo.ruta
expect_rc deep 1
expect_in deep "anidados a más de 64 niveles [E004]"
line=$(grep -o '^ *[0-9]* | .*' deep.out | head -n 1 | sed 's/^ *\([0-9]*\) | \(.*\)$/\1/')
shown=$(grep -o '^ *[0-9]* | .*' deep.out | head -n 1 | sed 's/^ *[0-9]* | //')
if [ -n "$line" ]; then
    real=$(sed -n "${line}p" hondo.ruta)
    [ "$shown" = "$real" ] || bad "deep: excerpt of line $line is '$shown', the file has '$real'"
else
    bad "deep: no excerpt"
fi

printf 'plan p "P" ' > llaves.ruta
i=0
while [ $i -lt 70 ]; do printf '{' >> llaves.ruta; i=$((i + 1)); done
printf 'xyz}\n' >> llaves.ruta
run braces 10 check --as-of 2026-06-01 --color=never llaves.ruta
expect_rc braces 1
expect_in braces "[E004]"
real=$(cat llaves.ruta)
grep -o '^ *1 | .*' braces.out | sed 's/^ *1 | //' | while IFS= read -r shown; do
    [ "$shown" = "$real" ] || { echo "FAIL: braces: excerpt '$shown' differs from the line '$real'"; exit 1; }
done || errors=$((errors + 1))

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
