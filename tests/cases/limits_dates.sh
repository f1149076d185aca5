# Limit: dates are years 1900 to 2999 (E003 outside, naming the range), so
# that no day arithmetic can overflow; times are 00:00 to 23:59. The
# extreme dates themselves work end to end: a plan spanning 1900-01-01 ..
# 2999-12-31 checks and exports without overflow. --as-of takes the same
# range (exit 2 outside).
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
. "$ROOT/tests/lib/limits.sh"

# 1. Each date or time alone as a hito's fecha: accepted or E003 at 2:10.
check_fecha() { # NAME VALUE EXPECTED(ok|E003) [TEXT]
    printf 'hito h "H" {\n  fecha: %s\n  tipo: reunion\n}\n' "$2" > "$1.ruta"
    run "$1" check --as-of 2026-06-01 --color=never "$1.ruta"
    if [ "$3" = ok ]; then
        expect_rc "$1" 0
    else
        expect_rc "$1" 1
        grep -q "^$1.ruta:2:[0-9]*: error: .*\[E003\]" "$1.out" || { bad "$1: no E003"; cat "$1.out"; }
        [ $# -lt 4 ] || expect_in "$1" "$4"
    fi
}
check_fecha last_year 2999-12-31 ok
check_fecha first_year 1900-01-01 ok
check_fecha year_3000 3000-01-01 E003 "años 1900 a 2999"
check_fecha year_1899 1899-12-31 E003 "años 1900 a 2999"
check_fecha year_0 0000-01-01 E003 "años 1900 a 2999"
check_fecha year_9999 9999-99-99 E003
check_fecha month_13 2026-13-01 E003 "no existe"
check_fecha month_0 2026-00-10 E003 "no existe"
check_fecha day_0 2026-01-00 E003 "no existe"
check_fecha feb_29 2026-02-29 E003 "no existe"
check_fecha leap_29 2028-02-29 ok
check_fecha leap_2000 2000-02-29 ok
check_fecha no_leap_1900 1900-02-29 E003 "no existe"
check_fecha last_minute "2026-06-01 23:59" ok
check_fecha hour_24 "2026-06-01 24:00" E003 "23:59"
check_fecha minute_60 "2026-06-01 23:60" E003 "23:59"
check_fecha huge_hour "2026-06-01 99999:00" E003

# A five-digit year is not a date: an error, not an overflow.
printf 'hito h "H" {\n  fecha: 99999-01-01\n  tipo: reunion\n}\n' > five.ruta
run five_digits check --as-of 2026-06-01 --color=never five.ruta
expect_rc five_digits 1

# 2. --as-of: same range, usage error outside.
: > vacio.ruta
for d in 1900-01-01 2999-12-31; do
    run as_of_$d check --as-of $d vacio.ruta
    expect_rc as_of_$d 0
done
for d in 1899-12-31 3000-01-01 2026-02-30 99999-01-01; do
    run as_of_$d check --as-of $d vacio.ruta
    expect_rc as_of_$d 2
    expect_in as_of_$d "--as-of"
done

# 3. A plan over the whole range, with its extreme dates everywhere, as of
# both ends: every command runs, no overflow in day counts, shares or
# output dates.
cat > extremo.ruta <<'EOT'
usar "mdc"
plan p "Plan de mil cien años" {
  establecimiento: "E"
  periodo: 1900-01-01 .. 2999-12-31
  objetivo: "O"
  monitoreo_cada: 1 dia
  uatp: q
}
persona q "Q" { rol: docente }
capacidad c "C" {
  basal: colaboracion
  practica_problematica: "p"
  estado_deseado: "e"
  accion a "A" {
    responsable: q
    fechas: 1900-01-01 .. 2999-12-31
    indicador i "I" { linea_base: 0%  meta: 100%  medio_verificacion: "m" }
    hito h "H" { fecha: 2999-12-31 23:59  duracion: 2 h  tipo: monitoreo }
  }
}
seguimiento 1900-01-01 "Inicio" {
  avance a: 1%
  medicion i: 1%
  acuerdo a: "Revisar" { id: revisar  plazo: 2999-12-31 }
  ajuste a: 1900-01-02 .. 2999-12-31 "Ajuste"
}
EOT
for asof in 1900-01-01 2999-12-31; do
    run extreme_check_$asof check --as-of $asof --color=never extremo.ruta
    [ "$rc" -le 1 ] || bad "extreme_check_$asof: exit $rc"
    # The gap to the only monitoring hito is 401 766 days: W209 says so.
    expect_in extreme_check_$asof "[W209]"
    for cmd in csv ics json status; do
        out=""
        [ "$cmd" = status ] || out="-o extremo_$asof.$cmd"
        # shellcheck disable=SC2086
        run extreme_${cmd}_$asof $cmd --as-of $asof --color=never extremo.ruta $out
        expect_rc extreme_${cmd}_$asof 0
    done
    expect_in extreme_status_$asof "1900-01-02"
done
grep -q '2999-12-31' extremo_2999-12-31.csv || bad "extreme csv: the end date is missing"
# The hito ends two hours after 2999-12-31 23:59: 3000-01-01 01:59 is the
# only date past 2999 that may appear (a computed end, not an input).
grep -q '30000101T015900' extremo_2999-12-31.ics || bad "extreme ics: the hito end is wrong"

finish
