# ruta ics on the reference plan, read back with python3-icalendar: one
# VEVENT per accion, hito and seguimiento, stable UIDs, all-day actions with
# an exclusive DTEND, timed hitos in America/Santiago.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
"$RUTA" ics --as-of 2026-06-01 "$plan" -o aromos.ics
/usr/bin/python3 - <<'PY'
import datetime as dt
import icalendar
raw = open('aromos.ics', 'rb').read()
assert raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b'')
assert all(len(l) <= 75 for l in raw.split(b'\r\n')), 'lines folded at 75 octets'
cal = icalendar.Calendar.from_ical(raw)
assert cal['VERSION'] == '2.0' and str(cal['PRODID']).startswith('-//Ruta//')
events = cal.walk('VEVENT')
assert len(events) == 14, len(events)                  # 4 acciones + 8 hitos + 2 seguimientos
assert cal.walk('VTODO') == []                          # no acuerdo of the plan has a plazo
uids = [str(e['UID']) for e in events]
assert len(set(uids)) == len(uids)
assert set(uids) == {u + '@pat_2026.ruta' for u in [
    'fortalezas', 'duplas', 'mentoria', 'consejos', 'taller_fortalezas', 'monitoreo_1', 'monitoreo_2',
    'monitoreo_3', 'monitoreo_4', 'monitoreo_5', 'monitoreo_6', 'cierre',
    'seguimiento-2026-04-09', 'seguimiento-2026-05-14']}, uids
ev = {str(e['UID']).split('@')[0]: e for e in events}
for e in events:
    assert e.decoded('DTSTAMP') == dt.datetime(2026, 6, 1, 0, 0, tzinfo=dt.timezone.utc) or \
        e.decoded('DTSTAMP').utcoffset() == dt.timedelta(0)
    assert str(e['DTSTAMP'].to_ical(), 'ascii') == '20260601T000000Z'

def allday(e, start, end):
    s, f = e.decoded('DTSTART'), e.decoded('DTEND')
    assert type(s) is dt.date and type(f) is dt.date, (s, f)
    assert e['DTSTART'].params.get('VALUE') == 'DATE'
    assert (s, f) == (start, end), (e['UID'], s, f)

allday(ev['fortalezas'], dt.date(2026, 3, 16), dt.date(2026, 3, 28))   # fechas ..03-27, DTEND exclusive
allday(ev['duplas'], dt.date(2026, 4, 6), dt.date(2026, 8, 1))
allday(ev['mentoria'], dt.date(2026, 5, 4), dt.date(2026, 10, 31))
allday(ev['consejos'], dt.date(2026, 8, 3), dt.date(2026, 11, 28))
allday(ev['seguimiento-2026-04-09'], dt.date(2026, 4, 9), dt.date(2026, 4, 10))
assert str(ev['seguimiento-2026-04-09']['SUMMARY']) == 'Monitoreo 1'

def timed(e, start, end):
    s, f = e.decoded('DTSTART'), e.decoded('DTEND')
    assert isinstance(s, dt.datetime) and isinstance(f, dt.datetime)
    assert e['DTSTART'].params['TZID'] == 'America/Santiago'
    assert e['DTEND'].params['TZID'] == 'America/Santiago'
    assert (s.replace(tzinfo=None), f.replace(tzinfo=None)) == (start, end), (e['UID'], s, f)
    return s

s = timed(ev['taller_fortalezas'], dt.datetime(2026, 3, 25, 15, 0), dt.datetime(2026, 3, 25, 16, 30))
assert s.utcoffset() == dt.timedelta(hours=-3)          # summer time until 2026-04-05
s = timed(ev['monitoreo_1'], dt.datetime(2026, 4, 9, 15, 30), dt.datetime(2026, 4, 9, 17, 0))
assert s.utcoffset() == dt.timedelta(hours=-4)
timed(ev['monitoreo_3'], dt.datetime(2026, 6, 18, 15, 30), dt.datetime(2026, 6, 18, 16, 30))  # default 60 min
timed(ev['cierre'], dt.datetime(2026, 12, 10, 15, 0), dt.datetime(2026, 12, 10, 17, 0))
assert str(ev['taller_fortalezas']['LOCATION']) == 'Biblioteca'
assert str(ev['monitoreo_1']['SUMMARY']) == 'Reunión de monitoreo 1'
assert 'Responsable: Carolina Rojas' in str(ev['monitoreo_1']['DESCRIPTION'])
assert 'Responsable: Pedro Soto' in str(ev['fortalezas']['DESCRIPTION'])
# The VTIMEZONE for the TZID is in the file.
tzs = cal.walk('VTIMEZONE')
assert len(tzs) == 1 and tzs[0]['TZID'] == 'America/Santiago'
# Events appear in the CSV order: by start date, then time.
starts = [e.decoded('DTSTART') for e in events]
key = [(s if type(s) is dt.date else s.date(), 0 if type(s) is dt.date else 1) for s in starts]
assert key == sorted(key)
PY
