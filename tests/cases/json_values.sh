# ruta json on the reference plan: resolved references, dates, the latest
# avance and state of each action as of the as-of date, indicators with their
# last medicion; and the execution records of the test plan.
set -eu
"$RUTA" json --as-of 2026-06-01 "$SHARED/spec/examples/aromos.ruta" -o aromos.json
"$RUTA" json --as-of 2026-12-20 "$SHARED/spec/examples/aromos.ruta" -o december.json 2> /dev/null
"$RUTA" json --as-of 2026-06-01 "$ROOT/tests/data/backends/tricky.ruta" -o tricky.json
/usr/bin/python3 - <<'PY'
import json
d = json.load(open('aromos.json', encoding='utf-8'))
assert d['formato'] == 'ruta-plan' and d['version_formato'] == 1
assert d['fecha_corte'] == '2026-06-01'
p = d['plan']
assert p['id'] == 'pat_2026' and p['establecimiento'] == 'Escuela Básica Los Aromos'
assert p['periodo'] == {'inicio': '2026-03-02', 'fin': '2026-12-11'}
assert p['objetivo'].startswith('Fortalecer la colaboración') and '\n' in p['objetivo']
assert p['presupuesto'] == {'monto': 500000, 'unidad': 'CLP'}
assert p['uatp'] == {'id': 'crojas', 'nombre': 'Carolina Rojas'}
assert p['equipo_gestion'] == {'id': 'gestion', 'nombre': 'Equipo de gestión'}
assert p['monitoreo_cada'] == {'valor': 8, 'unidad': 'semanas', 'dias': 56}
assert p['calendario']['id'] == 'cl_2026' and len(p['calendario']['dias']) == 17
assert [x['id'] for x in d['personas']] == ['mgonzalez', 'psoto', 'lmunoz', 'crojas']
assert d['personas'][1]['rol'] == {'id': 'jefe_tecnico', 'nombre': 'Jefe/a técnico/a'}
assert d['personas'][1]['correo'] == 'psoto@losaromos.cl' and d['personas'][0]['correo'] is None
assert d['equipos'][0]['integrantes'] == [{'id': 'mgonzalez', 'nombre': 'María González'},
                                          {'id': 'psoto', 'nombre': 'Pedro Soto'}]
cap = {c['id']: c for c in d['capacidades']}
assert [a['id'] for a in cap['colaboracion_docente']['acciones']] == ['fortalezas', 'duplas']
assert cap['reflexion_pedagogica']['basal'] == {'id': 'reflexion', 'nombre': cap['reflexion_pedagogica']['basal']['nombre']}

acc = {a['id']: a for a in d['acciones']}
f = acc['fortalezas']
assert f['capacidad'] == {'id': 'colaboracion_docente', 'nombre': 'Colaboración docente en el primer ciclo'}
assert f['responsable'] == {'id': 'psoto', 'nombre': 'Pedro Soto', 'tipo': 'persona'}
assert f['apoyo'] == [{'id': 'crojas', 'nombre': 'Carolina Rojas', 'tipo': 'persona'}]
assert f['fechas'] == f['fechas_planificadas'] == {'inicio': '2026-03-16', 'fin': '2026-03-27'}
assert f['ajustada'] is False
assert f['recursos'] == ['Video de la Agencia de Calidad', 'Proyector']
assert f['costo'] == {'monto': 40000, 'unidad': 'CLP'}
assert f['hitos'] == [{'id': 'taller_fortalezas', 'nombre': 'Taller de fortalezas profesionales'}]
assert f['avance']['porcentaje'] == 100 and f['estado'] == 'terminada'
assert f['avance']['comentario'] == 'Se realizaron las tres actividades del taller.'
du = acc['duplas']
assert du['despues_de'] == [{'id': 'fortalezas', 'nombre': f['titulo']}]
assert [a['porcentaje'] for a in du['avances']] == [5, 40]
assert du['avance'] == {'fecha': '2026-05-14', 'seguimiento': 'seguimiento-2026-05-14',
                        'porcentaje': 40, 'comentario': None}
# 2026-04-06 .. 2026-07-31 is 117 days; 57 elapsed by 2026-06-01: 48.7%.
assert du['avance_esperado'] == 48.7 and du['estado'] == 'en_curso' and du['estado_texto'] == 'en curso'
assert acc['mentoria']['responsable'] == {'id': 'gestion', 'nombre': 'Equipo de gestión', 'tipo': 'equipo'}
assert acc['mentoria']['avance']['porcentaje'] == 5 and acc['mentoria']['estado'] == 'en_curso'
assert acc['consejos']['avance'] is None and acc['consejos']['estado'] == 'no_iniciada'
assert acc['consejos']['avance_esperado'] == 0

ind = {i['id']: i for i in d['indicadores']}
pd = ind['planifica_dupla']
assert pd['accion'] == {'id': 'duplas', 'nombre': du['titulo']}
assert pd['linea_base'] == {'tipo': 'porcentaje', 'valor': 10, 'unidad': None, 'texto': '10%'}
assert pd['meta']['texto'] == '80%'
assert pd['ultima_medicion']['valor']['valor'] == 35
assert pd['ultima_medicion']['comentario'] == 'Seis de diecisiete docentes planifican en dupla.'
assert ind['conversaciones']['meta'] == {'tipo': 'cantidad', 'valor': 16, 'unidad': 'conversaciones',
                                         'texto': '16 conversaciones'}
assert ind['conversaciones']['ultima_medicion'] is None and ind['conversaciones']['mediciones'] == []

h = {x['id']: x for x in d['hitos']}
assert (h['taller_fortalezas']['fecha'], h['taller_fortalezas']['hora'], h['taller_fortalezas']['hora_fin']) \
    == ('2026-03-25', '15:00', '16:30')
assert h['taller_fortalezas']['accion'] == {'id': 'fortalezas', 'nombre': f['titulo']}
assert h['monitoreo_3']['duracion_minutos'] is None and h['monitoreo_3']['hora_fin'] is None
assert h['monitoreo_1']['tipo']['id'] == 'monitoreo' and h['monitoreo_1']['monitoreo'] is True
assert h['monitoreo_1']['revisa'] == [{'id': 'fortalezas', 'nombre': f['titulo']},
                                      {'id': 'duplas', 'nombre': du['titulo']}]
assert h['monitoreo_1']['participantes'] == [{'id': 'gestion', 'nombre': 'Equipo de gestión', 'tipo': 'equipo'}]
assert h['cierre']['duracion_minutos'] == 120 and h['cierre']['accion'] is None

s = d['seguimientos']
assert [x['id'] for x in s] == ['seguimiento-2026-04-09', 'seguimiento-2026-05-14']
assert [e['tipo'] for e in s[0]['entradas']] == ['avance', 'medicion', 'avance', 'logro', 'acuerdo']
assert s[0]['entradas'][0]['referencia'] == {'id': 'fortalezas', 'nombre': f['titulo'], 'tipo': 'accion'}
assert s[1]['entradas'][3]['texto'] == 'Faltan horas no lectivas para las conversaciones de mentoría.'
assert [a['id'] for a in d['acuerdos']] == ['acuerdo-2026-04-09', 'acuerdo-2026-05-14']
assert all(a['estado'] == 'pendiente' and a['plazo'] is None for a in d['acuerdos'])
assert d['nudos'][0]['estado'] == 'abierto' and d['nudos'][0]['accion']['id'] == 'mentoria'

# Another as-of date: progress is recomputed.
dec = json.load(open('december.json', encoding='utf-8'))
assert dec['fecha_corte'] == '2026-12-20'
a = {x['id']: x for x in dec['acciones']}
assert a['fortalezas']['estado'] == 'terminada'
assert a['duplas']['avance']['porcentaje'] == 40 and a['duplas']['estado'] == 'vencida'
assert a['consejos']['avance'] is None and a['consejos']['estado'] == 'vencida'
assert a['consejos']['avance_esperado'] == 100

t = json.load(open('tricky.json', encoding='utf-8'))
assert t['plan']['id'] == 'plan_ñandú' and t['plan']['titulo'] == 'Plan "Leer, pensar; crear" 📚'
assert t['plan']['permitir'] == ['W304']
ta = {x['id']: x for x in t['acciones']}
assert ta['escritura']['fechas'] == {'inicio': '2026-07-06', 'fin': '2026-12-04'}
assert ta['escritura']['fechas_planificadas'] == {'inicio': '2026-06-29', 'fin': '2026-11-27'}
assert ta['escritura']['ajustada'] is True
assert ta['club']['descripcion'].startswith('Primera línea de la descripción, con comas, y "comillas".\n')
ac = {x['id']: x for x in t['acuerdos']}
assert ac['donaciones']['estado'] == 'cumplido'
assert ac['donaciones']['cumplido'] == {'fecha': '2026-05-20', 'seguimiento': 'seguimiento-2026-05-20',
                                         'comentario': 'Llegaron 50 libros.'}
assert ac['donaciones']['responsable']['nombre'] == 'Pérez, Juan' and ac['donaciones']['id_declarado']
assert ac['acuerdo-2026-04-08']['estado'] == 'vencido' and not ac['acuerdo-2026-04-08']['id_declarado']
assert ac['acuerdo-2026-04-08-2']['estado'] == 'pendiente' and ac['acuerdo-2026-04-08-2']['plazo'] is None
n = t['nudos'][0]
assert n['id'] == 'faltan_libros' and n['estado'] == 'resuelto'
assert n['alternativas'] == ['Pedir donaciones', 'Usar la biblioteca pública, "Santiago"']
assert n['resuelto']['fecha'] == '2026-05-20'
segs = {x['id']: x for x in t['seguimientos']}
assert segs['seguimiento-2026-04-08']['hito'] == {'id': 'monitoreo_a', 'nombre': 'Monitoreo A'}
aj = [e for e in segs['seguimiento-2026-05-20']['entradas'] if e['tipo'] == 'ajuste'][0]
assert aj['fechas'] == {'inicio': '2026-07-06', 'fin': '2026-12-04'} and aj['comentario'] == 'Se corre una semana'
cu = [e for e in segs['seguimiento-2026-05-20']['entradas'] if e['tipo'] == 'cumplido'][0]
assert cu['referencia'] == {'id': 'donaciones', 'nombre': 'Pedir donaciones de libros', 'tipo': 'acuerdo'}
ae = t['autoevaluaciones']
assert len(ae) == 1 and ae[0]['uatp'] == {'id': 'ruiz', 'nombre': 'Ana "Anita" Ruiz'}
assert [(r['item']['id'], r['respuesta']) for r in ae[0]['respuestas']] == \
    [('facilitador', 'si'), ('comunicacion_efectiva', 'no'), ('involucramiento', 'no_aplica')]
th = {x['id']: x for x in t['hitos']}
assert th['entrega']['tipo']['id'] == 'entrega'
assert (th['jornada']['fecha_fin'], th['jornada']['hora_fin']) == ('2026-09-11', '01:00')
PY
