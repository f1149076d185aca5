#!/bin/sh
# ruta territorio --pdf: the territory report of samples/territorio as of
# 2026-06-15 passes qpdf --check; its text (pdftotext) has the section
# titles with their accents, every school, the monitoring meetings of the
# next eight weeks in date and time order and none beyond (both ends of the
# window checked); two runs give the same bytes; a missing --font is exit 2
# and writes nothing; an action behind and one overdue appear under their
# school, and a plan with errors is listed with a note.
set -eu
data="$ROOT/samples/territorio"
fail() { echo "FAIL: $*"; exit 1; }
unset SOURCE_DATE_EPOCH || true

"$RUTA" territorio --as-of 2026-06-15 "$data" --pdf t.pdf 2> err.txt || fail "exit $?: $(cat err.txt)"
qpdf --check t.pdf > /dev/null || fail "qpdf --check"
pdfinfo -isodates t.pdf | grep -q '^CreationDate: *2026-06-15T00:00:00Z$' || fail "creation date"
pdfinfo t.pdf | grep -q '^Title: *Informe territorial: Red Básica 1 de Arica (SLEP Chinchorro)$' || fail "title"
[ "$(wc -c < t.pdf)" -lt 100000 ] || fail "t.pdf is $(wc -c < t.pdf) bytes"
pdffonts t.pdf | grep -qE '^HPDFAA\+DejaVuSans,Book +CID TrueType +Identity-H +yes +yes +yes' || fail "font not embedded"
pdftotext t.pdf t.txt 2> warn.txt
[ ! -s warn.txt ] || fail "pdftotext warnings: $(cat warn.txt)"
for s in "Informe territorial" "Estado al 15 de junio de 2026" "1. Resumen por establecimiento" \
    "2. Acciones atrasadas y vencidas" "3. Agenda de monitoreo (próximas ocho semanas)" \
    "Página 2 de 3" "Servicio Local de Educación Pública Chinchorro"; do
    grep -qF "$s" t.txt || fail "missing '$s'"
done
qpdf --json --json-key=outlines t.pdf > outlines.json
for title in "Informe territorial" "1. Resumen por establecimiento" "2. Acciones atrasadas y vencidas" \
    "3. Agenda de monitoreo (próximas ocho semanas)" "Escuela Tucapel (RBD 139-2)" \
    "Escuela República Argentina (RBD 118-K)"; do
    grep -qF "\"title\": \"$title\"" outlines.json || fail "no bookmark: $title"
done
grep -h '^ *establecimiento:' "$data"/*.ruta | sed 's/.*"\(.*\)".*/\1/' > schools.txt
[ "$(wc -l < schools.txt)" -eq 5 ] || fail "test setup: schools"
while read -r school; do
    grep -qF "$school" t.txt || fail "school '$school' missing"
    grep -qF "$school (RBD " t.txt || fail "no heading for '$school' in section 2"
done < schools.txt
[ "$(grep -c 'Sin acciones atrasadas ni vencidas.' t.txt)" -eq 5 ] || fail "schools without actions behind"

# The agenda: 15/06 .. 09/08/2026. Tucapel's third meeting is the first
# (16 June, 10:00); on 7 July Tucapel (10:00) comes before Espiguitas
# (15:00); Rancagua's of 10 July is the last. The August meetings (11/08
# Espiguitas onwards) are beyond eight weeks.
pdftotext -layout t.pdf - | sed -n '/^3\. Agenda de monitoreo/,$p' > agenda.txt
grep -E '^ *[0-9]{2}/[0-9]{2}/2026' agenda.txt | sed -E 's/^ *([0-9/]+) +([0-9:]+).*/\1 \2/' > dates.txt
printf '%s\n' "16/06/2026 10:00" "07/07/2026 10:00" "07/07/2026 15:00" "08/07/2026 15:30" \
    "09/07/2026 15:30" "10/07/2026 11:00" | cmp -s - dates.txt || fail "agenda rows: $(cat dates.txt)"
grep -qE '16/06/2026 +10:00–11:30 +Escuela Tucapel +Reunión de monitoreo 3 +Paola Mamani' agenda.txt \
    || fail "Tucapel's meeting of 16 June: $(cat agenda.txt)"
grep -qE '07/07/2026 +15:00–16:30 +Escuela Espiguitas' agenda.txt || fail "Espiguitas' meeting of 7 July"
grep -q 'Oficina de dirección' agenda.txt || fail "lugar missing"
for d in 11/08/2026 12/08/2026 13/08/2026 14/08/2026 18/08/2026; do
    if grep -q "$d" agenda.txt; then fail "meeting of $d is beyond eight weeks"; fi
done

# Deterministic bytes.
"$RUTA" territorio --as-of 2026-06-15 "$data" --pdf again.pdf 2> /dev/null
cmp t.pdf again.pdf || fail "two runs differ"
"$RUTA" territorio --as-of 2026-06-15 -j 1 "$data" --pdf j1.pdf 2> /dev/null
cmp t.pdf j1.pdf || fail "-j 1 differs"

# A missing or unusable font: exit 2, a clear message, nothing written.
set +e
"$RUTA" territorio --as-of 2026-06-15 "$data" --font missing.ttf --pdf nofont.pdf 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] || fail "missing font: exit $rc"
grep -q "^ruta: error: no se puede usar la fuente 'missing.ttf': el archivo no existe" err.txt || fail "message: $(cat err.txt)"
[ ! -e nofont.pdf ] || fail "a PDF was written without its font"
# ... and no other output of the same run either (all or nothing).
set +e
"$RUTA" territorio --as-of 2026-06-15 "$data" --font missing.ttf --csv nofont.csv --ics nofont.ics --pdf nofont.pdf 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] || fail "missing font with --csv and --ics: exit $rc"
[ ! -e nofont.csv ] && [ ! -e nofont.ics ] && [ ! -e nofont.pdf ] || fail "outputs written although the PDF failed: $(ls nofont.* 2>/dev/null)"
"$RUTA" territorio --as-of 2026-06-15 "$data" --csv withfont.csv --ics withfont.ics --pdf withfont.pdf 2> /dev/null ||
    fail "the same run with the default font failed"
[ -s withfont.csv ] && [ -s withfont.ics ] && [ -s withfont.pdf ] || fail "a good run did not write all three outputs"
echo "informe anterior" > kept.pdf
printf 'esto no es una fuente\n' > notafont.ttf
set +e
"$RUTA" territorio --as-of 2026-06-15 "$data" --font notafont.ttf --pdf kept.pdf 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] && [ "$(cat kept.pdf)" = "informe anterior" ] || fail "invalid font: exit $rc, file changed"
ls -a | grep -q '\.tmp' && fail "temporary file left behind"

# An action behind (Esmeralda's gpt_ciencias: 10% where 37% is expected),
# one overdue (Tucapel's diagnóstico, ended 30 April at 60%), the window's
# both ends (a meeting on 09/08, as-of + 55 days, is in; one on 10/08 is
# not), and a plan with errors.
mkdir t
cp "$data"/*.ruta t/
sed -i 's/avance gpt_ciencias: 50%/avance gpt_ciencias: 10%/' t/escuela_esmeralda.ruta
sed -i 's/avance diagnostico_historia: 100%/avance diagnostico_historia: 60%/' t/escuela_tucapel.ruta
sed -i 's/fecha: 2026-08-11 15:00/fecha: 2026-08-09 15:00/' t/escuela_espiguitas.ruta
sed -i 's/fecha: 2026-08-12 15:30/fecha: 2026-08-10 15:30/' t/escuela_republica_argentina.ruta
grep -q 'gpt_ciencias: 10%' t/escuela_esmeralda.ruta && grep -q '2026-08-09 15:00' t/escuela_espiguitas.ruta \
    || fail "test setup: sed"
cat > t/roto.ruta <<'RUTA'
plan roto "Plan con errores" {
  establecimiento: "Escuela Rota"
  rbd: "999-9"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "x"
  uatp: nadie
}
RUTA
set +e
"$RUTA" territorio --as-of 2026-06-15 t --pdf b.pdf --csv b.csv 2> /dev/null; rc=$?
set -e
[ $rc -eq 1 ] || fail "a plan with errors: exit $rc"
qpdf --check b.pdf > /dev/null || fail "qpdf --check (behind)"
pdftotext b.pdf b.txt
sec2=$(sed -n '/^2\. Acciones atrasadas y vencidas/,/^3\. Agenda de monitoreo/p' b.txt)
# Text of a school's part of section 2, on one line.
part() { printf '%s\n' "$sec2" | sed -n "/^$1/,/^$2/p" | tr '\n' ' ' | tr -s ' '; }
esm=$(part 'Escuela Esmeralda (RBD 126-0)' 'Escuela Espiguitas (RBD 103-1)')
case $esm in *"Planificación conjunta de clases indagatorias Sandra Mollo Choque"*) ;;
    *) fail "gpt_ciencias not under Esmeralda: $esm" ;; esac
case $esm in *"37%"*"10% Atrasada al 11/06/2026 27 puntos bajo lo esperado"*) ;;
    *) fail "expected and recorded avance, state atrasada: $esm" ;; esac
tuc=$(part 'Escuela Tucapel (RBD 139-2)' 'Escuela Rota')
case $tuc in *"Diagnóstico de las prácticas de enseñanza de la Historia"*"60% Vencida"*) ;;
    *) fail "diagnóstico not under Tucapel as vencida: $tuc" ;; esac
[ "$(printf '%s\n' "$sec2" | grep -c 'Sin acciones atrasadas ni vencidas.')" -eq 3 ] || fail "other schools: $sec2"
printf '%s\n' "$sec2" | grep -q 'el plan tiene errores' || fail "plan with errors in section 2"
tr '\n' ' ' < b.txt | tr -s ' ' > b.flat
grep -q 'Escuela Rota 999-9' b.flat && grep -q 'Plan con errores: no se puede calcular su estado' b.flat \
    || fail "plan with errors not listed with its note"
pdftotext -layout b.pdf - > b-layout.txt
grep -qE 'Escuela Esmeralda +126-0 +6 +1 +0 +' b-layout.txt || fail "summary row of Esmeralda"
grep -qE 'Escuela Tucapel +139-2 +5 +0 +1 +' b-layout.txt || fail "summary row of Tucapel"
/usr/bin/python3 - b.csv <<'PY' || fail "PDF and CSV disagree"
import csv, sys
rows = {r["establecimiento"]: r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))}
assert rows["Escuela Esmeralda"]["acciones atrasadas"] == "1", rows["Escuela Esmeralda"]
assert rows["Escuela Tucapel"]["acciones vencidas"] == "1", rows["Escuela Tucapel"]
PY
sed -n '/^3\. Agenda de monitoreo/,$p' b-layout.txt > agenda-b.txt
grep -qE '09/08/2026 +15:00–16:30 +Escuela Espiguitas' agenda-b.txt || fail "the window's last day is out"
if grep -q '10/08/2026' agenda-b.txt; then fail "a meeting 56 days ahead is in"; fi
grep -q 'No incluye las reuniones de Escuela Rota, cuyo plan tiene errores.' agenda-b.txt || fail "agenda note"
echo ok
