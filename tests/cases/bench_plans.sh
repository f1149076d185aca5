# The benchmark's plans (bench/gen_plan.py, make bench). The Ruta plan
# checks with no diagnostic at all at the benchmark's date, so that the
# benchmark times the whole check and not an early exit; tj3 accepts both
# TaskJuggler projects (the equivalent one and the bare one the issue
# describes) and schedules every action on the dates `ruta csv` gives it,
# so that the ratio compares the same plan. Each assertion is shown to
# fail on a plan or a project broken on purpose.
set -eu
AS_OF=2026-06-04   # the date gen_plan.py's plans are clean at
N=120
/usr/bin/python3 -B "$ROOT/bench/gen_plan.py" $N plan.ruta plan.tjp plan.min.tjp

# no_diagnostics FILE: the check's JSON diagnostics are an empty list.
no_diagnostics() {
    "$RUTA" check --as-of $AS_OF --diagnostics-format=json "$1" > diags.json 2> err.txt || true
    [ "$(cat diags.json)" = "[]" ] && [ ! -s err.txt ]
}
no_diagnostics plan.ruta || { echo "plan.ruta is not clean:"; head -c 600 diags.json err.txt; exit 1; }
# A warning alone (W304, exit 0) is a diagnostic too.
cp plan.ruta warned.ruta
printf '\npersona extra "Extra" {\n  rol: docente\n}\n' >> warned.ruta
if no_diagnostics warned.ruta; then
    echo "a plan with an unreferenced persona passed as clean"
    exit 1
fi
grep -q W304 diags.json || { echo "not the expected W304:"; head -c 600 diags.json; exit 1; }

"$RUTA" csv --as-of $AS_OF plan.ruta -o plan.csv

# same_schedule CSV_DIR...: every action of plan.csv is in each tj3 report
# with the same start, its end one day after ruta's last day (tj3's end is
# exclusive), and the same responsible in every report.
same_schedule() {
    /usr/bin/python3 -B - "$N" "$@" <<'PY'
import csv, datetime, sys
n, dirs = int(sys.argv[1]), sys.argv[2:]
ruta = {r['id']: r for r in csv.DictReader(open('plan.csv', newline='', encoding='utf-8'))
        if r['tipo'] == 'accion'}
assert len(ruta) == n, ('actions in ruta csv', len(ruta))
reports = []
for d in dirs:
    rows = csv.DictReader(open(d + '/tareas.csv', newline='', encoding='utf-8'), delimiter=';')
    # The equivalent project nests actions in groups: "c0.a3".
    reports.append({r['Id'].split('.')[-1]: r for r in rows if r['Id'].split('.')[-1][0] == 'a'})
bad = []
for i, r in ruta.items():
    end = (datetime.date.fromisoformat(r['fin']) + datetime.timedelta(days=1)).isoformat()
    got = [rep.get(i) for rep in reports]
    if any(g is None or (g['Start'], g['End']) != (r['inicio'], end) for g in got):
        bad.append((i, r['inicio'], end, [g and (g['Start'], g['End']) for g in got]))
    elif len({g['Responsible'] for g in got}) != 1:
        bad.append((i, [g['Responsible'] for g in got]))
for rep in reports:
    assert len(rep) == n, ('actions in a tj3 report', len(rep))
if bad:
    print('schedules differ:', bad[:5])
    sys.exit(1)
PY
}

mkdir eq bare moved
tj3 --silent --no-color -o eq plan.tjp
tj3 --silent --no-color -o bare plan.min.tjp
same_schedule eq bare

# The comparison catches a project where one action ends a day later.
/usr/bin/python3 -B - <<'PY'
import datetime
text = open('plan.min.tjp', encoding='utf-8').read()
head, sep, rest = text.partition('task a5 ')
block, close, tail = rest.partition('}\n')
lines = block.split('\n')
for k, line in enumerate(lines):
    if line.strip().startswith('end '):
        d = datetime.date.fromisoformat(line.split()[1]) + datetime.timedelta(days=1)
        lines[k] = '  end ' + d.isoformat()
assert lines != block.split('\n'), 'task a5 has an end'
open('moved.tjp', 'w', encoding='utf-8').write(head + sep + '\n'.join(lines) + close + tail)
PY
tj3 --silent --no-color -o moved moved.tjp
if same_schedule eq moved > moved.txt; then
    echo "a project with a moved end date passed the comparison"
    exit 1
fi
grep -q "'a5'" moved.txt || { echo "the moved action is not the one reported:"; cat moved.txt; exit 1; }
