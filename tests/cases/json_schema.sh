# ruta json output validates against docs/ruta-plan.schema.json (JSON Schema
# 2020-12, python3-jsonschema) for the reference plan and the test plan with
# execution records; the schema itself is valid and rejects a broken document.
set -eu
"$RUTA" json --as-of 2026-06-01 "$SHARED/spec/examples/aromos.ruta" -o aromos.json
"$RUTA" json --as-of 2026-06-01 "$ROOT/tests/data/backends/tricky.ruta" -o tricky.json
/usr/bin/python3 - "$ROOT/docs/ruta-plan.schema.json" <<'PY'
import copy, json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for path in ('aromos.json', 'tricky.json'):
    doc = json.load(open(path, encoding='utf-8'))
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:5]:
        print(path, list(e.path), e.message)
    assert not errors, f'{path}: {len(errors)} schema errors'
# The schema is strict enough to catch mistakes.
doc = json.load(open('aromos.json', encoding='utf-8'))
for mutate in (lambda d: d['acciones'][0].pop('estado'),
               lambda d: d['acciones'][0].__setitem__('estado', 'perdida'),
               lambda d: d['hitos'][0].__setitem__('fecha', '2026-3-25'),
               lambda d: d['plan'].__setitem__('extra', 1),
               lambda d: d['acciones'][0]['responsable'].pop('nombre')):
    broken = copy.deepcopy(doc)
    mutate(broken)
    assert not v.is_valid(broken)
PY
