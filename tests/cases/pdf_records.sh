#!/bin/sh
# The execution records of section 11 in the report: acuerdos (cumplido,
# pendiente), nudos with alternativas, aprendizajes, observaciones, an
# ajuste (planned fechas kept), the latest autoevaluacion marked in Anexo 1,
# and a warning worded as an early signal in Alertas tempranas.
set -eu
cat "$SHARED/spec/examples/aromos.ruta" "$ROOT/tests/data/pdf/registros.fragment" > plan.ruta
"$RUTA" pdf --as-of 2026-06-01 plan.ruta -o plan.pdf 2>warnings.txt
grep -q "W205" warnings.txt
qpdf --check plan.pdf >/dev/null
pdftotext -raw plan.pdf - | tr -s '[:space:]' ' ' > flat.txt
for text in \
    "28 de mayo de 2026 · Monitoreo extraordinario" \
    "Compartir las planificaciones en la carpeta común" "Responsable: Lorena Muñoz · Plazo: 29/05/2026" \
    "Cumplido el 28/05/2026" "Todas las duplas subieron su planificación." "Pendiente" \
    "Las conversaciones de mentoría se cruzan con los consejos" \
    "• Usar el consejo de profesores del jueves • Mover las conversaciones al martes" \
    "Abierto desde el 28/05/2026" "Abierto desde el 14/05/2026" \
    "Las duplas funcionan mejor cuando comparten el mismo nivel." \
    "La UATP valora la disposición del equipo directivo." \
    "Nuevas fechas: 06/04/2026 – 14/08/2026" "Ajustadas; planificadas: 06/04/2026 – 31/07/2026" \
    "Respuestas de la autoevaluación del 29 de mayo de 2026 (Carolina Rojas)." \
    "Hito en fin de semana" "No son una evaluación de su trabajo" \
    "Jornada de planificación del sábado"
do grep -qF -- "$text" flat.txt || { echo "pdftotext does not find: $text"; exit 1; }; done
if grep -qF "no encontró señales de alerta temprana" flat.txt; then echo "a clean-plan sentence with warnings"; exit 1; fi
