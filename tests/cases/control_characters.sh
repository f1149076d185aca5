# Control characters in strings, comments and text blocks (docs/decisions.md):
# every one but tab, line feed and (in comments and text blocks) carriage
# return is an E001 at its own line and column, a run of them is one
# diagnostic, and a CRLF file stays clean. A NUL used to cut a string short
# without a word, and made `ruta fmt` refuse the file with an internal error.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
. "$ROOT/tests/lib/limits.sh"

expect_count() { # NAME TEXT N: N lines of the output contain TEXT
    got=$(count "$1" "$2")
    if [ "$got" -ne "$3" ]; then
        bad "$1: $got lines with '$2', expected $3"
        head -20 "$1.out"
    fi
}

header='usar "mdc"
'

# 1. A NUL inside a string: E001 at it (line 2, column 15).
{ printf '%s' "$header"; printf 'persona p "Ana\000Bea" { rol: docente }\n'; } > nul.ruta
run nul check nul.ruta
expect_rc nul 1
expect_in nul "nul.ruta:2:15: error: carácter inesperado 'U+0000' [E001]"
expect_count nul "[E001]" 1
# ... and `ruta fmt` reports it like `check`, never an internal error.
run nul_fmt fmt nul.ruta
expect_rc nul_fmt 1
expect_in nul_fmt "nul.ruta:2:15: error: carácter inesperado 'U+0000' [E001]"
expect_not nul_fmt "error interno"

# 2. A run of 1000 NULs in a string is one diagnostic.
{ printf '%s' "$header"; printf 'persona p "Ana'; head -c 1000 /dev/zero; printf 'Bea" { rol: docente }\n'; } > nuls.ruta
run nuls check nuls.ruta
expect_rc nuls 1
expect_count nuls "[E001]" 1

# 3. Other controls in a string: SOH, ESC, DEL, and a bare CR in the middle.
{ printf '%s' "$header"
  printf 'persona a "A\001" { rol: docente }\n'
  printf 'persona b "B\033[1m" { rol: docente }\n'
  printf 'persona c "C\177" { rol: docente }\n'
  printf 'persona d "D\rE" { rol: docente }\n'; } > ctl.ruta
run ctl check ctl.ruta
expect_rc ctl 1
expect_in ctl "ctl.ruta:2:13: error: carácter inesperado 'U+0001' [E001]"
expect_in ctl "ctl.ruta:3:13: error: carácter inesperado 'U+001B' [E001]"
expect_in ctl "ctl.ruta:4:13: error: carácter inesperado 'U+007F' [E001]"
expect_in ctl "ctl.ruta:5:13: error: carácter inesperado 'U+000D' [E001]"
expect_count ctl "[E001]" 4

# 4. A control character after a backslash is the bad escape's E005 only.
{ printf '%s' "$header"; printf 'persona p "A\\\001B" { rol: docente }\n'; } > esc.ruta
run esc check esc.ruta
expect_rc esc 1
expect_count esc "[E005]" 1
expect_count esc "[E001]" 0

# 5. In a comment and in a text block: E001 at the character.
{ printf '%s' "$header"
  printf '# nota\002 interna\n'
  printf 'persona p "P" { rol: docente }\n'
  printf 'capacidad c "C" {\n  basal: colaboracion\n  practica_problematica: """\n'
  printf '    Primera l\303\255nea.\n    Segunda\000l\303\255nea.\n    """\n'
  printf '  estado_deseado: "x"\n}\n'; } > block.ruta
run block check block.ruta
expect_rc block 1
expect_in block "block.ruta:2:7: error: carácter inesperado 'U+0002' [E001]"
expect_in block "block.ruta:8:12: error: carácter inesperado 'U+0000' [E001]"
expect_count block "[E001]" 2

# 6. Tabs anywhere, and CRLF line ends in comments and text blocks, are fine;
#    the same file with LF line ends gives the same JSON.
{ printf 'usar "mdc"\r\n# nota\tcon tabulador\r\n'
  printf 'plan p "Plan" {\r\n  establecimiento: "Escuela"\r\n  periodo: 2026-03-02 .. 2026-12-11\r\n'
  printf '  objetivo: """\r\n    Objetivo en\r\n    dos l\303\255neas.\r\n    """\r\n}\r\n'
  printf 'persona ana "Ana\tP\303\251rez" { rol: docente }\r\n'
  printf 'capacidad c "C" {\r\n  basal: colaboracion\r\n  practica_problematica: """\r\n'
  printf '    Primera l\303\255nea.\r\n    Segunda l\303\255nea.\r\n    """\r\n'
  printf '  estado_deseado: "x"  # al final\r\n}\r\n'; } > crlf.ruta
run crlf check crlf.ruta
expect_rc crlf 0
tr -d '\r' < crlf.ruta > lf.ruta
run crlf_json json --as-of 2026-06-01 -o crlf.json crlf.ruta
expect_rc crlf_json 0
run lf_json json --as-of 2026-06-01 -o lf.json lf.ruta
expect_rc lf_json 0
if ! cmp -s crlf.json lf.json; then
    bad "crlf: JSON differs from the LF file's"
    diff crlf.json lf.json | head -10
fi

finish
