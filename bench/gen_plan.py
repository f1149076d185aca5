#!/usr/bin/python3
"""gen_plan.py - a realistic Ruta plan with N actions, and the same plan as a
TaskJuggler project.

    bench/gen_plan.py N OUT.ruta [OUT.tjp [OUT_MIN.tjp]]

The plan is what a large territory (a network of schools sharing one plan)
would write: capacidades of eight actions each, every action with a
responsable, apoyo, fechas, a `despues_de` chain inside its capacidad, a cost
and one or two indicators; every other action has a hito (a taller); the plan
has a monitoring hito every four weeks, and each monitoring meeting before
the as-of date (2026-06-04, see AS_OF) has seguimientos that record the
avance of every action begun by then, a medicion for every indicator of the
actions that have ended, logros, nudos (resolved at the next meeting) and
acuerdos (closed at the next meeting). The plan is valid and clean: `ruta
check --as-of 2026-06-04` reports nothing, so the benchmark measures the
full check, the model and every consistency pass, not an early exit.

The text is calibrated on the plans of samples/ (a realistic plan is
mostly prose): about 12 bytes per token, 43 % of the bytes in strings and
text blocks, 7 % in comments (the samples: 10 to 12.4 bytes per token, 38 to
46 % strings, 4 to 7 % comments). About 1 KB per action: 1000 actions make a
1 MB file, 100 000 actions a 100 MB file.

The TaskJuggler project has one resource per persona, one task per action
(start, end, responsible, depends on the same predecessor), one milestone
per hito, and a CSV task report: the same scheduling facts that `ruta csv`
reports. OUT_MIN.tjp is the bare project the issue describes: one resource
per persona, one task per action with start, end and a responsible
resource, and the CSV task report; no groups, dependencies, milestones or
15-minute resolution (tj3 is faster on it, so ruta's ratio to it is the
stricter one). The output is deterministic for a given N (a fixed random
seed).
Python 3 standard library only.
"""
import datetime
import random
import sys

AS_OF = datetime.date(2026, 6, 4)
PLAN_START = datetime.date(2026, 3, 2)
PLAN_END = datetime.date(2026, 12, 11)
ACTIONS_PER_CAP = 8

# cl_2026 (stdlib/calendario/cl-2026.ruta): hitos avoid these days.
FERIADOS = {datetime.date(2026, m, d) for m, d in [
    (1, 1), (4, 3), (4, 4), (5, 1), (5, 21), (6, 21), (6, 29), (7, 16), (8, 15),
    (9, 18), (9, 19), (10, 12), (10, 31), (11, 1), (12, 8), (12, 25)]}
VACACIONES = (datetime.date(2026, 6, 22), datetime.date(2026, 7, 3))

NOMBRES = ["María", "Pedro", "Lorena", "Carolina", "José", "Camila", "Matías", "Valentina",
           "Tomás", "Soledad", "Cristián", "Macarena", "Andrés", "Francisca", "Rodrigo",
           "Daniela", "Felipe", "Constanza", "Ignacio", "Javiera"]
APELLIDOS = ["González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva",
             "Martínez", "Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández",
             "Torres", "Araya", "Flores", "Espinoza", "Valenzuela", "Castillo", "Tapia"]
ROLES = ["docente", "docente", "docente", "jefe_tecnico", "coordinador_pie",
         "encargado_convivencia", "orientador", "educadora_parvulos", "director"]
BASALES = ["reflexion", "colaboracion", "confianza_relacional", "distribucion_liderazgo"]
DIMENSIONES = ["gestion_pedagogica", "liderazgo", "formacion_convivencia", "gestion_recursos"]
AMBITOS = ["retroalimentacion", "trabajo_en_equipo", "relaciones_interpersonales"]
FRECUENCIAS = ["semanal", "quincenal", "mensual", "bimestral", "unica"]
TEMAS = ["planificación en duplas", "lectura compartida", "retroalimentación formativa",
         "observación de aula entre pares", "análisis de evidencias", "convivencia escolar",
         "trabajo con familias", "evaluación formativa", "inclusión en el aula",
         "mentoría a docentes nuevos", "consejos de profesores reflexivos", "uso del tiempo no lectivo"]
ACCIONES = ["Taller de", "Ciclo de", "Jornada de", "Comunidad de aprendizaje sobre",
            "Acompañamiento en", "Seminario interno de"]
LUGARES = ["Biblioteca", "Sala de profesores", "Sala de reuniones", "Laboratorio de ciencias"]
PROPOSITOS = ["que los docentes compartan sus prácticas y acuerden criterios comunes",
              "que el equipo analice evidencias de aprendizaje de los estudiantes",
              "fortalecer la confianza entre colegas para observarse y retroalimentarse",
              "instalar una rutina de reflexión pedagógica en el consejo de profesores",
              "que las duplas planifiquen juntas y revisen los resultados de cada unidad",
              "acordar estrategias de apoyo para los estudiantes que más lo necesitan"]
RECURSOS = ["Proyector", "Fichas de trabajo impresas", "Video de la Agencia de Calidad",
            "Pauta de observación de clases", "Horas no lectivas de los docentes",
            "Planilla compartida de seguimiento", "Material de la biblioteca CRA"]
CARGOS = ["Profesora de primer ciclo", "Profesor de matemática", "Coordinadora de ciclo",
          "Educadora diferencial", "Jefa de UTP", "Encargado de convivencia escolar"]
COMENTARIOS = ["Se cumplió lo planificado para el periodo.",
               "Hubo que reprogramar una sesión por una actividad del establecimiento.",
               "Los docentes valoran el espacio y piden mantenerlo.",
               "Falta registrar la asistencia de la última sesión."]
MEDIOS = ["Actas de reuniones de ciclo", "Registro de asistencia", "Pautas de observación",
          "Planificaciones de aula", "Fichas de acuerdos", "Encuesta a docentes"]


def iso(d):
    return d.isoformat()


def workday_on_or_after(d):
    """The first weekday that is no feriado and not in vacaciones, from d on."""
    while d.weekday() >= 5 or d in FERIADOS or VACACIONES[0] <= d <= VACACIONES[1]:
        d += datetime.timedelta(days=1)
    return d


class Plan:
    """The plan's objects, computed once and written in two languages."""

    def __init__(self, n):
        self.n = n
        rnd = random.Random(20260301 + n)
        self.npersonas = max(8, (n + 1) // 2)
        self.nequipos = max(1, n // 50)
        self.personas = []
        for p in range(self.npersonas):
            nombre = "%s %s %s" % (rnd.choice(NOMBRES), rnd.choice(APELLIDOS), rnd.choice(APELLIDOS))
            cargo = rnd.choice(CARGOS) if p % 2 else None
            correo = "p%d@escuela%d.cl" % (p, p % 40) if p % 3 == 0 else None
            self.personas.append(("p%d" % p, nombre, rnd.choice(ROLES), cargo, correo))
        # Equipo e has three members no other equipo has; each persona also
        # leads at most two actions, so nobody exceeds carga_maxima 3.
        self.equipos = [("eq%d" % e, "Equipo de ciclo %d" % (e + 1),
                         ["p%d" % ((3 * e + k) % self.npersonas) for k in range(3)])
                        for e in range(self.nequipos)]
        self.acciones = []
        for i in range(n):
            cap, j = divmod(i, ACTIONS_PER_CAP)
            start = PLAN_START + datetime.timedelta(days=7 + 28 * j + (cap % 3))
            end = start + datetime.timedelta(days=rnd.randint(18, 25))
            apoyo = "p%d" % ((i * 7 + 3) % self.npersonas)
            if i % 50 == 7 and i // 50 < self.nequipos:
                # The persona this action would have had supports it, so
                # that every persona is referenced (no W304).
                resp, apoyo = "eq%d" % (i // 50), "p%d" % (i % self.npersonas)
            else:
                resp = "p%d" % (i % self.npersonas)
            tema = rnd.choice(TEMAS)
            indicadores = []
            for k in range(1 if i % 3 else 2):
                if (i + k) % 2:
                    base, meta = rnd.randint(0, 30), rnd.randint(60, 100)
                    ind = ("%d%%" % base, "%d%%" % meta)
                else:
                    ind = ("0 talleres", "%d talleres" % rnd.randint(2, 8))
                indicadores.append(("i%d_%d" % (i, k), ind[0], ind[1], rnd.choice(MEDIOS),
                                    rnd.choice(FRECUENCIAS)))
            hito = None
            if i % 2 == 0:
                day = workday_on_or_after(start + datetime.timedelta(days=rnd.randint(2, 10)))
                if day <= end:
                    hito = ("h%d" % i, day, "%02d:%02d" % (rnd.randint(8, 17), rnd.choice([0, 15, 30])),
                            rnd.choice(LUGARES))
            self.acciones.append({
                "id": "a%d" % i, "cap": cap, "j": j, "start": start, "end": end, "resp": resp,
                "apoyo": apoyo, "titulo": "%s %s" % (rnd.choice(ACCIONES), tema), "tema": tema,
                "ambito": AMBITOS[i % 3], "costo": rnd.randint(1, 30) * 5000,
                "proposito": rnd.choice(PROPOSITOS), "largo": i % 4 == 0,
                "recursos": rnd.sample(RECURSOS, rnd.randint(0, 2)),
                "ind": indicadores, "hito": hito,
            })
        self.ncap = (n + ACTIONS_PER_CAP - 1) // ACTIONS_PER_CAP
        self.monitoreos = []
        d = workday_on_or_after(datetime.date(2026, 3, 12))
        while d <= PLAN_END - datetime.timedelta(days=14):
            self.monitoreos.append(d)
            d = workday_on_or_after(d + datetime.timedelta(days=28))


def write_ruta(plan, out):
    w = out.write
    w("# Plan generado por bench/gen_plan.py con %d acciones.\n" % plan.n)
    w("# ruta check --as-of %s\n\n" % iso(AS_OF))
    w('usar "mdc"\nusar "pme"\nusar "calendario/cl-2026"\n\n')
    presupuesto = sum(a["costo"] for a in plan.acciones) + 1000000
    w('plan red_%d "Plan de mejoramiento de la red territorial" {\n' % plan.n)
    w('  establecimiento: "Red de escuelas del territorio Costa Central"\n')
    w('  sostenedor: "Servicio Local de Educación Pública Costa Central"\n')
    w("  periodo: %s .. %s\n" % (iso(PLAN_START), iso(PLAN_END)))
    w('  objetivo: """\n    Fortalecer la colaboración y la reflexión pedagógica de los equipos\n'
      '    docentes de la red, con foco en la enseñanza de la lectura.\n    """\n')
    w('  presupuesto: $%s\n' % "{:,}".format(presupuesto).replace(",", "."))
    w("  calendario: cl_2026\n  monitoreo_cada: 6 semanas\n  uatp: p0\n  equipo_gestion: eq0\n}\n\n")
    for pid, nombre, rol, cargo, correo in plan.personas:
        w('persona %s "%s" {\n  rol: %s\n' % (pid, nombre, rol))
        if cargo:
            w('  cargo: "%s"\n' % cargo)
        if correo:
            w('  correo: "%s"\n' % correo)
        w("}\n")
    w("\n")
    for eid, nombre, miembros in plan.equipos:
        w('equipo %s "%s" { integrantes: %s }\n' % (eid, nombre, ", ".join(miembros)))
    for c in range(plan.ncap):
        acciones = plan.acciones[c * ACTIONS_PER_CAP:(c + 1) * ACTIONS_PER_CAP]
        w('\ncapacidad c%d "Capacidad %d: %s" {\n' % (c, c + 1, acciones[0]["tema"]))
        w("  basal: %s\n  dimension: %s\n" % (BASALES[c % 4], DIMENSIONES[c % 4]))
        w('  practica_problematica: """\n    Los docentes trabajan de forma aislada en %s: cada uno planifica\n'
          '    solo, las evidencias no se comparten y los acuerdos no se registran.\n    """\n' % acciones[0]["tema"])
        w('  estado_deseado: "Los docentes colaboran en %s y revisan evidencias."\n' % acciones[0]["tema"])
        for a in acciones:
            write_accion(a, w)
        w("}\n")
    w("\n")
    for k, d in enumerate(plan.monitoreos):
        w('hito m%d "Reunión de monitoreo %d" { fecha: %s 15:30  duracion: 90 min  tipo: monitoreo'
          '  responsable: p0  participantes: eq0 }\n' % (k, k + 1, iso(d)))
    write_seguimientos(plan, w)


def write_accion(a, w):
    w("\n")
    if a["j"] == 0:
        w("  # Primera acción de la capacidad: las siguientes dependen de la anterior.\n")
    else:
        w("  # Se revisa en la reunión de monitoreo siguiente al término de la acción.\n")
    w('  accion %s "%s" {\n' % (a["id"], a["titulo"]))
    if a["largo"]:
        w('    descripcion: """\n      Propósito: %s.\n      Se trabaja en sesiones de %s,'
          ' con registro de acuerdos\n      y revisión de evidencias en la sesión siguiente.\n      """\n'
          % (a["proposito"], a["tema"]))
    else:
        w('    descripcion: "Propósito: %s, a partir de %s."\n' % (a["proposito"], a["tema"]))
    w("    responsable: %s\n    apoyo: %s\n    ambito: %s\n" % (a["resp"], a["apoyo"], a["ambito"]))
    w("    fechas: %s .. %s\n" % (iso(a["start"]), iso(a["end"])))
    if a["j"] > 0:
        w("    despues_de: a%d\n" % (int(a["id"][1:]) - 1))
    if a["recursos"]:
        w("    recursos: %s\n" % ", ".join('"%s"' % r for r in a["recursos"]))
    w("    costo: $%s\n" % "{:,}".format(a["costo"]).replace(",", "."))
    for iid, base, meta, medio, frec in a["ind"]:
        w('    indicador %s "Docentes que participan en %s" {\n' % (iid, a["tema"]))
        w('      linea_base: %s\n      meta: %s\n      medio_verificacion: "%s"\n'
          '      frecuencia: %s\n    }\n' % (base, meta, medio, frec))
    if a["hito"]:
        hid, day, hora, lugar = a["hito"]
        w('\n    hito %s "Sesión de %s" {\n      fecha: %s %s\n      duracion: 2 h\n      tipo: taller\n'
          '      responsable: %s\n      lugar: "%s"\n    }\n' % (hid, a["tema"], iso(day), hora, a["apoyo"], lugar))
    w("  }\n")


def share(a, day):
    total = (a["end"] - a["start"]).days + 1
    done = (day - a["start"]).days + 1
    return max(0, min(100, 100 * done // total))


def write_seguimientos(plan, w):
    """One record per monitoring meeting up to AS_OF, split in parts of 400
    actions (one per group of schools), the first part linked to the hito."""
    meetings = [d for d in plan.monitoreos if d <= AS_OF]
    part = 400
    for k, d in enumerate(meetings):
        for first in range(0, plan.n, part):
            started = [a for a in plan.acciones[first:first + part] if a["start"] <= d]
            prev = meetings[k - 1] if k else None
            # Ended actions already closed at an earlier meeting are not repeated.
            live = [a for a in started if prev is None or a["end"] >= prev]
            if not live:
                continue
            w('\nseguimiento %s "Monitoreo %d, grupo %d" {\n' % (iso(d), k + 1, first // part + 1))
            if first == 0:
                w("  hito: m%d\n" % k)
            w("  asistentes: eq0, p0\n")
            for a in live:
                pct = 100 if a["end"] <= d else share(a, d)
                if int(a["id"][1:]) % 3 == 0:
                    w('  avance %s: %d%% "%s"\n' % (a["id"], pct, COMENTARIOS[int(a["id"][1:]) % 4]))
                else:
                    w("  avance %s: %d%%\n" % (a["id"], pct))
                if a["end"] <= d:
                    for iid, base, meta, medio, frec in a["ind"]:
                        w("  medicion %s: %s\n" % (iid, meta))
            a = live[0]
            w('  logro %s: "Los docentes compartieron sus planificaciones."\n' % a["id"])
            if k + 1 < len(meetings):
                w('  nudo %s: "Faltan horas no lectivas." { id: n%d_%d }\n' % (a["id"], k, first))
                w('  acuerdo %s: "Reorganizar el horario de los jueves." { id: q%d_%d  responsable: p0'
                  '  plazo: %s }\n' % (a["id"], k, first, iso(meetings[k + 1])))
            if k > 0:
                w('  resuelto n%d_%d: "Se liberaron dos horas semanales."\n' % (k - 1, first))
                w('  cumplido q%d_%d: "Horario reorganizado."\n' % (k - 1, first))
            w("}\n")


def write_tjp_start(plan, w, comment, settings):
    """The project header and one resource per persona; returns the
    persona that stands for each equipo (tj3 tasks have one responsible)."""
    w("/* %s */\n" % comment)
    w('project red "Plan de mejoramiento de la red territorial" %s - %s {\n'
      % (iso(PLAN_START), iso(PLAN_END + datetime.timedelta(days=1))))
    w('  timezone "America/Santiago"\n%s  now %s\n}\n\n' % (settings, iso(AS_OF)))
    for pid, nombre, rol, cargo, correo in plan.personas:
        w('resource %s "%s"\n' % (pid, nombre))
    return {eid: miembros[0] for eid, _, miembros in plan.equipos}


def write_tjp_report(w):
    w('taskreport tareas "tareas" {\n  formats csv\n'
      '  columns id, name, start, end, responsible\n  hidetask 0\n}\n')


def write_tjp(plan, out):
    w = out.write
    first_member = write_tjp_start(
        plan, w, "TaskJuggler project equivalent to the Ruta plan of %d actions." % plan.n,
        '  currency "CLP"\n  timingresolution 15min\n')
    for c in range(plan.ncap):
        acciones = plan.acciones[c * ACTIONS_PER_CAP:(c + 1) * ACTIONS_PER_CAP]
        w('\ntask c%d "Capacidad %d: %s" {\n' % (c, c + 1, acciones[0]["tema"]))
        for a in acciones:
            resp = first_member.get(a["resp"], a["resp"])
            w('  task %s "%s" {\n    start %s\n    end %s\n    responsible %s\n'
              % (a["id"], a["titulo"], iso(a["start"]), iso(a["end"] + datetime.timedelta(days=1)), resp))
            if a["j"] > 0:
                w("    depends !a%d\n" % (int(a["id"][1:]) - 1))
            w("  }\n")
            if a["hito"]:
                hid, day, hora, lugar = a["hito"]
                w('  task %s "Sesión de %s" {\n    start %s-%s\n    milestone\n  }\n'
                  % (hid, a["tema"], iso(day), hora))
        w("}\n")
    w('\ntask monitoreo "Reuniones de monitoreo" {\n')
    for k, d in enumerate(plan.monitoreos):
        w('  task m%d "Reunión de monitoreo %d" {\n    start %s-15:30\n    milestone\n  }\n'
          % (k, k + 1, iso(d)))
    w("}\n\n")
    write_tjp_report(w)


def write_tjp_min(plan, out):
    w = out.write
    first_member = write_tjp_start(
        plan, w, "The bare TaskJuggler project of the Ruta plan of %d actions: tasks with\n"
        "   start, end and a responsible resource, and a CSV task report." % plan.n, "")
    w("\n")
    for a in plan.acciones:
        resp = first_member.get(a["resp"], a["resp"])
        w('task %s "%s" {\n  start %s\n  end %s\n  responsible %s\n}\n'
          % (a["id"], a["titulo"], iso(a["start"]), iso(a["end"] + datetime.timedelta(days=1)), resp))
    w("\n")
    write_tjp_report(w)


def main(argv):
    if len(argv) not in (3, 4, 5):
        sys.stderr.write("uso: gen_plan.py N SALIDA.ruta [SALIDA.tjp [SALIDA_MIN.tjp]]\n")
        return 2
    plan = Plan(int(argv[1]))
    with open(argv[2], "w", encoding="utf-8") as out:
        write_ruta(plan, out)
    if len(argv) >= 4:
        with open(argv[3], "w", encoding="utf-8") as out:
            write_tjp(plan, out)
    if len(argv) == 5:
        with open(argv[4], "w", encoding="utf-8") as out:
            write_tjp_min(plan, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
