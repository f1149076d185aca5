# Command-line handling: usage errors exit 2 with a Spanish message on
# stderr, --help and --version exit 0, and -Werror/--allow/--deny act on
# warnings only.
# Run by tests/run.sh in an empty temporary directory, with RUTA set.
set -eu
: "${RUTA:?}"

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
    timeout 10 "$RUTA" "$@" > "$name.out" 2> "$name.err" < /dev/null
    rc=$?
    set -e
}

# usage NAME TEXT ARGS...: exit 2, nothing on stdout, TEXT in the message.
usage() {
    name=$1 text=$2
    shift 2
    run "$name" "$@"
    if [ "$rc" -ne 2 ]; then
        bad "$name: exit $rc, expected 2 (ruta $*)"
        cat "$name.err"
    fi
    [ -s "$name.out" ] && bad "$name: output on stdout for a usage error"
    grep -q '^ruta: error: ' "$name.err" || { bad "$name: no 'ruta: error:' message"; cat "$name.err"; }
    grep -qF -- "$text" "$name.err" || { bad "$name: message does not mention '$text'"; cat "$name.err"; }
}

cat > plan.ruta <<'EOF'
plan pme_2026 "Plan de mejoramiento 2026" {
  establecimiento: "Escuela Básica El Sauce"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Instalar la reflexión pedagógica en los consejos de profesores."
}
hito monitoreo_1 "Reunión de monitoreo" { fecha: 2026-06-18 15:30  tipo: monitoreo }
EOF
# The same plan with one warning: a persona nobody mentions (W304).
cp plan.ruta aviso.ruta
echo 'persona lmunoz "Lorena Muñoz" { rol: docente }' >> aviso.ruta

# --- the valid invocation works -------------------------------------------------
run ok check --as-of 2026-06-01 plan.ruta
[ "$rc" -eq 0 ] || { bad "check plan.ruta: exit $rc"; cat ok.err; }
run ok_after check plan.ruta --as-of 2026-06-01
[ "$rc" -eq 0 ] || bad "options after the file: exit $rc"

# --- usage errors -----------------------------------------------------------------
usage unknown_option "--bogus" check --bogus --as-of 2026-06-01 plan.ruta
usage unknown_command "frobnicar" frobnicar plan.ruta
run no_command
[ "$rc" -eq 2 ] || bad "ruta without a command: exit $rc, expected 2"
grep -q 'uso: ruta' no_command.err || { bad "ruta without a command: no usage on stderr"; cat no_command.err; }
usage no_file "archivo" check --as-of 2026-06-01
usage bad_month "2026-13-01" check --as-of 2026-13-01 plan.ruta
usage bad_day "2026-02-30" check --as-of 2026-02-30 plan.ruta
usage non_iso_as_of "01/06/2026" check --as-of 01/06/2026 plan.ruta
usage as_of_missing_value "--as-of" check plan.ruta --as-of
usage allow_error "E102" check --as-of 2026-06-01 --allow E102 plan.ruta
grep -q "no se pueden silenciar" allow_error.err || { bad "--allow E102: message does not say errors cannot be silenced"; cat allow_error.err; }
usage allow_unknown "W999" check --as-of 2026-06-01 --allow W999 plan.ruta
usage deny_unknown "W999" check --as-of 2026-06-01 --deny W999 plan.ruta
usage color_sometimes "sometimes" check --as-of 2026-06-01 --color=sometimes plan.ruta
usage format_xml "xml" check --as-of 2026-06-01 --diagnostics-format=xml plan.ruta
usage max_errors_word "x" check --as-of 2026-06-01 --max-errors x plan.ruta
usage max_errors_negative "-1" check --as-of 2026-06-01 --max-errors -1 plan.ruta
usage jobs_zero "-j" check --as-of 2026-06-01 -j 0 plan.ruta
usage jobs_word "-j" check --as-of 2026-06-01 -j muchos plan.ruta
usage jobs_fmt "'fmt'" fmt -j 2 plan.ruta
usage jobs_lsp "'lsp'" lsp -j 2

# -j is accepted by every command that checks a plan (tests/cases/parse_split.sh
# tests what it does).
for cmd in check json status; do
    run "jobs_$cmd" "$cmd" -j 1 --as-of 2026-06-01 plan.ruta
    [ "$rc" -ne 2 ] || { bad "ruta $cmd -j 1: usage error"; cat "jobs_$cmd.err"; }
done

# The usage message is Spanish and points at --help.
grep -q "ruta --help" unknown_option.err || bad "unknown option: no pointer to 'ruta --help'"

# --- help and version -----------------------------------------------------------
run help --help
[ "$rc" -eq 0 ] || bad "--help: exit $rc"
grep -q '^uso: ruta' help.out || { bad "--help: no Spanish usage line on stdout"; head -5 help.out help.err; }
for word in check pdf csv ics json fmt status --as-of --diagnostics-format -Werror --allow --deny --max-errors -j --color; do
    grep -qF -- "$word" help.out || bad "--help does not mention $word"
done
run check_help check --help
[ "$rc" -eq 0 ] || bad "check --help: exit $rc"
grep -q '^uso: ruta check' check_help.out || { bad "check --help: no 'uso: ruta check' line"; cat check_help.out; }
run version --version
[ "$rc" -eq 0 ] || bad "--version: exit $rc"
grep -Eq '^ruta [0-9]+\.[0-9]+\.[0-9]+' version.out || { bad "--version: no 'ruta X.Y.Z' line"; cat version.out; }

# --- warnings: -Werror, --deny, --allow ------------------------------------------
run warn check --as-of 2026-06-01 --color=never aviso.ruta
[ "$rc" -eq 0 ] || bad "a warning alone: exit $rc, expected 0"
grep -q 'warning: .*\[W304\]' warn.err || { bad "W304 not reported"; cat warn.err; }
run werror check --as-of 2026-06-01 --color=never -Werror aviso.ruta
[ "$rc" -eq 1 ] || bad "-Werror with a warning: exit $rc, expected 1"
run deny check --as-of 2026-06-01 --color=never --deny W304 aviso.ruta
[ "$rc" -eq 1 ] || bad "--deny W304: exit $rc, expected 1"
grep -q 'error: .*W304' deny.err || { bad "--deny W304: not reported as an error"; cat deny.err; }
run allow check --as-of 2026-06-01 --color=never --allow W304 aviso.ruta
[ "$rc" -eq 0 ] || bad "--allow W304: exit $rc, expected 0"
[ -s allow.err ] && { bad "--allow W304: still reported"; cat allow.err; }
run allow_werror check --as-of 2026-06-01 --color=never --allow W304 -Werror aviso.ruta
[ "$rc" -eq 0 ] || bad "--allow W304 -Werror: exit $rc, expected 0"

# --- several files: each is checked; one bad file makes the exit 1 ---------------
printf 'persona psoto "Pedro Soto" { rol: jefe_tecnicco }\n' > malo.ruta
run two_files check --as-of 2026-06-01 --color=never plan.ruta malo.ruta
[ "$rc" -eq 1 ] || bad "check plan.ruta malo.ruta: exit $rc, expected 1"
grep -q '^malo.ruta:1:35: error: ' two_files.err || { bad "second file's error not reported"; cat two_files.err; }

# --- -I finds modules in another directory ----------------------------------------
mkdir -p lib
printf 'vocabulario nivel "Niveles" { basica "Básica" media "Media" }\n' > lib/niveles.ruta
printf 'usar "niveles"\n' > usa_niveles.ruta
run include_missing check --as-of 2026-06-01 --color=never usa_niveles.ruta
[ "$rc" -eq 1 ] || bad "usar \"niveles\" without -I: exit $rc, expected 1"
grep -q '\[E107\]' include_missing.err || bad "usar \"niveles\" without -I: no E107"
run include check --as-of 2026-06-01 -I lib usa_niveles.ruta
[ "$rc" -eq 0 ] || { bad "-I lib: exit $rc"; cat include.err; }
set +e
RUTA_PATH=/nonexistent:lib timeout 10 "$RUTA" check --as-of 2026-06-01 usa_niveles.ruta > rp.out 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || { bad "RUTA_PATH=...:lib: exit $rc"; cat rp.out; }

# --- subcommands whose backend does not exist yet ---------------------------------
# Each either works or exits 2 saying it is not available; never a crash,
# never exit 0 with nothing done silently for a command that writes a file.
for cmd in pdf csv ics; do
    run "cmd_$cmd" "$cmd" --as-of 2026-06-01 plan.ruta -o "salida.$cmd"
    case $rc in
        0) [ -s "salida.$cmd" ] || bad "ruta $cmd: exit 0 but salida.$cmd is missing or empty" ;;
        2) grep -q '^ruta: error: ' "cmd_$cmd.err" || bad "ruta $cmd: exit 2 without a message"
           [ -e "salida.$cmd" ] && bad "ruta $cmd: exit 2 but salida.$cmd was written" ;;
        *) bad "ruta $cmd: exit $rc"; cat "cmd_$cmd.err" ;;
    esac
done
for cmd in json status; do
    run "cmd_$cmd" "$cmd" --as-of 2026-06-01 plan.ruta
    case $rc in
        0) [ -s "cmd_$cmd.out" ] || bad "ruta $cmd: exit 0 but no output" ;;
        2) grep -q '^ruta: error: ' "cmd_$cmd.err" || bad "ruta $cmd: exit 2 without a message" ;;
        *) bad "ruta $cmd: exit $rc"; cat "cmd_$cmd.err" ;;
    esac
done
run cmd_fmt fmt --check plan.ruta
case $rc in
    0|1) ;;
    2) grep -q '^ruta: error: ' cmd_fmt.err || bad "ruta fmt: exit 2 without a message" ;;
    *) bad "ruta fmt: exit $rc"; cat cmd_fmt.err ;;
esac

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
