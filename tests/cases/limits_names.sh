# Limit: a name (declaration, reference, attribute key, vocabulary term)
# has at most 128 bytes. 128 bytes are accepted, 129 are E007 naming the
# limit; the limit counts bytes, so 64 'ñ' (128 bytes) pass and 65 do not.
# A name of a megabyte is still one E007 with a bounded excerpt.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
. "$ROOT/tests/lib/limits.sh"

n128=$(rep 128 a)
n129=$(rep 129 a)
e64=$(rep 64 ñ)
e65=$(rep 65 ñ)

# 1. Declarations and references at the limit: clean.
cat > justo.ruta <<EOT
persona $n128 "Ciento veintiocho" { rol: docente }
persona $e64 "Sesenta y cuatro eñes" { rol: docente }
equipo equipo_limite "Equipo" { integrantes: $n128, $e64 }
EOT
run at_limit check --as-of 2026-06-01 --color=never --allow W304 justo.ruta
expect_rc at_limit 0
[ -s at_limit.out ] && { bad "at_limit: unexpected output"; head -5 at_limit.out; }

# 2. One byte more: E007 at the name, once per name, exit 1; no E101/E102
# cascade from the long name.
cat > largo.ruta <<EOT
persona $n129 "Ciento veintinueve" { rol: docente }
persona $e65 "Sesenta y cinco eñes" { rol: docente }
equipo equipo_largo "Equipo" { integrantes: $n129 }
EOT
run over_limit check --as-of 2026-06-01 --color=never --allow W304 largo.ruta
expect_rc over_limit 1
expect_in over_limit "largo.ruta:1:9: error: el nombre supera el máximo de 128 bytes [E007]"
expect_in over_limit "largo.ruta:2:9: error: el nombre supera el máximo de 128 bytes [E007]"
expect_in over_limit "largo.ruta:3:45: error: el nombre supera el máximo de 128 bytes [E007]"
[ "$(count over_limit '[E007]')" -eq 3 ] || bad "over_limit: $(count over_limit '[E007]') E007, expected 3"
[ "$(count over_limit '[E101]')" -eq 0 ] || bad "over_limit: E101 cascade"
[ "$(count over_limit '[E102]')" -eq 0 ] || bad "over_limit: E102 cascade"

# 3. An attribute key and a vocabulary term that are too long.
cat > clave.ruta <<EOT
persona p "P" {
  $n129: "x"
  rol: $n129
}
EOT
run long_key check --as-of 2026-06-01 --color=never --allow W304 clave.ruta
expect_rc long_key 1
expect_in long_key "clave.ruta:2:3: error: el nombre supera el máximo de 128 bytes [E007]"
expect_in long_key "clave.ruta:3:8: error: el nombre supera el máximo de 128 bytes [E007]"

# 4. A name of 1 MiB: one E007, no huge excerpt or message.
{ printf 'persona '; rep 1048576 a; printf ' "P" { rol: docente }\n'; } > enorme.ruta
run huge_name check --as-of 2026-06-01 --color=never --allow W304 enorme.ruta
expect_rc huge_name 1
[ "$(count huge_name '[E007]')" -eq 1 ] || bad "huge_name: expected one E007"
size=$(wc -c < huge_name.out)
[ "$size" -le 20000 ] || bad "huge_name: $size bytes of output for one long name"

# 5. A key of 70 000 bytes (past the 16-bit length an attribute keeps
# inline): E007, then one E104 spanning the whole key; a name of 70 000
# bytes before a block on the next line: E007 there too.
{ printf 'persona p "P" {\n  rol: docente\n  '; rep 70000 k; printf ': 1\n  '; rep 70000 j; printf ' { x: 1 }\n}\n'; } > clave_larga.ruta
run longest_key check --as-of 2026-06-01 --diagnostics-format=json --allow W304 clave_larga.ruta
expect_rc longest_key 1
python3 - longest_key.out <<'PY' || bad "longest_key: wrong diagnostics"
import json, sys
d = json.load(open(sys.argv[1]))
e104 = [x for x in d if x["code"] == "E104"]
assert len(e104) == 1, [x["code"] for x in d]
assert (e104[0]["line"], e104[0]["column"], e104[0]["end_column"]) == (3, 3, 70003), e104[0]
assert any(x["code"] == "E007" and x["line"] == 3 for x in d)
assert any(x["code"] == "E007" and x["line"] == 4 for x in d)
PY

finish
