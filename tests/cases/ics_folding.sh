# ruta ics on a plan with commas, semicolons, quotes, line breaks, accents,
# emoji and very long texts: escaping survives a round trip through
# python3-icalendar, every physical line is at most 75 octets of valid UTF-8
# and ends with CRLF, and the section 11 records become VTODOs.
set -eu
plan="$ROOT/tests/data/backends/tricky.ruta"
"$RUTA" ics --as-of 2026-06-01 "$plan" -o tricky.ics
"$RUTA" json --as-of 2026-06-01 "$plan" -o tricky.json
/usr/bin/python3 - <<'PY'
import datetime as dt, json
import icalendar
raw = open('tricky.ics', 'rb').read()
assert raw.endswith(b'\r\n')
lines = raw.split(b'\r\n')[:-1]
assert all(b'\n' not in l and b'\r' not in l for l in lines), 'CRLF only'
folded = 0
for i, l in enumerate(lines):
    assert len(l) <= 75, f'line {i + 1} has {len(l)} octets'
    l.decode('utf-8')                                    # never splits a character
    folded += l.startswith(b' ')
assert folded > 10, 'long lines were folded'
# Some folds moved back to the start of a multi-byte character.
backed_up = sum(1 for a, b in zip(lines, lines[1:]) if b.startswith(b' ') and len(a) < 75)
assert backed_up > 0
# Unfolding gives back whole content lines.
unfolded = raw.replace(b'\r\n ', b'').split(b'\r\n')
assert any(len(l) > 300 for l in unfolded)

plan = json.load(open('tricky.json', encoding='utf-8'))
hitos = {h['id']: h for h in plan['hitos']}
acc = {a['id']: a for a in plan['acciones']}
cal = icalendar.Calendar.from_ical(raw)
ev = {str(e['UID']): e for e in cal.walk('VEVENT')}
uid = lambda i: i + '@plan_ñandú.ruta'
assert len(ev) == 2 + 6 + 3, sorted(ev)       # acciones, hitos, seguimientos
club = ev[uid('club')]
assert str(club['SUMMARY']) == acc['club']['titulo'] == 'Club de lectura: "Leer, pensar; crear" 📚'
desc = str(club['DESCRIPTION'])
assert acc['club']['descripcion'] in desc, desc       # line breaks, commas and ; survive
assert 'Responsable: Equipo directivo; gestión' in desc
ini = ev[uid('club_inicio')]
assert str(ini['LOCATION']) == hitos['club_inicio']['lugar']
assert hitos['club_inicio']['descripcion'] in str(ini['DESCRIPTION'])
assert str(ini['SUMMARY']) == 'Inauguración del club, "con café"'
assert [str(c) for c in ini['CATEGORIES'].cats] == ['Hito', 'Taller']
# A timed hito without duracion lasts 60 minutes; one crossing midnight ends the next day.
s, e = ev[uid('monitoreo_a')].decoded('DTSTART'), ev[uid('monitoreo_a')].decoded('DTEND')
assert e - s == dt.timedelta(minutes=60)
j = ev[uid('jornada')]
assert j.decoded('DTSTART').replace(tzinfo=None) == dt.datetime(2026, 9, 10, 23, 30)
assert j.decoded('DTEND').replace(tzinfo=None) == dt.datetime(2026, 9, 11, 1, 0)
assert j.decoded('DTSTART').utcoffset() == dt.timedelta(hours=-3)
f = ev[uid('feria')]                                     # all-day, duracion 2 dias
assert (f.decoded('DTSTART'), f.decoded('DTEND')) == (dt.date(2026, 8, 20), dt.date(2026, 8, 22))
# Two seguimientos on one day.
assert str(ev[uid('seguimiento-2026-04-08-2')]['SUMMARY']) == 'Reunión extra, mismo día'
# Adjusted action: the fechas in force.
w = ev[uid('escritura')]
assert (w.decoded('DTSTART'), w.decoded('DTEND')) == (dt.date(2026, 7, 6), dt.date(2026, 12, 5))
# Acuerdos with a plazo are VTODOs; the one closed by `cumplido` is COMPLETED.
todos = {str(t['UID']): t for t in cal.walk('VTODO')}
assert sorted(todos) == [uid('acuerdo-2026-04-08'), uid('donaciones')], sorted(todos)
d = todos[uid('donaciones')]
assert d.decoded('DUE') == dt.date(2026, 4, 30) and str(d['STATUS']) == 'COMPLETED'
r = todos[uid('acuerdo-2026-04-08')]
assert r.decoded('DUE') == dt.date(2026, 5, 15) and str(r['STATUS']) == 'NEEDS-ACTION'
assert str(r['SUMMARY']) == 'Revisar el horario'
PY
