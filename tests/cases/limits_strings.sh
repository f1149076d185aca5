# Limit: a string or a text block holds at most 1 MiB (1 048 576 bytes of
# content, between the quotes). Exactly 1 MiB is accepted, one byte more is
# E007 naming the limit, reported once, at the opening quotes, with a
# bounded excerpt; the rest of the file is still checked.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
LIMIT_SECONDS=120
. "$ROOT/tests/lib/limits.sh"

MIB=1048576

# plan FILE CARGO: a persona whose `cargo` is the given literal, then a
# misspelt term on the last line, which must still be reported.
plan() {
    { printf 'persona p "P" {\n  rol: docente\n  cargo: '; cat; printf '\n}\npersona q "Q" { rol: docentte }\n'; } > "$1"
}

# 1. A string of exactly 1 MiB: only the E102 of the last line.
{ printf '"'; rep $MIB a; printf '"'; } | plan justo.ruta
run string_at_limit check --as-of 2026-06-01 --color=never --allow W304 justo.ruta
expect_rc string_at_limit 1
[ "$(count string_at_limit '[E007]')" -eq 0 ] || bad "string_at_limit: 1 MiB of content refused"
expect_in string_at_limit "justo.ruta:5:22: error: 'docentte'"

# 2. One byte more: E007 at the opening quote, and the E102 still found.
{ printf '"'; rep $((MIB + 1)) a; printf '"'; } | plan largo.ruta
run string_over check --as-of 2026-06-01 --color=never --allow W304 largo.ruta
expect_rc string_over 1
expect_in string_over "largo.ruta:3:10: error: la cadena supera el máximo de 1048576 bytes [E007]"
[ "$(count string_over '[E007]')" -eq 1 ] || bad "string_over: expected one E007"
expect_in string_over "largo.ruta:5:22: error: 'docentte'"
size=$(wc -c < string_over.out)
[ "$size" -le 20000 ] || bad "string_over: $size bytes of output"

# 3. Multibyte content counts in bytes: 524 288 'ñ' are 1 MiB, one more is not.
{ printf '"'; rep $((MIB / 2)) ñ; printf '"'; } | plan enes.ruta
run utf8_at_limit check --as-of 2026-06-01 --color=never --allow W304 enes.ruta
[ "$(count utf8_at_limit '[E007]')" -eq 0 ] || bad "utf8_at_limit: 1 MiB of 'ñ' refused"
{ printf '"'; rep $((MIB / 2 + 1)) ñ; printf '"'; } | plan enes_largo.ruta
run utf8_over check --as-of 2026-06-01 --color=never --allow W304 enes_largo.ruta
expect_rc utf8_over 1
[ "$(count utf8_over '[E007]')" -eq 1 ] || bad "utf8_over: expected one E007"

# 4. Text blocks (a capacidad's practica_problematica takes one).
textplan() {
    { printf 'usar "mdc"\ncapacidad c "C" {\n  basal: colaboracion\n  estado_deseado: "e"\n  practica_problematica: """'
      rep "$2" a
      printf '"""\n}\npersona q "Q" { rol: docentte }\n'; } > "$1"
}
textplan texto_justo.ruta $MIB
run text_at_limit check --as-of 2026-06-01 --color=never --allow W304 --allow W301 texto_justo.ruta
[ "$(count text_at_limit '[E007]')" -eq 0 ] || bad "text_at_limit: 1 MiB text block refused"
expect_in text_at_limit "texto_justo.ruta:7:22: error: 'docentte'"
textplan texto_largo.ruta $((MIB + 1))
run text_over check --as-of 2026-06-01 --color=never --allow W304 --allow W301 texto_largo.ruta
expect_rc text_over 1
expect_in text_over "texto_largo.ruta:5:26: error: la cadena supera el máximo de 1048576 bytes [E007]"
expect_in text_over "texto_largo.ruta:7:22: error: 'docentte'"

# 5. An unterminated string of 30 MB on one line: E002 (E007 too, it is
# over the limit), bounded output, and the next line still checked.
{ printf 'persona p "'; rep 3000000 aaaaaaaaaa; printf '\npersona q "Q" { rol: docentte }\n'; } > abierta.ruta
run unterminated check --as-of 2026-06-01 --color=never --allow W304 abierta.ruta
expect_rc unterminated 1
expect_in unterminated "[E002]"
expect_in unterminated "abierta.ruta:2:22: error: 'docentte'"
size=$(wc -c < unterminated.out)
[ "$size" -le 20000 ] || bad "unterminated: $size bytes of output"

finish
