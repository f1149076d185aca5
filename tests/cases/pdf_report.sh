#!/bin/sh
# ruta pdf on the reference plan: a valid PDF (qpdf --check) on carta paper,
# with the text of every section and of the plan, accents included
# (pdftotext), embedded fonts (pdffonts), metadata (pdfinfo), bookmarks for
# every section and capacidad (qpdf --json) and a small file.
set -eu
plan="$SHARED/spec/examples/aromos.ruta"
"$RUTA" pdf --as-of 2026-06-01 "$plan" -o aromos.pdf
qpdf --check aromos.pdf >/dev/null

# pdftotext prints no warning (a valid ToUnicode map) and finds the text.
pdftotext -raw aromos.pdf aromos.txt 2>warnings.txt
if [ -s warnings.txt ]; then cat warnings.txt; exit 1; fi
tr -s '[:space:]' ' ' < aromos.txt > flat.txt
has() {
    grep -qF -- "$1" flat.txt || { echo "pdftotext does not find: $1"; exit 1; }
}
for text in \
    "Plan de Apoyo Técnico-Pedagógico 2026" "Índice" \
    "1. Aspectos generales" "1.1 Recursos" \
    "2. Matriz del Plan de Apoyo Técnico-Pedagógico" \
    "2.1 Colaboración docente en el primer ciclo" "2.2 Reflexión pedagógica del equipo directivo" \
    "3. Cronograma" "4. Hitos o reuniones de monitoreo" "5. Registro de seguimiento" \
    "5.1 Actas de las reuniones de monitoreo" "5.2 Ficha de acuerdos" "5.3 Nudos críticos" \
    "6. Responsables" "7. Alertas tempranas" \
    "Anexo 1: Checklist de autoevaluación para profesionales de la UATP"
do has "$text"; done
for text in \
    "Escuela Básica Los Aromos" "12345-6" "Servicio Local de Educación Pública Costa Central" \
    "Del 2 de marzo de 2026 al 11 de diciembre de 2026" "Fecha de emisión 1 de junio de 2026" \
    "Fortalecer la colaboración y la reflexión pedagógica entre los docentes del primer ciclo, para mejorar la planificación de la enseñanza de la lectura." \
    "Acompañamiento docente entre pares" "Los docentes planifican de forma aislada y no comparten estrategias." \
    "Taller: identificando nuestras fortalezas profesionales" "Docentes de 1° a 4° básico que planifican en dupla" \
    "Lorena Muñoz" "María González" "Trabajo en equipo" "Retroalimentación" "\$500.000" "\$220.000" \
    "Reunión de monitoreo 6" "Sala de reuniones" "Faltan horas no lectivas para las conversaciones de mentoría." \
    "La dirección reorganiza el horario de los jueves." "Seis de diecisiete docentes planifican en dupla." \
    "¡Buen trabajo!" "Durante la etapa de ejecución…" "SÍ" "NO APLICA" \
    "Demostré conocimiento profundo del contexto del establecimiento educativo y transmití confianza y seguridad al grupo." \
    "Página 2 de 11" "Página 11 de 11" "Reuniones de monitoreo" "Fecha de corte (1 de junio de 2026)"
do has "$text"; done
# The cover has no running header or footer.
pdftotext -f 1 -l 1 aromos.pdf cover.txt
if grep -q "Página" cover.txt; then echo "the cover has a footer"; exit 1; fi

# Metadata and paper.
pdfinfo aromos.pdf > info.txt
grep -q '^Title: *Plan de Apoyo Técnico-Pedagógico 2026$' info.txt
grep -q '^Author: *Escuela Básica Los Aromos$' info.txt
grep -q '^Subject: *Plan de Apoyo Técnico-Pedagógico, período del 2 de marzo de 2026 al 11 de diciembre de 2026$' info.txt
grep -q '^Page size: *612 x 792 pts (letter)$' info.txt
grep -q '^Pages: *11$' info.txt

# Both faces of DejaVu Sans, embedded and subset; no other font.
pdffonts aromos.pdf > fonts.txt
[ "$(sed -n '3,$p' fonts.txt | wc -l)" -eq 2 ]
grep -q 'DejaVuSans,Book' fonts.txt
grep -q 'DejaVuSans-Bold,Bold' fonts.txt
sed -n '3,$p' fonts.txt | awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes" { bad = 1 } END { exit bad }'

# Bookmarks: every section and capacidad.
qpdf --json --json-key=outlines aromos.pdf > outlines.json
for title in "1. Aspectos generales" "2. Matriz del Plan de Apoyo Técnico-Pedagógico" \
    "2.1 Colaboración docente en el primer ciclo" "2.2 Reflexión pedagógica del equipo directivo" \
    "3. Cronograma" "4. Hitos o reuniones de monitoreo" "5. Registro de seguimiento" \
    "6. Responsables" "7. Alertas tempranas" "Anexo 1: Checklist de autoevaluación para profesionales de la UATP"
do grep -qF "\"title\": \"$title\"" outlines.json || { echo "no bookmark: $title"; exit 1; }; done

# Small: the fonts keep only the glyphs drawn (docs/pdf.md).
size=$(wc -c < aromos.pdf)
[ "$size" -lt 150000 ] || { echo "aromos.pdf is $size bytes"; exit 1; }
