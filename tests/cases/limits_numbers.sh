# Limit: numbers are at most 10^15, in every spelling (plain, with digit
# separators, percentages, quantities, money in pesos or UF). 10^15 itself
# is accepted and computes correctly; anything larger is E006 at the
# literal, never an infinity, a wrapped integer or undefined behaviour.
# Values that pass the literal limit but not the domain of the attribute
# (a hito lasting 10^15 hours) are errors too, not overflows in the model.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
. "$ROOT/tests/lib/limits.sh"

cat > cabecera.ruta <<'EOT'
plan p "P" {
  establecimiento: "Escuela Básica El Sauce"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Instalar la reflexión pedagógica."
EOT

# 1. 10^15 in each spelling: accepted, and the sums are exact.
{ cat cabecera.ruta; cat <<'EOT'
  presupuesto: $1.000.000.000.000.000
  carga_maxima: 1_000_000_000_000_000
  monitoreo_cada: 5000 semanas
  uatp: q
}
persona q "Q" { rol: docente }
hito m "Reunión de monitoreo" { fecha: 2026-06-18 15:30  tipo: monitoreo }
capacidad c "C" {
  basal: colaboracion
  practica_problematica: "p"
  estado_deseado: "e"
  accion a "A" {
    responsable: q
    fechas: 2026-04-01 .. 2026-05-01
    costo: 1000000000000000 CLP
    indicador i "I" { linea_base: 0 conversaciones  meta: 1_000_000_000_000_000 conversaciones  medio_verificacion: "m" }
  }
  accion b "B" {
    responsable: q
    fechas: 2026-04-01 .. 2026-05-01
    costo: $1.000.000.000.000.000
    indicador j "J" { linea_base: 0.000000000000000000000000000001  meta: 999999999999999.999999  medio_verificacion: "m" }
  }
}
EOT
} > limite.ruta
printf 'usar "mdc"\n' | cat - limite.ruta > limite_mdc.ruta
run at_limit check --as-of 2026-03-02 --color=never limite_mdc.ruta
expect_rc at_limit 1
# The only error: two costs of 10^15 add up to 2 * 10^15 > 10^15, printed
# exactly (no rounding, no exponent, no overflow).
expect_in at_limit "los costos de las acciones suman \$2.000.000.000.000.000, más que el presupuesto del plan (\$1.000.000.000.000.000) [E309]"
n=$(grep -c ': error: ' at_limit.out || true)
[ "$n" -eq 1 ] || bad "at_limit: $n errors, expected only E309"
# A limit of 10^15 weeks or 10^15 actions is no limit: no W209, no W308.
expect_not at_limit "[W209]"
expect_not at_limit "[W308]"
expect_not at_limit "[E006]"

# 2. One more than 10^15, in each spelling: E006 at the literal.
{ cat cabecera.ruta; cat <<'EOT'
  presupuesto: 1000000000000001 CLP
  carga_maxima: 1_000_000_000_000_001
  monitoreo_cada: 1000000000000001 semanas
}
persona q "Q" {
  telefono: 1000000000000001.5
  cargo: 1000000000000001%
  correo: 2000000000000000 UF
}
EOT
} > grande.ruta
run over_limit check --as-of 2026-03-02 --color=never grande.ruta
expect_rc over_limit 1
for at in 5:16 6:17 7:19 10:13 11:10 12:11; do
    grep -q "^grande.ruta:$at: error: .*10^15.*\[E006\]" over_limit.out ||
        { bad "over_limit: no E006 naming 10^15 at $at"; head -40 over_limit.out; }
done

# Money with well-formed groups, one peso over 10^15: too large, not
# malformed (the groups are right).
printf 'persona q "Q" {\n  rol: docente\n  telefono: $1.000.000.000.000.001\n}\n' > grupos.ruta
run money_groups check --as-of 2026-03-02 --color=never grupos.ruta
expect_rc money_groups 1
grep -q "^grupos.ruta:3:13: error: el número '\$1.000.000.000.000.001' es demasiado grande (el máximo es 10^15) \[E006\]$" money_groups.out ||
    { bad "money_groups: not 'demasiado grande'"; cat money_groups.out; }
expect_not money_groups "mal formado"

# 3. Absurdly long literals: 400 digits, 400 decimals, a money amount with
# 100 groups. E006 (or, for the decimals, a valid small number); never inf.
digits=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "9" }')
groups=$(awk 'BEGIN { printf "$1"; for (i = 0; i < 100; i++) printf ".000" }')
cat > largos.ruta <<EOT
persona q "Q" {
  rol: docente
  telefono: $digits
  cargo: 0.$digits
  correo: $groups
}
EOT
run long_literals check --as-of 2026-03-02 --color=never largos.ruta
expect_rc long_literals 1
grep -q "^largos.ruta:3:13: error: .*\[E006\]" long_literals.out || bad "long_literals: no E006 for 400 digits"
grep -q "^largos.ruta:5:11: error: .*\[E006\]" long_literals.out || bad "long_literals: no E006 for 100 groups"
expect_not long_literals "inf"
# 0.999... is below 10^15: accepted, or refused for its precision, but not
# called too large.
if grep -q "^largos.ruta:4:10: error: .*demasiado grande" long_literals.out; then
    bad "long_literals: 0.999... (400 decimals) reported as larger than 10^15"
fi

# A literal of a million digits: one E006, and the message quotes it cut
# short (like a long name), not a megabyte of digits.
awk 'BEGIN { printf "persona q \"Q\" { telefono: "; for (i = 0; i < 1000000; i++) printf "9"; print " }" }' > mega.ruta
awk 'BEGIN { printf "persona q \"Q\" { telefono: $1"; for (i = 0; i < 300000; i++) printf ".000"; print " }" }' > mega_monto.ruta
for f in mega mega_monto; do
    run $f check --as-of 2026-03-02 --color=never $f.ruta
    expect_rc $f 1
    expect_in $f "[E006]"
    size=$(wc -c < $f.out)
    [ "$size" -le 20000 ] || bad "$f: $size bytes of output for one literal"
done

# 4. A duration that passes the literal limit but overflows the model: a
# hito lasting 10^15 hours (6 * 10^16 minutes) or 10^15 months must be an
# error at its value, not a silent wrap (the CSV and iCalendar end time of
# the hito is computed from it).
for unit in h mes; do
    { cat cabecera.ruta; cat <<EOT
}
hito m "Reunión de monitoreo" {
  fecha: 2026-06-18 15:30
  tipo: monitoreo
  duracion: 1000000000000000 $unit
}
EOT
    } > duracion_$unit.ruta
    run duration_$unit check --as-of 2026-03-02 --color=never duracion_$unit.ruta
    expect_rc duration_$unit 1
    grep -q "^duracion_$unit.ruta:9:13: error: " duration_$unit.out ||
        { bad "duration_$unit: no error at the duracion value (9:13)"; head -20 duration_$unit.out; }
done

finish
