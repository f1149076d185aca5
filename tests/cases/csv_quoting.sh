# ruta csv: RFC 4180 quoting of separators, quotes and line breaks, read back
# through Python's csv module in the ',' and ';' dialects, with and without
# --bom, and compared with the plan's strings as `ruta json` reports them.
set -eu
plan="$ROOT/tests/data/backends/tricky.ruta"
"$RUTA" csv --as-of 2026-06-01 "$plan" -o comma.csv
"$RUTA" csv --as-of 2026-06-01 --sep ';' "$plan" -o semi.csv
"$RUTA" csv --as-of 2026-06-01 --sep ';' --bom "$plan" -o bom.csv
"$RUTA" json --as-of 2026-06-01 "$plan" -o plan.json
/usr/bin/python3 - <<'PY'
import csv, json
plan = json.load(open('plan.json', encoding='utf-8'))

def read(path, sep, encoding='utf-8'):
    with open(path, newline='', encoding=encoding) as f:
        return list(csv.reader(f, delimiter=sep, quotechar='"', doublequote=True, strict=True))

comma = read('comma.csv', ',')
semi = read('semi.csv', ';')
bom = read('bom.csv', ';', encoding='utf-8-sig')
assert comma == semi == bom, 'the three files hold the same fields'
raw = open('bom.csv', 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf' + b'tipo;id;titulo;'), raw[:30]
assert not open('semi.csv', 'rb').read().startswith(b'\xef\xbb\xbf')
assert open('semi.csv', 'rb').read().split(b'\r\n')[0] == \
    b'tipo;id;titulo;inicio;fin;hora_inicio;hora_fin;capacidad;responsable;lugar;detalle'

# Every record ends with CRLF; LF alone appears only inside quoted fields.
for path, sep in (('comma.csv', ','), ('semi.csv', ';')):
    data = open(path, 'rb').read()
    assert data.endswith(b'\r\n')
    in_quotes = False
    for i, b in enumerate(data):
        if b == ord('"'):
            in_quotes = not in_quotes
        elif b == ord('\n') and not in_quotes:
            assert data[i - 1] == ord('\r'), f'{path}: bare LF at byte {i}'
    data.decode('utf-8')

rows = {r[1]: dict(zip(comma[0], r)) for r in comma[1:]}
acc = {a['id']: a for a in plan['acciones']}
hit = {h['id']: h for h in plan['hitos']}
club = rows['club']
assert club['titulo'] == acc['club']['titulo'] == 'Club de lectura: "Leer, pensar; crear" 📚'
assert club['responsable'] == 'Equipo directivo; gestión'
assert club['detalle'].startswith(acc['club']['descripcion']), club['detalle']
assert '\n\n' in club['detalle'] and 'Segunda línea; con punto y coma.' in club['detalle']
assert club['detalle'].endswith(' | Apoyo: Ana "Anita" Ruiz, José Ñúñez 🙂'), club['detalle']
ini = rows['club_inicio']
assert ini['titulo'] == 'Inauguración del club, "con café"'
assert ini['responsable'] == 'Pérez, Juan'
assert ini['lugar'] == hit['club_inicio']['lugar'] == 'Biblioteca, 2º piso; sala "Neruda"'
assert hit['club_inicio']['descripcion'] in ini['detalle']
assert (ini['hora_inicio'], ini['hora_fin']) == ('15:00', '17:00')
# A hito crossing midnight ends the next day; an all-day one of 2 dias spans two days.
j = rows['jornada']
assert (j['inicio'], j['fin'], j['hora_inicio'], j['hora_fin']) == ('2026-09-10', '2026-09-11', '23:30', '01:00'), j
f = rows['feria']
assert (f['inicio'], f['fin'], f['hora_inicio'], f['hora_fin']) == ('2026-08-20', '2026-08-21', '', ''), f
# Adjusted action: the fechas in force, the planned ones in detalle.
e = rows['escritura']
assert (e['inicio'], e['fin']) == ('2026-07-06', '2026-12-04'), e
assert 'Fechas planificadas: 2026-06-29 .. 2026-11-27' in e['detalle']
# Two seguimientos on one day get distinct ids; acuerdos with a plazo get a row.
assert rows['seguimiento-2026-04-08']['titulo'] == 'Monitoreo A'
assert rows['seguimiento-2026-04-08-2']['titulo'] == 'Reunión extra, mismo día'
assert rows['donaciones']['tipo'] == 'acuerdo'
assert (rows['donaciones']['inicio'], rows['donaciones']['fin']) == ('2026-04-08', '2026-04-30')
assert 'Estado: cumplido el 2026-05-20' in rows['donaciones']['detalle']
assert rows['acuerdo-2026-04-08']['titulo'] == 'Revisar el horario'
assert 'Estado: plazo vencido' in rows['acuerdo-2026-04-08']['detalle']
assert not any('Sin plazo' in r[2] for r in comma), 'an acuerdo without plazo has no row'
assert all(len(r) == 11 for r in comma)
PY
