# Limit: blocks nest at most 64 deep. Level 64 is accepted by the parser
# (the checker may still refuse what is nested where: E110); the 65th '{'
# is one E004 that names the limit, reported once, and neither the C stack
# nor the output grows with the depth of a hostile file.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
. "$ROOT/tests/lib/limits.sh"

# nest N FILE: N capacidades, each inside the previous one, all closed.
nest() {
    awk -v n="$1" 'BEGIN {
        for (i = 1; i <= n; i++) printf "capacidad c%d \"Capacidad %d\" {\n", i, i
        for (i = 1; i <= n; i++) print "}"
    }' > "$2"
}

# 1. 64 levels: no depth error. Nested capacidades are E110 (and missing
# attributes E105), which is the checker's business, not the parser's.
nest 64 hondo64.ruta
run depth64 check --as-of 2026-06-01 --color=never --max-errors 0 hondo64.ruta
expect_rc depth64 1
[ "$(count depth64 'niveles')" -eq 0 ] || bad "depth64: 64 levels reported as too deep"
[ "$(count depth64 '[E004]')" -eq 0 ] || bad "depth64: a syntax error at 64 levels"
expect_in depth64 "[E110]"

# 2. 65 levels: exactly one E004 at the 65th '{' (line 65, column 30).
nest 65 hondo65.ruta
run depth65 check --as-of 2026-06-01 --color=never hondo65.ruta
expect_rc depth65 1
expect_in depth65 "hondo65.ruta:65:30: error: los bloques están anidados a más de 64 niveles [E004]"
[ "$(count depth65 '[E004]')" -eq 1 ] || bad "depth65: $(count depth65 '[E004]') E004, expected 1"

# 3. 200 000 '{' on one line and 200 000 nested blocks on separate lines:
# one depth error each, bounded output, no stack overflow.
awk 'BEGIN { printf "plan p \"P\" "; for (i = 0; i < 200000; i++) printf "{"; print "" }' > llaves.ruta
run braces check --as-of 2026-06-01 --color=never llaves.ruta
expect_rc braces 1
[ "$(count braces 'más de 64 niveles')" -eq 1 ] || bad "braces: expected one depth error"
size=$(wc -c < braces.out)
[ "$size" -le 20000 ] || bad "braces: $size bytes of output"

nest 200000 muy_hondo.ruta
run deep_lines check --as-of 2026-06-01 --color=never muy_hondo.ruta
expect_rc deep_lines 1
[ "$(count deep_lines 'más de 64 niveles')" -eq 1 ] || bad "deep_lines: expected one depth error"
size=$(wc -c < deep_lines.out)
[ "$size" -le 200000 ] || bad "deep_lines: $size bytes of output"

# 4. The formatter and the JSON diagnostics take the same path.
run depth65_json check --as-of 2026-06-01 --diagnostics-format=json hondo65.ruta
expect_rc depth65_json 1
expect_in depth65_json "más de 64 niveles"
run depth65_fmt fmt hondo65.ruta
expect_rc depth65_fmt 1

finish
