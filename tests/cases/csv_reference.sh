# ruta csv on the reference plan: the exact rows of section 9, in order,
# read back through Python's csv module.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
"$RUTA" csv --as-of 2026-06-01 "$plan" -o aromos.csv
/usr/bin/python3 - aromos.csv <<'PY'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert not raw.startswith(b'\xef\xbb\xbf'), 'no BOM without --bom'
assert raw.endswith(b'\r\n'), 'records end with CRLF'
assert b'\n' not in raw.replace(b'\r\n', b''), 'no bare LF outside quoted fields here'
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
header = rows[0]
assert header == ['tipo', 'id', 'titulo', 'inicio', 'fin', 'hora_inicio', 'hora_fin',
                  'capacidad', 'responsable', 'lugar', 'detalle'], header
body = [dict(zip(header, r)) for r in rows[1:]]
assert all(len(r) == 11 for r in rows), 'every record has 11 fields'
# tipo, id, inicio, fin, hora_inicio, hora_fin, capacidad, responsable, lugar
expected = [
    ('accion', 'fortalezas', '2026-03-16', '2026-03-27', '', '', 'colaboracion_docente', 'Pedro Soto', ''),
    ('hito', 'taller_fortalezas', '2026-03-25', '2026-03-25', '15:00', '16:30', 'colaboracion_docente', 'Pedro Soto', 'Biblioteca'),
    ('accion', 'duplas', '2026-04-06', '2026-07-31', '', '', 'colaboracion_docente', 'Lorena Muñoz', ''),
    ('seguimiento', 'seguimiento-2026-04-09', '2026-04-09', '2026-04-09', '', '', '', '', ''),
    ('hito', 'monitoreo_1', '2026-04-09', '2026-04-09', '15:30', '17:00', '', 'Carolina Rojas', 'Sala de reuniones'),
    ('accion', 'mentoria', '2026-05-04', '2026-10-30', '', '', 'reflexion_pedagogica', 'Equipo de gestión', ''),
    ('seguimiento', 'seguimiento-2026-05-14', '2026-05-14', '2026-05-14', '', '', '', '', ''),
    ('hito', 'monitoreo_2', '2026-05-14', '2026-05-14', '15:30', '17:00', '', 'Carolina Rojas', ''),
    ('hito', 'monitoreo_3', '2026-06-18', '2026-06-18', '15:30', '', '', 'Carolina Rojas', ''),
    ('accion', 'consejos', '2026-08-03', '2026-11-27', '', '', 'reflexion_pedagogica', 'María González', ''),
    ('hito', 'monitoreo_4', '2026-08-06', '2026-08-06', '15:30', '', '', 'Carolina Rojas', ''),
    ('hito', 'monitoreo_5', '2026-09-24', '2026-09-24', '15:30', '', '', 'Carolina Rojas', ''),
    ('hito', 'monitoreo_6', '2026-11-12', '2026-11-12', '15:30', '', '', 'Carolina Rojas', ''),
    ('hito', 'cierre', '2026-12-10', '2026-12-10', '15:00', '17:00', '', 'Equipo de gestión', ''),
]
got = [(r['tipo'], r['id'], r['inicio'], r['fin'], r['hora_inicio'], r['hora_fin'],
        r['capacidad'], r['responsable'], r['lugar']) for r in body]
for i, (g, e) in enumerate(zip(got, expected)):
    assert g == e, f'row {i + 1}: got {g}, expected {e}'
assert len(got) == len(expected), f'{len(got)} rows, expected {len(expected)}'
# One row per accion (4), hito (8) and seguimiento (2).
kinds = [r['tipo'] for r in body]
assert kinds.count('accion') == 4 and kinds.count('hito') == 8 and kinds.count('seguimiento') == 2
# The sort keys of section 9 hold over the whole file.
order = {'accion': 0, 'hito': 1, 'seguimiento': 2, 'acuerdo': 3, 'feriado': 4, 'vacaciones': 5}
keys = [(r['inicio'], r['hora_inicio'], order[r['tipo']], r['id']) for r in body]
assert keys == sorted(keys), 'rows sorted by inicio, hora_inicio, tipo, id'
# hora_fin = hora_inicio + duracion.
def minutes(t): return int(t[:2]) * 60 + int(t[3:])
dur = {'taller_fortalezas': 90, 'monitoreo_1': 90, 'monitoreo_2': 90, 'cierre': 120}
for r in body:
    if r['id'] in dur:
        assert minutes(r['hora_fin']) - minutes(r['hora_inicio']) == dur[r['id']], r
# Titles and details.
by_id = {r['id']: r for r in body}
assert by_id['seguimiento-2026-04-09']['titulo'] == 'Monitoreo 1'
assert by_id['fortalezas']['titulo'] == 'Taller: identificando nuestras fortalezas profesionales'
assert by_id['fortalezas']['detalle'].startswith('Duplas de docentes identifican'), by_id['fortalezas']['detalle']
assert 'Revisa: Taller: identificando nuestras fortalezas profesionales; Planificación en duplas por nivel' \
    in by_id['monitoreo_1']['detalle'], by_id['monitoreo_1']['detalle']
assert 'Avances: Planificación en duplas por nivel (40%)' in by_id['seguimiento-2026-05-14']['detalle']
PY
