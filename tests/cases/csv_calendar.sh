# ruta csv --with-calendar: feriado and vacaciones rows of the plan's
# calendar within its periodo, sorted after the plan's own rows of a day.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
"$RUTA" csv --as-of 2026-06-01 "$plan" -o plain.csv
"$RUTA" csv --as-of 2026-06-01 --with-calendar "$plan" -o cal.csv
/usr/bin/python3 - <<'PY'
import csv
plain = list(csv.DictReader(open('plain.csv', newline='', encoding='utf-8')))
cal = list(csv.DictReader(open('cal.csv', newline='', encoding='utf-8')))
extra = [r for r in cal if r['tipo'] in ('feriado', 'vacaciones')]
assert [r for r in cal if r['tipo'] not in ('feriado', 'vacaciones')] == plain
# cl_2026 within 2026-03-02 .. 2026-12-11: 14 feriados and the winter break
# (Año Nuevo and Navidad fall outside).
feriados = [(r['inicio'], r['titulo']) for r in extra if r['tipo'] == 'feriado']
assert len(feriados) == 14, feriados
assert ('2026-05-21', 'Día de las Glorias Navales') in feriados
assert all(r['inicio'] == r['fin'] for r in extra if r['tipo'] == 'feriado')
vac = [(r['inicio'], r['fin'], r['titulo']) for r in extra if r['tipo'] == 'vacaciones']
assert vac == [('2026-06-22', '2026-07-03', 'Vacaciones de invierno')], vac
assert all(r['id'] == '' and r['responsable'] == '' for r in extra)
assert all(r['detalle'] == 'Chile 2026: feriados legales y vacaciones de invierno' for r in extra)
order = {'accion': 0, 'hito': 1, 'seguimiento': 2, 'acuerdo': 3, 'feriado': 4, 'vacaciones': 5}
keys = [(r['inicio'], r['hora_inicio'], order[r['tipo']], r['id']) for r in cal]
assert keys == sorted(keys)
PY
