# The VTIMEZONE that ruta ics writes for America/Santiago gives the same UTC
# offsets as the system's tz database (Debian tzdata) at every hour from 2024
# to 2037, including 2029, when April starts on a Sunday.
set -eu
"$RUTA" ics --as-of 2026-06-01 "$SHARED/spec/examples/aromos.ruta" -o aromos.ics
/usr/bin/python3 - <<'PY'
import datetime as dt, zoneinfo
import icalendar
cal = icalendar.Calendar.from_ical(open('aromos.ics', 'rb').read())
vtz = cal.walk('VTIMEZONE')[0]
assert vtz['TZID'] == 'America/Santiago'
mine = vtz.to_tz()
system = zoneinfo.ZoneInfo('America/Santiago')
t = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
end = dt.datetime(2038, 1, 1, tzinfo=dt.timezone.utc)
bad = []
while t < end:
    if t.astimezone(mine).utcoffset() != t.astimezone(system).utcoffset():
        bad.append(t)
    t += dt.timedelta(hours=1)
assert not bad, f'{len(bad)} hours differ, first {bad[:3]}'
# The 2026 changes: summer time ends 2026-04-05 00:00 (-03 -> -04) and
# starts 2026-09-06 00:00 (-04 -> -03).
off = lambda *a: dt.datetime(*a, tzinfo=dt.timezone.utc).astimezone(mine).utcoffset().total_seconds() / 3600
assert off(2026, 4, 5, 2, 59) == -3 and off(2026, 4, 5, 3, 0) == -4
assert off(2026, 9, 6, 3, 59) == -4 and off(2026, 9, 6, 4, 0) == -3
PY
