#!/bin/sh
# Writes to stdout a larger variant of a plan for the PDF tests:
#   sh gen_plan.sh BASE.ruta N WORDS
# BASE.ruta (the reference plan aromos.ruta) followed by one more capacidad
# whose práctica problemática has WORDS words (each word appears once:
# "acción1 niño2 corazón3 ..." so that a test can look for every one) and
# which holds N actions, each with an indicator and every fifth with a hito.
set -eu
base=$1
n=$2
words=$3
cat "$base"
printf '\ncapacidad capacidad_extensa "Capacidad extensa de prueba: distribución del liderazgo pedagógico" {\n'
printf '  basal: distribucion_liderazgo\n  dimension: liderazgo\n  practica_problematica: """\n'
awk -v w="$words" 'BEGIN {
    split("acción niño corazón pingüino año lápiz búho camión árbol ñandú", b, " ");
    line = "   ";
    for (i = 1; i <= w; i++) {
        line = line " " b[(i - 1) % 10 + 1] i;
        if (i % 12 == 0) { print line; line = "   "; }
    }
    if (line != "   ") print line;
}'
printf '    """\n  estado_deseado: "El equipo distribuye el liderazgo de las acciones entre sus integrantes."\n'
i=1
while [ "$i" -le "$n" ]; do
    m=$((3 + i % 8))
    d=$((2 + i % 26))
    start=$(printf '2026-%02d-%02d' "$m" "$d")
    end=$(printf '2026-%02d-%02d' $((m + 1)) "$d")
    case $((i % 4)) in
        0) who=mgonzalez ;; 1) who=psoto ;; 2) who=lmunoz ;; *) who=gestion ;;
    esac
    printf '  accion extra_%d "Acción adicional número %d: revisión de planificaciones con foco en la lectura" {\n' "$i" "$i"
    printf '    responsable: %s\n    apoyo: crojas\n    ambito: retroalimentacion\n' "$who"
    printf '    fechas: %s .. %s\n' "$start" "$end"
    printf '    indicador extra_ind_%d "Planificaciones revisadas en la acción %d" {\n' "$i" "$i"
    printf '      linea_base: 0 planificaciones\n      meta: 12 planificaciones\n'
    printf '      medio_verificacion: "Registro de revisión %d"\n    }\n' "$i"
    if [ $((i % 5)) -eq 0 ]; then
        printf '    hito extra_hito_%d "Revisión conjunta %d" { fecha: %s  tipo: reunion  responsable: %s }\n' \
            "$i" "$i" "$start" "$who"
    fi
    printf '  }\n'
    i=$((i + 1))
done
printf '}\n'
