#!/bin/sh
# ruta territorio: discovery, parallel checks, W501 both ways, the CSV
# summary through Python's csv module, -j 1 and -j 2 identical, and one
# broken plan that does not stop the others.
set -eu
data="$ROOT/tests/data/territorio"
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p t
cp "$data"/*.ruta t/

# The reference territory checks clean: no output, exit 0.
out=$("$RUTA" territorio --as-of 2026-04-01 t 2>&1) || fail "clean territory exit $?: $out"
[ -z "$out" ] || fail "clean territory printed: $out"

# Back-to-back meetings (15:30 + 90 min, then 17:00) do not overlap; one
# minute earlier they do: W501, in the later hito's plan, with a note.
sed 's/2026-06-18 17:00/2026-06-18 16:59/' "$data/boldo.ruta" > t/boldo.ruta
set +e
out=$("$RUTA" territorio --as-of 2026-04-01 --color=never t 2>&1); rc=$?
set -e
[ $rc -eq 0 ] || fail "a warning must not fail the run (exit $rc)"
echo "$out" | grep -q "t/boldo.ruta:30:39: warning: 'Claudia Campos' está citada a la vez en 'monitoreo_1' (2026-06-18 16:59) y en 'monitoreo_1' de Escuela Básica El Alerce (2026-06-18 15:30) \[W501\]" \
    || fail "W501 missing or different: $out"
echo "$out" | grep -q "t/alerce.ruta:30:39: note: el hito 'monitoreo_1' de Escuela Básica El Alerce está aquí" \
    || fail "W501 note missing: $out"
out=$("$RUTA" territorio --as-of 2026-04-01 --allow W501 t 2>&1)
[ -z "$out" ] || fail "--allow W501 does not silence it: $out"

# A network session written in two schools' plans (same start, end and
# lugar) is one meeting, not a double booking.
for s in alerce boldo; do
    sed -e 's/fecha: 2026-06-18 1[57]:[0-9]*  duracion: 90 min  tipo: monitoreo/fecha: 2026-06-18 15:30  duracion: 90 min  tipo: monitoreo  lugar: "Liceo de la red"/' \
        "$data/$s.ruta" > t/$s.ruta
done
grep -q 'lugar: "Liceo de la red"' t/boldo.ruta || fail "test setup: lugar not added"
out=$("$RUTA" territorio --as-of 2026-04-01 t 2>&1)
[ -z "$out" ] || fail "one joint session reported as a double booking: $out"

# Without correo, the same person is matched by name after accent and case
# folding.
mkdir -p n
for s in alerce boldo; do
    sed -e 's/usar "personas.ruta"//' -e 's/2026-06-18 17:00/2026-06-18 16:00/' "$data/$s.ruta" > n/$s.ruta
done
printf 'persona ccampos "Claudia Campos" { rol: profesional_uatp }\n' >> n/alerce.ruta
printf 'persona ccampos "CLAUDIA CAMPOS" { rol: profesional_uatp }\n' >> n/boldo.ruta
"$RUTA" territorio --as-of 2026-04-01 --color=never n 2>&1 | grep -q "W501" || fail "name match without correo"
sed -i 's/"CLAUDIA CAMPOS"/"Claudia Campos Díaz"/' n/boldo.ruta
out=$("$RUTA" territorio --as-of 2026-04-01 --color=never n 2>&1)
echo "$out" | grep -q W501 && fail "different people matched: $out"

# A broken plan is reported; the others are still checked and summarised.
cp "$data"/*.ruta t/
cat > t/roto.ruta <<'RUTA'
plan roto "Plan con errores" {
  establecimiento: "Escuela Rota"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "x"
  uatp: nadie
}
RUTA
set +e
"$RUTA" territorio --as-of 2026-04-01 --color=never -j 2 t --csv j2.csv 2> j2.err; rc=$?
"$RUTA" territorio --as-of 2026-04-01 --color=never -j 1 t --csv j1.csv 2> j1.err; rc1=$?
set -e
[ $rc -eq 1 ] && [ $rc1 -eq 1 ] || fail "a plan with errors must exit 1 (got $rc, $rc1)"
grep -q "t/roto.ruta:5:9: error: 'nadie' no está declarado \[E102\]" j2.err || fail "E102 of the broken plan: $(cat j2.err)"
cmp j1.csv j2.csv || fail "-j 1 and -j 2 CSV differ"
cmp j1.err j2.err || fail "-j 1 and -j 2 diagnostics differ"

/usr/bin/python3 - j2.csv <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
head = rows[0]
want = ["archivo", "establecimiento", "rbd", "territorio", "periodo", "capacidades", "acciones",
        "acciones atrasadas", "acciones vencidas", "avance medio ponderado por duración",
        "indicadores sin medición", "próxima reunión de monitoreo", "errores", "advertencias"]
assert head == want, head
files = [r[0] for r in rows[1:]]
assert files == ["t/alerce.ruta", "t/boldo.ruta", "t/roto.ruta"], files  # the module is skipped
alerce = dict(zip(head, rows[1]))
assert alerce["establecimiento"] == "Escuela Básica El Alerce", alerce
assert alerce["rbd"] == "1111-1" and alerce["territorio"] == "Valle Central", alerce
assert alerce["periodo"] == "2026-03-02 .. 2026-07-31", alerce
assert alerce["capacidades"] == "1" and alerce["acciones"] == "1", alerce
assert alerce["acciones atrasadas"] == "0" and alerce["acciones vencidas"] == "0", alerce
assert alerce["avance medio ponderado por duración"] == "0.0%", alerce
assert alerce["indicadores sin medición"] == "1", alerce
assert alerce["próxima reunión de monitoreo"] == "2026-06-18 15:30", alerce
assert alerce["errores"] == "0" and alerce["advertencias"] == "0", alerce
roto = dict(zip(head, rows[3]))
assert roto["establecimiento"] == "Escuela Rota" and roto["errores"] == "1", roto
assert roto["acciones"] == "", roto  # no model for a plan with errors
PY

# --sep ';' for spreadsheets in Spanish locales.
"$RUTA" territorio --as-of 2026-04-01 --csv semi.csv --sep ';' t 2>/dev/null || true
/usr/bin/python3 -c "
import csv
rows = list(csv.reader(open('semi.csv', newline='', encoding='utf-8'), delimiter=';'))
assert rows[0][0] == 'archivo' and len(rows) == 4, rows
"

# --ics: every hito of every plan in one calendar, read by python3-icalendar;
# UIDs stay unique even when two plans share a plan id (then the RBD joins
# the UID).
cp "$data"/*.ruta t/ && rm -f t/roto.ruta
sed -i 's/^plan pat_boldo /plan pat_alerce /' t/boldo.ruta
"$RUTA" territorio --as-of 2026-04-01 --ics all.ics t
/usr/bin/python3 - all.ics <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = list(cal.walk('VEVENT'))
assert len(events) == 2, len(events)
uids = sorted(str(e['UID']) for e in events)
assert uids == ['monitoreo_1@pat_alerce.1111-1.ruta', 'monitoreo_1@pat_alerce.2222-2.ruta'], uids
summaries = sorted(str(e['SUMMARY']) for e in events)
assert summaries == ['Escuela Básica El Alerce: Monitoreo', 'Escuela Básica El Boldo: Monitoreo'], summaries
start = [e for e in events if 'Boldo' in str(e['SUMMARY'])][0].decoded('DTSTART')
assert (start.hour, start.minute) == (17, 0) and str(start.tzinfo).endswith('Santiago'), start
assert len(list(cal.walk('VTIMEZONE'))) == 1
PY
"$RUTA" territorio --as-of 2026-04-01 --ics again.ics t
cmp all.ics again.ics || fail "two runs differ"

# An empty directory: nothing to check, nothing printed, exit 0; the CSV
# has its header only.
mkdir -p vacio
out=$("$RUTA" territorio --as-of 2026-04-01 --csv vacio.csv vacio 2>&1) || fail "empty directory: exit $?: $out"
[ -z "$out" ] || fail "empty directory printed: $out"
[ "$(wc -l < vacio.csv)" -eq 1 ] || fail "empty directory: CSV is not just the header"

# A missing argument is a usage error; nothing is written.
set +e
"$RUTA" territorio --as-of 2026-04-01 --csv none.csv no-existe 2>/dev/null; rc=$?
set -e
[ $rc -eq 2 ] || fail "missing directory: exit $rc"
[ ! -e none.csv ] || fail "a CSV was written for a failed run"
echo ok
